"""Identifier numbers named by a label phrase of a person's record, in any order and with any separator: "Episode
number: Y-81358369", "PAYER ID >> 2820 8133 >> noted", "the hospital chart ref was given as 570.287.421",
"97098476 is the visit reference on file", "4471 2208 (guarantor account)".

A label phrase is a run of label words next to the value (only separators and a few small words such as "is",
"was given as", "on file", "reads" between them): at least one word that names a record of a person — medical,
patient, hospital, chart, episode, encounter, accession, member, policy, insurance, payer … — and a word that says
"identifier" (number, no., #, id, code, key, ref, reference, locator, account …), or a word that is both (MRN,
accession, account). Words that name a person's record only in a text about care (account, case, client,
registration, sample, statement …) count only when the text near the value is about a person and not a project.
A project's words (ticket, PO, change, version, build, vendor …) in the phrase end it: "change reference 4471-2208",
"vendor account 88120456" pass. One pass over the text's values, each looked at in fixed-size windows: linear.
"""

from __future__ import annotations

import re

from commands.phi.namecues import _near
from commands.phi.namewords import _context, _wordset
from commands.phi.shared import _digits, case_blind_in, words_of

# An identifier's value: digits in up to four groups joined by one of - / . or a space, with an optional letter
# prefix ("Y-", "KGH", "A ") and an optional check letter ("69212648E").
# Written led by its first character (a capital or a digit), the look-behind after it (shared.py's speed idiom), and
# the prefixes sorted by that character: the same matches as
# r"(?<![\w/.@:+,-])(?P<v>(?:[A-Z]{1,4}[-/]?|[A-Z] |\d{1,3}[A-Z]{1,2}-)?\d{1,12}…", about twice as fast.
_ID_VALUE = re.compile(
    r"(?P<v>[A-Z\d](?<![\w/.@:+,-].)(?:(?<=[A-Z])(?:[A-Z]{0,3}[-/]?| )\d{1,12}|(?<=\d)(?:\d{0,2}[A-Z]{1,2}-\d{1,12}|\d{0,11}))"
    r"(?:[-/. ]\d{2,10}){0,3}(?:-?[A-Z]{1,2})?)(?![\w/@-]|[.,:]\d)"
)
_DATE_LIKE = re.compile(
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|(?:19|20)\d\d(?:[-/.]\d{1,2})?|\d{1,2}[-/.](?:19|20)\d\d|\d{1,2}:\d\d"
)
# Words that name the record of a person: one of them in the phrase makes the number a patient's.
_STRONG = _wordset(
    """
    medical medicai med patient patients hospital hosp chart health clinical ehr emr epr inpatient outpatient
    episode encounter visit admission accession specimen mrn mr member membership policy policyholder insurance
    insured insurer subscriber beneficiary medicare medicaid payer payor guarantor coverage benefit benefits copay
    co-pay self-pay claim passport nhs ohip hcn fin csn har prescription
    """
)
# Words that name a person's record only in a text about care.
_WEAK = _wordset(
    """
    account acct billing bill statement ledger finance financial case client registration enrolment enrollment
    record records file sample blood lab laboratory identity card group plan resident unit care treatment
    admissions referral requisition tube barcode wristband bracelet recipient home-care homecare
    """
)
# Words that say "identifier".
_HEADS = _wordset("number numbers no nr nbr num n° # id ids identifier ident code key ref reference locator label tag")
_PLURAL_HEADS = frozenset({"numbers", "ids", "identifiers", "codes", "keys", "references", "refs"})
# Words that are a label on their own.
_SELF_LABEL = _wordset(
    "mrn accession account acct chart record policy passport claim encounter medicare medicaid card fin csn har"
    " episode specimen admission member barcode"
)
# A Social Security number's label words: the phrase makes the number an SSN.
_SSN_WORDS = _wordset("ssn social security soc sec sin taxpayer itin")
# Words that make the number a plan, account or card number rather than a record number.
_PLAN = _wordset(
    """
    member membership policy policyholder insurance insured insurer subscriber beneficiary medicare medicaid payer
    payor guarantor coverage benefit benefits copay co-pay self-pay claim passport account acct billing bill
    statement ledger finance financial card group plan ohip hcn
    """
)
# Small words allowed between a label phrase and its value, or before a label phrase after its value.
_BETWEEN = _wordset(
    """
    is was were are reads read shows show showed given as recorded listed noted entered documented confirmed
    verified captured stored held kept on in file of the a an her his their its this that patient's patients
    pt's being be has have with at to for last latest current primary previous new old
    """
)
# Words that hand a value over, right before it ("… retained as 4471", "… lists 4471") or right after it ("4471
# belongs to …", "4471 against the …"): after one of them, other words may stand between the value and its label.
_HANDOVER_LEFT = _wordset(
    """
    as is was are were reads read lists listed shows shown value values equals gives gave given records recorded
    holds held contains carries uses bears states reading retained kept stored noted entered captured documented
    """
)
_HANDOVER_RIGHT = _wordset(
    """
    belongs belong belonging against under as is was matches matched linked attached assigned registered appears
    sits stored held recorded listed corresponds refers
    """
)
# A project's or a system's words: in a label phrase or between it and the value, the number is not a person's.
_NOT_PERSON = _wordset(
    """
    ticket tickets inc incident chg change changes request req ritm po purchase order orders invoice quote contract
    sku version build release sprint wbs cr project vendor supplier test demo uat sandbox pmid doi pubmed study
    trial research protocol cohort dataset room bed ward floor extension ext phone tel mobile fax type types
    mapping mappings field fields format formats table tables column columns category categories template
    templates cpt icd loinc snomed hcpcs drg warranty rma
    """
)
_EQUIPMENTS = frozenset({"warranty", "rma"})
_SSN_BEFORE = re.compile(
    r"\b(?:ssn|social[\s-]{1,3}security|soc\.?\s{0,2}sec|social\s{1,3}insurance|s\.\s?s\.\s?n|ss\s{0,2}(?:\#|no|number)"
    r"|taxpayer)\b[^.;\n]{0,70}$",
    re.IGNORECASE,
)
_SSN_BEFORE_SMALL = re.compile(_SSN_BEFORE.pattern)  # without IGNORECASE, for the text's small letters
_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9'’°-]{0,24}|#|[^\sA-Za-z0-9]{1,3}")
_SEPARATOR = re.compile(r"[:=>/|—–(),#.-]{1,3}")
_SEPARATOR_FIRST = frozenset(":=>/|—–(),#.-")  # (a token led by another character, a word's letter, is none)
_STOP = re.compile(r"[;\n.?!](?:(?<=[;\n])|(?<=[.?!])\s{1,3}(?=[A-Z]))")  # r"[;\n]|[.?!]\s{1,3}(?=[A-Z])", faster


