"""Dates of a patient's care: a date near a clinical word, a care header label or a care event ("admitted on
the 3rd"), and not near a project word. One of the second-generation detector families, each in its own file; also
holds the clinical and project word patterns (and the care-event window) other detectors share.

All patterns are bounded and context windows are fixed-size slices, so a scan stays linear in the text length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from commands.phi.alternations import _by_first_letter
from commands.phi.namewords import _wordset
from commands.phi.people import _NON_PERSON_SUBJECT
from commands.phi.shared import (
    _I,
    _MONTH,
    _ORD,
    _SPELLED,
    _digits,
    _matches,
    _small,
    case_blind_found,
    case_blind_in,
    has_any,
    search_at,
    small_letters,
    text_digits,
    word_starts,
    words_of,
)
from commands.phi.tallies import is_tally, scored_on

# --- clinical context -----------------------------------------------------------------------------------------
# Words that tie a nearby date or name to a patient's care. A PMO writes "go-live 3/14"; a clinician (or someone
# pasting a note) writes "seen in clinic 3/14", "cath 2/18", "TRANS TO GH 7/23".
_CLINICAL_WORDS = (
    r"pt|pts|patient|seen|present(?:s|ed|ing)(?!\s{1,3}(?:the|our|an?|their|his|her|its|this|these)\b)"
    r"|admit(?:ted)?|admission(?=\s{1,3}(?:was|on)\b)|readmitted|discharged?|transferred"
    r"|trans(?=\s{1,3}to\b)|arrived|arrival|found\s{1,3}by|fell|fall|died|expired|deceased|diagnosed|dx|hx|s/p"
    r"|cath|catheteri[sz]ation|cabg|surgery|operation|op(?!\s{1,3}(?:\d|$))|procedure|ecg|ekg|mri|cxr|ct\s{1,3}scan|x-?ray"
    r"|radiology|labs?|hba1c|a1c|inr|ffp|prbc|ophth|endo(?:crine)?|clinic|f/u|follow[- ]?up|rv|review|referred"
    r"|referral|called|bloods|booked|appt|appointment|record\s{1,3}date|visit|study\s{1,3}date|exam|er|ed|ew"
    r"|icu|ccu|hosp(?:ital)?|ambulance|ems|triage|nursing|nsg|dictated|mibi|echo|injury|symptoms?"
    r"|complain(?:s|ed)?|c/o|denies|reports\s{1,3}(?:adherence|pain)|stenosis|abscess|biopsy|stroke|mi|results?"
    r"|treated|tx['’]?d|underwent|unresponsive|hospitali[sz]ed|onset"
)
_CLINICAL = re.compile(r"\b(?:" + _by_first_letter(_CLINICAL_WORDS) + r")\b", _I)
# Rarer words of care, searched only in a text that has one of them (_clinical below).
_CLINICAL_MORE_WORDS = r"""
    colonoscopy|endoscopy|gastroscopy|bronchoscopy|mammogram|ultrasound|infusion|transfusion|dialysis
    |chemo(?:therapy)?|vaccinated|vaccination|injection|physio(?:therapy)?|check-?up|a&e|gp|urgent\s{1,3}care
    |inpatient|in\s{1,3}(?:the\s{1,3})?hospital|gave\s{1,3}birth
    |(?:she|mum|mom|mother|baby|twins)\s{1,3}(?:was\s{1,3}|were\s{1,3})?delivered
    |operated|intubated|extubated|ventilated|resuscitated|sedated|examination|examined|bp(?=\s{0,2}:?\s{0,2}\d{2,3}/\d{2,3})|vitals?|vital\s{1,3}signs|spo2|pulse(?=\s{0,2}(?:rate\s{0,2})?:?\s{0,2}\d)|bmi
    |blood\s{1,3}pressure
    |(?:knee|hip|joint|valve|shoulder)\s{1,3}(?:was\s{1,3})?replace(?:d|ment)
