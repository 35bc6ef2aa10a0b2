"""Speed of the exact dipole functions, side by side with the one-line fit and mpmath.

Run: python benchmarks/bench_dipole.py [--points N] [--repeats R] [--processes P]

On one array of N uniformly random y in [0, 1] (seeded), times the exact fast
T(y) against the notes' one-line fit 1.30 - 0.56 y (the issue's target:
at most 10x), our cheap fit and the Schulz-Lanzerotti fit, the exact D, Y,
mirror latitude (target: at most 5x the fit; issue 13), the mirror latitude the
previous way (Newton's method on every point), and T evaluated the previous
way (the generated t = y^(2/3) tables directly: a cube root, a floor and eight
gathers per point).  T, D, Y and the mirror latitude run on both paths of
``_kernels.evaluate_octave_table``: [numba] the compiled kernel (when numba is
installed; what an array this large gets by default) and [NumPy] the pure NumPy
one.  Then the per-point cost of mpmath T_mp on a small subset; the first call
of T, D, Y and the mirror latitude on one number in P fresh interpreters (the
shipped tables are read on first use; target: at most 10 ms each); and the
first call of T on N points in fresh interpreters, with numba's disk cache
cold (compiling) and warm.  Candidates are timed
round-robin (one call each per round, in a shuffled order, R rounds), so that
all see the same machine state (the machine is shared and noisy); the best
time of each is the figure, the median shows the noise.  Prints its figures;
asserts nothing.

The fit's own time depends on the allocator more than on arithmetic:
``1.30 - 0.56 * y`` allocates two 8 MB arrays, and when glibc has returned
the freed memory to the system the second one page-faults (about 0.6 ms
without, 2-3 ms with; the exact functions allocate one).  To pin the
allocator to the fast case, run with
``MALLOC_TRIM_THRESHOLD_=2000000000 MALLOC_MMAP_THRESHOLD_=2000000000``.
"""

import argparse
import contextlib
import functools
import os
import subprocess
import sys
import tempfile
import time
import timeit

import numpy as np

from guidingcenter.dipole import D, T, Y, mirror_latitude, T_mp
from guidingcenter.dipole import _kernels
from guidingcenter.dipole._checks import finish, unit_interval
from guidingcenter.dipole.fits import T_fit, T_schulz_lanzerotti_34
from guidingcenter.dipole.integrals import _T_TABLES, mirror_latitude_newton


def T_from_t_table(y):
    """T(y) the previous way: the generated t-table evaluated directly."""
    flat, shape = unit_interval(y)
    return finish(_kernels.evaluate_table(flat, _T_TABLES["T"]), shape)


@contextlib.contextmanager
def numpy_path():
    """Within: every array takes the NumPy path of ``_kernels.evaluate_octave_table``."""
    saved = _kernels.COMPILED_MIN_POINTS
    _kernels.COMPILED_MIN_POINTS = float("inf")
    try:
        yield
    finally:
        _kernels.COMPILED_MIN_POINTS = saved


def on_numpy_path(func):
    def run():
        with numpy_path():
            return func()
    return run


