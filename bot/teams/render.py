"""The neutral Reply as an Adaptive Card 1.5 (forms as cards with inputs are bot/teams/forms.py).

Blocks: a header is a heading TextBlock; a section's text is one TextBlock per line (Teams does not keep
single line breaks inside a TextBlock) and its fields a FactSet; a context line is small and subtle; a
divider is a separator on what follows; buttons are ActionSets of at most five. Text is the Reply's shared
markup translated to the Markdown subset cards render: `*bold*` becomes `**bold**`, `_italic_` stays, and
`code` loses its backticks (cards have no code spans).

Buttons are `Action.Execute` (Universal Actions: the click is an invoke answered with the new card) with
an `Action.Submit` fallback for clients without them (the click comes as a message). Both carry the same
`data`: what the button does (`command`, run as whoever clicked, or `form`, opened as a card) and where it
sits, so the card can be re-drawn for the person who clicked. Card data comes back from the client and is
never trusted for identity: it says only what a person asks for, as if they had typed it.

Teams caps a bot message at about 28 KB: a card over MAX_CARD_BYTES loses its last parts, with a note."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from bot import phone
from commands import replies as neutral
from commands.replies import Reply

SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"
VERSION = "1.5"
MAX_CARD_BYTES = 24_000
BUTTONS_PER_SET = 5
TEXT_LIMIT = 2_000
LABEL_LIMIT = 40
LONG_WORD = 24  # characters without a space: about 36 fit a 340-px phone card; longer ones get break points
ZWSP = "\u200b"
LONG_RUN = re.compile(rf"\S{{{LONG_WORD},}}")

CLICK, SUBMIT, CANCEL = "rounds.click", "rounds.submit", "rounds.cancel"
STYLE = {"primary": "positive", "danger": "destructive"}


def clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def markdown(text: str) -> str:
    """The Reply's markup in the Markdown cards render (cards have no code spans or blocks: their backticks go)."""
    text = text.replace("```", "")
    text = re.sub(r"`([^`\n]*)`", r"\1", text)
    text = LONG_RUN.sub(_breakable, text)
    return re.sub(r"(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])", r"**\1**", text)


def _breakable(m: re.Match[str]) -> str:
    """A long run without a space (usage alternatives "[project|status|…|raid]", an rrule "FREQ=…;BYDAY=MO,TU")
    gets a zero-width space after each | ; , so a phone wraps it there instead of mid-word. Links are left
    alone; bot/teams/activity.py strips the zero-width spaces from anything pasted back as a command."""
    word = m.group(0)
    if "://" in word or "](" in word:
        return word
    return re.sub(r"([|;,])(?=\S)", "\\1" + ZWSP, word)


# -- messages ---------------------------------------------------------------------------------------------
def card(
    reply: Reply, *, notice: str | None = None, state: Mapping[str, Any] | None = None, buttons: bool = True
) -> dict[str, Any]:
    """The card for a Reply. `notice` is a line above it all (what a click did, or why it was refused);
    `state` travels in every button's data (which parts of the card were already answered)."""
    body: list[dict[str, Any]] = []
    if notice:
        body.append(_notice(notice))
    separate = False
    for index, block in enumerate(reply.blocks):
        if isinstance(block, neutral.Divider):
            separate = True
            continue
        if isinstance(block, neutral.Buttons) and not buttons:
            continue
        made = _block(block, index, state or {})
        if made and separate:
            made[0]["separator"] = True
            separate = False
        body.extend(made)
    if not body:
        body = [_text(reply.text or "Rounds")]
    return _fit(_card(body, fallback=reply.text))


def text_card(text: str) -> dict[str, Any]:
    return card(Reply.private(text, neutral.Section(text=text)))


def summary(reply: Reply) -> str:
    """What a notification or the chat list shows for the message."""
    first = (reply.text or "Rounds").strip().splitlines()[0] if (reply.text or "").strip() else "Rounds"
    return clip(re.sub(r"[*_`]", "", first), 200)


