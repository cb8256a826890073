"""Word books loaded through one typed loader: each checked on load against its shape, and a
book that does not fit is one line naming the file, the line and the key (as the lint rules'
loader does for rule files).

A shape is written with Python's own types:

    str, int, float, bool       a value of that type
    Any                         anything
    [SHAPE]                     a list of SHAPE
    {str: SHAPE}                a mapping of any keys to SHAPE
    {"key": SHAPE, ...}         a mapping with exactly these keys ("key?": optional)
    (SHAPE, SHAPE)              either

The check runs on the parsed (and cached) book, so a book that fits costs one walk over
it; only a book that does not is parsed a second time, with its lines, to say where.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sopan.errors import InternalError

Shape = Any
Path = tuple[str, ...]


def _kind(shape: Shape) -> str:
    if isinstance(shape, type):
        return shape.__name__
    if isinstance(shape, list):
        return "a list"
    if isinstance(shape, dict):
        return "a mapping"
    if isinstance(shape, tuple):
        return " or ".join(_kind(s) for s in shape)
    return "anything"


def _misfit(value: Any, shape: Shape, at: Path) -> tuple[Path, str] | None:
    """Where `value` first departs from `shape`, and how; None when it fits."""
    if shape is Any:
        return None
    if isinstance(shape, tuple):
        if any(_misfit(value, s, at) is None for s in shape):
            return None
        return at, f"must be {_kind(shape)}"
    if isinstance(shape, type):
        fits = isinstance(value, shape) and not (shape is int and isinstance(value, bool))
        if shape is float:
            fits = isinstance(value, int | float) and not isinstance(value, bool)
        return None if fits else (at, f"must be {_kind(shape)}, not {type(value).__name__}")
    if isinstance(shape, list):
        if not isinstance(value, list):
            return at, "must be a list"
        for i, item in enumerate(value):
            found = _misfit(item, shape[0], (*at, str(i)))
            if found:
                return found
        return None
    if not isinstance(value, Mapping):
        return at, "must be a mapping"
    if len(shape) == 1 and next(iter(shape)) is str:
        (inner,) = shape.values()
        for key, item in value.items():
            found = _misfit(item, inner, (*at, str(key)))
            if found:
                return found
        return None
    keys = {k.rstrip("?"): k.endswith("?") for k in shape}
    for key in value:
        if key not in keys:
            return (*at, str(key)), f"unknown key '{key}' (known: {', '.join(keys)})"
    for key, optional in keys.items():
        if key not in value:
            if not optional:
                return at, f"missing '{key}'"
            continue
        found = _misfit(value[key], shape[key + "?" if optional else key], (*at, key))
        if found:
            return found
    return None


def line_of(text: str, at: Path) -> int:
    """The line of the key at the end of `at` in a YAML text (that of the nearest key found,
    1 when none is)."""
    import yaml

    try:
        node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return 1
    line = 1
    for key in at:
        if isinstance(node, yaml.MappingNode):
            found = next(((k, v) for k, v in node.value if str(k.value) == key), None)
            if found is None:
                break
            line, node = found[0].start_mark.line + 1, found[1]
        elif isinstance(node, yaml.SequenceNode) and key.isdigit() and int(key) < len(node.value):
            node = node.value[int(key)]
            line = node.start_mark.line + 1
        else:
            break
    return line


def book(*parts: str, shape: Shape) -> Any:
    """The packaged YAML book `data/<parts…>`, checked against `shape`; an internal error
    naming the file, the line and the key when it does not fit."""
    from sopan.data import data_path, load_yaml

    data = load_yaml(*parts)
    found = _misfit(data, shape, ())
    if found is None:
        return data
    at, problem = found
    path = data_path(*parts)
    line = line_of(path.read_text("utf-8"), at)
    where = ".".join(at) or "the book"
    raise InternalError(f"{'/'.join(('data', *parts))}:{line}: {where}: {problem}")
