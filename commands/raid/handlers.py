"""Which handler serves which RAID command (merged into commands.dispatch), and which of them are views."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from commands import anchoring
from commands.context import Actor
from commands.grammar import models as m
from commands.grammar import raid_models as rm
from commands.raid import assumptions, budget, dependencies, exceptions, issues, milestones, register, tolerances
from commands.replies import Reply
from storage.uow import UnitOfWork

HANDLERS: dict[type[m.Command], Callable[[Any, Actor, UnitOfWork], Reply]] = {
    rm.IssueRaise: issues.raise_issue,
    rm.IssueList: issues.list_issues,
    rm.IssueShow: issues.show,
    rm.IssueUpdate: issues.update,
    rm.IssueResolve: issues.resolve,
    rm.RiskOccurred: issues.occurred,
    rm.AssumptionRaise: assumptions.raise_assumption,
    rm.AssumptionList: assumptions.list_assumptions,
    rm.AssumptionShow: assumptions.show,
    rm.AssumptionSettle: assumptions.settle,
    rm.AssumptionRaiseRisk: assumptions.raise_risk,
    rm.DependencyRaise: dependencies.raise_dependency,
    rm.DependencyList: dependencies.list_dependencies,
    rm.DependencyShow: dependencies.show,
    rm.DependencyClose: dependencies.close,
    rm.MilestoneSet: milestones.set_milestone,
    rm.MilestoneList: milestones.list_milestones,
    rm.MilestoneShow: milestones.show,
    rm.MilestoneForecast: milestones.forecast,
    rm.MilestoneDone: milestones.done,
    rm.BudgetSet: budget.set_budget,
    rm.BudgetOverride: budget.override,
    rm.BudgetShow: budget.show,
    rm.RaidShow: register.show,
    rm.ProjectTolerance: tolerances.set_tolerance,
    rm.ExceptionNote: exceptions.note,
    rm.ExceptionClose: exceptions.close,
    rm.AdminChannel: anchoring.admin_channel,
}

VIEWS = (
    rm.IssueList,
    rm.IssueShow,
    rm.AssumptionList,
    rm.AssumptionShow,
    rm.DependencyList,
    rm.DependencyShow,
    rm.MilestoneList,
    rm.MilestoneShow,
    rm.BudgetShow,
    rm.RaidShow,
)
