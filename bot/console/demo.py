"""A small, realistic healthcare portfolio, seeded through the same commands people type.

Every row comes from a command run at a past `now`, so history, numbering and the audit chain are real."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from bot.console.repl import WORKSPACE
from bot.console.sender import ConsoleSender
from bot.outbox.dispatch import Dispatcher
from commands.context import Context, Speaker
from commands.service import Rounds
from storage.models import Platform, Project, Workspace

PEOPLE = {
    "pat": "Pat Okafor (PMO lead)",
    "sam": "Sam Rivera",
    "jo": "Jo Tremblay",
    "lee": "Lee Chen",
    "dana": "Dr. Dana Whitfield (CMIO)",
    "maria": "Maria Santos (CNO)",
    "raj": "Raj Patel (CISO)",
    "omar": "Omar Haddad (Imaging)",
    "grace": "Grace Kim (Lab)",
    "kim": "Kim Nguyen (Nurse educator)",
    "alex": "Alex Moreau (Interfaces)",
}
TZ = "America/Toronto"

# (days ago, speaker, channel, command[, label]). Run oldest first; a label names the item the step
# creates, and later steps refer to it as {label} (ids are numbered in the order things happen).
Step = tuple[int, str, str | None, str] | tuple[int, str, str | None, str, str]
SCRIPT: list[Step] = [
    *[(70, who, None, f"/pmo prefs tz {TZ}") for who in PEOPLE],
    (
        70,
        "pat",
        "#pmo",
        '/project create EHR "EHR upgrade to the 2026 release" pm:@sam sponsor:@dana,@maria method:waterfall',
    ),
    (
        70,
        "pat",
        "#pmo",
        '/project create TELE "Telehealth expansion to rural clinics" pm:@jo sponsor:@dana method:agile',
    ),
    (70, "pat", "#pmo", '/project create LIMS "Laboratory information system replacement" pm:@lee sponsor:@grace'),
    (
        70,
        "pat",
        "#pmo",
        '/project create PACS "PACS migration to a vendor-neutral archive" pm:@sam sponsor:@omar method:hybrid',
    ),
    (70, "pat", "#pmo", '/project create HIPAA "HIPAA security risk remediation" pm:@jo sponsor:@raj'),
    (70, "pat", "#pmo", "/pmo holidays country CA-ON"),
    (70, "pat", "#pmo", "/digest subscribe portfolio mon 08:00 America/Toronto"),
    (69, "sam", "#ehr-upgrade", "/project link EHR"),
    (69, "sam", "#ehr-upgrade", "/project role EHR cmio:@dana cno:@maria member:@kim,@alex"),
    (69, "sam", "#ehr-upgrade", "/digest subscribe mon,thu 08:00"),
    (69, "jo", "#telehealth", "/project link TELE"),
    (69, "jo", "#telehealth", "/project role TELE cmio:@dana member:@alex"),
    (69, "lee", "#lims", "/project link LIMS"),
    (69, "lee", "#lims", "/project role LIMS member:@alex"),
    (69, "sam", "#pacs", "/project link PACS"),
    (69, "jo", "#security", "/project link HIPAA"),
    # EHR: steady, then interface trouble.
    (63, "sam", "#ehr-upgrade", '/status green "Kick-off done; build workbooks signed by nursing and pharmacy"'),
    (60, "sam", "#ehr-upgrade", '/gate request "Planning" approvers:@dana,@maria', "ehr-plan"),
    *[(60, "sam", "#ehr-upgrade", f"/gate check {{ehr-plan}} {n}") for n in (1, 2, 3)],
    (59, "dana", "#ehr-upgrade", '/gate approve {ehr-plan} "Plan is realistic"'),
    (58, "maria", "#ehr-upgrade", "/gate approve {ehr-plan}"),
    (56, "sam", "#ehr-upgrade", '/status green "Build 40% complete; no blockers"'),
    (49, "sam", "#ehr-upgrade", '/status green "Build 65% complete"'),
    (
        42,
        "alex",
        "#ehr-upgrade",
        (
            '/risk "Lab results interface may drop orders during cutover" L4 I5 category:patient-safety '
            'mitigation:"Parallel-run the interface for 48 h; manual order reconciliation at go-live"'
        ),
        "ehr-lab",
    ),
    (
        40,
        "kim",
        "#ehr-upgrade",
        '/risk "Super-user coverage is thin on night shift" L3 I4 category:adoption owner:@kim',
    ),
    (
        35,
        "sam",
        "#ehr-upgrade",
        '/status amber "Integrated testing behind by a week: lab interface defects" schedule:amber budget:green',
    ),
    (
        30,
        "sam",
        "#ehr-upgrade",
        '/risk "Downtime procedures not yet rehearsed on 4 West" L3 I5 category:downtime review:+10d',
        "ehr-downtime",
    ),
    (28, "sam", "#ehr-upgrade", '/status amber "Integrated testing 70%; interface fixes in retest" schedule:amber'),
    (21, "sam", "#ehr-upgrade", '/status amber "Integrated testing 82%; lab orders retest scheduled" schedule:amber'),
    (12, "sam", "#ehr-upgrade", '/action @alex "Retest lab orders interface with the vendor" due:+9d risk:{ehr-lab}'),
    (
        8,
        "sam",
        "#ehr-upgrade",
        '/action @kim "Run the downtime drill on 4 West with night shift" due:+10d risk:{ehr-downtime}',
    ),
    (
        6,
        "sam",
        "#ehr-upgrade",
        '/status amber "Testing 90%; go-live date held; interface retest Thursday" schedule:amber',
    ),
    (
        5,
        "sam",
        "#ehr-upgrade",
        '/gate request "Go-live readiness" approvers:@dana,@maria quorum:all must:cmio due:+12d',
        "ehr-golive",
    ),
    *[(4, "sam", "#ehr-upgrade", f"/gate check {{ehr-golive}} {n}") for n in (1, 2, 3, 4, 5)],
    (3, "maria", "#ehr-upgrade", '/gate approve {ehr-golive} "Nursing is ready if the drill happens"'),
    # TELE: green and moving.
    (60, "jo", "#telehealth", '/status green "Pilot clinic live; 120 video visits in week one"'),
    (55, "jo", "#telehealth", '/gate request "MVP release" approvers:@dana', "tele-mvp"),
    *[(55, "jo", "#telehealth", f"/gate check {{tele-mvp}} {n}") for n in (1, 2, 3)],
    (54, "dana", "#telehealth", '/gate approve {tele-mvp} conditions:"Add interpreter workflow before scaling"'),
    (
        40,
        "jo",
        "#telehealth",
        '/risk "Clinic bandwidth below the video minimum at 3 rural sites" L3 I3 category:schedule',
    ),
    (
        33,
        "jo",
        "#telehealth",
        '/risk "Interpreter services not yet in video visits" L2 I4 category:clinical-workflow owner:@alex',
    ),
    (14, "jo", "#telehealth", '/status green "Four clinics live; no-show rate down 18%"'),
    (4, "jo", "#telehealth", '/status green "Six clinics live; bandwidth upgrades ordered (PO 4500012345)"'),
    # LIMS: vendor trouble.
    (62, "lee", "#lims", '/status amber "Vendor contract signed late; planning compressed"'),
    (58, "lee", "#lims", '/gate request "Initiation" approvers:@grace', "lims-init"),
    *[(58, "lee", "#lims", f"/gate check {{lims-init}} {n}") for n in (1, 2, 3)],
    (57, "grace", "#lims", "/gate approve {lims-init}"),
    (
        35,
        "lee",
        "#lims",
        (
            '/risk "Vendor validation build is late" L5 I4 category:vendor owner:@lee '
            'mitigation:"Weekly vendor executive call; penalty clause review"'
        ),
        "lims-vendor",
    ),
    (28, "lee", "#lims", '/status amber "Validation build slipping"  schedule:red'),
    (9, "lee", "#lims", '/status red "Vendor slipped the validation build by 3 weeks" schedule:red budget:amber'),
    (
        9,
        "lee",
        "#lims",
        '/action @lee "Escalate the validation delay to the vendor executive sponsor" due:+5d risk:{lims-vendor}',
    ),
    # PACS: looked fine, then did not (a watermelon).
    (40, "sam", "#pacs", '/status green "Archive hardware installed"'),
    (20, "sam", "#pacs", '/status green "Migration batch 1 complete"'),
    (
        18,
        "sam",
        "#pacs",
        '/risk "Prior studies may be unreadable after migration" L4 I5 category:patient-safety owner:@omar',
        "pacs-priors",
    ),
    (
        15,
        "sam",
        "#pacs",
        '/action @omar "Confirm the radiologist sign-off plan for migrated priors" due:+7d risk:{pacs-priors}',
    ),
    (2, "sam", "#pacs", '/status red "Batch 2 found 4% of studies failing checksum; migration paused" scope:amber'),
    # HIPAA: status gone stale, reviews overdue.
    (
        45,
        "jo",
        "#security",
        (
            '/risk "Shared workstation logins on 3 inpatient units" L4 I4 category:privacy-compliance '
            'mitigation:"Tap-and-go badges; unit-by-unit rollout"'
        ),
    ),
    (40, "jo", "#security", '/risk "Legacy fax server is unpatched" L3 I5 category:security owner:@jo'),
    (25, "jo", "#security", '/status green "Badge readers ordered; fax server replacement scoped"'),
    (20, "jo", "#security", '/gate request "Planning" approvers:@raj due:+25d'),
    # The RAID log and the plan: EHR's testing slips past its tolerance; LIMS's build slip puts EHR at risk.
    (68, "dana", "#ehr-upgrade", "/project tolerance EHR schedule:2w budget:5%"),
    (68, "sam", "#ehr-upgrade", '/milestone "Integrated testing complete" +50d', "ehr-test"),
    (68, "sam", "#ehr-upgrade", '/milestone "Go-live" +85d'),
    (68, "sam", "#ehr-upgrade", "/budget approved:4.2M actual:0 currency:CAD"),
    (66, "lee", "#lims", '/milestone LIMS "Validation build delivered" +60d', "lims-build"),
    (
        65,
        "sam",
        "#ehr-upgrade",
        '/dependency on {lims-build} "Lab results interface ready for EHR testing" need-by:+75d owner:@alex',
    ),
    (
        64,
        "sam",
        "#ehr-upgrade",
        '/assumption "Interface engine patch lands before integrated testing" owner:@alex validate-by:+30d',
    ),
    (35, "sam", "#ehr-upgrade", "/milestone {ehr-test} forecast +25d"),
    (30, "sam", "#ehr-upgrade", "/budget actual:1.9M forecast:4.3M"),
    (21, "sam", "#ehr-upgrade", "/milestone {ehr-test} forecast +28d"),
    (
        20,
        "sam",
        "#ehr-upgrade",
        '/project exception X-1 "Lab interface defects: propose holding go-live and adding a week of retest"',
    ),
    (10, "alex", "#ehr-upgrade", '/issue "Lab orders interface drops 2% of test messages" severity:high due:+14d'),
    (9, "lee", "#lims", "/milestone {lims-build} forecast +30d"),
]


def seed(rounds: Rounds, sessions: sessionmaker[Session], now: datetime | None = None) -> bool:
    """Seed once. Returns False (and does nothing) when the console workspace already has projects."""
    now = now or datetime.now(UTC)
    with sessions() as s:
        existing = s.scalar(
            select(func.count())
            .select_from(Project)
            .join(Workspace, Workspace.id == Project.workspace_id)
            .where(Workspace.platform == Platform.CONSOLE, Workspace.external_id == WORKSPACE)
        )
    if existing:
        return False
    refs: dict[str, str] = {}
    for step in sorted(SCRIPT, key=lambda st: -st[0]):
        days_ago, who, channel, line = step[:4]
        line = re.sub(r"\{([a-z-]+)\}", lambda mm: refs[mm.group(1)], line)
        at = now - timedelta(days=days_ago)
        ctx = Context(
            platform=Platform.CONSOLE,
            workspace_id=WORKSPACE,
            workspace_name="Local console",
            channel_id=channel,
            is_direct=channel is None,
            speaker=Speaker(user_id=who, handle=who, display_name=PEOPLE[who]),
            now=at,
        )
        command, _, text = line.partition(" ")
        reply = rounds.run(ctx, command, text)
        if reply.error:
            raise RuntimeError(f"demo seed step failed: {line!r}: {reply.text}")
        if len(step) > 4:
            found = re.search(r"\b([RAGIHNMX]-\d+)\b", reply.text)
            assert found, f"demo step {step[4]} made no item"
            refs[step[4]] = found.group(1)
    # What the seed queued (cards, DMs) belongs to the past: deliver it quietly.
    quiet = ConsoleSender(write=lambda _text: None)
    Dispatcher(sessions, {Platform.CONSOLE: quiet}, channel_gap=timedelta(0)).run_once(now, limit=10_000)
    return True
