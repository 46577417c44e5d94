"""A probe of the guard on device serials (and a few record numbers, phones and addresses) in wordings taken from
public text nobody here wrote: de-identification tools' test fixtures and docs (their test sentences), synthetic
note generators, FHIR Device examples (UDI carriers in human-readable form) — and, on the clean side, public
healthcare-IT / device text that must pass (model numbers, a building controller's device identifier, a disk's
device identifier, UI hints and data-field lists that name serial numbers without a value).

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.device_wordings_probe [--tune]

Every item carries its provenance: the repository and path when the index names them, else the index's file id
(the `find_string` look-up does not disclose the repository). None of these repositories is a source of the
report or dev sets (checked against the sets' distinct `source` / `provenance.repo` / `provenance.package` fields).
Where the source generates a value (a template with `{v}`), the value here follows the source's shape
(letters/digits as its generator draws them). Items alternate TUNE / CHECK within each kind, in the order listed:
tune on TUNE (--tune lists its misses and false alarms), only read CHECK's aggregate.

Development aid only: nothing here is evaluation data.
"""

from __future__ import annotations

import argparse

from commands.phi import scan

_UNDISCLOSED = "(not disclosed by the index; file id {})"


def _src(file_id: str) -> str:
    return _UNDISCLOSED.format(file_id)


# Where the items come from (licence where the index shows it; "unknown" otherwise).
VULPES = "DocHatty/Vulpes-Celare src/filters/DeviceIdentifierFilterSpan.ts (header examples), licence unknown"
TW_CORE = "cctwFHIRterm/MOHW_TWCoreIG_Build input/fsh/example/Device-dev-example.fsh, licence unknown"
EU_EPS = "hl7-eu/eps _attic/examples-new/505ddec1-c44d-4e82-9e8f-4aef6bee0823.fsh, licence unknown"
EICR_ANON = "lantanagroup/FHIR-us-eicr-anonymized input/fsh/instances/device-ecmo-anon.fsh, licence unknown"
LEV8 = "alfadiallo/lev8 ANONYMIZATION-TEST-RESULTS.md, licence unknown"
GEN = _src("71452110967") + " (a synthetic-PHI injection generator: DEVICE/MRN/PHONE/FAX/ADDRESS templates)"
HEALTHCHECK = _src("37192298341") + " (a HIPAA redaction filter health check's TEST_CASES)"
H13_DOC = _src("52316665048") + " (H13 device identifiers, examples)"
FORENSIC_DOC = _src("52928962431") + " (device identifiers, clinical/forensic examples)"
SYNTH_NOTE = _src("70586140666") + " (a synthetic discharge note with all 18 identifiers)"
PRESERVE_DOC = _src("51879230678") + " (what gets redacted / preserved)"
SELFTEST_MD = _src("58083879581") + " (18 identifiers, in/out pairs)"
TRAVEL_TEST = _src("71508590788") + " (a test: private medical detail kept out of a search plan)"
DEVICES_DEMO = _src("34071364230") + " (a PHI demo's devices sample)"
PACER_UI = _src("46848778205") + " (a pacemaker DCM page)"

