"""A Slack workspace talking to the real Rounds web process, over HTTP, signed exactly as Slack signs.

    ehr.command("sam", '/gate request "Go-live" approvers:@dana')    # a slash command; its ack comes back
    card = ehr.posted("#ehr")[-1]                                      # what Rounds posted there (fake Web API)
    ehr.click("dana", card, "Approve")                                 # a button, as block_actions
    modal = ehr.opened()                                               # the modal views.open showed
    ehr.submit("dana", modal, reason="Downtime drill not done")        # a view_submission

People are named (`sam`, `dana`, …) and get Slack ids of this workspace; channels are named (`#ehr`) and
get channel ids; mentions in commands are written `@dana` and sent escaped (`<@U…|dana>`), as Slack does
with should_escape."""

from __future__ import annotations

import hashlib
import hmac
import itertools
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.fakes.slack_api import Call, FakeSlackAPI, message_problems

SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5"
BOT_TOKEN = "xoxb-rounds-test-0001"

TEAM = {
    "pat": ("Pat Okafor", "America/Toronto"),
    "sam": ("Sam Rivera", "America/Toronto"),
    "dana": ("Dana Whitfield", "America/Vancouver"),
    "maria": ("Maria Santos", "America/Toronto"),
    "kim": ("Kim Nguyen", "America/Toronto"),
    "alex": ("Alex Moreau", "Europe/London"),
}


