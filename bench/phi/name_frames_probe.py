"""A probe of patient-name recall by sentence *frame*: made-up sentences in the many styles clinical text has
(narrative notes, labelled fields with odd separators and case, chat / handoff / transcript lines, letters,
relatives after kinship words) that name a patient or a patient's relative, filled with names in many forms
(full, "Last, First", initials, ALL CAPS, lower case, a given name alone, names with diacritics from many
languages, and invented names from a small syllable generator); and PMO / healthcare-IT sentences that name
STAFF or non-persons (products, places, eponyms) and must pass.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.name_frames_probe [--show] [--check]

A patient text counts as caught only when a patient-name finding overlaps the name that was filled in (a finding
elsewhere in the sentence is not credit). A clean text counts as refused when the guard finds anything.

Frames alternate between a TUNE half and a CHECK half: rules are written against the tune half's misses only, and
the check half (never listed unless --check) says whether they generalise to wordings nobody tuned on.

Development aid only: Faker is a bench-time tool; the frames are written here, nothing is evaluation data.
Seeded: the same sentences each run.
"""

from __future__ import annotations

import random
import sys
from collections import Counter

from faker import Faker

from commands.phi import scan

# Latin-script locales only (the guard reads Latin-script text): many with letters past ASCII.
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE",
           "tr_TR", "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "no_NO", "hr_HR", "sl_SI", "is_IS", "vi_VN",
           "yo_NG", "zu_ZA", "ig_NG", "en_IN", "id_ID", "lt_LT", "lv_LV", "sk_SK", "ga_IE", "az_AZ", "uz_UZ",
           "en_KE", "fr_CA", "tw_GH"]  # fmt: skip

