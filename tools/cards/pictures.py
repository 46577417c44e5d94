"""A picture of every card Rounds sends, for both platforms, at desktop and phone width.

    python tools/cards/pictures.py            # everything, into docs/img/cards/
    python tools/cards/pictures.py --only gate  # the kinds whose name contains "gate"

Seeds the console's demo portfolio (bot/console/demo.py) into a throwaway SQLite database at a fixed time,
runs the clock's nudge and digest passes, says a few commands as the demo's people, and takes every kind of
card from what Rounds queued (the outbox) or replied. Each kind becomes the payload the platform is sent —
bot/teams/render.py's Adaptive Card (with its charts as data: URIs, as bot/teams/sender.py sends it) and
bot/slack/render.py's Block Kit message, App Home view or modal — and tools/cards/render.mjs draws them in
headless Chromium: Teams with the official Adaptive Cards renderer and the Microsoft Teams light host
config, Slack with an HTML/CSS approximation of Block Kit. It also reports what a person would trip over:
a card the renderer refuses, a button title cut at phone width, a table wider than its card.

A new kind is one line in KINDS. Not a test: nothing here is collected by pytest."""

from __future__ import annotations

import argparse
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from bot import charts
from bot.clock import passes
from bot.console.demo import PEOPLE, seed
from bot.console.repl import WORKSPACE
from bot.slack import modals as slack_modals
from bot.slack import render as slack
from bot.teams import forms as teams_forms
from bot.teams import render as teams
from commands.charts import render as charts_render
from commands.charts.specs import Chart
from commands.context import Context, Speaker
from commands.dashboard import CHART_AT
from commands.forms import CONTEXT_KEY, FORMS, context_for
from commands.replies import Form, Header, Reply, Section
from commands.service import Rounds
from storage import migrate
from storage.db import make_engine, make_sessions
from storage.models import OutboxMessage, Platform, TargetKind

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
OUT = ROOT / "docs" / "img" / "cards"
NOW = datetime(2026, 12, 7, 13, 5, tzinfo=UTC)  # a Monday, 08:05 in Toronto: both demo digests are due

# The pictures that stay in the repository (the README shows them): what a sponsor and a nurse see most.
CURATED = (
    "teams-gate-dm-phone",
    "slack-gate-dm-phone",
    "teams-gate-dm-desktop",
    "slack-gate-dm-desktop",
    "teams-nudge-nurse-phone",
    "slack-nudge-nurse-phone",
    "teams-digest-portfolio-desktop",
    "slack-digest-portfolio-desktop",
    "teams-home-sponsor-desktop",
    "slack-home-sponsor-desktop",
)


# -- where a kind comes from ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Say:
    """A command typed by `who` in `channel` (None: a DM with Rounds); the reply is the card."""

    who: str
    channel: str | None
    line: str


@dataclass(frozen=True)
class Queued:
    """A message Rounds queued in the outbox: the last row whose idempotency key starts with `key`
    (and, if given, goes to `target`). Cards updated in place are rows with target kind "update"."""

    key: str
    target: str | None = None
    first: bool = False


@dataclass(frozen=True)
class Home:
    """The person's App Home (Slack) / personal home card (Teams)."""

    who: str


@dataclass(frozen=True)
class OpenForm:
    """A form as a button or a bare command opens it: a Slack modal, a Teams form card."""

    name: str
    value: str = ""
    who: str = "sam"
    channel: str | None = "#ehr-upgrade"


@dataclass(frozen=True)
class Later:
    """The clock's digest pass `days` after the scenario's time, then the last message queued under `key`."""

    days: float
    key: str


@dataclass(frozen=True)
class AllCharts:
    """Every kind of chart that any queued message carries, in one reply (one of each, as first queued)."""


Source = Say | Queued | Home | OpenForm | Later | AllCharts


@dataclass(frozen=True)
class Kind:
    name: str
    source: Source
    about: str


# What a form's button is about, by the kind of thing its form takes (commands.forms.CONTEXT_KEY).
FORM_VALUES = {"gate": "G-5", "action": "A-5", "risk": "R-2", "item": "A-5", "issue": "I-1", "assumption": "H-1"}
FORM_VALUES |= {"exception": "X-1", "project": "EHR"}

