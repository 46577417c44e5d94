"""Forms for commands that need input: the neutral definitions, and turning submitted values into commands.

Slack shows them as modals, Teams as Adaptive Cards with inputs, the console as usage text."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from commands import form_values as fv
from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar.args import ref_number
from commands.grammar.usage import usage
from commands.raid import forms as raid_forms
from commands.replies import Form, FormField, Option, Reply
from storage.models import RAG, RiskCategory

RAG_OPTIONS = tuple(Option(value=r.value, label=r.value.capitalize()) for r in RAG)
SCALE = tuple(
    Option(value=str(i), label=f"{i} – {w}")
    for i, w in enumerate(("rare", "unlikely", "possible", "likely", "almost certain"), 1)
)
IMPACT = tuple(
    Option(value=str(i), label=f"{i} – {w}")
    for i, w in enumerate(("negligible", "minor", "moderate", "major", "severe"), 1)
)
CATEGORIES = tuple(Option(value=c.value, label=c.value.replace("-", " ").capitalize()) for c in RiskCategory)


EXAMPLE_REFS = {"gate": "G-3", "action": "A-7", "risk": "R-12"}


def _usage(key: str, context: dict[str, str]) -> str:
    """The usage lines with the form's own item in them (G-6's reject form says /gate reject G-6, not G-3)."""
    text = usage(key)
    for kind, example in EXAMPLE_REFS.items():
        if context.get(kind):
            text = text.replace(example, context[kind])
    item = context.get("item", "")
    for example in EXAMPLE_REFS.values():
        if item and item[:1].upper() == example[:1]:
            text = text.replace(example, item)
    return text


def form(name: str, projects: list[str], context: dict[str, str]) -> Form:
    project = context.get("project")
    if name == "risk.raise":
        return Form(
            name=name,
            title="Raise a risk",
            submit="Raise",
            context=context,
            usage=usage("risk"),
            fields=(
                fv.project_field(projects, project),
                FormField(
                    name="title",
                    label="What could go wrong?",
                    max_length=300,
                    hint="No patient details: say “a patient on 4 West”, not a name or number.",
                ),
                FormField(name="likelihood", label="Likelihood", kind="select", options=SCALE, initial="3"),
                FormField(name="impact", label="Impact", kind="select", options=IMPACT, initial="3"),
                FormField(name="category", label="Category", kind="select", options=CATEGORIES, initial="other"),
                FormField(name="owner", label="Owner", kind="user", required=False),
                FormField(name="mitigation", label="Mitigation", kind="multiline", required=False, max_length=2000),
                FormField(
                    name="description",
                    label="Details",
                    kind="multiline",
                    required=False,
                    initial=context.get("description"),
                    max_length=2000,
                ),
            ),
        )
    if name == "status.log":
        return Form(
            name=name,
            title="Log status",
            submit="Log",
            context=context,
            usage=usage("status"),
            fields=(
                fv.project_field(projects, project),
                FormField(name="overall", label="Overall", kind="select", options=RAG_OPTIONS),
                FormField(name="note", label="What changed, in a line", kind="multiline", max_length=1000),
                FormField(name="schedule", label="Schedule", kind="select", options=RAG_OPTIONS, required=False),
                FormField(name="budget", label="Budget", kind="select", options=RAG_OPTIONS, required=False),
                FormField(name="scope", label="Scope", kind="select", options=RAG_OPTIONS, required=False),
            ),
        )
    if name == "action.create":
        return Form(
            name=name,
            title="Assign an action",
            submit="Assign",
            context=context,
            usage=usage("action"),
            fields=(
                fv.project_field(projects, project),
                FormField(name="owner", label="Owner", kind="user"),
                FormField(name="text", label="What needs doing", kind="multiline", max_length=1000),
                FormField(name="due", label="Due", kind="date"),
            ),
        )
    if name == "gate.request":
        return Form(
            name=name,
            title="Request a gate",
            submit="Request",
            context=context,
            usage=usage("gate request"),
            fields=(
                fv.project_field(projects, project),
                FormField(name="name", label="Gate", max_length=200, hint="e.g. Go-live readiness"),
                FormField(
                    name="approvers",
                    label="Approvers",
                    kind="users",
                    required=False,
                    hint="Leave empty for the project's sponsors",
                ),
                FormField(
                    name="quorum",
                    label="Quorum",
                    kind="select",
                    initial="all",
                    options=(Option(value="all", label="All approvers"), Option(value="any", label="Any one approver")),
                ),
                FormField(name="due", label="Decide by", kind="date", required=False),
            ),
        )
    if name in ("gate.reject", "gate.conditions"):
        reject = name == "gate.reject"
        return Form(
            name=name,
            title=f"{'Reject' if reject else 'Approve'} {context.get('gate', '')}".strip(),
            submit="Reject" if reject else "Approve",
            context=context,
            usage=_usage("gate reject" if reject else "gate approve", context),
            fields=(
                FormField(
                    name="reason" if reject else "conditions",
                    label="Why not?" if reject else "Conditions (one per line)",
                    kind="multiline",
                    max_length=2000,
                ),
                *(
                    ()
                    if reject
                    else (
                        FormField(
                            name="waiver",
                            label="If entry checklist items are still open: why approve anyway?",
                            kind="multiline",
                            required=False,
                            max_length=1000,
                        ),
                    )
                ),
            ),
        )
    if name == "gate.approve":
        return Form(
            name=name,
            title=f"Approve {context.get('gate', '')}".strip(),
            submit="Approve",
            context=context,
            usage=_usage("gate approve", context),
            fields=(
                FormField(
                    name="waiver",
                    label="The entry checklist has open items (see the card). Why approve anyway?",
                    kind="multiline",
                    max_length=1000,
                    hint="Recorded with your decision in the audit log.",
                ),
                FormField(name="comment", label="Comment", kind="multiline", required=False, max_length=2000),
            ),
        )
    if name == "action.blocked":
        return Form(
            name=name,
            title=f"Blocked: {context.get('action', '')}".strip(),
            submit="Save",
            context=context,
            usage=_usage("action set", context),
            fields=(FormField(name="reason", label="Blocked on what?", kind="multiline", max_length=1000),),
        )
    if name == "risk.update":
        return Form(
            name=name,
            title=f"Update {context.get('risk', '')}".strip(),
            submit="Update",
            context=context,
            usage=_usage("risk update", context),
            fields=(
                FormField(name="likelihood", label="Likelihood", kind="select", options=SCALE, required=False),
                FormField(name="impact", label="Impact", kind="select", options=IMPACT, required=False),
                FormField(name="owner", label="Owner", kind="user", required=False),
                FormField(name="review", label="Review by", kind="date", required=False),
                FormField(name="mitigation", label="Mitigation", kind="multiline", required=False, max_length=2000),
            ),
        )
    if name in raid_forms.FORMS:
        return raid_forms.form(name, projects, context)
    if name == "item.reassign":
        item = context.get("item", "")
        return Form(
            name=name,
            title=f"Reassign {item}".strip(),
            submit="Reassign",
            context=context,
            usage=_usage("action set" if item.upper().startswith("A") else "risk update", context),
            fields=(FormField(name="owner", label="Who takes it over?", kind="user"),),
        )
    raise UsageError(f"There's no form called {name}.", "help")


FORMS = (
    "risk.raise",
    "status.log",
    "action.create",
    "gate.request",
    "gate.reject",
    "gate.conditions",
    "gate.approve",
    "action.blocked",
    "risk.update",
    *raid_forms.FORMS,
    "item.reassign",
)


CONTEXT_KEY = {
    "gate.reject": "gate",
    "gate.conditions": "gate",
    "gate.approve": "gate",
    "action.blocked": "action",
    "risk.update": "risk",
    "item.reassign": "item",
    "status.log": "project",
    "risk.raise": "project",
    "action.create": "project",
    "gate.request": "project",
} | raid_forms.CONTEXT_KEY


def context_for(form_name: str, value: str) -> dict[str, str]:
    """What a button's value means to the form it opens: `G-3` for gate.reject is {"gate": "G-3"}.
    A value equal to the form's own name (a plain "open the form" button) carries no context."""
    key = CONTEXT_KEY.get(form_name)
    if key is None or not value or value == form_name:
        return {}
    return {key: value}


