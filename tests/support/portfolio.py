"""A large portfolio written straight into the tables (fast), for scale tests and benchmarks."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from sqlalchemy import Connection, Engine, insert, select

from storage.models import (
    SPONSOR,
    Action,
    Assumption,
    BudgetEntry,
    ChannelLink,
    Counter,
    Dependency,
    DigestSubscription,
    Gate,
    GateApprover,
    Issue,
    Milestone,
    Person,
    Project,
    ProjectException,
    ProjectRole,
    Risk,
    StatusUpdate,
    Tolerance,
    Workspace,
)
from storage.numbering import KINDS
from storage.shifts import Hours, Span

RULE = "DTSTART:20261101T000000\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;BYHOUR=8;BYMINUTE=0;BYSECOND=0"


def build(engine: Engine, projects: int, now: datetime, workspace: str = "T-scale") -> int:
    """`projects` projects, each with a PM, a sponsor, a member, 3 status updates, 3 risks (one overdue for
    review), 2 actions (one overdue), a pending gate and a channel with a digest subscription. Returns the
    workspace id. People: 3 per project."""
    created = now - timedelta(days=30)
    today = now.date()
    with engine.begin() as conn:
        ws_id = conn.execute(
            insert(Workspace)
            .values(
                platform="slack", external_id=workspace, name="Scale", timezone="America/Toronto", created_at=created
            )
            .returning(Workspace.id)
        ).scalar_one()
        conn.execute(
            insert(Counter),
            [{"workspace_id": ws_id, "kind": k, "value": 0} for k in KINDS],
        )
        people = [
            {
                "workspace_id": ws_id,
                "platform_user_id": f"U{i:07d}",
                "handle": f"user{i}",
                "display_name": f"User {i}",
                "timezone": "America/Toronto",
                "hours": Hours.weekly({d: Span(time(0), 24 * 60) for d in range(5)}).to_json(),
                "is_pmo_admin": i == 0,
                "is_bot": False,
                "created_at": created,
                "timezone_pinned": False,
            }
            for i in range(projects * 3)
        ]
        conn.execute(insert(Person), people)
        pid = dict(conn.execute(select(Person.platform_user_id, Person.id).where(Person.workspace_id == ws_id)).all())
        person = [pid[f"U{i:07d}"] for i in range(projects * 3)]
        conn.execute(
            insert(Project),
            [
                {
                    "workspace_id": ws_id,
                    "key": f"P{i:05d}",
                    "name": f"Project {i}",
                    "methodology": "waterfall",
                    "cadence": "weekly",
                    "gate_template": "waterfall",
                    "pm_id": person[3 * i],
                    "archived": False,
                    "escalate_pm_after": 2,
                    "escalate_sponsor_after": 4,
                    "escalate_in_channel": False,
                    "created_at": created,
                }
                for i in range(projects)
            ],
        )
        proj = [
            r for (r,) in conn.execute(select(Project.id).where(Project.workspace_id == ws_id).order_by(Project.key))
        ]
        conn.execute(
            insert(ProjectRole),
            [{"project_id": p, "person_id": person[3 * i + 1], "role": SPONSOR} for i, p in enumerate(proj)]
            + [{"project_id": p, "person_id": person[3 * i + 2], "role": "member"} for i, p in enumerate(proj)],
        )
        conn.execute(
            insert(ChannelLink),
            [{"workspace_id": ws_id, "channel_id": f"C{i:07d}", "project_id": p} for i, p in enumerate(proj)],
        )
        conn.execute(
            insert(StatusUpdate),
            [
                {
                    "project_id": p,
                    "overall": rag,
                    "note": f"week {w}",
                    "author_id": person[3 * i],
                    "created_at": now - timedelta(days=7 * (3 - w)),
                }
                for i, p in enumerate(proj)
                for w, rag in enumerate(("green", "amber", "red"))
            ],
        )
        risks, actions, gates, subs = [], [], [], []
        for i, p in enumerate(proj):
            for j, (lk, im, review) in enumerate(
                ((4, 5, today - timedelta(days=2)), (3, 3, today + timedelta(days=20)), (2, 2, today))
            ):
                risks.append(
                    {
                        "workspace_id": ws_id,
                        "number": 3 * i + j + 1,
                        "project_id": p,
                        "title": f"Risk {i}.{j}",
                        "description": "",
                        "category": "schedule",
                        "likelihood": lk,
                        "impact": im,
                        "score": lk * im,
                        "owner_id": person[3 * i + 2],
                        "mitigation": "",
                        "review_by": review,
                        "status": "open",
                        "raised_by_id": person[3 * i],
                        "created_at": created,
                    }
                )
            for j, due in enumerate((today - timedelta(days=3), today + timedelta(days=5))):
                actions.append(
                    {
                        "workspace_id": ws_id,
                        "number": 2 * i + j + 1,
                        "project_id": p,
                        "owner_id": person[3 * i + 2],
                        "text": f"Action {i}.{j}",
                        "due": due,
                        "status": "open",
                        "created_by_id": person[3 * i],
                        "created_at": created,
                    }
                )
            gates.append(
                {
                    "workspace_id": ws_id,
                    "number": i + 1,
                    "project_id": p,
                    "name": "Go-live readiness",
                    "requester_id": person[3 * i],
                    "quorum": "all",
                    "must_include": [],
                    "checklist": [],
                    "status": "pending",
                    "due": today + timedelta(days=3),
                    "created_at": now - timedelta(days=4),
                }
            )
            subs.append(
                {
                    "workspace_id": ws_id,
                    "number": i + 1,
                    "channel_id": f"C{i:07d}",
                    "scope": "channel",
                    "rrule": RULE,
                    "timezone": "America/Toronto",
                    "created_by_id": person[3 * i],
                    "active": True,
                    "created_at": created,
                    "last_occurrence": None,
                    "last_sent_at": now - timedelta(days=3),
                }
            )
        conn.execute(insert(Risk), risks)
        conn.execute(insert(Action), actions)
        conn.execute(insert(Gate), gates)
        gate_ids = [r for (r,) in conn.execute(select(Gate.id).where(Gate.workspace_id == ws_id).order_by(Gate.number))]
        conn.execute(
            insert(GateApprover), [{"gate_id": g, "person_id": person[3 * i + 1]} for i, g in enumerate(gate_ids)]
        )
        conn.execute(
            insert(DigestSubscription),
            [
                *subs,
                {
                    "workspace_id": ws_id,
                    "number": projects + 1,
                    "channel_id": "C-portfolio",
                    "scope": "portfolio",
                    "rrule": RULE,
                    "timezone": "America/Toronto",
                    "created_by_id": person[0],
                    "active": True,
                    "created_at": created,
                    "last_occurrence": None,
                    "last_sent_at": None,
                },
            ],
        )
        raid(conn, ws_id, proj, person, now)
    return ws_id


def raid(conn: Connection, ws_id: int, proj: list[int], person: list[int], now: datetime) -> None:
    """Per project: two milestones (one slipping past tolerance), a budget over its tolerance, tolerances, an
    open exception with no note yet, a dependency on the next project's milestone (flagged), an open issue
    and an assumption past its validate-by date."""
    today = now.date()
    created = now - timedelta(days=30)
    n = len(proj)
    conn.execute(
        insert(Milestone),
        [
            {
                "workspace_id": ws_id,
                "number": 2 * i + j + 1,
                "project_id": p,
                "name": f"Milestone {i}.{j}",
                "baseline": today + timedelta(days=30 * (j + 1)),
                "forecast": today + timedelta(days=30 * (j + 1) + (21 if j == 0 else 0)),
                "status": "open",
                "created_by_id": person[3 * i],
                "created_at": created,
            }
            for i, p in enumerate(proj)
            for j in range(2)
        ],
    )
    ms = [
        r
        for (r,) in conn.execute(select(Milestone.id).where(Milestone.workspace_id == ws_id).order_by(Milestone.number))
    ]
    conn.execute(
        insert(BudgetEntry),
        [
            {
                "project_id": p,
                "currency": "CAD",
                "approved": 100_000_000,
                "actual": 40_000_000,
                "forecast": 108_000_000,
                "author_id": person[3 * i],
                "created_at": created,
            }
            for i, p in enumerate(proj)
        ],
    )
    conn.execute(
        insert(Tolerance),
        [
            {
                "project_id": p,
                "schedule_days": 14,
                "budget_bp": 500,
                "set_by_id": person[3 * i + 1],
                "updated_at": created,
            }
            for i, p in enumerate(proj)
        ],
    )
    conn.execute(
        insert(ProjectException),
        [
            {
                "workspace_id": ws_id,
                "number": i + 1,
                "project_id": p,
                "dimension": "schedule",
                "subject": f"M-{2 * i + 1}",
                "summary": "forecast 21 days after its baseline (tolerance 14 days)",
                "measure": 21,
                "tolerance": 14,
                "status": "open",
                "created_at": now - timedelta(days=1),
            }
            for i, p in enumerate(proj)
        ],
    )
    conn.execute(
        insert(Dependency),
        [
            {
                "workspace_id": ws_id,
                "number": i + 1,
                "project_id": p,
                "provider_project_id": proj[(i + 1) % n],
                "provider_milestone_id": ms[2 * ((i + 1) % n)],
                "what": f"Feed {i}",
                "need_by": today + timedelta(days=35),
                "owner_id": person[3 * i],
                "status": "open",
                "created_by_id": person[3 * i],
                "created_at": created,
            }
            for i, p in enumerate(proj)
        ],
    )
    conn.execute(
        insert(Issue),
        [
            {
                "workspace_id": ws_id,
                "number": i + 1,
                "project_id": p,
                "title": f"Issue {i}",
                "severity": "high",
                "owner_id": person[3 * i + 2],
                "due": today - timedelta(days=1),
                "status": "open",
                "raised_by_id": person[3 * i],
                "created_at": created,
            }
            for i, p in enumerate(proj)
        ],
    )
    conn.execute(
        insert(Assumption),
        [
            {
                "workspace_id": ws_id,
                "number": i + 1,
                "project_id": p,
                "text": f"Assumption {i}",
                "owner_id": person[3 * i + 2],
                "validate_by": today - timedelta(days=2),
                "status": "open",
                "raised_by_id": person[3 * i],
                "created_at": created,
            }
            for i, p in enumerate(proj)
        ],
    )
