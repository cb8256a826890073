"""OCR benchmark: the fields read from invitations as photos and scans, against the same
letters read as text; seconds a page; pytesseract against tesserocr.

The letters are the project's own (tests/scans.py), rendered here as a screenshot, phone
photos (JPEG, HEIC; turned, soft, uneven light), scanned PDFs and a PDF with a text layer,
and harder: small type, a steeper turn, a heavily compressed JPEG.

Run: python bench/ocr.py   (Tesseract with its ind and eng models, and the `ocr` extra)
"""

from __future__ import annotations

import difflib
import os
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parent.parent
# In place of this folder, whose calendar.py would hide the standard library module.
sys.path[0:1] = [str(ROOT / "src"), str(ROOT / "tests")]

from scans import (  # noqa: E402
    LETTERS,
    encoded,
    photographed,
    render,
    scanned_pdf,
    text_pdf,
)

from sopan.errors import UserError  # noqa: E402
from sopan.model import Invitation  # noqa: E402
from sopan.read import read_bytes, read_text  # noqa: E402

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=ZoneInfo("Asia/Jakarta"))
FIELDS = ("day", "time", "company", "position")

FORMS: dict[str, Callable[[str], bytes]] = {
    "screenshot PNG": lambda t: encoded(render(t), "PNG"),
    "photo JPEG q70": lambda t: encoded(photographed(render(t)), "JPEG", 70),
    "photo HEIC": lambda t: encoded(photographed(render(t), angle=-0.8), "HEIF"),
    "scanned PDF": lambda t: scanned_pdf([render(t)]),
    "photographed scan PDF": lambda t: scanned_pdf([photographed(render(t))]),
    "PDF text layer": lambda t: text_pdf([t]),
    "hard: small type 18 px": lambda t: encoded(photographed(render(t, size=18)), "JPEG", 70),
    "hard: turned 3°": lambda t: encoded(photographed(render(t), angle=3.0), "JPEG", 70),
    "hard: JPEG q25": lambda t: encoded(photographed(render(t)), "JPEG", 25),
}


def _value(inv: Invitation, field: str) -> str | None:
    if field == "day":
        return inv.day.isoformat() if inv.day else None
    if field == "time":
        return inv.time_of_day.strftime("%H:%M") if inv.time_of_day else None
    value: str | None = getattr(inv, field)
    return value


def _right(inv: Invitation | None, field: str, want: str) -> bool:
    got = _value(inv, field) if inv else None
    if got is None:
        return False
    return want.lower() in got.lower() if field in ("company", "position") else got == want


def fields_table() -> None:
    """Per form: fields right of all, by field and by language, and seconds a file."""
    print(f"Fields on {len(LETTERS)} letters ({', '.join(FIELDS)}), strict")
    print(f"{'form':24} {'right':>7} {'id':>6} {'en':>6}  " + " ".join(f"{f:>8}" for f in FIELDS)
          + "   s/file")  # fmt: skip
    for form in ["pasted text", *FORMS]:
        right = {f: 0 for f in FIELDS}
        by_lang = {"id": [0, 0], "en": [0, 0]}
        seconds = 0.0
        for letter in LETTERS.values():
            data = FORMS[form](letter.text) if form in FORMS else b""  # made before the clock
            start = time.perf_counter()
            inv = read_text(letter.text, now=NOW) if form not in FORMS else _read(data, form)
            seconds += time.perf_counter() - start
            for field in FIELDS:
                ok = _right(inv, field, letter.expected[field])
                right[field] += ok
                by_lang[letter.language][0] += ok
                by_lang[letter.language][1] += 1
        total = sum(right.values())
        per_field = " ".join(f"{right[f]:>4}/{len(LETTERS):<3}" for f in FIELDS)
        langs = " ".join(f"{r:>3}/{n:<2}" for r, n in by_lang.values())
        print(f"{form:24} {total:>3}/{len(LETTERS) * len(FIELDS):<3} {langs}  {per_field}"
              f"   {seconds / len(LETTERS):6.2f}")  # fmt: skip


def _read(data: bytes, form: str) -> Invitation | None:
    try:
        return read_bytes(data, now=NOW, origin=form)
    except UserError as exc:
        print(f"  {form}: {exc}")
        return None


def backends() -> None:
    """pytesseract (Tesseract as a process) against tesserocr (the library in-process): how
    close each one's text is to the letter, and seconds a page, on the same images."""
    from sopan.read.ocr import prepared

    letters = LETTERS.values()
    pages = [(letter.text, prepared(photographed(render(letter.text)))) for letter in letters]
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    import pytesseract  # type: ignore[import-untyped]

    def with_pytesseract(image: object) -> str:
        return str(pytesseract.image_to_string(image, lang="ind+eng"))

    engines: list[tuple[str, Callable[[object], str]]] = [("pytesseract", with_pytesseract)]
    try:
        import tesserocr  # type: ignore[import-not-found]

        api = tesserocr.PyTessBaseAPI(path=_tessdata(), lang="ind+eng")

        def with_tesserocr(image: object) -> str:
            api.SetImage(image)
            return str(api.GetUTF8Text())

        engines.append((f"tesserocr ({tesserocr.tesseract_version().split()[1]})", with_tesserocr))
    except ImportError:
        print("\ntesserocr not installed (pip install tesserocr to compare)")
    print("\nOCR engines on the photographed letters (text similarity to the letter, 1 = same;")
    print("seconds a page, the engines taking turns page by page, three rounds)")
    similarity: dict[str, list[float]] = {name: [] for name, _ in engines}
    seconds: dict[str, list[float]] = {name: [] for name, _ in engines}
    for _round in range(3):
        for truth, image in pages:
            for name, engine in engines:
                start = time.perf_counter()
                text = engine(image)
                seconds[name].append(time.perf_counter() - start)
                similarity[name].append(_similar(truth, text))
    for name, _ in engines:
        mean = sum(similarity[name]) / len(similarity[name])
        median = sorted(seconds[name])[len(seconds[name]) // 2]
        print(f"{name:28} similarity {mean:.3f}   median {median:.2f} s/page")


def _similar(truth: str, text: str) -> float:
    return difflib.SequenceMatcher(None, " ".join(truth.split()), " ".join(text.split())).ratio()


def _tessdata() -> str:
    for folder in ("/usr/share/tesseract-ocr/5/tessdata", "/usr/share/tesseract-ocr/4.00/tessdata"):
        if Path(folder).is_dir():
            return folder
    return ""


if __name__ == "__main__":
    fields_table()
    backends()
