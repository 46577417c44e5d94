"""Names a short clinical sentence makes a patient's by the noun before them or the label of their row, in
whatever form the name is written ("Boyle, Kacper", "DOUGLAS AZEVEDO", "K. Szöllösy", a given name alone):

* a person-role noun of care or cover before the name: "Service user Jana Horák declined the vaccine",
  "Claimant Ion Nistor underwent arthroscopy", "Informant was Anne, who…", "The individual, Lieke, expressed…";
* a record row whose label is a patient's, even written to dodge a filter: "P A T I E N T = José",
  "P4TIENT: Erik", "lDENTITY — Stilla", "CLlENT NAME >> Seyhan", "Person / Lara / no acute distress.".

A role word that is also a colleague's ("resident", "member", "caller", "client") needs a word of care in its
sentence and no project word; "team member", "resident physician", "Members: …" stay staff. Every pattern is
bounded and the sentence windows are fixed-size, so the pass is linear in the text's length.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import lru_cache
from itertools import accumulate

from commands.phi import leads
from commands.phi.alternations import words_by_first_letter
from commands.phi.lexicon import _kind_of
from commands.phi.namecues import plain_label
from commands.phi.namewords import (
    _ANY_PROJECT,
    _BITS,
    _CARE,
    _OWN,
    _PAIR_FIRST,
    _PERSON,
    _STRONG,
    _WORD_BITS,
    _word_bits,
    _words,
    _wordset,
)
from commands.phi.shared import _I, has_any

# Roles that only a person in care or cover holds: no other sign needed, only no project word in the sentence.
_CARE_ROLES = (
    r"care\s{1,2}recipient|service\s{1,2}user|enrollee|enrolee|beneficiary|subscriber|guarantor|insured|claimant"
    r"|informant|historian|policy\s{0,2}holder|person\s{1,2}(?:supported|receiving\s{1,2}(?:care|services|support)|served"
    r"|in\s{1,2}care)|individual\s{1,2}(?:supported|receiving\s{1,2}(?:care|services|support)|served)"
)
# Roles a colleague holds too ("resident" doctor, "team member", "caller" on a bridge): they need a word of care.
_SHARED_ROLES = r"client|member|resident|caller|individual|respondent|person\s{1,2}(?:seen|assessed|examined)"
# (each run of letters is possessive, "{1,25}+": what follows a name's word is never a letter, so giving letters back
# cannot make a match; the engine then does not try every shorter word when what follows the name is missing)
_NAME_FORMS = (
    # "Surname, Given" when the phrase ends there or a verb follows
    r"(?P<v>(?-i:[A-ZÀ-ÖØ-ÞĀ-ʯ][^\W\d_]{1,25}+(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ʯ]?[^\W\d_]{1,25}+)?,\s{1,2}[A-ZÀ-ÖØ-ÞĀ-ʯ][^\W\d_]{1,25}+"
    r"(?:-[A-ZÀ-ÖØ-ÞĀ-ʯ][^\W\d_]{1,25}+)?(?=\s{0,2}[;.),:|/—–]|\s{0,2}$|\s{1,2}[a-z])"
    # one to three capitalised words or initials, with particles ("S. da Rocha", "de Boer")
    r"|(?:(?:van|von|de|da|di|du|le|la|del|der|den|dos|das)\s{1,2}){0,2}[A-ZÀ-ÖØ-ÞĀ-ʯ](?:\.|[^\W\d_]{1,25}+(?:[-'’][^\W\d_]{1,25}+)?)"
    r"(?:\s{1,2}(?:(?:van|von|de|da|di|du|le|la|del|der|den|dos|das)\s{1,2}){0,2}[A-ZÀ-ÖØ-ÞĀ-ʯ](?:\.|[^\W\d_]{1,25}+"
    r"(?:[-'’][^\W\d_]{1,25}+)?)){0,2})(?:,?\s{1,2}(?-i:Jr|Sr|II|III|IV)\.?)?)(?![^\W\d_])"
)
_ROLE_NAME = re.compile(
    rf"(?<![\w-])(?P<role>{_CARE_ROLES}|{_SHARED_ROLES})(?:\s{{0,2}}(?:was|is|named|:|,|—|–|-)){{0,2}}\s{{1,3}}"
    + _NAME_FORMS,
    _I,
)
_ROLE_GATE = _wordset(
    "recipient user enrollee enrolee beneficiary subscriber guarantor insured claimant informant historian policyholder"
    " holder supported receiving served care client member resident caller individual respondent seen assessed"
    " examined"
)
# A word before a shared role that makes it a colleague: "team member", "resident physician", "board member".
_COLLEAGUE_BEFORE = re.compile(
    r"(?:team|staff|board|committee|project|steering|faculty|panel|pmo|it|chief|senior|junior|medical|surgical"
    r"|pgy-?\d|founding|council|working\s{1,2}group|network|forum|advisory|community|vendor|new)\s{1,2}$",
    _I,
)
_COLLEAGUE_AFTER = re.compile(
    r"\s{0,2}(?:,\s{0,2})?\(?(?:md|do|rn|np|pa|phd|mbbs|dr|physician|doctor|surgeon|nurse|lead|manager)\b", _I
)

# "The patient's preferred name is Martin", "the client's registered name was Stan, Monica".
_NAME_IS = re.compile(
    r"\b(?:patient|pt|client|resident|member|person|individual|service\s{1,2}user)(?:['’]?s?|,\s{1,2}whose)\s{1,2}"
    r"(?:(?:preferred|full|legal|first|given|last|family|registered|usual|correct|chosen|real|personal)\s{1,2}){0,2}name"
    r"(?:\s{1,3}(?:on|in)\s{1,3}the\s{1,3}[a-z]{2,15})?(?:\s{1,3}(?:is|was|reads|as)|,|:)\s{1,3}" + _NAME_FORMS,
    _I,
)
# "The identity field belongs to the patient, As Tredoven.": the patient, then the name and the end of the phrase.
_PATIENT_COMMA = re.compile(
    r"\b(?:patient|individual|person\s{1,2}receiving\s{1,2}care|client|service\s{1,2}user),\s{1,2}"
    + _NAME_FORMS
    + r"(?=\s{0,2}(?:[.;)]|$|\n))",
    _I,
)
# A row whose label names the patient's name in many words, the value in any letters: "Full personal name recorded
# after the patient's identification check = trevuinel, have".
_LONG_ROW = re.compile(
    r"(?:^|\n)[ \t]{0,3}(?:[-*•]\s{1,2})?(?P<label>[A-Za-z][A-Za-z '’-]{2,80}?)[ \t]{0,3}(?:=|:|\||>>)[ \t]{0,3}"
    r"(?P<v>[^\W\d_][^\W\d_'’-]{0,25}(?:,?\s{1,2}[^\W\d_](?:\.|[^\W\d_'’-]{1,25})){0,3})[ \t]{0,3}[.;]?[ \t]{0,3}(?=\n|$)"
)
_LONG_ROW_PATIENT = _wordset("patient patient's patients individual person client resident recipient")
_LONG_ROW_STAFF = _wordset(
    """clinician clinician's doctor nurse staff signer examiner author reviewer physician consulting provider project
    file server team vendor user owner lead manager sponsor attending surgeon therapist pharmacist"""
)


# "D. Bird, the person receiving care, reported dizziness": the name, then its care role between commas.
_THEN_ROLE = re.compile(
    _NAME_FORMS + rf",\s{{1,2}}(?:the|a|an|our)\s{{1,2}}(?:patient|{_CARE_ROLES})(?=\s{{0,2}}[,;.)]|\s{{0,2}}$)", _I
)
# The name said to be the patient's, or the person in care's, in words: "M. Litounuv, whose stated role is patient",
# "Dö Phütrain II, identified personally as the patient", "Sylvie Savard is the individual being assessed", "the
# patient's verified identity was recorded under Samuel Sama", "the patient bearing the name T. Brësev".
_NAME_AS_PATIENT = re.compile(
    _NAME_FORMS + r"['’]?,?\s{1,2}(?:(?:(?:was|is|being|been)\s{1,2})?(?:identified|confirmed|verified|registered"
    r"|recorded|listed|known|acting|introduced|named)(?:\s{1,2}[a-z]{2,12}ly)?\s{1,2}as\s{1,2}(?:the\s{1,2})?patient\b"
    r"|whose\s{1,2}(?:stated\s{1,2}|recorded\s{1,2}|listed\s{1,2})?role\s{1,2}is\s{1,2}(?:the\s{1,2})?patient\b"
    r"|(?:is|was)\s{1,2}the\s{1,2}(?:individual|person|patient|client|resident|service\s{1,2}user)"
    r"(?=\s{1,2}(?:being|who|receiving|in\s{1,2}(?:this|the)|under|seen|assessed|examined|named|described|here)\b|\s{0,2}[.,;])"
    r"|(?:was|is)\s{1,2}the\s{1,2}name\b)",
    _I,
)
_AS_NAME = re.compile(
    r"(?:\b(?:identity|name|identification)\b[^.;\n]{0,40}?\b(?:recorded|registered|listed|entered|filed|written)"
    r"\s{1,2}(?:under|as)|\bbearing\s{1,2}the\s{1,2}name|\b(?:individual|person|patient|client|resident|pt)"
    r"\s{1,2}(?:(?:is|was)\s{1,2})?(?:known|called|named|referred\s{1,2}to|addressed|registered)(?:\s{1,2}[a-z]{2,12}){0,3}?"
    r"\s{1,2}as)\s{1,3}['\"‘“]?" + _NAME_FORMS,
    _I,
)
# "The account supplied by Amy Barker's family": a name whose family or carer speaks for them.
_KIN_OF = re.compile(
    _NAME_FORMS + r"['’]s\s{1,2}(?:family|relatives|parents|caregiver|carer|next\s{1,2}of\s{1,2}kin|guardian|mum|mom"
    r"|mother|father|dad|husband|wife|partner|son|daughter|spouse|sister|brother)\b",
    _I,
)
_TITLE_BEFORE = re.compile(r"\b(?:dr|doctor|prof|professor|nurse|sister|matron)\.?\s{1,2}$", _I)
_NAME_IS_GATE = _wordset(
    "name patient patients pt recipient user enrollee beneficiary subscriber person individual identity identification"
    " client resident family relatives parents caregiver carer kin guardian mum mom mother father dad husband wife"
    " partner son daughter spouse sister brother"
)


# A row's label and its separator, at the start of a line or a sentence; the label is de-obfuscated before it is
# read ("P A T I E N T", "P4TIENT", "lDENTITY").
_ROW = re.compile(
    r"(?:^|\n|[.;]\s{1,2})[ \t]{0,3}(?P<label>[A-Za-z0-9][A-Za-z0-9 '’]{0,38}?)[ \t]{0,3}(?:::|:|=|\||/|—|–|>>|->)"
    r"[ \t]{0,3}" + _NAME_FORMS + r"(?=[ \t]{0,3}(?:$|\n|[;|/—–]|\.[ \t]{0,3}(?:$|\n)|\.\s))",
)
_PATIENT_LABELS = _wordset(
    "patient patients pt client clients member subscriber enrollee beneficiary insured guarantor claimant person"
    " individual resident identity recipient user policyholder name"
)
_LABEL_WORDS = _PATIENT_LABELS | _wordset(
    "full legal first last given family s the of care service receiving supported served in policy holder services"
    " preferred registered on wristband armband band chart record"
)


_PLACE_WORDS = _wordset(
    """hospital hospitals clinic clinics centre center centres centers practice pavilion medical health care home
    unit facility organisation organization services service trust team department ward infirmary surgery surgical
    rehabilitation diagnostic specialty primary community day treatment infusion recovery nursing pharmacy group"""
)


def _is_person_name(v: str) -> bool:
    """The words can be a person's: not all English or product words ("Role", "Lab interface")."""
    words = [w.strip(",.") for w in v.replace(",", " ").split()]
    kinds = [_kind_of(w if not w.isupper() or len(w) < 3 else w.capitalize()) for w in words if w]
    surnames = _words("surname_english_words.txt")
    kinds = [
        "S" if k == "E" and n and kinds[n - 1] in "NIF" and words[n].lower() in surnames else k
        for n, k in enumerate(kinds)
    ]  # "I. Kiss", "Mary Brown": a surname that is also a word, after an initial or a first name
    if not kinds or all(k == "I" for k in kinds) or any(w.lower() in _PLACE_WORDS for w in words):
        return False  # (a place: "Teoshu Medical Pavilion", "Rupiand Care Home")
    if len(kinds) == 1:
        return kinds[0] in "NU" or (kinds[0] == "F")
    return any(k in "NUFS" for k in kinds) and not all(k in "EX" for k in kinds if k != "I")


