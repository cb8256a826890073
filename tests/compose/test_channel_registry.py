"""Channels are data: the registry reads `data/channels/`, and a channel added only in a data
folder of its own (Telegram, here: one spec and its phrases) is planned, drafted, linted,
exported, read back by lint from its file and shown on the drafts page like the packaged ones."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from starlette.testclient import TestClient

from sopan import app
from sopan.app.planning import Choices, PlanRequest
from sopan.app.reading import ReadRequest
from sopan.config import Config
from sopan.data import DATA_DIRS_ENV
from sopan.model import Profile
from sopan.model.channels import registry

SRC = Path(__file__).resolve().parents[2] / "src" / "sopan"
NOW = datetime(2026, 11, 20, 9, tzinfo=ZoneInfo("Asia/Jakarta"))
PROFILE = Profile(
    name="Rina Kusuma", email="rina.kusuma@example.com", phone="+62 812-3456-7890",
    city="Bandung",
)  # fmt: skip

#: the whole of what a new chat channel needs: its spec …
TELEGRAM_SPEC = """\
# Telegram: a chat read on a phone, like WhatsApp.
kind: chat
reach: mobile
order: 65
label: {id: Telegram, en: Telegram}
role: reply
register: {id: semiformal, en: friendly}
file: telegram.txt
came_by: ["telegram", "t.me/"]
measure: {unit: chars, limit: 600}
moves:
  default:
    - [greeting]
    - [thanks+interview_ref, decision, reason, apology]
    - [alternatives]
    - [future]
    - [closing]
"""
#: … and its own phrases where it differs from its register's bank
TELEGRAM_PHRASES = {
    "id": 'closing:\n  - "Terima kasih, {you}.\\n\\nSalam,\\n{name}"\n',
    "en": 'closing:\n  - "Thank you.\\n\\nBest regards,\\n{name}"\n',
}

INVITATION_ID = """\
Halo Rina, kami dari tim HR PT Nusa Kreatif Digital mengundang Anda mengikuti interview untuk
posisi Desainer Grafis pada Senin, 30 November 2026 pukul 10.00 WIB di kantor kami,
Jl. Merdeka No. 5, Bandung. Mohon konfirmasi kehadiran lewat Telegram ke 0812-7777-8888
(t.me/hrnusakreatif).

Terima kasih,
Dewi Lestari - HR PT Nusa Kreatif Digital
"""

INVITATION_EN = """\
Hi Rina, this is Helen Jang from the talent team at Brightline Labs. We would like to invite
you to interview for the Product Designer role on Monday, 30 November 2026 at 14:00 WIB
(online, Google Meet). Please confirm on Telegram: +62 812-7777-8888 or t.me/brightlinehr.

Thanks,
Helen
"""


@pytest.fixture
def telegram(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder holding only the Telegram channel, named in SOPAN_DATA_DIRS."""
    folder = tmp_path / "data"
    (folder / "channels").mkdir(parents=True)
    (folder / "channels" / "telegram.yaml").write_text(TELEGRAM_SPEC, "utf-8")
    for lang, text in TELEGRAM_PHRASES.items():
        (folder / "phrases" / lang / "channels").mkdir(parents=True)
        (folder / "phrases" / lang / "channels" / "telegram.yaml").write_text(text, "utf-8")
    monkeypatch.setenv(DATA_DIRS_ENV, str(folder))
    yield folder


def _request(text: str, channels: tuple[str, ...] = ()) -> app.DraftRequest:
    read = ReadRequest("invitation.txt", NOW, data=text.encode(), config=Config(PROFILE, {}))
    choices = Choices(intent="decline", reason="accepted-offer", interest="no", confirmed=False)
    return app.DraftRequest(PlanRequest(read, choices), channels=channels)


def test_the_packaged_registry_lists_every_channel_in_plan_order() -> None:
    specs = registry().specs
    assert [s.order for s in specs] == sorted(s.order for s in specs)
    assert {s.name for s in specs} >= {"email", "whatsapp", "sms", "call", "voicemail"}
    for spec in specs:
        assert spec.label["id"] and spec.label["en"] and spec.register["id"]
        assert spec.paragraphs("decline"), spec.name


def test_a_channel_in_a_data_folder_joins_the_registry(telegram: Path) -> None:
    spec = registry().spec("telegram")
    assert (spec.kind, spec.reach, spec.role, spec.file) == (
        "chat",
        "mobile",
        "reply",
        "telegram.txt",
    )
    assert registry().names().index("telegram") == registry().names().index("whatsapp") + 1


