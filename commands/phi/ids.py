"""Identifier numbers found by their shape, a label word near them and a text about a person — not by one exact
label right before them. "Passport identifier presented today: R-31405323", "The implanted device carries serial
number 4471-B", "her coverage card reads AB654321", "reach the daughter on 0151 496 0321".

A value is id-shaped (4+ digits; letters with digits, or 6+ digits; not a date, a time, a version or an amount); a
label word (number, id, code, ref, record, card, serial, plan, …) is among the few words before it in the same
clause; the text near it is about a person's care (commands/phi/namewords.py's context words) and not a project's
or a ticket's ("INC0012345", "PO 4500012345", "build 20240311", "CR-1042" pass). Phones: 7-15 digits with a
phone word before them. One pass over the text's values, each looked at in fixed-size windows: linear.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from commands.phi.addresses import _NOT_STREET
from commands.phi.care import _DEADLINE, _SCORE_BEFORE, date_matches, project_search, score_series
from commands.phi.idphrases import find_id_phrases
from commands.phi.labels import _VENDOR, _VENDOR_SMALL
from commands.phi.namecues import _near
from commands.phi.namewords import _STRONG_WORDS, _context, _wordset
from commands.phi.numbers import ssn_dashed_spans
from commands.phi.people import org_address
from commands.phi.shared import (
    _MONTH,
    _NO_DIGITS,
    _digits,
    case_blind_found,
    case_blind_in,
    has_any,
    may_end_with,
    small_letters,
    text_digits,
)

# An id-shaped value: letters, digits and inner hyphens or slashes, 4-30 characters, with a digit. (The digit is
# looked for past letters, slashes and hyphens only, without giving any back: the first other character within 31
# must be it. The same test as "[A-Za-z0-9/-]{0,30}\d", faster at each word without a digit.)
_VALUE = re.compile(
    r"(?<![\w#/.@:+-])#?(?P<v>(?=[A-Za-z/-]{0,30}+\d)[A-Za-z0-9](?:[A-Za-z0-9]|[-/](?=[A-Za-z0-9])){3,29})"
    r"(?![\w/@-]|[.,:]\d)"
)
# A phone-shaped value: 7-15 digits in groups ("0151 496 0321", "+46 (0)8 123 456", "201/324/1423").
# (Led by one class of characters, the engine skipping to them: the same matches as when each of "+(", "(" and a
# digit led its own alternative, "(?:\+(?<![\w+/.-].)\(?\d|\((?<![\w+/.-].)\d|\d(?<![\w+/.-].))…".)
_PHONE_VALUE = re.compile(
    r"(?P<v>[+(\d](?<![\w+/.-].)(?:(?<=\+)\(?\d|(?<=\()\d|(?<=\d))(?:[\d()]|[-. /](?=\(?\d)){6,24}(?:\s{0,2}(?:x|ext\.?|extn\.?)\s{0,2}\d{1,5})?)(?![\w/-]|[.,]\d)"
)
_LABELS = _wordset(
    """
    number numbers no nbr num nr id ids identifier identifiers ident code ref reference record records chart file
    account acct member membership policy plan card serial device implant implanted udi lot badge key passport
    license licence permit certificate enrollment enrolment registration case claim accession specimen sample
    barcode wristband bracelet mrn fin csn har sin ohip hcn nhs medicare medicaid insurance insurer coverage
    subscriber beneficiary group cid pid uid encounter enc visit admission
    """
)
# Words that may stand between a value and the label that names it after it: "AB-654321 is her insurance number",
# "7712093 as the chart number", "4471-22-B (MRN)", "55120398, her member number".
_AFTER_FILLER = _wordset("is was as being her his their the its a an my your our patient patients pt pts s")
# What a label after a value must end in, unless it is one of the standalone labels (MRN, OHIP…).
_NUMBER_WORDS = _wordset("number no nbr num nr id identifier code")
_STANDALONE_LABELS = _wordset("mrn fin csn har ohip hcn nhs sin upi")
# A label phrase further back, joined to the value by "is"/"was" or a colon: "the hospital number for the patient
# was KGH44712".
_FAR_LABEL = re.compile(
    r"\b(?:(?P<l>hospital|chart|record|member|membership|policy|insurance|subscriber|beneficiary|medicare|medicaid"
    r"|account|patient|case|claim|coverage|file|mrn)\s{1,3}(?:number|no\.?|nbr|id|identifier|#)|(?P<m>mrn))(?![\w])"
    r"[^.;\n]{0,40}?\b(?:is|was|reads|read|were|are)\s{1,3}$",
    re.IGNORECASE,
)
# What a window ends with (its white space left off) when _FAR_LABEL or _PHONE_FAR can match it; the few characters
# before a value that hold it.
_FAR_VERBS = ("is", "was", "reads", "read", "were", "are")
_TAIL = 12
# Labels that only a person's number carries: with one of these, a text with no project words is enough.
_PERSONAL_LABELS = _wordset(
    """
    account acct member membership policy plan insurance insurer coverage subscriber beneficiary medicare medicaid
    passport license licence mrn chart record card ohip hcn nhs sin serial device implant implanted udi wristband
    bracelet enrollment enrolment registration claim encounter admission accession specimen patient beneficiary
    hospital
    """
)
_SERIAL_LABELS = _wordset("serial device implant implanted udi lot pacemaker pump")
_PLAN_LABELS = _wordset(
    """
    member membership policy plan insurance insurer coverage subscriber beneficiary group medicare medicaid card
    account acct claim billing ohip hcn passport license licence permit certificate
    """
)
# A project's or a system's numbers: tickets, orders, changes, versions, builds.
_NOT_PERSON_LABELS = _wordset(
    """
    ticket tickets inc incident chg change changes request req ritm po purchase order invoice quote contract sku
    part model firmware fw version ver release build commit pr issue issues bug bugs jira story task epic sprint
    problem rfc kb article doc page section table figure step line server host port ip vm job batch run test
    cr crs asset room bed ward floor unit extension ext pin error code_error http status gl ledger cost centre center
    budget wbs capex opex tracking courier waybill consignment
    """
)
_PHONE_LABELS = _wordset(
    """
    phone phones tel telephone mobile mob cell cellphone pager page beeper ext extension fax call called calling
    callback reach reached reachable contact contacted dial text texted sms whatsapp landline answer answering
    answered ring rang kin nok emergency contactable phoned voicemail answers rung telefon telefono teléfono telefone téléphone handy portable movil móvil celular
    tlf
    """
)
_PHONE_AFTER = re.compile(
    r"\s{0,2}[(,]?\s{0,2}(?:(?:is|was|as|being|for)\s{1,3})?(?:(?:her|his|their|the|a|an|my|your|our)\s{1,3})?"
    r"(?:(?:home|work|direct|mobile|cell|contact|best|daytime|evening)\s{1,3})?"
    r"(?:callback|call-back|phone|cell|mobile|pager|landline|(?:phone|contact|callback)\s{1,3}number)\b"
    r"(?!\s{1,2}(?:towers?|asset|tag|systems?|network|provider|carrier|vendor|contract|bill|plan|upgrade))",
    re.IGNORECASE,
)
# "… is my number", "… was her number": a number said to be a person's, after it.
_PHONE_MINE = re.compile(
    r"\s{0,2},?\s{0,2}(?:is|was)\s{1,3}(?:my|her|his|their|your)\s{1,3}(?:(?:new|home|work|own|best|usual)\s{1,3})?number\b",
    re.IGNORECASE,
)
# A phone label further back, joined to the number by is/was: "Best contact number for Mrs K is 0207 946 0321".
_PHONE_FAR = re.compile(
    r"\b(?:phone|contact|callback|call-back|mobile|cell|home|work)\s{1,3}(?:phone\s{1,3})?(?:number|no\.?|\#)(?!\w)"
    r"[^.;\n]{0,30}?\b(?:is|was|are)\s{1,3}$",
    re.IGNORECASE,
)
_PHONE_LINE = re.compile(
    r"\b(?:home|direct|phone|land|work|private)\s{0,2}line\W{0,3}$"
    # a contact line of a form: "Home: 0590 938347", "Work (direct): …"
    r"|(?:^|[\n,;(]\s{0,3}|\s{2}|\d\s{1,3})(?:home|work|house|daytime|evening|(?-i:[HWMC]))(?:\s{0,2}\([a-z ]{1,12}\))?"
    r"\s{0,2}:\s{0,3}$|\((?:m|h|w|c|mob|cell|home|work)\)\s{0,3}$",
    re.IGNORECASE,
)


def _may_be_phone_line(left: str) -> bool:
    """What a window _PHONE_LINE matches ends with, its white space left off: a colon ("Home:"), a bracket ("(m)"),
    or "line" and up to three other characters ("direct line -"). (A non-ASCII window says yes: "İ" and "ı" match an
    i when case is ignored.)"""
    if not left.isascii():
        return True
    tail = left.rstrip()
    return tail.endswith((":", ")")) or "line" in tail[-7:].lower()


_RELATIVES = _wordset(
    "daughter son wife husband mother father mom mum dad sister brother partner spouse caregiver carer guardian"
    " family kin parent parents niece nephew aunt uncle grandson granddaughter"
)
_ACCOUNT = _wordset("account acct billing number no nbr num nr code ref reference id")
_NUMBER = _wordset("number no nbr num nr")
# "my", "your": the writer or the reader is the person ("my phone number is …").
_FIRST_PERSON = re.compile(r"\b(?:my|your|mine|yours)\b", re.IGNORECASE)
_WORDS_BEFORE = re.compile(r"[A-Za-z][A-Za-z01]{0,19}")
# Letters written with look-alike digits or an l for an I ("IDENTlFIER", "N0", "PATlENT"): read both ways.
_LOOKALIKE = str.maketrans({"0": "o", "1": "i"})
_DATE_SHAPE = re.compile(
    r"(?:19|20)\d\d[-/]\d{1,2}[-/]\d{1,2}|\d{1,2}[-/]\d{1,2}(?:[-/](?:19|20)?\d\d)?"
    rf"|\d{{1,2}}[-/]?{_MONTH}[-/]?(?:\d{{4}}|\d{{2}})",  # 02-Dec-2026, 14JUN2025
    re.IGNORECASE,
)


def _date_shaped(value: str) -> bool:
    """A value in a date's shape (each of _DATE_SHAPE's shapes starts with a digit: other values are not read)."""
    return value[:1].isdigit() and _DATE_SHAPE.fullmatch(value) is not None


# Where a clause ends: a semicolon, a line break, or a full stop before a capital ("no. is 834…" goes on).
# A line break after a colon goes on ("Phone:\n077 1053 6554").
# (Led by one class of characters, the engine skips to them: the same matches as r";|(?<!:)\n|[.?!]\s{1,3}(?=[A-Z])".)
_CLAUSE_END = re.compile(r"[;\n.?!](?:(?<=;)|(?<=\n)(?<!:\n)|(?<=[.?!])\s{1,3}(?=[A-Z]))")
# An issue tracker's key (a project key, a dash, a number) set off after a dash or in brackets.
_ISSUE_KEY = re.compile(r"[A-Z][A-Z0-9]{1,9}-\d{1,6}")
_ISSUE_BEFORE = re.compile(r"[-–(\[]\s{0,2}$")
_COUNT_AFTER = re.compile(
    r"\s{1,3}(?:[a-z]{2,15}\s{1,3})?(?:tickets?|records?|messages?|views?|users?|rows?|items?|patients|beds|staff"
    r"|visits|orders|tests|devices|licen[cs]es|seats|hours|minutes|days|dollars|pounds|euros|downloads|transactions"
    r"|claims|charts|encounters|results|errors|requests|submissions|responses|lines|files|bytes|[kmg]b)\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s{0,2}(?:mg|mcg|ml|mmol|kg|g|cm|mm|%|units?|iu|bpm|mmhg|hrs?|hours?|mins?|days?)\b", re.IGNORECASE
)


# The patterns read right after a value, without IGNORECASE: for the text's small letters (shared.case_blind_at).
_UNIT_AFTER_SMALL, _COUNT_AFTER_SMALL, _PHONE_AFTER_SMALL, _PHONE_MINE_SMALL = (
    re.compile(rx.pattern) for rx in (_UNIT_AFTER, _COUNT_AFTER, _PHONE_AFTER, _PHONE_MINE)
)


# "Daughter: 0428 863 4324", "Carer (evenings) — 07700 900461": a relative's line of a contact list.
_RELATIVE_LINE = re.compile(
    r"\b(?:daughter|son|wife|husband|mother|father|mom|mum|dad|sister|brother|partner|spouse|caregiver|carer"
    r"|guardian|parent|niece|nephew|aunt|uncle|grandson|granddaughter|next\s{1,2}of\s{1,2}kin|nok)(?:['’]s)?"
    r"(?:\s{1,2}\([a-z ]{1,14}\))?\s{0,2}(?::|—|–|-|>>|\|)\s{0,3}$",
    re.IGNORECASE,
)
_LINE_MARKS = (":", "—", "–", "-", ">>", "|")  # what a _RELATIVE_LINE ends with, its white space left off
# "… is the number the mother gave", "… was the contact number given": a number said to be one to call, after it.
_NUMBER_AFTER = re.compile(
    r"\s{0,2},?\s{0,2}(?:is|was)\s{1,3}(?:the|her|his|their|my|your)\s{1,3}(?:(?:best|usual|new|home|contact|only)"
    r"\s{1,3})?number\s{1,3}(?:the|her|his|their|my|your|we|she|he|they|given|left|on)\b",
    re.IGNORECASE,
)
_NUMBER_AFTER_SMALL = re.compile(_NUMBER_AFTER.pattern)  # without IGNORECASE, for small letters


class _After(NamedTuple):
    """The case-blind patterns read right after a value, as a text is read: as written, or in its small letters
    without IGNORECASE (shared.case_blind_at, chosen once per text instead of once per value)."""

    unit: re.Pattern[str]
    counted: re.Pattern[str]
    phone: re.Pattern[str]
    mine: re.Pattern[str]
    number: re.Pattern[str]


_AFTER_AS_WRITTEN = _After(_UNIT_AFTER, _COUNT_AFTER, _PHONE_AFTER, _PHONE_MINE, _NUMBER_AFTER)
_AFTER_IN_SMALL = _After(
    _UNIT_AFTER_SMALL, _COUNT_AFTER_SMALL, _PHONE_AFTER_SMALL, _PHONE_MINE_SMALL, _NUMBER_AFTER_SMALL
)


def _after(text: str) -> tuple[str, _After]:
    """The text the patterns after a value read and those patterns: ``after.unit.match(read, pos)`` is
    ``case_blind_at(_UNIT_AFTER, _UNIT_AFTER_SMALL, text, pos)``."""
    low = small_letters(text)
    return (text, _AFTER_AS_WRITTEN) if low is None else (low, _AFTER_IN_SMALL)


# A phone word earlier in the clause and a word that hands over a number right before it: "SMS reminders will be
# sent to 0335 951 2033", "the family can be texted on 07700 900461".
_CARE_SIDE = _wordset("patient patients pt pts reminder reminders appointment appointments results family relative")
_HANDOVER = re.compile(r"\b(?:to|on|at|via|using)\s{1,3}$", re.IGNORECASE)
_HANDOVER_WORDS = ("to", "on", "at", "via", "using")


# A phone said to be the patient's or a relative's, right before the number: "the patient's phone number as …",
# "her mobile:", "the daughter's cell is …" — whatever project words stand around it.
_OWNED_PHONE = re.compile(
    r"\b(?:patient|pt|client|resident|mother|father|daughter|son|wife|husband|partner|spouse|carer|caregiver"
    r"|guardian|parent|sister|brother)['’]s?\s{1,3}(?:(?:home|mobile|cell|contact|best|usual|landline|direct)\s{1,3})?"
    r"(?:phone|mobile|cell|telephone|landline|contact)(?:\s{1,3}(?:number|no\.?|\#))?\s{0,3}"
    r"(?:(?:is|was|as|reads|given\s{1,3}as|recorded\s{1,3}as|on\s{1,3}file)\s{1,3}|[:=]\s{0,3})?$",
    re.IGNORECASE,
)


def _phone_said(text: str, read: str, after: _After, left: str, end: int, value: str) -> bool:
    """A number in a phone's groups that a relative's line, a "… is the number …" after it, or a phone word with a
    hand-over word ("sent to", "texted on") names a phone. (``read`` and ``after``: see _after.)"""
    if value.isdigit() and len(value) < 10:
        return False
    if (may_end_with(left, _LINE_MARKS) and _RELATIVE_LINE.search(left)) or after.number.match(read, end):
        return True
    if not (may_end_with(left, _HANDOVER_WORDS) and _HANDOVER.search(left)):
        return False
    words = set(_WORDS_BEFORE.findall(left.lower()))
    return not _PHONE_LABELS.isdisjoint(words) and not (_CARE_SIDE.isdisjoint(words) and _RELATIVES.isdisjoint(words))


def _clause_left(text: str, start: int, size: int = 40) -> str:
    left = text[max(0, start - size) : start]
    cut = 0
    for m in _CLAUSE_END.finditer(left):
        cut = m.end()
    return left[cut:]


def _labels(left: str, labels: frozenset[str]) -> set[str]:
    """The label words among the last four words before a value; none when a project's label (ticket, PO,
    version, room…) is among them too."""
    return _last_words(left) & labels


def _last_words(left: str) -> set[str]:
    """The last four words before a value, each read as written and with its look-alike letters read as letters;
    none when a project's label is among them (see _labels; a caller asking about several labels reads them once)."""
    # (the four words read together: one lower(), translate() and split() instead of one each per word)
    last = " ".join(_WORDS_BEFORE.findall(left)[-4:]).lower().translate(_LOOKALIKE)
    words = set(last.split())
    if "l" in last:
        words.update(last.replace("l", "i").split())
    if not words.isdisjoint(_NOT_PERSON_LABELS):
        return set()
    return words


