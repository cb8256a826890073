"""The API's description: every route and method the app answers under /api/ is in it, and
nothing it describes is missing from the app."""

from __future__ import annotations

import re

from sopan.hosted import api
from sopan.hosted.openapi import document


def test_every_api_route_is_described_and_only_those() -> None:
    served = {
        (re.sub(r"\{(\w+):int\}", r"{\1}", route.path), method.lower())
        for route in api.routes()
        for method in (route.methods or ())
        if method != "HEAD" and route.path != "/api/openapi.json"
    }
    described = {(path, method) for path, item in document()["paths"].items() for method in item}
    assert served == described
    assert document()["openapi"].startswith("3.1")
