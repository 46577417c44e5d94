"""Okabe–Ito colours (safe for the common colour-vision deficiencies); every colour also has a word or a shape."""

from __future__ import annotations

VERMILLION = "#D55E00"
ORANGE = "#E69F00"
YELLOW = "#F0E442"
BLUISH_GREEN = "#009E73"
SKY_BLUE = "#56B4E9"
BLUE = "#0072B2"
GREY = "#999999"

LEVEL = {"critical": VERMILLION, "high": ORANGE, "medium": YELLOW, "low": BLUISH_GREEN}
RAG = {"green": BLUISH_GREEN, "amber": ORANGE, "red": VERMILLION}
RAG_MARKER = {"green": "o", "amber": "^", "red": "s"}  # a shape as well as a colour
ON_TIME, LATE = BLUE, VERMILLION


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def faded(hex_colour: str, keep: float = 0.3) -> str:
    """The colour mixed with white: an empty cell keeps its level's hue but steps back."""
    r, g, b = (round(255 - (255 - c) * keep) for c in rgb(hex_colour))
    return f"#{r:02X}{g:02X}{b:02X}"