_OPENING = re.compile(r"\s{0,2}[(,]?")
_PERSONAL_NOT_PATIENT = _PERSONAL_LABELS - {"patient"}


def _labels_after(text: str, end: int) -> set[str]:
    """The label naming a value from after it, in the same clause: fillers ("is her", "as the", "(") and then up to
    three words ending in a number word ("insurance number") or a standalone label ("MRN"); none when a project's
    label is among them ("55120398 is the change number")."""
    right = text[end : end + 40]
    cut = _CLAUSE_END.search(right)
    if cut:
        right = right[: cut.start()]
    m = _OPENING.match(right)
    if m is None or (m.end() == 0 and right[:1].isalnum()):
        return set()
    words = [w.lower().translate(_LOOKALIKE) for w in _WORDS_BEFORE.findall(right)[:6]]
    i = 0
    while i < len(words) and words[i] in _AFTER_FILLER:
        i += 1
    content = words[i : i + 3]
    for j, w in enumerate(content):
        if w in _STANDALONE_LABELS or (w in _NUMBER_WORDS and j > 0):
            got = set(content[: j + 1])
            if not got.isdisjoint(_NOT_PERSON_LABELS) and not got & _STANDALONE_LABELS:
                return set()
            if w in _STANDALONE_LABELS or not got.isdisjoint(_PERSONAL_NOT_PATIENT):
                return got & _LABELS
            return set()
    return set()


