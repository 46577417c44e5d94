"""A Teams digest shows its charts as images in the card (data: URIs, small enough for one Teams message), each
with alt text, and the card stays valid Adaptive Card 1.5."""

from __future__ import annotations

import base64
import io
import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine

from bot.teams import render
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams.conftest import Clock, serve
from tests.teams.support import Card, Tenant


def images(card: dict) -> list[dict]:  # type: ignore[type-arg]
    return [e for e in card["body"] if e.get("type") == "Image"]


def test_a_digest_card_carries_its_charts_as_images_with_alt_text(engine: Engine, bf: FakeBotConnector) -> None:
    if bf._validator is None:
        pytest.skip("the Adaptive Cards 1.5 schema is not in tests/schemas")
    web = serve(engine, bf)
    ehr = Tenant(web.url, bf)
    try:
        ehr.install("#ehr")
        ehr.ok("sam", 'project create EHR "EHR Upgrade"')
        ehr.ok("sam", "project link EHR")
        ehr.ok("sam", 'status EHR amber "Interface build slipped a week"')
        ehr.ok("sam", 'risk EHR "Interface may drop orders" L5 I4')
        ehr.ok("sam", "digest subscribe EHR mon,tue,wed,thu,fri,sat,sun 08:00 UTC")
    finally:
        web.close()
    clock = Clock(engine, bf)
    try:
        at = datetime.now(UTC).replace(hour=8, minute=1, second=0, microsecond=0) + timedelta(days=1)
        assert clock.digests(at).queued == 1
        assert clock.send(at).sent == 1
    finally:
        clock.close()
    digest = Card.of(bf.calls_to("send", conversation=ehr.channel("#ehr"))[-1])
    heat, trend, burn = images(digest.content)
    assert heat["altText"].startswith("Open risks by likelihood × impact: 1 open. L5 × I4 = 20 (critical): 1")
    assert trend["altText"].startswith("RAG trend") and "EHR: amber" in trend["altText"]
    assert burn["altText"].startswith("Open risks by level from") and "critical 0 → 1" in burn["altText"]
    png = base64.b64decode(heat["url"].removeprefix("data:image/png;base64,"))
    pil = pytest.importorskip("PIL.Image")
    with pil.open(io.BytesIO(png)) as im:
        assert im.size == (360, 300)  # the card's column at phone width
    # drawn at its own size on a desktop card (a stretched 360-px picture is blurred), shrunk on a phone
    assert {heat["size"], trend["size"], burn["size"]} == {"Auto"}
    assert len(json.dumps(digest.content).encode()) <= render.MAX_CARD_BYTES
    assert bf.check_card(digest.content, "digest") == []
    assert digest.content["body"].index(heat) == 2  # after the header and the "needs attention" line
