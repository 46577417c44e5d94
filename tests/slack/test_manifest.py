"""The app manifest (bot/slack/manifest.yml) registers everything the listeners handle, and no more."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.slack.installation import BOT_SCOPES
from bot.slack.listeners.commands import COMMAND
from bot.slack.listeners.shortcuts import RAISE_AS_RISK
from commands.grammar import COMMAND_NAMES

MANIFEST = Path(__file__).resolve().parents[2] / "bot" / "slack" / "manifest.yml"


@pytest.fixture(scope="module")
def manifest() -> dict[str, Any]:
    return yaml.safe_load(MANIFEST.read_text())


def test_every_command_of_the_grammar_is_a_slash_command_with_mentions_escaped(manifest: dict[str, Any]) -> None:
    commands = manifest["features"]["slash_commands"]
    assert sorted(c["command"] for c in commands) == sorted(f"/{name}" for name in COMMAND_NAMES)
    for c in commands:
        assert c["should_escape"] is True, c["command"]  # mentions arrive as <@U123|name>
        assert c["url"].endswith("/slack/events")
        assert COMMAND.match(c["command"])
        assert len(c["description"]) <= 100 and len(c.get("usage_hint", "")) <= 100


def test_interactivity_events_home_and_the_shortcut(manifest: dict[str, Any]) -> None:
    settings = manifest["settings"]
    assert settings["interactivity"]["is_enabled"] and settings["interactivity"]["request_url"].endswith(
        "/slack/events"
    )
    assert settings["event_subscriptions"]["request_url"].endswith("/slack/events")
    assert set(settings["event_subscriptions"]["bot_events"]) == {
        "app_home_opened",
        "app_uninstalled",
        "tokens_revoked",
        "message.im",
    }
    home = manifest["features"]["app_home"]
    assert home["home_tab_enabled"] and home["messages_tab_enabled"] and not home["messages_tab_read_only_enabled"]
    (shortcut,) = manifest["features"]["shortcuts"]
    assert (shortcut["type"], shortcut["callback_id"], shortcut["name"]) == ("message", RAISE_AS_RISK, "Raise as risk")


def test_scopes_are_what_the_app_uses(manifest: dict[str, Any]) -> None:
    scopes = manifest["oauth_config"]["scopes"]["bot"]
    assert sorted(scopes) == sorted(BOT_SCOPES)  # OAuth asks for the same ones
    assert {"commands", "chat:write", "users:read", "im:write", "im:history"} <= set(scopes)
    # History is read only to look for Rounds' own message after a send whose outcome is unknown: no channel
    # message events are subscribed to (the events test above lists every one), so nothing arrives unasked.
    assert {"channels:history", "groups:history", "mpim:history"} <= set(scopes)
    assert manifest["oauth_config"]["redirect_urls"][0].endswith("/slack/oauth_redirect")
