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
from functools import cache
from pathlib import Path

from commands.phi.shared import _I

_DATA = Path(__file__).resolve().parent / "data"


@cache
def _words(name: str) -> frozenset[str]:
    return frozenset((_DATA / name).read_text(encoding="utf-8").split())


# A word: letters, with inner apostrophes or hyphens ("O'Neil", "Ferndale-Ostrowski"), and a full stop of an
# initial. Bounded: a longer run of letters is several words, none of them capitalised past the first.
_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_])){0,30}\.?")
_GAP_SPACE = re.compile(r"[ \t]{1,2}")
_GAP_COMMA = re.compile(r",[ \t]{1,2}")

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
_NEVER = frozenset(_NEVER_WORDS.split())

# The text is about a person's care: pronouns, people in care, an age or sex, words of care.
_PERSON_CONTEXT = re.compile(
    r"\b(?:he|she|his|her|him|hers|himself|herself|patient|patients|pt|pts|caregiver|carer|family|household"
    r"|relative|husband|wife|son|daughter|mother|father|partner|guardian|recipient"
    r"|male|female|man|woman|boy|girl|gentleman|lady|infant|baby|child|yo|y/o|year-old|years?\s{1,2}old"
    r"|history|hx|symptoms?|pain|fever|cough|nausea|dizziness|weakness|appetite|walking|mobility|breathing|sleep"
    r"|medications?|meds|dose|allerg(?:y|ies|ic)|diagnos(?:is|ed)|treated|treatment|therapy|surgery|admitted"
    r"|discharged|seen|visit|visited|attended|presented|presents|complain(?:s|ed)?|denied|denies|reported"
    r"|described|explained|answered|stated|felt|feels|recovery|recovering|follow-?up|appointment|appt"
    r"|clinic|hospital|ward|bed|room|er|ed|icu|nursing|home\s{1,2}(?:support|care|visit)|care)\b",
    _I,
)
# The sentence is a project's: a name in it is a colleague's unless a strong sign of a patient is there too
# ("Ingrid Larsen denied the change request for the lab interface", "Hannah Becker described the new triage
# workflow to the ED charge nurses").
_PROJECT_CONTEXT = re.compile(
    r"\b(?:interfaces?|build|builds|module|workflows?|go-?live|cut-?over|roll-?out|huddle|steering|committee"
    r"|meeting|agenda|minutes|ticket|change\s{1,2}request|mapping|library|update[sd]?|upgrade[sd]?|config\w{0,9}"
    r"|template|dashboard|reports?|testing|tested|training|trained|educators?|vendor|server|release[sd]?|version"
    r"|deploy\w{0,6}|migration|project|workstream|sprint|milestone|deadline|budget|action\s{1,2}items?|risk"
    r"|escalat\w{1,6}|owner|owns|lead|leading|coordinat\w{1,6}|present(?=\s{1,2}(?:the|at|to|on)\b)|presentation"
    r"|demo|pilot|api|feature|bug|fix|fixed|patch|commit|merged?|documentation|spec|integration|feed|system"
    r"|software|app|application|portal|order\s{1,2}set|formulary|analytics|database|code|sign-?off|signed\s{1,2}off"
    r"|approved|approval|rfp|contract|invoice|license|licence|downtime|outage|go\s{1,2}live|super-?users?|at-the-elbow"
    r"|scanning|alerts?|staff|team|teams|nurses|physicians|clinicians|providers|department|cr|crs|will\s{1,2}present)\b",
    _I,
)
# Signs of a patient strong enough to outweigh the project's words: an age or sex, a relative, a symptom.
_STRONG_PERSON = re.compile(
    r"\b(?:\d{1,3}\s{0,2}-?\s{0,2}(?:yo|y/o|years?[- ]old|yrs?[- ]old)|male|female|gentleman|woman|man|boy|girl"
    r"|infant|caregiver|carer|household|husband|wife|son|daughter|mother|father|grandson|granddaughter"
    r"|pain|fever|cough|nausea|vomiting|dizziness|weakness|appetite|breathing|shortness|symptoms?|fell|fall"
    r"|wound|bleeding|swelling|rash|confused|confusion|unresponsive|diagnosed|diagnosis|hx|history\s{1,2}of"
    r"|mrn|dob|d\.o\.b|date\s{1,2}of\s{1,2}birth|medical\s{1,2}record)\b",
    _I,
)
# Just before the name: a title or role that makes it staff's ("Dr. Nucci", "clinician is M. Carey",
# "signature of K. Foster", "Seen by N. Abrahamsson", "thanks Jim").
_STAFF_BEFORE = re.compile(
    r"(?:\b(?:dr|drs|doctor|d0ct0r|prof|professor|nurse|rn|np|md|physician|clinician|examiner|signer|signed"
    r"|signature|attending|resident|fellow|provider|author|reviewer|reviewed|consultant|surgeon|therapist"
    r"|pharmacist|radiologist|anesthesiologist|anaesthetist|hospitalist|practitioner|midwife|paramedic|by|thanks"
    r"|thank|cc|from|per|contact|manager|director|lead|analyst|coordinator|sponsor|owner|assignee|presenter"
    r"|facilitator|attendees?|chair|minutes|present|apologies|staff|team|colleague|colleagues|vendor|engineer"
    r"|developer|contributors?|maintainer|credits?|pm|pmo|ba|sme|cmio|cnio|cio|ciso|cmo|cno|cfo|ceo|coo|vp|svp|evp)\b['’]?s?\.?[^\w\n]{0,6}(?:(?:is|was|are|were|the|of|name)"
    r"[^\w\n]{1,4}){0,3})$",
    _I,
)
# Just after the name: a credential or a staff cue ("K. Foster, RN", "Mr. Haddad (PM)", "from the vendor").
_STAFF_AFTER = re.compile(
    r"^(?:,?\s{0,2}\(?(?:md|m\.d\.|do|rn|np|pa|pa-c|phd|pharmd|mbbs|frcp|lpn|cns|crna|dnp|msn|bsn|mph|facp"
    r"|pm|ba|cmio|cnio|cio|dds|od|dpm)\b|\s{1,3}(?:from|of|with|at)\s{1,3}(?:the\s{1,3})?(?:vendor|team|it|pmo"
    r"|pharmacy|informatics|lab|laboratory|radiology|nursing|finance|legal|compliance|him)\b"
    r"|\s{0,2}\((?:pm|it|vendor|analyst|lead|manager|director|developer|dev)\b|'s\s{1,2}(?:team|pr|patch|commit"
    r"|change|fix|review)\b|\s{1,2}(?:said|says|will\s{1,2}present|presented\s{1,2}the|noted\s{1,2}that|asked"
    r"|shared|joined|led|demoed|demonstrated|committed|merged|wrote|contributed|fixed|added|updated))",
    _I,
)
# A single name word is a person's only as the subject of what a person does: "Þorkell attended with…",
# "Quinzia was able to answer", "Takumi, who denied new pain".
_SINGLE_THEN = re.compile(
    r"^(?:,\s{1,2}who\s{1,2}(?:denied|denies|reported|reports|described|describes|complained|complains|was|is|has|had)\b"
    r"|\s{1,2}(?:(?:was|is)\s{1,2}(?:able|unable|seen|admitted|discharged|examined|reviewed|assessed|alert|oriented)"
    r"|feels|felt|reports|denies|describes|attended|described|reported|denied|explained|answered|presented"
    r"|arrived|returned|returns|walked|complained|complains|tolerated|declined|refused|understood|understands)\b)",
    _I,
)
# A note's header row: a label, a separator, the name and the end of the line ("N A M E — T. Lengyel",
# "FULL lDENTITY >> B. Szathmáry").
_HEADER_BEFORE = re.compile(r"(?:^|\n)[^\n]{1,40}?\s(?:[:=|—–]|>>|/|::)\s{0,3}$")
_LINE_END = re.compile(r"^\s{0,3}(?:$|\n|[;.|/]\s{0,3}(?:$|\n))")
# An eponym is a disease, sign or test, not a person: "Parkinson disease", "the Babinski response".
_EPONYM_AFTER = re.compile(
    r"^['’]?s?\s{1,2}(?:disease|syndrome|sign|test|testing|maneuver|manoeuvre|response|reflex|lymphoma|scale|score"
    r"|criteria|classification|phenomenon|palsy|procedure|operation|fracture|repair|catheter|tube|position|law"
    r"|rule|method|index|equation|formula|stain|cell|cells|node|nodes|thyroiditis|disorder|anomaly|malformation)\b",
    _I,
)


