"""LinkedIn's data export ("Get a copy of your data"), read by file and column name.

The files and their columns, as LinkedIn names them: `Profile.csv` (First Name, Last Name,
Headline, Summary, Industry, Geo Location, Websites), `Positions.csv` (Company Name, Title,
Description, Location, Started On, Finished On), `Education.csv` (School Name, Degree Name,
Start Date, End Date), `Skills.csv` (Name), `Certifications.csv` (Name, Authority),
`Languages.csv` (Name, Proficiency) and `Connections.csv` (First Name, Last Name, URL, Email
Address, Company, Position, Connected On, under a "Notes:" preamble). A file that is missing
is an empty part; an export with none of them is not a LinkedIn export.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sopan.career.archive import Archive
from sopan.career.tables import Table, When, parse_when, read_table
from sopan.errors import UserError

#: every file read, by the column that tells its header row
FILES: dict[str, tuple[str, ...]] = {
    "Profile.csv": ("Headline", "First Name"),
    "Positions.csv": ("Company Name", "Title"),
    "Education.csv": ("School Name",),
    "Skills.csv": ("Name",),
    "Certifications.csv": ("Name", "Authority"),
    "Languages.csv": ("Name", "Proficiency"),
    "Connections.csv": ("First Name", "Last Name"),
}

_URL = re.compile(r"(?:https?://|www\.)[^\s,\[\]\"']+", re.IGNORECASE)


@dataclass(frozen=True)
class Position:
    """A row of Positions.csv."""

    company: str
    title: str
    description: str
    location: str
    started: When | None
    finished: When | None

    @property
    def current(self) -> bool:
        """Held now: it has a start and no end."""
        return self.started is not None and self.finished is None

    def label(self) -> str:
        """ "Title — Company", as the person wrote them."""
        return " — ".join(p for p in (self.title, self.company) if p) or "?"


@dataclass(frozen=True)
class Connection:
    """A row of Connections.csv (many have no e-mail: members choose whether to share it)."""

    first: str
    last: str
    url: str
    email: str
    company: str
    position: str
    connected: When | None

    @property
    def name(self) -> str:
        """First and last name."""
        return " ".join(p for p in (self.first, self.last) if p)


@dataclass(frozen=True)
class Export:
    """What a LinkedIn export says about its member."""

    name: str
    headline: str
    summary: str
    industry: str
    location: str
    websites: tuple[str, ...]
    positions: tuple[Position, ...]
    education: tuple[str, ...]
    skills: tuple[str, ...]
    certifications: tuple[str, ...]
    languages: tuple[str, ...]
    connections: tuple[Connection, ...]
    #: the export's files that were found, by their name in the archive
    files: tuple[str, ...]

    def text(self) -> str:
        """Everything the profile says of the member's work, as one text (for keywords)."""
        parts = [self.headline, self.summary, self.industry]
        for p in self.positions:
            parts += [p.title, p.company, p.description]
        parts += [*self.skills, *self.certifications, *self.education, *self.languages]
        return "\n".join(p for p in parts if p)


def _table(archive: Archive, file: str) -> Table | None:
    member = archive.first(file)
    if member is None:
        return None
    return read_table(archive.read(member), f"{archive.name}:{member}", FILES[file])


def websites(cell: str) -> tuple[str, ...]:
    """The addresses in Profile.csv's Websites cell ("[PORTFOLIO:https://…,OTHER:www.…]")."""
    return tuple(dict.fromkeys(m.rstrip(".);") for m in _URL.findall(cell)))


def read_export(archive: Archive) -> Export:
    """The export in `archive`; one line (exit 2) when it holds none of LinkedIn's files."""
    tables = {file: _table(archive, file) for file in FILES}
    if not any(tables.values()):
        raise UserError("career.not_linkedin", name=archive.name, files=", ".join(FILES))
    profile = tables["Profile.csv"]
    first = next(profile.records(), None) if profile else None

    def field(*names: str) -> str:
        return profile.cell(first, *names) if profile and first is not None else ""

    def names(file: str, *columns: str) -> tuple[str, ...]:
        t = tables[file]
        if t is None:
            return ()
        found = (" · ".join(v for c in columns if (v := t.cell(r, c))) for r in t.records())
        return tuple(dict.fromkeys(v for v in found if v))

    positions: tuple[Position, ...] = ()
    if (t := tables["Positions.csv"]) is not None:
        positions = tuple(
            Position(
                t.cell(r, "Company Name", "Company"),
                t.cell(r, "Title"),
                t.cell(r, "Description"),
                t.cell(r, "Location"),
                parse_when(t.cell(r, "Started On", "Start Date")),
                parse_when(t.cell(r, "Finished On", "End Date")),
            )
            for r in t.records()
        )
    connections: tuple[Connection, ...] = ()
    if (t := tables["Connections.csv"]) is not None:
        connections = tuple(
            Connection(
                t.cell(r, "First Name"),
                t.cell(r, "Last Name"),
                t.cell(r, "URL", "Profile URL"),
                t.cell(r, "Email Address", "Email"),
                t.cell(r, "Company"),
                t.cell(r, "Position"),
                parse_when(t.cell(r, "Connected On")),
            )
            for r in t.records()
        )
    return Export(
        name=" ".join(v for v in (field("First Name"), field("Last Name")) if v),
        headline=field("Headline"),
        summary=field("Summary"),
        industry=field("Industry"),
        location=field("Geo Location", "Location"),
        websites=websites(field("Websites")),
        positions=positions,
        education=names("Education.csv", "School Name", "Degree Name", "Notes"),
        skills=names("Skills.csv", "Name"),
        certifications=names("Certifications.csv", "Name"),
        languages=names("Languages.csv", "Name"),
        connections=connections,
        files=tuple(t.name for t in tables.values() if t is not None),
    )