# Views first, then what changes things (a gate decision), then what Rounds queued: queued kinds are read last.
KINDS: list[Kind] = [
    Kind("status-card", Say("sam", "#ehr-upgrade", "/status"), "A project's status and its history"),
    Kind("project-card", Say("sam", "#ehr-upgrade", "/project EHR"), "A project's card"),
    Kind("project-list", Say("pat", "#pmo", "/project list"), "Every project with its RAG"),
    Kind("portfolio", Say("pat", "#pmo", "/pmo portfolio"), "The portfolio asked for (with charts)"),
    Kind("risk-card", Say("sam", "#ehr-upgrade", "/risk R-2"), "One risk"),
    Kind("risk-list", Say("pat", "#pmo", "/risk list"), "Open risks across projects"),
    Kind("risk-list-project", Say("sam", "#ehr-upgrade", "/risk list"), "A project's open risks"),
    Kind("action-list", Say("sam", "#ehr-upgrade", "/action list"), "A project's open actions"),
    Kind("gate-show", Say("sam", "#ehr-upgrade", "/gate G-5"), "A gate asked for by its id"),
    Kind("gate-list", Say("pat", "#pmo", "/gate list"), "Gates"),
    Kind("raid", Say("sam", "#ehr-upgrade", "/raid"), "A project's RAID log"),
    Kind("issue-list", Say("sam", "#ehr-upgrade", "/issue list"), "Open issues"),
    Kind("digest-list", Say("pat", "#pmo", "/digest list"), "Digest subscriptions"),
    Kind("prefs", Say("kim", None, "/pmo prefs"), "Someone's preferences"),
    Kind("help", Say("kim", None, "/pmo help"), "Help"),
    Kind("help-topic", Say("kim", None, "/gate help"), "Help on one command"),
    Kind("home-sponsor", Home("dana"), "A sponsor's App Home / home card"),
    Kind("home-pmo", Home("pat"), "The PMO lead's App Home / home card"),
    Kind("home-pm", Home("sam"), "A project manager's App Home / home card"),
    Kind("home-nurse", Home("kim"), "A nurse educator's App Home / home card"),
    Kind(
        "refusal-phi",
        Say("sam", "#ehr-upgrade", '/status amber "pt John Smith MRN 4458812 fell after the pump alarm"'),
        "The PHI guard refuses, offering the redacted text",
    ),
    Kind("refusal-usage", Say("sam", "#ehr-upgrade", "/risk R-2 close"), "A refusal with the right usage"),
    *[
        Kind(f"form-{name}", OpenForm(name, FORM_VALUES.get(CONTEXT_KEY.get(name, ""), "")), f"The {name} form")
        for name in FORMS
    ],
    Kind(
        "status-reply",
        Say("sam", "#ehr-upgrade", '/status amber "Interface retest passed; drill booked for Thursday" schedule:amber'),
        "The reply to a status update",
    ),
    Kind("gate-approve-reply", Say("dana", None, '/gate approve G-5 "Drill is booked"'), "The reply to a decision"),
    Kind("digest-now", Say("sam", "#ehr-upgrade", "/digest now"), "The reply to /digest now"),
    Kind("gate-card", Queued("gate:5:card:"), "A gate card as first posted in the project's channel"),
    Kind("gate-card-live", Queued("gate:5:v1"), "The channel's gate card with one decision in"),
    Kind("gate-dm", Queued("gate:5:ask:", target="dana"), "The gate card's DM copy to an approver (the sponsor)"),
    Kind("gate-decided", Queued("gate:5:v"), "The channel's gate card once decided"),
    Kind("gate-outcome-dm", Queued("gate:5:outcome"), "The requester's DM when a gate is decided"),
    Kind("gate-conditions-dm", Queued("gate:3:outcome"), "Approved with conditions: the requester's DM"),
    Kind("nudge-nurse", Queued("nudge:", target="kim"), "A nurse's nudge DM"),
    Kind("nudge-many", Queued("nudge:", target="jo"), "A nudge DM with several items"),
    Kind("nudge-escalation", Queued("nudge:", target="grace"), "A nudge carrying an escalation"),
    Kind("nudge-sponsor", Queued("nudge:", target="dana"), "A sponsor's nudge (a gate and an exception)"),
    Kind("action-assigned-dm", Queued("assign:action:", target="kim"), "The DM to whoever is given an action"),
    Kind("dependency-notice", Queued("dependency:1:2"), "A dependency put at risk, posted in both channels"),
    Kind("digest-project", Queued("digest:2:", first=True), "A project's scheduled digest (with charts)"),
    Kind("digest-portfolio", Queued("digest:1:"), "The portfolio digest (with charts)"),
    Kind("digest-after-gate", Later(3, "digest:2:"), "The project's next digest, after its gate was decided"),
    Kind("charts", AllCharts(), "Every kind of chart a queued message carries"),
]


