"""A token never reaches the log, whatever shape the call that carries it has."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest

from bot import logs

TOKEN = "xoxb-1234-5678-abcdefSECRET"


@pytest.fixture
def log() -> Iterator[tuple[logging.Logger, io.StringIO]]:
    root = logging.getLogger()
    saved = (root.handlers[:], root.level)
    out = io.StringIO()
    logs.configure("DEBUG", stream=out)
    yield logging.getLogger("rounds.test.redaction"), out
    root.handlers[:], root.level = saved


def test_a_token_in_a_mapping_argument_is_masked_and_the_line_still_formats(log) -> None:  # type: ignore[no-untyped-def]
    logger, out = log
    logger.warning("installing for %(team)s with %(token)s", {"team": "T1", "token": TOKEN})
    assert "installing for T1 with [redacted]" in out.getvalue()
    assert "SECRET" not in out.getvalue()


def test_a_token_inside_a_non_string_argument_is_masked(log) -> None:  # type: ignore[no-untyped-def]
    logger, out = log
    logger.error("call failed: %s", ValueError(f"invalid_auth for {TOKEN}"))
    assert "call failed: invalid_auth for [redacted]" in out.getvalue()
    assert "SECRET" not in out.getvalue()


def test_a_token_in_a_traceback_is_masked(log) -> None:  # type: ignore[no-untyped-def]
    logger, out = log
    try:
        raise RuntimeError(f"Authorization: Bearer {TOKEN}")
    except RuntimeError:
        logger.exception("sending failed")
    assert "Traceback" in out.getvalue() and "RuntimeError" in out.getvalue()
    assert "SECRET" not in out.getvalue()


def test_a_line_without_a_token_is_left_alone(log) -> None:  # type: ignore[no-untyped-def]
    logger, out = log
    logger.info("sent %d messages to %s", 3, "C123")
    assert "sent 3 messages to C123" in out.getvalue()
