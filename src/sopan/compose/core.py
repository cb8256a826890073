"""Plan → drafts: choose the moves per action × channel, render each from the phrase banks."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sopan.compose.bank import phrases
from sopan.compose.facts import build_facts, tidy
from sopan.errors import UserError
from sopan.language.dateforms import common, day
from sopan.model import Channel, Draft, Invitation, Plan, Profile, Situation
from sopan.model.channels import ChannelSpec, registry, size_of, speaking_seconds
from sopan.plan import calendar_answer


@dataclass(frozen=True)
class _Context:
    plan: Plan
    inv: Invitation
    sit: Situation
    profile: Profile
    facts: dict[str, str]
    language: str
    variant: int
    #: why an apology is owed whatever the action (R2, C1): "after_deadline", "short_notice",
    #: "confirmed", or None
    owed: str | None = None

    @property
    def action(self) -> str:
        return self.plan.action

    @property
    def has_alternatives(self) -> bool:
        return bool(self.sit.alternatives or [t for t in self.sit.alternatives_text if t.strip()])


def _applies(move: str, ctx: _Context, spec: ChannelSpec) -> bool:
    """Whether an optional move belongs in this message (R5, R6.1, R7, R7.1, C3)."""
    if move in spec.always:
        return True
    if move == "strengths":
        return bool(ctx.facts["strengths"])
    if move == "apology":
        return ctx.action != "decline" or ctx.owed is not None
    if move == "reason":
        # no reason chosen, or 'other' without the user's words: none is given (R4)
        return ctx.sit.reason is not None and (
            ctx.sit.reason != "other" or bool(ctx.facts["reason_text"])
        )
    if move == "alternatives":
        return ctx.action in ("reschedule", "online") or (
            ctx.has_alternatives and ctx.sit.interest == "yes"
        )
    if move == "attachments":
        return bool(ctx.sit.attachments) or ctx.sit.interest == "yes"
    if move == "contact":
        return bool(ctx.facts["email"] or ctx.facts["phone"])
    if move == "linkedin":
        return bool(ctx.facts["linkedin"])
    return True


def _move_names(step: str) -> list[str]:
    """The moves a step carries: "thanks+interview_ref/short" → thanks, interview_ref."""
    return [m.split("/")[0] for m in step.split("+")]


def _path(move: str, ctx: _Context) -> tuple[str, ...]:
    """Where in a phrase bank the phrasings for this move and situation are."""
    sit, facts = ctx.sit, ctx.facts
    if move.startswith(("decision", "reason/", "apology/")) and "/" in move:
        # a shorter form of a move that depends on the situation: same keys, shorter words
        base, _, form = move.partition("/")
        path = _path(base, ctx) if not base.startswith("decision") else (base, ctx.action)
        return (f"{base}/{form}", *path[1:2])
    if "/" in move:
        return (move,)  # a named shorter form, e.g. "interview_ref/short"
    if move == "apology":
        return (move, ctx.owed or ctx.action)
    if move in ("decision", "decision+linkedin", "decision+alternatives"):
        return (move, ctx.action)
    if move == "reason":
        reason = sit.reason or "other"
        if reason == "accepted-offer" and facts["new_employer"]:
            kind = "named"
        elif reason == "other" or (sit.detail == "full" and facts["reason_text"]):
            kind = "full"
        else:
            kind = "brief"
        return (move, reason, kind)
    if move == "alternatives":
        return (move, "slots") if ctx.has_alternatives else (move, "none", ctx.action)
    if move == "future":
        key = ctx.action if ctx.action in ("reschedule", "online") else sit.interest
        return (move, key)
    if move == "attachments":
        return (move, "files" if sit.attachments else "none")
    if move == "contact":
        both = facts["email"] and facts["phone"]
        return (move, "both" if both else "email" if facts["email"] else "phone")
    return (move,)


def _render(step: str, ctx: _Context, channel: str, register: str) -> str:
    options = phrases(ctx.language, register, channel, _path(step, ctx))
    return tidy(options[ctx.variant % len(options)].format_map(ctx.facts))


def _fits(text: str, spec: ChannelSpec, language: str, limit: float | None) -> bool:
    size = size_of(text, spec, language)
    if size is None or limit is None:
        return True
    if spec.measure is not None and spec.measure.unit == "seconds":
        return size < limit
    return size <= limit


def _assemble(
    paragraphs: list[list[str]], ctx: _Context, spec: ChannelSpec, register: str
) -> tuple[str, tuple[str, ...]]:
    parts: list[str] = []
    moves: list[str] = []
    for para in paragraphs:
        rendered = [_render(step, ctx, spec.name, register) for step in para]
        rendered = [r for r in rendered if r]
        if rendered:
            parts.append(" ".join(rendered))
            moves.extend(m for step in para for m in _move_names(step))
    return "\n\n".join(parts), tuple(moves)


def _subject(ctx: _Context) -> str:
    words = common(ctx.language)["subject"]
    base = str(words[ctx.action])
    if ctx.facts["position"]:
        base = str(words["with_position"]).format(subject=base, position=ctx.facts["position"])
    return base


def reply_subject(inv_subject: str | None, fallback: str, language: str) -> str:
    """ "Re: " + the invitation's subject, never "Re: Re: …"; the fallback when it has none."""
    subject = re.sub(r"\s+", " ", inv_subject or "").strip()
    if not subject:
        return fallback
    if re.match(r"(?i)^(re|aw|balas)\s*:", subject):
        return subject
    return str(common(language)["reply_prefix"]) + subject


