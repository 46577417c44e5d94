"""The Adaptive Card renderer on its own: every kind of block and every form is a valid Adaptive Card 1.5,
the shared markup reads right, and a huge reply still fits in one Teams message."""

from __future__ import annotations

import json

import pytest

from bot import phone
from bot.teams import forms, render
from commands.forms import FORMS, form
from commands.replies import Button, Buttons, Context, Divider, FieldItem, Header, Reply, Section, Table
from tests.fakes.bot_connector import FakeBotConnector


@pytest.fixture(scope="module")
def schema() -> FakeBotConnector:
    return FakeBotConnector()  # not started: only its schema check is used


def everything() -> Reply:
    return Reply.channel(
        "G-3 EHR: Go-live readiness — pending",
        Header(text="⏳ G-3 · EHR: Go-live readiness"),
        Section(
            fields=(FieldItem(label="Requested by", value="Sam Rivera"), FieldItem(label="Due", value="*Fri 27 Nov*"))
        ),
        Section(text="*Decisions*\n⏳ Dana Whitfield — waiting\n\n✅ approved Maria Santos: “Build looks solid”"),
        Divider(),
        Context(text="Waiting for Dana. Type `gate approve G-3` instead."),
        Buttons(
            buttons=(
                Button(
                    label="Approve", action="gate.approve", value="G-3", style="primary", command="/gate approve G-3"
                ),
                Button(label="Approve with conditions", action="gate.conditions", value="G-3", form="gate.conditions"),
                Button(label="Reject", action="gate.reject", value="G-3", style="danger", form="gate.reject"),
                Button(label="Snooze 1 day", action="nudge.snooze", value="G-3:1d", command="/pmo snooze G-3 1d"),
                Button(label="Snooze 1 week", action="nudge.snooze", value="G-3:1w", command="/pmo snooze G-3 1w"),
                Button(label="Mark reviewed", action="risk.reviewed", value="R-1", command="/risk R-1 reviewed"),
            )
        ),
    )


def test_every_kind_of_block_is_a_valid_card(schema: FakeBotConnector) -> None:
    card = render.card(everything(), notice="You approved G-3.", state={"done": {"5": "Done"}})
    assert schema.check_card(card, "everything") == []
    assert card["version"] == "1.5" and card["msteams"] == {"width": "Full"}
    sets = [e for e in card["body"] if e["type"] == "ActionSet"]
    (row,) = sets  # what fits whole at phone width, then "More…" with the rest, in rows that fit too
    assert [a["title"] for a in row["actions"]] == ["Approve", "Reject", "More…"]
    more = row["actions"][-1]
    assert more["type"] == "Action.ShowCard"
    under = [[a["title"] for a in s["actions"]] for s in more["card"]["body"]]
    assert under == [["Approve with conditions"], ["Snooze 1 day", "Snooze 1 week"], ["Mark reviewed"]]
    assert all(phone.fits(titles) for titles in under)  # "Approve with cond…" was cut here on a phone
    approve = sets[0]["actions"][0]
    assert approve["type"] == "Action.Execute" and approve["style"] == "positive"
    assert approve["fallback"]["type"] == "Action.Submit" and approve["fallback"]["data"] == approve["data"]
    assert approve["data"] == {
        "rounds": "click",
        "action": "gate.approve",
        "value": "G-3",
        "block": 5,
        "label": "Approve",
        "command": "/gate approve G-3",
        "state": {"done": {"5": "Done"}},
    }


@pytest.mark.parametrize("name", FORMS)
def test_every_form_is_a_valid_card(schema: FakeBotConnector, name: str) -> None:
    f = form(name, ["EHR", "LIMS"], {"project": "EHR", "gate": "G-3", "action": "A-7", "risk": "R-12"})
    card = forms.form(
        f,
        people=[("7faf8ab2-3d56-4244-b585-20c8a42ed2b8", "Megan Bowen")],
        problem="A rejection needs a reason.",
        origin={"block": 5, "label": "Reject"},
    )
    assert schema.check_card(card, name) == []
    ids = {e["id"] for e in card["body"] if "id" in e}
    assert ids == {f"in_{x.name}" for x in f.fields}
    assert [a["title"] for a in card["actions"]] == [f.submit, "Cancel"]
    assert card["actions"][1]["associatedInputs"] == "none"  # Cancel does not check the inputs


def test_the_shared_markup_becomes_card_markdown() -> None:
    assert (
        render.markdown("*G-3* is _pending_: type `gate approve G-3`") == "**G-3** is _pending_: type gate approve G-3"
    )
    assert render.markdown("2 * 3 = 6 and a*b") == "2 * 3 = 6 and a*b"


def test_a_huge_reply_still_fits_in_one_teams_message(schema: FakeBotConnector) -> None:
    lines = "\n".join(
        f"🟠 *R-{i}* Interface engine queue backs up during downtime drill number {i}" for i in range(2000)
    )
    card = render.card(Reply.private("Risks", Header(text="Risks"), Section(text=lines)))
    assert len(json.dumps(card, ensure_ascii=False).encode()) <= render.MAX_CARD_BYTES
    assert card["body"][-1]["text"].startswith("…and more")
    assert schema.check_card(card, "huge") == []


def test_a_refusal_stands_out() -> None:
    card = render.card(Reply.problem("A rejection needs a reason.", '/gate reject G-3 "reason"'))
    assert card["body"][0]["color"] == "Attention"


def test_a_table_is_an_adaptive_cards_table_with_a_header_row(schema: FakeBotConnector) -> None:
    table = Table(
        caption="Projects, what needs attention first",
        columns=("Project", "Status", "Actions overdue"),
        rows=(("LIMS", "🔴 Red · was Amber", "3"), ("EHR", "🟢 Green · stale 16 days", "")),
        align=("left", "left", "right"),
    )
    card = render.card(Reply.channel("Portfolio", Header(text="Portfolio digest"), table))
    assert schema.check_card(card, "table") == []
    (element,) = [e for e in card["body"] if e["type"] == "Table"]
    assert element["firstRowAsHeader"] is True  # announced as a header row by screen readers
    assert element["columns"][2]["horizontalCellContentAlignment"] == "Right"
    header, lims, ehr = element["rows"]
    assert [c["items"][0]["text"] for c in header["cells"]] == ["Project", "Status", "Actions overdue"]
    assert lims["cells"][1]["items"][0] == {
        "type": "TextBlock",
        "text": "🔴 Red · was Amber",
        "wrap": True,
        "color": "Attention",  # the colour as well as the word
    }
    assert ehr["cells"][2]["items"] == []  # a zero is left blank, not "0"
