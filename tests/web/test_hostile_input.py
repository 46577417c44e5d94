"""Hostile and odd input, one case at a time: each found by the fuzz of issue 8 (a 500, or "something went wrong"),
each now a 4xx or a clear reply. Slack's requests are correctly signed (a caller with the signing secret, or a
broken proxy); Teams' carry a valid Bot Framework token. The fuzz (test_fuzz.py) covers the space between."""

from __future__ import annotations

import http.client
import json
import logging
import time
import urllib.parse

import pytest
from sqlalchemy import select

from storage.models import Project, Risk, StatusUpdate
from storage.models import Workspace as WorkspaceRow
from tests.slack.support import Workspace
from tests.teams.support import Tenant, WebServer

FORM = "application/x-www-form-urlencoded"


def notes(web: WebServer, external_id: str) -> list[str]:
    with web.app.rt.sessions() as s:
        return list(
            s.scalars(
                select(StatusUpdate.note)
                .join(Project, Project.id == StatusUpdate.project_id)
                .join(WorkspaceRow, WorkspaceRow.id == Project.workspace_id)
                .where(WorkspaceRow.external_id == external_id)
                .order_by(StatusUpdate.id)
            )
        )


def payload(ws: Workspace, **fields: object) -> bytes:
    return urllib.parse.urlencode({"payload": json.dumps({"team": {"id": ws.team_id}, **fields})}).encode()


def user(ws: Workspace, who: str = "sam") -> dict[str, str]:
    return {"id": ws.id(who), "team_id": ws.team_id}


# -- Slack: the request itself ------------------------------------------------------------------------------------
def test_a_timestamp_that_is_not_a_number_is_refused(slack: Workspace) -> None:
    answer = slack.post(b"command=%2Fstatus", FORM, headers={"X-Slack-Request-Timestamp": "soon"})
    assert answer.status == 401


def test_slacks_ssl_check_is_answered_without_a_signature_and_runs_nothing(slack: Workspace, web: WebServer) -> None:
    check = b"ssl_check=1&token=legacy-verification-token"
    assert slack.send(check, {"Content-Type": FORM}).status == 200  # no signature headers at all
    unsigned = urllib.parse.urlencode(slack.command_fields("sam", '/status green "On track"')).encode()
    assert slack.send(unsigned + b"&ssl_check=1", {"Content-Type": FORM}).raw == b""  # answered as a check: not run
    assert notes(web, slack.team_id) == []


def test_a_signed_body_that_is_not_json_is_refused(slack: Workspace) -> None:
    assert slack.post(b'{"type": "event_callback", "event": {', "application/json").status == 400


