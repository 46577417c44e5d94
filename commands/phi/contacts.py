"""Phones and emails the first-generation patterns miss: numbers after a phone word, slashed and international
shapes, and personal mailboxes (not a team's). One of the second-generation detector families, each in its own file.

All patterns are bounded, so a scan stays linear in the text length.
"""

from __future__ import annotations

import re

from commands.phi.alternations import _by_first_letter
from commands.phi.care import _window, clinical_found, project_found
from commands.phi.namewords import _wordset
from commands.phi.people import _FREEMAIL, _registrable_label
from commands.phi.shared import _DATE, _I, _digits, _matches, has_any, matches_at, text_digits, word_starts

# --- phones the first generation missed ---------------------------------------------------------------------------
_PHONE_CTX = re.compile(
    r"\b(?:"
    + _by_first_letter(
        r"phones?|ph|tel|telephone|cell|mobile|mob|fax|pager|beeper|bleep|ext|extension|contact|call(?:ed)?"
        r"|callback|text|sms|number\s{1,3}is|reach(?:ed|able)?\s{1,3}at|answering|dial(?:led)?"
    )
    + r")\b\.?\s{0,3}"
    r"(?:(?:her|him|them|me|us|pt|patient|back|the\s{1,3}patient|the\s{1,3}family)\s{1,3})?"
    r"(?:(?:is|at|on|using|via|number|no|contact|\#)\s{0,3}){0,2}(?:[:#=]|>>|/(?=\s)|\|)?\s{0,3}"
    # (a hyphen that breaks the line after the number is a word break, not more of it: "(555) 325-8359-\n")
    r"(?P<v>\+?\(?\d{1,4}\)?(?:[ ./-]{0,2}\(?\d{1,5}\)?){0,5})(?!\w|-(?![ \t]{0,3}(?:\n|$))|\.\d)",
    _I,
)
# The words the pattern above starts with (each a whole word): an ASCII text with none of them is not searched.
_PHONE_CTX_WORDS = frozenset(
    [
        "phone",
        "phones",
        "ph",
        "tel",
        "telephone",
        "cell",
        "mobile",
        "mob",
        "fax",
        "pager",
        "beeper",
        "bleep",
        "ext",
        "extension",
        "contact",
        "call",
        "called",
        "callback",
        "text",
        "sms",
        "number",
        "reach",
        "reached",
        "reachable",
        "answering",
        "dial",
        "dialled",
    ]
)
# Where the pattern above can start: it is tried only there (see shared.matches_at).
_PHONE_CTX_STARTS = word_starts(
    *("ph", "tel", "cell", "mob", "fax", "pager", "beeper", "bleep", "ext", "contact", "call", "text", "sms"),
    *("number", "reach", "answering", "dial"),
)
_SLASHED = re.compile(r"(?P<v>[2-9](?<![\w/].)\d{2}/[2-9]\d{2}/\d{4})(?![\w/])")
# _SLASHED led by its first slash, the three digits before it read behind (a literal the engine skips to, several
# times faster than a digit): see _slashed_spans.
_SLASHED_FIRST = re.compile(r"/(?<=(?<![\w/])[2-9]\d{2}/)[2-9]\d{2}/\d{4}(?![\w/])")


def _slashed_spans(text: str) -> list[tuple[int, int]]:
    """The spans of ``_matches(_SLASHED, text)`` (a match is all its group "v"; two never overlap: one starts after
    neither a word character nor a slash, and each is led by one slash that has three digits before it)."""
    return [(m.start() - 3, m.end()) for m in _SLASHED_FIRST.finditer(text)]


_INTL = re.compile(
    r"(?P<v>\+(?<![\w+].)(?:\d{1,3}|\(\d{1,3}\))[ .-]?(?:\(0\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,5})(?![\w-]|\.\d)"
)


# An HL7 v2 segment about a person (the patient, a next of kin, a guarantor, an insured): its phone fields.
_HL7_PERSON_SEGMENT = re.compile(r"(?m)^(?:PID|NK1|GT1|IN1|IN2|PD1|MRG)\|")
_HL7_PHONE = re.compile(r"(?<=[|^~])(?P<v>\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4})(?=[|^~\r\n]|$)")
_WHOLE_DATE = re.compile(_DATE, _I)  # compiled once (a call of re.fullmatch looks its pattern up every time)
_PAGER = re.compile(r"(?i)pager|beeper|bleep")
_TOLL_FREE = re.compile(r"(?:\+?1[-. ]?)?\(?8(?:00|33|44|55|66|77|88)\)?[-. ]?\d{3}[-. ]?\d{4}(?!\d)")


