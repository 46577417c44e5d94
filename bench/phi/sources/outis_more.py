"""Grow the sets from outis 0.2.1's OTHER generators (not narrative.py / coverage.py, which earlier rounds used).

    pip download --no-deps outis==0.2.1 -d DL   (unzip the wheel: DL/outis)
    pip install faker==40.54.0   (in a throw-away venv: Faker is a bench-time tool, not a dependency of Rounds)
    python bench/phi/sources/outis_more.py DL

outis 0.2.1 (PyPI, Apache-2.0; frames CC0-1.0). Frames are read as literals with ``ast`` (v13/contexts.py is
imported: its families are dataclass calls and it imports nothing else); values come from the package's own
generator ``generalization.identity_values`` / ``person`` / ``public_control`` (imported with a stub ``tiktoken``,
which those functions never call) for the first fill, and from Faker 40.54.0 (seeded per fill, locale picked by the
same seed) for the others (codes, ages and IPs keep the package's shapes). Sources, one per generator file:

* ``outis-generalization-frames`` — generalization.py FRAMES (NAME, DATE, AGE, ADDRESS, PHONE, EMAIL, IP) and
  IDENTIFIER_FRAMES (three fills, each with a field of IDENTIFIER_FIELDS: MRN, account, insurance/passport/device/
  wristband IDs, SSN). Frames whose value is a clinician's, nurse's, relative's or caregiver's are left out of the
  PHI set (the clinician ones go to clean as ``outis-generalization-clinician-frames``); LOCATION, FACILITY and URL
  frames are left out (a town or a facility alone is not claimed). Dates are drawn until they carry a day (a bare year or month-year is not used).
* ``outis-v13-frames`` — v13/contexts.py FAMILIES that name the patient: patient name + personal month-year dates.
* ``outis-name-contrastive-frames`` — name_contrastive.py HUMAN_FRAMES with the package's own role "patient".
* clean: generalization.py PUBLIC_CONTROLS (``outis-generalization-negative-frames``) and v12/contexts.py
  PUBLIC_CONTEXT_TEMPLATES (``outis-v12-negative-frames``): publication years, catalogue numbers, no person.

Leakage guard: every frame is normalised (lower case, placeholders and punctuation removed) and compared with every
narrative.py and coverage.py frame (FRAMES, NARRATIVE_FRAMES, NEGATIVE_FRAMES, all parts); a frame equal to one, or
with difflib ratio >= 0.72, is left out (none takes an old group, so nothing here can cross a split). A frame equal to
an earlier frame of this script takes that frame's group. Split: grow.split_of(group), via grow.append.
"""

from __future__ import annotations

import difflib
import random
import re
import sys
import types
from datetime import date, timedelta
from pathlib import Path

from faker import Faker

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402
from bench.phi.sources.faker_fills import FAKER, LOCALES, _fake, _values_of  # noqa: E402
from bench.phi.sources.more_fills import OUTIS, _literals  # noqa: E402

GEN = "outis/data/generators"
_KIND = {
    "NAME": "patient-name",
    "DATE": "admission-date",
    "AGE": "age-over-89",
    "ADDRESS": "address",
    "PHONE": "phone",
    "EMAIL": "email",
    "IP": "ip-address",
}
_FILLS = {"NAME": 2, "DATE": 2, "ADDRESS": 2, "PHONE": 2, "AGE": 1, "EMAIL": 1, "IP": 1}
# A value that is staff's, a relative's or a caregiver's is not the patient's identifier.
_NOT_PATIENT = re.compile(r"clinician|practitioner|nurse|RN\b|relative|partner|caregiver|[Rr]eview of the patient by")
_STAFF = re.compile(r"clinician|practitioner|nurse|RN\b|patient by")
_DATED = (0, 1, 2, 3)  # generalization.date_value's formats that carry a day


def _norm(frame: str) -> str:
    return " ".join(re.sub(r"[^a-z ]", " ", re.sub(r"{[^}]*}", " ", frame.lower())).split())


