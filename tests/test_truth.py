"""Cards and replies that tell the truth: a card shows the decision as it stands, a reply says what happened,
a figure means the same thing wherever it appears."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select

from bot.clock import passes
from commands.replies import Reply
from storage.models import AuditEvent, Gate, GateStatus, OutboxMessage, TargetKind
from tests.support.chat import Chat, shown
from tests.support.cli import ROOT, run_bot, sqlite_url


def gate(chat: Chat, number: int = 1) -> Gate:
    return chat.scalar(select(Gate).where(Gate.number == number))


def last_card(chat: Chat) -> str:
    """The channel copy of the gate card, as last updated (each approver's DM copy is updated beside it)."""
    [*_, row] = [o for o in chat.outbox() if o.target_kind == TargetKind.UPDATE and ":ask:" not in o.target]
    return shown(Reply.from_json(row.payload))


def dm(chat: Chat, key: str) -> OutboxMessage:
    return next(o for o in chat.outbox() if o.idempotency_key == key)


# -- gate cards and replies ---------------------------------------------------------------------------------------
def test_the_reject_and_conditions_forms_name_their_own_gate(ehr: Chat) -> None:
    for n in range(6):
        ehr.ok("sam", f'/gate request "Gate {n}" approvers:@dana')
    for form in ("gate.reject", "gate.conditions"):
        opened = ehr.rounds.form(ehr.context("dana"), form, {"gate": "G-6"})
        assert opened.form is not None
        assert "G-6" in opened.form.usage and "G-3" not in opened.form.usage


def test_a_decided_gate_says_who_decided_and_nobody_is_left_waiting(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana,@maria,@alex quorum:any')
    ehr.ok("maria", '/gate approve G-1 "Workflows validated"')
    card = last_card(ehr)
    assert "✅ Maria Santos approved: “Workflows validated”" in card  # not "approved Maria Santos"
    assert "waiting" not in card and "⏳" not in card.split("Decisions", 1)[1]
    assert "▫️ Dana Whitfield — no decision needed (the quorum was met)" in card


def test_the_requester_hears_who_rejected_and_why(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana,@maria')
    ehr.ok("maria", '/gate reject G-1 "Night-shift workflows not validated"')
    told = dm(ehr, f"gate:{gate(ehr).id}:outcome")
    assert told.target == "sam"
    assert "rejected by Maria Santos: Night-shift workflows not validated" in told.payload["text"]
    assert "Rejected by Maria Santos: “Night-shift workflows not validated”" in shown(Reply.from_json(told.payload))


def test_the_approval_dm_lists_the_conditions_that_became_the_requesters_actions(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana')
    ehr.ok("dana", '/gate approve G-1 conditions:"Run the downtime drill; Staff the command centre"')
    text = shown(Reply.from_json(dm(ehr, f"gate:{gate(ehr).id}:outcome").payload))
    assert "Approved with 2 conditions, now your actions:" in text
    assert "A-1* Condition of G-1: Run the downtime drill — due Mon 7 Dec" in text and "A-2*" in text


def test_an_expired_gate_says_nobody_decided_it_and_the_requester_is_told_in_their_hours(ehr: Chat) -> None:
    ehr.now = datetime(2026, 10, 14, 15, 0, tzinfo=UTC)
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana due:+5d')
    night = datetime(2026, 11, 24, 8, 0, tzinfo=UTC)  # Tuesday 03:00 in Toronto
    ehr.now = night
    passes.nudges(ehr.sessions, night)
    assert gate(ehr).status == GateStatus.EXPIRED
    reply = ehr.refused("dana", "/gate approve G-1")
    assert "expired on Tue 24 Nov without a decision: nobody decided it" in reply.text
    assert "Sam Rivera" not in reply.text
    notice = dm(ehr, f"gate:{gate(ehr).id}:expired:notice")
    assert notice.not_before == datetime(2026, 11, 24, 13, 1, tzinfo=UTC)  # 08:01, when Sam's day begins
    assert "Expired without a decision; nobody decided it." in last_card(ehr)


# -- who counts for a role ----------------------------------------------------------------------------------------
def test_a_delegates_approval_counts_toward_the_quorum_but_not_for_the_cmio_role(ehr: Chat) -> None:
    ehr.ok("dana", "/pmo prefs delegate @alex until +2w")  # Dana is EHR's CMIO
    ehr.ok("sam", '/gate request "Clinical sign-off" approvers:@dana,@maria quorum:any must:cmio')
    assert "on behalf of Dana Whitfield" in ehr.ok("alex", "/gate approve G-1").text
    assert gate(ehr).status == GateStatus.PENDING
    assert "Needs an approval from the CMIO" in last_card(ehr)
    ehr.ok("sam", "/project role EHR cmio:@dana,@alex")  # the delegate who holds the role counts for it
    ehr.ok("sam", '/gate request "Clinical sign-off 2" approvers:@dana,@maria quorum:any must:cmio')
    ehr.ok("alex", "/gate approve G-2")
    assert gate(ehr, 2).status == GateStatus.APPROVED


# -- the entry checklist ------------------------------------------------------------------------------------------
def test_approving_with_the_checklist_open_needs_a_waiver_with_a_reason(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria')
    card = shown(Reply.from_json(ehr.outbox()[0].payload))
    assert "*Entry checklist*: 0 of 5 done, *5 open*" in card and "☐ 1. Downtime procedures tested" in card
    assert "waive:" in card
    refused = ehr.refused("dana", "/gate approve G-1", usage_key="gate approve")
    assert "5 open items: 1. Downtime procedures tested; 2. End-user training" in refused.text
    ehr.ok("sam", "/gate check G-1 1")
    ehr.ok("sam", "/gate check G-1 2")
    reply = ehr.ok("dana", '/gate approve G-1 waive:"Cutover plan signed on paper; rehearsal Friday"')
    assert "Waived 3 open checklist items" in shown(reply)
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "gate.decide"))
    assert event.after["waived"] == ["Cutover plan signed off", "Command centre staffed", "Rollback plan rehearsed"]
    assert event.after["waiver"] == "Cutover plan signed on paper; rehearsal Friday"
    assert "⚠️ 3. Cutover plan signed off — waived: “Cutover plan signed on paper; rehearsal Friday”" in last_card(ehr)
    ehr.ok("maria", "/gate approve G-1")  # nothing open any more: no second waiver needed
    assert gate(ehr).status == GateStatus.APPROVED


def test_the_approve_button_asks_for_the_waiver_while_items_are_open(ehr: Chat) -> None:
    ehr.ok("sam", '/gate request "Build complete" approvers:@dana')
    [approve] = [
        b for blk in Reply.from_json(ehr.outbox()[0].payload).blocks if blk.type == "buttons" for b in blk.buttons
    ][:1]
    assert (approve.label, approve.form, approve.command) == ("Approve", "gate.approve", None)
    assert "lost track" not in ehr.submit("dana", "gate.approve", {"waiver": ""}, {"gate": "G-1"}).text
    assert ehr.submit("dana", "gate.approve", {"waiver": ""}, {"gate": "G-1"}).field == "waiver"
    ok = ehr.submit("dana", "gate.approve", {"waiver": "Security review booked Monday"}, {"gate": "G-1"})
    assert not ok.error and gate(ehr).status == GateStatus.APPROVED
    ehr.ok("sam", '/gate request "Build complete" approvers:@maria')
    for n in (1, 2, 3):
        ehr.ok("sam", f"/gate check G-2 {n}")
    ticked = Reply.from_json(next(o for o in reversed(ehr.outbox()) if o.idempotency_key == "gate:2:check:2").payload)
    [approve] = [b for blk in ticked.blocks if blk.type == "buttons" for b in blk.buttons][:1]
    assert approve.command == "/gate approve G-2" and approve.form is None  # all ticked: the button just approves
    ehr.ok("maria", "/gate approve G-2")  # all ticked: no waiver
    assert gate(ehr, 2).status == GateStatus.APPROVED


# -- figures that agree -------------------------------------------------------------------------------------------
def test_the_portfolio_digest_and_the_portfolio_view_agree_on_gates_decided_on_time(ehr: Chat) -> None:
    ehr.ok("pat", "/digest subscribe portfolio every-day 08:00", channel="#pmo")
    for n in range(4):
        ehr.ok("sam", f'/gate request "Gate {n}" approvers:@dana due:+3d')
        ehr.ok("dana", f"/gate approve G-{n + 1}")
    at = datetime(2026, 11, 24, 13, 0, tzinfo=UTC)
    ehr.now = at
    passes.digests(ehr.sessions, at)
    [digest] = [o for o in ehr.outbox() if o.idempotency_key.startswith("digest:") and o.target == "#pmo"]
    assert "Gates decided on time (90 days): 4/4" in shown(Reply.from_json(digest.payload))
    assert "Gates decided on time (90 days): 4/4" in shown(ehr.ok("pat", "/pmo portfolio"))


def test_the_first_digest_reports_a_gate_approved_minutes_before(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    ehr.now = datetime(2026, 11, 24, 12, 50, tzinfo=UTC)  # 07:50 Tuesday, ten minutes before the first digest
    ehr.ok("sam", '/gate request "Design sign-off" approvers:@dana')
    ehr.ok("dana", "/gate approve G-1")
    passes.digests(ehr.sessions, datetime(2026, 11, 24, 13, 0, tzinfo=UTC))
    [digest] = [o for o in ehr.outbox() if o.idempotency_key.startswith("digest:1:")]
    text = shown(Reply.from_json(digest.payload))
    assert "✅ G-1 Design sign-off approved" in text and "changes in the last 7 days" in text


# -- watermelons --------------------------------------------------------------------------------------------------
def test_green_overall_with_every_dimension_red_is_flagged(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/status green "All good" schedule:red budget:red scope:red')
    assert "🍉 Watermelon? Green overall, but schedule, budget and scope are red" in shown(reply)
    assert "Watermelon?* Green overall, but schedule, budget and scope are red" in shown(ehr.ok("sam", "/project EHR"))
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "status.log"))
    assert event.after["watermelon"] == ["green overall, but schedule, budget and scope are red"]


def test_green_to_red_is_caught_on_any_dimension_even_when_the_last_update_left_it_out(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "Baseline agreed" budget:green')
    ehr.ok("sam", '/status amber "Vendor slipped"')  # no budget this time
    reply = ehr.ok("sam", '/status amber "Licences repriced" budget:red')
    assert "🍉 Watermelon? Budget went from green straight to red" in shown(reply)
    quiet = ehr.ok("sam", '/status amber "Still repricing" budget:red')
    assert "🍉" not in shown(quiet)


# -- the console --------------------------------------------------------------------------------------------------
def test_a_console_export_is_written_beside_the_database_and_says_where(tmp_path: Path) -> None:
    db = tmp_path / "data" / "rounds.db"
    db.parent.mkdir()
    script = '/project create EHR "EHR Upgrade"\n/pmo export risks\n/pmo export risks\n'
    done = run_bot("console", env={"DATABASE_URL": sqlite_url(db)}, input=script, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    files = sorted(db.parent.glob("rounds-risks-all-*.csv"), key=lambda p: len(p.name))
    assert len(files) == 2 and files[1].name.endswith("-2.csv")  # the second never overwrites the first
    assert f"Saved to {files[0]}" in done.stdout and f"Saved to {files[1]}" in done.stdout


def test_the_console_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    env = {"DATABASE_URL": sqlite_url(tmp_path / "r.db"), "PYTHONPATH": str(ROOT)}
    import os

    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "console"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
        env={k: v for k, v in os.environ.items() if k != "DATABASE_URL"} | env,
    )
    assert proc.stdin is not None and proc.stdout is not None and proc.stderr is not None
    proc.stdin.write(b"/pmo help\n" * 400)
    proc.stdin.close()
    proc.stdout.read(200)  # like `| head -c 200`: read a little, then go away
    proc.stdout.close()
    assert proc.wait(timeout=60) == 0
    assert b"Traceback" not in proc.stderr.read()
