"""Round 8 of the evaluation sets: patient-identifier passages and clean health-IT prose from sources not used before.

    pip download --no-deps --no-binary :all: redacta==1.4.0 healthguard==0.1.1 deidkit==0.1.6 phi-redactor==0.1.1 \
        zerophix==0.1.20 dicom-sr-scrubber==0.1.0 phi-redact-mcp==0.1.0 -d DL/sd
    pip download --no-deps --no-binary :all: medspacy==1.3.1 philter-lite==0.6.0 dicomweb-client==0.61.2 \
        fhirpathpy==2.2.4 hl7apy==1.3.5 highdicom==0.28.2 deid==0.4.13 \
        azure-health-deidentification==1.0.0 azure-mgmt-healthcareapis==2.1.0 \
        azure-healthinsights-radiologyinsights==1.1.0 -d DL/sd       (unpack each under DL/sd)
    npm pack cql-execution@3.3.2 dcmjs@0.51.1 hl7-standard@1.0.4 fhir-kit-client@2.0.3 @ohif/core@3.12.18 \
        node-hl7-client@3.2.0                  (unpack each as DL/npm/<name>-<version>/package)
    python bench/phi/sources/phi8_notes.py DL

Identifier passages (phi.jsonl):
- the red-teaming PII bundles of cpuglis1/red_teaming_challenge_openai_oss_20b (CC0-1.0): synthetic clinic notes,
  patient e-mails, follow-up calendar entries, lab/vitals exports and HL7 messages of one made-up patient per bundle,
  transcribed from data/items.jsonl (and, for ten more notes, data_original/bundles/*/note_*.md) into
  phi8_redteam_bundles.json beside this script. Kinds come from the file's own
  pii_spans (NAME -> patient-name, DOB -> date-of-birth, MRN -> mrn, SSN -> ssn, PHONE -> phone, EMAIL -> email,
  ADDRESS -> address), plus an SSN the generator's OCR noise broke ("881--\n53-2674"), which pii_spans leaves out; a
  follow-up entry's appointment date is a date of care (admission-date). The "ORDER #" values the generator plants
  as SSN look-alikes are decoys and not counted; nor are the mail relay's IP address or the prescriber. Every bundle
  fills the same template per document type, so the group is the type: all fills of one shape on one side.
- the test suites of redacta (MIT-0), healthguard (Apache-2.0), phi-redactor (Apache-2.0), dicom-sr-scrubber (MIT),
  phi-redact-mcp (MIT) and deidkit (MIT, English sentences only): sentences a test feeds the redactor, taken
  verbatim (checked against the unpacked sdist). An NHS or Medicare number counts as plan-number, a next of kin's
  name as patient-name, a clinic or admission date as admission-date, an age of 90 or more as age-over-89, an account number as
  plan-number, a UDI or device/implant serial as device-serial; a name counts as patient-name only when the text
  says the person is the patient (or a relative/subscriber); a vehicle's VIN or plate and a URL are not counted.

- zerophix's shipped examples (Apache-2.0): the blocks of its multi-patient clinical records extract that carry a
  patient's (or relative's) value, its JSON example texts, the notes column of its pii.csv, samples.txt and one-line
  example inputs of its example scripts (each file one group).

Clean passages (clean.jsonl): prose paragraphs of the READMEs/user docs that health-IT packages ship (CQL engine,
DICOMweb client, clinical NLP, HL7 v2 and FHIR clients, DICOM tooling, an imaging viewer core) and the release notes
of three Azure health-data SDKs. Code blocks, tables, headings, directives, lines with a URL, an @ or braces and
paragraphs under 40 characters or 6 words are left out; inline markup and link targets removed. Each item's group
is its file (docs) or release (changelogs), so one file's or release's passages land on one side of the split.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))
sys.path.insert(0, str(HERE))

from phi7_clean_changelogs import entries  # noqa: E402

from bench.phi.grow import append  # noqa: E402

# --- clean: prose of health-IT package docs ---------------------------------------------------------------------

DOCS = [
    # (source, package, path under DL, licence)
    ("cql-execution-docs", "cql-execution@3.3.2 (npm)", "npm/cql-execution-3.3.2/package/OVERVIEW.md", "Apache-2.0"),
    ("cql-execution-docs", "cql-execution@3.3.2 (npm)", "npm/cql-execution-3.3.2/package/README.md", "Apache-2.0"),
    (
        "cql-execution-docs",
        "cql-execution@3.3.2 (npm)",
        "npm/cql-execution-3.3.2/package/V2_to_V3_MIGRATION.md",
        "Apache-2.0",
    ),
    ("dicomweb-client-docs", "dicomweb-client==0.61.2 (PyPI sdist)", "sd/dicomweb_client-0.61.2/README.md", "MIT"),
    *[
        ("dicomweb-client-docs", "dicomweb-client==0.61.2 (PyPI sdist)", f"sd/dicomweb_client-0.61.2/docs/{n}", "MIT")
        for n in ("introduction.rst", "installation.rst", "conformance.rst", "development.rst")
    ],
    ("medspacy-readme", "medspacy==1.3.1 (PyPI sdist)", "sd/medspacy-1.3.1/README.md", "MIT"),
    ("philter-lite-readme", "philter-lite==0.6.0 (PyPI sdist)", "sd/philter_lite-0.6.0/README.md", "BSD-3-Clause"),
    ("dcmjs-readme", "dcmjs@0.51.1 (npm)", "npm/dcmjs-0.51.1/package/README.md", "MIT"),
    ("hl7-standard-readme", "hl7-standard@1.0.4 (npm)", "npm/hl7-standard-1.0.4/package/README.md", "Apache-2.0"),
    ("fhir-kit-client-readme", "fhir-kit-client@2.0.3 (npm)", "npm/fhir-kit-client-2.0.3/package/README.md", "MIT"),
    ("hl7apy-readme", "hl7apy==1.3.5 (PyPI sdist)", "sd/hl7apy-1.3.5/README.md", "MIT"),
    ("highdicom-readme", "highdicom==0.28.2 (PyPI sdist)", "sd/highdicom-0.28.2/README.md", "MIT"),
    ("ohif-core-readme", "@ohif/core@3.12.18 (npm)", "npm/ohif-core-3.12.18/package/README.md", "MIT"),
    ("node-hl7-client-readme", "node-hl7-client@3.2.0 (npm)", "npm/node-hl7-client-3.2.0/package/README.md", "MIT"),
    ("fhirpathpy-readme", "fhirpathpy==2.2.4 (PyPI sdist)", "sd/fhirpathpy-2.2.4/README.md", "MIT"),
    ("pydicom-deid-readme", "deid==0.4.13 (PyPI sdist)", "sd/deid-0.4.13/README.md", "MIT"),
]

CHANGELOGS = [
    (
        "azure-health-deid-changelog",
        "azure-health-deidentification==1.0.0 (PyPI sdist)",
        "sd/azure_health_deidentification-1.0.0/CHANGELOG.md",
        "MIT",
    ),
    (
        "azure-healthcareapis-changelog",
        "azure-mgmt-healthcareapis==2.1.0 (PyPI sdist)",
        "sd/azure-mgmt-healthcareapis-2.1.0/CHANGELOG.md",
        "MIT",
    ),
    (
        "azure-radiology-insights-changelog",
        "azure-healthinsights-radiologyinsights==1.1.0 (PyPI sdist)",
        "sd/azure_healthinsights_radiologyinsights-1.1.0/CHANGELOG.md",
        "MIT",
    ),
]

_MD = re.compile(r"`+|\*\*|\*|\[([^\]]*)\]\([^)]*\)|<[^>]+>|:(?:class|func|meth|ref|doc|mod|attr):`([^`]*)`")
_LICENCE_TEXT = ("Permission is hereby granted", "THE SOFTWARE IS PROVIDED", "The above copyright notice")
_RULE = re.compile(r"[=\-~^\"'`*+#]{3,}")


def paragraphs(path: Path) -> list[str]:
    """Prose paragraphs (and list entries) of a Markdown or reStructuredText file, wrapped lines joined."""
    out: list[str] = []
    cur: list[str] = []
    fence = directive = False
    lines = [*path.read_text(encoding="utf-8").splitlines(), ""]

    def flush() -> None:
        if cur:
            out.append(" ".join(cur))
        cur.clear()

    for i, raw in enumerate(lines):
        s = raw.rstrip()
        if s.lstrip().startswith("```"):
            fence = not fence
            cur.clear()
            continue
        if fence:
            continue
        if directive:
            if s and not s.startswith((" ", "\t")):
                directive = False
            else:
                continue
        if s.startswith(".. ") or s.endswith("::"):
            flush()
            directive = True
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        heading = s.startswith("#") or _RULE.fullmatch(s.strip()) or (nxt and _RULE.fullmatch(nxt))
        if (
            not s.strip()
            or heading
            or s.lstrip().startswith(("|", ">", "<", "+-", "!"))
            or s.startswith(("    ", "\t"))
        ):
            flush()
            continue
        bullet = re.match(r"^\s{0,3}(?:[-*+]|\d+\.)\s+(.*)", s)
        if bullet:
            flush()
            cur.append(bullet.group(1).strip())
            continue
        cur.append(s.strip())
    texts = []
    for p in out:
        t = _MD.sub(lambda m: m.group(1) or m.group(2) or "", p)
        t = re.sub(r"\s{2,}", " ", t).strip()
        if t.startswith(_LICENCE_TEXT):
            continue
        if len(t) >= 40 and len(t.split()) >= 6 and not re.search(r"http|@|[{}]", t) and not t.startswith(("$", "[!")):
            texts.append(t[:600])
    return texts


def clean_items(dl: Path) -> list[dict]:
    items: list[dict] = []
    seen: set[str] = set()
    counters: dict[str, int] = {}
    for source, package, path, licence in DOCS:
        for text in paragraphs(dl / path):
            if text in seen:
                continue
            seen.add(text)
            counters[source] = counters.get(source, 0) + 1
            items.append(
                {
                    "id": f"{source}-{counters[source]:03d}",
                    "group": f"{source}:{path.split('/', 2)[2]}",
                    "source": source,
                    "text": text,
                    "kinds": [],
                    "provenance": {
                        "package": f"{package}, {licence}",
                        "path": path.split("/", 2)[2],
                        "note": "one prose paragraph or list entry of the file (code, tables, headings and "
                        "directives left out; wrapped lines joined; markup and link targets removed)",
                    },
                }
            )
    for source, package, path, licence in CHANGELOGS:
        if not (dl / path).exists():
            print("missing", path)
            continue
        for release, text in entries(dl / path):
            if text in seen:
                continue
            seen.add(text)
            counters[source] = counters.get(source, 0) + 1
            items.append(
                {
                    "id": f"{source}-{counters[source]:03d}",
                    "group": f"{source}:{release}",
                    "source": source,
                    "text": text,
                    "kinds": [],
                    "provenance": {
                        "package": f"{package}, {licence}",
                        "path": path.split("/", 2)[2],
                        "note": f"one changelog entry of release {release} (wrapped lines joined; markup removed)",
                    },
                }
            )
    return items


# --- identifiers: sentences PHI-redaction test suites feed their redactor -----------------------------------------

LIB_TESTS = {
    "redacta": ("redacta-tests", "redacta==1.4.0 (PyPI sdist), MIT-0", "sd/redacta-1.4.0/tests/"),
    "healthguard": ("healthguard-tests", "healthguard==0.1.1 (PyPI sdist), Apache-2.0", "sd/healthguard-0.1.1/"),
    "deidkit": ("deidkit-tests", "deidkit==0.1.6 (PyPI sdist), MIT", "sd/deidkit-0.1.6/tests/"),
    "dicom-sr-scrubber": (
        "dicom-sr-scrubber-tests",
        "dicom-sr-scrubber==0.1.0 (PyPI sdist), MIT",
        "sd/dicom_sr_scrubber-0.1.0/tests/",
    ),
    "phi-redact-mcp": ("phi-redact-mcp-tests", "phi-redact-mcp==0.1.0 (PyPI sdist), MIT", "sd/phi_redact_mcp-0.1.0/"),
    "phi-redactor": (
        "phi-redactor-tests",
        "phi-redactor==0.1.1 (PyPI sdist), Apache-2.0",
        "sd/phi_redactor-0.1.1/tests/",
    ),
}

_BENCH = "integration/test_detection_benchmark.py"
_RECOG = "unit/test_hipaa_recognizers.py"

# (package, file under its folder, group: test section, text, kinds)
LIB_ITEMS: list[tuple[str, str, str, str, list[str]]] = [
    (
        "redacta",
        "test_gateway.py",
        "NOTE",
        "DOB: 14/03/1952. NHS Number: 943 476 5919. Email: p.hartley@example.com. Tel: 0113 278 4532.",
        ["date-of-birth", "plan-number", "email", "phone"],
    ),
    (
        "redacta",
        "test_gateway.py",
        "output-guard",
        "As discussed, 9434765919 rang from 0113-278-4532.",
        ["plan-number", "phone"],
    ),
    ("redacta", "test_gateway.py", "standalone-guard", "patient PATRICIA HARTLEY seen", ["patient-name"]),
    ("redacta", "test_gateway.py", "safe-harbor", "Aged 91, clinic 20 March 2026.", ["age-over-89", "admission-date"]),
    (
        "redacta",
        "test_redacta.py",
        "structured-ids",
        "NHS Number: 943 476 5919, email jo@example.com",
        ["plan-number", "email"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "names",
        "Dear Mrs Patricia Hartley, her daughter Sarah is here. Seen by Dr Patel.",
        ["patient-name"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "clinical-default",
        "DOB: 14/03/1952. Appointment 15 March 2026.",
        ["date-of-birth", "admission-date"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "safe-harbor",
        (
            "Mr Earl Dawson, 91 years old, admitted 02/03/2026, clinic 20 March 2026. Fax: 0113 496 1234. "
            "Medicare ID: 1EG4TE5MK73."
        ),
        ["patient-name", "age-over-89", "admission-date", "plan-number"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "regressions",
        "Next of kin: her daughter Anita (07700 900456) was updated.",
        ["patient-name", "phone"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "regressions",
        "Mrs Eileen O'Brien was admitted. His daughter Mary O'Brien attended.",
        ["patient-name"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "regressions",
        "Her daughter Sarah is the main contact. The patient has a daughter and two sons.",
        ["patient-name"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "street-addresses",
        "Address on file: 42 Maple Road, Oxford OX2 6JX.",
        ["address"],
    ),
    (
        "redacta",
        "test_redacta.py",
        "street-addresses",
        "Lives at Flat 3, 42 Chestnut Grove. Also 10 Priory Dr and 7 Baker St.",
        ["address"],
    ),
    ("healthguard", "tests/test_core.py", "test_core", "Patient Jane Doe, SSN 123-45-6789", ["patient-name", "ssn"]),
    ("healthguard", "tests/test_phi.py", "test_phi", "Call the patient at 555-867-5309", ["phone"]),
    (
        "healthguard",
        "tests/test_phi.py",
        "test_phi",
        "Patient John Smith, DOB 1980-03-15, phone 555-123-4567, SSN 987-65-4321",
        ["patient-name", "date-of-birth", "phone", "ssn"],
    ),
    (
        "healthguard",
        "tests/test_policy.py",
        "test_policy",
        "Patient SSN is 123-45-6789, please summarise their record.",
        ["ssn"],
    ),
    (
        "healthguard",
        "examples/basic_usage.py",
        "basic_usage",
        "Patient John Smith, DOB 1980-03-15, SSN 123-45-6789, called 555-867-5309",
        ["patient-name", "date-of-birth", "ssn", "phone"],
    ),
    # deidkit's English sentences (its Spanish ones left out); the doctor after "by" is not counted.
    (
        "deidkit",
        "test_engine.py",
        "test_engine:english",
        "Patient Robert Williams seen by Dr. Mary Johnson.",
        ["patient-name"],
    ),
    ("deidkit", "test_qa_fixes.py", "test_qa_fixes:date", "Follow up March 5, 2021 in clinic.", ["admission-date"]),
    (
        "deidkit",
        "test_qa_freetext_leaks.py",
        "ordinal-dates",
        "Follow up March 5th, 2021 with the specialist.",
        ["admission-date"],
    ),
    ("deidkit", "test_qa_freetext_leaks.py", "ordinal-dates", "Seen on 5th March 2021 for review.", ["admission-date"]),
    (
        "deidkit",
        "test_qa_freetext_leaks.py",
        "lowercase-anchors",
        "Seen on 5th March 2021 by dr. juan perez.",
        ["admission-date"],
    ),
    # phi-redactor: its integration and unit tests; the benchmark's discharge summary split at its headings (the
    # attending physician's block and the text-only biometric/photo blocks carry no patient value and are left out).
    (
        "phi-redactor",
        "integration/test_masking_quality.py",
        "masking_quality",
        (
            "Patient John Smith (DOB: 03/15/1956, SSN: 456-78-9012) presented to Springfield General Hospital on "
            "January 15, 2026. The 67-year-old male was diagnosed with Type 2 Diabetes Mellitus (E11.9). Treatment: "
            "metformin 1000mg BID. Referred by Dr. Maria Garcia. Contact: (555) 123-4567."
        ),
        ["patient-name", "date-of-birth", "ssn", "admission-date", "phone"],
    ),
    (
        "phi-redactor",
        "integration/test_masking_quality.py",
        "masking_quality",
        "Patient Jane Doe SSN 123-45-6789 was seen at (555) 987-6543.",
        ["patient-name", "ssn", "phone"],
    ),
    (
        "phi-redactor",
        "integration/test_session_consistency.py",
        "session_consistency",
        "John Smith SSN 456-78-9012 email john@test.com phone 555-123-4567",
        ["ssn", "email", "phone"],
    ),
    (
        "phi-redactor",
        "integration/test_session_consistency.py",
        "session_consistency",
        "Patient Jane Doe called from 555-123-4567.",
        ["patient-name", "phone"],
    ),
    (
        "phi-redactor",
        "integration/test_session_consistency.py",
        "session_consistency",
        "Jane Doe's SSN is 987-65-4321.",
        ["ssn"],
    ),
    (
        "phi-redactor",
        "integration/test_proxy_openai.py",
        "proxy_openai",
        "Patient Jane Doe SSN 987-65-4321 seen on 01/15/2026.",
        ["patient-name", "ssn", "admission-date"],
    ),
    (
        "phi-redactor",
        "integration/test_proxy_openai.py",
        "proxy_openai",
        "Patient John Smith SSN 456-78-9012 was admitted.",
        ["patient-name", "ssn"],
    ),
    (
        "phi-redactor",
        "integration/test_proxy_openai.py",
        "proxy_openai",
        "John Smith called at 555-123-4567.",
        ["phone"],
    ),
    (
        "phi-redactor",
        _BENCH,
        "discharge-summary",
        (
            "DISCHARGE SUMMARY\n==================\n\nPatient: John Michael Smith\nDate of Birth: March 15, 1956\n"
            "Date of Admission: January 10, 2026\nDate of Discharge: January 18, 2026\nMRN: 00456789"
        ),
        ["patient-name", "date-of-birth", "admission-date", "mrn"],
    ),
    (
        "phi-redactor",
        _BENCH,
        "discharge-summary",
        (
            "DEMOGRAPHICS:\nAddress: 742 Evergreen Terrace, Springfield, IL 62704\nPhone: (555) 123-4567\n"
            "Fax: (555) 987-6543\nEmail: john.smith@springfieldgeneral.com\nSSN: 456-78-9012"
        ),
        ["address", "phone", "email", "ssn"],
    ),
    (
        "phi-redactor",
        _BENCH,
        "discharge-summary",
        (
            "INSURANCE INFORMATION:\nHealth Plan: Blue Cross Blue Shield\nMember ID: BCBS-987654321\n"
            "Group Number: GRP1234567\nSubscriber: John Smith\nPolicy Number: POL88776655\n\nBILLING:\n"
            "Account Number: ACC-00112233\nBilling Account: 98765432"
        ),
        ["plan-number", "patient-name"],
    ),
    (
        "phi-redactor",
        _BENCH,
        "discharge-summary",
        (
            "CLINICAL SUMMARY:\nThe 69-year-old male presented with exacerbation of Type 2 Diabetes\nMellitus (E11.9). "
            "Patient was transported via vehicle VIN: 1HGBH41JXMN109186,\nlicense plate: ABC 1234.\n\n"
            "DEVICES AND IMPLANTS:\nContinuous glucose monitor implanted.\nDevice UDI: (01)00884521356148\n"
            "Device serial number: SN-CGM2024-0042"
        ),
        ["device-serial"],
    ),
    (
        "phi-redactor",
        _BENCH,
        "discharge-summary",
        (
            "DIGITAL ACCESS:\nPatient portal: https://patient-portal.springfieldgeneral.com/john-smith\n"
            "Access IP: 192.168.1.100"
        ),
        ["ip-address"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        "Patient John Smith presented to the emergency department.",
        ["patient-name"],
    ),
    ("phi-redactor", "unit/test_detection.py", "detection", "The patient's SSN is 456-78-9012 on file.", ["ssn"]),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        "Contact the patient at (555) 123-4567 for follow-up.",
        ["phone"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        "Send records to john.smith@email.com per patient request.",
        ["email"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        "The patient visited on January 15, 2026 for a routine checkup.",
        ["admission-date"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        (
            "Patient John Smith (DOB: 03/15/1956, SSN: 456-78-9012) was seen by Dr. Maria Garcia. Contact: "
            "(555) 123-4567, john.smith@email.com."
        ),
        ["patient-name", "date-of-birth", "ssn", "phone", "email"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        (
            "Patient John Smith (DOB: 03/15/1956, SSN: 456-78-9012) presented to Springfield General Hospital on "
            "January 15, 2026. Contact: (555) 123-4567, john.smith@email.com. Address: 742 Evergreen Terrace, "
            "Springfield, IL 62704."
        ),
        ["patient-name", "date-of-birth", "ssn", "admission-date", "phone", "email", "address"],
    ),
    (
        "phi-redactor",
        "unit/test_detection.py",
        "detection",
        "Patient John Smith, SSN 456-78-9012, phone (555) 123-4567, email john.smith@email.com, DOB January 15, 2026.",
        ["patient-name", "ssn", "phone", "email", "date-of-birth"],
    ),
    ("phi-redactor", "unit/test_masking.py", "masking", "Patient John Smith arrived at 8am.", ["patient-name"]),
    (
        "phi-redactor",
        "unit/test_masking.py",
        "masking",
        "Patient Jane Doe, SSN 999-88-7777, phone (555) 111-2222.",
        ["patient-name", "ssn", "phone"],
    ),
    (
        "phi-redactor",
        "unit/test_masking.py",
        "masking",
        "Patient Jane Doe, SSN 999-88-7777, email jane@test.com.",
        ["patient-name", "ssn", "email"],
    ),
    (
        "phi-redactor",
        "unit/test_masking.py",
        "masking",
        "Name: Alice Brown, Phone: (555) 000-1111, Email: alice@example.com, IP: 10.0.0.1",
        ["phone", "email", "ip-address"],
    ),
    ("phi-redactor", "unit/test_masking.py", "masking", "MRN: 00456789, URL: https://portal.example.com", ["mrn"]),
    ("phi-redactor", _RECOG, "mrn", "Patient MRN: 00456789 was admitted.", ["mrn"]),
    ("phi-redactor", _RECOG, "mrn", "The medical record number is 12345678.", ["mrn"]),
    ("phi-redactor", _RECOG, "mrn", "Chart number 9876543 on file.", ["mrn"]),
    ("phi-redactor", _RECOG, "mrn", "Patient ID: 1234567890 assigned.", ["mrn"]),
    ("phi-redactor", _RECOG, "health-plan", "Member ID: BCBS-987654321 is active.", ["plan-number"]),
    ("phi-redactor", _RECOG, "health-plan", "Policy number ABC123456789 expires next month.", ["plan-number"]),
    ("phi-redactor", _RECOG, "health-plan", "Subscriber ID: H12345678 on the plan.", ["plan-number"]),
    ("phi-redactor", _RECOG, "health-plan", "Insurance ID UHC987654321 verified.", ["plan-number"]),
    ("phi-redactor", _RECOG, "account", "Account number: 001234567890 on file.", ["plan-number"]),
    ("phi-redactor", _RECOG, "account", "Acct # 12345678 for billing.", ["plan-number"]),
    ("phi-redactor", _RECOG, "account", "Billing account 87654321 was charged.", ["plan-number"]),
    ("phi-redactor", _RECOG, "account", "Account number: ACC-00112233 active.", ["plan-number"]),
    ("phi-redactor", _RECOG, "device", "Device UDI: (01)00884521356148 implanted.", ["device-serial"]),
    ("phi-redactor", _RECOG, "device", "Device serial number: SN1234567890 recorded.", ["device-serial"]),
    ("phi-redactor", _RECOG, "device", "Implant serial: IMP98765432 placed during surgery.", ["device-serial"]),
    (
        "phi-redactor",
        "unit/test_fhir_hl7.py",
        "hl7",
        "PID|1||12345^^^Hospital^MR||Smith^John||19560315|M|||742 Evergreen^^Springfield^IL^62704",
        ["mrn", "patient-name", "date-of-birth", "address"],
    ),
    (
        "phi-redactor",
        "unit/test_fhir_hl7.py",
        "hl7",
        "NK1|1|DOE^JANE|SPO|742 Evergreen^^Springfield^IL^62704|(555)123-4567",
        ["patient-name", "address", "phone"],
    ),
    ("phi-redactor", "unit/test_identity_clustering.py", "clustering", "Patient Bob Jones visited.", ["patient-name"]),
    ("dicom-sr-scrubber", "test_phi_detect.py", "regex_scan", "MRN: 1234567 is the record", ["mrn"]),
    ("dicom-sr-scrubber", "test_phi_detect.py", "regex_scan", "SSN 123-45-6789 and email test@x.com", ["ssn", "email"]),
    ("dicom-sr-scrubber", "test_phi_detect.py", "blacklist_scan", "Patient JohnDoe presented today", ["patient-name"]),
    ("dicom-sr-scrubber", "test_phi_detect.py", "regex_scan", "call 555-867-5309 and come back", ["phone"]),
    (
        "phi-redact-mcp",
        "tests/test_fail_closed.py",
        "fail_closed",
        "call me at 555-0100 about record 1234567",
        ["phone", "mrn"],
    ),
    ("phi-redact-mcp", "tests/test_fail_closed.py", "fail_closed", "Patient SSN 123-45-6789 phone", ["ssn"]),
    (
        "phi-redact-mcp",
        "tests_integration/test_presidio_smoke.py",
        "presidio_smoke",
        "Patient MRN: 1234567 admitted today.",
        ["mrn"],
    ),
]


def _squash(s: str) -> str:
    """The file's text with Python's implicit string concatenation undone, for the verbatim check."""
    return re.sub(r"\"\s*\n\s*\"|'\s*\n\s*'", "", s)


def lib_items(dl: Path) -> list[dict]:
    items = []
    counters: dict[str, int] = {}
    for pkg, fname, group, text, kinds in LIB_ITEMS:
        source, package, folder = LIB_TESTS[pkg]
        assert text in _squash((dl / folder / fname).read_text(encoding="utf-8")), (pkg, text)
        counters[source] = counters.get(source, 0) + 1
        path = folder.split("/", 2)[2] + fname
        items.append(
            {
                "id": f"phi8-{source}-{counters[source]:03d}",
                "group": f"{source}:{path}:{group}",
                "source": source,
                "text": text,
                "kinds": sorted(set(kinds)),
                "provenance": {
                    "package": package,
                    "path": path,
                    "licence": package.rsplit(", ", 1)[1],
                    "note": "a sentence the test (or example) feeds the redactor, verbatim; a clinician's name not "
                    "counted",
                },
            }
        )
    return items


# --- identifiers: the red-teaming PII bundles (transcribed) ------------------------------------------------------

RT = {
    "repo": "cpuglis1/red_teaming_challenge_openai_oss_20b",
    "path": "data/items.jsonl",
    "commit": "0b6d74e0faa590b0b5eea572f071c79f7b0888e0",
    "licence": "CC0-1.0",
}


def redteam_items() -> list[dict]:
    rows = json.loads((HERE / "phi8_redteam_bundles.json").read_text(encoding="utf-8"))
    items = []
    for r in rows:
        assert len(r["text"]) <= 700, r["doc_id"]
        items.append(
            {
                "id": f"phi8-redteam-{r['doc_id']}",
                # Every bundle fills the same per-type template (only the note's blocks vary), so the shape is the type.
                "group": f"redteam-bundles:{r['type']}",
                "source": "redteam-pii-bundles",
                "text": r["text"],
                "kinds": sorted(set(r["kinds"])),
                "provenance": {
                    **RT,
                    **{k: r[k] for k in ("path", "commit") if k in r},
                    "note": f"the text of doc_id {r['doc_id']} (a {r['type']}) as the file holds it; kinds from its "
                    "pii_spans; 'ORDER #' decoys and the mail relay's IP not counted",
                },
            }
        )
    return items


# --- identifiers: zerophix's shipped clinical examples (Australian) ----------------------------------------------

ZP = "sd/zerophix-0.1.20/examples/"
ZP_PACKAGE = "zerophix==0.1.20 (PyPI sdist), Apache-2.0"
_PD = ["patient-name", "date-of-birth", "plan-number", "mrn"]
# (patient record, block heading) of the multi-patient extract -> kinds. Blocks not listed carry no value of a patient
# (diagnoses, medications, staff and hospital contacts, the header) and are left out. Medicare/DVA/NDIS/health-fund
# numbers, pension and healthcare cards, claim and billing-account numbers -> plan-number; the IHI (national patient
# identifier), a hospital booking or admission number -> mrn; a Tax File Number -> ssn; a next of kin or carer's
# name -> patient-name; dates of admission, procedures, tests, appointments and the due date -> admission-date.
ZP_BLOCKS: dict[tuple[int, str], list[str]] = {
    (1, "PATIENT DETAILS:"): _PD,
    (1, "CONTACT INFORMATION:"): ["address", "phone", "email", "patient-name"],
    (1, "TAX & BILLING:"): ["ssn", "plan-number"],
    (1, "CLINICAL SUMMARY:"): ["admission-date"],
    (1, "PROCEDURES PERFORMED:"): ["admission-date"],
    (1, "PATHOLOGY RESULTS:"): ["plan-number"],
    (1, "FOLLOW-UP PLAN:"): ["admission-date"],
    (1, "INSURANCE CLAIMS:"): ["plan-number"],
    (2, "PATIENT DETAILS:"): _PD,
    (2, "CONTACT INFORMATION:"): ["address", "phone", "email", "patient-name"],
    (2, "FINANCIAL:"): ["ssn", "plan-number", "phone"],
    (2, "CLINICAL SUMMARY:"): ["admission-date"],
    (2, "CURRENT PREGNANCY:"): ["admission-date", "mrn"],
    (2, "MONITORING:"): ["device-serial"],
    (2, "PATHOLOGY TRACKING:"): ["admission-date", "plan-number"],
    (2, "INSURANCE & BILLING:"): ["plan-number"],
    (3, "PATIENT DETAILS:"): _PD,
    (3, "CONTACT:"): ["address", "phone"],
    (3, "FINANCIAL & SOCIAL:"): ["ssn", "plan-number", "patient-name", "phone"],
    (3, "RECENT ADMISSIONS:"): ["admission-date", "mrn"],
    (3, "ADVANCED CARE PLANNING:"): ["admission-date"],
    (3, "FUNDING & SUPPORT:"): ["patient-name", "ssn"],
}
# Short example texts: (file, key: JSON file's "text" or CSV row id, kinds). complex_4 (a log line of an employee id)
# and CSV rows 4 and 6 (a passport number only; diagnosis codes only) are left out.
ZP_SHORT: list[tuple[str, str, list[str]]] = [
    ("complex_1.json", "text", ["patient-name", "date-of-birth", "plan-number", "mrn", "phone", "email", "address"]),
    ("complex_2.json", "text", ["date-of-birth", "ssn", "phone", "email", "plan-number"]),
    ("complex_3.json", "text", ["patient-name", "address", "admission-date"]),
    ("complex_5.json", "text", ["phone", "mrn", "plan-number"]),
    ("pii.csv", "1", ["patient-name", "admission-date", "mrn"]),
    ("pii.csv", "2", ["plan-number"]),
    ("pii.csv", "3", ["mrn", "patient-name", "phone"]),
    ("pii.csv", "5", ["plan-number"]),
    ("pii.csv", "7", ["plan-number"]),
    ("pii.csv", "8", ["admission-date"]),
    ("pii.csv", "9", ["mrn"]),
    ("pii.csv", "10", ["phone"]),
    ("samples.txt", "", ["address", "plan-number", "phone", "email"]),
]

# One-line example inputs of zerophix's example scripts, verbatim: (file, text, kinds). A bare name next to an SSN or
# phone is not counted as patient-name (the text does not say the person is a patient); a TFN or UK NI number -> ssn,
# an NHS or Medicare number -> plan-number; the treating doctor and hospital numbers are not counted.
_MED = ["patient-name", "plan-number", "date-of-birth"]
ZP_LINES: list[tuple[str, str, list[str]]] = [
    (
        "databricks_medical_optimized.py",
        (
            "Patient: Emily Chen, Medicare: 2234 56789 0, DOB: 15/03/1985\n    Diagnosis: Type 2 diabetes mellitus, "
            "prescribed Metformin 1000mg BD\n    Dr. Sarah Mitchell, St Vincent's Hospital, Provider: 123456X"
        ),
        _MED,
    ),
    (
        "databricks_medical_optimized.py",
        (
            "Patient: Michael Thompson, Medicare: 3345 67890 1, DOB: 22/08/1970\n    Chief Complaint: Hypertension, "
            "currently on Perindopril 5mg daily\n    Contact: 0412 345 678, Seen by Dr. James Wong, Royal Melbourne Hospital"
        ),
        [*_MED, "phone"],
    ),
    (
        "databricks_medical_optimized.py",
        (
            "Patient: Sarah Williams, Medicare: 4456 78901 2, DOB: 10/11/1992\n    Treatment: Atorvastatin 40mg for "
            "hyperlipidemia\n    Follow-up at Alfred Hospital, ABN: 12 345 678 901"
        ),
        _MED,
    ),
    (
        "databricks_medical_optimized.py",
        (
            "Patient: Robert Lee, Medicare: 5567 89012 3, DOB: 05/02/1988\n    Medication: Aspirin 100mg daily, diagnosed "
            "with diabetic retinopathy\n    Dr. Lisa Chen, Provider: 234567Y, Sydney Hospital"
        ),
        _MED,
    ),
    (
        "databricks_medical_optimized.py",
        (
            "Patient: Dr. Maria Garcia, Medicare: 6678 90123 4, DOB: 18/07/1965\n    Condition: Uncontrolled diabetes, "
            "HbA1c 8.2%, increase Metformin to 1000mg TDS\n    Royal Brisbane Hospital, Contact: 07 3636 8111"
        ),
        _MED,
    ),
    (
        "performance_comparison_demo.py",
        "Patient Jane Doe, DOB 15/03/1975, MRN: 98765, diagnosed with Type 2 Diabetes. Phone: 0412 345 678",
        ["patient-name", "date-of-birth", "mrn", "phone"],
    ),
    (
        "performance_comparison_demo.py",
        "John Smith was born on 01/01/1980. His Medicare number is 2123 4567 8 1. Contact: john@email.com",
        ["date-of-birth", "plan-number", "email"],
    ),
    (
        "detection_methods_example.py",
        (
            "Patient John Doe (born 1985-03-15) was treated for diabetes.\nContact: john.doe@hospital.com, emergency: "
            "(555) 123-4567.\nInsurance: INS-123456, SSN: 123-45-6789."
        ),
        ["patient-name", "date-of-birth", "email", "phone", "plan-number", "ssn"],
    ),
    (
        "quick_start_examples.py",
        "Patient John Doe, DOB: 1985-03-15, SSN: 123-45-6789, diagnosed with diabetes",
        ["patient-name", "date-of-birth", "ssn"],
    ),
    ("quick_start_examples.py", "Jane Doe, TFN: 123 456 789, Medicare: 2234 5678 9 1", ["ssn", "plan-number"]),
    ("quick_start_examples.py", "Sarah Wilson, NHS: 123 456 7890, NI: AB 12 34 56 C", ["plan-number", "ssn"]),
    ("quick_start_examples.py", "Jane Smith, phone: (555) 987-6543, DOB: 1990-05-15", ["phone", "date-of-birth"]),
    (
        "adaptive_ensemble_examples.py",
        "Patient John Smith, age 45, diagnosed with diabetes mellitus type 2.",
        ["patient-name"],
    ),
    (
        "adaptive_ensemble_examples.py",
        "Medicare number: 2123 45670 1. Date of birth: 15/03/1978.",
        ["plan-number", "date-of-birth"],
    ),
    (
        "adaptive_ensemble_examples.py",
        "Jane Doe, Medicare 2234 56781 2, has hypertension.",
        ["patient-name", "plan-number"],
    ),
    ("adaptive_ensemble_examples.py", "John Smith has diabetes. Call 555-1234.", ["patient-name", "phone"]),
    (
        "api_usage_examples.py",
        "Patient John Doe (SSN: 123-45-6789) scheduled for 2023-10-15",
        ["patient-name", "ssn", "admission-date"],
    ),
    (
        "all_interfaces_demo.py",
        "Patient: John Doe, MRN: 12345, DOB: 01/15/1980",
        ["patient-name", "mrn", "date-of-birth"],
    ),
    (
        "all_interfaces_demo.py",
        "Patient: John Smith, DOB: 01/15/1980, SSN: 123-45-6789, Phone: 555-1234",
        ["patient-name", "date-of-birth", "ssn", "phone"],
    ),
    (
        "redaction_strategies_examples.py",
        "Patient: John Doe, MRN: 12345, SSN: 123-45-6789",
        ["patient-name", "mrn", "ssn"],
    ),
    (
        "comprehensive_usage_examples.py",
        "John Doe, SSN: 123-45-6789, born 1985-03-15, phone: (555) 123-4567",
        ["ssn", "date-of-birth", "phone"],
    ),
    (
        "comprehensive_usage_examples.py",
        "Jane Smith, TFN: 123 456 789, Medicare: 2234 5678 9 1, ABN: 12 345 678 901",
        ["ssn", "plan-number"],
    ),
    (
        "comprehensive_usage_examples.py",
        "Sarah Johnson, NHS: 123 456 7890, NI: AB 12 34 56 C, phone: +44 20 7946 0958",
        ["plan-number", "ssn", "phone"],
    ),
]


def _zp_item(n: int, group: str, path: str, text: str, kinds: list[str], note: str) -> dict:
    return {
        "id": f"phi8-zerophix-examples-{n:03d}",
        "group": f"zerophix-examples:{group}",
        "source": "zerophix-examples",
        "text": text,
        "kinds": sorted(set(kinds)),
        "provenance": {"package": ZP_PACKAGE, "path": path, "licence": "Apache-2.0", "note": note},
    }


def zerophix_items(dl: Path) -> list[dict]:
    import ast
    import csv
    import textwrap

    src = (dl / ZP / "ultra_complex_examples.py").read_text(encoding="utf-8")
    doc = next(
        n.value.value
        for n in ast.walk(ast.parse(src))
        if isinstance(n, ast.Assign) and getattr(n.targets[0], "id", None) == "clinical_document"
    )
    items, n, record = [], 0, 0
    for block in re.split(r"\n\s*\n", textwrap.dedent(doc)):
        text = block.strip("\n")
        marker = re.search(r"PATIENT RECORD (\d)", text)
        if marker:
            record = int(marker.group(1))
            continue
        kinds = ZP_BLOCKS.get((record, text.strip().splitlines()[0]))
        if kinds:
            n += 1
            note = (
                f"one block of patient record {record} of the example's clinical_document (dedented); staff not counted"
            )
            items.append(_zp_item(n, "ultra_complex_examples", "examples/ultra_complex_examples.py", text, kinds, note))
    rows = {r["id"]: r["notes"] for r in csv.DictReader((dl / ZP / "pii.csv").open(encoding="utf-8"))}
    for fname, key, kinds in ZP_SHORT:
        if fname.endswith(".json"):
            text = json.loads((dl / ZP / fname).read_text(encoding="utf-8"))[key]
            group, note = fname, "the example's text field"
        elif fname.endswith(".csv"):
            text, group, note = rows[key], "pii.csv:notes", f"the notes cell of row {key}"
        else:
            text, group, note = (dl / ZP / fname).read_text(encoding="utf-8").strip(), fname, "the file's text"
        n += 1
        items.append(_zp_item(n, group, f"examples/{fname}", text, kinds, note + "; clinicians not counted"))
    for fname, text, kinds in ZP_LINES:
        assert text in (dl / ZP / fname).read_text(encoding="utf-8"), (fname, text)
        n += 1
        note = "a string the example script feeds the redactor, verbatim; clinicians and hospitals not counted"
        items.append(_zp_item(n, fname, f"examples/{fname}", text, kinds, note))
    return items


def main() -> None:
    dl = Path(sys.argv[1])
    print("phi +", append("phi", redteam_items() + lib_items(dl) + zerophix_items(dl)))
    print("clean +", append("clean", clean_items(dl)))


if __name__ == "__main__":
    main()
