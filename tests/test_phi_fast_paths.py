"""The allowance phase's shortcuts find what the patterns behind them find (commands/phi/project.py, allow.py, with
the word lists in leadwords.py): a long alternation ignoring case is tried only where one of its lead words begins
(_PERSON, _PATIENT), or not run in a sentence without any of its words (_PROJECT_RX, _ORG_OWNER, _RESEARCH,
_TEST_DATA, _SERVICE_DESK). A word added to one of those patterns goes in its word list too: an example of it here,
any text of the regression corpus or of the development notes, or made-up text of the patterns' own words shows
when the list misses it."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import allow, leadwords, project
from tests.support.phi_texts import corpus_texts, dev_texts

# One example of each of _PERSON's alternatives, and of _PATIENT's.
SIGNS_OF_A_PERSON = [
    "an 85 yo", "a 3-month-old", "85 - year old", "12y/o", "45 M", "45F on the ward", "male", "a Female", "the man",
    "woman", "boy", "girl", "baby", "newborn", "neonate", "infant", "toddler", "gentleman", "lady", "a widower",
    "named", "known as", "aka", "nee Smith", "née Smith", "NÉE SMITH", "admitted", "readmitted", "re-admitted",
    "discharged", "died", "deceased", "passed away", "fell", "falls from", "seen on 12", "seen 3", "seen in",
    "arrived at the ED", "ED attendance", "A&E visit", "emergency presentation", "triage cat 3", "a real patient",
    "transferred to ICU", "presented with", "treated", "dx'd", "dx’d", "operated on", "underwent", "hospitalized",
    "intubated", "resuscitated", "triaged", "sedated", "transfused", "injured", "born", "birth", "next of kin",
    "NOK", "d.o.b 12", "DOB: 1", "DOBno 5", "do.b 3", "MRN 1234", "URN: 55", "nhs no 12", "hospital number 9",
    "chart # 4", "encounter 7", "Medicare 12", "medicaid 3", "SSN 12", "health card 5", "review of Mrs",
    "discharge of the late Mr", "results for Ms", "follow-up of MR", "consultation for Miss", "attended the clinic",
    "attends an appt", "his meds", "hers bed", "her pain", "their chart", "surgery", "x-ray", "xray", "s/p",
    "f/u", "follow-up appt", "hx", "chemotherapy", "CT scan", "ecg", "echo", "stroke", "the patient's",
    "patients'", "pt's", "patient", "pts", "inpatients", "daughter", "mum", "grandson", "next of  kin",
]  # fmt: skip
NOT_SIGNS = ["stroke unit", "admitted to the course", "their chart workflow", "Patient portal", "the café 2male"]


def _fast(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    person, patient = leadwords._person_and_patient(text, project._PERSON, project._PATIENT)
    return [m.span() for m in person], [m.span() for m in patient]


def _slow(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    return [m.span() for m in project._PERSON.finditer(text)], [m.span() for m in project._PATIENT.finditer(text)]


@pytest.mark.parametrize("text", SIGNS_OF_A_PERSON)
def test_each_sign_of_a_person_is_found_where_the_pattern_finds_it(text: str) -> None:
    assert _slow(text) != ([], [])
    for written in (text, text.upper(), f"Note: {text}, then {text}."):
        assert _fast(written) == _slow(written)


@pytest.mark.parametrize("text", NOT_SIGNS)
def test_what_is_no_sign_stays_none(text: str) -> None:
    assert _fast(text) == _slow(text)


@pytest.mark.parametrize("text", ["ſeen in clinic", "\u212aNOWN AS", "٣ yo", "İn 85 yo"])
def test_a_text_with_case_folds_or_other_digits_is_read_by_the_pattern(text: str) -> None:
    assert not leadwords._plain(text)
    assert _fast(text) == _slow(text)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="adefimnorstxyMF0123456789 -./&'’éſ\n", max_size=120))
def test_the_fast_reading_matches_the_patterns_on_any_text(text: str) -> None:
    assert _fast(text) == _slow(text)


SENTENCES = [
    "ADT go-live on 12/3", "went live", "site visit", "Command Centre", "go/no-go", "account exec", "war room",
    "Epic build", "new wing", "relocating", "reopens", "opening of", "new intake forms", "is live", "live since",
    "walked the team through", "moving to the new level", "Mercy Site", "North campus", "\nActions: x", "gate2: y",
    "Sprint 12 - z", "milestones:", "Vendor HQ", "head office", "accounts payable", "kick-off", "data centre",
    "PubMed", "NCT12345678", "data set", "geo series", "UAT", "test script", "training domain", "interface spec",
    "technical spec", "sample files", "Active  Directory", "test system", "ServiceNow", "licences", "service desk", "servicedesk", "help desk", "on-call", "toll-free", "dial-in",
    "IT desk", "conference line", "escalation line", "NOC", "the wound was dressed", "ſite visit", "café go-live",
]  # fmt: skip


def _same_on_sentence(s: str) -> None:
    """Each word-list shortcut answers as its pattern run over the whole sentence."""
    project._project_matches.cache_clear()
    assert project._project_matches(s) == tuple(m.group(0) for m in project._PROJECT_RX.finditer(s))
    for rx, words in (
        (project._ORG_OWNER, leadwords._ORG_OWNER_WORDS),
        (project._RESEARCH, leadwords._RESEARCH_WORDS),
        (project._TEST_DATA, leadwords._TEST_DATA_WORDS),
        (project._SYSTEM_WORDS, project._SYSTEM_WORD_LIST),
    ):
        assert leadwords._holds(rx, words, s) == bool(rx.search(s))
    assert allow._service_desk(s) == bool(allow._SERVICE_DESK.search(s))


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentences_words_decide_whether_a_pattern_is_run(sentence: str) -> None:
    for s in (sentence, sentence.upper(), f"x {sentence}."):
        _same_on_sentence(s)


def _same_home_words(text: str) -> None:
    """The text's home words looked up by window answer as project._HOME_WORDS searched in the window (windows of
    every start and length up to 40 characters, cut inside words too)."""
    leadwords._home_word_spans.cache_clear()
    for lo in range(0, len(text), 3):
        for hi in (lo, lo + 1, lo + 4, lo + 9, lo + 40, len(text) + 80):
            found = leadwords._home_words(text, lo, hi, project._HOME_WORDS)
            assert found == bool(project._HOME_WORDS.search(text, lo, hi)), (lo, hi)


@pytest.mark.parametrize(
    "text",
    ["at home", "go-live at home", "Lives alone", "a-lives b", "myriad homes", "the patient’s son", "ſon", "x_my"],
)
def test_home_words_are_found_where_the_pattern_finds_them(text: str) -> None:
    _same_home_words(text)


def _same_site_at(text: str) -> None:
    """A site's address is looked for before each position only after "at", "on", "in", a comma or a colon: the same
    answers as project._SITE_AT searched there."""
    for at in range(len(text) + 1):
        assert project._site_at(text, at) == bool(project._SITE_AT.search(text, max(0, at - 60), at)), at


@pytest.mark.parametrize(
    "text", ["Clinic at 100 Queen St", "office,\n12 King St", "Venue: Education Centre, 12 King", "hub ın 4", "HQ:  9"]
)
def test_a_sites_address_is_found_where_the_pattern_finds_it(text: str) -> None:
    _same_site_at(text)


def _pieces(text: str) -> list[str]:
    """The text, and its sentences and lines (a shortcut is asked about a sentence; most have none of its words)."""
    return [text, *(p for p in re.split(r"(?<=[.!?\n])\s", text) if p)]


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_every_shortcut_agrees_with_its_pattern_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        assert _fast(text) == _slow(text)
        _same_home_words(text)
        _same_site_at(text)
        for piece in _pieces(text):
            _same_on_sentence(piece)


def _pattern_words(*patterns: re.Pattern[str]) -> list[str]:
    """The words written in the patterns themselves: made-up text of them reaches the patterns' alternatives."""
    return sorted({w for rx in patterns for w in re.findall(r"[a-z]{2,}", rx.pattern)})


_WORDS_OF_PATTERNS = [
    *_pattern_words(
        project._PERSON, project._PATIENT, project._PROJECT_RX, project._ORG_OWNER, project._RESEARCH,
        project._TEST_DATA, allow._SERVICE_DESK, project._HOME_WORDS, project._SITE_AT, project._SYSTEM_WORDS,
    ),
    "12", "85", "3", "a", "s", "x", "f", "ed", "Mr", "Mrs", "Ms", "Royal", "Mercy", "&e", "/p", "/u", "ſ", "é",
]  # fmt: skip


def _written(parts: list[tuple[str, str, str]]) -> str:
    return "".join((getattr(word, case)() if case else word) + sep for word, case, sep in parts)


_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS_OF_PATTERNS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", "-", "/", ". ", "\n", ", ", "'s ", ": ", "."]),
    ),
    max_size=12,
).map(_written)


@settings(max_examples=600, deadline=None)
@given(_MADE_UP)
def test_every_shortcut_agrees_with_its_pattern_on_made_up_text_of_the_patterns_words(text: str) -> None:
    assert _fast(text) == _slow(text)
    _same_home_words(text)
    _same_site_at(text)
    for piece in _pieces(text):
        _same_on_sentence(piece)
