"""The word lists that let the allowance phase skip its long patterns, and the readings of a text that use them.

project.py's signs of a patient (_PERSON, _PATIENT) and of a project (_PROJECT_RX, _ORG_OWNER, _RESEARCH,
_TEST_DATA) are long alternations ignoring case, slow to try at every word of every finding's sentence. Each has
here a list of the words its matches begin with (or hold): a pattern is tried only where one of them stands, or
not run at all in a sentence without any. A word added to a pattern goes in its list too;
tests/test_phi_fast_paths.py checks that each shortcut finds what its pattern finds on the corpus, the dev notes
and made-up text. Its own file so project.py keeps the judging.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from commands.phi.namewords import _wordset


def _leads(words: str) -> dict[str, tuple[str, ...]]:
    """The words a pattern's matches begin with, by their first two letters: a word of the text is tried when it
    begins with one of them ("widow" for "widower", "dob" for "DOBno")."""
    out: dict[str, tuple[str, ...]] = {}
    for w in words.split():
        out[w[:2]] = (*out.get(w[:2], ()), w)
    return out


# Where a match of _PERSON can begin: a number (see _NUMBER_CANDIDATES), a word of these, or one of the short words ("a&e",
# "a real patient", "d.o.b", "do.b", "s/p", "x-ray", "f/u", "ed/er visit", "re-admitted", "née").
_PERSON_LEADS = _leads(
    """
    male female man woman boy girl baby newborn neonate infant toddler gentleman lady widow named known aka nee
    admitted readmitted discharged died deceased passed fell fall seen arrived emergency triage transferred present
    treated diagnosed dx operated underwent hospitali intubated resuscitated sedated transfused injured born birth
    next nok dob mrn urn nhs hospital chart encounter medicare medicaid ssn health discharge admission death
    transfer appointment surgery referral result record meds wristband review visit attendance follow consult
    assessment attend his her their operation cath biopsy mri ct xray ecg ekg echo colonoscopy endoscopy dialysis
    chemo symptom injury fracture stroke hx
    """
)
_PERSON_SHORT = frozenset({"a", "d", "do", "s", "x", "f", "ed", "er", "re", "n"})
_PATIENT_LEADS = _leads(
    """
    patient pt inpatient daughter son wife husband mother father mum mom dad guardian caregiver carer grandson
    granddaughter grandmother grandfather niece nephew sister brother next
    """
)


def _beginning_with(leads: set[str], whole: set[str]) -> str:
    """A pattern for a word beginning with one of the leads or being one of the whole words, grouped by first letter
    (the engine passes over a group whose first letter differs at one comparison)."""
    rests: dict[str, set[str]] = {}
    for w in leads:
        rests.setdefault(w[0], set()).add(re.escape(w[1:]))
    for w in whole:
        rests.setdefault(w[0], set()).add(re.escape(w[1:]) + "(?![a-z])")
    return "|".join(f"{first}(?:{'|'.join(sorted(rest))})" for first, rest in sorted(rests.items()))


# Where _PERSON or _PATIENT is tried, in the text in small letters: a word beginning with one of their lead words or
# being one of _PERSON's short words, and a number of at most three digits with an age's unit or a sex after it (at
# most five spaces and dashes, then "y", "m", "w" or "f": "85 yo", "3-month-old", "45 M"). The other words are not
# read one by one. Two readings, each of which the engine skips through to the characters a match can start with: a
# number's first digit (read before the look behind it), and the character before a word (any but a small letter,
# read before the word: the engine is not started at each letter of each word).
_NUMBER_CANDIDATES = re.compile(r"[0-9](?<![0-9][0-9])[0-9]{0,2}(?![0-9])(?=[\s-]{0,5}[ymwf])")
_LEAD_WORD = (
    "(?="
    + _beginning_with(
        {w for leads in (_PERSON_LEADS, _PATIENT_LEADS) for ws in leads.values() for w in ws}, set(_PERSON_SHORT)
    )
    + r")[a-z]{1,40}"
)
_WORD_CANDIDATES = re.compile(r"[^a-z](" + _LEAD_WORD + ")")
_FIRST_WORD_CANDIDATE = re.compile(_LEAD_WORD)  # (the text's first word has no character before it)


def _candidates(low: str) -> list[tuple[int, str]]:
    """Where a text in small letters has a candidate, and the candidate (its number, or its word up to 40 letters),
    in order of position."""
    found = [(m.start(), m.group()) for m in _NUMBER_CANDIDATES.finditer(low)]
    first = _FIRST_WORD_CANDIDATE.match(low)
    if first:
        found.append((0, first.group()))
    found.extend((m.start(1), m.group(1)) for m in _WORD_CANDIDATES.finditer(low))
    found.sort()
    return found


# What ignoring case reads as an ASCII letter ("ſ" as "s", the Kelvin sign as "k", "İ" and "ı" as "i"), or lowers
# to two characters ("İ"): a text with one of them (or with digits of another script) is read by finditer.
_CASE_FOLDS = frozenset("\u0130\u0131\u017f\u212a")


def _no_folds(text: str) -> bool:
    """Whether, ignoring case, only ASCII letters in the text match a pattern's ASCII letters (so a word list of
    small letters finds every word a pattern can match)."""
    return text.isascii() or not any(ch in text for ch in _CASE_FOLDS)


def _plain(text: str) -> bool:
    """Whether the text's lower-case letters stand where its own do, and only ASCII letters and digits match the
    patterns' ASCII letters and digits (ignoring case)."""
    return text.isascii() or (_no_folds(text) and not _OTHER_DIGIT.search(text))


