"""A literal pre-filter read from a compiled pattern: literals one of which every match must hold.

``needs(rx)`` reads the pattern's parse and returns a set of literal strings one of which every match contains (in
small letters, looked for in the text's folded form, where the pattern ignores case), or None when it is unsure (a
repetition that may be empty, a character class, a back-reference, a look-behind, a locale flag, a non-ASCII letter
under ignore-case). ``may_match(need, text, pos, endpos)`` is then False only when no match can exist there.

It is a measuring tool (``python -m bench.phi.costs --gate`` says what such a gate in front of each of the guard's
patterns would save on the slowest notes, and what its check would cost), not part of the guard: when it was written, the guard's patterns
were already run only where their words are, and a check in front of them cost more than it saved (the branch
prefilter's report has the figures). tests/test_phi_literal_gate.py holds it sound: never "no match" where the pattern matches."""

from __future__ import annotations

import re
from re import _constants as sre_constants  # type: ignore[attr-defined]  # the parser's opcodes
from re import _parser as sre_parse  # type: ignore[attr-defined]  # how `re` reads a pattern
from typing import Any, cast

# One literal a match must contain: (text, folded). A folded literal is in small letters and is looked for in the
# text's folded form (see ``fold``); an exact one in the text as it is.
Literal = tuple[str, bool]
Need = frozenset[Literal]

_OP = sre_constants
_REPEATS = (_OP.MAX_REPEAT, _OP.MIN_REPEAT, getattr(_OP, "POSSESSIVE_REPEAT", _OP.MAX_REPEAT))
_ATOMIC = getattr(_OP, "ATOMIC_GROUP", None)

# Under re.IGNORECASE an ASCII letter also matches these four characters (the engine compares simple lower-case
# forms, and treats i/ı and s/ſ as one letter). They are mapped to the ASCII letter before lower-casing, so that the
# folded text holds the letter a match would see; tests check this against the engine over all of Unicode.
_ODD_CASES = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_ODD_TABLE = str.maketrans(_ODD_CASES)


def fold(text: str) -> str:
    """The text in the form a folded literal is looked for in: each character that ignore-case matching would take
    for an ASCII letter becomes that letter in small letters, one character for one."""
    if not text.isascii() and any(c in text for c in _ODD_CASES):
        text = text.translate(_ODD_TABLE)
    return text.lower()


_LIMIT = 64  # the most strings an exact set holds before it is given up (a product of alternations grows fast)
_MAX = 2**63 - 1  # (re's default endpos)


def _better(a: Need | None, b: Need | None) -> Need | None:
    """The more selective of two conditions: longer shortest literal first, then fewer literals."""
    if a is None:
        return b
    if b is None:
        return a

    def score(n: Need) -> tuple[int, int]:
        return (min(len(s) for s, _ in n), -len(n))

    return a if score(a) >= score(b) else b


def _as_need(strings: frozenset[str] | set[str], icase: bool) -> Need | None:
    """A condition from a set of strings one of which a match holds: none if one is empty; a string that holds
    another of the set adds nothing ("jan", "january": "jan" is enough)."""
    if not strings or "" in strings:
        return None
    kept = {s for s in strings if not any(t != s and t in s for t in strings)}
    return frozenset((s, icase) for s in kept)


def _char(code: int, icase: bool) -> str | None:
    """The character a literal node matches, as looked for in the text; None when it cannot be looked for."""
    ch = chr(code)
    if not icase:
        return ch
    if not ch.isascii():
        return None  # ignore-case folding of other scripts is not modelled: no condition from it
    return ch.lower()


# A node's reading: (exact, need). exact is every string the node can match (in the node's case mode), when that
# set is small and known; need is a condition (see ``needs``) or None.
Reading = tuple[frozenset[str] | None, Need | None]
_ZERO: Reading = (frozenset({""}), None)


