"""Grow the sets from two pip packages' own sentence frames, filled from presidio-evaluator's fake-person table.

    pip download --no-deps presidio-evaluator==0.3.2 outis==0.2.1 -d DL   (unzip each wheel: DL/pe, DL/outis)
    python bench/phi/sources/more_fills.py DL

* presidio-evaluator 0.3.2 (MIT) templates.txt: three more fills per template (grow.py made one), now also rows
  of non-English-speaking countries (international phones and addresses) and the payment-card, IBAN and
  IP-address placeholders the first fill left out (values made to pass Luhn / mod 97; public-range IPs).
* outis 0.2.1 (Apache-2.0; its frames CC0-1.0) outis/data/generators/narrative.py: the FRAMES / NARRATIVE_FRAMES
  sentence frames per identifier kind (person, date, MRN, account, identifier, address, phone, e-mail, SSN, IP),
  filled in the value shapes its generator uses (name styles, number shapes, date formats); its clinician frames
  and NEGATIVE_FRAMES (eponyms, scores, PMIDs) go to the clean set. Location, facility, age and URL frames are
  left out (the guard does not claim a town or a facility alone).

Split: by the same sha256 rule, applied to the *frame's* id (``group``), so every fill of one template or frame
lands on the same side and no sentence shape is both tuned on and reported.
"""

from __future__ import annotations

import ast
import contextlib
import csv
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import _ORG_PLACE, _TARGET, _fill, append  # noqa: E402

PE = "presidio-evaluator==0.3.2 (PyPI, MIT)"
OUTIS = "outis==0.2.1 (PyPI, Apache-2.0; frames CC0-1.0)"


def _luhn(prefix: str, n: int, rng: random.Random) -> str:
    digits = prefix + "".join(str(rng.randrange(10)) for _ in range(n - len(prefix) - 1))
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    return digits + str((10 - total % 10) % 10)


def _iban(rng: random.Random) -> str:
    country, bban = rng.choice([("DE", 18), ("GB", 0), ("FR", 23), ("NL", 0)])
    if country == "GB":
        body = "NWBK" + "".join(str(rng.randrange(10)) for _ in range(14))
    elif country == "NL":
        body = "ABNA" + "".join(str(rng.randrange(10)) for _ in range(10))
    else:
        body = "".join(str(rng.randrange(10)) for _ in range(bban))
    num = "".join(str(int(c, 36)) for c in body + country + "00")
    check = 98 - int(num) % 97
    iban = f"{country}{check:02d}{body}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4)) if rng.random() < 0.5 else iban


def _public_ip(rng: random.Random) -> str:
    while True:
        a = rng.randrange(1, 224)
        if a not in (10, 127, 172, 192, 169, 100):
            return f"{a}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"


def _rows(dl: Path) -> list[dict[str, str]]:
    with open(
        dl / "pe/presidio_evaluator/data_generator/raw_data/FakeNameGenerator.com_3000.csv", encoding="utf-8-sig"
    ) as f:
        return list(csv.DictReader(f))


EXTRA = {"credit_card_number": "plan-number", "iban": "plan-number", "ip_address": "ip-address"}


def presidio_more(dl: Path) -> list[dict]:
    base = dl / "pe/presidio_evaluator/data_generator/raw_data"
    templates = (base / "templates.txt").read_text(encoding="utf-8").splitlines()
    rows = _rows(dl)
    out = []
    for i, t in enumerate(templates):
        t = t.replace("\\n", "\n")
        names = re.findall(r"{{(\w+)}}", t)
        kinds = {_TARGET[n] for n in names if n in _TARGET} | {EXTRA[n] for n in names if n in EXTRA}
        if "street_name" in names and "building_number" in names:
            kinds.add("address")
        if not kinds or _ORG_PLACE.search(t) or "SELECT" in t:
            continue
        group = f"presidio-evaluator-templates-{i + 1:03d}"
        for k in range(2, 5):
            rng = random.Random(f"{i}-{k}")
            for _ in range(50):  # a row that fills every placeholder (SSNs only in US rows)
                row = rng.choice(rows)
                values = {n: _fill(n, row) for n in names}
                values.update({n: None for n in names if n in EXTRA})
                if all(v is not None for n, v in values.items() if n not in EXTRA):
                    break
            else:
                continue
            for n in names:
                if n == "credit_card_number":
                    values[n] = _luhn(rng.choice(["4", "51", "55", "37"]), 16 if rng.random() < 0.8 else 15, rng)
                elif n == "iban":
                    values[n] = _iban(rng)
                elif n == "ip_address":
                    values[n] = _public_ip(rng)
            text = re.sub(r"{{(\w+)}}", lambda m, vals=values: vals[m.group(1)] or "", t).strip()
            out.append(
                {
                    "id": f"{group}-f{k}",
                    "group": group,
                    "source": "presidio-evaluator-templates",
                    "text": text,
                    "kinds": sorted(kinds),
                    "provenance": {
                        "package": PE,
                        "path": "presidio_evaluator/data_generator/raw_data/templates.txt",
                        "line": i + 1,
                        "note": f"fill {k}: a row of the package's FakeNameGenerator.com_3000.csv (any country); "
                        "card numbers made Luhn-valid, IBANs mod-97-valid, IPs public-range",
                    },
                }
            )
    return out


