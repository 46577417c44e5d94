"""A bare Bolt app acking a slash command, for bench/slack_ack.py to compare Rounds against on the same server."""

from __future__ import annotations

import os

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient

app = App(
    client=WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"]),
    signing_secret=os.environ["SLACK_SIGNING_SECRET"],
    process_before_response=True,
    token_verification_enabled=False,
)


@app.command("/status")
def status(ack, command):  # type: ignore[no-untyped-def]
    ack({"response_type": "ephemeral", "text": f"Status of {command.get('text') or 'nothing'}"})


api = SlackRequestHandler(app)
