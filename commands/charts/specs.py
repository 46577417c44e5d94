"""What a chart shows, as plain, hashable data: small enough to travel in an outbox row, and the cache key.

A spec carries counts and dates, never free text from users except project keys (which the PHI guard already
checked when the project was made)."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Rag = Literal["green", "amber", "red"]


class _Spec(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    def content_hash(self) -> str:
        """Same data, same hash: the render cache's key, and the file name's suffix."""
        raw = json.dumps(self.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(raw.encode()).hexdigest()[:16]


class HeatMap(_Spec):
    """Open risks per likelihood × impact cell: counts[likelihood - 1][impact - 1]."""

    kind: Literal["heatmap"] = "heatmap"
    title: str = "Open risks by likelihood × impact"
    counts: tuple[tuple[int, int, int, int, int], ...] = Field(min_length=5, max_length=5)

    @classmethod
    def of(cls, cells: list[tuple[int, int]], title: str | None = None) -> HeatMap:
        """From (likelihood, impact) pairs, one per open risk."""
        grid = [[0] * 5 for _ in range(5)]
        for likelihood, impact in cells:
            grid[likelihood - 1][impact - 1] += 1
        rows = tuple((r[0], r[1], r[2], r[3], r[4]) for r in grid)
        return cls(counts=rows) if title is None else cls(counts=rows, title=title)

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts)


class RagPoint(_Spec):
    day: date
    rag: Rag


class RagTrend(_Spec):
    """Each project's overall RAG over its last updates (oldest first, at most 12 per project)."""

    kind: Literal["rag_trend"] = "rag_trend"
    title: str = "RAG trend (last 12 updates)"
    projects: tuple[tuple[str, tuple[RagPoint, ...]], ...]


class LevelCounts(_Spec):
    day: date
    critical: int = 0
    high: int = 0
    medium: int = 0
    low: int = 0


class Burndown(_Spec):
    """Open risks by level on each day (oldest first)."""

    kind: Literal["burndown"] = "burndown"
    title: str = "Open risks by level"
    points: tuple[LevelCounts, ...] = Field(min_length=1)


class GateTimeliness(_Spec):
    label: str  # a project key or a period, e.g. "EHR" or "Nov"
    on_time: int = 0
    late: int = 0


class GatesOnTime(_Spec):
    """Gates decided by their due date against those decided after it."""

    kind: Literal["gates_on_time"] = "gates_on_time"
    title: str = "Gates decided on time vs late"
    rows: tuple[GateTimeliness, ...] = Field(min_length=1)


Chart = Annotated[HeatMap | RagTrend | Burndown | GatesOnTime, Field(discriminator="kind")]
