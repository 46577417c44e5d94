"""Is this request really from Microsoft Teams? The Bot Framework's JWT check, done before anything is read.

Every activity arrives with `Authorization: Bearer <JWT>` signed by the Bot Framework (Bot Connector
authentication, "Connector to Bot"). The token is accepted only when all of these hold:

- it is RS256, signed by a key from the Bot Framework's OpenID metadata (`jwks_uri`), and that key is
  endorsed for the activity's channel (`msteams`) when the key lists endorsements;
- `iss` is https://api.botframework.com and `aud` is our App ID;
- it is within its lifetime, with 5 minutes of clock skew;
- its `serviceurl` claim equals the activity's serviceUrl — a token minted for one service URL cannot make
  Rounds post elsewhere.

The metadata and keys are cached for a day and fetched again at once when a token names a key we do not
know (Microsoft rolls keys), at most once a minute. Nothing is fetched when this is built: the web process
fetches the keys in the background at start (`warm`), so an unreachable metadata host never stops it from
booting; until keys arrive Teams requests are refused (401) and `problem` says why. Only PyJWT is used: the
SDK's own validator sits in `microsoft_teams.apps`, whose import loads a `.env` file into the environment, and it is async-only."""

from __future__ import annotations

import json
import logging
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt

log = logging.getLogger("rounds.teams")

ISSUER = "https://api.botframework.com"
LEEWAY = 300  # seconds of clock skew, as the Bot Framework specifies
KEYS_TTL = 24 * 3600.0
REFRESH_AT_MOST_EVERY = 60.0
FETCH_TIMEOUT = 5.0


class Unauthorized(Exception):
    """The request is refused with 401; the reason goes to the log only."""


def fetch_json(url: str) -> dict[str, Any]:
    with urllib.request.urlopen(url, timeout=FETCH_TIMEOUT) as resp:
        document: dict[str, Any] = json.loads(resp.read())
        return document


@dataclass
class _Keys:
    by_kid: dict[str, tuple[jwt.PyJWK, tuple[str, ...]]] = field(default_factory=dict)  # kid -> (key, endorsements)
    fetched_at: float = float("-inf")


class BotFrameworkAuth:
    def __init__(
        self,
        app_id: str,
        openid_url: str,
        *,
        issuer: str = ISSUER,
        fetch: Callable[[str], dict[str, Any]] = fetch_json,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.app_id = app_id
        self.openid_url = openid_url
        self.issuer = issuer
        self._fetch = fetch
        self._clock = clock
        self._keys = _Keys()
        self._lock = threading.Lock()
        self.problem: str | None = None  # why the last fetch of the signing keys failed; None once one worked

    def verify(self, authorization: str | None, service_url: str | None, channel_id: str | None) -> dict[str, Any]:
        """The token's claims, or Unauthorized saying why."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthorized("no bearer token")
        try:
            header = jwt.get_unverified_header(token.strip())
        except jwt.InvalidTokenError as e:
            raise Unauthorized(f"not a JWT ({type(e).__name__})") from None
        if header.get("alg") != "RS256":
            raise Unauthorized(f"algorithm {str(header.get('alg'))[:10]!r} is not RS256")
        key, endorsements = self._key(str(header.get("kid") or ""))
        if endorsements and channel_id not in endorsements:
            raise Unauthorized(f"signing key is not endorsed for channel {str(channel_id)[:20]!r}")
        try:
            claims: dict[str, Any] = jwt.decode(
                token.strip(),
                key.key,
                algorithms=["RS256"],
                audience=self.app_id,
                issuer=self.issuer,
                leeway=LEEWAY,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.InvalidTokenError as e:
            raise Unauthorized(f"{type(e).__name__}: {str(e)[:120]}") from None
        claimed = str(claims.get("serviceurl") or "")
        if not claimed or not service_url or claimed.rstrip("/") != service_url.rstrip("/"):
            raise Unauthorized("serviceurl claim does not match the activity's serviceUrl")
        return claims

    # -- keys ---------------------------------------------------------------------------------------
    def warm(self) -> float:
        """Fetch the keys when due (none yet, a failure a minute ago, a day old); seconds until the next is due."""
        with self._lock:
            now = self._clock()
            if now - self._keys.fetched_at > KEYS_TTL:
                self._refresh(now)
            return max(1.0, self._keys.fetched_at + KEYS_TTL - now)

    @property
    def unavailable(self) -> str | None:
        """Why Teams requests cannot be checked now (no signing keys at all), or None."""
        return None if self._keys.by_kid else self.problem

    def _key(self, kid: str) -> tuple[jwt.PyJWK, tuple[str, ...]]:
        with self._lock:
            now = self._clock()
            stale = now - self._keys.fetched_at > KEYS_TTL
            unknown = kid not in self._keys.by_kid
            if stale or (unknown and now - self._keys.fetched_at > REFRESH_AT_MOST_EVERY):
                self._refresh(now)
            found = self._keys.by_kid.get(kid)
        if found is None:
            raise Unauthorized("unknown signing key")
        return found

    def _refresh(self, now: float) -> None:
        try:
            metadata = self._fetch(self.openid_url)
            keys = self._fetch(str(metadata["jwks_uri"]))["keys"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            log.warning(
                "could not fetch the Bot Framework signing keys (%s); keeping %s known keys",
                type(e).__name__,
                len(self._keys.by_kid),
            )
            self.problem = f"Bot Framework signing keys unavailable ({type(e).__name__})"
            self._keys.fetched_at = now - KEYS_TTL + REFRESH_AT_MOST_EVERY  # try again in a minute, not per request
            return
        self.problem = None
        by_kid: dict[str, tuple[jwt.PyJWK, tuple[str, ...]]] = {}
        for k in keys:
            try:
                by_kid[str(k["kid"])] = (jwt.PyJWK(k, algorithm="RS256"), tuple(k.get("endorsements") or ()))
            except (jwt.PyJWKError, KeyError, TypeError):
                continue  # a key we cannot use (another algorithm): skip it
        self._keys = _Keys(by_kid=by_kid, fetched_at=now)
        log.info("Bot Framework signing keys: %s", len(by_kid))
