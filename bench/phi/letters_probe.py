"""A probe of the PHI guard on letter-form and first-person text: made-up sentences, filled from Faker with many
locales, that must be refused (a patient's letter, e-mail, voicemail or message) and that must pass (a PMO's).

    python -m bench.phi.letters_probe [--show]

Development aid only: Faker is a bench-time tool, not a dependency of Rounds (pip install faker==40.54.0 in a
throw-away venv, as for bench/phi/sources/faker_fills.py); the sentences are made up, nothing here is evaluation
data. Seeded: the same sentences each run, so figures before and after a change compare.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from datetime import date

from faker import Faker

from commands.phi import scan

LOCALES = ["en_US", "en_GB", "en_IN", "en_AU", "en_CA", "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL",
           "pl_PL", "pt_BR", "sv_SE", "tr_TR", "da_DK", "fi_FI", "cs_CZ", "hu_HU", "ro_RO"]  # fmt: skip
SAME = {"plan-number": "number", "mrn": "number", "date-of-birth": "date", "admission-date": "date"}

rng = random.Random(7)
fakers = {loc: Faker(loc) for loc in LOCALES}
for i, f in enumerate(fakers.values()):
    f.seed_instance(100 + i)


def fk() -> Faker:
    return fakers[rng.choice(LOCALES)]


def first(f: Faker) -> str:
    return f.first_name()


def last(f: Faker) -> str:
    return f.last_name()


def phone(f: Faker) -> str:
    return rng.choice(
        [
            f.phone_number(),
            f"9{rng.randint(1000, 9999)} {rng.randint(10000, 99999)}",
            f"({rng.randint(201, 989)}) {rng.randint(200, 999)}-{rng.randint(1000, 9999)}",
            f"07{rng.randint(100, 999)} {rng.randint(100000, 999999)}",
            f"+{rng.choice(['44', '91', '61', '49', '33'])} {rng.randint(70, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
        ]
    )


def a_date() -> str:
    d = date(2026, rng.randint(1, 12), rng.randint(1, 28))
    return rng.choice(
        [
            d.strftime("%B ") + str(d.day) + rng.choice(["", "th" if d.day > 3 else "rd"]),
            f"{d.day} {d.strftime('%B %Y')}",
            f"{d.month}/{d.day}",
            d.isoformat(),
            f"{d.day:02d}.{d.month:02d}.{d.year}",
            f"{d.day} {d.strftime('%b')}",
        ]
    )


def title() -> str:
    return rng.choice(["Mr", "Mrs", "Ms", "Miss", "Mr.", "Ms.", "Mrs."])


def city(f: Faker) -> str:
    return f.city()


def procedure() -> str:
    return rng.choice(
        ["laparoscopic appendectomy", "knee arthroscopy", "colonoscopy", "tonsillectomy", "cataract operation",
         "root canal", "hip replacement", "C-section", "gallbladder surgery", "hernia repair"]
    )  # fmt: skip


def hospital(f: Faker) -> str:
    return rng.choice(["Valley General", "St Mary's", "the Royal Infirmary", f"{f.city()} Hospital", "Mercy"])


Fill = Callable[[Faker], str]
REFUSE: list[tuple[str, Fill]] = [
    ("patient-name", lambda f: f"Dear {title()} {last(f)},\n\nThank you for attending your appointment at the "
     "cardiology clinic. Your results are now available."),
    ("patient-name", lambda f: f"Dear {first(f)} {last(f)}, your biopsy results are ready; please book a follow-up "
     "appointment with your GP."),
    ("patient-name", lambda f: f"Re: {first(f)} {last(f)}\n\nPlease find enclosed the discharge letter and the "
     "medication list for your records."),
    ("patient-name", lambda f: f"RE: {last(f).upper()}, {first(f)}\nReferral for physiotherapy after knee surgery."),
    ("patient-name", lambda f: f"Subject: Insurance pre-auth — MRI lumbar spine, {first(f)} {last(f)}"),
    ("patient-name", lambda f: f"Could you please send my prescription to the pharmacy on Main Street?\n\n"
     f"Thank you,\n{first(f)} {last(f)}\n{phone(f)}"),
    ("phone", lambda f: f"My mother was discharged without her medication. I want a refund.\n\n"
     f"Regards,\n{first(f)} {last(f)}\n{city(f)}\n{phone(f)}"),
    ("patient-name", lambda f: f"I am writing to complain about the treatment my father received.\n\n"
     f"Yours sincerely,\n{first(f)} {last(f)}\n{city(f)}"),
    ("patient-name", lambda f: f"From: {first(f)} {last(f)} <{f.user_name()}@{f.free_email_domain()}>\n"
     "Subject: Complaint about my dental treatment"),
    ("patient-name", lambda f: f"Hi, this is {first(f)} {last(f)}, calling about my mom's appointment tomorrow. "
     "Please call me back."),
    ("patient-name", lambda f: f"My name is {first(f)} {last(f)} and I need a refill of my blood pressure "
     "medication."),
    ("patient-name", lambda f: f"Hi, it's {first(f)} {last(f)} calling about my mom, she has a fever again."),
    ("patient-name", lambda f: f"Um, this is uh {first(f)} {last(f)}, a 4 year old with asthma."),
    ("admission-date", lambda f: f"I had a {procedure()} at {hospital(f)} on {a_date()}. I still have pain at the "
     "wound."),
    ("admission-date", lambda f: f"On {a_date()} Dr {last(f)} extracted my lower left wisdom tooth."),
    ("admission-date", lambda f: f"my surgery on {a_date()} went well but the bill is wrong"),
    ("patient-name", lambda f: f"Good afternoon, {title()} {last(f)}. I need to complete the form for your CPAP "
     "machine."),
    ("patient-name", lambda f: f"I request the Council to look into the treatment given to my son.\n\n"
     f"{first(f)} {last(f)}\n{city(f)}\n{phone(f)}"),
    ("patient-name", lambda f: f"I missed my physiotherapy appointment because I was sick; can I rebook?\n\n"
     f"Kind regards,\n{first(f)} {last(f)}\n{phone(f)}"),
    ("patient-name", lambda f: f"Thank you for looking after my dad during his stay in hospital.\n\n"
     f"Best wishes,\n{first(f)} {last(f)}"),
    ("patient-name", lambda f: f"Dear {title()} {last(f)}\n\nYour vaccination is now due. Please book with your GP."),
    ("admission-date", lambda f: f"I saw the dentist on {a_date()} and the filling already fell out."),
    ("admission-date", lambda f: f"My daughter had her tonsillectomy on {a_date()} and still can't eat."),
    ("phone", lambda f: f"The dentist overcharged me for a crown. Please take action.\n\n"
     f"Regards,\n{first(f)} {last(f)}\n{phone(f)}"),
    ("patient-name", lambda f: f"Hello, this is {first(f)} {last(f)}, my son has an ear infection and needs to be "
     "seen today."),
    ("admission-date", lambda f: f"Hi, my name's {first(f)}. I had my gallbladder out on {a_date()} and the wound is "
     "red."),
    ("patient-name", lambda f: f"Dear {first(f)} {last(f)},\nYour appointment with the dermatology clinic is on "
     f"{a_date()}."),
    ("patient-name", lambda f: f"Hey it's {first(f)} {last(f)}, I'm calling about my prescription refill, call me "
     f"at {phone(f)}."),
    ("patient-name", lambda f: f"My wife's stitches came out early, is that ok?\n\nCheers,\n{first(f)} {last(f)}"),
    ("patient-name", lambda f: f"Fwd: Your test results — {first(f)} {last(f)}\n\nPlease see the attached results."),
    ("phone", lambda f: f"Please call me back about my bill.\n\nThank you,\n{first(f)} {last(f)}\n{phone(f)}"),
    ("phone", lambda f: f"Can you resend the letter?\n\nRegards,\n{first(f)} {last(f)}\n{city(f)}\n{phone(f)}"),
]  # fmt: skip

PASS: list[Fill] = [
    lambda f: (
        "Dear team,\n\nThe go-live readiness review is on Friday. Please update your workstream status.\n\n"
        f"Regards,\n{first(f)} {last(f)}\nPMO lead\n{phone(f)}"
    ),
    lambda f: (
        f"Dear {title()} {last(f)},\n\nPlease find attached the signed SOW and the revised project timeline.\n\n"
        f"Kind regards,\n{first(f)} {last(f)}\nProject Manager"
    ),
    lambda f: "Re: Go-live readiness\n\nThe interface testing is complete; cutover is on schedule.",
    lambda f: "From: Epic TS <ts@epic.com>\nSubject: Upgrade window for the lab interface",
    lambda f: f"From: {first(f)} {last(f)} <pmo@hospital.org>\nSubject: Sprint 14 demo agenda",
    lambda f: f"On {a_date()} we cut over the lab interface and the feed was stable.",
    lambda f: f"I had a meeting with the vendor on {a_date()} about the build.",
    lambda f: f"Hi, this is {first(f)} {last(f)} from the PMO, calling about the go-live checklist.",
    lambda f: f"My name is {first(f)} {last(f)} and I am the new Epic analyst for the ambulatory build.",
    lambda f: (
        f"The order set build is done and ready for testing.\n\nThanks,\n{first(f)} {last(f)}\n"
        f"Clinical Informatics\n{phone(f)}"
    ),
    lambda f: f"Subject: Training schedule — ambulatory module, {first(f)} {last(f)}",
    lambda f: f"I moved the steering committee meeting to Thursday.\n\nBest,\n{first(f)}",
    lambda f: (
        f"Dear all,\n\nThe downtime window for the upgrade is confirmed for {a_date()}.\n\n"
        f"Cheers,\n{first(f)} {last(f)}"
    ),
    lambda f: f"Hello {first(f)} {last(f)}, welcome to the project! Your onboarding session is on {a_date()}.",
    lambda f: f"I visited the Mercy clinic on {a_date()} for the readiness walkthrough with the vendor.",
    lambda f: f"Re: {first(f)} {last(f)} — access request for the reporting dashboard",
    lambda f: f"Good morning, Mr. {last(f)}. The contract renewal and the invoice are attached.",
    lambda f: f"I tested the appointment reminder feature on {a_date()} and it worked.",
    lambda f: f"It's {first(f)} {last(f)} from Cerner, following up on the ticket about the interface.",
    lambda f: (
        "The patient portal release notes are attached for review.\n\n"
        f"Regards,\n{first(f)} {last(f)}\nApplication Analyst\n{phone(f)}"
    ),
    lambda f: (
        "Please confirm the UAT sign-off by Friday so we can schedule the cutover.\n\n"
        f"Thank you,\n{first(f)} {last(f)}\n{phone(f)}"
    ),
    lambda f: f"Dear Dr {last(f)},\n\nThank you for presenting the sepsis alert build at the steering committee.",
    lambda f: f"I had my appraisal with the clinical director on {a_date()}.",
    lambda f: (
        f"Hi {first(f)}, the clinic go-live went well; the doctors liked the new workflow.\n\n"
        f"Thanks,\n{first(f)} {last(f)}"
    ),
    lambda f: f"Dear {first(f)} {last(f)},\n\nWelcome to the Epic training programme. Your login is ready.",
    lambda f: f"Hi, this is {first(f)} {last(f)} from the service desk; the clinic printers are back.",
    lambda f: (
        "Please note the clinic will close early on Friday for staff training.\n\n"
        f"Regards,\n{first(f)} {last(f)}\nPractice Manager\n{city(f)} Medical Centre\n{phone(f)}"
    ),
    lambda f: (
        f"The appointment reminders interface went live on {a_date()}; the doctors are happy.\n\n"
        f"Thanks,\n{first(f)} {last(f)}"
    ),
    lambda f: f"Re: {first(f)} {last(f)} - clinic schedule build for the go-live",
    lambda f: f"My name is {first(f)} {last(f)}, I lead the pharmacy workstream for the hospital go-live.",
]


# Whole messages put together from parts: a PMO's must pass, a patient's (or a relative's) must be refused.
PMO_HEADS = ["", "Re: {topic}\n\n", "Subject: {topic}\n\n", "From: {n} <pmo@hospital.org>\nSubject: {topic}\n\n"]
PMO_TOPICS = ["Go-live readiness", "Clinic schedule build", "Lab interface testing", "Cutover plan v3",
              "Training schedule — ambulatory module", "Steering committee agenda"]  # fmt: skip
PMO_GREETINGS = ["Dear team,", "Hi all,", "Dear {f},", "Hello {n},", "Dear Mr {l},", "Good morning,"]
PMO_BODIES = [
    "The go-live readiness review is on Friday.",
    "The clinic schedule build is complete; doctors will be trained next week.",
    "Please review the appointment reminder interface spec before the steering meeting.",
    "Lab results interface testing passed; the vendor will patch on {d}.",
    "The pharmacy workstream needs two more super-users for the cutover.",
    "Thank you for attending the training session on the new discharge workflow.",
    "Our hospital go-live is confirmed for {d}.",
    "I had a call with the vendor on {d} about the surgery scheduling module.",
]
CLOSINGS = ["Regards,", "Kind regards,", "Thanks,", "Best,", "Cheers,", "Thank you,", "Yours sincerely,"]
PMO_SIGS = ["{n}", "{n}\nPMO lead", "{n}\nProject Manager\n{p}", "{n}\nEpic Analyst | Clinical Informatics\n{p}",
            "{f}", "Dr {l}\nCMIO\n{p}"]  # fmt: skip
PT_GREETINGS = ["Dear Dr {l2},", "Dear Sir/Madam,", "Hello,", "Hi,", "To whom it may concern,"]
PT_BODIES = [
    "My mother was discharged without her medication.",
    "I had my knee surgery on {d} and the wound is still sore.",
    "I want to complain about the dentist who treated my son.",
    "Could you move my appointment to next week? I have a fever.",
    "Thank you for the care you gave my dad on the ward.",
    "I was overcharged for the extraction and want a refund.",
]
PT_SIGS = ["{n}", "{n}\n{c}", "{n}\n{p}", "{n}\n{c}\n{p}"]


def _fill(t: str, f: Faker) -> str:
    return t.format(
        n=f"{first(f)} {last(f)}", f=first(f), l=last(f), l2=last(f), p=phone(f), c=city(f), d=a_date(),
        topic=rng.choice(PMO_TOPICS),
    )  # fmt: skip


def mixed(show: bool, n: int = 300) -> None:
    fa = 0
    for _ in range(n):
        f = fk()
        text = _fill(
            rng.choice(PMO_HEADS) + rng.choice(PMO_GREETINGS) + "\n\n" + rng.choice(PMO_BODIES) + "\n\n"
            + rng.choice(CLOSINGS) + "\n" + rng.choice(PMO_SIGS), f,
        )  # fmt: skip
        found = scan(text)
        if found:
            fa += 1
            if show:
                print(f"FALSE ALARM {sorted({(x.kind, text[x.start : x.end]) for x in found})}: {text!r}")
    hit = 0
    for _ in range(n):
        f = fk()
        text = _fill(
            rng.choice(PT_GREETINGS) + "\n\n" + rng.choice(PT_BODIES) + "\n\n" + rng.choice(CLOSINGS) + "\n"
            + rng.choice(PT_SIGS), f,
        )  # fmt: skip
        if scan(text):
            hit += 1
        elif show:
            print(f"MISSED: {text!r}")
    print(f"whole messages: patient's {hit}/{n} refused; PMO's {fa}/{n} false alarms")


def main() -> None:
    show = "--show" in sys.argv
    per = 5
    hit = tot = 0
    for kind, fill in REFUSE:
        for _ in range(per):
            text = fill(fk())
            groups = {SAME.get(x.kind, x.kind) for x in scan(text)}
            tot += 1
            if SAME.get(kind, kind) in groups:
                hit += 1
            elif show:
                print(f"MISSED {kind}: {text!r} -> {sorted(groups)}")
    fa = n = 0
    for fill in PASS:
        for _ in range(per):
            text = fill(fk())
            found = scan(text)
            n += 1
            if found:
                fa += 1
                if show:
                    print(f"FALSE ALARM {sorted({x.kind for x in found})}: {text!r}")
    print(f"refuse: {hit}/{tot} caught with the expected kind; pass: {fa}/{n} false alarms")
    mixed(show)


if __name__ == "__main__":
    main()
