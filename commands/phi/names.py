"""Names the context makes a patient's (or a patient's relative's): labelled in a note header, after a kinship
word, after "named", next to an age-and-sex descriptor, or a title + name next to a clinical word. A title on its
own ("Mr. Haddad will present") says nothing: staff have titles too."""

from __future__ import annotations

import re
from collections.abc import Iterator

from commands.phi import leads
from commands.phi.care import _window, clinical_found
from commands.phi.lexicon import _kind_of
from commands.phi.namecues import _ROLE_AFTER, _care_phrase, _near, _salutation, _staff_before
from commands.phi.namewords import _care_context, _context, _wordset
from commands.phi.narrative import find_clinical_names, find_narrative_names
from commands.phi.people import _PATIENT_WORD, _STAFF_CUE
from commands.phi.shared import _I, _matches, case_blind_found, words_of

# Letters of names written in Latin script, with accents ("Ivančić", "Szöllösy", "Møller"); "Mc"/"Mac" names.
# A capital is an ASCII or Latin-1 one; a small letter is any letter that is not such a capital (so "č", "ł", "ś"
# inside a name count). Negated classes keep every pattern that embeds a name cheap to compile.
_UC1 = "[A-ZÀ-ÖØ-Þ]"
_LC1 = "[^\\W\\d_A-ZÀ-ÖØ-Þ]"
_WCH = r"(?:[^\W\d_]|['’-])"  # a letter of a name, an apostrophe or a hyphen
_TOKEN = (
    rf"(?:{_UC1}['’]{_UC1}{_LC1}{{1,25}}+|Ma?c{_UC1}{_LC1}{{1,25}}+|{_UC1}{_LC1}{{1,25}}+(?:['’-][^\W\d_]{_LC1}{{0,25}}+){{0,2}}"
    rf"|{_UC1}['’]?{_UC1}{{1,25}}+(?:-{_UC1}{{2,25}}+)?|{_UC1}\.(?:\s?{_UC1}\.)?)"
)
# "Last, First" is tried first when the phrase or clause ends there: "Villegas, Yosef;" is one name.
_NAME = (
    rf"(?P<v>(?-i:{_UC1}{_WCH}{{1,25}}+,\s{{0,2}}{_UC1}{_WCH}{{1,25}}+(?:\s{_UC1}\.?)?(?=\s{{0,2}}[;.),]|$)"
    rf"|{_TOKEN}(?:\s{{1,2}}{_TOKEN}){{0,3}})"
    r"(?![^\W\d_]))"
)

# A pattern that opens with a name opens with a capital (each of _NAME's forms does, read case-sensitively): said in
# front, the engine skips straight to the capitals instead of trying the whole name at every character of the text.
_NAME_AT_CAPITAL = rf"(?=(?-i:{_UC1}))(?<!(?-i:{_UC1})){_NAME}"  # (not from inside a word in capitals: "MR. BENSKY")

