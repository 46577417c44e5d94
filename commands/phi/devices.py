"""A patient's device by its serial, lot or UDI, and a person's IP address written in an unusual shape.

A serial is a patient's identifier when it names one unit a person carries or uses: "Implant serial >> KP5648",
"her insulin pump S/N: 4620-7785", "ICD model and serial: DVFB1D4 / PJN402118", "Hearing aids serials 48323 and
78378", "the neurostimulator in this patient is unit AHE7158643". So a value after (or right before) a serial
label counts when its sentence names a device a person has (pacemaker, pump, hearing aid, implant, CPAP...):
with a plain serial label (serial, S/N, SN) the device word alone is enough, with a weaker one (id, identifier,
unit, lot, number) the sentence must name a person too ("Vendor shipped lot 22B-0417 of IV tubing" passes),
unless the label is a carried device's own ("Insulin pump ID: INS-456789ABC"). A plain serial label in a person's
sentence counts with no device named ("The patient's serial number is ABC123456"). A carried device numbered
under a plain word is carriedids.py's, a serial column of a table devicetables.py's. A GS1 UDI with production identifiers ("(01)00884521356148(17)270101(10)L123(21)A9981") is one unit: always.

An IPv4 address with zero-padded octets ("192.168.001.010") is still an address; in a person's sentence it
counts (numbers._find_ip reads only the canonical shape). Project and infrastructure sentences are judged by
the allowances (allow.py, project.py) like every other finding.
"""

from __future__ import annotations

import re

from commands.phi.carriedids import CARRIED_DEVICES, find_carried_ids
from commands.phi.devicetables import find_table_serials
from commands.phi.namewords import _wordset
from commands.phi.shared import _digits, has_any, matches_at, sentence_around, word_starts

# The words that say a sentence holds a device or implant a person has.
_DEVICE = _wordset(
    """
    pacemaker pacemakers icd icds defibrillator defibrillators crt pump pumps insulin hearing aid aids implant
    implants implanted explanted explant prosthesis prostheses prosthetic cpap bipap apap ventilator concentrator
    glucose monitor monitors cgm transmitter sensor wheelchair wheelchairs chair scooter stimulator neurostimulator
    cochlear valve stent stents lead leads recorder lvad vad shunt catheter lens iol knee hip joint dialysis
    nebulizer nebuliser meter inhaler device devices limb orthosis brace generator pod machine oximeter bed hoist
    """
)
# The words that say the sentence is about a person (who has the device).
_PERSON = _wordset(
    """
    patient patients pt pts his her hers their theirs him client resident member mr mrs ms miss individual
    recipient caregiver mother father son daughter wife husband family implanted explanted my
    """
)
# The first words of the labels (S/N is read by its "/n"): a note with none of them is not searched.
_LABEL_WORDS = (
    "serial", "sn", "ser", "implant", "pacemaker", "icd", "stimulator", "neurostimulator", "lot", "udi", "device",
    "hardware", "equipment", "unit", "transmitter", "pump", "sensor", "generator", "aid", "limb", "prosthesis",
    "prosthetic", "cgm",
)  # fmt: skip
_TRIGGERS = frozenset({*_LABEL_WORDS, "serials", "number", "registry", "registered"})
_LABEL_STARTS = word_starts(*_LABEL_WORDS, "s/n")
_SERIAL_WORDS = frozenset({"serial", "serials", "sn"})

