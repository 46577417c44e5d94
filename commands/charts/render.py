"""Specs to PNG with matplotlib's Agg canvas (no pyplot, no global state, no network).

matplotlib is imported on the first render, not at import time: web start-up and slash commands never pay for
it. Renders are cached by the spec's content hash, so a digest retried by the outbox is not drawn again."""

from __future__ import annotations

import io
import threading
from collections import OrderedDict
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from commands.charts import alt, palette
from commands.charts.specs import Burndown, Chart, GatesOnTime, HeatMap, RagTrend
from storage.models import RiskLevel

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

WIDTH_IN, HEIGHT_IN = 3.6, 3.0  # inches: 360 × 300 px at scale 1, the size of Slack's thumbnail
DPI = 100
FONT = 9  # points: 12.5 px at 360 px wide, still legible in a thumbnail
HEATMAP_AXES = (0.17, 0.16, 0.62, 0.72)  # left, bottom, width, height as fractions: fixed so cells are findable
CACHE_SIZE = 64
BAR_HEIGHT = 0.6  # of a row
GATE_ROWS = 4  # the gates chart keeps room for this many rows: a bar is never wider than a quarter of the plot
GATE_SCALE = 4  # and its axis goes to at least 4 gates

_cache: OrderedDict[tuple[str, int], Image] = OrderedDict()
_lock = threading.Lock()


@dataclass(frozen=True)
class Image:
    png: bytes
    alt: str
    title: str
    filename: str
    width: int
    height: int


def render(spec: Chart, scale: int = 2) -> Image:
    """The chart as a PNG, `scale` × 360 px wide (2 for Slack's retina thumbnails, 1 where bytes count)."""
    key = (f"{spec.kind}:{spec.content_hash()}", scale)
    with _lock:
        hit = _cache.get(key)
        if hit is not None:
            _cache.move_to_end(key)
            return hit
    image = _draw(spec, scale)
    with _lock:
        _cache[key] = image
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return image


def cache_clear() -> None:
    with _lock:
        _cache.clear()


def _draw(spec: Chart, scale: int) -> Image:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI * scale)
    FigureCanvasAgg(fig)
    if isinstance(spec, HeatMap):
        _heatmap(fig, spec)
        text = alt.heatmap(spec)
    elif isinstance(spec, RagTrend):
        _rag_trend(fig, spec)
        text = alt.rag_trend(spec)
    elif isinstance(spec, Burndown):
        _burndown(fig, spec)
        text = alt.burndown(spec)
    else:
        _gates(fig, spec)
        text = alt.gates_on_time(spec)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=DPI * scale, metadata={"Software": None})
    png = _shrink(buf.getvalue())
    width, height = round(WIDTH_IN * DPI * scale), round(HEIGHT_IN * DPI * scale)
    return Image(png, text, spec.title, f"{spec.kind}-{spec.content_hash()}.png", width, height)


def _shrink(png: bytes) -> bytes:
    """An adaptive 64-colour palette: a third of the bytes, no visible change (flat colours, few shades)."""
    from PIL import Image as PILImage

    with PILImage.open(io.BytesIO(png)) as im:
        small = im.convert("RGB").quantize(colors=64, method=PILImage.Quantize.MEDIANCUT)
        out = io.BytesIO()
        small.save(out, format="PNG", optimize=True)
    return out.getvalue() if out.tell() < len(png) else png


def _title(fig: Figure, text: str) -> None:
    fig.suptitle(text, fontsize=FONT + 1, fontweight="bold", x=0.02, ha="left", y=0.97)


def _heatmap(fig: Figure, spec: HeatMap) -> None:
    from matplotlib.patches import Patch, Rectangle

    _title(fig, spec.title)
    ax: Axes = fig.add_axes(HEATMAP_AXES)
    for l_, row in enumerate(spec.counts, start=1):
        for i, n in enumerate(row, start=1):
            colour = palette.LEVEL[RiskLevel.of(l_ * i).value]
            fill = colour if n else palette.faded(colour)
            ax.add_patch(Rectangle((i - 0.5, l_ - 0.5), 1, 1, facecolor=fill, edgecolor="white", linewidth=1.5))
            ax.text(
                i,
                l_,
                str(n),
                ha="center",
                va="center",
                fontsize=FONT + 2 if n else FONT,
                fontweight="bold" if n else "normal",
                color="black" if n else "#555555",
            )
    ax.set_xlim(0.5, 5.5)
    ax.set_ylim(0.5, 5.5)
    ax.set_xticks(range(1, 6))
    ax.set_yticks(range(1, 6))
    ax.tick_params(labelsize=FONT, length=0)
    ax.set_xlabel("Impact", fontsize=FONT)
    ax.set_ylabel("Likelihood", fontsize=FONT)
    for side in ax.spines.values():
        side.set_visible(False)
    handles = [Patch(facecolor=c, label=name) for name, c in palette.LEVEL.items()]
    fig.legend(handles=handles, loc="center right", fontsize=FONT - 1, frameon=False, handlelength=1)


