"""A probe of the guard on a patient's device serials and a person's IP addresses, with a clean PMO side.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.device_probe [--tune]

Made-up frames (a patient's pacemaker, pump, hearing aid, implant, CPAP... with its serial, lot or UDI under
many labels and separators; a patient's portal login, session or home connection with an IPv4/IPv6 address)
filled with made-up values from a seeded generator. Frames alternate between a TUNE half and a CHECK half: tune
on TUNE (--tune lists its misses and false alarms), read CHECK to see whether the tuning generalises. The CLEAN
side is healthcare-IT/PMO sentences with serials, asset tags, firmware versions, server and printer IPs and
device models that must pass. Development aid only: nothing here is evaluation data.
"""

from __future__ import annotations

import argparse
import random

from commands.phi import scan

SERIAL_FRAMES = [
    "Pt's pacemaker SN {S} interrogated today, battery fine.",
    "Insulin pump S/N: {S} replaced under warranty for the patient.",
    "Implant serial >> {S} >> recorded in the op note.",
    "Hearing aid (left) serial no. {S} lost by patient on ward.",
    "Her CPAP machine, Serial No.: {S}, was returned by the family.",
    "Device id {S} belongs to the patient's glucose monitor.",
    "UDI (01)0{G}(17)270101(10){L}(21){S} scanned at implant.",
    "Patient's wheelchair ser. # {S} needs a new tyre.",
    "Knee prosthesis lot {S} used for Mr. Dale's revision.",
    "ICD model and serial: Medtronic DVFB1D4 / {S}, checked in clinic.",
    "The patient's cochlear implant serial number is {S}.",
    "Glucose monitor SN={S} paired with his phone.",
    "serial: {S} (patient's home ventilator)",
    "Pump serial | {S} | assigned to the patient in bed 4",
    "The defibrillator implanted in this patient has serial {S}.",
    "Her hip implant: lot number {S}, serial {S2}.",
    "Spinal cord stimulator S/N {S} per the patient's card.",
    "His oxygen concentrator serial # {S} was swapped at home.",
    "(01)0{G}(21){S} - UDI of the pacemaker lead, patient in theatre 2",
    "The patient brought her insulin pump; serial on the back reads {S}.",
    "Patient device serial - {S}",
    "Loop recorder SN: {S}, implanted 3 weeks ago in this patient.",
    "Hearing aids serials {S} and {S2}, the patient's own.",
    "Resident's power chair serial number: {S}",
    "IMPLANTED DEVICE IDENTIFIER >> {S} >> verified.",
    "The patient's pacemaker identifier was recorded as {S}.",
    "Registered implant ID / {S} / confirmed at clinic.",
    "Equipment number of the patient's home dialysis machine: {S}",
    "Hardware ID for her insulin pump is {S}.",
    "The implant registry lists the device under {S} for this patient.",
    "Patient's hearing aid unit no. {S} sent for repair.",
    "Serial code of the client's prosthetic limb: {S}",
    "The neurostimulator in this patient is unit {S}.",
    "Device S/N{S} explanted from the patient.",
    "Implanted valve - serial/lot: {S}",
    "Her CGM transmitter ID {S} was replaced.",
    "Device Serial Number (DSN): {S} - patient's bone-anchored hearing aid.",
    "CPAP (serial {S}) issued to pt on discharge.",
    "Serial number of the patient's oxygen concentrator is {S}.",
    "Pacemaker Model/Serial: W1DR01/{S}, patient seen in device clinic.",
    "Pt's nebuliser serial ending in {S} was faulty.",
    "Home hospital bed for Mrs. Ayodele, SN#{S}, delivered Tuesday.",
    "SERIAL NUMBER OF IMPLANT >> {S} >> patient record updated.",
    "The patient's pulse oximeter, ser no {S}, was left at home.",
]

