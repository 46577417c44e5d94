"""Strict input, with help: what Rounds does not understand is refused with a suggestion — never half-understood,
never glued into a title, never silently dropped."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Action, AuditEvent, Comment, Gate, Risk
from tests.support.chat import Chat, shown


def test_an_unknown_person_is_refused_with_the_closest_known_one(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/action @kmi "Book the downtime drill" due:fri')
    assert "I don't know @kmi. Did you mean `@kim`?" in reply.text
    assert ehr.all(select(Action)) == []


def test_a_gate_with_a_mistyped_approver_is_refused_not_made_unpassable(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/gate request "Cutover plan" approvers:@dnaa,@maria')
    assert "I don't know @dnaa. Did you mean `@dana`?" in reply.text
    assert ehr.all(select(Gate)) == []


def test_a_mistyped_option_is_refused_with_the_option_it_resembles(ehr: Chat) -> None:
    reply = ehr.refused("kim", '/risk "Vendor may slip the interface" reviw:+3d', usage_key="risk")
    assert "I don't know the option `reviw:`. Did you mean `review:`?" in reply.text
    reply = ehr.refused("sam", '/gate request "Cutover plan" approvers:@dana quorm:any', usage_key="gate request")
    assert "Did you mean `quorum:`?" in reply.text
    assert ehr.all(select(Risk)) == [] and ehr.all(select(Gate)) == []


def test_likelihood_written_another_way_is_refused_not_glued_into_the_title(ehr: Chat) -> None:
    reply = ehr.refused("kim", "/risk Vendor may slip L-high I4", usage_key="risk")
    assert "`L-high` isn't a likelihood: use L1 to L5" in reply.text
    ehr.ok("kim", '/risk "Vendor may slip" L-4 I4')  # L-4 is read as L4
    assert ehr.scalar(select(Risk.title)) == "Vendor may slip" and ehr.scalar(select(Risk.likelihood)) == 4


def test_a_colon_inside_prose_is_still_prose(ehr: Chat) -> None:
    ehr.ok("sam", "/status EHR amber Vendor: late on the interface build")
    assert "Vendor: late on the interface build" in shown(ehr.ok("sam", "/status EHR"))


def test_extra_words_after_done_are_kept_as_a_note(ehr: Chat) -> None:
    ehr.ok("sam", '/action @kim "Book the downtime drill" due:fri')
    reply = ehr.ok("kim", "/action A-1 done booked for Thursday night")
    assert "📝 Noted: “booked for Thursday night”" in shown(reply)
    [note] = ehr.all(select(Comment))
    assert (note.text, note.source) == ("booked for Thursday night", "action.done")
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "action.done"))
    assert event.after["note"] == "booked for Thursday night"


def test_a_mistyped_command_or_verb_gets_a_suggestion(ehr: Chat) -> None:
    assert "Did you mean `status`?" in ehr.refused("sam", "/pmo stauts EHR", usage_key="help").text
    assert "Did you mean `/status`?" in ehr.refused("sam", "/stauts EHR", usage_key="help").text
    ehr.ok("sam", '/gate request "Cutover plan" approvers:@dana')
    assert "Did you mean `approve`?" in ehr.refused("dana", "/gate aprove G-1", usage_key="gate").text
    assert "Did you mean `done`?" in ehr.refused("dana", "/action A-1 dnoe", usage_key="action set").text
    assert "Did you mean `hours`?" in ehr.refused("kim", "/pmo prefs hour 07:00-19:00", usage_key="prefs").text


def test_an_ambiguous_numeric_date_is_refused_with_both_readings_until_the_workspace_sets_an_order(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/action @kim "Book the downtime drill" due:12/04', usage_key="action")
    assert "'12/04' could be 12 April or 4 December" in reply.text and "/pmo dates dmy|mdy" in reply.text
    ehr.ok("sam", '/action @kim "Unambiguous" due:25/12')  # only one reading
    assert ehr.scalar(select(Action.due)) == date(2026, 12, 25)
    assert "Only a PMO admin" in ehr.refused("sam", "/pmo dates dmy").text
    assert "day/month/year (so 12/04 is 12 April)" in ehr.ok("pat", "/pmo dates dmy").text
    ehr.ok("sam", '/action @kim "Canadian date" due:12/04')
    assert ehr.scalar(select(Action.due).where(Action.number == 2)) == date(2027, 4, 12)
    assert "no date order" in ehr.ok("pat", "/pmo dates ask").text
    ehr.refused("sam", '/action @kim "Again" due:12/04')
    assert ehr.scalar(select(AuditEvent.after).where(AuditEvent.action == "workspace.dates")) == {"date_order": "dmy"}


def test_a_gate_requested_without_approvers_says_whom_it_chose(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/gate request "Go-live readiness"')
    text = shown(reply)
    assert "You named no approvers, so I chose Dana Whitfield, Maria Santos" in text
    assert "sponsor and cmio role holders, as the Go-live readiness stage of the waterfall template says" in text
    assert "Approvers: Dana Whitfield." in ehr.ok("sam", '/gate request "Budget" approvers:@dana').text
