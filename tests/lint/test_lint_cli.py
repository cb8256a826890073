"""`sopan lint`: the JSON contract, human output and exit codes 0 / 1 / 2."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import FIXTURES

REPLIES = FIXTURES / "replies"


def test_json_contract_and_exit_1_on_error(run_cli) -> None:
    result = run_cli(
        "lint", str(REPLIES / "id_whatsapp_hedging_caps.txt"), "--channel", "whatsapp", "--json"
    )
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == ["moves", "findings"]
    assert data["moves"]["thanks"] is True and data["moves"]["contact"] is False
    assert {f["rule"] for f in data["findings"]} >= {"hedging", "all_caps", "exclamation_run"}
    for finding in data["findings"]:
        assert list(finding)[:6] == ["rule", "level", "start", "end", "message", "guideline"]
        assert finding["level"] in ("error", "warning", "info")
    hedge = next(f for f in data["findings"] if f["rule"] == "hedging")
    assert hedge["level"] == "error" and hedge["guideline"] == "R3.2"
    text = (REPLIES / "id_whatsapp_hedging_caps.txt").read_text("utf-8")
    assert text[hedge["start"] : hedge["end"]].lower().startswith("sepertinya saya tidak bisa")


def test_clean_reply_exits_0_with_human_output(run_cli, tmp_path: Path) -> None:
    reply = tmp_path / "balasan.txt"
    reply.write_text(
        "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancara pada Senin, 23 November 2026 "
        "pukul 10.00 WIB. Dengan berat hati saya tidak dapat hadir karena telah menerima "
        "tawaran pekerjaan lain.\n\nHormat saya,\nRina Kusuma\nrina.kusuma@example.com\n",
        "utf-8",
    )
    result = run_cli("lint", str(reply), "--action", "decline")
    assert result.returncode == 0, result.stdout + result.stderr
    # no profile written: the example profile's language (Indonesian) labels the report
    assert "0 kesalahan, 0 peringatan" in result.stdout
    assert "unsur yang ada: greeting, thanks, decision, reason, interview_ref" in result.stdout


def test_human_output_shows_position_rule_guideline_and_suggestion(run_cli) -> None:
    result = run_cli("lint", str(REPLIES / "id_letter_conventions.txt"), "--channel", "letter")
    assert result.returncode == 0  # only warnings
    lines = result.stdout.splitlines()
    yth = next(i for i, line in enumerate(lines) if "[yth · R3]" in line)
    assert lines[yth].endswith(
        'Tulis "Yth.": huruf Y kapital, diakhiri titik, tanpa "Kepada" di depannya.'
    )
    assert ":1:1: peringatan [yth · R3]" in lines[yth]
    assert lines[yth + 1].strip() == "saran: Yth."


def test_english_flag_and_language(run_cli, tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("I'm not sure I can make it to the interview.\n", "utf-8")
    result = run_cli("lint", str(reply), "--lang", "en", "--json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)["findings"]
    assert any(f["rule"] == "hedging" and "decision open" in f["message"] for f in findings)


def test_bad_input_exits_2(run_cli, tmp_path: Path) -> None:
    missing = run_cli("lint", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "berkas ini tidak ada" in missing.stderr  # no such file
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", "utf-8")
    result = run_cli("lint", str(empty))
    assert result.returncode == 2 and "berkas kosong" in result.stderr  # the file is empty
    binary = tmp_path / "photo.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    result = run_cli("lint", str(binary))
    assert result.returncode == 2 and "berkas biner" in result.stderr  # a binary file
    assert "Traceback" not in result.stderr
    bad_choice = run_cli("lint", str(empty), "--channel", "pigeon")
    assert bad_choice.returncode == 2


def test_standard_input(run_cli) -> None:
    result = run_cli("lint", "-", "--json", input="Mungkin saya tidak bisa hadir.\n")
    assert result.returncode == 1
    assert json.loads(result.stdout)["moves"]["decision"] is True


RULE = """\
id: no_asap
kind: existence
level: error
guideline: R3
message:
  id: "Jangan mendesak."
  en: "Do not press them."
patterns: ["\\\\basap\\\\b"]
examples:
  fail: ["Please reply asap."]
  pass: ["Please reply when convenient."]
"""


def test_extra_rules_folder(run_cli, tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "no_asap.yaml").write_text(RULE, "utf-8")
    reply = tmp_path / "reply.txt"
    reply.write_text("Thank you. I cannot attend; please reply asap.\n", "utf-8")
    result = run_cli("lint", str(reply), "--rules", str(rules), "--json")
    assert result.returncode == 1
    assert "no_asap" in {f["rule"] for f in json.loads(result.stdout)["findings"]}
    (rules / "broken.yaml").write_text(RULE.replace("kind: existence", "kind: magic"), "utf-8")
    broken = run_cli("lint", str(reply), "--rules", str(rules))
    assert broken.returncode == 2
    assert f"{rules / 'broken.yaml'}:2: unknown kind 'magic'" in broken.stderr


def test_unusable_invitation_is_bad_input(run_cli, tmp_path: Path) -> None:
    reply = tmp_path / "reply.txt"
    reply.write_text("Terima kasih, saya tidak dapat hadir.\n", "utf-8")
    result = run_cli("lint", str(reply), "--invitation", str(tmp_path / "missing.eml"))
    assert result.returncode == 2
    assert result.stderr.startswith("sopan: ") and "Traceback" not in result.stderr
