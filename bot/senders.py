"""The platform senders this process can use, from its configuration (the outbox dispatcher's ports).

Every process that sends — the web workers, the clock, `run-job outbox` — builds its senders the same way,
so a process that only sends can never be the one that cannot."""

from __future__ import annotations

from bot.outbox.sender import Sender
from bot.runtime import Runtime
from bot.slack.app import outbox_sender as slack_sender
from bot.teams.app import outbox_sender as teams_sender
from storage.models import Platform


def build_senders(rt: Runtime) -> dict[Platform, Sender]:
    senders: dict[Platform, Sender] = {}
    slack = slack_sender(rt)
    if slack is not None:
        senders[Platform.SLACK] = slack
    teams = teams_sender(rt)
    if teams is not None:
        senders[Platform.TEAMS] = teams
    return senders
