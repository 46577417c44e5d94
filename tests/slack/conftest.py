"""The real `python -m bot web` process on an ephemeral port, on SQLite and on PostgreSQL, talking to a fake
Slack Web API on 127.0.0.1. One server per database for the whole session; every test gets a workspace
(team) of its own, so tests never see each other's data."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from storage import migrate
from storage.db import make_engine, make_readers, make_sessions
from tests.conftest import PG_ENV
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.outbox_support import Outbox
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET, Workspace
from tests.support.cli import _SCRUB, ROOT, sqlite_url

START_TIMEOUT = 60.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class WebProcess:
    url: str
    engine: Engine
    reader: sessionmaker[Session]
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(errors="replace")


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, timeout: float = START_TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"`python -m bot web` exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as resp:
                if resp.status == 200:
                    return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"`python -m bot web` did not come up in {timeout} s:\n{log.read_text()[-3000:]}")


def start_web(
    database_url: str, fake: FakeSlackAPI, tmp: Path, **env: str
) -> tuple[subprocess.Popen[bytes], str, Path]:
    port = free_port()
    full = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB and k != "PROMETHEUS_MULTIPROC_DIR"}
    full |= {
        "DATABASE_URL": database_url,
        "SLACK_API_URL": fake.url,
        "PORT": str(port),
        "LOG_LEVEL": "INFO",
        "PYTHONUNBUFFERED": "1",
        **env,
    }
    log = tmp / f"web-{port}.log"
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web"], cwd=ROOT, env=full, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url, process, log)
    return process, url, log


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def fake_slack() -> Iterator[FakeSlackAPI]:
    with FakeSlackAPI(tokens={BOT_TOKEN}) as fake:
        yield fake


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def database(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A database of its own for the web process, migrated as `python -m bot migrate` would."""
    if request.param == "sqlite":
        url = sqlite_url(tmp_path_factory.mktemp("slack") / "rounds.db")
        engine = make_engine(url)
        migrate.upgrade(engine)
        engine.dispose()
        yield url
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"PostgreSQL tests need {PG_ENV} (CI sets it; e.g. postgresql://postgres@127.0.0.1:5432/test)")
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"rounds_slack_{uuid.uuid4().hex[:10]}"
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    engine = make_engine(url)
    migrate.upgrade(engine)
    engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def web(database: str, fake_slack: FakeSlackAPI, tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebProcess]:
    process, url, log = start_web(
        database,
        fake_slack,
        tmp_path_factory.mktemp("web"),
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
    )
    engine = make_engine(database)
    yield WebProcess(url=url, engine=engine, reader=make_readers(engine), process=process, log=log)
    stop(process)
    engine.dispose()
    out = log.read_text(errors="replace")
    assert "Traceback" not in out, out[-5000:]


@pytest.fixture
def ehr(web: WebProcess, fake_slack: FakeSlackAPI) -> Iterator[Workspace]:
    """A fresh Slack workspace with the standard team, an EHR project linked to #ehr, set up through Slack."""
    known_problems = len(fake_slack.problems)
    ws = Workspace(web.url, fake_slack, f"T{uuid.uuid4().hex[:8].upper()}")
    ws.ok("pat", '/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria', channel="#pmo")
    ws.ok("sam", "/project link EHR")
    ws.ok("sam", "/project role EHR cmio:@dana cno:@maria member:@kim,@alex")
    for mentioned in ("dana", "maria", "kim", "alex"):  # their profiles are fetched in the background
        fake_slack.wait_for("users.info", user=ws.id(mentioned))
    ws.start = fake_slack.mark()
    yield ws
    assert fake_slack.problems[known_problems:] == []  # every Block Kit payload sent was valid


@pytest.fixture
def workspace(web: WebProcess, fake_slack: FakeSlackAPI) -> Iterator[Workspace]:
    """A fresh, empty Slack workspace."""
    known_problems = len(fake_slack.problems)
    yield Workspace(web.url, fake_slack, f"T{uuid.uuid4().hex[:8].upper()}")
    assert fake_slack.problems[known_problems:] == []


@pytest.fixture
def box(engine: Engine, fake_slack: FakeSlackAPI) -> Iterator[Outbox]:
    """A fresh Slack workspace (with a PMO admin) whose outbox is sent through the real SlackSender."""
    known_problems = len(fake_slack.problems)
    yield Outbox(make_sessions(engine), fake_slack)
    fake_slack.clock = time.time  # a test may have set Slack's clock to its own timeline
    fake_slack.outside.clear()
    assert fake_slack.problems[known_problems:] == []
