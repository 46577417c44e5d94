"""Assumptions (H-): logged, validated or found invalid; an invalid one raises the risk it exposes in one tap."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage.models import Assumption, AssumptionStatus, AuditEvent, Risk
from tests.support.chat import Chat, shown


def assumption(chat: Chat, number: int) -> Assumption:
    return chat.scalar(select(Assumption).where(Assumption.number == number))


def test_log_validate_and_list(ehr: Chat) -> None:
    reply = ehr.ok("sam", '/assumption "Vendor delivers the interface engine by January" owner:@kim validate-by:+2w')
    h = assumption(ehr, 1)
    assert (h.owner.handle, h.validate_by, h.status) == ("kim", date(2026, 12, 7), AssumptionStatus.OPEN)
    assert "H-1" in shown(reply) and reply.visibility == "channel"
    ehr.ok("sam", '/assumption "Nurses can attend training in shifts"')
    assert "H-1" in shown(ehr.ok("sam", "/assumption list")) and "H-2" in shown(ehr.ok("sam", "/assumption list"))
    assert "H-2" not in shown(ehr.ok("kim", "/assumption list mine"))
    ehr.ok("kim", '/assumption H-1 validated "Vendor confirmed in writing"')
    h = assumption(ehr, 1)
    assert (h.status, h.note, h.decided_at) == (AssumptionStatus.VALIDATED, "Vendor confirmed in writing", ehr.now)
    assert "H-1" not in shown(ehr.ok("sam", "/assumption list"))
    assert "✅ validated" in shown(ehr.ok("sam", "/assumption list all"))
    assert "already found validated" in ehr.refused("sam", '/assumption H-1 invalid "no"').text


def test_an_invalid_assumption_raises_its_risk_in_one_tap(ehr: Chat) -> None:
    ehr.ok("sam", '/assumption "Wi-Fi covers every med room" owner:@alex')
    reply = ehr.ok("alex", '/assumption H-1 invalid "Survey found dead spots in 3 med rooms"')
    (button,) = reply.blocks[-1].buttons  # type: ignore[union-attr]
    assert button.label == "Raise the risk it exposes" and button.command == "/assumption H-1 raise-risk"
    assert ehr.all(select(Risk)) == []  # only asked, not raised
    command, _, rest = button.command.partition(" ")
    raised = ehr.ok("alex", f"{command} {rest}")
    risk = ehr.scalar(select(Risk))
    assert risk.ref == "R-1" and "H-1" in risk.title and risk.description == "Survey found dead spots in 3 med rooms"
    assert assumption(ehr, 1).risk_id == risk.id and "R-1" in shown(raised)
    assert "already raised R-1" in ehr.refused("alex", "/assumption H-1 raise-risk").text
    assert "→ R-1" in shown(ehr.ok("sam", "/assumption H-1"))
    actions = ehr.all(select(AuditEvent.action).where(AuditEvent.entity.in_(["H-1", "R-1"])).order_by(AuditEvent.seq))
    assert actions == ["assumption.raise", "assumption.invalid", "risk.raise", "assumption.risk"]


def test_only_owner_or_lead_settles_and_only_invalid_ones_raise_a_risk(ehr: Chat) -> None:
    ehr.ok("sam", '/assumption "Pharmacy signs off by March" owner:@kim')
    assert "Only H-1's owner" in ehr.refused("alex", '/assumption H-1 validated "yes"').text
    assert "hasn't proved invalid" in ehr.refused("kim", "/assumption H-1 raise-risk").text


def test_refusals_give_the_usage(ehr: Chat) -> None:
    ehr.refused("sam", "/assumption owner:@kim", usage_key="assumption")
    ehr.refused("sam", '/assumption "x" validate-by:someday', usage_key="assumption")
    ehr.refused("sam", '/assumption "x" validate-by:2020-01-01', usage_key="assumption")
    ehr.refused("sam", '/assumption "x" need-by:fri', usage_key="assumption")
    ehr.ok("sam", '/assumption "x"')
    ehr.refused("sam", "/assumption H-1 validated", usage_key="assumption settle")
    ehr.refused("sam", '/assumption H-1 maybe "x"', usage_key="assumption settle")
    ehr.refused("sam", "/assumption list EHR sideways", usage_key="assumption list")
    assert "no assumption H-7" in ehr.refused("sam", "/assumption H-7").text
    ehr.refused("sam", '/assumption "Pt Jane Doe MRN 00123456 consents"')
    ehr.refused("sam", '/assumption H-1 invalid "patient John Smith, DOB 1950-02-03, refused"')


def test_bare_assumption_opens_the_form_and_forms_settle(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/assumption")
    assert reply.form is not None and reply.form.name == "assumption.raise"
    done = ehr.submit(
        "sam", "assumption.raise", {"project": "EHR", "text": "Badges arrive", "validate_by": "2026-12-10"}
    )
    assert not done.error, done.text
    assert assumption(ehr, 1).validate_by == date(2026, 12, 10)
    detail = shown(ehr.ok("sam", "/assumption H-1"))
    assert "[Validated]" in detail and "[Invalid]" in detail
    settled = ehr.submit("sam", "assumption.invalid", {"note": "Supplier slipped"}, {"assumption": "H-1"})
    assert not settled.error and assumption(ehr, 1).status == AssumptionStatus.INVALID
    assert ehr.submit("sam", "assumption.raise", {"project": "EHR", "text": ""}).field == "text"