class Leakage:
    """The old frames (narrative.py, coverage.py); a new frame like one of them is left out."""

    def __init__(self, dl: Path) -> None:
        self.old: list[str] = []
        for path in ("narrative.py", "coverage.py"):
            lit = _literals(dl / f"outis/{GEN}/{path}")
            for name in ("FRAMES", "NARRATIVE_FRAMES", "NEGATIVE_FRAMES"):
                self.old += [_norm(f) for f in _strings(lit.get(name, {}))]
        self.new: dict[str, str] = {}
        self.left_out: list[tuple[str, str, float]] = []

    def group(self, frame: str, group: str) -> str | None:
        n = _norm(frame)
        if n in self.new:
            return self.new[n]
        best = max((difflib.SequenceMatcher(None, n, o).ratio(), o) for o in self.old)
        if best[0] >= 0.72:
            self.left_out.append((frame, best[1], round(best[0], 2)))
            return None
        self.new[n] = group
        return group


def _strings(v: object) -> list[str]:
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return [s for x in v.values() for s in _strings(x)]
    if isinstance(v, (list, tuple)):
        return [s for x in v for s in _strings(x)]
    return []


def _generalization_module(dl: Path) -> types.ModuleType:
    sys.path.insert(0, str(dl / "outis"))
    sys.modules.setdefault("tiktoken", types.ModuleType("tiktoken"))  # imported at top, unused by value functions
    from outis.data.generators import generalization

    return generalization


def _package_values(g: types.ModuleType, rng: random.Random) -> dict[str, str]:
    v = {k: str(x) for k, x in g.identity_values(rng).items()}
    day = date(2010, 1, 1) + timedelta(days=rng.randrange(5700))
    fmt = ("%Y-%m-%d", "%m/%d/%Y", "%d %b %Y", "%B %d, %Y")[rng.choice(_DATED)]
    v["DATE"] = day.strftime(fmt)
    return v


def _faker_values(g: types.ModuleType, seed: str) -> tuple[dict[str, str], str]:
    loc = random.Random(seed).choice(LOCALES)
    fk, rng = _values_of(loc, seed)
    f = _fake(fk, loc, rng)
    v = _package_values(g, random.Random(seed))  # ages, IPs, codes: the package's shapes
    v.update(
        NAME=f"{fk.first_name()} {fk.last_name()}",
        DATE=f["date"],
        ADDRESS=f["address"],
        PHONE=f["phone"],
        EMAIL=fk.email(),
    )
    if loc in ("en_US", "en_CA", "fr_CA"):  # faker_fills._ssn draws other locales' SSNs from an unseeded Faker
        v["SSN"] = f["ssn"]
    return v, loc


def _fill(g: types.ModuleType, seed: str, k: int) -> tuple[dict[str, str], str]:
    if k == 1:
        return _package_values(g, random.Random(seed)), "generalization.identity_values (package's own)"
    v, loc = _faker_values(g, seed)
    return v, f"{FAKER} locale {loc}"


def _id_kind(field: str, kind: str) -> str | None:
    if kind == "MRN":
        return "mrn"
    if kind == "SSN":
        return "ssn"
    if kind == "ACCOUNT" or re.search(r"insurance|health-plan|policy|passport|licence|certificate", field):
        return "plan-number"
    if "device" in field:
        return "device-serial"
    if re.search(r"wristband|encounter|registration|enrollment|accession|referral", field):
        return "mrn"
    return None  # a transport reservation key is not a care identifier


