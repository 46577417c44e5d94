"""The people and name detectors' faster forms find what their plain forms find (commands/phi/people.py and the
name detectors): a case-blind pattern read case-sensitively in a text's small letters, a pattern split by what its
matches start with, a search gated on the words it needs. Checked on the regression corpus, the development notes
and made-up text of the patterns' own words with the characters that fold to ASCII letters ("ſ", "İ", the Kelvin
sign) and capitals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import leads, names, narrative, people
from commands.phi.shared import _matches, small_letters, text_digits, words_of
from tests.support.phi_texts import corpus_texts, dev_texts


def _clear() -> None:
    for cache in (small_letters, text_digits, words_of):
        cache.cache_clear()


def _dates_as_first_written(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    dob = [m.span("v") for m in _matches(people._DOB, text)]
    events = []
    for m in _matches(people._EVENT, text):
        k = m.group("k").lower()
        before = text[max(0, m.start() - 30) : m.start()]
        if not k.startswith(("dos", "dod", "date", "service", "svc")) and people._NON_PERSON_SUBJECT.search(before):
            continue
        events.append(m.span("v"))
    return dob, events


def _org_address_as_first_written(text: str, start: int) -> bool:
    if not people.has_any(text, people._ORG_WORDS):
        return False
    if not people._ORG_PLACE.search(text[max(0, start - 90) : start]) and not people._ORG_FIRST.match(text, start):
        return False
    around = text[max(0, start - 80) : start + 80]
    return not people._MINE.search(around) and not people._has_patient_word(around)


def _address_as_first_written(text: str) -> list[tuple[int, int]]:
    out = [m.span("v") for m in _matches(people._STREET, text)]
    for m in _matches(people._ZIP, text):
        if m.group("st") == "ID" and not m.group("comma"):
            continue
        out.append(m.span("v"))
    out.extend(m.span("v") for m in _matches(people._CA_POSTAL, text))
    return [s for s in out if not people.org_address(text, s[0])]


# The patterns that open at the start of the text or at a stop, with the stops finditer_lines tries them at.
_AT_STOPS = [
    (narrative._LONG_ROW, narrative._LONG_ROW_AT_STOP, narrative._NEW_LINE),
    (narrative._ROW, narrative._ROW_AT_STOP, narrative._ROW_STOPS),
    (narrative._OPENING, narrative._OPENING_AT_STOP, narrative._LEAD_STOPS),
    (narrative._FOR_OPENING, narrative._FOR_AT_STOP, narrative._LEAD_STOPS),
    (narrative._LOWER_LABELLED, narrative._LOWER_LABELLED_AT_STOP, narrative._ROW_STOPS),
]


# Each lead grouped by first letter (leads.lead), with the lead as written.
_LEADS = [(re.compile(grouped), re.compile(plain)) for grouped, plain in leads.PLAIN.items()]


def _same(text: str) -> None:
    _clear()
    low = leads.folded(text)
    for grouped, plain in _LEADS:
        assert list(leads._starts(grouped, low)) == list(leads._starts(plain, low)), (plain.pattern, text)
    for rx, at_stop, stops in _AT_STOPS:
        fast = [(m.span(), m.groupdict()) for m in leads.finditer_stops(rx, at_stop, text)]
        assert fast == [(m.span(), m.groupdict()) for m in rx.finditer(text)], (rx.pattern[:30], text)
        assert fast == [(m.span(), m.groupdict()) for m in leads.finditer_lines(rx, stops, text)], text
    for at in range(0, max(1, len(text)), 37):  # (the words around a name: a window of the text)
        window = text[at : at + 130]
        assert names._clinical_cue(window) == bool(names._CLINICAL_NAME_CUE.search(window)), window
        assert people.org_address(text, at) == _org_address_as_first_written(text, at), window
    rows = leads.finditer_lines(narrative._ROW, narrative._ROW_STOPS, text, narrative._ROW_MARK, narrative._ROW_REACH)
    assert [m.span() for m in rows] == [m.span() for m in narrative._ROW.finditer(text)], text
    assert people._find_dates(text) == _dates_as_first_written(text), text
    assert people._find_age(text) == [m.span("v") for m in _matches(people._AGE, text)], text
    fast = [(m.span(), m.group("d")) for m in people._email_matches(text)]
    assert fast == [(m.span(), m.group("d")) for m in _matches(people._EMAIL, text)], text
    assert people._find_address(text) == _address_as_first_written(text), text
    for pos in (0, len(text) // 3):
        fast = [m.span() for m in narrative._subject_verbs(text, pos)]
        assert fast == [m.span() for m in narrative._SUBJECT_VERB.finditer(text, pos)], text


@pytest.mark.parametrize(
    "text",
    [
        "DOB: 3/4/1950; d.o.b 4/5/61, Date of Birth 12 March 1944, birthdate 1/2/03, born on 5/6/77, bday 7/8",
        "DOS 3/4/2025, dos 3/4/2025, Dos 3/4, DOD: 5/6/2024, admitted 3/4, adm'd 3/5, adm’d 3/5, d/c'd on 4/4",
        "the server died on 10/3; the pt died on 10/3; cert expired 6/2; Service date 4/4; svc date 5/5; passed away 1/1",
        "ſervice date 4/4; DİSCHARGED 3/3; \u212aelly admitted 2/2; ΟΔΟΣ date of death 3/3/2020",
        "93 yo, 101 years old, 19 yo, 100-year-old, aged 93, AGE: 104, age 95%, age 9, Aged 120, x93 yo, 1.93 yo",
        "mail jo.ray+x@gmail.com or a@b@c.co.uk, @@x.org, " + "a" * 70 + "@x.com, " + "b" * 64 + "@y.com, é_é@z.de",
        "lives at 12 Main Street, Apt 4; 1 Oak Rd.; 7 North Elm St, Springfield, IL 62704; Boise ID 83702; K1A 0B1",
        "ſt 12 Main ſt; 12 Main ſt.; 4 Elm Cİrcle; HQ: 1 Main Street; the vendor office is at 200 Berkeley Street",
        "Anna was seen. McDonald fell; xAnna Smith was seen; Boyle, Kacper-Dunne declined; S. da Rocha is not eating",
        "Márus Ólafsdóttir (f, 72) was reviewed; Ivan de la Cruz, aged 70, remains on oxygen; Jo Ray Jr. has a cough",
        "Patient: will q. parkinson;\n- patient: rose f. baker;. pt: ann lee\nPATIENT / Alana / normal effort",
        "Full personal name recorded after the patient's identification check = trevuinel, have\nName: Jo Ray",
        "By December 2014, Heobat Kahougain II could pause.  Lephaest reached the unit! For Anna Lee, the plan? Jo ran",
        "\nName: Jo\n. Client >> Eve Ray.\n;  Person / Lara / no acute distress.\nP A T I E N T = José\n",
    ],
)
def test_each_faster_form_finds_what_its_plain_form_finds(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_faster_forms_agree_with_the_plain_forms_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same(text)


_WORDS = sorted(
    set(re.findall(r"[a-z]{2,}", people._DOB.pattern + people._EVENT.pattern + people._STREET.pattern))
    | {"DOS", "DOD", "dos", "d/c", "dc'd", "adm’d", "age:", "yo", "y/o", "ſt", "İ", "\u212a", "Σ", "Main", "IL", "ID"}
    | {"93", "101", "3/4/1950", "12", "62704", "K1A", "0B1", "a@b.com", "x@gmail.com", "@", "é"}
    | {"Anna", "de", "van", "Jr.", "III", "(f,", "72)", "aged", "was", "has", "been", "not", "seen", "fell", "able"}
    | {"Kacper-Dunne", "O'Neil", "Ó", "J.", "ÁRPÁD", "McDonald"}
    | {"patient", "patınet", "pt,", "ptnt", "the", "their", "follow-up", "service user", "side room"}
    | {"Office", "HQ", "warehouse", "Vendor", "MY", "Lives", "ſystems", "\u212aing", "İnc", "home", "pt"}
    | {"grandma", "asked", "SEEN", "Denies", "C/O", "HIS", "Meds", "wrİstband", "ſpecimen", "\u212ag", "Y/O", "Fell"}
    | {"patient:", "pt:", "name:", "Name", "=", ">>", "/", "|", "->", "For", "By", "In", "Today,", "could", "reached"}
)
_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", "-", "/", ". ", "\n", ", ", ": ", "x", "1", "@", "_", "; ", "! ", "? ", ".", ""]),
    ),
    max_size=14,
).map(lambda parts: "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts))


@settings(max_examples=800, deadline=None)
@given(_MADE_UP)
def test_the_faster_forms_agree_on_made_up_text_of_their_words(text: str) -> None:
    _same(text)


def test_the_last_word_of_the_longest_subject_is_within_its_reach_of_its_start() -> None:
    word = "A" + "b" * 25 + "-" + "c" * 25  # (52 characters: a name's longest word)
    surname, given = "S" + "s" * 25 + "-T" + "t" * 25, "G" + "g" * 25 + "-H" + "h" * 25  # ("Surname, Given": 53 each)
    for name, last in [
        ("van  der  " + word + ("  van  der  " + word) * 2 + ",  III.", word),
        (surname + ",  " + given, given),
    ]:
        text = "x " + name + " was seen"
        m = narrative._SUBJECT_VERB.search(text)
        assert m is not None and m.start() == 2, name
        at = text.rindex(last)  # (the capital of the name's last word)
        assert narrative._SUBJECT_LAST.match(text, at) is not None
        assert at - m.start() <= narrative._SUBJECT_LAST_REACH, (at - m.start(), name)


def test_every_lead_of_the_name_detectors_is_checked() -> None:
    assert len(_LEADS) >= 15  # (names.py's, narrative.py's and people.py's leads are made when they are imported)
    assert leads.lead("pt|patient|care").pattern == "p(?:t|atient)|c(?:are)"
    assert leads.lead(r"\d(?=x)|a").pattern == r"\d(?=x)|a"  # (an alternative that opens with no letter: as written)
    assert leads.lead("a|ab|b(?:c|d)|e[|]f").pattern == "a(?:|b)|b(?:(?:c|d))|e(?:[|]f)"
