"""Plan → drafts: choose the moves per action × channel, render each from the phrase banks."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import Any

from sopan.compose.bank import phrases
from sopan.compose.facts import build_facts, tidy
from sopan.compose.layout import call_script, letter_heading, reply_subject, subject_line
from sopan.data import load_yaml
from sopan.errors import UserError
from sopan.language.dateforms import common
from sopan.model import Channel, Draft, Invitation, Plan, Profile, Situation
from sopan.model.channels import ChannelSpec, registry, size_of, speaking_seconds
from sopan.plan import calendar_answer
from sopan.plan.owed import is_past, owed_apology
from sopan.plan.recipient import writing_region
from sopan.read.words import asks_for_portfolio


@dataclass(frozen=True)
class _Context:
    plan: Plan
    inv: Invitation
    sit: Situation
    profile: Profile
    facts: dict[str, str]
    language: str
    variant: int
    #: what the reply owes an apology for (the one table, `sopan.plan.owed`): "missed",
    #: "confirmed_short_notice", "confirmed", "short_notice", "after_deadline", "change", "none"
    owed: str = "none"
    #: whether the interview has begun or passed (the reply apologises for missing it)
    past: bool = False
    #: the kind of written channel the person answers in after a call ("written" for an
    #: e-mail, "chat"), if any: a voicemail promises a follow-up only through it
    follow_up: str | None = None
    #: the channel of that written follow-up ("whatsapp", "email"), or None
    follow_name: str | None = None
    #: whether the plan sends that written message before the call: a voicemail then says it
    #: is already sent, and promises it only when it comes after (C2.1)
    follow_sent: bool = False
    #: the language's regional variant the recipient reads ("us"; "" its own books:
    #: `sopan.language.regions`), chosen by where they are (`sopan.plan.recipient`)
    region: str = ""

    @property
    def action(self) -> str:
        return self.plan.action

    @property
    def awaits_answer(self) -> bool:
        """Whether the person waits for an answer from them: a new time, an online interview,
        or, still interested, a cancelled interview set again. A decline awaits none, so it
        asks for no callback and no reply."""
        if self.action in ("reschedule", "online"):
            return True
        return self.sit.interest == "yes" and (self.action == "cancel" or self.past)

    @property
    def has_alternatives(self) -> bool:
        return bool(self.sit.alternatives or [t for t in self.sit.alternatives_text if t.strip()])


#: the actions a reply format's "no" answers ("TIDAK_Nama", "NO"): a decline or a cancellation;
#: the format has no answer for a request to move or to go online
FORMAT_ACTIONS = ("decline", "cancel")


def _applies(move: str, ctx: _Context, spec: ChannelSpec) -> bool:
    """Whether an optional move belongs in this message (R5, R6.1, R7, R7.1, C3)."""
    if move == "linkedin" and spec.spoken and not ctx.facts["person"]:
        return False  # a company line is not asked to connect on LinkedIn
    if move == "linkedin" and spec.spoken and ctx.action != "decline":
        return False  # a call about a sick day or a new time is no time to network
    if move == "apology" and ctx.owed != "none" and _regretful(ctx, spec):
        # the apology owed is said by the news itself where the book words it so: an
        # Indonesian message to HR opens with it ("Mohon maaf atas kabar mendadak ini: saya
        # tidak dapat …, padahal sudah konfirmasi hadir"), once (C2.1)
        return False
    if move in spec.always:
        return True
    if move == "strengths":
        return bool(ctx.facts["strengths"])
    if move == "apology":
        return ctx.owed != "none"
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
        return bool(ctx.sit.attachments) or offers_cv(ctx.action, ctx.sit)
    if move == "contact":
        if spec.spoken:  # a callback number is said only when there is one
            return bool(ctx.facts["phone_spoken"])
        return bool(ctx.facts["email"] or ctx.facts["phone"])
    if move == "linkedin":
        return bool(ctx.facts["linkedin"])
    return True


@cache
def _cv_rule() -> dict[str, Any]:
    rule = load_yaml("offers.yaml")["cv_offer"]
    assert isinstance(rule, dict)
    return rule


def offers_cv(action: str, sit: Situation) -> bool:
    """Whether a reply offers to send the CV (`data/offers.yaml`, R7.1): only where it serves —
    a reschedule, a cancellation by someone still interested — never a decline or a
    cancellation for illness."""
    return any(
        action in row["actions"]
        and sit.interest in row.get("interest", [sit.interest])
        and (sit.reason or "") not in row.get("not_reasons", [])
        for row in _cv_rule()["serves"]
    )


def _own_words_decide(ctx: _Context) -> bool:
    """Whether the person's own words, given as the reason, say the decision themselves
    ("… dan tidak melanjutkan ke posisi Business Analyst"; `decides` of the phrase book)."""
    said = str(ctx.facts["reason_text"] or "").lower()
    if not said:
        return False
    # a missed interview's news is that the person did not come: a cancellation's words
    action = "cancel" if ctx.past else ctx.action
    words = [str(w) for w in common(ctx.language)["decides"].get(action, [])]
    return any(re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", said) for w in words)


def _regretful(ctx: _Context, spec: ChannelSpec) -> bool:
    """Whether this channel's decision says the apology owed itself ("Mohon maaf, …") in this
    situation: its book words the news differently for it (under the apology's kind, or
    "regret" when no other apology is owed)."""
    if ctx.past:
        return False  # a missed interview's news and its apology are said apart
    register = spec.register_in(ctx.language)
    steps = {s for para in spec.paragraphs(ctx.action) for s in para if "decision" in s}
    keys = _keys("decision", ctx)
    for step in steps:
        said = phrases(ctx.language, register, spec.name, (step, *keys), ctx.region)
        # the news said with no apology in it: the same decision (a withdrawal too) unkeyed
        # by the apology owed
        bare = (step, ctx.action, "plain", *keys[2:])
        plain = phrases(ctx.language, register, spec.name, bare, ctx.region)
        words = common(ctx.language)["apology_words"]
        chosen = said[ctx.variant % len(said)].lower()
        if said != plain and any(str(w) in chosen for w in words):
            return True
    return False


def _move_names(step: str) -> list[str]:
    """The moves a step carries: "thanks+interview_ref/short" → thanks, interview_ref."""
    return [m.split("/")[0] for m in step.split("+")]


#: the moves whose wording depends on the situation, in the order a step is keyed by them
#: (a step "decision+alternatives" is keyed by its decision)
_KEYED = ("decision", "apology", "reason", "alternatives", "future", "attachments", "contact")


def _keys(move: str, ctx: _Context) -> tuple[str, ...]:
    """The keys under a move's phrasings for this situation."""
    sit, facts = ctx.sit, ctx.facts
    if move == "decision":
        if ctx.past:
            # a missed interview is withdrawn from only by someone who no longer wants the
            # job; someone who still does asks whether it can be rescheduled (C0)
            if sit.interest != "yes" and _own_words_decide(ctx):
                # their words say they did not come: the news only withdraws
                return ("past", "withdraw")
            return ("past", "default" if sit.interest == "yes" else ctx.action)
        # with no apology owed, a chat or a call says the news with its regret ("Mohon maaf,
        # saya tidak dapat …"): the phrase books that need it list it under "regret" (and
        # with a change nothing was confirmed for, the regret is the apology owed); a book
        # that opens the news with the apology owed lists it under that apology's kind
        # a cancellation by someone who no longer wants the job withdraws in the same sentence
        # (C0): "membatalkan … dan sekaligus mengundurkan diri", never the news and then "juga
        # mengundurkan diri" as a second decision (a book without the form says it later)
        quits = ctx.action == "cancel" and sit.interest == "no" and not _own_words_decide(ctx)
        kind = "regret" if ctx.owed in ("none", "change") else ctx.owed
        return (ctx.action, kind, "withdraw" if quits else "default")
    if move == "apology":
        return (ctx.owed, ctx.action)
    if move == "reason":
        reason = sit.reason or "other"
        # the person's own words are said whatever the detail, never beside a stock sentence
        # that may say something else (R4): as their sentence ("own"), else after a frame
        # naming only the kind of reason ("full"); the stock sentence ("brief") without them
        if facts["reason_own"]:
            words = "own"
        elif reason == "other" or facts["reason_text"]:
            words = "full"
        else:
            words = "brief"
        if reason == "accepted-offer" and facts["new_employer"]:
            return (reason, "named", words)
        return (reason, words)
    if move == "alternatives":
        if not ctx.has_alternatives and ctx.sit.not_before and ctx.action == "reschedule":
            # no time of their own, but a first day they can attend: named in every channel,
            # a missed interview's apology too
            return ("from", ctx.action)
        if ctx.past:
            return ("none", "reschedule")
        if not ctx.has_alternatives:
            return ("none", ctx.action)
        # every time offered: the slots typed and those written in words ("Kamis pagi")
        count = len(ctx.sit.alternatives) + len([t for t in ctx.sit.alternatives_text if t.strip()])
        # one time asked for in the sentence itself, "either of" two; a reschedule asks for
        # them, after its news and reason
        size = "one" if count == 1 else "two" if count == 2 else "many"
        return ("slots", size, ctx.action)
    if move == "future":
        if ctx.action in ("reschedule", "online"):
            return (ctx.action,)
        if ctx.past and sit.interest == "yes":
            # a missed interview: the hope to be rescheduled, once (a book whose news of a
            # missed interview already says it lists nothing under "past")
            return ("yes", "cancel", "past")
        return (sit.interest, ctx.action, "now")
    if move == "attachments":
        if sit.attachments:
            return ("files",)
        # a portfolio is offered only to an invitation that asks for one (R6.1)
        return ("none", "portfolio" if asks_for_portfolio(ctx.inv.text or "") else "cv")
    if move == "contact":
        reach = (
            "both" if facts["email"] and facts["phone"] else "email" if facts["email"] else "phone"
        )
        # a callback is asked for only when they have something to answer (R7, C2.1)
        return (
            reach,
            ctx.follow_up or "none",
            "ask" if ctx.awaits_answer else "tell",
            "sent" if ctx.follow_sent else "then",
        )
    return ()


