"""Small words and symbols shared by every reply: RAG dots, people, dates said the way people say them.

One wording for each thing, everywhere: a RAG in words as well as colour ("🔴 Red", for screen readers and
colour-blind readers), a risk's score as "L4 × I5 = 20", and lateness as "3 days overdue" / "due today" /
"due tomorrow" / "due Tue 8 Dec" (`due_phrase`), with what is due in front when it is not the item itself
("review 3 days overdue", "decision due Tue 8 Dec")."""

from __future__ import annotations

from datetime import date, datetime

from storage.models import RAG, GateStatus, Person, RiskLevel

RAG_DOT = {RAG.GREEN: "🟢", RAG.AMBER: "🟠", RAG.RED: "🔴", None: "⚪"}
RAG_WORD = {RAG.GREEN: "Green", RAG.AMBER: "Amber", RAG.RED: "Red", None: "No status"}
LEVEL_MARK = {RiskLevel.CRITICAL: "🟥", RiskLevel.HIGH: "🟧", RiskLevel.MEDIUM: "🟨", RiskLevel.LOW: "🟩"}
GATE_MARK = {
    GateStatus.PENDING: "⏳",
    GateStatus.APPROVED: "✅",
    GateStatus.REJECTED: "⛔",
    GateStatus.WITHDRAWN: "↩️",
    GateStatus.EXPIRED: "⌛",
}


def rag(value: RAG | None, stale_days: int | None = None) -> str:
    """ "🔴 Red", "⚪ No status"; with `stale_days` (no update within the cadence) "🟢 Green · stale 16 days",
    so a stale project never reads as plainly green."""
    text = f"{RAG_DOT[value]} {RAG_WORD[value]}"
    if stale_days is not None:
        text += f" · stale {plural(stale_days, 'day')}"
    return text


def score(likelihood: int, impact: int, level: RiskLevel | None = None) -> str:
    """ "L4 × I5 = 20", or with the level "L4 × I5 = 20 (critical)" (as the heat map's alt text says it)."""
    text = f"L{likelihood} × I{impact} = {likelihood * impact}"
    return f"{text} ({level.value})" if level is not None else text


def who(person: Person | None) -> str:
    return person.display_name if person else "nobody"


def day(d: date | None, today: date | None = None) -> str:
    """'Fri 27 Nov' (with the year when it is not this year's)."""
    if d is None:
        return "—"
    label = f"{d:%a} {d.day} {d:%b}"
    if today is not None and d.year != today.year:
        label += f" {d.year}"
    return label


def due_phrase(d: date, today: date, what: str = "", mark: bool = True) -> str:
    """The one way Rounds says how late something is: "*3 days overdue*", "due today", "due tomorrow",
    "due Tue 8 Dec"; `what` goes in front ("*review 3 days overdue*", "decision due Tue 8 Dec")."""
    lead = f"{what} " if what else ""
    delta = (d - today).days
    if delta < 0:
        late = f"{lead}{plural(-delta, 'day')} overdue"
        return f"*{late}*" if mark else late
    if delta == 0:
        return f"{lead}due today"
    if delta == 1:
        return f"{lead}due tomorrow"
    return f"{lead}due {day(d, today)}"


def days_overdue(d: date | None, today: date) -> int:
    return max(0, (today - d).days) if d is not None else 0


def ago(then: datetime, now: datetime) -> str:
    seconds = max(0, int((now - then).total_seconds()))
    if seconds < 90:
        return "just now"
    minutes = seconds // 60
    if minutes < 90:
        return f"{minutes} min ago"
    hours = minutes // 60
    if hours < 36:
        return f"{hours} h ago"
    days = hours // 24
    return f"{days} days ago"


def plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def clip(text: str, n: int = 140) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"
