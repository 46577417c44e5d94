"""Slash commands: every command of the grammar, as its own command (`/status …`) and under `/pmo`.

The command's transaction runs inside the request and its Reply is the acknowledgement itself (well inside
Slack's 3 s). A bare `/risk`, `/action` or `/gate request` answers with a form: it opens as a modal."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack import render
from bot.slack.adapter import SlackDeps
from bot.slack.modals import FormOrigin
from bot.slack.payloads import SlashCommand
from commands.grammar import COMMAND_NAMES
from commands.replies import Context, Reply

# `/status`, and also a workspace's renamed copy such as `/rounds-status` (when the plain name is taken).
COMMAND = re.compile(r"^/(?:[a-z0-9_]+-)?(" + "|".join(COMMAND_NAMES) + r")$")


def register(app: App, deps: SlackDeps) -> None:
    @app.command(COMMAND)
    def on_command(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        with deps.guard("command", ack):
            handle(deps, ack, body, client)


def handle(deps: SlackDeps, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    cmd = SlashCommand.model_validate(body)
    found = COMMAND.match(cmd.command.lower())
    name = found.group(1) if found else cmd.command.lstrip("/")
    ctx = deps.context(client, cmd.team_id, cmd.team_domain, cmd.user_id, cmd.channel_id, cmd.channel_name)
    reply = deps.rounds.run(ctx, f"/{name}", cmd.text)
    deps.learn_mentioned(client, cmd.team_id, cmd.team_domain, cmd.text)
    if reply.form is not None:
        origin = FormOrigin(f=reply.form.name, ch=cmd.channel_id, r=cmd.response_url)
        if deps.open_form(client, cmd.trigger_id, reply, origin):
            ack()
        else:  # the modal could not open (a stale trigger): the form's text says how to type it instead
            ack(response(Reply.private(reply.text)))
        deps.handled("command", reply)
        return
    if reply.attachment is not None:
        deps.send_file(client, cmd.user_id, reply.attachment)
        reply = reply.model_copy(
            update={"blocks": (*reply.blocks, Context(text="The file is on its way to your DM with Rounds."))}
        )
    ack(response(reply))
    deps.handled("command", reply)


def response(reply: Reply) -> dict[str, Any]:
    """A slash command's acknowledgement: visible to the channel only when the Reply is for everyone."""
    public = reply.visibility == "channel" and not reply.error
    return {"response_type": "in_channel" if public else "ephemeral", **render.message(reply)}
