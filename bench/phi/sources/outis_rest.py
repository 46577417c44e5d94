"""Grow the sets from outis 0.2.1's clinical-note generators that earlier rounds left (remediation.py and
remediation_development.py: whole short notes of running clinical prose with the patient's name, dates of care and
identifiers in fields), cut into passages of at most 600 characters.

    pip download --no-deps outis==0.2.1 -d DL   (unzip the wheel: DL/outis)
    python bench/phi/sources/outis_rest.py DL          (--dry prints the items instead of appending them)

outis 0.2.1 (PyPI, Apache-2.0; generated text CC0-1.0). The rows are built by the package's own functions with its
own seeds — ``remediation._short_row(i, i, seed=remediation.SEED, ...)`` and
``remediation_development._short_positive(name, pair, 0, DEFAULT_SEED)`` / ``_negative(i, DEFAULT_SEED)`` — imported
with a stand-in ``tiktoken`` module, which those functions never call (the long-document rows count tokens with it,
so they are not used). No Faker: every value is the package's.

* ``outis-remediation-notes`` — 96 short notes (group index 0..95), one per template family ``genre.layout``
  (16 genres x 6 layouts), each family its own group.
* ``outis-remediation-dev-notes`` — 36 short notes (pairs 0..35, variant 0), one per template ``family.layout``.
* ``outis-alias-contrastive-notes`` / ``outis-nominal-alias-notes`` — 14 notes each from alias_contrastive.py and
  nominal_alias.py ``generate_pair(i)[0]`` (the named-person note; patients with word-like or invented names),
  i ascending, a row used only when its person is the patient and its authored caption/alias frames are new; group =
  the row's ``family`` (layout; for nominal_alias also clinical profile and alias frame).
* clean: the package's PHI-free notes — remediation.py negative twins of 16 of those notes (i % 6 == 0) (same group as the
  positive note: same prose without the name and fields) and remediation_development.py's 12 negative families.

Labels: the package's span labels, mapped to the guard's kinds: NAME -> patient-name (a clinician's "Dr. ..." name
and the relative's name are not counted), DATE -> admission-date unless it is a bare year, AGE (> 89, as the package
labels it) -> age-over-89, ADDRESS, PHONE, EMAIL, IP, MRN, SSN; ACCOUNT -> plan-number; ID -> plan-number when its
heading says member, else mrn (encounter / visit / assigned identifier). URL, LOCATION (a town) and FACILITY are not
counted. A passage keeps only the kinds whose values it contains; a passage with none is not used. All passages of
one note share the note's group; split = grow.split_of(group) via grow.append.

Leakage guard: every sentence of a passage (lower case, labelled values, digits and punctuation removed; three words
or more) is compared with every frame used before — narrative.py and coverage.py FRAMES / NARRATIVE_FRAMES /
NEGATIVE_FRAMES, and outis_more.py's generalization FRAMES / IDENTIFIER_FRAMES / PUBLIC_CONTROLS, v13 FAMILIES,
name_contrastive HUMAN_FRAMES, v12 PUBLIC_CONTEXT_TEMPLATES (all parts); a passage with a sentence at difflib ratio
>= 0.72 is left out and printed.
"""

from __future__ import annotations

import difflib
import re
import sys
import types
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402
from bench.phi.sources.more_fills import OUTIS, _literals  # noqa: E402
from bench.phi.sources.outis_more import _KIND as _FRAME_KIND  # noqa: E402
from bench.phi.sources.outis_more import _norm, _strings  # noqa: E402

GEN = "outis/data/generators"
LIMIT = 600
# The frames' kinds, and the record numbers the notes label too.
_KIND = {**_FRAME_KIND, "MRN": "mrn", "SSN": "ssn", "ACCOUNT": "plan-number"}
_ABBREV = re.compile(r"(?:\b(?:Dr|Mr|Ms|Mrs|St|ext)|\b[A-Z])\.$")


def _modules(dl: Path) -> tuple[types.ModuleType, types.ModuleType]:
    sys.path.insert(0, str(dl / "outis"))
    sys.modules.setdefault("tiktoken", types.ModuleType("tiktoken"))  # imported at top, unused by short rows
    from outis.data.generators import remediation, remediation_development

    return remediation, remediation_development


