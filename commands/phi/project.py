"""A finding judged against its sentence: in a project's sentence with no sign of a patient, a date, a phone or a
name is staff's or the project's, not a patient's.

Rounds' users are hospital PMOs. Their notes are full of words of care used as the names of workflows and places
("ADT admission workflow go-live 2026-12-04", "I visited the Mercy clinic on 11/12 for the readiness walkthrough",
"Site visit to Royal North Shore on 15/12"), of colleagues with titles and roles ("Miss Eleanor Pritchard (ward
clerk, 6 South) will test the admission screens", "Action: Moana Kealoha / Ayesha Siddiqui to confirm room
bookings") and of vendors' and staff's numbers ("Cerner account exec (Brad Kowalski, 816-555-0134)"). A date, a
name or a phone is a patient's when the context says so: a patient word, an age or a sex, a verb of care applied
to a person ("admitted", "fell", "seen in clinic"), a bed or a room, a relative, "named", a person's own care ("his
meds", "my surgery"), a record label (DOB, MRN). It is not a patient's because a care-ish word such as clinic,
admission or discharge is nearby; words of a project (go-live, cutover, workflow, walkthrough, review, sprint,
training, committee, site visit, build, UAT, vendor, interface…) count against.

:func:`project_allows` is asked by allow.py for each finding the detectors made; it vetoes one only when the
sentence is a project's and nothing around it is a patient's. The signs of a patient are found once per text and
looked up by position; every other test is a bounded search in a fixed-size window around the finding, so a scan
stays linear in the text's length.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import lru_cache

from commands.phi.care import _DATE_LABEL, CARE_NOUNS, care_occasion, frame_label
from commands.phi.devices import names_carried_device
from commands.phi.leadwords import (
    _ORG_OWNER_WORDS,
    _PROJECT_RX_WORDS,
    _RESEARCH_WORDS,
    _TEST_DATA_WORDS,
    _WORDS,
    _holds,
    _home_words,
    _no_folds,
    _person_and_patient,
    _words_in,
)
from commands.phi.letters import _ROLE_LINE, _balance, _name_in
from commands.phi.namewords import _wordset
from commands.phi.shared import _I, _digits, line_around, may_end_with, sentence_around

_KINDS = frozenset({"admission-date", "phone", "patient-name", "address", "mrn", "device-serial", "plan-number"})

# --- signs of a patient ------------------------------------------------------------------------------------------
# Strong: a person's care, age or sex, a relative, a record label. Any of them near the finding keeps it. (A new
# alternative's first word goes in leadwords._PERSON_LEADS too, and an example of it in tests/test_phi_fast_paths.py.)
_PERSON = re.compile(
    r"\b(?:\d{1,3}\s{0,2}-?\s{0,2}(?:yo|y/o|y\.o\.|yrs?|years?|year|months?|month|weeks?|week)[\s-]{1,2}old"
    r"|\d{1,3}\s{0,2}(?:yo|y/o|y\.o\.)|\d{1,3}\s{0,2}(?-i:[MF])\b(?!-)"
    r"|male|female|man|woman|boy|girl|baby|newborn|neonate|infant|toddler|gentleman|lady|widow(?:er)?"
    r"|named|known\s{1,3}as|aka|nee|née"
    r"|admitted(?!\s{1,3}to\s{1,3}(?:the\s{1,3})?(?:[\w'’-]{1,20}\s{1,3}){0,4}(?:course|programme|program|committee"
    r"|fellowship|scheme|panel|register|college|academy|faculty)\b)"
    r"|readmitted|re-admitted|discharged|died|deceased|passed\s{1,3}away|fell|falls?\s{1,3}(?:from|out|in\s{1,3}the)"
    r"|seen\s{1,3}(?:in|at|by|on\s{1,3}\d{1,4}|\d{1,4})|arrived\s{1,3}(?:in|at|to)\s{1,3}(?:the\s{1,3})?(?:ed|er|a&e|ward|icu"
    r"|hospital|clinic|emergency)|(?:ed|er|a&e|emergency)\s{1,3}(?:attendance|presentation|visit)"
    r"|triage\s{1,3}(?:cat(?:egory)?|category)\s{0,2}\d|a\s{1,3}real\s{1,3}(?:patient|record|chart|person)"
    r"|transferred\s{1,3}(?:to|from)\s{1,3}(?:the\s{1,3})?(?:icu|ccu|hdu|ed|er|ward|unit|theatre|hospital|rehab"
    r"|hospice|recovery|\d)|(?:presents|presented|presenting)\s{1,3}(?:to|with|at)(?!\s{1,3}(?:the\s{1,3}|our\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}"
    r"(?:forum|committee|board|meeting|council|group|huddle|workshop|steering|cab|sponsors?|team|staff|exec|executive"
    r"|showcase|conference|session|webinar)\b)|treated|diagnosed|dx['’]?d"
    r"|operated\s{1,3}on|underwent|hospitali[sz]ed|intubated|resuscitated|triaged|sedated|transfused|injured"
    r"|born|birth|next\s{1,3}of\s{1,3}kin|nok"
    r"|(?:d\.?o\.?b|mrn|urn|nhs\s{1,3}(?:no|number)|hospital\s{1,3}number|chart|encounter|medicare|medicaid|ssn"
    r"|health\s{1,3}card)\s{0,3}(?:no\.?|number|#)?\s{0,3}[:#=]?\s{0,3}\d{1,20}"
    r"|(?:discharge|admission|death|transfer|appointment|surgery|referral|results?|records?|chart|meds|wristband"
    r"|review|visit|attendance|follow-?up|consult(?:ation)?|assessment)"
    r"\s{1,3}(?:of|for)\s{1,3}(?:the\s{1,3}late\s{1,3})?(?-i:Mr|Mrs|Ms|Miss|Mx|Master|MR|MRS|MS)\b"
    r"|attend(?:s|ed|ing)?\s{1,3}(?:the\s{1,3}|an?\s{1,3}|his\s{1,3}|her\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}(?:clinic"
    r"|appointment|appt|ed|er|a&e|hospital|surgery|gp|outpatients)\b(?!\s{1,3}(?:go-?live|walkthrough|walk-through"
    r"|review|meeting|huddle|training|readiness|workshop|demo|session|forum|committee|build|team|staff|manager)\b)"
    r"|(?:his|her|their|hers)\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:meds|medications?|medicines?|discharge|admission"
    r"|appointments?|appt|results?|records?|chart|wristband|allergy|allergies|surgery|operation|procedure|bed"
    r"|room|address|gp|letter|referral|diagnosis|treatment|notes|labs?|bloods|scan|pain|condition|stay|visit"
    r"|dob|mrn|birthday|doctor|consultant|nurse|carer|home|phone|mobile|number|wife|husband|son|daughter"
    r"|mother|father|family|bill|claim|insurance|coverage|portal|care)\b"
    r"(?!\s{1,3}(?:workflows?|process(?:es)?|builds?|screens?|templates?|modules?|teams?|dashboards?|lounge|policy"
    r"|pathways?|forms?|projects?|go-?live|checklists?|rollout|system|interface|feed|redesign|navigator|order\s{1,3}sets?"
    r"|summary\s{1,3}templates?|planning\s{1,3}(?:huddle|meeting)|coordinators?|planners?|nurses?|clerks?|staff))"
    r"|(?:surgery|operation|cath|biopsy|mri|ct\s{1,3}scan|x-?ray|ecg|ekg|echo|colonoscopy|endoscopy|dialysis"
    r"|chemo(?:therapy)?|symptoms?|injury|fracture|stroke|s/p|hx|f/u|follow-?up\s{1,3}(?:appt|appointment|visit))"
    # ... but not as the name of a service, a place or a build: "Fracture Clinic", "stroke unit", "MRI room"
    r"(?!\s{1,3}(?:clinics?|units?|services?|wards?|teams?|pathways?|modules?|workflows?|programmes?|order\s{1,3}sets?"
    r"|templates?|suites?|rooms?|lists?|labs?|departments?|dept|cent(?:er|re)s?|projects?|builds?|screens?|forms?"
    r"|scanners?|machines?|booking|scheduling|reports?|results\s{1,3}interface)\b))\b",
    _I,
)
# Weak: a bed or a room with its number. Keeps a date or a phone, not a name a role makes staff's.
_PLACE_OF_CARE = re.compile(r"\b(?:rm|room)\s{0,2}#?\s{0,2}(?-i:[A-Z]{0,3})-?\d", _I)
# A bed is a patient's: strong.
_BED = re.compile(r"\b(?:bed|bay|cot|cubicle|trolley)\s{0,2}#?\s{0,2}(?-i:[A-Z]{0,3})-?\d", _I)
# A possessive of a person's care: "Mrs. Fairweather's discharge summary", "Mr. Tan's wristband".
_THEIR_CARE = re.compile(
    r"['’]s\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:meds|medications?|discharge|admission|appointments?|results?|records?"
    r"|chart|wristband|allergy|allergies|surgery|operation|procedure|bed|room|address|referral|diagnosis"
    r"|treatment|labs?|bloods|scan|dob|mrn|family|daughter|son|wife|husband|mother|father|letter|complaint)\b"
    r"(?!\s{1,3}(?:workflows?|process(?:es)?|builds?|screens?|templates?|modules?|teams?|dashboards?|lounge|policy"
    r"|pathways?|forms?|projects?|go-?live|checklists?|rollout|system|interface|feed|redesign|navigator|order\s{1,3}sets?"
    r"|summary\s{1,3}templates?|planning\s{1,3}(?:huddle|meeting)|coordinators?|planners?|nurses?|clerks?|staff))",
    _I,
)


# A patient or a relative. ("patient" before a product's word is the product's: "patient portal", "patient flow
# dashboard", "patient ID wristband printers"; a possessive is always a person's: "the patient's wristband".) (A new
# word goes in leadwords._PATIENT_LEADS too.)
_PATIENT = re.compile(
    r"\b(?:(?P<own>patient['’]s|patients['’]|pt['’]s|pts['’])|(?P<word>patients?|pts?|inpatients?)"
    r"|daughter|son|wife|husband|mother|father|mum|mom|dad|guardian|caregiver|carer|grandson|granddaughter"
    r"|grandmother|grandfather|niece|nephew|sister|brother|next\s{1,3}of\s{1,3}kin)\b",
    _I,
)
_PRODUCT_AFTER = re.compile(
    r"[\s-]{1,3}(?:portals?|safety|access|flow|experience|education|services?|relations|care|satisfaction"
    r"|registration|lists?|dashboards?|boards?|id|ids|identification|identity|identifiers?|wristbands?|labels?"
    r"|tracking|transport|kiosks?|navigators?|navigation|engagement|advocacy|advocates?|financial|finance|billing"
    r"|accounts?|administration|admin|information|info|demographics|index|master|matching|merges?|lookup|search"
    r"|placement|population|cohorts?|panels?|monitoring|throughput|volumes?|census|acuity|classification|journey"
    r"|stories|story|outcomes|surveys?|scheduling|self-scheduling|self-service|apps?|application|instructions"
    r"|materials|statements|payments|facing|cent(?:red|ered)|friendly|privacy|rights|voice|liaison|representatives?"
    r"|reps?|leaflets?|letters?\s{1,3}templates?|administration|movement|logistics|record\s{1,3}system|forms)\b",
    _I,
)


_NEAR = 200  # how far from a finding a sign of a patient counts


@lru_cache(maxsize=4)
def _signs(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Once per text: where the signs of a patient are (strong, and weak: a room), as sorted positions. A finding
    then looks up the ones near it, so a text with many findings is still read once."""
    person, patient = _person_and_patient(text, _PERSON, _PATIENT)
    strong = [m.start() for m in person]
    if "'" in text or "’" in text:  # (every match of _THEIR_CARE begins with one)
        strong.extend(m.start() for m in _THEIR_CARE.finditer(text))
    low = text.lower() if _no_folds(text) else ""  # (a bed's or a room's word is looked for first)
    if not low or any(w in low for w in ("bed", "bay", "cot", "cubicle", "trolley")):
        strong.extend(m.start() for m in _BED.finditer(text))
    for m in patient:
        if not (m.group("word") and _PRODUCT_AFTER.match(text, m.end())):
            strong.append(m.start())
    weak = [m.start() for m in _PLACE_OF_CARE.finditer(text)] if not low or "rm" in low or "room" in low else []
    return tuple(sorted(strong)), tuple(weak)


