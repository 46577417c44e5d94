"""A patient's device serial (under any label, or a GS1 UDI) and a person's IP address are refused and named;
a project's serials, asset tags, firmware versions and server addresses are stored as written."""

from __future__ import annotations

import pytest

from commands.phi import KINDS
from tests.support.chat import Chat

SERIALS = [
    "Implant serial >> KP56480445 >> recorded in the op note.",
    "Her CPAP machine, Serial No.: 4576J75886, was returned by the family.",
    "Patient's wheelchair ser. # X985-74620 needs a new tyre.",
    "Patient's hearing aid unit no. 4620420785 sent for repair.",
    "Knee prosthesis lot N314-37618 used for Mr. Dale's revision.",
    "Hearing aids serials 4832385 and 78378058567, the patient's own.",
    "Registered implant ID / FBM2529333 / confirmed at clinic.",
    "(01)08304199925223(21)FB10983263 - UDI of the pacemaker lead, patient in theatre 2",
]

IPS = [
    "Patient portal login from 73.41.200.9 flagged by security.",
    "Pt logged in from 192.168.001.010 before the video visit.",
    "IP of the patient's device: 2001:db8:e47::19df",
]

PASSES = [
    "Asset tag BME-20417 infusion pump moved to 4 West biomed cage.",
    "Firmware 4.2.1.7 rolled out to all Alaris pumps on 12/04.",
    "Print server 10.20.30.40 rebooted after the patch window.",
    "Vendor shipped lot 22B-0417 of IV tubing; pharmacy confirmed no recall.",
    "Order 40 new Sigma Spectrum pumps, model 35700BAX, for the ICU refresh.",
]


@pytest.mark.parametrize("note", SERIALS)
def test_a_patients_device_serial_is_refused_as_a_serial(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


@pytest.mark.parametrize("note", IPS)
def test_a_persons_ip_address_is_refused_as_an_address(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["ip-address"] in reply.text


@pytest.mark.parametrize("note", PASSES)
def test_a_projects_serials_tags_versions_and_servers_are_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)
