"""The outbox's Slack sender: chat.postMessage to channels and DMs, chat.update for cards.

Used only by the dispatcher (the clock, or a web process's background kick), never on a request thread.
It does not sleep on rate limits: a 429 becomes SendFailed(retry_after=…) and the dispatcher reschedules
the row, so one rate-limited channel never holds up the rest of a pass. slack_sdk's own retries are off (its
default handler resends a request whose connection broke after Slack may have taken it).

A send that times out is not a failed send: Slack may have posted it. Every message carries a digest of its
outbox key in its metadata (`rounds_outbox`), the wait is longer than Slack's own (its edge gives up at 30 s),
and an attempt with an unknown outcome (a timeout, a cut connection, 408 or 5xx) is answered by `find`: the
conversation's history since that attempt, read with `include_all_metadata`, bounded to a few pages. That
needs the history scopes of the conversation's kind, and membership of a public channel (Rounds posts to
those with chat:write.public without joining): where Slack will not show the history, `find` says so
(Unverifiable) and the dispatcher sends again — a possible duplicate, never a loss."""

from __future__ import annotations

import hashlib
import http.client
import logging
import threading
import urllib.error
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.outbox.sender import Delivery, SendFailed, Unverifiable
from bot.slack import render
from commands.charts import render as charts_render
from commands.charts.specs import Chart
from commands.replies import Reply
from storage.models import TargetKind, Workspace

log = logging.getLogger("rounds.slack")

