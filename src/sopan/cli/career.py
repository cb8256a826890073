"""`sopan career profile|social|watch|skills|network`: the career upkeep after the reply
(R9–R10), parse → `sopan.app` → print, in the person's language (`--lang` or the profile's)."""

from __future__ import annotations

from argparse import ArgumentParser, Namespace
from typing import TYPE_CHECKING, Any

from sopan.cli.base import (
    Commands,
    Languages,
    add_json,
    add_many,
    add_now,
    echo,
    echo_json,
    note,
    parse_now,
)

if TYPE_CHECKING:
    from sopan.app.career import ProfileResult, SocialResult
    from sopan.app.career_watch import SkillsResult, WatchRunResult
    from sopan.language.words import Words


def register(commands: Commands) -> None:
    """Add `sopan career`."""
    commands.add("career", career, _arguments)


def _common(parser: ArgumentParser, json_help: str) -> None:
    parser.add_argument("--lang", choices=Languages(), help="The language of what is shown.")
    add_json(parser, json_help)
    add_now(parser)


def _arguments(parser: ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="career_command", metavar="COMMAND", required=True)
    p = sub.add_parser("profile", help="Check your LinkedIn export (R9.1).")
    p.add_argument("export", metavar="EXPORT", help="LinkedIn's export: the ZIP or its folder.")
    p.add_argument(
        "--target", metavar="POSTING", help="A job posting: text, a saved web page, or JSON-LD."
    )
    p.add_argument(
        "--keep",
        action="store_true",
        help="Keep the profile's keywords and the posting's skills for `skills`.",
    )
    _common(p, "{missing_keywords, present_keywords, findings}.")
    s = sub.add_parser("social", help="Posts worth a second look (R9, R9.2).")
    s.add_argument(
        "archive",
        metavar="ARCHIVE",
        help="An X, Instagram, TikTok or LinkedIn archive: a ZIP, a folder or a file.",
    )
    add_many(
        s,
        "--employer",
        "employers",
        "NAME",
        "A company to look for in negative posts (repeatable).",
    )
    _common(s, "{flagged, scanned, sources}.")
    w = sub.add_parser("watch", help="Watch vacancy sources (R10.1).")
    ws = w.add_subparsers(dest="watch_command", metavar="ACTION", required=True)
    wa = ws.add_parser("add", help="Watch a source.")
    wa.add_argument(
        "source",
        metavar="SOURCE",
        help="greenhouse:BOARD, lever:SITE, ashby:ORG, an https:// feed or careers "
        "page, or a saved file.",
    )
    add_many(
        wa,
        "--keywords",
        "keywords",
        "WORDS",
        "Keywords a posting must have one of (comma-separated; repeatable).",
    )
    wa.add_argument("--location", help="The place a posting must be in.")
    add_now(wa)
    wr = ws.add_parser("run", help="Read every source; show what is new since the last run.")
    wr.add_argument(
        "--timeout",
        type=float,
        default=10.0,
        metavar="SECONDS",
        help="Seconds to wait for each source (default: 10).",
    )
    _common(wr, "{new, failures, sources, seen}.")
    wl = ws.add_parser("list", help="The sources watched.")
    wl.add_argument("--lang", choices=Languages(), help="The language of what is shown.")
    add_json(wl, "A JSON list.")
    k = sub.add_parser("skills", help="Skills the postings ask for that you lack (R10.2).")
    k.add_argument("--export", metavar="EXPORT", help="Compare with this LinkedIn export.")
    k.add_argument(
        "--todo",
        metavar="TEXT",
        help="Your own note of a course or certificate you chose (with --due).",
    )
    k.add_argument(
        "--due", metavar="DAY", help="When the to-do is due (2027-01-31, 31 Januari 2027)."
    )
    k.add_argument("--ics", metavar="FILE", help="Write your to-dos as VTODOs to this file.")
    _common(k, "{skills, postings, profile_known, todos}.")
    n = sub.add_parser("network", help="Whom you know at a company; recruiters (R10.3, C3).")
    n.add_argument("export", metavar="EXPORT", help="LinkedIn's export: the ZIP or its folder.")
    n.add_argument("--company", help="The company (default: every one in sopan's history).")
    n.add_argument("--vcf", metavar="FILE", help="Write the people found as vCards.")
    _common(n, "{companies, recruiters, reminders}.")


