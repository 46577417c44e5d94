"""The neutral Reply as Block Kit, built with slack_sdk.models (which check Slack's field limits).

Messages carry at most 50 blocks, views 100; longer replies are cut with a note, and every message has a
text fallback (notifications, screen readers). Text is the Reply's small shared markup (*bold*, _italic_,
`code`), which is Slack's mrkdwn once &, < and > are escaped. Buttons carry what a click needs in their
`value`: `cmd:<typed command>` or `form:<form name>:<button value>`; a row too wide for a phone keeps its
first buttons and puts the rest in an overflow menu whose options carry the same values (bot/phone.py)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    ImageBlock,
    MarkdownTextObject,
    Option,
    OverflowMenuElement,
    PlainTextObject,
    RichTextBlock,
    RichTextElementParts,
    RichTextSectionElement,
    SectionBlock,
    TableBlock,
)
from slack_sdk.models.blocks.basic_components import TableBlockColumnSettings
from slack_sdk.models.views import View

from bot import phone
from commands import replies as neutral
from commands.replies import Reply

log = logging.getLogger("rounds.slack")

MESSAGE_BLOCKS = 50
VIEW_BLOCKS = 100
SECTION_TEXT = 3000
FIELD_TEXT = 2000
CONTEXT_TEXT = 2000
HEADER_TEXT = 150
BUTTON_TEXT = 75
BUTTON_VALUE = 2000
BUTTONS_PER_BLOCK = 25
FIELDS_PER_SECTION = 10
FALLBACK_TEXT = 3000  # the notification text; Slack's own limit is 40,000
VIEW_TITLE = 24
METADATA = 3000
OPTION_TEXT = 75
OPTION_VALUE = 150
MORE_ACTION = "rounds.more"  # the overflow menu of a row of buttons
OPTIONS = 100
INPUT_MAX = 3000
TABLE_ROWS = 100  # header row included
TABLE_COLUMNS = 20
TABLE_CELL = 500  # our own cap: cells are short words and counts
TABLE_CHARS = 10_000  # all cells together (reported as Slack's cap; past it, one line per row instead)
BLANK = "\u200b"  # a cell needs a character; a zero-width space leaves it blank (Slack may trim a space)
ALT_TEXT = 2000
IMAGE_TITLE = 2000

HOME_CALLBACK = "rounds.home"
FORM_CALLBACK = "rounds.form"
INFO_CALLBACK = "rounds.info"


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def escape(text: str) -> str:
    """Slack reads <…> as links and mentions and &…; as entities: escape the three control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


# -- buttons ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Click:
    """What a button click asks for: run `command` as the clicker, or open `form` about `value`."""

    command: str | None = None
    form: str | None = None
    value: str = ""


def encode_button(b: neutral.Button) -> str | None:
    if b.command:
        value = f"cmd:{b.command}"
    elif b.form:
        value = f"form:{b.form}:{b.value}"
    else:
        log.warning("button %s has neither a command nor a form; not shown", b.action)
        return None
    if len(value) > BUTTON_VALUE:
        log.warning("button %s value is %s characters; not shown", b.action, len(value))
        return None
    return value


def decode_button(value: str | None) -> Click | None:
    if not value:
        return None
    if value.startswith("cmd:") and value[4:].strip():
        return Click(command=value[4:].strip())
    if value.startswith("form:"):
        _, name, rest = ([*value.split(":", 2), ""])[:3]
        return Click(form=name, value=rest) if name else None
    return None


# -- messages -----------------------------------------------------------------------------------
def message(reply: Reply) -> dict[str, Any]:
    """`{"text", "blocks"}` for chat.postMessage, chat.update, a response_url or a command's ack."""
    out: dict[str, Any] = {"text": fallback(reply)}
    built = blocks(reply, MESSAGE_BLOCKS)
    if built:
        out["blocks"] = built
    return out


def fallback(reply: Reply) -> str:
    return clip(reply.text.strip() or "Rounds", FALLBACK_TEXT)


