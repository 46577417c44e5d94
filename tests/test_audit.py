"""The audit chain (DESIGN.md, Audit event): one event per state change, SHA-256 chained per workspace,
re-computed by `storage.audit.verify` and `python -m bot audit verify`; any tampering is found at its seq."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text

from storage.audit import GENESIS, chain_hash, verify
from storage.db import make_sessions
from storage.models import AuditEvent
from tests.support.chat import Chat
from tests.support.cli import run_bot, sqlite_url

# (who, line, the actions it must append, in order). Views append nothing.
CONVERSATION = [
    ("sam", '/status amber "Vendor slipped the interface build" schedule:red', ["status.log"]),
    ("alex", '/risk "Lab interface may drop orders" L4 I5 category:patient-safety', ["risk.raise"]),
    ("sam", '/risk R-1 update likelihood:3 mitigation:"Parallel run for 48 h"', ["risk.update"]),
    ("sam", '/action @kim "Run the downtime drill" due:fri risk:R-1', ["action.create"]),
    ("kim", "/action A-1 done", ["action.done"]),
    ("sam", '/gate request "Go-live readiness" approvers:@dana,@maria', ["gate.request"]),
    ("sam", "/project", []),
    ("sam", "/risk list all", []),
    ("dana", '/gate approve G-1 "Plan is realistic" waive:"Drill booked for Thursday"', ["gate.decide"]),
    (
        "maria",
        '/gate approve G-1 conditions:"Drill on nights first; Train float pool"',
        ["gate.decide", "action.create", "action.create", "gate.approved"],
    ),
    ("sam", "/gate G-1", []),
    ("sam", '/risk R-1 close "Interface retested clean"', ["risk.close"]),
    ("pat", '/pmo holidays add 2026-12-25 "Christmas Day"', ["holiday.add"]),
    ("sam", "/digest subscribe mon 08:00", ["digest.subscribe"]),
]


def events(engine: Engine, workspace_id: int | None = None) -> list[AuditEvent]:
    with make_sessions(engine)() as s:
        stmt = select(AuditEvent).order_by(AuditEvent.workspace_id, AuditEvent.seq)
        if workspace_id is not None:
            stmt = stmt.where(AuditEvent.workspace_id == workspace_id)
        return list(s.scalars(stmt))


def check(engine: Engine) -> tuple[int, list]:  # type: ignore[type-arg]
    with make_sessions(engine)() as s:
        return verify(s)


def workspace_id(engine: Engine, external_id: str = "T-test") -> int:
    with engine.connect() as conn:
        return conn.execute(text("SELECT id FROM workspaces WHERE external_id = :e"), {"e": external_id}).scalar_one()


def converse(chat: Chat) -> None:
    for who, line, _ in CONVERSATION:
        chat.ok(who, line)
        chat.later(hours=3)


def execute(engine: Engine, sql: str, **params: object) -> int:
    with engine.begin() as conn:
        return conn.execute(text(sql), params).rowcount


# ---------------------------------------------------------------------------------------------------
# The chain as commands write it
# ---------------------------------------------------------------------------------------------------
def test_a_conversation_leaves_an_unbroken_chain_and_verify_counts_every_event(ehr: Chat) -> None:
    converse(ehr)
    all_events = events(ehr.engine)
    expected = 6 + sum(len(actions) for _, _, actions in CONVERSATION)  # setup_ehr writes 6
    assert len(all_events) == expected
    checked, breaks = check(ehr.engine)
    assert breaks == []
    assert checked == expected


def test_each_state_changing_command_appends_consecutive_events(ehr: Chat) -> None:
    ws = workspace_id(ehr.engine)
    for who, line, actions in CONVERSATION:
        before = events(ehr.engine, ws)
        ehr.ok(who, line)
        after = events(ehr.engine, ws)
        assert [e.id for e in after[: len(before)]] == [e.id for e in before], f"{line}: history was rewritten"
        new = after[len(before) :]
        assert [e.action for e in new] == actions, line
        assert [e.seq for e in new] == list(range(len(before) + 1, len(before) + 1 + len(new))), line
        prev = before[-1].hash if before else GENESIS
        for e in new:
            assert e.prev_hash == prev and e.hash == chain_hash(prev, e), f"{line}: seq {e.seq} is not chained"
            assert e.at == ehr.now
            assert e.actor.startswith(f"@{who} ")
            prev = e.hash
        with ehr.engine.connect() as conn:
            head = conn.execute(text("SELECT audit_seq, audit_head FROM workspaces WHERE id = :w"), {"w": ws}).one()
        assert tuple(head) == (after[-1].seq, after[-1].hash)
        ehr.later(hours=1)


def test_events_record_before_and_after(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Interface may drop orders" L4 I5')
    ehr.ok("sam", "/risk R-1 update likelihood:2")
    update = [e for e in events(ehr.engine) if e.action == "risk.update"]
    assert len(update) == 1
    assert update[0].entity == "R-1"
    assert update[0].before == {"likelihood": 4, "score": 20}
    assert update[0].after == {"likelihood": 2, "score": 10}


def test_a_refused_command_appends_nothing(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Interface may drop orders" L4 I5')
    before = events(ehr.engine)
    ehr.refused("kim", '/risk R-1 close "not mine to close"')
    ehr.refused("sam", '/status green "Patient John Smith DOB 1/2/1950 was fine"')
    assert [e.id for e in events(ehr.engine)] == [e.id for e in before]
    assert check(ehr.engine) == (len(before), [])


def test_each_workspace_has_its_own_chain(ehr: Chat) -> None:
    other = Chat(ehr.engine, now=ehr.now, workspace="T-other")
    try:
        other.ok("pat", '/project create LIMS "Lab system"', channel="#pmo")
        other.ok("pat", '/status LIMS green "Contract signed"', channel="#pmo")
    finally:
        other.close()
    mine, theirs = workspace_id(ehr.engine), workspace_id(ehr.engine, "T-other")
    assert [e.seq for e in events(ehr.engine, theirs)][:1] == [1]
    assert events(ehr.engine, theirs)[0].prev_hash == GENESIS
    assert check(ehr.engine) == (len(events(ehr.engine)), [])
    # Breaking one workspace's chain says nothing about the other's.
    execute(ehr.engine, "UPDATE audit_events SET actor = 'mallory' WHERE workspace_id = :w AND seq = 2", w=theirs)
    _, breaks = check(ehr.engine)
    assert [(b.workspace_id, b.seq) for b in breaks] == [(theirs, 2)]
    assert mine != theirs


# ---------------------------------------------------------------------------------------------------
# Tampering, with raw SQL as an insider with database access would do it
# ---------------------------------------------------------------------------------------------------
def _json_param(engine: Engine) -> str:
    return "CAST(:v AS JSON)" if engine.dialect.name == "postgresql" else ":v"


def tamper_after(engine: Engine, ws: int, seq: int) -> None:
    execute(
        engine,
        f'UPDATE audit_events SET "after" = {_json_param(engine)} WHERE workspace_id = :w AND seq = :s',
        v=json.dumps({"overall": "green", "note": "All fine"}),
        w=ws,
        s=seq,
    )


def tamper_actor(engine: Engine, ws: int, seq: int) -> None:
    execute(engine, "UPDATE audit_events SET actor = '@dana (dana)' WHERE workspace_id = :w AND seq = :s", w=ws, s=seq)


def tamper_before(engine: Engine, ws: int, seq: int) -> None:
    execute(
        engine,
        f'UPDATE audit_events SET "before" = {_json_param(engine)} WHERE workspace_id = :w AND seq = :s',
        v=json.dumps({"likelihood": 1}),
        w=ws,
        s=seq,
    )


def tamper_at(engine: Engine, ws: int, seq: int) -> None:
    execute(
        engine,
        "UPDATE audit_events SET at = (SELECT at FROM audit_events WHERE workspace_id = :w AND seq = 1) "
        "WHERE workspace_id = :w AND seq = :s",
        w=ws,
        s=seq,
    )


def delete_row(engine: Engine, ws: int, seq: int) -> None:
    execute(engine, "DELETE FROM audit_events WHERE workspace_id = :w AND seq = :s", w=ws, s=seq)


def change_prev_hash(engine: Engine, ws: int, seq: int) -> None:
    execute(
        engine, "UPDATE audit_events SET prev_hash = :h WHERE workspace_id = :w AND seq = :s", h="f" * 64, w=ws, s=seq
    )


def rehash_one(engine: Engine, ws: int, seq: int) -> None:
    """A cleverer insider: alter the row and recompute its own hash, but not the chain after it."""
    with make_sessions(engine)() as s:
        event = s.scalars(select(AuditEvent).where(AuditEvent.workspace_id == ws, AuditEvent.seq == seq)).one()
        event.actor = "@dana (dana)"
        event.hash = chain_hash(event.prev_hash, event)
        s.commit()


@pytest.mark.parametrize(
    ("tamper", "at_offset", "reason"),
    [
        (tamper_after, 0, "altered"),
        (tamper_actor, 0, "altered"),
        (tamper_before, 0, "altered"),
        (tamper_at, 0, "altered"),
        (delete_row, 0, "missing"),
        (change_prev_hash, 0, "prev_hash"),
        (rehash_one, 1, "prev_hash"),  # the row itself is self-consistent; the next one no longer follows it
    ],
)
def test_tampering_is_found_at_the_right_seq(ehr: Chat, tamper, at_offset: int, reason: str) -> None:  # type: ignore[no-untyped-def]
    converse(ehr)
    ws = workspace_id(ehr.engine)
    total = len(events(ehr.engine))
    target = next(e.seq for e in events(ehr.engine, ws) if e.action == "risk.update")  # a middle row
    assert 1 < target < total
    tamper(ehr.engine, ws, target)
    checked, breaks = check(ehr.engine)
    assert len(breaks) == 1, breaks
    assert (breaks[0].workspace_id, breaks[0].seq) == (ws, target + at_offset)
    assert reason in breaks[0].reason
    assert checked == len(events(ehr.engine))  # every remaining row is still counted


def test_a_deleted_middle_event_is_found(ehr: Chat) -> None:
    """A gap in the chain is one break, reported at the missing seq."""
    converse(ehr)
    ws = workspace_id(ehr.engine)
    delete_row(ehr.engine, ws, 9)
    checked, breaks = check(ehr.engine)
    assert len(breaks) == 1 and breaks[0].seq == 9
    assert breaks[0].reason == "event 9 is missing (the next one found is 10)"
    assert checked == len(events(ehr.engine))


def test_deleting_the_newest_event_is_found_from_the_head(ehr: Chat) -> None:
    converse(ehr)
    ws = workspace_id(ehr.engine)
    last = events(ehr.engine, ws)[-1].seq
    delete_row(ehr.engine, ws, last)
    _, breaks = check(ehr.engine)
    assert [(b.workspace_id, b.seq) for b in breaks] == [(ws, last)]
    assert "head" in breaks[0].reason


def test_only_the_first_break_per_workspace_is_reported(ehr: Chat) -> None:
    converse(ehr)
    ws = workspace_id(ehr.engine)
    tamper_actor(ehr.engine, ws, 3)
    tamper_actor(ehr.engine, ws, 9)
    _, breaks = check(ehr.engine)
    assert [b.seq for b in breaks] == [3]


# ---------------------------------------------------------------------------------------------------
# The operator's command
# ---------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "x.db"
    seeded = run_bot("console", "--demo", env={"DATABASE_URL": sqlite_url(db)}, input="", cwd=db.parent)
    assert seeded.returncode == 0, seeded.stderr
    assert "Seeding the demo portfolio" in seeded.stdout
    assert "Traceback" not in seeded.stderr
    return db


def copy_db(src: Path, dst: Path) -> Path:
    """A consistent copy (SQLite's backup API, so nothing still in a WAL file is lost)."""
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    return dst


def sql(db: Path, statement: str, *params: object) -> tuple:  # type: ignore[type-arg]
    """One statement with Python's own sqlite3 (no Rounds code involved), committed and closed."""
    conn = sqlite3.connect(db)
    try:
        row = conn.execute(statement, params).fetchone()
        conn.commit()
        return row
    finally:
        conn.close()


def count_events(db: Path) -> int:
    return int(sql(db, "SELECT count(*) FROM audit_events")[0])


def test_cli_verify_ok_then_finds_a_tampered_row(demo_db: Path, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path / "copy.db")
    env = {"DATABASE_URL": sqlite_url(db)}

    ok = run_bot("audit", "verify", env=env, cwd=tmp_path)
    assert ok.returncode == 0, ok.stderr
    assert "audit chain OK" in ok.stdout
    count = count_events(db)
    ws, seq = sql(db, "SELECT workspace_id, seq FROM audit_events WHERE action = 'risk.raise' ORDER BY seq LIMIT 1")
    assert count > 20 and f"{count} events" in ok.stdout

    sql(db, "UPDATE audit_events SET actor = '@nobody (nobody)' WHERE workspace_id = ? AND seq = ?", ws, seq)
    broken = run_bot("audit", "verify", env=env, cwd=tmp_path)
    assert broken.returncode != 0
    assert "audit chain OK" not in broken.stdout
    assert f"at seq {seq}" in broken.stderr, broken.stderr
    assert "Traceback" not in broken.stderr
    first_line = broken.stderr.strip().splitlines()[0]
    assert f"seq {seq}" in first_line and "BROKEN" in first_line


def test_cli_verify_after_a_deleted_row(demo_db: Path, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path / "copy.db")
    sql(db, "DELETE FROM audit_events WHERE seq = 10")
    broken = run_bot("audit", "verify", env={"DATABASE_URL": sqlite_url(db)}, cwd=tmp_path)
    assert broken.returncode == 1
    assert "at seq 10" in broken.stderr, broken.stderr


def test_seeding_the_demo_twice_is_harmless(demo_db: Path, tmp_path: Path) -> None:
    db = copy_db(demo_db, tmp_path / "copy.db")
    env = {"DATABASE_URL": sqlite_url(db)}
    again = run_bot("console", "--demo", env=env, input="", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "already here" in again.stdout
    assert count_events(db) == count_events(demo_db)
    assert run_bot("audit", "verify", env=env, cwd=tmp_path).returncode == 0
