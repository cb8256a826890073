"""Sign-in through the campus identity provider: OpenID Connect with Authlib's Starlette
client, the authorization code flow with PKCE (S256), the ID token checked by Authlib
(signature, issuer, audience, nonce, expiry).

The provider's roles claim (`[serve.oidc] roles_claim`, a list of groups or one value) is
mapped to sopan's roles (`roles`); a person whose claim maps to none is refused. The account
is made on the first sign-in and its role follows the claim at every sign-in after."""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from sopan.config.hosted import ROLES, OidcSettings
from sopan.errors import UserError
from sopan.hosted.site import centre_of, error_page
from sopan.hosted.words import page_language
from sopan.store.scope import SYSTEM

#: the environment variable holding the client's secret at the provider
SECRET_VARIABLE = "SOPAN_OIDC_CLIENT_SECRET"
NAME = "campus"


@cache
def _client(issuer: str, client_id: str, scopes: str) -> Any:
    import os

    from authlib.integrations.starlette_client import OAuth  # type: ignore[import-untyped]

    oauth = OAuth()
    oauth.register(
        NAME,
        client_id=client_id,
        client_secret=os.environ.get(SECRET_VARIABLE),
        server_metadata_url=f"{issuer}/.well-known/openid-configuration",
        client_kwargs={"scope": scopes, "code_challenge_method": "S256"},
    )
    return oauth.create_client(NAME)


def client_for(settings: OidcSettings) -> Any:
    """The provider's client (made once per process; its metadata fetched on first use)."""
    return _client(settings.issuer, settings.client_id, settings.scopes)


def role_of(claims: dict[str, Any], settings: OidcSettings) -> str | None:
    """sopan's role for a person's claims: the first of ROLES that a value of the roles
    claim maps to (so one in two groups gets the narrower of student and counsellor first),
    None when none does."""
    given = claims.get(settings.roles_claim)
    values = [given] if isinstance(given, str) else list(given or [])
    mapped = {settings.roles.get(str(v)) for v in values}
    return next((r for r in ROLES if r in mapped), None)


def _callback(request: Request) -> str:
    centre = centre_of(request)
    base = centre.serve.public_url or str(request.base_url).rstrip("/")
    return f"{base}/auth/callback"


async def start(request: Request) -> Response:
    """Off to the provider, with a fresh state, nonce and PKCE verifier."""
    settings = centre_of(request).serve.oidc
    if settings is None:
        return RedirectResponse("/login", 303)
    return await client_for(settings).authorize_redirect(request, _callback(request))  # type: ignore[no-any-return]


async def callback(request: Request) -> Response:
    """Back from the provider: the code exchanged (with the verifier), the ID token checked,
    the account found or made, a session opened."""
    from authlib.integrations.base_client.errors import (  # type: ignore[import-untyped]
        OAuthError,
    )
    from starlette.concurrency import run_in_threadpool

    from sopan.hosted.auth import open_session, set_session

    centre = centre_of(request)
    settings = centre.serve.oidc
    if settings is None:
        return RedirectResponse("/login", 303)
    try:
        token = await client_for(settings).authorize_access_token(request)
    except (OAuthError, KeyError, ValueError):
        return error_page(request, UserError("login.provider", field="form"), 400)
    claims = dict(token.get("userinfo") or {})
    role = role_of(claims, settings)
    if role is None or not claims.get("sub"):
        return error_page(request, UserError("login.no_role", field="form"), 403)
    issuer = str(claims.get("iss") or settings.issuer)
    now = centre.now()

    def account_for() -> Any:
        store = centre.store(SYSTEM)
        found = store.account_of(issuer, str(claims["sub"]))
        if found is None:
            wanted = str(claims.get("preferred_username") or claims["sub"])[:150]
            name = wanted if store.account_named(wanted) is None else f"{wanted}@{issuer}"[:200]
            found = store.add_account(
                name, role, now=now, display_name=claims.get("name"), email=claims.get("email"),
                language=page_language(str(claims.get("locale") or "")),
                issuer=issuer, subject=str(claims["sub"]),
            )  # fmt: skip
        elif found.role != role:
            store.set_role(found.id, role)
            found = replace(found, role=role)
        if found.disabled:
            raise UserError("login.disabled", field="form")
        return found, open_session(store, found, centre.serve, now)

    account, opened = await run_in_threadpool(account_for)
    del account
    response = RedirectResponse("/", 303)
    set_session(response, opened, centre.serve)
    return response


def routes() -> list[Route]:
    """`/login/sso` and `/auth/callback`."""
    return [Route("/login/sso", start), Route("/auth/callback", callback)]