def signature(secret: str, timestamp: str, body: bytes) -> str:
    """Slack's v0 request signature: HMAC-SHA256 over "v0:{timestamp}:{raw body}" with the signing secret."""
    return "v0=" + hmac.new(secret.encode(), b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()


@dataclass
class Answer:
    """Rounds' HTTP answer to one request."""

    status: int
    raw: bytes
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> dict[str, Any]:
        return json.loads(self.raw) if self.raw.strip().startswith(b"{") else {}

    @property
    def text(self) -> str:
        return shown(self.body) if self.body else self.raw.decode()

    @property
    def public(self) -> bool:
        return self.body.get("response_type") == "in_channel"

    @property
    def refused(self) -> bool:
        return self.text.lstrip().startswith("⚠️")


def shown(message: dict[str, Any]) -> str:
    """What a person reads in a Slack message: the blocks' text, fields and buttons (or the fallback text)."""
    lines: list[str] = []
    for b in message.get("blocks") or []:
        if b["type"] in ("header", "section") and b.get("text"):
            lines.append(b["text"]["text"])
        lines += [f["text"] for f in b.get("fields") or []]
        if b["type"] == "context":
            lines += [e.get("text", "") for e in b["elements"]]
        if b["type"] == "actions":
            for e in b["elements"]:
                if e["type"] == "overflow":  # "…", and what it holds
                    lines.append("[… " + " | ".join(o["text"]["text"] for o in e["options"]) + "]")
                else:
                    lines.append(f"[{e['text']['text']}]")
        if b["type"] == "table":  # a row as "cell | cell | …"
            lines += [" | ".join(_cell(c) for c in row) for row in b["rows"]]
    return "\n".join(lines) if lines else str(message.get("text", ""))


def _cell(cell: dict[str, Any]) -> str:
    if cell["type"] == "raw_text":
        text = str(cell["text"])
    else:
        text = "".join(e.get("text", "") for section in cell.get("elements", []) for e in section.get("elements", []))
    return text.replace("\u200b", "")  # a blank cell's zero-width space


@dataclass
class Message:
    """Something Rounds posted (or updated) in a channel or DM, as the fake Web API received it."""

    channel: str
    ts: str
    blocks: list[dict[str, Any]]
    text: str

    @classmethod
    def of(cls, call: Call) -> Message:
        channel = call.answer.get("channel") or call.get("channel", "")
        ts = call.answer.get("ts") or call.get("ts", "")
        return cls(channel=channel, ts=ts, blocks=call.get("blocks") or [], text=call.get("text", ""))

    @property
    def shown(self) -> str:
        return shown({"blocks": self.blocks, "text": self.text})

    def button(self, label: str) -> tuple[str, dict[str, Any]]:
        """The button titled `label`, or the overflow menu holding an option of that name."""
        for b in self.blocks:
            for e in b.get("elements", []) if b["type"] == "actions" else []:
                if e["type"] == "button" and e["text"]["text"] == label:
                    return b.get("block_id") or "actions", e
                if e["type"] == "overflow" and any(o["text"]["text"] == label for o in e["options"]):
                    return b.get("block_id") or "actions", e
        raise AssertionError(f"no button {label!r} in:\n{self.shown}")

    @property
    def buttons(self) -> list[str]:
        """The titles of the buttons shown whole in their rows (not what waits in an overflow menu)."""
        return [
            e["text"]["text"]
            for b in self.blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["type"] == "button"
        ]

    @property
    def menu(self) -> list[str]:
        """What the rows' overflow menus ("…") hold."""
        return [
            o["text"]["text"]
            for b in self.blocks
            if b["type"] == "actions"
            for e in b["elements"]
            if e["type"] == "overflow"
            for o in e["options"]
        ]


class Workspace:
    def __init__(self, web_url: str, fake: FakeSlackAPI, team_id: str, *, secret: str = SIGNING_SECRET) -> None:
        self.url = web_url.rstrip("/") + "/slack/events"
        self.fake = fake
        self.team_id = team_id
        self.domain = f"hosp-{team_id.lower()}"
        self.secret = secret
        self.start = fake.mark()
        self._triggers = itertools.count(1)
        self.last_response_url: str | None = None
        self.last_sent: tuple[bytes, dict[str, str]] = (b"", {})
        self.people: dict[str, str] = {}
        for name, (real, tz) in TEAM.items():
            self.people[name] = user_id = f"U{team_id[1:]}{name.upper()}"
            fake.add_user(user_id, name, real, tz=tz, team_id=team_id)

    # -- names and ids ------------------------------------------------------------------------------
    def id(self, who: str) -> str:
        return self.people[who]

    def name_of(self, user_id: str) -> str:
        return next(name for name, uid in self.people.items() if uid == user_id)

    def channel(self, name: str | None) -> str:
        if name is None:
            return "D" + self.team_id[1:]
        return f"C{self.team_id[1:]}{re.sub(r'[^A-Z0-9]', '', name.upper())}"

    def mentions(self, line: str) -> str:
        """`@dana` as Slack sends it with should_escape: `<@U…|dana>`."""
        return re.sub(
            r"@(\w+)",
            lambda m: f"<@{self.people[m.group(1)]}|{m.group(1)}>" if m.group(1) in self.people else m.group(0),
            line,
        )

    def _user(self, who: str) -> dict[str, str]:
        return {"id": self.people[who], "username": who, "name": who, "team_id": self.team_id}

    def _team(self) -> dict[str, str]:
        return {"id": self.team_id, "domain": self.domain}

    # -- HTTP, signed as Slack signs ------------------------------------------------------------------
    def post(
        self,
        body: bytes,
        content_type: str,
        *,
        timestamp: int | None = None,
        secret: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> Answer:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        sent = {
            "Content-Type": content_type,
            "X-Slack-Request-Timestamp": ts,
            "X-Slack-Signature": signature(secret or self.secret, ts, body),
            **(headers or {}),
        }
        self.last_sent = (body, sent)
        return self.send(body, sent)

    def replay(self) -> Answer:
        """The last request again, byte for byte, signature and all (as an attacker or a confused proxy would)."""
        return self.send(*self.last_sent)

    def send(self, body: bytes, sent: dict[str, str]) -> Answer:
        req = urllib.request.Request(self.url, data=body, headers=sent, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=15) as resp:
                return Answer(resp.status, resp.read(), dict(resp.headers))
        except urllib.error.HTTPError as e:
            return Answer(e.code, e.read(), dict(e.headers))

    def post_form(self, fields: dict[str, str], **kw: Any) -> Answer:
        return self.post(urllib.parse.urlencode(fields).encode(), "application/x-www-form-urlencoded", **kw)

    def post_interaction(self, payload: dict[str, Any], **kw: Any) -> Answer:
        return self.post_form({"payload": json.dumps(payload)}, **kw)

    def post_event(self, event: dict[str, Any], *, event_id: str | None = None, retry: int | None = None) -> Answer:
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return self.post(json.dumps(self.envelope(event, event_id)).encode(), "application/json", headers=headers)

    def envelope(self, event: dict[str, Any], event_id: str | None = None) -> dict[str, Any]:
        """An Events API delivery of `event`, as Slack wraps it."""
        return {
            "token": "legacy-verification-token",
            "team_id": self.team_id,
            "api_app_id": "AROUNDS",
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev{uuid.uuid4().hex[:12].upper()}",
            "event_time": int(time.time()),
            "authorizations": [{"team_id": self.team_id, "user_id": "UBOTROUNDS", "is_bot": True}],
        }

    # -- what people do ----------------------------------------------------------------------------------
    def command_fields(self, who: str, line: str, channel: str | None = "#ehr") -> dict[str, str]:
        """A slash command's form fields, as Slack sends them."""
        command, _, text = line.partition(" ")
        return {
            "token": "legacy",
            "team_id": self.team_id,
            "team_domain": self.domain,
            "channel_id": self.channel(channel),
            "channel_name": channel.lstrip("#") if channel else "directmessage",
            "user_id": self.people[who],
            "user_name": who,
            "command": command,
            "text": self.mentions(text),
            "api_app_id": "AROUNDS",
            "is_enterprise_install": "false",
            "response_url": self.response_url(),
            "trigger_id": self.trigger(),
        }

    def command(self, who: str, line: str, channel: str | None = "#ehr") -> Answer:
        answer = self.post_form(self.command_fields(who, line, channel))
        assert answer.status == 200, f"{line!r} answered HTTP {answer.status}: {answer.raw[:200]!r}"
        if answer.body:
            assert message_problems(answer.body) == [], message_problems(answer.body)
        return answer

    def ok(self, who: str, line: str, channel: str | None = "#ehr") -> Answer:
        answer = self.command(who, line, channel)
        assert not answer.refused, f"{line!r} was refused: {answer.text}"
        return answer

    def refused(self, who: str, line: str, channel: str | None = "#ehr") -> Answer:
        answer = self.command(who, line, channel)
        assert answer.refused and not answer.public, f"{line!r} was not refused privately: {answer.text}"
        return answer

    def click(self, who: str, message: Message, label: str, *, home: bool = False) -> Answer:
        """Tap the button titled `label`; or, when it waits in an overflow menu, open the "…" and choose it
        (Slack then sends the option chosen, not a button's value)."""
        block_id, element = message.button(label)
        if element["type"] == "overflow":
            option = next(o for o in element["options"] if o["text"]["text"] == label)
            action: dict[str, Any] = {"type": "overflow", "selected_option": option}
        else:
            action = {"type": "button", "value": element.get("value"), "text": element["text"]}
        payload: dict[str, Any] = {
            "type": "block_actions",
            "team": self._team(),
            "user": self._user(who),
            "api_app_id": "AROUNDS",
            "token": "legacy",
            "trigger_id": self.trigger(),
            "actions": [
                action | {"action_id": element["action_id"], "block_id": block_id, "action_ts": str(time.time())}
            ],
        }
        if home:
            payload |= {
                "container": {"type": "view", "view_id": "VHOME"},
                "view": {
                    "id": "VHOME",
                    "type": "home",
                    "callback_id": "rounds.home",
                    "blocks": message.blocks,
                    "private_metadata": "",
                    "state": {"values": {}},
                },
            }
        else:
            payload |= {
                "container": {
                    "type": "message",
                    "message_ts": message.ts,
                    "channel_id": message.channel,
                    "is_ephemeral": False,
                },
                "channel": {"id": message.channel, "name": "channel"},
                "message": {"ts": message.ts, "blocks": message.blocks},
                "response_url": self.response_url(),
            }
        answer = self.post_interaction(payload)
        assert answer.status == 200, answer
        return answer

    def submit(self, who: str, modal: Call, **values: Any) -> Answer:
        """Fill in a modal Rounds opened and submit it: named fields get `values` (names of people become their
        ids), the rest keep what the modal showed at first."""
        view = modal["view"]
        state: dict[str, dict[str, Any]] = {}
        for block in view["blocks"]:
            if block["type"] != "input":
                continue
            element = block["element"]
            name = block["block_id"]
            state[name] = {element["action_id"]: self._state(element, values.get(name, _initial(element)))}
        payload = {
            "type": "view_submission",
            "team": self._team(),
            "user": self._user(who),
            "api_app_id": "AROUNDS",
            "token": "legacy",
            "trigger_id": self.trigger(),
            "view": {**view, "id": "VMODAL", "state": {"values": state}, "hash": "1.abc"},
        }
        answer = self.post_interaction(payload)
        assert answer.status == 200, answer
        return answer

    def _state(self, element: dict[str, Any], value: Any) -> dict[str, Any]:
        kind = element["type"]
        if kind == "static_select":
            chosen = next((o for o in element["options"] if o["value"] == value), None)
            return {"type": kind, "selected_option": chosen}
        if kind == "users_select":
            return {"type": kind, "selected_user": self.people.get(value, value) if value else None}
        if kind == "multi_users_select":
            return {"type": kind, "selected_users": [self.people.get(v, v) for v in value or []]}
        if kind == "datepicker":
            return {"type": kind, "selected_date": value}
        return {"type": kind, "value": value}

    def shortcut(self, who: str, text: str, channel: str = "#ehr", callback_id: str = "raise_as_risk") -> Answer:
        ch = self.channel(channel)
        answer = self.post_interaction(
            {
                "type": "message_action",
                "callback_id": callback_id,
                "team": self._team(),
                "user": self._user(who),
                "channel": {"id": ch, "name": channel.lstrip("#")},
                "trigger_id": self.trigger(),
                "token": "legacy",
                "message_ts": "1700000000.000100",
                "response_url": self.response_url(),
                "message": {"type": "message", "user": self.people["kim"], "ts": "1700000000.000100", "text": text},
            }
        )
        assert answer.status == 200, answer
        return answer

    def opens_home(self, who: str) -> Answer:
        return self.post_event(
            {
                "type": "app_home_opened",
                "user": self.people[who],
                "channel": self.channel(None),
                "tab": "home",
                "event_ts": str(time.time()),
            }
        )

    def replies_in_thread(self, who: str, message: Message, text: str, **extra: Any) -> Answer:
        event = {
            "type": "message",
            "channel": message.channel,
            "user": self.people[who],
            "text": text,
            "ts": f"{time.time():.6f}",
            "thread_ts": message.ts,
            "channel_type": "im",
            "event_ts": str(time.time()),
            **extra,
        }
        return self.post_event({k: v for k, v in event.items() if v is not None})

    def response_url(self) -> str:
        self.last_response_url = self.fake.response_url()
        return self.last_response_url

    def trigger(self) -> str:
        return f"{next(self._triggers)}.{int(time.time())}.{uuid.uuid4().hex[:16]}"

    # -- what Rounds did in Slack (the fake Web API's record) -------------------------------------------
    def mine(self, call: Call) -> bool:
        """A call about this workspace (other tests' background sends may still be arriving)."""
        about = [str(call.params.get(k, "")) for k in ("channel", "user", "user_id", "users")]
        return not any(about) or any(a[1:].startswith(self.team_id[1:]) for a in about if a)

    def calls(self, method: str, **match: Any) -> list[Call]:
        return self.fake.calls_to(method, since=self.start, where=self.mine, **match)

    def wait_for(self, method: str, count: int = 1, **match: Any) -> list[Call]:
        return self.fake.wait_for(method, since=self.start, count=count, where=self.mine, **match)

    def posted(self, where: str, count: int = 1) -> list[Message]:
        """Messages Rounds posted to `#channel` or to `@person`'s DM (waits for the background send)."""
        channel = self.people[where[1:]] if where.startswith("@") else self.channel(where)
        return [Message.of(c) for c in self.wait_for("chat.postMessage", count=count, channel=channel)]

    def updates(self, count: int = 1, **match: Any) -> list[Call]:
        return self.wait_for("chat.update", count=count, **match)

    def opened(self, count: int = 1) -> Call:
        """The latest modal Rounds opened (views.open)."""
        return self.wait_for("views.open", count=count)[-1]

    def told(self, count: int = 1) -> list[dict[str, Any]]:
        """What the person was told through the response URL of their last command, click or shortcut."""
        return [c.params for c in self.wait_for("response_url", count=count, _url=self.last_response_url)]

    def said(self, count: int = 1) -> str:
        """The last thing they were told, as they read it."""
        return shown(self.told(count)[-1])


def _initial(element: dict[str, Any]) -> Any:
    if element["type"] == "static_select":
        return (element.get("initial_option") or {}).get("value")
    if element["type"] == "multi_users_select":
        return element.get("initial_users")
    return element.get("initial_value") or element.get("initial_user") or element.get("initial_date")
