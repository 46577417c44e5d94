"""A value in a slot: an identifier's shape (a date, a phone, an e-mail, an IP, a record or account code, an SSN)
in a short sentence, or a "label | value" / "label: value" / "label >> value" row, whose other words tie it to a
person of care.

Sentences are written in endless wordings ("The date assigned to the individual's assessment is 06.06.2026.",
"For personal replies, the care recipient supplied ...", "The recipient presented KG-5577-72137 as their visit
finance account."); a cue phrase per wording never catches up. What they share is a frame of three parts, each
found by what it is rather than by how it is phrased:

* the VALUE, by its shape alone (one pass of a few bounded patterns);
* a PERSON the sentence is about: a person-of-care noun (patient, individual, care recipient, resident, household,
  a relative), or two weaker signs together (client, a possessive pronoun, "private", "personal", "home");
* a SLOT noun that says what the value is (telephone line, finance account, chart, social security, birth...):
  the value's shape and the slot noun decide the kind. Dates, e-mails and IPs need no noun: their shape is enough.

A project's or a system's sentence (go-live dates, ticket ids, server IPs, vendor phones, release versions) is told
by its words of a project or of infrastructure and passes; the allowances in allow.py still judge every finding.

Cheap: nothing runs unless the text holds a person word and a value's raw material (digits or "@"); each value's
sentence is cut from a bounded window and read as a set of words.
"""

from __future__ import annotations

import ipaddress
import re
from bisect import bisect_right
from collections.abc import Iterable

from commands.phi.namewords import _wordset
from commands.phi.numbers import _DOTTED
from commands.phi.shared import _DATE, _I, _MONTH, FOLDS_TO_ASCII, _digits, small_letters, text_digits, words_of

