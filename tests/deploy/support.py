"""Rounds as deployed: the Procfile's processes, started with its command lines and an operator's environment.

    with Deployment(database_url, env, tmp, start=..., speed=...) as rounds:   # release, then web and clock
        rounds.at(call)              # the simulated time a fake platform received a call
        rounds.stop("clock")         # SIGTERM, as a platform stops a process; returns the seconds it took

Time: both long-running processes get the same simulated clock (ROUNDS_SIMULATED_START/SPEED/ANCHOR), so a
fortnight passes in about a minute and the test never sleeps waiting for a schedule: it waits (bounded) for
what the fakes receive."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Self
from zoneinfo import ZoneInfo

from tests.slack.conftest import free_port, wait_until_up
from tests.support.cli import _SCRUB, ROOT

PROCFILE = ROOT / "Procfile"


def procfile() -> dict[str, list[str]]:
    """The Procfile's processes as argv lists, `python` being this interpreter (the venv's)."""
    found: dict[str, list[str]] = {}
    for line in PROCFILE.read_text().splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, command = line.partition(":")
        argv = shlex.split(command)
        found[name.strip()] = [sys.executable if argv[0] == "python" else argv[0], *argv[1:]]
    return found


def operator_env(database_url: str, **settings: str) -> dict[str, str]:
    """The environment an operator would give a process: nothing of the developer's shell that changes Rounds."""
    base = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB and k != "PROMETHEUS_MULTIPROC_DIR"}
    return base | {"DATABASE_URL": database_url, "LOG_LEVEL": "INFO", "PYTHONUNBUFFERED": "1", **settings}


class Deployment:
    def __init__(
        self, database_url: str, env: dict[str, str], tmp: Path, *, start: datetime, speed: float, boot: float = 6.0
    ) -> None:
        self.tmp = tmp
        self.start_at, self.speed = start, speed
        self.anchor = time.time() + boot  # the simulated clock reads `start` this many seconds from now
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = operator_env(
            database_url,
            PORT=str(self.port),
            WEB_CONCURRENCY="1",
            ROUNDS_SIMULATED_START=start.isoformat(),
            ROUNDS_SIMULATED_SPEED=str(speed),
            ROUNDS_SIMULATED_ANCHOR=repr(self.anchor),
            **env,
        )
        self.processes: dict[str, subprocess.Popen[bytes]] = {}
        self.logs: dict[str, Path] = {}

    # -- lifecycle ----------------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        commands = procfile()
        release = subprocess.run(
            commands["release"], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=120, check=False
        )
        assert release.returncode == 0, f"release failed:\n{release.stdout}\n{release.stderr}"
        for name in ("web", "clock"):
            self.logs[name] = log = self.tmp / f"{name}.log"
            self.processes[name] = subprocess.Popen(
                commands[name], cwd=ROOT, env=self.env, stdout=log.open("wb"), stderr=subprocess.STDOUT
            )
        wait_until_up(self.url, self.processes["web"], self.logs["web"])
        return self

    def __exit__(self, *exc: object) -> None:
        for name in list(self.processes):
            if self.processes[name].poll() is None:
                self.stop(name)

    def stop(self, name: str, timeout: float = 30.0) -> float:
        """SIGTERM, as a platform stops a process; the seconds it took to exit (SIGKILL after `timeout`)."""
        process = self.processes[name]
        began = time.monotonic()
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        return time.monotonic() - began

    def output(self, name: str) -> str:
        return self.logs[name].read_text(errors="replace")

    # -- time ------------------------------------------------------------------------------------------------
    def now(self) -> datetime:
        return self.at_wall(time.time())

    def at_wall(self, wall: float) -> datetime:
        return self.start_at + timedelta(seconds=(wall - self.anchor) * self.speed)

    def at(self, call: Any, tz: str | None = None) -> datetime:
        """When (simulated) a fake platform received `call`, in `tz` if given."""
        when = self.at_wall(call.at)
        return when.astimezone(ZoneInfo(tz)) if tz else when
