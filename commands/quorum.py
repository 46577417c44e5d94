"""When is a gate decided? Pure rules over its approvers and decisions (no database here).

- Any rejection rejects the gate: a stage gate stops on one reasoned "no" (the reason is required).
- all: every approver who did not abstain approved (and at least one did); any: one approval; N: N approvals.
- "must include" roles: among the approvals, one *made by* someone holding each named project role. A delegate
  decides on behalf of an approver and counts toward the number of approvals, but the role is a person's, not
  a seat: a delegate's approval satisfies `must:cmio` only when the delegate holds the cmio role themselves
  (name a second cmio with `/project role KEY cmio:@a,@b` to cover an absence).
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.models import DecisionKind, Gate, GateStatus, Quorum

APPROVALS = (DecisionKind.APPROVE, DecisionKind.APPROVE_WITH_CONDITIONS)


@dataclass(frozen=True)
class Tally:
    outcome: GateStatus | None  # None: still pending
    approvals: int
    needed: int
    missing_roles: tuple[str, ...]
    waiting: int
    reachable: bool

    def remaining(self) -> str:
        if self.outcome is not None:
            return self.outcome.value
        parts = []
        more = max(0, self.needed - self.approvals)
        if more:
            parts.append(f"{more} more approval{'s' if more != 1 else ''}")
        if self.missing_roles:
            parts.append("an approval from " + " and ".join(self.missing_roles))
        text = "Needs " + " and ".join(parts) if parts else "Waiting"
        text += f" · {self.approvals} approved, {self.waiting} still to decide."
        if not self.reachable:
            text += " ⚠️ Quorum can no longer be reached: the requester may withdraw it."
        return text


def tally(gate: Gate, roles_of: dict[int, set[str]]) -> Tally:
    approver_ids = [a.person_id for a in gate.approvers]
    by_approver = {d.approver_id: d.decision for d in gate.decisions}
    decided_by = {d.approver_id: d.decided_by_id for d in gate.decisions}
    approved = [pid for pid in approver_ids if by_approver.get(pid) in APPROVALS]
    abstained = [pid for pid in approver_ids if by_approver.get(pid) == DecisionKind.ABSTAIN]
    waiting = [pid for pid in approver_ids if pid not in by_approver]
    if gate.quorum == Quorum.ALL:
        needed = max(1, len(approver_ids) - len(abstained))
    elif gate.quorum == Quorum.ANY:
        needed = 1
    else:
        needed = gate.quorum_n or 1
    covered = set().union(*(roles_of.get(decided_by[pid], set()) for pid in approved)) if approved else set()
    missing = tuple(r for r in gate.must_include if r not in covered)
    possible_roles = (
        set().union(*(roles_of.get(pid, set()) for pid in approved + waiting)) if approved + waiting else set()
    )
    reachable = len(approved) + len(waiting) >= needed and all(r in possible_roles for r in gate.must_include)
    outcome: GateStatus | None = None
    if any(d == DecisionKind.REJECT for d in by_approver.values()):
        outcome = GateStatus.REJECTED
    elif len(approved) >= needed and not missing:
        outcome = GateStatus.APPROVED
    return Tally(outcome, len(approved), needed, missing, len(waiting), reachable)
