"""The company an invitation is from: a labelled line, a "PT …"/"CV …" name, who the writer
says they write from, "… at X", a team's company, a signature's organisation line, or the
sender's mail domain. Each way returns a `Found` with the span it was read in.

Like every extractor, it reads a text whose template slots are blanked and whose parts that
cannot name the company (a greeting, a button, a footer) are masked (`layout.mask`).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import chain

from sopan._infra import rx
from sopan.read.found import (
    Found,
    Origin,
    clean,
    from_match,
    lowered,
    matches_from,
    near,
    search_from,
)
from sopan.read.labels import label_before, labelled
from sopan.read.words import alternation, calendar_words, phrase_re, signoff_re, words


@cache
def _org_suffix() -> str:
    """The words a company's name ends with (`company_suffixes`): its legal forms as written
    and in capitals, the words that describe a business as written."""
    suffixes = words()["company_suffixes"]
    legal = [str(w) for w in suffixes["legal"]]
    return alternation([*legal, *(w.upper() for w in legal), *map(str, suffixes["descriptive"])])


@cache
def org_re() -> re.Pattern[str]:
    """An organisation's name: one to four capitalised words, then a word a company's name
    ends with ("Nimbus Labs Inc.", "ESCALON BUSINESS SERVICES PRIVATE LIMITED")."""
    return rx.compile(rf"((?:[A-Z][\w&-]*\.?[ \t]+){{1,4}}(?:{_org_suffix()})\.?)(?![\w])")


@cache
def _org_hint() -> re.Pattern[str]:
    return rx.compile(rf"(?:{_org_suffix()})(?![\w])")


@cache
def company_form_re() -> re.Pattern[str]:
    """ "PT Maju Jaya", "CV Sumber Rejeki Tbk": a company form, then a capitalised name (not
    "CV Anda", a résumé, nor "PT dan", nor a street that follows the name)."""
    never = alternation(list(words()["not_after_company_form"]))
    return rx.compile(
        rf"(?<![\w])((?:PT|CV|Pt)\.?\s+(?!(?:{never})(?![\w]))[A-Z0-9][\w&-]*"
        r"(?:[ \t]+(?!(?:Jl|Jln|Jalan|No|Kav|Blok|Gedung|Lantai|Lt|Ruang)\b)"
        r"(?:[A-Z][\w&-]*|&|dan|Tbk\.?)){0,6})"
    )


_ROLE_AT = rx.compile(
    r"\b(?:position|role|positions?|post|opening|vacancy|recruiter)\b[^.\n]{0,60}?"
    r"\b(?:at|with|in)\s+"
    r"(?!(?:our|the|a|an|this|that)\b)([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,4})"
)
#: "applying to IBM", "melamar di Bluefin", "bergabung dengan Tokopedia": whoever is applied to
_APPLIED_TO = rx.compile(
    r"(?i:\b(?:applying|applied|apply|application)\s+(?:to|at|with)|\bmelamar\s+(?:di|ke)|"
    r"\b(?:apply|daftar|mendaftar)\s+(?:di|ke)|"
    r"\bbergabung\s+(?:dengan|bersama)|\bjoin(?:ing)?)\s+(?!(?:our|the|us|kami|this)\b)"
    r"([A-Z][\w&-]*(?:\.[\w&-]+)*(?:[ \t]+(?:[A-Z][\w&-]*(?:\.[\w&-]+)*|&)){0,4})"
)
_SUBJECT_AT = rx.compile(r"\bat\s+([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})\s*$")
_TEAM_OF = rx.compile(
    r"\b(?:Tim|Team)[ \t]+(?:\w+[ \t]+)?([A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,3})[ \t]*$",
    re.MULTILINE,
)
#: a word before "CV" that makes it a résumé ("surat lamaran dan CV", "bawa CV Anda")
_CV_AS_RESUME = rx.compile(
    r"(?:(?<![\w])(?i:dan|bawa|membawa|kirim|kirimkan|lampirkan|upload|unggah|your|a|the|send|"
    r"bring)|[&,(])\s*$"
)
#: a company's name: capitalised words ("Bank Syariah Indonesia", "Kopi Kenangan"), up to five
_NAME = r"([A-Z][\w&'-]*(?:\.[\w&-]+)*(?:[ \t]+(?:[A-Z][\w&'-]*(?:\.[\w&-]+)*|&)){0,4})"


@cache
def _institution_re() -> re.Pattern[str]:
    """ "YPI Al Azhar", "SMK Negeri 1 Palembang", "University of Lagos": an institution's form
    (`institution_forms`), then its capitalised name (a number or "of" within it), never a
    word no name holds ("Sekolah Anda")."""
    w = words()
    never = alternation(list(w["not_after_company_form"]))
    return rx.compile(
        rf"(?<![\w])((?:{alternation(list(w['institution_forms']))})"
        rf"(?:[ \t]+(?!(?:{never})(?![\w]))(?:[A-Z][\w&'-]*|\d{{1,3}}(?![\d.:])|of|al|el)){{1,5}})"
        r"(?![\w])"
    )


@cache
def _schooling_re() -> re.Pattern[str]:
    """The words before an institution that make it the candidate's schooling."""
    return rx.compile(
        rf"(?i:(?<![\w])(?:{alternation(words()['not_before_institution'])}))[ \t]*:?[ \t]*$"
    )