def generalization(dl: Path, guard: Leakage) -> tuple[list[dict], list[dict]]:
    g = _generalization_module(dl)
    lit = _literals(dl / f"outis/{GEN}/generalization.py")
    prov = {"package": OUTIS, "path": f"{GEN}/generalization.py"}
    phi, clean = [], []
    for kind, frames in lit["FRAMES"].items():
        for j, frame in enumerate(frames):
            if kind == "NAME" and _NOT_PATIENT.search(frame):
                if _STAFF.search(frame):
                    group = f"outis-gen-generalization-clinician-{j + 1}"
                    rng = random.Random(group)
                    clean.append(
                        {
                            "id": f"{group}-f1",
                            "group": group,
                            "source": "outis-generalization-clinician-frames",
                            "text": frame.format(v=g.person(rng), op=rng.choice(lit["OPERATORS"])),
                            "kinds": [],
                            "provenance": {
                                **prov,
                                "frame": f"FRAMES['NAME'][{j}]",
                                "note": "a clinician's / nurse's name is staff, not a patient identifier; "
                                "filled with generalization.person",
                            },
                        }
                    )
                continue
            if kind not in _KIND or (kind in ("PHONE", "EMAIL") and _NOT_PATIENT.search(frame)):
                continue
            group = guard.group(frame, f"outis-gen-generalization-{kind.lower()}-{j + 1}")
            if group is None:
                continue
            for k in range(1, _FILLS[kind] + 1):
                seed = f"{group}-f{k}"
                values, how = _fill(g, seed, k)
                op = random.Random(seed).choice(lit["OPERATORS"])
                phi.append(
                    {
                        "id": seed,
                        "group": group,
                        "source": "outis-generalization-frames",
                        "text": frame.format(v=values[kind], op=op),
                        "kinds": [_KIND[kind]],
                        "provenance": {**prov, "frame": f"FRAMES[{kind!r}][{j}]", "note": f"filled with {how}"},
                    }
                )
    fields = lit["IDENTIFIER_FIELDS"]
    for j, frame in enumerate(lit["IDENTIFIER_FRAMES"]):
        group = guard.group(frame, f"outis-gen-generalization-identifier-{j + 1}")
        if group is None:
            continue
        for k in (1, 2, 3):  # account, plan and record numbers are common in notes: three fields per frame
            seed = f"{group}-f{k}"
            rng = random.Random(seed + "-field")
            while True:
                kind = rng.choice(sorted(fields))
                field = rng.choice(fields[kind])
                if _id_kind(field, kind):
                    break
            values, how = _fill(g, seed, k)
            phi.append(
                {
                    "id": seed,
                    "group": group,
                    "source": "outis-generalization-frames",
                    "text": frame.format(field=field, v=values[kind], op=rng.choice(lit["OPERATORS"])),
                    "kinds": [_id_kind(field, kind)],
                    "provenance": {
                        **prov,
                        "frame": f"IDENTIFIER_FRAMES[{j}]",
                        "note": f"field IDENTIFIER_FIELDS[{kind!r}] {field!r}; value {how}",
                    },
                }
            )
    for j, _frame in enumerate(lit["PUBLIC_CONTROLS"]):
        group = f"outis-gen-generalization-public-{j + 1}"
        clean.append(
            {
                "id": f"{group}-f1",
                "group": group,
                "source": "outis-generalization-negative-frames",
                "text": g.public_control(random.Random(group), j),
                "kinds": [],
                "provenance": {
                    **prov,
                    "frame": f"PUBLIC_CONTROLS[{j}]",
                    "note": "publication dates, catalogue and registry numbers, eponyms: no person; "
                    "filled with generalization.public_control",
                },
            }
        )
    return phi, clean


def v13(dl: Path, guard: Leakage) -> list[dict]:
    """Families naming the patient, filled as the package does (month-year personal dates, year public dates)."""
    g = _generalization_module(dl)
    from outis.data.v13 import contexts

    prov = {"package": OUTIS, "path": "outis/data/v13/contexts.py"}
    out = []
    for j, fam in enumerate(contexts.FAMILIES):
        if "{patient}" not in fam.template:
            continue
        group = guard.group(fam.template, f"outis-gen-v13-{fam.family_id}")
        if group is None:
            continue
        seed = f"{group}-f1"
        rng = random.Random(seed)
        a = date(rng.randrange(2012, 2025), rng.randrange(1, 13), rng.randrange(1, 20))
        b = a + timedelta(days=rng.randrange(35, 200))
        values = {
            "patient": g.person(rng),
            "clinician": "Dr. " + g.person(rng),
            "date_a": a.strftime("%B %Y"),
            "date_b": b.strftime("%B %Y"),
            "public_date": str(rng.randrange(2005, a.year + 1)),
            "interval_days": str((b - a).days),
            "care_site": g.identity_word(rng) + " " + rng.choice(g.CARE_SUFFIXES),
            "public_site": g.identity_word(rng) + " " + rng.choice(g.CARE_SUFFIXES),
            "place": g.identity_word(rng),
        }
        for same in fam.same_value_groups:
            for key in same[1:]:
                values[key] = values[same[0]]
        personal_dates = any(m.ownership == "personal" and m.entity_kind == "date" for m in fam.mentions)
        out.append(
            {
                "id": seed,
                "group": group,
                "source": "outis-v13-frames",
                "text": fam.template.format(**values),
                "kinds": ["patient-name"] + (["admission-date"] if personal_dates else []),
                "provenance": {
                    **prov,
                    "frame": f"FAMILIES[{j}] ({fam.family_id})",
                    "note": "patient/clinician from generalization.person; personal dates month-year, public year",
                },
            }
        )
    return out


