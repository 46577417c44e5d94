"""A device only a person carries, named by its identifier label ("Insulin pump ID: …", "Prosthetic limb ID: …"),
is refused as a device serial even when no person is named; a standby generator's serial, one in the loaner stock and
a pump's ID on a ward are the hospital's own equipment and are stored as written."""

from __future__ import annotations

import pytest

from commands.phi import KINDS
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