def institution(text: str) -> Found | None:
    """The first institution a text names as its own ("Bagian Kepegawaian YPI Al Azhar
    mengundang"), not as the candidate's schooling ("lulusan SMK Negeri 1") nor as a venue's
    labelled value ("Tempat : Universitas …", where a test is held); its name ends
    before a word in lower case ("of" and "al" kept), and a name of a single short form and a
    number alone ("SD 1") is too little to be one."""
    for m in _institution_re().finditer(text):
        start = m.start(1)
        if _schooling_re().search(text, max(0, start - 30), start):
            continue
        label = label_before(text, start)
        if label and phrase_re("labels", "place").match(label):
            continue  # "Tempat : Universitas …": a campus the test is held at, not who invites
        value = m.group(1)
        while value.split()[-1] in ("of", "al", "el"):
            value = value.rsplit(None, 1)[0]
        if not any(c.isalpha() for c in value.split(None, 1)[-1]):
            continue
        return Found(value, start, start + len(value))
    return None


@cache
def _with_us_re() -> re.Pattern[str]:
    """The company after "with us in", "here at" …: capitalised words, or a name whose words
    between its first and its legal form are in lower case ("American international insurance
    company"), with an acronym in brackets after it ("(Aiico)")."""
    w = words()
    legal = [str(x) for x in w["company_suffixes"]["legal"]]
    suffix = alternation([*legal, *map(str, w["company_suffixes"]["descriptive"])])
    return rx.compile(
        rf"(?i:(?<![\w])(?:{alternation(list(w['company_with_us']))}))[ \t]+"
        r"(?!(?:our|the|a|an|this|that|us|kami|HR|HRD)(?![\w]))"
        rf"((?:[A-Z][\w&-]*(?:[ \t]+[a-z][\w&-]*){{1,4}}[ \t]+(?i:{suffix})(?![\w])\.?"
        r"|[A-Z][\w&-]*(?:\.[\w&-]+)*(?:[ \t]+(?:[A-Z][\w&-]*|&)){0,4})"
        r"(?:[ \t]*\([ \t]*[A-Z][\w&-]{1,15}[ \t]*\))?)"
    )


