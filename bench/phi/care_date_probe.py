"""A probe of dates of care in short narratives of one person's care ("The first stair session was in {d}. By {d2},
{name} could pause on the landing"), next to publication dates that may pass ("the manual published in 2007"),
and PMO sentences with dates (go-live, cutover, sign-off, training, review meetings, newsletters, statistics) that
must pass.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.care_date_probe [--show] [--check]

Frames alternate between a TUNE half and a CHECK half: rules are written against the tune half's misses only, and
the check half (never listed unless --check) says whether they generalise. A narrative counts as caught when the
guard finds an "admission-date" in it; a clean sentence counts as a false alarm when the guard refuses it at all.

Development aid only: Faker is a bench-time tool; the frames are written here, nothing is evaluation data.
Seeded: the same sentences each run.
"""

from __future__ import annotations

import random
import sys

from faker import Faker

from commands.phi import scan

LOCALES = ["en_US", "en_GB", "en_AU", "en_CA", "en_NZ", "en_IE", "de_DE", "fr_FR", "es_ES", "it_IT", "pl_PL", "pt_BR"]

# Narratives of one person's care: {d}, {d2} dates of care (a month and a year, or a full date), {n} a name, {y} a
# year of a publication.
PHI: list[str] = [
    (
        "The first stair session was in {d}. By {d2}, {n} could pause on the landing. The therapist used a chart "
        "from the manual published in {y}."
    ),
    "At the consultation in {d}, {n} described less pain when turning. A methods paper from {y} explained the scale.",
    "The referral for {n} says {d}. The annual report published in {y} was left in the waiting room.",
    "The resident's first review took place on {d}.",
    "{n} attended the falls clinic in {d} and again in {d2}, walking with a frame.",
    "Her follow-up was in {d}; the wound had closed by then.",
    "The assessment in {d} found {n} could stand from a chair without help.",
    "He started hydrotherapy in {d}. In {d2} he swam a length unaided.",
    "The examination in {d} showed the swelling had gone down.",
    "{n} was referred to the memory service in {d}; the first appointment was in {d2}.",
    "The individual's therapy began in {d}. The guideline issued in {y} was discussed with the family.",
    "Wound review in {d}: the dressing was changed and the edges looked clean.",
    "Her admission in {d} followed a fall at home.",
    "The patient's check-up in {d} was unremarkable.",
    "The client's session on {d} focused on walking outdoors.",
    "{n} came back for a follow-up in {d} and reported sleeping better.",
    "In {d}, {n} began using the kitchen counter for support. The leaflet dated {y} shows the same move.",
    "The speech therapist saw {n} in {d}; by {d2} she could manage thin fluids.",
    "The home visit in {d} found the rails fitted and the patient using them.",
    "Physiotherapy started in {d}. By {d2}, {n} could climb ten steps.",
]
# Sentences a PMO writes with dates, and publication dates: none names a person of care.
CLEAN: list[str] = [
    "Go-live for the ED tracking board is set for {d}.",
    "Cutover rehearsal moved to {d} after the vendor asked for more time.",
    "Sign-off on the discharge workflow is due {d}.",
    "Training sessions for ward clerks run through {d}.",
    "The review meeting in {d} agreed to pause the pilot.",
    "The review was published in {y} and is on the intranet.",
    "The {d} newsletter covers the new kiosks in outpatients.",
    "Patients seen in {d} rose 12% on the previous month.",
    "The steering committee meets again in {d}.",
    "The benefits review in {d} will report to the board.",
    "The manual published in {d} describes the old order sets.",
    "UAT session in {d}: 14 defects raised, 3 still open.",
    "The annual report published in {d} lists the outpatient volumes.",
    "Our first drop-in session was in {d}; the second is in {d2}.",
    "A methods paper from {y} informed the dashboard design.",
    "The consultation on the new policy closed in {d}.",
    "Referrals to the service in {d} were 8% above forecast.",
    "The appointment booking module upgrade happened in {d}.",
    "By {d}, all wards had moved to the new order sets.",
    "The super-user assessment in {d} went well; {n} will lead the next one.",
]


def _date(rng: random.Random, f: Faker) -> str:
    d = f.date_between(start_date="-15y", end_date="+1y")
    shape = rng.randrange(4)
    if shape == 0:
        return d.strftime("%B %Y")
    if shape == 1:
        return f"{d.day} {d.strftime('%B %Y')}"
    if shape == 2:
        return d.strftime("%Y-%m-%d")
    return d.strftime("%b %Y")


def fills(frames: list[str], seed: int, per: int = 3) -> list[tuple[int, str]]:
    """(frame index, text): each frame filled ``per`` times with made-up names and dates."""
    rng = random.Random(seed)
    out = []
    for i, frame in enumerate(frames):
        for _ in range(per):
            f = Faker(rng.choice(LOCALES))
            f.seed_instance(rng.randrange(1 << 30))
            name = f.first_name() + " " + f.last_name()
            text = frame.format(d=_date(rng, f), d2=_date(rng, f), n=name, y=rng.randrange(1995, 2024))
            out.append((i, text))
    return out


def main() -> None:
    show, check = "--show" in sys.argv, "--check" in sys.argv
    phi, clean = fills(PHI, 7), fills(CLEAN, 11)
    for half, name in ((0, "TUNE"), (1, "CHECK")):
        caught = [(i, t) for i, t in phi if i % 2 == half]
        hit = [t for _, t in caught if any(x.kind == "admission-date" for x in scan(t))]
        passed = [(i, t) for i, t in clean if i % 2 == half]
        alarms = [(t, scan(t)) for _, t in passed]
        alarms = [(t, fs) for t, fs in alarms if fs]
        print(f"{name}: narratives {len(hit)}/{len(caught)} caught; clean {len(alarms)}/{len(passed)} refused")
        if show and (half == 0 or check):
            for _, t in caught:
                if t not in hit:
                    print("  MISS", t)
            for t, fs in alarms:
                print("  FALSE", t, [(x.kind, t[x.start : x.end]) for x in fs])


if __name__ == "__main__":
    main()
