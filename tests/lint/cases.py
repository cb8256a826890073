"""The Indonesian reply fixtures, the context each is linted in, and the rules it must raise."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from sopan.model import Contact, Invitation, Profile

PROFILE = Profile(name="Rina Kusuma", email="rina.kusuma@example.com", phone="0812-3456-7890")
INVITATION = Invitation(
    language="id",
    source="email",
    company="PT Sinar Terang",
    position="Analis Data",
    start=datetime.fromisoformat("2026-11-23T10:00:00+07:00"),
    end=datetime.fromisoformat("2026-11-23T11:00:00+07:00"),
    timezone="Asia/Jakarta",
    contact=Contact(name="Sari Wulandari", email="sari@sinarterang.example"),
    reference="HRD/045/XI/2026",
)
EMAIL: dict[str, Any] = {"channel": "email", "profile": PROFILE, "invitation": INVITATION}

HONORIFIC = replace(INVITATION, contact=Contact("Ibu Sari Wulandari", "sari@sinarterang.example"))

#: fixture name → (lint_text keyword arguments, the exact set of rule ids it must raise)
CASES: dict[str, tuple[dict[str, Any], set[str]]] = {
    "id_whatsapp_sarcasm_blame": (
        {"channel": "whatsapp", "action": "decline"},
        {"sarcasm", "blame"},
    ),
    "id_email_offer_named_but_interested": (
        {**EMAIL, "action": "decline"},
        {"names_employer", "withdraw_but_interested"},
    ),
    "id_email_honorific_utc": (
        {**EMAIL, "action": "reschedule", "invitation": HONORIFIC},
        {"known_honorific", "foreign_zone"},
    ),
    "id_clean_email_decline": ({**EMAIL, "action": "decline", "detail": "brief"}, set()),
    "id_clean_letter_reschedule": (
        {**EMAIL, "channel": "letter", "action": "reschedule"},
        {"reference_missing"},
    ),
    "id_email_blame_inflexible_schedule": (
        {"channel": "email", "profile": PROFILE, "action": "decline"},
        {"blame", "required_thanks"},
    ),
    "id_whatsapp_hedging_caps": (
        {"channel": "whatsapp", "action": "decline"},
        {"hedging", "all_caps", "exclamation_run"},
    ),
    "id_email_vague_over_apology": (
        {"channel": "email", "profile": PROFILE, "action": "cancel"},
        {"vague_reason", "over_apology"},
    ),
    "id_email_oversharing_health_employer": (
        {
            "channel": "email",
            "profile": PROFILE,
            "action": "cancel",
            "detail": "brief",
            "new_employer": "PT Cahaya Abadi",
        },
        {"health_detail", "new_employer"},
    ),
    "id_email_missing_moves": (
        {"channel": "email", "profile": PROFILE, "action": "decline"},
        {
            "required_thanks",
            "required_decision",
            "required_interview_ref",
            "required_contact",
            "required_greeting",
            "required_closing",
            "closing_name",
        },
    ),
    "id_whatsapp_reschedule_no_alternatives": (
        {"channel": "whatsapp", "action": "reschedule"},
        {"required_alternatives"},
    ),
    "id_letter_conventions": (
        {"channel": "letter", "profile": PROFILE, "action": "decline"},
        {"yth", "bapak_ibu", "dengan_hormat", "hormat_saya", "letter_subject", "terima_kasih"},
    ),
    "id_email_mechanics_typos": (
        {"channel": "email", "profile": PROFILE, "action": "decline"},
        {"repeated_word", "double_space", "space_after_punctuation", "spelling"},
    ),
    "id_email_wrong_reference_and_date": (
        {**EMAIL, "action": "decline"},
        {"reference_mismatch", "date_mismatch"},
    ),
    "id_email_weekday_wrong": (
        {"channel": "email", "profile": PROFILE, "action": "decline"},
        {"weekday_mismatch"},
    ),
    "id_email_reference_left_out": ({**EMAIL, "action": "decline"}, {"reference_missing"}),
    "id_linkedin_note_too_long": (
        {"channel": "linkedin", "action": "decline"},
        {"channel_length_hard", "linkedin_note_free"},
    ),
    "id_whatsapp_chat_abbreviations": (
        {"channel": "whatsapp", "profile": PROFILE, "action": "decline"},
        {"chat_abbreviation"},
    ),
    "id_sms_four_parts": ({"channel": "sms", "action": "decline"}, {"channel_length"}),
    "id_voicemail_no_apology": (
        {"channel": "voicemail", "action": "cancel"},
        {"required_apology_voicemail"},
    ),
    "id_voicemail_too_long": ({"channel": "voicemail", "action": "cancel"}, {"channel_length"}),
}
