"""/pmo prefs, holidays, admins, templates, snooze and help."""

from __future__ import annotations

from datetime import date, time, timedelta

from sqlalchemy import select

from commands.context import Speaker
from storage.models import Holiday, NudgeState, Person, Workspace
from storage.shifts import Hours, Span
from tests.support.chat import Chat, shown


def person(chat: Chat, handle: str) -> Person:
    return chat.scalar(select(Person).where(Person.handle == handle))


def test_hours_timezone_away_delegate(ehr: Chat) -> None:
    ehr.ok("kim", "/pmo prefs hours 07:00-19:00 sun-thu")
    kim = person(ehr, "kim")
    assert kim.working_hours == Hours.weekly({d: Span(time(7), 12 * 60) for d in (0, 1, 2, 3, 6)})
    ehr.ok("kim", "/pmo prefs hours 06:30-14:30")
    assert person(ehr, "kim").working_hours.weekdays() == [0, 1, 2, 3, 6]  # days unchanged when not given
    ehr.ok("kim", "/pmo prefs tz europe/london")
    assert person(ehr, "kim").timezone == "Europe/London"
    ehr.ok("kim", "/pmo prefs away until 2026-12-04")
    assert person(ehr, "kim").away_until == date(2026, 12, 4)
    ehr.ok("kim", "/pmo prefs away off")
    assert person(ehr, "kim").away_until is None
    ehr.ok("dana", "/pmo prefs delegate @alex until fri")
    dana = person(ehr, "dana")
    assert (dana.delegate.handle, dana.delegate_until) == ("alex", date(2026, 11, 27))
    ehr.ok("dana", "/pmo prefs delegate off")
    assert person(ehr, "dana").delegate_id is None
    view = shown(ehr.ok("kim", "/pmo prefs"))
    assert "Working hours: 06:30-14:30 sun-thu" in view and "Time zone: Europe/London" in view
    ehr.ok("kim", "/pmo prefs tz auto")  # back to the zone the platform reports (Toronto in these tests)
    assert person(ehr, "kim").timezone == "America/Toronto" and not person(ehr, "kim").timezone_pinned


def test_someone_with_a_long_directory_name_can_set_their_prefs(ehr: Chat) -> None:
    """Hospital directories give names like the one below; the handle made from it is long, and the audit
    event about that person (`person:<handle>`) must still fit, on PostgreSQL too."""
    long_name = "Dana Whitfield (Nursing Informatics, St. Mary's Regional Medical Centre, Toronto)"
    ctx = ehr.context("dw", channel=None).model_copy(update={"speaker": Speaker(user_id="dw", display_name=long_name)})
    reply = ehr.rounds.run(ctx, "/pmo", "prefs tz Europe/London")
    assert not reply.error, reply.text
    assert ehr.scalar(select(Person.timezone).where(Person.platform_user_id == "dw")) == "Europe/London"


