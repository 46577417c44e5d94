"""Rounds' Teams app: one factory for the web process (`/api/messages`) and the outbox's Teams sender.

Everything is built per process (gunicorn builds the app in each worker, after the fork): the database
sessions, the Bot Connector client and its private event loop, the request authenticator with its cached
signing keys, and the thread that sends outbox rows soon after a request queued them."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.background import OutboxKick
from bot.outbox.clocked import dispatcher
from bot.runtime import Runtime
from bot.teams.auth import BotFrameworkAuth
from bot.teams.bot import TeamsBot
from bot.teams.config import TeamsConfig
from bot.teams.connector import AppTokens, Connector
from bot.teams.directory import Directory
from bot.teams.sender import TeamsSender
from bot.timesource import utcnow
from storage.models import Platform

log = logging.getLogger("rounds.teams")


@dataclass
class TeamsApp:
    config: TeamsConfig
    bot: TeamsBot
    auth: BotFrameworkAuth | None  # None: authentication is off (local development only)
    sender: TeamsSender
    connector: Connector
    kick: OutboxKick | None

    def close(self) -> None:
        if self.kick is not None:
            self.kick.stop()
        self.connector.close()


def _sender(rt: Runtime, config: TeamsConfig) -> tuple[TeamsSender, Directory, Connector]:
    tokens = AppTokens(config.app_id, config.password, config.tenant_id) if config.app_id and config.password else None
    connector = Connector(tokens)
    directory = Directory(rt.sessions, connector, utcnow)
    return TeamsSender(directory, connector, config.bot_id), directory, connector


def create_app(rt: Runtime, config: TeamsConfig, *, kick_outbox: bool = True) -> TeamsApp:
    sender, directory, connector = _sender(rt, config)
    kick = OutboxKick(dispatcher(rt.sessions, {Platform.TEAMS: sender}), clock=utcnow) if kick_outbox else None
    bot = TeamsBot(
        rt.rounds, rt.sessions, directory, connector, kick.kick if kick else (lambda: None), utcnow, config.tenant_id
    )
    auth = None
    if config.allow_unauthenticated:
        log.warning(
            "TEAMS_ALLOW_UNAUTHENTICATED is on: /api/messages accepts requests without checking who sent them "
            "(local development only)"
        )
    else:
        assert config.app_id is not None
        auth = BotFrameworkAuth(config.app_id, config.openid_url)
    log.info(
        "Teams app ready (%s, %s)",
        "single tenant" if config.tenant_id else "any tenant",
        "signed in to the Bot Connector" if config.password else "no Bot Connector sign-in (development)",
    )
    return TeamsApp(config=config, bot=bot, auth=auth, sender=sender, connector=connector, kick=kick)


def outbox_sender(rt: Runtime) -> TeamsSender | None:
    """The Teams sender for a process that only sends (the clock, `run-job outbox`), or None when Teams is not
    configured."""
    config = TeamsConfig.from_settings(rt.settings)
    return _sender(rt, config)[0] if config is not None else None
