"""A device a person carries, numbered under a plain word: "The device implanted in her carries the identifier
X7781-0021", "The patient's implant is registered under number 7712003344", "He wears a hearing aid numbered
HA20931". The record-number rules read such a value as a record number (or not at all); it is the device's serial
when the words just before the label name a device only a person carries (implant, pacemaker, hearing aid, insulin
pump...), the sentence names the person (or says the device is implanted), and nothing in it says record, ticket
or order ("patient number 1234567 has a pacemaker" stays a record number: its device comes after the label).
"""

from __future__ import annotations

import re

from commands.phi.namewords import _wordset
from commands.phi.shared import _digits, has_any, matches_at, sentence_around, word_starts

# Devices only a person carries (a bedside pump or a monitor is the hospital's): this rule's, devicetables.py's and
# devices.py's (which adds words of its own sentences).
CARRIED_DEVICES = _wordset(
    """
    implant implants implanted explanted pacemaker icd ipg hearing cochlear prosthesis prosthetic insulin cgm
    neurostimulator stimulator lvad transmitter wheelchair cpap bipap
    """
)
_CARRIED = CARRIED_DEVICES
# A person, or a device that is inside one.
_PERSON = _wordset(
    "patient patients pt pts his her hers their him he she client resident mr mrs ms miss recipient wife husband"
    " mother father son daughter implanted explanted"
)
# A sentence of records, tickets, orders, projects or models: its number is not a unit's serial.
_NOT_A_UNIT = _wordset(
    """
    mrn record records chart account acct member policy encounter visit claim fin csn room bed phone fax extension
    ticket tickets incident inc change chg request req ritm jira story epic sprint release version build firmware
    order po invoice quote contract model ref catalog catalogue part lot batch submission report job run reference
    case tracking
    """
)
_LABEL = re.compile(
    r"(?<![\w/])(?:identifier|ident|id|number|numbered|nbr|no\.?|#|code|registered\s{1,2}(?:under|as))"
    r"(?:\s{0,2}(?:is|was|of|reads|:|=|#|>>|-)(?![\w]))?\s{0,3}"
    r"(?P<v>[A-Za-z0-9](?:[A-Za-z0-9-]{2,38}[A-Za-z0-9]))(?![A-Za-z0-9-]|\.\d)",
    re.IGNORECASE,
)
_LABEL_STARTS = word_starts("identifier", "ident", "id", "number", "numbered", "nbr", "no", "code", "registered")
_DEVICE_BEFORE = re.compile(r"[a-z]{1,30}")
_ENDS = re.compile(r"[.!?](?:\s|$)|\n")
_DATE_LIKE = re.compile(r"(?:\d{1,2}|\d{4})[./-](?:0?[1-9]|[12]\d|3[01])[./-](?:\d{2}|\d{4})")  # (not "123-45-6789")


def find_carried_ids(text: str) -> list[tuple[int, int]]:
    """(start, end) of a carried device's value under a plain identifier word, in a sentence of the person."""
    if not (has_any(text, _CARRIED) and has_any(text, _PERSON)):
        return []
    found = []
    starts = [m for m in matches_at(_LABEL, _LABEL_STARTS, text) if _serial_like(m["v"])]
    starts += [m for m in _hash_labels(text) if _serial_like(m["v"])]
    for m in starts:
        before = frozenset(_DEVICE_BEFORE.findall(text[max(0, m.start() - 40) : m.start()].lower()))
        if before.isdisjoint(_CARRIED):
            continue  # (the device must come before its number: "patient number 1234567 has a pacemaker")
        words = frozenset(_DEVICE_BEFORE.findall(sentence_around(text, m.start(), m.end(), _ENDS).lower()))
        if words.isdisjoint(_PERSON) or not words.isdisjoint(_NOT_A_UNIT):
            continue
        found.append(m.span("v"))
    return found


def _hash_labels(text: str) -> list[re.Match[str]]:
    """The "#" labels (word_starts finds words, not signs): "hearing aid # HA20931"."""
    if "#" not in text:
        return []
    return [m for i in _all(text, "#") if (m := _LABEL.match(text, i)) is not None]


def _all(text: str, sign: str) -> list[int]:
    out, i = [], text.find(sign)
    while i >= 0:
        out.append(i)
        i = text.find(sign, i + 1)
    return out


def _serial_like(value: str) -> bool:
    """A unit's serial: five or more characters, three or more digits, not a date."""
    return len(value) >= 5 and _digits(value) >= 3 and not _DATE_LIKE.fullmatch(value)
