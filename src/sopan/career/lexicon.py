"""The social scan's rules, as data: one file per rule in `data/career/social/`, each with the
reason it flags, the guideline it serves and examples that must and must not match — run
when the rules are loaded, so a rule that stopped doing what its examples say is never used.

Rule kinds:
  words     a word list, each word matched as chat writes it: letters held ("anjiiing"),
            digits for letters ("b4ngsat"), letters masked ("f*ck"), a suffix ("goblokNYA")
  patterns  regular expressions, on the same normalised text
  near      a `targets` match and a `negatives` match in one sentence, at most `window`
            words apart ("HRD-nya … php banget")
  check     a named check in `sopan.career.checks` (phone numbers, ID numbers, a named
            employer in a negative sentence)
Any kind may list `unless` patterns: a match inside one of them is not a hit ("anjing saya").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sopan.errors import InternalError
from sopan.model.names import LANGUAGES

REASONS: tuple[str, ...] = ("insult", "sara", "complaint", "employer", "personal")
KINDS: tuple[str, ...] = ("words", "patterns", "near", "check")
_LETTER = r"[^\W\d_]"
#: what chat writes for a letter, each one character for one (offsets stay the same)
_LEET = str.maketrans(
    {"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s"}
)
#: a letter beside a digit or a symbol: the quick sign that a token may mix them
_BESIDE = re.compile(r"[0-9@$](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
#: a token with a letter and a digit or symbol standing for one
_MIXED = re.compile(r"(?=[\w@$]*[^\W\d_])(?=[\w@$]*[0-9@$])[\w@$]+")
#: suffixes chat adds to a word ("goblokNYA", "anjingLAH")
_SUFFIX = "(?:nya|lah|kah|an|in)?"
#: where a clause ends: a sentence's end, a semicolon, or a turn ("…, tapi …", "…, but …")
_CLAUSE_END = re.compile(
    r"[.!?\n;]+|(?<![^\W\d_])(?:tapi|tetapi|namun|walaupun|meskipun|padahal|but|however|although"
    r"|though|yet)(?![^\W\d_])"
)
_WORD = re.compile(r"\S+")
#: a letter held ("anjiiing"): one letter for the gate's lookup
_HELD = re.compile(r"([a-z])\1+")
#: the words a gate is made of and looked up in: the lexicons are written in a–z (a word with
#: another letter is cut there on both sides, so the lookup stays one set test)
_LETTERS = re.compile(r"[a-z]+")
_SUFFIXES = ("", "nya", "lah", "kah", "an", "in")


def normalise(text: str) -> str:
    """The text as rules read it: lower case, and in a word, digits and symbols that stand
    for letters read as those letters ("4nj1ng" → "anjing"); as long as the text."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): one by one
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    if not _BESIDE.search(low):  # most posts: no token mixes them (checked in a tenth the time)
        return low
    # a handle or a tag keeps its sign: "@majujaya" names a company, not "amajujaya"
    return _MIXED.sub(
        lambda m: m[0][0] + m[0][1:].translate(_LEET) if m[0][0] == "@" else m[0].translate(_LEET),
        low,
    )


def tokens(normal: str) -> frozenset[str]:
    """The words of a normalised text with held letters let go ("anjiiing" → "anjing"): what
    a rule's gate is looked up in, once per post."""
    return frozenset(_LETTERS.findall(_HELD.sub(_one, normal)))


def _one(held: re.Match[str]) -> str:
    return held[1]


def gate_of(words: Sequence[str]) -> frozenset[str]:
    """The words a post must have one of for a word list to match in it: each word's first
    word (and the whole, written together), with every suffix, held letters let go. A
    masked word ("f*ck") passes every gate: see `Rule.passes`."""
    found: set[str] = set()
    for word in words:
        parts = _LETTERS.findall(word.lower())
        for form in {parts[0], "".join(parts)} if parts else set():
            found.update(_HELD.sub(_one, form + s) for s in _SUFFIXES)
    return frozenset(found)


