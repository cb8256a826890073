"""Text from a photo or a scanned page: Tesseract OCR with its Indonesian and English models,
under budgets of pages, pixels and seconds.

Tesseract runs as a process of its own (through pytesseract), so a page that takes too long
is stopped at the deadline and its memory goes with it; an image's size is read from its
header and checked before a pixel of it is decoded. OCR is optional (`sopan[ocr]`): without
it, or without Tesseract's models, the one line says what to install (the error book's
`ocr.not_installed`, `ocr.no_tesseract`, `ocr.no_model`).
"""

from __future__ import annotations

import io
import os
import time
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from sopan.errors import UserError

if TYPE_CHECKING:
    from PIL.Image import Image

#: Tesseract's models, Indonesian first: the letters and words it expects
MODELS = ("ind", "eng")
#: the longest side Tesseract is given (an A4 page at about 340 dpi): a larger photo is
#: scaled down, which loses no legible letter and bounds the time a page takes
OCR_SIDE = 4000


@dataclass(frozen=True)
class Budget:
    """How much one file may ask of OCR: pages, pixels an image, seconds in all."""

    pages: int = 10
    pixels: int = 50_000_000
    seconds: float = 90.0


#: the budget every file is read under (a phone's 48-megapixel photo fits; 100 does not)
BUDGET = Budget()


@dataclass(frozen=True)
class OcrText:
    """What OCR read: the text, line by line, Tesseract's mean word confidence (0–1) and how
    many words it is the mean of."""

    text: str
    confidence: float
    words: int
    #: the words Tesseract was unsure of (`DOUBT`) that hold a link's or an address's marks
    doubtful: frozenset[str] = frozenset()


#: below this confidence (0–100) a word that is a link or an address may hold a misread
#: character ("teams.microsoft.com/I/…" for "/l/", "glx" for "qlx"): it is not reported
DOUBT = 80.0


class Deadline:
    """The seconds left of a file's OCR budget."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def left(self, origin: str) -> float:
        """Seconds left; one line naming `origin` when none are."""
        left = self._end - time.monotonic()
        if left <= 0:
            raise self.exceeded(origin)
        return left

    def exceeded(self, origin: str) -> UserError:
        """The error of a file whose OCR ran out of time."""
        return UserError("ocr.timeout", file=origin, seconds=f"{self.seconds:g}")


#: the first bytes of each image kind OCR reads (HEIF: an ISO box "ftyp" and a brand)
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"II*\x00", "TIFF"),
    (b"MM\x00*", "TIFF"),
)
_HEIF_BRANDS = (b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1")


def image_kind(data: bytes) -> str | None:
    """ "PNG", "JPEG", "HEIC", "WEBP", "GIF" or "TIFF" when the bytes begin as that image
    does, else None."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    if data[4:8] == b"ftyp" and data[8:12] in _HEIF_BRANDS:
        return "HEIC"
    return None


def check_pixels(width: int, height: int, origin: str, budget: Budget = BUDGET) -> None:
    """One line naming `origin` when an image has more pixels than the budget."""
    if width * height > budget.pixels:
        raise UserError(
            "document.pixels", file=origin, width=str(width), height=str(height),
            megapixels=f"{width * height / 1e6:.0f}", limit=f"{budget.pixels / 1e6:g}",
        )  # fmt: skip


def open_image(data: bytes, origin: str, budget: Budget = BUDGET) -> list[Image]:
    """The pages of an image file (one, or each frame of a TIFF or GIF), checked against
    the budget's pixels and pages before they are decoded."""
    kind = image_kind(data) or "image"
    if kind == "HEIC":
        _heif_opener(origin)
    from PIL import Image as PILImage
    from PIL import ImageSequence

    try:
        with warnings.catch_warnings():  # the size is checked here, against the budget
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            image = PILImage.open(io.BytesIO(data))
        check_pixels(image.width, image.height, origin, budget)
        frames = getattr(image, "n_frames", 1)
        if frames > budget.pages:
            raise UserError(
                "document.image_pages", file=origin, pages=str(frames), limit=str(budget.pages)
            )
        pages = [frame.copy() for frame in ImageSequence.Iterator(image)]
    except UserError:
        raise
    except PILImage.DecompressionBombError:  # so large that Pillow refuses to open it
        refused = 2 * (PILImage.MAX_IMAGE_PIXELS or 0) / 1e6
        raise UserError(
            "document.pixels_over", file=origin, megapixels=f"{refused:.0f}",
            limit=f"{budget.pixels / 1e6:g}",
        ) from None  # fmt: skip
    except Exception as exc:  # a broken or hostile image raises many kinds
        why = " ".join(str(exc).split())[:120] or type(exc).__name__
        raise UserError("document.bad_image", file=origin, kind=kind, why=why) from None
    return pages


