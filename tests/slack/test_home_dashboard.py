"""A sponsor's App Home tab through Slack: published at once with the heat map's alt text where the picture goes,
then again with an image block referencing the chart Rounds uploaded (external upload flow) into the sponsor's DM
with Rounds, the one place both may see the file. A second open shows the picture at once and uploads nothing.
A member's Home has no portfolio and uploads nothing."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.slack.home import HomeFiles, filename
from commands.charts import alt
from commands.charts.render import render
from commands.charts.specs import HeatMap
from commands.replies import Header, Reply, Section
from tests.fakes.slack_api import Call, FakeSlackAPI
from tests.slack.support import BOT_TOKEN, Workspace


def blocks_of(ws: Workspace, who: str, count: int) -> list[list[dict]]:  # type: ignore[type-arg]
    return [c["view"]["blocks"] for c in ws.wait_for("views.publish", count=count, user_id=ws.id(who))]


def test_a_sponsors_home_tab_shows_the_heat_map_it_uploaded(ehr: Workspace) -> None:
    ehr.ok("kim", '/risk EHR "Interface may drop orders" L4 I5')
    ehr.ok("sam", '/status EHR red "Go-live at risk"')
    assert ehr.opens_home("dana").status == 200
    first, second = blocks_of(ehr, "dana", 2)
    expected = alt.heatmap(HeatMap.of([(4, 5)]))
    assert expected.startswith("Open risks by likelihood × impact: 1 open. L4 × I5 = 20 (critical): 1")

    # At once: the header, the glance line, then the picture's words where the picture will go.
    assert first[0]["type"] == "header" and "at a glance" in first[1]["text"]["text"]
    assert first[2] == {"type": "context", "elements": [{"type": "mrkdwn", "text": expected}]}
    assert "🔴 Red — *EHR*" in str(first)

    # The chart went up by the external upload flow into Dana's DM with Rounds ...
    (asked,) = ehr.wait_for("files.getUploadURLExternal")
    (completed,) = ehr.wait_for("files.completeUploadExternal")
    assert asked["alt_txt"] == expected and asked["filename"].startswith("heatmap-")
    assert completed["channel_id"] == "D" + ehr.id("dana")[1:]
    assert completed["files"] == [{"id": asked.answer["file_id"], "title": "Open risks by likelihood × impact"}]

    # ... and the Home was published again with an image block referencing that file.
    image = second[2]
    assert image["type"] == "image" and image["slack_file"] == {"id": asked.answer["file_id"]}
    assert image["alt_text"] == expected
    assert [b for b in second if b is not image] == [b for b in first if b is not first[2]]

    # Opened again (whichever web worker serves it): the same file, not uploaded again.
    again = ehr.fake.mark()
    assert ehr.opens_home("dana").status == 200
    (shown,) = ehr.fake.wait_for("views.publish", since=again, user_id=ehr.id("dana"), where=has_image)
    assert shown["view"]["blocks"][2]["slack_file"] == {"id": asked.answer["file_id"]}
    assert len(ehr.fake.calls_to("files.getUploadURLExternal", since=ehr.start)) == 1


def test_a_members_home_tab_has_no_portfolio(ehr: Workspace) -> None:
    ehr.ok("kim", '/risk EHR "Interface may drop orders" L4 I5')
    assert ehr.opens_home("kim").status == 200
    (view,) = blocks_of(ehr, "kim", 1)
    assert "at a glance" not in str(view) and not [b for b in view if b["type"] == "image"]
    assert ehr.fake.calls_to("files.getUploadURLExternal", since=ehr.start) == []


# -- the publisher on its own (bot/slack/home.py), against the fake Web API -----------------------------------------
HOME = Reply.private("Your rounds", Header(text="Your rounds, Dana"), Section(text="*Your portfolio at a glance*"))
HEAT = (HeatMap.of([(4, 5), (3, 4)]),)


def publisher(fake: FakeSlackAPI) -> tuple[HomeFiles, WebClient, list[float]]:
    waits: list[float] = []
    return HomeFiles(sleep=waits.append), WebClient(token=BOT_TOKEN, base_url=fake.url, retry_handlers=[]), waits


def has_image(call: Call) -> bool:
    return any(b.get("type") == "image" for b in call["view"]["blocks"])


def test_a_view_slack_refuses_while_it_processes_the_upload_is_published_again(fake_slack: FakeSlackAPI) -> None:
    files, client, waits = publisher(fake_slack)
    start = fake_slack.mark()
    fake_slack.fail("views.publish", error="invalid_blocks", when=lambda p: "slack_file" in str(p.get("view")))
    files.publish(client, "T1", "U1", HOME.model_copy(update={"charts": HEAT}))
    published = fake_slack.calls_to("views.publish", since=start, ok=None)
    assert [(c.ok, has_image(c)) for c in published] == [(True, False), (False, True), (True, True)]
    assert waits == [0.5]


def test_when_slack_keeps_refusing_the_alt_text_view_stays(fake_slack: FakeSlackAPI) -> None:
    files, client, waits = publisher(fake_slack)
    start = fake_slack.mark()
    fake_slack.fail("views.publish", error="invalid_blocks", times=4, when=lambda p: "slack_file" in str(p.get("view")))
    files.publish(client, "T1", "U2", HOME.model_copy(update={"charts": HEAT}))
    published = fake_slack.calls_to("views.publish", since=start, ok=None)
    assert [(c.ok, has_image(c)) for c in published] == [(True, False)] + [(False, True)] * 4
    assert waits == [0.5, 1.0, 2.0]


def test_a_worker_that_did_not_upload_the_picture_finds_it_in_the_dm(fake_slack: FakeSlackAPI) -> None:
    home = HOME.model_copy(update={"charts": HEAT})
    first, client, _ = publisher(fake_slack)
    start = fake_slack.mark()
    first.publish(client, "T1", "U4", home)  # one web worker uploads it
    (uploaded,) = fake_slack.calls_to("files.getUploadURLExternal", since=start, filename=filename(HEAT[0]))
    assert uploaded["filename"] == render(HEAT[0]).filename
    other, client, _ = publisher(fake_slack)  # another worker (or this one after a restart) knows nothing
    start = fake_slack.mark()
    other.publish(client, "T1", "U4", home)
    assert [c.method for c in fake_slack.calls[start:]] == [
        "views.publish",
        "conversations.open",
        "conversations.history",
        "views.publish",
    ]
    assert fake_slack.calls[-1]["view"]["blocks"][2]["slack_file"] == {"id": uploaded.answer["file_id"]}


def test_a_home_without_charts_is_published_once_and_uploads_nothing(fake_slack: FakeSlackAPI) -> None:
    files, client, _ = publisher(fake_slack)
    start = fake_slack.mark()
    files.publish(client, "T1", "U3", HOME)
    assert [c.method for c in fake_slack.calls[start:]] == ["views.publish"]
