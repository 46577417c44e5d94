"""The budget: approved, actual, forecast and currency, with every change kept. Variance = expected − approved
(amount and percent); the budget RAG follows from it unless the PM overrides it with a reason."""

from __future__ import annotations

from sqlalchemy import select

from commands import format as fmt
from commands import guard, lookup, policy, trail
from commands.context import Actor
from commands.errors import Forbidden, NotFound, UsageError
from commands.grammar import raid_models as rm
from commands.grammar.money import say
from commands.raid import exceptions, lines, rules
from commands.raid.latest import latest_budgets
from commands.replies import Block, Button, Buttons, Context, Header, Reply, Section
from storage.models import BudgetEntry, Project, Tolerance
from storage.uow import UnitOfWork

DEFAULT_CURRENCY = "USD"
AMOUNTS = ("approved", "actual", "forecast", "currency")


def _state(entry: BudgetEntry | None) -> dict[str, object]:
    if entry is None:
        return {}
    return {
        "approved": entry.approved,
        "actual": entry.actual,
        "forecast": entry.forecast,
        "currency": entry.currency,
        "rag_override": entry.rag_override,
        "override_reason": entry.override_reason,
    }


def _entry(project: Project, actor: Actor, **values: object) -> BudgetEntry:
    return BudgetEntry(project_id=project.id, author_id=actor.person.id, created_at=actor.now, **values)


def set_budget(cmd: rm.BudgetSet, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "budget")
    policy.require_lead(actor, project, "set its budget")
    prev = latest_budgets(s, [project.id]).get(project.id)
    if prev is None and cmd.approved is None:
        raise UsageError("A project's first budget needs the approved amount (approved:1.2M).", "budget")
    if prev is not None and cmd.currency and cmd.currency != prev.currency and cmd.approved is None:
        raise UsageError(
            f"The budget is in {prev.currency}; changing the currency needs the approved amount in the new one.",
            "budget",
        )
    state = _state(prev) | {k: v for k, v in cmd.model_dump(include=set(AMOUNTS)).items() if v is not None}
    state.setdefault("currency", DEFAULT_CURRENCY)
    if state == _state(prev):
        return Reply.private(f"Nothing changed on {project.key}'s budget.")
    entry = _entry(project, actor, **state)
    s.add(entry)
    s.flush()
    before = {k: _state(prev).get(k) for k in AMOUNTS}
    trail.log(s, actor, "budget.set", f"project:{project.key}", before, {k: state.get(k) for k in AMOUNTS})
    tol = s.scalar(select(Tolerance).where(Tolerance.project_id == project.id))
    return Reply.channel(
        f"{project.key} budget: approved {say(entry.approved, entry.currency)}",
        Section(text=f"*{project.key}* {lines.budget_line(entry, tol)}"),
        *exceptions.check(actor, uow, project),
    )


def override(cmd: rm.BudgetOverride, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.active_project(s, actor, cmd.project, "budget")
    if not (policy.is_pm(actor.person, project) or policy.is_admin(actor)):
        raise Forbidden(f"Only {project.key}'s PM (or a PMO admin) can override its budget RAG.")
    prev = latest_budgets(s, [project.id]).get(project.id)
    if prev is None:
        raise NotFound(f"{project.key} has no budget yet: `/budget {project.key} approved:AMOUNT` first.")
    guard.check(reason=cmd.reason)
    guard.fits(cmd.reason, 1000, "A reason", "budget", field="reason")
    state = _state(prev) | {"rag_override": cmd.rag, "override_reason": cmd.reason or None}
    entry = _entry(project, actor, **state)
    s.add(entry)
    s.flush()
    trail.log(
        s,
        actor,
        "budget.override",
        f"project:{project.key}",
        {"rag_override": prev.rag_override, "override_reason": prev.override_reason},
        {"rag_override": cmd.rag, "override_reason": cmd.reason or None},
    )
    tol = s.scalar(select(Tolerance).where(Tolerance.project_id == project.id))
    said = "follows its variance again" if cmd.rag is None else f"set to {cmd.rag.value} by the PM"
    return Reply.channel(
        f"{project.key} budget RAG {said}", Section(text=f"*{project.key}* {lines.budget_line(entry, tol)}")
    )


def show(cmd: rm.BudgetShow, actor: Actor, uow: UnitOfWork) -> Reply:
    s = uow.session
    project = lookup.project(s, actor, cmd.project, "budget")
    history = s.scalars(
        select(BudgetEntry).where(BudgetEntry.project_id == project.id).order_by(BudgetEntry.id.desc()).limit(6)
    ).all()
    tol = s.scalar(select(Tolerance).where(Tolerance.project_id == project.id))
    form = Buttons(
        buttons=(Button(label="Update the budget", action="form.open", value=project.key, form="budget.set"),)
    )
    if not history:
        return Reply.private(
            f"{project.key} has no budget yet.",
            Section(text=f"*{project.key}* has no budget yet."),
            Context(text=f"`/budget {project.key} approved:1.2M [actual:…] [forecast:…] [currency:CAD]`"),
            form,
        )
    current, earlier = history[0], history[1:]
    blocks: list[Block] = [
        Header(text=f"{project.key} budget"),
        Section(text=lines.budget_line(current, tol)),
        Context(text=f"Tolerances: {rules.describe(tol)}"),
    ]
    if earlier:
        blocks.append(
            Section(
                text="*History*\n"
                + "\n".join(
                    f"{fmt.day(e.created_at.date(), actor.today)} · {fmt.who(e.author)} · approved "
                    f"{say(e.approved, e.currency)}"
                    + (f" · actual {say(e.actual)}" if e.actual is not None else "")
                    + (f" · forecast {say(e.forecast)}" if e.forecast is not None else "")
                    + (f" · RAG set {e.rag_override.value}" if e.rag_override else "")
                    for e in earlier
                )
            )
        )
    blocks.append(form)
    return Reply.private(f"{project.key} budget: {lines.budget_line(current, tol)}", *blocks)
