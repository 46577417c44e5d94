"""Dates of a person's care in an encounter's header or a sign-off block pasted without the note's patient fields:

- "Date: 05/15/2024\\nTime: 14:30\\nProvider: Dr. E. Davis, MD" — a labelled date beside a field of care whose value is
  a clinician (a "Dr." or a credential after the name: "Pharmacist: J. Chen, PharmD");
- "Cardiologist: Dr. J. Martinez\\n - Date: 08/29/2025 at 2:00 PM" — a follow-up's date under its clinician;
- "Physician Signature: ____ Date: 08/15/2025\\nDr. J. Martinez, MD", "Physician Acknowledgment:\\nDr. R. Martinez,
  MD\\nDate: 09/20/2025" — the date a clinician signed a patient's document.

studydates.py reads "Date:" only when the note's patient fields are in the text; a passage cut from a note often
has only the clinician's. A field of care is a role of care delivery (provider, attending, pharmacist, nurse,
therapist, surgeon, a specialist …), never a project's role (chair, sponsor, owner, facilitator, lead), and a project
word in the passage ("interface", "go-live", "testing" …) keeps every date in it a project's, as does a word of a
clinician's own work with the hospital rather than a patient's care: the EHR's tools ("inbox", "login", "PACS
worklist", "SmartPhrase"), a meeting's fields ("Presenter:", "Agenda:", "Feedback:"), staff matters
("credentialing", "orientation", "award nomination", "attestation") — "Provider: Dr. Lee, MD / Date: 12/3/2026 /
Issue: cannot sign notes in the inbox" is a ticket.

Gated on the word "date" and a role word (set lookups); bounded patterns over short windows: linear in the text.
"""

from __future__ import annotations

import re

from commands.phi.care import _project_words, date_matches
from commands.phi.namewords import _wordset
from commands.phi.shared import _I, has_any

_DATE_GATE = frozenset({"date"})
_ROLES = (
    "provider physician doctor clinician pharmacist nurse surgeon evaluator fellow resident therapist cardiologist "
    "oncologist pediatrician paediatrician psychiatrist neurologist geriatrician obstetrician radiologist "
    "pathologist anesthesiologist anaesthetist midwife"
)
_ROLE_GATE = _wordset(_ROLES)
# A field of care: its label at a line's start (a list's number or dash may lead), a signature's label too.
_ROLE_FIELD = re.compile(
    r"^[ \t*#>\d.)-]{0,8}(?:(?:primary\s{1,3}care|referring|attending|consulting|ordering|discharge|assistant"
    r"|treating|physical|occupational|speech)\s{1,3})?(?:" + "|".join(_ROLES.split()) + r")"
    r"(?:\s{1,3}(?:signature|acknowledge?ment))?[ \t]{0,3}:",
    _I | re.MULTILINE,
)
# The clinician the field names: "Dr." before a name or a credential after it, on the field's line or the next.
_CLINICIAN = re.compile(
    r"\b(?:Dr|DR)\.?[ \t]{1,3}[A-Z]|[a-z],[ \t]{0,2}(?:MD|M\.D\.|DO|RN|NP|PA-C|PharmD|DPT|PT|LCSW|CNA|LPN|APRN|FNP|DNP"
    r"|MBBS|MBChB|FRCP)\b"
)
# The date's label: "Date:", "Date/Time:", "Date of Reconciliation:" at a line's start (a dash may lead) or after a
# signature's blank ("____ Date:").
_DATE_LABEL = re.compile(
    r"(?:(?:^|\n)[ \t*#>-]{0,6}|_{2,}[ \t]{0,3})(?:date(?:[ \t]{0,2}/[ \t]{0,2}time)?"
    r"|date\s{1,3}of\s{1,3}[a-z]{3,20})[ \t*]{0,3}[:=][ \t*]{0,3}$",
    _I,
)
# Words of a clinician's own work with the hospital, which a header or sign-off of a patient's note hardly holds.
_STAFF_MATTERS = _wordset(
    """
    ehr emr haiku canto pacs worklist worklists inbox login logins password passwords smartphrase smartphrases
    smarttext dragon orderset ordersets agenda attendees presenter presenters speaker speakers moderator topic
    feedback survey usability credentialing credentialed reappointment orientation hire hired nomination nominated
    award awards attest attestation attested conduct abstract submission costume party farewell retirement committee
    committees confidentiality agreement council boardroom auditorium issue
    request
    """
)
# What makes the block an encounter's rather than a staff member's note: a time or a place of the encounter ("Time:",
# "Location:", "at 2:00 PM"), a date of service, a signature's blank or a clinician's acknowledgment. Without one,
# "Provider: Dr. Lee, MD / Date: 12/3/2026 / Barcode scanner keeps timing out" is a PMO's note about a clinician.
_ENCOUNTER_SIGN = re.compile(
    r"(?:^|\n)[ \t*#>\d.)-]{0,8}(?:time|location)[ \t]{0,3}:|\b\d{1,2}:\d{2}\b|acknowledge?ment[ \t]{0,3}:"
    r"|\bdate\s{1,3}of\s{1,3}(?:service|visit|reconciliation|encounter|procedure|surgery)\b|_{2,}[ \t]{0,3}date",
    _I,
)
_REACH = 240  # how far from the date a field of care may stand (a header's or a sign-off block's few lines)


def _clinician_field(text: str, start: int, end: int) -> bool:
    """Whether a field of care naming a clinician stands in text[start:end] (its value read to the next line's end)."""
    for m in _ROLE_FIELD.finditer(text, start, end):
        line_end = text.find("\n", m.end())
        next_end = len(text) if line_end < 0 else text.find("\n", line_end + 1)
        if _CLINICIAN.search(text, m.end(), len(text) if next_end < 0 else next_end):
            return True
    return False


def find_encounter_dates(text: str) -> list[tuple[int, int]]:
    """Labelled dates of an encounter's header or a clinician's sign-off (see the module's text)."""
    if not (has_any(text, _DATE_GATE) and has_any(text, _ROLE_GATE)):
        return []
    out: list[tuple[int, int]] = []
    project: bool | None = None
    for _, _, start, end, _ in date_matches(text):
        if not _DATE_LABEL.search(text, max(0, start - 40), start):
            continue
        lo, hi = max(0, start - _REACH), min(len(text), end + _REACH)
        if not _clinician_field(text, lo, hi) or not _ENCOUNTER_SIGN.search(text, lo, hi):
            continue
        if project is None:
            project = _project_words(text) or has_any(text, _STAFF_MATTERS) or "order set" in text.lower()
        if project:
            return []
        out.append((start, end))
    return out
