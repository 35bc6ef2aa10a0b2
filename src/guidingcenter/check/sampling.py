"""Numeric values of notation expressions at seeded random points (for the checker).

An :class:`Evaluator` computes a notation expression (vectors, cross and dot
products, gradients, integrals, the dipole functions T(y), D(y), Y(y)) at one
point to :data:`DIGITS` significant digits with mpmath; vector atoms and
differential operators are expanded in the :class:`~guidingcenter.vectors.Frame`
once and cached.  A :class:`Sample` holds a truth evaluated at several points
and measures how far a claim is from it.
"""

import contextlib
import functools
import random
import time

import mpmath
import numpy as np
import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.proof import sample_point
from guidingcenter.vectors import (Cross, Curl, DirectionalDerivative, Div, Dot, FrameError,
                                   Grad, VectorSymbol)

__all__ = ["Uncheckable", "OutOfTime", "budget", "check_time", "explicit", "Evaluator", "Sample",
           "symbols_needed", "DIGITS", "EXACT", "EXACT_QUADRATURE"]

DIGITS = 30
EXACT = mpmath.mpf(10) ** -20   # "equal": 20 of the 30 digits agree (rounding is ~1e-28)
# "equal" where a quadrature is compared: 12 digits.  A quadrature to 20 digits of the
# singular bounce integrands costs seconds a point; a wrong integrand differs at 1e-3.
EXACT_QUADRATURE = mpmath.mpf(10) ** -12
QUADRATURE_DIGITS = 20
# A candidate further than this from the truth in double precision is not equal to it;
# closer, it is measured again with mpmath (the doubles of a quadrature hold ~1e-12).
SCREEN = 1e-8

_MPMATH = {sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tan: mpmath.tan, sp.asin: mpmath.asin,
           sp.acos: mpmath.acos, sp.atan: mpmath.atan, sp.sinh: mpmath.sinh,
           sp.cosh: mpmath.cosh, sp.tanh: mpmath.tanh, sp.asinh: mpmath.asinh,
           sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh, sp.exp: mpmath.exp,
           sp.log: mpmath.log, sp.Abs: abs, sp.cot: mpmath.cot, sp.sec: mpmath.sec,
           sp.csc: mpmath.csc, sp.sign: mpmath.sign, sp.atan2: mpmath.atan2}
_DIPOLE = {S.T_of: "T_mp", S.D_of: "D_mp", S.Y_of: "Y_mp"}
_OPERATORS = (Grad, DirectionalDerivative, Curl, Div)


class Uncheckable(ValueError):
    """The expression cannot be evaluated (the message says why)."""


class OutOfTime(Exception):
    """The time budget of :func:`budget` ran out."""


_DEADLINE = [None]


@contextlib.contextmanager
def budget(deadline):
    """Evaluations inside raise :class:`OutOfTime` once ``time.monotonic()`` passes
    ``deadline`` (None: no limit)."""
    saved, _DEADLINE[0] = _DEADLINE[0], deadline
    try:
        yield
    finally:
        _DEADLINE[0] = saved


def check_time():
    if _DEADLINE[0] is not None and time.monotonic() > _DEADLINE[0]:
        raise OutOfTime()


# Expansions of notation in a frame, and their compiled forms, shared by every sample
# in the process: frames carry a ``cache_key`` (their options and definitions).
_EXPLICIT, _COMPILED = {}, {}


def explicit(frame, expr):
    """``frame.explicit(expr)``, cached for frames with a ``cache_key``."""
    key = getattr(frame, "cache_key", None)
    if key is None:
        return frame.explicit(expr)
    if (key, expr) not in _EXPLICIT:
        _EXPLICIT[key, expr] = frame.explicit(expr)
    return _EXPLICIT[key, expr]


def _compiled(frame, expr):
    key = (getattr(frame, "cache_key", None) or id(frame), expr)
    if key not in _COMPILED:
        try:
            value = explicit(frame, expr)
        except FrameError as error:
            raise Uncheckable(str(error)) from None
        free = sorted(value.free_symbols, key=str)
        _COMPILED[key] = (free, sp.lambdify(free, value, modules="mpmath"))
    return _COMPILED[key]


