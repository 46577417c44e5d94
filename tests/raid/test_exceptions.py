"""Tolerances and management by exception: a forecast past tolerance raises an exception; the PM owes a note
(one tap opens the form); each sponsor hears of it once, in their next nudge inside working hours; it stays
on the card until a lead closes it; every step is in the audit trail."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import passes
from commands.replies import Buttons, Reply
from storage.models import AuditEvent, ExceptionStatus, Person, ProjectException, RiskLevel, Tolerance
from tests.support.chat import Chat, shown

MON_10PM = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)  # Monday 22:00 in Toronto: off-shift
TUE_10AM = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
WED_10AM = datetime(2026, 11, 25, 15, 0, tzinfo=UTC)


def nudge_of(chat: Chat, who: str, at: datetime) -> str | None:
    """The text of `who`'s nudge on the local day of `at` (everyone here is in Toronto), if one was queued."""
    person = chat.scalar(select(Person.id).where(Person.handle == who))
    day = at.astimezone(ZoneInfo("America/Toronto")).date().isoformat()
    found = [o for o in chat.outbox() if o.idempotency_key == f"nudge:{person}:{day}"]
    return shown(Reply.from_json(found[0].payload)) if found else None


def exception(chat: Chat, number: int) -> ProjectException:
    return chat.scalar(select(ProjectException).where(ProjectException.number == number))


def test_tolerances_are_set_by_a_sponsor_or_admin(ehr: Chat) -> None:
    assert "set by a sponsor or a PMO admin" in ehr.refused("sam", "/project tolerance EHR schedule:2w").text
    reply = ehr.ok("dana", "/project tolerance EHR schedule:2w budget:5% risk:high")
    tol = ehr.scalar(select(Tolerance))
    assert (tol.schedule_days, tol.budget_bp, tol.risk_level) == (14, 500, RiskLevel.HIGH)
    assert "schedule 14 days, budget 5%, risk up to high" in reply.text
    ehr.ok("pat", "/project tolerance EHR budget:2.5% risk:none", channel="#pmo")
    tol = ehr.scalar(select(Tolerance))
    assert (tol.schedule_days, tol.budget_bp, tol.risk_level) == (14, 250, None)
    event = ehr.scalar(
        select(AuditEvent).where(AuditEvent.action == "project.tolerance").order_by(AuditEvent.seq.desc())
    )
    assert event.before == {"budget_bp": 500, "risk_level": "high"} and event.after == {
        "budget_bp": 250,
        "risk_level": None,
    }
    ehr.refused("dana", "/project tolerance EHR", usage_key="project tolerance")
    ehr.refused("dana", "/project tolerance EHR schedule:soon", usage_key="project tolerance")
    ehr.refused("dana", "/project tolerance EHR budget:lots", usage_key="project tolerance")
    ehr.refused("dana", "/project tolerance EHR budget:150%", usage_key="project tolerance")
    ehr.refused("dana", "/project tolerance EHR risk:extreme", usage_key="project tolerance")
    ehr.refused("dana", "/project tolerance EHR owner:@kim", usage_key="project tolerance")


