"""What a script for the ear needs: the part of the day where the recruiter is, and a phone
number said the way people say numbers in the language.

A greeting names the part of the day only when it is the same wherever the recruiter may be:
the invitation's own zone when it writes one; else the zone of the recruiter's office line (its
area code); else the zone its time was read in when a place it names or its number's calling
code told it ("Lagos", "+234 …"); else every zone of a mobile's country, or for an Indonesian
invitation that tells none of these every Indonesian zone (WIB, WITA, WIT), when they all
agree; a call the plan makes later is greeted as of then, in the zone the plan keeps the
recruiter's working hours in; else nothing (a neutral "Halo").
"""

from __future__ import annotations

from datetime import datetime, time, tzinfo
from zoneinfo import ZoneInfo

from sopan.language import phones
from sopan.language.dateforms import common, day_part
from sopan.language.profiles import profile as profile_of
from sopan.model import Invitation, Profile
from sopan.model.names import LANGUAGES


def zone_known(inv: Invitation) -> bool:
    """Whether the invitation itself gives the recruiter's zone (not one sopan assumed)."""
    if not inv.timezone or inv.timezone in ("UTC", "Etc/UTC"):
        return False
    fact = inv.fact("timezone")
    return fact is None or fact.source != "computed"


def _phone_zones(phone: str | None, region: str, *, mobile: bool = False) -> tuple[str, ...]:
    """The zones a recruiter's office line is in, from its area code ("021" → WIB, "+1 646"
    → New York); none for a mobile number, which does not tell where in its country its owner
    is — with `mobile`, a mobile's are every zone of its country ("0812": WIB, WITA, WIT)."""
    parsed = phones.parse(phone, region)
    if parsed is None:
        return ()
    import phonenumbers
    from phonenumbers import PhoneNumberType, timezone

    kind = phonenumbers.number_type(parsed)
    fixed = kind in (PhoneNumberType.FIXED_LINE, PhoneNumberType.FIXED_LINE_OR_MOBILE)
    if mobile:
        if fixed or kind != PhoneNumberType.MOBILE:
            return ()
        # every zone of its country (CLDR's, through Babel): a mobile is carried anywhere in it
        from babel.core import get_global

        country = str(phonenumbers.region_code_for_number(parsed) or "")
        return tuple(str(z) for z in get_global("territory_zones").get(country, ()))
    if not fixed:
        return ()
    found = tuple(str(z) for z in timezone.time_zones_for_number(parsed))
    return tuple(z for z in found if "/" in z and not z.startswith("Etc/"))


def greeting_part(
    inv: Invitation, profile: Profile, language: str, now: datetime, *, planned: bool = False
) -> str | None:
    """The part of the day to greet the recruiter with ("pagi", "afternoon"), or None when
    it cannot be told where they are. A call the plan has made later (`planned`: `now` is
    then its moment, in the zone the plan keeps the recruiter's working hours in) is greeted
    as of then, there."""
    zones = recruiter_zones(inv, profile)
    if not zones and planned and now.tzinfo is not None:
        zones = (now.tzinfo,)
    if not zones:
        return None
    parts = {day_part(now.astimezone(zone), language) for zone in zones}
    return parts.pop() if len(parts) == 1 else None


def recruiter_zones(inv: Invitation, profile: Profile) -> tuple[tzinfo, ...]:
    """The zones the recruiter may be in, from what tells: the invitation's own zone; the
    zone of their office line (its area code); the place it names or the number's calling
    code, when its time was read there ("Lagos", "+234 …"); the zones of the country of a
    mobile's calling code (an Indonesian mobile: WIB, WITA or WIT); else where the
    invitation's language is spoken, if that is one country. None when nothing tells."""
    if zone_known(inv):
        return (ZoneInfo(str(inv.timezone)),)
    by_phone = _phone_zones(inv.contact.phone, profile.country)
    if by_phone:
        return tuple(ZoneInfo(z) for z in by_phone)
    from sopan.plan import calendar_zone, zone_origin

    origin = zone_origin(inv, profile.timezone)
    shown = calendar_zone(inv, profile.timezone) or inv.timezone
    if origin is not None and origin[0] == "place" and shown:
        return (ZoneInfo(shown),)  # its time was read where the place it names is
    country = _phone_zones(inv.contact.phone, profile.country, mobile=True)
    if country:
        # a mobile is carried anywhere in its country: each of its zones
        return tuple(ZoneInfo(z) for z in country)
    if origin is not None and origin[0] == "number" and shown:
        return (ZoneInfo(shown),)  # its time was read where the number's calling code is
    # where the invitation's language is spoken, if that is one place (WIB, WITA, WIT)
    home = profile_of(inv.language).home_zones if inv.language in LANGUAGES else ()
    return tuple(ZoneInfo(z) for z in home)


