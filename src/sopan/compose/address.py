"""How a reply addresses the recruiter, from what the invitation tells (R3, C2).

The contact is one person, named with the honorific the invitation gives wherever it gives it:
the reader joins every mention into `Contact.name` and `Contact.honorific` ("Pewawancara: Ibu
Dewi Lestari" beside a `From:` of "Dewi Lestari"); a title typed in front of a name counts too.
From that:

- writing says "Yth. Ibu Dewi Lestari" and "Ibu" for "you"; "Bapak/Ibu" only when nothing
  tells, and never to a chat that called the candidate "kak" (answered "Kak Rina", "Kakak");
- speech says what the chat says, aloud: "Bu Dewi" (asking for "Ibu Dewi Lestari"), "Kak
  Rina" only to a chat that itself said "kak" and never to a contact who writes a degree
  after their name ("Theresia Purba, M.Pd." is "Bu Theresia"); a name that tells no
  honorific is greeted without a name and asked for by name ("Sofie Hartono") — never the
  bare first name, a slash or "Bapak atau Ibu"; with no person it asks for the department;
- English says "Dear Ms. Jang" when a title is written, "Dear Helen Jang" when only the name
  is (the first name alone to an invitation on first-name terms, where the language's
  address words list such greetings), "Dear Hiring Team" only when no name is known at all;
- a company or a team is never spoken to as a person;
- an invitation that gives its contact no honorific is answered with one guessed from a given
  name borne by women only or men only ("Dewi" → "Yth. Ibu Dewi Lestari", "Bu Dewi"), from
  `data/given_names.yaml`; the plan shows the guess and how to correct it (`guessed_title`),
  and a name both bear keeps the neutral forms. English guesses nothing.

The words (honorifics, their short spoken forms, the casual cue, the forms) are data, in
`data/phrases/<lang>/common.yaml` under `address:`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sopan.data import load_yaml
from sopan.language.dateforms import common
from sopan.model import Invitation


@dataclass(frozen=True)
class Addressing:
    """The forms of address one reply uses, per medium."""

    #: after "Yth." / "Dear": "Ibu Dewi Lestari", "Rina Wijaya", "Bapak/Ibu",
    #: "Ms. Jang", "Helen Jang", "Hiring Team"
    written: str
    #: "you" in writing: "Ibu", "Bapak", "Anda" (a name alone), "Bapak/Ibu" (no name);
    #: English "you"
    you: str
    #: a chat's greeting: "Bu Dewi", "Kak Rina", "Kak", "Rina", "Bapak/Ibu", "Ms. Jang", "Helen", ""
    chat: str
    #: "you" in a chat: "Ibu", "Kakak", "Anda", "Bapak/Ibu"
    you_chat: str
    #: said to the person, as the chat names them: "Bu Dewi", "Pak Andri", "Kak Rina", "Ms.
    #: Jang", "Helen"; "" when no one is named
    spoken: str
    #: "you" said aloud: "Ibu", "Bapak", "Anda" (never "Bapak atau Ibu"); English "you"
    you_spoken: str
    #: whom a call asks for: "Ibu Dewi Lestari", "Kak Rina", "bagian HRD PT Sinar"
    ask_for: str
    #: the word a chat or a call ends a thanks with ("Terima kasih, Bu."): "Bu", "Pak", "Kak";
    #: "" when nothing tells
    short: str
    #: whether a person is named (a team or a company is not)
    person: bool
    #: whether the invitation tells who they are (an honorific or a title)
    titled: bool
    #: the first line of a letter's recipient block: the person with the title as written
    #: ("Ms. Helen Jang", "Ibu Dewi Lestari", "Helen Jang"), the team ("Vantage Distributors HR
    #: Team"), or "" when no one is named
    block: str = ""


def _words(language: str) -> Mapping[str, Any]:
    words: Mapping[str, Any] = common(language)["address"]
    return words


def _clean_name(raw: str | None) -> str:
    """The person's name alone: "Helen Jang, Human Resources" → "Helen Jang", "Alex – ACME
    Recruiting" → "Alex", "Dewi Lestari (HRD)" → "Dewi Lestari"."""
    name = re.split(r"\s*(?:,|\s[–—-]\s|\(|\||/)\s*", raw or "", maxsplit=1)[0]
    return " ".join(name.split()).strip(" .,:;")