""".replace("\n", "").replace(" ", "")
# Findings and treatments of a person: words of care a PMO hardly names a workflow after (project.py reads them too).
CARE_NOUNS = r"""
    echocardiogram|echocardiography|stitches|sutures|cast|fever|febrile|antibiotics?|steroids?|catheter|wheelchair
    |rehabilitation|readmission|chest\s{1,3}(?:pain|tightness)|emergency\s{1,3}department|wounds?|dressings?|rash
    |dizziness|nausea|vomiting|seizures?|headaches?|immuni[sz]ations|vaccinations|saturations?|swallowing|appetite
    |fracture|consent|symptomatic|clinical\s{1,3}date|home\s{1,3}monitoring|(?:this|the|care)\s{1,3}recipient
    |(?:individual|person|recipient|client)['’]s
""".replace("\n", "").replace(" ", "")
_CLINICAL_MORE_WORDS += "|" + CARE_NOUNS
_CLINICAL_MORE = re.compile(r"\b(?:" + _CLINICAL_MORE_WORDS + r")\b", _I)
_CLINICAL_MORE_GATE = frozenset(
    [
        "colonoscopy",
        "endoscopy",
        "gastroscopy",
        "bronchoscopy",
        "mammogram",
        "ultrasound",
        "infusion",
        "transfusion",
        "dialysis",
        "chemo",
        "chemotherapy",
        "vaccinated",
        "vaccination",
        "injection",
        "physio",
        "physiotherapy",
        "check",
        "checkup",
        "e",
        "gp",
        "urgent",
        "inpatient",
        "hospital",
        "birth",
        "delivered",
        "replaced",
        "replacement",
        *("operated", "intubated", "extubated", "ventilated", "resuscitated", "sedated", "examination", "examined"),
        *("bp", "vitals", "vital", "spo2", "pulse", "bmi", "blood"),
        *("echocardiogram", "echocardiography", "stitches", "sutures", "cast", "fever", "febrile", "antibiotic"),
        *("antibiotics", "steroid", "steroids", "catheter", "wheelchair", "rehabilitation", "readmission", "chest"),
        *("emergency", "wound", "wounds", "dressing", "dressings", "rash", "dizziness", "nausea", "vomiting"),
        *("seizure", "seizures", "headache", "headaches", "immunisations", "immunizations", "vaccinations"),
        *("saturation", "saturations", "swallowing", "appetite", "fracture", "consent", "symptomatic"),
        *("clinical", "monitoring", "recipient", "individual", "person", "client"),
    ]
)


# The two patterns for a string's small letters (shared.case_blind_found): without IGNORECASE and regrouped by first
# letter, each word's first letter is one plain comparison. A case-blind search of _CLINICAL_MORE's 80 words costs
# about 50 µs on 80 characters without one, this one about 2; _CLINICAL's about 6 and 2.
_CLINICAL_SMALL = re.compile(r"\b(?:" + _by_first_letter(_CLINICAL_WORDS) + r")\b")
_CLINICAL_MORE_SMALL = re.compile(r"\b(?:" + _by_first_letter(_CLINICAL_MORE_WORDS) + r")\b")


def clinical_found(s: str) -> bool:
    """Whether ``_CLINICAL.search(s)`` finds a word of care in a short string of its own."""
    return case_blind_found(_CLINICAL, _CLINICAL_SMALL, s)


def _clinical(text: str, window: str) -> bool:
    """A word of care in a window of the text (the rarer words only when the text has one)."""
    return clinical_found(window) or (
        has_any(text, _CLINICAL_MORE_GATE) and case_blind_found(_CLINICAL_MORE, _CLINICAL_MORE_SMALL, window)
    )


# people._NON_PERSON_SUBJECT without IGNORECASE, for small letters: "the license expired", "the engine died".
_NON_PERSON_SUBJECT_SMALL = re.compile(_NON_PERSON_SUBJECT.pattern)


def _non_person_subject(s: str) -> bool:
    """Whether ``_NON_PERSON_SUBJECT.search(s)`` finds a thing as the subject at the end of a short string."""
    return case_blind_found(_NON_PERSON_SUBJECT, _NON_PERSON_SUBJECT_SMALL, s)


# Words that make a date a project's: "go-live 3/14", "release 2026-03-18", "due 12/5".
_PROJECT = re.compile(
    r"\b(?:"
    + _by_first_letter(
        r"go-?live|cut[- ]?over|release[sd]?|deploy(?:ed|ment)?|upgrade[sd]?|migration|sprint|milestone|deadline"
        r"|due(?!\s{1,3}to\b)|meeting|training|demo|downtime|freeze|roll-?out|launch|kick-?off|uat|patch(?:ed)?|version|build|po"
        r"|invoice|contract|budget|steering|workshop|webinar|go\s{1,3}live|phase|gate|cab\s{1,3}meeting|change"
        r"|ticket|inc\d|chg\d|project|rfp|sow|vendor|interfaces?|servers?|backup|outage|maintenance|window|report(?:ing)?"
        r"|period|quarter|fy|q[1-4]|schedule[sd]?|plan(?:ned)?|target|forecast|baseline|tested|testing|pilot|replace(?:ment|d)?"
        r"|install(?:ed|ation)?|repair(?:ed)?|coil|equipment|hardware|licen[cs]e|renew(?:al|ed)?|sign-?off|policy|backlog"
        r"|design|fields?|columns?|renamed|screens?|templates?|changes|formats?|instruments?|re-?certified|certified"
        r"|calibrat(?:ed|ion)|bugs?|defects?|surveys?|closes|opens|leaflets?|reprint(?:ed)?|stock"
    )
    + r")\b",
    _I,
)
# _PROJECT without IGNORECASE, for a text's small letters (shared.small_letters): a case-blind search of its
# alternation costs about 13 µs per hundred characters, this one about a third of that.
_PROJECT_SMALL = re.compile(_PROJECT.pattern)


def project_search(text: str, lo: int, hi: int) -> bool:
    """Whether ``_PROJECT.search(text, lo, hi)`` finds a project word, read in the text's small letters."""
    low = small_letters(text)
    return (_PROJECT.search(text, lo, hi) if low is None else _PROJECT_SMALL.search(low, lo, hi)) is not None


def project_found(s: str) -> bool:
    """Whether ``_PROJECT.search(s)`` finds a project word in a short string of its own."""
    return case_blind_found(_PROJECT, _PROJECT_SMALL, s)


# Every date, as shared._DATE reads one, not right after a letter, digit, slash, dot, plus or dash. Written out
# here with the digit-led shapes behind one leading digit (the look-behind after it, see shared.py's speed idiom):
# the same matches as rf"(?<![\w/.+-])(?P<v>{_DATE})", which tests/test_phi_linear.py checks, in about half the time.
_DATE_RX = re.compile(
    r"(?P<v>\d(?<![\w/.+-].)(?:"
    r"\d{3}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d?[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
    r"|\d?/\d{1,2}"
    rf"|\d?[-/]{_MONTH}[-/](?:\d{{4}}|\d{{2}})|\d?{_MONTH}\d{{4}}"
    rf"|\d?{_ORD}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}(?![a-z])\.?(?:,?\s{{1,3}}\d{{4}})?"
    rf")|(?<![\w/.+-])(?:{_MONTH}\.?\s{{1,3}}\d{{1,2}}{_ORD}(?:,?\s{{1,3}}\d{{4}})?"
    rf"|(?:the\s{{1,3}})?{_SPELLED}\s{{1,3}}of\s{{1,3}}{_MONTH}\b(?:,?\s{{1,3}}\d{{4}})?))(?![\d/])",
    _I,
)
# The same dates in two patterns, several times faster together: the dates that start with a digit (the engine
# skips straight to the digits), and those that start with a word ("March 3", "the third of July"), written out by
# first letter in small letters and read in a small-letter copy of a text that has a month's name (each of them
# needs one). date_matches joins the two; tests/test_phi_dates_split.py checks they find what _DATE_RX does.
_DATE_DIGIT_LED = re.compile(
    r"(?P<v>\d(?<![\w/.+-].)(?:"
    r"\d{3}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d?[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"
    r"|\d?/\d{1,2}"
    rf"|\d?[-/]{_MONTH}[-/](?:\d{{4}}|\d{{2}})|\d?{_MONTH}\d{{4}}"
    rf"|\d?{_ORD}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}(?![a-z])\.?(?:,?\s{{1,3}}\d{{4}})?"
    r"))(?![\d/]|\.\d)",  # (not "10.96.26" of the address "10.96.26.95")
    _I,
)
_DATE_DIGIT_LED_SMALL = re.compile(_DATE_DIGIT_LED.pattern)  # without IGNORECASE, for a text's small letters
_MONTH_NAMES = frozenset(
    [
        *("jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july"),
        *("aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december"),
    ]
)
_MONTHS = [
    *("jan(?:uary)?", "feb(?:ruary)?", "mar(?:ch)?", "apr(?:il)?", "may", "june?", "july?", "aug(?:ust)?"),
    *("sep(?:t(?:ember)?)?", "oct(?:ober)?", "nov(?:ember)?", "dec(?:ember)?"),
]
_NINE = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth"
_DAYS = [
    *(f"twenty[- ]?(?:{_NINE})", f"thirty[- ]?(?:{_NINE})", *_NINE.split("|"), "tenth", "eleventh", "twelfth"),
    *("thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"),
    *("twentieth", "thirtieth"),
]
_MONTH_DAY = rf"\.?\s{{1,3}}\d{{1,2}}{_ORD}(?:,?\s{{1,3}}\d{{4}})?"
_OF_MONTH = rf"\s{{1,3}}of\s{{1,3}}{_MONTH}\b(?:,?\s{{1,3}}\d{{4}})?"
_DATE_WORD_LED = re.compile(
    r"(?P<v>"
    + _by_first_letter(
        "|".join(
            [*(m + _MONTH_DAY for m in _MONTHS), rf"the\s{{1,3}}{_SPELLED}{_OF_MONTH}", *(d + _OF_MONTH for d in _DAYS)]
        ),
        after_first=r"(?<![\w/.+-].)",
    )
    + r")(?![\d/])"
)
# A date written as labelled in a note header: "Record date: 2069-04-07", "DV: 04/07/69", "Visit Date: 23.12.2023".
_DATE_LABEL = re.compile(
    r"\b(?:record|visit|study|service|exam|surgery|procedure|appointment|appt|admission|discharge|arrival|dictated"
    r"|transcribed|encounter|clinic)\s{1,3}date\b|(?<![-/])\b(?-i:DV|DD|DT)\b(?=\s{0,2}[:=])|\b(?-i:DOA|DOD|DOS|DOV|DOI)\b"
    r"|\bnext\s{1,3}appointment\b|\b(?:date|time)\s{1,3}of\s{1,3}(?:encounter|visit|injury|procedure|surgery|service"
    r"|admission|discharge|death|exam|consult(?:ation)?|arrival|onset)\b",
    _I,
)
# _DATE_LABEL in two patterns: its labels of words without IGNORECASE, for small letters, and its capitals ("DOS",
# "DV:") as they are written; _date_label joins the two.
_DATE_LABEL_WORDS = re.compile(
    r"\b(?:record|visit|study|service|exam|surgery|procedure|appointment|appt|admission|discharge|arrival|dictated"
    r"|transcribed|encounter|clinic)\s{1,3}date\b"
    r"|\bnext\s{1,3}appointment\b|\b(?:date|time)\s{1,3}of\s{1,3}(?:encounter|visit|injury|procedure|surgery|service"
    r"|admission|discharge|death|exam|consult(?:ation)?|arrival|onset)\b"
)
_DATE_LABEL_CAPITALS = re.compile(r"(?<![-/])\b(?:DV|DD|DT)\b(?=\s{0,2}[:=])|\b(?:DOA|DOD|DOS|DOV|DOI)\b")


def _date_label(head: str) -> int | None:
    """Where ``_DATE_LABEL.search(head)`` finds a label of a date of care in a short string, or None."""
    low = _small(head)
    if low is None:
        m = _DATE_LABEL.search(head)
        return m.start() if m else None
    starts = []
    if "date" in low or "time" in low or "appointment" in low:
        m = _DATE_LABEL_WORDS.search(low)
        if m:
            starts.append(m.start())
    if "D" in head:
        m = _DATE_LABEL_CAPITALS.search(head)
        if m:
            starts.append(m.start())
    return min(starts) if starts else None


def _misread(words: str) -> str:
    """Words as a scanned form may spell them: O read as 0, I as l or 1 ("ADMlSSlON", "DATE 0F SERVICE")."""
    return re.sub(r"[il]", "[il1]", re.sub(r"o", "[o0]", words))


# The label of a date of care in a form's or a frame's line, right before the date with any separator: "ADMISSION
# DATE >> 2024-03-11", "Date of assessment / 14 Feb 2023", "Seen on = 3/12", "ONSET | Nov 08, 2024". Not the
# dates a PMO labels the same way ("site visit date", "review date", "test date", "delivery date").
_FRAME_LABEL = re.compile(
    r"(?<![\w-])(?:"
    + _misread(
        r"(?:admission|admit|admitted|discharge|discharged|visit|encounter|service|surgery|surgical|procedure"
        r"|operation|operative|onset|specimen|collection|imaging|scan|x-?ray|vaccination|immuni[sz]ation|consult"
        r"|consultation|clinic|appointment|appt|follow-?up|attendance|death|injury|arrival|referral|treatment"
        r"|symptom|biopsy|infusion|dialysis|examination|exam|assessment|dictation|transcription|birth)\s{1,3}date"
        r"|admitted|discharged|onset|deceased|died|date\s{1,3}of\s{1,3}(?:service|visit|encounter|admission|discharge|surgery|procedure|onset"
        r"|assessment|examination|exam|consultation|consult|review|attendance|death|injury|referral|treatment"
        r"|specimen|collection|imaging|vaccination|arrival|operation|appointment)|date\s{1,3}seen|seen\s{1,3}on"
        r"|date\s{1,3}(?:admitted|discharged|examined|assessed|treated|collected|performed)"
        r"|(?:procedure|surgery|operation|biopsy|scan|imaging|examination|assessment)\s{1,3}(?:was\s{1,3})?"
        r"(?:performed|completed|done)"
    )
    + r")\s{0,3}(?:(?:[:=|/>»–—-]{1,3}|\bon\b|\bis\b|\bwas\b)\s{0,3})?$",
    _I,
)
# A form's or a table's field of one word: "Visit: February 2026", "| Visit | 01 Aug 2025 |". Weaker: a PMO's list
# of go-live dates reads the same ("Admission: 3/12, Discharge: 3/19"), so the project veto still judges it.
_FIELD_LABEL = re.compile(
    r"(?<![\w-])"
    + _misread(r"(?:visit|encounter|admission|discharge|appointment|consultation|attendance)")
    + r"\s{0,3}[:|]\s{0,3}$",
    _I,
)
# What makes such a label a project's: "site visit date", "readiness assessment date", "go-live service date".
_FRAME_LABEL_LEAD = re.compile(
    r"\b(?:site|readiness|risk|security|privacy|impact|vendor|data|hardware|uat|go-?live|project|gate|audit|training"
    r"|system|server|service|customer|supplier|contract|kit|equipment|device|network|cutover|walkthrough)"
    r"[\s-]{1,3}$",
    _I,
)


def _misread_prefixes(*words: str) -> list[str]:
    """Each word as _misread reads it, every way: "col" -> "col", "c0l", "coi", "c01", …"""
    ways = {"i": "il1", "l": "il1", "o": "o0"}
    return ["".join(p) for w in words for p in product(*(ways.get(c, c) for c in w))]


# Where one of _FRAME_LABEL's labels can start: the search before a date tries only those places (shared.search_at).
_FRAME_LABEL_STARTS = word_starts(
    *_misread_prefixes(
        *("adm", "dis", "vis", "enc", "ser", "sur", "pro", "ope", "ons", "spe", "col", "ima", "sca", "x", "vac", "imm"),
        *("con", "cli", "app", "fol", "att", "dea", "inj", "arr", "ref", "tre", "sym", "bio", "inf", "dia", "exa"),
        *("ass", "dic", "tra", "bir", "dec", "die", "dat", "see"),
    )
)


# The last word of each of _FRAME_LABEL's labels, as _label_end reads a window (_misread's letters as one: "o" and
# "0", "i", "l" and "1"), and what may follow it: spaces and separators, or "on", "is" or "was".
def _as_one(s: str) -> str:
    return s.replace("0", "o").replace("1", "l").replace("i", "l")  # (str.replace is several times faster here)


_FRAME_LABEL_LAST_WORDS = tuple(
    _as_one(w)
    for w in _wordset(
        """
    date admitted discharged onset deceased died seen service visit encounter admission discharge surgery procedure
    assessment examination exam consultation consult review attendance death injury referral treatment specimen
    collection imaging vaccination arrival operation appointment examined assessed treated collected performed
    completed done
    """
    )
)
_LABEL_TAIL = " \t\n\r\f\v:=|/>»–—-"
_LABEL_TAIL_WORDS = tuple(_as_one(w) for w in ("on", "is", "was"))


def _label_end(window: str) -> bool:
    """A cheap test that _FRAME_LABEL may match at the end of an ASCII window: every match ends with a label's last
    word, then spaces and separators, or "on", "is" or "was" ("seen on" ends with "on"). A window of other
    characters says yes (a case-blind "i" or "s" also matches "İ", "ı" and "ſ")."""
    if not window.isascii():
        return True
    w = _as_one(window[-30:].lower()).rstrip(_LABEL_TAIL)
    for _ in range(3):
        if w.endswith(_FRAME_LABEL_LAST_WORDS):
            return True
        if not w.endswith(_LABEL_TAIL_WORDS):
            return False
        w = w[: -2 if w[-2:] in ("on", "ls") else -3].rstrip(_LABEL_TAIL)
    return False


def _field_end(window: str) -> bool:
    """A cheap test that _FIELD_LABEL may match at the end of a window: a colon or a bar last, spaces after it."""
    return window.rstrip()[-1:] in (":", "|")


def frame_label(text: str, start: int, fields: bool = True) -> bool:
    """A date of care's label right before the date (see _FRAME_LABEL; with fields, _FIELD_LABEL too), not a
    project's. (Each pattern is searched only when the window before the date ends the way its matches end.)"""
    lo = max(0, start - 40)
    m = search_at(_FRAME_LABEL, _FRAME_LABEL_STARTS, text, lo, start) if _label_end(text[lo:start]) else None
    if m is None and fields and _field_end(text[max(0, start - 20) : start]):
        m = _FIELD_LABEL.search(text, max(0, start - 20), start)
    if m is None:
        return False
    lead = text[max(0, m.start() - 30) : m.start()]
    return not (_FRAME_LABEL_LEAD.search(lead) or _non_person_subject(lead))  # "the engine died on 10/3"


# Labels and verbs of a record of care a date follows, judged with the project words around them.
_CARE_LABEL = re.compile(
    r"\b(?:lmp|last\s{1,3}menstrual\s{1,3}period|edd|edc|(?:specimen\s{1,3})?collected|collection\s{1,3}(?:date|time)"
    r"|vaccines?\s{1,3}given|vaccinated|immuni[sz]ed|rx\s{1,3}(?:filled|written|dispensed)|dispensed"
    r"|prescription\s{1,3}(?:written|filled|date)|note\s{1,3}date|scan\s{1,3}date|date\s{1,3}of\s{1,3}report"
    r"|electronically\s{1,3}signed(?:\s{1,3}by\b[^\n]{0,30}?)?|vital\s{1,3}signs|vitals"
    r"|(?:exm|exam|examination|study|procedure|imaging)\s{1,3}date|date\s{1,3}(?:reported|verified|dictated|transcribed"
    r"|performed|collected|received|of\s{1,3}(?:exam|examination|study|imaging)))\W{0,3}(?:on|at|:)?\s{0,3}$",
    _I,
)
_CARE_LABEL_WORDS = frozenset(
    [
        "lmp",
        "last",
        "edd",
        "edc",
        "collected",
        "collection",
        "vaccine",
        "vaccines",
        "vaccinated",
        "immunised",
        "immunized",
        "rx",
        "dispensed",
        "prescription",
        "note",
        "scan",
        "report",
        "electronically",
        "vital",
        "vitals",
        *("exm", "exam", "examination", "study", "procedure", "imaging", "date"),
    ]
)


def _maybe_label(head: str) -> bool:
    """A cheap test that _DATE_LABEL may match: each of its labels has "date", "time", "appointment" or a capital D."""
    if "D" in head:
        return True
    low = head.lower()
    return "date" in low or "time" in low or "appointment" in low


_DEADLINE = re.compile(
    r"\b(?:by|until|till|before|since|through|thru|effective|starting|from|ends?|ending"
    r"|week\s{1,3}(?:of|commencing|beginning)|w/c)\s{1,3}(?:\w{3,9}\s{1,3})?$",
    _I,
)
_CARE_VERB = re.compile(
    r"\b(?:seen|admitted|discharged|transferred|presented|arrived|operated|treated|inpatient|attending|labs|bloods"
    r"|coming\s{1,3}(?:to|in)|in\s{1,3}(?:the\s{1,3})?(?:hospital|icu|ccu|ed|er|ward|a&e|rehab|hospice))\b",
    _I,
)


def _window(text: str, start: int, end: int, before: int = 70, after: int = 45) -> tuple[str, str]:
    """The words around a span, cut at line breaks: a note's header line is not the next line's context."""
    left = text[max(0, start - before) : start]
    right = text[end : end + after]
    nl = left.rfind("\n\n")
    if nl >= 0:
        left = left[nl + 2 :]
    nr = right.find("\n\n")
    if nr >= 0:
        right = right[:nr]
    return left, right


# Words of care strong enough to outweigh a project word before them ("knee replacement surgery at Mercy on 3/15").
_CARE_AFTER = re.compile(
    r"\b(?:surgery(?!\s{1,3}(?:units?|departments?|wards?|theatres?|schedul\w{0,5}|modules?|teams?|suites?|cent(?:er|re)s?))"
    r"|operation|seen|admitted|treated|tx['’]?d|presented|underwent|discharged|diagnosed|dx['’]?d"
    r"|(?:knee|hip|joint|valve|shoulder)\s{1,3}(?:was\s{1,3})?replace(?:d|ment)|in\s{1,3}(?:the\s{1,3})?hospital"
    r"|(?:mri|ct\s{1,3}scan|x-?ray|colonoscopy|endoscopy|ultrasound|mammogram|biopsy)(?!\s{1,3}(?:scanners?|machines?"
    r"|suites?|rooms?|units?|systems?|equipment|devices?|modality|vendor|downtime|upgrade|outage|interface|worklist"
    r"|module|report(?:ing)?|template|order\s{1,3}set))|fell(?!\s{1,3}(?:over|through|behind|short|apart|off|out))|ambulance"
    r"|(?:dressing|catheter|line|tube|cast)\s{1,3}change"
    # an appointment being booked: "her appointment is scheduled for 4/22"
    r"|(?:appointment|appt|surgery|procedure|operation|follow[- ]?up|visit)\s{1,3}(?:is\s{1,3}|was\s{1,3}|has\s{1,3}been\s{1,3})?"
    r"(?:re)?(?:scheduled|booked|planned|moved|set))\b",
    _I,
)


# _CARE_AFTER without IGNORECASE, for small letters; the checks below read a short string's small letters when its
# letters stand where they stand in it (shared._small), several times faster than a case-blind search.
_CARE_AFTER_SMALL = re.compile(_CARE_AFTER.pattern)


def _readings(s: str) -> tuple[str, re.Pattern[str], re.Pattern[str]]:
    """The string the project and care patterns read, and the two patterns: its small letters and the patterns
    without IGNORECASE, or (a string with "İ", "ı", "ſ" or the Kelvin sign) the string itself and the patterns."""
    low = _small(s)
    return (s, _PROJECT, _CARE_AFTER) if low is None else (low, _PROJECT_SMALL, _CARE_AFTER_SMALL)


def _project_closer(left: str) -> bool:
    """A project word just before the date, and no word of care after it or ending with it ("knee replaced":
    "replaced" is a project word too): "go-live 3/14" is the project's, "hip replacement surgery at Mercy on 3/15"
    is the patient's."""
    s, project, care_after = _readings(left)
    found = list(project.finditer(s))
    return bool(found) and not any(
        m.end() >= found[-1].end() for m in care_after.finditer(s, max(0, found[-1].start() - 40))
    )


def _care_only(near: str) -> bool:
    """A word of care near the date and every project word there part of it ("knee replaced on 7/13")."""
    s, _, care_after = _readings(near)
    if not care_after.search(s):
        return False
    return not _project_words(near)


def _project_words(s: str) -> bool:
    """A project word that is not part of a phrase of care ("knee replaced", "dressing change", "appointment is
    scheduled")."""
    s, project, care_after = _readings(s)
    return any(
        not any(c.start() < p.end() <= c.end() for c in care_after.finditer(s, max(0, p.start() - 40)))
        for p in project.finditer(s)
    )


# The only characters that match an ASCII letter when case is ignored ("İ", "ı", "ſ", the Kelvin sign); without
# them a text's small letters stand where its letters stand, and the word-led pattern may read them.
_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"


@lru_cache(maxsize=4)  # find_care_dates and ids.find_dates of one scan share it
def date_matches(text: str) -> tuple[tuple[int, int, int, int, str], ...]:
    """Every date in the text: (match start, match end, value start, value end, value)."""
    if not text.isascii() and any(c in text for c in _FOLDS_TO_ASCII):  # (the one pattern reads these)
        return tuple((m.start(), m.end(), m.start("v"), m.end("v"), m.group("v")) for m in _matches(_DATE_RX, text))
    low = small_letters(text) or text.lower()  # (the same length as the text: "İ" is one of the folds above)
    spans = (
        [(m.start(), m.end(), *m.span("v")) for m in _matches(_DATE_DIGIT_LED_SMALL, low)] if text_digits(text) else []
    )
    if not _MONTH_NAMES.isdisjoint(words_of(text)):
        spans.extend((m.start(), m.end(), *m.span("v")) for m in _matches(_DATE_WORD_LED, low))
        spans.sort()
    return tuple((start, end, v_start, v_end, text[v_start:v_end]) for start, end, v_start, v_end in spans)


# Small patterns of the checks below, compiled once (a call of re.match looks its pattern up every time).
_A_LETTER = re.compile(r"[A-Za-z]")
_SHORT_DATE = re.compile(r"\d{1,2}/\d{1,2}")
_DOSE_AFTER = re.compile(r"\s{0,2}(?:mg|ml|mcg|units?|hrs?|h|x|%)", _I)
_ADDRESS = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}")


