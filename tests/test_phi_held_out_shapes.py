"""Shapes the grown development set (bench/phi) showed the guard missing, and the PMO text that must still pass.

The examples are made up in the same shapes; the evaluation items themselves stay in bench/phi/*.jsonl.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from commands.phi import scan
from commands.phi_commands import redacted_offer
from storage.models import StatusUpdate
from tests.support.chat import Chat, shown

# said as a status note -> refused, with the kind the guard names
REFUSED = [
    # a full descriptor, a clause, then the name set off by commas
    ("a 58-year-old male with a history of gout, Peter Lindqvist, asked about the portal", "patient-name"),
    ("the 41 yo female with asthma, Wilhelmina K., was double-registered", "patient-name"),
    # a full name, a comma and a verb of care with its place
    ("the chart for Henrietta Okafor, treated at Mercy on the night of the outage, is split", "patient-name"),
    ("orders for Tomas Reyes, seen in clinic before the cutover, never crossed", "patient-name"),
    # a name with its record number or age in brackets
    ("Gloria Estefan-Ruiz (MRN 4455667) shows twice after the merge", "patient-name"),
    # a nickname in quotes
    ("the pt prefers to be called 'Birdie' on the whiteboard", "patient-name"),
    # "pts name" without a colon
    ("pts name Harold Finch, wristband reprinted", "patient-name"),
    # dates of care after treated / tx'd / surgery, even with a project or 'due to' word around them
    ("treated at Lakeside on 3/14/2024 and the labs went to the old interface", "admission-date"),
    ("tx'd at St. Anne's on Feb 2nd 2024, see policy", "admission-date"),
    ("hip replacement surgery at Mercy on 6/7/2024 is missing from the feed", "admission-date"),
    ("seen by the fellow at North Clinic, 2/14/2024, due to a rash", "admission-date"),
    # labels the first generation did not know
    ("SS# 219-09-9999 on the scanned intake form", "ssn"),
    ("Hospital ID: KGH-4471-22-B on two charts", "mrn"),
    ("her driver's license number is D1234567", "plan-number"),
    ("Patient reachable at 6135550199 after 5", "phone"),
    # streets named Close/Grove/Mews, on a line of their own
    ("Address:\n14 Juniper Close, Barrhaven", "address"),
    # this round: European and Commonwealth street lines with a town and a postal code
    ("please send the card to Lindenweg 7, Oberried, 79254", "address"),
    ("the letter went to 8 Wattle Creek, GLEN INNES, NSW 2370", "address"),
    ("returned from ul. Ogrodowa 5, Kraków, 30-001 unopened", "address"),
    # labels with 'as', 'ref', 'key' or a slash or arrow before the number
    ("the chart key 5502/1187 was linked to the wrong person", "mrn"),
    ("MEDICAL RECORD REF / B-4412093 / duplicated", "mrn"),
    ("the billing reference 77120934 was charged twice", "plan-number"),
    ("the insurance identifier was given as 55120398", "plan-number"),
    # phones after 'call me on', 'using', 'answering at'
    ("can someone call me on 07 81 22 90 13 about my results", "phone"),
    ("nobody answering at 612 4471 after the cutover", "phone"),
    # names: accents and Mc, 'Last, First', 'patient called X;', care recipient, addressed as, header rows
    ("Patient called Dvořák, Ema; meds reconciled after downtime", "patient-name"),
    ("care recipient Jolanta Wiśniewska missed her transport", "patient-name"),
    ("the patient prefers to be addressed as Ngaio McKenzie", "patient-name"),
    ("PATIENT / Sigrún Ólafsdóttir / wristband reprinted", "patient-name"),
    ("the visitor was Brendan O'Malley, who denied chest pain", "patient-name"),
    ("at the infusion clinic Dr. Osei assessed Marta Kowalczyk; the family was told", "patient-name"),
    # onset as a word of care; a day written out
    ("onset 2024-03-02 per the scanned note", "admission-date"),
    ("admitted on the twenty-first of May and the orders vanished", "admission-date"),
    # a patient's account stays one even with a vendor word nearby
    ("patient account number 55120398 sent to the vendor for the refund", "plan-number"),
    ("member id 12345678 rejected under the new contract", "plan-number"),
    # more labels: medical-file number, encounter key, accession reference, passport, a name after a bar
    ("Medical-file number P-4471203 was merged into the wrong chart", "mrn"),
    ("the encounter key 4410-2291 shows twice in the feed", "mrn"),
    ("passport number X1234567 scanned into the wrong chart", "plan-number"),
    ("PATIENT'S NAME | Oskar Lindgren", "patient-name"),
    ("the patient's full name on the consent is Ines Moreau.", "patient-name"),
    # round phi5: an address line ending in a postal code of another country's shape, a house number and a comma
    ("the statement went to Flat 12, Rowan Mews, Harlow, CM20 3LP by mistake", "address"),
    ("home visit list still shows Dorpsstraat 14, 7412 KV, Deventer for her", "address"),
    ("the discharge letter says 4 Banksia Way, Toowong, QLD, 4066 twice", "address"),
    ("his old address Lindenallee 3, 50968 Köln is still on the wristband", "address"),
    ("the card went to H.No. 221, MG Road, Pune-411001 instead", "address"),
    ("she resides at 9 rue des Lilas, 75019 Paris per the transfer form", "address"),
    # a street line with a street-type word of the USPS list, the writer speaking or a text about a person
    ("please send my letters to 669 Reyes Port from now on", "address"),
    # phones with an extension, and a trunk prefix in brackets
    ("they are not answering at 415-882-0134x2204 since the switch", "phone"),
    ("call the patient using +49(0)3041 882201 to rebook", "phone"),
    # an SSN's shape that fails the SSN checks (an ITIN) in a text about a person; a UK NI number
    ("she gave 912-70-4431 as her number at registration", "ssn"),
    ("NI number AB 12 34 56 C is on the scanned referral", "ssn"),
    # a date after an event of care in a text about a person
    ("she has been a patient at the Riverside clinic since March 9, 2021 and the chart split", "admission-date"),
    # round phi6: the label after the value, or joined to it by is/was further back
    ("AB-654321 is her insurance number per the front desk", "plan-number"),
    ("we found 7712093 as the chart number of two people", "mrn"),
    ("4471-22-B (MRN) shows twice after the merge", "mrn"),
    ("the hospital number for the patient was KGH44712", "mrn"),
    # a label word that is also a project word ("code") is still the label
    ("the beneficiary code HX554411 is wrong on her claim", "plan-number"),
    # a full name with a record number set beside it, as the object of a verb of care, a document about its care,
    # or owning a chart
    ("Hector Villanueva (55120398) was double-registered", "patient-name"),
    ("Hector Villanueva, 55120398, fell after the pump alarm", "patient-name"),
    ("we admitted Ottoline Brzezinska overnight", "patient-name"),
    ("Discharge summary for Ottoline Brzezinska never reached the GP", "patient-name"),
    ("Ottoline Brzezinska's chart was merged", "patient-name"),
    ("Harold Finch was brought in by ambulance at 3 am", "patient-name"),
    # phones: a phone word after the number, a home line, a relative's contact further back
    ("He left 555-0143 as a callback", "phone"),
    ("his home line, 020 7946 0958, is disconnected", "phone"),
    ("Contact info for the daughter - 07700 900461", "phone"),
    # round phi7: a name in wordings the dev set never had — tied to a patient by a word of one person's care (a
    # drug, a test, a procedure), a greeting, a subject line, a title without a full stop, a possessive
    ("Dear Margaret Okafor, your biopsy results are ready to review with Dr. Patel.", "patient-name"),
    ("Dear Mr Bamidele,\nYour test results are now available in the portal.", "patient-name"),
    ("Re: Jorge Alvarado", "patient-name"),
    ("RE: OKAFOR, Margaret", "patient-name"),
    ("Chloe Bennett's INR was 4.2 this morning.", "patient-name"),
    ("Grace Whitfield's labs went to the wrong chart", "patient-name"),
    ("I saw Ms Ferreira in clinic this morning.", "patient-name"),
    ("Ms. Uche's wound dressing needs changing.", "patient-name"),
    ("Referral for Samuel Ortiz to cardiology.", "patient-name"),
    ("Matti Toivonen got her second dose of the vaccine.", "patient-name"),
    ("Frances Lawson needs a refill of metformin.", "patient-name"),
    ("Ojo, Andrew — post-op day 2, ambulating", "patient-name"),
    ("Accompanied by Karl Wiafe, her husband.", "patient-name"),
    ("Message from Margit Mäkelä: my pharmacy never got the prescription.", "patient-name"),
    ("Lola's mum called about her asthma inhaler.", "patient-name"),
    ("Baby Okonkwo in NICU is on phototherapy.", "patient-name"),
    ("Telehealth link failed for Leonardo da Cruz's psych visit.", "patient-name"),
    # … and when the text is about a project too: the care word is the name's own
    ("Eva Rosselli's surgery was cancelled because of the downtime.", "patient-name"),
    ("Orders for Marek Maslov didn't cross to pharmacy after the upgrade.", "patient-name"),
    ("Valérie Dion was double-booked for dialysis after the upgrade.", "patient-name"),
    ("Renata Blagaić could not log in to the patient portal to see her results.", "patient-name"),
    ("Arne Strand got the wrong wristband during the cutover.", "patient-name"),
    ("Melissa Ferguson tested positive for COVID after the go-live.", "patient-name"),
    ("Please page ortho about Ioana Popescu's fracture.", "patient-name"),
    ("Siobhán Ní Bhriain had a fall in the bathroom.", "patient-name"),
    ("Olga Petrova's pacemaker check is overdue.", "patient-name"),
    # shapes of the round's new dev sources (handoffs, letters, complaint emails): an age in months, a relative said
    # to be one, a letter's greeting or signature, a family contact's number
    ("Um, this is uh Daniel Okafor, a 14 month old with croup.", "patient-name"),
    ("Hey, I got Noah for you—4-year-old who came in with croup.", "patient-name"),
    ("Baby Kowalczyk is a 6 week old with jaundice.", "patient-name"),
    ("Dr. Ravi Menon PhD is dad, reachable on the ward phone.", "patient-name"),
    ("Priya Raman is the grandmother and will stay overnight.", "patient-name"),
    ("Dear Mr Adeyemi,\n\nAPPOINTMENT REMINDER\nDate: Monday 3 March\nClinic: Dermatology", "patient-name"),
    (
        "ASSISTANT: Good morning, Mrs. Lindqvist. I need to update your oxygen order for the home delivery.",
        "patient-name",
    ),
    ("I was overcharged for a filling.\n\nRegards,\nSuresh Nair\n90000 12345", "patient-name"),
    ("My tooth still hurts.\n\nYours sincerely,\nLakshmi Rao\nMangaluru", "patient-name"),
    ("Contact Rosa Jimenez at 555-0147 for family updates.", "patient-name"),
    # a name typed in small letters after "pt", as chat is
    ("pt maria gonzalez in 4w still has dup orders", "patient-name"),
    ("pls check on pt kowalczyk, her labs are off", "patient-name"),
    ("Augustin Maillet's family is asking for an update", "patient-name"),
    ("Maanav Pillay, 3rd admission this month", "patient-name"),
    # a caller or the person asked, as voicemails and intakes say it
    ("Your full name is Liana Gheorghiu?", "patient-name"),
    ("Hi Cezar, this is the clinic calling about your test results.", "patient-name"),
    ("Hi, Jadranka Miličić here - can I get a sick note for work?", "patient-name"),
    # one name word, as a nursing note or a handoff says it, doing what a patient does
    ("Pt seen this AM. Leinonen continues to do well post-op day 3.", "patient-name"),
    ("Nkrumah remains NPO pending surgery.", "patient-name"),
    ("Oswaldo has been more confused since the fall.", "patient-name"),
    ("Mrs van den Corput continues on IV fluids.", "patient-name"),
    ("Henric van den Nuwenhuse is tolerating a soft diet.", "patient-name"),
    ("Jane Nguyễn arrived for chemo but the order wasn't released.", "patient-name"),
    ("Urgent: Gizella Szalai allergic to latex, not flagged in the new system.", "patient-name"),
    ("Page the on-call for Marianne Rytkönen, BP 70/40.", "patient-name"),
    ("Miklós Szabó's pathology specimens were lost in transit.", "patient-name"),
    ("Ines Carvalho is still waiting for her pathology report.", "patient-name"),
    ("Handover list: 1) Jan Kowalski - CAP, on abx 2) Ewa Nowak - post-op day 1", "patient-name"),
    ("ED board: Chidi Eze (chest pain), Sara Lindqvist (fracture)", "patient-name"),
    ("Chidi Eze, a retired nurse, fell at home and broke her hip.", "patient-name"),
    # round phi7: dates of care in more formats and wordings
    ("surgery was performed 12-Nov-2025; the op note is unsigned", "admission-date"),
    ("her colonoscopy on 14JUN2025 was billed twice", "admission-date"),
    ("she was admitted on Wednesday the 3rd with chest pain", "admission-date"),
    ("my dad had his knee replaced on Monday 11/16 and the invoice is wrong", "admission-date"),
    ("I was in hospital from August 5th and nobody sent the letter", "admission-date"),
    ("he was in the ICU from 3/5 until 3/9", "admission-date"),
    ("Her appointment is scheduled for 04/22/2024 at 10:30", "admission-date"),
    ("the patient came in on 5 March for a dressing change", "admission-date"),
    ("Her last admission was 11 Nov 2023", "admission-date"),
    ("I had an MRI on the 5th of April and never got the report", "admission-date"),
    ("Time of death 02:14 on 11/02/2024", "admission-date"),
    ("Date of encounter: Feb 11 2024", "admission-date"),
    ("she was intubated at 0300 on 2/11", "admission-date"),
    ("Her labs from 2/11/2024 are missing", "admission-date"),
    ("she had a stroke in February 2024", "admission-date"),
    ("my mother was admitted in early March 2024", "admission-date"),
    ("M.R.N. 44120339 on the sticker", "mrn"),
    ("The MRN for this patient is 44120339", "mrn"),
    ("Acc# 24-CH-00123 mislabelled", "mrn"),
    ("the patient's policy holder number is 375012945", "plan-number"),
    ("(0121) 4960573 is my number", "phone"),
    ("Best contact number for Mrs K is 0207 946 0321", "phone"),
    ("(m) 07700 900123 is the best way to reach her", "phone"),
    ("call the service desk; her daughter is on 416-555-0199", "phone"),
    ("admitted 03/Dec/2023 but the orders never crossed", "admission-date"),
    # dates of a record of care: a specimen, a prescription, a vaccine, a note, vital signs, LMP/EDD
    ("Specimen collected 12/03/2023 08:00 under the wrong name", "admission-date"),
    ("LMP: 11/20/2023 on the triage form", "admission-date"),
    ("Rx filled 12/03/2023 for the wrong patient", "admission-date"),
    ("Electronically signed by Dr. Patel on 12/03/2023", "admission-date"),
    ("12/03/2023 14:32 - BP 140/90, HR 88", "admission-date"),
    # after main's new dev items: radiology report headers, an earlier examination, "MR. #", a date named a
    # birthday after it, the fictional 555 area with any exchange, a UK postcode by itself, a label's value ending
    # before a card number
    ("Exm Date: SEP 24, 2004@11:25", "admission-date"),
    ("Date Verified: SEP 28, 2004", "admission-date"),
    ("compared with a previous examination of 9/23/02.", "admission-date"),
    ("Name : Hendrickson, Ora MR. # 7194334", "mrn"),
    ("1985-01-01 is my birthday.", "date-of-birth"),
    ("Contact John at john@example.com or 555-123-4567.", "phone"),
    ("she moved to EC1A 1BB last year", "address"),
    ("Please update the billing address with Vabaduse 41, Vahakulmu, LV 45011 for this card: 5108", "address"),
    ("SSN-219-09-9999 in the scanned form", "ssn"),
    ("SIN#: 046-454-286 on the intake", "ssn"),
    ("Hosp. no. RJ44120339 on the wristband", "mrn"),
    ("EMPI 1234567890 linked to two people", "mrn"),
    # record numbers in groups, after Rx/specimen/NHS/health-record labels
    ("Accession # 224 501 8243 is duplicated", "mrn"),
    ("Rx # 957 232 1233 was filled for the wrong patient", "mrn"),
    ("NHS No. 943 476 5919 on the discharge letter", "mrn"),
    ("his health record number is 55120398", "mrn"),
    ("Specimen S24-118823 was relabeled", "mrn"),
    ("her Medicare card number is 2123 45670 1", "plan-number"),
    ("BCBS ID XEH123456789 on the claim", "plan-number"),
    # national numbers of other countries and other wordings
    ("her social is 270 017 841", "ssn"),
    ("the social security number (287 433 486) printed on the label", "ssn"),
    ("Aadhaar 1234 5678 9012 copied into the note", "ssn"),
    ("PPS number 1234567T on the referral", "ssn"),
    ("National Insurance No: QQ 12 34 56 C", "ssn"),
    ("her SS number is 123456789", "ssn"),
    ("SSN ending 884 939 4177 matched two people", "ssn"),
    # phones: compact international numbers, a form's Home:/H:, next of kin, a callback, other languages
    ("please call the patient back on +34 875573669", "phone"),
    ("pt's cell +61.8.7893.2879", "phone"),
    ("Home: 0590 938347", "phone"),
    ("H: 020 7946 0958 W: 020 7946 0959", "phone"),
    ("Next of kin: Mary, 06743747224", "phone"),
    ("the daughter left 0900 339 075 for a callback", "phone"),
    ("Telefon: 030 12345678", "phone"),
    # addresses: a four-digit code and its town, Polish/Italian/Indian shapes, no comma, a postcode or Eircode named
    ("mail the statement to Weissplatz 339, 2187 Gföhl", "address"),
    ("I moved to ulica Lubelska 61/23, 30-711 Białystok last month", "address"),
    ("send my records to Canale Maurilio, 45, 00163, Roma", "address"),
    ("please send my records to Zänkerring 91-74 67222 Recklinghausen", "address"),
    ("House No. 12, Sector 15, Noida 201301", "address"),
    ("the letter went to Flat 12B, Sea View Apts, Bandra West, Mumbai 400050 instead", "address"),
    ("the ambulance went to Unit 4/12 Smith St, Parramatta NSW 2150", "address"),
    ("RR 1, Site 5, Comp 12, Red Deer AB T4N 5E1", "address"),
    ("her postcode is SW1A 1AA", "address"),
    ("Eircode D02 X285 on the referral", "address"),
]

# said as a status note -> stored as written
PASSES = [
    "Clinical review of lab & test results with Dr. Josephs on Thursday",
    "The module is known as 'Cadence' in Epic",
    "a 5 year contract with the vendor, Epic Systems, who will host the build",
    "vendor admitted the bug on the 11/4 call, patch ETA 11/18",
    "room 4112 is the training lab for the week of 11/17",
    "the old interface engine died on 10/3 and failover worked",
    "Anticipated data collection 5/9 - 5/16",
    "FIX: exception on merging patients with identical addresses [thanks Jim]",
    "IMPROVED: new patient EA: warn on existing name + DOB",
    "Sara Smith sent a list of accessibility issues, but Mark is not sure how far this has been distributed",
    "Which treatment options are best for a 52-year-old female with a history of Huntington's disease noted in 2021?",
    # this round's shapes in PMO text
    "Release 4, Phase Two, 2025 is the plan of record",
    "Building 5, North Campus, floor 3 hosts the command centre",
    "the team assessed Vendor Risk on Tuesday",
    "call on 2026-03-12 with the vendor about the interface",
    "Patient Portal / Release Notes / v2 are published",
    "Dr. Wright, Ellen reviewed the order sets with the steering group",
    "Addison disease and Parkinson disease were added to the problem-list picklist",
    "Wave 2, Go-Live Weekend, 1400 users cut over",
    "Sprint 14, Team Alpha, 120 story points",
    "Site 12, St. Mary Hospital, 3500 devices",
    "We met Mary Smith, who reported the outage to the desk",
    "The PM, Ahmed Khan, who denied the CR, will present",
    "Patient called Pharmacy; no answer on the downtime line",
    "PATIENT / ENCOUNTER / OBSERVATION resources mapped",
    "our billing account 44120038 with the vendor renewed",
    "the account reference 12345678 for Azure billing",
    "the third of July go-live holds",
    "Project name: Phoenix",
    "Server name: Orion, patched on Sunday",
    "passport number field added to the registration form",
    # round phi5: numbered project things with a comma and a code-like tail, and dates of a project
    "We reviewed 12 items, 3 risks, 2345 AB",
    "Meet in Room 4, Block C, B4 6AS",
    "Migration batch 3, 120000 records, CA 94105",
    "Upgrade to 4.2.1, 12345 Downtime window",
    "He was registered for the HIMSS conference on 2025-03-03.",
    "Her team attended the go-live huddle on 3 March 2025.",
    "the interface spec lists 987-65-4321 as the test value",
    "I moved the meeting to Room 4 Blue Point",
    "Meet at 12 Riverside Park for the team offsite",
    # staff at work: presenting a plan, visiting a site is not an event of a patient's care
    "She presented the dashboard to the board on April 2, 2025",
    "Ms. Chen visited the pharmacy on 2025-02-11 to walk through the new dispensing workflow",
    "Dana visited the Mercy site on 2026-11-12 for the readiness walkthrough",
    # round phi6: a project's number named after it, a colleague with an id or a possessive that is not a record
    "4471902 is the build number of the nightly",
    "PO 4500012345 is the purchase order number",
    "the cost centre code 4471902 on the invoice",
    "Hannah Becker (4471902) approved the budget line",
    "Ingrid Larsen's chart review deck is merged",
    "Ingrid Larsen's discharge workflow demo is on Friday",
    "Hannah Becker's insurance team signed off",
    "Dana Whitfield (INC0012345) owns the outage follow-up",
    "group number 12 met on Tuesday",
    "4471902 is the cell tower asset tag",
    "the interface line 4471902 was retired",
    "Fixed crash at line 1234567 in parser",
    "Ingrid Larsen was brought in to lead the interface testing",
    # round phi7: staff next to words of care, greetings and subject lines of a project, eponyms
    "Dear team, the go-live readiness review moved to Thursday.",
    "Re: Go-live readiness",
    "Dr. Patel's clinic moves to Level 3 next week.",
    "Dana Whitfield's status update: interface testing is 80% done.",
    "Dear Kofi, please review the attached cutover runbook.",
    "Dear Ayesha Rahman, your access to the radiology PACS has been approved.",
    "Chloe Bennett's INR dashboard mockups are ready for review.",
    "Helena Cunny's vitals flowsheet redesign is ready for UAT.",
    "Ingrid Larsen's surgery scheduling build is done.",
    "Referral for Samuel Ortiz to the leadership programme was approved.",
    "Results for Tomasz Wrona's survey are in.",
    "Matti Toivonen ran the INR device validation this morning.",
    "Sijuade Ayandokun is our surgery scheduling analyst.",
    "Kudos to Jenny Hagen for catching the duplicate MRN mapping in testing.",
    "Gabriel Pinto has a dentist appointment, so the stand-up moves to 10.",
    "Nurse Amaka Eze is the super-user for 4 West.",
    "I saw Ms Ferreira at the steering committee this morning.",
    "Hodgkin lymphoma order set was approved by Lars Holm.",
    "Charlotte Morgan rang the ward managers about the staffing tool.",
    "Baby Friendly accreditation paperwork is due in March.",
    # a colleague's work or role right after the name outweighs the words of care around it
    "Marta Nowicka built the new sepsis screening questions for triage.",
    "Paolo Greco and Hana Sato reviewed the fall risk scoring.",
    "Sofia Andersson is our transfusion safety officer.",
    "Anh Nguyen's chemo regimen library is ready for validation.",
    "Priya Nair's blood sugar trending view shipped.",
    # … and the same shapes in a project's text or code
    "Function setName(name: String) was renamed.",
    "Added tags property in Patient, Study, Series and Instance.",
    "I will circulate the cutover runbook before the go-live.\n\nRegards,\nDana Whitfield\n555-0100",
    "Apologies for Wednesday: I'm at the Mercy clinic for the go-live readiness check.\nKind regards,\nGrace Mwangi\nHead of Digital Delivery",
    "Trainers: Deepika Nair, Kofi Boateng, Chloe Martin.",
    "Aroha Ngata to confirm ward champions for Waikato site by 18 Dec.",
    "I spoke to Rania Haddad (Infrastructure PM) and she agreed the revised plan.",
    "Mrs. Aisha Bello, the discharge coordinator on 7B, will pilot the new checklist.",
    "Ms. Zhang from Biomed will bring the pumps to room 412 at 9am.",
    "Test patient ZZTEST, ADMIT is used in TST only - do not use in prod.",
    "Please get Ms MacLeod's sign-off on the order sets.",
    "Mr. Okafor's team fixed the printer mapping by 11:00.",
    "Paediatric ED at Sydney Children's goes live with the rest of the ED.",
    "The Royal Darwin site visit is booked.",
    "Go-live moved to Jan 14 after the Jan Kowalski demo.",
    # clinical staff named with their role, before or after the name
    "Chidi Eze, charge nurse on 5N, reported the pump alarm issue.",
    "Sara Lindqvist, our wound care nurse, will test the photo upload.",
    "Dietitian Priya Nair asked for the diet order changes.",
    # a strong sign of a patient that is a project's thing
    "Dr. Patel asked Maria Okafor about the chest pain pathway build.",
    "Hemi Walker fell behind on the migration tasks.",
    "Regards,\nDana Whitfield\nPMO",
    "Amara Obi is the parent representative on the patient experience council.",
    "Contact Dana Whitfield at 555-0100 for build access.",
    "Dear Ms Chen,\n\nMEETING CONFIRMATION\nDate: Tuesday\nRoom: Boardroom 2",
    "patient lookup is slow in the new build",
    "pt ehr access request approved",
    "Derek Hunt's PR fixes the allergy import",
    "Günden Manço will shadow the ED nurses during go-live",
    "Hi Simon, your MRI protocol changes are in test.",
    "Please confirm your name is Dana Whitfield for the badge request.",
    "Hi, my name is Carlos Mendes and I'm the new Epic analyst for ambulatory.",
    "Anjali fell behind on the training schedule.",
    "Zainab has been covering the clinic templates.",
    "Chidi says pharmacy wants the heparin rule changed.",
    "Oluwaseun remains on call for the ED go-live.",
    "Bongani continues as interim CNIO.",
    "Christopher Davis's question about heparin units is parked for the CAB.",
    "Renée Chevalier and the wound care nurses reviewed the new photo workflow.",
    "Tobias Johansson flagged that the allergy reconciliation step is skipped on transfer.",
    "Steffen Fechner will test the warfarin education leaflet printout.",
    "Derek Ahmed is on PTO; ask Jaromír Svoboda about the biopsy specimen labels.",
    # a product team's notes: research on patients' tasks is not a patient's care
    "João Rocha walked through the prescription refill flow",
    "Klára Novotný - research on how veterans find their lab results",
    "Angelo Spinola will pair with Yewande Odetola on the allergy banner",
    "Hannele Salminen asked if caregivers can request refills",
    "Brinda Balan's research readout on appointment no-shows",
    # "her"/"his" and a thing of care that is a project's thing
    "Kofi Mensah presented his sepsis dashboard to the board.",
    "Priya Raman finished her wound care module build.",
    "Ingrid Solberg moved her dialysis flowsheet work to next sprint.",
    # round phi7: a project's dates in the new formats, counts after a number and a comma, numbers of the project
    "Sprint 14 ends 12/3",
    "upgrade window 3-Dec-2023 02:00-06:00",
    "the steering committee meets on the 3rd",
    "the MRI scanner was down on 12/3 for maintenance",
    "MRI upgrade on 14JUN2025 confirmed with the vendor",
    "the infusion pumps were upgraded on 11/20",
    "the dialysis unit interfaces cut over on 3-Dec-2023",
    "the chemo order set build is due 3/14",
    "Westside 3, 4471 Appointments migrated",
    "Ward Alpha 7, 2200 Nurses trained",
    "Meeting room Harbour 3, 1200 Seats booked for training",
    "Release 12, 2024 Roadmap approved",
    "Teams meeting ID 245 778 901 23",
    "tax ID of the vendor is 12-3456789",
    "the NI team meets on 12/3",
    "SIN field validation added in release 4.2",
    "accession numbering moves to 10 digits in the new LIS",
    "unit numbers 4401-4499 are reserved for the new wing",
    "H: 20 hours of UAT left",
    "the next of kin field is mandatory from 12/3",
    "Dial-in +1 646 555 0123 for the bridge",
    "call the service desk at 416-555-0100 if the scanner fails",
    "call the command centre on ext. 5500",
    "the vendor office is at 200 Berkeley Street, Boston",
    "HQ: 1 Main Street, Springfield",
    "Epic Systems, 1979 Milky Way, Verona, WI 53593 is the vendor",
    "The data centre at Hauptstrasse 12, 10115 Berlin was audited",
    "GL account 71200 for software",
    "WBS 1.4.2.3 is late",
    "The runbook lives at https://wiki.example.org/pages/4471902",
    "Thu 12/5 09:00 - 10:00 design review",
    "the discharge date field was renamed on 2024-11-01",
    "DOB format changes to YYYY-MM-DD on 1/1/2025",
    "lab instrument 4471 re-certified on 11/30",
    "DR test passed on 10/19/2024 at 22:00",
    "ext 5512 for the PMO",
    # a month and a year in a statistic or a project's plan, not one person's care
    "patients seen in March 2024 rose 12%",
    "we admitted 1,200 patients in March 2024",
    "the clinic saw 300 patients in January 2025",
    "he had a workshop in March 2024",
    # a count after a form's label is not a phone
    "Work: 4471902 tickets closed",
    "W: 1234567 records migrated",
    "C: 1 234 567 messages",
    # an organisation's address, line or bank account
    "Vendor contact: Acme Health IT, 500 Industrial Parkway, Dayton, OH 45402",
    "Shipping address for the scanners: Warehouse 3, 77 Dock Road, Liverpool L3 4AB",
    "The new clinic at 45 Market Street opens 3/14; signage order PO 4500012345",
    "Data centre move: from 1 Data Way, Reading RG1 1AA to 9 Cloud Lane, Slough SL1 4XX on 12/7",
    "Contact the PMO on 020 7946 0000 or pmo@example.org",
    "the vendor's bank details: IBAN DE89 3704 0044 0532 0130 00 for the invoice",
    "Mon 412, Tue 398, Wed 455 calls answered",
    "UAT for the patient portal passed on 11/30 with 3 minor defects",
    "the status report date 12/3 moved",
    "Electronically signed contract returned 12/3",
    "the vitals interface go-live on 12/3",
    "BP cuffs arrive 12/3",
    "Adults forms (Adult Admission and Discharge forms) - LIME2-802",
    "Site postcode CB2 0QQ for the courier",
    # a project's work in a hospital: readiness walkthroughs, site visits, rosters, courses, a clinic moving
    "Mercy clinic readiness walkthrough done on 11/12, 14 of 16 items green.",
    "Site visit to Royal North Shore on 15/12 to check the ward PCs.",
    "I met Mr Kowalczyk on 11/12 to review the admission workflow.",
    "Cardiology clinic (Dr. Patel, Dr. Ito) switches to Epic scheduling on 2/1.",
    "Nursing informatics forum 10/12: the new admission navigator was demoed.",
    "I visited the day surgery unit on 2026-12-04 for the readiness walkthrough.",
    "Schedule training for the discharge lounge staff, 12 people, week of Jan 11.",
    "Wards 4 West and 5 East live on barcode medication administration since 02-Dec-2026.",
    "e-Referral integration with the GP systems passed clinical safety review (DCB0129) on 27/11.",
    "Escalated to Cerner account exec (Brad Kowalski, 816-555-0134) and scheduled a call Tue 9am CT.",
    "Go-live for the ED tracking board moved from 14/01/2027 to 28/01/2027 at the Trust board's request.",
    "Ms Aroha Ngata will cover the command centre on Jan 14; mobile 020 7946 0958.",
    "Deliveries to Addenbrooke's, Hills Road, Cambridge CB2 0QQ",
    "Clinical reference group 3 Dec: reviewed the admission assessment and falls risk forms.",
    "surgery volumes in May 2024 dropped",
]


@pytest.mark.parametrize("note,kind", REFUSED)
def test_held_out_shapes_are_refused(ehr: Chat, note: str, kind: str) -> None:
    reply = ehr.refused("sam", f'/status EHR amber "{note}"')
    assert "looks like it contains patient information" in reply.text
    assert ehr.scalar(select(StatusUpdate.id)) is None
    assert kind in {f.kind for f in scan(note)}


@pytest.mark.parametrize("note", PASSES)
def test_pmo_and_changelog_text_passes(ehr: Chat, note: str) -> None:
    ehr.ok("sam", f'/status EHR amber "{note}"')
    assert ehr.scalar(select(StatusUpdate.note)) == note


def test_an_address_written_over_lines_is_found() -> None:
    # the street on a line above the postal code and town, as an address is written on an envelope
    for note in (
        "discharged to Järnvägsgränd 694\n50208 Ängelholm",
        "mail it to Rambla Eugenia Olivé 55\nBadajoz, 12055",
    ):
        assert "address" in {f.kind for f in scan(note)}
    for note in ("Survey Results 2024\n1250 Responses", "Dashboard 2\n1250 Active Users in November"):
        assert scan(note) == []


def test_a_diagnosis_set_off_by_commas_is_not_a_name() -> None:
    assert scan("a 63-year-old male with a history of MI, Multiple Sclerosis, and gout") == []


def test_a_refused_status_form_offers_the_same_redaction_as_the_typed_command(ehr: Chat) -> None:
    values = {"project": "EHR", "overall": "amber", "note": "pt John Smith MRN 1234567 fell", "schedule": "red"}
    reply = ehr.submit("sam", "status.log", values)
    assert reply.error and "looks like it contains patient information" in reply.text
    redo = redacted_offer(reply)
    assert redo == '/status EHR amber "pt [name] MRN [number] fell" schedule:red'
    assert "John" not in shown(reply) and "1234567" not in shown(reply)
    command, _, rest = redo.partition(" ")
    saved = ehr.rounds.run(ehr.context("sam"), command, rest)
    assert not saved.error, saved.text
    assert ehr.scalar(select(StatusUpdate.note)) == "pt [name] MRN [number] fell"


def test_a_refused_form_without_a_typed_twin_is_refused_without_an_offer(ehr: Chat) -> None:
    reply = ehr.submit("sam", "risk.raise", {"project": "EHR", "title": "pt John Smith MRN 1234567 may fall again"})
    assert reply.error and redacted_offer(reply) is None
