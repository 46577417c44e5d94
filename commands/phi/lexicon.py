"""Names found by what the words are rather than by the phrase before them.

A run of capitalised words is a person's name when its words are names (a census first name or surname that is
not an ordinary English word, or a word with letters past ASCII) or unknown words (not English, not an acronym),
at least one of them a name; "Last, First" counts too. It is a *patient's* name when the text around it is about
a person's care (a pronoun, a word of care, an age or sex) and nothing next to it makes it staff's (a title such as
"Dr.", a role word such as "clinician", "signed by", a credential after it such as ", RN").

The word lists are frozen files beside this module (commands/phi/data/, built by tools/build_name_lexicon.py from
the US Census name lists and the SCOWL English word list). The scan is one pass over the words with fixed-size
windows, so it is linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
from pathlib import Path

from commands.phi.shared import _I, has_any
from commands.phi.words import CARE_WORDS, DRUG_ENDINGS, NAME_PROJECT_WORDS, OWN_WORDS, SURE_WORDS

_DATA = Path(__file__).resolve().parent / "data"


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset((_DATA / name).read_text(encoding="utf-8").split())


def _wordset(words: str) -> frozenset[str]:
    """The words of a list written as text; a pair of words is written with "_" ("change_request")."""
    return frozenset(w.replace("_", " ") for w in words.split())


# A word: letters, with inner apostrophes or hyphens ("O'Neil", "Ferndale-Ostrowski"), and a full stop of an
# initial. Bounded: a longer run of letters is several words, none of them capitalised past the first.
# Only words that start with a capital (or what may be one: the class is wide, `_kind` checks): the words between
# two of them are then the gap, and a gap that is not one or two spaces ends a name.
_WORD = re.compile(r"(?<![^\W\d_])[A-ZÀ-ÖØ-ÞĀ-ʯΑ-ΩЀ-Я](?:[^\W\d_]|['’-](?=[^\W\d_])){0,30}\.?")
_SPACE_GAPS = frozenset({" ", "  ", "\t", " \t", "\t "})
_COMMA_GAPS = frozenset({", ", ",  ", ",\t"})
# Small words inside a name: "Leonardo da Cruz", "Ms. van Ham", "Samira bin Laden".
_PARTICLES = "da de del della der den di do dos das du la le van von ter ten bin binti al el ibn"
_PARTICLE_GAPS = frozenset(
    [f" {p} " for p in _PARTICLES.split()]
    + [f" {p} " for p in ("van den", "van der", "van de", "de la", "de los", "von der")]
)
_CAP_PARTICLE_WORDS = "Ní Nic Ó Ó Uí Ua Mhic De Da Di Du Del Van Von Der Den Le La Al El Bin Ibn Dos Das"
_CAP_PARTICLES = frozenset(_CAP_PARTICLE_WORDS.split())

# Words that are not names in any casing (product, standard and document words a changelog capitalises).
_NEVER_WORDS = """
    fhir hapi hl dicom openemr gnumed epic cerner meditech allscripts athena nextgen mirth smart cumulus pydicom
    pynetdicom python django github gitlab jira slack teams outlook windows linux macos ios android postgres
    postgresql mysql sqlite oracle azure aws google microsoft apple readme changelog api sdk ui ux json xml yaml
    pdf csv http https url uri oauth saml ldap vpn ehr emr mrn dob ssn npi icd cpt loinc snomed rxnorm ndc
    dr drs mr mrs ms mx miss prof rev sr jr st mt ft dept
    mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday
