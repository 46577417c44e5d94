"""Names found by what the words are rather than by the phrase before them.

A run of capitalised words is a person's name when its words are names (a census first name or surname that is
not an ordinary English word, or a word with letters past ASCII) or unknown words (not English, not an acronym),
at least one of them a name; "Last, First" counts too. It is a *patient's* name when the text around it is about
a person's care (a pronoun, a word of care, an age or sex) and nothing next to it makes it staff's (a title such as
"Dr.", a role word such as "clinician", "signed by", a credential after it such as ", RN").

The word lists are frozen files in commands/phi/data/ (built by tools/build_name_lexicon.py from the US Census
name lists and the SCOWL English word list), loaded by namewords.py, which also finds the words around a name;
the cues right around a name (a title, a role, a credential) are namecues.py's. The scan is one pass over the
words with fixed-size windows, so it is linear in the text's length.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import accumulate

from commands.phi.devicemakes import device_make
from commands.phi.namecues import (
    _CARE_OF,
    _CARE_OF_GATE,
    _CARE_THEN,
    _DOSING_AFTER,
    _EPONYM_AFTER,
    _HEADER_BEFORE,
    _ID_AFTER,
    _LEFT_WORDS,
    _LINE_END,
    _OWN_NOT_EPONYM,
    _PLACE_AFTER,
    _RECORD_OF_AFTER,
    _RECORD_OF_GATE,
    _ROLE_AFTER,
    _ROLE_LINE_AFTER,
    _ROLE_LIST_BEFORE,
    _SAINTS,
    _SINGLE_THEN,
    _STAFF_AFTER,
    _STAFF_ROLES,
    _SUBJECT_BEFORE,
    _WORK_AFTER,
    _near,
    _owns_care,
    _salutation,
    _staff_before,
    _strong_clear,
    _sure_near,
    disguised,
    plain_label,
)
from commands.phi.namewords import _ANY_PROJECT, _BITS, _NEVER, _care_context, _context, _next_bits, _words, _wordset
from commands.phi.shared import _I, has_any

# A word: letters, with inner apostrophes or hyphens ("O'Neil", "Ferndale-Ostrowski"), and a full stop of an
# initial. Bounded: a longer run of letters is several words, none of them capitalised past the first.
# Only words that start with a capital (or what may be one: the class is wide, `_kind` checks): the words between
# two of them are then the gap, and a gap that is not one or two spaces ends a name.
# (the capital first, then the look-behind: shared.py's speed idiom)
_WORD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-ʯΑ-ΩЀ-Я](?<![^\W\d_].)(?:[^\W\d_]|['’-](?=[^\W\d_])){0,30}\.?")
_WORD_CUT = re.compile(f"({_WORD.pattern})")  # (split by it: the gaps and the words, in turn)
# The same on an ASCII text, where its classes are ASCII letters: a class of ranges is read from a table, one of
# categories ("not \W") asked of each character; the run of letters is kept whole (possessive), as nothing after it
# can need it shorter. tests/test_phi_name_leads.py holds it to _WORD_CUT.
_WORD_CUT_ASCII = re.compile(r"([A-Z](?<![A-Za-z].)(?:[A-Za-z]|['-](?=[A-Za-z])){0,30}+\.?)")
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
    if apostrophe and tail.lower() == "s" and len(base) > 1:
        w = base  # "BAILLY's", "Nowak's": the name without its possessive
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


@lru_cache(maxsize=4)  # lexicon.py's and carenames.py's passes of one scan share it
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

    # (the text cut into its words and the gaps between them, in turn: no match object per word)
    parts = (_WORD_CUT_ASCII if text.isascii() else _WORD_CUT).split(text)
    ends = list(accumulate(map(len, parts)))
    for j in range(1, len(parts), 2):
        w = parts[j]
        k = _kind_of(w)
        if run:
            gap = parts[j - 1]
            joined = gap in _SPACE_GAPS or (gap in _COMMA_GAPS and len(run) == 1) or gap in _PARTICLE_GAPS
            if joined and w in _CAP_PARTICLES:
                continue  # "Siobhán Ní Bhriain", "Juan De la Cruz": the run goes on past the particle
            if k in "EF" and joined and run[-1][2] in "NIF" and w.rstrip(".").lower() in surnames:
                k = "S"
            if not joined or k in ("X", "E"):
                close()
        if k not in ("X", "E"):
            run.append((ends[j - 1], ends[j], k))
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


_HEADER_MARKS = frozenset(":=|—–>/")  # the last characters of _HEADER_BEFORE's separators
_GENERIC_CUES = frozenset({"by", "from", "per", "thanks", "thank", "cc", "contact", "present", "minutes", "welcome"})


_STAFF_ROLES_IN_LABEL = _STAFF_ROLES - _GENERIC_CUES
# A label of a handover between staff: the name after it is the patient handed over.
_HANDOVER_WORDS = _wordset("to handover handoff hand-off sbar isbar")
_HANDOVER_LABEL = re.compile(
    r"(?:^|\n)[ \t]{0,3}(?:[A-Za-z]{2,10}\s{1,2}to\s{1,2}[A-Za-z]{2,10}|(?:shift\s{1,2})?hand-?(?:over|off)(?:\s{1,2}to"
    r"\s{1,2}(?:the\s{1,2})?[A-Za-z]{2,12}(?:\s{1,2}[A-Za-z]{2,12})?)?|i?sbar)\s{0,2}[:>—–-]{1,2}\s{0,3}$",
    _I,
)


# A chat's mention of a role right before the name: "@charge-nurse ", "@bed-manager ".
_MENTION_BEFORE = re.compile(r"(?<![\w.])@[A-Za-z][\w-]{1,30}[ \t]{1,2}$")


def handed_over(left: str) -> bool:
    """The line before a name is a handover's label: "RN to RN: ", "Handover to night team: "."""
    if "@" in left and _MENTION_BEFORE.search(left):
        return True  # "@charge-nurse P. Collins in side room 2 needs a falls mat": the role is the one told
    return not set(_LEFT_WORDS.findall(left.lower())).isdisjoint(_HANDOVER_WORDS) and bool(_HANDOVER_LABEL.search(left))