def _is_organisation(name: str, inv: Invitation, words: Mapping[str, Any]) -> bool:
    """Whether a contact "name" is a team, a department or a company, not a person."""
    lowered = f" {name.lower()} "
    if any(c.isdigit() for c in name):
        return True  # a mailbox's display name ("Inbox Apptest2"): no person's name has digits
    if any(f" {w} " in lowered or lowered.strip().startswith(f"{w} ") for w in words["org_words"]):
        return True
    company = (inv.company or "").lower().strip()
    return bool(company) and (company in lowered or lowered.strip() in company)


def _honorific_table(words: Mapping[str, Any]) -> dict[str, Mapping[str, str]]:
    """Lower-case honorific as written → its forms ({title, short, you})."""
    table = words["honorifics"]
    return {str(k).lower(): v for k, v in table.items()}


def _honorific(inv: Invitation, name: str, words: Mapping[str, Any]) -> tuple[str | None, str]:
    """The honorific the invitation gives the contact (a key of the table), and the name
    without it: the contact's own field, a title written before the name, or the name
    written with a title in the text."""
    table = _honorific_table(words)
    # the reader joins every mention of the contact into one person with the title any of
    # them gives ("Pewawancara : Ibu Dewi Lestari" beside a From: of "Dewi Lestari")
    given = (inv.contact.honorific or "").strip().lower().rstrip(".")
    if given in _stripped(table):
        return _stripped(table)[given], name
    # a name typed with its title ("Ibu Dewi" given as a correction)
    first, _, rest = name.partition(" ")
    if first.lower() in table and rest:
        return first.lower(), rest
    if first.lower().rstrip(".") in _stripped(table) and rest:
        return _stripped(table)[first.lower().rstrip(".")], rest
    return _titled_in_text(inv.text, name, table), name


def _titled_in_text(text: str, name: str, table: Mapping[str, Any]) -> str | None:
    """The honorific the invitation writes before the contact's name anywhere in its text
    ("Mr. Chen will call you", "dengan Ibu Dewi"), when it writes exactly one; the casual
    "kak" is the register, not a title, and is left to `casual_cue`."""
    parts = name.split()
    if not parts or not text:
        return None
    names = {re.escape(parts[0]), re.escape(parts[-1]), re.escape(name)}
    found = set()
    for key in table:
        if str(table[key]["title"]).lower() == "kak":
            continue
        # the title as a title is written: capitalised ("Ms. Jang", "Ibu Dewi", "MR. CHEN")
        word = re.escape(key.rstrip(".")) + r"\.?"
        titled = f"{word.capitalize()}|{word.upper()}"
        pattern = rf"(?<![\w./])(?:{titled})\s+(?i:{'|'.join(names)})\b"
        if re.search(pattern, text):
            found.add(str(table[key]["title"]))
    if len(found) != 1:
        return None  # none, or two that disagree: nothing is invented
    title = found.pop()
    return next(k for k in table if str(table[k]["title"]) == title)


def _stripped(table: Mapping[str, Any]) -> dict[str, str]:
    """Each honorific without its full stop → the key as the table writes it."""
    return {k.rstrip("."): k for k in table}


def casual_cue(inv: Invitation, language: str) -> bool:
    """Whether the invitation calls the candidate by the casual honorific ("Hai kak",
    "Halo Kak Rina", "Kakak diundang …"): a chat answers in the same register."""
    cue = str(_words(language)["casual"])
    if not cue:  # the language has no casual honorific for the candidate
        return False
    return re.search(rf"(?i)\b{cue}(?:ak)?\b", inv.text[:600]) is not None


def formal_register(inv: Invitation) -> bool:
    """Whether the invitation is written as a formal letter or e-mail ("Dengan hormat",
    "Yth.", "Dear …", "Yours sincerely"), in any language sopan has words for: only such an
    invitation is answered with a formal letter unless one is asked for (R2.1, R3)."""
    from sopan.model.names import LANGUAGES
    from sopan.plan.reach import written_as_letter

    text = inv.text.lower()
    for language in LANGUAGES:
        cues = _words(language).get("formal_cues") or ()
        if any(re.search(rf"(?<!\w){re.escape(str(c))}(?!\w)", text) for c in cues):
            return True
    # a letter's own words ("Demikian surat panggilan ini"), as the letter channel's spec says
    return written_as_letter(inv)


