"""Operator commands: run one job now, look at and retry failed outbox messages."""

from __future__ import annotations

import sys
from datetime import UTC, datetime

from bot import timesource
from bot.runtime import Runtime
from storage import outbox as outbox_rows


def parse_at(raw: str | None) -> datetime:
    if raw is None:
        return timesource.utcnow()
    at = datetime.fromisoformat(raw)
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def run_job(rt: Runtime, job: str, at: datetime) -> int:
    from bot.clock import passes

    if job == "digests":
        r = passes.digests(rt.sessions, at)
        print(f"digests at {at.isoformat()}: {r.due} due, {r.queued} queued")
    elif job == "anchors":
        from commands import anchoring

        a = anchoring.run(rt.sessions, at)
        print(f"anchors at {at.isoformat()}: {a.anchored} workspaces anchored, {a.refused} refused (chain broken)")
    elif job == "nudges":
        n = passes.nudges(rt.sessions, at)
        skipped = ", ".join(f"{k} {v}" for k, v in sorted(n.skipped.items())) or "none"
        print(
            f"nudges at {at.isoformat()}: {n.nudged} people, {n.items} items, {n.escalations} escalations; skipped: {skipped}"
        )
    else:
        from bot.outbox.clocked import dispatcher
        from bot.senders import build_senders

        senders = build_senders(rt)
        if not senders:
            print(
                "no chat platform is configured (SLACK_BOT_TOKEN, SLACK_CLIENT_ID, TEAMS_APP_ID): nothing can be sent",
                file=sys.stderr,
            )
            return 2
        st = passes.outbox(dispatcher(rt.sessions, senders), at)
        print(
            f"outbox at {at.isoformat()}: sent {st.sent}, updated {st.updated}, retried {st.retried}, failed {st.failed}"
        )
    return 0


def outbox_failed(rt: Runtime) -> int:
    with rt.sessions() as s:
        rows = outbox_rows.failed(s)
        for r in rows:
            print(
                f"{r.id}\t{r.platform.value}\t{r.target_kind.value}:{r.target}\t{r.attempts} attempts\t{(r.last_error or '')[:120]}"
            )
    print(f"{len(rows)} failed", file=sys.stderr)
    return 0


def outbox_retry(rt: Runtime, ids: list[int], now: datetime) -> int:
    with rt.sessions() as s:
        n = outbox_rows.requeue_failed(s, ids, now)
        s.commit()
    print(f"{n} messages queued again")
    return 0
