"""The console's platform sender: what Rounds would post to Slack or Teams, printed in the terminal."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bot import charts
from bot.console.render import render
from bot.outbox.sender import Delivery
from commands.replies import Reply
from storage.models import TargetKind, Workspace


@dataclass
class ConsoleSender:
    write: Callable[[str], None]
    ansi: bool = False
    charts_dir: Path | None = None  # where chart PNGs go (default: the temp folder's rounds-charts)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))

    def post(
        self, workspace: Workspace, kind: TargetKind, target: str, reply: Reply, thread_ts: str | None
    ) -> Delivery:
        where = target if kind == TargetKind.CHANNEL else f"DM to @{target}"
        text = render(reply, self.ansi)
        for title, path in charts.write_pngs(reply.charts, self.charts_dir):
            text += f"\n📊 {title}: {path}"
        self.write(f"  ┌ → {where}\n" + _indent(text))
        return Delivery(channel=target, ts=f"console.{next(self._ids)}")

    def update(self, workspace: Workspace, channel: str, ts: str, reply: Reply) -> None:
        where = channel if channel.startswith("#") else f"DM with @{channel}"  # console channels are "#name"
        self.write(f"  ┌ ✎ card updated in {where}\n" + _indent(render(reply, self.ansi)))


def _indent(text: str) -> str:
    return "\n".join(f"  │ {line}" for line in text.splitlines()) + "\n  └"
