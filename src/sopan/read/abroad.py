"""The zone of a place abroad an invitation names: its venue's city ("Ikorodu Rd, Lagos",
"Location: Berlin") or its contact's number with a country's calling code (+234 …).

An invitation that writes no zone is read in the zone of where it happens (R1): 08:00 at a
venue in Lagos is 08:00 in Lagos, never 08:00 in the reader's own zone. The cities are data
(`data/places/world_cities.csv`); the calling codes are the phone library's. Indonesian cities
are `sopan.language.places`' (they carry travel, too).
"""

from __future__ import annotations

import csv
import io
import re
from functools import cache

from sopan._infra import rx
from sopan.data import data_path


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


@cache
def _places() -> dict[str, tuple[str, str]]:
    """Each city's name and alias, normalised → (its name, its IANA zone)."""
    text = data_path("places", "world_cities.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO("".join(ln for ln in text.splitlines(True) if ln[:1] != "#")))
    out: dict[str, tuple[str, str]] = {}
    for row in rows:
        for label in (row["name"], *row["aliases"].split("|")):
            if label.strip():
                out.setdefault(_norm(label), (row["name"], row["tz"]))
    return out


def _cities() -> dict[str, str]:
    return {label: tz for label, (_, tz) in _places().items()}


@cache
def _city_re() -> re.Pattern[str]:
    labels = sorted(_cities(), key=len, reverse=True)  # "new york city" before "new york"
    return rx.compile(r"(?<!\w)(" + "|".join(map(re.escape, labels)) + r")(?!\w)")


def city_abroad(location: str | None) -> tuple[str, str] | None:
    """The city abroad a venue's address names (the last one: an address ends with its
    city), as (its name as the address writes it — "Singapura", not the list's "Singapore" —
    and its zone), else None."""
    if not location:
        return None
    found = _city_re().findall(_norm(location))
    if not found:
        return None
    name, tz = _places()[found[-1]]
    words = r"[^\w]+".join(map(re.escape, found[-1].split()))
    written = re.findall(rf"(?<!\w){words}(?!\w)", location, re.IGNORECASE)
    if written and not written[-1].isupper():  # "LAGOS" in a heading: the list's "Lagos"
        name = " ".join(written[-1].split())
    return name, tz


def city_zone(location: str | None) -> str | None:
    """The zone of the city abroad a venue's address names, else None."""
    found = city_abroad(location)
    return found[1] if found else None


def _home(user_tz: str) -> tuple[str, frozenset[str]]:
    """The user's country and its zones, from the language profiles whose home holds the
    user's zone (Indonesia's three for Asia/Jakarta), else no country and the zone alone."""
    from sopan.language.profiles import profile
    from sopan.model.names import LANGUAGES

    for code in LANGUAGES:
        p = profile(code)
        if user_tz in p.home_zones:
            return p.home_country, frozenset(p.home_zones)
    return "", frozenset({user_tz})


def number_zone(phone: str | None) -> str | None:
    """The zone of a number written with its calling code (+234 …, 0049 …), when its
    country (or its area) has one zone; None for a number written without one, or none."""
    written = _dialled(phone)
    if not written.startswith("+"):
        return None  # a number without its calling code says nothing of where it is
    import phonenumbers
    from phonenumbers import timezone as phone_zones

    try:
        number = phonenumbers.parse(written, None)
    except phonenumbers.NumberParseException:
        return None
    zones = [z for z in phone_zones.time_zones_for_number(number) if z != "Etc/Unknown"]
    return zones[0] if len(zones) == 1 else None


def phone_zone(phone: str | None, user_tz: str) -> str | None:
    """The zone of a number of another country than the user's (`number_zone`); None for one
    of the user's own country (whose zones the reader already reads in)."""
    there = number_zone(phone)
    if there is None:
        return None
    import phonenumbers

    country, zones_home = _home(user_tz)
    region = phonenumbers.region_code_for_number(phonenumbers.parse(_dialled(phone), None))
    return None if region == country or there in zones_home else there


def _dialled(phone: str | None) -> str:
    written = (phone or "").strip()
    return "+" + written[2:] if written.startswith("00") else written


def zone_abroad(location: str | None, phone: str | None, user_tz: str) -> str | None:
    """The zone of the place abroad an invitation names: its venue's city, else its contact
    number's country; None when it names none (the place does not decide)."""
    return city_zone(location) or phone_zone(phone, user_tz)
