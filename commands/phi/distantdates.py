"""Full dates far from a project's calendar: a date with its day decades back or ahead is a person's.

Why: a project's dates are this year's, last year's or next year's; "It's like that since 11/16/1992" or "Jane,
04.12.1951" is a person's life (a birth or an illness), and a date decades ahead a shifted record's ("Record date:
2069-04-07"). Split from caredates.py, whose publication and statistic checks it shares.

Bounded patterns over one sentence: linear in the text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from commands.phi.care import date_matches, project_found
from commands.phi.caredates import _STATISTIC, _published
from commands.phi.project import _sentence
from commands.phi.shared import _I, case_blind_found, text_digits

# --- a day far from a project's calendar ---------------------------------------------------------------------------
# A project's dates are this year's, last year's, next year's; a date with its day decades back ("It's like that
# since 11/16/1992", "Jane, 04.12.1951") is a person's life, a birth or an illness, and one decades ahead a shifted
# record's ("Record date: 2069-04-07"). Only a full date (day, month, four-digit year), in a sentence with no
# project's, publication's or history's words; it then goes to the project veto like every other date.
_FULL_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)$|^(1[89]\d\d|20\d\d)[-/.]")
_HISTORY = re.compile(
    r"\b(?:founded|established|opened|built|since\s{1,3}(?:the\s{1,3})?(?:launch|founding)|history|historical"
    r"|anniversary|archive[sd]?|legacy|records?\s{1,3}(?:from|since)|data\s{1,3}(?:from|since)|back\s{1,3}to"
    r"|copyright|©|act|law|regulation|rule|hipaa|standard|spec(?:ification)?|rfc|iso|version|v\d|release[sd]?"
    r"|changelog|changes|fixed|added|removed|deprecated|epoch|timestamp|example|e\.g\.|format|sample|test|dummy"
    r"|default|field|column|parse[sd]?|parser|parsing|dates?|dicom|hl7|fhir|tag|value|returns?|string|null"
    r"|joined|hired|retired|appointed|career|graduated|qualified|worked|employed|effective|signed|enacted|passed"
    r"|introduced|implemented|installed|purchased|acquired|merged|live|decommissioned|bought|agreement|licen[cs]ed"
    r"|issued|updated|created|modified|generated|expires?|expired|valid|certificate|founder|opening|closed|building|team|led|leads|lead|role|position|manager|director|staff|colleague|office|our|we|us|cmio|cio|cno|cmo|ceo|cfo|coo|chair|board|trust"
    r"|migrated|converted|imported|loaded|backfilled|scanned|retained|purged|retention|went\s{1,3}out|shipped"
    r"|launched|clinic|hospital|practice|department|ward|unit|site|service|paper)\b|\bv?\d{1,3}\.\d{1,3}(?:\.\d{1,3})?\b",
    _I,
)


_HISTORY_SMALL = re.compile(_HISTORY.pattern)


def find_distant_dates(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(dates of birth, other dates of a person): full dates more than ten years back or twenty ahead, in a
    sentence with no project's or history's words; a date of birth when the sentence has a birth's words."""
    if not text_digits(text):
        return [], []
    births: list[tuple[int, int]] = []
    found: list[tuple[int, int]] = []
    this_year = date.today().year  # (read per text, not at import: a web process runs across New Year)
    for _, _, start, end, v in date_matches(text):
        m = _FULL_YEAR.search(v)
        if m is None:
            continue  # (every date shape with a four-digit year has its day: "March 2023" is not one)
        year = int(m.group(1) or m.group(2))
        if this_year - 10 <= year <= this_year + 20:
            continue
        s = _sentence(text, start, end)
        if _not_a_life(s) or _published(text, start, end):
            continue
        (births if year <= this_year and _BIRTH_WORDS.search(s) else found).append((start, end))
    return births, found


_BIRTH_WORDS = re.compile(r"\b(?:born|birth\w{0,4}|dob|d\.o\.b\.?|bday|b-day)(?!\w)", _I)


@lru_cache(maxsize=64)  # (the dates of one sentence share it)
def _not_a_life(s: str) -> bool:
    """A project's, a history's, a staff member's or a statistic's sentence."""
    return case_blind_found(_HISTORY, _HISTORY_SMALL, s) or project_found(s) or bool(_STATISTIC.search(s.lower()))
