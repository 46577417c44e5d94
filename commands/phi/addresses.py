"""Postal addresses found by their shape: after an address label, European and Commonwealth street lines, and
postal codes with a house number on the same line. One of the second-generation detector families, each in its own file.

All patterns are bounded and context windows are fixed-size slices, so a scan stays linear in the text length.
"""

from __future__ import annotations

import re

from commands.phi.alternations import _by_first_letter
from commands.phi.care import project_found, project_search
from commands.phi.people import org_address
from commands.phi.shared import (
    _I,
    _digits,
    _matches,
    case_blind_found,
    has_any,
    matches_at,
    search_at,
    text_digits,
    word_starts,
    words_of,
)

# --- addresses -----------------------------------------------------------------------------------------------------
_ADDR_LABEL = re.compile(
    r"(?:\b(?:billing|mailing|home|street|postal|residential|patient['’]?s?)\s{1,3}address\b|\baddress\b(?<!\bip\saddress)(?<!\bmac\saddress)(?<!mail\saddress)(?=\s{0,3}:)"
    r"|\blives\s{1,3}(?:at|on)\b|\bdischarge[sd]?\s{1,3}to\b(?=\s{0,3}:?\s{0,3}\d))"
    r"\s{0,3}(?:(?:verified|per\s{1,3}id)\s{0,3})?[:=]?\s{0,6}(?P<v>[^\n]{3,60})",
    _I,
)
# Where an _ADDR_LABEL can start (shared.matches_at tries it only there).
_ADDR_LABEL_STARTS = word_starts(
    "billing", "mailing", "home", "street", "postal", "residential", "patient", "address", "lives", "discharge"
)
_LIVES_IN = re.compile(
    r"\blives\s{1,3}in\s{1,3}(?!(?:a|an|the|her|his|their|assisted|nursing|group|care|shelter)\b)(?P<v>[A-Za-z][\w'-]{2,30})",
    _I,
)
_POBOX = re.compile(
    r"(?P<v>\bp\.?\s?o\.?\s{0,2}box\s{1,3}\d{1,6}|\b(?-i:PSC|CMR|UNIT)\s{1,3}\d{1,5},?\s{1,3}box\s{1,3}\d{1,5}"
    r"|\b(?-i:APO|FPO|DPO)\s{1,3}(?-i:AA|AE|AP)\s{1,3}\d{5})",
    _I,
)
_ZIP_LABEL = re.compile(
    r"\b(?:zip(?:\s{0,2}code)?|postal\s{1,3}code|post\s{0,2}code|eircode|pin\s{0,2}code)\s{0,3}(?:(?:is|was)\s{1,3})?[:#]?\s{0,3}(?P<v>[A-Z0-9][A-Z0-9 -]{2,9}[A-Z0-9])\b",
    _I,
)


# A street line written the European or Commonwealth way, then a town and a postal code, with no US street word:
# "Fortunastrasse 112, Epesses, 1098", "53 place Stanislas, NANTES, PL 44000", "ul. Franciszkańska 12, Warszawa,
# 00-227", "Parksingel 45, Bemmel, GE 6681 NC". The house number, the comma, a capitalised town and a postal code
# (not a year) together are the shape; any one alone is not.
_UP = r"(?-i:[A-ZÀ-ÖØ-ÞĀ-Ž])"
_AWORD = r"[^\W\d_][\w'’.-]{0,30}"
_INTL_ADDR = re.compile(
    r"(?<![\w,.-])(?P<v>(?:\d{1,5}[A-Za-z]?\s{1,3}(?:" + _AWORD + r"\s{1,3}){0,4}" + _UP + r"[\w'’.-]{1,30}"
    r"|" + _UP + r"[\w'’.-]{1,30}(?:\s{1,3}" + _AWORD + r"){0,3}\s{1,3}\d{1,5}[A-Za-z]?)"
    r"(?:,\s{1,3}|[ \t]{0,2}\n[ \t]{0,2})" + _UP + r"[\w'’.-]{1,30}(?:\s{1,3}(?:" + _AWORD + r")){0,3}"
    r",?\s{1,3}(?:(?-i:[A-Z]{1,3})\s{1,3}|\d{2}\s{1,3})?"
    r"(?P<pc>(?:\d{3,6}|\d{2}(?=-\d{3}))(?:[- ]\d{2,4})?(?:\s(?-i:[A-Z]{2}))?|(?-i:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2})))(?![\w-]|[.,]\d)"
)


