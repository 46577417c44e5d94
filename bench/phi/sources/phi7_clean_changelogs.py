"""Grow the clean set from the changelogs that five more health-IT packages ship (FHIRPath, a FHIR server, DICOM
parsing, DICOM de-identification and an Orthanc PACS client): release-note prose with contributor handles, versions and issue numbers but
no patient identifiers.

    npm pack fhirpath@5.2.2 @asymmetrik/node-fhir-server-core@2.2.5 dicom-parser@1.8.21  (unpack: DL/npm/<name>-<version>)
    pip download --no-deps --no-binary :all: dicognito==0.19.0 orthanc-api-client==0.25.3 -d DL/sd   (unpack under DL/sd)
    python bench/phi/sources/phi7_clean_changelogs.py DL

One item per bulleted entry, wrapped continuation lines joined, markdown and link targets removed; entries under
25 characters or with a URL or an @ left out (grow.py's rule). Each item's group is its release (the "## version"
heading), so the entries of one release land on one side of the dev/report split.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

_MD = re.compile(r"`+|\*\*|\*|\[([^\]]*)\]\([^)]*\)|<[^>]+>")

SOURCES = [
    # (source, package, path under DL, licence)
    (
        "fhirpath-js-changelog",
        "fhirpath@5.2.2 (npm)",
        "npm/fhirpath-5.2.2/package/CHANGELOG.md",
        "see LICENSE.md (NLM/HL7)",
    ),
    (
        "node-fhir-server-core-changelog",
        "@asymmetrik/node-fhir-server-core@2.2.5 (npm)",
        "npm/asymmetrik-node-fhir-server-core-2.2.5/package/CHANGELOG.md",
        "MIT",
    ),
    ("dicom-parser-changelog", "dicom-parser@1.8.21 (npm)", "npm/dicom-parser-1.8.21/package/changelog.md", "MIT"),
    (
        "orthanc-api-client-release-notes",
        "orthanc-api-client==0.25.3 (PyPI sdist)",
        "sd/orthanc_api_client-0.25.3/release-notes.md",
        "LGPL-3.0",
    ),
    (
        "dicognito-release-notes",
        "dicognito==0.19.0 (PyPI sdist)",
        "sd/dicognito-0.19.0/src/dicognito/release_notes.md",
        "MIT",
    ),
]


def entries(path: Path) -> list[tuple[str, str]]:
    """(release heading, entry) for each bulleted entry of a markdown changelog."""
    out: list[tuple[str, str]] = []
    release, cur, prev = "", None, ""
    for raw in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        # A release heading: "## [1.2.3] - date" or a "v 1.2.3" line underlined with "===".
        head = re.match(r"^##\s+(?!#)(.*)", raw) or (re.match(r"^(.*)", prev) if re.fullmatch(r"={3,}", raw) else None)
        prev = raw
        bullet = re.match(r"^\s{0,4}[-*+] (.*)", raw)
        if bullet:
            if cur:
                out.append((release, " ".join(cur)))
            cur = [bullet.group(1).strip()]
        elif cur is not None and raw.strip() and raw.startswith("  "):
            cur.append(raw.strip())
        else:
            if cur:
                out.append((release, " ".join(cur)))
            cur = None
        if head:
            version = re.search(r"\d+\.\d+(?:\.\d+)?", head.group(1))
            release = version.group(0) if version else head.group(1).strip()
    texts = []
    for rel, t in out:
        t = _MD.sub(lambda m: m.group(1) or "", t).strip()
        t = re.sub(r"\(\s*[0-9a-f]{7}\s*\)", "", t)  # commit hashes left after removing their link targets
        t = re.sub(r"\s{2,}", " ", t).strip()
        if len(t) >= 25 and "http" not in t and "@" not in t:
            texts.append((rel, t))
    return texts


def main() -> None:
    dl = Path(sys.argv[1])
    items = []
    for source, package, path, licence in SOURCES:
        seen: set[str] = set()
        n = 0
        for release, text in entries(dl / path):
            if text in seen:
                continue
            seen.add(text)
            n += 1
            items.append(
                {
                    "id": f"{source}-{n:03d}",
                    "group": f"{source}:{release}",
                    "source": source,
                    "text": text,
                    "kinds": [],
                    "provenance": {
                        "package": f"{package}, {licence}",
                        "path": path.split("/", 3)[3] if path.startswith("npm/") else path.split("/", 2)[2],
                        "note": f"one changelog entry of release {release} (wrapped lines joined; markup and link "
                        "targets removed)",
                    },
                }
            )
    print("clean +", append("clean", items))


if __name__ == "__main__":
    main()
