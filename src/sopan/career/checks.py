"""The social scan's named checks, for what a word list cannot say: a phone number that is
one (phonenumbers decides), an Indonesian ID number whose parts are a real region and birth
date, and an employer the person named in a negative sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from sopan.career.lexicon import Check, Rule, near

#: something that may be a phone number: "+62 812-3456-7890", "0812 3456 7890", "(021) 555 1234"
_PHONE = re.compile(r"(?<![\w+])(?:\+|00)?\(?\d[\d\s().\-]{7,17}\d(?!\w)")
#: what every number looked for has: four digits in a row (most posts have none)
_RUN = re.compile(r"\d{4}|\d\d[\s.\-]\d\d")
#: 16 digits, together or in groups of 4 or 6-6-4 (NIK and the family card, KK)
_SIXTEEN = re.compile(
    r"(?<![\d.\-])(\d{6}[\s.\-]?\d{6}[\s.\-]?\d{4}|\d{4}(?:[\s.\-]?\d{4}){3})(?![\d.\-])"
)
#: a tax number, NPWP: 12.345.678.9-012.345 (15 digits; 16 since 2024 is the NIK)
_NPWP = re.compile(r"(?<!\d)\d{2}\.\d{3}\.\d{3}\.\d-\d{3}\.\d{3}(?!\d)")
#: the province codes a NIK starts with (Dukcapil's, 11 Aceh … 96 Papua Barat Daya)
_PROVINCES = frozenset(
    [
        *range(11, 20),
        21,
        *range(31, 37),
        *range(51, 54),
        *range(61, 66),
        *range(71, 77),
        81,
        82,
        *range(91, 97),
    ]
)


@lru_cache(maxsize=4096)
def _is_phone(candidate: str) -> bool:
    """Whether phonenumbers finds the candidate a valid number (a quarter millisecond each,
    so each is asked once: an archive repeats its numbers)."""
    from sopan.language.phones import e164

    digits = re.sub(r"\D", "", candidate)
    if not 9 <= len(digits) <= 15 or _is_nik(digits):
        return False
    return e164(candidate) is not None


def phones(
    rule: Rule, text: str, normal: str, employers: Sequence[str], words: frozenset[str]
) -> list[str]:
    """Phone numbers in the text that phonenumbers finds valid (Indonesian by default)."""
    if not _RUN.search(text):
        return []
    return [m[0].strip() for m in _PHONE.finditer(text) if _is_phone(m[0].strip())]


def _is_nik(digits: str) -> bool:
    """Whether 16 digits can be a NIK: a province, a regency and district, a birth date
    (day + 40 for women) and a serial that is not 0000."""
    if len(digits) != 16 or int(digits[:2]) not in _PROVINCES:
        return False
    day, month = int(digits[6:8]), int(digits[8:10])
    day = day - 40 if day > 40 else day
    return 1 <= day <= 31 and 1 <= month <= 12 and digits[12:] != "0000" and digits[2:4] != "00"


def id_numbers(
    rule: Rule, text: str, normal: str, employers: Sequence[str], words: frozenset[str]
) -> list[str]:
    """NIK / family-card numbers with a real structure, and NPWP tax numbers."""
    if not _RUN.search(text):
        return []
    found = [m[0] for m in _SIXTEEN.finditer(text) if _is_nik(re.sub(r"\D", "", m[0]))]
    return found + _NPWP.findall(text)


@lru_cache(maxsize=32)
def _employer_pattern(
    employers: tuple[str, ...],
) -> tuple[re.Pattern[str], frozenset[str]] | None:
    """The employers' names as a post writes them, and the gate words of that pattern."""
    from sopan.career.companies import core, variants
    from sopan.career.lexicon import gate_of, normalise

    names = sorted(
        {normalise(v) for e in employers for v in variants(core(e))}, key=len, reverse=True
    )
    if not names:
        return None
    body = "|".join(r"[\s\-]*".join(map(re.escape, n.split())) for n in names)
    return re.compile(rf"\b(?:{body})\b"), gate_of(names)


def employer(
    rule: Rule, text: str, normal: str, employers: Sequence[str], words: frozenset[str]
) -> list[str]:
    """An employer of the person's, named in a sentence with a negative word near it."""
    found = _employer_pattern(tuple(employers))
    if found is None or rule.negatives is None or found[1].isdisjoint(words):
        return []
    return near(rule, normal, found[0], rule.negatives)


CHECKS: dict[str, Check] = {"phone": phones, "id_number": id_numbers, "employer": employer}
