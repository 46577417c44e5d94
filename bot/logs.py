"""Logging: one line per event, never message text at INFO or above, never a token."""

from __future__ import annotations

import logging
import re
import secrets
from typing import TextIO

_SECRET = re.compile(r"(xox[abposre]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|Bearer\s+[A-Za-z0-9._~+/=-]+)")
# Bolt messages that quote the request (its body, a payload's values): what is kept of each at INFO and above.
_BOLT_QUOTES = (
    ("Invalid request signature detected", "Invalid request signature detected (request not logged)"),
    ("Unhandled request", "Unhandled request (not logged)"),
    ("A global middleware", "A global middleware skipped the request without a response (request not logged)"),
    ("Request body", "Request body not logged"),
    ("request body", "Request body not logged"),
    ("Failed to run listener function", "Failed to run listener function (details at DEBUG)"),
    ("Failed to run a middleware", "Failed to run a middleware (details at DEBUG)"),
)


def failure(log: logging.Logger, what: str, error: BaseException) -> str:
    """A worker failure: one line at ERROR with what failed and the kind of error — never its message, which may
    quote the caller's data — and the traceback at DEBUG only. Returns the reference to show the person."""
    ref = secrets.token_hex(4)
    log.error("%s failed ref=%s: %s", what, ref, type(error).__name__)
    log.debug("%s failed ref=%s", what, ref, exc_info=error)
    return ref


class RedactSecrets(logging.Filter):
    """Last line of defence: a token that slips into a log record is masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        # Format first, then mask: a token can arrive in any argument (a dict, a URL object, an exception), and
        # masking the arguments one by one would break a mapping ("%(token)s") or miss a non-string one.
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a malformed record: keep only its template, never its arguments
            message = str(record.msg)
        if record.args or _SECRET.search(message):
            record.msg, record.args = _SECRET.sub("[redacted]", message), None
        return True


class RedactingFormatter(logging.Formatter):
    """The formatted line masked again: a traceback is formatted after the filters ran, and may quote a token."""

    def format(self, record: logging.LogRecord) -> str:
        return _SECRET.sub("[redacted]", super().format(record))


class PrivateBolt(logging.Filter):
    """On Bolt's loggers: a message that would quote a request is cut to its first words, and a traceback Bolt
    attaches at ERROR is dropped (it may hold the payload in its frames' reprs). Rounds already keeps Bolt away
    from these paths (bot/slack/app.py); this is the backstop should a Bolt upgrade add or move one."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.INFO:
            return True
        message = str(record.msg)
        for prefix, kept in _BOLT_QUOTES:
            if message.startswith(prefix):
                record.msg, record.args = kept, None
                record.exc_info, record.exc_text = None, None
                break
        return True


def configure(level: str = "INFO", stream: TextIO | None = None) -> logging.Handler:
    handler = logging.StreamHandler(stream)
    handler.setFormatter(RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactSecrets())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("sqlalchemy.engine", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return handler
