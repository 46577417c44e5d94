"""Labelled identifiers and payment numbers: a value right after a label ("Medicare no.", "NHS number"), and card
and IBAN numbers that pass their check digits. One of the second-generation detector families, each in its own file.

All patterns are bounded, so a scan stays linear in the text length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from commands.phi.care import _window, clinical_found
from commands.phi.shared import (
    _I,
    _digits,
    _matches,
    case_blind_found,
    has_any,
    matches_at,
    text_digits,
    word_starts,
    words_of,
)

# --- payment cards and bank accounts ---------------------------------------------------------------------------
_CARD = re.compile(r"(?P<v>\d(?<![\w-].)(?:[ -]?\d){11,18})(?![\w-])")
_IBAN = re.compile(r"(?P<v>[A-Z](?<![\w-].)[A-Z]\d{2}(?: ?[A-Z0-9]){11,30})(?![\w-])")


# Small patterns of the checks below, compiled once (a call of re.match looks its pattern up every time).
_NOT_DIGITS = re.compile(r"\D")
_ACCOUNT_LABEL = re.compile(r"(?i)(?:bank|account|acct|billing|ledger|financ)")
_YEAR_OR_DATE = re.compile(r"(?:19|20)\d\d(?:-\d{1,2}){0,2}")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


def _iban_ok(v: str) -> bool:
    s = v.replace(" ", "")
    moved = s[4:] + s[:4]
    num = "".join(str(int(c, 36)) for c in moved)
    return len(s) >= 15 and int(num) % 97 == 1


def find_cards(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _matches(_CARD, text) if text_digits(text) >= 12 else ():
        d = _NOT_DIGITS.sub("", m.group("v"))
        # no card number starts with 0 ("00 33 7 01 30 24 09" is a phone number dialled from abroad)
        if 13 <= len(d) <= 19 and d[0] != "0" and _luhn(d) and len(set(d)) >= 2:
            out.append(m.span("v"))
    out.extend(
        m.span("v")
        for m in _matches(_IBAN, text)
        if _iban_ok(m.group("v")) and not _vendor_account(text, m.start(), m.end(), iban=True)
    )
    return out


# --- labelled numbers the first generation missed --------------------------------------------------------------
_GAP = (
    r"\.?(?:\s{0,2}\([^()\n]{1,24}\))?(?:\s{1,3}(?:(?:is|was|of|no|number|num|nbr|id|identifier|ref|reference|key|given"
    r"|as|ending)\b\.?|\#)){0,4}"
    r"\s{0,3}(?:\#?[:=]|\#|>>|/(?=\s)|\|)?[ \t]{0,12}[#(]?"
)
# A value: letters and digits with inner hyphens or slashes, or digits in groups with single spaces ("224 501 8243",
# "2123 45670 1"): all of it, so that a redaction leaves none of it behind.
_VAL = r"(?P<v>(?:\d{2,5}(?: \d{1,6}){1,3}(?![\w-])|[A-Za-z0-9](?:[A-Za-z0-9/-]{1,38}[A-Za-z0-9])?)(?![A-Za-z0-9-]))"
# A national number's shapes: SSN/SIN/TFN (3-2-4, 3-3-3), Aadhaar (4-4-4), Irish PPS (7 digits and a letter or
# two), Swedish personnummer (6 or 8 digits, a dash, 4), UK National Insurance (QQ 12 34 56 C).
_SSN_VAL = (
    r"(?P<v>\d{3}[-. /]?\d{2,3}[-. /]?\d{3,4}|\d{4}[ -]?\d{4}[ -]?\d{4}|\d{7}[A-Wa-w][A-Wa-w]?|\d{6}(?:\d\d)?[-+]\d{4}"
    r"|[A-Za-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[A-Da-d])(?![\w-])"
)
_LABELLED = {
    "mrn": re.compile(
        r"(?:\bmrn\b|\bm\.\s?r\.\s?n\b\.?|\b(?-i:MR|EMR)\b\.?\s{0,2}(?=[:#])|\bmed[i1l]cal[\s-]{1,3}(?:record|file)(?:\s{1,3}number)?\b"
        r"|\bchart\s{1,3}(?:no|number|id|key|ref|reference)\b"
        r"|\b(?:patient|hospital|hosp)\.?\s{1,3}(?:id|number|no)\b|\bclient\s{0,2}(?:\#|id|no)"
        r"|\b(?:encounter|visit|accession|case)\s{1,3}(?:id|\#|no|n0|number|key|ref|reference)\b)" + _GAP + _VAL,
        _I,
    ),
    "plan-number": re.compile(
        r"(?:\bhealth\s{1,3}(?:plan|card|insurance)\b|\b(?:plan|policy|member|subscriber|group)(?:\s{1,3}holder['’]?s?)?\s{1,3}(?:id|\#|no|number)\b"
        r"|\binsurance(?<!social\sinsurance)(?<!national\sinsurance)(?:\s{1,3}(?:plan|number|no|id))?\b|\binsurer\b|\b(?-i:HMO|PPO|OHIP|HCN|RAMQ|MSP)\b"
        r"|\b(?:bank(?:ing)?\s{1,3})?account\s{0,3}(?:\#|number|no\b|ref(?:erence)?\b)|\bacct\b|(?<!warranty\s)\bclaim\b|\biban\b"
        r"|\b(?:billing|ledger|finance|financial)\s{1,3}(?:account|reference|ref)\b|\binsurance\s{1,3}identifier\b"
        r"|\b(?:credit|debit)\s{1,3}card\b|\bcard\s{1,3}(?:number|no|\#)|\bcc\b|\bcard\b(?=\s{0,2}:?\s{1,3}\d)"
        r"|\bdriver['’]?s?\s{1,3}licen[cs]e\b|\bpassport\b)" + _GAP + _VAL,
        _I,
    ),
    "ssn": re.compile(
        r"(?:\bssn\b|\bs\.\s?s\.\s?n\b\.?|\bitin\b|\btaxpayer\s{1,3}(?:id|number)\b|\bsocial\s{1,3}(?:security|insurance)(?:\s{1,3}(?:number|no))?\b"
        r"|\b(?-i:SIN)\b|\bsin(?:\s{1,3}(?:number|no)|\s{0,3}\#)|\bss\s{0,2}(?:\#|number\b|no\b))"
        + _GAP
        + r"-?"
        + _SSN_VAL,
        _I,
    ),
}


# Labels looked for only in a text with one of their words (they are rare; most texts skip their search).
_LABELLED_RARE = (
    (
        "ssn",
        re.compile(
            r"(?:\btax\s{1,3}id\b|\bsoc\.?\s{0,3}sec\b\.?|\bsocial\b(?=\s{0,3}(?:[:#]|is\b|was\b))"
            r"|\b(?:aadh?aar|ppsn?|tfn|tax\s{1,3}file\s{1,3}number|bsn|personnummer|cpr|nino)\b"
            r"|\b(?:national\s{1,3}(?:id(?:entity)?|insurance)|ni)\s{0,3}(?:card\s{1,3})?(?:number|no|\#|id)?(?![\w-]))"
            + _GAP
            + _SSN_VAL,
            _I,
        ),
        frozenset(
            {"tax", "soc", "social", "aadhaar", "aadhar", "pps", "ppsn", "tfn", "bsn", "personnummer", "cpr", "nino"}
            | {"national", "ni"}
        ),
    ),
    (
        "mrn",
        re.compile(
            r"(?:\bhealth\s{1,3}record(?:\s{1,3}(?:number|no))?\b"
            r"|\bacc\s{0,2}\#|\b(?:requisition|unit|ur|rx|prescription|specimen|accession)\s{0,3}"
            r"(?:id|\#|no|n0|number|key|ref|reference)(?!\w)|\b(?:specimen|accession)\b|\b(?-i:NHS|CHI|IHI|NHI|UPI|URN|EMPI|MPI)\b)"
            + _GAP
            + _VAL,
            _I,
        ),
        frozenset(
            {"requisition", "ur", "rx", "prescription", "nhs", "chi", "ihi", "nhi", "upi", "urn"}
            | {"specimen", "accession", "acc", "empi", "mpi"}
        ),
    ),
    (
        "plan-number",
        re.compile(
            r"\b(?:bcbs|blue\s{1,3}(?:cross|shield)|aetna|cigna|humana|uhc|anthem|kaiser|tricare|medi-?cal)\s{0,3}"
            r"(?:member\s{1,3})?(?:id|\#|no|number)(?!\w)" + _GAP + _VAL,
            _I,
        ),
        frozenset({"bcbs", "blue", "aetna", "cigna", "humana", "uhc", "anthem", "kaiser", "tricare", "medi"}),
    ),
)
_UNIT_RECORD = frozenset({"unit", "record"})
_NUMBER_WORDS = frozenset({"number", "no", "nbr", "id"})
# A piece of every label above, in small letters: a label whose pieces are all absent from an ASCII text cannot
# match, so its search is skipped (a text with other characters is always searched: "ſ" matches "s" ignoring case).
_LABEL_PIECES = {
    "mrn": (
        "mr",
        "m.r",
        "med",
        "chart",
        "patient",
        "hosp",
        "client",
        "encounter",
        "visit",
        "accession",
        "case",
    ),
    "plan-number": (
        *("health", "plan", "policy", "member", "subscriber", "group", "insur", "hmo", "ppo", "ohip", "hcn"),
        *("ramq", "msp", "account", "acct", "claim", "iban", "billing", "ledger", "financ", "card", "cc"),
        *("driver", "passport"),
    ),
    "ssn": (),
}
# Labels that are short or common pieces of other words ("ni" in "clinic"): looked for as whole words.
_LABEL_WORDS = {
    "mrn": frozenset(),
    "plan-number": frozenset(),
    "ssn": frozenset({"ssn", "ss", "itin", "taxpayer", "social", "sin", "n"}),  # "n": S.S.N.
}


_VENDOR = re.compile(
    r"\b(?:vendor|supplier|azure|aws|gcp|cloud|sftp|api|subscription|invoice[sd]?|renew(?:al|ed)?|licen[cs]e[sd]?"
    r"|gl|general\s{1,3}ledger|cost\s{1,3}cent(?:er|re)|software|hardware"
    r"|contract|procurement|saas|tenant)\b",
    _I,
)
_VENDOR_SMALL = re.compile(_VENDOR.pattern)  # without IGNORECASE, for small letters (shared.case_blind_found)


def _vendor_account(text: str, start: int, end: int, iban: bool = False) -> bool:
    """An account of the organisation with a vendor ("our billing account 44120038 with the vendor renewed"), not a
    patient's: the label is an account's, a vendor or cloud word is nearby, and no word of care. (Member, policy
    and plan numbers are always a person's.)"""
    if not iban and not _ACCOUNT_LABEL.match(text, start, end):
        return False
    left, right = _window(text, start, end, before=60, after=60)
    around = left + " " + right
    return case_blind_found(_VENDOR, _VENDOR_SMALL, around) and not clinical_found(around)


def _at_words(rx: re.Pattern[str], text: str, lower: str, words: frozenset[str]) -> Iterator[re.Match[str]]:
    """The matches of a pattern that starts with one of the words, tried only where the words are (a few
    ``str.find`` calls instead of a search at every position); a text with other characters is searched."""
    if not lower:
        yield from _matches(rx, text)
        return
    starts: set[int] = set()
    for w in words & words_of(text):
        i = lower.find(w)
        while i >= 0:
            starts.add(i)
            i = lower.find(w, i + 1)
    for i in sorted(starts):
        m = rx.match(text, i)
        if m:
            yield m


# Where each label above can start (see shared.matches_at): its pattern is tried only there.
_LABEL_STARTS = {
    "mrn": word_starts(
        *("m.", "mr", "emr", "med", "chart", "patient", "hosp", "client", "encounter", "visit", "accession", "case"),
    ),
    "plan-number": word_starts(
        *("health", "plan", "policy", "member", "subscriber", "group", "insur", "hmo", "ppo", "ohip", "hcn", "ramq"),
        *("msp", "bank", "account", "acct", "claim", "iban", "billing", "ledger", "financ", "credit", "debit", "card"),
        *("cc", "driver", "passport"),
    ),
    "ssn": word_starts("ss", "s.", "itin", "taxpayer", "social", "sin"),
}


def find_labelled(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    if text_digits(text) < 4:
        return out  # every labelled value has at least four digits
    lower = text.lower() if text.isascii() else ""
    rules: list[tuple[str, Iterator[re.Match[str]]]] = [
        (kind, iter(matches_at(rx, _LABEL_STARTS[kind], text)))
        for kind, rx in _LABELLED.items()
        if not lower or any(piece in lower for piece in _LABEL_PIECES[kind]) or has_any(text, _LABEL_WORDS[kind])
    ]
    unit_record = has_any(text, _UNIT_RECORD) and has_any(text, _NUMBER_WORDS)  # "unit number 30-800273"
    for i, (kind, rx, words) in enumerate(_LABELLED_RARE):
        if has_any(text, words) or (unit_record and i == 1):
            rules.append((kind, _at_words(rx, text, lower, words | _UNIT_RECORD | {"health"})))
    for kind, found in rules:
        for m in found:
            v = m.group("v")
            need = 6 if kind == "ssn" else 4
            if _digits(v) < need:
                continue
            if kind != "ssn" and _YEAR_OR_DATE.fullmatch(v):
                continue  # a year or a date, not an identifier
            if kind == "plan-number" and _vendor_account(text, m.start(), m.end()):
                continue
            out.append((kind, m.start("v"), m.end("v")))
    return out