def _heif_opener(origin: str) -> None:
    try:
        from pillow_heif import register_heif_opener
    except ImportError:
        raise UserError("ocr.no_heif", file=origin) from None
    register_heif_opener()


def prepared(image: Image) -> Image:
    """The image as Tesseract reads it best: upright (a phone's EXIF turn applied), grey, and
    no larger than OCR_SIDE on its longest side."""
    from PIL import ImageOps

    upright = ImageOps.exif_transpose(image) or image
    grey = upright.convert("L")
    if max(grey.size) > OCR_SIDE:
        grey.thumbnail((OCR_SIDE, OCR_SIDE))
    return grey


def recognise(images: Iterable[Image], origin: str, deadline: Deadline) -> OcrText:
    """The text of the images, one after another, read by Tesseract within the deadline; one
    line naming `origin` when OCR is missing, fails or runs out of time."""
    engine = _engine(origin)
    pages: list[str] = []
    scores: list[float] = []
    doubtful: set[str] = set()
    for image in images:
        data = _run(engine, prepared(image), origin, deadline)
        text, confidences = _lines(data)
        pages.append(text)
        scores += confidences
        doubtful |= _doubtful(data)
    text = "\n\n".join(page for page in pages if page.strip())
    mean = sum(scores) / len(scores) / 100 if scores else 0.0
    return OcrText(text, mean, len(scores), frozenset(doubtful))


def _doubtful(data: dict[str, list[Any]]) -> set[str]:
    """The words of a link or an address ("/", "@", ".") read with a confidence under
    `DOUBT`."""
    out = set()
    for word, conf in zip(data["text"], data["conf"], strict=False):
        word = str(word).strip()
        if word and 0 <= float(conf) < DOUBT and any(c in word for c in "/@."):
            out.add(word)
    return out


def _run(engine: Any, image: Image, origin: str, deadline: Deadline) -> dict[str, list[Any]]:
    # Tesseract's OpenMP threads spin while they wait: on a busy machine one thread reads a
    # page in a quarter of the time (bench/ocr.py); a limit the user set is kept
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        data: dict[str, list[Any]] = engine.image_to_data(
            image,
            lang="+".join(MODELS),
            output_type=engine.Output.DICT,
            timeout=deadline.left(origin),
        )
    except RuntimeError as exc:  # pytesseract's own words when it stops Tesseract
        if "timeout" in str(exc).lower():
            raise deadline.exceeded(origin) from None
        raise _failed(origin, exc) from None
    except (engine.TesseractError, OSError) as exc:
        raise _failed(origin, exc) from None
    return data


def _failed(origin: str, exc: BaseException) -> UserError:
    why = " ".join(str(exc).split())[:120] or type(exc).__name__
    return UserError("ocr.failed", file=origin, why=why)


def _lines(data: dict[str, list[Any]]) -> tuple[str, list[float]]:
    """Tesseract's words put back into lines, with a blank line between its paragraphs, and
    each word's confidence (0–100)."""
    lines: dict[tuple[int, int, int], list[str]] = {}
    confidences: list[float] = []
    for i, word in enumerate(data["text"]):
        if not str(word).strip():
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        lines.setdefault(key, []).append(str(word).strip())
        confidence = float(data["conf"][i])
        if confidence >= 0:
            confidences.append(confidence)
    out: list[str] = []
    paragraph = None
    for (block, par, _line), words in lines.items():
        if paragraph is not None and (block, par) != paragraph:
            out.append("")
        paragraph = (block, par)
        out.append(" ".join(words))
    return "\n".join(out), confidences


def _engine(origin: str) -> Any:
    """pytesseract, once Tesseract and both models are known to be there."""
    engine, problem, lacking = tesseract()
    if problem:
        raise UserError(problem, file=origin, models=" + ".join(lacking))
    return engine


@lru_cache(maxsize=1)
def tesseract() -> tuple[Any, str | None, tuple[str, ...]]:
    """pytesseract when OCR can run; else the error book's code of what it lacks, and the
    models missing."""
    try:
        import pytesseract  # type: ignore[import-untyped]
    except ImportError:
        return None, "ocr.not_installed", ()
    try:
        models = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return None, "ocr.no_tesseract", ()
    lacking = tuple(m for m in MODELS if m not in models)
    if lacking:
        return None, "ocr.no_model", lacking
    return pytesseract, None, ()
