"""Unit tests of commands.grammar (DESIGN.md, Command grammar). No database: words in, typed commands out."""

from __future__ import annotations

from datetime import date, time

import pytest

from commands.errors import CommandError, UsageError
from commands.grammar import COMMAND_NAMES, parse
from commands.grammar import models as m
from commands.grammar.dates import DateError, parse_clock, parse_date, parse_days
from commands.grammar.tokens import Mention, Word, as_mention, mentions, split_option, tokenize
from storage.models import RAG, Cadence, Methodology, Quorum, RiskCategory, RiskStatus

MON = date(2026, 11, 23)  # a Monday
FRI = date(2026, 11, 27)
SAT = date(2026, 11, 28)
SUN = date(2026, 11, 29)
KNOWN = {"EHR", "TELE"}


def p(command: str, text: str = "", today: date = MON, known: set[str] = KNOWN) -> m.Command:
    return parse(command, text, today, known)


def both(area: str, text: str = "", today: date = MON, known: set[str] = KNOWN) -> m.Command:
    """`/area text` and `/pmo area text` must mean the same thing."""
    direct = parse(f"/{area}", text, today, known)
    via_pmo = parse("/pmo", f"{area} {text}".strip(), today, known)
    assert direct == via_pmo, (direct, via_pmo)
    return direct


def refused(
    command: str, text: str, usage: str | None = None, today: date = MON, known: set[str] = KNOWN
) -> UsageError:
    with pytest.raises(UsageError) as info:
        parse(command, text, today, known)
    if usage is not None:
        assert info.value.usage == usage, info.value.usage
    return info.value


def texts(line: str) -> list[str]:
    return [w.text for w in tokenize(line)]


# ---------------------------------------------------------------------------------------------------
# Tokenizer
# ---------------------------------------------------------------------------------------------------
class TestTokenize:
    def test_words_split_on_any_whitespace(self) -> None:
        assert texts("  a\tb \n c  ") == ["a", "b", "c"]
        assert tokenize("") == []

    def test_double_quotes_group_words_and_mark_them_quoted(self) -> None:
        assert tokenize('x "two words" y') == [Word("x"), Word("two words", quoted=True), Word("y")]

    def test_single_quotes_group_words(self) -> None:
        assert tokenize("'two words' y") == [Word("two words", quoted=True), Word("y")]

    def test_smart_double_quotes_from_a_phone(self) -> None:
        assert tokenize("“Vendor slipped” schedule:red") == [Word("Vendor slipped", quoted=True), Word("schedule:red")]

    def test_smart_single_quotes(self) -> None:
        assert tokenize("‘two words’") == [Word("two words", quoted=True)]

    def test_a_smart_opening_quote_may_be_closed_by_a_straight_one(self) -> None:
        assert tokenize('“mixed quotes" z') == [Word("mixed quotes", quoted=True), Word("z")]

    def test_an_empty_quoted_word_is_kept(self) -> None:
        assert tokenize('a "" b') == [Word("a"), Word("", quoted=True), Word("b")]

    def test_apostrophes_inside_words_are_not_quotes(self) -> None:
        assert texts("don't stop Maria's nurses' station") == ["don't", "stop", "Maria's", "nurses'", "station"]
        assert texts("don’t stop") == ["don’t", "stop"]

    def test_an_apostrophe_inside_a_double_quoted_phrase(self) -> None:
        assert tokenize('"Vendor\'s build is late"') == [Word("Vendor's build is late", quoted=True)]
        assert tokenize("“Vendor’s build is late”") == [Word("Vendor’s build is late", quoted=True)]

    def test_an_apostrophe_inside_a_single_quoted_phrase(self) -> None:
        assert tokenize("'Vendor's build is late'") == [Word("Vendor's build is late", quoted=True)]
        assert tokenize("‘Vendor’s build is late’") == [Word("Vendor’s build is late", quoted=True)]

    def test_a_lone_apostrophe_is_a_character(self) -> None:
        assert texts("'tis the ’90s again") == ["'tis", "the", "’90s", "again"]

    @pytest.mark.parametrize("line", ['"never closed', "“never closed", 'a b:"open'])
    def test_an_unclosed_quote_is_a_usage_error(self, line: str) -> None:
        with pytest.raises(UsageError, match="never closed"):
            tokenize(line)

    def test_key_with_a_quoted_value_is_one_unquoted_word(self) -> None:
        words = tokenize('mitigation:"parallel run for 48 h" owner:@sam')
        assert words == [Word("mitigation:parallel run for 48 h"), Word("owner:@sam")]
        assert split_option(words[0]) == ("mitigation", "parallel run for 48 h")
        assert split_option(tokenize("note:“smart and quoted”")[0]) == ("note", "smart and quoted")

    def test_a_quoted_word_is_never_an_option(self) -> None:
        (word,) = tokenize('"owner:@sam"')
        assert word.quoted
        assert split_option(word) is None

    def test_urls_and_plain_words_are_not_options(self) -> None:
        assert split_option(Word("https://example.org/x")) is None
        assert split_option(Word("plain")) is None
        assert split_option(Word("Owner:@sam")) is None  # option keys are lower-case
        assert split_option(Word("due:")) == ("due", "")

    def test_a_quote_inside_a_word_does_not_open_a_phrase(self) -> None:
        assert texts('5" screen') == ['5"', "screen"]


