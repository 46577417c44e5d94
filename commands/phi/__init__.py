"""PHI guard: find HIPAA Safe Harbor identifiers of a *patient* in free text.

Rounds calls :func:`scan` before it stores or posts any free text (status
notes, risk titles and descriptions, mitigations, action texts, gate names and
comments, rejection and closure reasons).  Any finding refuses the command; the
reply is built from :func:`describe` and :func:`advice`, which name the kinds
of identifier found and say how to rephrase, and never repeat the matched text.

Design notes
------------
* Context decides.  A seven-digit number is an MRN only after "MRN", "chart",
  "encounter", "pt id" and the like; a date is PHI only right after "DOB",
  "born", "admitted", "discharged", "died", "DOS" and the like, so project
  dates ("go-live 2026-12-04", "cutover on 3/14") pass.
* Staff are not patients: "Dr. Patel" never triggers, titles (Mr/Mrs/Ms/Miss)
  and patient words (patient/pt) do, and "patient safety", "patient portal",
  "Patient Access team" and similar programme names are excluded.
* Every pattern is linear: bounded quantifiers, no nested unbounded
  repetition, and look-behinds so that a match can only start at a token
  boundary.  Scanning adversarial input ("1-" * 10000, "a@" * 10000) is fast.
* Names are also found by what their words are (``lexicon.py``: census name
  lists and an English word list, frozen in ``data/``), and numbers by their
  shape and a label word among the words before them (``ids.py``); both tie
  what they find to a patient by the words around it, not by one cue phrase.
* Pure standard library (``re``, ``dataclasses``, ``ipaddress``); the word
  lists are files in the package, nothing is downloaded.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from operator import itemgetter

from commands.phi.addressees import find_addressees
from commands.phi.addresses import find_addresses
from commands.phi.ages import find_ages
from commands.phi.allow import Allowances, allowed
from commands.phi.birthdates import find_birth_dates
from commands.phi.care import find_care_dates
from commands.phi.caredates import find_narrative_care_dates, find_treatment_dates
from commands.phi.carenames import find_care_names
from commands.phi.contacts import find_emails, find_phones
from commands.phi.devices import find_device_values
from commands.phi.distantdates import find_distant_dates
from commands.phi.encounterdates import find_encounter_dates
from commands.phi.ids import find_dates, find_ids, find_ssn_shapes, find_streets
from commands.phi.labels import find_cards, find_labelled
from commands.phi.letters import find_letter_spans
from commands.phi.lexicon import find_lexicon_names
from commands.phi.lowernames import find_lower_names
from commands.phi.names import find_context_names
from commands.phi.numbers import _find_ip, _find_mrn, _find_phone, _find_plan, _find_serial, _find_ssn
from commands.phi.otherlanguages import find_other_language_dates
from commands.phi.people import _find_address, _find_age, _find_dates, _find_email, _find_hl7, _find_names
from commands.phi.shared import words_of
from commands.phi.slots import find_slot_values
from commands.phi.studydates import find_study_dates

__all__ = ["KINDS", "Allowances", "Finding", "Workspace", "advice", "describe", "redact", "scan"]


@dataclass(frozen=True)
class Finding:
    kind: str  # one of KINDS
    start: int  # character span in the scanned text (never shown to users)
    end: int


KINDS: dict[str, str] = {
    "ssn": "a Social Security number",
    "mrn": "a medical record, encounter or visit number",
    "date-of-birth": "a date of birth",
    "admission-date": "an admission, discharge, service or death date",
    "patient-name": "a patient's name",
    "phone": "a phone or fax number",
    "email": "a personal email address",
    "address": "a street address or postal code",
    "plan-number": "a health plan, Medicare/Medicaid or account number",
    "device-serial": "a device serial number",
    "ip-address": "an IP address",
    "age-over-89": "an age over 89",
}

_ADVICE: dict[str, str] = {
    "patient-name": 'Refer to "a patient on 4 West" rather than by name.',
    "ssn": 'Leave the Social Security number out entirely; say "an SSN appeared in the extract" instead.',
    "mrn": "Leave out the record, encounter or visit number; point to the HIM or service-desk ticket that holds it.",
    "date-of-birth": "Leave out the date of birth; describe the problem instead, "
    'e.g. "DOB transposed between systems".',
    "admission-date": "Leave out the patient's admission, discharge, service or death date; "
    'say "admitted last week" or "a recent discharge" instead.',
    "phone": "Leave out the phone or fax number; say who should call back and keep the number in the patient's chart.",
    "email": 'Leave out the email address; say "the patient\'s personal email" instead.',
    "address": "Leave out the street address or postal code; the state is enough if location matters.",
    "plan-number": "Leave out the member, policy, Medicare/Medicaid or account number; "
    'say "the patient\'s coverage ID was rejected" instead.',
    "device-serial": "Leave out the serial number; name the device type and unit "
    '(e.g. "an infusion pump on 4 West") and keep the serial in the biomed ticket.',
    "ip-address": "Leave out the IP address; reference the log or ticket where it is recorded.",
    "age-over-89": 'Say "90 or older" instead of the exact age.',
}


# What a redacted text says instead of each kind: "pt [name] MRN [number] fell after the pump alarm".
PLACEHOLDERS: dict[str, str] = {
    "ssn": "[number]",
    "mrn": "[number]",
    "plan-number": "[number]",
    "device-serial": "[serial]",
    "date-of-birth": "[date]",
    "admission-date": "[date]",
    "patient-name": "[name]",
    "phone": "[phone]",
    "email": "[email]",
    "address": "[address]",
    "ip-address": "[address]",
    "age-over-89": "[age 90+]",
}


@dataclass(frozen=True)
class Workspace:
    """What the guard knows of the workspace it guards: the names of its people (staff, never patients) and
    the allowances its PMO admins set (see commands/phi/allow.py)."""

    people: frozenset[str] = frozenset()
    allow: Allowances = field(default_factory=Allowances)


_DEFAULT = Workspace()
_PRIORITY = itemgetter(2)
_POSITION = itemgetter(0, 2)

# ---------------------------------------------------------------------------
# Public API
# ---------------------------------------------------------------------------


def _patient_names(text: str) -> list[tuple[int, int]]:
    names = _find_names(text) + find_context_names(text) + find_lexicon_names(text) + find_addressees(text)
    names.extend(find_care_names(text, names))  # (a name in a sentence of care: what the others did not find)
    return names


def _recased_names(text: str) -> list[tuple[int, int]]:
    """Every detector's patient names, a letter's too: what find_lower_names reads on the text with capitals."""
    letters = [(start, end) for kind, start, end in find_letter_spans(text) if kind == "patient-name"]
    return _patient_names(text) + letters


# Detectors in priority order: when spans of different kinds overlap, the
# earlier (more context-specific) kind wins.
def _all_spans(text: str) -> list[tuple[int, int, int, str]]:
    words = words_of(text)  # (kept for the small-letter names' lead: the shared cache holds only the last few texts)
    dob, events = _find_dates(text)
    births, cares = find_other_language_dates(text)  # "Geburtsdatum: …", "hospitalisé le …"
    life_births, life_dates = find_distant_dates(text)  # "It's like that since 11/16/1992"
    dob += births + life_births + find_birth_dates(text)
    events += cares + life_dates + find_treatment_dates(text)  # "started metformin …"
    events += find_study_dates(text)  # "CT abdomen and pelvis, May 27, 2021", a note's header and signature dates
    events += find_encounter_dates(text)  # "Date: 05/15/2024\nProvider: Dr. E. Davis, MD": a header cut from its note
    groups = [
        ("ssn", _find_ssn(text)),
        ("mrn", _find_mrn(text)),
        ("plan-number", _find_plan(text)),
        ("device-serial", _find_serial(text)),
        ("date-of-birth", dob),
        ("admission-date", events),
        ("email", _find_email(text)),
        ("ip-address", _find_ip(text)),
        ("phone", _find_phone(text)),
        ("address", _find_address(text) + find_addresses(text)),
        ("age-over-89", find_ages(text, _find_age(text))),
        ("patient-name", names := _patient_names(text)),
    ]
    names.extend(
        find_lower_names(text, _recased_names, names, words)
    )  # (names in small letters, read again with capitals)
    groups[2][1].extend(find_cards(text))
    groups[5] = ("admission-date", (dates := events + find_care_dates(text)) + find_narrative_care_dates(text, dates))
    groups[6] = ("email", sorted(set(groups[6][1]) | set(find_emails(text))))
    groups[8] = ("phone", groups[8][1] + find_phones(text))
    spans = []
    for prio, (kind, found) in enumerate(groups):
        for start, end in found:
            if end > start:
                spans.append((start, end, prio, kind))
    prio_of = {kind: prio for prio, (kind, _) in enumerate(groups)}
    for kind, start, end in _find_hl7(text):
        if end > start:
            spans.append((start, end, prio_of[kind], kind))
    # Numbers found by shape, label word and context: when a specific detector found the same span, its kind wins.
    spans.extend(
        (start, end, len(groups) + prio_of[kind], kind)
        for kind, start, end in [*find_ids(text), *find_dates(text), *find_ssn_shapes(text), *find_streets(text)]
        if end > start
    )
    # A patient's letter, e-mail or message: names, phones and dates with no label before them (letters.py).
    spans.extend((start, end, len(groups) + prio_of[kind], kind) for kind, start, end in find_letter_spans(text))
    # A value of an identifier's shape in a sentence about a person of care, its kind by the slot nouns (slots.py).
    spans.extend((start, end, len(groups) + prio_of[kind], kind) for kind, start, end in find_slot_values(text, spans))
    # A person's device by its serial label or UDI: its kind wins over a record number's label (devices.py).
    spans.extend((start, end, -2, kind) for kind, start, end in find_device_values(text))
    # A label says what the number is: "MRN: 123-45-6789" is a record number even in an SSN's shape.
    spans.extend((start, end, -1, kind) for kind, start, end in find_labelled(text) if end > start)
    return spans


def scan(text: str, workspace: Workspace | None = None) -> list[Finding]:
    """All PHI-like spans, in order of position, de-duplicated/merged when overlapping. With a workspace, the
    names of its people and the allowances its admins set are not findings."""
    if not text:
        return []
    workspace = workspace or _DEFAULT
    spans = _judged(text, workspace)
    spans.sort(key=_POSITION)
    merged: list[tuple[int, int, int, str]] = []  # (start, end, prio, kind)
    for start, end, prio, kind in spans:
        if merged and start < merged[-1][1]:
            cur_start, cur_end, cur_prio, cur_kind = merged[-1]
            if prio < cur_prio:
                cur_prio, cur_kind = prio, kind
            merged[-1] = (cur_start, max(cur_end, end), cur_prio, cur_kind)
        else:
            merged.append((start, end, prio, kind))
    return [Finding(kind, start, end) for start, end, _, kind in merged]


def _judged(text: str, workspace: Workspace) -> list[tuple[int, int, int, str]]:
    """The spans the allowances keep, judged in priority order. The detectors often find the same span: each
    (span, kind) is judged once, and a span already kept with a higher-priority kind is not judged again under
    another, since the merge in scan gives it that kind whatever the verdict (the slowest notes have a few of each)."""
    verdicts: dict[tuple[int, int, str], bool] = {}
    kept_at: dict[tuple[int, int], int] = {}  # (start, end) -> priority of the first kept span there
    kept: list[tuple[int, int, int, str]] = []
    for s in sorted(_all_spans(text), key=_PRIORITY):
        start, end, prio, kind = s
        if kept_at.get((start, end), prio) < prio:
            continue  # (merged into the kept one, it would change neither its extent nor its kind)
        key = (start, end, kind)
        verdict = verdicts.get(key)
        if verdict is None:
            verdict = verdicts[key] = allowed(text, start, end, kind, workspace.people, workspace.allow)
        if not verdict:
            kept.append(s)
            kept_at.setdefault((start, end), prio)
    return kept


def _kinds_in_order(findings: list[Finding]) -> list[str]:
    seen: list[str] = []
    for f in sorted(findings, key=lambda f: f.start):
        if f.kind not in seen:
            seen.append(f.kind)
    return seen


def _join(phrases: list[str]) -> str:
    if len(phrases) <= 1:
        return "".join(phrases)
    return ", ".join(phrases[:-1]) + " and " + phrases[-1]


def describe(findings: list[Finding]) -> str:
    """Human phrase naming the distinct kinds, e.g. 'a date of birth and a medical record number'."""
    return _join([KINDS.get(k, "an identifier") for k in _kinds_in_order(findings)])


def advice(findings: list[Finding]) -> str:
    """How to rephrase, specific to the kinds found; never contains the matched text."""
    kinds = _kinds_in_order(findings)
    if not kinds:
        return ""
    tips = [_ADVICE.get(k, "Leave the identifier out.") for k in kinds]
    if len(tips) > 2:
        # Keep the reply short: the first tip plus a summary of the rest.
        rest = _join([KINDS[k] for k in kinds[1:] if k in KINDS])
        return f"{tips[0]} Also leave out {rest}; describe the problem, not the person."
    return " ".join(tips)


def redact(text: str, findings: list[Finding]) -> str:
    """The text with each finding replaced by a placeholder naming its kind; nothing of the finding remains."""
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        if f.start < pos:
            continue
        out.append(text[pos : f.start])
        out.append(PLACEHOLDERS.get(f.kind, "[removed]"))
        pos = f.end
    out.append(text[pos:])
    return "".join(out)
