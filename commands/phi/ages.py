"""A person's age of 90 or more, in the ways people write it (HIPAA Safe Harbor: every age over 89 is an
identifier; "90 or older" is the allowed form).

An age is a number from 90 to 129, in digits or in words ("ninety-four", "one hundred and two"), with something
that says it is a person's age in years: a unit ("92-year-old", "96yo", "93 y/o", "97 years of age", "94 ans",
"94 Jahre alt"), a label before it ("Age: 94", "aged 97", "Patient age | 92", "age at this visit | ninety-four"), a
sex letter ("Patient: 99F", "F/96", "96/F"), a person who *is* that old ("she is 96."), or a birthday ("turned 100",
"her 100th birthday"). A bare number is a count, a room or a reading, never an age: "90 days", "ward 92",
"BP 146/96", "95% CI", "99 patients".

Not ages: thresholds and ranges ("aged 90 and over", "over 90", "age 90+", "ages 90 and over are grouped"), the
years of a thing ("100 years of the hospital", "the building is 95 years old"), and a decade ("in her nineties"): a
decade is a band of ten years, no more telling than the "90 or older" Safe Harbor allows, and "the nineties" is
just as often the 1990s.

Every pattern is bounded and anchored at a candidate number; the context checks are fixed-size slices around it,
so a scan stays linear. A text with no "9"/"1" digit and none of the number words pays a set lookup. The tests
on the words before a number are in agewords.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from commands.phi.agewords import (
    _PERSON_WORDS,
    _SEX_CUES,
    _THINGS,
    _is_limit,
    _numbered_thing,
    _sex_cue,
    _subject_is,
    _words_before,
    _wordset,
)
from commands.phi.shared import _I, has_any, text_digits

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_S = r"[-\s]{1,2}"  # between the words of a spelled number: "ninety-four", "ninety four", "one-hundred-and-two"
# 90..129 in words.  "one hundred" / "a hundred" and not a bare "hundred" ("two hundred years").
_SPELLED = (
    rf"(?:ninety(?:{_S}{_UNITS})?"
    rf"|(?:one|a){_S}hundred(?:{_S}(?:and{_S})?(?:{_TEENS}|twenty(?:{_S}{_UNITS})?|{_UNITS}))?)"
)

# A candidate: the number alone, not part of a longer number, a decimal, a time, an amount or a code.
_NUMBER_IN_DIGITS = re.compile(r"(?P<v>9(?<![\w.,$£€#+/-]9)\d|1(?<![\w.,$£€#+/-]1)[0-2]\d)(?!\d|[.,:]\d)")
_NUMBER_IN_WORDS = re.compile(rf"(?P<v>(?<![\w-])(?:{_SPELLED})(?!\w))", _I)
_NUMBER_WORDS = frozenset({"ninety", "hundred", "hundredth", "ninetieth"})

# --- after the number ------------------------------------------------------------------------------------------
# A unit that makes it an age in years: "-year-old", "years old", "yrs of age", "yo", "y/o", "y.o.", "yof".
_AGE_UNIT = re.compile(
    r"\s{0,2}-?\s{0,2}(?:"
    r"(?:years?|yrs?\.?|yr\.?|y)\s{0,2}-?\s{0,2}olds?"
    r"|(?:years?|yrs?\.?)\s{1,2}of\s{1,2}age"
    r"|(?:y\.\s?o\.?|y-o|y\s?o)(?:[fm](?![a-z]))?|y/o|yoa|j(?:ä|ae)hrige[nrs]?"
    r")(?![\w/])",
    _I,
)
# Years in other languages: "94 ans", "94 Jahre (alt)", "94 años", "94 anos", "94 anni", "94 jaar", "94 år".
_FOREIGN_UNIT = re.compile(
    r"\s{1,2}(?:ans|jahren?|años|anos|anni|jaar|år)(?![\w])(?P<alt>\s{1,2}(?:alt|oud|gammal|gamla)\b)?", _I
)
_FOREIGN_CUES = _wordset(
    "âgé âgée agé agée de a ist hat mit tiene tem con com di ha van är patient patiente patientin "
    "paciente paziente mme madame monsieur frau herr señor señora sr sra signor signora"
)
_FOREIGN_SINCE = _wordset("depuis seit vor hace há fa pendant durante für über")
_FOREIGN_OF = re.compile(
    r"\s{1,2}(?:de|d['’]|der|des|del|da|di|of)\b(?!\s{1,2}(?:edad|idade)\b)", _I
)  # "100 ans de l'hôpital"
# "94y", "94yr", "94yrs": a year unit written on the number.
_GLUED_YEARS = re.compile(r"(?:yrs?|y)(?![\w/'’])", _I)
_YEARS = re.compile(r"\s{0,2}(?:years?|yrs?)\b", _I)
_ENDS = re.compile(r"\s{0,2}(?:[.;,!?)\]\n|]|$)")
# A sex letter: "99F", "92 M", "96/F".
_SEX_AFTER = re.compile(r"(?-i:[ \t]?(?:/[ \t]?)?[FM])(?![\w°&'’/-])")
# "96yo"-like forms with only a "y": "92y F", "92y/o" is a unit above.
_Y_SEX = re.compile(r"[ \t]?y[ \t]?(?-i:[FMfm])(?![\w°&'’/-])", _I)
# What makes a number a count, a reading, a threshold or a range rather than an age.
_RANGE = (  # on the same line: "Patient age | 92\nPatient encounter" is an age, not "92 patients"
    r"[ \t]{0,2}(?:[%+°×*²³]|(?:-|–|—|to|or|and)\s{0,2}\d|(?:st|nd|rd|th)\b"
    r"|(?:and|or|&)\s{1,3}(?:over|older|above|up|upwards|under|younger|more|less|greater|below|beyond|plus)\b)"
)
_RANGE_AFTER = re.compile(_RANGE, _I)
_NOT_AGE_AFTER = re.compile(
    _RANGE[:-1] + r"|(?:days?|weeks?|wks?|months?|mos?|hours?|hrs?|minutes?|mins?|seconds?|secs?|percent|pct|per\s?cent"
    r"|percentile|patients?|people|persons|beds?|kg|kgs|lbs?|pounds|cm|mm|ml|mg|mcg|bpm|degrees?|deg|points?"
    r"|beats|breaths|mmhg|units?|items?|cases|visits|sites|staff|users|times|x)\b)",
    _I,
)
# Years that are not a person's: "100 years of the hospital", "90 years ago", "95 years later".
_YEARS_OF_A_THING = re.compile(
    r"\s{0,2}(?:(?:and|or|&)\s{1,3}(?:over|older|above|up|upwards|more|under|younger|less|plus)\b"
    r"|of\s{1,2}(?!age\b)|ago\b|later\b|earlier\b|before\b|after\b|since\b|from\b|back\b|hence\b"
    r"|service\b|experience\b|history\b|in\s{1,2}(?:business|operation|service|practice)\b|running\b)",
    _I,
)
# A thing that is old: "a 100-year-old building", "a ninety-year-old tradition".
_OLD_THING = re.compile(
    r"\s{1,2}(?:building|hospital|house|home|tree|oak|bridge|church|institution|tradition|company|wing|site"
    r"|campus|practice|clinic|charity|society|school|organi[sz]ation|firm|record|archive|map|photo\w{0,8}"
    r"|document|book|law|policy|system|infrastructure|pipe\w{0,2}|boiler|structure|estate|ward|unit)s?\b",
    _I,
)

# --- before the number -----------------------------------------------------------------------------------------
_LABEL_GAP_WORDS = (
    r"(?:at|on|in|this|the|current|visit|admission|encounter|presentation|intake|assessment|review|time|today"
    r"|now|reported|recorded|stated|verified|confirmed|given|listed|years?|yrs?|\(years?\)|\(yrs?\)|\(y\)"
    r"|of\s{1,2}(?:the\s{1,2})?(?:patient|pt|client|resident))"
)
# "Age: 94", "aged 97", "age 91", "Age/Sex: 96/F", "age of 99", "age is 94", "age at this visit | ninety-four",
# "âge : 94", "Alter: 94", "edad: 94"; not "max-age=90" or "ages 90 and over".
_LABEL = re.compile(
    r"(?<![\w-])(?:age|aged|âge|âgée?|alter|edad|idade|età|leeftijd|ålder)(?:\s{0,2}/\s{0,2}(?:sex|gender|s|g|dob|d\.?o\.?b\.?))?"
    r"(?:"
    r"[\s:=|#(),\-–—\"']{0,4}"
    r"|\s{1,2}(?:of|is|was|now|reads|=|(?:recorded|listed|given|stated|confirmed|verified)\s{1,2}as)\s{1,3}"
    r"(?:about\s{1,2}|approximately\s{1,2}|approx\.?\s{1,2}|nearly\s{1,2}|almost\s{1,2})?"
    rf"|(?:\s{{1,2}}{_LABEL_GAP_WORDS}){{1,4}}\s{{0,2}}[:|=]\s{{0,3}}"
    r")$",
    _I,
)
# A birthday: "turned 100", "turns 101 today", "celebrated her 100th birthday".
_TURNED = re.compile(r"\b(?:turned|turns|turning|celebrat(?:ed|es|ing|e)(?:\s{1,2}(?:her|his|their|a))?)\s{1,2}$", _I)
_TURNED_END = re.compile(
    r"(?:st|nd|rd|th)?(?:\s{0,2}(?:[.;,!?)\n]|$)|\s{1,2}(?:today|yesterday|on|last|this|in|and|but|recently)\b)", _I
)
_BIRTHDAY = re.compile(r"(?:st|nd|rd|th)\s{1,2}birthday\b", _I)
_SPELLED_BIRTHDAY = re.compile(
    r"(?<![\w-])(?:ninetieth|ninety[-\s]{1,2}(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)"
    r"|(?:(?:one|a)[-\s]{1,2})?hundredth|(?:one|a)[-\s]{1,2}hundred[-\s]{1,2}(?:and[-\s]{1,2})?"
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))\s{1,2}birthday\b",
    _I,
)
# Whose birthday or years: a hospital's, a trust's, a building's.
_THING_BEFORE = re.compile(
    r"\b(?:hospital|trust|clinic|practice|centre|center|building|wing|site|campus|company|organi[sz]ation"
    r"|foundation|charity|society|institution|service|department|school|college|university|nhs|network|system"
    r"|it|we|our|its|town|city|church|house|home|tradition)\b(?:['’]s)?[^.\n]{0,40}$",
    _I,
)
# Counts of women and men, not a woman's age: "Cohort: 92 F, 40 M".
_OTHER_SEX_COUNT = re.compile(r"\s{0,2}[,/;&+]?\s{0,2}(?:and\s{1,2})?\d{1,5}\s?(?-i:[FM])\b", _I)
_PERSON_IS_END = re.compile(
    r"\s{0,2}(?:[.;,!?)\n]|$|\s(?:and|but|with|when|who|so|now|today|this|next|last|years?|yrs?)\b)", _I
)
_SEX_CUE_AFTER = re.compile(
    r"\s{1,2}(?:with|w/|presents|presenting|presented|admitted|c/o|complaining|hx|h/o|pmh|s/p|who|brought|seen"
    r"|referred|from|in\s{1,2}(?:the\s{1,2})?(?:ed|er|a&e|clinic))\b",
    _I,
)
_REACH = 60  # characters looked at either side of a candidate


def _left(text: str, start: int) -> str:
    """The text before a candidate on its line, at most _REACH characters (a "^" in a pattern is a line start)."""
    lo = max(0, start - _REACH)
    nl = text.rfind("\n", lo, start)
    if nl >= 0:
        return text[nl + 1 : start]
    return text[lo:start] if lo == 0 else "\x00" + text[lo:start]  # a NUL so that "^" cannot match mid-line


def _age_at(text: str, start: int, end: int, spelled: bool) -> tuple[int, int] | None:
    """The span of the age whose number is text[start:end], or None when the number is not a person's age."""
    left = _left(text, start)
    span = _said_to_be_an_age(left, text[end : end + _REACH], start, end, spelled)
    return None if span is None or _is_limit(left) else span


