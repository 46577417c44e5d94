"""care.date_matches reads dates with two faster patterns (digit-led, word-led) instead of care._DATE_RX: it must
find the very same dates, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import care
from commands.phi.shared import _matches

_PIECES = [
    *("3", "12", "2024", "1951", "07", "/", "-", ".", "+", ",", " ", "  ", "\n", "x", "a", "st", "th", "rd"),
    *("March", "mar", "MAY", "may", "June", "jul", "Sept", "sep", "dec", "Dec.", "nov", "Jan", "of", "the", "The"),
    *("third", "twenty", "twenty-first", "thirtyfirst", "ninth", "Tenth", "first", "second", "sixth", "Feb"),
    *("é", "’", "ſ", "ı", "İ", "K", "Ü", "٣"),
]


def _plain(text: str) -> tuple[tuple[int, int, int, int, str], ...]:
    return tuple((m.start(), m.end(), m.start("v"), m.end("v"), m.group("v")) for m in _matches(care._DATE_RX, text))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join))
def test_the_split_date_patterns_find_what_the_one_pattern_does(text: str) -> None:
    care.date_matches.cache_clear()
    assert care.date_matches(text) == _plain(text)


@pytest.mark.parametrize(
    "text",
    [
        "admitted 3-Dec-2023, seen 14JUN2025 and 12/3; go-live March 3rd, 2025 or the third of July",
        "v2.3.1 on 2024-03-05, 23.12.2023, 1/5/39, +61.8.7893.2879, 45 Market Street, 3rd of March 1960",
        "Nov 3rd 2024 / the twenty-first of May / 7-4-1946 / 11/3/24 / 3 mar / 12.03.1948",
        "the thirtyfirst of dec, 2024; x-may 3; /june 4; twenty ninth of feb",
        "seen on the ſecond of March, 2024 (the one pattern reads it)",
        "café’s visit on 3 March, the fıfth of May; the third of May, 2024 — naïve",
    ],
)
def test_the_split_date_patterns_on_examples(text: str) -> None:
    care.date_matches.cache_clear()
    assert care.date_matches(text) == _plain(text)
