"""Patient names by the sentence they stand in: a run of name-like capitalised words (lexicon.py's runs: census name
words, unknown non-English words, words with letters past ASCII, initials, "Last, First") is a patient's, or a
patient's relative's, when its sentence is about one person's care — words of care, a person of care, a relative —
and nothing right around the name makes it staff's or a thing's (namecues.py's titles, roles, credentials, work
verbs, places and eponyms), and no project word stands in the sentence.

Why: the other name finders tie a name to a patient by a cue phrase next to it or a care word within 150 characters;
a clinical sentence nobody wrote a cue for ("The district nurse found Ana Jug on the floor of the kitchen", "Sputum
collected from A. Petrauskas and sent to micro") says it is about care in its other words. The sentence, not a
window, is the unit: a project's sentence next to a clinical one does not lend the name its care words.

Linear: each candidate run reads only its own sentence (at most _REACH characters either side).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from commands.phi.devicemakes import device_make
from commands.phi.lexicon import _HEADER_MARKS, _candidates, _role_in_label, handed_over
from commands.phi.namecues import (
    _AND_NAME,
    _DOSING_AFTER,
    _EPONYM_AFTER,
    _PLACE_AFTER,
    _ROLE_AFTER,
    _ROLE_LINE_AFTER,
    _ROLE_LIST_BEFORE,
    _SAINTS,
    _STAFF_AFTER,
    _WORK_AFTER,
    _staff_before,
)
from commands.phi.namewords import (
    _ANY_PROJECT,
    _BITS,
    _CARE,
    _OWN,
    _PERSON,
    _PROJECT_PREFIXES,
    _STRONG,
    _SURE,
    _wordset,
)
from commands.phi.shared import _I, words_of
from commands.phi.words import DRUG_ENDINGS

_REACH = 200  # characters either side of a name that its sentence may span

# Words of one person's care the shared lists (namewords.py, words.py) do not have: the body, what a person feels
# and shows, what is done to and for them, where and with what they are cared for.
_MORE_CARE = _wordset(
    """
    arm arms leg legs hand hands foot feet heel heels knee knees hip hips chest neck shoulder shoulders skin eye eyes
    ear ears tongue teeth tooth throat stomach bowel bowels bladder urine stool stools forearm wrist wrists ankle
    ankles toe toes finger fingers lung lungs kidney kidneys liver spine hearing eyesight memory mood weight kg
    ache aches aching headache headaches lump lumps swelling swollen bruising bruise bruises bruised bleeding bled
    tremor tremors dizzy nauseous diarrhoea diarrhea constipation constipated itch itchy itching fatigue fatigued
    drowsy rousable unresponsive oriented disoriented agitated agitation tearful distressed anxious anxiety
    depressed depression hopeless pale sweaty clammy breathlessness wheeze wheezy wheezing sputum phlegm ulcer ulcers
    sore sores blister blisters incontinent incontinence frail unwell febrile afebrile temperature pyrexial hypoxic
    desaturating desaturated fainted collapsed unconscious choking crying wandering insomnia snoring apnoea apnea
    numb numbness tingling cramps spasm spasms coughing coughed vomit nil mouth
    examined assessed weighed bathed washed showered fed feeding toileting repositioned catheterised catheterized
    escorted escort reassured counselled counseled resited cannulated swabbed nebulised suctioned intubated
    extubated sutured stitched splinted plastered bandaged
    specimen specimens bloods imaging hoist commode crutches recliner walker frame cot incubator hearing-aid
    ecg bedbound housebound eating drinking sleeping toilet bathing showering eaten
    """
)
# A relative of the person in care, or the person's own word for them: a name right after one is theirs.
_KIN = _wordset(
    """
    husband wife son daughter mother father mum mom dad brother sister niece nephew aunt uncle grandson
    granddaughter grandmother grandfather grandma grandpa granny nan grandparent grandparents grandchild cousin
    spouse fiancé fiancée stepdaughter stepson stepmother stepfather son-in-law daughter-in-law sister-in-law
    brother-in-law mother-in-law father-in-law parent parents guardian kin next-of-kin nok dtr neighbour neighbor
    relatives carer caregiver widow widower twin
    """
)
# People in care: a name next to one is theirs; in a sentence they make it one of care.
_PEOPLE_OF_CARE = _wordset("patient patients pt pts infant baby toddler newborn")
# Words a person's sentence and a colleague's share ("seen", "visit", "her team"): half the weight of a word of care.
_SOFT = _wordset(
    """
    he she his her him hers himself herself partner recipient man history hx walking sleep treated treatment therapy
    seen visit visited attended presented presents denied denies reported described explained answered stated felt
    feels recovery recovering follow-up followup appointment appt clinic hospital ward bed room er ed icu nursing care
    family results result meds labs visits discharge records orders order tube label labels transport scan scans
    referral summary letter prescription bill nurse doctor theatre home alone dose
    """
)
# Project words a clinical sentence uses too ("the hospice team", "tested positive", "reports snoring", "tube
# feed"): they do not make a sentence a project's.
_CLINICAL_TOO = _wordset(
    """
    team teams staff providers department tested testing report reports alert alerts
    update updates updated feed checking findings view leading interviews risk
    """
)
# A project's words the shared lists do not have: a sentence with one is a PMO's ("Mitigation: Ngozi Eze covers
# the diabetes clinic", "Audit of the hoists on every ward").
_MORE_PROJECT = _wordset(
    """
    mitigation mitigations mitigate workaround workarounds contingency readiness escalation stakeholder stakeholders
    sponsor audit audits audited inspectors inspection procurement procure quote kiosk kiosks prod deployed install
    installed hardware cabling screens rehearsal superuser champions trainer trainers scope baseline benefits phase
    wave wi-fi licences licenses dashboard devices rollout go/no-go upload uploads uploaded download
    nurses doctors registrars consultants physicians clinicians midwives therapists pharmacists porters clerks
    colleagues trainees students managers sisters matrons hcas assistants juniors
    """
)
_CARE_BIT, _SOFT_BIT, _KIN_BIT, _PROJECT_BIT, _GENERIC_BIT = 1, 2, 4, 8, 16
_FLAGS: dict[str, int] = {}
for _w, _b in _BITS.items():
    if " " in _w:
        continue
    if _b & _ANY_PROJECT and _w not in _CLINICAL_TOO:
        _FLAGS[_w] = _PROJECT_BIT
    elif _b & (_STRONG | _CARE | _SURE | _PERSON | _OWN):
        _FLAGS[_w] = _CARE_BIT
for _bit, _list in (
    (0, _CLINICAL_TOO),
    (_CARE_BIT, _MORE_CARE),
    (_KIN_BIT, _KIN | _PEOPLE_OF_CARE),
    (_SOFT_BIT, _SOFT),
    (_PROJECT_BIT, _MORE_PROJECT),
):
    for _w in _list:
        _FLAGS[_w] = _bit
_CARE_SET = frozenset(w for w, b in _FLAGS.items() if b == _CARE_BIT)
_KIN_SET = frozenset(w for w, b in _FLAGS.items() if b == _KIN_BIT)
_SOFT_SET = frozenset(w for w, b in _FLAGS.items() if b == _SOFT_BIT)
_PROJECT_SET = frozenset(w for w, b in _FLAGS.items() if b == _PROJECT_BIT)
_SMALL_WORD = re.compile(r"[a-zé]{1,30}(?:[-'’/][a-z]{1,30}){0,3}")
_KNOWN = frozenset(_FLAGS)
_PROJECT_PREFIX = re.compile("|".join(_PROJECT_PREFIXES))

# Where a sentence ends: a stop, a question or exclamation mark before a space, or a line's end (a semicolon joins
# two clauses of one sentence: "Derek is on PTO; ask Jaromír about the labels"). A
# full stop after an initial or a title ("K. Foster", "Dr. Patel") does not end one.
_STOP = re.compile(
    r"\n|[!?](?=\s)|\.(?=\s)(?<![\s(.][A-Za-z]\.)(?<!^[A-Za-z]\.)(?<![Dd]r\.)(?<![MmSs][rt]\.)(?<![Mm]rs\.)(?<![Mm][sx]\.)"
    r"(?<![Pp]rof\.)(?<![SsJj]r\.)(?<![Nn]o\.)(?<![Vv]s\.)"
)
# What a person does, right after a name alone ("Karolína keeps a diary", "Vakris tells us"); a product does none
# of it ("Pyxis is down", "Vocera will page the nurse"), so an unknown word needs one of these.
_PERSON_VERBS = _wordset(
    """
    tells told says said keeps kept lost gained wants wanted asked asks lives lived needs needed prefers preferred
    likes liked sleeps slept ate eats drinks drank smokes smoked walks walked sits sat stood cried feels felt became
    seems seemed looks looked arrived attended tolerated tolerates declined refused denies denied complains
    complained describes agreed agrees understands understood passed fell woke vomited coughed brought
    """
)
# A name word of the census lists, or one past ASCII, may do less: be, have, do, go.
_NAME_VERBS = _PERSON_VERBS | _wordset(
    "is was has had does did remains remained continues continued appears appeared got gets went goes came comes "
    "reports reported can could cannot will would should may might must takes took uses used"
)
# What is done to a person, right before a name alone ("The nurse weighed Sebigül", "Escort needed for Bystrík").
_OBJECT_BEFORE = _wordset(
    """
    found visited saw seen met reviewed examined assessed weighed reassured advised told asked called phoned rang
    reach reached contacted escorted transferred discharged admitted booked counselled counseled taught helped fed
    washed turned encouraged reminded informed bathed settled for with about to from
    """
)
# A message's subject line: "re: Hubert — medication query".
_SUBJECT = re.compile(r"(?:^|\n)\s{0,3}(?:re|subject|subj|regarding|fwd?)\s{0,2}:\s{0,3}$", _I)
# A run of capitalised words that ends in one of these is a place, not a person ("Mary Ward" is lost with it).
_PLACE_WORDS = _wordset("wing building tower lodge suite unit ward centre center clinic hospital pavilion campus site")
# A carer did something to the person named: "The district nurse found …", "paramedics brought in …".
_CARER_DID = re.compile(
    r"\b(?:nurse|doctor|gp|physio|physiotherapist|paramedic|carer|caregiver|midwife|therapist|crew|matron|consultant"
    r"|registrar|pharmacist|worker|dietitian|surgeon|clinician|team)s?\s{1,2}(?:[a-z]{2,15}\s{1,2})?"
    r"(?:found|visited|saw|met|examined|assessed|weighed|reviewed|escorted|admitted|discharged|called|phoned|rang"
    r"|helped|fed|washed|turned|reassured|advised|counselled|counseled|taught|informed|bathed|settled|transferred"
    r"|treated|brought|collected|mobilised|mobilized|moved|woke|checked\s{1,2}on)\s{1,2}$",
    _I,
)
# A row's label for the person in care or a relative, then any separator: "Name of client........ Isak",
# "pt nm: Yewande", "Resident name<TAB>Fadekemi O.", "[patient] Bănel", "Next of kin: Jo Ruiz".
_ROW_LABELS = _PEOPLE_OF_CARE | _KIN | _wordset("client resident individual person recipient served supported")
_GATE = frozenset(w for w, b in _FLAGS.items() if b != _PROJECT_BIT and re.fullmatch("[a-z]+", w)) | _ROW_LABELS
_ROW = re.compile(r"[ \t]{0,3}[\[(]?(?P<label>[A-Za-z][A-Za-z '’/-]{0,40}?)[\])]?[ \t]{0,3}[^\w\s]{0,12}[ \t]{0,3}$")
_SEPARATORS = frozenset(":=|>/—–-.~]")
_NOT_REAL = _wordset("test dummy fake demo training synthetic sample example mock")
_LABEL_FILLER = _wordset(
    """name names nm of the a full legal known as preferred given first last family surname s contact emergency
    next receiving care service user in this that"""
)
_WORD = re.compile(r"[^\W\d_]{1,30}(?:[/'’-][^\W\d_]{1,30}){0,3}")
# Care in general, not one person's: "for each patient", "phone patients who miss a dose", "all discharges" (read
# on a sentence in small letters).
_GENERIC_WORDS = _wordset("patients pts discharges admissions each every all any other")
_GENERIC = re.compile(
    r"\b(?:patients|pts|discharges|admissions|(?:each|every|all|any|other)\s{1,2}(?:patient|pt|resident|client"
    r"|person|individual|ward|bed|bay)s?)\b",
    _I,
)
# The name gives the care: "Ana Silva admitted the patient from ED", "K. Ng assessed the resident". (Not "is a
# patient", "was the client".)
_CARES_FOR = re.compile(
    r"\s{1,2}(?!(?:is|was|as|remains|became|becomes|being|been)\b)(?:[a-z]{2,15}\s{1,2})?[a-z]{3,20}\s{1,2}"
    r"(?:(?:the|a|this|that|our|their)\s{1,2})?(?:patient|pt|resident|client|individual|infant|baby|child)\b",
    _I,
)
# A colleague's work, right after the name: a task of care or of a project done as a routine or planned ("Ngozi Eze
# covers the clinic", "Sione Tupou scans each blood bag", "Ravi Shah will double-check the doses"). A person in
# care's own doings take "her"/"his" ("Ana takes her tablets") or are not tasks ("Ana needs help").
_TASKS = (
    r"scan|check|double-check|collect|label|weigh|record|print|administer|enter|document|book|complete|review|assess"
    r"|triage|send|file|order|prescribe|dispense|sign|audit|cover|run|give|support|train|teach|lead|chase|host|take"
    r"|coordinate|supervise|phone|call|mobilise|mobilize|swab|update|brief|shadow|escort|deliver"
)
_COLLEAGUE_THEN = re.compile(
    _AND_NAME + rf"\s{{1,2}}(?:(?:(?:will|to|can|also|could|should|would|must|may)\s{{1,2}}(?:{_TASKS})"
    rf"|(?:{_TASKS}|audit|coordinate|supervise|mobilise|mobilize)(?:s|es)|covered|covering|audited|hosted|chased"
    r"|rostered|supervised)\b(?!\s{1,2}(?:her|his|their|my)\b)|ran\s{1,2}the\b)",
    _I,
)
# A nurse's or a priest's title, capitalised right before the name: "Sister Adeyemi's ward", "Sr. Okafor",
# "Father Brown" (a relative is "her sister Ann", "Sister, Ann").
_TITLE_BEFORE = re.compile(
    r"(?-i:Sister|SISTER|Sr\.?|Matron|MATRON|Brother|Father|Fr\.|Rev\.?|Charge\s{1,2}[Nn]urse)\s{1,2}$"
)
# A colleague from a department: "Ada Kowal from bed management", "Mr Haddad from Estates".
_FROM_DEPARTMENT = re.compile(
    r"\s{1,2}(?:from|in|at)\s{1,2}(?:the\s{1,2})?(?:[A-Za-z&-]{2,20}\s{1,2}){0,2}(?:management|team|office|department"
    r"|dept|desk|services|informatics|it|estates|facilities|finance|procurement|pharmacy|admissions|bookings"
    r"|portering|catering|security|governance|quality|digital|ict|hr|payroll|comms|communications)\b",
    _I,
)


def _stops(text: str) -> list[int]:
    """Where the text's sentences end: one pass (a full stop after an initial or a title is skipped in the pattern)."""
    return [m.start() for m in _STOP.finditer(text)]


