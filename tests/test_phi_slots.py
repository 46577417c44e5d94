"""A value in a slot (commands/phi/slots.py): a phone, a date, an e-mail, an IP, a record or account number in a
short sentence or a "label | value" row whose other words tie it to a person of care is refused, with the kind its
shape and its slot noun say. A PMO's sentences with values of the same shapes (go-live dates, tickets, server IPs,
vendor lines, releases) are stored as written.

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import pytest

import commands.phi as phi
from commands.phi import scan
from commands.phi.slots import find_slot_values
from tests.support.chat import Chat

# pasted as a status note -> refused, with the kind the guard names
REFUSED = [
    # a person-of-care noun and a slot noun that says what the number is
    ("The resident's return call number was written down as 0161 496 0732.", "phone"),
    ("The household settles the account for her care under 55120934.", "plan-number"),
    ("The person receiving care holds chart key QH-4410-27785.", "mrn"),
    ("Her health insurance membership reads 884 21 9903.", "plan-number"),
    ("The private person's social security identifier was copied as 078-05-1120.", "ssn"),
    # a row: label, separator, value
    ("Accession key for the resident's biopsy >> 20984471", "mrn"),
    ("Date the individual's rehabilitation started | 03.02.2026", "admission-date"),
    # a slot only a person of care has, with no person word at all
    ("Onset for this episode was noted as 12 Mar 2025.", "admission-date"),
    # a date with birth words, an e-mail, an IP: the shape says what it is
    ("The care recipient was born on 1941-07-19, per the family.", "date-of-birth"),
    ("Personal reply address of the care recipient: <l.marsh82@post.example>", "email"),
    ("The individual's tablet joined the video clinic from 203.0.113.77.", "ip-address"),
    ("Home connection used by the client during the telehealth visit: 2001:db8:7c1::2e", "ip-address"),
    # an age over 89: in words, with a sex letter, or a bare number in an age slot
    ("Age recorded at the home visit | ninety-six years.", "age-over-89"),
    ("Resident: 97F. Seen for a chest infection.", "age-over-89"),
    ("Stated age of the client >> 101", "age-over-89"),
    ("The family says he is ninety-one.", "age-over-89"),
]

# pasted as a status note -> stored as written
PASSES = [
    "Go-live for the resident scheduling module is 2026-12-04.",
    "Ticket INC0048812 raised for the patient's wristband printer.",
    "The vendor's support line for the patient kiosk is 0800 555 0172.",
    "Server 10.40.2.17 hosts the family portal; patched on Sunday.",
    "Release 2.4.1.0 of the client app ships 14/01/2027.",
    "Invoice 55120934 for the discharge lounge refurbishment is overdue.",
    "Her team's readiness assessment is booked for 09.03.2027.",
    "Account manager for the insurance feed: 020 7946 0123.",
    "The discharge summary template change goes live 1 March 2027.",
    "Dana's mobile for the cutover weekend is 07700 900123.",
    "Patients on 4 West move to the new ward on 12/14.",
    "The average age of open tickets is 95 days.",
    "Ward 9 has 92 beds and two side rooms.",
    "Ninety-three patients were seen in the pop-up clinic.",
    "The resident doctors rota starts on 06/02/2027.",
    "Resident parking permits renew on 31/03/2027.",
]
# slots.py's own reading of project sentences another detector still refuses ("health plan" before a number)
SLOT_PASSES = [*PASSES, "Member services line for the health plan: 08-355 55 50."]


@pytest.mark.parametrize("text,kind", REFUSED)
def test_a_persons_value_in_a_slot_is_refused(ehr: Chat, text: str, kind: str) -> None:
    ehr.note_refused("sam", text)
    assert kind in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_projects_value_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text", SLOT_PASSES)
def test_slots_finds_nothing_in_a_projects_sentence(text: str) -> None:
    """Not even a finding for the allowances to veto: the sentence's own words say it is a project's."""
    assert find_slot_values(text) == []


def test_the_slot_noun_decides_a_numbers_kind() -> None:
    """The same digits are a phone, an account, a record or an SSN by the noun of the slot they fill."""
    value = "412 55 6781"
    kinds = {
        "The resident's daytime phone is {}.": "phone",
        "The resident's billing account is {}.": "plan-number",
        "The resident's chart number is {}.": "mrn",
        "The resident's social security number is {}.": "ssn",
    }
    for frame, kind in kinds.items():
        text = frame.format(value)
        start = text.index(value)
        assert (kind, start, start + len(value)) in find_slot_values(text), text


def test_the_span_is_the_value_alone() -> None:
    text = "For personal replies, the care recipient gave kt.orlov44@inbox.example as the address."
    found = [f for f in scan(text) if f.kind == "email"]
    assert [text[f.start : f.end] for f in found] == ["kt.orlov44@inbox.example"]
    assert phi.redact(text, scan(text)) == "For personal replies, the care recipient gave [email] as the address."


def test_a_long_text_of_values_stays_linear() -> None:
    """Thousands of values next to a person word: each is read once, in a bounded sentence."""
    import time

    text = "The patient's number is 555 0101 2020. " * 600
    start = time.perf_counter()
    found = find_slot_values(text)
    assert len(found) == 600
    assert time.perf_counter() - start < 1.0
