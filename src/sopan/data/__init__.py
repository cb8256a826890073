"""Words and facts as data: guidelines, phrases, channels, rules; one loader for their YAML.

A book parsed once is kept in the user's cache folder (`marshal`, named by a hash of the
YAML text and the Python version), so later commands neither import nor run the YAML
parser; a changed file has a new name, and a cache that cannot be read or written only
costs the parse.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

#: bumped when what is cached changes shape
_CACHE_FORMAT = 1


def load_yaml(*parts: str) -> Any:
    """The packaged YAML file `sopan/data/<parts…>` (e.g. "lint", "calendar.yaml"), parsed.

    Callers get their own copy: nothing they change reaches another caller.
    """
    return parsed(data_path(*parts).read_text("utf-8"), "yaml", _safe_load)


def read_yaml(path: Path) -> Any:
    """A YAML file anywhere (a data folder laid beside the packaged one), parsed and cached
    as the packaged books are."""
    return parsed(path.read_text("utf-8"), "yaml", _safe_load)


#: folders of data laid beside the packaged one (os.pathsep between them): a channel or a
#: language added in data alone (CONTRIBUTING.md)
DATA_DIRS_ENV = "SOPAN_DATA_DIRS"


def data_roots() -> tuple[Path, ...]:
    """The packaged data folder, then every folder named in SOPAN_DATA_DIRS."""
    return _roots(os.environ.get(DATA_DIRS_ENV, ""))


@cache
def _roots(extra: str) -> tuple[Path, ...]:
    # asked thousands of times a draft (every channel's spec goes through it): made once
    # for each value of the variable
    return (_PACKAGED, *(Path(p) for p in extra.split(os.pathsep) if p.strip()))


def data_path(*parts: str) -> Path:
    """The file or folder `<parts…>` of the packaged data, or else of the first folder of
    SOPAN_DATA_DIRS that has it (the packaged path when none has it, for its error).

    A laid folder adds books (a new language's), it never replaces a packaged one. sopan is
    installed as files (a wheel, or the source tree), so its folder is found from this
    module's path; `importlib.resources` would cost its import (5 ms) at every start.
    """
    packaged = _PACKAGED.joinpath(*parts)
    if packaged.exists() or DATA_DIRS_ENV not in os.environ:
        return packaged
    laid = (root.joinpath(*parts) for root in data_roots()[1:])
    return next((path for path in laid if path.exists()), packaged)


_PACKAGED = Path(__file__).parent


def _safe_load(text: str) -> Any:
    import yaml

    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


#: this process's parses, as marshal bytes: (kind, text) → bytes
_MEMORY: dict[tuple[str, str], bytes] = {}


def parsed(text: str, kind: str, parse: Callable[[str], Any]) -> Any:
    """`parse(text)`, from memory or the disk cache when this text was parsed before by the
    parser named `kind` (a fresh copy each call). What `parse` raises is raised, and nothing
    is kept; its result must hold plain values (marshal's)."""
    blob = _MEMORY.get((kind, text))
    if blob is None:
        blob = _MEMORY[(kind, text)] = _from_disk(text, kind, parse)
    return marshal.loads(blob)


def _from_disk(text: str, kind: str, parse: Callable[[str], Any]) -> bytes:
    from sopan._infra.memo import digest

    key = digest(f"{_CACHE_FORMAT}/{kind}/{sys.version_info[:2]}/{marshal.version}\0{text}")
    path = _cache_folder() / f"{key}.marshal"
    try:
        saved = path.read_bytes()
        marshal.loads(saved)  # a damaged file raises here and is parsed again
        return saved
    except (OSError, EOFError, ValueError, TypeError):
        pass
    blob = marshal.dumps(parse(text))
    try:
        from sopan._infra.files import write_private

        write_private(path, blob)
    except OSError:
        pass  # a read-only home: the cache only saves time
    return blob


def _cache_folder() -> Path:
    from sopan._infra.files import cache_dir

    return cache_dir("data")
