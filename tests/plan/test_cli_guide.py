"""`sopan guide`: the guideline book on the command line (needs no reader)."""

from __future__ import annotations

import json

from conftest import Run


def test_guide_lists_every_guideline(run_cli: Run) -> None:
    result = run_cli("guide", "--lang", "en")
    assert result.returncode == 0, result.stderr
    heads = [line.split()[0] for line in result.stdout.splitlines() if line and line[0] != " "]
    assert heads[0] == "R1" and heads[-1] == "C3" and len(heads) == 32
    assert "Why:" in result.stdout


def test_guide_one_in_indonesian(run_cli: Run) -> None:
    result = run_cli("guide", "c2.1", "--lang", "id")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("C2.1  Tidak diangkat?")
    assert "Mengapa:" in result.stdout
    assert "R1 " not in result.stdout


def test_guide_defaults_to_the_profile_language(run_cli: Run) -> None:
    # No config file: the bundled example profile, which speaks Indonesian.
    result = run_cli("guide", "C0")
    assert result.returncode == 0, result.stderr
    assert "Pertimbangkan jadwal ulang" in result.stdout


def test_guide_json(run_cli: Run) -> None:
    many = json.loads(run_cli("guide", "--json", "--lang", "en").stdout)
    assert [g["id"] for g in many][:3] == ["R1", "R1.1", "R1.2"] and len(many) == 32
    one = json.loads(run_cli("guide", "R4.2", "--json", "--lang", "en").stdout)
    assert set(one) == {"id", "title", "text", "why"} and one["id"] == "R4.2"


def test_guide_unknown_id_is_one_line(run_cli: Run) -> None:
    result = run_cli("guide", "R42")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "sopan: ID: tidak ada pedoman 'R42'" in result.stderr
    assert "Traceback" not in result.stderr


def test_plan_command_offers_the_situation_flags(run_cli: Run) -> None:
    result = run_cli("plan", "--help")
    assert result.returncode == 0, result.stderr
    for flag in ("--intent", "--reason", "--interest", "--confirmed", "--unconfirmed", "--detail",
                 "--reason-text", "--calendar", "--now", "--json", "--lang"):  # fmt: skip
        assert flag in result.stdout, flag


def test_plan_of_a_missing_file_is_one_clear_line(run_cli: Run) -> None:
    result = run_cli("plan", "no-such-invitation.eml", "--json")
    assert result.returncode == 2
    assert "no-such-invitation.eml" in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""
