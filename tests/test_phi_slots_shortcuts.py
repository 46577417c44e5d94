"""slots.py's shortcuts say what the plain readings they replaced said: a sentence's words, read with the case-blind
patterns in its small letters and only when one of their words is there, are the words the plain patterns left.

The sentences are made up of the patterns' own words, in any case, with the characters that fold to ASCII letters.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import slots


def _plain_sentence_words(sentence: str) -> frozenset[str] | None:
    """_sentence_words as it was first written: every pattern searched case-blind."""
    words = frozenset(slots._WORD.findall(sentence.lower()))
    if words.isdisjoint(slots._PEOPLE | slots._CARE_SLOT | slots._OWNED_WORDS):
        return None
    if words & slots._PROJECT or slots._GO_LIVE.search(sentence):
        return None
    if not words.isdisjoint(slots._HOMONYMS) and slots._PROGRAMME.search(sentence):
        words = frozenset(slots._WORD.findall(slots._PROGRAMME.sub(" ", sentence).lower()))
    if not words.isdisjoint(slots._OWNERS) and slots._OWNER.search(sentence):
        words |= slots._AN_OWNER
    return words


def _pattern_words(rx: re.Pattern[str]) -> list[str]:
    return sorted(set(re.findall(r"[a-z]{2,}", rx.pattern)))


_SENTENCE_WORDS = [
    *_pattern_words(slots._PROGRAMME),
    *_pattern_words(slots._GO_LIVE),
    *("patients", "Patient", "RESIDENT", "golive", "GoLive", "records", "client's", "member’s", "her", "home"),
    *(" ", "  ", "-", " - ", "\n", ".", ", ", "'s", "pre", "pre-", "1", "x", "_", "ſ", "İ", "ı", "\u212a", "é", "ẞ"),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_SENTENCE_WORDS), max_size=14), st.lists(st.booleans(), max_size=14))
def test_a_sentences_words_are_the_ones_the_plain_patterns_left(words: list[str], upper: list[bool]) -> None:
    sentence = " ".join(w.upper() if up else w for w, up in zip(words, upper + [False] * len(words), strict=False))
    assert slots._sentence_words(sentence) == _plain_sentence_words(sentence)
    joined = "".join(words)
    assert slots._sentence_words(joined) == _plain_sentence_words(joined)


def test_each_programme_name_ends_with_a_word_of_the_gate() -> None:
    # every two or three of the pattern's words (and their plurals) that make a name: its last is in the gate's list
    words = _pattern_words(slots._PROGRAMME)
    words += [w + "s" for w in words] + ["pre-admission", "preadmission"]
    middles = ["record", "records", "identity", "id"]
    names = [f"{a} {b}" for a in words for b in words] + [f"{a} {m} {c}" for a in words for m in middles for c in words]
    found = [name for name in names if slots._PROGRAMME.fullmatch(name)]
    assert len(found) > 200
    for name in found:
        assert name.split()[-1] in slots._PROGRAMME_ENDS, name
