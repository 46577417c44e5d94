"""Button clicks (block_actions): gate Approve / Reject / Approve with conditions, nudge Done / Snooze /
Blocked, "open form" buttons — on messages, in DMs and on the App Home tab. A choice in a row's overflow menu
(the buttons that do not fit a phone's width) carries the same value as the button and is handled the same.

A button's value says what the click means (render.encode_button): a command, run as the clicker, or a
form, opened as a modal. The clicker hears back privately; cards others see are updated through the
outbox (chat.update on every copy), never here."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack.adapter import SlackDeps
from bot.slack.modals import FormOrigin
from bot.slack.payloads import BlockActions
from bot.slack.render import decode_button
from commands.forms import context_for
from commands.replies import Reply

ANY_ACTION = re.compile(r".+")


def register(app: App, deps: SlackDeps) -> None:
    @app.action(ANY_ACTION)
    def on_click(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        ack()  # the response is sent when this returns; nothing below waits on Slack except views.open
        with deps.guard("action"):
            handle(deps, body, client)


def handle(deps: SlackDeps, body: dict[str, Any], client: WebClient) -> None:
    p = BlockActions.model_validate(body)
    click = decode_button(p.actions[0].chosen if p.actions else None)  # a button, or an option of its row's overflow
    if click is None:
        return  # not a Rounds button (or from an older version): nothing to do
    channel = p.channel.id if p.channel else (p.container.channel_id if p.container.type == "message" else None)
    ctx = deps.context(client, p.team_id, p.team.domain if p.team else None, p.user.id, channel)
    if click.form:
        reply = deps.rounds.form(ctx, click.form, context_for(click.form, click.value))
        origin = FormOrigin(f=click.form, ch=channel, r=p.response_url, h=p.from_home)
        if not deps.open_form(client, p.trigger_id, reply, origin):
            answer(deps, client, p, reply if reply.error else Reply.private(reply.text))
        deps.handled("action", reply)
        return
    command, _, text = click.command.partition(" ") if click.command else ("", "", "")
    reply = deps.rounds.run(ctx, command, text)
    answer(deps, client, p, reply)
    if p.from_home:
        deps.refresh_home(client, ctx)
    deps.handled("action", reply)


def answer(deps: SlackDeps, client: WebClient, p: BlockActions, reply: Reply) -> None:
    """The clicker's private answer: ephemeral under the message they clicked; on the Home tab (where nothing
    is ephemeral) a refusal opens as a small modal and a success shows in the refreshed tab."""
    if p.from_home:
        if reply.error:
            deps.show_modal(client, p.trigger_id, reply)
        return
    channel = p.channel.id if p.channel else p.container.channel_id
    deps.follow_up(client, reply, user_id=p.user.id, response_url=p.response_url, channel_id=channel)
