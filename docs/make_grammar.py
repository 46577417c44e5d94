"""Regenerate the reference section of docs/GRAMMAR.md from commands/grammar/usage.py: `python docs/make_grammar.py`."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from commands.grammar.usage import HELP_TOPICS, USAGE  # noqa: E402
from commands.help import INTRO  # noqa: E402

path = ROOT / "docs" / "GRAMMAR.md"
doc = path.read_text()
parts = []
for name, keys in HELP_TOPICS.items():
    parts.append(f"### {INTRO[name]}\n\n```\n" + "\n".join(line for k in keys for line in USAGE[k]) + "\n```\n")
listed = {k for keys in HELP_TOPICS.values() for k in keys}
rest = [k for k in USAGE if k not in listed]
if rest:
    parts.append("### Other\n\n```\n" + "\n".join(line for k in rest for line in USAGE[k]) + "\n```\n")
section = (
    "<!-- reference: generated from commands/grammar/usage.py -->\n\n" + "\n".join(parts) + "<!-- end reference -->"
)
doc = re.sub(r"<!-- reference:.*?<!-- end reference -->", lambda m: section, doc, flags=re.DOTALL)
path.write_text(doc)