def symbols_needed(expr, frame, _active=()):
    """The free symbols that evaluating ``expr`` in ``frame`` needs values for.

    Definitions are followed without simplification, so q in q/omega_c is
    needed even though q cancels.
    """
    if isinstance(expr, sp.MatrixBase):
        return set().union(*(symbols_needed(e, frame, _active) for e in expr))
    expr = sp.sympify(expr)
    if expr in frame.scalars and expr not in _active:
        return symbols_needed(frame.scalars[expr], frame, _active + (expr,))
    if isinstance(expr, VectorSymbol) or (isinstance(expr, _OPERATORS)
                                          and not expr.has(sp.Integral)):
        try:
            value = explicit(frame, expr)
        except FrameError as error:
            raise Uncheckable(str(error)) from None
        return set(value.free_symbols)
    if isinstance(expr, sp.Integral):
        inner = symbols_needed(expr.function, frame, _active)
        limits = set().union(*(symbols_needed(sp.Tuple(*limit[1:]), frame, _active)
                               for limit in expr.limits))
        return (inner - set(expr.variables)) | limits
    if isinstance(expr, sp.Symbol):
        return {expr}
    return set().union(set(), *(symbols_needed(a, frame, _active) for a in expr.args))


class Evaluator:
    """Values of notation expressions at one point (dict symbol -> mpf).

    Vectors are lists of three numbers.  ``symbolic`` caches the frame's
    expansion of vector atoms and operators across points.
    """

    def __init__(self, frame, point, precise=True):
        self.frame, self.point, self.precise = frame, point, precise
        self.cache, self.expanding = {}, set()

    def value(self, expr):
        if isinstance(expr, sp.MatrixBase):
            return [self.value(e) for e in expr]
        if expr not in self.cache:
            self.cache[expr] = self._value(sp.sympify(expr))
        return self.cache[expr]

    def _value(self, expr):
        check_time()
        if isinstance(expr, sp.Derivative):
            raise Uncheckable(f"derivatives such as {expr} are not evaluated")
        if isinstance(expr, (sp.logic.boolalg.BooleanAtom, sp.logic.boolalg.BooleanFunction,
                             sp.Rel)):
            raise Uncheckable(f"not an algebraic expression: {expr}")
        if expr.is_Number or expr in (sp.pi, sp.E):
            if not expr.is_finite:
                raise Uncheckable(f"{expr} is not a number")
            return mpmath.mpmathify(sp.N(expr, DIGITS + 10))
        if expr in self.point:
            return self.point[expr]
        if expr in self.frame.scalars:
            if expr in self.expanding:
                raise Uncheckable(f"{expr} is defined through itself")
            self.expanding.add(expr)
            try:
                return self.value(self.frame.scalars[expr])
            finally:
                self.expanding.discard(expr)
        if isinstance(expr, AppliedUndef):
            return self._function_value(expr)
        if isinstance(expr, (VectorSymbol,) + _OPERATORS):
            return self._explicit(expr)
        if isinstance(expr, sp.Symbol):
            raise Uncheckable(f"no value for {expr}")
        if isinstance(expr, sp.Integral):
            return self._integral(expr)
        args = [self.value(a) for a in expr.args]
        if isinstance(expr, sp.Add):
            return _add(args)
        if isinstance(expr, sp.Mul):
            return _mul(args)
        if isinstance(expr, sp.Pow):
            if isinstance(args[0], list):
                raise Uncheckable(f"power of a vector: {expr}")
            return mpmath.power(args[0], args[1])
        if isinstance(expr, Cross):
            a, b = self._vectors(args, expr)
            return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
                    a[0] * b[1] - a[1] * b[0]]
        if isinstance(expr, Dot):
            a, b = self._vectors(args, expr)
            return mpmath.fsum(x * y for x, y in zip(a, b))
        function = _MPMATH.get(expr.func)
        if function is None or any(isinstance(a, list) for a in args):
            raise Uncheckable(f"cannot evaluate {expr.func.__name__}")
        return function(*args)

    @staticmethod
    def _vectors(args, expr):
        if not all(isinstance(a, list) for a in args):
            raise Uncheckable(f"{expr.func.__name__} of a scalar: {expr}")
        if any(len(a) != 3 for a in args):
            raise Uncheckable(f"{expr.func.__name__} of a vector without its three components")
        return args

    def _function_value(self, expr):
        if expr.func not in _DIPOLE:
            raise Uncheckable(f"no value for the function {expr.func.__name__}")
        from guidingcenter import dipole
        argument = self.value(expr.args[0])
        if isinstance(argument, list) or not 0 <= argument <= 1:
            raise Uncheckable(f"{expr} outside its domain 0 <= y <= 1")
        if not self.precise:      # to 1e-13 (an approximation is judged to a few percent)
            return mpmath.mpf(float(getattr(dipole, _DIPOLE[expr.func][:1])(float(argument))))
        return _dipole_value(_DIPOLE[expr.func], argument)

    def _explicit(self, expr):
        free, function = _compiled(self.frame, expr)
        try:
            value = function(*[self.point[s] for s in free])
        except KeyError as missing:
            raise Uncheckable(f"no value for {missing.args[0]}") from None
        if hasattr(value, "tolist"):
            return [v for row in value.tolist() for v in row]
        return value

    def _integral(self, expr):
        if len(expr.limits) != 1 or len(expr.limits[0]) != 3:
            raise Uncheckable(f"only definite single integrals are evaluated: {expr}")
        variable, low, high = expr.limits[0]
        low, high = self.value(low), self.value(high)
        others = self._integrand_constants(expr.function, variable)
        if others is not None:
            fast = None if self.precise else _float_quadrature(
                _integrand(expr.function, variable, "numpy"), [float(v) for v in others],
                low, high)
            if fast is not None:
                return fast
            compiled = _integrand(expr.function, variable, "mpmath")

            def function(x):
                check_time()
                return compiled(x, *others)
        else:
            def function(x):
                inner = Evaluator(self.frame, {**self.point, variable: x}, self.precise)
                value = inner.value(expr.function)
                if isinstance(value, list):
                    raise Uncheckable("integral of a vector")
                return value
        # x = low + (high - low) sin(theta) lifts the integrable 1/sqrt singularity of a
        # bounce integrand at the upper limit (the mirror point); Gauss-Legendre on the
        # smooth result, 20 digits: T, D and Y agree with their mpmath values to 1e-18
        with mpmath.workdps(QUADRATURE_DIGITS):
            width = high - low
            return mpmath.quad(lambda theta: function(low + width * mpmath.sin(theta))
                               * width * mpmath.cos(theta), [0, mpmath.pi / 2],
                               method="gauss-legendre")

    def _integrand_constants(self, function, variable):
        """The values of a plain scalar integrand's symbols other than the variable (in
        the order of :func:`_plain_symbols`), or None when it needs the frame."""
        free = _plain_symbols(function, variable)
        if free is None:
            return None
        try:
            return [self.point[s] if s in self.point else self.value(s) for s in free[1:]]
        except Uncheckable:
            return None


