"""How fast Rounds acknowledges a slash command, next to a bare Bolt app on the same server.

Both run on gunicorn gthread (2 workers × 8 threads), both talk to the fake Slack Web API on 127.0.0.1, and
both are driven by the same 8 concurrent clients on keep-alive connections, sending slash commands signed as
Slack signs them. Rounds runs the real `python -m bot web`: every request verifies the signature, resolves
the workspace and the person, runs the command's transaction and renders Block Kit.

    python bench/slack_ack.py                      # SQLite in a temp folder
    python bench/slack_ack.py --database postgresql://postgres@127.0.0.1:5432/test   # a fresh database there

Prints p50/p95/p99 latency and requests per second for each target. Loopback only; bounded in count."""

from __future__ import annotations

import argparse
import hashlib
import hmac
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from storage import migrate  # noqa: E402
from storage.db import make_engine  # noqa: E402
from tests.fakes.slack_api import FakeSlackAPI  # noqa: E402
from tests.slack.conftest import free_port, wait_until_up  # noqa: E402

SECRET, TOKEN = "bench-signing-secret", "xoxb-bench-token"
CLIENTS = 8


def signed(command: str, text_: str, team: str, user: str) -> tuple[bytes, dict[str, str]]:
    body = urllib.parse.urlencode(
        {
            "token": "x",
            "team_id": team,
            "team_domain": "bench",
            "channel_id": "CBENCH",
            "channel_name": "ehr",
            "user_id": user,
            "user_name": "sam",
            "command": command,
            "text": text_,
            "api_app_id": "ABENCH",
            "response_url": "http://127.0.0.1:9/unused",
            "trigger_id": f"1.{uuid.uuid4().hex}",  # each command is a new one (a repeat is refused as a replay)
        }
    ).encode()
    ts = str(int(time.time()))
    sig = "v0=" + hmac.new(SECRET.encode(), f"v0:{ts}:".encode() + body, hashlib.sha256).hexdigest()
    return body, {
        "Content-Type": "application/x-www-form-urlencoded",
        "X-Slack-Request-Timestamp": ts,
        "X-Slack-Signature": sig,
    }


def drive(
    port: int, command: str, text_: str, team: str, user: str, total: int, clients: int = CLIENTS
) -> tuple[list[float], float]:
    latencies: list[float] = []
    lock = threading.Lock()
    per_client = max(1, total // clients)

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        mine = []
        for _ in range(per_client):
            body, headers = signed(command, text_, team, user)
            started = time.perf_counter()
            conn.request("POST", "/slack/events", body=body, headers=headers)
            resp = conn.getresponse()
            resp.read()
            mine.append(time.perf_counter() - started)
            assert resp.status == 200, resp.status
        conn.close()
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, time.perf_counter() - started


def report(name: str, latencies: list[float], elapsed: float) -> None:
    ms = sorted(x * 1000 for x in latencies)
    q = statistics.quantiles(ms, n=100)
    print(
        f"{name:<44} p50 {q[49]:6.1f} ms   p95 {q[94]:6.1f} ms   p99 {q[98]:6.1f} ms   {len(ms) / elapsed:7.0f} req/s   (n={len(ms)})"
    )


def serve(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database", help="a PostgreSQL server URL to make a fresh database on (default: SQLite in a temp folder)"
    )
    parser.add_argument("--requests", type=int, default=2000, help="requests per measurement (default 2000)")
    parser.add_argument("--clients", type=int, default=CLIENTS, help=f"concurrent clients (default {CLIENTS})")
    opts = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rounds-bench-"))
    admin = None
    if opts.database:
        admin = make_engine(opts.database, isolation_level="AUTOCOMMIT")
        name = f"rounds_bench_{uuid.uuid4().hex[:8]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        db = make_url(opts.database).set(database=name).render_as_string(hide_password=False)
    else:
        db = f"sqlite:///{tmp / 'rounds.db'}"
    engine = make_engine(db)
    migrate.upgrade(engine)
    engine.dispose()
    team, user = "TBENCH", "USAM"
    with FakeSlackAPI(tokens={TOKEN}, team_id=team) as fake:
        fake.add_user(user, "sam", "Sam Rivera")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_URL", "PROMETHEUS"))}
        env |= {
            "SLACK_BOT_TOKEN": TOKEN,
            "SLACK_SIGNING_SECRET": SECRET,
            "SLACK_API_URL": fake.url,
            "LOG_LEVEL": "WARNING",
        }
        bare_port, rounds_port = free_port(), free_port()
        bare = serve(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-k",
                "gthread",
                "-w",
                "2",
                "--threads",
                "8",
                "--no-control-socket",
                "-b",
                f"127.0.0.1:{bare_port}",
                "--log-level",
                "warning",
                "bench.bare_bolt:api",
            ],
            env,
            tmp / "bare.log",
        )
        rounds = serve(
            [sys.executable, "-m", "bot", "web"],
            env | {"DATABASE_URL": db, "PORT": str(rounds_port)},
            tmp / "rounds.log",
        )
        try:
            wait_until_up(f"http://127.0.0.1:{rounds_port}", rounds, tmp / "rounds.log")
            for _ in range(100):  # the bare app has no /healthz: wait for its port
                try:
                    http.client.HTTPConnection("127.0.0.1", bare_port, timeout=1).connect()
                    break
                except OSError:
                    time.sleep(0.1)
            # Set-up through Rounds itself: a project linked to the channel, so `/status` has something to show.
            drive(rounds_port, "/project", 'create EHR "EHR Upgrade"', team, user, CLIENTS)
            drive(rounds_port, "/project", "link EHR", team, user, CLIENTS)
            drive(rounds_port, "/status", 'green "Kick-off done"', team, user, CLIENTS)
            print(
                f"{opts.clients} concurrent clients, keep-alive, gunicorn gthread 2 workers × 8 threads, "
                f"{'PostgreSQL' if opts.database else 'SQLite'}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs"
            )
            for target, port, cmd, words in [
                ("bare Bolt app: /status (ack only)", bare_port, "/status", "EHR"),
                ("Rounds: /status EHR (read, Block Kit)", rounds_port, "/status", "EHR"),
                ('Rounds: /status EHR green "…" (write)', rounds_port, "/status", 'EHR green "Testing on plan"'),
            ]:
                drive(
                    port, cmd, words, team, user, opts.clients * 25, opts.clients
                )  # warm up connections, caches, pools
                latencies, elapsed = drive(port, cmd, words, team, user, opts.requests, opts.clients)
                report(target, latencies, elapsed)
        finally:
            for p in (bare, rounds):
                p.terminate()
                p.wait(timeout=30)
            if admin is not None:
                with admin.connect() as conn:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{make_url(db).database}" WITH (FORCE)'))
                admin.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
