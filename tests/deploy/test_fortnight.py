"""A fortnight of Rounds as deployed: `release`, `web` and `clock` from the Procfile, Slack and Teams both
configured, driven only through signed HTTP as the platforms drive it.

The processes share a simulated clock that starts on Thursday 19 November 2026 at noon in Toronto and runs
15,000 times faster than the wall, so the fortnight lasts about 70 seconds. The test never sleeps waiting
for a schedule: it waits (bounded) for what the fake Slack Web API and the fake Bot Connector receive, and
checks from their arrival times that each came when it should have — the Monday digest after 08:00, nudges
inside the person's working hours, at most one nudge a day, each message once, a 429 honoured then retried."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from storage.db import make_engine
from storage.models import AuditEvent, OutboxMessage, OutboxStatus, Platform, TargetKind
from tests.deploy.support import Deployment
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.entra_id import FakeEntraID
from tests.fakes.slack_api import Call, FakeSlackAPI
from tests.slack.support import BOT_TOKEN, SIGNING_SECRET, TEAM, Message, Workspace
from tests.teams.support import APP_ID, Card, Tenant

TORONTO = ZoneInfo("America/Toronto")
START = datetime(2026, 11, 19, 12, 0, tzinfo=TORONTO)  # a Thursday
SPEED = 15_000.0
MONDAY = datetime(2026, 11, 23, 8, 0, tzinfo=TORONTO)
NEXT_MONDAY = datetime(2026, 11, 30, 8, 0, tzinfo=TORONTO)
SLOW = 150.0  # seconds (wall) to wait for something a fortnight away
NOTE = "Interface engine cut-over rehearsed on the test system"  # a note whose text must never reach a log


TENANT = "0f8a6c2e-41d7-4b9a-9e3f-5a1b2c3d4e5f"
TEAMS_SECRET = "rounds-client-secret-for-the-deployment-test"


@pytest.fixture
def fakes() -> Iterator[tuple[FakeSlackAPI, FakeBotConnector, FakeEntraID]]:
    entra = FakeEntraID(client_id=APP_ID, secret=TEAMS_SECRET)
    entra.start()
    with FakeSlackAPI(tokens={BOT_TOKEN}, team_id="TDEPLOY") as slack, FakeBotConnector() as bf:
        yield slack, bf, entra
    entra.stop()


@pytest.fixture
def rounds(
    database_url: str, fakes: tuple[FakeSlackAPI, FakeBotConnector, FakeEntraID], tmp_path: Path
) -> Iterator[Deployment]:
    slack, bf, entra = fakes
    env = {  # what an operator sets: both platforms, Teams single-tenant and signed in to the Bot Connector
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SIGNING_SECRET,
        "SLACK_API_URL": slack.url,
        "TEAMS_APP_ID": APP_ID,
        "TEAMS_APP_PASSWORD": TEAMS_SECRET,
        "TEAMS_TENANT_ID": TENANT,
        "TEAMS_OPENID_URL": bf.openid_url,
        "TEAMS_LOGIN_URL": entra.url,
        "REQUESTS_CA_BUNDLE": entra.ca_file,  # the fake Entra ID's certificate, as a private CA would be trusted
    }
    with Deployment(database_url, env, tmp_path, start=START, speed=SPEED) as deployment:
        yield deployment


def _soon(rounds: Deployment) -> str:
    """A day or two ahead on the simulated clock (Sat 21 Nov when setting up is quick): a fixed date could already
    be past when a loaded machine makes setting up slow, and the command would rightly refuse it."""
    return max(
        START.date() + timedelta(days=2), (rounds.now().astimezone(TORONTO) + timedelta(days=1)).date()
    ).isoformat()


def _slack_setup(ehr: Workspace, rounds: Deployment) -> None:
    ehr.ok("pat", '/project create EHR "EHR Upgrade" pm:@sam sponsor:@dana,@maria', channel="#pmo")
    ehr.ok("sam", "/project link EHR")
    ehr.ok("sam", "/project role EHR member:@kim,@alex")
    ehr.ok("sam", f'/status green "{NOTE}"')
    ehr.ok("sam", f'/risk "Downtime procedures untested on nights" L5 I5 owner:@alex review:{_soon(rounds)}')
    ehr.ok("sam", f'/action @kim "Confirm super-user roster" due:{_soon(rounds)}')
    ehr.ok("sam", '/gate request "Interfaces sign-off" approvers:@dana')
    ehr.ok("sam", "/digest subscribe EHR mon 08:00 America/Toronto")


def _teams_setup(tele: Tenant, rounds: Deployment) -> None:
    for where in ("#tele", "#pmo"):
        assert tele.install(where).status == 200
    for who in tele.people:
        tele.dm(who, "prefs")
    tele.ok("pat", 'project create TEL "Virtual Visits" pm:@sam sponsor:@maria', "#pmo")
    tele.ok("sam", "project link TEL", "#tele")
    tele.ok("sam", 'status amber "Video vendor contract in legal review"', "#tele")
    tele.ok("sam", f'action @kim "Book the clinic champions session" due:{_soon(rounds)}', "#tele")
    tele.ok("sam", 'gate request "Pilot readiness" approvers:@maria', "#tele")
    tele.ok("sam", "digest subscribe TEL mon 08:00 America/Toronto", "#tele")


def _in_hours(when: datetime) -> bool:
    return when.weekday() < 5 and 8 <= when.hour < 18


def test_a_fortnight_as_deployed(
    rounds: Deployment, fakes: tuple[FakeSlackAPI, FakeBotConnector, FakeEntraID], database_url: str
) -> None:
    slack, bf, _entra = fakes
    ehr = Workspace(rounds.url, slack, "TDEPLOY")
    tele = Tenant(rounds.url, bf, id=TENANT)
    # The first Monday digest meets a rate limit on each platform and must be retried as told.
    slack.fail("chat.postMessage", status=429, retry_after=1, when=lambda p: "digest" in str(p.get("text", "")).lower())
    bf.fail("send", status=429, retry_after=1, when=lambda c: c.conversation == tele.channel("#tele"))
    _slack_setup(ehr, rounds)
    _teams_setup(tele, rounds)
    assert rounds.now() < MONDAY, f"setting up took until {rounds.now()}: slow the simulated clock"

    # -- Monday: the digest, on both platforms, after 08:00 Toronto, once, despite a 429 -------------------------
    digest = _digests(ehr, timeout=SLOW)[0]
    assert rounds.at(digest, "America/Toronto") >= MONDAY
    assert "EHR" in digest["text"] or "EHR" in Message.of(digest).shown
    throttled = slack.calls_to("chat.postMessage", ok=False, channel=ehr.channel("#ehr"))
    assert [c.status for c in throttled] == [429]  # the first attempt was refused, then retried
    teams_digest = _teams_digests(tele, timeout=SLOW)[0]
    assert rounds.at(teams_digest, "America/Toronto") >= MONDAY
    assert "TEL" in Card.of(teams_digest).text

    # -- Monday after the digest: the sponsor approves the gate from the card in her DM ---------------------------
    slack.fail("chat.update", status=429, retry_after=1)  # the card's first update is rate limited too
    dana_card = next(m for m in ehr.posted("@dana") if "Approve" in m.buttons)  # the card, before any nudge
    channel_card = next(m for m in ehr.posted("#ehr") if "Interfaces sign-off" in m.shown and m.buttons)
    ehr.click("dana", dana_card, "Approve")
    updated = slack.wait_for("chat.update", ts=channel_card.ts, timeout=SLOW, where=ehr.mine)
    assert "approved" in updated[-1]["text"].lower()
    maria_card = next(c for c in tele.posted("@maria", count=1) if "Approve" in c.buttons)
    after = tele.click("maria", maria_card, "Approve")
    assert "approved" in after.text.lower()

    # -- the week: nudges to the owner, escalation to the PM then the sponsors ----------------------------------
    kim_nudges = slack.wait_for(  # her daily messages, not the note that assigned her the action
        "chat.postMessage",
        count=2,
        timeout=SLOW,
        channel=ehr.id("kim"),
        where=lambda c: "assigned you" not in c["text"],
    )
    pm_told = slack.wait_for("chat.postMessage", timeout=SLOW, channel=ehr.id("sam"), where=_about("A-1"))
    sponsor_told = slack.wait_for(
        "chat.postMessage",
        timeout=SLOW,
        where=lambda c: c["channel"] in (ehr.id("dana"), ehr.id("maria")) and _about("A-1")(c),
    )
    critical_risk = slack.wait_for(
        "chat.postMessage",
        timeout=SLOW,
        where=lambda c: c["channel"] in (ehr.id("dana"), ehr.id("maria")) and _about("R-1")(c),
    )
    for call in kim_nudges + pm_told + sponsor_told + critical_risk:
        tz = TEAM[ehr.name_of(call["channel"])][1]  # in the recipient's own time zone
        assert _in_hours(rounds.at(call, tz)), (call["text"][:80], rounds.at(call, tz))
    assert rounds.at(pm_told[0]) > rounds.at(kim_nudges[1])  # after two ignored nudges, not before
    teams_nudge = bf.wait_for(
        "send",
        timeout=SLOW,
        conversation=tele.people["kim"].chat,
        where=lambda c: "A-1" in Card.of(c).text and rounds.at(c) > MONDAY,  # not the note that assigned it
    )
    assert _in_hours(rounds.at(teams_nudge[0], "America/Toronto"))
    assert all((c.authorization or "").startswith("Bearer entra-token-") for c in bf.calls_to("send"))

    # -- the next Monday: the second digest says the gate was approved ------------------------------------------
    second = _digests(ehr, count=2, timeout=SLOW)[1]
    assert rounds.at(second, "America/Toronto") >= NEXT_MONDAY

    # -- stopping: SIGTERM ends each process promptly ------------------------------------------------------------
    assert rounds.stop("clock") < 10
    assert rounds.stop("web") < 30

    # -- each message once; nudges at most once a day per person ------------------------------------------------
    engine = make_engine(database_url)
    with engine.connect() as conn:
        statuses = Counter(conn.execute(select(OutboxMessage.status)).scalars())
        slack_rows = dict(
            conn.execute(
                select(OutboxMessage.status, func.count())
                .where(OutboxMessage.platform == Platform.SLACK, OutboxMessage.target_kind != TargetKind.UPDATE)
                .where((OutboxMessage.status == OutboxStatus.SENT) | OutboxMessage.claimed_until.is_not(None))
                .group_by(OutboxMessage.status)
            ).all()
        )
        escalations = conn.execute(
            select(AuditEvent.workspace_id, AuditEvent.entity, AuditEvent.after).where(
                AuditEvent.action == "nudge.escalate"
            )
        ).all()
    engine.dispose()
    ok_posts = [c for c in slack.calls_to("chat.postMessage", ok=True) if ehr.mine(c)]
    keys = Counter(c["metadata"]["event_payload"]["key"] for c in ok_posts)  # each outbox row's key travels along
    twice = [
        (c["channel"], c["text"][:50], rounds.at(c))
        for c in ok_posts
        if keys[c["metadata"]["event_payload"]["key"]] > 1
    ]
    assert twice == [], twice  # no row was posted twice
    # every post is a row marked sent, or one a stopping process had in hand (its lease will have it looked for)
    assert slack_rows[OutboxStatus.SENT] <= len(ok_posts) <= sum(slack_rows.values()), (slack_rows, len(ok_posts))
    assert statuses[OutboxStatus.FAILED] == 0, statuses
    nudge_days = Counter((c["channel"], rounds.at(c, "America/Toronto").date()) for c in ok_posts if _is_nudge(c))
    assert max(nudge_days.values()) == 1, nudge_days
    steps = Counter((ws, entity, after["level"]) for ws, entity, after in escalations)
    assert steps and max(steps.values()) == 1, steps  # every step of the ladder happened once

    # -- nothing private or broken in any log ---------------------------------------------------------------------
    for name in ("web", "clock"):
        out = rounds.output(name)
        assert "Traceback" not in out, out[-3000:]
        assert NOTE not in out and "super-user roster" not in out


# -- reading what the fakes received ---------------------------------------------------------------------------
def _about(ref: str):  # type: ignore[no-untyped-def]
    """A message about this item — not a gate's card, which lists the project's critical risks as well."""

    def about(c: dict[str, object]) -> bool:
        text = str(c.get("text", ""))
        return re.search(rf"\b{re.escape(ref)}\b", text + Message.of(c).shown) is not None and not re.search(
            r"\bG-\d+\b", text
        )

    return about


def _is_nudge(call: Call) -> bool:
    return "Snooze" in " ".join(Message.of(call).buttons)


def _digests(ws: Workspace, count: int = 1, timeout: float = SLOW) -> list[Call]:
    return ws.fake.wait_for(
        "chat.postMessage",
        count=count,
        timeout=timeout,
        channel=ws.channel("#ehr"),
        where=lambda c: ws.mine(c) and "digest" in str(c.get("text", "")).lower(),
    )


def _teams_digests(tele: Tenant, timeout: float = SLOW) -> list:  # type: ignore[type-arg]
    return tele.bf.wait_for("send", timeout=timeout, conversation=tele.channel("#tele"), where=_teams_digest)


def _teams_digest(call) -> bool:  # type: ignore[no-untyped-def]
    return "digest" in Card.of(call).text.lower()
