"""A probe of identifier recall by sentence *frame*: a value of an identifier's shape (a date, a phone, an e-mail, an
IP, a record or account code, an SSN, an address) in the slot of a short sentence whose other words say it is a
person's of care ("The resident's callback line was noted as {v}.", "Home connection of the client >> {v}"), and
PMO / healthcare-IT sentences with values of the same shapes (go-live dates, ticket ids, server IPs, vendor phones,
release versions) that must pass.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.slot_probe [--show] [--check]

Frames alternate between a TUNE half and a CHECK half: rules are written against the tune half's misses only, and
the check half (never listed unless --check) says whether they generalise to wordings nobody tuned on. A PHI text
counts as caught when the guard finds a finding of its kind's group (dates together, record/plan numbers together,
as bench.phi scores them).

Development aid only: Faker is a bench-time tool; the frames are written here, nothing is evaluation data.
Seeded: the same sentences each run.
"""

from __future__ import annotations

import random
import sys
from collections import Counter

from faker import Faker

from commands.phi import scan
from commands.phi.slots import find_slot_values

LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "en_AU",
           "en_CA", "da_DK", "fi_FI", "cs_CZ", "en_IN", "no_NO", "en_IE", "en_NZ", "hu_HU"]  # fmt: skip

# (kind, frame): a person of care's value in a slot. Kinds: date, dob, phone, email, ip, mrn, plan, ssn, address,
# age (over 89).
PHI: list[tuple[str, str]] = [
    ("date", "The resident's first review took place on {v}."),
    ("date", "Date the client was seen for wound care: {v}."),
    ("date", "The care recipient's intake appointment is booked for {v}."),
    ("date", "Admission of this person to the ward happened {v}."),
    ("date", "Her follow-up visit has been set as {v}."),
    ("date", "Patient review date >> {v}"),
    ("date", "The individual attended the memory clinic on {v}."),
    ("date", "Service start for the recipient | {v}"),
    ("date", "The date on which the patient was discharged reads {v}."),
    ("date", "The person's last home assessment was logged as {v}."),
    ("date", "Visit date for this client was entered as {v}."),
    ("date", "The family reported that symptoms began around {v}."),
    ("dob", "The resident's date of birth is {v}."),
    ("dob", "Birth date supplied by the client: {v}."),
    ("dob", "The individual was born on {v}, according to the family."),
    ("dob", "Patient birth date | {v}"),
    ("phone", "The resident's callback line was noted as {v}."),
    ("phone", "Reach the care recipient on {v} after three o'clock."),
    ("phone", "Her mobile number, given at intake, is {v}."),
    ("phone", "Home telephone for this client >> {v}"),
    ("phone", "The patient asked us to ring {v} with the results."),
    ("phone", "Contact number provided by the individual: {v}."),
    ("phone", "The family's landline for updates was recorded as {v}."),
    ("phone", "Patient phone | {v}"),
    ("email", "The resident's personal inbox is {v}."),
    ("email", "Results may be sent to the client at {v}."),
    ("email", "The individual gave {v} as their reply address."),
    ("email", "Patient e-mail >> {v}"),
    ("email", "His preferred address for letters by email: {v}."),
    ("email", "The care recipient's daughter asked us to copy {v} on messages."),
    ("ip", "The resident's home router connected from {v} during the video visit."),
    ("ip", "Client device address logged for the telehealth call: {v}."),
    ("ip", "The patient's tablet reached the portal from {v}."),
    ("ip", "Connection address of the individual's session >> {v}"),
    ("mrn", "The resident's chart number is {v}."),
    ("mrn", "Hospital record for the client: {v}."),
    ("mrn", "The individual's registration code was entered as {v}."),
    ("mrn", "Patient file identifier >> {v}"),
    ("mrn", "The care recipient is enrolled under case number {v}."),
    ("mrn", "His clinical record reference reads {v}."),
    ("plan", "The resident's insurance member number is {v}."),
    ("plan", "Billing account for the client: {v}."),
    ("plan", "The individual presented policy number {v} at the desk."),
    ("plan", "Patient health plan id >> {v}"),
    ("plan", "The family pays through account {v} for this person's care."),
    ("plan", "Her coverage identifier was confirmed as {v}."),
    ("ssn", "The resident's social security number is {v}."),
    ("ssn", "SSN provided by the client: {v}."),
    ("ssn", "The individual's national identity number was noted as {v}."),
    ("ssn", "Patient social security no. >> {v}"),
    ("address", "The resident lives at {v}."),
    ("address", "Home address of the client: {v}."),
    ("address", "The individual's current residence was recorded as {v}."),
    ("address", "Patient postal address >> {v}"),
    ("address", "Deliveries for this care recipient go to {v}."),
    ("address", "The family home where the patient stays is {v}."),
    ("date", "The value kept for the client's first consultation day is {v}."),
    ("date", "Reported onset for this individual falls on {v}."),
    ("date", "Day of the person's most recent hospital stay = {v}"),
    ("date", "The recipient's therapy episode opened {v}."),
    ("date", "Their scheduled reassessment — {v}."),
    ("date", "The care episode of the private person is dated {v}."),
    ("date", "Recorded encounter day for the resident | {v}."),
    ("date", "The household noted {v} as the day his breathing worsened."),
    ("dob", "Birthday of the care recipient >> {v}"),
    ("dob", "The private person's day of birth is held as {v}."),
    ("phone", "Her reachable voice number was confirmed to be {v}."),
    ("phone", "The person receiving care uses {v} for voice calls."),
    ("phone", "Callback telephone supplied by the recipient = {v}"),
    ("phone", "A personal line for this individual's reminders | {v}."),
    ("phone", "The client's daytime number has the value {v}."),
    ("phone", "For urgent updates the household listed {v}."),
    ("email", "Messages for the household are delivered to {v}."),
    ("email", "The private mailbox of the care recipient reads {v}."),
    ("email", "Correspondence address chosen by the client = {v}"),
    ("email", "The individual's electronic contact is held as {v}."),
    ("ip", "Their home network endpoint was captured as {v}."),
    ("ip", "The private person's remote session came from host {v}."),
    ("ip", "Network origin of the recipient's video consultation | {v}."),
    ("ip", "The client joined the virtual visit from address {v}."),
    ("mrn", "The individual's identity key on file has value {v}."),
    ("mrn", "Enrolment reference assigned to the recipient = {v}"),
    ("mrn", "The person's care-file key was recorded as {v}."),
    ("mrn", "Intake linked the client to record {v}."),
    ("plan", "The recipient's payment reference is held as {v}."),
    ("plan", "Coverage key presented by the private person | {v}."),
    ("plan", "The household's statement account reads {v}."),
    ("plan", "The client gave {v} as their insurance policy."),
    ("ssn", "Government identity number of the private person >> {v}"),
    ("ssn", "The recipient's social-security key is held as {v}."),
    ("ssn", "The client supplied {v} as their social security number."),
    ("ssn", "National insurance identity of the resident | {v}."),
    ("address", "Where the recipient sleeps at night: {v}."),
    ("address", "The private person's home is recorded as {v}."),
    ("address", "Residential details for the client = {v}"),
    ("address", "The individual moved last month to {v}."),
    ("age", "Age of the resident at admission | {v}"),
    ("age", "The care recipient is {v} and lives alone."),
    ("age", "Stated age of the client >> {v}"),
    ("age", "Her age was confirmed by the family as {v}."),
    ("age", "The individual, now {v}, attended with a daughter."),
    ("age", "Patient: {v}. Seen for a painful knee."),
    # written after the rules above, never tuned on: paraphrase constructions of the frame generators' kind
    ("mrn", "The value {v} is what the ward holds as this person's case-file key."),
    ("phone", "Under daytime callback, the sheet for this recipient shows {v}."),
    ("plan", "The receptionist matched {v} to the client's coverage membership."),
    ("date", "Intake tied the household's first home review to {v}."),
    ("email", "Whoever answers for the care recipient reads mail at {v}."),
    ("ssn", "The social-insurance key the private person gave is {v}."),
    ("ip", "Telehealth logs tie the individual's laptop to {v}."),
    ("dob", "This person's recorded date of birth stands at {v}."),
    ("phone", "Voice line preferred by her for reminders — {v}"),
    ("mrn", "For this resident, the registry entry is kept under {v}."),
    ("date", "The recipient's discharge from the rehabilitation unit fell on {v}."),
    ("plan", "Charges for his stay post to statement account {v}."),
    ("email", "Electronic letters for the individual go to {v} only."),
    ("age", "The person receiving care gave their age as {v}."),
    ("phone", "Recipient callback >> {v} >> evenings only"),
    ("mrn", "Episode key for the care recipient : {v}"),
    ("date", "The individual's consultation is pencilled in for {v}."),
    ("ssn", "SSN on the intake form of the resident | {v}"),
    ("ip", "Her home broadband address during the remote session was {v}."),
    ("plan", "Insurance member key presented by the household >> {v}"),
]

