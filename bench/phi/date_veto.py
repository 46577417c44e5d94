"""Which project words make project.py let a date pass, and how often they stand beside a date of care.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.date_veto [--show WORD]

project.py's `_project_date` lets a date through when its sentence has a project word and no sign of a patient is
near. A project word earns its place when it is why a clean PMO text passes (the PMO probe's TUNE half, the dev
clean set); it costs when it stands in the sentence of a date of care (dev items with dates of care, and the
made-up clinical sentences below). Prints, per word or pattern: USEFUL (clean texts that pass only because the
veto fired with that word in the sentence; SOLE when it was the only project word there) against EXPOSED (dates of
care with that word in the sentence) and FIRED (dates of care the veto let through).

Development aid only: reads the dev split and the probe's tune half, never report items.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from bench.phi.pmo_probe import clean_texts, half_of
from commands.phi import _all_spans, scan
from commands.phi import project as P

HERE = Path(__file__).resolve().parent

# Made-up short clinical sentences with a date of care, in the plain narrative way a note is written, using the
# words a PMO uses too (review, documentation, meeting, escalated, approval, training, app, version…).
CARE_SENTENCES = [
    "Documentation of the wound review was completed on 2024-03-11.",
    "The physiotherapy review took place 14 Feb 2023 and mobility had improved.",
    "Follow-up review booked for 03/09/2025 to reassess the rash.",
    "Symptoms were first noted 12 Jan 2022; review completed 19/01/2022.",
    "Escalated to the on-call registrar on 2023-07-02 after a drop in saturation.",
    "Prior authorisation approval for the MRI arrived 05/06/2024.",
    "Medication issues were discussed at the family meeting on 7 March 2024.",
    "The care plan was reviewed with her on Aug 3, 2023.",
    "Inhaler technique training was given 2022-11-30.",
    "Symptom diary entries in the app begin 11/04/2023.",
    "The wound was reviewed on 04.05.2023 and the dressing changed.",
    "Discussed at the multidisciplinary meeting on 12 Oct 2023; plan to continue antibiotics.",
    "Assessment scope widened on 2022-06-01 to include falls risk.",
    "Presentation to urgent care on 2024-01-15 with chest pain.",
    "Hearing test results from 09/09/2022 were reviewed today.",
    "Consent documentation signed 2023-05-17 before the procedure.",
    "Vaccination record updated on 21 June 2024 after the booster.",
    "First contact with the service was logged on 30/03/2023.",
    "Allergy list reconciled on 2022-12-01 during the visit.",
    "The encounter of 2021-08-19 was reviewed for coding.",
    "Wound photographs from 3 Nov 2023 were uploaded to the app.",
    "Dietitian review documented 17/07/2024; weight stable.",
    "Escalation to the rapid response team occurred 2023-02-27.",
    "Insurance approval for home oxygen came through on 08/12/2022.",
    "Her review with the memory service is on 14 September 2025.",
    "Blood glucose readings uploaded from the app since 2024-04-04 look stable.",
    "The review on 2020-10-10 noted ongoing dizziness.",
    "Issues with swallowing were first recorded 06/06/2021.",
    "Version 2 of the care plan, dated 2023-09-09, adds night checks.",
    "Admission assessment completed 02 Feb 2024 by the ward nurse.",
]


def _hits(sentence: str) -> list[str]:
    """The project words and patterns in a sentence, as project.py counts them."""
    words = set(P._WORDS.findall(sentence.lower()))
    for w in list(words):
        if "-" in w:
            words.update(w.split("-"))
    out = sorted(words & P._PROJECT_WORDS)
    out += sorted(
        {"rx:" + re.sub(r"\s+", " ", m.group(0).lower().strip())[:24] for m in P._PROJECT_RX.finditer(sentence)}
    )
    return out


def _reason(text: str, start: int, end: int) -> list[str]:
    """The project words the veto read for this date: its sentence's, or the short text's."""
    sentence = P._sentence(text, start, end)
    hits = _hits(sentence)
    return hits or _hits(text)


def _dates(text: str) -> list[tuple[int, int]]:
    return sorted({(s, e) for s, e, _, k in _all_spans(text) if k == "admission-date"})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", help="print the sentences where this word or pattern stands")
    args = ap.parse_args()

    useful: Counter[str] = Counter()
    sole: Counter[str] = Counter()
    exposed: Counter[str] = Counter()
    fired: Counter[str] = Counter()
    shown: list[str] = []

    clean = [t for _, t in clean_texts() if half_of(t) == "tune"]
    with open(HERE / "clean.jsonl", encoding="utf-8") as f:
        clean += [it["text"] for it in map(json.loads, f) if it["split"] == "dev"]
    rescued = 0
    for text in clean:
        if scan(text):
            continue
        vetoed = [(s, e) for s, e in _dates(text) if P._project_date(text, s, e)]
        if not vetoed:
            continue
        rescued += 1
        for s, e in vetoed:
            why = _reason(text, s, e)
            for w in why:
                useful[w] += 1
                if args.show == w:
                    shown.append("CLEAN  " + text[:200].replace("\n", " / "))
            if len(why) == 1:
                sole[why[0]] += 1

    care = list(CARE_SENTENCES)
    with open(HERE / "phi.jsonl", encoding="utf-8") as f:
        care += [it["text"] for it in map(json.loads, f) if it["split"] == "dev" and "admission-date" in it["kinds"]]
    n_dates = 0
    n_fired = 0
    for text in care:
        for s, e in _dates(text):
            n_dates += 1
            why = _hits(P._sentence(text, s, e))
            veto = P._project_date(text, s, e)
            n_fired += veto
            for w in why:
                exposed[w] += 1
                fired[w] += veto
                if args.show == w:
                    shown.append(("FIRED  " if veto else "care   ") + text[:200].replace("\n", " / "))

    print(f"clean texts passing thanks to a date veto: {rescued}; dates of care: {n_dates}, veto fired on {n_fired}")
    print(f"{'word':28} {'useful':>6} {'sole':>5} {'exposed':>7} {'fired':>5}")
    for w in sorted(set(useful) | set(exposed), key=lambda w: (-useful[w], -exposed[w], w)):
        print(f"{w:28} {useful[w]:6} {sole[w]:5} {exposed[w]:7} {fired[w]:5}")
    for line in shown:
        print(line)


if __name__ == "__main__":
    main()
