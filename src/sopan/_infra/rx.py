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

import re
import sys
from typing import Any, AnyStr

from sopan._infra.memo import DiskMemo

_sre: Any
try:  # CPython's engine; elsewhere every pattern goes through re.compile
    import _sre  # type: ignore[import-not-found,no-redef]
except ImportError:  # pragma: no cover - other interpreters
    _sre = None

#: bumped when what an entry holds changes shape
_FORMAT = 1

#: (pattern, flags) → (flags, code, groups, groupindex, indexgroup), as `_sre.compile` takes them
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def _name() -> str:
    return f"{sys.implementation.cache_tag}-{getattr(_sre, 'MAGIC', 0)}-{_FORMAT}"


MEMO = DiskMemo("patterns", _name)


def compile(pattern: AnyStr, flags: int = 0) -> re.Pattern[AnyStr]:
    """`re.compile(pattern, flags)`, from the cache when this machine compiled it before.

    An invalid pattern raises `re.error`, as `re.compile` does.
    """
    if _sre is None:
        return re.compile(pattern, flags)
    key = (pattern, int(flags))
    entry = MEMO.get(key)
    if entry is None:
        try:
            entry = _build(pattern, key[1])
        except Exception:  # an invalid pattern (re.compile raises re.error) or other internals
            return re.compile(pattern, flags)
        MEMO.put(key, entry)
    try:
        compiled: re.Pattern[AnyStr] = _sre.compile(pattern, *entry)
    except Exception:  # a damaged entry: the engine checks the code it is given
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
