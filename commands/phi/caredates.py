"""Dates in a short narrative of one person's care: "The first stair session was in October 2014. By December 2014,
<name> could pause on the landing", "The referral for <name> says January 2016". A date (a month and a year too) in
a sentence about one person's care is a date of care, unless the words beside it make it a publication's or a
document's ("the manual published in 2007", "a public report, dated June 2017"). In a short note that is such a
narrative, its other sentences' dates are the same person's too, unless a project's or a publication's words are
next to them; a project's sentence still goes to the project veto (project.py) like every other date.

A sentence is about one person's care when it names an occasion of care (a session, an assessment, a referral...)
that no project's word makes a project's ("the training session", "the review meeting"), or a person cared for (the
patient, the resident, he or she) with a word of care. Plural people and figures are a statistic, not a person's care ("patients seen in March 2024 rose 12%").

Bounded patterns over sentences of at most 320 characters: linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from commands.phi.care import (
    _MONTH_BEFORE,
    _MONTH_NAMES,
    _YEAR_GATE,
    _clinical,
    date_matches,
    project_found,
)
from commands.phi.namewords import _wordset
from commands.phi.project import _SENTENCE_END, _project_evidence, _sentence
from commands.phi.shared import _I, has_any, small_letters, text_digits, words_of

# The words a narrative of care needs one of before anything else is read.
_GATE = frozenset(
    [
        *("session", "sessions", "consultation", "assessment", "follow", "followup", "examination", "exam"),
        *("admission", "referral", "therapy", "review", "appointment", "visit", "checkup", "check", "attendance"),
        *("patient", "individual", "resident", "client", "he", "she"),
    ]
)
# An occasion of care, and the words before it that make it a project's ("training session", "gate review").
_OCCASION = re.compile(
    r"\b(?:sessions?|consultations?|assessments?|follow-?ups?|examinations?|exams?"
    r"|admissions?|referrals?|therapy|reviews?|appointments?|visits?|check-?ups?|attendances?)\b"
    r"(?!\s{1,3}(?:meetings?|workshops?|forums?|modules?|templates?|forms?|process(?:es)?|workflows?|systems?|teams?"
    r"|boards?|committees?|logs?|schedules?|slots?|booking|polic(?:y|ies)|papers?|reports?|dashboards?|tools?"
    r"|projects?|screens?|builds?|pathways?|kiosks?|letters?\s{1,3}templates?|rules?|criteria|backlog|queue)\b)",
)
_NOT_CARE_LEAD = _wordset(
    """training steering gate design project readiness benefits budget board golive go live cutover vendor security
    privacy audit annual quarterly implementation programme program sprint team staff peer code contract stage phase
    quality performance strategy portfolio business risk lessons uat demo site post-implementation post
    implementation lunch teaching information drop-in dropin user super-user data system systems build test
    planning kickoff kick-off literature evidence journal article systematic"""
)
# One person cared for: "the patient", "the resident's", "she".
_PERSON = re.compile(
    r"\b(?:(?:the|this|our)\s{1,3}(?:patient|individual|resident|client|person|child|infant|baby|woman|man)"
    r"(?:['’]s\b|\b(?![\s-]{1,3}(?:doctors?|medical|medics?|physicians?|registrars?|rota|parking|permits?|portal|flow"
    r"|experience|services?|relations|satisfaction|safety|lists?|dashboards?|id|wristbands?|journey|engagement"
    r"|education|leaflets?|forms?|letters?|records?\s{1,3}system|app|kiosks?|representatives?|voice|survey|feedback"
    r"|transport|access|liaison|advice|catering|meals?"
    # the things a person lies, sits or is lifted on: "the patient tables", "the patient monitors" are equipment
    r"|tables?|monitors?|lifts?|hoists?|trolleys?|couch(?:es)?|stretchers?|chairs?|equipment)\b))"
    r"|patient['’]s\b|(?-i:\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b))",
    _I,
)
# What makes a date a publication's or a document's: "published in 2007", "dated June 2017", "the July 2012 service
# report", "a lecture in October 2019".
_PUBLISHED_BEFORE = re.compile(
    r"\b(?:published|publication|released|release|edition|issued|dated|copyright|©|guidelines?|manual|articles?"
    r"|lectures?|papers?|bulletins?|reports?|leaflets?|booklets?|journals?|textbooks?|statements?|newsletters?"
    r"|headed|printed|cited|studies|study|surveys?|websites?|handbooks?|circulars?|policy|policies|consensus"
    r"|conference|webinar|course|podcast|video|book|chapter|review\s{1,3}(?:article|paper))\b"
    r"(?:\s{1,3}[\w'’,-]{1,25}){0,6}\s{1,3}(?:in|on|from|of|dated|,)?\s{0,3}$",
    _I,
)
_PUBLISHED_AFTER = re.compile(
    r"^\s{0,3}(?:[\w'’-]{1,25}\s{1,3}){0,2}(?:service\s{1,3})?(?:reports?|editions?|issues?|guidelines?|manuals?"
    r"|articles?|lectures?|papers?|bulletins?|newsletters?|publications?|version|update|statements?)\b",
    _I,
)
# Many people or a figure: a statistic, not one person's care.
_STATISTIC = re.compile(
    r"%|\bper\s{0,2}cent\b|\b(?:patients|residents|clients|people|admissions|referrals|visits|attendances"
    r"|appointments|sessions|rose|fell|increased|decreased|dropped|grew|volumes?|numbers?\s{1,3}of|rates?|average)\b",
)
_SHORT = 600  # a note this long is read as one narrative


def _occasion_of_care(s: str) -> bool:
    """An occasion of care in the sentence, not a project's ("the training session", "the gate review")."""
    return any(
        _NOT_CARE_LEAD.isdisjoint(s[max(0, m.start() - 45) : m.start()].lower().split()[-2:])
        for m in _OCCASION.finditer(s)
    )


