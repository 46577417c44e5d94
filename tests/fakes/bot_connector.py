"""A fake Bot Framework on 127.0.0.1: the Bot Connector Rounds posts to, and the login service whose keys
sign what Teams sends Rounds. Tests point TEAMS_OPENID_URL at it and write its URL into each activity's
serviceUrl (tenant-scoped, as Teams does: `<url>/amer/<tenant>/`).

    with FakeBotConnector() as bf:
        token = bf.token(app_id=APP_ID, service_url=url)         # an RS256 JWT as the Bot Framework signs it
        bf.add_member("29:dana", aad="…", name="Dana Whitfield")  # what GET …/members/{id} answers
        sent = bf.wait_for("send", conversation="19:…")           # a bounded poll for what Rounds posted
        bf.fail("send", status=429, retry_after=1)                # the next matching call is throttled
        bf.late("send", delay=0.5)                                # posted at once, answered half a second later

Every message Rounds posts or updates is recorded. Each Adaptive Card in it (and each card given to
`check_card`, such as an invoke response) is validated against the official Adaptive Cards 1.5 schema
(tests/schemas/adaptive-card-1.5.json, Draft 6) with the Teams-only `msteams` key removed; a card
that fails is answered 400 (as Teams refuses a bad card) and listed in `problems`, which tests assert
empty."""

from __future__ import annotations

import base64
import contextlib
import copy
import itertools
import json
import re
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Self
from urllib.parse import unquote

import jwt
from cryptography.hazmat.primitives.asymmetric import rsa

from tests.fakes.loopback import Loopback, send_json

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "schemas" / "adaptive-card-1.5.json"
CARD = "application/vnd.microsoft.card.adaptive"
ISSUER = "https://api.botframework.com"
ROUTE = re.compile(
    r"^(?P<prefix>.*?)/v3/conversations(?:/(?P<conv>[^/]+)(?:/(?P<what>activities|members)(?:/(?P<id>[^/]+))?)?)?$"
)


@dataclass
class Call:
    kind: str  # "send" | "update" | "create" | "member"
    conversation: str
    body: dict[str, Any]
    service_url: str  # the part of the URL before /v3/
    authorization: str | None
    activity_id: str = ""
    status: int = 200
    at: float = field(default_factory=time.time)  # wall-clock time it arrived

    @property
    def cards(self) -> list[dict[str, Any]]:
        return [a["content"] for a in self.body.get("attachments") or [] if a.get("contentType") == CARD]

    @property
    def card(self) -> dict[str, Any]:
        cards = self.cards
        assert len(cards) == 1, f"expected one card, got {len(cards)}: {self.body}"
        return cards[0]

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


@dataclass
class _Failure:
    kind: str
    status: int
    retry_after: float | None
    times: int
    when: Callable[[Call], bool] | None
    delay: float = 0.0  # a late answer: the call is carried out, and answered this many seconds later


@dataclass
class Key:
    kid: str
    private: Any
    endorsements: tuple[str, ...] = ("msteams",)

    def jwk(self) -> dict[str, Any]:
        numbers = self.private.public_key().public_numbers()
        return {
            "kty": "RSA",
            "use": "sig",
            "kid": self.kid,
            "n": _b64(numbers.n),
            "e": _b64(numbers.e),
            "endorsements": list(self.endorsements),
        }


def new_key(kid: str | None = None, endorsements: tuple[str, ...] = ("msteams",)) -> Key:
    return Key(
        kid or f"k-{uuid.uuid4().hex[:8]}", rsa.generate_private_key(public_exponent=65537, key_size=2048), endorsements
    )


