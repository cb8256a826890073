"""Invitation checks, dates, lengths, spelling, language and positions."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import pytest
from conftest import SHARED

from lint.cases import INVITATION, PROFILE
from sopan.lint import LintOptions, lint_text
from sopan.lint.context import Context
from sopan.lint.engine import GSM7, sms_segments
from sopan.lint.text import detect_language, segments


def rules_of(text: str, **context) -> set[str]:
    return {f.rule for f in lint_text(text, LintOptions(**context)).findings}


@pytest.mark.shared
def test_seed_bad_example_is_blame() -> None:
    seed = (SHARED / "seeds" / "000_c42da068034da9bf.txt").read_text("utf-8")
    section = seed[seed.index("3.1 Hindari") : seed.index("3.2 Gunakan")]
    quoted = re.search(r"“([^”]+)”", section)
    assert quoted is not None
    report = lint_text(quoted.group(1))
    blame = [f for f in report.findings if f.rule == "blame"]
    assert blame and blame[0].level == "error" and blame[0].guideline == "R3.1"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 23 November 2026 pukul 10.00 WIB", (23, 11, 2026, 0)),
        ("tanggal 5 Des 2026", (5, 12, 2026, None)),
        ("Jum'at, 4 Desember", (4, 12, None, 4)),
        ("Monday, November 23rd, 2026", (23, 11, 2026, 0)),
        ("on the 23rd of November 2026", (23, 11, 2026, None)),
        ("23/11/2026", (23, 11, 2026, None)),
        ("2026-11-23", (23, 11, 2026, None)),
    ],
)
def test_dates_in_both_languages(text: str, expected: tuple) -> None:
    (found,) = Context(text, "id").dates  # the reader's finder, as lint reads a reply
    year = found.day.year if found.explicit_year else None
    assert (found.day.day, found.day.month, year, found.weekday) == expected


def test_lint_compares_only_dates_with_a_day_and_a_month() -> None:
    found = Context("Besok, Senin, atau Jumat depan; 31 Februari 2027.", "id").dates
    assert [(f.kind, f.explicit_year) for f in found] == [("impossible", True)]


def test_times_in_both_languages() -> None:
    times = Context(
        "pukul 10.00 WIB, jam 9, at 2:30 pm, 13:15, at 12 am, at 3 for coffee", "en"
    ).times
    assert [(t.hour, t.minute) for t in times] == [(10, 0), (9, 0), (14, 30), (13, 15), (0, 0)]


def test_date_compared_in_the_invitation_time_zone() -> None:
    utc = replace(INVITATION, start=datetime.fromisoformat("2026-11-22T20:00:00+00:00"), end=None)
    good = "Saya tidak dapat hadir pada Senin, 23 November 2026 pukul 03.00 WIB."
    assert "date_mismatch" not in rules_of(good, invitation=utc)
    bad = "Saya tidak dapat hadir pada Minggu, 22 November 2026 pukul 20.00."
    findings = [
        f for f in lint_text(bad, LintOptions(invitation=utc)).findings if f.rule == "date_mismatch"
    ]
    # the time's span is the time alone: its suggestion leaves "pukul" and the zone in place
    assert [bad[f.start : f.end] for f in findings] == ["Minggu, 22 November 2026", "20.00"]
    assert findings[0].suggestion == "Senin, 23 November 2026"


def test_time_compared_in_the_zone_written_after_it() -> None:
    times = Context("pukul 09.00 WITA, 08.00 WIB, jam 10 WIT, 9:00 am SGT, 13.00", "id").times
    assert [t.zone for t in times] == [
        "Asia/Makassar", "Asia/Jakarta", "Asia/Jayapura", "Asia/Singapore", None,
    ]  # fmt: skip
    wita = replace(
        INVITATION, start=datetime.fromisoformat("2026-11-23T09:00:00+08:00"), end=None,
        timezone="Asia/Makassar",
    )  # fmt: skip
    said = "Saya tidak dapat hadir pada Senin, 23 November 2026 pukul {}."
    assert "date_mismatch" not in rules_of(said.format("09.00 WITA"), invitation=wita)
    assert "date_mismatch" not in rules_of(said.format("08.00 WIB"), invitation=wita)
    assert "date_mismatch" not in rules_of(said.format("09.00"), invitation=wita)
    wrong = said.format("09.00 WIB")
    found = [
        f
        for f in lint_text(wrong, LintOptions(invitation=wita)).findings
        if f.rule == "date_mismatch"
    ]
    assert [wrong[f.start : f.end] for f in found] == ["09.00"]
    assert found[0].suggestion == "08.00"


def test_alternative_dates_and_end_time_are_not_mismatches() -> None:
    text = (
        "Wawancara pada Senin, 23 November 2026 pukul 10.00 - 11.00 WIB tidak dapat saya hadiri. "
        "Sebagai gantinya, saya bersedia pada Rabu, 25 November 2026 pukul 13.00."
    )
    assert "date_mismatch" not in rules_of(text, invitation=INVITATION)


@pytest.mark.parametrize(
    ("said", "mismatch"),
    [
        ("pukul 2 siang", True),  # 14.00: the part of the day fixes the half
        ("jam 10 pagi", False),
        ("pukul 10", False),
        ("pukul 3", True),  # 03.00 or 15.00, neither is 10.00
        ("10.00 - 11.00 WIB", False),
        ("10.00 - 12.00 WIB", True),  # the end differs from the invitation's
        ("jam sepuluh pagi", False),  # a time in words, as the reader reads it
    ],
)
def test_a_reply_time_is_read_as_the_reader_reads_an_invitation(said: str, mismatch: bool) -> None:
    text = f"Saya tidak dapat hadir pada Senin, 23 November 2026 {said}."
    assert ("date_mismatch" in rules_of(text, invitation=INVITATION)) is mismatch


def test_a_numeric_date_matches_when_either_reading_does() -> None:
    march = replace(INVITATION, start=datetime.fromisoformat("2027-03-04T10:00:00+07:00"), end=None)
    for written, mismatch in (("04/03/2027", False), ("03/04/2027", False), ("05/03/2027", True)):
        text = f"Saya tidak dapat hadir pada tanggal {written} pukul 10.00."
        assert ("date_mismatch" in rules_of(text, invitation=march)) is mismatch, written
    assert "weekday_mismatch" not in rules_of("Kamis, 03/04/2027 pukul 10.00.")  # 4 March
    assert "weekday_mismatch" in rules_of("Senin, 03/04/2027 pukul 10.00.")


def test_english_date_mismatch_suggests_the_english_date() -> None:
    text = "I cannot attend the interview on Tuesday, November 24, 2026."
    (finding,) = [
        f
        for f in lint_text(text, LintOptions(invitation=INVITATION)).findings
        if f.rule == "date_mismatch"
    ]
    assert finding.suggestion == "Monday, November 23, 2026"  # the month first, as written
    text = "I cannot attend the interview on Tuesday, 24 November 2026."
    (finding,) = [
        f
        for f in lint_text(text, LintOptions(invitation=INVITATION)).findings
        if f.rule == "date_mismatch"
    ]
    assert finding.suggestion == "Monday, 23 November 2026"  # the day first, as the drafts


def test_reference_checks() -> None:
    assert "reference_missing" in rules_of("Saya tidak dapat hadir.", invitation=INVITATION)
    same = "Terkait No. Ref: hrd/045/xi/2026, saya tidak dapat hadir."
    assert not rules_of(same, invitation=INVITATION) & {"reference_missing", "reference_mismatch"}
    other = "Terkait nomor surat HRD/046/XI/2026, saya tidak dapat hadir."
    found = rules_of(other, invitation=INVITATION)
    assert "reference_mismatch" in found and "reference_missing" not in found
    assert not rules_of(other) & {"reference_missing", "reference_mismatch"}


def test_sms_segments_gsm7_and_ucs2() -> None:
    assert sms_segments("a" * 160, GSM7) == 1
    assert sms_segments("a" * 161, GSM7) == 2
    assert sms_segments("a" * 306, GSM7) == 2
    assert sms_segments("a" * 307, GSM7) == 3
    assert sms_segments("é" * 10 + "€" * 75, GSM7) == 1  # € takes two GSM-7 septets
    assert sms_segments("é" * 10 + "€" * 76, GSM7) == 2
    assert sms_segments("🙏" + "a" * 68, GSM7) == 1
    assert sms_segments("🙏" + "a" * 69, GSM7) == 2


def test_language_detection() -> None:
    assert detect_language("Terima kasih atas undangannya, saya tidak dapat hadir.") == "id"
    assert detect_language("Thank you for the invitation; I cannot attend.") == "en"
    assert lint_text("Thank you, I cannot attend.").language == "en"


def test_segments_of_a_letter() -> None:
    text = "Subject: Re: Undangan\nYth. Ibu Sari,\n\nIsi surat.\nBaris dua.\n\nHormat saya,\nRina"
    parts = segments(text)
    assert [text[s:e] for s, e in parts["subject"]] == ["Subject: Re: Undangan"]
    assert [text[s:e] for s, e in parts["greeting"]] == ["Yth. Ibu Sari,"]
    assert [text[s:e] for s, e in parts["body"]] == ["Isi surat.\nBaris dua."]
    assert [text[s:e] for s, e in parts["closing"]] == ["Hormat saya,\nRina"]


def test_line_and_column_and_suggestion() -> None:
    text = "Yth. Ibu Sari,\n\nSaya tidak dapat dapat hadir."
    (finding,) = [f for f in lint_text(text).findings if f.rule == "repeated_word"]
    assert (finding.line, finding.column) == (3, 12)
    assert text[finding.start : finding.end] == "dapat dapat"
    assert finding.suggestion == "dapat"


def test_spelling_knows_names_and_invitation_words() -> None:
    text = "Terima kasih. Wulandari dan Sinarterang sudah menghubungi saya. Wawancra batal."
    spelt = [
        f
        for f in lint_text(text, LintOptions(invitation=INVITATION)).findings
        if f.rule == "spelling"
    ]
    assert [text[f.start : f.end] for f in spelt] == ["Wawancra"]
    assert spelt[0].suggestion == "Wawancara"
    known = lint_text(
        "Sinarterang mengundang saya.",
        LintOptions(invitation=replace(INVITATION, company="PT Sinarterang")),
    )
    assert "spelling" not in {f.rule for f in known.findings}
    assert "spelling" not in rules_of("Interview online via Zoom dengan HRD, CV terlampir.")
    assert "spelling" not in rules_of("Hubungi rina.kusuma@example.com atau https://contoh.id/abc.")


def test_closing_name_only_with_a_profile() -> None:
    assert "closing_name" in rules_of("Hormat saya,\nRina", profile=PROFILE)
    assert "closing_name" not in rules_of("Hormat saya,\nRina")
    assert "closing_name" not in rules_of("Hormat saya,\nRina Kusuma", profile=PROFILE)


def test_health_detail_only_when_brief() -> None:
    text = "Saya tidak dapat hadir karena demam tinggi."
    assert "health_detail" in rules_of(text, detail="brief")
    assert "health_detail" not in rules_of(text, detail="full")
    assert "health_detail" not in rules_of(text)


def test_to_json_has_the_contract_keys_first() -> None:
    report = lint_text("Mungkin saya tidak bisa hadir!!")
    data = report.to_json()
    assert list(data) == ["moves", "findings"]
    assert report.has_errors
    assert all(
        list(f)[:6] == ["rule", "level", "start", "end", "message", "guideline"]
        for f in data["findings"]
    )


def test_scope_limits_where_a_rule_looks() -> None:
    from sopan.lint.rules import parse_rule

    rule = parse_rule(
        "id: subject_caps\nkind: existence\nlevel: warning\nguideline: R3\nscope: [subject]\n"
        'message: {id: "x", en: "x"}\npatterns: ["URGENT"]\ncase_sensitive: true\n'
        'examples: {fail: ["Subject: URGENT"], pass: ["Dear Sir,\\n\\nURGENT matter."]}\n',
        "inline.yaml",
    )
    text = (
        "Subject: URGENT reply\n\nDear Ms. Tan,\n\nURGENT: I cannot attend.\n\nBest regards,\nRina"
    )
    findings = lint_text(text, rules=[rule]).findings
    assert [(f.line, f.column) for f in findings] == [(1, 10)]


@pytest.mark.shared
def test_every_eval_dev_text_lints_without_trouble() -> None:
    from conftest import EVAL_DEV

    paths = sorted(EVAL_DEV.glob("*/*.txt"))
    assert len(paths) > 20
    for path in paths:
        text = path.read_text("utf-8")
        report = lint_text(text)
        assert report.language in ("id", "en")
        for f in report.findings:
            assert 0 <= f.start <= f.end <= len(text), (path.name, f)


def test_long_punctuation_runs_stay_fast() -> None:
    import time

    text = "Terima kasih" + "!?" * 5000 + " " + "!" * 5000
    # CPU time: the bound is on the work done, not on how busy other test workers keep the machine.
    start = time.process_time()
    findings = [f for f in lint_text(text).findings if f.rule == "exclamation_run"]
    assert time.process_time() - start < 1.0
    assert len(findings) == 2


def test_lint_draft_uses_the_draft_channel_and_language() -> None:
    from sopan.lint import lint_draft
    from sopan.model import Draft

    draft = Draft(
        channel="linkedin", language="id", register="casual", text="Halo! " * 60, moves=()
    )
    report = lint_draft(draft)
    assert report.language == "id"
    assert {"channel_length_hard", "linkedin_note_free"} <= {f.rule for f in report.findings}


def test_all_day_invitation_has_no_time_to_compare() -> None:
    day = replace(
        INVITATION,
        start=datetime.fromisoformat("2026-11-23T00:00:00+07:00"),
        end=datetime.fromisoformat("2026-11-24T00:00:00+07:00"),
    )
    text = "Saya tidak dapat hadir pada Senin, 23 November 2026 pukul 10.00."
    assert "date_mismatch" not in rules_of(text, invitation=day)
    assert "date_mismatch" in rules_of(text.replace("23 November", "24 November"), invitation=day)


def test_crlf_nbsp_and_curly_apostrophes_keep_offsets() -> None:
    text = "Yth. Ibu Sari,\r\n\r\nI’m not sure I can make it.\r\nHormat\u00a0saya\r\nRina"
    report = lint_text(text, LintOptions(language="en"))
    hedge = next(f for f in report.findings if f.rule == "hedging")
    assert text[hedge.start : hedge.end] == "I’m not sure I can"
    assert (hedge.line, hedge.column) == (3, 1)
    assert "hormat_saya" in {f.rule for f in lint_text(text, LintOptions(language="id")).findings}