def addressing(inv: Invitation, language: str, *, chat: bool = False) -> Addressing:
    """How to address the invitation's contact in `language` (`chat`: in a chat or a call,
    where a casual invitation is answered casually; a letter and an e-mail never are)."""
    words = _words(language)
    name = _clean_name(inv.contact.name)
    # a contact who writes a degree after their name is answered "Ibu"/"Bapak", never "Kak",
    # whatever register the chat is in (a school's vice-principal, "Theresia Purba, M.Pd.")
    casual = chat and casual_cue(inv, language) and not _has_degree(inv.text, name, words)
    department = _department(inv, words)
    if not name or _is_organisation(name, inv, words):
        team = _team(name, inv, words)
        if team is not None:
            # a company line is asked for the team the invitation is signed by
            department = _department(inv, words, team)
        return _nobody(words, casual, department, team)
    key, bare = _honorific(inv, name, words)
    if key is None:
        # no honorific given: one guessed from a given name only women or only men bear
        key = _from_given_name(bare, language)
    parts = bare.split() or [bare]
    values = {"name": bare, "first": parts[0], "surname": parts[-1]}
    if key is not None:
        forms = _honorific_table(words)[key]
        values.update(title=str(forms["title"]), short=str(forms["short"]))
        you = str(forms["you"])
        chat_name = str(words["titled_chat"]).format(**values)
        you_chat, short = you, str(forms["short"])
        spoken = str(words["titled_spoken"]).format(**values)
        ask_for, you_spoken = str(words["titled_ask"]).format(**values), you
        if casual:
            # a chat that called the candidate "kak" is answered "Kak Dewi", and so is the
            # call to the same person: one form of address in the chat and aloud (R3)
            chat_name = str(words["casual_named"]).format(**values)
            you_chat, short = str(words["casual_you"]), str(words["casual_short"])
            spoken = ask_for = chat_name
            you_spoken = you_chat
        return Addressing(
            written=str(words["titled"]).format(**values),
            you=you,
            chat=chat_name,
            you_chat=you_chat,
            spoken=spoken,
            you_spoken=you_spoken,
            ask_for=ask_for,
            short=short,
            person=True,
            titled=True,
            block=str(words["titled_block"]).format(**values),
        )
    if _first_name_terms(inv.text, words):
        # an invitation greeting the candidate by first name is answered by first name
        values["name"] = values["first"]
    short = str(words["casual_short"]) if casual else ""
    spoken = str(words["named_spoken"]).format(**values)
    you_spoken, ask_for = str(words["you_unknown_spoken"]), str(words["named_ask"]).format(**values)
    if casual:
        # a casual invitation is answered casually, in a chat and aloud: "Kak Rina", "Kakak"
        chat_name, you_chat = str(words["casual_named"]).format(**values), str(words["casual_you"])
        spoken = ask_for = chat_name
        you_spoken = you_chat
    else:
        chat_name, you_chat = str(words["named_chat"]).format(**values), str(words["you_named"])
    return Addressing(
        written=str(words["named"]).format(**values),
        # a named person is never "Bapak/Ibu": "you" is said without a title ("Anda")
        you=str(words["you_named"]),
        chat=chat_name,
        you_chat=you_chat,
        spoken=spoken,
        you_spoken=you_spoken,
        ask_for=ask_for,
        short=short,
        person=True,
        titled=False,
        block=str(words["named_block"]).format(**{**values, "name": bare}),
    )


def _has_degree(text: str, name: str, words: Mapping[str, Any]) -> bool:
    """Whether the invitation writes an academic or professional title after the contact's
    name ("Theresia Purba, M.Pd."), from the address words' `degrees`."""
    degrees = [str(d) for d in words.get("degrees") or ()]
    if not degrees or not name or not text:
        return False
    listed = "|".join(re.escape(d) for d in degrees)
    return re.search(rf"{re.escape(name)}\s*,\s*(?:{listed})(?!\w)", text) is not None


def _first_name_terms(text: str, words: Mapping[str, Any]) -> bool:
    """Whether the invitation opens by greeting the candidate by one name ("Hi Michael,",
    "Hello Hendra!"), with the greetings the address words list as first-name terms."""
    greetings = [str(g) for g in words.get("first_name_greetings") or ()]
    if not greetings or not text:
        return False
    opening = "|".join(re.escape(g) for g in greetings)
    return re.match(rf"\s*(?i:{opening})\s+[A-Z][\w'-]*\s*[,!]", text) is not None


@cache
def _given_names(language: str) -> dict[str, frozenset[str]]:
    """Each honorific → the given names it is guessed from in `language` (none: no guess)."""
    listed: Mapping[str, Any] = load_yaml("given_names.yaml")["names"].get(language) or {}
    return {str(key): frozenset(str(n) for n in names) for key, names in listed.items()}


