"""The Block Kit renderer on its own: every reply becomes valid Block Kit within Slack's limits, whatever its size."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.slack import modals, render
from bot.slack.modals import FormOrigin
from bot.slack.payloads import ViewState
from bot.slack.render import Click, decode_button, encode_button
from commands import forms
from commands.replies import Button, Buttons, Context, Divider, FieldItem, Header, Reply, Section, Table
from tests.fakes.slack_api import message_problems, view_problems


def test_a_card_renders_to_the_blocks_a_person_expects() -> None:
    reply = Reply.channel(
        "G-3 EHR: Go-live — pending",
        Header(text="⏳ G-3 · EHR: Go-live"),
        Section(fields=(FieldItem(label="Status", value="pending"), FieldItem(label="Due", value="Fri 4 Dec"))),
        Section(text="*Decisions*\n⏳ @dana — waiting"),
        Context(text="Needs all 2 approvers."),
        Divider(),
        Buttons(
            buttons=(
                Button(
                    label="Approve", action="gate.approve", value="G-3", style="primary", command="/gate approve G-3"
                ),
                Button(label="Reject", action="gate.reject", value="G-3", style="danger", form="gate.reject"),
            )
        ),
    )
    out = render.message(reply)
    assert message_problems(out) == []
    assert [b["type"] for b in out["blocks"]] == ["header", "section", "section", "context", "divider", "actions"]
    assert out["blocks"][1]["fields"][0] == {"type": "mrkdwn", "text": "*Status*\npending"}
    approve, reject = out["blocks"][-1]["elements"]
    assert (approve["value"], approve["style"]) == ("cmd:/gate approve G-3", "primary")
    assert (reject["value"], reject["style"]) == ("form:gate.reject:G-3", "danger")
    assert out["text"] == "G-3 EHR: Go-live — pending"


def test_text_is_escaped_for_mrkdwn() -> None:
    out = render.message(Reply.private("x", Section(text="Budget <5% & rising > plan; <@U123> is not a mention")))
    assert out["blocks"][0]["text"]["text"] == "Budget &lt;5% &amp; rising &gt; plan; &lt;@U123&gt; is not a mention"


def test_more_than_fifty_blocks_are_cut_with_a_note_and_the_fallback_is_kept() -> None:
    reply = Reply.private("A long list", *[Section(text=f"line {i}") for i in range(80)])
    out = render.message(reply)
    assert len(out["blocks"]) == 50 and message_problems(out) == []
    assert "31 more parts" in out["blocks"][-1]["elements"][0]["text"]
    assert len(render.home(reply)["blocks"]) == 80  # a view may hold 100


def test_long_sections_split_at_line_ends_and_many_fields_spread_over_sections() -> None:
    text = "\n".join(f"🟠 R-{i} A risk title that goes on for a while to fill the line" for i in range(120))
    fields = tuple(FieldItem(label=f"F{i}", value="v" * 2500) for i in range(13))
    out = render.message(Reply.private("x", Section(text=text), Section(fields=fields)))
    assert message_problems(out) == []
    sections = [b for b in out["blocks"] if b.get("text")]
    assert len(sections) >= 3 and all(b["text"]["text"].startswith("🟠 R-") for b in sections)
    assert [len(b["fields"]) for b in out["blocks"] if b.get("fields")] == [10, 3]


def test_buttons_get_action_ids_unique_within_their_block_and_at_most_25_per_block() -> None:
    snoozes = tuple(
        Button(label=f"Snooze {i}", action="nudge.snooze", value=f"A-{i}:1d", command=f"/pmo snooze A-{i} 1d")
        for i in range(40)
    )
    out = render.message(Reply.private("x", Buttons(buttons=snoozes)))
    assert message_problems(out) == []
    # two whole at phone width and five in the overflow menu; the 33 the menu cannot hold: rows of 25 at most
    assert [len(b["elements"]) for b in out["blocks"]] == [3, 25, 8]
    assert out["blocks"][0]["elements"][1]["action_id"] == "nudge.snooze~2"
    assert len(out["blocks"][0]["elements"][2]["options"]) == 5
    values = [e.get("value") for b in out["blocks"] for e in b["elements"] if e["type"] == "button"]
    values += [o["value"] for o in out["blocks"][0]["elements"][2]["options"]]
    assert sorted(values) == sorted(f"cmd:/pmo snooze A-{i} 1d" for i in range(40))  # none lost


def test_button_values_round_trip() -> None:
    assert decode_button(
        encode_button(Button(label="A", action="gate.approve", value="G-3", command="/gate approve G-3"))
    ) == Click(command="/gate approve G-3")
    assert decode_button(
        encode_button(Button(label="S", action="nudge.snooze", value="A-7:1d", form="action.blocked"))
    ) == Click(form="action.blocked", value="A-7:1d")
    assert decode_button("something else") is None and decode_button(None) is None
    assert encode_button(Button(label="?", action="x", value="y")) is None  # neither command nor form: not shown
    assert encode_button(Button(label="long", action="x", value="y", command="/risk " + "x" * 2000)) is None


@pytest.mark.parametrize("name", forms.FORMS)
def test_every_form_becomes_a_valid_modal(name: str) -> None:
    form = forms.form(
        name,
        ["EHR", "LIMS"],
        {"project": "EHR", "gate": "G-3", "action": "A-7", "risk": "R-2", "description": "d" * 5000},
    )
    view = modals.modal(form, FormOrigin(f=name, c={"gate": "G-3"}, ch="C1", r="https://hooks.slack.com/x"))
    assert view_problems(view) == []
    assert len(view["title"]["text"]) <= 24
    origin = FormOrigin.load(view["private_metadata"])
    assert origin is not None and origin.form == name and origin.channel == "C1"
    inputs = [b for b in view["blocks"] if b["type"] == "input"]
    assert [b["block_id"] for b in inputs] == [f.name for f in form.fields]
    assert all(b.get("optional", False) == (not f.required) for b, f in zip(inputs, form.fields, strict=True))


def test_a_project_select_with_no_projects_is_a_text_field() -> None:
    view = modals.modal(forms.form("risk.raise", [], {}), FormOrigin(f="risk.raise"))
    assert view_problems(view) == []
    assert next(b for b in view["blocks"] if b.get("block_id") == "project")["element"]["type"] == "plain_text_input"


def test_submitted_values_are_flattened() -> None:
    state = {
        "project": {"project": {"type": "static_select", "selected_option": {"value": "EHR", "text": {}}}},
        "owner": {"owner": {"type": "users_select", "selected_user": "U1"}},
        "approvers": {"approvers": {"type": "multi_users_select", "selected_users": ["U1", "U2"]}},
        "due": {"due": {"type": "datepicker", "selected_date": "2026-12-04"}},
        "title": {"title": {"type": "plain_text_input", "value": "Thin cover"}},
        "quorum": {"quorum": {"type": "static_select", "selected_option": None}},
    }
    assert modals.submitted_values(ViewState.model_validate({"values": state}).values) == {
        "project": "EHR",
        "owner": "U1",
        "approvers": ["U1", "U2"],
        "due": "2026-12-04",
        "title": "Thin cover",
        "quorum": None,
    }


@pytest.mark.parametrize(
    ("problem", "fields", "field"),
    [
        ("A risk needs a title.\nUsage:\n/risk …", ["project", "title", "owner"], "title"),
        (
            "🔒 That description looks like it contains patient information (a medical record number).",
            ["title", "description"],
            "description",
        ),
        ("due: `soonish` isn't a date I know.", ["owner", "text", "due"], "due"),
        ("A rejection needs a reason.", ["reason"], "reason"),
        ("🔒 That comment looks like it contains patient information (a name after Mr./Mrs.).", ["reason"], "reason"),
        ("G-3 was already approved on Mon 23 Nov — decided by Dana Whitfield (approve).", ["reason"], None),
        ("Something went wrong on our side and nothing was changed (ref 1a2b3c4d).", ["title", "description"], None),
    ],
)
def test_a_refusal_is_placed_under_the_field_it_is_about(problem: str, fields: list[str], field: str | None) -> None:
    assert modals.error_field(fields, problem) == field


def test_private_metadata_stays_within_slacks_limit() -> None:
    origin = FormOrigin(f="gate.reject", c={"gate": "G-3"}, ch="C1", r="https://hooks.slack.com/" + "x" * 3100)
    raw = origin.dump()
    assert len(raw) <= 3000 and json.loads(raw)["f"] == "gate.reject"
    assert FormOrigin.load("not json") is None


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.builds(Header, text=st.text(min_size=0, max_size=400)),
            st.builds(
                Section,
                text=st.text(max_size=7000),
                fields=st.lists(
                    st.builds(FieldItem, label=st.text(max_size=100), value=st.text(max_size=3000)), max_size=14
                ).map(tuple),
            ),
            st.builds(Context, text=st.text(max_size=4000)),
            st.builds(Divider),
            st.builds(
                Table,
                caption=st.text(max_size=200),
                columns=st.lists(st.text(max_size=40), max_size=24).map(tuple),
                rows=st.lists(st.lists(st.text(max_size=600), max_size=24).map(tuple), max_size=120).map(tuple),
                align=st.lists(st.sampled_from(["left", "center", "right"]), max_size=24).map(tuple),
            ),
            st.builds(
                Buttons,
                buttons=st.lists(
                    st.builds(
                        Button,
                        label=st.text(min_size=1, max_size=120),
                        action=st.sampled_from(["a", "b"]),
                        value=st.text(max_size=50),
                        command=st.just("/status"),
                    ),
                    min_size=1,
                    max_size=30,
                ).map(tuple),
            ),
        ),
        max_size=70,
    ),
    st.text(max_size=50_000),
)
def test_any_reply_renders_within_slacks_limits(blocks: list, text: str) -> None:  # type: ignore[type-arg]
    reply = Reply(text=text, blocks=tuple(blocks))
    assert message_problems(render.message(reply)) == []
    assert view_problems(render.home(reply)) == []


PORTFOLIO = Table(
    caption="Projects, what needs attention first",
    columns=("Project", "Status", "Actions overdue"),
    rows=(("LIMS", "🔴 Red · was Amber", "3"), ("EHR", "🟢 Green · stale 16 days", "")),
    align=("left", "left", "right"),
)


def test_a_table_is_a_table_block_in_a_message_with_blank_cells_left_blank() -> None:
    out = render.message(Reply.channel("Portfolio", Header(text="Portfolio digest"), PORTFOLIO))
    assert message_problems(out) == []
    caption, table = out["blocks"][1:]
    assert caption["text"]["text"] == "Projects, what needs attention first"
    header, *rows = table["rows"]
    assert [c["elements"][0]["elements"][0] for c in header] == [  # a bold header row
        {"type": "text", "text": name, "style": {"bold": True}} for name in ("Project", "Status", "Actions overdue")
    ]
    cells = [[c["elements"][0]["elements"][0]["text"] for c in row] for row in rows]
    assert cells == [
        ["LIMS", "🔴 Red · was Amber", "3"],
        ["EHR", "🟢 Green · stale 16 days", render.BLANK],  # a zero is left out, not "0"
    ]
    assert table["column_settings"][2] == {"align": "right", "is_wrapped": True}


def test_one_table_per_message_and_none_in_a_view_the_rest_read_as_lines() -> None:
    reply = Reply.channel("Two tables", PORTFOLIO, PORTFOLIO)
    out = render.message(reply)
    assert message_problems(out) == []
    assert [b["type"] for b in out["blocks"]] == ["section", "table", "section"]
    lines = out["blocks"][2]["text"]["text"].splitlines()
    assert lines == [
        "*Projects, what needs attention first*",
        "*LIMS* · 🔴 Red · was Amber · Actions overdue: 3",
        "*EHR* · 🟢 Green · stale 16 days",
    ]
    home = render.home(reply)
    assert view_problems(home) == [] and all(b["type"] != "table" for b in home["blocks"])


def test_the_fake_slack_refuses_what_slack_refuses_for_tables() -> None:
    table = render.message(Reply.channel("x", PORTFOLIO))["blocks"][1]
    assert message_problems({"text": "x", "blocks": [table, table]}) == ["only_one_table_allowed"]
    assert "a table block in a view" in " ".join(view_problems({"type": "home", "blocks": [table]}))


def test_a_table_past_slacks_character_cap_reads_as_lines() -> None:
    wide = Table(columns=("Project", "Note"), rows=tuple((f"P{i}", "x" * 400) for i in range(40)))
    out = render.message(Reply.channel("x", wide))
    assert message_problems(out) == [] and all(b["type"] == "section" for b in out["blocks"])
    assert out["blocks"][0]["text"]["text"].startswith("*P0* · " + "x" * 400)
