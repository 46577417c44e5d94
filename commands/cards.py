"""Reusable views: one line per item, and the cards for a project, a risk and a gate."""

from __future__ import annotations

from datetime import date, datetime

from commands import format as fmt
from commands.replies import Block, Button, Buttons, Context, FieldItem, Header, Section
from storage.models import (
    Action,
    ActionStatus,
    DecisionKind,
    Gate,
    GateStatus,
    Project,
    Risk,
    RiskStatus,
    StatusUpdate,
)


def risk_line(r: Risk, today: date, project: bool = False) -> str:
    """`project`: name the project too (a list across projects)."""
    if r.status in (RiskStatus.OPEN, RiskStatus.MITIGATING):
        review = fmt.due_phrase(r.review_by, today, "review")
    else:
        review = f"review due {fmt.day(r.review_by, today)}"
    status = "" if r.status == RiskStatus.OPEN else f" · {r.status.value}"
    key = f" {r.project.key}" if project else ""
    return (
        f"{fmt.LEVEL_MARK[r.level]} *{r.ref}*{key} {fmt.clip(r.title, 90)} — "
        f"{fmt.score(r.likelihood, r.impact, r.level)}{status} · {fmt.who(r.owner)} · {review}"
    )


def action_line(a: Action, today: date, project: bool = False) -> str:
    if a.status == ActionStatus.OPEN:
        state = fmt.due_phrase(a.due, today)
    elif a.status == ActionStatus.BLOCKED:
        state = f"⛔ blocked: {fmt.clip(a.blocked_reason or '', 60)} · {fmt.due_phrase(a.due, today)}"
    else:
        state = a.status.value
    key = f" {a.project.key}" if project else ""
    return f"☐ *{a.ref}*{key} {fmt.clip(a.text, 90)} — {fmt.who(a.owner)} · {state}"


def gate_line(g: Gate, today: date) -> str:
    if g.status == GateStatus.PENDING and g.due:
        due = f" · {fmt.due_phrase(g.due, today, 'decision')}"
    else:
        due = f" · due {fmt.day(g.due, today)}" if g.due else ""
    return f"{fmt.GATE_MARK[g.status]} *{g.ref}* {g.project.key} {fmt.clip(g.name, 80)} — {g.status.value}{due}"


def status_line(s: StatusUpdate, now: datetime) -> str:
    parts = [fmt.rag(s.overall)]
    for dim in ("schedule", "budget", "scope"):
        value = getattr(s, dim)
        if value is not None:
            parts.append(f"{dim} {fmt.rag(value)}")
    return f"{' · '.join(parts)} — {fmt.clip(s.note, 160)} · _{fmt.who(s.author)}, {fmt.ago(s.created_at, now)}_"


def risk_detail(r: Risk, today: date) -> list[Block]:
    fields = [
        FieldItem(label="Score", value=f"{fmt.LEVEL_MARK[r.level]} {fmt.score(r.likelihood, r.impact, r.level)}"),
        FieldItem(
            label="Status",
            value=r.status.value
            + (
                f" until {fmt.day(r.accepted_until, today)}"
                if r.accepted_until and r.status == RiskStatus.ACCEPTED
                else ""
            ),
        ),
        FieldItem(label="Owner", value=fmt.who(r.owner)),
        FieldItem(label="Review by", value=fmt.day(r.review_by, today)),
        FieldItem(label="Category", value=r.category.value),
        FieldItem(label="Project", value=r.project.key),
    ]
    blocks: list[Block] = [Header(text=f"{r.ref} {fmt.clip(r.title, 140)}"), Section(fields=tuple(fields))]
    if r.description:
        blocks.append(Section(text=fmt.clip(r.description, 2000)))
    blocks.append(Section(text=f"*Mitigation*\n{fmt.clip(r.mitigation, 2000) if r.mitigation else '_none yet_'}"))
    if r.status == RiskStatus.CLOSED:
        blocks.append(Section(text=f"*Closed*: {fmt.clip(r.closure_reason or '', 500)}"))
    else:
        blocks.append(
            Buttons(
                buttons=(
                    Button(
                        label="Mark reviewed", action="risk.reviewed", value=r.ref, command=f"/risk {r.ref} reviewed"
                    ),
                    Button(label="Update", action="risk.update", value=r.ref, form="risk.update"),
                )
            )
        )
    blocks.append(Context(text=f"Raised by {fmt.who(r.raised_by)} on {fmt.day(r.created_at.date(), today)}"))
    return blocks


DECIDED = {
    DecisionKind.APPROVE: ("✅", "approved"),
    DecisionKind.APPROVE_WITH_CONDITIONS: ("☑️", "approved with conditions"),
    DecisionKind.REJECT: ("⛔", "rejected"),
    DecisionKind.ABSTAIN: ("➖", "abstained"),
}
ENDED = {
    GateStatus.APPROVED: "This decision is final and in the decision log.",
    GateStatus.REJECTED: "This decision is final and in the decision log.",
    GateStatus.WITHDRAWN: "Withdrawn before a decision; nobody decided it.",
    GateStatus.EXPIRED: "Expired without a decision; nobody decided it.",
}


def project_header(
    p: Project, current: StatusUpdate | None, now: datetime, stale: int | None, melon: list[str] | None = None
) -> list[Block]:
    """`stale`: days without an update, when that is past the project's cadence (None when it is fresh)."""
    sponsors = ", ".join(fmt.who(s) for s in p.people_with("sponsor")) or "—"
    status = status_line(current, now) if current else "⚪ No status yet"
    if melon:
        status += f"\n🍉 *Watermelon?* {'; '.join(melon).capitalize()}."
    if stale is not None:
        status += f"\n⚠️ *Stale*: no update for {fmt.plural(stale, 'day')}, past its {p.cadence.value} cadence."
    return [
        Header(text=f"{fmt.rag(current.overall if current else None, stale)} · {p.key} · {fmt.clip(p.name, 120)}"),
        Section(text=status),
        Context(text=f"PM {fmt.who(p.pm)} · sponsors {sponsors} · {p.methodology.value} · {p.cadence.value} status"),
    ]