# Words that look like names after these cues but are not ("Name: Lab interface", "son Service").
_NOT_NAMES = {
    "lab",
    "labs",
    "interface",
    "service",
    "services",
    "team",
    "unit",
    "the",
    "epic",
    "cerner",
    "project",
    "ward",
    "baby",
    "board",
    "portal",
    "system",
    "none",
    "n/a",
    "na",
    "unknown",
    "tbd",
    "test",
    "same",
    "see",
    "per",
    "patient",
    "pt",
    "dr",
    "md",
    "rn",
    "np",
    "room",
    "bed",
    "mr",
    "mrs",
    "ms",
    "name",
    "date",
    "dob",
    "mrn",
    # departments and desks a patient calls, and FHIR resources written in capitals
    "pharmacy",
    "radiology",
    "registration",
    "admitting",
    "billing",
    "security",
    "switchboard",
    "reception",
    "triage",
    "nursing",
    "support",
    "helpdesk",
    "desk",
    "transport",
    "encounter",
    "observation",
    "practitioner",
    "organization",
    "condition",
    "procedure",
    "medication",
    "appointment",
    "schedule",
    "location",
    "device",
    "specimen",
    "coverage",
    "claim",
    "account",
    "bundle",
    "resource",
    "record",
    "visit",
    "chart",
    # a parameter's type in code ("defineVariable(name: String)")
    "string",
    "str",
    "int",
    "integer",
    "boolean",
    "bool",
    "object",
    "array",
    "null",
    "undefined",
}
_LABELLED = re.compile(
    r"(?=[pPnNsSeEfFgGcC])(?:\b(?:pat[i1l]ent|pt)(?:['’]s)?\s{0,2}(?:full\s{1,2})?name\b|(?<![\w-])name(?!\s{1,3}(?:of|is)\b)(?=\s{0,3}:)|\bpatient\b(?=\s{0,3}:)"
    r"|\bspouse\b|\bnext\s{1,3}of\s{1,3}kin\b|\bnok\b|\b(?:emergency|primary|family)\s{1,3}contact(?:\s{0,2}\([a-z]{2,12}\))?"
    r"|\bguardian\b|\bcaregiver\b)"
    rf"\s{{0,3}}(?:[:=|—–-]|>>|::)\s{{0,10}}[\"“]?{_NAME}",
    _I,
)
# Things with names: "Project name: Phoenix" is a project's.
_THING_NAME = re.compile(
    r"\b(?:project|programme|program|server|host|file|folder|team|site|product|vendor|system|app|application|module"
    r"|field|display|domain|queue|report|workstream|device|printer|database|db|channel|code|package|release|build"
    r"|environment|env|instance|tenant|workspace|room|ward|unit|clinic|department|dept|company|organi[sz]ation|org"
    r"|template|form|role|group|list|task|milestone|phase|sprint|risk|issue|gate|model)\s{1,2}$",
    _I,
)
_KIN = re.compile(
    r"(?=[sSdDwWhHmMfFbBgGaAuUnN])\b(?:son|daughter|wife|husband|spouse|mother|father|mom|dad|brother|sister|grandson|granddaughter|grandmother"
    r"|grandfather|grandma|grandpa|aunt|uncle|niece|nephew|fiancée?|stepson|stepdaughter)\b"
    rf"(?:\s{{0,2}}[,:(-])?\s{{1,3}}(?:named\s{{1,3}})?{_NAME}",
    _I,
)
# What a nurse titled "Sister" does to a patient, right after her name: "Sister Okafor discharged the patient".
_SISTER_CARES = re.compile(
    r"\s{1,2}(?:[a-z]{3,15}\s{1,2})?[a-z]{3,20}(?:ed|s)\s{1,2}(?:the\s{1,2})?(?:patient|pt|him|her)\b"
)
_NAMED = re.compile(
    rf"(?=[nNpPcC])(?:\bnamed\b|\b(?:patients?|pts?)\s{{1,3}}(?:like|such\s{{1,3}}as)\b|\bcare\s{{1,3}}recipient\b)\s{{1,3}}{_NAME}",
    _I,
)
# "Patient called S. Gatou; meds reconciled", "pt known as Obad, Zora.": the name and then the end of the phrase
# ("patient called Pharmacy about…" runs on, and is not a name).
_PT_CALLED = re.compile(
    rf"(?=[pP])\b(?:patient|pt)\s{{1,3}}(?:called|known\s{{1,3}}as)\s{{1,3}}{_NAME}(?=\s{{0,2}}(?:[;,)]|\.(?!\w)|$))",
    _I,
)
# A note's header row written with slashes or arrows: "PATIENT / Alana / normal effort", "PATIENT NAME >> Jo Ray".
_PT_HEADER_ROW = re.compile(rf"(?-i:\bPATIENT(?:\s{{1,3}}(?:NAME|IDENTITY))?)\s{{0,3}}(?:/|>>|\|)\s{{0,3}}{_NAME}")
# A clinician's verb whose object is a patient: "J. Møller assessed Guiomar Verduzco; the family…".
_CARE_OBJECT = re.compile(
    rf"(?=[aAeEdDiItTrR])\b(?:assessed|examined|admitted|discharged|intubated|extubated|triaged|resuscitated)\s{{1,3}}{_NAME}",
    _I,
)
# A name in quotes after "called"/"goes by": "prefers to be called 'Sunny'".
_CALLED = re.compile(
    r"(?=[pPlLwWaAgGnN])\b(?:(?:prefers?|likes?|wants?|asks?)\s{1,3}to\s{1,3}be\s{1,3}(?:called|addressed\s{1,3}as|known\s{1,3}as)"
    r"|goes\s{1,3}by|nicknamed?)"
    rf"\s{{1,3}}['\"“‘]?{_NAME}",
    _I,
)
_AGE_UNIT = (
    r"\s{0,2}-?\s{0,2}(?:yo|y/o|y\.o\.?|years?[- ]old|yrs?[- ]old|year|(?:months?|mos?|weeks?|wks?|days?)[- ]old)\b"
)
_AGE_SEX = r"\d{1,3}" + _AGE_UNIT + r"(?:\s{1,3}(?:female|male|woman|man|f|m|gentleman|lady|boy|girl|patient|pt))?"
_AGE_LEAD = leads.lead(r"\d(?=\d{0,2}\s{0,2}-?\s{0,2}[ymwd])")  # (of a pattern that opens with _AGE_SEX)
_AGE_APPOSITIVE = re.compile(
    rf"{_AGE_SEX},?\s{{1,3}}(?:named\s{{1,3}})?{_NAME}(?=\s{{0,2}}[,(]|\s{{1,3}}(?:who|with|is|was)\b)", _I
)
# "I got Emma for you—3-year-old who came in…": a name, a dash or a comma, and an age.
_NAME_DASH_AGE = re.compile(
    rf"{_NAME_AT_CAPITAL}(?:\s{{1,2}}for\s{{1,2}}you)?\s{{0,2}}[—–:-]\s{{0,2}}(?:a\s{{1,2}}|an\s{{1,2}})?{_AGE_SEX}", _I
)
_AN_AGE = r"(?:a|an)\s{1,3}" + _AGE_SEX
_NAME_THEN_AGE = re.compile(rf"{_NAME_AT_CAPITAL},?\s{{1,3}}(?:is|was)?\s{{0,3}}{_AN_AGE}", _I)
# "a 63-year-old male with a history of MI, Mark Thompson, who visited…": a full descriptor (age and sex), a
# clause without a comma, then the name set off by commas. Checked by _full_name: two words, not a diagnosis.
_AGE_GAP_APPOSITIVE = re.compile(
    r"\d{1,3}\s{0,2}-?\s{0,2}(?:yo|y/o|y\.o\.?|years?[- ]old|yrs?[- ]old)\b(?:\s{1,3}[A-Za-z-]{2,20}){0,2}?"
    r"\s{1,3}(?:female|male|woman|man|gentleman|lady|boy|girl|patient|pt|veteran)\b"
    rf"[^,.;:?!\n]{{1,60}},\s{{1,3}}(?:(?:pt|patient)\s{{1,3}})?(?:named\s{{1,3}})?{_NAME}(?=\s{{0,2}}[,(]|\s{{1,3}}(?:who|with|is|was)\b)",
    _I,
)
# "…, Peter Johnson, treated at St. Mary's", "specifically for Mary Johnson, seen at…": a full name set off by a comma
# and followed by a verb of care with its place or time.
_COMMA_CARE = (
    r",\s{1,3}(?=(?:treated|seen|admitted|registered|presenting|presented|diagnosed|hospitali[sz]ed)"
    r"\s{1,3}(?:at|in|on|by|to|with)\b|who\s{1,3}(?:was|is|has\s{1,3}been)\s{1,3}(?:seen|admitted|treated)\b"
    r"|who\s{1,3}(?:visited|underwent|presented)\b"
    r"|who\s{1,3}(?:denied|denies|reported|reports|complained|complains)\s{1,3}(?:of\s{1,3})?(?:any\s{1,3}|new\s{1,3}|no\s{1,3})?"
    r"(?:pain|chest|fever|nausea|vomiting|sob|shortness|headache|symptoms?|dizziness|cough|falls?|bleeding|numbness)\b)"
)
_NAME_COMMA_CARE = re.compile(_NAME_AT_CAPITAL + _COMMA_CARE, _I)
# "Marisol Ferndale-Ostrowski (MRN 5583920) was seen": a name with its record number or age in brackets.
_NAME_PAREN_ID = re.compile(
    rf"{_NAME_AT_CAPITAL}\s{{0,2}}\((?=\s{{0,2}}(?:mrn|dob|d\.o\.b|age\s{{0,2}}\d|\d{{1,3}}\s{{0,2}}(?:yo|y/o|[mf]\b)))",
    _I,
)
# "pts name Bob Williams", "patient name Susan Brown": the label without a colon, then a full name.
_PATIENT_NAME_IS = re.compile(
    rf"(?=[pP])\b(?:patient|pt)(?:['’]?s)?\s{{1,2}}(?:full\s{{1,2}})?name(?:\s{{1,3}}(?:on|in)\s{{1,3}}the\s{{1,3}}[a-z]{{2,15}})?"
    rf"(?:\s{{1,3}}(?:is|was))?\s{{1,3}}{_NAME}(?=\s{{0,2}}(?:[,;(]|\.(?!\w)|$))",
    _I,
)
# "Your full name is Robert James Thompson?": an intake's question about the person spoken to.
_YOUR_NAME_IS = re.compile(
    rf"(?=[yY])\byour\s{{1,2}}(?:full\s{{1,2}}|legal\s{{1,2}}|first\s{{1,2}}and\s{{1,2}}last\s{{1,2}})?name\s{{1,2}}is\s{{1,3}}{_NAME}"
    r"(?=\s{0,2}(?:\?|$))",
    _I,
)
# Capitalised words that are diagnoses, not names ("…with MS, Multiple Sclerosis, …").
_DIAGNOSIS_WORD = re.compile(
    r"(?i)(?:itis|osis|emia|aemia|oma|pathy|ectomy|algia|iasis|ease|drome|order|ension|ation|ure|ancy|ity|ics?)$"
    r"|^(?:type|stage|grade|class|cancer|diabetes|asthma|copd|chf|gerd|afib|mrsa|hiv|hcv|covid|dementia|sepsis"
    r"|pneumonia|lupus|stroke|clinic|hospital|center|centre|medical|health|memorial|general|university|st)$"
)


