"""A digest carries its charts as data (the outbox row), drawn later by the sender: the heat map counts each
open risk in its cell, the RAG trend has each update, and decided gates are counted on time or late."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from commands.charts.specs import GatesOnTime, HeatMap, RagTrend
from commands.replies import Reply
from tests.clock.test_digests import digests, run
from tests.support.chat import Chat


def test_a_portfolio_digest_carries_a_heat_map_a_rag_trend_and_gates_on_time(ehr: Chat) -> None:
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
    heat, trend, gates = reply.charts
    assert isinstance(heat, HeatMap) and heat.total == 4
    assert (heat.counts[4][3], heat.counts[2][3], heat.counts[0][0]) == (1, 2, 1)  # L5×I4, L3×I4 (two), L1×I1
    assert isinstance(trend, RagTrend)
    assert [(k, [p.rag for p in points]) for k, points in trend.projects] == [
        ("EHR", ["green", "amber", "red"]),
        ("TELE", ["green"]),
    ]
    assert isinstance(gates, GatesOnTime) and [(r.label, r.on_time, r.late) for r in gates.rows] == [("EHR", 0, 1)]
