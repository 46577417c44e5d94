"""A name in a sentence about one person's care (commands/phi/carenames.py): a run of name-like words is refused
when the sentence's other words say it is about a person's care, a relative or a row of the person in care's
record, in whatever form the name is written; staff at work, places and eponyms in a PMO's sentences are stored.

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import time

import pytest

from commands.phi import redact, scan
from commands.phi.carenames import find_care_names
from tests.support.chat import Chat

# pasted as a status note -> refused, with a patient-name finding on the name
REFUSED = [
    # a sentence of care with no cue phrase next to the name
    ("The community nurse found Gunnhild Brekke confused and cold in the hallway.", "Gunnhild Brekke"),
    ("Svetozar Milić tolerated the nasogastric feed overnight without vomiting.", "Svetozar Milić"),
    ("Pain relief was increased after Dörte Köhler complained of hip pain at night.", "Dörte Köhler"),
    # a given name alone, as a person's subject
    ("Zoltán told the physio that his knee gives way on the stairs.", "Zoltán"),
    # a row of the person in care's record, with an odd separator; a message's subject line
    ("Name of person served ..... Kwabena Ofori-Atta", "Kwabena Ofori-Atta"),
    ("re: Wojciech — insulin doses", "Wojciech"),
    ("Pressure area check: Aoife Ní Bhraonáin turned two-hourly, heels intact.", "Aoife Ní Bhraonáin"),
    # a relative after a kinship word, in capitals
    ("HER SON TEODOR PALLADINO WILL COLLECT HER AFTER DISCHARGE", "TEODOR PALLADINO"),
]

# pasted as a status note -> stored as written
PASSES = [
    "Nurse manager Mrs. Lindqvist signed off the rota change.",
    "Dr. Okonkwo signed the discharge lounge go-live gate.",
    "Ms. Haddad from pharmacy will present the formulary changes.",
    "Taavetti Rautio will double-check the insulin doses on 4 West during go-live.",
    "Thanks to Dörte Köhler for covering the diabetes clinic during go-live.",
    "Parkinson's disease clinic letters now print from the new template.",
]

# carenames.py finds nothing in these (another detector may still read them its own way): a colleague giving care,
# care in general, a place, a made-up patient
NOT_ITS_OWN = [
    *PASSES,
    "The Brekke Wing lifts are out of service during the pain clinic move.",
    "Gunnhild Brekke checks allergies for each patient before the first dose.",
    "Svetozar Milić from bed management confirms transport for all discharges.",
    "Zoltán Szabó admitted the patient from ED and started the sepsis bundle.",
    "Sister Adeyemi's ward will pilot the falls bundle first.",
    "Nathalie Breton will phone patients who miss their second dose.",
    "The test patient Zztest Donald was admitted to the training ward for the rehearsal.",
]


@pytest.mark.parametrize("text,name", REFUSED)
def test_a_name_in_a_sentence_of_care_is_refused(ehr: Chat, text: str, name: str) -> None:
    ehr.note_refused("sam", text)
    start = text.index(name)
    assert any(f.kind == "patient-name" and f.start <= start < f.end for f in scan(text)), text


@pytest.mark.parametrize("text", PASSES)
def test_staff_places_and_eponyms_are_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text", NOT_ITS_OWN)
def test_carenames_finds_nothing_in_a_colleagues_or_a_places_sentence(text: str) -> None:
    assert find_care_names(text) == []


def test_the_span_is_the_name_and_redaction_removes_it() -> None:
    text = "Wound swab taken from Taavetti Rautio's left shin this morning."
    found = find_care_names(text)
    assert [text[s:e] for s, e in found] == ["Taavetti Rautio's"]
    assert "Rautio" not in redact(text, scan(text))


def test_a_project_word_in_the_sentence_keeps_a_name_a_colleagues() -> None:
    """The same care words, with a project's word in the sentence: the name is a colleague's."""
    assert find_care_names("Pain relief was increased after Dörte Köhler complained of hip pain at night.")
    assert not find_care_names("The pain relief order set was updated after Dörte Köhler complained about the build.")


def test_a_care_sentence_next_to_a_project_sentence_does_not_lend_its_words() -> None:
    """The sentence is the unit: the clinical words of the sentence before do not make this name a patient's."""
    text = "Wound swabs are now labelled at the bedside. Kofi Boateng presented the readiness dashboard."
    assert find_care_names(text) == []


def test_a_long_text_of_names_stays_linear() -> None:
    """Thousands of names in sentences of care: each reads its own bounded sentence once."""
    text = "Ilse Vandamme tolerated the feed. " * 600
    start = time.perf_counter()
    assert len(find_care_names(text)) == 600
    assert time.perf_counter() - start < 1.0