def company_form(source: str, origin: Origin = "text") -> Found | None:
    """The first "PT …" / "CV …" name of `source`, skipping a "CV" that is a résumé."""
    for m in matches_from(company_form_re(), source, ("PT", "CV", "Pt")):
        start = m.start()
        # only the few characters before it tell "bawa CV Anda" from a company
        if m.group(1).startswith("CV") and _CV_AS_RESUME.search(source, max(0, start - 16), start):
            continue
        return from_match(m, 1, origin)
    return None


@cache
def team_words() -> frozenset[str]:
    """Words that name a team, never a company ("Tim Rekrutmen", "Recruitment Team")."""
    return frozenset(str(w) for w in words()["not_names"]) | {"rekrutmen", "recruitment"}


def from_domain(email: str | None) -> Found | None:
    """The company a sender's address names ("hr@maju-jaya.co.id" → "Maju Jaya"), unless its
    domain is a mail provider's or a job portal's; its span is the domain's name."""
    if not email or "@" not in email:
        return None
    domain = email.rsplit("@", 1)[1]
    parts = domain.lower().split(".")
    w = words()
    seconds = set(map(str, w["domain_second_levels"]))
    while len(parts) > 2 and parts[-2] in seconds:
        parts = parts[:-1]
    name = parts[-2] if len(parts) >= 2 else ""
    skip = set(map(str, w["not_company_domains"]))
    if not name or name in skip or any(p in skip for p in parts[:-2]) or len(name) < 3:
        return None
    at = email.lower().rfind(name)
    value = " ".join(p.capitalize() for p in name.split("-") if p)
    return Found(value, at, at + len(name), "domain")


@cache
def _intro_res() -> tuple[re.Pattern[str], ...]:
    """ "kami dari X", "saya Rina dari X", "This is Sarah from X HR team"; a line "X HR"."""
    w = words()
    who = alternation([*w["self_intro"], *w["company_intro"]])
    after = alternation(w["self_intro_from"])
    team = alternation(w["team_before_company"])
    intro = rx.compile(
        rf"(?i:(?<![\w])(?:{who}))(?:[ \t]+[A-Z][a-z]+){{0,2}}[ \t]*,?[ \t]+"
        rf"(?i:(?:{after})[ \t]+(?:(?:{team})[ \t]+(?:(?:dari|of|at)[ \t]+)?)?)"
        rf"(?!(?i:{after})(?![\w])){_NAME}"
    )
    suffix = rx.compile(
        rf"^[ \t]*{_NAME}[ \t]+(?i:{alternation(w['team_after_company'])})(?:[ \t]+(?i:team))?"
        r"[ \t]*$",
        re.MULTILINE,
    )
    # "the hiring team at Canva", "tim HR dari Kreasi Nusantara", "Tim HR Kopi Senja"
    team_at = rx.compile(rf"(?i:(?<![\w])(?:{team})[ \t]+(?:at|of|dari|di))[ \t]+{_NAME}")
    # a signature's "HR Kreasi Nusantara": the team's name, then the company's, then the end
    hr_of = rx.compile(
        rf"(?i:(?<![\w])(?:hrd?|human capital))[ \t]+{_NAME}[ \t]*(?:$|[.,;!)])", re.MULTILINE
    )
    return intro, suffix, team_at, hr_of


#: a chat's signature at its end, a dash after a sentence: "… better. — Amanda Lee, Talent
#: Partner, Xendit" (not "10.00 - Selesai", which ends a range)
_DASH_SIGNATURE = rx.compile(
    r"(?:(?<=[.!?)\n])|\A)[ \t]*[—–-][ \t]*(?P<name>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){0,2})"
    r"(?:[ \t]*,[ \t]*(?P<rest>[^\n,]{2,60}(?:,[^\n,]{2,60}){0,2}))?[ \t.]*\Z"
)


def dash_signature(text: str) -> re.Match[str] | None:
    """The signature a chat ends with after a dash: its `name` and the `rest` after it."""
    end = len(text.rstrip())
    return _DASH_SIGNATURE.search(text, max(0, end - 160), end)