# Numbered things of a project or a building, not streets: "Wave 2, Go-Live Weekend, 1400 users".
_NOT_STREET = re.compile(
    r"(?i)(?:wave|sprint|site|unit|phase|release|tower|level|building|bldg|block|floor|room|rm|ward|bed|bay|step"
    r"|stage|version|v|week|day|team|group|cohort|batch|pod|zone|lab|gate|track|lane|line|item|part|section|chapter"
    r"|module|tier|ring|region|area|sector|wing|pavilion|campus|station|window|slot|round|option|scenario|test"
    r"|case|ticket|story|epic|task|milestone|quarter|q|fy|year|month|page|table|figure|appendix|no|number"
    r"|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\.?"
)
_QUANTITY = re.compile(
    r"\s{1,3}(?:users?|beds?|devices?|sq|square|points?|staff|patients|people|hours?|hrs?|records|tickets|items|rows"
    r"|sites|licen[cs]es|seats|endpoints|workstations|pcs|laptops|printers|interfaces|orders|messages|tests|visits)\b",
    _I,
)


# _INTL_ADDR's two shapes as two patterns, each led by its first character with the look-behind after it (shared.py's
# speed idiom): the number first ("53 place Stanislas, …"), or the street first ("Fortunastrasse 112, …"), which
# is looked for only when a house number stands before a comma or a line break. tests/test_phi_addresses_split.py
# checks the two find what _INTL_ADDR finds.
_INTL_TAIL = _INTL_ADDR.pattern[_INTL_ADDR.pattern.index(r"(?:,\s{1,3}|[ \t]{0,2}\n") :]
_INTL_NUMBER_FIRST = re.compile(
    r"(?P<v>\d(?<![\w,.-].)\d{0,4}[A-Za-z]?\s{1,3}(?:"
    + _AWORD
    + r"\s{1,3}){0,4}"
    + _UP
    + r"[\w'’.-]{1,30}"
    + _INTL_TAIL
)
# (the street's words before its house number: a match starts at most _STREET_TO_HOUSE characters before the number)
_STREET_BEFORE_HOUSE = r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w,.-].)[\w'’.-]{1,30}(?:\s{1,3}" + _AWORD + r"){0,3}\s{1,3}"
_INTL_STREET_FIRST = re.compile(r"(?P<v>" + _STREET_BEFORE_HOUSE + r"\d{1,5}[A-Za-z]?" + _INTL_TAIL)
_HOUSE_THEN_BREAK = re.compile(r"\d(?<=\s\d)\d{0,4}[A-Za-z]?(?:,\s|[ \t]{0,2}\n)")
_STREET_LEAD = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž](?<![\w,.-].)")  # (where _INTL_STREET_FIRST can start)
_STREET_TO_HOUSE = 136  # the longest match of _STREET_BEFORE_HOUSE (tests/test_phi_addresses_split.py checks it)


def _street_first_matches(text: str) -> list[re.Match[str]]:
    """What ``_matches(_INTL_STREET_FIRST, text)`` yields: every match's house number is one _HOUSE_THEN_BREAK finds,
    so only a word's capital up to _STREET_TO_HOUSE characters before one is tried (tests/test_phi_addresses_split.py
    holds it to the plain reading)."""
    found: list[re.Match[str]] = []
    pos = 0
    match = _INTL_STREET_FIRST.match
    for house in _HOUSE_THEN_BREAK.finditer(text):
        h = house.start()
        for lead in _STREET_LEAD.finditer(text, max(pos, h - _STREET_TO_HOUSE), h):
            m = match(text, lead.start())
            if m is not None:
                found.append(m)
        pos = max(pos, h)
    return found


def _intl_matches(text: str) -> list[re.Match[str]]:
    """What ``_matches(_INTL_ADDR, text)`` yields, in the same order."""
    found = list(_matches(_INTL_NUMBER_FIRST, text))
    street_first = _street_first_matches(text)
    if street_first:
        found.extend(street_first)
        found.sort(key=lambda m: m.start())
    return found


def _intl_address(text: str) -> list[tuple[int, int]]:
    out = []
    for m in _intl_matches(text):
        pc = m.group("pc")
        if _A_YEAR.fullmatch(pc):
            continue  # "Release 4, Phase Two, 2025": a year, not a postal code
        first = re.match(r"\d*\s*([^\W\d_][\w.]*)", m.group("v"))
        if first and _NOT_STREET.fullmatch(first.group(1)):
            continue  # "Sprint 14, Team Alpha, 120 story points"
        if _QUANTITY.match(text, m.end()):
            continue  # "…, 3500 devices": a count, not a postal code
        out.append(m.span("v"))
    return out


