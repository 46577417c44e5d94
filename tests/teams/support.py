"""A Microsoft Teams tenant talking to the real Rounds web app over HTTP, as Teams does.

    ehr.ok("sam", 'status EHR amber "Vendor slipped"')        # @Rounds in #ehr; the reply Rounds posted
    ehr.dm("dana", "gate G-1")                                 # in Dana's 1:1 chat with Rounds
    card = ehr.posted("@dana")[-1]                             # what Rounds sent there (fake Bot Connector)
    after = ehr.click("dana", card, "Approve")                 # Action.Execute: the card in the invoke answer
    ehr.fill("dana", after, reason="Staffing plan missing")    # a form card's inputs, then its Submit

People have Entra ids (aadObjectId), Bot Connector ids (`29:…`) and sign-in names; channels have Teams
ids; every activity is signed by the fake Bot Framework (an RS256 JWT whose serviceurl claim is the
activity's serviceUrl). Activities are shaped like the Bot Framework's (ids and texts our own)."""

from __future__ import annotations

import itertools
import json
import re
import threading
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from tests.fakes.bot_connector import Call, FakeBotConnector
from tests.slack.support import TEAM  # the same people, with their time zones

APP_ID = "3f1f7a8e-5b2c-4d6e-9a0b-1c2d3e4f5a6b"
BOT_ID = f"28:{APP_ID}"
BOT_NAME = "Rounds"