_STRONG = (
    r"serials?|s/n|(?-i:SN|sn|Sn)|ser\.?(?=\s{0,2}(?:no\b|#))"
    r"|(?:implant|pacemaker|icd|stimulator|neurostimulator)\s{0,2}(?:id|identifier|no\.?|number|nbr|#)"
)
_WEAK = (
    r"lot|udi(?:-di)?|(?P<ident>(?:device|implant|hardware|equipment|unit|transmitter|pump|sensor|pacemaker|generator"
    r"|aid|limb|prosthesis|prosthetic|cgm)\s{0,2}(?:id|identifier|no\.?|number|nbr|#))|unit"
)
# A label, what may stand between it and its value ("no.", "number", ">>", "is", "recorded as"), and the value.
_LABELLED = re.compile(
    rf"(?<![\w/])(?:(?P<strong>{_STRONG})|(?P<weak>{_WEAK}))(?:(?<=#)|(?![\w/]))"
    r"(?:\s{0,2}(?:no\b\.?|number|num\b|nbr\b|#|\(s\)|\([A-Za-z]{2,5}\)))?"
    r"(?:\s{1,2}(?:for|of|on|in)\s{1,2}(?:[A-Za-z'’]{1,15}\s{1,2}){0,4}?[A-Za-z'’]{1,15}"
    r"(?=\s{0,3}(?:is\b|was\b|:|>>|=|\||-\s|/)))?"
    r"(?:\s{0,3}(?:\(s\)|no\b\.?|number|num\b|nbr\b|code|id\b|#|:|=|>>|>|\||/|-|–|is\b|was\b|reads?\b|of\b"
    r"|recorded\b|listed\b|entered\b|documented\b|noted\b|as\b|under\b|on\s{1,2}the\s{1,2}back\b|ending\s{1,2}in\b)){0,4}\s{0,3}"
    r"(?P<v>[A-Za-z0-9](?:[A-Za-z0-9./-]{0,38}[A-Za-z0-9])?)(?![A-Za-z0-9-])",
    re.IGNORECASE,
)
# A label far from its value, in the same sentence: "The serial number on the pump's back plate reads X", "His
# CPAP unit's serial, found on the underside of the machine, is X", "the number on the back of his hearing aid is
# X", "The registry lists his pacemaker under X". The sentence must name a device and a person.
_FAR = re.compile(
    r"(?<![\w/])(?:serials?(?:\s{1,2}(?:numbers?|no\b\.?|#))?|s/n|(?-i:SN)|registry|registered"
    r"|number\s{1,2}(?:on|printed|stamped|engraved|etched|written|inside|under))"
    r"[^\n.;!?]{1,80}?(?<![\w-])(?:reads?|is|was|shows?|says|under|as)\b\s{0,3}:?\s{0,3}"
    r"(?P<v>(?=[A-Za-z-]{0,20}\d)[A-Za-z0-9](?:[A-Za-z0-9-]{0,38}[A-Za-z0-9])?)(?![A-Za-z0-9-]|\.\w)",
    re.IGNORECASE,
)
_FAR_STARTS = word_starts("serial", "s/n", "sn", "registry", "registered", "number")
_FAR_WORDS = frozenset({"serial", "serials", "sn", "n", "registry", "registered", "number"})
# A value right before its label: "KP56480445 (serial)", "X985-74620 is the serial of her pump".
_BEFORE_LABEL = re.compile(r"(?:\(\s{0,2}|\bis\s{1,2}the\s{1,2})(?:serial|s/n|sn|lot|udi)\b", re.IGNORECASE)
_VALUE_BEFORE = re.compile(r"(?<![\w-])(?P<v>[A-Za-z0-9][A-Za-z0-9-]{2,38}[A-Za-z0-9])\s{0,2}$")
# More values of a list after the first: "serials 4832385 and 78378058567".
_MORE = re.compile(r"\s{0,2}(?:,|&|and\b|/)\s{0,2}(?P<v>[A-Za-z0-9](?:[A-Za-z0-9-]{2,38}[A-Za-z0-9]))(?![A-Za-z0-9-])")
_GS1 = re.compile(r"\(01\)\s?\d{14}(?:\s?\((?:11|17|10|21|30|240|7003)\)\s?[A-Za-z0-9-]{1,20}){1,5}(?<=[A-Za-z0-9])")
_PRODUCTION = re.compile(r"\((?:10|11|17|21)\)")
_BEFORE_WORDS = frozenset({"serial", "sn", "n", "lot", "udi"})
_LETTER_WORDS = re.compile(r"[a-z]{1,30}")
_ENDS = re.compile(r"[.!?](?:\s|$)|\n")  # (a clause after a semicolon is the same sentence)
_PADDED_OCTET = re.compile(r"\.0\d")  # (what a zero-padded address has after its first octet)
_PADDED_IP = re.compile(r"(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)")
# What else a serial in a person's sentence may be of: a card, a licence, a vehicle, the staff's IT kit.
_OTHER_IDS = _wordset(
    """
    card insurance policy member medicare medicaid licence license vehicle car vin plate passport certificate mrn
    record account laptop computer pc workstation printer badge key software server router asset tag ticket order
    invoice warranty contract
    """
)
_INFRA = _wordset(
    "server servers host hosts vm node db database interface engine router switch firewall subnet gateway printer"
    " cluster proxy dns dhcp vlan vpn pacs mirth workstation scanner"
)
_DATE_LIKE = re.compile(r"(?:\d{1,2}|\d{4})[./-](?:0?[1-9]|[12]\d|3[01])[./-](?:\d{2}|\d{4})")  # (not "123-45-6789")


