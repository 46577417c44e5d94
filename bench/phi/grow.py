"""Add items to the evaluation sets from data that pip packages ship (reproducible, provenance per item).

    pip download --no-deps presidio-evaluator==0.3.2 deidgate==0.1.0 -d DL   (then unpack them under DL)
    pip download --no-deps --no-binary :all: fhir.resources==8.3.0 ... -d DL (changelogs for clean text)
    python -m bench.phi.grow DL

Only appends items whose id is not there yet; existing items never move. New items get their split by the same
rule as the first ones: ``dev`` when int(sha256(id).hexdigest()[:8], 16) is even, else ``report`` — applied to
the item's ``group`` when it has one (the template or frame it was filled from), so all fills of one sentence
shape land on the same side. More fills and frames: sources/more_fills.py; more clean text: sources/more_clean.py. Texts are
taken as the package ships them (templates filled from the package's own fake-person table, seed notes as
written, changelog lines with markup removed); kinds come from the package's own labels, mapped to the guard's.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def split_of(item_id: str) -> str:
    return "dev" if int(hashlib.sha256(item_id.encode()).hexdigest()[:8], 16) % 2 == 0 else "report"


# --- presidio-evaluator: its sentence templates filled from its own FakeNameGenerator table --------------------

PE = "presidio-evaluator==0.3.2 (PyPI, MIT)"
# Placeholder -> (table column or callable, identifier kind or None when not a patient identifier by itself).
_ENGLISH = {"US", "CA", "GB", "AU", "NZ", "IE"}
# An address that is an organisation's or a meeting place is not a person's: those templates are left out.
_ORG_PLACE = re.compile(r"office|company|headquarter|located|store|branch|bus |meet you", re.IGNORECASE)
_TARGET = {
    "phone_number": "phone",
    "email": "email",
    "address": "address",
    "date_of_birth": "date-of-birth",
    "ssn": "ssn",
}


def _fill(name: str, row: dict[str, str]) -> str | None:
    street = row["StreetAddress"]
    num, _, rest = street.partition(" ")
    table = {
        "person": f"{row['GivenName']} {row['Surname']}",
        "name": f"{row['GivenName']} {row['Surname']}",
        "name_female": f"{row['GivenName']} {row['Surname']}",
        "name_male": f"{row['GivenName']} {row['Surname']}",
        "first_name": row["GivenName"],
        "first_name_male": row["GivenName"],
        "first_name_female": row["GivenName"],
        "last_name": row["Surname"],
        "last_name_male": row["Surname"],
        "last_name_female": row["Surname"],
        "prefix_male": row["Title"],
        "prefix_female": row["Title"],
        "prefix": row["Title"],
        "address": f"{street}, {row['City']}, {row['State']} {row['ZipCode']}",
        "building_number": num if num.isdigit() else None,
        "street_name": rest if num.isdigit() else None,
        "city": row["City"],
        "state_abbr": row["State"],
        "zipcode": row["ZipCode"],
        "postcode": row["ZipCode"],
        "country": row["CountryFull"],
        "phone_number": row["TelephoneNumber"],
        "email": row["EmailAddress"],
        "date_of_birth": row["Birthday"],
        "ssn": row["NationalID"] if row["Country"] == "US" else None,
        "organization": row["Company"],
        "job": row["Occupation"],
        "url": row["Domain"],
        "year": row["Birthday"][-4:],
        "age": row["Age"],
    }
    return table.get(name)


def presidio_evaluator(dl: Path) -> list[dict]:
    base = dl / "pe/presidio_evaluator/data_generator/raw_data"
    templates = (base / "templates.txt").read_text(encoding="utf-8").splitlines()
    with open(base / "FakeNameGenerator.com_3000.csv", encoding="utf-8-sig") as f:
        rows = [r for r in csv.DictReader(f) if r["Country"] in _ENGLISH]
    out = []
    for i, t in enumerate(templates):
        t = t.replace("\\n", "\n")  # the file writes line breaks inside a template as a backslash and an n
        names = re.findall(r"{{(\w+)}}", t)
        kinds = {_TARGET[n] for n in names if n in _TARGET}
        if "street_name" in names and "building_number" in names:
            kinds.add("address")
        if not kinds or _ORG_PLACE.search(t):
            continue
        row = rows[(i * 7) % len(rows)]  # one fill per template: no template in both splits
        values = {n: _fill(n, row) for n in names}
        if any(v is None for v in values.values()):
            continue
        text = re.sub(r"{{(\w+)}}", lambda m, vals=values: vals[m.group(1)] or "", t).strip()
        iid = f"presidio-evaluator-templates-{i + 1:03d}"
        out.append(
            {
                "id": iid,
                "source": "presidio-evaluator-templates",
                "text": text,
                "kinds": sorted(kinds),
                "provenance": {
                    "package": PE,
                    "path": "presidio_evaluator/data_generator/raw_data/templates.txt",
                    "line": i + 1,
                    "note": "template filled from the package's FakeNameGenerator.com_3000.csv, rows of "
                    "English-speaking countries; one fill per template",
                },
            }
        )
    return out


# --- deidgate: its Safe Harbor seed notes ----------------------------------------------------------------------

_DG = {
    "name": "patient-name",
    "mrn": "mrn",
    "date": "admission-date",
    "phone": "phone",
    "fax": "phone",
    "email": "email",
    "ssn": "ssn",
    "health_plan": "plan-number",
    "account": "plan-number",
    "license": "plan-number",
    "vehicle": "plan-number",
    "device": "device-serial",
    "ip": "ip-address",
}


def deidgate(dl: Path) -> list[dict]:
    out = []
    for line in (dl / "deidgate/deidgate/data/safeharbor_seed.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        kinds = set()
        for p in d["phi"]:
            c = p["category"]
            if c == "date" and "year" in p["value"]:
                kinds.add("age-over-89")
            elif c == "geo":
                if any(ch.isdigit() for ch in p["value"]):
                    kinds.add("address")
            elif c in _DG:
                kinds.add(_DG[c])
        if not kinds:
            continue
        out.append(
            {
                "id": f"deidgate-seed-{d['id']}",
                "source": "deidgate-seed",
                "text": d["text"],
                "kinds": sorted(kinds),
                "provenance": {
                    "package": "deidgate==0.1.0 (PyPI, MIT)",
                    "path": "deidgate/data/safeharbor_seed.jsonl",
                    "item": d["id"],
                    "note": "categories mapped to the guard's kinds; url, photo, biometric and other not counted",
                },
            }
        )
    return out


# --- changelogs of health-IT packages (clean text) --------------------------------------------------------------

_MARKUP = re.compile(r"`+|\*\*|:\w+:|\[([^\]]*)\]\([^)]*\)")


def _changelog_lines(path: Path) -> list[str]:
    lines = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = raw.strip()
        if not re.match(r"^[-*+] ", s):
            continue
        s = _MARKUP.sub(lambda m: m.group(1) or "", s[2:]).strip()
        if len(s) < 25 or "http" in s or "@" in s:
            continue  # too short to judge, or links/handles that are not PMO prose
        lines.append(s)
    return lines


def changelogs(dl: Path, specs: list[tuple[str, str, str, str]]) -> list[dict]:
    """specs: (source id, package==version, path inside the unpacked sdist, licence)."""
    out = []
    for source, package, path, licence in specs:
        seen = set()
        for n, s in enumerate(_changelog_lines(dl / path)):
            if s in seen:
                continue
            seen.add(s)
            out.append(
                {
                    "id": f"{source}-{n + 1:03d}",
                    "source": source,
                    "text": s,
                    "kinds": [],
                    "provenance": {
                        "package": f"{package} (PyPI sdist, {licence})",
                        "path": path.split("/", 1)[1],
                        "note": "one bulleted changelog entry per item; markup and link targets removed; "
                        "entries with URLs or @handles left out",
                    },
                }
            )
    return out


def append(name: str, items: list[dict]) -> int:
    path = HERE / f"{name}.jsonl"
    have = {json.loads(line)["id"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    texts = {json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}
    added = 0
    with open(path, "a", encoding="utf-8") as f:
        for it in items:
            if it["id"] in have or it["text"] in texts:
                continue
            texts.add(it["text"])
            # An item filled from a template or frame carries the frame's id as its group: all fills of one frame
            # are split by that id, so no sentence shape is on both sides.
            split = split_of(it.get("group", it["id"]))
            row = {"id": it["id"], "split": split, **{k: v for k, v in it.items() if k != "id"}}
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
            added += 1
    return added


CHANGELOGS: list[tuple[str, str, str, str]] = [
    ("fhir-resources-history", "fhir.resources==8.3.0", "sd/fhir_resources-8.3.0/HISTORY.rst", "BSD-3-Clause"),
]


def main() -> None:
    dl = Path(sys.argv[1])
    print("phi +", append("phi", presidio_evaluator(dl) + deidgate(dl)))
    print("clean +", append("clean", changelogs(dl, CHANGELOGS)))


if __name__ == "__main__":
    main()
