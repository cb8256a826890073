"""Links built from the contact's phone number (WhatsApp click-to-chat)."""

from __future__ import annotations

from urllib.parse import quote

import phonenumbers


def e164(phone: str | None, region: str = "ID") -> str | None:
    """The number in E.164 form, or None when it is not a valid number."""
    if not phone:
        return None
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


#: WhatsApp runs on mobile numbers; a landline such as an office's 021 number has none.
_MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def whatsapp_link(phone: str | None, text: str, region: str = "ID") -> str | None:
    """`https://wa.me/<E.164 digits>?text=…`, only for a valid mobile number."""
    number = e164(phone, region)
    if number is None or phonenumbers.number_type(phonenumbers.parse(number)) not in _MOBILE:
        return None
    return f"https://wa.me/{number.lstrip('+')}?text={quote(text, safe='')}"
