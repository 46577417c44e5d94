"""Train and measure the statistical patient-name tagger (bench/phi/name_tagger.py, an experiment not hooked into
the guard: see its docstring for the figures and why).

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m tools.train_name_tagger [--cv] [--write]

Training data (never a report item, never a probe's check half):
* development items of bench/phi (``split == "dev"``): in a text labelled with a patient's name, the candidates the
  current guard finds as a patient's name are positives and the others are left out (their label is unknown); in a
  text with no patient's name (a clean text, or a PHI text of other kinds) every candidate is a negative;
* the tune halves of the probes: name_shapes_probe's patient and staff frames (even frames), pmo_probe's tune half
  (clean: negatives; PHI: the guard's name findings), the clean tune frames of slot_probe and care_date_probe;
* made-up sentences (bench/phi/name_tagger_frames.py) filled with Faker names, the name's span known.

--cv: 5-fold cross-validation on the development items grouped by source (all fills of a frame share a source),
the probes and made-up sentences always in training: recall of name texts the rules miss, the tagger's own recall of
name texts, and false alarms on clean development texts. --write: train on everything and write
bench/phi/name_tagger.json. Prints counts only (never a text).
"""

from __future__ import annotations

import importlib
import json
import random
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from faker import Faker

from bench.phi.name_tagger import _CARE_GATE, _MODEL, features, near_care, vetoed
from bench.phi.name_tagger_frames import PATIENT as MY_PATIENT
from bench.phi.name_tagger_frames import STAFF as MY_STAFF
from commands.phi import scan
from commands.phi.lexicon import _candidates
from commands.phi.namewords import _contexts
from commands.phi.shared import has_any

ROOT = Path(__file__).resolve().parents[1]
LOCALES = ["en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "nl_NL", "pl_PL", "pt_BR", "sv_SE", "tr_TR", "en_IN",
           "en_AU", "fi_FI", "hu_HU", "ro_RO", "cs_CZ", "da_DK", "no_NO", "ga_IE"]  # fmt: skip

# A labelled candidate: (group, features, label, clean) — clean: from a text with no patient identifier at all.
Example = tuple[str, list[str], int, bool]