# ---------------------------------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------------------------------
class TestMentions:
    def test_slack_escaped_mention_with_a_name(self) -> None:
        assert as_mention("<@U123ABC|sam>") == Mention(user_id="U123ABC", name="sam")

    def test_slack_escaped_mention_without_a_name(self) -> None:
        assert as_mention("<@U123ABC>") == Mention(user_id="U123ABC", name=None)
        assert as_mention("<@W0ENTERPRISE>") == Mention(user_id="W0ENTERPRISE", name=None)

    def test_plain_at_name(self) -> None:
        assert as_mention("@sam") == Mention(user_id=None, name="sam")
        assert as_mention("@sam.") == Mention(user_id=None, name="sam")  # end of a sentence
        assert as_mention("@dana.whitfield") == Mention(user_id=None, name="dana.whitfield")

    def test_a_teams_object_id_mention(self) -> None:
        guid = "7faf8ab2-3b23-4a5e-9f0b-1c2d3e4f5a6b"
        assert as_mention(f"<@{guid}|Megan Bowen>") == Mention(user_id=guid, name="Megan Bowen")

    @pytest.mark.parametrize("text", ["sam", "@", "<@>", "<@x>", "<@U123ABC", "<@U1 2>", "@@sam", "@ sam", ""])
    def test_not_mentions(self, text: str) -> None:
        assert as_mention(text) is None

    def test_a_list_of_mentions(self) -> None:
        assert mentions("@dana,<@U1AB|maria>, @kim") == [
            Mention(user_id=None, name="dana"),
            Mention(user_id="U1AB", name="maria"),
            Mention(user_id=None, name="kim"),
        ]
        assert mentions("@dana,bob") is None
        assert mentions("") is None

    def test_mention_prints_as_typed(self) -> None:
        assert str(Mention(user_id="U1AB", name="sam")) == "<@U1AB>"
        assert str(Mention(user_id=None, name="sam")) == "@sam"


# ---------------------------------------------------------------------------------------------------
# Dates, clocks, weekdays
# ---------------------------------------------------------------------------------------------------
class TestParseDate:
    def test_iso(self) -> None:
        assert parse_date("2026-12-04", MON) == date(2026, 12, 4)
        assert parse_date(" 2027-01-15 ", MON) == date(2027, 1, 15)

    @pytest.mark.parametrize(
        ("word", "expected"),
        [
            ("tue", date(2026, 11, 24)),
            ("wed", date(2026, 11, 25)),
            ("thu", date(2026, 11, 26)),
            ("fri", date(2026, 11, 27)),
            ("sat", date(2026, 11, 28)),
            ("sun", date(2026, 11, 29)),
            ("mon", date(2026, 11, 30)),
            ("Friday", date(2026, 11, 27)),
            ("FRI", date(2026, 11, 27)),
            ("next fri", date(2026, 11, 27)),
        ],
    )
    def test_weekday_names_mean_the_next_one_strictly_after_today(self, word: str, expected: date) -> None:
        assert parse_date(word, MON) == expected

    def test_the_same_weekday_as_today_is_next_week(self) -> None:
        assert parse_date("fri", FRI) == date(2026, 12, 4)
        assert parse_date("mon", MON) == date(2026, 11, 30)

    def test_today_and_tomorrow(self) -> None:
        assert parse_date("today", MON) == MON
        assert parse_date("tomorrow", MON) == date(2026, 11, 24)
        assert parse_date("Tomorrow", date(2026, 12, 31)) == date(2027, 1, 1)

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("+3d", date(2026, 11, 26)),
            ("+2w", date(2026, 12, 7)),
            ("+0d", MON),
            ("+10d", date(2026, 12, 3)),
            ("in 3 days", date(2026, 11, 26)),
            ("in 2 weeks", date(2026, 12, 7)),
            ("in  1   day", date(2026, 11, 24)),
            ("+1m", date(2026, 12, 23)),
        ],
    )
    def test_relative(self, text: str, expected: date) -> None:
        assert parse_date(text, MON) == expected

    def test_relative_months_clip_to_the_end_of_a_short_month(self) -> None:
        assert parse_date("+1m", date(2027, 1, 31)) == date(2027, 2, 28)

    def test_eow_on_a_weekday_is_this_friday(self) -> None:
        assert parse_date("eow", MON) == FRI
        assert parse_date("eow", date(2026, 11, 26)) == FRI
        assert parse_date("eow", FRI) == FRI

    def test_eow_on_a_weekend_is_the_coming_friday(self) -> None:
        assert parse_date("eow", SAT) == date(2026, 12, 4)
        assert parse_date("eow", SUN) == date(2026, 12, 4)

    def test_month_names_without_a_year_mean_the_coming_one(self) -> None:
        assert parse_date("dec 4", MON) == date(2026, 12, 4)
        assert parse_date("jan 15", MON) == date(2027, 1, 15)

    @pytest.mark.parametrize(
        "text",
        [
            "",
            "   ",
            "garbage",
            "someday",
            "2026-02-30",
            "2026-13-01",
            "2026-00-10",
            "feb 30",
            "2026",
            "dec",
            "+d",
            "in days",
            "+3x",
            "yesterday-ish",
            "fri fri",
            "+1000d",
            "2026-02-30T10:00",
        ],
    )
    def test_garbage_and_impossible_dates_are_refused(self, text: str) -> None:
        with pytest.raises(DateError):
            parse_date(text, MON)

    @pytest.mark.parametrize("text", ["9999-12-31", "3026-01-01", "dec 31 9999"])
    def test_dates_a_century_or_more_away_are_refused(self, text: str) -> None:
        with pytest.raises(DateError, match="too far"):
            parse_date(text, MON)

    def test_an_impossible_iso_date_says_so(self) -> None:
        with pytest.raises(DateError, match="not a real date"):
            parse_date("2026-02-30", MON)

    def test_date_error_is_a_value_error_not_a_command_error(self) -> None:
        # The grammar turns it into a UsageError with the right usage (see TestParse.test_bad_dates).
        assert issubclass(DateError, ValueError)
        assert not issubclass(DateError, CommandError)


