"""Identifiers in text written as a letter, an e-mail, a voicemail or a message, by or to a patient or a relative,
where nothing labels them: the name after "Dear Ms", in a "Re:" or "Subject:" line, on its own line under
"Regards," (with the town and the phone under it), in a forwarded "From: Name <address>" header, or said by its
owner ("this is Michael Thomas", "my name is …"); and the dates of care the writer tells ("I had my appendix out at
Valley General on April 22nd", "On 14 September 2026 Dr Rao extracted my wisdom tooth").

A PMO writes letters too ("Dear team,", "Regards,\\nDana Whitfield\\nPMO lead\\n416-555-0100", "Re: Go-live
readiness", "I had a meeting with the vendor on April 22nd"). What tells them apart is what the text is about:
words of a person's care, a relative ("my mother"), a complaint about treatment, against words of a project; and,
for a signature, a role line under the name ("PMO lead", "Practice Manager") or a title ("Dr") that makes it
staff's.

Cheap by construction: each detector runs only when the text holds one of its cue words (a set lookup on the
text's words), every pattern is bounded, and the line passes look at a fixed number of lines after a cue.
"""

from __future__ import annotations

import re
from functools import lru_cache

from commands.phi.care import date_matches
from commands.phi.lexicon import _candidates, _kind_of
from commands.phi.namecues import _STAFF_ROLES
from commands.phi.namewords import _PROJECT_WORDS, _wordset
from commands.phi.shared import _I, _digits, line_around, sentence_around, words_of


def _at_words(rx: re.Pattern[str], text: str, starts: tuple[str, ...]) -> list[re.Match[str]]:
    """The matches of rx that start at a word of `starts` (rx begins with those words): the words are found by
    str.find, and rx is tried only there, not at every position of the text."""
    low = text.lower()
    out = []
    for w in starts:
        at = low.find(w)
        while at >= 0:
            if at == 0 or not low[at - 1].isalnum():
                m = rx.match(text, at)
                if m:
                    out.append(m)
            at = low.find(w, at + 1)
    return out


# --- what the text is about ----------------------------------------------------------------------------------------
# Words of a person's care, of a relative, of a complaint about treatment.
_CARE = _wordset(
    """
    appointment appointments appt clinic doctor doctors dentist dental tooth teeth wisdom molar extraction extracted
    filling crown braces surgery surgeries operation operated procedure treatment treated hospital admitted
    discharged biopsy results blood scan mri ultrasound xray x-ray prescription prescribed medication medications
    medicine pharmacy symptoms symptom pain fever infection vaccination vaccinations vaccine injection gp nhs
    insurance pre-auth preauth referral referred recovery post-op diagnosis diagnosed consultation check-up checkup
    physio physiotherapy therapy meningitis asthma diabetes cancer pregnancy pregnant baby mom mum mother father dad
    son daughter wife husband child uncle aunt grandmother grandfather grandma grandpa complaint cheated overcharged
    overcharging overcharge negligence refund sick illness allergy allergic cpap medicare medicaid necessity
    bronchiolitis lumbar spine knee hip wound stitches laparoscopic appendectomy labs lab bloods birth midwife
    labour maternity nurse nurses ambulance a&e er ward
    """
)
# Words of a project, an office or a vendor: the lexicon's, and what a PMO letter adds.
_PMO = _PROJECT_WORDS | _wordset(
    """
    readiness cutover pmo programme program stakeholder stakeholders status timeline scope deliverable deliverables
    implementation kickoff kick-off uat backlog kpi raci governance sow vendor vendors epic cerner ts analyst
    analysts workshop webinar onboarding procurement attached agenda slides deck invite invitation rollout
    go-live golive cab change sprint roadmap licence license renewal quote proposal
    """
)
# A writer speaking of their own (or a relative's) care, a complaint about it: worth two care words.
_MY_CARE = re.compile(
    r"\bmy\s{1,2}(?:(?:late\s{1,2})?(?:mother|mom|mum|father|dad|son|daughter|wife|husband|child|baby|uncle|aunt"
    r"|grandmother|grandfather|grandma|grandpa|brother|sister|partner)|surgery|operation|appointment|tooth|teeth"
    r"|doctor|dentist|gp|results|prescription|medication|treatment|recovery|biopsy|pain|symptoms|insurance|procedure"
    r"|scan|x-?ray|mri)\b",
    _I,
)
_I_CARE = re.compile(
    r"\bI\s{1,2}(?:was|am|have\s{1,2}been|got)\s{1,2}(?:admitted|treated|seen|discharged|cheated|overcharged"
    r"|charged|operated|diagnosed|prescribed)\b",
    _I,
)
_I_CARE_WORDS = frozenset(
    "admitted treated seen discharged cheated overcharged charged operated diagnosed prescribed".split()  # noqa: SIM905
)
# A letter to a patient about their care: "your biopsy results", "your appointment".
_YOUR_CARE = re.compile(
    r"your\s{1,2}(?:(?:routine|recent|latest|next|upcoming|annual|follow-up|blood|test|lab|scan|mri|x-?ray|biopsy)"
    r"\s{1,2})?(?:appointment|results?|biopsy|vaccinations?|blood\s{1,2}tests?|tests?|prescription|surgery|operation"
    r"|referral|treatment|medication|gp|doctor|cpap|scan|mri|x-?ray|procedure|recovery|diagnosis|check-?up|visit|stay"
    r"|admission|discharge|care|health|symptoms|condition)\b",
    _I,
)
_COMPLAINT = ("take action", "look into this", "enquire into", "the council")


