"""Small words and symbols shared by every reply: RAG dots, people, dates said the way people say them."""

from __future__ import annotations

from datetime import date, datetime

from storage.models import RAG, GateStatus, Person, RiskLevel

RAG_DOT = {RAG.GREEN: "🟢", RAG.AMBER: "🟠", RAG.RED: "🔴", None: "⚪"}
LEVEL_MARK = {RiskLevel.CRITICAL: "🟥", RiskLevel.HIGH: "🟧", RiskLevel.MEDIUM: "🟨", RiskLevel.LOW: "🟩"}
GATE_MARK = {
    GateStatus.PENDING: "⏳",
    GateStatus.APPROVED: "✅",
    GateStatus.REJECTED: "⛔",
    GateStatus.WITHDRAWN: "↩️",
    GateStatus.EXPIRED: "⌛",
}


def rag(value: RAG | None) -> str:
    return f"{RAG_DOT[value]} {value.value if value else 'no status'}"


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


def due_phrase(d: date, today: date) -> str:
    delta = (d - today).days
    if delta < 0:
        n = -delta
        return f"*{n} day{'s' if n != 1 else ''} overdue*"
    if delta == 0:
        return "due today"
    if delta == 1:
        return "due tomorrow"
    return f"due {day(d, today)}"


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
