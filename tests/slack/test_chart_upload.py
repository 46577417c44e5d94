"""A digest with charts, sent by the outbox through the real SlackSender to the fake Web API: the message first,
then each chart into its thread by the external upload flow (URL, bytes, complete) with its title and alt text.
A chart Slack refuses is left out; the digest is not posted twice."""

from __future__ import annotations

from commands.charts.render import render
from commands.charts.specs import GatesOnTime, GateTimeliness, HeatMap
from commands.replies import Header, Reply, Section
from storage.models import OutboxStatus, TargetKind
from tests.slack.outbox_support import NOW, Outbox

HEAT = HeatMap.of([(5, 4), (3, 4), (3, 4)])
GATES = GatesOnTime(rows=(GateTimeliness(label="EHR", on_time=2, late=1),))
DIGEST = Reply.channel(
    "EHR digest: critical risk on EHR", Header(text="EHR digest"), Section(text="🚩 *Needs attention*: critical risk")
).model_copy(update={"charts": (HEAT, GATES)})


def test_each_chart_is_uploaded_into_the_digests_thread_after_the_digest(box: Outbox) -> None:
    channel = box.channel("ehr")
    row = box.queue(TargetKind.CHANNEL, channel, DIGEST, "digest")
    assert box.dispatcher.run_once(NOW).sent == 1
    (posted,) = box.posts(channel, ok=True)
    ts = box.row(row).platform_ts
    calls = [c for c in box.fake.calls[box.start :] if c.method != "auth.test"]
    assert [c.method for c in calls] == [
        "chat.postMessage",
        *["files.getUploadURLExternal", "file_upload", "files.completeUploadExternal"] * 2,
    ]
    for n, spec in enumerate((HEAT, GATES)):
        image = render(spec)
        asked, uploaded, completed = calls[1 + 3 * n : 4 + 3 * n]
        assert asked["filename"] == image.filename and asked["alt_txt"] == image.alt
        assert int(asked["length"]) == len(image.png) == uploaded["bytes"]
        assert completed["channel_id"] == channel and completed["thread_ts"] == ts == posted.answer["ts"]
        assert completed["files"] == [{"id": asked.answer["file_id"], "title": image.title}]
    assert "L5 × I4 = 20 (critical): 1" in calls[1]["alt_txt"]


def test_a_chart_slack_refuses_is_left_out_and_the_digest_is_not_sent_again(box: Outbox) -> None:
    channel = box.channel("lab")
    box.fake.fail(
        "files.completeUploadExternal", error="invalid_channel", when=lambda p: p.get("channel_id") == channel
    )
    row = box.queue(TargetKind.CHANNEL, channel, DIGEST, "digest-lab")
    assert box.dispatcher.run_once(NOW).sent == 1
    assert box.row(row).status == OutboxStatus.SENT and len(box.posts(channel)) == 1
    assert len(box.fake.calls_to("files.completeUploadExternal", since=box.start, channel_id=channel)) == 2


def test_a_reply_without_charts_uploads_nothing(box: Outbox) -> None:
    box.queue(TargetKind.CHANNEL, box.channel("plain"), DIGEST.model_copy(update={"charts": ()}), "plain")
    assert box.dispatcher.run_once(NOW).sent == 1
    assert box.fake.calls_to("files.getUploadURLExternal", since=box.start) == []
