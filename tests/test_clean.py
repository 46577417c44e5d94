"""Text is cleaned once, where it comes in (commands/grammar/clean.py): NUL, control characters and lone surrogates
never reach the database (PostgreSQL refuses NUL in text; nothing can encode a lone surrogate), whichever door the
text used — a command, a form, a thread reply, the speaker's own profile."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select

from commands.context import Speaker
from commands.grammar.clean import clean, clean_all
from storage.models import Person, Risk, StatusUpdate
from tests.support.chat import Chat

UNWANTED = {chr(c) for c in range(0x20) if chr(c) not in "\t\n"} | {"\x7f"}


@given(st.text())
def test_cleaned_text_has_nothing_no_one_types_and_cleaning_twice_changes_nothing(text: str) -> None:
    out = clean(text)
    assert not set(out) & UNWANTED
    assert not any(0xD800 <= ord(c) <= 0xDFFF for c in out)
    out.encode("utf-8")  # always encodable
    assert clean(out) == out


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))))
def test_text_a_person_types_is_left_exactly_as_it_was(text: str) -> None:
    assert clean(text) == text


def test_what_is_dropped_what_is_kept_and_what_is_replaced() -> None:
    assert clean("Vendor\x00 back on\x07 track") == "Vendor back on track"
    assert clean("line one\r\nline two\rthree\tfour") == "line one\nline two\nthree\tfour"
    assert clean("bed \ud800 4") == "bed \ufffd 4"
    assert clean_all({"k\x00": ["a\x01", {"b": "\udfff"}], "n": 5, "ok": None}) == {
        "k": ["a", {"b": "\ufffd"}],
        "n": 5,
        "ok": None,
    }


def test_a_nul_byte_in_a_command_is_stored_without_it(ehr: Chat) -> None:
    ehr.ok("sam", '/status green "Vendor\x00 back on\x1b track"')
    assert ehr.all(select(StatusUpdate.note)) == ["Vendor back on track"]


def test_control_characters_in_a_form_are_dropped(ehr: Chat) -> None:
    reply = ehr.submit("sam", "risk.raise", {"title": "Infusion\x00 pump\x0b recall", "likelihood": "4", "impact": "4"})
    assert not reply.error, reply.text
    assert ehr.all(select(Risk.title)) == ["Infusion pump recall"]


def test_a_speaker_name_with_a_nul_is_stored_without_it(ehr: Chat) -> None:
    zoe = Speaker(user_id="zoe\x00", handle="zoe", display_name="Zoe\x00 Park\x07")  # cleaned as it is made
    ehr.rounds.run(ehr.context("zoe").model_copy(update={"speaker": zoe}), "/status", "")
    assert ehr.all(select(Person.display_name).where(Person.platform_user_id == "zoe")) == ["Zoe Park"]
