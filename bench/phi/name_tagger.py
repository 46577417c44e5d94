"""An experiment, measured and NOT hooked into the guard: a small statistical patient-name tagger, a logistic model
over the name-like runs of capitalised words that the word-list finder proposes (commands/phi/lexicon.py's
candidates), scored from the words around each run, their shapes and the lists of a person's care and of a project
they fall in, for texts where the rules find no patient's name.

Why it was tried: the hand rules are tuned on the development texts and miss names in wordings nobody tuned on; a
model of the words around a name might generalise where a rule does not. Why it is not in commands/phi: measured
by grouped cross-validation on the development items, at the one setting with no held-out false alarm it adds 3 of
the 14 name texts the rules miss; it adds 3 of the names probe's 35 check-half misses; and at that setting it
still refuses a project's sentence of the regression tests ("Priya Raman finished her wound care module build."):
its recall comes from the same words of care the rules read, and where it goes past the rules it does so by
outweighing a project's words, which is where its false alarms come from. tools/train_name_tagger.py trains it and
prints the cross-validation; bench/phi/name_tagger_probe.py scores the guard with it added.

Trained again with much more text (fills of outis 0.2.1's development-group frames and notes:
tools/train_outis_tagger.py, weights name_tagger_outis.json, figures in that tool's docstring), it adds 1 of the 10
development name texts the rules now miss at the setting with no held-out false alarm and 2 of the names-frames
probe's 68 check-half misses, but costs ~0.37 ms at p99 where it runs: still not hooked in.

The weights are a frozen JSON file beside this one; nothing is downloaded, nothing but the standard library runs.
Scoring is a sum of a few dozen dictionary look-ups per candidate, linear in the text's length.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from functools import cache
from pathlib import Path

from commands.phi.lexicon import _HEADER_MARKS, _candidates, _role_in_label
from commands.phi.namecues import (
    _EPONYM_AFTER,
    _HEADER_BEFORE,
    _OWN_NOT_EPONYM,
    _PLACE_AFTER,
    _ROLE_AFTER,
    _ROLE_LINE_AFTER,
    _ROLE_LIST_BEFORE,
    _SAINTS,
    _STAFF_AFTER,
    _WORK_AFTER,
    _staff_before,
)
from commands.phi.namewords import _BITS, _CARE, _OWN, _PERSON, _STRONG, _SURE, _contexts
from commands.phi.shared import has_any

_MODEL = Path(__file__).resolve().parent / "name_tagger.json"

# The tokens around a candidate: words (with inner apostrophes and hyphens) and single marks of punctuation.
_TOKEN = re.compile(r"[^\W_]{1,30}(?:['’-][^\W_]{1,30}){0,3}|[^\w\s]")
_REACH = 60  # characters either side read for the word features
_NEAR = 150  # characters either side for the list features (as the rules' _near)
# The single words of a person's care, strong and sure signs of a patient and a person's own things: a text with none
# of them is not read at all (a set look-up on the words every scan splits its text into once).
_CARE_GATE = frozenset(w for w, b in _BITS.items() if b & (_PERSON | _STRONG | _CARE | _SURE | _OWN) and " " not in w)
_LISTS = ("person", "project", "strong", "care", "more_project", "sure", "own")


@cache
def _model() -> tuple[dict[str, float], float]:
    """The weights and the decision threshold (on the logit), loaded on first use."""
    data = json.loads(_MODEL.read_text(encoding="utf-8"))
    return data["weights"], float(data["threshold"])


def _shape(word: str) -> str:
    w = word.rstrip(".")
    if len(w) == 1:
        return "I"
    if w.isupper():
        return "A"
    if any(c in w for c in "'’-"):
        return "P"
    return "C"


def _near(starts: list[int], start: int, end: int) -> bool:
    i = bisect_left(starts, start - _NEAR)
    return i < len(starts) and starts[i] <= end + _NEAR


def near_care(start: int, end: int, lists: tuple[list[int], ...]) -> bool:
    """A word of a person's care, a strong or sure sign of a patient, or a person's own thing within reach: the
    tagger reads no candidate without one (a cheap gate, and a project's text rarely has one). (Also requiring no
    project word near, as the rules do, was measured too: it removes the few names the model adds.)"""
    person, _, strong, care, _, sure, own = lists
    return any(_near(starts, start, end) for starts in (person, strong, care, sure, own))


def vetoed(text: str, start: int, end: int, kinds: str) -> bool:
    """The rules' signs of a colleague, a place or an eponym (lexicon.py's vetoes): a title or role before, a
    role's label, a place or a work verb after, "Cushing's syndrome". The model decides only the rest."""
    left = text[max(0, start - 40) : start]
    right = text[end : end + 40]
    if "\n" in left:
        left = left[left.rfind("\n") + 1 :]
    mark = left.rstrip()[-1:]
    return bool(
        _staff_before(left)
        or (mark in _HEADER_MARKS and _HEADER_BEFORE.search(left) and _role_in_label(left))
        or _PLACE_AFTER.match(right)
        or (" " + left).rstrip().endswith(_SAINTS)
        or (
            ":" in text[max(0, start - 120) : start]
            and text[max(0, start - 6) : start].rstrip()[-1:] in (":", ",")
            and _ROLE_LIST_BEFORE.search(text, max(0, start - 120), start)
        )
        or (right.lstrip(" \t")[:1] == "\n" and _ROLE_LINE_AFTER.match(right))
        or _STAFF_AFTER.match(text[end - 2 : end] + right if text[end - 2 : end] in ("'s", "’s") else right)
        or (_EPONYM_AFTER.match(right) and not (len(kinds) > 1 and _OWN_NOT_EPONYM.match(text, end - 2)))
        or _WORK_AFTER.match(right)
        or _ROLE_AFTER.match(right)
    )


