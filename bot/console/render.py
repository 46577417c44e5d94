"""Plain-text rendering of the neutral Reply for a terminal (ANSI bold only when it is a real terminal)."""

from __future__ import annotations

import re
import textwrap

from commands.replies import Button, Buttons, Context, Divider, Header, Reply, Section

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
    if reply.form is not None:
        lines.append(f"(In Slack or Teams this opens the “{reply.form.title}” form.)")
    if reply.attachment is not None:
        lines.append(f"📎 {reply.attachment.filename} ({len(reply.attachment.content)} bytes)")
    out = []
    for line in "\n".join(lines).splitlines():
        out.extend(textwrap.wrap(line, width=width, subsequent_indent="    ", replace_whitespace=False) or [""])
    return "\n".join(out)
