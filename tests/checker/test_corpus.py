"""The checker on formulas as printed in public references (tests/checker/corpus).

Each entry cites its source and carries the verdict a physicist gives it; about half
are real formulas, the rest the same formulas with one planted error.  The score is
pinned: at least 95 % right (the verdict, the condition of a formula that holds under
one, the kind of edit of an erratum) and no true formula called an erratum.  The
holdout set (tests/checker/holdout) is measured by benchmarks/bench_checker.py, not
pinned: it keeps the tuning honest.
"""

import collections

import pytest

from scoring import describe, judge, load, right, true_called_erratum

ENTRIES = load("corpus")


@pytest.fixture(scope="module")
def outcomes():
    return [judge(entry) for entry in ENTRIES]


def test_the_corpus_is_well_formed():
    ids = [entry["id"] for entry in ENTRIES]
    assert len(ids) == len(set(ids))
    assert sum(not entry["variant_of"] for entry in ENTRIES) >= 150       # real formulas
    originals = set(ids)
    for entry in ENTRIES:
        assert entry["source"] and entry["topic"] and entry["syntax"] in ("latex", "sympy")
        assert not entry["variant_of"] or entry["variant_of"] in originals
        assert entry["expect"] in ("holds", "holds-with-condition", "erratum",
                                   "not-checkable", "refused")
    topics = collections.Counter(entry["topic"] for entry in ENTRIES)
    assert len(topics) >= 15 and min(topics.values()) >= 3


def test_score(outcomes):
    misses = [o for o in outcomes if not right(o)]
    share = 1 - len(misses) / len(outcomes)
    print("\n".join(describe(o) for o in misses))
    assert share >= 0.95, f"{100 * share:.1f} % right"


def test_no_true_formula_is_called_an_erratum(outcomes):
    wrong = [describe(o) for o in outcomes if true_called_erratum(o)]
    assert not wrong, "\n".join(wrong)


def test_the_score_can_fail():
    """The scoring refuses a wrong answer: a planted factor 2 judged 'holds' is a miss."""
    entry = next(e for e in ENTRIES if e["expect"] == "erratum" and e["kind"] == "factor")
    outcome = judge(entry)
    assert right(outcome)
    original = next(e for e in ENTRIES if e["id"] == entry["variant_of"])
    swapped = judge(original)
    swapped.entry = entry                      # the true formula's verdict on the variant
    assert not right(swapped)