def _limit(spec: ChannelSpec, extended: bool) -> float | None:
    """The length the channel's draft is written within (its extended limit when allowed)."""
    if spec.measure is None:
        return None
    if extended and spec.measure.extended is not None:
        return spec.measure.extended
    return spec.measure.limit


def _compose_channel(spec: ChannelSpec, ctx: _Context, now: datetime, extended: bool) -> Draft:
    channel = spec.name
    register = spec.register_in(ctx.language)
    limit = _limit(spec, extended)
    paragraphs = [
        [step for step in para if all(_applies(m, ctx, spec) for m in _move_names(step))]
        for para in spec.paragraphs(ctx.action)
    ]
    text, moves = _assemble(paragraphs, ctx, spec, register)
    for dropped in spec.drop_order:
        if _fits(text, spec, ctx.language, limit):
            break
        # "a>b" puts the shorter step b in place of a; a plain name drops the step.
        old, _, new = dropped.partition(">")
        paragraphs = [
            [new if s == old else s for s in para if s != old or new] for para in paragraphs
        ]
        text, moves = _assemble(paragraphs, ctx, spec, register)
    if spec.layout == "script":
        text = _call_script(paragraphs, ctx, spec, register)
    subject = None
    if spec.subject == "reply":
        subject = reply_subject(ctx.inv.subject, _subject(ctx), ctx.language)
    elif spec.subject == "own":
        subject = _subject(ctx)
    if spec.layout == "letter":
        text = _letter_heading(ctx, subject or _subject(ctx), now) + "\n\n" + text
        if ctx.language == "id":
            # the sender's block under the signed name: how to answer the letter
            sender = [x for x in (ctx.facts["email"], ctx.facts["phone"]) if x]
            text = "\n".join([text.rstrip(), *sender])
    return Draft(
        channel=channel,
        language=ctx.plan.language,
        register=register,
        text=text,
        moves=moves,
        subject=subject,
        action=ctx.plan.action,
        proposed=ctx.sit.alternatives[0] if ctx.sit.alternatives else None,
    )


def _call_script(
    paragraphs: list[list[str]], ctx: _Context, spec: ChannelSpec, register: str
) -> str:
    words = common(ctx.language)["call"]
    lines = [str(words["title"])]
    if ctx.inv.contact.phone:
        who = f" ({ctx.inv.contact.name})" if ctx.inv.contact.name else ""
        lines.append(f"{words['to']}: {ctx.inv.contact.phone}{who}")
    lines.append("")
    number = 0
    for para in paragraphs:
        for step in para:
            rendered = _render(step, ctx, spec.name, register)
            if rendered:
                number += 1
                label = " / ".join(str(words["labels"][m]) for m in _move_names(step))
                lines.append(f"{number}. {label}: {rendered}")
    lines += ["", str(words["voicemail"])]
    return "\n".join(lines)