def _full_name(v: str) -> bool:
    """Two or more words, one with small letters, none a diagnosis or a place word: "Jason Doe", "Lisa M."."""
    words = [w.strip(".,'’") for w in v.split()]
    words = [w for w in words if w]
    if len(words) < 2 or not any(any(c.islower() for c in w) for w in words):
        return False
    return not any(_DIAGNOSIS_WORD.search(w) for w in words if len(w) > 1)


# "Jeffrey Stevens is the grandmother", "Dr. Cody Scott PhD is dad": a name said to be a patient's relative (a title
# or a credential does not make it staff's). Not "the parent representative".
_KIN_WORD = (
    r"(?:dad|mom|mum|mother|father|grandmother|grandfather|grandma|grandpa|granny|aunt|uncle|guardian|parent"
    r"|stepmother|stepfather|stepmom|stepdad|sister|brother|son|daughter|wife|husband|spouse|caregiver|carer)"
)
_IS_KIN = re.compile(
    rf"{_NAME_AT_CAPITAL}(?:,?\s{{1,2}}(?-i:PhD|MD|RN|DO|Jr\.?|Sr\.?|III|II))?,?\s{{1,3}}(?:is|was)\s{{1,3}}"
    rf"(?:the\s{{1,3}}|her\s{{1,3}}|his\s{{1,3}}|their\s{{1,3}}|(?:the\s{{1,3}})?(?:pt|patient)['’]?s\s{{1,3}})?{_KIN_WORD}\b"
    r"(?!\s{1,3}(?:representative|rep|advisor|adviser|council|liaison|champion|partner|volunteer|group|forum))",
    _I,
)
# "pt on 6N, Grace Whitfield, had her meds double-charted"
_PT_WHERE_NAME = re.compile(rf"(?=[pP])\b(?:pt|patient)\b[^,\n]{{0,20}},\s{{1,3}}{_NAME},", _I)
# A role whose title has "patient" in it, before the name it is: "Our patient experience lead, Maria Lopez, will…".
_PT_ROLE_TITLE = re.compile(
    r"\b(?:lead|manager|coordinator|officer|director|advocate|liaison|navigator|champion|representative|rep|educator"
    r"|analyst|specialist|chair|sponsor|owner|partner|coach|consultant|administrator|admin|head)s?\s{0,2},\s{1,3}$",
    _I,
)
_NAME_THEN_VERB = re.compile(
    rf"{_NAME_AT_CAPITAL}\s{{1,3}}(?=(?:is\s{{1,3}}seen|was\s{{1,3}}seen|was\s{{1,3}}admitted|presents\s{{1,3}}with|presented\s{{1,3}}(?:to|with)"
    r"|reports\s{1,3}(?:adherence|pain|no)|denies|complains|c/o|fell(?!\s{1,3}(?:behind|through|short|apart)\b)"
    r"|was\s{1,3}found)\b)",
    _I,
)
_TITLE = re.compile(
    r"(?=[MmBb])(?<![\w.])(?:(?-i:Mrs|Mr|Ms|Mx|Miss|MRS|MR|MS)\.?|(?-i:mrs|mr|ms)\.?|(?P<baby>(?-i:Baby|BABY)(?:\s(?i:boy|girl))?))\s{1,3}"
    r"(?P<v>(?-i:(?:(?:van|von|de|del|della|di|da|dos|das|du|le|la|ter|ten|al|el|bin|ben)\s(?:de[rn]?\s)?)?"
    rf"(?:{_UC1}['’]{_UC1}{_LC1}{{1,25}}|Ma?c{_UC1}{_LC1}{{1,25}}|{_UC1}{_LC1}{{1,25}}(?:['’-][^\W\d_]{_LC1}{{0,25}}){{0,2}}"
    rf"(?:\s{{1,2}}{_UC1}{_LC1}{{1,25}})?|{_UC1}['’]?{_UC1}{{2,25}})|[a-z]{{3,25}})(?![^\W\d_]))"
)
# A role right before a title: the title is a colleague's ("Consultant Mr. Brennan", "Staff nurse Ms. Lee").
_ROLE_BEFORE_TITLE = re.compile(r"\b([A-Za-z]{2,20})[,:]?\s{1,2}$")
_ROLE_TITLES = _wordset(
    "consultant surgeon registrar nurse matron sister midwife physio physiotherapist therapist pharmacist dietitian"
    " anaesthetist anesthetist doctor physician hospitalist paramedic porter clerk manager lead director"
)
# Where a named person sits in the hospital: "in 4W", "bed 12", "room 5".
_PLACE = re.compile(
    r"\b(?:bed|room|rm|bay)\s{0,2}\d|\b(?:in|on)\s{1,2}\d{1,2}\s?[A-Z]{1,2}\b|\b(?:ward|unit)\s{1,2}\w", _I
)
_TITLE_STOP = {"teams", "word", "excel", "office", "project", "outlook", "sql", "edge", "and", "or", "the", "to"}
_CLINICAL_NAME_CUE = re.compile(
    r"\b(?:seen|presents|presented|admitted|discharged|complain(?:s|ed)?|c/o|denies|allerg\w{0,10}|meds?|medications?"
    r"|appt|appointment|visit|chart|wristband|specimen|labs?|orders?(?!\s{1,3}sets?\b)|telehealth|bedside|pt|patient|family|relabel\w{0,6}"
    r"|readmit\w{0,6}|transferred|fell|fall|died|expired|mrn|dob|year-old|yo|y/o|his\s{1,3}\w{1,20}|her\s{1,3}\w{1,20})\b",
    _I,
)