class TestParseClock:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("08:00", time(8, 0)),
            ("8:30", time(8, 30)),
            ("0800", time(8, 0)),
            ("17:45", time(17, 45)),
            ("8am", time(8, 0)),
            ("5:30pm", time(17, 30)),
            ("12am", time(0, 0)),
            ("12pm", time(12, 0)),
            ("00:00", time(0, 0)),
            ("23:59", time(23, 59)),
            (" 9:05 ", time(9, 5)),
            ("7 a.m.", time(7, 0)),
        ],
    )
    def test_times(self, text: str, expected: time) -> None:
        assert parse_clock(text) == expected

    @pytest.mark.parametrize("text", ["24:00", "12:60", "13pm", "0am", "noonish", "", "8", "-1:00", "08:00:00"])
    def test_not_times(self, text: str) -> None:
        with pytest.raises(DateError):
            parse_clock(text)

    def test_a_bare_hour_is_ambiguous(self) -> None:
        with pytest.raises(DateError, match="ambiguous"):
            parse_clock("8")


class TestParseDays:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("mon,thu", [0, 3]),
            ("thu,mon", [0, 3]),
            ("mon", [0]),
            ("Mon, Thu", [0, 3]),
            ("mon-fri", [0, 1, 2, 3, 4]),
            ("sun-thu", [0, 1, 2, 3, 6]),
            ("fri-mon", [0, 4, 5, 6]),
            ("every-day", [0, 1, 2, 3, 4, 5, 6]),
            ("daily", [0, 1, 2, 3, 4, 5, 6]),
            ("weekdays", [0, 1, 2, 3, 4]),
            ("weekends", [5, 6]),
            ("monday,wednesday", [0, 2]),
            ("mon,mon", [0]),
            ("wed-wed", [2]),
        ],
    )
    def test_days(self, text: str, expected: list[int]) -> None:
        assert parse_days(text) == expected

    @pytest.mark.parametrize("text", ["", ",", "funday", "mon-xyz", "xyz-fri", "mon,08:00", "1-5"])
    def test_not_days(self, text: str) -> None:
        with pytest.raises(DateError):
            parse_days(text)


# ---------------------------------------------------------------------------------------------------
# parse(): every form in DESIGN.md's grammar, as /area and as /pmo area
# ---------------------------------------------------------------------------------------------------
class TestEntry:
    def test_command_names(self) -> None:
        assert set(COMMAND_NAMES) == {"project", "status", "risk", "action", "gate", "digest", "pmo"} | {
            "issue",
            "assumption",
            "dependency",
            "milestone",
            "budget",
            "raid",
        }

    @pytest.mark.parametrize("command", ["/pmo", "pmo", "/PMO", " /pmo "])
    def test_pmo_help(self, command: str) -> None:
        assert parse(command, "help", MON) == m.Help(topic=None)
        assert parse(command, "", MON) == m.Help(topic=None)

    def test_pmo_help_on_a_topic(self) -> None:
        assert p("/pmo", "help gate") == m.Help(topic="gate")
        assert p("/pmo", "help /risk") == m.Help(topic="risk")
        refused("/pmo", "help astrology", usage="help")

    @pytest.mark.parametrize("area", ["project", "status", "risk", "action", "gate", "digest"])
    @pytest.mark.parametrize("word", ["help", "HELP", "?", "-h", "--help"])
    def test_help_after_any_command(self, area: str, word: str) -> None:
        assert both(area, word) == m.Help(topic=area)

    def test_teams_messages_have_no_slash(self) -> None:
        assert p("status", 'EHR green "fine"') == p("/status", 'EHR green "fine"')
        assert p("/pmo", '/status EHR green "fine"') == p("/status", 'EHR green "fine"')

    def test_unknown_commands(self) -> None:
        refused("/weather", "today", usage="help")
        refused("/pmo", "weather today", usage="help")

    def test_the_command_name_is_case_insensitive(self) -> None:
        assert p("/STATUS", "EHR") == m.StatusShow(project="EHR")
        assert p("/pmo", "Status EHR") == m.StatusShow(project="EHR")


