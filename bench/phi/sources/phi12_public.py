"""Round 12 of the evaluation sets: passages of public synthetic clinical documents nobody on this project wrote.

Sources
- shubh2016shiv/hipaa-medical-phi-deidentifier (GitHub), ``data/<category>/<type>_patient_01.txt`` at commit
  e35607ee787c7e3ac3d1257f24825139593a6e19: made-up clinical documents (discharge summary and instructions, operative,
  nursing, emergency, progress, consultation, skilled-nursing, hospice, physical-therapy, oncology, obstetric,
  psychiatric, well-child and home-health notes, a pathology and a radiology report, a medication
  reconciliation, an after-visit summary) written as test input for that project's HIPAA de-identifier. The repository states no licence; the
  texts are synthetic (no real person) and are used here as evaluation data only. All twenty of its documents under data/<category>/ (data/patient_details.txt is not used)
  were transcribed verbatim (read through the stored repository copy) into ``phi12_hipaa_notes/`` beside this
  script; to fetch them again, take those paths from the repository at that commit.
- phi-boundary-gate==0.8.3 (PyPI sdist, MIT): sentences its tests feed the detector
  (``pip download --no-deps --no-binary :all: phi-boundary-gate==0.8.3 -d DL/sd`` and unpack under DL/sd); each
  sentence is checked to occur verbatim in the unpacked test file before it is used.
- openmed==3.1.0 (PyPI sdist, Apache-2.0): the English records of its red-team corpus
  (eval/redteam/corpus/adversarial_phi.jsonl; SSN, e-mail and date-of-birth labels, the card-number records left out)
  and its two-sentence consensus fixture (a patient's name and medication date; a clinician's name is clean).

How the documents become items
Each document is cut at blank lines into passages (what a user pastes into chat); a passage becomes an
identifier item when it carries one of the patient's identifiers, a clean item when it carries nothing that
could identify anyone (no date, no number shaped like a phone, no person's name, no facility contact line), and
is left out otherwise (e.g. a passage naming only clinicians, or only a month and year). All passages of one
document share its group, so a document sits wholly on the dev or the report side.

Kinds, read from the document's own header fields (never by hand):
- patient-name: the patient's full name, their surname as a word outside a clinician's name (``Mr. Thompson``;
  relatives sharing it, ``Wife: Jennifer Thompson``), or the given name. Clinicians' names (Dr. …, …, RN/MD/PT/
  CNA/PharmD/LCSW, Nurse:, Surgeon: … lines) never count: a clinician's name is not a patient's.
- date-of-birth: the DOB value; age-over-89: an age of 90 or more ("Age: 96 years", "106-year-old");
- admission-date: any other full date (mm/dd/yyyy) in the passage — the visit, admission, surgery, discharge,
  sign-out, follow-up or next-appointment dates of this patient's care (a month/year alone is not counted);
- mrn: the MRN value; plan-number: the FIN / account / member / Medicare number; ssn: the SSN;
- address: the patient's ``Address:`` line or ``Patient's Residence`` location (not the pharmacy's or clinic's);
- phone: the patient's home/mobile numbers and an emergency contact's (relative's) number, never a clinic's;
- email: an address whose local part holds the patient's name.

Leakage guard: a passage whose difflib ratio to any text already in phi.jsonl or clean.jsonl is >= 0.72 is
skipped (compared in code, nothing printed). Run from the repository root:
    python bench/phi/sources/phi12_public.py DL
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

NOTES = HERE / "phi12_hipaa_notes"
REPO = "shubh2016shiv/hipaa-medical-phi-deidentifier"
COMMIT = "e35607ee787c7e3ac3d1257f24825139593a6e19"
CATEGORY = {
    "discharge_instructions": "Administrative and Transitional Care",
    "medication_reconciliation": "Administrative and Transitional Care",
    "radiology_report": "Diagnostic and Ancillary Services",
    "home_health_assessment": "Long-term and Supportive Care",
    "pathology_report": "Diagnostic and Ancillary Services",
    "cardiology_consultation": "Emergency and Critical Care",
    "emergency_room_note": "Emergency and Critical Care",
    "discharge_summary": "Inpatient Documentation",
    "nursing_note": "Inpatient Documentation",
    "operative_note": "Inpatient Documentation",
    "hospice_care_plan": "Long-term and Supportive Care",
    "skilled_nursing_facility_note": "Long-term and Supportive Care",
    "after_visit_summary": "Outpatient Documentation",
    "consultation_note": "Outpatient Documentation",
    "progress_note": "Outpatient Documentation",
    "pediatric_well_visit": "Outpatient Documentation",
    "physical_therapy_note": "Outpatient Documentation",
    "obstetric_history": "Specialized Care",
    "oncology_progress_note": "Specialized Care",
    "psychiatric_evaluation": "Specialized Care",
}
CLEAN_PER_DOC = 3

_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")
_MONTH_YEAR = re.compile(r"\b\d{1,2}/\d{4}\b")
_PHONE = re.compile(r"\(\d{3}\) \d{3}-\d{4}")
_AGE = re.compile(r"\bAge: (\d+) years|\b(\d+)-year-old\b")
_CLINICIAN_LINE = re.compile(
    r"Dr\. [A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+)?|[A-Z][a-z]+ [A-Z][a-z]+, (?:RN|MD|PT|CNA|PharmD|LCSW|PA-C)\b"
    r"|/es/[A-Z][a-z]+ [A-Z][a-z]+|(?:Nurse|Chaplain|Coordinator|Therapist|Assistant|Surgeon|Pharmacist|Pathologist)"
    r": (?:Father )?[A-Z][a-z]+ [A-Z][a-z'A-Z]+"
)
_FIELD = re.compile(
    r"^(Patient Name|Patient|DOB|MRN|FIN Number|FIN|Account Number|Member ID|Medicare Number|SSN): (.+)$"
)


def _fields(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in text.splitlines():
        m = _FIELD.match(line.strip())
        if m and m.group(1) not in out:
            out[m.group(1)] = m.group(2).strip()
    name = out.get("Patient Name") or out.get("Patient", "")
    out["name"] = re.sub(r"\s*\(.*\)$", "", name)
    out["DOB"] = out.get("DOB", "").split(" ")[0]
    return out


def _kinds(block: str, f: dict[str, str]) -> set[str]:
    kinds: set[str] = set()
    parts = f["name"].split()
    given, surname = parts[0], parts[-1]
    outside = _CLINICIAN_LINE.sub(" ", block)
    if f["name"] in block or re.search(rf"(?<![\w'])(?:{re.escape(surname)}|{re.escape(given)})(?![\w'])", outside):
        kinds.add("patient-name")
    if f["DOB"] and f["DOB"] in block:
        kinds.add("date-of-birth")
    if any(d != f["DOB"] for d in _DATE.findall(block)):
        kinds.add("admission-date")
    for m in _AGE.finditer(block):
        if int(m.group(1) or m.group(2)) >= 90:
            kinds.add("age-over-89")
    if f.get("MRN") and f["MRN"] in block:
        kinds.add("mrn")
    for key in ("FIN Number", "FIN", "Account Number", "Member ID", "Medicare Number"):
        if f.get(key) and f[key] in block:
            kinds.add("plan-number")
    if f.get("SSN") and f["SSN"] in block:
        kinds.add("ssn")
    if (
        re.search(r"^Address: \d", block, re.MULTILINE) and "Pharmacy" not in block
    ) or "Patient's Residence - " in block:
        kinds.add("address")
    for line in block.splitlines():
        if _PHONE.search(line) and re.search(r"\((?:Home|Mobile)\)|^(?:Wife|Son|Daughter|Husband): ", line):
            kinds.add("phone")
    if re.search(r"^Emergency Contact: .*\n(?:Phone|Cell): \(\d{3}\)", block, re.MULTILINE):
        kinds.add("phone")
    for mail in re.findall(r"\b([\w.]+)@[\w.]+\b", block):
        if any(p.lower() in mail.lower() for p in (given, surname)):
            kinds.add("email")
    return kinds


def _clean(block: str, f: dict[str, str]) -> bool:
    if len(block) < 80 or _DATE.search(block) or _MONTH_YEAR.search(block) or _PHONE.search(block):
        return False
    if _CLINICIAN_LINE.search(block) or "@" in block or re.search(r"\b(?:Dr|Mr|Mrs|Ms)\.", block):
        return False
    return not any(p in block for p in f["name"].split()) and not _AGE.search(block)


def hipaa_notes() -> tuple[list[dict], list[dict]]:
    phi: list[dict] = []
    clean: list[dict] = []
    for path in sorted(NOTES.glob("*_patient_01.txt")):
        stem = path.name.removesuffix("_patient_01.txt")
        text = path.read_text(encoding="utf-8")
        f = _fields(text)
        prov = {
            "repo": REPO,
            "path": f"data/{CATEGORY[stem]}/{path.name}",
            "commit": COMMIT,
            "licence": "none stated in the repository; synthetic documents, used as evaluation data only",
        }
        group = f"phi12-hipaa-notes:{stem}"
        n_clean = 0
        for i, block in enumerate(b.strip() for b in re.split(r"\n\s*\n", text)):
            if not block:
                continue
            kinds = _kinds(block, f)
            base = {"source": "hipaa-deidentifier-synthetic-notes", "text": block, "group": group}
            note = f"passage {i + 1} of the document (cut at blank lines); kinds from the document's header fields"
            if kinds:
                phi.append({"id": f"phi12-hipaa-notes-{stem}-{i + 1:02d}", **base, "kinds": sorted(kinds),
                            "provenance": {**prov, "note": note}})  # fmt: skip
            elif n_clean < CLEAN_PER_DOC and _clean(block, f):
                n_clean += 1
                clean.append({"id": f"phi12-hipaa-notes-clean-{stem}-{i + 1:02d}", **base,
                              "source": "hipaa-deidentifier-synthetic-notes-no-phi",
                              "provenance": {**prov, "note": note + "; no identifier of anyone"}})  # fmt: skip
    return phi, clean


# --- phi-boundary-gate's test sentences ------------------------------------------------------------------------

PBG = "phi-boundary-gate==0.8.3 (PyPI sdist), MIT"
PBG_ITEMS = [
    # (test file, sentence as the test writes it, kinds or None when clean)
    (
        "tests/test_hybrid_detection.py",
        (
            "Patient Name: Casey M. Example. Call (555) 013-4421 ext 204. Email casey.example+claims@example.org. "
            "address: 101 Example Harbor Road, Apt 4B, Boston, MA 02118."
        ),
        ["address", "email", "patient-name", "phone"],
    ),
    (
        "tests/test_boundary_gate.py",
        "Patient: Casey Example. DOB: 1978-04-18. Member ID: MBR-SYN-8842.",
        ["date-of-birth", "patient-name", "plan-number"],
    ),
    ("tests/test_semantic_context.py", "Admission date: May 5.", ["admission-date"]),
    ("tests/test_semantic_context.py", "Member: Jane Doe. Claim ID: CLM-SYN-44501", ["patient-name", "plan-number"]),
    ("tests/test_semantic_context.py", "Document published May 5.", None),
]


def boundary_gate(dl: Path) -> tuple[list[dict], list[dict]]:
    root = dl / "sd/phi_boundary_gate-0.8.3"
    phi: list[dict] = []
    clean: list[dict] = []
    for n, (rel, text, kinds) in enumerate(PBG_ITEMS, 1):
        src = (root / rel).read_text(encoding="utf-8")
        if text not in src.replace('"\n            "', ""):
            raise SystemExit(f"not in {rel}: item {n}")
        item = {
            "id": f"phi12-boundary-gate-tests-{n:02d}",
            "source": "phi-boundary-gate-tests",
            "text": text,
            "provenance": {"package": PBG, "path": rel, "licence": "MIT", "note": "a sentence the test feeds"},
        }
        if kinds is None:
            clean.append({**item, "source": "phi-boundary-gate-tests-no-phi"})
        else:
            phi.append({**item, "kinds": kinds})
    return phi, clean


# --- openmed's red-team corpus and consensus fixture ----------------------------------------------------------

OM = "openmed==3.1.0 (PyPI sdist), Apache-2.0"
_OM_KIND = {"ssn": "ssn", "email": "email", "date_of_birth": "date-of-birth"}


def openmed(dl: Path) -> tuple[list[dict], list[dict]]:
    root = dl / "sd/openmed-3.1.0"
    phi: list[dict] = []
    clean: list[dict] = []
    rel = "eval/redteam/corpus/adversarial_phi.jsonl"
    for line in (root / rel).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        labels = {e["label"] for e in d["expected_protected"]}
        if d["language"] != "en" or not labels <= set(_OM_KIND):  # card numbers are no kind of the guard's
            continue
        phi.append({"id": f"phi12-openmed-redteam-{d['id']}", "source": "openmed-redteam-corpus", "text": d["text"],
                    "kinds": sorted(_OM_KIND[k] for k in labels),
                    "provenance": {"package": OM, "path": rel, "licence": "Apache-2.0",
                                   "note": f"record {d['id']}; kinds from its expected_protected labels"}})  # fmt: skip
    rel = "openmed/eval/golden/fixtures/consensus_corpus.jsonl"
    for line in (root / rel).read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        item = {"id": f"phi12-openmed-consensus-{d['id']}", "source": "openmed-consensus-fixture", "text": d["text"],
                "provenance": {"package": OM, "path": rel, "licence": "Apache-2.0",
                               "note": "a PERSON span counts only when the text says the person is the patient"}}  # fmt: skip
        if d["text"].startswith("Patient "):
            phi.append({**item, "kinds": ["admission-date", "patient-name"]})
        else:
            clean.append({**item, "source": "openmed-consensus-fixture-no-phi"})
    return phi, clean


# --- leakage guard ---------------------------------------------------------------------------------------------


def _existing() -> list[str]:
    out = []
    for name in ("phi", "clean"):
        for line in (HERE.parent / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            if line.strip():
                out.append(json.loads(line)["text"])
    return out


def leak_free(items: list[dict], existing: list[str], limit: float = 0.72) -> list[dict]:
    kept = []
    for it in items:
        sm = difflib.SequenceMatcher(autojunk=False)
        sm.set_seq2(it["text"])
        close = False
        for old in existing:
            sm.set_seq1(old)
            if sm.real_quick_ratio() >= limit and sm.quick_ratio() >= limit and sm.ratio() >= limit:
                close = True
                break
        if not close:
            kept.append(it)
    return kept


def main() -> None:
    dl = Path(sys.argv[1])
    phi1, clean1 = hipaa_notes()
    phi2, clean2 = boundary_gate(dl)
    phi3, clean3 = openmed(dl)
    existing = _existing()
    phi = leak_free(phi1 + phi2 + phi3, existing)
    clean = leak_free(clean1 + clean2 + clean3, existing)
    print(f"phi: {len(phi)} of {len(phi1 + phi2 + phi3)} kept by the leakage guard; appended", append("phi", phi))
    print(f"clean: {len(clean)} of {len(clean1 + clean2 + clean3)} kept; appended", append("clean", clean))


if __name__ == "__main__":
    main()
