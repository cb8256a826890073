"""Regular expressions compiled once per machine, not once per process.

CPython compiles a pattern with Python code (the parser and compiler inside `re`): about
0.3 ms for one of the reader's long word alternations, and a command compiles over a hundred
of them before it reads a line. `compile` keeps what that compiler produced — the engine's
code and the groups — in the user's cache folder (one `marshal` file per Python version and
regular-expression engine) and builds the pattern from it with `_sre.compile`, the call
`re.compile` itself ends with. The pattern it returns equals the one `re.compile` returns.

When the interpreter is not CPython, its `re` internals differ from what this expects, or the
cache cannot be read or written, `compile` is `re.compile`: the cache only saves time.
"""

from __future__ import annotations

import marshal
import re
import sys
from typing import Any, AnyStr

_sre: Any
try:  # CPython's engine; elsewhere every pattern goes through re.compile
    import _sre  # type: ignore[import-not-found,no-redef]
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

#: bumped when what an entry holds changes shape
_FORMAT = 1
#: entries kept at most; a file grown past this (patterns of old versions) starts again
_MOST = 3000

#: (pattern, flags) → (flags, code, groups, groupindex, indexgroup), as `_sre.compile` takes them
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
_entries: dict[tuple[str | bytes, int], Entry] | None = None
_added = False


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the cache when this machine compiled it before.

    An invalid pattern raises `re.error`, as `re.compile` does.
    """
    global _added
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entries = _loaded()
    entry = entries.get(key)
    if entry is None:
        try:
            entry = _build(pattern, key[1])
        except Exception:  # an invalid pattern (re.compile raises re.error) or other internals
            return re.compile(pattern, flags)
        entries[key] = entry
        if not _added:
            _added = True
            import atexit

            atexit.register(_save)
    try:
        compiled: re.Pattern[AnyStr] = _sre.compile(pattern, *entry)
    except Exception:
        return re.compile(pattern, flags)
    return compiled


def _build(pattern: str | bytes, flags: int) -> Entry:
    """What `re._compiler.compile` computes before it calls `_sre.compile`."""
    from re import _compiler, _parser  # type: ignore[attr-defined]

    parsed: Any = _parser.parse(pattern, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]
    groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return (
        int(flags | parsed.state.flags),
        code,
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


def _path() -> Any:
    from sopan.files import cache_dir

    engine = f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{_FORMAT}"
    return cache_dir("patterns") / f"{engine}.marshal"


def _loaded() -> dict[tuple[str | bytes, int], Entry]:
    """This process's entries: the cache file's, read once."""
    global _entries
    if _entries is None:
        _entries = _read()
    return _entries


def _read() -> dict[tuple[str | bytes, int], Entry]:
    try:
        saved = marshal.loads(_path().read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return saved if isinstance(saved, dict) else {}


def _save() -> None:
    """Write this process's entries, with those another process saved meanwhile."""
    if not _entries:
        return
    merged = {**_read(), **_entries}
    if len(merged) > _MOST:
        merged = dict(_entries)
    try:
        from sopan.files import write_private

        write_private(_path(), marshal.dumps(merged))
    except (OSError, ValueError):
        pass  # a read-only home: the next process compiles again