class TestProject:
    def test_create_with_everything(self) -> None:
        cmd = both(
            "project",
            'create EHR "EHR Upgrade" pm:@sam sponsor:@dana,<@U1ABC|maria> method:agile '
            "cadence:biweekly template:Waterfall",
        )
        assert cmd == m.ProjectCreate(
            key="EHR",
            name="EHR Upgrade",
            pm=Mention(None, "sam"),
            sponsors=[Mention(None, "dana"), Mention("U1ABC", "maria")],
            methodology=Methodology.AGILE,
            cadence=Cadence.BIWEEKLY,
            template="waterfall",
        )

    def test_create_defaults(self) -> None:
        cmd = p("/project", 'create lims "Lab system"')
        assert isinstance(cmd, m.ProjectCreate)
        assert (cmd.key, cmd.name, cmd.pm, cmd.sponsors) == ("LIMS", "Lab system", None, [])
        assert (cmd.methodology, cmd.cadence, cmd.template) == (Methodology.WATERFALL, Cadence.WEEKLY, None)

    def test_create_options_may_come_first(self) -> None:
        cmd = p("/project", 'create EHR pm:@sam "EHR Upgrade"')
        assert isinstance(cmd, m.ProjectCreate) and cmd.name == "EHR Upgrade" and cmd.pm == Mention(None, "sam")

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("create", "key"),
            ('create "EHR Upgrade"', "isn't a project key"),
            ("create EHR", "name"),
            ('create E "x"', "isn't a project key"),
            ('create THIRTEENCHARS "x"', "isn't a project key"),
            ('create EHR "x" method:scrum', "method"),
            ('create EHR "x" cadence:hourly', "cadence"),
            ('create EHR "x" pm:sam', "person"),
            ('create EHR "x" due:fri', "doesn't go with"),
            ('create EHR "x" pm:@a pm:@b', "twice"),
        ],
    )
    def test_create_refusals(self, text: str, fragment: str) -> None:
        e = refused("/project", text, usage="project create")
        assert fragment in e.message

    def test_link_unlink_archive(self) -> None:
        assert both("project", "link EHR") == m.ProjectLink(key="EHR")
        assert both("project", "unlink ehr") == m.ProjectUnlink(key="EHR")
        assert both("project", "archive EHR") == m.ProjectArchive(key="EHR")
        refused("/project", "link", usage="project link")
        refused("/project", "link EHR TELE", usage="project link")

    def test_show_and_list(self) -> None:
        assert both("project") == m.ProjectShow(key=None)
        assert both("project", "EHR") == m.ProjectShow(key="EHR")
        assert both("project", "ehr") == m.ProjectShow(key="EHR")
        assert both("project", "list") == m.ProjectList()
        refused("/project", "EHR TELE", usage="project")

    def test_roles(self) -> None:
        assert both("project", "role EHR cmio:@dana cno:@maria,@kim member:none") == m.ProjectRoleSet(
            key="EHR",
            roles={
                "cmio": [Mention(None, "dana")],
                "cno": [Mention(None, "maria"), Mention(None, "kim")],
                "member": [],
            },
        )
        refused("/project", "role EHR", usage="project role")
        refused("/project", "role EHR pm:@sam", usage="project role")
        refused("/project", "role EHR cmio:dana", usage="project role")


class TestStatus:
    def test_log_with_key(self) -> None:
        assert both("status", 'EHR green "All good"') == m.StatusLog(project="EHR", overall=RAG.GREEN, note="All good")

    def test_log_in_a_linked_channel_without_key(self) -> None:
        cmd = both("status", 'amber "Vendor slipped" schedule:red budget:green scope:amber')
        assert cmd == m.StatusLog(
            project=None, overall=RAG.AMBER, note="Vendor slipped", schedule=RAG.RED, budget=RAG.GREEN, scope=RAG.AMBER
        )

    def test_lower_case_known_key(self) -> None:
        assert p("/status", 'ehr red "Bad"') == m.StatusLog(project="EHR", overall=RAG.RED, note="Bad")
        assert p("/status", "ehr") == m.StatusShow(project="EHR")

    def test_lower_case_unknown_word_is_not_a_key(self) -> None:
        refused("/status", 'ehr red "Bad"', usage="status", known=set())
        assert p("/status", 'NEWKEY red "Bad"', known=set()) == m.StatusLog(
            project="NEWKEY", overall=RAG.RED, note="Bad"
        )

    def test_rag_words_are_never_keys(self) -> None:
        assert p("/status", 'GREEN "fine"') == m.StatusLog(project=None, overall=RAG.GREEN, note="fine")
        assert p("/status", 'yellow "meh"') == m.StatusLog(project=None, overall=RAG.AMBER, note="meh")
        assert p("/status", '🔴 "bad"') == m.StatusLog(project=None, overall=RAG.RED, note="bad")

    def test_unquoted_note_and_options_anywhere(self) -> None:
        assert p("/status", "green schedule:amber all good really") == m.StatusLog(
            overall=RAG.GREEN, note="all good really", schedule=RAG.AMBER
        )

    def test_note_option(self) -> None:
        assert p("/status", "EHR green note:fine") == m.StatusLog(project="EHR", overall=RAG.GREEN, note="fine")

    def test_show(self) -> None:
        assert both("status") == m.StatusShow(project=None)
        assert both("status", "EHR") == m.StatusShow(project="EHR")

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("EHR green", "note"),
            ("green", "note"),
            ('EHR "note" green', "green, amber or red first"),
            ('EHR purple "x"', "green, amber or red first"),
            ('green "x" schedule:blue', "schedule must be green"),
            ('green "x" owner:@sam', "doesn't go with"),
            ("schedule:red", "green, amber or red first"),
        ],
    )
    def test_refusals(self, text: str, fragment: str) -> None:
        assert fragment in refused("/status", text, usage="status").message


