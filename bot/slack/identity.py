"""Who is speaking: a Slack user id becomes a Speaker with display name, IANA time zone and admin flag.

users.info is asked at most once a day per person: the answer is stored on the Person (through the core's
own people.person_for) with `profile_refreshed_at`, and remembered in memory so a fresh profile costs no
query at all. A slow or failing users.info never blocks a command: it runs on with the ids it has."""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.timesource import utcnow
from commands import people
from commands.context import Context, Speaker
from storage.models import Person, Platform, Workspace

log = logging.getLogger("rounds.slack")

FRESH_FOR = timedelta(days=1)
USERS_INFO_TIMEOUT = 2  # whole seconds (slack_sdk's timeout is an int): on the request path, inside Slack's 3 s
MEMORY = 10_000
MENTION = re.compile(r"<@([UW][A-Z0-9]+)(?:\|[^>]*)?>")


class Identity:
    def __init__(
        self,
        sessions: sessionmaker[Session],
        api_url: str,
        *,
        clock: Callable[[], datetime] = utcnow,
        timeout: int = USERS_INFO_TIMEOUT,
    ) -> None:
        self.sessions = sessions
        self.api_url = api_url
        self.clock = clock
        self.timeout = timeout
        self._fresh_until: OrderedDict[tuple[str, str], datetime] = OrderedDict()
        self._lock = threading.Lock()

    def speaker(self, team_id: str, team_name: str | None, user_id: str, token: str | None) -> Speaker:
        """The speaker of a request; their profile is fetched first when it is missing or a day old."""
        return self.refresh(team_id, team_name, user_id, token) or Speaker(user_id=user_id)

    def refresh(self, team_id: str, team_name: str | None, user_id: str, token: str | None) -> Speaker | None:
        """Fetch and store the person's profile unless it is fresh; None when nothing new was learnt."""
        now = self.clock()
        key = (team_id, user_id)
        if self._remembered(key, now):
            return None
        refreshed = self._refreshed_at(team_id, user_id)
        if refreshed is not None and now - refreshed < FRESH_FOR:
            self._remember(key, refreshed + FRESH_FOR)
            return None
        profile = self._users_info(user_id, token)
        if profile is None:
            return None
        self._store(team_id, team_name, profile, now)
        self._remember(key, now + FRESH_FOR)
        return profile

    # -- the three sources, cheapest first ----------------------------------------------------------
    def _remembered(self, key: tuple[str, str], now: datetime) -> bool:
        with self._lock:
            until = self._fresh_until.get(key)
            if until is None or until <= now:
                return False
            self._fresh_until.move_to_end(key)
            return True

    def _remember(self, key: tuple[str, str], until: datetime) -> None:
        with self._lock:
            self._fresh_until[key] = until
            self._fresh_until.move_to_end(key)
            while len(self._fresh_until) > MEMORY:
                self._fresh_until.popitem(last=False)

    def forget(self, team_id: str, user_id: str) -> None:
        with self._lock:
            self._fresh_until.pop((team_id, user_id), None)

    def _refreshed_at(self, team_id: str, user_id: str) -> datetime | None:
        with self.sessions() as s:
            return s.scalar(
                select(Person.profile_refreshed_at)
                .join(Workspace, Workspace.id == Person.workspace_id)
                .where(
                    Workspace.platform == Platform.SLACK,
                    Workspace.external_id == team_id,
                    Person.platform_user_id == user_id,
                )
            )

    def _users_info(self, user_id: str, token: str | None) -> Speaker | None:
        if not token:
            return None
        try:
            user = WebClient(token=token, base_url=self.api_url, timeout=self.timeout).users_info(user=user_id)["user"]
        except (SlackApiError, SlackClientError, OSError) as e:
            log.warning("users.info failed for a speaker (%s); going on without a profile", type(e).__name__)
            return None
        return speaker_from(user)

    def _store(self, team_id: str, team_name: str | None, speaker: Speaker, now: datetime) -> None:
        ctx = Context(platform=Platform.SLACK, workspace_id=team_id, workspace_name=team_name, speaker=speaker, now=now)
        try:
            with self.sessions() as s:
                ws = people.workspace_for(s, ctx)
                person = people.person_for(s, ws, speaker, ctx)
                person.profile_refreshed_at = now
                s.commit()
        except Exception as e:  # noqa: BLE001 - the command itself still runs and stores the profile
            log.warning("could not store a Slack profile (%s)", type(e).__name__)


def mentioned_ids(text: str) -> list[str]:
    """User ids in a command's escaped mentions (`<@U123|sam>`), in order, once each."""
    return list(dict.fromkeys(MENTION.findall(text)))


def speaker_from(user: dict[str, Any]) -> Speaker:
    """users.info's `user` as a Speaker."""
    profile = user.get("profile") or {}
    name = profile.get("display_name") or profile.get("real_name") or user.get("real_name") or user.get("name")
    return Speaker(
        user_id=user["id"],
        handle=user.get("name") or None,
        display_name=name or None,
        timezone=_zone(user.get("tz")),
        is_admin=bool(user.get("is_admin") or user.get("is_owner")),
    )


def _zone(name: str | None) -> str | None:
    if not name:
        return None
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a name too long for a file name
        return None
    return name
