"""A patient named in a short clinical sentence, in any of the forms the frame sets use ("Nagy, Eszter", "ROLF
HAUGE", "T. Virtanen", a given name alone), and staff named in the same shapes, who must pass.

The sentences are made up here in the shapes of the development misses, with other words and other names.
"""

from __future__ import annotations

import pytest

from commands.phi import scan

# said in a note -> refused as a patient's name
REFUSED = [
    # a person-role noun of care or cover before the name
    "Service user Nagy, Eszter declined the shingles vaccine.",
    "Claimant ROLF HAUGE had a knee arthroscopy in March.",
    "Beneficiary T. Virtanen attended the retinal screening.",
    "The informant was Leocadia, who confirmed two seizures last week.",
    "Resident Wiesława Kot refused her breakfast and seemed drowsy.",
    # a record row whose label is dressed to dodge a filter
    "P A T I E N T = Zbigniew",
    "CL1ENT NAME >> Orsolya Bakó",
    "lDENTITY — Kowalczyk, Anatol",
    "Person / Ingibjörg / no acute distress.",
    # the name as the subject of a finding, a symptom or a change of place
    "Hallvard Ek was unable to bear weight on the right ankle.",
    "GRAZYNA WOLNA has a known allergy to latex.",
    "Radoslava was transferred to the ICU after midnight.",
    "On examination Pekkarinen, Aino was alert and oriented.",
    # the name as the object of what was done in care
    "Consent was obtained from Fenna Hoekstra before the biopsy.",
    "Reviewed Jarkko on the ward round; the leg wound is healing.",
    "Observations for S. Lindqvist were stable overnight.",
    "Biopsy results discussed with ÅSA BERGQVIST by telephone.",
    "Ambulance transport booked for Henrikke Vold after her dialysis.",
    # the name with its age and sex, its birth year or its bed
    "Ilkka / 64 / M / syncope",
    "Bed 9 – Ruth Nakagawa – spiked a fever at 02:00",
    # the name's role said after it, or the patient's name said in words
    "R. Castellanos, the service user, reported new ankle swelling.",
    "The patient's registered name is Mehmet Yıldırım.",
    "The history was provided by Oyelaran, Bisi over the phone.",
    "GUNNHILD MOE's carer reported poor appetite this week.",
    # the name said, in words, to be the patient's or the person in care's
    "Torben Lund, confirmed verbally as the patient, described the night sweats.",
    "The check recorded Ilse Brandt, whose listed role is patient.",
    "Aksel Rønning is the person being examined in this entry.",
    "The resident is known on the unit as Magnhild Aune.",
    "Consent was filed under the patient's registered name, Sunniva Lie.",
    "The summary from Eirik Vik's family describes better sleep.",
    # the name opening a sentence in a text about one person's care
    "At the review in May 2021, Tormod Aasen recalled using the rail on the stairs. The therapist agreed.",
    "Hildur Sveinsdóttir Jr. began hydrotherapy in 2019. At the appointment in 2020 the patient walked unaided.",
    # the patient, then the name; a long label that names the patient's name
    "Identity was checked for the patient, whose legal name is Strand, Oddny.",
    "The wristband on bed 3 belongs to the patient, Eldbjørg Haug.",
    "Name given by the patient at the front desk = solveig, tora",
    # a patient's label and a name typed in small letters
    "Pain clinic\npatient: nora j. addison; spelling checked at the desk.",
    "- pt: ivar lunde;",
    # a person in care the care was discussed with, named by one word
    "Wound care advice was discussed with Mirelund before discharge.",
    # a next-of-kin segment pasted from an interface log
    "NK1|1|BERG^SOLVEIG|DAU|Storgata 4^^Oslo|22334455",
]

# said in a PMO note -> passes
PASSES = [
    "CL1NICIAN = Torvald Ness",
    "S I G N E R — Maren Aas, RN",
    "Team member Ilona Varga joined the sepsis huddle.",
    "Resident physician Piotr Lis covers the ward on nights.",
    "Ingrid Solheim walked through the discharge medication flow.",
    "Reviewed by Oskar Lind, RN; no change to the plan.",
    "Aurelia Pop reported the label printer fault to the service desk.",
    "Subscriber Dana Whitfield owns the interface build for the portal.",
    "Marek was able to attend the vendor demo on Friday.",
    "Discussed the go-live readiness with Kasia Nowak.",
    "a 60-year-old female with a history of Huntington's disease",
    "Training booked for Sigrun Dahl before the go-live.",
    "Reminder sent to Tomasz Wrona about the timesheet.",
    "Jonas Berg, the patient experience lead, chairs the forum.",
    "At the steering meeting in May, Tormod Aasen presented the interface build; the patient portal slips.",
    "Mina Holt completed the super-user training before the appointment module go-live.",
    "Written observations were countersigned by Ragnvald, RN.",
    "Dr. Amara Lee's family is visiting, so she is on leave until Monday.",
    "Patient: forty-one years old, lives alone.",
    "I visited Campbelltown on 12/3 for the readiness walkthrough.",
    "Name of the consulting clinician for the patient = Harald Moen",
    "Project name for the patient flow board: Lighthouse",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_patient_named_in_a_clinical_sentence_is_refused(text: str) -> None:
    assert "patient-name" in {f.kind for f in scan(text)}, text


@pytest.mark.parametrize("text", PASSES)
def test_staff_named_in_the_same_shapes_pass(text: str) -> None:
    assert scan(text) == [], text
