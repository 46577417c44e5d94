"""Training text for the patient-name tagger from outis 0.2.1 (PyPI, Apache-2.0; frames and generated text CC0-1.0),
unzipped at DL/outis (``pip download --no-deps outis==0.2.1``), filled with many more names than the evaluation sets.

STRICT split rule. Several outis sources are evaluation items (bench/phi/sources/more_fills.py, faker_fills.py,
outis_more.py, outis_rest.py), each frame under a ``group`` id, split by ``bench.phi.grow.split_of(group)``. Here a
frame is used only when its group id, computed exactly as those scripts compute it, is a development group
(asserted before the frame is filled); a frame whose group is a report group is never filled, and no text of one is
printed. outis_more.py's leakage guard is replayed in the script's own order, so a generalization / v13 /
name_contrastive frame gets the very group id it got there; a frame that guard left out (like an older frame) is
not used. Generators the sets never used are not used either (see the list below).

What is used (all development groups):
* narrative.py FRAMES person (patient) / clinician (staff: negative), NARRATIVE_FRAMES (patient and clinician),
  NEGATIVE_FRAMES (no person); coverage.py FRAMES person / clinician;
* generalization.py FRAMES NAME (the patient's frames; the clinician's and nurse's as negatives);
* v13/contexts.py FAMILIES with a patient (a clinician in them is a negative);
* name_contrastive.py HUMAN_FRAMES with the role patient (positive) and, in the same development frames, the roles
  clinician and nurse (negatives); the caregiver role is left out (a relative: neither);
* remediation.py short notes of the template families that are development items' groups (other seeds than the
  sets' fills; a "Dr." name is a negative) and their PHI-free twins; remediation_development.py notes and
  negatives of families that are development items' groups (the relative's name is left out). Three dev-hashing
  remediation families that outis_rest.py's leakage guard left out of the sets, and remediation_development's
  families the sets never generated, are not used;
* not used: augment.py (never used by the sets, but 25 of its first 30 rows have a sentence like a frame the sets
  used, by outis_rest.py's leakage guard), alias_contrastive.py / nominal_alias.py (their caption and alias frames
  are shared across the row families the sets split on), compositional.py (needs tiktoken's encoding).

Names: outis's own (generalization.person, coverage VOCAB, augment IDENTITIES, remediation NAME_POOLS) and Faker's
(many locales) in several forms. Nothing here is printed but counts.
"""

from __future__ import annotations

import importlib
import json
import random
import string
import sys
import types
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from faker import Faker

# The scripts that made the evaluation items (bench scripts, outside the type-checked packages): their frame readers,
# group rules and leakage guard are used as they are, so a frame's group id here is the one it got there.
split_of = importlib.import_module("bench.phi.grow").split_of
_more_fills = importlib.import_module("bench.phi.sources.more_fills")
_outis_more = importlib.import_module("bench.phi.sources.outis_more")
_literals = _more_fills._literals
_GEN_KIND, _NOT_PATIENT, _STAFF = _outis_more._KIND, _outis_more._NOT_PATIENT, _outis_more._STAFF
FrameLeakage = _outis_more.Leakage

DL = Path("/work/dl")
GEN = "outis/data/generators"
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "tr_TR", "en_IN",
           "en_AU", "fi_FI", "hu_HU", "ro_RO", "cs_CZ", "da_DK", "no_NO", "ga_IE", "en_IE", "en_CA", "fr_CA"]  # fmt: skip

Span = tuple[int, int]
# (group, text, patient-name spans, spans to leave out) — every other candidate of the text is a negative.
Sample = tuple[str, str, list[Span], list[Span]]


def _dev(group: str) -> bool:
    return bool(split_of(group) == "dev")


