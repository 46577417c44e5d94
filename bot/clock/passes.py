"""One pass of each job, with `now` as an argument: what the scheduler runs and `run-job` runs by hand."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from bot.outbox.dispatch import Dispatcher, PassStats
from commands.digests.run import DigestReport, digest_pass
from commands.nudges.expiry import expire_gates
from commands.nudges.run import NudgeReport, nudge_pass
from storage import deliveries
from storage.uow import UnitOfWork

log = logging.getLogger("rounds.clock")


def digests(sessions: sessionmaker[Session], now: datetime) -> DigestReport:
    with UnitOfWork(sessions) as uow:
        report = digest_pass(uow.session, now)
        uow.commit()
    if report.due:
        log.info("digests: %s due, %s queued, %s with no projects", report.due, report.queued, report.empty)
    return report


def nudges(sessions: sessionmaker[Session], now: datetime) -> NudgeReport:
    with UnitOfWork(sessions) as uow:
        expired = expire_gates(uow.session, now)
        report = nudge_pass(uow.session, now)
        deliveries.prune(uow.session, now)
        uow.commit()
    if expired:
        log.info("gates: %s expired undecided", expired)
    log.info(
        "nudges: %s people, %s items, %s escalations, skipped %s",
        report.nudged,
        report.items,
        report.escalations,
        dict(report.skipped),
    )
    return report


def outbox(dispatcher: Dispatcher, now: datetime) -> PassStats:
    stats = dispatcher.run_once(now)
    if stats.sent or stats.updated or stats.failed or stats.retried:
        log.info(
            "outbox: sent %s, updated %s, retried %s, failed %s, deferred %s",
            stats.sent,
            stats.updated,
            stats.retried,
            stats.failed,
            stats.deferred,
        )
    return stats
