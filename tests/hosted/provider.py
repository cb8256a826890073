"""A real OpenID provider for the hosted mode's tests, built from Authlib's server components
(the authorization code grant, its OpenID Connect extension, PKCE) and served over HTTP on
loopback by uvicorn in a thread of the test process.

It is strict where a campus provider is: an authorization request without a PKCE challenge
(S256) is refused, a code is good once, the client authenticates with its secret, the ID token
is signed with an RSA key published at `jwks_uri`. Its sign-in form asks only for the login
(one of `people`); every request it served is kept in `seen`, so a test can show what the
client sent."""

from __future__ import annotations

import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape
from typing import Any, ClassVar
from urllib.parse import urlencode

from authlib.oauth2.rfc6749 import AuthorizationServer, OAuth2Request
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc6749.requests import BasicOAuth2Payload, JsonPayload, JsonRequest
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core.grants import OpenIDCode
from calendars.servers import free_port
from joserfc.jwk import RSAKey
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

CLIENT_ID, CLIENT_SECRET = "sopan-pusat-karier", "rahasia-klien-uji-" + "x" * 24


@dataclass
class Client:
    """The one registered client: sopan."""

    redirect_uris: list[str]
    client_id: str = CLIENT_ID
    client_secret: str = CLIENT_SECRET

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        allowed = {"openid", "profile", "email"}
        return " ".join(s for s in scope.split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(client_secret, self.client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code:
    """An authorization code, with what it was issued for."""

    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


class _Request(OAuth2Request):
    def __init__(self, method: str, url: str, data: dict[str, str], headers: Any) -> None:
        super().__init__(method, url, headers=headers)
        self.payload = BasicOAuth2Payload(data)
        self._data = data

    @property
    def args(self) -> dict[str, str]:
        return self._data

    @property
    def form(self) -> dict[str, str]:
        return self._data


class Provider:
    """The provider's state: its people, its key, its codes, what it saw."""

    def __init__(self, people: dict[str, dict[str, Any]], redirect_uris: list[str]) -> None:
        self.people = people
        self.port = free_port()
        self.issuer = f"http://127.0.0.1:{self.port}"
        self.key = RSAKey.generate_key(2048, parameters={"kid": "uji-1", "use": "sig"})
        self.client = Client(redirect_uris)
        self.codes: dict[str, Code] = {}
        self.seen: list[tuple[str, dict[str, str]]] = []
        self.server = self._authorization_server()
        self._uvicorn: Any = None

    # --- Authlib's server -------------------------------------------------------------------

    def _authorization_server(self) -> AuthorizationServer:
        provider = self

        class Grant(AuthorizationCodeGrant):  # type: ignore[misc]
            TOKEN_ENDPOINT_AUTH_METHODS: ClassVar = ["client_secret_basic", "client_secret_post"]

            def save_authorization_code(self, code: str, request: Any) -> None:
                data = request.payload.data
                provider.codes[code] = Code(
                    code, request.client.get_client_id(), data.get("redirect_uri", ""),
                    request.payload.scope or "", request.user, data.get("nonce"),
                    data.get("code_challenge"), data.get("code_challenge_method"),
                )  # fmt: skip

            def query_authorization_code(self, code: str, client: Any) -> Code | None:
                found = provider.codes.get(code)
                return found if found and found.client_id == client.get_client_id() else None

            def delete_authorization_code(self, authorization_code: Code) -> None:
                provider.codes.pop(authorization_code.code, None)

            def authenticate_user(self, authorization_code: Code) -> str:
                return authorization_code.user

        class OpenID(OpenIDCode):  # type: ignore[misc]
            def exists_nonce(self, nonce: str, request: Any) -> bool:
                return any(c.nonce == nonce for c in provider.codes.values())

            def resolve_client_private_key(self, client: Any) -> Any:
                return provider.key

            def get_client_claims(self, client: Any) -> dict[str, Any]:
                return {"iss": provider.issuer, "aud": [client.get_client_id()]}

            def get_client_algorithm(self, client: Any) -> str:
                return "RS256"

            def get_encode_header(self, client: Any) -> dict[str, str]:
                return {"alg": "RS256", "kid": "uji-1"}

            def generate_user_info(self, user: str, scope: str) -> UserInfo:
                person = provider.people[user]
                return UserInfo(sub=user, preferred_username=user, **person)

        class Server(AuthorizationServer):  # type: ignore[misc]
            def query_client(self, client_id: str) -> Client | None:
                return provider.client if client_id == provider.client.client_id else None

            def save_token(self, token: dict[str, Any], request: Any) -> None:
                return None

            def create_oauth2_request(self, request: Any) -> OAuth2Request:
                return request  # already one of ours (`_Request`)

            def create_json_request(self, request: Any) -> JsonRequest:
                made = JsonRequest(request.method, request.uri, request.headers)
                made.payload = JsonPayload(dict(request.form))
                return made

            def handle_response(self, status: int, body: Any, headers: Any) -> Response:
                if isinstance(body, dict):
                    return JSONResponse(body, status, headers=dict(headers))
                return Response(body, status, headers=dict(headers))

            def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
                return None

        server = Server()
        server.register_token_generator(
            "default", BearerTokenGenerator(lambda *_a, **_k: secrets.token_urlsafe(32))
        )
        server.register_grant(Grant, [OpenID(require_nonce=True), CodeChallenge(required=True)])
        return server

    # --- HTTP -------------------------------------------------------------------------------

    async def _request(self, request: Request) -> _Request:
        data = dict(request.query_params)
        if request.method == "POST":
            data.update({k: str(v) for k, v in (await request.form()).items()})
        self.seen.append((request.url.path, data))
        return _Request(request.method, str(request.url), data, request.headers)

    async def discovery(self, _request: Request) -> Response:
        return JSONResponse({
            "issuer": self.issuer,
            "authorization_endpoint": f"{self.issuer}/authorize",
            "token_endpoint": f"{self.issuer}/token",
            "jwks_uri": f"{self.issuer}/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                      "client_secret_post"],
            "scopes_supported": ["openid", "profile", "email"],
        })  # fmt: skip

    async def jwks(self, _request: Request) -> Response:
        return JSONResponse({"keys": [self.key.as_dict(private=False)]})

    async def authorize(self, request: Request) -> Response:
        """GET: the sign-in form; POST: the login given, the code sent back."""
        asked = await self._request(request)
        data = asked.payload.data
        if data.get("code_challenge_method") != "S256" or not data.get("code_challenge"):
            return HTMLResponse("PKCE (S256) is required", 400)
        if request.method == "GET":
            hidden = "".join(
                f'<input type="hidden" name="{escape(k)}" value="{escape(v)}">'
                for k, v in data.items()
            )
            return HTMLResponse(
                f'<form method="post" action="/authorize?{urlencode(data)}">'
                f'<label>Login <input name="login"></label>{hidden}'
                f'<button type="submit">Sign in</button></form>'
            )
        login = data.get("login", "")
        if login not in self.people:
            return HTMLResponse("unknown login", 401)
        grant = self.server.get_consent_grant(request=asked, end_user=login)
        return self.server.create_authorization_response(asked, grant_user=login, grant=grant)  # type: ignore[no-any-return]

    async def token(self, request: Request) -> Response:
        return self.server.create_token_response(await self._request(request))  # type: ignore[no-any-return]

    def app(self) -> Starlette:
        return Starlette(routes=[
            Route("/.well-known/openid-configuration", self.discovery),
            Route("/jwks", self.jwks),
            Route("/authorize", self.authorize, methods=["GET", "POST"]),
            Route("/token", self.token, methods=["POST"]),
        ])  # fmt: skip

    def start(self) -> Provider:
        """Serve on loopback in a thread; back when it answers."""
        import httpx
        import uvicorn

        config = uvicorn.Config(self.app(), host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off")  # fmt: skip
        self._uvicorn = uvicorn.Server(config)
        threading.Thread(target=self._uvicorn.run, daemon=True).start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                httpx.get(f"{self.issuer}/.well-known/openid-configuration", timeout=1)
                return self
            except httpx.HTTPError:
                time.sleep(0.05)
        raise RuntimeError("the OpenID provider did not start")

    def stop(self) -> None:
        if self._uvicorn is not None:
            self._uvicorn.should_exit = True