def dev_items(name: str) -> list[dict[str, Any]]:
    """The development items of one file; report items are skipped unread (only the split key is looked at)."""
    out = []
    with open(ROOT / "bench" / "phi" / f"{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                it = json.loads(line)
                if it["split"] == "dev":
                    out.append(it)
    return out


def _candidate_examples(text: str, positive: list[tuple[int, int]] | None, group: str, clean: bool) -> list[Example]:
    """Each candidate of the text with its label: positive when it overlaps a known name span; with ``positive``
    None every candidate is a negative; candidates of a text with names but not overlapping one are left out when
    the spans are the guard's (weak) ones, marked by a group starting "weak:"."""
    lists = _contexts(text)
    out = []
    for start, end, kinds in _candidates(text):
        if vetoed(text, start, end, kinds):
            continue  # (the rules' signs of a colleague, a place or an eponym decide these, as at run time)
        feats = features(text, start, end, kinds, lists)
        if positive is None:
            out.append((group, feats, 0, clean))
        elif any(s < end and start < e for s, e in positive):
            out.append((group, feats, 1, clean))
        elif not group.startswith("weak:"):
            out.append((group, feats, 0, clean))
    return out


def _guard_names(text: str) -> list[tuple[int, int]]:
    return [(f.start, f.end) for f in scan(text) if f.kind == "patient-name"]


def name_forms(f: Faker) -> list[str]:
    return [
        f"{f.first_name()[0]}. {f.last_name()}",
        f"{f.first_name()} {f.last_name()}".upper(),
        f.first_name(),
        f"{f.last_name()}, {f.first_name()}",
        f"{f.first_name()} {f.last_name()}",
    ]


def filled(frames: list[str], seed: int, label: int, group: str, per: int = 3) -> list[Example]:
    """Frames filled with made-up names in five forms, ``per`` locales each; the name's span known."""
    rng = random.Random(seed)
    out: list[Example] = []
    for i, frame in enumerate(frames * per):
        f = Faker(rng.choice(LOCALES))
        f.seed_instance(seed * 1000 + i)
        for n in name_forms(f):
            at = frame.index("{n}")
            text = frame.replace("{n}", n)
            out.extend(_candidate_examples(text, [(at, at + len(n))] if label else None, group, not label))
    return out


def probe_examples() -> list[Example]:
    """The tune halves of the probes, and the made-up sentences."""
    # (imported by name: the probes are bench scripts, outside the type-checked packages)
    care_date_probe, name_shapes_probe, pmo_probe, slot_probe = (
        importlib.import_module(f"bench.phi.{name}")
        for name in ("care_date_probe", "name_shapes_probe", "pmo_probe", "slot_probe")
    )

    out = filled([fr for i, fr in enumerate(name_shapes_probe.PATIENT) if i % 2 == 0], 101, 1, "probe:names")
    out += filled([fr for i, fr in enumerate(name_shapes_probe.STAFF) if i % 2 == 0], 102, 0, "probe:names")
    out += filled(MY_PATIENT, 103, 1, "made-up")
    out += filled(MY_STAFF, 104, 0, "made-up")
    for _, text in pmo_probe.clean_texts():
        if pmo_probe.half_of(text) == "tune":
            out += _candidate_examples(text, None, "probe:pmo", True)
    for kind, text in pmo_probe.PHI_FIXED:
        if pmo_probe.half_of(text) == "tune" and kind == "patient-name":
            out += _candidate_examples(text, _guard_names(text), "weak:probe:pmo", False)
    for i, _, text in slot_probe.fills(slot_probe.CLEAN, 29, True):
        if i % 2 == 0:
            out += _candidate_examples(text, None, "probe:slot", True)
    for i, text in care_date_probe.fills(care_date_probe.CLEAN, 11):
        if i % 2 == 0:
            out += _candidate_examples(text, None, "probe:care-date", True)
    return out


def dev_examples() -> tuple[list[Example], list[dict[str, Any]], list[dict[str, Any]]]:
    phi, clean = dev_items("phi"), dev_items("clean")
    out: list[Example] = []
    for it in phi:
        if "patient-name" in it["kinds"]:
            out += _candidate_examples(it["text"], _guard_names(it["text"]), "weak:" + it["source"], False)
        else:
            out += _candidate_examples(it["text"], None, it["source"], False)
    for it in clean:
        out += _candidate_examples(it["text"], None, it["source"], True)
    return out, phi, clean


def train(examples: list[Example], epochs: int = 12, rate: float = 0.2, l2: float = 1e-4) -> dict[str, float]:
    """Logistic regression by stochastic gradient descent (AdaGrad steps), the classes weighted to balance."""
    import math

    rng = random.Random(7)
    pos = sum(1 for e in examples if e[2])
    neg = len(examples) - pos
    w_pos, w_neg = len(examples) / (2 * max(1, pos)), len(examples) / (2 * max(1, neg))
    weights: dict[str, float] = defaultdict(float)
    grad_sq: dict[str, float] = defaultdict(lambda: 1e-6)
    order = list(range(len(examples)))
    for _ in range(epochs):
        rng.shuffle(order)
        for i in order:
            _, feats, label, _ = examples[i]
            z = sum(weights[x] for x in feats)
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - label) * (w_pos if label else w_neg)
            for x in feats:
                gx = g + l2 * weights[x]
                grad_sq[x] += gx * gx
                weights[x] -= rate * gx / math.sqrt(grad_sq[x])
    return {k: round(v, 3) for k, v in weights.items() if abs(v) >= 0.005}


def logit(weights: dict[str, float], feats: list[str]) -> float:
    return sum(weights.get(x, 0.0) for x in feats)