# A postal code of one of several countries' shapes ending a line of an address, with a house number and a comma
# before it on the same line: "Flat 67, Smith Course, Jonesberg, B4 6AS" (UK), "Maxweg 519, 9690 BV, Zoutkamp"
# (NL), "669 Reyes Port, Manuelchester, TAS, 2676" (AU), "Hermann-Josef-Scheel-Weg 99-74, 02716 Waldmünchen"
# (DE), "H.No. 628, Dua Road, Aurangabad-431916" (IN). The postal code alone, or a number and a comma alone, is not
# an address; the three together within 90 characters of one line are.
# Two patterns, each led by a character class (a capital; a digit) so the engine skips to where one can start; every
# shape of the second starts a number that follows no letter or digit, which it tests once before its shapes.
_POSTCODE_LETTERS = re.compile(
    r"(?P<pc>[A-Z](?<![\w-].)(?:[A-Z]?\d[A-Z\d]?\s\d[A-Z]{2}|(?:(?<=N)(?:SW|T)|(?<=V)IC|(?<=Q)LD|(?<=T)AS|(?<=[SW])A|(?<=A)CT),?\s\d{4}))"
    r"(?![\w-]|[.,]\d)"
)
_TOWN = _UP + r"[^\W\d_]{2,30}(?:[-'’][^\W\d_]{1,30}){0,3}"  # "Bourgeois-la-Forêt"
_POSTCODE_DIGITS = re.compile(
    r"(?P<pc>\d(?<!\w.)(?:(?<![\w-].)\d{3}\s?(?-i:[A-Z]{2})(?=,|\s{0,2}$|\s{1,3}(?-i:[A-Z])[a-z])"
    # a postal code and the town after it: "50968 Köln", "2187 Gföhl", "733 06 Protivín", "3587-150 Ermesinde",
    # "30-711 Białystok", "87150-211 Marques"
    r"|(?<![\w-].)(?:(?:(?<=[03-9])|(?<=1)(?!9)|(?<=2)(?!0))\d{3}|\d{4}|\d{2}\s\d{2}|\d{3}-\d{3}|\d-\d{3}|\d{4}-?\d{3})"
    r"\s" + _TOWN + r""
    # a postal code before a comma and the town: "00163, Roma"
    r"|(?<![\w-].)\d{4}(?=,\s{1,3}" + _TOWN + r")"
    r"|(?<=[a-z]-.)\d{5}|(?<=\s.)\d{5}(?=\s{0,2}(?:,|$|\n|\?|\.\s)|\s{1,3}[a-z])))(?![\w-]|[.,]\d)"
)
_HOUSE = re.compile(
    r"(?:(?<![\w.,/-])\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?(?=,?\s{1,3}" + _UP + r"|,?\s{1,3}(?:rue|av|avenue|bd|boulevard"
    r"|chemin|allée|place|quai|via|viale|calle|carrer|rua|strada)\b)"
    # a street and its number before a comma or a line break: "Weissplatz 339,", "Canale Maurilio, 45,"
    r"|" + _UP + r"[\w'’.-]{1,30},?\s\d{1,5}(?:[-/]\d{1,5})?[A-Za-z]?(?=,|[ \t]{0,2}\n))"
)
# A street word and its number right before the postal code, with no comma: "Parkvägen 83 59150 Lidingö".
_HOUSE_TIGHT = re.compile(_UP + r"[^\W\d_]{3,30}\s\d{1,4}[A-Za-z]?(?:[-/]\d{1,4})?\s{1,2}$")


_YEAR_PC = re.compile(r"(?:19|20)\d\d(?:\s?[A-Z]{2}$|\s)")


# What a text needs for _POSTCODE_LETTERS (and _BARE_UK_POSTCODE) to find anything, found faster than they search
# each capital letter: a UK code's end (a digit and two capitals, "… 6AS"), or an Australian state's abbreviation.
_UK_CODE_END = re.compile(r"\d[A-Z]{2}(?![\w-])")
_STATES = frozenset({"nsw", "nt", "vic", "qld", "tas", "sa", "wa", "act"})


def _uk_code_end(text: str) -> bool:
    """(find_addresses asks once and passes the answer down: nothing keeps a scanned text)"""
    return _UK_CODE_END.search(text) is not None


def _may_have_code_of_letters(text: str, uk_end: bool | None = None) -> bool:
    return (_uk_code_end(text) if uk_end is None else uk_end) or has_any(text, _STATES)


