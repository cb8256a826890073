"""The parsed books are kept in the cache folder, private, and used instead of the YAML
parser; a damaged or stale cache only costs the parse."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

from conftest import SRC

PROBE = (
    "import sys; from sopan.data import load_yaml; "
    "words = load_yaml('read_words.yaml'); "
    "print('yaml' in sys.modules, len(words['months']))"
)


def _run(cache: Path) -> list[str]:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "PYTHONPATH": str(SRC)}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    return done.stdout.split()


def test_a_second_process_reads_the_cache_without_the_yaml_parser(tmp_path: Path) -> None:
    first = _run(tmp_path)
    assert first == ["True", "12"]  # parsed, then saved
    saved = list((tmp_path / "sopan" / "data").glob("*.marshal"))
    assert len(saved) == 1
    assert stat.S_IMODE(saved[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(saved[0].parent.stat().st_mode) == 0o700
    assert _run(tmp_path) == ["False", "12"]  # from the cache: yaml never imported


def test_a_damaged_cache_is_parsed_again(tmp_path: Path) -> None:
    _run(tmp_path)
    (saved,) = (tmp_path / "sopan" / "data").glob("*.marshal")
    saved.write_bytes(b"\x00garbage")
    assert _run(tmp_path) == ["True", "12"]


def test_an_unwritable_cache_folder_only_costs_the_parse(tmp_path: Path) -> None:
    (tmp_path / "sopan").write_text("a file where the folder should be")
    assert _run(tmp_path) == ["True", "12"]


def test_callers_get_their_own_copy() -> None:
    from sopan.data import load_yaml

    first = load_yaml("read_words.yaml")
    first["months"].clear()
    assert load_yaml("read_words.yaml")["months"]


def test_the_key_follows_the_text(tmp_path: Path, monkeypatch) -> None:
    import sopan.data as data

    monkeypatch.setattr(data, "_cache_folder", lambda: tmp_path)
    assert data.parsed("a: 1\n", "yaml", data._safe_load) == {"a": 1}
    assert data.parsed("a: 2\n", "yaml", data._safe_load) == {"a": 2}
    assert len(list(tmp_path.glob("*.marshal"))) == 2
