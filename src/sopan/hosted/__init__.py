"""The hosted mode (`sopan serve`, `sopan worker`, `sopan admin`): sopan for a career centre,
many students on one server, each in their own space, on PostgreSQL.

It is an edge like `cli/` and `web/`: accounts and sign-in, roles, consent and audit around the
same use cases (`sopan.app`) and the same pages as the local mode. Its data is in the store
(`store.scope`, `store.people`), held to each account in one place there and by PostgreSQL's
row-level security."""
