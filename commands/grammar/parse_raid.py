"""Grammar for the rest of the RAID log and the plan's controls: /issue, /assumption, /dependency, /milestone,
/budget, /raid, `/risk R-12 occurred`, `/project tolerance|exception`, `/pmo admin channel`."""

from __future__ import annotations

import re
from datetime import date

from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar import raid_models as rm
from commands.grammar.args import KEY_PATTERN, RAG_WORDS, Args, ref_number
from commands.grammar.echo import echo
from commands.grammar.money import AmountError, parse_amount
from commands.grammar.tokens import Word, tokenize
from storage.models import IssueSeverity, RiskLevel

SEVERITIES = {s.value: s for s in IssueSeverity}
LEVELS = {lv.value: lv for lv in RiskLevel}


def _list(
    words: list[Word], usage: str, filters: tuple[str, ...], today: date, known: set[str]
) -> tuple[str | None, str]:
    """`list [KEY] [filter]` in either order."""
    a = Args(words, usage, set(), today)
    key = a.pop_key(known, reserved=set(filters))
    flt = a.pop_keyword(*filters) or filters[0]
    key = key or a.pop_key(known)
    a.done()
    return key, flt


def _head(text: str, prefix: str) -> tuple[list[Word], str | None, int | None]:
    """The words, the first unquoted word lower-cased, and the item number when it is a ref like I-3."""
    words = tokenize(text)
    first = words[0] if words else None
    verb = first.lower if first is not None and not first.quoted else None
    number = ref_number(first, prefix) if first is not None and not first.quoted else None
    return words, verb, number


def _severity(a: Args) -> IssueSeverity | None:
    found = a.opt_choice("severity", {**SEVERITIES})
    return found if isinstance(found, IssueSeverity) else None


# -- /issue -----------------------------------------------------------------------------------
def issue(text: str, today: date, known: set[str]) -> m.Command:
    words, verb, number = _head(text, "I")
    if not words:
        return m.OpenForm(form="issue.raise")
    if verb == "list":
        key, flt = _list(words[1:], "issue list", ("open", "all", "mine", "critical"), today, known)
        return rm.IssueList(project=key, filter=flt)
    if number is not None:
        return _issue_ref(number, words[1:], today)
    a = Args(words, "issue", {"severity", "owner", "due"}, today)
    key = a.pop_key(known, reserved={"list"})
    title = a.rest_text()
    if not title:
        if key and not a.options:
            return m.OpenForm(form="issue.raise", project=key)
        raise UsageError("An issue needs a title in quotes: what is going wrong now.", "issue")
    return rm.IssueRaise(
        project=key,
        title=title,
        severity=_severity(a),
        owner=a.opt_mention("owner"),
        due=a.opt_date("due", "due date"),
    )


def _issue_ref(number: int, words: list[Word], today: date) -> m.Command:
    if not words:
        return rm.IssueShow(ref=number)
    verb = words[0].lower if not words[0].quoted else None
    if verb == "update":
        a = Args(words[1:], "issue update", {"severity", "owner", "due"}, today)
        a.done()
        if not a.options:
            raise UsageError("Say what to change: severity:, owner: or due:.", "issue update")
        return rm.IssueUpdate(
            ref=number, severity=_severity(a), owner=a.opt_mention("owner"), due=a.opt_date("due", "due date")
        )
    if verb == "resolve":
        a = Args(words[1:], "issue resolve", set(), today)
        how = a.rest_text()
        if not how:
            raise UsageError("Say how it was resolved.", "issue resolve")
        return rm.IssueResolve(ref=number, how=how)
    raise UsageError(f"`{echo(words[0].text)}` isn't something I can do to an issue.", "issue show")


def risk_occurred(number: int, words: list[Word], today: date) -> m.Command:
    """`/risk R-12 occurred "what happened"` (words after the verb)."""
    a = Args(words, "risk occurred", set(), today)
    what = a.rest_text()
    if not what:
        raise UsageError("Say what happened.", "risk occurred")
    return rm.RiskOccurred(ref=number, what=what)


