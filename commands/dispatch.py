"""Which handler serves which command. Every handler: (command, actor, unit of work) -> Reply."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from commands import (
    actions,
    decisions,
    exports,
    gates,
    help,
    home,
    phi_commands,
    portfolio,
    prefs,
    projects,
    risks,
    status,
    templates,
)
from commands.context import Actor
from commands.digests import commands as digests
from commands.grammar import models as m
from commands.nudges import ack, snooze, thread
from commands.raid.handlers import HANDLERS as RAID_HANDLERS
from commands.replies import Reply
from storage.uow import UnitOfWork

Handler = Callable[[Any, Actor, UnitOfWork], Reply]

HANDLERS: dict[type[m.Command], Handler] = {
    m.Help: help.show,
    m.ProjectCreate: projects.create,
    m.ProjectLink: projects.link,
    m.ProjectUnlink: projects.unlink,
    m.ProjectShow: projects.show,
    m.ProjectList: projects.list_projects,
    m.ProjectRoleSet: projects.set_roles,
    m.ProjectArchive: projects.archive,
    m.ProjectEscalation: projects.escalation,
    m.StatusLog: status.log,
    m.StatusShow: status.show,
    m.RiskRaise: risks.raise_risk,
    m.RiskList: risks.list_risks,
    m.RiskShow: risks.show,
    m.RiskUpdate: risks.update,
    m.RiskClose: risks.close,
    m.RiskReviewed: risks.reviewed,
    m.RiskAccept: risks.accept,
    m.ActionCreate: actions.create,
    m.ActionList: actions.list_actions,
    m.ActionShow: actions.show,
    m.ActionSet: actions.set_status,
    m.ActionReassign: actions.reassign,
    m.EscalationAck: ack.acknowledge,
    m.GateRequest: gates.request,
    m.GateDecide: decisions.decide,
    m.GateWithdraw: gates.withdraw,
    m.GateList: gates.list_gates,
    m.GateShow: gates.show,
    m.GateCheck: gates.check,
    m.DigestSubscribe: digests.subscribe,
    m.DigestList: digests.list_subscriptions,
    m.DigestUnsubscribe: digests.unsubscribe,
    m.DigestNow: digests.now,
    m.PrefsShow: prefs.show,
    m.PrefsHours: prefs.hours,
    m.PrefsTimezone: prefs.set_timezone,
    m.PrefsAway: prefs.away,
    m.PrefsDelegate: prefs.delegate,
    m.HolidaysList: prefs.holidays_list,
    m.HolidaysAdd: prefs.holidays_add,
    m.HolidaysRemove: prefs.holidays_remove,
    m.HolidaysCountry: prefs.holidays_country,
    m.AdminList: prefs.admins,
    m.DatesShow: prefs.dates_show,
    m.DatesSet: prefs.dates_set,
    m.AdminSet: prefs.admin_set,
    m.TemplateList: templates.list_templates,
    m.TemplateShow: templates.show,
    m.TemplateEdit: templates.edit,
    m.Portfolio: portfolio.show,
    m.Export: exports.export,
    m.Snooze: snooze.snooze,
    m.Home: lambda cmd, actor, uow: home.show(actor, uow),
    m.ThreadReply: thread.comment,
    m.PhiCheck: phi_commands.check,
    m.PhiPolicyShow: phi_commands.show,
    m.PhiPolicySet: phi_commands.set_allowance,
    m.PhiPolicyNumber: phi_commands.set_number,
}
HANDLERS.update(RAID_HANDLERS)


def handler_for(cmd: m.Command) -> Handler:
    return HANDLERS[type(cmd)]
