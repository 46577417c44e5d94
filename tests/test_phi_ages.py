"""Ages of 90 or more (commands/phi/ages.py): a patient's exact age over 89 is refused in every way people write
it (digits with a label, a unit or a sex letter, words, a birthday, a few other languages); counts, readings,
rooms, thresholds, ranges and the years of a hospital are stored as written.

The examples are made up in the shapes the development set showed; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import re
from re import _parser as sre_parse  # type: ignore[attr-defined]  # how `re` reads a pattern

import pytest

from commands.phi import ages, agewords, redact, scan
from tests.support.chat import Chat
from tests.test_phi_linear import LIMIT, _repeats

# pasted as a status note -> refused as an age over 89
REFUSED = [
    # digits after a label, in any separator style
    "Patient age | 92",
    "Patient age | 92\nPatient encounter date | the week before",
    "Age: 94",
    "AGE:94, lives alone",
    "aged 97, fell at home",
    "Aged 91, seen in clinic on Tuesday.",
    "Family confirmed an age of 99 years for the care recipient.",
    "age is 101 per the family",
    "Age (years): 93",
    "Patient age = 96",
    "Chronological age at this visit | 95",
    "Age at admission: 103",
    # a unit
    "a 101-year-old with a hip fracture",
    "96yo admitted overnight",
    "93 y/o lady on 4 West",
    "pt is a 92yof with CHF",
    "94 yo M, confused since the move",
    "The assessed individual is 107 years old.",
    "She is 98 years of age and lives with her son.",
    "94-yr-old gentleman refused the flu shot",
    "A 99 y.o. resident of the nursing home",
    # a sex letter
    "Patient: 99F. The main concern is a dry cough.",
    "Patient: 100F.",
    "92 M with chest pain, troponin pending",
    "a 99F with dementia wandered off the unit",
    "Pt 97F, DNR on file",
    "Patient: 92M",
    "Age/Sex: 96/F",
    "Sex/age F/96, falls risk",
    "Patient age | 92F",
    "92y F, on warfarin",
    # words
    "Patient: ninety-four years old.",
    "Patient age: one hundred and two",
    "She is ninety-eight years old.",
    "Chronological age at this visit | ninety-four years.",
    "Age: Ninety Eight",
    "AGE: NINETY-NINE",
    "a ninety-four-year-old woman was found on the floor",
    "aged one hundred and nineteen",
    "Mr Doe, a hundred and one years old, asked for his daughter",
    "one-hundred-and-five-year-old resident",
    "Age: one hundred twelve",
    # a person who is that old
    "He is 94.",
    "the patient is 101 and lives alone",
    "Mum was 96 when she moved to the home",
    "he's 93, so the team will review the dose",
    "Pt 94yrs, lives with her daughter",
    "94y 3m, seen with her son",
    "a 96-y-o man on the ward",
    "Patient: 94 years.",
    "93 years, female, lives alone",
    "A widow, 97, was found at home by her son.",
    "Current age: 96",
    "Age in years: 94",
    "Jane Doe, 94, fell at home on Sunday.",
    "Mrs Okafor (94) asked about the new visiting hours.",
    "At 94, she still walks to the shops.",
    "Mr Hale is in his 95th year and wants to go home.",
    '{"name": "withheld", "age": 97}',
    "Age/DOB: 93 / withheld",
    # a birthday
    "she turned 100 last week",
    "He turns 101 today and the ward made a cake.",
    "celebrated her 100th birthday on the ward",
    "her one hundredth birthday is next month",
    "his ninety-fifth birthday party was cancelled",
    # other languages
    "Elle a 94 ans.",
    "Patiente de 96 ans, chute à domicile",
    "Sie ist 94 Jahre alt.",
    "Paciente de 94 años.",
    "Paziente di 97 anni, ricoverata",
    "Mujer de 95 años de edad, caída en casa",
    "Hon är 96 år gammal.",
    "Patiënt is 92 jaar oud.",
    "Die 94-jährige Patientin",
]

# pasted as a status note -> stored as written
PASSES = [
    # counts and durations
    "The pilot ran for 90 days across three clinics.",
    "Door-to-needle time was 90 minutes at the 95th percentile.",
    "Mean difference 4.2 (95% CI 1.1 to 7.3).",
    "99 patients were migrated to the new portal.",
    "Pharmacy wants a 90-day supply default for the refill workflow.",
    "Over 100 days without a downtime event.",
    "ninety minutes of training per nurse; one hundred patients in the pilot",
    "Velocity 92 points this sprint, 96 last sprint.",
    # rooms, wards, readings and versions
    "The kiosk moves from ward 92 to room 96.",
    "Test patient BP 146/96 in the training domain.",
    "Upgrade to version 94 of the lab interface is scheduled.",
    "Server uptime 99.9% for the quarter; release 1.92 is next.",
    "Temp 99F on the demo screen; the fever alert fires at 101 F.",
    "The freezer alarm fired at 100F overnight.",
    "Budget: 100M over five years; a 100M contract needs board approval.",
    "Score 92/100 on the readiness checklist, page 94 of the pack.",
    "PR #94 and ticket 96 are merged.",
    # thresholds, ranges and policies
    "Ages 90 and over are grouped into one category in the extract.",
    "Safe Harbor: report ages 90 and over as 90+.",
    "Patients aged 90 and over are flagged for the falls bundle.",
    "The report shows age 90+ as one band.",
    "Screening stops for patients over 90 years old.",
    "The cohort was aged 65 to 95.",
    "Exclude anyone over the age of 90 from the survey.",
    "Filter: age > 90, then export.",
    "Patients older than 100 are rare in the data set.",
    "Age bands 18-90 are shown on the dashboard.",
    "Offer the review to patients age 90 years or older.",
    "Residents 95 years and older get the home visit.",
    "Cohort: 92 F, 40 M; all consented.",
    "She is 100% sure the feed is fixed; he was 95 minutes late to the huddle.",
    "The build team is 100 strong and the follow-up item 92 F/U is closed.",
    # the years of a thing
    "Celebrating 100 years of the hospital with an open day.",
    "The hospital is 100 years old this spring.",
    "The east wing is a 100-year-old building with poor wifi.",
    "90 years of service to the community.",
    "For 95 years the trust has served the valley.",
    "The hospital turned 100 this year.",
    "The trust celebrated its 100th birthday with the staff.",
    "Age of the building: 92 years.",
    "Cache-Control max-age: 120 for the static pages.",
    "Open Defects, 94, Closed, 12 this week.",
    "Results (94) are in the shared drive.",
    "Dr Patel, 94, ...",
    "At 95, the readiness score is the best yet.",
    "Jahresbericht: seit 95 Jahren im Dienst.",
    # a decade is not an age
    "Most falls happen to residents in their nineties.",
    "The interface was built in the nineties.",
]


@pytest.mark.parametrize("text", REFUSED)
def test_an_age_over_89_is_found(text: str) -> None:
    assert "age-over-89" in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PASSES)
def test_a_count_a_reading_or_a_threshold_is_not_an_age(text: str) -> None:
    assert scan(text) == []


@pytest.mark.parametrize("text", REFUSED[::6])
def test_a_patients_age_is_refused_as_a_status_note(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)


@pytest.mark.parametrize("text", PASSES[::6])
def test_a_pmo_note_with_numbers_is_stored(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_the_age_is_redacted_and_the_label_kept() -> None:
    text = "Patient age | 92F\nPatient: ninety-four years old."
    assert redact(text, scan(text)) == "Patient age | [age 90+]\nPatient: [age 90+]."


def test_ages_under_90_pass() -> None:
    assert scan("Patient: 89F. Age: 85. an 88-year-old, she is eighty-nine years old.") == []


def test_every_repetition_in_the_age_patterns_is_bounded() -> None:
    patterns = [(n, v) for mod in (ages, agewords) for n, v in vars(mod).items() if isinstance(v, re.Pattern)]
    assert len(patterns) >= 20
    for name, pattern in patterns:
        for lo, hi in _repeats(sre_parse.parse(pattern.pattern, pattern.flags)):
            assert lo >= 0 and hi <= LIMIT, name
