"""`sopan._infra.rx`: patterns compiled once per machine are the patterns `re.compile` makes."""

from __future__ import annotations

import marshal
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sopan._infra import rx

ROOT = Path(__file__).resolve().parent.parent

CASES: list[tuple[str | bytes, int, str | bytes]] = [
    (r"(?P<d>\d{1,2})[./-](?P<m>\d{1,2})", 0, "on 23/11 or 4.5"),
    (r"(?<![\w])(?:senin|selasa|rabu)(?![\w])", re.IGNORECASE, "Hari SELASA, bukan selasar"),
    (r"(\w+) \1", 0, "the the cat cat"),
    (
        r"""(?x) ^ \s* (?P<label> [a-z]+ ) \s* : # a label
         \s* (?P<value> .+ ) $""",
        re.MULTILINE,
        "date: 12\nTime : 10.00",
    ),
    (r"a.c", re.DOTALL, "a\nc abc"),
    (r"(?i:wib)|UTC", 0, "10.00 Wib, 03.00 UTC, utc"),
    (rb"boundary\s*=\s*\"([^\"]+)\"", re.IGNORECASE, b'Content-Type: x; BOUNDARY = "b1"'),
    (r"[à-ÿ]+\b", re.UNICODE, "café naïve"),
]


def _same(a: re.Pattern[str] | re.Pattern[bytes], b: re.Pattern[str] | re.Pattern[bytes]) -> None:
    assert a == b
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (
        b.pattern,
        b.flags,
        b.groups,
        b.groupindex,
    )


@pytest.mark.parametrize(("pattern", "flags", "text"), CASES)
def test_equals_re_compile_and_matches_alike(pattern: str, flags: int, text: str) -> None:
    ours, theirs = rx.compile(pattern, flags), re.compile(pattern, flags)
    _same(ours, theirs)
    assert [m.span() for m in ours.finditer(text)] == [m.span() for m in theirs.finditer(text)]
    assert [m.groupdict() for m in ours.finditer(text)] == [
        m.groupdict() for m in theirs.finditer(text)
    ]
    assert rx.compile(pattern, flags) == theirs  # the second time from this process's entries


def test_an_invalid_pattern_raises_as_re_does() -> None:
    with pytest.raises(re.error):
        rx.compile(r"(unclosed")


def _run(code: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    return subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )


def _file(cache: Path) -> Path:
    (found,) = (cache / "sopan" / "patterns").glob("*.marshal")
    return found


def test_a_second_process_builds_from_the_cache_without_the_compiler(tmp_path: Path) -> None:
    first = _run("from sopan._infra import rx; rx.compile(r'(?P<w>sen\\w+)|rabu', 2)", tmp_path)
    assert first.returncode == 0, first.stderr
    saved = _file(tmp_path)
    assert saved.stat().st_mode & 0o777 == 0o600
    # the second process may not parse: once the cache is read, re's parser is made to fail
    second = _run(
        "from sopan._infra import rx\n"
        "rx.MEMO.entries()\n"
        "import re._parser as p\n"
        "def no(*a, **k): raise AssertionError('parsed again')\n"
        "p.parse = no\n"
        "got = rx.compile(r'(?P<w>sen\\w+)|rabu', 2)\n"
        "assert got.match('Senin').group('w') == 'Senin'\n",
        tmp_path,
    )
    assert second.returncode == 0, second.stderr


def test_a_damaged_cache_costs_only_the_compile(tmp_path: Path) -> None:
    _run("from sopan._infra import rx; rx.compile('x+y')", tmp_path)
    saved = _file(tmp_path)
    saved.write_bytes(b"\x00not marshal")
    again = _run("from sopan._infra import rx; assert rx.compile('x+y').fullmatch('xxy')", tmp_path)
    assert again.returncode == 0, again.stderr
    assert ("x+y", 0) in marshal.loads(saved.read_bytes())


def test_a_wrong_entry_falls_back_to_re(tmp_path: Path) -> None:
    _run("from sopan._infra import rx; rx.compile('ab+')", tmp_path)
    saved = _file(tmp_path)
    entries = marshal.loads(saved.read_bytes())
    entries[("ab+", 0)] = (0, [999, 999], 0, {}, ())  # code the engine refuses
    saved.write_bytes(marshal.dumps(entries))
    check = "from sopan._infra import rx; assert rx.compile('ab+').fullmatch('abbb')"
    again = _run(check, tmp_path)
    assert again.returncode == 0, again.stderr


def test_every_pattern_of_a_read_and_a_lint_equals_re_compile(tmp_path: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    example = ROOT / "examples" / "undangan_wawancara_id.eml"
    reply = tmp_path / "reply.txt"
    reply.write_text(
        "Yth. Ibu Sari,\n\nMohon maaf, saya tidak dapat hadir.\n\nHormat saya,\nRina\n"
    )
    for args in (["read", str(example), "--json"], ["lint", str(reply), "--lang", "id"]):
        done = subprocess.run(
            [sys.executable, "-m", "sopan", *args], env=env, capture_output=True, timeout=120
        )
        assert done.returncode in (0, 1), done.stderr
    entries = marshal.loads(_file(tmp_path).read_bytes())
    assert len(entries) > 100
    import _sre  # type: ignore[import-not-found]

    for (pattern, flags), entry in entries.items():
        _same(_sre.compile(pattern, *entry), re.compile(pattern, flags))


def test_other_re_internals_fall_back_to_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    def changed(pattern: str, flags: int) -> None:
        raise AttributeError("re._compiler has no _code here")

    monkeypatch.setattr(rx, "_build", changed)
    got = rx.compile(r"(?P<h>\d{1,2})[.:](?P<m>\d\d) WIB-only-here", re.IGNORECASE)
    assert got == re.compile(r"(?P<h>\d{1,2})[.:](?P<m>\d\d) WIB-only-here", re.IGNORECASE)
    assert ("(?P<h>\\d{1,2})[.:](?P<m>\\d\\d) WIB-only-here", 2) not in rx.MEMO.entries()
