"""Second-generation detectors: identifiers that need the words around them rather than a label right before.

Each detector returns (start, end) spans. All patterns are bounded (no nested unbounded repetition) and context
windows are fixed-size slices, so the work per match is constant and a scan stays linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from commands.phi.people import _NON_PERSON_SUBJECT, org_address
from commands.phi.shared import _DATE, _I, _MONTH, _ORD, _SPELLED, _digits, _matches, has_any, text_digits, words_of


# --- clinical context -----------------------------------------------------------------------------------------
# Words that tie a nearby date or name to a patient's care. A PMO writes "go-live 3/14"; a clinician (or someone
# pasting a note) writes "seen in clinic 3/14", "cath 2/18", "TRANS TO GH 7/23".
def _by_first_letter(alternatives: str) -> str:
    """An alternation of words, each starting with a letter, regrouped by that letter ("pt|pts|seen" ->
    "p(?:t|ts)|seen"): the regex engine then tries one group at each position instead of every word, several times
    faster, and finds the same matches (words with different first letters never compete at one position, and the
    order within a letter is kept)."""
    groups: dict[str, list[str]] = {}
    depth, cur, i = 0, "", 0
    alts = []
    while i < len(alternatives):  # split at the top-level bars
        ch = alternatives[i]
        if ch == "\\":
            cur += alternatives[i : i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    alts.append(cur)
    for a in alts:
        if not a[:1].isalpha():
            raise ValueError(f"{a!r} does not start with a letter")
        groups.setdefault(a[0].lower(), []).append(a[1:])
    return "|".join(k + (f"(?:{'|'.join(v)})" if len(v) > 1 else v[0]) for k, v in groups.items())


_CLINICAL = re.compile(
    r"\b(?:"
    + _by_first_letter(
        r"pt|pts|patient|seen|present(?:s|ed|ing)(?!\s{1,3}(?:the|our|an?|their|his|her|its|this|these)\b)"
        r"|admit(?:ted)?|admission(?=\s{1,3}(?:was|on)\b)|readmitted|discharged?|transferred"
        r"|trans(?=\s{1,3}to\b)|arrived|arrival|found\s{1,3}by|fell|fall|died|expired|deceased|diagnosed|dx|hx|s/p"
        r"|cath|catheteri[sz]ation|cabg|surgery|operation|op|procedure|ecg|ekg|mri|cxr|ct\s{1,3}scan|x-?ray"
        r"|radiology|labs?|hba1c|a1c|inr|ffp|prbc|ophth|endo(?:crine)?|clinic|f/u|follow[- ]?up|rv|review|referred"
        r"|referral|called|bloods|booked|appt|appointment|record\s{1,3}date|visit|study\s{1,3}date|exam|er|ed|ew"
        r"|icu|ccu|hosp(?:ital)?|ambulance|ems|triage|nursing|nsg|dictated|mibi|echo|injury|symptoms?"
        r"|complain(?:s|ed)?|c/o|denies|reports\s{1,3}(?:adherence|pain)|stenosis|abscess|biopsy|stroke|mi|results?"
        r"|treated|tx['’]?d|underwent|unresponsive|hospitali[sz]ed|onset"
    )
    + r")\b",
    _I,
)
# Rarer words of care, searched only in a text that has one of them (_clinical below); _CLINICAL_ALL has both.
_CLINICAL_MORE_WORDS = r"""
    colonoscopy|endoscopy|gastroscopy|bronchoscopy|mammogram|ultrasound|infusion|transfusion|dialysis
    |chemo(?:therapy)?|vaccinated|vaccination|injection|physio(?:therapy)?|check-?up|a&e|gp|urgent\s{1,3}care
    |inpatient|in\s{1,3}(?:the\s{1,3})?hospital|gave\s{1,3}birth
    |(?:she|mum|mom|mother|baby|twins)\s{1,3}(?:was\s{1,3}|were\s{1,3})?delivered
    |operated|intubated|extubated|ventilated|resuscitated|sedated|examination|examined|bp(?=\s{0,2}:?\s{0,2}\d{2,3}/\d{2,3})|vitals?|vital\s{1,3}signs|spo2|pulse(?=\s{0,2}(?:rate\s{0,2})?:?\s{0,2}\d)|bmi
    |blood\s{1,3}pressure
    |(?:knee|hip|joint|valve|shoulder)\s{1,3}(?:was\s{1,3})?replace(?:d|ment)
""".replace("\n", "").replace(" ", "")
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
    ]
)


def _clinical(text: str, window: str) -> bool:
    """A word of care in a window of the text (the rarer words only when the text has one)."""
    return bool(_CLINICAL.search(window)) or (
        has_any(text, _CLINICAL_MORE_GATE) and bool(_CLINICAL_MORE.search(window))
    )


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
        r"|calibrat(?:ed|ion)|bugs?|defects?"
    )
    + r")\b",
    _I,
)
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
# A date written as labelled in a note header: "Record date: 2069-04-07", "DV: 04/07/69", "Visit Date: 23.12.2023".
_DATE_LABEL = re.compile(
    r"\b(?:record|visit|study|service|exam|surgery|procedure|appointment|appt|admission|discharge|arrival|dictated"
    r"|transcribed|encounter|clinic)\s{1,3}date\b|(?<![-/])\b(?-i:DV|DD|DT)\b(?=\s{0,2}[:=])|\b(?-i:DOA|DOD|DOS|DOV|DOI)\b"
    r"|\bnext\s{1,3}appointment\b|\b(?:date|time)\s{1,3}of\s{1,3}(?:encounter|visit|injury|procedure|surgery|service"
    r"|admission|discharge|death|exam|consult(?:ation)?|arrival|onset)\b",
    _I,
)


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


def _project_closer(left: str) -> bool:
    """A project word just before the date, and no clinical word after it: "go-live 3/14" is the project's,
    "hip replacement surgery at Mercy on 3/15" is the patient's."""
    found = list(_PROJECT.finditer(left))
    return bool(found) and not _care_through(left, found[-1].start(), found[-1].end())


