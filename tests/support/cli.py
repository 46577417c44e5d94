"""Run `python -m bot …` as an operator would: a fresh process, configuration only through the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Settings a developer's shell might carry that would change what the process under test does.
_SCRUB = (
    "DATABASE_URL",
    "PORT",
    "ROUNDS_ENV",
    "LOG_LEVEL",
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "TEAMS_APP_ID",
    "TEAMS_APP_PASSWORD",
    "TEAMS_TENANT_ID",
    "TEAMS_OPENID_URL",
    "TEAMS_CLOUD",
    "TEAMS_LOGIN_URL",
    "TEAMS_ALLOW_UNAUTHENTICATED",
    "AUDIT_HMAC_KEY",
)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve()}"


def run_bot(
    *args: str, env: dict[str, str] | None = None, input: str = "", timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """`python -m bot ARGS` with stdin given as `input` (a pipe, so never a terminal)."""
    full_env = {k: v for k, v in os.environ.items() if k.upper() not in _SCRUB}
    full_env["PYTHONIOENCODING"] = "utf-8"
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        check=False,
        input=input,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        cwd=str(cwd or ROOT),
        timeout=timeout,
    )