def _start_of_line(text: str, start: int) -> int:
    """Where the line holding position `start` begins (at most _REACH characters back)."""
    return text.rfind("\n", max(0, start - _REACH), start) + 1 or max(0, start - _REACH)


def _score(sentence: str) -> tuple[float, int]:
    """The weight of a sentence's words of care (each distinct word once) and the kinds of words in it. Set
    operations, not a look-up per word: most sentences with a name in them are read here."""
    words = set(_SMALL_WORD.findall(sentence))
    words |= {w[:-1] for w in words if w[-1:] == "s" and w[:-1] in _KNOWN}  # "inhalers", "scans"
    care, kin, soft = words & _CARE_SET, words & _KIN_SET, words & _SOFT_SET
    score = len(care) + len(kin) + len(soft) / 2
    found = (_CARE_BIT if care else 0) | (_KIN_BIT if kin else 0) | (_SOFT_BIT if soft else 0)
    if not words.isdisjoint(_PROJECT_SET):
        return score, found | _PROJECT_BIT
    if not words.isdisjoint(_GENERIC_WORDS) and _GENERIC.search(sentence):
        return score, found | _GENERIC_BIT
    if _PROJECT_PREFIX.search(sentence):  # a project's prefix: "escalated", "deployment"
        return score, found | _PROJECT_BIT
    if score < 1.5:  # a drug or a diagnosis by its ending ("lisinopril", "cellulitis")
        score += sum(1 for w in words - _KNOWN if len(w) >= 7 and w.endswith(DRUG_ENDINGS))
    return score, found


