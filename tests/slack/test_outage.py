"""Sending survives a slow or failing Slack, without duplicates or loss, measured against the fake Web API.

Each scenario queues a portfolio's digests (one per project channel), makes Slack slow or broken, and drives
the dispatcher the way the clock does, with `now` moving on (nothing sleeps for a schedule). What Slack
posted is counted by the outbox key each message carries in its metadata: a duplicate is a second post of a
key, a loss a row never posted. The figures are printed (`pytest tests/slack/test_outage.py -s`)."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from bot.outbox.dispatch import GIVE_UP_AFTER, LEASE, Dispatcher
from bot.slack.sender import SlackSender, marker
from commands.replies import Reply, Section
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind
from tests.slack.outbox_support import NOW, Outbox
from tests.slack.support import BOT_TOKEN
from tests.support.cli import run_bot

DIGESTS = 60


class Portfolio:
    """`n` project channels of one workspace, each with a digest queued, and Slack's view of what was posted."""

    def __init__(self, box: Outbox, n: int, *, timeout: float | None = None, outside: bool = False) -> None:
        self.box = box
        self.channels = [box.channel(f"proj{i}") for i in range(n)]
        if outside:  # public channels Rounds posts to (chat:write.public) without being a member
            box.fake.outside.update(self.channels)
        if timeout is not None:
            box.sender = SlackSender(lambda ws: BOT_TOKEN, box.fake.url, timeout=timeout)
        box.dispatcher = Dispatcher(
            box.sessions,
            {Platform.SLACK: box.sender},
            jitter=_jitter(),
            channel_gap=timedelta(0),
        )
        self.keys: dict[int, str] = {}
        for i, channel in enumerate(self.channels):
            digest = Reply.channel(f"PRJ{i} digest", Section(text=f"*PRJ{i}* 🟢 on track"))
            row = box.queue(TargetKind.CHANNEL, channel, digest, f"digest:{i}")
            self.keys[row] = f"{box.team}:digest:{i}"
        self.now = NOW
        self.outage = False
        box.fake.clock = self.slack_time

    def slack_time(self) -> float:
        return self.now.timestamp()  # Slack's clock follows the test's

    def ours(self, params: dict) -> bool:  # type: ignore[type-arg]
        return params.get("channel") in self.channels

    def run(self, until: datetime, step: timedelta, down: Callable[[datetime], bool] | None = None) -> None:
        """Passes every `step` until `until`, as the clock would run them; `down(now)`: Slack answers 503."""
        while self.now <= until:
            self.outage = bool(down and down(self.now))
            self.box.dispatcher.run_once(self.now)
            self.now += step

    def posted(self) -> Counter[str]:
        """How many times Slack posted each row's message (late answers included: Slack did post them)."""
        by_marker = {marker(key): row for row, key in self.keys.items()}
        counted: Counter[str] = Counter()
        for call in self.box.fake.calls_to("chat.postMessage", since=self.box.start, ok=True):
            row = by_marker.get(((call.get("metadata") or {}).get("event_payload") or {}).get("key"))
            if row is not None:
                counted[str(row)] += 1
        return counted

    def figures(self) -> tuple[int, int]:
        """(duplicates, losses): posts beyond the first of each row; rows never posted or not marked sent."""
        posted = self.posted()
        statuses = {row: self.box.row(row).status for row in self.keys}
        duplicates = sum(n - 1 for n in posted.values() if n > 1)
        lost = sum(1 for row in self.keys if posted[str(row)] == 0 or statuses[row] != OutboxStatus.SENT)
        return duplicates, lost

    def alerts(self) -> list[OutboxMessage]:
        with self.box.sessions() as s:
            return list(
                s.scalars(
                    select(OutboxMessage).where(
                        OutboxMessage.workspace_id == self.box.workspace_id,
                        OutboxMessage.idempotency_key.startswith("alert:"),
                    )
                )
            )


def _jitter() -> Callable[[], float]:
    rng = random.Random(8)  # the real spread (0.5–1.5), repeatable
    return lambda: rng.uniform(0.5, 1.5)


def test_a_slack_that_posts_but_answers_after_the_timeout_gets_each_digest_once(box: Outbox) -> None:
    """60 digests; Slack posts each at once and answers after the client has stopped waiting. Every send
    times out, yet each digest is posted once: the next attempt finds it by its key and records it."""
    portfolio = Portfolio(box, DIGESTS, timeout=0.2)
    box.fake.late("chat.postMessage", delay=0.5, times=DIGESTS, when=portfolio.ours)
    portfolio.run(until=NOW + timedelta(minutes=10), step=timedelta(seconds=15))
    duplicates, lost = portfolio.figures()
    print(f"\nslow Slack, {DIGESTS} digests, every answer after the timeout: {duplicates} duplicates, {lost} lost")
    assert (duplicates, lost) == (0, 0)
    rows = [box.row(r) for r in portfolio.keys]
    assert all(r.uncertain_since is not None and r.platform_ts for r in rows)  # each one was in doubt, then found
    assert sum(portfolio.posted().values()) == DIGESTS


def test_where_slack_will_not_show_the_history_a_doubtful_send_is_repeated_once(box: Outbox) -> None:
    """Public channels Rounds posts to without being a member: Slack refuses their history (not_in_channel), so
    a send whose answer never came is sent again — one duplicate per timed-out send, never a loss."""
    portfolio = Portfolio(box, 10, timeout=0.2, outside=True)
    box.fake.late("chat.postMessage", delay=0.5, times=10, when=portfolio.ours)
    portfolio.run(until=NOW + timedelta(minutes=10), step=timedelta(seconds=15))
    duplicates, lost = portfolio.figures()
    print(f"\nslow Slack, 10 digests to channels Rounds is not in, answers late: {duplicates} duplicates, {lost} lost")
    assert (duplicates, lost) == (10, 0)
    assert set(portfolio.posted().values()) == {2}  # exactly one duplicate each, never more


