"""The person a clinician speaks to in a transcript: "Nurse: Jane, can you squeeze my hand?", "Dr: Hi Mr. Lund,
how is the pain today?". The speaker's label is a role, so the other detectors read the name after it as the
speaker's (staff); but a name set off by a comma and followed by a question about the listener's body, pain or
feelings is the patient spoken to. A colleague is asked about work ("Nurse: Jane, can you check bed 4's obs?").

Cheap lead: a colon and the word "you" in the text (a set lookup); the pattern is read only at a line's start.
"""

from __future__ import annotations

import re

from commands.phi.names import _NAME
from commands.phi.shared import _I, words_of

_ADDRESSED = re.compile(
    r"(?:^|\n)[ \t]{0,3}(?:nurse|rn|dr|doctor|physio|clinician|provider|paramedic|midwife|np|hca|ot|consultant)\.?"
    r"\s{0,2}:\s{0,3}(?:(?:hi|hello|morning|good\s{1,2}(?:morning|afternoon|evening)|ok|okay|right|so)[,!]?\s{1,2})?"
    r"(?:(?:mr|mrs|ms|miss)\.?\s{1,2})?" + _NAME + r"\s{0,2}[,!]\s{0,3}"
    # not a colleague asked about the project ("how are you feeling about the go-live?")
    r"(?![^\n?]{0,100}?\b(?:go-live|go\s{1,2}live|build|order\s{1,2}sets?|(?<!care\s)plan|tracker|downtime|cutover|rollout"
    r"|training|project|upgrade|release|sprint|standup|stand-up|huddle|meeting|ticket|interface|workflow)s?\b)"
    # a question or a request to the listener about their own body, pain or feelings
    r"(?=[^\n.?!]{0,40}?\byou(?:r)?\b[^\n?]{0,60}?\b(?:my\s{1,2}(?:hand|finger|fingers)|your\s{1,2}(?:pain|name|date"
    r"\s{1,2}of\s{1,2}birth|arms?|legs?|hands?|feet|toes|eyes|mouth|tongue|breath|chest|tummy|stomach|back|head"
    r"|medication|meds|tablets|wound)|feeling|feel|hurts?|hurting|pain|sore|breathe|deep\s{1,2}breath|slept|eaten"
    r"|nauseous|dizzy|sick)(?![-\w])(?!['’]?s?\s{1,2}(?:team|service|clinic|nurse|consultant|rota|number|pump\s{1,2}order)))",
    _I,
)
_ADDRESSED_WORDS = frozenset({"you", "your"})


def find_addressees(text: str) -> list[tuple[int, int]]:
    """Spans of the names a clinician's speaker line addresses with a question about the listener's care."""
    if ":" not in text or _ADDRESSED_WORDS.isdisjoint(words_of(text)):
        return []
    return [m.span("v") for m in _ADDRESSED.finditer(text)]
