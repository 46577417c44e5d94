"""Detectors for what ties text to a person: dates of birth and admission, personal emails, addresses,
ages over 89, patient names, pasted HL7 PID segments. Each returns spans."""

from __future__ import annotations

import re

from commands.phi import leads
from commands.phi.shared import _DATE, _I, _digits, _matches, case_blind_found, has_any, small_letters, text_digits
from commands.phi.words import PROGRAMME_WORDS

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
    r"|pilot|system|systems|module|script|backup|cluster|host|instance|device|cart|monitor|test|tests|audit|build|uat|portal|exam|inspection|vote|motion|budget)\b\W{0,3}"
    r"(?:\w{1,12}\W{1,3})?$",
    _I,
)


_DOB_WORDS = frozenset({"d", "dob", "date", "birth", "birthdate", "born", "bday", "birthday"})


_EVENT_WORDS = frozenset(
    [
        "admit",
        "admitted",
        "admission",
        "adm",
        "admd",
        "d",
        "dc",
        "dcd",
        "discharge",
        "discharged",
        "dos",
        "dod",
        "date",
        "service",
        "svc",
        "died",
        "deceased",
        "expired",
        "death",
        "passed",
    ]
)


# _DOB and _EVENT read case-sensitively in a text's small letters (shared.small_letters), each word's first letter
# first and the word boundary before it looked back at: the engine skips to those letters instead of trying a
# case-blind alternation at every character (the same matches, a third of the time; tests/test_phi_name_speed.py).
_DOB_SMALL = re.compile(
    r"(?:d(?<!\w.)(?:\.?o\.?b\b\.?|ate\s{1,3}of\s{1,3}birth\b)|b(?<!\w.)(?:irth\s{0,2}date\b|orn\b|day\b|irthday\b))"
    r"(?:\s{1,3}(?:on|is|was|of))?\s{0,3}[:=,-]?\s{0,3}"
    rf"(?P<v>{_DATE})"
)
# ("dos"/"dod" here stand for _EVENT's "DOS"/"DOD", written in capitals: _event_matches checks the text has them so)
_EVENT_SMALL = re.compile(
    r"(?P<k>a(?<!\w.)(?:dmit(?:ted)?\b|dmission\b|dm(?:['’]?d)?\b\.?)"
    r"|d(?<!\w.)(?:ischarged?\b|/c(?:['’]?d)?(?![\w/])|c['’]?d\b|o[sd]\b"
    r"|ate\s{1,3}of\s{1,3}(?:service|death|admission|discharge)\b|ied\b|eceased\b|eath\b)"
    r"|s(?<!\w.)(?:ervice|vc)\s{1,3}date\b|e(?<!\w.)xpired\b|p(?<!\w.)assed(?:\s{1,3}away)?\b)"
    r"(?:\s{1,3}(?:date|dt|on|at|dated))?(?:\s{1,3}on)?\s{0,3}[:=,-]?\s{0,3}"
    rf"(?P<v>{_DATE})"
)
_NON_PERSON_SUBJECT_SMALL = re.compile(_NON_PERSON_SUBJECT.pattern)  # (without IGNORECASE, for small letters)


def _event_matches(text: str) -> list[re.Match[str]]:
    """What ``list(_matches(_EVENT, text))`` gives (spans alike; the "k" group in small letters on an ASCII-like
    text): _EVENT_SMALL on the text's small letters, its "dos"/"dod" kept only where the text has them in capitals
    (no other word of the pattern starts with "do", so none of them could match there instead)."""
    low = small_letters(text)
    if low is None:
        return list(_matches(_EVENT, text))
    return [
        m
        for m in _matches(_EVENT_SMALL, low)
        if not m.group("k").startswith("do") or text[m.start() : m.start() + 3] in ("DOS", "DOD")
    ]


