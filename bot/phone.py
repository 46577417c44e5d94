"""Which buttons a card shows in its row at phone width, and which wait under "More…".

Teams shrinks every button of an ActionSet to share the row, so on a 340-px phone card "Approve with
conditions" beside two others reads "Approve with cond…" and its neighbours "Appr…", "Rej…". The model
below (measured against those screenshots: Segoe UI 14 px semibold averages about 8 px a character) keeps a
row within the phone's card width; whatever does not fit goes, in order, under one "More…" button
(Teams: Action.ShowCard), so every action stays one tap away and the primary ones stay whole."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

PHONE_CARD_PX = 340  # the narrowest card Teams mobile draws
ROW_PX = PHONE_CARD_PX - 2 * 20  # less the card's padding
CHAR_PX = 8  # average width of a character of a button title
BUTTON_PAD_PX = 28  # a button's own padding and border
GAP_PX = 8  # between buttons
MORE = "More…"

B = TypeVar("B")


def row_px(titles: Sequence[str]) -> int:
    """The width a row of buttons with these titles needs, in px."""
    return sum(CHAR_PX * len(t) + BUTTON_PAD_PX for t in titles) + GAP_PX * max(0, len(titles) - 1)


def fits(titles: Sequence[str]) -> bool:
    return row_px(titles) <= ROW_PX


def split(buttons: Sequence[B], titles: Sequence[str]) -> tuple[list[B], list[B]]:
    """(the row, the rest under "More…"), given each button's title: in order, each button that still fits
    beside "More…"; the first always stays (the card's main action: alone it has the whole row)."""
    if fits(titles):
        return list(buttons), []
    row = [0]
    for i in range(1, len(buttons)):
        if fits([titles[j] for j in row] + [titles[i], MORE]):
            row.append(i)
    kept = set(row)
    return [buttons[i] for i in row], [b for i, b in enumerate(buttons) if i not in kept]
