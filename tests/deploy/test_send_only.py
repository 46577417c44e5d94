"""A process that only sends — `run-job outbox`, the clock — reaches Slack the way the web process does.

Last round `python -m bot clock` and `run-job outbox` died on start with Slack configured (an import of a
function never written), and no digest or nudge ever left: these tests start them as an operator would."""

from __future__ import annotations

from datetime import UTC, datetime

from slack_sdk.oauth.installation_store import Installation
from sqlalchemy import select

from bot.slack.installation import RoundsInstallationStore
from commands.replies import Reply, Section
from storage import migrate
from storage import outbox as outbox_rows
from storage.db import make_engine, make_sessions
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind, Workspace
from tests.fakes.slack_api import FakeSlackAPI
from tests.support.cli import run_bot

NOW = datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
TEAM, OTHER_TEAM = "TSENDONLY", "TOAUTHTWO"
BOT_TOKEN, OAUTH_TOKEN = "xoxb-send-only", "xoxb-installed-by-oauth"
CLIENT_ID = "1111.2222"


def _queue(url: str, team: str, channel: str, text: str) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    sessions = make_sessions(engine)
    with sessions() as s:
        ws = Workspace(platform=Platform.SLACK, external_id=team, name=team, created_at=NOW)
        s.add(ws)
        s.flush()
        outbox_rows.enqueue(
            s,
            ws,
            target_kind=TargetKind.CHANNEL,
            target=channel,
            payload=Reply.channel(text, Section(text=text)).to_json(),
            key=f"test:{team}:{channel}",
            now=NOW,
        )
        s.commit()
    engine.dispose()


def _status(url: str) -> list[tuple[str, OutboxStatus]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(OutboxMessage.target, OutboxMessage.status).order_by(OutboxMessage.id)).all()
    engine.dispose()
    return [(r[0], OutboxStatus(r[1])) for r in rows]


def test_run_job_outbox_sends_with_the_single_workspace_token(database_url: str) -> None:
    _queue(database_url, TEAM, "C0DIGEST", "Monday digest for EHR")
    with FakeSlackAPI(tokens={BOT_TOKEN}, team_id=TEAM) as slack:
        done = run_bot(
            "run-job",
            "outbox",
            "--at",
            "2026-11-23T13:00:05+00:00",
            env={"DATABASE_URL": database_url, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_API_URL": slack.url},
        )
        assert done.returncode == 0, done.stderr
        assert "sent 1" in done.stdout
        [post] = slack.calls_to("chat.postMessage")
        assert post.token == BOT_TOKEN
        assert post["channel"] == "C0DIGEST"
        assert post["text"] == "Monday digest for EHR"
    assert _status(database_url) == [("C0DIGEST", OutboxStatus.SENT)]


def test_run_job_outbox_sends_with_each_workspaces_oauth_installation(database_url: str) -> None:
    _queue(database_url, OTHER_TEAM, "C0PORTFOLIO", "Portfolio digest")
    engine = make_engine(database_url)
    store = RoundsInstallationStore(CLIENT_ID, engine, make_sessions(engine))
    store.save(
        Installation(
            app_id="A0ROUNDS",
            team_id=OTHER_TEAM,
            bot_token=OAUTH_TOKEN,
            bot_id="B0ROUNDS",
            bot_user_id="UBOTROUNDS",
            bot_scopes=["chat:write"],
            user_id="UINSTALLER",
            installed_at=NOW.timestamp(),
        )
    )
    engine.dispose()
    with FakeSlackAPI(tokens={OAUTH_TOKEN}, team_id=OTHER_TEAM) as slack:
        done = run_bot(
            "run-job",
            "outbox",
            "--at",
            "2026-11-23T13:00:05+00:00",
            env={
                "DATABASE_URL": database_url,
                "SLACK_CLIENT_ID": CLIENT_ID,
                "SLACK_CLIENT_SECRET": "not-needed-to-send",
                "SLACK_API_URL": slack.url,
            },
        )
        assert done.returncode == 0, done.stderr
        [post] = slack.calls_to("chat.postMessage")
        assert (post.token, post["channel"]) == (OAUTH_TOKEN, "C0PORTFOLIO")
    assert _status(database_url) == [("C0PORTFOLIO", OutboxStatus.SENT)]


def test_a_sending_process_refuses_half_set_slack_in_one_line(database_url: str) -> None:
    done = run_bot(
        "run-job",
        "outbox",
        env={"DATABASE_URL": database_url, "SLACK_BOT_TOKEN": BOT_TOKEN, "SLACK_CLIENT_ID": CLIENT_ID},
    )
    assert done.returncode != 0
    assert done.stderr.strip().splitlines() == [
        (
            "rounds: configuration error: SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID "
            "(OAuth keeps a token per workspace)"
        )
    ]