def doc_features(lists: tuple[list[int], ...]) -> list[str]:
    """The text's own features, the same for each of its candidates: how many words of each list it has (0-3)."""
    return ["b", *(f"d{name}={min(len(starts), 3)}" for name, starts in zip(_LISTS, lists, strict=True))]


def span_features(text: str, start: int, end: int, kinds: str, lists: tuple[list[int], ...]) -> list[str]:
    """A candidate's own features: its kinds and shapes, the words either side, the lists near it."""
    span = text[start:end]
    words = span.replace(",", " ").split()
    f = [f"k={kinds}", f"n={len(kinds)}", "s=" + "".join(_shape(w) for w in words)]
    if "," in span:
        f.append("inv")
    left = _TOKEN.findall(text, max(0, start - _REACH), start)
    right = _TOKEN.findall(text, end, end + _REACH)
    line_left = text[max(0, start - _REACH) : start]
    if "\n" in line_left:
        line_left = line_left[line_left.rfind("\n") + 1 :]
        left = _TOKEN.findall(line_left)
    if not line_left.strip():
        f.append("bol")
    elif not left or left[-1] in (".", "!", "?"):
        f.append("sent0")
    if text[end : end + 2] in ("'s", "’s"):
        f.append("poss")
        right = right[2:] if right[:1] in (["'"], ["’"]) else right
    lw = [t.lower() for t in left[-3:]]
    rw = [t.lower() for t in right[:3]]
    for i, w in enumerate(reversed(lw), 1):
        f.append(f"l{i}={w}")
        f.append(f"L={w}")
    for i, w in enumerate(rw, 1):
        f.append(f"r{i}={w}")
        f.append(f"R={w}")
        if len(w) > 4:
            f.append(f"rs{i}={w[-3:]}")
    if rw[:1]:
        f.append(f"r1c={'C' if right[0][:1].isupper() else 'l'}")
    for name, starts in zip(_LISTS, lists, strict=True):
        if _near(starts, start, end):
            f.append(f"near={name}")
    return f


def features(text: str, start: int, end: int, kinds: str, lists: tuple[list[int], ...]) -> list[str]:
    """The names of a candidate's features (each worth 1)."""
    return doc_features(lists) + span_features(text, start, end, kinds, lists)


def score(text: str, start: int, end: int, kinds: str) -> float:
    """A candidate's logit (tests and the training tool; the finder below adds the same numbers)."""
    weights = _model()[0]
    return sum(weights.get(x, 0.0) for x in features(text, start, end, kinds, _contexts(text)))


def find_tagged_names(text: str) -> list[tuple[int, int]]:
    """The name-like runs of capitalised words near a word of a person's care that the model scores over its
    threshold and that no sign of a colleague, a place or an eponym vetoes. Called when the rules found no name."""
    if not has_any(text, _CARE_GATE):
        return []
    cands = _candidates(text)
    if not cands:
        return []
    lists = _contexts(text)
    weights, threshold = _model()
    get = weights.get
    threshold -= sum(get(x, 0.0) for x in doc_features(lists))  # (the text's own part of every candidate's score)
    out = []
    for start, end, kinds in cands:
        if not near_care(start, end, lists):
            continue
        if sum(get(x, 0.0) for x in span_features(text, start, end, kinds, lists)) > threshold and not vetoed(
            text, start, end, kinds
        ):
            out.append((start, end))
    return out
