"""The name detectors' faster word readings find what their plain forms find: the kinship word before a first name
in small letters, read from its first letter (lowernames.py). Checked on the regression corpus, the development
notes, and made-up text of the pattern's own words with the characters that fold to ASCII letters ("ſ", "İ", the
Kelvin sign) and capitals."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import lowernames, scan
from tests.support.phi_texts import corpus_texts, dev_texts


def _same(text: str) -> None:
    fast = [(m.span(), m.group("v")) for m in lowernames._KIN_THEN_WORD_FAST.finditer(text)]
    assert fast == [(m.span(), m.group("v")) for m in lowernames._KIN_THEN_WORD.finditer(text)], text
    for at in range(0, max(1, len(text)), 53):  # (started inside the text too, inside a word)
        assert [m.span() for m in lowernames._KIN_THEN_WORD_FAST.finditer(text, at)] == [
            m.span() for m in lowernames._KIN_THEN_WORD.finditer(text, at)
        ], text


@pytest.mark.parametrize(
    "text",
    [
        "son rob called; wife, carol buckley; her daughter ann visited. stepson mark is here",
        "Son Rob called; person jo said; grandma rose came, grandmother ivy will visit; dad\tted at the bedside",
        "mum  sue.\nbrother tom was\nsister ſue is; \u212ain jo was; nİece amy said; aunt    may came",
        "xson rob called; son-in-law ted said; é-son amy came; 3son bo is; _son al was; son\nrob called",
    ],
)
def test_each_faster_word_reading_finds_what_its_plain_form_finds(text: str) -> None:
    _same(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_faster_word_readings_agree_with_the_plain_forms_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same(text)


_WORDS = sorted(
    set(re.findall(r"[a-z]{3,}", lowernames._KIN))
    | {"rob", "carol", "mark", "ann", "called", "is", "was", "said", "will", "call", "at", "the", "bedside", "came"}
    | {"ſon", "İ", "\u212a", "sİster", "mo\u212aom"}
    | {"person", "stepmother", "sonny", "é", "Søn", "1", "ab"}
)
_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", "\t", "-", "/", ". ", "\n", ", ", ",  ", "(", "; ", "'", "’", "_", "x", ""]),
    ),
    max_size=12,
).map(lambda parts: "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts))


@settings(max_examples=800, deadline=None)
@given(_MADE_UP)
def test_the_faster_word_readings_agree_on_made_up_text_of_their_words(text: str) -> None:
    _same(text)


def test_a_first_name_after_a_kinship_word_in_small_letters_is_still_found() -> None:
    assert [f.kind for f in scan("Spoke to the pt's son rob called back about the discharge")] == ["patient-name"]
    assert scan("The go-live huddle moved to Thursday; Priya Raman will present the cutover plan") == []
