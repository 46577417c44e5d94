"""Teams has no App Home: `home` in the 1:1 chat with Rounds answers with the same Home as a card. A sponsor's
opens with their portfolio at a glance, the heat map an Image (a data: URI, with alt text) after the glance line,
and the card stays valid Adaptive Card 1.5 within Teams' size. A member's has no portfolio and no picture."""

from __future__ import annotations

import base64
import json

import pytest

from bot.teams import render
from tests.teams.support import Tenant


def images(card: dict) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in card["body"] if e.get("type") == "Image"]


def test_a_sponsors_home_card_carries_the_heat_map(ehr: Tenant) -> None:
    if ehr.bf._validator is None:
        pytest.skip("the Adaptive Cards 1.5 schema is not in tests/schemas")
    ehr.ok("kim", 'risk EHR "Interface may drop orders" L4 I5')
    ehr.ok("sam", 'status EHR red "Go-live at risk"')
    ehr.ok("sam", 'gate request "Go-live readiness" approvers:@dana')
    card = ehr.dm("dana", "home")
    assert "Your portfolio at a glance" in card.text and "Red — EHR" in card.text.replace("*", "")
    assert "Awaiting your decision (1)" in card.text.replace("*", "") and "G-1" in card.text
    (heat,) = images(card.content)
    assert heat["altText"].startswith("Open risks by likelihood × impact: 1 open. L4 × I5 = 20 (critical): 1")
    assert base64.b64decode(heat["url"].removeprefix("data:image/png;base64,"))[:8] == b"\x89PNG\r\n\x1a\n"
    assert card.content["body"].index(heat) == 2  # after the header and the glance line
    assert len(json.dumps(card.content).encode()) <= render.MAX_CARD_BYTES
    assert ehr.bf.check_card(card.content, "home") == []


def test_a_members_home_card_has_no_portfolio(ehr: Tenant) -> None:
    ehr.ok("kim", 'risk EHR "Interface may drop orders" L4 I5')
    card = ehr.dm("kim", "home")
    assert "Your rounds, Kim" in card.text and "at a glance" not in card.text
    assert images(card.content) == []
    assert ehr.bf.check_card(card.content, "home") == []