def _find_dates(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    dob = []
    if has_any(text, _DOB_WORDS):
        low = small_letters(text)
        dob = [m.span("v") for m in (_matches(_DOB, text) if low is None else _matches(_DOB_SMALL, low))]
    events = []
    for m in _event_matches(text) if has_any(text, _EVENT_WORDS) else ():
        k = m.group("k").lower()
        if not k.startswith(("dos", "dod", "date", "service", "svc")):
            before = text[max(0, m.start() - 30) : m.start()]
            if case_blind_found(_NON_PERSON_SUBJECT, _NON_PERSON_SUBJECT_SMALL, before):
                continue
        events.append(m.span("v"))
    return dob, events


# --- email -------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])(?P<v>[\w.+-]{1,64}@(?P<d>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6}))(?![\w-])")
_FREEMAIL = {
    "gmail",
    "googlemail",
    "yahoo",
    "ymail",
    "rocketmail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "icloud",
    "me",
    "mac",
    "aol",
    "aim",
    "proton",
    "protonmail",
    "pm",
    "gmx",
    "mail",
    "zoho",
    "yandex",
    "tutanota",
    "tuta",
    "fastmail",
    "hushmail",
    "comcast",
    "verizon",
    "att",
    "sbcglobal",
    "bellsouth",
    "cox",
    "charter",
    "earthlink",
    "optonline",
    "frontier",
    "juno",
    "netzero",
    "rogers",
    "shaw",
    "sympatico",
    "btinternet",
    "qq",
    "163",
    "126",
    "web",
    "mailinator",
}
# "patient"/"pt" meaning a person, for context checks.
_PATIENT_WORD = re.compile(
    r"(?=[pPdDsSwWhHmMfFgGcC])\b(?:patients?|pts?|pt['’]s|patient['’]s|ptnt|pat(?:ie|ei)nt|paitent|patinet|pateint"
    r"|daughter|son|wife|husband|mother|father|guardian|caregiver|family)\b",
    _I,
)


def _find_email(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if "@" not in text:
        return out  # every address has an at sign
    for m in _email_matches(text):
        personal = _registrable_label(m.group("d")) in _FREEMAIL
        if not personal:
            window = text[max(0, m.start() - 80) : m.end() + 80]
            personal = _has_patient_word(window)
        if personal:
            out.append(m.span("v"))
    return out


def _local_part_start(text: str, at: int) -> int | None:
    """Where _EMAIL's match for the at sign at ``at`` can start: the start of the run of its name's characters
    ([\\w.+-]) just before it, when that run holds 1 to 64 of them (none before it, as _EMAIL's look-behind says)."""
    p = at
    while p > 0 and at - p <= 64 and (text[p - 1].isalnum() or text[p - 1] in "_.+-"):
        p -= 1  # (str.isalnum and "_" are what \w matches)
    return p if 0 < at - p <= 64 else None


def _email_matches(text: str) -> list[re.Match[str]]:
    """What ``list(_matches(_EMAIL, text))`` gives, _EMAIL tried only where the name before an at sign starts (the
    one place a match can start for each at sign) instead of at every character, each time reading up to 64
    characters before giving up on one that has no at sign after them."""
    out = []
    at = text.find("@")
    while at >= 0:
        p = _local_part_start(text, at)
        if p is not None and (m := _EMAIL.match(text, p)) is not None:
            out.append(m)
        at = text.find("@", at + 1)
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
        if w and w.group(1).lower() in PROGRAMME_WORDS:
            continue  # "patient portal", "patient safety" ... are not a person
        return True
    return False


# --- addresses ---------------------------------------------------------------------
_STREET_SUFFIX = (
    r"(?:st|street|ave|avenue|rd|road|blvd|boulevard|dr|drive|ln|lane|way|ct|court|pl|place"
    r"|pkwy|parkway|ter|terrace|cir|circle|hwy|highway|sq|square|trl|trail|crescent|cres|close|grove|mews)"
)
_STREET = re.compile(
    r"(?P<v>\d(?<![\w#/.-].)\d{0,5}(?-i:[A-Z])?\s{1,3}"
    r"(?:(?:[NSEW]|north|south|east|west|ne|nw|se|sw)\.?\s{1,3})?"
    r"(?-i:(?:[A-Z][A-Za-z'’-]{1,30}|\d{1,3}(?:st|nd|rd|th))\s{1,3}){1,3}"
    rf"{_STREET_SUFFIX}\b\.?"
    r"(?:,?\s{1,3}(?:apt|unit|suite|ste|\#)\.?\s{0,3}\#?\w{1,6})?)",
    _I,
)
_STATES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "IA",
    "IL",
    "IN",
    "KS",
    "KY",
    "LA",
    "MA",
    "MD",
    "ME",
    "MI",
    "MN",
    "MO",
    "MS",
    "MT",
    "NC",
    "ND",
    "NE",
    "NH",
    "NJ",
    "NM",
    "NV",
    "NY",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VA",
    "VT",
    "WA",
    "WI",
    "WV",
    "WY",
    "DC",
    "PR",
    "ID",
]
_ZIP = re.compile(
    r"(?P<v>(?:[A-Z][a-z]{1,25}(?P<comma>,?)\s{1,3})(?P<st>" + "|".join(_STATES) + r")\.?\s{1,3}"
    r"\d{5}(?:-\d{4})?)(?![\w-])"
)
_CA_POSTAL = re.compile(r"(?P<v>[ABCEGHJ-NPRSTVXY](?<![\w-].)\d[ABCEGHJ-NPRSTV-Z][ -]?\d[ABCEGHJ-NPRSTV-Z]\d)(?![\w-])")


def _find_address(text: str) -> list[tuple[int, int]]:
    out = [m.span("v") for m in _matches(_STREET, text)] if _may_have_street(text) else []
    for m in _matches(_ZIP, text) if text_digits(text) >= 5 and _FIVE_DIGITS.search(text) else ():
        # "ID" is both Idaho and "identifier": insist on "City, ID 83702".
        if m.group("st") == "ID" and not m.group("comma"):
            continue
        out.append(m.span("v"))
    out.extend(m.span("v") for m in _matches(_CA_POSTAL, text))
    return [s for s in out if not org_address(text, s[0])] if out else out


# The words that end a street (_STREET_SUFFIX's), each a word of its own (a space before it, a word boundary after):
# a text with none of them has no street. (A case-blind "s" or "k" also matches "ſ" and the Kelvin sign, and "i"
# matches "İ": such a text is searched whatever its words, shared.small_letters says which.)
_STREET_WORDS = frozenset(_STREET_SUFFIX.strip("(?:)").split("|"))
_FIVE_DIGITS = re.compile(r"\d{5}")  # (a ZIP code's; _ZIP is tried at every capital letter, this at the digits)


def _may_have_street(text: str) -> bool:
    return small_letters(text) is None or has_any(text, _STREET_WORDS)


# An organisation's place just before an address ("the vendor office is at 200 Berkeley Street", "HQ: 1 Main
# Street", "Epic Systems, 1979 Milky Way"): not a person's home, unless the sentence is about a patient or someone
# says it is theirs.
_ORG_PLACE = re.compile(
    r"\b(?:office|offices|hq|headquarters|head\s{1,3}office|data\s{1,3}cent(?:er|re)|warehouse|vendor|venue|campus"
    r"|conference|offsite|depot|factory|plant|systems|inc|ltd|llc|corp(?:oration)?|gmbh"
    r"|supplier|branch|store|shop|building|facility|premises|venue|new\s{1,3}clinic)\b[^.;\n]{0,70}$",
    _I,
)
_MINE = re.compile(r"\b(?:my|her|his|their|lives?|living|resides?|home|moved|patient|pt)\b", _I)
# The two without IGNORECASE, read in a string's small letters (shared.case_blind_found): their words are all in small
# letters, and a case-blind alternation is tried letter by letter at every word of the window.
_ORG_PLACE_SMALL = re.compile(_ORG_PLACE.pattern)
_MINE_SMALL = re.compile(_MINE.pattern)


_ORG_FIRST = re.compile(r"(?:warehouse|depot|office|hq|building|unit\s{1,3}\d{1,4}\s{1,3}\w{1,20}\s{1,3}estate)\b", _I)


_ORG_WORDS = frozenset(
    [
        "office",
        "offices",
        "hq",
        "headquarters",
        "head",
        "data",
        "warehouse",
        "vendor",
        "venue",
        "campus",
        "conference",
        "offsite",
        "depot",
        "factory",
        "plant",
        "systems",
        "inc",
        "ltd",
        "llc",
        "corp",
        "corporation",
        "gmbh",
        "supplier",
        "branch",
        "store",
        "shop",
        "building",
        "facility",
        "premises",
        "new",
        "unit",
    ]
)


def org_address(text: str, start: int) -> bool:
    if not has_any(text, _ORG_WORDS):
        return False  # (a set lookup instead of two searches)
    left = text[max(0, start - 90) : start]
    if not case_blind_found(_ORG_PLACE, _ORG_PLACE_SMALL, left) and not _ORG_FIRST.match(text, start):
        return False
    around = text[max(0, start - 80) : start + 80]
    return not case_blind_found(_MINE, _MINE_SMALL, around) and not _has_patient_word(around)


# --- ages over 89 ------------------------------------------------------------------
_AGE = re.compile(
    r"(?P<v>(?:9(?<![\w.$].)\d|1(?<![\w.$].)[0-2]\d)(?:\s{0,2}-\s{0,2}|\s{0,2})"
    r"(?:years?|yrs?|yo|y/o|y\.o\.?)(?:\s{0,2}-?\s{0,2}old)?(?![\w/])"
    r"|\b(?:aged?|age:)\s{0,3}(?:9\d|1[0-2]\d)(?![\w%.,]\d|[\w%])"
    r")",
    _I,
)
# _AGE in two, the same matches (no match of one starts where one of the other can): the ages led by a digit, which the
# engine skips straight to (_AGE's word boundary makes it try every character), and "aged 93", "age: 101", searched
# only in a text with the word "age" or "aged", in its small letters (tests/test_phi_name_speed.py).
_AGE_DIGIT_LED = re.compile(_AGE.pattern[: _AGE.pattern.index("|\\b(?:aged?")] + ")", _I)
_AGE_WORD_LED = re.compile(r"(?P<v>a(?<!\w.)(?:ged?|ge:)\s{0,3}(?:9\d|1[0-2]\d)(?![\w%.,]\d|[\w%]))")
_AGE_WORDS = frozenset({"age", "aged"})


def _find_age(text: str) -> list[tuple[int, int]]:
    found = [m.span("v") for m in _matches(_AGE_DIGIT_LED, text)]
    if has_any(text, _AGE_WORDS):
        low = small_letters(text)
        if low is None:
            return [m.span("v") for m in _matches(_AGE, text)]
        found += [m.span("v") for m in _matches(_AGE_WORD_LED, low)]
        found.sort()
    return found


# --- patient names ------------------------------------------------------------------

_PT_WORDS = r"(?:patient|pt|ptnt|pat(?:ie|ei)nt|paitent|patinet|pateint)"
_NAME_TOKEN = r"(?:[A-Z]\.|[A-Z][a-z]{1,25}(?:['’-][A-Za-z][a-z]{0,25}){0,3}|[A-Z][a-z]?[A-Z][a-z]{1,25})"
# "pt John Smith", "patient Maria Gonzalez", "pt J. Smith", "pt. Williams", "pt SMITH, JOHN"
_PT_NAME = re.compile(
    rf"(?=[pP])\b{_PT_WORDS}\b(?:\s{{0,2}}name)?\.?\s{{0,2}}[:=-]?\s{{1,3}}[\"'“‘]?"
    rf"(?P<v>(?-i:{_NAME_TOKEN}(?:\s{{1,2}}{_NAME_TOKEN}){{0,2}}|[A-Z]{{2,25}},\s?[A-Z]{{2,25}}))",
    _I,
)
# "the pt, Tom Becker, asked ..." (appositive: two name tokens required)
_PT_APPOSITIVE = re.compile(
    rf"(?=[pP])\b{_PT_WORDS}\b,\s{{1,3}}(?P<v>(?-i:{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}(?:\s{{1,2}}{_NAME_TOKEN})?)),",
    _I,
)
# "Emily Ross (the pt in 4W)", "Tom Becker (pt)"
_NAME_THEN_PT = re.compile(
    rf"(?<![\w.])(?P<v>(?-i:{_NAME_TOKEN}\s{{1,2}}{_NAME_TOKEN}))\s{{0,2}}\((?:the\s{{1,3}}|a\s{{1,3}})?{_PT_WORDS}\b",
    _I,
)
# What follows the name in _NAME_THEN_PT, led by its bracket: a text without it has no match (a plain search for the
# bracket instead of trying the name at every character).
_PT_IN_BRACKETS = re.compile(rf"\((?:the\s{{1,3}}|a\s{{1,3}})?{_PT_WORDS}\b", _I)
# A named person followed by a staff cue: "Ms. Chen from the vendor".
_STAFF_CUE = re.compile(
    # Only "from/of <team>": a patient is "at"/"in" a place, and unit names
    # ("from ICU", "from 5N") are deliberately not staff cues.
    r"\s{1,3}(?:from|of)\s{1,3}(?:the\s{1,3}|our\s{1,3})?"
    r"(?:vendor|team|it\b|(?:nursing\s{1,3})?informatics|pharmacy\s{1,3}it|compliance|legal|him\b|pmo"
    r"|finance|rev(?:enue)?\s{1,3}cycle|biomed(?:ical)?|clinical\s{1,3}engineering|facilities|estates)"
    r"|\s{0,2}\([^()\n]{0,40}?\b(?:cmio|cnio|cio|ciso|cmo|cno|cfo|ceo|coo|pm|pmo|ba|analyst|vendor|it|him"
    r"|director|manager|mgr|lead|sponsor|consultant|informatics|compliance|legal|clerk|coordinator|educator"
    r"|champion|officer|engineer|architect|super-?user|trainer)\b"
    # "Mrs. Aisha Bello, the discharge coordinator on 7B": a role set off by a comma
    r"|,\s{1,2}(?:the|our)\s{1,2}(?:[\w-]{1,20}\s{1,2}){0,3}?(?:coordinator|manager|lead|clerk|director|analyst"
    r"|educator|champion|officer|sponsor|engineer|architect|trainer|super-?user|informaticist|pharmacist)\b"
    # "Mr. Haddad from Cerner": a named vendor means a vendor contact.
    r"|\s{1,3}(?:from|of|with)\s{1,3}(?:epic|cerner|oracle|meditech|allscripts|veradigm|athena(?:health)?"
    r"|nextgen|eclinicalworks|philips|ge|siemens|sectra|agfa|fuji(?:film)?|sunquest|orchard|cerner"
    r"|imprivata|microsoft|nuance|zoom|teladoc|amwell|caregility|intelerad|hyland|infor|workday|deloitte"
    r"|accenture|nordic|optimum|impact\s{1,3}advisors|vendor)\b",
    _I,
)


# The same typed in small letters, as chat is: "pt maria gonzalez in 4w", "pls check on pt nguyen, her labs are off".
# Only census names that are not English words count ("gonzalez", "nguyen"; not "portal", "safety").
_PT_LOWER = re.compile(
    r"(?=p)(?<![\w-])(?:pt|patient|ptnt)\.?\s{1,2}(?P<v>[a-z][a-z'’-]{1,25}(?:\s{1,2}[a-z][a-z'’-]{1,25})?)(?![\w-])"
)


def _lower_names(text: str) -> list[tuple[int, int]]:
    from commands.phi.names import is_patient_single_name
    from commands.phi.namewords import _NEVER, _words

    names, english, first = _words("name_words.txt"), _words("english_words.txt"), _words("first_english_words.txt")
    out = []
    for m in _matches(_PT_LOWER, text):
        parts = m.group("v").split()
        bare = [re.sub(r"['’]s$", "", w) for w in parts]
        start = m.start("v")
        if bare[0] in PROGRAMME_WORDS or bare[0] in _NEVER or len(bare[0]) < 3:
            continue  # "patient portal", "pt ehr", "pt id"
        if len(bare) == 2 and bare[1] in names and (bare[0] in names or bare[0] in first or bare[0] not in english):
            out.append((start, m.end("v")))  # "pt maria gonzalez"
        elif bare[0] in names:
            end = start + len(parts[0])
            if is_patient_single_name(text, start, end):
                out.append((start, end))  # "pt nguyen, her labs are off"
    return out


_TEST_BEFORE = re.compile(r"\b(?:test|dummy|fake|training|demo|sample)\s{1,2}$", _I)


def _first_word(v: str) -> str:
    return re.split(r"[\s.'’,-]", v, maxsplit=1)[0].lower()


def _trim_name(v: str) -> str:
    """Drop trailing non-name words picked up by the greedy token list."""
    parts = v.split()
    while len(parts) > 1 and parts[-1].lower().strip(".") in PROGRAMME_WORDS:
        parts.pop()
    return " ".join(parts)


def _find_names(text: str) -> list[tuple[int, int]]:
    from commands.phi.lexicon import _role_in_label
    from commands.phi.names import is_patient_single_name

    out = []
    for m in leads.every_led(_PT_NAME, _PT_LEAD, text):
        v = m.group("v")
        if _TEST_BEFORE.search(text, max(0, m.start() - 10), m.start()):
            continue  # "Test patient ZZTEST, ADMIT is used in TST only"
        line = text[max(0, m.start() - 60) : m.start("v")].rsplit("\n", 1)[-1]
        if any(c in line for c in "=:|>/") and _role_in_label(line):
            continue  # "Name of the consulting clinician for the patient = Harald Moen"
        if _first_word(v) in PROGRAMME_WORDS:
            continue
        v = _trim_name(v)
        start = m.start("v")
        if " " not in v.strip() and "," not in v and not is_patient_single_name(text, start, start + len(v)):
            continue  # "fetching patient Orders", "Patient Dashboard": one capitalised word and nothing clinical
        out.append((start, start + len(v)))
    # ("Tom Becker (pt)")
    for rx in (_PT_APPOSITIVE, _NAME_THEN_PT) if "(" in text and _PT_IN_BRACKETS.search(text) else (_PT_APPOSITIVE,):
        for m in leads.every_led(rx, _PT_COMMA_LEAD, text) if rx is _PT_APPOSITIVE else _matches(rx, text):
            if not any(p in PROGRAMME_WORDS for p in m.group("v").lower().replace(".", " ").split()):
                out.append(m.span("v"))
    if has_any(text, _PT_LOWER_WORDS):
        out.extend(_lower_names(text))
    return out


_PT_LOWER_WORDS = frozenset({"pt", "patient", "ptnt"})
# The words of _PT_WORDS, in small letters: _PT_NAME is tried only where one starts, _PT_APPOSITIVE only where one
# is followed by a comma (commands/phi/leads.py).
_PT_LEAD = leads.lead("patient|pateint|paitent|patinet|pt|ptnt")
_PT_COMMA_LEAD = leads.lead("patient,|pateint,|paitent,|patinet,|pt,|ptnt,")


# --- pasted HL7 v2 PID segments --------------------------------------------------
# "PID|1||123456^^^MRN||DOE^JANE||19400102|F|..." pasted from an interface log.
_PID = re.compile(r"(?<![A-Za-z0-9])(?:PID|NK1)\|[^\r\n]{0,600}")
_HL7_NEXT_SEGMENT = re.compile(r"\s[A-Z][A-Z0-9]{2}\|")
# field number (PID-n) -> kind, for the fields that carry Safe Harbor identifiers
_PID_FIELDS = {
    2: "mrn",
    3: "mrn",
    4: "mrn",
    5: "patient-name",
    7: "date-of-birth",
    9: "patient-name",
    11: "address",
    13: "phone",
    14: "phone",
    18: "plan-number",
    19: "ssn",
    20: "plan-number",
}


_NK1_FIELDS = {2: "patient-name"}


def _find_hl7(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    if "|" not in text:
        return out  # (no field bars, no segment)
    for m in _PID.finditer(text):  # segments do not overlap: one pass, linear
        seg = m.group(0)
        nxt = _HL7_NEXT_SEGMENT.search(seg)
        if nxt:
            seg = seg[: nxt.start()]
        pos = m.start() + 4  # just after "PID|"
        # a next-of-kin segment ("NK1|1|DOE^JANE|SPO|…") names the patient's relative in its second field
        fields = _PID_FIELDS if seg.startswith("PID") else _NK1_FIELDS
        for n, field in enumerate(seg[4:].split("|"), start=1):
            kind = fields.get(n)
            value = field.strip("^~& ")
            if kind and value and (_digits(value) >= 4 or (kind == "patient-name" and any(c.isalpha() for c in value))):
                out.append((kind, pos, pos + len(field)))
            pos += len(field) + 1
    return out
