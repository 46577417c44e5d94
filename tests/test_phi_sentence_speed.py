"""shared.sentence_around finds the last sentence end before a span by reading the 40 characters before it first
(shared._last_end): it answers as reading the whole 160-character window, for each detector's pattern of sentence
ends. Compared at every position of the regression corpus, the development notes and made-up text of the ends'
own characters."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import carriedids, devices, letters, project, shared
from tests.support.phi_texts import corpus_texts, dev_texts

_ENDS = {
    "project": project._SENTENCE_END,
    "letters": letters._SENTENCE_END,
    "devices": devices._ENDS,
    "carriedids": carriedids._ENDS,
}


def _plain(text: str, start: int, end: int, ends: re.Pattern[str], reach: int = 160) -> str:
    left = text[max(0, start - reach) : start]
    cuts = [m.end() for m in ends.finditer(left)]
    if cuts:
        left = left[cuts[-1] :]
    right = text[end : end + reach]
    m = ends.search(right)
    if m:
        right = right[: m.start()]
    return left + " " + right


def _same_at_every_position(text: str, step: int = 1) -> None:
    for at in range(0, len(text) + 1, step):
        for name, ends in _ENDS.items():
            assert shared.sentence_around(text, at, at, ends) == _plain(text, at, at, ends), (name, at)


@pytest.mark.parametrize(
    "text",
    [
        "Call Dr. Lee. Then ring Mr. Khan on 12 March.\nNext line", "a.\nb", "a. \n. b", "x" * 45 + ". " + "y" * 50,
        "St. Mary's. No. 4! Prof. X? vs. Y.", "A. B. C. D. " * 12, ".\n" * 100, "end." + " " * 39 + "z",
        "ſt. Kelvin \u212a. İ.\tnext",
    ],
)  # fmt: skip
def test_the_last_sentence_end_is_found_as_in_the_whole_window(text: str) -> None:
    _same_at_every_position(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_sentences_are_the_same_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same_at_every_position(text, step=1 if source == "corpus" else 3)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab .!?\n\tDrMsSJtPofvN", max_size=240))
def test_the_sentences_are_the_same_on_made_up_text(text: str) -> None:
    _same_at_every_position(text)
