"""Append more presidio-research synth_dataset_v2.json sentences (transcribed from the stored repository copy).

Kinds come from the file's entity spans (CREDIT_CARD/IBAN/driver's licence -> plan-number, STREET_ADDRESS/ZIP ->
address, EMAIL_ADDRESS -> email, PHONE_NUMBER -> phone, US_SSN -> ssn). Sentences whose address is an
organisation's or a meeting place's ("office is at", "meet you at", "bus station") are left out, as in grow.py.
Run from the repository root: python bench/phi/sources/presidio_synth_v2_more.py
"""

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))

from bench.phi.grow import append  # noqa: E402

ROWS = [
    (16000, "Tomomi Nishiyama lives at 86036 Rua do Arenque 1634, Goiânia", ["address"]),
    (
        16000,
        "My card 4131034282458809939 is expiring this month. Please let me know process to it's extend validity.",
        ["plan-number"],
    ),
    (
        16000,
        "Could you please send me the last billed amount for cc 4007070753690781 on my e-mail UtaKortig@jourrapide.com?",
        ["plan-number", "email"],
    ),
    (16000, "You said your email is UshurmaDratchev@rhyta.com. Is that correct?", ["email"]),
    (
        16000,
        "I have done an online order but didn't get any message on my registered 905-674-3793. Could you please look into it ?",
        ["phone"],
    ),
    (
        16000,
        "card number 630427373398 is lost, can you please send a new one to 1987 74 Diakou Street\n Suite 680\n Kissousa\n Cyprus 36903? I am in ΛΕΥΚΩΣΙΑ for a business trip",
        ["plan-number", "address"],
    ),
    (16000, "My credit card 6586108984332171 has been lost, Can I request you to block it.", ["plan-number"]),
    (16000, "ZIP: 3520", ["address"]),
    (300000, "My credit card 4377877189635137 has been lost, Can I request you to block it.", ["plan-number"]),
    (300000, "What's your email? VanessaKovaleva@armyspy.com", ["email"]),
    (
        300000,
        "Are there any charges applied for money transfer from GB52AEJL57263335291959 to other bank accounts",
        ["plan-number"],
    ),
    (300000, "You said your email is DonkaZarand@superrito.com. Is that correct?", ["email"]),
    (
        300000,
        "Billing address: Ana Dias\n    31401 ul. Słowicza 10 Apt. 360\n   Wrocław\n    nan\n    53-320",
        ["address"],
    ),
    (300000, "Here's my SSN: 710-31-0236", ["ssn"]),
    (300000, "What is your address? it is PSC 0272, Box 1651\nAPO AA 94530", ["address"]),
    (300000, "What's your email? VincencijGomez@fleckens.hu", ["email"]),
    (300000, "My driver's license number is 6940579", ["plan-number"]),
    (300000, "The letter arrived at 23100 Ilichova 23 Suite 274 Ljubljana nan last night.", ["address"]),
    (
        300000,
        "Please return to 56539 Rua Cyro Schmutzer Franco 1213\nGRASSE, PA 39551 in case of an issue.",
        ["address"],
    ),
]
ITEMS = [
    {
        "id": f"presidio-research-synth-v2-{n:03d}",
        "source": "presidio-research-synth-v2",
        "text": text,
        "kinds": sorted(kinds),
        "provenance": {
            "repo": "microsoft/presidio-research",
            "path": "data/synth_dataset_v2.json",
            "commit": "c49124672f4a751efbb6b06f0f806d9502701dcd",
            "licence": "MIT",
            "note": f"full_text of an item in the 16,000 characters from offset {offset}; kinds from its spans",
        },
    }
    for n, (offset, text, kinds) in enumerate(ROWS, start=13)
]

if __name__ == "__main__":
    print(append("phi", ITEMS))
