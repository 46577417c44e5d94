"""/pmo help and `help` after any command."""

from __future__ import annotations

from commands.context import Actor
from commands.grammar import models as m
from commands.grammar.raid_usage import RAID_INTRO
from commands.grammar.usage import HELP_TOPICS, topic
from commands.replies import Block, Context, Header, Reply, Section
from storage.uow import UnitOfWork

INTRO = {
    "project": "Projects, their channels and roles",
    "status": "Status (RAG) updates",
    "risk": "The risk register",
    "action": "Actions: who owes what by when",
    "gate": "Stage gates and approvals",
    "digest": "Scheduled digests in channels",
    "prefs": "Your hours and shifts, time zone, away and delegate; workspace holidays and date order",
    "pmo": "PMO: portfolio, exports, templates, admins",
} | RAID_INTRO


def show(cmd: m.Help, actor: Actor, uow: UnitOfWork) -> Reply:
    if cmd.topic and cmd.topic in HELP_TOPICS:
        body = topic(cmd.topic)
        return Reply.private(
            f"{INTRO[cmd.topic]}\n{body}", Header(text=INTRO[cmd.topic]), Section(text=f"```{body}```")
        )
    blocks: list[Block] = [Header(text="Rounds — the PMO in your chat")]
    for name in HELP_TOPICS:
        blocks.append(Section(text=f"*{INTRO[name]}*\n```{topic(name)}```"))
    blocks.append(
        Context(
            text="Every command also works as /pmo COMMAND. Dates: 2026-12-04, fri, tomorrow, +3d, +2w, eow. "
            "In a channel linked to one project you can leave out the KEY."
        )
    )
    return Reply.private(
        "Rounds commands: /project, /status, /risk, /action, /gate, /digest, /issue, /assumption, /dependency, "
        "/milestone, /budget, /raid, /pmo",
        *blocks,
    )
