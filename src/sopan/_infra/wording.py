"""Values an error's words are made of that are written the reader's way: an amount
("50,000" in English, "50.000" in Indonesian) and a phrase of the error book ("standard
input", "masukan standar"). The error book writes a parameter with its `text(language)`."""

from __future__ import annotations

from dataclasses import dataclass

#: the thousands and the decimal separator of each language sopan speaks
_SEPARATORS = {"en": (",", "."), "id": (".", ",")}


@dataclass(frozen=True)
class Amount:
    """A number, with an optional unit after it ("10 MB")."""

    value: float
    unit: str = ""

    def text(self, language: str) -> str:
        """`value` with the language's separators ("1,000,000" / "1.000.000", "0.5" / "0,5")."""
        thousands, decimal = _SEPARATORS.get(language, _SEPARATORS["en"])
        written = f"{self.value:,.0f}" if float(self.value).is_integer() else f"{self.value:,g}"
        swaps: dict[str, str | int | None] = {",": thousands, ".": decimal}
        swapped = written.translate(str.maketrans(swaps))
        return f"{swapped} {self.unit}" if self.unit else swapped

    def __str__(self) -> str:
        return self.text("en")


@dataclass(frozen=True)
class Phrase:
    """A phrase of the error book by its key (`phrase.standard_input`)."""

    key: str

    def text(self, language: str) -> str:
        """The phrase in `language`."""
        from sopan.language.messages import book

        return book(language)[self.key]

    def __str__(self) -> str:
        return self.text("en")


def megabytes(size: int) -> Amount:
    """A size in bytes as "10 MB" (or "100 bytes" under a megabyte)."""
    mega = size / (1024 * 1024)
    return Amount(mega, "MB") if mega >= 1 else Amount(size, "bytes")
