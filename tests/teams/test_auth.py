"""Only the Bot Framework may talk to /api/messages: its JWT (RS256, keys from the OpenID metadata, issuer,
audience = our App ID, 5 minutes of skew, serviceurl = the activity's serviceUrl) or a 401."""

from __future__ import annotations

import time

import pytest
from sqlalchemy import Engine, func, select

from bot.teams.auth import BotFrameworkAuth, Unauthorized
from storage.models import ConversationRef
from tests.fakes.bot_connector import FakeBotConnector, new_key
from tests.support.cli import run_bot
from tests.teams.conftest import serve
from tests.teams.support import APP_ID, Tenant


def hello(tenant: Tenant) -> dict:  # type: ignore[type-arg]
    return tenant.message("sam", "help", where=None)


def test_a_request_signed_by_the_bot_framework_is_accepted(tenant: Tenant) -> None:
    tenant.say("sam", "help", where=None)
    assert "/status" in tenant.reply().text


@pytest.mark.parametrize(
    "why",
    [
        "missing",
        "garbage",
        "expired",
        "wrong audience",
        "wrong serviceurl",
        "wrong issuer",
        "unknown key",
        "key not endorsed for Teams",
        "not RS256",
    ],
)
def test_anything_else_is_refused_with_401_and_changes_nothing(
    tenant: Tenant, bf: FakeBotConnector, engine: Engine, why: str
) -> None:
    activity = hello(tenant)
    url = activity["serviceUrl"]
    token: str | None = {
        "missing": None,
        "garbage": "not.a.jwt",
        "expired": bf.token(app_id=APP_ID, service_url=url, expires_in=-400),  # past the 5-minute skew
        "wrong audience": bf.token(app_id="00000000-0000-0000-0000-000000000001", service_url=url),
        "wrong serviceurl": bf.token(app_id=APP_ID, service_url="https://attacker.example/amer/"),
        "wrong issuer": bf.token(app_id=APP_ID, service_url=url, issuer="https://sts.windows.net/someone/"),
        "unknown key": bf.token(app_id=APP_ID, service_url=url, key=new_key()),
        "key not endorsed for Teams": None,
        "not RS256": None,
    }[why]
    if why == "key not endorsed for Teams":
        webchat_only = new_key(endorsements=("webchat",))
        bf.keys.append(webchat_only)
        token = bf.token(app_id=APP_ID, service_url=url, key=webchat_only)
    if why == "not RS256":
        import jwt

        token = jwt.encode(
            {"iss": "https://api.botframework.com", "aud": APP_ID, "serviceurl": url, "exp": int(time.time()) + 600},
            "a-shared-secret-of-enough-length-for-hs256!",
            algorithm="HS256",
        )
    answer = tenant.post(activity, token=token or False)
    assert answer.status == 401, (why, answer)
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(ConversationRef)) == 0  # nothing was recorded


def test_a_token_within_the_five_minutes_of_skew_is_accepted(tenant: Tenant, bf: FakeBotConnector) -> None:
    activity = hello(tenant)
    token = bf.token(app_id=APP_ID, service_url=activity["serviceUrl"], expires_in=-200)
    assert tenant.post(activity, token=token).status == 200


def test_signing_keys_are_fetched_once_then_cached(tenant: Tenant, bf: FakeBotConnector) -> None:
    assert tenant.post(hello(tenant)).status == 200
    before = bf.metadata_fetches
    assert tenant.post(hello(tenant)).status == 200
    assert bf.metadata_fetches == before


def test_a_rolled_key_is_fetched_at_once_but_an_unknown_one_at_most_once_a_minute(bf: FakeBotConnector) -> None:
    now = [1000.0]
    auth = BotFrameworkAuth(APP_ID, bf.openid_url, clock=lambda: now[0])
    url = "https://smba.example/amer/"
    auth.verify("Bearer " + bf.token(app_id=APP_ID, service_url=url), url, "msteams")
    fetches = bf.metadata_fetches
    rolled = new_key()
    bf.keys.append(rolled)
    now[0] += 61
    assert (
        auth.verify("Bearer " + bf.token(app_id=APP_ID, service_url=url, key=rolled), url, "msteams")["aud"] == APP_ID
    )
    assert bf.metadata_fetches == fetches + 1
    for _ in range(3):  # a flood of tokens naming keys nobody has: no flood of fetches
        with pytest.raises(Unauthorized, match="unknown signing key"):
            auth.verify("Bearer " + bf.token(app_id=APP_ID, service_url=url, key=new_key()), url, "msteams")
    assert bf.metadata_fetches == fetches + 1


def test_an_activity_from_another_tenant_is_refused_when_rounds_serves_one(
    engine: Engine, bf: FakeBotConnector
) -> None:
    server = serve(engine, bf, teams_tenant_id="11111111-2222-3333-4444-555555555555")
    try:
        other = Tenant(server.url, bf)
        assert other.post(other.message("sam", "help", where=None)).status == 403
    finally:
        server.close()


def test_unauthenticated_requests_are_possible_only_in_development(engine: Engine, bf: FakeBotConnector) -> None:
    server = serve(engine, bf, teams_allow_unauthenticated=True)
    try:
        laptop = Tenant(server.url, bf)
        assert laptop.post(laptop.message("sam", "help", where=None), token=False).status == 200
    finally:
        server.close()


def test_production_refuses_the_unauthenticated_switch_with_one_clear_line() -> None:
    done = run_bot(
        "web", env={"ROUNDS_ENV": "production", "TEAMS_ALLOW_UNAUTHENTICATED": "true", "TEAMS_APP_ID": APP_ID}
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        (
            "rounds: configuration error: TEAMS_ALLOW_UNAUTHENTICATED must not be true when ROUNDS_ENV=production "
            "(it turns off Teams request authentication)"
        )
    ]
