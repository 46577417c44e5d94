"""Nothing private in the logs. A full scenario — slash commands, a click, a modal submission, a replay, requests
that fail the signature check or arrive too late, malformed ones, an unknown command, Teams messages (one
without a token) — runs with every logger at DEBUG, written through the handler `python -m bot web` installs
(bot/logs.py). Then: no text anyone typed and no response_url at INFO or above; no token or secret at any level.

SQLAlchemy's engine logger stays at WARNING, as in production: its echo writes statements with their bound
parameters at INFO, and nothing in Rounds turns it on."""

from __future__ import annotations

import io
import logging
import re
import time
import urllib.parse
from collections.abc import Iterator

import pytest
from slack_bolt import App, BoltRequest
from slack_bolt.authorization import AuthorizeResult

from bot import logs
from bot.slack.app import BOLT_LOG
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET, Workspace, signature
from tests.teams.support import Tenant

# Words that appear nowhere in Rounds: if one is in a log line, it came from what someone typed.
TYPED = {
    "status": "Marigold ward handover is late",
    "risk": "Quetzal infusion pump recall",
    "action": "Periwinkle downtime drill",
    "reason": "Zeppelin staffing gap on nights",
    "forged": "Ophelia bed twelve transfer",
    "stale": "Tarragon pharmacy feed delayed",
    "unknown": "Juniper theatre list",
    "malformed": "Saffron discharge letters",
    "unhandled": "Cardamom bed board",
    "teams": "Xylophone lab interface down",
    "teams_forged": "Nutmeg radiology backlog",
    "teams_broken": "Vermilion catheter audit",
}
RECORD = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} (DEBUG|INFO|WARNING|ERROR|CRITICAL) ", re.MULTILINE)


@pytest.fixture
def written() -> Iterator[io.StringIO]:
    """Everything the production log handler writes, with the root logger at DEBUG; restored afterwards."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    quiet = {name: logging.getLogger(name).level for name in ("sqlalchemy.engine", "alembic")}
    out = io.StringIO()
    logs.configure("DEBUG", stream=out)
    yield out
    root.handlers[:], root.level = saved
    for name, level in quiet.items():
        logging.getLogger(name).setLevel(level)


def records(text: str) -> list[tuple[str, str]]:
    """(level, the whole record with any traceback lines) for each record written."""
    starts = list(RECORD.finditer(text))
    return [
        (m.group(1), text[m.start() : starts[i + 1].start() if i + 1 < len(starts) else len(text)])
        for i, m in enumerate(starts)
    ]


def test_a_full_scenario_logs_nothing_private(
    slack: Workspace, teams: Tenant, written: io.StringIO, capfd: pytest.CaptureFixture[str]
) -> None:
    # Slack: commands, a click that opens a modal, the modal's submission, a replay
    slack.ok("sam", f'/status amber "{TYPED["status"]}"')
    assert "already arrived" in slack.replay().text
    slack.ok("sam", f'/risk "{TYPED["risk"]}" L4 I5 owner:@kim')
    slack.ok("sam", f'/action @kim "{TYPED["action"]}" due:+7d')
    slack.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    (card,) = slack.posted("@dana")
    slack.click("dana", card, "Reject")
    slack.submit("dana", slack.opened(), reason=TYPED["reason"])
    # Slack: requests that are refused or not handled
    fields = slack.command_fields("sam", f'/status red "{TYPED["forged"]}"')
    assert slack.post_form(fields, secret="not-the-signing-secret").status == 401
    fields = slack.command_fields("sam", f'/status red "{TYPED["stale"]}"')
    assert slack.post_form(fields, timestamp=int(time.time()) - 6 * 60).status == 401
    assert "doesn't have that command" in slack.command("sam", f"/frobnicate {TYPED['unknown']}").text
    malformed = b"payload=" + urllib.parse.quote('{"type": "block_actions", "text": "' + TYPED["malformed"]).encode()
    assert slack.post(malformed, "application/x-www-form-urlencoded").status == 400
    closed = {"type": "view_closed", "team": {"id": slack.team_id}, "view": {"title": TYPED["unhandled"]}}
    assert slack.post_interaction(closed).status == 200
    # Teams: a command, one without a token, one whose handling fails
    teams.ok("sam", 'project create EHR "EHR Upgrade" pm:@sam', "#ehr")
    teams.ok("sam", f'status EHR amber "{TYPED["teams"]}"')
    assert teams.post(teams.message("sam", f'status EHR red "{TYPED["teams_forged"]}"'), token=None).status == 401
    activity = teams.message("sam", f'status EHR red "{TYPED["teams_broken"]}"')
    activity["channelData"]["tenant"]["id"] = "x" * 100  # longer than any tenant id: refused, not logged
    assert teams.post(activity).status == 400

    slack.wait_for("response_url")  # the click's and the submission's follow-ups have been sent
    text = written.getvalue()
    loud = [record for level, record in records(text) if level != "DEBUG"]
    assert loud, "the scenario logged nothing at INFO at all: is the capture working?"
    for record in loud:
        assert not [w for w in TYPED.values() if w.split()[0] in record], record
        assert "/response/" not in record, record  # the fake's response_url paths
    for secret in (SIGNING_SECRET, BOT_TOKEN, "xoxb-", "eyJ"):  # "eyJ" starts every JWT the fake signs
        assert secret not in text
    assert not [w for w in TYPED.values() if w.split()[0] in capfd.readouterr().err]  # nothing around logging either
    assert TYPED["status"] in slack.ok("sam", "/status").text  # and the texts did go through


def test_bolt_messages_that_quote_a_request_are_cut_to_their_first_words(caplog: pytest.LogCaptureFixture) -> None:
    """The backstop, should a Bolt upgrade or a new code path reach them: a bare Bolt app on Rounds' Bolt logger,
    with Bolt's own signature check on and no listeners, quotes nothing it was sent."""

    def authorize(**_: object) -> AuthorizeResult:  # no auth.test: the test has no Slack to ask
        return AuthorizeResult(enterprise_id=None, team_id="T1", bot_token=BOT_TOKEN, bot_user_id="UB", bot_id="B")

    app = App(signing_secret=SIGNING_SECRET, authorize=authorize, logger=BOLT_LOG)
    body = urllib.parse.urlencode({"command": "/status", "team_id": "T1", "text": TYPED["status"]})
    ts = str(int(time.time()))
    with caplog.at_level(logging.DEBUG):
        forged = app.dispatch(
            BoltRequest(body=body, headers={"x-slack-request-timestamp": ts, "x-slack-signature": "v0=forged"})
        )
        unhandled = app.dispatch(
            BoltRequest(
                body=body,
                headers={
                    "x-slack-request-timestamp": ts,
                    "x-slack-signature": signature(SIGNING_SECRET, ts, body.encode()),
                },
            )
        )
    assert (forged.status, unhandled.status) == (401, 404)
    said = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    assert "Invalid request signature detected (request not logged)" in said
    assert "Unhandled request (not logged)" in said
    assert not [m for m in said if "Marigold" in m or "/status" in m]
