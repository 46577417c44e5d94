"""The small port every platform sender implements (Slack, Teams, the console)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from commands.replies import Reply
from storage.models import TargetKind, Workspace


@dataclass(frozen=True)
class Delivery:
    channel: str  # where it landed (a DM resolves to its conversation id)
    ts: str  # the platform's message id, for updates and threads


class SendFailed(Exception):
    """`retry_after` (seconds) when the platform said so; `permanent` when retrying cannot help."""

    def __init__(self, reason: str, *, retry_after: float | None = None, permanent: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent


class Sender(Protocol):
    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery: ...

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None: ...