def _about_care(text: str, s: str) -> bool:
    """A sentence about one person's care: an occasion of care, or a person cared for with a word of care."""
    low = s.lower()  # (the patterns below read small letters: several times faster than a case-blind search)
    if _STATISTIC.search(low):
        return False
    if _occasion_of_care(low):
        return True
    return bool(_PERSON.search(s)) and (
        not _CARE_WORDS.isdisjoint(re.findall(r"[a-z]{3,20}", low)) or _clinical(text, s) or bool(_STAY.search(low))
    )


# A stay in a place of care: "she stayed in the cardiac unit", "he remained on the ward", "was kept in hospital".
_STAY = re.compile(
    r"\b(?:stayed|stays|remained|remains|was\s{1,3}kept|spent\s{1,3}(?:\w{1,10}\s{1,3}){0,2}(?:days?|nights?|weeks?))"
    r"\s{1,3}(?:in|on|at)\s{1,3}(?:the\s{1,3}|a\s{1,3})?(?:[a-z-]{2,20}\s{1,3}){0,2}"
    r"(?:unit|ward|icu|ccu|nicu|picu|hdu|hospital|hospice|rehab|ed|er|a&e|bay|step-?down)\b"
)


# Words of a person's findings, treatments and daily abilities (project.py's _NARRATIVE read as a set of words: a
# set lookup, where that pattern costs a tenth of a millisecond per sentence).
_CARE_WORDS = _wordset(
    """
    wound wounds rash pain fever cough swelling symptom symptoms dizzy dizziness nausea vomiting bleeding infection
    injury fracture meds dose doses antibiotic antibiotics prescribed prescription inhaler insulin oxygen saturation
    saturations glucose mobility swallow swallowing dietitian physio physiotherapy physiotherapist registrar clinician
    allergy allergies diagnosis diagnosed onset examined assessed reassessed reassessment treated therapy therapist
    therapists surgery biopsy ultrasound hearing vaccine vaccinated vaccination booster immunised immunized specimen
    chest breathing breathless wheeze wheezing appetite sleep sleeping mood anxiety dementia confusion carer caregiver
    weight observations respiratory walking gait consultation consultations stairs exercises exercise echocardiogram
    stitches sutures febrile catheter wheelchair rehabilitation readmission dressing dressings seizure seizures
    headache headaches scar
    """
)


