"""The one door into Rounds: text (or a form, or a button) + context in, a Reply out, one transaction."""
from __future__ import annotations

import logging
import secrets
from typing import Any

from sqlalchemy.orm import Session, sessionmaker

from commands import forms, lookup, people
from commands.context import Actor, Context
from commands.dispatch import handler_for
from commands.errors import CommandError
from commands.grammar import models as m
from commands.grammar import parse
from commands.grammar.usage import usage
from commands.replies import Reply
from storage.uow import UnitOfWork

log = logging.getLogger("rounds.commands")


class Rounds:
    """Platform adapters call `run` for typed commands, `submit` for forms. Nothing else mutates state."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self.sessions = sessions

    def run(self, ctx: Context, command: str, text: str) -> Reply:
        return self._execute(ctx, lambda actor, uow: parse(command, text, actor.today,
                                                            lookup.project_keys(uow.session, actor.workspace.id)))  # fmt: skip

    def submit(self, ctx: Context, form: str, values: dict[str, Any], context: dict[str, str] | None = None) -> Reply:
        return self._execute(ctx, lambda actor, uow: forms.to_command(form, values, context or {}, actor.today))

    def home(self, ctx: Context) -> Reply:
        """The speaker's "my items" view (App Home)."""
        return self._execute(ctx, lambda actor, uow: m.Home())

    def form(self, ctx: Context, name: str, context: dict[str, str] | None = None) -> Reply:
        """A Reply carrying the named form (a button or a bare command asked for it); adapters open it."""
        context = dict(context or {})
        return self._execute(ctx, lambda actor, uow: m.OpenForm(form=name, project=context.pop("project", None), prefill=context))

    def thread_reply(self, ctx: Context, channel: str, thread_ts: str, text: str) -> Reply:
        """A message in a thread Rounds started. An empty Reply text means: not ours, say nothing."""
        return self._execute(ctx, lambda actor, uow: m.ThreadReply(channel=channel, thread_ts=thread_ts, text=text))

    def _execute(self, ctx: Context, make_command: Any) -> Reply:
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
                    reply = handler_for(cmd)(cmd, actor, uow)
                uow.commit()
                log.info("command ok: %s by person %s in workspace %s", type(cmd).__name__, actor.person.id, ws.id)
                return reply
            except CommandError as e:
                uow.session.rollback()
                log.info("command refused: %s", type(e).__name__)
                return Reply.problem(e.message, usage(e.usage))
            except Exception as e:  # never a stack trace to the user, never message text in the log
                uow.session.rollback()
                ref = secrets.token_hex(4)
                log.error("command failed ref=%s: %s", ref, type(e).__name__)
                log.debug("command failed ref=%s", ref, exc_info=True)
                return Reply.problem(f"Something went wrong on our side and nothing was changed (ref {ref}).")
