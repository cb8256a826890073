"""The centre's letterhead on the letters a student downloads: set by an admin (a name,
address lines, a logo), kept in the database (`store.centre`), and printed at the top of every
page of the PDF and in the header of the DOCX (`compose.letter.Letterhead`).

A logo is taken only when its bytes are a PNG or a JPEG (whatever its file name or the type
the browser claims), within LOGO_BYTES and LOGO_PIXELS, and decodes whole: an image that is
not what it says, or a decompression bomb, is refused naming the field."""

from __future__ import annotations

import io
import warnings

from sopan._infra.wording import Amount
from sopan.compose.letter import Letterhead
from sopan.config.hosted import CentreSettings
from sopan.errors import UserError
from sopan.store.people import People

#: the largest logo taken, in bytes and in pixels
LOGO_BYTES = 1024 * 1024
LOGO_SIDE = 2000
LOGO_PIXELS = LOGO_SIDE * LOGO_SIDE
#: the longest name and address line, and the most address lines
NAME_CHARS, LINE_CHARS, MOST_LINES = 120, 120, 4
KINDS = ("PNG", "JPEG")


def checked_logo(data: bytes) -> str:
    """The logo's kind ("PNG" or "JPEG") once its bytes are one, small enough, and decode;
    else one line naming the field `logo`."""
    from sopan.read.ocr import image_kind

    if len(data) > LOGO_BYTES:
        raise UserError("letterhead.logo_too_big", field="logo", limit=logo_bytes_text())
    kind = image_kind(data)
    if kind not in KINDS:
        raise UserError("letterhead.logo_kind", field="logo")
    try:
        from PIL import Image
    except ImportError:  # pragma: no cover - the hosted extra brings Pillow
        raise UserError("hosted.needs_extra") from None
    try:
        with warnings.catch_warnings():  # the size is checked here, before decoding
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            if image.format != kind:
                raise UserError("letterhead.logo_kind", field="logo")
            if image.width * image.height > LOGO_PIXELS:
                raise UserError("letterhead.logo_pixels", field="logo", width=str(image.width),
                                height=str(image.height), limit=logo_pixels_text())  # fmt: skip
            image.load()  # a truncated or broken image fails here, not in a student's letter
    except UserError:
        raise
    except Exception:  # a broken or hostile image raises many kinds
        raise UserError("letterhead.logo_broken", field="logo", kind=kind) from None
    return kind


def logo_pixels_text() -> str:
    """'2000×2000': the most pixels a logo may have, as the pages say it."""
    return f"{LOGO_SIDE}×{LOGO_SIDE}"


def logo_bytes_text() -> Amount:
    """The most bytes a logo may have ('1 MB')."""
    from sopan._infra.wording import megabytes

    return megabytes(LOGO_BYTES)


def checked_text(name: str, address: str) -> tuple[str, tuple[str, ...]]:
    """The letterhead's name and address lines as an admin typed them: the name given and
    short enough, at most MOST_LINES lines of at most LINE_CHARS characters."""
    name = " ".join(name.split())
    if not name:
        raise UserError("parse.empty", field="letterhead_name")
    if len(name) > NAME_CHARS:
        raise UserError("parse.too_long", field="letterhead_name", value=name[:40] + "…",
                        limit=NAME_CHARS)  # fmt: skip
    lines = tuple(" ".join(line.split()) for line in address.splitlines() if line.strip())
    if len(lines) > MOST_LINES:
        raise UserError("letterhead.too_many_lines", field="address", limit=MOST_LINES)
    for line in lines:
        if len(line) > LINE_CHARS:
            raise UserError("parse.too_long", field="address", value=line[:40] + "…",
                            limit=LINE_CHARS)  # fmt: skip
    return name, lines


def letterhead_of(store: People, centre: CentreSettings | None) -> Letterhead | None:
    """The letterhead of the centre's letters: the one an admin set, else the name and the
    address of `[centre]` in the config (no logo), else none."""
    kept = store.letterhead()
    if kept is not None and kept.name:
        return Letterhead(kept.name, kept.lines, kept.logo)
    if centre is not None and centre.name:
        return Letterhead(centre.name, (centre.address,) if centre.address else ())
    return None