def blocks(reply: Reply, limit: int, tables: bool = True) -> list[dict[str, Any]]:
    """`tables`: a message may carry one table block (Slack refuses a second, and views take none): any
    other table is drawn as one section line per row."""
    built: list[Block] = []
    for b in reply.blocks:
        if isinstance(b, neutral.Table):
            use = tables and not any(isinstance(x, TableBlock) for x in built)
            built.extend(_table(b) if use else _table_lines(b))
            continue
        built.extend(_block(b))
    if len(built) > limit:
        hidden = len(built) - (limit - 1)
        built = [
            *built[: limit - 1],
            ContextBlock(
                elements=[
                    MarkdownTextObject(
                        text=f"…and {hidden} more {'part' if hidden == 1 else 'parts'} too long for one Slack message."
                    )
                ]
            ),
        ]
    return [b.to_dict() for b in built]


def _block(b: neutral.Block) -> list[Block]:
    if isinstance(b, neutral.Header):
        return [HeaderBlock(text=PlainTextObject(text=clip(b.text, HEADER_TEXT) or " ", emoji=True))]
    if isinstance(b, neutral.Section):
        return _section(b)
    if isinstance(b, neutral.Context):
        return [ContextBlock(elements=[MarkdownTextObject(text=clip(escape(b.text), CONTEXT_TEXT))])] if b.text else []
    if isinstance(b, neutral.Divider):
        return [DividerBlock()]
    if isinstance(b, neutral.Buttons):
        return _buttons(b.buttons)
    return []


def _section(b: neutral.Section) -> list[Block]:
    out: list[Block] = []
    for chunk in _split(escape(b.text), SECTION_TEXT) if b.text else []:
        out.append(SectionBlock(text=MarkdownTextObject(text=chunk)))
    fields = [MarkdownTextObject(text=clip(f"*{escape(f.label)}*\n{escape(f.value)}", FIELD_TEXT)) for f in b.fields]
    for i in range(0, len(fields), FIELDS_PER_SECTION):
        out.append(SectionBlock(fields=fields[i : i + FIELDS_PER_SECTION]))
    return out


def _table(t: neutral.Table) -> list[Block]:
    """A table block of rich_text cells (raw_text cells have been reported to fail on Slack's side), the
    column names bold. Slack shows a message's table at its bottom, so commands put a table last."""
    if not t.columns:
        return _table_lines(t)
    columns = t.columns[:TABLE_COLUMNS]
    rows = [columns, *(tuple(row[: len(columns)]) + ("",) * (len(columns) - len(row)) for row in t.rows)]
    shown, hidden = rows[:TABLE_ROWS], len(rows) - TABLE_ROWS
    shown = [tuple(clip(cell, TABLE_CELL) for cell in row) for row in shown]
    if sum(len(cell) or 1 for row in shown for cell in row) > TABLE_CHARS:
        return _table_lines(t)
    out: list[Block] = []
    if t.caption:
        out.append(SectionBlock(text=MarkdownTextObject(text=clip(escape(t.caption), SECTION_TEXT))))
    out.append(
        TableBlock(
            rows=[[_cell(cell, bold=i == 0) for cell in row] for i, row in enumerate(shown)],
            column_settings=[
                TableBlockColumnSettings(align=t.align[i] if i < len(t.align) else None, is_wrapped=True)
                for i in range(len(columns))
            ],
        )
    )
    if hidden > 0:
        out.append(ContextBlock(elements=[MarkdownTextObject(text=f"…and {hidden} more rows.")]))
    return out


def _cell(text: str, bold: bool = False) -> RichTextBlock:
    style = RichTextElementParts.TextStyle(bold=True) if bold else None
    return RichTextBlock(
        elements=[RichTextSectionElement(elements=[RichTextElementParts.Text(text=text or BLANK, style=style)])]
    )


def _table_lines(t: neutral.Table) -> list[Block]:
    text = "\n".join(([f"*{t.caption}*"] if t.caption else []) + t.lines())
    return _section(neutral.Section(text=text)) if text else []