# -- the scenario ---------------------------------------------------------------------------------------
@dataclass
class Scenario:
    rounds: Rounds
    sessions: sessionmaker[Session]
    now: datetime

    @classmethod
    def seeded(cls, folder: Path, now: datetime) -> Scenario:
        engine = make_engine(f"sqlite:///{folder / 'cards.db'}")
        migrate.upgrade(engine)
        sessions = make_sessions(engine)
        rounds = Rounds(sessions)
        seed(rounds, sessions, now)
        passes.nudges(sessions, now)
        passes.digests(sessions, now)
        return cls(rounds, sessions, now)

    def context(self, who: str, channel: str | None) -> Context:
        return Context(
            platform=Platform.CONSOLE,
            workspace_id=WORKSPACE,
            workspace_name="Local console",
            channel_id=channel,
            is_direct=channel is None,
            speaker=Speaker(user_id=who, handle=who, display_name=PEOPLE[who]),
            now=self.now,
        )

    def reply(self, source: Source) -> tuple[Reply, str, str]:
        """The Reply, where it shows ("ephemeral", "channel", "dm", "home" or "modal") and the place's name."""
        if isinstance(source, Say):
            command, _, text = source.line.partition(" ")
            reply = self.rounds.run(self.context(source.who, source.channel), command, text)
            where = "dm" if source.channel is None else ("channel" if reply.visibility == "channel" else "ephemeral")
            return reply, "modal" if reply.form is not None else where, source.channel or f"@{source.who}"
        if isinstance(source, Home):
            return self.rounds.home(self.context(source.who, None)), "home", f"@{source.who}"
        if isinstance(source, OpenForm):
            ctx = self.context(source.who, source.channel)
            form = self.rounds.form(ctx, source.name, context_for(source.name, source.value))
            return form, "modal", source.channel or f"@{source.who}"
        if isinstance(source, Later):
            passes.digests(self.sessions, self.now + timedelta(days=source.days))
            source = Queued(source.key)
        with self.sessions() as s:
            queued = list(s.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))
        if isinstance(source, AllCharts):
            found: dict[str, Chart] = {}
            for row in queued:
                for chart in Reply.from_json(row.payload).charts:
                    found.setdefault(chart.kind, chart)
            names = ", ".join(found) or "none"
            reply = Reply.channel(f"Charts: {names}", Header(text="Every chart"), Section(text=f"Kinds: {names}"))
            return reply.model_copy(update={"charts": tuple(found.values())}), "channel", "#pmo"
        rows = [r for r in queued if r.idempotency_key.startswith(source.key) and source.target in (None, r.target)]
        if not rows:
            raise LookupError(f"nothing queued with a key starting {source.key!r} (to {source.target or 'anyone'})")
        row = rows[0] if source.first else rows[-1]
        where = "dm" if row.target_kind == TargetKind.USER else "channel"
        place = f"@{row.target}" if where == "dm" else (row.platform_channel or row.target)
        return Reply.from_json(row.payload), where, place


# -- payloads, as each platform is sent them -----------------------------------------------------------
PEOPLE_CHOICES = [(who, name) for who, name in PEOPLE.items()]


def teams_payload(reply: Reply) -> dict[str, Any]:
    """What bot/teams/sender.py sends: a form's card, else the reply's card with its charts as images."""
    if reply.form is not None:
        return teams_forms.form(reply.form, people=PEOPLE_CHOICES)
    return charts.with_images(teams.card(reply), reply.charts, teams.MAX_CARD_BYTES)


def slack_payload(reply: Reply, where: str) -> dict[str, Any]:
    """A message (chat.postMessage / a command's response), the App Home view, or a modal (views.open)."""
    if where == "home":
        if not reply.charts:
            return slack.home(reply)
        drawn = [charts_render.render(chart) for chart in reply.charts]
        pictures = tuple(slack.Picture(alt=d.alt, title=d.title, file_id=f"F-{i}") for i, d in enumerate(drawn))
        return slack.home(reply, pictures, CHART_AT)
    if reply.form is not None:
        return slack_modals.modal(reply.form, slack_modals.FormOrigin(f=reply.form.name))
    return slack.message(reply)


def slack_files(reply: Reply) -> list[dict[str, str]]:
    """The charts Slack's sender uploads into the message's thread (full scale, as uploaded)."""
    out = []
    for chart in reply.charts:
        image = charts_render.render(chart)
        out.append({"title": image.title, "alt": image.alt, "src": _data_uri(image.png)})
    return out


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


@dataclass
class Built:
    items: list[dict[str, Any]] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)


def build(scenario: Scenario, kinds: list[Kind]) -> Built:
    built = Built()
    for kind in kinds:
        try:
            reply, where, place = scenario.reply(kind.source)
        except LookupError as e:
            built.failed.append(f"{kind.name}: {e}")
            continue
        form: Form | None = reply.form
        title = form.title if form is not None else teams.summary(reply)
        common = {
            "kind": kind.name,
            "about": kind.about,
            "where": where,
            "place": place,
            "title": title,
            "error": reply.error,
        }
        built.items.append(common | {"platform": "teams", "payload": teams_payload(reply)})
        built.items.append(
            common
            | {
                "platform": "slack",
                "payload": slack_payload(reply, where),
                "files": slack_files(reply) if form is None else [],
            }
        )
    return built


