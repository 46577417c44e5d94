"""Configuration from environment variables, read once. A bad value stops start-up with one clear line."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from bot.timesource import TimeSource

SLACK_API_DEFAULT = "https://slack.com/api/"
TEAMS_CLOUDS = ("public", "usgov", "usgovdod", "china")  # the Teams SDK's cloud environments (GCC High: usgov)


class ConfigError(SystemExit):
    """Raised with the one line to print; exits non-zero."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=None, extra="ignore", case_sensitive=False)

    database_url: str = "sqlite:///rounds.db"
    rounds_env: Literal["development", "production"] = "development"
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    port: int = Field(default=3000, ge=1, le=65535)

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = SLACK_API_DEFAULT
    slack_client_id: str | None = None
    slack_client_secret: SecretStr | None = None

    teams_app_id: str | None = None
    teams_app_password: SecretStr | None = None
    teams_tenant_id: str | None = None
    teams_cloud: str = "public"  # which Microsoft cloud: its Entra ID host, Bot Framework scope, issuer, metadata
    teams_login_url: str | None = None  # Entra ID's login host; default the cloud's (login.microsoftonline.com)
    teams_openid_url: str | None = None  # the Bot Framework's OpenID metadata (signing keys); default the cloud's
    teams_allow_unauthenticated: bool = False  # local development only: refused when ROUNDS_ENV=production
    audit_hmac_key: SecretStr | None = None  # keys the audit chain: rewriting it then needs this secret too

    @field_validator("audit_hmac_key")
    @classmethod
    def _hmac_key(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and len(v.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)")
        return v

    # A simulated clock for deployment tests and demos (bot/timesource.py); refused when ROUNDS_ENV=production.
    rounds_simulated_start: datetime | None = None
    rounds_simulated_speed: float = Field(default=1.0, ge=1.0, le=1_000_000.0)
    rounds_simulated_anchor: float | None = None  # wall-clock epoch seconds when the clock reads START

    @field_validator("database_url")
    @classmethod
    def _db(cls, v: str) -> str:
        try:
            url = make_url(v)
        except ArgumentError:
            raise ValueError("is not a database URL (like sqlite:///rounds.db or postgresql://user@host/db)") from None
        if url.get_backend_name() not in ("sqlite", "postgresql", "postgres"):
            raise ValueError(f"must be sqlite or postgresql, not {url.get_backend_name()}")
        return v

    @field_validator("log_level", mode="before")
    @classmethod
    def _level(cls, v: object) -> object:
        return v.upper() if isinstance(v, str) else v

    @field_validator("slack_api_url")
    @classmethod
    def _api_url(cls, v: str) -> str:
        if not v.startswith(("https://", "http://")):
            raise ValueError("must be an http(s) URL ending in /api/ (like https://slack.com/api/)")
        return v if v.endswith("/") else v + "/"

    @field_validator("slack_bot_token")
    @classmethod
    def _bot_token(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and not v.get_secret_value().startswith("xoxb-"):
            raise ValueError("must be a bot token starting with xoxb-")
        return v

    @field_validator("slack_app_token")
    @classmethod
    def _app_token(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and not v.get_secret_value().startswith("xapp-"):
            raise ValueError("must be an app-level token starting with xapp-")
        return v

    @field_validator("teams_app_id", "teams_tenant_id")
    @classmethod
    def _entra_id(cls, v: str | None) -> str | None:
        v = (v or "").strip() or None
        if v is not None and not re.fullmatch(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}", v):
            raise ValueError("must be a GUID like 00000000-0000-0000-0000-000000000000 (from the Azure Bot resource)")
        return v

    @field_validator("teams_cloud", mode="before")
    @classmethod
    def _cloud(cls, v: object) -> object:
        name = str(v).strip().lower() if v is not None else "public"
        if name not in TEAMS_CLOUDS:
            raise ValueError(f"must be one of {', '.join(TEAMS_CLOUDS)} (GCC High is usgov), not {str(v)[:20]!r}")
        return name

    @field_validator("teams_login_url")
    @classmethod
    def _login_url(cls, v: str | None) -> str | None:
        v = (v or "").strip().rstrip("/") or None
        if v is not None and (not v.startswith("https://") or "/" in v.removeprefix("https://")):
            raise ValueError(
                "must be the https:// address of the Entra ID login host, like https://login.microsoftonline.us"
            )
        return v

    @field_validator("teams_openid_url")
    @classmethod
    def _openid_url(cls, v: str | None, info: ValidationInfo) -> str | None:
        v = (v or "").strip() or None
        if v is None:
            return None
        if not v.startswith(("https://", "http://")):
            raise ValueError("must be the http(s) URL of the Bot Framework's OpenID metadata")
        if info.data.get("rounds_env") == "production" and not v.startswith("https://"):
            raise ValueError("must be https:// when ROUNDS_ENV=production")
        return v

    @field_validator("teams_allow_unauthenticated")
    @classmethod
    def _unauthenticated(cls, v: bool, info: ValidationInfo) -> bool:
        if v and info.data.get("rounds_env") == "production":
            raise ValueError("must not be true when ROUNDS_ENV=production (it turns off Teams request authentication)")
        return v

    @field_validator("rounds_simulated_start")
    @classmethod
    def _simulated_start(cls, v: datetime | None, info: ValidationInfo) -> datetime | None:
        if v is None:
            return None
        if info.data.get("rounds_env") == "production":
            raise ValueError("must not be set when ROUNDS_ENV=production (it replaces the real clock)")
        if v.tzinfo is None:
            raise ValueError("must be an ISO 8601 time with its UTC offset, like 2026-11-20T16:00:00-05:00")
        return v.astimezone(UTC)

    @field_validator("rounds_simulated_speed", "rounds_simulated_anchor")
    @classmethod
    def _simulated_only(cls, v: float | None, info: ValidationInfo) -> float | None:
        if info.data.get("rounds_env") == "production" and v not in (None, 1.0):
            raise ValueError("must not be set when ROUNDS_ENV=production (it changes the clock)")
        return v

    def time_source(self) -> TimeSource:
        if self.rounds_simulated_start is None:
            return TimeSource()
        if self.rounds_simulated_anchor is None:
            return TimeSource(self.rounds_simulated_start, self.rounds_simulated_speed)
        return TimeSource(self.rounds_simulated_start, self.rounds_simulated_speed, self.rounds_simulated_anchor)

    @property
    def is_production(self) -> bool:
        return self.rounds_env == "production"


def load() -> Settings:
    try:
        return Settings()
    except ValidationError as e:
        err = e.errors()[0]
        name = str(err["loc"][0]).upper() if err["loc"] else "configuration"
        msg = err["msg"].removeprefix("Value error, ")
        raise ConfigError(f"rounds: configuration error: {name} {msg}") from None


@lru_cache(maxsize=1)
def settings() -> Settings:
    return load()
