"""Scheduled digests: due by RRULE in local time (DST-correct), one catch-up after downtime, content."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import passes
from commands.replies import Reply, Table
from storage.models import DigestSubscription, OutboxMessage, TargetKind
from tests.support.chat import Chat, shown


def digests(chat: Chat) -> list[OutboxMessage]:
    return [
        o
        for o in chat.outbox()
        if o.idempotency_key.startswith("digest:") and not o.idempotency_key.startswith("digest:now")
    ]


def run(chat: Chat, at: datetime) -> int:
    chat.now = at
    return passes.digests(chat.sessions, at).queued


def test_monday_0800_toronto_stays_0800_local_across_the_november_change(ehr: Chat) -> None:
    ehr.now = datetime(2026, 10, 20, 14, 0, tzinfo=UTC)  # a Tuesday in October (EDT, UTC-4)
    ehr.ok("sam", "/digest subscribe mon 08:00 America/Toronto")
    assert run(ehr, datetime(2026, 10, 26, 11, 59, tzinfo=UTC)) == 0  # Mon 07:59 EDT
    assert run(ehr, datetime(2026, 10, 26, 12, 0, tzinfo=UTC)) == 1  # Mon 08:00 EDT = 12:00 UTC
    assert run(ehr, datetime(2026, 10, 26, 12, 1, tzinfo=UTC)) == 0  # sent once
    # Clocks go back on Sunday 1 November 2026; Monday 2 November 08:00 EST is 13:00 UTC.
    assert run(ehr, datetime(2026, 11, 2, 12, 0, tzinfo=UTC)) == 0  # 07:00 EST: not yet
    assert run(ehr, datetime(2026, 11, 2, 13, 0, tzinfo=UTC)) == 1
    keys = [o.idempotency_key.split(":", 2)[2] for o in digests(ehr)]
    assert keys == ["2026-10-26T12:00:00+00:00", "2026-11-02T13:00:00+00:00"]


def test_spring_forward_keeps_local_time(ehr: Chat) -> None:
    ehr.now = datetime(2027, 3, 1, 15, 0, tzinfo=UTC)
    ehr.ok("sam", "/digest subscribe mon 08:00 America/Toronto")
    assert run(ehr, datetime(2027, 3, 8, 13, 0, tzinfo=UTC)) == 1  # 08:00 EST
    assert run(ehr, datetime(2027, 3, 15, 11, 59, tzinfo=UTC)) == 0  # 7:59 EDT (clocks went forward 14 March)
    assert run(ehr, datetime(2027, 3, 15, 12, 0, tzinfo=UTC)) == 1


def test_a_clock_down_for_three_days_sends_one_catch_up(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe every-day 08:00 America/Toronto")
    assert run(ehr, datetime(2026, 11, 24, 13, 0, tzinfo=UTC)) == 1  # Tue 08:00 EST
    # down from Tuesday afternoon until Friday noon: Wed, Thu and Fri 08:00 were missed
    assert run(ehr, datetime(2026, 11, 27, 17, 0, tzinfo=UTC)) == 1
    assert run(ehr, datetime(2026, 11, 27, 17, 1, tzinfo=UTC)) == 0
    last = digests(ehr)[-1]
    assert last.idempotency_key.endswith("2026-11-27T13:00:00+00:00")  # the latest occurrence only
    assert len(digests(ehr)) == 2


def test_a_digest_in_another_zone_starts_from_that_zones_today(ehr: Chat) -> None:
    """Sam, in Auckland where it is already Tuesday, subscribes #ehr to a Monday 17:00 Toronto digest at 10:00
    on Monday in Toronto: the first one goes out this evening in Toronto, not a week later."""
    reply = ehr.rounds.run(
        ehr.context("sam", tz="Pacific/Auckland"), "/digest", "subscribe EHR mon 17:00 America/Toronto"
    )
    assert not reply.error, reply.text
    assert "First one Tue 24 Nov" in shown(reply)  # Monday 17:00 in Toronto is Tuesday morning in Auckland
    assert run(ehr, datetime(2026, 11, 23, 22, 0, tzinfo=UTC)) == 1  # Mon 17:00 EST


def test_subscribing_after_todays_time_does_not_send_a_stale_digest(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe mon 08:00")  # created Monday 10:00 Toronto
    assert run(ehr, ehr.now + timedelta(minutes=1)) == 0


def test_unsubscribed_archived_and_uninstalled_send_nothing(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    ehr.ok("sam", "/digest unsubscribe 1")
    assert run(ehr, datetime(2026, 11, 24, 13, 0, tzinfo=UTC)) == 0
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    ehr.ok("sam", "/project archive EHR")
    run(ehr, datetime(2026, 11, 25, 13, 0, tzinfo=UTC))
    assert digests(ehr) == []
    sub = ehr.scalar(select(DigestSubscription).where(DigestSubscription.number == 2))
    assert sub.last_occurrence == datetime(2026, 11, 25, 13, 0, tzinfo=UTC)  # consumed, not piled up


def test_project_digest_content(ehr: Chat) -> None:
    ehr.now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/status green "Build on track"')
    ehr.ok("sam", "/digest subscribe mon,thu 08:00")
    ehr.ok("kim", '/risk "Night shift super-users too few" L3 I4')
    ehr.ok("sam", '/risk "Interface may drop orders" L3 I3')
    ehr.ok("sam", '/action @alex "Retest interface" due:tomorrow')
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana')
    run(ehr, datetime(2026, 11, 5, 13, 0, tzinfo=UTC))  # Thursday: the first digest
    assert "changes in the last 7 days" in shown(Reply.from_json(digests(ehr)[-1].payload))
    ehr.now = datetime(2026, 11, 6, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/status red "Interface vendor missed the drop" schedule:red')
    ehr.ok("sam", "/risk R-2 update likelihood:5 impact:4")
    ehr.ok("sam", '/risk R-1 close "Hired two super-users"')
    ehr.ok("kim", '/risk "Badge readers late" L2 I2')
    ehr.ok("dana", '/gate approve G-1 waive:"Security review booked"')
    run(ehr, datetime(2026, 11, 9, 13, 0, tzinfo=UTC))  # Monday
    text = shown(Reply.from_json(digests(ehr)[-1].payload))
    assert text.splitlines()[0] == "EHR digest"
    assert (
        "Needs attention" in text
        and "EHR 🍉 overall went from green straight to red" in text
        and "critical risk on EHR" in text
    )
    assert "🔴 Red · *EHR* EHR Upgrade  🟢🔴 ↘ worse" in text and "🍉 Overall went from green straight to red." in text
    assert "R-2 Interface may drop orders — L5 × I4 = 20 · _↑ from 9_" in text
    assert "R-1 Night shift super-users too few — L3 × I4 = 12 · _closed_" in text
    assert "R-3 Badge readers late — L2 × I2 = 4 · _new_" in text
    assert "✅ G-1 Build complete approved" in text
    assert "📌 Overdue actions — Alex Moreau: A-1" in text
    assert "changes since the last digest" in text


def test_stale_status_and_overdue_reviews_in_the_digest(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "ok"')
    ehr.ok("sam", '/risk "Vendor" L4 I5')  # critical: review within 7 days
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    run(ehr, ehr.now + timedelta(days=9))
    text = shown(Reply.from_json(digests(ehr)[-1].payload))
    assert "Status is stale" in text and "EHR status stale" in text
    assert "🟢 Green · stale 9 days · *EHR* EHR Upgrade" in text  # a stale project never reads plainly green
    assert "Reviews overdue: R-1 Sam Rivera, *2 days overdue*" in text


def test_portfolio_digest_table_and_kpis(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    ehr.ok("sam", '/status EHR green "fine"')
    ehr.ok("sam", '/status TELE amber "bandwidth"')
    ehr.ok("pat", "/digest subscribe portfolio every-day 08:00", channel="#pmo")
    ehr.ok("sam", '/gate request EHR "Build sign-off" approvers:@dana due:+3d')
    run(ehr, datetime(2026, 11, 24, 13, 0, tzinfo=UTC))
    ehr.now = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    ehr.ok("dana", "/gate approve G-1")
    ehr.ok("sam", '/status TELE red "vendor out"')
    run(ehr, datetime(2026, 11, 25, 13, 0, tzinfo=UTC))
    [*_, last] = digests(ehr)
    assert last.target == "#pmo" and last.target_kind == TargetKind.CHANNEL
    text = shown(Reply.from_json(last.payload))
    assert "Portfolio digest" in text and "Needs attention*: TELE" in text
    table = next(b for b in Reply.from_json(last.payload).blocks if isinstance(b, Table))
    assert table.rows == (  # red first; zeros left blank
        ("TELE", "🔴 Red · ↘ worse · was Amber", ""),
        ("EHR", "🟢 Green", ""),
    )
    assert "Green and up to date: 50% (1/2)" in text and "Gates decided on time (90 days): 1/1" in text


def test_a_channel_digest_covers_every_linked_project(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    ehr.ok("sam", "/project link TELE")
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    run(ehr, datetime(2026, 11, 24, 13, 0, tzinfo=UTC))
    text = shown(Reply.from_json(digests(ehr)[-1].payload))
    assert "*EHR* EHR Upgrade" in text and "*TELE* Telehealth" in text
