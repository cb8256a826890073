"""Choices that contradict each other, found before anything is written.

The table is data (`data/coherence/rules.yaml`): each rule names two choices that clash and
the guideline the combination breaks. `contradictions` is pure; the use cases ask about or
refuse what it finds.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sopan.errors import InternalError
from sopan.model import Invitation, Situation

#: The names a rule's `when` may test.
KEYS = ("intent", "reason", "interest", "confirmed", "mode", "urgency", "given")


@dataclass(frozen=True)
class Rule:
    """One contradiction: when its conditions all hold, `first` and `second` clash."""

    id: str
    guideline: str
    when: Mapping[str, tuple[Any, ...]]
    #: the flag form of a choice, or the same words per language for what is not a flag
    first: str | Mapping[str, str]
    second: str | Mapping[str, str]
    why: Mapping[str, str]
    example: Mapping[str, Mapping[str, Any]]


@dataclass(frozen=True)
class Contradiction:
    """A rule that holds for this situation, with both choices written out."""

    rule: str
    guideline: str
    first: str
    second: str
    why: str
    #: the answer to ask again in a terminal (the last of the user's own choices it tests)
    ask_again: str | None
    connector: str = "contradicts"

    def message(self) -> str:
        """One line naming both choices, why they clash and the guideline."""
        return f"{self.first} {self.connector} {self.second}: {self.why} ({self.guideline})"


@cache
def rules() -> tuple[Rule, ...]:
    """The packaged contradiction table, checked when loaded."""
    from sopan.data import load_yaml

    out: list[Rule] = []
    for raw in load_yaml("coherence", "rules.yaml")["rules"]:
        when = {k: tuple(v) for k, v in raw["when"].items()}
        unknown = set(when) - set(KEYS)
        if unknown or not {"en", "id"} <= set(raw["why"]):
            raise InternalError(f"coherence rule {raw.get('id')}: bad keys {sorted(unknown)}")
        out.append(
            Rule(
                raw["id"],
                raw["guideline"],
                when,
                raw["first"],
                raw["second"],
                raw["why"],
                raw["example"],
            )
        )
    return tuple(out)


def _in(words: str | Mapping[str, str], language: str) -> str:
    return words if isinstance(words, str) else words[language]


def facts_of(
    sit: Situation, inv: Invitation | None, urgency: str | None, given: frozenset[str]
) -> dict[str, Any]:
    """The values the table's conditions test, from the situation and the invitation."""
    return {
        "intent": sit.intent,
        "reason": sit.reason,
        "interest": sit.interest,
        "confirmed": sit.confirmed,
        "mode": inv.mode if inv else None,
        "urgency": urgency,
        "given": given,
    }


def holds(rule: Rule, facts: Mapping[str, Any]) -> bool:
    """Whether every condition of `rule` holds for `facts`."""
    for key, allowed in rule.when.items():
        value = facts.get(key)
        if key == "given":
            if not set(allowed) <= set(value or ()):
                return False
        elif value not in allowed:
            return False
    return True


def contradictions(
    sit: Situation,
    inv: Invitation | None = None,
    *,
    urgency: str | None = None,
    given: frozenset[str] = frozenset(),
    language: str = "en",
) -> list[Contradiction]:
    """Every contradiction in this situation, in table order, explained in `language`."""
    from sopan.data import load_yaml

    facts = facts_of(sit, inv, urgency, given)
    values = {k: v for k, v in facts.items() if isinstance(v, str)}
    connector = load_yaml("coherence", "rules.yaml")["connector"][language]
    found: list[Contradiction] = []
    for r in rules():
        if not holds(r, facts):
            continue
        own = [k for k in r.when if k in ("intent", "reason", "interest", "confirmed")]
        found.append(
            Contradiction(
                r.id,
                r.guideline,
                _in(r.first, language).format(**values),
                _in(r.second, language).format(**values),
                r.why[language],
                own[-1] if own else None,
                connector,
            )
        )
    return found
