"""Patterns written out for speed (led by their first character, the look-behind after it; a look-ahead that gives
nothing back) must find what the plainer patterns they replace found: the same spans, at every start."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import idphrases, ids
from commands.phi.shared import _matches

# (name, the pattern now, the plain pattern it replaced, its groups)
_PLAIN = [
    (
        "idphrases._ID_VALUE",
        idphrases._ID_VALUE,
        (
            r"(?<![\w/.@:+,-])(?P<v>(?:[A-Z]{1,4}[-/]?|[A-Z] |\d{1,3}[A-Z]{1,2}-)?\d{1,12}(?:[-/. ]\d{2,10}){0,3}"
            r"(?:-?[A-Z]{1,2})?)(?![\w/@-]|[.,:]\d)"
        ),
        ("v",),
    ),
    (
        "ids._VALUE",
        ids._VALUE,
        (
            r"(?<![\w#/.@:+-])#?(?P<v>(?=[A-Za-z0-9/-]{0,30}\d)[A-Za-z0-9](?:[A-Za-z0-9]|[-/](?=[A-Za-z0-9])){3,29})"
            r"(?![\w/@-]|[.,:]\d)"
        ),
        ("v",),
    ),
]
_PIECES = [
    *("1", "12", "123", "4471", "55120398", "0151", "2024", "A", "AB", "KGH", "Y", "x", "ab", "mrn", "MRN", "ext"),
    *("-", "/", ".", ",", ":", "#", "@", "+", "(", ")", " ", "  ", "\n", "_", "é", "Ü", "٣"),
]


def _spans(rx: re.Pattern[str], text: str, groups: tuple[str, ...]) -> list[tuple[int, ...]]:
    return [(m.start(), m.end(), *(i for g in groups for i in m.span(g))) for m in _matches(rx, text)]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40).map("".join), st.sampled_from(_PLAIN))
def test_written_out_patterns_find_what_the_plain_ones_did(text: str, case: tuple) -> None:  # type: ignore[type-arg]
    _, now, plain, groups = case
    assert _spans(now, text, groups) == _spans(re.compile(plain, now.flags), text, groups)


@pytest.mark.parametrize(("name", "now", "plain", "groups"), _PLAIN, ids=[c[0] for c in _PLAIN])
def test_written_out_patterns_on_examples(name: str, now: re.Pattern[str], plain: str, groups: tuple[str, ...]) -> None:
    for text in (
        "MRN# 4471-22-B, ref KGH44712 / Y-81358369, 2820 8133 and +46 (0)8 123 456; #AB654321.",
        "call 0151 496 0321 ext 12 or 201/324/1423; v1.2.3 on 2024-03-05, 10.2.0.4 and 570.287.421",
    ):
        assert _spans(now, text, groups) == _spans(re.compile(plain, now.flags), text, groups)
