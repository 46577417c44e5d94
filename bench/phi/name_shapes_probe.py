"""A probe of patient-name recall by sentence *shape*: short clinical sentences written here (not taken from any
evaluation set) whose patient is named in the five forms the public frame sets use ("K. Szöllösy", "DOUGLAS
AZEVEDO", a given name alone, "Boyle, Kacper", "Koppány Vadász"), and staff sentences of the same shapes that must
pass.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.name_shapes_probe [--show] [--check]

Frames alternate between a TUNE half and a CHECK half: rules are written against the tune half's misses only, and
the check half (never listed unless --check) says whether they generalise to wordings nobody tuned on.

Development aid only: Faker is a bench-time tool; the sentences are made up, nothing here is evaluation data.
Seeded: the same sentences each run.
"""

from __future__ import annotations

import random
import sys

from faker import Faker

from commands.phi import scan

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "tr_TR",
           "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "no_NO", "hr_HR", "sl_SI", "is_IS"]  # fmt: skip

# A patient named in a short clinical sentence: the name is the subject or object of a clinical verb or finding,
# after a person-role noun, inverted next to clinical words, in a record-like line, or with an age/sex/room near.
PATIENT = [
    "{n} reported mild nausea after the second dose.",
    "{n} denied chest pain at rest.",
    "{n} tolerated the oral diet without vomiting.",
    "{n} complained of intermittent headaches since Tuesday.",
    "{n} was unable to bear weight on the left leg.",
    "The nurse examined {n} and found no oedema.",
    "Vital signs for {n} were stable overnight.",
    "{n}'s cough has improved since starting the inhaler.",
    "Client {n} said the new dressing feels comfortable.",
    "Resident {n} slept poorly and refused breakfast.",
    "Service user {n} declined the flu vaccine today.",
    "Member {n} asked about a denied claim for physiotherapy.",
    "Subscriber: {n}",
    "Enrollee {n} requested a refill of lisinopril.",
    "Beneficiary {n} attended the diabetic eye screening.",
    "Guarantor {n} will receive the statement for the ER visit.",
    "Informant was {n}, who confirmed the history of seizures.",
    "History obtained from {n}, a reliable historian.",
    "Caller {n} says the rash has spread to both arms.",
    "PATIENT: {n} | ALLERGIES: penicillin",
    "{n} / 72 / F / chest pain",
    "{n}, aged 45, presented with abdominal pain.",
    "{n} (born 1961) was reviewed in the fracture clinic.",
    "Room 12: {n}, post-op day 2, pain controlled.",
    "Bed 4 – {n} – febrile overnight, cultures sent.",
    "Spoke with {n} regarding the biopsy result.",
    "Reviewed {n} on the ward round; the wound is healing well.",
    "Saw {n} today for follow-up of hypertension.",
    "{n} remains on oxygen at 2 L via nasal cannula.",
    "{n} appeared comfortable and was breathing without difficulty.",
    "On examination {n} was alert and oriented.",
    "We discussed smoking cessation with {n} at length.",
    "Discussed the discharge plan with {n} and family.",
    "Mobility: {n} walked 20 metres with a frame.",
    "{n} has a known allergy to sulfa drugs.",
    "{n} was given paracetamol for a temperature of 38.4.",
    "Advised {n} to return if symptoms worsen.",
    "{n} understood the risks and agreed to proceed with surgery.",
    "The individual, {n}, expressed worry about the scan results.",
    "Respondent {n} reported two falls in the last year.",
    "{n} describes the pain as sharp and constant.",
    "Insured: {n}; relationship to policy holder: self",
    "Claimant {n} underwent knee arthroscopy last month.",
    "Telephone follow-up: {n} feels much better after antibiotics.",
    "Interpreter booked for {n}, whose first language is Portuguese.",
    "Name of person receiving care: {n}",
    "Person supported: {n}",
    "NAME {n} — SEX F — AGE 54",
    "{n} was transferred to the ICU overnight.",
    "Blood glucose for {n} was 14.2 before lunch.",
    "{n} needs help with bathing and dressing.",
    "Pain score reported by {n}: 6/10.",
    "Consent was obtained from {n} before the procedure.",
    "{n} presents today with a three-day history of dysuria.",
    "The wound on {n}'s left heel is granulating.",
    "PT / {n} / afebrile, eating well.",
    "Individual receiving services: {n}",
    "{n} could not recall when the swelling began.",
    "{n} reports that sleep is poor because of cough.",
    "This morning {n} vomited twice and looked pale.",
    "{n} had a fall at home on Sunday night.",
    "{n} is short of breath on exertion.",
    "Examination of {n} showed a soft, non-tender abdomen.",
    "Nursing note: {n} settled well after analgesia.",
    "{n}, 81, lives alone and uses a walking stick.",
    "{n} (M, 34) attended with a sprained ankle.",
    "Patient's son reports {n} has been more confused.",
    "The person seen today, {n}, has no known allergies.",
    "{n} stated that the dizziness started last week.",
    "The physiotherapist mobilised {n} to the chair.",
    "Results discussed with {n} by telephone.",
    "{n} was sleeping when the night nurse checked on them.",
    "{n} will continue metformin and return in three months.",
    "Care home resident {n} has a grade 2 pressure sore.",
    "Medication review for {n}: stop aspirin.",
    "{n} finds it hard to swallow tablets.",
    "P A T I E N T = {n}",
    "Client name :: {n}",
    "lDENTITY — {n}",
    "PATIENT IDENTITY / {n} / afebrile",
    "CLlENT NAME >> {n}",
    "Full name | {n}",
    "P4TIENT: {n}",
    "Person / {n} / no acute distress.",
    "Member name = {n}",
    "SUBSCRIBER / {n} / plan renewed",
    "{n}'s caregiver reported that sleep has improved.",
    "Spoke with {n} about the new inhaler technique.",
    "{n}, the person receiving care, reported dizziness.",
    "Identity confirmed as {n} before the injection.",
    "The patient's preferred name is {n}.",
    "Patient identified as {n} by wristband check.",
    "The patient, {n}, reported improved sleep.",
    "Encounter for {n}: follow-up of asthma.",
    "The history was provided by {n} in person.",
    "{n} was accompanied by a daughter.",
    "Transport arranged for {n} after dialysis.",
    "{n} lives with a partner near the coast.",
    "At Lakeshore Clinic, {n} was reviewed for a chest infection.",
    "Home visit to {n} completed; no concerns about skin integrity.",
    "Follow-up call to {n}: symptoms resolved.",
    "Referral letter for {n} sent to cardiology.",
    "{n} brought a list of current medicines.",
    "Chaperone present while {n} was examined.",
    "PATIENT >> {n}",
    "Pt: {n}",
    "Name on wristband: {n}",
    "Person giving the history: {n}",
]

