"""/digest subscribe | list | unsubscribe | now."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from commands.replies import Reply
from storage.models import DigestScope, DigestSubscription, TargetKind
from tests.support.chat import Chat, shown


def test_subscribe_this_channel_stores_a_local_time_rrule(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/digest subscribe mon,thu 08:00 America/Toronto")
    assert reply.text == "Digest D-1: this channel's projects, mon,thu 08:00 America/Toronto."
    sub = ehr.scalar(select(DigestSubscription))
    assert sub.scope == DigestScope.CHANNEL and sub.channel_id == "#ehr"
    assert "RRULE:FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=8;BYMINUTE=0" in sub.rrule and sub.timezone == "America/Toronto"
    # created Monday 10:00 Toronto: that morning's 08:00 counts as already past, not owed
    assert sub.last_occurrence == datetime(2026, 11, 23, 13, 0, tzinfo=UTC)
    assert "First one Thu 26 Nov" in shown(reply)


def test_subscribe_project_and_portfolio_with_defaults(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe EHR fri 16:30", channel="#steering")
    sub = ehr.scalar(select(DigestSubscription))
    assert (sub.scope, sub.timezone) == (DigestScope.PROJECT, "America/Toronto")  # the speaker's zone
    assert "Only a PMO admin" in ehr.refused("sam", "/digest subscribe portfolio mon 08:00", channel="#pmo").text
    ehr.ok("pat", "/digest subscribe portfolio mon-fri 7am Europe/London", channel="#pmo")
    listing = shown(ehr.ok("pat", "/digest list", channel="#pmo"))
    assert "D-1* EHR → #steering · fri 16:30 America/Toronto" in listing
    assert "D-2* portfolio → #pmo (this channel) · mon-fri 07:00 Europe/London" in listing


def test_subscribe_errors(ehr: Chat) -> None:
    ehr.refused("sam", "/digest subscribe", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe mon", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe funday 08:00", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe mon 25:00", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe mon 8", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe mon 08:00 Mars/Olympus", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe mon 08:00", channel="#random", usage_key="digest subscribe")
    ehr.refused("sam", "/digest subscribe EHR mon 08:00", channel=None, usage_key="digest subscribe")
    assert "Only EHR's PM" in ehr.refused("kim", "/digest subscribe mon 08:00").text


def test_unsubscribe(ehr: Chat) -> None:
    ehr.ok("sam", "/digest subscribe mon 08:00")
    assert "Only whoever set up D-1" in ehr.refused("kim", "/digest unsubscribe 1").text
    ehr.refused("sam", "/digest unsubscribe", usage_key="digest unsubscribe")
    assert "no digest D-9" in ehr.refused("sam", "/digest unsubscribe D-9").text
    ehr.ok("sam", "/digest unsubscribe D-1")
    assert ehr.scalar(select(DigestSubscription.active)) is False
    assert "No digests yet" in ehr.ok("sam", "/digest list").text
    assert "No digests yet" in ehr.ok("sam", "/digest").text


def test_now_queues_the_digest_through_the_outbox(ehr: Chat) -> None:
    ehr.ok("sam", '/status amber "Interface retest Thursday"')
    ehr.ok("kim", '/risk "Night shift coverage" L4 I5')
    reply = ehr.ok("kim", "/digest now")
    assert reply.visibility == "private" and "Queued" in reply.text
    [row] = [o for o in ehr.outbox() if o.target_kind == TargetKind.CHANNEL]
    assert row.target == "#ehr"
    digest = shown(Reply.from_json(row.payload))
    assert "EHR digest" in digest and "Needs attention" in digest and "critical risk on EHR" in digest
    assert "R-1 Night shift coverage — L4 × I5 = 20" in digest
    portfolio = ehr.ok("pat", "/digest now portfolio", channel="#pmo")
    assert not portfolio.error
    ehr.refused("sam", "/digest now", channel="#random", usage_key="digest now")
    ehr.refused("sam", "/digest now EHR extra", usage_key="digest now")
    ehr.refused("sam", "/digest fortnightly", usage_key="digest list")


def test_portfolio_view(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana')
    ehr.ok("sam", '/status EHR green "fine"')
    ehr.ok("sam", '/status TELE red "vendor out"')
    ehr.ok("sam", '/gate request EHR "Build sign-off" approvers:@dana due:+3d')
    ehr.ok("dana", "/gate approve G-1")
    view = ehr.ok("kim", "/pmo portfolio")
    text = shown(view)
    assert view.visibility == "private" and "Portfolio digest" in text
    assert (
        "Green and up to date: 50% (1/2)" in text
        and "Gates decided on time (90 days): 1/1" in text
        and "Needs attention*: TELE" in text
    )
    ehr.refused("kim", "/pmo portfolio now", usage_key="portfolio")