_OTHER_DIGIT = re.compile(r"\d(?<![0-9])")  # a digit of another script (\d is str.isdecimal)


def _person_and_patient(
    text: str, person_rx: re.Pattern[str], patient_rx: re.Pattern[str]
) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """The same matches as ``person_rx.finditer(text)`` and ``patient_rx.finditer(text)`` (project.py's _PERSON and
    _PATIENT), in one reading of the text's words: each pattern is tried only where one of the words its matches
    begin with begins (a long alternation ignoring case is slow to try at every word), and, as with finditer, not
    inside its own last match."""
    if not _plain(text):
        return list(person_rx.finditer(text)), list(patient_rx.finditer(text))
    person: list[re.Match[str]] = []
    patient: list[re.Match[str]] = []
    person_done = patient_done = 0
    for at, w in _candidates(text.lower()):
        if w[0] > "9":
            if at >= patient_done and w.startswith(_PATIENT_LEADS.get(w[:2], ())):
                m = patient_rx.match(text, at)
                if m:
                    patient.append(m)
                    patient_done = m.end()
            if at < person_done or not (w in _PERSON_SHORT or w.startswith(_PERSON_LEADS.get(w[:2], ()))):
                continue
        elif at < person_done:
            continue
        m = person_rx.match(text, at)
        if m:
            person.append(m)
            person_done = m.end()
    return person, patient


_WORDS = re.compile(r"[a-z]{1,30}(?:-[a-z]{1,20})*")
# A word every match of _PROJECT_RX holds (its first, or "site"/"campus" after a site's name): a sentence with none
# of them has no match, and the pattern (a long alternation tried at every word) is not run (see _no_folds).
_PROJECT_RX_WORDS = _wordset(
    """
    go goes went live site command account war epic cerner oracle meditech altera sectra philips telstra sunquest
    orion rhapsody badgernet okta new relocate relocates relocated relocating relocation opens reopens opening walk
    walked walking move moves moved moving campus action actions decision decisions mitigation mitigations gate
    milestone milestones sprint
    """
)
# The words a match of _ORG_OWNER begins with: an ASCII sentence without any is not searched (see _holds).
_ORG_OWNER_WORDS = _wordset(
    """
    vendor vendors supplier suppliers hq headquarters head office offices legal accounts team contractor contractors
    company corporate war data sow invoice invoices contract contracts conference kick kickoff install pmo courier
    steering cutover go procurement tender payroll department dept microsoft oracle epic cerner philips siemens zebra
    equinix
    """
)
# The words a match of _RESEARCH or of _TEST_DATA begins with.
_RESEARCH_WORDS = _wordset(
    """
    pubmed pmid pmcid doi genbank clinicaltrials nct research publication journal article citation dataset data
    bioproject biosample geo arxiv
    """
)
_TEST_DATA_WORDS = _wordset(
    """
    uat sit demo sandbox dummy synthetic fake mock test training interface message tech technical specification
    sample
    """
)