# Staff in the same shapes: a work verb, a role or credential, an attendee or owner list, a signature. Must pass.
STAFF = [
    "{n} will present the go-live readiness update on Friday.",
    "Action: {n} to confirm the interface test dates.",
    "Attendees: {n}, Priya Shah and the pharmacy lead.",
    "{n} signed off the build for the medication module.",
    "Owner: {n}",
    "Reviewed by {n}, RN; no change to the plan.",
    "The ward manager {n} approved the rota change.",
    "{n} (informatics lead) raised the downtime risk.",
    "Thanks {n} for chasing the vendor.",
    "{n} owns the order set clean-up.",
    "Escalated to {n} in the PMO.",
    "Dr. {n} reviewed the results with the patient.",
    "Seen by {n}, MD.",
    "The discharge was completed by nurse {n}.",
    "{n} updated the sepsis alert thresholds.",
    "Contact {n} for training access.",
    "Examining clinician: {n}",
    "{n} reported the printer fault to the service desk.",
    "{n} described the new triage workflow to the steering group.",
    "{n} was able to attend the vendor demo.",
    "{n} explained the cutover plan to the ward nurses.",
    "{n} denied the change request for the lab feed.",
    "Pharmacist {n} verified the heparin order.",
    "Physician: {n}; department: cardiology",
    "Minutes taken by {n}.",
    "{n} is our clinical safety officer for the go-live.",
    "Presenter / {n} / readiness review",
    "Ticket assigned to {n} for the HL7 mapping fix.",
    "The signing clinician is {n}, MD.",
    "Rota: {n} covers the night shift on 4 West.",
    "CL1NICIAN = {n}",
    "S I G N E R — {n}",
    "ATTENDING | {n}",
    "Reviewer >> {n}",
    "PRESENTER: {n}",
    "Author / {n} / draft v2",
]


def names(f: Faker, rng: random.Random) -> list[str]:
    """One name in each of the five forms: initial + surname, ALL CAPS, a given name alone, "Surname, Given",
    full."""
    return [
        f"{f.first_name()[0]}. {f.last_name()}",
        f"{f.first_name()} {f.last_name()}".upper(),
        f.first_name(),
        f"{f.last_name()}, {f.first_name()}",
        f"{f.first_name()} {f.last_name()}",
    ]


def fills(frames: list[str], seed: int) -> list[tuple[int, str]]:
    rng = random.Random(seed)
    out = []
    for i, frame in enumerate(frames):
        f = Faker(rng.choice(LOCALES))
        f.seed_instance(seed * 1000 + i)
        for n in names(f, rng):
            out.append((i, frame.replace("{n}", n)))
    return out


def main() -> None:
    show = "--show" in sys.argv
    check = "--check" in sys.argv
    for label, frames, seed, want in (("patient", PATIENT, 11, True), ("staff", STAFF, 23, False)):
        for half in (0, 1):
            part = [(i, t) for i, t in fills(frames, seed) if i % 2 == half]
            bad = [(i, t) for i, t in part if bool(scan(t)) != want]
            name = "tune" if half == 0 else "check"
            what = "missed" if want else "refused"
            print(f"{label:8} {name:5}: {len(part)} texts, {what} {len(bad)} ({len(bad) / len(part):.1%})")
            if show and (half == 0 or check):
                for _, t in bad:
                    print(f"    {what.upper()}: {t}")


if __name__ == "__main__":
    main()