def _any_within(positions: tuple[int, ...], lo: int, hi: int) -> bool:
    i = bisect_left(positions, lo)
    return i < len(positions) and positions[i] < hi


def _patient_near(text: str, start: int, end: int, weak: bool = True) -> bool:
    """A sign of a patient within 200 characters of the finding, or of someone's own care anywhere in the text."""
    strong, weak_signs = _signs(text)
    lo, hi = start - _NEAR, end + _NEAR
    if _any_within(strong, lo, hi) or (weak and _any_within(weak_signs, lo, hi)):
        return True
    return _balance(text)[2] > 0  # "my mother", "I was admitted", "your results", a complaint


# --- signs of a project ------------------------------------------------------------------------------------------
# Words that are a project's and hardly ever a person's care (not "plan", "update", "office", "visit", "test").
_PROJECT_WORDS = _wordset(
    """
    walkthrough walk-through walkthroughs review reviewed reviewing reviews sprint sprints training trained trainer
    trainers committee forum course courses roster rosters forms build builds uat vendor vendors interface
    interfaces go-live golive cutover cut-over workflow workflows readiness pilot template templates rollout
    roll-out steering meeting meetings huddle workshop workshops demo demoed module modules dashboard pmo project
    projects programme milestone deadline release upgrade upgraded migration deploy deployed deployment launch
    launched runbook cab ticket sign-off signoff approval budget rehearsal regression super-user super-users
    superusers champions hypercare stand-up standup presentation slides checklist screens config configuration
    newsletter comms escalated escalation helpdesk printers wi-fi install installed installation refresher drop-in
    classroom go-no-go analytics documentation scope stakeholders governance procurement contract invoice
    licence license integration implementation onboarding backlog roadmap deliverables workstream turnaround
    pcs computers workstations cows wows laptops cabling hardware kit network
    shadowing shadowed defects defect snags issues gate walk-around walkaround walk-round estates facilities biomed
    version versions hotfix patch patched firmware app apps ships shipped shipping released releases kiosk kiosks
    """
)
# (A new alternative's first word goes in leadwords._PROJECT_RX_WORDS too.)
_PROJECT_RX = re.compile(
    r"\b(?:go(?:es)?[\s-]{1,2}live|went\s{1,3}live|site\s{1,3}visit|command\s{1,3}cent(?:er|re)|go/no-go"
    r"|account\s{1,3}(?:exec|executive|manager|rep)|war\s{1,3}room|(?:epic|cerner|oracle|meditech|altera|sectra"
    r"|philips|telstra|sunquest|orion|rhapsody|badgernet|okta)\b"
    r"|new\s{1,3}(?:wing|building|hub|site|premises)|relocat(?:es?|ed|ing|ion)\b|(?:re)?opens\b|opening\s{1,3}of\b"
    r"|\bnew\s{1,3}(?:[\w-]{1,20}\s{1,3}){0,2}(?:process|processes|steps|screens?|system|workflow|forms?|pathway|building|check-in|board"
    r"|model|layout|kiosks?|devices?|printers?)\b"
    r"|\b(?:is|are|was|were|went|been|be|now|going|goes)\s{1,3}live\b|\blive\s{1,3}(?:on|since|from)\s{1,3}(?!\d)"
    r"|walk(?:ed|ing)?\s{1,3}(?:them|him|her|staff|the\s{1,3}\w{1,20})\s{1,3}through"
    r"|mov(?:es?|ed|ing)\s{1,3}to\s{1,3}(?:the\s{1,3})?(?:new\s{1,3})?(?:[\w-]{1,20}\s{1,3})?(?:level|floor|building|block"
    r"|wing|premises|hub|location)\b|(?-i:[A-Z][\w'’]{1,25})\s{1,2}(?:site|campus)\b"
    r"|^\s{0,3}(?:actions?|decisions?|mitigations?|gate\s{0,2}\d?|milestones?|sprint\s{0,2}\d{0,3})\s{0,2}[:-])",
    _I | re.MULTILINE,
)
# A sentence ends at a full stop, not at an abbreviation's ("Dr. Fernández on 1 Dec."). (The stop is read first
# and the abbreviation behind it after, the speed idiom of shared.py: the engine skips to the stops.)
_SENTENCE_END = re.compile(
    r"[.!?\n](?:(?<=\n)|(?<!\b[DM]r.)(?<!\bMrs.)(?<!\bM[sx].)(?<!\b[SJ]r.)(?<!\bSt.)(?<!\bProf.)(?<!\bvs.)(?<!\bNo.)"
    r"(?<!\b[A-Z].)(?=\s))"
)


