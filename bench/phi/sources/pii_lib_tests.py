"""Grow the identifier set from the test suites and example data of PII/de-identification libraries other than
presidio: DataFog (its detection-accuracy corpus and regex tests), scrubadub (its detector tests), redact-pii (its
Jest tests and manual test script), pii-codex (its service tests) and the READMEs of @redactpii/node and
openredaction.

    python bench/phi/sources/pii_lib_tests.py

Texts are transcribed as the files hold them (a test that formats a template keeps the package's own wrapper, e.g.
scrubadub's 'this is a {} test string'). Only sentences whose identifier belongs to a person are kept: an
organisation's mailbox, a server's address, a bank's account or a bare value with no words around it is left out.
Kinds are the guard's names for the package's own labels (credit-card and account numbers -> plan-number, a DOB ->
date-of-birth, a visit date -> admission-date); person names count as patient-name only when the text says the
person is a patient. Each item's group is the test function, or the sentence shape when one test fills a template
with several values, so all fills of a shape land on one side of the dev/report split.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

DF = "DataFog/datafog-python"
PROV = {
    "df-structured": {
        "repo": DF,
        "path": "tests/corpus/structured_pii.json",
        "commit": "1957f7726e3fa35b40ae17c645961b2b86a6646e",
        "licence": "MIT",
    },
    "df-mixed": {
        "repo": DF,
        "path": "tests/corpus/mixed_pii.json",
        "commit": "1502e0a454cf9fff7be8d86fabb5a7386240a7f0",
        "licence": "MIT",
    },
    "df-sdist": {"package": "datafog==4.9.0 (PyPI sdist)", "path": "tests/test_regex_annotator.py", "licence": "MIT"},
    "df-sdist-main": {"package": "datafog==4.9.0 (PyPI sdist)", "path": "tests/test_main.py", "licence": "MIT"},
    "sb-dob": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_detector_date_of_birth.py",
        "commit": "1254d3a55e3f51ceeb8eff4e6e721a23977539fb",
        "licence": "MIT",
    },
    "sb-phone": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_phone_numbers.py",
        "commit": "1fbb132d204a906599588d15b11042b2e2c967c9",
        "licence": "MIT",
    },
    "sb-email": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_emails.py",
        "commit": "2fe09286f22aa07b7f6863ebdc963cba7a78932a",
        "licence": "MIT",
    },
    "sb-ssn": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_detector_en_US_ssn.py",
        "commit": "feba8255325dd9170f2e72cee863beaaa63ac6ac",
        "licence": "MIT",
    },
    "sb-cc": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_detector_credit_card.py",
        "commit": "02a2893c49247ea128f81f07e1cb8fb38acace25",
        "licence": "MIT",
    },
    "sb-scrubbers": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_scrubbers.py",
        "commit": "06936be6bd79f5268ffb7967b782b484009cb5eb",
        "licence": "MIT",
    },
    "sb-address": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_detector_address.py",
        "commit": "0c9b0ed72f7952ae1605dd6682cd95a629847668",
        "licence": "MIT",
    },
    "sb-postcode": {
        "repo": "LeapBeyond/scrubadub",
        "path": "tests/test_detector_postal_codes.py",
        "commit": "0391b802d3ae771237f38f17538f8699dddec1af",
        "licence": "MIT",
    },
    "rp-jest": {
        "repo": "solvvy/redact-pii",
        "path": "test/redactor.test.ts",
        "commit": "16770d38bf88717e083357b393bd9d741f86fd94",
        "licence": "MIT",
    },
    "rp-script": {"package": "redact-pii@3.4.0 (npm)", "path": "test-new.js", "licence": "MIT"},
    "pc-analysis": {
        "package": "pii-codex==0.6.1 (PyPI sdist)",
        "path": "tests/pii_codex/services/test_analysis_service.py",
        "licence": "BSD-3-Clause",
    },
    "pc-detection": {
        "package": "pii-codex==0.6.1 (PyPI sdist)",
        "path": "tests/pii_codex/services/test_detection_service.py",
        "licence": "BSD-3-Clause",
    },
    "pc-azure": {
        "package": "pii-codex==0.6.1 (PyPI sdist)",
        "path": "tests/pii_codex/services/adapters/detection_adapters/test_azure_detection_adapter.py",
        "licence": "BSD-3-Clause",
    },
    "rpn-readme": {"package": "@redactpii/node@1.0.17 (npm)", "path": "README.md", "licence": "MIT"},
    "or-readme": {"package": "openredaction@1.1.5 (npm)", "path": "README.md", "licence": "see package.json"},
}
SOURCE = {
    "df": "datafog-tests",
    "sb": "scrubadub-tests",
    "rp": "redact-pii-tests",
    "pc": "pii-codex-tests",
    "rpn": "redactpii-node-readme",
    "or": "openredaction-readme",
}

# (provenance key, group: test case / function / sentence shape, text, kinds)
ITEMS: list[tuple[str, str, str, list[str]]] = [
    # --- DataFog: tests/corpus/*.json, one case per "id" -------------------------------------------------------
    ("df-structured", "email-plus-addressing", "Send to john.doe+tag@company.co.uk please.", ["email"]),
    ("df-structured", "email-uppercase", "Inbox owner: JANE.DOE@EXAMPLE.ORG", ["email"]),
    ("df-structured", "email-international-tld", "Reach mario@azienda.italia today.", ["email"]),
    ("df-structured", "email-two-values", "Primary alpha@x.com secondary beta@y.net", ["email"]),
    ("df-structured", "phone-us-parentheses", "Call me at (555) 123-4567 tomorrow.", ["phone"]),
    ("df-structured", "phone-country-code", "Emergency +1-555-123-4567 now.", ["phone"]),
    ("df-structured", "ssn-standard", "Employee SSN is 123-45-6789 on file.", ["ssn"]),
    ("df-structured", "ssn-second-valid", "Backup SSN 987-65-4321 recorded.", ["ssn"]),
    ("df-structured", "ssn-embedded", "SSN:123-45-6789;DOB:1990-01-01", ["ssn", "date-of-birth"]),
    ("df-structured", "cc-card-approved", "Card 4111111111111111 approved.", ["plan-number"]),
    ("df-structured", "cc-card-approved", "Card 5500000000000004 approved.", ["plan-number"]),
    ("df-structured", "cc-card-approved", "Card 340000000000009 approved.", ["plan-number"]),
    ("df-structured", "cc-card-approved", "Card 4111 1111 1111 1111 approved.", ["plan-number"]),
    ("df-structured", "cc-card-approved", "Card 5500-0000-0000-0004 approved.", ["plan-number"]),
    ("df-structured", "cc-card-approved", "Card 3400-000000-00009 approved.", ["plan-number"]),
    ("df-structured", "cc-two-values", "Cards 4111111111111111 and 5500000000000004", ["plan-number"]),
    ("df-structured", "date-us", "DOB 03/15/1989 recorded.", ["date-of-birth"]),
    (
        "df-mixed",
        "clinical-note",
        (
            "Patient Emily Johnson, DOB 03/15/1989, MRN 00987654. Email: emily.j@hospital.org. "
            "Primary physician: Dr. Robert Chen at (415) 555-0198."
        ),
        ["patient-name", "date-of-birth", "mrn", "email"],
    ),
    (
        "df-mixed",
        "support-ticket",
        "Ticket from John Miller <john.miller@acme.com> says account 4111 1111 1111 1111 was charged twice.",
        ["email", "plan-number"],
    ),
    (
        "df-mixed",
        "hr-record",
        "Employee: Priya Nair, SSN 123-45-6789, phone 555-222-3333, office Seattle.",
        ["ssn", "phone"],
    ),
    (
        "df-mixed",
        "incident-log",
        "Alert: login by maria@corp.io from 203.0.113.10 at 2025-08-09.",
        ["email", "ip-address"],
    ),
    (
        "df-mixed",
        "json-payload",
        '{"name":"Leo Wang","email":"leo@sample.dev","phone":"(212) 555-0100"}',
        ["email", "phone"],
    ),
    ("df-mixed", "code-comment", "# Contact Sarah Connor at sarah.connor@example.net before deploy", ["email"]),
    ("df-mixed", "markdown-row", "| Owner | Email |\n| Nina Patel | nina@co.com |", ["email"]),
    ("df-mixed", "ops-page", "Pager duty: Mike Ross, +1-555-777-8888, mike.ross@firm.com", ["phone", "email"]),
    (
        "df-mixed",
        "medical-summary",
        "Attending: Dr. Ana Silva, visit date 2023-07-12, call 555.111.2222.",
        ["admission-date", "phone"],
    ),
    ("df-mixed", "customer-chat", "Hi, I'm Kevin from Denver. Reach me at kevin@chat.io", ["email"]),
    ("df-mixed", "passport-log", "Traveler Omar Aziz, passport X1234567, phone 5551234567.", ["phone"]),
    (
        "df-mixed",
        "chat-transcript",
        "User Laura sent from IP 10.0.0.2 and email laura@domain.ai",
        ["ip-address", "email"],
    ),
    ("df-mixed", "ops-json", '{"owner":"Raj Mehta","ssn":"111-22-3333"}', ["ssn"]),
    ("df-mixed", "compliance", "Record for Maria Lopez born March 15, 1989 in Madrid.", ["date-of-birth"]),
    (
        "df-mixed",
        "two-contacts",
        "Contacts: Tim Cook tim@apple.com; Satya Nadella satya@microsoft.com",
        ["email"],
    ),
    ("df-mixed", "server-audit", "Node 172.16.0.4 owned by Jane Doe, ticket janedoe@ops.org", ["email"]),
    (
        "df-mixed",
        "lab-order",
        "Order by Dr. Wei Zhang, patient ID 778899, callback (646) 555-9988",
        ["mrn", "phone"],
    ),
    # DataFog sdist tests
    (
        "df-sdist",
        "sample_text",
        (
            "Contact John Doe at john.doe@example.com or call (555) 123-4567. His SSN is 123-45-6789 and credit card "
            "4111111111111111. He lives at 123 Main St, New York, NY 10001. His IP address is 192.168.1.1 and his "
            "birthday is 01/01/1980."
        ),
        ["email", "phone", "ssn", "plan-number", "address", "ip-address", "date-of-birth"],
    ),
    (
        "df-sdist",
        "test_annotation_result_format",
        "Contact John at john@example.com or 555-123-4567. SSN: 123-45-6789.",
        ["email", "phone", "ssn"],
    ),
    (
        "df-sdist-main",
        "test_lean_datafog_detect",
        "Contact john@example.com or call (555) 123-4567",
        ["email", "phone"],
    ),
    # --- scrubadub: tests/*.py, the BEFORE lines of the docstrings and the texts the tests build ------------------
    ("sb-dob", "test_DoB_1", "My date of birth is 17/06/1976.", ["date-of-birth"]),
    ("sb-dob", "test_DoB_2", "I was born 15th June 1991", ["date-of-birth"]),
    ("sb-dob", "test_DoB_3", "DOB: 02.12.1979", ["date-of-birth"]),
    ("sb-dob", "test_DoB_4", "The claimant's, d.o.b. is 4 June 1976", ["date-of-birth"]),
    ("sb-dob", "test_DoB_5", "1985-01-01 is my birthday.", ["date-of-birth"]),
    *[
        ("sb-phone", "create_docstring", f"My phone number is {p}", ["phone"])
        for p in (
            "1-312-515-2239",
            "+1-312-515-2239",
            "1 (312) 515-2239",
            "312-515-2239",
            "(312) 515-2239",
            "(312)515-2239",
            "312-515-2239 x12",
            "312-515-2239 ext. 12",
            "312-515-2239 ext.12",
            "+47 21 30 85 99",
            "+45 69 19 88 56",
            "+46 852 503 499",
            "+31 619 837 236",
            "+86 135 3727 4136",
            "+61267881324",
        )
    ],
    (
        "sb-phone",
        "test_multiple_phone_numbers",
        "Call me on my cell 312.714.8142 or in my office 773.415.7432",
        ["phone"],
    ),
    ("sb-email", "test_clean_gmail_john", "My email is john@gmail.com", ["email"]),
    ("sb-email", "test_clean_fancy_gmail_john", "My email is john at gmail.com", ["email"]),
    *[
        ("sb-ssn", "ssn-docstring", f"My social security number is {s}", ["ssn"])
        for s in ("726-60-2033", "109-99-6000", "109.99.6000", "109 99 6000")
    ],
    *[
        ("sb-cc", "cc-docstring", f"My credit card is {c}.", ["plan-number"])
        for c in (
            "378282246310005",
            "371449635398431",
            "378734493671000",
            "30569309025904",
            "38520000023237",
            "6011111111111117",
            "6011000990139424",
            "3530111333300000",
            "3566002020360505",
            "5555555555554444",
            "5105105105105100",
            "4111111111111111",
            "4012888888881881",
        )
    ],
    (
        "sb-scrubbers",
        "test_filth_ordering",
        "Alan can be reached by email alan@example.com or phone +1.312.456.6421",
        ["email", "phone"],
    ),
    ("sb-scrubbers", "test_list_filth_documents_dict", "Hello @Jane call me on +33 4 41 26 62 36.", ["phone"]),
    *[
        ("sb-address", "test_gb", f"this is a {a} test string", ["address"])
        for a in (
            "59 High Road, East Finchley London, N2 8AW",
            "25 Fenchurch Avenue, London EC3M 5AD",
            "12 Street Road, London N1P 2FZ",
            "99 New London Road,\nChelmsford, CM2 0PP",
        )
    ],
    *[
        ("sb-postcode", "test_gb", f"this is a {p} test string", ["address"])
        for p in (
            "BX1 1LT",
            "sw1A 0AA",
            "EC2V 7hh",
            "M25DB",
            "eh12ng",
            "BT1 5GS",
            "EC1A 1BB",
            "W1A 0AX",
            "M1 1AE",
            "B33 8TH",
            "CR2 6XH",
            "DN55 1PT",
            "CM2 0PP",
            "EC3M 5AD",
        )
    ],
    # --- redact-pii: test/redactor.test.ts (TestCase inputs) and the package's test-new.js -----------------------
    (
        "rp-jest",
        "should redact PII",
        "Hey it's David Johnson with ACME Corp. Give me a call at 555-555-5555",
        ["phone"],
    ),
    *[
        ("rp-jest", "should replace credit card numbers", t, ["plan-number"])
        for t in (
            "my card: 1234 5678 8765 4321.",
            "my 2nd card: 1234-5678-8765-4321.",
            "my AMEX card: 1234 567890 12345.",
            "my AMEX 2nd card: 1234-567890-12345.",
            "my AMEX 3rd card: 123456789012345.",
            "my DINERS card: 1234 567890 1234.",
            "my DINERS 2nd card: 1234-567890-1234.",
            "my DINERS 3rd card: 12345678901234.",
        )
    ],
    *[
        ("rp-jest", "should replace ssn", f"my ssn: {s}.", ["ssn"])
        for s in ("123 45 6789", "123-45-6789", "123.45.6789", "123456789")
    ],
    *[
        ("rp-jest", "should replace phone numbers", f"my phone: {p}.", ["phone"])
        for p in ("(+44) (555)123-1234", "1-555-123-1234", "555.123.1234", "5551231234")
    ],
    *[
        ("rp-jest", "should replace ip addresses", t, ["ip-address"])
        for t in (
            "my ip: 10.1.1.235.",
            "my ip: 1234:ABCD:23AF:1111:2222:3333:0000:0000:0000.",
            "my ip: 1234:ABCD:23AF:1111:2222:3333::!",
        )
    ],
    *[
        ("rp-jest", "should replace email addresses", t, ["email"])
        for t in ("my email: joe123@solvvy.co.uk.", "my email is other+foobar@t.co.")
    ],
    *[
        ("rp-jest", "should replace street addresses", t, ["address"])
        for t in ("I live at 123 Park Ave Apt 123 New York City, NY 10002", "my address is 56 N First St NY 90210")
    ],
    ("rp-script", "phone-and-ref", "My phone is 111-222-3333 and my ref is 181211-008247", ["phone"]),
    *[
        ("rp-script", "account-number", t, ["plan-number"])
        for t in (
            "how do I reset my password?\nMy account number is 5WT52295",
            "how do I reset my password?\nMy account number is 15AB52295",
        )
    ],
    (
        "rp-script",
        "phone-and-emails",
        "My phone number is (415) 555-0890. My main email is example@example.com and my backup is foo@example.com.",
        ["phone", "email"],
    ),
    # --- pii-codex: tests/pii_codex/services/*.py -----------------------------------------------------------------
    (
        "pc-analysis",
        "test_analyze_item",
        "Here is my contact information: Phone number 555-555-5555 and my email is example123@email.com",
        ["phone", "email"],
    ),
    ("pc-analysis", "test_collection_analysis", "My phone number is 555-555-5555", ["phone"]),
    ("pc-analysis", "test_collection_analysis", "Oh his work phone number is 777-777-7777", ["phone"]),
    (
        "pc-analysis",
        "test_collection_analysis",
        "My phone number is 305-555-5555 and email is example@example.com",
        ["phone", "email"],
    ),
    ("pc-detection", "test_msft_presidio_analysis_single_item", "My email is example@example.eu.edu", ["email"]),
    ("pc-detection", "test_msft_presidio_analysis_single_item", "My phone number is 191-212-456-7890", ["phone"]),
    ("pc-detection", "test_msft_presidio_analysis_single_item", "My phone number is 305-555-5555", ["phone"]),
    ("pc-detection", "test_ssn_detection_with_dlp_data", "My SSN is 489-36-8350", ["ssn"]),
    ("pc-detection", "test_ssn_detection_with_dlp_data", "SSN: 514-14-8905", ["ssn"]),
    ("pc-detection", "test_ssn_detection_with_dlp_data", "Social Security Number: 690-05-5315", ["ssn"]),
    ("pc-detection", "test_ssn_detection_with_dlp_data", "My number is 421-37-1396", ["ssn"]),
    ("pc-detection", "test_ssn_detection_with_dlp_data", "SSN 458-02-6124", ["ssn"]),
    (
        "pc-detection",
        "test_multiple_pii_types_with_dlp_data",
        "Robert Aragon, SSN: 489-36-8350, DOB: 6/7/1981",
        ["ssn", "date-of-birth"],
    ),
    ("pc-detection", "test_bank_number_detection_and_conversion", "Bank account: 1234567890", ["plan-number"]),
    ("pc-detection", "test_au_medicare_detection_and_conversion", "Medicare: 1234567890", ["plan-number"]),
    ("pc-azure", "test_azure_analysis_collection_conversion", "My email is example1@example.eu.edu", ["email"]),
    # --- READMEs of @redactpii/node and openredaction -------------------------------------------------------------
    ("rpn-readme", "quick-start", "Hi David Johnson, call 555-555-5555", ["phone"]),
    (
        "rpn-readme",
        "user-message",
        "Hi, my email is john@example.com and my phone is 555-123-4567",
        ["email", "phone"],
    ),
    (
        "rpn-readme",
        "consistent-tokens",
        "Contact anne@example.com. Anne also uses anne@example.com for work.",
        ["email"],
    ),
    ("or-readme", "usage", "Contact Jane at jane@example.com", ["email"]),
]

NOTE = {
    "df": "a case of the package's detection-accuracy corpus or a regex-test text, as written",
    "sb": "the BEFORE text of a test docstring, or the text the test builds (its own wrapper kept)",
    "rp": "a test input as written (card numbers are the package's, not all Luhn-valid)",
    "pc": "a test input as written (SSNs from the DLP test data the tests cite)",
    "rpn": "an example input of the README",
    "or": "an example input of the README",
}


def main() -> None:
    items, n = [], {}
    for key, group, text, kinds in ITEMS:
        short = key.split("-")[0]
        source = SOURCE[short]
        n[source] = n.get(source, 0) + 1
        prov = PROV[key]
        items.append(
            {
                "id": f"{source}-{n[source]:03d}",
                "group": f"{source}:{prov['path']}:{group}",
                "source": source,
                "text": text,
                "kinds": sorted(set(kinds)),
                "provenance": {**prov, "note": NOTE[short]},
            }
        )
    print("phi +", append("phi", items))


if __name__ == "__main__":
    main()
