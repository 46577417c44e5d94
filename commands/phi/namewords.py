"""The word lists of the name finder and the words around a name: the frozen files in commands/phi/data/ (loaded
on first use), the lists of a person's care, of a project and of strong signs of a patient, and one pass over a
text's words that says where each kind starts. Its own file so lexicon.py keeps only the name finding.

The pass is linear in the text's length.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import accumulate
from pathlib import Path

from commands.phi.words import CARE_WORDS, DRUG_ENDINGS, NAME_PROJECT_WORDS, OWN_WORDS, SURE_WORDS

_DATA = Path(__file__).resolve().parent / "data"


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset((_DATA / name).read_text(encoding="utf-8").split())


def _wordset(words: str) -> frozenset[str]:
    """The words of a list written as text; a pair of words is written with "_" ("change_request")."""
    return frozenset(w.replace("_", " ") for w in words.split())


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
_CTX_CUT = re.compile(f"({_CTX_WORD.pattern})")  # (split by it: the gaps and the words, in turn)
# The same on an ASCII text in small letters, where a letter or digit is one of a table's ranges (not a category
# asked of each character); each run kept whole, as nothing after it can need it shorter. tests/test_phi_name_leads.py
# holds it to _CTX_CUT.
_CTX_CUT_ASCII = re.compile(r"([a-z0-9]{1,30}+(?:[/'-][a-z0-9]{1,30}+){0,4}+)")
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


_WORD_BITS: dict[str, int] = {}  # a word's own bits, remembered: texts repeat their words, and so do the days'


def _word_bits(w: str) -> int:
    """The lists a word (in small letters) is in by itself: its entry, a project's prefix, a drug's ending, an age
    or a dose ("70yo", "500mg")."""
    b = _BITS.get(w, 0)
    if w[:1].isdigit():
        if not w[-1].isdigit():  # (a number alone is neither an age nor a dose)
            if _AGE_WORD.fullmatch(w):
                b |= _STRONG
            if _DOSE.fullmatch(w):
                b |= _CARE
    else:
        if w.startswith(_PROJECT_PREFIXES):
            b |= _PROJECT
        if len(w) >= 7 and w.endswith(DRUG_ENDINGS):
            b |= _CARE
    if len(_WORD_BITS) >= 100_000:
        _WORD_BITS.clear()  # (bounded: a stream of new words does not grow it without end)
    _WORD_BITS[w] = b
    return b


def _bits(w: str, prev: str) -> int:
    """The lists a word (in small letters) is in, with the word before it."""
    b = _WORD_BITS.get(w)
    if b is None:
        b = _word_bits(w)
    if prev in _PAIR_FIRST:
        b |= _BITS.get(prev + " " + w, 0)
    if prev in ("her", "his") and b & (_CARE | _OWN) and not w[:1].isdigit() and w not in ("clinic", "clinics"):
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


# The words after which a word's bits depend on the word before it (a pair's first word, "fell", "wound", "her",
# "his"): the pass reads the words after these one by one, and all others by a look-up.
_BEFORE_A_RULE = _PAIR_FIRST | _POP_AFTER | {"her", "his"}


@lru_cache(maxsize=4)  # the name pass and the number pass of one scan share it
def _contexts(text: str) -> tuple[list[int], list[int], list[int], list[int], list[int], list[int], list[int]]:
    """Where the text's words of a person's care, of a project, strong signs of a patient, words of one person's
    care (commands/phi/words.py: a drug, a test, a procedure), the names' further project words and sure signs of a
    patient start."""
    # (the text cut into its words and what lies between them: no match object per word, the starts added up)
    low = text.lower()
    if len(low) == len(text):
        parts = (_CTX_CUT_ASCII if text.isascii() else _CTX_CUT).split(low)
        words = parts[1::2]
    else:  # a letter whose small form is longer ("İ"): look up each word's small form instead
        parts = _CTX_CUT.split(text)
        words = [w.lower() for w in parts[1::2]]
    starts = list(accumulate(map(len, parts)))[0:-1:2]
    known = _WORD_BITS.get
    bits = [known(w, -1) for w in words]  # each word's own bits (_bits(w, prev) without the word before it)
    for i in [i for i, b in enumerate(bits) if b < 0]:
        bits[i] = _word_bits(words[i])
    pair = _BITS.get
    # (the rules on the word before, in the order _bits and the pass apply them, for the words after one of theirs)
    after = [i for i, w in enumerate(words[:-1], 1) if w in _BEFORE_A_RULE]
    if "minutes" in words:
        after = sorted({*after, *(i for i, w in enumerate(words) if w == "minutes" and i)})
    for i in after:
        prev, w = words[i - 1], words[i]
        if prev in _POP_AFTER and (w in _FELL_NOT if prev == "fell" else w == "care"):
            bits[i - 1] &= ~_STRONG  # "fell behind on the training schedule" is not a fall, "the wound care module"
        b = bits[i]
        if prev in _PAIR_FIRST:
            b |= pair(prev + " " + w, 0)
        if w == "minutes" and prev[:1].isdigit():
            b &= ~_PROJECT  # "15 minutes" is a duration, not a meeting's minutes
        if b & (_CARE | _OWN) and prev in ("her", "his") and not w[:1].isdigit() and w not in ("clinic", "clinics"):
            b |= _SURE  # "to see her results", "his dialysis": the care of the person just named
        bits[i] = b
    marked = [(at, b) for at, b in zip(starts, bits, strict=True) if b]
    return (
        [at for at, b in marked if b & _PERSON],
        [at for at, b in marked if b & _PROJECT],
        [at for at, b in marked if b & _STRONG],
        [at for at, b in marked if b & _CARE],
        [at for at, b in marked if b & _MORE_PROJECT],
        [at for at, b in marked if b & _SURE],
        [at for at, b in marked if b & _OWN],
    )


def _context(text: str) -> tuple[list[int], list[int], list[int]]:
    """Where the text's words of a person's care, of a project, and strong signs of a patient start."""
    person, project, strong = _contexts(text)[:3]
    return person, project, strong


def _care_context(text: str) -> tuple[list[int], list[int]]:
    """Where the text's words of one person's care (commands/phi/words.py) start, and its further project words."""
    care, more_project = _contexts(text)[3:5]
    return care, more_project
