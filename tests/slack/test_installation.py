"""Installing Rounds: many workspaces through OAuth (slack_sdk's SQLAlchemy stores on Rounds' database, tables
from migration 0002), and the one-line start-up errors for missing or refused Slack settings."""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy import Engine, MetaData, select, text

from storage import migrate
from storage.db import make_engine, make_readers
from storage.models import Workspace as WorkspaceRow
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.conftest import start_web, stop
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET, Workspace
from tests.support.cli import run_bot, sqlite_url

CLIENT_ID, CLIENT_SECRET = "1111.2222", "oauth-client-secret-for-tests"


def slack_sdk_tables() -> MetaData:
    metadata = MetaData()
    SQLAlchemyInstallationStore.build_installations_table(metadata, "slack_installations")
    SQLAlchemyInstallationStore.build_bots_table(metadata, "slack_bots")
    SQLAlchemyOAuthStateStore.build_oauth_states_table(metadata, "slack_oauth_states")
    return metadata


def test_migration_0002_makes_exactly_slack_sdks_tables(engine: Engine, tmp_path: Path) -> None:
    migrated = engine
    if engine.dialect.name == "sqlite":  # the shared SQLite fixture is made with create_all: migrate one here
        migrated = make_engine(sqlite_url(tmp_path / "m.db"))
        migrate.upgrade(migrated)
    wanted = slack_sdk_tables()
    with migrated.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, parent: type_ != "table" or name in wanted.tables,
            },
        )
        assert compare_metadata(ctx, wanted) == []


# -- OAuth over HTTP ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def oauth_web(fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Engine]]:
    fake_slack.oauth_clients[CLIENT_ID] = CLIENT_SECRET
    db = sqlite_url(tmp_path_factory.mktemp("oauth") / "rounds.db")
    engine = make_engine(db)
    migrate.upgrade(engine)
    process, url, _log = start_web(
        db,
        fake_slack,
        tmp_path_factory.mktemp("oauth-web"),
        SLACK_CLIENT_ID=CLIENT_ID,
        SLACK_CLIENT_SECRET=CLIENT_SECRET,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
    )
    yield url, engine
    stop(process)
    engine.dispose()


def install(url: str, fake: FakeSlackAPI, team_id: str) -> str:
    """A person clicks "Add to Slack" on /slack/install, approves, and Slack sends them to /slack/oauth_redirect."""
    with urllib.request.urlopen(url + "/slack/install", timeout=10) as page:
        html = page.read().decode()
        cookie = page.headers["Set-Cookie"].split(";", 1)[0]
    authorize = re.search(r'href="([^"]*/oauth/v2/authorize[^"]*)"', html).group(1).replace("&amp;", "&")  # type: ignore[union-attr]
    assert authorize.startswith(fake.base + "oauth/v2/authorize?")  # beside SLACK_API_URL (GovSlack, tests)
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(authorize).query))
    assert query["client_id"] == CLIENT_ID and "commands" in query["scope"] and "chat:write" in query["scope"]
    fake.oauth_team = {"id": team_id, "name": "Northside Hospital"}
    back = urllib.request.Request(
        f"{url}/slack/oauth_redirect?code=c0de-{uuid.uuid4().hex[:6]}&state={query['state']}",
        headers={"Cookie": cookie},
    )
    with urllib.request.urlopen(back, timeout=10) as done:
        assert done.status == 200
        return done.read().decode()


def test_install_through_oauth_then_use_and_uninstall(oauth_web: tuple[str, Engine], fake_slack: FakeSlackAPI) -> None:
    url, engine = oauth_web
    team = f"T{uuid.uuid4().hex[:8].upper()}"
    start = fake_slack.mark()
    install(url, fake_slack, team)
    (exchange,) = fake_slack.calls_to("oauth.v2.access", since=start, ok=True)
    token = exchange.answer["access_token"]
    with engine.connect() as conn:
        assert (
            conn.execute(text("SELECT bot_token FROM slack_bots WHERE team_id = :t"), {"t": team}).scalar_one() == token
        )

    ws = Workspace(url, fake_slack, team)
    answer = ws.ok("pat", '/project create EHR "EHR Upgrade" pm:@sam', channel="#pmo")
    assert "EHR" in answer.text
    assert ws.calls("users.info", user=ws.id("pat"))[0].token == token  # the installed workspace's own token

    assert ws.post_event({"type": "app_uninstalled"}).status == 200
    with make_readers(engine)() as s:
        row = s.scalar(select(WorkspaceRow).where(WorkspaceRow.external_id == team))
        assert row is not None and row.uninstalled_at is not None
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM slack_bots WHERE team_id = :t"), {"t": team}).scalar_one() == 0

    install(url, fake_slack, team)  # installed again: posting resumes, the data was kept
    with make_readers(engine)() as s:
        assert s.scalar(select(WorkspaceRow.uninstalled_at).where(WorkspaceRow.external_id == team)) is None
    assert "EHR" in ws.ok("pat", "/project list", channel="#pmo").text