def _path(step: str, ctx: _Context) -> tuple[str, ...]:
    """Where in a phrase bank the phrasings for this step and situation are: the step's own
    name (a shorter form "reason/short" included), then the keys of its first keyed move."""
    names = _move_names(step)
    keyed = next((m for m in _KEYED if m in names), None)
    return (step, *(_keys(keyed, ctx) if keyed else ()))


def _render(step: str, ctx: _Context, channel: str, register: str) -> str:
    options = phrases(ctx.language, register, channel, _path(step, ctx), ctx.region)
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
        rendered: list[str] = []
        for step in para:
            said = _render(step, ctx, spec.name, register)
            if said:
                # a step its book words as nothing in this situation is no move of the draft
                rendered.append(said)
                moves.extend(_move_names(step))
        if rendered:
            parts.append(" ".join(rendered))
    return "\n\n".join(parts), tuple(moves)


def _limit(spec: ChannelSpec, extended: bool) -> float | None:
    """The length the channel's draft is written within (its extended limit when allowed)."""
    if spec.measure is None:
        return None
    if extended and spec.measure.extended is not None:
        return spec.measure.extended
    return spec.measure.limit


def _shorten(
    paragraphs: list[list[str]], ctx: _Context, spec: ChannelSpec, register: str, limit: float
) -> tuple[list[list[str]], str, tuple[str, ...]]:
    """The draft within its limit by shorter wording, step by step as the spec's drop order
    says ("a>b" puts the shorter step b in place of a; a plain name drops the step)."""
    text, moves = _assemble(paragraphs, ctx, spec, register)
    for dropped in spec.drop_order:
        if _fits(text, spec, ctx.language, limit):
            break
        old, _, new = dropped.partition(">")
        if not any(old in para for para in paragraphs):
            continue
        paragraphs = [
            [new if s == old else s for s in para if s != old or new] for para in paragraphs
        ]
        text, moves = _assemble(paragraphs, ctx, spec, register)
    return paragraphs, text, moves


