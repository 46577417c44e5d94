"""Exports for auditors: the decision log, risks, status history and a self-checking evidence pack."""

from __future__ import annotations

import csv
import io
import json
import zipfile

from openpyxl import load_workbook
from sqlalchemy import update

from storage.models import StatusUpdate
from tests.support.chat import Chat


def busy(ehr: Chat) -> Chat:
    ehr.ok("sam", '/status amber "=HYPERLINK(\\"http://x\\") looks like a formula"')
    ehr.ok("kim", '/risk "Night shift coverage" L4 I5')
    ehr.ok("sam", '/gate request "Go-live readiness" approvers:@dana,@maria')
    ehr.ok("dana", '/gate approve G-1 "Ready" waive:"Drill booked for Thursday"')
    ehr.ok("maria", '/gate reject G-1 "Training at 70%"')
    return ehr


def test_gate_decision_log_csv(ehr: Chat) -> None:
    reply = busy(ehr).ok("dana", "/pmo export gates EHR")
    assert reply.attachment is not None and reply.attachment.mime == "text/csv"
    rows = list(csv.DictReader(io.StringIO(reply.attachment.content.decode())))
    assert [(r["gate"], r["approver"], r["decision"], r["comment"]) for r in rows] == [
        ("G-1", "Dana Whitfield", "approve", "Ready"),
        ("G-1", "Maria Santos", "reject", "Training at 70%"),
    ]
    assert rows[0]["status"] == "rejected"


def test_status_csv_neutralises_formulas(ehr: Chat) -> None:
    reply = busy(ehr).ok("sam", "/pmo export status EHR csv")
    rows = list(csv.DictReader(io.StringIO(reply.attachment.content.decode())))
    assert rows[0]["note"].startswith("'=HYPERLINK")


def test_risks_json_and_xlsx(ehr: Chat) -> None:
    busy(ehr)
    data = json.loads(ehr.ok("pat", "/pmo export risks json").attachment.content)
    assert data[0]["id"] == "R-1" and data[0]["level"] == "critical"
    xlsx = ehr.ok("pat", "/pmo export risks xlsx").attachment
    assert xlsx.filename.endswith(".xlsx") and zipfile.is_zipfile(io.BytesIO(xlsx.content))


def test_evidence_pack_verifies_the_chain(ehr: Chat) -> None:
    pack = json.loads(busy(ehr).ok("dana", "/pmo export evidence EHR").attachment.content)
    assert pack["audit_chain"]["verified"] is True and pack["project"] == "EHR"
    actions = [e["action"] for e in pack["audit_events"]]
    assert "gate.request" in actions and "gate.rejected" in actions and "risk.raise" in actions
    assert {d["decision"] for d in pack["decisions"]} == {"approve", "reject"}


def test_the_evidence_pack_speaks_for_its_own_workspace_only(ehr: Chat) -> None:
    """Nothing crosses workspaces: another hospital's audit trail is neither checked nor counted in this pack."""
    busy(ehr)
    other = Chat(ehr.engine, now=ehr.now, workspace="T-other-hospital")
    other.setup_ehr()
    other.ok("kim", '/risk "Their own risk" L2 I2')
    chain = json.loads(ehr.ok("dana", "/pmo export evidence EHR").attachment.content)["audit_chain"]
    assert chain["verified"] is True and chain["events_checked"] == chain["head_seq"]


def test_who_may_export(ehr: Chat) -> None:
    assert "Only EHR's PM" in ehr.refused("kim", "/pmo export risks EHR").text
    assert "Only a PMO admin can export the whole workspace" in ehr.refused("sam", "/pmo export risks").text
    ehr.refused("pat", "/pmo export", usage_key="export")
    ehr.refused("pat", "/pmo export patients", usage_key="export")
    ehr.refused("pat", "/pmo export risks EHR pdf", usage_key="export")


def test_xlsx_export_never_fails_on_control_characters_already_stored(ehr: Chat) -> None:
    """Text stored before the edge cleaned it (an older version, a migration) may hold control characters that
    openpyxl refuses (IllegalCharacterError): the export drops them from the cell instead of failing."""
    ehr.ok("sam", '/status amber "Vendor slipped"')
    with ehr.engine.begin() as conn:
        conn.execute(update(StatusUpdate).values(note="Vendor\x01 slipped\x0b again\x1f"))
    xlsx = ehr.ok("sam", "/pmo export status EHR xlsx").attachment
    assert xlsx is not None
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert "Vendor slipped again" in rows[1]
