"""The outbox dispatcher: sends each row once, honours Retry-After, backs off, gives up loudly, survives a crash."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.outbox.dispatch import GIVE_UP_AFTER, LEASE, Dispatcher
from bot.outbox.sender import SendFailed
from storage import outbox as outbox_rows
from storage.models import OutboxMessage, OutboxStatus, Platform, TargetKind
from tests.support.chat import Chat, shown
from tests.support.recording_sender import RecordingSender


def dispatcher(chat: Chat, sender: RecordingSender, **kw) -> Dispatcher:  # type: ignore[no-untyped-def]
    return Dispatcher(chat.sessions, {Platform.CONSOLE: sender}, jitter=lambda: 1.0, **kw)


def rows(chat: Chat) -> list[OutboxMessage]:
    return chat.all(select(OutboxMessage).order_by(OutboxMessage.id))


def test_gate_cards_are_posted_then_updated_in_place(ehr: Chat) -> None:
    sender = RecordingSender()
    d = dispatcher(ehr, sender)
    ehr.ok("sam", '/gate request "Go-live sign-off" approvers:@dana,@maria')
    stats = d.run_once(ehr.now)
    assert stats.sent == 3 and [p.target for p in sender.posts] == ["#ehr", "dana", "maria"]
    assert all(r.status == OutboxStatus.SENT and r.platform_ts for r in rows(ehr))
    ehr.later(minutes=5)
    ehr.ok("dana", "/gate approve G-1")
    d.run_once(ehr.now)
    assert sorted(ts for _, ts, _ in sender.updates) == sorted(p.ts for p in sender.posts)  # every copy, once
    assert all("✅ Dana Whitfield approved" in shown(r) for _, _, r in sender.updates)
    assert d.run_once(ehr.now).sent == 0  # nothing is sent twice


def test_an_update_waits_for_the_original_to_be_posted(ehr: Chat) -> None:
    sender = RecordingSender(failures=[SendFailed("timeout")])
    d = dispatcher(ehr, sender, channel_gap=timedelta(0))
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    ehr.ok("dana", "/gate approve G-1")  # decided before the card went out
    d.run_once(ehr.now)  # the channel card fails once; its update must not run before it
    assert [channel for channel, _, _ in sender.updates] == ["D-dana"]  # the DM copy was posted: it may be updated
    ehr.later(minutes=1)
    d.run_once(ehr.now)
    d.run_once(ehr.now + timedelta(seconds=5))
    cards = [p for p in sender.posts if "G-1 EHR" in p.reply.text]
    assert len(cards) == 2 and len(sender.updates) == 2  # both copies posted, then both updated
    assert sorted(ts for _, ts, _ in sender.updates) == sorted(p.ts for p in cards)


def test_429_then_success_sends_exactly_one_message(ehr: Chat) -> None:
    sender = RecordingSender(failures=[SendFailed("ratelimited", retry_after=30)])
    d = dispatcher(ehr, sender)
    ehr.ok("kim", "/digest now")
    first = d.run_once(ehr.now)
    [row] = rows(ehr)
    assert first.retried == 1 and row.status == OutboxStatus.PENDING and row.attempts == 0
    assert row.not_before == ehr.now + timedelta(seconds=30)
    assert d.run_once(ehr.now + timedelta(seconds=29)).sent == 0  # Retry-After is honoured
    assert d.run_once(ehr.now + timedelta(seconds=30)).sent == 1
    assert len(sender.posts) == 1 and rows(ehr)[0].status == OutboxStatus.SENT


def test_server_errors_back_off_for_a_day_then_fail_and_admins_are_told_once(ehr: Chat) -> None:
    sender = RecordingSender(failures=[SendFailed("HTTP 500") for _ in range(1000)])
    d = dispatcher(ehr, sender)
    ehr.ok("kim", "/digest now")
    now = ehr.now
    delays = []
    while rows(ehr)[0].status == OutboxStatus.PENDING:
        d.run_once(now)
        row = rows(ehr)[0]
        delays.append((row.not_before - now).total_seconds())
        now = row.not_before
    row = rows(ehr)[0]
    assert row.status == OutboxStatus.FAILED and row.last_error == "HTTP 500"
    assert delays[:8] == [30, 60, 120, 240, 480, 960, 1920, 3600]  # exponential, capped (jitter fixed at 1.0)
    assert set(delays[8:-2]) == {3600} and delays[-2:] == [3390, 0]  # cut short to try at the day's end; then given up
    assert row.attempts == len(delays) == 31
    assert now - ehr.now == GIVE_UP_AFTER and row.failing_since == ehr.now  # the last try is at the day's end
    alerts = [r for r in rows(ehr) if r.idempotency_key.startswith("alert:outbox:")]
    assert [a.target for a in alerts] == ["pat"]  # the workspace's PMO admin

    ehr.ok("kim", "/digest now EHR")  # more failures in the same episode: nobody is told again
    sender.failures = [SendFailed("channel_not_found", permanent=True)]
    d.run_once(now + timedelta(minutes=1))
    assert len([r for r in rows(ehr) if r.idempotency_key.startswith("alert:outbox:")]) == 1

    with ehr.sessions() as s:  # an operator queues them again (`outbox retry`): a new failure is a new episode
        assert outbox_rows.requeue_failed(s, [], now + timedelta(hours=1)) == 2
        s.commit()
    sender.failures = [SendFailed("channel_not_found", permanent=True), SendFailed("not_in_channel", permanent=True)]
    d.run_once(now + timedelta(hours=1))
    assert len([r for r in rows(ehr) if r.idempotency_key.startswith("alert:outbox:")]) == 2


def test_a_failure_that_may_have_posted_is_marked_for_a_check(ehr: Chat) -> None:
    sender = RecordingSender(failures=[SendFailed("network: TimeoutError", uncertain=True)])
    d = dispatcher(ehr, sender)
    ehr.ok("kim", "/digest now")
    d.run_once(ehr.now)
    [row] = rows(ehr)
    assert row.uncertain_since == ehr.now and row.failing_since == ehr.now and row.attempts == 1
    assert d.run_once(row.not_before).sent == 1  # the console cannot look: sent again (at most one duplicate)
    [row] = rows(ehr)
    assert row.status == OutboxStatus.SENT and row.failing_since is None


def test_a_permanent_error_fails_at_once(ehr: Chat) -> None:
    sender = RecordingSender(failures=[SendFailed("not_in_channel", permanent=True)])
    d = dispatcher(ehr, sender)
    ehr.ok("kim", "/digest now")
    d.run_once(ehr.now)
    assert rows(ehr)[0].status == OutboxStatus.FAILED and rows(ehr)[0].attempts == 1


def test_about_one_message_per_second_per_channel(ehr: Chat) -> None:
    sender = RecordingSender()
    d = dispatcher(ehr, sender)
    ehr.ok("kim", "/digest now")
    ehr.ok("kim", "/digest now EHR")
    assert d.run_once(ehr.now).sent == 1
    assert d.run_once(ehr.now + timedelta(milliseconds=500)).sent == 0
    assert d.run_once(ehr.now + timedelta(seconds=1)).sent == 1


def test_uninstalled_workspaces_are_not_posted_to(ehr: Chat) -> None:
    from sqlalchemy import update

    from storage.models import Workspace

    ehr.ok("kim", "/digest now")
    with ehr.sessions() as s:
        s.execute(update(Workspace).values(uninstalled_at=ehr.now))
        s.commit()
    sender = RecordingSender()
    dispatcher(ehr, sender).run_once(ehr.now)
    assert sender.posts == [] and rows(ehr)[0].status == OutboxStatus.FAILED


class Crash(BaseException):
    """The process dies (kill -9): nothing after this point runs."""


def test_a_crash_between_send_and_commit_resends_once_after_the_lease(
    ehr: Chat, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Documented behaviour: the platform accepted the message, the dispatcher died before marking the row
    sent. The row stays claimed until its lease runs out, then is sent again: exactly one duplicate."""
    sender = RecordingSender()
    ehr.ok("kim", "/digest now")
    crashing = dispatcher(ehr, sender)
    original_post = sender.post

    def post_then_die(*args, **kwargs):  # type: ignore[no-untyped-def]
        original_post(*args, **kwargs)
        raise Crash()

    monkeypatch.setattr(sender, "post", post_then_die)
    with pytest.raises(Crash):
        crashing.run_once(ehr.now)
    monkeypatch.setattr(sender, "post", original_post)
    [row] = rows(ehr)
    assert row.status == OutboxStatus.PENDING and row.claimed_until == ehr.now + LEASE
    restarted = dispatcher(ehr, sender)
    assert restarted.run_once(ehr.now + timedelta(seconds=10)).sent == 0  # still leased: not resent yet
    assert restarted.run_once(ehr.now + LEASE + timedelta(seconds=1)).sent == 1
    assert len(sender.posts) == 2 and rows(ehr)[0].status == OutboxStatus.SENT  # one duplicate, then settled
    assert restarted.run_once(ehr.now + LEASE * 3).sent == 0