# (kind, frame): the same value shapes in PMO / healthcare-IT sentences. Must pass.
CLEAN: list[tuple[str, str]] = [
    ("date", "Go-live for the patient portal is planned for {v}."),
    ("date", "The steering group meets again on {v}."),
    ("date", "Cutover rehearsal date >> {v}"),
    ("date", "Release 4.2 of the scheduling module ships {v}."),
    ("date", "UAT sign-off for the admission workflow was recorded on {v}."),
    ("date", "The vendor's contract renewal date is {v}."),
    ("date", "Training for ward clerks starts {v} in room 3.14."),
    ("date", "Patient flow dashboard deployed to production on {v}."),
    ("date", "Milestone: interface testing complete by {v}."),
    ("date", "The discharge lounge pilot was moved to {v} at the sponsor's request."),
    ("date", "Date of the next readiness assessment | {v}"),
    ("date", "Our clinical safety case was approved on {v}."),
    ("phone", "Call the vendor's support line on {v} for downtime issues."),
    ("phone", "Service desk number >> {v}"),
    ("phone", "The conference bridge for the cutover is {v}."),
    ("phone", "Ring the on-call analyst on {v} if the interface stops."),
    ("phone", "Account manager at the vendor: {v}."),
    ("phone", "The switchboard can be reached on {v}."),
    ("email", "Send change requests to {v} by Friday."),
    ("email", "The vendor's implementation lead is {v}."),
    ("email", "Project mailbox >> {v}"),
    ("email", "Questions about the training schedule go to {v}."),
    ("ip", "The interface engine was moved to server {v} last night."),
    ("ip", "Test server address: {v}."),
    ("ip", "The PACS gateway at {v} was patched on Sunday."),
    ("ip", "Firewall rule opened for host {v} on port 2575."),
    ("mrn", "Ticket {v} was raised for the order set fix."),
    ("mrn", "Change request {v} approved by CAB."),
    ("mrn", "The incident number for the outage is {v}."),
    ("mrn", "Purchase order {v} covers the scanner licences."),
    ("mrn", "Defect {v} blocks the patient portal release."),
    ("mrn", "Build number >> {v}"),
    ("plan", "The cost centre for the project is {v}."),
    ("plan", "Invoice {v} from the vendor is overdue."),
    ("plan", "Budget code | {v}"),
    ("plan", "The contract reference for the PACS upgrade is {v}."),
    ("address", "The new data centre is at {v}."),
    ("address", "The training venue is {v}, second floor."),
    ("address", "Vendor office address >> {v}"),
    ("address", "Equipment ships to the warehouse at {v}."),
    ("date", "Patients on 4 West move to the new ward on {v}."),
    ("date", "Her team's readiness assessment is scheduled for {v}."),
    ("date", "Family medicine clinic opens at the new site on {v}."),
    ("date", "The client certificate on the lab feed expires {v}."),
    ("date", "Personal development reviews for the analysts are due {v}."),
    ("date", "His last day in the PMO is {v}."),
    ("date", "The patient record system freeze starts {v}."),
    ("date", "Policy review date for the visitor policy | {v}"),
    ("phone", "Member services line for the health plan: {v}."),
    ("phone", "Dana is our resident Epic expert; her extension is {v}."),
    ("phone", "The private ward's nurse station can be called on {v}."),
    ("phone", "Their account manager's mobile is {v}."),
    ("email", "Her work address for the steering papers is {v}."),
    ("email", "The client success manager at the vendor is {v}."),
    ("ip", "The client application connects to {v} over HTTPS."),
    ("ip", "His workstation at {v} needs the new printer driver."),
    ("mrn", "The patient identity module's defect number is {v}."),
    ("mrn", "Their change number for the family portal fix is {v}."),
    ("plan", "Her cost centre account code is {v}."),
    ("plan", "The member services contract number is {v}."),
    ("age", "The average age of open tickets is {v}."),
    ("age", "The data centre lease has {v} left to run."),
    ("age", "Ward 9 has {v} and two side rooms."),
    ("age", "Interface uptime this quarter was {v}."),
    # written after the rules above, never tuned on
    ("date", "The pharmacy module's user acceptance window closes {v}."),
    ("phone", "Bridge line for Saturday's cutover call: {v}."),
    ("ip", "Her laptop was re-imaged and now uses {v} on the test VLAN."),
    ("mrn", "The change record for the printer swap is {v}."),
    ("email", "Go-live questions from the ward managers to {v}."),
    ("date", "The next sprint review with the vendor is on {v}."),
    ("plan", "The capital request number for the scanners is {v}."),
    ("age", "Average call wait on the service desk was {v}."),
    ("address", "The steering group meets at {v}, boardroom 2."),
    ("date", "His annual leave starts {v}; Priya covers the workstream."),
]