class FakeBotConnector:
    def __init__(self) -> None:
        self.keys = [new_key("rounds-test-key")]
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self.members: dict[str, dict[str, Any]] = {}
        self.metadata_fetches = 0
        self._failures: list[_Failure] = []
        self._lock = threading.Lock()
        self._ids = itertools.count(1_700_000_000_001)
        self._http = Loopback(self._handle, "fake-bot-connector")
        self._validator = _validator()

    # -- lifecycle ----------------------------------------------------------------------------------
    def __enter__(self) -> Self:
        self._http.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._http.stop()

    @property
    def url(self) -> str:
        return self._http.url

    @property
    def openid_url(self) -> str:
        return f"{self.url}/login/v1/.well-known/openidconfiguration"

    def service_url(self, tenant: str) -> str:
        return f"{self.url}/amer/{tenant}/"

    # -- the Bot Framework's signature -----------------------------------------------------------------
    def token(
        self,
        *,
        app_id: str,
        service_url: str,
        key: Key | None = None,
        issuer: str = ISSUER,
        expires_in: float = 3600,
        **claims: Any,
    ) -> str:
        now = int(time.time())
        payload = {
            "iss": issuer,
            "aud": app_id,
            "serviceurl": service_url,
            "nbf": now - 5,
            "iat": now - 5,
            "exp": int(now + expires_in),
            **claims,
        }
        k = key or self.keys[0]
        return jwt.encode(payload, k.private, algorithm="RS256", headers={"kid": k.kid})

    # -- what people are (the members API) ---------------------------------------------------------------
    def add_member(self, user_id: str, *, aad: str, name: str, upn: str, tenant: str) -> None:
        self.members[user_id] = {
            "id": user_id,
            "name": name,
            "aadObjectId": aad,
            "userPrincipalName": upn,
            "email": upn,
            "tenantId": tenant,
            "userRole": "user",
        }

    # -- failures on demand ----------------------------------------------------------------------------
    def fail(
        self,
        kind: str,
        *,
        status: int = 500,
        retry_after: float | None = None,
        times: int = 1,
        when: Callable[[Call], bool] | None = None,
    ) -> None:
        with self._lock:
            self._failures.append(_Failure(kind, status, retry_after, times, when))

    def late(self, kind: str, *, delay: float, times: int = 1, when: Callable[[Call], bool] | None = None) -> None:
        """The next `times` matching calls are carried out at once and answered `delay` seconds later."""
        with self._lock:
            self._failures.append(_Failure(kind, 200, None, times, when, delay))

    # -- what Rounds did --------------------------------------------------------------------------------
    def mark(self) -> int:
        with self._lock:
            return len(self.calls)

    def calls_to(
        self, kind: str, since: int = 0, where: Callable[[Call], bool] | None = None, **match: Any
    ) -> list[Call]:
        with self._lock:
            found = self.calls[since:]
        return [
            c
            for c in found
            if c.kind == kind
            and c.status == 200
            and all(c.get(k) == v for k, v in match.items())
            and (where is None or where(c))
        ]

    def wait_for(
        self,
        kind: str,
        count: int = 1,
        since: int = 0,
        timeout: float = 15.0,
        where: Callable[[Call], bool] | None = None,
        **match: Any,
    ) -> list[Call]:
        """A bounded poll for background sends (the outbox dispatcher runs on its own thread)."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls_to(kind, since, where, **match)
            if len(found) >= count or time.monotonic() > deadline:
                assert len(found) >= count, (
                    f"waited {timeout} s for {count} {kind} {match or ''}; got {len(found)}: {found}"
                )
                return found
            time.sleep(0.02)

    def check_card(self, card: dict[str, Any], where: str) -> list[str]:
        """Schema problems of one card (also recorded in `problems`)."""
        if self._validator is None:
            return []
        bare = copy.deepcopy(card)
        bare.pop("msteams", None)
        found = [
            f"{where}: {e.message[:200]} at {'/'.join(map(str, e.absolute_path))}"
            for e in self._validator.iter_errors(bare)
        ]
        with self._lock:
            self.problems.extend(found)
        return found

    # -- the server --------------------------------------------------------------------------------------
    def _handle(self, req: BaseHTTPRequestHandler, method: str) -> None:
        path = req.path.split("?", 1)[0]
        body = req.rfile.read(int(req.headers.get("Content-Length") or 0))
        if method == "GET" and path == "/login/v1/.well-known/openidconfiguration":
            self.metadata_fetches += 1
            return send_json(
                req,
                200,
                {
                    "issuer": ISSUER,
                    "jwks_uri": f"{self.url}/login/v1/keys",
                    "id_token_signing_alg_values_supported": ["RS256"],
                },
            )
        if method == "GET" and path == "/login/v1/keys":
            return send_json(req, 200, {"keys": [k.jwk() for k in self.keys]})
        m = ROUTE.match(path)
        if m is None:
            return send_json(req, 404, {"error": {"code": "NotFound", "message": path}})
        conv, what, ident = unquote(m["conv"] or ""), m["what"], unquote(m["id"] or "")
        service_url = f"{self.url}{m['prefix']}"
        try:
            data = json.loads(body) if body else {}
        except ValueError:
            return send_json(req, 400, {"error": {"code": "BadSyntax", "message": "not JSON"}})
        kind = {
            ("POST", None): "create",
            ("POST", "activities"): "send",
            ("PUT", "activities"): "update",
            ("GET", "members"): "member",
        }.get((method, what))
        if kind is None:
            return send_json(req, 405, {"error": {"code": "MethodNotAllowed", "message": path}})
        call = Call(kind, conv, data, service_url, req.headers.get("Authorization"), activity_id=ident)
        failure = self._take_failure(call)
        late = failure.delay if failure is not None else 0.0
        if failure is not None and not late:
            call.status = failure.status
            self._record(call)
            headers = {"Retry-After": _seconds(failure.retry_after)} if failure.retry_after is not None else {}
            return send_json(
                req,
                failure.status,
                {
                    "error": {
                        "code": "Throttled" if failure.status == 429 else "ServiceError",
                        "message": "as the test asked",
                    }
                },
                headers,
            )
        if kind == "member":
            member = self.members.get(ident)
            call.status = 200 if member else 404
            self._record(call)
            return (
                send_json(req, 200, member)
                if member
                else send_json(req, 404, {"error": {"code": "MemberNotFoundInConversation", "message": ident}})
            )
        if kind == "create":
            members = data.get("members") or []
            if (
                not members
                or not data.get("bot")
                or not (data.get("tenantId") or (data.get("channelData") or {}).get("tenant"))
            ):
                call.status = 400
                self._record(call)
                return send_json(
                    req, 400, {"error": {"code": "BadArgument", "message": "members, bot and tenant are required"}}
                )
            call.conversation = f"a:personal-{members[0]['id']}"
            self._record(call)
            return send_json(req, 201, {"id": call.conversation})
        problems = [p for i, card in enumerate(call.cards) for p in self.check_card(card, f"{kind} to {conv} card {i}")]
        if data.get("type") != "message" or problems:
            call.status = 400
            self._record(call)
            return send_json(
                req, 400, {"error": {"code": "BadArgument", "message": "; ".join(problems) or "not a message"}}
            )
        if kind == "send":
            call.activity_id = str(next(self._ids))
        self._record(call)
        if late:
            time.sleep(late)
        with contextlib.suppress(OSError):  # a client that gave up waiting has closed the connection
            send_json(req, 200 if kind == "update" else 201, {"id": call.activity_id})

    def _take_failure(self, call: Call) -> _Failure | None:
        with self._lock:
            for f in self._failures:
                if f.kind == call.kind and f.times > 0 and (f.when is None or f.when(call)):
                    f.times -= 1
                    if f.times == 0:
                        self._failures.remove(f)
                    return f
        return None

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)


def _validator() -> Any:
    from jsonschema import Draft6Validator

    schema = json.loads(SCHEMA_PATH.read_text())
    Draft6Validator.check_schema(schema)
    return Draft6Validator(schema)


def _seconds(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _b64(n: int) -> str:
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
