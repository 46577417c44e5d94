"""Plain-text rendering of the neutral Reply for a terminal (ANSI bold only when it is a real terminal)."""

from __future__ import annotations

import re
import textwrap
import unicodedata

from commands.replies import Button, Buttons, Context, Divider, Header, Reply, Section, Table

_BOLD = re.compile(r"(?<![\w*])\*(?!\s)([^*\n]+?)(?<!\s)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?!\s)([^_\n]+?)(?<!\s)_(?![\w_])")


def markup(text: str, ansi: bool) -> str:
    if ansi:
        text = _BOLD.sub("\033[1m\\1\033[0m", text)
        return _ITALIC.sub("\033[3m\\1\033[0m", text)
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))


def button(b: Button) -> str:
    how = b.command or (f"form {b.form}" if b.form else b.action)
    return f"[{b.label} → {how}]"


def cells_width(text: str) -> int:
    """Terminal columns: wide characters (most emoji) take two, combining marks and variation selectors none."""
    n = 0
    for ch in text:
        if ch == "\ufe0f":
            n += 1  # an emoji presentation selector widens the symbol before it (⚠️)
        elif unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Cf"):
            continue
        else:
            n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n


def table(t: Table, ansi: bool = False) -> list[str]:
    """Aligned columns, the column names first; counts right-aligned where the table says so; a cell with
    several lines takes as many lines."""
    if not t.columns:
        return ([markup(f"*{t.caption}*", ansi)] if t.caption else []) + [markup(x, ansi) for x in t.lines()]
    rows = [t.columns, *(row[: len(t.columns)] for row in t.rows)]
    split = [[(row[i] if i < len(row) else "").splitlines() or [""] for i in range(len(t.columns))] for row in rows]
    widths = [max(cells_width(line) for cells in split for line in cells[i]) for i in range(len(t.columns))]

    def line(cells: list[str]) -> str:
        out = []
        for i, w in enumerate(widths):
            cell = cells[i]
            pad = " " * (w - cells_width(cell))
            right = i < len(t.align) and t.align[i] == "right"
            out.append(pad + cell if right else cell + pad)
        return "  ".join(out).rstrip()

    def physical(cells: list[list[str]]) -> list[str]:
        height = max(len(c) for c in cells)
        return [line([c[n] if n < len(c) else "" for c in cells]) for n in range(height)]

    lines = [markup(f"*{t.caption}*", ansi)] if t.caption else []
    head = physical(split[0])
    lines += [markup(f"*{h}*", ansi) for h in head] if ansi else head
    lines.append("  ".join("─" * w for w in widths))
    for cells in split[1:]:
        lines += physical(cells)
    return lines


def render(reply: Reply, ansi: bool = False, width: int = 100) -> str:
    if not reply.blocks:
        lines = [reply.text]
    else:
        lines = []
        for block in reply.blocks:
            if isinstance(block, Header):
                lines.append(markup(f"*{block.text}*", ansi))
            elif isinstance(block, Section):
                if block.text:
                    lines.append(markup(block.text.replace("```", ""), ansi))
                if block.fields:
                    lines.append("   ".join(markup(f"*{f.label}*: {f.value}", ansi) for f in block.fields))
            elif isinstance(block, Context):
                lines.append(markup(f"  · {block.text}", ansi))
            elif isinstance(block, Buttons):
                lines.append("  " + " ".join(button(b) for b in block.buttons))
            elif isinstance(block, Divider):
                lines.append("  " + "─" * 40)
            elif isinstance(block, Table):
                lines.extend(TABLE_MARK + row for row in table(block, ansi))
    if reply.form is not None:
        lines.append(f"(In Slack or Teams this opens the “{reply.form.title}” form.)")
    if reply.attachment is not None:
        lines.append(f"📎 {reply.attachment.filename} ({len(reply.attachment.content)} bytes)")
    out = []
    for line in "\n".join(lines).splitlines():
        if line.startswith(TABLE_MARK):  # a table's rows keep their alignment: never wrapped
            out.append(line[len(TABLE_MARK) :])
            continue
        out.extend(textwrap.wrap(line, width=width, subsequent_indent="    ", replace_whitespace=False) or [""])
    return "\n".join(out)


TABLE_MARK = "\x00table\x00"
