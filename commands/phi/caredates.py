"""Dates in a short narrative of one person's care: "The first stair session was in October 2014. By December 2014,
<name> could pause on the landing", "The referral for <name> says January 2016". A date (a month and a year too) in
a sentence about one person's care is a date of care, unless the words beside it make it a publication's or a
document's ("the manual published in 2007", "a public report, dated June 2017"). In a short note that is such a
narrative, its other sentences' dates are the same person's too, unless a project's or a publication's words are
next to them; a project's sentence still goes to the project veto (project.py) like every other date.

A sentence is about one person's care when it names an occasion of care (a session, an assessment, a referral...)
that no project's word makes a project's ("the training session", "the review meeting"), or a person cared for (the
patient, the resident, he or she) with a word of care. Plural people and figures are a statistic, not a person's care ("patients seen in March 2024 rose 12%").

Bounded patterns over sentences of at most 320 characters: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from commands.phi.care import (
    _MONTH_BEFORE,
    _MONTH_NAMES,
    _YEAR_GATE,
    _clinical,
    date_matches,
)
from commands.phi.namewords import _wordset
from commands.phi.project import _SENTENCE_END, _project_evidence, _sentence
from commands.phi.shared import _I, has_any, text_digits, words_of

# The words a narrative of care needs one of before anything else is read.
_GATE = frozenset(
    [
        *("session", "sessions", "consultation", "assessment", "follow", "followup", "examination", "exam"),
        *("admission", "referral", "therapy", "review", "appointment", "visit", "checkup", "check", "attendance"),
        *("patient", "individual", "resident", "client", "he", "she"),
    ]
)
# An occasion of care, and the words before it that make it a project's ("training session", "gate review").
_OCCASION = re.compile(
    r"\b(?:sessions?|consultations?|assessments?|follow-?ups?|examinations?|exams?"
    r"|admissions?|referrals?|therapy|reviews?|appointments?|visits?|check-?ups?|attendances?)\b"
    r"(?!\s{1,3}(?:meetings?|workshops?|forums?|modules?|templates?|forms?|process(?:es)?|workflows?|systems?|teams?"
    r"|boards?|committees?|logs?|schedules?|slots?|booking|polic(?:y|ies)|papers?|reports?|dashboards?|tools?"
    r"|projects?|screens?|builds?|pathways?|kiosks?|letters?\s{1,3}templates?|rules?|criteria|backlog|queue)\b)",
)
_NOT_CARE_LEAD = _wordset(
    """training steering gate design project readiness benefits budget board golive go live cutover vendor security
    privacy audit annual quarterly implementation programme program sprint team staff peer code contract stage phase
    quality performance strategy portfolio business risk lessons uat demo site post-implementation post
    implementation lunch teaching information drop-in dropin user super-user data system systems build test
    planning kickoff kick-off literature evidence journal article systematic"""
)
# One person cared for: "the patient", "the resident's", "she".
_PERSON = re.compile(
    r"\b(?:(?:the|this|our)\s{1,3}(?:patient|individual|resident|client|person|child|infant|baby|woman|man)"
    r"(?:['’]s\b|\b(?![\s-]{1,3}(?:doctors?|medical|medics?|physicians?|registrars?|rota|parking|permits?|portal|flow"
    r"|experience|services?|relations|satisfaction|safety|lists?|dashboards?|id|wristbands?|journey|engagement"
    r"|education|leaflets?|forms?|letters?|records?\s{1,3}system|app|kiosks?|representatives?|voice|survey|feedback"
    r"|transport|access|liaison|advice|catering|meals?)\b))"
    r"|patient['’]s\b|(?-i:\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b))",
    _I,
)
# What makes a date a publication's or a document's: "published in 2007", "dated June 2017", "the July 2012 service
# report", "a lecture in October 2019".
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:published|publication|released|release|edition|issued|dated|copyright|©|guidelines?|manual|articles?"
    r"|lectures?|papers?|bulletins?|reports?|leaflets?|booklets?|journals?|textbooks?|statements?|newsletters?"
    r"|headed|printed|cited|studies|study|surveys?|websites?|handbooks?|circulars?|policy|policies|consensus"
    r"|conference|webinar|course|podcast|video|book|chapter|review\s{1,3}(?:article|paper))\b"
    r"(?:\s{1,3}[\w'’,-]{1,25}){0,6}\s{1,3}(?:in|on|from|of|dated|,)?\s{0,3}$",
    _I,
)
_PUBLISHED_AFTER = re.compile(
    r"^\s{0,3}(?:[\w'’-]{1,25}\s{1,3}){0,2}(?:service\s{1,3})?(?:reports?|editions?|issues?|guidelines?|manuals?"
    r"|articles?|lectures?|papers?|bulletins?|newsletters?|publications?|version|update|statements?)\b",
    _I,
)
# Many people or a figure: a statistic, not one person's care.
_STATISTIC = re.compile(
    r"%|\bper\s{0,2}cent\b|\b(?:patients|residents|clients|people|admissions|referrals|visits|attendances"
    r"|appointments|sessions|rose|fell|increased|decreased|dropped|grew|volumes?|numbers?\s{1,3}of|rates?|average)\b",
)
_SHORT = 600  # a note this long is read as one narrative


def _occasion_of_care(s: str) -> bool:
    """An occasion of care in the sentence, not a project's ("the training session", "the gate review")."""
    return any(
        _NOT_CARE_LEAD.isdisjoint(s[max(0, m.start() - 45) : m.start()].lower().split()[-2:])
        for m in _OCCASION.finditer(s)
    )


