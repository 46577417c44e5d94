"""addresses._POSTCODE_DIGITS, sped up by one shared first test, finds what its plain form found.

The texts are made up of the patterns' own pieces (digits, marks, capitals, towns), with characters outside ASCII.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import addresses

_PIECES = [
    *("1", "9", "12", "123", "2024", "1234", "50968", "733", "06", "3587", "150", "00163", "431916", "BV", "SW"),
    *(" ", "  ", "-", ",", ", ", "\n", ".", "?", ". ", "x", "_", "a-", "Köln", "Roma", "Gföhl", "Protivín", "Zoutkamp"),
    *("Weg ", "Aurangabad-", "NSW ", "TAS ", "Flat 67, ", "B4 6AS", "Main St", "É", "ſ", "٣", "\u00a0"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=20).map("".join))
def test_postal_codes_of_digits_are_the_ones_the_plain_pattern_found(text: str) -> None:
    plain = re.compile(addresses._POSTCODE_DIGITS.pattern.replace(r"\d(?<!\w.)(?:", r"\d(?:", 1))
    assert plain.pattern != addresses._POSTCODE_DIGITS.pattern
    found = [m.span("pc") for m in addresses._POSTCODE_DIGITS.finditer(text)]
    assert found == [m.span("pc") for m in plain.finditer(text)]
