"""The message shortcut "Raise as risk": any message becomes a risk draft in the risk modal.

The message's text fills the risk's details; the title is the person's to write. Nothing is stored until
they submit, and the PHI guard reads every field then, the prefilled text included."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.adapter import SlackDeps
from bot.slack.modals import FormOrigin
from bot.slack.payloads import MessageShortcut
from bot.slack.render import unescape
from commands.replies import Reply

RAISE_AS_RISK = "raise_as_risk"  # the manifest's callback_id
_MARKUP = re.compile(r"<([^<>]+)>")


def register(app: App, deps: SlackDeps) -> None:
    @app.shortcut(RAISE_AS_RISK)
    def on_raise_as_risk(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()
        with deps.guard("shortcut"):
            handle(deps, body, client)


def handle(deps: SlackDeps, body: dict[str, Any], client: WebClient) -> None:
    p = MessageShortcut.model_validate(body)
    channel = p.channel.id if p.channel else None
    ctx = deps.context(client, p.team_id, p.team.domain if p.team else None, p.user.id, channel)
    reply = deps.rounds.form(ctx, "risk.raise", {"description": plain(p.message.text)})
    if not deps.open_form(client, p.trigger_id, reply, FormOrigin(f="risk.raise", ch=channel, r=p.response_url)):
        deps.follow_up(
            client,
            reply if reply.error else Reply.private(reply.text),
            user_id=p.user.id,
            response_url=p.response_url,
            channel_id=channel,
        )
    deps.handled("shortcut", reply)


def plain(text: str) -> str:
    """Slack's message markup as a person would read it: links as their labels, entities unescaped."""
    return unescape(_MARKUP.sub(_readable, text)).strip()


def _readable(m: re.Match[str]) -> str:
    target, _, label = m.group(1).partition("|")
    if target.startswith(("@", "#")):  # <@U123|sam>, <#C123|ehr>
        return target[0] + (label or target[1:])
    if target.startswith("!"):  # <!here>, <!subteam^S123|@nurses>
        return label or "@" + target[1:].split("^", 1)[0]
    return label or target  # <https://…|label>, <mailto:…>
