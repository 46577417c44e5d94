"""A device only a person carries, named by its identifier label ("Insulin pump ID: …", "Prosthetic limb ID: …"),
is refused as a device serial even when no person is named, and so is one numbered under a plain word in
a sentence of its wearer ("a hearing aid numbered HA20931"); a standby generator's serial, one in the loaner stock and
a pump's ID on a ward are the hospital's own equipment and are stored as written."""

from __future__ import annotations

import pytest

from commands.phi import KINDS, scan
from tests.support.chat import Chat

SERIALS = [
    "Insulin pump ID: INS-456789ABC",
    "Prosthetic limb ID: PL-987654",
    "Implant Device ID: ICD-9876543",
    "Hearing aid ID: HA-55512",
    "pt's pump (sn 12345678)",
    "Pacemaker #A1234567 checked in clinic.",
    "Pulse generator serial PJN482716 explanted.",
    "Loaner pump serial 4471220 returned by the patient.",
]

PASSES = [
    "Backup generator serial SGM32JM6S is due for its load test on Friday.",
    "Generator Serial Number SGM32JM6S",
    "Knee implant lot 22B-0417 recalled by the vendor.",
    "Hearing aid loaner serial HA-0012 returned to the audiology stock.",
    "Insulin pump ID field added to the intake form.",
    "Pump #4 on 5 East alarmed twice during the night shift.",
    "Pacemaker #2 of the demo kit is missing.",
]


@pytest.mark.parametrize("note", SERIALS)
def test_a_carried_devices_identifier_is_refused_as_a_serial(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


@pytest.mark.parametrize("note", PASSES)
def test_the_hospitals_own_equipment_is_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


NUMBERED = [
    "The device implanted in her carries the identifier X7781-0021.",
    "The patient's implant is registered under number 7712003344.",
    "He wears a hearing aid numbered HA20931.",
    "Her hearing aid # HA20931 was lost on the ward.",
]

RECORD_NUMBERS_AND_PROJECT_NUMBERS = [
    ("Patient number 1234567 has a pacemaker.", "mrn"),
    ("Her pacemaker clinic visit number 55120034 is tomorrow.", "mrn"),
]

NUMBERED_PASSES = [
    "The number of insulin pump users rose to 1450 this year.",
    "Insulin pump pilot: 12 patients enrolled, ticket number INC0045521.",
    "Cochlear implant programme code 44120 approved by finance.",
]


@pytest.mark.parametrize("note", NUMBERED)
def test_a_carried_device_numbered_under_a_plain_word_is_a_serial(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text
    assert KINDS["mrn"] not in reply.text


@pytest.mark.parametrize(("note", "kind"), RECORD_NUMBERS_AND_PROJECT_NUMBERS)
def test_a_number_before_its_device_stays_a_record_number(ehr: Chat, note: str, kind: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS[kind] in reply.text
    assert KINDS["device-serial"] not in reply.text


@pytest.mark.parametrize("note", NUMBERED_PASSES)
def test_counts_tickets_and_programme_codes_next_to_a_device_are_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


PERSONS_SERIALS = [
    "The patient's serial number is ABC123456.",
    "Her serial no. is 4471-2209.",
    "The implanted device carries serial number 123-45-6789.",
    "The implanted device carries the identifier 7606-0209.",
]


@pytest.mark.parametrize("note", PERSONS_SERIALS)
def test_a_serial_in_a_persons_sentence_is_a_serial_whatever_its_shape(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text
    assert KINDS["ssn"] not in reply.text and KINDS["mrn"] not in reply.text


def test_an_ssn_next_to_a_pacemaker_stays_an_ssn(ehr: Chat) -> None:
    reply = ehr.note_refused("sam", "Patient's SSN 123-45-6789, pacemaker clinic today.")
    assert KINDS["ssn"] in reply.text


TABLES = [
    "Device | Model | Serial\nPacemaker | ADDR01 | PJN123456H\nICD lead | 6947 | TDL123456V",
    "| Device | Model | Serial No. |\n|---|---|---|\n| Hearing aid (L) | Phonak P90 | 1234567 |",
    "Device\tSerial\nInsulin pump\t4471220",
]

TABLES_THAT_PASS = [
    "Asset | Model | Serial\nInfusion pump | 8100 | 12345678",
    "Release | Version | Serial\nPump library | 12.3 | 4471",
    "Item | Serial\nLaptop | 5CG1234XYZ",
]


@pytest.mark.parametrize("note", TABLES)
def test_a_serial_column_of_a_persons_devices_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


@pytest.mark.parametrize("note", TABLES_THAT_PASS)
def test_a_serial_column_of_the_hospitals_kit_or_releases_is_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


TABLES_UNDER_A_PMO_SENTENCE = [
    "Device | Model | Serial\nAlaris pump | 8100 | 12345678\nShe will update the list by Friday.",
    "| Device | Serial |\n|---|---|\n| Infusion pump | 12345678 |\nLatency was 20 ms on the interface.",
]


@pytest.mark.parametrize("note", TABLES_UNDER_A_PMO_SENTENCE)
def test_a_pronoun_or_milliseconds_outside_a_table_of_pumps_names_no_patient(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


def test_a_pronoun_after_a_table_of_pumps_does_not_make_its_serials_a_patients() -> None:
    note = "Pump | Serial | Ward\nBD Alaris | 1234AB56 | 4 West\nAsk Dr. Lee if her team has the spares."
    assert "device-serial" not in {f.kind for f in scan(note)}  # ("4 West" is still read as an address)


TABLES_OF_A_PATIENTS_PUMPS = [
    "Patient devices:\nDevice | Model | Serial\nInfusion pump | 8100 | 12345678",
    "Device | Model | Serial | Patient\nInfusion pump | 8100 | 12345678 | Bed 4",
]


@pytest.mark.parametrize("note", TABLES_OF_A_PATIENTS_PUMPS)
def test_a_table_naming_its_patient_or_under_a_patients_line_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


def test_the_devices_only_a_person_carries_are_one_set() -> None:
    from commands.phi import carriedids, devices, devicetables

    assert carriedids._CARRIED is devicetables._CARRIED is carriedids.CARRIED_DEVICES
    assert carriedids.CARRIED_DEVICES <= devices._CARRIED
