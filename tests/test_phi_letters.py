"""Letters, e-mails, voicemails and messages pasted into Rounds (commands/phi/letters.py): a patient's or a
relative's identifiers with no label before them are refused — the name after "Dear Ms", in a "Re:" or "Subject:"
line, on its own line under "Regards," with the town and the phone under it, in a forwarded "From:" header, said
by its owner, and the dates of care the writer tells. A PMO's letters and e-mails, with staff signatures, vendor
headers and project dates, are stored as written.

The examples are made up in the shapes the development set showed; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import pytest

from commands.phi import scan
from tests.support.chat import Chat

# pasted as a status note -> refused, with the kind the guard names
REFUSED = [
    # salutations: a title without a full stop, a lower-case particle, a full name, a greeting to a patient
    ("Dear Ms Okonjo,\n\nThank you for attending for your routine blood tests.", "patient-name"),
    ("Dear Mrs de Keijzer,\n\nYour vaccination is now due; please book with your GP.", "patient-name"),
    ("Dear Aurelio Bastos, your biopsy results are ready.", "patient-name"),
    ("Good afternoon, Mr. Haverford. I need to complete the form for your CPAP machine.", "patient-name"),
    # letter headers
    ("Re: Jorge Alvarado\n\nPlease find enclosed your discharge letter and medication list.", "patient-name"),
    ("RE: OKAFOR, Margaret\nReferral for physiotherapy after knee surgery.", "patient-name"),
    ("Subject: Insurance pre-auth — MRI lumbar spine, Edit Horváth", "patient-name"),
    ("Insurance pre-auth — MRI lumbar spine, Jennifer Walsh", "patient-name"),
    # sign-off blocks: a name on its own line under a closing, a town, a phone (an Indian mobile, a UK one)
    ("I feel I was cheated. Please take action against the doctor.\n\nRegards,\nMohammed Irfan\n90000 21603", "phone"),
    ("I am writing about the treatment my father received.\n\nYours sincerely,\nKavya Shenoy\nUdupi", "patient-name"),
    ("Could you send my prescription to the pharmacy?\n\nThank you,\nLiva Dam\n07700 900461", "patient-name"),
    ("We would like the Council to look into this.\n\nAbdul Rahim\n90000 10944", "patient-name"),
    (
        "I want to complain about the treatment my father received.\n\nYours faithfully,\nMr. Okonkwo-Adeyemi",
        "patient-name",
    ),
    ("I want to complain about the treatment my father received.\n\nYours faithfully,\nJ. Smith", "patient-name"),
    # a signature's phone under a closing and a name, in a message that is no project's, in a shape no rule knew
    ("Can you resend the letter?\n\nRegards,\nHannah Gill\nSouth Martin\n93085 32382", "phone"),
    ("Please call me back about my bill.\n\nThank you,\nJavier Parejo\n07386 218150", "phone"),
    # a forwarded e-mail's header
    ("From: Harsha Vardhan <harsha.v@example.com>\nSubject: Complaint regarding my dental treatment", "patient-name"),
    # the speaker says who they are
    ("Um, this is uh Michael Thomas, a 12 month old with meningitis.", "patient-name"),
    ("Hi, it's Pushti Bassi calling about my mom, she has a fever again.", "patient-name"),
    ("My name is Tobiasz Wrona and I need a refill of my blood pressure medication.", "patient-name"),
    ("Hi, this is Jane Okafor from the service desk, my mother was discharged without her meds.", "patient-name"),
    # dates of care the writer tells
    ("I had a laparoscopic appendectomy at Valley General on April 22nd.", "admission-date"),
    ("On 14 September 2026 Dr Rao extracted my lower left wisdom tooth.", "admission-date"),
    ("my surgery on 3/2 went well but the bill is wrong", "admission-date"),
    ("I saw the dentist on 2026-03-11 and the filling already fell out.", "admission-date"),
    ("I gave birth at St Mary's on 3 March 2026 and the midwife was rude.", "admission-date"),
]

# pasted as a status note -> stored as written
PASSES = [
    "Dear team,\n\nThe go-live readiness review is on Friday. Please update your workstream status.",
    "Please update your workstream status.\n\nRegards,\nDana Whitfield\nPMO lead\n416-555-0100",
    "The order set build is ready for testing.\n\nThanks,\nPatricia Wood\nClinical Informatics\n+44 20 7946 0958",
    "Please confirm the UAT sign-off by Friday so we can schedule the cutover.\n\nThank you,\nMads Pedersen\n+49 71 4488 1387",
    "Dear Ms Chen,\n\nPlease find attached the signed SOW and the project timeline.\n\nRegards,\nAisha Karimi\nProject Manager",
    "Re: Go-live readiness\n\nThe interface testing is complete; cutover is on schedule.",
    "From: Epic TS <ts@epic.com>\nSubject: Upgrade window for the lab interface",
    "From: Shaun Archer <pmo@hospital.org>\nSubject: Sprint 14 demo agenda",
    "Subject: Training schedule — ambulatory module, Dana Whitfield",
    "On 14 September 2026 we cut over the lab interface",
    "I had a meeting with the vendor on April 22nd",
    "Hi, this is Dana Whitfield from the PMO, calling about the go-live checklist.",
    "Hi, this is Dario Innocenti from the service desk; the clinic printers are back.",
    "My name is Bünyamin Manço, I lead the pharmacy workstream for the hospital go-live.",
    "My name is Ingrid Larsen and I am the new Epic analyst for the ambulatory build.",
    "The appointment reminders interface went live on 3 March; the doctors are happy.\n\nThanks,\nVincent Byrne",
    "Hi Rosie, the clinic go-live went well; the doctors liked the new workflow.\n\nThanks,\nBirte Hamann",
    "Thanks,\nSam Lee\nIT Service Desk\n416-555-0100",
    "Regards,\nTeam Phoenix\n+1 416 555 0100",
    "From: Mark Chen <mark.chen@vendor.com>\nSubject: Results interface mapping for the lab go-live",
    "Dear Dr Rao,\n\nThank you for presenting the sepsis alert build at the steering committee.",
]


@pytest.mark.parametrize("text,kind", REFUSED)
def test_a_patients_letter_is_refused(ehr: Chat, text: str, kind: str) -> None:
    ehr.note_refused("sam", text)
    assert kind in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_pmo_letter_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_a_staff_signature_keeps_the_patients_number_refused() -> None:
    """The staff signature's number passes, a number in the body of the same e-mail does not."""
    text = "Daughter asked for a callback on 07700 900461 about the cutover.\n\nRegards,\nDana Whitfield\nPMO lead\n416-555-0100"
    found = scan(text)
    assert [text[f.start : f.end] for f in found if f.kind == "phone"] == ["07700 900461"]


def test_a_patients_letter_names_the_writer_and_the_number_once_redacted() -> None:
    from commands.phi import redact

    text = "I was overcharged for a crown. Please take action.\n\nRegards,\nManjunath Hiremath\nKodihalli\n90000 22008"
    assert redact(text, scan(text)).endswith("Regards,\n[name]\nKodihalli\n[phone]")
