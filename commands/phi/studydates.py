"""Dates of a person's care as public clinical notes write them, away from the words the other passes read:

- a study's date: the date beside a study's name, either side ("CT abdomen and pelvis, May 27, 2021", "increased
  from 4.0 cm on October 2008 chest CT", "on ultrasound (March 2008)", "Abdominal CT with Contrast (06-19-2024)");
- a note's header date: "Date: 7/9/05" on its own line in a note whose header names a patient ("Patient Name:",
  "Chief complaint:", "Re: Mrs …"; not an e-mail's "CC:");
- a note's signature date: the date on the line under a clinician's signature ("- Dr. A. Vance, MD\\n03/26/2024");
- a note title's date: "PROGRESS NOTE - 3/4/2024", "Discharge Summary (12/02/2023)" (not "progress report");
- a month and a year in digits after a result or procedure ("last EF 35% from 09/2025", "colonoscopy 03/2019").

Why: a public probe (bench/phi/public_care_dates_probe.py) showed these layouts missed while the sentence-led ones
are found. Each needs the text to be about a person (a patient, an age and sex, a finding), and a
project's word beside the date ("CT scanner upgrade 3/4", "MRI go-live", "protocol library") keeps it a project's.

Bounded patterns over short windows: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from commands.phi.alternations import _by_first_letter
from commands.phi.care import _MONTH_BEFORE, _MONTH_NAMES, _YEAR_GATE, _project_words, clinical_found, date_matches
from commands.phi.namewords import _wordset
from commands.phi.shared import _I, has_any, small_letters, text_digits, words_of

# A study or procedure a date can be the date of: one list makes both the pattern and its gate words (a "-" reads
# as a hyphen or a space: "x-ray", "x ray", "PET-CT").
_STUDY_NAMES = tuple(
    sorted(
        _wordset(
            """ct cta ctpa mri mra pet pet-ct x-ray x-rays xray xrays xr cxr radiograph radiographs ultrasound
            ultrasounds sonogram sonograms echo echocardiogram echocardiograms tte tee ecg ekg eeg emg mammogram
            mammograms colonoscopy endoscopy egd ercp biopsy biopsies scan scans angiogram angiograms angiography cath
            catheterization catheterisation dexa spirometry pft pfts holter labs bloods path pathology"""
        )
    )
)
_STUDY = (
    "(?:" + "|".join(re.escape(n).replace(r"\-", "[- ]") for n in sorted(_STUDY_NAMES, key=len, reverse=True)) + ")"
)
_STUDY_WORDS = frozenset(w for n in _STUDY_NAMES for w in words_of(n) if len(w) > 1)
# The study before the date: "CT abdomen and pelvis, ", "ultrasound (", "Abdominal CT with Contrast (".
_STUDY_RX = re.compile(r"\b(?:" + _by_first_letter(_STUDY[3:-1]) + r")\b", _I)
_STUDY_SMALL = re.compile(_STUDY_RX.pattern)  # without IGNORECASE, for a text's small letters
_GAP_END = re.compile(r"[.;:\n]")  # a gap between a study and its date stays in one clause
# The study after the date: "October 2008 chest CT", "the September 2020 CT".
_STUDY_AFTER = re.compile(
    r"\)?,?\s{1,3}(?:(?:chest|head|abdominal|abdomen|pelvi[cs]|brain|spine|cardiac|renal|neck|lumbar|cervical"
    r"|thoracic|knee|hip|shoulder|contrast|non-?contrast|follow-?up|baseline|repeat|outside|prior|pet)\s{1,3}){0,2}"
    rf"{_STUDY}\b",
    _I,
)
# A study's words that make it equipment or a project's: "CT scanner", "MRI protocol library", "CT reporting".
_EQUIPMENT = re.compile(
    r"\b(?:scanners?|machines?|protocols?|library|worklists?|order\s{1,3}sets?|volumes?|turnaround|slots?|capacity"
    r"|suites?|rooms?|vendors?|modality|modalities|queue|licen[cs]es?|devices?|fleet|coils?|software|firmware"
    r"|refresh(?:es|ed)?|archives?|pacs|funded|funding|budget|numbers|metrics|counts?)\b",
    _I,
)

# The text is about a person: a patient, an age and sex, a report's sections (not a pronoun or "presented" alone:
# "she will chair", "he presented the PACS numbers" are a PMO's).
_PERSON_WORDS = _wordset(
    """patient pt male female man woman unchanged
    measures measuring nodule nodules lesion lesions cyst cysts metastases metastatic recurrence counseled counselled
    admitted discharged"""
)
_AGE_SEX = re.compile(r"\b\d{1,3}\s{0,2}(?:-?\s{0,2}year-?\s{0,2}old|y/?o|yo|(?-i:[MF]))\b", _I)


def _about_a_person(text: str) -> bool:
    return has_any(text, _PERSON_WORDS) or _AGE_SEX.search(text) is not None


# --- a note's header date -------------------------------------------------------------------------------------------
_HEADER_DATE = re.compile(r"(?:^|\n)[ \t*#>-]{0,4}(?:date|date/time|dt)[ \t*]{0,3}[:=][ \t*]{0,3}$", _I)
_PATIENT_HEADER = re.compile(
    r"^[ \t*#>-]{0,4}(?:patient(?:['’]?s)?(?:\s{1,3}name)?|pt|mrn|dob|d\.o\.b\.?|referral\s{1,3}source"
    r"|chief\s{1,3}complaint|hpi|reason\s{1,3}for\s{1,3}(?:visit|referral|admission))[ \t*]{0,3}[:=]",
    _I | re.MULTILINE,
)
# "Re: Mrs …" names a person only beside a second field of a patient's or a clinician's letter ("Name:", "MRN:",
# "From: Dr. …"): "Re: Mrs Chen's badge access request" alone is a PMO's.
_RE_PERSON = re.compile(
    r"^[ \t*#>-]{0,4}re[ \t*]{0,3}:[ \t*]{0,4}(?:mr|mrs|ms|miss|mx|master|patient)\b", _I | re.MULTILINE
)
_SECOND_FIELD = re.compile(
    r"^[ \t*#>-]{0,4}(?:(?:patient\s{1,3})?name|mrn|dob|d\.o\.b\.?"
    r"|from[ \t*]{0,3}:[ \t*]{0,4}(?:dr|prof|professor)\b)",
    _I | re.MULTILINE,
)
_HEADER_GATE = frozenset({"date", "dt"})

# --- a note's title date --------------------------------------------------------------------------------------------
# "PROGRESS NOTE - 3/4/2024", "Discharge Summary (12/02/2023)", "Telephone encounter: 14/05/2024".
_NOTE_TITLE = re.compile(
    r"\b(?:(?:progress|nursing|clinic|consult(?:ation)?|discharge|admission|triage|operative|op|procedure|telephone"
    r"|phone|ed|er|a&e|h&p|soap|shift|handover|handoff|encounter|referral|transfer)\s{1,3}notes?"
    r"|(?:discharge|transfer|admission)\s{1,3}summary|(?:referral|discharge|clinic)\s{1,3}letter"
    r"|(?:operative|procedure|triage)\s{1,3}report|(?:nursing|triage|admission)\s{1,3}assessment"
    r"|history\s{1,3}and\s{1,3}physical)[ \t*]{0,3}[-–—:(|,][ \t*]{0,3}$",
    _I,
)
_NOTE_WORDS = frozenset({"note", "summary", "letter", "report", "assessment", "notes"})

# --- a note's signature date ----------------------------------------------------------------------------------------
# The line under the signature: the date alone, maybe with a time ("*03/22/2024 @ 14:22*").
_SIGNED_AFTER = re.compile(
    r"[ \t*_]{0,3}(?:(?:@|at)?[ \t]{0,2}\d{1,2}:?\d\d(?:[ \t]{0,2}(?:hrs|h))?)?[ \t*_]{0,3}(?:\n|$)"
)
# The signature's line: a clinician's credential at its end.
_SIGNATURE = re.compile(
    r"(?:,|\s)\s{0,2}(?:MD|M\.D\.|DO|RN|NP|PA-C|MBBS|MBChB|FRCP|DPM|CRNA|LPN|BSN|APRN|FNP|DNP)\.?[ \t*_)\]]{0,3}\n"
    r"[ \t*_-]{0,3}(?:(?i:date)[ \t*]{0,3}[:=][ \t*]{0,3})?$"
)
# (not "do" and "c" of PA-C: words too common to lead; such a signature needs another credential in the text)
_CREDENTIALS = frozenset({"md", "rn", "np", "mbbs", "mbchb", "frcp", "dpm", "crna", "lpn", "bsn", "aprn", "fnp", "dnp"})

# --- a month and a year in digits after a result or procedure -------------------------------------------------------
# (read from its slash, the rare character: "/2025" first, then the month before it and nothing after it)
_MONTH_YEAR_GATE = re.compile(r"/(?:19|20)\d\d(?![\w/.-])")
_MONTH_OF = re.compile(r"(?:^|[^\w/.-])(?P<m>0?[1-9]|1[0-2])$")
_RESULT_BEFORE = re.compile(
    rf"\b(?:{_STUDY}|ef|lvef|a1c|hba1c|pci|cabg|surgery|seen|admitted|discharged|diagnosed|dx|s/p|hx|tx"
    r"|stopped|onset)\b[^.;\n]{0,20}$",
    _I,
)
# A project's verb between the result and the date: "Dx codes last refreshed 10/2026", "scans started 10/2026".
_PROJECT_VERB = re.compile(r"\b(?:updated|refreshed|released?|started|launched|went\s{1,3}live)\b", _I)


def find_study_dates(text: str) -> list[tuple[int, int]]:
    """Dates of a person's care in a study's, a note header's or a signature's layout (see the module's text)."""
    if not text_digits(text):
        return []
    studies = has_any(text, _STUDY_WORDS)
    header = has_any(text, _HEADER_GATE)
    signed = "\n" in text and has_any(text, _CREDENTIALS)
    titled = has_any(text, _NOTE_WORDS)
    month_year = "/" in text and _MONTH_YEAR_GATE.search(text) is not None
    if not (studies or header or signed or month_year or titled):
        return []
    person = _about_a_person(text)
    studies, month_year = studies and person, month_year and person
    signed = signed and (person or clinical_found(text))  # (a patient's word or a word of care, not a pronoun)
    if not (studies or header or signed or month_year or titled):
        return []
    patient_header: bool | None = None  # (read once, at the first "Date:" before a date)
    out: list[tuple[int, int]] = []
    spans = [(start, end) for _, _, start, end, _ in date_matches(text)]
    if not spans and not month_year and not (studies and _YEAR_GATE.search(text)):
        return out
    found: list[tuple[int, int]] = []
    if studies:
        found = _study_spans(text)
        if found and not _MONTH_NAMES.isdisjoint(words_of(text)):
            spans.extend(_month_years(text, spans, found))  # "on October 2008 chest CT"
    for start, end in spans:
        if studies and _study_date(text, found, start, end):
            out.append((start, end))
            continue
        lo = max(0, start - 36)  # (a label or a signature's end before the date: read from where it can start)
        if header and _HEADER_DATE.search(text, lo, start):
            if patient_header is None:
                patient_header = _PATIENT_HEADER.search(text) is not None or (
                    _RE_PERSON.search(text) is not None and _SECOND_FIELD.search(text) is not None
                )
            if patient_header:
                out.append((start, end))  # "Patient Name: …\n\nDate: 7/9/05"
                continue
        if (
            titled
            and _NOTE_TITLE.search(text, lo, start)
            and not _project_words(text[lo:start] + " " + text[end : end + 25])
        ):
            out.append((start, end))  # "PROGRESS NOTE - 3/4/2024"
            continue
        if signed and "\n" in text[lo:start] and _SIGNED_AFTER.match(text, end) and _SIGNATURE.search(text, lo, start):
            out.append((start, end))  # "- Dr. A. Vance, MD\n03/26/2024"
    if month_year:
        for m in _MONTH_YEAR_GATE.finditer(text):
            month = _MONTH_OF.search(text[max(0, m.start() - 3) : m.start()])
            if month is None:
                continue
            start = m.start() - len(month.group("m"))
            left = text[max(0, start - 40) : start]
            result = _RESULT_BEFORE.search(left)
            if (
                result
                and not _PROJECT_VERB.search(left, result.start())
                and not _project_words(left[-30:] + " " + text[m.end() : m.end() + 25])
            ):
                out.append((start, m.end()))  # "last EF 35% from 09/2025"
    return out


def _study_spans(text: str) -> list[tuple[int, int]]:
    """Where the text names a study: each of its study words found by str.find, the study's name read around it."""
    low = small_letters(text)
    if low is None:
        return [m.span() for m in _STUDY_RX.finditer(text)]
    spans: set[tuple[int, int]] = set()
    for word in words_of(text) & _STUDY_WORDS:
        at = low.find(word)
        while at >= 0:
            m = _STUDY_SMALL.search(low, max(0, at - 3), at + len(word) + 4)
            if m:
                spans.add(m.span())
            at = low.find(word, at + len(word))
    return sorted(spans)


def _month_years(text: str, dates: list[tuple[int, int]], studies: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A month and a year near a study that no date above holds ("October 2008 chest CT", "ultrasound (May 2021)")."""
    out: set[tuple[int, int]] = set()
    for s_start, s_end in studies:
        for m in _YEAR_GATE.finditer(text, max(0, s_start - 50), s_end + 45):
            month = _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
            i = bisect_left(dates, (m.start() + 1, 0)) - 1  # (the last date starting at or before the year)
            if month and not (i >= 0 and dates[i][0] <= m.start() < dates[i][1]):
                out.add((month.start(), m.end()))
    return sorted(out)


def _study_date(text: str, studies: list[tuple[int, int]], start: int, end: int) -> bool:
    """A study's name beside the date (at most 28 characters of one clause before it, or a few qualifiers after
    it), no equipment's or project's word between or after ("CT scanner upgrade", "CT protocol library (…)")."""
    first = bisect_left(studies, (start - 60, 0))  # (only the studies a window away: linear in the text)
    for s_start, s_end in studies[first : bisect_left(studies, (end + 46, 0))]:
        if 0 <= start - s_end <= 28 and not _GAP_END.search(text, s_end, start):
            near = text[s_end:start] + " " + text[end : end + 25]
        elif 0 < s_start - end <= 45:
            after = _STUDY_AFTER.match(text, end)
            if not after or after.end() != s_end:
                continue
            near = text[end : s_end + 25]
        else:
            continue
        if not (_EQUIPMENT.search(near) or _project_words(near)):
            return True
    return False