IP_FRAMES = [
    "Patient portal login from {IP} flagged by security.",
    "The patient logged in from {IP} at night.",
    "IP of the patient's device: {IP}",
    "Session host {IP} for her telehealth visit dropped twice.",
    "His home router IP is {IP}, per the telehealth tech.",
    "Portal session IP address {IP} (patient's phone)",
    "The patient's tablet connected from {IP} during the video visit.",
    "Login IP >> {IP} >> patient account locked.",
    "Mother of the patient accessed the portal from {IP}.",
    "Her glucose meter uploads from {IP} every night.",
    "Client IP for the member's session: {IP}",
    "Patient's remote monitoring hub last seen at {IP}.",
    "The patient emailed from {IP} asking for records.",
    "Telehealth visit: patient IP {IP}, audio poor.",
    "They logged into MyChart from {IP} last Tuesday.",
    "Remote session of the patient originated at {IP}.",
    "PATIENT HOME NETWORK ADDRESS >> {IP} >> verified.",
    "The client address of the patient's video call was {IP}.",
    "Source address for the member's portal request: {IP}",
    "Her connection came in via {IP} according to the audit log.",
    "Audit trail: user jsmith (patient) from host {IP}.",
    "The address used by the caregiver to open the chart was {IP}.",
    "Telehealth connection origin / {IP} / patient side.",
    "Network address on the patient's remote monitor: {IP}",
]

CLEAN = [
    "Asset tag BME-20417 infusion pump moved to 4 West biomed cage.",
    "Firmware 4.2.1.7 rolled out to all Alaris pumps on 12/04.",
    "Print server 10.20.30.40 rebooted after the patch window.",
    "Printer at 10.4.12.88 on Level 3 jams on label stock.",
    "Order 40 new Sigma Spectrum pumps, model 35700BAX, for the ICU refresh.",
    "Interface engine host 10.1.2.3 port 6661 restarted by the vendor.",
    "Biomed to update the PM schedule for 120 ventilators by Friday.",
    "Upgrade the PACS gateway at 172.16.4.20 to version 7.3.0.1.",
    "Risk: vendor lot recall on infusion sets may delay the pilot.",
    "The DNS server 192.168.10.5 was moved to the new VLAN.",
    "Smart pump library version 12.3 approved by pharmacy.",
    "Wi-Fi access points AP-3F-017 through AP-3F-040 installed on 3 East.",
    "Model PB980 ventilators delivered; biomed tagging in progress.",
    "Firewall rule for 10.50.0.0/16 opened to the lab instruments.",
    "Barcode scanners (Zebra DS8178) firmware build 2.10.4 pushed.",
    "Decision: standardise on the Medtronic MiniMed 780G for the endocrine pilot.",
    "Cutover checklist: workstation 10.8.3.21 to be reimaged by Dana.",
    "CT scanner software upgrade to VB20 scheduled for Sunday 02:00.",
    "Telemetry monitors on 5 North need the 3.1.0 patch before go-live.",
    "Loaner fleet of 25 glucose meters arrives Monday; asset tags GM-001 to GM-025.",
    "The badge printer at 192.168.1.50 is offline again; ticket INC0045521.",
    "Training: nurses to practise pump programming on the demo units.",
    "Serial numbers of the 40 returned pumps are in the biomed spreadsheet.",
    "Vendor shipped lot 22B-0417 of IV tubing; pharmacy confirmed no recall.",
    "Decommission host 10.12.8.14 after the portal migration.",
    "Portal web servers 10.30.1.11 and 10.30.1.12 behind the load balancer.",
    "Firmware v3.4.2 for the glucose meters fixes the time-sync defect.",
    "Device ID field added to the biomed intake form for the pilot.",
    "Patient portal outage: app server 172.20.4.9 ran out of disk.",
    "Update: hearing aid loaner program has 12 units, model Phonak P90.",
    "Implant tracking go-live: UDI scanning at all OR stations by 3/1.",
    "Telehealth platform migrated to 10.44.2.0/24 subnet.",
    "Monitor serial capture in the CMMS will use asset tags, not vendor serials.",
    "Test device serial TEST-0001 used in the UAT script for the pump interface.",
]


