"""The audit trail anchored outside the database, and optionally keyed.

A database administrator who rewrites one event and re-hashes everything after it leaves a chain that checks
out on its own; against the anchors (the head posted to the PMO admins' channel each day) `audit verify`
names the event they changed. With AUDIT_HMAC_KEY set, the same rewrite needs the secret too."""

from __future__ import annotations

import hashlib
import hmac
import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text, update

from commands import anchoring
from commands.replies import Reply
from storage import audit
from storage.db import make_sessions
from storage.models import AuditAnchor, AuditEvent, Workspace
from tests.support.chat import Chat, shown
from tests.support.cli import run_bot, sqlite_url

KEY = "k" * 40


@pytest.fixture
def keyed() -> Iterator[None]:
    audit.use_key(KEY)
    yield
    audit.use_key(None)


def converse(ehr: Chat) -> None:
    ehr.ok("sam", '/status amber "Vendor slipped"')
    ehr.ok("kim", '/risk "Interface may drop orders" L4 I5')
    ehr.ok("sam", '/issue "Printers jam" severity:high')
    ehr.ok("sam", '/milestone "Go-live" 2027-03-01')


def anchor(ehr: Chat) -> anchoring.AnchorReport:
    return anchoring.run(ehr.sessions, ehr.now)


def verify(engine: Engine) -> list[audit.Break]:
    with make_sessions(engine)() as s:
        return audit.verify(s)[1]


def head(engine: Engine) -> tuple[int, int, str]:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT id, audit_seq, audit_head FROM workspaces WHERE external_id = 'T-test'")).one()
    return row[0], row[1], row[2]


def rewrite_and_rehash(engine: Engine, ws: int, seq: int, key: str | None = None) -> None:
    """What the insider did: change one event, then recompute every hash after it and the head, so the chain
    is consistent again. `key` is the HMAC key they use, if any (None: plain SHA-256 and marked unkeyed)."""
    with make_sessions(engine)() as s:
        rows = list(
            s.scalars(
                select(AuditEvent).where(AuditEvent.workspace_id == ws, AuditEvent.seq >= seq).order_by(AuditEvent.seq)
            )
        )
        rows[0].actor = "@pat (pat)"
        prev = rows[0].prev_hash
        for e in rows:
            e.prev_hash = prev
            message = prev.encode() + b"\n" + audit.canonical(e)
            if key is None:
                e.keyed = False
                e.hash = hashlib.sha256(message).hexdigest()
            else:
                e.hash = hmac.new(key.encode(), message, hashlib.sha256).hexdigest()
            prev = e.hash
        s.execute(update(Workspace).where(Workspace.id == ws).values(audit_head=prev))
        s.commit()


def test_the_admin_channel_is_set_by_an_admin(ehr: Chat) -> None:
    assert "Only a PMO admin" in ehr.refused("sam", "/pmo admin channel #pmo").text
    ehr.refused("pat", "/pmo admin channel", usage_key="admin")
    ehr.refused("pat", "/pmo admin channel pmo-room", usage_key="admin")
    ehr.ok("pat", "/pmo admin channel here", channel="#pmo-admins")
    assert ehr.scalar(select(Workspace.admin_channel)) == "#pmo-admins"
    ehr.ok("pat", "/pmo admin channel <#C0PMO|pmo>", channel="#pmo")
    assert ehr.scalar(select(Workspace.admin_channel)) == "C0PMO"
    ehr.ok("pat", "/pmo admin channel off", channel="#pmo")
    assert ehr.scalar(select(Workspace.admin_channel)) is None
    changes = ehr.all(select(AuditEvent).where(AuditEvent.action == "admin.channel").order_by(AuditEvent.seq))
    assert [c.after["admin_channel"] for c in changes] == ["#pmo-admins", "C0PMO", None]


def test_the_daily_anchor_goes_to_the_admin_channel_and_the_table(ehr: Chat) -> None:
    converse(ehr)
    ehr.ok("pat", "/pmo admin channel #pmo", channel="#pmo")
    ws, seq, hash_ = head(ehr.engine)
    assert anchor(ehr).anchored == 1
    (a,) = ehr.all(select(AuditAnchor))
    assert (a.workspace_id, a.seq, a.hash, a.from_seq, a.keyed) == (ws, seq, hash_, 1, False)
    assert len(a.digests) == 64 * seq and a.posted_to == "channel #pmo"
    (posted,) = [o for o in ehr.outbox() if o.idempotency_key.startswith("anchor:")]
    assert (
        posted.target == "#pmo"
        and f"event {seq:,}" in shown(Reply.from_json(posted.payload))
        and hash_ in posted.payload["text"]
    )
    assert anchor(ehr).anchored == 0  # nothing new since
    ehr.ok("sam", '/issue "Another"')
    assert anchor(ehr).anchored == 1
    second = ehr.all(select(AuditAnchor).order_by(AuditAnchor.seq))[-1]
    assert (second.from_seq, second.seq) == (seq + 1, seq + 1)
    assert verify(ehr.engine) == []


def test_without_an_admin_channel_each_admin_gets_it_by_dm(ehr: Chat) -> None:
    converse(ehr)
    ehr.ok("pat", "/pmo admin add @dana", channel="#pmo")
    anchor(ehr)
    assert sorted(o.target for o in ehr.outbox() if o.idempotency_key.startswith("anchor:")) == ["dana", "pat"]