# -- drawing and the index -------------------------------------------------------------------------------
def draw(payloads: Path, out: Path) -> list[dict[str, Any]]:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        raise SystemExit("node and npm are needed: apt-get install -y nodejs npm")
    browser = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not Path(browser).exists():
        raise SystemExit(f"no browser at {browser}: apt-get install -y chromium (or set CHROMIUM)")
    if not (HERE / "node_modules").exists():  # the versions package-lock.json pins
        subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    subprocess.run([node, str(HERE / "render.mjs"), str(payloads), str(out)], check=True)
    results: list[dict[str, Any]] = json.loads((out / "results.json").read_text())
    return results


def write_index(out: Path, results: list[dict[str, Any]], failed: list[str], now: datetime) -> None:
    rows = []
    md = [
        "# Pictures of every card",
        "",
        f"Made by `python tools/cards/pictures.py` from the demo portfolio at {now.isoformat()}.",
        "",
        "| kind | platform | width | where | picture | findings |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        notes = "; ".join(r["findings"]) or "—"
        md.append(
            f"| {r['kind']} | {r['platform']} | {r['width']} ({r['px']} px) | {r['where']} | "
            f"[{r['file']}]({r['file']}) | {notes} |"
        )
        rows.append(
            f"<figure><figcaption><b>{escape(r['kind'])}</b> · {r['platform']} · {r['width']} {r['px']} px · "
            f"{escape(r['where'])}<br><small>{escape(r['about'])}</small>"
            + "".join(f'<br><span class="finding">⚠ {escape(n)}</span>' for n in r["findings"])
            + f'</figcaption><a href="{r["file"]}"><img src="{r["file"]}" loading="lazy"></a></figure>'
        )
    if failed:
        md += ["", "Not drawn:", *[f"- {f}" for f in failed]]
    (out / "index.md").write_text("\n".join(md) + "\n")
    (out / "index.html").write_text(
        "<!doctype html><meta charset=utf-8><title>Rounds: every card</title>"
        "<style>body{font:14px system-ui;margin:24px;background:#eee}figure{display:inline-block;vertical-align:top;"
        "margin:8px;background:#fff;padding:8px;border-radius:6px}img{display:block;max-width:620px;margin-top:6px}"
        ".finding{color:#b00}</style>"
        f"<h1>Every card, {len(results)} pictures</h1>" + "\n".join(rows)
    )


def keep_curated(out: Path) -> None:
    """Only the curated pictures are kept in git; the rest of the folder is ignored (it is made again)."""
    (out / ".gitignore").write_text(
        "# Written by tools/cards/pictures.py: only the curated pictures are committed.\n*\n!.gitignore\n"
        + "".join(f"!{name}.png\n" for name in CURATED)
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--out", type=Path, default=OUT, help=f"where the pictures go (default {OUT.relative_to(ROOT)})")
    p.add_argument("--only", default="", help="draw only the kinds whose name contains this")
    p.add_argument("--now", default=NOW.isoformat(), help="the scenario's time (ISO 8601)")
    p.add_argument("--payloads-only", action="store_true", help="write payloads.json, draw nothing")
    args = p.parse_args(argv)
    now = datetime.fromisoformat(args.now)
    kinds = KINDS  # all of them, always: a later kind may read what an earlier one did (a decided gate)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    clock: Callable[[], float] = time.perf_counter
    started = clock()
    with tempfile.TemporaryDirectory() as tmp:
        scenario = Scenario.seeded(Path(tmp), now)
        seeded = clock()
        built = build(scenario, kinds)
        built.items = [item for item in built.items if args.only in item["kind"]]
        scenario.rounds.sessions.kw["bind"].dispose()
    payloads = out / "payloads.json"
    payloads.write_text(json.dumps(built.items, ensure_ascii=False))
    made = clock()
    print(
        f"{len(built.items)} payloads from {len(kinds)} kinds: seeded in {seeded - started:.1f} s, built in {made - seeded:.1f} s"
    )
    for f in built.failed:
        print(f"not built: {f}", file=sys.stderr)
    if args.payloads_only:
        return 1 if built.failed else 0
    results = draw(payloads, out)
    drawn = clock()
    write_index(out, results, built.failed, now)
    if out == OUT:
        keep_curated(out)
        for name in CURATED:
            if args.only in name and not (out / f"{name}.png").exists():
                print(f"curated picture {name}.png was not drawn: check CURATED against KINDS", file=sys.stderr)
    findings = [(r["file"], n) for r in results for n in r["findings"]]
    print(f"{len(results)} pictures in {out} in {drawn - made:.1f} s; index: {out / 'index.html'}")
    for file, note in findings:
        print(f"  {file}: {note}")
    return 1 if built.failed else 0


if __name__ == "__main__":
    sys.exit(main())
