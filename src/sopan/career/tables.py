"""CSV files of an export, read by header name, never by position: LinkedIn adds, drops and
reorders columns between exports, writes UTF-8 with or without a byte-order mark, and puts a
"Notes:" paragraph above the header of `Connections.csv`. And the dates in them: "Jan 2024",
"Mei 2024", "12 Jan 2024", "2024", "2024-01-15 10:22:33".
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from sopan.errors import UserError

#: lines looked at for the header row (a preamble is a few lines)
HEADER_WITHIN = 20
#: a CSV cell LinkedIn writes is at most a long summary; the csv module's own default is 128 KB
_FIELD_LIMIT = 1024 * 1024


def decode(data: bytes, name: str) -> str:
    """The text of an export's file: UTF-8 (its BOM dropped), else Windows-1252, the one
    other encoding a spreadsheet saves a CSV in."""
    if b"\x00" in data[:4096]:
        raise UserError("career.not_text", name=name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _key(header: str) -> str:
    return " ".join(header.replace("\ufeff", "").split()).casefold()


@dataclass(frozen=True)
class Table:
    """The rows of one CSV file under its header; cells looked up by column name."""

    name: str
    columns: Mapping[str, int]
    rows: tuple[tuple[str, ...], ...]

    def has(self, *names: str) -> bool:
        """Whether any of the columns `names` is there."""
        return any(_key(n) in self.columns for n in names)

    def cell(self, row: tuple[str, ...], *names: str) -> str:
        """The row's value in the first of the columns `names` the file has, stripped; ""
        when the file has none of them or the row is short."""
        for n in names:
            index = self.columns.get(_key(n))
            if index is not None:
                return row[index].strip() if index < len(row) else ""
        return ""

    def records(self) -> Iterator[tuple[str, ...]]:
        """Every row that is not blank."""
        return (r for r in self.rows if any(c.strip() for c in r))


def read_table(data: bytes, name: str, header: tuple[str, ...]) -> Table:
    """The CSV file `name` whose header row holds any of the columns `header`, found among
    the first lines (what comes before it is a preamble); a file without such a row is one
    line naming the columns looked for."""
    text = decode(data, name)
    csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    wanted = {_key(h) for h in header}
    try:
        for number, row in enumerate(reader):
            keys = [_key(c) for c in row]
            if wanted & set(keys):
                columns = {k: i for i, k in reversed(list(enumerate(keys))) if k}
                return Table(name, columns, tuple(tuple(r) for r in reader))
            if number >= HEADER_WITHIN:
                break
    except csv.Error:
        raise UserError("career.not_csv", name=name) from None
    raise UserError("career.no_header", name=name, columns=", ".join(header))


@dataclass(frozen=True)
class When:
    """A date as an export gives it: a year, a month, a day — each only when written."""

    year: int
    month: int | None = None
    day: int | None = None

    def first(self) -> date:
        """The earliest day it can mean ("2019" → 1 January 2019)."""
        return date(self.year, self.month or 1, self.day or 1)

    def last(self) -> date:
        """The latest day it can mean ("2019" → 31 December 2019)."""
        import calendar

        month = self.month or 12
        return date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def text(self) -> str:
        """As ISO 8601 says as much as is known: "2024", "2024-05", "2024-05-17"."""
        parts = [f"{self.year:04d}", f"{self.month:02d}" if self.month else ""]
        parts.append(f"{self.day:02d}" if self.day and self.month else "")
        return "-".join(p for p in parts if p)


_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_WORDS = re.compile(r"(?:(\d{1,2})\s+)?([^\W\d_]+)\.?,?\s+(\d{4})")
_YEAR = re.compile(r"(\d{4})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")


def parse_when(text: str) -> When | None:
    """A date in an export's words: "Jan 2024", "Mei 2024", "12 Jan 2024", "2024",
    "2024-01-15 10:22:33", "01/15/2024" (month first, as LinkedIn writes it); None for an
    empty cell or what is not a real date."""
    from sopan.read.words import month_map

    value = text.strip()
    if not value or value.casefold() in {"present", "sekarang", "saat ini"}:
        return None
    found: When | None = None
    if m := _ISO.match(value):
        found = When(int(m[1]), int(m[2]), int(m[3]))
    elif m := _SLASH.fullmatch(value.split()[0]):
        found = When(int(m[3]), int(m[1]), int(m[2]))
    elif m := _WORDS.fullmatch(value):
        month = month_map().get(m[2].casefold())
        if month is None:
            return None
        found = When(int(m[3]), month, int(m[1]) if m[1] else None)
    elif m := _YEAR.fullmatch(value):
        found = When(int(m[1]))
    if found is None or not 1900 <= found.year <= 2999:
        return None
    try:
        found.first()
        found.last()
    except ValueError:  # 31 February, month 13
        return None
    return found


def parse_moment(text: str) -> datetime | None:
    """A timestamp such as Shares.csv's "2024-01-15 10:22:33" (UTC, as LinkedIn writes it)."""
    from datetime import UTC

    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        found = parse_when(text)
        return datetime(*found.first().timetuple()[:3], tzinfo=UTC) if found else None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
