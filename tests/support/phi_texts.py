"""Texts the PHI guard's shortcut tests read: the regression corpus and the development half of the evaluation sets
(never the report half, which is scored, not read)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from tests import phi_corpus

SETS = Path(__file__).resolve().parents[2] / "bench" / "phi"


def corpus_texts() -> list[str]:
    return [text for text, _ in phi_corpus.CORPUS]


@cache
def dev_texts() -> tuple[str, ...]:
    texts = []
    for path in sorted(SETS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            if item.get("split") == "dev":  # (never the report split)
                texts.append(item["text"])
    return tuple(texts)