def _only_label_words(text: str, project: list[int], start: int, end: int) -> bool:
    """Every project word near the value is a label word of its own label ("beneficiary code HX554411": "code" is
    the label, not a piece of software)."""
    lo, hi = bisect_left(project, start - 150), bisect_left(project, end + 151)
    if hi - lo > 3:
        return False
    for p in project[lo:hi]:
        if not start - 40 <= p < start:
            return False
        w = _WORDS_BEFORE.match(text, p)
        if w is None or w.group(0).lower() not in _LABELS:
            return False
    return True


def _about_person(
    text: str, ctx: tuple[list[int], list[int], list[int]], start: int, end: int, personal_label: bool
) -> bool:
    """A strong sign of a patient near the value; or no project word near it and either a word of a person's care,
    "my"/"your", or a label only a person's number carries."""
    person, project, strong = ctx
    if _near(strong, start, end):
        return True
    if _near(project, start, end) and not (personal_label and _only_label_words(text, project, start, end)):
        return False
    return personal_label or _near(person, start, end) or bool(_FIRST_PERSON.search(text, max(0, start - 80), end))


# Words of letters one of the label or strong-sign words is made of: without one, a pass has nothing to find.
_ANY_LABEL = frozenset(w for w in _LABELS | _PHONE_LABELS | _NUMBER | _RELATIVES if " " not in w) | {
    *("line", "home", "work", "house", "daytime", "evening", "h", "w", "m", "c")
}
_STRONG_GATE = frozenset(p for w in _STRONG_WORDS for p in re.split(r"[\s/-]", w) if p.isalpha()) - {
    "of",
    "o",
    "date",
} | {"birth"}
_WARD = re.compile(r"\b(?:fe)?male\s{1,2}(?:ward|unit|wing|bay|room|toilets?|beds?|side)\b", re.IGNORECASE)


