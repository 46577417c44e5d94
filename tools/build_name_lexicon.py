"""Build commands/phi/data/name_words.txt and english_words.txt, the frozen word lists of the PHI guard's name
detector (commands/phi/lexicon.py). Run once by hand; the output is committed.

    python tools/build_name_lexicon.py NAMES_DIR DICT_FILE

NAMES_DIR: the `names/` folder of the PyPI sdist `names` 0.3.0 (MIT; its data files are the US Census Bureau's
1990 name-frequency lists dist.female.first, dist.male.first, dist.all.last — a US Government work, public
domain). DICT_FILE: /usr/share/dict/words of Debian's `wamerican` 2020.12.07-2 (SCOWL word lists, Kevin
Atkinson's permissive licence: use, copy, modify, distribute, sell, with the copyright notice; see
commands/phi/data/README.md).

name_words.txt: every census first name and surname that is not an ordinary English word (a word SCOWL spells in
small letters), lower case, one a line. surname_english_words.txt: the surnames that are English words too
("Brown", "Young", "Baker"), a name only right after a first name or an initial; first_english_words.txt: the
first names that are English words too ("John", "Mark", "Grace"), a name only with a surname after them. english_words.txt: SCOWL's small-letter words of 3+ letters, so a
capitalised word the guard has never seen ("Þorkell", "Butusov") can be told from "Added" or "Dashboard".
"""

from __future__ import annotations

import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "commands" / "phi" / "data"


def main() -> None:
    names_dir, dict_file = Path(sys.argv[1]), Path(sys.argv[2])
    english: set[str] = set()
    for line in dict_file.read_text(encoding="utf-8").splitlines():
        w = line.strip()
        if w and w[0].islower() and "'" not in w and w.isalpha():
            english.add(w.lower())
    names: set[str] = set()
    surnames: set[str] = set()
    firsts: set[str] = set()
    for f in ("dist.female.first", "dist.male.first", "dist.all.last"):
        for line in (names_dir / f).read_text(encoding="ascii").splitlines():
            if line.strip():
                names.add(line.split()[0].lower())
                if f == "dist.all.last":
                    surnames.add(line.split()[0].lower())
                else:
                    firsts.add(line.split()[0].lower())
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "name_words.txt").write_text("\n".join(sorted(names - english)) + "\n", encoding="utf-8")
    (OUT / "first_english_words.txt").write_text("\n".join(sorted(firsts & english)) + "\n", encoding="utf-8")
    (OUT / "surname_english_words.txt").write_text("\n".join(sorted(surnames & english)) + "\n", encoding="utf-8")
    (OUT / "english_words.txt").write_text(
        "\n".join(sorted(w for w in english if len(w) >= 3)) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