def _own_care(text: str, words: frozenset[str]) -> int:
    """How many signs (at most 3) of a writer speaking of their own or a relative's care, or complaining of it."""
    n = 0
    if "my" in words:
        n += sum(1 for _ in zip(range(3), _at_words(_MY_CARE, text, ("my",)), strict=False))
    if n < 3 and "i" in words and not _I_CARE_WORDS.isdisjoint(words) and _at_words(_I_CARE, text, ("i ", "i  ")):
        n += 1
    if n < 3 and not {"action", "council", "enquire", "look"}.isdisjoint(words):
        low = text.lower()
        n += sum(1 for c in _COMPLAINT if c in low)
    return min(n, 3)


# The writer's own number: a sign of a person writing, but staff have mobiles too.
_OWN_NUMBER = re.compile(r"\bmy\s{1,2}(?:mobile|cell|phone|contact|home)(?:\s{1,2}(?:phone|number|no))?\b", _I)
_OWN_CUES = frozenset({"my", "i", "council", "action", "enquire", "look"})


# The text's words come without hyphens ("go-live" is "go" and "live"): a hyphenated word of a list counts when
# all its pieces are there.
_HYPHENED_CARE = tuple((w, tuple(w.split("-"))) for w in _CARE if "-" in w)
_HYPHENED_PMO = tuple((w, tuple(w.split("-"))) for w in _PMO if "-" in w)


def _with_hyphened(words: frozenset[str], pairs: tuple[tuple[str, tuple[str, ...]], ...]) -> set[str]:
    return {w for w, parts in pairs if all(p in words for p in parts)}


@lru_cache(maxsize=4)
def _balance(text: str) -> tuple[int, int, int]:
    """(words of a person's care, words of a project, signs of a person's own care) in the text; a sign of the
    writer's own care ("my mother", "I was admitted", "your biopsy results", a complaint) counts as two words."""
    words = words_of(text)
    care = len(_CARE & words)
    project = len(_PMO & words)
    if "-" in text:
        care += len(_with_hyphened(words, _HYPHENED_CARE))
        project += len(_with_hyphened(words, _HYPHENED_PMO))
    own = 0
    if not _OWN_CUES.isdisjoint(words):
        own = _own_care(text, words)
        care += 1 if "my" in words and _at_words(_OWN_NUMBER, text, ("my",)) else 0
    if "your" in words and own < 3:
        own += min(3 - own, len(_at_words(_YOUR_CARE, text, ("your",))))
    return care + 2 * own, project, own


