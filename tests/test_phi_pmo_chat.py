"""The PHI guard in conversation on ordinary hospital-PMO text (commands/phi/project.py): a date, a phone or a name
in a project's sentence is the project's or staff's, and the same shapes with a sign of a patient are refused.

Every text here is made up (names, sites, and numbers in the 555-01xx and drama ranges)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commands.phi import Allowances, Workspace, scan
from storage.models import StatusUpdate
from tests.support.chat import Chat

# Project dates next to clinic/admission/discharge/visit/review words, vendor and staff numbers, colleagues with a
# role after their name, action owners, sites read as people, column names read as "Surname, Given".
PASSES = [
    # dates
    "Dr. Patel's clinic moves to Level 3 on 3 March; network drops still pending.",
    "ADT admission workflow go-live 2026-12-04; interface testing 80% done",
    "I visited the Mercy clinic on 11/12 for the readiness walkthrough.",
    "e-Referral integration passed clinical safety review (DCB0129) on 27/11.",
    "Site visit to Royal North Shore on 15/12.",
    "Mercy clinic readiness walkthrough done, 14/16 items green.",
    "I reviewed the discharge summary templates with Dr. Fernandez on 1 Dec.",
    "The Fracture Clinic moves to Epic Cadence on 2027-03-01.",
    "I spent 11/30 at the Concord clinic shadowing the front desk for the new check-in process.",
    "Clinic visit to Blacktown on 8/12 went well; 3 issues logged.",
    "The pre-admission clinic moves to the new outpatient building on 2027-02-01.",
    "Ward 6 live on the eMAR since 02-Dec-2026.",
    # phones
    "Escalated to Cerner account exec (Brad Kowalski, 816-555-0134) and scheduled a call.",
    "Dr. Amara Okafor will cover the command centre on 12/4; mobile 604-555-0173.",
    "I'll be at the Westmead site on Thursday; call me on 416-555-0100 if anything comes up.",
    "Contact Ravi Menon (vendor PM, 617-555-0148) about the interface spec.",
    # names and sites
    "Miss Eleanor Pritchard (ward clerk, 6 South) will test the admission screens.",
    "Mrs. Aisha Bello, the discharge coordinator on 7B, will run the huddle.",
    "Ms. Zhang from Biomed will bring the pumps to room 412 at 9am.",
    "Action: Moana Kealoha / Ayesha Siddiqui to confirm room bookings",
    "Please get Mr Ortega's sign-off on the order sets before 14.01.2027.",
    "Patient list columns agreed: bed, name, age, LOS, EDD, consultant.",
    "Paediatric ED at Sydney Children's goes live on 2/8.",
    "Training at St Vincent's Melbourne starts next week.",
    "Hi Sam, the admission screens build finished 12/1; go-live 12/14. Call me on 0400 555 192 if the dates move.",
    "Ref SR 77120934 with Epic TS; case number 04411823 with Philips for the MX450 firmware.",
    "I'm presenting at the Admissions forum on 12/10.",
    "Clinic walk-round 12/3: printers OK, Wi-Fi weak in rooms 4-6.",
    # a site's address, a model number
    "Outpatients at 100 Queen Street moves to the new hub next year.",
    "Stock check: 1,120 Alaris 8015 PCUs and 36 spare.",
]

# The same shapes about a patient: still refused.
REFUSED = [
    "The patient was admitted on 12/2 and discharged on 12/5 but the new workflow lost her.",
    "Pt seen in the Mercy clinic on 11/12 and the results never crossed after the go-live.",
    "A 78-year-old woman was admitted to ICU on 3/4 during the cutover.",
    "Discharge of Mrs. Grant on 12/3 failed to reach the GP during the interface outage.",
    "My mother was seen in the Mercy clinic on 11/12 and her results went missing.",
    "Please call the patient's daughter on 0412 555 987 about the go-live of the portal.",
    "Please call Mrs. Lee (patient) on 0412 555 777 about her portal account.",
    "Mrs. Priya Nair, the patient in bed 12 on 3 North, fell during the downtime.",
    "Mr. Tomasz Kowal (patient, 5 West) was discharged without his meds.",
    "Mrs. Edith Crane's discharge summary went to the wrong GP during the go-live.",
    "Action: call patient Harriet Lowe about her cancelled clinic appointment.",
    "Ms. Abernethy, 82, fell on 4 West on 12/3 after the pump upgrade.",
    "The patient at 55 Elizabeth Street got the wrong letter after the cutover.",
    "The walkthrough found patient Edna Lowe's wristband printed with MRN 4471902.",
    "The patient was seen on 11/12 during the readiness walkthrough.",
    "Mr. Harold Bell (ward 5) was missed by the new census during the go-live.",
    "Mrs. Joan Kerr (radiology) had her scan booked twice by the new scheduling build.",
    "UAT used real data: Mr. Jones, seen 12/3 in clinic.",
    "Go-live day 1: Mr. Bell arrived in ED on 12/3 and the tracking board lost him.",
    "Clinic review of Mr. Bell on 12/9 was cancelled by the new scheduling build.",
    "Pt presenting to ED on 12/3 was registered twice after the go-live.",
]

# Messages with a signature: a colleague's number under a closing in any language, or on a "Name | Role" line.
LETTERS_PASS = [
    (
        "Bonjour Jean-François,\n\nLe plan de bascule est joint. Go-live le 4 décembre.\n\nCordialement,\n"
        "Isabelle Gagnon\nChargée de projet, DSI\n514-555-0166"
    ),
    "Hi all,\n\nThe runbook for the cutover is attached.\n\nTa,\nRhys Morgan\n+61 2 5550 1234",
    "Morning all\n\nStand-up moved to 9:30 tomorrow.\n\nMerci,\nIsabelle\n514-555-0166",
    "Hi Javier,\nThe gate is on 12/17.\n\nThanks,\nFatima\n\nFatima Al-Sayed | PMO Analyst | Ext 4521",
    "Hi all,\n\nGo-live is confirmed for Wed 9 Dec. Runbook attached.\n\nBest,\nIngrid Solberg\nCMIO\n07700 900123",
    "Thanks,\nDana Whitfield\nPMO Lead | EPR Programme\nT 02 9876 5432 | M 0412 555 019",
    "Regards\nPriya Raghunathan\nProgramme Manager\nDirect: (212) 555-0142  Mobile: (212) 555-0199",
    "Kind regards,\nMei-Ling Chen\nDirector, Patient Access\nPager 4521",
    "Thanks\nLachlan McKenzie\nWestern Sydney LHD\n0412 555 661",
]
LETTERS_REFUSED = [
    "Hi Dana,\n\nMy appointment on 12/3 was cancelled by your new system.\n\nThanks,\nJoan Mercer\n0412 555 019",
    "Please call me back about my bill.\n\nThank you,\nJavier Parejo\n07386 218150",
]


@pytest.mark.parametrize("note", PASSES)
def test_a_pmo_note_is_stored_as_written(ehr: Chat, note: str) -> None:
    ehr.ok("sam", f'/status EHR amber "{note}"')
    assert ehr.scalar(select(StatusUpdate.note)) == note


@pytest.mark.parametrize("note", REFUSED)
def test_the_same_shape_about_a_patient_is_refused(ehr: Chat, note: str) -> None:
    reply = ehr.refused("sam", f'/status EHR amber "{note}"')
    assert "looks like it contains patient information" in reply.text
    assert ehr.scalar(select(StatusUpdate.id)) is None


@pytest.mark.parametrize("text", LETTERS_PASS)
def test_a_pmo_message_with_a_signature_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text", LETTERS_REFUSED)
def test_a_patients_message_with_a_signature_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert "phone" in {f.kind for f in scan(text)}


def test_a_vendors_number_in_the_body_follows_the_service_desk_allowance() -> None:
    text = "Escalated to Cerner account exec (Brad Kowalski, 816-555-0134) and scheduled a call."
    assert scan(text) == []
    denied = Workspace(allow=Allowances(service_desk=False))
    assert {f.kind for f in scan(text, denied)} == {"phone"}
    # a signature is the writer's own, whatever the allowance
    assert scan(LETTERS_PASS[1], denied) == []


def test_the_guard_says_why_when_a_project_sentence_has_a_patient_in_it(ehr: Chat) -> None:
    ehr.ok("sam", '/status EHR amber "I visited the Mercy clinic on 11/12 for the readiness walkthrough."')
    reply = ehr.refused("sam", '/status EHR amber "I visited the patient on 11/12 during the readiness walkthrough."')
    assert "an admission, discharge, service or death date" in reply.text
