"""The chat a recruiter's mobile is written to is the one usual where they are (R2.1, C2.1,
data/plan/chats.yaml): a text message to an American, Canadian or Japanese number, WhatsApp to
an Indonesian, Nigerian or British one; where the number tells nothing, the country the person
gives the recipient (--set country), else their own (the profile's). A chat the invitation names
still wins. In both languages of the plan."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from sopan.data import load_yaml
from sopan.model import Invitation, Profile, Situation
from sopan.model.channels import registry
from sopan.plan import make_plan, written_medium
from sopan.plan.reach import usual_chat
from sopan.read import read_bytes

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(name="Budi Santoso", email="budi@example.com", phone="+62 812 3456 7890")
DECLINE = Situation(intent="decline", reason="accepted-offer", interest="no")
SICK = Situation(intent="cancel", reason="health", interest="yes", confirmed=True)

EN = (
    "Hi Sam, Dana from Corvid Analytics here. Can you do a 30-min interview for the Junior "
    "Analyst role on Thursday, Nov 26 at 3:00 PM? Please let me know by text. Thanks! {phone}"
)
ID = (
    "Halo Budi, saya Sari dari PT Cahaya Abadi. Kami mengundang Anda interview posisi Staf "
    "Gudang pada Kamis, 26 November 2026 pukul 10.00 di kantor kami. Mohon konfirmasi ya. {phone}"
)


def _read(text: str) -> Invitation:
    return read_bytes(text.encode(), now=NOW, user_tz="Asia/Jakarta", origin="pasted.txt")


@pytest.mark.parametrize(
    ("phone", "chat"),
    [
        ("+1 646 555 0142", "sms"),  # New York
        ("(217) 650-6776", "sms"),  # North American, written without its code
        ("+1 416 555 0199", "sms"),  # Toronto
        ("+81 90-1234-5678", "sms"),  # a Japanese mobile: LINE is none sopan drafts
        ("+62 812-5555-1212", "whatsapp"),
        ("0812-5555-1212", "whatsapp"),  # Indonesian, written without its code
        ("+234 803 555 0142", "whatsapp"),  # Lagos
        ("+44 7911 123456", "whatsapp"),  # a British mobile
    ],
)
@pytest.mark.parametrize("template", [EN, ID], ids=["en", "id"])
def test_the_reply_chat_is_the_one_usual_where_the_number_is(
    template: str, phone: str, chat: str
) -> None:
    inv = _read(template.format(phone=phone))
    assert inv.contact.phone, inv.text
    assert usual_chat(inv) == chat
    medium, _ = written_medium(inv)
    assert medium == chat
    for lang in ("id", "en"):
        plan = make_plan(inv, DECLINE, PROFILE, now=NOW, lang=lang)
        chats = [s.channel for s in plan.steps if registry().spec(s.channel).kind == "chat"]
        assert chats == [chat], (lang, chats)
        # a confirmed interview cancelled: the call first, then the same chat, never both chats
        late = make_plan(inv, SICK, PROFILE, now=NOW, lang=lang)
        chats = [s.channel for s in late.steps if registry().spec(s.channel).kind == "chat"]
        assert chats == [chat], (lang, chats)


def test_a_chat_the_invitation_names_wins_over_the_usual_one() -> None:
    inv = _read(EN.replace("by text", "on WhatsApp").format(phone="+1 646 555 0142"))
    assert written_medium(inv)[0] == "whatsapp"
    said = _read(
        ID.replace("Mohon konfirmasi ya.", "Balas via SMS ya.").format(phone="+1 646 555 0142")
    )
    assert written_medium(said)[0] == "sms"


def test_without_a_number_the_country_given_then_the_persons_own_decides() -> None:
    # a chat pasted with no number is answered in the chat it came in: the one usual where
    # the recipient is, as the person says (--set country), else where the person is
    inv = _read(ID.format(phone=""))
    assert not inv.contact.phone
    assert written_medium(inv)[0] == "whatsapp"
    assert written_medium(inv, home="US")[0] == "sms"
    assert written_medium(replace(inv, country="US"))[0] == "sms"
    american = replace(PROFILE, country="US")
    plan = make_plan(inv, DECLINE, american, now=NOW, lang="en")
    assert plan.steps[0].channel == "sms"
    why = " ".join(plan.steps[0].why.split())
    assert re.search(r"text message", why), why


def test_the_table_names_chats_and_countries() -> None:
    table = load_yaml("plan", "chats.yaml")
    known = registry()
    assert known.spec(table["usual"]).kind == "chat"
    for name, countries in table["countries"].items():
        assert known.spec(name).kind == "chat" and name != table["usual"]
        assert countries and all(re.fullmatch(r"[A-Z]{2}", c) for c in countries), countries
    listed = [c for where in table["countries"].values() for c in where]
    assert len(listed) == len(set(listed))  # one usual chat per country
    assert "ID" not in listed  # Indonesia: WhatsApp, the usual one