def _published(text: str, start: int, end: int) -> bool:
    """A publication's or a document's words right by the date."""
    left = text[max(0, start - 70) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    return bool(_PUBLISHED_BEFORE.search(left) or _PUBLISHED_AFTER.match(text, end, end + 50))


def _dates(text: str) -> list[tuple[int, int]]:
    """The text's dates with a month (written out or in digits with a day) and a year."""
    spans = [(v_start, v_end) for _, _, v_start, v_end, v in date_matches(text) if len(v) >= 6]
    if _MONTH_NAMES.isdisjoint(words_of(text)):
        return spans
    for m in _YEAR_GATE.finditer(text):
        month = _MONTH_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if month is not None:
            spans.append((month.start(), m.end()))
    return spans


def find_narrative_care_dates(text: str, known: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Dates of one person's care in a sentence, or a short narrative, about that care (see the module's doc), but
    not the ones other detectors found (``known``): those count as dates of care for the narrative."""
    if not text_digits(text) or not has_any(text, _GATE):
        return []
    found: list[tuple[int, int]] = []
    rest: list[tuple[int, int, str]] = []
    narrative = False
    known = sorted(known)
    starts = [k_start for k_start, _ in known]
    for start, end in _dates(text):
        i = bisect_left(starts, end)  # the known date that starts last before this one ends: does it reach it?
        if i and known[i - 1][1] > start:
            narrative = True
            continue
        s = _sentence(text, start, end)
        if _about_care(text, s):
            if not (_published(text, start, end) or _project_evidence(s, bool(_PERSON.search(s)))):
                found.append((start, end))
        elif len(text) <= _SHORT:
            rest.append((start, end, s))
    if rest and (found or narrative):  # one short narrative: its other dates are the same person's
        for start, end, s in rest:
            if not (
                _STATISTIC.search(s.lower())
                or _project_plain(s)
                or _project_evidence(s, True)
                or _published(text, start, end)
            ):
                found.append((start, end))
    return found


def _project_plain(s: str) -> bool:
    """A project's word a narrative of care hardly uses ("go-live", "cutover"), read by its set of words."""
    return not _PROJECT_ONLY.isdisjoint(re.findall(r"[\w-]+", s.lower()))


_PROJECT_ONLY = _wordset(
    """golive go-live cutover uat sprint vendor rollout deployment release upgrade migration budget invoice contract
    dashboard workflow interface build"""
)


# --- dates of a treatment, a symptom's onset, a vaccine, a period -------------------------------------------------
# "Started metformin 04/05/2025", "her last dose of warfarin was 21.12.24", "Flu shot given 2012/12/08", "fever since
# 3/4/18", "Tx: ORIF L wrist 8/23/2012", "LMP was 27.06.2013": a date a few words after a medicine with a word of
# giving it, a vaccine given, a symptom with "since", a procedure, or a last period. A PMO names none of these
# before a date; its sentences still go to the project veto (project.py) like every other date.
_DRUG_ENDINGS = tuple(
    _wordset(
        """mab nib pril olol sartan statin dipine azole cillin mycin micin cycline floxacin parin farin gliptin gliflozin
    glutide tidine prazole oxetine aline triptan azepam zolam semide thiazide olone isone asone ovir formin xaban
    gatran apine idone codone morphine tanyl profen fenac caine terol tropium lukast setron ximab zumab"""
    )
)
_DRUGS = _wordset(
    """insulin aspirin paracetamol acetaminophen tylenol advil morphine fentanyl codeine tramadol lithium digoxin
    amiodarone lasix levothyroxine thyroxine methotrexate tamoxifen ceftriaxone cefazolin cephalexin keflex augmentin
    penicillin bactrim trimethoprim nitrofurantoin clopidogrel plavix eliquis xarelto lovenox alteplase tpa chemo
    chemotherapy radiotherapy immunotherapy antibiotics antibiotic steroids steroid methadone suboxone naloxone narcan
    epinephrine ventolin inhaler nebuliser nebulizer gabapentin pregabalin lyrica zoloft prozac citalopram
    escitalopram haloperidol zolpidem melatonin zofran metoclopramide senna lactulose potassium magnesium iron
    vitamin folate depo nexplanon ozempic jardiance coumadin warfarin heparin metformin prednisone dexamethasone
    hydrocortisone antibiotics abx iv fluids ivf blood transfusion"""
)
_GIVE = (
    r"(?:start(?:ed|ing)?|stopped|restarted|discontinued|d/?c['’]?d|given|administered|received|taken|took|last\s{1,3}"
    r"dose|doses?|dosed|course|changed|switched|increased|decreased|titrated|held|resumed|commenced|prescribed"
    r"|initiated|began|begun|infused|injected|completed|finished)"
)
_VACCINE = (
    r"(?:flu|influenza|covid(?:-?19)?|tetanus|tdap|dtap|mmr|hpv|hep(?:atitis)?\s{0,2}[ab]|pneumo(?:coccal|vax)?"
    r"|shingles|shingrix|zoster|bcg|rsv|polio|varicella|rabies|booster|vaccines?|vaccinations?|immuni[sz]ations?"
    r"|jabs?|shots?)"
)
_SYMPTOM = (
    r"(?:fevers?|pain(?!\s{1,3}points?)|cough(?:ing)?|rash|symptoms?|headaches?|vomiting|diarrh(?:o)?ea|bleeding"
    r"|swelling|nausea|dizziness|fatigue|sob|shortness\s{1,3}of\s{1,3}breath|wheez(?:e|ing)|itching|seizures?"
    r"|numbness|weakness|spotting|contractions|palpitations|confusion|falls)"
)
_PROCEDURE = (
    r"(?:[a-z]{3,20}(?:ectomy|otomy|ostomy|plasty|oscopy|centesis)|c-section|caesarean|cesarean"
    r"|stent(?:ing)?|pacemaker|angiogram|angioplasty|ablation|cardioversion|lumbar\s{1,3}puncture|appendectomy)"
)
# Procedures and imaging by their capitals (a case-blind "pet", "peg" or "ct" is a word of its own).
_ABBREVIATIONS = _wordset(
    """ORIF TKA THA TKR THR CABG PCI ERCP EGD TURP TURBT LSCS TAVI TAVR AVR MVR VATS EVAR PEG TEE TTE DEXA CT MRI MRA
    CTA PET EEG EMG KUB CXR XR"""
)
_BETWEEN = r"(?:\s{1,3}(?!(?:and|or|but)\b)[\w'’/&:-]{1,20}){0,4}?"  # a few words, no sentence's end: "L wrist"
_TREATMENT_ANCHORS = (
    r"(?:"
    rf"\b{_VACCINE}(?:\s{{1,3}}(?:shot|jab|vaccine|booster|dose))?(?:\s{{1,3}}#?\d)?\s{{1,3}}(?:was\s{{1,3}})?"
    r"(?:given|administered|received|done|up\s{1,3}to\s{1,3}date)"
    rf"|\b{_SYMPTOM}(?P<s>{_BETWEEN})\s{{1,3}}(?:since|starting|began|begun|started)(?:\s{{1,3}}(?:on|about|around))?"
    rf"|(?<![\w-]){_PROCEDURE}\b"
    r"|\b(?:last\s{1,3}(?:normal\s{1,3})?menstrual\s{1,3}period|lmp|lnmp|last\s{1,3}(?:period|menses|dose|bm"
    r"|bowel\s{1,3}movement|void|meal|oral\s{1,3}intake|(?:known|seen)\s{1,3}well|well|seizure|fall|fever))"
    # a lab's value: "Cr 1.4 on 3/4", "INR 2.3 (2024-03-04)"
    r"|\b(?:cr|creat(?:inine)?|hgb|hb|wbc|plt|platelets|inr|a1c|hba1c|tsh|bnp|troponin|trop|lactate|crp|esr"
    r"|glucose|bg|egfr|alt|ast|bili(?:rubin)?|psa|ldl|ferritin|d-?dimer|potassium|sodium)\s{0,2}[:=]?\s{0,2}"
    r"\d{1,4}(?:\.\d{1,3})?(?:\s{0,2}(?:mg/dl|mmol/l|g/dl|g/l|umol/l|µmol/l|ng/ml|%))?"
    # the person saw a clinician: "I saw Dr. Patel on 3/4", "seen by my GP 3/4/24"
    r"|\b(?:saw|seen\s{1,3}by|visited)\s{1,3}(?:dr\.?|doctor|(?:my|the|her|his)\s{1,3}(?:gp|doctor|physician|surgeon"
    r"|specialist|cardiologist|oncologist|dentist|midwife|therapist|consultant))(?:\s{1,3}[A-Z][\w'’-]{1,20}){0,2}"
    # a clinician's act on the person: "we saw him on 3/4", "examined the child 2024-03-04"
    r"|\b(?:saw|seen|examined|assessed|visited|treated|admitted|discharged|reviewed)\s{1,3}(?:him|her|them|pt|mom|mum"
    r"|the\s{1,3}(?:patient|pt|child|baby|infant|boy|girl|resident|client))\b(?:\s{1,3}again)?"
    r")"
)
_TO_DATE = rf"(?P<g>{_BETWEEN})\s{{0,3}}(?:(?:[:=(-]|\bon\b|\bwas\b|\bis\b|\bat\b|\bdated\b|\bof\b)\s{{0,3}})?$"
_TREATMENT_BEFORE = re.compile(rf"(?P<a>{_TREATMENT_ANCHORS}){_TO_DATE}", _I)
# The same in a text's small letters, several times faster than a case-blind search (shared.small_letters).
_TREATMENT_SMALL = re.compile(rf"(?P<a>{_TREATMENT_ANCHORS.replace('[A-Z]', '[a-z]')}){_TO_DATE}")
_ABBREVIATION_BEFORE = re.compile(
    rf"(?P<a>(?<![\w-])(?:{'|'.join(sorted(_ABBREVIATIONS, key=len, reverse=True))})\b){_TO_DATE}"
)
_ABBREVIATION_WORDS = frozenset(w.lower() for w in _ABBREVIATIONS if w.isalpha())
_DOSE_AFTER = re.compile(r"\s{0,2}(?:mg|ml|mcg|units?|tabs?|tablets?|caps?|puffs?|of\b|x\b|%|hrs?\b|h\b)", _I)
_GIVE_RX = re.compile(rf"\b{_GIVE}\b", _I)
_WORD = re.compile(r"[A-Za-z][\w'’/&-]{0,30}")
_CLAUSE_END = re.compile(r"[.;!?\n](?!\d)")
_TREATMENT_GATE = _DRUGS | _wordset(
    """started starting stopped restarted discontinued given administered received taken took dose doses dosed
    course changed switched increased decreased titrated held resumed commenced prescribed initiated began begun
    infused injected completed finished since starting lmp lnmp period orif tka tha tkr thr cabg pci ercp egd turp
    turbt lscs tavi tavr avr mvr vats evar peg tee tte dexa section caesarean cesarean stent stenting pacemaker
    angiogram angioplasty ablation cardioversion puncture saw seen examined assessed visited treated admitted
    discharged reviewed ct mri mra cta pet eeg emg kub cxr xr last cr creat creatinine hgb hb wbc plt platelets inr
    hba tsh bnp troponin trop lactate crp esr glucose bg egfr alt ast bili bilirubin psa ldl ferritin dimer sodium
    flu influenza covid tetanus tdap dtap mmr hpv hep hepatitis pneumococcal pneumovax shingles shingrix zoster bcg
    rsv polio varicella rabies booster vaccine vaccines vaccination vaccinations immunisation immunization
    immunisations immunizations jab jabs shot shots"""
)
_LOW_WORDS = re.compile(r"[a-z]{1,30}")
# The words an anchor starts with (a symptom's too: "fever … since").
_ANCHOR_WORDS = _TREATMENT_GATE | _wordset(
    """fever fevers pain cough coughing rash symptom symptoms headache headaches vomiting diarrhea diarrhoea bleeding
    swelling nausea dizziness fatigue sob shortness wheeze wheezing itching seizure seizures numbness weakness spotting
    contractions palpitations confusion falls lumbar creat"""
)
_PROCEDURE_ENDINGS = ("ectomy", "otomy", "ostomy", "plasty", "oscopy", "centesis")


def _drug(word: str | None) -> bool:
    w = (word or "").lower()
    return w in _DRUGS or (len(w) > 5 and w.endswith(_DRUG_ENDINGS))


def find_treatment_dates(text: str) -> list[tuple[int, int]]:
    """Dates of a treatment, a vaccine, a symptom's onset, a procedure or a last period (see above)."""
    if not text_digits(text):
        return []
    words = words_of(text)
    if _TREATMENT_GATE.isdisjoint(words) and not any(w.endswith(_PROCEDURE_ENDINGS) for w in words):
        return []
    found = []
    low = small_letters(text)
    for _, _, start, end, v in date_matches(text):
        if len(v) < 3 or _DOSE_AFTER.match(text, end):
            continue  # "1/2 tab", "3/4 of the dose": a fraction
        m = _treatment_before(text, low, start)
        if m is None and not (len(v) > 4 and _given_medicine(text, start)):
            continue
        if m is not None and len(m.group("g").split()) > 2 and not m.groupdict().get("s"):
            continue  # (a few words between only after a symptom: "fever on and off since …")
        s = _sentence(text, start, end)
        if m is not None:
            s = s.replace(text[m.start("a") : m.end("a")], " ")  # (the anchor's own words: "last menstrual period")
        if project_found(s) or _STATISTIC.search(s.lower()) or _THINGS.search(s):
            continue  # "symptoms since the 3/14 cutover", "staff flu shots given on 10/3: 85%", "the ORIF tray"
        found.append((start, end))
    return found


def _treatment_before(text: str, low: str | None, start: int) -> re.Match[str] | None:
    """An anchor of _TREATMENT_BEFORE and a few words before the date, searched from the first word of one (a set
    lookup finds it) in the text's small letters; procedures by their capitals in the text itself."""
    lo = max(0, start - 70)
    first = None
    near = set()
    for w in _LOW_WORDS.finditer(text[lo:start].lower()):
        word = w.group(0)
        near.add(word)
        if first is None and (word in _ANCHOR_WORDS or word.endswith(_PROCEDURE_ENDINGS)):
            first = lo + w.start()
    if first is None:
        return None
    m = (_TREATMENT_SMALL.search(low, first, start) if low is not None else None) or (
        _TREATMENT_BEFORE.search(text, first, start) if low is None else None
    )
    if m is None and not _ABBREVIATION_WORDS.isdisjoint(near):
        m = _ABBREVIATION_BEFORE.search(text, first, start)
    return m


# What a sentence about a procedure's or a medicine's things names: a tray, an order set, a recall.
_THINGS = re.compile(
    r"\b(?:trays?|kits?|sets?|instruments?|supplies|recalls?|notices?|orders?|templates?|forms?|pathways?|protocols?"
    r"|lists?|slots?|capacity|theatres?|theaters?|rooms?|suites?|equipment|devices?|stock|inventory|pricing|codes?"
    r"|coding|billing|claims?|tariffs?|staff|clinics\s{1,3}for|dashboards?|tools?|modules?|shortages?)\b",
    _I,
)


def _given_medicine(text: str, start: int) -> bool:
    """A medicine among the few words before the date, and a word of giving it: "Started metformin 3/8/2015",
    "her last dose of warfarin was 21.12.24", "ceftriaxone given on 4 May"."""
    left = text[max(0, start - 70) : start]
    cut = [c.end() for c in _CLAUSE_END.finditer(left)]
    if cut:
        left = left[cut[-1] :]
    words = [w.group(0) for w in _WORD.finditer(left)]
    drugs = [i for i, w in enumerate(words) if _drug(w)]
    if not drugs or len(words) - drugs[-1] > 5 or not _GIVE_RX.search(left):
        return False
    return not project_found(left)