"""
_NEVER = _wordset(_NEVER_WORDS)

# The words around a name (150 characters either side) say whose it is. Words, and pairs of words, in sets: one
# pass over the text's words finds them all, and each name looks up those near it.
# About a person's care: pronouns, people in care, an age or sex, words of care.
_PERSON_WORDS = _wordset(
    """
    he she his her him hers himself herself patient patients pt pts caregiver carer family household relative
    husband wife son daughter mother father partner guardian recipient male female man woman boy girl gentleman
    lady infant baby child yo y/o year-old history hx symptom symptoms pain fever cough nausea dizziness weakness
    appetite walking mobility breathing sleep medication medications meds dose allergy allergies allergic diagnosis
    diagnosed treated treatment therapy surgery admitted discharged seen visit visited attended presented presents
    complain complains complained denied denies reported described explained answered stated felt feels recovery
    recovering follow-up followup appointment appt clinic hospital ward bed room er ed icu nursing care
    years_old home_support home_care home_visit follow_up
    """
)
# A project's sentence: a name in it is a colleague's unless a strong sign of a patient is there too ("Ingrid
# Larsen denied the change request for the lab interface", "Hannah Becker described the new triage workflow").
_PROJECT_WORDS = _wordset(
    """
    interface interfaces build builds module workflow workflows go-live golive cutover cut-over rollout roll-out
    huddle steering committee meeting agenda minutes ticket mapping library update updated updates upgrade upgraded
    upgrades config configuration configured template dashboard report reports testing tested training trained
    educator educators vendor server release released releases version migration project workstream sprint
    milestone deadline budget risk owner owns lead leading presentation demo pilot api feature bug fix fixed patch
    commit merge merged documentation spec integration feed system software app application portal formulary
    analytics database code sign-off signoff approved approval rfp contract invoice license licence downtime outage
    super-user super-users superuser superusers at-the-elbow scanning alert alerts staff team teams nurses
    physicians clinicians providers department cr crs
    change_request go_live action_item action_items order_set signed_off will_present
    present_the present_at present_to present_on
    """
)
_PROJECT_PREFIXES = ("deploy", "escalat", "coordinat", "configur")
# Signs of a patient strong enough to outweigh the project's words: an age or sex, a relative, a symptom.
_STRONG_WORDS = _wordset(
    """
    male female gentleman woman man boy girl infant caregiver carer household husband wife son daughter mother
    father grandson granddaughter pain fever cough nausea vomiting dizziness weakness appetite breathing shortness
    symptom symptoms fell fall wound bleeding swelling rash confused confusion unresponsive diagnosed diagnosis hx
    mrn dob yo y/o year-old years-old yr-old yrs-old
    history_of date_of medical_record years_old yrs_old year_old
    """
)
# Letters of any script: "Manço" is one word, not the word "man" and an "o".
_CTX_WORD = re.compile(r"[^\W_]{1,30}(?:[/'’-][^\W_]{1,30}){0,4}")
_AGE_WORD = re.compile(r"\d{1,3}-?(?:yo|y/o|years?-old|yrs?-old)")


_CARE_WORDS = _wordset(CARE_WORDS)
_NAME_PROJECT_WORDS = _wordset(NAME_PROJECT_WORDS)
_DOSE = re.compile(r"\d{1,4}(?:mg|mcg|ml|units?)")
# Each word (or pair) of the lists above and the lists it is in, as bits: one look-up per word instead of one per list.
_PERSON, _PROJECT, _STRONG, _CARE, _MORE_PROJECT, _OWN, _SURE = 1, 2, 4, 8, 16, 32, 64
_ANY_PROJECT = _PROJECT | _MORE_PROJECT
_BITS: dict[str, int] = {}
for _bit, _list in (
    (_PERSON, _PERSON_WORDS),
    (_PROJECT, _PROJECT_WORDS),
    (_STRONG, _STRONG_WORDS),
    (_CARE, _CARE_WORDS),
    (_MORE_PROJECT, _NAME_PROJECT_WORDS),
    (_OWN, _wordset(OWN_WORDS)),
    (_SURE, _wordset(SURE_WORDS)),
):
    for _w in _list:
        _BITS[_w] = _BITS.get(_w, 0) | _bit


_FELL_NOT = frozenset({"behind", "through", "short", "apart", "over"})
_POP_AFTER = frozenset({"fell", "wound"})
_PAIR_FIRST = frozenset(k.split()[0] for k in _BITS if " " in k)  # the first words of the pairs


def _bits(w: str, prev: str) -> int:
    """The lists a word (in small letters) is in, with the word before it."""
    b = _BITS.get(w, 0)
    if prev in _PAIR_FIRST:
        b |= _BITS.get(prev + " " + w, 0)
    if w[:1].isdigit():
        if _AGE_WORD.fullmatch(w):
            b |= _STRONG
        if _DOSE.fullmatch(w):
            b |= _CARE
    else:
        if w.startswith(_PROJECT_PREFIXES):
            b |= _PROJECT
        if len(w) >= 7 and w.endswith(DRUG_ENDINGS):
            b |= _CARE
        if prev in ("her", "his") and b & (_CARE | _OWN) and w not in ("clinic", "clinics"):
            b |= _SURE  # "to see her results", "his dialysis": the care of the person just named
    return b


def _next_bits(text: str, at: int, n: int) -> list[int]:
    """The list bits of the first n words from position at."""
    out: list[int] = []
    prev = ""
    for m in _CTX_WORD.finditer(text, at, at + 16 * n):
        w = m.group(0).lower()
        out.append(_bits(w, prev))
        if len(out) == n:
            break
        prev = w
    return out


@lru_cache(maxsize=4)  # the name pass and the number pass of one scan share it
def _contexts(text: str) -> tuple[list[int], list[int], list[int], list[int], list[int], list[int], list[int]]:
    """Where the text's words of a person's care, of a project, strong signs of a patient, words of one person's
    care (commands/phi/words.py: a drug, a test, a procedure), the names' further project words and sure signs of a
    patient start."""
    found: tuple[list[int], list[int], list[int], list[int], list[int], list[int], list[int]] = (
        [],
        [],
        [],
        [],
        [],
        [],
        [],
    )
    person, project, strong, care, more_project, sure, own = found
    low = text.lower()
    lowered = len(low) == len(text)
    if not lowered:
        low = text  # a letter whose small form is longer ("İ"): look up each word's small form instead
    prev = ""
    bits = _BITS.get
    for m in _CTX_WORD.finditer(low):
        w = m.group(0) if lowered else m.group(0).lower()
        if prev in _POP_AFTER and strong and (w in _FELL_NOT if prev == "fell" else w == "care"):
            strong.pop()  # "fell behind on the training schedule" is not a fall, "the wound care module" not a wound
        b = bits(w, 0)  # _bits(w, prev), written out: this loop runs for every word
        if prev in _PAIR_FIRST:
            b |= bits(prev + " " + w, 0)
        if w[:1].isdigit():
            # a number alone is neither an age ("70yo") nor a dose ("500mg"): no pattern to try
            if not w[-1].isdigit():
                if _AGE_WORD.fullmatch(w):
                    b |= _STRONG
                if _DOSE.fullmatch(w):
                    b |= _CARE
        else:
            if w.startswith(_PROJECT_PREFIXES):
                b |= _PROJECT
            elif w == "minutes" and prev[:1].isdigit():
                b &= ~_PROJECT  # "15 minutes" is a duration, not a meeting's minutes
            if len(w) >= 7 and w.endswith(DRUG_ENDINGS):
                b |= _CARE
            if b & (_CARE | _OWN) and prev in ("her", "his") and w not in ("clinic", "clinics"):
                b |= _SURE
        if b:
            at = m.start()
            if b & _PERSON:
                person.append(at)
            if b & _PROJECT:
                project.append(at)
            if b & _STRONG:
                strong.append(at)
            if b & _CARE:
                care.append(at)
            if b & _MORE_PROJECT:
                more_project.append(at)
            if b & _SURE:
                sure.append(at)
            if b & _OWN:
                own.append(at)
        prev = w
    return found


def _context(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the text's words of a person's care, of a project, and strong signs of a patient start."""
    person, project, strong = _contexts(text)[:3]
    return person, project, strong