def _about_care(text: str, s: str) -> bool:
    """A sentence about one person's care: an occasion of care, or a person cared for with a word of care."""
    low = s.lower()  # (the patterns below read small letters: several times faster than a case-blind search)
    if _STATISTIC.search(low):
        return False
    if _occasion_of_care(low):
        return True
    return bool(_PERSON.search(s)) and (
        not _CARE_WORDS.isdisjoint(re.findall(r"[a-z]{3,20}", low)) or _clinical(text, s)
    )


# Words of a person's findings, treatments and daily abilities (project.py's _NARRATIVE read as a set of words: a
# set lookup, where that pattern costs a tenth of a millisecond per sentence).
_CARE_WORDS = _wordset(
    """
    wound wounds rash pain fever cough swelling symptom symptoms dizzy dizziness nausea vomiting bleeding infection
    injury fracture meds dose doses antibiotic antibiotics prescribed prescription inhaler insulin oxygen saturation
    saturations glucose mobility swallow swallowing dietitian physio physiotherapy physiotherapist registrar clinician
    allergy allergies diagnosis diagnosed onset examined assessed reassessed reassessment treated therapy therapist
    therapists surgery biopsy ultrasound hearing vaccine vaccinated vaccination booster immunised immunized specimen
    chest breathing breathless wheeze wheezing appetite sleep sleeping mood anxiety dementia confusion carer caregiver
    weight observations respiratory walking gait consultation consultations stairs exercises exercise echocardiogram
    stitches sutures febrile catheter wheelchair rehabilitation readmission dressing dressings seizure seizures
    headache headaches scar
    """
)


def _published(text: str, start: int, end: int) -> bool:
    """A publication's or a document's words right by the date."""
    left = text[max(0, start - 70) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    return bool(_PUBLISHED_BEFORE.search(left) or _PUBLISHED_AFTER.match(text, end, end + 50))


def _dates(text: str) -> list[tuple[int, int]]:
    """The text's dates with a month (written out or in digits with a day) and a year."""
    spans = [(v_start, v_end) for _, _, v_start, v_end, v in date_matches(text) if len(v) >= 6]
    if _MONTH_NAMES.isdisjoint(words_of(text)):
        return spans
    for m in _YEAR_GATE.finditer(text):
        month = _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if month is not None:
            spans.append((month.start(), m.end()))
    return spans


def find_narrative_care_dates(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Dates of one person's care in a sentence, or a short narrative, about that care (see the module's doc), but
    not the ones other detectors found (``known``): those count as dates of care for the narrative."""
    if not text_digits(text) or not has_any(text, _GATE):
        return []
    found: list[tuple[int, int]] = []
    rest: list[tuple[int, int, str]] = []
    narrative = False
    known = sorted(known)
    starts = [k_start for k_start, _ in known]
    for start, end in _dates(text):
        i = bisect_left(starts, end)  # the known date that starts last before this one ends: does it reach it?
        if i and known[i - 1][1] > start:
            narrative = True
            continue
        s = _sentence(text, start, end)
        if _about_care(text, s):
            if not (_published(text, start, end) or _project_evidence(s, bool(_PERSON.search(s)))):
                found.append((start, end))
        elif len(text) <= _SHORT:
            rest.append((start, end, s))
    if rest and (found or narrative):  # one short narrative: its other dates are the same person's
        for start, end, s in rest:
            if not (
                _STATISTIC.search(s.lower())
                or _project_plain(s)
                or _project_evidence(s, True)
                or _published(text, start, end)
            ):
                found.append((start, end))
    return found


def _project_plain(s: str) -> bool:
    """A project's word a narrative of care hardly uses ("go-live", "cutover"), read by its set of words."""
    return not _PROJECT_ONLY.isdisjoint(re.findall(r"[\w-]+", s.lower()))


_PROJECT_ONLY = _wordset(
    """golive go-live cutover uat sprint vendor rollout deployment release upgrade migration budget invoice contract
    dashboard workflow interface build"""
)
