"""Rounds' real WSGI app with Slack AND Teams mounted (as `python -m bot web` builds it), served on 127.0.0.1
per test on SQLite and PostgreSQL, talking to the fake Slack Web API and the fake Bot Framework. Requests are
signed exactly as Slack signs them and authenticated as the Bot Framework does, so what reaches Rounds is
what a hostile but correctly signed caller could send."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.runtime import Runtime
from bot.web.app import WebApp
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET, Workspace
from tests.teams.conftest import settings_for
from tests.teams.support import Tenant, WebServer


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlackAPI]:
    with FakeSlackAPI(tokens={BOT_TOKEN}) as fake:
        yield fake


@pytest.fixture(scope="session")
def bf() -> Iterator[FakeBotConnector]:
    with FakeBotConnector() as fake:
        yield fake


def serve_both(engine: Engine, fake_slack: FakeSlackAPI, bf: FakeBotConnector, **overrides: Any) -> WebServer:
    settings = settings_for(
        engine,
        bf,
        slack_bot_token=BOT_TOKEN,
        slack_signing_secret=SIGNING_SECRET,
        slack_api_url=fake_slack.url,
        **overrides,
    )
    return WebServer(WebApp.build(Runtime.start(settings)))


@pytest.fixture
def web(engine: Engine, fake_slack: FakeSlackAPI, bf: FakeBotConnector) -> Iterator[WebServer]:
    server = serve_both(engine, fake_slack, bf)
    yield server
    server.close()


@pytest.fixture
def slack(web: WebServer, fake_slack: FakeSlackAPI) -> Workspace:
    """A fresh Slack workspace with an EHR project linked to #ehr (set up through Slack)."""
    ws = Workspace(web.url, fake_slack, f"T{uuid.uuid4().hex[:8].upper()}")
    ws.ok("pat", '/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria', channel="#pmo")
    ws.ok("sam", "/project link EHR")
    ws.start = fake_slack.mark()
    return ws


@pytest.fixture
def teams(web: WebServer, bf: FakeBotConnector) -> Tenant:
    """A fresh tenant with Rounds installed in #ehr."""
    tenant = Tenant(web.url, bf)
    assert tenant.install("#ehr").status == 200
    tenant.start = bf.mark()
    return tenant
