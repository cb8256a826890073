"""The channels, as data: one spec per channel in `data/channels/<name>.yaml`, read once.

Everything that differs between channels is in its spec, and the stages and edges read it
here instead of naming channels: what kind of medium it is (written, chat, spoken, calendar),
what reaches the recruiter through it (an e-mail address, a mobile number, any phone number,
a calendar UID, nothing), where it stands in lists and plans, how its length is measured
and what it may not exceed, its register per language, the file it becomes, the link that
opens it, the role it plays in a plan, and the moves it writes per action.

More specs can be laid beside the packaged ones: every folder in `SOPAN_DATA_DIRS`
(separated as PATH is) may hold `channels/<name>.yaml` and `phrases/<lang>/channels/<name>.yaml`,
and those channels are planned, drafted, linted, exported and shown like the packaged ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from sopan.errors import InternalError

Kind = Literal["written", "chat", "spoken", "calendar"]
#: what must be known for the channel to reach the recruiter
Reach = Literal["email", "mobile", "phone", "calendar", "person", "anyone"]
#: the file a draft becomes: an .eml reply, a letter (.docx and .pdf), an iTIP .ics, a .txt
Format = Literal["eml", "letter", "ics", "text"]
Link = Literal["mailto", "whatsapp", "tel"]
#: the part a channel plays in a plan: the written reply, a text after a call, the call,
#: what is left when a call is not answered, the calendar answer, keeping in touch, or none
#: (written only when asked for)
Role = Literal["reply", "text", "call", "unanswered", "calendar", "connect", "none"]
#: how a draft is measured: characters, GSM-7/UCS-2 SMS parts, seconds spoken
Unit = Literal["chars", "sms_parts", "seconds"]
#: how the text is laid out: a message, a numbered script of key points, a letter with its
#: heading; and the subject it carries: the invitation's ("Re: …"), its own, or none
Layout = Literal["message", "script", "letter"]
Subject = Literal["reply", "own", "none"]

KINDS: tuple[str, ...] = ("written", "chat", "spoken", "calendar")
_REACH: tuple[str, ...] = ("email", "mobile", "phone", "calendar", "person", "anyone")
_FORMATS: tuple[str, ...] = ("eml", "letter", "ics", "text")
_LINKS: tuple[str, ...] = ("mailto", "whatsapp", "tel")
_ROLES: tuple[str, ...] = ("reply", "text", "call", "unanswered", "calendar", "connect", "none")
_UNITS: tuple[str, ...] = ("chars", "sms_parts", "seconds")
_LAYOUTS: tuple[str, ...] = ("message", "script", "letter")
_SUBJECTS: tuple[str, ...] = ("reply", "own", "none")


@dataclass(frozen=True)
class Measure:
    """How a draft of the channel is measured, and the limit it is written within.

    `limit` is what composing aims at and lint warns beyond; `hard` says the medium refuses
    more (lint reports an error); `extended` is the larger limit some senders have (LinkedIn's
    premium notes); `rate` is syllables a second per language for a spoken channel.
    """

    unit: Unit
    limit: float | None = None
    hard: bool = False
    extended: float | None = None
    rate: Mapping[str, float] = field(default_factory=dict)

    def per_second(self, language: str) -> float:
        """How fast a script is said in `language`, in syllables a second (4 when the spec
        names no rate)."""
        return float(self.rate.get(language, 4.0))


@dataclass(frozen=True)
class ChannelSpec:
    """One channel, as its `data/channels/<name>.yaml` describes it."""

    name: str
    kind: Kind
    reach: Reach
    order: int
    label: Mapping[str, str]
    register: Mapping[str, str]
    moves: Mapping[str, tuple[tuple[str, ...], ...]]
    file: str
    format: Format = "text"
    role: Role = "none"
    layout: Layout = "message"
    subject: Subject = "none"
    link: Link | None = None
    measure: Measure | None = None
    #: words that show an invitation came through this channel ("wa.me/", "telegram")
    came_by: tuple[str, ...] = ()
    #: words that ask for the answer in this channel itself ("balas chat ini", "reply to this
    #: chat"): the reply goes there even when the text gives no number or address (R2.1)
    asks_here: tuple[str, ...] = ()
    #: words that ask for no answer in the thread it came by ("do not reply to this email")
    not_here: tuple[str, ...] = ()
    #: the channel a script leaves for when nobody answers (a call → its voicemail)
    unanswered: str | None = None
    always: frozenset[str] = frozenset()
    drop_order: tuple[str, ...] = ()
    #: the folder the spec was read from (the packaged data, or one of SOPAN_DATA_DIRS)
    root: Path = field(default=Path(), compare=False)

    @property
    def spoken(self) -> bool:
        """Whether the draft is said aloud (a script for the ear)."""
        return self.kind == "spoken"

    def paragraphs(self, action: str) -> tuple[tuple[str, ...], ...]:
        """The paragraphs of steps for an action (falling back to `default`)."""
        found = self.moves.get(action) or self.moves.get("default")
        if found is None:
            raise InternalError(f"channel {self.name}: no moves for action {action}")
        return found

    def rate(self, language: str) -> float:
        """Syllables a second a script in `language` is spoken at."""
        return self.measure.per_second(language) if self.measure else 4.0

    def register_in(self, language: str) -> str:
        """The register its drafts are written in, in `language`: formal where the spec says
        nothing of the language (one added in data, until its channels say otherwise)."""
        return self.register.get(language, "formal")

    def label_in(self, language: str) -> str:
        """What the channel is called in `language` ("pesan suara", "voicemail")."""
        return self.label.get(language) or self.label.get("en") or self.name

    def text(self, language: str) -> str:
        """Its name in `language` (how an error's message writes it)."""
        return self.label_in(language)

    @property
    def file_names(self) -> tuple[str, ...]:
        """The files a draft of this channel becomes (a letter is a .docx and a .pdf)."""
        if self.format == "letter":
            return (f"{self.file}.docx", f"{self.file}.pdf")
        return (self.file,)


@dataclass(frozen=True)
class Registry:
    """Every channel, in plan order."""

    specs: tuple[ChannelSpec, ...]

    def names(self) -> tuple[str, ...]:
        """The channels' names, in order."""
        return tuple(s.name for s in self.specs)

    def get(self, name: str) -> ChannelSpec | None:
        """The channel called `name`, or None."""
        return next((s for s in self.specs if s.name == name), None)

    def spec(self, name: str) -> ChannelSpec:
        """The channel called `name` (a bug when there is none)."""
        found = self.get(name)
        if found is None:
            raise InternalError(f"no channel named '{name}' in data/channels/")
        return found

    def with_role(self, role: str) -> tuple[ChannelSpec, ...]:
        """The channels that play `role` in a plan, in order."""
        return tuple(s for s in self.specs if s.role == role)

    def of_kind(self, *kinds: str) -> tuple[ChannelSpec, ...]:
        """The channels of these kinds, in order."""
        return tuple(s for s in self.specs if s.kind in kinds)

    def by_file(self, file_name: str) -> ChannelSpec | None:
        """The channel whose draft file this is ("sms.txt", "sms-2.txt", "letter.pdf")."""
        stem, dot, suffix = file_name.lower().rpartition(".")
        if not dot:
            stem, suffix = file_name.lower(), ""
        base = stem.rsplit("-", 1)[0] if stem.rsplit("-", 1)[-1].isdigit() else stem
        for spec in self.specs:
            for name in spec.file_names:
                own_stem, _, own_suffix = name.lower().rpartition(".")
                if own_stem == base and (own_suffix == suffix or not suffix):
                    return spec
        return None


def registry() -> Registry:
    """The channels of the packaged data and of SOPAN_DATA_DIRS, in plan order."""
    from sopan.data import data_roots

    return _registry(data_roots())


def spec(name: str) -> ChannelSpec:
    """One channel's spec by its name."""
    return registry().spec(name)


def channel_names() -> tuple[str, ...]:
    """Every channel's name, in plan order."""
    return registry().names()


@cache
def _registry(roots: tuple[Path, ...]) -> Registry:
    found: dict[str, ChannelSpec] = {}
    for root in roots:
        folder = root / "channels"
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.yaml")):
            found[path.stem] = _parse(path, root)  # a later folder's spec replaces one
    if not found:
        raise InternalError("no channel specs in data/channels/")
    return Registry(tuple(sorted(found.values(), key=lambda s: (s.order, s.name))))


def _parse(path: Path, root: Path) -> ChannelSpec:
    from sopan.data import read_yaml

    raw = read_yaml(path)
    where = f"{path}"
    if not isinstance(raw, dict):
        raise InternalError(f"{where}: a channel spec is a mapping")

    def pick(key: str, allowed: tuple[str | None, ...], default: str | None = None) -> Any:
        value = raw.get(key, default)
        if value not in allowed:
            choices = ", ".join(str(a) for a in allowed)
            raise InternalError(f"{where}: {key} must be one of {choices}, not {value!r}")
        return value

    def table(key: str) -> dict[str, str]:
        value = raw.get(key)
        if not isinstance(value, dict) or not value:
            raise InternalError(f"{where}: {key} must map each language to a value")
        return {str(k): str(v) for k, v in value.items()}

    moves_raw = raw.get("moves")
    if not isinstance(moves_raw, dict) or not moves_raw:
        raise InternalError(f"{where}: moves must map actions to paragraphs of moves")
    moves = {
        str(action): tuple(tuple(str(step) for step in para) for para in paras)
        for action, paras in moves_raw.items()
    }
    measure = None
    if isinstance(raw.get("measure"), dict):
        m = raw["measure"]
        if m.get("unit") not in _UNITS:
            raise InternalError(f"{where}: measure.unit must be one of {', '.join(_UNITS)}")
        measure = Measure(
            unit=m["unit"],
            limit=m.get("limit"),
            hard=bool(m.get("hard", False)),
            extended=m.get("extended"),
            rate={str(k): float(v) for k, v in (m.get("rate") or {}).items()},
        )
    order = raw.get("order")
    if not isinstance(order, int):
        raise InternalError(f"{where}: order must be a whole number")
    file = raw.get("file")
    if not isinstance(file, str) or not file:
        raise InternalError(f"{where}: file must name the draft's file")
    return ChannelSpec(
        name=path.stem,
        kind=pick("kind", KINDS),
        reach=pick("reach", _REACH),
        order=order,
        label=table("label"),
        register=table("register"),
        moves=moves,
        file=file,
        format=pick("format", _FORMATS, "text"),
        role=pick("role", _ROLES, "none"),
        layout=pick("layout", _LAYOUTS, "message"),
        subject=pick("subject", _SUBJECTS, "none"),
        link=pick("link", (*_LINKS, None), None),
        measure=measure,
        came_by=tuple(str(w).lower() for w in raw.get("came_by", ())),
        not_here=tuple(str(w).lower() for w in raw.get("not_here", ())),
        asks_here=tuple(str(w).lower() for w in raw.get("asks_here", ())),
        unanswered=raw.get("unanswered"),
        always=frozenset(str(m) for m in raw.get("always", ())),
        drop_order=tuple(str(s) for s in raw.get("drop_order", ())),
        root=root,
    )


#: the GSM 03.38 basic and extension characters: a text of only these is sent as GSM-7
GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    "ÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)


def sms_segments(text: str, gsm_chars: frozenset[str] = GSM7) -> int:
    """How many SMS parts `text` takes: GSM-7 160/153 characters, else UCS-2 70/67."""
    import math

    if all(ch in gsm_chars for ch in text):
        single, multi = 160, 153
        length = len(text) + sum(1 for ch in text if ch in "^{}\\[~]|€")
    else:
        single, multi = 70, 67
        length = sum(2 if ord(ch) > 0xFFFF else 1 for ch in text)
    return 1 if length <= single else math.ceil(length / multi)


def syllables(text: str, language: str) -> int:
    """About how many syllables `text` takes to say, counted as the language's profile says:
    Indonesian its vowels (each is a syllable but for "ai", "au", "oi"), English its runs of
    vowels (a final silent "e" not counted); a number is about one and a half syllables a
    digit ("23" dua puluh tiga)."""
    import re

    from sopan.language.profiles import profile

    spoken = profile(language)
    count = 0
    for token in text.lower().split():
        digits = sum(ch.isdigit() for ch in token)
        letters = re.sub(r"[^a-z]", "", token)
        if digits:
            count += max(1, round(1.5 * digits))
        if not letters:
            continue
        if spoken.syllables == "vowels":
            found = sum(ch in "aiueo" for ch in letters)
            found -= sum(letters.count(pair) for pair in spoken.one_syllable)
        else:
            found = len(re.findall(r"[aeiouy]+", letters))
            if letters.endswith("e") and not letters.endswith(("le", "ee")) and found > 1:
                found -= 1
        count += max(1, found)
    return count


def speaking_seconds(text: str, syllables_per_second: float, language: str = "id") -> float:
    """Seconds to say `text` aloud at `syllables_per_second`."""
    return syllables(text, language) / syllables_per_second


def size_of(text: str, channel: ChannelSpec, language: str) -> float | None:
    """How long `text` is in the channel's own measure (None when the channel has none)."""
    measure = channel.measure
    if measure is None:
        return None
    text = text.strip()
    if measure.unit == "sms_parts":
        return sms_segments(text)
    if measure.unit == "seconds":
        return speaking_seconds(text, measure.per_second(language), language)
    return len(text)
