"""A probe of dates of care in wordings taken from public clinical text that none of the sets' sources hold:
synthetic notes of a take-home data set, a FHIR test patient's attached oncology note, de-identification-free
radiology sample reports, a written H&P teaching sample, an EHR demo's visit header, a hospitalist's one-liner.
Each item keeps its source's wording and layout (a short excerpt, the date's shape kept) with the date values and
names changed; its provenance is beside it. The dates are marked: an item is caught when the guard finds a date of
care or birth overlapping each marked date.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.public_care_dates_probe [--tune]

Items alternate between a TUNE half (even index) and a CHECK half (odd index): rules are written against the tune
half's misses only (--tune lists them); the check half is only counted. The CLEAN side is made-up PMO and
healthcare-IT sentences in the same layouts (a report heading with a date, a comparison line, a signature date)
that must pass; they alternate the same way.

Sources (repository, path; licence where known; read through the search tool's stored copies):
  LH  layerhealth/ml-data-sci-take-home, data/Pt_*/note_*.md (synthetic stroke-unit notes; no licence file seen)
  PC  stasgersh/precision-care-automation, src/test/resources/testdata/patients/fsh/
      TEST_PS_Charlie_additionalResources.fsh (a DocumentReference's base64 attachment, decoded; no licence seen)
  DM  sscotti/dicom-mcp, tests/sample-reports.md (sample radiology reports; no licence seen)
  IP  openimagingdata/imaging-problem-list, sample_data/example2/ct_abdomen_20230118.md and
      viewer/data/patients/patient-mrn0000001/exams/*/report.txt (sample CT reports; no licence seen)
  CS  openimagingdata/CDEStaging, report_representation/negative_statements.md (report sentences; no licence seen)
  HP  gymnatics/RHOAI-chatbot-usecase, Chatbot/parsed_medical_report.md (a teaching H&P sample; no licence seen)
  YF  mieweb/yAbleFish, EXAMPLE.md (an EHR demo's visit note; no licence seen)
  PA  rmokee14/penn_ai_prompts, handoff_summary_from_prognote.md (a one-liner's example; no licence seen)
  ML  JoshuaSardinha/ml_langchain_exercise_1, services/ml-service/data/docs/medical_document_{154,260}.md
      (synthetic referral letters and discharge summaries; no licence seen)
  Batch 2 (added after the first rules, measured before any rule was written for it):
  SG  pisong314/syngp500, notes/{1286877004_0285,128053003_0157,13645005_0009,14669001_0093}_*.txt (synthetic
      Australian GP notes; CC BY-NC-SA 4.0, short excerpts adapted, credit to Dr Piyawoot Songsiritat)
  UL  udhayarajan4562/llm-engineering, data/medical_records/oncology/pat003_oncology_consult.md (no licence seen)
  SA  sanctura/ai, cases/stoten-case/information-base/04-medical-correspondence.md (no licence seen)

Development aid only: nothing here is evaluation data.
"""

from __future__ import annotations

import sys

from commands.phi import scan