# An event of a person's care among the words just before a date: "seen at Mercy on …", "a patient at the clinic
# since …", "born …".
_CARE_EVENT = re.compile(
    # a person who visited a site or presented a plan is staff at work: "Dana visited the Mercy site on 2026-11-12"
    r"\b(?:seen|visited(?!\s{1,3}(?:(?:the|our)\s{1,3})?(?:[\w-]{1,20}\s{1,3}){0,2}(?:site|vendor|team|office|supplier"
    r"|warehouse|pharmacy|data\s{1,3}cent(?:er|re)|command\s{1,3}cent(?:er|re))\b)|admitted|attended|treated"
    r"|presented(?!\s{1,3}(?:the|our|an?|their|his|her|its|this|these)\b)|discharged|born|onset|diagnosed|examined|assessed"
    r"|operated|hospitali[sz]ed|appointment|appt|patient\b[^.;\n]{0,60}\bsince)\b",
    re.IGNORECASE,
)
# The patterns find_dates reads, without IGNORECASE: for small letters (shared.case_blind_in).
_CARE_EVENT_SMALL, _SCORE_BEFORE_SMALL, _DEADLINE_SMALL = (
    re.compile(rx.pattern) for rx in (_CARE_EVENT, _SCORE_BEFORE, _DEADLINE)
)
_WITH_YEAR = re.compile(r"\d{4}|[-/.]\d{2}$")  # a date with its year
_CARE_EVENT_GATE = _wordset(
    """
    seen visited admitted attended treated presented discharged born onset diagnosed examined assessed operated
    hospitalised hospitalized appointment appt patient
    """
)