def threshold_of(weights: dict[str, float], examples: list[Example], margin: float) -> float:
    """Over every clean negative of the training data by ``margin``: the tagger may add no false alarm there."""
    return max(logit(weights, e[1]) for e in examples if e[3] and not e[2]) + margin


def _text_score(text: str, weights: dict[str, float]) -> float:
    """The highest logit of the text's candidates (minus infinity with none)."""
    if not has_any(text, _CARE_GATE):
        return -1e9  # (the run-time gate: a text with no word of a person's care is not read)
    lists = _contexts(text)
    return max(
        (
            logit(weights, features(text, s, e, kinds, lists))
            for s, e, kinds in _candidates(text)
            if near_care(s, e, lists) and not vetoed(text, s, e, kinds)
        ),
        default=-1e9,
    )


def cross_validate(folds: int = 5, l2: float = 1e-4, show: bool = False) -> None:
    dev, phi, clean = dev_examples()
    extra = probe_examples()
    sources = sorted({it["source"] for it in phi + clean})
    size: dict[str, int] = defaultdict(int)
    for it in phi + clean:
        size[it["source"]] += 1
    fold_of: dict[str, int] = {}
    load = [0] * folds
    for s in sorted(sources, key=lambda s: -size[s]):
        k = load.index(min(load))
        fold_of[s] = k
        load[k] += size[s]
    rules = {it["id"]: bool(_guard_names(it["text"])) for it in phi if "patient-name" in it["kinds"]}
    # each held-out text's best candidate, over the threshold with no margin (the fold's clean negatives' top)
    missed: list[float] = []
    caught: list[float] = []
    alarms: list[float] = []
    for k in range(folds):
        train_ex = [e for e in dev if fold_of[e[0].removeprefix("weak:")] != k] + extra
        weights = train(train_ex, l2=l2)
        base = threshold_of(weights, train_ex, 0.0)
        for it in phi:
            if fold_of[it["source"]] == k and "patient-name" in it["kinds"]:
                (caught if rules[it["id"]] else missed).append(_text_score(it["text"], weights) - base)
        for it in clean:
            if fold_of[it["source"]] == k:
                sc = _text_score(it["text"], weights) - base
                alarms.append(sc)
                if show and sc > 0:
                    print(f"  held-out clean text over the threshold by {sc:.2f}: [{it['id']}]")
    print(f"l2 {l2}: margin  new/{len(missed)} (rules miss)  alone/{len(missed) + len(caught)}  FA/{len(alarms)}")
    for m in (-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0, 4.0, 6.0):
        new = sum(1 for x in missed if x > m)
        alone = new + sum(1 for x in caught if x > m)
        print(f"  {m:4.1f}  {new:3}  {alone:4}  {sum(1 for x in alarms if x > m):3}")


def write(margin: float, l2: float) -> None:
    dev, _, _ = dev_examples()
    examples = dev + probe_examples()
    weights = train(examples, l2=l2)
    thr = threshold_of(weights, examples, margin)
    data = {
        "about": "Patient-name tagger weights (logistic regression over bench/phi/name_tagger.py's features); "
        "written by tools/train_name_tagger.py from development items, probe tune halves and made-up sentences.",
        "threshold": round(thr, 3),
        "weights": dict(sorted(weights.items())),
    }
    _MODEL.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    pos = sum(1 for e in examples if e[2])
    print(f"{len(examples)} candidates ({pos} positives), {len(weights)} weights, threshold {thr:.3f}")


def main() -> None:
    if "--cv" in sys.argv:
        for l2 in (1e-4, 1e-3, 1e-2):
            cross_validate(l2=l2, show="--show" in sys.argv and l2 == 1e-4)
    if "--write" in sys.argv:
        # (the defaults: the setting whose cross-validation added recall with no false alarm, see the docstring)
        margin = float(sys.argv[sys.argv.index("--margin") + 1]) if "--margin" in sys.argv else 4.0
        write(margin, float(sys.argv[sys.argv.index("--l2") + 1]) if "--l2" in sys.argv else 1e-3)


if __name__ == "__main__":
    main()
