"""A symptom rated out of ten is a score, not a date, and a medicine's line of a medication list is not a person's
name (care.score_series, namecues._DOSING_AFTER). All texts are made up."""

from __future__ import annotations

import pytest

from tests.support.chat import Chat

# stored as written
PASSES = [
    "CURRENT SYMPTOMS:\n- Mild fatigue (2/10)\n- Occasional night sweats",
    "Symptom check: nausea 3/10, dizziness (1/10), no fever.",
    "MEDICATIONS:\n4. IPRATROPIUM NEBULIZER - Every 6 hours as needed\n5. SENNA 8.6 mg PO - Nightly",
    "Order set review: Budesonide Formoterol 160 mcg two puffs twice daily is the default we ship.",
]

# refused: a name or a date of care beside the same words
REFUSED = [
    "Mrs Olive Grant - twice daily dressing change on ward 4",
    "Patient Rosa Diaz 5 mg oxycodone given at 14:00",
    "Fatigue worse since she was admitted on 2/10/2025.",
]


@pytest.mark.parametrize("text", PASSES)
def test_scores_and_medication_lines_are_stored_as_written(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


@pytest.mark.parametrize("text", REFUSED)
def test_a_patients_name_or_date_beside_them_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
