"""What a chat platform adds to the web server: its routes (plain WSGI apps) and how to close it.

Each platform lives in its own folder and offers `mount(runtime) -> Mount | None` (None when it is not
configured). Adding one (Teams' `/api/messages`) is a new folder and one line in PLATFORMS."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]

PLATFORMS = ("bot.slack.http", "bot.teams.http")


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    app: WSGIApp


@dataclass
class Mount:
    name: str
    routes: list[Route]
    close: Callable[[], None] = field(default=lambda: None)
    health: Callable[[], str | None] = field(default=lambda: None)  # what is wrong with the platform now, or None


def mounts(runtime: Any) -> list[Mount]:
    found = []
    for module in PLATFORMS:
        mount = importlib.import_module(module).mount(runtime)
        if mount is not None:
            found.append(mount)
    return found
