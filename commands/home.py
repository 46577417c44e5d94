"""The Home view: Slack's App Home tab, Teams' `home` card (`/pmo home` anywhere).

A sponsor or PMO lead sees their portfolio at a glance first (commands/dashboard.py: the risk heat map, RAG by
project, the gates waiting on them, open exceptions, escalations to them); then, as everyone does, "my items":
what they owe and their projects."""

from __future__ import annotations

from datetime import date

from sqlalchemy import or_, select

from commands import dashboard
from commands import format as fmt
from commands.context import Actor
from commands.nudges.owed import Owed, owed
from commands.raid.owed import ExceptionOwed
from commands.replies import Block, Button, Buttons, Context, Divider, Header, Reply, Section
from commands.status import latest_statuses
from storage.models import ItemKind, Project, ProjectRole
from storage.uow import UnitOfWork

MAX_ITEMS = 12


def show(actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    me = actor.person
    ledger = owed(
        s, today=actor.today, now=actor.now, workspace_ids=[actor.workspace.id], person_ids=[me.id], only_due=False
    )
    items = ledger.by_person.get(me.id, [])
    decisions = [i for i in items if i.kind == ItemKind.GATE]
    glance = dashboard.load(s, actor)
    work = [
        i for i in items if i.kind != ItemKind.GATE and not (glance and isinstance(i, ExceptionOwed) and i.for_sponsor)
    ]  # a sponsor's exceptions are on the dashboard, each with its buttons
    blocks: list[Block] = [Header(text=f"Your rounds, {me.display_name.split(' (')[0]}")]
    if glance is not None:
        blocks += dashboard.blocks(glance, decisions, actor.today, actor.now)
    else:
        blocks.append(Section(text=f"*Awaiting your decision* ({len(decisions)})"))
        blocks += _items(decisions, actor.today) or [Context(text="Nothing waiting for you. 🎉")]
    blocks.append(Divider())
    blocks.append(Section(text=f"*What you owe* ({len(work)})"))
    blocks += _items(work, actor.today) or [Context(text="Nothing open. 🎉")]
    blocks.append(Divider())
    projects = s.scalars(
        select(Project)
        .where(Project.workspace_id == actor.workspace.id, Project.archived.is_(False))
        .where(
            or_(
                Project.pm_id == me.id,
                Project.id.in_(select(ProjectRole.project_id).where(ProjectRole.person_id == me.id)),
            )
        )
        .order_by(Project.key)
    ).all()
    if glance is not None:  # the dashboard's RAG list has these already
        projects = [p for p in projects if p.id not in glance.project_ids]
    latest = latest_statuses(s, [p.id for p in projects])
    lines = []
    for p in projects:
        cur = latest.get(p.id)
        note = f" — {fmt.clip(cur.note, 80)}" if cur else ""
        lines.append(f"{fmt.RAG_DOT[cur.overall if cur else None]} *{p.key}* {fmt.clip(p.name, 60)}{note}")
    if lines or glance is None:
        blocks.append(Section(text="*Your projects*\n" + ("\n".join(lines) if lines else "_none yet_")))
    blocks.append(
        Buttons(
            buttons=(
                Button(label="Raise a risk", action="form.open", value="risk.raise", form="risk.raise"),
                Button(label="Log status", action="form.open", value="status.log", form="status.log"),
                Button(label="Assign an action", action="form.open", value="action.create", form="action.create"),
            )
        )
    )
    total = len(decisions) + len(work)
    text = f"You have {fmt.plural(total, 'item')} and {fmt.plural(len(decisions), 'decision')} waiting."
    if glance is not None:
        text = f"{dashboard.summary(glance).replace('*', '')}. {text}"
    reply = Reply.private(text, *blocks)
    if glance is not None and glance.heat is not None:
        reply = reply.model_copy(update={"charts": (glance.heat,)})  # drawn by the platform, never here
    return reply


def _items(items: list[Owed], today: date) -> list[Block]:
    blocks: list[Block] = []
    for item in items[:MAX_ITEMS]:
        blocks.append(Section(text=item.line(today)))
        blocks.append(Buttons(buttons=item.buttons()))
    if len(items) > MAX_ITEMS:
        blocks.append(
            Context(text=f"…and {len(items) - MAX_ITEMS} more: `/action list mine`, `/risk list mine`, `/gate list`.")
        )
    return blocks
