"""The outbox's Slack sender: chat.postMessage to channels and DMs, chat.update for cards.

Used only by the dispatcher (the clock, or a web process's background kick), never on a request thread.
It does not sleep on rate limits: a 429 becomes SendFailed(retry_after=…) and the dispatcher reschedules
the row, so one rate-limited channel never holds up the rest of a pass."""

from __future__ import annotations

import logging
import threading
import urllib.error
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.outbox.sender import Delivery, SendFailed
from bot.slack import render
from commands.replies import Reply
from storage.models import TargetKind, Workspace

log = logging.getLogger("rounds.slack")

SEND_TIMEOUT = (
    10  # whole seconds (slack_sdk's timeout is an int); the dispatcher's lease (2 min) covers it with room to spare
)

# Retrying cannot help: the channel, the person or the token is gone, or the app may not post there.
PERMANENT = frozenset(
    {
        "channel_not_found",
        "not_in_channel",
        "is_archived",
        "account_inactive",
        "invalid_auth",
        "token_revoked",
        "not_authed",
        "no_permission",
        "missing_scope",
        "user_not_found",
        "cannot_dm_bot",
        "user_disabled",
        "team_access_not_granted",
        "ekm_access_denied",
        "restricted_action",
        "invalid_blocks",
        "msg_too_long",
        "too_many_attachments",
        "org_login_required",
        "team_not_found",
        "app_uninstalled",
    }
)
# For chat.update: this one copy cannot be updated (deleted, archived, left): skip it, update the others.
COPY_GONE = frozenset(
    {
        "message_not_found",
        "cant_update_message",
        "edit_window_closed",
        "channel_not_found",
        "not_in_channel",
        "is_archived",
    }
)

TokenFor = Callable[[Workspace], str | None]


class SlackSender:
    def __init__(self, token_for: TokenFor, api_url: str, timeout: int = SEND_TIMEOUT) -> None:
        self.token_for = token_for
        self.api_url = api_url
        self.timeout = timeout
        self._clients: dict[str, WebClient] = {}
        self._lock = threading.Lock()

    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery:
        # A user id as the channel posts in the person's DM with the app; the answer names the DM's channel id,
        # which chat.update and thread replies need later.
        body = render.message(reply)
        resp = self._call(workspace, "chat_postMessage", channel=target, thread_ts=thread_ts, **body)
        return Delivery(channel=str(resp.get("channel") or target), ts=str(resp["ts"]))

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None:
        try:
            self._call(workspace, "chat_update", channel=channel, ts=ts, **render.message(reply))
        except SendFailed as e:
            if e.reason in COPY_GONE:
                log.info("card copy %s/%s not updated: %s", channel, ts, e.reason)
                return
            raise

    # -- plumbing -------------------------------------------------------------------------------------
    def _client(self, workspace: Workspace) -> WebClient:
        token = self.token_for(workspace)
        if not token:
            raise SendFailed("no Slack installation for this workspace", permanent=True)
        with self._lock:
            client = self._clients.get(token)
            if client is None:
                client = self._clients[token] = WebClient(token=token, base_url=self.api_url, timeout=self.timeout)
            return client

    def _call(self, workspace: Workspace, method: str, **kwargs: object) -> dict[str, Any]:
        client = self._client(workspace)
        try:
            answer: dict[str, Any] = getattr(client, method)(**{k: v for k, v in kwargs.items() if v is not None}).data
            return answer
        except SlackApiError as e:
            raise failure(e) from None
        except (SlackClientError, urllib.error.URLError, TimeoutError, ConnectionError) as e:
            raise SendFailed(f"network: {type(e).__name__}") from None


def failure(e: SlackApiError) -> SendFailed:
    status = e.response.status_code
    if status == 429:
        retry_after = _seconds(e.response.headers.get("Retry-After") or e.response.headers.get("retry-after"))
        return SendFailed("rate_limited", retry_after=retry_after if retry_after is not None else 30.0)
    if status >= 500:
        return SendFailed(f"http {status}")
    code = (
        str((e.response.data or {}).get("error") or f"http {status}")
        if isinstance(e.response.data, dict)
        else f"http {status}"
    )
    return SendFailed(code, permanent=code in PERMANENT)


def _seconds(raw: object) -> float | None:
    if isinstance(raw, list):
        raw = raw[0] if raw else None
    try:
        return max(0.0, float(str(raw)))
    except (TypeError, ValueError):
        return None
