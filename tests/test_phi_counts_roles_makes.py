"""The PHI guard in conversation on counts, roles and device makes that read like a patient's dates or names
(commands/phi/tallies.py, devicemakes.py; names.py's kin and role checks; caredates.py's stay and equipment):

* a count in brackets after a department, one of a list of counts, is not a date; a verb of care before it keeps it one;
* a relative's word before a colleague given a staff role ("Wife Carol is the super user") is not a relative's name;
* a role title with "patient" in it ("patient experience lead") makes the name after it staff's;
* "the patient tables" are equipment, not a person;
* a score of care before "on" a date makes the date a date of care ("Pain was 3/10 on 3/4");
* a stay in a unit of care makes its dates care's ("she stayed in the cardiac unit");
* a title in capitals is not read as an initial ("MR. BENSKY" is the name BENSKY, not "R. BENSKY");
* a device's maker and model beside the device or its serial label is not a name; the serial is still refused.

Every text here is made up."""

from __future__ import annotations

import pytest

from commands.phi import scan
from tests.support.chat import Chat

PASSES = [
    # counts in brackets
    "Go-live readiness: CT (3/4), MRI (3/11)",
    "Super-users trained: 4 West (12/14); ICU (9/10)",
    # a relative's word, then a staff role
    "Wife Carol is the super user on 4 West",
    "Son Marcus is our analyst for the lab build.",
    "Daughter Anna is the trainer for the night shift.",
    # a role title with "patient" in it
    "Our patient experience lead, Maria Lopez, will present",
    "The patient safety officer, Tom Reid, signed off the huddle board.",
    # equipment for patients
    "The CT scanner upgrade is on 3/4/2027 for the patient tables.",
    "The patient monitors upgrade is on 3/4/2027 on 5 West.",
    # a device's maker and model, no serial
    "Pacemaker model: Medtronic Adapta",
]

REFUSED = [
    # a score of care, then the date
    "Pain was 3/10 on 3/4.",
    # a stay in a unit of care
    "Between 3/4/2024 and 3/9/2024 she stayed in the cardiac unit.",
    "He remained on the ward from 5/6/2024 to 5/20/2024.",
    # counts in brackets after a verb of care are dates
    "Seen in ED (3/4), MRI (3/11)",
    "Admitted (3/4), discharged (3/11)",
    # a relative who is not given a staff role
    "Daughter Anna is the caregiver and called the unit.",
    "wife Carol called the unit about the portal",
    # a patient with a title in capitals
    "MR. BENSKY was seen in clinic before the outage",
    # a device's serial
    "Pacemaker Medtronic Adapta, serial number 123456",
]


@pytest.mark.parametrize("text", PASSES)
def test_a_count_a_role_or_a_device_make_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text", REFUSED)
def test_the_same_shapes_about_a_patient_are_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)


def test_the_dates_of_care_are_found_as_dates() -> None:
    text = "Pain was 3/10 on 3/4."
    assert [(f.kind, text[f.start : f.end]) for f in scan(text)] == [("admission-date", "3/4")]
    text = "Between 3/4/2024 and 3/9/2024 she stayed in the cardiac unit."
    assert [(f.kind, text[f.start : f.end]) for f in scan(text)] == [
        ("admission-date", "3/4/2024"),
        ("admission-date", "3/9/2024"),
    ]


def test_a_title_in_capitals_is_not_read_as_an_initial() -> None:
    text = "MR. BENSKY was seen in clinic before the outage"
    assert [(f.kind, text[f.start : f.end]) for f in scan(text)] == [("patient-name", "BENSKY")]


def test_a_device_make_is_not_a_name_but_its_serial_is_refused() -> None:
    text = "Pacemaker Medtronic Adapta, serial number 123456"
    assert [(f.kind, text[f.start : f.end]) for f in scan(text)] == [("device-serial", "123456")]
    text = "Her pacemaker (Medtronic Adapta) was checked by Jane Alvarez's daughter"
    assert [(f.kind, text[f.start : f.end]) for f in scan(text)] == [("patient-name", "Jane Alvarez")]