_DATE_FORMATS = ["%Y-%m-%d", "%m/%d/%Y", "%d.%m.%Y", "%d %b %Y", "%B %d, %Y", "%d/%m/%Y", "%b %d, %Y", "%d %B %Y"]
_CODES = ["??-####-#####", "########", "?-#######", "### ## ####", "####/####", "??#########", "#########", "####-####"]
_TICKETS = ["INC#######", "CHG#######", "CR-####", "PRJ-###", "RITM#######", "SR ########", "DEF-#####", "PO-######"]


def value(kind: str, f: Faker, rng: random.Random, clean: bool) -> str:
    if kind in ("date", "dob"):
        return f.date_between("-80y" if kind == "dob" else "-8y", "today").strftime(rng.choice(_DATE_FORMATS))
    if kind == "phone":
        return f.phone_number()
    if kind == "email":
        return f.email() if clean else f"{f.user_name()}{rng.randint(1, 99)}@{f.domain_word()}.example"
    if kind == "ip":
        if clean:
            return rng.choice([f.ipv4_private(), f.ipv4_private(), f.ipv4_public()])
        return f.ipv6() if rng.random() < 0.25 else f.ipv4_public()
    if kind == "ssn":
        return (
            rng.choice(["###-##-####", "### ## ####", "#########"])
            .replace("#", "{}")
            .format(*[rng.randint(0, 9) for _ in range(9)])
            .replace("0", "1", 1)
        )
    if kind == "address":
        return f.address().replace("\n", ", ")
    if kind == "age":
        n = rng.randint(90, 109)
        if clean:
            return rng.choice([f"{n} days", f"{n} beds", f"{n}.{rng.randint(1, 9)}%", f"{n} weeks"])
        ones = ["", "-one", "-two", "-three", "-four", "-five", "-six", "-seven", "-eight", "-nine"]
        words = f"ninety{ones[n - 90]}" if n < 100 else "one hundred" + (f" and {ones[n - 100][1:]}" if n > 100 else "")
        return rng.choice([f"{n}", f"{n} years", f"{n}-year-old", f"{n}F", f"{n} y/o", words, f"{words} years old"])
    pattern = rng.choice(_TICKETS if clean and kind == "mrn" else _CODES)
    return f.bothify(pattern, letters="ABCDEFGHJKLMNPRSTVWXYZ")