SEND_TIMEOUT = 35.0  # seconds: longer than Slack's own (its edge answers 408 at 30 s), so Slack speaks first
CHECK_TIMEOUT = 10.0  # seconds per read while looking for a message (reads are safe to repeat later)
CHECK_PAGES = 3  # pages of history read at most (200 messages each) when looking for one message
CLOCK_SKEW = timedelta(minutes=5)  # Slack's clock against ours, when reading history "since" an attempt
EVENT_TYPE = "rounds_outbox"  # the message metadata that carries a digest of the outbox key

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
# Reading the history cannot work there, now or later: send again rather than lose the message.
UNVERIFIABLE = frozenset(
    {
        "missing_scope",
        "not_in_channel",
        "channel_not_found",
        "no_permission",
        "access_denied",
        "not_allowed_token_type",
        "thread_not_found",
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
    def __init__(
        self, token_for: TokenFor, api_url: str, timeout: float = SEND_TIMEOUT, check_timeout: float = CHECK_TIMEOUT
    ) -> None:
        self.token_for = token_for
        self.api_url = api_url
        self.timeout = timeout
        self.check_timeout = min(check_timeout, timeout)
        self._clients: dict[tuple[str, float], WebClient] = {}
        self._bots: dict[str, str] = {}  # token -> the bot_id its messages carry
        self._lock = threading.Lock()

    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery:
        return self.post_keyed(workspace, kind, target, reply, thread_ts, None)

    def post_keyed(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None, key: str | None
    ) -> Delivery:
        # A user id as the channel posts in the person's DM with the app; the answer names the DM's channel id,
        # which chat.update and thread replies need later.
        body = render.message(reply)
        if key is not None:
            body["metadata"] = {"event_type": EVENT_TYPE, "event_payload": {"key": marker(key)}}
        resp = self._call(workspace, "chat_postMessage", channel=target, thread_ts=thread_ts, **body)
        delivery = Delivery(channel=str(resp.get("channel") or target), ts=str(resp["ts"]))
        if reply.charts:
            self.upload_charts(workspace, delivery.channel, thread_ts or delivery.ts, reply.charts)
        return delivery

    def upload_charts(self, workspace: Workspace, channel: str, thread_ts: str, charts: tuple[Chart, ...]) -> None:
        """Each chart into the message's thread with Slack's external upload flow (files_upload_v2 calls
        files.getUploadURLExternal, posts the bytes, then files.completeUploadExternal). The message is already
        posted: a chart that fails is logged and left out, never a reason to post the message again."""
        for chart in charts:
            try:
                image = charts_render.render(chart)
                self._call(
                    workspace,
                    "files_upload_v2",
                    channel=channel,
                    thread_ts=thread_ts,
                    filename=image.filename,
                    title=image.title,
                    alt_txt=image.alt,
                    content=image.png,
                )
            except SendFailed as e:
                log.warning("chart %s not uploaded to %s: %s", chart.kind, channel, e.reason)

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None:
        try:
            self._call(workspace, "chat_update", channel=channel, ts=ts, **render.message(reply))
        except SendFailed as e:
            if e.reason in COPY_GONE:
                log.info("card copy %s/%s not updated: %s", channel, ts, e.reason)
                return
            raise

    def find(
        self, workspace: Workspace, kind: TargetKind, target: str, thread_ts: str | None, key: str, since: datetime
    ) -> Delivery | None:
        """Rounds' message with this key, posted since `since` (less the clock skew), if Slack shows one."""
        try:
            channel = target
            if kind == TargetKind.USER:
                opened = self._call(workspace, "conversations_open", timeout=self.check_timeout, users=target)
                channel = str((opened.get("channel") or {}).get("id") or target)
            bot = self._bot_id(workspace)
            wanted = marker(key)
            oldest = f"{(since - CLOCK_SKEW).timestamp():.6f}"
            method, where = ("conversations_replies", {"ts": thread_ts}) if thread_ts else ("conversations_history", {})
            cursor = None
            for _ in range(CHECK_PAGES):
                page = self._call(
                    workspace,
                    method,
                    timeout=self.check_timeout,
                    channel=channel,
                    oldest=oldest,
                    limit=200,
                    include_all_metadata=True,
                    cursor=cursor,
                    **where,
                )
                for m in page.get("messages") or []:
                    meta = m.get("metadata") or {}
                    if (
                        meta.get("event_type") == EVENT_TYPE
                        and (meta.get("event_payload") or {}).get("key") == wanted
                        and (bot is None or m.get("bot_id") in (None, bot))
                    ):
                        return Delivery(channel=channel, ts=str(m["ts"]))
                cursor = (page.get("response_metadata") or {}).get("next_cursor")
                if not cursor:
                    return None
            log.info("looked through %s pages of %s for an outbox message: not there", CHECK_PAGES, channel)
            return None
        except SendFailed as e:
            if e.reason in UNVERIFIABLE:
                raise Unverifiable(f"Slack will not show that conversation's history ({e.reason})") from None
            raise

    # -- plumbing -------------------------------------------------------------------------------------
    def _bot_id(self, workspace: Workspace) -> str | None:
        """Which bot_id our messages carry (auth.test, once per token), so another app's key never matches."""
        token = self.token_for(workspace) or ""
        if token not in self._bots:
            self._bots[token] = str(self._call(workspace, "auth_test", timeout=self.check_timeout).get("bot_id") or "")
        return self._bots[token] or None

    def _client(self, workspace: Workspace, timeout: float) -> WebClient:
        token = self.token_for(workspace)
        if not token:
            raise SendFailed("no Slack installation for this workspace", permanent=True)
        with self._lock:
            client = self._clients.get((token, timeout))
            if client is None:
                client = self._clients[(token, timeout)] = WebClient(
                    token=token,
                    base_url=self.api_url,
                    timeout=timeout,  # type: ignore[arg-type]  # typed int, used as urllib's float timeout
                    retry_handlers=[],
                )
            return client

    def _call(
        self, workspace: Workspace, method: str, timeout: float | None = None, **kwargs: object
    ) -> dict[str, Any]:
        client = self._client(workspace, timeout or self.timeout)
        try:
            answer: dict[str, Any] = getattr(client, method)(**{k: v for k, v in kwargs.items() if v is not None}).data
            return answer
        except SlackApiError as e:
            raise failure(e) from None
        except urllib.error.URLError as e:  # the request never got through (refused, DNS, TLS): nothing was posted
            raise SendFailed(f"network: {type(e.reason).__name__}") from None
        except (TimeoutError, http.client.HTTPException, ConnectionError, SlackClientError) as e:
            # no answer, or a cut one, after the request went out: Slack may have posted it
            raise SendFailed(f"network: {type(e).__name__}", uncertain=True) from None


def marker(key: str) -> str:
    """What a message's metadata carries for its outbox key: a digest (the key itself names Rounds' rows)."""
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def failure(e: SlackApiError) -> SendFailed:
    status = e.response.status_code
    if status == 429:
        retry_after = _seconds(e.response.headers.get("Retry-After") or e.response.headers.get("retry-after"))
        return SendFailed("rate_limited", retry_after=retry_after if retry_after is not None else 30.0)
    if status >= 500 or status == 408:  # Slack's edge gave up, or Slack failed: it may have posted it
        return SendFailed(f"http {status}", uncertain=True)
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
