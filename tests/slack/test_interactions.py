"""Buttons, modals, the message shortcut, the App Home tab and thread replies, through Slack."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from sqlalchemy import select

from storage.db import make_sessions
from storage.models import (
    Action,
    ActionStatus,
    Comment,
    NudgeState,
    OutboxMessage,
    OutboxStatus,
    Person,
    Platform,
    Risk,
    TargetKind,
)
from storage.models import Workspace as WorkspaceRow
from tests.slack.conftest import WebProcess
from tests.slack.support import Message, Workspace


def action(web: WebProcess, ws: Workspace, ref: str) -> Action:
    with web.reader() as s:
        found = s.scalar(
            select(Action)
            .join(WorkspaceRow, WorkspaceRow.id == Action.workspace_id)
            .where(WorkspaceRow.external_id == ws.team_id, Action.number == int(ref.split("-")[1]))
        )
        assert found is not None
        return found


def home_of(ws: Workspace, who: str, count: int = 1) -> Message:
    publish = ws.wait_for("views.publish", count=count, user_id=ws.id(who))[-1]
    assert publish["view"]["type"] == "home"
    return Message(channel="", ts="", blocks=publish["view"]["blocks"], text="")


# -- the action DM and its buttons -------------------------------------------------------------------
def test_done_from_the_action_dm(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    (dm,) = ehr.posted("@kim")
    assert "assigned you an action" in dm.shown and dm.buttons == ["Done", "Blocked"]
    ehr.click("kim", dm, "Done")
    assert "marked *A-1* done" in ehr.said()  # in her DM with Rounds
    assert action(web, ehr, "A-1").status == ActionStatus.DONE


def test_blocked_from_the_action_dm_asks_why_in_a_modal(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    (dm,) = ehr.posted("@kim")
    ehr.click("kim", dm, "Blocked")
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Blocked: A-1"
    ehr.submit("kim", modal, reason="Night shift is short-staffed until the 12th")
    assert "A-1" in ehr.said()
    done = action(web, ehr, "A-1")
    assert done.status == ActionStatus.BLOCKED and "short-staffed" in (done.blocked_reason or "")


# -- the App Home tab ------------------------------------------------------------------------------------
def test_opening_the_app_home_publishes_my_items(ehr: Workspace) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    assert ehr.opens_home("kim").status == 200
    home = home_of(ehr, "kim")
    assert "Your rounds, Kim" in home.shown
    assert "A-1" in home.shown
    assert {"Done", "Snooze 1 day", "Raise a risk", "Log status"} <= set(home.buttons)
    assert {"Snooze 1 week", "Blocked"} <= set(home.menu)  # past a phone's width: in the row's overflow menu


def test_nudge_buttons_on_the_home_tab(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    ehr.ok("sam", '/action @kim "Book the super-user refresher" due:+9d')
    ehr.opens_home("kim")
    home = home_of(ehr, "kim")

    ehr.click("kim", home, "Snooze 1 day", home=True)  # the first item's Snooze
    home = home_of(ehr, "kim", count=2)  # the tab is published again after the click
    with web.reader() as s:
        kim = s.scalar(select(Person).where(Person.platform_user_id == ehr.id("kim")))
        state = s.scalar(select(NudgeState).where(NudgeState.person_id == kim.id))
    assert state is not None and state.snooze_count == 1 and state.snoozed_until is not None

    ehr.click("kim", home, "Done", home=True)
    home = home_of(ehr, "kim", count=3)
    assert action(web, ehr, "A-1").status == ActionStatus.DONE
    assert "A-1" not in home.shown and "A-2" in home.shown

    ehr.click("kim", home, "Blocked", home=True)
    modal = ehr.opened()
    ehr.submit("kim", modal, reason="Waiting on the education team's schedule")
    home_of(ehr, "kim", count=4)
    assert action(web, ehr, "A-2").status == ActionStatus.BLOCKED
    told = ehr.wait_for("chat.postMessage", channel=ehr.id("kim"))  # no response URL on the Home tab: a DM
    assert "A-2" in told[-1]["text"]


def test_a_refused_click_on_the_home_tab_opens_a_small_modal(ehr: Workspace) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    ehr.opens_home("kim")
    home = home_of(ehr, "kim")
    for _ in range(3):
        ehr.click("kim", home, "Snooze 1 week", home=True)
    ehr.click("kim", home, "Snooze 1 week", home=True)  # a fourth snooze is refused
    info = ehr.opened()
    assert info["view"]["callback_id"] == "rounds.info"
    assert "snoozed A-1 3 times" in str(info["view"]["blocks"])


def test_home_buttons_open_forms(ehr: Workspace) -> None:
    ehr.opens_home("sam")
    ehr.click("sam", home_of(ehr, "sam"), "Log status", home=True)
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Log status"
    ehr.submit("sam", modal, project="EHR", overall="amber", note="Integrated testing is a week behind")
    assert ehr.wait_for("views.publish", count=2, user_id=ehr.id("sam"))  # the tab refreshed after the form


# -- modals ------------------------------------------------------------------------------------------
def test_a_field_error_stays_in_the_modal_under_its_field(ehr: Workspace, web: WebProcess) -> None:
    ehr.command("kim", "/risk")
    modal = ehr.opened()
    answer = ehr.submit("kim", modal, title="Mr. Jonah Price in bed 12 may miss his dose", likelihood="3", impact="4")
    assert answer.body["response_action"] == "errors"
    assert list(answer.body["errors"]) == ["title"]
    assert "patient" in answer.body["errors"]["title"]
    with web.reader() as s:
        assert (
            s.scalar(
                select(Risk)
                .join(WorkspaceRow, WorkspaceRow.id == Risk.workspace_id)
                .where(WorkspaceRow.external_id == ehr.team_id)
            )
            is None
        )

    ehr.submit("kim", modal, title="Night-shift super-user coverage is thin", likelihood="3", impact="4", owner="kim")
    said = ehr.said()
    assert "R-1" in said


def test_a_refusal_not_about_a_field_closes_the_modal_and_says_so_privately(ehr: Workspace) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    (card,) = ehr.posted("@dana")
    ehr.click("dana", card, "Reject")
    modal = ehr.opened()
    dana_was_at = ehr.last_response_url
    ehr.ok("sam", "/gate withdraw G-1")  # meanwhile
    ehr.last_response_url = dana_was_at
    answer = ehr.submit("dana", modal, reason="Staffing plan missing")
    assert answer.raw == b""  # closed
    said = ehr.said()
    assert "was withdrawn" in said and ehr.told()[-1]["response_type"] == "ephemeral"


# -- the message shortcut ---------------------------------------------------------------------------------
def test_raise_as_risk_prefills_the_modal_with_the_message(ehr: Workspace, web: WebProcess) -> None:
    text = "Vendor says the &lt;lab&gt; interface patch slips to <https://vendor.example/rel|next release> — cutover at risk"
    ehr.shortcut("alex", text)
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Raise a risk"
    details = next(b for b in modal["view"]["blocks"] if b.get("block_id") == "description")
    assert (
        details["element"]["initial_value"]
        == "Vendor says the <lab> interface patch slips to next release — cutover at risk"
    )
    assert "next release" not in modal["view"]["private_metadata"]  # the text travels in the field only
    ehr.submit("alex", modal, title="Lab interface patch may slip past cutover", likelihood="4", impact="4")
    assert "R-1" in ehr.said()
    with web.reader() as s:
        risk = s.scalar(
            select(Risk)
            .join(WorkspaceRow, WorkspaceRow.id == Risk.workspace_id)
            .where(WorkspaceRow.external_id == ehr.team_id)
        )
        assert risk is not None and "interface patch slips" in risk.description and risk.project.key == "EHR"


def test_raise_as_risk_still_runs_the_phi_guard_on_submit(ehr: Workspace) -> None:
    ehr.shortcut("kim", "Pt Jonah Price, MRN 00482913, missed his 06:00 dose after the downtime")
    modal = ehr.opened()
    answer = ehr.submit("kim", modal, title="Doses missed during downtime", likelihood="3", impact="5")
    assert answer.body["response_action"] == "errors"
    assert list(answer.body["errors"]) == ["description"]


# -- thread replies -------------------------------------------------------------------------------------
def seed_nudge(web: WebProcess, ws: Workspace, who: str, action_ref: str) -> Message:
    """A nudge DM Rounds already sent (as the nudge pass and dispatcher would leave it): its items in meta."""
    a = action(web, ws, action_ref)
    channel, ts = "D" + ws.id(who)[1:], f"{time.time():.6f}"
    now = datetime.now(UTC)
    with make_sessions(web.engine)() as s:
        s.add(
            OutboxMessage(
                workspace_id=a.workspace_id,
                platform=Platform.SLACK,
                target_kind=TargetKind.USER,
                target=ws.id(who),
                payload={"text": "You have 1 item", "blocks": []},
                idempotency_key=f"nudge:test:{ts}",
                subject=None,
                meta={"items": [{"kind": "action", "id": a.id, "ref": a.ref}]},
                not_before=now,
                status=OutboxStatus.SENT,
                platform_channel=channel,
                platform_ts=ts,
                sent_at=now,
                created_at=now,
            )
        )
        s.commit()
    return Message(channel=channel, ts=ts, blocks=[], text="You have 1 item")


def comments(web: WebProcess, ws: Workspace) -> list[str]:
    with web.reader() as s:
        return list(
            s.scalars(
                select(Comment.text)
                .join(WorkspaceRow, WorkspaceRow.id == Comment.workspace_id)
                .where(WorkspaceRow.external_id == ws.team_id)
                .order_by(Comment.id)
            )
        )


def test_a_reply_in_a_nudge_thread_is_stored_as_a_comment(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    nudge = seed_nudge(web, ehr, "kim", "A-1")
    assert ehr.replies_in_thread("kim", nudge, "Booked for Thursday night &amp; the educator is in").status == 200
    noted = ehr.wait_for("reactions.add")[-1]
    assert (noted["channel"], noted["name"]) == (nudge.channel, "memo")
    assert comments(web, ehr) == ["Booked for Thursday night & the educator is in"]

    # Not comments: a bot's message, an edit, a message subtype, and a message outside any thread.
    ehr.replies_in_thread("kim", nudge, "from a bot", bot_id="B123")
    ehr.replies_in_thread("kim", nudge, "edited", edited={"user": ehr.id("kim"), "ts": "1.2"})
    ehr.replies_in_thread("kim", nudge, "joined", subtype="channel_join")
    ehr.replies_in_thread("kim", nudge, "not in a thread", thread_ts=None)
    assert comments(web, ehr) == ["Booked for Thursday night & the educator is in"]


def test_a_thread_reply_with_patient_details_is_refused_privately(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    nudge = seed_nudge(web, ehr, "kim", "A-1")
    ehr.replies_in_thread("kim", nudge, "Mrs. Alvarez in 4W-12 (MRN 00482913) is why it slipped")
    warned = ehr.wait_for("chat.postEphemeral", channel=nudge.channel)[-1]
    assert warned["user"] == ehr.id("kim") and warned["thread_ts"] == nudge.ts and "patient" in warned["text"]
    assert comments(web, ehr) == []


def test_the_same_event_delivered_twice_is_handled_once(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    nudge = seed_nudge(web, ehr, "kim", "A-1")
    event = {
        "type": "message",
        "channel": nudge.channel,
        "user": ehr.id("kim"),
        "text": "Done on Thursday",
        "ts": f"{time.time():.6f}",
        "thread_ts": nudge.ts,
        "channel_type": "im",
    }
    first = ehr.post_event(event, event_id="Ev0DUPLICATE1" + ehr.team_id)
    again = ehr.post_event(event, event_id="Ev0DUPLICATE1" + ehr.team_id, retry=1)
    assert (first.status, again.status) == (200, 200)
    ehr.wait_for("reactions.add")
    assert comments(web, ehr) == ["Done on Thursday"]
