"""Status updates: log a RAG with a note; read the current one and the history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from commands import cards, guard, lookup, policy, trail, watermelon
from commands import format as fmt
from commands.context import Actor
from commands.grammar import models as m
from commands.replies import Block, Button, Buttons, Context, Header, Reply, Section
from storage.models import Project, StatusUpdate
from storage.uow import UnitOfWork


def recent_statuses(session: Session, project_ids: Iterable[int], per_project: int) -> dict[int, list[StatusUpdate]]:
    """The newest `per_project` updates of each project, newest first, in one query whatever the number of projects."""
    ids = list(project_ids)
    if not ids:
        return {}
    ranked = (
        select(
            StatusUpdate.id,
            func.row_number()
            .over(
                partition_by=StatusUpdate.project_id, order_by=(StatusUpdate.created_at.desc(), StatusUpdate.id.desc())
            )
            .label("rn"),
        )
        .where(StatusUpdate.project_id.in_(ids))
        .subquery()
    )
    rows = session.scalars(
        select(StatusUpdate)
        .join(ranked, ranked.c.id == StatusUpdate.id)
        .where(ranked.c.rn <= per_project)
        .order_by(StatusUpdate.project_id, StatusUpdate.created_at.desc(), StatusUpdate.id.desc())
    ).all()
    found: dict[int, list[StatusUpdate]] = {}
    for r in rows:
        found.setdefault(r.project_id, []).append(r)
    return found


def stale_days(project: Project, last: StatusUpdate | None, now: datetime) -> int | None:
    """Days without a status update (since the project started, if it has none), when that is past its
    cadence; None while the status is fresh."""
    since = last.created_at if last is not None else project.created_at
    if now - since <= timedelta(days=project.cadence.days):
        return None
    return (now - since).days


def latest_statuses(session: Session, project_ids: Iterable[int]) -> dict[int, StatusUpdate]:
    return {pid: updates[0] for pid, updates in recent_statuses(session, project_ids, 1).items()}


def log(cmd: m.StatusLog, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "status")
    policy.require_team(actor, project, "log its status")
    guard.check(note=cmd.note)
    earlier = recent_statuses(s, [project.id], watermelon.LOOK_BACK).get(project.id, [])
    previous = earlier[0] if earlier else None
    update = StatusUpdate(
        project_id=project.id,
        overall=cmd.overall,
        schedule=cmd.schedule,
        budget=cmd.budget,
        scope=cmd.scope,
        note=cmd.note,
        author=actor.person,
        created_at=actor.now,
    )
    s.add(update)
    s.flush()
    melon = watermelon.flags([update, *earlier])
    trail.log(
        s,
        actor,
        "status.log",
        f"project:{project.key}",
        after={
            "overall": cmd.overall,
            "schedule": cmd.schedule,
            "budget": cmd.budget,
            "scope": cmd.scope,
            "previous": previous.overall if previous else None,
            "status_id": update.id,
        }
        | ({"watermelon": melon} if melon else {}),
    )
    blocks: list[Block] = [Section(text=f"*{project.key}* status: {cards.status_line(update, actor.now)}")]
    if melon:
        blocks.append(Context(text=f"🍉 Watermelon? {'; '.join(melon).capitalize()} — worth a word with the sponsor."))
    elif previous and previous.overall != cmd.overall:
        blocks.append(Context(text=f"Was {fmt.rag(previous.overall)} {fmt.ago(previous.created_at, actor.now)}."))
    return Reply.channel(f"{project.key} is {cmd.overall.value}: {fmt.clip(cmd.note, 200)}", *blocks)


def show(cmd: m.StatusShow, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.project(s, actor, cmd.project, "status")
    history = s.scalars(
        select(StatusUpdate)
        .where(StatusUpdate.project_id == project.id)
        .order_by(StatusUpdate.created_at.desc(), StatusUpdate.id.desc())
        .limit(6)
    ).all()
    if not history:
        return Reply.private(
            f"{project.key} has no status yet.",
            Section(text=f"⚪ *{project.key}* has no status yet."),
            Context(text=f'Log one: `/status {project.key} green "note"`'),
            log_button(project.key),
        )
    current, earlier = history[0], history[1:]
    blocks = [
        Header(
            text=f"{fmt.rag(current.overall, stale_days(project, current, actor.now))} · {project.key} · "
            f"{fmt.clip(project.name, 100)}"
        ),
        Section(text=cards.status_line(current, actor.now)),
    ]
    if earlier:
        blocks.append(Section(text="*Earlier*\n" + "\n".join(cards.status_line(u, actor.now) for u in earlier)))
    blocks.append(Context(text=f'Update: `/status {project.key} green|amber|red "note"`'))
    blocks.append(log_button(project.key))
    return Reply.private(f"{project.key} is {current.overall.value}", *blocks)


def log_button(key: str) -> Buttons:
    return Buttons(buttons=(Button(label="Log status", action="form.open", value=key, form="status.log"),))
