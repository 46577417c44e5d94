"""Typed views of the parts of Slack's payloads Rounds uses (everything else is ignored).

Shapes: slash commands arrive as form fields; interactivity (block_actions, view_submission,
message_action) as JSON in a `payload` field; events as JSON. Bolt parses all three into `body`."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

# A Slack id (T…, U…, C…, E…): short, and stored in columns of 64 (workspaces, people) — anything else is refused.
SlackId = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]


class _Part(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class SlashCommand(_Part):
    team_id: SlackId
    team_domain: str | None = None
    enterprise_id: SlackId | None = None
    channel_id: SlackId | None = None
    channel_name: str | None = None
    user_id: SlackId
    user_name: str | None = None
    command: str
    text: str = ""
    trigger_id: str | None = None
    response_url: str | None = None


class Team(_Part):
    id: SlackId | None = None
    domain: str | None = None
    enterprise_id: SlackId | None = None


class User(_Part):
    id: SlackId
    username: str | None = None
    name: str | None = None
    team_id: SlackId | None = None


class Channel(_Part):
    id: SlackId
    name: str | None = None


class Container(_Part):
    type: str  # "message" | "view"
    channel_id: SlackId | None = None
    message_ts: str | None = None
    view_id: str | None = None
    is_ephemeral: bool = False


class SelectedOption(_Part):
    value: str


class Action(_Part):
    action_id: str
    block_id: str | None = None
    type: str | None = None
    value: str | None = None  # a button
    selected_option: SelectedOption | None = None  # an overflow menu's choice (carries a button's value)

    @property
    def chosen(self) -> str | None:
        """What was clicked or chosen: a button's value, or the value of the overflow option picked."""
        return self.value or (self.selected_option.value if self.selected_option else None)


class ElementState(_Part):
    """One input's state in a submitted view, as Slack types it (whatever else it carries is ignored)."""

    type: str | None = None
    value: str | None = None  # plain_text_input, number_input (a string too)
    selected_option: SelectedOption | None = None  # static_select, external_select, radio_buttons
    selected_user: str | None = None  # users_select
    selected_users: list[str] | None = None  # multi_users_select
    selected_date: str | None = None  # datepicker


class ViewState(_Part):
    values: dict[str, dict[str, ElementState]] = Field(default_factory=dict)


class View(_Part):
    id: str | None = None
    type: str  # "modal" | "home"
    callback_id: str | None = None
    private_metadata: str = ""
    state: ViewState = Field(default_factory=ViewState)


class Enterprise(_Part):
    id: SlackId | None = None


class _Interaction(_Part):
    team: Team | None = None
    enterprise: Enterprise | None = None
    user: User

    @property
    def team_id(self) -> str:
        return team_key(
            self.team.id if self.team else None, self.user.team_id, self.enterprise.id if self.enterprise else None
        )


class BlockActions(_Interaction):
    channel: Channel | None = None
    container: Container
    actions: list[Action] = Field(min_length=1)  # a click is about one button
    trigger_id: str | None = None
    response_url: str | None = None
    view: View | None = None

    @property
    def from_home(self) -> bool:
        return self.view is not None and self.view.type == "home"


class ViewSubmission(_Interaction):
    view: View
    trigger_id: str | None = None


class ShortcutMessage(_Part):
    text: str = ""
    ts: str | None = None
    user: str | None = None


class MessageShortcut(_Interaction):
    callback_id: str
    channel: Channel | None = None
    message: ShortcutMessage = Field(default_factory=ShortcutMessage)
    trigger_id: str | None = None
    response_url: str | None = None


class EventEnvelope(_Part):
    team_id: SlackId | None = None
    enterprise_id: SlackId | None = None
    event_id: SlackId | None = None  # logged when an event comes again: an id, never anything else
    event: dict[str, Any]

    @property
    def team(self) -> str:
        return team_key(self.team_id, None, self.enterprise_id)


class AppHomeOpened(_Part):
    user: SlackId
    tab: str | None = None


class MessageEvent(_Part):
    channel: SlackId
    user: SlackId | None = None
    text: str = ""
    ts: str
    thread_ts: str | None = None
    subtype: str | None = None
    bot_id: str | None = None
    edited: dict[str, Any] | None = None
    channel_type: str | None = None

    @property
    def is_person_replying_in_a_thread(self) -> bool:
        """A person's new message inside a thread: not a bot, not an edit, not a join/leave/file/etc. subtype."""
        return (
            self.user is not None
            and self.bot_id is None
            and self.subtype is None
            and self.edited is None
            and self.thread_ts is not None
            and self.thread_ts != self.ts
        )


class RevokedTokens(_Part):
    oauth: list[str] = Field(default_factory=list)
    bot: list[str] = Field(default_factory=list)


class TokensRevoked(_Part):
    tokens: RevokedTokens = Field(default_factory=RevokedTokens)


def team_key(team_id: str | None, user_team: str | None, enterprise_id: str | None) -> str:
    """The workspace Rounds keys rows by: the team; an org-wide (Enterprise Grid) install without one uses the org."""
    key = team_id or user_team or enterprise_id
    if not key:
        raise ValueError("a Slack payload without a team or enterprise id")
    return key


def is_direct(channel_id: str | None, channel_name: str | None = None) -> bool:
    return channel_id is None or channel_id.startswith("D") or channel_name == "directmessage"
