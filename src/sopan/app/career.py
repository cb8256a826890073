"""After the reply (R9–R10): the person's LinkedIn profile, their public posts, vacancy
watches, skills to learn and their network — with their own data, on their machine.

Each use case takes one request and returns one result; the CLI prints it, the web renders
it. An export is a path (read in place) or an `Upload` (bytes held in memory, from the web):
nothing is unpacked to disk, and the store keeps only what the person asked to keep (a
watch, `keep=True`, a to-do).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sopan.app.base import config_of
from sopan.errors import ExternalError, SopanError, UserError

if TYPE_CHECKING:
    from sopan.career.archive import Archive
    from sopan.career.linkedin import Connection, Export
    from sopan.career.network import Recruiter, Reminder
    from sopan.career.posting import Posting
    from sopan.career.profile import Finding
    from sopan.career.scan import Flagged
    from sopan.career.skills import Asked
    from sopan.career.terms import Keyword
    from sopan.career.watch import Declined
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


def _export(given: Given) -> Export:
    from sopan.career.linkedin import read_export

    return read_export(_archive(given))


def _career(store: Store | None) -> CareerStore:
    from sopan.store import Store
    from sopan.store.career import CareerStore

    return CareerStore(store if store is not None else Store())


def _language(given: str | None, config: Config | None) -> str:
    return given or config_of(config).profile.language


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
    language = _language(req.language, config)
    export = _export(req.export)
    posting = gap = None
    if req.target is not None:
        if isinstance(req.target, Upload):
            data, name = req.target.data, req.target.name
        else:
            from sopan._infra.inputs import read_input

            data = read_input(req.target, what="a job posting", max_bytes=MAX_TARGET_BYTES)
            name = str(req.target)
        posting = read_posting(data, name)
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
        career = _career(req.store)
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

    accepted = _career(req.store).accepted_offer()
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
        employers += _career(req.store).companies()
    return SocialResult(tuple(scan_posts(posts, employers)), len(posts), tuple(sources))


# --- watch (R10.1, R5.1, R7) ------------------------------------------------------------


@dataclass(frozen=True)
class WatchAddRequest:
    """Watch a source, with the keywords and place its postings must have."""

    source: str
    now: datetime
    keywords: tuple[str, ...] = ()
    location: str | None = None
    store: Store | None = None


def watch_add_for(req: WatchAddRequest) -> tuple[int, bool]:
    """The watch's id, and whether it is new (a source already watched is left as it was)."""
    from sopan.career.watch import parse_source

    parse_source(req.source)  # a source that can never be read is refused now, not at run
    keywords = tuple(k.strip() for k in req.keywords if k.strip())
    return _career(req.store).add_watch(req.source.strip(), keywords, req.location, req.now)


def watch_list_for(store: Store | None = None) -> list[dict[str, Any]]:
    """Every watch, oldest first."""
    return _career(store).watches()


@dataclass(frozen=True)
class WatchRunRequest:
    """Read every watched source once (each under `timeout` seconds)."""

    now: datetime
    timeout: float = 10.0
    store: Store | None = None


@dataclass(frozen=True)
class Fresh:
    """A posting not seen before, the source it came from, and a declined company's mark."""

    posting: Posting
    source: str
    declined: Declined | None = None


@dataclass(frozen=True)
class WatchRunResult:
    """What is new since the last run, the sources that failed (one line each)."""

    fresh: tuple[Fresh, ...]
    #: each source that failed, and why (its words in the person's language: `.text(lang)`)
    failures: tuple[tuple[str, SopanError], ...]
    sources: int
    seen: int


def _read_source(spec: str, timeout: float) -> list[Posting]:
    from sopan._infra.inputs import read_input
    from sopan.career.boards import READERS, sniff
    from sopan.career.fetch import MAX_BYTES, fetch
    from sopan.career.watch import parse_source

    source = parse_source(spec)
    if source.kind == "file":
        body = read_input(source.address, what="a feed or careers page", max_bytes=MAX_BYTES)
    else:
        body = fetch(source.address, timeout)
    kind = sniff(body) if source.kind in ("auto", "file") else source.kind
    return READERS[kind](body, spec, source.name)


