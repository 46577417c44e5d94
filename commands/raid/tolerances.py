"""`/project tolerance KEY schedule:2w budget:5% [risk:high]`: how far the project may drift before the PM
must raise an exception. Set by a sponsor or a PMO admin (the board delegates to the PM, not the PM to itself)."""

from __future__ import annotations

from sqlalchemy import select

from commands import lookup, policy, trail
from commands.context import Actor
from commands.errors import Forbidden
from commands.grammar import raid_models as rm
from commands.raid import exceptions, rules
from commands.replies import Reply, Section
from storage.models import SPONSOR, Tolerance
from storage.uow import UnitOfWork

FIELDS = ("schedule_days", "budget_bp", "risk_level")
CLEARS = {"schedule": "schedule_days", "budget": "budget_bp", "risk": "risk_level"}


def set_tolerance(cmd: rm.ProjectTolerance, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.key, "project tolerance")
    if not (policy.is_admin(actor) or policy.has_role(actor.person, project, SPONSOR)):
        raise Forbidden(f"{project.key}'s tolerances are set by a sponsor or a PMO admin.")
    tol = s.scalar(select(Tolerance).where(Tolerance.project_id == project.id))
    if tol is None:
        tol = Tolerance(project_id=project.id, set_by_id=actor.person.id, updated_at=actor.now)
        s.add(tol)
    before = trail.snapshot(tol, *FIELDS)
    if cmd.schedule_days is not None:
        tol.schedule_days = cmd.schedule_days
    if cmd.budget_bp is not None:
        tol.budget_bp = cmd.budget_bp
    if cmd.risk is not None:
        tol.risk_level = cmd.risk
    for name in cmd.cleared:
        setattr(tol, CLEARS[name], None)
    after = trail.snapshot(tol, *FIELDS)
    if before == after:
        return Reply.private(f"{project.key}'s tolerances are already {rules.describe(tol)}.")
    tol.set_by_id, tol.updated_at = actor.person.id, actor.now
    s.flush()
    trail.log(s, actor, "project.tolerance", f"project:{project.key}", before, after)
    return Reply.channel(
        f"{project.key} tolerances: {rules.describe(tol)}",
        Section(
            text=f"📏 *{project.key}* tolerances: {rules.describe(tol)}. A forecast beyond them raises an exception."
        ),
        *exceptions.check(actor, uow, project),
    )
