"""Speed of the Boris pusher: the NumPy path against the numba path, side by side.

Run: python benchmarks/bench_orbits.py [--steps N] [--repeats R]

For a few batch sizes (1, 8, 64 particles) and two fields (uniform; the
Earth's dipole), traces N steps with each path; the paths are timed
round-robin (one call each per round, R rounds, after a warm-up that
compiles numba), so both see the same machine state on this shared, noisy
machine.  Prints the best time per particle-step of each path and their
ratio, and checks that the two paths agree.  Asserts nothing.
"""

import argparse
import time

import numpy as np

from guidingcenter import constants
from guidingcenter.orbits import DipoleField, UniformField, launch, numba_available, trace
from guidingcenter.units import MeV


def _case(field, particles):
    if isinstance(field, DipoleField):
        centre, b_max = [4 * constants.R_E, 0, 0], field.B_E / 64 / 0.25
    else:
        centre, b_max = [0.0, 0.0, 0.0], 1e-5
    x, v = launch(centre, 1 * MeV, 0.5, "p+", field, phases=particles, reference=[0, 1, 0])
    return x, v, b_max


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=4000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    if not numba_available():
        print("numba is not installed (pip install '.[numba]'): nothing to compare")
        return
    fields = {"uniform": UniformField([0, 0, 0], [0, 0, 1e-5]), "dipole": DipoleField()}
    print(f"{'field':8} {'particles':>9} {'numpy us/step':>14} {'numba us/step':>14} "
          f"{'ratio':>7}  agree")
    for name, field in fields.items():
        for particles in (1, 8, 64):
            x, v, b_max = _case(field, particles)
            dt = 2 * np.pi * constants.m_p / (constants.e * b_max) / 32
            runs = {backend: (lambda backend=backend: trace(
                x, v, "p+", field, args.steps * dt, dt=dt, save_every=10, backend=backend))
                for backend in ("numpy", "numba")}
            results = {backend: run() for backend, run in runs.items()}   # warm-up, compile
            agree = np.allclose(results["numpy"].positions, results["numba"].positions,
                                rtol=1e-13, atol=0)
            best = {backend: float("inf") for backend in runs}
            for _ in range(args.repeats):
                for backend, run in runs.items():
                    start = time.perf_counter()
                    run()
                    best[backend] = min(best[backend], time.perf_counter() - start)
            per = {b: 1e6 * t / (args.steps * particles) for b, t in best.items()}
            print(f"{name:8} {particles:9d} {per['numpy']:14.3f} {per['numba']:14.4f} "
                  f"{per['numpy'] / per['numba']:7.1f}  {agree}")


if __name__ == "__main__":
    main()
