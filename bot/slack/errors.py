"""What Bolt does with a request no listener matched, or a failure outside a listener (bot/slack/app.py sets it
with `app.error`): never Bolt's own log lines, which quote the payload or carry the traceback at ERROR."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import BoltResponse
from slack_bolt.error import BoltUnhandledRequestError

from bot.logs import failure
from bot.slack import render
from commands.replies import Reply

log = logging.getLogger("rounds.slack")

UNKNOWN_COMMAND = "Rounds doesn't have that command. `/pmo help` lists the ones it has."


def on_error(error: Exception, body: dict[str, Any]) -> BoltResponse:
    """What Bolt calls when no listener matched a request, or something outside a listener failed: one line that
    names the kind, never the payload; a command still gets a private answer, anything else an empty 200."""
    is_command = isinstance(body, dict) and "command" in body and "type" not in body
    if isinstance(error, BoltUnhandledRequestError):
        log.info("a Slack request no listener handles was acknowledged (%s)", "command" if is_command else "other")
        reply = Reply.problem(UNKNOWN_COMMAND)
    else:
        ref = failure(log, "slack request", error)
        if not is_command:
            return BoltResponse(status=500, body="")
        reply = Reply.problem(f"Something went wrong on our side and nothing was changed (ref {ref}).")
    if not is_command:
        return BoltResponse(status=200, body="")
    return BoltResponse(status=200, body={"response_type": "ephemeral", **render.message(reply)})
