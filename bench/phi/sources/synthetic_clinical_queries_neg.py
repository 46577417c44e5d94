import json, sys
sys.path.insert(0, '.')
from bench.phi.grow import append
ids = ["1003","1007","1010","1017","1020","1027","102","1030","1038","104"]
texts = [l.strip() for l in open('/tmp/phi2tx/scq_neg.txt') if l.strip()]
items = [{"id": f"synthetic-clinical-queries-neg-{int(q):04d}", "source": "synthetic-clinical-queries-no-phi", "text": t, "kinds": [],
          "provenance": {"repo": "JamesWeatherhead/synthetic-clinical-queries", "path": f"data/AWS-Comprehend-Medical-DetectPHI/threshold_0.0/Negative_PHI/query_{q}_trace.json", "commit": "c53696885a282def3e7e284c734b0fb8731f4837", "licence": "public repository", "note": "original_query of a query with no PHI (ground_truth_phi empty): clinical text that must pass"}} for q, t in zip(ids, texts)]
print(append("clean", items))
