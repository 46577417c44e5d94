"""The PHI guard as commands use it: check every free-text field before anything is stored or posted."""

from __future__ import annotations

import re

from commands import phi
from commands.errors import PHIRefused, UsageError


def check(**fields: str | None) -> None:
    """Raise PHIRefused naming the field and the kind of identifier; the text itself is never repeated."""
    for name, text in fields.items():
        if not text:
            continue
        findings = phi.scan(text)
        if findings:
            raise PHIRefused(
                f"🔒 That {name.replace('_', ' ')} looks like it contains patient information "
                f"({phi.describe(findings)}). Nothing was saved. {phi.advice(findings)}",
                field=name,
            )


def check_names(name: str, names: list[str], field: str | None = None) -> None:
    """Identifiers people choose (role names, template names): read as the words they spell too, so
    `mrn-4458812` is seen as "mrn 4458812"."""
    for text in names:
        try:
            check(**{name: text})
            check(**{name: re.sub(r"[-_.]+", " ", text)})
        except PHIRefused as e:
            e.field = field or name
            raise


def check_all(name: str, texts: list[str], field: str | None = None) -> None:
    for text in texts:
        try:
            check(**{name: text})
        except PHIRefused as e:
            e.field = field or name
            raise


def fits(text: str, limit: int, what: str, usage: str, field: str | None = None) -> None:
    """A free-text field the record keeps at a fixed length: a longer one is the speaker's to shorten (the same
    refusal on every database, rather than a failed transaction on one and a stored overflow on another)."""
    if len(text) > limit:
        raise UsageError(
            f"{what} is at most {limit} characters (this one has {len(text)}); shorten it.", usage, field=field
        )
