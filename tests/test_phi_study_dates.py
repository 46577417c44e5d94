"""Dates of care in the layouts of public clinical notes (studydates.py and a few vetoes in care.py): a study's
date beside its name ("CT abdomen and pelvis, 9/30/2024", "on October 2008 chest CT"), a note header's "Date:"
under a patient's header, the date under a clinician's signature, a month and a year after a result ("last EF 35%
from 09/2025"), a procedure with a thing's word before the date ("underwent HIPEC (trial) on 21/5/19"), the
course of a stay ("ED course 3/4: …"). A PMO's dates in the same layouts pass, and so do a place's founding, a
thing's arrival and a run of scores ("pain 3/10 at rest, 6/10 with movement").

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import time

import pytest

from commands.phi import scan
from commands.phi.shared import words_of
from commands.phi.studydates import _STUDY_NAMES, _STUDY_RX, _STUDY_WORDS, find_study_dates
from tests.support.chat import Chat

DATES = {"admission-date", "date-of-birth"}

# pasted as a status note -> refused as a date of care
REFUSED = [
    "**Indication:**\n70-year-old woman with gallstones.\n\n**Comparison:**\nCT abdomen and pelvis, 9/30/2024.",
    "The nodule measures 6 mm, unchanged from the March 2021 CT.",
    "The aorta measures 4.3 cm, increased from 4.1 cm on October 2008 chest CT.",
    "Left renal cyst 2.0 cm, increased from 1.6 cm on ultrasound (March 2008).",
    "# Report 2: Abdominal MRI with Contrast (06-19-2024)\nIndication: 55F with abnormal LFTs.",
    "Patient Name: Lee, Ana\n\nDate: 7/9/05\n\nReferral Source: Emergency Department",
    "PATIENT COUNSELED ON:\n- Fall prevention\n\n- Dr. J. Park, MD\n03/26/2024",
    "CC: chest pain\nVitals stable.\n*K. Osei, RN*\n*03/22/2024 @ 14:22*",
    "62M with CAD, HFrEF (last EF 30% from 09/2025), admitted for NSTEMI.",
    "Underwent prophylactic HIPEC (trial) on 21/5/19, recovering well.",
    "ED course 3/4/2015: given 2 L NS and ceftriaxone.",
    "ED course 4 May 2019: given 2 L NS and ceftriaxone.",
    "**Follow-up**:\n- Return in 3 months for PSA check\n\n**Provider Signature**: Dr. P. Ng, MD\n**Date**: November 7, 2024",
    "## Initial Letter\n**Date:** August 12, 2025\n**From:** Dr. R. Ames\n**Re:** Mrs L. Brandt",
    "PROGRESS NOTE - 3/4/2024\nS: feels better. O: afebrile.",
    "Discharge Summary (12/02/2023)\nDx: CAP",
    # a patient's record merged on a date is that patient's date, not a thing's event like a founding
    "Risk closed - patient Kevin O'Malley's duplicate record was merged on 12/3.",
    # a study's plural beside its date
    "The patient had echocardiograms (May 2021) that were unchanged",
    "The patient had sonograms (May 2021) that were unchanged",
    "The patient had angiograms (May 2021) that were unchanged",
]

# pasted as a status note -> stored as written
PASSES = [
    "The hospital was founded on 3 May 1921",
    "The hospital was founded on 3 May 1921 and moved to its present site in 1967.",
    "pain 3/10",
    "Pain 3/10 at rest, 6/10 with movement.",
    "Paracetamol IV stock arrived 3/4/2026",
    "The ORIF tray recall notice arrived 2026-03-04",
    "The ORIF tray recall notice arrived on 2026-03-04; theatres swapped the trays.",
    "Priya Raman will present the go-live plan on 3/4",
    "go-live on 3/4",
    "gate review 2026-03-04",
    "# Release 3: Chest CT protocol library (03-14-2024)\n\n## Scope\n\nNew contrast defaults for the CT scanners.",
    "The CT scanner upgrade is on 3/4/2027 for the new contrast injector.",
    "MRI downtime 3/4/2027 02:00-04:00; patients rebooked by the clinic.",
    "Comparison of turnaround times: CT reporting, May 2024 versus May 2023.",
    "Meeting notes\nDate: 3/4/2026\nAttendees: Priya, Tom, Aisha",
    "Signed off by the CAB\n- Dr. A. Vance, CCIO\n03/26/2024",
    "Echo training for sonographers on 3/4/2026 in Room 2.",
    "ED course for new nurses on 3/4 in the education centre.",
    "Data from 09/2025 onward is in the new warehouse.",
    "## Steering group\n**Date:** August 12, 2025\n**Re:** Go-live readiness",
    "**Prepared by**: Dr. P. Ng, CMIO\n**Date**: November 7, 2024",
    "- Sign-off: Dr. P. Ng, MD\n**Date**: November 7, 2024\n- Go-live checklist approved.",
    "From: Priya Raman\nTo: Tom Lee\nCC: Aisha Khan\nDate: 3/4/2026\nSubject: Go-live readiness",
    "Indication: new PACS worklist\nDate: 3/4/2026\nOwner: Tom",
    "Cable run 30 m from the comms room; CT room cabling done 3/4/2026.",
    "Weekly progress report - 3/4/2026",
    "Meeting notes - 3/4/2026\nAttendees: Priya, Tom",
    "Release notes - 04/16/2023\n- fixed login",
    "Clinic letter template - 3/4/2026 build",
    # a signature's date with only a pronoun for a patient
    "Thanks, he will send it over.\nSam Ortiz, MD\n12/3/2026",
    "Please see the attached agenda; she will chair.\nPriya Raman, RN\n12/3/2026 @ 14:22",
    # a month and a year after a project's verb, not a result's
    "We started 09/2026 and she says it's going well",
    "last updated 11/2026 by her team",
    "Dx codes last refreshed 10/2026; she will check",
    "scans started 10/2026, she says on track",
    # a month and a year near a study's word that is a project's
    "the October 2026 CT refresh, she says, is funded",
    "He presented the PACS scan archive numbers from October 2026 scans",
    # a note header's date under a "Re:" that is not a patient's header
    "Date: 12/3/2026\nRe: Mrs Chen's badge access request",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_persons_date_in_a_notes_layout_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert {f.kind for f in scan(text)} & DATES


@pytest.mark.parametrize("text", PASSES)
def test_a_projects_date_in_the_same_layout_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_the_span_is_the_study_date_alone() -> None:
    text = "Stable since the September 2020 CT; no new lesions."
    assert [text[s:e] for s, e in find_study_dates(text)] == ["September 2020"]


def test_every_study_the_pattern_accepts_is_a_gate_word() -> None:
    """The study pass runs only when one of _STUDY_WORDS is in the text: each name _STUDY accepts has its words
    there (both are built from _STUDY_NAMES), so no study the pattern reads is skipped by the gate."""
    for name in _STUDY_NAMES:
        assert _STUDY_RX.fullmatch(name), name
        assert {w for w in words_of(name) if len(w) > 1} <= _STUDY_WORDS, name
        text = f"The patient had {name} (May 2021) that were unchanged"
        assert [text[s:e] for s, e in find_study_dates(text)] == ["May 2021"], name


def test_the_study_pass_stays_linear() -> None:
    """Thousands of dates beside study words, headers and signatures: each is read in a bounded window."""
    samples = [
        "Pt 70F. CT chest (03/04/2024), MRI 5/6/2023, October 2008 chest CT. " * 300,
        "Patient: X\nDate: 3/4/2024\n- Dr. A, MD\n03/26/2024\n" * 500,
        "EF 35% from 09/2025, colonoscopy 03/2019 " * 600,
    ]
    for text in samples:
        start = time.perf_counter()
        find_study_dates(text)
        assert time.perf_counter() - start < 1.0
