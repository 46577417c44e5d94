"""SIGTERM stops the clock within 10 s even while Slack is slow — platforms send SIGKILL 30 s after SIGTERM, and
a clock that ran on past it left its last row claimed, to be sent again. What it left behind is sent later by
another pass, each message once."""

from __future__ import annotations

import signal
import subprocess
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select

from commands.replies import Reply, Section
from storage import migrate
from storage import outbox as outbox_rows
from storage.db import make_engine, make_sessions
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind, Workspace
from tests.deploy.support import operator_env, procfile
from tests.fakes.slack_api import FakeSlackAPI
from tests.support.cli import ROOT, run_bot

TEAM, TOKEN = "TSLOWSLACK", "xoxb-slow-slack"
DIGESTS = 12
SLACK_ANSWERS_AFTER = 25.0  # seconds: Slack takes the message at once and answers this late (under the 35 s timeout)


def _queue(url: str, now: datetime) -> None:
    engine = make_engine(url)
    migrate.upgrade(engine)
    with make_sessions(engine)() as s:
        ws = Workspace(platform=Platform.SLACK, external_id=TEAM, name="Slow", created_at=now)
        s.add(ws)
        s.flush()
        for n in range(DIGESTS):
            text = f"Digest {n} for the steering committee"
            outbox_rows.enqueue(
                s,
                ws,
                target_kind=TargetKind.CHANNEL,
                target=f"C0PROJECT{n:02d}",
                payload=Reply.channel(text, Section(text=text)).to_json(),
                key=f"digest:{n}",
                now=now,
            )
        s.commit()
    engine.dispose()


def _sent(url: str) -> int:
    engine = make_engine(url)
    with engine.connect() as conn:
        n = conn.execute(
            select(func.count()).select_from(OutboxMessage).where(OutboxMessage.status == OutboxStatus.SENT)
        ).scalar()
    engine.dispose()
    return int(n or 0)


def test_sigterm_stops_a_clock_mid_send_within_10_s_and_nothing_is_sent_twice(
    database_url: str, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    _queue(database_url, now)
    with FakeSlackAPI(tokens={TOKEN}, team_id=TEAM) as slack:
        env = {"SLACK_BOT_TOKEN": TOKEN, "SLACK_API_URL": slack.url}
        slack.late("chat.postMessage", delay=SLACK_ANSWERS_AFTER)  # the first post: on the wire when SIGTERM comes
        log = tmp_path / "clock.log"
        clock = subprocess.Popen(
            procfile()["clock"],
            cwd=ROOT,
            env=operator_env(database_url, **env),
            stdout=log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        try:
            slack.wait_for("chat.postMessage", timeout=60, ok=None)  # a send is on the wire, its answer 25 s away
            began = time.monotonic()
            clock.send_signal(signal.SIGTERM)
            clock.wait(timeout=30)
            took = time.monotonic() - began
        finally:
            if clock.poll() is None:
                clock.kill()
        assert took < 10, f"the clock took {took:.1f} s to stop:\n{log.read_text()[-2000:]}"
        assert clock.returncode == 0
        posted_before = len(slack.calls_to("chat.postMessage"))
        assert posted_before < DIGESTS  # it stopped taking rows, rather than finishing the batch

        # Later (the stopped clock's lease has run out) another pass sends the rest; the one that was in
        # flight was posted by Slack, so it is found in the channel's history rather than posted again.
        later = (now + timedelta(minutes=10)).isoformat()
        done = run_bot("run-job", "outbox", "--at", later, env={"DATABASE_URL": database_url, **env}, timeout=120)
        assert done.returncode == 0, done.stderr
        texts = [c["text"] for c in slack.calls_to("chat.postMessage")]
        assert sorted(set(texts)) == sorted(f"Digest {n} for the steering committee" for n in range(DIGESTS))
        assert len(texts) == DIGESTS, f"{len(texts) - DIGESTS} duplicates"
    assert _sent(database_url) == DIGESTS
    assert "Traceback" not in log.read_text()
