"""What Rounds reads from a Teams activity (parsed by the Teams SDK's models; everything else is ignored).

Shapes, as Teams sends them: a message has `text` with `<at>Name</at>` for each mention and a `mention`
entity naming who (`29:` ids for people, `28:` for bots); a click on an Action.Submit button is a message
with `value` and no text; a click on Action.Execute is an `invoke` named `adaptiveCard/action`; installing
the app is a `conversationUpdate` whose `membersAdded` holds the bot. The tenant is `channelData.tenant.id`
(on channel activities `conversation.tenantId` is often missing); a channel message's conversation id ends
in `;messageid=<thread root>`."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from microsoft_teams.api import ActivityTypeAdapter
from microsoft_teams.api.models.entity.client_info_entity import ClientInfoEntity
from microsoft_teams.api.models.entity.mention_entity import MentionEntity
from pydantic import ValidationError

from commands.grammar import COMMAND_NAMES

AT = re.compile(r"<at>(.*?)</at>", re.DOTALL | re.IGNORECASE)
THREAD = ";messageid="


class NotAnActivity(ValueError):
    pass


def parse(raw: bytes) -> Any:
    """An SDK activity model (MessageActivity, AdaptiveCardInvokeActivity, ConversationUpdateActivity, …)."""
    try:
        return ActivityTypeAdapter.validate_json(raw)
    except ValidationError as e:  # its message quotes the input: only where it failed is kept
        raise NotAnActivity(", ".join(".".join(map(str, err["loc"])) for err in e.errors()[:5])) from None
    except ValueError:
        raise NotAnActivity("not JSON") from None


def base_conversation(conversation_id: str) -> str:
    """`19:…@thread.tacv2;messageid=17…` → `19:…@thread.tacv2` (the channel; threads are its messages)."""
    return conversation_id.split(THREAD, 1)[0]


def in_thread(conversation_id: str, root: str | None) -> str:
    return f"{base_conversation(conversation_id)}{THREAD}{root}" if root else conversation_id


@dataclass(frozen=True)
class Mentioned:
    user_id: str  # a `29:` id (a person) or `28:` (a bot)
    name: str


@dataclass(frozen=True)
class Inbound:
    """One activity, with the questions Rounds asks of it."""

    a: Any

    @property
    def type(self) -> str:
        return str(self.a.type)

    @property
    def tenant_id(self) -> str | None:
        cd = self.a.channel_data
        tenant = cd.tenant.id if cd is not None and cd.tenant is not None else None
        return tenant or getattr(self.a.conversation, "tenant_id", None)

    @property
    def service_url(self) -> str:
        return str(self.a.service_url or "")

    @property
    def conversation_id(self) -> str:
        return str(self.a.conversation.id)

    @property
    def conversation(self) -> str:
        """The conversation as Rounds names it: a channel, a group chat, or a person's 1:1 chat with Rounds."""
        return base_conversation(self.conversation_id)

    @property
    def conversation_type(self) -> str:
        return str(self.a.conversation.conversation_type or ("channel" if self.a.conversation.is_group else "personal"))

    @property
    def is_personal(self) -> bool:
        return self.conversation_type == "personal"

    @property
    def team_id(self) -> str | None:
        cd = self.a.channel_data
        return cd.team.id if cd is not None and cd.team is not None else None

    @property
    def teams_channel_id(self) -> str | None:
        cd = self.a.channel_data
        if cd is not None and cd.channel is not None and cd.channel.id:
            return str(cd.channel.id)
        return self.conversation if self.conversation_type == "channel" else None

    @property
    def bot_id(self) -> str:
        return str(self.a.recipient.id)

    @property
    def user_id(self) -> str:
        return str(self.a.from_.id)

    @property
    def aad_object_id(self) -> str | None:
        return self.a.from_.aad_object_id or None

    @property
    def name(self) -> str | None:
        return self.a.from_.name or None

    @property
    def timezone(self) -> str | None:
        """The person's IANA zone from their Teams client (the clientInfo entity), when it is a real one."""
        zones = [e.timezone for e in self.a.entities or [] if isinstance(e, ClientInfoEntity)]
        zones.append(getattr(self.a, "local_timezone", None))
        return next((z for z in zones if z and _is_zone(z)), None)

    @property
    def reply_to_id(self) -> str | None:
        return self.a.reply_to_id or None

    @property
    def activity_id(self) -> str | None:
        return self.a.id or None

    @property
    def text(self) -> str:
        return str(getattr(self.a, "text", None) or "")

    @property
    def value(self) -> Any:
        return getattr(self.a, "value", None)

    @property
    def thread_root(self) -> str | None:
        """In a channel: the message the thread hangs from."""
        _, _, root = self.conversation_id.partition(THREAD)
        return root or None

    def mentions(self) -> list[tuple[str, Mentioned]]:
        """Each mention entity as (its `<at>…</at>` text, who)."""
        found = []
        for e in self.a.entities or []:
            if isinstance(e, MentionEntity) and e.mentioned is not None and e.mentioned.id:
                found.append(
                    (e.text or f"<at>{e.mentioned.name or ''}</at>", Mentioned(e.mentioned.id, e.mentioned.name or ""))
                )
        return found

    @property
    def mentions_bot(self) -> bool:
        return any(m.user_id == self.bot_id for _, m in self.mentions())

    @property
    def fits(self) -> bool:
        """Its ids are no longer than Rounds stores them (tenant and Entra ids in 64 characters, a conversation — an
        outbox target — in 200): Teams' never are, so a longer one is not a real activity."""
        limits = (
            (self.tenant_id, 64),
            (self.aad_object_id, 64),
            (self.user_id, 200),
            (self.bot_id, 200),
            (self.activity_id, 200),
            (self.reply_to_id, 200),
            (self.conversation_id, 200),
            (self.service_url, 400),
            (self.team_id, 400),
            (self.teams_channel_id, 400),
        )
        return all(v is None or len(v) <= n for v, n in limits)

    @property
    def bot_added(self) -> bool:
        return any(m.id == self.bot_id for m in getattr(self.a, "members_added", None) or [])

    @property
    def bot_removed(self) -> bool:
        return any(m.id == self.bot_id for m in getattr(self.a, "members_removed", None) or [])