def _literals(path: Path) -> dict[str, object]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            with contextlib.suppress(ValueError):
                out[node.targets[0].id] = ast.literal_eval(node.value)
    return out


def _person(row: dict[str, str], style: int) -> str:
    first, last = row["GivenName"], row["Surname"]
    return [first, f"{first} {last}".upper(), f"{last}, {first}", f"{first[0]}. {last}", f"{first} {last}"][style % 5]


def _number(rng: random.Random) -> str:
    number = rng.randrange(10_000_000, 90_000_000)
    return rng.choice(
        (
            str(number),
            f"{number:09d}",
            f"{number // 10000:04d}-{number % 10000:04d}",
            f"{number // 10000:04d}/{number % 10000:04d}",
            f"{rng.choice('BCDPRV')}-{number}",
        )
    )


def _date(rng: random.Random, k: int, offset: int = 0) -> str:
    d = date(2019, 1, 1) + timedelta(days=rng.randrange(2400) + offset)
    return d.strftime(("%Y-%m-%d", "%d %b %Y", "%b %d, %Y", "%m/%d/%Y")[k % 4])


_OUTIS_KIND = {
    "person": ["patient-name"],
    "date": ["admission-date"],
    "mrn": ["mrn"],
    "account": ["plan-number"],
    "address": ["address"],
    "phone": ["phone"],
    "email": ["email"],
    "ssn": ["ssn"],
    "ip": ["ip-address"],
}


def _values(rows: list[dict[str, str]], rng: random.Random, k: int) -> dict[str, str]:
    row = rng.choice(rows)
    clin = rng.choice(rows)
    return {
        "name": _person(row, k + rng.randrange(5)),
        "clinician": _person(clin, k + 1),
        "date": _date(rng, k),
        "past_date": _date(rng, k, -20),
        "future_date": _date(rng, k, 30),
        "mrn": _number(rng),
        "account": _number(rng),
        "identifier": _number(rng),
        "address": f"{row['StreetAddress']}, {row['City']} {row['ZipCode']}",
        "phone": row["TelephoneNumber"],
        "email": row["EmailAddress"],
        "ssn": rng.choice([r for r in rows if r["Country"] == "US"])["NationalID"],
        "ip": _public_ip(rng),
        "pmid": str(rng.randrange(10_000_000, 39_000_000)),
        "year": str(rng.randrange(1995, 2025)),
        "location": row["City"],
        "facility": "",
    }


