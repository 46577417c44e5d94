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
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_clinicians_encounter_or_sign_off_date_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert "admission-date" in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_projects_date_in_the_same_layout_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_the_span_is_the_date_alone() -> None:
    text = "Date: 11/02/2024\nProvider: Dr. Ines Varga, MD"
    assert [text[s:e] for s, e in find_encounter_dates(text)] == ["11/02/2024"]


def test_every_role_the_pattern_reads_is_a_gate_word() -> None:
    """The pass runs only when a role word is in the text: each role of the pattern is one of the gate's words."""
    for role in _ROLES.split():
        assert set(words_of(role)) <= _ROLE_GATE, role
        text = f"Date: 11/02/2024\n{role.title()}: Dr. Ines Varga"
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
