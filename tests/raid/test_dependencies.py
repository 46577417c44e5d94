"""Dependencies (N-): what a project needs from another project, one of its milestones, or someone outside.
Both projects see it; a provider milestone slipping past the need-by date flags it on both."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import AuditEvent, Dependency, DependencyStatus
from tests.support.chat import Chat, shown


def two_projects(ehr: Chat) -> None:
    ehr.ok("pat", '/project create LIMS "Lab system" pm:@alex sponsor:@maria', channel="#pmo")
    ehr.ok("alex", "/project link LIMS", channel="#lims")
    ehr.ok("alex", '/milestone LIMS "Interface engine live" 2027-01-10', channel="#lims")


def test_a_dependency_on_another_projects_milestone_is_seen_by_both(ehr: Chat) -> None:
    two_projects(ehr)
    reply = ehr.ok("sam", '/dependency on M-1 "HL7 results interface" need-by:2027-01-15 owner:@kim')
    d = ehr.scalar(select(Dependency))
    assert (d.ref, d.project.key, d.provider_project.key, d.provider_milestone.ref, d.owner.handle) == (
        "N-1",
        "EHR",
        "LIMS",
        "M-1",
        "kim",
    )
    assert "LIMS sees it too" in shown(reply)
    told = [m for m in ehr.outbox() if m.target == "#lims"]
    assert len(told) == 1 and "EHR depends on LIMS" in told[0].payload["text"]
    assert "N-1" in shown(ehr.ok("alex", "/dependency list", channel="#lims"))  # the provider's list
    assert "N-1" in shown(ehr.ok("sam", "/dependency list"))  # the consumer's list


def test_a_provider_slip_past_need_by_flags_it_on_both_projects(ehr: Chat) -> None:
    two_projects(ehr)
    ehr.ok("sam", '/dependency on M-1 "HL7 results interface" need-by:2027-01-15')
    assert "at risk" not in shown(ehr.ok("sam", "/raid EHR"))
    reply = ehr.ok("alex", "/milestone M-1 forecast 2027-02-01", channel="#lims")
    assert "provider now Mon 1 Feb 2027, 17 days after need-by" in shown(reply)
    for who, channel, key in (("sam", "#ehr", "EHR"), ("alex", "#lims", "LIMS")):
        card = shown(ehr.ok(who, f"/project {key}", channel=channel))
        assert "N-1" in card and "17 days after need-by" in card, key
        register = shown(ehr.ok(who, f"/raid {key}", channel=channel))
        assert "N-1" in register and "17 days after need-by" in register, key
    posted = {m.target for m in ehr.outbox() if m.payload["text"].startswith("N-1 at risk")}
    assert posted == {"#ehr", "#lims"}
    flag = ehr.scalar(select(AuditEvent).where(AuditEvent.action == "dependency.flag"))
    assert (
        flag.entity == "N-1" and flag.after["need_by"] == "2027-01-15" and flag.after["provider_date"] == "2027-02-01"
    )
    ehr.ok("alex", "/milestone M-1 forecast 2027-01-12", channel="#lims")  # back in time: no longer flagged
    assert "after need-by" not in shown(ehr.ok("sam", "/raid EHR"))


def test_external_and_project_dependencies_and_closing(ehr: Chat) -> None:
    two_projects(ehr)
    ehr.ok("sam", '/dependency EHR on "Epic" "Build of the order sets" need-by:2027-01-20')
    ehr.ok("sam", '/dependency on LIMS "Test patients loaded" need-by:2027-01-05')
    deps = ehr.all(select(Dependency).order_by(Dependency.number))
    assert (deps[0].external, deps[0].provider_project_id) == ("Epic", None)
    assert deps[1].provider_project.key == "LIMS" and deps[1].provider_milestone_id is None
    assert "Only N-1's owner" in ehr.refused("kim", "/dependency N-1 met").text
    ehr.ok("sam", '/dependency N-1 met "Delivered early"')
    assert deps[0].ref == "N-1"
    assert ehr.scalar(select(Dependency.status).where(Dependency.number == 1)) == DependencyStatus.MET
    assert "already met" in ehr.refused("sam", "/dependency N-1 dropped").text
    assert "N-1" not in shown(ehr.ok("sam", "/dependency list")) and "N-1" in shown(
        ehr.ok("sam", "/dependency list all")
    )


def test_refusals_give_the_usage(ehr: Chat) -> None:
    two_projects(ehr)
    ehr.refused("sam", '/dependency "x" need-by:fri', usage_key="dependency")
    ehr.refused("sam", '/dependency on LIMS "x"', usage_key="dependency")
    ehr.refused("sam", "/dependency on LIMS need-by:fri", usage_key="dependency")
    ehr.refused("sam", '/dependency on LIMS "x" need-by:2020-01-01', usage_key="dependency")
    ehr.refused("sam", '/dependency on @@@ "x" need-by:fri', usage_key="dependency")
    ehr.refused("sam", '/dependency on EHR "x" need-by:fri', usage_key="dependency")  # itself
    assert "no project NOPE" in ehr.refused("sam", '/dependency on NOPE "x" need-by:fri').text
    assert "no milestone M-9" in ehr.refused("sam", '/dependency on M-9 "x" need-by:fri').text
    assert "Only people on EHR" in ehr.refused("zed", '/dependency on LIMS "x" need-by:fri').text
    ehr.refused("sam", '/dependency on "Lab for MRN 4458812" "his chart" need-by:fri')
    ehr.refused("sam", "/dependency N-1 finished", usage_key="dependency close")
    assert "no dependency N-1" in ehr.refused("sam", "/dependency N-1").text


def test_bare_dependency_opens_the_form(ehr: Chat) -> None:
    two_projects(ehr)
    reply = ehr.ok("sam", "/dependency")
    assert reply.form is not None and reply.form.name == "dependency.raise"
    for on, expect in (("M-1", "M-1"), ("LIMS", "LIMS"), ("Vendor X", "Vendor X")):
        done = ehr.submit(
            "sam", "dependency.raise", {"project": "EHR", "what": "Feed", "on": on, "need_by": "2027-01-15"}
        )
        assert not done.error, done.text
        assert expect in shown(done)
    assert ehr.submit("sam", "dependency.raise", {"project": "EHR", "what": "Feed", "on": "LIMS"}).field == "need_by"
