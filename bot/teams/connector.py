"""The Bot Connector, as Rounds calls it: a small synchronous door onto the Teams SDK's ApiClient.

Rounds' web process is a threaded WSGI server and its outbox dispatcher is plain threads; the SDK's client
is async (httpx). So each process keeps one private event loop on one daemon thread, started on first use
(after gunicorn forks), and request or dispatcher threads hand it a coroutine and wait with a timeout. The
SDK's pydantic models shape every body; its http client adds the bearer token from `AppTokens` (MSAL's
client-credentials flow, which caches and renews the token itself).

The SDK does not retry. Failures come back as ConnectorError with the HTTP status and Retry-After, and the
caller decides: the outbox sender turns them into SendFailed (429 waits as told; 412, 502, 504, other 5xx
and timeouts are retried with backoff; the rest are permanent)."""

from __future__ import annotations

import asyncio
import logging
import threading
import warnings
from collections.abc import Awaitable, Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

import httpx
from microsoft_teams.api import Account, ApiClient, TeamsChannelAccount
from microsoft_teams.api.activities.message.message import MessageActivityInput
from microsoft_teams.api.clients.conversation.params import CreateConversationParams
from microsoft_teams.api.models.attachment.attachment import Attachment
from microsoft_teams.common import Client as HttpClient
from microsoft_teams.common import ClientOptions

log = logging.getLogger("rounds.teams")

T = TypeVar("T")
CARD = "application/vnd.microsoft.card.adaptive"
SEND_TIMEOUT = 10.0  # seconds per call from the dispatcher; its lease (2 min) covers it with room to spare
LOOKUP_TIMEOUT = 3.0  # seconds per call made while a person waits (a mention's member lookup)
BOT_SCOPE = "https://api.botframework.com/.default"
LOGIN = "https://login.microsoftonline.com"
MULTI_TENANT = "botframework.com"
SERVICE_URLS = 64  # ApiClients kept, one per service URL (a tenant has one or two)


@dataclass
class ConnectorError(Exception):
    status: int | None  # None: no answer (timeout, connection refused)
    reason: str
    retry_after: float | None = None

    def __str__(self) -> str:
        return f"{self.status or 'network'}: {self.reason}"


class AppTokens:
    """The bot's own access token for the Bot Connector, from Entra ID (client credentials, through MSAL)."""

    def __init__(self, app_id: str, password: str, tenant_id: str | None) -> None:
        import msal

        self._app = msal.ConfidentialClientApplication(
            app_id, client_credential=password, authority=f"{LOGIN}/{tenant_id or MULTI_TENANT}"
        )

    async def get_app_token(self, scope: str | None = None, tenant_id: str | None = None) -> str:
        result = await asyncio.to_thread(self._app.acquire_token_for_client, scopes=[BOT_SCOPE])
        if "access_token" not in result:
            raise ConnectorError(None, f"no Bot Connector token: {result.get('error', 'unknown error')}")
        return str(result["access_token"])


def message(card: dict[str, Any], summary: str) -> MessageActivityInput:
    """A message carrying one Adaptive Card; `summary` is what notifications and the chat list show."""
    return MessageActivityInput(summary=summary, attachments=[Attachment(content_type=CARD, content=card)])


