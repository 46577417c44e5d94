"""Dates of care and of birth written in German, French, Spanish, Italian, Portuguese, Dutch, Polish and the
Scandinavian languages: "Aufnahme am 7. März 2023", "hospitalisé le 17 août 2018", "ingresó el 3 de mayo de 2021",
"Geburtsdatum: 07.03.1931", "née le 9 mars 1938", "fecha de nacimiento: 14 de octubre de 1922". Notes from
clinicians abroad, and patients' own messages, reach a PMO's channels in their own language; the English rules do
not read these months or these words.

A date counts only right after a word of care or of birth of those languages and one of their small words
before a date ("am", "le", "el", "il", "em", "op", ":"), so an English PMO sentence ("the consultation on 3 May")
is not read here, and a project's sentence in those languages ("Mise en production prévue le 7 mars") has no
such word. The patterns are bounded: linear in the text.
"""

from __future__ import annotations

import re

from commands.phi.birthdates import past
from commands.phi.namewords import _wordset
from commands.phi.shared import _DATE, _I, small_letters, text_digits, words_of

# Months of those languages (and their short forms), in the forms a date uses ("7 de março", "3. Mai", "12 maja").
_MONTH_WORDS = r"""
    januar|jänner|jaenner|februar|feber|märz|maerz|mai|juni|juli|august|oktober|dezember
    |janvier|février|fevrier|mars|avril|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre
    |enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre
    |gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre
    |janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|dezembro
    |januari|februari|maart|mei|augustus|augusti|maj|marts
    |stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|października|pazdziernika
    |listopada|grudnia
    |january|february|march|april|may|june|july|september|october|november|december
    |jan|feb|mär|mrz|apr|jun|jul|aug|sep|sept|okt|oct|nov|dez|déc|dec|janv|févr|fevr|avr|juil|ene|dic|ago|set|out
""".replace("\n", "").replace(" ", "")
_DAY = r"(?:[0-3]?\d)(?:\.|er|º|°|o)?"
# "7. März 2023", "17 août 2018", "3 de mayo de 2021", "1er mars", "März 2023".
_WRITTEN = (
    rf"(?:{_DAY}\s{{1,3}}(?:de\s{{1,3}})?)?(?:{_MONTH_WORDS})\.?(?:,?\s{{1,3}}(?:de\s{{1,3}}|del\s{{1,3}})?\d{{4}})?"
)
DATE_ANY = rf"(?:{_WRITTEN}|{_DATE})(?![\w/])"

