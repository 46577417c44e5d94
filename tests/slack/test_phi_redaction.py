"""One-tap redaction in Slack: the refusal is ephemeral, offers the redacted text with a button, and the button
saves the redacted text (through the guard again) — the original never reaches the database or the button."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import StatusUpdate
from tests.slack.conftest import WebProcess
from tests.slack.support import Message, Workspace


def test_refusal_offers_the_redacted_text_and_the_button_saves_it(ehr: Workspace, web: WebProcess) -> None:
    refused = ehr.refused("sam", '/status EHR amber "pt John Smith MRN 1234567 fell after the pump alarm"')
    assert refused.body["response_type"] == "ephemeral"
    offer = Message(channel=ehr.channel("#ehr"), ts="", blocks=refused.body["blocks"], text=refused.text)
    assert "Save redacted" in offer.buttons
    assert "pt [name] MRN [number] fell after the pump alarm" in offer.shown
    sent = json.dumps(refused.body)
    assert "John" not in sent and "1234567" not in sent  # not in the text, the blocks or the button's value
    ehr.click("sam", offer, "Save redacted")
    assert "pt [name] MRN [number] fell after the pump alarm" in ehr.said()
    with web.reader() as s:  # the web process's database is shared by this module's tests
        notes = s.scalars(select(StatusUpdate.note)).all()
    assert "pt [name] MRN [number] fell after the pump alarm" in notes
    assert not any("John" in n or "1234567" in n for n in notes)
