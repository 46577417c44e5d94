"""Teams' route on Rounds' web server: `POST /api/messages`, where the Bot Framework delivers activities.

The request is authenticated (auth.py) before its body is looked at beyond the two fields the check needs;
then every string in it is cleaned, it is read with the Teams SDK's models (a body that is not an activity: 400),
and it is handled on the request's own thread; its answer is the HTTP response: an empty 200 for messages
(replies go out through the outbox), the next card for an Adaptive Card invoke. A failure while handling it is
one line at ERROR and a plain "something went wrong" to the person (bot.py), never a 500 with a stack trace."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from bot.runtime import Runtime
from bot.teams.activity import Inbound, NotAnActivity, parse
from bot.teams.app import TeamsApp, create_app
from bot.teams.auth import Unauthorized
from bot.teams.config import TeamsConfig
from bot.web.routes import Mount, Route
from commands.grammar.clean import clean_all

log = logging.getLogger("rounds.teams")

MESSAGES = "/api/messages"


def mount(rt: Runtime) -> Mount | None:
    config = TeamsConfig.from_settings(rt.settings)
    if config is None:
        return None
    teams = create_app(rt, config)
    return Mount(
        name="teams", routes=[Route("POST", MESSAGES, Endpoint(teams))], close=teams.close, health=teams.health
    )


class Endpoint:
    def __init__(self, teams: TeamsApp) -> None:
        self.teams = teams

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return _json(start_response, 400, {"error": "bad content length"})
        raw = environ["wsgi.input"].read(length) if length > 0 else b""
        try:
            fields = json.loads(raw)
        except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested beyond reason
            fields = None
        if not isinstance(fields, dict):
            return _json(start_response, 400, {"error": "expected an activity (JSON)"})
        if self.teams.auth is not None:
            try:
                self.teams.auth.verify(
                    environ.get("HTTP_AUTHORIZATION"), _str(fields.get("serviceUrl")), _str(fields.get("channelId"))
                )
            except Unauthorized as e:
                log.warning("Teams request refused (401): %s", e)
                return _json(start_response, 401, {"error": "unauthorized"})
            if fields.get("channelId") != "msteams":
                return _json(start_response, 400, {"error": "only Microsoft Teams activities are handled here"})
        try:  # every string cleaned first (commands/grammar/clean.py): no NUL, no control characters, no lone surrogates
            inbound = Inbound(parse(json.dumps(clean_all(fields)).encode()))
        except NotAnActivity:
            return _json(start_response, 400, {"error": "not an activity Rounds understands"})
        if not inbound.fits:
            return _json(start_response, 400, {"error": "not an activity Rounds understands"})
        answer = self.teams.bot.answer(inbound)
        return _json(start_response, answer.status, answer.body)


def _str(v: object) -> str | None:
    return v if isinstance(v, str) else None


def _json(start_response: Callable[..., Any], status: int, body: dict[str, Any] | None) -> list[bytes]:
    data = json.dumps(body).encode() if body is not None else b""
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 403: "Forbidden"}.get(status, "OK")
    headers = [("Content-Length", str(len(data)))]
    if body is not None:
        headers.append(("Content-Type", "application/json; charset=utf-8"))
    start_response(f"{status} {reason}", headers)
    return [data]
