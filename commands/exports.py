"""Exports for auditors and PMO leads: risks, status history, gate decisions, the audit trail, evidence packs.

Shared by `/pmo export …` (a file reply) and `python -m bot export …` (stdout)."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from commands import lookup, policy
from commands.context import Actor
from commands.errors import Forbidden
from commands.grammar import models as m
from commands.raid import exports as raid_exports
from commands.replies import Attachment, Reply, Section
from storage import audit
from storage.models import AuditEvent, Gate, GateDecision, Person, Project, Risk, StatusUpdate, Workspace
from storage.uow import UnitOfWork

Rows = tuple[list[str], list[dict[str, Any]]]
raid = raid_exports.raid  # the RAID register, for `/pmo export raid` and `python -m bot export raid`


def risks(session: Session, workspace_id: int | None, project_id: int | None = None) -> Rows:
    owner = aliased(Person)
    stmt = (
        select(Risk, Project.key, owner.display_name)
        .join(Project, Project.id == Risk.project_id)
        .outerjoin(owner, owner.id == Risk.owner_id)
    )
    stmt = _scope(stmt, Risk.workspace_id, workspace_id, Risk.project_id, project_id).order_by(
        Risk.workspace_id, Risk.number
    )
    cols = [
        "workspace",
        "id",
        "project",
        "title",
        "category",
        "likelihood",
        "impact",
        "score",
        "level",
        "status",
        "owner",
        "review_by",
        "mitigation",
        "closure_reason",
        "created_at",
        "closed_at",
    ]
    rows = [
        {
            "workspace": r.workspace_id,
            "id": r.ref,
            "project": key,
            "title": r.title,
            "category": r.category.value,
            "likelihood": r.likelihood,
            "impact": r.impact,
            "score": r.score,
            "level": r.level.value,
            "status": r.status.value,
            "owner": owner_name or "",
            "review_by": r.review_by.isoformat(),
            "mitigation": r.mitigation,
            "closure_reason": r.closure_reason or "",
            "created_at": r.created_at.isoformat(),
            "closed_at": r.closed_at.isoformat() if r.closed_at else "",
        }
        for r, key, owner_name in session.execute(stmt)
    ]
    return cols, rows


def status(session: Session, workspace_id: int | None, project_id: int | None = None) -> Rows:
    stmt = (
        select(StatusUpdate, Project.key, Project.workspace_id, Person.display_name)
        .join(Project, Project.id == StatusUpdate.project_id)
        .join(Person, Person.id == StatusUpdate.author_id)
    )
    stmt = _scope(stmt, Project.workspace_id, workspace_id, StatusUpdate.project_id, project_id)
    cols = ["workspace", "project", "at", "overall", "schedule", "budget", "scope", "note", "author"]
    rows = [
        {
            "workspace": ws,
            "project": key,
            "at": u.created_at.isoformat(),
            "overall": u.overall.value,
            "schedule": u.schedule.value if u.schedule else "",
            "budget": u.budget.value if u.budget else "",
            "scope": u.scope.value if u.scope else "",
            "note": u.note,
            "author": author,
        }
        for u, key, ws, author in session.execute(
            stmt.order_by(Project.workspace_id, Project.key, StatusUpdate.created_at)
        )
    ]
    return cols, rows


def gates(session: Session, workspace_id: int | None, project_id: int | None = None) -> Rows:
    """The decision log: one row per decision (and one per gate still without any)."""
    approver, decider = aliased(Person), aliased(Person)
    stmt = (
        select(Gate, Project.key, GateDecision, approver.display_name, decider.display_name)
        .join(Project, Project.id == Gate.project_id)
        .outerjoin(GateDecision, GateDecision.gate_id == Gate.id)
        .outerjoin(approver, approver.id == GateDecision.approver_id)
        .outerjoin(decider, decider.id == GateDecision.decided_by_id)
    )
    stmt = _scope(stmt, Gate.workspace_id, workspace_id, Gate.project_id, project_id).order_by(
        Gate.workspace_id, Gate.number, GateDecision.id
    )
    cols = [
        "workspace",
        "gate",
        "project",
        "name",
        "status",
        "quorum",
        "due",
        "requested_at",
        "decided_at",
        "approver",
        "on_behalf_by",
        "decision",
        "comment",
        "conditions",
        "decision_at",
    ]
    rows = []
    for g, key, d, approver_name, decider_name in session.execute(stmt):
        rows.append(
            {
                "workspace": g.workspace_id,
                "gate": g.ref,
                "project": key,
                "name": g.name,
                "status": g.status.value,
                "quorum": g.quorum.value if g.quorum.value != "n" else str(g.quorum_n),
                "due": g.due.isoformat() if g.due else "",
                "requested_at": g.created_at.isoformat(),
                "decided_at": g.decided_at.isoformat() if g.decided_at else "",
                "approver": approver_name or "",
                "on_behalf_by": decider_name if d and d.decided_by_id != d.approver_id else "",
                "decision": d.decision.value if d else "",
                "comment": d.comment if d else "",
                "conditions": "; ".join(d.conditions) if d else "",
                "decision_at": d.created_at.isoformat() if d else "",
            }
        )
    return cols, rows


def audit_trail(session: Session, workspace_id: int | None, entities: list[str] | None = None) -> Rows:
    stmt = select(AuditEvent)
    if workspace_id is not None:
        stmt = stmt.where(AuditEvent.workspace_id == workspace_id)
    if entities is not None:
        stmt = stmt.where(AuditEvent.entity.in_(entities))
    cols = ["workspace", "seq", "at", "actor", "action", "entity", "before", "after", "prev_hash", "hash"]
    rows = [
        {
            "workspace": e.workspace_id,
            "seq": e.seq,
            "at": e.at.isoformat(),
            "actor": e.actor,
            "action": e.action,
            "entity": e.entity,
            "before": json.dumps(e.before, sort_keys=True) if e.before is not None else "",
            "after": json.dumps(e.after, sort_keys=True) if e.after is not None else "",
            "prev_hash": e.prev_hash,
            "hash": e.hash,
        }
        for e in session.scalars(stmt.order_by(AuditEvent.workspace_id, AuditEvent.seq))
    ]
    return cols, rows


def evidence(session: Session, workspace: Workspace, project: Project | None, now: datetime) -> dict[str, Any]:
    """A self-checking pack: decisions, risks and every audit event about them, with the chain's verdict."""
    pid = project.id if project else None
    entity_refs = [f"G-{n}" for n in session.scalars(select(Gate.number).where(*_where(Gate, workspace.id, pid)))]
    entity_refs += [f"R-{n}" for n in session.scalars(select(Risk.number).where(*_where(Risk, workspace.id, pid)))]
    entity_refs += raid_exports.entity_refs(session, workspace.id, pid)
    if project:
        entity_refs.append(f"project:{project.key}")
    checked, breaks = audit.verify(session, workspace_id=workspace.id)
    mine = [b for b in breaks if b.workspace_id == workspace.id]
    return {
        "generated_at": now.isoformat(),
        "workspace": {"platform": workspace.platform.value, "id": workspace.external_id, "name": workspace.name},
        "project": project.key if project else None,
        "audit_chain": {
            "verified": not mine,
            "events_checked": checked,
            "head_seq": workspace.audit_seq,
            "head_hash": workspace.audit_head,
            "first_break": mine[0].__dict__ if mine else None,
        },
        "decisions": gates(session, workspace.id, pid)[1],
        "risks": risks(session, workspace.id, pid)[1],
        "raid": raid(session, workspace.id, pid)[1],
        "audit_events": audit_trail(session, workspace.id, entity_refs if project else None)[1],
    }


