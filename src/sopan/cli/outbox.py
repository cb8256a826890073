"""`sopan history`, `sopan show`, `sopan send`, `sopan follow-ups`, `sopan save`,
`sopan inbox`: what sopan remembers, and sending a kept email exactly once."""

from __future__ import annotations

import sys
from argparse import ArgumentParser, Namespace

from sopan.cli.base import Commands, add_json, add_now, echo, echo_json, parse_now


def register(commands: Commands) -> None:
    """Add the commands over sopan's store."""
    commands.add("history", history, _history_arguments)
    commands.add("show", show, _show_arguments)
    commands.add("send", send, _send_arguments)
    commands.add("follow-ups", follow_ups, _follow_ups_arguments)
    commands.add("save", save, _save_arguments)
    commands.add("inbox", inbox, _inbox_arguments)


def _history_arguments(parser: ArgumentParser) -> None:
    add_json(parser, "A JSON list, each with its id.")


def _show_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("invitation_id", metavar="INVITATION_ID", type=int)
    add_json(parser, "The whole record as JSON.")


def _send_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("invitation_id", metavar="INVITATION_ID", type=int)
    parser.add_argument("--channel", default="email", help="Only email is sent (default).")
    parser.add_argument("--yes", action="store_true", help="Send without asking.")
    parser.add_argument("--force", action="store_true", help="Send even with lint errors.")
    parser.add_argument(
        "--resolve",
        choices=("sent", "failed"),
        help="Say what became of an attempt whose outcome is unknown.",
    )
    add_now(parser)


def _follow_ups_arguments(parser: ArgumentParser) -> None:
    add_json(parser, "A JSON list.")
    parser.add_argument(
        "--ics", dest="ics_path", help="Write them as VTODOs with alarms to this file."
    )


def _save_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("invitation_id", metavar="INVITATION_ID", type=int)


def _inbox_arguments(parser: ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", nargs="?")
    parser.add_argument(
        "--imap",
        dest="imap_url",
        metavar="imaps://USER@HOST",
        help="Scan this IMAP mailbox (password: SOPAN_IMAP_PASSWORD or the keyring).",
    )
    parser.add_argument("--folder", default="INBOX", help="The IMAP folder (default: INBOX).")
    add_json(parser, "A JSON list, most urgent first.")
    add_now(parser)


def history(args: Namespace) -> None:
    """The invitations kept, newest first, with what was decided and sent."""
    from sopan import app

    rows = app.history_for()
    if args.as_json:
        echo_json([row.as_json() for row in rows])
        return
    for row in rows:
        sent = ", ".join(f"{c}: {s}" for c, s in row.outbox.items()) or "-"
        what = " · ".join(str(v) for v in (row.company, row.position) if v) or "?"
        when = row.created_at.isoformat()[:16]
        echo(f"{row.id:>4}  {when}  {row.action or '-':<10} {what}  [{sent}]")


def show(args: Namespace) -> None:
    """One kept invitation: its facts, drafts and their outbox state, follow-ups, events."""
    from sopan import app

    invitation_id = args.invitation_id
    record = app.show_for(invitation_id)
    if args.as_json:
        echo_json(record.as_json())
        return
    facts = record.facts
    echo(
        f"{invitation_id}: {facts.get('company') or '?'} · {facts.get('position') or '?'}"
        f" · {facts.get('start') or '?'}"
    )
    for draft in record.drafts:
        echo(f"  {draft.channel:<10} {draft.state:<8} {draft.message_id or ''}")
    for item in record.follow_ups:
        echo(f"  later {item.due_at.isoformat()[:10]} {item.text} [{item.guideline}]")
    for event in record.events:
        echo(f"  {event.at.isoformat()[:19]} {event.kind} {event.detail or ''}".rstrip())


def send(args: Namespace) -> None:
    """Send the kept email draft of INVITATION_ID over SMTP ([smtp] in the config), once."""
    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.config import load_config

    config = load_config()
    now = parse_now(args.now_text, config.profile.timezone)
    asker = asker_for(
        sys.stdin.isatty(),
        now=now,
        user_tz=config.profile.timezone,
        language=config.profile.language,
    )
    request = app.SendRequest(
        args.invitation_id, now, args.channel, args.yes, args.force, args.resolve, config
    )
    done = app.send_for(request, asker)
    if done.state == "resolved":
        echo(f"{args.invitation_id}: recorded as {args.resolve} ({done.message_id})")
        return
    echo(
        f"sent to {done.recipient} ({done.message_id}); {done.follow_ups} follow-up(s) "
        "noted (`sopan follow-ups`)"
    )


def follow_ups(args: Namespace) -> None:
    """What is still to do after a send, soonest first."""
    from sopan import app

    rows = app.follow_ups_for()
    if args.ics_path:
        from pathlib import Path

        from sopan._infra.files import write_new

        out = Path(args.ics_path)
        written = write_new(
            out.parent if str(out.parent) else Path.cwd(), out.name, app.follow_ups_ics_for(rows)
        )
        echo(f"written: {written}")
    if args.as_json:
        echo_json([row.as_json() for row in rows])
        return
    for row in rows:
        echo(f"{row.due_at.isoformat()[:10]}  {row.company or '?'}: {row.text} [{row.guideline}]")


def save(args: Namespace) -> None:
    """Put the kept email draft of INVITATION_ID in your mailbox's Drafts folder ([imap])."""
    from sopan import app

    folder, put = app.save_for(args.invitation_id)
    echo(f"{'saved in' if put else 'already in'} {folder}")


def inbox(args: Namespace) -> None:
    """The interview invitations in a mailbox, most urgent first: time left, whether
    answered, and the command that answers it. A second scan reads only new mail."""
    from pathlib import Path

    from sopan import app
    from sopan.config import load_config

    config = load_config()
    now = parse_now(args.now_text, config.profile.timezone)
    path = Path(args.path) if args.path else None
    request = app.InboxRequest(now, args.imap_url, path, args.folder, config)

    def progress(count: int) -> None:
        echo(f"… {count} messages read", err=True)

    rows = app.inbox_for(request, progress)
    if args.as_json:
        echo_json(
            [
                {
                    "id": r.id,
                    "subject": r.subject,
                    "company": r.company,
                    "start": r.start.isoformat() if r.start else None,
                    "hours_left": r.hours_left,
                    "answered": r.answered,
                    "command": r.command,
                }
                for r in rows
            ]
        )
        return
    for r in rows:
        left = f"{r.hours_left:.0f} h" if r.hours_left is not None else "?"
        mark = "answered" if r.answered else "to answer"
        echo(f"{left:>7}  {mark:<9}  {r.subject or r.company or '?'}  →  {r.command}")
