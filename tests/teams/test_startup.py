"""A third party down at start-up does not take Rounds down. With Teams configured and Entra ID unreachable,
`web` boots, Slack works, `/healthz` names Teams as degraded, Teams' outbox rows wait, and the Bot Connector
token is fetched on first use and again after a backoff once Entra ID answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from bot.teams.connector import AppTokens, Connector, ConnectorError, message
from storage import migrate
from storage.db import make_engine
from storage.models import OutboxMessage, OutboxStatus, Platform
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.entra_id import FakeEntraID
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.conftest import free_port, stop, wait_until_up
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET
from tests.slack.support import Workspace as SlackWorkspace
from tests.support.cli import _SCRUB, ROOT, run_bot, sqlite_url
from tests.teams.conftest import serve
from tests.teams.support import APP_ID, Tenant

TENANT = "6e1d2c3b-4a59-4876-9a0b-1c2d3e4f5a60"
UNREACHABLE = "Entra ID unreachable (ConnectionError)"


def healthz(url: str) -> tuple[int, dict[str, Any]]:
    try:
        with urllib.request.urlopen(url + "/healthz", timeout=5) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def teams_rows(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        return list(conn.execute(select(OutboxMessage).where(OutboxMessage.platform == Platform.TEAMS)).all())


@pytest.fixture
def slack() -> Iterator[FakeSlackAPI]:
    with FakeSlackAPI(tokens={BOT_TOKEN}) as fake:
        yield fake


def test_web_boots_and_serves_slack_while_entra_id_is_unreachable(
    tmp_path: Path, bf: FakeBotConnector, slack: FakeSlackAPI
) -> None:
    url = sqlite_url(tmp_path / "rounds.db")
    engine = make_engine(url)
    migrate.upgrade(engine)
    port = free_port()
    env = {
        "DATABASE_URL": url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.url,
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_APP_PASSWORD": "a-client-secret",
        "TEAMS_TENANT_ID": TENANT,
        "TEAMS_LOGIN_URL": f"https://127.0.0.1:{free_port()}",  # nobody listens there
        "TEAMS_OPENID_URL": bf.openid_url,
    }
    full = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB and k != "PROMETHEUS_MULTIPROC_DIR"}
    full |= env | {"PORT": str(port), "WEB_CONCURRENCY": "1", "PYTHONUNBUFFERED": "1"}
    log = tmp_path / "web.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web"], cwd=ROOT, env=full, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    web = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(web, process, log)
        deadline = time.monotonic() + 20
        while (health := healthz(web))[1].get("teams") == "ok" and time.monotonic() < deadline:
            time.sleep(0.1)  # the warm-up thread's first sign-in is on its way
        assert health == (
            200,
            {
                "status": "degraded",
                "database": "ok",
                "slack": "ok",
                "teams": f"degraded: cannot send to Teams: no Bot Connector token, {UNREACHABLE}; retrying",
            },
        )
        ws = SlackWorkspace(web, slack, f"T{uuid.uuid4().hex[:8].upper()}")
        assert "/status" in ws.ok("pat", "/pmo help").text  # Slack is served as ever
        tenant = Tenant(web, bf, id=TENANT)
        assert tenant.say("sam", "help", where=None).status == 200  # Teams requests are checked and handled too
        deadline = time.monotonic() + 15
        while not (waiting := teams_rows(engine)[0]).last_error and time.monotonic() < deadline:
            time.sleep(0.1)  # the web process's outbox kick tries to send the reply at once
    finally:
        stop(process)
    out = log.read_text()
    assert "Traceback" not in out and "Worker failed to boot" not in out and "a-client-secret" not in out
    assert out.count(f"no Bot Connector token: {UNREACHABLE}") == 1  # said once, not once per try

    (waiting,) = teams_rows(engine)  # the reply to "help" waits in the outbox
    assert waiting.status == OutboxStatus.PENDING and UNREACHABLE in (waiting.last_error or "")

    at = waiting.not_before.isoformat()
    done = run_bot("run-job", "outbox", "--at", at, env=env)  # Slack and Teams configured, Entra ID still away
    assert done.returncode == 0, done.stderr
    assert "sent 0, updated 0, retried 1, failed 0" in done.stdout
    (after,) = teams_rows(engine)
    assert (after.status, after.attempts) == (OutboxStatus.PENDING, waiting.attempts + 1)  # waiting, not given up
    engine.dispose()


def test_the_token_is_fetched_on_first_use_and_again_once_entra_id_answers(
    bf: FakeBotConnector, monkeypatch: pytest.MonkeyPatch
) -> None:
    entra = FakeEntraID(client_id=APP_ID, secret="a-client-secret")
    monkeypatch.setenv("REQUESTS_CA_BUNDLE", entra.ca_file)  # MSAL (requests) trusts the fake's certificate
    now = [100.0]
    tokens = AppTokens(APP_ID, "a-client-secret", TENANT, login_url=entra.url, clock=lambda: now[0])
    connector = Connector(tokens, timeout=10)
    conversation = "a:personal-29:1dana"
    hello = message({"type": "AdaptiveCard", "version": "1.5", "body": []}, "hello")
    try:
        with pytest.raises(ConnectorError, match="Entra ID unreachable") as first:
            connector.send(bf.service_url(TENANT), conversation, hello)
        assert not first.value.uncertain and tokens.problem == UNREACHABLE  # nothing was sent: no doubt
        entra.start()
        with pytest.raises(ConnectorError, match="trying again shortly"):  # within the backoff: no new try
            connector.send(bf.service_url(TENANT), conversation, hello)
        assert entra.requests == []
        now[0] += 5
        start = bf.mark()
        connector.send(bf.service_url(TENANT), conversation, hello)
        (sent,) = bf.calls_to("send", since=start, conversation=conversation)
        assert sent.authorization == "Bearer entra-token-1" and tokens.problem is None
        discovery, token = entra.requests
        assert discovery[:2] == ("GET", f"/{TENANT}/v2.0/.well-known/openid-configuration")
        assert token[1] == f"/{TENANT}/oauth2/v2.0/token"
        assert token[2]["scope"] == "https://api.botframework.com/.default"
        connector.send(bf.service_url(TENANT), conversation, hello)
        assert len(entra.requests) == 2  # MSAL keeps the token until it nears its end
    finally:
        connector.close()
        entra.stop()


def test_a_bad_login_url_or_cloud_stops_start_up_with_one_line() -> None:
    for name, value, says in [
        ("TEAMS_LOGIN_URL", "http://login.microsoftonline.us", "must be the https:// address of the Entra ID"),
        ("TEAMS_LOGIN_URL", "https://login.microsoftonline.us/tenant", "must be the https:// address of the Entra"),
        ("TEAMS_CLOUD", "gcc-high", "must be one of public, usgov, usgovdod, china (GCC High is usgov)"),
    ]:
        done = run_bot("web", env={"TEAMS_APP_ID": APP_ID, "DATABASE_URL": "sqlite:///:memory:", name: value})
        assert done.returncode == 2
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith(f"rounds: configuration error: {name} {says}"), line


def test_gcc_high_signs_in_at_its_own_host_for_its_own_bot_framework() -> None:
    from bot.settings import Settings
    from bot.teams.app import app_tokens
    from bot.teams.config import TeamsConfig

    settings = Settings(teams_app_id=APP_ID, teams_app_password="x", teams_tenant_id=TENANT, teams_cloud="USGov")
    config = TeamsConfig.from_settings(settings)
    assert config is not None
    tokens = app_tokens(config)
    assert tokens is not None
    assert tokens.authority == f"https://login.microsoftonline.us/{TENANT}"
    assert tokens.scope == "https://api.botframework.us/.default"
    assert config.openid_url == "https://login.botframework.azure.us/v1/.well-known/openidconfiguration"
    assert config.cloud.token_issuer == "https://api.botframework.us"
    overridden = TeamsConfig.from_settings(Settings(teams_app_id=APP_ID, teams_login_url="https://login.example/"))
    assert overridden is not None and overridden.login_url == "https://login.example"


def test_web_starts_while_the_bot_framework_metadata_is_unreachable_and_says_so(
    engine: Engine, bf: FakeBotConnector
) -> None:
    server = serve(engine, bf, teams_openid_url=f"http://127.0.0.1:{free_port()}/v1/.well-known/openidconfiguration")
    try:
        deadline = time.monotonic() + 15
        while (health := healthz(server.url))[1].get("teams") == "ok" and time.monotonic() < deadline:
            time.sleep(0.05)  # the warm-up thread's first fetch is on its way
        assert health == (
            200,
            {
                "status": "degraded",
                "database": "ok",
                "teams": "degraded: cannot check requests from Teams: Bot Framework signing keys unavailable "
                "(URLError); retrying",
            },
        )
        tenant = Tenant(server.url, bf)
        assert tenant.post(tenant.message("sam", "help", where=None)).status == 401  # refused, not crashed
    finally:
        server.close()