# --- the person the sentence is about ------------------------------------------------------------------------------
_STRONG = _wordset(
    """
    patient pt individual recipient resident person household family relative caregiver carer guardian subscriber
    enrollee enrolee beneficiary insured claimant daughter son wife husband mother father parent spouse grandmother
    grandfather
    """
)
_WEAK = _wordset(
    """
    client member their his her him she he them private personal own home
    """
)
_PEOPLE = _STRONG | _WEAK
_OWNERS = frozenset({"client", "member"})
_OWNER = re.compile(r"\b(?:client|member)['’]s\b", _I)
_AN_OWNER = frozenset({"client's"})
_STRONG |= _AN_OWNER
# Many people counted, not one ("we admitted 1,200 patients in March 2024", "admissions rose in May 2025").
_COHORT = _wordset(
    "patients residents clients individuals people persons members families households recipients admissions cases"
)
# Staff and their work: a pronoun next to them is a colleague's.
_STAFF = _wordset(
    """
    team teams colleague colleagues manager managers lead leads analyst analysts trainer trainers coordinator
    readiness shift shifts leave annual extension desk office
    """
)
# An occasion or a record of care in the slot ("their scheduled reassessment", "her medical chart"): a weak sign.
_CARE_SLOT = _wordset(
    """
    admission admitted discharge discharged assessment reassessment appointment consultation visit onset symptoms
    symptom symptomatic therapy treatment intake referral referred encounter episode chart medical clinical seen
    attended consent telecare telehealth telemedicine
    """
)
# A slot only a person of care has: with no person word at all, "Onset was recorded as 2023-04-13" and "MEDICAL
# RECORD REF / C-43636871" are still a person's. A pair is written with "_" and needs both words.
_OWNED_DATE = _wordset(
    "onset symptomatic admission admitted discharge discharged birth born dob birthday deceased died death"
)
_OWNED_NUMBER = _wordset(
    """
    chart mrn accession encounter ssn passport medicare medicaid billing insurance medical_record medical_file
    social_security health_plan implant implanted pacemaker receivables guarantor copay account_statement
    account_ledger financial_ledger payment_ledger payment_statement finance_account
    """
)
# Which owned slots make a value of each kind a person's: a phone, an e-mail or an IP needs a person word.
_OWNED = {
    "admission-date": _OWNED_DATE,
    "date-of-birth": _OWNED_DATE,
    "mrn": _OWNED_NUMBER,
    "plan-number": _OWNED_NUMBER,
    "ssn": _OWNED_NUMBER,
    "device-serial": _OWNED_NUMBER,
    "age-over-89": frozenset({"age", "aged"}),
}
_OWNED_WORDS = frozenset(w for owned in _OWNED.values() for pair in owned for w in pair.split())
_OWNED_ALL = frozenset().union(*_OWNED.values())
_SINGLES = frozenset(w for w in _OWNED_ALL if " " not in w)
_PAIRS = tuple(tuple(w.split()) for w in _OWNED_ALL if " " in w)
# "patient portal", "patient flow", "family medicine": a programme or a product, not a person.
_PROGRAMME = re.compile(
    r"\b(?:patient|family|person|client|member)s?[\s-]{1,3}(?:portal|safety|flow|access|experience|education"
    r"|engagement|relations|transport|satisfaction|tracking|kiosk|app|medicine|practice|services?|centered|centred"
    r"|records?\s{1,3}systems?|logistics|throughput|placement|matching|index|lookup|search|list|banner|header"
    r"|class|master|identity\s{1,3}(?:management|service)|server|software|library|certificate|side|machine|id\s{1,3}(?:field|column))\b"
    r"|\bresidents?[\s-]{1,3}(?:doctors?|physicians?|medical|surgeons?|staff|parking|permits?)\b"
    r"|\b(?:contact|in|per|first|third)\s{1,3}person\b|\bteam\s{1,3}members?\b|\bthin\s{1,3}client\b"
    # an event of care naming a place, a document or a process: "discharge lounge", "pre-admission clinic"
    r"|\b(?:pre-?)?(?:admission|discharge|encounter|referral|intake|consent|onset)s?[\s-]{1,3}(?:lounge|summar(?:y|ies)"
    r"|clinic|team|process|planning|screens?|modules?|desk|office|unit|ward|nurses?|coordinators?|orders?|backlog"
    r"|rates?|times?|data|metrics?|forms?|letters?|workflows?|criteria|policy|pathway|board|huddle|queue|list|instructions|paperwork|documentation|packs?|packets?)\b",
    _I,
)
_PROGRAMME_SMALL = re.compile(_PROGRAMME.pattern)  # read in a sentence's small letters (see _sentence_words)
# The word each of _PROGRAMME's names ends with: a sentence without one holds no programme's name.
_PROGRAMME_ENDS = _wordset(
    """
    portal safety flow access experience education engagement relations transport satisfaction tracking kiosk app
    medicine practice service services centered centred system systems logistics throughput placement matching index
    lookup search list banner header class master management server software library certificate side machine
    field column doctor doctors physician physicians medical surgeon surgeons staff parking permit permits person
    member members client lounge summary summaries clinic team process planning screen screens module modules desk
    office unit ward nurse nurses coordinator coordinators order orders backlog rate rates time times data metric
    metrics form forms letter letters workflow workflows criteria policy pathway board huddle queue instructions
    paperwork documentation pack packs packet packets
    """
)

