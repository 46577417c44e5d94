"""/digest subscribe | list | unsubscribe | now."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from sqlalchemy import select

from commands import format as fmt
from commands import lookup, policy, trail
from commands.context import Actor
from commands.digests import schedule
from commands.digests.build import load_for, render_digest, scope_projects
from commands.errors import Forbidden, NotFound, UsageError
from commands.grammar import models as m
from commands.notify import to_channel
from commands.replies import Context, Header, Reply, Section
from storage.models import DigestScope, DigestSubscription, Project
from storage.numbering import next_number
from storage.uow import UnitOfWork


def _target(
    actor: Actor, uow: UnitOfWork, target: str | None, usage: str
) -> tuple[DigestScope, Project | None, list[Project]]:
    s = uow.session
    if target == "portfolio":
        return DigestScope.PORTFOLIO, None, []
    if target:
        p = lookup.active_project(s, actor, target, usage)
        return DigestScope.PROJECT, p, [p]
    linked = lookup.linked_projects(s, actor)
    if not linked:
        raise UsageError("This channel isn't linked to a project: name one (KEY) or say portfolio.", usage)
    return DigestScope.CHANNEL, None, linked


def _require_channel(actor: Actor, usage: str) -> str:
    if not actor.channel:
        raise UsageError("Run this in the channel the digest should go to.", usage)
    return actor.channel


def subscribe(cmd: m.DigestSubscribe, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    channel = _require_channel(actor, "digest subscribe")
    scope, project, projects = _target(actor, uow, cmd.target, "digest subscribe")
    if scope == DigestScope.PORTFOLIO:
        policy.require_admin(actor, "subscribe a channel to the portfolio digest")
    elif not any(policy.is_lead(actor, p) for p in projects):
        raise Forbidden(
            f"Only {'/'.join(p.key for p in projects)}'s PM, a sponsor or a PMO admin can subscribe this channel."
        )
    tz = cmd.timezone or actor.tz.key
    rule = schedule.make_rule(cmd.days, cmd.at, actor.now.astimezone(ZoneInfo(tz)))  # the rule's own zone starts it
    sub = DigestSubscription(
        workspace_id=actor.workspace.id,
        number=next_number(s, actor.workspace.id, "digest"),
        channel_id=channel,
        scope=scope,
        project_id=project.id if project else None,
        rrule=rule,
        timezone=tz,
        created_by_id=actor.person.id,
        created_at=actor.now,
        last_occurrence=schedule.latest_due(rule, tz, actor.now),
    )
    s.add(sub)
    s.flush()
    what = {
        DigestScope.PORTFOLIO: "the portfolio",
        DigestScope.PROJECT: project.key if project else "",
        DigestScope.CHANNEL: "this channel's projects",
    }[scope]
    when = schedule.describe(rule, tz)
    trail.log(
        s,
        actor,
        "digest.subscribe",
        f"digest:D-{sub.number}",
        after={"channel": channel, "scope": scope, "project": project.key if project else None, "schedule": when},
    )
    nxt = schedule.next_due(rule, tz, actor.now)
    nxt_text = f" First one {fmt.day(nxt.astimezone(actor.tz).date(), actor.today)}." if nxt else ""
    return Reply.channel(
        f"Digest D-{sub.number}: {what}, {when}.",
        Section(text=f"🗞️ This channel gets a digest of {what}, {when} (D-{sub.number}).{nxt_text}"),
    )


def list_subscriptions(cmd: m.DigestList, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    subs = s.scalars(
        select(DigestSubscription)
        .where(DigestSubscription.workspace_id == actor.workspace.id, DigestSubscription.active)
        .order_by(DigestSubscription.number)
    ).all()
    if not subs:
        return Reply.private(
            "No digests yet.",
            Section(text="No digests yet."),
            Context(text="`/digest subscribe [KEY|portfolio] mon,thu 08:00 [America/Toronto]`"),
        )
    lines = []
    for sub in subs:
        what = sub.project.key if sub.project else sub.scope.value
        here = " (this channel)" if sub.channel_id == actor.channel else ""
        lines.append(f"*D-{sub.number}* {what} → {sub.channel_id}{here} · {schedule.describe(sub.rrule, sub.timezone)}")
    return Reply.private(
        f"{len(subs)} digests",
        Header(text="Digests"),
        Section(text="\n".join(lines)),
        Context(text="`/digest unsubscribe ID` stops one."),
    )


def unsubscribe(cmd: m.DigestUnsubscribe, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    sub = s.scalar(
        select(DigestSubscription).where(
            DigestSubscription.workspace_id == actor.workspace.id,
            DigestSubscription.number == cmd.number,
            DigestSubscription.active,
        )
    )
    if sub is None:
        raise NotFound(f"There's no digest D-{cmd.number}. `/digest list` shows them.")
    allowed = (
        policy.is_admin(actor)
        or sub.created_by_id == actor.person.id
        or (sub.project is not None and policy.is_lead(actor, sub.project))
    )
    if not allowed:
        raise Forbidden(f"Only whoever set up D-{cmd.number}, its project's leads or a PMO admin can stop it.")
    sub.active = False
    trail.log(s, actor, "digest.unsubscribe", f"digest:D-{sub.number}", {"active": True}, {"active": False})
    return Reply.channel(f"Digest D-{sub.number} stopped.", Section(text=f"🗞️ Digest D-{sub.number} stopped."))


def now(cmd: m.DigestNow, actor: Actor, uow: UnitOfWork) -> Reply:
    """Queue the digest for this channel through the outbox, so it obeys the same rate limits."""
    s = uow.session
    channel = _require_channel(actor, "digest now")
    scope, _project, projects = _target(actor, uow, cmd.target, "digest now")
    if scope == DigestScope.PORTFOLIO:
        projects = scope_projects(s, actor.workspace.id, scope, None, channel)
    if not projects:
        raise NotFound("There are no active projects to report on.")
    data = load_for(s, [p.id for p in projects], None, actor.now, actor.today)
    reply = render_digest(scope, projects, data, None, actor.now, actor.today)
    to_channel(
        s, actor, channel, reply, key=f"digest:now:{channel}:{cmd.target or scope.value}:{actor.now.isoformat()}"
    )
    return Reply.private("Queued the digest for this channel.", Section(text="🗞️ Queued the digest for this channel."))
