"""Rounds' Teams app: one factory for the web process (`/api/messages`) and the outbox's Teams sender.

Everything is built per process (gunicorn builds the app in each worker, after the fork): the database
sessions, the Bot Connector client and its private event loop, the request authenticator with its cached
signing keys, the thread that sends outbox rows soon after a request queued them, and the one that fetches
the signing keys and keeps a Bot Connector token warm. Building touches no network: Entra ID or the Bot
Framework's metadata being unreachable leaves Teams degraded (`health`) and the rest of Rounds serving."""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field

from bot.background import OutboxKick
from bot.outbox.clocked import dispatcher
from bot.runtime import Runtime
from bot.teams.auth import BotFrameworkAuth
from bot.teams.bot import TeamsBot
from bot.teams.config import TeamsConfig
from bot.teams.connector import AppTokens, Connector, ConnectorError
from bot.teams.directory import Directory
from bot.teams.sender import TeamsSender
from bot.timesource import utcnow
from storage.models import Platform

log = logging.getLogger("rounds.teams")


TOKEN_CHECK = 300.0  # seconds between the warm-up thread's token checks once signed in (MSAL renews in time)


class Warmup:
    """One daemon thread: fetches the signing keys and gets a Bot Connector token, again and again with
    backoff while their hosts are unreachable, so that neither start-up nor a request waits for them."""

    def __init__(self, tokens: AppTokens | None, auth: BotFrameworkAuth | None) -> None:
        self.tokens = tokens
        self.auth = auth
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        if self.tokens is None and self.auth is None:
            return
        self._thread = threading.Thread(target=self._loop, name="rounds-teams-warmup", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _loop(self) -> None:
        while not self._stop.is_set():
            waits = [3600.0]
            try:
                if self.auth is not None:
                    waits.append(self.auth.warm())
                if self.tokens is not None:
                    try:
                        self.tokens.token()
                        waits.append(TOKEN_CHECK)
                    except ConnectorError:
                        waits.append(max(1.0, self.tokens.due_in()))
            except Exception as e:  # noqa: BLE001 - the thread must outlive anything a host answers
                log.warning("Teams warm-up failed: %s", type(e).__name__)
                waits.append(60.0)
            self._stop.wait(min(waits))


@dataclass
class TeamsApp:
    config: TeamsConfig
    bot: TeamsBot
    auth: BotFrameworkAuth | None  # None: authentication is off (local development only)
    sender: TeamsSender
    connector: Connector
    kick: OutboxKick | None
    tokens: AppTokens | None = None
    warmup: Warmup | None = field(default=None)

    def health(self) -> str | None:
        """What stops Teams working now (None: nothing known): for /healthz, short and without secrets."""
        problems = []
        if self.auth is not None and self.auth.unavailable:
            problems.append(f"cannot check requests from Teams: {self.auth.unavailable}")
        if self.tokens is not None and self.tokens.problem:
            problems.append(f"cannot send to Teams: no Bot Connector token, {self.tokens.problem}")
        return "degraded: " + "; ".join(problems) + "; retrying" if problems else None

    def close(self) -> None:
        if self.warmup is not None:
            self.warmup.stop()
        if self.kick is not None:
            self.kick.stop()
        self.connector.close()


def app_tokens(config: TeamsConfig) -> AppTokens | None:
    """The Bot Connector sign-in, when Rounds has a password (built lazily: nothing is fetched here)."""
    if not (config.app_id and config.password):
        return None
    return AppTokens(config.app_id, config.password, config.tenant_id, login_url=config.login_url, cloud=config.cloud)


def _sender(rt: Runtime, config: TeamsConfig, tokens: AppTokens | None) -> tuple[TeamsSender, Directory, Connector]:
    connector = Connector(tokens)
    directory = Directory(rt.sessions, connector, utcnow)
    return TeamsSender(directory, connector, config.bot_id), directory, connector


def create_app(rt: Runtime, config: TeamsConfig, *, kick_outbox: bool = True) -> TeamsApp:
    tokens = app_tokens(config)
    sender, directory, connector = _sender(rt, config, tokens)
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
        auth = BotFrameworkAuth(config.app_id, config.openid_url, issuer=config.cloud.token_issuer)
    warmup = Warmup(tokens, auth)
    warmup.start()
    log.info(
        "Teams app ready (%s, %s)",
        "single tenant" if config.tenant_id else "any tenant",
        "signs in to the Bot Connector" if config.password else "no Bot Connector sign-in (development)",
    )
    return TeamsApp(
        config=config,
        bot=bot,
        auth=auth,
        sender=sender,
        connector=connector,
        kick=kick,
        tokens=tokens,
        warmup=warmup,
    )


def outbox_sender(rt: Runtime) -> TeamsSender | None:
    """The Teams sender for a process that only sends (the clock, `run-job outbox`), or None when Teams is not
    configured. It signs in to the Bot Connector on first use, never here."""
    config = TeamsConfig.from_settings(rt.settings)
    return _sender(rt, config, app_tokens(config))[0] if config is not None else None
