"""Watermelon status: green on the outside, red inside. Flagged wherever a status is shown, from one rule:

- green overall while schedule, budget or scope is red (the parts say what the whole does not);
- any of overall, schedule, budget, scope red now after green the last time it was reported (skipping updates
  that left that dimension out), with no amber in between: the trouble was hidden, not growing."""

from __future__ import annotations

from storage.models import RAG, StatusUpdate

PARTS = ("schedule", "budget", "scope")
LOOK_BACK = 6  # earlier updates read for "the last time it was reported"
DIMENSIONS = ("overall", *PARTS)


def flags(statuses: list[StatusUpdate]) -> list[str]:
    """Newest first (the current status, then earlier ones). Each flag is a short phrase."""
    if not statuses:
        return []
    current, earlier = statuses[0], statuses[1:]
    found = []
    red = [d for d in PARTS if getattr(current, d) == RAG.RED]
    if current.overall == RAG.GREEN and red:
        found.append(f"green overall, but {_and(red)} {'is' if len(red) == 1 else 'are'} red")
    jumped = [
        d
        for d in DIMENSIONS
        if getattr(current, d) == RAG.RED
        and next((getattr(s, d) for s in earlier if getattr(s, d) is not None), None) == RAG.GREEN
    ]
    if jumped:
        found.append(f"{_and(jumped)} went from green straight to red")
    return found


def _and(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
