"""The Bot Connector, as Rounds calls it: a small synchronous door onto the Teams SDK's ApiClient.

Rounds' web process is a threaded WSGI server and its outbox dispatcher is plain threads; the SDK's client
is async (httpx). So each process keeps one private event loop on one daemon thread, started on first use
(after gunicorn forks), and request or dispatcher threads hand it a coroutine and wait with a timeout. The
SDK's pydantic models shape every body; its http client adds the bearer token from `AppTokens` (MSAL's
client-credentials flow, which caches and renews the token itself).

Nothing here touches the network when it is built: a Teams installation whose Entra ID is unreachable at
start-up must not keep `web` (and Slack with it) from booting. MSAL's client — whose construction downloads
the authority's metadata — is built on first use, a failure is remembered and tried again after a backoff
(`health()` names it meanwhile), and the web process keeps a token warm in the background (bot/teams/app.py).

The SDK does not retry. Failures come back as ConnectorError with the HTTP status and Retry-After, and the
caller decides: the outbox sender turns them into SendFailed (429 waits as told; 412, 502, 504, other 5xx
and timeouts are retried with backoff; the rest are permanent). `uncertain` says the Connector may have
acted on the request all the same (no answer, a cut one, a 5xx)."""

from __future__ import annotations

import asyncio
import logging
import threading
import time
import warnings
from collections.abc import Awaitable, Callable
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any, NoReturn, TypeVar

import httpx
from microsoft_teams.api import Account, ApiClient, TeamsChannelAccount
from microsoft_teams.api.activities.message.message import MessageActivityInput
from microsoft_teams.api.auth.cloud_environment import PUBLIC, CloudEnvironment
from microsoft_teams.api.clients.conversation.params import CreateConversationParams
from microsoft_teams.api.models.attachment.attachment import Attachment
from microsoft_teams.common import Client as HttpClient
from microsoft_teams.common import ClientOptions

log = logging.getLogger("rounds.teams")

T = TypeVar("T")
CARD = "application/vnd.microsoft.card.adaptive"
SEND_TIMEOUT = 35.0  # seconds per call from the dispatcher: a late answer beats a resend (Teams has no keys)
LOOKUP_TIMEOUT = 3.0  # seconds per call made while a person waits (a mention's member lookup)
LOGIN_TIMEOUT = 10.0  # seconds per request to Entra ID
RETRY_FIRST, RETRY_MOST = 5.0, 300.0  # seconds before signing in again after a failure: doubling, capped
SERVICE_URLS = 64  # ApiClients kept, one per service URL (a tenant has one or two)


@dataclass
class ConnectorError(Exception):
    status: int | None  # None: no answer (timeout, connection refused)
    reason: str
    retry_after: float | None = None
    uncertain: bool = False  # the request went out and may have been acted on (no answer, a cut one, a 5xx)

    def __str__(self) -> str:
        return f"{self.status or 'network'}: {self.reason}"


class AppTokens:
    """The bot's own access token for the Bot Connector, from Entra ID (client credentials, through MSAL).

    Lazy: nothing is fetched until a token is needed. One sign-in at a time; after a failure, callers are told
    at once (no network) until the backoff has passed, so a pass over many rows does not wait on Entra ID for
    each. `login_url` is the cloud's Entra ID host (GCC High: https://login.microsoftonline.us)."""

    def __init__(
        self,
        app_id: str,
        password: str,
        tenant_id: str | None,
        *,
        login_url: str = PUBLIC.login_endpoint,
        cloud: CloudEnvironment = PUBLIC,
        client: Callable[..., Any] | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app_id = app_id
        self._password = password
        self.authority = f"{login_url.rstrip('/')}/{tenant_id or cloud.login_tenant}"
        self.scope = cloud.bot_scope
        self._client_factory = client
        self._clock = clock
        self._app: Any = None
        self._lock = threading.Lock()
        self.problem: str | None = None  # why the last sign-in failed; None once one worked
        self._next_try = float("-inf")
        self._backoff = RETRY_FIRST

    async def get_app_token(self, scope: str | None = None, tenant_id: str | None = None) -> str:
        return await asyncio.to_thread(self.token)

    def token(self) -> str:
        """A valid token (MSAL's cache, renewed by MSAL when it nears its end), or ConnectorError saying why not."""
        with self._lock:
            now = self._clock()
            if self.problem is not None and now < self._next_try:
                raise ConnectorError(None, f"no Bot Connector token: {self.problem}; trying again shortly")
            try:
                if self._app is None:
                    self._app = self._build()
                result = self._app.acquire_token_for_client(scopes=[self.scope])
            except Exception as e:  # noqa: BLE001 - requests' errors, MSAL's ValueError for metadata it cannot read
                self._failed(now, f"Entra ID unreachable ({type(e).__name__})")
            if "access_token" not in result:
                self._failed(now, f"Entra ID refused the sign-in ({str(result.get('error', 'unknown error'))[:60]})")
            if self.problem is not None:
                log.info("signed in to the Bot Connector again")
            self.problem, self._backoff = None, RETRY_FIRST
            return str(result["access_token"])

    def due_in(self) -> float:
        """Seconds until another sign-in may be tried (0 when now)."""
        return max(0.0, self._next_try - self._clock()) if self.problem is not None else 0.0

    def _build(self) -> Any:
        factory = self._client_factory
        if factory is None:
            import msal

            factory = msal.ConfidentialClientApplication
        return factory(
            self.app_id,
            client_credential=self._password,
            authority=self.authority,
            instance_discovery=False,  # the authority is configured, not guessed: no call to the public cloud
            timeout=LOGIN_TIMEOUT,
        )

    def _failed(self, now: float, why: str) -> NoReturn:
        if self.problem != why:
            log.warning("no Bot Connector token: %s; trying again in %.0f s", why, self._backoff)
        self.problem, self._next_try = why, now + self._backoff
        self._backoff = min(RETRY_MOST, self._backoff * 2)
        raise ConnectorError(None, f"no Bot Connector token: {why}")


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
            raise ConnectorError(None, "timeout", uncertain=True) from None

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
        status = e.response.status_code
        raise ConnectorError(
            status, _code(e.response), _retry_after(e.response), uncertain=status >= 500 or status == 408
        ) from None
    except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteError, httpx.WriteTimeout) as e:
        raise ConnectorError(None, type(e).__name__) from None  # the request never went out whole
    except httpx.TimeoutException:
        raise ConnectorError(None, "timeout", uncertain=True) from None
    except httpx.TransportError as e:  # a cut answer (ReadError, RemoteProtocolError): it may have been acted on
        raise ConnectorError(None, type(e).__name__, uncertain=True) from None


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
