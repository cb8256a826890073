import tomllib
from pathlib import Path


def test_init_with_flags_writes_profile(run_cli, tmp_path: Path) -> None:
    result = run_cli(
        "init",
        "--name",
        "Budi Santoso",
        "--email",
        "budi@example.com",
        "--phone",
        "0812 1111 2222",
        "--city",
        "Surabaya",
        "--lang",
        "en",
    )
    assert result.returncode == 0, result.stderr
    data = tomllib.loads((tmp_path / "config" / "config.toml").read_text("utf-8"))
    assert data["profile"]["name"] == "Budi Santoso"
    assert data["profile"]["language"] == "en"
    assert data["profile"]["city"] == "Surabaya"
    assert data["profile"]["timezone"] == "Asia/Jakarta"


def test_init_keeps_other_sections(run_cli, tmp_path: Path) -> None:
    cfg = tmp_path / "config" / "config.toml"
    cfg.parent.mkdir()
    cfg.write_text('[profile]\nname = "Old"\n\n[calendar]\nsources = ["a.ics"]\n', "utf-8")
    assert run_cli("init", "--name", "New Name").returncode == 0
    data = tomllib.loads(cfg.read_text("utf-8"))
    assert data["profile"]["name"] == "New Name"
    assert data["calendar"]["sources"] == ["a.ics"]


def test_init_without_name_is_a_clear_error(run_cli) -> None:
    result = run_cli("init", "--email", "x@example.com")
    assert result.returncode == 2
    assert result.stderr == "sopan: --name: nama lengkap perlu diisi\n"
    assert "Traceback" not in result.stderr


def test_init_rejects_unknown_time_zone(run_cli) -> None:
    result = run_cli("init", "--name", "A B", "--timezone", "Mars/Olympus")
    assert result.returncode == 2
    assert "Mars/Olympus" in result.stderr


def test_config_with_unknown_time_zone_is_one_line(run_cli, tmp_path: Path) -> None:
    # The same check as init's, where the profile is read: not a traceback in a later stage.
    cfg = tmp_path / "config" / "config.toml"
    cfg.parent.mkdir()
    cfg.write_text('[profile]\nname = "A B"\ntimezone = "Mars/Olympus"\n', "utf-8")
    result = run_cli("busy", "--calendar", "none.ics")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"sopan: {cfg}: [profile] timezone: 'Mars/Olympus' bukan zona waktu (nama IANA seperti "
        "Asia/Jakarta)"
    )


def test_password_in_config_is_refused(tmp_path: Path) -> None:
    import pytest

    from sopan.config import load_config
    from sopan.errors import UserError

    cfg = tmp_path / "c.toml"
    cfg.write_text('[profile]\nname = "A"\n[caldav]\npassword = "hunter2"\n', "utf-8")
    with pytest.raises(UserError, match="password"):
        load_config(cfg)


def test_example_profile_when_no_config(tmp_path: Path) -> None:
    from sopan.config import load_config

    config = load_config(tmp_path / "absent.toml")
    assert config.is_example
    assert config.profile.name