def _about_care(text: str) -> bool:
    """More words of a person's care than of a project."""
    care, project, _ = _balance(text)
    return care > 0 and care > project


def _patient_voice(text: str) -> bool:
    """About a person's care, and either a sign of the person's own care or care words far outnumbering a
    project's (more than twice as many): a PMO message about a clinic's go-live has care words too, but nobody's
    own ("Thanks,\nDana Whitfield" under "the doctors liked the new appointment workflow" is staff's signature)."""
    care, project, own = _balance(text)
    return care > 0 and care > project and (own > 0 or care > 2 * project)


def _about_project(text: str) -> bool:
    """Words of a project, and at least as many as of a person's care."""
    care, project, _ = _balance(text)
    return project > 0 and project >= care


# --- names ----------------------------------------------------------------------------------------------------------
# A role or a department on the line under a name, or on it: the signature of staff.
# (Not the lexicon's words of a sentence that may stand before a name: "by", "thanks", "from", "contact"… .)
_ROLE_LINE = (
    _STAFF_ROLES
    | _wordset(
        """
        officer specialist administrator admin assistant receptionist secretary practice desk office department dept
        services service support informatics hr clinical nursing pharmacy laboratory radiology programme program
        project projects operations ops governance quality compliance legal finance billing scheduling committee
        board consultant cardiologist dentist surgeon gp registrar ward matron
        """
    )
) - _wordset("by thanks thank cc from per contact present minutes apologies credit credits attendee attendees")
_STAFF_TITLES = frozenset({"dr", "dr.", "prof", "prof.", "doctor", "professor"})


_PARTICLES = frozenset(
    "da de del della der den di do dos du el la le van von ten ter bin ibn al zu y e".split()  # noqa: SIM905
)
_TOKENS = re.compile(r"[^\s]{1,40}")


def _full_name(s: str) -> tuple[int, int] | None:
    """The span (in s) of a name of 2-4 words that is all of s but for spaces and end punctuation: words of the
    name lists or unknown words (the lexicon's test), or, where the place says a name stands there (a signature
    line, a greeting, a subject line's last piece), capitalised words with a name or an unknown word among them
    and no product or role word ("Liva Dam", "Edit Horváth", "Isabelly da Cunha")."""
    body = s.strip().rstrip(",.;:!")
    if not body or len(body) > 60:
        return None
    lead = s.find(body)
    for start, end, kinds in _candidates(body):
        if start == 0 and end >= len(body.rstrip(".")) and len(kinds) >= 2:
            return lead + start, lead + end
    tokens = _TOKENS.findall(body)
    if not 2 <= len(tokens) <= 4 or tokens[0].lower() in _PARTICLES or tokens[-1].lower() in _PARTICLES:
        return None
    kinds = ""
    for t in tokens:
        if t.lower() in _PARTICLES:
            continue
        if t.lower().strip(".") in _ROLE_LINE or not t[:1].isupper():
            return None
        kinds += _kind_of(t)
    if kinds.count("I") == 1 and len(kinds) == 2 and "X" not in kinds:
        return lead, lead + len(body)  # an initial and a surname: "J. Smith"
    if "X" in kinds or not any(k in "NU" for k in kinds) or kinds.count("I") > 1:
        return None
    return lead, lead + len(body)


_ALLCAPS_LAST_FIRST = re.compile(r"(?-i:[A-Z][A-Z'’-]{1,25}),\s{1,2}(?-i:[A-Z][a-z'’-]{1,25})(?:\s{1,2}[A-Z]\.?)?")


def _name_in(s: str) -> tuple[int, int] | None:
    """A full name that is all of s, or "SURNAME, First" ("OKAFOR, Margaret")."""
    found = _full_name(s)
    if found:
        return found
    body = s.strip().rstrip(",.;:!")
    m = _ALLCAPS_LAST_FIRST.fullmatch(body)
    if m and _kind_of(body.split(",")[0].title()) in "NU":
        lead = s.find(body)
        return lead, lead + len(body)
    return None