# A patient (or a patient's relative) named in a sentence about that person's care. {n} is the name.
PATIENT = [
    # narrative notes
    "The account supplied by {n}'s family describes three falls since spring.",
    "{n} attended with a caregiver and seemed more settled than last week.",
    "Today's identification names {n} as the person receiving care.",
    "{n} was tearful during the dressing change and asked for her daughter.",
    "According to the home care worker, {n} has not been eating.",
    "After the infusion {n} complained of a metallic taste.",
    "We reassured {n} that the lump is most likely benign.",
    "{n} has been sleeping in a recliner because lying flat makes the breathing worse.",
    "Nobody had visited {n} since the weekend, per the ward clerk.",
    "It was {n} who first noticed the tremor in the right hand.",
    "{n} keeps a diary of her blood sugars and brought it today.",
    "Once settled on the ward, {n} asked for something to help with sleep.",
    "The district nurse found {n} on the floor of the kitchen.",
    "{n} declined the hoist and preferred to transfer with two staff.",
    "When asked about alcohol, {n} admitted to six units a day.",
    "Medication was crushed for {n} because of swallowing difficulty.",
    "{n} arrived by ambulance, drowsy but rousable.",
    "{n}'s blood pressure stayed high despite two agents.",
    "Bloods were taken from {n}'s left arm without difficulty.",
    "Collateral history from {n}'s neighbour suggests gradual decline.",
    "Discharge home was delayed because {n} lives alone on the third floor.",
    "{n} is a retired teacher with well-controlled type 2 diabetes.",
    "{n} walked into clinic unaided and sat comfortably throughout.",
    "I met {n} in the day unit after the chemotherapy cycle.",
    "As {n} was febrile, the cannula was resited and cultures were taken.",
    "{n} wants to go home before the weekend and understands the risks.",
    "Having reviewed the scans with {n}, we agreed to watch and wait.",
    "The rash on {n}'s forearm looked worse this morning.",
    "{n} became agitated overnight and pulled out the catheter.",
    "Sadly {n} passed away peacefully with family present.",
    "{n} continues to improve with physiotherapy twice a day.",
    "The hospice team will visit {n} at home on Thursday.",
    "Repeat ECG for {n} shows no new changes.",
    "{n} told me the new tablets make her dizzy.",
    "Because {n} is hard of hearing, the consultation took longer.",
    "{n}, who speaks little English, was helped by an interpreter.",
    "Mood is low, and {n} describes feeling hopeless at times.",
    "{n} tested positive for influenza A on the rapid swab.",
    "The ward round found {n} sitting out in the chair, cheerful.",
    "Her granddaughter says {n} has been wandering at night.",
    # labelled fields, odd separators and case
    "patient name -> {n}",
    "PT NAME ::: {n}",
    "Resident — {n} — room 14",
    "client ~ {n}",
    "Name of client........ {n}",
    "PERSON SERVED => {n}",
    "Care recipient | {n} | wound review",
    "Patient (legal name): {n}",
    "[patient] {n}",
    "Subject: Home visit — {n}",
    "re: {n} — medication query",
    "Patient/Client: {n}",
    "pt nm: {n}",
    "NAME OF INDIVIDUAL / {n}",
    "Known as: {n}",
    "Next of kin: {n}",
    "Emergency contact - {n} (daughter)",
    "Legal guardian: {n}",
    "Resident name\t{n}",
    "Patient ........ {n} ........ Ward 7",
    # chat, handoff and transcript lines
    "handoff: {n} in bay 3, stable, obs 4-hourly",
    "[08:14] nurse: can someone check on {n}? call bell again",
    "RN to RN: {n} had a rough night, PRN morphine x2",
    "Doctor: How are you feeling today, {n}?",
    "Nurse: {n}, can you squeeze my hand?",
    "{n}: the pain is worse when I cough.",
    "@charge-nurse {n} in side room 2 needs a falls mat",
    "SBAR — S: {n} desaturating to 88% on room air.",
    "Quick one: is {n} still nil by mouth for theatre?",
    "Pls review {n} before the 2pm scan, BP 180/95",
    "Handover to night team: {n} — sepsis six started.",
    "Interviewer: Can you tell me your name? Respondent: {n}.",
    "Caller said her name was {n} and she had run out of inhalers.",
    "Voicemail from {n} asking for a repeat prescription.",
    "bay 2 bed 3 {n} - confused, on 1:1",
    "FYI {n} (bed 9) refused meds again",
    # letters
    "Dear {n}, your appointment at the eye clinic has been rescheduled.",
    "Re: {n}. Thank you for referring this pleasant lady with knee pain.",
    "I am writing on behalf of my mother, {n}, who was discharged last week.",
    "To whom it may concern: {n} is under my care for chronic back pain.",
    "Dear Dr Wells, I saw {n} in clinic today with worsening breathlessness.",
    "Thank you for seeing {n}, a 58-year-old with recurrent syncope.",
    "Please find enclosed the blood results for {n}.",
    "Yours sincerely, {n} (patient)",
    "This letter confirms that {n} attended the fracture clinic.",
    "Many thanks for your kind letter about {n}.",
    # relatives after kinship words
    "Her son {n} will collect her after discharge.",
    "Wife, {n}, is the main carer and is finding it hard.",
    "The patient's daughter {n} asked for a call back.",
    "Spoke to husband {n} who agrees with the plan.",
    "Mother ({n}) present throughout the consultation.",
    "HIS BROTHER {n} HOLDS POWER OF ATTORNEY",
    "Grandson {n} translated for the family.",
    "Parent {n} attended the review with the child.",
    "The carer, her niece {n}, gives the insulin each morning.",
    "Partner {n} reports snoring and pauses in breathing at night.",
    "The boy's father, {n}, consented to the procedure.",
    "Sister-in-law {n} visits daily and helps with meals.",
    "Her stepdaughter {n} phoned to ask about visiting times.",
    "Dtr {n} aware of the plan.",
    "The resident's nephew, {n}, brought fresh clothes.",
    "Son-in-law {n} drove the patient to clinic.",
    # more narrative and record lines
    "A 4-year-old named {n} was seen with a barking cough.",
    "An elderly man, {n}, was found confused at the bus station.",
    "Triage: {n} / chest tightness / category 2",
    "{n} — no show for the third appointment, letter sent.",
    "DNA: {n} did not attend the diabetes review.",
    "{n} consented to photographs of the ulcer being taken.",
    "Allergy band applied to {n} (penicillin).",
    "{n} is known to the memory service.",
    "Booked {n} into the Tuesday wound clinic.",
    "Ambulance crew handed over {n}, found on the floor at home.",
    "The admitting nurse weighed {n} on the chair scales.",
    "Pharmacy counselled {n} on the warfarin dose.",
    "Incident: {n} fell while walking to the toilet at night.",
    "Safeguarding concern raised about {n} after bruising was noted.",
    "{n} has capacity to decide about the operation.",
    "Palliative care reviewed {n}; comfort measures only.",
    "Sputum sample collected from {n} and sent to micro.",
    "The daughter of {n} is worried about her memory.",
    "{n} tells us she has been coughing up blood.",
    "Post-op check: {n} passing urine, drains minimal.",
    "Escort needed for {n} to radiology at 14:00.",
    "Diabetic foot check completed for {n}, both feet intact.",
    "{n} lost 4 kg in the last month without trying.",
    "Pressure area care: {n} turned two-hourly.",
    "the patient {n} was reviewed again this evening",
    "Seen today: {n}. Plan: increase furosemide.",
    "Case discussed: {n}, recurrent UTIs, for urology referral.",
    "Social worker met {n} to discuss care at home.",
    "{n} is awaiting a bed on the stroke unit.",
    "Observations for {n} within normal limits.",
    "Community matron visited {n}; leg ulcer dressing changed.",
    "GP letter received about {n}'s new diagnosis of atrial fibrillation.",
    "{n} and her husband were given the bad news together.",
    "Lunchtime: {n} ate half of the meal with encouragement.",
    "Unable to reach {n} by phone to rebook the scan.",
    "{n} signed the consent form for the colonoscopy.",
    "Teaching session with {n} about the insulin pen went well.",
    "A man who gave his name as {n} presented with a head wound.",
    "Feedback from {n}: the wait in the emergency department was too long.",
    "The infant {n} was weighed and fed well.",
]