# _CLINICAL_NAME_CUE without IGNORECASE, read in a string's small letters (shared.case_blind_found): its words are all
# in small letters, and a case-blind search of its alternation on the words around a name costs several times more.
_CLINICAL_NAME_CUE_SMALL = re.compile(_CLINICAL_NAME_CUE.pattern)


def _clinical_cue(s: str) -> bool:
    """Whether ``_CLINICAL_NAME_CUE.search(s)`` finds a word of a person's care in a short string of its own."""
    return case_blind_found(_CLINICAL_NAME_CUE, _CLINICAL_NAME_CUE_SMALL, s)


def _ok(v: str) -> bool:
    words = [w.strip(".,'’").lower() for w in re.split(r"[\s,]+", v) if w.strip(".,")]
    return bool(words) and words[0] not in _NOT_NAMES and not all(w in _NOT_NAMES for w in words)


# Speed idiom: "(?=[pP])" in front of a pattern whose words all start with one of a few letters lets the regex engine
# skip to those letters instead of trying the whole pattern at every position (the same matches, a third of the time).

# Words one of each pattern needs in the text (as whole words): a set lookup skips the regex search entirely.
_NEEDS: dict[re.Pattern[str], frozenset[str]] = {
    _LABELLED: frozenset({"name", "patient", "pt", "spouse", "kin", "nok", "contact", "guardian", "caregiver"}),
    _KIN: frozenset(
        [
            "son",
            "daughter",
            "wife",
            "husband",
            "spouse",
            "mother",
            "father",
            "mom",
            "dad",
            "brother",
            "sister",
            "grandson",
            "granddaughter",
            "grandmother",
            "grandfather",
            "grandma",
            "grandpa",
            "aunt",
            "uncle",
            "niece",
            "nephew",
            "fiance",
            "fiancee",
            "stepson",
            "stepdaughter",
        ]
    ),
    _NAMED: frozenset({"named", "like", "such", "recipient"}),
    _PT_CALLED: frozenset({"called", "known"}),
    _PT_HEADER_ROW: frozenset({"patient"}),
    _CARE_OBJECT: frozenset({"assessed", "examined", "admitted", "discharged", "intubated", "extubated", "triaged"}),
    _CALLED: frozenset({"called", "goes", "nickname", "nicknamed", "addressed", "known"}),
    _AGE_APPOSITIVE: frozenset({"yo", "y", "year", "years", "yr", "yrs", "old"}),
    _NAME_THEN_AGE: frozenset({"yo", "y", "year", "years", "yr", "yrs", "old"}),
    _NAME_DASH_AGE: frozenset({"yo", "y", "year", "years", "yr", "yrs", "old"}),
    _NAME_THEN_VERB: frozenset(
        {"seen", "admitted", "presents", "presented", "reports", "denies", "complains", "c/o", "fell", "found"}
    ),
    _PT_WHERE_NAME: frozenset({"pt", "patient"}),
    _AGE_GAP_APPOSITIVE: frozenset({"yo", "y", "year", "years", "yr", "yrs", "old"}),
    _NAME_COMMA_CARE: frozenset(
        {"treated", "seen", "admitted", "registered", "presenting", "presented", "diagnosed", "who", "hospitalized"}
    ),
    _NAME_PAREN_ID: frozenset({"mrn", "dob", "d", "age", "yo", "y/o", "m", "f"}),
    _IS_KIN: frozenset(re.findall(r"[a-z]+", _KIN_WORD)),
    _PATIENT_NAME_IS: frozenset({"name"}),
    _YOUR_NAME_IS: frozenset({"your"}),
    _TITLE: frozenset({"mr", "mrs", "ms", "miss", "mx", "baby"}),
}
_SLASH_WORDS = tuple(w for need in _NEEDS.values() for w in need if "/" in w)
# The first words of the cue patterns, in small letters (commands/phi/leads.py): each is tried only where one starts.
_LEADS = {
    _LABELLED: leads.lead(
        r"pat[i1l]ent(?:['’]s)?\s{0,2}(?:full\s{1,2})?name|pt(?:['’]s)?\s{0,2}(?:full\s{1,2})?name|name\s{0,3}:"
        r"|patient\s{0,3}:|spouse\s{0,3}[:=|—–>-]|next\s{1,3}of\s{1,3}kin\s{0,3}[:=|—–>-]|nok\s{0,3}[:=|—–>-]"
        r"|emergency\s{1,3}contact|primary\s{1,3}contact|family\s{1,3}contact|guardian\s{0,3}[:=|—–>-]"
        r"|caregiver\s{0,3}[:=|—–>-]"
    ),
    _KIN: leads.lead(
        "son|daughter|wife|husband|spouse|mother|father|mom|dad|brother|sister|grand|aunt|uncle|niece|nephew|fianc"
        "|stepson|stepdaughter"
    ),
    _NAMED: leads.lead("named|pt|patient|care"),
    _PT_CALLED: leads.lead("pt|patient"),
    _CARE_OBJECT: leads.lead("assessed|examined|admitted|discharged|intubated|extubated|triaged|resuscitated"),
    _CALLED: leads.lead("prefer|like|want|ask|goes|nickname"),
    _PT_WHERE_NAME: leads.lead("pt|patient"),
    _PATIENT_NAME_IS: leads.lead("pt|patient"),
    _YOUR_NAME_IS: leads.lead("your"),
    # (an age first: a digit with the first letter of its unit a few characters on; the search skips to the digits)
    _AGE_APPOSITIVE: _AGE_LEAD,
    _AGE_GAP_APPOSITIVE: _AGE_LEAD,
}