# Small words inside a name: "Mrs de Keijzer", "Isabelly da Cunha", "Ludwig van der Berg".
_PART = r"(?-i:(?:(?:da|de|del|della|der|den|di|do|dos|du|el|la|le|van|von|ten|ter|bin|ibn|al|zu)\s{1,2}){0,2})"
# "Dear Ms Williams," "Good afternoon, Mr. Thompson." "Dear Margaret Okafor, your biopsy…"
_GREETING = re.compile(
    r"(?:\b(?:dear|hello|hi|hey)|\bgood\s{1,2}(?:morning|afternoon|evening))[,\s]{1,3}"
    r"(?:(?P<t>(?-i:Mrs|Mr|Ms|Mx|Miss|MRS|MR|MS|Dr|DR|Prof))\.?\s{1,2})?"
    rf"(?P<v>{_PART}(?-i:[A-Z][\w'’-]{{0,25}}(?:\s{{1,2}}{_PART}[A-Z][\w'’.-]{{0,25}}){{0,3}}))"
    r"(?=\s{0,2}[,.!:;\n]|\s{0,2}$)",
    _I,
)
_GREETING_WORDS = frozenset({"dear", "hello", "hi", "hey", "morning", "afternoon", "evening"})
# "Re: Jorge Alvarado", "RE: OKAFOR, Margaret", "Subject: Insurance pre-auth — MRI lumbar spine, Jennifer Walsh"
_HEADER = re.compile(r"(?m)^[ \t]{0,4}(?:re|subject|subj|fwd?|fw)[ \t]{0,2}:[ \t]{0,3}(?P<v>[^\n]{1,160})", _I)
_HEADER_WORDS = frozenset({"re", "subject", "subj", "fwd", "fw"})
# The last piece of a subject line, after a dash, a comma or a colon: "…, Jennifer Walsh".
_LAST_PIECE = re.compile(r"(?:[—–|:]|\s-\s|,)\s{0,3}(?P<v>[^—–|:,\n]{3,60})$")
# A subject's dash: "Insurance pre-auth — MRI lumbar spine, …"
_SUBJECT_DASH = re.compile(r"\S\s{1,2}[—–]\s{1,2}\S|\S\s-\s\S")
# "From: Mohammed Irfan <irfan.m@example.com>"
_FROM = re.compile(
    r"(?m)^[ \t>]{0,4}from[ \t]{0,2}:[ \t]{0,3}(?P<v>[^<>\n@]{3,60}?)[ \t]{0,3}[<(\[]?[\w.+-]{1,64}@", _I
)
# "this is uh Michael Thomas", "my name is …", "it's Laura Lamb calling", "I'm …"
_SELF = re.compile(
    r"\b(?:this\s{1,2}is|my\s{1,2}name\s{1,2}is|my\s{1,2}name['’]s|it['’]s|i['’]m|i\s{1,2}am)[,\s]{1,3}"
    r"(?:(?:uh|um|er|erm|ah)[,.]?\s{1,2})?(?P<v>(?-i:[A-Z][\w'’-]{1,25}(?:\s{1,2}[A-Z][\w'’.-]{0,25}){1,3}))",
    _I,
)
_SELF_WORDS = frozenset({"this", "name", "it", "i", "im"})
_SELF_CUES = ("this is", "name is", "name's", "name’s", "it's", "it’s", "i'm", "i’m", "i am", "this  is")
# A closing line: "Regards,", "Yours sincerely,", "Thank you,", "Best wishes".
_CLOSING = re.compile(
    r"(?:(?:kind|best|warm|warmest|many|with)\s{1,2})?(?:regards|thanks|thank\s{1,2}you|wishes|sincerely|faithfully"
    r"|truly|respectfully|cheers|best|gratefully|yours(?:\s{1,2}(?:sincerely|faithfully|truly))?)"
    r"(?:\s{1,2}(?:again|so\s{1,2}much))?\s{0,2}[,.!]?",
    _I,
)
_CLOSING_WORDS = frozenset(
    {"regards", "thanks", "thank", "wishes", "sincerely", "faithfully", "truly", "respectfully", "cheers", "best"}
)
# A line that is only a phone number: "90000 21603", "(555) 317-6640", "+44 7700 900123".
_PHONE_LINE = re.compile(r"[ \t]{0,4}(?P<v>\+?\(?\d[\d() .-]{5,22}\d)[ \t]{0,4}")


