"""Usage lines for the RAID log, the plan's controls and exceptions (merged into grammar.usage)."""

from __future__ import annotations

RAID_USAGE: dict[str, tuple[str, ...]] = {
    "issue": ('/issue [KEY] "title" [severity:critical|high|medium|low] [owner:@u] [due:DATE]',),
    "issue list": ("/issue list [KEY] [open|all|mine|critical]",),
    "issue show": ("/issue I-3   (detail)",),
    "issue update": ("/issue I-3 update [severity:…] [owner:@u] [due:DATE]",),
    "issue resolve": ('/issue I-3 resolve "how"',),
    "risk occurred": ('/risk R-12 occurred "what happened"   (the risk becomes an issue linked to it)',),
    "assumption": ('/assumption [KEY] "text" [owner:@u] [validate-by:DATE]',),
    "assumption list": ("/assumption list [KEY] [open|all|mine]",),
    "assumption settle": ('/assumption H-2 validated|invalid "note"', "/assumption H-2   (detail)"),
    "dependency": ('/dependency [KEY] on OTHER|M-4|"external" "what" need-by:DATE [owner:@u]',),
    "dependency list": ("/dependency list [KEY] [open|all]   (what KEY needs and what others need from it)",),
    "dependency close": ('/dependency N-2 met|dropped ["note"]', "/dependency N-2   (detail)"),
    "milestone": ('/milestone [KEY] "name" DATE   (sets the baseline)',),
    "milestone list": ("/milestone list [KEY] [open|all]",),
    "milestone forecast": ("/milestone M-2 forecast DATE | done [DATE]", "/milestone M-2   (detail)"),
    "budget": (
        "/budget [KEY] approved:1.2M [actual:450k] [forecast:1.3M] [currency:CAD]",
        '/budget [KEY] rag:green|amber|red "reason"   (override; rag:auto follows the variance again)',
        "/budget [KEY]   (the budget, its variance and history)",
    ),
    "raid": ("/raid [KEY]   (the RAID register: counts and what needs attention; export: /pmo export raid)",),
    "project tolerance": (
        "/project tolerance KEY schedule:2w budget:5% [risk:high]   (none clears one; breaches raise exceptions)",
    ),
    "project exception": (
        '/project exception X-3 "note"   (the PM\'s exception note)',
        '/project exception X-3 close "decision"',
    ),
    "admin": (
        "/pmo admin list | /pmo admin add @u | /pmo admin remove @u",
        "/pmo admin channel #pmo|here|off   (where the daily audit anchor is posted)",
    ),
    "export": ("/pmo export risks|status|gates|raid|evidence [KEY] [csv|xlsx|json]",),
    "help": (
        "/pmo help [project|status|risk|action|gate|digest|prefs|issue|assumption|dependency|milestone|budget|raid]",
    ),
}

RAID_TOPICS: dict[str, tuple[str, ...]] = {
    "issue": ("issue", "issue list", "issue show", "issue update", "issue resolve", "risk occurred"),
    "assumption": ("assumption", "assumption list", "assumption settle"),
    "dependency": ("dependency", "dependency list", "dependency close"),
    "milestone": ("milestone", "milestone list", "milestone forecast"),
    "budget": ("budget", "project tolerance", "project exception"),
    "raid": ("raid", "project tolerance", "project exception"),
}

EXTRA_TOPIC_KEYS: dict[str, tuple[str, ...]] = {
    "project": ("project tolerance", "project exception"),
    "risk": ("risk occurred",),
}

RAID_INTRO = {
    "issue": "Issues: problems now (I-)",
    "assumption": "Assumptions to validate (H-)",
    "dependency": "Dependencies on other projects and outside parties (N-)",
    "milestone": "Milestones, baselines and slippage (M-)",
    "budget": "Budget, variance, tolerances and exceptions (X-)",
    "raid": "The RAID register",
}
