"""Word alternations written for speed: regrouped by first letter, so that the regex engine tries one group at each
position instead of every word (care.py's, contacts.py's and addresses.py's word patterns)."""

from __future__ import annotations

import re
from collections.abc import Iterable


def words_by_first_letter(words: Iterable[str], after_first: str = "") -> str:
    """Plain words (small letters, no regex syntax) grouped by first letter, "a(?:ble|lert)|c(?:onfused)": each
    word tried only where its first letter is; ``after_first`` as in _by_first_letter."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{first}{after_first}(?:{'|'.join(rest)})" for first, rest in groups.items())


def _by_first_letter(alternatives: str, after_first: str = "") -> str:
    """An alternation of words, each starting with a letter, regrouped by that letter ("pt|pts|seen" ->
    "p(?:t|ts)|seen"): the regex engine then tries one group at each position instead of every word, several times
    faster, and finds the same matches (words with different first letters never compete at one position, and the
    order within a letter is kept). ``after_first`` goes right after each first letter (a look-behind: see
    shared.py's speed idiom). An alternative led by a group of words ("(?:knee|hip)\\s{1,3}replaced") is spread
    into one alternative per word first."""
    groups: dict[str, list[str]] = {}
    for a in _spread(_top_level(alternatives)):
        if not a[:1].isalpha():
            raise ValueError(f"{a!r} does not start with a letter")
        groups.setdefault(a[0].lower(), []).append(a[1:])
    return "|".join(k + after_first + (f"(?:{'|'.join(v)})" if len(v) > 1 else v[0]) for k, v in groups.items())


def _top_level(alternatives: str) -> list[str]:
    """The alternatives of an alternation, split at its top-level bars."""
    depth, cur, i = 0, "", 0
    alts = []
    while i < len(alternatives):
        ch = alternatives[i]
        if ch == "\\":
            cur += alternatives[i : i + 2]
            i += 2
            continue
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if ch == "|" and depth == 0:
            alts.append(cur)
            cur = ""
        else:
            cur += ch
        i += 1
    alts.append(cur)
    return alts


def _spread(alts: list[str]) -> list[str]:
    """Each alternative led by a group of words "(?:a|b)rest" as "arest", "brest" (in order; the group must not be
    repeated or optional)."""
    out: list[str] = []
    for a in alts:
        if not a.startswith("(?:"):
            out.append(a)
            continue
        depth, i = 0, 0
        while True:  # the group's closing bracket
            ch = a[i]
            if ch == "\\":
                i += 2
                continue
            depth += {"(": 1, ")": -1}.get(ch, 0)
            if depth == 0:
                break
            i += 1
        rest = a[i + 1 :]
        if rest[:1] in ("?", "*", "+", "{"):
            raise ValueError(f"{a!r}: a repeated or optional leading group")
        out.extend(_spread([w + rest for w in _top_level(a[3:i])]))
    return out
