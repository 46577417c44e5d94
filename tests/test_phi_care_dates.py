"""Dates in a short narrative of one person's care, a month and a year too, are refused as dates of care; a
publication's date and a PMO's dates (go-live, cutover, sign-off, training, review meetings, newsletters, figures)
are stored as written. All made up (commands/phi/caredates.py)."""

from __future__ import annotations

import pytest

from commands.phi import scan
from tests.support.chat import Chat

# said as a note -> refused, with a date of care among the findings
REFUSED = [
    "The first hydro session was in October 2014, with the therapist in the water.",
    "At the consultation in October 2022, Dr. Abara went back over the earlier scan.",
    "The referral for Anahera Moko says January 2016.",
    "The resident's first review took place on 12 May 2021.",
    "Her follow-up was in June 2019 and the scar had settled.",
    "The assessment in March 2018 found the client could dress without help.",
    "Wound review in August 2020: the edges were clean.",
    "The physiotherapist saw him in May 2023; by July 2023 he could manage the stairs.",
]

# said as a PMO's note -> stored as written
STORED = [
    "The annual report published in March 2010 lists the clinic volumes.",
    "A methods paper from March 2020 shaped the dashboard design.",
    "The review was published in May 2020.",
    "Go-live for the outpatient kiosks is in October 2027.",
    "Cutover is planned for 14 March 2027 after the dress rehearsal.",
    "Sign-off on the referral workflow moved to April 2027.",
    "Training sessions for the ward clerks run until June 2027.",
    "The review meeting in January 2027 agreed to pause the pilot.",
    "The March 2027 newsletter introduces the new check-in kiosks.",
    "Patients seen in March 2024 rose 12% on February.",
    "The benefits review in June 2027 will report to the board.",
    "The appointment booking module upgrade happened in May 2026.",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_date_in_a_narrative_of_care_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert "admission-date" in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", STORED)
def test_a_publications_or_a_projects_date_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)
