"""A person's daily message: everything they owe, and what was escalated to them, each with its buttons.

At most one a day (their shift's day), inside their hours; when something is escalated to them after that one
went, a second, clearly separate message carries only the escalations. Never more."""

from __future__ import annotations

from datetime import date, datetime

from commands import format as fmt
from commands.nudges.escalate import PM_LEVEL, Notice
from commands.nudges.owed import Owed
from commands.replies import Block, Button, Buttons, Context, Divider, Header, Reply, Section
from storage.models import ItemKind, Person, Platform

MAX_ITEMS_SHOWN = 10
VIEW = {ItemKind.ACTION: "/action", ItemKind.RISK: "/risk", ItemKind.GATE: "/gate", ItemKind.PROJECT: "/status"}


def daily(
    person: Person, items: list[Owed], escalated: list[Notice], now: datetime, platform: Platform, second: bool
) -> Reply:
    today = person.local_today(now)
    first = person.display_name.split(" (")[0].split(" ")[0]
    blocks: list[Block] = []
    parts: list[str] = []
    if items:
        hour = person.local_now(now).hour
        greeting = "Good morning" if hour < 12 else ("Good afternoon" if hour < 17 else "Hello")
        blocks.append(Header(text=f"{greeting}, {first} — {fmt.plural(len(items), 'thing needs', 'things need')} you"))
        blocks += _owed(items, today)
        parts.append(
            f"{fmt.plural(len(items), 'thing needs', 'things need')} you: {', '.join(i.ref for i in items[:5])}"
        )
    if escalated:
        if items:
            blocks.append(Divider())
        title = f"🔔 Escalated to you ({len(escalated)})"
        blocks.append(
            Header(
                text=title
                if items
                else f"{title} — {first}, {'a second message today' if second else 'for your attention'}"
            )
        )
        blocks += _escalations(escalated)
        parts += [f"🔔 {fmt.clip(n.reason.replace('*', ''), 160)}" for n in escalated[:3]]
    blocks.append(Context(text=_footer(items, platform, second)))
    return Reply.private(" · ".join(parts), *blocks)


def _owed(items: list[Owed], today: date) -> list[Block]:
    blocks: list[Block] = []
    for item in items[:MAX_ITEMS_SHOWN]:
        blocks.append(Section(text=item.line(today)))
        blocks.append(Buttons(buttons=item.buttons()))
    if len(items) > MAX_ITEMS_SHOWN:
        blocks.append(
            Context(
                text=f"…and {len(items) - MAX_ITEMS_SHOWN} more: `/action list mine`, `/risk list mine`, `/gate list`."
            )
        )
    return blocks


def _escalations(notices: list[Notice]) -> list[Block]:
    blocks: list[Block] = []
    for n in notices[:MAX_ITEMS_SHOWN]:
        step = "to you as PM" if n.level == PM_LEVEL else "to the sponsors"
        behalf = f" — for {fmt.who(n.on_behalf_of)}, who is away" if n.on_behalf_of is not None else ""
        blocks.append(Section(text=f"{n.reason}\n_Escalated {step}{behalf}._"))
        blocks.append(Buttons(buttons=buttons(n)))
    if len(notices) > MAX_ITEMS_SHOWN:
        blocks.append(Context(text=f"…and {len(notices) - MAX_ITEMS_SHOWN} more escalations."))
    return blocks


def buttons(n: Notice) -> tuple[Button, ...]:
    """Open the item, acknowledge the escalation, or hand the item to someone else."""
    found = [
        Button(
            label=f"Open {n.item_ref}",
            action="escalation.open",
            value=n.item_ref,
            command=f"{VIEW[n.item_kind]} {n.item_ref}",
        ),
        Button(
            label="Acknowledge", action="escalation.ack", value=str(n.id), style="primary", command=f"/pmo ack {n.id}"
        ),
    ]
    if n.item_kind in (ItemKind.ACTION, ItemKind.RISK):
        found.append(Button(label="Reassign", action="escalation.reassign", value=n.item_ref, form="item.reassign"))
    return tuple(found)


def _footer(items: list[Owed], platform: Platform, second: bool) -> str:
    """How to answer, in words that fit the platform: a Teams 1:1 chat has no threads (a quoted reply works)."""
    if not items:
        return (
            "Escalations wait for your hours and are never sent while you're away (your delegate gets them). "
            + ("This is today's second and last message from Rounds." if second else "")
        ).strip()
    note = (
        "Quote this message in a reply to leave a note on these."
        if platform == Platform.TEAMS
        else "Reply in this thread to leave a note on these."
    )
    return f"{note} Snoozes last up to two weeks; Rounds won't message you outside your hours (`/pmo prefs hours`)."
