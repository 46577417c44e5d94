"""Buttons and forms on cards: what a click does, and the card the person who clicked sees next.

A click carries (in the action's data) a command to run as the clicker or a form to open. With
Action.Execute the answer is the new card itself, in the HTTP response of the invoke, shown to the clicker
in place of the one they clicked ("replace for the interactor"); everyone else's copy is changed only by
the outbox's updates (a gate card re-rendered after each decision), so nobody loses buttons that are still
theirs to press.

The clicker's card:
- a card about one gate or one risk (every button on it names the same G- or R- ref) is drawn fresh from
  the core (`/gate G-3`), so it shows the decision just recorded; after a decision the gate's buttons are
  gone for them, and a second click on a stale copy answers "already decided by …";
- any other card (a nudge listing several things) is the card as Rounds sent it (the outbox keeps it, by
  its Teams message id), with the part that was answered replaced by what happened; which parts were
  answered travels in the card's own data, checked against the stored card before it is shown;
- a form button replaces the card with the form; Submit and Cancel bring the card back.

Action.Submit (older clients) arrives as a message: the same thing runs, and in a person's 1:1 chat the
card is updated with update_activity; in a channel the shared card is left to the outbox's updates and
the outcome is said in the thread."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot.teams import forms, render
from bot.teams.activity import Inbound, base_conversation
from commands.context import Context
from commands.forms import context_for
from commands.phi_commands import redacted_offer
from commands.replies import Block, Buttons, Form, Reply, Section
from commands.replies import Context as Line
from commands.service import Rounds
from storage.models import OutboxMessage, Platform, Workspace

log = logging.getLogger("rounds.teams")

FRESH_VIEWS = {"gate": "/gate", "risk": "/risk"}  # a card about one of these is drawn anew after a click
DECISIONS = ("gate.approve", "gate.reject", "gate.conditions", "gate.abstain")


def _dict(value: Any) -> dict[str, Any]:
    """A JSON object from a card's data, or an empty one when it is missing or not an object."""
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class Click:
    """A button's data, as the card sent it back (never trusted for who; only for what was asked)."""

    kind: str  # "click" | "submit" | "cancel"
    action: str = ""
    value: str = ""
    label: str = ""
    command: str | None = None
    form: str | None = None
    block: int | None = None
    context: Mapping[str, str] | None = None
    state: Mapping[str, Any] | None = None  # {"done": {"<block>": "<label>"}}
    data: Mapping[str, Any] | None = None

    @classmethod
    def of(cls, data: Any) -> Click | None:
        if not isinstance(data, dict) or data.get("rounds") not in ("click", "submit", "cancel"):
            return None
        origin = _dict(data.get("origin"))
        where = data if data.get("rounds") == "click" else origin

        def s(key: str, src: Mapping[str, Any] = data) -> str:
            v = src.get(key)
            return str(v)[:2000] if isinstance(v, (str, int)) else ""

        block = where.get("block")
        context = _dict(data.get("context"))
        state = _dict(where.get("state"))
        return cls(
            kind=str(data["rounds"]),
            action=s("action", where),
            value=s("value", where),
            label=s("label", where),
            command=s("command") or None,
            form=s("form") or None,
            block=block if isinstance(block, int) else None,
            context={str(k): str(v)[:200] for k, v in context.items()},
            state=state,
            data=data,
        )

    @property
    def origin(self) -> dict[str, Any]:
        """What a form opened from this click must remember to draw the card again afterwards."""
        return {
            "action": self.action,
            "value": self.value,
            "label": self.label,
            "block": self.block,
            "state": dict(self.state or {}),
        }