# --- a project's or a system's sentence ----------------------------------------------------------------------------
_PROJECT = _wordset(
    """
    ticket tickets incident inc chg cab release releases released version versions build builds deploy deployed
    deployment server servers vendor vendors cutover interface interfaces sprint uat prod production milestone
    milestones project projects programme steering training budget invoice invoices contract licence license
    licences licenses purchase firewall subnet vlan router proxy dns dhcp patched patch cluster node vm pacs defect
    bug bugs module dashboard rollout pilot workshop meeting agenda sponsor analyst analysts engineer warehouse
    venue pmo helpdesk desk switchboard bridge conference on-call oncall outage downtime upgrade upgraded migration
    changelog readme api endpoint workflow workflows feed feeds template templates testing tested validated config
    configuration localhost repo commit merged fixed feature publication published article journal guideline manual edition textbook freeze pmid pubmed doi isbn issn research catalogue
    catalog batch lot sku integration systems safety rota roster parking permit permits report reports survey
    population dataset approved approval council committee meets course officer validate archive storage cloud field fields renamed rename column columns format formats schema
    mapping stock procurement tender supplier suppliers
    """
)
_GO_LIVE = re.compile(
    r"\bgo[\s-]?live|\bchange\s{1,3}requests?\b|\bcost\s{1,3}cent(?:er|re)|\bdata\s{1,3}cent(?:er|re)|\bstaff\b", _I
)
_GO_LIVE_SMALL = re.compile(_GO_LIVE.pattern)  # read in a sentence's small letters (see _sentence_words)
# A word each of _GO_LIVE's wordings has ("golive" is one word): without one, it is not searched for.
_GO_LIVE_WORDS = frozenset({"go", "change", "cost", "data", "staff"})

# --- the slot nouns: what the value is -----------------------------------------------------------------------------
_BIRTH = _wordset(
    """
    birth born dob birthday birthdate
    """
)
_PHONE = _wordset(
    """
    phone telephone tel mobile cell cellphone landline line call calls called calling ring dial callback voice
    voicemail reach reached contacted sms text texts whatsapp fax
    """
)
_SSN = _wordset(
    """
    social security ssn national government sin nino bsn personnummer pesel
    """
)
_SERIAL = _wordset(
    """
    serial implant implanted device pacemaker
    """
)
_PLAN = _wordset(
    """
    account accounts billing bill finance financial payment payments ledger receivables statement insurance insurer
    insured policy plan coverage member membership subscriber passport medicare medicaid payer claim guarantor
    """
)
_RECORD = _wordset(
    """
    record records chart mrn file registration registered enrollment enrolment enrolled encounter visit accession
    case identity registry admission episode
    """
)
# Nouns that say "an identifier" but not whose or of what: a phone's shape decides then.
_GENERIC = _wordset("identifier id key reference ref code number no")

