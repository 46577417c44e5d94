"""Amounts as PMOs type them (`1.2M`, `450k`, `1,250,000`, `$80,000.50`) and as Rounds says them back.
Kept in minor units (cents) so sums and variances are exact on every database."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

AMOUNT = re.compile(r"^[$€£]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*([kKmMbB])?$")
SCALE = {"k": 1_000, "m": 1_000_000, "b": 1_000_000_000}
MAX_CENTS = 10**15  # ten trillion: well past any project, well inside BIGINT


class AmountError(ValueError):
    pass


def parse_amount(raw: str) -> int:
    """`1.2M` -> 120_000_000 (cents). Raises AmountError with a sentence the speaker can act on."""
    m = AMOUNT.match(raw.strip())
    if not m:
        raise AmountError("must be an amount like 1.2M, 450k or 1,250,000")
    try:
        value = Decimal(m.group(1).replace(",", "") + (m.group(2) or ""))
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        raise AmountError("must be an amount like 1.2M, 450k or 1,250,000") from None
    value *= SCALE.get((m.group(3) or "").lower(), 1)
    cents = value * 100
    if cents != cents.to_integral_value():
        raise AmountError("has more than two decimal places")
    if cents >= MAX_CENTS:
        raise AmountError("is too large")
    return int(cents)


def say(cents: int, currency: str = "") -> str:
    """120_000_000 -> "1.2M CAD"; 45_000_000 -> "450k CAD"; 45_000_050 -> "450,000.50 CAD" (short when exact)."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    if cents >= 100_000_000 and cents % 1_000_000 == 0:  # whole tens of thousands: 1.25M
        text = _plain(Decimal(cents) / 100_000_000) + "M"
    elif 100_000 <= cents < 100_000_000 and cents % 10_000 == 0:  # whole hundreds: 450k, 12.5k
        text = _plain(Decimal(cents) / 100_000) + "k"
    else:
        whole, part = divmod(cents, 100)
        text = f"{whole:,}" + (f".{part:02d}" if part else "")
    return f"{sign}{text} {currency}".strip()


def percent(bp: int) -> str:
    """Basis points as a percent: 620 -> "+6.2%", -150 -> "-1.5%"."""
    sign = "+" if bp > 0 else ("-" if bp < 0 else "")
    return f"{sign}{_plain(Decimal(abs(bp)) / 100)}%"


def _plain(d: Decimal) -> str:
    """4.50 -> "4.5", 450 -> "450" (never 4.5E+2)."""
    return f"{d.normalize():f}"