# Words of care (a stay, a visit, an operation, a death) of those languages, and of birth.
_CARE = r"""
    aufnahme|aufgenommen|aufnahmedatum|entlassung|entlassen|entlassungsdatum|konsultation|untersuchung|untersucht
    |operation|operiert|eingriff|vorstellung|vorgestellt|wiedervorstellung|behandlung|behandelt|termin|kontrolle
    |sprechstunde|notaufnahme|verstorben|gestorben|todesdatum|sterbedatum|eingeliefert|diagnostiziert|geimpft
    |impfung|arztbesuch|visite|krankenhausaufenthalt|stationär
    |hospitalisée?|hospitalisation|admise?|entrée|sortie|consultation|consultée?|opérée?|intervention
    |chirurgie|examinée?|décédée?|décès|deces|rendez-vous|rdv|urgences|suivie?|traitée?|vaccinée?|diagnostiquée?
    |accouchement|accouchée
    |ingresó|ingreso|ingresad[oa]|alta|egreso|egresad[oa]|hospitalizad[oa]|hospitalización|consulta|cita
    |atendid[oa]|valorad[oa]|operad[oa]|operación|cirugía|intervenid[oa]|falleció|fallecid[oa]|defunción
    |vacunad[oa]|diagnosticad[oa]|parto
    |ricoverat[oa]|ricovero|dimess[oa]|dimissione|dimissioni|visitat[oa]|operat[oa]|intervento|decedut[oa]
    |decesso|mort[oa]|appuntamento|controllo|vaccinat[oa]|diagnosticat[oa]|visita
    |internad[oa]|internação|internacao|internamento|admitid[oa]|admissão|admissao|faleceu|óbito|obito
    |vacinad[oa]|retorno|atendimento
    |opname|opgenomen|ontslag|ontslagen|afspraak|geopereerd|operatie|ingreep|onderzoek|onderzocht|overleden
    |overlijden|behandeld|gezien
    |przyjęty|przyjęta|przyjety|przyjeta|wypisany|wypisana|zmarł|zmarła|zmarl|zmarla|hospitalizowany|hospitalizowana
    |inlagd|utskriven|avliden|innlagt|utskrevet|død|indlagt|udskrevet|afdød
""".replace("\n", "").replace(" ", "")
_BIRTH_LABEL = r"""
    geburtsdatum|geburtstag|geb\.?[\s-]{0,2}datum|date\s{1,3}de\s{1,3}naissance|fecha\s{1,3}de\s{1,3}nacimiento
    |(?:f\.|fecha)\s{0,2}(?:de\s{1,3})?nac\.?|nacimiento|naissance|nascita|nascimento|urodzenia|geboorte|data\s{1,3}di\s{1,3}nascita|data\s{1,3}de\s{1,3}nascimento|geboortedatum
    |data\s{1,3}urodzenia|födelsedatum|fodelsedatum|fødselsdato|fodselsdato|syntymäaika|syntymaaika
""".replace("\n", "").replace(" ", "")
# Born, with the small word its language puts before a date: "geboren am", "geb.", "née le", "nacido el", "nato il".
_BORN = r"""
    geb\.|geboren\s{1,3}(?:am|den|op)|née?\s{1,3}le|nacid[oa]\s{1,3}el|(?-i:[Nn]at[oa])\s{1,3}il|nascid[oa]\s{1,3}(?:em|a)
    |urodzon[ya](?:\s{1,3}dnia)?|ur\.|född(?:\s{1,3}den)?|født(?:\s{1,3}den)?|syntynyt
""".replace("\n", "").replace(" ", "")
# Labels of a date of care that say so on their own, before a colon: "Aufnahmedatum:", "date d'entrée :".
_CARE_LABEL = r"""
    aufnahmedatum|entlassungsdatum|todesdatum|sterbedatum|untersuchungsdatum|behandlungsdatum|op-datum
    |date\s{1,3}d['’]\s{0,2}(?:entrée|hospitalisation|admission)|date\s{1,3}de\s{1,3}(?:sortie|consultation|décès)
    |fecha\s{1,3}de\s{1,3}(?:ingreso|alta|consulta|cirugía|defunción|egreso)
    |data\s{1,3}(?:del\s{1,3}ricovero|di\s{1,3}dimissione|della\s{1,3}visita|dell['’]\s{0,2}intervento|del\s{1,3}decesso)
    |data\s{1,3}(?:de\s{1,3}|da\s{1,3})(?:internação|internacao|alta|consulta|cirurgia|admissão|admissao|óbito|obito)
    |opnamedatum|ontslagdatum|datum\s{1,3}(?:van\s{1,3})?(?:opname|ontslag|overlijden)
    |data\s{1,3}(?:przyjęcia|przyjecia|wypisu|zgonu)|inskrivningsdatum|utskrivningsdatum|innleggelsesdato
""".replace("\n", "").replace(" ", "")
# The small words of those languages between a word of care and its date: "am", "vom", "le", "el", "il", "em", "op".
_PREPOSITION = (
    r"\s{1,3}(?:am|vom|seit|le|du|depuis\s{1,3}le|el|del|desde\s{1,3}el|il|dal|em|op|dnia|w\s{1,3}dniu|den|au)\s{1,3}"
)
_ANY_WORDS = r"(?:\s{1,3}[^\W\d]{1,20}\.?){0,4}?"  # a few words between: "Aufnahme in die Klinik am …"
_CARE_DATE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_CARE})(?![^\W\d_]){_ANY_WORDS}{_PREPOSITION}"
    rf"|(?:{_CARE_LABEL})(?![^\W\d_])\s{{0,3}}[:=|-]?\s{{0,3}})(?P<v>{DATE_ANY})",
    _I,
)
_BIRTH_DATE = re.compile(
    rf"(?<![^\W\d_])(?:(?:{_BIRTH_LABEL})(?![^\W\d_])\s{{0,3}}[:=|-]?\s{{0,3}}|(?:{_BORN})\s{{0,3}})(?P<v>{DATE_ANY})",
    _I,
)
# The same two in a text's small letters: three times faster than a case-blind search (shared.small_letters).
_CARE_SMALL = re.compile(_CARE_DATE.pattern)
_BIRTH_SMALL = re.compile(_BIRTH_DATE.pattern)
# The letters a text needs before either pattern is tried: a word of those languages its ASCII words show ("né"
# reads as "n"), or a letter that is not ASCII.
_GATE = _wordset(
    """
    aufnahme aufgenommen aufnahmedatum entlassung entlassen entlassungsdatum konsultation untersuchung untersucht
    operiert eingriff vorstellung vorgestellt wiedervorstellung behandlung behandelt termin kontrolle sprechstunde
    notaufnahme verstorben gestorben todesdatum sterbedatum eingeliefert diagnostiziert geimpft impfung arztbesuch
    visite hospitalisation hospitalise hospitalisee admise entr sortie rdv urgences suivie ingreso ingresado ingresada
    alta egreso hospitalizado hospitalizada consulta cita atendido atendida valorado valorada operado operada cirug
    intervenido intervenida fallecido fallecida vacunado vacunada parto visto vista ricoverato ricoverata ricovero
    dimesso dimessa dimissione dimissioni visitato visitata operato operata intervento deceduto deceduta decesso
    appuntamento controllo vaccinato vaccinata visita internado internada internacao internamento admitido admitida
    admissao faleceu obito vacinado vacinada retorno atendimento opname opgenomen ontslag ontslagen afspraak
    geopereerd operatie ingreep onderzoek onderzocht overleden overlijden behandeld gezien przyjety przyjeta wypisany
    wypisana zmarl zmarla hospitalizowany hospitalizowana inlagd utskriven avliden innlagt utskrevet indlagt udskrevet
    geburtsdatum geburtstag geb geboren naissance nacimiento nacido nacida nac nascita nato nata nascimento nascido
    nascida geboortedatum urodzenia urodzony urodzona ur syntym syntymaaika syntynyt delsedatum fodelsedatum
    fodselsdato opnamedatum ontslagdatum datum przyjecia wypisu zgonu inskrivningsdatum utskrivningsdatum
    innleggelsesdato untersuchungsdatum behandlungsdatum consultation operation intervention chirurgie examen
    hospitalis
    """
)


