"""Reading a submitted form's values (text, a person, a date, a score, a RAG, a reference from the form's context),
shared by commands/forms.py and commands/raid/forms.py; a bad value is a UsageError naming its field."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from commands.errors import UsageError
from commands.grammar.args import ref_number
from commands.grammar.dates import DateError, parse_date
from commands.grammar.tokens import Mention, as_mention
from commands.replies import FormField, Option
from storage.models import RAG


def project_field(projects: list[str], initial: str | None) -> FormField:
    return FormField(
        name="project",
        label="Project",
        kind="select",
        initial=initial,
        options=tuple(Option(value=k, label=k) for k in projects),
    )


def text(values: dict[str, Any], key: str) -> str:
    v = values.get(key)
    return str(v).strip() if v not in (None, "") else ""


def person(values: dict[str, Any], key: str) -> Mention | None:
    raw = text(values, key)
    if not raw:
        return None
    return as_mention(raw if raw.startswith(("<@", "@")) else f"<@{raw}>") or Mention(user_id=raw, name=None)


def day(values: dict[str, Any], key: str, today: date) -> date | None:
    raw = text(values, key)
    if not raw:
        return None
    try:
        return parse_date(raw, today)
    except DateError as e:
        raise UsageError(f"{key}: {e}", field=key) from None


def score(values: dict[str, Any], key: str) -> int | None:
    raw = text(values, key)
    return int(raw) if re.fullmatch(r"[1-5]", raw) else None


def rag(values: dict[str, Any], key: str) -> RAG | None:
    raw = text(values, key).lower()
    return RAG(raw) if raw in RAG._value2member_map_ else None


def ref(context: dict[str, str], key: str, prefix: str) -> int:
    n = ref_number(context.get(key, ""), prefix)
    if n is None:
        raise UsageError(f"This form lost track of which {key} it was for; open it again.")
    return n