def open_form(cmd: m.OpenForm, projects: list[str]) -> Reply:
    ctx = {"project": cmd.project} if cmd.project else {}
    f = form(cmd.form, projects, ctx | cmd.prefill)
    return Reply(text=f"{f.title}. To type it instead:\n{f.usage}", form=f)


def to_command(name: str, values: dict[str, Any], context: dict[str, str], today: date) -> m.Command:
    """Submitted values (already flattened by the adapter: user ids, ISO dates, option values) to a command."""
    project = fv.text(values, "project") or context.get("project") or None
    if name == "risk.raise":
        if not fv.text(values, "title"):
            raise UsageError("A risk needs a title.", "risk", field="title")
        category = fv.text(values, "category")
        return m.RiskRaise(
            project=project,
            title=fv.text(values, "title"),
            likelihood=fv.score(values, "likelihood"),
            impact=fv.score(values, "impact"),
            owner=fv.person(values, "owner"),
            category=RiskCategory(category) if category in RiskCategory._value2member_map_ else None,
            mitigation=fv.text(values, "mitigation") or None,
            description=fv.text(values, "description") or None,
        )
    if name == "status.log":
        overall = fv.rag(values, "overall")
        if overall is None or not fv.text(values, "note"):
            raise UsageError(
                "A status needs green, amber or red and a note.",
                "status",
                field="overall" if overall is None else "note",
            )
        return m.StatusLog(
            project=project,
            overall=overall,
            note=fv.text(values, "note"),
            schedule=fv.rag(values, "schedule"),
            budget=fv.rag(values, "budget"),
            scope=fv.rag(values, "scope"),
        )
    if name == "action.create":
        owner, due = fv.person(values, "owner"), fv.day(values, "due", today)
        if owner is None or due is None or not fv.text(values, "text"):
            missing = "owner" if owner is None else ("text" if not fv.text(values, "text") else "due")
            raise UsageError("An action needs an owner, what needs doing and a due date.", "action", field=missing)
        return m.ActionCreate(project=project, owner=owner, text=fv.text(values, "text"), due=due)
    if name == "gate.request":
        if not fv.text(values, "name"):
            raise UsageError("A gate needs a name.", "gate request", field="name")
        raw = values.get("approvers") or []
        approvers = [p for p in (fv.person({"x": v}, "x") for v in (raw if isinstance(raw, list) else [raw])) if p]
        quorum = fv.text(values, "quorum") or "all"
        return m.GateRequest(
            project=project,
            name=fv.text(values, "name"),
            approvers=approvers,
            quorum=quorum if quorum in ("all", "any") else "all",
            due=fv.day(values, "due", today),
        )
    if name == "gate.reject":
        return m.GateDecide(ref=fv.ref(context, "gate", "G"), decision="reject", comment=fv.text(values, "reason"))
    if name == "gate.approve":
        if not fv.text(values, "waiver"):
            raise UsageError("Say why you approve with checklist items open.", "gate approve", field="waiver")
        return m.GateDecide(
            ref=fv.ref(context, "gate", "G"),
            decision="approve",
            comment=fv.text(values, "comment"),
            waiver=fv.text(values, "waiver"),
        )
    if name == "gate.conditions":
        conditions = [c.strip(" -•") for c in re.split(r"[;\n]", fv.text(values, "conditions")) if c.strip(" -•")]
        if not conditions:
            raise UsageError("Write at least one condition.", "gate approve", field="conditions")
        return m.GateDecide(
            ref=fv.ref(context, "gate", "G"),
            decision="approve-with-conditions",
            conditions=conditions,
            waiver=fv.text(values, "waiver"),
        )
    if name == "action.blocked":
        if not fv.text(values, "reason"):
            raise UsageError("Say what it is blocked on.", "action set", field="reason")
        return m.ActionSet(ref=fv.ref(context, "action", "A"), to="blocked", reason=fv.text(values, "reason"))
    if name == "risk.update":
        return m.RiskUpdate(
            ref=fv.ref(context, "risk", "R"),
            likelihood=fv.score(values, "likelihood"),
            impact=fv.score(values, "impact"),
            owner=fv.person(values, "owner"),
            review_by=fv.day(values, "review", today),
            mitigation=fv.text(values, "mitigation") or None,
        )
    if name in raid_forms.FORMS:
        return raid_forms.to_command(name, values, context, today)
    if name == "item.reassign":
        owner = fv.person(values, "owner")
        if owner is None:
            raise UsageError("Choose who takes it over.", "action set", field="owner")
        item = context.get("item", "")
        if ref_number(item, "R") is not None:
            return m.RiskUpdate(ref=fv.ref(context, "item", "R"), owner=owner)
        return m.ActionReassign(ref=fv.ref(context, "item", "A"), owner=owner)
    raise UsageError(f"There's no form called {name}.", "help")


def as_typed(name: str, values: dict[str, Any], context: dict[str, str]) -> tuple[str, str] | None:
    """The same submission as a typed command and its text, where the grammar has one, so a PHI refusal of a
    form offers the redacted version just as a typed command's does. None when there is no such command."""
    project = fv.text(values, "project") or context.get("project")
    if name == "status.log" and project and (rag := fv.rag(values, "overall")) and '"' not in fv.text(values, "note"):
        extra = "".join(f" {k}:{r.value}" for k in ("schedule", "budget", "scope") if (r := fv.rag(values, k)))
        return "/status", f'{project} {rag.value} "{fv.text(values, "note")}"{extra}'
    return None
