"""Which buttons a card shows in its row at phone width, and which wait in an overflow.

Teams shrinks every button of an ActionSet to share the row, so on a 340-px phone card "Approve with
conditions" beside two others reads "Approve with cond…" and its neighbours "Appr…", "Rej…". The TEAMS model
(measured against those screenshots: Segoe UI 14 px semibold averages about 8 px a character) keeps a row
within the phone's card width; whatever does not fit goes, in order, under one "More…" button
(Action.ShowCard), so every action stays one tap away and the primary ones stay whole.

Slack's mobile apps lay an actions block's buttons out in one row too. The SLACK model is derived, not
measured on a device: a 375-pt phone (iPhone 12–15 mini/SE class, Slack's narrowest common screen) less
16 pt margins each side and the 40-pt avatar column leaves about 300 pt of message width; button titles are
15-pt semibold system font (SF Pro / Roboto), about 8 pt a character for mixed-case English; a button adds
about 26 pt of padding and border; buttons sit 8 pt apart; the overflow element is a fixed "…" button of about
36 pt. Whatever does not fit goes, in order, into one Block Kit `overflow` element (at most five options;
bot/slack/render.py) whose options carry the same values as the buttons, so a choice there runs the same
command or opens the same form."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

B = TypeVar("B")


@dataclass(frozen=True)
class Width:
    """One platform's phone: the row's width and what a button of a given title takes of it (px or pt)."""

    name: str
    row: int  # the width a row of buttons may use
    char: int  # average width of a character of a button title
    pad: int  # a button's own padding and border
    gap: int  # between buttons
    more: int  # the overflow control ("More…" in Teams, "…" in Slack)
    max_more: int | None = None  # the most actions the overflow holds (Slack: 5 options)

    def button(self, title: str) -> int:
        return self.char * len(title) + self.pad

    def row_px(self, titles: Sequence[str]) -> int:
        """The width a row of buttons with these titles needs."""
        return sum(self.button(t) for t in titles) + self.gap * max(0, len(titles) - 1)

    def fits(self, titles: Sequence[str], overflow: bool = False) -> bool:
        extra = (self.more + (self.gap if titles else 0)) if overflow else 0
        return self.row_px(titles) + extra <= self.row

    def split(self, buttons: Sequence[B], titles: Sequence[str]) -> tuple[list[B], list[B]]:
        """(the row, the rest for the overflow), given each button's title: in order, each button that still fits
        beside the overflow control; the first always stays (the card's main action: alone it has the row)."""
        if self.fits(titles):
            return list(buttons), []
        row = [0]
        for i in range(1, len(buttons)):
            if self.fits([titles[j] for j in row] + [titles[i]], overflow=True):
                row.append(i)
        kept = set(row)
        return [buttons[i] for i in row], [b for i, b in enumerate(buttons) if i not in kept]


MORE = "More…"
TEAMS = Width("Teams", row=340 - 2 * 20, char=8, pad=28, gap=8, more=8 * len(MORE) + 28)
SLACK = Width("Slack", row=375 - 2 * 16 - 40, char=8, pad=26, gap=8, more=36, max_more=5)

# The Teams model under its old names (bot/teams/render.py and its tests use them).
PHONE_CARD_PX = 340
ROW_PX = TEAMS.row
CHAR_PX = TEAMS.char
BUTTON_PAD_PX = TEAMS.pad
GAP_PX = TEAMS.gap


def row_px(titles: Sequence[str]) -> int:
    return TEAMS.row_px(titles)


def fits(titles: Sequence[str]) -> bool:
    return TEAMS.fits(titles)


def split(buttons: Sequence[B], titles: Sequence[str]) -> tuple[list[B], list[B]]:
    return TEAMS.split(buttons, titles)
