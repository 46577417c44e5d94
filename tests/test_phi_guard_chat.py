"""The PHI guard in conversation (issue 10): what it refuses, what it lets through, `/pmo phi check`,
`/pmo phi policy`, and saving the redacted text with one tap."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import select

from commands.phi_commands import REDACT_ACTION
from commands.replies import Buttons, Reply
from storage.models import AuditEvent, PhiPolicy, StatusUpdate
from tests.support.chat import Chat, shown

# Every refusal the issue lists, said as a status note.
REFUSED = [
    "a 60yo female, Mary J., who fell at home",
    "a 70-year-old male named James Brown was readmitted",
    "patients like Anna S. keep getting duplicate charts",
    "MR. BENSKY was seen in clinic before the outage",
    "mr nicholson fell in his room during downtime",
    "son Rob called the unit about the portal",
    "wife, Carol Buckley, asked for the records",
    "DAUGHTER PHILOMENA VISITED DURING THE CUTOVER",
    "seen at Mercy on April 12, 2023 and labs never crossed",
    "admitted to St. Vincent's on April 10th, orders missing",
    "PRESENTED TO EW 8/25 WITH THE WRONG WRISTBAND",
    "Visit Date: 23.12.2023 shows twice",
    "Record date: 2069-04-07 on the scanned note",
    "pt called from +46 (0)8 123 456 78",
    "+44 7700 900123 is her mobile",
    "Pager #54321 got the critical result",
    "call her at 555-0143 about the portal",
    "ring 201/324/1423 about the bill",
    "SSN: 987-65-4321 in the extract",
    "MRN: #SG-920311 merged twice",
    "His MRN is 007-654321",
    "EMR: 4561234 duplicated",
    "MR: 7712345 duplicated",
    "MRN: DT-1234 on the label",
    "health plan number HP-987654 rejected",
    "HMO ID 44556677 rejected",
    "her insurance number is AB-654321",
    "OHIP 1234-567-890-AB rejected at registration",
    "SIN 046 454 286 on the intake form",
    "Health plan number 1234567890 rejected at registration",
    "email him at robert.chen@outlook.example",
    "jsmith@sunrise-clinic.org is the patient's email",
    "card 4111 1111 1111 1111 was charged twice",
    "refund to IBAN GB82 WEST 1234 5698 7654 32",
    "mail it to PO Box 4417, Hamilton",
    "his address is PSC 3, Box 1234, APO AE 09021",
    # non-US addresses
    "the letters went to Hauptstrasse 12, Bern, 3011 instead of the clinic",
    "statement sent to 27 rue des Lilas, LYON, 69003 by mistake",
    # a labelled ITIN, which starts with 9 like the SSN above
    "ITIN 912-70-1234 on the intake scan",
]

# Every text the issue says was wrongly refused.
PASSES = [
    "Ms. Chen from pharmacy will present",
    "Nurse manager Mrs. Alvarez signed off",
    "Mr. Haddad will present",
    "call 416-555-0100 for downtime",
    "Server 10.20.30.40 patched",
    "Patient Dashboard is live on 4 West",
    "fetching patient Orders is slow since the upgrade",
    "Get Patient Programs privilege missing for the registration clerks",
    "discharge patient Added discharge encounter to the ADT feed",
]


@pytest.mark.parametrize("note", REFUSED)
def test_the_issue_refusals_are_refused_and_nothing_is_stored(ehr: Chat, note: str) -> None:
    reply = ehr.refused("sam", f'/status EHR amber "{note}"')
    assert "looks like it contains patient information" in reply.text
    assert ehr.scalar(select(StatusUpdate.id)) is None


@pytest.mark.parametrize("note", PASSES)
def test_the_issue_false_alarms_pass(ehr: Chat, note: str) -> None:
    ehr.ok("sam", f'/status EHR amber "{note}"')
    assert ehr.scalar(select(StatusUpdate.note)) == note


def test_a_person_of_the_workspace_is_staff_not_a_patient(ehr: Chat) -> None:
    # "Maria Santos" is a sponsor of EHR; the same words about a stranger are a patient's name.
    ehr.ok("sam", '/status EHR amber "Ms. Santos reviewed the pt wristband labels"')
    ehr.refused("sam", '/status EHR amber "Ms. Delgado reviewed the pt wristband labels"')


def _redo(reply: Reply) -> str:
    for block in reply.blocks:
        if isinstance(block, Buttons):
            for b in block.buttons:
                if b.action == REDACT_ACTION:
                    assert b.command is not None
                    return b.command
    raise AssertionError(f"no redaction offered: {shown(reply)}")


def test_a_refusal_offers_the_redacted_text_and_one_tap_saves_it(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/status EHR amber "pt John Smith MRN 1234567 fell after the pump alarm"')
    redo = _redo(reply)
    assert redo == '/status EHR amber "pt [name] MRN [number] fell after the pump alarm"'
    assert "John" not in shown(reply) and "1234567" not in shown(reply)
    # The button runs the redacted command, through the guard again.
    command, _, rest = redo.partition(" ")
    saved = ehr.rounds.run(ehr.context("sam"), command, rest)
    assert not saved.error, saved.text
    assert ehr.scalar(select(StatusUpdate.note)) == "pt [name] MRN [number] fell after the pump alarm"


def test_the_original_text_is_never_logged(ehr: Chat, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ehr.refused("sam", '/status EHR amber "pt Zelda Quinterro MRN 7654321 fell"')
    ehr.ok("sam", '/pmo phi check "pt Zelda Quinterro MRN 7654321 fell"')
    assert "Quinterro" not in caplog.text and "7654321" not in caplog.text


def test_phi_check_shows_what_and_why_privately_and_stores_nothing(ehr: Chat) -> None:
    before = ehr.table_counts()
    reply = ehr.ok("kim", '/pmo phi check "pt John Smith DOB 04/12/1951 called from 617-555-0143"')
    assert reply.visibility == "private"
    text = shown(reply)
    assert "a patient's name" in text and "a date of birth" in text and "a phone or fax number" in text
    assert "pt [name] DOB [date] called from [phone]" in text
    assert ehr.table_counts() == before
    clean = ehr.ok("kim", '/pmo phi check "Server 10.20.30.40 patched"')
    assert "would accept it" in clean.text


def test_phi_check_needs_a_text(ehr: Chat) -> None:
    ehr.refused("kim", "/pmo phi check", usage_key="phi")
    ehr.refused("kim", "/pmo phi frobnicate", usage_key="phi")


def test_policy_is_visible_to_all_and_changed_by_admins_with_an_audit_event(ehr: Chat) -> None:
    shown_policy = ehr.ok("kim", "/pmo phi policy").text
    assert "service-desk" in shown_policy and "pass" in shown_policy
    ehr.refused("kim", "/pmo phi policy deny server-ip")  # not a PMO admin
    ehr.ok("pat", "/pmo phi policy deny server-ip")
    assert ehr.scalar(select(PhiPolicy.server_ip)) is False
    event = ehr.all(select(AuditEvent).where(AuditEvent.action == "phi.policy"))[-1]
    assert (event.before, event.after) == ({"server_ip": True}, {"server_ip": False})
    ehr.refused("sam", '/status EHR amber "Server 10.20.30.40 patched"')
    ehr.ok("pat", "/pmo phi policy allow server-ip")
    ehr.ok("sam", '/status EHR amber "Server 10.20.30.40 patched"')


def test_service_desk_numbers_and_listed_numbers(ehr: Chat) -> None:
    ehr.ok("pat", "/pmo phi policy deny service-desk")
    ehr.refused("sam", '/status EHR amber "call 416-555-0100 for downtime"')
    ehr.refused("sam", '/status EHR amber "escalate to 416-555-0199 tonight"')
    ehr.ok("pat", "/pmo phi policy allow number 416-555-0199")
    ehr.ok("sam", '/status EHR amber "escalate to 416-555-0199 tonight"')
    assert "416-555-0199" in ehr.ok("kim", "/pmo phi policy").text
    ehr.ok("pat", "/pmo phi policy remove number (416) 555-0199")
    ehr.refused("sam", '/status EHR amber "escalate to 416-555-0199 tonight"')
    ehr.refused("pat", "/pmo phi policy allow number twelve", usage_key="phi")