def _row_label(left: str) -> bool:
    """The line so far is a label naming the person in care or a relative, then a separator: every word of the label
    is a person's or a name's ("Name of client", "pt nm", "Emergency contact"), not "Patient transport:"."""
    m = _ROW.match(left)
    if not m:
        return False
    words = [w.lower() for w in _WORD.findall(m.group("label"))]
    if not words or len(words) > 4 or not all(w in _ROW_LABELS or w in _LABEL_FILLER for w in words):
        return False
    return not _ROW_LABELS.isdisjoint(words)


def _kin_before(left: str) -> bool:
    """A relative's or a person of care's word right before the name: "son Rob", "Wife, Carol", "Mother (Ann"; not
    a made-up one ("test patient Zztest Donald")."""
    words = _WORD.findall(left[-40:])
    if not words or (len(words) > 1 and words[-2].lower() in _NOT_REAL):
        return False
    gap = left[left.rfind(words[-1]) + len(words[-1]) :]
    return words[-1].lower() in _KIN | _PEOPLE_OF_CARE and gap.strip(" ,(:—–-") == ""


def _staff_or_thing(text: str, start: int, end: int, left: str, right: str, row: bool) -> bool:
    """namecues.py's cues right around the name: a title or role before (or in the label of its row, unless the row
    is the person in care's), a credential, a colleague's work or role, a place or an eponym after."""
    line = text[_start_of_line(text, start) : start]
    if row or ((":" in line or "@" in line) and handed_over(line)):
        left = ""  # (a handover's label, "RN to RN: ", names no one: the name after it is the patient's)
    if not row and line.rstrip()[-1:] in _HEADER_MARKS and _role_in_label(line):
        return True  # "Name of the consulting clinician for the patient = Harald Moen"
    own = text[end - 2 : end] + right if text[end - 2 : end] in ("'s", "’s") else right
    return bool(
        _staff_before(left)
        or _STAFF_AFTER.match(own)
        or _WORK_AFTER.match(right)
        or _ROLE_AFTER.match(right)
        or _PLACE_AFTER.match(right)
        or _DOSING_AFTER.match(right)
        or _EPONYM_AFTER.match(right)
        or _TITLE_BEFORE.search(left[-12:]) is not None
        or _CARES_FOR.match(right)
        or _FROM_DEPARTMENT.match(right)
        or _COLLEAGUE_THEN.match(right)
        or (" " + left).rstrip().endswith(_SAINTS)
        or (":" in left and _ROLE_LIST_BEFORE.search(left))
        or (right.lstrip(" \t")[:1] == "\n" and _ROLE_LINE_AFTER.match(right))
        or device_make(left, right)  # "Pacemaker Medtronic Adapta, serial number …"
    )


