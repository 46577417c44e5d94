"""Who may do what. Raising a risk is open to everyone: people must never be discouraged from it."""

from __future__ import annotations

from commands.context import Actor
from commands.errors import Forbidden
from storage.models import MEMBER, SPONSOR, Person, Project


def is_admin(actor: Actor) -> bool:
    return actor.person.is_pmo_admin


def is_pm(person: Person, project: Project) -> bool:
    return project.pm_id == person.id


def has_role(person: Person, project: Project, role: str) -> bool:
    return any(r.person_id == person.id and r.role == role for r in project.roles)


def is_lead(actor: Actor, project: Project) -> bool:
    """PM, sponsor or PMO admin: may change the project, link channels, close risks."""
    return is_admin(actor) or is_pm(actor.person, project) or has_role(actor.person, project, SPONSOR)


def is_on_team(actor: Actor, project: Project) -> bool:
    return is_lead(actor, project) or any(r.person_id == actor.person.id for r in project.roles)


def require_lead(actor: Actor, project: Project, doing: str) -> None:
    if not is_lead(actor, project):
        raise Forbidden(f"Only {project.key}'s PM, a sponsor or a PMO admin can {doing}.")


def require_team(actor: Actor, project: Project, doing: str) -> None:
    if not is_on_team(actor, project):
        raise Forbidden(
            f"Only people on {project.key} (its PM, sponsors, members) or a PMO admin can {doing}. "
            f"A lead can add you with `/project role {project.key} {MEMBER}:@you`."
        )


def require_admin(actor: Actor, doing: str) -> None:
    if not is_admin(actor):
        raise Forbidden(f"Only a PMO admin can {doing}. `/pmo admin list` shows who they are.")
