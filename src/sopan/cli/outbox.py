"""`sopan history`, `sopan show`, `sopan send`, `sopan follow-ups`: what sopan remembers, and
sending a kept email exactly once."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from sopan.cli.base import cli, now_option


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="A JSON list, each with its id.")
def history(as_json: bool) -> None:
    """The invitations kept, newest first, with what was decided and sent."""
    from sopan import app

    rows = app.history_for()
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        sent = ", ".join(f"{c}: {s}" for c, s in row["outbox"].items()) or "-"
        what = " · ".join(str(v) for v in (row["company"], row["position"]) if v) or "?"
        click.echo(
            f"{row['id']:>4}  {row['created_at'][:16]}  {row['action'] or '-':<10} {what}  [{sent}]"
        )


@cli.command()
@click.argument("invitation_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="The whole record as JSON.")
def show(invitation_id: int, as_json: bool) -> None:
    """One kept invitation: its facts, drafts and their outbox state, follow-ups, events."""
    from sopan import app

    record = app.show_for(invitation_id)
    if as_json:
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    facts = record["invitation"]
    click.echo(
        f"{invitation_id}: {facts.get('company') or '?'} · {facts.get('position') or '?'}"
        f" · {facts.get('start') or '?'}"
    )
    for draft in record["drafts"]:
        click.echo(f"  {draft['channel']:<10} {draft['state']:<8} {draft['message_id'] or ''}")
    for item in record["follow_ups"]:
        click.echo(f"  later {item['due_at'][:10]} {item['text']} [{item['guideline']}]")
    for event in record["events"]:
        click.echo(f"  {event['at'][:19]} {event['kind']} {event['detail'] or ''}".rstrip())


@cli.command()
@click.argument("invitation_id", type=int)
@click.option("--channel", default="email", show_default=True, help="Only email is sent.")
@click.option("--yes", is_flag=True, help="Send without asking.")
@click.option("--force", is_flag=True, help="Send even with lint errors.")
@click.option("--resolve", type=click.Choice(["sent", "failed"]),
              help="Say what became of an attempt whose outcome is unknown.")  # fmt: skip
@now_option
def send(
    invitation_id: int, channel: str, yes: bool, force: bool, resolve: str | None,
    now_text: str | None,
) -> None:  # fmt: skip
    """Send the kept email draft of INVITATION_ID over SMTP ([smtp] in the config), once."""
    from sopan import app
    from sopan.cli.ask import asker_for
    from sopan.cli.base import parse_now
    from sopan.config import load_config

    config = load_config()
    now = parse_now(now_text, config.profile.timezone)
    asker = asker_for(sys.stdin.isatty(), now=now, user_tz=config.profile.timezone,
                      language=config.profile.language)  # fmt: skip
    request = app.SendRequest(invitation_id, now, channel, yes, force, resolve, config)
    done = app.send_for(request, asker)
    if done.state == "resolved":
        click.echo(f"{invitation_id}: recorded as {resolve} ({done.message_id})")
        return
    click.echo(f"sent to {done.recipient} ({done.message_id}); {done.follow_ups} follow-up(s) "
               "noted (`sopan follow-ups`)")  # fmt: skip


@cli.command(name="follow-ups")
@click.option("--json", "as_json", is_flag=True, help="A JSON list.")
@click.option("--ics", "ics_path", type=click.Path(path_type=str),
              help="Write them as VTODOs with alarms to this file.")  # fmt: skip
def follow_ups(as_json: bool, ics_path: str | None) -> None:
    """What is still to do after a send, soonest first."""
    from sopan import app

    rows = app.follow_ups_for()
    if ics_path:
        from sopan.files import write_new
        from sopan.ical import follow_ups_ics

        out = Path(ics_path)
        written = write_new(out.parent if str(out.parent) else Path.cwd(), out.name,
                            follow_ups_ics(rows))  # fmt: skip
        click.echo(f"written: {written}")
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['due_at'][:10]}  {row['company'] or '?'}: {row['text']} [{row['guideline']}]"
        )


@cli.command()
@click.argument("invitation_id", type=int)
def save(invitation_id: int) -> None:
    """Put the kept email draft of INVITATION_ID in your mailbox's Drafts folder ([imap])."""
    from sopan import app

    folder, put = app.save_for(invitation_id)
    click.echo(f"{'saved in' if put else 'already in'} {folder}")


@cli.command()
@click.argument("path", required=False, type=click.Path(path_type=Path))
@click.option(
    "--imap",
    "imap_url",
    metavar="imaps://USER@HOST",
    help="Scan this IMAP mailbox (password: SOPAN_IMAP_PASSWORD or the keyring).",
)
@click.option("--folder", default="INBOX", show_default=True, help="The IMAP folder.")
@click.option("--json", "as_json", is_flag=True, help="A JSON list, most urgent first.")
@now_option
def inbox(path: Path | None, imap_url: str | None, folder: str, as_json: bool,
          now_text: str | None) -> None:  # fmt: skip
    """The interview invitations in a mailbox, most urgent first: time left, whether
    answered, and the command that answers it. A second scan reads only new mail."""
    from sopan import app
    from sopan.cli.base import parse_now
    from sopan.config import load_config

    config = load_config()
    now = parse_now(now_text, config.profile.timezone)
    request = app.InboxRequest(now, imap_url, path, folder, config)

    def progress(count: int) -> None:
        click.echo(f"… {count} messages read", err=True)

    rows = app.inbox_for(request, progress)
    if as_json:
        out = [{"id": r.id, "subject": r.subject, "company": r.company,
                "start": r.start.isoformat() if r.start else None, "hours_left": r.hours_left,
                "answered": r.answered, "command": r.command} for r in rows]  # fmt: skip
        click.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    for r in rows:
        left = f"{r.hours_left:.0f} h" if r.hours_left is not None else "?"
        mark = "answered" if r.answered else "to answer"
        click.echo(f"{left:>7}  {mark:<9}  {r.subject or r.company or '?'}  →  {r.command}")
