"""The scan's judging shortcuts (commands/phi/__init__.py) give the findings of the plain form: every span the
detectors find judged by the allowances, then merged. The shortcut judges spans in priority order and skips a span
already kept under a higher-priority kind; these tests compare the two on the regression corpus, the development
notes and made-up text dense with identifiers, with and without a workspace's people and allowances."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import commands.phi as phi
from commands.phi import Allowances, Finding, Workspace, scan
from commands.phi.allow import allowed
from tests.support.phi_texts import corpus_texts, dev_texts

WORKSPACES = [
    phi._DEFAULT,
    Workspace(
        people=frozenset({"Maria Santos", "Dana Whitfield", "John Smith"}),
        allow=Allowances(service_desk=False, server_ip=False, numbers=frozenset({"4165550100"})),
    ),
]


def _plain(text: str, workspace: Workspace) -> list[Finding]:
    """Every span judged (once per span and kind), the kept ones merged: the scan without its shortcuts."""
    if not text:
        return []
    verdicts: dict[tuple[int, int, str], bool] = {}
    spans = []
    for s in phi._all_spans(text):
        key = (s[0], s[1], s[3])
        if key not in verdicts:
            verdicts[key] = allowed(text, s[0], s[1], s[3], workspace.people, workspace.allow)
        if not verdicts[key]:
            spans.append(s)
    spans.sort(key=lambda s: (s[0], s[2]))
    merged: list[tuple[int, int, int, str]] = []
    for start, end, prio, kind in spans:
        if merged and start < merged[-1][1]:
            cur_start, cur_end, cur_prio, cur_kind = merged[-1]
            if prio < cur_prio:
                cur_prio, cur_kind = prio, kind
            merged[-1] = (cur_start, max(cur_end, end), cur_prio, cur_kind)
        else:
            merged.append((start, end, prio, kind))
    return [Finding(kind, start, end) for start, end, _, kind in merged]


def _same(text: str) -> None:
    for workspace in WORKSPACES:
        assert scan(text, workspace) == _plain(text, workspace)


# Spans two detectors both find, under two kinds: a label's kind and a shape's, a record label and a plan's.
OVERLAPS = [
    "MRN: 123-45-6789 for the patient",
    "pt acct 99887766 MRN 1234567 DOB 01/02/1950",
    "Patient John Smith, SSN 123-45-6789, member ID 445566778, phone 416-555-0100",
    "Server 10.20.30.40 patched; pt IP 10.1.1.1",
    "Call the service desk on 416-555-0100 about the patient Maria Santos",
]


@pytest.mark.parametrize("text", OVERLAPS)
def test_spans_found_under_two_kinds_give_the_plain_findings(text: str) -> None:
    assert scan(text)
    _same(text)


@pytest.mark.parametrize("source", ["corpus", "dev"], ids=["the regression corpus", "the development notes"])
def test_the_shortcuts_give_the_plain_findings_on_real_texts(source: str) -> None:
    texts = corpus_texts() if source == "corpus" else list(dev_texts())
    assert len(texts) > 100
    for text in texts:
        _same(text)


_PIECES = [
    "MRN", "MRN:", "DOB", "dob:", "acct", "account", "member ID", "policy #", "SSN", "serial", "S/N", "pt", "patient",
    "Mr", "Mrs.", "John Smith", "Maria Santos", "Dana Whitfield", "admitted", "discharged", "go-live", "vendor",
    "service desk", "Cerner", "server", "ticket", "UAT", "phone", "fax", "cell", "Ext", "his", "her", "daughter",
    "123-45-6789", "1234567", "99887766", "445566778", "01/02/1950", "3/14", "2026-12-04", "416-555-0100",
    "(816) 555-0134", "10.20.30.40", "192.168.1.5", "8.8.8.8", "jsmith@gmail.com", "123 Main Street",
    "Springfield, IL 62704", "92", "age 93", "yo", "F", "bed 4", "room 12", "LIME2-802", "INC0012345",
]  # fmt: skip

_DENSE = st.lists(
    st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", ", ", ": ", ". ", "; ", "\n", " / ", "-", "#"])),
    max_size=30,
).map(lambda parts: "".join(p + sep for p, sep in parts))


@settings(max_examples=400, deadline=None)
@given(_DENSE)
def test_the_shortcuts_give_the_plain_findings_on_made_up_dense_text(text: str) -> None:
    _same(text)