@lru_cache(maxsize=64)  # a finding's tests ask for its sentence several times; a scan's findings share sentences
def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) the finding is in, at most 160 characters either side."""
    return sentence_around(text, start, end, _SENTENCE_END)


@lru_cache(maxsize=64)
def _project_matches(s: str) -> tuple[str, ...]:
    """What _PROJECT_RX matches in a sentence (read once per sentence: several tests of several findings ask)."""
    if _no_folds(s) and _PROJECT_RX_WORDS.isdisjoint(_words_in(s)):
        return ()
    return tuple(m.group(0) for m in _PROJECT_RX.finditer(s))


@lru_cache(maxsize=64)
def _project_words(sentence: str) -> bool:
    """A project's word or phrase in the sentence (the list's words first: the pattern is read only without them)."""
    return not _PROJECT_WORDS.isdisjoint(_words_in(sentence)) or bool(_project_matches(sentence))


# --- dates ---------------------------------------------------------------------------------------------------------
# A version at the start of a line right before the date: a release's heading ("## [2.3.1] - 2026/09/14", "v4.2 —").
_RELEASE_HEADING = re.compile(
    r"(?:^|\n)[ \t]{0,3}(?:#{1,4}[ \t]{0,2})?\[?v?\d{1,4}(?:\.\d{1,4}){1,3}[\w.+-]{0,12}\]?[ \t]{0,3}[-–—(:|][ \t]{0,3}$",
    _I,
)
# A count of people: a statistic, not one person's date.
_COUNT_OF_PEOPLE = re.compile(
    r"\b\d{1,3}(?:,\d{3})+\s{1,3}(?:patients|people|clients|residents|visits|admissions|referrals|attendances)\b"
    r"|\b\d{2,6}\s{1,3}(?:patients|people|clients|residents|admissions|referrals|attendances)\s{1,3}(?:were|have|had)\b",
    _I,
)


# An event of care right before a date: "admitted 3/12", "discharge: 3/12".
_EVENT_BEFORE = re.compile(
    r"\b(?:admit(?:ted)?|admission|adm|discharged?|d/c|died|death|dos|dod)\W{0,3}(?:on\s{1,3})?$", _I
)
_EVENT_REACH = 20  # (a match is at most 18 characters, and ends at the window's end or before a line break there)


def _event_before(text: str, start: int) -> bool:
    """_EVENT_BEFORE in the 30 characters before the date, read as a text of their own: searched from where a match
    can start, not from each of the 30."""
    before = text[max(0, start - 30) : start]
    return bool(_EVENT_BEFORE.search(before, max(0, len(before) - _EVENT_REACH)))


# What _RELEASE_HEADING's matches end with (then spaces or tabs, and the window's end or a line break last in it).
_RELEASE_HEADING_ENDS = ("-", "–", "—", "(", ":", "|")
# The words every match of _COUNT_OF_PEOPLE holds.
_PEOPLE_COUNTED = ("patients", "people", "clients", "residents", "visits", "admissions", "referrals", "attendances")


def _release_heading(text: str, start: int) -> bool:
    """_RELEASE_HEADING in the 30 characters before the date, searched only when they end with a heading's
    separator (a match ends with one, then at most three spaces or tabs, at the window's end or before a line
    break that ends it)."""
    lo = max(0, start - 30)
    window = text[lo:start].removesuffix("\n")
    return window.rstrip(" \t").endswith(_RELEASE_HEADING_ENDS) and bool(_RELEASE_HEADING.search(text, lo, start))


def _date_label_before(text: str, start: int) -> bool:
    """care._DATE_LABEL in the 16 characters before the date, searched only when they hold one of the words each
    of its labels has ("date", "time", "appointment") or a capital D. (In an ASCII window: a case-blind "i" also
    matches "İ" and "ı".)"""
    lo = max(0, start - 16)
    window = text[lo:start]
    if window.isascii() and "D" not in window:
        low = window.lower()
        if "date" not in low and "time" not in low and "appointment" not in low:
            return False
    return bool(_DATE_LABEL.search(text, lo, start))


def _count_of_people(sentence: str) -> bool:
    """_COUNT_OF_PEOPLE in the sentence, searched only when it holds one of the counted words (an ASCII sentence: a
    case-blind "i" or "s" also matches "İ", "ı" and "ſ")."""
    if sentence.isascii():
        low = sentence.lower()
        if not any(w in low for w in _PEOPLE_COUNTED):
            return False
    return bool(_COUNT_OF_PEOPLE.search(sentence))


def _project_date(text: str, start: int, end: int) -> bool:
    """A date in a project's sentence ("ADT admission workflow go-live 2026-12-04", "I visited the Mercy clinic on
    11/12 for the readiness walkthrough"), unless a header label stands before it ("Visit date:") or an event of
    care right before it ("admitted 3/12", "discharge: 3/12")."""
    if _release_heading(text, start):
        return True  # "## [2.3.1] - 2026/09/14": a changelog's release heading
    if _date_label_before(text, start) or frame_label(text, start, fields=False):
        return False
    if _count_of_people(_sentence(text, start, end)):
        return True  # "Between 3/1 and 3/31, 1,204 patients were seen in the new clinic": a statistic
    if _event_before(text, start):
        return False
    if _patient_near(text, start, end):
        return False  # (first: a sign of a patient near the date is one anywhere in the text, the answer of both tests)
    care = care_occasion(text, start)  # "At the review in January 2025": the review is of care
    if _project_evidence(_sentence(text, start, end), care):
        return True
    # a note of a few sentences: "Hi Sione, I visited the Mercy clinic on 11/12 and met the practice manager. All
    # good for go-live." A project's word anywhere in it, and no sign of a patient anywhere in it.
    return len(text) <= _SHORT and _project_evidence(text, care) and not _patient_near(text, 0, len(text))


# Project words a note of care uses too: "wound review 3/12", "documentation signed", "escalated to the GP",
# "family meeting", "approval for home oxygen", "a course of antibiotics", "uploaded to the app".
_CARE_TOO = _wordset(
    """
    review reviewed reviewing reviews documentation escalated escalation approval issues app apps network version
    versions scope contract presentation training trained meeting meetings course courses forms template templates
    patch patched released releases defect defects shadowing regression hardware checklist upgrade upgraded
    migration kit install installed installation facilities turnaround milestone readiness slides screens
    committee implementation module modules shipped shipping ships invoice integration
    """
)
# Words of a note of care: a finding, a treatment, a clinician's act on a person. With them, the words above are
# the note's, not a project's.
_NARRATIVE = re.compile(
    r"\b(?:wounds?|rash|pain|fever|cough|swelling|symptoms?|dizz(?:y|iness)|nausea|vomiting|bleeding|infection"
    r"|injury|fracture|meds|doses?|\d{1,4}\s{0,2}mg|antibiotics?|prescri(?:bed|ption)|inhaler|insulin"
    r"|oxygen|saturations?|glucose|blood\s{1,3}(?:pressure|sugar|tests?)|mobility|swallow(?:ing)?|dietitian"
    r"|physio(?:therapy|therapist)?|registrar|clinician|allerg(?:y|ies)|diagnos(?:is|ed)|documented|recorded|noted"
    r"|onset|encounter|seen|examined|assessed|reassess(?:ed|ment)?|treated|therapy|admitted|discharged|surgery"
    r"|biopsy|x-?ray|mri|ultrasound|urgent\s{1,3}care|rapid\s{1,3}response|memory\s{1,3}(?:service|clinic)|hearing"
    r"|falls?\s{1,3}risk|vaccin(?:e|es|ated|ation)|booster|immuni[sz](?:ed|ation)|specimen|chest|breath(?:ing|less)?"
    r"|wheez\w{0,4}|appetite|sleep|mood|anxiety|dementia|confusion|consent\s{1,3}(?:was\s{1,3})?(?:given|signed|obtained)"
    r"|care\s{1,3}plan\s{1,3}(?:was\s{1,3})?(?:reviewed|updated|agreed)|next\s{1,3}of\s{1,3}kin|carer|caregiver|weight"
    r"|observations|prescribing|respiratory|walking|gait|consultations?|clinical\s{1,3}(?:notes?"
    r"|record|assessment|review|examination)|(?:the|this)\s{1,3}(?:individual|person|(?:resident|client)['’]s)"
    r"|(?:physio|occupational\s{1,3}|speech\s{1,3})?therapists?"
    # the course of a stay, not a training course: "ED course 3/4: given 2 L NS", "Hospital course: …"
    r"|(?:ed|er|a&e|hospital|icu|inpatient|clinical|post-?op(?:erative)?|treatment|illness)\s{1,3}course"
    r"(?=\s{0,3}(?:[:(\d]|(?:on|mon|tue|wed|thu|fri|sat|sun)\w{0,6}\b))|" + CARE_NOUNS + r")\b",
    _I,
)


@lru_cache(maxsize=64)  # the dates of a scan share their sentences, and the text's own test
def _project_evidence(s: str, care: bool = False) -> bool:
    """A project's word that is the project's: one a note of care hardly uses, or one it does use ("review",
    "meeting") in a sentence with no word of care (care: an occasion of care stands before the date)."""
    found = _words_in(s) & _PROJECT_WORDS
    if found - _CARE_TOO:
        return True
    matches = _project_matches(s)
    shared = [w for w in matches if _RX_CARE_TOO.search(w)]
    if len(matches) > len(shared):
        return True
    return bool(found or shared) and not (care or _NARRATIVE.search(s))


# The project patterns a note of care matches too: "the shoulder was relocated", "the wound reopens", "Surgical site".
_RX_CARE_TOO = re.compile(r"relocat|opens|site$|through$", _I)  # (and "walked her through the exercises")


_SHORT = 600

# --- phones --------------------------------------------------------------------------------------------------------
_ROLE_WORDS = _ROLE_LINE | _wordset(
    """
    head exec executive chargée chargé responsable jefe jefa leiter leiterin projet proyecto dsi ict digital
    delivery pmp coordinator co-ordinator clerk champion trainer educator engineer architect administrator
    lhd lhn uhb hhs trust
    """
)
# A person's job, after their name or in a sentence with their number: the role words without the places and the
# clinicians a patient is with ("Mr. Bell (ward 5)", "Mrs. Kerr (radiology)", "(consultant: Dr. Ito)").
_JOB_TITLES = (
    _ROLE_WORDS
    - _wordset(
        """
        ward nursing pharmacy radiology laboratory clinical gp dentist cardiologist surgeon consultant registrar
        practice attending resident provider doctor dr drs physician clinician hospitalist d0ct0r examiner signature
        signed reviewed author board committee department dept desk office service services support scheduling
        billing quality therapist
        """
    )
) | _wordset(
    """
    num nm nic cnc cns supervisor porter technician tech biomed estates it pmo super-user superuser tester
    """
)
# What may stand on a signature's phone line beside the number: labels, separators, a country code, brackets,
# another number ("T 02 9876 5432 | M 0412 555 019", "Direct: … Mobile: …").
_OTHER_NUMBER = re.compile(r"\+?\(?\d[\d() .-]{2,22}\d(?:\s{0,2}(?:x|ext\.?)\s{0,2}\d{1,6})?|\+\s{0,2}\d{1,3}")
_PHONE_LABELS = re.compile(
    r"(?:[\s:.,()+|/•·-]|\b(?:ext|extn|extension|x|tel|telephone|ph|phone|mobile|mob|cell|m|t|p|o|w|f|office|direct"
    r"|work|fax|pager|bleep|dd|ddi|switchboard|desk|landline)\b){0,24}",
    _I,
)


def _only_labels(rest: str) -> bool:
    return len(rest) <= _LONGEST_LINE and bool(_PHONE_LABELS.fullmatch(_OTHER_NUMBER.sub(" ", rest)))


# Whose number it is, in the phone's sentence: a vendor's, a service's, the writer's own.
_STAFF_PHONE = re.compile(
    r"\b(?:account\s{1,3}(?:exec|executive|manager|rep)|command\s{1,3}cent(?:er|re)|service\s{1,3}desk|help\s{0,3}desk"
    r"|on-?call|hypercare|support\s{1,3}line|bridge|war\s{1,3}room|vendor|supplier|rep|(?:call|reach|ring|text)\s{1,3}me"
    r"|my\s{1,3}(?:mobile|cell|number|direct\s{1,3}line|phone)|epic|cerner|oracle|meditech|altera|sectra|philips"
    r"|telstra|sunquest|rhapsody|okta|dr\.?|prof\.?)\b",
    _I,
)


_CALL_ME = re.compile(r"\b(?:call|reach|ring|text|contact|phone|page)\s{1,3}me\b", _I)
# A site named in the sentence: "Royal North Shore", "St Vincent's", "Westmead Hospital".
_SITE_RX = re.compile(
    r"\b(?-i:Royal|St\.?|Saint|Mater)\s{1,2}(?-i:[A-Z])|\b(?-i:[A-Z][\w'’]{1,25})\s{1,2}(?-i:Hospital|Health|Children['’]s"
    r"|Women['’]s|General|Memorial|Infirmary|Campus|Clinic|Medical\s{1,2}Cent(?:re|er)|site|campus)\b"
)


_LONGEST_LINE = 160  # a signature's line is short: looked for this far only, so the work per finding is bounded


def _line(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The line a span is on, or None when it is longer than a signature's."""
    return line_around(text, start, end, _LONGEST_LINE)


