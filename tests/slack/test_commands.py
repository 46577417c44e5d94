"""Every command of the grammar through Slack: as its own slash command and under /pmo, answered in the
slash command's own acknowledgement (errors privately; what others should see, in the channel)."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from commands.grammar import COMMAND_NAMES
from storage.models import Person
from storage.models import Workspace as WorkspaceRow
from tests.slack.conftest import WebProcess
from tests.slack.support import Workspace

# (who, line, channel, what the answer says). Run in order in one workspace: each line builds on the last.
SCRIPT = [
    ("pat", "/pmo help", "#pmo", "/status"),
    ("pat", "/pmo prefs", None, "working hours"),
    ("kim", "/pmo prefs hours 07:00-19:00 mon-fri", None, "07:00"),
    ("kim", "/pmo prefs tz America/Halifax", None, "America/Halifax"),
    ("pat", '/project create LIMS "Laboratory system replacement" pm:@sam sponsor:@dana method:agile', "#pmo", "LIMS"),
    ("pat", "/project list", "#pmo", "LIMS"),
    ("sam", "/pmo project link LIMS", "#lims", "Linked"),
    ("sam", "/project role LIMS member:@kim,@alex", "#lims", "kim"),
    ("sam", "/project", "#lims", "LIMS"),
    ("sam", "/pmo project LIMS", "#pmo", "LIMS"),
    ("sam", '/status amber "Vendor slipped the validation build" schedule:red', "#lims", "amber"),
    ("sam", '/pmo status LIMS green "Validation build back on plan"', "#pmo", "green"),
    ("sam", "/status", "#lims", "Validation build back on plan"),
    ("kim", '/risk "Super-user coverage is thin on night shift" L3 I4 category:adoption owner:@kim', "#lims", "R-1"),
    ("alex", '/pmo risk LIMS "Interface may drop orders at cutover" L4 I5 category:patient-safety', "#pmo", "R-2"),
    ("sam", "/risk list", "#lims", "R-1"),
    ("sam", "/pmo risk list LIMS high", "#pmo", "R-2"),
    ("sam", "/risk R-2", "#lims", "Interface may drop orders"),
    ("sam", '/risk R-2 update likelihood:3 mitigation:"Parallel-run the interface for 48 h"', "#lims", "R-2"),
    ("kim", '/risk R-1 reviewed "Two more super-users trained"', "#lims", "R-1"),
    ("dana", '/risk R-1 accept "Covered by the on-call team" until:+30d', "#lims", "R-1"),
    ("sam", '/risk R-2 close "Interface retested clean"', "#lims", "R-2"),
    ("sam", '/action @kim "Run the downtime drill with night shift" due:+7d', "#lims", "A-1"),
    ("sam", '/pmo action LIMS @alex "Retest the lab orders interface" due:fri', "#pmo", "A-2"),
    ("sam", "/action list", "#lims", "A-1"),
    ("kim", "/action list mine", "#lims", "A-1"),
    ("kim", "/action A-1 done", "#lims", "A-1"),
    ("alex", '/action A-2 blocked "Waiting on the vendor test environment"', "#lims", "A-2"),
    ("sam", "/action A-2 cancel", "#lims", "A-2"),
    ("sam", '/gate request "Initiation" approvers:@dana', "#lims", "G-1"),
    ("sam", "/gate list", "#lims", "G-1"),
    ("sam", "/pmo gate list LIMS all", "#pmo", "G-1"),
    ("dana", "/gate G-1", "#lims", "Initiation"),
    ("dana", '/gate approve G-1 "Plan is realistic"', "#lims", "approved"),
    ("sam", '/gate request "Planning" approvers:@dana', "#lims", "G-2"),
    ("dana", '/gate reject G-2 "Staffing plan missing"', "#lims", "rejected"),
    ("sam", '/gate request "Build" approvers:@dana,@maria', "#lims", "G-3"),
    ("maria", "/gate abstain G-3", "#lims", "G-3"),
    ("sam", "/gate withdraw G-3", "#lims", "withdrawn"),
    ("sam", "/digest subscribe mon,thu 08:00", "#lims", "D-1"),
    ("pat", "/pmo digest subscribe portfolio fri 16:00 America/Toronto", "#pmo", "D-2"),
    ("sam", "/digest list", "#lims", "D-1"),
    ("sam", "/digest now", "#lims", "digest"),
    ("pat", "/digest unsubscribe D-2", "#pmo", "D-2"),
    ("pat", "/pmo holidays add 2099-12-25", "#pmo", "2099"),
    ("pat", "/pmo holidays country CA-ON", "#pmo", "CA-ON"),
    ("pat", "/pmo template list", "#pmo", "waterfall"),
    ("pat", "/pmo template show agile", "#pmo", "agile"),
    ("dana", "/pmo prefs away until +3d", None, "away"),
    ("dana", "/pmo prefs delegate @maria until +3d", None, "maria"),
    ("pat", "/pmo admin list", "#pmo", "Pat"),
    ("pat", "/pmo portfolio", "#pmo", "LIMS"),
    ("sam", "/pmo snooze A-1 1d", "#lims", "A-1"),
]


def test_every_command_answers_in_its_acknowledgement(workspace: Workspace) -> None:
    for who, line, channel, expected in SCRIPT:
        answer = workspace.command(who, line, channel)
        shown = answer.text
        if line.startswith("/pmo snooze"):  # A-1 is done: snoozing it is refused, and says why
            assert answer.refused and "A-1" in shown
            continue
        assert not answer.refused, f"{line!r} was refused: {shown}"
        assert expected.lower() in shown.lower(), f"{line!r} answered:\n{shown}"
    posted = [m.text for m in workspace.posted("#lims", count=4)]  # three gate cards and the digest
    assert any("digest" in t.lower() for t in posted), posted


@pytest.mark.parametrize("area", [a for a in COMMAND_NAMES if a != "pmo"])
def test_each_area_answers_the_same_as_itself_and_under_pmo(ehr: Workspace, area: str) -> None:
    alone = ehr.command("sam", f"/{area} help")
    under_pmo = ehr.command("sam", f"/pmo {area} help")
    assert alone.text == under_pmo.text and f"/{area}" in alone.text


def test_a_renamed_command_works_too(ehr: Workspace) -> None:
    """A workspace where /status is taken can install Rounds' command as /rounds-status."""
    assert "EHR" in ehr.ok("sam", '/rounds-status green "Kick-off done"').text


