"""How Rounds is set up in Microsoft Teams, from settings: checked once, before any worker starts.

TEAMS_APP_ID is the Azure Bot's Microsoft App ID (the audience of every token Teams sends us, and the bot's
`28:` id). TEAMS_APP_PASSWORD is its client secret, for the tokens Rounds sends to the Bot Connector.
TEAMS_TENANT_ID makes the bot single-tenant: tokens come from that tenant's Entra ID, and activities from
any other tenant are refused. TEAMS_ALLOW_UNAUTHENTICATED is for a laptop with the Teams App Test Tool or
the Bot Framework Emulator, never for production (settings refuse it there).

TEAMS_CLOUD picks Microsoft's cloud (the Teams SDK's environments: public, usgov for GCC High, usgovdod,
china): the Entra ID host tokens come from, the Bot Framework scope they are for, and the issuer and OpenID
metadata of what Teams sends. TEAMS_LOGIN_URL and TEAMS_OPENID_URL override the cloud's hosts."""

from __future__ import annotations

from dataclasses import dataclass, field

from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment, from_name

from bot.settings import ConfigError, Settings


@dataclass(frozen=True)
class TeamsConfig:
    app_id: str | None
    password: str | None
    tenant_id: str | None
    openid_url: str
    allow_unauthenticated: bool = False
    cloud: CloudEnvironment = field(default=PUBLIC)
    login_url: str = PUBLIC.login_endpoint

    @property
    def bot_id(self) -> str | None:
        """The bot's own id in conversations (`28:<app id>`)."""
        return f"28:{self.app_id}" if self.app_id else None

    @classmethod
    def from_settings(cls, settings: Settings) -> TeamsConfig | None:
        """None when Teams is not configured at all; a ConfigError naming what is missing when half is."""
        password = settings.teams_app_password.get_secret_value().strip() if settings.teams_app_password else None
        if not (settings.teams_app_id or password or settings.teams_tenant_id or settings.teams_allow_unauthenticated):
            return None
        if not settings.teams_app_id and not settings.teams_allow_unauthenticated:
            _fail("TEAMS_APP_ID is required to check that requests come from Microsoft Teams (the Azure Bot's App ID)")
        if password and not settings.teams_app_id:
            _fail("TEAMS_APP_ID is required with TEAMS_APP_PASSWORD")
        if settings.is_production and not password:
            _fail(
                "TEAMS_APP_PASSWORD is required when ROUNDS_ENV=production (Rounds signs in to the Bot Connector with it)"
            )
        cloud = from_name(settings.teams_cloud)
        return cls(
            app_id=settings.teams_app_id,
            password=password or None,
            tenant_id=settings.teams_tenant_id,
            openid_url=settings.teams_openid_url or cloud.openid_metadata_url,
            allow_unauthenticated=settings.teams_allow_unauthenticated,
            cloud=cloud,
            login_url=settings.teams_login_url or cloud.login_endpoint,
        )


def _fail(what: str) -> None:
    raise ConfigError(f"rounds: configuration error: {what}")