def find_care_dates(text: str) -> list[tuple[int, int]]:
    """Dates of care written without "admitted"/"DOS" right before them: near a clinical word, or after a note
    header label, and not near a project word."""
    out: list[tuple[int, int]] = []
    if not text_digits(text):
        return out
    thing_events = has_any(text, _THING_EVENT_WORDS)
    for m_start, m_end, v_start, v_end, v in date_matches(text):
        if _digits(v) < 2 and not _A_LETTER.search(v):
            continue
        left, right = _window(text, m_start, m_end)
        if "@" in left:
            left = _ADDRESS.sub(" ", left)  # "patient-experience@hospital.org": a mailbox's words are not care
        head = left[-30:]
        lab = _date_label(head) if _maybe_label(head) else None
        if lab is not None:
            if not _FRAME_LABEL_LEAD.search(head, 0, lab):
                out.append((v_start, v_end))  # "Visit date: 3/12", not "Site visit date: 11/12"
            continue
        if frame_label(text, v_start):
            out.append((v_start, v_end))  # "ADMISSION DATE >> 2024-03-11 >> documentation reviewed"
            continue
        label = _CARE_LABEL.search(left[-45:]) if has_any(text, _CARE_LABEL_WORDS) else None
        if label and not _project_words(left[-45:][: label.start()] + " " + right[:30]):
            out.append((v_start, v_end))  # "LMP: 11/20/2023", "Specimen collected 12/03/2023", "Rx filled …"
            continue
        if not (_clinical(text, left) or _clinical(text, right) or ("/" in v and scored_on(text, v_start))):
            continue  # (a score of care before "on" makes the sentence one of care: "Pain was 3/10 on 3/4")
        if _SHORT_DATE.fullmatch(v) and is_tally(text, v_start, v_end):
            continue  # "Go-live readiness: CT (3/4), MRI (3/11)": counts in a list, not dates
        near = left[-40:]
        if _project_closer(near) or (_project_words(right[:30]) and not _care_only(near)):
            continue  # a project word next to the date, unless only a verb of care stands before it
        if _DEADLINE.search(left[-12:]) and not _CARE_VERB.search(left[-30:]):
            continue  # "sign-off by 12/8", "backlog down since 11/1": a deadline or a period, not an event of care
        if thing_events and _THING_EVENT.search(left[-50:]):
            continue  # "The hospital was founded on 3 May 1921", "the ORIF tray recall notice arrived 2026-03-04"
        if _non_person_subject(left[-40:]) and not _UNDERWENT.search(left[-60:]):
            continue  # "the license expired 6/30", not "underwent HIPEC (trial) on 21/5/19"
        if _SHORT_DATE.fullmatch(v) and _DOSE_AFTER.match(right):
            continue  # a dose or ratio ("1/2 tab"), not a date
        if _SHORT_DATE.fullmatch(v) and _UNIT_BEFORE.search(left[-12:]):
            continue  # "Unit 4/12 Smith St": a flat and a house number, not a date
        if _SHORT_DATE.fullmatch(v) and (_SCORE_BEFORE.search(left[-24:]) or score_series(text, v_start, v)):
            continue  # "pain 3/10, power 5/5": a score, not a date
        out.append((v_start, v_end))
    if "VEVENT" in text:
        out.extend(_calendar_dates(text))
    if not has_any(text, _EVENT_GATE):
        return out
    # Each pass starts from its rare anchor (an ordinal; a year after a month) and reads the words before it.
    low = small_letters(text)
    for m in _DAY_GATE.finditer(text) if low is None else _DAY_GATE_SMALL.finditer(low):
        start = m.start() - 1 if m.start() and text[m.start() - 1].isdigit() else m.start()
        event = _EVENT_DAY.search(text, max(0, start - 100), start)
        if event and not case_blind_in(
            _NON_PERSON_SUBJECT, _NON_PERSON_SUBJECT_SMALL, text, max(0, event.start() - 40), event.start()
        ):
            out.append((start, m.end()))
    one_person = has_any(text, _ONE_PERSON_WORDS)
    occasions = has_any(text, _OCCASION_WORDS)
    labels = has_any(text, _FRAME_WORDS)
    if one_person or occasions or labels:
        for m in _YEAR_GATE.finditer(text):
            month = _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if month is None:
                continue
            if labels and frame_label(text, month.start()):
                out.append((month.start(), m.end()))  # "Patient encounter date | February 2039"
                continue
            if occasions and care_occasion(text, month.start()):
                out.append((month.start(), m.end()))  # "At the review in January 2025, …"
                continue
            event = _EVENT_MONTH.search(text, max(0, month.start() - 120), month.start()) if one_person else None
            if not event or (event.group("had") and not _clinical(text, event.group("had"))):
                continue  # "he had a workshop in March 2024": not an event of care
            out.append((month.start(), m.end()))
    return out


