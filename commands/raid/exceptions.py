"""Management by exception: a forecast outside tolerance raises an exception (X-). The PM owes an exception
note (one tap opens the form); the sponsors hear of it once, in their next message inside working hours
(the nudge pass); it shows on the card and in digests until a lead closes it. Every step is audited."""

from __future__ import annotations

from sqlalchemy import select

from commands import format as fmt
from commands import guard, policy, trail
from commands.context import Actor
from commands.errors import Conflict, Forbidden
from commands.grammar import raid_models as rm
from commands.raid import find, rules
from commands.raid.latest import latest_budgets
from commands.replies import Block, Button, Buttons, Reply, Section
from storage.models import (
    ExceptionStatus,
    Milestone,
    Project,
    ProjectException,
    Risk,
    RiskStatus,
    Tolerance,
)
from storage.numbering import next_number
from storage.uow import UnitOfWork

FIELDS = ("status", "note", "noted_at", "decision", "closed_at")


def check(actor: Actor, uow: UnitOfWork, project: Project) -> list[Block]:
    """After a forecast, a budget, a risk or a tolerance changed: raise an exception for each new breach, and
    return the blocks that tell the speaker (with the one-tap button for the PM's note)."""
    s = uow.session
    s.flush()
    tol = s.scalar(select(Tolerance).where(Tolerance.project_id == project.id))
    if tol is None:
        return []
    milestones = s.scalars(select(Milestone).where(Milestone.project_id == project.id)).all()
    risks = s.scalars(
        select(Risk).where(Risk.project_id == project.id, Risk.status.in_([RiskStatus.OPEN, RiskStatus.MITIGATING]))
    ).all()
    budget = latest_budgets(s, [project.id]).get(project.id)
    found = rules.breaches(tol, milestones, budget, risks, actor.today)
    if not found:
        return []
    known = s.scalars(select(ProjectException).where(ProjectException.project_id == project.id)).all()
    raised: list[ProjectException] = []
    for b in found:
        same = [x for x in known if x.dimension == b.dimension and x.subject == b.subject]
        if any(x.status == ExceptionStatus.OPEN for x in same):
            continue  # already being handled
        if any(x.measure >= b.measure for x in same):
            continue  # the board already decided on this much (or more); only a further slip is new
        x = ProjectException(
            workspace_id=actor.workspace.id,
            number=next_number(s, actor.workspace.id, "exception"),
            project=project,
            dimension=b.dimension,
            subject=b.subject,
            summary=b.summary,
            measure=b.measure,
            tolerance=b.tolerance,
            created_at=actor.now,
        )
        s.add(x)
        s.flush()
        trail.log(
            s,
            actor,
            "exception.raise",
            x.ref,
            after={
                "project": project.key,
                "dimension": b.dimension,
                "subject": b.subject,
                "measure": b.measure,
                "tolerance": b.tolerance,
            },
        )
        raised.append(x)
    return [block for x in raised for block in raised_blocks(x, project)]


def raised_blocks(x: ProjectException, project: Project) -> list[Block]:
    pm = fmt.who(project.pm)
    return [
        Section(
            text=f"⛔ *Exception {x.ref}*: {project.key} is outside its {x.dimension.value} tolerance — "
            f"{fmt.clip(x.summary, 300)}. {pm} owes an exception note; the sponsors will hear of it."
        ),
        note_button(x),
    ]


def note_button(x: ProjectException) -> Buttons:
    return Buttons(
        buttons=(
            Button(
                label="Write the exception note",
                action="form.open",
                value=x.ref,
                style="primary",
                form="exception.note",
            ),
        )
    )


def note(cmd: rm.ExceptionNote, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    x = find.numbered(s, actor, ProjectException, cmd.ref, lock=True)
    if not (policy.is_pm(actor.person, x.project) or policy.is_admin(actor)):
        raise Forbidden(f"The exception note on {x.ref} is {x.project.key}'s PM's to write.")
    if x.status != ExceptionStatus.OPEN:
        raise Conflict(f"{x.ref} is closed.")
    guard.check(note=cmd.note)
    guard.fits(cmd.note, 2000, "An exception note", "project exception", field="note")
    before = trail.snapshot(x, *FIELDS)
    x.note, x.noted_by_id, x.noted_at = cmd.note, actor.person.id, actor.now
    trail.log(s, actor, "exception.note", x.ref, before, trail.snapshot(x, *FIELDS))
    return Reply.channel(
        f"Exception note on {x.ref} written.",
        Section(text=f"📝 Exception note on *{x.ref}* ({x.project.key}): {fmt.clip(cmd.note, 500)}"),
    )


def close(cmd: rm.ExceptionClose, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    x = find.numbered(s, actor, ProjectException, cmd.ref, lock=True)
    policy.require_lead(actor, x.project, "close an exception")
    if x.status != ExceptionStatus.OPEN:
        raise Conflict(f"{x.ref} is already closed.")
    guard.check(decision=cmd.decision)
    guard.fits(cmd.decision, 2000, "A decision", "project exception", field="decision")
    before = trail.snapshot(x, *FIELDS)
    x.status, x.decision, x.closed_by_id, x.closed_at = ExceptionStatus.CLOSED, cmd.decision, actor.person.id, actor.now
    trail.log(s, actor, "exception.close", x.ref, before, trail.snapshot(x, *FIELDS))
    return Reply.channel(
        f"{x.ref} closed: {fmt.clip(cmd.decision, 200)}",
        Section(text=f"☑️ Closed *{x.ref}* ({x.project.key}) — {fmt.clip(cmd.decision, 400)}"),
    )
