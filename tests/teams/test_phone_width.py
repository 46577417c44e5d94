"""On a 340-px phone card every button in a card's row reads whole; whatever does not fit is under "More…".

The width model is bot/phone.py (about 8 px a character, 28 px of padding a button, 300 px of row); the
cards are every row of buttons the command layer builds (found in its source, so a new card is covered)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot import phone
from bot.teams import render
from commands.replies import Button, Buttons, Reply
from tests.teams.support import _actions

ROOT = Path(__file__).resolve().parents[2]


def button_rows() -> list[tuple[str, tuple[str, ...]]]:
    """(where, labels) of each Buttons(...) in commands/ whose labels are written out."""
    rows = []
    for path in sorted((ROOT / "commands").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Buttons"):
                continue
            labels = [
                kw.value.value
                for call in ast.walk(node)
                if isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Button"
                for kw in call.keywords
                if kw.arg == "label" and isinstance(kw.value, ast.Constant) and isinstance(kw.value.value, str)
            ]
            if labels:
                rows.append((f"{path.relative_to(ROOT)}:{node.lineno}", tuple(labels)))
    return rows


ROWS = button_rows()


def test_the_source_has_rows_of_buttons_to_check() -> None:
    assert len(ROWS) >= 10 and any("Approve with conditions" in labels for _, labels in ROWS)


@pytest.mark.parametrize(("where", "labels"), ROWS, ids=[w for w, _ in ROWS])
def test_a_row_of_buttons_reads_whole_at_phone_width_and_keeps_every_action(
    where: str, labels: tuple[str, ...]
) -> None:
    buttons = tuple(Button(label=label, action="x", value=str(i), command=f"/x {i}") for i, label in enumerate(labels))
    card = render.card(Reply.private("card", Buttons(buttons=buttons)))
    (row,) = [e for e in card["body"] if e["type"] == "ActionSet"]
    titles = [a["title"] for a in row["actions"]]
    assert phone.fits(titles), f"{where}: {titles} needs {phone.row_px(titles)} px of {phone.ROW_PX}"
    assert sorted(a["title"] for a in _actions(card)) == sorted(labels)  # none lost under "More…"


def test_the_gate_card_and_the_nudge_from_the_issue() -> None:
    gate = ["Approve", "Approve with conditions", "Reject"]
    row, more = phone.split(gate, gate)
    assert phone.row_px(["Approve", "Approve with conditions", "Reject"]) > phone.ROW_PX  # "Approve with cond…"
    assert (row, more) == (["Approve", "Reject"], ["Approve with conditions"])
    nudge = ["Done", "Snooze 1 day", "Snooze 1 week", "Blocked"]
    row, more = phone.split(nudge, nudge)
    assert (row, more) == (["Done", "Snooze 1 day"], ["Snooze 1 week", "Blocked"])
    assert phone.split(gate[::2], gate[::2]) == (["Approve", "Reject"], [])