_LABEL_HINTS = ("age", "âge", "alter", "edad", "idade", "età", "leeftijd", "ålder")


def _said_to_be_an_age(left: str, right: str, start: int, end: int, spelled: bool) -> tuple[int, int] | None:
    """What around a number says it is an age. The anchored checks after it come first, and a search back
    through the text before it runs only when a word it needs is there: most numbers are counts and pay little."""
    m = _AGE_UNIT.match(right)
    if m:
        if _OLD_THING.match(right, m.end()) or _RANGE_AFTER.match(right, m.end()) or _subject_is(left) in _THINGS:
            return None
        return start, end + m.end()
    foreign = _foreign_unit(left, right)
    if foreign:
        return start, end + foreign
    low = left.lower()
    hint = max(low.rfind(w) for w in _LABEL_HINTS) if len(low) == len(left) else 0
    if hint >= 0 and _LABEL.search(left, max(0, hint - 1)):
        tail = 0 if spelled else _tail_len(right)
        if tail or not _NOT_AGE_AFTER.match(right):
            y = _YEARS.match(right, tail)
            if y and _YEARS_OF_A_THING.match(right, y.end()):
                return None
            return start, end + tail
        return None
    if ("turn" in low or "celebrat" in low) and _TURNED_END.match(right) and _TURNED.search(left):
        if _NOT_AGE_AFTER.match(right) or _THING_BEFORE.search(left) or _subject_is(left) in _THINGS:
            return None
        return start, end
    ordinal = None if spelled else _IN_YEAR.match(right)
    if ordinal and _words_before(left, 1) in (["his"], ["her"], ["their"]):
        return start, end + ordinal.end()  # "in her 95th year"
    if not spelled and _BIRTHDAY.match(right):
        return None if _THING_BEFORE.search(left) else (start, end)
    if _PERSON_IS_END.match(right) and not _NOT_AGE_AFTER.match(right) and _subject_is(left) in _PERSON_WORDS:
        y = _YEARS.match(right)
        if y and _YEARS_OF_A_THING.match(right, y.end()):
            return None
        return start, end + (y.end() if y else 0)
    return None if spelled else _written_with_digits(left, right, start, end)


