"""Usage lines, exactly as DESIGN.md's grammar gives them. Errors quote the entry for what was tried."""

from __future__ import annotations

from commands.grammar.raid_usage import EXTRA_TOPIC_KEYS, RAID_TOPICS, RAID_USAGE

USAGE: dict[str, tuple[str, ...]] = {
    "project create": (
        (
            '/project create KEY "Name" [pm:@u] [sponsor:@u,@v] [method:waterfall|agile|hybrid] '
            "[cadence:weekly|biweekly|daily] [template:NAME]"
        ),
    ),
    "project link": ("/project link KEY   (this channel shows and defaults to KEY)",),
    "project unlink": ("/project unlink KEY",),
    "project": ("/project [KEY]   (summary card: RAG, top risks, open gates, overdue actions)",),
    "project list": ("/project list",),
    "project role": ("/project role KEY cmio:@u [cno:@v …]   (a role name followed by people; role:none clears it)",),
    "project archive": ("/project archive KEY",),
    "project escalation": (
        (
            "/project escalation KEY [pm:2] [sponsor:4] [to:dm|channel] [critical:in-hours|any-hour]   "
            "(ignored nudges before the PM, then the sponsors, are told; escalations wait for each person's hours "
            "unless critical:any-hour lets a critical patient-safety risk through)"
        ),
    ),
    "status": (
        '/status [KEY] green|amber|red "note" [schedule:amber] [budget:green] [scope:red]',
        "/status [KEY]   (current status and the last 5 updates)",
    ),
    "risk": (
        (
            '/risk [KEY] "title" [L4 I5 | likelihood:4 impact:5] [owner:@u] [review:DATE] '
            '[category:privacy-compliance] [mitigation:"..."] [description:"..."]'
        ),
    ),
    "risk list": ("/risk list [KEY] [open|all|mine|high]",),
    "risk show": ("/risk R-12   (detail)",),
    "risk update": (
        (
            '/risk R-12 update [likelihood:N] [impact:N] [owner:@u] [review:DATE] [mitigation:"..."] '
            "[category:…] [status:open|mitigating|accepted]"
        ),
    ),
    "risk close": ('/risk R-12 close "reason"',),
    "risk reviewed": ('/risk R-12 reviewed ["note"]',),
    "risk accept": ('/risk R-12 accept "rationale" until:DATE   (needs a sponsor)',),
    "action": ('/action [KEY] @owner "text" due:DATE [risk:R-12|gate:G-3]',),
    "action list": ("/action list [KEY] [open|mine|overdue|all]",),
    "action set": ('/action A-7 done|blocked "why"|cancel', "/action A-7 reassign @u"),
    "gate request": (
        '/gate request [KEY] "Gate name" approvers:@a,@b [quorum:all|any|N] [must:cmio,…] [due:DATE]',
        (
            "   (no approvers: the template's roles, else the sponsors — the reply names them; must:cmio needs an "
            "approval by someone who holds the cmio role: a delegate's counts toward the quorum, not for the role)"
        ),
    ),
    "gate approve": (
        '/gate approve G-3 ["comment"]',
        '/gate approve G-3 conditions:"first; second"',
        '/gate approve G-3 waive:"why"   (the entry checklist has open items: approve anyway, with the reason)',
    ),
    "gate reject": ('/gate reject G-3 "reason"',),
    "gate abstain": ('/gate abstain G-3 ["comment"]',),
    "gate withdraw": ('/gate withdraw G-3 ["reason"]',),
    "gate list": ("/gate list [KEY] [pending|all]",),
    "gate": ("/gate G-3", "/gate list [KEY] [pending|all]"),
    "gate check": ("/gate check G-3 ITEM   (the item's number or the start of its text)",),
    "digest subscribe": ("/digest subscribe [KEY|portfolio] mon,thu 08:00 [America/Toronto]",),
    "digest list": ("/digest list",),
    "digest unsubscribe": ("/digest unsubscribe ID",),
    "digest now": ("/digest now [KEY|portfolio]",),
    "prefs": (
        "/pmo prefs   (show yours)",
        "/pmo prefs hours [@u] 07:00-19:00 [mon-fri|sun-thu|every-day]   (19:00-07:00: a night shift)",
        "/pmo prefs hours [@u] mon,wed 08:00-16:00 tue 12:00-20:00 …   (hours per weekday; others off)",
        "/pmo prefs hours [@u] roster [2026-12-01] 3x07:00-19:00 4xoff   (a rotating roster from its first day)",
        '/pmo prefs hours [@u] 19:00-07:00 rrule:"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU" [from:DATE]',
        "/pmo prefs tz Europe/London   (or: /pmo prefs tz auto, to follow your chat profile)",
        "/pmo prefs away until DATE   (or: /pmo prefs away off)",
        "/pmo prefs delegate @u until DATE   (or: /pmo prefs delegate off)",
    ),
    "holidays": (
        '/pmo holidays add DATE ["name"] | /pmo holidays country CA-ON | /pmo holidays list',
        "/pmo holidays remove DATE",
    ),
    "template": (
        "/pmo template list | /pmo template show NAME",
        '/pmo template edit NAME add "Stage" [checklist:"item; item"] [approvers:sponsor,cmio]',
        '/pmo template edit NAME remove "Stage"',
    ),
    "admin": ("/pmo admin list | /pmo admin add @u | /pmo admin remove @u",),
    "portfolio": ("/pmo portfolio",),
    "home": ("/pmo home   (your items; first your portfolio at a glance if you sponsor a project or lead the PMO)",),
    "export": ("/pmo export risks|status|gates|evidence [KEY] [csv|xlsx|json]",),
    "snooze": ("/pmo snooze A-7|R-12|G-3 1d|1w   (a second snooze extends the first, up to two weeks)",),
    "phi": (
        '/pmo phi check "text"   (privately: what the PHI guard would flag, and the redacted text)',
        "/pmo phi policy   (what passes the guard in this workspace)",
        "/pmo phi policy allow|deny service-desk|server-ip   (PMO admins)",
        "/pmo phi policy allow|remove number 416-555-0100   (PMO admins: a line that always passes)",
    ),
    "dates": (
        "/pmo dates   (how this workspace writes numeric dates)",
        "/pmo dates dmy|mdy|ymd|ask   (PMO admin: 12/04 is then read that way; ask refuses it with both readings)",
    ),
    "ack": ("/pmo ack N   (acknowledge escalation N: its Acknowledge button does this)",),
    "help": ("/pmo help [project|status|risk|action|gate|digest|prefs]",),
}

