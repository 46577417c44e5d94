"""A signed Slack request sent again byte for byte (a replay inside the 5-minute window, or a proxy's duplicate) is
not applied twice. Slack never sends the same slash command, click or form submission twice, and each request is
signed over its own timestamp, so the signature identifies it; the web processes remember the signatures they
have seen in the database (processed_events), so it holds across processes. Events are told apart by event_id
instead: Slack's own retries are signed afresh and carry X-Slack-Retry-Num and the same event_id."""

from __future__ import annotations

import logging

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import OperationalError

from storage import deliveries
from storage.models import ProcessedEvent, Risk, StatusUpdate
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_api import FakeSlackAPI
from tests.slack.support import Workspace
from tests.teams.support import WebServer
from tests.web.conftest import serve_both


def count(web: WebServer, model: type) -> int:
    with web.app.rt.sessions() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_a_replayed_slash_command_is_answered_already_received_and_applied_once(
    slack: Workspace, web: WebServer
) -> None:
    first = slack.ok("sam", '/status green "Cutover rehearsal passed"')
    assert "green" in first.text.lower()
    again = slack.replay()
    assert again.status == 200 and not again.public  # Slack shows a non-200 as an error; the person sees this
    assert again.text == "This command had already arrived and was run once; nothing was done again."
    assert count(web, StatusUpdate) == 1


def test_a_replay_is_refused_by_every_web_process(
    slack: Workspace, web: WebServer, engine: Engine, fake_slack: FakeSlackAPI, bf: FakeBotConnector
) -> None:
    slack.ok("sam", '/status amber "Interface testing slipped a week"')
    other = serve_both(engine, fake_slack, bf)  # a second stateless web process on the same database
    try:
        slack.url = other.url + "/slack/events"
        assert "already arrived" in slack.replay().text
    finally:
        other.close()
    assert count(web, StatusUpdate) == 1


def test_a_replayed_form_submission_creates_one_risk(slack: Workspace, web: WebServer) -> None:
    slack.command("sam", "/risk")
    slack.submit("sam", slack.opened(), title="Interface engine capacity", likelihood="3", impact="4")
    assert count(web, Risk) == 1
    again = slack.replay()
    assert (again.status, again.raw) == (200, b"")  # an empty 200 just closes the modal
    assert count(web, Risk) == 1


def test_a_replayed_click_is_acknowledged_and_not_run_again(slack: Workspace, caplog: pytest.LogCaptureFixture) -> None:
    slack.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    (card,) = slack.posted("@dana")
    slack.click("dana", card, "Reject")  # opens the modal that asks why, on the request's own thread
    assert len(slack.calls("views.open")) == 1
    with caplog.at_level(logging.INFO, logger="rounds.slack"):
        assert slack.replay().status == 200
    assert len(slack.calls("views.open")) == 1
    assert "a replayed block_actions, not run again" in caplog.text


def test_an_event_retried_by_slack_or_replayed_is_handled_once(slack: Workspace, web: WebServer) -> None:
    home = {"type": "app_home_opened", "user": slack.id("sam"), "tab": "home"}
    event_id = "Ev0HOME" + slack.team_id
    assert slack.post_event(home, event_id=event_id).status == 200
    assert slack.post_event(home, event_id=event_id, retry=1).status == 200  # Slack's retry: signed afresh
    assert slack.replay().status == 200  # the retry's bytes again
    with web.app.rt.sessions() as s:
        assert s.scalar(select(func.count()).where(ProcessedEvent.event_id == event_id)) == 1
    assert len(slack.wait_for("views.publish")) == 1


def test_a_command_still_answers_in_words_when_the_replay_memory_cannot_be_reached(
    slack: Workspace, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def unreachable(*args: object) -> bool:
        raise OperationalError("INSERT", {}, Exception("connection refused"))

    monkeypatch.setattr(deliveries, "first_signed_request", unreachable)
    with caplog.at_level(logging.DEBUG):
        answer = slack.command("sam", '/status green "Bed 7 handover"')
    assert answer.status == 200 and not answer.public
    assert "Something went wrong on our side and nothing was changed" in answer.text
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and "OperationalError" in errors[0] and "Bed 7" not in errors[0]