def _written_with_digits(left: str, right: str, start: int, end: int) -> tuple[int, int] | None:
    """The forms only digits take: "94yrs", "Patient: 94 years.", "Jane Doe, 94, fell", "At 94, she", "99F"."""
    last = _words_before(left, 2)
    m = _GLUED_YEARS.match(right)
    if m and ((last and last[-1] in _GLUED_CUES) or _GLUED_AFTER.match(right, m.end())):
        return start, end + m.end()  # "Pt 94yrs", "94y F", "a 94yr old"; not "SLA 90y", "Warranty 90yr"
    last = last[-1:]
    y = _YEARS.match(right)
    if y and ((last and last[0] in _SEX_CUES and _ENDS.match(right, y.end())) or _GLUED_AFTER.match(right, y.end())):
        return start, end + y.end()  # "Patient: 94 years.", "93 years, female"
    if last == ["at"] and _AT_AGE_AFTER.match(right):
        return start, end  # "At 94, she still walks to the shops"
    opener, closer = left.rstrip()[-1:], right.lstrip()[:1]
    if (opener, closer) in {(",", ","), ("(", ")")} and _NAMED.search(left) and _NAME_AGE_AFTER.match(right):
        return start, end  # "Jane Doe, 94, fell at home", "Mrs Okafor (94)"
    return _sex_age(left, right, start, end)