def _postal_address(text: str, uk_end: bool) -> list[tuple[int, int]]:
    out = []
    letters = list(_POSTCODE_LETTERS.finditer(text)) if _may_have_code_of_letters(text, uk_end) else []
    for m in [*letters, *_POSTCODE_DIGITS.finditer(text)]:
        pc = m.group("pc")
        if _YEAR_PC.match(pc):
            continue  # a year, not a postal code ("2025 Roadmap")
        firm = _FIRM_CODE.fullmatch(pc)
        if not firm and _english_town(pc):
            continue  # "Westside 3, 4471 Appointments migrated": a count of things, not a town
        if _QUANTITY.match(text, m.end()) or _QUANTITY.match(text, m.start() + len(pc.split()[0])):
            continue
        own_line = text.rfind("\n", 0, m.start()) + 1
        line_start = max(own_line, m.start() - 90)
        seg = text[line_start : m.start()]
        h = _HOUSE.search(seg) if "," in seg else None
        if h is None and own_line and m.start() - own_line <= 30:
            # The street may stand on a line or two above the postal code ("Gentorget 306\n99705 Ängelholm").
            line_start = text.rfind("\n", 0, own_line - 1) + 1
            if own_line - line_start <= 40 and line_start:
                line_start = text.rfind("\n", 0, line_start - 1) + 1
            line_start = max(line_start, m.start() - 120)
            seg = text[line_start : m.start()]
            h = _HOUSE.search(seg)
        tight = None if h else _HOUSE_TIGHT.search(seg, max(0, len(seg) - 45))
        h = h or tight
        if not h:
            continue
        first = _FIRST_WORD.match(text, line_start + h.start(), line_start + h.start() + 40)
        house_no = _HOUSE_NO.search(text, max(0, line_start + h.start() - 8), line_start + h.start())
        if first and _NOT_STREET.fullmatch(first.group(1)) and not house_no:
            continue  # "Room No. 12, …" — but "House No. 12, Sector 15, Noida 201301" is an address
        start = line_start + h.start()
        # The shapes this round added (a four-digit code and a town, the street a line above, no comma, the number
        # after a comma) are looser: they also need a street word, an address word or a person near.
        loose = tight or start < own_line or "," in h.group(0) or not firm
        if loose and firm and _english_town(pc):
            continue
        if loose and not (
            _STREET_WORD.search(text, start, start + h.end() - h.start())
            or _ADDRESS_WORD.search(text, max(0, start - 60), start)
            or _person_near(text, start, m.end())
        ):
            continue
        if project_search(text, max(0, m.start() - 90), m.end() + 20):
            continue
        if "|" in text[start : m.end()]:
            continue  # cells of a table ("| 01 Aug 2025 |\n| MRN | … |\n| Home address | 7099 Rowan"), not one address
        out.append((start, m.end()))
    return out


_FIRST_WORD = re.compile(r"\d{0,6}\s{0,3}([^\W\d_][\w.]{0,30})")


# Postal codes of the shapes before this round: a UK/Australian code, "9690 BV", "50968 Köln", "431916".
_FIRM_CODE = re.compile(r"[A-Z].{0,12}|\d{4}\s?[A-Z]{2}|\d{5}\s\D.{0,40}|\d{6}", re.DOTALL)
_STREET_WORDS = (
    r"stra(?:ss|ß)e|str\.|weg|platz|gasse|allee|allé|damm|ufer|steig|pfad|gade|vej|veien|vegen|gata|gatan|vägen"
    r"|väg|gränd|torget|torg|tie|katu|kuja|straat|laan|plein|singel|gracht|kade|dreef|dijk|markt|haugen|bakken"
    r"|rue|via|viale|calle|ulica|ul\.|plac|aleja|rua|avenida|praça|largo|travessa|alameda|rambla|paseo|camino|carrer"
    r"|strada|piazza|corso|vicolo|borgo|náměstí|ulice|utca|road|street|lane|avenue|close|crescent|drive"
    # more languages' street words: Norwegian, Hungarian, Polish, Greek, Spanish and Latin American, Indian,
    # Malay, Turkish, Russian, French and Québécois, English abbreviations
    r"|gate|gaten|vei|veg|út|útja|körút|tér|rynek|ulitsa|prospekt|pereulok|leoforos|odos|odós|carrera|avda\.?|av\."
    r"|marg|nagar|salai|jalan|jl\.|sokak|sokağı|caddesi|cad\.|rang|route|chemin|impasse|allée|quai|boulevard|bd\."
    r"|blvd\.?|rd\.?|st\.|ave\.?|cres\.?|terrace|plads|torv|stræde|straße|platz|gränd|stig|polku|rinne"
)
# (Regrouped by first letter, care._by_first_letter: the same matches, several times faster.)
_STREET_WORD = re.compile(r"(?:" + _by_first_letter(_STREET_WORDS) + r")(?!\w)", re.IGNORECASE)
_ADDRESS_WORD = re.compile(
    r"\b(?:address|addr|lives?|living|resides?|resident|moved|post|posted|mail|mailed|send|sent|deliver\w{0,4}|home"
    r"|my|her|his|their)\b",
    re.IGNORECASE,
)


# A street, its number and the postal code with no comma or line break ("Parkvägen 83 59150 Lidingö") is looked
# for only in a text with one of these words.
_ADDRESS_GATE = frozenset(
    [
        "address",
        "addr",
        "lives",
        "live",
        "living",
        "resides",
        "reside",
        "moved",
        "move",
        "post",
        "posted",
        "mail",
        "mailed",
        "send",
        "sent",
        "deliver",
        "delivered",
    ]
)


_LETTERS = re.compile(r"[^\W\d_]{1,30}")


def _english_town(pc: str) -> bool:
    from commands.phi.namewords import _words

    town = _LETTERS.search(pc)
    return town is not None and town.group(0).lower() in _words("english_words.txt")