_SENTENCE_END = re.compile(r"[.!?\n](?:\s|$)")


_TOKEN_WORD = re.compile(r"[A-Za-z0-9/'’-]{1,30}")
_TOKEN_CUT = re.compile(f"({_TOKEN_WORD.pattern})")  # (split by it: the gaps and the words, in turn)
_ALERT_ORIENTED = re.compile(r"\s{1,2}and\s{1,2}oriented\b", _I)
_KINDS = (_ANY_PROJECT, _CARE | _STRONG, _CARE | _STRONG | _PERSON | _OWN)  # project, clinical, of a person


@lru_cache(maxsize=4)
def _index(text: str) -> tuple[tuple[list[int], ...], list[int]]:
    """Once per text: where its words of a project, of care (with the findings) and of a person start, and where its
    sentences end; whether a sentence has a word of each is then two binary searches."""
    # (an ASCII text is put in small letters once: its words keep their places; the text is cut into its words and
    # the gaps between them, the starts added up, and each word's bits looked up: _bits(w, prev) needs the word
    # before only after a pair's first word, as "her" and "his" add only a bit no count reads)
    small = text.lower() if text.isascii() else None
    parts = _TOKEN_CUT.split(text if small is None else small)
    words = parts[1::2] if small is not None else [w.lower() for w in parts[1::2]]
    starts = list(accumulate(map(len, parts)))[0:-1:2]
    known = _WORD_BITS.get
    bits = [known(w, -1) for w in words]
    for i in [i for i, b in enumerate(bits) if b < 0]:
        bits[i] = _word_bits(words[i])
    for i in [i for i, w in enumerate(words[:-1], 1) if w in _PAIR_FIRST]:
        bits[i] |= _BITS.get(words[i - 1] + " " + words[i], 0)
    for i in [i for i, w in enumerate(words) if w in _FINDINGS or w == "alert"]:
        if words[i] == "alert" and _ALERT_ORIENTED.match(text, starts[i] + 5):
            bits[i] = _CARE  # "alert and oriented" is a finding, not a clinical-decision alert
        elif words[i] in _FINDINGS:
            bits[i] |= _CARE
    marked = [(at, b) for at, b in zip(starts, bits, strict=True) if b]  # (few words are of any kind)
    kinds = tuple([at for at, b in marked if b & kind] for kind in _KINDS)
    return kinds, [m.start() for m in _SENTENCE_END.finditer(text)]


