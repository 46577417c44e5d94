"""`python -m bot web`: gunicorn with threaded workers (gthread), 2 processes × 8 threads by default.

Chosen by measurement (README, "Slack"): sync Bolt with process_before_response on gthread answered a
slash command in ≈ 3 ms at the median; Bolt's default mode polls its ack every 10 ms, and an AsyncApp on
uvicorn was an order of magnitude slower. Each worker builds its own app after the fork (database pool,
Slack clients, background threads are never shared across processes). WEB_CONCURRENCY sets the number of
worker processes, as on most platforms."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from typing import Any

from bot.settings import ConfigError, Settings

log = logging.getLogger("rounds.web")

THREADS = 8
WORKERS = 2


def workers_from_env() -> int:
    raw = os.environ.get("WEB_CONCURRENCY", "").strip()
    if not raw:
        return WORKERS
    if not raw.isdigit() or not 1 <= int(raw) <= 64:
        raise ConfigError(
            f"rounds: configuration error: WEB_CONCURRENCY must be a whole number from 1 to 64, not {raw[:20]!r}"
        )
    return int(raw)


def application(settings: Settings, workers: int, bind: str) -> Any:
    """The gunicorn application. gunicorn reads WEB_CONCURRENCY as soon as it is imported, so it is imported
    only here, after workers_from_env() has checked that setting."""
    from gunicorn.app.base import BaseApplication

    class RoundsServer(BaseApplication):  # type: ignore[misc]  # gunicorn has no type hints: its base class is Any
        def __init__(self) -> None:
            self.options = {
                "bind": bind,
                "workers": workers,
                "worker_class": "gthread",
                "threads": THREADS,
                "timeout": 30,
                "graceful_timeout": 20,
                "keepalive": 5,
                "preload_app": False,  # build the app in each worker, after the fork
                "accesslog": None,  # requests are counted in /metrics; paths are all this log would add
                "errorlog": "-",
                "loglevel": settings.log_level.lower(),
                "proc_name": "rounds-web",
                "child_exit": _child_exit,
                "worker_exit": _worker_exit,
                "control_socket_disable": True,  # gunicorn ≥ 25: no shared ~/.gunicorn socket between instances
            }
            super().__init__()

        def load_config(self) -> None:
            for key, value in self.options.items():
                if key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from bot.runtime import Runtime
            from bot.web.app import WebApp

            app = WebApp.build(Runtime.start(settings))
            if not app.mounts:
                log.warning("no chat platform is configured: serving /healthz and /metrics only")
            _APPS.append(app)
            return app

    return RoundsServer()


_APPS: list[Any] = []


def _worker_exit(server: Any, worker: Any) -> None:
    for app in _APPS:
        app.close()


def _child_exit(server: Any, worker: Any) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)  # type: ignore[no-untyped-call]  # unannotated in prometheus_client


def serve(settings: Settings, workers: int) -> int:
    # Counters from all workers are added up at /metrics through files in this folder (prometheus_client's
    # multiprocess mode); it must exist before anything imports prometheus_client, so before the fork.
    own_dir = None
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        own_dir = tempfile.mkdtemp(prefix="rounds-metrics-")
        os.environ["PROMETHEUS_MULTIPROC_DIR"] = own_dir
    else:
        for name in os.listdir(os.environ["PROMETHEUS_MULTIPROC_DIR"]):
            if name.endswith(".db"):
                os.remove(os.path.join(os.environ["PROMETHEUS_MULTIPROC_DIR"], name))
    try:
        application(settings, workers, f"0.0.0.0:{settings.port}").run()
    finally:
        if own_dir:
            shutil.rmtree(own_dir, ignore_errors=True)
    return 0