class Leakage:
    """Sentences like a frame used before (narrative.py, coverage.py, outis_more.py's generators) are left out."""

    def __init__(self, dl: Path) -> None:
        old: list[str] = []
        for path, names in (
            ("narrative.py", ("FRAMES", "NARRATIVE_FRAMES", "NEGATIVE_FRAMES")),
            ("coverage.py", ("FRAMES", "NARRATIVE_FRAMES", "NEGATIVE_FRAMES")),
            ("generalization.py", ("FRAMES", "IDENTIFIER_FRAMES", "PUBLIC_CONTROLS")),
            ("name_contrastive.py", ("HUMAN_FRAMES",)),
        ):
            lit = _literals(dl / f"outis/{GEN}/{path}")
            for name in names:
                old += _strings(lit.get(name, {}))
        old += _strings(_literals(dl / "outis/outis/data/v12/contexts.py").get("PUBLIC_CONTEXT_TEMPLATES", []))
        from outis.data.v13 import contexts

        old += [fam.template for fam in contexts.FAMILIES]
        self.old = sorted({n for n in (_norm(f) for f in old) if n})
        self.left_out: list[tuple[str, str, str, float]] = []
        self.compared = 0

    def like_old(self, item_id: str, passage: str, values: list[str]) -> bool:
        text = passage
        for v in sorted(values, key=len, reverse=True):
            text = text.replace(v, " ")
        for sentence in re.split(r"(?<=[.!?;])\s+|\n+|\|", text):
            n = _norm(sentence)
            if len(n.split()) < 3:
                continue
            self.compared += 1
            for o in self.old:
                sm = difflib.SequenceMatcher(None, n, o)
                if sm.real_quick_ratio() >= 0.72 and sm.quick_ratio() >= 0.72 and sm.ratio() >= 0.72:
                    self.left_out.append((item_id, sentence.strip(), o, round(sm.ratio(), 2)))
                    return True
        return False