def outis(dl: Path) -> tuple[list[dict], list[dict]]:
    lit = _literals(dl / "outis/outis/data/generators/narrative.py")
    frames, narrative, negative = lit["FRAMES"], lit["NARRATIVE_FRAMES"], lit["NEGATIVE_FRAMES"]
    rows = _rows(dl)
    prov = {"package": OUTIS, "path": "outis/data/generators/narrative.py"}
    phi, clean = [], []

    def values(rng: random.Random, k: int) -> dict[str, str]:
        return _values(rows, rng, k)

    for part in ("train", "validation"):
        for kind, texts in frames[part].items():
            for j, frame in enumerate(texts):
                group = f"outis-{part}-{kind}-{j + 1}"
                if kind == "identifier":
                    kinds = (
                        ["device-serial"]
                        if "device" in frame
                        else ["plan-number"]
                        if re.search(r"insurance|health-plan|passport", frame)
                        else ["mrn"]
                    )
                elif kind == "clinician":
                    kinds = []
                elif kind in _OUTIS_KIND:
                    kinds = _OUTIS_KIND[kind]
                else:
                    continue
                for k in range(3):
                    rng = random.Random(f"{group}-{k}")
                    text = frame.format(**values(rng, k))
                    item = {"id": f"{group}-f{k + 1}", "group": group, "text": text, "kinds": kinds}
                    if kinds:
                        phi.append(
                            {
                                **item,
                                "source": "outis-frames",
                                "provenance": {**prov, "frame": f"FRAMES[{part!r}][{kind!r}][{j}]"},
                            }
                        )
                    else:
                        clean.append(
                            {
                                **item,
                                "source": "outis-clinician-frames",
                                "provenance": {
                                    **prov,
                                    "frame": f"FRAMES[{part!r}][{kind!r}][{j}]",
                                    "note": "a clinician's name is staff, not a patient identifier",
                                },
                            }
                        )
        for j, frame in enumerate(narrative[part]):
            group = f"outis-{part}-narrative-{j + 1}"
            for k in range(3):
                rng = random.Random(f"{group}-{k}")
                v = values(rng, k)
                v["facility"] = rng.choice(
                    ["Riverside Community Hospital", "Northgate Family Practice", "Lakeshore Medical Centre"]
                )
                kinds = ["patient-name"] + (["admission-date"] if "{date}" in frame else [])
                phi.append(
                    {
                        "id": f"{group}-f{k + 1}",
                        "group": group,
                        "source": "outis-frames",
                        "text": frame.format(**v),
                        "kinds": kinds,
                        "provenance": {**prov, "frame": f"NARRATIVE_FRAMES[{part!r}][{j}]"},
                    }
                )
        for j, frame in enumerate(negative[part]):
            group = f"outis-{part}-negative-{j + 1}"
            n = 2 if "{" in frame else 1
            for k in range(n):
                rng = random.Random(f"{group}-{k}")
                clean.append(
                    {
                        "id": f"{group}-f{k + 1}",
                        "group": group,
                        "source": "outis-negative-frames",
                        "text": frame.format(**values(rng, k)),
                        "kinds": [],
                        "provenance": {
                            **prov,
                            "frame": f"NEGATIVE_FRAMES[{part!r}][{j}]",
                            "note": "eponyms, scores, lab values, PMIDs: no identifier",
                        },
                    }
                )
    return phi, clean


def outis_coverage(dl: Path) -> tuple[list[dict], list[dict]]:
    """The FRAMES of outis's coverage.py: other wordings of the same kinds, some in header shapes with look-alike
    letters ("PATlENT NAME = …", "MEDlCAL RECORD = …"). Same fills; the prescriber's licence frame is a
    clinician's number and is left out."""
    frames = _literals(dl / "outis/outis/data/generators/coverage.py")["FRAMES"]
    rows = _rows(dl)
    prov = {"package": OUTIS, "path": "outis/data/generators/coverage.py"}
    phi, clean = [], []
    for part in ("train", "validation"):
        for kind, texts in frames[part].items():
            for j, frame in enumerate(texts):
                group = f"outis-coverage-{part}-{kind}-{j + 1}"
                if kind == "identifier":
                    if "prescriber" in frame:
                        continue
                    kinds = (
                        ["device-serial"]
                        if re.search(r"(?i)device|serial", frame)
                        else ["plan-number"]
                        if re.search(r"(?i)insurance|plan|passport|subscriber", frame)
                        else ["mrn"]
                    )
                elif kind == "clinician":
                    kinds = []
                elif kind in _OUTIS_KIND:
                    kinds = _OUTIS_KIND[kind]
                else:
                    continue
                for k in range(2):
                    rng = random.Random(f"{group}-{k}")
                    item = {
                        "id": f"{group}-f{k + 1}",
                        "group": group,
                        "text": frame.format(**_values(rows, rng, k)),
                        "kinds": kinds,
                        "provenance": {**prov, "frame": f"FRAMES[{part!r}][{kind!r}][{j}]"},
                    }
                    if kinds:
                        phi.append({**item, "source": "outis-coverage-frames"})
                    else:
                        clean.append({**item, "source": "outis-clinician-frames"})
    return phi, clean


def main() -> None:
    dl = Path(sys.argv[1])
    phi, clean = outis(dl)
    print("phi + presidio-evaluator", append("phi", presidio_more(dl)))
    print("phi + outis", append("phi", phi))
    print("clean + outis", append("clean", clean))
    phi, clean = outis_coverage(dl)
    print("phi + outis coverage", append("phi", phi))
    print("clean + outis coverage", append("clean", clean))


if __name__ == "__main__":
    main()
