"""Milestones (M-): a baseline that stays, a forecast that moves, slippage = forecast − baseline."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import AuditEvent, Milestone, MilestoneStatus
from tests.support.chat import Chat, shown


def milestone(chat: Chat, number: int) -> Milestone:
    return chat.scalar(select(Milestone).where(Milestone.number == number))


def test_baseline_forecast_and_slippage(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    assert "M-1" in shown(reply) and "baseline Mon 1 Mar 2027" in shown(reply)
    ehr.ok("sam", "/milestone M-1 forecast 2027-03-12")
    ms = milestone(ehr, 1)
    assert (ms.baseline, ms.forecast, ms.slip_days, ms.previous_forecast) == (
        date(2027, 3, 1),
        date(2027, 3, 12),
        11,
        date(2027, 3, 1),
    )
    assert "(+11 days)" in shown(ehr.ok("sam", "/milestone M-1"))
    ehr.ok("sam", "/milestone M-1 forecast 2027-02-26")
    assert milestone(ehr, 1).slip_days == -3
    card = shown(ehr.ok("sam", "/project EHR"))
    assert "*Plan*" in card and "M-1 Go-live" in card.replace("*", "") and "(−3 days)" in card
    event = ehr.scalar(
        select(AuditEvent).where(AuditEvent.action == "milestone.forecast").order_by(AuditEvent.seq.desc())
    )
    assert event.before["forecast"] == "2027-03-12" and event.after["forecast"] == "2027-02-26"


def test_done_records_the_actual_date(ehr: Chat) -> None:
    ehr.ok("sam", '/milestone EHR "Build complete" 2026-11-20')
    ehr.ok("sam", "/milestone M-1 done")
    ms = milestone(ehr, 1)
    assert (ms.status, ms.done_on, ms.slip_days) == (MilestoneStatus.DONE, date(2026, 11, 23), 3)
    assert "already done" in ehr.refused("sam", "/milestone M-1 done").text
    assert "is done" in ehr.refused("sam", "/milestone M-1 forecast 2026-12-01").text
    assert "M-1" not in shown(ehr.ok("sam", "/milestone list")) and "M-1" in shown(ehr.ok("sam", "/milestone list all"))


def test_only_leads_plan(ehr: Chat) -> None:
    assert "Only EHR's PM" in ehr.refused("kim", '/milestone "Go-live" 2027-03-01').text
    ehr.ok("dana", '/milestone "Go-live" 2027-03-01')  # a sponsor
    assert "Only EHR's PM" in ehr.refused("kim", "/milestone M-1 forecast 2027-04-01").text


def test_refusals_give_the_usage(ehr: Chat) -> None:
    ehr.refused("sam", '/milestone "Go-live"', usage_key="milestone")
    ehr.refused("sam", '/milestone "Go-live" someday', usage_key="milestone")
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    ehr.refused("sam", "/milestone M-1 forecast", usage_key="milestone forecast")
    ehr.refused("sam", "/milestone M-1 forecast never", usage_key="milestone forecast")
    ehr.refused("sam", "/milestone M-1 done 2027-01-01", usage_key="milestone forecast")  # done in the future
    ehr.refused("sam", "/milestone M-1 postpone", usage_key="milestone forecast")
    assert "no milestone M-5" in ehr.refused("sam", "/milestone M-5").text
    ehr.refused("sam", '/milestone "Go-live for pt Jane Doe MRN 00123456" 2027-03-01')


def test_bare_milestone_opens_the_form(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/milestone")
    assert reply.form is not None and reply.form.name == "milestone.set"
    done = ehr.submit("sam", "milestone.set", {"project": "EHR", "name": "Go-live", "baseline": "2027-03-01"})
    assert not done.error, done.text
    assert milestone(ehr, 1).baseline == date(2027, 3, 1)
    assert ehr.submit("sam", "milestone.set", {"project": "EHR", "name": "Go-live"}).field == "baseline"
