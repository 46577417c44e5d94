"""One-tap redaction in Teams: the refusal card offers the redacted text with a Save redacted action, which
saves it (through the guard again); the original text is in neither the card nor the action's data."""

from __future__ import annotations

import json

from sqlalchemy import Engine, select

from storage.models import StatusUpdate
from tests.teams.support import Tenant


def test_refusal_card_offers_the_redacted_text_and_the_action_saves_it(ehr: Tenant, engine: Engine) -> None:
    card = ehr.refused("sam", 'status EHR amber "pt John Smith MRN 1234567 fell after the pump alarm"')
    assert "Save redacted" in card.buttons
    assert "pt [name] MRN [number] fell after the pump alarm" in card.text
    raw = json.dumps(card.content)
    assert "John" not in raw and "1234567" not in raw
    after = ehr.click("sam", card, "Save redacted")
    assert "pt [name] MRN [number] fell after the pump alarm" in after.text
    with engine.connect() as c:
        assert c.scalars(select(StatusUpdate.note)).all() == ["pt [name] MRN [number] fell after the pump alarm"]
