"""After the reply (R9–R10): the person's LinkedIn profile, their public posts, vacancy
watches, skills to learn and their network — with their own data, on their machine.

Each use case takes one request and returns one result; the CLI prints it, the web renders
it. An export is a path (read in place) or an `Upload` (bytes held in memory, from the web):
nothing is unpacked to disk, and the store keeps only what the person asked to keep (a
watch, `keep=True`, a to-do).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sopan.app.base import config_of
from sopan.errors import UserError

if TYPE_CHECKING:
    from sopan.career.archive import Archive
    from sopan.career.linkedin import Connection, Export
    from sopan.career.network import Recruiter, Reminder
    from sopan.career.posting import Posting
    from sopan.career.profile import Finding
    from sopan.career.scan import Flagged
    from sopan.career.terms import Keyword
    from sopan.config import Config
    from sopan.store import Store
    from sopan.store.career import CareerStore

#: the most a posting given with --target may be
MAX_TARGET_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class Upload:
    """A file sent to the web app: its name and its bytes, held in memory only."""

    name: str
    data: bytes


#: an export or a posting: a path (read in place) or an upload (held in memory)
Given = Path | Upload


def _archive(given: Given) -> Archive:
    from sopan.career.archive import open_archive, open_upload

    if isinstance(given, Upload):
        return open_upload(given.data, given.name)
    return open_archive(given.expanduser())


def export_of(given: Given) -> Export:
    """The LinkedIn export in `given`, read in place or from memory."""
    from sopan.career.linkedin import read_export

    return read_export(_archive(given))


def career_of(store: Store | None) -> CareerStore:
    """The career tables over `store` (the default store when None)."""
    from sopan.store import Store
    from sopan.store.career import CareerStore

    return CareerStore(store if store is not None else Store())


def language_for(given: str | None, config: Config | None) -> str:
    """The language asked for, else the profile's."""
    return given or config_of(config).profile.language


def words_for(language: str) -> dict[str, Any]:
    """The career words in `language` (data/career/words/<lang>.yaml), for a page to show
    the results with."""
    from sopan.career.words import career_words

    return dict(career_words(language).data)


# --- profile (R9.1) -------------------------------------------------------------------


@dataclass(frozen=True)
class ProfileRequest:
    """Check a LinkedIn export; with `target`, against a posting (text, HTML or JSON-LD).
    `keep`: keep the profile's keywords and the posting's skills for `skills_for`."""

    export: Given
    now: datetime
    target: Given | None = None
    language: str | None = None
    keep: bool = False
    history: bool = True
    config: Config | None = None
    store: Store | None = None


@dataclass(frozen=True)
class ProfileResult:
    """What to improve, and the posting's keywords the profile lacks and has."""

    export: Export
    findings: tuple[Finding, ...]
    posting: Posting | None = None
    missing: tuple[Keyword, ...] = ()
    present: tuple[Keyword, ...] = ()
    language: str = "id"


def profile_for(req: ProfileRequest) -> ProfileResult:
    """The profile's findings (R9.1), and with a target its keyword gap."""
    from sopan.career.posting import read_posting
    from sopan.career.profile import Claimed, check_profile, keyword_gap, target_finding
    from sopan.career.skills import posting_skills
    from sopan.career.terms import keys

    config = config_of(req.config)
    language = language_for(req.language, config)
    export = export_of(req.export)
    posting = gap = None
    if req.target is not None:
        if isinstance(req.target, Upload):
            data, name = req.target.data, req.target.name
        else:
            from sopan._infra.inputs import read_input

            data = read_input(req.target, what="a job posting", max_bytes=MAX_TARGET_BYTES)
            name = str(req.target)
        try:
            posting = read_posting(data, name)
        except UserError as exc:  # the posting's problem, named as the field that gave it
            exc.field = exc.field or "target"
            raise
        gap = keyword_gap(export, posting, language)
    section = config.sections.get("career") or {}
    claimed = None
    if section.get("title") or section.get("company"):
        claimed = Claimed(section.get("title"), section.get("company"), "config")
    findings = check_profile(
        export, city=config.profile.city, claimed=claimed, now=req.now, language=language, gap=gap
    )
    if req.history:
        findings += _offer_findings(export, req, language)
    if posting is not None and gap is not None:
        extra = target_finding(gap, posting, language)
        findings += [extra] if extra else []
    if req.keep:
        career = career_of(req.store)
        career.keep("profile", export.name or "LinkedIn", sorted(keys(export.text())), req.now)
        if posting is not None:
            label = " — ".join(v for v in (posting.title, posting.company) if v)
            career.keep("target", label, posting_skills(posting), req.now)
    return ProfileResult(
        export,
        tuple(findings),
        posting,
        gap.missing if gap else (),
        gap.present if gap else (),
        language,
    )


