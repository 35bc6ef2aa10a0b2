"""The checker on formulas as printed in public references (tests/checker/corpus).

Each entry cites its source and carries the verdict a physicist gives it; about half
are real formulas, the rest the same formulas with one planted error.  The score is
pinned: at least 95 % right over the corpus (the verdict, the condition of a formula
that holds under one, the kind of edit of an erratum), each topic at its measured floor,
and no true formula called an erratum.  The holdout set (tests/checker/holdout) and the
fresh set (tests/checker/fresh, written from other sources by someone who had not read
the checker) are measured by benchmarks/bench_checker.py, not pinned: they keep the
tuning honest.
"""

import collections
import functools

import pytest

from scoring import describe, judge, load, right, true_called_erratum

ENTRIES = load("corpus")
TOPICS = sorted({entry["topic"] for entry in ENTRIES})

TARGET = 0.95
# Right answers per topic, measured with tests/checker/scoring.py on 2026-12-06 (361 of
# 374, 96.5 %; 329 at the stop before).  Each topic's floor is one below: a fresh install may
# resolve a newer SymPy, whose simplification can move a verdict.
MEASURED = {"bounce": 20, "curvature": 19, "diamagnetic": 14, "dipole-field": 48,
            "drift-current": 5, "drift-period": 15, "exb": 23, "fits": 16, "force-drift": 15,
            "gradb": 19, "gyration": 37, "invariants": 22, "loss-cone": 24,
            "magnetic-moment": 26, "mirror": 18, "mu-conservation": 12, "polarization": 8,
            "relativistic": 20}
# every test of the corpus on one xdist worker: each entry is judged once, in one process
CORPUS = pytest.mark.xdist_group("corpus")


@functools.cache
def outcomes(topic):
    return tuple(judge(entry) for entry in ENTRIES if entry["topic"] == topic)


def by_topic(short=None):
    """One parameter per topic; ``short``: the mark of a topic still short of the target."""
    size = collections.Counter(entry["topic"] for entry in ENTRIES)
    return [pytest.param(topic, marks=[CORPUS] + (
        [short] if short and MEASURED[topic] < TARGET * size[topic] else []))
        for topic in TOPICS]


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
    assert set(MEASURED) == set(TOPICS)


def _right(topic):
    found = outcomes(topic)
    print("\n".join(describe(o) for o in found if not right(o)))
    return sum(map(right, found))


@pytest.mark.parametrize("topic", by_topic())
def test_the_score_of_each_topic_stays_above_its_floor(topic):
    assert _right(topic) >= MEASURED[topic] - 1


@CORPUS
def test_the_corpus_reaches_the_target():
    """Issue 10: at least 95 % of the corpus right."""
    found = [outcome for topic in TOPICS for outcome in outcomes(topic)]
    score = sum(map(right, found))
    print(f"corpus: {score}/{len(found)} right ({100 * score / len(found):.1f} %)")
    assert score >= TARGET * len(found)


@pytest.mark.parametrize("topic", by_topic(pytest.mark.xfail(
    reason="measured below 95 % in this topic (the corpus as a whole reaches it)",
    strict=False)))
def test_each_topic_reaches_the_target(topic):
    assert _right(topic) >= TARGET * len(outcomes(topic))


@pytest.mark.parametrize("topic", by_topic())
def test_no_true_formula_is_called_an_erratum(topic):
    wrong = [describe(o) for o in outcomes(topic) if true_called_erratum(o)]
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
