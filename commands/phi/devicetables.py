"""A device's serial in a table: a header row with a serial column ("Device | Model | Serial") and the rows under
it ("Pacemaker | ADDR01 | PJN123456H"). The labelled-serial rules read a sentence, and a row holds no label: the
header says what the column is. A row's value counts when the row names a device only a person carries (a
pacemaker, an ICD lead, a hearing aid, an insulin pump) or the table (or the line just above it) names a patient
(a pronoun elsewhere in the text does not); a row of the hospital's
stock or kit ("Infusion pump | 8100 | 12345678" in an asset list, a laptop) passes.
"""

from __future__ import annotations

import re

from commands.phi.carriedids import CARRIED_DEVICES
from commands.phi.namewords import _wordset
from commands.phi.shared import _digits, has_any

_HEAD_WORDS = frozenset({"serial", "serials", "sn", "s/n"})
_HEAD = re.compile(r"(?:device\s{1,2})?(?:serial(?:\s{0,2}(?:no\.?|number|nbr|#))?|s/n|sn)", re.IGNORECASE)
_WORD = re.compile(r"[a-z]{1,30}")
_VALUE = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9/-]{0,38}[A-Za-z0-9])?")
_RULE = re.compile(r"[\s:|+-]{0,200}")  # (a markdown table's |---|---| line)


_CARRIED = CARRIED_DEVICES
# A patient (not a pronoun: "She will update the list"; not "ms": "Latency was 20 ms").
_PERSON = _wordset("patient pt patients pts mr mrs resident client")
# A table of the hospital's stock, kit or releases.
_NOT_A_PERSONS = _wordset(
    "asset assets stock inventory fleet loaner loaners consignment biomed laptop laptops workstation printer"
    " release version library firmware build"
)
_ROWS = 12  # rows read under one header


def find_table_serials(text: str) -> list[tuple[int, int]]:
    """(start, end) of the values under a serial column of a "|" or tab table of a person's devices."""
    seps = [s for s in ("|", "\t") if s in text]
    if not seps or not has_any(text, _HEAD_WORDS):
        return []
    lines = _lines(text)
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        i = _read_table(lines, i, seps, found)
    return found


def _read_table(lines: list[tuple[int, str]], i: int, seps: list[str], found: list[tuple[int, int]]) -> int:
    """Read line i as a header with a serial column and the rows under it into ``found``; the next line to read
    (a line read as a row is not read again as a header: the work stays linear)."""
    line = lines[i][1]
    for sep in seps:
        cells = _cells(line, sep)
        column = next(
            (c for c, (_, cell) in enumerate(cells) if len(cell) < 24 and _HEAD.fullmatch(cell.strip())), None
        )
        if column is None or len(cells) < 2 or not _words(line).isdisjoint(_NOT_A_PERSONS):
            continue
        rows: list[tuple[int, str, list[tuple[int, str]], frozenset[str]]] = []
        for row_lo, row in lines[i + 1 : i + 1 + _ROWS]:
            row_cells = _cells(row, sep)
            if len(row_cells) != len(cells):
                break
            rows.append((row_lo, row, row_cells, _words(row)))
        # A patient is named in the table or on the line just above it (not anywhere in the text: "She will update
        # the list by Friday" under a table of pumps names no patient).
        near = [_words(lines[i - 1][1]) if i else frozenset(), _words(line), *(r[3] for r in rows)]
        person = any(not w.isdisjoint(_PERSON) for w in near)
        for row_lo, row, row_cells, words in rows:
            if _RULE.fullmatch(row) or not words.isdisjoint(_NOT_A_PERSONS):
                continue
            if not person and words.isdisjoint(_CARRIED):
                continue
            at, cell = row_cells[column]
            value = _VALUE.search(cell)
            if value and value.end() - value.start() >= 4 and _digits(value[0]) >= 2:
                found.append((row_lo + at + value.start(), row_lo + at + value.end()))
        return i + 1 + len(rows)
    return i + 1


def _words(line: str) -> frozenset[str]:
    return frozenset(_WORD.findall(line.lower()))


def _lines(text: str) -> list[tuple[int, str]]:
    out, lo = [], 0
    for line in text.split("\n"):
        out.append((lo, line))
        lo += len(line) + 1
    return out


def _cells(line: str, sep: str) -> list[tuple[int, str]]:
    """(offset in the line, text) of each cell."""
    out, lo = [], 0
    for cell in line.split(sep):
        out.append((lo, cell))
        lo += len(cell) + len(sep)
    return out
