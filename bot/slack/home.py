"""Publishing the App Home tab with its chart (a sponsor's or PMO lead's risk heat map), off the request thread.

The view is published at once with the chart's alt text where the picture goes (the numbers it shows). A chart
already uploaded for this person (same data, same file) is shown straight away; otherwise it is drawn (the
render cache keeps it), uploaded with Slack's external upload flow (files.getUploadURLExternal, the bytes,
files.completeUploadExternal) and the view is published again with an image block referencing the file
(`slack_file: {"id": …}`).

Where the file goes: into the person's own DM with Rounds. A file uploaded to no conversation is the app's
alone, and Slack shows an image in a view only to someone who may see the file; the DM is the one private place
both share. So each new heat map also appears once in that DM (a new one only when the picture changes). Which
files a person has is kept per process; a web worker that does not know looks in the DM's recent history for the
file by its name (the chart's content hash) before uploading, so other workers and restarts do not upload it
again (im:history, which Rounds has).

Slack finishes an upload asynchronously: a view naming a file it has not processed yet is refused
(invalid_blocks). The publish is tried again a few times with a growing wait (a few seconds at most, on this
background thread); if Slack still refuses, the alt-text view stays and the next open shows the picture."""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.slack import render
from commands.charts import alt
from commands.charts import render as charts_render
from commands.charts.specs import Burndown, Chart, HeatMap, RagTrend
from commands.dashboard import CHART_AT
from commands.replies import Reply

log = logging.getLogger("rounds.slack")

FILES_KEPT = 4096  # (team, person, chart) → file id, per process; on a miss the DM's history is looked at first
RETRY_WAITS = (0.5, 1.0, 2.0)  # seconds between publishes while Slack processes a new upload
HISTORY_LOOKED_AT = 100  # recent messages of the DM searched for a chart Rounds already shared there


class HomeFiles:
    """Which chart files each person already has in their DM with Rounds (a small, bounded, per-process map)."""

    def __init__(self, kept: int = FILES_KEPT, sleep: Callable[[float], None] = time.sleep) -> None:
        self._files: OrderedDict[tuple[str, str, str], str] = OrderedDict()
        self._uploading: set[tuple[str, str, str]] = set()  # two quick opens upload a picture once
        self._kept = kept
        self._lock = threading.Lock()
        self.sleep = sleep

    def get(self, key: tuple[str, str, str]) -> str | None:
        with self._lock:
            found = self._files.get(key)
            if found is not None:
                self._files.move_to_end(key)
            return found

    def put(self, key: tuple[str, str, str], file_id: str) -> None:
        with self._lock:
            self._files[key] = file_id
            while len(self._files) > self._kept:
                self._files.popitem(last=False)

    def publish(self, client: WebClient, team_id: str, user_id: str, home: Reply) -> None:
        """views.publish the Home for `user_id`; with its chart once the chart's file is there."""
        keys = [(team_id, user_id, f"{c.kind}:{c.content_hash()}") for c in home.charts]
        known = [self.get(k) for k in keys]
        pictures = tuple(render.Picture(alt_text(c), c.title, f) for c, f in zip(home.charts, known, strict=True))
        client.views_publish(user_id=user_id, view=render.home(home, pictures, CHART_AT))
        with self._lock:
            missing = [i for i, f in enumerate(known) if f is None and keys[i] not in self._uploading]
            self._uploading.update(keys[i] for i in missing)
        if not missing:
            return
        try:
            dm = str(client.conversations_open(users=user_id)["channel"]["id"])
            shared = self._shared(client, dm)
            for i in missing:
                file_id = shared.get(filename(home.charts[i])) or self._upload(client, dm, home.charts[i])
                if not file_id:
                    return
                self.put(keys[i], file_id)
                known[i] = file_id
        finally:
            with self._lock:
                self._uploading.difference_update(keys[i] for i in missing)
        if any(f is None for f in known):  # another open is still uploading one: it publishes when done
            return
        pictures = tuple(render.Picture(alt_text(c), c.title, f) for c, f in zip(home.charts, known, strict=True))
        view = render.home(home, pictures, CHART_AT)
        for wait in (*RETRY_WAITS, None):
            try:
                client.views_publish(user_id=user_id, view=view)
                return
            except SlackApiError as e:
                if _error(e) != "invalid_blocks" or wait is None:
                    log.warning("Home tab with its chart not published: %s", _error(e))
                    return
                self.sleep(wait)  # Slack is still processing the upload

    def _shared(self, client: WebClient, dm: str) -> dict[str, str]:
        """Chart files Rounds already shared in this DM (by name, which carries the chart's content hash): another
        web worker, or this one before a restart, may have uploaded the picture. One page of recent history."""
        try:
            page = client.conversations_history(channel=dm, limit=HISTORY_LOOKED_AT)
        except SlackApiError as e:
            log.info("could not look for Home charts already in a DM: %s", _error(e))
            return {}
        found: dict[str, str] = {}
        for m in page.get("messages") or []:
            if not m.get("bot_id"):
                continue  # only what Rounds shared (a person could share a file of the same name)
            for f in m.get("files") or []:
                if f.get("name") and f.get("id"):
                    found.setdefault(str(f["name"]), str(f["id"]))
        return found

    def _upload(self, client: WebClient, dm: str, chart: Chart) -> str | None:
        image = charts_render.render(chart)
        answer = client.files_upload_v2(
            channel=dm,
            filename=image.filename,
            title=image.title,
            alt_txt=image.alt,
            content=image.png,
            initial_comment="Your portfolio's risk heat map, as your Rounds Home tab shows it.",
        )
        file_id = str((answer.get("file") or {}).get("id") or "")
        if not file_id:
            log.warning("Home chart %s uploaded without a file id: not shown", chart.kind)
        return file_id or None


def filename(chart: Chart) -> str:
    """The name its PNG is uploaded under (commands/charts/render's, known without drawing it)."""
    return f"{chart.kind}-{chart.content_hash()}.png"


def alt_text(chart: Chart) -> str:
    """What the chart shows, in words (no drawing: matplotlib is not needed for this)."""
    if isinstance(chart, HeatMap):
        return alt.heatmap(chart)
    if isinstance(chart, RagTrend):
        return alt.rag_trend(chart)
    if isinstance(chart, Burndown):
        return alt.burndown(chart)
    return alt.gates_on_time(chart)


def _error(e: SlackApiError | SlackClientError) -> str:
    data: Any = getattr(getattr(e, "response", None), "data", None)
    return str(data.get("error")) if isinstance(data, dict) else type(e).__name__
