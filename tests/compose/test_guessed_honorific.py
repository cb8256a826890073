"""The contact is one person with one honorific in every channel (R3). An invitation that
gives no honorific is answered with one guessed from a given name borne by women only or men
only (data/given_names.yaml): "Yth. Ibu Dewi Lestari" and "pengertian Ibu" in writing, "Bu
Dewi" aloud and in a chat, "Halo Bu Dewi," on LinkedIn; the plan shows the guess, where it came
from and how to correct it. A name both bear keeps the neutral forms; a title the invitation
writes always wins; English guesses no "Ms."/"Mr.". A LinkedIn note to a known person names
them, in both languages."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.cli.plan_view import render_plan
from sopan.compose.address import addressing, guessed_title
from sopan.data import load_yaml
from sopan.model import Contact, Correction

from .compose_cases import invitation
from .recruiter import SITUATIONS, Run, Shortfall, check, run

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _with_contact(language: str, name: str | None, honorific: str | None = None) -> object:
    inv = invitation(language)
    return replace(inv, text="", contact=Contact(name, "hr@sinar.example", None, honorific))


def test_the_book_examples_hold() -> None:
    book = load_yaml("given_names.yaml")
    assert book["guideline"] == "R3"
    for example in book["examples"]["guessed"]:
        inv = _with_contact(example["language"], example["name"])
        found = guessed_title(inv, example["language"])  # type: ignore[arg-type]
        title = load_yaml("phrases", example["language"], "common.yaml")["address"]["honorifics"]
        assert found is not None, example
        assert found[0].startswith(str(title[example["honorific"]]["title"]) + " ")
    for example in book["examples"]["not_guessed"]:
        inv = _with_contact(example["language"], example["name"])
        assert guessed_title(inv, example["language"]) is None, example  # type: ignore[arg-type]
    # no name is both a woman's and a man's in one language
    for lists in book["names"].values():
        keys = list(lists)
        assert not set(lists[keys[0]]) & set(lists[keys[1]])


@pytest.mark.parametrize(
    ("name", "written", "you", "spoken", "chat"),
    [
        ("Dewi Lestari", "Ibu Dewi Lestari", "Ibu", "Bu Dewi", "Bu Dewi"),
        ("Siti Rahmawati", "Ibu Siti Rahmawati", "Ibu", "Bu Siti", "Bu Siti"),
        ("Budi Santoso", "Bapak Budi Santoso", "Bapak", "Pak Budi", "Pak Budi"),
        ("Fajar Nugroho", "Bapak Fajar Nugroho", "Bapak", "Pak Fajar", "Pak Fajar"),
        ("Theresia Purba", "Ibu Theresia Purba", "Ibu", "Bu Theresia", "Bu Theresia"),
        # a name both bear, or one not listed: the neutral forms, never a title invented; a
        # chat and a call greet without a name (never the bare name, never "Kak" to an
        # invitation that did not say "kak")
        ("Andi Wijaya", "Andi Wijaya", "Anda", "", ""),
        ("Nur Aini", "Nur Aini", "Anda", "", ""),
        ("Karen Liu", "Karen Liu", "Anda", "", ""),
    ],
)
def test_an_indonesian_reply_guesses_only_from_an_unambiguous_name(
    name: str, written: str, you: str, spoken: str, chat: str
) -> None:
    inv = _with_contact("id", name)
    a, c = addressing(inv, "id"), addressing(inv, "id", chat=True)  # type: ignore[arg-type]
    assert (a.written, a.you, c.spoken, c.chat) == (written, you, spoken, chat)
    assert (guessed_title(inv, "id") is not None) is (written != name)  # type: ignore[arg-type]


def test_a_title_the_invitation_gives_wins_over_the_guess() -> None:
    inv = _with_contact("id", "Dewi Lestari", "Bapak")
    assert addressing(inv, "id").written == "Bapak Dewi Lestari"  # type: ignore[arg-type]
    assert guessed_title(inv, "id") is None  # type: ignore[arg-type]
    typed = _with_contact("id", "Bapak Dewi Lestari")  # the correction the plan suggests
    assert addressing(typed, "id").written == "Bapak Dewi Lestari"  # type: ignore[arg-type]
    assert guessed_title(typed, "id") is None  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["Dewi Lestari", "Budi Santoso", "Helen Jang"])
def test_english_guesses_no_title_from_a_name_not_listed(name: str) -> None:
    inv = _with_contact("en", name)
    assert addressing(inv, "en").written == name  # type: ignore[arg-type]
    assert guessed_title(inv, "en") is None  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("signature", "title"),
    [("Theresia Purba, M.Pd.", "Bu Theresia"), ("Andi Wijaya, S.Pd.", "")],
)
def test_a_contact_with_a_degree_is_never_kak_even_in_a_chat_that_said_kak(
    signature: str, title: str
) -> None:
    name = signature.split(",")[0]
    text = f"Halo kak Rina, kami undang wawancara ya kak.\n\nSalam,\n{signature}"
    inv = replace(invitation("id"), text=text, contact=Contact(name, None, "0812-1111-2222"))
    chat = addressing(inv, "id", chat=True)  # type: ignore[arg-type]
    assert "Kak" not in (chat.chat + chat.spoken + chat.ask_for + chat.short)
    assert chat.chat == title
    plain = replace(inv, text=text.replace(", S.Pd.", "").replace(", M.Pd.", ""))
    assert addressing(plain, "id", chat=True).chat.startswith("Kak ")  # type: ignore[arg-type]


def _example(corrections: tuple[Correction, ...] = ()) -> Run:
    path = ROOT / "examples" / "undangan_wawancara_id.eml"
    done = run(path.read_bytes(), path.name, SITUATIONS[1], NOW, corrections=corrections)
    assert isinstance(done, Run), done
    return done


def _text(r: Run, channel: str) -> str:
    return next(d.text for d in r.drafts if d.channel == channel)


def test_every_channel_addresses_the_guessed_ibu_alike() -> None:
    r = _example()
    assert r.invitation.contact.honorific is None  # the example writes no Bapak/Ibu
    email, letter = _text(r, "email"), _text(r, "letter")
    for written in (email, letter):
        assert "Yth. Ibu Dewi Lestari" in written
        assert "pengertian Ibu" in written and not re.search(r"\bAnda\b", written)
    call = _text(r, "call")
    assert "bicara dengan Ibu Dewi Lestari?" in call and "Bu Dewi, saya" in call
    assert _text(r, "linkedin").startswith("Halo Bu Dewi,")
    head = render_plan(r.plan, r.invitation).split("\n\n", 1)[0]
    assert "Ibu Dewi Lestari" in head and "nama depan Dewi" in head
    assert '--set contact.name="Bapak Dewi Lestari"' in " ".join(head.split())
    assert r.shortfalls == [], r.shortfalls


def test_the_guess_is_corrected_as_the_plan_says() -> None:
    fixed = (Correction("contact.name", "Bapak Dewi Lestari", "Bapak Dewi Lestari"),)
    r = _example(fixed)
    assert "Yth. Bapak Dewi Lestari" in _text(r, "email")
    assert "Pak Dewi, saya" in _text(r, "call")
    assert _text(r, "linkedin").startswith("Halo Pak Dewi,")
    assert r.plan.honorific_guess is None
    assert "nama depan" not in render_plan(r.plan, r.invitation)


@pytest.mark.parametrize(
    "path", [*sorted(FIXTURES.iterdir()), ROOT / "examples" / "interview_invitation_en.eml"],
    ids=lambda p: p.stem,
)  # fmt: skip
def test_a_linkedin_note_to_a_known_person_names_them(path: Path) -> None:
    for situation in SITUATIONS:
        r = run(path.read_bytes(), path.name, situation, NOW)
        if not isinstance(r, Run):
            continue
        note = next((d for d in r.drafts if d.channel == "linkedin"), None)
        if note is None:
            continue  # a team or nobody: no note (test_compose_linkedin_person)
        chat = addressing(r.invitation, note.language, chat=True).chat
        if not chat:
            # a person of unknown title in an invitation that never said "kak": no name
            # rather than a bare one or a "Kak" the invitation did not use
            assert "Kak" not in note.text.split(",", 1)[0], note.text
            continue
        assert note.text.split(",", 1)[0].endswith(chat), note.text
        assert len(note.text) <= 200


def test_the_checks_see_a_person_addressed_two_ways() -> None:
    r = _example()

    def rules(channel: str, text: str) -> set[str]:
        drafts = tuple(replace(d, text=text) if d.channel == channel else d for d in r.drafts)
        found: list[Shortfall] = check(replace(r, drafts=drafts, lint={}))
        return {s.rule for s in found}

    email = _text(r, "email").replace("pengertian Ibu", "pengertian Anda")
    assert "one_honorific" in rules("email", email)
    assert "one_honorific" in rules("letter", _text(r, "letter").replace("Ibu Dewi", "Dewi"))
    note = _text(r, "linkedin").replace("Halo Bu Dewi,", "Halo,")
    assert "linkedin_named" in rules("linkedin", note)
    bare = replace(r, plan=replace(r.plan, honorific_guess=None))
    assert "honorific_guess_shown" in {s.rule for s in check(bare)}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("Hi Michael,\n\nThanks for speaking with me.", "Priya"),
        ("Hello Hendra!\n\nWould you be open to a call?", "Priya"),
        ("Dear Mr. Tanoto,\n\nWe are pleased to invite you.", "Priya Raman"),
        # a greeting to no one by name tells nothing
        ("Hi all,\n\nthe panel is set.", "Priya Raman"),
    ],
)
def test_english_on_first_name_terms_is_answered_by_first_name(text: str, written: str) -> None:
    inv = replace(invitation("en"), text=text, contact=Contact("Priya Raman", "p@x.example"))
    assert addressing(inv, "en").written == written  # type: ignore[arg-type]
    # a letter's recipient block still names the person in full
    assert addressing(inv, "en").block == "Priya Raman"  # type: ignore[arg-type]


def test_indonesian_greets_by_title_whatever_the_invitation_calls_the_candidate() -> None:
    text = "Halo Budi,\n\nKami mengundang Anda untuk wawancara."
    inv = replace(invitation("id"), text=text, contact=Contact("Dewi Lestari", "d@x.example"))
    assert addressing(inv, "id").written == "Ibu Dewi Lestari"  # type: ignore[arg-type]