def _kind(word: str, names: frozenset[str], english: frozenset[str]) -> str:
    """N a name word, I an initial, U an unknown word, E an English word, X neither (small letters, an acronym, a
    title, a product word)."""
    w = word.rstrip(".")
    if not w[:1].isupper():
        return "X"
    if len(w) == 1:
        return "I"
    low = w.lower()
    if low in _NEVER:
        return "X"
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
    initial and an unknown word ("S. Gatou"), not all initials, not ending on F."""
    if len(kinds) == 1:
        return kinds[0] in "NU"
    if len(kinds) > 4 or not all(k in "NUISF" for k in kinds) or kinds[-1] == "F":
        return False
    return "N" in kinds or "F" in kinds or ("I" in kinds and "U" in kinds)


def _weak(kinds: str) -> bool:
    """Names made only of words that are English words too ("John Smith", "Maria L."), or of an initial and an
    unknown word: they need a strong sign of a patient near them."""
    return "N" not in kinds and ("F" in kinds or "S" in kinds or "U" in kinds)


def _candidates(text: str) -> list[tuple[int, int, str]]:
    """Runs of capitalised words one or two spaces apart ("Bulat Butusov", "K. Szöllösy") or "Last, First"
    ("Tomaszewska, Albina"). An English word ends a run, except a surname that is also a word right after a first
    name or an initial ("Mary Brown", "J. Young")."""
    names, english = _words("name_words.txt"), _words("english_words.txt")
    surnames, firsts = _words("surname_english_words.txt"), _words("first_english_words.txt")
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []  # (start, end, kind)

    def close() -> None:
        if run and _is_name([k for _, _, k in run]):
            out.append((run[0][0], run[-1][1], "".join(k for _, _, k in run)))
        run.clear()

    prev_end = -1
    for m in _WORD.finditer(text):
        start, end, w = m.start(), m.end(), m.group(0)
        k = _kind(w, names, english)
        if run:
            gap = text[prev_end:start]
            joined = _GAP_SPACE.fullmatch(gap) or (_GAP_COMMA.fullmatch(gap) and len(run) == 1)
            if k == "E" and joined and run[-1][2] in "NIF" and w.rstrip(".").lower() in surnames:
                k = "S"
            if not joined or k in ("X", "E"):
                close()
        if k == "E" and w.rstrip(".").lower() in firsts:
            k = "F"  # "John", "Mark": a name only if a surname follows
        if k not in ("X", "E"):
            run.append((start, end, k))
        prev_end = end
    close()
    return out


def find_lexicon_names(text: str) -> list[tuple[int, int]]:
    cands = _candidates(text)
    out = []
    for start, end, kinds in cands:
        left = text[max(0, start - 40) : start]
        right = text[end : end + 40]
        if "\n" in left:
            left = left[left.rfind("\n") + 1 :]
        if _STAFF_BEFORE.search(left) or _STAFF_AFTER.match(right) or _EPONYM_AFTER.match(right):
            continue
        single = " " not in text[start:end].strip()
        if single and not _SINGLE_THEN.match(right):
            continue
        if not single and _HEADER_BEFORE.search(left) and _LINE_END.match(right):
            out.append((start, end))
            continue
        ctx = text[max(0, start - 150) : end + 150]
        if _weak(kinds) and len(kinds) > 1:
            if _STRONG_PERSON.search(ctx):
                out.append((start, end))
        elif _PERSON_CONTEXT.search(ctx) and (not _PROJECT_CONTEXT.search(ctx) or _STRONG_PERSON.search(ctx)):
            out.append((start, end))
    return out
