"""PHI guard: find HIPAA Safe Harbor identifiers of a *patient* in free text.

Rounds calls :func:`scan` before it stores or posts any free text (status
notes, risk titles and descriptions, mitigations, action texts, gate names and
comments, rejection and closure reasons).  Any finding refuses the command; the
reply is built from :func:`describe` and :func:`advice`, which name the kinds
of identifier found and say how to rephrase, and never repeat the matched text.

Design notes
------------
* Context decides.  A seven-digit number is an MRN only after "MRN", "chart",
  "encounter", "pt id" and the like; a date is PHI only right after "DOB",
  "born", "admitted", "discharged", "died", "DOS" and the like, so project
  dates ("go-live 2026-12-04", "cutover on 3/14") pass.
* Staff are not patients: "Dr. Patel" never triggers, titles (Mr/Mrs/Ms/Miss)
  and patient words (patient/pt) do, and "patient safety", "patient portal",
  "Patient Access team" and similar programme names are excluded.
* Every pattern is linear: bounded quantifiers, no nested unbounded
  repetition, and look-behinds so that a match can only start at a token
  boundary.  Scanning adversarial input ("1-" * 10000, "a@" * 10000) is fast.
* Pure standard library (``re``, ``dataclasses``, ``ipaddress``).
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

__all__ = ["Finding", "KINDS", "scan", "describe", "advice"]


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    start: int  # character span in the scanned text (never shown to users)
    end: int


KINDS: dict[str, str] = {
    "ssn": "a Social Security number",
    "mrn": "a medical record, encounter or visit number",
    "date-of-birth": "a date of birth",
    "admission-date": "an admission, discharge, service or death date",
    "patient-name": "a patient's name",
    "phone": "a phone or fax number",
    "email": "a personal email address",
    "address": "a street address or postal code",
    "plan-number": "a health plan, Medicare/Medicaid or account number",
    "device-serial": "a device serial number",
    "ip-address": "an IP address",
    "age-over-89": "an age over 89",
}

_ADVICE: dict[str, str] = {
    "patient-name": 'Refer to "a patient on 4 West" rather than by name.',
    "ssn": "Leave the Social Security number out entirely; "
    'say "an SSN appeared in the extract" instead.',
    "mrn": "Leave out the record, encounter or visit number; "
    "point to the HIM or service-desk ticket that holds it.",
    "date-of-birth": "Leave out the date of birth; describe the problem instead, "
    'e.g. "DOB transposed between systems".',
    "admission-date": "Leave out the patient's admission, discharge, service or death date; "
    'say "admitted last week" or "a recent discharge" instead.',
    "phone": "Leave out the phone or fax number; say who should call back "
    "and keep the number in the patient's chart.",
    "email": 'Leave out the email address; say "the patient\'s personal email" instead.',
    "address": "Leave out the street address or postal code; the state is enough if "
    "location matters.",
    "plan-number": "Leave out the member, policy, Medicare/Medicaid or account number; "
    'say "the patient\'s coverage ID was rejected" instead.',
    "device-serial": "Leave out the serial number; name the device type and unit "
    '(e.g. "an infusion pump on 4 West") and keep the serial in the biomed ticket.',
    "ip-address": "Leave out the IP address; reference the log or ticket where it is recorded.",
    "age-over-89": 'Say "90 or older" instead of the exact age.',
}

# ---------------------------------------------------------------------------
# Shared pieces
# ---------------------------------------------------------------------------

_I = re.IGNORECASE

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_ORD = r"(?:st|nd|rd|th)?"
# A calendar date in the formats people type.  No unbounded repetition.
_DATE = (
    r"(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"  # 2025-10-02, 2025/10/2
    r"|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})"  # 04/12/1951, 7-4-1946, 12.03.1948, 1/5/39
    r"|\d{1,2}/\d{1,2}"  # 11/3 (no year)
    rf"|{_MONTH}\.?\s{{1,3}}\d{{1,2}}{_ORD}(?:,?\s{{1,3}}\d{{4}})?"  # March 3, 1960 / Nov 3rd
    rf"|\d{{1,2}}{_ORD}\s{{1,3}}(?:of\s{{1,3}})?{_MONTH}\.?(?:,?\s{{1,3}}\d{{4}})?"  # 3rd of March 1960
    r")(?![\d/])"
)

# Gap between a context keyword and its value: "MRN# 123", "member id: 123",
# "serial no. 123", "medical record number 123", "Medicare MBI 1EG4...".
_FILL = (
    r"(?:\s{0,3}(?:\#|no\b\.?|nbr\b|num(?:ber)?\b|id\b|mbi\b|hicn\b)){0,2}"
    r"\s{0,3}[:#=]?\s{0,3}"
)

# An identifier value: letters/digits, optionally dash-separated, 3..40 chars.
_IDVAL = r"(?P<v>[A-Za-z0-9](?:[A-Za-z0-9-]{1,38}[A-Za-z0-9])?)(?![A-Za-z0-9-])"


def _matches(rx: re.Pattern, text: str):
    """Like ``rx.finditer(text)`` but also yields matches that overlap a previous
    one.  Detectors reject some matches after the fact (too few digits, a
    programme word instead of a name); with plain finditer a rejected match
    would swallow the next keyword ("pt # MRN 1234567")."""
    pos = 0
    n = len(text)
    while pos <= n:
        m = rx.search(text, pos)
        if m is None:
            return
        yield m
        pos = m.start() + 1


def _digits(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


# ---------------------------------------------------------------------------
# Individual detectors.  Each returns (start, end) spans.
# ---------------------------------------------------------------------------

# --- SSN -------------------------------------------------------------------
_SSN_DASHED = re.compile(r"(?<![\w-])(?P<v>\d{3}-\d{2}-\d{4})(?![\w-])")
_SSN_CTX = re.compile(
    r"\b(?:ssn|ss\#|soc(?:ial)?\.?\s{0,3}sec(?:urity)?\.?)"
    r"(?:\s{0,3}(?:\#|no\b\.?|num(?:ber)?\b))?\s{0,3}[:#=]?\s{0,3}"
    r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])",
    _I,
)


def _ssn_ok(v: str) -> bool:
    d = re.sub(r"\D", "", v)
    area, group, serial = d[:3], d[3:5], d[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _find_ssn(text: str) -> list[tuple[int, int]]:
    out = []
    for rx in (_SSN_DASHED, _SSN_CTX):
        for m in _matches(rx, text):
            if _ssn_ok(m.group("v")):
                out.append(m.span("v"))
    return out


# --- MRN / encounter / FIN ------------------------------------------------
_MRN = re.compile(
    r"(?:"
    r"\bmrn\b|\bmr\s?\#|\bmr\s?no\b\.?"
    r"|\bmedical\s{1,3}record\b|\bmed\.?\s{0,3}rec(?:ord)?\b\.?"
    r"|\bcharts?\b|\bencounter\b|\benc\b\.?|\bvisit\b"
    r"|\b(?-i:FIN|CSN|HAR)\b|\b(?:fin|csn|har)\s?\#"
    r"|\b(?:patient|pt)(?:['’]s)?\s{0,3}(?:\#|id\b|no\b\.?|num(?:ber)?\b)"
    r")" + _FILL + _IDVAL,
    _I,
)


def _find_mrn(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_MRN, text):
        v = m.group("v")
        if _digits(v) >= 5 and not _looks_like_date(v):
            out.append(m.span("v"))
    return out


def _looks_like_date(v: str) -> bool:
    return re.fullmatch(r"(?:19|20)\d\d-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-(?:19|20)?\d\d", v) is not None


# --- health plan / account numbers ---------------------------------------
_PLAN = re.compile(
    r"(?:"
    r"\bmember\b|\bmem\s{0,2}id\b|\bsubscriber\b|\bsubscr?\b\.?|\bpolicy\b|\bpol\s{0,2}\#"
    r"|\bgroup\s{0,2}(?:\#|no\b\.?|num(?:ber)?\b)|\bgrp\s{0,2}\#"
    r"|\binsurance\s{0,2}(?:id\b|\#|no\b\.?|num(?:ber)?\b)|\bins\s{0,2}id\b"
    r"|\bbeneficiary\b|\bmedicare\b|\bmedicaid\b|\bmbi\b|\bhicn?\b"
    r"|\bacct\b\.?|\baccount\b"
    r")" + _FILL + _IDVAL,
    _I,
)
# Medicare Beneficiary Identifier: distinctive enough to flag without context.
_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"(?<![\w-])(?P<v>[1-9]{_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?"
    rf"{_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?{_MBI_LETTER}{{2}}\d{{2}})(?![\w-])"
)


def _find_plan(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_PLAN, text):
        v = m.group("v")
        # Year-prefixed document numbers ("policy 2025-014") are not member ids.
        if _digits(v) >= 5 and not re.fullmatch(r"(?:19|20)\d\d-\d{1,4}", v) and not _looks_like_date(v):
            out.append(m.span("v"))
    out.extend(m.span("v") for m in _matches(_MBI, text))
    return out


# --- device serial numbers -------------------------------------------------
_SERIAL = re.compile(
    r"(?:\bS/N\b|(?-i:\bSN\b)|\bserial\b|\bser\b\.?\s{0,2}no\b\.?)" + _FILL + _IDVAL,
    _I,
)


def _find_serial(text: str) -> list[tuple[int, int]]:
    return [m.span("v") for m in _matches(_SERIAL, text) if _digits(m.group("v")) >= 2]


# --- dates tied to a person ----------------------------------------------
_DOB = re.compile(
    r"(?:\bd\.?o\.?b\b\.?|\bdate\s{1,3}of\s{1,3}birth\b|\bbirth\s{0,2}date\b|\bborn\b|\bbday\b|\bbirthday\b)"
    r"(?:\s{1,3}(?:on|is|was|of))?\s{0,3}[:=,-]?\s{0,3}"
    rf"(?P<v>{_DATE})",
    _I,
)

_EVENT = re.compile(
    r"(?P<k>"
    r"\badmit(?:ted)?\b|\badmission\b|\badm(?:['’]?d)?\b\.?|\bdischarged?\b|\bd/c(?:['’]?d)?(?![\w/])|\bdc['’]?d\b"
    r"|\b(?-i:DOS|DOD)\b|\bdate\s{1,3}of\s{1,3}(?:service|death|admission|discharge)\b"
    r"|\b(?:service|svc)\s{1,3}date\b"
    r"|\bdied\b|\bdeceased\b|\bexpired\b|\bdeath\b|\bpassed(?:\s{1,3}away)?\b"
    r")"
    r"(?:\s{1,3}(?:date|dt|on|at|dated))?(?:\s{1,3}on)?\s{0,3}[:=,-]?\s{0,3}"
    rf"(?P<v>{_DATE})",
    _I,
)
# Words that, right before "died/expired/admitted/...", show the subject is a
# system, document or company rather than a person ("the engine died on 10/3",
# "cert expired 6/2", "vendor admitted on 11/4").
_NON_PERSON_SUBJECT = re.compile(
    r"\b(?:server|servers|engine|interface|db|database|disk|drive|battery|laptop|pc|printer|scanner"
    r"|vm|app|box|node|link|session|cert|certs|certificate|license|licence|contract|warranty|password"
    r"|token|subscription|trial|quote|vendor|router|switch|firewall|ups|workstation|pump|job|process"
    r"|service|feed|queue|channel|tablet|phone|badge|account|key|domain|bid|offer|rfp|po|sow|project"
    r"|pilot|system|module|script|backup|cluster|host|instance|device|cart|monitor)\W{0,3}"
    r"(?:\w{1,12}\W{1,3})?$",
    _I,
)


def _find_dates(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    dob = [m.span("v") for m in _matches(_DOB, text)]
    events = []
    for m in _matches(_EVENT, text):
        k = m.group("k").lower()
        if not k.startswith(("dos", "dod", "date", "service", "svc")):
            before = text[max(0, m.start() - 30) : m.start()]
            if _NON_PERSON_SUBJECT.search(before):
                continue
        events.append(m.span("v"))
    return dob, events


# --- email -------------------------------------------------------------------
_EMAIL = re.compile(
    r"(?<![\w.+-])(?P<v>[\w.+-]{1,64}@(?P<d>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}))(?![\w-])"
)
_FREEMAIL = {
    "gmail", "googlemail", "yahoo", "ymail", "rocketmail", "hotmail", "outlook", "live", "msn",
    "icloud", "me", "mac", "aol", "aim", "proton", "protonmail", "pm", "gmx", "mail", "zoho",
    "yandex", "tutanota", "tuta", "fastmail", "hushmail", "comcast", "verizon", "att",
    "sbcglobal", "bellsouth", "cox", "charter", "earthlink", "optonline", "frontier", "juno",
    "netzero", "rogers", "shaw", "sympatico", "btinternet", "qq", "163", "126", "web", "mailinator",
}
# "patient"/"pt" meaning a person, for context checks.
_PATIENT_WORD = re.compile(
    r"\b(?:patients?|pts?|pt['’]s|patient['’]s|ptnt|pat(?:ie|ei)nt|paitent|patinet|pateint"
    r"|daughter|son|wife|husband|mother|father|guardian|caregiver|family)\b",
    _I,
)


def _find_email(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_EMAIL, text):
        personal = _registrable_label(m.group("d")) in _FREEMAIL
        if not personal:
            window = text[max(0, m.start() - 80) : m.end() + 80]
            personal = _has_patient_word(window)
        if personal:
            out.append(m.span("v"))
    return out


def _registrable_label(domain: str) -> str:
    """'gmail' for gmail.com, 'yahoo' for yahoo.co.uk, 'pm' for pm.me."""
    labels = domain.lower().split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in ("co", "com", "net", "org", "ne", "or"):
        return labels[-3]
    return labels[-2]


def _has_patient_word(window: str) -> bool:
    for m in _matches(_PATIENT_WORD, window):
        nxt = window[m.end() : m.end() + 25]
        w = re.match(r"[\s-]{1,3}([A-Za-z]+)", nxt)
        if w and w.group(1).lower() in _PROGRAMME_WORDS:
            continue  # "patient portal", "patient safety" ... are not a person
        return True
    return False


# --- IP addresses ---------------------------------------------------------------
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
_IPV4 = re.compile(rf"(?<![\w.])(?P<v>{_OCTET}(?:\.{_OCTET}){{3}})(?![\w]|\.\d)")
_IPV6 = re.compile(r"(?<![\w:.])(?P<v>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:])")
_VERSIONISH = re.compile(
    r"\b(?:v|ver|version|build|release|rel|patch|rev|revision|firmware|fw|sw|client|agent|level"
    r"|section|sec|step|item|clause|ref|oid|snomed|loinc|icd(?:-?10)?|cpt)\.?\s{0,3}[:#]?\s{0,3}$",
    _I,
)


def _find_ip(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_IPV4, text):
        if _VERSIONISH.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if re.match(r"/\d{1,2}(?!\d)", text[m.end() : m.end() + 3]):
            continue  # a network in CIDR notation ("10.40.0.0/16"), not a host
        out.append(m.span("v"))
    for m in _matches(_IPV6, text):
        v = m.group("v")
        if v.count(":") < 2 or sum(1 for g in v.split(":") if g) < 3:
            continue
        try:
            addr = ipaddress.IPv6Address(v)
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified:
            continue
        out.append(m.span("v"))
    return out


# --- phone / fax -------------------------------------------------------------------
_SEP = r"[-. ]"
_PHONE_NANP = re.compile(
    r"(?<![\w+])(?P<v>(?:\+?1[-. ]?)?(?:\((?P<a1>\d{3})\)\s?|(?P<a2>\d{3})[-. ])"
    r"(?P<x>\d{3})[-. ]\d{4})(?![\w-]|\.\d)"
)
_PHONE_INTL = re.compile(
    r"(?<![\w+])(?P<v>\+(?!1\b)\d{1,3}(?:[-. ]?\(\d{1,4}\))?(?:[-. ]\d{1,5}){1,5})(?![\w-]|\.\d)"
)
_PHONE_BARE = re.compile(
    r"\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|mob|fax|cb|call(?:ed)?|callback|vm"
    r"|voicemail|text|sms|contact|home|work)\b[^\d\n]{0,15}"
    r"(?<![\w+])(?P<v>1?\d{10})(?!\w)",
    _I,
)
_TOLL_FREE = {"800", "833", "844", "855", "866", "877", "888"}


def _find_phone(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_PHONE_NANP, text):
        area, exch = m.group("a1") or m.group("a2"), m.group("x")
        if area[0] in "01" or exch[0] in "01" or area in _TOLL_FREE:
            continue
        out.append(m.span("v"))
    for m in _matches(_PHONE_INTL, text):
        if 8 <= _digits(m.group("v")) <= 15:
            out.append(m.span("v"))
    for m in _matches(_PHONE_BARE, text):
        d = m.group("v")[-10:]
        if d[0] in "01" or d[3] in "01" or d[:3] in _TOLL_FREE:
            continue
        out.append(m.span("v"))
    return out


# --- addresses ---------------------------------------------------------------------
_STREET_SUFFIX = (
    r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place"
    r"|pkwy|parkway|ter|terrace|cir|circle|hwy|highway|sq|square|trl|trail|crescent|cres)"
)
_STREET = re.compile(
    r"(?<![\w#/.-])(?P<v>\d{1,6}(?-i:[A-Z])?\s{1,3}"
    r"(?:(?:[NSEW]|north|south|east|west|ne|nw|se|sw)\.?\s{1,3})?"
    r"(?-i:(?:[A-Z][A-Za-z'’-]{1,30}|\d{1,3}(?:st|nd|rd|th))\s{1,3}){1,3}"
    rf"{_STREET_SUFFIX}\b\.?"
    r"(?:,?\s{1,3}(?:apt|unit|suite|ste|\#)\.?\s{0,3}\#?\w{1,6})?)",
    _I,
)
_STATES = (
    "AL AK AZ AR CA CO CT DE FL GA HI IA IL IN KS KY LA MA MD ME MI MN MO MS MT NC ND NE "
    "NH NJ NM NV NY OH OK OR PA RI SC SD TN TX UT VA VT WA WI WV WY DC PR ID"
).split()
_ZIP = re.compile(
    r"(?P<v>(?:[A-Z][a-z]{1,25}(?P<comma>,?)\s{1,3})(?P<st>" + "|".join(_STATES) + r")\.?\s{1,3}"
    r"\d{5}(?:-\d{4})?)(?![\w-])"
)
_CA_POSTAL = re.compile(
    r"(?<![\w-])(?P<v>[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d)(?![\w-])"
)


def _find_address(text: str) -> list[tuple[int, int]]:
    out = [m.span("v") for m in _matches(_STREET, text)]
    for m in _matches(_ZIP, text):
        # "ID" is both Idaho and "identifier": insist on "City, ID 83702".
        if m.group("st") == "ID" and not m.group("comma"):
            continue
        out.append(m.span("v"))
    out.extend(m.span("v") for m in _matches(_CA_POSTAL, text))
    return out


# --- ages over 89 ------------------------------------------------------------------
_AGE = re.compile(
    r"(?<![\w.$])(?P<v>(?:9\d|1[0-2]\d)(?:\s{0,2}-\s{0,2}|\s{0,2})"
    r"(?:years?|yrs?|yo|y/o|y\.o\.?)(?:\s{0,2}-?\s{0,2}old)?(?![\w/])"
    r"|\b(?:aged?|age:)\s{0,3}(?:9\d|1[0-2]\d)(?![\w%.,]\d|[\w%])"
    r")",
    _I,
)


def _find_age(text: str) -> list[tuple[int, int]]:
    return [m.span("v") for m in _matches(_AGE, text)]


# --- patient names ------------------------------------------------------------------
# Words that follow "patient"/"pt" (or a title) but are not names: programme,
# team and system names ("Patient Access", "pt Safety huddle", "Patient Portal").
_PROGRAMME_WORDS = {
    w.lower()
    for w in """
    safety portal portals access flow experience education services service relations care
    transport transportation financial finance engagement advocacy advocate advocates satisfaction
    registration logistics throughput placement identification identity family centered
    centred monitoring record records resource resources index master matching list lists lookup
    search banner header chart class name names id ids information info data demographics
    movement tracking scheduling communication communications outreach intake check checkin
    kiosk wristband wristbands label labels volume volumes count counts census days day week
    fall falls harm complaint complaints feedback survey surveys story stories voice council
    committee facing friendly liaison navigator navigators navigation room rooms bed beds unit
    units area type types status level levels mix population panel panels journey tablet
    tablets app apps application summary handoff handover transfer transfers discharge
    discharges admission admissions visit visits encounter encounters consent consents rights
    privacy statement statements billing balance balances estimate estimates payment payments
    letter letters administration admin accounting accounts account quality outcomes outcome
    satisfaction assessment assessments acuity classification leave list workflow workflows
    instructions guide guides handbook materials material reported reporting registry
    registries lists cohort cohorts selection search header headers banner banners context
    matching merge merges safety-net equity rep reps representative representatives support
    intake identifier identifiers number numbers ready zero one two three four five six
    portal-based care-team self-scheduling self-service self
    the a an and or of in on at to for with from by is was are were be been has had have it its
    this that these those who which not no yes all any some each every other own same so than
    too very can will just should now new old first last next per via vs re fyi pls please
    monday tuesday wednesday thursday friday saturday sunday mon tue tues wed weds thu thur thurs
    fri sat sun today tomorrow yesterday tonight
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    mr mrs ms miss mx dr drs md rn np pa
    teams word excel office project forms sql edge defender sharepoint onedrive outlook
    """.split()
}

_PT_WORDS = r"(?:patient|pt|ptnt|pat(?:ie|ei)nt|paitent|patinet|pateint)"
_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][a-z]{1,25}(?:['’-][A-Za-z][a-z]{0,25}){0,3}|[A-Z][a-z]?[A-Z][a-z]{1,25})"
# "pt John Smith", "patient Maria Gonzalez", "pt J. Smith", "pt. Williams", "pt SMITH, JOHN"
_PT_NAME = re.compile(
    rf"\b{_PT_WORDS}\b(?:\s{{0,2}}name)?\.?\s{{0,2}}[:=-]?\s{{1,3}}[\"'“‘]?"
    rf"(?P<v>(?-i:{_NAME_TOKEN}(?:\s{{1,2}}{_NAME_TOKEN}){{0,2}}|[A-Z]{{2,25}},\s?[A-Z]{{2,25}}))",
    _I,
)
# "the pt, Tom Becker, asked ..." (appositive: two name tokens required)
_PT_APPOSITIVE = re.compile(
    rf"\b{_PT_WORDS}\b,\s{{1,3}}(?P<v>(?-i:{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}(?:\s{{1,2}}{_NAME_TOKEN})?)),",
    _I,
)
# "Emily Ross (the pt in 4W)", "Tom Becker (pt)"
_NAME_THEN_PT = re.compile(
    rf"(?<![\w.])(?P<v>(?-i:{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}))\s{{0,2}}\((?:the\s{{1,3}}|a\s{{1,3}})?{_PT_WORDS}\b",
    _I,
)
# Mr/Mrs/Ms/Miss/Mx + name.  Capitalised titles ("Mr", "Mrs.") or lower-case with
# a full stop ("ms. jones").  Not all-caps: "MS Teams", "MR#".
_TITLE_NAME = re.compile(
    r"(?<![\w.])(?:(?-i:Mrs|Mr|Ms|Mx)\.?|(?-i:Miss)|(?-i:mrs|mr|ms)\.)\s{1,3}"
    r"(?P<v>[A-Za-z][a-z]{0,25}(?:['’-][A-Za-z][a-z]{0,25}){0,2}(?:\s{1,2}[A-Z][a-z]{1,25}(?:['’-][A-Za-z][a-z]{0,25}){0,2})?)"
)
# A named person followed by a staff cue: "Ms. Chen from the vendor".
_STAFF_CUE = re.compile(
    # Only "from/of <team>": a patient is "at"/"in" a place, and unit names
    # ("from ICU", "from 5N") are deliberately not staff cues.
    r"\s{1,3}(?:from|of)\s{1,3}(?:the\s{1,3}|our\s{1,3})?"
    r"(?:vendor|team|it\b|(?:nursing\s{1,3})?informatics|pharmacy\s{1,3}it|compliance|legal|him\b|pmo"
    r"|finance|rev(?:enue)?\s{1,3}cycle)"
    r"|\s{0,2}\([^()\n]{0,40}?\b(?:cmio|cnio|cio|ciso|cmo|cno|cfo|ceo|coo|pm|pmo|ba|analyst|vendor|it|him"
    r"|director|manager|mgr|lead|sponsor|consultant|informatics|compliance|legal)\b"
    # "Mr. Haddad from Cerner": a named vendor means a vendor contact.
    r"|\s{1,3}(?:from|of|with)\s{1,3}(?:epic|cerner|oracle|meditech|allscripts|veradigm|athena(?:health)?"
    r"|nextgen|eclinicalworks|philips|ge|siemens|sectra|agfa|fuji(?:film)?|sunquest|orchard|cerner"
    r"|imprivata|microsoft|nuance|zoom|teladoc|amwell|caregility|intelerad|hyland|infor|workday|deloitte"
    r"|accenture|nordic|optimum|impact\s{1,3}advisors|vendor)\b",
    _I,
)


def _first_word(v: str) -> str:
    return re.split(r"[\s.'’,-]", v, maxsplit=1)[0].lower()


def _trim_name(v: str) -> str:
    """Drop trailing non-name words picked up by the greedy token list."""
    parts = v.split()
    while len(parts) > 1 and parts[-1].lower().strip(".") in _PROGRAMME_WORDS:
        parts.pop()
    return " ".join(parts)


def _find_names(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_PT_NAME, text):
        v = m.group("v")
        if _first_word(v) in _PROGRAMME_WORDS:
            continue
        v = _trim_name(v)
        out.append((m.start("v"), m.start("v") + len(v)))
    for rx in (_PT_APPOSITIVE, _NAME_THEN_PT):
        for m in _matches(rx, text):
            if not any(p in _PROGRAMME_WORDS for p in m.group("v").lower().replace(".", " ").split()):
                out.append(m.span("v"))
    for m in _matches(_TITLE_NAME, text):
        v = m.group("v")
        if _first_word(v) in _PROGRAMME_WORDS:
            continue
        v = _trim_name(v)
        end = m.start("v") + len(v)
        cue = _STAFF_CUE.match(text, end)
        if cue and not _PATIENT_WORD.search(cue.group(0)):
            continue
        out.append((m.start("v"), end))
    return out


# --- pasted HL7 v2 PID segments --------------------------------------------------
# "PID|1||123456^^^MRN||DOE^JANE||19400102|F|..." pasted from an interface log.
_PID = re.compile(r"(?<![A-Za-z0-9])PID\|[^\r\n]{0,600}")
_HL7_NEXT_SEGMENT = re.compile(r"\s[A-Z][A-Z0-9]{2}\|")
# field number (PID-n) -> kind, for the fields that carry Safe Harbor identifiers
_PID_FIELDS = {2: "mrn", 3: "mrn", 4: "mrn", 5: "patient-name", 7: "date-of-birth", 9: "patient-name",
               11: "address", 13: "phone", 14: "phone", 18: "plan-number", 19: "ssn", 20: "plan-number"}


def _find_hl7(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _matches(_PID, text):
        seg = m.group(0)
        nxt = _HL7_NEXT_SEGMENT.search(seg)
        if nxt:
            seg = seg[: nxt.start()]
        pos = m.start() + 4  # just after "PID|"
        for n, field in enumerate(seg[4:].split("|"), start=1):
            kind = _PID_FIELDS.get(n)
            value = field.strip("^~& ")
            if kind and value and (_digits(value) >= 4 or (kind == "patient-name" and any(c.isalpha() for c in value))):
                out.append((kind, pos, pos + len(field)))
            pos += len(field) + 1
    return out


# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------

# Detectors in priority order: when spans of different kinds overlap, the
# earlier (more context-specific) kind wins.
def _all_spans(text: str) -> list[tuple[int, int, int, str]]:
    dob, events = _find_dates(text)
    groups = [
        ("ssn", _find_ssn(text)),
        ("mrn", _find_mrn(text)),
        ("plan-number", _find_plan(text)),
        ("device-serial", _find_serial(text)),
        ("date-of-birth", dob),
        ("admission-date", events),
        ("email", _find_email(text)),
        ("ip-address", _find_ip(text)),
        ("phone", _find_phone(text)),
        ("address", _find_address(text)),
        ("age-over-89", _find_age(text)),
        ("patient-name", _find_names(text)),
    ]
    spans = []
    for prio, (kind, found) in enumerate(groups):
        for start, end in found:
            if end > start:
                spans.append((start, end, prio, kind))
    prio_of = {kind: prio for prio, (kind, _) in enumerate(groups)}
    for kind, start, end in _find_hl7(text):
        if end > start:
            spans.append((start, end, prio_of[kind], kind))
    return spans


def scan(text: str) -> list[Finding]:
    """All PHI-like spans, in order of position, de-duplicated/merged when overlapping."""
    if not text:
        return []
    spans = sorted(_all_spans(text), key=lambda s: (s[0], s[2]))
    merged: list[list] = []  # [start, end, prio, kind]
    for start, end, prio, kind in spans:
        if merged and start < merged[-1][1]:
            cur = merged[-1]
            cur[1] = max(cur[1], end)
            if prio < cur[2]:
                cur[2], cur[3] = prio, kind
        else:
            merged.append([start, end, prio, kind])
    return [Finding(kind, start, end) for start, end, _, kind in merged]


def _kinds_in_order(findings: list[Finding]) -> list[str]:
    seen: list[str] = []
    for f in sorted(findings, key=lambda f: f.start):
        if f.kind not in seen:
            seen.append(f.kind)
    return seen


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def describe(findings: list[Finding]) -> str:
    """Human phrase naming the distinct kinds, e.g. 'a date of birth and a medical record number'."""
    return _join([KINDS.get(k, "an identifier") for k in _kinds_in_order(findings)])


def advice(findings: list[Finding]) -> str:
    """How to rephrase, specific to the kinds found; never contains the matched text."""
    kinds = _kinds_in_order(findings)
    if not kinds:
        return ""
    tips = [_ADVICE.get(k, "Leave the identifier out.") for k in kinds]
    if len(tips) > 2:
        # Keep the reply short: the first tip plus a summary of the rest.
        rest = _join([KINDS[k] for k in kinds[1:] if k in KINDS])
        return f"{tips[0]} Also leave out {rest}; describe the problem, not the person."
    return " ".join(tips)
