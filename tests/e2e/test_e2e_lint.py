"""`sopan lint REPLY --invitation INV --json`: a reply checked against the invitation it answers."""

from __future__ import annotations

import pytest
from conftest import EXAMPLES, FIXTURES, Run

from e2e.helpers import NOW, init_profile, read_json, run_json

INVITATION = str(EXAMPLES / "undangan_wawancara_id.eml")
REPLIES = FIXTURES / "replies_e2e"


def lint(run_cli: Run, name: str, code: int) -> dict:  # type: ignore[type-arg]
    reply = str(REPLIES / f"{name}.txt")
    found = run_json(run_cli, "lint", reply, "--invitation", INVITATION, "--now", NOW, code=code)
    assert set(found) >= {"moves", "findings"}
    return found  # type: ignore[no-any-return]


def test_the_replies_differ_from_the_invitation_only_where_named(run_cli: Run) -> None:
    inv = read_json(run_cli, INVITATION)
    good = (REPLIES / "id_email_decline_matches_example_invitation.txt").read_text("utf-8")
    assert inv["reference"] in good and "23 November 2026 pukul 10.00" in good
    assert inv["start"].startswith("2026-11-23T10:00")


def test_matching_reply_is_clean(run_cli: Run) -> None:
    init_profile(run_cli)
    found = lint(run_cli, "id_email_decline_matches_example_invitation", 0)
    assert [f for f in found["findings"] if f["level"] == "error"] == []
    assert found["moves"]["interview_ref"] and found["moves"]["thanks"]


@pytest.mark.parametrize(
    ("name", "rule"),
    [("id_email_decline_example_wrong_reference", "reference_mismatch"),
     ("id_email_decline_example_wrong_date", "date_mismatch")],
)  # fmt: skip
def test_reply_that_contradicts_the_invitation_is_an_error(
    run_cli: Run, name: str, rule: str
) -> None:
    init_profile(run_cli)
    found = lint(run_cli, name, 1)
    errors = [f for f in found["findings"] if f["level"] == "error"]
    assert [f["rule"] for f in errors] == [rule]
    text = (REPLIES / f"{name}.txt").read_text("utf-8")
    wrong = text[errors[0]["start"] : errors[0]["end"]]
    # the finding points at the wrong value itself
    assert wrong and wrong in text and ("054" in wrong or "24 November" in wrong)


def test_without_the_invitation_the_same_reply_passes(run_cli: Run) -> None:
    # The mismatch is only knowable from the invitation the reader read.
    reply = str(REPLIES / "id_email_decline_example_wrong_reference.txt")
    found = run_json(run_cli, "lint", reply, "--now", NOW)
    assert "reference_mismatch" not in {f["rule"] for f in found["findings"]}


@pytest.mark.parametrize(
    ("name", "code"),
    [("id_email_decline_makassar_in_wita", 0),
     ("id_email_decline_makassar_same_moment_in_wib", 0),
     ("id_email_decline_makassar_wall_time_in_wib", 1)],
)  # fmt: skip
def test_a_time_is_compared_in_the_zone_written_with_it(run_cli: Run, name: str, code: int) -> None:
    # The invitation: 09.00 at an office in Makassar (WITA), which is 08.00 WIB.
    invitation = str(FIXTURES / "text" / "id_onsite_makassar_no_zone.txt")
    reply = str(REPLIES / f"{name}.txt")
    args = ("lint", reply, "--invitation", invitation, "--now", NOW)
    found = run_json(run_cli, *args, code=code)
    rules = [f["rule"] for f in found["findings"] if f["level"] == "error"]
    assert rules == ([] if code == 0 else ["date_mismatch"])