def _compose_channel(spec: ChannelSpec, ctx: _Context, now: datetime, extended: bool) -> Draft:
    register = spec.register_in(ctx.language)
    # an invitation that asks for a reply format is answered, in a chat, in that format
    # first ("TIDAK_Budi Santoso"), then a few courteous lines: the spec's `formatted` moves
    formatted = bool(ctx.facts["reply_format"]) and "formatted" in spec.moves
    paragraphs = [
        [step for step in para if all(_applies(m, ctx, spec) for m in _move_names(step))]
        for para in (spec.moves["formatted"] if formatted else spec.paragraphs(ctx.action))
    ]
    # the person's own words say the decision: the draft does not say it again before them
    # (R2.1, R4), unless its news carries the apology owed
    decided = _own_words_decide(ctx) and not (ctx.owed != "none" and _regretful(ctx, spec))
    if ctx.past and ctx.sit.interest != "yes":
        decided = False  # the news still withdraws (above: "past", "withdraw")
    if decided:
        paragraphs = [[s for s in para if s != "decision"] for para in paragraphs]
    limit = _limit(spec, extended)
    if limit is not None:
        paragraphs, text, moves = _shorten(paragraphs, ctx, spec, register, limit)
    else:
        text, moves = _assemble(paragraphs, ctx, spec, register)
    if decided and "reason" in moves and "decision" not in moves:
        # the own words are the news
        at = moves.index("reason")
        moves = (*moves[:at], "decision", *moves[at:])
    carried = ctx.owed != "none" and "decision" in moves and "apology" not in moves
    if carried and _regretful(ctx, spec):
        # the news said its apology: the apology is carried, right after it
        at = moves.index("decision") + 1
        moves = (*moves[:at], "apology", *moves[at:])
    if spec.layout == "script":
        text = call_script(
            [step for para in paragraphs for step in para],
            lambda step: _render(step, ctx, spec.name, register),
            lambda step: _path(step, ctx),
            ctx.inv,
            ctx.facts["ask_for"],
            ctx.language,
            no_answer=_no_answer(ctx, spec),
            medium=ctx.facts["follow_label"],
        )
    own = subject_line(ctx.action, ctx.facts["position"], ctx.language, ctx.facts["event"])
    subject = None
    if spec.subject == "reply":
        # written fresh, an e-mail's subject names who writes; a letter's "Hal" need not
        fresh = subject_line(
            ctx.action, ctx.facts["position"], ctx.language, ctx.facts["event"], ctx.facts["name"]
        )
        subject = reply_subject(
            ctx.inv.subject, fresh, ctx.language, ctx.facts["position"], ctx.facts["event"]
        )
    elif spec.subject == "own":
        subject = own
    if spec.layout == "letter":
        heading = letter_heading(
            ctx.facts, ctx.inv, subject or own, now, len(ctx.sit.attachments), ctx.language,
            ctx.region,
        )  # fmt: skip
        text = heading + "\n\n" + text
        if common(ctx.language)["letter"].get("sender_last"):
            # the sender's block under the signed name: how to answer the letter
            sender = [x for x in (ctx.facts["email"], ctx.facts["phone"]) if x]
            text = "\n".join([text.rstrip(), *sender])
    return Draft(
        channel=spec.name,
        language=ctx.plan.language,
        register=register,
        text=text,
        moves=moves,
        subject=subject,
        action=ctx.plan.action,
        proposed=ctx.sit.alternatives[0] if ctx.sit.alternatives else None,
        region=ctx.region,
    )


