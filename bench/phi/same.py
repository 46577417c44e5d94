"""Check that a change to the PHI guard changes no finding.

    python -m bench.phi.same save /tmp/phi_before.json      # findings of every text, before the change
    python -m bench.phi.same compare /tmp/phi_before.json   # after: prints only how many texts differ

The texts are every item of bench/phi/phi.jsonl and clean.jsonl (both splits), the regression corpus
(tests/phi_corpus.py) and the 500-character notes the speed figure is measured on. The saved file holds the
findings (kind, start, end) only, keyed by position, and belongs outside the repository; nothing prints a text.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.phi.__main__ import load  # noqa: E402
from commands.phi import scan  # noqa: E402


def texts() -> list[str]:
    from tests import phi_corpus as corpus

    items = load("phi") + load("clean")
    out = [it["text"] for it in items]
    out += [text for text, _ in corpus.CORPUS]
    blob = " ".join(out[: len(items)])
    out += [blob[i : i + 500] for i in range(0, len(blob) - 500, 500)]
    return out


def findings() -> list[list[tuple[str, int, int]]]:
    return [[(f.kind, f.start, f.end) for f in scan(text)] for text in texts()]


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    now = findings()
    if mode == "save":
        path.write_text(json.dumps(now), encoding="utf-8")
        print(f"saved the findings of {len(now)} texts")
    elif mode == "compare":
        before = [[tuple(f) for f in row] for row in json.loads(path.read_text(encoding="utf-8"))]
        if len(before) != len(now):
            print(f"text count changed: {len(before)} before, {len(now)} now")
            sys.exit(1)
        differ = sum(1 for a, b in zip(before, now, strict=True) if a != b)
        print(f"{differ} of {len(now)} texts differ")
        sys.exit(1 if differ else 0)
    else:
        sys.exit("usage: python -m bench.phi.same save|compare FILE")


if __name__ == "__main__":
    main()