def _care_context(text: str) -> tuple[list[int], list[int]]:
    """Where the text's words of one person's care (commands/phi/words.py) start, and its further project words."""
    care, more_project = _contexts(text)[3:5]
    return care, more_project


# A letter or message to the person named: "Dear Margaret Okafor, your biopsy results…", "Hello Mr Urb,\nYour test
# results are in the portal". Its "your" and a word of care make the addressee a patient even with a project's
# word ("portal") near.
_SALUTATION = re.compile(
    r"(?:^|\n|[.!?:]\s{1,3})\s{0,3}(?:dear|hello|hi|hey|good\s(?:morning|afternoon|evening)),?\s{1,3}"
    r"(?P<title>(?:mr|mrs|ms|mx|miss)\.?\s{1,3})?$",
    _I,
)
_ADDRESSED = re.compile(r"^\s{0,2}[,:!.—–-]", _I)
_YOUR = re.compile(r"\byour\b", _I)


_GREETINGS = frozenset({"dear", "hello", "hi", "hey", "good"})
_TITLES = ("mr", "mrs", "ms", "mx", "miss")


def _salutation(text: str, start: int, end: int, single: bool = False) -> bool:
    """The name is the addressee of a greeting whose next words speak of the addressee's care. A first name alone
    ("Hi Charlie, this is the clinic calling about your test results") only with no project word near."""
    if not has_any(text, _GREETINGS):
        return False
    greeting = _SALUTATION.search(text, max(0, start - 30), start)
    if not greeting or not _ADDRESSED.match(text[end : end + 4]):
        return False
    care, more_project = _care_context(text)
    own = _contexts(text)[6]
    if not (_near(care, start, end) or _near(own, start, end)):
        return False
    your = _YOUR.search(text, end, end + 150)
    if your:
        # "Dear Margaret Okafor, your biopsy results…"; "Hi Charlie, … your test results" (not "your MRI protocol")
        return not single or (
            _care_phrase(text, your.end(), 3)
            and not (_near(_context(text)[1], start, end) or _near(more_project, start, end))
        )
    # "Dear Ms Williams,\n\nAPPOINTMENT CONFIRMATION…": a title, a thing of care, and nothing of a project
    titled = greeting.group("title") or text[start : start + 5].lower().startswith(_TITLES)
    return bool(titled) and not (_near(_context(text)[1], start, end) or _near(more_project, start, end))


def _strong_clear(text: str, strong: list[int], start: int, end: int) -> bool:
    """A strong sign near the name whose phrase does not run on into a project's thing: "his chest pain", not "the
    chest pain pathway build"."""
    i = bisect_left(strong, start - 150)
    while i < len(strong) and strong[i] <= end + 150:
        if _phrase_clear(text, strong[i]):
            return True
        i += 1
    return False


def _phrase_clear(text: str, at: int) -> bool:
    """No project word from `at` to the end of its phrase (a verb, a preposition or a stop)."""
    prev = ""
    pos = at
    for n, m in enumerate(_CTX_WORD.finditer(text, at, at + 80)):
        if n and any(c in ".,;:!?()[]\n" for c in text[pos : m.start()]):
            return True
        w = m.group(0).lower()
        if n and w in _PHRASE_END:
            return True
        if _bits(w, prev) & _ANY_PROJECT and not (n == 1 and w in ("risk", "report")):
            return False  # ("fall risk" is a patient's; "fall risk dashboard" a project's)
        pos, prev = m.end(), w
    return True


def _sure_near(text: str, start: int, end: int) -> bool:
    """A sure sign of a patient within 60 characters: "tested positive", "the wrong wristband", or "her"/"his" and a
    thing of care that does not run on into a project's thing ("her insulin", not "her insulin order set")."""
    sure = _contexts(text)[5]
    i = bisect_left(sure, start - 60)
    while i < len(sure) and sure[i] <= end + 60:
        at = sure[i]
        if text[max(0, at - 4) : at].lower() not in ("her ", "his ") or _care_phrase(text, at, 1):
            return True
        i += 1
    return False


def _near(starts: list[int], start: int, end: int, reach: int = 150) -> bool:
    i = bisect_left(starts, start - reach)
    return i < len(starts) and starts[i] <= end + reach


# A care word's owner: "Eva Rosselli's surgery was cancelled", "Orders for Marek Maslov didn't cross", "Valérie Dion
# was double-booked for dialysis" — unless a project's word follows the care word ("Helena Cunny's vitals flowsheet
# redesign", "Referral for Dana Whitfield to the leadership programme").
_BOOKED_FOR = re.compile(
    r"\s{1,2}(?:(?:was|is|got|has\s{1,2}been|had\s{1,2}been|were|keeps\s{1,2}being)\s{1,2})?"
    r"(?:double-booked|booked|scheduled|rescheduled|referred|prescribed|started|given|switched|put|listed|arrived"
    r"|came\s{1,2}(?:in|back)|returned|attended|presented|went|here|in)"
    r"\s{1,2}(?:for|on|to|into|with)\s{1,2}",
    _I,
)


# Words that end a noun phrase: after "Eva Rosselli's surgery" comes "was cancelled", a verb; after "Anh Nguyen's
# chemo" comes "regimen library", more of a project's thing.
_PHRASE_END = _wordset(
    """is was are were be been being has had have will would can could should may might must did does do after before
    during in on at to for from because and but or with by of the a an her his their its this that went got came
    showed dropped vanished"""
)


