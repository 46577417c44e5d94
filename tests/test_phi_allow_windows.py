"""The allowance phase's window shortcuts (commands/phi/project.py) answer as the patterns searched the plain way: a
pattern anchored at the end of the window before a number or a date is searched only when the window ends with one
of the words a match ends with (_vendor_case, _range_before, _bare_label), or from where a match can start rather
than from each position of the window (_event_before, _weak_id_label). Compared at every position of the regression
corpus, the development notes and made-up text of the patterns' own words."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import leadwords, project
from tests.support.phi_texts import corpus_texts, dev_texts


def _plain(rx: re.Pattern[str], text: str, start: int, reach: int) -> bool:
    return bool(rx.search(text, max(0, start - reach), start))


def _same_at_every_position(text: str) -> None:
    for at in range(len(text) + 1):
        assert project._vendor_case(text, at) == _plain(project._VENDOR_CASE, text, at, 25), at
        assert project._range_before(text, at) == _plain(project._RANGE_BEFORE, text, at, 30), at
        assert project._bare_label(text, at) == _plain(project._BARE_LABEL, text, at, 20), at
        assert project._weak_id_label(text, at) == _plain(project._WEAK_ID_LABEL, text, at, 40), at
        before = text[max(0, at - 30) : at]
        assert project._event_before(text, at) == bool(project._EVENT_BEFORE.search(before)), at


@pytest.mark.parametrize(
    "text",
    [
        "case number 04411823 with Philips", "Service Request #: 12", "ref 9", "INC\n12", "REFERENCE  no.  7",
        "MRN range 1000000-1000200", "Record 45213 of 90000", "starting  at 5", "between\t3",
        "Member 10234 of the steering group", "Policy 4471220", "CASE\n55", "Account key 12345678",
        "Registration #:  99", "identifier -- 12", "statement: 7", "admitted 3/12", "Discharged:  on 3/12",
        "d/c 4/5", "DOD 1/1", "admission\n2/2", "ſpecimen 12", "\u212aey: 9", "the café case 4",
    ],
)  # fmt: skip
def test_each_window_shortcut_answers_as_its_pattern(text: str) -> None:
    _same_at_every_position(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_window_shortcuts_answer_as_their_patterns_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same_at_every_position(text)


_WORDS = sorted(
    {
        w
        for rx in (
            project._VENDOR_CASE, project._RANGE_BEFORE, project._BARE_LABEL, project._WEAK_ID_LABEL,
            project._EVENT_BEFORE,
        )
        for w in re.findall(r"[a-z]{2,}", rx.pattern)
    }
    | {"d/c", "no.", "#", "12", "3/12", "ſ", "é", "x"}
)  # fmt: skip

_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", "    ", "-", ": ", ":", "#", "\n", " \n", ". ", ", ", "-- ", "\t"]),
    ),
    max_size=10,
).map(lambda parts: "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts))


@settings(max_examples=500, deadline=None)
@given(_MADE_UP)
def test_the_window_shortcuts_answer_as_their_patterns_on_made_up_text(text: str) -> None:
    _same_at_every_position(text)


def _plain_by_characters(text: str) -> bool:
    """leadwords._plain read character by character, as it was first written."""
    odd = {ch for ch in text if ch > "\x7f"}
    return odd.isdisjoint(leadwords._CASE_FOLDS) and not any(ch.isdecimal() for ch in odd)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aS1 é٣۵१ſ\u212a\u0130\u0131’—", max_size=40))
def test_a_plain_text_is_told_as_a_reading_of_each_character_tells_it(text: str) -> None:
    assert leadwords._plain(text) == _plain_by_characters(text)


def test_a_plain_text_is_told_as_a_reading_of_each_character_tells_it_on_real_texts() -> None:
    for text in [*corpus_texts(), *dev_texts()]:
        assert leadwords._plain(text) == _plain_by_characters(text)


@pytest.mark.parametrize(
    "text",
    [
        "Venue: The Education and Research Centre, 12 King St", "LOCATION:  Level 2 Board Room East, 9 Queen St",
        "Locatİon: Hall, 12 King St", "the café at 3 Hill Rd", "Headquarters  at\n4 Bay Rd", "located at 5 Elm St",
        "our laboratory ,  77 George St",
    ],
)  # fmt: skip
def test_a_sites_address_is_looked_for_as_far_back_as_a_match_can_start(text: str) -> None:
    for at in range(len(text) + 1):
        assert project._site_at(text, at) == bool(project._SITE_AT.search(text, max(0, at - 60), at)), at


# leadwords' candidates as one pattern read at every position (as first written): a number, or a lead word.
_ONE_READING = re.compile(
    r"[0-9](?<![0-9][0-9])[0-9]{0,2}(?![0-9])(?=[\s-]{0,5}[ymwf])|(?<![a-z])" + leadwords._LEAD_WORD
)


def _same_candidates(text: str) -> None:
    low = text.lower()
    assert leadwords._candidates(low) == [(m.start(), m.group()) for m in _ONE_READING.finditer(low)]


@pytest.mark.parametrize(
    "text", ["pt", "85 yo pt", "a&e", "x85yo", "Patient's son, 3-month-old", "-pt", "9" * 5 + " y"]
)
def test_the_candidates_are_the_ones_a_single_reading_finds(text: str) -> None:
    _same_candidates(text)


def test_the_candidates_are_the_ones_a_single_reading_finds_on_real_texts() -> None:
    for text in [*corpus_texts(), *dev_texts()]:
        _same_candidates(text)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="patiensdomhfwy0123456789 -'&\n", max_size=60))
def test_the_candidates_are_the_ones_a_single_reading_finds_on_any_text(text: str) -> None:
    _same_candidates(text)
