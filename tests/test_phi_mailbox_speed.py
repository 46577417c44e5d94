"""contacts._made_of_pieces reads a local part's pieces only from where the pieces before it reach: it answers as
the plain reading that tries, at each position, every piece that can end there. Compared on made-up words of the
pieces' own letters, on the pieces run together, and on the local parts of the regression corpus and the
development notes."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import contacts
from tests.support.phi_texts import corpus_texts, dev_texts


def _plain(word: str) -> bool:
    if not word:
        return False
    ends = [True] + [False] * len(word)
    for i in range(1, len(word) + 1):
        lo = max(0, i - contacts._LONGEST_PIECE)
        ends[i] = any(ends[j] and word[j:i] in contacts._TEAM_PIECES for j in range(lo, i))
    return ends[-1]


_PIECES = sorted(contacts._TEAM_PIECES)


@pytest.mark.parametrize(
    "word",
    ["", "patientsafety", "patient", "patients", "jsmith", "dischargelounge", "patientsafetyx", "xpatient", "itit"],
)
def test_a_local_part_is_read_as_in_the_plain_reading(word: str) -> None:
    assert contacts._made_of_pieces(word) == _plain(word)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=4), st.text(alphabet="aeinorstx", max_size=3), st.integers(0, 5))
def test_pieces_run_together_are_read_as_in_the_plain_reading(pieces: list[str], noise: str, at: int) -> None:
    word = "".join(pieces)
    word = word[:at] + noise + word[at:]
    assert contacts._made_of_pieces(word) == _plain(word)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdehilmnoprstuy", max_size=30))
def test_made_up_words_are_read_as_in_the_plain_reading(word: str) -> None:
    assert contacts._made_of_pieces(word) == _plain(word)


def test_the_local_parts_of_real_texts_are_read_as_in_the_plain_reading() -> None:
    words = {
        piece
        for text in (*corpus_texts(), *dev_texts())
        for m in re.finditer(r"[\w.+-]{1,64}@", text)
        for piece in re.split(r"[._+-]", m.group()[:-1].lower())
    }
    assert len(words) > 50
    for word in words:
        assert contacts._made_of_pieces(word) == _plain(word), word