def _single_placed(left: str, right: str, kind: str) -> bool:
    """A name alone stands where a person does in a sentence of care: the subject of a person's verb ("Damir has
    capacity", "Théophile's rash") or, for a name word of the census lists or one past ASCII, the object of what is
    done for a person ("found Ana", "for Bystrík"). An unknown word there is as often a product ("from Pyxis")."""
    if right[:2] in ("'s", "’s"):
        return True
    after = _WORD.match(right.lstrip(" ,"))
    if after and right[:1] == " " and after.group(0) in (_NAME_VERBS if kind == "N" else _PERSON_VERBS):
        return True
    if kind != "N":
        return False
    before = _WORD.findall(left[-25:])
    return bool(before) and left.endswith(" ") and before[-1].lower() in _OBJECT_BEFORE and left[-2:-1].isalpha()


def _placed(kinds: str, score: float) -> bool:
    """A run of two or more name words needs a word of care in its sentence (two when its words are also English
    words, or an initial and an unknown word); a name alone needs more, and a person's place in the sentence."""
    if len(kinds) == 1:
        return score >= 1.5  # (its place is read before its sentence)
    weak = "N" not in kinds and ("F" in kinds or "S" in kinds or ("U" in kinds and "I" in kinds))
    return score >= (1.5 if weak else 1)


