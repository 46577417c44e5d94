"""Append more PhysioNet deid nursing-note sentences and one public synthetic record (transcribed from the stored
repository copies), labelled by hand by kind: a relative's name after a kinship word, a date of care.
Run from the repository root: python bench/phi/sources/physionet_more.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

_PN = {
    "repo": "pisces7lning/deid2021",
    "path": "id.text",
    "commit": "e8fa125aa5343501612365abbbc912442a39091b",
    "licence": "PhysioNet deid 1.1 gold-standard corpus id.text (surrogate PHI); GPL software package",
    "note": "one sentence of a note in the 16,000 characters from offset 200000, labelled by hand",
}
ITEMS = [
    {
        "id": "physionet-deid-nursing-notes-101",
        "source": "physionet-deid-nursing-notes",
        "text": "Soc: Has 2 children, all visiting , daughter Veronica will be spokesperson, Phone #'s on blue chart.",
        "kinds": ["patient-name"],
        "provenance": _PN,
    },
    {
        "id": "physionet-deid-nursing-notes-102",
        "source": "physionet-deid-nursing-notes",
        "text": "PT HAS 5 CHILDREN, LIVES W/ DAUGHTER VERONICA WHO IS PROXY.",
        "kinds": ["patient-name"],
        "provenance": _PN,
    },
    {
        "id": "physionet-deid-nursing-notes-103",
        "source": "physionet-deid-nursing-notes",
        "text": "Pt went to cath lab on 10/13 found to have 2 vessel disease, the LAD 80% occ at D1 and RCA 90% occ at PDA and PLB.",
        "kinds": ["admission-date"],
        "provenance": _PN,
    },
    {
        "id": "medvault-sample-record-001",
        "source": "synthetic-medical-record-fixture",
        "text": "Patient Information:\nPatient Name: John Michael Doe\nDate of Birth: 01/15/1980\nSex: Male\n"
        "Address: 123 Main Street\nCity: Springfield\nState: IL\nZip Code: 62701\nPhone: (555) 123-4567\n\n"
        "Insurance Information:\nInsurance Company: Blue Cross Blue Shield\nPolicy Number: ABC123456789\n"
        "Group Number: GRP001234\nSubscriber: Self",
        "kinds": ["address", "date-of-birth", "patient-name", "phone", "plan-number"],
        "provenance": {
            "repo": "12-crypto/Medvault-AI-Agent",
            "path": "tests/fixtures/sample_medical_record.py",
            "licence": "public repository (synthetic test fixture)",
            "note": "the record's patient and insurance sections",
        },
    },
]

if __name__ == "__main__":
    print(append("phi", ITEMS))
