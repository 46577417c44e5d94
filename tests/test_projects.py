"""Projects: create, link, roles, archive, the card and the list — as people say it."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import AuditEvent, ChannelLink, Person, Project, ProjectRole
from tests.support.chat import Chat, shown


def test_first_project_creator_becomes_pmo_admin_and_it_is_audited(chat: Chat) -> None:
    reply = chat.ok(
        "pat", '/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria method:hybrid cadence:biweekly'
    )
    assert reply.visibility == "channel"
    assert "Project EHR created: EHR Upgrade" in reply.text
    project = chat.scalar(select(Project).where(Project.key == "EHR"))
    assert project.methodology.value == "hybrid" and project.cadence.value == "biweekly"
    assert project.gate_template == "hybrid"
    assert chat.scalar(select(Person.is_pmo_admin).where(Person.handle == "pat")) is True
    actions = chat.all(select(AuditEvent.action).order_by(AuditEvent.seq))
    assert actions == ["admin.bootstrap", "project.create"]


def test_only_admins_create_projects_once_there_is_one(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/project create TELE "Telehealth"')
    assert "Only a PMO admin can create projects" in reply.text


def test_project_keys_are_unique_and_well_formed(ehr: Chat) -> None:
    assert "already a project EHR" in ehr.refused("pat", '/project create EHR "Again"').text
    ehr.refused("pat", '/project create E "Too short"', usage_key="project create")
    ehr.refused("pat", '/project create "EHR2"', usage_key="project create")
    ehr.refused("pat", "/project create TELE", usage_key="project create")
    ehr.refused("pat", '/project create TELE "Tele" method:scrum', usage_key="project create")
    assert "no gate template" in ehr.refused("pat", '/project create TELE "Tele" template:nope').text
    assert (
        "200 characters"
        in ehr.refused("pat", '/project create TELE "' + "z" * 201 + '"', usage_key="project create").text
    )


def test_create_defaults_pm_to_the_speaker(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth"')
    pm = ehr.scalar(select(Person.handle).join(Project, Project.pm_id == Person.id).where(Project.key == "TELE"))
    assert pm == "pat"


def test_link_makes_the_channel_default_to_the_project(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/status green "ok"', channel="#ehr")
    assert reply.text.startswith("EHR is green")
    links = ehr.all(select(ChannelLink.channel_id))
    assert links == ["#ehr"]
    assert "already linked" in ehr.ok("sam", "/project link EHR").text


def test_a_channel_linked_to_two_projects_asks_which(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    ehr.ok("sam", "/project link TELE", channel="#ehr")
    reply = ehr.refused("sam", '/status green "ok"', channel="#ehr")
    assert "linked to EHR, TELE; say which" in reply.text
    ehr.ok("sam", '/status TELE green "ok"', channel="#ehr")


def test_unlink_and_who_may_link(ehr: Chat) -> None:
    assert (
        "Only EHR's PM, a sponsor or a PMO admin can link channels"
        in ehr.refused("kim", "/project link EHR", channel="#x").text
    )
    ehr.ok("dana", "/project link EHR", channel="#steering")
    ehr.ok("sam", "/project unlink EHR", channel="#steering")
    assert ehr.all(select(ChannelLink.channel_id)) == ["#ehr"]
    assert "isn't linked to EHR" in ehr.refused("sam", "/project unlink EHR", channel="#random").text
    assert "Run this in the channel" in ehr.refused("sam", "/project link EHR", channel=None).text


def test_roles_replace_per_role_and_a_sponsor_remains(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/project role EHR cmio:@alex")
    assert "*cmio*: Alex Moreau" in shown(reply)
    ehr.refused("sam", "/project role EHR sponsor:none", usage_key="project role")
    ehr.refused("sam", "/project role EHR pm:@kim", usage_key="project role")
    ehr.refused("sam", "/project role EHR cmio", usage_key="project role")
    assert "Only EHR's PM" in ehr.refused("kim", "/project role EHR cmio:@kim").text


def test_setting_a_role_someone_already_holds_keeps_them_and_adds_the_rest(ehr: Chat) -> None:
    ehr.ok("sam", "/project role EHR cmio:@dana")  # Dana is the CMIO already
    reply = ehr.ok("sam", "/project role EHR cmio:@dana,@alex cno:@maria")
    assert "*cmio*: Dana Whitfield, Alex Moreau" in shown(reply)
    assert "*cno*: Maria Santos" in shown(reply)
    reply = ehr.ok("sam", "/project role EHR cmio:@alex")
    assert "*cmio*: Alex Moreau" in shown(reply)
    with ehr.engine.connect() as conn:
        holders = conn.execute(
            select(Person.handle, ProjectRole.role).join(ProjectRole.person).order_by(ProjectRole.role, Person.handle)
        ).all()
    assert [tuple(h) for h in holders if h[1] in ("cmio", "cno")] == [("alex", "cmio"), ("maria", "cno")]


def test_unknown_plain_names_are_refused_in_chat_platforms(engine) -> None:  # type: ignore[no-untyped-def]
    from storage.models import Platform

    chat = Chat(engine, now=__import__("tests.conftest", fromlist=["NOW"]).NOW)
    ctx = chat.context("pat").model_copy(update={"platform": Platform.SLACK})
    reply = chat.rounds.run(ctx, "/project", 'create EHR "EHR" pm:@nobody')
    assert reply.error and "I don't know @nobody" in reply.text
    # a Slack mention carries the id, so an unseen person is created from it
    reply = chat.rounds.run(ctx, "/project", 'create EHR "EHR" pm:<@U0NEWPM|newpm>')
    assert not reply.error
    assert chat.scalar(select(Person.handle).where(Person.platform_user_id == "U0NEWPM")) == "newpm"


def test_project_card_shows_rag_risks_gates_and_overdue_actions(ehr: Chat) -> None:
    ehr.ok("sam", '/status amber "Interface testing behind" schedule:red')
    ehr.ok("kim", '/risk "Night-shift super-users too few" L4 I5')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana')
    ehr.ok("sam", '/action @kim "Book the drill" due:tomorrow')
    ehr.later(days=3)
    card = ehr.ok("sam", "/project")
    body = "\n".join(getattr(b, "text", "") for b in card.blocks)
    assert card.visibility == "private"
    assert "🟠 Amber · EHR · EHR Upgrade" in body
    assert "*R-1* Night-shift super-users too few — L4 × I5 = 20 (critical)" in body
    assert "*G-1* EHR Go-live readiness — pending" in body
    assert "*A-1* Book the drill" in body and "2 days overdue" in body


def test_project_list_and_stale_flag(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "fine"')
    assert "stale" not in ehr.ok("sam", "/project list").text + str(ehr.ok("sam", "/project list").blocks)
    ehr.later(days=8)
    listing = ehr.ok("sam", "/project list")
    assert "🟢 Green · stale 8 days · *EHR* EHR Upgrade" in str(listing.blocks)  # never plainly green
    assert "EHR" in str(listing.blocks)


def test_bare_project_outside_a_linked_channel_lists_projects(ehr: Chat) -> None:
    assert ehr.ok("sam", "/project", channel="#random").text.endswith("projects")
    assert "There's no project NOPE" in ehr.refused("sam", "/project NOPE").text


def test_archive_removes_from_lists_and_blocks_new_work(ehr: Chat) -> None:
    ehr.refused("kim", "/project archive EHR")
    ehr.ok("sam", "/project archive EHR")
    assert "No active projects (1 archived)" in ehr.ok("sam", "/project list").text
    assert "archived" in ehr.refused("sam", '/status EHR green "x"').text
    assert "already archived" in ehr.refused("sam", "/project archive EHR").text