def career(args: Namespace) -> None:
    """Your career after the reply: LinkedIn profile, public posts, vacancies, skills and
    network (R9–R10), with your own data, on this machine.

    sopan career profile EXPORT.zip [--target POSTING] [--keep] [--json]
    sopan career social ARCHIVE [--employer NAME]... [--json]
    sopan career watch add SOURCE [--keywords …] [--location …] | run [--json] | list
    sopan career skills [--export EXPORT.zip] [--todo TEXT --due DATE] [--ics FILE] [--json]
    sopan career network EXPORT.zip [--company NAME] [--vcf FILE] [--json]
    """
    from sopan.config import load_config

    config = load_config()
    language = getattr(args, "lang", None) or config.profile.language
    now = parse_now(getattr(args, "now_text", None), config.profile.timezone)
    command = args.career_command
    if command == "watch":
        command = f"watch_{args.watch_command}"
    _COMMANDS[command](args, language, now, config)


def _words(language: str) -> Words:
    from sopan.career.words import career_words

    return career_words(language)


def _profile(args: Namespace, language: str, now: Any, config: Any) -> None:
    from pathlib import Path

    from sopan import app

    target = Path(args.target) if args.target else None
    result = app.profile_for(
        app.ProfileRequest(Path(args.export), now, target, language, args.keep, config=config)
    )
    if args.as_json:
        echo_json(profile_json(result))
        return
    w = _words(language)
    echo(
        w.text("view", "profile_of", name=result.export.name or "?", files=len(result.export.files))
    )
    for f in result.findings:
        echo(f"- [{f.guideline}] {f.message}\n    ({f.where})")
    if not result.findings:
        echo(w.text("view", "no_findings"))
    if result.posting is not None:
        echo("\n" + w.text("view", "target", title=result.posting.title))
        echo(w.text("view", "missing") + ": " + (", ".join(k.shown for k in result.missing) or "-"))
        echo(w.text("view", "present") + ": " + (", ".join(k.shown for k in result.present) or "-"))
    if args.keep:
        echo(w.text("view", "kept"))


def profile_json(result: ProfileResult) -> dict[str, Any]:
    """`sopan career profile --json`."""
    posting = result.posting
    return {
        "name": result.export.name or None,
        "findings": [
            {"code": f.code, "guideline": f.guideline, "message": f.message, "where": f.where}
            for f in result.findings
        ],
        "missing_keywords": [k.shown for k in result.missing],
        "present_keywords": [k.shown for k in result.present],
        "target": None
        if posting is None
        else {
            "title": posting.title,
            "company": posting.company,
            "location": posting.location,
            "url": posting.url,
        },
    }


def _social(args: Namespace, language: str, now: Any, config: Any) -> None:
    from pathlib import Path

    from sopan import app

    result = app.social_for(
        app.SocialRequest(Path(args.archive), tuple(args.employers), config=config)
    )
    if args.as_json:
        echo_json(social_json(result))
        return
    w = _words(language)
    for f in result.flagged:
        post = f.post
        when = post.date.date().isoformat() if post.date else w.text("view", "no_date")
        echo(f"{when}  {w.text('sources', post.source)}  {post.link or w.text('view', 'no_link')}")
        echo("    " + " ".join(post.text.split())[:280])
        for r in f.reasons:
            why = w.text("reasons", r.reason)
            echo(f"    {w.text('view', 'why')}: {why} [{r.guideline}] «{r.match}»")
    sources = ", ".join(w.text("sources", s) for s in result.sources) or "-"
    echo(
        w.text(
            "view", "scanned", count=result.scanned, sources=sources, flagged=len(result.flagged)
        )
    )


def social_json(result: SocialResult) -> dict[str, Any]:
    """`sopan career social --json`."""
    return {
        "flagged": [
            {
                "id": f.post.id,
                "source": f.post.source,
                "date": f.post.date.isoformat() if f.post.date else None,
                "text": f.post.text,
                "link": f.post.link,
                "reasons": [
                    {"reason": r.reason, "rule": r.rule, "guideline": r.guideline, "match": r.match}
                    for r in f.reasons
                ],
            }
            for f in result.flagged
        ],
        "scanned": result.scanned,
        "sources": list(result.sources),
    }


