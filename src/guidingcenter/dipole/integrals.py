r"""Fast vectorized dipole bounce integrals T(y), D(y), Y(y) and the mirror latitude.

NumPy functions of :math:`y = \sin\alpha_{eq}` (any shape in, same shape out;
a scalar in gives a Python float out) with relative error below
:math:`10^{-13}` on all of [0, 1] against :mod:`~guidingcenter.dipole.integrals_mp`
(measured: below :math:`2\times10^{-15}`, see ``tests/dipole``).

The committed, generated tables (``_coefficients``, written by
``python -m guidingcenter.dipole._generate`` from the mpmath integrals) are
piecewise polynomials in :math:`t = y^{2/3}`: t is the natural variable at
small y, where the mirror point :math:`\cos^2\lambda_m \simeq 4^{1/6}\,y^{2/3}`
makes T, D and Y smooth functions of t but not of y.  Evaluating them needs a
cube root per point, so the functions evaluate instead pieces in y read off
the floating-point representation (exponent and leading mantissa bits;
``_kernels.octave_table``): pieces shrink towards y = 0 as fast as the
:math:`y^{2/3}` singularity needs, and a cubic per piece keeps double
precision.  These octave tables (2.6 MB each) are resampled from the
t-tables by the same generator and shipped with the package
(``octave_*.npy``, memory-mapped on first use, well under a millisecond; a
test regenerates them and compares).  A call is then three integer passes,
one gather of a 32-byte row of coefficients and three multiply-adds per point,
in NumPy passes over blocks of the array or, with the optional ``numba`` extra
installed, for arrays of :math:`2^{17}` points or more, in one compiled loop
(the same doubles; ``_kernels.evaluate_octave_table`` says what its first use
costs).  ``benchmarks/bench_dipole.py`` measures both against the one-line fit
1.30 - 0.56y.  Y is tabulated as :math:`Y/(1-y)`, which keeps the relative accuracy
where Y -> 0; the mirror latitude as :math:`\lambda_m/(1-y)^{1/2}`, smooth at
y = 1 where :math:`\lambda_m \simeq \tfrac23(1-y)^{1/2}`, resampled from the
Newton solution of the mirror-point polynomial.

References
----------
Notes 003 and 004 (dipole geometry, bounce period); M. Schulz and
L. J. Lanzerotti, *Particle Diffusion in the Radiation Belts* (Springer, 1974).
"""

import functools
import math
from pathlib import Path

import numpy as np

from guidingcenter.dipole import _coefficients, _kernels
from guidingcenter.dipole._checks import finish, unit_interval

__all__ = ["T", "D", "Y", "mirror_latitude", "mirror_latitude_newton", "OCTAVE_TABLES",
           "octave_table_path"]

_T_TABLES = {name: np.array(rows, dtype=float) for name, rows in _coefficients.TABLES.items()}

OCTAVE_TABLES = ("T", "D", "Y", "mirror_latitude")
"""The shipped octave tables (``octave_<name>.npy``; Y is Y/(1 - y), the mirror
latitude lambda_m/(1 - y)^(1/2))."""


def octave_table_path(quantity):
    """Where the shipped octave table of ``quantity`` lies."""
    return Path(__file__).with_name(f"octave_{quantity}.npy")


@functools.cache
def _octave_table(quantity):
    """The shipped octave table of T, D, Y/(1 - y) or lambda_m/(1 - y)^(1/2), read-only
    (memory-mapped: the pages are read as the evaluation touches them)."""
    return np.load(octave_table_path(quantity), mmap_mode="r")


_PLAIN = (float, int)


@functools.cache
def _octave_bytes(quantity):
    """The bytes of the octave table of ``quantity`` (for one-number calls)."""
    return memoryview(_octave_table(quantity)).cast("B")


def _tabulated(y, quantity):
    if type(y) in _PLAIN and 0 <= y <= 1:          # one plain number: no arrays
        value = _kernels.evaluate_octave_scalar(float(y), _octave_bytes(quantity))
        return value * (1.0 - y) if quantity == "Y" else value
    flat, shape = unit_interval(y)
    result = _kernels.evaluate_octave_table(flat, _octave_table(quantity),
                                            times_one_minus_y=(quantity == "Y"))
    return finish(result, shape)


