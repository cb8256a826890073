"""The lint engine: run every rule kind over a text and report moves and findings."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from sopan.errors import UserError
from sopan.lint.context import Context, Hit
from sopan.lint.rules import Rule, builtin_rules
from sopan.lint.spelling import is_known, suggest
from sopan.lint.text import SpanIndex, detect_language, inside, overlaps, words
from sopan.model import LANGUAGES, Finding, LintOptions
from sopan.model.channels import GSM7, size_of, sms_segments

if TYPE_CHECKING:
    from sopan.model import Draft

#: the SMS measure lives with the channels (sopan.model.channels); named here too
__all__ = ["GSM7", "LintReport", "lint_draft", "lint_text", "run_rule", "sms_segments"]

#: Characters read as their plain forms; one for one, so offsets still fit the caller's text.
_SAME_LENGTH = str.maketrans({"\r": " ", "\u00a0": " ", "\u202f": " ", "\u2019": "'"})

#: At most this many misspelt words get a dictionary suggestion (each costs ~10–30 ms).
MAX_SUGGESTIONS = 5


@dataclass(frozen=True)
class LintReport:
    """What the linter found: the moves present and the findings, in text order."""

    language: str
    moves: dict[str, bool]
    findings: list[Finding]

    @property
    def has_errors(self) -> bool:
        """Whether any finding is at level "error" (the CLI then exits 1)."""
        return any(f.level == "error" for f in self.findings)

    def to_json(self) -> dict[str, Any]:
        """The stable JSON contract: moves, and findings with rule/level/start/end/message."""
        return {
            "moves": dict(self.moves),
            "findings": [
                {
                    "rule": f.rule,
                    "level": f.level,
                    "start": f.start,
                    "end": f.end,
                    "message": f.message,
                    "guideline": f.guideline,
                    "line": f.line,
                    "column": f.column,
                    "suggestion": f.suggestion,
                }
                for f in self.findings
            ],
        }


class _Params(dict[str, Any]):
    """Message values; one a hit did not supply shows as "?" instead of failing."""

    def __missing__(self, key: str) -> str:
        return "?"


def _in_scope(rule: Rule, ctx: Context, start: int) -> bool:
    if len(rule.scope) == 4:
        return True
    return any(inside(start, ctx.segments[name]) for name in rule.scope) or (
        start == 0 == len(ctx.text)
    )


def _existence(rule: Rule, ctx: Context) -> list[Hit]:
    hits = [
        Hit(*m.span()) for p in rule.patterns for m in p.finditer(ctx.text) if m.end() > m.start()
    ]
    hits.sort(key=lambda h: h.start)
    return hits[rule.min_count - 1 :] if len(hits) >= rule.min_count else []


def _substitution(rule: Rule, ctx: Context) -> list[Hit]:
    return [
        Hit(m.start(), m.end(), m.expand(better))
        for pattern, better in rule.swaps
        for m in pattern.finditer(ctx.text)
        if m.end() > m.start()
    ]


def _required(rule: Rule, ctx: Context) -> list[Hit]:
    if rule.move is not None:
        present = ctx.moves[rule.move]
    else:
        assert rule.pattern is not None
        present = rule.pattern.search(ctx.text) is not None
    return [] if present else [Hit(0, 0)]


def _length(rule: Rule, ctx: Context) -> list[Hit]:
    text = ctx.text.strip()
    if rule.unit == "channel":
        # the channel's own measure and limit (data/channels/): the hard one when the medium
        # refuses more, else the one it reads well within
        spec = ctx.channel_spec
        size_or_none = size_of(text, spec, ctx.language) if spec is not None else None
        if size_or_none is None or spec.measure.limit is None:
            return []
        limit = (
            (spec.measure.extended or spec.measure.limit)
            if spec.measure.hard
            else (spec.measure.limit)
        )
        if size_or_none <= limit:
            return []
        from sopan.language.dateforms import common

        values = {
            "size": size_or_none,
            "max": limit,
            "unit": str(common(ctx.language)["units"][spec.measure.unit]),
            "channel": spec.label_in(ctx.language),
        }
        return [Hit(0, len(ctx.text), None, values)]
    if rule.unit == "chars":
        size: float = len(text)
    elif rule.unit == "sms_segments":
        size = sms_segments(text, GSM7)
    else:
        rate = rule.rate_wpm.get(ctx.language) or next(iter(rule.rate_wpm.values()))
        size = round(len(words(text)) / rate * 60, 1)
    if size <= rule.max:
        return []
    return [Hit(0, len(ctx.text), None, {"size": size, "max": rule.max})]


def _spelling(rule: Rule, ctx: Context) -> list[Hit]:
    hits: list[Hit] = []
    text, known = ctx.text, ctx.known_words
    names = SpanIndex(
        [span for part in ("subject", "greeting", "closing") for span in ctx.segments[part]]
    )
    for start, end, word in words(text):
        if len(word) < 2 or word.isupper() or overlaps(start, end, ctx.protected):
            continue
        if word[0].isupper() and (not _sentence_start(text, start) or inside(start, names)):
            continue  # a capitalised word inside a sentence, or by a salutation, is a name
        if is_known(word, ctx.language, known):
            continue
        better = suggest(word, ctx.language) if len(hits) < MAX_SUGGESTIONS else None
        hits.append(Hit(start, end, better, {"word": word}))
    return hits


def _sentence_start(text: str, start: int) -> bool:
    """Whether a word opens a sentence: after . ! ? or a line break, not after "Jl." or "Kec."."""
    # a look back of a few words is enough, and keeps this constant per word on a long text
    before = text[max(0, start - 80) : start].rstrip(" \t\"'(“‘")
    if not before:
        return start <= 80 or not text[:start].strip(" \t\"'(“‘")
    if before[-1] in "!?\n":
        return True
    if before[-1] != ".":
        return False
    abbreviation = re.search(r"(?:^|\W)([A-Z][a-z]{0,3})\.$", before)
    return abbreviation is None


def _check(rule: Rule, ctx: Context) -> list[Hit]:
    from sopan.lint.checks import CHECKS

    assert rule.check is not None
    return CHECKS[rule.check](ctx)


_KINDS = {
    "existence": _existence,
    "substitution": _substitution,
    "required": _required,
    "length": _length,
    "spelling": _spelling,
    "check": _check,
}


def run_rule(rule: Rule, ctx: Context) -> list[Finding]:
    """The findings of one rule on one context (the rule's applicability is checked here)."""
    if not rule.applies(ctx.language, ctx.action, ctx.channel, ctx):
        return []
    positions = ctx.positions
    out = []
    for hit in _KINDS[rule.kind](rule, ctx):
        if rule.kind in ("existence", "substitution") and not _in_scope(rule, ctx, hit.start):
            continue
        if (
            rule.kind in ("existence", "substitution")
            and not rule.keep_protected
            and overlaps(hit.start, hit.end, ctx.protected)
        ):
            continue
        if rule.skip_known and ctx.text[hit.start : hit.end].lower() in ctx.known_words:
            continue  # a name the user or the invitation wrote this way (e.g. "PT ASTRA")
        line, column = positions.line_col(hit.start)
        message = rule.text(ctx.language)
        if hit.params or "{" in message:
            # A value of the wrong kind for its format leaves the message as written.
            with contextlib.suppress(ValueError, IndexError):
                message = message.format_map(_Params(hit.params))
        out.append(
            Finding(
                rule=rule.id,
                level=rule.level,  # type: ignore[arg-type]
                start=hit.start,
                end=hit.end,
                message=message,
                guideline=rule.guideline,
                line=line,
                column=column,
                suggestion=hit.suggestion or rule.suggestion.get(ctx.language),
            )
        )
    return out


#: Characters one lint reads (about 30,000 words).
MAX_CHARS = 200_000


def lint_text(
    text: str, options: LintOptions | None = None, *, rules: Sequence[Rule] | None = None
) -> LintReport:
    """Lint a reply: which moves it has, and every finding of every rule that applies
    (`options` says what is known of it; `rules` replaces the built-in rule set).

    A text over `MAX_CHARS` is a UserError: no reply is that long.
    """
    options = options or LintOptions()
    if len(text) > MAX_CHARS:
        from sopan.language.messages import Grouped

        raise UserError("lint.too_long", limit=Grouped(MAX_CHARS))
    text = text.translate(_SAME_LENGTH)
    lang = options.language or detect_language(text)
    if lang not in LANGUAGES:
        raise ValueError(f"language must be 'id' or 'en', not {lang!r}")
    ctx = Context(text, lang, options)
    findings = [
        f for rule in (builtin_rules() if rules is None else rules) for f in run_rule(rule, ctx)
    ]
    findings = _without_double_spelling(findings)
    findings.sort(key=lambda f: (f.start, f.end, f.rule))
    return LintReport(lang, dict(ctx.moves), findings)


def lint_draft(draft: Draft, options: LintOptions | None = None) -> LintReport:
    """Lint a composed draft in its own language and channel (offsets refer to draft.text)."""
    given = options or LintOptions()
    return lint_text(draft.text, replace(given, language=draft.language, channel=draft.channel))


def _without_double_spelling(findings: list[Finding]) -> list[Finding]:
    """Drop a spelling finding where another rule already flags the same word."""
    others = SpanIndex(
        [(f.start, f.end) for f in findings if f.rule != "spelling" and f.end > f.start]
    )
    return [f for f in findings if f.rule != "spelling" or not overlaps(f.start, f.end, others)]


def rule_hits(rule: Rule, text: str, options: LintOptions | None = None) -> list[Finding]:
    """Findings of one rule alone on `text` (used to run a rule's own examples)."""
    options = options or LintOptions()
    lang = options.language or (rule.languages[0] if len(rule.languages) == 1 else None)
    return run_rule(rule, Context(text, lang or detect_language(text), options))