_BIRTH_WORDS = frozenset({"birthday", "birth", "dob", "birthdate", "born"})
_BIRTH_AFTER = re.compile(
    r"\s{0,2}[(,]?\s{0,2}(?:(?:is|was|as)\s{1,3})?(?:(?:my|her|his|their|your|the\s{1,3}patient['’]?s?|pt['’]?s?)\s{1,3})"
    r"(?:birthday|date\s{1,3}of\s{1,3}birth|dob|birth\s{0,2}date)\b",
    re.IGNORECASE,
)


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """Dates with a year next to a strong sign of a patient (an age or sex, a symptom, "DOB", a relative), or
    after an event of a person's care in a text about a person, and no project word near: "a 71-year-old woman …
    03/02/2024", "a patient at Coastal Health Clinic since May 5th, 2021". Dates without a year ("3/14") are left to
    the rules that read the words right before them."""
    out: list[tuple[str, int, int]] = []
    if has_any(text, _BIRTH_WORDS):
        # "1985-01-01 is my birthday": the date named a date of birth after it
        out.extend(("date-of-birth", s, e) for _, _, s, e, _ in date_matches(text) if _BIRTH_AFTER.match(text, e))
    strong_gate, event_gate = has_any(text, _STRONG_GATE), has_any(text, _CARE_EVENT_GATE)
    if not (strong_gate or event_gate):
        return out
    male = has_any(text, frozenset({"male", "female"}))
    for _, _, start, end, v in date_matches(text):
        if (
            not _WITH_YEAR.search(v)
            or case_blind_in(_SCORE_BEFORE, _SCORE_BEFORE_SMALL, text, max(0, start - 24), start)
            or score_series(text, start, v)
        ):
            continue  # (a score: "pain 3/10")
        person, project, strong = _context(text)
        if _near(project, start, end):
            continue
        near_strong, near_person = _near(strong, start, end), _near(person, start, end)
        if not (near_strong or near_person):
            continue  # (the search below is skipped: neither sign of a person is near)
        event = None
        if event_gate:
            low = small_letters(text)
            lo = max(0, start - 80)
            event = _CARE_EVENT.search(text, lo, start) if low is None else _CARE_EVENT_SMALL.search(low, lo, start)
        if not near_strong and not (event and near_person):
            continue
        # "a patient at the clinic since May 5, 2021": "since" after "patient" dates the care, not a deadline.
        patient_since = bool(event and event.group(0).lower().endswith("since"))
        if male and _WARD.search(text, max(0, start - 150), end + 150):
            continue  # "the male ward reopens 2025-03-02": a place, not a person
        left = text[max(0, start - 30) : start]
        if project_search(text, max(0, start - 60), end + 40) or (
            case_blind_found(_DEADLINE, _DEADLINE_SMALL, left) and not patient_since
        ):
            continue  # "due", "by", "until", "effective", a schedule or a window
        out.append(("admission-date", start, end))
    return out