def _person_near(text: str, start: int, end: int) -> bool:
    from commands.phi.namecues import _near
    from commands.phi.namewords import _context  # the word lists load on first use

    person, project, strong = _context(text)
    return (_near(person, start, end) or _near(strong, start, end)) and not _near(project, start, end)


_HOUSE_NO = re.compile(r"\b(?:house|flat|door|plot|h)\.?\s{0,2}$", re.IGNORECASE)
# A postal code of a place of work or a delivery, not a home: "Site postcode CB2 0QQ for the courier",
# "Deliveries to Addenbrooke's, Hills Road, Cambridge CB2 0QQ" — unless someone says it is theirs.
_WORKPLACE = re.compile(
    r"\b(?:site|courier|deliver(?:y|ies)|shipping|hospital|trust|campus|office|hq|warehouse|venue|building|estates?"
    r"|clinic|practice|pharmacy|store|depot|vendor|supplier|meet|room|block|floor|wing|level)\b",
    re.IGNORECASE,
)
_THEIRS = re.compile(r"\b(?:my|her|his|their|lives?|living|resides?|home|moved|patient['’]?s?|pt)\b", re.IGNORECASE)


# A place of work, but not a delivery: a patient's supplies are delivered to a home.
_OFFICE = re.compile(
    r"\b(?:site|hospital|trust|campus|office|hq|warehouse|venue|building|estates?|clinic|practice|pharmacy|store"
    r"|depot|vendor|supplier|meet|room|block|floor|wing|level)\b",
    re.IGNORECASE,
)
# These three without IGNORECASE, for a string's small letters (shared.case_blind_found).
_WORKPLACE_SMALL, _THEIRS_SMALL, _OFFICE_SMALL = (re.compile(rx.pattern) for rx in (_WORKPLACE, _THEIRS, _OFFICE))


def _place_of_work(text: str, start: int, end: int) -> bool:
    around = text[max(0, start - 80) : end + 40]
    return case_blind_found(_WORKPLACE, _WORKPLACE_SMALL, around) and not case_blind_found(
        _THEIRS, _THEIRS_SMALL, around
    )


_BARE_UK_POSTCODE = re.compile(r"[A-Z](?<![\w-].)(?-i:[A-Z]?\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]?\d\d?\d[A-Z]{2})(?![\w-])")
_UK_POSTCODE = re.compile(r"(?-i:[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})")


_VALUE_END = re.compile(r"(?<=\d)\.(?=\s|$)|;|\s(?:for|with)\s{1,3}(?:this|the|my|her|his|their)\b", re.IGNORECASE)


def _label_value_end(text: str, start: int, end: int, shaped: list[tuple[int, int]]) -> tuple[int, int]:
    """Where the value after an address label ends: with an address found by its shape inside it, or at a full stop
    after a number, so that the words after it ("… LV 45011 for this card: 5108…", "… NY 10001. His IP address is …")
    are not part of it."""
    inner = [b for a, b in shaped if start <= a < end]
    if inner:
        return start, max(inner)
    cut = _VALUE_END.search(text, start, end)
    return start, cut.start() if cut and cut.start() > start else end


