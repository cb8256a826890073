"""Links built from the contact's phone number (WhatsApp click-to-chat)."""

from __future__ import annotations

from urllib.parse import quote

from sopan.language.phones import e164


def whatsapp_link(phone: str | None, text: str, region: str = "ID") -> str | None:
    """`https://wa.me/<E.164 digits>?text=…`, only for a valid mobile number."""
    number = e164(phone, region, mobile=True)
    if number is None:
        return None
    return f"https://wa.me/{number.lstrip('+')}?text={quote(text, safe='')}"
