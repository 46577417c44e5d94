"""`python -m bot socket`: the same app over Socket Mode, as on a laptop with no public URL. The fake Web API
hands out a ws:// URL on 127.0.0.1 and plays Slack's side of the WebSocket."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from storage import migrate
from storage.db import make_engine
from tests.fakes.slack_api import FakeSlackAPI, SocketModeServer
from tests.slack.conftest import stop
from tests.slack.support import BOT_TOKEN, TEAM
from tests.support.cli import _SCRUB, ROOT, sqlite_url

APP_TOKEN = "xapp-1-AROUNDS-0000-socketmodetest"


@pytest.fixture
def socket_mode(fake_slack: FakeSlackAPI, tmp_path: Path) -> Iterator[SocketModeServer]:
    fake_slack.app_tokens.add(APP_TOKEN)
    db = sqlite_url(tmp_path / "rounds.db")
    engine = make_engine(db)
    migrate.upgrade(engine)
    engine.dispose()
    env = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB}
    env |= {
        "DATABASE_URL": db,
        "SLACK_API_URL": fake_slack.url,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_APP_TOKEN": APP_TOKEN,
    }
    log = tmp_path / "socket.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "socket"], cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while fake_slack.socket_mode is None and time.monotonic() < deadline and process.poll() is None:
            time.sleep(0.05)
        assert fake_slack.socket_mode is not None, log.read_text()
        fake_slack.socket_mode.wait_connected()
        yield fake_slack.socket_mode
    finally:
        stop(process)
        if fake_slack.socket_mode is not None:
            fake_slack.socket_mode.stop()
            fake_slack.socket_mode = None
    assert "Traceback" not in log.read_text()


def test_a_slash_command_over_socket_mode(socket_mode: SocketModeServer, fake_slack: FakeSlackAPI) -> None:
    team = f"T{uuid.uuid4().hex[:8].upper()}"
    pat = f"U{team[1:]}PAT"
    fake_slack.add_user(pat, "pat", TEAM["pat"][0], team_id=team)
    start = fake_slack.mark()

    def command(text: str) -> dict:  # type: ignore[type-arg]
        envelope = socket_mode.send(
            "slash_commands",
            {
                "team_id": team,
                "team_domain": "hosp",
                "channel_id": f"C{team[1:]}PMO",
                "channel_name": "pmo",
                "user_id": pat,
                "user_name": "pat",
                "command": text.split(" ", 1)[0],
                "text": text.partition(" ")[2],
                "response_url": fake_slack.response_url(),
                "trigger_id": f"1.{time.time()}.abc",
                "api_app_id": "AROUNDS",
            },
        )
        return socket_mode.ack(envelope).get("payload") or {}

    created = command('/project create EHR "EHR Upgrade"')
    assert created["response_type"] == "in_channel" and "EHR" in created["text"]
    assert command("/risk") == {}  # a bare /risk answers with the modal …
    opened = fake_slack.wait_for("views.open", since=start)[-1]  # … through the same SLACK_API_URL and bot token
    assert opened.token == BOT_TOKEN and opened["view"]["title"]["text"] == "Raise a risk"