@lru_cache(maxsize=4)
def _about_project(text: str) -> bool:
    """Once per text: a project's word in it, and no more words of care than of a project (letters.py's count)."""
    care, project, _ = _balance(text)
    return care <= project and _project_words(text)


def _signature_phone(text: str, start: int, end: int) -> bool:
    """A phone on a signature line at the end of a message about a project: on its own line (or an extension,
    or on a "Name | Role | Ext" line) under a name, in a block after a blank line or a closing in any language
    ("Cordialement,", "Ta,"), and a role line or a project's text."""
    if "\n" not in text:
        return False
    found = _line(text, start, end)
    if found is None:
        return False
    lo, hi = found
    line = text[lo:hi]
    rest = line[: start - lo] + line[end - lo :]
    words = set(_WORDS.findall(rest.lower()))
    if "|" in line and words & _ROLE_WORDS:
        return True  # "Fatima Al-Sayed | PMO Analyst | Ext 4521"
    if not _only_labels(rest):
        return False  # not a line of its own
    # the block above: up to four non-blank lines
    above: list[str] = []
    at = lo
    while at > 0 and len(above) < 4:
        prev_line = _line(text, at - 1, at - 1)
        if prev_line is None:
            break
        plo = prev_line[0]
        prev = text[plo : at - 1]
        if not prev.strip():
            break
        above.append(prev)
        at = plo
    names = [i for i, ln in enumerate(above) if _name_in(ln)]
    if not names and not _first_name_signed(above):
        return False
    # a role on a line of the block other than the name's (the topmost name line: "Mei-Ling Chen" above
    # "Director, Patient Access", which reads as a name too)
    top = names[-1] if names else -1
    if any(set(_WORDS.findall(ln.lower())) & _ROLE_WORDS for i, ln in enumerate(above) if i != top):
        return True
    return _about_project(text)


