"""Forms for the RAID commands: bare `/issue`, `/assumption`, `/dependency`, `/milestone`, `/budget`, and the
one-tap forms on cards (resolve an issue, settle an assumption, write or close an exception note).

commands.forms lists these with its own and hands them here; the value readers are its own (imported when
used, as commands.forms imports this module)."""

from __future__ import annotations

from datetime import date
from typing import Any

from commands import form_values as fv
from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar import raid_models as rm
from commands.grammar.args import KEY_PATTERN, ref_number
from commands.grammar.money import AmountError, parse_amount
from commands.grammar.usage import usage
from commands.replies import Form, FormField, Option
from storage.models import IssueSeverity

SEVERITIES = tuple(Option(value=s.value, label=s.value.capitalize()) for s in IssueSeverity)

CONTEXT_KEY = {
    "issue.raise": "project",
    "issue.resolve": "issue",
    "assumption.raise": "project",
    "assumption.validated": "assumption",
    "assumption.invalid": "assumption",
    "dependency.raise": "project",
    "milestone.set": "project",
    "budget.set": "project",
    "exception.note": "exception",
    "exception.close": "exception",
}
FORMS = tuple(CONTEXT_KEY)


def form(name: str, projects: list[str], context: dict[str, str]) -> Form:
    project = fv.project_field(projects, context.get("project"))
    if name == "issue.raise":
        fields: tuple[FormField, ...] = (
            project,
            FormField(name="title", label="What is going wrong?", max_length=300, hint="No patient details."),
            FormField(name="severity", label="Severity", kind="select", options=SEVERITIES, initial="medium"),
            FormField(name="owner", label="Owner", kind="user", required=False),
            FormField(name="due", label="Resolve by", kind="date", required=False),
        )
        return _form(name, "Raise an issue", "Raise", context, "issue", fields)
    if name == "assumption.raise":
        fields = (
            project,
            FormField(name="text", label="What are we assuming?", kind="multiline", max_length=500),
            FormField(name="owner", label="Who validates it", kind="user", required=False),
            FormField(name="validate_by", label="Validate by", kind="date", required=False),
        )
        return _form(name, "Log an assumption", "Log", context, "assumption", fields)
    if name == "dependency.raise":
        fields = (
            project,
            FormField(name="what", label="What is needed?", max_length=300),
            FormField(
                name="on",
                label="From whom",
                max_length=200,
                hint="Another project's key (LIMS), its milestone (M-4), or someone outside (Vendor X)",
            ),
            FormField(name="need_by", label="Needed by", kind="date"),
            FormField(name="owner", label="Owner", kind="user", required=False),
        )
        return _form(name, "Log a dependency", "Log", context, "dependency", fields)
    if name == "milestone.set":
        fields = (
            project,
            FormField(name="name", label="Milestone", max_length=200, hint="e.g. Go-live"),
            FormField(name="baseline", label="Baseline date", kind="date"),
        )
        return _form(name, "Set a milestone", "Set", context, "milestone", fields)
    if name == "budget.set":
        fields = (
            project,
            FormField(name="approved", label="Approved", required=False, hint="e.g. 1.2M (needed the first time)"),
            FormField(name="actual", label="Spent so far", required=False, hint="e.g. 450k"),
            FormField(name="forecast", label="Forecast at completion", required=False, hint="e.g. 1.3M"),
            FormField(name="currency", label="Currency", required=False, max_length=3, hint="e.g. CAD"),
        )
        return _form(name, "Update the budget", "Save", context, "budget", fields)
    ref = context.get(CONTEXT_KEY[name], "")
    if name == "issue.resolve":
        fields = (FormField(name="how", label="How was it resolved?", kind="multiline", max_length=2000),)
        return _form(name, f"Resolve {ref}".strip(), "Resolve", context, "issue resolve", fields)
    if name in ("assumption.validated", "assumption.invalid"):
        outcome = name.split(".")[1]
        fields = (FormField(name="note", label="What showed it?", kind="multiline", max_length=2000),)
        return _form(name, f"{ref} {outcome}".strip(), "Save", context, "assumption settle", fields)
    if name == "exception.note":
        fields = (
            FormField(
                name="note",
                label="Exception note",
                kind="multiline",
                max_length=2000,
                hint="Why it happened, its impact, the options, and what you recommend",
            ),
        )
        return _form(name, f"Exception note {ref}".strip(), "Send", context, "project exception", fields)
    fields = (FormField(name="decision", label="Decision taken", kind="multiline", max_length=2000),)
    return _form(name, f"Close {ref}".strip(), "Close", context, "project exception", fields)


