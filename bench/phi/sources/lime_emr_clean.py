"""Grow the clean set from the sprint change log of LIME EMR, MSF OCG's OpenMRS/Ozone-based EMR (forms, lab, patient
stickers, OpenFn and DHIS2 integration, go-live preparation): PMO text full of ticket keys, form names and words such
as "patient ID", "date of birth" and "admission date", with no patient identifiers.

    python bench/phi/sources/lime_emr_clean.py

The change log was transcribed into lime_emr_changelog.md (link targets removed, ticket keys kept). One item per
bulleted entry; an entry repeated in a later release is kept once; each item's group is its release, so the entries
of one sprint land on one side of the dev/report split.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402
from bench.phi.sources.phi7_clean_changelogs import entries  # noqa: E402

SOURCE = "lime-emr-changelog"
PROV = {
    "repo": "MSF-OCG/LIME-EMR",
    "path": "docs/CHANGE_LOG.md",
    "commit": "38cb6937dab9c399783d0bdebcb48fdb76b77cb3",
    "licence": "no licence file seen; public repository",
}


def main() -> None:
    items, seen = [], set()
    for release, text in entries(HERE / "lime_emr_changelog.md"):
        if text in seen:
            continue
        seen.add(text)
        items.append(
            {
                "id": f"{SOURCE}-{len(seen):03d}",
                "group": f"{SOURCE}:{release}",
                "source": SOURCE,
                "text": text,
                "kinds": [],
                "provenance": {**PROV, "note": f"one change-log entry of '{release}' (link targets removed)"},
            }
        )
    print("clean +", append("clean", items))


if __name__ == "__main__":
    main()