def _first_name_signed(above: list[str]) -> bool:
    """A first name alone under a closing ("Merci,\nIsabelle"): the closing a short line ending in a comma."""
    for name, closing in itertools.pairwise(above):
        if re.fullmatch(r"\s{0,3}(?-i:[A-Z][a-zà-öø-ÿ'’-]{1,20})\s{0,3}", name) and re.fullmatch(
            r"\s{0,3}[^\W\d_][\w' ’-]{0,25}[,!]\s{0,3}", closing
        ):
            return True
    return False


def _project_phone(text: str, start: int, end: int, numbers_in_body: bool) -> bool:
    """A staff's or a vendor's phone: on a signature line, or in a project's sentence ("Escalated to Cerner account
    exec (Brad Kowalski, 816-555-0134)", "Ms Aroha Ngata will cover the command centre on Jan 14; mobile …")."""
    if _patient_near(text, start, end):
        return False
    if _signature_phone(text, start, end):
        return True
    if not numbers_in_body:
        return False  # the workspace's admins denied the service-desk allowance: only signatures pass
    sentence = _sentence(text, start, end)
    if _CALL_ME.search(sentence) and (_SITE_RX.search(sentence) or _about_project(text)):
        return True  # the writer's own, in a project's text: "… go-live 12/14. Call me on … if the dates move."
    if not _project_words(sentence):
        return False
    # whose number: a vendor's, a service's, a colleague's with a role, the writer's own ("call me on …")
    return bool(_STAFF_PHONE.search(sentence)) or not _JOB_TITLES.isdisjoint(_WORDS.findall(sentence.lower()))