@pytest.mark.parametrize("outage", [timedelta(minutes=1), timedelta(hours=1)], ids=["one-minute", "one-hour"])
def test_an_outage_delays_digests_but_every_one_arrives_once(box: Outbox, outage: timedelta) -> None:
    portfolio = Portfolio(box, DIGESTS)
    box.fake.fail("chat.postMessage", status=503, times=10**6, when=lambda p: portfolio.ours(p) and portfolio.outage)
    box.fake.fail(
        "conversations.history", status=503, times=10**6, when=lambda p: portfolio.ours(p) and portfolio.outage
    )
    portfolio.run(until=NOW + outage + timedelta(hours=2), step=timedelta(seconds=30), down=lambda t: t < NOW + outage)
    duplicates, lost = portfolio.figures()
    failed = [r for r in portfolio.keys if box.row(r).status == OutboxStatus.FAILED]
    last = max(box.row(r).sent_at or NOW for r in portfolio.keys)
    print(
        f"\n{outage} of 503s, {DIGESTS} digests: {len(portfolio.posted())} delivered, {len(failed)} failed, "
        f"{duplicates} duplicates, {lost} lost; the last {last - (NOW + outage)} after Slack came back"
    )
    assert (duplicates, lost, failed) == (0, 0, [])
    assert portfolio.alerts() == []  # nothing failed, nobody is alarmed
    assert last - (NOW + outage) <= timedelta(hours=1, minutes=31)  # retries at most 1 h (× jitter) apart


def test_an_outage_longer_than_a_day_fails_the_rows_tells_the_admins_once_and_retry_sends_them(
    box: Outbox, engine: Engine
) -> None:
    portfolio = Portfolio(box, 10)
    dm = f"D{box.admin[1:]}"
    box.fake.fail(
        "chat.postMessage",
        status=503,
        times=10**6,
        when=lambda p: (portfolio.ours(p) or p.get("channel") == box.admin) and portfolio.outage,
    )
    box.fake.fail("conversations.history", status=503, times=10**6, when=lambda p: portfolio.outage)
    back = NOW + GIVE_UP_AFTER + timedelta(hours=2)
    portfolio.run(until=back + timedelta(hours=3), step=timedelta(minutes=5), down=lambda t: t < back)

    rows = [box.row(r) for r in portfolio.keys]
    assert all(r.status == OutboxStatus.FAILED for r in rows)
    assert all(r.failing_since and r.attempts >= 20 for r in rows)  # tried all day, at most an hour apart
    assert all(NOW + GIVE_UP_AFTER <= r.not_before <= NOW + GIVE_UP_AFTER + timedelta(minutes=30) for r in rows)
    (alert,) = portfolio.alerts()  # one for the whole episode, not one per row, not one per day
    assert alert.target == box.admin and alert.status == OutboxStatus.SENT  # delivered once Slack came back
    (told,) = box.fake.calls_to("chat.postMessage", since=box.start, ok=True, channel=box.admin)
    assert "could not deliver" in told["text"] and dm == told.answer["channel"]
    assert portfolio.posted() == Counter()

    url = engine.url.render_as_string(hide_password=False)
    listed = run_bot("outbox", "failed", env={"DATABASE_URL": url})
    assert listed.returncode == 0 and listed.stderr.strip() == "10 failed"
    assert {int(line.split("\t")[0]) for line in listed.stdout.splitlines()} == set(portfolio.keys)
    assert all("http 503" in line for line in listed.stdout.splitlines())
    again = run_bot("outbox", "retry", env={"DATABASE_URL": url})
    assert again.returncode == 0 and again.stdout.strip() == "10 messages queued again"

    now = datetime.now(UTC)  # `outbox retry` queued them as of the real time
    box.fake.clock = now.timestamp
    assert box.dispatcher.run_once(now + timedelta(seconds=1)).sent == 10
    assert portfolio.figures() == (0, 0)
    assert len(portfolio.alerts()) == 1


class Crash(BaseException):
    """The process dies (kill -9): nothing after this point runs."""


def test_a_dispatcher_that_dies_after_slack_posted_does_not_post_it_twice(
    box: Outbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lease runs out on a row whose sender died mid-send: the next dispatcher looks for it by its key."""
    row = box.queue(TargetKind.CHANNEL, box.channel("ehr"), Reply.channel("EHR digest", Section(text="🟢")), "digest")
    box.fake.clock = NOW.timestamp
    post = box.sender.post_keyed

    def post_then_die(*args, **kwargs):  # type: ignore[no-untyped-def]
        post(*args, **kwargs)
        raise Crash()

    monkeypatch.setattr(box.sender, "post_keyed", post_then_die)
    with pytest.raises(Crash):
        box.dispatcher.run_once(NOW)
    monkeypatch.undo()
    restarted = Dispatcher(box.sessions, {Platform.SLACK: box.sender}, jitter=lambda: 1.0)
    assert restarted.run_once(NOW + LEASE - timedelta(seconds=1)).sent == 0  # still leased
    assert restarted.run_once(NOW + LEASE + timedelta(seconds=1)).sent == 1  # found, not posted again
    assert len(box.posts(box.channel("ehr"), ok=True)) == 1
    settled = box.row(row)
    assert settled.status == OutboxStatus.SENT and settled.uncertain_since == NOW and settled.platform_ts
