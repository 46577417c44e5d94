"""`python -m bot web` with only Teams configured: gunicorn's workers serve /api/messages beside /healthz."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from storage import migrate
from storage.db import make_engine
from tests.fakes.bot_connector import FakeBotConnector
from tests.slack.conftest import free_port, stop, wait_until_up
from tests.support.cli import _SCRUB, ROOT, run_bot, sqlite_url
from tests.teams.support import APP_ID, Tenant


def test_the_web_process_serves_teams_alone(tmp_path: Path, bf: FakeBotConnector) -> None:
    url = sqlite_url(tmp_path / "rounds.db")
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB and k != "PROMETHEUS_MULTIPROC_DIR"}
    env |= {
        "DATABASE_URL": url,
        "PORT": str(port),
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_OPENID_URL": bf.openid_url,
        "WEB_CONCURRENCY": "1",
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "web.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web"], cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    try:
        wait_until_up(f"http://127.0.0.1:{port}", process, log)
        tenant = Tenant(f"http://127.0.0.1:{port}", bf)
        tenant.say("sam", "help", where=None)
        assert "/status" in tenant.reply().text
        assert tenant.post(tenant.message("sam", "help", where=None), token="forged").status == 401
    finally:
        stop(process)
    assert "Traceback" not in log.read_text()


def test_production_needs_the_app_password_to_start() -> None:
    done = run_bot(
        "web", env={"ROUNDS_ENV": "production", "TEAMS_APP_ID": APP_ID, "DATABASE_URL": "sqlite:///:memory:"}
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        (
            "rounds: configuration error: TEAMS_APP_PASSWORD is required when ROUNDS_ENV=production "
            "(Rounds signs in to the Bot Connector with it)"
        )
    ]
