"""The entry to the grammar: `/status …`, `/pmo status …`, `status …` (Teams) all land here."""

from __future__ import annotations

import re
from datetime import date

from commands.errors import UsageError
from commands.grammar import models as m
from commands.grammar import parse_items, parse_raid
from commands.grammar.args import KEY_PATTERN, Args, ref_number, timezone_name
from commands.grammar.echo import did_you_mean, echo
from commands.grammar.hours import parse_hours
from commands.grammar.tokens import Mention, Word, as_mention, mentions, tokenize
from commands.grammar.usage import HELP_TOPICS
from storage.models import Cadence, Methodology

AREAS = ("project", "status", "risk", "action", "gate", "digest", *parse_raid.AREAS)
PMO_ONLY = (
    "help",
    "prefs",
    "holidays",
    "template",
    "admin",
    "portfolio",
    "home",
    "export",
    "snooze",
    "ack",
    "dates",
    "phi",
)
COMMAND_NAMES = (*AREAS, "pmo")


def parse(command: str, text: str, today: date, known_keys: set[str] | frozenset[str] = frozenset()) -> m.Command:
    """`command` is the slash command's name (`/status`, `pmo`); `text` what followed it.
    `known_keys` are the workspace's project keys, so `ehr` reads as a key while `green` does not."""
    name = command.strip().lstrip("/").lower()
    text = text.strip()
    known = {k.upper() for k in known_keys}
    if name == "pmo":
        head, _, rest = text.partition(" ")
        head = head.lower().lstrip("/")
        if not head:
            return m.Help()
        if head in AREAS:
            name, text = head, rest.strip()
        elif head in PMO_ONLY:
            return _pmo(head, rest.strip(), today)
        else:
            raise UsageError(f"`{echo(head)}` isn't a Rounds command.{did_you_mean(head, AREAS + PMO_ONLY)}", "help")
    if name not in AREAS:
        raise UsageError(f"`/{echo(name)}` isn't a Rounds command.{did_you_mean(name, COMMAND_NAMES, '/')}", "help")
    if re.fullmatch(r"(?:[\w-]+\s+)?(help|\?|-h|--help)", text.lower()):  # `/gate help`, `/gate request help`
        return m.Help(topic=name)
    return _AREA[name](text, today, known)


def _project(text: str, today: date, known: set[str]) -> m.Command:
    words = tokenize(text)
    verb = words[0].lower if words and not words[0].quoted else None
    rest = words[1:]
    if verb is None:
        return m.ProjectShow()
    if verb == "list":
        Args(rest, "project list").done()
        return m.ProjectList()
    if verb == "create":
        return _project_create(rest, today)
    if verb in ("tolerance", "exception"):
        a = Args(rest, f"project {verb}", {"schedule", "budget", "risk"} if verb == "tolerance" else set(), today)
        if verb == "exception":
            return parse_raid.project_exception(a)
        return parse_raid.project_tolerance(_key(a.pop(), "project tolerance"), a)
    if verb == "escalation":
        a = Args(rest, "project escalation", {"pm", "sponsor", "to", "critical"}, today)
        key = _key(a.pop(), "project escalation")
        a.done()
        pm_after, sponsor_after = a.opt_int("pm", 1, 20), a.opt_int("sponsor", 1, 30)
        where = a.opt_choice("to", {"dm": False, "channel": True})
        any_hour = a.opt_choice("critical", {"any-hour": True, "anytime": True, "in-hours": False, "hours": False})
        if pm_after is None and sponsor_after is None and where is None and any_hour is None:
            raise UsageError(
                "Say what to change: pm:N, sponsor:N, to:dm|channel or critical:any-hour|in-hours.",
                "project escalation",
            )
        return m.ProjectEscalation(
            key=key,
            pm_after=pm_after,
            sponsor_after=sponsor_after,
            in_channel=where,
            critical_any_hour=any_hour,
        )
    if verb in ("link", "unlink", "archive", "role"):
        a = Args(rest, f"project {verb}", set(), today, loose=verb == "role")
        key = _key(a.pop(), f"project {verb}")
        if verb == "role":
            return _project_roles(key, a)
        a.done()
        return {"link": m.ProjectLink, "unlink": m.ProjectUnlink, "archive": m.ProjectArchive}[verb](key=key)
    if len(words) == 1 and KEY_PATTERN.match(words[0].text):
        return m.ProjectShow(key=words[0].text.upper())
    verbs = ("list", "create", "escalation", "link", "unlink", "archive", "role")
    raise UsageError(f"`{echo(words[0].text)}` isn't a project command.{did_you_mean(words[0].text, verbs)}", "project")