@pytest.mark.parametrize("text", [INVITATION_ID, INVITATION_EN], ids=["id", "en"])
def test_a_data_only_channel_is_planned_drafted_linted_and_exported(
    telegram: Path, text: str
) -> None:
    done = app.draft_for(_request(text))
    plan = done.planned.plan
    # planned: the invitation came by Telegram, so the written reply goes there
    assert plan.steps[0].channel == "telegram", plan.steps
    drafted = {d.channel: d for d in done.drafts}
    assert "telegram" in drafted and "whatsapp" not in drafted
    note = drafted["telegram"]
    assert len(note.text) <= 600 and "Rina Kusuma" in note.text
    # linted: clean, and measured against its own limit
    report = done.reports[list(drafted).index("telegram")]
    assert not report.has_errors, report.findings
    assert [f.rule for f in report.findings if f.level != "info"] == []
    # exported: its own file, which lint reads back as the same channel
    files = dict(app.export_for(done.planned, done.drafts, NOW))
    assert files["telegram.txt"].decode().startswith(note.text)
    from sopan.lint.files import read_reply

    saved = telegram / "telegram.txt"
    saved.write_bytes(files["telegram.txt"])
    assert read_reply(str(saved)).channel == "telegram"


def test_a_data_only_channel_is_asked_for_by_name_and_measured(telegram: Path) -> None:
    done = app.draft_for(_request(INVITATION_ID, channels=("telegram",)))
    assert [d.channel for d in done.drafts] == ["telegram"]
    (reviewed,) = app.review_for(done.planned, done.drafts)
    assert reviewed.measure is not None and reviewed.measure.limit == 600
    too_long = reviewed.draft.text + " Terima kasih banyak." * 40
    from dataclasses import replace

    (long_review,) = app.review_for(done.planned, [replace(reviewed.draft, text=too_long)])
    assert "channel_length" in {f.rule for f in long_review.report.findings}


def test_a_data_only_channel_is_shown_on_the_drafts_page(
    telegram: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sopan.web.guard import Keys
    from sopan.web.routes import make_app
    from sopan.web.work import Inline

    monkeypatch.setenv("SOPAN_DATABASE_URL", f"sqlite:///{tmp_path / 'store.db'}")
    keys = Keys()
    config = tmp_path / "config.toml"
    config.write_text('[profile]\nname = "Rina Kusuma"\nphone = "+62 812-3456-7890"\n', "utf-8")
    web = make_app(hosts=frozenset({"testserver"}), keys=keys, now=NOW, config_file=config,
                   work=Inline())  # fmt: skip
    same = {"origin": "http://testserver"}
    with TestClient(web, base_url="http://testserver") as client:
        client.get(f"/start?token={keys.token}")
        made = client.post("/invitation", data={"text": INVITATION_ID}, headers=same,
                           follow_redirects=False)  # fmt: skip
        case = made.headers["location"].rsplit("/", 1)[0]
        client.post(f"{case}/facts", data={"confirm": "1"}, headers=same)
        values = {"intent": "decline", "reason": "accepted-offer", "interest": "no"}
        client.post(f"{case}/situation", data={**values, "confirmed": "no"}, headers=same)
        page = client.get(f"{case}/drafts").text
        assert 'name="text_telegram"' in page and ">Telegram<" in page
        edited = client.post(
            f"{case}/drafts/lint", data={"channel": "telegram", "text": "Halo"}, headers=same
        )
        assert edited.status_code == 200
        assert "telegram.txt" in client.get(f"{case}/take").text


def _channel_comparisons(source: str, names: set[str]) -> list[str]:
    """Comparisons of a channel (an expression naming `channel`) with a channel's name."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        if not any("channel" in ast.unparse(side).lower() for side in sides):
            continue
        for side in sides:
            items = list(side.elts) if isinstance(side, (ast.Tuple, ast.List, ast.Set)) else [side]
            found += [
                f"{node.lineno}: {ast.unparse(node)}"
                for item in items
                if isinstance(item, ast.Constant) and item.value in names
            ]
    return found


def test_no_stage_or_edge_names_a_channel_in_code() -> None:
    # the channels' names live in data/channels/: code asks the registry (`if channel ==
    # "sms"` chains are what made a new channel touch sixteen files)
    names = set(registry().names())
    found = {
        str(path.relative_to(SRC)): hits
        for path in sorted(SRC.rglob("*.py"))
        if (hits := _channel_comparisons(path.read_text("utf-8"), names))
    }
    assert found == {}


def test_the_check_sees_a_channel_named_in_code() -> None:
    names = set(registry().names())
    code = 'if draft.channel == "sms" or channel in ("whatsapp", "x"):\n    pass\n'
    assert len(_channel_comparisons(code, names)) == 2
    assert _channel_comparisons('if move == "linkedin":\n    pass\n', names) == []
