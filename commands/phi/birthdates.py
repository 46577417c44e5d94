"""Dates of birth in the forms people.py's DOB pattern does not read: "b. 3/7/1931" (born), "born 6/1952" (a month
and a year), and a DOB label with an odd separator or a format hint between it and the date ("DOB;3/7/31",
"Dob >> 3/7/31", "DOB (mm/dd/yy): 03/07/31", "Date of Birth..........03/07/1931", "BirthDate=1931-03-07").

A date of birth is a patient's whatever the words around it say (a project has none), so these are not sent to
the project veto; each form is one a project's text does not write. Bounded patterns: linear in the text.
"""

from __future__ import annotations

import re
from datetime import date

from commands.phi.care import project_found
from commands.phi.shared import _DATE, _I, text_digits, words_of

_YEAR = r"(?:\d{4}|\d{1,2}[-/.]\d{2}(?!\d))"  # a date's year, four digits or two after a separator
# "b. 3/7/1931", "(b. 03 July 1931)": "b." right after the start, a bracket, a comma or a name; the date has a year.
_B_DOT = re.compile(
    rf"(?:^|(?<=[(\[,;:]|\s))(?-i:b)\.\s{{0,2}}(?:on\s{{1,3}})?(?P<v>{_DATE})",
    _I | re.MULTILINE,
)
# "born 6/1952", "born in 06-1952", "b. 6/1952": a month and a year in digits.
_BORN_MONTH = re.compile(
    r"(?:\bborn|(?<![\w.])(?-i:b)\.)\s{1,3}(?:in\s{1,3})?(?P<v>(?:0?[1-9]|1[0-2])[/.-](?:19|20)\d\d)(?![\d/.-]\d)",
    _I,
)
# A DOB label, an odd separator or a format hint, then the date.
_DOB_ODD = re.compile(
    r"(?:\bd\.?\s{0,2}/?o\.?\s{0,2}/?b\b\.?|\bdate[\s_-]{1,3}of[\s_-]{1,3}birth\b|\bbirth[\s_-]{0,2}date\b|\bbirthday\b)"
    r"(?:\s{0,3}\(\s{0,2}(?:[mdyj]{1,4}[/.-]){2}[mdyj]{2,4}\s{0,2}\))?(?:\s{0,2}/\s{0,2}age)?"
    r"[\s:=;,.>|/#*_~\-–—]{1,14}(?:(?:is|was|on|of)\s{1,3})?(?:the\s{1,3})?"
    rf"(?P<v>{_DATE}|(?:0[1-9]|1[0-2]|[12]\d|3[01])(?:0[1-9]|1[0-2]|[12]\d|3[01])(?:19|20)\d\d(?!\d)"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?!\d))",  # "DOB 03041950", "DOB 19500304"
    _I,
)
_FOUR_DIGIT_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_YEAR_AT_END = re.compile(_YEAR + r"$")


def past(v: str) -> bool:
    """A date whose four-digit year, if it has one, is not after this year: no one is born in the future. (This
    year is read when asked: a web process runs across New Year.)"""
    years = _FOUR_DIGIT_YEAR.findall(v)
    return not years or int(years[-1]) <= date.today().year


def _project_line(text: str, pos: int) -> bool:
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return project_found(text[lo : hi if hi >= 0 else len(text)][:300])


_DOB_WORDS = frozenset({"dob", "birth", "birthdate", "birthday"})
_D_O_B = frozenset({"d", "o", "b"})


def find_birth_dates(text: str) -> list[tuple[int, int]]:
    """Dates of birth in the forms above (see the module's doc). Each pattern runs only in a text with its word."""
    if not text_digits(text):
        return []
    words = words_of(text)
    out = []
    if "b." in text:  # (a list's item "b." has a project's words on its line, or a date not yet come)
        out = [
            m.span("v")
            for m in _B_DOT.finditer(text)
            if _YEAR_AT_END.search(m.group("v")) and past(m.group("v")) and not _project_line(text, m.start())
        ]
    if "born" in words or "b." in text:
        out.extend(m.span("v") for m in _BORN_MONTH.finditer(text))
    if not _DOB_WORDS.isdisjoint(words) or words >= _D_O_B:
        out.extend(m.span("v") for m in _DOB_ODD.finditer(text))
    return out
