"""A stage gate through Slack, end to end: the request's card goes to the channel and to each approver's DM;
Approve on the card decides and every copy of the card is updated in place; Reject opens a modal for the
reason; a decided gate clicked again says who decided it, and nothing is decided twice."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import GateDecision
from tests.slack.conftest import WebProcess
from tests.slack.support import Workspace


def decisions(web: WebProcess) -> int:
    with web.reader() as s:
        return s.scalar(select(func.count()).select_from(GateDecision)) or 0


def test_request_approve_and_reject_from_the_cards(ehr: Workspace, web: WebProcess) -> None:
    asked = ehr.ok("sam", '/gate request "Go-live sign-off" approvers:@dana,@maria')
    assert "G-1" in asked.text and not asked.public  # the requester hears privately; the card is for everyone

    (channel_card,) = ehr.posted("#ehr")
    (dana_card,) = ehr.posted("@dana")
    (maria_card,) = ehr.posted("@maria")
    for card in (channel_card, dana_card, maria_card):
        assert "G-1 · EHR: Go-live sign-off" in card.shown
        assert card.buttons == ["Approve", "Reject"]  # whole at phone width
        assert card.menu == ["Approve with conditions"]  # in the row's overflow menu ("…")
        assert card.text  # a fallback for notifications
    assert dana_card.channel.startswith("D")  # a DM, addressed by the person's id
    assert dana_card.text == "Dana, your approval is needed: G-1 EHR: Go-live sign-off"  # the notification
    assert "*Dana, your decision is needed.*" in dana_card.shown

    before = decisions(web)
    ehr.click("dana", dana_card, "Approve")
    assert "You approved *G-1*" in ehr.said()
    assert ehr.told()[-1]["response_type"] == "ephemeral"
    assert decisions(web) == before + 1

    updated = {(c["channel"], c["ts"]) for c in ehr.updates(count=3)}
    assert updated == {(m.channel, m.ts) for m in (channel_card, dana_card, maria_card)}  # every copy, in place
    told = {c["channel"]: c["text"] for c in ehr.updates(count=3)}  # each copy says what is still asked, of whom
    assert told[channel_card.channel] == "G-1 EHR: Go-live sign-off — decision needed from Maria Santos"
    assert told[maria_card.channel] == "Maria, your approval is needed: G-1 EHR: Go-live sign-off"
    assert told[dana_card.channel] == told[channel_card.channel]  # Dana decided: nothing is asked of her now

    ehr.click("maria", maria_card, "Reject")
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Reject G-1"
    assert [b["block_id"] for b in modal["view"]["blocks"] if b["type"] == "input"] == ["reason"]

    closed = ehr.submit("maria", modal, reason="The downtime drill has not happened on nights")
    assert closed.raw == b""  # an empty ack closes the modal
    assert "You rejected *G-1*" in ehr.said()
    final = ehr.updates(count=6)[-3:]
    for update in final:
        assert "rejected" in update["text"]
        assert not any(b["type"] == "actions" for b in update["blocks"])  # a decided card loses its buttons


def test_a_decided_gate_clicked_again_says_who_decided(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    (card,) = ehr.posted("@dana")
    ehr.click("dana", card, "Approve")
    assert "You approved" in ehr.said()
    counted = decisions(web)

    ehr.click("dana", card, "Approve")  # an old copy of the card, or a double tap
    again = ehr.said()
    assert "already approved" in again and "decided by" in again and "Dana Whitfield" in again
    assert ehr.told()[-1]["response_type"] == "ephemeral"
    assert decisions(web) == counted  # no second decision


def test_a_rejection_needs_a_reason_shown_under_the_field(ehr: Workspace) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    (card,) = ehr.posted("@dana")
    ehr.click("dana", card, "Reject")
    answer = ehr.submit("dana", ehr.opened(), reason="   ")
    assert answer.body["response_action"] == "errors"
    assert "reason" in answer.body["errors"]["reason"]


def test_approve_with_conditions_from_the_card(ehr: Workspace) -> None:
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana')
    (card,) = ehr.posted("#ehr")
    ehr.click("dana", card, "Approve with conditions")
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Approve G-1"
    ehr.submit("dana", modal, conditions="Run the downtime drill\nTrain night-shift super-users")
    told = ehr.said()
    assert "You approved *G-1* with conditions" in told and "2 conditions became actions" in told


def test_bare_gate_request_opens_the_form_and_the_submission_requests_it(ehr: Workspace) -> None:
    answer = ehr.command("sam", "/gate request")
    assert answer.raw == b""  # the modal is the answer
    modal = ehr.opened()
    assert modal["view"]["title"]["text"] == "Request a gate"
    project = next(b for b in modal["view"]["blocks"] if b.get("block_id") == "project")
    assert project["element"]["initial_option"]["value"] == "EHR"  # the channel's project

    ehr.submit("sam", modal, name="Go-live readiness", approvers=["dana", "maria"], due="2099-01-15")
    assert "G-1" in ehr.said()
    assert len(ehr.posted("#ehr")) == 1 and len(ehr.posted("@dana")) == 1 and len(ehr.posted("@maria")) == 1
