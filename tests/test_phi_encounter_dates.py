"""An encounter header's or a clinician's sign-off date pasted without the note's patient fields is a date of care
(commands/phi/encounterdates.py); the same layout of a project's meeting or sign-off stays a project's.

All texts are made up.
"""

from __future__ import annotations

import time

import pytest

from commands.phi import scan
from commands.phi.encounterdates import _ROLE_GATE, _ROLES, find_encounter_dates
from commands.phi.shared import words_of
from tests.support.chat import Chat

# pasted as a status note -> refused as a date of care
REFUSED = [
    "Date: 11/02/2024\nTime: 08:10 AM\nProvider: Dr. Ines Varga, MD\nLocation: Family Clinic, Room 3",
    "Date of Review: 10/14/2025\nTime: 15:00\nPharmacist: Tomas Brandl, PharmD\nLocation: Ward 6 pharmacy",
    "Clinician Signature: ______________ Date: 04/03/2025\nDr. Petra Olsen, MD",
    "Provider Acknowledgment:\nDr. Kemal Aydin, MD\nDate: 12/01/2025",
    "FOLLOW-UP:\n2. Neurologist: Dr. Hana Kowal\n   - Date: 01/19/2026 at 9:30 AM\n   - Location: Neuro clinic B",
    "Date/Time: 3/8/2025 07:45\nAttending Physician: Dr. O. Mensah\nNurse: Lia Berg, RN",
]

# stored as written: a project's meeting, sign-off or schedule in the same layout
PASSES = [
    "Date: 03/05/2026\nChair: Dr. Amy Lee, CMIO\nAgenda: pharmacy interface testing",
    "Date: 03/05/2026\nPharmacist: J. Chen, PharmD (informatics lead)\nAgenda: dispensing cabinet go-live readiness",
    "Sponsor Signature: ______ Date: 08/15/2026\nDr. Amy Lee, MD, CMIO",
    "Steering committee\nDate: 03/05/2026\nAttendees: Dr. Amy Lee, MD; Sam Ortiz\nDecision: cutover moves to 4/12",
    "Date: 04/20/2026\nProvider: Epic\nScope: upgrade of the test environment",
    # a PMO's note about a clinician: no time, place, date of service or signature's blank makes it an encounter
    "Provider: Dr. Lee, MD\nDate: 12/3/2026\nAsked for a Haiku login reset.",
    "Nurse: Jill Ames, RN\nDate: 12/4/2026\nBarcode scanner on 6 East keeps timing out",
    "Pharmacist: Leo Grant, PharmD\nDate: 12/4/2026\nPyxis overrides list updated",
    "Radiologist: Dr. Priya Nair\nDate: 12/7/2026\nPACS worklist response time complaints",
    "Resident: Dr. Ben Ortiz\nDate: 12/11/2026\nResident orientation to the EHR",
    "Award nomination\nNurse: Keisha Brown, RN\nDate: 12/14/2026\nNominated for DAISY award by her manager",
    "Grand rounds\nDate: 12/16/2026\nPresenter: Dr. Lee, CMIO\nPhysician: Dr. Nguyen, MD will moderate",
    "Date: 12/13/2026\nNurse: Kay Ross, RN\nShift: 7a-7p, charge on 3 West",
    # a staff member's signature or acknowledgment of a hospital document, not of a patient's
    "Physician Signature: ______ Date: 12/03/2026\nDr. Amy Lee, MD\nSepsis order set v3",
    "Physician Acknowledgment:\nDr. R. Martinez, MD\nDate: 09/20/2025\nI have read the code of conduct.",
    "Provider Acknowledgment:\nDr. Hal Burke, MD\nDate: 12/14/2026\nConfidentiality agreement",
    "Date: 12/15/2026\nPhysician: Dr. Ida Shaw, MD\nLocation: Boardroom 2\nPurpose: CMIO advisory council",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_clinicians_encounter_or_sign_off_date_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert "admission-date" in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_projects_date_in_the_same_layout_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_the_span_is_the_date_alone() -> None:
    text = "Date: 11/02/2024\nProvider: Dr. Ines Varga, MD\nLocation: Family Clinic"
    assert [text[s:e] for s, e in find_encounter_dates(text)] == ["11/02/2024"]


def test_every_role_the_pattern_reads_is_a_gate_word() -> None:
    """The pass runs only when a role word is in the text: each role of the pattern is one of the gate's words."""
    for role in _ROLES.split():
        assert set(words_of(role)) <= _ROLE_GATE, role
        text = f"Date: 11/02/2024\n{role.title()}: Dr. Ines Varga\nLocation: Clinic 2"
        assert [text[s:e] for s, e in find_encounter_dates(text)] == ["11/02/2024"], role


def test_the_encounter_pass_stays_linear() -> None:
    samples = [
        "Date: 3/4/2024\nProvider: Dr. A, MD\n" * 600,
        "Provider: Provider: Provider: Date: Date: 1/1/2024 " * 500,
        "____ Date: 01/02/2025\nNurse: Kim, RN\n" * 600,
    ]
    for text in samples:
        start = time.perf_counter()
        find_encounter_dates(text)
        assert time.perf_counter() - start < 1.0