# An occasion of care a month and a year date: "At the review in January 2025", "a wound review in February 2019",
# "the assessment recorded in December 2016", "seen at Loupal Health Centre in July 2012". Not a project's
# occasion ("the benefits review in June 2027", "a training session in March").
_OCCASION = re.compile(
    r"\b(?:the|a|an|her|his|their)\s{1,3}"
    r"(?:(?!(?:training|steering|gate|design|project|readiness|benefits|budget|board|go-?live|cutover|vendor"
    r"|security|privacy|audit|annual|quarterly|implementation|programme|program|sprint|team|staff|peer|code"
    r"|contract|stage|phase|quality|performance|strategy|portfolio|business|risk|lessons)\b)[\w-]{1,20}\s{1,3}){0,2}"
    r"(?:review|follow-?up|consultation|examination|exam|appointment|visit|assessment|session|check|check-?up"
    r"|attendance|stay)(?:\s{1,3}(?:was|recorded|performed|held|done|completed|took\s{1,3}place))?"
    r"(?:\s{1,3}at(?:\s{1,3}[\w'’-]{1,25}){1,5})?\s{1,3}in\s{1,3}$"
    r"|\b(?:(?:seen|assessed|treated|admitted)\s{1,3}at|attended|attending|reached)\s{1,3}(?:[\w'’-]{1,25}\s{1,3}){1,5}"
    r"in\s{1,3}$",
    _I,
)
_OCCASION_WORDS = frozenset(
    [
        "review",
        "follow",
        "followup",
        "consultation",
        "examination",
        "exam",
        "appointment",
        "visit",
        "assessment",
        "session",
        "check",
        "checkup",
        "attendance",
        "stay",
        "seen",
        "assessed",
        "treated",
        "admitted",
        "attended",
        "attending",
        "reached",
    ]
)

