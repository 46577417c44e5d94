"""The platform senders this process can use, from its configuration (the outbox dispatcher's ports)."""

from __future__ import annotations

from bot.outbox.sender import Sender
from bot.runtime import Runtime
from storage.models import Platform


def build_senders(rt: Runtime) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {}
    s = rt.settings
    if s.slack_bot_token or s.slack_client_id:
        from bot.slack.app import outbox_sender

        senders[Platform.SLACK] = outbox_sender(rt)
    if s.teams_app_id or s.teams_allow_unauthenticated:
        from bot.teams.app import outbox_sender as teams_sender

        senders[Platform.TEAMS] = teams_sender(rt)
    return senders
