"""A platform sender for tests of the outbox: records what would be posted, fails on demand."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field

from bot.outbox.sender import Delivery, SendFailed
from commands.replies import Reply
from storage.models import TargetKind, Workspace


@dataclass
class Posted:
    kind: TargetKind
    target: str
    reply: Reply
    ts: str
    thread_ts: str | None = None


@dataclass
class RecordingSender:
    posts: list[Posted] = field(default_factory=list)
    updates: list[tuple[str, str, Reply]] = field(default_factory=list)
    failures: list[SendFailed] = field(default_factory=list)  # raised, in order, before anything is recorded
    _ts: itertools.count = field(default_factory=lambda: itertools.count(1))  # type: ignore[type-arg]

    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery:
        if self.failures:
            raise self.failures.pop(0)
        ts = f"1700000000.{next(self._ts):06d}"
        channel = target if kind == TargetKind.CHANNEL else f"D-{target}"
        self.posts.append(Posted(kind, target, reply, ts, thread_ts))
        return Delivery(channel=channel, ts=ts)

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None:
        if self.failures:
            raise self.failures.pop(0)
        self.updates.append((channel, ts, reply))

    def to(self, target: str) -> list[Posted]:
        return [p for p in self.posts if p.target == target]