def test_a_milestone_slip_past_tolerance_reaches_the_sponsor_once_inside_working_hours(ehr: Chat) -> None:
    ehr.ok("dana", "/project tolerance EHR schedule:2w")
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    assert "Exception" not in shown(ehr.ok("sam", "/milestone M-1 forecast 2027-03-10"))  # 9 days: within
    reply = ehr.ok("sam", "/milestone M-1 forecast 2027-03-22")  # 21 days: beyond 14
    body = shown(reply)
    assert "Exception X-1" in body and "21 days after its baseline" in body and "[Write the exception note]" in body
    button = next(b for blk in reply.blocks if isinstance(blk, Buttons) for b in blk.buttons)
    assert (button.form, button.value) == ("exception.note", "X-1")
    assert "Exception" not in shown(ehr.ok("sam", "/milestone M-1 forecast 2027-03-25"))  # X-1 still open: no second
    assert len(ehr.all(select(ProjectException))) == 1
    assert "X-1" in shown(ehr.ok("sam", "/project EHR")) and "[Write the exception note]" in shown(
        ehr.ok("sam", "/project EHR")
    )

    # Monday night: nobody is nudged.
    ehr.now = MON_10PM
    passes.nudges(ehr.sessions, MON_10PM)
    assert [o for o in ehr.outbox() if o.idempotency_key.startswith("nudge:")] == []

    # Tuesday morning: the PM is asked for the note; each sponsor is told, in their one message of the day.
    ehr.now = TUE_10AM
    report = passes.nudges(ehr.sessions, TUE_10AM)
    sam, dana, maria = (nudge_of(ehr, who, TUE_10AM) for who in ("sam", "dana", "maria"))
    assert sam is not None and "X-1" in sam and "your exception note" in sam and "[Write the exception note]" in sam
    for told in (dana, maria):
        assert told is not None and "X-1" in told and "the PM's note is still to come" in told
        assert "[Close with a decision]" in told
    assert report.escalations == 2
    escalated = ehr.all(select(AuditEvent).where(AuditEvent.action == "exception.escalate").order_by(AuditEvent.seq))
    assert sorted(e.after["told"][0] for e in escalated) == ["dana", "maria"]
    assert {e.after["trigger"] for e in escalated} == {"tolerance breach"}

    # One tap: the PM's form writes the note.
    done = ehr.submit(
        "sam",
        "exception.note",
        {"note": "Vendor build slipped; propose moving go-live to 22 Mar"},
        {"exception": "X-1"},
    )
    assert not done.error, done.text
    assert exception(ehr, 1).note.startswith("Vendor build slipped")
    assert "[Write the exception note]" not in shown(ehr.ok("sam", "/project EHR"))

    # Wednesday: the sponsors are not told again, and the PM owes nothing more.
    ehr.now = WED_10AM
    passes.nudges(ehr.sessions, WED_10AM)
    for who in ("sam", "dana", "maria"):
        assert nudge_of(ehr, who, WED_10AM) is None, who
    assert len(ehr.all(select(AuditEvent).where(AuditEvent.action == "exception.escalate"))) == 2

    # A sponsor closes it with the decision; the card no longer shows it.
    assert "Only EHR's PM, a sponsor or a PMO admin" in ehr.refused("kim", '/project exception X-1 close "ok"').text
    ehr.ok("dana", '/project exception X-1 close "Board approved the re-plan to 22 Mar"')
    x = exception(ehr, 1)
    assert (x.status, x.decision) == (ExceptionStatus.CLOSED, "Board approved the re-plan to 22 Mar")
    assert "⛔ *X-1*" not in shown(ehr.ok("sam", "/project EHR"))
    trail = ehr.all(select(AuditEvent.action).where(AuditEvent.entity == "X-1").order_by(AuditEvent.seq))
    assert trail == ["exception.raise", "exception.escalate", "exception.escalate", "exception.note", "exception.close"]


def test_a_closed_exception_comes_back_only_if_it_slips_further(ehr: Chat) -> None:
    ehr.ok("dana", "/project tolerance EHR schedule:1w")
    ehr.ok("sam", '/milestone "Training done" 2027-01-10')
    ehr.ok("sam", "/milestone M-1 forecast 2027-01-20")
    ehr.ok("dana", '/project exception X-1 close "Accepted"')
    assert "Exception" not in shown(ehr.ok("sam", "/milestone M-1 forecast 2027-01-19"))  # less than decided
    assert "Exception X-2" in shown(ehr.ok("sam", "/milestone M-1 forecast 2027-01-25"))  # further than decided


def test_budget_and_risk_breaches(ehr: Chat) -> None:
    ehr.ok("dana", "/project tolerance EHR budget:5% risk:medium")
    ehr.ok("sam", "/budget approved:1M forecast:1.04M")
    reply = ehr.ok("sam", "/budget forecast:1.08M")
    assert "Exception X-1" in shown(reply) and "+8%" in shown(reply)
    assert exception(ehr, 1).subject == "budget" and exception(ehr, 1).measure == 800
    raised = ehr.ok("kim", '/risk "Pharmacy interface untested" L4 I4')  # 16, high: beyond medium
    assert "Exception X-2" in shown(raised) and exception(ehr, 2).subject == "R-1"
    ehr.ok("kim", '/risk "Minor label issue" L2 I2')
    assert len(ehr.all(select(ProjectException))) == 2


def test_exception_note_and_close_refusals(ehr: Chat) -> None:
    ehr.ok("dana", "/project tolerance EHR schedule:0d")
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    ehr.ok("sam", "/milestone M-1 forecast 2027-03-02")
    assert "EHR's PM's to write" in ehr.refused("dana", '/project exception X-1 "note"').text
    ehr.refused("sam", "/project exception X-1", usage_key="project exception")
    ehr.refused("sam", '/project exception "note"', usage_key="project exception")
    ehr.refused("sam", "/project exception X-1 close", usage_key="project exception")
    assert "no exception X-9" in ehr.refused("sam", '/project exception X-9 "n"').text
    ehr.refused("sam", '/project exception X-1 "Mr. John Smith DOB 1950-02-03 delayed us"')
    ehr.ok("sam", '/project exception X-1 "Rebaseline"')
    ehr.ok("sam", '/project exception X-1 close "Done"')
    assert "is closed" in ehr.refused("sam", '/project exception X-1 "later"').text
    assert "already closed" in ehr.refused("sam", '/project exception X-1 close "x"').text