class TestRisk:
    def test_raise_with_everything(self) -> None:
        cmd = both(
            "risk",
            'EHR "Lab interface drops orders" L4 I5 owner:@sam review:fri '
            'category:privacy-compliance mitigation:"Parallel run 48 h" description:"At cutover"',
        )
        assert cmd == m.RiskRaise(
            project="EHR",
            title="Lab interface drops orders",
            likelihood=4,
            impact=5,
            owner=Mention(None, "sam"),
            review_by=FRI,
            category=RiskCategory.PRIVACY_COMPLIANCE,
            mitigation="Parallel run 48 h",
            description="At cutover",
        )

    def test_raise_in_a_linked_channel_with_long_options(self) -> None:
        cmd = both("risk", '"Super-users thin on nights" likelihood:3 impact:4 category:safety')
        assert cmd == m.RiskRaise(
            title="Super-users thin on nights", likelihood=3, impact=4, category=RiskCategory.PATIENT_SAFETY
        )

    def test_raise_with_a_lower_case_known_key(self) -> None:
        cmd = p("/risk", 'ehr "Title" l2 i3')
        assert isinstance(cmd, m.RiskRaise)
        assert (cmd.project, cmd.title, cmd.likelihood, cmd.impact) == ("EHR", "Title", 2, 3)

    def test_bare_risk_opens_the_form(self) -> None:
        assert both("risk") == m.OpenForm(form="risk.raise")
        assert p("/risk", "EHR") == m.OpenForm(form="risk.raise", project="EHR")

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ('"t" L6', "likelihood must be from 1 to 5"),
            ('"t" I0', "impact must be from 1 to 5"),
            ('"t" likelihood:x', "whole number"),
            ('"t" review:someday', "review date"),
            ('"t" review:2026-02-30', "not a real date"),
            ('"t" category:weather', "category must be one of"),
            ("EHR L4 I5", "title"),
            ('"t" owner:sam', "person"),
        ],
    )
    def test_raise_refusals(self, text: str, fragment: str) -> None:
        assert fragment in refused("/risk", text, usage="risk").message

    def test_list(self) -> None:
        assert both("risk", "list") == m.RiskList(project=None, filter="open")
        assert both("risk", "list EHR high") == m.RiskList(project="EHR", filter="high")
        assert p("/risk", "list high ehr") == m.RiskList(project="EHR", filter="high")
        assert p("/risk", "list all") == m.RiskList(filter="all")
        assert p("/risk", "list mine") == m.RiskList(filter="mine")
        refused("/risk", "list EHR soon", usage="risk list")

    @pytest.mark.parametrize("ref", ["R-12", "r-12", "R12", "r12"])
    def test_show(self, ref: str) -> None:
        assert both("risk", ref) == m.RiskShow(ref=12)

    def test_update(self) -> None:
        cmd = both(
            "risk",
            'R-12 update likelihood:2 impact:5 owner:<@U09KIM|kim> review:+2w mitigation:"Drill" '
            "status:mitigating category:downtime",
        )
        assert cmd == m.RiskUpdate(
            ref=12,
            likelihood=2,
            impact=5,
            owner=Mention("U09KIM", "kim"),
            review_by=date(2026, 12, 7),
            mitigation="Drill",
            status=RiskStatus.MITIGATING,
            category=RiskCategory.DOWNTIME,
        )

    def test_update_needs_a_change(self) -> None:
        refused("/risk", "R-12 update", usage="risk update")
        refused("/risk", "R-12 update soon", usage="risk update")

    def test_update_to_closed_points_at_close(self) -> None:
        e = refused("/risk", "R-12 update status:closed")
        assert e.usage == "risk close"
        assert "own command" in e.message

    def test_close_reviewed_accept(self) -> None:
        assert both("risk", 'R-12 close "Interface retested clean"') == m.RiskClose(
            ref=12, reason="Interface retested clean"
        )
        assert p("/risk", "R-12 close reason:done") == m.RiskClose(ref=12, reason="done")
        assert both("risk", 'R-3 reviewed "Still valid"') == m.RiskReviewed(ref=3, note="Still valid")
        assert p("/risk", "R-3 reviewed") == m.RiskReviewed(ref=3, note="")
        assert both("risk", 'R-3 accept "Cost of mitigation too high" until:2027-03-31') == m.RiskAccept(
            ref=3, rationale="Cost of mitigation too high", until=date(2027, 3, 31)
        )
        refused("/risk", "R-12 close", usage="risk close")
        refused("/risk", 'R-3 accept "why"', usage="risk accept")
        refused("/risk", "R-3 accept until:fri", usage="risk accept")
        refused("/risk", "R-3 explode", usage="risk show")


