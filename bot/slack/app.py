"""The Bolt app: one factory for HTTP (`python -m bot web`) and Socket Mode (`python -m bot socket`).

`App(process_before_response=True)`: a listener runs on the request's own thread and its ack is the HTTP
answer, so a command that finishes well inside 3 s replies in the ack and nothing is left half-done when
the response goes out. Every Web API client Bolt makes (per request, OAuth, Socket Mode) inherits the base
URL from SLACK_API_URL through the app's client.

Bolt never logs what a request carried: its signature check (which logs the whole body at INFO when it fails)
is off, because the front door (front.py) verifies every HTTP request first; a request no listener matches is
handed to errors.on_error instead of Bolt's warning (which quotes values people typed); and a failure is one line at
ERROR naming its kind, the traceback only at DEBUG. PrivateBolt (bot/logs.py) backs this up on Bolt's loggers."""

from __future__ import annotations

import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from slack_bolt import App
from slack_bolt.oauth.oauth_settings import OAuthSettings
from slack_sdk import WebClient
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore

from bot.background import Background, OutboxKick
from bot.logs import PrivateBolt
from bot.outbox.clocked import dispatcher
from bot.runtime import Runtime
from bot.slack import listeners
from bot.slack.adapter import SlackDeps
from bot.slack.identity import Identity
from bot.slack.installation import BOT_SCOPES, RoundsInstallationStore, SlackConfig, bot_token_for
from bot.slack.sender import SlackSender
from bot.timesource import utcnow
from storage.models import Platform

log = logging.getLogger("rounds.slack")

CONCURRENCY = 16  # requests in flight at once, per process: Bolt's executor and the server are sized to it
REQUEST_TIMEOUT = 3  # whole seconds (slack_sdk's timeout is an int), for Web API calls made while a request waits (views.open): a trigger lasts 3 s
OAUTH_STATE_SECONDS = 600


class _TokenFromClient(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN from the environment and warns that the client's token wins; it is the same one."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


BOLT_LOG = logging.getLogger("rounds.slack.bolt")
BOLT_LOG.addFilter(_TokenFromClient())
BOLT_LOG.addFilter(PrivateBolt())  # Bolt copies these filters to each logger it makes from this one


@dataclass
class SlackApp:
    app: App
    deps: SlackDeps
    sender: SlackSender

    def close(self) -> None:
        if self.deps.outbox is not None:
            self.deps.outbox.stop()
        self.deps.background.shutdown()


def create_app(rt: Runtime, config: SlackConfig, *, socket_mode: bool = False, kick_outbox: bool = True) -> SlackApp:
    installations = None
    oauth_settings = None
    if config.oauth and not socket_mode:
        assert config.client_id is not None and config.client_secret is not None
        installations = RoundsInstallationStore(config.client_id, rt.engine, rt.sessions)
        oauth_settings = OAuthSettings(
            client_id=config.client_id,
            client_secret=config.client_secret,
            scopes=list(BOT_SCOPES),
            installation_store=installations,
            authorization_url=config.authorization_url,
            state_store=SQLAlchemyOAuthStateStore(expiration_seconds=OAUTH_STATE_SECONDS, engine=rt.engine),
            install_path="/slack/install",
            redirect_uri_path="/slack/oauth_redirect",
        )
    client = WebClient(
        token=None if oauth_settings else config.bot_token, base_url=config.api_url, timeout=REQUEST_TIMEOUT
    )
    app = App(
        client=client,
        signing_secret=config.signing_secret or "",
        oauth_settings=oauth_settings,
        process_before_response=True,
        request_verification_enabled=False,  # HTTP: the front door verifies; Socket Mode: Slack's own connection
        raise_error_for_unhandled_request=True,  # to errors.on_error, not Bolt's warning that quotes the payload
        listener_executor=ThreadPoolExecutor(max_workers=CONCURRENCY, thread_name_prefix="bolt"),
        logger=BOLT_LOG,
    )
    sender = _sender(config, installations)
    outbox = None
    if kick_outbox:
        outbox = OutboxKick(dispatcher(rt.sessions, {Platform.SLACK: sender}), clock=utcnow)
    deps = SlackDeps(
        rounds=rt.rounds,
        sessions=rt.sessions,
        identity=Identity(rt.sessions, config.api_url),
        background=Background(),
        outbox=outbox,
        api_url=config.api_url,
        installations=installations,
    )
    listeners.register(app, deps)
    log.info(
        "Slack app ready (%s, %s)",
        "OAuth" if installations else "single workspace",
        "Socket Mode" if socket_mode else "HTTP",
    )
    return SlackApp(app=app, deps=deps, sender=sender)


def _sender(config: SlackConfig, installations: RoundsInstallationStore | None) -> SlackSender:
    """The one way a Slack sender is made: the web process and the sending-only processes share it."""
    return SlackSender(bot_token_for(installations, config.bot_token), config.api_url)


def outbox_sender(rt: Runtime) -> SlackSender | None:
    """The Slack sender for a process that only sends (the clock, `run-job outbox`), or None when Slack is not
    configured: the single workspace's bot token, or each workspace's bot from the OAuth installation store."""
    config = SlackConfig.for_sending(rt.settings)
    if config is None:
        return None
    installations = None
    if config.oauth:
        assert config.client_id is not None
        installations = RoundsInstallationStore(config.client_id, rt.engine, rt.sessions)
    return _sender(config, installations)
