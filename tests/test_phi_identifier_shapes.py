"""Identifier numbers and contacts said in other words, orders and shapes: a label phrase of a person's record with
any separator ("PAYER ID >> …", "… was given as …", "… (episode number)"), phones in a relative's line or with an
extension, addresses after a home label or a verb in other countries' shapes — and the PMO text that must pass.

The examples are made up in the shapes the development set showed; the evaluation items stay in bench/phi/*.jsonl.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commands.phi import scan
from storage.models import StatusUpdate
from tests.support.chat import Chat

# said as a status note -> refused, with the kind the guard names
REFUSED = [
    # a label phrase of a person's record, then a separator or a few small words, then the number
    ("Episode number: Y-81358369 opened twice", "mrn"),
    ("PAYER ID >> 06J-702829 >> eligibility failed", "plan-number"),
    ("the hospital chart ref was given as 570.287.421", "mrn"),
    ("Guarantor account | 4471 2208", "plan-number"),
    ("Inpatient number — GZ959325", "mrn"),
    ("the patient's Medicaid ID reads 69212648E", "plan-number"),
    ("Insurance ID on file: H 4333801", "plan-number"),
    ("MR# >> D-39064824 >> merged", "mrn"),
    ("Client number = 8385387 for the mother's account", "mrn"),
    # a label word that names a record on its own, or a billing system's short label
    ("Pathology received specimen S24-118733 this morning", "mrn"),
    ("FIN 2783/5706 posted twice to billing", "mrn"),
    ("Medicaid recipient ID 423.318.113 was inactive", "plan-number"),
    ("the discharge summary quotes episode 28B-582694", "mrn"),
    # a long gap after a word that hands the value over
    ("the supplied member enrolment ID was retained as QX4471220", "plan-number"),
    ("the private social security number is kept in the file with value 512 77 9034", "ssn"),
    ("Under the patient's passport number, the intake form lists 55120398", "plan-number"),
    ("The stored value TR-4471-2208 belongs to the person's outpatient billing account", "plan-number"),
    ("The nurse checked 31K-550912 against the resident's home-care enrolment identifier", "mrn"),
    # the number first, its label after it
    ("97098476 is the visit reference on file", "mrn"),
    ("54E-856220 (patient identifier) was verified at check-in", "mrn"),
    ("3051-1302 — benefits card number, checked at intake", "plan-number"),
    # Social Security numbers with other words between label and number, or after the number
    ("SSN last verified: 612 48 9031", "ssn"),
    ("the SSN on file reads 533.21.7788", "ssn"),
    ("421-68-1190 is her social security number", "ssn"),
    ("S.S.N.: 318 44 6120", "ssn"),
    ("Soc. Sec. No. 452/17/3390", "ssn"),
    ("the social security number on the claim reads 512 66 4471", "ssn"),
    # phones: a relative's line, an extension, "is the number …", a phone word and a hand-over word
    ("Daughter: 0428 863 4324", "phone"),
    ("Callback no. | (033)848-1042x8939", "phone"),
    ("045/718-2290 is the number the son gave", "phone"),
    ("appointment reminders by SMS go to 0335 951 2033", "phone"),
    ("Telephone: 00 33 7 01 30 24 09", "phone"),
    # a phone said to be the patient's, whatever team words stand around it; a phone broken at the line's end
    ("The admissions team confirmed the patient's phone number as 01632960411", "phone"),
    ("Phone: (555) 410-2291-\nMRN on the wristband", "phone"),
    ("The patient asked to be phoned on 86 035 41 70", "phone"),
    ("The patient is contactable on 0412 771 309", "phone"),
    ("The client is domiciled at Andrássy út 14, 1061 Budapest", "address"),
    # an HL7 next-of-kin segment: its address and phone fields
    ("NK1|1|ROE^ANN|MTH|15 Birch Hollow^^Dayton^OH^45402|(555)410-7781", "address"),
    ("NK1|1|ROE^ANN|MTH|15 Birch Hollow^^Dayton^OH^45402|(555)410-7781", "phone"),
    # addresses after a home label, or a verb of sending or visiting, in other countries' shapes
    ("Domicile: Rynek Główny 12, 31-042 Kraków", "address"),
    ("the correspondence address was given as Andrássy út 14, 1061 Budapest", "address"),
    ("Home visit planned at ul. Słoneczna 8, 00-238 Warszawa", "address"),
    ("Residence / Av. Corrientes 918, C1043 Buenos Aires / verified", "address"),
    ("the recorded home is 3-5-1 Nishiki, Nagoya 460-0003", "address"),
    ("Leoforos Kifisias 20, 106 74 Athina is the patient's home address", "address"),
    ("Vinohradská 41, 120 00 Praha 2 — home address, confirmed by phone", "address"),
    ("The client's dwelling is recorded in full as Storgatan 12, 411 38 Göteborg, Sweden", "address"),
    ("| Visit | 03 Feb 2025 |\n| Home address | 41 Alder Way, Glen Cove, ME 04846 |", "address"),
    ("Write to the patient at Karl Johans gate 9, 0154 Oslo", "address"),
    ("the recorded delivery destination is Plot 7, Ring Road, Pune 411001", "address"),
]

# PMO and healthcare-IT text with numbers, phones and places that are not a patient's
PASSES = [
    "Ticket INC0012345 was raised for the patient portal outage",
    "PO 4500012345 covers the wristband printers for 4 West",
    "Change request 20231187 moves the medical record archive to cloud storage",
    "Upgraded Epic to version 10.2.3 in the patient record module",
    "Contract number 4471-2208 with Philips covers the monitors",
    "Accession numbers moved from 8 to 10 digits in release 2.4",
    "Amber: the Mercy clinic go-live moved to 9th December 2026; re-planning with the vendor",
    "Service desk: 0800 123 4567, option 2",
    "Text the rota changes to 07700 900456, the bed manager's phone",
    "The steering meeting moved to 4 Elm Room, Building 2",
    "Training moved to Room 12, Level 3, for the 2024 intake",
    # an organisation's address in a sentence about it
    "Vendor address: 1200 Chestnut Street, Philadelphia PA 19107",
    "Send the signed SOW to Legal, 55 Fruit Street, Boston MA 02114",
    "Contractors are housed at 12 College Road, Oxford OX1 3BN during go-live",
    "Write to Procurement at 20 King Street, Manchester M2 6AZ about the tender",
    "unit numbers 4401-4499 are reserved for the new wing",
    "Member 10234 of the steering group sent apologies",
    "Specimen 12345 in the UAT script failed the label test",
    "The CSN 0012345 sample message in the interface spec has a typo",
    "FIN 2025-26 budget lines were approved",
    "Research indexing lists PubMed PMID 55120398 and data set accession DS-44120",
    "training at 1 Medical Center Dr",  # once a known false alarm in tests/test_phi.py
    # a system's number under a label a patient's number also carries, and counts and ranges
    "Account key 12345678 rotated for the SFTP service",
    "Case number 01234567 opened with Microsoft support about Teams",
    "Client ID 4471-2208 for the OAuth app registration",
    "Patient account reconciliation: 15234 accounts migrated, 12 failed",
    "Record 45213 of 90000 failed validation in the data load",
    "The MRN range 1000000-1999999 is reserved for test patients",
]


@pytest.mark.parametrize(("note", "kind"), REFUSED)
def test_identifier_shapes_are_refused(note: str, kind: str) -> None:
    assert kind in {f.kind for f in scan(note)}


@pytest.mark.parametrize("note", PASSES)
def test_pmo_numbers_phones_and_places_pass(note: str) -> None:
    assert scan(note) == []


def test_a_status_with_a_payer_id_is_refused_and_not_stored(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/status EHR amber "PAYER ID >> 06J-702829 >> eligibility failed"')
    assert "looks like it contains patient information" in reply.text
    assert "06J-702829" not in reply.text
    assert ehr.scalar(select(StatusUpdate.id)) is None


def test_a_status_with_a_ticket_number_is_saved(ehr: Chat) -> None:
    note = "Ticket INC0012345 was raised for the patient portal outage"
    ehr.ok("sam", f'/status EHR amber "{note}"')
    assert ehr.scalar(select(StatusUpdate.note)) == note