def _key(word: Word | None, usage: str) -> str:
    if word is None:
        raise UsageError("Name the project by its key, like EHR.", usage)
    if word.quoted or not KEY_PATTERN.match(word.text):
        raise UsageError(f"`{echo(word.text)}` isn't a project key: 2–12 letters, digits or -, like EHR.", usage)
    return word.text.upper()


def _project_create(words: list[Word], today: date) -> m.Command:
    a = Args(words, "project create", {"pm", "sponsor", "sponsors", "method", "cadence", "template"}, today)
    key = _key(a.pop(), "project create")
    name = a.rest_text()
    if not name:
        raise UsageError("A project needs a name, in quotes.", "project create")
    sponsors = (a.opt_mentions("sponsor") or []) + (a.opt_mentions("sponsors") or [])
    method = a.opt_choice("method", {x.value: x for x in Methodology}) or Methodology.WATERFALL
    cadence = a.opt_choice("cadence", {x.value: x for x in Cadence}) or Cadence.WEEKLY
    template = a.opt("template")
    return m.ProjectCreate(
        key=key,
        name=name,
        pm=a.opt_mention("pm"),
        sponsors=sponsors,
        methodology=method,
        cadence=cadence,
        template=template.strip().lower() if template else None,
    )


def _project_roles(key: str, a: Args) -> m.Command:
    roles: dict[str, list[Mention]] = {}
    for w in a.words:
        role, sep, value = w.text.partition(":")
        role = role.strip().lower()
        if w.quoted or not sep or not re.fullmatch(r"[a-z][a-z0-9-]{1,39}", role):
            raise UsageError(f"`{echo(w.text)}` isn't role:@person.", "project role")
        if role == "pm":
            raise UsageError("The PM is set with pm: on the project, not as a role.", "project role")
        found = [] if value.strip().lower() == "none" else mentions(value)
        if found is None:
            raise UsageError(f"{role}: must be people, like @a,@b (or none).", "project role")
        roles[role] = found
    a.words = []
    if not roles:
        raise UsageError("Name at least one role and its people.", "project role")
    return m.ProjectRoleSet(key=key, roles=roles)


def _pmo(head: str, text: str, today: date) -> m.Command:
    if head == "help":
        topic = text.strip().lower().lstrip("/") or None
        if topic is not None and topic not in HELP_TOPICS:
            raise UsageError(f"There's no help on `{echo(topic)}`.", "help")
        return m.Help(topic=topic)
    if head == "portfolio":
        Args.of(text, "portfolio").done()
        return m.Portfolio()
    if head == "home":
        Args.of(text, "home").done()
        return m.Home()
    return {
        "prefs": _prefs,
        "holidays": _holidays,
        "template": _template,
        "admin": _admin,
        "export": _export,
        "snooze": _snooze,
        "phi": _phi,
        "ack": _ack,
        "dates": _dates,
    }[head](text, today)


def _dates(text: str, today: date) -> m.Command:
    a = Args.of(text, "dates", set(), today)
    order = a.pop_keyword("dmy", "mdy", "ymd", "ask", "none")
    a.done()
    if order is None:
        return m.DatesShow()
    return m.DatesSet(order=None if order in ("ask", "none") else order)


def _ack(text: str, today: date) -> m.Command:
    a = Args.of(text, "ack", set(), today)
    w = a.pop()
    a.done()
    if w is None or not re.fullmatch(r"[Ee]?-?\d{1,9}", w.text):
        raise UsageError("Say which escalation: the number its Acknowledge button carries.", "ack")
    return m.EscalationAck(number=int(w.text.lstrip("Ee-")))