class Cards:
    def __init__(self, rounds: Rounds, sessions: sessionmaker[Session]) -> None:
        self.rounds = rounds
        self.sessions = sessions

    # -- what a click does: a Reply (the outcome) and the clicker's next card -------------------------------
    def click(
        self, ctx: Context, inbound: Inbound, c: Click, people: list[tuple[str, str]]
    ) -> tuple[Reply, dict[str, Any]]:
        if c.kind == "click" and c.form:
            opened = self.rounds.form(ctx, c.form, context_for(c.form, c.value))
            if opened.form is None:
                return opened, self.view(ctx, inbound, c, opened, decided=False)
            return opened, forms.form(opened.form, people=people, origin=c.origin)
        if c.kind == "click" and c.command:
            command, _, text = c.command.partition(" ")
            outcome = self.rounds.run(ctx, command, text)
            return outcome, self.view(ctx, inbound, c, outcome, decided=c.action in DECISIONS)
        if c.kind == "submit" and c.form:
            outcome = self.rounds.submit(
                ctx, c.form, forms.submitted(_form(self.rounds, ctx, c), c.data or {}), dict(c.context or {})
            )
            if outcome.error and redacted_offer(outcome) is not None:
                return outcome, render.card(outcome)  # the refusal with its Save redacted action
            if outcome.error:
                again = self.rounds.form(ctx, c.form, dict(c.context or {}))
                if again.form is not None:
                    values = forms.submitted(again.form, c.data or {})
                    return outcome, forms.form(
                        again.form,
                        people=people,
                        problem=notice(outcome),
                        origin=c.origin if c.action else None,
                        values=values,
                    )
            if not c.action:  # a form Rounds sent as its own message: it becomes what happened
                return outcome, render.card(outcome)
            return outcome, self.view(
                ctx, inbound, c, outcome, decided=not outcome.error and c.form.startswith("gate.")
            )
        if c.kind == "cancel":
            if not c.action:
                return Reply.private(""), render.text_card("Cancelled: nothing was changed.")
            return Reply.private(""), self.view(ctx, inbound, c, None, decided=False)
        problem = Reply.problem("This button is from an older card; type the command instead (`help` lists them).")
        return problem, render.card(problem)

    # -- the clicker's card -----------------------------------------------------------------------------------
    def view(self, ctx: Context, inbound: Inbound, c: Click, outcome: Reply | None, *, decided: bool) -> dict[str, Any]:
        sent = self.sent_card(inbound)
        line = notice(outcome) if outcome is not None and (outcome.text or outcome.blocks) else None
        about = subject_of(sent) if sent is not None else subject_of_click(c)
        if about is not None:
            kind, ref = about
            fresh = self.rounds.run(ctx, FRESH_VIEWS[kind], ref)
            if not fresh.error:
                return render.card(fresh, notice=line, buttons=not (kind == "gate" and decided))
        if sent is None:
            return render.card(outcome) if outcome is not None else render.text_card("Nothing was changed.")
        done = answered(sent, c.state)
        if outcome is not None and not outcome.error and c.block is not None and _label_in(sent, c.block, c.label):
            done[c.block] = c.label
        shown = _with_answers(
            sent, done, current=(c.block, line) if outcome is not None and not outcome.error else None
        )
        return render.card(
            shown,
            notice=line if outcome is not None and outcome.error else None,
            state={"done": {str(i): label for i, label in done.items()}},
        )

    def sent_card(self, inbound: Inbound) -> Reply | None:
        """The card as Rounds sent it: the outbox row whose Teams message is the one clicked."""
        if not inbound.reply_to_id:
            return None
        with self.sessions() as s:
            rows = s.execute(
                select(OutboxMessage.payload, OutboxMessage.platform_channel)
                .join(Workspace, Workspace.id == OutboxMessage.workspace_id)
                .where(
                    Workspace.platform == Platform.TEAMS,
                    Workspace.external_id == inbound.tenant_id,
                    OutboxMessage.platform_ts == inbound.reply_to_id,
                )
                .order_by(OutboxMessage.id.desc())
                .limit(5)
            ).all()
        for payload, channel in rows:
            if base_conversation(channel or "") == inbound.conversation:
                try:
                    return Reply.from_json(payload)
                except ValueError:
                    return None
        return None


def _form(rounds: Rounds, ctx: Context, c: Click) -> Form | None:
    """The form a submission came from (for reading multi-person fields); None if it cannot be rebuilt."""
    assert c.form is not None
    opened = rounds.form(ctx, c.form, dict(c.context or {}))
    return opened.form


def notice(reply: Reply) -> str:
    """The one line that says what happened: the reply's first section, else its text."""
    first = next((b.text for b in reply.blocks if isinstance(b, Section) and b.text), "") or reply.text
    return render.clip(first.split("\n", 1)[0].strip(), 400)


def buttons_of(reply: Reply) -> list[tuple[int, Buttons]]:
    return [(i, b) for i, b in enumerate(reply.blocks) if isinstance(b, Buttons)]


def subject_of(reply: Reply) -> tuple[str, str] | None:
    """("gate", "G-3") when every button on the card is about that one gate (the gate's own card), likewise a
    risk; None for cards about several things (a nudge)."""
    found = {(x.action.split(".", 1)[0], x.value) for _, b in buttons_of(reply) for x in b.buttons}
    if len(found) == 1:
        kind, ref = next(iter(found))
        return (kind, ref) if kind in FRESH_VIEWS else None
    return None


def subject_of_click(c: Click) -> tuple[str, str] | None:
    """Without the stored card, a gate button can still be answered with the gate's own card."""
    kind = c.action.split(".", 1)[0]
    return (kind, c.value) if kind == "gate" and c.value else None


def _label_in(reply: Reply, index: int, label: str) -> bool:
    block = reply.blocks[index] if 0 <= index < len(reply.blocks) else None
    return isinstance(block, Buttons) and any(x.label == label for x in block.buttons)


def answered(sent: Reply, state: Mapping[str, Any] | None) -> dict[int, str]:
    """The answered parts the card's data claims, kept only where the stored card has that button."""
    done = (state or {}).get("done")
    out: dict[int, str] = {}
    for key, label in done.items() if isinstance(done, dict) else ():
        if str(key).isdigit() and isinstance(label, str) and _label_in(sent, int(key), label):
            out[int(key)] = label
    return out


def _with_answers(sent: Reply, done: Mapping[int, str], current: tuple[int | None, str | None] | None) -> Reply:
    """The answered items' lines say what happened instead of what was owed (a done action no longer reads
    "40 days overdue"); their buttons go. Block positions stay put, so every button keeps its index."""
    blocks: list[Block] = list(sent.blocks)
    for i, label in done.items():
        said = current[1] if current is not None and current[0] == i and current[1] else f"You chose {label}."
        block = sent.blocks[i]
        about = next((b.value for b in block.buttons), "") if isinstance(block, Buttons) else ""
        if i > 0 and isinstance(sent.blocks[i - 1], Section):
            blocks[i - 1] = Section(text=f"✓ {about}: {said}" if about and about not in said else f"✓ {said}")
            blocks[i] = Line(text="")
        else:
            blocks[i] = Line(text=f"✓ {said}")
    return sent.model_copy(update={"blocks": tuple(blocks)})
