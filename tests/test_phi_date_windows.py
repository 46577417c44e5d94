"""The date judges' window shortcuts answer as their patterns searched the plain way: a date's frame label
(care.frame_label) and a project date's checks (project._project_date: a release's heading, a date label, a count
of people) search their pattern only when the window before the date, or the date's sentence, holds what every
match holds. Compared at every position of the regression corpus, the development notes and made-up text of the
patterns' own words."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import care, project
from commands.phi.shared import search_at
from tests.support.phi_texts import corpus_texts, dev_texts


def _plain_frame_label(text: str, start: int, fields: bool) -> bool:
    """care.frame_label as first written: both patterns searched before every date."""
    m = search_at(care._FRAME_LABEL, care._FRAME_LABEL_STARTS, text, max(0, start - 40), start)
    if m is None and fields:
        m = care._FIELD_LABEL.search(text, max(0, start - 20), start)
    if m is None:
        return False
    lead = text[max(0, m.start() - 30) : m.start()]
    return not (care._FRAME_LABEL_LEAD.search(lead) or care._non_person_subject(lead))


def _same_at_every_position(text: str) -> None:
    for at in range(len(text) + 1):
        for fields in (True, False):
            assert care.frame_label(text, at, fields) == _plain_frame_label(text, at, fields), (at, fields)
        assert project._release_heading(text, at) == bool(project._RELEASE_HEADING.search(text, max(0, at - 30), at)), (
            at
        )
        assert project._date_label_before(text, at) == bool(project._DATE_LABEL.search(text, max(0, at - 16), at)), at


def _same_count_of_people(sentence: str) -> None:
    assert project._count_of_people(sentence) == bool(project._COUNT_OF_PEOPLE.search(sentence))


EXAMPLES = [
    "ADMISSION DATE >> 2024-03-11", "Date of assessment / 14 Feb 2023", "Seen on = 3/12", "ONSET | Nov 08, 2024",
    "ADMlSSlON DATE: 3/4", "DATE 0F SERVICE 3/4", "date seen on was 3/4", "Visit: February 2026", "| Visit | 01 Aug",
    "procedure was performed on\n3/4", "X-ray date -- 3/4", "follow-up date:\t3/4", "Site visit date: 11/12",
    "the engine died on 10/3", "d1ed 3/4", "Date examined is 2/2", "Encounter :\n3/4", "Locatİon date: 3/4",
    "## [2.3.1] - 2026/09/14", "v4.2 — 3/4", "  #### v10.2.3-beta (3/4", "Release 4.2.1 | 3/4", "v1.2:\n3/4",
    "Visit date: 3/12", "DOS 3/4", "DV: 3/4", "next appointment 3/4", "time of death 3/4", "ſervice date 3/4",
    "Between 3/1 and 3/31, 1,204 patients were seen", "120 admissions were made", "1,000,000 visits in 3/4",
    "12 people had 3/4", "PATIENTS: 1,204 patients", "99 ſtaff", "1,204 paтients",
]  # fmt: skip


@pytest.mark.parametrize("text", EXAMPLES)
def test_each_date_window_shortcut_answers_as_its_pattern(text: str) -> None:
    _same_at_every_position(text)
    _same_count_of_people(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_date_window_shortcuts_answer_as_their_patterns_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same_at_every_position(text)
        for at in range(0, len(text), 7):
            _same_count_of_people(project._sentence(text, at, at))


_WORDS = [
    *[
        "date",
        "admitted",
        "discharged",
        "onset",
        "deceased",
        "died",
        "seen",
        "on",
        "is",
        "was",
        "of",
        "service",
        "visit",
        "exam",
        "assessment",
        "procedure",
    ],
    *[
        "performed",
        "done",
        "surgery",
        "admission",
        "appointment",
        "next",
        "time",
        "death",
        "patients",
        "people",
        "visits",
        "were",
        "have",
        "had",
    ],
    *["v1.2", "v10.2.3", "[2.3.1]", "##", "DOS", "DV", "DD", "DOA", "1,204", "120"],
]
_SEPARATORS = [" ", "  ", ": ", " >> ", " | ", " / ", " - ", " — ", "\n", ":\n", " (", "\t", "0", "1", "l", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=8))
def test_the_date_window_shortcuts_answer_as_their_patterns_on_made_up_text(pieces: list[tuple[str, str]]) -> None:
    text = "".join(w + sep for w, sep in pieces)
    _same_at_every_position(text)
    _same_count_of_people(text)


def _plain_signs(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """project._signs with every pattern run over the whole text (no gate before _THEIR_CARE, _BED or the room)."""
    person, patient = project._person_and_patient(text, project._PERSON, project._PATIENT)
    strong = [m.start() for m in person]
    strong.extend(m.start() for m in project._THEIR_CARE.finditer(text))
    strong.extend(m.start() for m in project._BED.finditer(text))
    strong.extend(m.start() for m in patient if not (m.group("word") and project._PRODUCT_AFTER.match(text, m.end())))
    weak = [m.start() for m in project._PLACE_OF_CARE.finditer(text)]
    return tuple(sorted(strong)), tuple(weak)


@pytest.mark.parametrize(
    "text", ["Mrs. Tan's wristband", "Mr Tan’s discharge", "MR TAN'S CHART", "Tan'ſ meds", "bed 4 room 12", "the bay"]
)
def test_the_signs_of_a_patient_are_the_ones_every_pattern_finds(text: str) -> None:
    assert project._signs.__wrapped__(text) == _plain_signs(text)


def test_the_signs_of_a_patient_are_the_ones_every_pattern_finds_on_real_texts() -> None:
    for text in [*corpus_texts(), *dev_texts()]:
        assert project._signs.__wrapped__(text) == _plain_signs(text)