def _signed_company(text: str) -> Found | None:
    """The company a dash signature ends with ("…, Talent Partner, Xendit" → "Xendit")."""
    m = dash_signature(text)
    if not m or not m["rest"]:
        return None
    rest_at = m.start("rest")
    cut = m["rest"].rfind(",") + 1
    last = m["rest"][cut:]
    at = rest_at + cut + len(last) - len(last.lstrip())
    last = last.strip()
    if not last[:1].isupper() or any(w.lower() in title_words() for w in last.split()):
        return None  # "— Amanda, Recruiter": a title, not a company
    return _without_team_words(text, at, last)


def introduced(text: str) -> Found | None:
    """The company a writer says they write from, a signature line names with its team, or
    a chat's dash signature ends with."""
    intro, suffix, team_at, hr_of = _intro_res()
    low = lowered(text)
    keys = _intro_keys()
    # each pattern only around the words it needs, found with str.find: a regex scan of the
    # whole text for each cost more than the rest of the company's search on a long mail
    found = chain(
        near(intro, text, low, keys[0], 60, 120),  # "kami dari X": the words before "dari"
        near(team_at, text, low, ("team", "tim"), 40, 100),  # "the hiring team at X"
        near(hr_of, text, low, ("hr", "hrd", "human capital"), 0, 100),  # "HR Kreasi"
        near(suffix, text, low, keys[1], 100, 20),  # a line "Shopee Talent Acquisition"
    )
    for m in found:
        name = _without_team_words(text, m.start(1), m.group(1))
        if name:
            return name
    return _signed_company(text)


@cache
def title_words() -> frozenset[str]:
    """Each word of the job titles' words ("manager", "business", "partner" …)."""
    return frozenset(part for w in words()["title_words"] for part in str(w).split())


