"""A probe of false alarms on STAFF named in sentences of care: a clinician, a nurse or a therapist doing a patient's
care ("Dr Haddad admitted him to 4 West", "Physio Kate Lund mobilised the patient twice", "Ravi Shah (pharmacist)
reconciled the meds"), a colleague's routine task ("X checks allergies for each patient"), a speaker's label in a
handover, written with the names in the forms the frame probes use. Every text names staff only and must pass.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.staff_frames_probe [--show] [--check]

Frames alternate between a TUNE half and a CHECK half: vetoes are written against the tune half's refusals only,
and the check half (never listed unless --check) says whether they generalise.

Development aid only: Faker is a bench-time tool; the frames are written here, nothing is evaluation data.
Seeded: the same sentences each run.
"""

from __future__ import annotations

import random
import sys

from faker import Faker

from commands.phi import scan

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "tr_TR",
           "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO", "en_IN", "ga_IE"]  # fmt: skip

# {n} is a member of staff. Alternate frames are tune / check.
STAFF = [
    "Dr {n} admitted him to 4 West with sepsis.",
    "Dr. {n} admitted the patient from ED overnight.",
    "Sister {n} discharged the patient home with district nurse follow-up.",
    "Charge nurse {n} will cover bay 3 tonight.",
    "Physio {n} mobilised the patient twice today.",
    "OT {n} assessed the patient's kitchen safety this morning.",
    "{n} (pharmacist) reconciled the meds for bed 12.",
    "{n} (ward clerk) booked the transport for the 2pm discharge.",
    "{n} checks allergies for each patient before the first dose is given.",
    "{n} will phone patients who miss their second dose.",
    "Patients are weighed on admission; {n} collects the figures for the audit.",
    "{n} gave the 6am meds and charted the obs.",
    "{n} RN gave the 2pm dose late.",
    "{n}, RN, documented the fall in Datix.",
    "Dr. {n}, the admitting physician, documented the fall.",
    "{n}, the on-call registrar, reviewed her at 3am.",
    "Paged Dr. {n} about the potassium; he will review.",
    "Discussed with Dr {n} (cardiology), who agreed to see her today.",
    "Handed over to {n} (night nurse) at 20:00.",
    "Nurse: {n}, bed 4 needs a repeat ECG.",
    "Dr {n} examined the patient and requested a CT head.",
    "Reviewed by Dr {n} on the ward round; plan unchanged.",
    "Seen by physio {n}, mobilising with a frame.",
    "Consultant {n} spoke to the family this afternoon.",
    "Midwife {n} delivered the baby at 04:12.",
    "{n} from the falls team assessed him after the fall.",
    "{n} (SALT) assessed her swallow; soft diet.",
    "Dietitian {n} will review the patient's weight on Monday.",
    "The anaesthetist, Dr {n}, consented the patient for theatre.",
    "Referred to Dr {n} in respiratory clinic.",
    "{n}, staff nurse, escorted the patient to radiology.",
    "Wound reviewed by tissue viability nurse {n}.",
    "Dr {n} discharged the patient with oral antibiotics.",
    "{n} is the named nurse for bay 2 today.",
    "Bloods taken by phlebotomist {n} at 07:30.",
    "Case discussed with {n}, the duty social worker.",
    "Thanks to {n} for staying late to settle the patient in bed 6.",
    "{n} triaged the patient as category 2.",
    "Dr {n} intubated the patient in resus.",
    "Our hospitalist Dr. {n} will round on 5N patients first.",
]

FORMS = ["full", "initial last", "first initial", "last, first", "given", "surname"]


def name(form: str, f: Faker) -> str:
    first, last = f.first_name(), f.last_name()
    return {
        "full": f"{first} {last}",
        "initial last": f"{first[0]}. {last}",
        "first initial": f"{first} {last[0]}.",
        "last, first": f"{last}, {first}",
        "given": first,
        "surname": last,
    }[form]


def fills(seed: int = 41, per: int = 3) -> list[tuple[int, str, str]]:
    """(frame index, name form, text)."""
    rng = random.Random(seed)
    out = []
    for i, frame in enumerate(STAFF):
        f = Faker(rng.choice(LOCALES))
        f.seed_instance(seed * 1000 + i)
        for form in rng.sample(FORMS, per):
            out.append((i, form, frame.replace("{n}", name(form, f))))
    return out


def main() -> None:
    show = "--show" in sys.argv
    check = "--check" in sys.argv
    for half in (0, 1):
        part = [x for x in fills() if x[0] % 2 == half]
        refused = [x for x in part if scan(x[2])]
        label = "tune" if half == 0 else "check"
        print(f"staff {label:<5}: {len(part)} texts, refused {len(refused)} ({len(refused) / len(part):.1%})")
        if show and (half == 0 or check):
            for _, form, text in refused:
                print(f"    REFUSED [{form}]: {text}")


if __name__ == "__main__":
    main()
