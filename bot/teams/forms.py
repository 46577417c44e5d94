"""A neutral Form as an Adaptive Card: one input per field, Submit and Cancel, and the submitted inputs read back.

Input ids carry a prefix, so a field can never shadow a key of the action's data; person fields are choice sets of
the workspace's people when Teams' directory knows them, or text ("@name") when it does not yet."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from bot.teams.render import CANCEL, LABEL_LIMIT, SUBMIT, TEXT_LIMIT, _card, _fit, _notice, clip, execute
from commands.replies import Form, FormField

CHOICES = 100
INPUT_MAX = 3_000
INPUT = "in_"  # input ids are prefixed, so a field can never shadow a key of the action's data


def form(
    f: Form,
    *,
    people: Sequence[tuple[str, str]] = (),
    problem: str | None = None,
    origin: Mapping[str, Any] | None = None,
    values: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """A form as a card: one input per field, Submit and Cancel. `people` are (id, name) choices for person
    fields; `problem` is shown above the inputs after a refused submission, with `values` as they were."""
    body: list[dict[str, Any]] = [
        {
            "type": "TextBlock",
            "text": clip(f.title, 200),
            "wrap": True,
            "style": "heading",
            "size": "Large",
            "weight": "Bolder",
        }
    ]
    if problem:
        body.append(_notice(problem if problem.startswith("⚠️") else f"⚠️ {problem}"))
    for field in f.fields:
        body.extend(_input(field, people, (values or {}).get(field.name)))
    if f.usage:
        body.append(
            {
                "type": "TextBlock",
                "text": clip("Or type it: " + f.usage.replace("\n", " · "), TEXT_LIMIT),
                "wrap": True,
                "isSubtle": True,
                "size": "Small",
            }
        )
    data: dict[str, Any] = {"rounds": "submit", "form": f.name, "context": dict(f.context)}
    if origin:
        data["origin"] = dict(origin)
    actions = [
        execute(clip(f.submit, LABEL_LIMIT), SUBMIT, data, "positive"),
        execute("Cancel", CANCEL, {"rounds": "cancel", **({"origin": dict(origin)} if origin else {})}, inputs=False),
    ]
    return _fit(_card(body, fallback=f.title, actions=actions))


def _input(f: FormField, people: Sequence[tuple[str, str]], value: Any) -> list[dict[str, Any]]:
    base: dict[str, Any] = {"id": INPUT + f.name, "label": clip(f.label, 200), "isRequired": f.required}
    if f.required:
        base["errorMessage"] = f"{f.label} is needed."
    initial = value if value not in (None, "") else f.initial
    hint: list[dict[str, Any]] = []
    if f.kind == "select" and f.options:
        element = base | {
            "type": "Input.ChoiceSet",
            "style": "compact",
            "choices": [{"title": clip(o.label, 100), "value": o.value} for o in f.options[:CHOICES]],
        }
        if isinstance(initial, str) and any(o.value == initial for o in f.options):
            element["value"] = initial
    elif f.kind in ("user", "users") and people:
        element = (
            base
            | {
                "type": "Input.ChoiceSet",
                "style": "compact",  # ("filtered" is not in the 1.5 schema)
                "isMultiSelect": f.kind == "users",
                "choices": [{"title": clip(name, 100), "value": pid} for pid, name in people[:CHOICES]],
            }
        )
        chosen = [initial] if isinstance(initial, str) else list(initial or ())
        if chosen := [c for c in chosen if any(c == pid for pid, _ in people)]:
            element["value"] = ",".join(chosen)
    elif f.kind == "date":
        element = base | {"type": "Input.Date"}
        if isinstance(initial, str) and _iso(initial):
            element["value"] = initial
    elif f.kind == "number":
        element = base | {"type": "Input.Number"}
        if isinstance(initial, str) and re.fullmatch(r"-?\d+", initial):
            element["value"] = int(initial)
    else:  # text, multiline, a select with nothing to choose from, a person with nobody known yet
        limit = min(f.max_length or INPUT_MAX, INPUT_MAX)
        element = base | {"type": "Input.Text", "isMultiline": f.kind == "multiline", "maxLength": limit}
        if f.kind in ("user", "users"):
            element["placeholder"] = "@name of someone Rounds knows"
        if isinstance(initial, str) and initial:
            element["value"] = clip(initial, limit)
    if f.hint:
        if element["type"] == "Input.Text" and "placeholder" not in element:
            element["placeholder"] = clip(f.hint, 200)
        else:
            hint.append(
                {
                    "type": "TextBlock",
                    "text": clip(f.hint, 300),
                    "wrap": True,
                    "isSubtle": True,
                    "size": "Small",
                    "spacing": "None",
                }
            )
    return [element, *hint]


def _iso(value: str) -> bool:
    try:
        return date.fromisoformat(value).isoformat() == value
    except ValueError:
        return False


def submitted(f: Form | None, data: Mapping[str, Any]) -> dict[str, Any]:
    """The card's inputs as commands.forms reads them: option values, ISO dates, person ids (lists for
    multi-person fields)."""
    values = {k[len(INPUT) :]: v for k, v in data.items() if isinstance(k, str) and k.startswith(INPUT)}
    multi = {x.name for x in f.fields if x.kind == "users"} if f is not None else set()
    for name in multi & set(values):
        raw = values[name]
        values[name] = [p.strip() for p in raw.split(",") if p.strip()] if isinstance(raw, str) else list(raw or [])
    return values
