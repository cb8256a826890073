"""Every field besides the time, read from the parts of the message that can carry it.

The message's own text and the history it quotes are read newest first; in each, the parts a
field cannot come from are masked (`layout`), so a company is never a greeting's word, a button
or a footer's copyright line, and a position never the signer's job title. Each field comes back
as a `Found` whose span is in the text shown to the user (or in the header it was read from).
A value that is a template slot, a time, a greeting or the company's own name given as the
position is no value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache

from sopan._infra import rx
from sopan.read import company as companies
from sopan.read import fields, layout, people, slots
from sopan.read.casing import as_name
from sopan.read.found import Found, across_wrap
from sopan.read.words import calendar_words, words


@dataclass
class Texts:
    """The message's texts as the extractors read them: each segment's slot-blanked text,
    where it starts in the shown text, and its parts."""

    texts: list[str]
    shifts: list[int]
    parts: list[list[layout.Part]] = field(default_factory=list)
    #: the fields whose value as read was a template slot ("Posisi : Posisi yang dilamar")
    held: set[str] = field(default_factory=set)
    _masked: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.parts = [layout.layout(t) for t in self.texts]

    def masked(self) -> list[str]:
        """Each text with the parts no field is read from blanked (`layout.READ`): one masked
        text per segment, whose labelled lines are found once."""
        if not self._masked:
            self._masked = [
                layout.mask(t, p, layout.READ) for t, p in zip(self.texts, self.parts, strict=True)
            ]
        return self._masked

    def first(
        self,
        fn: Callable[..., Found | None],
        keep: frozenset[layout.Kind],
        *args: object,
        ok: Callable[[str], bool] = lambda _: True,
        name: str = "",
    ) -> Found | None:
        """The first value `fn` finds in the texts (newest first) that `ok` accepts, its span
        moved into the shown text; a value that is a template slot is noted in `held` under
        `name`."""
        for text, shift, parts in zip(self.masked(), self.shifts, self.parts, strict=True):
            found = fn(text, *args)
            if found is None or not found.value:
                continue
            if found.source == "text" and layout.kind_at(parts, found.start) not in keep:
                continue  # a position in the signature: the signer's own title
            if slots.is_slot(found.value):
                self.held.add(name)
                continue
            if ok(found.value):
                return found.shifted(shift) if found.source == "text" else found
        return None

    def candidate(self, at: int = 0) -> set[str]:
        """The words of the candidate's own name, as the greeting and the addressee's block of
        message `at` (the one the interview is read from) write it ("Dear Ms. Chen" → {"chen"};
        a quoted message's "Hi Hannah" greets the recruiter)."""
        greetings = _greeting_words()
        out: set[str] = set()
        if at < len(self.texts):
            text, parts = self.texts[at], self.parts[at]
            for p in parts:
                if p.kind in ("greeting", "addressee"):
                    for w in re.findall(r"[A-Z][a-z]+", text[p.start : p.end]):
                        if w.lower() not in greetings:
                            out.add(w.lower())
        return out


@cache
def _greeting_words() -> frozenset[str]:
    """Words of greetings and titles, never part of the greeted person's name."""
    w = words()
    items = [*w["layout"]["greetings"], *w["layout"]["addressee"]]
    items += [x for xs in w["honorifics"].values() for x in xs]
    return frozenset(part for item in items for part in re.findall(r"[a-z]+", str(item).lower()))


@dataclass
class Extracted:
    """The fields read from the text, each with where it was read."""

    company: Found | None = None
    position: Found | None = None
    location: Found | None = None
    meeting_link: Found | None = None
    access_code: Found | None = None
    reference: Found | None = None
    contact: people.Mention | None = None
    email: Found | None = None
    phone: Found | None = None


#: what no company or position is: a time ("00 AM", "10.00"), a date's words alone
_TIMEISH = rx.compile(r"(?i)^\W*\d{1,2}(?:[.:]\d\d)?\s*(?:[ap]\.?m\.?|wib|wita|wit)?\W*$")


def plausible_name(value: str) -> bool:
    """Whether a company's or a position's value could be one: not a slot, not a time, not a
    greeting's or a date's words alone."""
    if slots.is_slot(value) or _TIMEISH.match(value):
        return False
    tokens = re.findall(r"[^\W\d_]+", value.lower())
    meaningful = [
        t for t in tokens if t not in calendar_words() and t not in _greeting_words() and len(t) > 1
    ]
    return bool(meaningful) and not (tokens and tokens[0] in _function_words())


@cache
def _function_words() -> frozenset[str]:
    """Words no job title begins with ("untuk melakukan interview", "the")."""
    return frozenset(str(w) for w in words()["not_title_start"])


def extract(
    texts: Texts,
    subject: str | None,
    sender_name: str | None,
    sender_email: str | None,
    read_from: int = 0,
    contact_slot: bool = False,
) -> Extracted:
    """Every field besides the time: each from the parts that can carry it (`contact_slot`:
    the message leaves the person to answer as a template slot)."""
    out = Extracted()
    out.meeting_link = texts.first(fields.meeting_link, layout.READ, name="meeting_link")
    out.location = texts.first(fields.location, layout.PLACE, name="location")
    out.company = texts.first(
        _company_across_wrap, layout.COMPANY, subject, sender_name, ok=_a_company, name="company"
    ) or companies.from_domain(sender_email)
    if out.company:
        # a name read from a heading or a letterhead in capitals, as a sentence writes it
        out.company = replace(out.company, value=as_name(out.company.value))
    company = out.company.value.lower() if out.company else None

    def a_position(value: str) -> bool:
        low = value.lower()
        return plausible_name(value) and low != company and not _names_the_interview(low)

    out.position = _without_requisition(
        texts.first(_position_across_wrap, layout.POSITION, subject, ok=a_position, name="position")
    )
    out.access_code = texts.first(fields.access_code, layout.NUMBERS)
    out.reference = texts.first(fields.reference, layout.NUMBERS)
    out.phone = texts.first(people.phone, layout.NUMBERS)
    out.email = texts.first(people.first_email, layout.NUMBERS)
    out.contact = people.contact(
        texts.masked(),
        texts.shifts,
        sender_name,
        texts.candidate(read_from),
        out.company.value if out.company else None,
        lambda i, at: layout.kind_at(texts.parts[i], at) not in layout.PERSON,
        contact_slot,
    )
    return out


def _company_across_wrap(text: str, subject: str | None, sender: str | None) -> Found | None:
    """The company, with a name a line wrap cut carried on (`across_wrap`)."""
    return across_wrap(companies.company(text, subject, sender), text, subject)


def _position_across_wrap(text: str, subject: str | None) -> Found | None:
    """The position, with a title a line wrap cut carried on (`across_wrap`)."""
    return across_wrap(fields.position(text, subject), text, subject)


def _a_company(value: str) -> bool:
    """A company's name: plausible, no meeting's ("Microsoft Teams Meeting") and no job
    portal's ("Team Recruitment InfoLoker" signs a portal's template, not the employer)."""
    tokens = re.findall(r"[a-z]+", value.lower())
    never = words()["not_company_words"]
    return plausible_name(value) and not any(t in never for t in tokens) and not _a_portal(value)


@cache
def _portals() -> tuple[str, ...]:
    """The job portals' and mail services' names (`not_company_domains`), five letters or more."""
    return tuple(str(d) for d in words()["not_company_domains"] if len(str(d)) >= 5)


def _a_portal(value: str) -> bool:
    """Whether a name is a job portal's: one of them, or one with a word before it
    ("InfoLoker", "Loker.id" → "loker")."""
    key = re.sub(r"[^a-z]", "", value.lower())
    return any(key == p or (key.endswith(p) and len(key) - len(p) <= 5) for p in _portals())


#: a requisition's number before the title: "Job Requisition R-20114 Medical Billing Specialist"
#: (as OCR may read it too: "Reguisition", "Requisitlon")
_REQUISITION = rx.compile(
    r"(?i:(?:job[ \t]+)?(?:re[qg]u[il1|]s[il1|]t[il1|]on|req|ref|reference|id|no)\.?[ \t]*"
    r"[#:]?[ \t]*)"
    r"[A-Za-z0-9-]*\d[A-Za-z0-9-]*[ \t]+(?=[A-Za-z])"
)


def _without_requisition(found: Found | None) -> Found | None:
    if found is None:
        return None
    m = _REQUISITION.match(found.value)
    if not m:
        return found
    rest = found.value[m.end() :]
    return Found(rest, found.end - len(rest), found.end, found.source)


@cache
def _interview_words() -> frozenset[str]:
    return frozenset(str(w) for w in words()["invitation_words"]["interview"])


def _names_the_interview(low: str) -> bool:
    """Whether a "position" only names the interview ("melakukan interview", "Wawancara")."""
    tokens = re.findall(r"[a-z]+", low)
    return bool(tokens) and tokens[-1] in _interview_words()
