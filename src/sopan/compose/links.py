"""Links built from the contact's phone number (WhatsApp click-to-chat)."""

from __future__ import annotations

from urllib.parse import quote

import phonenumbers

#: WhatsApp runs on mobile numbers; a landline such as an office's 021 number has none.
_MOBILE = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)


def e164(phone: str | None, region: str = "ID", *, mobile: bool = False) -> str | None:
    """The number in E.164 form, or None when it is not a valid (with `mobile`, mobile) number."""
    if not phone:
        return None
    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    if mobile and phonenumbers.number_type(parsed) not in _MOBILE:
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def whatsapp_link(phone: str | None, text: str, region: str = "ID") -> str | None:
    """`https://wa.me/<E.164 digits>?text=…`, only for a valid mobile number."""
    number = e164(phone, region, mobile=True)
    if number is None:
        return None
    return f"https://wa.me/{number.lstrip('+')}?text={quote(text, safe='')}"