def _any_in(starts: list[int], lo: int, hi: int) -> bool:
    i = bisect_left(starts, lo)
    return i < len(starts) and starts[i] < hi


def _sentence_has(text: str, start: int, end: int) -> tuple[bool, bool, bool]:
    """Whether the sentence around a span (at most 160 characters either side, the span itself left out) has a word
    of a project, a word of care or a finding, a word of a person."""
    kinds, ends = _index(text)
    i = bisect_left(ends, start) - 1
    lo = max(start - 160, ends[i] + 1 if i >= 0 else 0)
    j = bisect_left(ends, end)
    hi = min(end + 160, ends[j] if j < len(ends) else len(text))
    project, care, person = (_any_in(at, lo, start) or _any_in(at, end, hi) for at in kinds)
    return project, care, person


def find_narrative_names(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if has_any(text, _ROLE_GATE):
        for m in leads.finditer_led(_ROLE_NAME, _ROLE_NAME_LEAD, text):
            v = m.group("v")
            if not _is_person_name(v):
                continue
            role = m.group("role").lower()
            shared = re.fullmatch(_SHARED_ROLES, role, _I) is not None
            if shared and (
                _COLLEAGUE_BEFORE.search(text, max(0, m.start() - 30), m.start())
                or _COLLEAGUE_AFTER.match(text, m.end())
                or (m.start() and text[m.start() - 1 : m.start() + len(role) + 1].endswith(("s:", "s :")))
            ):
                continue
            project, _, person = _sentence_has(text, m.start(), m.end())
            if project:
                continue  # "Subscriber Priya Shah owns the interface build"
            if shared and not person:
                continue  # "Member Priya Shah joined": no word of care
            out.append(m.span("v"))
    if has_any(text, _NAME_IS_GATE):
        for rx, tail, lead in _NAME_IS_RULES:
            if tail is not None and not _tail_found(rx, tail, text):
                continue  # (what must follow the name is nowhere: the name-first pattern cannot match)
            for m in leads.finditer_led(rx, lead, text) if lead is not None else rx.finditer(text):
                start, end = m.span("v")
                if start and (text[start - 1].isalnum() or text[start - 1] == "-" or text[start - 2 : start].isalpha()):
                    continue
                if not _is_person_name(m.group("v")) or _staffed(text, start, end, rx is _KIN_OF, rx is not _KIN_OF):
                    continue  # (what the name is said to be outweighs a verb after it: "T. Brësev confirmed…")
                if rx is _KIN_OF and (
                    _sentence_has(text, start, end)[0] or _TITLE_BEFORE.search(text, max(0, start - 12), start)
                ):
                    continue  # "Dana Lee's family emergency moves the cutover", "Dr. Amara Lee's family"
                out.append((start, end))
    for m in leads.finditer_stops(_LONG_ROW, _LONG_ROW_AT_STOP, text) if "name" in text.lower() else ():
        label = set(m.group("label").lower().replace("’", "'").split())
        if "name" not in label or label.isdisjoint(_LONG_ROW_PATIENT) or not label.isdisjoint(_LONG_ROW_STAFF):
            continue
        words = m.group("v").replace(",", " ").split()
        if _NOT_LOWER_NAME.isdisjoint(w.lower() for w in words) and _is_person_name(
            " ".join(w[:1].upper() + w[1:] for w in words)
        ):
            out.append(m.span("v"))
    for m in leads.finditer_stops(_ROW, _ROW_AT_STOP, text):
        row = plain_label(m.group("label")).replace("'", " ").replace("’", " ").split()
        if not row or len(row) > 4 or not all(w in _LABEL_WORDS for w in row):
            continue
        if _PATIENT_LABELS.isdisjoint(row) or not _is_person_name(m.group("v")):
            continue
        out.append(m.span("v"))
    return out


# Words of a body, a finding or an examination: with the care words (words.py), what makes a sentence clinical.
_FINDINGS = _wordset(
    """
    leg legs arm arms heel heels ankle ankles knee knees hip hips shoulder shoulders neck back chest abdomen belly
    stomach skin eye eyes ear ears throat mouth tongue head foot feet hand hands wrist toe toes groin bowel bowels
    bladder urine stool stools weight weight-bearing appetite sleep sleeping walking mobility breathing breath
    oedema edema swelling swollen rash itch itching itchy sore ulcer lesion lump bruise bruising bleeding
    temperature pulse afebrile febrile oriented drowsy nauseous dizzy dizziness pale jaundiced tearful
    distressed agitated confused confusion breathless wheeze wheezy tender non-tender soft granulating healing
    pain painful ache aches aching headache headaches cough coughing fever nausea vomiting diarrhoea diarrhea
    constipation fatigue tired weakness numbness tingling dysuria symptom symptoms analgesia paracetamol
    acetaminophen ibuprofen aspirin tablets tablet medication medications meds dose doses allergy allergies
    allergic examination examined exam vital vitals observations obs consent procedure swallow swallowing
    oxygen cannula frame walker stick crutches wheelchair continence incontinent incontinence catheter
    fracture sprain sprained fall falls fell smoking alcohol diet fluids hydration nutrition biopsy scan
    x-ray bloods dressing wound wounds stitches sutures infection antibiotics inhaler insulin metformin
    seizure seizures stroke diabetes asthma copd hypertension dementia anxiety depression mood medicine medicines
    """
)
# Where a name of _NAME_FORMS can begin when read case-sensitively: a capital, or a particle's first letter ("van",
# "de", "la"). The name-first patterns have no fixed first character, so the engine would try them whole at every
# one; this lookahead fails at once on any other character.
_NAME_FIRST = r"(?=[A-ZÀ-ÖØ-ÞĀ-ʯvdl])"
# A person in care as the subject: the name (and an age set off by commas), then what the person was, did or felt.
# What a person in care was, did or felt; one word each, and a few that need the word before them. Written by
# first letter (alternations.words_by_first_letter): the engine then rejects a word at its first letter, not at each verb's.
_VERBS = """unable able alert oriented drowsy confused comfortable settled stable afebrile febrile pale tearful
    distressed agitated short breathless nauseous dizzy unwell sleeping asleep awake eating transferred reviewed seen
    examined assessed admitted discharged given started commenced prescribed weaned reported reports denied denies
    described describes complained complains stated states says said explained noticed tolerated tolerates vomited
    coughed slept ate walked ambulated mobilised mobilized fell developed experienced underwent attended presented
    presents returned arrived woke needs needed requires required recall remember continue finds found declined
    refused agreed understood understands lives uses takes took smokes drinks missed expressed feels felt
    complaining reporting recovering improving brought forgot stopped restarted collapsed fainted choked injured
    sustained suffered"""
_VERB = (
    r"(?<=has\s)(?:a|an|no)|(?<=had\s)(?:a|an|no)|(?<=is\s)on|(?<=was\s)on|(?<=remains\s)on|in\s{1,2}pain"
    r"|ran\s{1,2}out|" + words_by_first_letter(_VERBS.split())
)  # (a verb matches as a whole word, so the order of the words does not change a match)
_AFTER_SUBJECT = (
    r"(?:,\s{1,2}(?:aged\s{1,2})?\d{1,3},)?(?:\s{1,2}\((?:[mf]|male|female)?,?\s{0,2}\d{0,3}\))?"
    r"\s{1,2}(?:(?:was|is|were|has\s{1,2}been|had\s{1,2}been|remains|remained|appears|appeared|looks|looked"
    r"|seemed|became|will|could|did|does|has|had)\s{1,2})?(?:not\s{1,2})?"
    rf"(?P<verb>{_VERB})\b"
)
_SUBJECT_VERB = re.compile(_NAME_FIRST + _NAME_FORMS + _AFTER_SUBJECT)
# The last word of a subject's name and what follows it: every _SUBJECT_VERB match has one at most
# _SUBJECT_LAST_REACH characters after its start (the capital of its last word, or of "Given" in "Surname, Given"),
# and where one is, _SUBJECT_VERB matches there (a one-word name). One word is tried at each capital instead of up to
# three words and their particles at each capital and each "v", "d" and "l" (_subject_verbs).
_SUBJECT_LAST = re.compile(
    r"[A-ZÀ-ÖØ-ÞĀ-ʯ](?:\.|[^\W\d_]{1,25}+(?:[-'’][A-ZÀ-ÖØ-ÞĀ-ʯ]?[^\W\d_]{1,25}+)?)(?:,?\s{1,2}(?-i:Jr|Sr|II|III|IV)\.?)?"
    r"(?![^\W\d_])" + _AFTER_SUBJECT
)
# (two words before the last, each of 52 characters with its hyphen, two particles of three letters and two spaces
# before each word, two spaces after each of the two: 3 x 10 + 2 x 52 + 2 x 2 = 138)
_SUBJECT_LAST_REACH = 140
# The most characters from the start of a _SUBJECT_VERB match to its verb: a name of three words of 52 letters with
# two particles each (10 + 52 + 2 x 64 = 190) and ", III." (7), ", aged 123," (13), "(female, 123)" (16), the spaces
# and "has been" (13) and "not" (5): 244. Its search starts that far before the text's first verb.
_SUBJECT_REACH = 250
# Verbs a single given name may carry only as a patient ("Valentina was transferred…", "László has a known
# allergy"): a colleague "was able to attend" or "reported the printer fault".
_SINGLE_VERB = _wordset(
    """unable alert oriented drowsy confused comfortable afebrile febrile pale tearful distressed agitated short
    breathless nauseous dizzy unwell asleep transferred admitted discharged prescribed weaned tolerated tolerates
    vomited coughed slept ate ambulated mobilised mobilized fell underwent recall remember finds lives smokes
    recovering improving continue a an no"""
)
# A person in care as the object: what was done to, with or for the name in a clinical sentence.
_OBJECT_CUE = re.compile(
    r"(?:\b(?:examined|reviewed|saw|assessed|advised|counsell?ed|reassured|mobili[sz]ed|weighed|educated"
    r"|phoned|rang|consented|discussed(?:\s{1,2}[\w-]{1,15}){0,4}?\s{1,2}with|spoke\s{1,2}(?:with|to)"
    r"|talked\s{1,2}(?:with|to)|obtained\s{1,2}from|(?:signs|obs|observations|examination|exam|review|consent"
    r"|history|interpreter(?:\s{1,2}booked)?|results?|glucose|temperature|weight|score|wound|dressing|catheter"
    r"|bloods?|labs|medications?|meds)\s{1,2}(?:for|of|on|from|with)"
    r"|(?:arranged|booked|ordered|requested|scheduled|prescribed|given|sent)\s{1,2}for"
    r"|(?:call|visit|letter|referral|reminder|message)\s{1,2}(?:to|for))\s{1,2})",
    _I,
)
_OBJECT_GATE = _wordset(
    "examined reviewed saw assessed advised counselled counseled reassured mobilised mobilized weighed educated"
    " visited phoned rang consented discussed spoke talked obtained for of on from with to"
)
# The first word of every cue above: an ASCII text with none of them has no cue (words_of splits it at every
# other character, as the cue's word boundary and the space after it do).
_OBJECT_FIRST = _wordset(
    "examined reviewed saw assessed advised counselled counseled reassured mobilised mobilized weighed educated"
    " phoned rang consented discussed spoke talked obtained signs obs observations examination exam review consent"
    " history interpreter result results glucose temperature weight score wound dressing catheter blood bloods labs"
    " medication medications meds arranged booked ordered requested scheduled prescribed given sent call visit"
    " letter referral reminder message"
)
_NAME_AT = re.compile(_NAME_FORMS)


def _clinical(text: str, start: int, end: int) -> bool:
    """A word of care or a finding in the sentence around the span, and no project word."""
    project, care, _ = _sentence_has(text, start, end)
    return care and not project


# A title or a role as the first word of a run of capitalised words: the run is a colleague's name with its title
# (not "her sister Ann", "the patient's Sister Mary").
_TITLE_FIRST = re.compile(
    r"(?-i:Dr|DR|Doctor|Prof|Professor|Sister|Matron|Nurse|Physio|Physiotherapist|OT|SALT|Midwife|Consultant|Registrar"
    r"|Dietitian|Pharmacist|Paramedic|Anaesthetist|Surgeon|Therapist|Phlebotomist|Radiographer|Sonographer)\.?\s{1,2}(?=\S)"
)
_OWN_TITLE = re.compile(r"(?<!\w)(?:Mr|Mrs|Ms|Miss|Mx)\.?\s{1,2}$")
_RELATIVE_BEFORE = re.compile(r"\b(?:her|his|their|my|your|patient['’]?s|pt['’]?s)\s{1,2}$", _I)


def _staffed(text: str, start: int, end: int, work: bool = True, before: bool = True) -> bool:
    """A title or role before the name or a credential after it makes it staff's; a disease after it an eponym."""
    from commands.phi.namecues import _EPONYM_AFTER, _ROLE_AFTER, _STAFF_AFTER, _WORK_AFTER, _staff_before

    left = text[max(0, start - 40) : start]
    if _TITLE_FIRST.match(text, start, end) and not _RELATIVE_BEFORE.search(left):
        return True  # "Dr Leila admitted him", "Sister Lehtonen discharged the patient": the title is in the name
    if text[end - 2 : end] in ("'s", "’s") and _EPONYM_AFTER.match(text[end - 2 : end + 40]):
        return True  # "a history of Huntington's disease"
    line = left.split("\n")[-1]
    if "M" in line[-6:]:
        line = _OWN_TITLE.sub("", line)  # ("Consultant Mr. Brennan saw…": the role before the title)
    return (
        (before and _staff_before(line))
        or bool(_STAFF_AFTER.match(text[end : end + 40]))
        or bool(_EPONYM_AFTER.match(text[end : end + 40]))
        or (work and bool(_WORK_AFTER.match(text, end) or _ROLE_AFTER.match(text, end)))  # "walked through the flow"
    )


# A name with its age and sex, its birth year or its bed set right next to it: "Merja / 72 / F / chest pain",
# "Márus (born 1961) was reviewed", "Bed 4 – Debóra – febrile overnight".
_WITH_AGE = re.compile(
    _NAME_FORMS
    + r"(?=\s{0,2}(?:[/|,–—-]\s{0,2}\d{1,3}\s{0,2}(?:y|yo|yrs?|years?)?\s{0,2}[/|,–—-]\s{0,2}(?:m|f|male|female)\b"
    r"|\(\s{0,2}(?:born|b\.|dob|d\.o\.b\.?|aged?)\b))",
    _I,
)
_IN_BED = re.compile(
    r"\b(?:bed|room|rm|bay|cubicle|side\s{1,2}room)\s{0,2}\d{1,4}[A-Za-z]?\s{0,2}[:–—-]\s{0,2}" + _NAME_FORMS, _I
)
_PLACE_GATE = _wordset("bed room rm bay cubicle born b dob d aged age m f male female")


# A name that opens a sentence (after a time or place phrase, perhaps) and does something, in a text about "the
# patient" or "the individual": "By December 2014, Heobat Kahougain II could pause on the landing", "Lephaest reached
# the rehabilitation facility in June 2017". A colleague's work verb ("Dana Lee escalated…") or a project word in the
# sentence makes it staff's.
_LEAD = (
    r"(?:^|[.!?]\s{1,3}|\n)[ \t]{0,3}(?:(?:By|At|In|On|After|During|Before|Since|From|When|Today|Yesterday|This|Last"
    r"|Later|Earlier|Then|Afterwards|Overnight)\b[^,.;\n]{0,50},\s{1,2})?"
)
_OPENING = re.compile(
    _LEAD
    + _NAME_FORMS
    + r"\s{1,2}(?P<aux>(?:could|had|has|would|did|still|then|also|already|later|first|now)\s{1,2}){0,2}"
    r"(?P<verb>[a-z]{3,20})\b"
)
_FOR_OPENING = re.compile(_LEAD + r"For\s{1,2}" + _NAME_FORMS + ",")
_EXPERIENCE = _wordset(
    """began begun brought kept keeps came went took gave felt left ran rode sat stood saw heard held managed
    practised practiced reached recalled received needed completed demonstrated described reported explained
    preferred remembered walked returned attended arrived noticed tolerated used continued started finished
    struggled improved progressed learned learnt tried wanted asked agreed declined refused understood could pause"""
)
_REFERENT = re.compile(
    r"\b(?:the|this)\s{1,2}(?:patient|individual|person)\b(?!['’]?s?\s{1,2}(?:portal|safety|experience|access"
    r"|advocate|advocacy|flow|record|records|list|lists|index|identity|identification|engagement|satisfaction"
    r"|education|services|transport|journey|facing|app|tracking|board|banner|header|registration|lookup|search"
    r"|matching)\b)|\btheir\s{1,2}own\b"
    # a text about one person's care: who cared for them and what happened at their visits
    r"|\bthe\s{1,2}(?:therapist|clinician|physiotherapist|physio|nurse|doctor|gp|family|carer|caregiver|consultant)\b"
    r"(?!\s{1,2}(?:workflow|build|training|module|view|portal|role|team|group|lead|leads|champions?|forum))"
    r"|\b(?:assessment|appointment|consultation|follow-up|handover|intake)\b",
    _I,
)


def _narrative_subjects(text: str) -> list[tuple[int, int]]:
    if not leads.search_led(_REFERENT, _REFERENT_LEAD, text):
        return []
    out = []
    for m in [
        *leads.finditer_stops(_OPENING, _OPENING_AT_STOP, text),
        *(leads.finditer_stops(_FOR_OPENING, _FOR_AT_STOP, text) if "For" in text else ()),  # (its word, as written)
    ]:
        start, end = m.span("v")
        opening = m.re is not _FOR_OPENING and m.re is not _FOR_AT_STOP
        verb = m.group("verb").lower() if opening else ""
        if opening and not m.group("aux") and verb not in _EXPERIENCE and not verb.endswith("ed"):
            continue
        v = m.group("v")
        if " " not in v.strip() and "," not in v and _kind_of(v) not in "NU":
            continue
        if not _is_person_name(v) or _staffed(text, start, end) or _sentence_has(text, start, end)[0]:
            continue
        near = leads.search_led(_REFERENT, _REFERENT_LEAD, text, max(0, start - 400), end + 400)
        if near:
            out.append((start, end))
    return out


def find_clinical_names(text: str) -> list[tuple[int, int]]:
    """Names as the subject or the object of a clinical sentence, or with an age, a birth year or a bed."""
    out: list[tuple[int, int]] = _narrative_subjects(text)
    if has_any(text, _PLACE_GATE):
        for rx, tail, lead in _PLACE_RULES:
            if tail is not None and not _tail_found(rx, tail, text):
                continue
            for m in leads.finditer_led(rx, lead, text) if lead is not None else rx.finditer(text):
                start, end = m.span("v")
                v = m.group("v")
                if start and (text[start - 1].isalnum() or text[start - 1] in ".-'’"):
                    continue
                single = " " not in v.strip() and "," not in v
                if single and _kind_of(v) not in "NU":
                    continue
                if (
                    _is_person_name(v)
                    and not _staffed(text, start, end)
                    and (rx is _WITH_AGE or _clinical(text, start, end))
                ):
                    out.append((start, end))
    verb = _SUBJECT_TAIL.search(text)  # (no match starts farther than _SUBJECT_REACH before its verb)
    for m in _subject_verbs(text, max(0, verb.start() - _SUBJECT_REACH)) if verb else ():
        v = m.group("v")
        start, end = m.span("v")
        if start and (text[start - 1].isalnum() or text[start - 1] in ".-'’"):
            continue
        single = " " not in v.strip() and "," not in v
        if single and m.group("verb").lower() not in _SINGLE_VERB:
            continue
        if single and _kind_of(v) not in "NU":
            continue
        if not _is_person_name(v) or _staffed(text, start, end) or not _clinical(text, start, end):
            continue
        out.append((start, end))
    if has_any(text, _OBJECT_GATE) and (not text.isascii() or has_any(text, _OBJECT_FIRST)):
        for cue in leads.finditer_words(_OBJECT_CUE, _SMALL_OBJECT_CUE, _OBJECT_FIRST, text):
            obj = _NAME_AT.match(text, cue.end())
            if not obj:
                continue
            start, end = obj.span("v")
            v = obj.group("v")
            single = " " not in v.strip() and "," not in v
            if single and _kind_of(v) not in "NU":
                continue
            project, care, person = _sentence_has(text, cue.start(), end)  # (the cue's own words left out)
            if _is_person_name(v) and not _staffed(text, start, end) and not project and (care or person):
                out.append((start, end))  # ("Care instructions were discussed with Brinunel": a person's care)
    for m in leads.finditer_stops(_LOWER_LABELLED, _LOWER_LABELLED_AT_STOP, text) if has_any(text, _LOWER_GATE) else ():
        words = m.group("v").split()
        if _NOT_LOWER_NAME.isdisjoint(w.strip(".").lower() for w in words) and _is_person_name(
            " ".join(w[:1].upper() + w[1:] for w in words)
        ):
            out.append(m.span("v"))
    return out


def _subject_verbs(text: str, pos: int) -> Iterator[re.Match[str]]:
    """The matches ``_SUBJECT_VERB.finditer(text, pos)`` gives: each searched for from where the first
    _SUBJECT_LAST after the last one found says it can start, at most _SUBJECT_LAST_REACH characters before it."""
    while (last := _SUBJECT_LAST.search(text, pos)) is not None:
        m = _SUBJECT_VERB.search(text, max(pos, last.start() - _SUBJECT_LAST_REACH))
        if m is None:
            return  # (not reached: _SUBJECT_VERB matches where _SUBJECT_LAST does)
        yield m
        pos = m.end()


# A patient's label and a name typed in small letters up to the end of its phrase: "patient: will q. parkinson;",
# "- patient: rose f. baker;". Not an age or a state ("Patient: ninety-eight years old", "patient: doing well").
_LOWER_LABELLED = re.compile(
    r"(?:^|\n|[;.]\s)[ \t]{0,3}(?:[-*•]\s{1,2})?(?i:patient|pt|patient\s{1,2}name|name|client|resident)\s{0,2}:\s{0,3}"
    r"(?P<v>[a-z][a-z'’-]{1,20}(?:\s{1,2}[a-z](?:\.|[a-z'’-]{1,20})){1,3})(?=\s{0,2}(?:[;,\n]|\.(?:\s|$)|$))"
)
_NOT_LOWER_NAME = _wordset(
    """years year old yo months weeks days male female man woman boy girl adult child infant unknown none not is was
    the a an and of with no yes doing well stable declined refused see above below same as n/a tbd one two three
    four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred"""
)


_LOWER_GATE = _wordset("patient pt name client resident")
# What must follow the name in each name-first pattern, as a pattern led by a fixed word: searched once per text,
# it spares trying the name at every capital letter when it is nowhere.
# (all but the verb's are read case-blind: written in small letters and read on the text's folded letters, leads.found)
_TAILS: dict[re.Pattern[str], re.Pattern[str]] = {
    _THEN_ROLE: re.compile(
        r",\s{1,2}(?:the|a|an|our)\s{1,2}(?:patient|care|service|enrol|benefic|subscrib|guarant|insured"
        r"|claimant|informant|historian|policy|person|individual)",
    ),
    # (each word's first letter, then the word boundary before it looked back at: the search skips to those letters)
    _NAME_AS_PATIENT: re.compile(
        r"(?:a(?<!\w.)s\s{1,2}(?:the\s{1,2})?patient|r(?<!\w.)ole\s{1,2}is|i(?<!\w.)s\s{1,2}the\s{1,2}"
        r"(?:individual|person|patient|client|resident|service|name)|w(?<!\w.)as\s{1,2}the\s{1,2}"
        r"(?:individual|person|patient|client|resident|service|name))\b",
    ),
    _KIN_OF: re.compile(
        r"['’]s\s{1,2}(?:family|relatives|parents|caregiver|carer|next|guardian|mum|mom|mother|father|dad"
        r"|husband|wife|partner|son|daughter|spouse|sister|brother)\b",
    ),
    # (led by the comma, the word before it looked back at: the search skips to the commas)
    _PATIENT_COMMA: re.compile(r",(?:(?<=\bpatient,)|(?<=\bindividual,)|(?<=\bcare,)|(?<=\bclient,)|(?<=\buser,))\s"),
    # (the last digit of the age: the search skips to the digits; a birth year's bracket is _BORN_TAIL)
    _WITH_AGE: re.compile(r"\d\s{0,2}(?:y|yo|yrs?|years?)?\s{0,2}[/|,–—-]\s{0,2}(?:m|f|male|female)\b"),
    # (a verb after a space: the words between the name and the verb end in one too)
    _SUBJECT_VERB: re.compile(rf"\s(?:{_VERB})\b"),
}
_BORN_TAIL = re.compile(r"\(\s{0,2}(?:born|b\.|dob|d\.o\.b|aged?)\b")  # (_WITH_AGE's other tail)


def _tail_in(rx: re.Pattern[str], text: str) -> bool:
    return _tail_found(rx, _TAILS[rx], text)


def _tail_found(rx: re.Pattern[str], tail: re.Pattern[str], text: str) -> bool:
    """Whether what must follow the name of a name-first pattern (its tail, read case-blind) is in the text."""
    return (rx is _WITH_AGE and leads.found(_BORN_TAIL, text)) or leads.found(tail, text)


# The case-insensitive patterns read in small letters (commands/phi/leads.py), and the leads of those that go on to
# a name: the words before the name, all of them in small letters.
_SMALL_OBJECT_CUE = leads.small(_OBJECT_CUE)
_REFERENT_LEAD = leads.lead("the|this|their|assessment|appointment|consultation|follow-up|handover|intake")
_LEADS: dict[re.Pattern[str], re.Pattern[str]] = {
    _ROLE_NAME: leads.lead(f"{_CARE_ROLES}|{_SHARED_ROLES}"),
    _NAME_IS: leads.lead(r"patient|pt|client|resident|member|person|individual|service\s"),
    _AS_NAME: leads.lead(r"identity|name|identification|bearing\s|individual|person|patient|client|resident|pt"),
    _PATIENT_COMMA: leads.lead(r"patient|individual|person\s|client|service\s"),
    _IN_BED: leads.lead(r"bed|room|rm|bay|cubicle|side\s"),
}
# Where the patterns that open at the start of a line, a phrase or a sentence can start (besides the text's start).
_NEW_LINE = re.compile("\n")
_ROW_STOPS = re.compile("[\n.;]")
# A row's separator (">" of ">>" and "->") is at most 49 characters after where the row starts: the stop and two
# spaces, three spaces, a label of 39 characters, three spaces and one character of the separator.
_ROW_MARK = re.compile("[:=|/—–>]")
_ROW_REACH = 51
_LEAD_STOPS = re.compile("[.!?\n]")
# The patterns that open at the start of a line, a phrase or a sentence, opening at its stop character instead
# (leads.finditer_stops: the start of the text is tried with the pattern itself).
_LONG_ROW_AT_STOP = leads.at_stops(_LONG_ROW, r"(?:^|\n)", r"\n")
_ROW_AT_STOP = leads.at_stops(_ROW, r"(?:^|\n|[.;]\s{1,2})", r"(?:\n|\.\s{1,2}|;\s{1,2})")
_OPENING_AT_STOP = leads.at_stops(_OPENING, r"(?:^|[.!?]\s{1,3}|\n)", r"(?:\.\s{1,3}|!\s{1,3}|\?\s{1,3}|\n)")
_FOR_AT_STOP = leads.at_stops(_FOR_OPENING, r"(?:^|[.!?]\s{1,3}|\n)", r"(?:\.\s{1,3}|!\s{1,3}|\?\s{1,3}|\n)")
_LOWER_LABELLED_AT_STOP = leads.at_stops(_LOWER_LABELLED, r"(?:^|\n|[;.]\s)", r"(?:\n|;\s|\.\s)")


# Each name-first pattern with its tail and its lead, in a tuple read in turn: a dict
# keyed by a pattern hashes its whole compiled code at every look-up (a microsecond or more each).
_Rule = tuple[re.Pattern[str], "re.Pattern[str] | None", "re.Pattern[str] | None"]


def _rule(rx: re.Pattern[str]) -> _Rule:
    return rx, _TAILS.get(rx), _LEADS.get(rx)


_NAME_IS_RULES = tuple(map(_rule, (_NAME_IS, _THEN_ROLE, _NAME_AS_PATIENT, _AS_NAME, _KIN_OF, _PATIENT_COMMA)))
_PLACE_RULES = tuple(map(_rule, (_WITH_AGE, _IN_BED)))
_ROLE_NAME_LEAD = _LEADS[_ROLE_NAME]
_SUBJECT_TAIL = _TAILS[_SUBJECT_VERB]