def _form(
    name: str, title: str, submit: str, context: dict[str, str], usage_key: str, fields: tuple[FormField, ...]
) -> Form:
    return Form(name=name, title=title, submit=submit, context=context, usage=usage(usage_key), fields=fields)


def to_command(name: str, values: dict[str, Any], context: dict[str, str], today: date) -> m.Command:
    project = fv.text(values, "project") or context.get("project") or None
    if name == "issue.raise":
        if not fv.text(values, "title"):
            raise UsageError("An issue needs a title.", "issue", field="title")
        severity = fv.text(values, "severity")
        return rm.IssueRaise(
            project=project,
            title=fv.text(values, "title"),
            severity=IssueSeverity(severity) if severity in IssueSeverity._value2member_map_ else None,
            owner=fv.person(values, "owner"),
            due=fv.day(values, "due", today),
        )
    if name == "assumption.raise":
        if not fv.text(values, "text"):
            raise UsageError("Say what is being assumed.", "assumption", field="text")
        return rm.AssumptionRaise(
            project=project,
            text=fv.text(values, "text"),
            owner=fv.person(values, "owner"),
            validate_by=fv.day(values, "validate_by", today),
        )
    if name == "dependency.raise":
        return _dependency(values, project, today)
    if name == "milestone.set":
        baseline = fv.day(values, "baseline", today)
        if not fv.text(values, "name") or baseline is None:
            field = "name" if not fv.text(values, "name") else "baseline"
            raise UsageError("A milestone needs a name and a baseline date.", "milestone", field=field)
        return rm.MilestoneSet(project=project, name=fv.text(values, "name"), baseline=baseline)
    if name == "budget.set":
        amounts: dict[str, int | None] = {}
        for key in ("approved", "actual", "forecast"):
            raw = fv.text(values, key)
            try:
                amounts[key] = parse_amount(raw) if raw else None
            except AmountError as e:
                raise UsageError(f"{key} {e}.", "budget", field=key) from None
        currency = fv.text(values, "currency").upper() or None
        if currency is not None and not (len(currency) == 3 and currency.isalpha()):
            raise UsageError("currency must be a 3-letter code like CAD.", "budget", field="currency")
        if not any(amounts.values()) and currency is None:
            raise UsageError("Give at least one amount.", "budget", field="approved")
        return rm.BudgetSet(project=project, currency=currency, **amounts)
    if name == "issue.resolve":
        if not fv.text(values, "how"):
            raise UsageError("Say how it was resolved.", "issue resolve", field="how")
        return rm.IssueResolve(ref=fv.ref(context, "issue", "I"), how=fv.text(values, "how"))
    if name in ("assumption.validated", "assumption.invalid"):
        if not fv.text(values, "note"):
            raise UsageError("Say what showed it.", "assumption settle", field="note")
        outcome = "validated" if name == "assumption.validated" else "invalid"
        return rm.AssumptionSettle(
            ref=fv.ref(context, "assumption", "H"), outcome=outcome, note=fv.text(values, "note")
        )
    if name == "exception.note":
        if not fv.text(values, "note"):
            raise UsageError("Write the exception note.", "project exception", field="note")
        return rm.ExceptionNote(ref=fv.ref(context, "exception", "X"), note=fv.text(values, "note"))
    if not fv.text(values, "decision"):
        raise UsageError("Say what was decided.", "project exception", field="decision")
    return rm.ExceptionClose(ref=fv.ref(context, "exception", "X"), decision=fv.text(values, "decision"))


def _dependency(values: dict[str, Any], project: str | None, today: date) -> m.Command:
    on, what, need_by = fv.text(values, "on"), fv.text(values, "what"), fv.day(values, "need_by", today)
    if not what:
        raise UsageError("Say what is needed.", "dependency", field="what")
    if not on:
        raise UsageError("Say whom it is needed from.", "dependency", field="on")
    if need_by is None:
        raise UsageError("A dependency needs a need-by date.", "dependency", field="need_by")
    milestone = ref_number(on, "M")
    key = on.upper() if milestone is None and KEY_PATTERN.match(on) and on.upper() == on else None
    return rm.DependencyRaise(
        project=project,
        on_milestone=milestone,
        on_project=key,
        external=on if milestone is None and key is None else None,
        what=what,
        need_by=need_by,
        owner=fv.person(values, "owner"),
    )