def _watch_add(args: Namespace, language: str, now: Any, config: Any) -> None:
    from sopan import app

    keywords = tuple(k.strip() for given in args.keywords for k in given.split(",") if k.strip())
    watch_id, added = app.watch_add_for(
        app.WatchAddRequest(args.source, now, keywords, args.location)
    )
    echo(
        _words(language).text(
            "view", "watch_added" if added else "watch_exists", source=args.source, id=watch_id
        )
    )


def _watch_list(args: Namespace, language: str, now: Any, config: Any) -> None:
    from sopan import app

    rows = app.watch_list_for()
    if args.as_json:
        echo_json(
            [
                {
                    "id": r["id"],
                    "source": r["source"],
                    "keywords": r["keywords"],
                    "location": r["location"],
                    "last_run_at": r["last_run_at"].isoformat() if r["last_run_at"] else None,
                }
                for r in rows
            ]
        )
        return
    w = _words(language)
    if not rows:
        echo(w.text("view", "watch_none"))
    for r in rows:
        last = r["last_run_at"].isoformat()[:16] if r["last_run_at"] else w.text("view", "never")
        echo(
            w.text(
                "view",
                "watch_row",
                id=r["id"],
                source=r["source"],
                keywords=", ".join(r["keywords"]) or w.text("view", "anything"),
                location=r["location"] or w.text("view", "anything"),
                last=last,
            )
        )


def declined_note(fresh: Any, language: str) -> str | None:
    """The polite mark of a posting from a company declined or cancelled with."""
    d = fresh.declined
    if d is None:
        return None
    w = _words(language)
    return w.text(
        "view",
        "declined",
        action=w.data["view"]["actions"][d.action],
        company=d.company,
        date=d.at.date().isoformat(),
    )


def _watch_run(args: Namespace, language: str, now: Any, config: Any) -> None:
    from sopan import app

    result = app.watch_run_for(app.WatchRunRequest(now, args.timeout))
    w = _words(language)
    for source, problem in result.failures:
        note(w.text("view", "watch_failed", source=source, problem=problem.text(language)))
    if args.as_json:
        echo_json(watch_json(result, language))
        return
    for fresh in result.fresh:
        p = fresh.posting
        where = " · ".join(v for v in (p.company, p.location) if v)
        echo(f"- {p.title}" + (f" ({where})" if where else "") + (f"  {p.url}" if p.url else ""))
        if mark := declined_note(fresh, language):
            echo(f"    {mark}")
    key = "watch_new" if result.fresh else "watch_nothing"
    echo(w.text("view", key, count=len(result.fresh), sources=result.sources, seen=result.seen))


def watch_json(result: WatchRunResult, language: str) -> dict[str, Any]:
    """`sopan career watch run --json`."""
    return {
        "new": [
            {
                "title": f.posting.title,
                "company": f.posting.company,
                "location": f.posting.location,
                "url": f.posting.url,
                "posted": f.posting.posted,
                "source": f.source,
                "declined": None
                if f.declined is None
                else {
                    "company": f.declined.company,
                    "action": f.declined.action,
                    "date": f.declined.at.date().isoformat(),
                    "note": declined_note(f, language),
                },
            }
            for f in result.fresh
        ],
        "failures": [{"source": s, "problem": p.text(language)} for s, p in result.failures],
        "sources": result.sources,
        "seen": result.seen,
    }


def _skills(args: Namespace, language: str, now: Any, config: Any) -> None:
    from pathlib import Path

    from sopan import app, parse

    due = None
    if args.due:  # "2027-01-31", "31 Januari 2027", "31/1/2027": the one parser of what is typed
        due = parse.day(args.due, field="due", language=language, now=now,
                        tz=config.profile.timezone)  # fmt: skip
    export = Path(args.export) if args.export else None
    result = app.skills_for(app.SkillsRequest(now, language, export, args.todo, due, config))
    if args.ics:
        from sopan._infra.files import write_new

        out = Path(args.ics)
        written = write_new(
            out.parent if str(out.parent) else Path.cwd(), out.name, app.todos_ics_for()
        )
        echo(f"written: {written}", err=args.as_json)
    if args.as_json:
        echo_json(skills_json(result))
        return
    _print_skills(result, language)


