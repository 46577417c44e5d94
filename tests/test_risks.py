"""The risk register: anyone may raise; scores, levels and review dates follow the rules."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from storage.models import AuditEvent, Comment, Risk, RiskCategory, RiskStatus
from tests.support.chat import Chat, shown


def risk(chat: Chat, number: int) -> Risk:
    return chat.scalar(select(Risk).where(Risk.number == number))


@pytest.mark.parametrize(
    ("li", "score", "level", "days"),
    [
        ("L1 I1", 1, "low", 90),
        ("L2 I2", 4, "low", 90),
        ("L1 I5", 5, "medium", 30),
        ("L3 I3", 9, "medium", 30),
        ("L2 I5", 10, "high", 14),
        ("L4 I4", 16, "high", 14),
        ("L4 I5", 20, "critical", 7),
        ("L5 I5", 25, "critical", 7),
    ],
)
def test_score_level_and_default_review(ehr: Chat, li: str, score: int, level: str, days: int) -> None:
    reply = ehr.ok("kim", f'/risk "Interface may drop orders" {li}')
    r = risk(ehr, 1)
    assert (r.score, r.level.value) == (score, level)
    assert r.review_by == date(2026, 11, 23) + timedelta(days=days)
    assert f"— {li.replace(' ', ' × ')} = {score} ({level})" in shown(reply)


def test_anyone_in_the_workspace_may_raise_a_risk_and_defaults_apply(ehr: Chat) -> None:
    reply = ehr.ok("zed", '/risk EHR "Training rooms double booked"')
    r = risk(ehr, 1)
    assert (r.likelihood, r.impact, r.category, r.status) == (3, 3, RiskCategory.OTHER, RiskStatus.OPEN)
    assert r.owner.handle == "zed" and r.raised_by.handle == "zed"
    assert "Scored L3 × I3 = 9 for now" in shown(reply)
    assert reply.visibility == "channel"


def test_full_form_with_options(ehr: Chat) -> None:
    ehr.ok(
        "sam",
        '/risk "Badge readers late" likelihood:4 impact:3 owner:@alex review:fri category:privacy '
        'mitigation:"Order from second supplier" description:"Affects 3 units"',
    )
    r = risk(ehr, 1)
    assert (r.score, r.owner.handle, r.category) == (12, "alex", RiskCategory.PRIVACY_COMPLIANCE)
    assert r.review_by == date(2026, 11, 27)  # "fri" said on Monday 23 Nov
    assert (r.mitigation, r.description) == ("Order from second supplier", "Affects 3 units")


def test_numbers_are_per_workspace(engine) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import NOW

    for ws in ("T-one", "T-two"):
        chat = Chat(engine, now=NOW, workspace=ws)
        chat.ok("pat", '/project create EHR "EHR"')
        chat.ok("pat", '/risk EHR "First"')
        chat.close()
    reader = Chat(engine, now=NOW)
    numbers = reader.all(select(Risk.number).order_by(Risk.id))
    reader.close()  # its read transaction would hold a lock the next test's TRUNCATE waits for
    assert numbers == [1, 1]


def test_list_filters(ehr: Chat) -> None:
    ehr.ok("kim", '/risk "Low one" L1 I2')
    ehr.ok("sam", '/risk "High one" L4 I4 owner:@kim')
    ehr.ok("sam", '/risk "Closed one" L5 I5')
    ehr.ok("sam", '/risk R-3 close "Mitigated by vendor patch"')
    assert [line.split("*")[1] for line in shown(ehr.ok("sam", "/risk list")).splitlines()[1:]] == ["R-2", "R-1"]
    assert "R-3" in shown(ehr.ok("sam", "/risk list all"))
    mine = shown(ehr.ok("kim", "/risk list mine"))
    assert "R-1" in mine and "R-2" in mine and "R-3" not in mine
    high = shown(ehr.ok("sam", "/risk list EHR high"))
    assert "R-2" in high and "R-1" not in high
    assert "none" in ehr.ok("sam", "/risk list", channel="#elsewhere").text or "R-2" in shown(
        ehr.ok("sam", "/risk list", channel="#elsewhere")
    )


def test_detail_shows_everything_with_buttons(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Downtime drill not done" L3 I5 mitigation:"Schedule drill"')
    body = shown(ehr.ok("sam", "/risk R-1"))
    assert "R-1 Downtime drill not done" in body and "L3 × I5 = 15 (high)" in body
    assert "Schedule drill" in body and "[Mark reviewed]" in body


def test_update_rescores_and_records_the_previous_score(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor late" L3 I3')
    ehr.later(hours=1)
    reply = ehr.ok("sam", '/risk R-1 update likelihood:5 impact:4 owner:@kim mitigation:"Penalty clause"')
    r = risk(ehr, 1)
    assert (r.score, r.previous_score, r.owner.handle, r.mitigation) == (20, 9, "kim", "Penalty clause")
    assert r.rescored_at == ehr.now
    assert "likelihood" in reply.text and "owner" in reply.text
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "risk.update"))
    assert event.before["score"] == 9 and event.after["score"] == 20


def test_owner_may_update_but_not_close_others_may_not(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor late" owner:@kim')
    ehr.ok("kim", "/risk R-1 update status:mitigating")
    assert risk(ehr, 1).status == RiskStatus.MITIGATING
    assert "Only R-1's owner" in ehr.refused("alex", "/risk R-1 update likelihood:2").text
    assert (
        "Only EHR's PM, a sponsor or a PMO admin can close risks" in ehr.refused("kim", '/risk R-1 close "done"').text
    )


def test_close_needs_a_reason_and_is_final_until_reopened(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor late"')
    ehr.refused("sam", "/risk R-1 close", usage_key="risk close")
    ehr.ok("dana", '/risk R-1 close "Vendor delivered"')
    r = risk(ehr, 1)
    assert (r.status, r.closure_reason, r.closed_at) == (RiskStatus.CLOSED, "Vendor delivered", ehr.now)
    assert "already closed" in ehr.refused("sam", '/risk R-1 close "again"').text
    assert "is closed" in ehr.refused("sam", "/risk R-1 update likelihood:2").text
    ehr.refused("kim", "/risk R-1 update status:open")
    ehr.ok("sam", "/risk R-1 update status:open")
    assert risk(ehr, 1).status == RiskStatus.OPEN and risk(ehr, 1).closure_reason is None


def test_reviewed_moves_the_review_date_and_keeps_the_note(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Vendor late" L4 I4')
    ehr.later(days=20)
    ehr.ok("sam", '/risk R-1 reviewed "Still on track with vendor"')
    r = risk(ehr, 1)
    assert r.review_by == ehr.now.date() + timedelta(days=14)
    assert r.last_reviewed_at == ehr.now
    assert ehr.scalar(select(Comment.text)) == "Still on track with vendor"


def test_accept_needs_a_sponsor_a_rationale_and_a_future_date(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Legacy fax server" L2 I3')
    assert "needs a sponsor of EHR" in ehr.refused("sam", '/risk R-1 accept "Low use" until:+30d').text
    ehr.refused("dana", "/risk R-1 accept until:+30d", usage_key="risk accept")
    ehr.refused("dana", '/risk R-1 accept "Low use"', usage_key="risk accept")
    ehr.refused("dana", '/risk R-1 accept "Low use" until:today', usage_key="risk accept")
    ehr.ok("dana", '/risk R-1 accept "Decommissioned in Q2" until:2027-03-31')
    r = risk(ehr, 1)
    assert (r.status, r.accepted_until, r.review_by) == (RiskStatus.ACCEPTED, date(2027, 3, 31), date(2027, 3, 31))
    ehr.refused("sam", "/risk R-1 update status:accepted", usage_key="risk accept")


def test_risk_errors_give_usage(ehr: Chat) -> None:
    ehr.refused("sam", '/risk "Title" L9', usage_key="risk")
    ehr.refused("sam", '/risk "Title" likelihood:0', usage_key="risk")
    ehr.refused("sam", '/risk "Title" category:weather', usage_key="risk")
    ehr.refused("sam", '/risk "Title" review:someday', usage_key="risk")
    ehr.refused("sam", '/risk "Title" review:2020-01-01', usage_key="risk")
    ehr.refused("sam", '/risk "Title" owner:sam', usage_key="risk")
    ehr.refused("sam", "/risk EHR L4 I5", usage_key="risk")
    ehr.refused("sam", "/risk R-1 update", usage_key="risk update")
    ehr.refused("sam", "/risk R-1 promote", usage_key="risk show")
    ehr.refused("sam", "/risk list EHR sideways", usage_key="risk list")
    assert "no risk R-99" in ehr.refused("sam", "/risk R-99").text


def test_a_title_longer_than_the_register_keeps_is_refused_on_every_database(ehr: Chat) -> None:
    """A risk title holds 300 characters. A longer one is the speaker's to shorten: refused with the usage, the
    same on SQLite (which would store it whole) and PostgreSQL (which would fail the transaction)."""
    assert "300 characters" in ehr.refused("sam", '/risk "' + "x" * 301 + '"', usage_key="risk").text
    reply = ehr.submit("kim", "risk.raise", {"project": "EHR", "title": "y" * 301})
    assert reply.error and reply.field == "title" and ehr.all(select(Risk)) == []
    ehr.ok("sam", '/risk "' + "x" * 300 + '"')


def test_bare_risk_opens_the_form(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/risk")
    assert reply.form is not None and reply.form.name == "risk.raise"
    assert '/risk [KEY] "title"' in reply.text
    reply = ehr.ok("sam", "/risk EHR")
    assert reply.form is not None and reply.form.context == {"project": "EHR"}


def test_form_submission_raises_the_same_risk(ehr: Chat) -> None:
    reply = ehr.submit(
        "kim",
        "risk.raise",
        {
            "project": "EHR",
            "title": "Scanner shortage",
            "likelihood": "4",
            "impact": "3",
            "category": "clinical-workflow",
            "owner": "alex",
            "mitigation": "",
        },
    )
    assert not reply.error, reply.text
    r = risk(ehr, 1)
    assert (r.title, r.score, r.owner.handle, r.category) == (
        "Scanner shortage",
        12,
        "alex",
        RiskCategory.CLINICAL_WORKFLOW,
    )


def test_phi_in_a_risk_is_refused_and_nothing_is_stored(ehr: Chat) -> None:
    reply = ehr.refused("kim", '/risk "Pt Jane Doe MRN 00123456 fell during downtime"')
    assert "patient information" in reply.text and "Nothing was saved" in reply.text
    assert "Jane" not in reply.text and "00123456" not in reply.text
    ehr.refused("kim", '/risk "Downtime" mitigation:"call the patient at 416-555-0199"')
    assert ehr.all(select(Risk)) == []
