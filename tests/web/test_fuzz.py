"""A fuzz of the HTTP endpoints: the real WSGI app (Slack and Teams mounted, as `python -m bot web` builds it) over
real HTTP, sent mutated requests, must never answer 5xx — and hostile input is not a worker failure, so nothing
is logged at ERROR either.

Slack's requests are signed exactly as Slack signs them, after mutating, so they get past the signature (a
caller holding the signing secret, or a broken proxy); some mutate the signing headers themselves (a timestamp
that is not a number, stale or missing, a forged signature). Teams' carry a valid Bot Framework token for the
activity's serviceUrl. Mutations start from real shapes — a slash command, a click, a form submission, a message
shortcut, events, Teams messages, invokes and installs — and set any field to any JSON value (text with NUL,
control characters, lone surrogates or 100k characters), delete fields, truncate or splice the bytes (invalid
UTF-8), or replace the whole body. Bounded: a few seconds per endpoint and database (FUZZ_EXAMPLES scales it)."""

from __future__ import annotations

import json
import logging
import os
import time
import urllib.parse
from collections import Counter
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.slack.modals import FormOrigin
from bot.web.app import MAX_BODY
from tests.slack.support import Answer, Workspace, signature
from tests.teams.support import Tenant

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "500"))
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    database=None,  # each run explores afresh; a failure prints the example to reproduce it
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FORM = "application/x-www-form-urlencoded"