def name_contrastive(dl: Path, guard: Leakage) -> list[dict]:
    g = _generalization_module(dl)
    lit = _literals(dl / f"outis/{GEN}/name_contrastive.py")
    prov = {"package": OUTIS, "path": f"{GEN}/name_contrastive.py"}
    out = []
    for part, frames in lit["HUMAN_FRAMES"].items():
        for j, frame in enumerate(frames):
            as_patient = frame.replace("{role}", "patient").replace("{title}", "Patient")  # compared as filled
            group = guard.group(as_patient, f"outis-gen-namecontrastive-{part}-{j + 1}")
            if group is None:
                continue
            seed = f"{group}-f1"
            rng = random.Random(seed)
            if rng.random() < 0.5:
                name, how = g.person(rng), "generalization.person"
            else:
                loc = rng.choice(LOCALES)
                fk = Faker(loc)
                fk.seed_instance(seed)
                name, how = f"{fk.first_name()} {fk.last_name()}", f"{FAKER} locale {loc}"
            text = frame.format(v=name, role="patient", title="Patient", verb=rng.choice(lit["PREDICATES"]["patient"]))
            out.append(
                {
                    "id": seed,
                    "group": group,
                    "source": "outis-name-contrastive-frames",
                    "text": text[0].upper() + text[1:],
                    "kinds": ["patient-name"],
                    "provenance": {
                        **prov,
                        "frame": f"HUMAN_FRAMES[{part!r}][{j}]",
                        "note": f"role 'patient' (the package's PREDICATES/TITLE for it); name from {how}",
                    },
                }
            )
    return out


def v12_public(dl: Path) -> list[dict]:
    lit = _literals(dl / "outis/outis/data/v12/contexts.py")
    out = []
    for j, frame in enumerate(lit["PUBLIC_CONTEXT_TEMPLATES"]):
        group = f"outis-gen-v12-public-{j + 1}"
        out.append(
            {
                "id": f"{group}-f1",
                "group": group,
                "source": "outis-v12-negative-frames",
                "text": frame.format(year=random.Random(group).randrange(1998, 2024)),
                "kinds": [],
                "provenance": {
                    "package": OUTIS,
                    "path": "outis/data/v12/contexts.py",
                    "frame": f"PUBLIC_CONTEXT_TEMPLATES[{j}]",
                    "note": "a publication year in clinical teaching prose: no identifier",
                },
            }
        )
    return out


def main() -> None:
    dl = Path(sys.argv[1])
    guard = Leakage(dl)
    phi, clean = generalization(dl, guard)
    phi_v13 = v13(dl, guard)
    phi_nc = name_contrastive(dl, guard)
    for frame, old, ratio in guard.left_out:
        print(f"left out (like an old frame, {ratio}): {frame!r} ~ {old!r}")
    if "--dry" in sys.argv:
        for it in phi + phi_v13 + phi_nc + clean + v12_public(dl):
            print(it["id"], it["kinds"], it["text"])
        return
    print("phi + outis generalization", append("phi", phi))
    print("phi + outis v13", append("phi", phi_v13))
    print("phi + outis name_contrastive", append("phi", phi_nc))
    print("clean + outis generalization", append("clean", clean))
    print("clean + outis v12", append("clean", v12_public(dl)))


if __name__ == "__main__":
    main()