def _split(text: str, limit: int) -> list[str]:
    """Long text over several sections, cut at line ends where possible."""
    parts: list[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        cut = cut if cut > limit // 2 else limit
        parts.append(text[:cut].rstrip())
        text = text[cut:].lstrip("\n")
    if text.strip():
        parts.append(text)
    return parts


def _buttons(buttons: tuple[neutral.Button, ...]) -> list[Block]:
    """A row of buttons that reads whole on a phone (bot/phone.py, SLACK): the buttons that fit stay in the row,
    the rest go, in order, into one overflow menu ("…") at its end. An option carries the same value as its
    button, so choosing it runs the same command or opens the same form. An action the menu cannot take (past
    its five options, or a value over an option's 150 characters) stays a button, in a row of its own."""
    made = [(b, v) for b in buttons if (v := encode_button(b)) is not None]
    row, more = phone.SLACK.split(made, [clip(b.label, BUTTON_TEXT) for b, _ in made])
    menu = [m for m in more if len(m[1]) <= OPTION_VALUE][: phone.SLACK.max_more]
    rest = [m for m in more if m not in menu]
    elements: list[ButtonElement | OverflowMenuElement] = _button_elements(row)
    if menu:
        elements.append(
            OverflowMenuElement(
                action_id=MORE_ACTION,
                options=[
                    Option(value=v, text=PlainTextObject(text=clip(b.label, OPTION_TEXT), emoji=True)) for b, v in menu
                ],
            )
        )
    rows: list[list[ButtonElement | OverflowMenuElement]] = [elements] if elements else []
    if rest:
        rows.append(list(_button_elements(rest)))
    return [
        ActionsBlock(elements=r[i : i + BUTTONS_PER_BLOCK]) for r in rows for i in range(0, len(r), BUTTONS_PER_BLOCK)
    ]


def _button_elements(made: list[tuple[neutral.Button, str]]) -> list[ButtonElement | OverflowMenuElement]:
    elements: list[ButtonElement | OverflowMenuElement] = []
    used: set[str] = set()
    for b, value in made:
        action_id, n = b.action, 1
        while action_id in used:  # Slack wants action ids unique within a block (two "nudge.snooze" buttons)
            n += 1
            action_id = f"{b.action}~{n}"
        used.add(action_id)
        elements.append(
            ButtonElement(
                text=PlainTextObject(text=clip(b.label, BUTTON_TEXT), emoji=True),
                action_id=action_id,
                value=value,
                style=b.style,
            )
        )
    return elements


# -- views ----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Picture:
    """A chart on a view: an uploaded Slack file (`file_id`), or until there is one its alt text."""

    alt: str
    title: str
    file_id: str | None = None


def home(reply: Reply, pictures: tuple[Picture, ...] = (), at: int = 2) -> dict[str, Any]:
    """The App Home view. `pictures` go after the first `at` blocks of the reply (the header and the line that
    says what the picture shows), as image blocks referencing their uploaded files (`slack_file`)."""
    if not pictures:
        return View(type="home", callback_id=HOME_CALLBACK, blocks=_view_blocks(reply)).to_dict()
    head = blocks(reply.model_copy(update={"blocks": reply.blocks[:at]}), VIEW_BLOCKS)
    tail = blocks(reply.model_copy(update={"blocks": reply.blocks[at:]}), VIEW_BLOCKS - len(head) - len(pictures))
    shown: list[dict[str, Any]] = []
    for p in pictures:
        if p.file_id:
            shown.append(
                ImageBlock(
                    slack_file={"id": p.file_id},
                    alt_text=clip(p.alt, ALT_TEXT),
                    title=PlainTextObject(text=clip(p.title, IMAGE_TITLE)),
                ).to_dict()
            )
        else:
            shown.append(ContextBlock(elements=[MarkdownTextObject(text=clip(escape(p.alt), CONTEXT_TEXT))]).to_dict())
    return View(type="home", callback_id=HOME_CALLBACK, blocks=[*head, *shown, *tail]).to_dict()


def info_modal(reply: Reply, title: str = "Rounds") -> dict[str, Any]:
    """A modal that only shows a reply (an error after a click on the Home tab, where nothing is ephemeral)."""
    return View(
        type="modal",
        callback_id=INFO_CALLBACK,
        title=PlainTextObject(text=clip(title, VIEW_TITLE)),
        close=PlainTextObject(text="OK"),
        blocks=_view_blocks(reply),
    ).to_dict()


def _view_blocks(reply: Reply) -> list[dict[str, Any]]:
    """A view needs at least one block: a reply with none shows its text."""
    return blocks(reply, VIEW_BLOCKS, tables=False) or [
        SectionBlock(text=MarkdownTextObject(text=clip(escape(fallback(reply)), SECTION_TEXT))).to_dict()
    ]
