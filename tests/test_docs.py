"""The repository stands on its own: its docs are in it, and they say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from commands.grammar.usage import USAGE

ROOT = Path(__file__).resolve().parents[1]


def test_the_grammar_doc_lists_every_usage_line() -> None:
    doc = (ROOT / "docs" / "GRAMMAR.md").read_text()
    missing = [line for lines in USAGE.values() for line in lines if line not in doc]
    assert missing == [], f"docs/GRAMMAR.md is behind the grammar: run `python docs/make_grammar.py` ({missing[:3]})"


def test_docs_link_only_to_what_a_clone_has() -> None:
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        for target in re.findall(r"\]\(([^)#]+)[^)]*\)", doc.read_text()):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            assert (doc.parent / target).exists(), f"{doc.relative_to(ROOT)} links to {target}, which a clone lacks"