# --- the values, by shape ------------------------------------------------------------------------------------------
_EMAIL = re.compile(r"[A-Za-z0-9](?<![\w.%+-].)[\w.%+-]{0,63}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,5}")
_IP4 = re.compile(r"\d(?<![\w.:].)\d{0,2}(?:\.\d{1,3}){3}(?![\w:]|\.?\d)")
_IP6 = re.compile(r"[0-9A-Fa-f](?<![\w.:].)[0-9A-Fa-f]{0,3}(?::[0-9A-Fa-f]{0,4}){2,7}(?![\w:])")
_IP6_HINT = re.compile(r"[0-9A-Fa-f]:[0-9A-Fa-f]{0,4}:")
_DAY = re.compile(rf"(?:{_DATE}|{_MONTH}\.?\s{{1,3}}(?:19|20)\d\d\b)", _I)
# Where a date can start: a run of digits that starts a token, or the month name just before one. The date pattern
# is tried only there (a handful of places per note) instead of at every character.
_DIGIT_RUN = re.compile(r"\d(?<![\w/.-]\d)\d{0,3}")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}\.?\s{{1,3}}\Z", _I)
# A record, account or phone number: digits in groups, maybe a letter prefix ("KG-5577-72137", "GF250794034"), a
# country code or a bracketed area code, an extension.
_NUMBER = re.compile(
    r"(?:[A-Z](?<![\w@.+/-].)[A-Z]{0,3}[- ]?|\+(?<![\w@.+/-].)|\((?<![\w@.+/-].)|\d(?<![\w@.+/-].))"
    r"[\d(). /-]{3,24}\d(?: {0,2}(?:x|ext\.?) {0,2}\d{1,5})?(?![\w@]|[-/.]\d)"
)
# An age over 89: digits or words, maybe with "years (old)" or a sex letter ("99F") that says it is an age.
_YEARS = r"(?P<x>\s{0,2}-?\s{0,2}(?:years?|yrs?|y/?o)\b(?:[\s-]{0,2}old)?"
_AGE_DIGITS = re.compile(rf"(?:9\d|1[0-2]\d)(?!\d|[.,:/-]\s?\d){_YEARS}|(?-i:[MF])(?![A-Za-z0-9]))?", _I)
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_AGE_WORDS = re.compile(
    rf"\b(?:ninety(?:[\s-](?:{_ONES}))?|(?:a|one)\s{{1,2}}hundred(?:\s{{1,2}}(?:and\s{{1,2}})?(?:{_ONES}|ten|eleven|twelve"
    rf"|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty))?){_YEARS})?\b",
    _I,
)
# What a bare number counts when it is not an age: "95 days", "92%", "120 beds", "room 104F".
_UNIT_AFTER = re.compile(
    r"\s{0,2}(?:%|\+|/|days?\b|hours?\b|hrs?\b|min|weeks?\b|months?\b|mg|mcg|ml|kg|mm|cm|bpm|beats|breaths|beds?\b"
    r"|patients?\b|staff|people|percent|points?\b|units?\b|items?\b|of\b|th\b)",
    _I,
)
_PLACE_BEFORE = re.compile(
    r"\b(?:room|rm|bed|bay|ward|level|floor|unit|suite|site|building|bldg|no|number|#)\.?\s{0,2}\Z", _I
)
# Three of the patterns above without IGNORECASE, for a text's small letters (see _values).
_DAY_SMALL, _MONTH_BEFORE_SMALL, _PLACE_BEFORE_SMALL = (
    re.compile(rx.pattern) for rx in (_DAY, _MONTH_BEFORE, _PLACE_BEFORE)
)
# Every word _MONTH matches: in a text's small letters (shared.small_letters), _MONTH_BEFORE and the dates of _DAY
# that go on from their digits with a letter or white space match only where one of them is a word of the text.
_MONTH_WORDS = _wordset(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october
    nov november dec december
    """
)
_AGE_LABEL = frozenset({"age", "aged"})
_SPELLED_AGE = frozenset({"ninety", "hundred"})
# The end of a sentence: a stop before a capital, a line break, a cell of a table.
_ENDS = re.compile(r"[.!?]\s{1,3}(?=[A-Z\"“(\[])|\n")


_WORD = re.compile(r"[a-z]{1,30}")
# The words that begin a programme's or a place's name above: the pattern is run only when one is there.
_HOMONYMS = _wordset(
    """
    patient patients family person client clients member members team thin contact in resident residents admission
    admissions discharge
    discharges encounter encounters referral referrals intake intakes consent consents onset
    """
)


_PERSON_OR_SLOT = _PEOPLE | _CARE_SLOT | _OWNED_WORDS


def _sentence_words(sentence: str) -> frozenset[str] | None:
    """The sentence's words, or None when it is a project's or a system's. The words of a programme or a product
    ("patient portal", "team member") are not a person's and are left out."""
    low = sentence.lower()
    words = frozenset(_WORD.findall(low))
    if words.isdisjoint(_PERSON_OR_SLOT):
        return None
    # A case-blind pattern is read without IGNORECASE in the small letters (several times faster), unless the
    # sentence has a character that folds to an ASCII letter (shared.FOLDS_TO_ASCII) or changes length.
    small = len(low) == len(sentence) and (sentence.isascii() or not any(c in sentence for c in FOLDS_TO_ASCII))
    if not words.isdisjoint(_PROJECT):
        return None
    if not small:
        if _GO_LIVE.search(sentence):
            return None
    elif (not words.isdisjoint(_GO_LIVE_WORDS) or "golive" in low) and _GO_LIVE_SMALL.search(low):
        return None
    if not words.isdisjoint(_HOMONYMS):
        if not small:
            if _PROGRAMME.search(sentence):
                words = frozenset(_WORD.findall(_PROGRAMME.sub(" ", sentence).lower()))
        elif not words.isdisjoint(_PROGRAMME_ENDS) and _PROGRAMME_SMALL.search(low):
            words = frozenset(_WORD.findall(_PROGRAMME_SMALL.sub(" ", low)))
    if not words.isdisjoint(_OWNERS) and _OWNER.search(sentence):
        words |= _AN_OWNER  # "the client's coverage": a client who has something is a person
    return words


def _about_a_person(words: frozenset[str]) -> bool:
    """A person-of-care noun, or two weaker signs (a pronoun or "private"/"personal"/"home", words of care) in a
    sentence that names no staff ("her team's readiness assessment" is a colleague's)."""
    if not words.isdisjoint(_STRONG):
        return True
    return len(words & _WEAK) + len(words & _CARE_SLOT) >= 2 and words.isdisjoint(_STAFF) and words.isdisjoint(_COHORT)


def _may_be_about_a_person(text: str, text_words: frozenset[str]) -> bool:
    """Whether any sentence of a text with these words can be a person's (a sentence's words are the text's)."""
    return (
        not text_words.isdisjoint(_STRONG)
        or len(text_words & _WEAK) + len(text_words & _CARE_SLOT) >= 2
        or bool(_owned_slots(text_words))
        or (not text_words.isdisjoint(_OWNERS) and _OWNER.search(text) is not None)
    )


def _owned(words: frozenset[str], owned: frozenset[str]) -> bool:
    """A slot of the sentence that only a person of care has ("onset", "medical record", "social security")."""
    return not owned.isdisjoint(_owned_slots(words))


def _owned_slots(words: frozenset[str]) -> frozenset[str]:
    """The owned slots (words, and pairs as "a b") among these words."""
    found = words & _SINGLES
    pairs = [f"{a} {b}" for a, b in _PAIRS if a in words and b in words]
    return found.union(pairs) if pairs else found


def _number_kind(value: str, words: frozenset[str]) -> str | None:
    """The kind of a number by the slot nouns around it, or None when nothing says what it is."""
    digits = _digits(value)
    if words & _PHONE and digits >= 7 and not value[0].isalpha():
        return "phone"
    if digits < 6:
        return None
    if words & _SSN and ("social" in words or "ssn" in words or not words & {"account", "policy", "plan"}):
        return "ssn"
    if "serial" in words and words & _SERIAL:
        return "device-serial"
    if words & _PLAN:
        return "plan-number"
    if words & _RECORD:
        return "mrn"
    phone_shaped = not value[0].isalpha() and 7 <= digits <= 15 and (value[0] in "+(0" or digits >= 10)
    if words & _GENERIC:
        return "phone" if phone_shaped else "mrn"
    if "contact" in words and phone_shaped:
        return "phone"
    return None


def _age_kind(text: str, shape: str, end: int, words: frozenset[str]) -> str | None:
    """An age over 89 when its own words say so ("ninety-four years", "99F") in a sentence about a person or with
    an age label, or when a bare number fills an age slot ("Patient age | 92") and counts nothing else."""
    # a label needs someone whose age it is: "Age of the building: 92 years" is a thing's
    person = not words.isdisjoint(_PEOPLE)
    if shape == "age":
        return "age-over-89" if _about_a_person(words) or (words & _AGE_LABEL and person) else None
    if _UNIT_AFTER.match(text, end):
        return None
    if words & _AGE_LABEL and person:
        return "age-over-89"  # an age slot of a person: "Stated age of the client >> 97"
    spelled = text[end - 1].isalpha()  # "ninety-three" is an age in a sentence about a person; "93" is not
    return "age-over-89" if spelled and _about_a_person(words) else None


def _is_ip(value: str) -> bool:
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True


_PEOPLE_OR_CARE = _PEOPLE | _CARE_SLOT


def _near_people(text: str, words: frozenset[str], ends: list[int]) -> list[tuple[int, int]]:
    """The sentences that hold a person word (found by str.find: the words known to be in the text), merged: only
    they can hold a value whose sentence is about a person."""
    low = small_letters(text) or text.lower()
    spans = []
    owned = {w for slot in _owned_slots(words) for w in slot.split()}
    for w in words & _PEOPLE_OR_CARE | owned:
        at = low.find(w)
        while at >= 0:
            end = at + len(w)
            if (at == 0 or not low[at - 1].isalpha()) and (end == len(low) or not low[end].isalpha()):
                i = bisect_right(ends, at)
                lo = max(ends[i - 1] if i else 0, at - _REACH - 40)
                hi = min(ends[i] if i < len(ends) else len(text), end + _REACH + 40)
                spans.append((lo, hi))
            at = low.find(w, end)
    spans.sort()
    merged: list[tuple[int, int]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
        else:
            merged.append((lo, hi))
    return merged


def _values(text: str, lo: int, hi: int, taken: bytearray) -> list[tuple[str, int, int]]:
    """(shape, start, end) of every value of an identifier's shape in text[lo:hi]; a character belongs to one value
    at most (an e-mail before an IP, an IP before a date, a date before a number). ``taken`` marks them: each test
    costs the value's length, not the count of values."""

    def take(shape: str, start: int, end: int) -> None:
        if taken.find(1, start, end) < 0:
            values.append((shape, start, end))
            taken[start:end] = b"\x01" * (end - start)

    values: list[tuple[str, int, int]] = []
    if "@" in text:
        for m in _emails(text, lo, hi):
            take("email", *m.span())
    # (an IPv4 address has a digit, a dot and three more dotted groups: numbers._DOTTED, led by the dot, finds it)
    ips = list(_IP4.finditer(text, lo, hi)) if "." in text and _DOTTED.search(text, lo, hi) else []
    if ":" in text and _IP6_HINT.search(text, lo, hi):
        ips.extend(_IP6.finditer(text, lo, hi))
    for m in ips:
        if _is_ip(m.group()):
            take("ip-address", *m.span())
    ages = []
    # (the case-blind patterns read the text's small letters, when its letters stand where they stand in it)
    low = small_letters(text)
    day_rx, month_rx, place_rx = (
        (_DAY, _MONTH_BEFORE, _PLACE_BEFORE) if low is None else (_DAY_SMALL, _MONTH_BEFORE_SMALL, _PLACE_BEFORE_SMALL)
    )
    read = text if low is None else low
    # A month name is a word of the text's small letters: without one, no date has a month (see _MONTH_WORDS).
    months = low is None or not _MONTH_WORDS.isdisjoint(words_of(text))
    for run in _DIGIT_RUN.finditer(text, lo, hi):
        at = run.start()
        if taken[at]:
            continue
        # a month name ends with white space before the number; a date led by 1, 2 or 4 digits goes on with a mark,
        # a letter or white space (then with a month name: "3rd of May", "14JUN2025"); an age over 89 starts with 9
        # or 1
        before = month_rx.search(read, max(lo, at - 14), at) if months and at > lo and text[at - 1].isspace() else None
        day = day_rx.match(read, before.start(), hi) if before else None
        if day is None and run.end() < hi and run.end() - at != 3:
            after = text[run.end()]
            if after in "-/." or (months and (after.isalpha() or after.isspace())):
                day = day_rx.match(read, at, hi)
        if day:
            take("date", *day.span())
            continue
        age = _AGE_DIGITS.match(text, at, hi) if text[at] in "91" else None
        if age and not place_rx.search(read, max(lo, at - 12), at):
            ages.append(age)  # taken after the numbers: "99" of "446 99 8090" is not an age
    for m in _NUMBER.finditer(text, lo, hi):
        if _digits(m.group()) >= 6:
            take("number", *m.span())
    for age in ages:
        take("age" if age.group("x") else "age?", *age.span())
    if _SPELLED_AGE.intersection(words_of(text)):
        for m in _AGE_WORDS.finditer(text, lo, hi):
            take("age" if m.group("x") else "age?", *m.span())
    return values


# A run of an address's local-part characters, read backwards from an at sign.
_LOCAL_PART = re.compile(r"[\w.%+-]{1,64}")


def _emails(text: str, lo: int, hi: int) -> list[re.Match[str]]:
    """What ``list(_EMAIL.finditer(text, lo, hi))`` gives. An address starts where the run of local-part characters
    before its at sign starts (the run is read backwards, not past the at sign before or the address before), so the
    pattern is tried there only, not at each word."""
    if text.count("@", lo, hi) > 16:
        return list(_EMAIL.finditer(text, lo, hi))  # (a Python step per at sign costs more than the search then)
    found: list[re.Match[str]] = []
    after = lo  # where the next address may start: not inside the one before
    at = text.find("@", lo, hi)
    while at >= 0:
        run = _LOCAL_PART.match(text[max(after, at - 64) : at][::-1])
        m = _EMAIL.match(text, at - run.end(), hi) if run else None
        if m is not None:
            found.append(m)
            after = m.end()
        after = max(after, at + 1)
        at = text.find("@", at + 1, hi)
    return found


def _masked(text: str, values: list[tuple[str, int, int]]) -> str:
    """The text with its values blanked: their letters ("gobrav_home38@...") are not the sentence's words."""
    out, pos = [], 0
    for _, start, end in sorted(values, key=lambda v: v[1]):
        out.append(text[pos:start])
        out.append(" " * (end - start))
        pos = end
    out.append(text[pos:])
    return "".join(out)


_REACH = 160  # how far a sentence reaches either side of its value
_STEP = 64


def find_slot_values(text: str, known: Iterable[tuple[int, int, int, str]] = ()) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the values of an identifier's shape that a sentence ties to a person of care. Spans
    already ``known`` (start, end, priority, kind) with the same kind are left out: the allowances would judge the
    same span and kind twice for nothing."""
    if "@" not in text and text_digits(text) < 2 and not _SPELLED_AGE.intersection(words_of(text)):
        return []
    text_words = words_of(text)
    if not _may_be_about_a_person(text, text_words):
        return []
    taken = bytearray(len(text))
    near = _near_people(text, text_words, [m.end() for m in _ENDS.finditer(text)])
    values = [v for lo, hi in near for v in _values(text, lo, hi, taken)]
    if not values:
        return []
    masked = _masked(text, values)
    ends = [m.end() for m in _ENDS.finditer(masked)]
    out: list[tuple[str, int, int]] = []
    seen: dict[tuple[int, int], frozenset[str] | None] = {}  # the values of one sentence share its reading
    for shape, start, end in values:
        # The sentence, or when it runs on, a reach cut at a multiple of _STEP: the values of a long run of text
        # share a few readings instead of each reading its own (a text of 20,000 characters stays fast).
        i = bisect_right(ends, start)
        lo = max(ends[i - 1] if i else 0, -(-(start - _REACH) // _STEP) * _STEP)
        j = bisect_right(ends, end)
        hi = min(ends[j] if j < len(ends) else len(text), (end + _REACH) // _STEP * _STEP)
        if (lo, hi) not in seen:
            seen[lo, hi] = _sentence_words(masked[lo:hi])
        words = seen[lo, hi]
        if words is None:
            continue
        if shape == "date":
            kind: str | None = "date-of-birth" if words & _BIRTH else "admission-date"
        elif shape.startswith("age"):
            kind = _age_kind(text, shape, end, words)
        elif shape == "number":
            kind = _number_kind(text[start:end], words)
        else:
            kind = shape
        if kind and (
            _about_a_person(words) or (_owned(words, _OWNED.get(kind, frozenset())) and words.isdisjoint(_COHORT))
        ):
            out.append((kind, start, end))
    if out and known:
        starts = {start for _, start, _ in out}
        seen_spans = {(start, end, kind) for start, end, _, kind in known if start in starts}
        out = [(kind, start, end) for kind, start, end in out if (start, end, kind) not in seen_spans]
    return out
