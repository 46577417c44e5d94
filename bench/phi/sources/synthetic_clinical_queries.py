import sys

sys.path.insert(0, ".")
from bench.phi.grow import append

Q = [
    (
        "0",
        "What is the latest treatment protocol for a 34-year-old female diagnosed with MS like Anna S., previously treated at Methodist Hospital on April 12, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "1000",
        "Guidelines for managing post-stroke rehabilitation in a 70-year-old male, James Smith, admitted to San Francisco General Hospital on July 10th, 2022, MRN: SF-98765432?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1001",
        "Management of hypertension in a 55-year-old female with a family history of myocardial infarction, patient name Susan Brown, last visit to the New York Presbyterian Hospital on April 12, 2023 (MRN: NYP-12345)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1002",
        "Treatment approach for a 40-year-old male with bipolar disorder, Jason Doe, recently seen at Mercy Clinic, California, with an appointment on January 5th, 2024 (MRN: CL-78910)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1004",
        "urgent tx recs for pt, male, 50yo, w/ hx of HTN & on lisinopril; pt John Doe, last visit at City Hospital, LA, on Feb 14, 2023. MRN #LA-987654.",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1005",
        "Current guidelines for managing COPD in a 65-year-old male, Richard Smith, patient at Cleveland Clinic, last appointment on March 10th, 2022 (MRN: CC-54321)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1006",
        "Guidelines for treating hypertension in a 60-year-old female, Mary Smith, who received care at Cedars-Sinai Medical Center on April 10th, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "1008",
        "Treatment protocol for a 55-year-old male with stage III colon cancer, seen by Dr. John White at Bellevue Hospital on August 21st, 2022 (MRN: 123456)?",
        ["admission-date", "mrn"],
    ),
    (
        "1009",
        "tx options for pt dx'd w/ gerd & dm, ref to Dr. Jane Perkins, treated at Stanford Med on 11/12/2021, SS# 987-65-4321.",
        ["admission-date", "ssn"],
    ),
    (
        "100",
        "What are the current treatment options for a 65-year-old male, John Smith, with BPH seen at Glenview Clinic on Dec 15, 2022 (MRN: 87342GH)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1011",
        "Management strategy for a 70-year-old male with atrial fibrillation, admitted to St. Mary's Hospital on May 15, 2023, under Dr. Anthony Smith (MRN: AF-112233)?",
        ["admission-date", "mrn"],
    ),
    (
        "1012",
        "What are the guidelines for treating hypertension in a 60-year-old female, Ann T., who visited our San Francisco clinic on 02/14/2024 (Insurance#: HBP-234987)?",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "1013",
        "Prognosis for a 55yo male with liver cirrhosis, John Smith, admitted at UCSF on September 10th, 2023 (Contact: 415-555-1234)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "1014",
        "Treatment options for a 30-year-old female diagnosed with lupus, seen at Cedar Sinai on March 8, 2022 (ID#: LUP-98765)?",
        ["admission-date", "mrn"],
    ),
    (
        "1015",
        "How to manage diabetes in an 80-year-old patient with a recent history of stroke, treated by Dr. Emily Clark at NYU Hospital on July 4th, 2023 (SSN: 987-65-4321)?",
        ["admission-date", "ssn"],
    ),
    (
        "1016",
        "Best blood pressure management strategies for a 60-year-old African American male, Richard H., recently admitted to St. Mary's Hospital on February 10th, 2024 (MRN: RH-446677)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1018",
        "counseling required for pt w/ hx of schizophrenia, seen by Dr. Rebecca L., at New Hope Clinic on Apr 24 2021, her insurance is HPN-987654.",
        ["admission-date", "plan-number"],
    ),
    (
        "1019",
        "Latest recommendations for anticoagulation therapy in a 70-year-old patient with atrial fibrillation, John S., post-operation at Cleveland Clinic on May 15th, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "101",
        "Guidelines for managing multiple sclerosis in a 34-year-old female, Maria L., admitted to St. John's Hospital on April 3, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "1021",
        "Current recommendations for anticoagulation in a 65-year-old female with atrial fibrillation, recently seen at St. Joseph's Hospital on Feb 15, 2023?",
        ["admission-date"],
    ),
    (
        "1022",
        "Options for managing chronic pain in a 54-year-old male patient, John Smith, who was admitted to our clinic in Chicago on April 10, 2022?",
        ["patient-name", "admission-date"],
    ),
    (
        "1023",
        "Best practices for treating hypertension in a 70-year-old patient, Robert L., with a history of renal insufficiency, as discussed in case notes from October 18, 2023 at Cedar Sinai Medical Center (MRN: 345-67-8901)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1024",
        "Updated asthma management guidelines for a 10-year-old female patient, Emily Clark, seen at the Children\u2019s Hospital in San Francisco last month?",
        ["patient-name"],
    ),
    (
        "1025",
        "Guidelines for prescribing statins to a 63-year-old male with a history of myocardial infarction, Mark Thompson, who visited Dr. Robertson at St. Mary's Clinic, New York on July 7, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "1026",
        "Current treatment options for late-stage Alzheimer's in a 75-year-old female, Mary P., residing in Houston, diagnosed on May 10th, 2024 (SSN: 123-45-6789)?",
        ["patient-name", "admission-date", "ssn"],
    ),
    (
        "1028",
        "rec for pt w/ hx of COPD & HTN, notes from Dr. A. Smith's clinic, admitted on Jan 15th 2023. concerned about rx interactions w/ new meds.",
        ["admission-date"],
    ),
    (
        "1029",
        "What are the side effects of atorvastatin in a 60-year-old male with a history of liver disease, John B., seen at Phoenix Medical Center on February 2nd, 2024 (Email: john.b@example.com)?",
        ["patient-name", "admission-date", "email"],
    ),
    (
        "1031",
        "Recommendations for managing hypertension in a 60-year-old male, Robert Smith (SSN: 123-45-6789), found unresponsive at 112 Elm Street, New York, NY on 04/15/2023?",
        ["patient-name", "ssn", "address", "admission-date"],
    ),
    (
        "1032",
        "Treatment guidelines for a case of chronic migraine in a 35-year-old female, patient Cindy L., referred by Dr. Anderson at Houston Healthcare on 01/09/2024?",
        ["patient-name", "admission-date"],
    ),
    (
        "1033",
        "Current protocol for managing a 50-year-old male with HCV, Scott T., registered at Bayview Medical Center, Baltimore, MD with an admission date of September 10th, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "1034",
        "Best practices for anticoagulation in an 80-year-old female, Eleanor M., currently residing at 789 Pine Street, San Francisco, CA with phone number 415-555-1234?",
        ["patient-name", "address", "phone"],
    ),
    (
        "1035",
        "Contraindications for warfarin in a 54yo male, John A., who was seen at Memorial Hospital, Los Angeles, CA on 07/21/2023, with MRN: 987654321?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1036",
        "Recommended treatment for a 54-year-old male, Robert Smith, who presented with a myocardial infarction on February 14th, 2023 at Cedars-Sinai Medical Center (MRN: RSM-909090)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1037",
        "guideline for antihypertensive med in pts w/ hx of T2DM, see case of Emily T. at NY Presbyterian visited on Dec 12th, 2022, (phone: 212-555-1234)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "1039",
        "Latest treatment protocol for a 30-year-old female, Lisa B., who underwent spinal surgery at Mass General on April 10th, 2023. Her insurance number is INS-987654.",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "103",
        "side efects of atorvastatin in pt w/ hx of TIA? case reviewed by Dr. Emily P. at our Seattle office on 05/08/2023, ref. code: EM-2554.",
        ["admission-date", "mrn"],
    ),
    (
        "1040",
        "contraindications for prescribing warfarin in pt w/ hx of afib, ref. case of John D., treated at Stanford on Nov 3, 2022, email johndoe@hospital.org?",
        ["patient-name", "admission-date", "email"],
    ),
    (
        "1041",
        "Best practices for treating MRSA in a 32-year-old male, John Smith, admitted to NYU Langone on April 12, 2023 (MRN: NY-987654)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1042",
        "Guidelines for DKA management in a 24-year-old patient, Emily R., last seen at UCSF on January 22nd, 2023 (SSN: 123-45-6789)?",
        ["patient-name", "admission-date", "ssn"],
    ),
    (
        "1043",
        "Updated treatment protocols for COPD in a 70-year-old patient, Michael Lee, treated at Cleveland Clinic in January 2024 (phone: 216-555-1234)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "1044",
        "Effective pain management strategies for a 58-year-old female patient, Sarah T., post knee replacement surgery at MD Anderson on 3/15/23?",
        ["patient-name", "admission-date"],
    ),
    (
        "1045",
        "Diagnosis and treatment options for a 47-year-old male, Peter Williams, with chronic pancreatitis seen at Cedars-Sinai on 5/11/2022 (email: peter.williams@example.com)?",
        ["patient-name", "admission-date", "email"],
    ),
    (
        "1046",
        "Guidance on post-operative care for a 59yo female, Emily Carter, who underwent knee replacement surgery at Memorial Hospital on April 12th, 2023. Her insurance number is AB-654321.",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "1047",
        "Contraindications for prescribing lithium to a 35-year-old male diagnosed with bipolar disorder, Peter Johnson, treated at St. Mary's Clinic on October 15th, 2022 (MRN: PJ-112233).",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "1048",
        "Latest treatment protocols for a 72yo male, Johnathan Lee, diagnosed with COPD, currently residing at Greenfield Senior Center, seen on September 9th, 2023.",
        ["patient-name", "admission-date"],
    ),
    (
        "1049",
        "What are the potential side effects of statins in a 66yo female patient, Linda R., who visited our practice in Dallas on July 14th, 2023 (Contact: 214-555-6789)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "1050",
        "Management steps for a 50-year-old female, Maria Thompson, diagnosed with rheumatoid arthritis, currently a patient at Coastal Health Clinic (Patient ID: MTH-987654) since May 5th, 2021.",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "105",
        '"Treatment options for a 52-year-old female with a recurrent UTI, patient name Maria Johnson, seen at St. Mary\'s Clinic on April 20th, 2023 (MRN: SM-987654)?"',
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "106",
        '"Contraindications for prescribing lisinopril to a 60-year-old male with a history of heart disease, James K., visit date March 15, 2022, at Houston Memorial."',
        ["patient-name", "admission-date"],
    ),
    (
        "107",
        '"Latest CDC guidelines for treating Hepatitis C in a 33-year-old pregnant woman, referred by Dr. Anna Smith, appointment on August 8, 2021."',
        ["admission-date"],
    ),
    (
        "108",
        '"Best practices in managing chronic pain for a 45-year-old male veteran, name Robert L., presenting at Chicago VA on Sept 1st, 2023."',
        ["patient-name", "admission-date"],
    ),
    (
        "109",
        '"Recommendations for a 29-year-old female with Type 1 Diabetes, Samantha P., treated at Bellevue Hospital on December 12th, 2022 (MRN: BH-112233)?"',
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "10",
        "Management guidelines for a 62-year-old male with newly diagnosed COPD, Robert S., who visited our New York clinic on September 10, 2023 (MRN: 112-45-789)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "110",
        "Current treatment guidelines for a 70yo male with atrial fibrillation and a recent stroke, patient name Robert L., admitted at UCLA Medical Center on December 15th, 2023.",
        ["patient-name", "admission-date"],
    ),
    (
        "112",
        "Contraindications for starting Eliquis in a 63yo male with a history of GI bleeding, John Smith, from San Francisco, CA, on July 20th, 2023.",
        ["patient-name", "admission-date"],
    ),
    (
        "114",
        "mgmt of pt w/ hx of COPD, diabetes, and HTN, Richard K., follow-up scheduled at Johns Hopkins on Aug 10, '23, MRN: 123-456-789.",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "115",
        "Current treatment guidelines for a 60-year-old female with rheumatoid arthritis, diagnosed in San Francisco on January 12th, 2023, managed by Dr. Emily T.?",
        ["admission-date"],
    ),
    (
        "117",
        "rec mgmt for pt w/ hx of CHF, last seen by Dr. Nathan S. at Houston Clinic on 4/22/22. considering adding spironolactone, pt has ins plan #R-987654.",
        ["admission-date", "plan-number"],
    ),
    (
        "118",
        "Indications for starting anticoagulation in a 55-year-old male patient, Sam L., with atrial fibrillation, followed at Bellevue Clinic, seen on July 15th, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "11",
        "Contraindications for prescribing aspirin to a patient with a history of GI bleeding, specifically for Mary Johnson, seen at New Orleans Health Center on April 24th, 2022?",
        ["patient-name", "admission-date"],
    ),
    (
        "120",
        "What are the treatment options for a 12-year-old boy named Tommy R. with newly diagnosed type 1 diabetes, who was admitted to St. Francis Hospital on January 15th, 2024?",
        ["patient-name", "admission-date"],
    ),
    (
        "121",
        "Appropriate antibiotic therapy for a 30-year-old female with a history of MRSA, Maria A., treated in Cedars-Sinai ER on 04/22/2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "122",
        "Updated COPD management guidelines for 65-year-old male, Jack B., who has been taking Spiriva and was seen at Mayo Clinic in Rochester, MN on July 20th, 2022 (insurance ID: 789456123)?",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "123",
        "Recommendations for managing a 22-year-old female with epilepsy, Lisa M., treated at Bellevue Hospital on Feb 10th, 2023, considering her recent EEG results?",
        ["patient-name", "admission-date"],
    ),
    (
        "124",
        "Safety and efficacy of using Xarelto in a 50-year-old male patient, Mr. Alan K., with atrial fibrillation who was last seen at Cleveland Clinic on March 15th, 2021?",
        ["patient-name", "admission-date"],
    ),
    (
        "125",
        "Management of a 55-year-old female with chronic atrial fibrillation, seen by Dr. Smith at Cedars-Sinai, Los Angeles on August 12th, 2023 (MRN: 123-456-789)?",
        ["admission-date", "mrn"],
    ),
    (
        "127",
        "alternative antibiotics for pt w/ MRSA, seen by Dr. Adams at Chicago Med, 2/14/2022, due to allergy to vancomycin (SSN: 987-65-4321)?",
        ["admission-date", "ssn"],
    ),
    (
        "129",
        "Latest treatment options for a 70-year-old male with metastatic prostate cancer, initially diagnosed by Dr. Nguyen at UCSF on March 15th, 2023 (Medical record: P12345678)?",
        ["admission-date", "mrn"],
    ),
    (
        "12",
        "Effectiveness of esomeprazole 40 mg daily for GERD in a 55-year-old with chronic kidney disease, referred by Dr. Sarah P. from Chicago on August 19, 2023 (Email: sarah.p@medsite.com)?",
        ["admission-date"],
    ),
    (
        "130",
        "What are the latest treatment options for stage 4 non-small cell lung cancer in a 67-year-old male, Michael Thompson, who was admitted to New York Presbyterian Hospital on February 10th, 2023, with MRN 12345-NYP?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "131",
        "Management strategies for atrial fibrillation in a 75-year-old female named Betty J. with MRN B-987654, who presented at Cedar Sinai on 11/15/2022?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "133",
        "concern about rx of warfarin in a 56yo pt named Daniel Cruz, seen at Brigham & Women\u2019s on 08/22, with MRN DX-54321. hx of DVT.",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "134",
        "What is the 5-year survival rate for a 70-year-old female with metastatic ovarian cancer, Patricia Lee, treated at UCSF on 2021-09-30 under MRN UCSF-20210930-567?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "135",
        "Contraindications for prescribing rivaroxaban in a 69-year-old male, John Smith, admitted to City Hospital on April 14, 2022 (MRN: 12345)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "136",
        "Current management strategies for atrial fibrillation in a 75-year-old female named Jane A. Doe, seen at St. Mary's Clinic on May 10, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "137",
        "rec. mammo guidelines for 52yo female w/ fam hx of breast ca, pt name Mary W., seen at Lakeside Clinic on Jul 21st 2021.",
        ["patient-name", "admission-date"],
    ),
    (
        "139",
        "How does treatment outcome compare for 60yo male, Jack Thompson, dx'd with stage III lung cancer at Riverfield Medical Center on Sep 15, 2020, versus standard care protocols?",
        ["patient-name", "admission-date"],
    ),
    (
        "13",
        "Latest CDC guidelines for managing hypertension in a 70-year-old African American male, James T., who presented to our Dallas facility on March 15th, 2022?",
        ["patient-name", "admission-date"],
    ),
    (
        "140",
        "What are the treatment options for a 60-year-old male diagnosed with stage 3 colon cancer, John Smith, who was admitted to Cedars-Sinai on March 12, 2023 (MRN: CS-987654)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "141",
        "What are the risks of using warfarin in an 82-year-old female patient, Mary Johnson, who visited our Dallas clinic on February 25th, 2024, with a history of atrial fibrillation (SSN: 123-45-6789)?",
        ["patient-name", "admission-date", "ssn"],
    ),
    (
        "143",
        "Metoprolol dosage for pt w/ CHF, pts name Bob Williams, tx'd at St. Luke's Hospital on Jan 8th 2023. Ins. policy #BC-654321.",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "144",
        "Current best practices for managing a 47-year-old male with persistent depressive disorder, Jack Taylor, who was seen at the Chicago downtown clinic on December 15, 2022 (phone: 312-555-1234)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "145",
        "Management of hypertension for a 72-year-old patient, John Smith, last seen at St. Mary's Clinic on April 12th, 2023, with MRN 123-45-6789?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "146",
        "What are the guidelines for anticoagulation in atrial fibrillation patients like Jane Doe, seen at the NYC Health Center on December 1st, 2022?",
        ["patient-name", "admission-date"],
    ),
    (
        "147",
        "Recommended treatment for a 5-year-old child named Michael B., referred to Boston Children's Hospital on May 15th, 2023, with MRN 987-65-4321?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "148",
        "How to manage chronic kidney disease in a 60-year-old female, Patricia W., from Houston, with an appointment at Texas Medical Center on July 9th, 2021?",
        ["patient-name", "admission-date"],
    ),
    (
        "149",
        "What are the side effects of chemotherapy for an 8-year-old girl called Emma R., treated at Children\u2019s Clinic on March 20th, 2023, with MRN CC-456789?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "14",
        "Are there any known interactions between fluoxetine and gabapentin in a patient based on case reports, especially considering John D., admitted to Stanford Hospital on January 8, 2023 (MRN: ST-998877)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "150",
        "What are the treatment options for a 69-year-old male with Stage III Non-Hodgkin lymphoma, John Smith, admitted at St. Mary's Hospital on April 10, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "151",
        "Appropriate antibiotic therapy for a 5-year-old female with pneumonia, Mary Johnson, residing in Springfield, diagnosed on February 7th, 2022?",
        ["patient-name", "admission-date"],
    ),
    (
        "153",
        "Patient with hx of GERD, Barrett's esophagus. Recommendations for follow-up after endoscopy carried out on 09/12/2023 at Johns Hopkins?",
        ["admission-date"],
    ),
    (
        "154",
        "Dosage adjustment guidelines for warfarin in a 72-year-old male, David L., who was seen at the Dallas Clinic on October 21, 2023, with a high INR?",
        ["patient-name", "admission-date"],
    ),
    (
        "155",
        "Current treatment options for a 60-year-old male with advanced prostate cancer, James Smith, who was admitted to Johns Hopkins Hospital on April 12, 2023 (SSN: 123-45-6789)?",
        ["patient-name", "admission-date", "ssn"],
    ),
    (
        "157",
        "best mgmt for pt w/ hx of HTN & COPD, refer to notes for Lisa W., treated at Cedar Sinai on Jan 10th 2022. concerns about drug-drug interactions. her contact is (555) 678-1234.",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "158",
        "Latest ACC/AHA guidelines for anticoagulation management in a patient with atrial fibrillation, Mr. John Williams, who was evaluated at Mount Sinai Hospital on Sept 15th, 2023. His insurance ID is ABC-987654.",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "15",
        "What are the latest treatment options for a 60-year-old male with stage IV lung cancer, John Smith, who was admitted to NY Presbyterian Hospital on January 10th, 2023, under MRN 12345-JS?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "160",
        "Latest treatment recommendations for a 52-year-old female with chronic migraines, scheduled for review by Dr. Emily Clark at St. Mary's Hospital on April 22, 2023.",
        ["admission-date"],
    ),
    (
        "500",
        "Recommendations for treating heart failure in a 63-year-old male, Jake Thompson, who was admitted to Cedar Sinai on April 12th, 2023 with an EF of 30% (contact: 555-123-4567)?",
        ["patient-name", "admission-date", "phone"],
    ),
    (
        "501",
        "Tx options for pt s/p acute MI & T2DM, admitted to NewYork-Presbyterian on Sep 9, 2024. Patient: John H. MRN: 678-90-1234.",
        ["admission-date", "patient-name", "mrn"],
    ),
    (
        "503",
        "Management recommendations for a 52yo male with newly diagnosed HTN, David K., seen at St. Mary's Health on Jan 15th 2023? Patient's email: david.k@example.com",
        ["patient-name", "admission-date", "email"],
    ),
    (
        "504",
        "Prognosis for a 67yo female pt w/ CHF, Dianne L., who had a cardiac arrest on Feb 10th 2021 at Rush University Medical Center. Insurance number: HPN-987654321.",
        ["patient-name", "admission-date", "plan-number"],
    ),
    (
        "505",
        "What are the latest treatment options for a 58-year-old male with recurrent glioblastoma, John Smith, who was first diagnosed at the Cleveland Clinic on September 15, 2023?",
        ["patient-name", "admission-date"],
    ),
    (
        "507",
        "Management guidelines for a 29-year-old female patient with type 1 diabetes, patient ID 987654, diagnosed at Johns Hopkins Hospital on March 3, 2019.",
        ["mrn", "admission-date"],
    ),
    (
        "508",
        "Recommendations for post-operative care for a 55-year-old male recovering from knee replacement surgery, operated at Boston Medical Center by Dr. Thomas K. on July 21st, 2022?",
        ["admission-date"],
    ),
    (
        "509",
        "Current best practices for managing a 47-year-old female with a history of melanoma, associated with IP address 192.168.1.1, last seen in the dermatology department on October 10th, 2021.",
        ["ip-address", "admission-date"],
    ),
    (
        "510",
        "What is the appropriate dosage of Lisinopril for a 64-year-old patient, Robert L., treated at St. Vincent's Hospital on April 12, 2023 (MRN: S12458-93)?",
        ["patient-name", "admission-date", "mrn"],
    ),
    (
        "511",
        "Best practices for managing A-fib in a 73yo female, Mary Jones, treated at Cedar Sinai, particularly after her event on 07-15-2023. Her HMO ID is 5678-2345-4321.",
        ["patient-name", "admission-date", "plan-number"],
    ),
]
items = []
for qid, text, kinds in Q:
    items.append(
        {
            "id": f"synthetic-clinical-queries-{int(qid):04d}",
            "source": "synthetic-clinical-queries",
            "text": text,
            "kinds": sorted(kinds),
            "provenance": {
                "repo": "JamesWeatherhead/synthetic-clinical-queries",
                "path": f"data/AWS-Comprehend-Medical-DetectPHI/threshold_0.0/Positive_PHI/query_{qid}_trace.json",
                "commit": "c53696885a282def3e7e284c734b0fb8731f4837",
                "licence": "public repository (synthetic clinicians' queries with ground-truth PHI)",
                "note": "original_query; kinds from ground_truth_phi (hospital names not counted; a Dr.'s name not counted as a patient's name)",
            },
        }
    )
print(append("phi", items))