_GLUED_CUES = _SEX_CUES | _PERSON_WORDS | _wordset("a an is was aged age")
_GLUED_AFTER = re.compile(
    r"\s{0,2}(?:,\s{0,2})?(?:(?-i:[FM])\b|(?:f|m|female|male|woman|man|lady|gentleman|old)\b"
    r"|\d{1,2}\s?m(?:os?|onths?)?\b)",
    _I,
)
_YEARS_CUES = _GLUED_CUES | _wordset("reads read be been turned turns of now as aged approximately about nearly")
_IN_YEAR = re.compile(r"(?:st|nd|rd|th)\s{1,2}year\b", _I)
_AT_AGE_AFTER = re.compile(r",\s{1,2}(?:she|he|they|the\s{1,2}patient|mr|mrs|ms|miss|mum|mom|dad|my)\b", _I)
# A name right before ", 94," or " (94)": a title and a surname, two capitalised words, or a patient word.
_NAMED = re.compile(
    r"(?:\b(?-i:Mr|Mrs|Ms|Miss|Mx|Mister|Madam|Mme)\.?\s{1,2}(?-i:[A-Z][\w'’-]{1,24})"
    r"|\b(?!Dr\b|Prof\b)(?-i:[A-Z][a-z'’-]{1,24}\s{1,2}[A-Z][a-z'’-]{1,24})|\b(?:patient|pt|resident|client|woman|man|lady|gentleman|female|male|widow|widower))"
    r"\s{0,2}[,(]\s{0,2}$",
    _I,
)
# After the age: the closing comma and a lower-case word ("Jane Doe, 94, fell"), or the closing bracket.
_NAME_AGE_AFTER = re.compile(
    r"\s{0,2}(?:\)|,\s{1,2}(?-i:was|is|has|had|who|with|fell|presented|presents|presenting|lives|lived|died"
    r"|admitted|attended|came|comes|reports|reported|complains|remains|arrived|needs|needed|went|goes|seen|and|a|an"
    r"|the|widow|widowed|retired|former|mother|father|grandmother|grandfather|resident)\b)"
)


