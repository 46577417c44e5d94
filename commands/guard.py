"""The PHI guard as commands use it: check every free-text field before anything is stored or posted.

The guard knows the workspace it guards (the names of its people, who are staff and never patients, and the
allowances its PMO admins set) through `workspace(...)`, which the service opens around each command; the
rows are read once, and only when a text is actually scanned."""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from commands import phi
from commands.errors import PHIRefused, UsageError
from storage.models import Person, PhiPolicy, Workspace

_loader: ContextVar[Callable[[], phi.Workspace] | None] = ContextVar("phi_workspace", default=None)


@contextlib.contextmanager
def workspace(session: Session, ws: Workspace) -> Iterator[None]:
    """While open, scans use `ws`'s people and allowances (loaded on the first scan, then kept)."""
    cache: list[phi.Workspace] = []

    def load() -> phi.Workspace:
        if not cache:
            cache.append(load_workspace(session, ws.id))
        return cache[0]

    token = _loader.set(load)
    try:
        yield
    finally:
        _loader.reset(token)


def load_workspace(session: Session, workspace_id: int) -> phi.Workspace:
    people = session.execute(
        select(Person.display_name, Person.handle).where(Person.workspace_id == workspace_id)
    ).all()
    names = frozenset(n for row in people for n in (row.display_name, row.handle.replace(".", " ")) if n)
    return phi.Workspace(people=names, allow=allowances(session.get(PhiPolicy, workspace_id)))


def allowances(policy: PhiPolicy | None) -> phi.Allowances:
    if policy is None:
        return phi.Allowances()
    numbers = frozenset(n for n in policy.numbers.split(",") if n)
    return phi.Allowances(service_desk=policy.service_desk, server_ip=policy.server_ip, numbers=numbers)


def current() -> phi.Workspace | None:
    load = _loader.get()
    return load() if load is not None else None


def scan(text: str) -> list[phi.Finding]:
    return phi.scan(text, current())


def check(**fields: str | None) -> None:
    """Raise PHIRefused naming the field and the kind of identifier; the text itself is never repeated."""
    for name, text in fields.items():
        if not text:
            continue
        findings = scan(text)
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


def redacted_command(command: str, text: str) -> str | None:
    """The typed command with every finding replaced by a placeholder, or None when redaction cannot make it
    pass. Scanned again until clean (a placeholder never creates a finding, but the check is cheap)."""
    original = text
    for _ in range(3):
        findings = scan(text)
        if not findings:
            if text == original:  # refused on a reading the scan of the raw text can't redact (mrn-4458812)
                return None
            name = command.strip()
            return f"{name if name.startswith('/') else '/' + name} {text}".strip()
        text = phi.redact(text, findings)
    return None


def plain(text: str) -> str:
    """One line, for a button's label or a preview."""
    return re.sub(r"\s+", " ", text).strip()