# --- names -----------------------------------------------------------------------------------------------------------
_DEPARTMENTS = _wordset(
    """
    biomed biomedical estates facilities procurement finance payroll hr it ict digital informatics security
    infrastructure networks network comms communications education training quality governance audit legal
    pharmacy pathology radiology imaging lab laboratory him records coding admissions access scheduling
    engineering operations ops pmo vendor vendors supplier procurement transformation strategy
    """
)
# A site read as a person: "Royal Darwin", "Sydney Children's", "St Vincent's Melbourne".
_SITE_WORDS = _wordset(
    """
    royal st st. saint children's childrens women's womens mercy general memorial infirmary hospital hospitals
    health medical centre center university campus clinic clinics prince princess queen king's kings north south
    east west
    """
)
_TO_ACT = re.compile(
    r"\s{0,2}(?:(?:/|&|and)\s{0,2}[A-Z][\w'’-]{1,25}(?:\s{1,2}[A-Z][\w'’-]{1,25}){0,2}\s{0,2})?"
    r"(?:(?:to|will)\s{1,2}(?:confirm|chase|send|book|update|review|draft|raise|schedule|circulate|follow|check|brief"
    r"|present|collect|validate|organi[sz]e|arrange|escalate|run|test|lead|own|sign|approve|contact|email|e-mail"
    r"|share|prepare|write|set|agree|finali[sz]e|publish|log|track|coordinate|co-ordinate|liaise|invite|order"
    r"|source|procure|install|configure|build|fix|investigate|document|map|walk|train|produce|submit|provide|ask"
    r"|cancel|reschedule|move|confirm|reconfirm|rerun|re-run|deliver|demo|cover|chair|facilitate|take|report|pick)"
    r"|owns|leads|chairs|covers)\b"
)
_POSSESSIVE_PROJECT = re.compile(
    r"['’]s\s{1,3}(?:[\w-]{1,15}\s{1,3})?(?:sign-?off|approval|team|budget|plan|slides|deck|decision|comments?"
    r"|feedback|update|report|workstream|project|office|schedule|availability|calendar|inbox|leave|go-ahead)\b",
    _I,
)


def _staff_after(text: str, end: int) -> bool:
    """A role, a team or a department right after the name: "(ward clerk, 6 South)", ", the discharge coordinator
    on 7B", "(Infrastructure PM)", "from Biomed", "'s sign-off"."""
    after = text[end : end + 60]
    if text[end - 2 : end] in ("'s", "’s"):
        after = text[end - 2 : end + 60]  # the finding is "Ortega's"
    if _POSSESSIVE_PROJECT.match(after):
        return True
    m = re.match(r"\s{0,2}(?:\(|,\s{0,2}(?:the|our|a|an)?\s{0,2})([^(),;\n]{1,40})", after)
    if m:
        piece = re.split(r"\s(?:on|at|for|in|of|from|with)\s", m.group(1), maxsplit=1)[0]
        words = _WORDS.findall(piece.lower())
        if 1 <= len(words) <= 4 and words[-1] in _JOB_TITLES:
            return True
    m = re.match(r"\s{1,2}(?:from|of|in)\s{1,2}(?:the\s{1,2})?([A-Za-z]{2,20})\b", after)
    return bool(m and m.group(1).lower() in _DEPARTMENTS)


# What stands before an action's owner: the line's start, "Action:", "Owner -", or another owner ("X / Y", "X and Y").
_LINE_LEAD = re.compile(r"\s{0,3}")
_ACTION_LEAD = re.compile(
    r"(?:\b(?:action|actions|owner|owners|ao|todo|to-do|next\s{1,2}steps?)\s{0,2}[:-]\s{0,2}|[/&]\s{0,2}|\band\s)"
    r"\s{0,2}(?:(?-i:[A-Z][\w'’-]{1,25})\s{1,2}){0,2}$",
    _I,
)


def _action_owner(text: str, start: int, end: int) -> bool:
    """The owner of an action: "Action: Moana Kealoha / Ayesha Siddiqui to confirm room bookings"."""
    lead = text[max(0, start - 40) : start]
    nl = lead.rfind("\n")
    if nl >= 0:
        lead = lead[nl + 1 :]
    at_line_start = nl >= 0 or start <= 40
    if not ((at_line_start and _LINE_LEAD.fullmatch(lead)) or _ACTION_LEAD.search(lead)):
        return False
    return bool(_TO_ACT.match(text, end))


def _site_name(text: str, start: int, end: int) -> bool:
    """A word of a site's name in the finding or just before it ("St Vincent's Melbourne", "Royal Darwin")."""
    words = [w.lower().strip(".,") for w in text[start:end].split()]
    before = re.search(r"([A-Za-z'’.]{2,12})\s{1,2}$", text[max(0, start - 14) : start])
    if before:
        words.append(before.group(1).lower().strip(".,"))
    return any(w in _SITE_WORDS for w in words)


def _list_item(text: str, start: int, end: int) -> bool:
    """A list item such as "LOS, EDD" in a list of column names ("bed, name, age, LOS, EDD, consultant"): short capitals between
    lower-case items."""
    value = text[start:end]
    if re.fullmatch(r"(?i:ok|na|n/a|tbc|tbd|yes|no|done|green|amber|red|wip),\s{1,2}\S{1,30}", value):
        return True  # "printers OK, Wi-Fi weak": a status word, not a surname
    if not re.fullmatch(r"[A-Z]{2,5},\s{1,2}[A-Z]{2,5}", value):
        return False
    return bool(
        re.search(r"\b[a-z]{2,20},\s{1,2}$", text[max(0, start - 25) : start])
        or re.match(r",\s{1,2}[a-z]{2,20}\b", text[end : end + 25])
    )


def _signed_name(text: str, start: int, end: int) -> bool:
    """A name alone on its line with a role on the next line: a signature ("Mei-Ling Chen / Director, Patient
    Access")."""
    here = _line(text, start, end)
    if here is None or text[here[0] : here[1]].strip(" \t,.") != text[start:end].strip(" \t,."):
        return False
    below = _line(text, here[1] + 1, here[1] + 1) if here[1] < len(text) else None
    if below is None:
        return False
    return not _ROLE_WORDS.isdisjoint(_WORDS.findall(text[below[0] : below[1]].lower()))


def _project_name(text: str, start: int, end: int) -> bool:
    """A colleague or a site: a role or a team after the name, the owner of an action, a site's name, a list of
    column names; never with a strong sign of a patient near it."""
    if _patient_near(text, start, end, weak=False):
        return False
    if (
        _staff_after(text, end)
        or _action_owner(text, start, end)
        or _list_item(text, start, end)
        or _signed_name(text, start, end)
    ):
        return True
    return _site_name(text, start, end) and _project_words(_sentence(text, start, end))


# --- addresses and numbers -------------------------------------------------------------------------------------------
# A site's address: "Outpatients at 100 Queen Street moves to the new hub".
_SITE_AT = re.compile(
    r"\b(?:clinic|clinics|outpatients|hospital|office|offices|site|campus|building|cent(?:re|er)|hub|pharmacy|lab"
    r"|laboratory|practice|warehouse|depot|premises|hq|headquarters)(?:\s{1,3}(?:at|on|in)\s{1,3}|\s{0,2}[,:]\s{1,3})$"
    r"|\b(?:located|based)\s{1,3}at\s{1,3}$|\b(?:venue|location)\s{0,2}:\s{0,3}(?:[\w'’-]{1,20}\s{1,2}){0,4}[\w'’-]{1,20},"
    r"\s{1,3}$",
    _I,
)


