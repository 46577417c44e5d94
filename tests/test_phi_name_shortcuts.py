"""The name detectors' shortcuts find what the patterns behind them find (commands/phi/leads.py, narrative.py): a
pattern of many cues is tried only where one of its first words is, read from the text's folded letters. A cue
added to a pattern goes in its list of first words too: the real texts here, or made-up text of the pattern's own
words, show when the list misses it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import leads, names, namewords, narrative, people
from tests.support.phi_texts import corpus_texts, dev_texts


def _contexts_word_by_word(text: str) -> tuple[list[int], ...]:
    """namewords._contexts read one word at a time, each with the word before it (as it was first written)."""
    found: tuple[list[int], ...] = ([], [], [], [], [], [], [])
    strong = found[2]
    low = text.lower()
    prev = ""
    for m in namewords._CTX_WORD.finditer(low if len(low) == len(text) else text):
        w = m.group(0).lower()
        if prev in namewords._POP_AFTER and strong and (w in namewords._FELL_NOT if prev == "fell" else w == "care"):
            strong.pop()
        b = namewords._bits(w, prev)
        if w == "minutes" and prev[:1].isdigit():
            b &= ~namewords._PROJECT
        bits = (namewords._PERSON, namewords._PROJECT, namewords._STRONG, namewords._CARE, namewords._MORE_PROJECT,
                namewords._SURE, namewords._OWN)  # fmt: skip
        for where, bit in zip(found, bits, strict=True):
            if b & bit:
                where.append(m.start())
        prev = w
    return found


def _index_word_by_word(text: str) -> list[list[int]]:
    """narrative._index's words of each kind read one word at a time with namewords._bits (as it was first
    written): where each word of a project, of care and of a person starts."""
    low = text.lower() if text.isascii() else text
    marks: list[list[int]] = [[] for _ in narrative._KINDS]
    prev = ""
    for m in narrative._TOKEN_WORD.finditer(low):
        w = m.group(0).lower()
        b = namewords._bits(w, prev)
        if w == "alert" and narrative._ALERT_ORIENTED.match(text, m.start() + 5):
            b = namewords._CARE
        elif w in narrative._FINDINGS:
            b |= namewords._CARE
        for where, kind in zip(marks, narrative._KINDS, strict=True):
            if b & kind:
                where.append(m.start())
        prev = w
    return marks


def _sentence_has_word_by_word(text: str, start: int, end: int, marks: list[list[int]]) -> tuple[bool, bool, bool]:
    """narrative._sentence_has as first written: the sentence's words (at most 160 characters either side of the
    span, the span left out) read one by one."""
    ends = [m.start() for m in narrative._SENTENCE_END.finditer(text)]
    lo = max([start - 160, 0] + [e + 1 for e in ends if e < start])
    hi = min([end + 160, len(text)] + [e for e in ends if e >= end])
    found = [any(lo <= at < start or end <= at < hi for at in where) for where in marks]
    return found[0], found[1], found[2]


def _same_contexts(text: str) -> None:
    marks = _index_word_by_word(text)
    assert list(narrative._index.__wrapped__(text)[0]) == marks, text
    assert namewords._contexts.__wrapped__(text) == _contexts_word_by_word(text), text
    narrative._index.cache_clear()
    for start in range(0, len(text), 23):
        end = min(len(text), start + 11)
        assert narrative._sentence_has(text, start, end) == _sentence_has_word_by_word(text, start, end, marks), text


# The tails as first written (a word boundary, then the words; all the digits of an age): the faster forms say the
# same of every text.
_FIRST_TAILS = [
    (names._AFTER_NAME[names._NAME_THEN_AGE], re.compile(r"(?:a|an)\s{1,3}" + names._AGE_SEX, re.IGNORECASE)),
    (
        narrative._TAILS[narrative._PATIENT_COMMA],
        re.compile(r"\b(?:patient|individual|care|client|user),\s", re.IGNORECASE),
    ),
    (
        narrative._TAILS[narrative._NAME_AS_PATIENT],
        re.compile(
            r"\b(?:as\s{1,2}(?:the\s{1,2})?patient|role\s{1,2}is|(?:is|was)\s{1,2}the\s{1,2}(?:individual"
            r"|person|patient|client|resident|service|name))\b",
            re.IGNORECASE,
        ),
    ),
]
_FIRST_WITH_AGE = re.compile(
    r"\d{1,3}\s{0,2}(?:y|yo|yrs?|years?)?\s{0,2}[/|,–—-]\s{0,2}(?:m|f|male|female)\b|\(\s{0,2}(?:born|b\.|dob"
    r"|d\.o\.b|aged?)\b",
    re.IGNORECASE,
)


def _same_tails(text: str) -> None:
    for fast, first in _FIRST_TAILS:  # (the fast ones read case-blind, on the text's folded letters)
        assert leads.found(fast, text) == (first.search(text) is not None), (first.pattern, text)
    assert narrative._tail_in(narrative._WITH_AGE, text) == bool(_FIRST_WITH_AGE.search(text)), text


def _same_without_a_tail(text: str) -> None:
    """A name-first pattern tried only when what must follow the name is in the text: then it never matches."""
    if not people._PT_IN_BRACKETS.search(text):
        assert not people._NAME_THEN_PT.search(text), text


def _same_object_cues(text: str) -> None:
    fast = [m.span() for m in leads.finditer_words(narrative._OBJECT_CUE, narrative._SMALL_OBJECT_CUE,
                                                   narrative._OBJECT_FIRST, text)]  # fmt: skip
    assert fast == [m.span() for m in narrative._OBJECT_CUE.finditer(text)], text


@pytest.mark.parametrize(
    "text",
    [
        "Reviewed with Anna. Spoke to Mr Kim, then discussed the plan with Jo.",
        "Meds for Ola; call to Ben; Interpreter booked for Ahmed.",
        "ſent for Lee, \u212aALL", "DISCUSSED İN clinic with Ayşe", "Counselled Ivan; mobilized Eva; results of Kai",
        "Exam-of Li", "sent  for  x", "no cue here", "Emily Ross (the pt in 4W)", "Tom Becker  (PATIENT)",
        "She fell behind; he fell. Wound care module, her wound care, 15 minutes, the minutes. İlker's meds",
        "history of falls, years old, her clinic, his 5mg, a 70yo, fell fell short",
        "The PATIENT, Jo; care, x; user,\tY; known as the patient; role is; Was the Name; Merja / 72 / F; Ann (born",
        "Alert and oriented, the alert fired; her wound care; change request; İlker is alert",
        "1234 yo; 12 - years-old female; 5 Y.O.; as  the  patıent; ıs the person",
    ],
)  # fmt: skip
def test_each_cue_is_found_where_the_pattern_finds_it(text: str) -> None:
    _same_object_cues(text)
    _same_without_a_tail(text)
    _same_contexts(text)
    _same_tails(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_cues_agree_with_the_pattern_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same_object_cues(text)
        _same_without_a_tail(text)
        _same_contexts(text)
        _same_tails(text)


_WORDS = sorted(
    set(re.findall(r"[a-z]{2,}", narrative._OBJECT_CUE.pattern))
    | {"ſent", "İn", "é", "Mr", "Jo", "(pt", "(the", "Ross"}
)
_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", "-", "/", ". ", "\n", ", ", "'s ", ": ", "x", "1"]),
    ),
    max_size=12,
).map(lambda parts: "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts))


@settings(max_examples=600, deadline=None)
@given(_MADE_UP)
def test_the_cues_agree_with_the_pattern_on_made_up_text_of_its_words(text: str) -> None:
    _same_object_cues(text)
    _same_without_a_tail(text)
    _same_contexts(text)
    _same_tails(text)


def test_the_longest_subject_is_within_its_reach_of_the_verb() -> None:
    word = "A" + "b" * 25 + "-" + "c" * 25  # (52 letters: a name's longest word)
    name = "van  der  " + word + ("  van  der  " + word) * 2 + ",  III."
    text = "x " + name + ",  aged  123,  (female,  123)  has  been  not  seen"
    m = narrative._SUBJECT_VERB.search(text)
    assert m is not None and m.start() == 2 and m.start("verb") - m.start() == 244
    assert m.start("verb") - m.start() <= narrative._SUBJECT_REACH


def test_a_rows_separator_is_within_its_reach_of_the_rows_start() -> None:
    text = "x.  " + "   " + "P" + "a" * 38 + "   " + "->" + "   Jo Ray\n"
    m = narrative._ROW.search(text)
    assert m is not None and m.start() == 1
    assert text.index(">") - m.start() < narrative._ROW_REACH
    rows = leads.finditer_lines(narrative._ROW, narrative._ROW_STOPS, text, narrative._ROW_MARK, narrative._ROW_REACH)
    assert [r.span() for r in rows] == [m.span()]
