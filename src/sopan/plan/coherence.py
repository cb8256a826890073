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

from sopan.errors import InternalError, UserError
from sopan.language.choices import Choice, options
from sopan.model import Invitation, Situation

#: The names a rule's `when` may test.
KEYS = ("intent", "reason", "interest", "confirmed", "mode", "urgency", "given")


@dataclass(frozen=True)
class Rule:
    """One contradiction: when its conditions all hold, `first` and `second` clash."""

    id: str
    guideline: str
    when: Mapping[str, tuple[Any, ...]]
    #: the two choices that clash, as (choice, option); "{intent}" is the option taken
    first: tuple[str, str]
    second: tuple[str, str]
    why: Mapping[str, str]
    example: Mapping[str, Mapping[str, Any]]
    #: the choice that resolves it without changing anything true (a confirmed interview
    #: is cancelled, not declined): asked again, and offered first
    way_out: tuple[str, str] | None = None


@dataclass(frozen=True)
class Contradiction:
    """A rule that holds for this situation, with both choices written out."""

    rule: str
    guideline: str
    first: Choice
    second: Choice
    #: why they clash, in each language
    why: Mapping[str, str]
    #: the answer to ask again in a terminal (the way out's choice, else the last of the
    #: person's own choices the rule tests)
    ask_again: str | None
    #: the option of `ask_again` that resolves it, offered first
    way_out: Choice | None = None

    def error(self) -> UserError:
        """The contradiction as an error about the choice to change, both choices named."""
        return UserError(
            "coherence.contradiction",
            field=self.ask_again,
            first=self.first,
            second=self.second,
            why=Because(self.why),
            guideline=self.guideline,
        )

    def message(self, language: str) -> str:
        """One line naming both choices, why they clash and the guideline."""
        return self.error().text(language)


@dataclass(frozen=True)
class Because:
    """Words given in every language, written in the one asked for."""

    words: Mapping[str, str]

    def text(self, language: str) -> str:
        """The words in `language`."""
        return self.words[language]


@cache
def rules() -> tuple[Rule, ...]:
    """The packaged contradiction table, checked when loaded."""
    from sopan.data import load_yaml
    from sopan.language.profiles import shipped

    out: list[Rule] = []
    for raw in load_yaml("coherence", "rules.yaml")["rules"]:
        when = {k: tuple(v) for k, v in raw["when"].items()}
        unknown = set(when) - set(KEYS)
        if unknown or not set(shipped()) <= set(raw["why"]):
            raise InternalError(f"coherence rule {raw.get('id')}: bad keys {sorted(unknown)}")
        pair = [_choice(raw, key) for key in ("first", "second")]
        out_of = _choice(raw, "way_out") if "way_out" in raw else None
        out.append(
            Rule(raw["id"], raw["guideline"], when, pair[0], pair[1], raw["why"], raw["example"],
                 out_of)
        )  # fmt: skip
    return tuple(out)


def _choice(raw: Mapping[str, Any], key: str) -> tuple[str, str]:
    """A rule's `first` or `second`: one choice and its option, each known to the choices book."""
    given = raw.get(key)
    if not isinstance(given, Mapping) or len(given) != 1:
        raise InternalError(f"coherence rule {raw.get('id')}: {key} must be one choice: option")
    ((name, option),) = given.items()
    known = options(str(name), "en") if name in KEYS else None
    if known is None or (option not in known and not str(option).startswith("{")):
        raise InternalError(f"coherence rule {raw.get('id')}: {key} {name}: {option} is unknown")
    return str(name), str(option)


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
) -> list[Contradiction]:
    """Every contradiction in this situation, in table order."""
    facts = facts_of(sit, inv, urgency, given)
    values = {k: v for k, v in facts.items() if isinstance(v, str)}
    found: list[Contradiction] = []
    for r in rules():
        if not holds(r, facts):
            continue
        own = [k for k in r.when if k in ("intent", "reason", "interest", "confirmed")]
        first, second = (
            Choice(name, option.format(**values)) for name, option in (r.first, r.second)
        )
        way_out = Choice(*r.way_out) if r.way_out is not None else None
        ask = way_out.field if way_out is not None else own[-1] if own else None
        found.append(Contradiction(r.id, r.guideline, first, second, r.why, ask, way_out))
    return found