# (A new word goes in leadwords._ORG_OWNER_WORDS too; _RESEARCH's and _TEST_DATA's in their lists there.)
_ORG_OWNER = re.compile(
    r"\b(?:vendors?|suppliers?|hq|headquarters|head\s{1,3}office|offices?|legal|accounts\s{1,3}payable|team|contractors?"
    r"|company|corporate|war\s{1,3}room|data\s{1,3}cent(?:re|er)|sow|invoices?|contracts?|conference|kick-?off|install"
    r"|pmo|courier|steering|cutover|go-live|procurement|tender|payroll|department|dept|microsoft|oracle|epic|cerner|philips|siemens|zebra|equinix)\b",
    _I,
)
_HOME_WORDS = re.compile(
    r"\b(?:home|(?<!-)lives?|living|resides?|residence|residential|domicile|my|her|his|their|family|mother|father|son"
    r"|daughter|wife|husband|discharge[ds]?|ambulance|patient['’]?s?|pt)\b",
    _I,
)  # (a new word goes in leadwords._HOME_WORD_LIST too)


# How far before the finding a match of _SITE_AT other than a venue's can start (at most 20 characters, ending at the
# window's end or before a line break there).
_SITE_AT_REACH = 22


def _site_at(text: str, start: int) -> bool:
    """_SITE_AT before the finding, read only when "at", "on", "in", a comma or a colon ends the text before it (every
    match ends so, then at most three spaces), and from where a match can start."""
    if _no_folds(text) and not text[max(0, start - 8) : start].rstrip().lower().endswith(("at", "on", "in", ",", ":")):
        return False
    lo = max(0, start - 60)
    window = text[lo:start]
    if window.isascii() and "venue" not in (low := window.lower()) and "location" not in low:
        lo = max(lo, start - _SITE_AT_REACH)  # (only a venue's match is longer)
    return bool(_SITE_AT.search(text, lo, start))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _project_address(text: str, start: int, end: int) -> bool:
    """An address that is no one's: a span across a blank line (a date, a closing and a signature read as one
    address), or a site's address in a project's sentence."""
    value = text[start:end]
    if "\n" in value and ("\n\n" in value or _BLANK_LINE.search(value)):
        return True
    if not _site_at(text, start):
        # an organisation's address in a sentence about it: "Vendor address: 1200 Market Street, …", "Send the signed
        # SOW to Legal, 55 Fruit Street, …" — unless it is someone's home or a patient is near
        if _home_words(text, max(0, start - 150), end + 80, _HOME_WORDS):
            return False  # (first: the quick answer in a text about someone's home)
        sentence = _sentence(text, start, end)  # (without the address: "9 Karl Johans gate" is not a stage gate)
        return (
            _holds(_ORG_OWNER, _ORG_OWNER_WORDS, sentence, value) or _project_words(sentence)
        ) and not _patient_near(text, start, end)
    # (a room is the venue's: "Education Centre, 12 King Street, Level 2, Room 2.07")
    return _project_words(_sentence(text, start, end)) and not _patient_near(text, start, end, weak=False)


_MONTH_DATE = re.compile(
    r"\d{1,2}[-/ ](?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]{0,6}[-/ ]\d{2,4}", _I
)
# A model number: a brand and a plural product after it ("1,120 Alaris 8015 PCUs").
_MODEL = re.compile(r"(?-i:[A-Z][\w-]{1,20})\s{1,2}$")
_PRODUCTS_AFTER = re.compile(
    r"\s{1,2}(?:[A-Za-z-]{1,15}\s{1,2})?(?:pcus|pumps|modules|units|monitors|scanners|printers|devices|handsets"
    r"|tablets|laptops|workstations|carts|series|models?)\b",
    _I,
)


# A vendor's case or ticket label right before the number.
_VENDOR_CASE = re.compile(
    r"\b(?:case|ticket|sr|incident|inc|service\s{1,3}request|request|ref|reference)\s{0,3}(?:no\.?|number|nbr|#|id)?"
    r"\s{0,3}[:#]?\s{0,3}$",
    _I,
)
# A tracker's key: "LIME2-802", "EPIC-1182", "OPS-77".
_TICKET = re.compile(r"(?-i:[A-Z][A-Z0-9]{1,9})-\d{1,6}")
_ID_LABEL = re.compile(
    r"\b(?:mrn|urn|record|chart|encounter|account|acct|id|number|no|nbr|member|policy|plan|serial|s/n|sn|visit|fin|csn"
    r"|har|pid)\b\W{0,4}$|#\s{0,2}$",
    _I,
)


_COUNT_AFTER = re.compile(
    r"\s{1,3}(?:per\b|of\s{1,3}\d|(?:[a-z-]{2,15}\s{1,3})?(?:accounts|payers|records|patients|charts|claims|members"
    r"|rows|items|users|labels|files|messages|orders|visits|encounters|specimens|samples|cards|numbers|ids)\b)",
    _I,
)
_RANGE_BEFORE = re.compile(
    r"(?:\b(?:range|ranges|sequence|sequences|between|from|starting\s{1,3}at)|\d\s{1,3}of)\s{1,3}$", _I
)
_RESEARCH = re.compile(
    r"\b(?:pubmed|pmid|pmcid|doi|genbank|clinicaltrials(?:\.gov)?|nct\d{8}|research|publication|journal|article"
    r"|citation|dataset|data\s{1,3}set|bioproject|biosample|geo\s{1,3}series|arxiv)\b",
    _I,
)
_TEST_DATA = re.compile(
    r"\b(?:uat|sit|demo|sandbox|dummy|synthetic|fake|mock|test\s{1,3}(?:script|system|environment|domain|patient|encounter"
    r"|data|case|message)s?|training\s{1,3}(?:domain|environment|system)|(?:interface|message|tech(?:nical)?)\s{1,3}spec"
    r"|specification|sample\s{1,3}(?:message|file|record)s?)\b",
    _I,
)
# A label word alone before the number, with no "number", "ID" or "#": "Member 10234", "Episode 10234".
_BARE_LABEL = re.compile(r"\b(?:member|policy|episode|admission|claim|specimen|barcode|record|case)\s{1,3}$", _I)
_WEAK_ID_LABEL = re.compile(
    r"\b(?:account|acct|case|client|plan|group|unit|record|registration|key|reference|ref|statement|file|id|number|no"
    r"|code|identifier)\b[\s\W]{0,6}$",
    _I,
)
_WEAK_ID_REACH = 20  # (a match is at most 18 characters: it starts in the last 20 of the 40 it is looked for in)
_STRONG_ID_LABEL = re.compile(
    r"\b(?:patient|pt|medical|mrn|member|policy|insurance|insured|subscriber|chart|hospital|health|encounter|visit"
    r"|accession|specimen|medicare|medicaid|claim|beneficiary|guarantor|payer|episode|admission|ssn|social)\b",
    _I,
)
_SYSTEM_WORDS = re.compile(
    r"\b(?:sftp|ftp|oauth|saml|sso|ldap|app|apps|api|active\s{1,3}directory|servicenow|jira|staging|table|database"
    r"|server|servers|conference|support|microsoft|expires?|expired|rotated|tenant|azure|aws|sheet|spreadsheet"
    r"|capacity|planning|renovation|portal|provider|vendor|licen[cs]e|subscription|password|credentials?|certificate"
    r"|queue|script|sandbox|environment|prod|production|test\s{1,3}system|pipeline|repository|repo)\b",
    _I,
)