@lru_cache(maxsize=64)
def _words_in(s: str) -> frozenset[str]:
    """The words of a sentence in small letters, a hyphened word also by its pieces ("go-live": go, live)."""
    words = frozenset(_WORDS.findall(s.lower()))
    if "-" not in s:
        return words
    return words.union(*(w.split("-") for w in words if "-" in w))


def _holds(rx: re.Pattern[str], leads: frozenset[str], *pieces: str) -> bool:
    """Whether rx matches the pieces joined by spaces (a sentence, the finding), for a pattern whose matches begin
    with a word of ``leads``: when no piece holds one of those words the pattern is not run."""
    for p in pieces:
        if not (_no_folds(p) and leads.isdisjoint(_words_in(p))):
            return bool(rx.search(" ".join(pieces)))
    return False


# The words of project._HOME_WORDS (a match is a whole word of the text, or "patient" before "'s"). The text's words of
# the list are found once; a window then looks them up, not trying the pattern at each of its 230 positions.
_HOME_WORD_LIST = _wordset(
    """
    home live lives living reside resides residence residential domicile my her his their family mother father son
    daughter wife husband discharge discharged discharges ambulance patient patients pt
    """
)
# The list's words whole in a text in small letters, by first letter (the engine passes over a group whose first
# letter differs at one comparison, so only the list's words are read, not every word).
_HOME_WORD_RX = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        f"{first}(?:{'|'.join(sorted((w[1:] for w in _HOME_WORD_LIST if w[0] == first), key=len, reverse=True))})"
        for first in sorted({w[0] for w in _HOME_WORD_LIST})
    )
    + r")(?!\w)"
)


@lru_cache(maxsize=4)
def _home_word_spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Once per text (one without case folds, so its small letters stand where its own do): where its words of
    _HOME_WORD_LIST begin and end ("live" not after a hyphen: "go-live")."""
    low = text.lower()
    spans = [m.span() for m in _HOME_WORD_RX.finditer(low)]
    spans = [(a, b) for a, b in spans if not (a > 0 and text[a - 1] == "-" and low.startswith("live", a))]
    return tuple(a for a, _ in spans), tuple(b for _, b in spans)


def _home_word(text: str, at: int, word: str) -> bool:
    w = word.lower()
    return w in _HOME_WORD_LIST and not (w.startswith("live") and at > 0 and text[at - 1] == "-")


def _home_words(text: str, lo: int, hi: int, home_rx: re.Pattern[str]) -> bool:
    """The same answer as ``home_rx.search(text, lo, hi)`` (project._HOME_WORDS): a word of the list whole in the
    window, or the start of a word the window's end cuts ("my" of "myriad", as the pattern reads it)."""
    if not _no_folds(text):
        return bool(home_rx.search(text, lo, hi))
    starts, ends = _home_word_spans(text)
    i = bisect_left(starts, lo)
    if i < len(starts) and ends[i] <= hi:
        return True
    if 0 < hi < len(text) and _is_word(text[hi - 1]) and _is_word(text[hi]):
        at = hi - 1
        while at > lo and _is_word(text[at - 1]):
            at -= 1
        if at > lo or lo == 0 or not _is_word(text[lo - 1]):
            return _home_word(text, at, text[at:hi])
    return False


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"