@functools.lru_cache(maxsize=256)
def _plain_symbols(function, variable):
    """The symbols of an integrand made of plain scalar symbols, the variable first; None
    when it needs the frame (vectors, operators, functions other than the elementary)."""
    if function.atoms(AppliedUndef) or any(isinstance(s, VectorSymbol)
                                           for s in function.free_symbols) or \
            function.has(*_OPERATORS):
        return None
    return [variable] + sorted(function.free_symbols - {variable}, key=str)


@functools.lru_cache(maxsize=256)
def _integrand(function, variable, module):
    """The integrand compiled for ``module`` ("numpy" or "mpmath"), a function of the
    variable and then the other symbols."""
    return sp.lambdify(_plain_symbols(function, variable), function, modules=module)


# The 192-point Gauss-Legendre rule on [0, pi/2] (theta of x = low + (high - low) sin theta):
# mpmath's quadrature at QUADRATURE_DIGITS ends with the same rule (degree 7, 3 * 2**6 nodes)
_THETA, _WEIGHTS = (np.pi / 4 * (array + (k == 0)) for k, array in
                    enumerate(np.polynomial.legendre.leggauss(192)))


def _float_quadrature(integrand, others, low, high):
    """The integral in double precision with the rule mpmath's quadrature ends with, or
    None when the integrand is not finite on it.  For the values that are not
    ``precise``: a hundred times faster than mpmath, to ~1e-12 (1 - sin(theta) loses
    digits near the mirror point), which is what SCREEN allows.  An integrand not real on
    the interval (a root of a negative number) is integrated in complex numbers, as
    mpmath would."""
    check_time()
    low, high = complex(low), complex(high)
    if low.imag or high.imag:
        return None
    x = low.real + (high.real - low.real) * np.sin(_THETA)
    with np.errstate(all="ignore"):
        try:
            values = np.asarray(integrand(x, *others))
            if values.dtype.kind == "f" and not np.all(np.isfinite(values)):
                values = np.asarray(integrand(x + 0j, *others))
        except (TypeError, ValueError, ZeroDivisionError, OverflowError, AttributeError):
            return None
        if values.dtype.kind not in "fciu":             # objects SymPy left unevaluated
            return None
        total = complex(np.sum(_WEIGHTS * np.cos(_THETA) * values)) * (high.real - low.real)
    if not (np.isfinite(total.real) and np.isfinite(total.imag)):
        return None
    return mpmath.mpc(total.real, total.imag) if total.imag else mpmath.mpf(total.real)