def _staff_line(line: str) -> bool:
    """A role or a department on the line ("PMO lead", "Clinical Informatics", "IT Service Desk")."""
    words = re.findall(r"[a-z]{2,20}", line.lower())
    return any(w in _ROLE_LINE for w in words) or bool(re.search(r"\bIT\b", line))


def _phone_line(line: str) -> tuple[int, int] | None:
    m = _PHONE_LINE.fullmatch(line)
    if m and 7 <= _digits(m.group("v")) <= 15:
        return m.span("v")
    return None


_TITLED_SURNAME = re.compile(
    r"[ \t]{0,4}\(?(?-i:Mrs|Mr|Ms|Mx|Miss|MRS|MR|MS)\)?\.?[ \t]{1,2}(?P<v>(?-i:[A-Z][\w'’-]{1,30}))[ \t.]{0,3}"
)


def _signature(text: str, lines: list[tuple[int, str]], i: int, out: list[tuple[str, int, int]]) -> None:
    """Line i holds a name on its own: a patient's signature unless a title or a role line makes it staff's. The
    next lines (up to three) may hold a town and a phone."""
    at, line = lines[i]
    first = line.strip().split(" ", 1)[0].lower()
    if first in _STAFF_TITLES:
        return
    span = _name_in(line)
    titled = _TITLED_SURNAME.fullmatch(line)
    if span is None and titled and _kind_of(titled.group("v")) != "X":
        span = titled.span("v")  # "Mr. Okonkwo-Adeyemi"
    if span is None:
        return
    below = [ln for _, ln in lines[i + 1 : i + 4]]
    if any(_staff_line(ln) for ln in below[:2] if ln.strip() and not _phone_line(ln)):
        return
    out.append(("patient-name", at + span[0], at + span[1]))
    for j in range(i + 1, min(i + 4, len(lines))):
        pat, ln = lines[j]
        if not ln.strip():
            break
        phone = _phone_line(ln)
        if phone:
            out.append(("phone", pat + phone[0], pat + phone[1]))


def _lines(text: str) -> list[tuple[int, str]]:
    out = []
    at = 0
    for line in text.split("\n"):
        out.append((at, line))
        at += len(line) + 1
    return out


