"""Allowances a workspace's PMO admins set (`/pmo phi policy`), and known people: what the guard lets through.

* service-desk: a phone number whose sentence says it is a service desk's, a vendor's or a downtime line
  ("call 416-555-0100 for downtime") passes, unless the sentence is about a patient.
* server-ip: a private-range address next to an infrastructure word ("Server 10.20.30.40 patched") passes,
  unless the sentence ties it to a person ("his home router 10.0.0.7"; hostips.py).
* numbers: phone numbers the admins listed (the vendor's support line) always pass.
* a name that belongs to a person of the workspace (a Rounds user, a project member) is staff, not a patient.
Not settings, but never a person's either: a team's mailbox ("patient-portal@hospital.org", contacts.py), a model's
number or a scanner's serial under the vendor's contract (devices.py).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from commands.phi.contacts import team_mailbox
from commands.phi.devices import not_a_units
from commands.phi.hostips import private_range, server_ip
from commands.phi.leadwords import _no_folds
from commands.phi.letters import staff_contact, staff_self_intro
from commands.phi.people import _has_patient_word
from commands.phi.project import project_allows

# (A new phrase's piece goes in _SERVICE_DESK_PIECES too.)
_SERVICE_DESK = re.compile(
    r"\b(?:service\s{0,2}desk|help\s{0,2}desk|support|vendor|downtime|hotline|call\s{0,2}cent(?:er|re)|on-?call"
    r"|switchboard|account\s{1,3}(?:exec(?:utive)?|manager)|cerner|epic|oracle|meditech|allscripts|pmo|project\s{1,3}office|programme\s{1,3}office|command\s{0,2}cent(?:er|re)|operations\s{1,3}cent(?:er|re)|toll-?free|it\s{1,3}desk|bridge|conference\s{1,3}line|dial-?in|escalation\s{1,3}line|noc)\b",
    re.IGNORECASE,
)
# A piece of text every match of _SERVICE_DESK holds ("desk" of "help desk", "cent" of "call centre", "line" of
# "hotline"): in a sentence with none of them the pattern is not run (see leadwords._no_folds).
_SERVICE_DESK_PIECES = (
    "desk", "support", "vendor", "downtime", "line", "call", "switchboard", "account", "cerner", "epic", "oracle",
    "meditech", "allscripts", "pmo", "office", "cent", "toll", "bridge", "dial", "noc",
)  # fmt: skip
_SERVICE_DESK_PIECE = re.compile("|".join(_SERVICE_DESK_PIECES))  # (one reading of the sentence for all of them)


@dataclass(frozen=True)
class Allowances:
    service_desk: bool = True
    server_ip: bool = True
    numbers: frozenset[str] = frozenset()  # digits only, last ten


def digits_key(number: str) -> str:
    return re.sub(r"\D", "", number)[-10:]


def allowed(text: str, start: int, end: int, kind: str, people: frozenset[str], allow: Allowances) -> bool:
    if kind in ("phone", "email") and staff_contact(text, start, end, kind):
        return True  # a staff signature's phone, a PMO message's From: header (letters.py)
    if kind == "patient-name" and staff_self_intro(text, start, end):
        return True  # "this is Dana Whitfield from the service desk" (letters.py)
    if kind == "email" and team_mailbox(text[start:end]):
        return True  # "patient-portal@hospital.org": a team's mailbox (contacts.py)
    if kind == "device-serial" and not_a_units(text, start, end):
        return True  # a model's identifier, the serial of a CT scanner under the vendor's contract (devices.py)
    if project_allows(text, start, end, kind, allow.service_desk):
        return True  # a project's sentence with no sign of a patient (project.py)
    if kind not in ("patient-name", "phone", "ip-address"):
        return False
    value = text[start:end]
    if kind == "patient-name" and people:
        words = {w.lower() for w in re.findall(r"[A-Za-z][A-Za-z'’-]+", value)}
        return bool(words) and any(words <= known for known in _name_words(people))
    if kind == "phone":
        if digits_key(value) in allow.numbers:
            return True
        sentence = _sentence(text, start, end)
        return allow.service_desk and _service_desk(sentence) and not _has_patient_word(sentence)
    if kind == "ip-address" and allow.server_ip:
        return private_range(value) and server_ip(text, start, end, _sentence(text, start, end))  # (hostips.py)
    return False


def _service_desk(sentence: str) -> bool:
    if _no_folds(sentence) and not _SERVICE_DESK_PIECE.search(sentence.lower()):
        return False
    return bool(_SERVICE_DESK.search(sentence))


@functools.lru_cache(maxsize=32)
def _name_words(people: frozenset[str]) -> tuple[frozenset[str], ...]:
    """Each known person's name as a set of lower-case words ("Maria Santos" -> {"maria", "santos"})."""
    return tuple(frozenset(re.findall(r"[a-z][a-z'’-]+", p.lower())) for p in people)


# A full stop that ends an abbreviation, not a sentence: "call the command centre on ext. 5500".
_ABBREVIATION = re.compile(r"\b(?:ext|no|tel|ph|dr|st|approx|e\.g|i\.e)$", re.IGNORECASE)


_LABEL_ONLY = re.compile(
    r"\s{0,3}(?:mobile|cell|phone|tel|ph|ext|pager|landline|direct|m|t)\b[\w .:#]{0,12}", re.IGNORECASE
)


def _full_stop(s: str, i: int) -> bool:
    return not _ABBREVIATION.search(s, max(0, i - 7), i)


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) a span sits in, at most 120 characters either side."""
    left = text[max(0, start - 120) : start]
    right = text[end : end + 120]
    cut = left.rfind("\n")
    semi = left.rfind("; ")
    if semi > cut and not _LABEL_ONLY.fullmatch(left, semi + 2):
        cut = semi  # a semicolon ends the sentence, unless only a phone's label follows it: "… on Jan 14; mobile 020 …"
    dot = left.rfind(". ")
    while dot > cut and not _full_stop(left, dot):
        dot = left.rfind(". ", 0, dot)
    cut = max(cut, dot)
    if cut >= 0:
        left = left[cut + 1 :]
    stops = [i for i in (right.find("\n"), right.find("; ")) if i >= 0]
    dot = right.find(". ")
    while dot >= 0 and not _full_stop(right, dot):
        dot = right.find(". ", dot + 1)
    if dot >= 0:
        stops.append(dot)
    if stops:
        right = right[: min(stops)]
    return left + text[start:end] + right
