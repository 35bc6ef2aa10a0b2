"""Input validation and output shaping for the generated numeric functions.

Every failure is a ``ValueError`` whose message starts with the argument's
name and says what is allowed.
"""

import numpy

from guidingcenter import constants
from guidingcenter.particles import charge_and_mass

__all__ = ["scalar", "vector", "particle", "broadcast_shape", "below_light_speed",
           "require", "components", "scalar_result", "vector_result"]

_RANGES = {"positive": (lambda a: a > 0, "> 0"), "nonnegative": (lambda a: a >= 0, ">= 0"),
           ">=1": (lambda a: a >= 1, ">= 1")}


def _array(name, value):
    try:
        array = numpy.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a real number or array of them, got "
                         f"{value!r}") from None
    if not numpy.all(numpy.isfinite(array)):
        raise ValueError(f"{name}: must be finite (no NaN or infinity)")
    return array


def scalar(name, value, check="real"):
    """A float array; ``check`` is ``"real"``, ``"positive"``, ``"nonnegative"`` or ``">=1"``."""
    array = _array(name, value)
    if check in _RANGES:
        allowed, words = _RANGES[check]
        if not numpy.all(allowed(array)):
            raise ValueError(f"{name}: must be {words}, got {array.min()!r} at least once")
    return array


def vector(name, value, check="real"):
    """A float array with a last axis of length 3; ``check="nonzero"`` refuses |v| = 0."""
    array = _array(name, value)
    if array.ndim == 0 or array.shape[-1] != 3:
        raise ValueError(f"{name}: must be a 3-vector (last axis of length 3), "
                         f"got shape {array.shape}")
    if check == "nonzero" and numpy.any(numpy.all(array == 0, axis=-1)):
        raise ValueError(f"{name}: must be a nonzero vector")
    return array


def particle(name, q=None, m=None, need=("q", "m")):
    """``(q, m)``, or the subset ``need``, from a particle name or explicit values."""
    if name is None:  # a parameter the formula does not use need not be given
        q = 1.0 if q is None and "q" not in need else q
        m = 1.0 if m is None and "m" not in need else m
    values = dict(zip(("q", "m"), charge_and_mass(name, q, m)))
    return tuple(values[item] for item in need)


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


def components(array):
    return array[..., 0], array[..., 1], array[..., 2]


def scalar_result(shape, value):
    """Broadcast to the common shape (a 0-d result becomes numpy.float64)."""
    return numpy.broadcast_to(numpy.asarray(value, dtype=float), shape).copy()[()]


def vector_result(shape, *values):
    """Stack components on the last axis; ``+ 0.0`` turns -0.0 into 0.0."""
    parts = [numpy.broadcast_to(numpy.asarray(v, dtype=float), shape) for v in values]
    return numpy.stack(parts, axis=-1) + 0.0
