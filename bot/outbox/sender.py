"""The small port every platform sender implements (Slack, Teams, the console)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from commands.replies import Reply
from storage.models import TargetKind, Workspace


@dataclass(frozen=True)
class Delivery:
    channel: str  # where it landed (a DM resolves to its conversation id)
    ts: str  # the platform's message id, for updates and threads


class SendFailed(Exception):
    """`retry_after` (seconds) when the platform said so; `permanent` when retrying cannot help; `uncertain`
    when the platform may have posted the message all the same (a timeout, a 5xx, a connection cut after the
    request went out), so a resend could be a duplicate."""

    def __init__(
        self, reason: str, *, retry_after: float | None = None, permanent: bool = False, uncertain: bool = False
    ) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after
        self.permanent = permanent
        self.uncertain = uncertain


class Unverifiable(Exception):
    """The platform cannot tell whether a message was posted (no history scope, not a member of the channel):
    the caller decides between a possible duplicate and a possible loss."""


class Sender(Protocol):
    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery: ...

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None: ...


@runtime_checkable
class Traceable(Protocol):
    """A sender whose messages carry their outbox key (Slack: message metadata), so that after an attempt with
    an unknown outcome the message can be looked for before it is posted again. Teams and the console cannot."""

    def post_keyed(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None, key: str
    ) -> Delivery: ...

    def find(
        self, workspace: Workspace, kind: TargetKind, target: str, thread_ts: str | None, key: str, since: datetime
    ) -> Delivery | None:
        """The message posted with `key` since `since`, None if there is none; SendFailed when the platform
        cannot be asked now (try again later), Unverifiable when it can never answer."""
        ...
