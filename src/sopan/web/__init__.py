"""The local web app (`sopan web`): the same use cases as the command line, one page per
step, for people who never open a terminal. Server-rendered with Starlette and Jinja2;
every form works without JavaScript, and `static/sopan.js` adds live lint and copying.

Layout: `guard.py` (what every request must pass), `flow.py` (one person's inputs and the
use cases' results), `views.py` (what the pages show, as plain values), `routes.py` (the
pages), `server.py` (start and stop).
"""
