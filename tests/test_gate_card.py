"""A gate card a sponsor can decide from: what is asked of whom and by when, the project's RAG and trend, its
open critical and high risks (an overdue review flagged), the checklist's open items, who decided what and what
is left of the quorum. The DM copy and its notification address the approver; every copy stays addressed when
the card is updated; the extra data costs a fixed number of queries; the card is valid on both platforms."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.clock import passes
from bot.console import demo
from bot.slack import render as slack
from bot.teams import render as teams
from commands.replies import Reply
from storage.models import Gate, OutboxMessage, Risk, TargetKind
from tests.clock.test_query_counts import counting
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_api import message_problems
from tests.support.chat import Chat, shown


def gate(chat: Chat) -> Gate:
    return chat.scalar(select(Gate).where(Gate.number == 1))


def copies(chat: Chat, kind: TargetKind) -> dict[str, OutboxMessage]:
    """The newest card of each copy (channel, or an approver's DM), by subject."""
    found: dict[str, OutboxMessage] = {}
    for o in chat.outbox():
        if o.target_kind == kind and o.subject and o.subject.startswith("gate:"):
            found[o.subject] = o
    return found


def go_live(ehr: Chat) -> None:
    """EHR went amber after green; a critical risk was raised six weeks ago and nobody reviewed it since; the
    go-live gate needs Dana (the CMIO) and Maria; Maria approved, one checklist item ticked."""
    ehr.ok("sam", '/status green "Build on track"')
    ehr.later(days=7)
    ehr.ok("sam", '/status green "Build 65%"')
    ehr.ok("alex", '/risk "Lab results interface may drop orders during cutover" L4 I5 category:patient-safety')
    ehr.ok("kim", '/risk "Night shift super-users thin" L2 I2 category:adoption')  # low: not on the card
    ehr.later(days=42)
    ehr.ok("sam", '/status amber "Integrated testing behind: lab interface defects" schedule:amber')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria quorum:all must:cmio due:+8d')
    ehr.ok("sam", "/gate check G-1 1")
    ehr.ok("maria", '/gate approve G-1 "Nursing is ready" waive:"Drill booked for Thursday"')


def test_the_go_live_card_shows_the_critical_risk_past_its_review_and_what_is_left(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "Build on track"')
    ehr.later(days=7)
    ehr.ok("sam", '/status green "Build 65%"')
    ehr.ok("alex", '/risk "Lab results interface may drop orders during cutover" L4 I5 category:patient-safety')
    ehr.ok("kim", '/risk "Night shift super-users thin" L2 I2 category:adoption')
    ehr.later(days=42)
    ehr.ok("sam", '/status amber "Integrated testing behind: lab interface defects" schedule:amber')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria quorum:all must:cmio due:+8d')
    risk = ehr.scalar(select(Risk).where(Risk.number == 1))
    late = (ehr.now.date() - risk.review_by).days
    assert late >= 30  # the review date passed weeks ago

    channel = shown(Reply.from_json(copies(ehr, TargetKind.CHANNEL)["gate:1"].payload))
    assert "*Decision needed from Dana Whitfield, Maria Santos by Tue 19 Jan.*" in channel
    assert "*EHR status*: 🟠 *Amber* ↓ from Green" in channel  # in words and colour, with its trend
    assert (
        f"🟥 *R-1* Lab results interface may drop orders during cutover — L4 × I5 = 20 (critical) · Alex Moreau · "
        f"*review {late} days overdue*"
    ) in channel
    assert "Night shift super-users thin" not in channel  # only critical and high risks
    assert "*Entry checklist*: 0 of 5 done, *5 open*\n☐ 1. Downtime procedures tested" in channel
    assert "*Quorum*: Needs 2 more approvals, including the CMIO · 0 approved, 2 still to decide." in channel
    assert "Quorum: all 2 approvers, including the CMIO" in channel
    assert "Decision: due Tue 19 Jan" in channel  # the one lateness phrase, as the digests say it


def test_each_approver_is_asked_by_name_and_the_update_after_a_decision_keeps_it_so(ehr: Chat) -> None:
    go_live(ehr)
    asked = copies(ehr, TargetKind.USER)
    dana_id = next(a.person_id for a in gate(ehr).approvers if a.person.handle == "dana")
    first = Reply.from_json(asked[f"gate:1:ask:{dana_id}"].payload)
    assert first.text == "Dana, your approval is needed by Tue 19 Jan: G-1 EHR: Go-live readiness"  # the notification
    assert "*Dana, your decision is needed by Tue 19 Jan.*" in shown(first)

    # Maria approved (with a waiver): every copy was re-rendered, each for its reader
    updated = copies(ehr, TargetKind.UPDATE)
    assert set(updated) == {"gate:1", *(f"gate:1:ask:{a.person_id}" for a in gate(ehr).approvers)}
    dana = Reply.from_json(updated[f"gate:1:ask:{dana_id}"].payload)
    channel = Reply.from_json(updated["gate:1"].payload)
    assert dana.text.startswith("Dana, your approval is needed by Tue 19 Jan")
    assert "*Dana, your decision is needed by Tue 19 Jan.*" in shown(dana)
    assert "*Decision needed from Dana Whitfield by Tue 19 Jan.*" in shown(channel)
    assert "your decision" not in shown(channel)
    for card in (shown(dana), shown(channel)):
        assert "✅ Maria Santos approved: “Nursing is ready”" in card
        assert "⏳ Dana Whitfield — waiting" in card
        assert "*Quorum*: Needs 1 more approval, including the CMIO · 1 approved, 1 still to decide." in card
        assert "⚠️ 2. End-user training at 90% or more — waived: “Drill booked for Thursday”" in card
    # Maria has decided: her copy is the channel's, nothing asked of her any more
    maria_id = next(a.person_id for a in gate(ehr).approvers if a.person.handle == "maria")
    assert Reply.from_json(updated[f"gate:1:ask:{maria_id}"].payload) == channel


def test_open_checklist_items_come_first_and_overdue_is_said_plainly(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana due:+3d')
    ehr.ok("sam", "/gate check G-1 2")
    ehr.ok("sam", "/gate check G-1 4")
    ehr.later(days=9)
    card = shown(ehr.ok("dana", "/gate G-1"))
    assert (
        "*Entry checklist*: 2 of 5 done, *3 open*\n"
        "☐ 1. Downtime procedures tested\n☐ 3. Cutover plan signed off\n☐ 5. Rollback plan rehearsed\n"
        "☑ 2. End-user training at 90% or more\n☑ 4. Command centre staffed"
    ) in card
    assert "*Dana, your decision is needed by Thu 26 Nov — 6 days overdue.*" in card
    assert "Decision: *6 days overdue*" in card
    assert "Decision needed from Dana Whitfield by Thu 26 Nov — 6 days overdue" in shown(ehr.ok("pat", "/gate G-1"))
    # nine days without a status on a weekly project: not shown as if it were current
    assert "⚠️ *Stale*: no update within its weekly cadence." in card


def test_a_delegate_is_asked_on_behalf_of_the_approver(ehr: Chat) -> None:
    ehr.ok("dana", "/pmo prefs delegate @kim until fri", channel=None)
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana,@maria')
    kim = next(o for o in ehr.outbox() if o.target == "kim")
    reply = Reply.from_json(kim.payload)
    assert reply.text == "Kim, your approval is needed on behalf of Dana Whitfield: G-1 EHR: Build sign-off"
    assert "*Kim, your decision is needed.* You decide on behalf of Dana Whitfield, as their delegate." in shown(reply)


def test_the_card_costs_the_same_queries_with_one_risk_or_eight(ehr: Chat) -> None:
    ehr.ok("sam", '/status amber "Testing behind"')
    ehr.ok("alex", '/risk "Interface drops orders" L4 I5 category:patient-safety')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria')
    with counting(ehr.engine) as few:
        ehr.ok("dana", "/gate G-1")
    for n, owner in enumerate(["kim", "pat", "zed", "maria", "kim", "pat", "zed"]):  # owners not yet read
        ehr.ok("alex", f'/risk "Interface risk {n}" L3 I4 category:patient-safety owner:@{owner}')
    ehr.ok("sam", "/gate check G-1 1")
    with counting(ehr.engine) as many:
        card = shown(ehr.ok("dana", "/gate G-1"))
    assert "*Open critical and high risks* (8)" in card and "…and 3 more: `/risk list EHR`" in card
    assert few and len(many) == len(few), "\n".join(many)


def test_the_card_is_a_valid_adaptive_card_and_slack_message(ehr: Chat) -> None:
    go_live(ehr)
    schema = FakeBotConnector()  # not started: only its schema check is used
    for o in copies(ehr, TargetKind.UPDATE).values():
        reply = Reply.from_json(o.payload)
        card = teams.card(reply)
        assert schema.check_card(card, o.subject or "") == []
        assert teams.summary(reply).startswith(("Dana, your approval is needed", "G-1 EHR"))
        assert message_problems(slack.message(reply)) == []


def test_an_expired_gate_updates_every_copy_and_no_dm_still_asks(ehr: Chat) -> None:
    ehr.now = datetime(2026, 10, 14, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana,@maria due:+5d')
    ehr.now = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    passes.nudges(ehr.sessions, ehr.now)
    updated = copies(ehr, TargetKind.UPDATE)
    assert set(updated) == {"gate:1", *(f"gate:1:ask:{a.person_id}" for a in gate(ehr).approvers)}
    for o in updated.values():
        card = shown(Reply.from_json(o.payload))
        assert "Expired without a decision; nobody decided it." in card
        assert "your decision" not in card and "[Approve]" not in card


def test_a_high_risk_not_yet_due_for_review_says_when_it_is_and_a_decided_gate_its_date(ehr: Chat) -> None:
    ehr.ok("alex", '/risk "Interface engine licence renewal late" L3 I4 review:+5d')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana due:+3d')
    card = shown(ehr.ok("dana", "/gate G-1"))
    assert "— L3 × I4 = 12 (high) · Alex Moreau · review due Sat 28 Nov" in card
    assert "Decision: due Thu 26 Nov" in card
    ehr.ok("dana", '/gate approve G-1 "Ready" waive:"Drill booked"')
    decided = shown(ehr.ok("pat", "/gate G-1"))
    assert "Decide by: Thu 26 Nov" in decided and "Decision: due" not in decided


def test_the_demos_go_live_card_no_longer_hides_its_critical_risk(chat: Chat) -> None:
    """The issue's example: the demo portfolio's go-live gate, with a critical risk 35 days past its review."""
    chat.now = datetime(2026, 12, 7, 14, 0, tzinfo=UTC)
    chat.workspace = demo.WORKSPACE
    assert demo.seed(chat.rounds, chat.sessions, chat.now)
    card = chat.ok("dana", "/gate G-5", channel="#ehr-upgrade")
    assert card.text == "Dana, your approval is needed by Mon 14 Dec: G-5 EHR: Go-live readiness"
    seen = shown(card)
    assert "🟥 *R-2* Lab results interface may drop orders during cutover — L4 × I5 = 20 (critical)" in seen
    assert "*review 35 days overdue*" in seen
    assert "*EHR status*: 🟠 *Amber* ↓ from Green · amber for 4 updates, since Mon 2 Nov" in seen
    assert "*Quorum*: Needs 1 more approval, including the CMIO · 1 approved, 1 still to decide." in seen