# A label that says the words after it are where a person lives, any separator or small words between: "Domicile:
# …", "RESIDENTIAL ADDRESS | …", "the correspondence address was given as …", "Address of record = …".
_HOME_LABEL = re.compile(
    r"\b(?:(?:home|residential|residence|mailing|postal|correspondence|forwarding|permanent|current|previous|usual"
    r"|billing|street|patient['’]?s?|her|his|their|my|recorded|registered)\s{1,3})?"
    r"(?:address(?:\s{1,3}of\s{1,3}record)?|residence|domicile|abode|dwelling|lodging|accommodation"
    r"|(?:postal|address|residential|contact\s{1,3}address)\s{1,3}details|place\s{1,3}of\s{1,3}(?:residence|abode)"
    r"|(?:home|residential|living)\s{1,3}(?:location|address)"
    r"|home(?=\s{1,3}(?:is|was)\b))\b"
    # up to five small words or separators between the label and the address: "… is recorded in full as …"
    r"(?P<gap>(?:\s{0,3}(?:[:=|/—–-]|>>|\(?on\s{1,3}file\)?|is|was|were|has|have|been|being|reads|read|given|recorded"
    r"|listed|confirmed|verified|noted|documented|entered|kept|held|stored|captured|shown|in|full|as|at|the|of|record"
    r"|now|currently)(?![^\W\d_])){1,5})\s{0,3}(?P<v>[^\n|;>]{6,90})",
    re.IGNORECASE,
)
# A verb that sends, takes or visits someone at an address: the words after it count only in a full address's shape.
_HOME_VERB = re.compile(
    r"\b(?:lives|living|lived|resides|residing|moved|relocated|pick\s?-?up|collect(?:ion)?|deliver(?:ed|y|ies)?|send|sent"
    r"|post(?:ed)?|mail(?:ed)?|visits?|visit\s{1,3}planned|transport(?:ed)?|discharged|stays?|staying|write|written"
    r"|forward(?:ed)?|ship(?:ped)?|drop(?:ped)?[\s-]?off|return(?:ed)?|go(?:es)?|went|bring|brought|taken|domiciled"
    r"|found)\b[^\n.;:]{0,40}?"
    r"\b(?:at|to|from):?\s{1,3}(?P<v>(?=\d|" + _UP + r"|(?i:ul|al|av|pl)\.\s)[^\n|;>]{6,90})",
    re.IGNORECASE,
)
# Where the two patterns above can start (see shared.word_starts).
_HOME_LABEL_STARTS = word_starts(
    *("home", "residen", "mailing", "postal", "correspondence", "forwarding", "permanent", "current", "previous"),
    *("usual", "billing", "street", "patient", "her", "his", "their", "my", "recorded", "registered", "address"),
    *("domicile", "abode", "dwelling", "lodging", "accommodation", "contact", "place", "living"),
)
_HOME_VERB_STARTS = word_starts(
    *("liv", "resid", "moved", "relocated", "pick", "collect", "deliver", "sen", "post", "mail", "visit"),
    *("transport", "discharged", "stay", "writ", "forward", "ship", "drop", "return", "go", "went", "bring"),
    *("brought", "taken", "domiciled", "found"),
)
# (Each alternative led by its first character, the look-behinds after the full stop: the same matches as
# r"\s(?:/|>>|\||—|–)\s|(?<!\b[^\W\d_])(?<!\b[^\W\d_]{2})(?<!\b[^\W\d_]{3})\.(?:\s|$)|\s(?:is|was|…|by)\s|\s\(".)
_VALUE_STOP = re.compile(
    r"\s(?:(?:/|>>|\||—|–)\s|(?:is|was|for|with|last|on|and|about|regarding|until|during|by)\s|\()"
    r"|\.(?<!\b[^\W\d_]\.)(?<!\b[^\W\d_]{2}\.)(?<!\b[^\W\d_]{3}\.)(?:\s|$)",
    re.IGNORECASE,
)
_POSTCODE_ANY = re.compile(
    r"(?<![\w-])(?:\d{4,6}|\d{3}\s\d{2}|\d{2}-\d{3}|\d{3}-\d{4}|\d{4}-\d{3}|\d{5}-\d{3}|[A-Z]\d{4}|\d{4}\s?[A-Z]{2}"
    r"|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}|[A-Z]\d[A-Z]\s?\d[A-Z]\d|[A-Z]\d{2}\s?[A-Z\d]{4})(?![\w-])"
)
_HOUSE_PART = re.compile(r"(?<![\w.])\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}){0,2}(?![\w.]|[-/]\d)|#\d{1,4}-\d{1,4}")


_NOT_A_PLACE = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|q[1-4]|fy\d{2,4}"
    r"|phase|wave|sprint|release|version|users|staff|sites|vendors|tickets|pm|am)\b|\d:\d\d|\d(?:st|nd|rd|th)\b",
    re.IGNORECASE,
)
_NOT_A_PLACE_SMALL = re.compile(_NOT_A_PLACE.pattern)  # without IGNORECASE, for small letters
# After a verb, the words must start the way an address does: a house number, a flat or plot, or a street and its
# number ("Andrássy út 60").
_STREET_START = re.compile(
    r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}){0,2},?\s|(?i:flat|apt\.?|apartment|unit|plot|house|h\.\s?no\.?|blk|block)\s"
    r"|[^\W\d_][\w.'’-]{0,30}(?:\s[^\W\d_][\w.'’-]{0,30}){0,3}\s\d{1,5}[A-Za-z]?(?:[-/]\d{1,5})?(?:,|\s|$)"
)


# Small patterns of the checks below, compiled once (a call of re.match looks its pattern up every time).
_A_YEAR = re.compile(r"(?:19|20)\d\d")
_LINK_OR_MAIL = re.compile(r"(?i)(?:https?://|www\.|\S{1,40}@)")
_LINK = re.compile(r"(?i)(?:https?://|www\.)")
_TWO_LETTERS = re.compile(r"[^\W\d_]{2}")
_CAPITAL_WORD = re.compile(_UP + r"[^\W\d_]")
_A_DIGIT = re.compile(r"\d")


def _postcode(v: str) -> bool:
    return any(not _A_YEAR.fullmatch(m.group(0)) for m in _POSTCODE_ANY.finditer(v))


