"""Values of a date's shape "3/4" read by the counts and scores beside them (care.py's find_care_dates asks).

* A count in brackets after a unit's or a department's name, one of a list of such counts, is a tally, not a date:
  "Go-live readiness: CT (3/4), MRI (3/11)", "Super-users trained: 4 West (12/14); ICU (9/10)". Not when a verb
  of care stands before it in its clause ("Seen in ED (3/4), MRI (3/11)").
* A sentence that gives a score of a person's care ("Pain was 3/10", "GCS 14/15") makes a date after "on" or
  "since" in it a date of that care: "Pain was 3/10 on 3/4."

Bounded patterns over short windows before and after the value: linear in the text.
"""

from __future__ import annotations

import re

from commands.phi.shared import _I

# "CT (3/4)": a name of up to three words (a unit, a department, a modality, a team), a bracket, the count.
_COUNT_IN_BRACKETS = (
    r"[A-Za-z0-9][\w&/-]{0,20}(?:\s{1,2}[\w&/-]{1,20}){0,2}\s{0,2}\(\s{0,2}\d{1,3}\s{0,2}/\s{0,2}\d{1,3}\s{0,2}\)"
)
# Another such count before the value in its list, or after it.
_COUNT_BEFORE = re.compile(_COUNT_IN_BRACKETS + r"\s{0,2}[,;]\s{0,2}(?:and\s{1,2})?[^,;()\n]{1,40}\($")
_COUNT_AFTER = re.compile(r"\s{0,2}\)\s{0,2}[,;]\s{0,2}(?:and\s{1,2})?" + _COUNT_IN_BRACKETS)
# A verb of care in the clause before the value: its dates are care's, whatever brackets they are in.
_CARE_IN_CLAUSE = re.compile(
    r"\b(?:seen|admitted|discharged|transferred|presented|attended|treated|operated|readmitted|died|born|visited"
    r"|scanned|imaged|x-?rayed|biopsied)\b",
    _I,
)
_CLAUSE_END = re.compile(r"[.:!?\n]")


def is_tally(text: str, start: int, end: int) -> bool:
    """Whether the value text[start:end] ("3/4") is a count in brackets in a list of counts, with no verb of care in
    its clause."""
    if text[max(0, start - 3) : start].rstrip()[-1:] != "(" or text[end : end + 3].lstrip()[:1] != ")":
        return False
    left = text[max(0, start - 120) : start]
    if not (_COUNT_BEFORE.search(left) or _COUNT_AFTER.match(text, end, end + 80)):
        return False
    cut = [m.end() for m in _CLAUSE_END.finditer(left)]
    return not _CARE_IN_CLAUSE.search(left[cut[-1] if cut else 0 :])


# A score of a person's care, then (in the same sentence) "on" or "since" and the date: "Pain was 3/10 on 3/4".
_SCORE_THEN_ON = re.compile(
    r"\b(?:pain|power|strength|gcs|mmse|moca|vas|nrs|apgar|nausea|dyspn(?:o)?ea|mobility|sedation|fatigue)"
    r"(?:\s{1,2}(?:score|scale|level|rating))?\s{0,2}(?:was|is|of|at|rated|scored|[:=])?\s{0,2}\d{1,2}\s{0,2}/\s{0,2}"
    r"(?:10|5|15|30)\b[^.;!?\n]{0,40}?\b(?:on|since)\s{1,2}$",
    _I,
)


def scored_on(text: str, start: int) -> bool:
    """Whether the date at `start` follows a score of care and "on"/"since" in its sentence."""
    return bool(_SCORE_THEN_ON.search(text, max(0, start - 90), start))
