"""Where things are: the one table of Indonesian cities and a travel-time estimate (R1.2).

The table ships as data (`data/places/id_cities.csv`); nothing is looked up online.
The reader names `Invitation.city` with `find_place_in`, so the planner's `find_place`
always finds the city again by its name.
The estimate is deliberately coarse — a distance band picks road or air travel — because
its only job is to tell "around the corner" from "out of town".
"""

from __future__ import annotations

import csv
import io
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from sopan._infra import rx
from sopan.data import data_path

EARTH_RADIUS_KM = 6371.0
#: Straight-line distance up to which a trip on the same island is made by road (or rail):
#: no one flies Bandung–Pekalongan (228 km); Jakarta–Surabaya (660 km) is flown.
ROAD_MAX_KM = 450.0
#: Straight-line distance up to which a crossing between islands is made by boat.
SEA_MAX_KM = 150.0
#: Roads wind: road distance is about this much longer than the straight line.
ROAD_FACTOR = 1.3
ROAD_KMH = 50.0
#: Same-city trips still take time through traffic.
LOCAL_MINUTES = 45
#: A flight also means getting to the airport, checking in, and getting out the other end.
FLIGHT_OVERHEAD_MINUTES = 180
FLIGHT_KMH = 650.0
#: A short crossing between islands goes by boat: harbour time plus a slow crossing.
SEA_OVERHEAD_MINUTES = 90
SEA_KMH = 35.0
#: One-way travel from which an interview counts as far (out of town).
FAR_MINUTES = 120


@dataclass(frozen=True)
class Place:
    """A city with its province, island, approximate centre and time zone (IANA name)."""

    name: str
    province: str
    island: str
    lat: float
    lon: float
    tz: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Travel:
    """An estimate of one-way travel between two cities."""

    origin: Place
    destination: Place
    km: float
    minutes: int
    mode: Literal["local", "road", "sea", "flight"]

    @property
    def far(self) -> bool:
        """Out of town: long enough that a video interview is worth asking for (R1.2)."""
        return self.minutes >= FAR_MINUTES


@lru_cache(maxsize=1)
def load_places() -> tuple[Place, ...]:
    """Every city in the shipped table."""
    text = data_path("places", "id_cities.csv").read_text("utf-8")
    rows = csv.DictReader(io.StringIO("".join(ln for ln in text.splitlines(True) if ln[:1] != "#")))
    return tuple(
        Place(
            name=row["name"],
            province=row["province"],
            island=row["island"],
            lat=float(row["lat"]),
            lon=float(row["lon"]),
            tz=row["tz"],
            aliases=tuple(a for a in row["aliases"].split("|") if a),
        )
        for row in rows
    )


_WORD = rx.compile(r"\w+")


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


@lru_cache(maxsize=1)
def _index() -> dict[str, Place]:
    index: dict[str, Place] = {}
    for place in load_places():
        for label in (place.name, *place.aliases):
            index.setdefault(_norm(label), place)
    return index


def find_place(name: str) -> Place | None:
    """The city called `name` (or one of its aliases), ignoring case and punctuation."""
    key = _norm(name)
    key = re.sub(r"^(kota|kabupaten|kab)\s+", "", key)
    return _index().get(key)


@lru_cache(maxsize=1)
def _any_city() -> re.Pattern[str]:
    # Longest labels first, so at one position "jakarta selatan" wins over "jakarta".
    labels = sorted(_index(), key=len, reverse=True)
    return rx.compile(r"(?<!\w)(" + "|".join(map(re.escape, labels)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(label.split()[0] for label in _index())


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    text = data_path("places", "common_words.txt").read_text("utf-8")
    return frozenset(_norm(ln) for ln in text.splitlines() if ln.strip() and ln[:1] != "#")


def find_place_in(text: str | None, *, prose: bool = False) -> Place | None:
    """The city an address (or any text) names; the last mention wins, as addresses end
    with the city.

    Longer names are tried first so that "Jakarta Selatan" beats "Jakarta" and
    "Tangerang Selatan" beats "Tangerang". Names that are also everyday words
    ("Nusantara", "Metro", "Solo") count only at the end of an address, never in `prose`
    (the text of a whole message).
    """
    if not text:
        return None
    words = _WORD.findall(text.casefold())  # the words of `_norm(text)`, in one pass
    # The reader runs this over whole emails: a set test on words skips the big
    # alternation for the many texts that name no city at all.
    firsts = _first_words()
    if firsts.isdisjoint(words):
        return None
    norm, common, city = " ".join(words), _common_words(), _any_city()
    labels: list[str] = []
    # The alternation is tried only where a city's first word begins (words are single-
    # spaced in `norm`), never at every character: the same matches, left to right.
    at = done = 0
    for word in words:
        if at >= done and word in firsts:
            m = city.match(norm, at)
            # an everyday word is a city only where an address ends (a postcode may follow)
            if m:
                done = m.end()
                if m.group(1) not in common or (
                    not prose and not norm[m.end() :].strip(" 0123456789")
                ):
                    labels.append(m.group(1))
        at += len(word) + 1
    return _index()[labels[-1]] if labels else None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle (haversine) distance between two places, in kilometres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def estimate_travel(origin: Place, destination: Place) -> Travel:
    """One-way travel by distance band: same city, road on one island, a short sea crossing
    between islands, or a flight."""
    km = distance_km(origin, destination)
    if origin == destination or km < 15:
        return Travel(origin, destination, round(km, 1), LOCAL_MINUTES, "local")
    if km <= ROAD_MAX_KM and origin.island == destination.island:
        minutes = round(km * ROAD_FACTOR / ROAD_KMH * 60)
        return Travel(origin, destination, round(km, 1), max(minutes, LOCAL_MINUTES), "road")
    if km <= SEA_MAX_KM and origin.island != destination.island:
        minutes = SEA_OVERHEAD_MINUTES + round(km / SEA_KMH * 60)
        return Travel(origin, destination, round(km, 1), minutes, "sea")
    minutes = FLIGHT_OVERHEAD_MINUTES + round(km / FLIGHT_KMH * 60)
    return Travel(origin, destination, round(km, 1), minutes, "flight")
