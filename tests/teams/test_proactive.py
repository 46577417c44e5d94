"""What Rounds sends on its own (digests, nudges, cards to approvers) goes through the outbox, to
conversations it finds in the database — after a restart too — and Teams' throttling is honoured."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select

from storage.models import ConversationRef, OutboxMessage, OutboxStatus, Workspace
from tests.fakes.bot_connector import FakeBotConnector
from tests.teams.conftest import Clock, serve
from tests.teams.support import BOT_ID, Card, Tenant


def test_installing_rounds_in_a_team_stores_the_conversation_reference(tenant: Tenant, engine: Engine) -> None:
    assert tenant.install("#ehr").status == 200
    with engine.connect() as conn:
        ref = conn.execute(select(ConversationRef).join(Workspace).where(Workspace.external_id == tenant.id)).one()
    assert (
        ref.conversation_id,
        ref.conversation_type,
        ref.service_url,
        ref.tenant_id,
        ref.team_id,
        ref.channel_id,
        ref.bot_id,
    ) == (
        tenant.channel("#ehr"),
        "channel",
        tenant.service_url,
        tenant.id,
        tenant.team_id,
        tenant.channel("#ehr"),
        BOT_ID,
    )
    assert "Rounds is here" in tenant.posted("#ehr")[-1].text  # and it says hello


def test_a_digest_is_sent_after_a_restart_from_what_the_database_knows(engine: Engine, bf: FakeBotConnector) -> None:
    first = serve(engine, bf)
    ehr = Tenant(first.url, bf)
    ehr.install("#ehr")
    ehr.ok("sam", 'project create EHR "EHR Upgrade"')
    ehr.ok("sam", "project link EHR")
    ehr.ok("sam", 'status EHR amber "Interface build slipped a week"')
    ehr.ok("sam", "digest subscribe EHR mon,tue,wed,thu,fri,sat,sun 08:00 UTC")
    first.close()  # the web process is gone; nothing of it remains in memory

    clock = Clock(engine, bf)  # a new process: the clock
    try:
        at = datetime.now(UTC).replace(hour=8, minute=1, second=0, microsecond=0) + timedelta(days=1)
        assert clock.digests(at).queued == 1
        assert clock.send(at).sent == 1
    finally:
        clock.close()
    (digest,) = ehr.posted("#ehr", count=2)[1:]
    assert "EHR" in digest.text and "Interface build slipped" in digest.text
    sent = bf.calls_to("send", conversation=ehr.channel("#ehr"))[-1]
    assert sent.service_url.rstrip("/") == ehr.service_url.rstrip("/")  # the stored, tenant-scoped serviceUrl


def test_a_throttled_send_waits_as_teams_says_and_a_5xx_is_retried(
    ehr: Tenant, bf: FakeBotConnector, clock: Clock, engine: Engine
) -> None:
    bf.fail("send", status=429, retry_after=7)
    ehr.ok("sam", 'gate request "Go-live readiness" approvers:@dana')  # the reply itself goes through; then:
    at = datetime.now(UTC)
    with engine.connect() as conn:
        pending = conn.execute(
            select(
                OutboxMessage.status, OutboxMessage.not_before, OutboxMessage.attempts, OutboxMessage.last_error
            ).where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.last_error.is_not(None))
        ).all()
    clock.send(at + timedelta(seconds=8))
    throttled = [p for p in pending if "429" in (p.last_error or "")]
    if throttled:  # the web process's own pass met the 429 first: rescheduled, not counted as an attempt
        assert throttled[0].attempts == 0
    bf.fail("send", status=502)
    bf.fail("send", status=500)
    ehr.ok("sam", 'gate request "Build complete" approvers:@maria')
    clock.send(datetime.now(UTC) + timedelta(minutes=1))
    clock.send(datetime.now(UTC) + timedelta(minutes=5))
    assert "Build complete" in ehr.posted("@maria")[-1].text
    assert "Go-live readiness" in ehr.posted("@dana")[-1].text


def test_the_sender_maps_teams_answers_to_the_outbox_rules() -> None:
    from bot.teams.connector import ConnectorError
    from bot.teams.sender import failure

    assert failure(ConnectorError(429, "Throttled", 3.0)).retry_after == 3.0
    assert failure(ConnectorError(429, "Throttled")).retry_after == 5.0
    for status in (412, 500, 502, 503, 504, None):
        e = failure(ConnectorError(status, "x"))
        assert not e.permanent and e.retry_after is None, status
    for status in (400, 401, 403, 404):
        assert failure(ConnectorError(status, "x")).permanent, status


def test_a_person_rounds_never_chatted_with_gets_a_new_1_to_1_chat(tenant: Tenant, bf: FakeBotConnector) -> None:
    tenant.install("#ehr")
    tenant.ok("pat", 'project create EHR "EHR Upgrade" pm:@pat sponsor:@maria')
    tenant.ok("pat", "project link EHR")
    tenant.ok("pat", 'gate request "Scope sign-off"')  # to the sponsor, Maria, who never talked to Rounds
    (created,) = bf.wait_for("create", since=tenant.start)
    assert created.body["members"] == [{"id": tenant.people["maria"].user_id}] and created.body["bot"] == {"id": BOT_ID}
    assert created.body["tenantId"] == tenant.id
    assert "Scope sign-off" in tenant.posted("@maria")[-1].text


def test_removing_rounds_from_a_team_forgets_where_it_could_post(ehr: Tenant, engine: Engine) -> None:
    activity = ehr.message("pat", "", "#ehr", mention_bot=False)
    activity |= {"type": "conversationUpdate", "membersRemoved": [{"id": BOT_ID}]}
    activity["channelData"]["eventType"] = "teamMemberRemoved"
    assert ehr.post(activity).status == 200
    with engine.connect() as conn:
        assert (
            conn.scalars(select(ConversationRef.conversation_id).where(ConversationRef.team_id == ehr.team_id)).all()
            == []
        )


def test_every_card_rounds_sent_in_these_conversations_was_a_valid_adaptive_card(
    ehr: Tenant, bf: FakeBotConnector
) -> None:
    ehr.ok("sam", "project")
    ehr.ok("sam", "risk list")
    cards = [Card.of(c) for c in bf.calls_to("send", since=0)]
    assert cards and all(c.content["version"] == "1.5" for c in cards)
    assert bf.problems == []