class TestAction:
    def test_create(self) -> None:
        cmd = both("action", 'EHR @kim "Run the downtime drill" due:fri risk:R-2')
        assert cmd == m.ActionCreate(
            project="EHR", owner=Mention(None, "kim"), text="Run the downtime drill", due=FRI, risk=2
        )

    def test_create_in_a_linked_channel_with_a_slack_mention(self) -> None:
        cmd = both("action", '<@U9XYZ|kim> "Retest the interface" due:+3d gate:G-3')
        assert cmd == m.ActionCreate(
            owner=Mention("U9XYZ", "kim"), text="Retest the interface", due=date(2026, 11, 26), gate=3
        )

    def test_owner_option_and_mentions_inside_the_text(self) -> None:
        cmd = p("/action", '"Call @dana about it" owner:@kim due:today')
        assert isinstance(cmd, m.ActionCreate)
        assert (cmd.owner, cmd.text, cmd.due) == (Mention(None, "kim"), "Call @dana about it", MON)

    def test_bare_action_opens_the_form(self) -> None:
        assert both("action") == m.OpenForm(form="action.create")

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ('"Run drill" due:fri', "owner"),
            ("@kim due:fri", "what needs doing"),
            ('@kim "Run drill"', "due date"),
            ('@kim "x" due:whenever', "due date"),
            ('@kim "x" due:fri risk:G-1', "risk id"),
            ('@kim "x" due:fri gate:R-1', "gate id"),
        ],
    )
    def test_create_refusals(self, text: str, fragment: str) -> None:
        assert fragment in refused("/action", text, usage="action").message

    def test_list(self) -> None:
        assert both("action", "list") == m.ActionList(project=None, filter="open")
        assert both("action", "list EHR overdue") == m.ActionList(project="EHR", filter="overdue")
        assert p("/action", "list mine ehr") == m.ActionList(project="EHR", filter="mine")

    def test_set(self) -> None:
        assert both("action", "A-7 done") == m.ActionSet(ref=7, to="done")
        assert both("action", 'A-7 blocked "Vendor has not replied"') == m.ActionSet(
            ref=7, to="blocked", reason="Vendor has not replied"
        )
        assert both("action", "a7 cancel") == m.ActionSet(ref=7, to="cancel")
        assert p("/action", "A-7 cancelled") == m.ActionSet(ref=7, to="cancel")
        assert p("/action", "A-7") == m.ActionShow(ref=7)
        refused("/action", "A-7 blocked", usage="action set")
        refused("/action", "A-7 finished", usage="action set")


class TestGate:
    def test_request_with_everything(self) -> None:
        cmd = both(
            "gate",
            'request EHR "Go-live readiness" approvers:@dana,<@U02MARIA|maria> quorum:any must:CMIO,cno due:2026-12-04',
        )
        assert cmd == m.GateRequest(
            project="EHR",
            name="Go-live readiness",
            approvers=[Mention(None, "dana"), Mention("U02MARIA", "maria")],
            quorum=Quorum.ANY,
            must_include=["cmio", "cno"],
            due=date(2026, 12, 4),
        )

    def test_request_in_a_linked_channel_with_a_count_quorum(self) -> None:
        cmd = both("gate", 'request "Planning" approvers:@dana,@maria quorum:2')
        assert cmd == m.GateRequest(
            name="Planning", approvers=[Mention(None, "dana"), Mention(None, "maria")], quorum=Quorum.COUNT, quorum_n=2
        )

    def test_request_without_approvers_leaves_them_to_the_sponsors(self) -> None:
        cmd = p("/gate", 'request ehr "Planning"')
        assert cmd == m.GateRequest(project="EHR", name="Planning", approvers=[], quorum=Quorum.ALL)

    def test_bare_request_opens_the_form(self) -> None:
        assert both("gate", "request") == m.OpenForm(form="gate.request")
        assert p("/gate", "request EHR") == m.OpenForm(form="gate.request", project="EHR")

    def test_help_after_gate_request(self) -> None:
        assert p("/gate", "request help") == m.Help(topic="gate")

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("request approvers:@dana", "name"),
            ('request "x" quorum:0', "quorum must be from 1"),
            ('request "x" quorum:most', "whole number"),
            ('request "x" approvers:dana', "people"),
            ('request "x" must:"two words"', "role name"),
            ('request "x" due:never', "due date"),
        ],
    )
    def test_request_refusals(self, text: str, fragment: str) -> None:
        assert fragment in refused("/gate", text, usage="gate request").message

    def test_decisions(self) -> None:
        assert both("gate", 'approve G-3 "Plan is realistic"') == m.GateDecide(
            ref=3, decision="approve", comment="Plan is realistic"
        )
        assert both("gate", "approve g3") == m.GateDecide(ref=3, decision="approve")
        assert both("gate", 'approve G-3 conditions:"Add interpreter workflow; Rehearse downtime"') == m.GateDecide(
            ref=3, decision="approve-with-conditions", conditions=["Add interpreter workflow", "Rehearse downtime"]
        )
        assert both("gate", 'reject G-3 "Testing incomplete"') == m.GateDecide(
            ref=3, decision="reject", comment="Testing incomplete"
        )
        assert both("gate", "abstain G-3") == m.GateDecide(ref=3, decision="abstain")
        assert both("gate", "withdraw G-3") == m.GateWithdraw(ref=3)
        assert both("gate", 'withdraw G-3 "Replanned"') == m.GateWithdraw(ref=3, reason="Replanned")
        assert both("gate", "check G-3 1") == m.GateCheck(ref=3, item="1")

    def test_decision_refusals(self) -> None:
        assert "reason" in refused("/gate", "reject G-3", usage="gate reject").message
        refused("/gate", "approve", usage="gate approve")
        refused("/gate", "approve R-3", usage="gate approve")
        refused("/gate", "check G-3", usage="gate check")
        refused("/gate", 'reject G-3 "no" conditions:"x"', usage="gate reject")

    def test_list_and_show(self) -> None:
        assert both("gate") == m.GateList(project=None, filter="pending")
        assert both("gate", "list") == m.GateList(project=None, filter="pending")
        assert both("gate", "list EHR all") == m.GateList(project="EHR", filter="all")
        assert p("/gate", "list all ehr") == m.GateList(project="EHR", filter="all")
        assert both("gate", "G-3") == m.GateShow(ref=3)
        refused("/gate", "G-3 now", usage="gate")
        refused("/gate", "launch", usage="gate")


