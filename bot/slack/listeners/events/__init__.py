"""Events API: the App Home tab, replies in the threads of Rounds' own messages, and uninstalls.

Slack retries an event it thinks was not received; the event_id is stored once (a unique row), so a
retried delivery is acknowledged and otherwise ignored."""

from __future__ import annotations

from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack.adapter import SlackDeps
from bot.slack.installation import mark_uninstalled
from bot.slack.payloads import AppHomeOpened, EventEnvelope, MessageEvent, TokensRevoked
from bot.slack.render import unescape
from bot.timesource import utcnow

NOTED = "memo"  # the reaction that says "stored as a comment"


def register(app: App, deps: SlackDeps) -> None:
    @app.event("app_home_opened")
    def on_home(body: dict[str, Any], client: WebClient) -> None:
        with deps.guard("event"):
            home_opened(deps, body, client)

    @app.event("message")
    def on_message(body: dict[str, Any], client: WebClient) -> None:
        with deps.guard("event"):
            message(deps, body, client)

    @app.event("app_uninstalled")
    def on_uninstalled(body: dict[str, Any], context: BoltContext) -> None:
        with deps.guard("event"):
            uninstalled(deps, body, context)

    @app.event("tokens_revoked")
    def on_tokens_revoked(body: dict[str, Any], context: BoltContext) -> None:
        with deps.guard("event"):
            tokens_revoked(deps, body, context)


def home_opened(deps: SlackDeps, body: dict[str, Any], client: WebClient) -> None:
    envelope = EventEnvelope.model_validate(body)
    event = AppHomeOpened.model_validate(envelope.event)
    if event.tab not in (None, "home") or not deps.first_delivery(envelope.event_id):
        return
    deps.refresh_home(client, deps.context(client, envelope.team, None, event.user, None))


def message(deps: SlackDeps, body: dict[str, Any], client: WebClient) -> None:
    """A person's reply in a thread: a comment on the items of the nudge it answers (not a thread of ours: nothing)."""
    envelope = EventEnvelope.model_validate(body)
    event = MessageEvent.model_validate(envelope.event)
    if not event.is_person_replying_in_a_thread or not deps.first_delivery(envelope.event_id):
        return
    assert event.user is not None and event.thread_ts is not None
    kind = "directmessage" if event.channel_type == "im" else None
    ctx = deps.context(client, envelope.team, None, event.user, event.channel, kind)
    reply = deps.rounds.thread_reply(ctx, event.channel, event.thread_ts, unescape(event.text))
    if not reply.text:
        return
    if reply.error:
        deps.follow_up(client, reply, user_id=event.user, channel_id=event.channel, thread_ts=event.thread_ts)
    else:
        deps.react(client, event.channel, event.ts, NOTED)
    deps.handled("event", reply)


def uninstalled(deps: SlackDeps, body: dict[str, Any], context: BoltContext) -> None:
    envelope = EventEnvelope.model_validate(body)
    if not deps.first_delivery(envelope.event_id):
        return
    mark_uninstalled(deps.sessions, envelope.team, utcnow())
    if deps.installations is not None:
        deps.installations.delete_all(enterprise_id=context.enterprise_id, team_id=context.team_id)


def tokens_revoked(deps: SlackDeps, body: dict[str, Any], context: BoltContext) -> None:
    envelope = EventEnvelope.model_validate(body)
    if not deps.first_delivery(envelope.event_id):
        return
    revoked = TokensRevoked.model_validate(envelope.event).tokens
    if revoked.bot:  # without its bot token Rounds cannot post there: as good as uninstalled
        mark_uninstalled(deps.sessions, envelope.team, utcnow())
    if deps.installations is not None:
        for user_id in revoked.oauth:
            deps.installations.delete_installation(
                enterprise_id=context.enterprise_id, team_id=context.team_id, user_id=user_id
            )
        if revoked.bot:
            deps.installations.delete_bot(enterprise_id=context.enterprise_id, team_id=context.team_id)
