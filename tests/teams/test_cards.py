"""Approving a gate, giving a reason, answering a nudge — from the card, with Action.Execute (answered in the
invoke response) and with the Action.Submit fallback (answered by updating the card)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from tests.fakes.bot_connector import FakeBotConnector
from tests.teams.conftest import Clock
from tests.teams.support import Card, Tenant


def request_go_live(ehr: Tenant) -> tuple[Card, Card, Card]:
    ehr.ok("sam", 'gate request "Go-live sign-off" approvers:@dana,@maria')
    (channel,) = ehr.posted("#ehr")
    (dana,) = ehr.posted("@dana")
    (maria,) = ehr.posted("@maria")
    return channel, dana, maria


def test_a_gate_request_sends_its_card_to_the_channel_and_to_each_approver(ehr: Tenant) -> None:
    channel, dana, maria = request_go_live(ehr)
    for card in (channel, dana, maria):
        assert "G-1 · EHR: Go-live sign-off" in card.text
        assert card.buttons == ["Approve", "Reject", "Approve with conditions"]  # the last under "More…" (phone width)
        assert "Dana Whitfield — waiting" in card.text


def test_approve_answers_with_the_updated_card_and_a_second_click_changes_nothing(
    ehr: Tenant, bf: FakeBotConnector
) -> None:
    _channel, dana_card, _ = request_go_live(ehr)
    after = ehr.click("dana", dana_card, "Approve")
    assert "You approved *G-1*" in after.text or "You approved **G-1**" in after.text
    assert "✅ Dana Whitfield approved" in after.text  # the decision is on the card
    assert after.buttons == []  # Dana has had her say
    # Everyone else's copy is updated through the outbox: the decision shows, Maria's buttons stay.
    updates = ehr.updates(count=3)
    assert {u.conversation.split(";")[0] for u in updates} == {
        ehr.where("#ehr"),
        ehr.where("@dana"),
        ehr.where("@maria"),
    }
    assert all("✅ Dana Whitfield approved" in Card.of(u).text for u in updates)
    again = ehr.click("dana", dana_card, "Approve")  # her stale copy, clicked again
    assert "already decided" in again.text and again.refused
    assert again.buttons == []


def test_a_stale_card_says_who_decided(ehr: Tenant) -> None:
    channel, dana_card, maria_card = request_go_live(ehr)
    ehr.click("dana", dana_card, "Approve")
    ehr.click("maria", channel, "Approve")  # from the channel's card
    stale = ehr.click("maria", maria_card, "Approve")
    assert (
        "G-1 was already approved" in stale.text
        and "decided by Dana Whitfield (approve); Maria Santos (approve)" in stale.text
    )
    assert stale.buttons == []


def test_reject_opens_a_card_asking_why_and_refuses_without_a_reason(ehr: Tenant) -> None:
    _, dana_card, _ = request_go_live(ehr)
    form = ehr.click("dana", dana_card, "Reject")
    assert "Reject G-1" in form.text and "in_reason" in form.inputs
    assert form.inputs["in_reason"]["isRequired"] is True
    refused = ehr.fill("dana", form, reason="")
    assert refused.refused and "A rejection needs a reason" in refused.text and "in_reason" in refused.inputs
    decided = ehr.fill("dana", refused, reason="Downtime drill not done")
    assert "⛔ Dana Whitfield rejected" in decided.text and "Downtime drill not done" in decided.text
    assert decided.buttons == []
    assert "rejected" in ehr.posted("@sam")[-1].text  # the requester hears the outcome


def test_cancel_brings_the_card_back_unchanged(ehr: Tenant) -> None:
    _, dana_card, _ = request_go_live(ehr)
    form = ehr.click("dana", dana_card, "Approve with conditions")
    back = ehr.click("dana", form, "Cancel")
    assert back.buttons == ["Approve", "Reject", "Approve with conditions"]


def test_approve_with_conditions_turns_them_into_actions(ehr: Tenant) -> None:
    _, dana_card, _ = request_go_live(ehr)
    form = ehr.click("dana", dana_card, "Approve with conditions")
    after = ehr.fill("dana", form, conditions="Rerun the downtime drill\nTrain night shift")
    assert "☑️ Dana Whitfield approved with conditions" in after.text
    assert "A-1" in ehr.dm("sam", "action list mine").text


def test_the_requester_cannot_approve_from_the_channel_card(ehr: Tenant) -> None:
    channel, _, _ = request_go_live(ehr)
    after = ehr.click("sam", channel, "Approve")
    assert after.refused and "You requested this gate" in after.text


def nudge_time(days: int = 3) -> datetime:
    """10:00 in Toronto on a weekday at least `days` from now (Kim works Monday to Friday)."""
    day = datetime.now(UTC).date() + timedelta(days=days)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return datetime(day.year, day.month, day.day, 15, 0, tzinfo=UTC)


def kims_nudge(ehr: Tenant, clock: Clock) -> Card:
    ehr.ok("sam", 'action @kim "Swap the scanner firmware" due:tomorrow')
    ehr.ok("sam", 'action @kim "Label the spare scanners" due:tomorrow')
    at = nudge_time()
    assert clock.nudges(at).nudged >= 1
    clock.send(at)
    nudge = ehr.posted("@kim")[-1]
    assert "A-1" in nudge.text and "A-2" in nudge.text
    return nudge


def test_done_on_a_nudge_marks_the_action_done_and_the_card_says_so(ehr: Tenant, clock: Clock) -> None:
    nudge = kims_nudge(ehr, clock)
    after = ehr.click("kim", nudge, "Done")  # the first item's Done
    assert "✓" in after.text and after.buttons.count("Done") == 1  # A-1 answered, A-2 still asks
    later = ehr.click("kim", after, "Snooze 1 day")
    assert later.buttons.count("Done") == 0 and later.text.count("✓") == 2
    assert "done" in ehr.dm("kim", "action list all").text


def test_the_submit_fallback_runs_the_click_and_updates_the_card(
    ehr: Tenant, clock: Clock, bf: FakeBotConnector
) -> None:
    nudge = kims_nudge(ehr, clock)
    mark = bf.mark()
    assert ehr.submit_click("kim", nudge, "Done").status == 200
    (update,) = bf.wait_for("update", since=mark, conversation=nudge.conversation)
    assert update.activity_id == nudge.activity_id
    assert "✓" in Card.of(update).text and Card.of(update).buttons.count("Done") == 1
    assert "done" in ehr.dm("kim", "action list all").text


def test_the_submit_fallback_in_a_channel_answers_in_the_thread(ehr: Tenant, bf: FakeBotConnector) -> None:
    channel, _, _ = request_go_live(ehr)
    assert ehr.submit_click("dana", channel, "Approve").status == 200
    assert "You approved" in ehr.reply().text
    assert any("✅ Dana Whitfield approved" in Card.of(u).text for u in ehr.updates(count=3))


def test_a_form_from_a_command_comes_as_its_own_card(ehr: Tenant) -> None:
    form = ehr.ok("kim", "risk")  # a command that needs input opens its form
    assert "Raise a risk" in form.text and "in_title" in form.inputs
    owners = {c["value"] for c in form.inputs["in_owner"]["choices"]}
    assert ehr.people["dana"].aad in owners  # people Rounds knows in this tenant, by Entra id
    raised = ehr.fill(
        "kim",
        form,
        title="Wristband printers jam on 3 North",
        likelihood="4",
        impact="4",
        owner="dana",
        category="clinical-workflow",
    )
    assert "R-1" in raised.text
    assert "Dana Whitfield" in ehr.dm("kim", "risk R-1").text


def test_a_nudge_in_a_teams_chat_asks_for_a_quoted_reply_not_a_thread(ehr: Tenant, clock: Clock) -> None:
    nudge = kims_nudge(ehr, clock)
    assert "Reply in this thread" not in nudge.text
    assert "Quote this message in a reply to leave a note on these" in nudge.text


def test_after_done_the_item_no_longer_reads_overdue(ehr: Tenant, clock: Clock) -> None:
    nudge = kims_nudge(ehr, clock)
    assert "overdue" in nudge.text.split("\n")[1]  # the first item, as sent
    after = ehr.click("kim", nudge, "Done")
    first = after.text.split("\n")[1]
    assert first.startswith("✓ ") and "overdue" not in first and "A-1" in first
    assert "A-2" in after.text and after.buttons.count("Done") == 1  # the other item still asks


def test_help_in_teams_has_no_literal_backticks(ehr: Tenant) -> None:
    card = ehr.dm("kim", "help")
    assert "/project create" in card.text and "`" not in card.text


def test_help_on_a_phone_wraps_long_usage_at_its_bars_and_a_pasted_line_still_runs(ehr: Tenant) -> None:
    """Teams wraps a word with no break in it mid-word at phone width ("[project|sta" / "tus|…"): long runs get a
    zero-width space after each | ; , and the ones pasted back with a command are stripped before parsing."""
    card = ehr.dm("kim", "help")
    assert "[project|\u200bstatus|\u200brisk|" in card.text
    assert 'rrule:"FREQ=WEEKLY;\u200bINTERVAL=2;\u200bBYDAY=MO,\u200bTU"' in card.text
    longest = max(len(run) for run in re.split(r"[\s\u200b]+", card.text))
    assert longest <= 36  # what a 340-px card fits on a line
    pasted = ehr.dm("kim", '/pmo prefs hours 19:00-07:00 rrule:"FREQ=WEEKLY;\u200bINTERVAL=2;\u200bBYDAY=MO,\u200bTU"')
    assert not pasted.refused
    # the rule was read whole: every other Monday and Tuesday at 19:00 (the web path reads the real clock, so the
    # next shift is a Monday's or a Tuesday's, or the one on now)
    assert re.search(r"Next shift: (?:on shift now|(?:Mon|Tue) \d{1,2} [A-Z][a-z]{2} 19:00)", pasted.text)