def _care_phrase(text: str, at: int, lead: int) -> bool:
    """A word of care among the first `lead` words from `at`, and no project word before it or in the rest of its
    phrase (up to a verb, a preposition or a stop)."""
    prev = ""
    care = False
    n = 0
    pos = at
    for m in _CTX_WORD.finditer(text, at, at + 100):
        if any(c in ".,;:!?()[]\n" for c in text[pos : m.start()]):
            break
        w = m.group(0).lower()
        if w in _PHRASE_END or w in ("about", "regarding"):
            if care:
                break
            return False  # "Lucreția Eftimie's question about heparin units": the care is not the name's own
        b = _bits(w, prev)
        if b & _ANY_PROJECT and not (care and w in ("report", "reports")):
            return False  # (but "her pathology report" is hers; "her pathology report template" is not)
        if not care:
            n += 1
            if b & (_CARE | _OWN):
                care = True
            elif n >= lead:
                return False
        pos, prev = m.end(), w
    return care


def _owns_care(text: str, start: int, end: int) -> bool:
    """The name owns a thing of care next to it, and no project word follows that thing."""
    if text[end - 2 : end] in ("'s", "’s"):
        return _care_phrase(text, end, 3)
    before = text[max(0, start - 30) : start].split()
    if len(before) >= 2 and before[-1] in ("for", "of", "on") and _bits(before[-2].lower(), "") & (_CARE | _OWN):
        return not any(b & _ANY_PROJECT for b in _next_bits(text, end, 3))
    booked = _BOOKED_FOR.match(text, end)
    return booked is not None and _care_phrase(text, booked.end(), 3)


# Just before the name: a title or role that makes it staff's ("Dr. Nucci", "clinician is M. Carey",
# "signature of K. Foster", "Seen by N. Abrahamsson", "thanks Jim").
_STAFF_ROLE_WORDS = """
    dr drs doctor d0ct0r prof professor nurse rn np md physician clinician examiner signer signed signature attending
    resident fellow provider author reviewer reviewed consultant surgeon therapist pharmacist radiologist
    anesthesiologist anaesthetist hospitalist practitioner midwife paramedic by thanks thank cc from per contact
    manager director lead analyst coordinator sponsor owner assignee presenter facilitator attendee attendees chair
    minutes present apologies staff team colleague colleagues vendor engineer developer contributor contributors
    maintainer credit credits kudos congrats congratulations shoutout welcome pm pmo ba sme matron midwife dietitian
    dietician physio physiotherapist registrar sonographer radiographer technician phlebotomist porter clerk educator cmio cnio cio ciso cmo cno cfo ceo coo vp svp evp
"""
_STAFF_ROLES = _wordset(_STAFF_ROLE_WORDS)
# Words that may stand between a role and the name: "the clinician is M. Carey", "signature of K. Foster".
_BETWEEN = frozenset({"is", "was", "are", "were", "the", "of", "name", "s", "to"})
_MESSAGE = frozenset({"message", "call", "calls", "voicemail", "complaint", "letter", "text", "query", "request"})
_BROUGHT = frozenset({"accompanied", "brought", "driven", "escorted", "collected", "in", "visited"})
_LEFT_WORDS = re.compile(r"[A-Za-z0-9]{1,20}")


