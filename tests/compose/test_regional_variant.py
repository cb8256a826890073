"""English is written as its recipient reads it: American English to a recruiter in the US
(told by the invitation's zone, its address, or the contact's number; never by the writer's own
place), British and international English to anyone else. The variant is a row of data
(`regions:` of data/languages/en.yaml and the books of phrases/en/regions/us/), shown in the
plan with what showed it, and corrected with `--set country=…`.

Each invitation here (e-mails, a text and calendar files, three to American recruiters and
three elsewhere) is drafted in every channel under the six situations of the recruiter's
checks (tests/compose/recruiter.py), whose `regional_rules` find a 24-hour time, a day-first
date or British wording in a draft to an American reader, and a date in digits alone in any
English draft.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.cli.plan_view import render_plan
from sopan.compose import compose
from sopan.errors import UserError
from sopan.language.plan_header import header
from sopan.language.words import load_words
from sopan.model import Draft
from sopan.parse import fact
from sopan.plan.recipient import recipient_country, writing_region

from .recruiter import SITUATIONS, Run, Shortfall, regional_rules, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "regions"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
SRC = Path(__file__).resolve().parents[2] / "src" / "sopan"

#: each invitation, the recipient's country it shows, how, and the variant its drafts get
WHERE = {
    "en_us_email_est_ms_liu.eml": ("US", "zone", "us"),
    "en_us_calendar_los_angeles.ics": ("US", "zone", "us"),
    "en_us_text_office_address.txt": ("US", "place", "us"),
    "en_sg_email_sgt.eml": ("SG", "zone", ""),
    "en_uk_calendar_london.ics": ("GB", "zone", ""),
    "en_id_email_jakarta_wib.eml": ("ID", "zone", ""),
}


def _run(name: str, situation: int = 2) -> Run:
    path = FIXTURES / name
    found = run(path.read_bytes(), path.name, SITUATIONS[situation], NOW)
    assert isinstance(found, Run), found
    return found


def test_the_invitations_cover_both_sides_and_every_way_in() -> None:
    assert sorted(p.name for p in FIXTURES.iterdir()) == sorted(WHERE)
    assert {Path(n).suffix for n in WHERE} >= {".eml", ".ics", ".txt"}


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: s.name)
@pytest.mark.parametrize("name", sorted(WHERE))
def test_every_channel_is_written_as_the_recipient_reads_it(name: str, situation: object) -> None:
    path = FIXTURES / name
    result = run(path.read_bytes(), name, situation, NOW)  # type: ignore[arg-type]
    if isinstance(result, str):
        assert result.startswith("n/a"), result  # an online request to an online interview
        return
    country, kind, region = WHERE[name]
    assert recipient_country(result.invitation)[:2] == (country, kind)  # type: ignore[index]
    assert {d.region for d in result.drafts} == {region}
    assert result.shortfalls == [], "\n".join(
        f"{s.channel} · {s.rule}: {s.detail}" for s in result.shortfalls
    )


def _texts(r: Run) -> dict[str, str]:
    return {d.channel: d.text for d in r.drafts}


def test_an_american_recruiter_reads_the_month_first_the_twelve_hour_clock_and_et() -> None:
    drafts = _texts(_run("en_us_email_est_ms_liu.eml"))
    assert set(drafts) >= {"email", "letter", "sms", "whatsapp", "call", "linkedin"}
    email = drafts["email"]
    assert "Dear Ms. Liu," in email  # a title written: the title and the surname
    assert "on Tuesday, December 8, 2026, at 2:00 PM ET" in email
    assert "EST" not in email and "14:00" not in email and "UTC-5" not in email
    assert "You can reach me by phone at" in email and "by phone on" not in email
    assert "resume" in email and "CV" not in email
    # a text message: the weekday and the month by their names, never "12/8"
    assert "Tue, Dec 8, 2:00 PM ET" in drafts["sms"]
    assert not re.search(r"\b\d{1,2}/\d{1,2}\b", drafts["sms"])
    # a letter dated the American way, and closed with "Sincerely,"
    letter = drafts["letter"]
    assert re.search(r"^December \d{1,2}, 2026$", letter, re.M) and "Sincerely," in letter
    assert "Yours sincerely" not in letter
    # speech says the date the American way too ("December 8"), the time as before
    assert "December 8" in drafts["call"] and "8 December" not in drafts["call"]


@pytest.mark.parametrize(
    ("name", "size"),
    [("en_us_email_est_ms_liu.eml", (612, 792)), ("en_sg_email_sgt.eml", (595, 842))],
)
def test_a_letter_is_printed_on_the_sheet_its_reader_uses(name: str, size: tuple[int, int]) -> None:
    """US Letter (8.5 by 11 inches) for an American reader, A4 for anyone else, in both
    files; the subject line in bold and room to sign under the sign-off the book wrote."""
    import io

    from docx import Document
    from pypdf import PdfReader

    from sopan.compose.letter import sheet

    found = _run(name)
    letter = next(d for d in found.drafts if d.channel == "letter")
    page = PdfReader(io.BytesIO(found.files["letter.pdf"])).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size
    section = Document(io.BytesIO(found.files["letter.docx"])).sections[0]
    width, height = section.page_width, section.page_height
    assert width is not None and height is not None
    assert (round(width.pt), round(height.pt)) == size
    paper = sheet(letter.language, letter.region)
    blocks = [b.split("\n") for b in letter.text.split("\n\n") if b.strip()]
    assert sum(paper.bold(line) for block in blocks for line in block) == 1
    assert sum(paper.signed_under(block) for block in blocks) == 1


def test_a_calendar_answer_to_los_angeles_counts_in_pacific_time() -> None:
    r = _run("en_us_calendar_los_angeles.ics")
    drafts = _texts(r)
    comment = drafts["calendar"]
    assert re.search(r"\b(?:1[0-2]|[1-9]):\d{2} (?:AM|PM) PT\b", comment), comment
    assert "Wednesday, December 9, 2026, at 9:30 AM PT" in drafts["email"]
    assert "Dear Jessica Alvarez," in drafts["email"]  # only the name known: the full name
    assert b"Content-Language: en-US" in r.files["email.eml"]


def test_an_address_with_a_state_and_a_postal_code_shows_an_american_recruiter() -> None:
    r = _run("en_us_text_office_address.txt", 0)
    assert recipient_country(r.invitation) == ("US", "place", "TX 78664")
    email = _texts(r)["email"]
    # no zone was written: the time as written, the American way, with no zone invented
    assert "Wednesday, December 9, 2026, at 10:30 AM" in email
    assert not re.search(r"\b(?:ET|CT|CST|WIB)\b", email)


@pytest.mark.parametrize(
    ("name", "when"),
    [
        ("en_sg_email_sgt.eml", "on Monday, 7 December 2026 at 15:00 (SGT)"),
        ("en_uk_calendar_london.ics", "on Thursday, 10 December 2026 at 14:00 (GMT)"),
        ("en_id_email_jakarta_wib.eml", "on Friday, 4 December 2026 at 10:00 (WIB)"),
    ],
)
def test_a_recruiter_anywhere_else_reads_british_english(name: str, when: str) -> None:
    drafts = _texts(_run(name))
    assert when in drafts["email"]
    for channel, text in drafts.items():
        assert not re.search(r"\b(?:AM|PM)\b", text), channel
        assert "resume" not in text, channel
    if "sms" in drafts:  # "Mon 7 Dec, 15:00": the month by its name, never "7/12"
        assert re.search(r"\b(?:Mon|Thu|Fri) \d{1,2} Dec\b", drafts["sms"]), drafts["sms"]


def test_the_person_corrects_where_the_recipient_is_with_one_setting() -> None:
    r = _run("en_us_email_est_ms_liu.eml")
    (typed,) = fact("country", " gb ", language="en", now=NOW)
    assert typed.value == "GB"
    with pytest.raises(UserError) as bad:
        fact("country", "Amerika", language="en", now=NOW)
    assert bad.value.code == "parse.country"
    moved = replace(r.invitation, country="GB")
    assert recipient_country(moved) == ("GB", "set", "GB")
    assert writing_region("en", moved) == ""
    (email,) = compose(
        replace(r.plan, language="en"), moved, r.situation, _profile(), now=r.now,
        channels=["email"],
    )  # fmt: skip
    assert "Tuesday, 8 December 2026 at 14:00 (EST)" in email.text and email.region == ""
    # and the other way: a recruiter in Singapore the person knows to be in New York
    sg = _run("en_sg_email_sgt.eml").invitation
    assert writing_region("en", replace(sg, country="us")) == "us"


def _profile():  # type: ignore[no-untyped-def]
    from .recruiter import PROFILE

    return PROFILE


def _plan_text(r: Run, language: str, **changes: object) -> str:
    inv = replace(r.invitation, **changes)  # type: ignore[arg-type]
    return render_plan(replace(r.plan, language=language), inv)


def test_the_plan_says_which_english_and_what_showed_it() -> None:
    us = _run("en_us_email_est_ms_liu.eml")
    said = " ".join(_plan_text(us, "en").split())
    assert "Drafts in American English, for a recipient in United States" in said
    assert "as its time zone, EST, shows; if wrong: --set country=COUNTRY_CODE" in said
    said = " ".join(_plan_text(us, "id").split())
    assert "Ragam bahasa draf: bahasa Inggris Amerika, untuk penerima di Amerika Serikat" in said
    assert "Amerika Serikat (menurut Anda)" in " ".join(_plan_text(us, "id", country="US").split())
    head = header(replace(us.plan, language="en"), us.invitation, load_words("en"))
    assert head.region is not None and head.region_origin == "its time zone, EST,"
    for name in ("en_sg_email_sgt.eml", "en_uk_calendar_london.ics"):
        r = _run(name)
        assert "Drafts in" not in _plan_text(r, "en")
        assert header(r.plan, r.invitation, load_words("en")).region is None


def test_the_writer_s_own_place_never_picks_the_variant() -> None:
    """A British-English reader in Jakarta stays one whatever the person's profile says; a
    recruiter's zone the reader assumed (the person's own) shows nothing."""
    r = _run("en_id_email_jakarta_wib.eml")
    american = replace(
        _profile(), timezone="America/New_York", country="US", phone="+1 212 555 0100"
    )
    (email,) = compose(
        replace(r.plan, language="en"), r.invitation, r.situation, american, now=r.now,
        channels=["email"],
    )  # fmt: skip
    assert email.region == "" and "10:00 (WIB)" in email.text
    assumed = replace(r.invitation, timezone="America/Chicago", text="Interview Monday at 10.")
    from sopan.model import Fact

    assumed = replace(assumed, provenance=(Fact("timezone", "computed"),), location=None)
    assert recipient_country(replace(assumed, contact=replace(assumed.contact, phone=None))) is None


def test_the_checks_find_an_american_draft_written_the_british_way() -> None:
    r = _run("en_us_email_est_ms_liu.eml")
    inv = r.invitation
    email = next(d for d in r.drafts if d.channel == "email")

    def rules(text: str, **changes: object) -> set[str]:
        found: list[Shortfall] = regional_rules(replace(email, text=text, **changes), inv)  # type: ignore[arg-type]
        return {s.rule for s in found}

    assert rules(email.text) == set()
    assert "us_clock" in rules("Thank you for the interview on Tuesday at 14:00 ET.")
    assert "us_day_first" in rules("Thank you for the interview on Tuesday, 8 December.")
    assert "us_wording" in rules("I would be happy to send my current CV.")
    assert "numeric_date" in rules("My interview on Tue 8/12 at 2:00 PM.")
    assert "region_chosen" in rules(email.text, region="")
    # a British reader's draft is held to no American form, only to no date in digits alone
    sg = _run("en_sg_email_sgt.eml")
    british: Draft = next(d for d in sg.drafts if d.channel == "email")
    assert regional_rules(british, sg.invitation) == []
    moved = replace(british, text="My interview on Monday 7/12, 15:00.")
    assert [s.rule for s in regional_rules(moved, sg.invitation)] == ["numeric_date"]


def test_no_module_names_a_variant() -> None:
    """A variant is a row of data: no module compares a value with a variant's name."""
    named = re.compile(r"""(?:==|!=)\s*["'](?:us|gb|US|GB)["']""")
    found = [
        f"{path.relative_to(SRC)}:{number}"
        for path in SRC.rglob("*.py")
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if named.search(line)
    ]
    assert found == [], found


def _paths(node: object, at: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    if not isinstance(node, dict):
        return {at}
    return {p for key, value in node.items() for p in _paths(value, (*at, str(key)))}


def test_a_variant_book_names_only_what_its_language_s_book_has() -> None:
    """A variant's book is laid over its language's book key by key: each key it lists is one
    the language's book has, of the same shape, so a key renamed there is not left behind
    here (where it would silently stop applying)."""
    from sopan.data import data_path, load_yaml

    phrases = data_path("phrases")
    laid = sorted((phrases / "en" / "regions").rglob("*.yaml"))
    assert laid
    for path in laid:
        parts = path.relative_to(phrases / "en" / "regions").parts[1:]
        base = load_yaml("phrases", "en", *parts)
        for key in _paths(load_yaml(*path.relative_to(data_path()).parts)):
            node: object = base
            for part in key:
                if node == {}:
                    break  # a table the language leaves empty for its variants to fill
                assert isinstance(node, dict) and part in node, (path.name, key)
                node = node[part]