def _home_value(text: str, start: int, end: int, full: bool) -> tuple[int, int] | None:
    """The address after a label or a verb: up to a separator or the end of the sentence; with a house number and a
    capitalised word, and (after a verb, or a label that may name a page) a street word or a postal code too."""
    v = text[start:end]
    cut = _VALUE_STOP.search(v)
    if cut:
        v = v[: cut.start()]
    v = v.rstrip(" ,")
    if len(v) < 6 or _LINK_OR_MAIL.match(v) or not _TWO_LETTERS.search(v):
        return None
    if not _HOUSE_PART.search(v) or not _CAPITAL_WORD.search(v):
        return None
    if case_blind_found(_NOT_A_PLACE, _NOT_A_PLACE_SMALL, v):
        return None  # "moved to 9th December 2026", "sent to 3 vendors on Monday": a date or a count
    if full and not ((_STREET_WORD.search(v) or _postcode(v)) and _STREET_START.match(v)):
        return None
    if not full and not ("," in v or _STREET_WORD.search(v) or _postcode(v)):
        return None
    return start, start + len(v)


# "… is the patient's home address": the address stands before its label.
_HOME_AFTER = re.compile(
    r"\s{0,2}(?:,?\s{1,3}(?:is|was|as)|\s(?:—|–|-)|\s?\()\s{1,3}(?:the\s{1,3})?(?:(?:patient|client|resident)['’]s\s{1,3}|her\s{1,3}|his\s{1,3}"
    r"|their\s{1,3}|my\s{1,3})?(?:(?:home|residential|mailing|postal|current|usual|permanent|correspondence)\s{1,3})?"
    r"(?:address|residence|domicile)\b",
    re.IGNORECASE,
)
_LEFT_STOP = re.compile(r"[\n;|>:]|\s(?:/|—|–)\s|[.!?]\s")


# A place label whose value counts only in a full address's shape: "the recorded delivery destination is …".
_PLACE_LABEL = re.compile(
    r"\b(?:destination|drop-?off\s{1,3}point|pick-?up\s{1,3}point|location\s{1,3}of\s{1,3}(?:the\s{1,3})?(?:patient|home"
    r"|visit))\b(?:\s{0,3}(?:[:=|/—–-]|>>|is|was|reads|given\s{1,3}as|recorded\s{1,3}as|as)(?![^\W\d_])){1,3}"
    r"\s{0,3}(?P<v>[^\n|;>]{6,90})",
    re.IGNORECASE,
)