def _print_skills(result: SkillsResult, language: str) -> None:
    w = _words(language)
    if result.added is not None:
        todo = next(t for t in result.todos if t["id"] == result.added)
        echo(w.text("view", "todo_added", due=str(todo["due_at"])[:10], text=todo["text"]))
    if not result.postings:
        echo(w.text("view", "skills_none"))
    else:
        if not result.profile_known:
            echo(w.text("view", "skills_no_profile"))
        echo(w.text("view", "skills_head"))
        for a in result.asked:
            echo(
                w.text(
                    "view", "skills_row", count=a.count, skill=a.name, sources="; ".join(a.postings)
                )
            )
    if result.todos:
        echo(w.text("view", "todos_head"))
        for t in result.todos:
            echo(f"  {str(t['due_at'])[:10]}  {t['text']} [{t['guideline']}]")


def skills_json(result: SkillsResult) -> dict[str, Any]:
    """`sopan career skills --json`."""
    return {
        "skills": [
            {"skill": a.key, "name": a.name, "count": a.count, "postings": list(a.postings)}
            for a in result.asked
        ],
        "postings": result.postings,
        "profile_known": result.profile_known,
        "todos": [
            {"id": t["id"], "text": t["text"], "due_at": t["due_at"], "guideline": t["guideline"]}
            for t in result.todos
        ],
    }


def _network(args: Namespace, language: str, now: Any, config: Any) -> None:
    from pathlib import Path

    from sopan import app

    result = app.network_for(app.NetworkRequest(Path(args.export), now, args.company))
    if args.vcf:
        from sopan._infra.files import write_new

        out = Path(args.vcf)
        written = write_new(out.parent if str(out.parent) else Path.cwd(), out.name, result.vcards)
        count = result.vcards.count(b"BEGIN:VCARD")
        echo(_words(language).text("view", "vcards", path=written, count=count), err=args.as_json)
    if args.as_json:
        echo_json(network_json(result, language))
        return
    w = _words(language)
    for company, people in result.known:
        echo(w.text("view", "network_head" if people else "network_none", company=company))
        for c in people:
            echo(
                f"  {c.name}"
                + (f" — {c.position}" if c.position else "")
                + (f"  {c.url}" if c.url else "")
            )
    if result.recruiters:
        echo(w.text("view", "recruiters_head"))
        for r in result.recruiters:
            last = r.last_written.date().isoformat() if r.last_written else w.text("view", "never")
            echo(
                "  "
                + w.text("view", "recruiter_row", name=r.name, company=r.company or "?", last=last)
            )
    for m in result.reminders:
        echo("- " + reminder_text(m, language))


def reminder_text(reminder: Any, language: str) -> str:
    """A reminder's sentence."""
    return _words(language).text("view", reminder.kind, name=reminder.name, days=reminder.days)


def network_json(result: Any, language: str) -> dict[str, Any]:
    """`sopan career network --json`."""
    return {
        "companies": [
            {
                "company": company,
                "connections": [
                    {
                        "name": c.name,
                        "position": c.position or None,
                        "url": c.url or None,
                        "email": c.email or None,
                        "connected_on": c.connected.text() if c.connected else None,
                    }
                    for c in people
                ],
            }
            for company, people in result.known
        ],
        "recruiters": [
            {
                "name": r.name,
                "company": r.company,
                "email": r.email,
                "phone": r.phone,
                "last_written": r.last_written.isoformat() if r.last_written else None,
            }
            for r in result.recruiters
        ],
        "reminders": [
            {
                "kind": m.kind,
                "name": m.name,
                "guideline": m.guideline,
                "text": reminder_text(m, language),
            }
            for m in result.reminders
        ],
    }


_COMMANDS = {
    "profile": _profile,
    "social": _social,
    "watch_add": _watch_add,
    "watch_run": _watch_run,
    "watch_list": _watch_list,
    "skills": _skills,
    "network": _network,
}
