"""The neutral Reply: the only thing the command layer hands back. Each platform has one renderer for it.

Text uses a small shared markup: *bold*, _italic_, `code`, and emoji as Unicode. Renderers translate it.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from commands.charts.specs import Chart


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Header(_Model):
    type: Literal["header"] = "header"
    text: str


class FieldItem(_Model):
    label: str
    value: str


class Section(_Model):
    type: Literal["section"] = "section"
    text: str = ""
    fields: tuple[FieldItem, ...] = ()


class Context(_Model):
    """A small, muted line: who, when, ids."""

    type: Literal["context"] = "context"
    text: str


class Button(_Model):
    label: str
    action: str  # stable action id, e.g. "gate.approve", "nudge.snooze"
    value: str  # what the action is about, e.g. "G-3"
    style: Literal["primary", "danger"] | None = None
    command: str | None = None  # the same thing as a typed command (console, Teams Submit fallback)
    form: str | None = None  # opens this form instead of running a command


class Buttons(_Model):
    type: Literal["buttons"] = "buttons"
    buttons: tuple[Button, ...]


class Divider(_Model):
    type: Literal["divider"] = "divider"


class Table(_Model):
    """Rows of short plain-text cells under column names (no markup in cells; an empty cell is left blank;
    a line break in a cell puts one thing per line).

    `caption` says what the table is (screen readers, and the line above it where a platform shows one);
    `align` is per column ("right" for counts), `widths` relative weights per column. Keep it narrow: on a
    340-px phone card each of seven columns is 37 px and breaks words mid-word. Teams draws an Adaptive Cards Table, Slack a table block in a
    message (one per message; a Home tab or a modal gets one line per row), the console aligned columns."""

    type: Literal["table"] = "table"
    caption: str = ""
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[Literal["left", "center", "right"], ...] = ()
    widths: tuple[int, ...] = ()  # relative column widths where the platform sets them (Teams); equal if none

    def lines(self) -> list[str]:
        """One line per row, "*first cell* · second cell · Column: value · …" (blank cells left out): the layout
        where a table cannot go."""
        out = []
        for row in self.rows:
            if not row:
                continue
            head, *rest = row
            parts = [f"*{head.replace(chr(10), ' ')}*"] if head.strip() else []
            for name, cell in zip(self.columns[1:], rest, strict=False):
                cell = cell.replace("\n", " · ")
                if cell:
                    parts.append(cell if name in ("", self.columns[1]) else f"{name}: {cell}")
            out.append(" · ".join(parts))
        return out


Block = Annotated[Header | Section | Context | Buttons | Divider | Table, Field(discriminator="type")]


class Option(_Model):
    value: str
    label: str


class FormField(_Model):
    name: str
    label: str
    kind: Literal["text", "multiline", "select", "user", "users", "date", "number"] = "text"
    required: bool = True
    options: tuple[Option, ...] = ()
    initial: str | tuple[str, ...] | None = None
    hint: str | None = None
    max_length: int | None = None


class Form(_Model):
    """A platform-neutral form (a Slack modal, an Adaptive Card with inputs, usage text on the console)."""

    name: str  # e.g. "risk.raise"; submissions come back to commands.forms under this name
    title: str
    submit: str = "Submit"
    fields: tuple[FormField, ...]
    context: dict[str, str] = Field(default_factory=dict)  # e.g. {"gate": "G-3", "project": "EHR"}
    usage: str = ""  # how to do the same thing by typing


class Attachment(_Model):
    filename: str
    mime: str
    content: bytes


class Reply(_Model):
    text: str  # fallback text: notifications, screen readers, the console
    blocks: tuple[Block, ...] = ()
    visibility: Literal["private", "channel"] = "private"
    error: bool = False
    field: str | None = None  # an error about one form field (a modal shows it under that field)
    form: Form | None = None
    attachment: Attachment | None = None
    charts: tuple[Chart, ...] = ()  # drawn by the sender, never on a request path (see commands/charts)

    @classmethod
    def private(cls, text: str, *blocks: Any) -> Reply:
        return cls(text=text, blocks=tuple(blocks))

    @classmethod
    def channel(cls, text: str, *blocks: Any) -> Reply:
        return cls(text=text, blocks=tuple(blocks), visibility="channel")

    @classmethod
    def problem(cls, what: str, usage: str = "", field: str | None = None) -> Reply:
        """An error only the speaker sees: what was wrong, then the right usage."""
        blocks: list[Block] = [Section(text=f"⚠️ {what}")]
        if usage:
            blocks.append(Section(text=f"*Usage*\n{usage}"))
        text = what if not usage else f"{what}\nUsage:\n{usage}"
        return cls(text=text, blocks=tuple(blocks), error=True, field=field)

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json", exclude={"attachment"})

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Reply:
        return cls.model_validate(data)