def _piece(char: str, first: bool) -> str:
    """One letter of a word as chat writes it: held, or (after the first) masked with `*`."""
    if char == " ":
        return r"[\s\-_]*"
    if first or not char.isalpha():
        return f"{re.escape(char)}+"
    return f"(?:{re.escape(char)}+|\\*+)"


def _trie(words: Sequence[str]) -> str:
    """The words as one pattern that shares their beginnings (a trie): the engine tries
    one branch per first letter, not one per word (a fifth of the time for a long list)."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word.lower():
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any], first: bool) -> str:
        ends = "" in node
        branches = [_piece(c, first) + emit(child, False) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        return f"(?:{body})?" if ends else body

    return emit(root, True)


def word_pattern(word: str) -> str:
    """A word as chat writes it: every letter may be held, a letter after the first may be
    masked with `*`, a suffix may follow; a space in the word is any run of spaces."""
    return _trie([word])


def _alternation(words: Sequence[str]) -> str:
    return f"\\b{_trie(sorted(set(words)))}{_SUFFIX}\\b"


@dataclass(frozen=True)
class Example:
    """A text a rule must (or must not) flag, with the employers it is read against."""

    text: str
    employers: tuple[str, ...] = ()
    language: str = "id"


@dataclass(frozen=True)
class Rule:
    """One rule of the social scan."""

    id: str
    reason: str
    guideline: str
    kind: str
    path: str
    find: re.Pattern[str] | None = None
    targets: re.Pattern[str] | None = None
    negatives: re.Pattern[str] | None = None
    window: int = 8
    check: str | None = None
    unless: re.Pattern[str] | None = None
    must: tuple[Example, ...] = ()
    must_not: tuple[Example, ...] = ()
    #: a post with none of these words is not read by the rule (None: every post is)
    gate: frozenset[str] | None = None
    #: the same for the negatives of a `near` or `employer` rule
    negative_gate: frozenset[str] | None = None

    def passes(self, normal: str, words: frozenset[str]) -> bool:
        """Whether the post may hold a match: a gate word is in it (of the negatives too),
        or a masked letter."""
        if "*" in normal:
            return True
        return (self.gate is None or not self.gate.isdisjoint(words)) and (
            self.negative_gate is None or not self.negative_gate.isdisjoint(words)
        )


Check = Callable[[Rule, str, str, Sequence[str], frozenset[str]], list[str]]


def _shields(rule: Rule, normal: str) -> list[tuple[int, int]]:
    return [m.span() for m in rule.unless.finditer(normal)] if rule.unless else []


def _shielded(shields: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(x <= a and b <= y for x, y in shields)


def _kept(rule: Rule, normal: str, spans: list[tuple[int, int, str]]) -> list[str]:
    """The matches that do not start inside an `unless` match ("anjing saya"; "how to
    handle being ghosted by …")."""
    if rule.unless is None or not spans:
        return [s for _, _, s in spans]
    shields = _shields(rule, normal)
    return [s for a, b, s in spans if not _shielded(shields, a, a + 1)]


def clauses(text: str) -> list[tuple[int, int]]:
    """The spans of a text's clauses: sentences, cut again at a turn ("tapi", "but")."""
    spans, start = [], 0
    for m in _CLAUSE_END.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def near(
    rule: Rule, normal: str, targets: re.Pattern[str], negatives: re.Pattern[str]
) -> list[str]:
    """ "target … negative" in one sentence, at most `rule.window` words apart."""
    found: list[str] = []
    shields: list[tuple[int, int]] | None = None
    for a, b in clauses(normal):
        if targets.search(normal, a, b) is None:
            continue
        bad = list(negatives.finditer(normal, a, b))
        if not bad:
            continue
        if shields is None:
            shields = _shields(rule, normal)
        bad = [n for n in bad if not _shielded(shields, *n.span())]
        starts = [m.start() for m in _WORD.finditer(normal, a, b)]
        for t in targets.finditer(normal, a, b):
            if _shielded(shields, *t.span()):
                continue
            ti = bisect.bisect_right(starts, t.start())
            for n in bad:
                if abs(bisect.bisect_right(starts, n.start()) - ti) <= rule.window:
                    found.append(normal[min(t.start(), n.start()) : max(t.end(), n.end())])
                    break
    return found


def hits(
    rule: Rule,
    text: str,
    normal: str,
    employers: Sequence[str] = (),
    words: frozenset[str] | None = None,
) -> list[str]:
    """What `rule` finds in a post (`normal` is `normalise(text)`, `words` its `tokens`):
    the matched words."""
    if words is None:
        words = tokens(normal)
    if not rule.passes(normal, words):
        return []
    if rule.kind in ("words", "patterns") and rule.find is not None:
        spans = [(m.start(), m.end(), m[0]) for m in rule.find.finditer(normal)]
        return _kept(rule, normal, spans)
    if rule.kind == "near" and rule.targets is not None and rule.negatives is not None:
        return near(rule, normal, rule.targets, rule.negatives)
    if rule.kind == "check" and rule.check:
        from sopan.career.checks import CHECKS

        return CHECKS[rule.check](rule, text, normal, employers, words)
    return []


def _compile(path: str, what: str, pattern: str) -> re.Pattern[str]:
    from sopan._infra import rx

    try:
        return rx.compile(pattern)
    except re.error as exc:
        raise InternalError(f"{path}: {what}: not a pattern ({exc})") from None


def _list(raw: Mapping[str, Any], key: str, path: str) -> list[str]:
    value = raw.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InternalError(f"{path}: '{key}' must be a list of texts")
    return value


def _either(
    raw: Mapping[str, Any], key: str, path: str, others: Mapping[str, Mapping[str, Any]]
) -> tuple[re.Pattern[str] | None, frozenset[str] | None]:
    """`<key>` words and `<key>_patterns`, and those of the rules `<key>_from` names (their
    own `<key>` lists, or a word rule's `words`), as one pattern (None when there are none);
    and their gate: the words one of which each match has — the word list's own, and
    `<key>_gate` for the patterns (None when patterns have no gate)."""
    words = _list(raw, key, path)
    patterns = _list(raw, f"{key}_patterns", path)
    gate = _list(raw, f"{key}_gate", path)
    for other in _list(raw, f"{key}_from", path):
        if other not in others:
            raise InternalError(f"{path}: {key}_from names no rule '{other}'")
        them = others[other]
        words = words + _list(them, key, path) + _list(them, "words", path)
        patterns = patterns + _list(them, f"{key}_patterns", path)
        gate = gate + _list(them, f"{key}_gate", path)
    parts = ([_alternation(words)] if words else []) + [f"(?:{p})" for p in patterns]
    if not parts:
        return None, None
    gated = gate_of(words + gate) if not patterns or gate else None
    return _compile(path, key, "|".join(parts)), gated


def _examples(raw: Any, key: str, path: str) -> tuple[Example, ...]:
    """The `key` examples ("match" or "no_match") of every language, each a text or a
    mapping with `text` and `employers`."""
    found = []
    for lang in LANGUAGES:
        group = (raw or {}).get(lang) or {}
        for item in group.get(key) or []:
            if isinstance(item, str):
                found.append(Example(item, language=lang))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                named = tuple(str(e) for e in item.get("employers", []))
                found.append(Example(item["text"], named, lang))
            else:
                raise InternalError(f"{path}: an example must be a text or have 'text'")
    return tuple(found)


def build(
    raw: Mapping[str, Any],
    path: str,
    guidelines: frozenset[str],
    others: Mapping[str, Mapping[str, Any]] | None = None,
) -> Rule:
    """One rule from its YAML mapping (`others`: the other rules' mappings, by id, for
    `negatives_from`); every mistake names the file."""
    others = others or {}
    for key in ("id", "reason", "guideline", "kind"):
        if not isinstance(raw.get(key), str):
            raise InternalError(f"{path}: needs '{key}'")
    if raw["reason"] not in REASONS:
        raise InternalError(f"{path}: reason must be one of {', '.join(REASONS)}")
    if raw["kind"] not in KINDS:
        raise InternalError(f"{path}: kind must be one of {', '.join(KINDS)}")
    if raw["guideline"] not in guidelines:
        raise InternalError(f"{path}: no guideline '{raw['guideline']}' in the book")
    find = None
    if raw["kind"] == "words":
        find = _compile(path, "words", _alternation(_list(raw, "words", path)))
    elif raw["kind"] == "patterns":
        find = _compile(
            path, "patterns", "|".join(f"(?:{p})" for p in _list(raw, "patterns", path))
        )
    unless = _list(raw, "unless", path)
    targets, target_gate = _either(raw, "targets", path, others)
    negatives, negative_gate = _either(raw, "negatives", path, others)
    gate = None
    if raw["kind"] == "words":
        gate = gate_of(_list(raw, "words", path))
    elif raw["kind"] == "near":
        gate = target_gate
    elif raw.get("gate"):
        gate = gate_of(_list(raw, "gate", path))
    rule = Rule(
        id=raw["id"],
        reason=raw["reason"],
        guideline=raw["guideline"],
        kind=raw["kind"],
        path=path,
        find=find,
        targets=targets,
        negatives=negatives,
        negative_gate=negative_gate,
        window=int(raw.get("window", 8)),
        check=raw.get("check"),
        unless=_compile(path, "unless", "|".join(f"(?:{p})" for p in unless)) if unless else None,
        must=_examples(raw.get("examples"), "match", path),
        must_not=_examples(raw.get("examples"), "no_match", path),
        gate=gate,
    )
    if rule.kind == "near" and (rule.targets is None or rule.negatives is None):
        raise InternalError(f"{path}: a 'near' rule needs targets and negatives")
    return rule


def example_problems(rule: Rule) -> list[str]:
    """What is wrong with a rule's examples: each must example flagged, each must-not not,
    at least one of each in every language sopan ships and every other it has examples in (a
    language added in data is read by the rules as their examples come)."""
    from sopan.language.profiles import shipped

    problems = []
    for lang in (*shipped(), *sorted({e.language for e in rule.must} - set(shipped()))):
        for key, examples in (("match", rule.must), ("no_match", rule.must_not)):
            if not any(e.language == lang for e in examples):
                problems.append(f"{rule.path}: needs '{key}' examples in '{lang}'")
    for ex in rule.must:
        if not hits(rule, ex.text, normalise(ex.text), ex.employers):
            problems.append(f"{rule.path}: did not match: {ex.text!r}")
    for ex in rule.must_not:
        found = hits(rule, ex.text, normalise(ex.text), ex.employers)
        if found:
            problems.append(f"{rule.path}: matched {found[0]!r} in: {ex.text!r}")
    return problems


@dataclass(frozen=True)
class Lexicon:
    """Every rule of the scan, checked."""

    rules: tuple[Rule, ...] = field(default_factory=tuple)


@cache
def load_lexicon() -> Lexicon:
    """The rules in `data/career/social/`, each built and its examples run; a broken rule is
    an internal error naming its file and the example it fails."""
    from sopan.data import data_path, load_yaml
    from sopan.language.guidelines import load_guidelines

    book = frozenset(load_guidelines("en"))
    files = sorted(data_path("career", "social").glob("*.yaml"))
    raws = {f.stem: load_yaml("career", "social", f.name) for f in files}
    rules = []
    for file in files:
        rule = build(raws[file.stem], f"career/social/{file.name}", book, raws)
        if rule.id != file.stem:
            raise InternalError(f"{rule.path}: id '{rule.id}' is not the file's name")
        problems = example_problems(rule)
        if problems:
            raise InternalError(problems[0])
        rules.append(rule)
    return Lexicon(tuple(rules))
