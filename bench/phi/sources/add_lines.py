import json
import sys

sys.path.insert(0, ".")
from bench.phi.grow import append

src, path, prov_json, start = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
prov = json.loads(prov_json)
items = []
seen = set()
n = start
with open(path, encoding="utf-8") as f:
    lines = f.read().splitlines()
for line in lines:
    s = line.strip()
    if not s or s in seen:
        continue
    seen.add(s)
    n += 1
    items.append({"id": f"{src}-{n:03d}", "source": src, "text": s, "kinds": [], "provenance": prov})
print(src, "+", append("clean", items), "last index", n)