def test_a_long_pass_holds_a_full_lease_on_every_row_it_sends(ehr: Chat) -> None:
    """A pass that spends minutes on a slow platform: each row's lease runs from when that row was claimed,
    not from when the pass began, so another dispatcher (a web process's kick) cannot take the row that is
    being sent at that moment and send it a second time."""
    elapsed = [0.0]  # seconds since the pass began, as the dispatcher's monotonic clock reads them
    slow = RecordingSender()
    kicked = RecordingSender()
    others: list[int] = []
    original_post = slow.post

    def slow_post(*args, **kwargs):  # type: ignore[no-untyped-def]
        if len(slow.posts) == 1:  # the second row: meanwhile a web process kicks a pass of its own
            at = ehr.now + timedelta(seconds=elapsed[0] + 10)
            others.append(dispatcher(ehr, kicked, channel_gap=timedelta(0)).run_once(at).sent)
        delivery = original_post(*args, **kwargs)
        elapsed[0] += 150  # each send takes longer than a lease
        return delivery

    slow.post = slow_post  # type: ignore[method-assign]
    ehr.ok("sam", '/action @kim "Book the room" due:fri')
    ehr.ok("sam", '/action @alex "Print the badges" due:fri')
    stats = dispatcher(ehr, slow, channel_gap=timedelta(0), monotonic=lambda: elapsed[0]).run_once(ehr.now)
    assert stats.sent == 2 and others == [0] and kicked.posts == []
    assert [p.target for p in slow.posts] == ["kim", "alex"]


def test_dms_and_the_targets_kind(ehr: Chat) -> None:
    sender = RecordingSender()
    ehr.ok("sam", '/action @kim "Book the room" due:fri')
    dispatcher(ehr, sender).run_once(ehr.now)
    [post] = sender.posts
    assert (post.kind, post.target) == (TargetKind.USER, "kim")
    assert rows(ehr)[0].platform_channel == "D-kim"
