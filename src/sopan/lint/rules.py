"""Lint rules as data: load the YAML files, check their shape, compile their patterns once.

A rule file holds one rule. Every problem in a rule file is reported with the file's
path and the line it is on, so whoever writes a rule can find the mistake at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Literal

from sopan._infra import rx
from sopan.errors import UserError
from sopan.model import INTENTS, LANGUAGES, MOVES
from sopan.model.channels import KINDS as CHANNEL_KINDS
from sopan.model.channels import registry

Kind = Literal["existence", "substitution", "required", "length", "spelling", "check"]
KINDS: tuple[str, ...] = ("existence", "substitution", "required", "length", "spelling", "check")
LEVELS: tuple[str, ...] = ("error", "warning", "info")
SCOPES: tuple[str, ...] = ("subject", "greeting", "body", "closing")
#: "channel": the channel's own measure and limit, from its spec in data/channels/
LENGTH_UNITS: tuple[str, ...] = ("chars", "sms_segments", "seconds", "channel")
_GUIDELINE = rx.compile(r"^[RC]\d+(\.\d+)?$")
_KNOWN_KEYS = frozenset(
    {
        "id",
        "kind",
        "level",
        "scope",
        "languages",
        "message",
        "guideline",
        "examples",
        "patterns",
        "swap",
        "move",
        "pattern",
        "actions",
        "channels",
        "when",
        "case_sensitive",
        "min_count",
        "check",
        "unit",
        "max",
        "rate_wpm",
        "suggestion",
        "keep_protected",
        "skip_known",
    }
)


class RuleError(UserError):
    """A rule file that cannot be used; the message names the file and the line."""

    def __init__(self, path: str, line: int, problem: str) -> None:
        super().__init__(f"{path}:{line}: {problem}")
        self.path = path
        self.line = line
        self.problem = problem


@dataclass(frozen=True)
class Example:
    """A text a rule must flag (fail) or leave alone (pass), with the context it needs."""

    text: str
    context: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """One lint rule, ready to run: its patterns are compiled."""

    id: str
    kind: Kind
    level: str
    guideline: str
    message: Mapping[str, str]
    path: str
    line: int
    scope: tuple[str, ...] = SCOPES
    languages: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    channels: tuple[str, ...] = ()
    when: Mapping[str, str] = field(default_factory=dict)
    patterns: tuple[re.Pattern[str], ...] = ()
    swaps: tuple[tuple[re.Pattern[str], str], ...] = ()
    move: str | None = None
    pattern: re.Pattern[str] | None = None
    min_count: int = 1
    check: str | None = None
    unit: str = "chars"
    max: float = 0
    rate_wpm: Mapping[str, float] = field(default_factory=dict)
    suggestion: Mapping[str, str] = field(default_factory=dict)
    keep_protected: bool = False
    skip_known: bool = False
    fail: tuple[Example, ...] = ()
    passing: tuple[Example, ...] = ()

    def text(self, language: str) -> str:
        """The message in `language` (English when that one is missing)."""
        return self.message.get(language) or self.message["en"]

    def applies(self, language: str, action: str | None, channel: str | None, ctx: Any) -> bool:
        """Whether the rule runs for this language, action, channel and context."""
        if language not in self.languages:
            return False
        if self.actions and action not in self.actions:
            return False
        # Without a channel, a reply is read as an email: the commonest written answer.
        if self.channels and not _channel_in(channel or "email", self.channels):
            return False
        return all(getattr(ctx, key, None) == value for key, value in self.when.items())


def _channel_in(channel: str, named: tuple[str, ...]) -> bool:
    """Whether a rule naming these channels or kinds of channel covers `channel`."""
    if channel in named:
        return True
    found = registry().get(channel)
    return found is not None and found.kind in named


@cache
def _line_loader() -> Any:
    """A safe loader that remembers the line of every mapping and of each key in it (the C
    parser when PyYAML has it: its nodes carry the same marks, ten times faster). Made on
    first use, so that a command whose rules come from the cache never imports PyYAML."""
    import yaml

    class LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def mapping_of(loader: Any, node: Any) -> dict[str, Any]:
        mapping: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in mapping:
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            mapping[key] = loader.construct_object(value_node, deep=True)
            lines[str(key)] = key_node.start_mark.line + 1
        mapping["__line__"] = node.start_mark.line + 1
        mapping["__lines__"] = lines
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, mapping_of)
    return LineLoader


def _rule_data(text: str, path: str) -> Any:
    """One rule file's YAML with the line of each mapping and key; RuleError naming the line
    when it is not valid YAML."""
    import yaml

    try:
        return yaml.load(text, Loader=_line_loader())  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RuleError(path, line, f"not valid YAML ({exc.problem})") from None


class _Reader:
    """Reads one rule mapping, raising RuleError with the right line for each problem."""

    def __init__(self, data: dict[str, Any], path: str) -> None:
        self.data = data
        self.path = path
        self.lines: dict[str, int] = data.get("__lines__", {})

    def fail(self, key: str | None, problem: str) -> RuleError:
        line = self.lines.get(key, self.data.get("__line__", 1)) if key else self.data["__line__"]
        return RuleError(self.path, int(line), problem)

    def get(self, key: str, kind: type | tuple[type, ...], required: bool = False) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(None, f"missing '{key}'")
            return None
        value = self.data[key]
        if not isinstance(value, kind):
            raise self.fail(key, f"'{key}' has the wrong type ({type(value).__name__})")
        return value

    def words(self, key: str, allowed: Sequence[str], default: Sequence[str]) -> tuple[str, ...]:
        value = self.get(key, (list, str))
        if value is None:
            return tuple(default)
        items = [value] if isinstance(value, str) else value
        for item in items:
            if item not in allowed:
                raise self.fail(key, f"'{key}': unknown value '{item}' (one of {list(allowed)})")
        return tuple(str(i) for i in items)

    def regex(self, key: str, source: Any, flags: int) -> re.Pattern[str]:
        if not isinstance(source, str) or not source:
            raise self.fail(key, f"'{key}': a pattern must be a non-empty string")
        try:
            return rx.compile(source, flags)
        except re.error as exc:
            raise self.fail(key, f"'{key}': bad regular expression {source!r} ({exc})") from None

    def examples(self, key: str) -> tuple[Example, ...]:
        raw = self.get(key, list)
        if not raw:
            raise self.fail("examples", f"examples need at least one '{key}' text")
        out = []
        for item in raw:
            if isinstance(item, str):
                out.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                ctx = {k: v for k, v in item.items() if k not in ("text", "__line__", "__lines__")}
                out.append(Example(item["text"], ctx))
            else:
                raise self.fail("examples", f"a '{key}' example must be a text or have 'text'")
        return tuple(out)


def _rule_from(data: Any, path: str, check_names: Iterable[str]) -> Rule:
    if not isinstance(data, dict):
        raise RuleError(path, 1, "a rule file must hold one mapping")
    r = _Reader(data, path)
    unknown = [k for k in data if k not in _KNOWN_KEYS and not k.startswith("__")]
    if unknown:
        raise r.fail(unknown[0], f"unknown key '{unknown[0]}'")
    rule_id = r.get("id", str, required=True)
    kind = r.get("kind", str, required=True)
    if kind not in KINDS:
        raise r.fail("kind", f"unknown kind '{kind}' (one of {list(KINDS)})")
    level = r.get("level", str, required=True)
    if level not in LEVELS:
        raise r.fail("level", f"unknown level '{level}' (one of {list(LEVELS)})")
    guideline = r.get("guideline", str, required=True)
    if not _GUIDELINE.match(guideline):
        raise r.fail("guideline", f"guideline '{guideline}' is not an id like R3.1 or C2")
    message = r.get("message", dict, required=True)
    # a rule runs in the languages it names, or else in every language its message is written
    # in: a language added in data is linted by the rules that have words for it
    written = tuple(lang for lang in LANGUAGES if lang in message)
    languages = r.words("languages", LANGUAGES, written)
    for lang in languages:
        if not isinstance(message.get(lang), str) or not message[lang].strip():
            raise r.fail("message", f"message needs an '{lang}' text")
    examples = r.get("examples", dict, required=True)
    ex = _Reader(examples, path)
    ex.lines = {**ex.lines, "examples": r.lines.get("examples") or int(data["__line__"])}
    flags = 0 if r.get("case_sensitive", bool) else re.IGNORECASE
    fields: dict[str, Any] = {}
    if kind == "existence":
        pats = r.get("patterns", list, required=True)
        fields["patterns"] = tuple(r.regex("patterns", p, flags) for p in pats)
        fields["min_count"] = r.get("min_count", int) or 1
    elif kind == "substitution":
        swap = r.get("swap", dict, required=True)
        fields["swaps"] = tuple(
            (r.regex("swap", k, flags), str(v)) for k, v in swap.items() if not k.startswith("__")
        )
    elif kind == "required":
        move, pattern = r.get("move", str), r.get("pattern", str)
        if (move is None) == (pattern is None):
            raise r.fail(None, "a required rule needs exactly one of 'move' or 'pattern'")
        if move is not None and move not in MOVES:
            raise r.fail("move", f"unknown move '{move}'")
        fields["move"] = move
        fields["pattern"] = r.regex("pattern", pattern, flags | re.MULTILINE) if pattern else None
    elif kind == "length":
        fields["unit"] = r.words("unit", LENGTH_UNITS, ["chars"])[0]
        channel_unit = fields["unit"] == "channel"
        fields["max"] = float(r.get("max", (int, float), required=not channel_unit) or 0)
        rates = r.get("rate_wpm", dict) or {}
        fields["rate_wpm"] = {k: float(v) for k, v in rates.items() if not k.startswith("__")}
        if fields["unit"] == "seconds" and not fields["rate_wpm"]:
            raise r.fail(None, "a length rule in seconds needs 'rate_wpm' per language")
    elif kind == "check":
        name = r.get("check", str, required=True)
        if name not in set(check_names):
            raise r.fail("check", f"no check named '{name}' in sopan.lint.checks")
        fields["check"] = name
    when = r.get("when", dict) or {}
    suggestion = r.get("suggestion", dict) or {}
    return Rule(
        id=rule_id,
        kind=kind,
        level=level,
        guideline=guideline,
        message={k: str(v) for k, v in message.items() if not k.startswith("__")},
        path=path,
        line=int(data["__line__"]),
        scope=r.words("scope", SCOPES, SCOPES),
        languages=languages,
        actions=r.words("actions", INTENTS, ()),
        # a channel's name, or a kind of channel (written, chat, spoken, calendar): a rule
        # for "chat" runs on every chat channel, one added in data too
        channels=r.words("channels", (*registry().names(), *CHANNEL_KINDS), ()),
        when={k: v for k, v in when.items() if not k.startswith("__")},
        suggestion={k: str(v) for k, v in suggestion.items() if not k.startswith("__")},
        keep_protected=bool(r.get("keep_protected", bool)),
        skip_known=bool(r.get("skip_known", bool)),
        fail=ex.examples("fail"),
        passing=ex.examples("pass"),
        **fields,
    )


def parse_rule(
    text: str, path: str, check_names: Iterable[str] | None = None, *, cached: bool = False
) -> Rule:
    """Parse one rule file's text; raise RuleError naming `path` and the line. `cached`: the
    parsed YAML may come from the data cache (the rules shipped with sopan)."""
    if check_names is None:
        from sopan.lint.checks import CHECKS

        check_names = CHECKS.keys()
    if cached:
        from sopan.data import parsed

        data = parsed(text, "rule", lambda t: _rule_data(t, path))
    else:
        data = _rule_data(text, path)
    return _rule_from(data, path, check_names)


def load_rules_from(
    paths: Iterable[Path], *, base: Sequence[Rule] = (), cached: bool = False
) -> tuple[Rule, ...]:
    """`base` plus the rule files at `paths` (files, or folders of `*.yaml`); ids are unique.
    `cached`: their parsed YAML may come from the data cache (sopan's own rules)."""
    rules: list[Rule] = list(base)
    seen: dict[str, Rule] = {rule.id: rule for rule in base}
    for place in paths:
        files = sorted(place.glob("*.yaml")) if place.is_dir() else [place]
        for file in files:
            try:
                text = file.read_text("utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                raise RuleError(str(file), 1, f"cannot read the rule file ({exc})") from None
            rule = parse_rule(text, str(file), cached=cached)
            if rule.id in seen:
                raise RuleError(str(file), rule.line, f"rule id '{rule.id}' is already used")
            seen[rule.id] = rule
            rules.append(rule)
    return tuple(rules)


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    """The rules shipped in `sopan/data/rules/`, loaded and compiled once."""
    from sopan.data import data_path

    folder = data_path("rules")
    return load_rules_from([folder], cached=True)
