"""A person's IP address in a sentence with an infrastructure word, a patient's device serial under a far-off or
unusual label, and PMO sentences older detectors refused.

* IP: a private-range address of the hospital's machines passes (the server-ip allowance, `/pmo phi policy`), but
  the same address is refused when the sentence ties it to a person: a patient, "my/his/her/their" with a home,
  a router, a laptop, a session..., or a login, a portal, a telehealth session not labelled as the server's end.
* Device: a serial far from its label ("the serial number on the pump's back plate reads …", "the registry lists
  his pacemaker under …", "…; the new unit's serial is …") in a sentence naming a device and a person is refused;
  a model's number, a UDI-DI, a fleet's serials and a scanner's serial under the vendor's contract pass.
* PMO text older detectors refused: a survey's closing date after "patient satisfaction", a team's mailbox
  ("patient-portal@hospital.org"), a contract or stock order number after "Patient transport" or "Patient ID band".

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import pytest

from commands.phi import KINDS, Allowances, Workspace, scan
from tests.support.chat import Chat

PERSONS_IPS = [
    "Session host 192.168.4.20 for her telehealth visit dropped twice.",
    "his home router 10.0.0.7 dropped the portal login",
    "His home router IP is 10.24.192.45, per the telehealth tech.",
    "The patient's tablet connected from 10.96.26.95 during the video visit.",
    "Her router at 192.168.1.1:8080 refused the portal session.",
    "The member's session came from fd12:3456:789a::1 via VPN.",
    "His session host [fe80::1ff:fe23:4567:890a] timed out during the telehealth call.",
    "Login from host 10.5.6.7 for the member's portal account locked.",
    "Portal login from 10.1.1.9 was flagged by security.",
    "MyChart session from 10.9.9.9 timed out twice last night.",
    "IP captured by kiosk: 198.51.100.45",  # a documentation range stands for any address
]

SERVERS_IPS = [
    "Server 10.20.30.40 patched",
    "Client side logs show 10.2.3.4",
    "VPN concentrator 10.0.0.1 failed over at 02:00.",
    "DHCP scope on 192.168.20.1 exhausted on 4 West.",
    "DICOM node 10.4.5.6:104 added for the new CT.",
    "DICOM node fd00:10::25 port 104 added for the new MRI.",
    "Patient portal outage: app server 172.20.4.9 ran out of disk.",
    "Portal app servers 10.30.1.11, 10.30.1.12 patched Sunday.",
    "Session broker 10.8.1.20 for the telehealth pool restarted.",
    "Login page of the portal on 10.30.1.11:8443 returns 502.",
    "VPN session from 10.8.0.14 dropped for the biomed engineer.",
    "Her team patched server 10.1.1.5 overnight.",
    "Her laptop was re-imaged and now uses 10.226.132.106 on the test VLAN.",
    "The client application connects to 10.130.17.243 over HTTPS.",
    "The portal's load balancer VIP 10.30.1.10 fails over to 10.30.1.20.",
]


PATIENTS_DEVICES = [
    "The serial number on the pump's back plate reads 4706D28377, per the patient.",
    "Serial number printed on the back of her insulin pump case is A583-67454.",
    "The manufacturer's registry lists his pacemaker under SSJ3119442.",
    "Patient says the number on the back of his hearing aid is 4811S4207.",
    "His CPAP unit's serial, found on the underside of the machine, is S211-34382.",
    "Serial for her continuous glucose monitor transmitter: 7011037971.",
    "The serial of her glucose sensor, as printed on the applicator, is 20931177.",
    "Her insulin pump was swapped; the new unit's serial is KT44817203.",
    "Cochlear implant internal device serial: PJN402118 - child reviewed in audiology.",
]

EQUIPMENT = [
    "Pacemaker model W1DR01 added to the implant formulary.",
    "Insulin pump model MMT-1880 is on the approved list for the pilot.",
    "UDI-DI 00884521356148 added to the item master for the new stent.",
    "Insulin pump fleet of 60 units, serials 4401-4460, arrives Monday.",
    "The CT scanner serial 70124 is needed for the vendor's service contract.",
    "Vendor needs the MRI serial number for the warranty claim: 45218.",
    "Biomed asset tag 004512 (ICU ventilator) due for PM on Friday.",
]


@pytest.mark.parametrize("note", PATIENTS_DEVICES)
def test_a_patients_device_serial_far_from_its_label_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["device-serial"] in reply.text


@pytest.mark.parametrize("note", EQUIPMENT)
def test_models_fleets_and_the_hospitals_equipment_are_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


@pytest.mark.parametrize("note", PERSONS_IPS)
def test_a_persons_ip_next_to_an_infrastructure_word_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS["ip-address"] in reply.text


@pytest.mark.parametrize("note", SERVERS_IPS)
def test_a_hospital_machines_private_ip_is_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


def test_the_server_ip_allowance_stays_a_workspace_setting() -> None:
    denied = Workspace(allow=Allowances(server_ip=False))
    assert [f.kind for f in scan("Client side logs show 10.2.3.4", denied)] == ["ip-address"]
    assert scan("Client side logs show 10.2.3.4") == []


PMO_TEXTS = [
    "patient satisfaction survey closes 20 January 2027",
    "The patient feedback survey opened 5 January 2027 and closes 20 January 2027.",
    "Patient transport contract number 4471-22 renewed",
    "Patient ID band stock order 4471-22 arrives Monday.",
    "Patient education leaflets reprint order 88123 delivered 14/12/2026.",
    "Client side logs show 10.2.3.4",
    "Send questions to patient-portal@hospital.org by Friday.",
    "Feedback goes to patientsafety@hospital.org, not to the PMO.",
    "Patient relations team: patient.relations@hospital.org, ext. 4410.",
    "Send the survey link from patient-experience@hospital.org on 20 January 2027.",
]

PATIENTS_TEXTS = [
    ("Patient seen 20 January 2027 for follow-up.", "admission-date"),
    ("Patient's email is jane.doe82@gmail.com, please update.", "email"),
    ("Patient's email is patient.care@gmail.com, please update.", "email"),  # a free mailbox is a person's
]


@pytest.mark.parametrize("note", PMO_TEXTS)
def test_pmo_texts_with_patient_programme_words_are_stored(ehr: Chat, note: str) -> None:
    ehr.note_stored("sam", note)


@pytest.mark.parametrize(("note", "kind"), PATIENTS_TEXTS)
def test_a_patients_date_and_mailbox_are_still_refused(ehr: Chat, note: str, kind: str) -> None:
    reply = ehr.note_refused("sam", note)
    assert KINDS[kind] in reply.text
