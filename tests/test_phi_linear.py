"""`scan` stays linear: every pattern the guard uses has bounded repetition only (no `*`, `+` or `{n,}`, no
backreferences), so a match attempt costs a bounded amount of work at each start position; and the match
loop visits each start position at most once. The timings (20,000 adversarial characters, the 20k/10k ratio)
are measured by `python -m bench.phi`, not asserted here."""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]  # how `re` reads a pattern

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import (
    addressees,
    addresses,
    ages,
    agewords,
    allow,
    birthdates,
    care,
    caredates,
    carenames,
    carriedids,
    contacts,
    devices,
    devicetables,
    distantdates,
    hostips,
    ids,
    labels,
    letters,
    lexicon,
    lowernames,
    namecues,
    names,
    namewords,
    narrative,
    numbers,
    otherlanguages,
    people,
    scan,
    shared,
    slots,
    studydates,
)
from commands.phi.shared import _matches

MODULES = (
    addressees,
    shared,
    numbers,
    people,
    care,
    labels,
    contacts,
    addresses,
    names,
    allow,
    lexicon,
    namewords,
    namecues,
    ids,
    letters,
    lowernames,
    narrative,
    slots,
    ages,
    agewords,
    caredates,
    distantdates,
    birthdates,
    otherlanguages,
    carenames,
    devices,
    carriedids,
    devicetables,
    hostips,
    studydates,
)
PATTERNS = [
    (f"{mod.__name__}.{name}", value)
    for mod in MODULES
    for name, value in vars(mod).items()
    if isinstance(value, re.Pattern)
]
LIMIT = 1000  # the largest repetition count a pattern may use


def _repeats(tree: sre_parse.SubPattern) -> list[tuple[int, int]]:
    found = []
    for op, av in tree:
        if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
            lo, hi, sub = av
            found.append((lo, hi))
            found.extend(_repeats(sub))
        elif op in (sre_constants.GROUPREF, sre_constants.GROUPREF_EXISTS):
            found.append((-1, -1))  # a backreference: not allowed
        elif op == sre_constants.BRANCH:
            for sub in av[1]:
                found.extend(_repeats(sub))
        elif op in (sre_constants.SUBPATTERN, sre_constants.ATOMIC_GROUP):
            found.extend(_repeats(av[-1]))
        elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
            found.extend(_repeats(av[1]))
    return found


def test_the_guard_uses_many_patterns() -> None:
    assert len(PATTERNS) >= 40


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_every_repetition_is_bounded(name: str, pattern: re.Pattern[str]) -> None:
    for lo, hi in _repeats(sre_parse.parse(pattern.pattern, pattern.flags)):
        assert lo >= 0, f"{name} uses a backreference"
        assert hi != sre_constants.MAXREPEAT and hi <= LIMIT, f"{name} has an unbounded repetition"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789-./:@ aA pPtT\n", max_size=300), st.sampled_from(PATTERNS))
def test_the_match_loop_visits_each_start_once(text: str, named: tuple[str, re.Pattern[str]]) -> None:
    starts = [m.start() for m in _matches(named[1], text)]
    assert starts == sorted(set(starts)) and len(starts) <= len(text) + 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=600))
def test_scan_never_raises_and_redaction_leaves_nothing_found(text: str) -> None:
    from commands.phi import redact

    found = scan(text)
    again = scan(redact(text, found))
    assert all(0 <= f.start < f.end for f in again)


_DATE_PLAIN = re.compile(rf"(?<![\w/.+-])(?P<v>{shared._DATE})", re.IGNORECASE)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789-./+ ,thedfmarcjunoyigsvTMDJ\n", max_size=200))
def test_the_written_out_date_pattern_finds_what_the_shared_one_does(text: str) -> None:
    # care._DATE_RX spells shared._DATE out for speed; it must find the same dates.
    assert [m.span("v") for m in _matches(care._DATE_RX, text)] == [m.span("v") for m in _matches(_DATE_PLAIN, text)]


@pytest.mark.parametrize(
    "text",
    [
        "admitted 3-Dec-2023, seen 14JUN2025 and 12/3; go-live March 3rd, 2025 or the third of July",
        "v2.3.1 on 2024-03-05, 23.12.2023, 1/5/39, +61.8.7893.2879, 45 Market Street, 3rd of March 1960",
        "Nov 3rd 2024 / the twenty-first of May / 7-4-1946 / 11/3/24 / 3 mar / 12.03.1948",
    ],
)
def test_the_written_out_date_pattern_on_examples(text: str) -> None:
    assert [m.span("v") for m in _matches(care._DATE_RX, text)] == [m.span("v") for m in _matches(_DATE_PLAIN, text)]


_WORDS = r"pt|pts|patient|seen|present(?:s|ed)(?!\s{1,3}the\b)|plan(?:ned)?|planning|trans(?=\s{1,3}to\b)|transfer|go-?live|go\s{1,3}live"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ptsaienlrdgo -v\n", max_size=200))
def test_words_regrouped_by_first_letter_match_as_before(text: str) -> None:
    # care._by_first_letter makes the big word alternations (_CLINICAL, _PROJECT) faster; the matches stay.
    plain = re.compile(rf"\b(?:{_WORDS})\b", re.IGNORECASE)
    grouped = re.compile(rf"\b(?:{care._by_first_letter(_WORDS)})\b", re.IGNORECASE)
    assert [m.span() for m in _matches(grouped, text)] == [m.span() for m in _matches(plain, text)]
