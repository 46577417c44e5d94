"""addresses._intl_matches reads European and Commonwealth street lines with two faster patterns instead of
addresses._INTL_ADDR: it must find the very same matches, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import addresses
from commands.phi.shared import _matches

_PIECES = [
    *("53", "112", "12b", "1098", "44000", "00-227", "6681", "NC", "PL", "B4 6AS", "2025", "7", "-", ".", ",", ", "),
    *(" ", "  ", "\n", " \n", "\t", "place", "Stanislas", "NANTES", "Fortunastrasse", "Épesses", "ul.", "Żory", "x"),
    *("Franciszkańska", "Warszawa", "Parksingel", "Bemmel", "GE", "the", "O'Neil", "St.", "a-b", "_", "3.5"),
]


def _spans(found: list[object]) -> list[tuple[int, int, int, int]]:
    return [(m.start(), m.end(), *m.span("v"), *m.span("pc")) for m in found]  # type: ignore[attr-defined]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30).map("".join))
def test_the_split_street_patterns_find_what_the_one_pattern_does(text: str) -> None:
    assert _spans(addresses._intl_matches(text)) == _spans(list(_matches(addresses._INTL_ADDR, text)))


@pytest.mark.parametrize(
    "text",
    [
        "Fortunastrasse 112, Epesses, 1098 and 53 place Stanislas, NANTES, PL 44000",
        "ul. Franciszkańska 12, Warszawa, 00-227; Parksingel 45, Bemmel, GE 6681 NC",
        "Flat 67\nSmith Course, Jonesberg, B4 6AS; Release 4, Phase Two, 2025",
    ],
)
def test_the_split_street_patterns_on_examples(text: str) -> None:
    assert _spans(addresses._intl_matches(text)) == _spans(list(_matches(addresses._INTL_ADDR, text)))