def _role_in_label(left: str) -> bool:
    """The row's label names a member of staff: "Name of the consulting clinician for the patient = Harald Moen"."""
    words = set(_LEFT_WORDS.findall((plain_label(left) if disguised(left) else left).lower()))
    if not words.isdisjoint(_HANDOVER_WORDS) and _HANDOVER_LABEL.search(left):
        return False  # "RN to RN: Rob Hale had a fall", "Handover to night team: …": staff hand over a patient
    return not words.isdisjoint(_STAFF_ROLES_IN_LABEL)


def _single_name(text: str, start: int, end: int, right: str) -> bool:
    """A single name word is a person's only as the addressee of a greeting or the subject of what a person does."""
    if _salutation(text, start, end, True):
        return True
    if text[end - 2 : end] in ("'s", "’s"):
        # "Lola's mum called…"; not "Patient's husband", whose word is an English word
        return _kind_of(text[start : end - 2]) in "NUF" and _SINGLE_THEN.match(text[end - 2 : end] + right) is not None
    return _SINGLE_THEN.match(right) is not None


# A title or a role that starts a run of capitalised words: "Physio L. Comas mobilised the patient".
_TITLE_WORDS = _wordset("dr drs doctor prof professor physio matron midwife nurse registrar consultant")


# A nurse's title before a name that gives care: "Sister Janne Jääskeläinen discharged the patient home".
_SISTER_BEFORE = re.compile(r"(?<![Hh]er\s)(?<![Hh]is\s)(?-i:Sister|SISTER|Sr\.?|Charge\s{1,2}[Nn]urse)\s{1,2}$")
_SISTER_ENDS = ("Sister", "SISTER", "Sr", "urse")  # (what _SISTER_BEFORE's words end in: a string test first)
_CARES_AFTER = re.compile(
    r"\s{1,2}(?:[a-z]{3,15}\s{1,2})?[a-z]{3,20}(?:ed|s)\s{1,2}(?:the\s{1,2})?(?:patient|pt|him|her)\b"
)


