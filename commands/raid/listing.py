"""A list reply: a title and up to 25 lines (the export has the rest)."""

from __future__ import annotations

from commands.replies import Block, Context, Header, Reply, Section

MAX_SHOWN = 25


def reply(title: str, rows: list[str], more: str = "`/pmo export raid` has them all.") -> Reply:
    """`rows` may hold one more than is shown, so the reply can say there are more."""
    if not rows:
        return Reply.private(f"{title}: none.", Section(text=f"*{title}*: none."))
    blocks: list[Block] = [Header(text=title), Section(text="\n".join(rows[:MAX_SHOWN]))]
    if len(rows) > MAX_SHOWN:
        blocks.append(Context(text=f"Showing the first {MAX_SHOWN}. {more}"))
    return Reply.private(f"{title}: {min(len(rows), MAX_SHOWN)}", *blocks)
