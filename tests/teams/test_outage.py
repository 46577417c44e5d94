"""Sending to Teams through a slow or failing Bot Connector: what is lost (nothing) and what may be repeated.

Teams keeps no client-chosen key on a message and a bot cannot read a conversation back, so a post whose
answer never came cannot be checked: it is sent again. These tests measure that residual risk against the
fake Bot Connector, driving the dispatcher with `now` (`pytest tests/teams/test_outage.py -s` prints it)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from bot.outbox.dispatch import Dispatcher
from bot.teams.connector import Connector
from bot.teams.directory import Directory
from bot.teams.sender import TeamsSender
from bot.timesource import utcnow
from commands.replies import Reply, Section
from storage import outbox
from storage.db import make_sessions
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind, Workspace
from tests.fakes.bot_connector import Call, FakeBotConnector
from tests.teams.support import BOT_ID, Tenant

MESSAGES = 10


class Digests:
    """`n` digests queued for the team's #ehr channel, sent by a Teams sender with the given timeout."""

    def __init__(self, ehr: Tenant, engine: Engine, n: int, timeout: float) -> None:
        self.ehr, self.channel = ehr, ehr.channel("#ehr")
        self.sessions = make_sessions(engine)
        self.now = datetime.now(UTC)
        self.outage = False
        with self.sessions() as s:
            ws = s.scalars(select(Workspace).where(Workspace.external_id == ehr.id)).one()
            self.rows = []
            for i in range(n):
                reply = Reply.channel(f"Digest {ehr.id[:8]}-{i}", Section(text=f"Project {i}: on track"))
                row = outbox.enqueue(
                    s,
                    ws,
                    target_kind=TargetKind.CHANNEL,
                    target=self.channel,
                    payload=reply.to_json(),
                    key=f"teams-digest:{ehr.id}:{i}",
                    now=self.now,
                )
                assert row is not None
                s.flush()
                self.rows.append(row.id)
            s.commit()
        connector = Connector(None, timeout=timeout)
        sender = TeamsSender(Directory(self.sessions, connector, utcnow), connector, BOT_ID)
        self.dispatcher = Dispatcher(self.sessions, {Platform.TEAMS: sender}, channel_gap=timedelta(0))
        self.connector = connector

    def ours(self, call: Call) -> bool:
        return call.conversation == self.channel and f"Digest {self.ehr.id[:8]}-" in str(call.body.get("summary"))

    def run(self, minutes: int, step: timedelta, down: Callable[[datetime], bool] | None = None) -> None:
        until = self.now + timedelta(minutes=minutes)
        while self.now <= until:
            self.outage = bool(down and down(self.now))
            self.dispatcher.run_once(self.now)
            self.now += step

    def figures(self) -> tuple[int, int]:
        """(duplicates, losses): posts beyond the first of each message; messages never posted or not marked sent."""
        posted = Counter(str(c.body.get("summary")) for c in self.ehr.bf.calls_to("send", since=0) if self.ours(c))
        with self.sessions() as s:
            rows = s.scalars(select(OutboxMessage).where(OutboxMessage.id.in_(self.rows))).all()
            summaries = {r.id: Reply.from_json(r.payload).text for r in rows}
            unsent = {r.id for r in rows if r.status != OutboxStatus.SENT}
        duplicates = sum(n - 1 for n in posted.values())
        lost = sum(1 for row, summary in summaries.items() if posted[summary] == 0 or row in unsent)
        return duplicates, lost


def test_a_connector_that_posts_but_answers_after_the_timeout_repeats_each_message_once(
    ehr: Tenant, bf: FakeBotConnector, engine: Engine
) -> None:
    digests = Digests(ehr, engine, MESSAGES, timeout=0.3)
    bf.late("send", delay=0.8, times=MESSAGES, when=digests.ours)
    try:
        digests.run(minutes=10, step=timedelta(seconds=15))
    finally:
        digests.connector.close()
    duplicates, lost = digests.figures()
    print(f"\nslow Bot Connector, {MESSAGES} messages, answers after the timeout: {duplicates} duplicates, {lost} lost")
    assert (duplicates, lost) == (MESSAGES, 0)  # the residual risk: one repeat per unanswered post, never a loss


def test_an_hour_of_bot_connector_errors_delays_messages_but_each_arrives_once(
    ehr: Tenant, bf: FakeBotConnector, engine: Engine
) -> None:
    digests = Digests(ehr, engine, MESSAGES, timeout=5)
    start = digests.now
    bf.fail("send", status=503, times=10**6, when=lambda c: digests.ours(c) and digests.outage)
    try:
        digests.run(minutes=180, step=timedelta(seconds=30), down=lambda t: t < start + timedelta(hours=1))
    finally:
        digests.connector.close()
        digests.outage = False
    duplicates, lost = digests.figures()
    print(f"\nan hour of 503s from the Bot Connector, {MESSAGES} messages: {duplicates} duplicates, {lost} lost")
    assert (duplicates, lost) == (0, 0)