# A hospital's own equipment (a scanner's serial under the vendor's contract, a standby generator's, one in the
# asset or loaner stock, is not a patient's; a bedside pump's may be, an implant's pulse generator is), and the devices
# only a person carries (an implant's serial is a patient's whoever else is named, unless the hospital's fleet of
# them is meant).
_EQUIPMENT = _wordset(
    "ct mri pet scanner scanners ultrasound xray angiography analyser analyzer modality cmms contract warranty"
    " generator generators"
)
_FLEET = _wordset("fleet fleets stock inventory asset loaner loaners")
_CARRIED = CARRIED_DEVICES | _wordset("stent valve limb lens home pulse pacing crt")
# The staff's IT kit and badges, a serial of which is the hospital's asset, whoever's desk it is on; unless the sentence
# names a device of care or a patient ("the patient's pacemaker serial", "Mr Hale's laptop bag and his pump serial").
_STAFF_KIT = _wordset(
    "laptop laptops desktop desktops pc pcs workstation workstations printer printers badge badges phone phones iphone"
    " iphones ipad ipads tablet tablets mobile mobiles"
)
_KIT_NOT_STAFF = _DEVICE | _CARRIED | _wordset("patient patients pt pts client resident mr mrs ms miss")
# A model's identifier, not one unit's: "UDI-DI 00884521356148", "model no. 35700BAX", "REF 4471220", "GTIN …".
_MODEL_LABEL = re.compile(
    r"(?:\budi-?di|\bdi|\bgtin|\bmodel|\bcatalog(?:ue)?|\bcat|(?-i:\bREF)|\bpart)\.?"
    r"(?:\s{1,2}(?:no\b\.?|number|nbr|#|id))?\s{0,2}[:#=]?\s{0,2}$",
    re.IGNORECASE,
)


def not_a_units(text: str, start: int, end: int) -> bool:
    """Whether a value read as a serial names no one unit a person has: a model's identifier ("UDI-DI …"), the
    serial of the hospital's own equipment ("The CT scanner serial 70124 is needed for the vendor's service
    contract"), in a sentence that names no person and no device only a person carries, or of the staff's IT kit or
    badge ("My laptop serial is 5CG1234XYZ", "Team member badge serial 4471220 reissued")."""
    if _MODEL_LABEL.search(text, max(0, start - 24), start):
        return True
    words = frozenset(_LETTER_WORDS.findall(sentence_around(text, start, end, _ENDS).lower()))
    if not words.isdisjoint(_STAFF_KIT) and words.isdisjoint(_KIT_NOT_STAFF):
        return True
    if not words.isdisjoint(_PERSON):
        return False
    return not words.isdisjoint(_FLEET) or (not words.isdisjoint(_EQUIPMENT) and words.isdisjoint(_CARRIED))


def names_carried_device(sentence: str) -> bool:
    """Whether a sentence names a device only a person carries: a serial in it is that person's even beside a word of
    IT ("Pacemaker interrogation: Medtronic Azure, serial number PJN123456S", Azure a pacemaker's model)."""
    return not _CARRIED.isdisjoint(_LETTER_WORDS.findall(sentence.lower()))