# Staff or non-persons in a PMO / healthcare-IT sentence: must pass. {n} a staff name in one of several forms,
# {s} a surname (after a title), {f} a given name; frames with no slot are used once.
CLEAN = [
    "Ms. {s} from pharmacy will present the formulary changes.",
    "Mr. {s} will present at the steering committee.",
    "Dr. {s} signed the go-live gate.",
    "{n} (PMO) will chase the vendor on the HL7 feed.",
    "Action owner: {n} — confirm the cutover window.",
    "{n} joined the call from the Epic team.",
    "Thanks to {n} for running the downtime drill.",
    "{n} is the new clinical informatics lead for surgery.",
    "Nurse manager Mrs. {s} signed off the rota change.",
    "Please send the test scripts to {n} in the integration team.",
    "{n} approved the change request CR-1042.",
    "Meeting notes taken by {n}; next review on Monday.",
    "{n}, project manager, shared the revised timeline.",
    "Escalation path: {n}, then the CMIO.",
    "{n} will demo the new bed management dashboard.",
    "Sign-off from {n} (Director of Nursing) is still outstanding.",
    "Cc: {n}, Pharmacy Informatics",
    "From: {n}, PMO office",
    "{n} reported a login issue on the ward workstations.",
    "Ticket INC-20931 assigned to {n}.",
    "Training for super-users led by {n} on Thursday.",
    "{n} confirmed the interface engine patch is in test.",
    "Risk owner {n} says the vendor slipped two weeks.",
    "Mr {s} from Estates will walk the new clinic space.",
    "Dr {s} and the sepsis working group agreed the alert wording.",
    "{n} presented the readiness scorecard to the board.",
    "Kudos to {n} for fixing the label printers overnight.",
    "{n} will cover the command centre on go-live night.",
    "Go-live lead: {n}",
    "Attendees — {n}, Ravi Menon, Claire Dubois",
    "{f}, can you update the RAID log before Friday?",
    "Decision: {n} to own the order-set rationalisation.",
    "The vendor consultant {n} will be on site next week.",
    "Apologies from {n}, who is at the HIMSS conference.",
    "{n} drafted the communications plan for the clinics.",
    "Lab manager {n} wants more time for validation.",
    "Nurse {n} from the informatics team trained the night staff.",
    "Charge nurse {n} raised the staffing risk.",
    "Pharmacist {n} checked the new antibiotic order sets.",
    "{n}, RN, MSN, joins the clinical safety group.",
    "Patient experience lead {n} shared the survey results.",
    "Our physio lead {n} asked for mobile devices on the ward.",
    "Consultant {n} agreed to champion the e-prescribing launch.",
    "The discharge lounge nurse {n} tested the new transport booking form.",
    # non-persons: products, places, organisations, eponyms
    "Cerner PowerChart upgrade moved to March.",
    "The Willow module is live at Lakeshore General.",
    "Parkinson's disease order set reviewed by the neurology team.",
    "Glasgow Coma Scale fields added to the ED flowsheet.",
    "Alzheimer Society leaflets are now linked from the portal.",
    "St. Aidan's Hospital will adopt the new triage tool in June.",
    "Hodgkin lymphoma pathway build is 80% complete.",
    "The Murray Street site closes its outpatient pharmacy.",
    "Meditech Expanse test environment refreshed overnight.",
    "Kingsway Clinic and Riverside Medical Centre joined the pilot.",
    "Apgar score field is now mandatory in maternity.",
    "Baxter Sigma pumps need a firmware update before go-live.",
    "Philips IntelliVue monitors send vitals to the flowsheet.",
    "Crohn's and colitis clinic moves to the Ellison Building.",
    "The Barnes Wing lifts are out of service on Saturday.",
    "Down syndrome screening results now file to the chart.",
    "Queen Elizabeth University Hospital shares the rollout plan.",
    "Hillingdon region data warehouse go-live slipped.",
    "Omnicell cabinets in the Nightingale Wing are offline.",
    "Kaplan-Meier curves for the readmissions dashboard are ready.",
    "Braden scale assessments will be automated in the next release.",
    "The Mayo template for discharge summaries was adopted.",
    "Santiago office joins the PMO call from Tuesday.",
    "The sepsis alert based on the Hartley protocol triggers too often.",
    "Patient Portal release notes: Apple Health integration added.",
    "Dragon Medical One licences renewed for the radiology team.",
    "Vendor Allscripts sent the updated interface spec.",
    "Fernwood House care home goes live with e-MAR next week.",
    "Morse fall scale added to the admission assessment.",
    "Mount Sinai and Johns Hopkins presented their telehealth lessons.",
    "The Lister Unit pilot of barcode scanning finished.",
    # staff at work in care workflows and mitigations: patients in general, a colleague doing the care
    "Workflow: {n} prints the medication list for each patient at discharge.",
    "Mitigation: if {n} is on leave, the pharmacy lead covers the warfarin checks.",
    "{n} assesses every patient arriving in the discharge lounge.",
    "Mitigation — {n} will shadow the night nurses during the insulin rollout.",
    "{n} from bed management confirms transport before 11:00 for all discharges.",
    "During the pilot {n} triaged patients in bay 3 with the new sepsis screen.",
    "{n} gave the first doses on 4 West without any scanning errors.",
    "{n} checks allergies for each patient before the first dose is given.",
    "If the pump alarms, {n} or the charge nurse silences it and checks the line.",
    "{n} covers the wound clinic on Tuesdays while the specialist nurse is away.",
    "The falls lead, {n}, audited bed rails on every ward last month.",
    "Patients are weighed on admission; {n} collects the figures for the audit.",
    "{n} escorted the inspectors around the dialysis unit.",
    "{n} reviewed the patient in bay 4 and updated the care plan.",
    "{n} admitted the patient from ED and started the sepsis bundle.",
    "Workflow: the ward clerk books transport, then {n} confirms the discharge medication.",
    "Mitigation: {n} and the infection control team will swab all patients on the ward.",
    "{n} asked whether patients with dementia can use the bedside tablets.",
    "{n} ran the hoist training for healthcare assistants on Ward 5.",
    "{n} will phone patients who miss their second dose.",
]

