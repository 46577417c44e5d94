"""A second probe of dates of care and dates of birth, in wordings the rules were not written from: narratives,
notes with odd labels and separators ("Record date: {d}", "PRESENTED TO EW {md}", "Visit Date: {d}"), handoffs
and call transcripts, relative words with a date ("yesterday ({d})"), many date shapes (ISO, d.m.y, two-digit
years, ordinals, "the 3rd of May", weekdays, months written out in several languages), birth dates in every form
("b. {d}", "D.O.B - {d}", "Geburtsdatum", "née le", "fecha de nacimiento"), next to PMO / healthcare-IT sentences
with dates that must pass (milestones, releases, meetings, survey deadlines, statistics, publications).

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.care_dates_probe2 [--show] [--check]

Frames alternate between a TUNE half (even index) and a CHECK half (odd index): rules are written against the
tune half's misses only, and the check half (never listed unless --check) says whether they generalise. A PHI
text counts as caught when the guard finds a date (a date of care or of birth: bench.phi scores them together);
a clean text counts as a false alarm when the guard refuses it at all.

Development aid only: the frames are made up here, nothing is evaluation data. Seeded: the same texts each run.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
from datetime import date, timedelta

from commands.phi import scan

# (kind, frame): "care" a date of a person's care, "dob" a date of birth. Placeholders: {d} {d2} a full date in an
# English or numeric shape, {md} a month and day without a year, {my} a month and a year, {of} "the 3rd of May"
# shapes, {de} {fr} {es} {it} {nl} {pt} a date with the month written in that language.
PHI: list[tuple[str, str]] = [
    ("care", "Pt seen in clinic {d} for f/u of HTN, BP 148/92."),
    ("care", "Record date: {d}\nCC: cough x3 days, no fever."),
    ("care", "Visit Date: {d}\nReason: medication review."),
    ("care", "PRESENTED TO ED ON {d} WITH CHEST PAIN RADIATING TO L ARM."),
    ("care", "She was seen at Mercy on {d} and started on amoxicillin."),
    ("care", "He was admitted to St. Vincent's on {md} after a fall at home."),
    ("care", "DISCHARGED HOME {d} IN STABLE CONDITION."),
    ("care", "Underwent laparoscopic cholecystectomy on {d} without complication."),
    ("care", "Time of death 14:32 on {d}, pronounced by the night resident."),
    ("care", "Handoff: bed 12, 68M, POD2 from CABG done {d}, extubated yesterday."),
    ("care", "Nurse: When did the pain start?\nPatient: Around {d}, I think, after the flu."),
    ("care", "Caller says her mother fell on {d} and has not been the same since."),
    ("care", "Last colonoscopy {d}, normal per patient."),
    ("care", "Prior MI in {my}; stent to LAD, on DAPT since."),
    ("care", "Next appt: {d} @ 10:30 w/ cardiology."),
    ("care", "f/u scheduled {md} in ortho clinic for cast removal."),
    ("care", "Encounter {d} -- telehealth, home BP log reviewed with her."),
    ("care", "DOS {d} | CPT 99214 | dx J45.40"),
    ("care", "Date/Time of Visit: {d} 09:15"),
    ("care", "Aufnahme am {de} wegen Pneumonie, Entlassung nach fünf Tagen."),
    ("care", "Hospitalisé le {fr} pour une décompensation cardiaque."),
    ("care", "Ingresó el {es} por dolor abdominal de 2 días de evolución."),
    ("care", "Ricoverato il {it} per frattura di femore destro."),
    ("care", "Yesterday ({d}) she had a syncopal episode at home."),
    ("care", "Seen today, {d}, for wound check; healing well."),
    ("care", "Last Tuesday, {md}, the patient missed her dialysis session."),
    ("care", "ER visit on {of} for an asthma exacerbation, discharged on prednisone."),
    ("care", "Mammogram performed {d}: BI-RADS 2, benign."),
    ("care", "Flu shot given {d}, left deltoid."),
    ("care", "Labs drawn {d}: Hgb 9.8, plt 210, Cr 1.4."),
    ("care", "Pt went to urgent care on {d} and was told it was a sprain."),
    ("care", "Admitting dx: CAP. Adm {d}. LOS 4 days."),
    ("care", "She delivered a healthy boy on {d} by C-section."),
    ("care", "Chemo cycle 3 given {d}; next cycle in three weeks."),
    ("care", "Mom reports fever since {d}, Tmax 39.4."),
    ("care", "Date of procedure - {d}"),
    ("care", "Arrival to ED: {d} 23:10 via EMS."),
    ("care", "Discharge Dt.: {d}"),
    ("care", "SURGERY: {d} R TKA, Dr. Lowe"),
    ("care", "Pt was last seen by her PCP {d}."),
    ("care", "ADMIT {d} / D/C {d2}"),
    ("care", "Hospital course: came in {d}, transferred to ICU {d2} for pressors."),
    ("care", "Her husband called on {d} to cancel the follow-up."),
    ("care", "We saw him again on {d}; the rash had spread to his back."),
    ("care", "Started metformin {d}, tolerating well."),
    ("care", "Post-op check on {d}: incision clean, dry, intact."),
    ("care", "Pt expired {d} at 0412."),
    ("care", "Readmitted {d} with the same symptoms."),
    ("care", "Hand-off from night shift, {d}: bed 4 febrile overnight, blood cultures sent."),
    ("care", "Immunizations: Tdap {d}; MMR {d2}."),
    ("care", "PT eval completed {d}; goal: ambulate 150 ft with walker."),
    ("care", "Referral received {d} from Dr. Ahmed for a sleep study for this patient."),
    ("care", "MRI brain {d}: no acute findings."),
    ("care", "Patient states symptoms began on or about {d}."),
    ("care", "ED course {d}: given 2 L NS and ceftriaxone."),
    ("care", "Dialysis started {d}, MWF schedule."),
    ("care", "Consult note -- date of consult {d}."),
    ("care", "Visit on {d} at Riverside Family Practice for a cough."),
    ("care", "Died at home {md}, per daughter."),
    ("care", "Transferred from Mercy General on {d} for a higher level of care."),
    ("care", "Biopsy {d} showed adenocarcinoma."),
    ("care", "Intubated {d}, extubated {d2}."),
    ("care", "Her last menstrual period was {d}."),
    ("care", "Reminder: your visit with Dr. Rossi is on {d} at 2:40 PM. Reply C to confirm."),
    ("care", "Seen by the wound care team {d}, stage 2 sacral ulcer."),
    ("care", "Fell at home on {d}; x-ray negative."),
    ("care", "Prenatal visit {d}: FHR 144, fundal height 28 cm."),
    ("care", "Colonoscopy scheduled for {d}; prep instructions given to him."),
    ("care", "Her last dose of warfarin was {d}."),
    ("care", "Opname op {nl} op de afdeling cardiologie."),
    ("care", "Alta hospitalar em {pt}, com retorno em 15 dias."),
    ("care", "Discharge date {d}; follow-up in 2 weeks."),
    ("care", "Tx: ORIF L wrist {d}."),
    ("care", "Ambulance brought her in on {d} after a seizure."),
    ("care", "Stroke alert called {d} 03:12; tPA given at 03:40."),
    ("care", "He has been coming to our clinic since {d} for his diabetes."),
    ("care", "Pt c/o SOB. Onset {md}. Worse on exertion."),
    ("care", "She had her knee replaced {of} and is walking with a cane."),
    ("care", "Admission: {d} | Ward: 5 East | Consultant: Dr. Kaur"),
    ("care", "Pt returned to clinic {d} -- sutures removed."),
    ("care", "Tel. Konsultation am {de}, Blutdruck gut eingestellt."),
    ("care", "Consultation du {fr} : douleur lombaire persistante."),
    ("dob", "DOB: {d}"),
    ("dob", "D.O.B - {d}"),
    ("dob", "DOB;{d}  Sex: F"),
    ("dob", "Dob >> {d}"),
    ("dob", "b. {d}, widowed, lives alone."),
    ("dob", "Born: {d}"),
    ("dob", "Born {d} in Leeds, moved to Toronto as a child."),
    ("dob", "Birthday: {d}"),
    ("dob", "Her birthday is {md}, she turns 80."),
    ("dob", "Patient's date of birth is {d}."),
    ("dob", "Geburtsdatum: {de}"),
    ("dob", "Patientin, geb. {de}, stellt sich mit Fieber vor."),
    ("dob", "Née le {fr} à Lyon."),
    ("dob", "Date de naissance : {fr}"),
    ("dob", "Fecha de nacimiento: {es}"),
    ("dob", "Paciente nacido el {es}."),
    ("dob", "Data di nascita: {it}"),
    ("dob", "Geboortedatum: {nl}"),
    ("dob", "Data de nascimento: {pt}"),
    ("dob", "Patient (DOB {d}) seen today for a rash."),
    ("dob", "Verified identity with DOB {d} and last name."),
    ("dob", "Caller confirmed her date of birth, {d}."),
    ("dob", "He was born on {of}, so he turns 70 this year."),
    ("dob", "Mother's DOB {d}"),
    ("dob", "Baby girl born {d} at 03:14, 3.2 kg, Apgars 8/9."),
    ("dob", "D/O/B: {d}"),
    ("dob", "DOB (mm/dd/yy): {d}"),
    ("dob", "Agent: Can I have your date of birth?\nCaller: It's {d}."),
    ("dob", "Twin A born {d} at 32 weeks."),
    ("dob", "Date of Birth..........{d}"),
    ("dob", "Pt born {my}, per the family."),
    ("dob", "ID check: name and birthdate ({d}) matched the wristband."),
    ("dob", "BirthDate={d};Sex=M"),
    ("dob", "Date-of-Birth: {d}"),
    ("dob", "Born: 03/07/1931"),
    ("dob", "The patient, born {d}, lives with her son."),
]

# PMO / healthcare-IT sentences with dates: none is a person's care or birth.
CLEAN: list[str] = [
    "Go-live is {d}; cutover starts the Friday before.",
    "Cutover on {md}, rollback window until 06:00.",
    "Survey closes {d}; 212 responses so far.",
    "Release 4.2.0 ({d})",
    "## [2.3.1] - {d}\n### Fixed\n- Patient search no longer times out.",
    "Steering committee moved to {d} at 10:00 in Boardroom B.",
    "UAT sign-off due {d}.",
    "Training for ED nurses runs {d} to {d2}.",
    "The vendor will be on site {d} for the PACS upgrade.",
    "The admissions module went live on {d} at three sites.",
    "Discharge summary template v3 published {d}.",
    "Q3 admissions rose 4% versus {my}.",
    "Between {d} and {d2}, 1,204 patients were seen in the new clinic.",
    "Our paper on alert fatigue was published {d} in JAMIA.",
    "Kickoff meeting held {d}; charter approved.",
    "Data migration dry run #3 scheduled for {d}.",
    "Interface freeze from {d} until go-live.",
    "Code freeze {d}; release candidate built the next day.",
    "The EHR upgrade was postponed from {d} to {d2}.",
    "Budget submission deadline: {d}",
    "Go-live date: {d}",
    "Visit our booth at HIMSS on {d}.",
    "Site visit to Mercy Clinic on {d} to check the network drops.",
    "Patient portal survey opens {d} and closes {d2}.",
    "Sprint 22 review: {d}",
    "Change freeze in effect until {d}.",
    "Go-live retro booked for {md}.",
    "Datenmigration abgeschlossen am {de}.",
    "Mise en production prévue le {fr}.",
    "Fecha de entrega del proyecto: {es}.",
    "Version 5.0 released on {d} with FHIR R4 support.",
    "Fixed: appointment reminders sent on the wrong day after the {d} clock change.",
    "The discharge lounge opens {d} on Level 2.",
    "Admissions office closed {md} for the holiday.",
    "Meeting minutes, {d}: attendees Priya, Tom, Aisha.",
    "Board paper dated {d} approved the business case.",
    "Published: {d} | Updated: {d2}",
    "Last updated {d} by the integration team.",
    "Readiness assessment date: {d}",
    "Clinic relocation to Building C on {d}; phones ported the same day.",
    "Outpatient appointment volumes in {my} were 12% above plan.",
    "The access-logging audit of {d} found 3 issues.",
    "Downtime for the lab system on {d} from 01:00 to 03:00.",
    "The contract with the vendor renews {d}.",
    "Newsletter, {d} edition: meet the informatics team.",
    "Webinar on the new order sets, {d} at noon.",
    "Go-live support rota starts {d}; super-users on every ward.",
    "Dress rehearsal #2 completed {d}, 47 minutes over plan.",
    "Data as of {d}: 87% of staff trained.",
    "Reporting period {d} - {d2}.",
    "Security patch applied {d} to all Citrix servers.",
    "Training environment refreshed from prod on {d}.",
    "CR-1234 approved by CAB on {d}.",
    "Phase 2 starts {d}, subject to funding.",
    "Patients who registered before {d} must reset their portal password.",
    "The new consent policy takes effect {d}.",
    "Roadmap: bed board v2 planned for {my}.",
    "Admission workflow build complete {d}; testing starts Monday.",
    "The new appointment slot templates go live {d}.",
    "We presented the roadmap to the board on {d}.",
    "Discharge process redesign workshop on {d}.",
    "Vendor demo of the new scheduling tool on {of}.",
    "Rounds launched at the Trust on {d}; 40 projects onboarded.",
    "Born-digital records policy approved {d}.",
    "The go-live was delayed from {md} to {d2} after the mock cutover.",
    "Ticket INC0012345 opened {d}, resolved {d2}.",
    "CHANGELOG\n{d} - Added dark mode to the ward list.",
    "Versione 3.1 rilasciata il {it}.",
    "Oplevering van fase 2 op {nl}.",
    "Reunião do comitê em {pt}.",
    "Survey of ward clerks: fieldwork {d} to {d2}, 61% response rate.",
    "Encounter table backfill ran {d}; 2.1M rows loaded.",
]

_MONTHS = {
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
}
_EN = [date(2000, m, 1).strftime("%B") for m in range(1, 13)]


def _ord(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def full(d: date, rng: random.Random) -> str:
    """A full date in one of many English or numeric shapes."""
    m, b, wd = _EN[d.month - 1], _EN[d.month - 1][:3], d.strftime("%A")
    shapes = [
        f"{d:%Y-%m-%d}",
        f"{d.month}/{d.day}/{d.year}",
        f"{d:%m/%d/%Y}",
        f"{d.month}/{d.day}/{d:%y}",
        f"{d:%d.%m.%Y}",
        f"{d.day}.{d.month}.{d:%y}",
        f"{d:%d/%m/%Y}",
        f"{m} {d.day}, {d.year}",
        f"{b} {d.day} {d.year}",
        f"{d.day} {m} {d.year}",
        f"{d.day} {b} {d:%y}",
        f"{d:%d}-{b}-{d.year}",
        f"{d:%Y/%m/%d}",
        f"{m} {_ord(d.day)}, {d.year}",
        f"{_ord(d.day)} {m} {d.year}",
        f"{wd} {d.day} {m} {d.year}",
        f"{d:%d%b%Y}".upper(),
        f"{d:%d-%m-%Y}",
    ]
    return rng.choice(shapes)


def month_day(d: date, rng: random.Random) -> str:
    m, b = _EN[d.month - 1], _EN[d.month - 1][:3]
    return rng.choice([f"{d.month}/{d.day}", f"{m} {d.day}", f"{d.day} {b}", f"{m} {_ord(d.day)}", f"{b}. {d.day}"])


def fills(frames: list[str], seed: int, dob: list[bool], per: int = 3) -> list[tuple[int, str]]:
    """(frame index, text): each frame filled ``per`` times with made-up dates (birth dates for dob frames)."""
    rng = random.Random(seed)
    out = []
    for i, frame in enumerate(frames):
        for _ in range(per):
            if dob[i]:
                d = date(1920, 1, 1) + timedelta(days=rng.randrange(365 * 100))
            elif seed == 11:  # clean: a project's dates, near today
                d = date(2022, 1, 1) + timedelta(days=rng.randrange(365 * 6))
            else:
                d = date(2012, 1, 1) + timedelta(days=rng.randrange(365 * 14))
            d2 = d + timedelta(days=rng.randrange(1, 60))
            lang = {
                k: f"{d.day}{'.' if k == 'de' else ''} {v.split()[d.month - 1]} {d.year}" for k, v in _MONTHS.items()
            }
            for k in ("es", "pt"):
                lang[k] = f"{d.day} de {_MONTHS[k].split()[d.month - 1]} de {d.year}"
            of = rng.choice(
                [f"the {_ord(d.day)} of {_EN[d.month - 1]}", f"the {_ord(d.day)} of {_EN[d.month - 1]} {d.year}"]
            )
            my = rng.choice([f"{_EN[d.month - 1]} {d.year}", f"{_EN[d.month - 1][:3]} {d.year}", f"{d.month}/{d.year}"])
            text = frame.format(d=full(d, rng), d2=full(d2, rng), md=month_day(d, rng), my=my, of=of, **lang)
            out.append((i, text))
    return out


def main() -> None:
    show, check = "--show" in sys.argv, "--check" in sys.argv
    phi = fills([f for _, f in PHI], 7, [k == "dob" for k, _ in PHI])
    clean = fills(CLEAN, 11, [False] * len(CLEAN))
    for half, name in ((0, "TUNE"), (1, "CHECK")):
        caught = [(i, t) for i, t in phi if i % 2 == half]
        missed = [(i, t) for i, t in caught if not any(x.kind in ("admission-date", "date-of-birth") for x in scan(t))]
        n, miss = Counter(PHI[i][0] for i, _ in caught), Counter(PHI[i][0] for i, _ in missed)
        passed = [t for i, t in clean if i % 2 == half]
        alarms = [(t, fs) for t, fs in ((t, scan(t)) for t in passed) if fs]
        kinds = "  ".join(f"{k} {n[k] - miss[k]}/{n[k]}" for k in ("care", "dob"))
        print(f"{name}: dates {len(caught) - len(missed)}/{len(caught)} caught ({kinds}); "
              f"clean {len(alarms)}/{len(passed)} refused")  # fmt: skip
        if show and (half == 0 or check):
            for i, t in missed:
                print(f"  MISS {PHI[i][0]}", repr(t))
            for t, fs in alarms:
                print("  FALSE", repr(t), [(x.kind, t[x.start : x.end]) for x in fs])


if __name__ == "__main__":
    main()
