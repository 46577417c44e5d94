"""The local console (DESIGN.md, Operator interface): `python -m bot console` reads commands from stdin,
prints replies, and delivers what the commands queued (gate cards, DMs, card updates) as text."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from bot.console.repl import Console
from bot.outbox.dispatch import Dispatcher
from commands.service import Rounds
from storage.db import make_sessions
from storage.models import Gate, GateStatus, OutboxMessage, OutboxStatus, Platform
from tests.support.cli import run_bot, sqlite_url

SCRIPT = """\
/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana
/as sam
/in #ehr
/project link EHR
/status amber "Vendor slipped the interface build" schedule:red
/risk "Lab interface may drop orders at cutover" L4 I5 category:patient-safety
/gate request "Go-live sign-off" approvers:@dana
/as dana
/gate approve G-1 "Plan is realistic"
/gate G-1
/project
/quit
/status EHR green "never run: after quit"
"""


def blocks(transcript: str) -> dict[str, str]:
    """Split the transcript at each echoed prompt: {"sam in #ehr> /gate request …": what followed}."""
    parts = re.split(r"^(\w+ in (?:#[\w-]+|a DM with Rounds)> .*)$", transcript, flags=re.MULTILINE)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def deliveries(output: str) -> list[tuple[str, str]]:
    """Each `┌ → target` / `┌ ✎ card updated in target` box the console sender printed: (header, body)."""
    found = []
    for m in re.finditer(r"^  ┌ (.*)\n((?:  │.*\n)*)  └", output, flags=re.MULTILINE):
        body = "\n".join(line[4:] for line in m.group(2).splitlines())
        found.append((m.group(1), body))
    return found


@pytest.fixture(scope="module")
def transcript(tmp_path_factory: pytest.TempPathFactory) -> str:
    tmp = tmp_path_factory.mktemp("console")
    done = run_bot("console", env={"DATABASE_URL": sqlite_url(tmp / "console.db")}, input=SCRIPT, cwd=tmp)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout


def test_every_line_is_echoed_with_who_and_where(transcript: str) -> None:
    prompts = list(blocks(transcript))
    assert prompts[0] == 'pat in #pmo> /project create EHR "EHR Upgrade" pm:@sam sponsor:@dana'
    assert "sam in #pmo> /in #ehr" in prompts
    assert "sam in #ehr> /project link EHR" in prompts
    assert 'dana in #ehr> /gate approve G-1 "Plan is realistic"' in prompts
    assert prompts[-1] == "dana in #ehr> /quit"  # nothing after /quit is read
    assert "never run" not in transcript


def test_project_is_created_and_linked(transcript: str) -> None:
    out = blocks(transcript)
    assert (
        "Project EHR created: EHR Upgrade"
        in out['pat in #pmo> /project create EHR "EHR Upgrade" pm:@sam sponsor:@dana']
    )
    assert "You are now @sam." in out["pat in #pmo> /as sam"]
    assert "You are now in #ehr." in out["sam in #pmo> /in #ehr"]
    assert "Linked this channel to EHR" in out["sam in #ehr> /project link EHR"]


def test_status_and_risk_replies(transcript: str) -> None:
    out = blocks(transcript)
    status = out['sam in #ehr> /status amber "Vendor slipped the interface build" schedule:red']
    assert "EHR status" in status and "🟠 Amber" in status and "Vendor slipped the interface build" in status
    risk = out['sam in #ehr> /risk "Lab interface may drop orders at cutover" L4 I5 category:patient-safety']
    assert "R-1" in risk and "L4 × I5 = 20 (critical)" in risk


def test_gate_card_goes_to_the_channel_and_to_the_approver(transcript: str) -> None:
    out = blocks(transcript)['sam in #ehr> /gate request "Go-live sign-off" approvers:@dana']
    assert out.lstrip().startswith("📨 G-1 Go-live sign-off requested for EHR")
    sent = deliveries(out)
    assert [header for header, _ in sent] == ["→ #ehr", "→ DM to @dana"]
    for _, card in sent:
        assert "G-1 · EHR: Go-live sign-off" in card
        assert "Status: pending" in card
        assert "dana — waiting" in card
        assert "[Approve → /gate approve G-1]" in card
        assert "Reject" in card
    # the same card, but the channel says whose decision is needed and the DM asks the approver
    assert "Decision needed from dana." in sent[0][1] and "your decision" not in sent[0][1]
    assert "dana, your decision is needed." in sent[1][1]
    assert sent[0][1].replace("Decision needed from dana.", "") == sent[1][1].replace(
        "dana, your decision is needed.", ""
    )


def test_the_approval_updates_the_card_in_place(transcript: str) -> None:
    out = blocks(transcript)['dana in #ehr> /gate approve G-1 "Plan is realistic"']
    reply = out.split("  ┌", 1)[0]
    assert "You approved G-1" in reply and "approved" in reply
    sent = deliveries(out)
    headers = [header for header, _ in sent]
    assert "✎ card updated in #ehr" in headers
    assert "✎ card updated in DM with @dana" in headers
    assert "→ DM to @sam" in headers  # the requester hears the outcome
    for header, card in sent:
        if header.startswith("✎"):
            assert "Status: approved" in card
            assert "✅ dana approved: “Plan is realistic”" in card
            assert "[Approve" not in card  # a decided gate has no buttons left
    told = dict(sent)["→ DM to @sam"]
    assert "G-1 Go-live sign-off on EHR was approved" in told


def test_gate_view_and_project_card(transcript: str) -> None:
    out = blocks(transcript)
    gate = out["dana in #ehr> /gate G-1"]
    assert "G-1 · EHR: Go-live sign-off" in gate and "Status: approved" in gate
    assert "Plan is realistic" in gate
    card = out["dana in #ehr> /project"]
    assert "EHR · EHR Upgrade" in card
    assert "🟠 Amber" in card and "Vendor slipped the interface build" in card
    top_risks = card.split("Top risks", 1)[1].split("Open gates", 1)[0]
    assert "R-1 Lab interface may drop orders at cutover" in top_risks
    open_gates = card.split("Open gates", 1)[1]
    assert "G-1" not in open_gates.split("Overdue actions", 1)[0]  # approved: no longer open


def test_an_unknown_line_is_a_refusal_not_a_crash(tmp_path: Path) -> None:
    done = run_bot(
        "console",
        env={"DATABASE_URL": sqlite_url(tmp_path / "c.db")},
        cwd=tmp_path,
        input='/status EHR green "no such project"\nweather today\n/as\n\n/where\n',
    )
    assert done.returncode == 0, done.stderr
    out = blocks(done.stdout)
    assert "EHR" in out['pat in #pmo> /status EHR green "no such project"']
    assert "isn't a Rounds command" in out["pat in #pmo> weather today"]
    assert "Usage: /as NAME" in out["pat in #pmo> /as"]
    assert "You are @pat in #pmo." in out["pat in #pmo> /where"]
    assert "Something went wrong" not in done.stdout


# ---------------------------------------------------------------------------------------------------
# In process: the Console class with its output captured
# ---------------------------------------------------------------------------------------------------
def test_console_in_process(engine: Engine) -> None:
    sessions = make_sessions(engine)
    now = [datetime(2026, 11, 23, 15, 0, tzinfo=UTC)]
    out: list[str] = []
    console = Console(
        rounds=Rounds(sessions),
        dispatcher_factory=lambda sender: Dispatcher(sessions, {Platform.CONSOLE: sender}, channel_gap=timedelta(0)),
        speaker="pat",
        channel="#pmo",
        clock=lambda: now[0],
        write=out.append,
    )

    def say(line: str) -> str:
        start = len(out)
        assert console.handle(line) is True
        now[0] += timedelta(minutes=5)
        return "\n".join(out[start:])

    assert "Project EHR created" in say('/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana')
    say("/as sam")
    assert console.speaker == "sam"
    say("/in ehr")
    assert console.channel == "#ehr" and console.prompt == "sam in #ehr> "
    say("/project link EHR")
    assert "🟠 Amber" in say('/status amber "Vendor slipped"')
    requested = say('/gate request "Go-live" approvers:@dana')
    assert "→ #ehr" in requested and "→ DM to @dana" in requested
    say("/as dana")
    approved = say("/gate approve G-1")
    assert "card updated in #ehr" in approved and "Status: approved" in approved
    assert "Status: approved" in say("/gate G-1")
    assert "Vendor slipped" in say("/pmo status")  # the linked channel's project, via /pmo
    assert console.handle("/quit") is False

    with sessions() as s:
        gate = s.scalars(select(Gate)).one()
        assert gate.status == GateStatus.APPROVED
        statuses = set(s.scalars(select(OutboxMessage.status)))
    assert statuses == {OutboxStatus.SENT}  # the console delivered everything it queued


def test_console_loop_reads_lines_until_quit(engine: Engine) -> None:
    sessions = make_sessions(engine)
    out: list[str] = []
    console = Console(
        rounds=Rounds(sessions),
        dispatcher_factory=lambda sender: Dispatcher(sessions, {Platform.CONSOLE: sender}, channel_gap=timedelta(0)),
        clock=lambda: datetime(2026, 11, 23, 15, 0, tzinfo=UTC),
        write=out.append,
    )
    console.loop(["/where", "/dm", "/where", "/quit", "/where"], interactive=False)
    assert out == [
        "pat in #pmo> /where",
        "You are @pat in #pmo.",
        "pat in #pmo> /dm",
        "You are now in a DM with Rounds.",
        "pat in a DM with Rounds> /where",
        "You are @pat in a DM with Rounds.",
        "pat in a DM with Rounds> /quit",
    ]