def _find_names(text: str, cues: set[str]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    if "greeting" in cues:
        for m in _at_words(_GREETING, text, ("dear", "hello", "hi", "hey", "good")):
            title = (m.group("t") or "").lower()
            v = m.group("v")
            if title in ("dr", "prof"):
                continue
            if title:
                if _kind_of(next(w for w in v.split() if w[:1].isupper())) == "X":
                    continue
                out.append(("patient-name", m.start("v"), m.end("v")))
            else:
                span = _full_name(v)
                if span:
                    out.append(("patient-name", m.start("v") + span[0], m.start("v") + span[1]))
    # (where, the line's value, whether the whole value may be the name)
    heads = [(m.start("v"), m.group("v").rstrip(), True) for m in _HEADER.finditer(text)] if "header" in cues else []
    # a message's first line written as its subject: "Insurance pre-auth — MRI lumbar spine, Jennifer Walsh"
    first = text[: text.find("\n")] if "\n" in text else text
    if "dash" in cues and len(first) <= 160 and _SUBJECT_DASH.search(first) and not _HEADER.match(first):
        heads.append((0, first.rstrip(), False))
    for at, v, whole in heads:
        span = _name_in(v) if whole else None
        if span is None:
            last = _LAST_PIECE.search(v)
            inner = _name_in(last.group("v")) if last else None
            span = (last.start("v") + inner[0], last.start("v") + inner[1]) if last and inner else None
        if span:
            out.append(("patient-name", at + span[0], at + span[1]))
    if "from" in cues:
        for m in _FROM.finditer(text):
            v = m.group("v").strip("\"' \t")
            span = _full_name(v)
            if span:
                base = m.start("v") + m.group("v").find(v)
                out.append(("patient-name", base + span[0], base + span[1]))
    if "self" in cues:
        for m in _at_words(_SELF, text, ("this", "my", "it's", "it’s", "i'm", "i’m", "i am")):
            v = m.group("v")
            span = _full_name(v) or _full_name(" ".join(v.split()[:2]))
            if span is None:
                continue
            if staff_self_intro(text, m.start("v") + span[0], m.start("v") + span[1]):
                continue  # "this is Dana Whitfield from the PMO", "it's David Johnson with ACME Corp"
            out.append(("patient-name", m.start("v") + span[0], m.start("v") + span[1]))
    if "lines" in cues:
        _find_signatures(text, cues, out)
    return out


def _find_signatures(text: str, cues: set[str], out: list[tuple[str, int, int]]) -> None:
    """A name on its own line under a closing line, or a block at the end (name, town, phone) after a blank line:
    the name, and the phones under it."""
    lines = _lines(text)
    seen: set[int] = set()
    closing = "closing" in cues
    for i, (_, line) in enumerate(lines):
        # a name under a closing line
        if closing and i + 1 < len(lines) and _CLOSING.fullmatch(line.strip()):
            j = i + 1
            if j not in seen:
                seen.add(j)
                _signature(text, lines, j, out)
    # a signature block at the end without a closing: a blank line (or the start), the name, a town, a phone
    tail = [k for k in range(len(lines)) if lines[k][1].strip()]
    if tail and _phone_line(lines[tail[-1]][1]):
        end_line = tail[-1]
        for k in (end_line - 1, end_line - 2):
            if (
                k >= 0
                and k not in seen
                and (k == 0 or not lines[k - 1][1].strip())
                and all(lines[n][1].strip() for n in range(k, end_line + 1))
            ):
                seen.add(k)
                _signature(text, lines, k, out)
                break


# --- dates of care the writer tells -------------------------------------------------------------------------------
# Words of an event of care in the date's sentence (pairs such as "root canal" by a piece of them).
_CARE_EVENT = _wordset(
    """
    surgery operation operated procedure appointment appt admitted discharged seen treated treatment extracted
    extraction removed filling canal tooth teeth biopsy scan mri x-ray xray ray ultrasound test tests tested bloods
    jab injection delivered birth c-section section stitches fell injured accident diagnosed prescribed er a&e
    emergency hospital clinic dentist doctor gp dr consultant physio physiotherapy visit visited check-up checkup
    vaccine vaccination vaccinated wound scar cast appendix gallbladder tonsils adenoids cataract labour labor
    miscarriage ambulance paramedics
    """
)
# Words of a project's event, or of "we": the writer speaks for a team, not of their own care.
_PROJECT_EVENT = _wordset(
    """
    meeting vendor go live golive go-live cutover cut-over cut kick-off roll-out walk-through interface demo training release deadline webinar project sprint
    kickoff kick workshop upgrade migration build rollout roll downtime outage contract invoice call conference
    presentation huddle steering readiness uat testing feature walkthrough walk server module system report
    dashboard team appraisal interview review we our us
    """
)
_FIRST_PERSON_WORDS = frozenset({"i", "my", "me"})
# The words _CARE_EVENT starts with (a set lookup before the search); words ending -ectomy, -scopy… are in _CARE.
_CARE_EVENT_WORDS = _CARE_EVENT  # the gate on the whole text
_SENTENCE_WORDS = re.compile(r"[a-z&]{1,30}(?:-[a-z]{1,20})?")
_PROCEDURE_PIECES = ("tomy", "plasty", "scopy", "graphy")  # -ectomy, -otomy, -ostomy…: a substring test
_PROCEDURE_ENDS = ("ectomy", "otomy", "ostomy", "plasty", "scopy", "graphy")
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _sentence(text: str, start: int, end: int) -> str:
    return sentence_around(text, start, end, _SENTENCE_END)


def _find_dates(text: str) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    judged: dict[str, bool] = {}
    for _, _, v_start, v_end, v in date_matches(text):
        if _digits(v) < 1:
            continue
        s = _sentence(text, v_start, v_end)
        if s not in judged:
            words = frozenset(_SENTENCE_WORDS.findall(s.lower()))
            judged[s] = (
                not _FIRST_PERSON_WORDS.isdisjoint(words)
                and (not _CARE_EVENT.isdisjoint(words) or any(w.endswith(_PROCEDURE_ENDS) for w in words))
                and _PROJECT_EVENT.isdisjoint(words)
            )
        if judged[s]:
            out.append(("admission-date", v_start, v_end))
    return out


# --- entry point ----------------------------------------------------------------------------------------------------


def _cues(text: str, words: frozenset[str]) -> set[str]:
    """Which detectors the text's words call for (set lookups and substring tests only)."""
    cues = set()
    if not _GREETING_WORDS.isdisjoint(words):
        cues.add("greeting")
    if not _HEADER_WORDS.isdisjoint(words):
        cues.add("header")
    if "—" in text or "–" in text or " - " in text:
        cues.add("dash")
    if "from" in words and "@" in text:
        cues.add("from")
    first_person = not _FIRST_PERSON_WORDS.isdisjoint(words)
    low = text.lower() if first_person or not _SELF_WORDS.isdisjoint(words) else ""
    if low and any(c in low for c in _SELF_CUES):
        cues.add("self")
    if "\n" in text:
        cues.add("lines")
        if not _CLOSING_WORDS.isdisjoint(words):
            cues.add("closing")
    if first_person and (not _CARE_EVENT_WORDS.isdisjoint(words) or any(e in low for e in _PROCEDURE_PIECES)):
        cues.add("dates")
    return cues


def find_letter_spans(text: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the names, phones and dates of care in a patient's letter, e-mail or message."""
    words = words_of(text)
    cues = _cues(text, words)
    if not cues:
        return []
    digits = any(ch.isdigit() for ch in text)
    out: list[tuple[str, int, int]] = []
    if _about_care(text):
        if _patient_voice(text):
            out = _find_names(text, cues)
    elif "lines" in cues and digits and not _about_project(text):
        # a signature's phone in a message about nothing in particular is still a phone (not a project's: a staff
        # signature with a role line passes in allow.py); the name needs a text about care
        _find_signatures(text, cues, out)
        out = [span for span in out if span[0] == "phone"]
    # a date the writer tells of their own care: the sentence decides (first person, an event of care, no project
    # word), in any text that is not a project's
    if "dates" in cues and digits and not _about_project(text):
        out.extend(_find_dates(text))
    return out


# --- staff's own contact details ----------------------------------------------------------------------------------
_HEADER_LINE = re.compile(r"[ \t>]{0,4}(?:from|to|cc|bcc|sender|reply-to|sent\s{1,2}by)[ \t]{0,2}:", _I)
_LABELLED_PHONE = re.compile(
    r"[ \t]{0,4}(?:(?:tel|phone|mobile|mob|cell|direct|office|work|ext|t|m|p)\.?[ \t]{0,2}[:.]?[ \t]{0,3})?"
    r"\+?\(?\d[\d() .-]{5,22}\d(?:[ \t]{0,3}(?:x|ext\.?)[ \t]{0,2}\d{1,6})?[ \t]{0,4}",
    _I,
)


_LONGEST_LINE = 160  # a header or signature line is short: the line around a span is looked for this far only


def _line_at(text: str, start: int) -> tuple[int, int] | None:
    """The line a position is on, or None when it is longer than a header's or a signature's."""
    return line_around(text, start, start, _LONGEST_LINE)


@lru_cache(maxsize=4)
def _may_allow(text: str) -> tuple[bool, bool]:
    """Once per text (allow.py asks once per finding): (whether it has lines, whether a speaker may name
    themselves in it)."""
    return "\n" in text, not _SELF_WORDS.isdisjoint(words_of(text))


def staff_contact(text: str, start: int, end: int, kind: str) -> bool:
    """A phone or an e-mail address of staff, in a message about a project: a phone on a signature line under a
    name with a role line ("Dana Whitfield / PMO lead / 416-555-0100"), or under a closing and a name in a text of
    a project; an address in a From:/To:/Cc: header of a text of a project. Never in a text about a person's care
    (a patient's letter signs with its own number)."""
    if kind not in ("phone", "email") or (kind == "phone" and not _may_allow(text)[0]):
        return False
    own_line = _line_at(text, start)
    if own_line is None:
        return False
    lo, hi = own_line
    if kind == "email":
        return bool(_HEADER_LINE.match(text, lo)) and _about_project(text)
    if not _LABELLED_PHONE.fullmatch(text, lo, hi) or _about_care(text):
        return False
    # the lines above, up to the block's start: a role line, a name, a closing
    above: list[str] = []
    at = lo
    while at > 0 and len(above) < 4:
        prev = _line_at(text, at - 1)
        if prev is None:
            break
        line = text[prev[0] : at - 1]
        if not line.strip():
            break
        above.append(line)
        at = prev[0]
    has_name = any(_name_in(ln) or ln.strip().split(" ", 1)[0].lower() in _STAFF_TITLES for ln in above)
    closing = any(_CLOSING.fullmatch(ln.strip()) for ln in above)
    if not (has_name or closing):
        return False
    if any(_staff_line(ln) for ln in above if not _name_in(ln)):
        return True  # "Dana Whitfield / PMO lead", "Regards, / Team Phoenix"
    return has_name and closing and _about_project(text)


# A speaker who introduces themselves as staff: "this is Dana Whitfield from the service desk", "my name is Ingrid
# Larsen, I lead the pharmacy workstream", "it's Tom Reyes with Cerner".
_SELF_BEFORE = re.compile(
    r"(?:\bthis\s{1,2}is|\bmy\s{1,2}name\s{1,2}is|\bmy\s{1,2}name['’]s|\bit['’]s|\bi['’]m|\bi\s{1,2}am)[,\s]{1,3}$", _I
)
_SELF_STAFF_AFTER = re.compile(
    r"\s{0,2},?\s{0,2}(?:(?:from|with|of|at)\s{1,2}(?:the\s{1,2}|our\s{1,2})?(?:service\s{1,2}desk|help\s{1,2}desk"
    r"|it\b|pmo|vendor|project|informatics|clinical\s{1,2}informatics|pharmacy\s{1,2}it|epic|cerner|oracle|meditech"
    r"|[\w-]{1,30}\s{1,2}(?:team|support|desk|office|workstream|project)"
    r"|(?-i:[A-Z][\w&-]{1,30})\s{1,2}(?-i:Corp|Inc|Ltd|LLC|Systems|Solutions|Consulting|Group|Technologies|Software))"
    r"|(?:and\s{1,2})?i\s{1,2}(?:lead|run|manage|own|coordinate|am\s{1,2}the|['’]m\s{1,2}the)\b"
    r"|(?:the|your|our)\s{1,2}(?:new\s{1,2})?(?:pm|pmo|project|programme|program|epic|cerner|analyst|trainer|lead"
    r"|manager|director|coordinator|super-?user|go-?live|it)\b)",
    _I,
)


def staff_self_intro(text: str, start: int, end: int) -> bool:
    """A name the speaker gives as their own, followed by a team, a vendor or a role ("this is Dana Whitfield
    from the service desk"), in a text with no sign of a person's own care (no "my mother", no "your results")."""
    if not _may_allow(text)[1] or not _SELF_BEFORE.search(text, max(0, start - 20), start):
        return False
    return bool(_SELF_STAFF_AFTER.match(text, end)) and _balance(text)[2] == 0
