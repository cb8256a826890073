"""The person's own words for their reason are what every channel says, in both languages and
for every reason, whatever the detail (R4): as their sentence, lightly fitted ("baru pindah ke
Surabaya" → "Saya baru pindah ke Surabaya.", one stop), or, when they are a phrase ("presentasi
klien"), after a frame that names only the kind of reason — never beside a stock sentence that
may say something else ("Saya akan pindah domisili" to someone who has moved). Over the
invitations of tests/fixtures/recruiter and the compose cases; and the recruiter's check of it
finds a stock sentence put back."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.compose import compose
from sopan.compose.facts import own_sentence
from sopan.model import REASONS, Plan, Step, Urgency

from .compose_cases import NOW as CASE_NOW
from .compose_cases import PROFILE, invitation, situation
from .recruiter import SITUATIONS, Run, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
MOVED = next(s for s in SITUATIONS if s.name == "moved_from_day")
#: invitations in both languages by e-mail, chat, text, letter and calendar
FILES = [
    "id_email_graha.txt",
    "id_wa_cahaya.txt",
    "id_surat_panggilan_telepon_kantor.txt",
    "id_email_undangan_kalender.ics",
    "en_email_harbor.txt",
    "en_text_northwind.txt",
    "en_email_calendar_sent_to_work_address.eml",
]
#: the words fitted in the first person, and the stock words they must never sit beside
FITTED = {
    "id": ("Saya baru pindah ke Surabaya.", r"akan pindah|pindah domisili ke kota lain"),
    "en": ("I just moved to Surabaya.", r"(?i)relocating|moving to another city"),
}
STOCK = {"id": "Saya akan pindah domisili ke kota lain.", "en": "I am relocating to another city."}
CHANNELS = ["email", "letter", "whatsapp", "sms", "call", "voicemail", "calendar"]


@pytest.mark.parametrize("name", FILES)
def test_own_words_for_a_move_are_said_in_every_channel_never_a_stock_move(name: str) -> None:
    path = FIXTURES / name
    r = run(path.read_bytes(), name, MOVED, NOW)
    assert isinstance(r, Run), r
    reasoned = [d for d in r.drafts if "reason" in d.moves]
    assert len(reasoned) >= 2, [d.channel for d in r.drafts]
    for d in reasoned:
        fitted, stock = FITTED[d.language]
        assert fitted in d.text, (d.channel, d.text)
        assert not re.search(stock, d.text), (d.channel, d.text)
        assert ".." not in d.text, (d.channel, d.text)
    assert r.shortfalls == [], r.shortfalls


@pytest.mark.parametrize("name", ["id_email_graha.txt", "en_email_harbor.txt"])
def test_the_check_finds_a_stock_sentence_beside_the_own_words(name: str) -> None:
    path = FIXTURES / name
    r = run(path.read_bytes(), name, MOVED, NOW)
    assert isinstance(r, Run) and r.shortfalls == []
    email = next(d for d in r.drafts if "reason" in d.moves and d.channel != "calendar")
    stock = STOCK[email.language]
    fitted = FITTED[email.language][0]
    both = replace(email, text=email.text.replace(fitted, f"{stock} {fitted}"))
    drafts = tuple(both if d.channel == email.channel else d for d in r.drafts)
    assert "own_words_stock" in {s.rule for s in check(replace(r, drafts=drafts, lint={}))}
    alone = replace(email, text=email.text.replace(fitted, stock))
    drafts = tuple(alone if d.channel == email.channel else d for d in r.drafts)
    assert "own_words_said" in {s.rule for s in check(replace(r, drafts=drafts, lint={}))}
    doubled = replace(email, text=email.text.replace(fitted, fitted + "."))
    drafts = tuple(doubled if d.channel == email.channel else d for d in r.drafts)
    assert "doubled_stop" in {s.rule for s in check(replace(r, drafts=drafts, lint={}))}


#: own words that are a sentence of the person's, in each language
SENTENCE = {"id": "sudah menerima tawaran lain minggu lalu", "en": "have to look after my father"}
SAID = {
    "id": "Saya sudah menerima tawaran lain minggu lalu.",
    "en": "I have to look after my father.",
}


@pytest.mark.parametrize("detail", ["brief", "full"])
@pytest.mark.parametrize("reason", [r for r in REASONS if r != "other"])
@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_reason_says_the_own_sentence_alone(lang: str, reason: str, detail: str) -> None:
    from sopan.compose.bank import phrases

    sit = replace(
        situation(lang, "cancel", reason, detail=detail, interest="yes"),
        reason_text=SENTENCE[lang],
    )
    plan = Plan(
        action="cancel", urgency=Urgency(72.5, "ok"),
        steps=(Step("email", "reply in the same thread", "R2.1"),), language=lang,  # type: ignore[arg-type]
    )  # fmt: skip
    drafts = compose(plan, invitation(lang), sit, PROFILE, now=CASE_NOW, channels=CHANNELS)
    assert {d.channel for d in drafts} >= set(CHANNELS) - {"calendar"}
    for d in drafts:
        if "reason" not in d.moves:
            # a voicemail too long leaves the reason to the written message, last (C2.1)
            assert d.channel == "voicemail", d.moves
            continue
        assert SAID[lang] in d.text, (d.channel, d.text)
        # none of the reason's stock sentences beside it
        stock = phrases(lang, "formal", "email", ("reason", reason, "brief"))
        for row in stock:
            literal = row.split("{", 1)[0].strip()
            assert len(literal) < 12 or literal not in d.text, (d.channel, d.text)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_phrase_is_said_after_the_kind_of_reason_whatever_the_detail(lang: str) -> None:
    phrase = {"id": "presentasi untuk klien", "en": "a board presentation"}[lang]
    for detail in ("brief", "full"):
        sit = replace(situation(lang, "cancel", "schedule-conflict", detail=detail),
                      reason_text=phrase)  # fmt: skip
        plan = Plan(
            action="cancel", urgency=Urgency(72.5, "ok"),
            steps=(Step("email", "reply", "R2.1"),), language=lang,  # type: ignore[arg-type]
        )  # fmt: skip
        for d in compose(plan, invitation(lang), sit, PROFILE, now=CASE_NOW, channels=CHANNELS):
            if "reason" not in d.moves:
                continue
            assert re.search(rf"[:,] (?:yaitu )?{phrase}\.", d.text), (d.channel, d.text)


@pytest.mark.parametrize(
    ("lang", "given", "fitted"),
    [
        ("id", "baru pindah ke Surabaya.", "Saya baru pindah ke Surabaya"),
        ("id", "Karena sedang dirawat di rumah sakit!", "Saya sedang dirawat di rumah sakit"),
        ("id", "saya harus mendampingi ibu..", "Saya harus mendampingi ibu"),
        ("id", "ada urusan keluarga mendadak", "Ada urusan keluarga mendadak"),
        ("id", "presentasi penting untuk klien", ""),
        ("id", "karena jaraknya jauh", ""),
        ("en", "just moved to Surabaya…", "I just moved to Surabaya"),
        ("en", "because I'm recovering from surgery.", "I'm recovering from surgery"),
        ("en", "moving to Perth next month", "I'm moving to Perth next month"),
        ("en", "an important client presentation", ""),
        ("en", "because of the distance", ""),
    ],
)
def test_own_words_are_fitted_as_the_persons_sentence(lang: str, given: str, fitted: str) -> None:
    assert own_sentence(given, lang) == fitted