# More frames, all on the TUNE side (written in round phi10 after the CHECK half's figure was read: tune on these,
# never on the CHECK half): long gaps between label and value, registries, many kinds of device a person has,
# lot and UDI forms; the clean side has models (not a person's), hospital asset tags and fleet serials.
TUNE_SERIAL_FRAMES = [
    "The serial number on the pump's back plate reads {S}, per the patient.",
    "Serial number printed on the back of her insulin pump case is {S}.",
    "The manufacturer's registry lists his pacemaker under {S}.",
    "National joint registry lists the patient's hip under lot {S}.",
    "ICD interrogated in clinic; generator serial {S} noted in her chart.",
    "Mr. Okafor's ICD S/N is {S}, battery at 6 years.",
    "Insulin pump for the patient (model 780G, serial {S}) alarms at night.",
    "CPAP serial #: {S} - returned by the patient's wife.",
    "Cochlear implant processor, serial {S}, lost by the child at school.",
    "Her hearing aid serial numbers are {S} (left) and {S2} (right).",
    "Power wheelchair for the resident, serial number {S}, needs new batteries.",
    "Lot {S} of the breast implant used in the patient's reconstruction.",
    "UDI-DI 0{G} lot {L} serial {S} scanned for the patient's stent.",
    "UDI: (01)0{G}(11)250301(21){S} on the patient's implant card.",
    "The implant card in the patient's wallet shows SN {S}.",
    "Per the device rep, the patient's pacemaker serial is {S}.",
    "Patient says the number on the back of his hearing aid is {S}.",
    "On the patient's insulin pump, the label under the battery cap reads SN {S}.",
    "Serial for her continuous glucose monitor transmitter: {S}.",
    "The ICD explanted from the patient (serial {S}) went back to the vendor.",
    "Patient's home oxygen concentrator - serial no {S} - swapped by the supplier.",
    "The patient's neurostimulator is registered under serial {S} with the vendor.",
    "Family asked about the wheelchair loaned to their mother, serial {S}.",
    "Implant log: patient in bed 12, pacemaker lead lot {S}.",
    "His CPAP unit's serial, found on the underside of the machine, is {S}.",
    "The pacemaker in this patient, serial number {S}, is under recall review.",
    "Pt's insulin pump: serial # {S}; model MMT-1880.",
    "Cochlear implant S/N {S} recorded in the patient's audiology notes.",
    "The resident's hearing aid was handed in; serial {S} matches her record.",
    "Replacement insulin pump serial {S} shipped to the patient's home.",
    "Device registry entry for the patient: ICD, serial {S}, implanted 2019.",
    "Serial on the patient's knee implant sticker: {S}",
    "The patient's left hearing aid (serial number {S}) whistles.",
    "Lot number {S} of the intraocular lens implanted in the patient's right eye.",
]

TUNE_CLEAN = [
    "Pacemaker model W1DR01 added to the implant formulary.",
    "Order 12 CPAP machines, model AirSense 11, for the sleep lab.",
    "Insulin pump model MMT-1880 is on the approved list for the pilot.",
    "Asset tag BME-33871 on the infusion pump in bay 4 is missing.",
    "Biomed asset tag 004512 (ICU ventilator) due for PM on Friday.",
    "Hospital wheelchair WC-0147 left in the car park again.",
    "Serial numbers of the 40 loaner hearing aids are in the biomed sheet.",
    "Lot 22B-0417 of IV tubing recalled by the vendor; pharmacy notified.",
    "Firmware 3.2.1 for the insulin pumps fixes the bolus display bug.",
    "The CT scanner serial 70124 is needed for the vendor's service contract.",
    "Vendor needs the MRI serial number for the warranty claim: 45218.",
    "UDI scanning for implants goes live in all ORs on 3/1.",
    "Cochlear implant programme: 14 referrals this quarter, up from 9.",
    "ICD and pacemaker clinic moves to Level 2 in March.",
    "Device model DVFB1D4 is now supported by the remote monitoring interface.",
    "Ventilator fleet: serial range 40100-40250 covered by the new contract.",
    "Replace the batteries in defibrillator unit DEF-2210 on 5 East.",
    "Hearing aid loaner stock: 12 units, model Phonak P90, in the audiology cupboard.",
    "Pump serial capture added to the CMMS intake form.",
    "The ultrasound machine on 3 West (asset 118832) failed its electrical safety test.",
]


