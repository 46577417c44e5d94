"""Configuration from environment variables, read once. A bad value stops start-up with one clear line."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from pydantic import Field, SecretStr, ValidationError, ValidationInfo, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

SLACK_API_DEFAULT = "https://slack.com/api/"
TEAMS_OPENID_DEFAULT = "https://login.botframework.com/v1/.well-known/openidconfiguration"


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
    teams_openid_url: str = (
        TEAMS_OPENID_DEFAULT  # the Bot Framework's OpenID metadata (signing keys); tests point it home
    )
    teams_allow_unauthenticated: bool = False  # local development only: refused when ROUNDS_ENV=production
    audit_hmac_key: SecretStr | None = None  # keys the audit chain: rewriting it then needs this secret too

    @field_validator("audit_hmac_key")
    @classmethod
    def _hmac_key(cls, v: SecretStr | None) -> SecretStr | None:
        if v is not None and len(v.get_secret_value()) < 32:
            raise ValueError("must be at least 32 characters (e.g. the output of `openssl rand -hex 32`)")
        return v

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

    @field_validator("teams_openid_url")
    @classmethod
    def _openid_url(cls, v: str, info: ValidationInfo) -> str:
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
