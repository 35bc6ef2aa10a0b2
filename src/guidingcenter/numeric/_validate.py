"""Input validation and output shaping for the generated numeric functions.

Every failure is a ``ValueError`` whose message starts with the argument's
name and says what is allowed.  Numbers are real: booleans, strings and
complex values are refused rather than converted.

The generated functions take a fast path when every scalar argument is a
plain number (a type in :data:`FLOATS`): they check it with inline
comparisons against the same ranges as :func:`scalar` and call
:func:`refuse` (which raises the same message) when one fails.
"""

import math

import numpy

from guidingcenter import constants, planets
from guidingcenter.particles import charge_and_mass

__all__ = ["FLOATS", "MAX", "not_a_number", "scalar", "vector", "refuse", "flag", "particle",
           "from_planet", "broadcast_shape", "below_light_speed", "require",
           "slower_than_light", "components", "scalar_result", "vector_result"]

FLOATS = frozenset({float, int, numpy.float64, numpy.int64})
"""Types of the fast path (``bool`` is not among them: ``type(True) is bool``)."""

MAX = float(numpy.finfo(float).max)
"""The largest finite double: ``-MAX <= x <= MAX`` is false for NaN and infinities."""

_RANGES = {"positive": (lambda a: a > 0, "> 0"), "nonnegative": (lambda a: a >= 0, ">= 0"),
           ">=1": (lambda a: a >= 1, ">= 1"),
           "latitude": (lambda a: numpy.abs(a) <= math.pi / 2,
                        "in [-pi/2, pi/2] (rad; for degrees multiply by "
                        "guidingcenter.units.deg)"),
           "pitch": (lambda a: (a >= 0) & (a <= math.pi),
                     "in [0, pi] (rad; for degrees multiply by guidingcenter.units.deg)")}
_NOT_NUMBERS = (str, bytes, bool, numpy.bool_, complex, numpy.complexfloating)


def not_a_number(value):
    """Whether ``value`` is, or (as a nested list, tuple or array) holds, a bool, a
    string or a complex value: things NumPy would convert to floats silently."""
    if isinstance(value, _NOT_NUMBERS):
        return True
    if isinstance(value, numpy.ndarray):
        return value.dtype.kind in "bSUc"
    return isinstance(value, (list, tuple)) and any(not_a_number(item) for item in value)


def _array(name, value):
    if not_a_number(value):
        raise ValueError(f"{name}: must be a real number or array of them, got {value!r}")
    try:
        array = numpy.asarray(value)
        if array.dtype.kind == "O" and any(isinstance(item, _NOT_NUMBERS)
                                           for item in array.flat):
            raise TypeError
        if array.dtype.kind not in "fiuO":          # bool, str, complex, dates, ...
            raise TypeError
        array = array.astype(float, copy=False)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a real number or array of them, got "
                         f"{value!r}") from None
    except OverflowError:
        raise ValueError(f"{name}: must be finite (no NaN or infinity), got {value!r}") from None
    if not numpy.all(numpy.isfinite(array)):
        raise ValueError(f"{name}: must be finite (no NaN or infinity)")
    return array


def scalar(name, value, check="real"):
    """A float array; ``check`` is ``"real"``, ``"positive"``, ``"nonnegative"``,
    ``">=1"``, ``"latitude"`` ([-pi/2, pi/2]) or ``"pitch"`` ([0, pi])."""
    array = _array(name, value)
    if check in _RANGES:
        allowed, words = _RANGES[check]
        if not numpy.all(allowed(array)):
            bad = array[~allowed(array)].reshape(-1)[0]
            raise ValueError(f"{name}: must be {words}, got {float(bad)!r}")
    return array


def refuse(name, value, check):
    """Raise the ``ValueError`` of :func:`scalar` for a value the fast path refused."""
    scalar(name, value, check)
    raise ValueError(f"{name}: out of range ({check}), got {value!r}")


def vector(name, value, check="real"):
    """A float array with a last axis of length 3; ``check="nonzero"`` refuses |v| = 0."""
    array = _array(name, value)
    if array.ndim == 0 or array.shape[-1] != 3:
        raise ValueError(f"{name}: must be a 3-vector (last axis of length 3), "
                         f"got shape {array.shape}")
    if check == "nonzero" and numpy.any(numpy.all(array == 0, axis=-1)):
        raise ValueError(f"{name}: must be a nonzero vector")
    return array


def flag(name, value):
    """A boolean option: ``True`` or ``False`` (NumPy booleans too), nothing else."""
    if isinstance(value, (bool, numpy.bool_)):
        return bool(value)
    raise ValueError(f"{name}: must be True or False, got {value!r}")


_RESOLVED = {}


def particle(name, q=None, m=None, need=("q", "m")):
    """``(q, m)``, or the subset ``need``, from a particle name or explicit values."""
    if q is None and m is None:
        try:
            return _RESOLVED[name, need]
        except (KeyError, TypeError):
            pass
    given = (q, m)
    if name is None:  # a parameter the formula does not use need not be given
        q = 1.0 if q is None and "q" not in need else q
        m = 1.0 if m is None and "m" not in need else m
    values = dict(zip(("q", "m"), charge_and_mass(name, q, m)))
    result = tuple(values[item] for item in need)
    if given == (None, None) and isinstance(name, str):
        _RESOLVED[name, need] = result
    return result


def from_planet(name, value, planet):
    """``value`` if given, else the planet's ``B_E`` or ``R_E`` (default: the Earth); an
    unknown planet is refused either way."""
    preset = planets.planet(planet)
    return getattr(preset, name) if value is None else value


def broadcast_shape(vectors, **arrays):
    """Common batch shape (vectors contribute all but their last axis)."""
    shapes = {name: (array.shape[:-1] if name in vectors else array.shape)
              for name, array in arrays.items()}
    try:
        return numpy.broadcast_shapes(*shapes.values())
    except ValueError:
        listing = ", ".join(f"{name} {shape}" for name, shape in shapes.items())
        raise ValueError(f"{', '.join(shapes)}: shapes do not broadcast ({listing})") from None


def below_light_speed(**speeds):
    """Refuse combined speeds at or above c."""
    total = numpy.sqrt(sum(numpy.square(v) for v in speeds.values()))
    if numpy.any(total >= constants.c):
        names = " and ".join(speeds)
        raise ValueError(f"{names}: the speed must be below c = {constants.c:.0f} m/s")


def require(condition, names, meaning):
    """Refuse inputs that violate a condition across arguments."""
    if not numpy.all(condition):
        raise ValueError(f"{names}: {meaning}")


def slower_than_light(values, names, meaning):
    """Refuse a velocity result (components ``values``) at or above c: ``meaning`` says why."""
    speed2 = sum(numpy.square(v) for v in values)
    if numpy.any(speed2 >= constants.c**2):
        fastest = float(numpy.sqrt(numpy.max(speed2)))
        raise ValueError(f"{names}: {meaning} ({fastest:.3g} m/s, at or above "
                         f"c = {constants.c:.0f} m/s)")


def components(array):
    return array[..., 0], array[..., 1], array[..., 2]


def scalar_result(shape, value):
    """Broadcast to the common shape (a 0-d result becomes numpy.float64)."""
    return numpy.broadcast_to(numpy.asarray(value, dtype=float), shape).copy()[()]


def vector_result(shape, *values):
    """Stack components on the last axis; ``+ 0.0`` turns -0.0 into 0.0."""
    parts = [numpy.broadcast_to(numpy.asarray(v, dtype=float), shape) for v in values]
    return numpy.stack(parts, axis=-1) + 0.0
