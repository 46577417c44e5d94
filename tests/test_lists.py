"""Lists and digests that read in 30 seconds: say this, read that.

One wording everywhere — the project on lists across projects, the score as "L4 × I5 = 20", a RAG in words
as well as colour, one phrase for lateness ("3 days overdue" / "due today" / "due Tue 8 Dec"), no brackets
inside brackets, and never a plain green for a project whose status is stale — and the portfolio as a table
sorted by what needs attention, zeros left blank."""

from __future__ import annotations

import re

import pytest

from bot.console.render import cells_width
from bot.console.render import render as console
from bot.slack import render as slack
from bot.teams import render as teams
from commands.replies import Reply, Table
from tests.fakes.bot_connector import FakeBotConnector
from tests.fakes.slack_api import message_problems, view_problems
from tests.support.chat import TEAM, Chat, shown

LATE_VARIANTS = re.compile(r"days? late\b|past due|overdue since|past need-by|date passed|review overdue \(")


def nested_brackets(text: str) -> list[str]:
    """Every bracket opened inside another: "R-2 (Alex Moreau (Interfaces))" has one."""
    found, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
            if depth == 1:
                start = i
            elif depth == 2:
                found.append(text[max(0, start - 20) : i + 20])
        elif ch == ")" and depth:
            depth -= 1
    return found


def two_projects(ehr: Chat) -> None:
    ehr.ok("pat", '/project create TELE "Telehealth" pm:@sam sponsor:@dana', channel="#pmo")
    ehr.ok("sam", "/project link TELE", channel="#tele")
    ehr.ok("sam", '/risk EHR "Interface may drop orders" L4 I5 owner:@alex')
    ehr.ok("sam", '/risk TELE "Clinic bandwidth thin" L3 I3', channel="#tele")


def test_a_risk_list_across_projects_names_each_risks_project(ehr: Chat) -> None:
    two_projects(ehr)
    everywhere = shown(ehr.ok("sam", "/risk list", channel=None))
    assert (
        "🟥 *R-1* EHR Interface may drop orders — L4 × I5 = 20 (critical) · Alex Moreau · review due Mon 30 Nov"
        in everywhere
    )
    assert "🟨 *R-2* TELE Clinic bandwidth thin — L3 × I3 = 9 (medium)" in everywhere
    here = shown(ehr.ok("sam", "/risk list"))  # #ehr is one project's channel: no need to say which
    assert "🟥 *R-1* Interface may drop orders — L4 × I5 = 20 (critical)" in here and "TELE" not in here
    actions = shown(ehr.ok("sam", '/action TELE @kim "Survey clinic bandwidth" due:+3d', channel="#tele"))
    assert "*A-1*" in actions
    assert "☐ *A-1* TELE Survey clinic bandwidth — Kim Nguyen · due Thu 26 Nov" in shown(
        ehr.ok("sam", "/action list all", channel=None)
    )


def test_the_score_reads_likelihood_times_impact_everywhere(ehr: Chat) -> None:
    raised = shown(ehr.ok("kim", '/risk "Downtime drill not done" L4 I5'))
    assert "— L4 × I5 = 20 (critical) ·" in raised
    assert "Score: 🟥 L4 × I5 = 20 (critical)" in shown(ehr.ok("kim", "/risk R-1"))
    assert "— L4 × I5 = 20 (critical) ·" in shown(ehr.ok("sam", "/project EHR"))
    ehr.ok("kim", '/risk "Badge readers late" L2 I2')
    assert "Scored L3 × I3 = 9 for now" not in raised  # only a risk raised without a score is told that
    unscored = shown(ehr.ok("kim", '/risk "Printer drivers"'))
    assert "Scored L3 × I3 = 9 for now" in unscored


def test_a_rag_is_said_in_words_as_well_as_colour(ehr: Chat) -> None:
    logged = ehr.ok("sam", '/status amber "Vendor slipped" schedule:red')
    assert "*EHR* status: 🟠 Amber · schedule 🔴 Red — Vendor slipped · _Sam Rivera, just now_" in shown(logged)
    ehr.later(hours=2)
    changed = shown(ehr.ok("sam", '/status red "Vendor out"'))
    assert "Was 🟠 Amber 2 h ago." in changed
    assert shown(ehr.ok("sam", "/status")).startswith("🔴 Red · EHR · EHR Upgrade")
    assert "🔴 Red · *EHR* EHR Upgrade — PM Sam Rivera" in shown(ehr.ok("sam", "/project list"))
    assert "⚪ No status · *EHR*" not in shown(ehr.ok("sam", "/project list"))