def _care_through(left: str, start: int, end: int) -> bool:
    """A word of care after a project word, or one that ends with it ("knee replaced": "replaced" is a project
    word too)."""
    return any(m.end() >= end for m in _CARE_AFTER.finditer(left, max(0, start - 40)))


def _care_only(near: str) -> bool:
    """A word of care near the date and every project word there part of it ("knee replaced on 7/13")."""
    if not _CARE_AFTER.search(near):
        return False
    return not _project_words(near)


def _project_words(s: str) -> bool:
    """A project word that is not part of a phrase of care ("knee replaced", "dressing change", "appointment is
    scheduled")."""
    return any(
        not any(c.start() < p.end() <= c.end() for c in _CARE_AFTER.finditer(s, max(0, p.start() - 40)))
        for p in _PROJECT.finditer(s)
    )


@lru_cache(maxsize=4)  # find_care_dates and ids.find_dates of one scan share it
def date_matches(text: str) -> tuple[tuple[int, int, int, int, str], ...]:
    """Every date in the text: (match start, match end, value start, value end, value)."""
    return tuple((m.start(), m.end(), m.start("v"), m.end("v"), m.group("v")) for m in _matches(_DATE_RX, text))


def find_care_dates(text: str) -> list[tuple[int, int]]:
    """Dates of care written without "admitted"/"DOS" right before them: near a clinical word, or after a note
    header label, and not near a project word."""
    out: list[tuple[int, int]] = []
    if not text_digits(text):
        return out
    for m_start, m_end, v_start, v_end, v in date_matches(text):
        if _digits(v) < 2 and not re.search(r"[A-Za-z]", v):
            continue
        left, right = _window(text, m_start, m_end)
        head = left[-30:]
        if _maybe_label(head) and _DATE_LABEL.search(head):
            out.append((v_start, v_end))
            continue
        label = _CARE_LABEL.search(left[-45:]) if has_any(text, _CARE_LABEL_WORDS) else None
        if label and not _project_words(left[-45:][: label.start()] + " " + right[:30]):
            out.append((v_start, v_end))  # "LMP: 11/20/2023", "Specimen collected 12/03/2023", "Rx filled …"
            continue
        if not (_clinical(text, left) or _clinical(text, right)):
            continue
        near = left[-40:]
        if _project_closer(near) or (_project_words(right[:30]) and not _care_only(near)):
            continue  # a project word next to the date, unless only a verb of care stands before it
        if _DEADLINE.search(left[-12:]) and not _CARE_VERB.search(left[-30:]):
            continue  # "sign-off by 12/8", "backlog down since 11/1": a deadline or a period, not an event of care
        if _NON_PERSON_SUBJECT.search(left[-40:]):
            continue  # "the license expired 6/30"
        if re.fullmatch(r"\d{1,2}/\d{1,2}", v) and re.match(r"\s{0,2}(?:mg|ml|mcg|units?|hrs?|h|x|%)", right, _I):
            continue  # a dose or ratio ("1/2 tab"), not a date
        if re.fullmatch(r"\d{1,2}/\d{1,2}", v) and _UNIT_BEFORE.search(left[-12:]):
            continue  # "Unit 4/12 Smith St": a flat and a house number, not a date
        out.append((v_start, v_end))
    if not has_any(text, _EVENT_GATE):
        return out
    # Each pass starts from its rare anchor (an ordinal; a year after a month) and reads the words before it.
    for m in _DAY_GATE.finditer(text):
        start = m.start() - 1 if m.start() and text[m.start() - 1].isdigit() else m.start()
        event = _EVENT_DAY.search(text, max(0, start - 100), start)
        if event and not _NON_PERSON_SUBJECT.search(text, max(0, event.start() - 40), event.start()):
            out.append((start, m.end()))
    if has_any(text, _ONE_PERSON_WORDS):
        for m in _YEAR_GATE.finditer(text):
            month = _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
            if month is None:
                continue
            event = _EVENT_MONTH.search(text, max(0, month.start() - 120), month.start())
            if not event or (event.group("had") and not _clinical(text, event.group("had"))):
                continue  # "he had a workshop in March 2024": not an event of care
            out.append((month.start(), m.end()))
    return out


