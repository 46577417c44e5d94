"""Forms as Slack modals: the view a form opens, what its submission holds, and which field a refusal is about.

A modal carries its origin (the form, its context, where the person was) in private_metadata, so a submission
can be answered where the form was opened; fields map one to one onto Block Kit input elements, and a submitted
view's state is flattened back into the plain values commands.forms reads."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    DatePickerElement,
    InputBlock,
    MarkdownTextObject,
    NumberInputElement,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
    UserMultiSelectElement,
    UserSelectElement,
)
from slack_sdk.models.views import View

from bot.slack.payloads import ElementState
from bot.slack.render import (
    CONTEXT_TEXT,
    FIELD_TEXT,
    FORM_CALLBACK,
    INPUT_MAX,
    METADATA,
    OPTION_TEXT,
    OPTIONS,
    VIEW_BLOCKS,
    VIEW_TITLE,
    clip,
    escape,
)
from commands import replies as neutral


class FormOrigin(BaseModel):
    """Carried in a modal's private_metadata: which form, its context, and where the person was."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    form: str = Field(alias="f")
    context: dict[str, str] = Field(default_factory=dict, alias="c")
    channel: str | None = Field(default=None, alias="ch")
    response_url: str | None = Field(default=None, alias="r")
    home: bool = Field(default=False, alias="h")

    def dump(self) -> str:
        raw = json.dumps(
            self.model_dump(by_alias=True, exclude_none=True, exclude_defaults=True), separators=(",", ":")
        )
        if len(raw) > METADATA:  # only a very long response URL could do this: drop it, keep the form working
            raw = json.dumps(
                self.model_copy(update={"response_url": None}).model_dump(
                    by_alias=True, exclude_none=True, exclude_defaults=True
                ),
                separators=(",", ":"),
            )
        return raw

    @classmethod
    def load(cls, raw: str) -> FormOrigin | None:
        try:
            return cls.model_validate(json.loads(raw or "{}"))
        except (ValueError, RecursionError, ValidationError):
            return None


def modal(form: neutral.Form, origin: FormOrigin) -> dict[str, Any]:
    built: list[Block] = [_input(f) for f in form.fields]
    if form.usage:
        built.append(
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text=clip("Or type it: " + escape(form.usage.replace("\n", " · ")), CONTEXT_TEXT)
                    )
                ]
            )
        )
    return View(
        type="modal",
        callback_id=FORM_CALLBACK,
        title=PlainTextObject(text=clip(form.title, VIEW_TITLE)),
        submit=PlainTextObject(text=clip(form.submit, VIEW_TITLE)),
        close=PlainTextObject(text="Cancel"),
        private_metadata=origin.dump(),
        blocks=built[:VIEW_BLOCKS],
    ).to_dict()


def _input(f: neutral.FormField) -> InputBlock:
    initial = f.initial if isinstance(f.initial, str) else None
    element: Any
    if f.kind == "select" and f.options:
        options = [
            Option(value=o.value, text=PlainTextObject(text=clip(o.label, OPTION_TEXT))) for o in f.options[:OPTIONS]
        ]
        chosen = next((o for o in options if o.value == initial), None)
        element = StaticSelectElement(action_id=f.name, options=options, initial_option=chosen)
    elif f.kind == "user":
        element = UserSelectElement(action_id=f.name, initial_user=initial or None)
    elif f.kind == "users":
        users = list(f.initial) if isinstance(f.initial, tuple) else ([initial] if initial else [])
        element = UserMultiSelectElement(action_id=f.name, initial_users=users or None)
    elif f.kind == "date":
        element = DatePickerElement(action_id=f.name, initial_date=initial if _is_iso_date(initial) else None)
    elif f.kind == "number":
        element = NumberInputElement(action_id=f.name, is_decimal_allowed=False, initial_value=initial or None)
    else:  # text, multiline, and a select with nothing to choose from (no projects yet)
        limit = min(f.max_length or INPUT_MAX, INPUT_MAX)
        element = PlainTextInputElement(
            action_id=f.name,
            multiline=f.kind == "multiline",
            max_length=limit,
            initial_value=clip(initial, limit) if initial else None,
        )
    return InputBlock(
        block_id=f.name,
        label=PlainTextObject(text=clip(f.label, FIELD_TEXT)),
        element=element,
        optional=not f.required,
        hint=PlainTextObject(text=clip(f.hint, FIELD_TEXT)) if f.hint else None,
    )


def _is_iso_date(value: str | None) -> bool:
    try:
        return value is not None and date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def submitted_values(state: dict[str, dict[str, ElementState]]) -> dict[str, Any]:
    """A view's state.values, flattened to what commands.forms reads: text, option values, user ids, ISO dates."""
    values: dict[str, Any] = {}
    for block in state.values():
        for name, v in block.items():
            if v.type in ("static_select", "external_select", "radio_buttons"):
                values[name] = v.selected_option.value if v.selected_option else None
            elif v.type == "users_select":
                values[name] = v.selected_user
            elif v.type == "multi_users_select":
                values[name] = list(v.selected_users or [])
            elif v.type == "datepicker":
                values[name] = v.selected_date
            else:  # plain_text_input, number_input
                values[name] = v.value
    return values


def error_field(fields: list[str], problem: str) -> str | None:
    """Which field of a submitted form a refusal is about, when it can be told from the words.

    commands.forms/guard word their refusals after the field ("due: …", "That title looks like…",
    "A risk needs a title."); the gate forms' single text field takes any refusal about the text."""
    first = problem.split("\n", 1)[0]
    head = first.split(":", 1)[0].strip()
    if head in fields:
        return head
    words = {w.strip(".,;:!?“”\"'()").lower() for w in first.split()}
    for f in fields:
        if f in words or f.rstrip("s") in words:
            return f
    aliases = {"comment": "reason", "rejection": "reason", "condition": "conditions"}  # gate.reject, gate.conditions
    return next((f for word, f in aliases.items() if word in words and f in fields), None)
