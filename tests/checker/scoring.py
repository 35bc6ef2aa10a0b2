"""Score the checker on the corpus of textbook formulas (tests/checker/corpus, holdout).

Each entry of the TOML files is a formula as printed in a cited reference, with the
verdict a physicist gives it (see corpus/README.md).  :func:`judge` runs the checker
on one entry and :func:`right` says whether its answer is the expected one: the same
verdict, the same condition for a formula that holds only under one, and the same kind
of edit for an erratum.  ``python tests/checker/scoring.py [holdout]`` prints every miss.
"""

import os
import sys
import time
import tomllib
from dataclasses import dataclass

from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import Context, check_text

HERE = os.path.dirname(os.path.abspath(__file__))

# The words of each condition key in a verdict's condition.
CONDITION_WORDS = {"nonrelativistic": "v << c", "vacuum": "curl B = 0",
                   "positive-charge": "q > 0", "negative-charge": "q < 0",
                   "forward": "v_par > 0", "approximation": "approximation"}
# The units of an entry's source, as the checker is told them (a document says them).
UNITS = {"SI": "SI", "gaussian": "Gaussian"}
# Kinds of edit that name the same diagnosis.
SAME_KIND = {"cross-order": {"cross-order", "sign"}, "sign": {"sign", "cross-order"},
             "missing-factor": {"missing-factor", "factor", "exponent"},
             "extra-factor": {"extra-factor", "factor", "exponent"},
             "factor": {"factor", "missing-factor", "extra-factor"},
             "term-factor": {"term-factor"}, "swap": {"swap", "symbol"},
             "symbol": {"symbol", "swap"}}
_DECIDED = ("holds", "holds-with-condition", "erratum")
_SEVERITY = {"holds": 0, "holds-with-condition": 1, "refused": 2, "undecided": 3,
             "not-checkable": 4, "erratum": 5}


@dataclass
class Outcome:
    entry: dict
    verdicts: list          # one Verdict per relation (empty when the text could not be read)
    error: str = ""         # the one-line reading error
    seconds: float = 0.0

    @property
    def worst(self):
        """The verdict of the worst relation (a chain is as good as its worst link); links
        nothing is derived about (J = sum_s q_s n_s v_s, a definition) do not count when
        another link is decided."""
        decided = [v for v in self.verdicts if v.verdict in _DECIDED] or self.verdicts
        if not decided:
            return None
        return max(decided, key=lambda v: _SEVERITY[v.verdict])


def load(folder="corpus"):
    """Every entry of the TOML files in ``tests/checker/<folder>``."""
    entries = []
    directory = os.path.join(HERE, folder)
    for name in sorted(os.listdir(directory)):
        if name.endswith(".toml"):
            with open(os.path.join(directory, name), "rb") as stream:
                entries += tomllib.load(stream)["formula"]
    return entries


def judge(entry):
    start = time.monotonic()
    try:
        verdicts = check_text(entry["text"], latex=entry["syntax"] == "latex",
                              context=Context(units=UNITS[entry["units"]]))
        return Outcome(entry, verdicts, seconds=time.monotonic() - start)
    except ParseError as error:
        return Outcome(entry, [], str(error), time.monotonic() - start)


def right(outcome):
    """Is the checker's answer the expected one?"""
    entry, worst = outcome.entry, outcome.worst
    if worst is None:
        return False
    expect = entry["expect"]
    if worst.verdict != expect:
        return False
    if expect == "holds-with-condition":
        return CONDITION_WORDS[entry["condition"]] in worst.condition
    if expect == "erratum":
        kind = entry["kind"]
        if kind == "dimension":
            return "dimensionally inconsistent" in worst.diagnosis
        found = worst.edits[0][0] if worst.edits else ""
        return found in SAME_KIND.get(kind, {kind}) or (
            kind == "exponent" and found in ("exponent", "power"))
    return True


def true_called_erratum(outcome):
    """A formula that is right (holds, with or without condition) called an erratum."""
    return outcome.entry["expect"] in ("holds", "holds-with-condition") and \
        outcome.worst is not None and outcome.worst.verdict == "erratum"


def describe(outcome):
    worst = outcome.worst
    got = outcome.error if worst is None else \
        f"{worst.verdict} [{worst.against}] {worst.condition or worst.diagnosis or worst.reason}"
    entry = outcome.entry
    want = entry["expect"] + (f" ({entry['condition'] or entry['kind']})"
                              if entry['condition'] or entry['kind'] else "")
    return f"{entry['id']}: want {want}; got {got}\n    {entry['text'][:150]!r}"


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "corpus"
    outcomes = []
    for entry in load(folder):
        outcomes.append(judge(entry))
        if not right(outcomes[-1]):
            print(describe(outcomes[-1]), flush=True)
    misses = [o for o in outcomes if not right(o)]
    for topic in sorted({o.entry["topic"] for o in outcomes}):
        of_topic = [o for o in outcomes if o.entry["topic"] == topic]
        print(f"{topic}: {sum(map(right, of_topic))}/{len(of_topic)}")
    print(f"{len(outcomes) - len(misses)}/{len(outcomes)} right; "
          f"{sum(map(true_called_erratum, outcomes))} true formulas called errata")
