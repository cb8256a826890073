"""Phone numbers, the one helper every stage uses: E.164 form, whether a number reaches a
mobile (SMS and WhatsApp go only there), and the grouped form a voicemail reads aloud."""

from __future__ import annotations

from typing import Any

#: the region a number written without a country code is read in
DEFAULT_REGION = "ID"


#: where a number written as "(217) 650-6776" is: without a country code and without the
#: leading 0 that national numbers are written with in most countries, it is North American
_NO_PREFIX_REGION = "US"


def parse(phone: str | None, region: str = DEFAULT_REGION) -> Any:
    """The number as phonenumbers reads it (`region` for one written without a country code),
    or None when it is not a valid number. A number written without its country code and
    without the national prefix `region` writes numbers with ("(217) 650-6776" where Indonesia
    writes "(021) …") is not that region's: it is read as North American, or not at all."""
    if not phone:
        return None
    import phonenumbers  # only when a number is there to read

    try:
        parsed = phonenumbers.parse(phone, region)
    except phonenumbers.NumberParseException:
        return None
    digits = "".join(ch for ch in phone if ch.isdigit())
    meta = phonenumbers.PhoneMetadata.metadata_for_region(region)
    written_bare = not phone.lstrip().startswith(("+", "00")) and not digits.startswith(
        ("0", str(phonenumbers.country_code_for_region(region)))
    )
    if written_bare and meta is not None and meta.national_prefix == "0":
        try:
            parsed = phonenumbers.parse(phone, _NO_PREFIX_REGION)
        except phonenumbers.NumberParseException:
            return None
    return parsed if phonenumbers.is_valid_number(parsed) else None


def e164(phone: str | None, region: str = DEFAULT_REGION, *, mobile: bool = False) -> str | None:
    """The number in E.164 form, or None when it is not a valid (with `mobile`, mobile) number."""
    parsed = parse(phone, region)
    if parsed is None or (mobile and not _is_mobile(parsed)):
        return None
    import phonenumbers

    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def is_mobile(phone: str | None, region: str = DEFAULT_REGION) -> bool:
    """Whether the number is a valid mobile one: an office's 021 landline takes no SMS."""
    parsed = parse(phone, region)
    return parsed is not None and _is_mobile(parsed)


def _is_mobile(parsed: Any) -> bool:
    import phonenumbers

    kinds = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    return phonenumbers.number_type(parsed) in kinds


def calling_code(country: str) -> str:
    """A country's calling code as numbers are written with it: "+62" for "ID"; "" for no
    country, or one without a code."""
    if not country:
        return ""
    import phonenumbers

    code = phonenumbers.country_code_for_region(country.upper())
    return f"+{code}" if code else ""


def spoken(phone: str | None, region: str = DEFAULT_REGION) -> str | None:
    """The number as a voicemail says it: international, in groups ("+62 812 3456 7890");
    the number as written when it cannot be parsed."""
    parsed = parse(phone, region)
    if parsed is None:
        return phone.strip() if phone else None
    import phonenumbers

    grouped = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return str(grouped).replace("-", " ")
