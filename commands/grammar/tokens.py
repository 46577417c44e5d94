"""Split command text like a shell, but forgiving: smart quotes, `key:value` pairs, Slack mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass

from commands.errors import UsageError

QUOTES = {'"': '"', "'": "'", "“": "”", "”": "”", "‘": "’", "’": "’", "«": "»"}
# Phones turn "x" into “x”; an apostrophe inside a word (don't) is not a quote.
OPTION = re.compile(r"^([a-z][a-z-]{0,20}):(.*)$", re.DOTALL)
SLACK_MENTION = re.compile(r"^<@([A-Za-z0-9][\w:.\-]{1,99})(?:\|([^>]*))?>$")  # Slack U…/W…, a Teams object id
PLAIN_MENTION = re.compile(r"^@([\w][\w.\-']{0,79})$")


@dataclass(frozen=True)
class Word:
    text: str
    quoted: bool = False  # began with a quote: always free text, never an option or a keyword

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True)
class Mention:
    """A person as typed: a Slack id (with the name Slack sent) or a plain @name to look up."""

    user_id: str | None
    name: str | None

    def __str__(self) -> str:
        return f"<@{self.user_id}>" if self.user_id else f"@{self.name}"


def tokenize(text: str) -> list[Word]:
    words: list[Word] = []
    buf: list[str] = []
    quoted = False
    in_word = False
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            if in_word:
                words.append(Word("".join(buf), quoted))
                buf, quoted, in_word = [], False, False
            i += 1
            continue
        opens_quote = ch in QUOTES and (not in_word or (buf and buf[-1] == ":")) and not _apostrophe(text, i)
        if opens_quote:
            close = QUOTES[ch]
            end = _find_close(text, i + 1, ch, close)
            if end < 0 and ch in "'’‘":  # 'tis, the ’90s: a lone apostrophe is just a character
                buf.append(ch)
                in_word = True
                i += 1
                continue
            if end < 0:
                raise UsageError("A quote was opened but never closed.")
            if not in_word:
                quoted = True
            buf.append(text[i + 1 : end])
            in_word = True
            i = end + 1
            continue
        buf.append(ch)
        in_word = True
        i += 1
    if in_word:
        words.append(Word("".join(buf), quoted))
    return words


def _apostrophe(text: str, i: int) -> bool:
    return text[i] in "'’" and i > 0 and text[i - 1].isalnum()


def _find_close(text: str, start: int, opener: str, close: str) -> int:
    closers = {close, opener} if opener in "\"'" else {close, opener, '"'}
    single = opener in "'‘’"
    for j in range(start, len(text)):
        if text[j] in closers:
            if single and text[j] in "'’" and _between_letters(text, j):
                continue  # Vendor's, don’t: an apostrophe, not the closing quote
            return j
    return -1


def _between_letters(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def split_option(word: Word) -> tuple[str, str] | None:
    """`owner:@sam` -> ("owner", "@sam"); a quoted word or a URL is never an option."""
    if word.quoted:
        return None
    m = OPTION.match(word.text)
    if not m or m.group(2).startswith("//"):
        return None
    return m.group(1), m.group(2)


def as_mention(text: str) -> Mention | None:
    text = text.strip()
    m = SLACK_MENTION.match(text)
    if m:
        return Mention(user_id=m.group(1), name=(m.group(2) or None))
    m = PLAIN_MENTION.match(text)
    if m:
        return Mention(user_id=None, name=m.group(1).rstrip(".,;"))
    return None


def mentions(text: str) -> list[Mention] | None:
    """A comma-separated list of mentions (`@a,@b` or `<@U1>,<@U2>`); None when any part is not one."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    found = [as_mention(p) for p in parts]
    if not found or any(m is None for m in found):
        return None
    return [m for m in found if m is not None]
