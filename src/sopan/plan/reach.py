"""Which channels reach the recruiter, the written one to answer in, and the calendar answer.

What each channel needs is its spec's `reach` and `role` (data/channels/, read through
`sopan.model.channels`): no channel is named here.
"""

from __future__ import annotations

from email.utils import parseaddr
from functools import cache

from sopan.model import Action, Channel, Invitation, Profile, Situation


def recipient_email(inv: Invitation) -> str | None:
    """The address a written reply goes to: the thread's Reply-To, the contact, the organizer."""
    return inv.reply_to or inv.contact.email or inv.organizer or None


def reachable(inv: Invitation, home: str = "") -> frozenset[Channel]:
    """The channels that can reach the recruiter, as each channel's spec says what it needs
    (`reach` in data/channels/): an e-mail address, a mobile number (an office landline takes
    no text message), any phone number, a calendar invitation, a person named (a LinkedIn note), or
    nothing at all (a letter). A pasted chat with no number is answered in the chat it came from
    (the usual one where they are, `usual_chat`; `home`: the person's own country)."""
    from sopan.language.phones import is_mobile
    from sopan.model.channels import registry

    have = {"anyone"}
    if recipient_email(inv):
        have.add("email")
    if inv.contact.phone:
        have.add("phone")
        if is_mobile(inv.contact.phone):
            have.add("mobile")
    elif asks_call_here(inv):
        # "menginformasikannya melalui nomor ini": the chat's own number can be called back;
        # a chat comes from a mobile, so a text reaches it too
        have |= {"phone", "mobile"}
    if inv.uid:
        have.add("calendar")
    from sopan.compose.address import addressing

    if addressing(inv, inv.language).person:
        have.add("person")  # a connection note goes to a person, never to a team or nobody
    out = {s.name for s in registry().specs if s.reach in have}
    chat = _pasted_chat(inv, home)
    if chat is not None:
        out.add(chat)
    here = _asked_here(inv, home)
    if here is not None and registry().spec(here).kind == "chat":
        out.add(here)  # "balas chat ini": the chat it came in, whatever number it shows
    return frozenset(out)


def asks_call_here(inv: Invitation) -> bool:
    """Whether the invitation, writing no number, asks to be called on the number it came
    from ("mohon menginformasikannya melalui nomor ini", "call this number"): its call
    channel's `came_by`."""
    from sopan.model.channels import registry

    if inv.contact.phone or recipient_email(inv):
        return False  # a written number or address is the way; "this number" is that one
    return any(came_by(inv, s.name) for s in registry().with_role("call"))


def can_call(inv: Invitation) -> bool:
    """Whether there is a number to call: one written, or the one the message came from."""
    return bool(inv.contact.phone) or asks_call_here(inv)


#: the country whose mobiles rarely have a voicemail box set up: after an unanswered call a
#: text or chat reaches the person, a voicemail does not (C2.1)
_NO_VOICEMAIL_PREFIX = "+62"


def leaves_voicemail(inv: Invitation) -> bool:
    """Whether an unanswered call is followed by a voicemail (C2.1): yes to an office line and
    to a number abroad; no to an Indonesian mobile, where a voicemail box is rarely set up and
    a WhatsApp or SMS after the call is what reaches them (also the mobile an Indonesian chat
    came from, "melalui nomor ini")."""
    from sopan.language.phones import calling_code, e164, is_mobile

    if inv.contact.phone:
        number = e164(inv.contact.phone) or ""
        return not (number.startswith(_NO_VOICEMAIL_PREFIX) and is_mobile(inv.contact.phone))
    # the number a chat came from: where the chat's language is spoken
    from sopan.language.profiles import profile
    from sopan.model.names import LANGUAGES

    home = profile(inv.language).home_country if inv.language in LANGUAGES else ""
    return not (asks_call_here(inv) and calling_code(home) == _NO_VOICEMAIL_PREFIX)


def _pasted_chat(inv: Invitation, home: str = "") -> Channel | None:
    """Where a message that gives no way to reach them is answered: where it came in. An
    e-mail (read from a file, a calendar file, or copied with its subject or message id) is
    answered in its thread; a chat with no number in the chat it came from."""
    if inv.contact.phone or recipient_email(inv) or asks_call_here(inv):
        return None
    from sopan.model.channels import registry

    mail = next((s.name for s in registry().with_role("reply") if s.reach == "email"), None)
    if inv.source in ("email", "ics") or inv.subject or inv.message_id:
        return mail
    here = _asked_here(inv, home)
    if here is not None:
        return here
    chat = _chat_it_came_by(inv, None, home)
    if chat is not None and came_by(inv, chat):
        return chat
    if _mail_signs(inv):
        # written as an e-mail ("Dear …", "Hi …, … Respectfully,"): answered in its thread
        return mail
    return None if _letter_it_is(inv) is not None else chat