def find_care_names(text: str, known: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Spans of names in sentences about one person's care (see the module's docstring); the runs the other name
    finders found (`known`) are not read again."""
    if _GATE.isdisjoint(words_of(text)):
        return []
    cands = [c for c in _candidates(text) if not any(s < c[1] and e > c[0] for s, e in known)]
    if not cands:
        return []
    stops: list[int] | None = None
    kin_words = not _KIN_SET.isdisjoint(words_of(text))
    out = []
    sentences: dict[tuple[int, int], tuple[float, int]] = {}
    for start, end, kinds in cands:
        # (the cheap tests first: a row's separator, a relative's word, a name alone's place; then the sentence)
        near_left, near_right = text[max(0, start - 40) : start], text[end : end + 40]
        mark = near_left[-4:].rstrip(" ")[-1:]
        row = (mark in _SEPARATORS or mark == "\t") and _row_label(text[_start_of_line(text, start) : start])
        kin = not row and kin_words and _kin_before(near_left)
        subject = mark == ":" and _SUBJECT.search(near_left) is not None
        if len(kinds) == 1 and not (
            row or kin or subject or (kinds in "NU" and _single_placed(near_left, near_right, kinds))
        ):
            continue
        if stops is None:
            stops = _stops(text)
        i = bisect_left(stops, start)
        lo = max(stops[i - 1] + 1 if i else 0, start - _REACH)
        j = bisect_left(stops, end, i)
        hi = min(stops[j] if j < len(stops) else len(text), end + _REACH)
        left, right = text[lo:start], text[end:hi]
        if not row:
            key = (lo, hi)
            if key not in sentences:
                sentences[key] = _score(text[lo:hi].lower())
            score, found = sentences[key]
            if _CARER_DID.search(near_left):
                score += 1  # "The district nurse found Ana Jug", "the admitting nurse weighed Sebigül"
            if found & (_PROJECT_BIT | _GENERIC_BIT) or not (kin or _placed(kinds, score)):
                continue
        if _staff_or_thing(text, start, end, left, right, row) or text[start:end].rsplit(None, 1)[-1].lower() in (
            _PLACE_WORDS
        ):  # (a place: "The Brekke Wing lifts", "Rowan Ward")
            continue
        out.append((start, end))
    return [(s, e - 1 if text[e - 1] == "." and text[e - 3 : e - 2].isalpha() else e) for s, e in out]