def _prefs(text: str, today: date) -> m.Command:
    a = Args.of(text, "prefs", {"until", "rrule", "from"}, today)
    what = a.pop_keyword("hours", "tz", "timezone", "away", "delegate")
    if what is None:
        if a.words:
            hint = did_you_mean(a.words[0].text, ("hours", "tz", "away", "delegate"))
            raise UsageError(f"I didn't understand `{echo(a.words[0].text)}`.{hint}", "prefs")
        return m.PrefsShow()
    if what == "hours":
        return parse_hours(a, today)
    if what in ("tz", "timezone"):
        if a.pop_keyword("auto", "profile"):
            a.done()
            return m.PrefsTimezone(timezone=None)
        w = a.pop()
        tz = timezone_name(w.text) if w else None
        if tz is None:
            raise UsageError("Give an IANA time zone name, like Europe/London or America/Toronto.", "prefs")
        a.done()
        return m.PrefsTimezone(timezone=tz)
    if what == "away":
        if a.pop_keyword("off", "back", "none", "clear"):
            a.done()
            return m.PrefsAway(until=None)
        a.pop_keyword("until")
        raw = a.opt("until") or a.rest_text()
        if not raw:
            raise UsageError("Say until when you are away.", "prefs")
        return m.PrefsAway(until=a.date(raw, "away until"))
    if a.pop_keyword("off", "none", "clear"):
        a.done()
        return m.PrefsDelegate(delegate=None)
    w = a.pop()
    who = as_mention(w.text) if w and not w.quoted else None
    if who is None:
        raise UsageError("Name your delegate, like @sam.", "prefs")
    a.pop_keyword("until")
    raw = a.opt("until") or a.rest_text()
    if not raw:
        raise UsageError("Say until when your delegate decides for you.", "prefs")
    return m.PrefsDelegate(delegate=who, until=a.date(raw, "delegate until"))


def _holidays(text: str, today: date) -> m.Command:
    a = Args.of(text, "holidays", set(), today)
    what = a.pop_keyword("add", "remove", "country", "list")
    if what in (None, "list"):
        a.done()
        return m.HolidaysList()
    if what == "country":
        w = a.pop()
        a.done()
        if w is None:
            raise UsageError("Name a country (and region), like CA-ON or US, or `none`.", "holidays")
        if w.lower in ("none", "off"):
            return m.HolidaysCountry(country=None)
        if not re.fullmatch(r"[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?", w.text):
            raise UsageError(f"`{echo(w.text)}` isn't a country code like CA-ON or US.", "holidays")
        return m.HolidaysCountry(country=w.text.upper())
    w = a.pop()
    if w is None:
        raise UsageError("Say which date.", "holidays")
    day = a.date(w.text, "holiday")
    if what == "remove":
        a.done()
        return m.HolidaysRemove(day=day)
    return m.HolidaysAdd(day=day, name=a.rest_text())


def _template(text: str, today: date) -> m.Command:
    a = Args.of(text, "template", {"checklist", "approvers"}, today)
    what = a.pop_keyword("list", "show", "edit")
    if what in (None, "list"):
        a.done()
        return m.TemplateList()
    w = a.pop()
    if w is None or not re.fullmatch(r"[A-Za-z0-9][\w-]{0,59}", w.text):
        raise UsageError("Name the template, like waterfall.", "template")
    name = w.text.lower()
    if what == "show":
        a.done()
        return m.TemplateShow(name=name)
    op = a.pop_keyword("add", "remove")
    stage = a.rest_text()
    if op is None or not stage:
        raise UsageError('Say add "Stage" or remove "Stage".', "template")
    checklist = [c.strip() for c in re.split(r"[;\n]", a.opt("checklist") or "") if c.strip()]
    roles = [r.strip().lower() for r in (a.opt("approvers") or "").split(",") if r.strip()]
    if any(not re.fullmatch(r"[a-z][a-z0-9-]{1,39}", r) for r in roles):
        raise UsageError("Approvers are project role names, like sponsor,cmio.", "template")
    return m.TemplateEdit(name=name, op=op, stage=stage, checklist=checklist, approver_roles=roles)