def T(y):
    r"""Bounce-period integral :math:`T(y)`; :math:`\tau_b = 4 L R_E T(y)/v`.

    Parameters
    ----------
    y : float or array_like
        :math:`\sin\alpha_{eq}`, in [0, 1].

    Returns
    -------
    float or ndarray
        T(y) (dimensionless), same shape as ``y``.

    Notes
    -----
    .. math::

        T(y) = \int_0^{\lambda_m}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}
        \left(1 - y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda}\right)^{-1/2}d\lambda,

    decreasing from :math:`T(0) = 1 + \ln(2+\sqrt3)/(2\sqrt3)` to
    :math:`T(1) = \pi\sqrt2/6` (notes 004; Schulz & Lanzerotti 1974).

    Examples
    --------
    >>> T(0.0), T(1.0)
    (1.380172998150473..., 0.740480489693061...)
    >>> T([0.0, 0.5, 1.0])
    array([1.380173  , 0.99972741, 0.74048049])
    """
    return _tabulated(y, "T")


def D(y):
    r"""Drift integral :math:`D(y)`; :math:`\langle\Omega_d\rangle = 3L\gamma m v^2 D/(qB_ER_E^2T)`.

    Parameters
    ----------
    y : float or array_like
        :math:`\sin\alpha_{eq}`, in [0, 1].

    Returns
    -------
    float or ndarray
        D(y) (dimensionless), same shape as ``y``.

    Notes
    -----
    .. math::

        D(y) = \int_0^{\lambda_m}\left(1-\frac b2\right)\cos^3\lambda\,
        \frac{1+\sin^2\lambda}{(1+3\sin^2\lambda)^{3/2}}(1-b)^{-1/2}d\lambda,
        \quad b = y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda},

    with :math:`D(0) = T(0)/3` and :math:`D(1) = T(1)/2`; D/T rises from 1/3
    to 1/2 (the notes' fit: :math:`D/T \approx 0.35 + 0.15y`).

    Examples
    --------
    >>> D(0.0), D(1.0)
    (0.460057666050157..., 0.370240244846530...)
    """
    return _tabulated(y, "D")


def Y(y):
    r"""Second-invariant integral :math:`Y(y)`; :math:`J = 2 p L R_E Y(y)`.

    Parameters
    ----------
    y : float or array_like
        :math:`\sin\alpha_{eq}`, in [0, 1].

    Returns
    -------
    float or ndarray
        Y(y) (dimensionless), same shape as ``y``; relative accuracy holds up
        to y = 1, where Y vanishes like :math:`2T(1)(1-y)`.

    Notes
    -----
    .. math::

        Y(y) = 2\int_0^{\lambda_m}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}
        \left(1 - y^2\frac{(1+3\sin^2\lambda)^{1/2}}{\cos^6\lambda}\right)^{1/2}d\lambda,

    :math:`Y(0) = 2T(0)`, :math:`Y(1) = 0`.

    Examples
    --------
    >>> Y(0.0), Y(1.0)
    (2.760345996300946..., 0.0)
    >>> float(Y(1 - 2**-40) * 2**40)   # ~ 2 T(1) (1 - y) near y = 1, 2 T(1) = pi sqrt(2)/3
    1.48096...
    """
    return _tabulated(y, "Y")


# u = cos^2(lambda_m) <= _U_SWITCH is solved for u, otherwise for w = 1 - u: at
# u = 0.8 both residuals are evaluated without large cancellation (a switch at
# u = 1/2 costs ~5e-15 relative in w from the alternating polynomial in w).
_U_SWITCH = 0.8
_V_STEPS = 6      # Newton steps from v = 1 (measured: 5 reach double precision; +1 margin)
_W_STEPS = 7      # Newton steps from w = 0 (measured: 6 reach double precision; +1 margin)
_TINY = 2.0**-_kernels.OCTAVES   # below: every y lands on the first row of an octave table


def _newton(step, x, iterations):
    for _ in range(iterations):
        x = x - step(x)
    return x


