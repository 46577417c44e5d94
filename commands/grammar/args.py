"""A command's words after tokenising: positional words, `key:value` options, and small readers for each."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from datetime import date
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from commands.errors import UsageError
from commands.grammar.dates import DateError, parse_date
from commands.grammar.echo import did_you_mean, echo
from commands.grammar.tokens import (
    Mention,
    Word,
    as_mention,
    mentions,
    split_option,
    tokenize,
)
from storage.models import RAG

KEY_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{1,11}$")
RAG_WORDS = {
    "green": RAG.GREEN,
    "amber": RAG.AMBER,
    "yellow": RAG.AMBER,
    "red": RAG.RED,
    "🟢": RAG.GREEN,
    "🟠": RAG.AMBER,
    "🟡": RAG.AMBER,
    "🔴": RAG.RED,
}
# Every option key any command knows: one given to the wrong command is an error, not free text.
ALL_OPTIONS = {
    "pm",
    "sponsor",
    "sponsors",
    "method",
    "cadence",
    "template",
    "schedule",
    "budget",
    "scope",
    "likelihood",
    "impact",
    "owner",
    "review",
    "category",
    "mitigation",
    "description",
    "status",
    "due",
    "risk",
    "gate",
    "approvers",
    "quorum",
    "must",
    "conditions",
    "until",
    "checklist",
    "note",
    "reason",
    "to",
    # the RAID log and the plan's controls
    "severity",
    "validate-by",
    "need-by",
    "approved",
    "actual",
    "forecast",
    "currency",
    "rag",
    "rrule",
    "from",
    "critical",
    "waive",
}

T = TypeVar("T")


class Args:
    """Positional words plus options. `usage` is the usage key quoted by every error raised here."""

    def __init__(
        self,
        words: list[Word],
        usage: str,
        allowed: AbstractSet[str] = frozenset(),
        today: date | None = None,
        *,
        loose: bool = False,
    ):
        """`loose`: words like `cmio:@kim` are the command's own (role:people), not options."""
        self.usage = usage
        self.today = today or date.today()
        self.options: dict[str, str] = {}
        self.words: list[Word] = []
        for word in words:
            opt = split_option(word)
            if opt is None or (loose and opt[0] not in allowed):
                self.words.append(word)
                continue
            key, value = opt
            if key in allowed:
                if key in self.options:
                    raise UsageError(f"`{key}:` was given twice.", usage)
                self.options[key] = value
            elif key in ALL_OPTIONS:
                known = f" It takes {', '.join(f'`{k}:`' for k in sorted(allowed))}." if allowed else ""
                raise UsageError(f"`{key}:` doesn't go with this command.{known}", usage)
            elif value.strip():
                # `reviw:+3d`, `quorm:any`: a mistyped option is refused, never glued into a title or a name
                hint = did_you_mean(key, allowed, suffix=":") or (
                    f" It takes {', '.join(f'`{k}:`' for k in sorted(allowed))}." if allowed else ""
                )
                raise UsageError(
                    f"I don't know the option `{echo(key)}:`.{hint} Text with a colon in it goes in quotes.", usage
                )
            else:
                self.words.append(word)  # "Vendor: late" — a colon at the end of a word is prose

    @classmethod
    def of(cls, text: str, usage: str, allowed: AbstractSet[str] = frozenset(), today: date | None = None) -> Args:
        return cls(tokenize(text), usage, allowed, today)

    # -- positional words ---------------------------------------------------------------------
    def peek(self) -> Word | None:
        return self.words[0] if self.words else None

    def pop(self) -> Word | None:
        return self.words.pop(0) if self.words else None

    def pop_keyword(self, *choices: str) -> str | None:
        """Take the next word when it is one of `choices` (case-insensitive, unquoted)."""
        w = self.peek()
        if w is not None and not w.quoted and w.lower in choices:
            self.words.pop(0)
            return w.lower
        return None

    def pop_key(self, known: set[str], reserved: AbstractSet[str] = frozenset()) -> str | None:
        """A leading project key: typed in capitals, or the name of a project that exists."""
        w = self.peek()
        if w is None or w.quoted or not KEY_PATTERN.match(w.text) or w.lower in reserved:
            return None
        if w.text.isupper() or w.text.upper() in known:
            self.words.pop(0)
            return w.text.upper()
        return None

    def rest_text(self) -> str:
        """The remaining words as free text (the grammar quotes it; people often don't)."""
        text = " ".join(w.text for w in self.words).strip()
        self.words = []
        return text

    def done(self) -> None:
        if self.words:
            extra = " ".join(w.text for w in self.words)
            raise UsageError(f"I didn't understand `{echo(extra)}`.", self.usage)

    # -- options --------------------------------------------------------------------------------
    def opt(self, key: str) -> str | None:
        return self.options.get(key)

    def opt_date(self, key: str, name: str | None = None) -> date | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        return self.date(raw, name or key)

    def date(self, raw: str, name: str) -> date:
        try:
            return parse_date(raw, self.today)
        except DateError as e:
            raise UsageError(f"{name}: {e}", self.usage) from None

    def opt_int(self, key: str, low: int, high: int, name: str | None = None) -> int | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        return self.int_in(raw, low, high, name or key)

    def int_in(self, raw: str, low: int, high: int, name: str) -> int:
        if not re.fullmatch(r"\d{1,6}", raw.strip()):
            raise UsageError(f"{name} must be a whole number from {low} to {high}.", self.usage)
        value = int(raw)
        if not low <= value <= high:
            raise UsageError(f"{name} must be from {low} to {high} (got {value}).", self.usage)
        return value

    def opt_rag(self, key: str) -> RAG | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        rag = RAG_WORDS.get(raw.strip().lower())
        if rag is None:
            raise UsageError(f"{key} must be green, amber or red (got `{echo(raw)}`).", self.usage)
        return rag

    def opt_mention(self, key: str) -> Mention | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        return self.mention(raw, key)

    def mention(self, raw: str, name: str) -> Mention:
        m = as_mention(raw)
        if m is None:
            raise UsageError(f"{name} must be a person, like @sam (got `{echo(raw)}`).", self.usage)
        return m

    def opt_mentions(self, key: str) -> list[Mention] | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        found = mentions(raw)
        if found is None:
            raise UsageError(f"{key} must be people, like @a,@b (got `{echo(raw)}`).", self.usage)
        return found

    def opt_choice(self, key: str, choices: Mapping[str, T]) -> T | None:
        raw = self.options.get(key)
        if raw is None:
            return None
        value = choices.get(raw.strip().lower())
        if value is None:
            raise UsageError(f"{key} must be one of {', '.join(choices)} (got `{echo(raw)}`).", self.usage)
        return value


def ref_number(word: Word | str | None, prefix: str) -> int | None:
    """`R-12`, `r12`, `R12` -> 12 (for prefix R)."""
    text = word.text if isinstance(word, Word) else word
    if text is None:
        return None
    m = re.fullmatch(rf"[{prefix}{prefix.lower()}]-?(\d{{1,9}})", text.strip())
    return int(m.group(1)) if m else None


def timezone_name(raw: str) -> str | None:
    """An IANA zone name, matched case-insensitively (`europe/london` -> `Europe/London`)."""
    raw = raw.strip()
    if not raw or len(raw) > 64 or not re.fullmatch(r"[A-Za-z0-9_+\-/]+", raw):
        return None
    try:
        ZoneInfo(raw)
        if "/" in raw or raw.upper() == "UTC":
            return raw
    except (ZoneInfoNotFoundError, ValueError, OSError):
        pass
    lowered = raw.lower()
    for name in _zones():
        if name.lower() == lowered:
            return name
    return None


_ZONES: list[str] = []


def _zones() -> list[str]:
    if not _ZONES:
        _ZONES.extend(sorted(available_timezones()))
    return _ZONES
