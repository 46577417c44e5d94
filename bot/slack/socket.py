"""`python -m bot socket`: the same Slack app over Socket Mode (a laptop, no public URL)."""

from __future__ import annotations

import logging

from slack_bolt.adapter.socket_mode import SocketModeHandler

from bot.runtime import Runtime
from bot.slack.app import CONCURRENCY, create_app
from bot.slack.installation import SlackConfig

log = logging.getLogger("rounds.slack")


def run(rt: Runtime, config: SlackConfig) -> int:
    slack = create_app(rt, config, socket_mode=True)
    handler = SocketModeHandler(slack.app, app_token=config.app_token, concurrency=CONCURRENCY)
    log.info("Rounds is connecting to Slack over Socket Mode; Ctrl-C stops it")
    try:
        handler.start()  # type: ignore[no-untyped-call]  # slack_bolt leaves SocketModeHandler.start unannotated
    except KeyboardInterrupt:
        pass
    finally:
        handler.close()  # type: ignore[no-untyped-call]  # slack_bolt leaves SocketModeHandler.close unannotated
        slack.close()
    return 0
