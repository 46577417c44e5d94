"""The one door into Rounds: text (or a form, or a button) + context in, a Reply out, one transaction."""

from __future__ import annotations

import logging
import secrets
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from commands import forms, guard, lookup, people, phi_commands
from commands.context import Actor, Context
from commands.dispatch import handler_for
from commands.errors import CommandError, PHIRefused
from commands.grammar import models as m
from commands.grammar import parse
from commands.grammar.clean import clean, clean_all
from commands.grammar.dates import date_order
from commands.grammar.usage import usage
from commands.raid.handlers import VIEWS as RAID_VIEWS
from commands.replies import Reply
from storage.db import make_readers
from storage.uow import UnitOfWork

log = logging.getLogger("rounds.commands")

# Views that change nothing. They run in a read-only transaction, so on SQLite they never wait for (or hold)
# the write lock — as long as the speaker is already known and their profile is unchanged.
VIEWS = (
    m.Help,
    m.ProjectShow,
    m.ProjectList,
    m.StatusShow,
    m.RiskList,
    m.RiskShow,
    m.ActionList,
    m.ActionShow,
    m.GateList,
    m.GateShow,
    m.DigestList,
    m.PrefsShow,
    m.HolidaysList,
    m.TemplateList,
    m.TemplateShow,
    m.AdminList,
    m.DatesShow,
    m.Portfolio,
    m.Export,
    m.Home,
    m.PhiCheck,
    m.PhiPolicyShow,
    *RAID_VIEWS,
)


class _NotReadOnly(Exception):
    """The read-only path cannot serve this request; the normal one will."""


class Rounds:
    """Platform adapters call `run` for typed commands, `submit` for forms. Nothing else mutates state."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions
        self.readers = make_readers(sessions.kw["bind"]) if sessions.kw.get("bind") is not None else sessions

    def run(self, ctx: Context, command: str, text: str) -> Reply:
        command, text = clean(command), clean(text)  # every door cleans what it is handed (grammar/clean.py)

        def make(actor: Actor, uow: UnitOfWork) -> m.Command:
            with date_order(actor.workspace.date_order):
                return parse(command, text, actor.today, lookup.project_keys(uow.session, actor.workspace.id))

        if _looks_like_a_view(command, text, ctx):
            try:
                return self._view(ctx, make)
            except _NotReadOnly:
                pass
        return self._execute(ctx, make, retype=(command, text))

    def _view(self, ctx: Context, make_command: Any) -> Reply:
        try:
            return self._read_only(ctx, make_command)
        except _NotReadOnly:
            raise
        except Exception as e:  # noqa: BLE001 - a view fails like any command: a private reply, never an exception
            return _internal_error(e)

    def _read_only(self, ctx: Context, make_command: Any) -> Reply:
        with UnitOfWork(self.readers) as uow:
            found = people.known_actor(uow.session, ctx)
            if found is None:
                raise _NotReadOnly()
            actor = Actor(workspace=found[0], person=found[1], ctx=ctx)
            try:
                cmd = make_command(actor, uow)
            except CommandError:
                raise _NotReadOnly() from None  # the normal path words the refusal (and rolls back) as usual
            if not isinstance(cmd, VIEWS):
                raise _NotReadOnly()
            try:
                with guard.workspace(uow.session, actor.workspace):
                    reply = handler_for(cmd)(cmd, actor, uow)
            except CommandError as e:
                return Reply.problem(e.message, usage(e.usage), e.field)
            if uow.session.new or uow.session.dirty or uow.session.deleted:
                raise RuntimeError(f"{type(cmd).__name__} is listed as a view but changed something")
            log.info(
                "view ok: %s by person %s in workspace %s", type(cmd).__name__, actor.person.id, actor.workspace.id
            )
            return reply

    def submit(self, ctx: Context, form: str, values: dict[str, Any], context: dict[str, str] | None = None) -> Reply:
        values, context = clean_all(values), clean_all(context or {})

        def make(actor: Actor, uow: UnitOfWork) -> m.Command:
            with date_order(actor.workspace.date_order):
                return forms.to_command(form, values, context or {}, actor.today)

        return self._execute(ctx, make, retype=forms.as_typed(form, values, context or {}))

    def home(self, ctx: Context) -> Reply:
        """The speaker's "my items" view (App Home)."""
        try:
            return self._view(ctx, lambda actor, uow: m.Home())
        except _NotReadOnly:
            return self._execute(ctx, lambda actor, uow: m.Home())

    def form(self, ctx: Context, name: str, context: dict[str, str] | None = None) -> Reply:
        """A Reply carrying the named form (a button or a bare command asked for it); adapters open it."""
        context = clean_all(dict(context or {}))
        return self._execute(
            ctx, lambda actor, uow: m.OpenForm(form=name, project=context.pop("project", None), prefill=context)
        )

    def thread_reply(self, ctx: Context, channel: str, thread_ts: str, text: str) -> Reply:
        """A message in a thread Rounds started. An empty Reply text means: not ours, say nothing."""
        text = clean(text)
        return self._execute(ctx, lambda actor, uow: m.ThreadReply(channel=channel, thread_ts=thread_ts, text=text))

    def _execute(self, ctx: Context, make_command: Any, retype: tuple[str, str] | None = None) -> Reply:
        """`retype` is the typed command and its text: a PHI refusal of it offers the redacted version."""
        with UnitOfWork(self.sessions) as uow:
            try:
                actor = Actor(
                    workspace=(ws := people.workspace_for(uow.session, ctx)),
                    person=people.person_for(uow.session, ws, ctx.speaker, ctx),
                    ctx=ctx,
                )
                cmd = make_command(actor, uow)
                if isinstance(cmd, m.OpenForm):
                    if cmd.project is None and len(linked := lookup.linked_projects(uow.session, actor)) == 1:
                        cmd = cmd.model_copy(update={"project": linked[0].key})
                    reply = forms.open_form(cmd, sorted(lookup.project_keys(uow.session, ws.id)))
                else:
                    with guard.workspace(uow.session, ws):
                        reply = handler_for(cmd)(cmd, actor, uow)
                uow.commit()
                log.info("command ok: %s by person %s in workspace %s", type(cmd).__name__, actor.person.id, ws.id)
                return reply
            except CommandError as e:
                uow.session.rollback()
                log.info("command refused: %s", type(e).__name__)
                refusal = Reply.problem(e.message, usage(e.usage), e.field)
                if isinstance(e, PHIRefused) and retype is not None:
                    with guard.workspace(uow.session, ws):
                        return phi_commands.offer(refusal, *retype)
                return refusal
            except Exception as e:  # noqa: BLE001 - the last resort: a private reply, never a stack trace
                uow.session.rollback()
                return _internal_error(e)


def _internal_error(e: Exception) -> Reply:
    """Never a stack trace to the user, never message text in the log: the kind of failure and a reference."""
    ref = secrets.token_hex(4)
    log.error("command failed ref=%s: %s", ref, type(e).__name__)
    log.debug("command failed ref=%s", ref, exc_info=e)
    return Reply.problem(f"Something went wrong on our side and nothing was changed (ref {ref}).")


def _looks_like_a_view(command: str, text: str, ctx: Context) -> bool:
    """A cheap first guess (no database): does this text parse, on its own, to a view?"""
    try:
        return isinstance(parse(command, text, ctx.now.date()), VIEWS)
    except CommandError:
        return False
