r"""Numeric kernels shared by the fast functions, the fits and the generator (private).

Piecewise tables
    A table ``C`` of shape ``(degree + 1, pieces)`` represents a function of
    :math:`t \in [0, 1]` on ``pieces`` equal intervals; on piece ``i``,
    :math:`t = (i + s)/\mathrm{pieces}` with :math:`s \in [0, 1]`, the value is
    :math:`\sum_k C_{k,i}\, s^k` (Horner's rule, coefficients gathered per
    piece; written for speed: few temporaries, gathers with ``mode="clip"``).

Cheap fits
    Our fits are polynomials in :math:`t = y^{2/3}` (the natural variable of the
    small-y expansion: :math:`\cos^2\lambda_m \propto y^{2/3}`); the fit of Y
    carries the factor :math:`1 - t = (1-y)(1+y)/(1+t+t^2)`, written so that it
    keeps full relative precision as y -> 1, where Y vanishes.
"""

import numpy as np

__all__ = ["evaluate_table", "horner", "FIT_QUANTITIES", "fit_variable_and_factor", "fit_model"]

FIT_QUANTITIES = ("T", "D", "Y")


def evaluate_table(t, table):
    """Evaluate ``table`` at the 1-D float64 array ``t`` (values in [0, 1]).

    ``t`` is overwritten (it becomes the local variable s); returns a new array.
    """
    degree, pieces = table.shape[0] - 1, table.shape[1]
    t *= pieces
    index = np.floor(t)
    np.minimum(index, pieces - 1, out=index)     # t = 1 belongs to the last piece, at s = 1
    t -= index
    index_int = index.astype(np.intp)
    gathered = index                             # reuse the buffer for the gathered coefficients
    result = table[degree].take(index_int, mode="clip")
    for k in range(degree - 1, -1, -1):
        result *= t
        result += table[k].take(index_int, out=gathered, mode="clip")
    return result


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
