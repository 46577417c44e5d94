"""Issues (I-): problems now. Anyone may raise one; owners and leads update and resolve; a risk that happens
becomes an issue linked to it."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import AuditEvent, Issue, IssueSeverity, IssueStatus, Risk, RiskStatus
from tests.support.chat import Chat, shown


def issue(chat: Chat, number: int) -> Issue:
    return chat.scalar(select(Issue).where(Issue.number == number))


def test_raise_an_issue_with_every_option(ehr: Chat) -> None:
    reply = ehr.ok("kim", '/issue "Label printers jam on 4 West" severity:high owner:@alex due:fri')
    i = issue(ehr, 1)
    assert (i.title, i.severity, i.owner.handle, i.due, i.status) == (
        "Label printers jam on 4 West",
        IssueSeverity.HIGH,
        "alex",
        date(2026, 11, 27),
        IssueStatus.OPEN,
    )
    assert reply.visibility == "channel" and "I-1" in shown(reply) and "due Fri 27 Nov" in shown(reply)
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "issue.raise"))
    assert event.entity == "I-1" and event.after["severity"] == "high"


def test_defaults_and_a_named_project_from_any_channel(ehr: Chat) -> None:
    ehr.ok("zed", '/issue EHR "Training room double booked"', channel="#random")
    i = issue(ehr, 1)
    assert (i.severity, i.owner.handle, i.due, i.project.key) == (IssueSeverity.MEDIUM, "zed", None, "EHR")


def test_list_filters_and_detail(ehr: Chat) -> None:
    ehr.ok("kim", '/issue "Low thing" severity:low')
    ehr.ok("sam", '/issue "Critical thing" severity:critical owner:@kim')
    ehr.ok("sam", '/issue "Solved thing"')
    ehr.ok("sam", '/issue I-3 resolve "Vendor patched it"')
    listed = shown(ehr.ok("sam", "/issue list"))
    assert listed.index("I-2") < listed.index("I-1") and "I-3" not in listed  # critical first, resolved hidden
    assert "I-3" in shown(ehr.ok("sam", "/issue list all"))
    mine = shown(ehr.ok("kim", "/issue list mine"))
    assert "I-1" in mine and "I-2" in mine
    critical = shown(ehr.ok("sam", "/issue list EHR critical"))
    assert "I-2" in critical and "I-1" not in critical
    detail = shown(ehr.ok("sam", "/issue I-2"))
    assert "Severity: 🟥 critical" in detail and "Owner: Kim Nguyen" in detail and "[Resolve]" in detail


def test_update_and_resolve_by_owner_or_lead_only(ehr: Chat) -> None:
    ehr.ok("sam", '/issue "Interface queue backs up" owner:@kim')
    ehr.ok("kim", "/issue I-1 update severity:critical due:+3d")
    assert issue(ehr, 1).severity == IssueSeverity.CRITICAL and issue(ehr, 1).due == date(2026, 11, 26)
    assert "Only I-1's owner" in ehr.refused("alex", "/issue I-1 update severity:low").text
    assert "Only I-1's owner" in ehr.refused("alex", '/issue I-1 resolve "fixed"').text
    ehr.ok("dana", '/issue I-1 resolve "Queue drained; monitor added"')
    i = issue(ehr, 1)
    assert (i.status, i.resolution, i.resolved_at) == (IssueStatus.RESOLVED, "Queue drained; monitor added", ehr.now)
    assert "already resolved" in ehr.refused("sam", '/issue I-1 resolve "again"').text
    assert "is resolved" in ehr.refused("sam", "/issue I-1 update severity:low").text
    actions = ehr.all(select(AuditEvent.action).where(AuditEvent.entity == "I-1").order_by(AuditEvent.seq))
    assert actions == ["issue.raise", "issue.update", "issue.resolve"]


def test_a_risk_that_occurred_becomes_a_linked_issue_and_closes(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor misses the interface build" L4 I5 owner:@kim')
    assert "Only R-1's owner" in ehr.refused("alex", '/risk R-1 occurred "Build missed"').text
    reply = ehr.ok("kim", '/risk R-1 occurred "Interface build missed the test window"')
    i = issue(ehr, 1)
    r = ehr.scalar(select(Risk).where(Risk.number == 1))
    assert (i.title, i.severity, i.owner.handle, i.risk_id) == (
        "Interface build missed the test window",
        IssueSeverity.CRITICAL,  # a critical risk (20) becomes a critical issue
        "kim",
        r.id,
    )
    assert (r.status, r.closure_reason) == (RiskStatus.CLOSED, "Occurred: now I-1")
    assert "It is now an issue" in shown(reply) and "(was R-1)" in shown(reply)
    assert "is closed" in ehr.refused("kim", '/risk R-1 occurred "again"').text
    events = ehr.all(select(AuditEvent.action).where(AuditEvent.entity.in_(["R-1", "I-1"])).order_by(AuditEvent.seq))
    assert events == ["risk.raise", "risk.occurred", "issue.raise"]


def test_refusals_give_the_usage(ehr: Chat) -> None:
    ehr.refused("sam", "/issue severity:high", usage_key="issue")
    ehr.refused("sam", '/issue "Title" severity:urgent', usage_key="issue")
    ehr.refused("sam", '/issue "Title" due:2020-01-01', usage_key="issue")
    ehr.refused("sam", '/issue "Title" owner:sam', usage_key="issue")
    ehr.refused("sam", '/issue "Title" likelihood:3', usage_key="issue")
    ehr.refused("sam", "/issue list EHR sideways", usage_key="issue list")
    ehr.ok("sam", '/issue "Title"')
    ehr.refused("sam", "/issue I-1 update", usage_key="issue update")
    ehr.refused("sam", "/issue I-1 resolve", usage_key="issue resolve")
    ehr.refused("sam", "/issue I-1 escalate", usage_key="issue show")
    ehr.refused("sam", "/risk R-1 occurred", usage_key="risk occurred")
    assert "no issue I-9" in ehr.refused("sam", "/issue I-9").text
    assert "no project NOPE" in ehr.refused("sam", '/issue NOPE "x"').text
    assert "300 characters" in ehr.refused("sam", '/issue "' + "x" * 301 + '"', usage_key="issue").text


def test_phi_is_refused_everywhere(ehr: Chat) -> None:
    ehr.refused("kim", '/issue "Pt Jane Doe MRN 00123456 missed her dose"')
    ehr.ok("kim", '/issue "Dose timing issue"')
    ehr.refused("kim", '/issue I-1 resolve "called the patient at 416-555-0199"')
    ehr.ok("sam", '/risk "Downtime"')
    ehr.refused("sam", '/risk R-1 occurred "Mr. John Smith (DOB 1950-02-03) was affected"')


def test_bare_issue_opens_the_form_and_the_form_raises_the_same_issue(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/issue")
    assert reply.form is not None and reply.form.name == "issue.raise"
    assert reply.form.context == {"project": "EHR"}  # the channel's one project
    assert ehr.ok("sam", "/issue EHR").form is not None
    done = ehr.submit(
        "kim", "issue.raise", {"project": "EHR", "title": "Scanner shortage", "severity": "high", "owner": "alex"}
    )
    assert not done.error, done.text
    assert (issue(ehr, 1).title, issue(ehr, 1).severity, issue(ehr, 1).owner.handle) == (
        "Scanner shortage",
        IssueSeverity.HIGH,
        "alex",
    )
    resolved = ehr.submit("alex", "issue.resolve", {"how": "Borrowed from 5 East"}, {"issue": "I-1"})
    assert not resolved.error and issue(ehr, 1).status == IssueStatus.RESOLVED
    empty = ehr.submit("kim", "issue.raise", {"project": "EHR", "title": ""})
    assert empty.error and empty.field == "title"


def test_help_after_the_command(ehr: Chat) -> None:
    text = ehr.ok("sam", "/issue help").text
    assert '/issue [KEY] "title"' in text and '/risk R-12 occurred "what happened"' in text