HELP_TOPICS: dict[str, tuple[str, ...]] = {
    "project": (
        "project create",
        "project link",
        "project unlink",
        "project",
        "project list",
        "project role",
        "project escalation",
        "project archive",
    ),
    "status": ("status",),
    "risk": ("risk", "risk list", "risk show", "risk update", "risk close", "risk reviewed", "risk accept"),
    "action": ("action", "action list", "action set"),
    "gate": (
        "gate request",
        "gate approve",
        "gate reject",
        "gate abstain",
        "gate withdraw",
        "gate list",
        "gate",
        "gate check",
    ),
    "digest": ("digest subscribe", "digest list", "digest unsubscribe", "digest now"),
    "prefs": ("prefs", "holidays", "dates"),
    "pmo": ("help", "portfolio", "home", "export", "template", "admin", "snooze", "ack", "phi"),
}


USAGE |= RAID_USAGE
HELP_TOPICS = {name: keys + EXTRA_TOPIC_KEYS.get(name, ()) for name, keys in HELP_TOPICS.items()} | RAID_TOPICS


def usage(key: str | None) -> str:
    if not key:
        return ""
    return "\n".join(USAGE.get(key, ()))


def topic(name: str) -> str:
    return "\n".join(line for key in HELP_TOPICS[name] for line in USAGE[key])
