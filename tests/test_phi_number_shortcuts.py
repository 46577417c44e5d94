"""The number detectors' shortcuts (round phi11) answer as the plain forms they replace: patterns led by a literal (a
hyphen, a slash, a dot) instead of a digit, a digit-led IPv4 pattern with its look-behind after the first digit, the
patterns after a value chosen once per text, and identifier values read once per text. Checked on the regression
corpus, the development texts (never the report half) and made-up text of the patterns' own pieces, with digits of
other scripts and the characters that fold to an ASCII letter."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import contacts, idphrases, ids, numbers, slots
from commands.phi.shared import _matches, case_blind_at
from tests.support.phi_texts import corpus_texts, dev_texts

_PLAIN_DOTTED = re.compile(r"\d\.\d{1,3}\.\d{1,3}\.\d")
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_PLAIN_IPV4 = re.compile(rf"(?<![\w.])(?P<v>{_OCTET}(?:\.{_OCTET}){{3}})(?![\w]|\.\d)")

PIECES = [
    *("123", "45", "6789", "1", "2", "25", "255", "256", "199", "0", "07", "9", "212", "555", "1234", "٣", "١٢٣"),
    *("-", "--", "/", "//", ".", "..", " ", "\n", ",", ":", "(", ")", "+", "#", "_", "a", "B", "x", "ſ", "İ", "é"),
    *("123-45-6789", "212/555/1234", "10.0.0.1", "192.168.1.255", "1.2.3.4.5", "v1.2.3.4", "10.40.0.0/16"),
]  # fmt: skip
_MADE_UP = st.lists(st.sampled_from(PIECES), max_size=24).map("".join)


def _texts() -> list[str]:
    return [*corpus_texts(), *dev_texts()]


def _spans(m: re.Match[str]) -> tuple[int, ...]:
    return (m.start(), m.end(), *(i for g in range(1, (m.re.groups or 0) + 1) for i in m.span(g)))


def _check_literal_led(text: str) -> None:
    assert numbers.ssn_dashed_spans(text) == [m.span("v") for m in _matches(numbers._SSN_DASHED, text)]
    assert contacts._slashed_spans(text) == [m.span("v") for m in _matches(contacts._SLASHED, text)]
    assert (numbers._DOTTED.search(text) is None) == (_PLAIN_DOTTED.search(text) is None)
    assert [_spans(m) for m in _matches(numbers._IPV4, text)] == [_spans(m) for m in _matches(_PLAIN_IPV4, text)]


def test_the_literal_led_patterns_find_what_the_digit_led_ones_find_in_the_corpus_and_development_texts() -> None:
    for text in _texts():
        _check_literal_led(text)


@settings(max_examples=1500, deadline=None)
@given(_MADE_UP)
def test_the_literal_led_patterns_find_what_the_digit_led_ones_find_in_made_up_text(text: str) -> None:
    _check_literal_led(text)


def test_a_dashed_ssn_and_a_slashed_phone_are_still_found() -> None:
    assert numbers._find_ssn("SSN on file 123-45-6789.") == [(12, 23)]
    assert contacts.find_phones("she gave 212/555/1234 tonight") == [(9, 21)]
    assert numbers._find_ip("the host at 10.20.30.40 is down") == [(12, 23)]
    assert numbers._find_ip("build 1.2.3.4.5 and 256.1.1.1") == []


# --- the patterns after a value, chosen once per text -----------------------------------------------------------
_AFTER_PAIRS = [
    ("unit", ids._UNIT_AFTER, ids._UNIT_AFTER_SMALL),
    ("counted", ids._COUNT_AFTER, ids._COUNT_AFTER_SMALL),
    ("phone", ids._PHONE_AFTER, ids._PHONE_AFTER_SMALL),
    ("mine", ids._PHONE_MINE, ids._PHONE_MINE_SMALL),
    ("number", ids._NUMBER_AFTER, ids._NUMBER_AFTER_SMALL),
]
_AFTER_PIECES = [
    *("mg", "ML", "units", "tickets", "Patients", "is", "was", "her", "MY", "home", "phone", "Number", "cell"),
    *("callback", "call-back", "the", "mother", "gave", "contact", "towers", "(", ",", " ", "  ", "1", "ſ", "İ", "ı"),
]  # fmt: skip


def _check_after(text: str, step: int = 1) -> None:
    read, after = ids._after(text)
    for pos in range(0, len(text) + 1, step):
        for name, rx, small in _AFTER_PAIRS:
            assert (getattr(after, name).match(read, pos) is not None) == case_blind_at(rx, small, text, pos)


def test_the_patterns_after_a_value_answer_as_case_blind_at_in_the_corpus_and_development_texts() -> None:
    for text in _texts():
        _check_after(text, step=7)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_PIECES), max_size=20).map(" ".join))
def test_the_patterns_after_a_value_answer_as_case_blind_at_in_made_up_text(text: str) -> None:
    _check_after(text)


# --- slots.py: a date with a month name is looked for only in a text with one --------------------------------------
class _EveryText(frozenset[str]):
    def isdisjoint(self, other: object) -> bool:
        return False


def _values_both_ways(text: str) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    gated = slots._values(text, 0, len(text), bytearray(len(text)))
    words, slots._MONTH_WORDS = slots._MONTH_WORDS, _EveryText()
    try:
        plain = slots._values(text, 0, len(text), bytearray(len(text)))
    finally:
        slots._MONTH_WORDS = words
    return gated, plain


def test_the_month_gate_leaves_the_values_of_the_corpus_and_development_texts_as_they_were() -> None:
    for text in _texts():
        gated, plain = _values_both_ways(text)
        assert gated == plain


_DATE_PIECES = [
    *("3", "14", "2025", "1999", "9", "95", "104", "7", "st", "rd", "TH", "of", "the", "jan", "SEPT", "Sept.", "sep"),
    *("march", "May", "may", "June", "dec", "DEC", "decé", "mar", "x", "born", "patient", "age", " ", "  ", "-", "/"),
    *(".", ",", "\n", "ſ", "İ", "ı", "\u212a", "é", "٣", "_"),
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_DATE_PIECES), max_size=20).map("".join))
def test_the_month_gate_leaves_the_values_of_made_up_text_as_they_were(text: str) -> None:
    gated, plain = _values_both_ways(text)
    assert gated == plain


# --- find_ids and find_id_phrases: a shape is looked for only in a value with the characters it needs ------------
def _check_value_gates(v: str) -> None:
    if v[:1].isdigit() and v.isdigit():
        assert ids._DATE_SHAPE.fullmatch(v) is None
    if "/" not in v:
        assert ids._FRACTIONS.fullmatch(v) is None
    if "-" not in v:
        assert ids._ISSUE_KEY.fullmatch(v) is None
    if v[:2] not in ids._CENTURIES:
        assert ids._YEARISH.fullmatch(v) is None


def _check_phone_gate(v: str) -> None:
    # (a phone's value: digits in groups and maybe an extension, never a month's letters)
    if "-" not in v and "/" not in v:
        assert not ids._date_shaped(v)


def _check_token_gate(tok: str) -> None:
    if tok[0] not in idphrases._SEPARATOR_FIRST:
        assert idphrases._SEPARATOR.fullmatch(tok) is None


def test_the_value_gates_skip_no_shape_in_the_corpus_and_development_texts() -> None:
    for text in _texts():
        for m in ids._VALUE.finditer(text):
            _check_value_gates(m.group("v"))
        for m in ids._PHONE_VALUE.finditer(text):
            _check_phone_gate(m.group("v"))
        for tok in idphrases._TOKEN.findall(text):
            _check_token_gate(tok)


_VALUE_PIECES = [
    *("19", "20", "2024", "1", "07", "12", "3", "JUN", "jun", "Sept", "dec", "MAR", "A", "AB", "x", "ext", "INC"),
    *("-", "/", " ", "(", ")", "+", ".", "٣", "—", "–", "#", ":", "|", ">>", ",", "l", "O"),
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_VALUE_PIECES), min_size=1, max_size=10).map("".join))
def test_the_value_gates_skip_no_shape_in_made_up_values(v: str) -> None:
    _check_value_gates(v)
    _check_token_gate(v)
    for m in ids._VALUE.finditer(v):
        _check_value_gates(m.group("v"))
    for m in ids._PHONE_VALUE.finditer(v):
        _check_phone_gate(m.group("v"))
