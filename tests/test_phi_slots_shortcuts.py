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


def _plain_values(text: str, lo: int, hi: int) -> list[tuple[str, int, int]]:
    """_values as first written: the month before, the date and the age tried at every run of digits."""
    taken = bytearray(len(text))

    def take(shape: str, start: int, end: int) -> None:
        if taken.find(1, start, end) < 0:
            values.append((shape, start, end))
            taken[start:end] = b"\x01" * (end - start)

    values: list[tuple[str, int, int]] = []
    if "@" in text:
        for m in slots._EMAIL.finditer(text, lo, hi):
            take("email", *m.span())
    ips = list(slots._IP4.finditer(text, lo, hi)) if "." in text else []
    if ":" in text and slots._IP6_HINT.search(text, lo, hi):
        ips.extend(slots._IP6.finditer(text, lo, hi))
    for m in ips:
        if slots._is_ip(m.group()):
            take("ip-address", *m.span())
    ages = []
    for run in slots._DIGIT_RUN.finditer(text, lo, hi):
        at = run.start()
        if taken[at]:
            continue
        before = slots._MONTH_BEFORE.search(text, max(lo, at - 14), at)
        day = (slots._DAY.match(text, before.start(), hi) if before else None) or slots._DAY.match(text, at, hi)
        if day:
            take("date", *day.span())
            continue
        age = slots._AGE_DIGITS.match(text, at, hi)
        if age and not slots._PLACE_BEFORE.search(text, max(lo, at - 12), at):
            ages.append(age)
    for m in slots._NUMBER.finditer(text, lo, hi):
        if slots._digits(m.group()) >= 6:
            take("number", *m.span())
    for age in ages:
        take("age" if age.group("x") else "age?", *age.span())
    if slots._SPELLED_AGE.intersection(slots.words_of(text)):
        for m in slots._AGE_WORDS.finditer(text, lo, hi):
            take("age" if m.group("x") else "age?", *m.span())
    return values


_VALUE_PIECES = [
    *("1", "9", "0", "12", "31", "92", "104", "2024", "19", "20", "123", "12345", "99F", "101M"),
    *("-", "/", ".", " ", "  ", "\n", ",", ":", "st", "th", "of", "the", "third", "Jan", "March", "Sept.", "MAY"),
    *("years", "yo", "y/o", "old", "room ", "bed", "x", "ſ", "İ", "\u212a", "\u00a0", "٣", "day", "ninety"),
    *("Dec", "december", "Sep ", "sept", "xMay ", "5Jan", "\t", "   ", "Nov.  ", "Ju", "ne", "ly", "Ap", "ril"),
    *("ninety-two", "a hundred", "@", "a@b.org", "10.0.0.1", "::", "fe80::1", "ext 12", "+44 ", "(0161) "),
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_VALUE_PIECES), max_size=24).map("".join), st.integers(0, 6), st.integers(0, 6))
def test_the_dates_and_ages_of_a_window_are_the_ones_tried_at_every_run(text: str, cut_lo: int, cut_hi: int) -> None:
    lo, hi = min(cut_lo, len(text)), max(min(cut_lo, len(text)), len(text) - cut_hi)
    assert slots._values(text, lo, hi, bytearray(len(text))) == _plain_values(text, lo, hi)


def test_the_dates_after_a_months_name_are_the_ones_tried_at_every_run() -> None:
    for text in ("seen March   2024", "on Sept.\t12, 2025", "Nov.  3rd", "5May 12", "ſept 12 2024", "DEC 1999 x 92"):
        for lo in range(len(text)):
            taken = bytearray(len(text))
            assert slots._values(text, lo, len(text), taken) == _plain_values(text, lo, len(text)), (text, lo)


# An IPv4 address is looked for in a window only when numbers._DOTTED (led by a dot) finds a dotted run there.
_IP_PIECES = [
    *("1", "12", "123", "1234", "255", "٣", "١٢٣", ".", "..", ":", "/", "-", " ", "a", "v", "10.0.0.1", "1.2.3.4.5"),
    *("192.168.1.255", "3.14", "fe80::1", "x1.2.3.4", ".1.2.3", "1.2.3."),
]  # fmt: skip


def _ip_gate_holds(text: str) -> None:
    for lo in range(0, len(text) + 1, max(1, len(text) // 7)):
        for hi in (lo, (lo + len(text)) // 2, len(text)):
            if slots._DOTTED.search(text, lo, hi) is None:
                assert not list(slots._IP4.finditer(text, lo, hi))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(_IP_PIECES), max_size=16).map("".join))
def test_a_window_without_a_dotted_run_has_no_ip_address(text: str) -> None:
    _ip_gate_holds(text)


def test_a_window_without_a_dotted_run_has_no_ip_address_in_the_corpus_and_development_texts() -> None:
    from tests.support.phi_texts import corpus_texts, dev_texts

    for text in [*corpus_texts(), *dev_texts()]:
        _ip_gate_holds(text)