def _offer_findings(export: Export, req: ProfileRequest, language: str) -> list[Finding]:
    """An offer accepted in sopan's history that LinkedIn does not show yet."""
    from sopan.career.profile import offer_finding

    accepted = career_of(req.store).accepted_offer()
    found = offer_finding(export, accepted, req.now, language) if accepted else None
    return [found] if found else []


# --- social (R9, R9.2) ------------------------------------------------------------------


@dataclass(frozen=True)
class SocialRequest:
    """Scan a social archive (X, Instagram, TikTok, LinkedIn). `employers`: companies to
    look for in negative posts, besides the archive's own positions and sopan's history."""

    archive: Given
    employers: tuple[str, ...] = ()
    history: bool = True
    config: Config | None = None
    store: Store | None = None


@dataclass(frozen=True)
class SocialResult:
    """The posts worth a second look, how many were read, from which platforms."""

    flagged: tuple[Flagged, ...]
    scanned: int
    sources: tuple[str, ...]


def social_for(req: SocialRequest) -> SocialResult:
    """Every post in the archive read against the lexicons; nothing is posted or deleted."""
    from sopan.career.linkedin import read_export
    from sopan.career.scan import scan_posts
    from sopan.career.social import read_posts

    archive = _archive(req.archive)
    posts, sources = read_posts(archive)
    employers = list(req.employers)
    if archive.first("Positions.csv"):
        employers += [p.company for p in read_export(archive).positions if p.company]
    section = config_of(req.config).sections.get("career") or {}
    if section.get("company"):
        employers.append(str(section["company"]))
    if req.history:
        employers += career_of(req.store).companies()
    return SocialResult(tuple(scan_posts(posts, employers)), len(posts), tuple(sources))


# --- network (R10.3, C3) ----------------------------------------------------------------


@dataclass(frozen=True)
class NetworkRequest:
    """Who the person knows at `company` (else at every company in sopan's history)."""

    export: Given
    now: datetime
    company: str | None = None
    history: bool = True
    store: Store | None = None


@dataclass(frozen=True)
class NetworkResult:
    """Connections by company, the recruiters, the reminders, all of them as vCards."""

    known: tuple[tuple[str, tuple[Connection, ...]], ...]
    recruiters: tuple[Recruiter, ...]
    reminders: tuple[Reminder, ...]
    vcards: bytes


def network_for(req: NetworkRequest) -> NetworkResult:
    """Connections at the company, recruiters with their last contact, reminders."""
    from sopan.career.companies import same_company
    from sopan.career.network import Recruiter, at_company, reminders, vcards

    export = export_of(req.export)
    career = career_of(req.store) if req.history else None
    companies = [req.company] if req.company else (career.companies() if career else [])
    known = tuple((c, tuple(at_company(export.connections, c))) for c in companies)
    recruiters: list[Recruiter] = []
    for row in career.recruiters() if career else []:
        if not row["name"] or (
            req.company and not (row["company"] and same_company(str(row["company"]), req.company))
        ):
            continue
        recruiters.append(
            Recruiter(
                str(row["name"]),
                row["email"],
                row["phone"],
                row["company"],
                row["linkedin"],
                row["last_written"],
                row["created_at"] or req.now,
            )
        )
    people = [c for _, group in known for c in group] + recruiters
    return NetworkResult(
        known,
        tuple(recruiters),
        tuple(reminders(recruiters, export.connections, req.now)),
        vcards(people),
    )