_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "th", "sh", "ch",
           "tl", "gw", "y", "j", "w", "q"]  # fmt: skip
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou", "é", "ö", "á", "ü", "ã", "ø", "ı"]
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "th", "nd", "rk", "sz", "x"]


def invented(rng: random.Random) -> str:
    """A made-up name word of 2-3 syllables, capitalised: in no census list and no dictionary."""
    word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS) for _ in range(rng.randint(2, 3)))
    return word[:1].upper() + word[1:]


FORMS = ["full", "last, first", "initial last", "first initial", "caps", "lower", "given", "invented",
         "invented last", "middle initial"]  # fmt: skip


def name(form: str, f: Faker, rng: random.Random) -> str:
    first, last = f.first_name(), f.last_name()
    if form == "last, first":
        return f"{last}, {first}"
    if form == "initial last":
        return f"{first[0]}. {last}"
    if form == "first initial":
        return f"{first} {last[0]}."
    if form == "caps":
        return f"{first} {last}".upper()
    if form == "lower":
        return f"{first} {last}".lower()
    if form == "given":
        return first
    if form == "invented":
        return f"{invented(rng)} {invented(rng)}"
    if form == "invented last":
        return f"{first} {invented(rng)}"
    if form == "middle initial":
        return f"{first} {f.first_name()[0]}. {last}"
    return f"{first} {last}"