def find_device_values(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of a person's device serials (and UDIs) and of zero-padded IP addresses."""
    out: list[tuple[str, int, int]] = []
    if "(01)" in text:
        out.extend(("device-serial", m.start(), m.end()) for m in _GS1.finditer(text) if _PRODUCTION.search(m[0]))
    slash_n = "/n" in text or "/N" in text
    if ((has_any(text, _TRIGGERS) or slash_n) and has_any(text, _DEVICE)) or (
        (slash_n or has_any(text, _SERIAL_WORDS)) and has_any(text, _PERSON)  # (a person's serial: _persons_serial)
    ):
        out.extend(("device-serial", s, e) for s, e in _labelled_serials(text))
    out.extend(("device-serial", s, e) for s, e in find_carried_ids(text))  # ("a hearing aid numbered HA20931")
    out.extend(("device-serial", s, e) for s, e in find_table_serials(text))  # ("Pacemaker | ADDR01 | PJN123456H")
    if ".0" in text and _PADDED_OCTET.search(text):
        out.extend(("ip-address", s, e) for s, e in _padded_ips(text))
    return out


def _labelled_serials(text: str) -> list[tuple[int, int]]:
    found = []
    for m in matches_at(_LABELLED, _LABEL_STARTS, text):
        if not _serial_shape(m["v"], strong=bool(m["strong"])):
            continue
        words = _words_around(text, m)
        if words.isdisjoint(_DEVICE):
            if not _persons_serial(m, words):
                continue
        elif not m["strong"] and words.isdisjoint(_PERSON) and not _carried_id(m, words):
            continue
        found.append(m.span("v"))
        pos = m.end()
        while more := _MORE.match(text, pos):
            if not _serial_shape(more["v"], strong=True):
                break
            found.append(more.span("v"))
            pos = more.end()
    for m in matches_at(_FAR, _FAR_STARTS, text) if has_any(text, _FAR_WORDS) else ():
        if m.span("v") not in found and _serial_shape(m["v"], strong=False):
            words = _words_around(text, m)
            if not words.isdisjoint(_DEVICE) and not words.isdisjoint(_PERSON):
                found.append(m.span("v"))
    for label in _BEFORE_LABEL.finditer(text) if has_any(text, _BEFORE_WORDS) else ():
        value = _VALUE_BEFORE.search(text, max(0, label.start() - 45), label.start())
        if value is None or not _serial_shape(value["v"], strong=False):
            continue
        words = _words_around(text, value)
        if not words.isdisjoint(_DEVICE) and not words.isdisjoint(_PERSON):
            found.append(value.span("v"))
    return found


def _persons_serial(m: re.Match[str], words: frozenset[str]) -> bool:
    """A serial label in a sentence of a person names that person's device even when the device goes unnamed ("The
    patient's serial number is ABC123456"), unless the sentence is about another identifier or the staff's own kit
    (a card, a licence, a vehicle, a laptop, a badge)."""
    return (
        bool(m["strong"]) and m["strong"][:1] in "sS" and not words.isdisjoint(_PERSON) and words.isdisjoint(_OTHER_IDS)
    )


def _carried_id(m: re.Match[str], words: frozenset[str]) -> bool:
    """An identifier label of a device only a person carries names one unit of a person's even when no person is
    named: "Insulin pump ID: INS-456789ABC", "Prosthetic limb ID: PL-987654", "Implant Device ID: ICD-9876543"
    (a lot or a unit number is not one: "Knee implant lot 22B-0417 recalled")."""
    return bool(m["ident"]) and not words.isdisjoint(_CARRIED)


def _words_around(text: str, m: re.Match[str]) -> frozenset[str]:
    """The words of the sentence a label and its value sit in (an abbreviation's full stop, "unit no.", inside
    the match does not cut it)."""
    # (not shared.words_of: its small cache holds the whole text's words for the other detectors)
    return frozenset(
        _LETTER_WORDS.findall(sentence_around(text, m.start(), m.end(), _ENDS).lower() + " " + m[0].lower())
    )


def _serial_shape(value: str, strong: bool) -> bool:
    """A unit's serial has several digits and is not a date or a version ("3.1.0"); behind a weak label
    ("unit", "lot") it needs more of them, so "unit 12" and "lot 4B" stay words of a ward or a shelf."""
    digits = _digits(value)
    if _DATE_LIKE.fullmatch(value) or value.count(".") >= 1:
        return False
    return digits >= 2 and len(value) >= 4 if strong else digits >= 3 and len(value) >= 5


def _padded_ips(text: str) -> list[tuple[int, int]]:
    found = []
    for m in _PADDED_IP.finditer(text):
        octets = m[0].split(".")
        if not any(len(o) > 1 and o[0] == "0" for o in octets) or any(int(o) > 255 for o in octets):
            continue  # the canonical shape is numbers._find_ip's
        words = _words_around(text, m)
        if not words.isdisjoint(_PERSON) or ("ip" in words and words.isdisjoint(_INFRA)):
            found.append(m.span())
    return found
