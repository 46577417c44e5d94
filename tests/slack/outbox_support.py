"""A Slack workspace's outbox, sent through the real SlackSender to the fake Web API (tests/slack/test_sender.py,
tests/slack/test_outage.py): rows queued as the command core queues them, a dispatcher driven with `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import count

from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatch import Dispatcher
from bot.slack.sender import SlackSender
from commands.replies import Reply
from storage import outbox
from storage.models import OutboxMessage, Person, Platform, TargetKind, Workspace
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.support import BOT_TOKEN

NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)
_teams = count(1)


class Outbox:
    """A Slack workspace's outbox and a dispatcher that sends it through the real SlackSender."""

    def __init__(self, sessions: sessionmaker[Session], fake: FakeSlackAPI) -> None:
        self.sessions = sessions
        self.fake = fake
        self.start = fake.mark()
        with sessions() as s:
            ws = Workspace(
                platform=Platform.SLACK, external_id=f"TSEND{next(_teams)}", name="", timezone="UTC", created_at=NOW
            )
            s.add(ws)
            s.flush()
            self.admin = f"UPAT{ws.external_id}"  # the workspace's PMO admin, who hears about failures
            s.add(
                Person(
                    workspace_id=ws.id,
                    platform_user_id=self.admin,
                    handle="pat",
                    display_name="Pat Morgan",
                    is_pmo_admin=True,
                    created_at=NOW,
                )
            )
            s.commit()
            self.workspace_id = ws.id
            self.team = ws.external_id
        self.sender = SlackSender(lambda ws: BOT_TOKEN, fake.url)
        self.dispatcher = Dispatcher(
            sessions, {Platform.SLACK: self.sender}, jitter=lambda: 1.0, channel_gap=timedelta(0)
        )

    def channel(self, name: str) -> str:
        return f"C{self.team}{name.upper()}"

    def queue(self, kind: TargetKind, target: str, reply: Reply, key: str, subject: str | None = None) -> int:
        with self.sessions() as s:
            ws = s.get(Workspace, self.workspace_id)
            row = outbox.enqueue(
                s,
                ws,
                target_kind=kind,
                target=target,
                payload=reply.to_json(),
                key=f"{self.team}:{key}",
                now=NOW,
                subject=subject,
            )
            s.commit()
            assert row is not None
            return row.id

    def row(self, row_id: int) -> OutboxMessage:
        with self.sessions() as s:
            row = s.get(OutboxMessage, row_id)
            assert row is not None
            return row

    def posts(self, channel: str, ok: bool | None = None) -> list:  # type: ignore[type-arg]
        return self.fake.calls_to("chat.postMessage", since=self.start, ok=ok, channel=channel)
