"""Detectors for identifier numbers: SSN, MRN, health-plan and account numbers, device serials, IP addresses,
phone and fax numbers. Each returns (start, end) spans."""

from __future__ import annotations

import ipaddress
import re

from commands.phi.labels import _vendor_account
from commands.phi.shared import (
    _FILL,
    _I,
    _IDVAL,
    _digits,
    _matches,
    has_any,
    matches_at,
    small_matches,
    text_digits,
    word_starts,
)

# ---------------------------------------------------------------------------
# Individual detectors.  Each returns (start, end) spans.
# ---------------------------------------------------------------------------

# --- SSN -------------------------------------------------------------------
_SSN_DASHED = re.compile(r"(?P<v>\d(?<![\w-].)\d{2}-\d{2}-\d{4})(?![\w-])")
_SSN_CTX = re.compile(
    r"\b(?:ssn|ss\#|soc(?:ial)?\.?\s{0,3}sec(?:urity)?\.?)"
    r"(?:\s{0,3}(?:\#|no\b\.?|num(?:ber)?\b))?\s{0,3}[:#=]?\s{0,3}"
    r"(?P<v>\d{3}[- ]?\d{2}[- ]?\d{4})(?![\w-])",
    _I,
)
_SSN_CTX_SMALL = re.compile(_SSN_CTX.pattern)  # without IGNORECASE, for small letters (shared.small_matches)
# _SSN_DASHED led by its first hyphen, the three digits before it read behind: the engine skips to a literal several
# times faster than to a digit (see ssn_dashed_spans).
_SSN_FIRST_DASH = re.compile(r"-(?<=(?<![\w-])\d{3}-)\d{2}-\d{4}(?![\w-])")