# -- the real WSGI app on an ephemeral port -------------------------------------------------------------
class _Server(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _Quiet(WSGIRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


class WebServer:
    """Rounds' WebApp (every platform route, /healthz, /metrics) served on 127.0.0.1 by a threaded server."""

    def __init__(self, app: Any) -> None:
        self.app = app
        self._server = make_server("127.0.0.1", 0, app, server_class=_Server, handler_class=_Quiet)
        self._thread = threading.Thread(target=self._server.serve_forever, name="rounds-web-test", daemon=True)
        self._thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self.app.close()


# -- what came back ---------------------------------------------------------------------------------------
@dataclass
class Answer:
    status: int
    raw: bytes

    @property
    def body(self) -> Any:
        return json.loads(self.raw) if self.raw.strip() else None


@dataclass
class Card:
    """A card someone sees: its JSON, and which Teams message it is (for clicks on it)."""

    content: dict[str, Any]
    conversation: str
    activity_id: str

    @classmethod
    def of(cls, call: Call) -> Card:
        return cls(call.card, call.conversation, call.activity_id)

    @property
    def text(self) -> str:
        return shown(self.content)

    @property
    def buttons(self) -> list[str]:
        return [a["title"] for a in _actions(self.content)]

    def action(self, label: str) -> dict[str, Any]:
        for a in _actions(self.content):
            if a["title"] == label:
                return a
        raise AssertionError(f"no button {label!r} on:\n{self.text}")

    @property
    def inputs(self) -> dict[str, dict[str, Any]]:
        return {e["id"]: e for e in _walk(self.content.get("body", [])) if e.get("type", "").startswith("Input.")}

    @property
    def refused(self) -> bool:
        return any(b.get("color") == "Attention" for b in _walk(self.content.get("body", [])))


def _walk(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for e in elements:
        out.append(e)
        out += _walk(e.get("items", []))
        out += _walk(e.get("rows", []) if e.get("type") == "Table" else [])  # a table's cells, row by row
        out += _walk(e.get("cells", []))
    return out


def _actions(card: dict[str, Any]) -> list[dict[str, Any]]:
    """Every button a person can tap, those under "More…" (an Action.ShowCard) where that button is."""
    found = [a for e in _walk(card.get("body", [])) if e.get("type") == "ActionSet" for a in e["actions"]]
    return _open(found + list(card.get("actions", [])))


def _open(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for a in actions:
        out += _actions(a["card"]) if a.get("type") == "Action.ShowCard" else [a]
    return out


def shown(card: dict[str, Any]) -> str:
    """What a person reads on a card: its text blocks, facts and buttons."""
    lines: list[str] = []
    for e in _walk(card.get("body", [])):
        if e.get("type") == "TextBlock":
            lines.append(e["text"])
        elif e.get("type") == "FactSet":
            lines += [f"{f['title']}: {f['value']}" for f in e["facts"]]
        elif e.get("type") == "ActionSet":
            lines += [f"[{a['title']}]" for a in _open(e["actions"])]
        elif e.get("type", "").startswith("Input."):
            lines.append(f"<{e.get('label', e['id'])}>")
    lines += [f"[{a['title']}]" for a in _open(card.get("actions", []))]
    return "\n".join(lines)


# -- a tenant ------------------------------------------------------------------------------------------------
@dataclass
class Person:
    name: str
    aad: str
    user_id: str
    upn: str
    tz: str

    @property
    def chat(self) -> str:
        return f"a:personal-{self.user_id}"


@dataclass
class Tenant:
    web_url: str
    bf: FakeBotConnector
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    app_id: str = APP_ID

    def __post_init__(self) -> None:
        self.url = self.web_url.rstrip("/") + "/api/messages"
        self.service_url = self.bf.service_url(self.id)
        self.team_id = f"19:team{uuid.uuid4().hex[:12]}@thread.tacv2"
        self.people: dict[str, Person] = {}
        for short, (name, tz) in TEAM.items():
            aad = str(uuid.uuid4())
            user_id = f"29:1{uuid.uuid4().hex}{short}"
            upn = f"{name.lower().replace(' ', '.')}@hospital.example"
            self.people[short] = Person(name, aad, user_id, upn, tz)
            self.bf.add_member(user_id, aad=aad, name=name, upn=upn, tenant=self.id)
        self._ids = itertools.count(1_800_000_000_001)
        self.start = self.bf.mark()
        self.last_conversation: str | None = None

    # -- names and ids ------------------------------------------------------------------------------------------
    def channel(self, name: str) -> str:
        return f"19:{re.sub(r'[^a-z0-9]', '', name.lower())}{self.id[:8]}@thread.tacv2"

    def where(self, place: str) -> str:
        """`#ehr` → the channel's id; `@dana` → Dana's 1:1 chat with Rounds."""
        return self.people[place[1:]].chat if place.startswith("@") else self.channel(place)

    def _from(self, who: str) -> dict[str, Any]:
        p = self.people[who]
        return {"id": p.user_id, "name": p.name, "aadObjectId": p.aad}

    def _envelope(self, who: str, conversation: dict[str, Any], **extra: Any) -> dict[str, Any]:
        p = self.people[who]
        channel_data: dict[str, Any] = {"tenant": {"id": self.id}}
        if conversation.get("conversationType") == "channel":
            base = conversation["id"].split(";", 1)[0]
            channel_data |= {
                "teamsChannelId": base,
                "teamsTeamId": self.team_id,
                "channel": {"id": base},
                "team": {"id": self.team_id},
            }
        return {
            "channelId": "msteams",
            "id": str(next(self._ids)),
            "serviceUrl": self.service_url,
            "timestamp": "2026-11-23T15:00:00.000Z",
            "from": self._from(who),
            "conversation": conversation,
            "recipient": {"id": BOT_ID, "name": BOT_NAME},
            "channelData": channel_data,
            "locale": "en-US",
            "entities": [
                {"type": "clientInfo", "locale": "en-US", "country": "CA", "platform": "Web", "timezone": p.tz}
            ],
            **extra,
        }

    def _conversation(self, who: str, where: str | None, thread: str | None = None) -> dict[str, Any]:
        if where is None or where.startswith("@"):
            return {"conversationType": "personal", "id": self.people[who].chat, "tenantId": self.id}
        root = thread or str(next(self._ids))
        return {
            "conversationType": "channel",
            "isGroup": True,
            "id": f"{self.channel(where)};messageid={root}",
            "tenantId": self.id,
        }

    # -- HTTP, signed as the Bot Framework signs -------------------------------------------------------------------
    def post(self, activity: dict[str, Any], *, token: str | bool | None = True) -> Answer:
        return self.post_raw(json.dumps(activity).encode(), token=token, service_url=activity["serviceUrl"])

    def post_raw(self, raw: bytes, *, token: str | bool | None = True, service_url: str | None = None) -> Answer:
        """Any bytes at all, with a valid Bot Framework token for `service_url` (the tenant's, by default)."""
        if token is True:
            token = self.bf.token(app_id=self.app_id, service_url=service_url or self.service_url)
        headers = {"Content-Type": "application/json"} | ({"Authorization": f"Bearer {token}"} if token else {})
        req = urllib.request.Request(self.url, data=raw, headers=headers, method="POST")
        try:
            with urllib.request.urlopen(req, timeout=20) as resp:
                return Answer(resp.status, resp.read())
        except urllib.error.HTTPError as e:
            return Answer(e.code, e.read())

    # -- what people do ----------------------------------------------------------------------------------------------
    def message(
        self, who: str, text: str, where: str | None = "#ehr", *, mention_bot: bool = True, **extra: Any
    ) -> dict[str, Any]:
        """A message activity: in a channel it starts with `<at>Rounds</at>`; `@dana` becomes Dana's mention."""
        conversation = self._conversation(who, where)
        entities: list[dict[str, Any]] = []
        if conversation["conversationType"] == "channel" and mention_bot:
            text = f"<at>{BOT_NAME}</at> {text}"
            entities.append(
                {"type": "mention", "text": f"<at>{BOT_NAME}</at>", "mentioned": {"id": BOT_ID, "name": BOT_NAME}}
            )

        def at(m: re.Match[str]) -> str:
            p = self.people[m.group(1)]
            entities.append(
                {"type": "mention", "text": f"<at>{p.name}</at>", "mentioned": {"id": p.user_id, "name": p.name}}
            )
            return f"<at>{p.name}</at>"

        text = re.sub(r"@(" + "|".join(self.people) + r")\b", at, text)
        activity = self._envelope(who, conversation, type="message", text=text, textFormat="plain", **extra)
        activity["entities"] = entities + activity["entities"]
        return activity

    def say(self, who: str, text: str, where: str | None = "#ehr", **kw: Any) -> Answer:
        activity = self.message(who, text, where, **kw)
        self.last_conversation = activity["conversation"]["id"]
        self.start_of_turn = self.bf.mark()
        answer = self.post(activity)
        assert answer.status == 200, f"{text!r} answered HTTP {answer.status}: {answer.raw[:300]!r}"
        return answer

    def reply(self) -> Card:
        """What Rounds answered to the last thing said (in the same chat or thread)."""
        return Card.of(self.bf.wait_for("send", since=self.start_of_turn, conversation=self.last_conversation)[-1])

    def ok(self, who: str, text: str, where: str | None = "#ehr") -> Card:
        self.say(who, text, where)
        card = self.reply()
        assert not card.refused, f"{text!r} was refused: {card.text}"
        return card

    def refused(self, who: str, text: str, where: str | None = "#ehr") -> Card:
        self.say(who, text, where)
        card = self.reply()
        assert card.refused, f"{text!r} was not refused: {card.text}"
        return card

    def dm(self, who: str, text: str) -> Card:
        return self.ok(who, text, where=None)

    def install(self, where: str = "#ehr", who: str = "pat") -> Answer:
        """Rounds added to the team (conversationUpdate, the bot in membersAdded), as in the shared sample."""
        return self.post(self.installation(where, who))

    def installation(self, where: str = "#ehr", who: str = "pat") -> dict[str, Any]:
        base = self.channel(where)
        activity = self._envelope(
            who,
            {"isGroup": True, "conversationType": "channel", "tenantId": self.id, "id": base, "name": where},
            type="conversationUpdate",
            membersAdded=[{"id": BOT_ID}],
        )
        activity["channelData"] |= {
            "eventType": "teamMemberAdded",
            "settings": {"selectedChannel": {"id": base}},
            "team": {"id": self.team_id, "name": "Clinical Systems"},
        }
        activity.pop("entities")
        return activity

    def invoke(self, who: str, data: dict[str, Any], where: str | None = None, **extra: Any) -> dict[str, Any]:
        """An `adaptiveCard/action` invoke carrying `data`, as a click on Action.Execute sends it."""
        value = {
            "action": {"type": "Action.Execute", "title": "Go", "verb": "rounds", "data": data},
            "trigger": "manual",
        }
        return self._envelope(
            who, self._conversation(who, where), type="invoke", name="adaptiveCard/action", value=value, **extra
        )

    def click(self, who: str, card: Card, label: str, **inputs: Any) -> Card:
        """Action.Execute: the `adaptiveCard/action` invoke; Rounds answers with the next card."""
        action = card.action(label)
        assert action["type"] == "Action.Execute" and action["fallback"]["type"] == "Action.Submit", action
        data = dict(action["data"]) | {f"in_{k}": self._input(v) for k, v in inputs.items()}
        conversation = self._clicked_in(who, card)
        activity = self._envelope(
            who,
            conversation,
            type="invoke",
            name="adaptiveCard/action",
            replyToId=card.activity_id,
            value={
                "action": {"type": "Action.Execute", "title": label, "verb": action["verb"], "data": data},
                "trigger": "manual",
            },
        )
        answer = self.post(activity)
        assert answer.status == 200, answer
        body = answer.body
        assert body["statusCode"] == 200 and body["type"] == "application/vnd.microsoft.card.adaptive", body
        assert self.bf.check_card(body["value"], f"invoke answer to {label!r}") == []
        return Card(body["value"], card.conversation, card.activity_id)

    def fill(self, who: str, form: Card, submit: str | None = None, **values: Any) -> Card:
        """Fill a form card's inputs (by field name; people by their short name) and press its submit button."""
        label = submit or next(b for b in form.buttons if b != "Cancel")
        return self.click(who, form, label, **values)

    def submit_click(self, who: str, card: Card, label: str, **inputs: Any) -> Answer:
        """The Action.Submit fallback: the click comes as a message whose `value` is the action's data."""
        fallback = card.action(label)["fallback"]
        assert fallback["type"] == "Action.Submit"
        value = dict(fallback["data"]) | {f"in_{k}": self._input(v) for k, v in inputs.items()}
        activity = self._envelope(
            who, self._clicked_in(who, card), type="message", replyToId=card.activity_id, value=value
        )
        self.start_of_turn = self.bf.mark()
        self.last_conversation = activity["conversation"]["id"]
        return self.post(activity)

    def _clicked_in(self, who: str, card: Card) -> dict[str, Any]:
        if card.conversation.startswith("a:"):
            return {"conversationType": "personal", "id": card.conversation, "tenantId": self.id}
        thread = (
            card.conversation.split(";messageid=", 1)[1] if ";messageid=" in card.conversation else card.activity_id
        )
        base = card.conversation.split(";", 1)[0]
        return {"conversationType": "channel", "isGroup": True, "id": f"{base};messageid={thread}", "tenantId": self.id}

    def _input(self, value: Any) -> Any:
        if isinstance(value, list):
            return ",".join(self.people[v].aad if v in self.people else v for v in value)
        return self.people[value].aad if isinstance(value, str) and value in self.people else value

    # -- what Rounds sent (the fake Bot Connector's record) ---------------------------------------------------------
    def posted(self, where: str, count: int = 1) -> list[Card]:
        """New messages Rounds posted to `#channel` (not in a thread) or to `@person`'s 1:1 chat."""
        return [
            Card.of(c) for c in self.bf.wait_for("send", count=count, since=self.start, conversation=self.where(where))
        ]

    def updates(self, count: int = 1, **match: Any) -> list[Call]:
        return self.bf.wait_for("update", count=count, since=self.start, **match)
