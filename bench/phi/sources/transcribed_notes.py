import json

CDP = "mlei06/Clinical-Deidentification-Playground"
DS = {
    "repo": CDP,
    "path": "data/corpora/discharge_summaries/corpus.jsonl",
    "commit": "277b82b18c9479a46b28e12b1a019323530e70dc",
    "licence": "no licence file seen; public repository; synthetic notes",
    "note": "the note's original_text (synthetic note with made-up identifiers), labelled by the file's original_spans",
}
PN = {
    "repo": CDP,
    "path": "datasets/physionet-brat-remapped.data.jsonl",
    "commit": "7e3308b53d09e99963e69875f3e811944ce5699c",
    "licence": "PhysioNet deid nursing notes (surrogate PHI), ODbL per PhysioNet",
    "note": "one sentence per note holding an annotated DATE span; clinician-name spans not counted",
}
items = [
    (
        "discharge-summaries-corpus-01",
        DS,
        "DISCHARGE SUMMARY\n\nPatient: John Miller\nDOB: 03/14/1958\nMRN: 4827193\nAdmitted: 04/12/2025\nDischarged: 04/19/2025\nAttending: Dr. Sarah Chen\n\nMr. Miller is a 67-year-old male admitted to Duke University Hospital on\nApril 12, 2025 with chest pain and shortness of breath. Past medical history\nsignificant for hypertension, type 2 diabetes, and CAD. Wife Linda was at\nbedside throughout admission.\n\nDischarge disposition: home with home health.\nFollow-up scheduled with Dr. Chen on 4/26/2025.\nPatient may be reached at (919) 555-0142 or john.miller58@email.com.",
        ["patient-name", "date-of-birth", "mrn", "admission-date", "phone", "email"],
    ),
    (
        "discharge-summaries-corpus-02",
        DS,
        "PROGRESS NOTE \u2014 2025-04-22\n\nPatient Aoife O'Sullivan, 42F, presents to clinic for follow-up of recently\ndiagnosed sarcoidosis. Seen by Dr. Tomasz Rzepecki in pulmonology last\nThursday. Patient lives at 2847 Hillsborough Rd, Apt 3B, Durham NC 27705.\nHusband Eamon called the front desk on 4/21 with concerns about new\nshortness of breath.\n\nCurrently on prednisone 40mg daily. CBC drawn this AM, CMP pending.\nPatient's mother Siobhan was diagnosed with the same condition in 1994 at\nage 38. Family history otherwise non-contributory.\n\nPlan: continue current regimen, follow-up in 2 weeks. Patient reachable at\n9195551763.",
        ["admission-date", "patient-name", "address", "phone"],
    ),
    (
        "discharge-summaries-corpus-03",
        DS,
        "NURSING NOTE 0730\n\nPt seen this AM for am care. Roberts continues to do well post-op day 3.\nStates pain controlled with PCA, last bolus at 0612. Daughter (Margaret\nRoberts-Hennessy) at bedside, stayed overnight. Spouse Henry called the\nunit at 0445 from work and will visit this afternoon after his shift at\nWakeMed Cary ends.\n\nVitals stable: BP 128/76, HR 82, T 98.4, RR 16, SpO2 97% RA. Incision C/D/I.\nFoley draining clear yellow urine. Bowel sounds present in all 4 quads.\nTolerating clear liquids \u2014 advanced to soft diet at breakfast per Dr.\nOkonkwo's order yesterday.\n\nPT eval scheduled with Janet today; case management contacted re: discharge\nplanning, likely going home Friday with VNA. Insurance auth pending \u2014 see\nnote from Maria in case mgmt dated 4/21/25.\n\nHospital ID: WMH-2847-0419-A. Pager 919-555-0287. Email update sent to\nattending at j.okonkwo@hospital.org.",
        ["patient-name", "mrn"],
    ),
    (
        "discharge-summaries-corpus-05",
        DS,
        "HISTORY & PHYSICAL (EXCERPT)\n\nAdmitting: Dr. L. Fern\u00e1ndez for internal medicine. Patient: Mateo\nVillanueva, 55 M, MRN 7738401, SS# ***-**-4102 (verified from chart).\n\nHistory obtained from patient and daughter Rosa Villanueva (mobile\n704-555-0098, same household). Allergies: penicillin (rash). Home meds\nreviewed with patient; furosemide dose confirmed.\n\nSocial: retired electrician, 1 ppd x30y (quit 2019), occasional ETOH. Lives\nat 1200 Oak St, Unit 5, Charlotte NC 28202.",
        ["patient-name", "mrn", "phone", "address"],
    ),
    (
        "discharge-summaries-corpus-06",
        DS,
        "MEDICATION RECONCILIATION \u2014 PRE-OP\n\nVerified with patient: metformin 1000mg BID, lisinopril 10mg daily,\natorvastatin 40mg QHS. Stopped: aspirin per cardiology (Dr. S. Okafor,\nfaxed 4/10/25).\n\nPharmacy on file: MedStar Pharmacy, 100 Trade St, Raleigh; phone\n984-555-1200. Secondary insurance card on file, member ID ZZ8849302.\n\nPre-op call sheet lists emergency contact: brother Paolo Ricci, email\np.ricci77@proton.me, best number 252-555-4401.",
        ["admission-date", "plan-number", "patient-name", "email", "phone"],
    ),
    (
        "physionet-brat-note-1015",
        PN,
        "Pt had 1st XRT 10/29. 10/30 pt noted to have ^ weakness, unable to use walker, slurred speech.",
        ["admission-date"],
    ),
    (
        "physionet-brat-note-1017",
        PN,
        "Pts BP labile since 1400 on 10/31 until midnight received 2450cc of NS boluses to maintain BP.",
        ["admission-date"],
    ),
    (
        "physionet-brat-note-1026",
        PN,
        "Neuro: Pt unreponsive, Moves all extremeties on bed. Pupils pearl, and brisk to react. Head CT done on 11/4, poor results due to movement, possible redo...someday.",
        ["admission-date"],
    ),
]
src = {"discharge-summaries-corpus": "synthetic-discharge-summaries", "physionet-brat-note": "physionet-deid-brat"}
with open("/tmp/phi2tx/phi_tx.jsonl", "w") as f:
    for iid, prov, text, kinds in items:
        s = next(v for k, v in src.items() if iid.startswith(k))
        f.write(
            json.dumps(
                {"id": iid, "source": s, "text": text, "kinds": sorted(set(kinds)), "provenance": prov},
                ensure_ascii=False,
            )
            + "\n"
        )
