"""Rounds' real web app (WebApp: every platform's routes) served on an ephemeral port per test, on SQLite and
on PostgreSQL, with a fake Bot Framework on 127.0.0.1 (Bot Connector, OpenID metadata and signing keys).
Each test gets a tenant of its own; every card the fake receives is checked against the Adaptive Cards
1.5 schema, and a test ends by asserting there was no problem."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine

from bot.clock import passes
from bot.outbox.dispatch import Dispatcher
from bot.runtime import Runtime
from bot.senders import build_senders
from bot.settings import Settings
from bot.web.app import WebApp
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams.support import APP_ID, Tenant, WebServer


@pytest.fixture(scope="session")
def bf() -> Iterator[FakeBotConnector]:
    with FakeBotConnector() as fake:
        yield fake


def settings_for(engine: Engine, bf: FakeBotConnector, **overrides: Any) -> Settings:
    """Only what the test says: nothing from the developer's shell (Slack stays off)."""
    values: dict[str, Any] = {
        "database_url": engine.url.render_as_string(hide_password=False),
        "rounds_env": "development",
        "log_level": "INFO",
        "slack_bot_token": None,
        "slack_signing_secret": None,
        "slack_app_token": None,
        "slack_client_id": None,
        "slack_client_secret": None,
        "teams_app_id": APP_ID,
        "teams_app_password": None,
        "teams_tenant_id": None,
        "teams_openid_url": bf.openid_url,
        "teams_allow_unauthenticated": False,
    }
    return Settings(**(values | overrides))


def serve(engine: Engine, bf: FakeBotConnector, **overrides: Any) -> WebServer:
    return WebServer(WebApp.build(Runtime.start(settings_for(engine, bf, **overrides))))


@pytest.fixture
def web(engine: Engine, bf: FakeBotConnector) -> Iterator[WebServer]:
    server = serve(engine, bf)
    yield server
    server.close()


@pytest.fixture
def tenant(web: WebServer, bf: FakeBotConnector) -> Iterator[Tenant]:
    """A fresh tenant where Rounds is not installed anywhere yet."""
    problems = len(bf.problems)
    yield Tenant(web.url, bf)
    assert bf.problems[problems:] == []


@pytest.fixture
def ehr(tenant: Tenant) -> Tenant:
    """Rounds installed in the team's #ehr and #pmo channels; an EHR project (PM Sam, sponsors Dana and Maria)
    created in #pmo and linked to #ehr; everyone has said hello to Rounds in a 1:1 chat."""
    for where in ("#ehr", "#pmo"):
        assert tenant.install(where).status == 200
    for who in tenant.people:
        tenant.dm(who, "prefs")
    tenant.ok("pat", 'project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria', "#pmo")
    tenant.ok("sam", "project link EHR")
    tenant.ok("sam", "project role EHR cmio:@dana cno:@maria member:@kim,@alex")
    tenant.start = tenant.bf.mark()
    return tenant


class Clock:
    """The clock process, as a test drives it: the schedule's passes at a chosen time, and an outbox pass with
    the Teams sender of a process of its own (everything it knows comes from the database)."""

    def __init__(self, engine: Engine, bf: FakeBotConnector) -> None:
        self.rt = Runtime.start(settings_for(engine, bf))

    def nudges(self, at: datetime):  # type: ignore[no-untyped-def]
        return passes.nudges(self.rt.sessions, at)

    def digests(self, at: datetime):  # type: ignore[no-untyped-def]
        return passes.digests(self.rt.sessions, at)

    def send(self, at: datetime):  # type: ignore[no-untyped-def]
        return passes.outbox(Dispatcher(self.rt.sessions, build_senders(self.rt), channel_gap=timedelta(0)), at)

    def close(self) -> None:
        self.rt.close()


@pytest.fixture
def clock(engine: Engine, bf: FakeBotConnector) -> Iterator[Clock]:
    c = Clock(engine, bf)
    yield c
    c.close()
