"""Write tests/catalog/verdicts.json: the verdict the checker gives each catalogue entry.

Run ``python tests/catalog/pin_verdicts.py`` after a change that is meant to change
verdicts, and review the diff of verdicts.json: each row is a regression guard
(test_verdicts.py), with a word of the diagnosis (erratum) or of the condition.
Words already pinned are kept while they still match.
"""

import json
import pathlib
import re

from guidingcenter.catalog import ENTRIES
from guidingcenter.catalog.evaluate import judge

PATH = pathlib.Path(__file__).with_name("verdicts.json")


def word(row, old):
    text = row.diagnosis if row.verdict == "erratum" else row.condition
    if row.verdict not in ("erratum", "holds-with-condition"):
        return None
    if old and old in text:
        return old
    return re.split(r"[;:(]", text)[0].strip()[:48]


def main():
    old = {(r["source"], r["quote"]): r for r in json.loads(PATH.read_text())} \
        if PATH.exists() else {}
    rows = []
    for entry in ENTRIES:
        row = judge(entry)
        previous = old.get((entry.source, entry.quote), {})
        rows.append({"source": entry.source, "quote": entry.quote, "verdict": row.verdict,
                     "word": word(row, previous.get("word"))})
    PATH.write_text(json.dumps(rows, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{PATH}: {len(rows)} verdicts")


if __name__ == "__main__":
    main()