def _serial(rng: random.Random) -> str:
    letters = "ABCDEFGHJKLMNPRSTUVWXYZ"
    shape = rng.randrange(6)
    if shape == 0:
        return "".join(rng.choice("0123456789") for _ in range(rng.randint(7, 11)))
    if shape == 1:
        return rng.choice(letters) + rng.choice(letters) + "".join(rng.choice("0123456789") for _ in range(8))
    if shape == 2:
        return f"{rng.choice(letters)}{rng.randint(100, 999)}-{rng.randint(10000, 99999)}"
    if shape == 3:
        return f"{rng.randint(1000, 9999)}{rng.choice(letters)}{rng.randint(1000, 99999)}"
    if shape == 4:
        return f"SN-{rng.choice(letters)}{rng.randint(10, 99)}-{rng.randint(100000, 999999)}{rng.choice(letters)}"
    return f"{rng.choice(letters)}{rng.choice(letters)}{rng.choice(letters)}{rng.randint(100000, 9999999)}"


def _ip(rng: random.Random) -> str:
    shape = rng.randrange(5)
    if shape == 0:
        return (
            f"{rng.choice([73, 98, 24, 66, 174, 81])}.{rng.randint(1, 254)}.{rng.randint(0, 254)}.{rng.randint(1, 254)}"
        )
    if shape == 1:
        return f"192.168.{rng.randint(0, 254)}.{rng.randint(2, 254)}"
    if shape == 2:
        return f"10.{rng.randint(0, 254)}.{rng.randint(0, 254)}.{rng.randint(2, 254)}"
    if shape == 3:
        return f"2001:db8:{rng.randint(1, 0xFFFF):x}::{rng.randint(1, 0xFFFF):x}"
    return f"2600:1700:{rng.randint(1, 0xFFFF):x}:{rng.randint(1, 0xFFFF):x}:{rng.randint(1, 0xFFFF):x}::1"


def items(seed: int = 7, fills: int = 4) -> list[tuple[str, str, str]]:
    """(half, kind, text) for every filled frame; frames alternate TUNE / CHECK."""
    rng = random.Random(seed)
    out = []
    for kind, frames in (("device-serial", SERIAL_FRAMES), ("ip-address", IP_FRAMES)):
        for i, frame in enumerate(frames):
            half = "tune" if i % 2 == 0 else "check"
            for _ in range(fills):
                text = frame.format(
                    S=_serial(rng), S2=_serial(rng), G=rng.randint(10**12, 10**13 - 1), L=rng.randint(1000, 99999),
                    IP=_ip(rng),
                )  # fmt: skip
                out.append((half, kind, text))
    for i, text in enumerate(CLEAN):
        out.append(("tune" if i % 2 == 0 else "check", "clean", text))
    for frame in TUNE_SERIAL_FRAMES:  # (after the first lists: their values stay what they were)
        for _ in range(fills):
            text = frame.format(
                S=_serial(rng), S2=_serial(rng), G=rng.randint(10**12, 10**13 - 1), L=rng.randint(1000, 99999)
            )
            out.append(("tune", "device-serial", text))
    out.extend(("tune", "clean", text) for text in TUNE_CLEAN)
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tune", action="store_true", help="list the TUNE half's misses and false alarms")
    args = ap.parse_args()
    tally: dict[tuple[str, str], list[int]] = {}
    shown = []
    for half, kind, text in items():
        kinds = {f.kind for f in scan(text)}
        ok = not kinds if kind == "clean" else kind in kinds
        t = tally.setdefault((half, kind), [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok and half == "tune" and args.tune:
            shown.append(f"  {kind:14} got {sorted(kinds)}: {text}")
    for (half, kind), (good, total) in sorted(tally.items()):
        label = "passed" if kind == "clean" else "found"
        print(f"{half:5} {kind:14} {label} {good}/{total}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