def _mail_signs(inv: Invitation) -> bool:
    """Whether pasted text is an e-mail: its words ("Dari:", "this email", "Best regards")
    or its frame (a greeting and a closing each on a line of their own, `written_as_mail`),
    and it is not written as a letter ("Kepada Yth.", "Demikian surat …")."""
    from sopan.model.channels import registry
    from sopan.read.layout import written_as_mail

    mail = next((s.name for s in registry().with_role("reply") if s.reach == "email"), None)
    if mail is None or _letter_it_is(inv) is not None:
        return False
    return came_by(inv, mail) or written_as_mail(inv.text)


def _asked_here(inv: Invitation, home: str = "") -> Channel | None:
    """The channel a pasted invitation asks to be answered in, by replying to it (R2.1): a
    chat's own words ("balas chat ini", "reply to this chat": its spec's `asks_here`) name
    that chat; "membalas pesan ini", "reply to this message" (`reply_here`) name where the
    message came: its e-mail thread when it is written as an e-mail, else the chat it came
    in (a letter-form message asking for a reply to "this message" came by chat). None when
    it asks for no reply here, or came with its e-mail headers (answered in the thread)."""
    from sopan.model.channels import registry
    from sopan.read.words import phrase_re

    if inv.source in ("email", "ics") or inv.subject or inv.message_id:
        return None
    text = inv.text.lower()
    chats = [s for s in registry().with_role("reply") if s.kind == "chat"]
    for spec in chats:
        if any(cue in text for cue in spec.asks_here):
            return spec.name
    if phrase_re("reply_here").search(inv.text) is None:
        return None
    if _mail_signs(inv):
        return next((s.name for s in registry().with_role("reply") if s.reach == "email"), None)
    return _chat_it_came_by(inv, None, home)


def written_as_letter(inv: Invitation) -> bool:
    """Whether the invitation is written as a letter ("Demikian surat panggilan ini",
    "Perihal", "Kepada Yth."): a letter channel's `came_by`."""
    return _letter_it_is(inv) is not None


def _letter_it_is(inv: Invitation) -> Channel | None:
    """The letter channel when the invitation is written as a letter (a surat panggilan, its
    "Perihal", "Kepada Yth.": its spec's `came_by`), else None."""
    from sopan.model.channels import registry

    letters = [s.name for s in registry().of_kind("written") if s.reach == "anyone"]
    return next((name for name in letters if came_by(inv, name)), None)


def _chat_it_came_by(
    inv: Invitation, reach: frozenset[Channel] | None, home: str = ""
) -> Channel | None:
    """The chat channel the invitation came through: the one whose words it carries (a
    wa.me link, "Telegram"), else the usual one where the recruiter is (`usual_chat`), else
    the first chat that replies in plans; only among `reach` when given."""
    from sopan.model.channels import registry

    usual = usual_chat(inv, home)
    chats = [
        s for s in registry().of_kind("chat") if (s.role == "reply" or s.name == usual)
        and (reach is None or s.name in reach)
    ]  # fmt: skip
    text = inv.text.lower()
    said = [s for s in chats if any(word in text for word in s.came_by)]
    if said:
        return said[0].name
    found = next((s for s in chats if s.name == usual), chats[0] if chats else None)
    return found.name if found else None


def usual_chat(inv: Invitation, home: str = "") -> Channel | None:
    """The chat a recruiter's mobile is usually written to where they are (R2.1, C2.1):
    WhatsApp in Indonesia, a text message in the United States, as `data/plan/chats.yaml`
    says per country. Where they are: the country of the number (its calling code), else the
    one the person gave the recipient (--set country), else `home`, the person's own."""
    from sopan.plan.recipient import number_country

    country = (number_country(inv.contact.phone) or inv.country or home or "").upper()
    table = _chat_table()
    return next((name for name, where in table[1].items() if country in where), table[0])


@cache
def _chat_table() -> tuple[Channel, dict[Channel, frozenset[str]]]:
    """The usual chat, and each other chat → the countries where it is the usual one."""
    from sopan.data.books import book

    rows = book("plan", "chats.yaml", shape={"usual": str, "countries": {str: [str]}})
    countries = {str(k): frozenset(str(c).upper() for c in v) for k, v in rows["countries"].items()}
    return str(rows["usual"]), countries


def came_by(inv: Invitation, channel: Channel) -> bool:
    """Whether the invitation carries the words that show it came through `channel` (its
    spec's `came_by`: a header line or "this e-mail" for an e-mail, a wa.me link for a chat)."""
    import re

    from sopan.model.channels import registry

    text = inv.text.lower()
    cues = registry().spec(channel).came_by
    return any(re.search(rf"(?<!\w){re.escape(c.lower())}", text) for c in cues)


def _not_here(inv: Invitation, channel: Channel) -> bool:
    """Whether the invitation asks not to be answered where it came ("do not reply to this
    email", "jangan membalas email ini": its spec's `not_here`)."""
    from sopan.model.channels import registry

    text = inv.text.lower()
    return any(cue in text for cue in registry().spec(channel).not_here)