def _cuts(text: str, spans: list[dict]) -> list[tuple[int, int]]:
    """Passages of at most LIMIT characters, cut after a sentence or line end outside every labelled span."""
    inside = [(s["start"], s["end"]) for s in spans]
    ends = []
    for m in re.finditer(r"(?<=[.!?])[ ]+|\n+", text):
        if any(a < m.start() < b for a, b in inside) or _ABBREV.search(text[max(0, m.start() - 4) : m.start()]):
            continue
        ends.append((m.start(), m.end()))
    ends.append((len(text), len(text)))
    out, start, last = [], 0, None
    for stop, nxt in ends:
        if stop - start > LIMIT and last is not None:
            out.append((start, last[0]))
            start = last[1]
        last = (stop, nxt)
    out.append((start, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _heading(text: str, start: int) -> str:
    line = text[text.rfind("\n", 0, start) + 1 : start]
    return line.split(";")[-1]


def _kind(label: str, value: str, text: str, start: int, skip_names: set[str]) -> str | None:
    if label == "NAME":
        return None if value in skip_names or text[max(0, start - 4) : start] == "Dr. " else "patient-name"
    if label == "DATE" and re.fullmatch(r"\d{4}", value):
        return None  # a year alone is not a date of care
    if label == "ID":
        return "plan-number" if "member" in _heading(text, start).lower() else "mrn"
    return _KIND.get(label)


def _passages(
    row: dict, *, tag: str, group: str, source: str, prov: dict, guard: Leakage, skip_names: set[str]
) -> list[dict]:
    text, spans = row["text"], row["spans"]
    out = []
    for k, (a, b) in enumerate(_cuts(text, spans), start=1):
        inner = [s for s in spans if a <= s["start"] and s["end"] <= b]
        kinds = {_kind(s["label"], text[s["start"] : s["end"]], text, s["start"], skip_names) for s in inner} - {None}
        if not kinds:
            continue
        item_id = f"{group}-{tag}-p{k}"
        passage = text[a:b].strip()
        if guard.like_old(item_id, passage, [text[s["start"] : s["end"]] for s in inner]):
            continue
        out.append(
            {
                "id": item_id,
                "group": group,
                "source": source,
                "text": passage,
                "kinds": sorted(kinds),
                "provenance": {
                    **prov,
                    "row": row["id"],
                    "family": row.get("template_family", row.get("family")),
                    "passage": k,
                },
            }
        )
    return out


def _clean_passages(row: dict, *, tag: str, group: str, source: str, prov: dict, guard: Leakage) -> list[dict]:
    text, out = row["text"], []
    for k, (a, b) in enumerate(_cuts(text, []), start=1):
        item_id = f"{group}-{tag}-p{k}"
        passage = text[a:b].strip()
        if guard.like_old(item_id, passage, []):
            continue
        out.append(
            {
                "id": item_id,
                "group": group,
                "source": source,
                "text": passage,
                "kinds": [],
                "provenance": {
                    **prov,
                    "row": row["id"],
                    "family": row.get("template_family", row.get("family")),
                    "passage": k,
                },
            }
        )
    return out


def remediation(r: types.ModuleType, guard: Leakage) -> tuple[list[dict], list[dict]]:
    prov = {
        "package": OUTIS,
        "path": f"{GEN}/remediation.py",
        "note": f"remediation._short_row(i, i, seed={r.SEED}); short notes of the package's own text and values",
    }
    phi, clean = [], []
    for i in range(96):
        row = r._short_row(i, i, seed=r.SEED, negative=False, unusual=False, paired=True)
        group = "outis-gen-remediation-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace("_", "")
        phi += _passages(
            row, tag=f"n{i}", group=group, source="outis-remediation-notes", prov=prov, guard=guard, skip_names=set()
        )
        if i % 6 == 0:
            neg = r._short_row(i + 1, i, seed=r.SEED, negative=True, unusual=False, paired=True)
            clean += _clean_passages(
                neg,
                tag=f"neg{i}",
                group=group,
                source="outis-remediation-negative-notes",
                prov={
                    **prov,
                    "note": f"remediation._short_row(i + 1, i, seed={r.SEED}, negative=True): the "
                    "PHI-free twin of note i (same prose, no name or identifier fields)",
                },
                guard=guard,
            )
    return phi, clean


def remediation_dev(d: types.ModuleType, guard: Leakage) -> tuple[list[dict], list[dict]]:
    prov = {
        "package": OUTIS,
        "path": f"{GEN}/remediation_development.py",
        "note": f"remediation_development._short_positive(name, pair, 0, {d.DEFAULT_SEED}) with the package's "
        "own identities; the clinician's and the daughter's names are not counted",
    }
    names = d._identities(36, d.DEFAULT_SEED)
    phi, clean = [], []
    for pair in range(36):
        row = d._short_positive(names[pair], pair, 0, d.DEFAULT_SEED)
        group = "outis-gen-remediationdev-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace("_", "")
        skip = {d._relative(pair)}
        phi += _passages(
            row,
            tag=f"n{pair}",
            group=group,
            source="outis-remediation-dev-notes",
            prov=prov,
            guard=guard,
            skip_names=skip,
        )
    for i in range(12):
        row = d._negative(i, d.DEFAULT_SEED)
        group = "outis-gen-remediationdev-" + row["template_family"].split(".", 1)[1].replace(".", "-").replace("_", "")
        clean += _clean_passages(
            row,
            tag=f"neg{i}",
            group=group,
            source="outis-remediation-dev-negative-notes",
            prov={
                **prov,
                "note": f"remediation_development._negative(i, {d.DEFAULT_SEED}): a note without identifiers",
            },
            guard=guard,
        )
    return phi, clean


def _primary_only(row: dict) -> dict:
    """The package lists who each NAME span belongs to; a clinician's or another person's name is not counted."""
    names = iter(row["name_mentions"])
    spans = []
    for span in row["spans"]:
        if span["label"] == "NAME" and next(names)["person"] != "primary":
            span = {**span, "label": "OTHER_PERSON"}
        spans.append(span)
    return {**row, "spans": spans}


def alias_notes(dl: Path, guard: Leakage) -> list[dict]:
    """alias_contrastive.py and nominal_alias.py: notes whose patient has a word-like or invented name.

    A row is used only when the patient is the named person (not a caregiver) and none of its authored frames
    (caption / alias contexts) was used by an earlier chosen row, so one frame never lands in two groups.
    """
    from outis.data.generators import alias_contrastive, nominal_alias

    out: list[dict] = []
    seen: set[tuple[str, object]] = set()
    for mod, name, source, count in (
        (alias_contrastive, "aliascontrastive", "outis-alias-contrastive-notes", 14),
        (nominal_alias, "nominalalias", "outis-nominal-alias-notes", 14),
    ):
        prov = {"package": OUTIS, "path": f"{GEN}/{mod.__name__.rsplit('.', 1)[1]}.py"}
        rows = 0
        for index in range(400):
            if rows == count:
                break
            row = mod.generate_pair(index)[0]
            if mod is alias_contrastive:
                frames = [(name, c) for c in row["authored_contexts"]]
                patient = row["person_role"] == "patient"
            else:
                frames = [(name, ("caption", row["caption_context"])), (name, ("alias", row["alias_context"]))]
                patient = "caregiver" not in row["text"].lower()
            if row["negative"] or not patient or any(f in seen for f in frames):
                continue
            seen.update(frames)
            rows += 1
            family = row["family"].split(".", 2)[2].replace(".", "-").replace("_", "")
            out += _passages(
                _primary_only(row),
                tag=f"n{index}",
                group=f"outis-gen-{name}-{family}",
                source=source,
                prov={
                    **prov,
                    "note": f"{mod.__name__.rsplit('.', 1)[1]}.generate_pair({index})[0] (seed "
                    f"{mod.SEED}); only the primary person's NAME spans and the visit dates are counted",
                },
                guard=guard,
                skip_names=set(),
            )
    return out


def main() -> None:
    dl = Path(sys.argv[1])
    r, d = _modules(dl)
    guard = Leakage(dl)
    phi_r, clean_r = remediation(r, guard)
    phi_d, clean_d = remediation_dev(d, guard)
    phi_a = alias_notes(dl, guard)
    print(f"leakage guard: {guard.compared} sentences compared with {len(guard.old)} old frames")
    for item_id, sentence, old, ratio in guard.left_out:
        print(f"left out {item_id} (like an old frame, {ratio}): {sentence!r} ~ {old!r}")
    if "--dry" in sys.argv:
        for it in phi_r + phi_d + phi_a + clean_r + clean_d:
            print(it["id"], it["kinds"], repr(it["text"]))
        print(len(phi_r), len(phi_d), len(phi_a), len(clean_r), len(clean_d))
        return
    print("phi + outis remediation", append("phi", phi_r))
    print("phi + outis remediation_development", append("phi", phi_d))
    print("phi + outis alias_contrastive / nominal_alias", append("phi", phi_a))
    print("clean + outis remediation negatives", append("clean", clean_r))
    print("clean + outis remediation_development negatives", append("clean", clean_d))


if __name__ == "__main__":
    main()