def spoken_number(
    phone: str | None, language: str, region: str = "ID", *, caller: str | None = None
) -> str | None:
    """A phone number as people say it, digit by digit in its usual groups: "nol delapan satu
    dua, tiga empat lima enam, tujuh delapan sembilan nol". It is said in its national form
    to someone in the same country (the recruiter's own number, `caller`, tells where they
    are), else with its country code: "plus six two, eight one two, …"."""
    if not phone:
        return None
    import phonenumbers

    parsed = phones.parse(phone, region)
    words = common(language)["digits"]
    if parsed is None:
        groups = [g for g in "".join(ch if ch.isdigit() else " " for ch in phone).split() if g]
    else:
        home = _country(caller, region)
        if home is None:  # nothing tells where the recruiter is: where the language is spoken
            code = phones.calling_code(profile_of(language).home_country)
            home = int(code.removeprefix("+")) if code else None
        same = home == parsed.country_code
        form = (
            phonenumbers.PhoneNumberFormat.NATIONAL
            if same
            else phonenumbers.PhoneNumberFormat.INTERNATIONAL
        )
        written = str(phonenumbers.format_number(parsed, form))
        groups = [
            g for g in "".join(ch if ch.isalnum() or ch == "+" else " " for ch in written).split()
        ]
    said = []
    for group in groups:
        digits = [str(words["plus"])] if group.startswith("+") else []
        digits += [str(words[int(ch)]) for ch in group if ch.isdigit()]
        if digits:
            said.append(" ".join(digits))
    return ", ".join(said) or None


def _country(phone: str | None, region: str) -> int | None:
    """The country code of a phone number (None when it cannot be read)."""
    parsed = phones.parse(phone, region)
    code = parsed.country_code if parsed is not None else None
    return int(code) if code is not None else None


def spoken_clock(moment: datetime | time, language: str) -> str:
    """A time of day as a caller says it (R2.2, C2.1: a script is for the ear), from the
    language's `spoken_time` words: "two-thirty in the afternoon", "ten a.m.", "pukul setengah
    tiga siang", "pukul sepuluh pagi" — never the written "14:30"."""
    words = common(language)["spoken_time"]
    hour, minute = moment.hour, moment.minute
    named = words.get("named") or {}
    if f"{hour}:{minute:02d}" in named:
        return str(named[f"{hour}:{minute:02d}"])

    def from_hour(table: list[list[object]]) -> str:
        found = ""
        for start, name in table:
            if hour >= int(str(start)):
                found = str(name)
        return found

    forms = words["forms"]
    form = str(forms.get(minute, forms["other"]))
    hours = [str(h) for h in words["hours"]]
    said = form.format(
        hour=hours[hour % 12],
        next=hours[(hour + 1) % 12],
        minutes=_minute_words(minute, words),
        part=from_hour(words["parts"]),
        suffix=from_hour(words["suffix"]),
    )
    return " ".join(said.split())


def _minute_words(minute: int, words: dict[str, object]) -> str:
    """The minutes past the hour in words: "thirty", "oh-five", "dua puluh lima"."""
    ones = [str(x) for x in words["ones"]]  # type: ignore[attr-defined]
    if minute < 10:
        return str(words["below_ten"]).format(ones=ones[minute])
    if minute < len(ones):
        return ones[minute]
    tens = str(words["tens"][minute // 10])  # type: ignore[index]
    if minute % 10 == 0:
        return tens
    return str(words["tens_join"]).format(tens=tens, ones=ones[minute % 10])