def _card(
    body: list[dict[str, Any]], fallback: str = "", actions: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "AdaptiveCard",
        "$schema": SCHEMA,
        "version": VERSION,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if actions:
        out["actions"] = actions
    if fallback:
        out["fallbackText"] = clip(fallback, TEXT_LIMIT)
    return out


def _block(b: neutral.Block, index: int, state: Mapping[str, Any]) -> list[dict[str, Any]]:
    if isinstance(b, neutral.Header):
        return [
            {
                "type": "TextBlock",
                "text": clip(markdown(b.text), 300),
                "wrap": True,
                "style": "heading",
                "size": "Large",
                "weight": "Bolder",
            }
        ]
    if isinstance(b, neutral.Section):
        out = [_text(line) for line in _lines(b.text)]
        if b.fields:
            out.append(
                {
                    "type": "FactSet",
                    "facts": [{"title": clip(f.label, 100), "value": clip(markdown(f.value), 500)} for f in b.fields],
                }
            )
        return out
    if isinstance(b, neutral.Context):
        return (
            [
                {
                    "type": "TextBlock",
                    "text": clip(markdown(b.text), TEXT_LIMIT),
                    "wrap": True,
                    "isSubtle": True,
                    "size": "Small",
                }
            ]
            if b.text
            else []
        )
    if isinstance(b, neutral.Table):
        return _table(b)
    if isinstance(b, neutral.Buttons):
        actions = [a for a in (_button(x, index, state) for x in b.buttons) if a is not None]
        row, more = phone.split(
            actions, [a["title"] for a in actions]
        )  # whole titles at phone width; the rest under "More…"
        if more:
            row.append(
                {"type": "Action.ShowCard", "title": phone.MORE, "card": {"type": "AdaptiveCard", "body": _rows(more)}}
            )
        return _sets(row)
    return []


def _rows(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The actions under "More…", as many rows as it takes for every title to stay whole at phone width."""
    rows: list[list[dict[str, Any]]] = []
    for a in actions:
        if rows and phone.fits([x["title"] for x in rows[-1]] + [a["title"]]):
            rows[-1].append(a)
        else:
            rows.append([a])
    return [{"type": "ActionSet", "actions": row} for row in rows]


def _sets(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {"type": "ActionSet", "actions": actions[i : i + BUTTONS_PER_SET]}
        for i in range(0, len(actions), BUTTONS_PER_SET)
    ]


def _lines(text: str) -> list[str]:
    lines, gap = [], False
    for line in text.splitlines():
        if line.strip():
            lines.append(("\u2009" if gap else "") + line)  # keep a blank line's pause as a little space
            gap = False
        else:
            gap = bool(lines)
    return lines


def _text(line: str) -> dict[str, Any]:
    spaced = line.startswith("\u2009")
    block = {"type": "TextBlock", "text": clip(markdown(line.lstrip("\u2009")), TEXT_LIMIT), "wrap": True}
    if not spaced:
        block["spacing"] = "Small"
    if line.lstrip("\u2009").startswith("⚠️"):  # what went wrong stands out
        block["color"] = "Attention"
    return block


def _notice(text: str) -> dict[str, Any]:
    refused = text.lstrip().startswith("⚠️")
    return {
        "type": "TextBlock",
        "text": clip(markdown(text), TEXT_LIMIT),
        "wrap": True,
        "weight": "Bolder",
        "color": "Attention" if refused else "Good",
    }


def _table(t: neutral.Table) -> list[dict[str, Any]]:
    """An Adaptive Cards 1.5 Table: the column names as a header row (announced as such), a blank cell left
    blank, a red cell in the attention colour as well as its dot and word."""

    def cell(text: str, header: bool = False) -> dict[str, Any]:
        items = []
        for n, line in enumerate(x for x in text.splitlines() if x.strip()):  # one thing a line
            block: dict[str, Any] = {"type": "TextBlock", "text": clip(markdown(line), 300), "wrap": True}
            if n:
                block["spacing"] = "None"
            if header:
                block["weight"] = "Bolder"
            elif color := _MARK_COLOR.get(line[:1]):
                block["color"] = color
            items.append(block)
        return {"type": "TableCell", "items": items}

    columns = []
    for i, _ in enumerate(t.columns):
        weight = t.widths[i] if i < len(t.widths) and t.widths[i] > 0 else 1
        column: dict[str, Any] = {"type": "TableColumnDefinition", "width": weight}
        if i < len(t.align) and t.align[i] != "left":
            column["horizontalCellContentAlignment"] = t.align[i].capitalize()
        columns.append(column)
    rows = [{"type": "TableRow", "cells": [cell(c, header=True) for c in t.columns]}]
    rows += [{"type": "TableRow", "cells": [cell(c) for c in row[: len(t.columns)]]} for row in t.rows]
    out: list[dict[str, Any]] = []
    if t.caption:
        out.append(_text(f"*{t.caption}*"))
    out.append(
        {
            "type": "Table",
            "columns": columns,
            "rows": rows,
            "firstRowAsHeader": True,
            "showGridLines": False,
            "spacing": "Small",
        }
    )
    return out


_MARK_COLOR = {"🔴": "Attention"}  # red stands out; amber and green text is too pale on white (the dot says it)


def _button(b: neutral.Button, index: int, state: Mapping[str, Any]) -> dict[str, Any] | None:
    if not (b.command or b.form):
        return None
    data: dict[str, Any] = {"rounds": "click", "action": b.action, "value": b.value, "block": index, "label": b.label}
    data |= {"command": b.command} if b.command else {"form": b.form}
    if state:
        data["state"] = dict(state)
    return execute(clip(b.label, LABEL_LIMIT), CLICK, data, STYLE.get(b.style or ""))


def execute(
    title: str, verb: str, data: dict[str, Any], style: str | None = None, *, inputs: bool = True
) -> dict[str, Any]:
    """An Action.Execute, falling back to an Action.Submit with the same data on older clients."""
    action: dict[str, Any] = {"type": "Action.Execute", "title": title, "verb": verb, "data": data}
    submit: dict[str, Any] = {"type": "Action.Submit", "title": title, "data": data}
    if style:
        action["style"] = submit["style"] = style
    if not inputs:
        action["associatedInputs"] = submit["associatedInputs"] = "none"
    action["fallback"] = submit
    return action


def _fit(c: dict[str, Any]) -> dict[str, Any]:
    if _size(c) <= MAX_CARD_BYTES:
        return c
    body = c["body"]
    while body and _size(c) > MAX_CARD_BYTES - 200:
        body.pop()
    body.append(
        {"type": "TextBlock", "text": "…and more, too long for one Teams card.", "wrap": True, "isSubtle": True}
    )
    return c


def _size(c: dict[str, Any]) -> int:
    return len(json.dumps(c, ensure_ascii=False).encode())