def fills(frames: list[tuple[str, str]], seed: int, clean: bool, per: int = 3) -> list[tuple[int, str, str]]:
    rng = random.Random(seed)
    out = []
    for i, (kind, frame) in enumerate(frames):
        f = Faker(rng.choice(LOCALES))
        f.seed_instance(seed * 1000 + i)
        for _ in range(per):
            out.append((i, kind, frame.replace("{v}", value(kind, f, rng, clean))))
    return out


GROUP = {"age": "age-over-89", "date": "date", "dob": "date", "phone": "phone", "email": "email", "ip": "ip-address", "mrn": "number",
         "plan": "number", "ssn": "ssn", "address": "address"}  # fmt: skip
_FOUND = {"admission-date": "date", "date-of-birth": "date", "mrn": "number", "plan-number": "number"}


def main() -> None:
    show = "--show" in sys.argv
    check = "--check" in sys.argv
    for label, frames, seed, clean in (("phi", PHI, 7, False), ("clean", CLEAN, 29, True)):
        for half in (0, 1):
            part = [(i, k, t) for i, k, t in fills(frames, seed, clean) if i % 2 == half]
            bad, by_kind, n_kind = [], Counter(), Counter()
            own = sum(1 for _, _, t in part if find_slot_values(t))  # slots.py's findings, before the allowances
            for _, kind, t in part:
                found = {_FOUND.get(x.kind, x.kind) for x in scan(t)}
                n_kind[kind] += 1
                ok = not found if clean else GROUP[kind] in found
                if not ok:
                    bad.append((kind, t, sorted(found)))
                    by_kind[kind] += 1
            name = "tune" if half == 0 else "check"
            what = "refused" if clean else "missed"
            kinds = " ".join(f"{k}:{by_kind[k]}/{n_kind[k]}" for k in n_kind)
            line = f"{label:6} {name:5}: {len(part)} texts, {what} {len(bad)} ({len(bad) / len(part):.1%})  {kinds}"
            print(f"{line}  [slots.py alone: {own}]")
            if show and (half == 0 or check):
                for kind, t, found in bad:
                    print(f"    {what.upper()} {kind} {found}: {t}")


if __name__ == "__main__":
    main()