# An SSN's shape that fails the SSN checks (an ITIN starts with 9; "987-65-4321") is still a person's number in a
# text about a person; a UK National Insurance number ("QQ 12 34 56 C") after an "NI"/"insurance" label.
_NINO = re.compile(
    r"\b(?:ni|nino|national\s{1,3}insurance)\b[^\n\d]{0,20}?"
    r"(?P<v>(?-i:[A-CEGHJ-PR-TW-Z]{2})\s?\d{2}\s?\d{2}\s?\d{2}\s?(?-i:[A-D]))(?!\w)",
    re.IGNORECASE,
)


def find_ssn_shapes(text: str) -> list[tuple[str, int, int]]:
    """SSN-shaped numbers (any area) in a text about a person and not a project's; labelled UK NI numbers."""
    out: list[tuple[str, int, int]] = []
    if text.count("-") >= 2:
        for start, end in ssn_dashed_spans(text):  # the shape numbers.py checks, here without its validity rules
            person, project, strong = _context(text)
            if _near(project, start, end) and not _near(strong, start, end):
                continue
            if _near(person, start, end) or _near(strong, start, end) or _FIRST_PERSON.search(text):
                out.append(("ssn", start, end))
    if has_any(text, frozenset({"ni", "nino", "national"})):
        out.extend(("ssn", *m.span("v")) for m in _NINO.finditer(text))
    return out


