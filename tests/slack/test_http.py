"""The web process as Slack and an operator see it: signatures, retries, uninstalls, /healthz, /metrics."""

from __future__ import annotations

import json
import threading
import time
import urllib.request

from sqlalchemy import select

from storage.models import OutboxMessage, OutboxStatus
from storage.models import Workspace as WorkspaceRow
from tests.slack.conftest import WebProcess
from tests.slack.support import Workspace


def get(url: str) -> tuple[int, str, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode()


def workspace_row(web: WebProcess, ws: Workspace) -> WorkspaceRow:
    with web.reader() as s:
        row = s.scalar(select(WorkspaceRow).where(WorkspaceRow.external_id == ws.team_id))
        assert row is not None
        return row


# -- who may talk to Rounds -------------------------------------------------------------------------
def test_a_forged_signature_is_refused(ehr: Workspace) -> None:
    before = ehr.fake.mark()
    forged = ehr.post_form(
        {"team_id": ehr.team_id, "user_id": ehr.id("sam"), "command": "/status", "text": "EHR"},
        secret="not-the-signing-secret",
    )
    assert forged.status == 401
    unsigned = ehr.post(b"command=%2Fstatus", "application/x-www-form-urlencoded", headers={"X-Slack-Signature": ""})
    assert unsigned.status == 401
    assert [c for c in ehr.fake.calls[before:] if ehr.mine(c)] == []  # nothing ran


def test_a_request_older_than_five_minutes_is_refused(ehr: Workspace) -> None:
    stale = ehr.post_form(
        {"team_id": ehr.team_id, "user_id": ehr.id("sam"), "command": "/status", "text": "EHR"},
        timestamp=int(time.time()) - 6 * 60,
    )
    assert stale.status == 401
    fresh = ehr.post_form(
        {
            "team_id": ehr.team_id,
            "user_id": ehr.id("sam"),
            "command": "/status",
            "text": "EHR",
            "channel_id": ehr.channel("#ehr"),
        },
        timestamp=int(time.time()) - 4 * 60,
    )
    assert fresh.status == 200


def test_the_events_url_is_verified(workspace: Workspace) -> None:
    answer = workspace.post(
        json.dumps(
            {
                "token": "x",
                "challenge": "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
                "type": "url_verification",
            }
        ).encode(),
        "application/json",
    )
    assert answer.status == 200 and answer.body["challenge"].startswith("3eZbrw1a")


# -- uninstalls -------------------------------------------------------------------------------------
def test_app_uninstalled_keeps_the_data_and_stops_posting(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", '/status amber "Vendor slipped"')
    assert ehr.post_event({"type": "app_uninstalled"}).status == 200
    row = workspace_row(web, ehr)
    assert row.uninstalled_at is not None
    assert "amber" in ehr.ok("sam", "/status").text  # the data is all there

    marked = ehr.fake.mark()
    ehr.ok("sam", '/gate request "Go-live" approvers:@dana')  # would post a card and a DM
    rows = settled_outbox(web, row.id)
    assert rows and all(r.status == OutboxStatus.FAILED and "uninstalled" in (r.last_error or "") for r in rows)
    assert ehr.fake.calls_to("chat.postMessage", since=marked) == []


def settled_outbox(web: WebProcess, workspace_id: int, timeout: float = 10.0) -> list[OutboxMessage]:
    """The workspace's outbox rows once the background dispatcher pass has settled them (a bounded poll)."""
    deadline = time.monotonic() + timeout
    while True:
        with web.reader() as s:
            rows = list(s.scalars(select(OutboxMessage).where(OutboxMessage.workspace_id == workspace_id)))
        if (rows and all(r.status != OutboxStatus.PENDING for r in rows)) or time.monotonic() > deadline:
            return rows
        time.sleep(0.05)


def test_tokens_revoked_for_the_bot_counts_as_uninstalled(ehr: Workspace, web: WebProcess) -> None:
    ehr.post_event({"type": "tokens_revoked", "tokens": {"oauth": [ehr.id("sam")]}})
    assert workspace_row(web, ehr).uninstalled_at is None  # only a user's token: Rounds can still post
    ehr.post_event({"type": "tokens_revoked", "tokens": {"bot": ["UBOTROUNDS"]}})
    assert workspace_row(web, ehr).uninstalled_at is not None


# -- serving ----------------------------------------------------------------------------------------
def test_healthz_checks_the_database(web: WebProcess) -> None:
    status, ctype, body = get(web.url + "/healthz")
    assert status == 200 and ctype.startswith("application/json")
    assert json.loads(body) == {"status": "ok", "database": "ok", "slack": "ok"}  # each platform, by name
    assert get(web.url + "/nowhere")[0] == 404
    assert get(web.url + "/slack/events")[0] == 405  # Slack only POSTs


def test_metrics_count_requests_latency_errors_and_the_outbox(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("sam", "/status")
    ehr.post_form({"command": "/status"}, secret="forged")
    status, ctype, text = get(web.url + "/metrics")
    assert status == 200 and ctype.startswith("text/plain")
    assert 'rounds_http_requests_total{method="POST",route="/slack/events",status="200"}' in text
    assert 'rounds_http_requests_total{method="POST",route="/slack/events",status="401"}' in text
    assert 'rounds_http_request_duration_seconds_bucket{le="0.5",route="/slack/events"}' in text
    assert "# TYPE rounds_http_errors_total counter" in text
    assert 'rounds_slack_interactions_total{kind="command",outcome="ok"}' in text
    assert 'rounds_outbox_messages{status="pending"}' in text and 'rounds_outbox_messages{status="failed"}' in text


def test_it_keeps_answering_while_sixteen_requests_are_in_flight(ehr: Workspace) -> None:
    """Two workers × eight threads: sixteen slash commands at once all get their answer well inside 3 s."""
    results: list[tuple[int, float]] = []
    lock = threading.Lock()

    def one(i: int) -> None:
        started = time.monotonic()
        answer = ehr.command("sam", "/risk list" if i % 2 else "/status")
        with lock:
            results.append((answer.status, time.monotonic() - started))

    threads = [threading.Thread(target=one, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(results) == 16 and all(status == 200 for status, _ in results)
    assert max(elapsed for _, elapsed in results) < 3.0, results
