"""The PHI guard screens every text Rounds stores, names people choose included: role names, template names and
the roles a gate must include. Nothing is stored and the text is not repeated back."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Gate, GateTemplate, ProjectRole
from tests.support.chat import Chat


def test_a_role_name_that_is_a_record_number_is_refused(ehr: Chat) -> None:
    before = ehr.all(select(ProjectRole.role))
    reply = ehr.refused("sam", "/project role EHR mrn-4458812:@kim")
    assert "patient information" in reply.text and "4458812" not in reply.text
    assert ehr.all(select(ProjectRole.role)) == before


def test_a_template_name_or_approver_role_that_is_a_record_number_is_refused(ehr: Chat) -> None:
    assert "patient information" in ehr.refused("pat", '/pmo template edit mrn-4458812 add "Pilot"').text
    reply = ehr.refused("pat", '/pmo template edit waterfall add "Pilot" approvers:sponsor,mrn-4458812')
    assert "patient information" in reply.text and "4458812" not in reply.text
    assert ehr.all(select(GateTemplate)) == []


def test_a_must_include_role_that_is_a_record_number_is_refused(ehr: Chat) -> None:
    reply = ehr.refused("sam", '/gate request "Cutover" approvers:@dana must:mrn-4458812')
    assert "patient information" in reply.text and "4458812" not in reply.text
    assert ehr.all(select(Gate)) == []


def test_ordinary_role_names_still_work(ehr: Chat) -> None:
    ehr.ok("sam", "/project role EHR pharmacy-lead:@alex night-charge-nurse:@kim")
    assert {"pharmacy-lead", "night-charge-nurse"} <= set(ehr.all(select(ProjectRole.role)))