# A street line by its shape: a house number, one to three capitalised words and a street-type word of the USPS
# list (Publication 28, appendix C1) or of British and Australian usage — "669 Reyes Port", "0 Thomas Rotary",
# "320 Howell Bridge". Many of these words are ordinary ones ("Park", "View", "Point"), so the line counts only
# in a text about a person ("my", a word of care, an address or delivery word before it) and not a project's.
_STREET_TYPES = _wordset(
    """
    alley annex arcade avenue bayou beach bend bluff bluffs bottom boulevard branch bridge brook brooks burg burgs
    bypass canyon cape causeway centre center circle cliff cliffs common commons corner corners course court courts
    cove coves creek crescent crest crossing crossroad curve dale dam divide drive drives estate estates expressway
    falls ferry field fields flat flats ford fords forest forge fork forks fort freeway garden gardens gateway glen
    glens green greens grove groves harbor harbour haven heights highway hill hills hollow inlet island isle junction
    key keys knoll knolls lake lakes landing lane light lights lock locks lodge loop manor manors meadow meadows mews
    mill mills motorway mount mountain neck orchard oval parade park parks parkway pass passage path pike pine pines
    place plain plains plaza point points port ports prairie quay ramp ranch rapids ridge ridges rise river road
    roads rotary route row rue run shoal shoals shore shores skyway spring springs spur square squares stravenue
    stream street streets summit terrace throughway trace track trafficway trail tunnel turnpike underpass union
    unions valley valleys vale via viaduct view views village villages ville vista walk walks wall way ways well
    wells wharf wynd close chase esplanade promenade brae grange gate
    """
)
_STREET_LINE = re.compile(
    r"(?<![\w#/.,-])(?:\d{1,5}[A-Za-z]?|\d{1,4}/\d{1,5})\s{1,2}(?:[A-Z][a-z'’-]{1,20}\s{1,2}){1,3}"
    r"(?P<t>[A-Z][a-z]{1,14})\b"
)
_SPEAKER = re.compile(r"\b(?:(?i:my|me|mine|your|our)|I)\b|\bI['’]")
_ADDRESS_CUE = re.compile(
    r"\b(?:address|addresses|lives?|lived|living|moved|move|sent|send|deliver\w{0,5}|mail|post|return|visit|taxi"
    r"|to|at|from|in)\b",
    re.IGNORECASE,
)


