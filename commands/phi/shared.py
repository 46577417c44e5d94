"""Pieces every PHI detector shares: date shapes, the gap after a context word, identifier values."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------

_I = re.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
# A day of the month written out: "the third of July", "twenty-first of May".
_SPELLED = (
    r"(?:(?:(?:twenty|thirty)[- ]?)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth"
    r"|twentieth|thirtieth)"
)
# A calendar date in the formats people type.  No unbounded repetition.
_DATE = (
    r"(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2025-10-02, 2025/10/2
    r"|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"  # 04/12/1951, 7-4-1946, 12.03.1948, 1/5/39
    r"|\d{1,2}/\d{1,2}"  # 11/3 (no year)
    rf"|\d{{1,2}}[-/]{_MONTH}[-/](?:\d{{4}}|\d{{2}})|\d{{1,2}}{_MONTH}\d{{4}}"  # 3-Dec-2023, 03/Dec/23, 14JUN2025
    rf"|{_MONTH}\.?\s{{1,3}}\d{{1,2}}{_ORD}(?:,?\s{{1,3}}\d{{4}})?"  # March 3, 1960 / Nov 3rd
    rf"|\d{{1,2}}{_ORD}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}(?![a-z])\.?(?:,?\s{{1,3}}\d{{4}})?"  # 3rd of March 1960
    rf"|(?:the\s{{1,3}})?{_SPELLED}\s{{1,3}}of\s{{1,3}}{_MONTH}\b(?:,?\s{{1,3}}\d{{4}})?"  # the third of July
    r")(?![\d/])"
)

# Gap between a context keyword and its value: "MRN# 123", "member id: 123",
# "serial no. 123", "medical record number 123", "Medicare MBI 1EG4...".
_FILL = (
    r"(?:\s{0,3}(?:\#|no\b\.?|nbr\b|num(?:ber)?\b|id\b|mbi\b|hicn\b)){0,2}"
    r"\s{0,3}[:#=]?\s{0,3}"
)

# An identifier value: letters/digits, optionally dash-separated, 3..40 chars.
_IDVAL = r"(?P<v>[A-Za-z0-9](?:[A-Za-z0-9-]{1,38}[A-Za-z0-9])?)(?![A-Za-z0-9-])"


# Speed idiom: a look-behind placed after a pattern's first character ("\d(?<![\w-].)" rather than
# "(?<![\w-])\d") says the same thing, but lets the regex engine skip straight to the characters a match can start
# with instead of trying the whole pattern at every position.


def _matches(rx: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Like ``rx.finditer(text)`` but also yields matches that overlap a previous
    one.  Detectors reject some matches after the fact (too few digits, a
    programme word instead of a name); with plain finditer a rejected match
    would swallow the next keyword ("pt # MRN 1234567")."""
    pos = 0
    n = len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


_NO_DIGITS = str.maketrans("", "", "0123456789")


def _digits(s: str) -> int:
    """How many digits the text has. An ASCII text's are counted by deleting them, several times faster than
    testing each character; other texts may have digits of other scripts, which ``\\d`` matches too."""
    if s.isascii():
        return len(s) - len(s.translate(_NO_DIGITS))
    return sum(map(str.isdigit, s))


@lru_cache(maxsize=4)  # the detectors of one scan share it
def text_digits(text: str) -> int:
    """How many digits a whole text has (the detectors' gates ask it many times per scan)."""
    return _digits(text)


_LETTER_WORDS = re.compile(r"[a-z]{1,30}")


@lru_cache(maxsize=4)  # the detectors of one scan share it
def words_of(text: str) -> frozenset[str]:
    """The text's words of letters, in small letters: a pattern that needs a keyword is not run when none of its
    keywords is there (a set lookup instead of a search through the whole text)."""
    return frozenset(_LETTER_WORDS.findall(text.lower()))


def has_any(text: str, keywords: frozenset[str]) -> bool:
    return not keywords.isdisjoint(words_of(text))


def sentence_around(text: str, start: int, end: int, ends: re.Pattern[str], reach: int = 160) -> str:
    """The sentence (or line) a span sits in, without the span, at most ``reach`` characters either side; ``ends``
    says where a sentence stops (a caller that knows titles like "Dr." passes a pattern that skips them)."""
    left = text[max(0, start - reach) : start]
    left = left[_last_end(ends, left) :]
    right = text[end : end + reach]
    m = ends.search(right)
    if m:
        right = right[: m.start()]
    return left + " " + right


# How far before the span the last sentence end is looked for first (most sentences' last end is this near).
_NEAR_END = 40


def _last_end(ends: re.Pattern[str], left: str) -> int:
    """Where the last match of ``ends`` in ``left`` ends (0 with none), read first in the last 40 characters only: a
    sentence's end is one character and a space at most, and two ends that overlap end at the same place (". " and
    "\n" of ".\n"), so the last match read from there is the last match read from the start."""
    last: re.Match[str] | None = None
    if len(left) > _NEAR_END:
        for m in ends.finditer(left, len(left) - _NEAR_END):
            last = m
        if last:
            return last.end()
    for m in ends.finditer(left):
        last = m
    return last.end() if last else 0