def _is_zone(name: str) -> bool:
    if len(name) > 64:  # ZoneInfo would look for a file by that name: too long is an OSError, not an answer
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return False
    return "/" in name or name == "UTC"


# -- a message's text as a command ------------------------------------------------------------------------
def rewrite_mentions(inbound: Inbound, person: Any) -> str:
    """The message text with the bot's own mention removed and each person's `<at>Name</at>` replaced by
    `person(Mentioned)` (the form the command core reads). Other markup is unescaped; the text is trimmed."""
    pool = inbound.mentions()
    parts: list[str] = []
    last = 0
    text = inbound.text
    for m in AT.finditer(text):
        parts.append(_plain(text[last : m.start()]))
        last = m.end()
        i = next((i for i, (tag, _) in enumerate(pool) if tag == m.group(0)), None)
        if i is None:
            i = next((i for i, (_, who) in enumerate(pool) if who.name == html.unescape(m.group(1))), None)
        if i is None:  # an <at> with no entity: keep the name as plain text
            parts.append(_plain(m.group(1)))
            continue
        _, who = pool.pop(i)
        parts.append("" if who.user_id == inbound.bot_id else person(who))
    parts.append(_plain(text[last:]))
    return re.sub(r"[ \t]+", " ", "".join(parts)).strip()


def _plain(text: str) -> str:
    text = re.sub(r"<[^>]+>", "", text)  # stray markup (a pasted link, a line break as <br>)
    return html.unescape(text).replace("\u00a0", " ").replace("\u200b", "")


def as_command(text: str) -> tuple[str, str]:
    """`status EHR green "…"`, `/status …` and `pmo status …` → ("/status", …); anything else goes to /pmo,
    which knows help, prefs, portfolio, export… and says what it does not know."""
    head, _, rest = text.strip().partition(" ")
    name = head.lower().lstrip("/")
    if name in COMMAND_NAMES:
        return f"/{name}", rest.strip()
    return "/pmo", text.strip()