def find_streets(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of street lines with a street-type word, in a text about a person."""
    out: list[tuple[str, int, int]] = []
    if text_digits(text) < 1 or not has_any(text, _STREET_TYPES):
        return out
    for m in _STREET_LINE.finditer(text):
        if m.group("t").lower() not in _STREET_TYPES:
            continue
        start, end = m.span()
        person, project, strong = _context(text)
        if _near(project, start, end) and not _near(strong, start, end):
            continue
        before = _WORDS_BEFORE.findall(text, max(0, start - 20), start)
        if before and _NOT_STREET.fullmatch(before[-1]):
            continue  # "Sprint 12 Sunny Lane": a numbered thing of a project
        cue = _ADDRESS_CUE.search(text, max(0, start - 40), start)
        if org_address(text, start):
            continue  # "the vendor office is at 200 Berkeley Street"
        if _near(person, start, end) or _near(strong, start, end) or (cue and _SPEAKER.search(text)):
            out.append(("address", start, end))
    return out


# Values that are not identifiers, compiled once: "3/4/12" (a value has at most 30 characters, so 15 groups suffice),
# "2024", "2024-03".
_FRACTIONS = re.compile(r"\d{1,3}(?:/\d{1,3}){1,15}")
_YEARISH = re.compile(r"(?:19|20)\d\d(?:[-/]\d{1,4})?")
_CENTURIES = ("19", "20")


def find_ids(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of identifier numbers in a text about a person."""
    if text_digits(text) < 4:
        return []
    named = find_id_phrases(text)
    if not has_any(text, _ANY_LABEL):
        return named
    read, after = _after(text)
    out: list[tuple[str, int, int]] = []
    phones = _find_labelled_phones(text, read, after, out)
    # (a value that overlaps a phone found above is the phone pass's: its characters are marked)
    in_phone = bytearray(len(text)) if phones else None
    for ps, pe in phones:
        in_phone[ps:pe] = b"\x01" * (pe - ps)  # type: ignore[index]
    ctx: tuple[list[int], list[int], list[int]] | None = None
    unit_after = after.unit
    for m in _VALUE.finditer(text):
        m_start, m_end = m.span()
        if in_phone is not None and in_phone.find(1, m_start, m_end) >= 0:
            continue  # the phone pass has it
        v = m.group("v")
        d = len(v) - len(v.translate(_NO_DIGITS))  # (a value is ASCII letters, digits, - and /: shared._digits)
        if d < 4:
            continue
        has_letters = len(v) > d + v.count("-") + v.count("/")
        # (each of these shapes needs the characters looked for first: a date a hyphen, a slash or a month's letters;
        # a fraction a slash; an issue key a hyphen; a year its century)
        if (v[:1].isdigit() and not v.isdigit() and _DATE_SHAPE.fullmatch(v)) or ("/" in v and _FRACTIONS.fullmatch(v)):
            continue  # (_date_shaped)
        if has_letters and (len(v) < 5 or (v[:1] in "vV" and v[1:2].isdigit())):
            continue  # "v1234" is a version
        if "-" in v and _ISSUE_KEY.fullmatch(v) and _ISSUE_BEFORE.search(text, max(0, m_start - 4), m_start):
            continue  # "Adult Admission and Discharge forms - LIME2-802": a change log's issue key
        if (v[:2] in _CENTURIES and _YEARISH.fullmatch(v)) or unit_after.match(read, m_end):
            continue
        left = _clause_left(text, m_start)
        labels = _labels(left, _LABELS)
        if not labels:
            # (the window a _FAR_LABEL is looked for in ends where the value starts, as the text's few characters
            # before it do: without one of its verbs there, the window is not read)
            far = (
                _FAR_LABEL.search(left[-60:] if len(left) > 60 else _clause_left(text, m_start, 90))
                if may_end_with(text[max(0, m_start - _TAIL) : m_start], _FAR_VERBS)
                else None
            )
            labels = {(far.group("l") or far.group("m")).lower(), "number"} if far else _labels_after(text, m_end)
        personal = not labels.isdisjoint(_PERSONAL_LABELS)
        if not labels or (not has_letters and d < 6 and not personal):
            continue
        if ctx is None:
            ctx = _context(text)
        start, end = m.span("v")
        if not _about_person(text, ctx, start, end, personal):
            continue
        if labels <= _ACCOUNT and case_blind_in(_VENDOR, _VENDOR_SMALL, text, max(0, start - 60), end + 60):
            continue  # the organisation's account with a vendor ("account reference 12345678 for Azure billing")
        serial, plan = not labels.isdisjoint(_SERIAL_LABELS), not labels.isdisjoint(_PLAN_LABELS)
        kind = "device-serial" if serial else "plan-number" if plan else "mrn"
        out.append((kind, start, end))
    return out + named


def _find_labelled_phones(
    text: str, read: str, after: _After, out: list[tuple[str, int, int]]
) -> list[tuple[int, int]]:
    """Phones named by a phone word before or after them, in a text about a person: appended to ``out`` as
    ("phone", start, end); their spans returned."""
    ctx: tuple[list[int], list[int], list[int]] | None = None
    phones: list[tuple[int, int]] = []
    unit_after, count_after, phone_after, phone_mine = after.unit, after.counted, after.phone, after.mine
    for m in _PHONE_VALUE.finditer(text):
        v = m.group("v")
        m_end = m.end()
        # (a phone's shape is a date's only with a hyphen or a slash: its letters are an extension's, not a month's)
        if not 7 <= _digits(v) <= 15 or (("-" in v or "/" in v) and _date_shaped(v)) or unit_after.match(read, m_end):
            continue
        if count_after.match(read, m_end):
            continue  # "Work: 4471902 tickets closed", "C: 1 234 567 messages": a count, not a phone
        left = _clause_left(text, m.start(), 50)
        last = _last_words(left)
        if (
            not last & _PHONE_LABELS
            and not (
                # "my number is 09-7625400": a number in a phone's groups, and no other label
                last & _NUMBER and last & _LABELS <= _NUMBER and not v.isdigit()
            )
            # "He left 555-0143 as a callback", "his home line, 020 7946 0958, is…", "Contact info for the
            # daughter - 07700 900461": a phone word just after the value, or a phone word and a relative before it
            and not phone_after.match(read, m_end)
            and not phone_mine.match(read, m_end)
            and not (may_end_with(left, _FAR_VERBS) and _PHONE_FAR.search(left))
            and not (
                (_may_be_phone_line(left) and _PHONE_LINE.search(left))
                or (last & _RELATIVES and not _PHONE_LABELS.isdisjoint(_WORDS_BEFORE.findall(left.lower())))
            )
            and not _phone_said(text, read, after, left, m_end, v)
        ):
            continue
        if ctx is None:
            ctx = _context(text)
        start, end = m.span("v")
        if _about_person(text, ctx, start, end, True) or _OWNED_PHONE.search(left):
            out.append(("phone", start, end))
            phones.append((start, end))
    return phones