class TestDigest:
    def test_subscribe_forms(self) -> None:
        assert both("digest", "subscribe EHR mon,thu 08:00 America/Toronto") == m.DigestSubscribe(
            target="EHR", days=[0, 3], at=time(8, 0), timezone="America/Toronto"
        )
        assert both("digest", "subscribe mon,thu 08:00") == m.DigestSubscribe(days=[0, 3], at=time(8, 0))
        assert both("digest", "subscribe portfolio mon-fri 7:30 europe/london") == m.DigestSubscribe(
            target="portfolio", days=[0, 1, 2, 3, 4], at=time(7, 30), timezone="Europe/London"
        )
        assert p("/digest", "subscribe ehr every-day 17:00") == m.DigestSubscribe(
            target="EHR", days=list(range(7)), at=time(17, 0)
        )

    @pytest.mark.parametrize(
        ("text", "fragment"),
        [
            ("subscribe", "days"),
            ("subscribe mon,thu", "days"),
            ("subscribe mon,thu 8", "ambiguous"),
            ("subscribe funday 08:00", "weekday"),
            ("subscribe mon 08:00 Mars/Olympus", "time zone"),
            ("subscribe mon 08:00 UTC extra", "didn't understand"),
        ],
    )
    def test_subscribe_refusals(self, text: str, fragment: str) -> None:
        assert fragment in refused("/digest", text, usage="digest subscribe").message

    def test_list_unsubscribe_now(self) -> None:
        assert both("digest") == m.DigestList()
        assert both("digest", "list") == m.DigestList()
        assert both("digest", "unsubscribe 3") == m.DigestUnsubscribe(number=3)
        assert both("digest", "unsubscribe D-3") == m.DigestUnsubscribe(number=3)
        assert both("digest", "now") == m.DigestNow(target=None)
        assert both("digest", "now portfolio") == m.DigestNow(target="portfolio")
        assert both("digest", "now ehr") == m.DigestNow(target="EHR")
        refused("/digest", "unsubscribe", usage="digest unsubscribe")
        refused("/digest", "unsubscribe soon", usage="digest unsubscribe")
        refused("/digest", "weekly", usage="digest list")