# -- /assumption ------------------------------------------------------------------------------
def assumption(text: str, today: date, known: set[str]) -> m.Command:
    words, verb, number = _head(text, "H")
    if not words:
        return m.OpenForm(form="assumption.raise")
    if verb == "list":
        key, flt = _list(words[1:], "assumption list", ("open", "all", "mine"), today, known)
        return rm.AssumptionList(project=key, filter=flt)
    if number is not None:
        a = Args(words[1:], "assumption settle", set(), today)
        outcome = a.pop_keyword("validated", "valid", "invalid", "raise-risk")
        if outcome is None:
            if not a.words:
                return rm.AssumptionShow(ref=number)
            raise UsageError('Say validated "note" or invalid "note".', "assumption settle")
        if outcome == "raise-risk":
            a.done()
            return rm.AssumptionRaiseRisk(ref=number)
        note = a.rest_text()
        if not note:
            raise UsageError("Say what showed it, in a short note.", "assumption settle")
        return rm.AssumptionSettle(ref=number, outcome="invalid" if outcome == "invalid" else "validated", note=note)
    a = Args(words, "assumption", {"owner", "validate-by"}, today)
    key = a.pop_key(known, reserved={"list"})
    body = a.rest_text()
    if not body:
        if key and not a.options:
            return m.OpenForm(form="assumption.raise", project=key)
        raise UsageError("An assumption needs its text in quotes.", "assumption")
    return rm.AssumptionRaise(
        project=key, text=body, owner=a.opt_mention("owner"), validate_by=a.opt_date("validate-by", "validate-by")
    )


# -- /dependency ------------------------------------------------------------------------------
def dependency(text: str, today: date, known: set[str]) -> m.Command:
    words, verb, number = _head(text, "N")
    if not words:
        return m.OpenForm(form="dependency.raise")
    if verb == "list":
        key, flt = _list(words[1:], "dependency list", ("open", "all"), today, known)
        return rm.DependencyList(project=key, filter=flt)
    if number is not None:
        a = Args(words[1:], "dependency close", set(), today)
        outcome = a.pop_keyword("met", "dropped")
        if outcome is None:
            if not a.words:
                return rm.DependencyShow(ref=number)
            raise UsageError("Say met or dropped (and a note if you like).", "dependency close")
        return rm.DependencyClose(ref=number, outcome=outcome, note=a.rest_text())
    a = Args(words, "dependency", {"need-by", "owner"}, today)
    key = a.pop_key(known, reserved={"on", "list"})
    if a.pop_keyword("on") is None:
        if key and not a.words and not a.options:
            return m.OpenForm(form="dependency.raise", project=key)
        raise UsageError('Say what it depends on: on OTHER-KEY, on M-4 or on "an outside party".', "dependency")
    target = a.pop()
    if target is None:
        raise UsageError("Say what it depends on after `on`.", "dependency")
    on_project = on_milestone = external = None
    if target.quoted:
        external = target.text.strip()
    elif (ms := ref_number(target, "M")) is not None:
        on_milestone = ms
    elif KEY_PATTERN.match(target.text):
        on_project = target.text.upper()
    else:
        raise UsageError(
            f'`{echo(target.text)}` isn\'t a project key or milestone; quote an outside party: on "Vendor".',
            "dependency",
        )
    if external == "":
        raise UsageError("Name the outside party in the quotes after `on`.", "dependency")
    what = a.rest_text()
    if not what:
        raise UsageError("Say what is needed, in quotes.", "dependency")
    need_by = a.opt_date("need-by", "need-by")
    if need_by is None:
        raise UsageError("A dependency needs a need-by date (need-by:DATE).", "dependency")
    return rm.DependencyRaise(
        project=key,
        on_project=on_project,
        on_milestone=on_milestone,
        external=external,
        what=what,
        need_by=need_by,
        owner=a.opt_mention("owner"),
    )


