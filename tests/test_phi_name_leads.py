"""The name detectors' shortcuts find what the plain patterns find, on any text (commands/phi/leads.py, names.py,
narrative.py, lexicon.py, namewords.py, namecues.py): a long case-blind pattern is tried only where its lead starts in
the text's folded letters, ASCII or not ("Møller", "PATİENT", "ſon", curly quotes and dashes); a name-first pattern
only when all that must follow its name is there, read in small letters; an ASCII text is cut into its words by
ASCII classes; a label is read as first written. A word added to a pattern goes in its lead or tail too: the real
texts here, the same texts with letters past ASCII put in, or made-up text of the patterns' own words show when one
misses it. And notes past ASCII are refused or stored as before."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commands.phi import leads, lexicon, namecues, names, namewords, narrative, people, scan, shared
from tests.support.chat import Chat
from tests.support.phi_texts import corpus_texts, dev_texts

# Every pattern read through its lead, with the lead.
_EVERY = [(rx, lead) for rx, lead in names._LEADS.items()] + [
    (people._PT_NAME, people._PT_LEAD),
    (people._PT_APPOSITIVE, people._PT_COMMA_LEAD),
]
_FIRST = list(narrative._LEADS.items())
# The patterns that open with a name, said to open with a capital; and each as first written.
_AT_CAPITAL = [
    names._NAME_DASH_AGE,
    names._NAME_THEN_AGE,
    names._NAME_COMMA_CARE,
    names._NAME_PAREN_ID,
    names._IS_KIN,
    names._NAME_THEN_VERB,
]
_CAPITAL = f"(?=(?-i:{names._UC1}))"
_AS_WRITTEN = [re.compile(rx.pattern.replace(_CAPITAL, "", 1), rx.flags) for rx in _AT_CAPITAL]
# What must follow a name, written in small letters and read case-blind on the text's folded letters (leads.found);
# and each as a case-blind pattern.
_TAILS = [tail for rx, tail in narrative._TAILS.items() if rx is not narrative._SUBJECT_VERB] + [narrative._BORN_TAIL]
_TAILS += [
    after for _, _, after, folded, _ in names._CUE_RULES + names._FULL_NAME_RULES if after is not None and folded
]
_CASE_BLIND = [re.compile(tail.pattern, re.IGNORECASE) for tail in _TAILS]


def _clear() -> None:
    leads.small_text.cache_clear()
    leads.folded_text.cache_clear()


def _same_leads(text: str) -> None:
    _clear()
    for rx, lead in _EVERY:
        fast = [m.span() for m in leads.every_led(rx, lead, text)]
        assert fast == [m.span() for m in shared._matches(rx, text)], (rx.pattern[:60], text)
    for rx, lead in _FIRST:
        fast = [m.span() for m in leads.finditer_led(rx, lead, text)]
        assert fast == [m.span() for m in rx.finditer(text)], (rx.pattern[:60], text)
    for rx, _, after, folded, lead in names._CUE_RULES + names._FULL_NAME_RULES:  # (its tail and its lead: one gate)
        fast = [m.span() for m in names._found(rx, after, folded, lead, text)]
        assert fast == [m.span() for m in shared._matches(rx, text)], (rx.pattern[:60], text)
    if "For" not in text:  # (narrative._narrative_subjects reads _FOR_OPENING only in a text with its word)
        assert not narrative._FOR_OPENING.search(text), text
    for tail, blind in zip(_TAILS, _CASE_BLIND, strict=True):
        assert leads.found(tail, text) == (blind.search(text) is not None), (tail.pattern[:60], text)
    for rx, first in zip(_AT_CAPITAL, _AS_WRITTEN, strict=True):
        assert [m.span() for m in shared._matches(rx, text)] == [m.span() for m in shared._matches(first, text)], text
    found = leads.search_led(narrative._REFERENT, narrative._REFERENT_LEAD, text)
    assert found == (narrative._REFERENT.search(text) is not None), text
    for lo in range(0, len(text), 97):
        found = leads.search_led(narrative._REFERENT, narrative._REFERENT_LEAD, text, lo, lo + 400)
        assert found == (narrative._REFERENT.search(text, lo, lo + 400) is not None), text


# Letters past ASCII put into a text: a case fold of an ASCII letter ("İ", "ı", "ſ", the Kelvin sign), letters
# that change their length in small letters, curly quotes and long dashes.
_PAST_ASCII = [
    ("i", "ı"),
    ("I", "İ"),
    ("s", "ſ"),
    ("K", "\u212a"),
    ("'", "’"),
    (" - ", " — "),
    ("o", "ø"),
    ("e", "é"),
]


def _past_ascii(text: str, n: int) -> str:
    old, new = _PAST_ASCII[n % len(_PAST_ASCII)]
    return text.replace(old, new) + " Møller"


def test_the_tails_read_in_small_letters_have_no_capital_letters() -> None:
    assert len(_TAILS) >= 10
    for tail in _TAILS:
        assert not tail.flags & re.IGNORECASE
        assert not re.search("[A-Z]", re.sub(r"\\.", "", tail.pattern)), tail.pattern  # (escapes such as \S aside)


@pytest.mark.parametrize(
    "text",
    [
        "PATİENT NAME: Ayşe Yılmaz; patıent called Jo Ray; Pt, Ana Lima, fell. Møller (pt) said",
        "ſon Ben Ray was here. \u212aIN: Ann Lee; care recipient José Núñez declined — named Zoë Ng",
        "Next of kin: Søren Kierkegaard. Service user Jana Horák, resident Ivan Petrov (care), bed 4 – Debóra",
        "the patient’s preferred name is Martin. The individual, Lieke, expressed pain; nickname ‘Sunny’",
        "Prefers to be called Bo; goes by Zé; your name is Ana Lúcia?; assessed Guiomar Verduzco, Ms Ojaste",
        "I got Emma for you—3-year-old; Jo Ray, a 45 yo m; ÉMILE O’Neil (MRN 12); McAdam, Peter, treated at St",
        "Ann Lee is AN 45 Y/O; Bo Ray wasa 3 yrs old; Al Ng, who denied any pain; Ed Li, seen in clinic; Jo, who was",
        "The patient was seen. For Ana Lima, the walk was hard. FOR Bo Ray, pain. for Jo Ng, rest.",
        "Jeffrey Stevens is the grandmother; xAnna Lee denies pain; 4Tom Ray (dob 1/2/3); ann lee was seen; Ñu Lo",
    ],
)
def test_each_lead_is_found_where_the_pattern_finds_it(text: str) -> None:
    _same_leads(text)
    _same_leads(text.upper())
    _same_leads(text.lower())


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_leads_agree_with_the_patterns_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for n, text in enumerate(texts):
        _same_leads(text)
        _same_leads(_past_ascii(text, n))


_WORDS = sorted(
    {w for rx, lead in _EVERY + _FIRST for w in re.findall(r"[a-z]{2,}", lead.pattern)}
    | {
        "Møller",
        "İlker",
        "ſon",
        "\u212aim",
        "José",
        "Ann",
        "Lee",
        "O’Neil",
        "NAME",
        "PT",
        "pt,",
        "McAdam",
        "J.",
        "ÉMILE",
    }
    | {"45 yo", "(MRN", "(dob", "is the", "was", "seen", "denies", "treated at", "who was", "mother", "a 3-year-old"}
    | {"a", "an", "AN", "who", "denied", "any", "pain", "seen in", "3 yrs", "2 weeks-old"}
    | {"ıs the", "aſ the", "PATİENT", "ROLE IS", "72 / F", "(BORN", "'s family", "C/O", "YEARS-OLD", "Wıfe"}
)
_MADE_UP = st.lists(
    st.tuples(
        st.sampled_from(_WORDS),
        st.sampled_from(["", "upper", "title"]),
        st.sampled_from([" ", "  ", ": ", ", ", " — ", " / ", ". ", "\n", " = ", "'s ", "’s ", " (", ") ", "x"]),
    ),
    max_size=14,
).map(lambda parts: "".join((getattr(w, case)() if case else w) + sep for w, case, sep in parts))


@settings(max_examples=600, deadline=None)
@given(_MADE_UP)
def test_the_leads_agree_with_the_patterns_on_made_up_text_of_their_words(text: str) -> None:
    _same_leads(text)


# An ASCII text is cut into its words by patterns of ASCII classes (lexicon._WORD_CUT_ASCII,
# namewords._CTX_CUT_ASCII): the same cuts as the patterns of any script.
def _same_cuts(text: str) -> None:
    if text.isascii():
        assert lexicon._WORD_CUT_ASCII.split(text) == lexicon._WORD_CUT.split(text), text
        low = text.lower()
        assert namewords._CTX_CUT_ASCII.split(low) == namewords._CTX_CUT.split(low), text


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_an_ascii_text_is_cut_into_the_same_words(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    for text in texts:
        _same_cuts(text)
        _same_cuts(text.upper())


_ASCII = st.lists(
    st.one_of(
        st.sampled_from(["O'Neil", "Ferndale-Ostrowski", "J.", "Mc-", "x/y", "a'", "-b", "'s", "4W", "y/o", "A.B."]),
        st.integers(1, 34).map(lambda n: ("Ab" * 20)[:n]),  # (runs about the 30 letters a word holds)
        st.text(alphabet="aZ09 '-/._\n,", min_size=1, max_size=6),
    ),
    max_size=20,
).map("".join)


@settings(max_examples=800, deadline=None)
@given(_ASCII)
def test_made_up_ascii_text_is_cut_into_the_same_words(text: str) -> None:
    _same_cuts(text)


def _plain_label_as_first_written(label: str) -> str:
    label = namecues._SPACED.sub(lambda m: m.group(0).replace(" ", ""), label)
    words = []
    for w in label.split():
        if "l" in w and sum(c.isupper() for c in w) >= max(2, len(w) - 2):
            w = w.replace("l", "I")
        words.append(w.translate(namecues._LEET).lower())
    return " ".join(words)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_a_label_reads_as_first_written_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    for n, text in enumerate(texts):
        for piece in (text[i : i + 60] for i in range(0, len(text), 37)):
            for label in (piece, _past_ascii(piece, n), piece.upper()):
                assert namecues.plain_label(label) == _plain_label_as_first_written(label), label


_LABEL_PIECES = "P A T l L İ ı Σ é 0 1 3 4 5 7 $ @ x PATlENT lDENTITY Name N_A_M_E P_4_T a_b . : = - ' _".split()  # noqa: SIM905
_LABELS = st.lists(
    st.sampled_from([p.replace("_", " ") for p in _LABEL_PIECES] + [" ", "  ", "\t", "\n", "_"]), max_size=24
).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_LABELS)
def test_a_made_up_label_reads_as_first_written(label: str) -> None:
    assert namecues.plain_label(label) == _plain_label_as_first_written(label)


# Notes with curly quotes, long dashes and accented names: their leads are found in the folded letters, and a patient's
# name is refused as before; a project's note of the same shape is stored.
NAMES_PAST_ASCII = [
    "Pt’s daughter — Søren Lindqvist — says the patient’s wife, Åsa Lindqvist, missed her dialysis.",
    "Service user Jana Horák declined the vaccine on the ward round.",
    "Next of kin: Ayşe Yılmaz (daughter); she’s on the ward daily.",
    "Müller, Jürgen — 72 / M / chest pain, seen in ED overnight.",
]
PROJECT_PAST_ASCII = [
    "The interface team’s go-live moved to 4 March — Zoë from Epic confirmed the cutover.",
    "Café rollout: Jürgen Müller built the order set; René reviewed the dashboard.",
]


@pytest.mark.parametrize("text", NAMES_PAST_ASCII)
def test_a_patients_name_in_a_note_past_ascii_is_refused(ehr: Chat, text: str) -> None:
    ehr.note_refused("sam", text)
    assert "patient-name" in {f.kind for f in scan(text)}


@pytest.mark.parametrize("text", PROJECT_PAST_ASCII)
def test_a_projects_note_past_ascii_is_stored(ehr: Chat, text: str) -> None:
    ehr.note_stored("sam", text)


def _candidates_word_by_word(text: str) -> list[tuple[int, int, str]]:
    """lexicon._candidates as first written: every capitalised word read in turn, with the gap before it."""
    surnames = namewords._words("surname_english_words.txt")
    out: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []

    def close() -> None:
        if run and lexicon._is_name([k for _, _, k in run]):
            out.append((run[0][0], run[-1][1], "".join(k for _, _, k in run)))
        run.clear()

    prev = 0
    for m in lexicon._WORD.finditer(text):
        w, k = m.group(0), lexicon._kind_of(m.group(0))
        gap, prev = text[prev : m.start()], m.end()
        if run:
            joined = (
                gap in lexicon._SPACE_GAPS
                or (gap in lexicon._COMMA_GAPS and len(run) == 1)
                or gap in lexicon._PARTICLE_GAPS
            )
            if joined and w in lexicon._CAP_PARTICLES:
                continue
            if k in "EF" and joined and run[-1][2] in "NIF" and w.rstrip(".").lower() in surnames:
                k = "S"
            if not joined or k in ("X", "E"):
                close()
        if k not in ("X", "E"):
            run.append((m.start(), m.end(), k))
    close()
    return out


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_runs_of_name_words_are_those_read_word_by_word(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    for n, text in enumerate(texts):
        for variant in (text, _past_ascii(text, n)):
            assert lexicon._candidates(variant) == _candidates_word_by_word(variant), variant


_NAME_WORDS = st.lists(
    st.tuples(
        st.sampled_from(
            ["Mary", "Brown", "J.", "Young", "Ní", "Bhriain", "De", "la", "Cruz", "Van", "der", "Berg", "The", "EHR",
             "Ottoline", "Brzezinska", "Tomaszewska", "Albina", "Patient", "John", "Smith", "Szöllösy", "K.", "Dr.",
             "O'Neil", "Ferndale-Ostrowski", "Jan", "Mark", "Lola's", "x", "and"]
        ),
        st.sampled_from([" ", "  ", ", ", ",  ", " de ", " van der ", ". ", "\n", " - ", "\t", ": "]),
    ),
    max_size=14,
).map(lambda parts: "".join(w + gap for w, gap in parts))  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(_NAME_WORDS)
def test_made_up_runs_of_name_words_are_those_read_word_by_word(text: str) -> None:
    assert lexicon._candidates(text) == _candidates_word_by_word(text)
