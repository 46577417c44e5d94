"""The statistical name tagger (bench/phi/name_tagger.py), an experiment measured and not hooked into the guard:
when the rules find no patient's name in a text, a small logistic model over the words around each name-like run
of capitalised words may still find one ("The history was given by Oszkár in person."), while a colleague in a
project's sentence of the same shape passes. The conversations run with the tagger wired in as it would be
(bench/phi/name_tagger_probe.py's _with_tagger); the last test pins why it is not: a project's sentence the rules
pass that the model refuses. Its weights are a frozen file; the same text always gets the same answer.

The sentences are made up; the evaluation items stay in bench/phi.
"""

from __future__ import annotations

import json

import pytest

import commands.phi as phi
from bench.phi.name_tagger import _MODEL, _model, find_tagged_names, score
from bench.phi.name_tagger_probe import _rules_all_spans, _with_tagger
from commands.phi import scan
from commands.phi.lexicon import _candidates
from tests.support.chat import Chat


@pytest.fixture
def tagged(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> Chat:
    """A workspace whose guard adds the tagger's names where the rules found none."""
    monkeypatch.setattr(phi, "_all_spans", _with_tagger)
    return ehr


# pasted as a status note -> refused as a patient's name; the rules alone find no name in any of them
REFUSED = [
    "The history was given by Oszkár in person.",
    "The history was provided by Zsófia at the bedside.",
    # (two more the tagger found when it was written, "The walking review for Jurgis Paleckis was completed by the
    # falls team." and "The review for Wenzeslaus Brandtner …", are now a rule's: commands/phi/carenames.py)
    "The care plan for Idunn Haraldsen was agreed with the rehabilitation team.",
]

# pasted as a status note -> stored as written: a colleague, a product or a project in the same shapes
PASSES = [
    "The review for the Elmbrook Clinic build was completed with the Epic team.",
    "The history module was provided by Cerner in the last release.",
    "The review for Wenzeslaus Brandtner's interface spec was completed with the integration team.",
    "Oriane Delacroix-Vautrin completed the review of the rehabilitation dashboard.",
    "The training for Tamsin Oyelaran-Kuti was completed with the super-user team.",
    "Tomasz Wierzbicki finished the interface mapping for the lab feed.",
    "Thanks to Ilse Vandermeulen for reviewing the DICOM patch.",
    "Dr. Aurelio Benedetti reviewed the order set with the pharmacists.",
    "Henrike Obermaier, RN, tested the barcode scanners.",
]


@pytest.mark.parametrize("text", REFUSED)
def test_a_patient_the_rules_miss_is_refused_with_the_tagger(tagged: Chat, text: str) -> None:
    tagged.note_refused("sam", text)
    assert "patient-name" in {f.kind for f in scan(text)}
    assert not any(kind == "patient-name" for *_, kind in _rules_all_spans(text)), "the tagger, not a rule, finds it"


@pytest.mark.parametrize("text", PASSES)
def test_a_colleague_or_a_product_is_stored_as_written_with_the_tagger(tagged: Chat, text: str) -> None:
    tagged.note_stored("sam", text)
    assert find_tagged_names(text) == []


def test_the_span_is_the_name_alone(tagged: Chat) -> None:
    text = "The walking review for Jurgis Paleckis was completed by the falls team."
    assert phi.redact(text, scan(text)) == "The walking review for [name] was completed by the falls team."


def test_why_it_is_not_hooked_in(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    """A project's sentence of the regression tests: the rules read "her wound care module" as a project's thing,
    the model outweighs the project's words with the words of care and refuses it."""
    text = "Priya Raman finished her wound care module build."
    ehr.note_stored("sam", text)
    monkeypatch.setattr(phi, "_all_spans", _with_tagger)
    ehr.note_refused("sam", text)


def test_a_title_of_staff_vetoes_the_model() -> None:
    """The rules' signs of a colleague (a title, a credential, a work verb) decide before the model does."""
    text = "The review for Dr. Wenzeslaus Brandtner was completed with the physiotherapy team."
    assert find_tagged_names(text) == []


def test_the_frozen_weights_load() -> None:
    data = json.loads(_MODEL.read_text(encoding="utf-8"))
    weights, threshold = _model()
    assert len(weights) == len(data["weights"]) > 1000
    assert threshold == data["threshold"]
    assert all(isinstance(w, float) for w in list(weights.values())[:100])


def test_the_tagger_is_deterministic() -> None:
    text = REFUSED[2]
    spans = [find_tagged_names(text) for _ in range(3)]
    assert spans[0] == spans[1] == spans[2] != []
    start, end, kinds = _candidates(text)[0]
    assert score(text, start, end, kinds) == score(text, start, end, kinds)


def test_a_patient_scores_higher_than_a_colleague_in_the_same_words() -> None:
    patient = "The review for Wenzeslaus Brandtner was completed with the physiotherapy team."
    colleague = "Wenzeslaus Brandtner completed the review of the rehabilitation dashboard."
    (ps, pe, pk), (cs, ce, ck) = _candidates(patient)[0], _candidates(colleague)[0]
    assert score(patient, ps, pe, pk) > score(colleague, cs, ce, ck)


def test_a_long_text_of_names_stays_linear() -> None:
    import time

    text = "The care plan for Idunn Haraldsen was agreed with the rehabilitation team. " * 300
    start = time.perf_counter()
    assert len(find_tagged_names(text)) == 300
    assert time.perf_counter() - start < 1.0
