"""Configuration (DESIGN.md, Operator interface): environment variables read once; a missing or malformed
setting stops start-up with one clear line naming it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.settings import SLACK_API_DEFAULT, ConfigError, Settings, load
from tests.support.cli import run_bot

VARIABLES = (
    "DATABASE_URL",
    "ROUNDS_ENV",
    "LOG_LEVEL",
    "PORT",
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "SLACK_APP_TOKEN",
    "SLACK_API_URL",
    "SLACK_CLIENT_ID",
    "SLACK_CLIENT_SECRET",
    "TEAMS_APP_ID",
    "TEAMS_APP_PASSWORD",
    "TEAMS_TENANT_ID",
)


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    monkeypatch.chdir(tmp_path)  # no stray .env or rounds.db from the developer's directory


def refusal(monkeypatch: pytest.MonkeyPatch, **env: str) -> str:
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    with pytest.raises(ConfigError) as info:
        load()
    message = info.value.code
    assert isinstance(message, str)
    return message


def assert_one_line_naming(message: str, variable: str) -> None:
    assert "\n" not in message.strip(), message
    assert re.search(rf"(?<![A-Z_]){variable}(?![A-Z_])", message), message
    assert "Traceback" not in message and "pydantic" not in message.lower() and "errors.pydantic.dev" not in message


def test_defaults() -> None:
    s = load()
    assert isinstance(s, Settings)
    assert s.database_url == "sqlite:///rounds.db"
    assert s.port == 3000
    assert s.rounds_env == "development" and not s.is_production
    assert s.log_level == "INFO"
    assert s.slack_api_url == SLACK_API_DEFAULT == "https://slack.com/api/"
    assert s.slack_bot_token is None and s.slack_signing_secret is None and s.slack_app_token is None
    assert s.slack_client_id is None and s.slack_client_secret is None
    assert s.teams_app_id is None and s.teams_app_password is None and s.teams_tenant_id is None


def test_values_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://rounds@db.internal/rounds")
    monkeypatch.setenv("PORT", "8080")
    monkeypatch.setenv("ROUNDS_ENV", "production")
    monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-123-456-abc")
    monkeypatch.setenv("SLACK_APP_TOKEN", "xapp-1-A1-xyz")
    monkeypatch.setenv("SLACK_API_URL", "http://127.0.0.1:8999/api")
    s = load()
    assert s.database_url == "postgresql://rounds@db.internal/rounds"
    assert s.port == 8080
    assert s.is_production
    assert s.slack_bot_token is not None and s.slack_bot_token.get_secret_value() == "xoxb-123-456-abc"
    assert "xoxb-123" not in repr(s)  # secrets stay out of logs and reprs
    assert s.slack_api_url == "http://127.0.0.1:8999/api/"  # a trailing slash is added


def test_sqlite_and_postgresql_urls_are_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    for url in ("sqlite:////var/lib/rounds/rounds.db", "sqlite://", "postgresql+psycopg://u:p@h:5432/db"):
        monkeypatch.setenv("DATABASE_URL", url)
        assert load().database_url == url


def test_a_heroku_style_postgres_url_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgres://rounds:secret@db.internal:5432/rounds")
    assert load().database_url.startswith("postgres")


@pytest.mark.parametrize(
    ("variable", "value", "fragment"),
    [
        ("PORT", "abc", "integer"),
        ("PORT", "0", "greater than or equal to 1"),
        ("PORT", "65536", "less than or equal to 65535"),
        ("PORT", "80.5", ""),
        ("DATABASE_URL", "mysql://x", "sqlite or postgresql"),
        ("DATABASE_URL", "not a url", "not a database URL"),
        ("DATABASE_URL", "", ""),
        ("SLACK_BOT_TOKEN", "xoxp-user-token", "xoxb-"),
        ("SLACK_BOT_TOKEN", "abc", "xoxb-"),
        ("SLACK_APP_TOKEN", "xoxb-123", "xapp-"),
        ("SLACK_API_URL", "slack.com/api/", "http"),
        ("SLACK_API_URL", "ftp://slack.com/api/", "http"),
        ("ROUNDS_ENV", "staging", "production"),
    ],
)
def test_a_malformed_setting_is_one_line_naming_it(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str, fragment: str
) -> None:
    message = refusal(monkeypatch, **{variable: value})
    assert_one_line_naming(message, variable)
    assert fragment in message
    assert message.startswith("rounds: configuration error:")


def test_a_lower_case_variable_name_is_read_too(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, port="abc")
    assert_one_line_naming(message, "PORT")


def test_the_message_never_repeats_a_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, SLACK_BOT_TOKEN="xoxp-very-secret-user-token")
    assert "very-secret" not in message
    message = refusal(monkeypatch, SLACK_APP_TOKEN="xoxb-another-secret")
    assert "another-secret" not in message


def test_the_first_of_several_problems_is_reported_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    message = refusal(monkeypatch, PORT="abc", DATABASE_URL="mysql://x", SLACK_BOT_TOKEN="nope")
    assert "\n" not in message
    assert sum(name in message for name in ("PORT", "DATABASE_URL", "SLACK_BOT_TOKEN")) == 1


def test_config_error_exits_non_zero() -> None:
    assert issubclass(ConfigError, SystemExit)
    with pytest.raises(SystemExit) as info:
        raise ConfigError("rounds: configuration error: PORT is bad")
    assert info.value.code == "rounds: configuration error: PORT is bad"


# -- through the operator's command ------------------------------------------------------------------
@pytest.mark.parametrize(
    ("variable", "value"), [("PORT", "abc"), ("DATABASE_URL", "mysql://x"), ("SLACK_API_URL", "slack.com")]
)
def test_bot_stops_with_one_line_and_exit_code_2(tmp_path: Path, variable: str, value: str) -> None:
    done = run_bot("audit", "verify", env={"DATABASE_URL": "sqlite:///x.db", variable: value}, cwd=tmp_path)
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert_one_line_naming(lines[0], variable)
    assert not (tmp_path / "x.db").exists()  # stopped before touching a database


def test_bot_with_a_good_configuration_runs(tmp_path: Path) -> None:
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'ok.db'}", "PORT": "8080", "SLACK_API_URL": "http://127.0.0.1:9/api"}
    assert run_bot("migrate", env=env, cwd=tmp_path).returncode == 0
    done = run_bot("audit", "verify", env=env, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "audit chain OK: 0 events verified"
