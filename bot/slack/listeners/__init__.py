"""Every Slack listener, registered in one place. Each kind lives in its own package with `register(app, deps)`;
listeners are thin: acknowledge, call the command core, render the Reply. What no listener handles, or what fails
outside one, goes to bot/slack/errors.py."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.adapter import SlackDeps
from bot.slack.errors import on_error
from bot.slack.listeners import actions, commands, events, shortcuts, views


def register(app: App, deps: SlackDeps) -> None:
    for kind in (commands, actions, views, shortcuts, events):
        kind.register(app, deps)
    app.error(on_error)
