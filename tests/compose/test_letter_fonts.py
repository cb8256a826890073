"""The letter's fonts are sopan's own package data, never the system's."""

from __future__ import annotations

from pathlib import Path

import pytest

import sopan
from sopan.compose import letter
from sopan.errors import ExternalError


def test_the_fonts_are_the_packages_own() -> None:
    fonts = Path(sopan.__file__).parent / "data" / "fonts"
    assert fonts == letter.FONT_DIR
    assert (fonts / "DejaVuSans.ttf").is_file() and (fonts / "DejaVuSans-Bold.ttf").is_file()
    assert (fonts / "LICENSE.txt").read_text("utf-8").count("Bitstream Vera") >= 1
    assert b"DejaVuSans" in letter.pdf_bytes("Hal: Uji\n\nTerima kasih, Désirée.", "id")


def test_a_package_without_its_fonts_says_so_in_one_line(tmp_path: Path) -> None:
    with pytest.raises(ExternalError) as caught:
        letter.pdf_bytes("Terima kasih.", "id", font_dir=tmp_path)
    assert caught.value.code == "compose.fonts_missing"
    assert caught.value.text("id") == f"font DejaVu tidak ada di {tmp_path}: pasang ulang sopan"
