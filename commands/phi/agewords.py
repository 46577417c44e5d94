"""The words before a number that say whose it is or what it counts: a patient word or "a" before "99F", a limit
("over 90", "aged 65 to 95"), a person or a thing that "is" that old ("she is 96", "the hospital is 100 years
old"), a room or a temperature before "99F". Helpers of ages.py.

The tests split the last few words off once (string operations) instead of searching back through the text with a
pattern that must end at the number, which would try every position of the window.
"""

from __future__ import annotations

import re
from functools import lru_cache


def _wordset(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STRIP = " \t:=|#(),;-–—/\x00\"'“”‘’"


def _words_before(left: str, n: int) -> list[str]:
    """The last ``n`` (at most 5) words before a number, in small letters, without the punctuation around them."""
    return list(_last_words(left)[-n:])


@lru_cache(maxsize=8)  # the checks of one number ask several times
def _last_words(left: str) -> tuple[str, ...]:
    return tuple(w.strip(_STRIP).lower() for w in left[-48:].split()[-5:])


# A limit, not an age: "over 90", "older than 90", "over the age of 90", "age > 90", "18 - 90", "90 to 99".
_LIMIT_WORDS = _wordset("over under above below beyond past than until till from to by least exceeding between up")
_AGE_OF = frozenset({"the", "age", "aged", "ages", "of", ""})


def _is_limit(left: str) -> bool:
    tail = left[-48:].rstrip(" \t=")
    if tail and tail[-1] in "<>≥≤~":
        return True
    words = _words_before(tail, 5)
    i = len(words)
    while i and words[i - 1] in _AGE_OF:  # "over the age of", "older than age"
        i -= 1
    if i and words[i - 1] in _LIMIT_WORDS:
        return True
    return len(words) > 1 and words[-1] in {"", "to", "and", "or"} and words[-2][-1:].isdigit()


# A person who is that old: "she is 96.", "the patient was 101 when", "he's 94", "Mum will be 100."
_PERSON_WORDS = _wordset(
    "patient pt she he they mother father mum mom mam dad grandmother grandfather grandma grandpa granny "
    "husband wife partner resident client gentleman lady woman man aunt uncle sister brother son daughter"
)
_IS_WORDS = frozenset({"is", "was", "turned", "turns"})
_SOFTENERS = frozenset({"now", "nearly", "almost", "about", "over"})


def _subject_is(left: str) -> str:
    """The word before "is", "was", "turned", "will be" or "'s" right before a number ("she is 96", "the hospital
    is nearly 100"), or ""."""
    words = _words_before(left, 4)
    if words and words[-1] in _SOFTENERS:
        words.pop()
    if not words:
        return ""
    if words[-1].endswith(("'s", "’s")):  # "he's 94"
        return words[-1][:-2]
    if len(words) > 1 and words[-1] in _IS_WORDS:
        return words[-2]
    return words[-3] if len(words) > 2 and words[-2:] == ["will", "be"] else ""


# A person before a sex-age ("Patient: 99F", "pt 92 M", "Age/sex: 96/F", "a 99F"), or the start of a line.
_SEX_CUES = _wordset("patient pt pts client resident age aged sex gender age/sex sex/age age/gender yo")
# Fahrenheit, rooms and other numbered things before "99F" / "101 M".
_NUMBERED_THINGS = _wordset(
    "tmax tm t febrile afebrile room rm ward bed bay floor level suite office gate desk bldg block pod "
    "zone station seat apt version v release build sprint ticket page item size grade class type model "
    "oven fridge freezer to of at and or up down budget cost"
)
_TEMPERATURE = ("temp", "fever", "pyrex", "spik", "heat", "$", "°")


def _numbered_thing(left: str) -> bool:
    words = _words_before(left, 1)
    return bool(words) and (words[0] in _NUMBERED_THINGS or words[0].startswith(_TEMPERATURE) or "$" in left[-3:])


def _sex_cue(left: str, right: str, female: bool) -> bool:
    """A patient word right before a sex-age; for a female age also "a", "an", or the start of a line or a colon
    when the age ends the sentence ("90F nurses" is a count). "100M" is as often a hundred million, so a male age
    needs the patient word (or "is a")."""
    tail = left.rstrip(" \t")
    words = _words_before(tail, 2) if tail else []
    if words and words[-1] in _SEX_CUES:
        return True
    if words and words[-1] in {"a", "an"}:
        return female or (len(words) > 1 and words[-2] in {"is", "was"})
    at_start = tail[-1] in ":|(" if tail else not left.startswith("\x00")
    return female and at_start and bool(_SENTENCE_END.match(right))


_SENTENCE_END = re.compile(r"\s{0,2}(?:[.;)\n|]|$)")


# Things whose years are not a person's age: "the hospital is 100 years old".
_THINGS = _wordset(
    "hospital building wing site campus trust clinic practice system house home company institution tradition"
    " facility organisation organization centre center service school church tree bridge it charity ward estate"
    " interface contract server software code module app application equipment machine device scanner network"
    " this that platform product version database record records policy process unit team department kit fleet"
    " queue backlog project programme program board committee group list count total number score"
)
