"""SI dimensions of notation expressions, for the checker's dimensional analysis.

A dimension is a tuple of exponents of (kg, m, s, A); symbols take theirs from
``guidingcenter.symbols.UNITS``.  :func:`dimension` returns ``None`` when a
symbol's dimension is unknown, and raises :class:`Inconsistent` when the
expression adds unlike quantities or takes the sine of something dimensional.
"""

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter.check.spelled import dims_of, is_spelled
from guidingcenter.symbols import UNITS
from guidingcenter.vectors import Cross, Curl, DirectionalDerivative, Div, Dot, Grad

__all__ = ["dimension", "describe", "Inconsistent", "DIMENSIONLESS"]

DIMENSIONLESS = (0, 0, 0, 0)
_METRE = (0, 1, 0, 0)
_NAMES = ("kg", "m", "s", "A")


class Inconsistent(ValueError):
    """The expression itself mixes dimensions (e.g. adds metres to seconds)."""


def _add(a, b, sign=1):
    return tuple(x + sign * y for x, y in zip(a, b))


def _scale(a, k):
    return tuple(sp.Rational(x) * k for x in a)


def dimension(expr):
    """Dimension of ``expr`` as (kg, m, s, A) exponents, or None if unknown."""
    if isinstance(expr, sp.MatrixBase):
        found = {dimension(entry) for entry in expr if entry != 0}
        if len(found - {None}) > 1:
            raise Inconsistent("a column of unlike quantities")
        return found.pop() if len(found) == 1 else (DIMENSIONLESS if not found else None)
    expr = sp.sympify(expr)
    if expr.is_Number or expr in (sp.pi, sp.E, sp.I):
        return DIMENSIONLESS
    if isinstance(expr, sp.Symbol):
        quantity = getattr(expr, "quantity", expr)          # B' is a field like B
        return UNITS.get(quantity, dims_of(expr) if is_spelled(expr) else None)
    if isinstance(expr, AppliedUndef):
        return DIMENSIONLESS if expr.func.__name__ in ("T", "D", "Y") else None
    if isinstance(expr, sp.Equality):
        left, right = dimension(expr.lhs), dimension(expr.rhs)
        if None not in (left, right) and left != right:
            raise Inconsistent(f"the two sides differ: {describe(left)} vs {describe(right)}")
        return left if left is not None else right
    if isinstance(expr, sp.Add):
        found = {d for d in map(dimension, expr.args) if d is not None}
        if len(found) > 1:
            raise Inconsistent("adds " + " and ".join(sorted(describe(d) for d in found)))
        return found.pop() if found else None
    if isinstance(expr, (sp.Mul, Cross, Dot)):
        total = DIMENSIONLESS
        for arg in expr.args:
            part = dimension(arg)
            if part is None:
                return None
            total = _add(total, part)
        return total
    if isinstance(expr, sp.Pow):
        base, exponent = dimension(expr.base), expr.exp
        if base is None:
            return None
        if base == DIMENSIONLESS:
            return DIMENSIONLESS
        if not exponent.is_Number:
            raise Inconsistent(f"a dimensional quantity raised to the power {exponent}")
        return _scale(base, exponent)
    if isinstance(expr, Grad):
        inner = dimension(expr.args[0])
        return None if inner is None else _add(inner, _METRE, -1)
    if isinstance(expr, (Curl, Div)):
        inner = dimension(expr.args[0])
        return None if inner is None else _add(inner, _METRE, -1)
    if isinstance(expr, DirectionalDerivative):
        a, f = dimension(expr.args[0]), dimension(expr.args[1])
        return None if None in (a, f) else _add(_add(a, f), _METRE, -1)
    if isinstance(expr, sp.sign):
        return DIMENSIONLESS
    if isinstance(expr, (sp.Abs, sp.re, sp.im)):
        return dimension(expr.args[0])
    if isinstance(expr, sp.Function):
        if isinstance(expr, sp.atan2):
            a, b = (dimension(arg) for arg in expr.args)
            if None not in (a, b) and a != b:
                raise Inconsistent(f"atan2 of {describe(a)} and {describe(b)}")
            return DIMENSIONLESS
        for arg in expr.args:
            part = dimension(arg)
            if part not in (None, DIMENSIONLESS):
                raise Inconsistent(f"{expr.func.__name__} of a quantity in {describe(part)}")
        return DIMENSIONLESS
    return None


def describe(dim):
    """Readable form, e.g. ``kg m^2 s^-2``; ``1`` for dimensionless."""
    if dim is None:
        return "unknown units"
    parts = [name if power == 1 else f"{name}^{power}"
             for name, power in zip(_NAMES, dim) if power != 0]
    return " ".join(parts) if parts else "1 (dimensionless)"