# -- /milestone -------------------------------------------------------------------------------
def milestone(text: str, today: date, known: set[str]) -> m.Command:
    words, verb, number = _head(text, "M")
    if not words:
        return m.OpenForm(form="milestone.set")
    if verb == "list":
        key, flt = _list(words[1:], "milestone list", ("open", "all"), today, known)
        return rm.MilestoneList(project=key, filter=flt)
    if number is not None:
        a = Args(words[1:], "milestone forecast", set(), today)
        what = a.pop_keyword("forecast", "done")
        if what is None:
            if not a.words:
                return rm.MilestoneShow(ref=number)
            raise UsageError("Say forecast DATE or done.", "milestone forecast")
        raw = a.rest_text()
        if what == "done":
            return rm.MilestoneDone(ref=number, on=a.date(raw, "done on") if raw else None)
        if not raw:
            raise UsageError("Say the forecast date.", "milestone forecast")
        return rm.MilestoneForecast(ref=number, forecast=a.date(raw, "forecast"))
    a = Args(words, "milestone", set(), today)
    key = a.pop_key(known, reserved={"list"})
    if not a.words:
        if key:
            return m.OpenForm(form="milestone.set", project=key)
        raise UsageError("A milestone needs a name in quotes and its baseline date.", "milestone")
    quoted = [i for i, w in enumerate(a.words) if w.quoted]
    if quoted:
        name = a.words.pop(quoted[0]).text.strip()
    elif len(a.words) >= 2:
        name = " ".join(w.text for w in a.words[:-1])
        a.words = a.words[-1:]
    else:
        name = ""
    raw = a.rest_text()
    if not name:
        raise UsageError("A milestone needs a name in quotes.", "milestone")
    if not raw:
        raise UsageError("A milestone needs its baseline date.", "milestone")
    return rm.MilestoneSet(project=key, name=name, baseline=a.date(raw, "baseline"))