def _no_answer(ctx: _Context, call: ChannelSpec) -> str:
    """What the call script says to do when nobody answers, as the plan does it (C2.1): a
    voicemail only where one is left (never to an Indonesian mobile), then the written reply
    when the plan sends it after the call ("_then"), or a word that it is already sent
    ("_sent"); with no written reply, a voicemail and a call again later."""
    from sopan.plan.reach import leaves_voicemail

    voicemail = bool(call.unanswered) and leaves_voicemail(ctx.inv)
    if ctx.follow_name is None:
        return "voicemail_alone" if voicemail else "alone"
    return ("voicemail" if voicemail else "text") + ("_sent" if ctx.follow_sent else "_then")


def _sent_first(plan: Plan, written: str | None) -> bool:
    """Whether the plan sends the written message `written` before its call (an e-mail
    answered first, an office closed now): what follows the call then says it is sent."""
    from sopan.model.channels import registry

    order = [s.channel for s in plan.steps]
    calls = [c for c in order if (found := registry().get(c)) is not None and found.role == "call"]
    if written is None or written not in order or not calls:
        return False
    return order.index(written) < order.index(calls[0])


def _follow_up(inv: Invitation, profile: Profile) -> ChannelSpec | None:
    """The written channel a voicemail may promise a follow-up through: the plan's written
    reply, when it reaches the recruiter (an e-mail only with an address to send it to)."""
    from sopan.plan import reachable, written_medium

    reach = reachable(inv, profile.country)
    medium, _ = written_medium(inv, reach, profile.country)
    if medium is None or medium not in reach:
        return None
    found = registry().spec(medium)
    if found.reach == "email" and not profile.email:
        return None
    return found