def _norm(word: str) -> str:
    w = word.lower().replace("’", "'")
    return w.removesuffix("'s").translate(_LOOKALIKE)


_LOOKALIKE = str.maketrans({"0": "o", "1": "i"})


def _is_label(w: str) -> bool:
    return w in _STRONG or w in _WEAK or w in _HEADS or w in _SSN_WORDS or w.replace("l", "i") in _STRONG


def _label_parts(w: str) -> list[str]:
    """The label words of one token (``w``, as _norm reads it): itself, or the label words of a hyphenated one
    ("home-care" → care, "social-security" → social, security, "care-chart" → care, chart)."""
    if _is_label(w) or w in {"no", "n°"}:
        return [w]
    if "-" in w:
        parts = [p for p in w.split("-") if p]
        if parts and _is_label(parts[-1]):
            return [p for p in parts if _is_label(p)]
    return []


def _phrase(tokens: list[str], left: bool = True) -> tuple[list[str], bool]:
    """The label phrase near the value (``tokens`` nearest the value first) and whether a long gap of other words
    stood between them. Small words and separators may come first; a long gap ("… was retained as", "… belongs to
    the individual's …") only after a word that hands a value over; inside the phrase up to two other words
    ("patient's service enrollment ID"). A project's word anywhere ends the search."""
    words: list[str] = []
    gap, unknown, inner, long_gap = 0, 0, 0, False
    pending_on = False
    handover = _HANDOVER_LEFT if left else _HANDOVER_RIGHT
    for i, tok in enumerate(tokens):
        if pending_on:
            pending_on = False
            continue
        if tok == "#":
            words.append("#")  # "MR# >> 4471", "#4471": a number sign says identifier
            continue
        if tok[0] in _SEPARATOR_FIRST and _SEPARATOR.fullmatch(tok):
            if words:
                break
            gap += 1
            continue
        w = _norm(tok)
        if w in _NOT_PERSON:
            if w in _EQUIPMENTS and words and not inner:
                return [], False  # "warranty claim 45218": the claim is a machine's, not a health plan's
            break  # "change reference 4471-2208", "the vendor's account"
        if w == "file" and i + 1 < len(tokens) and tokens[i + 1].lower() == "on" and not words:
            pending_on, gap = True, gap + 2  # "on file" is a filler, not a label
            continue
        parts = _label_parts(w)
        if parts:
            words.extend(parts)
            inner = 0
            if len(words) >= 6:
                break
        elif words:
            inner += 1
            if inner > 2 or w in _BETWEEN or not w.isalpha():
                break
        elif w in _BETWEEN and gap < 5:
            gap += 1
        elif gap + unknown < 9 and (w in handover or (long_gap and w.replace("'", "").isalpha())):
            unknown += 1
            long_gap = True
        else:
            return [], False
    return words, long_gap