def test_a_redirect_without_the_browser_state_is_refused(
    oauth_web: tuple[str, Engine], fake_slack: FakeSlackAPI
) -> None:
    url, _ = oauth_web
    start = fake_slack.mark()
    try:
        urllib.request.urlopen(f"{url}/slack/oauth_redirect?code=abc&state=forged", timeout=10)
        status = 200
    except urllib.error.HTTPError as e:
        status = e.code
    assert status >= 400
    assert fake_slack.calls_to("oauth.v2.access", since=start) == []


# -- start-up errors ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "nothing to serve: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN"),
        (
            {"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": "xoxb-…"},
            "SLACK_BOT_TOKEN has characters a Slack credential never has",
        ),
        ({"SLACK_BOT_TOKEN": BOT_TOKEN}, "SLACK_SIGNING_SECRET is required"),
        ({"SLACK_SIGNING_SECRET": SIGNING_SECRET}, "SLACK_BOT_TOKEN is required"),
        ({"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_CLIENT_ID": CLIENT_ID}, "SLACK_CLIENT_SECRET is required"),
        (
            {"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": "xoxb-not-a-real-one"},
            "SLACK_BOT_TOKEN was refused by Slack (invalid_auth)",
        ),
        (
            {"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": BOT_TOKEN, "WEB_CONCURRENCY": "lots"},
            "WEB_CONCURRENCY must be",
        ),
        (
            {"SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_BOT_TOKEN": BOT_TOKEN, "ROUNDS_ENV": "production"},
            "SLACK_API_URL must be https://",
        ),
    ],
)
def test_web_stops_with_one_line_naming_the_setting(
    env: dict[str, str], named: str, fake_slack: FakeSlackAPI, tmp_path: Path
) -> None:
    done = run_bot(
        "web", env={"DATABASE_URL": sqlite_url(tmp_path / "r.db"), "SLACK_API_URL": fake_slack.url, **env}, timeout=60
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1].startswith("rounds: configuration error: ")
    assert named in done.stderr


def test_socket_mode_needs_the_app_token(tmp_path: Path) -> None:
    done = run_bot("socket", env={"DATABASE_URL": sqlite_url(tmp_path / "r.db"), "SLACK_BOT_TOKEN": BOT_TOKEN})
    assert done.returncode == 2 and "SLACK_APP_TOKEN is required for Socket Mode" in done.stderr


def test_a_working_token_at_start_up_resumes_an_uninstalled_workspace(fake_slack: FakeSlackAPI, tmp_path: Path) -> None:
    """One workspace, installed again after an uninstall: the token checks out when `web` starts, so posting resumes."""
    db = sqlite_url(tmp_path / "rounds.db")
    engine = make_engine(db)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO workspaces (platform, external_id, name, timezone, audit_seq, audit_head, created_at, "
                "uninstalled_at) VALUES ('slack', :team, 'Fake Hospital', 'UTC', 0, '', :at, :at)"
            ),
            {"team": fake_slack.team_id, "at": "2026-11-20 10:00:00"},
        )
    process, _url, _log = start_web(
        db, fake_slack, tmp_path, SLACK_BOT_TOKEN=BOT_TOKEN, SLACK_SIGNING_SECRET=SIGNING_SECRET
    )
    stop(process)
    with engine.connect() as conn:
        assert (
            conn.execute(
                text("SELECT uninstalled_at FROM workspaces WHERE external_id = :t"), {"t": fake_slack.team_id}
            ).scalar_one()
            is None
        )
    engine.dispose()