# -- /budget ----------------------------------------------------------------------------------
def budget(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    if not words:
        return m.OpenForm(form="budget.set")
    a = Args(words, "budget", {"approved", "actual", "forecast", "currency", "rag"}, today)
    key = a.pop_key(known)
    if "rag" in a.options:
        raw = a.options["rag"].strip().lower()
        if set(a.options) != {"rag"}:
            raise UsageError("Override the budget RAG on its own, with a reason.", "budget")
        if raw == "auto":
            a.done()
            return rm.BudgetOverride(project=key, rag=None)
        if raw not in RAG_WORDS:
            raise UsageError(f"rag must be green, amber, red or auto (got `{echo(raw)}`).", "budget")
        reason = a.rest_text()
        if not reason:
            raise UsageError("Overriding the budget RAG needs a reason.", "budget")
        return rm.BudgetOverride(project=key, rag=RAG_WORDS[raw], reason=reason)
    a.done()
    if not a.options:
        return rm.BudgetShow(project=key)
    currency = a.opt("currency")
    if currency is not None and not re.fullmatch(r"[A-Za-z]{3}", currency.strip()):
        raise UsageError(f"currency must be a 3-letter code like CAD or USD (got `{echo(currency)}`).", "budget")
    return rm.BudgetSet(
        project=key,
        approved=_amount(a, "approved"),
        actual=_amount(a, "actual"),
        forecast=_amount(a, "forecast"),
        currency=currency.strip().upper() if currency else None,
    )


def _amount(a: Args, key: str) -> int | None:
    raw = a.opt(key)
    if raw is None:
        return None
    try:
        return parse_amount(raw)
    except AmountError as e:
        raise UsageError(f"{key} {e} (got `{echo(raw)}`).", "budget") from None


# -- /raid ------------------------------------------------------------------------------------
def raid(text: str, today: date, known: set[str]) -> m.Command:
    a = Args.of(text, "raid", set(), today)
    w = a.peek()
    key = None
    if w is not None and not w.quoted and KEY_PATTERN.match(w.text):
        key = w.text.upper()
        a.pop()
    a.done()
    return rm.RaidShow(project=key)


# -- /project tolerance | exception, /pmo admin channel ------------------------------------------------
def project_tolerance(key: str, a: Args) -> m.Command:
    """`schedule:2w budget:5% risk:high` (any of them; `none` clears one)."""
    a.done()
    if not a.options:
        raise UsageError("Say at least one of schedule:2w, budget:5% or risk:high.", "project tolerance")
    cleared = [k for k, v in a.options.items() if v.strip().lower() in ("none", "off")]
    schedule = budget_bp = None
    risk = None
    if (raw := a.opt("schedule")) is not None and "schedule" not in cleared:
        mm = re.fullmatch(r"(\d{1,3})\s*([dw]?)", raw.strip().lower())
        if not mm:
            raise UsageError(
                f"schedule must be days or weeks late, like 10d or 2w (got `{echo(raw)}`).", "project tolerance"
            )
        schedule = int(mm.group(1)) * (7 if mm.group(2) == "w" else 1)
        if not 0 <= schedule <= 365:
            raise UsageError("schedule tolerance must be at most a year.", "project tolerance")
    if (raw := a.opt("budget")) is not None and "budget" not in cleared:
        mm = re.fullmatch(r"(\d{1,3})(?:\.(\d{1,2}))?\s*%?", raw.strip())
        if not mm:
            raise UsageError(
                f"budget must be a percent over approved, like 5% (got `{echo(raw)}`).", "project tolerance"
            )
        budget_bp = int(mm.group(1)) * 100 + int((mm.group(2) or "0").ljust(2, "0"))
        if budget_bp > 10_000:
            raise UsageError("budget tolerance must be at most 100%.", "project tolerance")
    if "risk" not in cleared:
        found = a.opt_choice("risk", {**LEVELS})
        risk = found if isinstance(found, RiskLevel) else None
    return rm.ProjectTolerance(key=key, schedule_days=schedule, budget_bp=budget_bp, risk=risk, cleared=cleared)


def project_exception(a: Args) -> m.Command:
    """`X-3 "note"` or `X-3 close "decision"`."""
    w = a.pop()
    number = ref_number(w, "X") if w is not None and not w.quoted else None
    if number is None:
        raise UsageError("Name the exception, like X-3.", "project exception")
    if a.pop_keyword("close"):
        decision = a.rest_text()
        if not decision:
            raise UsageError("Closing an exception needs the decision taken.", "project exception")
        return rm.ExceptionClose(ref=number, decision=decision)
    a.pop_keyword("note")
    note = a.rest_text()
    if not note:
        raise UsageError("Write the exception note: why it happened and what you propose.", "project exception")
    return rm.ExceptionNote(ref=number, note=note)


def admin_channel(a: Args) -> m.Command:
    """`/pmo admin channel #pmo | here | off`."""
    w = a.pop()
    a.done()
    if w is None:
        raise UsageError("Name the channel (#pmo), say here, or off.", "admin")
    if w.lower in ("off", "none"):
        return rm.AdminChannel(channel=None)
    if w.lower == "here":
        return rm.AdminChannel(channel=None, here=True)
    slack = re.fullmatch(r"<#([A-Z0-9]+)(?:\|[^>]*)?>", w.text)
    if slack:
        return rm.AdminChannel(channel=slack.group(1))
    if re.fullmatch(r"#[\w.-]{1,80}", w.text):
        return rm.AdminChannel(channel=w.text)
    raise UsageError(f"`{echo(w.text)}` isn't a channel; say #pmo, here or off.", "admin")


AREAS = ("issue", "assumption", "dependency", "milestone", "budget", "raid")
AREA = {
    "issue": issue,
    "assumption": assumption,
    "dependency": dependency,
    "milestone": milestone,
    "budget": budget,
    "raid": raid,
}
