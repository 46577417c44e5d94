"""What every listener needs, and the few moves they share: who is speaking, open a form, show a reply.

The request thread does the command's one transaction and, at most, views.open (a trigger id lasts 3 s).
Everything else that talks to Slack (confirmations after clicks, the Home tab, files) is a follow-up on
a background thread, and messages to others are outbox rows the dispatcher sends."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from prometheus_client import Counter
from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store import InstallationStore
from slack_sdk.webhook import WebhookClient
from sqlalchemy.orm import Session, sessionmaker

from bot.background import Background, OutboxKick
from bot.logs import failure
from bot.slack import modals, render
from bot.slack.home import HomeFiles
from bot.slack.identity import Identity, mentioned_ids
from bot.slack.modals import FormOrigin
from bot.slack.payloads import is_direct
from bot.timesource import utcnow
from commands.context import Context
from commands.forms import CONTEXT_KEY
from commands.replies import Attachment, Reply
from commands.service import Rounds
from storage import deliveries
from storage.models import Platform

log = logging.getLogger("rounds.slack")

INTERACTIONS = Counter("rounds_slack_interactions", "Slack requests handled, by kind and outcome", ["kind", "outcome"])
FOLLOW_UP_TIMEOUT = 10  # whole seconds: slack_sdk's timeout is an int
# What a form's context may carry back through private_metadata (a message shortcut's text stays out).
FORM_CONTEXT_KEYS = frozenset({"project", *CONTEXT_KEY.values()})


@dataclass
class SlackDeps:
    rounds: Rounds
    sessions: sessionmaker[Session]
    identity: Identity
    background: Background
    outbox: OutboxKick | None
    api_url: str
    installations: InstallationStore | None = None  # OAuth only
    home_files: HomeFiles = field(default_factory=HomeFiles)  # charts already uploaded for a person's Home

    # -- who, where, when ---------------------------------------------------------------------------
    def context(
        self,
        client: WebClient,
        team_id: str,
        team_name: str | None,
        user_id: str,
        channel_id: str | None,
        channel_name: str | None = None,
    ) -> Context:
        speaker = self.identity.speaker(team_id, team_name, user_id, client.token)
        return Context(
            platform=Platform.SLACK,
            workspace_id=team_id,
            workspace_name=team_name,
            channel_id=channel_id,
            is_direct=is_direct(channel_id, channel_name),
            speaker=speaker,
            now=utcnow(),
        )

    def learn_mentioned(self, client: WebClient, team_id: str, team_name: str | None, text: str) -> None:
        """People mentioned in a command get their Slack profile too (name, time zone), so cards name them
        properly and nudges reach them inside their own working hours. Off the request thread."""
        ids = mentioned_ids(text)
        if ids:
            token = client.token
            self.background.submit(
                "profiles", lambda: [self.identity.refresh(team_id, team_name, u, token) for u in ids]
            )

    def first_delivery(self, event_id: str | None) -> bool:
        """Events API retries carry the same event_id: the unique (platform, event_id) row lets one through."""
        if not event_id or deliveries.first_delivery(self.sessions, Platform.SLACK, event_id, utcnow()):
            return True
        log.info("event %s delivered again: ignored", event_id)
        return False

    @contextmanager
    def guard(self, kind: str, ack: Ack | None = None) -> Iterator[None]:
        """Around every listener: a failure is logged by kind only (a payload's text never reaches the log, as it
        would in a validation error's message) and the person still gets an answer within Slack's 3 s."""
        try:
            yield
        except Exception as e:  # noqa: BLE001 - failure() logs it: its kind at ERROR, its traceback at DEBUG
            ref = failure(log, f"slack {kind} listener", e)
            INTERACTIONS.labels(kind, "failed").inc()
            if ack is not None and ack.response is None:
                if kind == "command":
                    ack(
                        {
                            "response_type": "ephemeral",
                            **render.message(
                                Reply.problem(f"Something went wrong on our side and nothing was changed (ref {ref}).")
                            ),
                        }
                    )
                else:
                    ack()

    def handled(self, kind: str, reply: Reply) -> None:
        """Count it; if it may have queued messages, have them sent now rather than at the clock's next pass."""
        INTERACTIONS.labels(kind, "refused" if reply.error else "ok").inc()
        if not reply.error and self.outbox is not None:
            self.outbox.kick()

    # -- forms ------------------------------------------------------------------------------------------
    def open_form(self, client: WebClient, trigger_id: str | None, reply: Reply, origin: FormOrigin) -> bool:
        """views.open for a Reply carrying a form. False when it could not open (the caller says so instead)."""
        if reply.form is None or not trigger_id:
            return False
        context = {k: v for k, v in reply.form.context.items() if k in FORM_CONTEXT_KEYS}
        origin = origin.model_copy(update={"form": reply.form.name, "context": context})
        try:
            client.views_open(trigger_id=trigger_id, view=modals.modal(reply.form, origin))
            return True
        except (SlackApiError, SlackClientError, OSError) as e:
            log.warning("views.open failed: %s", _reason(e))
            return False

    def show_modal(self, client: WebClient, trigger_id: str | None, reply: Reply) -> bool:
        if not trigger_id:
            return False
        try:
            client.views_open(trigger_id=trigger_id, view=render.info_modal(reply))
            return True
        except (SlackApiError, SlackClientError, OSError) as e:
            log.warning("views.open (info) failed: %s", _reason(e))
            return False

    # -- follow-ups, on the background threads -------------------------------------------------------
    def follow_up(
        self,
        client: WebClient,
        reply: Reply,
        *,
        user_id: str,
        response_url: str | None = None,
        channel_id: str | None = None,
        thread_ts: str | None = None,
    ) -> None:
        """Show a reply to the person after the request has been answered: through the response URL of the
        message or command they came from, else in the channel (ephemeral unless it is for everyone), else in
        their DM with Rounds."""
        if not reply.text.strip():
            return
        self.background.submit(
            "follow-up",
            lambda: deliver(
                client, reply, user_id=user_id, response_url=response_url, channel_id=channel_id, thread_ts=thread_ts
            ),
        )

    def refresh_home(self, client: WebClient, ctx: Context) -> None:
        def publish() -> None:
            home = self.rounds.home(ctx.model_copy(update={"now": utcnow(), "channel_id": None, "is_direct": True}))
            self.home_files.publish(client, ctx.workspace_id, ctx.speaker.user_id, home)

        self.background.submit("home", publish)

    def send_file(self, client: WebClient, user_id: str, attachment: Attachment) -> None:
        def upload() -> None:
            dm = client.conversations_open(users=user_id)["channel"]["id"]
            client.files_upload_v2(
                channel=dm, filename=attachment.filename, title=attachment.filename, content=attachment.content
            )

        self.background.submit("file", upload)

    def react(self, client: WebClient, channel: str, ts: str, name: str) -> None:
        self.background.submit("reaction", lambda: client.reactions_add(channel=channel, timestamp=ts, name=name))


def deliver(
    client: WebClient,
    reply: Reply,
    *,
    user_id: str,
    response_url: str | None,
    channel_id: str | None,
    thread_ts: str | None = None,
) -> None:
    body = render.message(reply)
    public = reply.visibility == "channel" and not reply.error
    if response_url:
        resp = WebhookClient(response_url, timeout=FOLLOW_UP_TIMEOUT).send(
            response_type="in_channel" if public else "ephemeral", replace_original=False, **body
        )
        if resp.status_code < 300:
            return
        log.warning("response_url answered %s; trying the Web API", resp.status_code)
    if channel_id and not is_direct(channel_id):
        if public:
            client.chat_postMessage(channel=channel_id, thread_ts=thread_ts, **body)
        else:
            client.chat_postEphemeral(channel=channel_id, user=user_id, thread_ts=thread_ts, **body)
        return
    if channel_id and thread_ts:  # a thread in the person's DM with Rounds
        client.chat_postEphemeral(channel=channel_id, user=user_id, thread_ts=thread_ts, **body)
        return
    client.chat_postMessage(channel=user_id, **body)


def _reason(e: Exception) -> str:
    if isinstance(e, SlackApiError):
        return str(
            (e.response.data or {}).get("error") if isinstance(e.response.data, dict) else e.response.status_code
        )
    return type(e).__name__