def fills(frames: list[str], seed: int, per: int) -> list[tuple[int, str, str, tuple[int, int]]]:
    """(frame index, name form, text, span of the name filled in)."""
    rng = random.Random(seed)
    out = []
    for i, frame in enumerate(frames):
        f = Faker(rng.choice(LOCALES))
        f.seed_instance(seed * 1000 + i)
        slot = next((s for s in ("{n}", "{s}", "{f}") if s in frame), None)
        if slot is None:
            out.append((i, "fixed", frame, (0, 0)))
            continue
        for form in rng.sample(FORMS if frames is PATIENT else [*FORMS[:4], "given", "full"], per):
            if slot == "{s}":
                form, value = "surname", f.last_name()
            elif slot == "{f}":
                form, value = "given", f.first_name()
            else:
                value = name(form, f, rng)
            at = frame.index(slot)
            out.append((i, form, frame.replace(slot, value), (at, at + len(value))))
    return out


def caught(text: str, span: tuple[int, int]) -> bool:
    return any(x.kind == "patient-name" and x.start < span[1] and x.end > span[0] for x in scan(text))


def main() -> None:
    show = "--show" in sys.argv
    check = "--check" in sys.argv
    for label, frames, seed, per in (("patient", PATIENT, 31, 4), ("clean", CLEAN, 37, 3)):
        for half in (0, 1):
            part = [x for x in fills(frames, seed, per) if x[0] % 2 == half]
            bad = [x for x in part if (not caught(x[2], x[3]) if label == "patient" else bool(scan(x[2])))]
            by_form = Counter(x[1] for x in bad)
            n_form = Counter(x[1] for x in part)
            name_ = "tune" if half == 0 else "check"
            what = "missed" if label == "patient" else "refused"
            forms = " ".join(f"{k}:{by_form[k]}/{n_form[k]}" for k in n_form)
            print(f"{label:7} {name_:5}: {len(part)} texts, {what} {len(bad)} ({len(bad) / len(part):.1%})  {forms}")
            if show and (half == 0 or check):
                for _, form, t, _ in bad:
                    print(f"    {what.upper()} [{form}]: {t}")


if __name__ == "__main__":
    main()