# (source, text, marked dates): every marked date must be found.
PHI: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "LH",
        "DATE/TIME: 08/21/2023 @ 1942 hrs\nPATIENT: 047, 66M\nCC: LEFT-SIDED WEAKNESS",
        ("08/21/2023",),
    ),
    (
        "PC",
        (
            "Met colon adenocarcinoma with solitary omental met - all visible disease resected MSS RAS/"
            "RAF WT s/p prophylactic HIPEC on 21/5/19 (on trial)"
        ),
        ("21/5/19",),
    ),
    (
        "DM",
        (
            "# Report 1: Chest CT Follow-up (03-14-2024)\n\n## Indication\n\nFollow-up chest CT for a 62-ye"
            "ar-old male with known non-small cell lung cancer (NSCLC) status post lobectomy."
        ),
        ("03-14-2024",),
    ),
    (
        "IP",
        (
            "**Date of Exam:** February 9, 2023\n\n**Technique:**\nHelical 5 mm sections were obtained thr"
            "ough the abdomen and pelvis following intravenous contrast administration."
        ),
        ("February 9, 2023",),
    ),
    (
        "HP",
        (
            "Sample Written History and Physical Examination\n\nPatient Name: Rogers, Pamela\n\nDate: 7/9/0"
            "5\n\nReferral Source: Emergency Department"
        ),
        ("7/9/05",),
    ),
    (
        "LH",
        (
            "PT: 64 y/o F\nCC: L-sided weakness\nPt unable to move L arm/leg\nSTAT Neurology consult reque"
            "sted\n*E. Rodriguez, RN*\n*03/22/2024 @ 14:22*"
        ),
        ("03/22/2024",),
    ),
    (
        "PC",
        (
            "Underwent prophylactic HIPEC (trial) on 21/5/19 Due #6 Xelox #4 and 5 dose delay 2 weeks d"
            "ue to low PLt and low ANC"
        ),
        ("21/5/19",),
    ),
    (
        "IP",
        (
            "**Indication:**\n61-year-old male with history of nephrolithiasis, intermittent flank disco"
            "mfort.\n\n**Comparison:**\nCT abdomen and pelvis, May 27, 2021."
        ),
        ("May 27, 2021",),
    ),
    (
        "DM",
        (
            "# Report 5: Chest X-ray (Portable AP) (10-07-2024)\n\n## Indication\n\n63-year-old male status"
            " post right lobectomy now postoperative day 2."
        ),
        ("10-07-2024",),
    ),
    (
        "CS",
        (
            "A 1.3 cm rounded hypodensity in the dome of the liver (6:438 and 7:55) is unchanged from M"
            "arch 2021 CT in November 2021 MRI."
        ),
        ("March 2021", "November 2021"),
    ),
    (
        "YF",
        (
            "# Visit Enc #: 212 Date: 10-14-2025 RE: Heart, William\n\n## Chief complaint\nChest pain and "
            "shortness of breath"
        ),
        ("10-14-2025",),
    ),
    (
        "PC",
        (
            "Blds today ANC 0.96 PLt 121k CEA 6.4 from 4 CT TAP 2/8/19: Conclusion Since 21 May 2019, 1"
            ". Status post high anterior resection with no evidence of local recurrence or interval cha"
            "nge."
        ),
        ("2/8/19", "21 May 2019"),
    ),
    (
        "PA",
        (
            "40M with T2DM, CAD (s/p PCI 2016), HFrEF (last EF 35% from 09/2025), who presented with st"
            "ernal chest pain, admitted for NSTEMI."
        ),
        ("09/2025",),
    ),
    (
        "LH",
        (
            "DISCHARGE SUMMARY\nPatient: 034, 59F\nAdmission: 04/11/2023\nDischarge: 04/14/2023\n\nHOSPITAL "
            "COURSE:\n- Acute R-MCA Ischemic Stroke"
        ),
        ("04/11/2023", "04/14/2023"),
    ),
    (
        "IP",
        (
            "The ascending aorta measures 4.2 cm in maximal diameter, representing mild fusiform aneury"
            "smal dilation, increased from 4.0 cm on October 2008 chest CT."
        ),
        ("October 2008",),
    ),
    (
        "PC",
        "Proceed with #6 Xelox on 4/10/19 FBC OA TCU me 4 weeks Blds OA CT TAP before TCU",
        ("4/10/19",),
    ),
    (
        "LH",
        (
            "PATIENT COUNSELED ON:\n- Stroke prevention\n- Smoking cessation (cigar use)\n- Continued reha"
            "bilitation\n\n- Dr. A. Vance, MD\n03/26/2024"
        ),
        ("03/26/2024",),
    ),
    (
        "ML",
        (
            "# Referral Letter\n\n**Document ID:** doc-87654321\n**Date Created:** August 30, 2024\n\n## Pat"
            "ient Information\n\nPersistent cough and fatigue for 3 weeks."
        ),
        ("August 30, 2024",),
    ),
    (
        "DM",
        (
            "Report 3: Abdominal CT with Contrast (06-19-2024)\nIndication: 68-year-old male with colore"
            "ctal carcinoma, status post segmental colectomy. Evaluate liver for metastatic disease."
        ),
        ("06-19-2024",),
    ),
    (
        "PC",
        ("Contt amlodipine at 2.5mg OM. Blds OA CT TAP before TCU - postpone current CT appt to 28/10/19"),
        ("28/10/19",),
    ),
    (
        "IP",
        (
            "Small parapelvic cysts are noted in the left kidney, largest measuring 1.8 cm, increased f"
            "rom 1.5 cm on ultrasound (March 2008)."
        ),
        ("March 2008",),
    ),
    (
        "LH",
        "DATE: 05/02/2023 @ 0732\nPT: 71 y/o M, EMS ARRIVAL\nCC: LEFT-SIDED WEAKNESS, ATAXIA",
        ("05/02/2023",),
    ),
    (
        "ML",
        (
            "# Discharge Summary\n\n*   **Document ID**: d1234567\n*   **Date Created**: 2023-11-06\n\n## Ch"
            "ief Complaint\n\nAcute shortness of breath and chest discomfort"
        ),
        ("2023-11-06",),
    ),
    (
        "IP",
        (
            "**Indication:**\n64-year-old male with history of kidney stones.\n\n**Comparison:**\nCT abdome"
            "n and pelvis, 9/30/2024."
        ),
        ("9/30/2024",),
    ),
    (
        "PC",
        (
            "Imp: Met colon adenocarcinoma s/p prophylactic HIPEC on 21/5/19 (on trial) POst-op CT - in"
            "crease in one lung nodule ?met - responding to Xelox"
        ),
        ("21/5/19",),
    ),
    (
        "LH",
        (
            "DATE: 04/06/2023 @ 14:22\nPATIENT: 065, 72M\nCC: Acute Neurological Deficit\n\nBRIEF HX: Pt pr"
            "esents w/ sudden onset dizziness, ataxia"
        ),
        ("04/06/2023",),
    ),
    (
        "CS",
        ("Partially imaged upper abdomen is unchanged from the September 2020 CT; benign hepatic cysts again noted."),
        ("September 2020",),
    ),
    (
        "PC",
        ("Management For This Visit\n\nProceed with #6 Xelox on 4/10/19 - postpone current CT appt to 28/10/19"),
        ("4/10/19", "28/10/19"),
    ),
    # batch 2, added after the first rules (studydates.py): measured before any rule was written for it
    (
        "SG",
        (
            "14/03/25   Tel consult (bulk billed, pt at home, wife in background)\n\nReason for call:\nBooked as fluid "
            "keeps coming back in my tummy."
        ),
        ("14/03/25",),
    ),
    (
        "SG",
        "09/06/24  After hours GP – new pt, no records\n\nC/o throat feels weird, kind of tight x ~3 days.",
        ("09/06/24",),
    ),
    (
        "SG",
        (
            "03/10/25  Tel consult – bulk billed – post-hosp f/up\n\nPt rang to go over those lung test results and the "
            "X-ray."
        ),
        ("03/10/25",),
    ),
    (
        "SG",
        (
            "17/08/2025\n\nReason for visit:\nRACF review – abnormal bloods (low Na, worsening renal fn) in pt on "
            "treatment for urosepsis."
        ),
        ("17/08/2025",),
    ),
    (
        "SG",
        "Recent tests (SN path 17/8, reviewed today):\n- Na 124\n- K 5.2\n- Cr 245 (x2+ baseline)",
        ("17/8",),
    ),
    (
        "UL",
        (
            "# Oncology Consultation - Patient PAT-014\n\n**Date**: November 7, 2024\n**Provider**: Dr. L. Moss, MD - "
            "Medical Oncologist"
        ),
        ("November 7, 2024",),
    ),
    (
        "UL",
        (
            "5. **Follow-up**:\n   - Return in 3 months for PSA check\n\n**Provider Signature**: Dr. L. Moss, MD\n"
            "**Date**: November 7, 2024"
        ),
        ("November 7, 2024",),
    ),
    (
        "SA",
        (
            "### Clinical Assessment:\n- Main symptom: lymphangitis causing breathing issues\n- Recent small pleural "
            "effusion requiring hospitalization\n- No PET since June 2024"
        ),
        ("June 2024",),
    ),
    (
        "SA",
        (
            "## 1. Prof. J. Hale - Initial Letter\n**Date:** August 12, 2025\n**From:** Prof. J. Hale (Harley Street, "
            "London)\n**Re:** Mrs L. Brandt"
        ),
        ("August 12, 2025",),
    ),
    (
        "SA",
        (
            "## 3. Dr. K. Osei - Referral to Dr. R. Lind\n**Date:** September 15, 2025\n\n### Clinical Summary:\n- "
            "56-year-old woman with widely metastatic ER+ breast carcinoma"
        ),
        ("September 15, 2025",),
    ),
]

