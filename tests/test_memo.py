"""`sopan._infra.memo.DiskMemo`: answers kept across processes, never a changed answer."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sopan._infra.memo import DiskMemo, digest


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    return tmp_path / "sopan" / "words"


def test_what_one_process_keeps_the_next_reads(cache: Path) -> None:
    first = DiskMemo("words", lambda: "v1")
    assert first.get(("known", "id", "jadwal")) is None
    first.put(("known", "id", "jadwal"), True)
    first.save()
    saved = cache / "v1.marshal"
    assert saved.stat().st_mode & 0o777 == 0o600
    assert DiskMemo("words", lambda: "v1").get(("known", "id", "jadwal")) is True
    assert DiskMemo("words", lambda: "v2").get(("known", "id", "jadwal")) is None


def test_two_processes_entries_are_merged(cache: Path) -> None:
    one, two = DiskMemo("words", lambda: "v"), DiskMemo("words", lambda: "v")
    one.put("a", 1)
    two.put("b", 2)
    one.save()
    two.save()
    assert DiskMemo("words", lambda: "v").entries() == {"a": 1, "b": 2}


def test_past_its_size_it_starts_again_from_this_process(cache: Path) -> None:
    old = DiskMemo("words", lambda: "v")
    for n in range(5):
        old.put(n, n)
    old.save()
    new = DiskMemo("words", lambda: "v", most=3)
    new.put("x", 1)
    new.save()
    assert DiskMemo("words", lambda: "v").entries() == {"x": 1}


def test_a_damaged_file_is_an_empty_memo(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "v.marshal").write_bytes(b"\x00\x01 not marshal")
    memo = DiskMemo("words", lambda: "v")
    assert memo.get("a") is None
    memo.put("a", 1)
    memo.save()
    assert DiskMemo("words", lambda: "v").get("a") == 1


def test_the_digest_is_blake2b_128() -> None:
    import hashlib

    assert digest("sopan") == hashlib.blake2b(b"sopan", digest_size=16).hexdigest()


_LINT = """
import json, sys
from sopan import app
from sopan.lint import spelling
from sopan.model import LintOptions
spelling.use_backend(sys.argv[2])
report = app.lint_for(app.LintRequest(text=sys.argv[1], options=LintOptions(language="id")))
print(json.dumps([[f.rule, f.message] for f in report.findings]))
print("hunspell" in sys.modules or "spylls" in sys.modules)
"""


@pytest.mark.parametrize("backend", ["hunspell", "spylls"])
def test_a_reply_checked_before_is_spelt_without_loading_a_dictionary(
    tmp_path: Path, backend: str
) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    reply = "Yth. Ibu Sari,\n\nMohon maaf, saya tidak dapat hadir pada jadwal wawancra itu.\n"

    def lint() -> tuple[list[list[str]], bool]:
        done = subprocess.run([sys.executable, "-c", _LINT, reply, backend], env=env,
                              capture_output=True, text=True, timeout=120, check=True)  # fmt: skip
        found, loaded = done.stdout.strip().splitlines()
        return json.loads(found), loaded == "True"

    first, loaded_first = lint()
    second, loaded_second = lint()
    assert loaded_first and not loaded_second
    assert first == second  # the same findings, the misspelling and its suggestion included
    assert any("wawancra" in message for _, message in first)
    assert list((tmp_path / "sopan" / "spelling").glob("*.marshal"))


def test_past_its_size_nothing_more_is_kept(cache: Path) -> None:
    memo = DiskMemo("words", lambda: "v", most=100)
    for n in range(10_000):  # a hostile text: every word new
        memo.put(n, True)
    assert len(memo.entries()) == 100
    memo.save()
    assert len(DiskMemo("words", lambda: "v").entries()) == 100


def test_a_file_too_large_to_be_ours_is_not_read(cache: Path) -> None:
    from sopan._infra import memo

    cache.mkdir(parents=True)
    (cache / "v.marshal").write_bytes(b"\x00" * (memo.MAX_FILE + 1))
    assert DiskMemo("words", lambda: "v").entries() == {}


def test_a_long_word_is_spelt_but_never_kept() -> None:
    from sopan.lint import spelling

    long_word = "wawancara" * 20
    assert not spelling.is_known(long_word, "id")
    assert all(len(key[2]) <= 40 for key in spelling.MEMO._used if isinstance(key, tuple))
