"""On the console a digest's charts are PNG files, and the digest says where each one was written."""

from __future__ import annotations

from pathlib import Path

from bot.console.sender import ConsoleSender
from commands.charts.specs import HeatMap
from commands.replies import Reply, Section
from storage.models import TargetKind, Workspace


def test_the_console_writes_each_chart_and_says_where(tmp_path: Path) -> None:
    shown: list[str] = []
    sender = ConsoleSender(shown.append, charts_dir=tmp_path)
    reply = Reply.channel("EHR digest", Section(text="EHR digest")).model_copy(
        update={"charts": (HeatMap.of([(5, 4)]),)}
    )
    sender.post(Workspace(), TargetKind.CHANNEL, "#ehr", reply, None)
    (png,) = tmp_path.glob("heatmap-*.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert f"📊 Open risks by likelihood × impact: {png}" in shown[0]
