"""The spelling interface on both back ends (spylls, always installed; the `hunspell` binding,
the `fast-spell` extra), with the same cases: the same words known, the same misspellings
caught, the same first suggestion, and the linter's answers the same through either."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from sopan.lint import LintOptions, lint_text, spellers, spelling
from sopan.model.names import LANGUAGES

BACKENDS = spellers.BACKENDS

SPELT = {
    "id": ["wawancara", "terima", "kasih", "kesempatan", "jadwal", "menghadiri", "mengirimkan",
           "posisi", "perusahaan", "hormat", "Bandung"],
    "en": ["interview", "opportunity", "schedule", "receive", "regards", "sincerely",
           "unfortunately", "Jakarta", "I'm"],
}  # fmt: skip
MISSPELT = {
    "id": ["wawancra", "kesempatn", "jadwl", "hadri", "perusahan", "terimaksih"],
    "en": ["interveiw", "recieve", "oportunity", "schedual", "sincerly"],
}
SUGGESTED = [
    ("id", "wawancra", "wawancara"),
    ("id", "kesempatn", "kesempatan"),
    ("id", "mengirimkn", "mengirimkan"),
    ("en", "interveiw", "interview"),
    ("en", "recieve", "receive"),
    ("en", "oportunity", "opportunity"),
]


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture(scope="module")
def checkers(backend: str) -> dict[str, spellers.Speller]:
    return {language: spellers.open_speller(language, backend) for language in SPELT}


@pytest.mark.parametrize(("language", "word"), [(k, w) for k, ws in SPELT.items() for w in ws])
def test_a_word_the_dictionary_has_is_spelt(
    checkers: dict[str, spellers.Speller], language: str, word: str
) -> None:
    assert checkers[language].spell(word)


@pytest.mark.parametrize(("language", "word"), [(k, w) for k, ws in MISSPELT.items() for w in ws])
def test_a_misspelling_is_not(
    checkers: dict[str, spellers.Speller], language: str, word: str
) -> None:
    assert not checkers[language].spell(word)


@pytest.mark.parametrize(("language", "word", "better"), SUGGESTED)
def test_the_first_suggestion_is_the_word_meant(
    checkers: dict[str, spellers.Speller], language: str, word: str, better: str
) -> None:
    assert checkers[language].suggest(word) == better


def test_letters_no_word_has_get_no_suggestion(checkers: dict[str, spellers.Speller]) -> None:
    assert checkers["id"].suggest("xqzvbnmwrt") is None
    assert not checkers["id"].spell("xqzvbnmwrt")


def test_an_unknown_backend_is_refused() -> None:
    with pytest.raises(ValueError, match="no spelling back end"):
        spellers.open_speller("id", "aspell")


def test_the_dictionaries_are_the_ones_shipped_in_the_package() -> None:
    import sopan

    package = Path(sopan.__file__).parent
    for language in LANGUAGES:
        stem = spellers.dictionary(language)
        assert stem.parent == package / "data" / "dictionaries"
        assert Path(f"{stem}.aff").is_file() and Path(f"{stem}.dic").is_file()


@pytest.fixture
def through(backend: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The linter checking with `backend`, its memo in a folder of its own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    before = spelling.backend()
    spelling.use_backend(backend)
    yield backend
    spelling.use_backend(before)


def test_the_linter_checks_with_the_backend_chosen(through: str) -> None:
    assert spelling.backend() == through
    assert spelling.MEMO.path().name.endswith(".marshal")
    assert spelling.speller("id").spell("wawancara")


@pytest.mark.parametrize(
    "word",
    ["dipindahtugaskan", "menjadwalkan", "ketidaknyamanan", "pemberitahuannya", "kira-kira",
     "interview", "follow-up"],
)  # fmt: skip
def test_affixed_and_english_words_are_known_in_indonesian(through: str, word: str) -> None:
    assert spelling.is_known(word, "id")


@pytest.mark.parametrize("word", ["wawancra", "terimaksih", "jadwall"])
def test_misspellings_stay_misspellings(through: str, word: str) -> None:
    assert not spelling.is_known(word, "id")


def test_a_reply_gets_the_same_findings_through_either(through: str) -> None:
    reply = (
        "Yth. Ibu Sari,\n\nTerima kasih atas undangan wawancra untuk posisi Analis Data. "
        "Mohon maaf, saya tidak dapat hadir karena sudah menerima tawaran lain.\n\n"
        "Hormat saya,\nRina\n"
    )
    found = [
        (reply[f.start : f.end], f.suggestion)
        for f in lint_text(reply, LintOptions(language="id")).findings
        if f.rule == "spelling"
    ]
    assert found == [("wawancra", "wawancara")]
