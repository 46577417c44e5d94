"""Modal submissions (view_submission): raise a risk, log status, assign an action, request a gate, the
rejection reason, approval conditions, what an action is blocked on, a risk update.

The submitted values, flattened (user ids, ISO dates, option values), go to the command core with the
form's context from private_metadata. A refusal about one field stays in the modal, under that field;
any other refusal closes the modal and is shown privately where the person was."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.slack import modals, render
from bot.slack.adapter import SlackDeps
from bot.slack.modals import FormOrigin
from bot.slack.payloads import ViewSubmission
from bot.slack.render import FORM_CALLBACK
from commands.phi_commands import redacted_offer

FIELD_ERROR = 300  # characters shown under a field


def register(app: App, deps: SlackDeps) -> None:
    @app.view(FORM_CALLBACK)
    def on_submit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
        with deps.guard("view", ack):
            handle(deps, ack, body, client)


def handle(deps: SlackDeps, ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    p = ViewSubmission.model_validate(body)
    origin = FormOrigin.load(p.view.private_metadata)
    if origin is None:  # not a form this version of Rounds opened
        first = next(iter(p.view.state.values), None)
        if first is None:
            ack()
        else:
            ack(response_action="errors", errors={first: "This form is out of date; close it and open it again."})
        return
    ctx = deps.context(client, p.team_id, p.team.domain if p.team else None, p.user.id, origin.channel)
    reply = deps.rounds.submit(ctx, origin.form, modals.submitted_values(p.view.state.values), origin.context)
    if reply.error and redacted_offer(reply) is None:  # a PHI refusal with a redacted offer goes to the chat
        fields = list(p.view.state.values)
        field = reply.field if reply.field in fields else modals.error_field(fields, reply.text)
        if field is not None:
            ack(response_action="errors", errors={field: render.clip(reply.text.split("\n", 1)[0], FIELD_ERROR)})
            deps.handled("view", reply)
            return
    ack()  # closes the modal
    deps.follow_up(client, reply, user_id=p.user.id, response_url=origin.response_url, channel_id=origin.channel)
    if origin.home:
        deps.refresh_home(client, ctx)
    deps.handled("view", reply)
