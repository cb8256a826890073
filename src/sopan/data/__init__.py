"""Words and facts as data: guidelines, phrases, channels, rules; one loader for their YAML."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

# The C loader parses the books several times faster; both are safe loaders.
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(*parts: str) -> Any:
    """The packaged YAML file `sopan/data/<parts…>` (e.g. "lint", "calendar.yaml"), parsed."""
    node = resources.files(__name__)
    for part in parts:
        node = node.joinpath(part)
    return yaml.load(node.read_text("utf-8"), Loader=_LOADER)
