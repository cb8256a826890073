"""One language detector in the code base (sopan/language/detect.py, over
data/languages/<code>/detect.yaml), used by the reader and the linter alike; short chats are told
by the words chats use, "interview" and the other words both languages write count for neither."""

from __future__ import annotations

import ast
import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from sopan.language.detect import detect
from sopan.lint.text import detect_language
from sopan.read import read_text

SRC = Path(__file__).resolve().parents[2] / "src" / "sopan"
DETECTOR = SRC / "language" / "detect.py"
_NAMED_AS_DETECTOR = re.compile(
    r"(?:detect|guess|which).*lang|lang\w*_of\b|is_(?:indonesian|english)"
)
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))


def _functions(path: Path) -> list[ast.FunctionDef]:
    tree = ast.parse(path.read_text("utf-8"))
    return [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]


def test_only_the_detector_reads_a_word_list_to_tell_languages() -> None:
    readers = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if "detect.yaml" in p.read_text("utf-8") and p != DETECTOR
    ]
    assert readers == []
    lists = sorted(p.relative_to(SRC / "data").as_posix() for p in (SRC / "data").rglob("*.yaml")
                   if p.name in ("detect.yaml", "language.yaml"))  # fmt: skip
    assert lists == ["languages/en/detect.yaml", "languages/id/detect.yaml"]


def test_every_function_that_tells_a_language_asks_the_one_detector() -> None:
    others = {}
    for path in SRC.rglob("*.py"):
        if path == DETECTOR:
            continue
        text = path.read_text("utf-8")
        for fn in _functions(path):
            if _NAMED_AS_DETECTOR.search(fn.name.lower()):
                body = ast.get_source_segment(text, fn) or ""
                if "language.detect" not in body and "detect(" not in body:
                    others[f"{path.relative_to(SRC)}:{fn.name}"] = fn.lineno
    assert others == {}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Indonesian chats: a few words, the interview word shared
        ("Interview besok jam 10", "id"),
        ("interview bsk pk 9 ya kak", "id"),
        ("Kak, interview nya diundur ya jadi jam 2", "id"),
        ("Meeting HR jam 3 sore", "id"),
        ("Wawancara online via zoom", "id"),
        ("Halo kak, lolos ke tahap interview. Bisa hadir hari Senin?", "id"),
        ("Link gmeet nya nanti dikirim ya", "id"),
        ("Jgn lupa bawa CV", "id"),
        ("Interview user hari Sabtu jam 1 siang", "id"),
        ("Besok interview online jam 9 pagi ya kak", "id"),
        # English chats, as short
        ("Interview tomorrow at 10", "en"),
        ("Interview tmrw 10am, pls confirm", "en"),
        ("Can you do a phone interview on Friday?", "en"),
        ("See you at the interview tomorrow", "en"),
        ("Zoom link will be sent before the interview", "en"),
        ("Hi Maya, are you free for a call at 3pm?", "en"),
        # nothing tells: the first language sopan speaks
        ("Zoom interview", "id"),
        ("Interview", "id"),
    ],
)
def test_a_short_chat_is_told_by_its_words(text: str, language: str) -> None:
    assert detect(text) == language
    # the reader and the linter ask the same detector
    assert detect_language(text) == language
    assert read_text(text, now=NOW).language == language
