"""Charts as the platforms take them: an Adaptive Card Image (a data: URI, within Teams' message size) and a
PNG file for the console. Slack uploads its charts itself (bot/slack/sender.py)."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path
from typing import Any

from commands.charts import render as charts_render
from commands.charts.specs import Chart

TEAMS_SCALE = 1  # 360 px wide: the card's column at phone width, and a few KB as a data: URI


def card_images(charts: tuple[Chart, ...], room: int) -> list[dict[str, Any]]:
    """Image elements for as many charts as fit in `room` bytes of card; the others are left out whole."""
    images = []
    for chart in charts:
        image = charts_render.render(chart, scale=TEAMS_SCALE)
        element = {
            "type": "Image",
            "url": "data:image/png;base64," + base64.b64encode(image.png).decode("ascii"),
            "altText": image.alt,
            "size": "Auto",  # never drawn wider than its pixels (Stretch blurred it on desktop), shrinks on a phone
        }
        size = len(json.dumps(element, ensure_ascii=False).encode()) + 1
        if size <= room:
            images.append(element)
            room -= size
    return images


def with_images(card: dict[str, Any], charts: tuple[Chart, ...], limit: int) -> dict[str, Any]:
    """The card with its charts after the header and the "needs attention" line, if they fit under `limit`."""
    if not charts:
        return card
    room = limit - len(json.dumps(card, ensure_ascii=False).encode())
    images = card_images(charts, room)
    at = min(2, len(card["body"]))
    card["body"][at:at] = images
    return card


def write_pngs(charts: tuple[Chart, ...], folder: Path | None = None) -> list[tuple[str, Path]]:
    """Each chart as a PNG file (named by its content, so the same chart is one file): (title, path)."""
    where = folder or Path(tempfile.gettempdir()) / "rounds-charts"
    where.mkdir(parents=True, exist_ok=True)
    out = []
    for chart in charts:
        image = charts_render.render(chart)
        path = where / image.filename
        if not path.exists():
            path.write_bytes(image.png)
        out.append((image.title, path))
    return out
