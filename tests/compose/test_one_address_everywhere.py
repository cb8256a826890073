"""The contact is named one way in every channel and in the plan (R3): speech says what the chat
says, aloud ("Bu Dewi" beside a chat's "Bu Dewi", "Kak Dewi" beside a chat to someone who said
"kak", "Kak Andi" to a name that tells no honorific), never the bare name and never another
honorific at its close; the plan's steps name them as the written drafts do ("Telepon Ibu
Dewi Lestari"). Over invitations in both languages, and each check finds what breaks it."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.compose.address import addressing
from sopan.model import Step
from sopan.model.channels import registry

from .recruiter import SITUATIONS, Run, check, run

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "recruiter"
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
SICK = next(s for s in SITUATIONS if s.name == "sick_under_24h")
#: invitations from a named person, each a way the person is named: a guessed Ibu in a chat
#: that said "kak", a name that tells no honorific, an Ibu the e-mail names, a Bapak written
#: in a chat, and English titles and first names
NAMED = [
    "id_wa_kak_dewi_lestari.txt",
    "id_email_ditempel_dengan_nomor_tanpa_sapaan.txt",
    "id_email_pewawancara_ibu.eml",
    "id_wa_formal_bapak.txt",
    "en_email_ms_jang_singapore.eml",
    "en_email_harbor.txt",
    "en_text_northwind.txt",
    "en_whatsapp_lagos.txt",
]


def _run(path: Path) -> Run:
    found = run(path.read_bytes(), path.name, SICK, NOW)
    assert isinstance(found, Run), found
    return found


def _said(r: Run) -> list[str]:
    """What each spoken draft says aloud: a script's lines after their labels."""
    out = []
    for d in r.drafts:
        if registry().spec(d.channel).spoken:
            lines = [ln.split(": ", 1)[1] for ln in d.text.splitlines() if re.match(r"\d+\. ", ln)]
            out.append("\n".join(lines) if lines else d.text)
    return out


@pytest.mark.parametrize("name", NAMED)
def test_speech_names_the_contact_as_the_chat_does_and_the_plan_as_the_drafts(name: str) -> None:
    r = _run(FIXTURES / name)
    language = r.drafts[0].language
    chat = addressing(r.invitation, language, chat=True)
    formal = addressing(r.invitation, language)
    assert chat.person, name
    spoken = _said(r)
    assert spoken
    if not chat.chat:
        # no title known and no "kak" written: asked for by name, never "Kak" aloud
        assert any(chat.ask_for in said for said in spoken), spoken
        assert not any(re.search(r"\bKak\b", said) for said in spoken), spoken
    elif chat.chat.split()[0] in ("Bu", "Pak", "Kak", "Mbak", "Mas"):
        surname_free = chat.chat.split()[-1]  # the name the chat says: "Dewi"
        for said in spoken:
            for m in re.finditer(rf"(\S+) {surname_free}\b", said):
                # "Bu Dewi", "Ibu Dewi Lestari", "Kak Dewi": the chat's own honorific
                assert m.group(1) in (chat.chat.split()[0], formal.written.split()[0]), m.group()
            assert chat.chat in said or chat.ask_for in said, said
    # the plan's steps name the person as the written drafts do
    called = [s.why for s in r.plan.steps if registry().get(s.channel) and
              registry().spec(s.channel).role == "call"]  # fmt: skip
    for why in called:
        if formal.block and (r.invitation.contact.name or "").split()[0] in why:
            assert formal.block in " ".join(why.split()), why
    assert r.shortfalls == [], r.shortfalls


def test_a_chat_that_said_kak_is_called_kak_dewi_where_writing_says_ibu() -> None:
    r = _run(FIXTURES / "id_wa_kak_dewi_lestari.txt")
    text = {d.channel: d.text for d in r.drafts}
    # written, she is the guessed Ibu (an e-mail or a letter would say "Yth. Ibu Dewi Lestari")
    assert addressing(r.invitation, "id").written == "Ibu Dewi Lestari"
    assert "Kak Dewi" in text["whatsapp"] and "Kak Dewi" in text["sms"]
    call = _said(r)[0]
    assert "bicara dengan Kak Dewi?" in call and "Kak Dewi, saya" in call
    assert not re.search(r"\b(?:Bu|Ibu)\b(?! saya)", call), call  # one register aloud
    assert re.search(r"Terima kasih[^.]*, Kak\.", call), call
    steps = " ".join(" ".join(s.why.split()) for s in r.plan.steps)
    assert "Ibu Dewi Lestari" in steps and not re.search(r"(?<!Ibu )Dewi Lestari", steps), steps


def test_the_checks_find_a_bare_name_another_honorific_and_a_plan_without_one() -> None:
    r = _run(FIXTURES / "id_wa_kak_dewi_lestari.txt")

    def rules(channel: str, text: str) -> set[str]:
        drafts = tuple(replace(d, text=text) if d.channel == channel else d for d in r.drafts)
        return {s.rule for s in check(replace(r, drafts=drafts, lint={}))}

    call = next(d.text for d in r.drafts if d.channel == "call")
    assert "spoken_honorific" in rules("call", call.replace("Kak Dewi, saya", "Dewi, saya"))
    assert "spoken_honorific" in rules("call", call.replace("waktunya, Kak.", "waktunya, Bu."))
    bare = tuple(
        Step(s.channel, s.why.replace("Ibu Dewi Lestari", "Dewi Lestari"), s.guideline)
        for s in r.plan.steps
    )
    found = {s.rule for s in check(replace(r, plan=replace(r.plan, steps=bare), lint={}))}
    assert "plan_names_contact" in found


def test_a_titled_contact_is_bu_aloud_and_in_the_plan_too() -> None:
    path = ROOT / "examples" / "undangan_wawancara_id.eml"
    r = _run(path)
    call = _said(r)[0]
    assert "Bu Dewi, saya" in call and "Kak" not in call
    assert any("Ibu Dewi Lestari" in " ".join(s.why.split()) for s in r.plan.steps)