# Who an occasion of care is with: a patient, a clinician, a family ("Next review in April 2027" is a risk log's).
_CARE_PEOPLE = frozenset(
    [
        "patient",
        "family",
        "therapist",
        "clinician",
        "physiotherapist",
        "carer",
        "caregiver",
        "gp",
        "he",
        "she",
        "nurse",
        "recalled",
        "described",
        "explained",
        "denied",
        "wound",
        "dressing",
        "walking",
        "exercise",
        "exercises",
        "symptoms",
        "pain",
        "therapy",
        "rehabilitation",
        "mobility",
    ]
)


def care_occasion(text: str, start: int) -> bool:
    """An occasion of care right before a date (see _OCCASION), in a text that names who it is with."""
    people = has_any(text, _CARE_PEOPLE) or has_any(text, _CLINICAL_MORE_GATE - _NOT_PEOPLE)
    return people and bool(_OCCASION.search(text, max(0, start - 120), start))


_NOT_PEOPLE = frozenset({"hospital", "e", "check", "blood", "urgent", "clinical", "monitoring", "person"})


# A month and a year after one person's event of care: "she was admitted in March 2024", "he had a stroke in
# February 2024". Only with one person as the subject: "patients seen in March 2024 rose 12%" is a statistic.
# The words the two passes above start their events with.
_FRAME_WORDS = frozenset(
    ["date", "visit", "encounter", "admission", "discharge", "appointment", "consultation", "attendance", "onset"]
)
_EVENT_GATE = frozenset(
    [
        *_FRAME_WORDS,
        *("review", "follow", "followup", "consultation", "examination", "exam", "assessment", "session", "check"),
        *("checkup", "attendance", "stay", "assessed", "attended", "attending", "reached"),
        "admitted",
        "readmitted",
        "discharged",
        "seen",
        "presented",
        "attended",
        "operated",
        "died",
        "passed",
        "transferred",
        "brought",
        "came",
        "hospital",
        "hospitalised",
        "hospitalized",
        "inpatient",
        "visit",
        "appointment",
        "appt",
        "admission",
        "surgery",
        "procedure",
        "operation",
        "scan",
        "mri",
        "diagnosed",
        "treated",
        "had",
    ]
)
_YEAR_GATE = re.compile(r"(?:19|20)(?<![\w/.-]..)\d\d\b")
_ONE_PERSON_WORDS = frozenset({"she", "he", "pt", "patient", "my", "her", "his"})
_EVENT_MONTH = re.compile(
    r"\b(?:she|he|pt|the\s{1,3}patient|(?:my|her|his)\s{1,3}(?:mother|mom|mum|father|dad|son|daughter|wife|husband"
    r"|partner|brother|sister|grandmother|grandfather|grandma|grandpa|baby|child|aunt|uncle))\s{1,3}"
    r"(?:was\s{1,3}|had\s{1,3}been\s{1,3})?"
    r"(?:admitted|readmitted|discharged|diagnosed|seen|treated|hospitali[sz]ed|operated(?:\s{1,3}on)?|died|passed\s{1,3}away"
    r"|(?P<had>had\s{1,3}(?:a|an|her|his)\s{1,3}[a-z]{2,20}(?:\s{1,3}[a-z]{2,20})?))"
    r"\s{1,3}(?:in|on|during)\s{1,3}(?:early\s{1,3}|late\s{1,3}|mid-?\s{0,2})?$",
    _I,
)
_MONTH_BEFORE = re.compile(r"\b" + _MONTH + r"\.?,?\s{1,3}(?:of\s{1,3})?$", _I)


