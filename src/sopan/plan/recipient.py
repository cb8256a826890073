"""Where the recipient is, as the invitation shows it: the country a reply is written for
(its language's regional variant, `sopan.language.regions`), and what showed it.

Only the recipient's side counts, never the writer's own place: the person's `--set country`
first, then the zone the invitation gives its times in (a calendar's TZID, "2 PM EST"), the
city or the state and postal code of its address, and the calling code or area code of the
contact's number. A zone sopan assumed (the person's own) shows nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

from sopan.language.profiles import Region, profile
from sopan.language.regions import region_for
from sopan.model import Invitation

#: (country ISO 3166, how it was shown: "set", "zone", "place", "number", what showed it)
Recipient = tuple[str, str, str]


def recipient_country(inv: Invitation) -> Recipient | None:
    """The recipient's country and what showed it; None when the invitation does not tell."""
    if inv.country:
        return inv.country.upper(), "set", inv.country
    from sopan.compose.spoken import zone_known

    if zone_known(inv):
        found = _territory(inv.timezone)
        if found:
            from sopan.language.zones import written_label

            said = written_label(inv.text, inv.timezone or "") if inv.text else None
            return found, "zone", said or inv.timezone or ""
    for where in (inv.location, inv.city, inv.text):
        found_place = _place_country(where)
        if found_place:
            return found_place[0], "place", found_place[1]
    number = number_country(inv.contact.phone)
    if number:
        return number, "number", inv.contact.phone or ""
    return None


def _territory(zone: str | None) -> str | None:
    """The country of an IANA zone (CLDR's, through Babel), None for none or a region-less
    one (UTC)."""
    if not zone:
        return None
    from babel.core import get_global

    found = get_global("zone_territories").get(zone)
    return str(found) if found and str(found).isalpha() else None


def _place_country(text: str | None) -> tuple[str, str] | None:
    """The country of the city abroad a place names ("Austin"), or of a state and postal
    code ("Springfield, IL 62701"), with the words that showed it."""
    if not text:
        return None
    from sopan.read.abroad import city_abroad

    city = city_abroad(text) if len(text) < 300 else None
    if city is not None:
        found = _territory(city[1])
        if found:
            return found, city[0]
    for country, pattern in _postal().items():
        match = pattern.search(text)
        if match:
            return country, match.group(0).lstrip(", ")
    return None


@cache
def _postal() -> Mapping[str, re.Pattern[str]]:
    from sopan.data.books import book

    rows: Mapping[str, Any] = book(
        "places", "addresses.yaml", shape={str: {"states": [str], "postal": str}}
    )
    return {
        country: re.compile(
            rf",[ \t]*(?:{'|'.join(map(re.escape, row['states']))})[ \t]+{row['postal']}(?!\d)"
        )
        for country, row in rows.items()
    }


def number_country(phone: str | None) -> str | None:
    """The country of the contact's number: by its calling code (+1 …), or as it is written
    without one (`sopan.language.phones.parse`: "(217) 650-6776" is North American)."""
    from sopan.language import phones

    parsed = phones.parse(phone)
    if parsed is None:
        return None
    import phonenumbers

    found = phonenumbers.region_code_for_number(parsed)
    return str(found) if found and found != "ZZ" else None


def writing_region(language: str, inv: Invitation) -> str:
    """The regional variant of `language` a reply to `inv` is written in ("us"), or "" for the
    language's own books: the variant of the recipient's country, when it has one."""
    return found[0].code if (found := recipient_region(language, inv)) else ""


def recipient_region(language: str, inv: Invitation) -> tuple[Region, Recipient] | None:
    """The variant of `language` the recipient reads, with where they are and what showed it;
    None when the language has no variant for them (or nothing shows where they are)."""
    from sopan.model.names import LANGUAGES

    if language not in LANGUAGES or not profile(language).regions:
        return None
    where = recipient_country(inv)
    found = region_for(language, where[0]) if where else None
    return (found, where) if found is not None and where is not None else None
