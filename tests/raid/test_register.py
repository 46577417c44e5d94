"""`/raid`: the register in one view, its export, the RAID log in digests and the portfolio's KPIs — and every
new list as Slack, Teams and the console show it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.console.render import render as console
from bot.slack import render as slack
from bot.teams import render as teams
from commands.replies import Reply, Table
from storage.models import OutboxMessage
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_api import message_problems
from tests.support.chat import Chat, shown
from tests.support.cli import run_bot, sqlite_url


def busy(ehr: Chat) -> Chat:
    """EHR with something in every part of its RAID log and plan."""
    ehr.ok("pat", '/project create LIMS "Lab system" pm:@alex sponsor:@maria', channel="#pmo")
    ehr.ok("alex", "/project link LIMS", channel="#lims")
    ehr.ok("alex", '/milestone LIMS "Interface engine live" 2027-01-10', channel="#lims")
    ehr.ok("dana", "/project tolerance EHR schedule:2w budget:5%")
    ehr.ok("kim", '/risk "Night shift coverage thin" L4 I4')
    ehr.ok("sam", '/assumption "Vendor ships the badges by December" validate-by:+1d')
    ehr.ok("sam", '/issue "Label printers jam on 4 West" severity:critical owner:@kim')
    ehr.ok("sam", '/dependency on M-1 "HL7 results feed" need-by:2027-01-15')
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')
    ehr.ok("sam", "/milestone M-2 forecast 2027-03-22")
    ehr.ok("sam", "/budget approved:1.2M actual:450k forecast:1.23M currency:CAD")
    ehr.ok("alex", "/milestone M-1 forecast 2027-01-29", channel="#lims")  # N-1 flagged
    ehr.later(days=3)
    return ehr


def test_the_register_of_one_project(ehr: Chat) -> None:
    body = shown(busy(ehr).ok("sam", "/raid"))
    assert "RAID · EHR" in body
    assert "*Risks* 1 (1 high or critical) · *Assumptions* 1 · *Issues* 1 · *Dependencies* 1 · *Exceptions* 1" in body
    attention = body.split("*Needs attention*")[1].split("*Plan*")[0]
    for ref in ("X-1", "M-2", "N-1", "I-1", "H-1"):
        assert ref in attention, ref
    assert "1.2M CAD" in body and "Tolerances: schedule 14 days, budget 5%" in body
    assert "[Export]" in body and "[Raise an issue]" in body
    provider = shown(ehr.ok("alex", "/raid LIMS", channel="#lims"))
    assert "N-1" in provider and "after need-by" in provider  # flagged on the provider too


def test_the_register_across_projects(ehr: Chat) -> None:
    reply = busy(ehr).ok("pat", "/raid", channel="#pmo")
    assert "RAID register · all projects" in shown(reply)
    table = next(b for b in reply.blocks if isinstance(b, Table))
    assert table.columns == ("Project", "Open", "Needs attention")  # three: seven broke words on a phone
    rows = {row[0]: row[1:] for row in table.rows}
    assert rows["EHR"][0] == "1 risk\n1 assumption\n1 issue\n1 dependency\n1 exception"  # one kind a line
    assert rows["LIMS"][0] == "1 dependency"  # the kinds it has none of are left out
    assert "🚩 N-1 at risk (EHR←LIMS)" in rows["LIMS"][1].splitlines()


def test_export_raid_from_chat_and_the_command_line(ehr: Chat) -> None:
    busy(ehr)
    reply = ehr.ok("sam", "/pmo export raid EHR")
    assert reply.attachment is not None and reply.attachment.filename.startswith("rounds-raid-EHR")
    rows = list(csv.DictReader(io.StringIO(reply.attachment.content.decode())))
    assert {(r["type"], r["id"]) for r in rows} == {
        ("risk", "R-1"),
        ("assumption", "H-1"),
        ("issue", "I-1"),
        ("dependency", "N-1"),
        ("milestone", "M-2"),
        ("exception", "X-1"),
    }
    dependency = next(r for r in rows if r["type"] == "dependency")
    assert (dependency["level"], dependency["detail"]) == ("at risk", "from M-1")
    pack = json.loads(ehr.ok("dana", "/pmo export evidence EHR").attachment.content)
    assert {r["id"] for r in pack["raid"]} >= {"X-1", "N-1", "M-2"}
    audited = {e["entity"] for e in pack["audit_events"]}
    assert {"X-1", "N-1", "M-2", "I-1", "H-1", "project:EHR"} <= audited
    assert "budget.set" in {e["action"] for e in pack["audit_events"]}
    if ehr.engine.dialect.name == "sqlite":
        db = ehr.engine.url.database
        done = run_bot("export", "raid", "--format", "json", env={"DATABASE_URL": sqlite_url(Path(db))})
        assert done.returncode == 0, done.stderr
        assert {r["id"] for r in json.loads(done.stdout)} >= {"R-1", "X-1", "M-1", "M-2", "N-1"}


def test_the_raid_log_in_digests_until_the_exception_is_closed(ehr: Chat) -> None:
    busy(ehr)
    ehr.ok("sam", "/digest now")
    digest = shown(Reply.from_json(ehr.outbox()[-1].payload))
    assert "X-1 schedule exception on EHR" in digest and "N-1 at risk (EHR)" in digest
    assert "⛔ *X-1*" in digest and "⏱️ *M-2* Go-live" in digest
    ehr.ok("dana", '/project exception X-1 close "Re-plan approved"')
    ehr.later(minutes=1)
    ehr.ok("sam", "/digest now")
    assert "X-1" not in shown(Reply.from_json(ehr.outbox()[-1].payload))


def test_portfolio_kpis(ehr: Chat) -> None:
    busy(ehr)
    ehr.ok("alex", "/milestone M-1 done", channel="#lims")  # 5 Jan 2027 is the baseline: done early
    ehr.ok("sam", '/issue I-1 resolve "New printers"')
    ehr.ok("dana", '/risk R-1 close "Agency nurses booked"')
    body = shown(ehr.ok("pat", "/pmo portfolio", channel="#pmo"))
    assert "Milestones on time: 100% (1/1)" in body
    assert "Budget within tolerance: 100% (1/1)" in body  # 1.23M on 1.2M is 2.5%, inside 5%
    assert "Risks burned down: 1 closed, 1 new · 0 open" in body
    assert "Issues: 0 open · 1 resolved" in body
    assert "⛔ 1 exception" in body


LISTS = (
    ("sam", "#ehr", "/raid"),
    ("pat", "#pmo", "/raid"),
    ("sam", "#ehr", "/issue list all"),
    ("sam", "#ehr", "/assumption list all"),
    ("sam", "#ehr", "/dependency list all"),
    ("sam", "#ehr", "/milestone list all"),
    ("sam", "#ehr", "/budget EHR"),
    ("sam", "#ehr", "/project EHR"),
    ("pat", "#pmo", "/pmo portfolio"),
    ("sam", "#ehr", "/pmo help raid"),
)


@pytest.mark.parametrize(("who", "channel", "line"), LISTS)
def test_every_new_list_renders_in_slack_teams_and_the_console(ehr: Chat, who: str, channel: str, line: str) -> None:
    reply = busy(ehr).ok(who, line, channel=channel)
    assert message_problems(slack.message(reply)) == []
    card = teams.card(reply)
    assert FakeBotConnector().check_card(card, line) == []
    text = console(reply, width=400)
    header = reply.blocks[0]
    assert text.splitlines()[0] == getattr(header, "text", None)  # the title, its bold markup gone
    assert len(text.splitlines()) >= len(reply.blocks)


def test_messages_rounds_queued_render_everywhere(ehr: Chat) -> None:
    busy(ehr)
    for message in ehr.all(select(OutboxMessage)):
        reply = Reply.from_json(message.payload)
        assert message_problems(slack.message(reply)) == [], message.idempotency_key
        assert FakeBotConnector().check_card(teams.card(reply), message.idempotency_key) == []