# A score after another score: "pain 3/10 at rest, 6/10 with movement", "power 5/5 right, 4/5 left".
_SCORE_VALUE = re.compile(r"\d{1,2}/(?:10|5)")
_SCORE_BEFORE_SERIES = re.compile(r"(?<![\d/])\d{1,2}/(?:10|5)\b[^.;\n]{0,30}$")


# A symptom rated out of ten or five right before the value: "Mild fatigue (2/10)", "nausea 3/10", "anxiety: 4/10".
_SYMPTOM_BEFORE = re.compile(
    r"\b(?:fatigue|tiredness|nausea|dyspn(?:o)?ea|breathlessness|anxiety|discomfort|headaches?|itch(?:ing|iness)?"
    r"|stiffness|soreness|cramps?|cramping|dizziness|stress|mood|sleepiness)[ \t]{0,3}[(:=]?[ \t]{0,2}$",
    _I,
)


def score_series(text: str, start: int, value: str) -> bool:
    """Whether a value of a score's shape ("6/10") comes after another score in its clause or right after a symptom
    it rates ("Mild fatigue (2/10)")."""
    return _SCORE_VALUE.fullmatch(value) is not None and (
        _SCORE_BEFORE_SERIES.search(text, max(0, start - 40), start) is not None
        or _SYMPTOM_BEFORE.search(text, max(0, start - 24), start) is not None
    )


