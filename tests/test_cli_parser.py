"""The command line's parser: each command gets its own arguments, errors are one line."""

from __future__ import annotations

import pytest

from sopan.cli import commands, main


def _names() -> list[str]:
    return list(commands()._commands)


@pytest.mark.parametrize("name", _names())
def test_every_command_shows_its_own_help(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([name, "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: sopan {name}")
    assert "--help" in out


def test_the_listing_names_every_command_with_its_line(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for name in _names():
        assert f"\n    {name}" in out, name
    assert "Show what an invitation says" in out


def test_an_unknown_command_or_a_bad_value_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    # in the profile's language (Indonesian by default), naming the flag or argument
    for argv, says in ((["reed", "x"], "sopan: COMMAND: 'reed' bukan salah satu dari read, guide"),
                       (["slots", "--count", "50"],
                        "sopan: --count: '50' bukan bilangan bulat dari 1 sampai 20"),
                       (["show", "seven"], "sopan: INVITATION_ID: 'seven' bukan bilangan bulat"),
                       (["plan", "x.eml", "--intent", "maybe"],
                        "sopan: --intent: 'maybe' bukan salah satu dari decline, cancel, "
                        "reschedule atau online"),
                       (["draft"], "sopan: FILE: perlu diisi"),
                       (["read", "--set"], "sopan: --set: perlu diisi dengan sebuah nilai"),
                       (["read", "x.eml", "--bogus"],
                        "sopan: perintah ini tidak menerima '--bogus'"),
                       (["lint", "x.txt", "--channel", "fax"],
                        "sopan: --channel: 'fax' bukan salah satu dari call, ")):  # fmt: skip
        with pytest.raises(SystemExit) as done:
            main(argv)
        assert done.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and says in err, err


def test_a_fault_in_sopan_is_one_line_and_exit_70(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Broken:
        def run(self, argv: list[str] | None) -> None:
            raise KeyError("missing")

    monkeypatch.delenv("SOPAN_DEBUG", raising=False)
    monkeypatch.setattr("sopan.cli.commands", Broken)
    with pytest.raises(SystemExit) as done:
        main(["read", "x.eml"])
    assert done.value.code == 70
    assert capsys.readouterr().err == "sopan: kesalahan internal: KeyError: 'missing'\n"


def test_sopan_alone_shows_the_commands_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main([])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "commands:" in err
    assert err.rstrip().endswith("sopan: COMMAND: sebutkan perintahnya: daftarnya ada di atas")
