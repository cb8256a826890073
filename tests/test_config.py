"""The settings file read once into typed tables: one rule for mail servers, the calendar's
days and times written as people write them, and every error naming the file, the line and
the key."""

from __future__ import annotations

from pathlib import Path

import pytest

from sopan.cli.base import error_line
from sopan.config import load_config
from sopan.errors import UserError

PROFILE = '[profile]\nname = "Rina"\nlanguage = "id"\n'


def _config(tmp_path: Path, text: str):  # type: ignore[no-untyped-def]
    path = tmp_path / "config.toml"
    path.write_text(PROFILE + text, "utf-8")
    return load_config(path)


def _error(tmp_path: Path, text: str, table: str) -> UserError:
    config = _config(tmp_path, text)
    with pytest.raises(UserError) as caught:
        getattr(config, table)
    return caught.value


def test_the_mail_servers_share_one_rule(tmp_path: Path) -> None:
    config = _config(
        tmp_path,
        '[smtp]\nhost = "smtp.example.com"\nusername = "rina@example.com"\n\n'
        '[imap]\nhost = "imap.example.com"\nusername = "rina@example.com"\nport = 10993\n',
    )
    assert (config.smtp.port, config.smtp.security, config.smtp.timeout) == (587, "starttls", 30)
    assert config.imap is not None
    assert (config.imap.port, config.imap.security) == (10993, "tls")
    assert config.imap.account == "rina@example.com@imap.example.com:10993"
    assert _config(tmp_path, "").imap is None


@pytest.mark.parametrize(
    ("text", "line", "key", "code"),
    [
        ('[smtp]\nhost = "smtp.example.com"\nport = "lima"\n', 6, "[smtp] port", "not_a_number"),
        ('[smtp]\nhost = "mail.example.com"\nsecurity = "none"\n', 6, "[smtp] security",
         "plain_not_loopback"),
        ('[smtp]\nhost = "mail.example.com"\nsecurity = "ssl"\n', 6, "[smtp] security",
         "not_one_of"),
        ('[smtp]\nport = 25\n', 4, "[smtp]", "no_host"),
        ('[smtp]\nhost = "m.example.com"\ntimeout = 0\n', 6, "[smtp] timeout", "not_a_number"),
    ],
)  # fmt: skip
def test_a_bad_server_table_names_the_file_the_line_and_the_key(
    tmp_path: Path, text: str, line: int, key: str, code: str
) -> None:
    error = _error(tmp_path, text, "smtp")
    assert error.code == f"config.{code}"
    printed = error_line(error, "id")
    assert printed.startswith(f"sopan: {tmp_path / 'config.toml'}:{line}: {key}: "), printed
    assert "\n" not in printed


def test_the_calendar_table_takes_days_and_times_as_people_write_them(tmp_path: Path) -> None:
    from datetime import time, timedelta

    config = _config(
        tmp_path,
        '[calendar]\nworking_hours = { "senin-kamis" = "08.00-16.00", jumat = "08.00-11.30" }\n'
        'blocked = ["senin-jumat 12.00-13.00 makan siang"]\nmin_notice = "2 hari"\n',
    )
    prefs = config.calendar.prefs
    assert prefs.working_hours[0] == (time(8), time(16)) and prefs.working_hours[4][1] == time(
        11, 30
    )
    assert [(b.start, b.label) for b in prefs.blocked] == [(time(12), "makan siang")]
    assert prefs.min_notice == timedelta(days=2)
    assert config.calendar is config.calendar  # checked once, then kept


def test_a_bad_calendar_value_names_its_line(tmp_path: Path) -> None:
    error = _error(tmp_path, '[calendar]\nblocked = ["funday 09.00-10.00"]\n', "calendar")
    assert error.field == "config.calendar.blocked"
    assert error_line(error, "en").startswith(
        f"sopan: {tmp_path / 'config.toml'}:5: [calendar] blocked: 'funday' is not a list of"
    )


def test_no_password_in_the_file_nor_in_the_store_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOPAN_DATABASE_URL", raising=False)
    path = tmp_path / "config.toml"
    path.write_text(PROFILE + '[smtp]\nhost = "h"\npassword = "rahasia"\n', "utf-8")
    with pytest.raises(UserError) as caught:
        load_config(path)
    assert caught.value.code == "config.password" and "rahasia" not in error_line(
        caught.value, "id"
    )
    error = _error(tmp_path, '[store]\nurl = "postgresql://u:rahasia@db/sopan"\n', "store_url")
    assert error.code == "config.url_password" and "rahasia" not in error_line(error, "en")
    assert _config(tmp_path, '[store]\nurl = "postgresql://u@db/sopan"\n').store_url == (
        "postgresql://u@db/sopan"
    )