def _where(model: Any, workspace_id: int, project_id: int | None) -> list[Any]:
    clauses = [model.workspace_id == workspace_id]
    if project_id is not None:
        clauses.append(model.project_id == project_id)
    return clauses


def _scope(stmt: Any, ws_col: Any, workspace_id: int | None, project_col: Any, project_id: int | None) -> Any:
    if workspace_id is not None:
        stmt = stmt.where(ws_col == workspace_id)
    if project_id is not None:
        stmt = stmt.where(project_col == project_id)
    return stmt


def _safe(value: Any) -> Any:
    """Spreadsheet apps run cells that start with = + - @ as formulas; an export must never do that."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def encode(cols: list[str], rows: list[dict[str, Any]], fmt: str) -> bytes:
    if fmt == "json":
        return json.dumps(rows, indent=2, ensure_ascii=False).encode()
    if fmt == "xlsx":
        from openpyxl import Workbook
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

        def cell(value: Any) -> Any:
            """openpyxl refuses control characters in a cell; text stored before the edge cleaned it may have them."""
            value = _safe(value)
            return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

        wb = Workbook(write_only=True)
        ws = wb.create_sheet("export")
        ws.append([cell(c) for c in cols])
        for row in rows:
            ws.append([cell(row.get(c, "")) for c in cols])
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _safe(row.get(c, "")) for c in cols})
    return out.getvalue().encode()


MIME = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export(cmd: m.Export, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.project(s, actor, cmd.project, "export") if cmd.project else None
    if project is not None:
        if not policy.is_lead(actor, project):
            raise Forbidden(f"Only {project.key}'s PM, a sponsor or a PMO admin can export it.")
    else:
        policy.require_admin(actor, "export the whole workspace")
    pid = project.id if project else None
    if cmd.kind == "evidence":
        pack = evidence(s, actor.workspace, project, actor.now)
        if cmd.format == "json":
            content = json.dumps(pack, indent=2, ensure_ascii=False).encode()
        else:
            content = encode(gates(s, actor.workspace.id, pid)[0], pack["decisions"], cmd.format)
        summary = f"chain {'verified ✅' if pack['audit_chain']['verified'] else 'BROKEN ⛔'}, {len(pack['decisions'])} decision rows"
    else:
        cols, rows = {"risks": risks, "status": status, "gates": gates, "raid": raid}[cmd.kind](
            s, actor.workspace.id, pid
        )
        content = encode(cols, rows, cmd.format)
        summary = f"{len(rows)} rows"
    name = f"rounds-{cmd.kind}-{project.key if project else 'all'}-{actor.today.isoformat()}.{cmd.format}"
    return Reply(
        text=f"Export {name}: {summary}",
        blocks=(Section(text=f"📎 *{name}* — {summary}"),),
        attachment=Attachment(filename=name, mime=MIME[cmd.format], content=content),
    )
