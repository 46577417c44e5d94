"""An outbox pass through the Slack sender, against the fake Web API: cards and DMs posted once, rate limits
waited out as Slack says, server errors retried, dead ends given up on, cards updated on every copy.
Time is an argument: passes run at chosen instants, nothing sleeps."""

from __future__ import annotations

import socket
from datetime import timedelta

import pytest

from bot.outbox.dispatch import Dispatcher
from bot.outbox.sender import SendFailed
from bot.slack.sender import SlackSender
from commands.replies import Button, Buttons, Header, Reply, Section
from storage.models import OutboxStatus, Platform, TargetKind, Workspace
from tests.slack.outbox_support import NOW, Outbox
from tests.slack.support import BOT_TOKEN

CARD = Reply.channel(
    "G-1 EHR: Go-live readiness — pending",
    Header(text="⏳ G-1 · EHR: Go-live readiness"),
    Section(text="*Decisions*\n⏳ @dana — waiting"),
    Buttons(buttons=(Button(label="Approve", action="gate.approve", value="G-1", command="/gate approve G-1"),)),
)


def test_a_card_to_a_channel_and_a_dm_to_a_person(box: Outbox) -> None:
    to_channel = box.queue(TargetKind.CHANNEL, box.channel("ehr"), CARD, "card")
    to_person = box.queue(TargetKind.USER, "UDANA1", CARD, "dm")
    stats = box.dispatcher.run_once(NOW)
    assert stats.sent == 2
    (posted,) = box.posts(box.channel("ehr"))
    assert posted["blocks"][0]["type"] == "header" and posted["text"] == CARD.text
    assert posted["blocks"][-1]["elements"][0]["value"] == "cmd:/gate approve G-1"
    assert box.row(to_channel).platform_channel == box.channel("ehr")
    dm = box.row(to_person)
    assert dm.status == OutboxStatus.SENT and dm.platform_channel == "DDANA1"  # the DM's own id, for chat.update


def test_rate_limited_then_sent_exactly_once(box: Outbox) -> None:
    row = box.queue(TargetKind.CHANNEL, box.channel("ehr"), CARD, "card")
    box.fake.fail("chat.postMessage", status=429, retry_after=7, when=lambda p: p.get("channel") == box.channel("ehr"))
    first = box.dispatcher.run_once(NOW)
    assert (first.sent, first.retried) == (0, 1)
    waiting = box.row(row)
    assert waiting.status == OutboxStatus.PENDING and waiting.not_before == NOW + timedelta(seconds=7)
    assert waiting.attempts == 0  # being told to wait is not a failed attempt
    assert box.dispatcher.run_once(NOW + timedelta(seconds=6)).sent == 0  # not before Slack said
    assert box.dispatcher.run_once(NOW + timedelta(seconds=7)).sent == 1
    assert len(box.posts(box.channel("ehr"), ok=True)) == 1 and len(box.posts(box.channel("ehr"))) == 2
    assert box.row(row).status == OutboxStatus.SENT


def test_a_server_error_is_retried_with_backoff(box: Outbox) -> None:
    row = box.queue(TargetKind.CHANNEL, box.channel("ehr"), CARD, "card")
    box.fake.fail("chat.postMessage", status=500, when=lambda p: p.get("channel") == box.channel("ehr"))
    assert box.dispatcher.run_once(NOW).retried == 1
    failed_once = box.row(row)
    assert (
        failed_once.attempts == 1
        and failed_once.last_error == "http 500"
        and failed_once.not_before == NOW + timedelta(seconds=30)
        and failed_once.uncertain_since == NOW  # a 500 may still have posted it: look before sending again
    )
    box.fake.clock = NOW.timestamp
    assert box.dispatcher.run_once(NOW + timedelta(seconds=30)).sent == 1
    assert len(box.posts(box.channel("ehr"), ok=True)) == 1
    (looked,) = box.fake.calls_to("conversations.history", since=box.start, channel=box.channel("ehr"))
    assert looked["include_all_metadata"] in ("1", "true") and float(looked["oldest"]) <= NOW.timestamp()


def test_a_channel_that_is_gone_is_given_up_at_once(box: Outbox) -> None:
    row = box.queue(TargetKind.CHANNEL, box.channel("gone"), CARD, "card")
    box.fake.fail("chat.postMessage", error="channel_not_found", when=lambda p: p.get("channel") == box.channel("gone"))
    assert box.dispatcher.run_once(NOW).failed == 1
    given_up = box.row(row)
    assert (given_up.status, given_up.attempts, given_up.last_error) == (OutboxStatus.FAILED, 1, "channel_not_found")


def test_a_card_is_updated_on_every_copy_even_if_one_was_deleted(box: Outbox) -> None:
    subject = f"gate:{box.team}"
    box.queue(TargetKind.CHANNEL, box.channel("ehr"), CARD, "card", subject=subject)
    box.queue(TargetKind.USER, "UDANA2", CARD, "dm", subject=subject)
    box.queue(TargetKind.USER, "UMARIA2", CARD, "dm2", subject=subject)
    box.dispatcher.run_once(NOW)
    decided = Reply.channel("G-1 EHR: Go-live readiness — approved", Header(text="✅ G-1 · EHR: Go-live readiness"))
    update = box.queue(TargetKind.UPDATE, subject, decided, "v1", subject=subject)
    box.fake.fail(
        "chat.update", error="message_not_found", when=lambda p: p.get("channel") == "DDANA2"
    )  # she deleted it
    assert box.dispatcher.run_once(NOW + timedelta(seconds=1)).updated == 1
    copies = [box.channel("ehr"), "DDANA2", "DMARIA2"]
    updated = box.fake.calls_to("chat.update", since=box.start, where=lambda c: c["channel"] in copies)
    assert [c["channel"] for c in updated] == copies
    assert [c.ok for c in updated] == [True, False, True]
    assert all(c["text"] == decided.text for c in updated)
    assert box.row(update).status == OutboxStatus.SENT


def test_a_revoked_token_fails_the_row_and_says_so(box: Outbox) -> None:
    box.sender = SlackSender(lambda ws: "xoxb-revoked", box.fake.url)
    box.dispatcher = Dispatcher(box.sessions, {Platform.SLACK: box.sender}, jitter=lambda: 1.0)
    row = box.queue(TargetKind.CHANNEL, box.channel("ehr"), CARD, "card")
    box.dispatcher.run_once(NOW)
    assert (box.row(row).status, box.row(row).last_error) == (OutboxStatus.FAILED, "invalid_auth")


def test_slack_unreachable_is_a_retryable_failure(box: Outbox) -> None:
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    sender = SlackSender(lambda ws: BOT_TOKEN, f"http://127.0.0.1:{port}/api/", timeout=1)
    with box.sessions() as s:
        ws = s.get(Workspace, box.workspace_id)
        with pytest.raises(SendFailed) as failed:
            sender.post(ws, TargetKind.CHANNEL, "C1", CARD, None)
    assert not failed.value.permanent and failed.value.retry_after is None and failed.value.reason.startswith("network")


def test_no_installation_means_nothing_to_retry(box: Outbox) -> None:
    sender = SlackSender(lambda ws: None, box.fake.url)
    with box.sessions() as s, pytest.raises(SendFailed) as failed:
        sender.post(s.get(Workspace, box.workspace_id), TargetKind.CHANNEL, "C1", CARD, None)  # type: ignore[arg-type]
    assert failed.value.permanent