def _staff_before(left: str) -> bool:
    """The nearest word before the name, past "is"/"the"/"of"…, is a title or a role ("Dr.", "clinician is",
    "Seen by", "signature of")."""
    words = _LEFT_WORDS.findall(left)[-5:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w in _BETWEEN:
            continue
        if w == "by" and i and words[i - 1].lower() in _BROUGHT:
            return False  # "accompanied by", "brought in by": a relative or the patient, not a signer
        if w == "from" and i and words[i - 1].lower() in _MESSAGE:
            return False  # "Message from Margit Mäkelä: my pharmacy…": whoever wrote in
        return w in _STAFF_ROLES
    return False


# Just after the name: a credential or a staff cue ("K. Foster, RN", "Mr. Haddad (PM)", "from the vendor").
_STAFF_AFTER = re.compile(
    r"^(?:,?\s{0,2}\(?(?:md|m\.d\.|do|rn|np|pa|pa-c|phd|pharmd|mbbs|frcp|lpn|cns|crna|dnp|msn|bsn|mph|facp"
    r"|pm|ba|cmio|cnio|cio|dds|od|dpm)\b|\s{1,3}(?:from|of|with|at)\s{1,3}(?:the\s{1,3})?(?:vendor|team|it|pmo"
    r"|pharmacy|informatics|lab|laboratory|radiology|nursing|finance|legal|compliance|him)\b"
    r"|\s{0,2}\([^()\n]{0,30}?\b(?:pm|pmo|it|vendor|analyst|lead|manager|director|developer|dev|coordinator|clerk"
    r"|officer|engineer|architect|sponsor|consultant|educator|champion|cmio|cnio|cio|trainer)\b"
    r"|,\s{1,2}(?!an?\s|who\s|herself\s|himself\s|retired\s|former\s)(?:the\s{1,2}|our\s{1,2})?(?:[\w-]{1,20}\s{1,2}){0,3}?(?:nurse|manager|lead|educator|coordinator|clerk"
    r"|officer|pharmacist|physician|doctor|consultant|midwife|dietitian|therapist|physio|matron|registrar|resident"
    r"|analyst|director|champion|super-?user)\b"
    r"|'s\s{1,2}(?:team|pr|patch|commit"
    r"|change|fix|review)\b|\s{1,2}(?:will\s{1,2}present|presented\s{1,2}the|noted\s{1,2}that"
    r"|shared|joined|led|demoed|demonstrated|committed|merged|wrote|contributed|fixed|added|updated))",
    _I,
)
# A single name word is a person's only as the subject of what a person does: "Þorkell attended with…",
# "Quinzia was able to answer", "Takumi, who denied new pain".
_SINGLE_THEN = re.compile(
    r"^(?:,\s{1,2}who\s{1,2}(?:denied|denies|reported|reports|described|describes|complained|complains|was|is|has|had)\b"
    r"|\s{1,2}(?:(?:was|is)\s{1,2}(?:able|unable|seen|admitted|discharged|examined|reviewed|assessed|alert|oriented"
    r"|doing|stable|tolerating|improving|comfortable|confused|agitated|awake|asleep|afebrile|febrile|npo|mobilised"
    r"|mobilized|crying|found|given|started|sleeping|eating|vomiting|spiking|refusing|complaining|breathing|post-op)"
    r"|feels|felt|reports|denies|describes|attended|described|reported|denied|explained|answered|presented"
    r"|arrived|returned|returns|walked|complained|complains|tolerated|declined|refused|understood|understands"
    r"|continues|remains|appears|slept|ate|vomited|needs|went\s{1,2}(?:for|home|to)|still|spiked|spiking|has\s{1,2}been"
    r"|says|said|states|stated|c/o|wants|ambulated|coughed|fell(?!\s{1,2}(?:behind|through|short|apart))|woke|pulled"
    r"|received|got)\b"
    r"|['’]s\s{1,2}(?:mum|mom|mother|dad|father|husband|wife|son|daughter|partner|carer|caregiver|parents)\b)",
    _I,
)
# A note's header row: a label, a separator, the name and the end of the line ("N A M E — T. Lengyel",
# "FULL lDENTITY >> B. Szathmáry").
_HEADER_BEFORE = re.compile(r"(?:^|\n)[^\n]{1,40}?\s(?:[:=|—–]|>>|/|::)\s{0,3}$")
# A letter's or a message's subject line that is a name and nothing else: "Re: Jorge Alvarado", "RE: OKAFOR, Maria".
_SUBJECT_BEFORE = re.compile(r"(?:^|\n)\s{0,3}(?:re|subject|subj|regarding|fwd?)\s{0,2}:\s{0,3}$", _I)
_LINE_END = re.compile(r"^\s{0,3}(?:$|\n|[;.|/]\s{0,3}(?:$|\n))")
# An eponym is a disease, sign or test, not a person: "Parkinson disease", "the Babinski response".
_EPONYM_AFTER = re.compile(
    r"^['’]?s?\s{1,2}(?:disease|syndrome|sign|test|testing|maneuver|manoeuvre|response|reflex|lymphoma|scale|score"
    r"|criteria|classification|phenomenon|palsy|procedure|operation|fracture|repair|catheter|tube|position|law"
    r"|rule|method|index|equation|formula|stain|cell|cells|node|nodes|thyroiditis|disorder|anomaly|malformation)\b",
    _I,
)


# What a colleague does, right after the name (or after "and" a second name): "Marta Nowicka built the sepsis
# screening questions", "Paolo Greco and Hana Sato reviewed the fall risk scoring"; and a colleague's role: "Sofia
# Andersson is our transfusion safety officer". Only "her meds"-like sure signs outweigh them.
_AND_NAME = (
    r"(?:\s{1,2}and\s{1,2}(?:[A-Z][\w'’-]{1,25}(?:\s{1,2}[A-Z][\w'’-]{1,25}){0,2}|the\s{1,2}(?:[\w-]{1,20}\s{1,2}){0,3}?"
    r"(?:team|nurses|staff|group|leads|educators|analysts|pharmacists|physicians|doctors|committee|champions)))?"
)
_WORK_AFTER = re.compile(
    _AND_NAME + r"\s{1,2}(?:(?:will|to|can|should|has|have)\s{1,2})?"
    r"(?:configure[sd]?|buil[dt]s?|drafte?d?s?|shadow(?:s|ed)?|maintain(?:s|ed)?|mapped|maps|validated?s?|documented|migrated|designed"
    r"|coordinated|facilitated?s?|owns?|owned|leads|chairs|chaired|trained|trains|approved?s?|reviewed|updated?s?|fixed"
    r"|added|wrote|authored|deployed|shipped|set\s{1,2}up|signed\s{1,2}off|supports?|supported|demoed|scoped|logged"
    r"|escalated|piloted|rolled\s{1,2}out|configured|refactored|implemented|test(?:s|ed)?\s{1,2}(?:the|our|a|an|new)\b|flagged|raised|mentioned|confirmed|suggested|proposed|requested"
    r"|walked\s{1,2}(?:through|us)|pair(?:ed|s)?\s{1,2}with|agreed|closed|opened\s{1,2}(?:a|an|the)\s{1,2}(?:ticket|issue|pr)"
    r"|asked\s{1,2}(?:if|whether)"
    # an action item: "Aroha Ngata to confirm ward champions by 18 Dec"
    r"|to\s{1,2}(?:confirm|update|book|send|circulate|follow\s{1,2}up|chase|draft|share|email|brief|organi[sz]e"
    r"|coordinate|set\s{1,2}up|finali[sz]e|prepare|present|own|lead|validate|sign\s{1,2}off|approve|escalate|liaise"
    r"|raise|log|track|investigate|look\s{1,2}into|test\s{1,2}the|socialise|socialize|schedule|arrange))\b",
)
_ROLE_AFTER = re.compile(
    r",?\s{1,2}(?:is|was|as|will\s{1,2}be)\s{1,2}(?:our|the|a|an)\s{1,2}(?:[\w-]{1,20}\s{1,2}){0,4}?"
    r"(?:lead|coordinator|analyst|champion|owner|manager|sponsor|director|educator|super-?user|trainer|informaticist"
    r"|informatician|architect|engineer|developer|administrator|admin|specialist|liaison|officer|consultant|chair"
    r"|representative|rep|pm|ba|sme|cmio|cnio|head|chief|vp)\b",
    _I,
)


# A place named after a person or a town: "the Royal Darwin site visit", "St Vincent's Melbourne".
_PLACE_AFTER = re.compile(
    r"\s{1,2}(?:site|hospital|campus|clinic|centre|center|infirmary|university|wing|building|tower|house|practice"
    r"|school|college|street|road|avenue|park)\b",
    _I,
)
_SAINTS = (" St", " St.", " Saint", " Ste", " Ste.")
# Names listed after a role ("Trainers: Deepika Nair, Kofi Boateng, Chloe Martin") or over a role line in a signature
# ("Kind regards,\nGrace Mwangi\nHead of Digital Delivery").
_ROLE_LIST_BEFORE = re.compile(
    r"(?:^|\n|[.;]\s)\s{0,3}(?:trainers?|attendees|present|owners?|leads?|presenters?|speakers?|cc|apologies"
    r"|facilitators?|champions?|super-?users?|contacts?|reviewers?|approvers?|sponsors?|analysts?|team|members?"
    r"|invitees|participants|panel(?:lists)?)\s{0,2}:\s{0,3}(?:[^:\n]{1,40},\s{1,2}){0,3}$",
    _I,
)
_ROLE_LINE_AFTER = re.compile(
    r"[ \t]{0,3}\n[ \t]{0,3}[^\n]{0,40}?\b(?:head|lead|manager|director|pm|pmo|analyst|officer|coordinator|consultant"
    r"|specialist|engineer|architect|sponsor|delivery|digital|informatics|programme|program|project|executive|chief"
    r"|vp|president|administrator|educator|trainer)\b",
    _I,
)


# "Ioana Popescu's fracture" is hers; "Colles fracture" and "Lou Gehrig's disease" are eponyms.
_OWN_NOT_EPONYM = re.compile(
    r"['’]s\s{1,2}(?:fracture|procedure|operation|repair|catheter|tube|test|testing|position|score)\b", _I
)


# A record number set right after a full name, in brackets or between commas: "Hector Villanueva (55120398) was
# double-registered", "Hector Villanueva, 55120398, fell". Not a phone's groups ("(416-555-0100)"), an extension or
# a ticket ("(INC0012345)").
_ID_AFTER = re.compile(
    r"\s{0,2}(?:\(\s{0,2}(?:MRN|MR|#)?\s?(?:\d{6,12}|\d{2,5}-\d{5,8})\s{0,2}\)|,\s{1,2}#?\d{6,12}\s{0,2}[,;])"
)


# A name as the object of a verb of care or of a document about one person's care: "we admitted Ottoline
# Brzezinska overnight", "Discharge summary for Ottoline Brzezinska"; and a name's record: "Ottoline Brzezinska's
# chart was merged".
_CARE_OF = re.compile(
    r"\b(?:admitted|readmitted|discharged|intubated|extubated|sedated|resuscitated|triaged|transfused|catheteri[sz]ed"
    r"|(?:discharge|transfer|referral|consult(?:ation)?|progress|admission|operative|op|nursing|clinic)\s{1,2}"
    r"(?:summary|letter|note|notes|report)\s{1,2}(?:for|of|on)|(?:wristband|med(?:ication)?s?\s{1,2}list|labs|vitals"
    r"|allergies|prescriptions?)\s{1,2}(?:for|of))\s{1,2}$",
    _I,
)
_RECORD_OF_AFTER = re.compile(
    r"^['’]s?\s{1,2}(?:chart(?!\s{1,2}(?:review|audit|abstraction|template|build|design|tool))|mrn|medical\s{1,2}record|health\s{1,2}record|wristband|meds|medications|vitals"
    r"|bloodwork|allergies|diagnosis|dob|date\s{1,2}of\s{1,2}birth|prescriptions?|member\s{1,2}id"
    r"|insurance(?!\s{1,2}(?:team|vendor|module|interface|feed)))\b",
    _I,
)


_RECORD_OF_GATE = _wordset(
    "chart mrn record medical health wristband meds medications vitals bloodwork allergies diagnosis dob date"
    " prescription prescriptions member insurance"
)
# A verb of what was done to a patient right after the name: "Harold Finch was brought in by ambulance".
_CARE_THEN = re.compile(
    r"^\s{1,2}(?:was|is|has\s{1,2}been|had\s{1,2}been|got|were)\s{1,2}(?:brought\s{1,2}in|rushed|readmitted|intubated"
    r"|extubated|sedated|resuscitated|triaged|transfused|catheteri[sz]ed|admitted|discharged)\b",
    _I,
)
_CARE_OF_GATE = _wordset(
    "brought rushed admitted readmitted discharged intubated extubated sedated resuscitated triaged transfused catheterized"
    " catheterised summary letter note notes report wristband list labs vitals allergies prescription prescriptions"
)


@lru_cache(maxsize=8192)
def _kind_of(word: str) -> str:
    """_kind with the word lists, remembered per word: a text repeats its words, and so do the texts of a day."""
    if word == "Jan":
        return "F"  # January, or Jan Kowalski: a name only if a surname follows
    kind = _kind(word, _words("name_words.txt"), _words("english_words.txt"))
    if kind == "E" and word.rstrip(".").lower() in _words("first_english_words.txt"):
        return "F"  # "John", "Mark": a name only if a surname follows
    return kind


_PLACE_POSSESSIVES = frozenset({"children's", "women's", "men's", "people's", "children’s", "women’s", "men’s"})
_CONTRACTED = frozenset({"ve", "ll", "re", "d", "m", "t"})
_CONTRACTS_S = frozenset({"he", "she", "it", "that", "what", "who", "there", "here", "let", "where", "how"})


def _kind(word: str, names: frozenset[str], english: frozenset[str]) -> str:
    """N a name word, I an initial, U an unknown word, E an English word, X neither (small letters, an acronym, a
    title, a product word)."""
    w = word.rstrip(".")
    if not w[:1].isupper():
        return "X"
    base, apostrophe, tail = w.replace("’", "'").partition("'")
    if apostrophe and (tail.lower() in _CONTRACTED or (tail.lower() == "s" and base.lower() in _CONTRACTS_S)):
        return "E"  # "I've", "He's", "Don't": a contraction, not "O'Neil"
    if len(w) == 1:
        return "I"
    low = w.lower()
    if low in _NEVER:
        return "X"
    if low in _PLACE_POSSESSIVES:
        return "E"  # "Sydney Children's", "Royal Women's": a hospital's name
    if low in names:
        return "N"
    if "-" in w and all(p[:1].isupper() for p in w.split("-") if p):  # "Ferndale-Ostrowski", "MONS-EN-BAROEUL"
        parts = [p.lower() for p in w.split("-") if p]
        if any(p in names for p in parts):
            return "N"
        return "E" if all(p in english for p in parts) else "U"
    if len(w) == 2:
        return "X"
    if low in english:
        return "E"
    if not w.isascii():
        return "N"
    if w.isupper() and len(w) <= 4:
        return "X"
    if any(c.isupper() for c in w[1:]) and not w.isupper() and not w.startswith(("Mc", "Mac", "O'", "O’")):
        return "X"  # "OpenEMR", "GNUmed", "iPad"-like product words
    return "U"


def _is_name(kinds: list[str]) -> bool:
    """A single name or unknown word (it then needs a person's verb after it), or 2-4 words of names (N, or a
    first name F / surname S that is also an English word), unknown words and initials, with a name word or an
    initial and an unknown word ("S. Gatou"), or two unknown words ("Ottoline Brzezinska"); not all initials,
    not ending on F."""
    if len(kinds) == 1:
        return kinds[0] in "NU"
    if len(kinds) > 4 or not all(k in "NUISF" for k in kinds) or kinds[-1] == "F":
        return False
    return "N" in kinds or "F" in kinds or ("I" in kinds and "U" in kinds) or kinds.count("U") >= 2


def _weak(kinds: str) -> bool:
    """Names made only of words that are English words too ("John Smith", "Maria L."), or of an initial and an
    unknown word ("K. Tamm"): they need a strong sign of a patient near them. Two unknown words ("Matti Toivonen",
    "Boluwatife Morawo") are not weak: most of the world's names are not in the US census lists."""
    if "N" in kinds:
        return False
    return "F" in kinds or "S" in kinds or ("U" in kinds and "I" in kinds)


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words one or two spaces apart ("Bulat Butusov", "K. Szöllösy") or "Last, First"
    ("Tomaszewska, Albina"). An English word ends a run, except a surname that is also a word right after a first
    name or an initial ("Mary Brown", "J. Young")."""
    surnames = _words("surname_english_words.txt")
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []  # (start, end, kind)

    def close() -> None:
        if run and _is_name([k for _, _, k in run]):
            out.append((run[0][0], run[-1][1], "".join(k for _, _, k in run)))
        run.clear()

    prev_end = -1
    for m in _WORD.finditer(text):
        start, end, w = m.start(), m.end(), m.group(0)
        k = _kind_of(w)
        if run:
            gap = text[prev_end:start]
            joined = gap in _SPACE_GAPS or (gap in _COMMA_GAPS and len(run) == 1) or gap in _PARTICLE_GAPS
            if joined and w in _CAP_PARTICLES:
                prev_end = end  # "Siobhán Ní Bhriain", "Juan De la Cruz": the run goes on past the particle
                continue
            if k in "EF" and joined and run[-1][2] in "NIF" and w.rstrip(".").lower() in surnames:
                k = "S"
            if not joined or k in ("X", "E"):
                close()
        if k not in ("X", "E"):
            run.append((start, end, k))
        prev_end = end
    close()
    return out


def find_lexicon_names(text: str) -> list[tuple[int, int]]:
    return [
        (start, end - 1 if text[end - 1] == "." and text[end - 3 : end - 2].isalpha() else end)
        for start, end in _find(text)
    ]


# A letter's signature: a full name on its own line after a sign-off ("Regards,") or a blank line, then the writer's
# phone number, or a town and the end ("Yours sincerely,\nKavya Shenoy\nUdupi"). A member of the public writing about
# their care, when the letter speaks in the first person and of no project.
_SIGN_OFF = re.compile(
    r"(?:^|\n)\s{0,3}(?:(?:thanks|thank\s{1,2}you|(?:kind\s{1,2}|best\s{1,2}|warm\s{1,2})?regards|(?:yours\s{1,2})?"
    r"(?:sincerely|faithfully|truly)|best(?:\s{1,2}wishes)?|cheers|respectfully|warmly)\s{0,2}[,.!]?\s{0,3})?\n\s{0,3}$",
    _I,
)
_SIGNATURE_AFTER = re.compile(
    r"[ \t]{0,3}(?:\n[ \t]{0,3}(?P<town>[A-Z][^\W\d_]{1,25}(?:[ -][A-Z][^\W\d_]{1,25})?)[ \t]{0,3})?"
    r"(?:\n[ \t]{0,3}(?:(?:tel|phone|mobile|cell)[.:]?\s{0,2})?[+(]?\d[\d ().+-]{6,18}\d[ \t]{0,3}(?:\n|$)|\s{0,20}$)"
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Mm]y|[Mm]e|[Ww]e|[Oo]ur)\b")


def _signed(text: str, start: int, end: int) -> bool:
    """The name signs a letter written in the first person about no project, with the writer's phone or town."""
    if not _SIGN_OFF.search(text, max(0, start - 40), start):
        return False
    sig = _SIGNATURE_AFTER.match(text, end)
    if not sig:
        return False
    town = sig.group("town")
    if town and any(_kind_of(w) in "EX" for w in re.split(r"[ -]", town)):
        return False  # "Regards,\nDana Whitfield\nPMO", "Gareth Llewellyn\nInfrastructure PM": a role, not a town
    if not _FIRST_PERSON.search(text, 0, start):
        return False
    return not (_near(_context(text)[1], start, end) or _near(_care_context(text)[1], start, end))


# A name with the phone to reach them, in a text about a family: "Contact Michelle Hanna at +1-334-235-3366 for
# family updates". A colleague's number comes with a project's words ("Contact Dana Whitfield at x4417 for access").
_PHONE_AFTER = re.compile(
    r"(?:\s{1,2}(?:at|on)\s{1,2}|,\s{0,2}(?:cell|mobile|phone|tel)\.?:?\s{0,2})[+(]?\d[\d ().+x-]{6,24}\d", _I
)


def _contact_of_family(text: str, start: int, end: int) -> bool:
    """A word of family, and none of a project, in the few words around the name and its phone."""
    near = _LEFT_WORDS.findall(text[max(0, start - 60) : end + 60].lower())
    return not _FAMILY.isdisjoint(near) and not any(
        _BITS.get(w, 0) & _ANY_PROJECT and w not in ("update", "updates") for w in near
    )


_FAMILY = _wordset(
    "family parent parents mom mum dad mother father guardian wife husband son daughter grandmother grandfather"
)


def _find(text: str) -> list[tuple[int, int]]:
    cands = _candidates(text)
    if not cands:
        return []
    out = []
    ctx: tuple[list[int], list[int], list[int]] | None = None
    # the record and care-of passes run only when one of their words is in the text (a set lookup)
    record_of, care_of = has_any(text, _RECORD_OF_GATE), has_any(text, _CARE_OF_GATE)
    for start, end, kinds in cands:
        left = text[max(0, start - 40) : start]
        right = text[end : end + 40]
        if "\n" in left:
            if len(kinds) > 1 and _signed(text, start, end):
                out.append((start, end))
                continue
            left = left[left.rfind("\n") + 1 :]
        if _PHONE_AFTER.match(right) and len(kinds) > 1 and _contact_of_family(text, start, end):
            out.append((start, end))
            continue
        if (
            _staff_before(left)
            or _PLACE_AFTER.match(right)
            or (" " + left).rstrip().endswith(_SAINTS)
            or (":" in text[max(0, start - 120) : start] and _ROLE_LIST_BEFORE.search(text, max(0, start - 120), start))
            or (right.lstrip(" \t")[:1] == "\n" and _ROLE_LINE_AFTER.match(right))
            or _STAFF_AFTER.match(text[end - 2 : end] + right if text[end - 2 : end] in ("'s", "’s") else right)
            or (_EPONYM_AFTER.match(right) and not (len(kinds) > 1 and _OWN_NOT_EPONYM.match(text, end - 2)))
        ):
            continue
        single = len(kinds) == 1
        if single and not _salutation(text, start, end, single):
            if text[end - 2 : end] in ("'s", "’s"):
                # "Lola's mum called…"; not "Patient's husband", whose word is an English word
                if _kind_of(text[start : end - 2]) not in "NUF" or not _SINGLE_THEN.match(text[end - 2 : end] + right):
                    continue
            elif not _SINGLE_THEN.match(right):
                continue
        if not single and (_HEADER_BEFORE.search(left) or _SUBJECT_BEFORE.search(left)) and _LINE_END.match(right):
            out.append((start, end))
            continue
        if ctx is None:
            ctx = _context(text)  # once per text, and only when a name needs it
        person, project, strong = ctx
        if (_WORK_AFTER.match(right) or _ROLE_AFTER.match(right)) and not _sure_near(text, start, end):
            continue  # "Marta Nowicka built the sepsis screening", "Sofia Andersson is our transfusion safety officer"
        own = text[end - 2 : end] + right if record_of and text[end - 2 : end] in ("'s", "’s") else right
        if not single and (
            (record_of and _RECORD_OF_AFTER.match(own) and not any(b & _ANY_PROJECT for b in _next_bits(text, end, 2)))
            or (right[:3].strip()[:1] in ("(", ",") and _ID_AFTER.match(right) and not _near(project, start, end))
            or (care_of and (_CARE_OF.search(left) or _CARE_THEN.match(right)) and not _near(project, start, end))
        ):
            out.append((start, end))
            continue
        if (
            (_near(strong, start, end) and _strong_clear(text, strong, start, end))
            or _salutation(text, start, end, single)
            or _sure_near(text, start, end)
            or (not single and _owns_care(text, start, end))
        ):
            out.append((start, end))
            continue
        if _near(project, start, end):
            continue
        care, more_project = _care_context(text)
        if _near(more_project, start, end):
            continue
        if _near(care, start, end) or (not (_weak(kinds) and len(kinds) > 1) and _near(person, start, end)):
            out.append((start, end))
    return out
