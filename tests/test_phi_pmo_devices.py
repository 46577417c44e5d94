"""The PMO's own kit and logistics are not a patient's: a laptop's or a workstation's serial for the asset register, a
staff badge's serial, a courier's tracking number and a device's "Model Name:" line are stored as written. A
pacemaker's serial is refused even when its model shares a name with an IT product ("Medtronic Azure"), and a
patient's badge, pacemaker serial or phone still is."""

from __future__ import annotations

import pytest

from commands.phi import KINDS
from tests.support.chat import Chat

PASSES = [
    "My laptop serial is 5CG1234XYZ for the asset register",
    "Her laptop serial is 5CG1234XYZ; IT will reimage it on Friday.",
    "Workstation serial 5CG1234XYZ moved to the command centre.",
    "Team member badge serial 4471220 reissued",
    "Courier tracking number 027411063 for the replacement monitors",
    "tracking number 027411063",
    "Tracking number: 0274 110 634",
    "Model Name: WEB-8000\nFirmware: 2.1.4",
    "Azure subscription number 12345678 renewed for the integration tenant.",
    "His iPad serial is DMPXK12345 for the MDM enrolment",
    "Her phone serial F2LXK1234567 needs MDM enrolment",
]


@pytest.mark.parametrize("note", PASSES)
def test_the_pmos_kit_badges_parcels_and_models_are_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


PACEMAKER_SERIALS = [
    "Pacemaker interrogation: Medtronic Azure, serial number PJN123456S",
    "ICD check: Medtronic Azure, serial number PJN123456S, battery fine.",
    "The patient's pacemaker serial is PJN123456S.",
    "The patient's badge serial 4471220 was on the wristband scan.",
    "Mrs Okafor's laptop serial is 5CG1234XYZ and her insulin pump serial is 4471220.",
]


@pytest.mark.parametrize("note", PACEMAKER_SERIALS)
def test_a_persons_device_serial_is_refused_beside_an_it_word(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


PATIENT_PHONES = [
    "The patient's phone number is 027411063.",
    "Courier tracking number 027411063 was given, and the patient's mobile is 0274 110 634.",
]


@pytest.mark.parametrize("note", PATIENT_PHONES)
def test_a_patients_phone_beside_a_tracking_number_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["phone"] in reply.text


def test_a_patients_name_after_a_name_label_is_still_refused(ehr: Chat) -> None:
    reply = ehr.note_refused("sam", "Patient Name: Webb Harlow")
    assert KINDS["patient-name"] in reply.text


def test_a_patients_mobile_number_is_still_refused(ehr: Chat) -> None:
    reply = ehr.note_refused("sam", "The patient's mobile is 0274 110 634")
    assert KINDS["phone"] in reply.text


def test_a_patients_phone_serial_is_still_refused(ehr: Chat) -> None:
    reply = ehr.note_refused("sam", "The patient's phone serial F2LXK1234567 was logged")
    assert KINDS["device-serial"] in reply.text
