"""A fake Slack Web API on 127.0.0.1, for tests that point SLACK_API_URL at it.

    with FakeSlackAPI(tokens={"xoxb-test"}) as slack:
        slack.add_user("U1", "sam", "Sam Rivera", tz="America/Toronto")
        ... run the app with SLACK_API_URL=slack.url ...
        call = slack.wait_for("chat.postMessage", channel="C1")   # a bounded poll
        slack.fail("chat.postMessage", status=429, retry_after=1)  # the next matching call is rate limited
        slack.late("chat.postMessage", delay=0.5)                # posted at once, answered half a second later

It records every call (method, parameters, token), checks the bearer token on every Web API call, and
can answer 429 with Retry-After, 500, or any Slack error on demand, or accept a call and answer it late
(beyond a client's timeout). It keeps what was posted (and files shared by files.completeUploadExternal, as a message carrying them with
their names), per conversation, and serves it back through
conversations.history and conversations.replies (metadata only with `include_all_metadata`, as Slack
does; `not_in_channel` for the public channels listed in `outside`, which Rounds posts to without joining).
Every Block Kit payload it receives (messages, response_url posts, views) is checked against slack_sdk.models
and Slack's limits; what fails is answered as Slack would (`invalid_blocks`) and listed in `problems`, which a test suite asserts empty.
It also serves response_url endpoints (`response_url()`), the file upload URL of files.upload v2, and
the OAuth v2 token exchange."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import itertools
import json
import socket
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

from tests.fakes.loopback import Loopback, send_json

MESSAGE_METHODS = ("chat.postMessage", "chat.update", "chat.postEphemeral", "response_url")
VIEW_METHODS = ("views.open", "views.publish", "views.update", "views.push")
NO_TOKEN = ("oauth.v2.access", "response_url", "file_upload", "apps.connections.open")


@dataclass
class Call:
    method: str
    params: dict[str, Any]
    token: str | None
    status: int = 200
    answer: dict[str, Any] = field(default_factory=dict)
    at: float = field(default_factory=time.time)  # wall-clock time it arrived

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.answer.get("ok", True))

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


@dataclass
class _Failure:
    method: str
    status: int
    retry_after: float | None
    error: str | None
    times: int
    when: Callable[[dict[str, Any]], bool] | None
    delay: float = 0.0  # a late answer: the call is carried out, and answered this many seconds later


class FakeSlackAPI:
    def __init__(
        self,
        tokens: set[str] | None = None,
        *,
        team_id: str = "T0FAKE",
        bot_user_id: str = "UBOTROUNDS",
        oauth_clients: dict[str, str] | None = None,
        app_tokens: set[str] | None = None,
    ) -> None:
        self.tokens = set(tokens or {"xoxb-fake-token"})
        self.app_tokens = set(app_tokens or ())  # xapp- tokens that may open a Socket Mode connection
        self.socket_mode: SocketModeServer | None = None
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.oauth_clients = dict(oauth_clients or {})  # client_id -> client_secret
        self.oauth_team: dict[str, str] = {"id": team_id, "name": "Fake Hospital"}
        self.users: dict[str, dict[str, Any]] = {}
        self.calls: list[Call] = []
        self.problems: list[str] = []
        self.history: dict[str, list[dict[str, Any]]] = {}  # channel -> messages posted there, oldest first
        self.outside: set[str] = set()  # public channels the bot is not a member of: history is refused
        self.file_names: dict[str, str] = {}  # file id -> the name files.getUploadURLExternal was given
        self.clock: Callable[[], float] = time.time  # Slack's clock, for message ts
        self._failures: list[_Failure] = []
        self._lock = threading.Lock()
        self._ts = itertools.count(1)
        self._server: Loopback | None = None

    # -- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> FakeSlackAPI:
        self._server = Loopback(lambda req, _method: self._handle(req), name="fake-slack")
        self._server.start()
        return self

    def stop(self) -> None:
        if self.socket_mode is not None:
            self.socket_mode.stop()
            self.socket_mode = None
        if self._server is not None:
            self._server.stop()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        assert self._server is not None, "start() the fake first"
        return self._server.url + "/"

    @property
    def url(self) -> str:
        """The Web API base URL (SLACK_API_URL)."""
        return self.base + "api/"

    def response_url(self) -> str:
        return f"{self.base}response/{uuid.uuid4().hex}"

    # -- arranging ----------------------------------------------------------------------------------
    def add_user(
        self,
        user_id: str,
        name: str,
        real_name: str,
        *,
        tz: str = "America/Toronto",
        is_admin: bool = False,
        team_id: str | None = None,
    ) -> None:
        self.users[user_id] = {
            "id": user_id,
            "team_id": team_id or self.team_id,
            "name": name,
            "real_name": real_name,
            "tz": tz,
            "is_admin": is_admin,
            "is_owner": False,
            "is_bot": False,
            "deleted": False,
            "profile": {"display_name": real_name, "real_name": real_name},
        }

    def fail(
        self,
        method: str,
        *,
        status: int = 200,
        retry_after: float | None = None,
        error: str | None = None,
        times: int = 1,
        when: Callable[[dict[str, Any]], bool] | None = None,
    ) -> None:
        """The next `times` calls to `method` (that `when(params)` accepts) fail: with HTTP `status`
        (429 sends Retry-After), or with HTTP 200 and `{"ok": false, "error": error}`."""
        with self._lock:
            self._failures.append(_Failure(method, status, retry_after, error, times, when))

    def late(
        self, method: str, *, delay: float, times: int = 1, when: Callable[[dict[str, Any]], bool] | None = None
    ) -> None:
        """The next `times` calls to `method` are carried out at once and answered `delay` seconds later."""
        with self._lock:
            self._failures.append(_Failure(method, 200, None, None, times, when, delay))

    # -- looking ------------------------------------------------------------------------------------
    def mark(self) -> int:
        with self._lock:
            return len(self.calls)

    def calls_to(
        self,
        method: str,
        since: int = 0,
        ok: bool | None = None,
        where: Callable[[Call], bool] | None = None,
        **match: Any,
    ) -> list[Call]:
        """Calls to `method` whose parameters equal `match` (and that `where` accepts)."""
        with self._lock:
            found = list(self.calls[since:])
        return [
            c
            for c in found
            if c.method == method
            and (ok is None or c.ok == ok)
            and (where is None or where(c))
            and all(c.params.get(k) == v for k, v in match.items())
        ]

    def wait_for(
        self,
        method: str,
        since: int = 0,
        timeout: float = 10.0,
        count: int = 1,
        ok: bool | None = True,
        where: Callable[[Call], bool] | None = None,
        **match: Any,
    ) -> list[Call]:
        """Poll (bounded) until `count` matching calls arrived; what a background thread sends arrives late."""
        deadline = time.monotonic() + timeout
        while True:
            found = self.calls_to(method, since, ok=ok, where=where, **match)
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                seen = sorted({c.method for c in self.calls[since:]})
                raise AssertionError(
                    f"expected {count} {method} call(s) matching {match}, got {len(found)}; calls seen: {seen}"
                )
            time.sleep(0.02)

    # -- serving ------------------------------------------------------------------------------------
    def _handle(self, req: BaseHTTPRequestHandler) -> None:
        parts = urlsplit(req.path)
        length = int(req.headers.get("Content-Length") or 0)
        raw = req.rfile.read(length) if length else b""
        if parts.path.startswith("/api/"):
            method = parts.path[len("/api/") :]
        elif parts.path.startswith("/response/"):
            method = "response_url"
        elif parts.path.startswith("/upload/"):
            method = "file_upload"
        else:
            send_json(req, 404, {"ok": False, "error": "not_found"})
            return
        params = self._params(req, parts.query, raw, method)
        if method == "response_url":
            params["_url"] = f"{self.base}{parts.path.lstrip('/')}"
        token = _bearer(req.headers.get("Authorization"))
        call = Call(method, params, token)
        status, answer, headers, delay = self._answer(call, req)
        call.status, call.answer = status, answer
        with self._lock:
            self.calls.append(call)
        if delay:
            time.sleep(delay)
        with contextlib.suppress(OSError):  # a client that gave up waiting has closed the connection
            send_json(req, status, answer, headers)

    def _params(self, req: BaseHTTPRequestHandler, query: str, raw: bytes, method: str) -> dict[str, Any]:
        params: dict[str, Any] = dict(parse_qsl(query))
        ctype = req.headers.get("Content-Type", "")
        if method == "file_upload":
            params["bytes"] = len(raw)
        elif "json" in ctype and raw:
            params.update(json.loads(raw))
        elif raw:
            params.update(dict(parse_qsl(raw.decode("utf-8"), keep_blank_values=True)))
        for key in ("blocks", "view", "attachments", "files"):
            if isinstance(params.get(key), str):
                with contextlib.suppress(ValueError):
                    params[key] = json.loads(params[key])
        return params

    def _answer(self, call: Call, req: BaseHTTPRequestHandler) -> tuple[int, dict[str, Any], dict[str, str], float]:
        if call.method not in NO_TOKEN and call.token not in self.tokens:
            return 200, {"ok": False, "error": "invalid_auth" if call.token else "not_authed"}, {}, 0.0
        failure = self._take_failure(call)
        delay = 0.0
        if failure is not None:
            if failure.status == 429:
                headers = {"Retry-After": str(int(failure.retry_after or 1))}
                return 429, {"ok": False, "error": "ratelimited"}, headers, 0.0
            if failure.status >= 500:
                return failure.status, {"ok": False, "error": "fatal_error"}, {}, 0.0
            if not failure.delay:
                return 200, {"ok": False, "error": failure.error or "fatal_error"}, {}, 0.0
            delay = failure.delay
        problems = block_kit_problems(call.method, call.params)
        if problems:
            with self._lock:
                self.problems.extend(f"{call.method}: {p}" for p in problems)
            return 200, {"ok": False, "error": "invalid_blocks", "errors": problems}, {}, delay
        return 200, self._ok(call, req), {}, delay

    def _take_failure(self, call: Call) -> _Failure | None:
        with self._lock:
            for f in self._failures:
                if f.method == call.method and f.times > 0 and (f.when is None or f.when(call.params)):
                    f.times -= 1
                    return f
        return None

    def _ok(self, call: Call, req: BaseHTTPRequestHandler) -> dict[str, Any]:
        p, m = call.params, call.method
        if m == "auth.test":
            return {
                "ok": True,
                "url": "https://fake.slack.test/",
                "team": "Fake Hospital",
                "user": "rounds",
                "team_id": self.team_id,
                "user_id": self.bot_user_id,
                "bot_id": "BROUNDS",
                "is_enterprise_install": False,
            }
        if m == "users.info":
            user = self.users.get(p.get("user", ""))
            return {"ok": True, "user": user} if user else {"ok": False, "error": "user_not_found"}
        if m == "chat.postMessage":
            channel = str(p.get("channel", ""))
            if channel.startswith(("U", "W")):
                channel = "D" + channel[1:]  # posting to a user id lands in their DM with the app
            message = {
                "type": "message",
                "ts": self._next_ts(),
                "text": p.get("text"),
                "blocks": p.get("blocks"),
                "bot_id": "BROUNDS",
                "app_id": "AROUNDS",
            }
            if p.get("thread_ts"):
                message["thread_ts"] = p["thread_ts"]
            if isinstance(p.get("metadata"), dict):
                message["metadata"] = p["metadata"]
            with self._lock:
                self.history.setdefault(channel, []).append(message)
            return {"ok": True, "channel": channel, "ts": message["ts"], "message": message}
        if m in ("conversations.history", "conversations.replies"):
            return self._history(p, replies=m == "conversations.replies")
        if m == "chat.update":
            return {"ok": True, "channel": p.get("channel"), "ts": p.get("ts"), "text": p.get("text")}
        if m == "chat.postEphemeral":
            return {"ok": True, "message_ts": self._next_ts()}
        if m in VIEW_METHODS:
            return {"ok": True, "view": {**(p.get("view") or {}), "id": "V" + uuid.uuid4().hex[:10].upper()}}
        if m == "conversations.open":
            users = str(p.get("users", "")).split(",")[0]
            return {"ok": True, "channel": {"id": "D" + users[1:]}}
        if m == "reactions.add":
            return {"ok": True}
        if m == "files.getUploadURLExternal":
            file_id = "F" + uuid.uuid4().hex[:10].upper()
            with self._lock:
                self.file_names[file_id] = str(p.get("filename", ""))
            return {"ok": True, "upload_url": f"{self.base}upload/{file_id}", "file_id": file_id}
        if m == "files.completeUploadExternal":
            with self._lock:
                files = [
                    {"id": f.get("id"), "title": f.get("title"), "name": self.file_names.get(str(f.get("id")), "")}
                    for f in (p.get("files") or [])
                ]
            if p.get("channel_id"):  # shared: a message carrying the files appears in the conversation
                shared = {"type": "message", "ts": self._next_ts(), "text": p.get("initial_comment") or ""}
                shared |= {"files": files, "bot_id": "BROUNDS", "app_id": "AROUNDS"}
                if p.get("thread_ts"):
                    shared["thread_ts"] = p["thread_ts"]
                with self._lock:
                    self.history.setdefault(str(p["channel_id"]), []).append(shared)
            return {"ok": True, "files": [{"id": f["id"], "title": f["title"]} for f in files]}
        if m in ("response_url", "file_upload"):
            return {"ok": True}
        if m == "oauth.v2.access":
            return self._oauth(p, req)
        if m == "apps.connections.open":
            if call.token not in self.app_tokens:
                return {"ok": False, "error": "invalid_auth"}
            with self._lock:
                if self.socket_mode is None:
                    self.socket_mode = SocketModeServer().start()
            return {"ok": True, "url": self.socket_mode.url}
        return {"ok": False, "error": "unknown_method"}

    def _oauth(self, p: dict[str, Any], req: BaseHTTPRequestHandler) -> dict[str, Any]:
        client_id, secret = p.get("client_id"), p.get("client_secret")
        basic = req.headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client_id, _, secret = base64.b64decode(basic[6:]).decode().partition(":")
        if not client_id or self.oauth_clients.get(client_id) != secret or not p.get("code"):
            return {"ok": False, "error": "invalid_client_id"}
        token = f"xoxb-installed-{uuid.uuid4().hex[:12]}"
        self.tokens.add(token)
        return {
            "ok": True,
            "access_token": token,
            "token_type": "bot",
            "scope": "commands,chat:write,users:read",
            "bot_user_id": self.bot_user_id,
            "app_id": "AROUNDS",
            "team": dict(self.oauth_team),
            "enterprise": None,
            "authed_user": {"id": "UINSTALLER"},
            "is_enterprise_install": False,
        }

    def _history(self, p: dict[str, Any], *, replies: bool) -> dict[str, Any]:
        """A page of messages, newest first, between `oldest` and `latest`; `cursor` is an offset here."""
        channel = str(p.get("channel", ""))
        if channel in self.outside:
            return {"ok": False, "error": "not_in_channel"}
        with self._lock:
            messages = list(self.history.get(channel, []))
        if replies:
            root = str(p.get("ts", ""))
            messages = [m for m in messages if m["ts"] == root or m.get("thread_ts") == root]
            if not any(m["ts"] == root for m in messages):
                return {"ok": False, "error": "thread_not_found"}
        else:
            messages = [m for m in messages if not m.get("thread_ts") or m["thread_ts"] == m["ts"]]
        oldest, latest = float(p.get("oldest") or 0), float(p.get("latest") or "inf")
        messages = [m for m in reversed(messages) if oldest < float(m["ts"]) < latest]
        start, limit = int(p.get("cursor") or 0), min(int(p.get("limit") or 100), 999)
        page = messages[start : start + limit]
        if str(p.get("include_all_metadata", "")).lower() not in ("1", "true"):
            page = [{k: v for k, v in m.items() if k != "metadata"} for m in page]
        more = start + limit < len(messages)
        return {
            "ok": True,
            "messages": page,
            "has_more": more,
            "response_metadata": {"next_cursor": str(start + limit) if more else ""},
        }

    def _next_ts(self) -> str:
        return f"{int(self.clock())}.{next(self._ts):06d}"


def _bearer(header: str | None) -> str | None:
    if header and header.startswith("Bearer "):
        return header[len("Bearer ") :].strip()
    return None


# -- Block Kit checks ---------------------------------------------------------------------------------
MESSAGE_BLOCKS, VIEW_BLOCKS, TEXT_LIMIT = 50, 100, 40_000


def block_kit_problems(method: str, params: dict[str, Any]) -> list[str]:
    """What is wrong with a payload's Block Kit, per slack_sdk.models and Slack's documented limits."""
    if method in MESSAGE_METHODS:
        return message_problems(params)
    if method in VIEW_METHODS:
        return view_problems(params.get("view"))
    return []


def message_problems(message: dict[str, Any]) -> list[str]:
    problems: list[str] = []
    blocks = message.get("blocks")
    text = message.get("text")
    if blocks:
        if not isinstance(text, str) or not text.strip():
            problems.append("a message with blocks has no text fallback")
        problems += blocks_problems(blocks, MESSAGE_BLOCKS)
    elif not isinstance(text, str) or not text.strip():
        problems.append("a message with neither text nor blocks")
    if isinstance(text, str) and len(text) > TEXT_LIMIT:
        problems.append(f"text is {len(text)} characters (limit {TEXT_LIMIT})")
    return problems


def view_problems(view: Any) -> list[str]:
    if not isinstance(view, dict):
        return ["no view"]
    try:
        model = View(**view)
        again = model.to_dict()  # runs slack_sdk's validators (title 24, private_metadata 3000, 100 blocks, …)
    except Exception as e:  # noqa: BLE001 - any failure to model it is the problem to report
        return [f"view does not validate: {e}"]
    problems = blocks_problems(view.get("blocks") or [], VIEW_BLOCKS)
    if _strip(again) != _strip(view):
        problems.append("the view changes when round-tripped through slack_sdk.models.views.View")
    if len(view.get("private_metadata") or "") > 3000:
        problems.append("private_metadata over 3000 characters")
    if view.get("type") == "modal" and not view.get("title"):
        problems.append("a modal without a title")
    return problems


def blocks_problems(blocks: list[dict[str, Any]], limit: int) -> list[str]:
    problems: list[str] = []
    if len(blocks) > limit:
        problems.append(f"{len(blocks)} blocks (limit {limit})")
    tables = sum(1 for b in blocks if isinstance(b, dict) and b.get("type") == "table")
    if tables and limit == VIEW_BLOCKS:
        problems.append("a table block in a view (tables are for messages)")
    elif tables > 1:
        problems.append("only_one_table_allowed")
    for i, raw in enumerate(blocks):
        try:
            parsed = Block.parse(raw)
            if parsed is None:
                problems.append(f"block {i}: unknown type {raw.get('type')!r}")
                continue
            again = parsed.to_dict()  # runs the model's validators
        except Exception as e:  # noqa: BLE001
            problems.append(f"block {i} ({raw.get('type')}): {e}")
            continue
        if _strip(again) != _strip(raw):
            problems.append(f"block {i} ({raw.get('type')}) changes when round-tripped through slack_sdk.models")
        problems += [f"block {i}: {p}" for p in _limits(raw)]
    return problems


def _limits(b: dict[str, Any]) -> list[str]:
    out = []
    kind = b.get("type")
    if kind == "section":
        if len((b.get("text") or {}).get("text", "")) > 3000:
            out.append("section text over 3000")
        fields = b.get("fields") or []
        if len(fields) > 10:
            out.append("more than 10 fields")
        out += ["field over 2000" for f in fields if len(f.get("text", "")) > 2000]
        if not b.get("text") and not fields:
            out.append("section with neither text nor fields")
    elif kind == "header" and len(b["text"]["text"]) > 150:
        out.append("header over 150")
    elif kind == "context":
        elements = b.get("elements") or []
        if not 1 <= len(elements) <= 10:
            out.append("context needs 1 to 10 elements")
        out += ["context text over 3000" for e in elements if len(e.get("text", "")) > 3000]
    elif kind == "actions":
        elements = b.get("elements") or []
        ids = [e.get("action_id") for e in elements]
        if len(ids) != len(set(ids)):
            out.append("action_ids repeat within a block")
        if not 1 <= len(elements) <= 25:
            out.append("actions needs 1 to 25 elements")
        for e in elements:
            if e.get("type") == "button":
                if len(e["text"]["text"]) > 75:
                    out.append("button text over 75")
                if len(e.get("value") or "") > 2000:
                    out.append("button value over 2000")
    elif kind == "table":
        rows = b.get("rows") or []
        if not 1 <= len(rows) <= 100:
            out.append("table needs 1 to 100 rows")
        if any(len(r) > 20 for r in rows) or len(b.get("column_settings") or []) > 20:
            out.append("table row over 20 cells")
        if len({len(r) for r in rows}) > 1:
            out.append("table rows of different lengths")
        texts = [_cell_text(c) for r in rows for c in r]
        out += ["empty table cell" for t in texts if not t]
        if sum(len(t) for t in texts) > 10_000:
            out.append("table cells over 10,000 characters in all")
    elif kind == "input":
        element = b.get("element") or {}
        if element.get("type") == "static_select" and not element.get("options"):
            out.append("a select with no options")
        if (
            element.get("type") == "plain_text_input"
            and element.get("initial_value")
            and element.get("max_length")
            and len(element["initial_value"]) > element["max_length"]
        ):
            out.append("initial_value longer than max_length")
    return out


def _cell_text(cell: dict[str, Any]) -> str:
    if cell.get("type") == "raw_text":
        return str(cell.get("text") or "")
    return "".join(e.get("text", "") for section in cell.get("elements", []) for e in section.get("elements", []))


def _strip(d: Any) -> Any:
    """Compare payloads ignoring what Slack itself adds to views (ids, hashes, state)."""
    if isinstance(d, dict):
        return {k: _strip(v) for k, v in d.items() if k not in ("id", "hash", "state", "team_id", "app_id", "bot_id")}
    if isinstance(d, list):
        return [_strip(x) for x in d]
    return d


# -- Socket Mode ----------------------------------------------------------------------------------------
class SocketModeServer:
    """Just enough of Slack's Socket Mode WebSocket for one client on 127.0.0.1 (plain ws://): the hello,
    envelopes sent on demand, and the acknowledgements (with their response payloads) coming back."""

    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self) -> None:
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._client: socket.socket | None = None
        self._connected = threading.Event()
        self._acks: dict[str, dict[str, Any]] = {}
        self._acked = threading.Condition()
        self._send_lock = threading.Lock()
        self._closed = False

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self._listener.getsockname()[1]}/link/?ticket=fake"

    def start(self) -> SocketModeServer:
        threading.Thread(target=self._accept, name="fake-socket-mode", daemon=True).start()
        return self

    def stop(self) -> None:
        self._closed = True
        for sock in (self._client, self._listener):
            if sock is not None:
                with contextlib.suppress(OSError):
                    sock.close()

    def wait_connected(self, timeout: float = 30.0) -> None:
        if not self._connected.wait(timeout):
            raise AssertionError("no Socket Mode client connected")

    def send(self, kind: str, payload: dict[str, Any], accepts_response_payload: bool = True) -> str:
        """Send an envelope (`slash_commands`, `interactive`, `events_api`); returns its envelope_id."""
        envelope_id = str(uuid.uuid4())
        self._frame(
            json.dumps(
                {
                    "envelope_id": envelope_id,
                    "type": kind,
                    "payload": payload,
                    "accepts_response_payload": accepts_response_payload,
                    "retry_attempt": 0,
                }
            )
        )
        return envelope_id

    def ack(self, envelope_id: str, timeout: float = 10.0) -> dict[str, Any]:
        """The client's acknowledgement of an envelope (a bounded wait)."""
        with self._acked:
            if not self._acked.wait_for(lambda: envelope_id in self._acks, timeout):
                raise AssertionError(f"envelope {envelope_id} was not acknowledged")
            return self._acks[envelope_id]

    def _accept(self) -> None:
        try:
            client, _ = self._listener.accept()
        except OSError:
            return
        request = b""
        while b"\r\n\r\n" not in request:
            request += client.recv(4096)
        key = next(
            line.split(":", 1)[1].strip()
            for line in request.decode().split("\r\n")
            if line.lower().startswith("sec-websocket-key:")
        )
        accept = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        client.sendall(
            (
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                f"Sec-WebSocket-Accept: {accept}\r\n\r\n"
            ).encode()
        )
        self._client = client
        self._frame(json.dumps({"type": "hello", "num_connections": 1, "connection_info": {"app_id": "AROUNDS"}}))
        self._connected.set()
        self._read(client)

    def _read(self, client: socket.socket) -> None:
        buffer = b""

        def take(n: int) -> bytes:
            nonlocal buffer
            while len(buffer) < n:
                chunk = client.recv(65536)
                if not chunk:
                    raise ConnectionError
                buffer += chunk
            out, buffer = buffer[:n], buffer[n:]
            return out

        try:
            while not self._closed:
                first, second = take(2)
                opcode, length = first & 0x0F, second & 0x7F
                if length == 126:
                    length = int.from_bytes(take(2), "big")
                elif length == 127:
                    length = int.from_bytes(take(8), "big")
                mask = take(4) if second & 0x80 else b"\0\0\0\0"
                data = bytes(b ^ mask[i % 4] for i, b in enumerate(take(length)))
                if opcode == 0x9:  # ping
                    self._frame(data, opcode=0xA)
                elif opcode == 0x8:  # close
                    return
                elif opcode == 0x1:
                    message = json.loads(data)
                    if "envelope_id" in message:
                        with self._acked:
                            self._acks[message["envelope_id"]] = message
                            self._acked.notify_all()
        except (ConnectionError, OSError, ValueError):
            return

    def _frame(self, data: str | bytes, opcode: int = 0x1) -> None:
        raw = data.encode() if isinstance(data, str) else data
        head = bytes([0x80 | opcode])
        if len(raw) < 126:
            head += bytes([len(raw)])
        elif len(raw) < 65536:
            head += bytes([126]) + len(raw).to_bytes(2, "big")
        else:
            head += bytes([127]) + len(raw).to_bytes(8, "big")
        assert self._client is not None
        with self._send_lock:
            self._client.sendall(head + raw)