def _words_of_list(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _positions(text: str, words: frozenset[str]) -> list[int] | None:
    """Where the text's words among ``words`` start (a few ``str.find`` calls instead of a search at every
    position); None when the text's small letters do not line up with it ("İ"), and every position must be tried."""
    low = text.lower()
    if len(low) != len(text):
        return None
    starts = []
    for w in words & words_of(text):
        i = low.find(w)
        while i >= 0:
            if i == 0 or not low[i - 1].isalnum():
                starts.append(i)
            i = low.find(w, i + 1)
    return sorted(starts)


def _near_words(
    rx: re.Pattern[str],
    text: str,
    words: frozenset[str],
    before: int,
    after: int,
    rx_starts: re.Pattern[str] | None = None,
) -> list[re.Match[str]]:
    """The matches of ``rx`` that start at most ``before`` characters before one of the words and end at most
    ``after`` characters after it: each looked for in that window only, so a scan stays linear. With ``rx_starts``
    (where ``rx`` can start, see shared.word_starts) the window's search tries only those places."""
    starts = _positions(text, words)
    if starts is None:
        return list(_matches(rx, text))
    found: dict[int, re.Match[str]] = {}
    for p in starts:
        lo, hi = max(0, p - before), min(len(text), p + after)
        m = rx.search(text, lo, hi) if rx_starts is None else search_at(rx, rx_starts, text, lo, hi)
        if m and m.start() not in found:
            found[m.start()] = m
    return [found[k] for k in sorted(found)]


_ADDRESS_NOUNS = frozenset({"address", "residence", "domicile"})


def _homes_before(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _near_words(_HOME_AFTER, text, _ADDRESS_NOUNS, 70, 12):
        lo = max(0, m.start() - 90)
        stops = list(_LEFT_STOP.finditer(text, lo, m.start()))
        begin = stops[-1].end() if stops else lo
        while begin < m.start() and text[begin] == " ":
            begin += 1
        found = _home_value(text, begin, m.start(), False)
        if found and found[1] == m.start() - (len(text[begin : m.start()]) - len(text[begin : m.start()].rstrip(" ,"))):
            out.append(found)
    return out


_LABEL_NOUNS = frozenset(
    {"address", "residence", "domicile", "abode", "dwelling", "lodging", "accommodation", "details", "home"}
    | {"location"}
)
_PLACE_NOUNS = frozenset({"destination", "drop", "dropoff", "pick", "pickup", "location"})


def _homes(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = _homes_before(text) if has_any(text, _ADDRESS_NOUNS) else []
    matches = [
        *((m, False) for m in _near_words(_HOME_LABEL, text, _LABEL_NOUNS, 40, 200, _HOME_LABEL_STARTS)),
        *((m, True) for m in _near_words(_HOME_VERB, text, _HOME_VERBS, 0, 200, _HOME_VERB_STARTS)),
        *((m, True) for m in (_matches(_PLACE_LABEL, text) if has_any(text, _PLACE_NOUNS) else ())),
    ]
    for m, full in matches:
        found = _home_value(text, m.start("v"), m.end("v"), full)
        if found is None or org_address(text, found[0]):
            continue
        # the words around the address, not its own ("9 Karl Johans gate" is a street, not a project's gate)
        around = text[max(0, m.start() - 40) : found[0]] + " " + text[found[1] : found[1] + 40]
        if (project_found(around) or case_blind_found(_OFFICE, _OFFICE_SMALL, around)) and not case_blind_found(
            _THEIRS, _THEIRS_SMALL, around
        ):
            continue
        out.append(found)
    return out


_HOME_VERBS = _words_of_list(
    "lives living lived resides residing moved relocated pick pickup collect collection deliver delivered delivery"
    " deliveries send sent post posted mail mailed visit visits transport transported discharged stay stays staying"
    " write written forward forwarded ship shipped drop dropped return returned go goes went bring brought taken"
    " domiciled found"
)
_HOME_GATE = _words_of_list(
    "address residence domicile abode dwelling lodging accommodation details home lives living lived resides residing moved relocated pickup pick collect"
    " collection deliver delivered delivery deliveries send sent post posted mail mailed visit visits transport"
    " transported discharged domiciled found location stay stays staying write written forward forwarded ship shipped drop dropped return"
    " returned go goes went bring brought taken destination location pickup dropoff"
)


# An HL7 v2 segment about a person and its address field: street^other^city^state^zip ("742 Evergreen^^Springfield
# ^IL^62704").
_HL7_PERSON_SEGMENT = re.compile(r"(?m)^(?:PID|NK1|GT1|IN1|IN2|PD1|MRG)\|")
_HL7_ADDRESS = re.compile(
    r"(?<=\|)(?P<v>\d{1,6}[^|^\n]{1,40}(?:\^[^|^\n]{0,40}){2,3}\^(?:\d{5}(?:-\d{4})?|[A-Z]\d[A-Z] ?\d[A-Z]\d"
    r"|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}))(?=[|^~\r\n]|$)"
)


def find_addresses(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    digits = text_digits(text)
    uk_end = digits >= 1 and _uk_code_end(text)
    if digits >= 4 and "," in text:
        out.extend(_intl_address(text))
    # a house number and a UK postcode have three digits between them ("Studio 1, Riley Mews, M8 0PS")
    if digits >= 3 and ("," in text or "\n" in text or has_any(text, _ADDRESS_GATE)):
        out.extend(_postal_address(text, uk_end))
    if "^" in text and _HL7_PERSON_SEGMENT.search(text):
        out.extend(m.span("v") for m in _HL7_ADDRESS.finditer(text))
    if digits >= 1 and has_any(text, _HOME_GATE):
        out.extend(_homes(text))
    if out:
        out = [s for s in out if not org_address(text, s[0])]
    shaped = list(out)
    lower = text.lower()
    for m in (
        matches_at(_ADDR_LABEL, _ADDR_LABEL_STARTS, text)
        if any(w in lower for w in ("address", "lives", "discharge"))
        else ()
    ):
        v = m.group("v")
        if _LINK.match(v):
            continue  # "the runbook lives at https://…": a page, not a home
        if _A_DIGIT.search(v) or re.search(r"\b[A-Z][a-z]{2,}\b", v):
            out.append(_label_value_end(text, m.start("v"), m.end("v"), shaped))
    if text_digits(text) >= 2:
        # a UK postcode by itself ("she lives in SW1A 1AA now"): a few households; not an organisation's or a
        # project's
        for m in _BARE_UK_POSTCODE.finditer(text) if uk_end else ():
            if _place_of_work(text, m.start(), m.end()):
                continue
            if not org_address(text, m.start()) and not project_search(text, max(0, m.start() - 60), m.end() + 30):
                out.append(m.span())
    for rx, needs in (
        (_LIVES_IN, ("lives",)),
        (_POBOX, ("box", "apo", "fpo", "dpo")),
        (_ZIP_LABEL, ("zip", "post", "eircode", "pin")),
    ):
        if not any(w in lower for w in needs):
            continue
        for m in _matches(rx, text):
            if rx is _ZIP_LABEL and _digits(m.group("v")) < 3 and not _UK_POSTCODE.fullmatch(m.group("v")):
                continue
            if rx is _ZIP_LABEL and _place_of_work(text, m.start(), m.end()):
                continue  # "Site postcode CB2 0QQ for the courier"
            out.append(m.span("v"))
    return out