def ssn_dashed_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_matches(_SSN_DASHED, text)`` (a match is all its group "v"; two never overlap: one starts
    after neither a word character nor a hyphen, and each is led by one hyphen that has three digits before it)."""
    return [(m.start() - 3, m.end()) for m in _SSN_FIRST_DASH.finditer(text)]


_NOT_DIGITS = re.compile(r"\D")


def _ssn_ok(v: str) -> bool:
    d = _NOT_DIGITS.sub("", v)
    area, group, serial = d[:3], d[3:5], d[5:]
    return area not in ("000", "666") and area[0] != "9" and group != "00" and serial != "0000"


def _find_ssn(text: str) -> list[tuple[int, int]]:
    out = [(start, end) for start, end in ssn_dashed_spans(text) if _ssn_ok(text[start:end])]
    if has_any(text, _SSN_WORDS):
        for m in small_matches(_SSN_CTX, _SSN_CTX_SMALL, text):
            if _ssn_ok(m.group("v")):
                out.append(m.span("v"))
    return out


_SSN_WORDS = frozenset({"ssn", "ss", "soc", "social"})


# --- MRN / encounter / FIN ------------------------------------------------
_MRN = re.compile(
    r"(?:"
    r"\bmrn\b|\bmr\s?\#|\bmr\s?no\b\.?"
    r"|\bmedical\s{1,3}record\b|\bmed\.?\s{0,3}rec(?:ord)?\b\.?"
    r"|\bcharts?\b|\bencounter\b|\benc\b\.?|\bvisit\b"
    r"|\b(?-i:FIN|CSN|HAR)\b|\b(?:fin|csn|har)\s?\#"
    r"|\b(?:patient|pt)(?:['’]s)?\s{0,3}(?:\#|id\b|no\b\.?|num(?:ber)?\b)"
    r")" + _FILL + _IDVAL,
    _I,
)


# Every word one of _MRN's keywords starts with (a superset: a keyword found means the pattern may match).
_MRN_WORDS = frozenset(
    {
        "mrn",
        "mr",
        "medical",
        "med",
        "chart",
        "charts",
        "encounter",
        "enc",
        "visit",
        "fin",
        "csn",
        "har",
        "patient",
        "pt",
    }
)


# Where one of _MRN's keywords starts a word: the pattern is tried only there (see shared.matches_at).
_MRN_STARTS = word_starts("mr", "med", "chart", "enc", "visit", "fin", "csn", "har", "patient", "pt")


def _find_mrn(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not has_any(text, _MRN_WORDS):
        return out
    for m in matches_at(_MRN, _MRN_STARTS, text):
        v = m.group("v")
        if _digits(v) >= 5 and not _looks_like_date(v):
            out.append(m.span("v"))
    return out


def _looks_like_date(v: str) -> bool:
    return _DASHED_DATE.fullmatch(v) is not None


_DASHED_DATE = re.compile(
    r"(?:19|20)\d\d-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-(?:19|20)?\d\d"
    r"|\d{1,2}-?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)-?(?:19|20)\d\d",  # "16APR2016"
    re.IGNORECASE,
)
_YEAR_NUMBER = re.compile(r"(?:19|20)\d\d-\d{1,4}")


# --- health plan / account numbers ---------------------------------------
_PLAN = re.compile(
    r"(?:"
    r"\bmember\b|\bmem\s{0,2}id\b|\bsubscriber\b|\bsubscr?\b\.?|\bpolicy\b|\bpol\s{0,2}\#"
    r"|\bgroup\s{0,2}(?:\#|no\b\.?|num(?:ber)?\b)|\bgrp\s{0,2}\#"
    r"|\binsurance\s{0,2}(?:id\b|\#|no\b\.?|num(?:ber)?\b)|\bins\s{0,2}id\b"
    r"|\bbeneficiary\b|\bmedicare\b|\bmedicaid\b|\bmbi\b|\bhicn?\b"
    r"|\bacct\b\.?|\baccount\b"
    r")" + _FILL + _IDVAL,
    _I,
)
# Medicare Beneficiary Identifier: distinctive enough to flag without context.
_MBI_LETTER = "[AC-HJKMNP-RT-Y]"
_MBI = re.compile(
    rf"(?P<v>[1-9](?<![\w-].){_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?"
    rf"{_MBI_LETTER}[{_MBI_LETTER[1:-1]}0-9]\d-?{_MBI_LETTER}{{2}}\d{{2}})(?![\w-])"
)


_PLAN_WORDS = frozenset(
    {
        "member",
        "mem",
        "subscriber",
        "subsc",
        "subscr",
        "policy",
        "pol",
        "group",
        "grp",
        "insurance",
        "ins",
        "beneficiary",
        "medicare",
        "medicaid",
        "mbi",
        "hic",
        "hicn",
        "acct",
        "account",
    }
)


_PLAN_STARTS = word_starts("mem", "subsc", "pol", "group", "grp", "ins", "beneficiary", "medica", "mbi", "hic", "acc")


def _find_plan(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if not has_any(text, _PLAN_WORDS):
        out.extend(m.span("v") for m in _matches(_MBI, text))
        return out
    for m in matches_at(_PLAN, _PLAN_STARTS, text):
        v = m.group("v")
        # Year-prefixed document numbers ("policy 2025-014") are not member ids.
        if _digits(v) >= 5 and not _YEAR_NUMBER.fullmatch(v) and not _looks_like_date(v):
            if _vendor_account(text, m.start(), m.end()):
                continue  # the organisation's account with a vendor, not a patient's
            out.append(m.span("v"))
    out.extend(m.span("v") for m in _matches(_MBI, text))
    return out


# --- device serial numbers -------------------------------------------------
_SERIAL = re.compile(
    r"(?:\bS/N\b|(?-i:\bSN\b)|\bserial\b|\bser\b\.?\s{0,2}no\b\.?)" + _FILL + _IDVAL,
    _I,
)


_SERIAL_STARTS = word_starts("s/n", "sn", "ser")


def _find_serial(text: str) -> list[tuple[int, int]]:
    if not has_any(text, frozenset({"s", "sn", "serial", "ser"})):
        return []
    return [m.span("v") for m in matches_at(_SERIAL, _SERIAL_STARTS, text) if _digits(m.group("v")) >= 2]


# --- IP addresses ---------------------------------------------------------------
_OCTET = r"(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)"
# Led by a digit, the look-behind after it (shared.py's speed idiom) and the first octet's other digits chosen by the
# first one, in the order _OCTET tries them: the same matches as rf"(?<![\w.])(?P<v>{_OCTET}(?:\.{_OCTET}){{3}})…".
_IPV4 = re.compile(
    rf"(?P<v>\d(?<![\w.].)(?:(?<=2)(?:5[0-5]|[0-4]\d)|(?<=1)\d\d|(?<=[1-9])\d|)(?:\.{_OCTET}){{3}})(?![\w]|\.\d)"
)
_IPV6 = re.compile(r"(?<![\w:.])(?P<v>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7})(?![\w:])")
_VERSIONISH = re.compile(
    r"\b(?:v|ver|version|build|release|rel|patch|rev|revision|firmware|fw|sw|client|agent|level|wbs|task"
    r"|section|sec|step|item|clause|ref|oid|snomed|loinc|icd(?:-?10)?|cpt)\.?\s{0,3}[:#]?\s{0,3}$",
    _I,
)


# What every IPv4 address has (a digit-led pattern the engine skips to): a text without it is not searched.
# (Led by its first dot, the digit before it read behind: the same texts as r"\d\.\d{1,3}\.\d{1,3}\.\d", faster.)
_DOTTED = re.compile(r"\.(?<=\d\.)\d{1,3}\.\d{1,3}\.\d")


_TWO_COLONS = re.compile(r":[0-9A-Fa-f]{0,4}:")
_CIDR = re.compile(r"/\d{1,2}(?!\d)")


def _find_ip(text: str) -> list[tuple[int, int]]:
    out = []
    four = text.count(".") >= 3 and _DOTTED.search(text)  # an IPv4 address has three dots
    for m in _matches(_IPV4, text) if four else ():
        if _VERSIONISH.search(text[max(0, m.start() - 20) : m.start()]):
            continue
        if _CIDR.match(text, m.end(), m.end() + 3):
            continue  # a network in CIDR notation ("10.40.0.0/16"), not a host
        out.append(m.span("v"))
    six = text.count(":") >= 2 and _TWO_COLONS.search(text)  # an IPv6 address has two colons, 0-4 hex digits apart
    for m in _matches(_IPV6, text) if six else ():
        v = m.group("v")
        if v.count(":") < 2 or sum(1 for g in v.split(":") if g) < 3:
            continue
        try:
            addr = ipaddress.IPv6Address(v)
        except ValueError:
            continue
        if addr.is_loopback or addr.is_unspecified:
            continue
        out.append(m.span("v"))
    return out


# --- phone / fax -------------------------------------------------------------------
_SEP = r"[-. ]"
_PHONE_NANP = re.compile(
    r"(?<![\w+])(?P<v>(?:\+?1[-. ]?)?(?:\((?P<a1>\d{3})\)\s?|(?P<a2>\d{3})[-. ])"
    r"(?P<x>\d{3})[-. ]\d{4}(?:\s?(?:x|ext\.?|extn\.?)\s?\d{1,6})?)(?![\w-]|\.\d)"
)
_PHONE_INTL = re.compile(
    r"(?P<v>\+(?<![\w+].)(?!1\b)\d{1,3}(?:[-. ]?\(\d{1,4}\)\d{0,5})?(?:[-. ]\d{1,5}){1,5}"
    r"(?:\s?(?:x|ext\.?)\s?\d{1,6})?)(?![\w-]|\.\d)"
)
_PHONE_BARE = re.compile(
    r"\b(?:phone|ph|tel|telephone|cell|cellphone|mobile|mob|fax|cb|call(?:ed)?|callback|vm"
    r"|voicemail|text|sms|contact|home|work)\b[^\d\n]{0,15}"
    r"(?<![\w+])(?P<v>1?\d{10})(?!\w)",
    _I,
)
_PHONE_BARE_SMALL = re.compile(_PHONE_BARE.pattern)  # without IGNORECASE, for small letters (shared.small_matches)
_PHONE_BARE_WORDS = frozenset(
    [
        "phone",
        "ph",
        "tel",
        "telephone",
        "cell",
        "cellphone",
        "mobile",
        "mob",
        "fax",
        "cb",
        "call",
        "called",
        "callback",
        "vm",
        "voicemail",
        "text",
        "sms",
        "contact",
        "home",
        "work",
    ]
)
_TOLL_FREE = {"800", "833", "844", "855", "866", "877", "888"}


# A NANP phone's exchange and line ("555-0143"): the phone starts at most nine characters before them, so the
# pattern is tried only there. Ten digits in a row: what a bare phone needs.
_EXCHANGE_LINE = re.compile(r"\d{3}[-. ]\d{4}")
_TEN_DIGITS = re.compile(r"\d{10}")


def _nanp_matches(text: str) -> list[re.Match[str]]:
    """What ``list(_matches(_PHONE_NANP, text))`` gives."""
    starts = sorted({p for e in _matches(_EXCHANGE_LINE, text) for p in range(max(0, e.start() - 9), e.start() - 3)})
    return [m for p in starts if (m := _PHONE_NANP.match(text, p)) is not None]


_CONTACT_BEFORE = re.compile(r"\b(?:contact|call|phone|tel|cell|mobile|reach|text|fax|number)\b", re.IGNORECASE)


def _find_phone(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if text_digits(text) < 7:
        return out  # every phone below has seven digits or more
    for m in _nanp_matches(text) if text_digits(text) >= 10 else ():
        area, exch = m.group("a1") or m.group("a2"), m.group("x")
        if area[0] in "01" or area in _TOLL_FREE:
            continue
        if exch[0] in "01" and not (area == "555" and _CONTACT_BEFORE.search(text, max(0, m.start() - 60), m.start())):
            continue  # no exchange starts with 0 or 1 — but "contact John … or 555-123-4567", the fictional 555 area
        out.append(m.span("v"))
    for m in _matches(_PHONE_INTL, text) if "+" in text else ():
        if 8 <= _digits(m.group("v")) <= 15:
            out.append(m.span("v"))
    bare = (
        small_matches(_PHONE_BARE, _PHONE_BARE_SMALL, text)
        if has_any(text, _PHONE_BARE_WORDS) and _TEN_DIGITS.search(text)
        else ()
    )
    for m in bare:
        d = m.group("v")[-10:]
        if d[0] in "01" or d[3] in "01" or d[:3] in _TOLL_FREE:
            continue
        out.append(m.span("v"))
    return out