def _from_given_name(name: str, language: str) -> str | None:
    """The honorific (a key of the address words' table) a given name tells in `language`
    ("Dewi" → "ibu", "Budi" → "bapak"), from `data/given_names.yaml` (R3); None for a name
    both bear, a name not listed, or a language that guesses none."""
    first = (name.split() or [""])[0].lower().strip(".,")
    found = [key for key, names in _given_names(language).items() if first in names]
    return found[0] if len(found) == 1 else None


def guessed_title(inv: Invitation, language: str) -> tuple[str, str, str] | None:
    """When the honorific the drafts use is guessed from the contact's given name, not given
    by the invitation: (the person as written, "Ibu Dewi Lestari"; the given name, "Dewi";
    the name with the other honorific, "Bapak Dewi Lestari", to correct it with). None when
    the invitation gives one, names no person, or nothing is guessed."""
    words = _words(language)
    name = _clean_name(inv.contact.name)
    if not name or _is_organisation(name, inv, words):
        return None
    key, bare = _honorific(inv, name, words)
    guess = _from_given_name(bare, language) if key is None else None
    if guess is None:
        return None
    table = _honorific_table(words)
    other = next((k for k in _given_names(language) if k != guess), guess)
    title = str(table[guess]["title"])
    return f"{title} {bare}", bare.split()[0], f"{table[other]['title']} {bare}"


def _department(inv: Invitation, words: Mapping[str, Any], team: str | None = None) -> str:
    """The department a call to a company line asks for: the team the invitation is signed
    by ("Bagian Personalia PT Andalas"), else its HR department ("bagian HRD PT Sinar")."""
    company = " ".join((inv.company or "").split())
    if team is not None:
        heads = [str(w) for w in words["team_heads"]]
        head, *rest = team.split()
        if head.lower() in [str(w) for w in words.get("team_as_person", ())] and rest:
            # a team is never asked for as if it were a person ("dengan Tim Rekrutmen PT …"):
            # its department is ("dengan bagian rekrutmen PT …"), its own words in lower case
            kinds = {str(w) for w in words["team_words"]}
            said = {str(word): str(spoken) for word, spoken in words["team_words_said"]}
            rest = [
                said.get(w.lower(), w.lower()) if w.lower() in kinds and not w.isupper() else w
                for w in rest
            ]
            team = str(words["team_head"]).format(team=" ".join(rest))
        elif heads and head.lower() not in heads:
            team = str(words["team_head"]).format(team=team)  # "HRD …" → "bagian HRD …"
        asked = str(words["department_team"]).format(team=team)
        if company and company.lower() not in team.lower():
            asked = str(words["department_team_of"]).format(team=team, company=company)
        return asked
    if company:
        return str(words["department_of"]).format(company=company)
    return str(words["department"])


def _team(name: str, inv: Invitation, words: Mapping[str, Any]) -> str | None:
    """The team a message is signed by, named as it names itself ("Talent Acquisition Team",
    "Tim HRD Syjura Coffee"); None for a company's bare name or a lone "HR"."""
    name = re.sub(r"(?i)^the\s+", "", name).strip()
    lowered = f" {name.lower()} "
    if len(name.split()) < 2 or not any(f" {w} " in lowered for w in words["team_words"]):
        return None
    if any(ch in name for ch in "{}[]$<>_"):
        return None  # a template's slot is never a name
    if words.get("team_case") == "title":
        # "HR team" → "HR Team": an English team is named as a proper noun
        name = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in name.split())
    return name


def _nobody(
    words: Mapping[str, Any], casual: bool, department: str, team: str | None = None
) -> Addressing:
    """No person is named: writing greets the team the message is signed by, else "Bapak/Ibu"
    ("Hiring Team"); speech names no one and a call asks for the department."""
    you = str(words["you_unknown"])
    chat_name = str(words["casual_alone"]) if casual else str(words["unknown_chat"])
    return Addressing(
        written=str(words["team"]).format(team=team) if team else str(words["unknown"]),
        you=you,
        chat=chat_name,
        you_chat=str(words["casual_you"]) if casual else you,
        spoken="",
        you_spoken=str(words["you_unknown_spoken"]),
        ask_for=department,
        short=str(words["casual_short"]) if casual else "",
        person=False,
        titled=False,
        block=team or "",
    )
