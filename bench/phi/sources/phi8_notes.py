"""Round 8 of the evaluation sets: patient-identifier passages and clean health-IT prose from sources not used before.

    pip download --no-deps --no-binary :all: redacta==1.4.0 healthguard==0.1.1 -d DL/sd
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
  transcribed from data/items.jsonl into phi8_redteam_bundles.json beside this script. Kinds come from the file's own
  pii_spans (NAME -> patient-name, DOB -> date-of-birth, MRN -> mrn, SSN -> ssn, PHONE -> phone, EMAIL -> email,
  ADDRESS -> address); a follow-up entry's appointment date is a date of care (admission-date). The "ORDER #" values
  the generator plants as SSN look-alikes are decoys and not counted; nor is the mail relay's IP address. All
  documents of one bundle (one patient) share a group.
- the test suites of redacta (MIT-0) and healthguard (Apache-2.0): sentences a test feeds the redactor, taken
  verbatim (checked against the unpacked sdist). An NHS or Medicare number counts as plan-number, a next of kin's
  name as patient-name, a clinic or admission date as admission-date, an age of 90 or more as age-over-89.

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

from bench.phi.grow import append  # noqa: E402
from phi7_clean_changelogs import entries  # noqa: E402

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
        if not s.strip() or heading or s.lstrip().startswith(("|", ">", "<", "+-", "!")) or s.startswith(("    ", "\t")):
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
}

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
        "Mr Earl Dawson, 91 years old, admitted 02/03/2026, clinic 20 March 2026. Fax: 0113 496 1234. "
        "Medicare ID: 1EG4TE5MK73.",
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
                "group": f"redteam-bundles:{r['doc_id'].rsplit('_', 1)[0]}",
                "source": "redteam-pii-bundles",
                "text": r["text"],
                "kinds": sorted(set(r["kinds"])),
                "provenance": {
                    **RT,
                    "note": f"the text of doc_id {r['doc_id']} (a {r['type']}) as the file holds it; kinds from its "
                    "pii_spans; 'ORDER #' decoys and the mail relay's IP not counted",
                },
            }
        )
    return items


def main() -> None:
    dl = Path(sys.argv[1])
    print("phi +", append("phi", redteam_items() + lib_items(dl)))
    print("clean +", append("clean", clean_items(dl)))


if __name__ == "__main__":
    main()
