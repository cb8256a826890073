"""Loading the words: phrase banks per language × register, channel specs, fragments.

Everything here reads packaged YAML once and hands out read-only views; the
composer never holds words of its own.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sopan.data import load_yaml
from sopan.errors import InternalError

#: Which register's bank a register falls back to for moves it does not list.
_BASE_REGISTER = "formal"


@dataclass(frozen=True)
class ChannelSpec:
    """Which moves a channel needs per action, its register and its limits."""

    name: str
    register: Mapping[str, str]
    moves: Mapping[str, tuple[tuple[str, ...], ...]]
    always: frozenset[str] = frozenset()
    drop_order: tuple[str, ...] = ()
    max_chars: int | None = None
    max_seconds: float | None = None
    words_per_minute: Mapping[str, float] = field(default_factory=dict)

    def paragraphs(self, action: str) -> tuple[tuple[str, ...], ...]:
        """The paragraphs of steps for an action (falling back to `default`)."""
        found = self.moves.get(action) or self.moves.get("default")
        if found is None:
            raise InternalError(f"channel {self.name}: no moves for action {action}")
        return found

    def rate(self, language: str) -> float:
        """Words per minute a script in `language` is spoken at (130 when the data names none)."""
        return self.words_per_minute.get(language, 130)


@cache
def channel_spec(name: str) -> ChannelSpec:
    """The spec of one channel, from `data/channels/NAME.yaml`."""
    raw = load_yaml("channels", f"{name}.yaml")
    moves = {
        action: tuple(tuple(str(step) for step in para) for para in paras)
        for action, paras in raw["moves"].items()
    }
    return ChannelSpec(
        name=name,
        register=dict(raw["register"]),
        moves=moves,
        always=frozenset(raw.get("always", ())),
        drop_order=tuple(raw.get("drop_order", ())),
        max_chars=raw.get("max_chars"),
        max_seconds=raw.get("max_seconds"),
        words_per_minute=dict(raw.get("words_per_minute", {})),
    )


@cache
def _bank(language: str, register: str) -> Mapping[str, Any]:
    data = load_yaml("phrases", language, f"{register}.yaml")
    return data if isinstance(data, dict) else {}


def _descend(node: Any, path: Sequence[str]) -> Any:
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node[key] if key in node else node.get("default")
        if node is None:
            return None
    return node


def phrases(language: str, register: str, channel: str, path: Sequence[str]) -> tuple[str, ...]:
    """The phrasings for a move path, most specific bank first.

    Order: the register's channel block, the register, then the formal bank's
    channel block and the formal bank. A missing path is a bug in the data.
    """
    banks = [_bank(language, register)]
    if register != _BASE_REGISTER:
        banks.append(_bank(language, _BASE_REGISTER))
    for bank in banks:
        for root in (_descend(bank, ("channel", channel)), bank):
            found = _descend(root, path) if root is not None else None
            if isinstance(found, list) and found:
                return tuple(str(item) for item in found)
    raise InternalError(f"no phrase for {language}/{register}/{channel}: {'.'.join(path)}")