def _dev_item_groups() -> set[str]:
    """The groups of the development items (only the split and group keys of a row are looked at)."""
    out: set[str] = set()
    for name in ("phi", "clean"):
        with open(Path(__file__).resolve().parents[1] / "bench" / "phi" / f"{name}.jsonl", encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    it = json.loads(line)
                    if it["split"] == "dev":
                        out.add(it.get("group", it["id"]))
    return out


def fill(frame: str, values: dict[str, str]) -> tuple[str, dict[str, list[Span]]]:
    """The frame with its placeholders filled, and where each placeholder's value landed."""
    out: list[str] = []
    at = 0
    spans: dict[str, list[Span]] = {}
    for lit, field, _, _ in string.Formatter().parse(frame):
        out.append(lit)
        at += len(lit)
        if field is not None:
            v = values[field]
            spans.setdefault(field, []).append((at, at + len(v)))
            out.append(v)
            at += len(v)
    return "".join(out), spans


def _modules(dl: Path) -> dict[str, types.ModuleType]:
    sys.path.insert(0, str(dl / "outis"))
    sys.modules.setdefault("tiktoken", types.ModuleType("tiktoken"))  # imported at top, unused by what is called
    gen = "outis.data.generators."
    mods = {name: importlib.import_module(gen + name) for name in ("augment", "coverage", "generalization")}
    mods |= {name: importlib.import_module(gen + name) for name in ("remediation", "remediation_development")}
    mods["v13"] = importlib.import_module("outis.data.v13.contexts")
    return mods


class Names:
    """Made-up names from outis's own lists and Faker's, in the forms notes write them."""

    def __init__(self, mods: dict[str, types.ModuleType]) -> None:
        self.g = mods["generalization"]
        firsts: set[str] = set()
        lasts: set[str] = set()
        for part in ("train", "validation"):
            for src in (mods["coverage"].VOCAB[part], mods["augment"].IDENTITIES[part]):
                firsts.update(src["first"])
                lasts.update(src["last"])
        for pool_firsts, pool_lasts in mods["remediation"].NAME_POOLS:
            firsts.update(pool_firsts)
            lasts.update(pool_lasts)
        self.firsts, self.lasts = sorted(firsts), sorted(lasts)
        self.fakers = {loc: Faker(loc) for loc in LOCALES}

    def __call__(self, rng: random.Random) -> str:
        pick = rng.random()
        if pick < 0.2:
            return str(self.g.person(rng))
        if pick < 0.45:
            first, last = rng.choice(self.firsts), rng.choice(self.lasts)
        else:
            f = self.fakers[rng.choice(LOCALES)]
            f.seed_instance(rng.randrange(1 << 30))
            first, last = f.first_name(), f.last_name()
        form = rng.random()
        if form < 0.4:
            return f"{first} {last}"
        if form < 0.5:
            return f"{last}, {first}"
        if form < 0.6:
            return f"{first[0]}. {last}"
        if form < 0.7:
            return f"{first} {last}".upper()
        if form < 0.85:
            return first
        if form < 0.9:
            return f"{first} {last[0]}."
        return f"{first} {rng.choice(self.firsts)[0]}. {last}"


def _frames(dl: Path, names: Names, rng: random.Random, per: int) -> Iterator[Sample]:
    """narrative.py and coverage.py frames of development groups (more_fills.py's group ids)."""
    for path, prefix in (("narrative.py", "outis"), ("coverage.py", "outis-coverage")):
        lit = _literals(dl / "outis" / GEN / path)
        for part in ("train", "validation"):
            todo: list[tuple[str, str]] = []
            for kind, texts in lit["FRAMES"][part].items():
                if kind in ("person", "clinician"):
                    todo += [(f"{prefix}-{part}-{kind}-{j + 1}", t) for j, t in enumerate(texts)]
            if path == "narrative.py":
                for name in ("narrative", "negative"):
                    key = "NARRATIVE_FRAMES" if name == "narrative" else "NEGATIVE_FRAMES"
                    todo += [(f"{prefix}-{part}-{name}-{j + 1}", t) for j, t in enumerate(lit[key][part])]
            for group, frame in todo:
                if not _dev(group):
                    continue  # a report group's frame: never filled
                assert split_of(group) == "dev"
                for _ in range(per if "{name}" in frame or "{clinician}" in frame else 1):
                    values = _values(names, rng)
                    text, spans = fill(frame, values)
                    yield "outis:" + group, text, spans.get("name", []), []


def _values(names: Names, rng: random.Random) -> dict[str, str]:
    return {
        "name": names(rng),
        "clinician": rng.choice(["Dr. ", "Dr ", "", "Nurse "]) + names(rng),
        "location": rng.choice(["Riverton", "Lakeside", "Northfield", "Ashby"]),
        "facility": rng.choice(["Riverside Community Hospital", "Northgate Family Practice", "Lakeshore Clinic"]),
        "date": "12 March 2023",
        "pmid": str(rng.randrange(10_000_000, 39_000_000)),
        "year": str(rng.randrange(1995, 2025)),
    }


def _generalization_v13_contrastive(
    dl: Path, mods: dict[str, types.ModuleType], names: Names, rng: random.Random, per: int
) -> Iterator[Sample]:
    """outis_more.py's three generators, its leakage guard replayed in its order so each frame gets its group id."""
    guard = FrameLeakage(dl)
    lit = _literals(dl / "outis" / GEN / "generalization.py")
    use: list[tuple[str, str, str]] = []  # (group, frame, how)
    for kind, frames in lit["FRAMES"].items():
        for j, frame in enumerate(frames):
            if kind == "NAME" and _NOT_PATIENT.search(frame):
                if _STAFF.search(frame):
                    use.append((f"outis-gen-generalization-clinician-{j + 1}", frame, "staff"))
                continue
            if kind not in _GEN_KIND or (kind in ("PHONE", "EMAIL") and _NOT_PATIENT.search(frame)):
                continue
            group = guard.group(frame, f"outis-gen-generalization-{kind.lower()}-{j + 1}")
            if group is not None and kind == "NAME":
                use.append((group, frame, "patient"))
    for j, frame in enumerate(lit["IDENTIFIER_FRAMES"]):
        guard.group(frame, f"outis-gen-generalization-identifier-{j + 1}")  # (only to replay the guard's state)
    ops = lit["OPERATORS"]
    for group, frame, how in use:
        if not _dev(group):
            continue
        assert split_of(group) == "dev"
        for _ in range(per):
            text, spans = fill(frame, {"v": names(rng), "op": rng.choice(ops)})
            yield "outis:" + group, text, spans["v"] if how == "patient" else [], []
    contexts = mods["v13"]
    g = mods["generalization"]
    for fam in contexts.FAMILIES:
        if "{patient}" not in fam.template:
            continue
        group = guard.group(fam.template, f"outis-gen-v13-{fam.family_id}")
        if group is None or not _dev(group):
            continue
        assert split_of(group) == "dev"
        for _ in range(per):
            values = {
                "patient": names(rng),
                "clinician": "Dr. " + names(rng),
                "date_a": "March 2021",
                "date_b": "June 2021",
                "public_date": "2019",
                "interval_days": str(rng.randrange(35, 200)),
                "care_site": g.identity_word(rng) + " " + rng.choice(g.CARE_SUFFIXES),
                "public_site": g.identity_word(rng) + " " + rng.choice(g.CARE_SUFFIXES),
                "place": g.identity_word(rng),
            }
            for same in fam.same_value_groups:
                for key in same[1:]:
                    values[key] = values[same[0]]
            text, spans = fill(fam.template, values)
            yield "outis:" + group, text, spans.get("patient", []), []
    nc = _literals(dl / "outis" / GEN / "name_contrastive.py")
    for part, frames in nc["HUMAN_FRAMES"].items():
        for j, frame in enumerate(frames):
            as_patient = frame.replace("{role}", "patient").replace("{title}", "Patient")
            group = guard.group(as_patient, f"outis-gen-namecontrastive-{part}-{j + 1}")
            if group is None or not _dev(group):
                continue
            assert split_of(group) == "dev"
            for k in range(per):
                role = ("patient", "patient", "clinician", "nurse")[k % 4]
                verb = rng.choice(nc["PREDICATES"][role])
                text, spans = fill(frame, {"v": names(rng), "role": role, "title": nc["TITLE"][role], "verb": verb})
                text = text[0].upper() + text[1:]
                yield "outis:" + group, text, spans["v"] if role == "patient" else [], []


def _row_sample(group: str, row: dict[str, Any], leave_out: set[str]) -> Sample:
    """A generated note: its NAME spans are the patient's, except a "Dr." name (staff: a negative) and the names in
    ``leave_out`` (a relative: neither); a name of another person the package marks is left out."""
    text = row["text"]
    pos: list[Span] = []
    skip: list[Span] = []
    mentions = iter(row.get("name_mentions") or [])
    for s in row["spans"]:
        if s["label"] != "NAME":
            continue
        owner = next(mentions, {"person": "primary"})["person"] if row.get("name_mentions") else "primary"
        value = text[s["start"] : s["end"]]
        if (
            text[max(0, s["start"] - 4) : s["start"]] in ("Dr. ", "Dr ")
            or text[max(0, s["start"] - 3) : s["start"]] == "Dr "
        ):
            continue  # a clinician: a negative
        if value in leave_out or owner != "primary":
            skip.append((s["start"], s["end"]))
        else:
            pos.append((s["start"], s["end"]))
    return "outis:" + group, text, pos, skip


def _notes(dl: Path, mods: dict[str, types.ModuleType], rows_per_family: int) -> Iterator[Sample]:
    """Other fills of the note families that are development items' groups: a family outis_rest.py generated but
    left out (every passage like an older frame, which may be a report frame's) or never generated is not used."""
    in_sets = _dev_item_groups()
    r = mods["remediation"]
    for seed_k in range(rows_per_family):
        seed = r.SEED + 1000 + seed_k  # (not the sets' seed: other fills of the same families)
        for i in range(96):
            row = r._short_row(i, i, seed=seed, negative=False, unusual=seed_k % 2 == 1, paired=True)
            group = "outis-gen-remediation-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace(
                "_", ""
            )
            if not _dev(group) or group not in in_sets:
                continue
            assert split_of(group) == "dev"
            yield _row_sample(group, row, set())
            if i % 3 == 0:
                neg = r._short_row(i + 1, i, seed=seed, negative=True, unusual=False, paired=True)
                yield "outis:" + group, neg["text"], [], []
    d = mods["remediation_development"]
    seed = d.DEFAULT_SEED + 7
    ids = d._identities(72, seed)
    for pair in range(72):
        for variant in (0, 1):
            row = d._short_positive(ids[pair], pair, variant, seed)
            group = "outis-gen-remediationdev-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace(
                "_", ""
            )
            if not _dev(group) or group not in in_sets:
                continue
            assert split_of(group) == "dev"
            yield _row_sample(group, row, {d._relative(pair)})
    for i in range(24):
        row = d._negative(i, seed)
        group = "outis-gen-remediationdev-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace("_", "")
        if _dev(group) and group in in_sets:
            yield "outis:" + group, row["text"], [], []


def samples(dl: Path = DL, per: int = 12, rows_per_family: int = 4) -> list[Sample]:
    mods = _modules(dl)
    names = Names(mods)
    rng = random.Random(20261208)
    out = list(_frames(dl, names, rng, per))
    out += _generalization_v13_contrastive(dl, mods, names, rng, per)
    out += _notes(dl, mods, rows_per_family)
    return out


def main() -> None:
    from collections import Counter

    got = samples()
    by = Counter(g.split("-")[1] if g.startswith("outis:outis-gen") else g.split(":")[1].split("-")[0] for g, *_ in got)
    pos = sum(1 for _, _, p, _ in got if p)
    print(f"{len(got)} texts ({pos} naming a patient) from {len({g for g, *_ in got})} development groups; {dict(by)}")


if __name__ == "__main__":
    main()
