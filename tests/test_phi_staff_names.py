"""Staff named in a sentence of care pass: a title or a role in the name's own run ("Dr Leila admitted him",
"Physio L. Comas mobilised the patient"), a role in brackets ("Ravi Shah (pharmacist) reconciled the meds"), a
role before a title ("Consultant Mr. Brennan saw the patient"), a nurse's "Sister" before a name that gives care,
and a colleague's routine task for patients in general ("O. Holst checks allergies for each patient"). A patient
or a relative in the same shapes is still refused, as is the patient after a handover's label ("RN to RN: Rob Hale
had a fall") and the patient a clinician's speaker line asks about their care ("Nurse: Jane, can you squeeze my
hand?").

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import pytest

from commands.phi import scan
from tests.support.chat import Chat

# pasted as a status note -> stored as written
PASSES = [
    "Dr Leila admitted him to 4 West with sepsis.",
    "Dr E. Lahtinen admitted him to 4 West with sepsis.",
    "Dr Marie E. intubated the patient in resus.",
    "Sister Okafor discharged the patient home with district nurse follow-up.",
    "Sister Janne Jääskeläinen discharged the patient home with district nurse follow-up.",
    "Physio L. Comas mobilised the patient twice today.",
    "OT Hannah Berg assessed the patient's transfers.",
    "Physiotherapist Tomasz Lis mobilised her with a frame.",
    "Diane Poirier (pharmacist) reconciled the meds for bed 12.",
    "Emil Pulkkinen (SALT) assessed her swallow; soft diet.",
    "Consultant Mr. Brennan saw the patient in clinic.",
    "O. Holst checks allergies for each patient before the first dose is given.",
    "Patients are weighed on admission; Thibaut Gautier collects the figures for the audit.",
    # a handover's label, then a colleague's task; a clinician asking a colleague about work
    "RN to RN: Amy Cole will cover bay 3 tonight.",
    "Handover to night team: Amy Cole is the charge nurse tonight.",
    "Nurse: Jane, can you check bed 4's obs",
    "Dr: Sam, do you have the pain team's number?",
    "Nurse: Jane, how are you feeling about the go-live?",
    "RN: Priya, do you feel the order sets are ready?",
    "Dr: Sam, can you send your back-up plan for the downtime?",
    "Consultant: Mark, are you sick of the build tracker yet?",
    # a chat's mention of a role, then a colleague
    "@bed-manager Amy Cole will cover the 2pm huddle",
    "@pmo-team Amy Cole owns the cutover runbook.",
]

# pasted as a status note -> refused, with a patient-name finding on the name
REFUSED = [
    ("Her sister Ann Okafor discharged herself against advice.", "Ann Okafor"),
    ("Tom Becker (pt) fell in the bathroom overnight.", "Tom Becker"),
    ("Mr. Brennan saw the physio today and walked to the door.", "Brennan"),
    ("Ana Silva checks her blood sugar before each meal.", "Ana Silva"),
    # the patient handed over after a handover's label with roles in it
    ("RN to RN: Rob Hale had a fall overnight.", "Rob Hale"),
    ("RN to RN: A. Bruun had a rough night, PRN morphine x2", "A. Bruun"),
    ("Nurse to nurse: Amy Cole in bed 5 is NBM from midnight.", "Amy Cole"),
    # the patient a clinician's speaker line asks about their body, pain or feelings
    ("Nurse: Jane, can you squeeze my hand?", "Jane"),
    ("Dr: Mr. Lund, can you tell me where the pain is?", "Lund"),
    ("Nurse: Hi Jane, how are you feeling today?", "Jane"),
    # a chat's mention of the role told about the patient
    ("@charge-nurse P. Collins in side room 2 needs a falls mat", "P. Collins"),
]


@pytest.mark.parametrize("text", PASSES)
def test_staff_in_a_sentence_of_care_are_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text,name", REFUSED)
def test_patients_and_relatives_in_the_same_shapes_are_refused(ehr: Chat, text: str, name: str) -> None:
    ehr.note_refused("sam", text)
    start = text.index(name)
    assert any(f.kind == "patient-name" and f.start <= start < f.end for f in scan(text)), text
