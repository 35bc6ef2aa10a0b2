"""Input validation shared by the dipole modules (private).

Every failure is a ``ValueError`` that names the argument and the allowed range.
"""

import numpy as np

from guidingcenter.numeric._validate import not_a_number

__all__ = ["real_array", "unit_interval", "finish", "in_range", "positive", "at_least"]


def real_array(value, name):
    """``value`` as a float ndarray; ValueError naming ``name`` if not real (booleans,
    strings and complex values are refused, not converted)."""
    if not_a_number(value):
        raise ValueError(f"{name}: must be a real number or array of real numbers, "
                         f"got {value!r}")
    try:
        return np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a real number or array of real numbers, "
                         f"got {value!r}") from None


def unit_interval(y, name="y", with_min=False):
    """Return ``(flat, shape)``: the values of ``y`` as a contiguous 1-D float64 copy-or-view
    and the original shape; ValueError unless every value lies in [0, 1] (no NaN, no inf).
    With ``with_min``, ``(flat, shape, smallest value)`` (NaN for an empty array)."""
    arr = real_array(y, name)
    flat = np.ascontiguousarray(arr.reshape(-1))
    smallest = flat.min() if flat.size else np.nan
    if flat.size and not (smallest >= 0 and flat.max() <= 1):   # NaN fails both tests
        bad = flat[~((flat >= 0) & (flat <= 1))][0]
        raise ValueError(f"{name}: must lie in [0, 1] (y = sin alpha_eq), got {float(bad)!r}")
    return (flat, arr.shape, smallest) if with_min else (flat, arr.shape)


def finish(result, shape):
    """Reshape a flat result; a scalar (0-d) input gives a Python ``float``."""
    return float(result[0]) if shape == () else result.reshape(shape)


def in_range(value, name, lo, hi, what):
    """``value`` as a float ndarray; ValueError unless every value is finite and in [lo, hi]."""
    arr = real_array(value, name)
    ok = np.isfinite(arr) & (arr >= lo) & (arr <= hi)
    if not ok.all():
        bad = arr[~ok].reshape(-1)[0]
        raise ValueError(f"{name}: must lie in [{lo:g}, {hi:g}] ({what}), got {float(bad)!r}")
    return arr


def positive(value, name, what):
    """``value`` as a float ndarray; ValueError unless every value is finite and > 0."""
    arr = real_array(value, name)
    ok = np.isfinite(arr) & (arr > 0)
    if not ok.all():
        bad = arr[~ok].reshape(-1)[0]
        raise ValueError(f"{name}: must be finite and > 0 ({what}), got {float(bad)!r}")
    return arr


def at_least(value, name, lo, what):
    """``value`` as a float ndarray; ValueError unless every value is finite and >= lo."""
    arr = real_array(value, name)
    ok = np.isfinite(arr) & (arr >= lo)
    if not ok.all():
        bad = arr[~ok].reshape(-1)[0]
        raise ValueError(f"{name}: must be finite and >= {lo:g} ({what}), got {float(bad)!r}")
    return arr