@cache
def _intro_keys() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words the company patterns need: "dari"/"from", and the team names that follow
    a company."""
    w = words()
    return tuple(map(str, w["self_intro_from"])), tuple(map(str, w["team_after_company"]))


def _without_team_words(text: str, at: int, name: str) -> Found | None:
    """ "Kopi Kenangan HR" → "Kopi Kenangan" (its span kept); None for a team, a day or a
    month alone, or a job title ("HR Specialist")."""
    kept = re.sub(r"['’]s$", "", name.rstrip(".")).split()  # "Grab's talent team"
    while kept and kept[-1].lower() in team_words():
        kept.pop()
    if not kept:
        return None
    first = kept[0].lower()
    if first in calendar_words() or first in team_words() or first in ("the", "our", "anda"):
        return None
    if any(word.lower() in title_words() for word in kept):  # "HR Specialist" is a job
        return None
    m = re.compile(r"\s*" + r"\s+".join(map(re.escape, kept))).match(text, at)
    value = clean(" ".join(kept))
    if value is None:
        return None
    if m is None:
        return Found(value, at, at + len(name))
    return Found(value, m.end() - len(m.group(0).lstrip()), m.end())


#: an agency writes for its client: "my client, Helix Biotech, would like", "klien kami, X"
_CLIENT = rx.compile(
    r"(?i:\b(?:my|our)[ \t]+client|\bklien[ \t]+kami)[ \t]*,?[ \t]+(?:(?i:is|adalah)[ \t]+)?"
    + _NAME
)


def company(text: str, subject: str | None, sender_name: str | None) -> Found | None:
    """The company name: a labelled line, an agency's client, 'PT …', who a writer says they
    write from, '… at X', a signature organisation."""
    for found in labelled(text, "company"):
        return found
    if "client" in text or "klien" in text:
        m = _CLIENT.search(text)
        if m:
            return from_match(m)
    # the message's own words first: a value found there is shown where it is written
    for source, origin in ((text, "text"), (subject or "", "subject"), (sender_name or "", "from")):
        named = company_form(source, origin)  # type: ignore[arg-type]
        if named:
            return named
    named = introduced(text)
    if named:
        return named
    m = _with_us_re().search(text) if "with us" in text or "at" in text or "by" in text else None
    if m and m.group(1).split()[0].lower() not in team_words():
        return from_match(m)
    named = institution(text)
    if named:
        return named
    low = text.lower()
    m = None
    keys = ("position", "role", "post", "opening", "vacancy", "recruiter")
    if any(k in low for k in keys):
        m = search_from(_ROLE_AT, text, keys)
    if m:
        return from_match(m)
    m = _SUBJECT_AT.search(subject) if subject and "at" in subject else None
    if m:
        return from_match(m, 1, "subject")
    m = _APPLIED_TO.search(text)
    if m and m.group(1).split()[0].lower() not in calendar_words():
        return from_match(m)
    m = search_from(_TEAM_OF, text, ("Tim", "Team"))
    if m and m.group(1).lower() not in team_words():
        return from_match(m)
    if _org_hint().search(text):
        orgs = [o for o in org_re().finditer(text) if o.group(1).split()[0] not in _NOT_ORG_START]
        if orgs:
            return from_match(orgs[-1])
    return _signature_org(text)


_NOT_ORG_START = ("The", "Our", "Dear")


def _signature_org(text: str) -> Found | None:
    """The organisation a signature names under the signer ("Tom / bluefin analytics"): the
    second line after the sign-off, when it is a short name and not a job title."""
    signoff = signoff_re()
    lines = text.splitlines(keepends=True)
    at = 0
    starts = []
    for line in lines:
        starts.append(at)
        at += len(line)
    stripped = [ln.strip(" ,*_\n\r") for ln in lines]
    for i, line in enumerate(stripped):
        if not signoff.fullmatch(line):
            continue
        block = [j for j in range(i + 1, min(len(lines), i + 7)) if stripped[j]][:4]
        if len(block) > 1 and _titled(stripped[block[0]]) and _a_name(stripped[block[1]]):
            # "Hormat kami, / Kepala Bagian Personalia, / Siti Aminah": the role comes
            # before the signer, whose name is no organisation's
            block = block[1:]
        block = block[:3]
        if len(block) < 2:
            return None
        # the organisation under the signer, or under the signer's title; "Talent Partner,
        # Moonfield Games" and "Senior Consultant | Talentbridge" name it after the title
        for j in block[1:]:
            value = stripped[j]
            cut = max(value.rfind(","), value.rfind("|"))
            if cut > 0 and _titled(value[:cut]):
                value = value[cut + 1 :].strip()
            if _titled(value):
                continue
            if _NOT_ORG_LINE.search(value) or not 1 <= len(value.split()) <= 5:
                return None
            a = starts[j] + lines[j].rfind(value)
            return Found(value, a, a + len(value))
        return None
    return None


#: a signature line that is no organisation's name: a number, an address, a sentence's end
#: (a full stop after anything but "Co.", "Inc.", "Ltd.", "Tbk.", "Corp.")
_NOT_ORG_LINE = rx.compile(r"\d|@|http|[:;!?]$|(?<!\bCo)(?<!Inc|Ltd|Tbk|Bhd|orp)\.$")


#: a person's name alone on a line, after any degree ("Drs. Bambang Sutrisno", "Siti Aminah")
_NAME_LINE = rx.compile(r"(?:[A-Z][a-z]{0,2}\.[ \t]*){0,2}[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+){1,2}")


def _a_name(value: str) -> bool:
    """Whether a signature's line is a person's name, not an organisation's ("RS Graha
    Medika", "Nimbus Labs Inc.")."""
    return bool(_NAME_LINE.fullmatch(value)) and not org_re().fullmatch(value)


def _titled(value: str) -> bool:
    """Whether a signature's line is the signer's job title or a team ("Regional HR Manager")."""
    low = value.lower()
    return bool(phrase_re("title_words").search(low) or phrase_re("not_names").search(low))
