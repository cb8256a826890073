"""Loading the words: phrase banks per language × register, and each channel's own phrases.

Everything here reads packaged YAML once and hands out read-only views; the composer never
holds words of its own. A channel's own phrasings live in `phrases/<lang>/channels/<name>.yaml`
(in the packaged data or a folder of SOPAN_DATA_DIRS, beside its spec); what it does not list
comes from its register's bank, then from the formal bank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sopan.data import data_path, load_yaml, read_yaml
from sopan.errors import InternalError
from sopan.language.regions import laid_over
from sopan.model.channels import ChannelSpec, spec

#: Which register's bank a register falls back to for moves it does not list.
_BASE_REGISTER = "formal"


def channel_spec(name: str) -> ChannelSpec:
    """The spec of one channel, from the registry (`sopan.model.channels`)."""
    return spec(name)


@cache
def _bank(language: str, register: str, region: str = "") -> Mapping[str, Any]:
    data = load_yaml("phrases", language, f"{register}.yaml")
    found = data if isinstance(data, dict) else {}
    return laid_over(found, language, region, f"{register}.yaml")


@cache
def _channel_bank(root: Path, language: str, channel: str, region: str = "") -> Mapping[str, Any]:
    parts = ("phrases", language, "channels", f"{channel}.yaml")
    # beside the channel's spec, or wherever the language's books are (a language in data)
    path = root.joinpath(*parts)
    if not path.is_file():
        path = data_path(*parts)
    data = read_yaml(path) if path.is_file() else {}
    found = data if isinstance(data, dict) else {}
    return laid_over(found, language, region, "channels", f"{channel}.yaml")


def _descend(node: Any, path: Sequence[str]) -> Any:
    """The phrasings at `path`: a key missing at a level falls back to `default` there, and
    a list reached before the path ends covers every more particular case below it."""
    for key in path:
        if isinstance(node, list):
            return node
        if not isinstance(node, Mapping):
            return None
        node = node[key] if key in node else node.get("default")
        if node is None:
            return None
    return node


def phrases(
    language: str, register: str, channel: str, path: Sequence[str], region: str = ""
) -> tuple[str, ...]:
    """The phrasings for a move path, most specific bank first, each with the regional
    variant `region`'s own phrasings laid over it (`sopan.language.regions`).

    Order: the channel's own phrases, the register's bank, then the formal bank. A missing
    path is a bug in the data.
    """
    found_spec = spec(channel)
    banks = [
        _channel_bank(found_spec.root, language, channel, region),
        _bank(language, register, region),
    ]
    if register != _BASE_REGISTER:
        banks.append(_bank(language, _BASE_REGISTER, region))
    for bank in banks:
        found = _descend(bank, path)
        if isinstance(found, list) and found:
            return tuple(str(item) for item in found)
    raise InternalError(f"no phrase for {language}/{register}/{channel}: {'.'.join(path)}")