def _node(op: Any, av: Any, flags: int) -> Reading:
    icase = bool(flags & re.IGNORECASE)
    if op is _OP.LITERAL:
        ch = _char(av, icase)
        return (None if ch is None else frozenset({ch}), None)
    if op is _OP.AT or op is _OP.ASSERT_NOT:
        return _ZERO  # zero width: the literals on either side are still next to each other in the text
    if op is _OP.ASSERT:
        direction, sub = av
        # a look-ahead's text lies in the searched part of the string; a look-behind's may lie before it
        return (frozenset({""}), _seq(sub, flags)[1] if direction > 0 else None)
    if op is _OP.IN:
        chars = [_char(v, icase) if o is _OP.LITERAL else None for o, v in av]
        if len(chars) <= 8 and all(c is not None for c in chars):
            return (frozenset(cast(list[str], chars)), None)
        return (None, None)
    if op is _OP.SUBPATTERN:
        _group, add, delete, sub = av
        inner = (flags | add) & ~delete
        exact, need = _seq(sub, inner)
        return (exact if bool(inner & re.IGNORECASE) == icase else None, need)
    if _ATOMIC is not None and op is _ATOMIC:
        return _seq(av, flags)
    if op is _OP.BRANCH:
        readings = [_seq(alt, flags) for alt in av[1]]
        exacts = [e for e, _ in readings]
        exact = None
        if all(e is not None for e in exacts):
            union = frozenset().union(*cast(list[frozenset[str]], exacts))
            exact = union if len(union) <= _LIMIT else None
        needs_ = [n for _, n in readings]
        need = None
        if all(n is not None for n in needs_):
            need = frozenset().union(*cast(list[Need], needs_))
        return (exact, need)
    if op in _REPEATS:
        lo, hi, sub = av
        exact, need = _seq(sub, flags)
        out = None
        if exact is not None and hi <= 3 and len(exact) ** hi <= _LIMIT:
            strings = {""}
            out_set: set[str] = {""} if lo == 0 else set()
            for k in range(1, hi + 1):
                strings = {a + b for a in strings for b in exact}
                if k >= lo:
                    out_set |= strings
            out = frozenset(out_set)
        return (out, need if lo >= 1 else None)
    return (None, None)  # classes, any-character, back-references: no condition


def _seq(items: Any, flags: int) -> Reading:
    """The reading of a sequence of nodes: the exact strings of its runs of known strings, and the best need of
    those runs and of its parts."""
    icase = bool(flags & re.IGNORECASE)
    best: Need | None = None
    run: set[str] | None = {""}
    whole = True
    for op, av in items:
        exact, need = _node(op, av, flags)
        best = _better(best, need)
        if exact is not None and run is not None and len(run) * len(exact) <= _LIMIT:
            run = {a + b for a in run for b in exact}
            continue
        whole = False
        if run is not None:
            best = _better(best, _as_need(run, icase))
        run = set(exact) if exact is not None else {""}
    if run is not None:
        best = _better(best, _as_need(run, icase))
    return (frozenset(run) if whole and run is not None else None, best)


def needs(rx: re.Pattern[str]) -> Need | None:
    """Literals one of which every match of rx holds (in the part of the string searched), or None when the
    pattern gives no such condition."""
    if not isinstance(rx.pattern, str) or rx.flags & re.LOCALE:
        return None
    tree = sre_parse.parse(rx.pattern, rx.flags)
    flags = tree.state.flags
    if flags & re.LOCALE:
        return None
    return _seq(tree.data, flags)[1]


_last_fold = ["", ""]


def folded(text: str) -> str:
    """fold(text), the last text's kept: the detectors of a scan ask about the same text many times."""
    if text is not _last_fold[0]:
        _last_fold[1] = fold(text)
        _last_fold[0] = text
    return _last_fold[1]


def may_match(need: Need, text: str, pos: int = 0, endpos: int = _MAX) -> bool:
    """False only when no match of the pattern ``need`` was read from can lie between pos and endpos of text (a
    match's text, and its look-aheads', lie there; only look-behinds reach before pos, and they give no literal)."""
    low = None
    for s, is_folded in need:
        if not is_folded:
            if text.find(s, pos, endpos) >= 0:
                return True
            continue
        if low is None:
            low = folded(text)
        if low.find(s, pos, endpos) >= 0:
            return True
    return False
