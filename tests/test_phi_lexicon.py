"""Names found by what their words are, and numbers found by shape, a label word and a text about a person —
no exact cue phrase before them. The examples are made up; the evaluation items stay in bench/phi/*.jsonl."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from commands.phi import scan
from commands.phi.ids import find_ids
from commands.phi.lexicon import find_lexicon_names
from storage.models import StatusUpdate
from tests.support.chat import Chat

# said as a status note -> refused, with the kind the guard names
REFUSED = [
    # a census first name and an unknown surname near words of care, no "pt"/"Mr." before them
    ("Wendell Okonkwo-Reyes described improved walking after the new inhaler", "patient-name"),
    ("we spoke with Ottoline Brzezinska about her appetite and the falls at home", "patient-name"),
    # letters past ASCII, a single name as the subject of what a patient does
    ("Þórhildur attended with a caregiver and denied new pain", "patient-name"),
    ("For this history, Quennell was able to answer without assistance", "patient-name"),
    # "Last, First" and an initial with a surname near an age and sex
    ("the household of Vasquez-Ibarra, Luciana asked for the discharge letter", "patient-name"),
    ("a 71-year-old woman, M. Achterberg, missed her follow-up", "patient-name"),
    # a first name and a surname that are English words too, next to a strong sign of a patient
    ("the 66 yo male John Baker had chest pain overnight", "patient-name"),
    # a header row: a label, a separator, the name at the end of the line
    ("N A M E — Radomir Szczepański", "patient-name"),
    # numbers: a label word among the words before, in a text about a person
    ("her coverage card reads AB-654321 and she was seen twice", "plan-number"),
    ("The implanted pump carries serial number 7731-0042", "device-serial"),
    ("the blood sample's accession number is 55/918273", "mrn"),
    ("Passport identifier presented today: K-55120398", "plan-number"),
    # phones: 7-15 digits in groups after a phone word or "my number"
    ("please reach the daughter on 0151 496 0321 after her appointment", "phone"),
    ("My number is 08-7625 400, ring after six", "phone"),
    # a label written with look-alike letters
    ("SERIAL IDENTlFIER | PX-4471-0093", "device-serial"),
    # a dated note about a patient: an age and sex or a symptom next to a date with a year
    ("a 71-year-old woman with new confusion, 03/02/2024, was registered twice", "admission-date"),
]

# said as a status note -> stored as written: colleagues' names in project sentences, project numbers
PASSES = [
    "Mary Brown will present the cutover plan at steering",
    "Thanks to Priya Raman for the interface testing on the medication module",
    "Call with Anna Schmidt re: medication reconciliation build on Tuesday",
    "Escalated to Jennifer Liu (clinical informatics) - BCMA scanning in the ICU is down",
    "Action: Rahul Gupta to confirm the allergy interface mapping with Cerner",
    "Sarah O'Connor and Miguel Torres met with the patient safety committee about alert fatigue",
    "Kim reported the pump library update is complete on 4 West",
    "Hannah Becker described the new triage workflow to the ED charge nurses",
    "Rollout to St. Vincent Hospital clinics next week; Fatima Zahra coordinating with the nursing educators",
    "Peter Novak attended the go-live huddle and described the issues with the MAR",
    "Ingrid Larsen denied the change request for the lab interface",
    "Seen by Ottilie Brandvold, RN; the order set review is done",
    "Parkinson disease and Crohn disease picklists were added for neurology",
    "INC0012345 opened for the pump library; vendor ticket 884213 escalated",
    "PO 4500012345 approved for the scanners; patient wristband printers arrive Friday",
    "Build 20240311 deployed to the patient portal test environment",
    "CR-1042 approved: change the visit type code 99213 mapping in the charge interface",
    "Bed 12 on 4 West has the new pump (asset tag 0045123) since the upgrade",
    "The new room numbers 4101-4130 are live in the patient tracking board",
    "Budget code 710-4432 covers the medication barcode scanners",
    "HL7 message control id 20231104123456 rejected by the lab feed",
    "FHIR DocumentReference endpoint returns notes of the wrong patient (#10168)",
    "member eligibility 270/271 transactions moved to the new clearinghouse",
    "the male ward reopens 2025-03-02 after the refit",
    "She will be out of office 12/22/2025 - 1/2/2026",
    "DOB field validation fix released 2025-03-02",
]


@pytest.mark.parametrize("note,kind", REFUSED)
def test_names_and_numbers_without_a_cue_phrase_are_refused(ehr: Chat, note: str, kind: str) -> None:
    reply = ehr.refused("sam", f'/status EHR amber "{note}"')
    assert "looks like it contains patient information" in reply.text
    assert ehr.scalar(select(StatusUpdate.id)) is None
    assert kind in {f.kind for f in scan(note)}


@pytest.mark.parametrize("note", PASSES)
def test_colleagues_and_project_numbers_pass(ehr: Chat, note: str) -> None:
    ehr.ok("sam", f'/status EHR amber "{note}"')
    assert ehr.scalar(select(StatusUpdate.note)) == note


def test_a_workspace_person_named_in_a_sentence_about_care_is_staff() -> None:
    from commands.phi import Workspace

    note = "Wendell Okonkwo-Reyes described improved walking after the new inhaler"
    assert scan(note)
    assert scan(note, Workspace(people=frozenset({"Wendell Okonkwo-Reyes"}))) == []


def test_a_name_made_only_of_english_words_needs_a_strong_sign_of_a_patient() -> None:
    assert find_lexicon_names("Delta Lakes hold the patient data after the export") == []
    assert find_lexicon_names("a 70-year-old male, Grant Young, fell at home")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="AaBbZzÞþé .,-:/#0123456789\n", max_size=400))
def test_the_name_and_number_passes_never_raise_and_stay_inside_the_text(text: str) -> None:
    for start, end in find_lexicon_names(text):
        assert 0 <= start < end <= len(text)
    for kind, start, end in find_ids(text):
        assert kind in {"mrn", "plan-number", "device-serial", "phone"} and 0 <= start < end <= len(text)
