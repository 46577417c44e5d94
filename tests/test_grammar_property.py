"""Property tests of the grammar (DESIGN.md, Testing): any text gives a Reply, never an exception.

Hypothesis runs against an in-memory SQLite database built inside each test (never PostgreSQL), on a
world where EHR exists and things have numbers, so that texts which happen to be valid commands really
change state and the next example meets a richer database.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commands.errors import CommandError
from commands.grammar import COMMAND_NAMES, parse
from commands.grammar.parse import PMO_ONLY
from commands.replies import Reply
from storage.db import make_engine
from storage.models import Base
from tests.support.chat import TEAM, Chat

INTERNAL_ERROR = "Something went wrong on our side"
NOW = datetime(2026, 11, 23, 15, 0, tzinfo=UTC)

# Words Rounds knows, so generated lines often get deep into the grammar and the handlers.
VOCAB = [
    "EHR",
    "ehr",
    "NOPE",
    "green",
    "amber",
    "red",
    "yellow",
    "🔴",
    "help",
    "?",
    "list",
    "all",
    "open",
    "mine",
    "high",
    "overdue",
    "pending",
    "create",
    "link",
    "unlink",
    "role",
    "archive",
    "request",
    "approve",
    "reject",
    "abstain",
    "withdraw",
    "check",
    "subscribe",
    "unsubscribe",
    "now",
    "portfolio",
    "update",
    "close",
    "reviewed",
    "accept",
    "done",
    "blocked",
    "cancel",
    "reopen",
    "hours",
    "tz",
    "away",
    "delegate",
    "until",
    "off",
    "add",
    "remove",
    "country",
    "show",
    "edit",
    "risks",
    "status",
    "gates",
    "evidence",
    "csv",
    "json",
    "xlsx",
    "R-1",
    "R-2",
    "r1",
    "R-0",
    "R-999999999",
    "A-1",
    "A-2",
    "G-1",
    "G-2",
    "G-0",
    "D-1",
    "1",
    "0",
    "-1",
    "L4",
    "I5",
    "L0",
    "I9",
    "L99",
    "@sam",
    "@dana",
    "@maria",
    "@kim",
    "@nobody",
    "@",
    "<@U123ABC|sam>",
    "<@U1>",
    "<@",
    "<@>",
    "owner:@sam",
    "owner:",
    "owner:x",
    "pm:@sam",
    "sponsor:@dana,@maria",
    "sponsor:@",
    "approvers:@dana",
    "approvers:@dana,@maria",
    "approvers:",
    "quorum:any",
    "quorum:0",
    "quorum:2",
    "quorum:99",
    "must:cmio",
    "must:Bad Role",
    "due:fri",
    "due:2026-02-30",
    "due:+3d",
    "due:yesterday",
    "due:1999-01-01",
    "due:+999m",
    "review:tomorrow",
    "review:garbage",
    "likelihood:4",
    "impact:5",
    "likelihood:9",
    "impact:",
    "category:privacy",
    "category:nope",
    'mitigation:"parallel run"',
    "status:mitigating",
    "status:closed",
    "schedule:amber",
    "budget:blue",
    "scope:red",
    "note:x",
    "reason:x",
    'conditions:"a; b"',
    "conditions:",
    "risk:R-1",
    "gate:G-1",
    "risk:x",
    "method:agile",
    "method:x",
    "cadence:daily",
    "template:waterfall",
    'checklist:"a; b"',
    "mon,thu",
    "mon-fri",
    "sun-thu",
    "every-day",
    "xyz-abc",
    "08:00",
    "7:30",
    "25:00",
    "8",
    "America/Toronto",
    "europe/london",
    "Mars/Base",
    "07:00-19:00",
    "19:00-07:00",
    "CA-ON",
    "US",
    "none",
    "+3d",
    "in",
    "3",
    "days",
    "eow",
    "2026-12-04",
    "1w",
    "1d",
    "15d",
    "cmio:@dana",
    "cno:none",
    "pm:@x",
    "escalation",
    "pm:2",
    "sponsor:4",
    "to:dm",
    "to:channel",
    "to:x",
    '"quoted words"',
    "“smart”",
    "'single'",
    "don't",
    '"',
    "“",
    "'",
    "”",
    ":",
    "::",
    'key:"v w"',
    "http://x.y",
    "MRN 1234567",
    "DOB 1/2/1950",
    "Mr Smith",
    "555-123-4567",
    "x" * 300,
    "é",
    "\u200b",
    "\x00",
    "\n",
    "\t",
]

_words = st.one_of(st.sampled_from(VOCAB), st.text(max_size=12))
grammarish = st.lists(_words, max_size=10).map(" ".join)
free_text = st.text(max_size=200)
long_text = st.text(min_size=2_000, max_size=6_000, alphabet=st.characters(codec="utf-8"))
any_text = st.one_of(grammarish, grammarish, free_text, long_text)

PMO_WORDS = sorted(set(COMMAND_NAMES) - {"pmo"}) + sorted(PMO_ONLY)
commands = st.one_of(
    st.tuples(st.sampled_from([f"/{c}" for c in COMMAND_NAMES]), any_text).map(lambda t: (t[0], t[1])),
    st.tuples(st.sampled_from(PMO_WORDS), any_text).map(lambda t: ("/pmo", f"{t[0]} {t[1]}")),
)


def sqlite_world() -> Chat:
    engine = make_engine("sqlite://")
    Base.metadata.create_all(engine)
    chat = Chat(engine, now=NOW)
    chat.setup_ehr()
    chat.ok("sam", '/status green "Kick-off done"')
    chat.ok("sam", '/risk "Interface may drop orders" L4 I5')
    chat.ok("sam", '/action @kim "Run the downtime drill" due:fri risk:R-1')
    chat.ok("sam", '/gate request "Go-live" approvers:@dana,@maria')
    return chat


@pytest.fixture(scope="module")
def world() -> Iterator[Chat]:
    chat = sqlite_world()
    yield chat
    chat.close()
    chat.engine.dispose()


def test_the_world_is_what_the_properties_run_against(world: Chat) -> None:
    assert world.engine.dialect.name == "sqlite"
    assert "R-1" in world.ok("sam", "/risk R-1").text
    assert "G-1" in world.ok("sam", "/gate G-1").text


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(cmd=commands, who=st.sampled_from(sorted(TEAM)), channel=st.sampled_from(["#ehr", "#pmo", None]))
def test_any_text_to_any_command_gives_a_reply(
    world: Chat, cmd: tuple[str, str], who: str, channel: str | None
) -> None:
    command, text = cmd
    world.later(minutes=7)  # time moves on; dates in the texts are read against a changing "today"
    before = world.table_counts()
    reply = world.rounds.run(world.context(who, channel), command, text)
    assert isinstance(reply, Reply)
    assert INTERNAL_ERROR not in reply.text, f"{command} {text!r} by {who} in {channel}: {reply.text}"
    assert reply.text.strip() or reply.blocks or reply.form is not None
    if reply.error:  # every error is for the speaker alone, and nothing is half-written
        assert reply.visibility == "private"
        assert world.table_counts() == before, f"{command} {text!r} was refused but changed the database"


@settings(max_examples=300, deadline=None)
@given(
    command=st.one_of(st.sampled_from([*COMMAND_NAMES, *PMO_ONLY, "nope", "/", ""]), st.text(max_size=10)),
    text=any_text,
    known=st.sets(st.sampled_from(["EHR", "ehr", "TELE", "A", ""]), max_size=3),
    today=st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31)),
)
def test_parse_only_raises_command_errors(command: str, text: str, known: set[str], today: date) -> None:
    for name in (command, f"/{command}"):
        try:
            parse(name, text, today, known)
        except CommandError as e:
            assert e.message.strip(), "a refusal must say what was wrong"
        for word in PMO_WORDS[:: max(1, len(PMO_WORDS) // 5)]:
            with contextlib.suppress(CommandError):
                parse("/pmo", f"{word} {text}", today, known)


@settings(max_examples=200, deadline=None)
@given(text=any_text, today=st.dates(min_value=date(1900, 1, 1), max_value=date(2999, 12, 31)))
def test_parse_at_the_ends_of_the_calendar(text: str, today: date) -> None:
    """A far-off "today" and "+999m" must not overflow into an exception other than a refusal."""
    for cmd in ("/risk", "/action", "/gate", "/pmo"):
        for prefix in ("", 'R-1 accept "r" until:', 'request "g" due:', '@sam "t" due:', "prefs away until "):
            with contextlib.suppress(CommandError):
                parse(cmd, prefix + text, today, {"EHR"})


def test_a_bad_quote_is_a_refusal_not_a_crash(world: Chat) -> None:
    reply = world.say("sam", '/status green "never closed')
    assert reply.error and "quote" in reply.text.lower()
    assert INTERNAL_ERROR not in reply.text


def test_a_very_long_line_is_a_reply(world: Chat) -> None:
    reply = world.say("sam", "/risk " + '"' + "word " * 20_000 + '"')
    assert isinstance(reply, Reply)
    assert INTERNAL_ERROR not in reply.text


def test_an_error_never_quotes_patient_information_back() -> None:
    """Errors quote the word that was wrong, but never when it looks like PHI: on Teams an error in a channel
    is seen by everyone, and any message Rounds sends is kept in the outbox."""
    from datetime import date

    from commands.errors import CommandError
    from commands.grammar import parse

    for command, text in [
        ("/status", 'EHR green "ok" schedule:"pt John Smith MRN 1234567"'),
        ("/risk", "R-1 frobnicate pt John Smith MRN 1234567"),
        ("/action", 'A-1 "x" due:"DOB 03/04/1950"'),
        ("/gate", "frobnicate MRN:12345678"),
        ("/pmo", "dance Mrs Jane Doe 555-867-5309"),
    ]:
        try:
            parse(command, text, date(2026, 11, 23))
        except CommandError as e:
            assert "John" not in e.message and "1234567" not in e.message and "1950" not in e.message, e.message
            assert "Jane" not in e.message and "867" not in e.message and "12345678" not in e.message, e.message
        else:
            raise AssertionError(f"{command} {text} parsed")