def round_robin(candidates, rounds, seed=0):
    """All single-call times of each candidate, calling each once per round.

    The order is shuffled every round (seeded), so that no candidate always
    runs right after the same one (which would hand it, for instance, the
    page faults of memory the previous one gave back to the system).
    """
    rng = np.random.default_rng(seed)
    times = {name: [] for name, _ in candidates}
    for _ in range(rounds):
        for i in rng.permutation(len(candidates)):
            name, func = candidates[i]
            times[name].append(timeit.timeit(func, number=1))
    return times


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--points", type=int, default=10**6)
    parser.add_argument("--repeats", type=int, default=25)
    parser.add_argument("--mp-points", type=int, default=20)
    parser.add_argument("--mp-dps", type=int, default=16)
    parser.add_argument("--processes", type=int, default=9)
    args = parser.parse_args(argv)

    y = np.random.default_rng(12345).random(args.points)
    fit_name = "one-line fit 1.30 - 0.56 y"
    paths = ["NumPy"]
    if _kernels.compiled_kernel() is not None and args.points >= _kernels.COMPILED_MIN_POINTS:
        paths.insert(0, "numba")
    else:
        print(f"numba not installed (or fewer than {_kernels.COMPILED_MIN_POINTS} points): "
              "the NumPy path only\n")
    exact = []
    for path in paths:
        for name, func in (("T", T), ("D", D), ("Y", Y), ("mirror_latitude", mirror_latitude)):
            call = functools.partial(func, y)
            exact.append((f"exact {name}(y) [{path}]",
                          call if path == "numba" else on_numpy_path(call)))
    candidates = [
        (fit_name, lambda: 1.30 - 0.56 * y),
        *exact,
        ("exact T(y), previous method (t-table)", lambda: T_from_t_table(y)),
        ("exact mirror_latitude(y), previous method (Newton)",
         lambda: mirror_latitude_newton(y)),
        ("our fit T_fit(y)", lambda: T_fit(y)),
        ("Schulz-Lanzerotti 1.380173 - 0.639693 y^(3/4)", lambda: T_schulz_lanzerotti_34(y)),
    ]
    for _, func in candidates:                     # warm up (allocations, caches)
        func()
    all_times = round_robin(candidates, args.repeats)
    times = {name: min(values) for name, values in all_times.items()}
    medians = {name: float(np.median(values)) for name, values in all_times.items()}
    base, base_median = times[fit_name], medians[fit_name]

    print(f"{args.points} points, {args.repeats} round-robin rounds: best (median) of each")
    print(f"{'':52} {'best ms':>8} {'(median)':>9} {'ratio to fit':>13} {'ns/point':>9}")
    for name, seconds in times.items():
        print(f"{name:52} {seconds * 1e3:8.2f} {f'({medians[name] * 1e3:.2f})':>9} "
              f"{seconds / base:13.2f} {seconds / args.points * 1e9:9.2f}")

    subset = y[: args.mp_points]
    start = time.perf_counter()
    for value in subset:
        T_mp(float(value), dps=args.mp_dps)
    per_point_mp = (time.perf_counter() - start) / len(subset)
    fastest_T = f"exact T(y) [{paths[0]}]"
    per_point_fast = times[fastest_T] / args.points
    print(f"\nmpmath T_mp at dps={args.mp_dps}: {per_point_mp * 1e3:.2f} ms per point "
          f"({len(subset)} points)")
    print(f"per-point ratio mpmath / fast T [{paths[0]}]: {per_point_mp / per_point_fast:.3g}")
    for path in paths:
        for name, target in (("T", 10), ("D", 10), ("Y", 10), ("mirror_latitude", 5)):
            key = f"exact {name}(y) [{path}]"
            print(f"exact {name} [{path}] / one-line fit: {times[key] / base:.2f} best/best, "
                  f"{medians[key] / base_median:.2f} median/median (target <= {target})")
    print(f"exact T, previous method / now [{paths[0]}]: "
          f"{times['exact T(y), previous method (t-table)'] / times[fastest_T]:.2f}")
    first_use(args.processes)
    if paths[0] == "numba":
        first_large_call(args.points, max(1, args.processes // 3))


_FIRST_USE = """
import time
from guidingcenter.dipole import D, T, Y, mirror_latitude
for f in (T, D, Y, mirror_latitude):
    start = time.perf_counter()
    f(0.5)
    print((time.perf_counter() - start) * 1e3, end=" ")
"""


def first_use(processes):
    """Milliseconds of the first call of T, D, Y and mirror_latitude in fresh interpreters
    (after the import: what a first call costs on top of loading the package)."""
    runs = [list(map(float, subprocess.run([sys.executable, "-c", _FIRST_USE], check=True,
                                           capture_output=True, text=True).stdout.split()))
            for _ in range(processes)]
    runs = np.array(runs)
    print(f"\nfirst call in {processes} fresh interpreters, ms: median (max)  [target <= 10]")
    for i, name in enumerate(("T", "D", "Y", "mirror_latitude")):
        print(f"  {name:16} {np.median(runs[:, i]):6.2f} ({np.max(runs[:, i]):.2f})")


_FIRST_LARGE_CALL = """
import sys, time
import numpy as np
from guidingcenter.dipole import T
y = np.random.default_rng(1).random(int(sys.argv[1]))
start = time.perf_counter()
T(y)
middle = time.perf_counter()
T(y)
print((middle - start) * 1e3, (time.perf_counter() - middle) * 1e3)
"""


def first_large_call(points, processes):
    """Milliseconds of the first and the second call of T on ``points`` points in fresh
    interpreters (numba is imported and the kernel loaded in the first), with numba's
    disk cache cold (an empty ``NUMBA_CACHE_DIR``: it compiles) and warm (the same
    folder again)."""
    print(f"\nfirst call of T on {points} points in fresh interpreters, ms: "
          "first call, second call")
    for _ in range(processes):
        with tempfile.TemporaryDirectory(prefix="bench-numba-cache-") as folder:
            env = dict(os.environ, NUMBA_CACHE_DIR=folder)
            for cache in ("cold", "warm"):
                first, second = map(float, subprocess.run(
                    [sys.executable, "-c", _FIRST_LARGE_CALL, str(points)], check=True,
                    capture_output=True, text=True, env=env).stdout.split())
                print(f"  numba cache {cache}: {first:8.1f} {second:8.2f}")


if __name__ == "__main__":
    main()
