"""The WSGI app: a small exact-path router over the platforms' routes, plus /healthz and /metrics.

Every request is timed and counted by route (unknown paths count as "other", so a scan cannot blow up the
metrics). Bodies over 1 MiB are refused before any platform code reads them."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import text

from bot.runtime import Runtime
from bot.web import metrics
from bot.web.routes import Mount, Route, WSGIApp, mounts

log = logging.getLogger("rounds.web")

MAX_BODY = 1024 * 1024
HEALTH_TIMEOUT_MS = 2000


class WebApp:
    def __init__(self, rt: Runtime, platform_mounts: list[Mount]) -> None:
        self.rt = rt
        self.mounts = platform_mounts
        self.routes: dict[tuple[str, str], WSGIApp] = {
            ("GET", "/healthz"): self.healthz,
            ("GET", "/metrics"): self.metrics,
        }
        for m in platform_mounts:
            for r in m.routes:
                self.routes[(r.method, r.path)] = r.app
        self.paths = {path for _, path in self.routes}
        for path in self.paths:  # every route's error count exists from the start, at zero
            metrics.ERRORS.labels(path)

    @classmethod
    def build(cls, rt: Runtime) -> WebApp:
        return cls(rt, mounts(rt))

    def close(self) -> None:
        for m in self.mounts:
            m.close()
        self.rt.close()

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        started = time.perf_counter()
        method, path = environ.get("REQUEST_METHOD", "GET"), environ.get("PATH_INFO", "/")
        route = path if path in self.paths else "other"
        status = ["500"]

        def recording_start_response(status_line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> Any:
            status[0] = status_line.split(" ", 1)[0]
            return start_response(status_line, headers, exc_info) if exc_info else start_response(status_line, headers)

        try:
            return list(self._dispatch(method, path, environ, recording_start_response))
        except Exception as e:  # never a stack trace to Slack; the ref-less log line says what kind
            log.error("request to %s failed: %s", route, type(e).__name__)
            log.debug("request failed", exc_info=True)
            return _respond(recording_start_response, "500 Internal Server Error", b"internal error\n")
        finally:
            metrics.REQUESTS.labels(route, method if method in ("GET", "POST", "HEAD") else "other", status[0]).inc()
            metrics.LATENCY.labels(route).observe(time.perf_counter() - started)
            if status[0].startswith("5"):
                metrics.ERRORS.labels(route).inc()

    def _dispatch(
        self, method: str, path: str, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        app = self.routes.get((method, path)) or (self.routes.get(("GET", path)) if method == "HEAD" else None)
        if app is None:
            if path in self.paths:
                return _respond(start_response, "405 Method Not Allowed", b"method not allowed\n")
            return _respond(start_response, "404 Not Found", b"not found\n")
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _respond(start_response, "400 Bad Request", b"bad content length\n")
        if length > MAX_BODY:
            return _respond(start_response, "413 Content Too Large", b"too large\n")
        return app(environ, start_response)

    # -- our own routes ------------------------------------------------------------------------------
    def healthz(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        """200 while the database answers, naming any platform that is degraded (Teams without Entra ID still
        leaves Slack working, so the load balancer must keep sending traffic): {"status": "degraded",
        "database": "ok", "slack": "ok", "teams": "degraded: …"}. 503 only when the database does not answer."""
        try:
            with self.rt.engine.connect() as conn:
                if conn.dialect.name == "postgresql":
                    conn.exec_driver_sql(f"SET LOCAL statement_timeout = {HEALTH_TIMEOUT_MS}")
                conn.execute(text("SELECT 1"))
            body, status = {"status": "ok", "database": "ok"}, "200 OK"
        except Exception as e:  # noqa: BLE001 - any failure means "not healthy", said without details
            log.warning("health check: database unreachable (%s)", type(e).__name__)
            body, status = {"status": "unavailable", "database": type(e).__name__}, "503 Service Unavailable"
        for m in self.mounts:
            try:
                problem = m.health()
            except Exception as e:  # noqa: BLE001 - a broken check is itself a degraded platform
                problem = f"degraded: health check failed ({type(e).__name__})"
            body[m.name] = problem or "ok"
            if problem and body["status"] == "ok":
                body["status"] = "degraded"
        return _respond(start_response, status, json.dumps(body).encode(), "application/json")

    def metrics(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        return _respond(start_response, "200 OK", metrics.render(self.rt.sessions), metrics.CONTENT_TYPE)


def _respond(
    start_response: Callable[..., Any], status: str, body: bytes, content_type: str = "text/plain; charset=utf-8"
) -> list[bytes]:
    start_response(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))])
    return [body]


__all__ = ["Route", "WebApp"]