# The words a match of _SYSTEM_WORDS begins with: a sentence without any is not searched (see leadwords._holds).
_SYSTEM_WORD_LIST = _wordset(
    """
    sftp ftp oauth saml sso ldap app apps api active servicenow jira staging table database server servers conference
    support microsoft expire expires expired rotated tenant azure aws sheet spreadsheet capacity planning renovation
    portal provider vendor licence license subscription password credential credentials certificate queue script
    sandbox environment prod production test pipeline repository repo
    """
)


_COUNT_VALUE = re.compile(r"[\d,-]{1,16}")
_FINANCIAL_YEAR = re.compile(r"(?:19|20)\d\d[-/]\d\d")
# What the window before a number ends with (its trailing white space left off) when a pattern anchored at its end
# can match there: the pattern is searched only then (see shared.may_end_with).
_VENDOR_CASE_ENDS = (
    ":", "#", "no.", "no", "number", "nbr", "id", "case", "ticket", "sr", "incident", "inc", "request", "ref",
    "reference",
)  # fmt: skip
_RANGE_BEFORE_ENDS = ("range", "ranges", "sequence", "sequences", "between", "from", "at", "of")
_BARE_LABEL_ENDS = ("member", "policy", "episode", "admission", "claim", "specimen", "barcode", "record", "case")


def _vendor_case(text: str, start: int) -> bool:
    """_VENDOR_CASE in the 25 characters before the number."""
    lo = max(0, start - 25)
    return may_end_with(text[lo:start], _VENDOR_CASE_ENDS) and bool(_VENDOR_CASE.search(text, lo, start))


def _range_before(text: str, start: int) -> bool:
    """_RANGE_BEFORE in the 30 characters before the number."""
    lo = max(0, start - 30)
    return may_end_with(text[lo:start], _RANGE_BEFORE_ENDS) and bool(_RANGE_BEFORE.search(text, lo, start))


def _bare_label(text: str, start: int) -> bool:
    """_BARE_LABEL in the 20 characters before the number."""
    lo = max(0, start - 20)
    return may_end_with(text[lo:start], _BARE_LABEL_ENDS) and bool(_BARE_LABEL.search(text, lo, start))


def _weak_id_label(text: str, start: int) -> bool:
    """_WEAK_ID_LABEL in the 40 characters before the number, searched from where a match can start."""
    return bool(_WEAK_ID_LABEL.search(text, max(0, start - _WEAK_ID_REACH), start))


def _not_an_id(text: str, start: int, end: int, kind: str) -> bool:
    """A number read as a record, plan or serial number that is a date ("since 02-Dec-2026", judged as a date) or a
    product's model number ("1,120 Alaris 8015 PCUs"); a serial beside a system's word is one of the system's, unless
    the sentence names a device only a person carries ("Pacemaker … Medtronic Azure, serial number …")."""
    if _MONTH_DATE.fullmatch(text, start, end):
        return _project_date(text, start, end)
    value = text[start:end]
    sentence = _sentence(text, start, end)
    if _holds(_RESEARCH, _RESEARCH_WORDS, sentence) and not _patient_near(text, start, end, weak=False):
        return True  # a publication's or a data set's number: "PubMed PMID 66503144 and study accession EVID-…"
    if _vendor_case(text, start) and _STAFF_PHONE.search(_sentence(text, start, end)):
        # a vendor's case: "case number 04411823 with Philips", "Epic TS case 04411823"
        return not _patient_near(text, start, end)
    if _TICKET.fullmatch(value) and not _ID_LABEL.search(text, max(0, start - 25), start):
        # a tracker's key at the end of a changelog line ("Adults forms (Admission and Discharge forms) - LIME2-802")
        return _project_words(_sentence(text, start, end)) and not _patient_near(text, start, end)
    if _COUNT_VALUE.fullmatch(value) and (_COUNT_AFTER.match(text, end) or _range_before(text, start)):
        return True  # a count or a range: "15234 accounts migrated", "Record 45213 of 90000", "MRN range 1000000-…"
    if _FINANCIAL_YEAR.fullmatch(value):
        return True  # a financial year: "FIN 2025-26 budget lines"
    if _holds(_TEST_DATA, _TEST_DATA_WORDS, sentence) and not _patient_near(text, start, end, weak=False):
        return True  # a test system's number: "Specimen 12345 in the UAT script", "the CSN in the interface spec"
    if _bare_label(text, start) and _project_words(sentence) and not _patient_near(text, start, end):
        return True  # "Member 10234 of the steering group", "Policy 4471220 on data retention … governance"
    if (
        _digits(value) <= 12
        and _weak_id_label(text, start)
        and not _STRONG_ID_LABEL.search(text, max(0, start - 40), start)
        and (_project_words(sentence) or _holds(_SYSTEM_WORDS, _SYSTEM_WORD_LIST, sentence))
        and not _patient_near(text, start, end)
        and not (kind == "device-serial" and names_carried_device(sentence))
    ):
        # a system's or a project's number under a label that a patient's number also carries: "Account key
        # 12345678 rotated for the SFTP service", "Case number 01234567 opened with Microsoft support"
        return True
    return (
        value.isdigit()
        and len(value) <= 5
        and bool(_MODEL.search(text, max(0, start - 22), start))
        and bool(_PRODUCTS_AFTER.match(text, end))
    )


@lru_cache(maxsize=64)
def project_allows(text: str, start: int, end: int, kind: str, service_desk: bool = True) -> bool:
    """Whether a finding is a project's or staff's, not a patient's (see the module's docstring). With
    service_desk False (a workspace whose admins denied that allowance), a vendor's or a colleague's number in the
    body of a text is not let through here; a signature's still is."""
    if kind not in _KINDS:
        return False
    if kind == "admission-date":
        return _project_date(text, start, end)
    if kind == "phone":
        return _project_phone(text, start, end, service_desk)
    if kind == "address":
        return _project_address(text, start, end)
    if kind in ("mrn", "device-serial", "plan-number"):
        return _not_an_id(text, start, end, kind)
    return _project_name(text, start, end)
