"""Grammar for the things a project tracks: status, risks, actions, gates, digests."""

from __future__ import annotations

import re
from datetime import date

from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar import parse_raid
from commands.grammar.args import RAG_WORDS, Args, ref_number, timezone_name
from commands.grammar.dates import DateError, looks_like_days, parse_clock, parse_days
from commands.grammar.echo import did_you_mean, echo
from commands.grammar.tokens import Word, as_mention, tokenize
from storage.models import Quorum, RiskCategory, RiskStatus

CATEGORIES = {c.value: c for c in RiskCategory} | {
    "safety": RiskCategory.PATIENT_SAFETY,
    "privacy": RiskCategory.PRIVACY_COMPLIANCE,
    "compliance": RiskCategory.PRIVACY_COMPLIANCE,
    "workflow": RiskCategory.CLINICAL_WORKFLOW,
}


def _list_args(
    words: list[Word], usage: str, filters: tuple[str, ...], default: str, today: date, known: set[str]
) -> tuple[str | None, str]:
    """`list [KEY] [filter]` in either order: the project key (if any) and the filter."""
    a = Args(words, usage, set(), today)
    key = a.pop_key(known, reserved=set(filters))
    flt = a.pop_keyword(*filters) or default
    key = key or a.pop_key(known)
    a.done()
    return key, flt


def status(text: str, today: date, known: set[str]) -> m.Command:
    a = Args.of(text, "status", {"schedule", "budget", "scope", "note"}, today)
    key = a.pop_key(known, reserved=set(RAG_WORDS) | {"help"})
    rag_word = a.pop_keyword(*RAG_WORDS)
    if rag_word is None:
        if a.words or a.options:
            raise UsageError("Say green, amber or red first, then the note.", "status")
        return m.StatusShow(project=key)
    note = (a.opt("note") or a.rest_text()).strip()
    if not note:
        raise UsageError("A status needs a short note saying why.", "status")
    return m.StatusLog(
        project=key,
        overall=RAG_WORDS[rag_word],
        note=note,
        schedule=a.opt_rag("schedule"),
        budget=a.opt_rag("budget"),
        scope=a.opt_rag("scope"),
    )


# L-high, I-3, L:hi — someone reaching for likelihood or impact in a way the grammar does not read
SCALE_WORD = re.compile(
    r"[LlIi][-:]?(?:\d+|high|hi|medium|med|moderate|low|lo|critical|crit|severe|major|minor|rare|likely)",
    re.IGNORECASE,
)
RISK_OPTIONS = {"likelihood", "impact", "owner", "review", "category", "mitigation", "description"}


