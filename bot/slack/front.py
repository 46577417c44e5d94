"""The door in front of Bolt on POST /slack/events: only a signed, readable, first-time request of a kind Rounds
handles gets through; everything else is answered here, plainly, without a stack trace and without logging any of
what the caller sent.

In order:
1. The signature (Slack's v0 scheme: HMAC-SHA256 of `v0:{timestamp}:{raw body}`) and a timestamp within 5 minutes,
   checked on the raw bytes before anything is parsed: 401, and one log line saying why (never the body — Bolt's
   own check logs the whole body at INFO, so it is off and this one replaces it). Only Slack's `ssl_check` is
   answered before it, as Bolt does: it runs nothing and says nothing.
2. The body read as Slack sends it (UTF-8; a form, a form whose `payload` is JSON, or JSON), an object, with every id
   Bolt extracts a string: otherwise 400.
3. Every string in it cleaned (commands/grammar/clean.py: no NUL, no control characters, no lone surrogates).
4. Its shape, with the same pydantic models the listeners read (bot/slack/payloads.py). A slash command that cannot
   be read gets a private reply that says so; a click, form or event of another kind or shape never reaches Bolt.
5. Replays. Slack never sends the same slash command, click, shortcut or form submission twice, and each request is
   signed over its own timestamp, so the same signature seen again is a replay (or a proxy's duplicate): it is
   refused, in every web process, by a unique row (storage/deliveries.py). A command's replay gets a private "already
   received" (a non-200 would show the person an error, and the first one has already answered them); a click's or a
   form's an empty 200. Events are not remembered by signature: Slack retries an event with a fresh signature and
   the same event_id, and the event listeners already keep one row per event_id, which also covers a replay.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import time
import urllib.parse
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel, ValidationError
from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.adapter.wsgi.http_response import WsgiHttpResponse
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.logs import failure
from bot.slack import render
from bot.slack.payloads import (
    AppHomeOpened,
    BlockActions,
    EventEnvelope,
    MessageEvent,
    MessageShortcut,
    SlashCommand,
    TokensRevoked,
    ViewSubmission,
)
from commands.grammar.clean import clean_all
from commands.replies import Reply
from storage import deliveries
from storage.models import Platform

log = logging.getLogger("rounds.slack")

WINDOW = 5 * 60  # seconds either side of now, as Slack's own libraries allow
INTERACTIONS: dict[str, type[BaseModel]] = {
    "block_actions": BlockActions,
    "view_submission": ViewSubmission,
    "message_action": MessageShortcut,
}
EVENTS: dict[str, type[BaseModel] | None] = {
    "app_home_opened": AppHomeOpened,
    "message": MessageEvent,
    "app_uninstalled": None,
    "tokens_revoked": TokensRevoked,
}
CONTEXT_IDS = (
    "enterprise_id",
    "team_id",
    "user_id",
    "actor_enterprise_id",
    "actor_team_id",
    "actor_user_id",
    "channel_id",
    "thread_ts",
    "response_url",
)
UNREADABLE_COMMAND = "Rounds couldn't read this command from Slack ({what}), so nothing was done. Please try again."
ALREADY_RECEIVED = "This command had already arrived and was run once; nothing was done again."


class Refusal(Exception):
    """A request answered at the door: the HTTP status, a JSON body, and a word for the log (never caller data)."""

    def __init__(self, status: int, body: dict[str, Any] | None, reason: str) -> None:
        super().__init__(reason)
        self.status, self.body, self.reason = status, body, reason


class FrontDoor:
    def __init__(
        self,
        app: App,
        signing_secret: str,
        sessions: sessionmaker[Session],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.app = app
        self.secret = signing_secret.encode()
        self.sessions = sessions
        self.clock = clock

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            req = self.admit(environ)
        except Refusal as r:
            if r.status >= 400:
                log.info("Slack request refused (%s): %s", r.status, r.reason)
            else:
                log.info("Slack request answered at the door: %s", r.reason)
            return _json(start_response, r.status, r.body)
        resp: BoltResponse = self.app.dispatch(req)
        out = WsgiHttpResponse(status=resp.status, headers=resp.headers, body=resp.body)
        start_response(out.status, out.get_headers())
        return out.get_body()

    def admit(self, environ: dict[str, Any]) -> BoltRequest:
        """The request as Bolt should see it, or a Refusal saying how to answer instead."""
        raw = _body(environ)
        if _is_ssl_check(raw):  # Slack checking the certificate: answered like Bolt does, before the signature
            raise Refusal(200, None, "an ssl_check")
        self.verify(raw, environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"), environ.get("HTTP_X_SLACK_SIGNATURE"))
        req = _parse(raw, environ)
        kind = _check(req.body)
        if kind in ("command", *INTERACTIONS):
            self.first_time(kind, environ["HTTP_X_SLACK_SIGNATURE"])
        return req

    def verify(self, raw: bytes, timestamp: str | None, signature: str | None) -> None:
        if not timestamp or not signature:
            raise Refusal(401, {"error": "invalid request"}, "not signed")
        if not (timestamp.isascii() and timestamp.isdigit() and len(timestamp) <= 12):
            raise Refusal(401, {"error": "invalid request"}, "a timestamp that is not a number")
        if abs(self.clock() - int(timestamp)) > WINDOW:
            raise Refusal(
                401, {"error": "invalid request"}, "timestamp outside the 5-minute window (delay or clock drift)"
            )
        expected = "v0=" + hmac.new(self.secret, b"v0:" + timestamp.encode() + b":" + raw, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace")):
            raise Refusal(401, {"error": "invalid request"}, "bad signature")

    def first_time(self, kind: str, signature: str) -> None:
        try:
            first = deliveries.first_signed_request(self.sessions, Platform.SLACK, signature, datetime.now(UTC))
        except SQLAlchemyError as e:
            if kind != "command":
                raise  # the web app's one line at ERROR and a 500: Slack shows its own error, retries an event
            ref = failure(log, "slack request", e)  # a command still answers in words, as a failing command does
            sorry = Reply.problem(f"Something went wrong on our side and nothing was changed (ref {ref}).")
            raise Refusal(200, _ephemeral(sorry), "the database could not be reached") from None
        if first:
            return
        if kind == "command":
            raise Refusal(200, _ephemeral(Reply.private(ALREADY_RECEIVED)), "a replayed command, not run again")
        raise Refusal(200, None, f"a replayed {kind}, not run again")


# -- reading the request ---------------------------------------------------------------------------------------
def _body(environ: dict[str, Any]) -> bytes:
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        raise Refusal(400, {"error": "bad content length"}, "bad content length") from None
    return environ["wsgi.input"].read(length) if length > 0 else b""


def _is_ssl_check(raw: bytes) -> bool:
    """`ssl_check=1&token=…`: changes nothing and tells the caller nothing, so it needs no signature."""
    if not (raw.startswith(b"ssl_check=") or b"&ssl_check=" in raw) or len(raw) > 1000:
        return False
    return dict(urllib.parse.parse_qsl(raw.decode("latin-1"))).get("ssl_check") == "1"


def _parse(raw: bytes, environ: dict[str, Any]) -> BoltRequest:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise Refusal(400, {"error": "the body is not UTF-8"}, "a body that is not UTF-8") from None
    wsgi = WsgiHttpRequest(environ)
    try:  # Bolt parses the body and extracts its ids here; on a malformed body any step may raise
        req = BoltRequest(body=text, query=wsgi.query_string, headers=wsgi.get_headers())
    except Exception:  # noqa: BLE001 - a body Slack would never send; which way it is broken does not matter
        raise Refusal(400, {"error": "unreadable body"}, "an unreadable body") from None
    if not isinstance(req.body, dict) or not req.body:
        raise Refusal(400, {"error": "expected a Slack request"}, "a body that is not a Slack request")
    if any(not isinstance(req.context.get(k), (str, type(None))) for k in CONTEXT_IDS):
        raise Refusal(400, {"error": "expected a Slack request"}, "ids that are not strings")
    req.body = clean_all(req.body)
    return req


def _check(body: dict[str, Any]) -> str:
    """The kind of request (`command`, `block_actions`, `event`, …) once its shape is one Rounds reads."""
    kind = body.get("type")
    if kind is not None and not isinstance(kind, str):
        raise Refusal(400, {"error": "expected a Slack request"}, "a type that is not a string")
    if "command" in body and kind is None:
        try:
            SlashCommand.model_validate(body)
        except ValidationError as e:
            what = ", ".join(
                sorted(
                    {
                        ("no " if err["type"] == "missing" else "an unreadable ") + str(err["loc"][0])
                        for err in e.errors()
                    }
                )
            )
            reply = Reply.problem(UNREADABLE_COMMAND.format(what=what))
            raise Refusal(200, _ephemeral(reply), "an unreadable command") from None
        return "command"
    if "command" in body:
        raise Refusal(400, {"error": "expected a Slack request"}, "a command with a type")
    if kind == "url_verification":
        if not isinstance(body.get("challenge"), str):
            raise Refusal(400, {"error": "expected a challenge"}, "a url_verification without a challenge")
        return "check"
    if kind in INTERACTIONS:
        interaction = _valid(INTERACTIONS[kind], body, kind)
        _workspace_of(lambda: interaction.team_id, kind)
        if kind == "view_submission" and not isinstance(body["view"].get("callback_id"), str):
            raise Refusal(400, {"error": f"unreadable {kind}"}, f"an unreadable {kind}")
        return kind
    if kind == "event_callback":
        envelope = _valid(EventEnvelope, body, "event")
        _workspace_of(lambda: envelope.team, "event")
        event_type = envelope.event.get("type")
        if not isinstance(event_type, str):
            raise Refusal(400, {"error": "unreadable event"}, "an event without a type")
        if event_type not in EVENTS:
            raise Refusal(200, None, "an event Rounds does not handle")
        model = EVENTS[event_type]
        if model is not None:
            try:
                model.model_validate(envelope.event)
            except ValidationError:  # acknowledged, so Slack does not retry what Rounds will never read
                raise Refusal(200, None, f"an unreadable {event_type} event, acknowledged and ignored") from None
        return "event"
    if kind:
        raise Refusal(200, None, "an interaction Rounds does not handle")  # acknowledged: no error for the person
    raise Refusal(400, {"error": "expected a Slack request"}, "not a Slack request")


def _valid(model: type[BaseModel], body: dict[str, Any], kind: str) -> Any:
    try:
        return model.model_validate(body)
    except ValidationError:
        raise Refusal(400, {"error": f"unreadable {kind}"}, f"an unreadable {kind}") from None


def _workspace_of(team: Callable[[], str], kind: str) -> None:
    """Every row is keyed by a workspace: a request that names none (no team, no enterprise) cannot be handled."""
    try:
        team()
    except ValueError:
        raise Refusal(400, {"error": f"{kind} without a workspace"}, f"a {kind} without a team or enterprise") from None


def _ephemeral(reply: Reply) -> dict[str, Any]:
    return {"response_type": "ephemeral", **render.message(reply)}


def _json(start_response: Callable[..., Any], status: int, body: dict[str, Any] | None) -> list[bytes]:
    data = json.dumps(body).encode() if body is not None else b""
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized"}.get(status, "Error")
    headers = [("Content-Length", str(len(data)))]
    if body is not None:
        headers.append(("Content-Type", "application/json; charset=utf-8"))
    start_response(f"{status} {reason}", headers)
    return [data]
