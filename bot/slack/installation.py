"""How Rounds is installed in Slack: one workspace with a bot token, or many through OAuth.

OAuth keeps installations and OAuth states with slack_sdk's SQLAlchemy stores on Rounds' own database
(tables from migration 0002). Uninstalling marks the workspace (`uninstalled_at`): its data stays, and the
dispatcher stops posting there; installing again clears the mark."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.oauth.installation_store import Installation
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session, sessionmaker

from bot.settings import SLACK_API_DEFAULT, ConfigError, Settings
from storage.db import rows_changed
from storage.models import Platform, Workspace

log = logging.getLogger("rounds.slack")

TOKENISH = re.compile(r"[!-~]+")  # printable ASCII, no spaces: what Slack's ids, tokens and secrets are made of
BOT_SCOPES = (
    "commands",
    "chat:write",
    "chat:write.public",
    "im:write",
    "im:history",
    "users:read",
    "reactions:write",
    "files:write",
    # Only to look for Rounds' own message after a send whose outcome is unknown (bot/slack/sender.py: `find`);
    # no channel message events are subscribed to, and nothing read is kept.
    "channels:history",
    "groups:history",
    "mpim:history",
)


@dataclass(frozen=True)
class SlackConfig:
    api_url: str
    signing_secret: str | None = None
    bot_token: str | None = None
    client_id: str | None = None
    client_secret: str | None = None
    app_token: str | None = None

    @property
    def oauth(self) -> bool:
        return self.client_id is not None

    @property
    def authorization_url(self) -> str:
        """Slack's (or GovSlack's, or a test server's) OAuth page, beside its Web API."""
        parts = urlsplit(self.api_url)
        return f"{parts.scheme}://{parts.netloc}/oauth/v2/authorize"

    @classmethod
    def for_http(cls, settings: Settings) -> SlackConfig | None:
        """None when Slack is not configured at all; a ConfigError naming what is missing when half is."""
        s = _secrets(settings)
        if not any(s[k] for k in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")):
            return None
        _require(s, "SLACK_SIGNING_SECRET", "to verify requests from Slack")
        if s["SLACK_CLIENT_ID"] or s["SLACK_CLIENT_SECRET"]:
            _require(s, "SLACK_CLIENT_ID", "with SLACK_CLIENT_SECRET for OAuth")
            _require(s, "SLACK_CLIENT_SECRET", "with SLACK_CLIENT_ID for OAuth")
            if s["SLACK_BOT_TOKEN"]:
                _fail("SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID (OAuth keeps a token per workspace)")
        else:
            _require(s, "SLACK_BOT_TOKEN", "(or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET for OAuth)")
        return cls._make(settings, s)

    @classmethod
    def for_sending(cls, settings: Settings) -> SlackConfig | None:
        """For a process that only sends (the clock, `run-job outbox`): a bot token, or OAuth's client id (the
        installation store on Rounds' database holds each workspace's token). No signing secret is needed."""
        s = _secrets(settings)
        if not (s["SLACK_BOT_TOKEN"] or s["SLACK_CLIENT_ID"]):
            return None
        if s["SLACK_BOT_TOKEN"] and s["SLACK_CLIENT_ID"]:
            _fail("SLACK_BOT_TOKEN must not be set with SLACK_CLIENT_ID (OAuth keeps a token per workspace)")
        return cls._make(settings, s)

    @classmethod
    def for_socket(cls, settings: Settings) -> SlackConfig:
        s = _secrets(settings)
        _require(s, "SLACK_APP_TOKEN", "for Socket Mode (an xapp- app-level token with connections:write)")
        _require(s, "SLACK_BOT_TOKEN", "for Socket Mode (the app's xoxb- bot token)")
        return cls._make(settings, s)

    @classmethod
    def _make(cls, settings: Settings, s: dict[str, str | None]) -> SlackConfig:
        for name, value in s.items():
            if value is not None and not TOKENISH.fullmatch(value):
                _fail(f"{name} has characters a Slack credential never has (a placeholder like … left in?)")
        if settings.is_production and not settings.slack_api_url.startswith("https://"):
            _fail("SLACK_API_URL must be https:// when ROUNDS_ENV=production")
        return cls(
            api_url=settings.slack_api_url,
            signing_secret=s["SLACK_SIGNING_SECRET"],
            bot_token=s["SLACK_BOT_TOKEN"],
            client_id=s["SLACK_CLIENT_ID"],
            client_secret=s["SLACK_CLIENT_SECRET"],
            app_token=s["SLACK_APP_TOKEN"],
        )

    @property
    def is_default_api(self) -> bool:
        return self.api_url == SLACK_API_DEFAULT


def _secrets(settings: Settings) -> dict[str, str | None]:
    def v(x: object) -> str | None:
        raw = x.get_secret_value() if hasattr(x, "get_secret_value") else x
        return str(raw).strip() or None if raw is not None else None

    return {
        "SLACK_BOT_TOKEN": v(settings.slack_bot_token),
        "SLACK_SIGNING_SECRET": v(settings.slack_signing_secret),
        "SLACK_CLIENT_ID": v(settings.slack_client_id),
        "SLACK_CLIENT_SECRET": v(settings.slack_client_secret),
        "SLACK_APP_TOKEN": v(settings.slack_app_token),
    }


def _require(s: dict[str, str | None], name: str, why: str) -> None:
    if not s[name]:
        _fail(f"{name} is required {why}")


def _fail(what: str) -> None:
    raise ConfigError(f"rounds: configuration error: {what}")


def verify_bot_token(config: SlackConfig, timeout: int = 10) -> str | None:
    """Ask Slack (auth.test) whether the bot token works, once, before any worker starts: a revoked or
    mistyped token stops start-up with one line instead of a crash in every worker. Returns its team."""
    if not config.bot_token:
        return None
    try:
        answer = WebClient(token=config.bot_token, base_url=config.api_url, timeout=timeout).auth_test()
        return str(answer.get("team_id") or answer.get("enterprise_id") or "") or None
    except SlackApiError as e:
        error = e.response.data.get("error") if isinstance(e.response.data, dict) else e.response.status_code
        _fail(f"SLACK_BOT_TOKEN was refused by Slack ({error})")
    except (SlackClientError, OSError) as e:
        _fail(f"SLACK_API_URL {config.api_url} could not be reached to check SLACK_BOT_TOKEN ({type(e).__name__})")
    return None


# -- the workspace's installed state ------------------------------------------------------------------
def mark_uninstalled(sessions: sessionmaker[Session], team_id: str, now: datetime) -> bool:
    with sessions() as s:
        done = rows_changed(
            s,
            update(Workspace)
            .where(
                Workspace.platform == Platform.SLACK,
                Workspace.external_id == team_id,
                Workspace.uninstalled_at.is_(None),
            )
            .values(uninstalled_at=now),
        )
        s.commit()
        return bool(done)


def mark_installed(sessions: sessionmaker[Session], team_id: str) -> None:
    with sessions() as s:
        s.execute(
            update(Workspace)
            .where(
                Workspace.platform == Platform.SLACK,
                Workspace.external_id == team_id,
                Workspace.uninstalled_at.is_not(None),
            )
            .values(uninstalled_at=None)
        )
        s.commit()


class RoundsInstallationStore(SQLAlchemyInstallationStore):
    """slack_sdk's store on Rounds' database; saving an installation also lifts an earlier uninstall."""

    def __init__(self, client_id: str, engine: Engine, sessions: sessionmaker[Session]) -> None:
        super().__init__(client_id=client_id, engine=engine, logger=logging.getLogger("rounds.slack.installation"))
        self.sessions = sessions

    def save(self, installation: Installation) -> None:
        super().save(installation)
        team = installation.team_id or installation.enterprise_id
        if team:
            mark_installed(self.sessions, team)
            log.info("Slack installation saved for a workspace")


def bot_token_for(
    store: SQLAlchemyInstallationStore | None, bot_token: str | None
) -> Callable[[Workspace], str | None]:
    """The outbox sender's token lookup: the one bot token, or the workspace's installed bot."""

    def token_for(workspace: Workspace) -> str | None:
        if store is None:
            return bot_token
        bot = store.find_bot(enterprise_id=None, team_id=workspace.external_id)
        if bot is None:  # an org-wide (Enterprise Grid) install is keyed by the org
            bot = store.find_bot(enterprise_id=workspace.external_id, team_id=None, is_enterprise_install=True)
        return bot.bot_token if bot is not None else None

    return token_for
