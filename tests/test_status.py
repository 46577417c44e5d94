"""Status: log RAG with a note, see history, and spot green-to-red jumps."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import RAG, StatusUpdate
from tests.support.chat import Chat


def test_status_is_logged_with_dimensions_and_posted_in_channel(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/status EHR amber "Vendor slipped 2 weeks" schedule:red budget:green scope:amber')
    assert reply.visibility == "channel"
    assert reply.text == "EHR is amber: Vendor slipped 2 weeks"
    row = ehr.scalar(select(StatusUpdate))
    assert (row.overall, row.schedule, row.budget, row.scope) == (RAG.AMBER, RAG.RED, RAG.GREEN, RAG.AMBER)
    assert row.note == "Vendor slipped 2 weeks"


def test_pmo_subcommand_and_channel_default_and_unquoted_note(ehr: Chat) -> None:
    ehr.ok("sam", "/pmo status green all tracks on plan")
    assert ehr.scalar(select(StatusUpdate.note)) == "all tracks on plan"
    ehr.ok("kim", "/status yellow “smart quotes from a phone”")
    notes = ehr.all(select(StatusUpdate.note).order_by(StatusUpdate.id))
    assert notes[-1] == "smart quotes from a phone"


def test_history_shows_current_and_last_five(ehr: Chat) -> None:
    for i in range(7):
        ehr.ok("sam", f'/status green "update {i}"')
        ehr.later(days=1)
    reply = ehr.ok("sam", "/status")
    text = "\n".join(getattr(b, "text", "") for b in reply.blocks)
    assert "update 6" in text and "update 1" in text and "update 0" not in text
    assert reply.visibility == "private"


def test_no_status_yet_says_how(ehr: Chat) -> None:
    assert "has no status yet" in ehr.ok("sam", "/status EHR").text


def test_green_straight_to_red_is_called_out(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "fine"')
    reply = ehr.ok("sam", '/status red "cutover failed rehearsal"')
    assert "🍉 Watermelon? Overall went from green straight to red" in str(reply.blocks)


def test_status_needs_team_membership_rag_and_note(ehr: Chat) -> None:
    assert "Only people on EHR" in ehr.refused("zed", '/status EHR green "hi"').text
    ehr.refused("sam", '/status EHR "note only"', usage_key="status")
    ehr.refused("sam", "/status EHR green", usage_key="status")
    ehr.refused("sam", '/status EHR purple "x"', usage_key="status")
    ehr.refused("sam", '/status EHR green "x" schedule:blue', usage_key="status")
    ehr.refused("sam", '/status EHR green "x" owner:@sam', usage_key="status")
    assert "Which project?" in ehr.refused("sam", '/status green "x"', channel="#random").text


def test_members_may_log_status(ehr: Chat) -> None:
    ehr.ok("kim", '/status green "training on track"')