@functools.lru_cache(maxsize=4096)
def _dipole_value(name, argument):
    """T, D or Y at 30 digits (a quadrature each: the same sample point recurs across the
    conditions and candidates of one check)."""
    from guidingcenter import dipole
    return getattr(dipole, name)(argument, dps=DIGITS)


def _add(args):
    vectors = [a for a in args if isinstance(a, list)]
    if vectors and len(vectors) != len(args):
        if any(a != 0 for a in args if not isinstance(a, list)):
            raise Uncheckable("a vector added to a scalar")
        args = vectors
    if vectors:
        if len({len(a) for a in args}) > 1:
            raise Uncheckable("a sum of vectors with different numbers of components")
        return [mpmath.fsum(a[i] for a in args) for i in range(len(args[0]))]
    return mpmath.fsum(args)


def _mul(args):
    vectors = [a for a in args if isinstance(a, list)]
    if len(vectors) > 1:
        raise Uncheckable("a product of two vectors (use a dot or cross product)")
    scalar = mpmath.fprod(a for a in args if not isinstance(a, list))
    return [scalar * x for x in vectors[0]] if vectors else scalar


def paired(got, want):
    """A claim's value and the truth's, vectors cut to the components both give: a vector
    written by its x and y components alone (across B along z) is compared with the
    truth's x and y components."""
    if isinstance(got, list) != isinstance(want, list):
        raise Uncheckable("a vector compared with a scalar")
    if not isinstance(got, list) or len(got) == len(want):
        return got, want
    if min(len(got), len(want)) != 2:
        raise Uncheckable("vectors with different numbers of components")
    return got[:2], want[:2]


def norm(value):
    if isinstance(value, list):
        return mpmath.sqrt(mpmath.fsum(abs(x)**2 for x in value))
    return abs(value)