# Words English uses too ("consultation", "operation"): read only with a small word of those languages.
_ENGLISH_TOO = _wordset("consultation operation intervention examen alta visite termin")
_SMALL_WORDS = _wordset("am vom seit le du depuis el del desde il dal em op dnia den au")
_ACCENTED = frozenset("éèêäöüóíáçãõñłęąśżźøåæúàô")


def _read(text: str) -> bool:
    """A word of those languages in the text, or one of their letters and one of their small words."""
    if not text_digits(text):
        return False
    words = words_of(text)
    found = _GATE & words
    if found - _ENGLISH_TOO:
        return True
    if found:
        return not _SMALL_WORDS.isdisjoint(words)
    if not text.isascii() and not _ACCENTED.isdisjoint(text):  # ("am", "den": English words too)
        return not (_SMALL_WORDS - {"am", "den"}).isdisjoint(words) or "født" in text or "född" in text
    return False


def find_other_language_dates(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(dates of birth, dates of care) written in another language (see the module's doc)."""
    if not _read(text):
        return [], []
    low = small_letters(text)
    on, birth_rx, care_rx = (text, _BIRTH_DATE, _CARE_DATE) if low is None else (low, _BIRTH_SMALL, _CARE_SMALL)
    births = [
        m.span("v")
        for m in birth_rx.finditer(on)
        if _has_day_or_year(m.group("v")) and past(m.group("v")) and not text[m.start() : m.start() + 4].isupper()
    ]  # ("NATO il 3 maggio": not "nato il", born)
    care = [
        m.span("v")
        for m in care_rx.finditer(on)
        if _has_day_or_year(m.group("v")) and not _PROJECT.search(text, max(0, m.start() - 120), m.end() + 120)
    ]
    return births, care


# A project's, a public body's or a system's words of those languages (and English ones they borrow): the date of
# "la visita del auditor el 3 de marzo", "consultation publique du 3 mars" is not a person's care.
_PROJECT = re.compile(
    r"(?<![^\W\d_])(?:audit\w{0,4}|auditor[ae]?s?|projet|projekt\w{0,10}|(?-i:IT)(?:-\w{1,12})?|hersteller|anbieter"
    r"|dienstleister|berater\w{0,2}|consultants?|éditeur|editeur|prestataire|leverancier|firma|empresa|société"
    r"|societe|azienda|bedrijf|équipe|equipo|informati\w{1,4}|dsi|abteilung|proyecto|progetto|projeto|project|publique"
    r"|públic[oa]|public[oa]|pubblic[oa]|öffentlich\w{0,2}|go-?live|release|version|versión|versione|versão"
    r"|réunion|reunión|riunione|reunião|comité|comitê|comitato|ausschuss|portfolio|système|sistema|system\w{0,2}"
    r"|logiciel|software|formation|formación|formazione|formação|schulung|training|lancement|lanzamiento|lancio"
    r"|migra\w{1,6}|mise\s{1,3}en\s{1,3}production|sprint|fournisseur|proveedor|fornitore|fornecedor|lieferant"
    r"|vendor|contrat|contrato|contratto|vertrag|budget|presupuesto|piloto|pilot|pilote|prueba|abnahme|deadline"
    r"|frist|échéance|plazo|scadenza|prazo|meeting|sitzung|seminar\w{0,2}|workshop|webinar|wahl|élection)"
    r"(?![^\W\d_])",
    _I,
)


def _has_day_or_year(v: str) -> bool:
    """A month with a day or a year: a month alone ("mai", "mars") is a word."""
    return sum(c.isdigit() for c in v) >= 2