# A place's founding, a thing's arrival: "the hospital was founded on …", "the tray recall notice arrived …".
_THING_EVENT = re.compile(
    r"\b(?:founded|established|incorporated|inaugurated|built|constructed|renamed"
    r"|(?:notices?|stock|trays?|recalls?|deliver(?:y|ies)|shipments?|supplies|orders?|parcels?|batch(?:es)?|kits?"
    r"|consignments?|alerts?|bulletins?|memos?|invoices?|quotes?)\s{1,3}(?:was\s{1,3}|were\s{1,3})?"
    r"(?:arrived|received|delivered|shipped|issued|came(?:\s{1,3}in)?|sent|published))\s{1,3}(?:on\s{1,3}|in\s{1,3})?$",
    _I,
)
_THING_EVENT_WORDS = frozenset(
    {"founded", "established", "incorporated", "inaugurated", "built", "constructed", "renamed"}
    | {"arrived", "received", "delivered", "shipped", "issued", "came", "sent", "published"}
)
# A procedure the person went through, before a thing's word that would make the date the thing's.
_UNDERWENT = re.compile(r"\b(?:underwent|undergone|s/p|status\s{1,3}post)\b", _I)
_SCORE_BEFORE = re.compile(
    r"\b(?:pain|scores?|power|strength|scale|screening|rated|rating|grade|gcs|mmse|moca|vas|nrs|apgar|reflexes)"
    r"\s{0,3}(?:of\s{1,3}|was\s{1,3}|is\s{1,3}|[:=|]\s{0,3})?$",
    _I,
)
_UNIT_BEFORE = re.compile(r"\b(?:unit|flat|apt|apartment|suite|ste|lot|shop|villa)\.?\s{0,2}$", _I)
# A day of the month without a month after an event of care: "admitted on Wednesday the 3rd", "in hospital from
# the 4th". Only right after such a verb: "the steering committee meets on the 3rd" is a project's.
_DAY_GATE = re.compile(r"\d(?:st|nd|rd|th)\b", _I)
_DAY_GATE_SMALL = re.compile(_DAY_GATE.pattern)  # without IGNORECASE, for a text's small letters
_EVENT_DAY = re.compile(
    r"\b(?:admitted|readmitted|discharged|seen|presented|attended|operated|died|passed\s{1,3}away|transferred"
    r"|brought\s{1,3}in|came\s{1,3}in|in\s{1,3}(?:the\s{1,3})?hospital|hospitali[sz]ed|inpatient\s{1,3}stay"
    r"|(?:visit|appointment|appt|admission|surgery|procedure|operation|scan|mri)\s{1,3}(?:was|is))"
    r"(?:\s{1,3}(?:home|in|at|to|here|again|beginning|starting|(?:the\s{1,3})?(?:ed|er|icu|clinic|ward|a&e)))?"
    r"\s{1,3}(?:(?:on|from|since)\s{1,3})?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s{1,3})?"
    r"the\s{1,3}$",
    _I,
)


# A calendar invite's start and end (iCalendar: "DTSTART;TZID=America/New_York:20230820T090000"), and what the event
# is about (its SUMMARY and DESCRIPTION lines).
_CALENDAR_DATE = re.compile(r"^DT(?:START|END)[^:\n]{0,80}:(?P<v>\d{8})(?:T\d{6}Z?)?\s{0,2}$", re.MULTILINE)
_CALENDAR_ABOUT = re.compile(r"^(?:SUMMARY|DESCRIPTION)[^:\n]{0,80}:(?P<v>[^\n]{0,300})$", re.MULTILINE)


def _calendar_dates(text: str) -> list[tuple[int, int]]:
    """The dates of a calendar invite for a person's care ("SUMMARY:Follow-up for …", "DESCRIPTION:Discuss discharge
    meds"): a word of care in what the event is about, and no project word ("SUMMARY:Go-live steering group")."""
    about = " ".join(m.group("v") for m in _CALENDAR_ABOUT.finditer(text))
    if not _clinical(text, about) or _project_words(about):
        return []
    return [m.span("v") for m in _CALENDAR_DATE.finditer(text)]