def _phi(text: str, today: date) -> m.Command:
    head, _, rest = text.strip().partition(" ")
    if head.lower() == "check":
        words = tokenize(rest)
        said = " ".join(w.text for w in words).strip()
        if not said:
            raise UsageError('Put the text to check in quotes, like /pmo phi check "pt in 4W fell".', "phi")
        return m.PhiCheck(text=said)
    if head.lower() != "policy":
        raise UsageError('Say `check "text"` or `policy`.', "phi")
    a = Args.of(rest, "phi", set(), today)
    verb = a.pop_keyword("allow", "deny", "remove")
    if verb is None:
        a.done()
        return m.PhiPolicyShow()
    what = a.pop_keyword("service-desk", "server-ip", "number")
    if what is None:
        raise UsageError("Say which: service-desk, server-ip or number 416-555-0100.", "phi")
    if what == "number":
        raw = a.rest_text()
        digits = re.sub(r"\D", "", raw)
        if verb == "deny" or not 7 <= len(digits) <= 15 or re.search(r"[^\d\s().+-]", raw):
            raise UsageError("Give the phone number, like `allow number 416-555-0100` or `remove number …`.", "phi")
        return m.PhiPolicyNumber(number=digits[-10:], add=verb == "allow")
    a.done()
    if verb == "remove":
        raise UsageError(f"Say `deny {what}` to stop letting those through.", "phi")
    return m.PhiPolicySet(allowance=what, allow=verb == "allow")


def _admin(text: str, today: date) -> m.Command:
    a = Args.of(text, "admin", set(), today)
    what = a.pop_keyword("list", "add", "remove", "channel")
    if what in (None, "list"):
        a.done()
        return m.AdminList()
    if what == "channel":
        return parse_raid.admin_channel(a)
    w = a.pop()
    a.done()
    if w is None:
        raise UsageError("Name the person, like @sam.", "admin")
    return m.AdminSet(person=a.mention(w.text, "admin"), admin=what == "add")


def _export(text: str, today: date) -> m.Command:
    a = Args.of(text, "export", set(), today)
    kind = a.pop_keyword("risks", "status", "gates", "raid", "evidence")
    if kind is None:
        raise UsageError("Say what to export: risks, status, gates, raid or evidence.", "export")
    fmt = a.pop_keyword("csv", "xlsx", "json")
    key = None
    if a.peek() is not None and fmt is None:
        key = _key(a.pop(), "export")
        fmt = a.pop_keyword("csv", "xlsx", "json")
    a.done()
    return m.Export(kind=kind, project=key, format=fmt or ("json" if kind == "evidence" else "csv"))


def _snooze(text: str, today: date) -> m.Command:
    a = Args.of(text, "snooze", set(), today)
    w, span = a.pop(), a.pop()
    a.done()
    if w is None or span is None:
        raise UsageError("Say what to snooze and for how long.", "snooze")
    kind, ref = None, None
    for prefix, k in (("A", "action"), ("R", "risk"), ("G", "gate")):
        n = ref_number(w, prefix)
        if n is not None:
            kind, ref = k, str(n)
    if kind is None and KEY_PATTERN.match(w.text):
        kind, ref = "project", w.text.upper()
    mm = re.fullmatch(r"(\d{1,2})\s*([dw])", span.lower)
    if kind is None or ref is None or not mm:
        raise UsageError("Snooze an item (A-7, R-12, G-3 or a project key) for 1d to 2w.", "snooze")
    days = int(mm.group(1)) * (7 if mm.group(2) == "w" else 1)
    if not 1 <= days <= 14:
        raise UsageError("A snooze lasts from 1 day to 2 weeks.", "snooze")
    return m.Snooze(kind=kind, ref=ref, days=days)


_AREA = {
    "project": _project,
    "status": parse_items.status,
    "risk": parse_items.risk,
    "action": parse_items.action,
    "gate": parse_items.gate,
    "digest": parse_items.digest,
    **parse_raid.AREA,
}