# What must follow the name in each pattern that starts with one, as a pattern of its own led by a fixed character
# or class: when it is nowhere in the text the name-first pattern (tried at every letter) cannot match either.
# (all but the header row's are read case-blind: written in small letters and read on the text's folded letters,
# leads.found)
_AFTER_NAME: dict[re.Pattern[str], re.Pattern[str]] = {
    # (all that follows the name, or the part of it a search skips to quickly: an age after "a", ", who …")
    _NAME_THEN_AGE: re.compile(_AN_AGE),
    _NAME_DASH_AGE: re.compile(rf"[—–:-]\s{{0,2}}(?:an?\s{{1,2}})?{_AGE_SEX}"),
    _NAME_THEN_VERB: re.compile(
        r"\s(?:is\s{1,3}seen|was\s{1,3}(?:seen|admitted|found)|presents\s{1,3}with|presented\s{1,3}(?:to|with)"
        r"|reports\s{1,3}(?:adherence|pain|no)|denies|complains|c/o|fell)\b"
    ),
    _NAME_COMMA_CARE: re.compile(_COMMA_CARE),
    _NAME_PAREN_ID: re.compile(r"\((?=\s{0,2}(?:mrn|dob|d\.o\.b|age\s{0,2}\d|\d{1,3}\s{0,2}(?:yo|y/o|[mf]\b)))"),
    _IS_KIN: re.compile(rf"\s(?:is|was)\s{{1,3}}(?:\w{{2,9}}['’]?s?\s{{1,3}}){{0,2}}{_KIN_WORD}\b"),
    _PT_HEADER_ROW: re.compile("PATIENT"),  # (its label, in capitals: a plain search for it is quick)
}