def test_a_rewritten_and_rehashed_event_fails_verify_and_is_named(ehr: Chat) -> None:
    converse(ehr)
    anchor(ehr)
    ws, _, _ = head(ehr.engine)
    target = ehr.scalar(select(AuditEvent.seq).where(AuditEvent.action == "risk.raise"))
    ehr.ok("sam", '/issue "After the anchor"')  # unanchored events after it are rewritten too
    rewrite_and_rehash(ehr.engine, ws, target)
    with make_sessions(ehr.engine)() as s:  # the chain alone checks out: that was the hole
        rows = list(s.scalars(select(AuditEvent).where(AuditEvent.workspace_id == ws).order_by(AuditEvent.seq)))
        assert all(e.hash == audit.chain_hash(e.prev_hash, e) for e in rows)
        assert all(b.prev_hash == a.hash for a, b in itertools.pairwise(rows))
    (broken,) = verify(ehr.engine)
    assert broken.seq == target and f"event {target} was changed after it was anchored" in broken.reason
    assert "channel" in broken.reason or "admins by DM" in broken.reason
    assert anchor(ehr).refused == 1  # nor is today's anchor taken on top of the rewritten history
    if ehr.engine.dialect.name == "sqlite":
        done = run_bot("audit", "verify", env={"DATABASE_URL": sqlite_url(Path(ehr.engine.url.database))})
        assert done.returncode == 1 and f"at seq {target}" in done.stderr and "after it was anchored" in done.stderr


def test_anchored_events_that_disappear_or_an_altered_anchor_are_found(ehr: Chat) -> None:
    converse(ehr)
    anchor(ehr)
    _, seq, _ = head(ehr.engine)
    with ehr.engine.begin() as conn:
        conn.execute(text("UPDATE audit_anchors SET digests = :d"), {"d": "0" * 64})
    (broken,) = verify(ehr.engine)
    assert "anchor" in broken.reason and "altered" in broken.reason
    with ehr.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_anchors"))
    anchor(ehr)
    with ehr.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_events WHERE seq = :s"), {"s": seq})
        conn.execute(text("UPDATE workspaces SET audit_seq = :s"), {"s": seq - 1})
    (gone,) = verify(ehr.engine)
    assert gone.seq == seq and "anchored" in gone.reason and "gone" in gone.reason


def test_a_chain_that_does_not_verify_is_not_anchored_and_the_admins_are_told(ehr: Chat) -> None:
    converse(ehr)
    with ehr.engine.begin() as conn:
        conn.execute(text("UPDATE audit_events SET actor = 'someone else' WHERE seq = 3"))
    report = anchor(ehr)
    assert (report.anchored, report.refused) == (0, 1)
    assert ehr.all(select(AuditAnchor)) == []
    (told,) = [o for o in ehr.outbox() if o.idempotency_key.startswith("anchor-refused:")]
    assert told.target == "pat" and "does not verify at event 3" in told.payload["text"]


def test_a_keyed_chain_needs_the_key_to_check_and_to_rewrite(keyed: None, ehr: Chat) -> None:
    converse(ehr)
    assert all(e.keyed for e in ehr.all(select(AuditEvent)))
    assert verify(ehr.engine) == []
    ws, _, _ = head(ehr.engine)
    target = ehr.scalar(select(AuditEvent.seq).where(AuditEvent.action == "risk.raise"))
    rewrite_and_rehash(ehr.engine, ws, target, key="a guessed key that is long enough 12345")
    (broken,) = verify(ehr.engine)  # no anchor yet: the key alone names the event
    assert broken.seq == target and "altered" in broken.reason
    audit.use_key(None)
    (blind,) = verify(ehr.engine)
    assert blind.seq == 1 and "AUDIT_HMAC_KEY" in blind.reason


def test_rehashing_a_keyed_chain_without_the_key_is_found(keyed: None, ehr: Chat) -> None:
    converse(ehr)
    ws, _, _ = head(ehr.engine)
    target = ehr.scalar(select(AuditEvent.seq).where(AuditEvent.action == "risk.raise"))
    rewrite_and_rehash(ehr.engine, ws, target, key=None)  # plain SHA-256, marked unkeyed
    (broken,) = verify(ehr.engine)
    assert broken.seq == target and "keyed" in broken.reason


def test_the_key_is_checked_at_start_up_and_run_job_anchors(tmp_path: Path) -> None:
    db = sqlite_url(tmp_path / "r.db")
    short = run_bot("run-job", "anchors", env={"DATABASE_URL": db, "AUDIT_HMAC_KEY": "short"}, cwd=tmp_path)
    assert short.returncode == 2 and "AUDIT_HMAC_KEY must be at least 32 characters" in short.stderr
    assert "short" not in short.stderr.replace("AUDIT_HMAC_KEY", "")
    assert run_bot("migrate", env={"DATABASE_URL": db}, cwd=tmp_path).returncode == 0
    done = run_bot("run-job", "anchors", env={"DATABASE_URL": db, "AUDIT_HMAC_KEY": KEY}, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "0 workspaces anchored" in done.stdout
