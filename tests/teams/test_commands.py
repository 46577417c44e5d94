"""Teams has no slash commands: a message is the command. In a 1:1 chat just type it; in a channel mention
Rounds. The grammar is the same as everywhere (`status …`, `/status …`, `pmo status …`)."""

from __future__ import annotations

from sqlalchemy import Engine, select

from storage.models import ConversationRef, Person, Project, TeamsAccount, Workspace
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams.support import Tenant


def test_every_command_of_the_grammar_works_from_teams(ehr: Tenant) -> None:
    conversation = [
        ("sam", 'status EHR amber "Vendor slipped the interface build" schedule:red', "EHR"),
        ("sam", "/status", "Vendor slipped"),
        ("sam", "pmo status EHR", "amber"),
        ("kim", 'risk "Barcode scanners fail on 4 West" L4 I5 owner:@kim category:patient-safety', "R-1"),
        ("kim", "risk list", "R-1"),
        ("kim", "risk R-1", "Barcode scanners"),
        ("sam", "risk R-1 update likelihood:3", "R-1"),
        ("kim", 'risk R-1 reviewed "Checked with biomed"', "R-1"),
        ("dana", 'risk R-1 accept "Workaround in place" until:+2w', "R-1"),
        ("sam", 'action @kim "Swap the scanner firmware" due:fri', "A-1"),
        ("kim", "action list mine", "A-1"),
        ("kim", 'action A-1 blocked "Waiting on the vendor"', "A-1"),
        ("sam", 'gate request "Design sign-off" approvers:@dana quorum:any', "G-1"),
        ("sam", "gate list", "G-1"),
        ("sam", "gate G-1", "Design sign-off"),
        ("dana", 'gate abstain G-1 "Conflict of interest"', "G-1"),
        ("sam", 'gate request "Build complete" approvers:@maria', "G-2"),
        ("sam", "gate withdraw G-2", "G-2"),
        ("sam", "digest subscribe EHR mon,thu 08:00 America/Toronto", "1"),
        ("sam", "digest list", "EHR"),
        ("sam", "digest now EHR", "Queued the digest"),
        ("sam", "digest unsubscribe 1", "1"),
        ("sam", "project", "EHR"),
        ("sam", "project list", "EHR"),
        ("pat", "project escalation EHR pm:3 sponsor:5", "EHR"),
        ("sam", 'risk R-1 close "Firmware fixed the scans"', "R-1"),
        ("pat", "pmo portfolio", "EHR"),
        ("pat", "pmo template list", "waterfall"),
        ("pat", "pmo admin list", "Pat"),
        ("pat", 'pmo holidays add 2026-12-25 "Christmas"', "no nudges that day"),
        ("kim", "pmo prefs hours 07:00-19:00 mon-fri", "07:00"),
        ("kim", "pmo snooze A-1 1d", "A-1"),
        ("pat", "pmo export risks EHR csv", "Teams can't receive this file"),
        ("pat", "help", "/gate"),
    ]
    for who, line, expected in conversation:
        card = ehr.ok(who, line)
        assert expected in card.text, f"{line!r} answered:\n{card.text}"
    ehr.ok("sam", "project unlink EHR")
    ehr.ok("pat", 'project create LIMS "Lab system"', "#pmo")
    assert "archived" in ehr.ok("pat", "project archive LIMS", "#pmo").text.lower()


def test_in_a_1_to_1_chat_no_mention_is_needed_and_in_a_channel_it_is(ehr: Tenant, bf: FakeBotConnector) -> None:
    assert "EHR" in ehr.dm("sam", "status EHR").text
    mark = bf.mark()
    ehr.say("sam", "status EHR", mention_bot=False)  # people talking among themselves in #ehr
    ehr.say("sam", "status EHR")  # …and then to Rounds
    assert len(bf.wait_for("send", since=mark)) == 1


def test_a_mistake_is_answered_with_what_was_wrong_and_the_usage(ehr: Tenant) -> None:
    card = ehr.refused("sam", "status EHR purple")
    assert "/status [KEY] green|amber|red" in card.text
    assert "isn't a Rounds command" in ehr.refused("sam", "weather today").text


def test_mentions_become_the_people_they_name(ehr: Tenant, bf: FakeBotConnector, engine: Engine) -> None:
    ehr.ok("sam", 'action @alex "Book the cutover rehearsal room" due:+3d')
    with engine.connect() as conn:
        owner = conn.execute(
            select(Person.display_name, Person.platform_user_id).where(Person.handle == "alex.moreau")
        ).one()
    assert owner == ("Alex Moreau", ehr.people["alex"].aad)  # the Entra id, never a name or a card's data


def test_a_mentioned_stranger_is_looked_up_once_with_the_members_api(
    tenant: Tenant, bf: FakeBotConnector, engine: Engine
) -> None:
    tenant.install("#pmo")
    mark = bf.mark()
    tenant.ok("pat", 'project create EHR "EHR Upgrade" pm:@sam sponsor:@dana', "#pmo")
    assert len(bf.calls_to("member", since=mark)) == 2  # Sam and Dana had never talked to Rounds
    mark = bf.mark()
    tenant.ok("pat", "project role EHR cmio:@dana", "#pmo")
    assert bf.calls_to("member", since=mark) == []  # known now, in the database
    with engine.connect() as conn:
        dana = conn.execute(
            select(TeamsAccount.aad_object_id, TeamsAccount.principal_name).where(
                TeamsAccount.user_id == tenant.people["dana"].user_id
            )
        ).one()
    assert dana == (tenant.people["dana"].aad, "dana.whitfield@hospital.example")


def test_when_teams_cannot_say_who_was_mentioned_nothing_is_done(
    tenant: Tenant, bf: FakeBotConnector, engine: Engine
) -> None:
    tenant.install("#pmo")
    bf.fail("member", status=503)
    card = tenant.refused("pat", 'project create EHR "EHR Upgrade" pm:@sam', "#pmo")
    assert "couldn't look up Sam Rivera" in card.text
    with engine.connect() as conn:
        assert conn.scalar(select(Project.id)) is None


def test_the_time_zone_comes_from_the_teams_client_each_time(ehr: Tenant, engine: Engine) -> None:
    ehr.people["kim"].tz = "Europe/Paris"
    ehr.dm("kim", "prefs")
    with engine.connect() as conn:
        assert (
            conn.scalar(select(Person.timezone).where(Person.platform_user_id == ehr.people["kim"].aad))
            == "Europe/Paris"
        )


def test_each_activity_refreshes_the_conversation_reference(ehr: Tenant, engine: Engine) -> None:
    ehr.service_url = ehr.bf.url + f"/emea/{ehr.id}/"  # Teams moved the tenant to another region
    ehr.ok("sam", "status EHR")
    with engine.connect() as conn:
        urls = set(
            conn.scalars(
                select(ConversationRef.service_url)
                .join(Workspace)
                .where(Workspace.external_id == ehr.id, ConversationRef.team_id == ehr.team_id)
            )
        )
    assert urls == {ehr.service_url}  # #ehr, and #pmo of the same team too


def test_a_message_teams_delivers_twice_is_handled_once(ehr: Tenant, bf: FakeBotConnector) -> None:
    activity = ehr.message("sam", 'status EHR green "Back on track"')
    mark = bf.mark()
    assert ehr.post(activity).status == 200
    assert ehr.post(activity).status == 200
    bf.wait_for("send", since=mark)
    ehr.ok("sam", "status EHR")  # a later command's reply arrives after any duplicate would have
    assert len(bf.calls_to("send", since=mark, conversation=activity["conversation"]["id"])) == 1
