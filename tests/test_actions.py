"""Actions: assign with a due date, tell the owner, list, and close them out."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Action, ActionStatus, TargetKind
from tests.support.chat import Chat, shown


def action(chat: Chat, number: int) -> Action:
    return chat.scalar(select(Action).where(Action.number == number))


def test_assigning_tells_the_owner_by_dm(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/action @kim "Book the downtime drill room" due:fri')
    assert reply.visibility == "channel" and "A-1 assigned to Kim Nguyen" in reply.text
    a = action(ehr, 1)
    assert (a.owner.handle, a.due, a.status) == ("kim", date(2026, 11, 27), ActionStatus.OPEN)
    dm = [o for o in ehr.outbox() if o.target_kind == TargetKind.USER]
    assert [(o.target, o.idempotency_key) for o in dm] == [("kim", f"assign:action:{a.id}")]
    assert "[Done]" in shown(__import__("commands.replies", fromlist=["Reply"]).Reply.from_json(dm[0].payload))


def test_assigning_yourself_sends_no_dm(ehr: Chat) -> None:
    ehr.ok("kim", '/action EHR @kim "Update the training tracker" due:+2w')
    assert ehr.outbox() == []


def test_links_to_risks_and_gates_of_the_same_project(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor late"')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    ehr.ok("sam", '/action @alex "Chase vendor" due:tomorrow risk:R-1')
    ehr.ok("sam", '/action @alex "Collect sign-offs" due:"in 3 days" gate:G-1')
    assert action(ehr, 1).risk_id is not None and action(ehr, 2).gate_id is not None
    assert action(ehr, 2).due == date(2026, 11, 26)
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    assert (
        "belongs to EHR, not TELE"
        in ehr.refused("sam", '/action TELE @alex "x" due:fri risk:R-1', usage_key="action").text
    )


def test_action_errors(ehr: Chat) -> None:
    ehr.refused("sam", '/action "No owner" due:fri', usage_key="action")
    ehr.refused("sam", "/action @kim due:fri", usage_key="action")
    ehr.refused("sam", '/action @kim "No due date"', usage_key="action")
    ehr.refused("sam", '/action @kim "Past" due:2026-01-01', usage_key="action")
    ehr.refused("sam", '/action @kim "Bad date" due:someday', usage_key="action")
    ehr.refused("sam", '/action @kim "Bad link" due:fri risk:G-1', usage_key="action")
    assert "no risk R-9" in ehr.refused("sam", '/action @kim "Missing" due:fri risk:R-9').text
    assert "Only people on EHR" in ehr.refused("zed", '/action @kim "x" due:fri').text
    ehr.refused("sam", "/action A-1 paused", usage_key="action set")
    ehr.refused("sam", "/action list sideways", usage_key="action list")


def test_a_due_date_centuries_away_is_refused(ehr: Chat) -> None:
    """9999-12-31 would be stored, then break every view that counts from the day after it (the Home tab)."""
    assert (
        "too far" in ehr.refused("sam", '/action @kim "Archive the old PACS" due:9999-12-31', usage_key="action").text
    )
    ehr.ok("sam", '/action @kim "Archive the old PACS" due:2036-12-31')
    assert not ehr.rounds.home(ehr.context("kim")).error


def test_bare_action_opens_the_form(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/action")
    assert reply.form is not None and reply.form.name == "action.create"


def test_done_blocked_cancel_and_who_may(ehr: Chat) -> None:
    ehr.ok("sam", '/action @kim "Drill" due:fri')
    ehr.ok("sam", '/action @kim "Room" due:fri')
    ehr.ok("sam", '/action @kim "Badges" due:fri')
    assert "A-1 is Kim Nguyen's: only they" in ehr.refused("alex", "/action A-1 done").text
    ehr.ok("kim", "/action A-1 done")
    assert action(ehr, 1).status == ActionStatus.DONE and action(ehr, 1).closed_at == ehr.now
    assert "already done" in ehr.refused("kim", "/action A-1 done").text
    ehr.refused("kim", "/action A-2 blocked", usage_key="action set")
    ehr.ok("kim", '/action A-2 blocked "Waiting for facilities"')
    assert (action(ehr, 2).status, action(ehr, 2).blocked_reason) == (ActionStatus.BLOCKED, "Waiting for facilities")
    ehr.ok("kim", "/action A-2 done")  # a blocked action can still be finished
    assert "Only whoever set A-3" in ehr.refused("kim", "/action A-3 cancel").text
    ehr.ok("sam", "/action A-3 cancel")
    assert action(ehr, 3).status == ActionStatus.CANCELLED
    ehr.ok("sam", "/action A-3 reopen")
    assert action(ehr, 3).status == ActionStatus.OPEN


def test_lists_open_mine_overdue(ehr: Chat) -> None:
    ehr.ok("sam", '/action @kim "Soon" due:tomorrow')
    ehr.ok("sam", '/action @alex "Later" due:+2w')
    ehr.ok("kim", '/action @kim "Done one" due:+3d')
    ehr.ok("kim", "/action A-3 done")
    ehr.later(days=3)
    assert len([line for line in shown(ehr.ok("sam", "/action list")).splitlines() if "A-" in line]) == 2
    mine = shown(ehr.ok("kim", "/action list mine"))
    assert "A-1" in mine and "A-2" not in mine
    overdue = shown(ehr.ok("sam", "/action list EHR overdue"))
    assert "A-1" in overdue and "2 days overdue" in overdue and "A-2" not in overdue
    assert "A-3" in shown(ehr.ok("sam", "/action list all"))
    assert "[Done]" in shown(ehr.ok("kim", "/action A-1"))


def test_phi_in_an_action_is_refused(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/action @kim "Call Mrs. Alvarez about her DOB 04/12/1950 record" due:fri')
    assert "patient information" in reply.text
