"""Dates of care in short clinical sentences and form lines, which a PMO's words around them must not let through,
and the PMO's own dates, which must still pass.

Made up in the shapes the development set showed ("LABEL >> date >> remark" lines, a one-line note with "review",
"documentation" or "meeting" in it); the evaluation items themselves stay in bench/phi/*.jsonl.
"""

from __future__ import annotations

import pytest

from commands.phi import scan

# said as a note -> refused as a date of care
REFUSED = [
    # a form's date label, any separator, a remark after it that a PMO could have written
    "ADMISSION DATE >> 2024-03-11 >> documentation reviewed",
    "Discharge date / 14 Feb 2023 / approval pending",
    "ONSET | Nov 08, 2024 | escalated to the GP",
    "Date of assessment = 19.08.2022 = review completed",
    "VACCINATION DATE: 2022-05-02: issues noted",
    # the label as a scanner reads it
    "ADMlSSlON DATE >> 2023-10-04",
    "DATE 0F SERVICE = 03/09/2025",
    "Surgery date | 2021-06-30 | follow-up arranged",
    "Procedure performed 2024-01-15; documentation to follow",
    # a sentence of care with a word a PMO uses too
    "Documentation of the wound review was completed on 2024-03-11.",
    "Follow-up review booked for 03/09/2025 to reassess the rash.",
    "The review on 2020-10-10 noted ongoing dizziness.",
    "Dietitian review documented 17/07/2024; weight stable.",
    "Issues with the catheter were reported 2022-09-14.",
    "Her review with the memory service is on 14 September 2025.",
    "The physio walked him through the home exercises on 2023-05-09; less pain on the stairs.",
    "Repeat prescription shipped 14/02/2024 after the GP review.",
    # findings and treatments as words of care
    "A repeat echocardiogram was performed 2022-08-30.",
    "Imaging obtained 2023-06-06 showed no fracture.",
    "The cast was removed 2024-05-20.",
    "Consent for the infusion was recorded on 3 Oct 2021.",
    "First febrile day | 04-02-2025.",
    "The date given for the recipient's check-up is 05/22/2019.",
    # an occasion of care dated by a month and a year, in a note about a person
    "At the follow-up in August 2021, the patient managed the stairs without a rail.",
    "The therapist noted a dressing change at the visit in March 2020.",
    "Ngaio had an assessment at Kauri Bay Health Centre in May 2019 and the family came along.",
    # a month and a year in a form's field
    "Visit: March 2025.\nHome town: Kerikeri.",
    "Field | Value\n--- | ---\nPatient encounter date | June 2031\nWard | 4B",
    # a calendar invite for a person's appointment
    (
        "BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20240611T143000\nSUMMARY:Wound clinic appointment - R. Hale\n"
        "DESCRIPTION:Dressing review and bloods.\nEND:VEVENT"
    ),
]

# said as a PMO's note -> passes
PASSES = [
    "Site visit date: 11/12.",
    "Risk R-14 review date: 14/01/2027.",
    "Next review 12/3 at the steering group.",
    "Falls risk template review on 12/3.",
    "Discharge readiness checklist review on 14/01/2027.",
    "Allergy documentation review meeting 3/12 with the CNIO.",
    "Clinical documentation review on 2026-12-09 with the nursing informatics team.",
    "The observations chart template was reviewed on 4 Dec.",
    "Symptom checker app version 2.1 released 3/12.",
    "Admission date field renamed on 3/12.",
    "Onset date field added to the triage form on 4/12.",
    "the old interface engine died on 10/3 and failover worked",
    "Wound care app training for nurses on 12 March.",
    "I walked the ward manager through the new screens on 3/12.",
    "Next review in April 2027.",
    "At the review in January 2027 the board agreed the scope.",
    "The first training session in March 2027 covers the new eMAR screens.",
    "Teaching scores: pain 3/10, power 5/5 and cognitive screening 28/30.",
    "Observation | Value\nPain | 4/10\nPulse | 71",
    (
        "BEGIN:VEVENT\nDTSTART;TZID=Europe/London:20270611T100000\nSUMMARY:EPR go-live steering group\n"
        "DESCRIPTION:Clinic readiness and the discharge workflow.\nEND:VEVENT"
    ),
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_date_of_care_is_refused(text: str) -> None:
    kinds = {f.kind for f in scan(text)}
    assert kinds & {"admission-date", "date-of-birth"}, text


@pytest.mark.parametrize("text", PASSES)
def test_a_project_date_passes(text: str) -> None:
    assert scan(text) == [], text
