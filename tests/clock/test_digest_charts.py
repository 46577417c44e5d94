"""A digest carries its charts as data (the outbox row), drawn later by the sender: the heat map counts each
open risk in its cell, the RAG trend has each update, the burn-down counts open risks by level week by week,
and decided gates are counted on time or late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.charts.specs import Burndown, GatesOnTime, HeatMap, RagTrend
from commands.replies import Reply
from tests.clock.test_digests import digests, run
from tests.support.chat import Chat, shown


def test_a_portfolio_digest_carries_a_heat_map_a_rag_trend_a_burn_down_and_gates_on_time(ehr: Chat) -> None:
    ehr.now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    ehr.ok("pat", "/digest subscribe portfolio every-day 08:00", channel="#pmo")
    for day, rag in enumerate(["green", "amber", "red"]):
        ehr.now = datetime(2026, 11, 2 + day, 15, 0, tzinfo=UTC)
        ehr.ok("sam", f'/status EHR {rag} "week {day}"')
    ehr.ok("sam", '/status TELE green "fine"')
    ehr.ok("sam", '/risk EHR "Interface may drop orders" L5 I4')
    ehr.ok("sam", '/risk EHR "Night shift super-users too few" L3 I4')
    ehr.ok("sam", '/risk TELE "Bandwidth at rural sites" L3 I4')
    ehr.ok("sam", '/risk TELE "Old risk" L1 I1')
    ehr.ok("sam", '/gate request EHR "Build complete" approvers:@dana due:+1d')
    run(ehr, datetime(2026, 11, 5, 13, 0, tzinfo=UTC))
    ehr.now = datetime(2026, 11, 7, 15, 0, tzinfo=UTC)  # two days after its due date: late
    ehr.ok("dana", '/gate approve G-1 waive:"Checked at the build review"')
    run(ehr, ehr.now + timedelta(days=1))

    reply = Reply.from_json(digests(ehr)[-1].payload)
    heat, trend, burn, gates = reply.charts
    assert isinstance(heat, HeatMap) and heat.total == 4
    assert (heat.counts[4][3], heat.counts[2][3], heat.counts[0][0]) == (1, 2, 1)  # L5×I4, L3×I4 (two), L1×I1
    assert isinstance(trend, RagTrend)
    assert [(k, [p.rag for p in points]) for k, points in trend.projects] == [
        ("EHR", ["green", "amber", "red"]),
        ("TELE", ["green"]),
    ]
    assert isinstance(burn, Burndown) and len(burn.points) == 9  # eight weeks back to today
    now = burn.points[-1]
    assert (now.day.isoformat(), now.critical, now.high, now.medium, now.low) == ("2026-11-08", 1, 2, 0, 1)
    assert isinstance(gates, GatesOnTime) and [(r.label, r.on_time, r.late) for r in gates.rows] == [("EHR", 0, 1)]


def test_a_digest_burns_down_open_risks_by_level_week_by_week(ehr: Chat) -> None:
    """Eight weeks of a register: a critical risk rescored down to medium, a high one closed, a low one added."""
    ehr.now = datetime(2026, 10, 12, 15, 0, tzinfo=UTC)  # a Monday
    ehr.ok("sam", "/digest subscribe mon 08:00 America/Toronto")
    ehr.ok("alex", '/risk "Interface may drop orders" L5 I4')  # critical
    ehr.ok("kim", '/risk "Scanner shortage on 4 West" L3 I4')  # high
    ehr.now += timedelta(weeks=1)
    ehr.ok("kim", '/risk "Training room double-booked" L2 I2')  # low
    ehr.now = datetime(2026, 11, 2, 15, 0, tzinfo=UTC)
    ehr.ok("alex", "/risk R-1 update likelihood:2")  # L2 × I4 = 8: medium from today
    ehr.now = datetime(2026, 11, 16, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/risk R-2 close "Scanners delivered"')
    run(ehr, datetime(2026, 11, 30, 13, 0, tzinfo=UTC))  # a digest in between
    run(ehr, datetime(2026, 12, 7, 13, 0, tzinfo=UTC))  # Mon 7 Dec, 08:00 in Toronto

    reply = Reply.from_json(digests(ehr)[-1].payload)
    (burn,) = [c for c in reply.charts if isinstance(c, Burndown)]
    weeks = [(f"{p.day:%d %b}", p.critical, p.high, p.medium, p.low) for p in burn.points]
    assert weeks == [
        ("12 Oct", 1, 1, 0, 0),
        ("19 Oct", 1, 1, 0, 1),
        ("26 Oct", 1, 1, 0, 1),
        ("02 Nov", 0, 1, 1, 1),  # rescored that day
        ("09 Nov", 0, 1, 1, 1),
        ("16 Nov", 0, 0, 1, 1),  # closed that day
        ("23 Nov", 0, 0, 1, 1),
        ("30 Nov", 0, 0, 1, 1),
        ("07 Dec", 0, 0, 1, 1),
    ]
    # the digest still says only what changed since the last one: R-2 closed three weeks ago is not news
    assert "Scanner shortage" not in shown(reply)
