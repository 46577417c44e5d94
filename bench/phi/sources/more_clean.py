"""Grow the clean set from health-IT packages' changelogs and documentation prose (PMO-like text about EHR and
FHIR projects: releases, de-identification pipelines, chart review, setup), taken as the packages ship them.

    pip download --no-deps --no-binary :all: hl7==0.4.5 cumulus-etl==4.3.6 -d DL/sd   (unpack under DL/sd)
    npm pack fhirclient@2.6.3 (unpack under DL/npm/fhirclient-2.6.3)
    python bench/phi/sources/more_clean.py DL

Changelog items: one bulleted entry each (grow.py's rule). Documentation items: one sentence of prose each, from
paragraphs outside code blocks, front matter, tables and headings; markup and link targets removed; sentences
under 40 characters or with URLs left out.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import _changelog_lines, append  # noqa: E402

_MD = re.compile(r"`+|\*\*|\*|:\w+:|\[([^\]]*)\]\([^)]*\)|<[^>]+>")


def _bullets(path: Path) -> list[str]:
    """Bulleted entries of an .rst changelog, each with its wrapped continuation lines joined."""
    out: list[str] = []
    cur: list[str] | None = None
    for raw in [*path.read_text(encoding="utf-8", errors="replace").splitlines(), ""]:
        m = re.match(r"^(\s*)[-*+] (.*)", raw)
        if m:
            if cur:
                out.append(" ".join(cur))
            cur = [m.group(2).strip()]
        elif cur is not None and raw.strip() and raw.startswith("  ") and not raw.strip().startswith(".. "):
            cur.append(raw.strip())
        else:
            if cur:
                out.append(" ".join(cur))
            cur = None
    texts = []
    for t in out:
        t = _MD.sub(lambda m: m.group(1) or "", t).replace("~", "").strip()
        t = re.sub(r"\s{2,}", " ", t)
        if len(t) >= 25 and "http" not in t and "@" not in t:
            texts.append(t)
    return texts


def _doc_sentences(path: Path) -> list[str]:
    out, para, fenced, front = [], [], False, False
    lines = path.read_text(encoding="utf-8").splitlines()
    for i, raw in enumerate([*lines, ""]):
        s = raw.strip()
        if i == 0 and s == "---":
            front = True
            continue
        if front:
            front = s != "---"
            continue
        if s.startswith("```"):
            fenced = not fenced
            continue
        if fenced or s.startswith(("#", "|", ">", "    ")) or raw.startswith("    ") or not s:
            if para:
                text = _MD.sub(lambda m: m.group(1) or "", " ".join(para))
                out += [x.strip() for x in re.split(r"(?<=[.!?])\s+(?=[A-Z(])", text)]
                para = []
            continue
        para.append(re.sub(r"^(?:[-*+]|\d+\.)\s+", "", s))
    return [x for x in out if len(x) >= 40 and "http" not in x and "@" not in x]


SOURCES = [
    # (source, package, path under DL, licence, kind)
    ("hl7-python-changelog", "hl7==0.4.5 (PyPI sdist)", "sd/hl7-0.4.5/docs/changelog.rst", "BSD-3-Clause", "log"),
    (
        "smart-fhirclient-js-changelog",
        "fhirclient@2.6.3 (npm)",
        "npm/fhirclient-2.6.3/package/changelog.md",
        "Apache-2.0",
        "log",
    ),
]
for doc in (
    "deid.md",
    "chart-review.md",
    "bulk-exports.md",
    "performance.md",
    "local-setup.md",
    "manual-review.md",
    "index.md",
    "setup/index.md",
    "setup/initialization.md",
    "setup/aws.md",
):
    SOURCES.append(
        ("cumulus-etl-docs", "cumulus-etl==4.3.6 (PyPI sdist)", f"sd/cumulus_etl-4.3.6/docs/{doc}", "Apache-2.0", "doc")
    )


SOURCES.append(
    ("pydicom-release-notes", "pydicom==3.0.2 (PyPI sdist)", "sd/pydicom-3.0.2/doc/release_notes/v*.rst", "MIT", "rst")
)
SOURCES.append(
    (
        "pynetdicom-changelog",
        "pynetdicom==3.0.4 (PyPI sdist)",
        "sd/pynetdicom-3.0.4/docs/changelog/v*.rst",
        "MIT",
        "rst",
    )
)


def main() -> None:
    dl = Path(sys.argv[1])
    items, n = [], {}
    expanded = []
    for source, package, path, licence, kind in SOURCES:
        # A pattern stands for every file it names, in version order (v1.10 after v1.9).
        paths = sorted(dl.glob(path), key=lambda f: [int(x) for x in re.findall(r"\d+", f.name)])
        expanded += [(source, package, str(f.relative_to(dl)), licence, kind) for f in paths]
    for source, package, path, licence, kind in expanded:
        texts = (
            _changelog_lines(dl / path)
            if kind == "log"
            else _bullets(dl / path)
            if kind == "rst"
            else _doc_sentences(dl / path)
        )
        for t in texts:
            n[source] = n.get(source, 0) + 1
            items.append(
                {
                    "id": f"{source}-{n[source]:03d}",
                    "source": source,
                    "text": t,
                    "kinds": [],
                    "provenance": {
                        "package": f"{package}, {licence}",
                        "path": path.split("/", 2)[2],
                        "note": "one sentence of documentation prose"
                        if kind == "doc"
                        else "one changelog entry (wrapped lines joined; markup removed)",
                    },
                }
            )
    print("clean +", append("clean", items))


if __name__ == "__main__":
    main()
