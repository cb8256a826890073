"""How reply labels map onto moves and rules, and how they are scored (shared by the tests
and bench/lint.py): eval-dev's hand labels, and the project's own fixtures in
tests/fixtures/moves/ (named by case, with the moves each contains)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from sopan.lint import LintReport, lint_text

#: label → move that must be found exactly when the label is true
MOVE_LABELS = {
    "has_thanks": "thanks",
    "has_reason": "reason",
    "mentions_interview_datetime": "interview_ref",
    "offers_alternatives": "alternatives",
    "has_contact_info": "contact",
    "has_apology": "apology",
}
#: label → rules of which one must fire exactly when the label is true
RULE_LABELS = {
    "blames_company": {"blame"},
    # older labels mix a vague reason with a wavering decision; newer ones split them
    "vague_or_hedging": {"hedging", "vague_reason"},
    "hedges_decision": {"hedging"},
    # the project's fixtures label a vague reason on its own
    "vague_reason": {"vague_reason"},
}
#: the short names the project's fixtures use (tests/fixtures/moves/*.yaml: `has`)
FIXTURE_LABELS = {
    "thanks": "has_thanks",
    "reason": "has_reason",
    "interview_ref": "mentions_interview_datetime",
    "alternatives": "offers_alternatives",
    "contact": "has_contact_info",
    "apology": "has_apology",
    "hedging": "hedges_decision",
    "vague": "vague_reason",
}
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "moves"


def labelled(truth: dict[str, object]) -> list[str]:
    """The labels this reply's hand labels give (older replies lack the newer ones)."""
    return [label for label in [*MOVE_LABELS, *RULE_LABELS] if label in truth]


def predicted(report: LintReport) -> dict[str, bool]:
    """Every label's value as the linter sees it."""
    rules = {f.rule for f in report.findings}
    out = {label: report.moves[move] for label, move in MOVE_LABELS.items()}
    out.update({label: bool(rules & ids) for label, ids in RULE_LABELS.items()})
    return out


@dataclass(frozen=True)
class Reply:
    """One labelled reply: its name, language, text and every label it has."""

    name: str
    language: str
    text: str
    truth: dict[str, bool]


def eval_dev_replies(folder: Path) -> Iterator[Reply]:
    """eval-dev's replies (NAME.txt + NAME.json), with the labels each carries."""
    for path in sorted(folder.glob("*.txt")):
        label = json.loads(path.with_suffix(".json").read_text("utf-8"))
        truth = {name: bool(label[name]) for name in labelled(label)}
        yield Reply(path.stem, label["language"], path.read_text("utf-8"), truth)


def fixture_replies() -> Iterator[Reply]:
    """The project's own replies, each with all its labels (what `has` omits is false)."""
    for path in sorted(FIXTURES.glob("*.yaml")):
        for name, case in yaml.safe_load(path.read_text("utf-8")).items():
            has = set(case["has"])
            if unknown := has - set(FIXTURE_LABELS):
                raise ValueError(f"{path.name}: {name}: unknown labels {sorted(unknown)}")
            truth = {label: short in has for short, label in FIXTURE_LABELS.items()}
            yield Reply(name, path.stem, case["text"], truth)


@dataclass
class Confusion:
    """Counts of one label over a set of replies, and the replies it got wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    wrong: list[str] = field(default_factory=list)

    def add(self, got: bool, truth: bool, name: str) -> None:
        """Count one reply."""
        if got and truth:
            self.tp += 1
        elif got:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1
        if got != truth:
            self.wrong.append(name)

    @property
    def balanced(self) -> float:
        """The mean of the rates right on true and on false replies (one rate when the set
        has replies of one kind only)."""
        rates = [
            right / (right + missed)
            for right, missed in ((self.tp, self.fn), (self.tn, self.fp))
            if right + missed
        ]
        return sum(rates) / len(rates) if rates else 1.0


def score(replies: Iterator[Reply]) -> dict[str, Confusion]:
    """Label → confusion counts, linting each reply as it comes (its language detected)."""
    table: dict[str, Confusion] = {}
    for reply in replies:
        got = predicted(lint_text(reply.text))
        for label, truth in reply.truth.items():
            table.setdefault(label, Confusion()).add(got[label], truth, reply.name)
    return table