# A month and a year after one person's event of care: "she was admitted in March 2024", "he had a stroke in
# February 2024". Only with one person as the subject: "patients seen in March 2024 rose 12%" is a statistic.
# The words the two passes above start their events with.
_EVENT_GATE = frozenset(
    [
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


_UNIT_BEFORE = re.compile(r"\b(?:unit|flat|apt|apartment|suite|ste|lot|shop|villa)\.?\s{0,2}$", _I)
# A day of the month without a month after an event of care: "admitted on Wednesday the 3rd", "in hospital from
# the 4th". Only right after such a verb: "the steering committee meets on the 3rd" is a project's.
_DAY_GATE = re.compile(r"\d(?:st|nd|rd|th)\b", _I)
_EVENT_DAY = re.compile(
    r"\b(?:admitted|readmitted|discharged|seen|presented|attended|operated|died|passed\s{1,3}away|transferred"
    r"|brought\s{1,3}in|came\s{1,3}in|in\s{1,3}(?:the\s{1,3})?hospital|hospitali[sz]ed|inpatient\s{1,3}stay"
    r"|(?:visit|appointment|appt|admission|surgery|procedure|operation|scan|mri)\s{1,3}(?:was|is))"
    r"(?:\s{1,3}(?:home|in|at|to|here|again|beginning|starting|(?:the\s{1,3})?(?:ed|er|icu|clinic|ward|a&e)))?"
    r"\s{1,3}(?:(?:on|from|since)\s{1,3})?(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s{1,3})?"
    r"the\s{1,3}$",
    _I,
)


# --- payment cards and bank accounts ---------------------------------------------------------------------------
_CARD = re.compile(r"(?P<v>\d(?<![\w-].)(?:[ -]?\d){11,18})(?![\w-])")
_IBAN = re.compile(r"(?P<v>[A-Z](?<![\w-].)[A-Z]\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(v: str) -> bool:
    s = v.replace(" ", "")
    moved = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in moved)
    return len(s) >= 15 and int(num) % 97 == 1


def find_cards(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_CARD, text) if text_digits(text) >= 12 else ():
        d = re.sub(r"\D", "", m.group("v"))
        if 13 <= len(d) <= 19 and _luhn(d) and len(set(d)) >= 2:
            out.append(m.span("v"))
    out.extend(
        m.span("v")
        for m in _matches(_IBAN, text)
        if _iban_ok(m.group("v")) and not _vendor_account(text, m.start(), m.end(), iban=True)
    )
    return out


# --- labelled numbers the first generation missed --------------------------------------------------------------
_GAP = (
    r"\.?(?:\s{0,2}\([^()\n]{1,24}\))?(?:\s{1,3}(?:(?:is|was|of|no|number|num|nbr|id|identifier|ref|reference|key|given"
    r"|as|ending)\b\.?|\#)){0,4}"
    r"\s{0,3}(?:\#?[:=]|\#|>>|/(?=\s)|\|)?[ \t]{0,12}[#(]?"
)
# A value: letters and digits with inner hyphens or slashes, or digits in groups with single spaces ("224 501 8243",
# "2123 45670 1"): all of it, so that a redaction leaves none of it behind.
_VAL = r"(?P<v>(?:\d{2,5}(?: \d{1,6}){1,3}(?![\w-])|[A-Za-z0-9](?:[A-Za-z0-9/-]{1,38}[A-Za-z0-9])?)(?![A-Za-z0-9-]))"
# A national number's shapes: SSN/SIN/TFN (3-2-4, 3-3-3), Aadhaar (4-4-4), Irish PPS (7 digits and a letter or
# two), Swedish personnummer (6 or 8 digits, a dash, 4), UK National Insurance (QQ 12 34 56 C).
_SSN_VAL = (
    r"(?P<v>\d{3}[-. ]?\d{2,3}[-. ]?\d{3,4}|\d{4}[ -]?\d{4}[ -]?\d{4}|\d{7}[A-Wa-w][A-Wa-w]?|\d{6}(?:\d\d)?[-+]\d{4}"
    r"|[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d])(?![\w-])"
)
_LABELLED = {
    "mrn": re.compile(
        r"(?:\bmrn\b|\bm\.\s?r\.\s?n\b\.?|\b(?-i:MR|EMR)\b\.?\s{0,2}(?=[:#])|\bmed[i1l]cal[\s-]{1,3}(?:record|file)(?:\s{1,3}number)?\b"
        r"|\bchart\s{1,3}(?:no|number|id|key|ref|reference)\b"
        r"|\b(?:patient|hospital|hosp)\.?\s{1,3}(?:id|number|no)\b|\bclient\s{0,2}(?:\#|id|no)"
        r"|\b(?:encounter|visit|accession|case)\s{1,3}(?:id|\#|no|n0|number|key|ref|reference)\b)" + _GAP + _VAL,
        _I,
    ),
    "plan-number": re.compile(
        r"(?:\bhealth\s{1,3}(?:plan|card|insurance)\b|\b(?:plan|policy|member|subscriber|group)(?:\s{1,3}holder['’]?s?)?\s{1,3}(?:id|\#|no|number)\b"
        r"|\binsurance(?<!social\sinsurance)(?<!national\sinsurance)(?:\s{1,3}(?:plan|number|no|id))?\b|\binsurer\b|\b(?-i:HMO|PPO|OHIP|HCN|RAMQ|MSP)\b"
        r"|\b(?:bank(?:ing)?\s{1,3})?account\s{0,3}(?:\#|number|no\b|ref(?:erence)?\b)|\bacct\b|\bclaim\b|\biban\b"
        r"|\b(?:billing|ledger|finance|financial)\s{1,3}(?:account|reference|ref)\b|\binsurance\s{1,3}identifier\b"
        r"|\b(?:credit|debit)\s{1,3}card\b|\bcard\s{1,3}(?:number|no|\#)|\bcc\b|\bcard\b(?=\s{0,2}:?\s{1,3}\d)"
        r"|\bdriver['’]?s?\s{1,3}licen[cs]e\b|\bpassport\b)" + _GAP + _VAL,
        _I,
    ),
    "ssn": re.compile(
        r"(?:\bssn\b|\bitin\b|\btaxpayer\s{1,3}(?:id|number)\b|\bsocial\s{1,3}(?:security|insurance)(?:\s{1,3}(?:number|no))?\b"
        r"|\b(?-i:SIN)\b|\bsin(?:\s{1,3}(?:number|no)|\s{0,3}\#)|\bss\s{0,2}(?:\#|number\b|no\b))"
        + _GAP
        + r"-?"
        + _SSN_VAL,
        _I,
    ),
}


# Labels looked for only in a text with one of their words (they are rare; most texts skip their search).
_LABELLED_RARE = (
    (
        "ssn",
        re.compile(
            r"(?:\btax\s{1,3}id\b|\bsoc\.?\s{0,3}sec\b\.?|\bsocial\b(?=\s{0,3}(?:[:#]|is\b|was\b))"
            r"|\b(?:aadh?aar|ppsn?|tfn|tax\s{1,3}file\s{1,3}number|bsn|personnummer|cpr|nino)\b"
            r"|\b(?:national\s{1,3}(?:id(?:entity)?|insurance)|ni)\s{0,3}(?:card\s{1,3})?(?:number|no|\#|id)?(?![\w-]))"
            + _GAP
            + _SSN_VAL,
            _I,
        ),
        frozenset(
            {"tax", "soc", "social", "aadhaar", "aadhar", "pps", "ppsn", "tfn", "bsn", "personnummer", "cpr", "nino"}
            | {"national", "ni"}
        ),
    ),
    (
        "mrn",
        re.compile(
            r"(?:\bhealth\s{1,3}record(?:\s{1,3}(?:number|no))?\b"
            r"|\bacc\s{0,2}\#|\b(?:requisition|unit|ur|rx|prescription|specimen|accession)\s{0,3}"
            r"(?:id|\#|no|n0|number|key|ref|reference)(?!\w)|\b(?:specimen|accession)\b|\b(?-i:NHS|CHI|IHI|NHI|UPI|URN|EMPI|MPI)\b)"
            + _GAP
            + _VAL,
            _I,
        ),
        frozenset(
            {"requisition", "ur", "rx", "prescription", "nhs", "chi", "ihi", "nhi", "upi", "urn"}
            | {"specimen", "accession", "acc", "empi", "mpi"}
        ),
    ),
    (
        "plan-number",
        re.compile(
            r"\b(?:bcbs|blue\s{1,3}(?:cross|shield)|aetna|cigna|humana|uhc|anthem|kaiser|tricare|medi-?cal)\s{0,3}"
            r"(?:member\s{1,3})?(?:id|\#|no|number)(?!\w)" + _GAP + _VAL,
            _I,
        ),
        frozenset({"bcbs", "blue", "aetna", "cigna", "humana", "uhc", "anthem", "kaiser", "tricare", "medi"}),
    ),
)
_UNIT_RECORD = frozenset({"unit", "record"})
_NUMBER_WORDS = frozenset({"number", "no", "nbr", "id"})
# A piece of every label above, in small letters: a label whose pieces are all absent from an ASCII text cannot
# match, so its search is skipped (a text with other characters is always searched: "ſ" matches "s" ignoring case).
_LABEL_PIECES = {
    "mrn": (
        "mr",
        "m.r",
        "med",
        "chart",
        "patient",
        "hosp",
        "client",
        "encounter",
        "visit",
        "accession",
        "case",
    ),
    "plan-number": (
        *("health", "plan", "policy", "member", "subscriber", "group", "insur", "hmo", "ppo", "ohip", "hcn"),
        *("ramq", "msp", "account", "acct", "claim", "iban", "billing", "ledger", "financ", "card", "cc"),
        *("driver", "passport"),
    ),
    "ssn": (),
}
# Labels that are short or common pieces of other words ("ni" in "clinic"): looked for as whole words.
_LABEL_WORDS = {
    "mrn": frozenset(),
    "plan-number": frozenset(),
    "ssn": frozenset({"ssn", "ss", "itin", "taxpayer", "social", "sin"}),
}


_VENDOR = re.compile(
    r"\b(?:vendor|supplier|azure|aws|gcp|cloud|sftp|api|subscription|invoice[sd]?|renew(?:al|ed)?|licen[cs]e[sd]?"
    r"|gl|general\s{1,3}ledger|cost\s{1,3}cent(?:er|re)|software|hardware"
    r"|contract|procurement|saas|tenant)\b",
    _I,
)


def _vendor_account(text: str, start: int, end: int, iban: bool = False) -> bool:
    """An account of the organisation with a vendor ("our billing account 44120038 with the vendor renewed"), not a
    patient's: the label is an account's, a vendor or cloud word is nearby, and no word of care. (Member, policy
    and plan numbers are always a person's.)"""
    if not iban and not re.match(r"(?i)(?:bank|account|acct|billing|ledger|financ)", text[start:end]):
        return False
    left, right = _window(text, start, end, before=60, after=60)
    around = left + " " + right
    return bool(_VENDOR.search(around)) and not _CLINICAL.search(around)


def _at_words(rx: re.Pattern[str], text: str, lower: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with one of the words, tried only where the words are (a few
    ``str.find`` calls instead of a search at every position); a text with other characters is searched."""
    if not lower:
        yield from _matches(rx, text)
        return
    starts: set[int] = set()
    for w in words & words_of(text):
        i = lower.find(w)
        while i >= 0:
            starts.add(i)
            i = lower.find(w, i + 1)
    for i in sorted(starts):
        m = rx.match(text, i)
        if m:
            yield m


def find_labelled(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    if text_digits(text) < 4:
        return out  # every labelled value has at least four digits
    lower = text.lower() if text.isascii() else ""
    rules: list[tuple[str, Iterator[re.Match[str]]]] = [
        (kind, _matches(rx, text))
        for kind, rx in _LABELLED.items()
        if not lower or any(piece in lower for piece in _LABEL_PIECES[kind]) or has_any(text, _LABEL_WORDS[kind])
    ]
    unit_record = has_any(text, _UNIT_RECORD) and has_any(text, _NUMBER_WORDS)  # "unit number 30-800273"
    for i, (kind, rx, words) in enumerate(_LABELLED_RARE):
        if has_any(text, words) or (unit_record and i == 1):
            rules.append((kind, _at_words(rx, text, lower, words | _UNIT_RECORD | {"health"})))
    for kind, found in rules:
        for m in found:
            v = m.group("v")
            need = 6 if kind == "ssn" else 4
            if _digits(v) < need:
                continue
            if kind != "ssn" and re.fullmatch(r"(?:19|20)\d\d(?:-\d{1,2}){0,2}", v):
                continue  # a year or a date, not an identifier
            if kind == "plan-number" and _vendor_account(text, m.start(), m.end()):
                continue
            out.append((kind, m.start("v"), m.end("v")))
    return out


# --- phones the first generation missed ---------------------------------------------------------------------------
_PHONE_CTX = re.compile(
    r"\b(?:"
    + _by_first_letter(
        r"phones?|ph|tel|telephone|cell|mobile|mob|fax|pager|beeper|bleep|ext|extension|contact|call(?:ed)?"
        r"|callback|text|sms|number\s{1,3}is|reach(?:ed|able)?\s{1,3}at|answering|dial(?:led)?"
    )
    + r")\b\.?\s{0,3}"
    r"(?:(?:her|him|them|me|us|pt|patient|back|the\s{1,3}patient|the\s{1,3}family)\s{1,3})?"
    r"(?:(?:is|at|on|using|via|number|no|contact|\#)\s{0,3}){0,2}(?:[:#=]|>>|/(?=\s)|\|)?\s{0,3}"
    r"(?P<v>\+?\(?\d{1,4}\)?(?:[ ./-]{0,2}\(?\d{1,5}\)?){0,5})(?![\w-]|\.\d)",
    _I,
)
# The words the pattern above starts with (each a whole word): an ASCII text with none of them is not searched.
_PHONE_CTX_WORDS = frozenset(
    [
        "phone",
        "phones",
        "ph",
        "tel",
        "telephone",
        "cell",
        "mobile",
        "mob",
        "fax",
        "pager",
        "beeper",
        "bleep",
        "ext",
        "extension",
        "contact",
        "call",
        "called",
        "callback",
        "text",
        "sms",
        "number",
        "reach",
        "reached",
        "reachable",
        "answering",
        "dial",
        "dialled",
    ]
)
_SLASHED = re.compile(r"(?P<v>[2-9](?<![\w/].)\d{2}/[2-9]\d{2}/\d{4})(?![\w/])")
_INTL = re.compile(
    r"(?P<v>\+(?<![\w+].)(?:\d{1,3}|\(\d{1,3}\))[ .-]?(?:\(0\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5})(?![\w-]|\.\d)"
)


_TOLL_FREE = re.compile(r"(?:\+?1[-. ]?)?\(?8(?:00|33|44|55|66|77|88)\)?[-. ]?\d{3}[-. ]?\d{4}(?!\d)")


def find_phones(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if text_digits(text) < 4:
        return out
    gated = text.isascii() and not has_any(text, _PHONE_CTX_WORDS)
    for m in () if gated else _matches(_PHONE_CTX, text):
        v = m.group("v")
        d = _digits(v)
        pager = re.match(r"(?i)pager|beeper|bleep", m.group(0))
        if re.fullmatch(_DATE, v, _I):
            continue  # "call on 2024-03-12" is a date (the date rules judge it), not a number to call
        if _TOLL_FREE.match(v):
            continue  # "call 1-800-555-0199": an organisation's toll-free line, never a person's
        if (pager and 4 <= d <= 7) or 7 <= d <= 15:
            out.append(m.span("v"))
    if "/" in text:
        out.extend(m.span("v") for m in _matches(_SLASHED, text))
    if "+" in text:
        out.extend(m.span("v") for m in _matches(_INTL, text) if 8 <= _digits(m.group("v")) <= 15)
    return out


# --- emails --------------------------------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])(?P<v>(?P<l>[\w.+-]{1,64})@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6})(?![\w-])")
# Mailboxes of a team or a system, not of a person.
_ROLE_MAILBOX = re.compile(
    r"(?i)(?:no-?reply|do-?not-?reply|support|help(?:desk)?|service-?desk|servicedesk|it-?support|admin|info|webmaster"
    r"|postmaster|security|privacy|compliance|hr|sales|billing|contact|team|office|opencode|abuse|root|dev|ops|noc"
    r"|pmo|epic|cerner|interfaces?|integration|hl7|alerts?|notifications?)(?:[._+-][a-z0-9]{1,12})?"
)
_MY = re.compile(r"\b(?:my|your|his|her|their|patient['’]?s?|pt['’]?s?|e-?mail|from|contact)\b[^@\n]{0,25}$", _I)


def find_emails(text: str) -> list[tuple[int, int]]:
    """A person's mailbox: said to be someone's ("my email is", "Email:"), or not a team's and not in a
    sentence about the project ("jane.doe@hospital.org owns the ADT interface build" is a colleague)."""
    out: list[tuple[int, int]] = []
    if "@" not in text:
        return out  # every address has an at sign
    for m in _matches(_EMAIL, text):
        personal = _MY.search(text[max(0, m.start() - 30) : m.start()])
        if not personal:
            if _ROLE_MAILBOX.fullmatch(m.group("l")):
                continue
            left, right = _window(text, m.start(), m.end(), before=80, after=80)
            if _PROJECT.search(left + " " + right) and not _CLINICAL.search(left + " " + right):
                continue
        out.append(m.span("v"))
    return out


# --- addresses -----------------------------------------------------------------------------------------------------
_ADDR_LABEL = re.compile(
    r"(?:\b(?:billing|mailing|home|street|postal|residential|patient['’]?s?)\s{1,3}address\b|\baddress\b(?<!\bip\saddress)(?<!\bmac\saddress)(?<!mail\saddress)(?=\s{0,3}:)"
    r"|\blives\s{1,3}(?:at|on)\b|\bdischarge[sd]?\s{1,3}to\b(?=\s{0,3}:?\s{0,3}\d))"
    r"\s{0,3}(?:(?:verified|per\s{1,3}id)\s{0,3})?[:=]?\s{0,6}(?P<v>[^\n]{3,60})",
    _I,
)
_LIVES_IN = re.compile(
    r"\blives\s{1,3}in\s{1,3}(?!(?:a|an|the|her|his|their|assisted|nursing|group|care|shelter)\b)(?P<v>[A-Za-z][\w'-]{2,30})",
    _I,
)
_POBOX = re.compile(
    r"(?P<v>\bp\.?\s?o\.?\s{0,2}box\s{1,3}\d{1,6}|\b(?-i:PSC|CMR|UNIT)\s{1,3}\d{1,5},?\s{1,3}box\s{1,3}\d{1,5}"
    r"|\b(?-i:APO|FPO|DPO)\s{1,3}(?-i:AA|AE|AP)\s{1,3}\d{5})",
    _I,
)
_ZIP_LABEL = re.compile(
    r"\b(?:zip(?:\s{0,2}code)?|postal\s{1,3}code|post\s{0,2}code|eircode|pin\s{0,2}code)\s{0,3}(?:(?:is|was)\s{1,3})?[:#]?\s{0,3}(?P<v>[A-Z0-9][A-Z0-9 -]{2,9}[A-Z0-9])\b",
    _I,
)


# A street line written the European or Commonwealth way, then a town and a postal code, with no US street word:
# "Fortunastrasse 112, Epesses, 1098", "53 place Stanislas, NANTES, PL 44000", "ul. Franciszkańska 12, Warszawa,
# 00-227", "Parksingel 45, Bemmel, GE 6681 NC". The house number, the comma, a capitalised town and a postal code
# (not a year) together are the shape; any one alone is not.
_UP = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])"
_AWORD = r"[^\W\d_][\w'’.-]{0,30}"
_INTL_ADDR = re.compile(
    r"(?<![\w,.-])(?P<v>(?:\d{1,5}[A-Za-z]?\s{1,3}(?:" + _AWORD + r"\s{1,3}){0,4}" + _UP + r"[\w'’.-]{1,30}"
    r"|" + _UP + r"[\w'’.-]{1,30}(?:\s{1,3}" + _AWORD + r"){0,3}\s{1,3}\d{1,5}[A-Za-z]?)"
    r"(?:,\s{1,3}|[ \t]{0,2}\n[ \t]{0,2})" + _UP + r"[\w'’.-]{1,30}(?:\s{1,3}(?:" + _AWORD + r")){0,3}"
    r",?\s{1,3}(?:(?-i:[A-Z]{1,3})\s{1,3}|\d{2}\s{1,3})?"
    r"(?P<pc>(?:\d{3,6}|\d{2}(?=-\d{3}))(?:[- ]\d{2,4})?(?:\s(?-i:[A-Z]{2}))?|(?-i:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})))(?![\w-]|[.,]\d)"
)


# Numbered things of a project or a building, not streets: "Wave 2, Go-Live Weekend, 1400 users".
_NOT_STREET = re.compile(
    r"(?i)(?:wave|sprint|site|unit|phase|release|tower|level|building|bldg|block|floor|room|rm|ward|bed|bay|step"
    r"|stage|version|v|week|day|team|group|cohort|batch|pod|zone|lab|gate|track|lane|line|item|part|section|chapter"
    r"|module|tier|ring|region|area|sector|wing|pavilion|campus|station|window|slot|round|option|scenario|test"
    r"|case|ticket|story|epic|task|milestone|quarter|q|fy|year|month|page|table|figure|appendix|no|number"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?"
)
_QUANTITY = re.compile(
    r"\s{1,3}(?:users?|beds?|devices?|sq|square|points?|staff|patients|people|hours?|hrs?|records|tickets|items|rows"
    r"|sites|licen[cs]es|seats|endpoints|workstations|pcs|laptops|printers|interfaces|orders|messages|tests|visits)\b",
    _I,
)


def _intl_address(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_INTL_ADDR, text):
        pc = m.group("pc")
        if re.fullmatch(r"(?:19|20)\d\d", pc):
            continue  # "Release 4, Phase Two, 2025": a year, not a postal code
        first = re.match(r"\d*\s*([^\W\d_][\w.]*)", m.group("v"))
        if first and _NOT_STREET.fullmatch(first.group(1)):
            continue  # "Sprint 14, Team Alpha, 120 story points"
        if _QUANTITY.match(text, m.end()):
            continue  # "…, 3500 devices": a count, not a postal code
        out.append(m.span("v"))
    return out


# A postal code of one of several countries' shapes ending a line of an address, with a house number and a comma
# before it on the same line: "Flat 67, Smith Course, Jonesberg, B4 6AS" (UK), "Maxweg 519, 9690 BV, Zoutkamp"
# (NL), "669 Reyes Port, Manuelchester, TAS, 2676" (AU), "Hermann-Josef-Scheel-Weg 99-74, 02716 Waldmünchen"
# (DE), "H.No. 628, Dua Road, Aurangabad-431916" (IN). The postal code alone, or a number and a comma alone, is not
# an address; the three together within 90 characters of one line are.
# Two patterns, each led by a character class (a capital; a digit) so the engine skips to where one can start.
_POSTCODE_LETTERS = re.compile(
    r"(?P<pc>[A-Z](?<![\w-].)(?:[A-Z]?\d[A-Z\d]?\s\d[A-Z]{2}|(?:(?<=N)(?:SW|T)|(?<=V)IC|(?<=Q)LD|(?<=T)AS|(?<=[SW])A|(?<=A)CT),?\s\d{4}))"
    r"(?![\w-]|[.,]\d)"
)
_TOWN = _UP + r"[^\W\d_]{2,30}(?:[-'’][^\W\d_]{1,30}){0,3}"  # "Bourgeois-la-Forêt"
_POSTCODE_DIGITS = re.compile(
    r"(?P<pc>\d(?:(?<![\w-].)\d{3}\s?(?-i:[A-Z]{2})(?=,|\s{0,2}$|\s{1,3}(?-i:[A-Z])[a-z])"
    # a postal code and the town after it: "50968 Köln", "2187 Gföhl", "733 06 Protivín", "3587-150 Ermesinde",
    # "30-711 Białystok", "87150-211 Marques"
    r"|(?<![\w-].)(?:(?:(?<=[03-9])|(?<=1)(?!9)|(?<=2)(?!0))\d{3}|\d{4}|\d{2}\s\d{2}|\d{3}-\d{3}|\d-\d{3}|\d{4}-?\d{3})"
    r"\s" + _TOWN + r""
    # a postal code before a comma and the town: "00163, Roma"
    r"|(?<![\w-].)\d{4}(?=,\s{1,3}" + _TOWN + r")"
    r"|(?<=[a-z]-.)\d{5}|(?<=\s.)\d{5}(?=\s{0,2}(?:,|$|\n|\?|\.\s)|\s{1,3}[a-z])))(?![\w-]|[.,]\d)"
)
_HOUSE = re.compile(
    r"(?:(?<![\w.,/-])\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?(?=,?\s{1,3}" + _UP + r"|,?\s{1,3}(?:rue|av|avenue|bd|boulevard"
    r"|chemin|allée|place|quai|via|viale|calle|carrer|rua|strada)\b)"
    # a street and its number before a comma or a line break: "Weissplatz 339,", "Canale Maurilio, 45,"
    r"|" + _UP + r"[\w'’.-]{1,30},?\s\d{1,5}(?:[-/]\d{1,5})?[A-Za-z]?(?=,|[ \t]{0,2}\n))"
)
# A street word and its number right before the postal code, with no comma: "Parkvägen 83 59150 Lidingö".
_HOUSE_TIGHT = re.compile(_UP + r"[^\W\d_]{3,30}\s\d{1,4}[A-Za-z]?(?:[-/]\d{1,4})?\s{1,2}$")


_YEAR_PC = re.compile(r"(?:19|20)\d\d(?:\s?[A-Z]{2}$|\s)")


def _postal_address(text: str) -> list[tuple[int, int]]:
    out = []
    for m in [*_POSTCODE_LETTERS.finditer(text), *_POSTCODE_DIGITS.finditer(text)]:
        pc = m.group("pc")
        if _YEAR_PC.match(pc):
            continue  # a year, not a postal code ("2025 Roadmap")
        firm = _FIRM_CODE.fullmatch(pc)
        if not firm and _english_town(pc):
            continue  # "Westside 3, 4471 Appointments migrated": a count of things, not a town
        if _QUANTITY.match(text, m.end()) or _QUANTITY.match(text, m.start() + len(pc.split()[0])):
            continue
        own_line = text.rfind("\n", 0, m.start()) + 1
        line_start = max(own_line, m.start() - 90)
        seg = text[line_start : m.start()]
        h = _HOUSE.search(seg) if "," in seg else None
        if h is None and own_line and m.start() - own_line <= 30:
            # The street may stand on a line or two above the postal code ("Gentorget 306\n99705 Ängelholm").
            line_start = text.rfind("\n", 0, own_line - 1) + 1
            if own_line - line_start <= 40 and line_start:
                line_start = text.rfind("\n", 0, line_start - 1) + 1
            line_start = max(line_start, m.start() - 120)
            seg = text[line_start : m.start()]
            h = _HOUSE.search(seg)
        tight = None if h else _HOUSE_TIGHT.search(seg, max(0, len(seg) - 45))
        h = h or tight
        if not h:
            continue
        first = _FIRST_WORD.match(text, line_start + h.start(), line_start + h.start() + 40)
        house_no = _HOUSE_NO.search(text, max(0, line_start + h.start() - 8), line_start + h.start())
        if first and _NOT_STREET.fullmatch(first.group(1)) and not house_no:
            continue  # "Room No. 12, …" — but "House No. 12, Sector 15, Noida 201301" is an address
        start = line_start + h.start()
        # The shapes this round added (a four-digit code and a town, the street a line above, no comma, the number
        # after a comma) are looser: they also need a street word, an address word or a person near.
        loose = tight or start < own_line or "," in h.group(0) or not firm
        if loose and firm and _english_town(pc):
            continue
        if loose and not (
            _STREET_WORD.search(text, start, start + h.end() - h.start())
            or _ADDRESS_WORD.search(text, max(0, start - 60), start)
            or _person_near(text, start, m.end())
        ):
            continue
        if _PROJECT.search(text, max(0, m.start() - 90), m.end() + 20):
            continue
        out.append((start, m.end()))
    return out


_FIRST_WORD = re.compile(r"\d{0,6}\s{0,3}([^\W\d_][\w.]{0,30})")


# Postal codes of the shapes before this round: a UK/Australian code, "9690 BV", "50968 Köln", "431916".
_FIRM_CODE = re.compile(r"[A-Z].{0,12}|\d{4}\s?[A-Z]{2}|\d{5}\s\D.{0,40}|\d{6}", re.DOTALL)
_STREET_WORD = re.compile(
    r"(?:stra(?:ss|ß)e|str\.|weg|platz|gasse|allee|allé|damm|ufer|steig|pfad|gade|vej|veien|vegen|gata|gatan|vägen"
    r"|väg|gränd|torget|torg|tie|katu|kuja|straat|laan|plein|singel|gracht|kade|dreef|dijk|markt|haugen|bakken"
    r"|rue|via|viale|calle|ulica|ul\.|plac|aleja|rua|avenida|praça|largo|travessa|alameda|rambla|paseo|camino|carrer"
    r"|strada|piazza|corso|vicolo|borgo|náměstí|ulice|utca|road|street|lane|avenue|close|crescent|drive)(?!\w)",
    re.IGNORECASE,
)
_ADDRESS_WORD = re.compile(
    r"\b(?:address|addr|lives?|living|resides?|resident|moved|post|posted|mail|mailed|send|sent|deliver\w{0,4}|home"
    r"|my|her|his|their)\b",
    re.IGNORECASE,
)


# A street, its number and the postal code with no comma or line break ("Parkvägen 83 59150 Lidingö") is looked
# for only in a text with one of these words.
_ADDRESS_GATE = frozenset(
    [
        "address",
        "addr",
        "lives",
        "live",
        "living",
        "resides",
        "reside",
        "moved",
        "move",
        "post",
        "posted",
        "mail",
        "mailed",
        "send",
        "sent",
        "deliver",
        "delivered",
    ]
)


_LETTERS = re.compile(r"[^\W\d_]{1,30}")


def _english_town(pc: str) -> bool:
    from commands.phi.lexicon import _words

    town = _LETTERS.search(pc)
    return town is not None and town.group(0).lower() in _words("english_words.txt")


def _person_near(text: str, start: int, end: int) -> bool:
    from commands.phi.lexicon import _context, _near  # the word lists load on first use

    person, project, strong = _context(text)
    return (_near(person, start, end) or _near(strong, start, end)) and not _near(project, start, end)


_HOUSE_NO = re.compile(r"\b(?:house|flat|door|plot|h)\.?\s{0,2}$", re.IGNORECASE)
# A postal code of a place of work or a delivery, not a home: "Site postcode CB2 0QQ for the courier",
# "Deliveries to Addenbrooke's, Hills Road, Cambridge CB2 0QQ" — unless someone says it is theirs.
_WORKPLACE = re.compile(
    r"\b(?:site|courier|deliver(?:y|ies)|shipping|hospital|trust|campus|office|hq|warehouse|venue|building|estates?"
    r"|clinic|practice|pharmacy|store|depot|vendor|supplier|meet|room|block|floor|wing|level)\b",
    re.IGNORECASE,
)
_THEIRS = re.compile(r"\b(?:my|her|his|their|lives?|living|resides?|home|moved|patient['’]?s?|pt)\b", re.IGNORECASE)


def _place_of_work(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 80) : end + 40]
    return bool(_WORKPLACE.search(around)) and not _THEIRS.search(around)


_BARE_UK_POSTCODE = re.compile(r"[A-Z](?<![\w-].)(?-i:[A-Z]?\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]?\d\d?\d[A-Z]{2})(?![\w-])")
_UK_POSTCODE = re.compile(r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})")


_VALUE_END = re.compile(r"(?<=\d)\.(?=\s|$)|;|\s(?:for|with)\s{1,3}(?:this|the|my|her|his|their)\b", re.IGNORECASE)


def _label_value_end(text: str, start: int, end: int, shaped: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the value after an address label ends: with an address found by its shape inside it, or at a full stop
    after a number, so that the words after it ("… LV 45011 for this card: 5108…", "… NY 10001. His IP address is …")
    are not part of it."""
    inner = [b for a, b in shaped if start <= a < end]
    if inner:
        return start, max(inner)
    cut = _VALUE_END.search(text, start, end)
    return start, cut.start() if cut and cut.start() > start else end


def find_addresses(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    digits = text_digits(text)
    if digits >= 4 and "," in text:
        out.extend(_intl_address(text))
    # a house number and a UK postcode have three digits between them ("Studio 1, Riley Mews, M8 0PS")
    if digits >= 3 and ("," in text or "\n" in text or has_any(text, _ADDRESS_GATE)):
        out.extend(_postal_address(text))
    if out:
        out = [s for s in out if not org_address(text, s[0])]
    shaped = list(out)
    lower = text.lower()
    for m in _matches(_ADDR_LABEL, text) if any(w in lower for w in ("address", "lives", "discharge")) else ():
        v = m.group("v")
        if re.match(r"(?i)(?:https?://|www\.)", v):
            continue  # "the runbook lives at https://…": a page, not a home
        if re.search(r"\d", v) or re.search(r"\b[A-Z][a-z]{2,}\b", v):
            out.append(_label_value_end(text, m.start("v"), m.end("v"), shaped))
    if text_digits(text) >= 2:
        # a UK postcode by itself ("she lives in SW1A 1AA now"): a few households; not an organisation's or a
        # project's
        for m in _BARE_UK_POSTCODE.finditer(text):
            if _place_of_work(text, m.start(), m.end()):
                continue
            if not org_address(text, m.start()) and not _PROJECT.search(text, max(0, m.start() - 60), m.end() + 30):
                out.append(m.span())
    for rx, needs in (
        (_LIVES_IN, ("lives",)),
        (_POBOX, ("box", "apo", "fpo", "dpo")),
        (_ZIP_LABEL, ("zip", "post", "eircode", "pin")),
    ):
        if not any(w in lower for w in needs):
            continue
        for m in _matches(rx, text):
            if rx is _ZIP_LABEL and _digits(m.group("v")) < 3 and not _UK_POSTCODE.fullmatch(m.group("v")):
                continue
            if rx is _ZIP_LABEL and _place_of_work(text, m.start(), m.end()):
                continue  # "Site postcode CB2 0QQ for the courier"
            out.append(m.span("v"))
    return out
