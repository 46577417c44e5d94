"""Reading a long case-insensitive pattern fast, with the same matches: its lead (the fixed words before a name) is
looked for first, case-sensitively, on the text in small letters, and the whole pattern is tried only where a lead
starts.

Why: the regex engine compares a case-insensitive word letter by letter at every word of the text, while a
case-sensitive one is rejected at its first letter; and a pattern that starts with a name has no first character to
skip to. An ASCII text in small letters keeps its letters in their places, so a lead of small letters found there is
found at the same place in the text ignoring case. Any other text's leads are looked for in its folded letters
(``folded``: each character a case-blind ASCII letter matches written as that letter, in its place), and the pattern
is read on the text itself: a note with one curly quote, dash or "Møller" no longer tries every pattern everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from commands.phi.shared import words_of


@lru_cache(maxsize=4)  # the name detectors of one scan share it
def small_text(text: str) -> str | None:
    """An ASCII text in small letters, or None for any other text."""
    return text.lower() if text.isascii() else None


@lru_cache(maxsize=4)  # the name detectors of one scan share it
def folded_text(text: str) -> str:
    """``folded(text)``, once per text: where the leads of any text are looked for."""
    return folded(text)


def small(rx: re.Pattern[str]) -> re.Pattern[str]:
    """A case-insensitive pattern written in small letters, read case-sensitively (on a text in small letters)."""
    assert rx.flags & re.IGNORECASE, rx.pattern
    return re.compile(rx.pattern, rx.flags & ~re.IGNORECASE)


def lead(source: str) -> re.Pattern[str]:
    """A pattern for the leads: the lead's words in small letters, each alternative opening with a letter and no
    word boundary before it, so that the engine skips straight to the letters they start with. The alternatives
    are grouped by their first letter ("p(?:t|atient)"): at each of those letters the engine then tries only the
    words that start with it (the same places found; PLAIN keeps each lead's source for the tests)."""
    rx = re.compile(_grouped(source))
    PLAIN[rx.pattern] = source
    return rx


PLAIN: dict[str, str] = {}


def _alternatives(source: str) -> list[str]:
    """The top-level alternatives of a pattern's source (not those inside a group or a class)."""
    parts: list[str] = []
    current: list[str] = []
    depth, in_class, escaped = 0, False, False
    for ch in source:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return parts


def _grouped(source: str) -> str:
    """The source's alternatives grouped by first letter, when each opens with a small ASCII letter (else the source):
    an alternation matches at a place when one of its alternatives does, and only those with that place's letter
    can."""
    parts = _alternatives(source)
    if not all("a" <= p[:1] <= "z" for p in parts):
        return source
    groups: dict[str, list[str]] = {}
    for p in parts:
        groups.setdefault(p[0], []).append(p[1:])
    return "|".join(first + (f"(?:{'|'.join(rest)})" if rest != [""] else "") for first, rest in groups.items())


def _starts(starts: re.Pattern[str], low: str) -> Iterator[int]:
    """Every place a lead starts, even inside another one."""
    pos = 0
    while (at := starts.search(low, pos)) is not None:
        yield at.start()
        pos = at.start() + 1


def found(small_rx: re.Pattern[str], text: str, pos: int = 0, endpos: int = -1) -> bool:
    r"""Whether a pattern written in small letters finds a match ignoring case: it is read case-sensitively on the
    text's folded letters. For a pattern whose letters are all small ASCII ones (a tail, a cue; not a name's
    capitals): what a case-blind letter of it matches is that letter there, and every other character is as it was
    (a letter stays a letter, so ``\w`` and ``\b`` read the same)."""
    end = len(text) if endpos < 0 else endpos
    return small_rx.search(folded_text(text), pos, end) is not None


def finditer(rx: re.Pattern[str], small_rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``rx.finditer(text)`` (small_rx is ``small(rx)``): on an ASCII text, the spans of the case-sensitive
    pattern on the text in small letters."""
    low = small_text(text)
    return rx.finditer(text) if low is None else small_rx.finditer(low)


def finditer_led(
    rx: re.Pattern[str], starts: re.Pattern[str], text: str, small_rx: re.Pattern[str] | None = None
) -> Iterator[re.Match[str]]:
    """The matches ``rx.finditer(text)`` gives, trying ``rx`` only where ``starts`` (a ``lead`` of every match
    of ``rx``) finds its lead on the text's folded letters; with ``small_rx`` (``small(rx)``), on an ASCII text the
    matches of that on the text in small letters (the same spans)."""
    low = small_text(text)
    # (any other text: its leads are looked for in its folded letters, and the pattern read on the text itself)
    on, read = (text, rx) if small_rx is None or low is None else (low, small_rx)
    pos = 0
    for start in _starts(starts, folded_text(text) if low is None else low):
        if start >= pos and (m := read.match(on, start)) is not None:
            yield m
            pos = m.end()


def every_led(rx: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``shared._matches(rx, text)`` gives (one at every place ``rx`` matches, overlaps too), trying
    ``rx`` only where ``starts`` finds its lead on the text's folded letters."""
    for start in _starts(starts, folded_text(text)):
        if (m := rx.match(text, start)) is not None:
            yield m


def finditer_lines(
    rx: re.Pattern[str], stops: re.Pattern[str], text: str, mark: re.Pattern[str] | None = None, reach: int = 0
) -> Iterator[re.Match[str]]:
    """The matches ``rx.finditer(text)`` gives for a pattern that starts at the start of the text or at one of a
    few characters (a new line, a full stop): ``rx`` is tried at the start and where ``stops`` (those characters)
    finds one, and nowhere else; with ``mark``, only where it finds a character every match has within ``reach``
    characters of its start (a row's separator)."""
    pos = 0
    start: int | None = 0
    while start is not None:
        m = None if mark is not None and not mark.search(text, start, start + reach) else rx.match(text, start)
        if m is not None:
            yield m
            pos = m.end()
        else:
            pos = start + 1
        at = stops.search(text, pos)
        start = None if at is None else at.start()


def finditer_stops(rx: re.Pattern[str], at_stop: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches ``finditer_lines`` (and ``rx.finditer``) gives for a pattern that opens with the start of the text
    or one of a few stop characters: ``rx`` tried at the start, and elsewhere ``at_stop``, the pattern with its
    start-of-text alternative left out and each stop an alternative of its own that opens with that character (the
    engine skips straight to them, with no call per stop)."""
    m = rx.match(text)
    if m is not None:
        yield m
    yield from at_stop.finditer(text, 1 if m is None else m.end())


def at_stops(rx: re.Pattern[str], opening: str, stops: str) -> re.Pattern[str]:
    """``rx``, which opens with ``opening`` ("(?:^|\\n|[.;]\\s)"), opening with ``stops`` instead ("(?:\\n|;\\s|\\.\\s)"):
    the same alternatives but the start of the text, each led by its stop character."""
    assert rx.pattern.startswith(opening), rx.pattern[:40]
    return re.compile(stops + rx.pattern[len(opening) :], rx.flags)


def search_led(rx: re.Pattern[str], starts: re.Pattern[str], text: str, pos: int = 0, endpos: int = -1) -> bool:
    """Whether ``rx.search(text, pos, endpos)`` finds a match, trying ``rx`` only where ``starts`` (a ``lead`` of
    every match of ``rx``) finds its lead on the text's folded letters."""
    end = len(text) if endpos < 0 else min(endpos, len(text))
    low = folded_text(text)
    while (at := starts.search(low, pos, end)) is not None:
        if rx.match(text, at.start(), end) is not None:
            return True
        pos = at.start() + 1
    return False


# The characters other than ASCII letters that a case-insensitive ASCII letter matches (re folds them): "İ", "ı",
# "ſ" and the Kelvin sign. An ASCII letter is read as its small letter, they as theirs.
_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_FOLD_TABLE = str.maketrans({**{chr(c): chr(c + 32) for c in range(65, 91)}, **_FOLDS})
_LETTER_RUN = re.compile("[a-z]{1,30}")


def folded(text: str) -> str:
    """The text with each character a case-insensitive ASCII letter matches written as that small letter, every
    other character in its place: a word of ASCII letters that the case-insensitive pattern reads is found there by
    a plain search, at the same place."""
    low = small_text(text)
    if low is not None:
        return low
    low = text.lower()
    if len(low) != len(text):
        return text.translate(_FOLD_TABLE)  # ("İ" is two characters in small letters)
    if "\u0131" in low or "\u017f" in low:
        low = low.replace("\u0131", "i").replace("\u017f", "s")
    return low


def finditer_words(
    rx: re.Pattern[str], small_rx: re.Pattern[str], first: frozenset[str], text: str
) -> Iterator[re.Match[str]]:
    """The matches ``leads.finditer(rx, small_rx, text)`` gives, for a case-insensitive pattern each of whose
    matches opens with one of the words ``first`` (small ASCII letters) with no letter before or after it: the
    pattern is tried only where one of them is, found by a plain search of the text's folded letters. Why: a
    pattern of many cues that opens with a word boundary has no first character for the engine to skip to."""
    low = folded(text)
    words = first.intersection(words_of(text) if text.isascii() else _LETTER_RUN.findall(low))
    if not words:
        return
    starts = set()
    for word in words:
        at = low.find(word)
        while at >= 0:
            starts.add(at)
            at = low.find(word, at + 1)
    on, read = (low, small_rx) if text.isascii() else (text, rx)
    pos = 0
    for start in sorted(starts):
        if start >= pos and (m := read.match(on, start)) is not None:
            yield m
            pos = m.end()
