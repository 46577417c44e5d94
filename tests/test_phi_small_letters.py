"""The number, date and address detectors' shortcuts answer as the plain forms they replace (round phi10): case-blind
patterns read without IGNORECASE in a text's small letters, word alternations regrouped by first letter, a pattern
split in two, gates that skip a search which cannot find anything. Checked on the regression corpus, the
development texts (never the report half) and made-up text of the patterns' own words, capitals, the characters
that fold to an ASCII letter ("ſ", "İ", "ı", the Kelvin sign) and other scripts."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import addresses, care, contacts, ids, labels, numbers, slots
from commands.phi.people import _NON_PERSON_SUBJECT
from commands.phi.shared import _matches, _small, small_letters, small_matches
from tests.support.phi_texts import corpus_texts, dev_texts

# Each case-blind pattern and its copy without IGNORECASE, read in small letters.
PAIRS = [
    ("care._CLINICAL", care._CLINICAL, care._CLINICAL_SMALL),
    ("care._CLINICAL_MORE", care._CLINICAL_MORE, care._CLINICAL_MORE_SMALL),
    ("people._NON_PERSON_SUBJECT", _NON_PERSON_SUBJECT, care._NON_PERSON_SUBJECT_SMALL),
    ("care._CARE_AFTER", care._CARE_AFTER, care._CARE_AFTER_SMALL),
    ("care._DATE_DIGIT_LED", care._DATE_DIGIT_LED, care._DATE_DIGIT_LED_SMALL),
    ("care._DAY_GATE", care._DAY_GATE, care._DAY_GATE_SMALL),
    ("ids._CARE_EVENT", ids._CARE_EVENT, ids._CARE_EVENT_SMALL),
    ("care._SCORE_BEFORE", care._SCORE_BEFORE, ids._SCORE_BEFORE_SMALL),
    ("care._DEADLINE", care._DEADLINE, ids._DEADLINE_SMALL),
    ("labels._VENDOR", labels._VENDOR, labels._VENDOR_SMALL),
    ("numbers._SSN_CTX", numbers._SSN_CTX, numbers._SSN_CTX_SMALL),
    ("numbers._PHONE_BARE", numbers._PHONE_BARE, numbers._PHONE_BARE_SMALL),
    ("slots._DAY", slots._DAY, slots._DAY_SMALL),
    ("slots._MONTH_BEFORE", slots._MONTH_BEFORE, slots._MONTH_BEFORE_SMALL),
    ("slots._PLACE_BEFORE", slots._PLACE_BEFORE, slots._PLACE_BEFORE_SMALL),
]

PIECES = [
    *("patient", "Pt", "SEEN", "presented the", "admission was", "trans to", "x-ray", "CT  scan", "tx'd", "f/u"),
    *("colonoscopy", "in the hospital", "Mum was delivered", "KNEE REPLACED", "bp 120/80", "pulse: 72", "this recipient"),
    *("client's", "Vital Signs", "server", "the license expired", "engine died", "go-live", "Release", "replaced"),
    *("dressing change", "appointment is scheduled", "fell over", "Surgery units", "03-Dec-2023", "14JUN2025", "3rd of March"),
    *("pain", "Score of", "by", "w/c", "since", "Effective", "discharged", "visited the site", "patient x since"),
    *("vendor", "AZURE", "renewed", "SSN", "soc. sec.", "123-45-6789", "phone", "Cell", "callback", "5551234567"),
    *("Room", "bed #", "March", "Sept.", "1999", "2024", "95", "12th", "3RD", "1st", "the 4th"),
    *(" ", "  ", "\n", ", ", ". ", ": ", "-", "/", "(", "#", "1", "07", "ſ", "İ", "ı", "\u212a", "é", "Ü", "٣", "_"),
]  # fmt: skip


def _spans(m: re.Match[str] | None) -> tuple[int, ...] | None:
    return (
        None if m is None else (m.start(), m.end(), *(i for g in range(1, (m.re.groups or 0) + 1) for i in m.span(g)))
    )


def _same_everywhere(rx: re.Pattern[str], small: re.Pattern[str], text: str, step: int = 1) -> None:
    """At each start, and in each window ending there, the copy in small letters finds what the pattern finds."""
    low = _small(text)
    if low is None:
        return  # (the shortcuts read the text itself then)
    for pos in range(0, len(text) + 1, step):
        assert _spans(small.match(low, pos)) == _spans(rx.match(text, pos)), pos
        assert _spans(small.search(low, pos, pos + 80)) == _spans(rx.search(text, pos, pos + 80)), pos
        lo = max(0, pos - 40)
        assert _spans(small.search(low, lo, pos)) == _spans(rx.search(text, lo, pos)), pos


@pytest.mark.parametrize(("name", "rx", "small"), PAIRS, ids=[p[0] for p in PAIRS])
def test_the_small_letter_copies_find_what_the_patterns_find_in_the_corpus(
    name: str, rx: re.Pattern[str], small: re.Pattern[str]
) -> None:
    for text in corpus_texts():
        _same_everywhere(rx, small, text, step=3)


@pytest.mark.parametrize(("name", "rx", "small"), PAIRS, ids=[p[0] for p in PAIRS])
def test_the_small_letter_copies_find_what_the_patterns_find_in_the_development_texts(
    name: str, rx: re.Pattern[str], small: re.Pattern[str]
) -> None:
    for text in dev_texts():
        _same_everywhere(rx, small, text, step=13)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join), st.sampled_from(PAIRS))
def test_the_small_letter_copies_find_what_the_patterns_find_in_made_up_text(text: str, case: tuple) -> None:  # type: ignore[type-arg]
    _, rx, small = case
    _same_everywhere(rx, small, text)


def test_the_copies_hold_no_capital_letter_or_case_switch() -> None:
    # (a capital in a copy would never match small letters, and "(?-i:" would read them case-blind no more)
    for name, _, small in PAIRS:
        assert not small.flags & re.IGNORECASE, name
        assert "(?-i" not in small.pattern, name
        assert not re.search(r"[A-Z]", re.sub(r"\\.|\(\?P<\w+>", "", small.pattern)), name


# --- word alternations regrouped by first letter, leading groups spread ------------------------------------------
_WORDS = r"(?:she|mum|mom)\s{1,3}(?:was\s{1,3})?delivered|operated|(?:knee|hip)\s{1,3}replace(?:d|ment)|mri|mum's"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="shemuodlivratkpn' -\n", max_size=120))
def test_words_led_by_a_group_are_spread_and_regrouped_with_the_same_matches(text: str) -> None:
    plain = re.compile(rf"\b(?:{_WORDS})\b")
    grouped = re.compile(rf"\b(?:{care._by_first_letter(_WORDS)})\b")
    assert [m.span() for m in _matches(grouped, text)] == [m.span() for m in _matches(plain, text)]


def test_a_repeated_leading_group_is_refused() -> None:
    with pytest.raises(ValueError):
        care._by_first_letter(r"(?:a|b)?c|d")


# --- functions that replace a plain search ------------------------------------------------------------------------
def _heads_and_windows(texts: list[str] | tuple[str, ...]) -> list[str]:
    out = []
    for text in texts:
        for start in range(0, len(text), 11):
            out.append(text[max(0, start - 30) : start])
            out.append(text[start : start + 45])
    return out


def _plain_project_closer(left: str) -> bool:
    found = list(care._PROJECT.finditer(left))
    return bool(found) and not any(
        m.end() >= found[-1].end() for m in care._CARE_AFTER.finditer(left, max(0, found[-1].start() - 40))
    )


def _plain_project_words(s: str) -> bool:
    return any(
        not any(c.start() < p.end() <= c.end() for c in care._CARE_AFTER.finditer(s, max(0, p.start() - 40)))
        for p in care._PROJECT.finditer(s)
    )


def _same_readings(s: str) -> None:
    m = care._DATE_LABEL.search(s)
    assert care._date_label(s) == (m.start() if m else None)
    assert care._project_closer(s) == _plain_project_closer(s)
    assert care._project_words(s) == _plain_project_words(s)
    assert care._care_only(s) == (bool(care._CARE_AFTER.search(s)) and not _plain_project_words(s))
    assert care.clinical_found(s) == bool(care._CLINICAL.search(s))
    assert care._non_person_subject(s) == bool(_NON_PERSON_SUBJECT.search(s))


_READINGS = [
    *("Visit date: ", "DOS ", "DV: ", "dv: ", "DD=", "next appointment", "Time of Injury", "record  date", "Date of"),
    *("go-live ", "knee replaced ", "hip replacement surgery ", "dressing change ", "appointment is scheduled "),
    *("release ", "Downtime ", "the engine died ", "license expired ", "patient ", "ſ", "İ", "ı", "\u212a", " ", "3/14"),
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_READINGS), max_size=12).map("".join))
def test_the_small_letter_readings_answer_as_the_plain_searches(s: str) -> None:
    _same_readings(s)


def test_the_small_letter_readings_answer_as_the_plain_searches_on_the_texts() -> None:
    for s in _heads_and_windows(corpus_texts()) + _heads_and_windows(dev_texts()[::5]):
        _same_readings(s)


def _plain_last_words(left: str) -> set[str]:
    words: set[str] = set()
    for w in ids._WORDS_BEFORE.findall(left)[-4:]:
        w = w.lower().translate(ids._LOOKALIKE)
        words.update((w, w.replace("l", "i")))
    return set() if not words.isdisjoint(ids._NOT_PERSON_LABELS) else words


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="MRNmrnlLiI01 -:#.ticket", max_size=60))
def test_the_last_words_read_together_are_the_words_read_one_by_one(left: str) -> None:
    assert ids._last_words(left) == _plain_last_words(left)


def test_the_last_words_on_the_texts() -> None:
    for text in list(corpus_texts()) + list(dev_texts()[::3]):
        for start in range(0, len(text), 13):
            left = text[max(0, start - 50) : start]
            assert ids._last_words(left) == _plain_last_words(left)


def _same_matches(text: str) -> None:
    small_letters.cache_clear()
    for rx, small in ((numbers._SSN_CTX, numbers._SSN_CTX_SMALL), (numbers._PHONE_BARE, numbers._PHONE_BARE_SMALL)):
        found = [(m.span(), m.span("v")) for m in small_matches(rx, small, text)]
        assert found == [(m.span(), m.span("v")) for m in _matches(rx, text)]


def _same_codes(text: str) -> None:
    """Without a UK code's end or a state, the two patterns of postal codes of letters find nothing."""
    if not addresses._UK_CODE_END.search(text):
        assert not list(addresses._BARE_UK_POSTCODE.finditer(text))
        if not addresses._may_have_code_of_letters(text):
            assert not list(addresses._POSTCODE_LETTERS.finditer(text))