class TestPmoOnly:
    def test_prefs(self) -> None:
        assert p("/pmo", "prefs") == m.PrefsShow()
        assert p("/pmo", "prefs hours 07:00-19:00") == m.PrefsHours(start=time(7), end=time(19), days=None)
        assert p("/pmo", "prefs hours 07:00-19:00 sun-thu") == m.PrefsHours(
            start=time(7), end=time(19), days=[0, 1, 2, 3, 6]
        )
        assert p("/pmo", "prefs hours 7am-3:30pm every-day") == m.PrefsHours(
            start=time(7), end=time(15, 30), days=list(range(7))
        )
        assert p("/pmo", "prefs hours 19:00-07:00 sun-thu") == m.PrefsHours(
            start=time(19), end=time(7), days=[0, 1, 2, 3, 6]
        )
        assert p("/pmo", "prefs hours mon,wed 08:00-16:00 tue 12:00-20:00") == m.PrefsHours(
            by_day={0: (time(8), time(16)), 2: (time(8), time(16)), 1: (time(12), time(20))}
        )
        assert p("/pmo", "prefs hours roster 2026-12-01 3x07:00-19:00 4xoff") == m.PrefsHours(
            roster=[(time(7), time(19))] * 3 + [None] * 4, since=date(2026, 12, 1)
        )
        assert p("/pmo", "prefs hours @kim roster 2×19:00-07:00 off") == m.PrefsHours(
            person=Mention(None, "kim"), roster=[(time(19), time(7))] * 2 + [None], since=MON
        )
        assert p("/pmo", 'prefs hours 07:00-19:00 rrule:"FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU" from:2026-12-07') == (
            m.PrefsHours(
                start=time(7), end=time(19), rrule="FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TU", since=date(2026, 12, 7)
            )
        )
        assert p("/pmo", "prefs tz europe/london") == m.PrefsTimezone(timezone="Europe/London")
        assert p("/pmo", "prefs away until fri") == m.PrefsAway(until=FRI)
        assert p("/pmo", "prefs away until:2026-12-24") == m.PrefsAway(until=date(2026, 12, 24))
        assert p("/pmo", "prefs away off") == m.PrefsAway(until=None)
        assert p("/pmo", "prefs delegate @sam until +1w") == m.PrefsDelegate(
            delegate=Mention(None, "sam"), until=date(2026, 11, 30)
        )
        assert p("/pmo", "prefs delegate off") == m.PrefsDelegate(delegate=None)

    @pytest.mark.parametrize(
        "text",
        [
            "prefs hours",
            "prefs hours 7-19",
            "prefs hours mon 08:00-16:00 mon 09:00-17:00",
            "prefs hours mon",
            "prefs hours roster 2026-12-01 4xoff",
            "prefs hours roster 2026-12-01 3x07:00-19:00 soon",
            "prefs hours roster 30x07:00-19:00 30xoff",
            'prefs hours 07:00-19:00 rrule:"FREQ=HOURLY"',
            'prefs hours 07:00-19:00 rrule:"FREQ=DAILY;COUNT=3"',
            'prefs hours 07:00-19:00 rrule:"nonsense"',
            "prefs hours 07:00-19:00 from:2026-12-01",
            "prefs hours 07:00-19:00 funday",
            "prefs tz Mars/Base",
            "prefs away",
            "prefs away until someday",
            "prefs delegate sam until fri",
            "prefs delegate @sam",
            "prefs colour blue",
        ],
    )
    def test_prefs_refusals(self, text: str) -> None:
        refused("/pmo", text, usage="prefs")

    def test_holidays(self) -> None:
        assert p("/pmo", 'holidays add 2026-12-25 "Christmas Day"') == m.HolidaysAdd(
            day=date(2026, 12, 25), name="Christmas Day"
        )
        assert p("/pmo", "holidays remove 2026-12-25") == m.HolidaysRemove(day=date(2026, 12, 25))
        assert p("/pmo", "holidays country ca-on") == m.HolidaysCountry(country="CA-ON")
        assert p("/pmo", "holidays country none") == m.HolidaysCountry(country=None)
        assert p("/pmo", "holidays") == m.HolidaysList()
        assert p("/pmo", "holidays list") == m.HolidaysList()
        refused("/pmo", "holidays add", usage="holidays")
        refused("/pmo", "holidays add 2026-02-30", usage="holidays")
        refused("/pmo", "holidays country Ontario", usage="holidays")

    def test_templates_admin_portfolio_export_snooze(self) -> None:
        assert p("/pmo", "template list") == m.TemplateList()
        assert p("/pmo", "template show Waterfall") == m.TemplateShow(name="waterfall")
        assert p(
            "/pmo", 'template edit waterfall add "Go-live" checklist:"Drill done; Training 90%" approvers:sponsor,CMIO'
        ) == m.TemplateEdit(
            name="waterfall",
            op="add",
            stage="Go-live",
            checklist=["Drill done", "Training 90%"],
            approver_roles=["sponsor", "cmio"],
        )
        refused("/pmo", "template edit waterfall rename x", usage="template")
        assert p("/pmo", "admin add @sam") == m.AdminSet(person=Mention(None, "sam"), admin=True)
        assert p("/pmo", "admin remove <@U01SAM|sam>") == m.AdminSet(person=Mention("U01SAM", "sam"), admin=False)
        assert p("/pmo", "admin") == m.AdminList()
        assert p("/pmo", "portfolio") == m.Portfolio()
        refused("/pmo", "portfolio EHR", usage="portfolio")
        assert p("/pmo", "export risks") == m.Export(kind="risks", format="csv")
        assert p("/pmo", "export risks EHR xlsx") == m.Export(kind="risks", project="EHR", format="xlsx")
        assert p("/pmo", "export gates json") == m.Export(kind="gates", format="json")
        assert p("/pmo", "export evidence EHR") == m.Export(kind="evidence", project="EHR", format="json")
        refused("/pmo", "export", usage="export")
        refused("/pmo", "export risks EHR pdf", usage="export")
        assert p("/pmo", "snooze A-7 1w") == m.Snooze(kind="action", ref="7", days=7)
        assert p("/pmo", "snooze R-12 3d") == m.Snooze(kind="risk", ref="12", days=3)
        assert p("/pmo", "snooze G-3 2w") == m.Snooze(kind="gate", ref="3", days=14)
        assert p("/pmo", "snooze EHR 1d") == m.Snooze(kind="project", ref="EHR", days=1)
        refused("/pmo", "snooze A-7 3w", usage="snooze")
        refused("/pmo", "snooze A-7", usage="snooze")


class TestDatesInCommands:
    """Dates inside commands are read against `today` (the speaker's local date) and refused with usage."""

    def test_relative_dates_follow_today(self) -> None:
        assert p("/action", '@kim "x" due:fri', today=FRI).due == date(2026, 12, 4)  # type: ignore[attr-defined]
        assert p("/action", '@kim "x" due:eow', today=SAT).due == date(2026, 12, 4)  # type: ignore[attr-defined]
        assert p("/gate", 'request "x" due:"in 3 days"').due == date(2026, 11, 26)  # type: ignore[attr-defined]

    def test_bad_dates(self) -> None:
        e = refused("/action", '@kim "x" due:2026-02-30', usage="action")
        assert e.message.startswith("due date:") and "not a real date" in e.message
        e = refused("/risk", '"x" review:whenever', usage="risk")
        assert "review date" in e.message
