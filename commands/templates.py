"""Gate templates: built-in ones for each methodology, and a workspace's own (edited copies)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands import guard, policy, trail
from commands.context import Actor
from commands.errors import Conflict, NotFound
from commands.grammar import models as m
from commands.replies import Block, Header, Reply, Section
from storage.models import GateTemplate
from storage.uow import UnitOfWork

Stage = dict[str, Any]

BUILTIN: dict[str, list[Stage]] = {
    "waterfall": [
        {
            "name": "Initiation",
            "checklist": ["Business case approved", "Sponsor named", "Privacy threshold assessment done"],
            "approver_roles": ["sponsor"],
        },
        {
            "name": "Planning",
            "checklist": ["Baseline schedule and budget", "Risk register reviewed", "Clinical workflow owners named"],
            "approver_roles": ["sponsor"],
        },
        {
            "name": "Build complete",
            "checklist": ["Integrated testing passed", "Security review passed", "Training materials ready"],
            "approver_roles": ["sponsor"],
        },
        {
            "name": "Go-live readiness",
            "checklist": [
                "Downtime procedures tested",
                "End-user training at 90% or more",
                "Cutover plan signed off",
                "Command centre staffed",
                "Rollback plan rehearsed",
            ],
            "approver_roles": ["sponsor", "cmio"],
        },
        {
            "name": "Close",
            "checklist": ["Benefits baseline captured", "Support handed to operations", "Lessons learned held"],
            "approver_roles": ["sponsor"],
        },
    ],
    "agile": [
        {
            "name": "Discovery",
            "checklist": ["Problem statement agreed", "Clinical champion named"],
            "approver_roles": ["sponsor"],
        },
        {
            "name": "MVP release",
            "checklist": ["Pilot unit agreed", "Safety review done", "Support model in place"],
            "approver_roles": ["sponsor", "cmio"],
        },
        {
            "name": "Scale",
            "checklist": ["Pilot outcomes reviewed", "Rollout plan by unit"],
            "approver_roles": ["sponsor"],
        },
    ],
    "hybrid": [
        {"name": "Initiation", "checklist": ["Business case approved", "Sponsor named"], "approver_roles": ["sponsor"]},
        {
            "name": "Design sign-off",
            "checklist": ["Future-state workflows validated by clinicians", "Build backlog agreed"],
            "approver_roles": ["sponsor"],
        },
        {
            "name": "Go-live readiness",
            "checklist": ["Downtime procedures tested", "End-user training at 90% or more", "Cutover plan signed off"],
            "approver_roles": ["sponsor", "cmio"],
        },
        {
            "name": "Close",
            "checklist": ["Support handed to operations", "Lessons learned held"],
            "approver_roles": ["sponsor"],
        },
    ],
}


def stages(session: Session, workspace_id: int, name: str) -> list[Stage] | None:
    own = session.scalar(
        select(GateTemplate).where(GateTemplate.workspace_id == workspace_id, GateTemplate.name == name)
    )
    if own is not None:
        return list(own.stages)
    return BUILTIN.get(name)


def names(session: Session, workspace_id: int) -> list[str]:
    own = set(session.scalars(select(GateTemplate.name).where(GateTemplate.workspace_id == workspace_id)))
    return sorted(own | set(BUILTIN))


def stage_named(session: Session, workspace_id: int, template: str | None, gate_name: str) -> Stage | None:
    if not template:
        return None
    wanted = gate_name.strip().lower()
    for stage in stages(session, workspace_id, template) or []:
        if stage["name"].lower() == wanted:
            return stage
    return None


def list_templates(cmd: m.TemplateList, actor: Actor, uow: UnitOfWork) -> Reply:
    found = names(uow.session, actor.workspace.id)
    lines = []
    for name in found:
        st = stages(uow.session, actor.workspace.id, name) or []
        lines.append(f"*{name}*: " + " → ".join(s["name"] for s in st))
    return Reply.private("Gate templates", Header(text="Gate templates"), Section(text="\n".join(lines)))


def show(cmd: m.TemplateShow, actor: Actor, uow: UnitOfWork) -> Reply:
    st = stages(uow.session, actor.workspace.id, cmd.name)
    if st is None:
        raise NotFound(f"There's no template {cmd.name}. `/pmo template list` shows them.")
    blocks: list[Block] = [Header(text=f"Template: {cmd.name}")]
    for i, s in enumerate(st, 1):
        checklist = "\n".join(f"  ☐ {c}" for c in s.get("checklist", [])) or "  (no checklist)"
        roles = ", ".join(s.get("approver_roles", [])) or "sponsor"
        blocks.append(Section(text=f"*{i}. {s['name']}* — approvers: {roles}\n{checklist}"))
    return Reply.private(f"Template {cmd.name}", *blocks)


def edit(cmd: m.TemplateEdit, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "edit gate templates")
    guard.check(stage=cmd.stage)
    guard.check_names("template name", [cmd.name])
    guard.check_names("approver role", cmd.approver_roles)
    guard.check_all("checklist item", cmd.checklist)
    session = uow.session
    own = session.scalar(
        select(GateTemplate).where(GateTemplate.workspace_id == actor.workspace.id, GateTemplate.name == cmd.name)
    )
    before = list(own.stages) if own else list(BUILTIN.get(cmd.name, []))
    current = [dict(s) for s in before]
    exists = any(s["name"].lower() == cmd.stage.lower() for s in current)
    if cmd.op == "add":
        if exists:
            raise Conflict(f"{cmd.name} already has a stage “{cmd.stage}”.")
        current.append(
            {"name": cmd.stage, "checklist": cmd.checklist, "approver_roles": cmd.approver_roles or ["sponsor"]}
        )
    else:
        if not exists:
            raise NotFound(f"{cmd.name} has no stage “{cmd.stage}”.")
        current = [s for s in current if s["name"].lower() != cmd.stage.lower()]
    if own is None:
        own = GateTemplate(workspace_id=actor.workspace.id, name=cmd.name, stages=current)
        session.add(own)
    else:
        own.stages = current
    trail.log(
        session, actor, f"template.{cmd.op}-stage", f"template:{cmd.name}", {"stages": before}, {"stages": current}
    )
    verb = "Added" if cmd.op == "add" else "Removed"
    return Reply.private(
        f"{verb} “{cmd.stage}” in template {cmd.name}.",
        Section(text=f"✏️ {verb} “{cmd.stage}” in template *{cmd.name}*: " + " → ".join(s["name"] for s in current)),
    )
