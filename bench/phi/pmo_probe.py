"""A false-alarm probe of the PHI guard on ordinary hospital-PMO text, with a smaller PHI side for recall.

    cd /work/wt/<tree> && PYTHONPATH=. /work/main/.venv/bin/python -m bench.phi.pmo_probe [--tree PATH] [--all] [--tune]

Made-up but realistic texts a healthcare PMO types into Rounds (status notes, risk titles and descriptions,
mitigations, actions, gate comments, decision records, meeting notes, e-mail-style updates to sponsors with
sign-offs, first-person staff notes), written the way project managers at hospitals in the US, Canada, the UK and
Australia write: staff names from many cultures, dates in many formats, vendor phone numbers, ticket ids, rooms,
versions, budgets, go-live dates, "admission/discharge" as workflow names, "patient" as a product word. None of
the CLEAN texts names a patient or carries a patient's identifier; every one of the PHI texts does (a careless
user pasting a patient's name, MRN, DOB, phone and so on into a PMO note).

The guard is imported from the tree given by --tree (default: the current directory), whatever sys.path says,
so the same probe scores any worktree. Scanned with no workspace (no roster of staff names, no admin
allowances): the worst case, a workspace that set nothing up; --roster scans as a workspace whose people are the
STAFF names below (the fixed texts also name staff who are not on it). Prints the false-alarm rate with every refused clean
text grouped by the kind found (the flagged span in [[...]]), and recall on the PHI texts with the misses.

Two halves by the sha256 of each text (half_of): tune the guard on the TUNE half only (--tune lists only its false
alarms and misses; the figures of both halves are always printed), and read the CHECK half's figures to see
whether the tuning generalises.

Development aid only: every sentence here is made up (names, numbers, phones in the 555-01xx / Ofcom drama /
ACMA fiction ranges where they look real); nothing is evaluation data, and nothing is split dev/report.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import os
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

# ---------------------------------------------------------------------------
# Clean PMO texts: (category, text). None of these may be refused.
# ---------------------------------------------------------------------------

CLEAN_FIXED: list[tuple[str, str]] = [
    # --- status notes -----------------------------------------------------------------------------------------
    ("status", '/status amber "ADT admission workflow go-live 2026-12-04; interface testing 80% done"'),
    ("status", "Sprint 14 ends 12/3. Velocity down because two analysts were pulled onto the flu-season surge."),
    ("status", "Amber: discharge summary build is two weeks behind; Priya Raghunathan is re-planning with Cerner."),
    (
        "status",
        (
            "Green. UAT for the patient portal passed on 11/30 with 3 minor defects (INC0012345, INC0012351, "
            "INC0012377)."
        ),
    ),
    (
        "status",
        ("Red - pharmacy interface down since Friday 4 Dec; Epic TS case opened, call 1-800-555-0199 ref SR 88231456."),
    ),
    ("status", "Dr. Patel's clinic moves to Level 3 on 3 March; network drops in rooms 3.14 to 3.22 still pending."),
    ("status", "Go-live for the ED tracking board moved from 14/01/2027 to 28/01/2027 at the Trust board's request."),
    ("status", "We are on track. Cutover rehearsal #2 completed Sat 5 Dec 02:00-06:00, 47 min over plan."),
    ("status", "Status amber: budget at 92% of $1.4M with 6 weeks to go. Change request CR-0457 raised."),
    ("status", "Admission/discharge/transfer (ADT) feed from Meditech validated on the test server 10.20.4.17."),
    ("status", "Wards 4 West and 5 East live on barcode medication administration since 02-Dec-2026."),
    ("status", "Mercy clinic readiness walkthrough done on 11/12, 14 of 16 items green."),
    ("status", "Patient flow dashboard v2.3.1 deployed to prod at 19:40; no incidents overnight."),
    ("status", "On hold until the 9th December 2026 steering group approves the revised scope."),
    ("status", "Q3 FY27 benefits realisation report drafted by Oluwaseun Adeyemi, awaiting sign-off."),
    ("status", "Amber. The discharge lounge pilot at St Luke's has slipped to week commencing 18 January."),
    ("status", "Green - 312 of 340 nurses trained on the new eMAR (92%). Mop-up sessions 7, 8 and 10 Dec."),
    ("status", "Theatre scheduling module: build 85%, test 40%. Ingrid Solberg back from leave Monday."),
    ("status", "Interface engine upgraded to Rhapsody 7.2 on 12/1; HL7 ADT^A01 and ADT^A03 messages flowing."),
    ("status", "Amber: Lab (Sunquest) results interface failing about 2% of ORU messages; ticket CHG0034412."),
    ("status", "Red. Data centre migration rollback on 06/12/2026 after SAN issue. Next attempt 13/12."),
    ("status", "Radiology PACS replacement: vendor (Sectra) on site 15-17 Feb, rooms CT1 and MR2 first."),
    ("status", "Green. Nurse call replacement on Ward 7B finished 30 Nov, handover to Estates done."),
    ("status", "Telehealth rollout: 23 of 31 outpatient clinics onboarded. Remaining clinics by March 31."),
    ("status", "Bed management go-live planned for 1 April 2027 (start of FY). Readiness score 71%."),
    ("status", "Amber because the vendor's release 2026.11 slipped; Kwame Mensah is chasing the account manager."),
    ("status", "Status: green. 14 Dec milestone met. Burn rate $48k/week against $52k planned."),
    ("status", "Patient Access team trained on the new registration screens; refresher on Thursday 10/12."),
    ("status", "e-Referral integration with the GP systems passed clinical safety review (DCB0129) on 27/11."),
    ("status", "Pathology LIMS cutover done overnight Sun 6 Dec; 11 issues logged, 9 closed by 08:00."),
    (
        "status",
        ("Amber - the maternity module go-live (Badgernet) depends on Wi-Fi survey in Birthing Suite rooms 1-12."),
    ),
    ("status", "Infusion pump library v14 pushed to 1,120 Alaris pumps; 38 offline devices to chase by 12/18."),
    ("status", "Virtual ward platform: 42 beds live in Respiratory, target 60 by end of Jan."),
    ("status", "Green — we closed 18 of 20 readiness actions this week; the other two are with Facilities."),
    ("status", "Admissions workflow redesign: future-state maps signed off by Mei-Ling Chen (Director of Access)."),
    ("status", "Overall amber. Key date: 2027-02-15 dress rehearsal. Escalation to CIO on 12/9 if no test env."),
    ("status", "Discharge medication reconciliation build finished; go-live aligned with 4 North on 11 January."),
    ("status", "Amber: 3 of 5 sites have signed the data sharing agreement; Royal Prince Alfred and Concord pending."),
    ("status", "Project Phoenix (EPR phase 2): 68% complete, forecast finish 30/06/2027, RAG amber."),
    ("status", "Green. Smart pump interoperability tested in room 412 and 414 on 5 West with Biomed."),
    # --- risks --------------------------------------------------------------------------------------------------
    ("risk", "Risk: vendor resource (Siobhan O'Connell) leaves after 12/18, knowledge transfer incomplete."),
    ("risk", "Risk of delay to ADT go-live if the Dec 14 code freeze is missed."),
    ("risk", "Insufficient super-users on night shift for the 2026-12-04 cutover."),
    ("risk", "Patient portal adoption below target (18% vs 35%) may undermine the benefits case."),
    ("risk", "Interface engine licence expires 31 March 2027; renewal not yet budgeted."),
    ("risk", "Risk: Wi-Fi dead zones in the basement (rooms B.011-B.040) block mobile vitals capture."),
    ("risk", "The discharge summary template may not meet the 24-hour NHS standard if the build slips."),
    ("risk", "Key SME Dr. Hamid Rezaei is on sabbatical from 1 Feb to 30 Apr."),
    ("risk", "Dependency on Telstra for the new fibre link to the Westmead clinic (order TLS-4471902)."),
    ("risk", "Cyber: unpatched Windows Server 2012 hosts 10.12.8.20-10.12.8.29 in the radiology VLAN."),
    ("risk", "Staff fatigue during flu season (Dec-Feb) may reduce training attendance."),
    ("risk", "Admission assessment forms not yet approved by Nursing Practice Council (meets 12/15)."),
    ("risk", "Budget overrun of about $230K if the vendor change order CO-19 is approved as quoted."),
    ("risk", "If the Jan 12 regression cycle finds Sev-1 defects we lose the Feb go-live window."),
    ("risk", "Single point of failure: only Tanvir Ahmed knows the legacy PAS extract scripts."),
    ("risk", "Risk that clinicians keep using paper admission packs after go-live on 4 West."),
    ("risk", "Ward 9 refurbishment (Estates job 22-1187) clashes with the device rollout week of 11 Jan."),
    ("risk", "Vendor may not support Citrix on the 2027.1 release; awaiting answer from Altera by 12/11."),
    ("risk", "Loss of test data refresh window: last refresh 11/20, next one not until 1/15."),
    ("risk", "Clinical safety officer Dr. Nkechi Eze has flagged hazard H-031 (duplicate orders) as unresolved."),
    ("risk", "Pharmacy go-live at Mercy clashes with the state audit on 23-24 February."),
    ("risk", "Risk: patient ID wristband printers (Zebra ZD621) on back-order until mid-January."),
    ("risk", "Legacy MRN merge tool decommissioning may leave HIM without a way to fix duplicates."),
    ("risk", "Risk - the ED triage build depends on the CDS rules that Javier Ortega is still writing."),
    ("risk", "Resourcing: two BAs on maternity leave from March; backfill request BR-2207 unsigned."),
    # --- mitigations -------------------------------------------------------------------------------------------
    ("mitigation", "Mitigation: pair Siobhan with Rahul Deshmukh for two weeks and record walkthroughs."),
    ("mitigation", "Book 12 extra super-users from the agency pool for 3-5 Dec nights; confirmed by HR on 11/25."),
    ("mitigation", "Escalated to Cerner account exec (Brad Kowalski, 816-555-0134) and scheduled a call Tue 9am CT."),
    ("mitigation", "Run a second dress rehearsal on 19/12 and hold go/no-go on 21/12 at 16:00."),
    ("mitigation", "Temporary Wi-Fi APs in the basement until the permanent cabling (job 22-1187) is done."),
    ("mitigation", "Agree a manual downtime process for admissions with the bed managers; Mrs. Alvarez to lead."),
    ("mitigation", "Raise CR-0461 to defer the patient portal proxy access feature to release 3."),
    ("mitigation", "Use the 2027 capital contingency ($150,000) if CO-19 is approved; CFO aware."),
    ("mitigation", "Daily stand-up with Biomed at 08:15 in Room 2.07 until all pumps are updated."),
    ("mitigation", "Ask Ms. Chen from pharmacy to present the formulary changes at the 12/10 huddle."),
    ("mitigation", "Extend the legacy PAS read-only licence to 30 September 2027 as a fallback."),
    ("mitigation", "Move training for 6 South to the week of 4 January and run it on the ward, not in the lab."),
    ("mitigation", "Request an exception from the Trust IG lead (Gareth Llewellyn) for the test data masking."),
    ("mitigation", "Rebaseline the plan after the 15 Dec steering group; present two options with costs."),
    ("mitigation", "Procure 40 loan wristband printers from the vendor (quote Q-88120, $12,400)."),
    # --- actions -------------------------------------------------------------------------------------------------
    ("action", "Action: Dana to send the revised cutover plan to sponsors by Friday 12/11."),
    ("action", "Confirm with Facilities the power outage window for Level 3 (Sat 16 Jan, 06:00-10:00)."),
    ("action", "Book the boardroom (Room 1.201) for the go/no-go meeting on 2026-12-21."),
    ("action", "Ahmed to raise a P2 with the service desk (INC0019982) about slow logins on 6 North."),
    ("action", "Update the RAID log and circulate before Tuesday's PMO meeting."),
    ("action", "Aroha Ngata to confirm ward champions for Waikato site by 18 Dec."),
    ("action", "Chase Philips for the firmware release notes for the IntelliVue MX450 (v M.03.01)."),
    ("action", "Send the admission workflow test scripts (v0.9) to Nursing Informatics for review."),
    ("action", "Schedule training for the discharge lounge staff, 12 people, week of Jan 11."),
    ("action", "Jean-François Tremblay to validate the French-language discharge instructions before 1/22."),
    ("action", "Order 20 more Zebra scanners (PO 4500123987) and tag them for 7A and 7B."),
    ("action", "Set up a Teams channel for the Mercy clinic go-live and invite the clinic manager."),
    ("action", "Call Epic TS (1-800-555-0199) about the ADT A08 update issue, ref SR 88231502."),
    ("action", "Yuki Tanaka to rerun the capacity test on the new VM (10.40.2.55) after the patch."),
    ("action", "Write up lessons learned from the 6 Dec rollback and share at the next CAB."),
    ("action", "Check that the downtime PCs on every ward print the census report by 12/15."),
    ("action", "Fatima Al-Sayed to brief the Patient Experience committee on portal messaging, 14 Jan."),
    ("action", "Get sign-off from Dr. Liam O'Brien (CMIO) on the order set changes."),
    ("action", "Harpreet Sandhu to update the budget tracker with the November actuals."),
    ("action", "Draft the comms for the 'Admissions Go-Live' newsletter, due 12/8."),
    ("action", "Reconfirm room 3.110 for the super-user drop-in sessions on 7-11 Dec."),
    ("action", "Move the vendor demo to Thursday 17/12 at 14:00 AEDT."),
    ("action", "Ask IT Security to open 10.8.1.0/24 to the interface engine on port 6661."),
    ("action", "Deepika Nair to collect the signed training attestations from the 4 West nurses."),
    ("action", "Andrzej Nowak to book the cutover war room for 3-6 Dec, 24/7."),
    # --- gate requests and comments ------------------------------------------------------------------------------
    ("gate", "Requesting Gate 3 (Build complete) for the ADT replacement; evidence pack on SharePoint."),
    ("gate", "Gate 4 go/no-go: all Sev-1s closed, 3 Sev-2s with workarounds, training 94%."),
    (
        "gate",
        (
            "Sponsor comment: Approved, with the condition that the downtime procedures are tested before "
            "the 12/4 go-live. - Karen"
        ),
    ),
    ("gate", "I approve the gate. Please make sure the discharge team on 5 East gets refresher training. Paul"),
    (
        "gate",
        (
            "Not approved yet. I'd like to see the revised budget from Harpreet and the risk on the fibre link "
            "closed. Regards, Sione Tupou, Executive Sponsor"
        ),
    ),
    ("gate", "Approved. Well done to Marisol Vega and the team for getting the admission workflow over the line."),
    ("gate", "Deferred to the 12/15 steering group; quorum not met today."),
    ("gate", "Conditional approval: go-live on 4 January 2027 if UAT exit criteria are met by 22 December."),
    ("gate", "Comment from the CNO: training completion on nights is too low (61%); I want 85% before we go."),
    ("gate", "Stage gate 2 (design) approved by Dr. Ana Lucía Ramírez on behalf of the Clinical Council."),
    ("gate", "Happy to approve. I met with the ward managers at the Mercy site on 11/12 and they are ready."),
    ("gate", "Rejected: the cost of CO-19 ($230K) is not covered by the business case. Come back with options."),
    ("gate", "Go. Thanks all - Bronwyn (Director of Nursing, Campbelltown)"),
    ("gate", "Gate 5 (closure) requested; benefits tracking handed to the BI team under ticket RITM0045521."),
    ("gate", "Approve. Note the 3 open defects (DEF-1182, DEF-1190, DEF-1204) must be fixed by 1/10."),
    # --- decisions ---------------------------------------------------------------------------------------------
    ("decision", "Decision: go-live date for ADT stays 2026-12-04; contingency date 2026-12-11."),
    ("decision", "Decision (SteerCo 30/11): the discharge lounge pilot will run at St Luke's only."),
    ("decision", "Agreed to adopt the vendor's standard admission order set with 4 local changes."),
    ("decision", "Decided to freeze build from 14 Dec to 4 Jan over the holiday period."),
    ("decision", "We will use Okta MFA for the patient portal staff console; decision owner Kenji Watanabe."),
    ("decision", "Decision: no big-bang. Phase 1 wards 4W, 5E, 6N on 1/11; phase 2 the rest on 2/8."),
    ("decision", "Steering group approved $85,000 from contingency for extra trainers (minute 7.3, 2 Dec)."),
    ("decision", "Decision recorded 12/01/2026 by the PMO: Sprint length stays at 2 weeks."),
    ("decision", "Agreed that HIM (led by Nguyen Thi Lan) owns the MRN merge process after go-live."),
    ("decision", "Decision: the patient wristband format will use the 2D barcode standard (GS1) from March."),
    # --- meeting notes ---------------------------------------------------------------------------------------------
    ("meeting", "Notes, PMO weekly 7 Dec. Present: Dana W., Priya R., Kwame M., Tomasz K. Apologies: Chloe Martin."),
    ("meeting", "Huddle 08:30: 4 West ready; 5 East missing 2 COWs; pharmacy asked for go-live at 07:00 not 05:00."),
    ("meeting", "Attendees: Dr. Patel (CMIO), Mrs. Alvarez (NM 4W), Mr. Okafor (IT), Ms. Chen (Pharmacy)."),
    ("meeting", "Clinical reference group 3 Dec: reviewed the admission assessment and falls risk forms."),
    ("meeting", "Minutes of the Digital Board, 24 November 2026. Chair: Prof. Rebecca Liu."),
    ("meeting", "Retro sprint 13: what went well - test automation; what didn't - env downtime on 11/19."),
    ("meeting", "Vendor call with Oracle Health 12/2: they confirmed the 2026.12 patch fixes the A40 merge bug."),
    ("meeting", "CAB 8 Dec approved CHG0034490 (Rhapsody upgrade) for Sat 12 Dec 22:00-02:00."),
    ("meeting", "Catch-up with Lachlan McKenzie re the Nepean site: training room is 2.G.14, booked for Jan."),
    ("meeting", "Design authority: agreed the ADT event model; A04 registrations go to the data warehouse."),
    ("meeting", "Met with the Patient Safety team about the CDS alert fatigue work (pilot on 7 North)."),
    ("meeting", "Go/no-go call 21/12 16:00. Decision: GO. Cutover starts 22:00 Fri; comms sent by Saoirse Byrne."),
    ("meeting", "Workshop with ED consultants on 2/12: triage categories, ambulance handover, fast track."),
    ("meeting", "Ops meeting: the discharge before 11am target hit 34% last week on the pilot wards."),
    ("meeting", "Nursing informatics forum 10/12: Mrs. Adeyemi demoed the new admission navigator."),
    # --- first-person staff notes ---------------------------------------------------------------------------------
    ("first-person", "I visited the Mercy clinic on 11/12 for the readiness walkthrough."),
    ("first-person", "I met Dr. Singh on 3 Dec to go through the order set build; she is happy with it."),
    ("first-person", "I'll be on leave from 21 December to 4 January; Tomasz covers the PMO inbox."),
    ("first-person", "I spoke with the vendor on 12/2 and they will send a revised quote by 12/9."),
    ("first-person", "I was on site at Campbelltown on Tuesday 8 Dec; the training room still has no projector."),
    ("first-person", "My team finished the ADT regression pack yesterday (412 scripts, 97% pass)."),
    ("first-person", "I attended the CAB on 08/12/2026 and our change was approved."),
    ("first-person", "I walked 4 West with the NUM on 11/30 and we found 3 rooms with no network point."),
    ("first-person", "I called Epic TS at 1-800-555-0199 this morning; they're escalating to R&D."),
    ("first-person", "I have booked the super-user refresher for 14 January at 2pm in the Education Centre."),
    ("first-person", "I was admitted to the Clinical Safety Officer course starting 2/1, so Kwame will cover."),
    ("first-person", "I joined the Trust on 1 March 2024 as programme manager for the EPR."),
    ("first-person", "I visited the discharge lounge on 12/3 and timed the pharmacy turnaround (avg 2h 10m)."),
    ("first-person", "I'm working from the Parramatta office on Wed 9 Dec if anyone needs me."),
    ("first-person", "I raised INC0012398 for the label printer on 6 South and it was fixed the same day."),
    ("first-person", "I went through the admission workflow with the ED registrars on 11/24."),
    ("first-person", "I'll present the benefits case at the Finance Committee on 17 Dec."),
    ("first-person", "I was at the go-live at St Mary's on 2026-11-16; it went smoothly."),
    ("first-person", "I have my performance review on 12/10 so I'll be late to stand-up."),
    ("first-person", "I'm off sick today (Mon 7/12); Priya will chair the huddle."),
    ("first-person", "I flew to Darwin on 30 Nov for the Royal Darwin site visit; back 3 Dec."),
    ("first-person", "I had a call with Dr. Obi on Friday about the anaesthetic record build."),
    ("first-person", "I reviewed the discharge summary templates with Dr. Fernández on 1 Dec."),
    ("first-person", "I've been at the Kelowna site since 11/30 supporting the cutover."),
    ("first-person", "I finished the DCB0160 hazard log review on 27/11 and sent it to the CSO."),
    # --- e-mail-style updates to sponsors (with sign-offs) -------------------------------------------------------
    (
        "email",
        (
            "Hi Karen,\n\nQuick update: ADT go-live is still on for 2026-12-04. Training is at 94%.\n\n"
            "Regards,\nDana Whitfield\nPMO lead\n416-555-0100"
        ),
    ),
    (
        "email",
        (
            "Dear Sponsors,\n\nPlease find the December status below. Overall amber; details in the pack.\n\n"
            "Kind regards,\nPriya Raghunathan\nProgramme Manager, Digital Health\n(212) 555-0142"
        ),
    ),
    (
        "email",
        (
            "Hi all, the 6 Dec cutover was rolled back at 04:10 after the SAN failure. Next attempt 13/12.\n\n"
            "Thanks,\nTomasz Kowalczyk\nInfrastructure PM\nM: 0412 555 019"
        ),
    ),
    (
        "email",
        (
            "Morning Paul,\nThe Mercy clinic is ready for go-live on 11/16. Walkthrough notes attached.\n\n"
            "Cheers,\nLachlan McKenzie\nProject Manager | Western Sydney LHD\n02 9876 5432"
        ),
    ),
    (
        "email",
        (
            "Dear Dr. O'Brien,\n\nThank you for approving Gate 3. We will circulate the go-live runbook on "
            "Friday.\n\nBest regards,\nOluwaseun Adeyemi\nSenior PM, Clinical Systems\nTel: 0161 496 0000"
        ),
    ),
    (
        "email",
        (
            "Hello Sione,\n\nAs discussed, the revised budget is $1.52M (+$120K). CR-0457 attached.\n\n"
            "Many thanks,\nHarpreet Sandhu\nFinance Business Partner, EPR Programme\n604-555-0173 ext. 2204"
        ),
    ),
    ("email", "Hi team,\n\nReminder that the code freeze starts 14 Dec at 17:00.\n\nThanks\nKwame"),
    (
        "email",
        (
            "Dear Bronwyn,\n\nI visited 4 West and 5 East on 12/3 with the NUMs. Both wards are ready.\n\n"
            "Warm regards,\nMei-Ling Chen\nDirector, Patient Access\nmei-ling.chen@mercyhealth.org"
        ),
    ),
    (
        "email",
        (
            "Hi Gareth, could you confirm the IG exception for the test data masking by 11 Dec?\n\n"
            "Diolch,\nRhys Morgan\nProject Support Officer\n029 2018 0000"
        ),
    ),
    (
        "email",
        (
            "Team,\n\nGreat work on the discharge summary go-live yesterday.\n\nBest,\nDr. Amara Okafor\n"
            "CMIO\n(416) 555-0188"
        ),
    ),
    (
        "email",
        (
            "Hi Javier,\nCan you send me the CDS rule list before Thursday? The gate is on 12/17.\n\n"
            "Thanks,\nFatima\n\nFatima Al-Sayed | PMO Analyst | Ext 4521"
        ),
    ),
    (
        "email",
        (
            "Dear all,\n\nThe steering group meets on Tuesday 15 December at 10:00 in Boardroom 2.\n\n"
            "Yours sincerely,\nSaoirse Byrne\nProgramme Office\n+353 1 555 0123"
        ),
    ),
    (
        "email",
        (
            "Kia ora Aroha,\n\nThanks for confirming the ward champions at Waikato.\n\nNgā mihi,\n"
            "Moana Kealoha\nChange Lead, Te Whatu Ora Digital\n07 555 0147"
        ),
    ),
    (
        "email",
        (
            "Hi Ingrid,\n\nThe vendor has moved the release to 2026.12.2 (ETA 12/18). I'll update the plan.\n\n"
            "Regards,\nYuki Tanaka\nTechnical PM\n+61 2 5550 1234"
        ),
    ),
    (
        "email",
        (
            "Bonjour Jean-François,\n\nLe plan de bascule est joint. Go-live le 4 décembre.\n\nCordialement,\n"
            "Isabelle Gagnon\nChargée de projet, DSI\n514-555-0166"
        ),
    ),
    (
        "email",
        (
            "Hi Dana, sending apologies for tomorrow's PMO meeting - I'm at the Westmead site visit.\n\n"
            "Rgds\nDeepika Nair\nBA, Clinical Applications\n0400 555 192"
        ),
    ),
    (
        "email",
        (
            "Dear Executive Sponsor,\n\nRequesting your approval for Gate 4 by 12/18.\n\nSincerely,\n"
            "Marisol Vega, PMP\nProject Manager, ADT Replacement\nSt. Joseph's Health\n(905) 555-0111"
        ),
    ),
    (
        "email",
        (
            "Hi Dr Rezaei,\n\nSorry to bother you on sabbatical - who should sign off hazard H-031?\n\n"
            "Thanks so much,\nChloe Martin\nClinical Safety Analyst\n07700 900123"
        ),
    ),
    (
        "email",
        (
            "Morning all,\nEpic TS confirmed the fix for SR 88231456 goes in tonight's build.\n\nCheers\n"
            "Bradley Nguyen\nApplication Analyst - Beacon\nx7712"
        ),
    ),
    (
        "email",
        (
            "Hello Prof. Liu,\n\nPlease find the Digital Board paper for 24 November attached.\n\n"
            "With thanks,\nNgozi Chukwu\nPMO Coordinator\nDigital Health Directorate\n01632 960 001"
        ),
    ),
    (
        "email",
        ("Hi Paul\n\nJust back from the Mercy clinic (visited 11/12). Minor snags only.\n\nDana\nSent from my iPhone"),
    ),
    (
        "email",
        (
            "Dear Ms. Alvarez,\n\nThank you for signing off the 4 West readiness checklist on 12/2.\n\n"
            "Best wishes,\nTanvir Ahmed\nReadiness Lead"
        ),
    ),
    (
        "email",
        (
            "Hi Kenji,\nThe Okta tenant for the portal console is live. Test users provisioned 12/4.\n\n"
            "Regards,\nAndrzej Nowak\nIAM Engineer\nandrzej.nowak@stlukes.org.au\n+61 3 9555 0177"
        ),
    ),
    (
        "email",
        (
            "To: EPR Programme Board\nFrom: Rebecca Liu\nDate: 1 December 2026\nSubject: Phase 2 approval\n\n"
            "The board approved phase 2 funding of $3.2M."
        ),
    ),
    ("email", "Subject: RE: go-live date for 5 East\n\nHi Nkechi, confirmed for 1/11. Thanks, Gareth"),
    # --- titles with staff (must pass) -----------------------------------------------------------------------------
    ("staff", "Ms. Chen from pharmacy will present the formulary update."),
    ("staff", "Nurse manager Mrs. Alvarez signed off the 4 West checklist."),
    ("staff", "Mr. Okafor from IT will install the COWs on 5 East on Tuesday."),
    ("staff", "Ms. Raghunathan chairs the design authority this month."),
    ("staff", "Mrs. Whitfield (PMO) is the contact for the go-live command centre."),
    ("staff", "Dr. Nguyen and Dr. Kaur will be clinical leads for the ED build."),
    ("staff", "Sr. Bernadette Walsh, NUM of Ward 8, requested two extra super-users."),
    ("staff", "Prof. Rebecca Liu has replaced Dr. Ahmed as chair of the Digital Board."),
    ("staff", "Miss Eleanor Pritchard (ward clerk, 6 South) will test the admission screens."),
    ("staff", "Mr. Sandhu in Finance has approved the PO for the scanners."),
    ("staff", "Ms. Fatima Al-Sayed joins the PMO as analyst from 4 January."),
    ("staff", "Mr. Jean-François Tremblay is our new French-language trainer."),
    ("staff", "Thanks to Mrs. Nguyen Thi Lan in HIM for the merge tool demo."),
    ("staff", "Charge nurse Mr. Kofi Boateng ran the night-shift dry run on 12/2."),
    ("staff", "Ms. Ingrid Solberg (vendor PM) will be on site 15-17 Feb."),
    ("staff", "Dr. Patel's team has moved the pre-admission clinic to Thursdays."),
    ("staff", "Mrs. Aisha Bello, the discharge coordinator on 7B, will pilot the new checklist."),
    ("staff", "Mr. Wiremu Parata from Māori Health will review the comms."),
    ("staff", "Ms. O'Connell will hand over to Mr. Deshmukh on 12/18."),
    ("staff", "Dr. Olumide Bankole (anaesthetics) reviewed the theatre record build."),
    ("staff", "Mr. Li Wei, our Cerner architect, confirmed the A40 fix."),
    ("staff", "Ms. Zhang from Biomed will bring the pumps to room 412 at 9am."),
    ("staff", "Nurse educator Ms. Kaur will run the admission navigator training on 12/9."),
    ("staff", "Registrar Dr. Mohammed Al-Amin is the ED super-user lead."),
    ("staff", "Mrs. Tupou will cover the bed bureau during the cutover."),
    # --- healthcare words used as product/workflow names ----------------------------------------------------------
    ("workflow", "Admission workflow v3: the pre-admission step now creates the encounter in Epic."),
    ("workflow", "The discharge workflow is live in 4 West; discharge date field is now mandatory."),
    ("workflow", "Patient portal release 4.2 adds proxy access for parents of patients under 12."),
    ("workflow", "Admit, discharge and transfer screens renamed for the 12/4 go-live."),
    ("workflow", "Patient safety dashboard refresh moved to 06:00 daily."),
    ("workflow", "The expected date of discharge (EDD) field is now on the whiteboard."),
    ("workflow", "Date of admission and date of discharge fields are mapped to PV1-44 and PV1-45."),
    ("workflow", "Test patient ZZTEST, ADMIT is used in TST only - do not use in prod."),
    ("workflow", "Patient list columns agreed: bed, name, age, LOS, EDD, consultant."),
    ("workflow", "The MRN field is 7 digits in the legacy PAS and 9 in Epic; conversion rule agreed with HIM."),
    ("workflow", "DOB format in the interface changes from DD/MM/YYYY to YYYYMMDD on 1/11."),
    ("workflow", "Patient Flow Hub go-live: 14 screens across the 3 campuses."),
    ("workflow", "Patient Experience survey tool (Press Ganey) integration moved to phase 2."),
    ("workflow", "The 'patient arrived' event now fires an ADT^A10 message."),
    ("workflow", "Death notification workflow (date of death to registry) tested end to end on 12/2."),
    ("workflow", "Discharge summaries are sent to GPs via MESH; volumes 1,200/day."),
    ("workflow", "Readmission within 30 days report rebuilt in Power BI."),
    ("workflow", "Patient Access KPIs: registration accuracy 98.7%, time to register 4m 12s."),
    ("workflow", "Admission date and discharge date validation rules deployed to prod."),
    ("workflow", "The patient ID band reprint workflow now logs the reason code."),
    ("workflow", "Encounter numbers will be generated by Epic from go-live; legacy numbers kept in an alias."),
    ("workflow", "The MRN merge queue is down to 14 items after the HIM blitz on 12/1."),
    ("workflow", "Patient-facing kiosk check-in pilot at the Mercy clinic from 1/18."),
    ("workflow", "Born-in-hospital registration (newborn ADT) tested with Maternity on 30/11."),
    ("workflow", "Date-of-service mapping for outpatient billing validated by Revenue Cycle."),
    # --- numbers, ids, versions, budgets, IPs ----------------------------------------------------------------
    ("ids", "INC0012345 closed; root cause was an expired cert on 10.20.4.17."),
    ("ids", "RITM0045521 / REQ0031198 - new AD group for the portal admins."),
    ("ids", "Change CHG0034412 scheduled 12/12 22:00; backout plan in the record."),
    ("ids", "JIRA EPR-4412, EPR-4413 and EPR-4420 moved to Done."),
    ("ids", "PO 4500123987 for $48,200 approved by procurement on 3 Dec."),
    ("ids", "Server list: app01 10.20.4.17, app02 10.20.4.18, db01 10.20.5.11 (SQL 2019 CU22)."),
    ("ids", "Upgrade Citrix VDA to 2311 on the ward PCs (asset tags WS-104411 to WS-104530)."),
    ("ids", "Epic version Nov 2026, build 11.4.2.3; Hyperspace client 10.1."),
    ("ids", "Budget: capex $2,400,000, opex $610,000/yr, contingency 10%."),
    ("ids", "Cost centre 4410-2231, project code EPR-P2-017."),
    ("ids", "Room 3.14, 3.15 and 3.22 need data points; Estates job 22-1190."),
    ("ids", "Vendor ticket #00481234 (Altera) about the Sunrise 23.1 upgrade."),
    ("ids", "Licence key for the interface engine expires 2027-03-31; contract ref CT-2024-0091."),
    ("ids", "ServiceNow problem PRB0004417 opened for the recurring login delays."),
    ("ids", "Device inventory: 1,120 Alaris 8015 PCUs, 210 syringe modules, 36 spare."),
    ("ids", "Firewall rule FW-22871 allows 10.40.2.55 to reach 172.16.8.4 on 443."),
    ("ids", "Zebra printer firmware V92.21.39Z pushed to 88 printers."),
    ("ids", "DNS alias epr-prod.health.local now points to 10.20.4.200."),
    ("ids", "NHS ODS code RX1 and site code RX1RA added to the interface config."),
    ("ids", "HL7 v2.5.1, MLLP port 6661, ACK timeout 30s."),
    ("ids", "Release 3.4.0 tagged; hotfix 3.4.1 for the A08 mapping on 12/9."),
    ("ids", "Our ABN 51 824 753 556 goes on the vendor invoice, not the hospital's."),
    ("ids", "Call bridge: 1-866-555-0107, access code 482 9916#."),
    ("ids", "Teams meeting ID 284 113 905 772, passcode 7hGx2Q."),
    ("ids", "Asset BIO-00871 (Philips IntelliVue) swapped for BIO-00902 in bay 4."),
    ("ids", "NPI of the ordering provider is mapped from the provider master file, not typed."),
    ("ids", "Capacity test: 2,400 concurrent users, p95 1.8s, on 12/05/2026."),
    ("ids", "SR 88231456 escalated to severity 2 on 12/4 at 21:15."),
    ("ids", "Vendor support line 1300 555 014 (AU), 0800 555 0199 (UK), 1-800-555-0199 (US/CA)."),
    ("ids", "SNOMED CT code 386661006 (fever) used in the test order set."),
    # --- clinics, wards, sites, visits -----------------------------------------------------------------------------
    ("sites", "Site visit to Royal North Shore on 15/12 to check the ward PCs."),
    ("sites", "The Mercy clinic on Oak Street opens its new wing on 1 February."),
    ("sites", "Pre-admission clinic moves from Building B to the Level 2 outpatients hub."),
    ("sites", "Go-live sequence: Westmead 1/11, Blacktown 1/25, Mount Druitt 2/8."),
    ("sites", "Ward 4 West has 32 beds, 4 side rooms, 1 negative-pressure room (4W-17)."),
    ("sites", "Kelowna General and Vernon Jubilee go live together on 2027-01-18."),
    ("sites", "The Birmingham and Solihull sites share the same ADT instance from 4 Jan."),
    ("sites", "Training at Toronto Western, Room 2B-412, 9:00-12:00 every Wednesday in January."),
    ("sites", "St Vincent's Melbourne: ICU moves to the new tower on 14 March."),
    ("sites", "Cardiology clinic (Dr. Patel, Dr. Ito) switches to Epic scheduling on 2/1."),
    ("sites", "The dialysis unit at Concord will pilot the remote monitoring app from 1/25."),
    ("sites", "Visit to the Hamilton Health Sciences PMO on 11/20 to learn from their ADT go-live."),
    ("sites", "Maternity unit at Liverpool Hospital: CTG integration on hold until 3/1."),
    ("sites", "Outpatients at 100 Queen Street moves to the new hub next year."),
    ("sites", "Paediatric ED at Sydney Children's goes live with the rest of the ED on 2/8."),
    # --- longer notes ----------------------------------------------------------------------------------------------
    (
        "long",
        (
            "Weekly report w/e 4 Dec 2026\n\nProgress: ADT build done; integration testing 85%; training 94%.\n"
            "Issues: pharmacy interface (INC0012345) - vendor fix 12/9.\nRisks: night super-users (mitigated).\n"
            "Next week: dress rehearsal 12/12, go/no-go 12/14.\nPM: Dana Whitfield"
        ),
    ),
    (
        "long",
        (
            "Summary for the CIO:\n- Go-live 2026-12-04 held.\n- 3 Sev-2s open (DEF-1182, DEF-1190, DEF-1204).\n"
            "- Budget 92% used.\n- Dr. Patel and Ms. Chen have signed off clinical content.\n- Next gate 12/18."
        ),
    ),
    (
        "long",
        (
            "Post go-live day 1 (Fri 4 Dec): 214 calls to the command centre, 12 P2s, no P1s. Most calls about "
            "printing admission labels on 5 East and password resets. Mr. Okafor's team fixed the printer mapping by "
            "11:00. Discharge workflow worked as designed; 38 discharges processed."
        ),
    ),
    (
        "long",
        (
            "Lessons learned (6 Dec rollback): we had no SAN failover test since 11/20; the rollback took 2h 40m; "
            "comms went out at 04:30 via the on-call list. Owner for actions: Tomasz Kowalczyk."
        ),
    ),
    (
        "long",
        (
            "Readiness walkthrough, Mercy clinic, 11/12/2026. Attendees: Dana Whitfield (PMO), Sarah Goldberg "
            "(Clinic Manager), Dr. Vikram Iyer (Medical Director), Mrs. Alvarez (Nursing). 14/16 items green; the check-in "
            "kiosk and the label printer in room 7 outstanding."
        ),
    ),
    (
        "long",
        (
            "Hi all - quick one from me. I was at St Luke's yesterday (Thu 3/12) with Bronwyn and the NUMs. The "
            "discharge lounge is set up, but the pharmacy runner roster isn't. I'll pick it up with Ms. Chen on Monday.\n"
            "Ta, Lachlan"
        ),
    ),
    (
        "long",
        (
            "Decision log entry 47 (2 Dec): The ADT go-live will proceed on 4 Dec with the workaround for DEF-1182 "
            "(manual re-send of A08 updates). Approved by: Karen Mitchell (SRO), Dr. Liam O'Brien (CMIO)."
        ),
    ),
    (
        "long",
        (
            "Cutover timeline: 22:00 freeze legacy PAS; 22:30 final extract; 01:00 load to Epic; 03:00 "
            "validation by HIM (Nguyen Thi Lan); 05:00 go/no-go; 06:00 wards live. Contact: command centre x5000."
        ),
    ),
    (
        "long",
        (
            "Training update: 1,842 staff trained (91%). Lowest: Theatres 74%, ED nights 68%. Extra sessions on "
            "12/8, 12/9, 12/10 at 07:00 and 19:30 in Room 1.12. Trainers: Deepika Nair, Kofi Boateng, Chloe Martin."
        ),
    ),
    (
        "long",
        (
            "Benefits: length of stay on the pilot wards fell from 5.2 to 4.8 days (Oct vs Jun); discharge before "
            "noon up from 18% to 34%. Data from the BI team, extracted 1 Dec."
        ),
    ),
]

# ---------------------------------------------------------------------------
# Templated clean texts: many names, roles, phones and date formats through a few dozen frames.
# ---------------------------------------------------------------------------

STAFF = [
    "Dana Whitfield", "Priya Raghunathan", "Oluwaseun Adeyemi", "Nguyen Thi Lan", "Mei-Ling Chen",
    "Tomasz Kowalczyk", "Siobhan O'Connell", "Aroha Ngata", "Rahul Deshmukh", "Fatima Al-Sayed", "Kwame Mensah",
    "Javier Ortega", "Yuki Tanaka", "Ingrid Solberg", "Lachlan McKenzie", "Bronwyn Hughes",
    "Jean-François Tremblay", "Amara Okafor", "Hamid Rezaei", "Ana Lucía Ramírez", "Deepika Nair", "Chloe Martin",
    "Liam O'Brien", "Harpreet Sandhu", "Zhang Wei", "Sione Tupou", "Marisol Vega", "Andrzej Nowak", "Nkechi Eze",
    "Aisha Bello", "Kenji Watanabe", "Saoirse Byrne", "Gareth Llewellyn", "Rhys Morgan", "Tanvir Ahmed",
    "Moana Kealoha", "Wiremu Parata", "Kofi Boateng", "Sarah Goldberg", "Vikram Iyer", "Ngozi Chukwu",
    "Isabelle Gagnon", "Bradley Nguyen", "Karen Mitchell", "Paul Fitzgerald", "Rebecca Liu", "Olumide Bankole",
    "Mohammed Al-Amin", "Eleanor Pritchard", "Bernadette Walsh", "Thandiwe Dlamini", "Arjun Mehta",
    "Sofia Rossi", "Lars Henriksen", "Chinedu Obi", "Hye-jin Park", "Mateus Oliveira", "Emre Yılmaz",
    "Rania Haddad", "Dmitri Volkov", "Leilani Kahale", "Cormac Doyle", "Ayesha Siddiqui", "Ravi Shankar",
    "Grace Mwangi", "Tyrone Jackson", "Shaniqua Williams", "Brett Kowalczuk", "Kirsty MacLeod", "Hamish Grant",
]  # fmt: skip
ROLES = [
    "PMO lead", "Programme Manager", "Project Manager, Clinical Systems", "Senior BA", "Change Manager",
    "Executive Sponsor", "Director of Nursing", "CMIO", "CNIO", "Clinical Safety Officer", "Readiness Lead",
    "Training Lead", "Infrastructure PM", "Application Analyst", "PMO Coordinator", "Nurse Unit Manager, 4 West",
    "Head of Digital Delivery", "IT Service Manager", "Finance Business Partner", "Project Support Officer",
]  # fmt: skip
PHONES = [
    "416-555-0100", "(212) 555-0142", "1-800-555-0199", "604-555-0173", "+1 905 555 0111", "0161 496 0000",
    "020 7946 0958", "+44 20 7946 0958", "07700 900123", "02 9876 5432", "(03) 9555 0177", "0412 555 019",
    "+61 2 5550 1234", "1300 555 014", "613-555-0155 x2204", "ext. 4521", "x7712", "Ph: 08 8555 0123",
]  # fmt: skip
DATES = [
    "11/12", "12/3", "2026-12-04", "3 March", "March 3rd", "03-Mar-2027", "14.01.2027", "Jan 14", "Wed 9 Dec",
    "9th December 2026", "12/03/2026", "3/14", "Tuesday 15 December", "15 Dec", "Dec 15, 2026", "1/11/27",
    "the 21st", "Friday the 18th", "01/02/2027", "2027-01-18", "Mon 4/1", "Thursday, 10 December 2026",
]  # fmt: skip
CLOSINGS = ["Regards,", "Kind regards,", "Thanks,", "Cheers,", "Best,", "Many thanks,", "Warm regards,",
            "Sincerely,", "Ta,", "Rgds", "Thank you,", "Best wishes,"]  # fmt: skip
SITES = ["the Mercy clinic", "St Luke's", "4 West", "the Westmead site", "Royal North Shore", "the ED",
         "the pre-admission clinic", "Ward 7B", "Toronto Western", "the Kelowna site", "Campbelltown",
         "the discharge lounge", "the day surgery unit", "Level 3 outpatients", "the Birmingham site"]  # fmt: skip
TITLES = ["Dr.", "Dr", "Ms.", "Mrs.", "Mr.", "Ms", "Mrs", "Mr", "Prof.", "Sr."]

CLEAN_FRAMES: list[tuple[str, str]] = [
    ("signoff", "Hi all,\n\nGo-live is confirmed for {date}. Runbook attached.\n\n{closing}\n{name}\n{role}\n{phone}"),
    ("signoff", "Update for sponsors: training is at {pct}% and UAT exits {date}.\n\n{closing}\n{name}\n{phone}"),
    ("signoff", "Dear {first},\n\nThe steering group pack for {date} is on SharePoint.\n\n{closing}\n{name}, {role}"),
    ("signoff", "Apologies for {date} - I'm at {site} for the readiness check.\n{closing}\n{name}\n{role}\n{phone}"),
    ("signoff", "All, the cutover rehearsal on {date} went to plan.\n\n{closing}\n{first}"),
    ("first-person", "I visited {site} on {date} for the readiness walkthrough."),
    ("first-person", "I met {title} {last} on {date} to review the admission workflow."),
    ("first-person", "I'll be at {site} on {date}; call me on {phone} if anything comes up."),
    ("first-person", "I spoke to {name} ({role}) on {date} and she agreed the revised plan."),
    ("first-person", "I was on site at {site} {date} and the network points are still missing."),
    ("staff", "{title} {last} from pharmacy will present at the huddle on {date}."),
    ("staff", "{name} ({role}) signed off the readiness checklist on {date}."),
    ("staff", "{title} {name} will cover the command centre on {date}; mobile {phone}."),
    ("staff", "Thanks to {name} for running the super-user sessions at {site}."),
    ("action", "{first} to send the updated RAID log to {title} {last} by {date}."),
    ("action", "Action: {name} to confirm room bookings at {site} for {date}."),
    ("risk", "Risk: {name} ({role}) unavailable from {date}; no deputy named."),
    ("status", "Amber: {site} go-live moved to {date}; {name} re-planning with the vendor."),
    ("status", "Green. {site} training done {date}; {pct}% of staff attested."),
    ("gate", "Approved - {first}. Please get {title} {last}'s sign-off on the order sets before {date}."),
    ("gate", "Gate comment from {title} {last}: happy with the evidence; go-live {date} agreed."),
    ("decision", "Decision ({date}): {name} is the business owner for the admission workflow."),
    ("meeting", "Present: {name}, {name2}, {title} {last}. Next meeting {date}."),
    ("meeting", "Catch-up with {name} at {site} on {date} about the discharge lounge roster."),
]  # fmt: skip

# ---------------------------------------------------------------------------
# PMO texts that DO carry a patient identifier: (expected kind, text). Each must be refused.
# ---------------------------------------------------------------------------

PHI_FIXED: list[tuple[str, str]] = [
    ("mrn", "Go-live slipped because pt John Rivera MRN 4421337 was merged wrongly."),
    ("mrn", "Merge issue: MRN 00873321 and MRN 00873390 are the same patient; HIM to fix."),
    ("patient-name", "Risk: patient Margaret Okonkwo's allergies did not convert from the legacy PAS."),
    ("date-of-birth", "Defect DEF-1190: DOB 04/17/1952 shows as 17/04/1952 for the patient in bed 12."),
    ("patient-name", "The A08 for Mr. Harold Jenkins (bed 4W-12) never reached pharmacy, so his meds were late."),
    ("mrn", "Status red - the interface dropped the admission for MRN 5519023 on 12/4."),
    (
        "admission-date",
        (
            "Pt Sandra Kowalski was admitted on 12/2 and discharged 12/5 but the legacy PAS still has her "
            "as an inpatient."
        ),
    ),
    ("ssn", "Conversion error: the SSN 123-45-6789 was loaded into the patient's MRN field."),
    ("phone", "Please call the patient back at 416-555-0123 about the portal activation; her name is Joan Mercer."),
    ("patient-name", "Incident: wrong wristband printed for patient Ahmed Siddiqui in the ED."),
    ("mrn", "INC0012401 - results for encounter 7700312451 filed to the wrong chart."),
    ("date-of-birth", "Test failed for the real patient DOB 1948-03-09 (Evelyn Marsh)."),
    ("patient-name", "Lessons learned: Mrs. Dorothy Fairweather's discharge summary went to the wrong GP."),
    ("mrn", "Duplicate chart: MRN# 2231190 / MRN# 2231191 (same pt, Rivera)."),
    ("email", "Patient asked for her portal invite to go to jmercer1961@gmail.com instead."),
    ("address", "The patient at 42 Wattle Street, Parramatta NSW 2150 was sent someone else's letter."),
    ("plan-number", "Claim rejected because Medicare number 2953 41765 1 was typed into the MRN field for the pt."),
    ("patient-name", "Mr. Bernard Kowalczyk (pt, 4 West) fell during the downtime; incident IR-2291."),
    ("age-over-89", "The 94-year-old patient on 5 East was discharged without her meds during the cutover."),
    ("admission-date", "Patient admitted 11/30/2026, discharged 12/03/2026 - both dates missing in Epic."),
    ("mrn", "Chart number 88123004 (patient Liu) has two active encounters after conversion."),
    ("patient-name", "Action: call pt Teresa Gonzalez about the cancelled pre-admission appointment."),
    ("date-of-birth", "The portal blocked registration for a patient born 02/29/1956."),
    ("patient-name", "Complaint from the family of patient Arthur Pemberton about the discharge delay."),
    ("mrn", "Risk: MRN 4421337 and NHS number 943 476 5919 don't match in the spine lookup."),
    ("phone", "Pt's daughter (Linda Hale, 0412 555 987) says her father never got the discharge letter."),
    ("patient-name", "Go-live day 2: the bed board showed Mrs. Olive Grant in two beds."),
    ("device-serial", "Pacemaker serial PJN401822H for the patient in bed 8 failed to import to the device clinic."),
    ("mrn", "Please don't merge MRN 3309187 (Nguyen Van Minh) until HIM confirms."),
    ("patient-name", "Defect: the patient John Doe-Smith born 1961 shows as female in the ADT feed."),
    ("admission-date", "Ms. Patricia Lowe was admitted 3 Dec for her hip replacement and the order set failed."),
    ("mrn", "Incident 4412: encounter 00912887 for patient R. Thompson sent to the wrong ward."),
    ("patient-name", "Risk closed - patient Kevin O'Malley's duplicate record was merged on 12/3."),
    ("date-of-birth", "Conversion check failed: Harold Jenkins, DOB 12 June 1939, has no allergies in Epic."),
    ("patient-name", "Sponsor asked why Mrs. Ruth Abernathy waited 6 hours for her discharge meds."),
    ("mrn", "HIM found 14 overlays including MRN 7731002 (Garcia, Maria)."),
    ("phone", "Patient Eileen Brooks called 555-0144 twice; portal says her number is (312) 555-0198."),
    ("email", "Portal invite bounced for patient Sam Whittaker (sam.whittaker78@hotmail.com)."),
    ("plan-number", "Eligibility check failed for the patient's member ID XKJ884512301 (Blue Cross)."),
    ("patient-name", "Ward 4W reported that Mr. Tan Ah Kow's wristband has the wrong name on it."),
    ("mrn", "Status amber: pharmacy orders lost for pt MRN 6630045 during the 6 Dec rollback."),
    ("date-of-birth", "DOB: 07/04/1933 - patient record created twice by the kiosk."),
    ("address", "Return mail: patient letter to 17 Ferncliff Road, Toronto ON M4K 1A2 came back."),
    ("admission-date", "Mr. Vijay Raman died on 12/1/2026 but the portal still sends him reminders."),
    ("patient-name", "Patient Precious Ndlovu was discharged to the wrong nursing home address in the system."),
    ("mrn", "Lab results for hospital number H0098123 were filed under another patient."),
    ("patient-name", "Mrs. Edna Sutherland, patient in room 412, received the wrong diet tray after go-live."),
    ("ssn", "Patient SSN 078-05-1120 appeared in the interface log on 10.20.4.17."),
    ("age-over-89", "Patient aged 97 in bed 6N-04 was missed by the falls risk rule."),
    ("mrn", "MRN: 1029384, DOB: 1950-11-02 - wrong sex in the conversion."),
    ("patient-name", "Please ring Mr. Douglas Fraser (patient) to rebook his colonoscopy after the scheduling outage."),
    ("patient-name", "The test used a real patient: Jane Cartwright, 5 East, bed 9."),
    ("mrn", "Risk: URN 1187234 at Royal North Shore has two different DOBs."),
    ("admission-date", "Pt Agnes Muller admitted 30/11/2026 via ED; admission not sent to pharmacy."),
    ("patient-name", "Gate comment: I won't approve until we know why patient Sipho Khumalo's referral was lost."),
    ("phone", "Pt callback number 0400 555 321 recorded in the risk log by mistake (patient: Mrs. Ivy Chan)."),
    ("mrn", "Defect DEF-1211: encounter # 998877661 for pt Brown shows the wrong attending."),
    ("date-of-birth", "Please fix the patient: Louis Bernier, né le 12/05/1944, duplicate in the MPI."),
    ("patient-name", "Action: HIM to unmerge the records of patient Rosa Delgado and patient Rosa Delgado-Ruiz."),
    ("mrn", "Escalation: patient ID 55012347 missing allergies after conversion."),
    (
        "patient-name",
        ("Hi Karen, just so you know, the complaint is from Mr. Gordon Blake, a patient on 4 West.\n\nRegards,\nDana"),
    ),
    ("date-of-birth", "I spoke to the patient (Hana Kimura, DOB 3/8/1947) and she confirmed her address."),
    (
        "address",
        ("Patient's address changed to 9 Rue Saint-Denis, Montréal QC H2X 3K8 but the portal shows the old one."),
    ),
    ("admission-date", "The patient, Leonard Fisk, was discharged on 2 December and readmitted on 4 December."),
    ("mrn", "Sev-1: MRN 3340981 allergy list empty; pt is Reginald Okoro on 7B."),
    ("patient-name", "Lessons learned from the near miss with patient Wendy Tsang (wrong-patient order)."),
    ("plan-number", "The patient's Medicaid ID 91823475A was rejected at registration."),
    ("phone", "Mrs. Beatrice Lam's mobile 07700 900 456 was loaded as the ward's phone number."),
    ("email", "The patient (g.obrien@bigpond.com) never received the portal activation code."),
    ("mrn", "Pt Ronald Sykes MRN 00042219 lost his outpatient appointments in the migration."),
    ("patient-name", "Go/no-go: the wrong-patient incident for Mr. Ibrahim Haddad must be closed first."),
    ("date-of-birth", "Newborn baby boy Martinez, born 12/4/2026 at 03:12, not registered in ADT."),
    ("admission-date", "Admitted: 12/01/2026. Discharged: 12/04/2026. Patient: Florence Whitby. Missing in PAS."),
    ("mrn", "Please check chart 6021344 - patient Yolanda Price's meds duplicated after go-live."),
    ("patient-name", "Update: patient Giuseppe Romano's pathology results are still with the wrong GP."),
    ("age-over-89", "A 103-year-old patient was registered with age 3 because of the century bug."),
    ("patient-name", "I visited the patient, Mrs. Nora Whelan, on 5 East to apologise for the wrong letter."),
    ("mrn", "Medical record number 1198432 (Kaur, Manpreet) shows two sexes."),
    ("device-serial", "Insulin pump S/N 0012938744 belonging to the patient in 6S-11 not linked after go-live."),
    ("patient-name", "The sponsor's aunt, patient Maureen Kilbride, was one of the overlaid records."),
    ("ssn", "SIN 046 454 286 for patient Pierre Lavoie was stored in the comments field."),
    ("mrn", "NHS number 485 777 3456 for the patient in bed 10 was truncated to 9 digits."),
    ("date-of-birth", "Patient DOB 31/12/1940 converted as 1940-31-12 in the extract; Mr. Eric Dunn."),
    ("phone", "Pt Ruby Fernandes asked us to call her on (905) 555-0172 about her portal."),
    ("patient-name", "Discharge delay for pt. Samuel Adebayo because the TTO script didn't print."),
    ("mrn", "MRN 7781230 / acct 440091223 (patient Hughes) has no admitting diagnosis."),
    ("admission-date", "Patient Walter Price passed away on 11/28/2026; the death was not sent to the registry."),
    ("patient-name", "Please remove Mrs. Hilda Berg (patient) from the portal test group."),
    ("mrn", "Incident: pt MRN 8890123 received another patient's discharge summary."),
    ("plan-number", "The patient's health card number 1234-567-890-AB was on the test extract."),
    ("patient-name", "Ward clerk reported patient Chidi Nwosu registered twice at the kiosk."),
    ("date-of-birth", "Dob 09-Sep-1938 pt Eleanor Rigby 4W bed 2 - allergy list missing."),
    ("address", "Home address of the patient (221B Baker Street, London NW1 6XE) printed on the ward list."),
    ("email", "Patient Tom Baxter wants results sent to tom.baxter@outlook.com - is that allowed?"),
    ("patient-name", "Re the complaint: Mr. Lionel Hargreaves (patient) was told the wrong clinic time."),
    ("mrn", "Record 0047712 for patient Andrea Costa flagged as VIP after the conversion."),
    ("admission-date", "Mrs. Helen Park was discharged on 3/12 with the wrong medication list."),
    ("patient-name", "Risk raised after the patient Kwabena Asante's blood results were overwritten."),
    ("phone", "Voicemail from patient Greta Svensson, 0412 555 654, about the portal lockout."),
    ("mrn", "Fix the A40 merge for MRN 2098123 into MRN 2098124 (pt Harris) before go-live."),
]

# ---------------------------------------------------------------------------


def _fills(n_per_frame: int, seed: int = 14) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    out: list[tuple[str, str]] = []
    for cat, frame in CLEAN_FRAMES:
        for _ in range(n_per_frame):
            name, name2 = rng.sample(STAFF, 2)
            first, last = name.split(" ", 1)[0], name.split(" ")[-1]
            text = frame.format(
                name=name, name2=name2, first=first, last=last, role=rng.choice(ROLES), phone=rng.choice(PHONES),
                date=rng.choice(DATES), closing=rng.choice(CLOSINGS), site=rng.choice(SITES),
                title=rng.choice(TITLES), pct=rng.randint(60, 99),
            )  # fmt: skip
            out.append((cat, text))
    return out


def clean_texts() -> list[tuple[str, str]]:
    return CLEAN_FIXED + _fills(4)


def half_of(text: str) -> str:
    """Which half of the probe a text is in, by the sha256 of the text: "tune" (even) or "check" (odd). Tune the
    guard on the tune half's false alarms and misses only; the check half says whether the tuning generalises."""
    return "tune" if int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) % 2 == 0 else "check"


