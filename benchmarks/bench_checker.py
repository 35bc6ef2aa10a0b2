"""The checker: cold start, catalogue verification, and the score on the corpus.

Run ``python benchmarks/bench_checker.py [--runs N] [--skip-corpus]``.  Prints, side by
side in one run (this machine is shared and noisy: compare the ratios, not the seconds):

* the median wall time of a cold ``guidingcenter check`` (a new process, the proved
  results read from the disk cache) against ``python -c pass`` and ``python -c 'import
  sympy'`` -- the floor any SymPy tool stands on;
* ``guidingcenter verify`` over every catalogue entry, in a new process;
* the score on the corpus of textbook formulas (tests/checker/corpus): right answers by
  topic and by expected verdict or kind of erratum, true formulas called errata, and the
  slowest checks (the budget is 5 s a relation).
"""

import argparse
import collections
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "checker"))

FORMULAS = [
    ["check", "mu = m*v_perp**2/(2*B)"],
    ["check", "--latex", r"\vec v = \frac{\vec E\times\vec B}{B^2}"],
    ["check", "--latex", r"\rho = \frac{m v_\perp}{|q| B}"],
    ["check", "--latex", r"\omega_{ce} = \frac{eB}{2 m_e}"],
    ["check", "--latex", r"\sin^2\alpha_{lc} = \frac{B_0}{B_{max}}"],
]


def wall(argv, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times), max(times)


def cold_start(runs):
    python = sys.executable
    entry = [python, "-m", "guidingcenter"]
    subprocess.run(entry + FORMULAS[0], capture_output=True, check=False)   # fill the cache
    floor, _ = wall([python, "-c", "pass"], runs)
    sympy, _ = wall([python, "-c", "import sympy"], runs)
    print(f"python -c pass            {floor:6.3f} s")
    print(f"python -c 'import sympy'  {sympy:6.3f} s   ({sympy / floor:5.1f} x pass)")
    medians = []
    for argv in FORMULAS:
        median, worst = wall(entry + argv, runs)
        medians.append(median)
        print(f"check {argv[-1][:40]:40} {median:6.3f} s median, {worst:6.3f} s max   "
              f"({median / sympy:4.1f} x import sympy)")
    print(f"cold check, median of the medians: {statistics.median(medians):.3f} s "
          "(target <= 1 s)")
    verify, _ = wall(entry + ["verify", "--json"], 1)
    print(f"verify (every catalogue entry, one process): {verify:.2f} s (target <= 10 s)")


def corpus_score(folder):
    from scoring import judge, load, right, true_called_erratum
    outcomes = [judge(entry) for entry in load(folder)]
    by_topic, by_kind = collections.defaultdict(list), collections.defaultdict(list)
    for outcome in outcomes:
        entry = outcome.entry
        by_topic[entry["topic"]].append(right(outcome))
        kind = entry["expect"] + (f" ({entry['kind'] or entry['condition']})"
                                  if entry["kind"] or entry["condition"] else "")
        by_kind[kind].append(right(outcome))
    print(f"\ncorpus '{folder}': {sum(map(right, outcomes))}/{len(outcomes)} right "
          f"({100 * sum(map(right, outcomes)) / len(outcomes):.1f} %), "
          f"{sum(map(true_called_erratum, outcomes))} true formulas called errata")
    for title, table in (("topic", by_topic), ("expected", by_kind)):
        print(f"  by {title}:")
        for key, marks in sorted(table.items()):
            print(f"    {key:40} {sum(marks):4}/{len(marks):<4} {100 * sum(marks) / len(marks):5.1f} %")
    slowest = sorted(outcomes, key=lambda o: -o.seconds)[:5]
    print("  slowest checks: " + ", ".join(f"{o.entry['id']} {o.seconds:.1f} s" for o in slowest))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--skip-corpus", action="store_true")
    args = parser.parse_args()
    cold_start(args.runs)
    if not args.skip_corpus:
        corpus_score("corpus")
        corpus_score("holdout")
        corpus_score("fresh")
