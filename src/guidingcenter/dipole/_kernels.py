r"""Numeric kernels shared by the fast functions, the fits and the generator (private).

Piecewise tables
    A table ``C`` of shape ``(degree + 1, pieces)`` represents a function of
    :math:`t \in [0, 1]` on ``pieces`` equal intervals; on piece ``i``,
    :math:`t = (i + s)/\mathrm{pieces}` with :math:`s \in [0, 1]`, the value is
    :math:`\sum_k C_{k,i}\, s^k` (Horner's rule, coefficients gathered per
    piece; written for speed: block by block, preallocated temporaries).

Cheap fits
    Our fits are polynomials in :math:`t = y^{2/3}` (the natural variable of the
    small-y expansion: :math:`\cos^2\lambda_m \propto y^{2/3}`); the fit of Y
    carries the factor :math:`1 - t = (1-y)(1+y)/(1+t+t^2)`, written so that it
    keeps full relative precision as y -> 1, where Y vanishes.
"""

import numpy as np

__all__ = ["BLOCK", "evaluate_table", "horner", "FIT_QUANTITIES", "fit_variable_and_factor", "fit_model"]

FIT_QUANTITIES = ("T", "D", "Y")


BLOCK = 16384
"""Elements per block in :func:`evaluate_table` (the temporaries stay in cache)."""


def evaluate_table(y, table, times_one_minus_y2=False):
    """Evaluate ``table`` at :math:`t = y^{2/3}` for the 1-D float64 array ``y`` in [0, 1].

    Works block by block with preallocated temporaries (a pass over 1e6
    doubles otherwise runs at memory speed, and the gathers dominate).  The
    piece index comes from ``t * scale`` with ``scale`` the double just below
    ``pieces``, so that t = 1 falls on the last piece at s = 1 - 4e-15 without
    a clamp; the shift of s is below 4e-15, i.e. below 1e-16 in the value.
    With ``times_one_minus_y2`` the result is multiplied by (1 - y)(1 + y).
    Returns a new array.
    """
    degree, pieces = table.shape[0] - 1, table.shape[1]
    scale = np.nextafter(float(pieces), 0.0)
    n = y.size
    out = np.empty(n)
    block = max(1, min(BLOCK, n))
    s_buf, index_buf, gathered_buf = np.empty(block), np.empty(block), np.empty(block)
    index_int_buf = np.empty(block, dtype=np.intp)
    for start in range(0, n, block):
        stop = min(start + block, n)
        m = stop - start
        yb, s, index = y[start:stop], s_buf[:m], index_buf[:m]
        index_int, gathered, result = index_int_buf[:m], gathered_buf[:m], out[start:stop]
        np.multiply(yb, yb, out=s)
        np.cbrt(s, out=s)
        s *= scale
        np.floor(s, out=index)
        s -= index
        np.copyto(index_int, index, casting="unsafe")
        table[degree].take(index_int, out=result, mode="clip")
        for k in range(degree - 1, -1, -1):
            result *= s
            result += table[k].take(index_int, out=gathered, mode="clip")
        if times_one_minus_y2:
            np.subtract(1.0, yb, out=gathered)          # exact for y >= 1/2 (Sterbenz)
            result *= gathered
            np.add(1.0, yb, out=gathered)
            result *= gathered
    return out


def horner(x, coefficients):
    """``sum_k coefficients[k] * x**k`` by Horner's rule (arrays or floats)."""
    result = coefficients[-1] + 0 * x
    for c in coefficients[-2::-1]:
        result = result * x + c
    return result


def fit_variable_and_factor(quantity, y):
    """``(t, factor)`` of the fit of ``quantity``: the fit is ``factor * P(t)``."""
    t = np.cbrt(y * y)
    if quantity == "Y":
        return t, (1 - y) * (1 + y) / (1 + t + t * t)     # = 1 - t, accurate near y = 1
    return t, np.ones_like(t)


def fit_model(quantity, y, coefficients):
    """Our cheap fit of ``quantity`` ("T", "D" or "Y") at ``y``: factor * sum_k c_k t**k."""
    t, factor = fit_variable_and_factor(quantity, y)
    return factor * horner(t, coefficients)
