"""The literal pre-filter read from a pattern (bench/phi/literal_gate.py, a measuring tool for bench.phi.costs) is
sound: where it says a text cannot hold a match, the pattern finds none there; and it says "no condition" when the
pattern gives none it can be sure of. The texts are made up."""

from __future__ import annotations

import importlib
import pkgutil
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import commands.phi as phi
from bench.phi.literal_gate import fold, may_match, needs


def test_fold_gives_each_letter_the_engine_takes_for_an_ascii_one_as_that_letter() -> None:
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)
    seen = {m.group() for m in re.finditer("[a-z]", everything, re.IGNORECASE)}
    assert len(seen) > 52  # (the four odd ones besides A-Z and a-z)
    for ch in seen:
        letters = [a for a in "abcdefghijklmnopqrstuvwxyz" if re.fullmatch(a, ch, re.IGNORECASE)]
        assert [fold(ch)] == letters, hex(ord(ch))
    assert len(fold("İstanbul ſtreet Kelvin ı")) == len("İstanbul ſtreet Kelvin ı")  # one character for one


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (
            r"p(?:atient|t|erson)|\bjan(?:uary)?\.?\s",
            re.IGNORECASE,
            {("patient", True), ("pt", True), ("person", True), ("jan", True)},
        ),
        (
            r"\b(?:service\s{0,2}desk|help\s{0,2}desk|support)",
            re.IGNORECASE,
            {("service", True), ("help", True), ("support", True)},
        ),
        (r"(?:ab){2}c", 0, {("ababc", False)}),
        (r"x(?=foo)", 0, {("foo", False)}),
        (r"MRN\s{0,2}\d{6}", 0, {("MRN", False)}),
        (r"(?i:mrn)\s\d", 0, {("mrn", True)}),
    ],
)
def test_needs_reads_the_literals_every_match_holds(pattern: str, flags: int, expected: set) -> None:
    assert needs(re.compile(pattern, flags)) == expected


@pytest.mark.parametrize(
    ("pattern", "flags"),
    [
        (r"a?", 0),
        (r"[a-z]{1,30}", 0),
        (r"\w+", 0),
        (r"(?<=abc)\d", 0),  # a look-behind's text may lie before the searched part
        (r"(\w)\1", 0),  # a back-reference: its text is not known
        (r"x|\d", 0),  # one way holds no literal
        (r"ß|é", re.IGNORECASE),  # ignore-case folding beyond ASCII is not modelled
        (r"(?:abc){0,3}", 0),
    ],
)
def test_needs_says_no_condition_when_unsure(pattern: str, flags: int) -> None:
    assert needs(re.compile(pattern, flags)) is None


def _guard_patterns() -> list[re.Pattern[str]]:
    found: dict[int, re.Pattern[str]] = {}
    for info in pkgutil.iter_modules(phi.__path__):
        module = importlib.import_module(f"commands.phi.{info.name}")
        for value in vars(module).values():
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str) and needs(value) is not None:
                found[id(value)] = value
    return sorted(found.values(), key=lambda rx: rx.pattern)


PATTERNS = _guard_patterns()
NEEDS = {id(rx): needs(rx) for rx in PATTERNS}
ODD = "İıſK’é "


def test_many_of_the_guard_patterns_give_a_condition() -> None:
    assert len(PATTERNS) > 100


def _recase(s: str, how: int) -> str:
    if how == 1:
        return s.upper()
    if how == 2:
        return s.title()
    if how == 3:
        return s.replace("i", "İ").replace("s", "ſ").replace("k", "K").replace("I", "ı")
    return s


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_no_match_where_the_gate_says_none(data: st.DataObject) -> None:
    rx = data.draw(st.sampled_from(PATTERNS))
    need = NEEDS[id(rx)]
    assert need is not None
    literals = sorted(s for s, _ in need)
    piece = st.one_of(
        st.builds(_recase, st.sampled_from(literals), st.integers(0, 3)),
        st.text(alphabet="aeinrst AEINRST0123456789-/.:,#\n" + ODD, max_size=12),
    )
    text = "".join(data.draw(st.lists(piece, max_size=8)))
    pos = data.draw(st.integers(0, len(text)))
    endpos = data.draw(st.integers(pos, len(text)))
    if rx.search(text, pos, endpos) is not None:
        assert may_match(need, text, pos, endpos)
    if rx.search(text) is not None:
        assert may_match(need, text)


@pytest.mark.parametrize(
    "text",
    [
        "Pt seen on JANUARY 3, MRN 123456 at the Service Desk",
        "pt ſeen by the ſervice deſk, İnfo line, KELVIN ward",
        "The patient’s address is 12 Elm Street; DOB 01/02/1950.",
        "Discharged home; follow-up with Dr Lee in clinic next week",
    ],
)
def test_made_up_notes_every_guard_pattern_that_matches_passes_the_gate(text: str) -> None:
    matched = 0
    for rx in PATTERNS:
        need = NEEDS[id(rx)]
        assert need is not None
        for m in rx.finditer(text):
            matched += 1
            assert may_match(need, text, m.start()), rx.pattern  # (a search from there finds m)
            assert may_match(need, text, 0, m.end()) or rx.search(text, 0, m.end()) is None
    assert matched >= 5
