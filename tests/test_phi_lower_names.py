"""Names typed in small letters (commands/phi/lowernames.py): a run of census name words in small letters is given
its capitals and the name detectors read it again, so "pt mr nicholson fell" is refused as "pt Mr Nicholson fell"
is, and a colleague's name in small letters passes as it does in capitals.

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import time

import pytest

from commands.phi import _recased_names, redact, scan
from commands.phi.lowernames import find_lower_names, lower_runs
from tests.support.chat import Chat

# pasted as a status note -> refused, with a patient-name finding on the name
REFUSED = [
    ("pt mr nicholson fell overnight, no head injury", "nicholson"),
    ("seen today: mary jones, 82, for wound review", "mary jones"),
    ("son rob called to ask about visiting", "rob"),
    ("We reassured luciano alfonsi that the lump is most likely benign.", "luciano alfonsi"),
    ("edgar popescu arrived by ambulance, drowsy but rousable.", "edgar popescu"),
    ("Repeat ECG for qasim sethi shows no new changes.", "qasim sethi"),
    ("Dear filip zemanek, your appointment at the eye clinic has been rescheduled.", "filip zemanek"),
    ("patient: lisa b. mrn 4471203, allergies nkda", "lisa b."),
    ("wife carol buckley is the nok, happy to be called overnight", "carol buckley"),
]

# pasted as a status note -> stored as written: colleagues, products and diagnoses in small letters
PASSES = [
    "ping priya raman re the build",
    "priya raman will present the go-live plan on 3/4",
    "ask tran about the interface build before cutover",
    "son will call back tomorrow about the discharge",
    "graves disease and hashimoto thyroiditis remain on the differential list for the order set",
    "ms. zhang from biomed will bring the pumps to room 412 at 9am.",
    "travis ci is red again, docker image needs a rebuild",
    "ask jessica.herrera on teams about the training rota",
    # a colleague's own family, or a colleague named by a kinship word, then work
    "wife carol is the super user on 4 West",
    "my son rob called, so I'll be late to the standup",
    "son rob is our Epic analyst",
    "daughter ruby was sick so I am working from home",
    # a first name, then an abbreviation of IT or chat (not a surname)
    "uncle bob's bbq for the team lunch friday",
    "pt mark cpoe orders reviewed",
]


@pytest.mark.parametrize("text,name", REFUSED)
def test_a_name_in_small_letters_is_refused(ehr: Chat, text: str, name: str) -> None:
    ehr.note_refused("sam", text)
    start = text.index(name)
    assert any(f.kind == "patient-name" and f.start <= start < f.end for f in scan(text)), text


@pytest.mark.parametrize("text", PASSES)
def test_colleagues_products_and_diagnoses_in_small_letters_pass(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def test_a_run_holds_the_name_words_and_their_title() -> None:
    text = "pt mr nicholson fell; seen with daughter anne-marie o'brien"
    assert [text[s:e] for s, e in lower_runs(text)] == ["mr nicholson", "anne-marie o'brien"]


def test_words_of_an_address_a_path_or_a_broken_line_are_not_runs() -> None:
    assert lower_runs("mail jessica.herrera@example.org or /home/ramirez/notes") == []
    assert lower_runs("the epi-\nsode was recorded") == []


def test_capitalised_names_are_not_read_again() -> None:
    """A text with no name in small letters is not read a second time (the re-read is the rule's only cost)."""
    calls: list[str] = []
    find_lower_names("Mary Jones, 82, seen today for wound review", lambda t: calls.append(t) or [])  # type: ignore[func-returns-value]
    assert calls == []


def test_the_span_is_the_name_and_redaction_removes_it() -> None:
    text = "seen today: mary jones, 82, for wound review"
    assert [text[s:e] for s, e in find_lower_names(text, _recased_names)] == ["mary jones"]
    assert "jones" not in redact(text, scan(text))


def test_a_long_text_of_names_in_small_letters_stays_linear() -> None:
    text = "pt mary jones fell overnight. " * 600
    start = time.perf_counter()
    assert len(scan(text)) >= 600
    assert time.perf_counter() - start < 5.0