def risk(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    if not words:
        return m.OpenForm(form="risk.raise")
    first = words[0]
    if not first.quoted and first.lower == "list":
        key, flt = _list_args(words[1:], "risk list", ("open", "all", "mine", "high"), "open", today, known)
        return m.RiskList(project=key, filter=flt)
    number = None if first.quoted else ref_number(first, "R")
    if number is not None:
        return _risk_ref(number, words[1:], today)
    a = Args(words, "risk", RISK_OPTIONS, today)
    key = a.pop_key(known, reserved={"list"})
    likelihood, impact = a.opt_int("likelihood", 1, 5), a.opt_int("impact", 1, 5)
    title_words: list[Word] = []
    for w in a.words:
        mm = re.fullmatch(r"([LlIi])-?(\d{1,2})", w.text) if not w.quoted else None
        if not w.quoted and not mm and SCALE_WORD.fullmatch(w.text):
            what = "likelihood" if w.text[0] in "Ll" else "impact"
            raise UsageError(
                f"`{echo(w.text)}` isn't a {what}: use {w.text[0].upper()}1 to {w.text[0].upper()}5 (or {what}:N). "
                "If it's part of the title, put the title in quotes.",
                "risk",
            )
        if mm:
            value = a.int_in(mm.group(2), 1, 5, "likelihood" if mm.group(1) in "Ll" else "impact")
            if mm.group(1) in "Ll":
                likelihood = value
            else:
                impact = value
        else:
            title_words.append(w)
    title = " ".join(w.text for w in title_words).strip()
    if not title:
        if key and not a.options and likelihood is None:
            return m.OpenForm(form="risk.raise", project=key)
        raise UsageError("A risk needs a title in quotes.", "risk")
    return m.RiskRaise(
        project=key,
        title=title,
        likelihood=likelihood,
        impact=impact,
        owner=a.opt_mention("owner"),
        review_by=a.opt_date("review", "review date"),
        category=_category(a),
        mitigation=a.opt("mitigation"),
        description=a.opt("description"),
    )


def _category(a: Args) -> RiskCategory | None:
    return a.opt_choice("category", CATEGORIES)


def _risk_ref(number: int, words: list[Word], today: date) -> m.Command:
    verb = words[0].lower if words and not words[0].quoted else None
    rest = words[1:]
    if not words:
        return m.RiskShow(ref=number)
    if verb == "update":
        a = Args(rest, "risk update", RISK_OPTIONS - {"description"} | {"status"}, today)
        a.done()
        if not a.options:
            raise UsageError("Say what to change.", "risk update")
        if (a.opt("status") or "").strip().lower() == "closed":
            raise UsageError("Close a risk with its own command, which asks why.", "risk close")
        status = a.opt_choice(
            "status", {"open": RiskStatus.OPEN, "mitigating": RiskStatus.MITIGATING, "accepted": RiskStatus.ACCEPTED}
        )
        return m.RiskUpdate(
            ref=number,
            likelihood=a.opt_int("likelihood", 1, 5),
            impact=a.opt_int("impact", 1, 5),
            owner=a.opt_mention("owner"),
            review_by=a.opt_date("review", "review date"),
            mitigation=a.opt("mitigation"),
            category=_category(a),
            status=status,
        )
    if verb == "close":
        a = Args(rest, "risk close", {"reason"}, today)
        reason = (a.opt("reason") or a.rest_text()).strip()
        if not reason:
            raise UsageError("Closing a risk needs a reason.", "risk close")
        return m.RiskClose(ref=number, reason=reason)
    if verb == "reviewed":
        a = Args(rest, "risk reviewed", {"note"}, today)
        return m.RiskReviewed(ref=number, note=(a.opt("note") or a.rest_text()).strip())
    if verb == "occurred":
        return parse_raid.risk_occurred(number, rest, today)
    if verb == "accept":
        a = Args(rest, "risk accept", {"until"}, today)
        rationale = a.rest_text().strip()
        if not rationale:
            raise UsageError("Accepting a risk needs a rationale.", "risk accept")
        until = a.opt_date("until")
        if until is None:
            raise UsageError("Say until when the risk is accepted (until:DATE).", "risk accept")
        return m.RiskAccept(ref=number, rationale=rationale, until=until)
    verbs = ("update", "close", "reviewed", "accept")
    raise UsageError(
        f"`{echo(words[0].text)}` isn't something I can do to a risk.{did_you_mean(words[0].text, verbs)}", "risk show"
    )


def action(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    if not words:
        return m.OpenForm(form="action.create")
    first = words[0]
    if not first.quoted and first.lower == "list":
        key, flt = _list_args(words[1:], "action list", ("open", "mine", "overdue", "all"), "open", today, known)
        return m.ActionList(project=key, filter=flt)
    number = None if first.quoted else ref_number(first, "A")
    if number is not None:
        a = Args(words[1:], "action set", {"reason"}, today)
        if a.pop_keyword("reassign"):
            w = a.pop()
            a.done()
            if w is None or w.quoted or as_mention(w.text) is None:
                raise UsageError("Say who takes it over, like @sam.", "action set")
            return m.ActionReassign(ref=number, owner=a.mention(w.text, "reassign"))
        verb = a.pop_keyword("done", "blocked", "cancel", "cancelled", "reopen")
        if verb is None:
            if not a.words:
                return m.ActionShow(ref=number)
            hint = did_you_mean(a.words[0].text, ("done", "blocked", "cancel", "reopen", "reassign"))
            raise UsageError(f'Say done, blocked "why", cancel or reassign @u.{hint}', "action set")
        reason = (a.opt("reason") or a.rest_text()).strip()
        if verb == "blocked" and not reason:
            raise UsageError("Say what it is blocked on.", "action set")
        return m.ActionSet(ref=number, to="cancel" if verb == "cancelled" else verb, reason=reason)
    a = Args(words, "action", {"due", "risk", "gate", "owner"}, today)
    key = a.pop_key(known, reserved={"list"})
    owner = a.opt_mention("owner")
    rest: list[Word] = []
    for w in a.words:
        mention = None if w.quoted else as_mention(w.text)
        if mention is not None and owner is None:
            owner = mention
        else:
            rest.append(w)
    a.words = rest
    text_ = a.rest_text()
    if owner is None:
        raise UsageError("An action needs an owner, like @sam.", "action")
    if not text_:
        raise UsageError("Say what needs doing, in quotes.", "action")
    due = a.opt_date("due", "due date")
    if due is None:
        raise UsageError("An action needs a due date (due:DATE).", "action")
    risk_ref = ref_number(a.opt("risk"), "R") if a.opt("risk") else None
    gate_ref = ref_number(a.opt("gate"), "G") if a.opt("gate") else None
    if a.opt("risk") and risk_ref is None:
        raise UsageError("risk: must be a risk id like R-12.", "action")
    if a.opt("gate") and gate_ref is None:
        raise UsageError("gate: must be a gate id like G-3.", "action")
    return m.ActionCreate(project=key, owner=owner, text=text_, due=due, risk=risk_ref, gate=gate_ref)


def gate(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    verb = words[0].lower if words and not words[0].quoted else None
    rest = words[1:]
    if not words:
        return m.GateList(project=None, filter="pending")
    if verb == "request":
        return _gate_request(rest, today, known)
    if verb in ("approve", "reject", "abstain", "withdraw", "check"):
        a = Args(rest, f"gate {verb}", {"conditions", "reason", "waive"} if verb == "approve" else {"reason"}, today)
        number = ref_number(a.pop(), "G")
        if number is None:
            raise UsageError("Name the gate, like G-3.", f"gate {verb}")
        free = (a.opt("reason") or a.rest_text()).strip()
        if verb == "approve":
            conditions = [c.strip() for c in re.split(r"[;\n]", a.opt("conditions") or "") if c.strip()]
            kind = "approve-with-conditions" if conditions else "approve"
            waiver = (a.opt("waive") or "").strip()
            if a.opt("waive") is not None and not waiver:
                raise UsageError('A waiver needs its reason: waive:"why".', "gate approve")
            return m.GateDecide(ref=number, decision=kind, comment=free, conditions=conditions, waiver=waiver)
        if verb == "reject":
            if not free:
                raise UsageError("A rejection needs a reason.", "gate reject")
            return m.GateDecide(ref=number, decision="reject", comment=free)
        if verb == "abstain":
            return m.GateDecide(ref=number, decision="abstain", comment=free)
        if verb == "withdraw":
            return m.GateWithdraw(ref=number, reason=free)
        if not free:
            raise UsageError("Say which checklist item: its number or the start of its text.", "gate check")
        return m.GateCheck(ref=number, item=free)
    if verb == "list":
        key, flt = _list_args(rest, "gate list", ("pending", "all"), "pending", today, known)
        return m.GateList(project=key, filter=flt)
    number = ref_number(words[0], "G") if verb else None
    if number is not None and len(words) == 1:
        return m.GateShow(ref=number)
    verbs = ("request", "approve", "reject", "abstain", "withdraw", "check", "list")
    raise UsageError(f"`{echo(words[0].text)}` isn't a gate command.{did_you_mean(words[0].text, verbs)}", "gate")


def _gate_request(words: list[Word], today: date, known: set[str]) -> m.Command:
    a = Args(words, "gate request", {"approvers", "quorum", "must", "due"}, today)
    key = a.pop_key(known)
    name = a.rest_text()
    if not name:
        if not a.options:
            return m.OpenForm(form="gate.request", project=key)
        raise UsageError("A gate needs a name, in quotes.", "gate request")
    quorum, quorum_n = Quorum.ALL, None
    raw_q = (a.opt("quorum") or "all").strip().lower()
    if raw_q in ("all", "any"):
        quorum = Quorum(raw_q)
    else:
        quorum, quorum_n = Quorum.COUNT, a.int_in(raw_q, 1, 50, "quorum")
    must = [r.strip().lower() for r in (a.opt("must") or "").split(",") if r.strip()]
    for role in must:
        if not re.fullmatch(r"[a-z][a-z0-9-]{1,39}", role):
            raise UsageError(f"`{echo(role)}` isn't a role name (like cmio).", "gate request")
    return m.GateRequest(
        project=key,
        name=name,
        approvers=a.opt_mentions("approvers") or [],
        quorum=quorum,
        quorum_n=quorum_n,
        must_include=must,
        due=a.opt_date("due", "due date"),
    )


def digest(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    verb = words[0].lower if words and not words[0].quoted else None
    rest = words[1:]
    if verb is None or verb == "list":
        Args(rest, "digest list").done()
        return m.DigestList()
    if verb == "now":
        a = Args(rest, "digest now", set(), today)
        target = "portfolio" if a.pop_keyword("portfolio") else a.pop_key(known)
        a.done()
        return m.DigestNow(target=target)
    if verb == "unsubscribe":
        a = Args(rest, "digest unsubscribe", set(), today)
        w = a.pop()
        number = ref_number(w, "D") if w else None
        if number is None and w is not None and w.text.isdigit():
            number = int(w.text[:9])
        if number is None:
            raise UsageError("Say which subscription, by the ID `/digest list` shows.", "digest unsubscribe")
        a.done()
        return m.DigestUnsubscribe(number=number)
    if verb == "subscribe":
        a = Args(rest, "digest subscribe", set(), today)
        target = "portfolio" if a.pop_keyword("portfolio") else None
        if target is None:
            w = a.peek()
            if w is not None and not looks_like_days(w.text):
                target = a.pop_key(known)
        days_word, time_word = a.pop(), a.pop()
        if days_word is None or time_word is None:
            raise UsageError("Say which days and what time.", "digest subscribe")
        try:
            days, at = parse_days(days_word.text), parse_clock(time_word.text)
        except DateError as e:
            raise UsageError(str(e), "digest subscribe") from None
        tz = None
        if (w := a.pop()) is not None:
            tz = timezone_name(w.text)
            if tz is None:
                raise UsageError(
                    f"`{echo(w.text)}` isn't a time zone; use an IANA name like America/Toronto.", "digest subscribe"
                )
        a.done()
        return m.DigestSubscribe(target=target, days=days, at=at, timezone=tz)
    verbs = ("list", "now", "subscribe", "unsubscribe")
    raise UsageError(
        f"`{echo(words[0].text)}` isn't a digest command.{did_you_mean(words[0].text, verbs)}", "digest list"
    )