# -- what any field may become ------------------------------------------------------------------------------------
HEADER_TEXT = st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=24)
ODD_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(st.characters(max_codepoint=0x1F), max_size=8),  # control characters, NUL included
    st.sampled_from(["", "\x00", "a\x00b", "\ud800", "x\udfffy", "\r\n", "\u202e", "🔴" * 3, "EHR", "green", "G-1"]),
    st.builds(lambda c, n: c * n, st.sampled_from(["x", "\x00", "é", "\x0b"]), st.integers(1_000, 100_000)),
)
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False, allow_infinity=False)
    | ODD_TEXT,
    lambda kids: st.lists(kids, max_size=3) | st.dictionaries(st.text(max_size=6), kids, max_size=3),
    max_leaves=6,
)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in a JSON document a mutation can touch."""
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn, doc: Any) -> Any:
    doc = json.loads(json.dumps(doc))
    for _ in range(draw(st.integers(1, 3))):
        where = paths(doc)
        if not where:
            break
        path = draw(st.sampled_from(where))
        parent = doc
        for step in path[:-1]:
            parent = parent[step]
        if draw(st.booleans()) and isinstance(parent, dict):
            del parent[path[-1]]
        else:
            parent[path[-1]] = draw(JSON)
    return doc


@st.composite
def framed(draw: st.DrawFn, body: bytes) -> bytes:
    """Now and then, break the bytes themselves. Never past the 1 MiB the server reads (it answers 413 without
    reading further, and the client, still writing, may only see the connection close)."""
    how = draw(st.sampled_from(["as is"] * 6 + ["truncate", "splice", "binary", "json", "payload"]))
    if how == "truncate":
        body = body[: draw(st.integers(0, len(body)))]
    elif how == "splice":
        at = draw(st.integers(0, len(body)))
        body = body[:at] + draw(st.binary(min_size=1, max_size=8)) + body[at:]
    elif how == "binary":
        body = draw(st.binary(max_size=200))
    elif how == "json":
        body = json.dumps(draw(JSON)).encode()
    elif how == "payload":
        body = b"payload=" + urllib.parse.quote(draw(st.text(max_size=40)), errors="surrogatepass").encode()
    return body[:MAX_BODY]


def encode_json(draw: st.DrawFn, doc: Any) -> bytes:
    if draw(st.booleans()):
        return json.dumps(doc).encode()
    return json.dumps(doc, ensure_ascii=False).encode("utf-8", "surrogatepass")  # lone surrogates: invalid UTF-8


# -- Slack ----------------------------------------------------------------------------------------------------------
def slack_seeds(ws: Workspace) -> list[tuple[str, Any]]:
    user = {"id": ws.id("sam"), "username": "sam", "name": "sam", "team_id": ws.team_id}
    team = {"id": ws.team_id, "domain": ws.domain}
    channel = {"id": ws.channel("#ehr"), "name": "ehr"}
    origin = FormOrigin(f="risk.raise", ch=ws.channel("#ehr")).dump()
    state = {
        "title": {"title": {"type": "plain_text_input", "value": "Interface engine capacity"}},
        "likelihood": {"likelihood": {"type": "static_select", "selected_option": {"value": "4"}}},
        "owner": {"owner": {"type": "users_select", "selected_user": ws.id("kim")}},
        "review": {"review": {"type": "datepicker", "selected_date": "2026-12-04"}},
    }
    return [
        ("form", ws.command_fields("sam", '/status green "Vendor back on track"')),
        ("form", ws.command_fields("sam", '/risk "Night shift cover" L4 I5 owner:@kim')),
        ("form", ws.command_fields("pat", "/pmo export risks xlsx")),
        (
            "payload",
            {
                "type": "block_actions",
                "team": team,
                "user": user,
                "channel": channel,
                "container": {"type": "message", "message_ts": "1.2", "channel_id": channel["id"]},
                "trigger_id": ws.trigger(),
                "response_url": ws.response_url(),
                "actions": [{"type": "button", "action_id": "status.show", "block_id": "b", "value": "cmd:/status"}],
            },
        ),
        (
            "payload",
            {
                "type": "view_submission",
                "team": team,
                "user": user,
                "trigger_id": ws.trigger(),
                "view": {
                    "id": "V1",
                    "type": "modal",
                    "callback_id": "rounds.form",
                    "private_metadata": origin,
                    "state": {"values": state},
                },
            },
        ),
        (
            "payload",
            {
                "type": "message_action",
                "callback_id": "raise_as_risk",
                "team": team,
                "user": user,
                "channel": channel,
                "trigger_id": ws.trigger(),
                "response_url": ws.response_url(),
                "message": {"type": "message", "user": ws.id("kim"), "ts": "1.2", "text": "Scanner down on 4 West"},
            },
        ),
        ("json", ws.envelope({"type": "app_home_opened", "user": ws.id("sam"), "tab": "home"})),
        (
            "json",
            ws.envelope(
                {
                    "type": "message",
                    "channel": "D" + ws.team_id[1:],
                    "user": ws.id("kim"),
                    "text": "Booked for Thursday",
                    "ts": "1700000001.000200",
                    "thread_ts": "1700000000.000100",
                    "channel_type": "im",
                }
            ),
        ),
        ("json", ws.envelope({"type": "tokens_revoked", "tokens": {"oauth": [ws.id("sam")]}})),
        (
            "json",
            {
                "token": "x",
                "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                "type": "url_verification",
            },
        ),
    ]


@st.composite
def slack_request(draw: st.DrawFn, ws: Workspace, seeds: list[tuple[str, Any]]) -> tuple[bytes, dict[str, str]]:
    shape, seed = draw(st.sampled_from(seeds))
    if shape == "form":
        fields = dict(seed)
        for _ in range(draw(st.integers(0, 2))):
            key = draw(st.sampled_from([*sorted(fields), "text", "extra"]))
            if draw(st.booleans()):
                fields.pop(key, None)
            else:
                fields[key] = draw(ODD_TEXT)
        fields["trigger_id"] = f"{draw(st.integers(10**12, 10**13))}.trigger"  # a fresh command, not a replay
        body = urllib.parse.urlencode(fields, errors="surrogatepass").encode()
        content_type = FORM
    elif shape == "payload":
        doc = draw(mutated(seed))
        body = b"payload=" + urllib.parse.quote(encode_json(draw, doc)).encode()
        content_type = FORM
    else:
        doc = draw(mutated(seed)) if draw(st.integers(0, 3)) else dict(seed)
        if "event_id" in doc:
            doc["event_id"] = f"Ev{draw(st.integers(10**12, 10**13))}"  # a fresh delivery, not Slack's retry
        body = encode_json(draw, doc)
        content_type = "application/json"
    body = draw(framed(body))
    content_type = draw(st.sampled_from([content_type] * 4 + ["text/plain", "application/json; charset=utf-8", ""]))
    timestamp = str(int(time.time()))
    which = draw(st.sampled_from(["signed"] * 12 + ["odd timestamp", "stale", "no timestamp", "forged"]))
    if which == "odd timestamp":
        timestamp = draw(HEADER_TEXT)
    elif which == "stale":
        timestamp = str(int(time.time()) - draw(st.integers(301, 10**9)))
    headers = {"Content-Type": content_type, "X-Slack-Request-Timestamp": timestamp}
    headers["X-Slack-Signature"] = draw(HEADER_TEXT) if which == "forged" else signature(ws.secret, timestamp, body)
    if which == "no timestamp":
        del headers["X-Slack-Request-Timestamp"]
    if draw(st.integers(0, 9)) == 0:
        headers["X-Slack-Retry-Num"] = draw(HEADER_TEXT)
    return body, headers


def test_fuzz_slack_events_never_answers_5xx(slack: Workspace, caplog: pytest.LogCaptureFixture) -> None:
    seeds = slack_seeds(slack)
    statuses: Counter[int] = Counter()

    @SETTINGS
    @given(request=slack_request(slack, seeds))
    def one(request: tuple[bytes, dict[str, str]]) -> None:
        body, headers = request
        answer: Answer = slack.send(body, headers)
        statuses[answer.status] += 1
        assert answer.status < 500, (answer.status, answer.raw[:200], body[:300], headers)

    with caplog.at_level(logging.INFO):
        one()
    assert sum(statuses.values()) >= EXAMPLES
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    print(f"\nslack fuzz: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}")


# -- Teams ---------------------------------------------------------------------------------------------------------
def teams_seeds(t: Tenant) -> list[dict[str, Any]]:
    data = {"rounds": "click", "action": "status.show", "command": "/status EHR", "value": "EHR"}
    form = {"rounds": "submit", "form": "risk.raise", "context": {"project": "EHR"}, "in_title": "Scanner down"}
    return [
        t.message("sam", "help", where=None),
        t.message("sam", 'status EHR green "Vendor back on track"', "#ehr"),
        t.message("dana", "risk list", where=None, value=data),
        t.invoke("dana", data),
        t.invoke("sam", form, "#ehr"),
        t.installation("#pmo"),
    ]


@st.composite
def teams_request(draw: st.DrawFn, t: Tenant, seeds: list[dict[str, Any]]) -> tuple[bytes, str | None]:
    doc = draw(mutated(draw(st.sampled_from(seeds))))
    if isinstance(doc, dict):
        doc["id"] = str(draw(st.integers(10**12, 10**13)))  # a fresh activity id, so it is not deduplicated
    body = draw(framed(encode_json(draw, doc)))
    service_url = doc.get("serviceUrl") if isinstance(doc, dict) else None
    if not isinstance(service_url, str) or service_url != t.service_url:
        service_url = t.service_url  # the token is for the tenant: a changed serviceUrl must be refused
    token = draw(st.sampled_from(["valid"] * 10 + ["none", "forged"]))
    if token == "valid":
        return body, t.bf.token(app_id=t.app_id, service_url=service_url)
    return body, (None if token == "none" else draw(HEADER_TEXT))


def test_fuzz_teams_messages_never_answers_5xx(teams: Tenant, caplog: pytest.LogCaptureFixture) -> None:
    teams.ok("sam", 'project create EHR "EHR Upgrade" pm:@sam sponsor:@dana', "#ehr")
    seeds = teams_seeds(teams)
    statuses: Counter[int] = Counter()

    @SETTINGS
    @given(request=teams_request(teams, seeds))
    def one(request: tuple[bytes, str | None]) -> None:
        body, token = request
        answer = teams.post_raw(body, token=token or False)
        statuses[answer.status] += 1
        assert answer.status < 500, (answer.status, answer.raw[:200], body[:300])

    with caplog.at_level(logging.INFO):
        one()
    assert sum(statuses.values()) >= EXAMPLES
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    print(f"\nteams fuzz: {sum(statuses.values())} requests, statuses {dict(sorted(statuses.items()))}")