def _follow_kind(follow: ChannelSpec | None) -> str | None:
    """How a voicemail names the written follow-up, the key of its phrasings: by its kind
    ("by email", "a WhatsApp message to this number"), or as a text message ("I've also
    texted you") when a text message is the reply."""
    if follow is None:
        return None
    return follow.kind if follow.role == "reply" else follow.role


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
    known = registry()
    # a step with no channel of its own (answering on a portal) has no draft
    planned = [s.channel for s in plan.steps if known.get(s.channel) is not None]
    wanted = list(channels) if channels is not None else planned
    unique: list[Channel] = []
    for name in wanted:
        if known.get(name) is None:
            raise UserError("choice.not_one_of", field="channel", value=name, choices=known.names())
        if name not in unique:
            unique.append(name)
    if variant < 0:
        raise UserError("draft.variant_negative", field="variant", value=variant)
    if calendar_answer(inv, sit, plan.action) is None or is_past(inv, plan.urgency):
        # no answer asked, none allowed, a reschedule with no time to propose, or an
        # interview already past: the written reply carries it (never a DECLINED answer to a
        # reschedule)
        unique = [c for c in unique if known.spec(c).kind != "calendar"]
    language = plan.language
    # the recipient's regional variant of the language, by where they are, never the writer
    region = writing_region(language, inv)
    facts = build_facts(inv, sit, profile, language=language, now=now, region=region)
    if plan.action not in FORMAT_ACTIONS:
        # "TIDAK_Budi" on top of a request for another time reads as a withdrawal: a
        # reschedule or an online interview is asked for in words, without the code (R2.1)
        facts["reply_format"] = ""
    follow = _follow_up(inv, profile)
    facts["follow_label"] = follow.label_in(language) if follow else ""
    ctx = _Context(
        plan, inv, sit, profile, facts, language, variant,
        owed=owed_apology(plan.action, inv, sit, plan.urgency, now),
        past=is_past(inv, plan.urgency),
        follow_up=_follow_kind(follow),
        follow_name=follow.name if follow else None,
        follow_sent=_sent_first(plan, follow.name if follow else None),
        region=region,
    )  # fmt: skip
    # a script is said when the plan has the call made (an office line that is closed now is
    # called when it opens): its greeting and its "hari ini" / "besok" are as of then (R2.2)
    said = ctx
    if plan.call_at is not None:
        spoken = build_facts(
            inv, sit, profile, language=language, now=plan.call_at, region=region, planned=True
        )
        said = replace(ctx, facts={**spoken, "follow_label": facts["follow_label"]})
    return [
        _compose_channel(known.spec(name), said if known.spec(name).spoken else ctx, now, extended)
        for name in unique
    ]


def spoken_seconds(draft: Draft) -> float:
    """How long a spoken draft takes to say at its channel's rate."""
    rate = registry().spec(draft.channel).rate(draft.language)
    return speaking_seconds(draft.text, rate, draft.language)


#: the old name, kept for the callers that measure a voicemail
voicemail_seconds = spoken_seconds


def duration_note(draft: Draft) -> str | None:
    """The printed estimate under a script with a time limit ("Perkiraan durasi: 24 detik
    (44 kata)"); None for a channel that is not timed."""
    spec = registry().spec(draft.channel)
    if spec.measure is None or spec.measure.unit != "seconds" or spec.measure.limit is None:
        return None
    return str(common(draft.language)["voicemail_estimate"]).format(
        seconds=math.ceil(spoken_seconds(draft)), words=len(draft.text.split())
    )


def voicemail_note(draft: Draft) -> str:
    """The estimate of a timed script (a voicemail's), always a line."""
    return duration_note(draft) or ""