def test_what_others_should_see_goes_to_the_channel_and_errors_stay_private(ehr: Workspace) -> None:
    logged = ehr.ok("sam", '/status amber "Integrated testing behind by a week" schedule:amber')
    assert logged.public
    refused = ehr.refused("kim", '/risk R-99 close "gone"')
    assert "R-99" in refused.text
    assert refused.body["response_type"] == "ephemeral"


def test_bare_views_have_a_button_that_opens_the_form(ehr: Workspace) -> None:
    ehr.ok("sam", '/status green "Kick-off done"')
    status = ehr.ok("sam", "/status")
    assert "[Log status]" in status.text
    project = ehr.ok("sam", "/project")
    assert "[Raise a risk]" in project.text
    gates = ehr.ok("sam", "/gate")
    assert "[Request a gate]" in gates.text
    assert "[Log status]" not in ehr.ok("sam", '/status green "Still fine"').text  # not a view


def test_bare_risk_and_action_open_their_modals(ehr: Workspace) -> None:
    assert ehr.command("kim", "/risk").raw == b""
    risk = ehr.opened()
    assert risk["view"]["title"]["text"] == "Raise a risk"
    kinds = {b["block_id"]: b["element"]["type"] for b in risk["view"]["blocks"] if b["type"] == "input"}
    assert kinds == {
        "project": "static_select",
        "title": "plain_text_input",
        "likelihood": "static_select",
        "impact": "static_select",
        "category": "static_select",
        "owner": "users_select",
        "mitigation": "plain_text_input",
        "description": "plain_text_input",
    }
    assert ehr.command("sam", "/action").raw == b""
    action = ehr.opened(count=2)
    assert action["view"]["title"]["text"] == "Assign an action"
    assert {b["element"]["type"] for b in action["view"]["blocks"] if b["type"] == "input"} >= {
        "users_select",
        "datepicker",
    }


def test_a_modal_that_cannot_open_falls_back_to_typing(ehr: Workspace) -> None:
    ehr.fake.fail("views.open", error="expired_trigger_id")
    answer = ehr.command("kim", "/risk")
    assert "Raise a risk" in answer.text and "/risk" in answer.text and not answer.public


def test_an_export_arrives_as_a_file_in_the_dm(ehr: Workspace) -> None:
    answer = ehr.ok("sam", "/pmo export risks EHR csv")
    assert "rounds-risks-EHR" in answer.text and "on its way" in answer.text
    done = ehr.wait_for("files.completeUploadExternal")[-1]
    assert done["channel_id"] == "D" + ehr.id("sam")[1:]
    assert ehr.calls("file_upload")  # the bytes went to the upload URL


def test_the_speaker_is_a_person_with_the_slack_profile(ehr: Workspace, web: WebProcess) -> None:
    ehr.ok("alex", '/risk "Interpreter services not in video visits" L2 I4 owner:@kim')
    with web.reader() as s:
        ws = s.scalar(select(WorkspaceRow).where(WorkspaceRow.external_id == ehr.team_id))
        people = {p.platform_user_id: p for p in s.scalars(select(Person).where(Person.workspace_id == ws.id))}
    alex = people[ehr.id("alex")]
    assert (alex.display_name, alex.timezone, alex.handle) == ("Alex Moreau", "Europe/London", "alex")
    assert alex.profile_refreshed_at is not None
    kim = people[ehr.id("kim")]
    assert kim.handle == "kim"  # the mention resolved to the same person kim is when she speaks
    assert ws.name == ehr.domain


def test_users_info_is_asked_at_most_once_a_day_per_person(ehr: Workspace) -> None:
    newcomer = "U" + ehr.team_id[1:] + "NEW"
    ehr.fake.add_user(newcomer, "nia", "Nia Brooks", tz="America/Chicago")
    ehr.people["nia"] = newcomer
    for _ in range(3):
        ehr.ok("nia", "/risk list")
    assert len(ehr.calls("users.info", user=newcomer)) == 1
    assert ehr.calls("users.info", user=ehr.id("sam")) == []  # sam spoke during set-up: his profile is fresh


def test_people_mentioned_get_their_profile_too(ehr: Workspace, web: WebProcess) -> None:
    """kim was only ever mentioned (set-up): her Slack profile is fetched in the background, so cards name
    her properly and her nudges follow her own time zone."""
    ehr.fake.wait_for("users.info", user=ehr.id("kim"))  # possibly during set-up
    with web.reader() as s:
        kim = s.scalar(select(Person).where(Person.platform_user_id == ehr.id("kim")))
    assert (kim.display_name, kim.timezone) == ("Kim Nguyen", "America/Toronto")
    answer = ehr.ok("sam", '/action @kim "Book the downtime drill" due:+5d')
    assert re.search(r"A-\d+", answer.text) and "Kim Nguyen" in answer.text
