"""The outbox's Teams sender: proactive messages (digests, nudges, gate cards, replies) and card updates.

Where to post comes from the database, never from memory: a channel or chat by its conversation reference
(serviceUrl as last refreshed by an inbound activity), a person through their 1:1 chat with Rounds —
created on the spot when Rounds has none yet (Teams answers with the existing chat if there is one). A
thread in a channel is the channel's conversation id with `;messageid=<root>`.

It never sleeps: a 429 becomes SendFailed(retry_after=…) and the dispatcher reschedules the row; 412
(a concurrent update), 502, 504, any other 5xx and timeouts are retried with backoff; anything else (the
bot was removed, the person blocked it, a card Teams refused) is permanent.

Teams keeps no client key on a message (the Connector chooses the activity id) and a bot cannot read a
conversation back, so a post that timed out or met a 5xx is `uncertain` and is simply sent again: a
possible duplicate, never a loss. The long timeout (35 s) keeps such doubts to a Connector that takes
longer than that to answer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from microsoft_teams.api.activities.message.message import MessageActivityInput

from bot import charts
from bot.outbox.sender import Delivery, SendFailed
from bot.teams import forms, render
from bot.teams.activity import base_conversation, in_thread
from bot.teams.connector import Connector, ConnectorError, message
from bot.teams.directory import Directory
from commands.replies import Reply
from storage.models import ConversationRef, TargetKind, Workspace

log = logging.getLogger("rounds.teams")

T = TypeVar("T")

RETRYABLE = frozenset({412, 429, 502, 504})
DEFAULT_RETRY_AFTER = 5.0  # seconds, when a 429 does not say


class TeamsSender:
    def __init__(self, directory: Directory, connector: Connector, bot_id: str | None) -> None:
        self.directory = directory
        self.connector = connector
        self.bot_id = bot_id

    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery:
        if kind == TargetKind.USER:
            ref = self._personal(workspace, target)
            conversation = ref.conversation_id
        else:
            ref = self._reference(workspace, target)
            conversation = in_thread(target, thread_ts) if thread_ts and ref.conversation_type == "channel" else target
        activity_id = self._do(
            lambda: self.connector.send(ref.service_url, conversation, self._message(workspace, reply)), posting=True
        )
        return Delivery(channel=conversation, ts=activity_id)

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None:
        ref = self._reference(workspace, channel)
        try:
            self._do(lambda: self.connector.update(ref.service_url, channel, ts, self._message(workspace, reply)))
        except SendFailed as e:
            if e.permanent:  # this copy is gone (deleted, or Rounds left that chat): update the others
                log.info("a card copy was not updated: %s", e.reason)
                return
            raise

    def _message(self, workspace: Workspace, reply: Reply) -> MessageActivityInput:
        """A reply carrying a form (a command that needs input) is the form's card; anything else its card."""
        if reply.form is not None:
            return message(
                forms.form(reply.form, people=self.directory.people(workspace.external_id)), reply.form.title
            )
        return message(
            charts.with_images(render.card(reply), reply.charts, render.MAX_CARD_BYTES), render.summary(reply)
        )

    # -- where ---------------------------------------------------------------------------------------------
    def _reference(self, workspace: Workspace, conversation: str) -> ConversationRef:
        ref = self.directory.reference(workspace.id, base_conversation(conversation))
        if ref is None:
            raise SendFailed(
                "no conversation reference: Rounds is not installed there (or was removed)", permanent=True
            )
        return ref

    def _personal(self, workspace: Workspace, aad: str) -> ConversationRef:
        ref = self.directory.personal(workspace.id, aad)
        if ref is not None:
            return ref
        like = self.directory.newest(workspace.id)
        bot_id = (like.bot_id if like is not None else None) or self.bot_id
        if like is None or like.tenant_id is None or bot_id is None:
            raise SendFailed("no conversation reference in this tenant yet: install Rounds first", permanent=True)
        member = self.directory.user_id(workspace.id, aad) or aad
        conversation = self._do(
            lambda: self.connector.personal_conversation(like.service_url, like.tenant_id or "", bot_id, member)
        )
        self.directory.save_personal(workspace.id, aad, conversation, like)
        ref = self.directory.personal(workspace.id, aad)
        assert ref is not None
        return ref

    # -- failures -----------------------------------------------------------------------------------------
    def _do(self, call: Callable[[], T], posting: bool = False) -> T:
        try:
            return call()
        except ConnectorError as e:
            raise failure(e, posting) from None


def failure(e: ConnectorError, posting: bool = False) -> SendFailed:
    """`posting`: the call would have posted a message, so a doubtful outcome is worth recording."""
    if e.status == 429:
        return SendFailed(
            "throttled (429)", retry_after=e.retry_after if e.retry_after is not None else DEFAULT_RETRY_AFTER
        )
    if e.status is None or e.status in RETRYABLE or e.status >= 500:
        return SendFailed(f"{e.status or 'network'}: {e.reason}", uncertain=posting and e.uncertain)
    return SendFailed(f"{e.status}: {e.reason}", permanent=True)