# Each pattern with the words it needs, what must follow its name and its lead, in a tuple read in turn. (Not looked
# up by the pattern at each scan: a dict keyed by a pattern hashes its whole compiled code at every look-up, a
# microsecond or more each, and the passes below would look up some eighty.)
_Pattern = re.Pattern[str]
_Rule = tuple[_Pattern, frozenset[str], "_Pattern | None", bool, "_Pattern | None"]


def _rule(rx: re.Pattern[str]) -> _Rule:
    return rx, _NEEDS[rx], _AFTER_NAME.get(rx), rx is not _PT_HEADER_ROW, _LEADS.get(rx)


_CUE_RULES = tuple(
    map(
        _rule,
        (
            _LABELLED,
            _KIN,
            _NAMED,
            _CALLED,
            _AGE_APPOSITIVE,
            _NAME_THEN_AGE,
            _NAME_DASH_AGE,
            _NAME_THEN_VERB,
            _PT_WHERE_NAME,
            _PT_CALLED,
            _PT_HEADER_ROW,
        ),
    )
)
_FULL_NAME_RULES = tuple(
    map(_rule, (_AGE_GAP_APPOSITIVE, _NAME_COMMA_CARE, _NAME_PAREN_ID, _PATIENT_NAME_IS, _IS_KIN, _YOUR_NAME_IS))
)
_CARE_OBJECT_NEEDS, _CARE_OBJECT_LEAD = _NEEDS[_CARE_OBJECT], _LEADS[_CARE_OBJECT]
_TITLE_NEEDS = _NEEDS[_TITLE]