class Connector:
    def __init__(self, tokens: AppTokens | None, *, timeout: float = SEND_TIMEOUT) -> None:
        self._tokens = tokens
        self._timeout = timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._http: HttpClient | None = None
        self._apis: dict[str, ApiClient] = {}
        self._lock = threading.Lock()

    # -- the calls Rounds makes ---------------------------------------------------------------------------
    def send(self, service_url: str, conversation_id: str, activity: MessageActivityInput) -> str:
        """Post a message; its activity id (for updates, and for threads in a channel)."""
        sent = self._call(service_url, lambda api: api.conversations.create_activity(conversation_id, activity))
        return str(sent.id)

    def update(self, service_url: str, conversation_id: str, activity_id: str, activity: MessageActivityInput) -> None:
        self._call(service_url, lambda api: api.conversations.update_activity(conversation_id, activity_id, activity))

    def member(
        self, service_url: str, conversation_id: str, user_id: str, timeout: float = LOOKUP_TIMEOUT
    ) -> TeamsChannelAccount:
        """Who a `29:` id in a conversation is: aadObjectId, name, userPrincipalName."""
        # the SDK leaves get_member_by_id unannotated; it returns its members client's TeamsChannelAccount
        member: TeamsChannelAccount = self._call(
            service_url, lambda api: api.conversations.get_member_by_id(conversation_id, user_id), timeout
        )
        return member

    def personal_conversation(self, service_url: str, tenant_id: str, bot_id: str, user_id: str) -> str:
        """The 1:1 chat between the bot and a person (created if new; Teams answers with the existing one
        otherwise). `user_id` is their `29:` id, or their aadObjectId when Rounds has never seen the former."""
        params = CreateConversationParams(
            members=[Account(id=user_id)],
            tenant_id=tenant_id,
            channel_data={"tenant": {"id": tenant_id}},
            bot=Account(id=bot_id),
            isGroup=False,
        )
        created = self._call(service_url, lambda api: api.conversations.create(params))
        return str(created.id)

    def close(self) -> None:
        with self._lock:
            loop, self._loop = self._loop, None
            self._apis.clear()
        if loop is not None:
            loop.call_soon_threadsafe(loop.stop)

    # -- the private loop -----------------------------------------------------------------------------------
    def _call(self, service_url: str, make: Callable[[ApiClient], Awaitable[T]], timeout: float | None = None) -> T:
        loop, api = self._started(service_url)
        future = asyncio.run_coroutine_threadsafe(_translated(make(api)), loop)
        try:
            return future.result(timeout or self._timeout)
        except FutureTimeout:
            future.cancel()
            raise ConnectorError(None, "timeout") from None

    def _started(self, service_url: str) -> tuple[asyncio.AbstractEventLoop, ApiClient]:
        """The loop (started on first use) and an ApiClient for this service URL (they are regional and
        tenant-scoped; one client each, all sharing one connection pool and the token)."""
        with self._lock:
            if self._loop is None or self._http is None:
                loop = asyncio.new_event_loop()
                threading.Thread(target=loop.run_forever, name="rounds-teams-connector", daemon=True).start()
                options = ClientOptions(timeout=self._timeout, headers={"User-Agent": "Rounds"})
                self._http = asyncio.run_coroutine_threadsafe(_http(options), loop).result(self._timeout)
                self._loop = loop
            api = self._apis.get(service_url)
            if api is None:
                if len(self._apis) >= SERVICE_URLS:
                    self._apis.pop(next(iter(self._apis)))
                with warnings.catch_warnings():  # the SDK warns about its own deprecated bot client on every ApiClient
                    warnings.simplefilter("ignore", DeprecationWarning)
                    api = self._apis[service_url] = ApiClient(service_url, self._http, token_provider=self._tokens)
            return self._loop, api


async def _http(options: ClientOptions) -> HttpClient:
    """Built on the loop that will use it (httpx's async client belongs to one loop)."""
    return HttpClient(options)


async def _translated(call: Awaitable[T]) -> T:
    try:
        return await call
    except httpx.HTTPStatusError as e:
        raise ConnectorError(e.response.status_code, _code(e.response), _retry_after(e.response)) from None
    except httpx.TimeoutException:
        raise ConnectorError(None, "timeout") from None
    except httpx.TransportError as e:
        raise ConnectorError(None, type(e).__name__) from None


def _code(response: httpx.Response) -> str:
    """The Connector's error code (`ConversationNotFound`, `BotNotInConversationRoster`, …) or the status."""
    try:
        error = response.json().get("error") or {}
        return str(error.get("code") or error.get("message") or f"http {response.status_code}")[:200]
    except (ValueError, AttributeError):
        return f"http {response.status_code}"


def _retry_after(response: httpx.Response) -> float | None:
    raw = response.headers.get("Retry-After")
    if not raw:
        return None
    try:
        return max(0.0, float(raw))
    except ValueError:
        pass
    try:  # an HTTP date
        return max(0.0, (parsedate_to_datetime(raw) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None