def _colleagues_routine(text: str, start: int, end: int, right: str, handed: bool) -> bool:
    """A colleague's routine task for patients in general or in a handover: "O. Holst checks allergies for each
    patient", "Thibaut Gautier collects the figures for the audit", "RN to RN: Amy Cole will cover bay 3"
    (carenames.py's reading of the same sentence)."""
    from commands.phi.carenames import _COLLEAGUE_THEN, _GENERIC

    if not _COLLEAGUE_THEN.match(right):
        return False
    return (
        handed
        or _GENERIC.search(text, max(0, start - 120), end + 120) is not None
        or _near(_context(text)[1], start, end)
    )


def _find(text: str) -> list[tuple[int, int]]:
    cands = _candidates(text)
    if not cands:
        return []
    out = []
    ctx: tuple[list[int], list[int], list[int]] | None = None
    # the record and care-of passes run only when one of their words is in the text (a set lookup)
    record_of, care_of = has_any(text, _RECORD_OF_GATE), has_any(text, _CARE_OF_GATE)
    handover = (":" in text and has_any(text, _HANDOVER_WORDS)) or "@" in text
    for start, end, kinds in cands:
        right = text[end : end + 40]
        single = len(kinds) == 1
        if single and not _single_name(text, start, end, right):
            continue  # (most single words are not a person's: this is the cheapest of the tests that drop them)
        left = text[max(0, start - 40) : start]
        if "\n" in left:
            if not single and _signed(text, start, end):
                out.append((start, end))
                continue
            left = left[left.rfind("\n") + 1 :]
        handed = handover and handed_over(left)
        if handed:
            left = ""  # ("RN to RN: Rob Hale had a fall": the roles hand the name over, they are not its own)
        if not single and _PHONE_AFTER.match(right) and _contact_of_family(text, start, end):
            out.append((start, end))
            continue
        # (a row's label and a subject line end in their separator: the patterns are read only after one)
        mark = left.rstrip()[-1:]
        header = mark in _HEADER_MARKS and _HEADER_BEFORE.search(left) is not None
        if (
            _staff_before(left)
            or (header and _role_in_label(left))
            or _PLACE_AFTER.match(right)
            or _DOSING_AFTER.match(right)
            or (" " + left).rstrip().endswith(_SAINTS)
            or (
                ":" in text[max(0, start - 120) : start]
                and text[max(0, start - 6) : start].rstrip()[-1:] in (":", ",")
                and _ROLE_LIST_BEFORE.search(text, max(0, start - 120), start)
            )
            or (right.lstrip(" \t")[:1] == "\n" and _ROLE_LINE_AFTER.match(right))
            or _STAFF_AFTER.match(text[end - 2 : end] + right if text[end - 2 : end] in ("'s", "’s") else right)
            or (_EPONYM_AFTER.match(right) and not (len(kinds) > 1 and _OWN_NOT_EPONYM.match(text, end - 2)))
            or device_make(left, right)  # "Pacemaker Medtronic Adapta, serial number …": a device, not a person
            or (not single and text[start:end].split(None, 1)[0].rstrip(".").lower() in _TITLE_WORDS)
            or (not single and _colleagues_routine(text, start, end, right, handed))
            or (
                left[-8:].rstrip(" .").endswith(_SISTER_ENDS)
                and _SISTER_BEFORE.search(left) is not None
                and _CARES_AFTER.match(right) is not None
            )
        ):
            continue
        if not single and (header or (mark == ":" and _SUBJECT_BEFORE.search(left))) and _LINE_END.match(right):
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
