"""Names a module offers but imports only when first asked for (PEP 562).

`sopan.app` offers every use case and `sopan.model` every value; building a module's frozen
dataclasses costs about a millisecond each, so a command imports only the modules whose names
it uses. Type checkers see the names through `if TYPE_CHECKING:` imports in the module.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def attributes(
    module: str, namespace: dict[str, Any], where: Mapping[str, str]
) -> Callable[[str], Any]:
    """A module-level `__getattr__` for `module`: `name` is taken from the module
    `where[name]` and kept in `namespace`, so the next lookup is a plain attribute."""

    def __getattr__(name: str) -> Any:
        source = where.get(name)
        if source is None:
            raise AttributeError(f"module {module!r} has no attribute {name!r}")
        value = getattr(import_module(source), name)
        namespace[name] = value
        return value

    return __getattr__