# (kind, text, provenance). Kinds as the guard names them.
ITEMS: list[tuple[str, str, str]] = [
    ("device-serial", "Pacemaker Serial: PM-123456789", HEALTHCHECK),
    ("device-serial", "Implant Device ID: ICD-9876543", HEALTHCHECK),
    ("device-serial", "Pacemaker SN: ABC123456", H13_DOC),
    ("device-serial", "Prosthetic limb ID: PL-987654", H13_DOC),
    ("device-serial", "Implanted device serial: PM-2024-001234", FORENSIC_DOC),
    ("device-serial", "Hearing aid serial: HA-9876543", FORENSIC_DOC),
    ("device-serial", "Device Details: Medtronic Pacemaker Serial # DEV-789-XYZ-001 (UDI: 00888444111222)", SYNTH_NOTE),
    ("device-serial", "Insulin pump serial #12345", PRESERVE_DOC),
    ("device-serial", "My CPAP serial number is SN-4483-DEV-1190.", SELFTEST_MD),
    ("device-serial", "CPAP serial PRIVATE-12345", TRAVEL_TEST),
    ("device-serial", "A pacemaker, serial KQP 4827163, was implanted.", GEN),
    ("device-serial", "Pump S/N: TRX-48213-X.", GEN),
    ("device-serial", "The insulin pump serial number 4821-7730 was logged.", GEN),
    ("device-serial", "ICD serial no. PJN482716.", GEN),
    ("device-serial", "Cochlear implant SN 48271630.", GEN),
    ("device-serial", "Implanted Devices: stefr7678", DEVICES_DEMO),
    ("device-serial", "Pacemaker Serial Number: PM-789456123", DEVICES_DEMO),
    ("device-serial", "Insulin pump ID: INS-456789ABC", DEVICES_DEMO),
    ("device-serial", "pacemaker ID: 74426726", PACER_UI),
    ("device-serial", "Pacemaker serial numbers: PM-2024-567890, Pacemaker SN: ABC123", VULPES),
    ("device-serial", "Implant IDs: Implant ID: DEF456789", VULPES),
    ("device-serial", "Device serial numbers: Device Serial #12345678", VULPES),
    ("device-serial", "Defibrillator IDs: ICD Serial: XYZ-123-456", VULPES),
    ("device-serial", "(01)09504000059118(17)141120(10)7654321D(21)10987654d321", TW_CORE),
    ("device-serial", "(01)23386057009471(11)951102(17)201116(10)335129(21)6216106383", EU_EPS),
    ("device-serial", "(01)99863313444316(17)220101(10)M320(21)AC222", EICR_ANON),
    ("mrn", "MRN 4827163.", GEN),
    ("mrn", "Hospital No. 4827163.", GEN),
    ("mrn", "Medical record number: 48271630.", GEN),
    ("mrn", "Filed under record #4827163.", GEN),
    ("mrn", "Hospital record: 4827163.", GEN),
    ("mrn", "MRN: KX482716.", GEN),
    ("mrn", "Clinic file no. 482716 was reopened.", GEN),
    ("mrn", "MRN: 123456", HEALTHCHECK),
    ("mrn", "Patient John Smith (MRN: 12345) was seen in Room 301", LEV8),
    ("phone", "Tel: 0812 482716.", GEN),
    ("phone", "Call (+94) 71 482 7163 for appointments.", GEN),
    ("phone", "Fax +44 117 482 7163.", GEN),
    ("phone", "Called 555-123-4567 for follow-up", LEV8),
    ("phone", "Fax: (555) 123-4567", HEALTHCHECK),
    ("phone", "FAX #: 555-123-4567", HEALTHCHECK),
    ("address", "Home address: 42 Galle Road, Matara.", GEN),
    ("address", "She lives at 42/3, Temple Mawatha, Kandy.", GEN),
    ("address", "Address 123 Lake Street, Springfield 62704.", GEN),
    ("address", "Address: 42 Church Lane, Bristol.", GEN),
    ("address", "She lives at Lot 42, Station Road, Badulla.", GEN),
    ("address", "Post code BS3 4QT.", GEN),
    ("address", "Postal code 62704.", GEN),
    ("address", "ZIP code 62704.", GEN),
    # Must pass: public device / healthcare-IT text with model numbers, fleet or hardware identifiers, and field
    # names without a value.
    ("clean", "Generator Serial Number SGM32JM6S", _src("28887889582") + " (a standby generator's site report)"),
    ("clean", "Generator serial number required for submission", _src("33310621433") + " (a service app's rules)"),
    (
        "clean",
        (
            "Hearing aids (serials) | sold without client or invoice; trial without client | sold without warranty"
            " end date"
        ),
        _src("70732191625") + " (an audiology ERP's data-quality checks)",
    ),
    ("clean", "Device Identifier:        disk5s1", _src("66698421954") + " (diskutil output in a test)"),
    ("clean", "Cochlear implant model: CI512", FORENSIC_DOC),
    ("clean", 'ICD device model ID example "7273"', _src("32031210288") + " (an ICD programmer's export spec)"),
    (
        "clean",
        "Insulin Pump Serial Number\nGlucagon Pump Serial Number\nCGM Receiver BLE Address",
        _src("41788973109") + " (an artificial-pancreas state model's fields)",
    ),
    (
        "clean",
        "dataHandled: 'Patient medical records, dose prescription tokens, pump serial numbers.'",
        _src("70553823411") + " (an infusion-pump threat model)",
    ),
    (
        "clean",
        "Add your CGM serial number above to start building a glucose history.",
        _src("56694373922") + " (a CGM app's empty state)",
    ),
    (
        "clean",
        "Dexcom G4 Share serial numbers are of the form SM????????",
        _src("24497149") + " (an open-source APS setup script)",
    ),
    (
        "clean",
        "Cochlear implant serial number mandatory for registry entry.",
        _src("66509629493") + " (an ENT module's safety gates)",
    ),
    (
        "clean",
        "Name, date of birth, PatientId and neurostimulator serial number never leave the parser.",
        _src("61379516541") + " (a DBS report viewer's privacy note)",
    ),
    ("clean", "Device Serial Number: 000805192412", _src("45299704005") + " (a depth camera's firmware tool output)"),
    (
        "clean",
        "Device Identifier: 1234567\nVendor: Honeywell International Inc.\nFirmware: 3.8.2",
        _src("55881848139") + " (nmap bacnet-info output of an HVAC controller)",
    ),
    ("clean", 'udiCarrier.deviceIdentifier = "09504000059118"', TW_CORE),
    (
        "clean",
        "Implant model number: 2210, implant fw version: 1.4",
        _src("6236245527") + " (an implant's info print; values filled here)",
    ),
]


def items() -> list[tuple[str, str, str, str]]:
    """(half, kind, text, provenance); items alternate TUNE / CHECK within each kind."""
    seen: dict[str, int] = {}
    out = []
    for kind, text, source in ITEMS:
        n = seen.get(kind, 0)
        seen[kind] = n + 1
        out.append(("tune" if n % 2 == 0 else "check", kind, text, source))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tune", action="store_true", help="list the TUNE half's misses and false alarms")
    args = ap.parse_args()
    tally: dict[tuple[str, str], list[int]] = {}
    shown = []
    for half, kind, text, _ in items():
        kinds = {f.kind for f in scan(text)}
        groups = {"number" if k in ("mrn", "plan-number") else k for k in kinds}
        want = "number" if kind == "mrn" else kind
        ok = not kinds if kind == "clean" else want in groups
        t = tally.setdefault((half, kind), [0, 0])
        t[0] += ok
        t[1] += 1
        if not ok and half == "tune" and args.tune:
            shown.append(f"  {kind:14} got {sorted(kinds)}: {text!r}")
    for (half, kind), (good, total) in sorted(tally.items()):
        label = "passed" if kind == "clean" else "found"
        print(f"{half:5} {kind:14} {label} {good}/{total}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