def find_phones(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    if text_digits(text) < 4:
        return out
    gated = text.isascii() and not has_any(text, _PHONE_CTX_WORDS)
    for m in () if gated else matches_at(_PHONE_CTX, _PHONE_CTX_STARTS, text):
        v = m.group("v")
        d = _digits(v)
        if _WHOLE_DATE.fullmatch(v):
            continue  # "call on 2024-03-12" is a date (the date rules judge it), not a number to call
        if _TOLL_FREE.match(v):
            continue  # "call 1-800-555-0199": an organisation's toll-free line, never a person's
        if 7 <= d <= 15 or (4 <= d <= 7 and _PAGER.match(m.group(0))):
            out.append(m.span("v"))
    if "|" in text and _HL7_PERSON_SEGMENT.search(text):
        out.extend(m.span("v") for m in _matches(_HL7_PHONE, text))
    if "/" in text:
        out.extend(_slashed_spans(text))
    if "+" in text:
        out.extend(m.span("v") for m in _matches(_INTL, text) if 8 <= _digits(m.group("v")) <= 15)
    return out


# --- emails --------------------------------------------------------------------------------------------------------
_EMAIL = re.compile(r"(?<![\w.+-])(?P<v>(?P<l>[\w.+-]{1,64})@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){1,6})(?![\w-])")
# Mailboxes of a team or a system, not of a person.
_ROLE_MAILBOX = re.compile(
    r"(?i)(?:no-?reply|do-?not-?reply|support|help(?:desk)?|service-?desk|servicedesk|it-?support|admin|info|webmaster"
    r"|postmaster|security|privacy|compliance|hr|sales|billing|contact|team|office|opencode|abuse|root|dev|ops|noc"
    r"|pmo|epic|cerner|interfaces?|integration|hl7|alerts?|notifications?)(?:[._+-][a-z0-9]{1,12})?"
)
# The words a team's or a service's mailbox is made of ("patient-portal@", "patient.experience@", "patientsafety@",
# "discharge-lounge@"): a local part made only of them, joined or not, is not a person's name.
_TEAM_PIECES = _wordset(
    """
    patient patients portal experience safety access relations transport feedback survey surveys pals liaison
    advocacy records team teams lounge discharge discharges admission admissions booking bookings appointments
    referrals referral enquiries enquiry queries results scheduling registration flow bed beds bureau desk mailbox
    inbox wards clinic clinics office services service care nursing pharmacy lab radiology imaging theatres estates
    facilities catering comms communications it ehr emr epr project projects programme program training education
    quality governance risk informatics digital health hub centre center unit dept department coordinator
    coordination admin finance billing support helpdesk servicedesk info contact noreply no reply complaints
    privacy security compliance pmo change release cutover golive go live ops
    """
)
_LONGEST_PIECE = max(map(len, _TEAM_PIECES))


def team_mailbox(address: str) -> bool:
    """Whether an address's local part is made only of a team's or a service's words (see _TEAM_PIECES)."""
    local, _, domain = address.lower().partition("@")
    if "." not in domain or _registrable_label(domain) in _FREEMAIL:
        return False  # a free mailbox is a person's, whatever its name
    return bool(local) and all(_made_of_pieces(p) for p in re.split(r"[._+-]", local))


def _made_of_pieces(word: str) -> bool:
    """Whether a word is one or more of _TEAM_PIECES run together ("patientsafety"): one pass, the pieces read
    only from where the pieces before reach (at most _LONGEST_PIECE from each), so a person's "jsmith" is read from
    its first letter only."""
    if not word:
        return False
    n = len(word)
    reached = [True] + [False] * n
    for j in range(n):
        if reached[j]:
            for i in range(j + 1, min(n, j + _LONGEST_PIECE) + 1):
                if word[j:i] in _TEAM_PIECES:
                    reached[i] = True
    return reached[n]


_MY = re.compile(r"\b(?:my|your|his|her|their|patient['’]?s?|pt['’]?s?|e-?mail|from|contact)\b[^@\n]{0,25}$", _I)


# A run of local-part characters, read backwards from an at sign (at most 64 characters: a longer run holds no
# address).
_LOCAL_PART = re.compile(r"[\w.+-]{1,64}")


def _email_matches(text: str) -> list[re.Match[str]]:
    """What ``list(_matches(_EMAIL, text))`` gives. An address starts where the run of local-part characters before
    its at sign starts, so the pattern is tried there only, not at each word of the text. (The run is read
    backwards, and not past the at sign before: each character is read once or twice, a scan stays linear.)"""
    if text.count("@") > 16:
        return list(_matches(_EMAIL, text))  # (a Python step per at sign costs more than the search then)
    found = []
    before = -1
    at = text.find("@")
    while at >= 0:
        run = _LOCAL_PART.match(text[max(0, at - 64, before + 1) : at][::-1])
        m = _EMAIL.match(text, at - run.end()) if run else None
        if m is not None:
            found.append(m)
        before, at = at, text.find("@", at + 1)
    return found


def find_emails(text: str) -> list[tuple[int, int]]:
    """A person's mailbox: said to be someone's ("my email is", "Email:"), or not a team's and not in a
    sentence about the project ("jane.doe@hospital.org owns the ADT interface build" is a colleague)."""
    out: list[tuple[int, int]] = []
    if "@" not in text:
        return out  # every address has an at sign
    for m in _email_matches(text):
        personal = _MY.search(text[max(0, m.start() - 30) : m.start()])
        if not personal:
            if _ROLE_MAILBOX.fullmatch(m.group("l")):
                continue
            left, right = _window(text, m.start(), m.end(), before=80, after=80)
            if project_found(left + " " + right) and not clinical_found(left + " " + right):
                continue
        out.append(m.span("v"))
    return out