def _letter_heading(ctx: _Context, subject: str, now: datetime) -> str:
    words = common(ctx.language)["letter"]
    date = day(now, "letter_date", ctx.language)
    city = ctx.facts["city"]
    place_date = str(words["place_date"]).format(city=city, date=date) if city else date
    count = len(ctx.sit.attachments)
    enclosure = (
        str(words["attachment_count"]).format(count=count)
        if count
        else str(words["attachment_none"])
    )
    lines: list[str] = []
    if ctx.language == "en":
        # English business letter: the sender's block first, then the date.
        sender = [
            ctx.facts["name"],
            city,
            " | ".join(x for x in (ctx.facts["email"], ctx.facts["phone"]) if x),
        ]
        lines += [x for x in sender if x] + ["", place_date, ""]
        if ctx.inv.contact.name and ctx.facts["addressee"] != common("en")["address"]["unknown"]:
            lines.append(ctx.facts["addressee"])
        lines += [ctx.facts["recipient_org"], ""]
        lines.append(f"{words['subject_label']}: {subject}")
        if enclosure:
            lines.append(f"{words['attachment_label']}: {enclosure}")
    else:
        lines += [place_date, ""]
        lines.append(f"{words['attachment_label']}: {enclosure}")
        lines.append(f"{words['subject_label']}: {subject}")
    return "\n".join(lines)


def owed_apology(plan: Plan, inv: Invitation, sit: Situation, now: datetime) -> str | None:
    """Why the reply owes an apology whatever it says: answering after the reply-by date,
    at short notice, or changing an interview already confirmed; None when nothing is owed."""
    if inv.reply_by is not None and now > inv.reply_by:
        return "after_deadline"
    if plan.urgency.level == "late":  # under a day left (the plan's one threshold)
        return "short_notice"
    if sit.confirmed and plan.action != "decline":
        return "confirmed"
    return None


def compose(
    plan: Plan,
    inv: Invitation,
    sit: Situation,
    profile: Profile,
    *,
    now: datetime,
    channels: Sequence[str] | None = None,
    variant: int = 0,
    extended: bool = False,
) -> list[Draft]:
    """Write one draft per channel (the plan's channels unless `channels` is given).

    Pure: the same values give the same drafts; `variant` picks another wording; `extended`
    lets a channel use its larger limit (LinkedIn's premium notes).
    """
    wanted = list(channels) if channels is not None else [s.channel for s in plan.steps]
    known = registry()
    unique: list[Channel] = []
    for name in wanted:
        if known.get(name) is None:
            raise UserError("choice.not_one_of", field="channel", value=name, choices=known.names())
        if name not in unique:
            unique.append(name)
    if variant < 0:
        raise UserError("draft.variant_negative", field="variant", value=variant)
    if calendar_answer(inv, sit, plan.action) is None:
        # no answer asked, none allowed, or a reschedule with no time to propose: the
        # written reply carries it (never a DECLINED answer to a reschedule)
        unique = [c for c in unique if known.spec(c).kind != "calendar"]
    language = plan.language
    facts = build_facts(inv, sit, profile, language=language, now=now)
    ctx = _Context(
        plan, inv, sit, profile, facts, language, variant, owed_apology(plan, inv, sit, now)
    )
    return [_compose_channel(known.spec(name), ctx, now, extended) for name in unique]


def spoken_seconds(draft: Draft) -> float:
    """How long a spoken draft takes to say at its channel's words-per-minute rate."""
    return speaking_seconds(draft.text, registry().spec(draft.channel).rate(draft.language))


#: the old name, kept for the callers that measure a voicemail
voicemail_seconds = spoken_seconds


def duration_note(draft: Draft) -> str | None:
    """The printed estimate under a script with a time limit ("Perkiraan durasi: 24 detik
    (44 kata, 110 kata per menit)"); None for a channel that is not timed."""
    spec = registry().spec(draft.channel)
    if spec.measure is None or spec.measure.unit != "seconds" or spec.measure.limit is None:
        return None
    wpm = spec.rate(draft.language)
    seconds = spoken_seconds(draft)
    return str(common(draft.language)["voicemail_estimate"]).format(
        seconds=math.ceil(seconds), words=round(seconds * wpm / 60), wpm=round(wpm)
    )


def voicemail_note(draft: Draft) -> str:
    """The estimate of a timed script (a voicemail's), always a line."""
    return duration_note(draft) or ""
