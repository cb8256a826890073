"""The city table and the travel estimate (R1.2)."""

from __future__ import annotations

import pytest

from sopan.language.places import (
    FAR_MINUTES,
    distance_km,
    estimate_travel,
    find_place,
    find_place_in,
    load_places,
)


def place(name: str):  # type: ignore[no-untyped-def]
    found = find_place(name)
    assert found is not None, name
    return found


def test_table_covers_every_province() -> None:
    places = load_places()
    assert 60 <= len(places) <= 150
    assert len({p.province for p in places}) == 38
    for p in places:
        assert -11.5 < p.lat < 6.5 and 94.5 < p.lon < 141.5, p.name


def test_known_pair_jakarta_bandung() -> None:
    travel = estimate_travel(place("Bandung"), place("Jakarta"))
    assert 100 < distance_km(place("Bandung"), place("Jakarta")) < 135
    assert travel.mode == "road"
    assert 150 < travel.minutes < 240
    assert travel.far


def test_known_pair_jakarta_surabaya_is_a_flight() -> None:
    km = distance_km(place("Jakarta"), place("Surabaya"))
    assert 640 < km < 690
    travel = estimate_travel(place("Jakarta"), place("Surabaya"))
    assert travel.mode == "flight" and travel.far


def test_neighbours_are_near() -> None:
    travel = estimate_travel(place("Jakarta"), place("Depok"))
    assert travel.mode == "road" and travel.minutes < FAR_MINUTES and not travel.far
    same = estimate_travel(place("Bandung"), place("Bandung"))
    assert same.mode == "local" and same.km == 0


def test_short_hop_across_the_sea_is_not_by_road() -> None:
    # Batam and Tanjung Pinang are close but on different islands.
    crossing = estimate_travel(place("Batam"), place("Tanjung Pinang"))
    assert crossing.mode == "sea" and crossing.far
    # Bandar Lampung is across the Sunda Strait from Jakarta, beyond a short crossing.
    assert estimate_travel(place("Jakarta"), place("Bandar Lampung")).mode == "flight"


def test_distance_is_symmetric() -> None:
    a, b = place("Medan"), place("Jayapura")
    assert distance_km(a, b) == pytest.approx(distance_km(b, a))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Jogja", "Yogyakarta"), ("Kota Bandung", "Bandung"), ("solo", "Surakarta"),
     ("JAKARTA SELATAN", "Jakarta"), ("Palangkaraya", "Palangka Raya")],
)  # fmt: skip
def test_aliases(name: str, expected: str) -> None:
    assert place(name).name == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Jl. Medan Merdeka Barat No. 9, Jakarta Pusat", "Jakarta"),
        ("Ruko Golden Boulevard, BSD City, Tangerang Selatan, Banten", "Tangerang Selatan"),
        ("Jl. Raya Serpong KM 7, Tangerang", "Tangerang"),
        ("Gedung Graha Pena lt. 3, Jl. Ahmad Yani 88, Surabaya 60234", "Surabaya"),
    ],
)
def test_city_found_in_address(address: str, expected: str) -> None:
    found = find_place_in(address)
    assert found is not None and found.name == expected


def test_unknown_city_is_none() -> None:
    assert find_place("Atlantis") is None
    assert find_place_in("Gedung Menara Biru lantai 5") is None


def test_every_city_is_found_again_by_its_name_and_has_an_indonesian_zone() -> None:
    # The reader stores `Place.name` in `Invitation.city`; the planner looks it up again.
    for p in load_places():
        assert find_place(p.name) == p
        assert find_place_in(f"Jl. Merdeka 1, {p.name}") == p
        assert p.tz in {"Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"}, p.name
    assert place("Makassar").tz == "Asia/Makassar" and place("Ambon").tz == "Asia/Jayapura"
    assert place("Pontianak").tz == "Asia/Jakarta" and place("Banjarmasin").tz == "Asia/Makassar"


def test_everyday_words_name_a_city_only_in_an_address() -> None:
    prose = "Salam dari HRD PT Sayur Segar Nusantara; tim DIY kami menunggu di lobi."
    assert find_place_in(prose, prose=True) is None
    assert find_place_in("Jl. Merdeka 1, Solo", prose=True) is None
    # in an address the same names are cities
    assert place("Nusantara").name == find_place_in("Kantor Otorita, Nusantara").name  # type: ignore[union-attr]
    assert find_place_in("Jl. Slamet Riyadi 5, Solo").name == "Surakarta"  # type: ignore[union-attr]
    # a real city later in the message still counts
    found = find_place_in(prose + " Alamat: Jl. Merdeka 1, Bandung", prose=True)
    assert found is not None and found.name == "Bandung"


def test_everyday_word_inside_an_address_is_not_its_city() -> None:
    assert find_place_in("Kantor PT Nusantara Data, Jl. Sudirman 52") is None
    assert find_place_in("Jl. Slamet Riyadi 5, Solo 57141").name == "Surakarta"  # type: ignore[union-attr]
