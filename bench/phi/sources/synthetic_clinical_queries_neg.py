"""Append the clinicians' queries without PHI (transcribed from the stored repository copy) to clean.jsonl.

Run from the repository root: python bench/phi/sources/synthetic_clinical_queries_neg.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

IDS = ["1003", "1007", "1010", "1017", "1020", "1027", "102", "1030", "1038", "104"]
TEXTS = [t.strip() for t in (HERE / "scq_neg.txt").read_text(encoding="utf-8").splitlines() if t.strip()]
ITEMS = [
    {
        "id": f"synthetic-clinical-queries-neg-{int(q):04d}",
        "source": "synthetic-clinical-queries-no-phi",
        "text": t,
        "kinds": [],
        "provenance": {
            "repo": "JamesWeatherhead/synthetic-clinical-queries",
            "path": f"data/AWS-Comprehend-Medical-DetectPHI/threshold_0.0/Negative_PHI/query_{q}_trace.json",
            "commit": "c53696885a282def3e7e284c734b0fb8731f4837",
            "licence": "public repository",
            "note": "original_query of a query with no PHI (ground_truth_phi empty): clinical text that must pass",
        },
    }
    for q, t in zip(IDS, TEXTS, strict=True)
]

if __name__ == "__main__":
    print(append("clean", ITEMS))
