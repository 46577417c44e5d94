"""`python -m bot …`: the operator's interface (DESIGN.md, Operator interface)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from bot import logs
from bot.settings import ConfigError, Settings, load

if TYPE_CHECKING:  # imported where used: each command loads only what it needs
    from sqlalchemy.orm import Session

    from bot.runtime import Runtime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Rounds: chat-ops for healthcare PMOs")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("migrate", help="bring the database to the newest schema")
    p = sub.add_parser("console", help="the local chat in a terminal")
    p.add_argument("--demo", action="store_true", help="seed a small healthcare portfolio first (once)")
    p.add_argument("--as", dest="speaker", default="pat", help="who you are (default: pat, the PMO lead)")
    p.add_argument("--in", dest="channel", default="#pmo", help="the channel you start in (default: #pmo)")
    p = sub.add_parser("audit", help="the audit chain")
    p.add_argument("action", choices=["verify"])
    sub.add_parser("clock", help="run the schedule: digests, nudges, outbox (one active clock per database)")
    p = sub.add_parser("run-job", help="run one pass now")
    p.add_argument("job", choices=["digests", "nudges", "outbox", "anchors"])
    p.add_argument("--at", help="the pass's 'now', ISO 8601 (default: now; UTC when no offset)")
    p = sub.add_parser("outbox", help="messages that could not be delivered")
    p.add_argument("action", choices=["failed", "retry"])
    p.add_argument("ids", nargs="*", type=int, help="with retry: only these (default: all failed)")
    p = sub.add_parser("export", help="write an export to stdout")
    p.add_argument("kind", choices=["risks", "gates", "status", "audit", "raid"])
    p.add_argument("--format", choices=["csv", "json"], default="csv")
    sub.add_parser("web", help="the HTTP server: /slack/events, /slack/install, /healthz, /metrics (PORT)")
    sub.add_parser("socket", help="Slack over Socket Mode, for a laptop (SLACK_APP_TOKEN, SLACK_BOT_TOKEN)")
    args = parser.parse_args(argv)

    try:
        settings = load()
    except ConfigError as e:
        print(e.code, file=sys.stderr)
        return 2
    logs.configure(
        "WARNING" if args.command in ("console", "export", "audit", "outbox", "run-job") else settings.log_level
    )

    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        return _run(args, settings)
    except BrokenPipeError:
        # `python -m bot console … | head`: the reader left; stop quietly (and let Python's exit flush nowhere)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except (OperationalError, ProgrammingError) as e:
        reason = str(e.orig).splitlines()[0] if e.orig else type(e).__name__
        print(
            f"rounds: database error: {reason[:200]} (is the database reachable and migrated? `python -m bot migrate`)",
            file=sys.stderr,
        )
        return 1


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.runtime import Runtime

    if args.command == "migrate":
        rt = Runtime.start(settings, migrate_first=True)
        from storage.migrate import current

        print(f"database at revision {current(rt.engine)}")
        return 0
    if args.command == "console":
        return _console(settings, args)
    if args.command in ("web", "socket"):
        return _serve(settings, args.command)
    rt = Runtime.start(settings)
    if args.command == "clock":
        from bot.clock.main import run

        return run(rt)
    if args.command in ("run-job", "outbox"):
        from bot import ops

        try:
            at = ops.parse_at(getattr(args, "at", None))
        except ValueError:
            print(f"--at must be an ISO 8601 time like 2026-11-23T08:00:00-05:00 (got {args.at!r})", file=sys.stderr)
            return 2
        if args.command == "run-job":
            return ops.run_job(rt, args.job, at)
        return ops.outbox_failed(rt) if args.action == "failed" else ops.outbox_retry(rt, args.ids, at)
    if args.command == "audit":
        return _audit_verify(rt)
    return _export(rt, args.kind, args.format)


def _console(settings: Settings, args: argparse.Namespace) -> int:
    from bot.console.demo import seed
    from bot.console.repl import Console
    from bot.outbox.dispatch import Dispatcher
    from bot.runtime import Runtime
    from storage.models import Platform

    rt = Runtime.start(settings, migrate_first=True)
    if args.demo:
        print("Seeding the demo portfolio…" if seed(rt.rounds, rt.sessions) else "Demo data is already here.")
    ansi = sys.stdout.isatty()
    console = Console(
        rounds=rt.rounds,
        dispatcher_factory=lambda sender: Dispatcher(rt.sessions, {Platform.CONSOLE: sender}, channel_gap=timedelta(0)),
        speaker=args.speaker.lstrip("@").lower(),
        channel="#" + args.channel.lstrip("#"),
        ansi=ansi,
        files=files_beside(settings.database_url),
    )
    if sys.stdin.isatty():
        print("Rounds console. /help for help, /as NAME to switch person, /in #channel to move, /quit to leave.")
    console.loop()
    return 0


def files_beside(database_url: str) -> Path:
    """Where the console writes exports: beside the SQLite database file, else the working directory."""
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent
    return Path.cwd()


def _serve(settings: Settings, how: str) -> int:
    from bot.slack.installation import SlackConfig, verify_bot_token
    from bot.teams.config import TeamsConfig

    try:  # a missing, half-set or refused setting stops here, before any worker starts
        from bot.web.server import serve, workers_from_env

        workers = workers_from_env() if how == "web" else 0
        config = SlackConfig.for_http(settings) if how == "web" else SlackConfig.for_socket(settings)
        teams = TeamsConfig.from_settings(settings) if how == "web" else None  # a half-set Teams setting stops here too
        if config is None and teams is None:
            raise ConfigError(
                "rounds: configuration error: nothing to serve: set SLACK_SIGNING_SECRET with SLACK_BOT_TOKEN "
                "(one workspace) or with SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth) for Slack, "
                "or TEAMS_APP_ID for Teams"
            )
        team = verify_bot_token(config) if config is not None else None
        if team is not None:  # the token works, so the app is installed there (again, after an uninstall)
            _installed(settings, team)
        if how == "web":
            return serve(settings, workers)
    except ConfigError as e:
        print(e.code, file=sys.stderr)
        return 2
    from bot.runtime import Runtime
    from bot.slack import socket

    assert config is not None  # for_socket raises rather than answer None
    return socket.run(Runtime.start(settings), config)


def _installed(settings: Settings, team: str) -> None:
    from bot.slack.installation import mark_installed
    from storage.db import make_engine, make_sessions

    engine = make_engine(settings.database_url)
    try:
        mark_installed(make_sessions(engine), team)
    finally:
        engine.dispose()  # before any worker forks


def _audit_verify(rt: Runtime) -> int:
    from storage.audit import verify

    with rt.sessions() as s:
        checked, breaks = verify(s)
    if breaks:
        for b in breaks:
            print(f"audit chain BROKEN in workspace {b.workspace_id} at seq {b.seq}: {b.reason}", file=sys.stderr)
        return 1
    print(f"audit chain OK: {checked} events verified")
    return 0


def _export(rt: Runtime, kind: str, fmt: str) -> int:
    from commands import exports

    with rt.sessions() as s:
        table: dict[str, Callable[[Session, int | None], exports.Rows]] = {
            "risks": exports.risks,
            "gates": exports.gates,
            "status": exports.status,
            "audit": exports.audit_trail,
            "raid": exports.raid,
        }
        cols, rows = table[kind](s, None)
    sys.stdout.buffer.write(exports.encode(cols, rows, fmt))
    sys.stdout.flush()
    return 0
