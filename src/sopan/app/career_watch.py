"""After the reply, what the store keeps because the person asked (R10.1, R10.2): the
vacancy sources they watch and what is new there, a declined company's posting marked (R5.1,
R7); the skills the postings ask for that the profile lacks, and their own learning to-dos.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sopan.app.base import config_of
from sopan.app.career import Given, career_of, export_of, language_for
from sopan.errors import ExternalError, SopanError, UserError

if TYPE_CHECKING:
    from sopan.career.posting import Posting
    from sopan.career.skills import Asked
    from sopan.career.watch import Declined
    from sopan.config import Config
    from sopan.store import Store


# --- watch (R10.1, R5.1, R7) ------------------------------------------------------------


@dataclass(frozen=True)
class WatchAddRequest:
    """Watch a source, with the keywords and place its postings must have."""

    source: str
    now: datetime
    keywords: tuple[str, ...] = ()
    location: str | None = None
    store: Store | None = None
    #: False (the web): a saved file is refused before any path is looked at, since the
    #: server's disk is not the person's
    files: bool = True
    #: adds the watch's first run as a job, in the watch's transaction (the hosted mode)
    defer: Callable[[Any, int], object] | None = None


def watch_add_for(req: WatchAddRequest) -> tuple[int, bool]:
    """The watch's id, and whether it is new (a source already watched is left as it was)."""
    from sopan.career.watch import names_a_file, parse_source

    if not req.files and names_a_file(req.source):
        raise UserError("career.source_not_address", field="source", value=req.source.strip())
    parse_source(req.source)  # a source that can never be read is refused now, not at run
    keywords = tuple(k.strip() for k in req.keywords if k.strip())
    return career_of(req.store).add_watch(req.source.strip(), keywords, req.location, req.now,
                                          defer=req.defer)  # fmt: skip


def watch_list_for(store: Store | None = None) -> list[dict[str, Any]]:
    """Every watch, oldest first."""
    return career_of(store).watches()


@dataclass(frozen=True)
class WatchRunRequest:
    """Read every watched source once (each under `timeout` seconds)."""

    now: datetime
    timeout: float = 10.0
    store: Store | None = None
    #: only this watch (the hosted mode's job runs one watch at a time)
    only: int | None = None
    #: how an address is fetched (the hosted mode's: public addresses only); with it, a
    #: source naming a file is never read, since the server's disk is not the person's
    fetch: Callable[[str, float], bytes] | None = None


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


def _read_source(
    spec: str, timeout: float, given: Callable[[str, float], bytes] | None = None
) -> list[Posting]:
    from sopan._infra.inputs import read_input
    from sopan.career.boards import READERS, sniff
    from sopan.career.fetch import MAX_BYTES, fetch
    from sopan.career.watch import names_a_file, parse_source

    if given is not None and names_a_file(spec):
        raise UserError("career.source_not_address", field="source", value=spec.strip())
    source = parse_source(spec)
    if source.kind == "file":
        body = read_input(source.address, what="a feed or careers page", max_bytes=MAX_BYTES)
    else:
        body = (given or fetch)(source.address, timeout)
    kind = sniff(body) if source.kind in ("auto", "file") else source.kind
    return READERS[kind](body, spec, source.name)


def watch_run_for(req: WatchRunRequest) -> WatchRunResult:
    """Each source read and filtered; what no earlier run or other source showed is new and
    kept; a posting from a company declined or cancelled with is marked."""
    from sopan.career.skills import posting_skills
    from sopan.career.watch import Declined, declined_by, passes, posting_key
    from sopan.store.career import Seen

    career = career_of(req.store)
    declined = [Declined(c, a, at) for c, a, at in career.declined()]
    fresh: list[Fresh] = []
    failures: list[tuple[str, SopanError]] = []
    seen = 0
    watches = [w for w in career.watches() if req.only is None or w["id"] == req.only]
    for watch in watches:
        spec = str(watch["source"])
        try:
            postings = _read_source(spec, req.timeout, req.fetch)
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
    language = language_for(req.language, config)
    career = career_of(req.store)
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
        have = keys(export_of(req.export).text())
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
        for t in career_of(store).todos()
    ]
    return follow_ups_ics(rows, kind="learning", label="learning plan")
