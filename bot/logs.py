"""Logging: one line per event, never message text at INFO or above, never a token."""

from __future__ import annotations

import logging
import re

_SECRET = re.compile(r"(xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+[A-Za-z0-9._~+/=-]+)")


class RedactSecrets(logging.Filter):
    """Last line of defence: a token that slips into a log record is masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str) and _SECRET.search(record.msg):
            record.msg = _SECRET.sub("[redacted]", record.msg)
        if record.args:
            record.args = tuple(_SECRET.sub("[redacted]", a) if isinstance(a, str) else a for a in record.args)
        return True


def configure(level: str = "INFO") -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("sqlalchemy.engine", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