def test_gates_and_small_letter_matches_on_the_texts() -> None:
    for text in list(corpus_texts()) + list(dev_texts()):
        _same_matches(text)
        _same_codes(text)


_CODES = [
    *("SW1A 1AA", "M8 0PS", "B4 6AS", "EC1A1BB", "NSW 2000", "VIC, 3000", "ACT 2600", "QLD 4000", "TAS 7000"),
    *("SA 5000", "WA 6000", "NT 0800", "Ssn: 123-45-6789", "SOC SEC 123456789", "phone 2125550143", "ſsn 1"),
    *(" ", ", ", "\n", "-", "1", "AB", "x", "İ", "é", "(", "Cell:", "12"),
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_CODES), max_size=20).map("".join))
def test_gates_and_small_letter_matches_on_made_up_text(text: str) -> None:
    _same_matches(text)
    _same_codes(text)


# --- addresses looked for at their at signs -----------------------------------------------------------------------
def _same_emails(text: str) -> None:
    assert [m.span("v") for m in contacts._email_matches(text)] == [
        m.span("v") for m in _matches(contacts._EMAIL, text)
    ]
    for lo, hi in ((0, len(text)), (3, len(text) - 2), (len(text) // 3, len(text))):
        assert [m.span() for m in slots._emails(text, lo, hi)] == [
            m.span() for m in slots._EMAIL.finditer(text, lo, hi)
        ]


_MAIL = [
    *("jane.doe", "j_doe+tag", "a", "A1", ".x", "-", "%", "@", "@@", "hospital.org", "mail.co.uk", "x-y.io", "."),
    *(" ", ", ", "\n", "é", "Ü", "ſ", "_", "1", "(", "<", ">", "a" * 70),
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_MAIL), max_size=25).map("".join))
def test_addresses_found_at_their_at_signs_are_the_ones_a_search_finds(text: str) -> None:
    _same_emails(text)


def test_addresses_found_at_their_at_signs_on_the_texts() -> None:
    for text in list(corpus_texts()) + list(dev_texts()):
        if "@" in text:
            _same_emails(text)
    for unit in ("a@", "a@b.c ", "x" * 63 + " @", "ab.cd+e@f.gh@", "@", "a.b@c.de"):
        _same_emails((unit * 60)[:400])
