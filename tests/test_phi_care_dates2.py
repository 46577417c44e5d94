"""Dates of care and of birth in the wordings the older rules did not read: other languages ("hospitalisé le 17
août 2018", "Geburtsdatum: 07.03.1931"), odd birth-date forms ("b. 3/7/1931", "born 6/1952", "DOB;…", "DOB
03041950"), a treatment's, a vaccine's, a symptom's or a procedure's date ("Started metformin 04/05/2025", "fever
since 3/4/18", "Tx: ORIF L wrist 8/23/2012"), a clinician's act on the person ("we saw him on 3/4"), and a full
date decades away from a project's calendar ("It's like that since 11/16/1992"). A PMO's dates in the same shapes
and languages (go-lives, releases, surveys, statistics, a list's item "b.") are stored as written.

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from commands.phi import scan
from commands.phi.birthdates import find_birth_dates
from commands.phi.caredates import find_treatment_dates
from commands.phi.distantdates import find_distant_dates
from commands.phi.otherlanguages import find_other_language_dates
from tests.support.chat import Chat

DATES = {"admission-date", "date-of-birth"}

# pasted as a status note -> refused, with the kind the guard names
REFUSED = [
    # other languages: a stay, a visit, a death; a birth
    ("Hospitalisé le 17 novembre 2021 pour une décompensation cardiaque.", "admission-date"),
    ("Ricoverato il 6 dicembre 2017 per frattura di femore destro.", "admission-date"),
    ("Alta hospitalar em 7 de dezembro de 2015, com retorno em 15 dias.", "admission-date"),
    ("Tel. Konsultation am 21. Mai 2015, Blutdruck gut eingestellt.", "admission-date"),
    ("Opname op 3 maart 2021 op de afdeling cardiologie.", "admission-date"),
    ("Geburtsdatum: 23. Oktober 1957", "date-of-birth"),
    ("Née le 28 mars 2005 à Lyon.", "date-of-birth"),
    ("Fecha de nacimiento: 23 de enero de 1932", "date-of-birth"),
    ("Data di nascita: 13 ottobre 1949", "date-of-birth"),
    ("Data de nascimento: 3 de fevereiro de 1968", "date-of-birth"),
    # odd forms of a date of birth
    ("b. 29.6.87, widowed, lives alone.", "date-of-birth"),
    ("Pt born 6/1952, per the family.", "date-of-birth"),
    ("DOB (mm/dd/yy): 03/07/31", "date-of-birth"),
    ("DOB 03041950", "date-of-birth"),
    ("DOB/Age: 04/12/1951 / 74", "date-of-birth"),
    ("My birthday is the 4th of December.", "date-of-birth"),
    ("Fecha nac.: 04/12/1951", "date-of-birth"),
    ("Geb.-Datum: 04.12.1951", "date-of-birth"),
    # a treatment, a vaccine, a symptom's onset, a procedure, a last period or dose
    ("Started metformin 04/05/2025, tolerating well.", "admission-date"),
    ("Her last dose of warfarin was 21.12.24.", "admission-date"),
    ("Flu shot given 2012/12/08, left deltoid.", "admission-date"),
    ("Mom reports fever since 06/16/2013, Tmax 39.4.", "admission-date"),
    ("Tx: ORIF L wrist 8/23/2012.", "admission-date"),
    ("Her last menstrual period was 14-Sep-2015.", "admission-date"),
    ("He was last well at 22:00 on 3/4/2024.", "admission-date"),
    ("CT head (03/04/2024): no bleed.", "admission-date"),
    ("Cr 1.4 on 3/4, 1.1 on 3/6.", "admission-date"),
    ("Tetanus up to date (2019-03-04).", "admission-date"),
    ("I saw Dr. Patel on 3/4 about my knee.", "admission-date"),
    # a clinician's act on the person, a date where a record number's label stands
    ("We saw him on 3/4 and again 3/18.", "admission-date"),
    ("Encounter 16APR2016 -- telehealth, home BP log reviewed with her.", "admission-date"),
    # a full date decades back, with no project's or history's words
    ("It's like that since 11/16/1992", "admission-date"),
    ("Record date: 2069-04-07", "admission-date"),
]

# pasted as a status note -> stored as written
PASSES = [
    "go-live 2026-12-04",
    "cutover on 3/14",
    "survey closes 20 January 2027",
    "Release 4.2.0 (2024-03-15)",
    "## [2.3.1] - 2026/09/14\n### Fixed\n- Patient search no longer times out.",
    "Between 16/02/2026 and 08MAR2026, 1,204 patients were seen in the new clinic.",
    "Oplevering van fase 2 op 15 december 2026.",
    "Mise en production prévue le 7 mars 2027.",
    "Datenmigration abgeschlossen am 3. Mai 2026.",
    "Consultation publique du 3 mars 2026 sur le dossier patient.",
    "La visita del auditor el 3 de marzo de 2026.",
    "NATO il 3 maggio 2026.",
    "Lieu de naissance : Lyon, 4 mars 2026 inscription",
    "Termin am 3. März 2026 mit dem Hersteller.",
    "Rendez-vous le 3 mars 2026 avec l'éditeur.",
    "Afspraak op 3 maart 2026 met de leverancier.",
    "Metformin shortage notice issued 3/4/2026.",
    "We started the heparin nomogram review on 3/4/2026.",
    "Option b. 03/04/2027 is the fallback go-live date.",
    "Insulin pump interface go-live 3/14/2027.",
    "Heparin order set build started 2026-11-02, UAT 2026-11-20.",
    "Staff flu shots given on 10/3/2026: 85% uptake.",
    "Symptoms since 3/14 cutover: slow screens on 4 West.",
    "We saw them on 3/4 at the vendor's demo.",
    "I saw Dr. Patel on 3/4 about the order set build.",
    "The CT scanner upgrade is on 3/4/2027.",
    "MRI downtime 3/4/2027 02:00-04:00.",
    "COVID vaccine reporting dashboard refreshed 2026-03-04.",
    "Booster clinic slots released 3/4/2027.",
    "The last fall prevention workshop was 3/4/2026.",
    "Dr. Chen joined the Trust on 12 May 2009.",
    "Mr. Haddad has been our CMIO since 4 June 2008.",
    "Rounds 1.0 went out 3 March 2005.",
    "Old lab results from 03/04/1999 were migrated.",
    "HIPAA was signed on August 21, 1996.",
]


@pytest.mark.parametrize("text,kind", REFUSED)
def test_a_persons_date_is_refused(ehr: Chat, text: str, kind: str) -> None:
    ehr.note_refused("sam", text)
    assert kind in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_projects_date_is_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_the_span_is_the_date_alone() -> None:
    text = "Paciente nacido el 3 de mayo de 1950."
    assert [text[f.start : f.end] for f in scan(text) if f.kind in DATES] == ["3 de mayo de 1950"]


def test_no_one_is_born_in_the_future() -> None:
    """A list's item "b." with a date not yet come, and a birth word of another language before one, are no births."""
    assert find_birth_dates("Releases: b. 2099-03-04 patch") == []
    assert find_other_language_dates("Geburtsdatum: 3. Mai 2099")[0] == []


@pytest.mark.parametrize(
    "find",
    [
        find_treatment_dates,
        lambda t: find_distant_dates(t)[1],
        find_birth_dates,
        lambda t: find_other_language_dates(t)[1],
    ],
)
def test_the_new_passes_stay_linear(find: Callable[[str], object]) -> None:
    """Thousands of dates each with its anchor: each is read in a bounded window."""
    samples = [
        "Started metformin 04/05/2025. " * 700,
        "It's like that since 11/16/1992. " * 700,
        "b. 3/7/1931, DOB;3/7/1931 " * 700,
        "Aufnahme am 3. März 2023 wegen Fieber. " * 600,
    ]
    for text in samples:
        start = time.perf_counter()
        find(text)
        assert time.perf_counter() - start < 1.0


def test_a_distant_date_beside_a_birth_word_is_a_birth() -> None:
    """The same far date is a date of birth in a sentence with a birth's words, a person's other date without."""
    text = "It's like that since 11/16/1992"
    assert find_distant_dates(text) == ([], [(21, 31)])
    text = "Her birthdate, 11/16/1952, was on the old wristband."
    assert find_distant_dates(text)[0] == [(15, 25)]
    assert "date-of-birth" in {f.kind for f in scan("1985-01-01 is my birthday.")}
