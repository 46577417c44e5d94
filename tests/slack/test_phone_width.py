"""On a phone, Slack shows a row of buttons whole or not at all: every row the command layer builds keeps the
buttons that fit a 375-pt phone (bot/phone.py, SLACK) and puts the rest in an overflow menu ("…") at its end;
choosing an option there runs exactly what the button would have."""

from __future__ import annotations

import json
import urllib.parse
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot import phone
from bot.slack import render
from commands.replies import Button, Buttons, Reply
from storage.models import NudgeState, Person
from tests.fakes.slack_api import message_problems
from tests.slack.conftest import WebProcess
from tests.slack.support import Message, Workspace
from tests.slack.test_interactions import home_of
from tests.teams.test_phone_width import ROWS


def sent_action(ws: Workspace) -> dict[str, object]:
    """The action of the last interaction the workspace sent, as Slack sent it."""
    body, _ = ws.last_sent
    action: dict[str, object] = json.loads(urllib.parse.parse_qs(body.decode())["payload"][0])["actions"][0]
    return action


@pytest.mark.parametrize(("where", "labels"), ROWS, ids=[w for w, _ in ROWS])
def test_a_row_of_buttons_reads_whole_on_a_slack_phone_and_keeps_every_action(
    where: str, labels: tuple[str, ...]
) -> None:
    buttons = tuple(Button(label=label, action="x", value=str(i), command=f"/x {i}") for i, label in enumerate(labels))
    out = render.message(Reply.private("card", Buttons(buttons=buttons)))
    assert message_problems(out) == []
    row = out["blocks"][0]["elements"]
    whole = [e["text"]["text"] for e in row if e["type"] == "button"]
    menu = [o["text"]["text"] for e in row if e["type"] == "overflow" for o in e["options"]]
    assert phone.SLACK.fits(whole, overflow=bool(menu)), (
        f"{where}: {whole} (+ '…') needs {phone.SLACK.row_px(whole)} pt of {phone.SLACK.row}"
    )
    assert whole[:1] == [labels[0]]  # the main action stays in the row
    assert sorted(whole + menu) == sorted(labels)  # none lost in the menu
    assert len(out["blocks"]) == 1  # one row: nothing pushed to a row of its own


def test_the_gate_card_and_the_nudge_from_the_issue_on_a_slack_phone() -> None:
    gate = ["Approve", "Approve with conditions", "Reject"]
    assert phone.SLACK.row_px(gate) > phone.SLACK.row
    assert phone.SLACK.split(gate, gate) == (["Approve", "Reject"], ["Approve with conditions"])
    nudge = ["Done", "Snooze 1 day", "Snooze 1 week", "Blocked"]
    assert phone.SLACK.split(nudge, nudge) == (["Done", "Snooze 1 day"], ["Snooze 1 week", "Blocked"])
    assert phone.SLACK.split(["Done", "Blocked"], ["Done", "Blocked"]) == (["Done", "Blocked"], [])


def test_an_action_the_menu_cannot_carry_stays_a_button_in_a_row_of_its_own() -> None:
    long_command = "/risk R-1 update " + "x" * 200  # over an option value's 150 characters
    buttons = (
        Button(label="Approve", action="a", value="1", command="/a 1"),
        Button(label="Approve with conditions", action="b", value="2", command="/b 2"),
        Button(label="Reject with a long explanation", action="c", value="3", command=long_command),
    )
    out = render.message(Reply.private("card", Buttons(buttons=buttons)))
    assert message_problems(out) == []
    first, second = out["blocks"]
    assert [e["type"] for e in first["elements"]] == ["button", "overflow"]
    assert [o["text"]["text"] for o in first["elements"][1]["options"]] == ["Approve with conditions"]
    assert [e["value"] for e in second["elements"]] == [f"cmd:{long_command}"]


def test_a_nudge_row_on_the_home_tab_keeps_two_whole_and_snooze_a_week_from_the_menu(
    ehr: Workspace, web: WebProcess
) -> None:
    ehr.ok("sam", '/action @kim "Run the downtime drill on 4 West" due:+7d')
    ehr.opens_home("kim")
    home = home_of(ehr, "kim")
    row = next(b for b in home.blocks if b["type"] == "actions" and "Done" in str(b))
    assert Message("", "", [row], "").buttons == ["Done", "Snooze 1 day"]
    assert Message("", "", [row], "").menu == ["Snooze 1 week", "Blocked"]

    ehr.click("kim", home, "Snooze 1 week", home=True)  # opens "…" and chooses it
    chosen = sent_action(ehr)
    assert chosen["type"] == "overflow" and chosen["selected_option"] == {  # what Slack sends for a choice
        "text": {"type": "plain_text", "text": "Snooze 1 week", "emoji": True},
        "value": "cmd:/pmo snooze A-1 1w",
    }
    home_of(ehr, "kim", count=2)  # the tab is published again after the choice, as after a click
    with web.reader() as s:
        kim = s.scalar(select(Person).where(Person.platform_user_id == ehr.id("kim")))
        state = s.scalar(select(NudgeState).where(NudgeState.person_id == kim.id))
    assert state is not None and state.snooze_count == 1 and state.snoozed_until is not None
    until = state.snoozed_until if state.snoozed_until.tzinfo else state.snoozed_until.replace(tzinfo=UTC)
    assert until - datetime.now(UTC) > timedelta(days=6)  # a week, as the button would have


def test_approve_with_conditions_from_the_gate_cards_menu_opens_its_form(ehr: Workspace) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    (card,) = ehr.posted("@dana")
    assert card.buttons == ["Approve", "Reject"] and card.menu == ["Approve with conditions"]
    ehr.click("dana", card, "Approve with conditions")
    assert sent_action(ehr)["type"] == "overflow"
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Approve G-1"
    ehr.submit("dana", modal, conditions="Run the downtime drill")
    assert "You approved *G-1* with conditions" in ehr.said()
