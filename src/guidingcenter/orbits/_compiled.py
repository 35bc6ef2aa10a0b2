"""The numba path of :func:`~guidingcenter.orbits.trace` (optional ``numba`` extra).

The loop compiles the very functions the NumPy path runs (the field kernels of
:mod:`~guidingcenter.orbits.fields` and the step of
:mod:`~guidingcenter.orbits.pusher`), so both paths do the same arithmetic;
the tests hold them to round-off.  Compiled code is cached on disk
(``cache=True``): the first call on a machine compiles for a few seconds.
numba keys that cache on this file alone, although the loop embeds code from
the other two; so :data:`SOURCES` records a hash of everything compiled, a
test fails until it is updated after an edit there, and updating it changes
this file, which makes numba compile afresh instead of running a stale copy.
Imported only when the numba path runs.
"""

import hashlib
import inspect

import numba
import numpy as np

from guidingcenter import constants
from guidingcenter.orbits import fields as _fields
from guidingcenter.orbits import pusher as _pusher

__all__ = ["run", "SOURCES", "sources_hash"]

#: sources_hash() of the compiled functions (tests/orbits/test_pusher.py checks it).
SOURCES = "1af213b230906f190a76bfa8686685bcd7b2a05b8654779fd6cab850efd323c9"


def sources_hash():
    """SHA-256 of the source of every function the loop compiles."""
    functions = _fields.KERNELS + (_pusher.gamma_of, _pusher.half_drift, _pusher.boris_kick)
    text = "\n".join(inspect.getsource(function) for function in functions)
    return hashlib.sha256(text.encode()).hexdigest()


_jit = numba.njit(cache=True)
_gamma_of = _jit(_pusher.gamma_of)
_half_drift = _jit(_pusher.half_drift)
_kick = _jit(_pusher.boris_kick)
if len(_fields.KERNELS) != 7:  # pragma: no cover - a new field needs a branch below
    raise ImportError("orbits._compiled: a field kernel has no compiled branch")
_k0, _k1, _k2, _k3, _k4, _k5, _k6 = (_jit(kernel) for kernel in _fields.KERNELS)


@_jit
def _field(kind, x, y, z, t, p):
    if kind == 0:
        return _k0(x, y, z, t, p)
    if kind == 1:
        return _k1(x, y, z, t, p)
    if kind == 2:
        return _k2(x, y, z, t, p)
    if kind == 3:
        return _k3(x, y, z, t, p)
    if kind == 4:
        return _k4(x, y, z, t, p)
    if kind == 5:
        return _k5(x, y, z, t, p)
    return _k6(x, y, z, t, p)


@_jit
def _loop(kind, p, x0, u0, t0, dt, n_steps, save_every, h, c, f, stop2, positions, velocities,
          stopped):
    half = 0.5 * dt
    for i in range(x0.shape[0]):
        x, y, z = x0[i, 0], x0[i, 1], x0[i, 2]
        ux, uy, uz = u0[i, 0], u0[i, 1], u0[i, 2]
        gamma = _gamma_of(ux, uy, uz, c)
        frozen = False
        for step in range(n_steps):
            if not frozen:
                t = t0 + (step + 0.5) * dt
                xh, yh, zh = _half_drift(x, y, z, ux, uy, uz, gamma, half)
                ex, ey, ez, bx, by, bz = _field(kind, xh, yh, zh, t, p)
                ux, uy, uz, gamma = _kick(ux, uy, uz, ex + f[0], ey + f[1], ez + f[2],
                                          bx, by, bz, h, c)
                x, y, z = _half_drift(xh, yh, zh, ux, uy, uz, gamma, half)
                if stop2 > 0.0 and x * x + y * y + z * z < stop2:
                    frozen = True
                    stopped[i] = True
            if (step + 1) % save_every == 0:
                row = (step + 1) // save_every
                positions[row, i, 0], positions[row, i, 1], positions[row, i, 2] = x, y, z
                velocities[row, i, 0], velocities[row, i, 1], velocities[row, i, 2] = ux, uy, uz


def run(field, x0, u0, q, m, t0, dt, n_steps, save_every, force_vector, stop_radius):
    """Trace with the compiled loop; same arguments and results as the NumPy loop."""
    n_saves = n_steps // save_every
    positions = np.empty((n_saves + 1,) + x0.shape)
    velocities = np.empty_like(positions)
    positions[0], velocities[0] = x0, u0
    stopped = np.zeros(len(x0), dtype=np.bool_)
    stop2 = 0.0 if stop_radius is None else stop_radius * stop_radius
    _loop(int(field.kind), np.ascontiguousarray(field.params, dtype=np.float64),
          np.ascontiguousarray(x0), np.ascontiguousarray(u0), float(t0), float(dt),
          int(n_steps), int(save_every), q * dt / (2 * m), constants.c,
          np.asarray(force_vector, dtype=np.float64) / q, stop2, positions, velocities, stopped)
    return positions, velocities, stopped
