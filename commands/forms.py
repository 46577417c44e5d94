"""Forms for commands that need input: the neutral definitions, and turning submitted values into commands.

Slack shows them as modals, Teams as Adaptive Cards with inputs, the console as usage text."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar.args import ref_number
from commands.grammar.dates import DateError, parse_date
from commands.grammar.tokens import Mention, as_mention
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


def _project_field(projects: list[str], initial: str | None) -> FormField:
    return FormField(
        name="project",
        label="Project",
        kind="select",
        initial=initial,
        options=tuple(Option(value=k, label=k) for k in projects),
    )


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
                _project_field(projects, project),
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
                _project_field(projects, project),
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
                _project_field(projects, project),
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
                _project_field(projects, project),
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


# -- submissions ------------------------------------------------------------------------------
def _text(values: dict[str, Any], key: str) -> str:
    v = values.get(key)
    return str(v).strip() if v not in (None, "") else ""


def _person(values: dict[str, Any], key: str) -> Mention | None:
    raw = _text(values, key)
    if not raw:
        return None
    return as_mention(raw if raw.startswith(("<@", "@")) else f"<@{raw}>") or Mention(user_id=raw, name=None)


def _date(values: dict[str, Any], key: str, today: date) -> date | None:
    raw = _text(values, key)
    if not raw:
        return None
    try:
        return parse_date(raw, today)
    except DateError as e:
        raise UsageError(f"{key}: {e}", field=key) from None


def _int(values: dict[str, Any], key: str) -> int | None:
    raw = _text(values, key)
    return int(raw) if re.fullmatch(r"[1-5]", raw) else None


def _rag(values: dict[str, Any], key: str) -> RAG | None:
    raw = _text(values, key).lower()
    return RAG(raw) if raw in RAG._value2member_map_ else None


def to_command(name: str, values: dict[str, Any], context: dict[str, str], today: date) -> m.Command:
    """Submitted values (already flattened by the adapter: user ids, ISO dates, option values) to a command."""
    project = _text(values, "project") or context.get("project") or None
    if name == "risk.raise":
        if not _text(values, "title"):
            raise UsageError("A risk needs a title.", "risk", field="title")
        category = _text(values, "category")
        return m.RiskRaise(
            project=project,
            title=_text(values, "title"),
            likelihood=_int(values, "likelihood"),
            impact=_int(values, "impact"),
            owner=_person(values, "owner"),
            category=RiskCategory(category) if category in RiskCategory._value2member_map_ else None,
            mitigation=_text(values, "mitigation") or None,
            description=_text(values, "description") or None,
        )
    if name == "status.log":
        overall = _rag(values, "overall")
        if overall is None or not _text(values, "note"):
            raise UsageError(
                "A status needs green, amber or red and a note.",
                "status",
                field="overall" if overall is None else "note",
            )
        return m.StatusLog(
            project=project,
            overall=overall,
            note=_text(values, "note"),
            schedule=_rag(values, "schedule"),
            budget=_rag(values, "budget"),
            scope=_rag(values, "scope"),
        )
    if name == "action.create":
        owner, due = _person(values, "owner"), _date(values, "due", today)
        if owner is None or due is None or not _text(values, "text"):
            missing = "owner" if owner is None else ("text" if not _text(values, "text") else "due")
            raise UsageError("An action needs an owner, what needs doing and a due date.", "action", field=missing)
        return m.ActionCreate(project=project, owner=owner, text=_text(values, "text"), due=due)
    if name == "gate.request":
        if not _text(values, "name"):
            raise UsageError("A gate needs a name.", "gate request", field="name")
        raw = values.get("approvers") or []
        approvers = [p for p in (_person({"x": v}, "x") for v in (raw if isinstance(raw, list) else [raw])) if p]
        quorum = _text(values, "quorum") or "all"
        return m.GateRequest(
            project=project,
            name=_text(values, "name"),
            approvers=approvers,
            quorum=quorum if quorum in ("all", "any") else "all",
            due=_date(values, "due", today),
        )
    if name == "gate.reject":
        return m.GateDecide(ref=_ref(context, "gate", "G"), decision="reject", comment=_text(values, "reason"))
    if name == "gate.approve":
        if not _text(values, "waiver"):
            raise UsageError("Say why you approve with checklist items open.", "gate approve", field="waiver")
        return m.GateDecide(
            ref=_ref(context, "gate", "G"),
            decision="approve",
            comment=_text(values, "comment"),
            waiver=_text(values, "waiver"),
        )
    if name == "gate.conditions":
        conditions = [c.strip(" -•") for c in re.split(r"[;\n]", _text(values, "conditions")) if c.strip(" -•")]
        if not conditions:
            raise UsageError("Write at least one condition.", "gate approve", field="conditions")
        return m.GateDecide(
            ref=_ref(context, "gate", "G"),
            decision="approve-with-conditions",
            conditions=conditions,
            waiver=_text(values, "waiver"),
        )
    if name == "action.blocked":
        if not _text(values, "reason"):
            raise UsageError("Say what it is blocked on.", "action set", field="reason")
        return m.ActionSet(ref=_ref(context, "action", "A"), to="blocked", reason=_text(values, "reason"))
    if name == "risk.update":
        return m.RiskUpdate(
            ref=_ref(context, "risk", "R"),
            likelihood=_int(values, "likelihood"),
            impact=_int(values, "impact"),
            owner=_person(values, "owner"),
            review_by=_date(values, "review", today),
            mitigation=_text(values, "mitigation") or None,
        )
    if name in raid_forms.FORMS:
        return raid_forms.to_command(name, values, context, today)
    if name == "item.reassign":
        owner = _person(values, "owner")
        if owner is None:
            raise UsageError("Choose who takes it over.", "action set", field="owner")
        item = context.get("item", "")
        if ref_number(item, "R") is not None:
            return m.RiskUpdate(ref=_ref(context, "item", "R"), owner=owner)
        return m.ActionReassign(ref=_ref(context, "item", "A"), owner=owner)
    raise UsageError(f"There's no form called {name}.", "help")


def as_typed(name: str, values: dict[str, Any], context: dict[str, str]) -> tuple[str, str] | None:
    """The same submission as a typed command and its text, where the grammar has one, so a PHI refusal of a
    form offers the redacted version just as a typed command's does. None when there is no such command."""
    project = _text(values, "project") or context.get("project")
    if name == "status.log" and project and (rag := _rag(values, "overall")) and '"' not in _text(values, "note"):
        extra = "".join(f" {k}:{r.value}" for k in ("schedule", "budget", "scope") if (r := _rag(values, k)))
        return "/status", f'{project} {rag.value} "{_text(values, "note")}"{extra}'
    return None


def _ref(context: dict[str, str], key: str, prefix: str) -> int:
    n = ref_number(context.get(key, ""), prefix)
    if n is None:
        raise UsageError(f"This form lost track of which {key} it was for; open it again.")
    return n
