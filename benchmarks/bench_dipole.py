"""Speed of the exact dipole functions, side by side with the one-line fit and mpmath.

Run: python benchmarks/bench_dipole.py [--points N] [--repeats R]

On one array of N uniformly random y in [0, 1] (seeded), times the exact fast
T(y) against the notes' one-line fit 1.30 - 0.56 y (the issue's target:
at most 10x), our cheap fit and the Schulz-Lanzerotti fit, and the exact D, Y,
mirror latitude; then the per-point cost of mpmath T_mp on a small subset.
Candidates are timed round-robin (one call each per round, R rounds) and
the best time of each is reported, so that all see the same machine state
(the machine is shared and noisy).  Prints its figures; asserts nothing.
"""

import argparse
import time
import timeit

import numpy as np

from guidingcenter.dipole import D, T, Y, mirror_latitude, T_mp
from guidingcenter.dipole.fits import T_fit, T_schulz_lanzerotti_34


def best_of_round_robin(candidates, rounds):
    """Best single-call time of each candidate, calling them in turn each round."""
    best = {name: float("inf") for name, _ in candidates}
    for _ in range(rounds):
        for name, func in candidates:
            best[name] = min(best[name], timeit.timeit(func, number=1))
    return best


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--mp-points", type=int, default=20)
    parser.add_argument("--mp-dps", type=int, default=16)
    args = parser.parse_args(argv)

    y = np.random.default_rng(12345).random(args.points)
    candidates = [
        ("one-line fit 1.30 - 0.56 y", lambda: 1.30 - 0.56 * y),
        ("exact T(y)", lambda: T(y)),
        ("exact D(y)", lambda: D(y)),
        ("exact Y(y)", lambda: Y(y)),
        ("exact mirror_latitude(y)", lambda: mirror_latitude(y)),
        ("our fit T_fit(y)", lambda: T_fit(y)),
        ("Schulz-Lanzerotti 1.380173 - 0.639693 y^(3/4)", lambda: T_schulz_lanzerotti_34(y)),
    ]
    for _, func in candidates:                     # warm up (allocations, caches)
        func()
    times = best_of_round_robin(candidates, args.repeats)
    base = times["one-line fit 1.30 - 0.56 y"]

    print(f"{args.points} points, best of {args.repeats} round-robin rounds")
    print(f"{'':48} {'time (ms)':>10} {'ratio to fit':>13} {'ns/point':>9}")
    for name, seconds in times.items():
        print(f"{name:48} {seconds * 1e3:10.2f} {seconds / base:13.2f} "
              f"{seconds / args.points * 1e9:9.2f}")

    subset = y[: args.mp_points]
    start = time.perf_counter()
    for value in subset:
        T_mp(float(value), dps=args.mp_dps)
    per_point_mp = (time.perf_counter() - start) / len(subset)
    per_point_fast = times["exact T(y)"] / args.points
    print(f"\nmpmath T_mp at dps={args.mp_dps}: {per_point_mp * 1e3:.2f} ms per point "
          f"({len(subset)} points)")
    print(f"per-point ratio mpmath / fast T: {per_point_mp / per_point_fast:.3g}")
    print(f"exact T / one-line fit: {times['exact T(y)'] / base:.2f} (target <= 10)")


if __name__ == "__main__":
    main()