def _load_scan(tree: str) -> tuple[Callable[..., list[Any]], Any, str]:
    """scan() from <tree>/commands/phi, not from wherever the venv's editable install points."""
    tree = os.path.abspath(tree)
    sys.path.insert(0, tree)
    for mod in [m for m in sys.modules if m == "commands" or m.startswith("commands.")]:
        del sys.modules[mod]
    phi = importlib.import_module("commands.phi")
    where = os.path.abspath(phi.__file__ or "")
    if not where.startswith(tree + os.sep):
        raise SystemExit(f"commands.phi came from {where}, not from {tree}")
    return phi.scan, phi.Workspace, where


def _mark(text: str, findings: list[Any]) -> str:
    out, pos = [], 0
    for f in sorted(findings, key=lambda f: f.start):
        out.append(text[pos : f.start] + "[[" + text[f.start : f.end] + "]]")
        pos = f.end
    out.append(text[pos:])
    return "".join(out).replace("\n", " / ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tree", default=".", help="worktree whose commands/phi to score (default: cwd)")
    ap.add_argument("--all", action="store_true", help="also list the PHI texts that were refused")
    ap.add_argument("--roster", action="store_true", help="scan as a workspace whose people are the STAFF names")
    ap.add_argument(
        "--tune", action="store_true", help="list only the TUNE half's false alarms and misses (figures for both)"
    )
    args = ap.parse_args()
    guard, workspace_cls, where = _load_scan(args.tree)
    workspace = workspace_cls(people=frozenset(STAFF)) if args.roster else None

    def scan(text: str) -> list[Any]:
        return guard(text, workspace)

    def listed(text: str) -> bool:
        return not args.tune or half_of(text) == "tune"

    print(f"=== PMO false-alarm probe: guard from {where}{' (workspace roster: STAFF)' if args.roster else ''} ===")

    clean = clean_texts()
    refused: dict[str, list[tuple[str, str]]] = defaultdict(list)
    by_cat: Counter[str] = Counter()
    cat_total: Counter[str] = Counter()
    half_total: Counter[str] = Counter()
    half_refused: Counter[str] = Counter()
    n_refused = 0
    for cat, text in clean:
        cat_total[cat] += 1
        half = half_of(text)
        half_total[half] += 1
        found = scan(text)
        if found:
            n_refused += 1
            half_refused[half] += 1
            by_cat[cat] += 1
            if listed(text):
                refused["+".join(sorted({f.kind for f in found}))].append((cat, _mark(text, found)))
    print(f"\nClean PMO texts: {len(clean)}; refused {n_refused} -> FA rate {100 * n_refused / len(clean):.1f}%")
    for half in ("tune", "check"):
        n, r = half_total[half], half_refused[half]
        print(f"  {half} half: {n}; refused {r} -> FA rate {100 * r / max(n, 1):.1f}%")
    print("  by category: " + ", ".join(f"{c} {by_cat[c]}/{cat_total[c]}" for c in sorted(cat_total)))
    if args.tune:
        print("  (listing the tune half only)")
    for kinds in sorted(refused, key=lambda k: -len(refused[k])):
        print(f"\n  -- refused as {kinds} ({len(refused[kinds])})")
        for cat, marked in refused[kinds]:
            print(f"     [{cat}] {marked}")

    hit = 0
    right_kind = 0
    phi_total: Counter[str] = Counter()
    phi_hit: Counter[str] = Counter()
    missed: list[tuple[str, str]] = []
    caught: list[tuple[str, str]] = []
    for kind, text in PHI_FIXED:
        half = half_of(text)
        phi_total[half] += 1
        found = scan(text)
        if found:
            hit += 1
            phi_hit[half] += 1
            right_kind += any(f.kind == kind for f in found)
            if listed(text):
                caught.append((kind, _mark(text, found) + "  {" + ",".join(sorted({f.kind for f in found})) + "}"))
        elif listed(text):
            missed.append((kind, text.replace("\n", " / ")))
    n = len(PHI_FIXED)
    print(f"\nPMO texts with a patient identifier: {n}; refused {hit} -> recall {100 * hit / n:.1f}% "
          f"(expected kind among findings: {right_kind})")  # fmt: skip
    for half in ("tune", "check"):
        n, h = phi_total[half], phi_hit[half]
        print(f"  {half} half: {n}; refused {h} -> recall {100 * h / max(n, 1):.1f}%")
    for kind, text in missed:
        print(f"     MISSED [{kind}] {text}")
    if args.all:
        for kind, marked in caught:
            print(f"     refused [{kind}] {marked}")


if __name__ == "__main__":
    main()
