"""What Rounds does with each Teams activity, after the request has been authenticated.

- A message is a command when it is in a 1:1 chat with Rounds, or mentions Rounds in a channel or group
  chat: `status EHR amber "…"`, `/status …` and `pmo status …` all work. Rounds' own mention is removed and
  each person's `<at>Name</at>` becomes who they are. Anything else in a channel is not for Rounds.
- The reply goes to the same chat (in a channel: the same thread) through the outbox, like every message
  Rounds sends: retried, rate-limited, and kept, so a later click on it can redraw it. Teams has no private
  replies in a channel; the question was asked in front of the channel and is answered there.
- A quoted reply to a nudge in the 1:1 chat is a comment on what the nudge was about.
- A click on Action.Execute (`adaptiveCard/action`) is answered in the HTTP response with the next card;
  a click on an Action.Submit fallback arrives as a message with `value` (see clicks.py).
- Installing Rounds (`conversationUpdate` with the bot in membersAdded) stores the conversation reference
  and says hello; removing it forgets the team's references.

A message Teams delivers twice (its retry after a slow answer) has the same activity id: the second is a
no-op (a ProcessedEvent row)."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from microsoft_teams.api.models.entity.quoted_reply_entity import QuotedReplyEntity
from prometheus_client import Counter
from sqlalchemy.orm import Session, sessionmaker

from bot.logs import failure
from bot.teams.activity import Inbound, as_command, rewrite_mentions
from bot.teams.clicks import Cards, Click, notice
from bot.teams.connector import Connector, ConnectorError, message
from bot.teams.directory import Directory, UnknownPerson, context
from commands import people
from commands.replies import Context as Line
from commands.replies import Reply, Section
from commands.service import Rounds
from storage import deliveries, outbox
from storage.models import Platform, TargetKind

log = logging.getLogger("rounds.teams")

ACTIVITIES = Counter("rounds_teams_activities", "Teams activities handled, by kind and outcome", ["kind", "outcome"])
CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
MESSAGE_RESPONSE = "application/vnd.microsoft.activity.message"
NO_FILES = "Teams can't receive this file from Rounds yet: run `python -m bot export` or ask in Slack or the console."
WELCOME = Reply.channel(
    "Rounds is here: status, risks, stage gates and nudges for the PMO.",
    Section(text="👋 *Rounds is here.* Log status, raise risks and decide stage gates without leaving Teams."),
    Section(
        text='Mention me with a command, like `@Rounds project link EHR` or `@Rounds status EHR green "On track"`. '
        "In a 1:1 chat with me, just type it: `risk list`, `gate G-3`, `help`."
    ),
)


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict[str, Any] | None = None


class TeamsBot:
    def __init__(
        self,
        rounds: Rounds,
        sessions: sessionmaker[Session],
        directory: Directory,
        connector: Connector,
        kick: Callable[[], None],
        clock: Callable[[], datetime],
        tenant_id: str | None = None,
    ) -> None:
        self.rounds = rounds
        self.sessions = sessions
        self.directory = directory
        self.connector = connector
        self.cards = Cards(rounds, sessions)
        self.kick = kick
        self.clock = clock
        self.tenant_id = tenant_id

    def answer(self, inbound: Inbound) -> Answer:
        """handle(), and if it fails: one line at ERROR without the activity's content (the traceback at DEBUG), and
        a plain answer to the person — in the invoke's response, or said in the conversation — never a 500."""
        try:
            return self.handle(inbound)
        except Exception as e:  # noqa: BLE001 - failure() logs it: its kind at ERROR, its traceback at DEBUG
            ref = failure(log, f"teams {inbound.type}", e)
            ACTIVITIES.labels(inbound.type, "failed").inc()
            sorry = f"Something went wrong on our side and nothing was changed (ref {ref})."
            if inbound.type == "invoke":
                return Answer(200, {"statusCode": 200, "type": MESSAGE_RESPONSE, "value": sorry})
            if inbound.type == "message":
                try:
                    self.say(inbound, Reply.problem(sorry), key=f"teams:failed:{ref}")
                except Exception as again:  # noqa: BLE001 - e.g. the database is down: the log line is all there is
                    log.error(
                        "teams %s failed ref=%s: could not say so either (%s)", inbound.type, ref, type(again).__name__
                    )
            return Answer(200)

    def handle(self, inbound: Inbound) -> Answer:
        if inbound.tenant_id is None:
            return Answer(200)  # not from a Teams tenant (nothing Rounds can key it by)
        if self.tenant_id and inbound.tenant_id.lower() != self.tenant_id.lower():
            log.warning("activity from another tenant refused (TEAMS_TENANT_ID is set)")
            ACTIVITIES.labels(inbound.type, "other-tenant").inc()
            return Answer(403, {"error": "this Rounds serves one tenant"})
        kind = inbound.type
        if kind == "message":
            return self.on_message(inbound)
        if kind == "invoke" and getattr(inbound.a, "name", None) == "adaptiveCard/action":
            return self.on_card_action(inbound)
        if kind in ("conversationUpdate", "installationUpdate"):
            return self.on_installation(inbound)
        if inbound.aad_object_id:  # anything else still refreshes the conversation's serviceUrl
            self.directory.record(inbound)
        return Answer(200)

    # -- messages ---------------------------------------------------------------------------------------------
    def on_message(self, inbound: Inbound) -> Answer:
        if not inbound.aad_object_id or not self.first_delivery(inbound):
            return Answer(200)
        self.directory.record(inbound)
        click = Click.of(inbound.value)
        if click is not None:
            return self.on_submit_fallback(inbound, click)
        if not inbound.is_personal and not inbound.mentions_bot:
            return Answer(200)  # channel chatter Teams let through: not addressed to Rounds
        ctx = context(inbound, self.clock())
        try:
            text = rewrite_mentions(inbound, lambda who: self.directory.mention(inbound, who))
        except UnknownPerson as e:
            self.say(
                inbound,
                Reply.problem(
                    f"I couldn't look up {e.name} in Teams just now, so nothing was done. Try again in a moment."
                ),
            )
            return Answer(200)
        if (quoted := self.quoted(inbound)) and as_command(text)[0] == "/pmo":
            noted = self.rounds.thread_reply(ctx, inbound.conversation, quoted, text)
            if noted.text:
                self.say(inbound, noted)
                ACTIVITIES.labels("comment", "refused" if noted.error else "ok").inc()
                return Answer(200)
        command, rest = as_command(text)
        reply = self.rounds.run(ctx, command, rest)
        if reply.attachment is not None:
            reply = reply.model_copy(update={"attachment": None, "blocks": (*reply.blocks, Line(text=NO_FILES))})
        self.say(inbound, reply)
        ACTIVITIES.labels("message", "refused" if reply.error else "ok").inc()
        return Answer(200)

    def quoted(self, inbound: Inbound) -> str | None:
        if not inbound.is_personal:
            return None
        found = [e.quoted_reply.message_id for e in inbound.a.entities or [] if isinstance(e, QuotedReplyEntity)]
        return found[0] if found else None

    # -- clicks ----------------------------------------------------------------------------------------------
    def on_card_action(self, inbound: Inbound) -> Answer:
        action = getattr(inbound.value, "action", None)
        click = Click.of(getattr(action, "data", None))
        if not inbound.aad_object_id or click is None:
            return Answer(
                200, {"statusCode": 200, "type": MESSAGE_RESPONSE, "value": "This card is not one Rounds can act on."}
            )
        self.directory.record(inbound)
        ctx = context(inbound, self.clock())
        outcome, card = self.cards.click(ctx, inbound, click, self.choices(inbound))
        self.done(outcome, "card")
        return Answer(200, {"statusCode": 200, "type": CARD_RESPONSE, "value": card})

    def on_submit_fallback(self, inbound: Inbound, click: Click) -> Answer:
        """An Action.Submit click (a client without Universal Actions): the same, answered by message."""
        ctx = context(inbound, self.clock())
        outcome, card = self.cards.click(ctx, inbound, click, self.choices(inbound))
        self.done(outcome, "submit")
        opens_form = click.kind == "click" and click.form and outcome.form is not None
        if opens_form:  # a form cannot replace a shared card: it comes as its own message
            self.say(inbound, outcome)
        elif inbound.is_personal or not click.action:
            if not self.update(inbound, card) and outcome.text:
                self.say(inbound, outcome)
        elif outcome.text:
            self.say(inbound, Reply.private(notice(outcome), Section(text=notice(outcome))))
        return Answer(200)

    def update(self, inbound: Inbound, card: dict[str, Any]) -> bool:
        if not inbound.reply_to_id:
            return False
        try:
            self.connector.update(
                inbound.service_url, inbound.conversation_id, inbound.reply_to_id, message(card, "Rounds")
            )
            return True
        except ConnectorError as e:
            log.warning("could not update the clicked card (%s); saying it instead", e)
            return False

    # -- installs ---------------------------------------------------------------------------------------------
    def on_installation(self, inbound: Inbound) -> Answer:
        action = getattr(inbound.a, "action", None)
        if inbound.bot_removed or action == "remove":
            gone = self.directory.forget_team(inbound)
            log.info("Rounds was removed from a %s: %s conversation references forgotten", _kind(inbound), gone)
            return Answer(200)
        if not inbound.aad_object_id:  # every row names a person by their Entra id: without one, nothing to record
            return Answer(200)
        self.directory.record(inbound)
        if inbound.bot_added:
            self.say(inbound, WELCOME, key=f"teams:welcome:{inbound.conversation}", in_thread=False)
            log.info("Rounds was added to a %s", _kind(inbound))
        return Answer(200)

    # -- plumbing -----------------------------------------------------------------------------------------------
    def say(self, inbound: Inbound, reply: Reply, *, key: str | None = None, in_thread: bool = True) -> None:
        """Answer in the conversation (and thread) the activity came from, through the outbox."""
        now = self.clock()
        target = inbound.conversation_id if in_thread else inbound.conversation
        with self.sessions() as s:
            ws = people.workspace_for(s, context(inbound, now))
            outbox.enqueue(
                s,
                ws,
                target_kind=TargetKind.CHANNEL,
                target=target,
                payload=reply.to_json(),
                key=_bounded(key or f"teams:reply:{inbound.conversation}:{inbound.activity_id or now.timestamp()}"),
                now=now,
            )
            s.commit()
        self.kick()

    def done(self, outcome: Reply, kind: str) -> None:
        ACTIVITIES.labels(kind, "refused" if outcome.error else "ok").inc()
        if not outcome.error:
            self.kick()  # the command may have queued cards, DMs or updates

    def first_delivery(self, inbound: Inbound) -> bool:
        if not inbound.activity_id:
            return True
        key = f"{inbound.conversation}:{inbound.activity_id}"
        if deliveries.first_delivery(self.sessions, Platform.TEAMS, key, self.clock()):
            return True
        log.info("a Teams activity was delivered again: ignored")
        return False

    def choices(self, inbound: Inbound) -> list[tuple[str, str]]:
        return self.directory.people(inbound.tenant_id or "")


def _bounded(key: str) -> str:
    """An idempotency key fits its column (200): a long conversation id and activity id are hashed together."""
    return key if len(key) <= 200 else "teams:reply:" + hashlib.sha256(key.encode()).hexdigest()


def _kind(inbound: Inbound) -> str:
    """The conversation's type for a log line: one Teams uses, or "conversation" (the field is the caller's)."""
    kind = inbound.conversation_type
    return kind if kind in ("personal", "channel", "groupChat") else "conversation"
