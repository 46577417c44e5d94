"""Names typed in small letters, as chat is ("pt mr nicholson fell", "seen today: mary jones, 82", "son rob called",
"We reassured luciano alfonsi that the lump is benign"): each run of name words is given its capitals and the
name detectors read the text again; what they find on a run is a name. So a name in small letters is judged by
the same cues and the same staff vetoes as the same name in capitals ("ping priya raman re the build" passes as
"ping Priya Raman re the build" does).

A run holds a census name that is not an English word ("nicholson", "alfonsi"), with the words around it that
could be names too: other census names, words in no word list ("gronskis"), particles ("van", "ó") and names that
are English words ("rose", "brown") next to a census name. After a kinship word, a first name that is an English
word ("son rob called") counts on its own when what follows says it is a person's.

Cheap lead: a census name word written in small letters somewhere in the text (a set intersection on the text's
words and a substring test); most texts have none, and the detectors read the text again only when one is there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from commands.phi.alternations import words_by_first_letter
from commands.phi.namewords import _NEVER, _words, _wordset
from commands.phi.shared import words_of

_NAMES = _words("name_words.txt")
_ENGLISH = _words("english_words.txt")
_FIRST_ENGLISH = _words("first_english_words.txt")
_SURNAME_ENGLISH = _words("surname_english_words.txt")
_PARTICLES = _wordset("van von de del della di da dos das du le la ter ten al el bin ben ó o' mac mc st")
# Small words that are census names but mostly something else in notes (units, abbreviations, Latin).
_NOT_LEAD = _wordset(
    """
    obs prn bid tid qid qds tds nbm npo sob iv im po sc od bd mg mcg ml kg cm mm hr hrs min mins sec secs
    pre post per via vs etc aka fyi asap eta tba tbc pls thx ok hi yo yr yrs wk wks docker bolus
    """
)
# Abbreviations of IT and chat that are in no word list: after a first name they are not a surname ("pt mark cpoe
# orders reviewed", "uncle bob's bbq").
_ABBREVIATIONS = _wordset(
    """
    bbq cpoe lgtm lmk emr ehr emar pacs ris lis adt mar cds hie sso mfa vpn ehr btw imo imho afaik tbh idk brb
    wfh ooo eod eow cob sla rfc poc uat sit prd qa ux ui api sql etl hl7 fhir cerner epic
    """
)
# Surnames and first names that are English words and, after a name, mostly a verb or a word of a sentence
# ("sethi shows", "mark fell", "ann will").
_VERBISH = _wordset(
    """
    fell falls fall shows show call calls called will may can did does has had was see saw seen came come went
    goes gave give took take made make sent send told tell asked wants left lives lost stays cried walks walked
    cook cooks bell still well best long short little small large young good new old hall ward bay rose
    from into onto over under about after before above below near then than this that these those them they
    their there here what when where which while who whom whose also only just very much more most less least
    each every both either neither other another such same some any all none one two three four five six ten
    per via upon within without again back down off out up yet even ever never now soon today tonight
    patient patients case card age page test number numbers day days week weeks time times
    """
)
# First names that are English words and mostly a name before another name ("john smith", "grace o'neill"): a
# run may start at one (the other words of first_english_words.txt are as often words: "son", "page", "many").
_FIRST_SEEDS = _wordset(
    """
    john jack mark bill billy bob bobby tom tony peter martin victor roger harry frank grant dean earl glen don
    ken mike nick rick rob matt max pat sally sue carol grace hope joy faith rose ruby holly ivy iris heather hazel
    dawn olive pearl violet lily daisy amber crystal beryl eve maria marina sandy terry ray troy warren jimmy
    josh drew chad brad curt derrick hank herb hector homer jasper lance mason miles noel roman wade lee
    """
)
# A word in no list that is a diagnosis's or a drug's by its ending ("thyroiditis", "apixaban"): not a name.
_TERM = re.compile(
    r"(?:itis|osis|emia|aemia|oma|pathy|ectomy|otomy|algia|iasis|ism|plasty|scopy|gram|graphy|uria|mab|nib|pril|sartan"
    r"|olol|statin|azole|mycin|cillin|vir|ine|ide|ate|ase|ol)$"
)
# A word of letters, accents, apostrophes and hyphens, written in small letters.
_VOWEL = re.compile(r"[aeiouyà-ÿ]")
_LOWER_WORD = re.compile(r"[^\W\d_]{1,26}(?:['’-][^\W\d_]{1,25}){0,2}")
_REACH = 200  # characters either side of the runs that the detectors read again
_GAP = re.compile(r"[ \t]{1,2}")
_KIN = (
    r"(?:son|daughter|wife|husband|mother|father|mom|mum|dad|brother|sister|grandson|granddaughter|grandmother"
    r"|grandfather|grandma|grandpa|aunt|uncle|niece|nephew|partner|stepson|stepdaughter)"
)
# "son rob called", "wife, carol buckley": a kinship word, then a first name that is an English word, then what a
# person does or a break.
_KIN_THEN = (
    r"\b,?[ \t]{1,2}(?P<v>[a-z]{3,12})(?=[ \t]{0,2}(?:[,;(.]|$|called|phoned|rang|visited|is\b|was\b"
    r"|says|said|asked|wants|brought|came|will\s{1,2}(?:call|visit|bring|come)|at\s{1,2}(?:the\s{1,2})?bedside))"
)
_KIN_THEN_WORD = re.compile(rf"\b{_KIN}{_KIN_THEN}", re.MULTILINE)
_KIN_WORDS = frozenset(re.findall(r"[a-z]+", _KIN))
_KIN_FIRST = re.compile(rf"{_KIN}[ \t]", re.IGNORECASE)
# The speaker's own family or a colleague: "my son rob called, so I'll be late", "son rob is our Epic analyst".
_OWN_KIN = re.compile(r"\b(?:my|our)[ \t]{1,2}$", re.IGNORECASE)
_WORK_AFTER = re.compile(
    r"super\s{1,2}user|analyst|standup|stand-up|huddle|working\s{1,2}from\s{1,2}home|wfh|go-live|build|trainer"
    r"|our\s{1,2}(?:epic|cerner|team)|the\s{1,2}team|be\s{1,2}late|in\s{1,2}late|on\s{1,2}call\s{1,2}for",
    re.IGNORECASE,
)


# _KIN_THEN_WORD as read: no kin word is the start of another, so their order in the alternation does not matter
# (tests/test_phi_word_speed.py holds it to _KIN_THEN_WORD).
# Grouped by first letter, the word boundary before each read after its first letter: the engine skips straight to
# those letters instead of trying every position of the text.
_KIN_THEN_WORD_FAST = re.compile(
    "(?:" + words_by_first_letter(sorted(_KIN_WORDS), r"(?<!\w.)") + ")" + _KIN_THEN, re.MULTILINE
)
_JOINER = re.compile(r"['’-]")  # (a word's first piece: "o'brien", "anne-marie")
# A title in small letters right before a run: it is given its capital with the run ("pt mr nicholson fell").
_TITLE_BEFORE = re.compile(r"(?<![\w.])(?:mr|mrs|ms|miss|mx|dr)\.?[ \t]{1,2}$")


def _word_kind(word: str) -> str:
    """'N' a census name that is not an English word, 'F' a first name that is one, 'S' a surname that is one,
    'P' a particle, 'U' a word in no list, '' anything else (an English word, a product, an abbreviation)."""
    w = word.lower()
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if w in _PARTICLES:
        return "P"
    if len(w) < 3 or w in _NEVER or w in _NOT_LEAD:
        return ""
    if w in _NAMES or any(p in _NAMES for p in w.split("-") if len(p) > 2) or w.replace("'", "") in _NAMES:
        return "N"  # ("anne-marie", "o'brien")
    if w in _VERBISH:
        return ""
    if w in _FIRST_ENGLISH:
        return "F"
    if w in _SURNAME_ENGLISH:
        return "S"
    if w in _ENGLISH or not w.replace("-", "").replace("'", "").replace("’", "").isalpha() or _TERM.search(w):
        return ""
    if w in _ABBREVIATIONS or len(w) < 4 or not _VOWEL.search(w):
        return ""  # (an abbreviation, not a name: "bbq", "cpoe", "lgtm")
    return "U"


def _word_at(text: str, at: int) -> re.Match[str] | None:
    m = _LOWER_WORD.match(text, at)
    if m is None or not m.group(0).islower() or (at > 0 and (text[at - 1].isalnum() or text[at - 1] in "'’-_.@/\\#=")):
        return None  # (a part of an address, a path or a handle: "jessica.herrera@…", "/home/ramirez")
    if text[max(0, at - 3) : at].rstrip(" \t").endswith(("-\n", "-\r")):
        return None  # (the end of a word hyphenated at a line's end: "epi-\nsode")
    end = m.end()
    after = text[end : end + 2]
    if after[:1].isalnum() or after[:1] in ("_", "@", "/", "=") or (after[:1] == "." and after[1:].isalnum()):
        return None
    return m


def _token(text: str, at: int) -> tuple[int, int, str] | None:
    """The word in small letters starting at `at` and its kind (_word_kind), an initial ("j.") as 'I'."""
    m = _word_at(text, at)
    if m is None:
        return None
    word = m.group(0)
    if len(word) == 1 and text[m.end() : m.end() + 1] == ".":
        return at, m.end() + 1, "I"
    return at, m.end(), _word_kind(word)


_WORD_BEFORE = re.compile(r"(?:([^\W\d_][^\W\d_'’-]{0,25})|([^\W\d_])\.)[ \t]{1,2}$")
_NAME_KINDS = frozenset("NUPFSI")


def _run_around(text: str, start: int, end: int, seed: str) -> tuple[int, int] | None:
    """The run of name-like words in small letters around the name word at start..end: (start, end), at most two
    words before it and four in all, trimmed of particles at its ends. It holds a census name ("mary jones",
    "lisa b.", "t. lengyel"), a first name that is an English word before another name ("john smith", "john h.
    doe") or two words in no list ("augustas gronskis"); an English word after a name is a surname unless it is
    a verb's ("mary brown", not "sethi shows")."""
    words = [(start, end, seed)]
    at = start
    while len(words) < 3:
        left = text[max(0, at - 30) : at]
        gm = _WORD_BEFORE.search(left)
        tok = _token(text, at - len(left) + gm.start()) if gm else None
        if tok is None or tok[2] not in _NAME_KINDS or text[tok[1] : at].strip(" \t"):
            break  # (not a name word, or not the whole word before the run)
        words.insert(0, tok)
        at = tok[0]
    at = end
    while len(words) < 4:
        gap = _GAP.match(text, at)
        tok = _token(text, gap.end()) if gap else None
        if tok is None or tok[2] not in _NAME_KINDS:
            break
        words.append(tok)
        at = tok[1]
        if tok[2] == "S":
            break  # (an English-word surname ends a name: "mary brown")
    while words and (words[0][2] in "PS" or (words[0][2] == "F" and "".join(k for *_, k in words[1:3]) in ("", "I"))):
        words.pop(0)
    while words and words[-1][2] in "PFS" and (words[-1][2] == "P" or len(words) < 2 or words[-2][2] == "U"):
        words.pop()
    kinds = "".join(k for _, _, k in words)
    if not ("N" in kinds or ("F" in kinds and len(kinds) > 1 and kinds.strip("I") != "F") or kinds.count("U") >= 2):
        return None  # (a word in no list alone is a product, a drug, a typo as often as a name)
    return (words[0][0], words[-1][1])


def _capitalised(chars: list[str], start: int, end: int) -> None:
    """Give each word of chars[start:end] its capital (only where the capital is one character)."""
    first = True
    for i in range(start, end):
        c = chars[i]
        if first and c.isalpha():
            up = c.upper()
            if len(up) == 1:
                chars[i] = up
        first = c.isspace() or c == "-"


def lower_runs(text: str, words: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """The (start, end) of each run of name words in small letters, with a title just before it (``words``: the
    text's words, shared.words_of, when the caller has them)."""
    words = words_of(text) if words is None else words
    hits = [(w, "N") for w in words & _NAMES if len(w) >= 4 and w not in _NOT_LEAD and w in text]
    hits += [(w, "F") for w in words & _FIRST_SEEDS if w in text]
    runs: list[tuple[int, int]] = []
    for w, seed in hits:
        at = text.find(w)
        while at >= 0:
            m = _word_at(text, at)
            if m is not None and _JOINER.split(m.group(0), maxsplit=1)[0] == w:
                run = _run_around(text, at, m.end(), seed)
                if run and _KIN_FIRST.match(text, run[0]) is None:  # (a kinship word's name: read below)
                    runs.append(run)
            at = text.find(w, at + 1)
    if not _KIN_WORDS.isdisjoint(words):
        for km in _KIN_THEN_WORD_FAST.finditer(text):
            if km.group("v") in _FIRST_ENGLISH and not _own_kin(text, km.start(), km.end("v")):
                runs.append(km.span("v"))
    out = []
    for start, end in sorted(set(runs)):
        title = _TITLE_BEFORE.search(text, max(0, start - 6), start)
        out.append((start - len(title.group(0)) if title else start, end))
    return out


def _own_kin(text: str, start: int, end: int) -> bool:
    """A kinship word after "my"/"our", or a name followed by work words: the speaker's family or a colleague."""
    return bool(_OWN_KIN.search(text, max(0, start - 6), start) or _WORK_AFTER.search(text, end, end + 60))


def _marked(spans: Sequence[tuple[int, int]], size: int) -> bytearray:
    """A mask of the positions the spans cover: an overlap test is then one look-up per span, not a pass over all."""
    mask = bytearray(size + 1)
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    return mask


def _meets(mask: bytearray, start: int, end: int) -> bool:
    return mask.find(1, start, end) >= 0


def find_lower_names(
    text: str,
    finder: Callable[[str], list[tuple[int, int]]],
    known: Sequence[tuple[int, int]] = (),
    words: frozenset[str] | None = None,
) -> list[tuple[int, int]]:
    """The names in small letters that the name detectors (``finder``) find once the runs have their capitals; runs
    the detectors found as they are (``known``) are not read again. Only the text within _REACH characters of the
    runs is read (the detectors' cues are nearer than that)."""
    runs = lower_runs(text, words)
    if not runs:
        return []
    if known:
        found_mask = _marked(known, len(text))
        runs = [(s, e) for s, e in runs if not _meets(found_mask, s, e)]
        if not runs:
            return []
    lo, hi = max(0, runs[0][0] - _REACH), min(len(text), max(e for _, e in runs) + _REACH)
    chars = list(text[lo:hi])
    for start, end in runs:
        _capitalised(chars, start - lo, end - lo)
    run_mask = _marked([(s - lo, e - lo) for s, e in runs], hi - lo)
    return [(s + lo, e + lo) for s, e in finder("".join(chars)) if _meets(run_mask, s, e)]