def test_truncated_json_is_refused(slack: Workspace) -> None:
    whole = json.dumps({"type": "event_callback", "team_id": slack.team_id, "event": {"type": "app_home_opened"}})
    assert slack.post(whole[: len(whole) // 2].encode(), "application/json").status == 400


@pytest.mark.parametrize("body", [b"42", b"[1, 2]", b"null", b'"event_callback"', b"{}"])
def test_json_that_is_not_an_object_is_refused(slack: Workspace, body: bytes) -> None:
    assert slack.post(body, "application/json").status == 400


def test_a_body_that_is_not_utf8_is_refused(slack: Workspace) -> None:
    fields = urllib.parse.urlencode(slack.command_fields("sam", "/status")).encode()
    assert slack.post(fields + b"&text=\xff\xfe", FORM).status == 400


def test_a_payload_that_is_not_json_is_refused(slack: Workspace) -> None:
    assert slack.post(b"payload=%7Bnot+json", FORM).status == 400
    assert slack.post(b"payload=%5B1%5D", FORM).status == 400  # JSON, but a list


def test_an_event_that_is_a_list_is_refused(slack: Workspace) -> None:
    envelope = {"type": "event_callback", "team_id": slack.team_id, "event_id": "Ev1", "event": [{"type": "message"}]}
    assert slack.post(json.dumps(envelope).encode(), "application/json").status == 400


def test_a_click_without_actions_is_refused(slack: Workspace) -> None:
    click = {"type": "block_actions", "user": user(slack), "container": {"type": "message"}}
    assert slack.post(payload(slack, **click, actions=[]), FORM).status == 400


def test_a_click_whose_action_has_no_action_id_is_refused(slack: Workspace) -> None:
    click = {"type": "block_actions", "user": user(slack), "container": {"type": "message"}}
    assert slack.post(payload(slack, **click, actions=[{"value": "cmd:/status"}]), FORM).status == 400


def test_a_form_submission_whose_view_has_no_type_is_refused(slack: Workspace) -> None:
    submission = {"type": "view_submission", "user": user(slack), "view": {"callback_id": "rounds.form"}}
    assert slack.post(payload(slack, **submission), FORM).status == 400


def test_a_slash_command_without_team_id_gets_a_clear_private_answer(slack: Workspace, web: WebServer) -> None:
    fields = slack.command_fields("sam", '/status EHR green "On track"')
    del fields["team_id"]
    answer = slack.post_form(fields)
    assert answer.status == 200 and not answer.public
    assert "couldn't read this command from Slack (no team_id), so nothing was done" in answer.text
    assert notes(web, slack.team_id) == []


def test_an_interaction_or_event_rounds_does_not_handle_is_acknowledged(slack: Workspace) -> None:
    assert slack.post(payload(slack, type="view_closed", user=user(slack), view={"type": "modal"}), FORM).status == 200
    assert slack.post_event({"type": "reaction_added", "user": slack.id("sam")}).status == 200


def test_a_message_event_rounds_cannot_read_is_acknowledged_so_slack_does_not_retry(slack: Workspace) -> None:
    assert slack.post_event({"type": "message", "text": "no channel, no ts"}).status == 200


# -- Slack: odd characters in free text ------------------------------------------------------------------------
def test_a_nul_byte_in_a_slash_command_is_dropped_not_a_database_error(slack: Workspace, web: WebServer) -> None:
    answer = slack.ok("sam", '/status green "Vendor\x00 back on track"')
    assert "something went wrong" not in answer.text.lower()
    assert notes(web, slack.team_id) == ["Vendor back on track"]


def test_control_characters_and_a_lone_surrogate_in_a_form_are_cleaned(slack: Workspace, web: WebServer) -> None:
    slack.command("sam", "/risk")
    modal = slack.opened()
    answer = slack.submit("sam", modal, title="Night\x0b shift\x1b cover \ud800gap", likelihood="4", impact="4")
    assert answer.status == 200 and answer.body.get("response_action") != "errors", answer.body
    with web.app.rt.sessions() as s:
        titles = s.scalars(
            select(Risk.title)
            .join(WorkspaceRow, WorkspaceRow.id == Risk.workspace_id)
            .where(WorkspaceRow.external_id == slack.team_id)
        )
        assert list(titles) == ["Night shift cover \ufffdgap"]


# -- Teams --------------------------------------------------------------------------------------------------------
def test_teams_malformed_json_is_refused(teams: Tenant) -> None:
    assert teams.post_raw(b'{"type": "message", "text": ').status == 400


def test_teams_json_that_is_not_an_object_is_refused(teams: Tenant) -> None:
    assert teams.post_raw(b"[1]").status == 400


def test_teams_without_a_token_is_refused_before_the_activity_is_read(teams: Tenant) -> None:
    activity = teams.message("sam", "help", where=None)
    activity["conversation"] = "not an object"
    assert teams.post(activity, token=None).status == 401


@pytest.mark.parametrize("field", ["conversation", "from", "recipient"])
def test_teams_an_activity_without_who_or_where_is_refused(teams: Tenant, field: str) -> None:
    activity = teams.message("sam", "help", where=None)
    del activity[field]
    assert teams.post(activity).status == 400


@pytest.mark.parametrize(("field", "value"), [("text", 5), ("entities", "x"), ("channelData", [1]), ("id", 12)])
def test_teams_wrong_types_are_refused(teams: Tenant, field: str, value: object) -> None:
    activity = teams.message("sam", "help", where=None)
    activity[field] = value
    assert teams.post(activity).status == 400


def test_teams_invalid_utf8_is_refused(teams: Tenant) -> None:
    raw = json.dumps(teams.message("sam", "help", where=None)).encode().replace(b"help", b"he\xffp")
    assert teams.post_raw(raw).status == 400


def test_teams_a_nul_byte_in_a_message_is_dropped(teams: Tenant, web: WebServer) -> None:
    teams.ok("sam", 'project create EHR "EHR Upgrade" pm:@sam', "#ehr")
    teams.ok("sam", 'status EHR green "Vendor\x00 back on\x07 track"')
    assert notes(web, teams.id) == ["Vendor back on track"]


def test_teams_a_huge_message_gets_a_clear_reply(teams: Tenant) -> None:
    teams.say("sam", "status EHR green " + "x" * 200_000, where=None)
    assert teams.reply().refused


def test_teams_a_failure_while_handling_is_one_line_and_a_plain_answer(
    teams: Tenant, web: WebServer, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = next(r.app.teams.bot for m in web.app.mounts for r in m.routes if m.name == "teams")

    def broken(*args: object) -> None:
        raise RuntimeError("Mrs Jones in bed 4")

    monkeypatch.setattr(bot.rounds, "run", broken)
    with caplog.at_level(logging.DEBUG):
        teams.say("sam", "status EHR green Mrs Jones in bed 4", where=None)
        assert "Something went wrong on our side and nothing was changed" in teams.reply().text
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and errors[0].exc_info is None
    assert "Jones" not in errors[0].getMessage()
    assert any(r.exc_info for r in caplog.records if r.levelno == logging.DEBUG)  # the traceback, at DEBUG only


def test_slack_request_times_out_of_the_window_are_refused_without_logging_the_body(
    slack: Workspace, caplog: pytest.LogCaptureFixture
) -> None:
    fields = slack.command_fields("sam", '/status green "Bed 12 handover delayed"')
    with caplog.at_level(logging.DEBUG):
        assert slack.post_form(fields, timestamp=int(time.time()) - 6 * 60).status == 401
    assert "Bed 12" not in caplog.text and fields["response_url"] not in caplog.text
    assert "timestamp outside the 5-minute window" in caplog.text


def test_an_id_longer_than_slack_ever_sends_is_refused_not_a_database_error(slack: Workspace) -> None:
    fields = slack.command_fields("sam", '/status green "On track"')
    fields["user_id"] = "U" + "X" * 3000
    answer = slack.post_form(fields)
    assert answer.status == 200 and "couldn't read this command from Slack (an unreadable user_id)" in answer.text


@pytest.mark.parametrize("path", [("from", "aadObjectId"), ("channelData", "tenant", "id"), ("id",)])
def test_teams_an_id_longer_than_teams_ever_sends_is_refused(teams: Tenant, path: tuple[str, ...]) -> None:
    activity = teams.message("sam", "help", where=None)
    parent = activity
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] += "x" * 3000
    assert teams.post(activity).status == 400


def test_teams_a_time_zone_too_long_to_be_one_is_ignored(teams: Tenant) -> None:
    too_long = {"type": "clientInfo", "locale": "en-US", "timezone": "Europe/" + "x" * 300}  # ZoneInfo: OSError
    teams.say("sam", "help", where=None, entities=[too_long])
    assert "/status" in teams.reply().text


@pytest.mark.parametrize("path", ["/slack/events", "/api/messages"])
def test_a_body_over_a_mebibyte_is_refused_before_it_is_read(web: WebServer, path: str) -> None:
    conn = http.client.HTTPConnection(web.url.removeprefix("http://"), timeout=10)
    conn.putrequest("POST", path)
    conn.putheader("Content-Type", "application/json")
    conn.putheader("Content-Length", str(2 * 1024 * 1024))
    conn.endheaders()  # the body never comes: the answer must not wait for it
    assert conn.getresponse().status == 413
    conn.close()
