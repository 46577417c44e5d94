"""Patterns written out for speed (led by their first character, the look-behind after it; a look-ahead that gives
nothing back) must find what the plainer patterns they replace found: the same spans, at every start."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import addresses, care, contacts, idphrases, ids, labels, numbers
from commands.phi.shared import (
    _matches,
    case_blind_at,
    case_blind_found,
    case_blind_in,
    matches_at,
    may_end_with,
    search_at,
    small_letters,
)

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
_PLAIN += [
    ("ids._CLAUSE_END", ids._CLAUSE_END, r";|(?<!:)\n|[.?!]\s{1,3}(?=[A-Z])", ()),
    ("idphrases._STOP", idphrases._STOP, r"[;\n]|[.?!]\s{1,3}(?=[A-Z])", ()),
    (
        "ids._PHONE_VALUE",
        ids._PHONE_VALUE,
        (
            r"(?P<v>(?:\+(?<![\w+/.-].)\(?\d|\((?<![\w+/.-].)\d|\d(?<![\w+/.-].))(?:[\d()]|[-. /](?=\(?\d)){6,24}"
            r"(?:\s{0,2}(?:x|ext\.?|extn\.?)\s{0,2}\d{1,5})?)(?![\w/-]|[.,]\d)"
        ),
        ("v",),
    ),
]
_PLAIN.append(("addresses._STREET_WORD", addresses._STREET_WORD, rf"(?:{addresses._STREET_WORDS})(?!\w)", ()))
_PIECES = [
    *("1", "12", "123", "4471", "55120398", "0151", "2024", "A", "AB", "KGH", "Y", "x", "ab", "mrn", "MRN", "ext"),
    *(
        "-",
        "/",
        ".",
        ",",
        ":",
        "#",
        "@",
        "+",
        "(",
        ")",
        " ",
        "  ",
        "\n",
        "_",
        "é",
        "Ü",
        "٣",
        ";",
        "?",
        "!",
        ":\n",
        ". A",
    ),
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


# Patterns tried only where their keyword starts a word (shared.matches_at), or near a phone's last seven digits.
_STARTED = [
    ("numbers._MRN", numbers._MRN, numbers._MRN_STARTS),
    ("numbers._PLAN", numbers._PLAN, numbers._PLAN_STARTS),
    ("numbers._SERIAL", numbers._SERIAL, numbers._SERIAL_STARTS),
    ("contacts._PHONE_CTX", contacts._PHONE_CTX, contacts._PHONE_CTX_STARTS),
    *((f"labels._LABELLED[{k}]", rx, labels._LABEL_STARTS[k]) for k, rx in labels._LABELLED.items()),
]
_WORDS = [
    *("MRN", "mr", "Mr #", "med rec", "medrec", "Chart", "enc.", "Visit", "FIN", "csn#", "har", "Patient's", "pt"),
    *("member", "Mem ID", "subscr.", "policy", "pol#", "group no", "grp #", "Insurance ID", "ins id", "MBI", "hicn"),
    *("acct.", "Account", "S/N", "SN", "sn", "serial", "ser. no.", "phone", "Tel", "cell", "mob", "fax", "pager"),
    *("ext", "contact", "called", "text", "SMS", "number is", "reach at", "dial", "x", "_", "ſ", "İ", "é", "K"),
    *(" ", ": ", "#", "\n", "-", "1", "12345", "AB-1234", "(555) ", "555-0143", "212.555.0143", "+1 "),
    *("m.r.n", "EMR", "medical record", "hosp no", "client#", "case ref", "health plan", "HMO", "bank account"),
    *("IBAN", "card no", "cc", "driver's licence", "passport", "SSN", "s.s.n.", "ITIN", "social security", "SIN"),
    *("ss#", "123-45-6789", "accession", "insurer", "credit card", "OHIP", "ledger ref"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map("".join), st.sampled_from(_STARTED))
def test_patterns_tried_at_their_words_find_what_a_search_did(text: str, case: tuple) -> None:  # type: ignore[type-arg]
    _, rx, starts = case
    small_letters.cache_clear()
    assert _spans_of(matches_at(rx, starts, text)) == _spans_of(list(_matches(rx, text)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=30).map("".join))
def test_phones_tried_before_their_last_seven_digits_are_the_ones_a_search_found(text: str) -> None:
    assert _spans_of(numbers._nanp_matches(text)) == _spans_of(list(_matches(numbers._PHONE_NANP, text)))


def _spans_of(found: list[re.Match[str]]) -> list[tuple[int, ...]]:
    return [(m.start(), m.end(), *m.span("v")) for m in found]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="patienlmdcshorbyfu", max_size=12))
def test_the_label_word_set_says_what_is_label_says(word: str) -> None:
    # idphrases.find_id_phrases asks a set instead of calling _is_label on every word of the text
    assert (word in idphrases._ANY_LABEL_WORD) == idphrases._is_label(word)


def test_the_label_word_set_knows_misspelt_labels() -> None:
    for word in ("patlent", "medlcal", "hospltal", "benef1ciary", "chart", "mrn", "ssn"):
        assert (word in idphrases._ANY_LABEL_WORD) == idphrases._is_label(word)


_HOMES = [
    *(
        "lives at ",
        "Living",
        "moved to ",
        "sent to: ",
        "pick-up from ",
        "drop off at ",
        "dropoff",
        "goes to ",
        "found at ",
    ),
    *(
        "Home address: ",
        "home is ",
        "residential address details ",
        "Domicile = ",
        "my address was ",
        "place of abode ",
    ),
    *("12 Rowan Street", "Flat 3, ", "ul. ", "Andrássy út 60", "Köln", "ſ", "İ", " ", ", ", ".", "\n", "the ", "x"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_HOMES), max_size=25).map("".join))
def test_home_patterns_tried_at_their_words_find_what_the_window_search_did(text: str) -> None:
    small_letters.cache_clear()
    for rx, words, before, starts in (
        (addresses._HOME_LABEL, addresses._LABEL_NOUNS, 40, addresses._HOME_LABEL_STARTS),
        (addresses._HOME_VERB, addresses._HOME_VERBS, 0, addresses._HOME_VERB_STARTS),
    ):
        now = addresses._near_words(rx, text, words, before, 200, starts)
        assert _spans_of(now) == _spans_of(addresses._near_words(rx, text, words, before, 200))


_FRAMES = [
    *("Admission date", "ADMlSSlON DATE", "Date 0f service", "date seen", "Seen on", "onset", "0nset", "died"),
    *("x-ray date", "F0LL0W-UP DATE", "biopsy was performed", "Site visit date", "1maging date", "clinic date"),
    *(" ", ": ", " >> ", " | ", " = ", " on ", " was ", "\n", "-", "ſ", "İ", "é", "the", "12", "x"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_FRAMES), max_size=20).map("".join))
def test_frame_labels_tried_at_their_words_are_the_ones_the_search_found(text: str) -> None:
    small_letters.cache_clear()
    for start in range(len(text) + 1):
        lo = max(0, start - 40)
        now = search_at(care._FRAME_LABEL, care._FRAME_LABEL_STARTS, text, lo, start)
        plain = care._FRAME_LABEL.search(text, lo, start)
        assert (now and now.span()) == (plain and plain.span())


_PROJECT_TALK = [
    *("go-live", "Go Live", "cutover", "cut over", "Released", "deployment", "due to", "due ", "CAB meeting"),
    *("meeting", "kick-off", "PO", "po", "post", "INC1234", "chg9", "interfaces", "Q3", "q5", "re-certified"),
    *("recertified", "licence", "license", "sign-off", "reporting", "planned", "plan", "replacement", "calibration"),
    *("the patient", "knee", "ſ", "İ", "K", "é", " ", ", ", ".", "\n", "-", "12", "x", "go", "re", "due"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PROJECT_TALK), max_size=20).map("".join))
def test_project_words_read_in_small_letters_are_the_ones_the_search_found(text: str) -> None:
    small_letters.cache_clear()
    for lo in range(0, len(text) + 1, 3):
        for hi in (lo + 5, lo + 40, len(text)):
            assert care.project_search(text, lo, hi) == bool(care._PROJECT.search(text, lo, hi))
        assert care.project_found(text[lo:]) == bool(care._PROJECT.search(text[lo:]))


# A pattern of addresses.py led by its first character, and the plain pattern it replaced.
_REGROUPED = [
    (
        addresses._VALUE_STOP,
        (
            r"\s(?:/|>>|\||—|–)\s|(?<!\b[^\W\d_])(?<!\b[^\W\d_]{2})(?<!\b[^\W\d_]{3})\.(?:\s|$)"
            r"|\s(?:is|was|for|with|last|on|and|about|regarding|until|during|by)\s|\s\("
        ),
    ),
]
_PLACE_TALK = [
    *("Site", "siteS", "hospital", "HQ", "estates", "Deliveries", "delivery", "room", "my", "MY", "her", "lives"),
    *("patient's", "patients", "pt", "Monday", "Jan", "january", "sept", "Sep", "q3", "FY2025", "users", "am", "pm"),
    *("3rd", "12:30", "1st", "is", " is ", " by ", " / ", " >> ", " | ", " — ", " (", "a.", "ab.", "abc.", "abcd."),
    *("St.", "Dr. ", "x", "9", "_", "ſ", "İ", "K", "\u212a", "\u0131", "é", " ", ", ", ".", "\n", "-", "'"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_TALK), max_size=25).map("".join))
def test_the_value_stop_led_by_its_first_character_finds_what_the_plain_pattern_did(text: str) -> None:
    for now, plain in _REGROUPED:
        assert _spans(now, text, ()) == _spans(re.compile(plain, now.flags), text, ())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PLACE_TALK), max_size=25).map("".join))
def test_case_blind_words_read_in_small_letters_are_the_ones_the_search_found(text: str) -> None:
    for rx, small in (
        (addresses._WORKPLACE, addresses._WORKPLACE_SMALL),
        (addresses._THEIRS, addresses._THEIRS_SMALL),
        (addresses._OFFICE, addresses._OFFICE_SMALL),
        (addresses._NOT_A_PLACE, addresses._NOT_A_PLACE_SMALL),
    ):
        assert case_blind_found(rx, small, text) == bool(rx.search(text))


_WINDOW_ENDS = [
    *("Home", "home line", "Direct Line", "work", "H", "W", "(m)", "(Home)", "Daughter", "next of kin", "NOK's"),
    *("mobile number", "phone no.", "MRN", "hospital number", "is", "was", "reads", "Were", "are", "to", "on", "via"),
    *(":", " : ", "—", "–", "-", ">>", "|", " ", "  ", "\n", ":\n", ". ", ",", "(", ")", "x", "9", "İ", "ı", "ſ"),
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_WINDOW_ENDS), max_size=12).map("".join))
def test_end_anchored_patterns_match_only_windows_that_pass_their_tail_tests(window: str) -> None:
    if ids._PHONE_LINE.search(window):
        assert ids._may_be_phone_line(window)
    for rx, ends in (
        (ids._FAR_LABEL, ids._FAR_VERBS),
        (ids._PHONE_FAR, ids._FAR_VERBS),
        (ids._RELATIVE_LINE, ids._LINE_MARKS),
        (ids._HANDOVER, ids._HANDOVER_WORDS),
    ):
        if rx.search(window):
            assert may_end_with(window, ends)
        if rx.search("x " + window):
            assert may_end_with(("x " + window)[-ids._TAIL :], ends)


_AFTER_VALUE = [
    *(" mg", "MG", " units", " tickets", " Users", " KB", " is", " was", " my", " her", " number", " Number", " the"),
    *(" given", " callback", " Phone", " cell", " towers", " home", " SSN", "social security", "S.S.N", "taxpayer"),
    *(" ", ",", "(", "\n", ".", "x", "9", "İ", "ı", "ſ", "\u212a"),
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_AFTER_VALUE), max_size=12).map("".join))
def test_patterns_read_in_small_letters_match_where_the_case_blind_ones_did(text: str) -> None:
    small_letters.cache_clear()
    for rx, small in (
        (ids._UNIT_AFTER, ids._UNIT_AFTER_SMALL),
        (ids._COUNT_AFTER, ids._COUNT_AFTER_SMALL),
        (ids._PHONE_AFTER, ids._PHONE_AFTER_SMALL),
        (ids._PHONE_MINE, ids._PHONE_MINE_SMALL),
        (ids._NUMBER_AFTER, ids._NUMBER_AFTER_SMALL),
    ):
        for pos in range(len(text) + 1):
            assert case_blind_at(rx, small, text, pos) == bool(rx.match(text, pos))
    for lo in range(len(text) + 1):
        found = case_blind_in(idphrases._SSN_BEFORE, idphrases._SSN_BEFORE_SMALL, text, max(0, lo - 20), lo)
        assert found == bool(idphrases._SSN_BEFORE.search(text, max(0, lo - 20), lo))