def watch_run_for(req: WatchRunRequest) -> WatchRunResult:
    """Each source read and filtered; what no earlier run or other source showed is new and
    kept; a posting from a company declined or cancelled with is marked."""
    from sopan.career.skills import posting_skills
    from sopan.career.watch import Declined, declined_by, passes, posting_key
    from sopan.store.career import Seen

    career = _career(req.store)
    declined = [Declined(c, a, at) for c, a, at in career.declined()]
    fresh: list[Fresh] = []
    failures: list[tuple[str, SopanError]] = []
    seen = 0
    watches = career.watches()
    for watch in watches:
        spec = str(watch["source"])
        try:
            postings = _read_source(spec, req.timeout)
        except (ExternalError, UserError) as exc:
            failures.append((spec, exc))
            continue
        wanted = [p for p in postings if passes(p, watch["keywords"], watch["location"])]
        seen += len(wanted)
        keyed = {posting_key(p): p for p in wanted}
        found = [
            Seen(k, p.title, p.company, p.location, p.url, posting_skills(p))
            for k, p in keyed.items()
        ]
        for key in career.record_run(int(watch["id"]), found, req.now):
            p = keyed[key]
            fresh.append(Fresh(p, spec, declined_by(p, declined)))
    if watches and len(failures) == len(watches):
        source, problem = failures[0]
        first = ExternalError("career.source_failed", source=source, problem=problem)
        raise ExternalError("career.every_source_failed", count=len(failures), first=first)
    return WatchRunResult(tuple(fresh), tuple(failures), len(watches), seen)


# --- skills (R10.2) ---------------------------------------------------------------------


@dataclass(frozen=True)
class SkillsRequest:
    """The skills the kept postings ask for; `export`: the profile to compare with (else the
    one kept). `note` with `due`: the person's own course or certificate, as a to-do."""

    now: datetime
    language: str | None = None
    export: Given | None = None
    note: str | None = None
    due: date | None = None
    config: Config | None = None
    store: Store | None = None


@dataclass(frozen=True)
class SkillsResult:
    """The skills asked for and lacking, most asked first; the to-dos."""

    asked: tuple[Asked, ...]
    postings: int
    profile_known: bool
    todos: tuple[dict[str, object], ...] = field(default_factory=tuple)
    added: int | None = None


def skills_for(req: SkillsRequest) -> SkillsResult:
    """Rank the skills to learn; note the person's own course as a to-do with a date."""
    from sopan.career.skills import rank_skills
    from sopan.career.terms import keys

    config = config_of(req.config)
    language = _language(req.language, config)
    career = _career(req.store)
    added = None
    if req.note is not None or req.due is not None:
        if not (req.note or "").strip() or req.due is None:
            missing = "due" if (req.note or "").strip() else "todo"
            raise UserError("career.todo_needs_both", field=missing)
        zone = ZoneInfo(config.profile.timezone)
        due = datetime.combine(req.due, time(9, 0), zone)
        if due < req.now:
            raise UserError("career.due_past", field="due", value=req.due)
        added = career.add_todo(" ".join((req.note or "").split()), due, "R10.2", req.now)
    have: set[str] | None = None
    if req.export is not None:
        have = keys(_export(req.export).text())
    elif kept := career.kept("profile"):
        have = set(kept[-1][1])
    asked = career.posting_skills() + career.kept("target")
    ranked = rank_skills(asked, have, language)
    todos = tuple(
        {**t, "due_at": t["due_at"].isoformat() if t["due_at"] else None} for t in career.todos()
    )
    return SkillsResult(tuple(ranked), len(asked), have is not None, todos, added)


def todos_ics_for(store: Store | None = None) -> bytes:
    """The learning to-dos as VTODOs, each due on its day with a reminder."""
    from sopan.ical import follow_ups_ics

    rows = [
        {
            "id": t["id"],
            "company": None,
            "text": t["text"],
            "guideline": t["guideline"],
            "due_at": t["due_at"].isoformat(),
        }
        for t in _career(store).todos()
    ]
    return follow_ups_ics(rows, kind="learning", label="learning plan")


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

    export = _export(req.export)
    career = _career(req.store) if req.history else None
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
