"""addresses._intl_matches reads European and Commonwealth street lines with two faster patterns instead of
addresses._INTL_ADDR: it must find the very same matches, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import addresses
from commands.phi.shared import _matches
from tests.support.phi_texts import corpus_texts, dev_texts

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


def _street_first_spans(text: str) -> list[tuple[int, int, int, int]]:
    return _spans(addresses._street_first_matches(text))


def _plain_street_first_spans(text: str) -> list[tuple[int, int, int, int]]:
    return _spans(list(_matches(addresses._INTL_STREET_FIRST, text)))


_LONG_PIECES = [*_PIECES, "Avenue", "de la", "Grande Rue", "Rue du Faubourg Saint", "a" * 30, "B" * 31, "’"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_LONG_PIECES), max_size=40).map("".join))
def test_the_street_first_starts_near_a_house_number_find_what_every_start_does(text: str) -> None:
    assert _street_first_spans(text) == _plain_street_first_spans(text)


def test_the_street_first_starts_near_a_house_number_on_the_corpus_and_development_texts() -> None:
    for text in [*corpus_texts(), *dev_texts()]:
        assert _street_first_spans(text) == _plain_street_first_spans(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rue du Faubourg Saint Honoré 112, Paris, 75008 and Fortunastrasse 7, Epesses, 1098",
        "Parksingel 45\nBemmel, GE 6681 NC; Maxweg 519, 9690 BV, Zoutkamp",
        "Go-live 2, Wave 3, 1400 users; " + "x" * 140 + " Hauptstrasse 3, Bern, 3011",
        "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa Bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb Cc Dd 12, Zzzzzzzz Yy Xx Ww, 12345 AB",
    ],
)
def test_the_street_first_starts_near_a_house_number_on_examples(text: str) -> None:
    assert _street_first_spans(text) == _plain_street_first_spans(text)


def test_the_street_to_house_constant_is_the_patterns_longest_match() -> None:
    from re import _parser  # type: ignore[attr-defined]

    assert _parser.parse(addresses._STREET_BEFORE_HOUSE).getwidth()[1] == addresses._STREET_TO_HOUSE


def test_no_scanned_text_is_kept_in_a_cache() -> None:
    """A scanned text may hold PHI: the UK code's end is asked once per scan and passed down, not cached."""
    assert not hasattr(addresses._uk_code_end, "cache_info")
    assert addresses.find_addresses("She lives at 12 Riley Mews, Leeds LS1 6AS now.")
