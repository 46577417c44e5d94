"""Slack's routes on Rounds' web server: /slack/events (commands, interactivity, events, options) and, with
OAuth configured, /slack/install and /slack/oauth_redirect. Every POST passes the front door (front.py: the
signature, the body's shape, replays) before Bolt sees it."""

from __future__ import annotations

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.runtime import Runtime
from bot.slack.app import SlackApp, create_app
from bot.slack.front import FrontDoor
from bot.slack.installation import SlackConfig
from bot.web.routes import Mount, Route

EVENTS = "/slack/events"


def mount(rt: Runtime) -> Mount | None:
    config = SlackConfig.for_http(rt.settings)
    if config is None:
        return None
    assert config.signing_secret, "for_http requires SLACK_SIGNING_SECRET"
    slack: SlackApp = create_app(rt, config)
    routes = [Route("POST", EVENTS, FrontDoor(slack.app, config.signing_secret, rt.sessions))]
    if slack.app.oauth_flow is not None:
        handler = SlackRequestHandler(slack.app, path=EVENTS)
        routes += [
            Route("GET", slack.app.oauth_flow.install_path, handler),
            Route("GET", slack.app.oauth_flow.redirect_uri_path, handler),
        ]
    return Mount(name="slack", routes=routes, close=slack.close)