def mirror_latitude_newton(flat):
    r"""Mirror latitude of the 1-D float64 array ``flat`` in [0, 1] by Newton's method.

    With :math:`u = \cos^2\lambda_m`, :math:`u^6 + 3y^4u - 4y^4 = 0`.  Where
    :math:`u \le 0.8` (:math:`y^4 \le 0.8^6/1.6`) Newton's method runs on
    :math:`v = u/u_0`, :math:`u_0 = (4y^4)^{1/6}`: :math:`v^6 + \tfrac34 u_0 v - 1 = 0`
    from v = 1 (no underflow for tiny y); elsewhere on :math:`w = 1 - u`:
    :math:`w\,(6 - 15w + 20w^2 - 15w^3 + 6w^4 - w^5 + 3y^4) = (1-y)(1+y)(1+y^2)`
    from :math:`w = 0`.  Both iterations converge monotonically and
    quadratically; a fixed number of steps (6 and 7) reaches double precision
    everywhere (checked against ``mirror_latitude_mp`` in the tests).  Then
    :math:`\lambda_m = \operatorname{atan2}(\sqrt w, \sqrt u)`.  The source of the
    octave table of :func:`mirror_latitude`, and its value below
    :math:`2^{-\mathrm{OCTAVES}}`.
    """
    u = np.empty_like(flat)
    w = np.empty_like(flat)
    y2 = flat * flat
    low = y2 * y2 <= _U_SWITCH**6 / (4 - 3 * _U_SWITCH)
    if low.any():
        yl = flat[low]
        u0 = np.cbrt(2.0) * np.cbrt(yl) ** 2                  # (4 y^4)^(1/6)
        k = 0.75 * u0

        def v_step(v):
            v5 = v * v
            v5 *= v5
            v5 *= v
            return ((v5 + k) * v - 1) / (6 * v5 + k)

        v = _newton(v_step, np.ones_like(yl), _V_STEPS)
        u[low] = u0 * v
        w[low] = 1 - u[low]
    high = ~low
    if high.any():
        yh = flat[high]
        y4 = yh**4
        rhs = (1 - yh) * (1 + yh) * (1 + yh * yh)

        def step(w):
            p = 6 + 3 * y4 + w * (-15 + w * (20 + w * (-15 + w * (6 - w))))
            dp = -15 + w * (40 + w * (-45 + w * (24 - 5 * w)))
            return (w * p - rhs) / (p + w * dp)

        w[high] = _newton(step, np.zeros_like(yh), _W_STEPS)
        u[high] = 1 - w[high]
    return np.arctan2(np.sqrt(w), np.sqrt(u))


def mirror_latitude(y):
    r"""Mirror latitude :math:`\lambda_m(y)` in radians (0 at y = 1, pi/2 at y = 0).

    Parameters
    ----------
    y : float or array_like
        :math:`\sin\alpha_{eq}`, in [0, 1].

    Returns
    -------
    float or ndarray
        :math:`\lambda_m` (rad), same shape as ``y``.

    Notes
    -----
    Solves :math:`\cos^6\lambda_m/(1+3\sin^2\lambda_m)^{1/2} = y^2`
    (notes 004; independent of L).  Evaluated as
    :math:`(1-y)^{1/2}\,h(y)` with h from an octave table (like T), resampled
    from the Newton solution :func:`mirror_latitude_newton`, which also gives
    the few values below :math:`2^{-80}`, where
    :math:`\lambda_m \simeq \pi/2 - 4^{1/12}y^{1/3}` still varies.

    Examples
    --------
    >>> mirror_latitude(0.5)
    0.578637585938513...
    >>> mirror_latitude([0.0, 1.0])
    array([1.57079633, 0.        ])
    """
    if type(y) in _PLAIN and _TINY <= y <= 1:      # one plain number: no arrays
        y = float(y)
        return _kernels.evaluate_octave_scalar(y, _octave_bytes("mirror_latitude")) * \
            math.sqrt(1.0 - y)
    flat, shape, smallest = unit_interval(y, with_min=True)
    result = _kernels.evaluate_octave_table(flat, _octave_table("mirror_latitude"),
                                            times_sqrt_one_minus_y=True)
    if smallest < _TINY:
        tiny = flat < _TINY
        result[tiny] = mirror_latitude_newton(flat[tiny])
    return finish(result, shape)