def written_medium(
    inv: Invitation, reach: frozenset[Channel] | None = None, home: str = ""
) -> tuple[Channel | None, str]:
    """The written channel to answer in (R2.1), and the key of the reason it was chosen.

    Email and calendar invitations are answered by email (in the same thread). Pasted text
    carries no headers, so its medium is inferred: a subject or message id means a copied
    email, and so does one written as an e-mail or a letter ("Dear …", "Demikian surat
    panggilan ini"; a letter with no address is answered by a letter); otherwise a mobile
    number means a chat (the one it came by), an email address means email, an office
    landline alone means no written channel (None: phone them), and nothing at all means the
    chat it was pasted from. The chat is the one usual where the recruiter is (`usual_chat`,
    `home` the person's country): WhatsApp to an Indonesian mobile, a text message to an
    American one.
    """
    from sopan.model.channels import registry

    reach = reachable(inv, home) if reach is None else reach
    mail = next((s.name for s in registry().with_role("reply") if s.reach == "email"), None)
    if mail in reach and recipient_email(inv) and _not_here(inv, mail):
        # "Please do not reply to this email": the draft writes to the contact's address
        return mail, "email_contact"
    if inv.source in ("email", "ics") and mail in reach:
        return mail, inv.source
    if (inv.subject or inv.message_id) and mail in reach:
        return mail, "email" if recipient_email(inv) else "text_thread"
    here = _asked_here(inv, home)
    if here is not None and here in reach:
        # "mohon konfirmasi dengan membalas chat ini": where it asks, even when the text
        # gives no number, or reads as a letter (R2.1)
        if here == mail:
            return mail, ("text_email" if recipient_email(inv) else "text_thread")
        return here, "text_asked"
    letter = _letter_it_is(inv)
    if mail in reach and (came_by(inv, mail) or letter is not None):
        # a pasted e-mail ("Dari: … <hr@…>", "balas email ini", "Dear … Best regards") or
        # letter is answered by e-mail even when its signature gives a number too: the number
        # is one more way to reach them
        return mail, ("text_email" if recipient_email(inv) else "text_thread")
    chat = _chat_it_came_by(inv, reach, home)
    if chat is not None and came_by(inv, chat):
        # a chat's own words ("wa.me/…", "WhatsApp"): answered in that chat
        return chat, ("text_phone" if can_call(inv) else "text_none")
    if letter is not None and not can_call(inv):
        # a letter with no e-mail address or number to write to is answered by a letter, sent
        # the way it came (by hand, by post, or as an attachment), never in a chat (R2.1)
        return letter, "text_letter"
    if mail in reach and _mail_signs(inv):
        # "Hi …, … Respectfully, Elev8 Services": an e-mail copied without its headers is
        # answered in its thread (R2.1)
        return mail, "text_thread"
    if chat is not None:
        if registry().spec(chat).role != "reply":
            # a text message, the usual way to write to a mobile where the recruiter is
            return chat, "text_usual"
        return chat, ("text_phone" if can_call(inv) else "text_none")
    if mail in reach:
        return mail, "text_email"
    if inv.contact.phone:
        return None, "text_landline"
    return _chat_it_came_by(inv, None, home), "text_none"


def own_address(inv: Invitation, profile: Profile) -> tuple[str, bool]:
    """The address the invitation lists the user under, and whether it is the profile's.

    An organizer matches an answer to its attendees by address, so a reply from another
    address is lost: the profile's when listed, else the attendee the e-mail was sent to
    (To, Cc, Delivered-To), else the one attendee named like the user, else the only attendee
    who is neither the organizer nor the recruiter, else the one address the e-mail was sent
    to; the profile's address otherwise."""
    mine = (profile.email or "").strip().lower()
    # an attendee longer than a mail header line (998) is no address, and the standard
    # library's parser recurses once per nested comment or quote in it: a broken calendar's
    # 56,000-character ATTENDEE ran out of stack
    listed = [parseaddr(a) for a in inv.attendees if len(a) <= 998]
    for _, address in listed:
        if address.lower() == mine:
            return address, True
    # the address the invitation was sent to, when the calendar lists it: the organizer
    # matches the answer to that attendee, whatever the profile's address
    sent_to = [a for _, a in listed if a and a.lower() in inv.recipients]
    if len(sent_to) == 1:
        return sent_to[0], False
    named = [a for n, a in listed if a and n.strip().casefold() == profile.name.casefold()]
    if len(named) == 1:
        return named[0], False
    organizer = (inv.organizer or "").lower().removeprefix("mailto:")
    recruiter = (inv.contact.name or "").casefold()
    others = [
        a for n, a in listed if a and a.lower() != organizer and n.strip().casefold() != recruiter
    ]
    if len(others) == 1:
        return others[0], False
    if len(inv.recipients) == 1 and inv.recipients[0] != organizer:
        return inv.recipients[0], inv.recipients[0] == mine  # the one address it was sent to
    return profile.email or "", True


def calendar_answer(inv: Invitation, sit: Situation, action: Action) -> str | None:
    """The calendar answer the plan sends, as its step key, or None when there is none: no
    calendar invitation, one that asks no answer (RSVP=FALSE), a reschedule with no concrete
    time to propose (the email carries the request), or a counter it forbids."""
    if not inv.uid or not inv.rsvp:
        return None
    if action in ("decline", "cancel"):
        return "calendar_decline"
    if not inv.counter_allowed or (action == "reschedule" and not sit.alternatives):
        return None
    return "calendar_propose"
