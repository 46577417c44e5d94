"""Score the guard with the name tagger trained with outis text (tools/train_outis_tagger.py, weights
bench/phi/name_tagger_outis.json unless --weights PATH) added where the rules found no patient's name, next to the
rules alone: name_frames_probe and staff_frames_probe (tune and check halves: counts only), pmo_probe's halves
(counts), the regression corpus and the development sets (in-sample: the tagger was trained on them; the grouped
cross-validation of tools/train_outis_tagger.py --cv gives the held-out figure), and speed.

    cd /work/wt/<tree> && PYTHONPATH=.:FAKER /work/main/.venv/bin/python -m bench.phi.outis_tagger_probe [--no-speed]

Prints counts and timings only (never a text).
"""

from __future__ import annotations

import sys
from pathlib import Path

from bench.phi import name_tagger as tagger
from bench.phi.name_tagger_probe import _dev, _scanner, speed

OUTIS_WEIGHTS = Path(__file__).resolve().parent / "name_tagger_outis.json"


def figures(on: bool) -> None:
    from bench.phi import name_frames_probe, pmo_probe, staff_frames_probe  # (Faker: bench-only)

    scan = _scanner(on)
    print(f"--- {'rules + tagger' if on else 'rules alone'} ---")

    def caught(text: str, span: tuple[int, int]) -> bool:
        return any(x.kind == "patient-name" and x.start < span[1] and x.end > span[0] for x in scan(text))

    for label, frames, seed, per in (
        ("patient", name_frames_probe.PATIENT, 31, 4),
        ("clean", name_frames_probe.CLEAN, 37, 3),
    ):
        for half in (0, 1):
            part = [x for x in name_frames_probe.fills(frames, seed, per) if x[0] % 2 == half]
            if label == "patient":
                bad = sum(1 for x in part if not caught(x[2], x[3]))
            else:
                bad = sum(1 for x in part if scan(x[2]))
            what = "missed" if label == "patient" else "refused"
            print(f"  name_frames {label:7} {('tune', 'check')[half]:5}: {what} {bad}/{len(part)}")
    for half in (0, 1):
        part = [x for x in staff_frames_probe.fills() if x[0] % 2 == half]
        print(f"  staff_frames {('tune', 'check')[half]:5}: refused {sum(1 for x in part if scan(x[2]))}/{len(part)}")
    clean = pmo_probe.clean_texts()
    for half in ("tune", "check"):
        texts = [t for _, t in clean if pmo_probe.half_of(t) == half]
        phi_texts = [t for _, t in pmo_probe.PHI_FIXED if pmo_probe.half_of(t) == half]
        print(
            f"  pmo_probe {half:5}: clean refused {sum(1 for t in texts if scan(t))}/{len(texts)}, "
            f"PHI refused {sum(1 for t in phi_texts if scan(t))}/{len(phi_texts)}"
        )
    from tests import phi_corpus

    caught_n = sum(1 for t, _ in phi_corpus.ALL_PHI if scan(t))
    alarms = sum(1 for t, _ in phi_corpus.ALL_CLEAN if scan(t))
    print(
        f"  regression corpus: refused {caught_n}/{len(phi_corpus.ALL_PHI)}, false alarms {alarms}/{len(phi_corpus.ALL_CLEAN)}"
    )
    phi_items, clean_items = _dev("phi"), _dev("clean")
    names = [it for it in phi_items if "patient-name" in it["kinds"]]
    hit = sum(1 for it in names if any(f.kind == "patient-name" for f in scan(it["text"])))
    print(
        f"  dev (in-sample): recall {sum(1 for it in phi_items if scan(it['text']))}/{len(phi_items)}, "
        f"patient-name {hit}/{len(names)}, false alarms {sum(1 for it in clean_items if scan(it['text']))}/{len(clean_items)}"
    )


def main() -> None:
    path = Path(sys.argv[sys.argv.index("--weights") + 1]) if "--weights" in sys.argv else OUTIS_WEIGHTS
    tagger._MODEL = path
    tagger._model.cache_clear()
    if "--tagger-only" not in sys.argv:
        figures(False)
    figures(True)
    if "--no-speed" not in sys.argv:
        speed()


if __name__ == "__main__":
    main()
