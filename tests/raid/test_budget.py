"""The budget: amounts with history, variance as amount and percent, a RAG that follows the variance unless
the PM overrides it with a reason."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import RAG, AuditEvent, BudgetEntry
from tests.support.chat import Chat, shown


def entries(chat: Chat) -> list[BudgetEntry]:
    return chat.all(select(BudgetEntry).order_by(BudgetEntry.id))


def test_set_update_and_history(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/budget approved:1.2M actual:450k currency:cad")
    assert "approved 1.2M CAD · actual 450k" in shown(reply) and "🟢 Green" in shown(reply)
    ehr.later(days=7)
    ehr.ok("sam", "/budget EHR forecast:1.26M actual:600k")
    current = entries(ehr)[-1]
    assert (current.approved, current.actual, current.forecast, current.currency) == (
        120_000_000,
        60_000_000,
        126_000_000,
        "CAD",
    )
    assert (current.variance, current.variance_bp) == (6_000_000, 500)
    view = shown(ehr.ok("kim", "/budget EHR"))
    assert "variance 60k (+5%)" in view and "🟠 Amber" in view  # past half the default 5% tolerance
    assert "*History*" in view and "actual 450k" in view
    assert len(entries(ehr)) == 2
    event = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "budget.set").order_by(AuditEvent.seq.desc()))
    assert event.entity == "project:EHR"
    assert event.before == {"actual": 45_000_000, "forecast": None} and event.after == {
        "actual": 60_000_000,
        "forecast": 126_000_000,
    }
    assert "Nothing changed" in ehr.ok("sam", "/budget forecast:1.26M").text


def test_rag_follows_the_tolerance_and_the_pm_may_override_with_a_reason(ehr: Chat) -> None:
    ehr.ok("dana", "/project tolerance EHR budget:10%")
    ehr.ok("sam", "/budget approved:1M forecast:1.04M")
    assert "🟢 Green" in shown(ehr.ok("sam", "/budget EHR"))  # 4% of a 10% tolerance
    ehr.ok("sam", "/budget forecast:1.07M")
    assert "🟠 Amber" in shown(ehr.ok("sam", "/budget EHR"))
    assert "Only EHR's PM" in ehr.refused("dana", '/budget rag:green "Credit coming"').text
    ehr.ok("sam", '/budget rag:green "Vendor credit of 80k agreed in writing"')
    view = shown(ehr.ok("sam", "/budget EHR"))
    assert "🟢 Green — overridden: Vendor credit of 80k agreed in writing" in view
    assert entries(ehr)[-1].rag_override == RAG.GREEN
    ehr.ok("sam", "/budget rag:auto")
    assert "🟠 Amber" in shown(ehr.ok("sam", "/budget EHR"))
    overrides = ehr.all(select(AuditEvent).where(AuditEvent.action == "budget.override").order_by(AuditEvent.seq))
    assert [e.after["rag_override"] for e in overrides] == ["green", None]


def test_refusals_give_the_usage(ehr: Chat) -> None:
    ehr.refused("sam", "/budget actual:10k", usage_key="budget")  # the first needs approved
    ehr.refused("sam", "/budget approved:lots", usage_key="budget")
    ehr.refused("sam", "/budget approved:1.234", usage_key="budget")
    ehr.refused("sam", "/budget approved:1M currency:dollars", usage_key="budget")
    assert "no budget yet" in ehr.refused("sam", '/budget rag:red "x"').text
    ehr.ok("sam", "/budget approved:1M")
    ehr.refused("sam", "/budget rag:red", usage_key="budget")
    ehr.refused("sam", '/budget rag:purple "x"', usage_key="budget")
    ehr.refused("sam", '/budget rag:red approved:2M "x"', usage_key="budget")
    ehr.refused("sam", "/budget currency:EUR", usage_key="budget")  # a new currency needs the amount in it
    ehr.refused("sam", "/budget approved:1M severity:high", usage_key="budget")
    ehr.refused("sam", '/budget rag:red "overspend on the MRN 00123456 chart review for pt Jane Doe"')
    assert "Only EHR's PM, a sponsor or a PMO admin" in ehr.refused("kim", "/budget approved:2M").text


def test_bare_budget_opens_the_form(ehr: Chat) -> None:
    reply = ehr.ok("sam", "/budget")
    assert reply.form is not None and reply.form.name == "budget.set"
    done = ehr.submit("sam", "budget.set", {"project": "EHR", "approved": "2M", "currency": "usd"})
    assert not done.error, done.text
    assert (entries(ehr)[-1].approved, entries(ehr)[-1].currency) == (200_000_000, "USD")
    assert ehr.submit("sam", "budget.set", {"project": "EHR", "forecast": "a lot"}).field == "forecast"