# Made-up PMO / healthcare-IT sentences in the same layouts: none is a person's care.
CLEAN: list[str] = [
    (
        "# Release 3: Chest CT protocol library (03-14-2024)\n\n## Scope\n\nNew contrast timing default"
        "s for the CT scanners at both sites."
    ),
    ("**Date of go-live:** February 9, 2023\n\n**Scope:**\nRadiology worklist migration to the new PACS."),
    "Comparison of turnaround times: CT reporting, May 2024 versus May 2023.",
    "Signed off by the CAB\n- Dr. A. Vance, CCIO\n03/26/2024",
    ("Report template v2 for the stroke unit published (06-19-2024); the old template retires next month."),
    ("Proceed with the Xelox order set build on 4/10; pharmacy sign-off before the CT protocol change."),
    ("DATE/TIME: 08/21/2023 @ 1942 hrs - interface engine restart, ADT feed back within 4 minutes."),
    ("Referral letter template: Date Created field now defaults to today's date (release 5.2, 2024-08-30)."),
]


def _caught(text: str, marks: tuple[str, ...]) -> bool:
    spans = [(f.start, f.end) for f in scan(text) if f.kind in ("admission-date", "date-of-birth")]
    for mark in marks:
        at = text.find(mark)
        if not any(s < at + len(mark) and at < e for s, e in spans):
            return False
    return True


def main() -> None:
    tune = "--tune" in sys.argv
    for half, name in ((0, "TUNE"), (1, "CHECK")):
        items = [item for i, item in enumerate(PHI) if i % 2 == half]
        missed = [(src, t) for src, t, marks in items if not _caught(t, marks)]
        clean = [t for i, t in enumerate(CLEAN) if i % 2 == half]
        alarms = [(t, scan(t)) for t in clean]
        alarms = [(t, fs) for t, fs in alarms if fs]
        print(f"{name}: dates {len(items) - len(missed)}/{len(items)} caught; clean {len(alarms)}/{len(clean)} refused")
        if tune and half == 0:
            for src, t in missed:
                print(f"  MISS [{src}]", repr(t))
            for t, fs in alarms:
                print("  FALSE", repr(t), [(x.kind, t[x.start : x.end]) for x in fs])


if __name__ == "__main__":
    main()