def test_a_stale_project_is_never_shown_plainly_green(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "All fine"')
    assert "stale" not in shown(ehr.ok("sam", "/project list"))
    ehr.later(days=16)  # a weekly cadence: stale after 7 days
    assert "🟢 Green · stale 16 days · *EHR* EHR Upgrade" in shown(ehr.ok("sam", "/project list"))
    card = shown(ehr.ok("sam", "/project EHR"))
    assert card.startswith("🟢 Green · stale 16 days · EHR · EHR Upgrade")
    assert "⚠️ *Stale*: no update for 16 days, past its weekly cadence." in card
    assert shown(ehr.ok("sam", "/status")).startswith("🟢 Green · stale 16 days · EHR")
    row = portfolio_rows(ehr)[0]
    assert row[:2] == ("EHR", "🟢 Green · stale 16 days")


def test_one_phrase_for_lateness_everywhere(ehr: Chat) -> None:
    ehr.ok("sam", '/risk "Interface may drop orders" L4 I5 owner:@kim')  # critical: review within 7 days
    ehr.ok("sam", '/action @kim "Book the downtime drill" due:+2d')
    ehr.ok("sam", '/gate request "Build sign-off" approvers:@dana due:+1d')
    ehr.ok("sam", '/assumption "Vendor keeps the test environment up" validate-by:+2d')
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    ehr.later(days=10)
    replies = {
        "risks": shown(ehr.ok("sam", "/risk list")),
        "actions": shown(ehr.ok("sam", "/action list")),
        "gates": shown(ehr.ok("sam", "/gate list")),
        "raid": shown(ehr.ok("sam", "/raid")),
        "assumptions": shown(ehr.ok("sam", "/assumption list")),
        "card": shown(ehr.ok("sam", "/project EHR")),
        "home": shown(ehr.rounds.home(ehr.context("kim"))),
    }
    assert "*review 3 days overdue*" in replies["risks"]
    assert "*8 days overdue*" in replies["actions"]
    assert "*decision 9 days overdue*" in replies["gates"]
    assert "*validation 8 days overdue*" in replies["assumptions"]
    assert "Kim Nguyen · *review 3 days overdue*" in replies["raid"]
    assert "*review 3 days overdue*" in replies["home"] and "*8 days overdue*" in replies["home"]
    for name, text in replies.items():
        assert not LATE_VARIANTS.search(text), f"{name}: {LATE_VARIANTS.search(text)}"


def test_no_brackets_inside_brackets_for_a_name_with_its_own(ehr: Chat, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(TEAM, "alex", "Alex Moreau (Interfaces)")
    ehr.ok("alex", "/pmo prefs", channel=None)  # Rounds learns the name as the platform gives it
    ehr.ok("sam", '/status amber "Interface retest Thursday"')
    ehr.ok("sam", '/risk "Interface may drop orders" L4 I5 owner:@alex')
    ehr.ok("sam", '/action @alex "Retest the interface" due:+1d')
    ehr.ok("sam", "/digest subscribe every-day 08:00")
    ehr.later(days=9)
    ehr.ok("alex", '/status amber "Retest slipped"')
    digest = ehr.ok("sam", "/digest now")
    assert not digest.error
    texts = [
        shown(ehr.ok("sam", "/risk list")),
        shown(ehr.ok("sam", "/action list")),
        shown(ehr.ok("sam", "/raid")),
        shown(ehr.ok("sam", "/project EHR")),
        shown(ehr.ok("sam", "/status")),
        shown(Reply.from_json(ehr.outbox()[-1].payload)),
        shown(ehr.ok("pat", "/pmo portfolio", channel="#pmo")),
        ehr.refused("kim", "/action A-1 done").text,
    ]
    assert "Reviews overdue: R-1 Alex Moreau (Interfaces), *2 days overdue*" in texts[5]
    for text in texts:
        assert nested_brackets(text) == [], text


def portfolio_rows(ehr: Chat) -> tuple[tuple[str, ...], ...]:
    view = ehr.ok("pat", "/pmo portfolio", channel="#pmo")
    return next(b for b in view.blocks if isinstance(b, Table)).rows


def test_the_portfolio_is_a_table_red_first_then_amber_stale_and_green_zeros_left_blank(ehr: Chat) -> None:
    for key, name in (("LAB", "Lab system"), ("PAY", "Payroll"), ("TELE", "Telehealth"), ("OLD", "Old archive")):
        ehr.ok("pat", f'/project create {key} "{name}" pm:@sam sponsor:@dana', channel="#pmo")
    ehr.ok("sam", '/status EHR green "fine"')
    ehr.ok("sam", '/status LAB amber "analyser late"')
    ehr.ok("sam", '/status PAY amber "vendor quiet"')
    ehr.ok("sam", '/status TELE red "bandwidth"')
    ehr.ok("sam", '/status OLD green "quiet"')
    ehr.ok("sam", '/action PAY @kim "Chase the vendor" due:+1d')
    ehr.ok("sam", '/action PAY @kim "Sign the order" due:+1d')
    ehr.ok("sam", '/action LAB @kim "Book the analyser" due:+1d')
    ehr.ok("sam", '/risk TELE "Clinic links drop" L4 I5')
    ehr.ok("sam", '/risk TELE "Video licences" L3 I4')
    ehr.ok("sam", '/gate request TELE "Pilot go-live" approvers:@dana due:+1d')
    ehr.later(days=3)
    for key in ("EHR", "LAB", "PAY", "TELE"):  # OLD says nothing more: stale once past its weekly cadence
        ehr.ok("sam", f'/status {key} {"red" if key == "TELE" else "amber" if key in ("LAB", "PAY") else "green"} "."')
    ehr.later(days=5)
    rows = portfolio_rows(ehr)
    assert [r[0] for r in rows] == ["TELE", "PAY", "LAB", "OLD", "EHR"]  # PAY before LAB: more overdue
    assert rows[0] == (
        "TELE",
        "🔴 Red",
        "1 critical and 1 high risk\n1 risk review overdue\n1 gate waiting, 1 overdue",  # one thing a line
    )
    assert rows[1] == ("PAY", "🟠 Amber", "2 actions overdue")
    assert rows[3] == ("OLD", "🟢 Green · stale 8 days", "")
    assert rows[4] == ("EHR", "🟢 Green", "")  # nothing needs attention: the cell is blank, not a row of zeros
    view = ehr.ok("pat", "/pmo portfolio", channel="#pmo")
    text = console(view)
    assert "Project  Status" in text and "TELE     🔴 Red" in text
    lines = text.splitlines()
    start = lines.index(next(line for line in lines if line.startswith("Project  Status")))
    needs_at = {
        cells_width(line[: line.index(w)])
        for line in lines[start:]
        for w in ("Needs attention", "1 critical", "1 risk review", "2 actions")
        if w in line
    }
    assert len(needs_at) == 1  # the console lines the columns up, emoji counted two columns wide


def test_a_large_portfolio_shows_the_rows_that_need_attention_and_sums_up_the_rest(ehr: Chat) -> None:
    ehr.ok("sam", '/status EHR red "vendor out"')
    for i in range(30):
        ehr.ok("pat", f'/project create P{i:02d} "Project {i}" pm:@sam sponsor:@dana', channel="#pmo")
        ehr.ok("sam", f'/status P{i:02d} green "fine"')
    rows = portfolio_rows(ehr)
    assert len(rows) == 20 and rows[0][:2] == ("EHR", "🔴 Red")
    view = shown(ehr.ok("pat", "/pmo portfolio", channel="#pmo"))
    assert "The table shows 20 of 31; the other 11: 11 green." in view  # sorted by attention, so what is cut is green


def test_nothing_overdue_reads_due_with_the_day(ehr: Chat) -> None:
    ehr.ok("sam", '/action @kim "Book the drill" due:+1d')
    ehr.ok("sam", '/action @kim "Order badges" due:+5d')
    listing = shown(ehr.ok("sam", "/action list"))
    assert "Kim Nguyen · due tomorrow" in listing and "Kim Nguyen · due Sat 28 Nov" in listing
    ehr.later(days=1)
    assert "Kim Nguyen · due today" in shown(ehr.ok("sam", "/action list"))
    ehr.later(days=1)
    assert "Kim Nguyen · *1 day overdue*" in shown(ehr.ok("sam", "/action list"))


@pytest.mark.parametrize(
    "table",
    [
        Table(columns=(), rows=(("EHR", "🔴 Red"),)),
        Table(columns=("Project",), rows=()),
        Table(columns=("Project", "Status"), rows=((), ("EHR",), ("EHR", "🔴 Red", "extra"), ("a\nb", ""))),
        Table(caption="Nothing", columns=("", ""), rows=(("", ""),)),
    ],
    ids=["no columns", "no rows", "ragged rows", "all blank"],
)
def test_any_table_renders_on_every_platform(table: Table) -> None:
    reply = Reply.channel("A table", table)
    assert message_problems(slack.message(reply)) == [] and view_problems(slack.home(reply)) == []
    assert FakeBotConnector().check_card(teams.card(reply), "table") == []
    console(reply)  # aligned text, whatever the shape
