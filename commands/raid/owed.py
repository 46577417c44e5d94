"""Exceptions in what people owe (the nudge pass and the App Home tab): the PM owes an exception note until
it is written; each sponsor is owed the news once — their next nudge inside working hours carries it, and
that is the escalation a breach triggers (the other trigger being ignored nudges)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from commands import format as fmt
from commands.nudges.owed import Ledger, Owed
from commands.replies import Button
from storage.models import (
    SPONSOR,
    ExceptionStatus,
    ItemKind,
    NudgeState,
    Person,
    Project,
    ProjectException,
    ProjectRole,
)


@dataclass(frozen=True)
class ExceptionOwed(Owed):
    for_sponsor: bool = False  # the sponsor's copy (told once), not the PM's note

    def line(self, today: date) -> str:
        return self.label

    def buttons(self) -> tuple[Button, ...]:
        if self.for_sponsor:
            return (
                Button(
                    label="See the RAID log",
                    action="raid.show",
                    value=self.project_key,
                    command=f"/raid {self.project_key}",
                ),
                Button(label="Close with a decision", action="form.open", value=self.ref, form="exception.close"),
            )
        return (
            Button(
                label="Write the exception note",
                action="form.open",
                value=self.ref,
                style="primary",
                form="exception.note",
            ),
        )


def add_exceptions(
    session: Session, ledger: Ledger, *, live_projects: Select[Any], person_ids: list[int] | None
) -> None:
    """At most three queries, whatever the number of projects and people: open exceptions, the sponsors of
    their projects, and which sponsors have already been told (a nudge state with a count). For given people
    (the Home) only the exceptions of projects they manage or sponsor are loaded."""
    stmt = select(ProjectException).where(
        ProjectException.status == ExceptionStatus.OPEN, ProjectException.project_id.in_(live_projects)
    )
    if person_ids is not None:
        theirs = (
            select(Project.id)
            .where(Project.pm_id.in_(person_ids))
            .union(
                select(ProjectRole.project_id).where(ProjectRole.role == SPONSOR, ProjectRole.person_id.in_(person_ids))
            )
        )
        stmt = stmt.where(ProjectException.project_id.in_(theirs))
    found = session.scalars(stmt.order_by(ProjectException.number)).all()
    if not found:
        return
    project_ids = {x.project_id for x in found}
    sponsors: dict[int, list[int]] = {}
    for project_id, person_id in session.execute(
        select(ProjectRole.project_id, ProjectRole.person_id).where(
            ProjectRole.role == SPONSOR, ProjectRole.project_id.in_(project_ids)
        )
    ):
        sponsors.setdefault(project_id, []).append(person_id)
    told = {
        (person_id, item_id)
        for person_id, item_id in session.execute(
            select(NudgeState.person_id, NudgeState.item_id).where(
                NudgeState.item_kind == ItemKind.EXCEPTION,
                NudgeState.item_id.in_([x.id for x in found]),
                NudgeState.count > 0,
            )
        )
    }
    wanted = set(person_ids) if person_ids is not None else None
    for x in found:
        since = x.created_at.date()
        head = f"⛔ *{x.ref}* {x.project.key} outside its {x.dimension.value} tolerance — {fmt.clip(x.summary, 160)}"
        pm = x.project.pm_id
        if pm is not None and not x.note and (wanted is None or pm in wanted):
            ledger.by_person[pm].append(
                ExceptionOwed(
                    ItemKind.EXCEPTION,
                    x.id,
                    x.ref,
                    x.project_id,
                    x.project.key,
                    f"{head} · *your exception note*",
                    since,
                )
            )
        note = f" · PM's note: {fmt.clip(x.note, 200)}" if x.note else " · the PM's note is still to come"
        for sponsor in sponsors.get(x.project_id, []):
            if sponsor == pm or (sponsor, x.id) in told or (wanted is not None and sponsor not in wanted):
                continue
            ledger.by_person[sponsor].append(
                ExceptionOwed(
                    ItemKind.EXCEPTION, x.id, x.ref, x.project_id, x.project.key, head + note, since, for_sponsor=True
                )
            )


def escalate_breaches(events: list[dict[str, Any]], person: Person, items: list[Owed]) -> int:
    """The nudge just queued for `person` tells them of these exceptions: each is an escalation step, audited."""
    told = 0
    for item in items:
        if isinstance(item, ExceptionOwed) and item.for_sponsor:
            events.append(
                {
                    "action": "exception.escalate",
                    "entity": item.ref,
                    "after": {"level": "sponsor", "told": [person.handle], "trigger": "tolerance breach"},
                }
            )
            told += 1
    return told