def test_prefs_errors(ehr: Chat) -> None:
    ehr.refused("kim", "/pmo prefs hours 9-5", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs hours 07:00-19:00 someday", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs tz Atlantis/Lost", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs away", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs away until 2020-01-01", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs delegate until fri", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs delegate @kim until fri", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs delegate @alex", usage_key="prefs")
    ehr.refused("kim", "/pmo prefs colour blue", usage_key="prefs")


def test_holidays(ehr: Chat) -> None:
    assert "Only a PMO admin" in ehr.refused("sam", "/pmo holidays add 2026-12-24").text
    ehr.ok("pat", '/pmo holidays add 2026-12-24 "Hospital closure"')
    assert ehr.scalar(select(Holiday.name)) == "Hospital closure"
    assert "already a holiday" in ehr.refused("pat", "/pmo holidays add 2026-12-24").text
    ehr.ok("pat", "/pmo holidays country CA-ON")
    assert ehr.scalar(select(Workspace.holiday_country)) == "CA-ON"
    listing = shown(ehr.ok("sam", "/pmo holidays"))
    assert "Hospital closure" in listing and "CA-ON public holidays" in listing and "Fri 25 Dec" in listing
    ehr.refused("pat", "/pmo holidays country XX-YY", usage_key="holidays")
    ehr.refused("pat", "/pmo holidays country Canada", usage_key="holidays")
    ehr.ok("pat", "/pmo holidays remove 2026-12-24")
    assert "isn't a workspace holiday" in ehr.refused("pat", "/pmo holidays remove 2026-12-24").text
    ehr.refused("pat", "/pmo holidays add", usage_key="holidays")


def test_a_holiday_name_goes_through_the_phi_guard(ehr: Chat) -> None:
    reply = ehr.refused("pat", '/pmo holidays add 2026-12-24 "Closed for Mrs Jane Doe MRN 1234567"')
    assert "patient information" in reply.text and "Jane Doe" not in reply.text


def test_admins(ehr: Chat) -> None:
    assert "Pat Okafor" in ehr.ok("kim", "/pmo admin list").text
    assert "Only a PMO admin" in ehr.refused("kim", "/pmo admin add @kim").text
    assert "leave no PMO admin" in ehr.refused("pat", "/pmo admin remove @pat").text
    ehr.ok("pat", "/pmo admin add @sam")
    assert "already" in ehr.refused("pat", "/pmo admin add @sam").text
    ehr.ok("sam", "/pmo admin remove @pat")
    assert person(ehr, "pat").is_pmo_admin is False
    ehr.refused("sam", "/pmo admin add", usage_key="admin")


def test_templates(ehr: Chat) -> None:
    assert "waterfall" in shown(ehr.ok("sam", "/pmo template list"))
    assert "Go-live readiness* — approvers: sponsor, cmio" in shown(ehr.ok("sam", "/pmo template show waterfall"))
    assert "no template nope" in ehr.refused("sam", "/pmo template show nope").text
    assert "Only a PMO admin" in ehr.refused("sam", '/pmo template edit waterfall add "Pilot"').text
    ehr.ok(
        "pat",
        '/pmo template edit waterfall add "Pilot" checklist:"Pilot unit chosen; Success measures agreed" approvers:sponsor,cno',
    )
    assert "Pilot" in shown(ehr.ok("sam", "/pmo template show waterfall"))
    ehr.ok("sam", '/gate request "Pilot"')
    from storage.models import Gate

    g = ehr.scalar(select(Gate))
    assert [c["text"] for c in g.checklist] == ["Pilot unit chosen", "Success measures agreed"]
    assert sorted(a.person.handle for a in g.approvers) == ["dana", "maria"]
    assert "already has a stage" in ehr.refused("pat", '/pmo template edit waterfall add "pilot"').text
    ehr.ok("pat", '/pmo template edit waterfall remove "Pilot"')
    assert "no stage" in ehr.refused("pat", '/pmo template edit waterfall remove "Pilot"').text
    ehr.refused("pat", "/pmo template edit waterfall add", usage_key="template")


def test_template_approver_roles_are_role_names_not_free_text(ehr: Chat) -> None:
    """Approver roles are matched against project roles (`cmio`, `cno`); anything else is refused before it is
    stored, so no free text reaches a template without the PHI guard."""
    reply = ehr.refused(
        "pat", '/pmo template edit waterfall add "Pilot" approvers:"Mrs Jane Doe MRN 1234567"', usage_key="template"
    )
    assert "Jane Doe" not in reply.text


def test_snooze_is_bounded(ehr: Chat) -> None:
    ehr.ok("sam", '/action @kim "Drill" due:fri')
    assert "isn't yours" in ehr.refused("alex", "/pmo snooze A-1 1d").text
    ehr.refused("kim", "/pmo snooze A-1 3w", usage_key="snooze")
    ehr.refused("kim", "/pmo snooze A-1", usage_key="snooze")
    for _ in range(3):
        ehr.ok("kim", "/pmo snooze A-1 1d")
    state = ehr.scalar(select(NudgeState))
    assert state.snooze_count == 3 and state.snoozed_until == ehr.now + timedelta(days=3)
    assert "snoozed A-1 3 times" in ehr.refused("kim", "/pmo snooze A-1 1d").text


def test_snoozing_twice_in_a_row_extends_the_first_snooze(ehr: Chat) -> None:
    """A second snooze starts where the first ends (it used to restart from now: a snooze spent, nothing gained),
    never past two weeks from now; one that would change nothing is refused and costs no snooze."""
    ehr.ok("sam", '/action @kim "Drill" due:fri')
    assert "until Tue 24 Nov" in ehr.ok("kim", "/pmo snooze A-1 1d").text
    assert "until Tue 1 Dec (extended)" in ehr.ok("kim", "/pmo snooze A-1 1w").text
    state = ehr.scalar(select(NudgeState))
    assert (state.snoozed_until, state.snooze_count) == (ehr.now + timedelta(days=8), 2)
    assert "until Mon 7 Dec (extended)" in ehr.ok("kim", "/pmo snooze A-1 1w").text  # capped at 14 days
    ehr.refused("kim", "/pmo snooze A-1 1d")  # already at the cap: no snooze left, nothing changed


def test_help(ehr: Chat) -> None:
    everything = shown(ehr.ok("zed", "/pmo help"))
    for command in (
        "/project create",
        "/status [KEY]",
        "/risk R-12 close",
        "/action A-7",
        "/gate approve",
        "/digest subscribe",
        "/pmo prefs hours",
        "/pmo export",
    ):
        assert command in everything
    assert "/risk R-12 accept" in ehr.ok("zed", "/risk help").text
    assert "/gate request" in ehr.ok("zed", "/pmo help gate").text
    ehr.refused("zed", "/pmo help cooking", usage_key="help")
    ehr.refused("zed", "/pmo dance", usage_key="help")
    assert ehr.ok("zed", "/pmo").text.startswith("Rounds commands")
