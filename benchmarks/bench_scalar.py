"""Scalar calls: the generated functions on one plain number against the same formula by hand.

Run: python benchmarks/bench_scalar.py [--calls N] [--rounds R]

For each function, a hand-written version of the same formula in NumPy on a
Python float, with the same validation (type, finiteness, range, the particle's
name, the speed below c), is the reference; the issue's target is a ratio of at
most 3.  Candidates are timed round-robin (N calls each per round, in a
shuffled order, R rounds) so that all see the same machine state; the best
round of each is the figure, the median shows the noise.  The same functions
on a one-element array (the general path, the only one before the fast path
existed) are shown beside them.  Prints its figures; asserts nothing.
"""

import argparse
import math
import timeit

import numpy as np

from guidingcenter import constants
from guidingcenter.numeric import dipole_field_strength, energy_to_speed, gyrofrequency
from guidingcenter.particles import charge_and_mass

c = constants.c
_MAX = float(np.finfo(float).max)
_NAMED = {name: charge_and_mass(name) for name in ("p+", "e-")}


def _number(name, value, low, high):
    """The hand-written validation: a plain number in [low, high]."""
    if type(value) not in (float, int) or not low <= value <= high:
        raise ValueError(f"{name}: out of range")


def gyrofrequency_by_hand(B, particle, v=0.0):
    _number("B", B, 5e-324, _MAX)
    _number("v", v, 0.0, _MAX)
    if v >= c:
        raise ValueError("v: at or above c")
    q, m = _NAMED[particle]
    return np.abs(B * q * np.sqrt(1 - v**2 / c**2) / m)


def dipole_field_strength_by_hand(L, lam, B_E=constants.B_E):
    _number("L", L, 1.0, _MAX)
    _number("lam", lam, -math.pi / 2, math.pi / 2)
    _number("B_E", B_E, 5e-324, _MAX)
    if not L * np.cos(lam)**2 >= 1 - 1e-12:
        raise ValueError("lam: inside the planet")
    return B_E * np.sqrt(3 * np.sin(lam)**2 + 1) / (L**3 * np.cos(lam)**6)


def energy_to_speed_by_hand(energy, particle):
    _number("energy", energy, 0.0, _MAX)
    _, m = _NAMED[particle]
    rest = m * c**2
    return c * np.sqrt(energy * (energy + 2 * rest)) / (energy + rest)


def round_robin(candidates, calls, rounds, seed=0):
    """Seconds per call of each candidate, every round (shuffled order each round)."""
    rng = np.random.default_rng(seed)
    times = {name: [] for name, _ in candidates}
    for _ in range(rounds):
        for i in rng.permutation(len(candidates)):
            name, func = candidates[i]
            times[name].append(timeit.timeit(func, number=calls) / calls)
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)
    one = np.array([1e-5])
    pairs = [
        ("gyrofrequency(1e-5, 'p+')", lambda: gyrofrequency(1e-5, "p+"),
         lambda: gyrofrequency_by_hand(1e-5, "p+"), lambda: gyrofrequency(one, "p+")),
        ("dipole_field_strength(4.0, 0.3)", lambda: dipole_field_strength(4.0, 0.3),
         lambda: dipole_field_strength_by_hand(4.0, 0.3),
         lambda: dipole_field_strength(np.array([4.0]), 0.3)),
        ("energy_to_speed(1.6e-13, 'e-')", lambda: energy_to_speed(1.6e-13, "e-"),
         lambda: energy_to_speed_by_hand(1.6e-13, "e-"),
         lambda: energy_to_speed(np.array([1.6e-13]), "e-")),
    ]
    for name, fast, by_hand, array in pairs:   # the same numbers, or the comparison is void
        assert math.isclose(float(fast()), float(by_hand()), rel_tol=1e-15), name
    candidates = []
    for name, fast, by_hand, array in pairs:
        candidates += [(name, fast), (name + " by hand", by_hand), (name + " on an array", array)]
    times = round_robin(candidates, args.calls, args.rounds)
    best = {name: min(values) for name, values in times.items()}
    median = {name: float(np.median(values)) for name, values in times.items()}
    print(f"{args.calls} calls x {args.rounds} round-robin rounds: microseconds per call, "
          f"best (median)")
    print(f"{'':34} {'generated':>16} {'by hand':>16} {'ratio':>13} {'on an array':>16}")
    for name, *_ in pairs:
        cells = [f"{best[n] * 1e6:6.2f} ({median[n] * 1e6:6.2f})"
                 for n in (name, name + " by hand", name + " on an array")]
        ratio = f"{best[name] / best[name + ' by hand']:.2f} " \
                f"({median[name] / median[name + ' by hand']:.2f})"
        print(f"{name:34} {cells[0]:>16} {cells[1]:>16} {ratio:>13} {cells[2]:>16}")
    print("target: generated / by hand <= 3 (ratio of the best rounds, of the medians)")


if __name__ == "__main__":
    main()