# Years that are a span of time or a thing's age: "for 95 years", "Age of the building: 92 years".
_FOR_YEARS = re.compile(r"\b(?:for|in|within|after|over|past|last|next|some|spanning|across)\s{1,2}$", _I)
_AGE_OF_A_THING = re.compile(
    r"\bage\s{1,2}of\s{1,2}(?:the|this|that|our|its|an?)\s{1,2}"
    r"(?!patient|pt|client|resident|person|woman|man|lady|gentleman)[a-z]{1,20}[^\n\d]{0,8}$",
    _I,
)


def _foreign_unit(left: str, right: str) -> int:
    """The length of "ans"/"Jahre alt"/"años" after a number when it is a person's age: with "alt", at the end of
    a sentence, or after "a"/"de"/"ist"/"tiene"; not "depuis 94 ans" (a duration) or "100 ans de l'hôpital"."""
    m = _FOREIGN_UNIT.match(right)
    if not m or _FOREIGN_OF.match(right, m.end()):
        return 0
    words = _words_before(left, 2)
    if words and (words[-1] in _FOREIGN_SINCE or " ".join(words) in {"y a", "plus de"}):
        return 0
    cue = left.rstrip()[-1:] in {"(", ",", ":", "|"} or (words and words[-1] in _FOREIGN_CUES)
    return m.end() if m.group("alt") or _ENDS.match(right, m.end()) or cue else 0


def _tail_len(right: str) -> int:
    """How much of what follows a labelled age belongs to it: a sex letter or a year unit ("92F", "94 yrs")."""
    m = _SEX_AFTER.match(right) or _Y_SEX.match(right)
    return m.end() if m else 0


