"""Prometheus metrics: requests, latency, errors (per route), Slack interactions, and the outbox's depth.

With gunicorn's several worker processes the counters live in PROMETHEUS_MULTIPROC_DIR (set up by
`python -m bot web` before workers fork) and /metrics adds them up across workers. The outbox depth is
read from the database at scrape time, so every worker reports the same truth."""

from __future__ import annotations

import os
from collections.abc import Iterator

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector
from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from storage.models import OutboxMessage, OutboxStatus

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 5.0, 10.0)

REQUESTS = Counter("rounds_http_requests", "HTTP requests answered", ["route", "method", "status"])
LATENCY = Histogram(
    "rounds_http_request_duration_seconds", "Time to answer an HTTP request", ["route"], buckets=BUCKETS
)
ERRORS = Counter("rounds_http_errors", "HTTP requests that failed on our side (5xx)", ["route"])


class OutboxDepth:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def collect(self) -> Iterator[GaugeMetricFamily]:
        depth = GaugeMetricFamily("rounds_outbox_messages", "Outbox rows waiting or given up on", labels=["status"])
        with self.sessions() as s:
            counts = dict(
                s.execute(
                    select(OutboxMessage.status, func.count())
                    .where(OutboxMessage.status.in_([OutboxStatus.PENDING, OutboxStatus.FAILED]))
                    .group_by(OutboxMessage.status)
                ).all()
            )
        for status in (OutboxStatus.PENDING, OutboxStatus.FAILED):
            depth.add_metric([status.value], counts.get(status, 0))
        yield depth


def render(sessions: sessionmaker[Session]) -> bytes:
    registry = CollectorRegistry()
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        MultiProcessCollector(registry)  # type: ignore[no-untyped-call]  # prometheus_client leaves it unannotated
    else:  # one process (`python -m bot socket`, an in-process test): this process's own counters
        registry.register(_ThisProcess())
    registry.register(OutboxDepth(sessions))
    return generate_latest(registry)


class _ThisProcess:
    def collect(self) -> Iterator[Metric]:
        yield from REGISTRY.collect()