class Sample:
    """The truth evaluated at seeded points; claims are measured against it.

    ``shared`` undefined functions (in both claim and truth, other than the
    dipole integrals) get random values: an identity must hold whatever they
    are.  ``grid`` = (symbol, values) sets that symbol point by point (with
    the mirror latitude kept consistent with y = sin(alpha_eq)).
    """

    def __init__(self, truth, frame, domains, symbols, seed=0, points=5, grid=None,
                 shared=(), precise=True):
        self.frame, self.truth, self.domains, self.precise = frame, truth, domains, precise
        self.evaluated = {}
        self.truth_has_integral = sp.sympify(truth).has(sp.Integral)
        rng = random.Random(seed)
        self.points = []
        # Points carry twice the working digits: an integrand singular at a point given
        # by two sampled values (the mirror latitude and y) is only as accurate as the
        # square root of their mismatch.
        with mpmath.workdps(2 * DIGITS):
            for i in range(points):
                exact = sample_point(symbols, domains, rng)
                if grid is not None and grid[0] in exact:
                    exact[grid[0]] = grid[1][i % len(grid[1])]
                point = {k: mpmath.mpmathify(str(sp.N(v, 2 * DIGITS)))
                         for k, v in exact.items()}
                if grid is not None and grid[0] == S.y and S.lam_m in point and S.y in point:
                    from guidingcenter.dipole import mirror_latitude_mp
                    point[S.lam_m] = mirror_latitude_mp(point[S.y], dps=2 * DIGITS)
                point.update({f: mpmath.mpf(rng.uniform(0.5, 2))
                              for f in sorted(shared, key=sp.default_sort_key)})
                self.points.append(point)
        self.values(truth, 1)               # the truth must be evaluable; the rest on demand

    @property
    def truth_values(self):
        return self.values(self.truth)

    def values(self, expr, count=None, precise=None):
        """The values of ``expr`` at the first ``count`` points (all by default); each
        point is evaluated once per expression (``precise``: as the sample's, unless
        told)."""
        count = len(self.points) if count is None else min(count, len(self.points))
        precise = self.precise if precise is None else precise
        known = self.evaluated.setdefault((expr, precise), [])
        with mpmath.workdps(DIGITS):
            try:
                for point in self.points[len(known):count]:
                    known.append(Evaluator(self.frame, point, precise).value(
                        sp.sympify(expr)))
                return known[:count]
            except (ZeroDivisionError, OverflowError) as error:
                raise Uncheckable(f"{expr} is singular at a sample point ({error})") from None
            except (TypeError, ValueError, AttributeError) as error:
                raise Uncheckable(f"{expr} cannot be evaluated ({error})") from None

    def errors(self, expr, count=None, precise=None):
        """Relative distance from the truth at each point (raises Uncheckable)."""
        values = self.values(expr, count, precise)
        out = []
        with mpmath.workdps(DIGITS):
            for got, want in zip(values, self.values(self.truth, count, precise)):
                got, want = paired(got, want)
                difference = ([x - y for x, y in zip(got, want)] if isinstance(got, list)
                              else got - want)
                scale = max(norm(got), norm(want), mpmath.mpf(10) ** -25)
                out.append(float(norm(difference) / scale))
        return out

    def truth_vanishes(self):
        """Is the truth zero at every point?  (A limit such as c -> oo can make both sides
        of beta = sqrt(1 - 1/gamma) zero: equal, and saying nothing.)"""
        return all(norm(value) == 0 for value in self.truth_values)

    def equal(self, expr, tolerance=EXACT, quick=False):
        """Within ``tolerance`` of the truth at every point (the first two if ``quick``,
        or the first ``quick`` points)."""
        count = None if not quick else (2 if quick is True else quick)
        try:                  # one point first: most candidates differ there already
            if self._screened(expr) and any(e > SCREEN for e in self.errors(expr, 1, False)):
                return False
            return all(e <= tolerance for e in self.errors(expr, 1)) and \
                all(e <= tolerance for e in self.errors(expr, count))
        except (Uncheckable, ValueError, TypeError):
            return False

    def ratio(self, expr, tolerance=EXACT):
        """The constant k with claim = k * truth at every point, or None."""
        try:
            if self._screened(expr) and self._ratios(expr, SCREEN, 2, False) is None:
                return None
            if self._ratios(expr, tolerance, 2) is None:      # two points decide most
                return None
            return self._ratios(expr, tolerance, None)
        except (Uncheckable, ValueError, TypeError):
            return None

    def _screened(self, expr):
        """Is ``expr`` first measured in double precision?  A precise sample with an
        integral: the quadrature is what costs, and most candidates are far off."""
        return self.precise and (self.truth_has_integral or
                                 sp.sympify(expr).has(sp.Integral))

    def _ratios(self, expr, tolerance, count, precise=None):
        values = self.values(expr, count, precise)
        ratios = []
        with mpmath.workdps(DIGITS):
            for got, want in zip(values, self.values(self.truth, count, precise)):
                got, want = paired(got, want)
                if norm(want) == 0:
                    return None
                pairs = list(zip(got, want)) if isinstance(got, list) else [(got, want)]
                k = next((g / w for g, w in pairs if abs(w) > 1e-6 * norm(want)), None)
                if k is None or any(abs(g - k * w) > tolerance * (norm(got) + abs(k) * norm(want))
                                    for g, w in pairs):
                    return None
                ratios.append(k)
            if all(abs(k - ratios[0]) <= tolerance * abs(ratios[0]) for k in ratios):
                return ratios[len(ratios) // 2]
        return None