def _rag_trend(fig: Figure, spec: RagTrend) -> None:
    from matplotlib.lines import Line2D

    _title(fig, spec.title)
    ax: Axes = fig.add_axes((0.2, 0.3, 0.76, 0.58))
    keys = [key for key, _ in spec.projects]
    for row, (_, points) in enumerate(reversed(spec.projects)):
        if not points:
            continue
        days = [p.day.toordinal() for p in points]
        ax.plot(days, [row] * len(days), color=palette.GREY, linewidth=1, zorder=1)
        for rag in ("green", "amber", "red"):
            mine = [p.day.toordinal() for p in points if p.rag == rag]
            if mine:
                ax.scatter(mine, [row] * len(mine), s=46, c=palette.RAG[rag], marker=palette.RAG_MARKER[rag], zorder=2)
    ax.set_yticks(range(len(keys)), list(reversed(keys)))
    ax.set_ylim(-0.6, max(len(keys), 1) - 0.4)
    _date_ticks(ax, sorted({p.day for _, points in spec.projects for p in points}))
    handles = [
        Line2D([], [], linestyle="", marker=palette.RAG_MARKER[r], color=palette.RAG[r], label=r) for r in palette.RAG
    ]
    fig.legend(handles=handles, loc="lower center", ncols=3, fontsize=FONT - 1, frameon=False)


def _date_ticks(ax: Axes, days: list[date], most: int = 6) -> None:
    """Dates as "07 Sep", at most `most` of them, slanted so they fit a thumbnail (x values are ordinals)."""
    step = max(1, -(-len(days) // most))
    shown = days[::step]
    ax.set_xticks([d.toordinal() for d in shown], [f"{d:%d %b}" for d in shown], rotation=45, ha="right")
    ax.tick_params(labelsize=FONT - 1)


def _burndown(fig: Figure, spec: Burndown) -> None:
    from matplotlib.ticker import MaxNLocator

    _title(fig, spec.title)
    ax: Axes = fig.add_axes((0.17, 0.3, 0.79, 0.58))
    days = [p.day.toordinal() for p in spec.points]
    levels = ("critical", "high", "medium", "low")
    series: list[Any] = [[getattr(p, lv) for p in spec.points] for lv in levels]
    colours = [palette.LEVEL[lv] for lv in levels]
    ax.stackplot(days, *series, labels=levels, colors=colours, edgecolor="white", linewidth=0.5)
    ax.set_ylabel("Open risks", fontsize=FONT)
    _date_ticks(ax, [p.day for p in spec.points])
    if len(days) > 1:
        ax.set_xlim(days[0], days[-1])
    ax.set_ylim(bottom=0)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    fig.legend(loc="lower center", ncols=4, fontsize=FONT - 1, frameon=False, handlelength=1)


def _gates(fig: Figure, spec: GatesOnTime) -> None:
    from matplotlib.ticker import MaxNLocator

    _title(fig, spec.title)
    ax: Axes = fig.add_axes((0.18, 0.22, 0.76, 0.66))
    labels = [r.label for r in spec.rows]
    y = list(range(len(labels)))[::-1]
    on_time = [r.on_time for r in spec.rows]
    late = [r.late for r in spec.rows]
    bars = ax.barh(y, on_time, height=BAR_HEIGHT, color=palette.ON_TIME, label="on time")
    later = ax.barh(
        y, late, height=BAR_HEIGHT, left=on_time, color=palette.LATE, label="late", hatch="//", edgecolor="white"
    )
    ax.bar_label(bars, labels=[str(n) if n else "" for n in on_time], label_type="center", color="white", fontsize=FONT)
    ax.bar_label(later, labels=[str(n) if n else "" for n in late], label_type="center", color="black", fontsize=FONT)
    ax.set_yticks(y, labels)
    # Room for GATE_ROWS rows however few there are, bars from the top: one project is one bar, not a blue slab.
    rows = max(len(labels), GATE_ROWS)
    ax.set_ylim(len(labels) - rows - 0.5, len(labels) - 0.5)
    most = max(a + b for a, b in zip(on_time, late, strict=True))
    ax.set_xlim(0, max(most, GATE_SCALE))  # a single gate is not a bar the plot's full width
    ax.set_xlabel("Gates decided", fontsize=FONT)
    ax.tick_params(labelsize=FONT)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    fig.legend(loc="lower center", ncols=2, fontsize=FONT - 1, frameon=False)