def _found(
    rx: re.Pattern[str], after: re.Pattern[str] | None, folded: bool, lead: re.Pattern[str] | None, text: str
) -> Iterator[re.Match[str]]:
    """The matches of a pattern whose words are in the text (``_matches``), none when what must follow its name is
    nowhere (read case-blind on the text's folded letters, or as it is written)."""
    if after is not None and not (leads.found(after, text) if folded else after.search(text) is not None):
        return iter(())
    return leads.every_led(rx, lead, text) if lead is not None else _matches(rx, text)


def find_context_names(text: str) -> list[tuple[int, int]]:
    out = find_narrative_names(text) + find_clinical_names(text)
    # (the words of letters every detector shares, and "c/o", "y/o" when they are there: every word of letters and
    # slashes a pattern needs is among them)
    words = words_of(text)
    if "/" in text:
        low = text.lower()
        words = words.union(w for w in _SLASH_WORDS if w in low)
    for rx, needs, after, folded, lead in _CUE_RULES:
        if needs.isdisjoint(words):
            continue  # (the set test first: most texts have none of a pattern's words)
        for m in _found(rx, after, folded, lead, text):
            v = m.group("v")
            if (
                rx is _NAME_THEN_VERB
                and len(v.split()) < 2
                and not re.fullmatch(r"[A-Z]\.\s?(?:[A-Z]\.\s?)?[A-Z][a-z]+", v)
            ):
                continue  # one capitalised word before "denies" may start a sentence
            if rx is _KIN and (
                (m.group(0).startswith("Sister") and _SISTER_CARES.match(text, m.end()))
                or _ROLE_AFTER.match(text, m.end())
            ):
                continue  # "Sister Lehtonen discharged the patient", "Wife Carol is the super user": staff, not kin
            if rx is _LABELLED and _THING_NAME.search(text, max(0, m.start() - 16), m.start()):
                continue  # "Project name: Phoenix", "Model Name: WEB-8000" name a thing, not a person
            if rx is _PT_WHERE_NAME and (
                all(_kind_of(w) in "EX" for w in v.split()) or _PT_ROLE_TITLE.search(text, m.start(), m.start("v"))
            ):
                continue  # "labels in Patient, Study, Series"; "our patient experience lead, Maria Lopez,": staff
            if _ok(v):
                out.append(m.span("v"))
    for rx, needs, after, folded, lead in _FULL_NAME_RULES:
        if not needs.isdisjoint(words):
            out.extend(
                m.span("v")
                for m in _found(rx, after, folded, lead, text)
                if _ok(m.group("v")) and _full_name(m.group("v"))
            )
    care_objects = (
        leads.every_led(_CARE_OBJECT, _CARE_OBJECT_LEAD, text) if not _CARE_OBJECT_NEEDS.isdisjoint(words) else ()
    )
    for m in care_objects:
        v = m.group("v")
        left, right = _window(text, m.start(), m.end())
        if _ok(v) and _full_name(v) and (clinical_found(left + " " + right) or _clinical_cue(right)):
            out.append(m.span("v"))
    for m in _matches(_TITLE, text) if not _TITLE_NEEDS.isdisjoint(words) else ():
        v = m.group("v")
        start, end = m.span("v")
        if v.endswith(("'s", "’s")):
            end -= 2  # "Ms. Uche's wound": the name without its possessive
            v = v[:-2]
        if v.lower() in _TITLE_STOP or v.lower() in _NOT_NAMES:
            continue
        if m.group("baby") and _kind_of(v.split()[0]) not in ("N", "U"):
            continue  # "Baby Friendly", "Baby Boomers": words, not a newborn's surname
        cue = _STAFF_CUE.match(text, end)
        if cue and not _PATIENT_WORD.search(cue.group(0)):
            continue  # "Ms. Chen from the vendor", "Mr. Haddad (PM)"
        role = _ROLE_BEFORE_TITLE.search(text, max(0, m.start() - 30), m.start())
        if role and role.group(1).lower() in _ROLE_TITLES:
            continue  # "Consultant Mr. Brennan saw the patient", "Charge nurse Mrs. Okoro"
        left, right = _window(text, m.start(), end, before=60, after=70)
        if (
            _clinical_cue(left + " " + right)
            or _PLACE.search(right)
            or (re.match(r"['’]s\b", right) and _care_phrase(text, end + 2, 3))
            or _cared_for(text, m.start(), end)
        ):
            out.append((start, end))
    return out


def _cared_for(text: str, start: int, end: int) -> bool:
    """A title and a name near a word of one person's care ("I saw Ms Ojaste in clinic", "Mr. Collins's wound
    dressing"), with no project word near and no role before the title ("Nurse manager Mrs. Alvarez")."""
    if _salutation(text, start, end):
        return True
    care, more_project = _care_context(text)
    if not _near(care, start, end) or _staff_before(text[max(0, start - 40) : start]):
        return False
    _, project, strong = _context(text)
    return _near(strong, start, end) or not (_near(project, start, end) or _near(more_project, start, end))


def is_patient_single_name(text: str, start: int, end: int) -> bool:
    """A single capitalised word after "patient"/"pt" ("pt Kowalski's specimen") is a name only when the
    context says so; "fetching patient Orders", "Patient Dashboard", "discharge patient Added" are not."""
    word = text[start:end]
    if len(word) >= 5 and word.lower().endswith(("ed", "ing")):
        return False
    right = text[end : end + 2]
    if right[:1] in ("'", "’"):
        return True
    _, after = _window(text, start, end, before=50, after=60)
    return bool(clinical_found(after) or _PLACE.search(after) or _clinical_cue(after))
