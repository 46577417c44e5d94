"""Score the guard with the statistical name tagger (bench/phi/name_tagger.py) added, next to the guard as it is:
the names probe's halves, the PMO probe's halves, the development sets (in-sample: the tagger was trained on them;
tools/train_name_tagger.py --cv gives the held-out figure), speed and the cost of loading the weights.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.name_tagger_probe [--no-speed]

The tagger is added as it would be in commands/phi/__init__.py's _all_spans: a patient's name wherever the rules
found none in the text. Prints counts and timings only (never a text).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import commands.phi as phi
from bench.phi import name_tagger as tagger
from bench.phi.__main__ import HERE, _text_caches

_rules_all_spans = phi._all_spans
_NAME_PRIO = 11  # patient-name's place in _all_spans' groups


def _with_tagger(text: str) -> list[tuple[int, int, int, str]]:
    spans = _rules_all_spans(text)
    if any(kind == "patient-name" for *_, kind in spans):
        return spans
    return spans + [(s, e, _NAME_PRIO, "patient-name") for s, e in tagger.find_tagged_names(text)]


def _scanner(on: bool) -> Callable[[str], list[Any]]:
    def scan(text: str) -> list[Any]:
        phi._all_spans = _with_tagger if on else _rules_all_spans  # type: ignore[assignment]
        try:
            return phi.scan(text)
        finally:
            phi._all_spans = _rules_all_spans  # type: ignore[assignment]

    return scan


def _dev(name: str) -> list[dict[str, Any]]:
    out = []
    with open(HERE / f"{name}.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                it = json.loads(line)
                if it["split"] == "dev":
                    out.append(it)
    return out


def figures(on: bool) -> None:
    from bench.phi import name_shapes_probe, pmo_probe  # (Faker, a bench-only package: not on the tests' path)

    scan = _scanner(on)
    print(f"--- {'rules + tagger' if on else 'rules alone'} ---")
    for label, frames, seed, want in (
        ("patient", name_shapes_probe.PATIENT, 11, True),
        ("staff", name_shapes_probe.STAFF, 23, False),
    ):
        for half in (0, 1):
            part = [t for i, t in name_shapes_probe.fills(frames, seed) if i % 2 == half]
            bad = sum(1 for t in part if bool(scan(t)) != want)
            print(
                f"  names probe {label:7} {('tune', 'check')[half]:5}: {'missed' if want else 'refused'} {bad}/{len(part)}"
            )
    clean = pmo_probe.clean_texts()
    for half in ("tune", "check"):
        texts = [t for _, t in clean if pmo_probe.half_of(t) == half]
        phi_texts = [t for _, t in pmo_probe.PHI_FIXED if pmo_probe.half_of(t) == half]
        refused = sum(1 for t in texts if scan(t))
        caught = sum(1 for t in phi_texts if scan(t))
        print(f"  PMO probe {half:5}: clean refused {refused}/{len(texts)}, PHI refused {caught}/{len(phi_texts)}")
    from tests import phi_corpus
    from tests import test_phi_held_out_shapes as shapes

    caught = sum(1 for t, _ in phi_corpus.ALL_PHI if scan(t))
    alarms = sum(1 for t, _ in phi_corpus.ALL_CLEAN if scan(t))
    print(
        f"  regression corpus: refused {caught}/{len(phi_corpus.ALL_PHI)}, false alarms {alarms}/{len(phi_corpus.ALL_CLEAN)}"
    )
    alarms = sum(1 for t in shapes.PASSES if scan(t))
    print(f"  tests/test_phi_held_out_shapes.py PASSES: refused {alarms}/{len(shapes.PASSES)}")
    phi_items, clean_items = _dev("phi"), _dev("clean")
    names = [it for it in phi_items if "patient-name" in it["kinds"]]
    hit = sum(1 for it in names if any(f.kind == "patient-name" for f in scan(it["text"])))
    caught = sum(1 for it in phi_items if scan(it["text"]))
    alarms = sum(1 for it in clean_items if scan(it["text"]))
    print(
        f"  dev (in-sample): recall {caught}/{len(phi_items)}, patient-name {hit}/{len(names)}, "
        f"false alarms {alarms}/{len(clean_items)}"
    )


def speed() -> None:
    """scan's time per 500-character note of the development texts (best of 7, per-text caches emptied), and the
    tagger's own time on each note where it would run, added to it."""
    items = [it["text"] for it in _dev("phi") + _dev("clean")]
    blob = " ".join(items)
    notes = [blob[i : i + 500] for i in range(0, len(blob) - 500, 500)]
    caches = _text_caches()
    rules = _scanner(False)
    named = {n: any(f.kind == "patient-name" for f in rules(n)) for n in notes}

    def best(fn: Callable[[str], Any], note: str, before: Callable[[str], Any] | None = None) -> float:
        out = float("inf")
        for _ in range(7):
            for c in caches:
                c.cache_clear()
            if before:
                before(note)  # (the scan's own per-text caches, warm as they are when the tagger runs inside it)
            t0 = time.perf_counter()
            fn(note)
            out = min(out, time.perf_counter() - t0)
        return out

    base = [best(rules, n) for n in notes]
    added = [0.0 if named[n] else best(tagger.find_tagged_names, n, rules) for n in notes]
    both = [a + b for a, b in zip(base, added, strict=True)]

    def q(xs: list[float], p: float) -> float:
        return sorted(xs)[int(len(xs) * p)]

    print(
        f"speed, {len(notes)} development notes of 500 characters: scan p50 {statistics.median(base) * 1e3:.3f} "
        f"p99 {q(base, 0.99) * 1e3:.3f} ms; with the tagger p50 {statistics.median(both) * 1e3:.3f} "
        f"p99 {q(both, 0.99) * 1e3:.3f} ms; the tagger alone p50 {statistics.median(added) * 1e6:.1f} "
        f"p90 {q(added, 0.9) * 1e6:.1f} p99 {q(added, 0.99) * 1e6:.1f} us"
    )
    tagger._model.cache_clear()
    tracemalloc.start()
    t0 = time.perf_counter()
    weights, _ = tagger._model()
    load = time.perf_counter() - t0
    mem = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    print(
        f"weights: {len(weights)} in {tagger._MODEL.stat().st_size / 1024:.0f} KB of JSON, loaded in "
        f"{load * 1e3:.1f} ms, {mem / 2**20:.1f} MB of memory"
    )


def main() -> None:
    figures(False)
    figures(True)
    if "--no-speed" not in sys.argv:
        speed()


if __name__ == "__main__":
    main()