def _kind(words: list[str]) -> tuple[str, bool] | None:
    """The kind a label phrase gives its value and whether the phrase alone names a person's record."""
    found = set(words) | {w.replace("l", "i") for w in words}
    if found & _SSN_WORDS and (
        "ssn" in found
        or {"social", "security"} <= found
        or "sin" in found
        or {"soc", "sec"} <= found
        or "taxpayer" in found
        or "itin" in found
    ):
        return "ssn", True
    if not (found & _HEADS or found & _SELF_LABEL):
        return None
    strong = bool(found & _STRONG)
    if not strong and not found & _WEAK:
        return None
    return ("plan-number" if found & _PLAN else "mrn"), strong


def _named(words: list[str], strong: bool) -> bool:
    """A phrase that names a person's record well enough to be read across a long gap of other words."""
    return strong or (len(words) >= 3 and _headed(words))


def _headed(words: list[str]) -> bool:
    """A phrase of two or more words that ends in an identifier word: "client number", "account key"."""
    return len(words) >= 2 and (words[0] in _HEADS or words[0] in _SELF_LABEL)


_ABBREVIATION = re.compile(r"(?i)\b(?:no|nr|nbr|num|ref|acct|med|hosp|tel)$")


def _left_tokens(text: str, start: int) -> list[str]:
    left = text[max(0, start - 70) : start]
    cuts = list(_STOP.finditer(left))
    cut = cuts[-1] if cuts else None
    # (the abbreviation ends the text before the cut, so it is looked for in that text's last six characters only)
    if cut is not None and not _ABBREVIATION.search(left, max(0, cut.start() - 6), cut.start()):
        left = left[cut.end() :]
    return _TOKEN.findall(left)[::-1]


def _right_tokens(text: str, end: int) -> list[str]:
    right = text[end : end + 60]
    cut = _STOP.search(right)
    if cut:
        right = right[: cut.start()]
    return _TOKEN.findall(right)


def _misspelt(word: str) -> set[str]:
    """The words that read as ``word`` with each "l" read as "i" ("patlent", "medlcal"): every way of writing some of
    its "i"s as "l" (none for a word with an "l" of its own, which reading every "l" as "i" never gives)."""
    if "l" in word:
        return set()
    found = {""}
    for c in word:
        found = {f + c for f in found} | ({f + "l" for f in found} if c == "i" else set())
    return found


# Every word _is_label says yes to: a set lookup instead of a call per word of the text.
_ANY_LABEL_WORD = _STRONG | _WEAK | _HEADS | _SSN_WORDS | frozenset(v for w in _STRONG for v in _misspelt(w))


_DOTTED_GROUPS = re.compile(r"\d{3}(?:\.\d{2,4}){1,3}")


def find_id_phrases(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of identifier numbers named by a label phrase of a person's record."""
    if _ANY_LABEL_WORD.isdisjoint(words_of(text)):
        return []
    out: list[tuple[str, int, int]] = []
    ctx: tuple[list[int], list[int], list[int]] | None = None
    for m in _ID_VALUE.finditer(text):
        v = m.group("v")
        d = _digits(v)
        if d < 5 or d > 16 or _DATE_LIKE.fullmatch(v):
            continue
        if "." in v and not _DOTTED_GROUPS.fullmatch(v):
            continue  # "10.2.0.4" is a version; "570.287.421" a number in groups
        if d == 9 and case_blind_in(_SSN_BEFORE, _SSN_BEFORE_SMALL, text, max(0, m.start() - 90), m.start()):
            out.append(("ssn", *m.span("v")))  # "the social security number … was retained as 237729123"
            continue
        phrase, long_gap = _phrase(_left_tokens(text, m.start()))
        got = _kind(phrase) if phrase else None
        if got is None or (long_gap and not _named(phrase, got[1])):
            phrase, long_gap = _phrase(_right_tokens(text, m.end()), left=False)
            phrase = phrase[::-1]  # the head word first, as on the left
            got = _kind(phrase) if phrase else None
        if got is None or (long_gap and not _named(phrase, got[1])):
            continue  # a long gap needs a phrase that names a person's record
        kind, strong = got
        if phrase[0] in _PLURAL_HEADS:
            continue  # "unit numbers 4401-4499 are reserved": a class of numbers, not someone's

        start, end = m.span("v")
        if ctx is None:
            ctx = _context(text)
        person, project, sure = ctx
        if strong:
            out.append((kind, start, end))
            continue
        if _near(project, start, end, 100) and not _near(sure, start, end, 100):
            continue
        if not (_near(person, start, end) or _near(sure, start, end) or _headed(phrase)):
            continue
        out.append((kind, start, end))
    return out
