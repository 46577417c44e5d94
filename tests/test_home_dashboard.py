"""The Home of a sponsor or PMO lead opens with their portfolio at a glance: the risk heat map (a chart the
platform draws, with alt text), RAG by project worst first in words, the gate waiting on their decision, the open
exceptions and the escalations they received. A plain member keeps "my items"."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.clock import passes
from commands.charts import alt
from commands.charts.specs import HeatMap
from commands.replies import Reply
from tests.support.chat import Chat, shown

MON_10AM = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)  # 10:00 in Toronto


def portfolio(ehr: Chat) -> Chat:
    """Dana sponsors EHR (red, a critical risk past review, a gate for her, a schedule exception), PACS (amber) and
    LAB (green, but its status is ten days old). Kim is a member of EHR. Monday's nudge pass has escalated the
    critical risk to the sponsors."""
    ehr.now = MON_10AM - timedelta(days=10)
    ehr.ok("pat", '/project create PACS "PACS Replacement" pm:@sam sponsor:@dana', channel="#pmo")
    ehr.ok("pat", '/project create LAB "Lab Interfaces" pm:@alex sponsor:@dana', channel="#pmo")
    ehr.ok("alex", '/status LAB green "Interfaces live on 3 units"', channel="#pmo")  # stale by Monday
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')  # critical: review in 7 days, so 3 days late on Monday
    ehr.ok("kim", '/risk "Super-users short on nights" L3 I4')
    ehr.ok("sam", '/risk PACS "Storage vendor slips" L2 I3')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana due:2026-12-08')
    ehr.ok("dana", "/project tolerance EHR schedule:2w")
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    ehr.ok("sam", "/milestone M-1 forecast 2027-03-22")  # 21 days late: X-1
    ehr.now = MON_10AM
    ehr.ok("sam", '/status PACS amber "Storage order late"', channel="#pmo")
    ehr.ok("sam", '/status EHR red "Go-live at risk: interface build late"')
    passes.nudges(ehr.sessions, MON_10AM)
    return ehr


def home(chat: Chat, who: str) -> Reply:
    reply = chat.rounds.home(chat.context(who, channel=None))
    assert not reply.error, reply.text
    return reply


def part(text: str, start: str, end: str) -> str:
    """The text from `start` to `end`, which must come in that order."""
    assert start in text and end in text[text.index(start) :], (start, end, text)
    return text[text.index(start) : text.index(end, text.index(start))]


def test_a_sponsor_opens_home_on_their_portfolio_at_a_glance(ehr: Chat) -> None:
    reply = home(portfolio(ehr), "dana")
    text = shown(reply)
    assert text.startswith("Your rounds, Dana Whitfield\n*Your portfolio at a glance* — 3 projects: 1 red, 1 amber")
    assert "3 open risks (1 critical) · 1 open exception · 1 escalation to you" in text

    # The heat map: a chart spec the platform draws later (never this request), placed after the glance line.
    (heat,) = reply.charts
    assert isinstance(heat, HeatMap) and heat.total == 3 and heat.counts[3][4] == 1  # L4 × I5
    assert alt.heatmap(heat).startswith("Open risks by likelihood × impact: 3 open. L4 × I5 = 20 (critical): 1")

    # RAG by project, worst first, in words as well as colour; a stale green is flagged, not shown as fine.
    rag = part(text, "*RAG by project*", "*Awaiting your decision*")
    assert rag.index("🔴 Red — *EHR*") < rag.index("🟠 Amber — *PACS*") < rag.index("🟢 Green — *LAB*")
    assert "*EHR* EHR Upgrade · 1 critical and 1 high risks" in rag
    assert "*LAB* Lab Interfaces · ⚠️ status stale (last Fri 13 Nov)" in rag and "PACS Replacement · ⚠️" not in rag

    # The gate waiting on her decision, with its buttons, above her own items.
    decide = part(text, "*Awaiting your decision* (1)", "*Open exceptions*")
    assert "G-1* Go-live readiness" in decide and "[Approve]" in decide and "[Reject]" in decide

    # The open exception, once (not again under "What you owe"), with what a sponsor can do about it.
    exceptions = part(text, "*Open exceptions* (1)", "*Escalated to you*")
    assert "X-1* EHR" in exceptions and "M-1 Go-live" in exceptions and "[Close with a decision]" in exceptions
    assert text.count("X-1") == 1

    # The escalation she received, until she acknowledges it.
    escalated = part(text, "*Escalated to you* (1)", "*What you owe*")
    assert "R-1* Interface may drop orders" in escalated and "Kim Nguyen" in escalated
    assert "[Acknowledge]" in escalated and "[Open R-1]" in escalated
    ack = next(b for blk in reply.blocks if hasattr(blk, "buttons") for b in blk.buttons if b.label == "Acknowledge")
    ehr.ok("dana", ack.command or "", channel=None)
    assert "Escalated to you" not in shown(home(ehr, "dana"))
    assert "1 escalation" not in home(ehr, "dana").text


def test_a_member_keeps_the_plain_home(ehr: Chat) -> None:
    reply = home(portfolio(ehr), "kim")
    text = shown(reply)
    assert reply.charts == ()
    for dashboard_only in ("at a glance", "RAG by project", "Open exceptions", "Escalated to you"):
        assert dashboard_only not in text
    assert "*Awaiting your decision* (0)" in text and "*What you owe* (2)" in text  # her two risks to review
    assert "*Your projects*\n🔴 *EHR*" in text


def test_a_pmo_admin_sees_the_whole_portfolio(ehr: Chat) -> None:
    """Pat, who set the workspace up, is its PMO admin; he sponsors nothing."""
    portfolio(ehr)
    ehr.ok("pat", '/project create OPS "Ops Dashboard" pm:@kim', channel="#pmo")  # nobody sponsors it
    text = shown(home(ehr, "pat"))
    assert "*The portfolio at a glance* — 4 projects: 1 red, 1 amber, 1 green, 1 no status" in text
    assert "⚪ No status — *OPS* Ops Dashboard" in text
    assert "*Escalated to you*" not in text  # the escalation went to the sponsors


def test_home_is_typed_as_pmo_home(ehr: Chat) -> None:
    portfolio(ehr)
    typed = ehr.ok("dana", "/pmo home", channel=None)
    assert shown(typed) == shown(home(ehr, "dana")) and typed.charts == home(ehr, "dana").charts
    ehr.refused("dana", "/pmo home EHR", channel=None, usage_key="home")
