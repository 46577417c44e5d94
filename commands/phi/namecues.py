"""What stands right around a name and says whose it is: a salutation, a staff title or credential before or after
it, a care phrase it owns, an eponym, a colleague's work or role, a header or subject line. Its own file so
lexicon.py keeps only the name finding.

All patterns are bounded and look at fixed-size windows, so the checks stay linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from commands.phi.namewords import (
    _ANY_PROJECT,
    _CARE,
    _CTX_WORD,
    _OWN,
    _bits,
    _care_context,
    _context,
    _contexts,
    _next_bits,
    _wordset,
)
from commands.phi.shared import _I, has_any

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
_PROVIDED = frozenset({"provided", "given", "supplied", "obtained", "taken"})
_HISTORY = frozenset({"history", "collateral", "information", "account"})
_OBTAINED = frozenset({"obtained", "history", "consent", "collateral", "taken", "collected", "drawn"})
_LEFT_WORDS = re.compile(r"[A-Za-z0-9]{1,20}")


_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "$": "s", "@": "a"})
_SPACED = re.compile(r"\b(?:[A-Za-z0-9] ){2,20}[A-Za-z0-9]\b")
# (the same read faster: an ASCII text's digits by a table of bytes; spaced letters looked for from a space, what
# _SPACED needs at least: "x y z")
_LEET_ASCII = bytes.maketrans(b"013457$@", b"oieastsa")
_SPACED_LEAD = re.compile(r" (?<=\b[A-Za-z0-9] )[A-Za-z0-9] [A-Za-z0-9]\b")


# A label written to dodge a filter: a digit in a word, spaced letters, a small "l" in a capitalised word. Three
# patterns, each led by a character the engine skips straight to (a digit, an "l", a space), say together what
# "[A-Za-z][0-9$@]|[0-9$@][A-Za-z]|\b[A-Za-z] [A-Za-z] [A-Za-z]\b|[A-Z]l|\bl[A-Z]" says, several times faster.
_LEET_BY_LETTER = re.compile(r"[0-9$@](?:(?<=[A-Za-z].)|(?=[A-Za-z]))")
_SMALL_L = re.compile(r"l(?:(?<=[A-Z]l)|(?<=\bl)(?=[A-Z]))")
_SPACED_THREE = re.compile(r" (?<=\b[A-Za-z] )[A-Za-z] [A-Za-z]\b")


def disguised(label: str) -> bool:
    """The label is written to dodge a filter ("P4TIENT", "lDENTITY", "P A T I E N T")."""
    return (
        _LEET_BY_LETTER.search(label) is not None
        or ("l" in label and _SMALL_L.search(label) is not None)
        or _SPACED_THREE.search(label) is not None
    )


def plain_label(label: str) -> str:
    """A label as it was meant to read: spaced letters joined, digits that stand for letters read as letters, an
    "l" for an "I" in a capitalised word read as "i"."""
    if _SPACED_LEAD.search(label):
        label = _SPACED.sub(lambda m: m.group(0).replace(" ", ""), label)
    label = label.encode().translate(_LEET_ASCII).decode() if label.isascii() else label.translate(_LEET)
    words = label.lower().split()  # (every word at once; then the few to read an "I" in)
    if "l" in label:
        for i, w in enumerate(label.split()):
            if "l" in w and not w.islower() and sum(map(str.isupper, w)) >= max(2, len(w) - 2):
                words[i] = w.replace("l", "I").lower()  # "PATlENT", "lDENTITY" (a capitalised word with a small l)
    return " ".join(words)


def _staff_before(left: str) -> bool:
    """The nearest word before the name, past "is"/"the"/"of"…, is a title or a role ("Dr.", "clinician is",
    "Seen by", "signature of")."""
    left = left[-60:]
    words = _LEFT_WORDS.findall(plain_label(left) if disguised(left) else left)[-5:]
    for i in range(len(words) - 1, -1, -1):
        w = words[i].lower()
        if w in _BETWEEN:
            continue
        if w == "by" and i and words[i - 1].lower() in _BROUGHT:
            return False
        if w == "by" and i and words[i - 1].lower() in _PROVIDED and _HISTORY.intersection(x.lower() for x in words):
            return False  # "the history was provided by Béla Németh": whoever gave the history  # "accompanied by", "brought in by": a relative or the patient, not a signer
        if w == "from" and i and words[i - 1].lower() in _MESSAGE | _OBTAINED:
            return False  # "Message from Margit Mäkelä: my pharmacy…", "consent obtained from…": the patient
        if w == "reviewed" and i == len(words) - 1:
            return False  # "Reviewed Hans on the ward round": the name is what was reviewed, not who did
        return w in _STAFF_ROLES
    return False


# Just after the name: a credential or a staff cue ("K. Foster, RN", "Mr. Haddad (PM)", "from the vendor").
_STAFF_AFTER = re.compile(
    r"^(?:,?\s{0,2}\(?(?:md|m\.d\.|do|rn|np|pa|pa-c|phd|pharmd|mbbs|frcp|lpn|cns|crna|dnp|msn|bsn|mph|facp"
    r"|pm|ba|cmio|cnio|cio|dds|od|dpm)\b|\s{1,3}(?:from|of|with|at)\s{1,3}(?:the\s{1,3})?(?:vendor|team|it|pmo"
    r"|pharmacy|informatics|lab|laboratory|radiology|nursing|finance|legal|compliance|him)\b"
    r"|\s{0,2}\([^()\n]{0,30}?\b(?:pm|pmo|it|vendor|analyst|lead|manager|director|developer|dev|coordinator|clerk"
    r"|officer|engineer|architect|sponsor|consultant|educator|champion|cmio|cnio|cio|trainer"
    # a clinical colleague's role in brackets: "Ravi Shah (pharmacist) reconciled…", "Jukka K. (SALT) assessed…"
    r"|pharmacist|salt|ot|physio|physiotherapist|dietitian|dietician|nurse|rn|hca|registrar|sho|fy[12]|matron"
    r"|midwife|therapist|phlebotomist|porter|radiographer|sonographer|doctor|surgeon|anaesthetist|anesthetist"
    r"|hospitalist|paramedic|social\s{1,2}worker)\b"
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
    r"(?:lead|coordinator|analyst|champion|owner|manager|sponsor|director|educator|super(?:-|\s{1,2})?user|trainer|informaticist"
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
# A medicine's or a device's line of a medication list, not a person's: a dose or a dash and a frequency after the
# words ("ALBUTEROL NEBULIZER - Every 4 hours as needed", "Calcium Carbonate 500 mg", "Insulin Glargine 30 units").
_DOSING_AFTER = re.compile(
    r"[ \t]{1,3}(?:\d{1,5}(?:\.\d{1,3})?[ \t]{0,2}(?:mg|mcg|µg|g|ml|mL|units?|iu|IU|meq|mEq|puffs?)\b"
    r"|[-–—][ \t]{1,3}(?:every|daily|twice|once|three\s{1,3}times|take|apply|inhale|nightly|as\s{1,3}needed)\b)",
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