def line_around(text: str, start: int, end: int, longest: int = 160) -> tuple[int, int] | None:
    """The (start, end) of the line a span is on, or None when that line is longer than ``longest`` characters
    either side: header and signature lines are short, and the bound keeps the work per finding small."""
    lo = text.rfind("\n", max(0, start - longest), start) + 1
    if lo == 0 and start > longest:
        return None
    hi = text.find("\n", end, end + longest)
    if hi < 0:
        if len(text) - end > longest:
            return None
        hi = len(text)
    return lo, hi


# The only characters that match an ASCII letter when case is ignored: "İ", "ı", "ſ" and the Kelvin sign.
FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=4)  # the detectors of one scan share it
def small_letters(text: str) -> str | None:
    """The text in small letters, when each character stays where it was and a case-blind ASCII letter of a
    pattern matches only the ASCII letter itself in it (None for a text with one of FOLDS_TO_ASCII)."""
    return _small(text)


def _small(text: str) -> str | None:
    if not text.isascii() and any(c in text for c in FOLDS_TO_ASCII):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


def word_starts(*prefixes: str) -> re.Pattern[str]:
    """A pattern of one character, run on a text's small letters: the first letter of a word that begins with one of
    the prefixes (literal, in small letters) — where a pattern that starts with a word boundary and one of those
    words can start."""
    groups: dict[str, list[str]] = {}
    for p in prefixes:
        groups.setdefault(p[0], []).append(re.escape(p[1:]))
    return re.compile("|".join(rf"{re.escape(k)}(?<!\w.)(?={'|'.join(v)})" for k, v in groups.items()))


def matches_at(rx: re.Pattern[str], starts: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``list(_matches(rx, text))`` gives, for a pattern every match of which starts where ``starts`` (see
    word_starts) finds a word: ``rx`` is tried only there instead of at every position."""
    low = small_letters(text)
    if low is None:
        return list(_matches(rx, text))
    found = []
    for s in starts.finditer(low):
        m = rx.match(text, s.start())
        if m is not None:
            found.append(m)
    return found


def small_matches(rx: re.Pattern[str], small_rx: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """What ``list(_matches(rx, text))`` gives (spans and groups of digits alike), for a case-blind pattern ``rx``
    read as ``small_rx`` (the same pattern without IGNORECASE: small ASCII letters and case-blind classes only) in
    the text's small letters: several times faster. (A group's letters come out in small letters.)"""
    low = small_letters(text)
    return list(_matches(rx, text) if low is None else _matches(small_rx, low))


def search_at(rx: re.Pattern[str], starts: re.Pattern[str], text: str, lo: int, hi: int) -> re.Match[str] | None:
    """What ``rx.search(text, lo, hi)`` finds, for a pattern every match of which starts where ``starts`` (see
    word_starts) finds a word: ``rx`` is tried only at those places of the window. (A match ends by ``hi``, so the
    word it starts with lies in the window too.)"""
    low = small_letters(text)
    if low is None:
        return rx.search(text, lo, hi)
    for s in starts.finditer(low, lo, hi):
        m = rx.match(text, s.start(), hi)
        if m is not None:
            return m
    return None


def may_end_with(window: str, endings: tuple[str, ...]) -> bool:
    """Whether a window, its trailing white space left off and in small letters, ends with one of the endings: a
    cheap test a pattern anchored at a window's end ("… is $") must pass before it is searched for. (A non-ASCII
    window says yes: a case-blind ASCII letter also matches "İ", "ı", "ſ" and the Kelvin sign.)"""
    if not window.isascii():
        return True
    return window.rstrip().lower().endswith(endings)


def case_blind_found(rx: re.Pattern[str], small_rx: re.Pattern[str], s: str) -> bool:
    """Whether a case-blind pattern ``rx`` matches in a short string of its own (words put together around a
    finding), read as ``small_rx`` (the same pattern without IGNORECASE: small ASCII letters and case-blind classes
    only) in the string's small letters: several times faster than a case-blind search."""
    low = _small(s)
    return (rx.search(s) if low is None else small_rx.search(low)) is not None


def case_blind_at(rx: re.Pattern[str], small_rx: re.Pattern[str], text: str, pos: int) -> bool:
    """Whether a case-blind pattern ``rx`` matches at ``pos`` of the text, read as ``small_rx`` (the same pattern
    without IGNORECASE: small ASCII letters and case-blind classes only) in the text's small letters."""
    low = small_letters(text)
    return (rx.match(text, pos) if low is None else small_rx.match(low, pos)) is not None


def case_blind_in(rx: re.Pattern[str], small_rx: re.Pattern[str], text: str, lo: int, hi: int) -> bool:
    """Whether a case-blind pattern ``rx`` matches in the window lo..hi of the text, read as ``small_rx`` in the
    text's small letters (see case_blind_at)."""
    low = small_letters(text)
    return (rx.search(text, lo, hi) if low is None else small_rx.search(low, lo, hi)) is not None
