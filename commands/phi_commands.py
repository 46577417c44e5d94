"""`/pmo phi check` and `/pmo phi policy`, and the one-tap redaction offered when the guard refuses a text.

Nothing here stores or logs the text that was checked or refused. A refusal's offer carries only the redacted
command (placeholders instead of identifiers), which runs through the guard again when the button is pressed.
"""

from __future__ import annotations

from datetime import datetime

from commands import guard, phi, policy, trail
from commands.context import Actor
from commands.grammar import models as m
from commands.replies import Button, Buttons, Context, Reply, Section
from storage.models import PhiPolicy
from storage.uow import UnitOfWork

REDACT_ACTION = "phi.save_redacted"
_ALLOWANCES = {
    "service-desk": ("service_desk", 'service-desk and vendor phone numbers ("call 416-555-0100 for downtime")'),
    "server-ip": ("server_ip", 'private-range server addresses ("Server 10.20.30.40 patched")'),
}


def check(cmd: m.PhiCheck, actor: Actor, uow: UnitOfWork) -> Reply:
    findings = guard.scan(cmd.text)
    if not findings:
        text = "✅ Nothing in that text looks like patient information; Rounds would accept it."
        return Reply.private(text, Section(text=text))
    lines = [f"• {phi.KINDS.get(k, k)}: {phi.advice([f for f in findings if f.kind == k])}" for k in _kinds(findings)]
    redacted = phi.redact(cmd.text, findings)
    text = (
        f"🔒 Rounds would refuse that text: it looks like it contains {phi.describe(findings)}.\n"
        + "\n".join(lines)
        + f"\nRedacted, it would read: {redacted}"
    )
    return Reply.private(
        text,
        Section(text=f"🔒 Rounds would refuse that text: it looks like it contains {phi.describe(findings)}."),
        Section(text="\n".join(lines)),
        Section(text=f"*Redacted, it would read*\n{redacted}"),
        Context(text="Only you see this. Nothing was stored or logged."),
    )


def _kinds(findings: list[phi.Finding]) -> list[str]:
    seen: list[str] = []
    for f in findings:
        if f.kind not in seen:
            seen.append(f.kind)
    return seen


def show(cmd: m.PhiPolicyShow, actor: Actor, uow: UnitOfWork) -> Reply:
    allow = guard.allowances(uow.session.get(PhiPolicy, actor.workspace.id))
    lines = [
        f"• {label}: {'pass' if getattr(allow, attr) else 'refused'}  (`/pmo phi policy "
        f"{'deny' if getattr(allow, attr) else 'allow'} {name}`)"
        for name, (attr, label) in _ALLOWANCES.items()
    ]
    numbers = ", ".join(_pretty(n) for n in sorted(allow.numbers)) or "none"
    lines.append(f"• phone numbers that always pass: {numbers}  (`/pmo phi policy allow number …`)")
    lines.append("• names of people in this workspace are staff, never a patient's")
    text = "PHI guard allowances in this workspace:\n" + "\n".join(lines)
    return Reply.private(text, Section(text="*PHI guard allowances in this workspace*\n" + "\n".join(lines)))


def set_allowance(cmd: m.PhiPolicySet, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "change what passes the PHI guard")
    row = _row(uow, actor.workspace.id, actor.now)
    attr, label = _ALLOWANCES[cmd.allowance]
    before = {attr: getattr(row, attr)}
    setattr(row, attr, cmd.allow)
    row.updated_at = actor.now
    trail.log(uow.session, actor, "phi.policy", "workspace", before, {attr: cmd.allow})
    text = f"{label[:1].upper()}{label[1:]} now {'pass' if cmd.allow else 'are refused'}."
    return Reply.private(text, Section(text=f"🔒 {text}"))


def set_number(cmd: m.PhiPolicyNumber, actor: Actor, uow: UnitOfWork) -> Reply:
    policy.require_admin(actor, "change what passes the PHI guard")
    row = _row(uow, actor.workspace.id, actor.now)
    numbers = [n for n in row.numbers.split(",") if n]
    before = {"numbers": list(numbers)}
    if cmd.add and cmd.number not in numbers:
        numbers.append(cmd.number)
    elif not cmd.add and cmd.number in numbers:
        numbers.remove(cmd.number)
    row.numbers = ",".join(numbers)
    row.updated_at = actor.now
    trail.log(uow.session, actor, "phi.policy", "workspace", before, {"numbers": numbers})
    text = f"{_pretty(cmd.number)} {'always passes' if cmd.add else 'is checked like any number'} now."
    return Reply.private(text, Section(text=f"🔒 {text}"))


def _row(uow: UnitOfWork, workspace_id: int, now: datetime) -> PhiPolicy:
    row = uow.session.get(PhiPolicy, workspace_id)
    if row is None:
        row = PhiPolicy(workspace_id=workspace_id, service_desk=True, server_ip=True, numbers="", updated_at=now)
        uow.session.add(row)
    return row


def _pretty(digits: str) -> str:
    return f"{digits[:3]}-{digits[3:6]}-{digits[6:]}" if len(digits) == 10 else digits


def offer(refusal: Reply, command: str, text: str) -> Reply:
    """The refusal plus the redacted command and a button that runs it (through the guard again)."""
    redo = guard.redacted_command(command, text)
    if redo is None:
        return refusal
    shown = guard.plain(redo)
    return refusal.model_copy(
        update={
            "text": f"{refusal.text}\nOr save it redacted: {shown}",
            "blocks": (
                *refusal.blocks,
                Section(text=f"*Save it redacted instead?*\n{shown}"),
                Buttons(buttons=(Button(label="Save redacted", action=REDACT_ACTION, value="", command=redo),)),
            ),
        }
    )


def redacted_offer(reply: Reply) -> str | None:
    """The redacted command a refusal offers, if it offers one (the console's `/save` runs it)."""
    for block in reply.blocks:
        if isinstance(block, Buttons):
            for b in block.buttons:
                if b.action == REDACT_ACTION and b.command:
                    return b.command
    return None