def _sex_age(left: str, right: str, start: int, end: int) -> tuple[int, int] | None:
    m = _SEX_AFTER.match(right) or _Y_SEX.match(right)
    if not m or _numbered_thing(left) or _OTHER_SEX_COUNT.match(right, m.end()):
        return None
    if _SEX_CUE_AFTER.match(right, m.end()) or _sex_cue(left, right[m.end() :], m.group().rstrip()[-1] in "Ff"):
        return start, end + m.end()
    return None


# "F/96", "M/101": the sex letter first.
_SEX_FIRST = re.compile(r"[FM](?<![\w/][FM])\s?/\s?(?P<v>9\d|1[0-2]\d)(?![\d/]|[.,]\d)")


def find_ages(text: str, found: Iterable[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of a person's age of 90 or more. ``found`` are age spans another detector found; those that are the
    years of a thing or a threshold ("100 years of the hospital", "aged 90 and over") are dropped."""
    spans = [sp for sp in found if not _not_an_age(text, *sp)]
    digits = text_digits(text) >= 2 and ("9" in text or "1" in text)
    words = has_any(text, _NUMBER_WORDS)
    if not (digits or words):
        return spans
    numbers = list(_NUMBER_IN_DIGITS.finditer(text)) if digits else []
    if words:
        numbers += _spelled_numbers(text)
    for m in numbers:
        start, end = m.span("v")
        span = _age_at(text, start, end, not text[start].isdigit())
        if span:
            spans.append(span)
    if digits and "/" in text:
        for m in _SEX_FIRST.finditer(text):
            left = _left(text, m.start())
            counted = left.rstrip()[-1:].isdigit()  # "Cohort: 90 F / 90 M" counts women and men
            if not counted and not _numbered_thing(left) and not _NOT_AGE_AFTER.match(text, m.end()):
                spans.append(m.span())
    if words and "birthday" in text.lower():
        for m in _SPELLED_BIRTHDAY.finditer(text):
            if not _THING_BEFORE.search(_left(text, m.start())):
                spans.append(m.span())
    return sorted(set(spans))


def _spelled_numbers(text: str) -> list[re.Match[str]]:
    """90..129 in words, looked for only where "ninety" or "hundred" is: a regex that may start at any "a", "o" or
    "n" of the text would try most of its positions."""
    low = text.lower()
    if len(low) != len(text):  # a letter whose small form is longer: search the whole text
        return list(_NUMBER_IN_WORDS.finditer(text))
    found: dict[int, re.Match[str]] = {}
    for word in ("ninety", "hundred"):
        at = low.find(word)
        while at >= 0:
            for start in range(max(0, at - 6), at + 1):  # "one - hundred" starts at most 6 characters before
                m = _NUMBER_IN_WORDS.match(text, start)
                if m:
                    found[start] = m
                    break
            at = low.find(word, at + len(word))
    return [found[k] for k in sorted(found)]


def _not_an_age(text: str, start: int, end: int) -> bool:
    """An age span found elsewhere that is a threshold, a range or the years of a thing."""
    if start and text[start - 1] in "-_./" and text[start : start + 3].lower() == "age":
        return True  # "max-age: 120" is a cache setting
    left = _left(text, start)
    if _is_limit(left) or _subject_is(left) in _THINGS:
        return True
    right = text[end : end + _REACH]
    if text[start : start + 3].lower() == "age" and _NOT_AGE_AFTER.match(right):
        return True  # "Average ticket age: 90 hours"
    years = text[max(start, end - 5) : end].lower().endswith(("year", "years", "yr", "yrs", "y"))
    if years:  # a bare "90 years": a person's age after "is", "reads", "aged", "Patient:", not after "Retention:"
        words = [w for w in _words_before(left, 3) if w]
        if not words or words[-1] not in _YEARS_CUES:
            return True
    y = None if years else _YEARS.match(right)  # "age 90| years or older"
    after = y.end() if y else 0
    if (years or y) and (
        _YEARS_OF_A_THING.match(right, after) or _FOR_YEARS.search(left) or _AGE_OF_A_THING.search(left)
    ):
        return True
    return bool(_RANGE_AFTER.match(right, after) or _OLD_THING.match(right, after))
