"""Verdicts on formulas: compare a formula with a derived result, name what differs.

:func:`compare` judges a claim (a SymPy expression or equation in the notation
of :mod:`guidingcenter.symbols` and :mod:`guidingcenter.vectors`) against a
derived result: ``holds``; ``holds-with-condition`` (equal only under a
condition the claim does not state: non-relativistic speeds, a current-free
field, a positive charge, ...); or ``erratum`` with a diagnosis found by
search, not typed: a constant factor, a flipped sign (of the whole or of one
term), a wrong exponent, a wrong function, two symbols swapped, a missing or
extra factor, dimensional inconsistency — and the corrected formula.

Both sides are evaluated numerically at seeded random points (30 significant
digits) in a general frame: a magnetic field of arbitrary direction with all
its first derivatives (div B = 0), independent vectors E, F, g, ..., and the
standard definitions (omega_c = qB/m, mu = m v_perp^2/(2B), the unit vector
b, the curvature (b.grad)b, v^2 = v_perp^2 + v_par^2, ...).  Agreement to 20
digits at every point is equality.
"""

import itertools
import random
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.dimensions import Inconsistent, describe, dimension
from guidingcenter.engine import sample_point
from guidingcenter.vectors import (Cross, Curl, DirectionalDerivative, Div, Dot, Frame,
                                   FrameError, Grad, VectorSymbol)

__all__ = ["Finding", "Condition", "CONDITIONS", "compare", "best_match", "checking_frame",
           "Uncheckable"]

DIGITS = 30
TOLERANCE = mpmath.mpf(10) ** -20   # equal: 20 of the 30 digits agree (rounding is ~1e-28)
POINTS = 5


class Uncheckable(ValueError):
    """The claim cannot be evaluated in the checking frame (reason in the message)."""


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim against one derived result."""

    verdict: str            # "holds", "holds-with-condition" or "erratum"
    against: str            # name of the derived result
    diagnosis: str = ""     # what differs (erratum) or "" (holds)
    corrected: object = None
    condition: str = ""     # the condition under which it holds
    edits: tuple = ()       # machine-readable: (("factor", k), ("sign",), ...)


# --- the checking frame -----------------------------------------------------------

def checking_frame(curl_free=False):
    """A general local frame: B of any direction with all nine first derivatives
    (trace zero: div B = 0; symmetric too if ``curl_free``), other vectors free."""
    position = sp.Matrix([S.X, S.Y, S.Z])
    G = sp.Matrix(S.field_gradient)
    G[2, 2] = -G[0, 0] - G[1, 1]
    if curl_free:
        G = sp.Matrix(3, 3, lambda i, j: G[min(i, j), max(i, j)])
    field = S.components("B0") + G * position
    free = {vector: S.components(vector.name.replace("_vec", ""))
            for vector in (S.E_vec, S.F_vec, S.g_vec, S.v_vec, S.dE_dt, S.dvF_dt, S.v_F)}
    vectors = {
        S.B_vec: field,
        S.b_hat: S.B_vec / S.B,
        S.kappa: DirectionalDerivative(S.b_hat, S.b_hat),
        S.R_c_vec: -S.kappa / Dot(S.kappa, S.kappa),
        S.grad_B: Grad(S.B),
        S.dEperp_dt: S.dE_dt - Dot(S.dE_dt, S.b_hat) * S.b_hat,
        **free,
    }
    scalars = {
        S.B: sp.sqrt(Dot(S.B_vec, S.B_vec)),
        S.R_c: 1 / sp.sqrt(Dot(S.kappa, S.kappa)),
        S.omega_c: S.q * S.B / S.m,
        S.mu: S.m * S.v_perp**2 / (2 * S.B),
        S.v: sp.sqrt(S.v_perp**2 + S.v_par**2),
        S.gamma: 1 / sp.sqrt(1 - S.v**2 / S.c**2),
        S.W_perp: S.m * S.v_perp**2 / 2,
        S.W_par: S.m * S.v_par**2 / 2,
    }
    return Frame(vectors, scalars, position)


# Sampling intervals that keep the physics sensible (speeds below c, pitch angles
# in the first quadrant, a mirror field above the starting field, ...).
DOMAINS = {
    S.v_perp: (0, S.c / 3), S.v_par: (-S.c / 3, S.c / 3), S.W: (0, S.m * S.c**2),
    S.y: (0, 1), S.L: (1, 10), S.lam: (-1, 1), S.lam_m: (0, sp.Rational(13, 10)),
    S.alpha: (0, sp.pi / 2), S.alpha_eq: (0, sp.pi / 2), S.alpha_0: (0, sp.pi / 2),
    S.alpha_1: (0, sp.pi / 2), S.alpha_2: (0, sp.pi / 2), S.alpha_lc: (0, sp.pi / 2),
    S.B_max: (S.B_0, 4 * S.B_0), S.B_m: (S.B_eq, 4 * S.B_eq),
    S.v_perp_i: (0, S.c / 3), S.v_perp_e: (0, S.c / 3),
    S.v_par_i: (-S.c / 3, S.c / 3), S.v_par_e: (-S.c / 3, S.c / 3),
}


@dataclass(frozen=True)
class Condition:
    """A condition under which a claim may hold that it does not state."""

    key: str
    name: str
    frame: object = None      # a different checking frame
    domains: tuple = ()       # extra sampling intervals, ((symbol, (low, high)), ...)
    limit: object = None      # symbol taken to infinity in the truth (e.g. c)

    def applies(self, claim, truth):
        if self.limit is not None:
            return truth.has(self.limit) and not claim.has(self.limit)
        if self.frame is not None:
            return any(e.has(Grad, DirectionalDerivative, Curl, S.kappa, S.R_c_vec, S.grad_B,
                             S.R_c) for e in (claim, truth))
        return any(e.has(symbol) for symbol, _ in self.domains for e in (claim, truth))


CONDITIONS = (
    Condition("nonrelativistic", "non-relativistic speeds (v << c)", limit=S.c),
    Condition("vacuum", "a current-free field (curl B = 0)", frame=checking_frame(True)),
    Condition("positive-charge", "a positive charge (q > 0)", domains=((S.q, (0, 3)),)),
    Condition("forward", "motion along B (v_par > 0)", domains=((S.v_par, (0, S.c / 3)),)),
)
CONDITION_KEYS = {condition.key: condition for condition in CONDITIONS}


# --- numeric evaluation of notation ---------------------------------------------------

_MPMATH = {sp.sin: mpmath.sin, sp.cos: mpmath.cos, sp.tan: mpmath.tan, sp.asin: mpmath.asin,
           sp.acos: mpmath.acos, sp.atan: mpmath.atan, sp.sinh: mpmath.sinh,
           sp.cosh: mpmath.cosh, sp.tanh: mpmath.tanh, sp.asinh: mpmath.asinh,
           sp.acosh: mpmath.acosh, sp.atanh: mpmath.atanh, sp.exp: mpmath.exp,
           sp.log: mpmath.log, sp.Abs: abs, sp.cot: mpmath.cot, sp.sec: mpmath.sec,
           sp.csc: mpmath.csc, sp.sign: mpmath.sign}


_DIPOLE_INTEGRALS = {S.T_of: "T_mp", S.D_of: "D_mp", S.Y_of: "Y_mp"}


class _Evaluator:
    """Values of notation expressions at one point, in mpmath at DIGITS digits.

    Vectors are lists of three numbers.  Vector atoms and differential
    operators are expanded symbolically once (shared cache), then evaluated.
    """

    def __init__(self, frame, point, symbolic_cache):
        self.frame, self.point, self.symbolic = frame, point, symbolic_cache
        self.cache = {}

    def value(self, expr):
        if isinstance(expr, sp.MatrixBase):
            return [self.value(e) for e in expr]
        key = expr
        if key in self.cache:
            return self.cache[key]
        result = self._value(expr)
        self.cache[key] = result
        return result

    def _value(self, expr):
        if expr.is_Number or expr in (sp.pi, sp.E):
            return mpmath.mpmathify(sp.N(expr, DIGITS + 10))
        if isinstance(expr, sp.Symbol) and not isinstance(expr, VectorSymbol) \
                and expr not in self.frame.scalars:
            if expr not in self.point:
                raise Uncheckable(f"no value for {expr}")
            return self.point[expr]
        if isinstance(expr, (sp.Symbol, Grad, DirectionalDerivative, Curl, Div, AppliedUndef)):
            return self._explicit(expr)
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
            a, b = args
            return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2],
                    a[0] * b[1] - a[1] * b[0]]
        if isinstance(expr, Dot):
            return mpmath.fsum(x * y for x, y in zip(*args))
        if isinstance(expr, sp.atan2):
            return mpmath.atan2(*args)
        function = _MPMATH.get(expr.func)
        if function is None or any(isinstance(a, list) for a in args):
            raise Uncheckable(f"cannot evaluate {expr.func.__name__}")
        return function(*args)

    def _explicit(self, expr):
        if expr in self.point:               # opaque function values such as T(y)
            return self.point[expr]
        if isinstance(expr, AppliedUndef) and expr.func in _DIPOLE_INTEGRALS:
            from guidingcenter import dipole
            argument = self.value(expr.args[0])
            return getattr(dipole, _DIPOLE_INTEGRALS[expr.func])(argument, dps=DIGITS)
        if expr not in self.symbolic:
            try:
                explicit = self.frame.explicit(expr)
            except FrameError as error:
                raise Uncheckable(str(error)) from None
            self.symbolic[expr] = explicit
        explicit = self.symbolic[expr]
        with mpmath.workdps(DIGITS + 10):
            substituted = explicit.xreplace({k: sp.Float(v, DIGITS + 10) if not isinstance(v, list)
                                             else v for k, v in self.point.items()
                                             if isinstance(k, sp.Symbol)})
            if isinstance(substituted, sp.MatrixBase):
                return [self._number(e) for e in substituted]
            return self._number(substituted)

    def _number(self, expr):
        value = sp.N(expr, DIGITS + 5)
        if value.free_symbols:
            missing = ", ".join(sorted(map(str, value.free_symbols)))
            raise Uncheckable(f"no value for {missing}")
        real, imag = value.as_real_imag()
        return mpmath.mpc(mpmath.mpmathify(str(real)), mpmath.mpmathify(str(imag))) \
            if imag != 0 else mpmath.mpmathify(str(real))


def _add(args):
    vectors = [a for a in args if isinstance(a, list)]
    if vectors and len(vectors) != len(args):
        if all(a == 0 for a in args if not isinstance(a, list)):
            args = vectors
        else:
            raise Uncheckable("a vector added to a scalar")
    if vectors:
        return [mpmath.fsum(a[i] for a in args) for i in range(3)]
    return mpmath.fsum(args)


def _mul(args):
    vectors = [a for a in args if isinstance(a, list)]
    if len(vectors) > 1:
        raise Uncheckable("a product of two vectors (use a dot or cross product)")
    scalar = mpmath.fprod(a for a in args if not isinstance(a, list))
    return [scalar * x for x in vectors[0]] if vectors else scalar


def _norm(value):
    if isinstance(value, list):
        return mpmath.sqrt(mpmath.fsum(abs(x)**2 for x in value))
    return abs(value)


def _difference(a, b):
    if isinstance(a, list) != isinstance(b, list):
        return None
    if isinstance(a, list):
        return [x - y for x, y in zip(a, b)]
    return a - b


# --- comparing two expressions -------------------------------------------------------

class _Comparison:
    """A claim and the truth, sampled at seeded points in one frame.

    Values of undefined functions that both sides contain (T(y) in a claim
    about the bounce period, ...) are random: an identity must hold whatever
    they are.  A dipole integral on one side only gets its true value.
    """

    def __init__(self, truth, frame, domains, seed, symbols, claim=None, points=POINTS,
                 grid=None):
        self.frame, self.truth = frame, truth
        self.symbolic = {}
        rng = random.Random(seed)
        shared = truth.atoms(AppliedUndef) & (claim.atoms(AppliedUndef) if claim is not None
                                              else set())
        self.points = []
        for i in range(points):
            exact = sample_point(symbols, domains, rng)
            if grid is not None and grid[0] in exact:
                exact[grid[0]] = grid[1][i % len(grid[1])]
            point = {k: mpmath.mpmathify(str(sp.N(v, DIGITS + 10))) for k, v in exact.items()}
            point.update({f: mpmath.mpf(rng.uniform(0.5, 2)) for f in
                          sorted(shared, key=sp.default_sort_key)})
            self.points.append(point)
        with mpmath.workdps(DIGITS):
            self.truth_values = [self._evaluate(truth, point) for point in self.points]

    def _evaluate(self, expr, point):
        return _Evaluator(self.frame, point, self.symbolic).value(sp.sympify(expr))

    def values(self, expr, points=None):
        with mpmath.workdps(DIGITS):
            return [self._evaluate(expr, p) for p in (points or self.points)]

    def equal(self, expr, quick=False):
        """Equal to the truth at every sample point (the first two if ``quick``)."""
        count = 2 if quick else POINTS
        try:
            values = self.values(expr, self.points[:count])
        except (Uncheckable, ZeroDivisionError, ValueError, TypeError):
            return False
        with mpmath.workdps(DIGITS):
            for got, want in zip(values, self.truth_values[:count]):
                difference = _difference(got, want)
                if difference is None:
                    return False
                scale = max(_norm(got), _norm(want), mpmath.mpf(10) ** -25)
                if _norm(difference) > TOLERANCE * scale:
                    return False
        return True

    def ratio(self, expr):
        """The constant c with claim = c * truth at every point, or None."""
        try:
            values = self.values(expr)
        except (Uncheckable, ZeroDivisionError, ValueError, TypeError):
            return None
        ratios = []
        with mpmath.workdps(DIGITS):
            for got, want in zip(values, self.truth_values):
                if isinstance(got, list) != isinstance(want, list) or _norm(want) == 0:
                    return None
                pairs = list(zip(got, want)) if isinstance(got, list) else [(got, want)]
                k = next((g / w for g, w in pairs if abs(w) > TOLERANCE * _norm(want)), None)
                if k is None or any(abs(g - k * w) > TOLERANCE * _norm(got) + TOLERANCE *
                                    abs(k) * _norm(want) for g, w in pairs):
                    return None
                ratios.append(k)
            if all(abs(k - ratios[0]) <= TOLERANCE * abs(ratios[0]) for k in ratios):
                return ratios[0]
        return None


def _explicit_symbols(expr, frame):
    try:
        value = frame.explicit(expr)
    except FrameError as error:
        raise Uncheckable(str(error)) from None
    return value.free_symbols - set(frame.position or [])


def _nice_number(value):
    """A short exact form of a float ratio (2, 1/2, sqrt(2), 2*pi, ...), if any."""
    value = complex(value)
    if abs(value.imag) > 1e-12 * abs(value):
        return None
    real = value.real
    candidate = sp.nsimplify(real, [sp.pi], tolerance=1e-12, rational=False)
    if candidate.count_ops() <= 6 and abs(float(candidate) - real) <= 1e-12 * abs(real):
        return candidate
    return sp.Float(real, 6)


# --- single-edit search ------------------------------------------------------------

_FUNCTION_SWAPS = {
    sp.atanh: (sp.atan, sp.asin), sp.atan: (sp.atanh, sp.asin, sp.acos),
    sp.tanh: (sp.tan,), sp.tan: (sp.tanh, sp.sin, sp.cos), sp.sin: (sp.cos, sp.tan),
    sp.cos: (sp.sin,), sp.asin: (sp.acos, sp.atan), sp.acos: (sp.asin,),
    sp.sinh: (sp.sin,), sp.cosh: (sp.cos,), sp.asinh: (sp.asin,),
    sp.exp: (sp.log,), sp.log: (sp.exp,),
}
_EXPONENT_SHIFTS = (1, -1, sp.Rational(1, 2), -sp.Rational(1, 2), 2)


def _edits(expr):
    """Every single edit of ``expr``: (description, kind data, edited expression)."""
    yield from _node_edits(expr, lambda new: new)


def _node_edits(node, rebuild):
    if isinstance(node, sp.Pow) and node.exp.is_Number:
        base, exponent = node.args
        for new in _exponent_candidates(exponent):
            yield (f"wrong exponent: {_show(node)} where {_show(base ** new)} is right",
                   ("exponent", base, exponent, new), rebuild(base ** new))
    if isinstance(node, sp.Symbol) and not isinstance(node, VectorSymbol):
        for new in (2, sp.Rational(1, 2), -1):
            yield (f"wrong exponent: {_show(node)} where {_show(node ** new)} is right",
                   ("exponent", node, 1, new), rebuild(node ** new))
    if isinstance(node, sp.Add) and len(node.args) > 1:
        for count in (1, 2):
            for chosen in itertools.combinations(range(len(node.args)), count):
                if count == 2 and len(node.args) < 4:
                    continue
                terms = [node.args[i] for i in chosen]
                others = [a for i, a in enumerate(node.args) if i not in chosen]
                words = " and ".join(_show(t) for t in terms)
                yield (f"flipped sign of the term{'s' if count > 1 else ''} {words}",
                       ("term-sign",) + tuple(terms), rebuild(sp.Add(*others, *[-t for t in terms])))
    if isinstance(node, sp.Function) and node.func in _FUNCTION_SWAPS:
        for other in _FUNCTION_SWAPS[node.func]:
            yield (f"wrong function: {node.func.__name__} where {other.__name__} is right",
                   ("function", node.func.__name__, other.__name__), rebuild(other(*node.args)))
    if isinstance(node, Cross):
        yield ("cross product in the wrong order (flipped sign)", ("cross-order",),
               rebuild(Cross(node.args[1], node.args[0])))
    for i, arg in enumerate(node.args):
        if isinstance(node, (sp.Integral, AppliedUndef)):
            break
        def inner(new, i=i):
            return rebuild(node.func(*node.args[:i], new, *node.args[i + 1:]))
        yield from _node_edits(arg, inner)


def _exponent_candidates(exponent):
    seen = {exponent}
    for shift in _EXPONENT_SHIFTS:
        for new in (exponent + shift, exponent * shift if shift in (2, -1) else None):
            if new is not None and new not in seen and new != 0:
                seen.add(new)
                yield new


def _swaps(expr, truth):
    """Two symbols of the claim exchanged, or one replaced by a symbol of the truth."""
    def kinds(symbols):
        names = sorted((s for s in symbols if not isinstance(s, VectorSymbol)), key=str)
        vectors = sorted((s for s in symbols if isinstance(s, VectorSymbol)), key=str)
        return names, vectors
    for group in kinds(expr.free_symbols):
        for a, b in itertools.combinations(group, 2):
            yield (f"symbols {_show(a)} and {_show(b)} swapped", ("swap", a, b),
                   expr.xreplace({a: b, b: a}))
    for mine, theirs in zip(kinds(expr.free_symbols), kinds(truth.free_symbols)):
        for a in mine:
            for b in theirs:
                if b not in expr.free_symbols:
                    yield (f"wrong symbol: {_show(a)} where {_show(b)} is right",
                           ("symbol", a, b), expr.xreplace({a: b}))


def _show(expr):
    return sp.sstr(expr)


# --- the verdict -------------------------------------------------------------------

def compare(claim, result, *, name="", stated=(), seed=0, approximate=False):
    """Judge ``claim`` against the derived ``result`` (a Result or an expression).

    ``stated`` lists keys of :data:`CONDITIONS` that the source states (they are
    applied, and a claim that needs them simply holds).  An ``approximate``
    claim (a fit, "=~") is judged by its largest relative error over the
    domain: within :data:`APPROXIMATION_LIMIT` it holds as an approximation of
    that accuracy.  Raises :class:`Uncheckable` when the claim cannot be
    evaluated.
    """
    truth_statement = getattr(result, "statement", result)
    name = name or getattr(result, "name", "")
    claim_rhs, truth = _align(claim, truth_statement)
    frame, domains, truth = _setting(stated, claim_rhs, truth)
    symbols = _explicit_symbols(claim_rhs, frame) | _explicit_symbols(truth, frame)
    if approximate:
        return _approximation(claim, claim_rhs, truth, frame, domains, seed, symbols, name)
    comparison = _Comparison(truth, frame, domains, seed, symbols, claim_rhs)
    if comparison.equal(claim_rhs):
        return Finding("holds", name)
    conditional = []
    for condition in CONDITIONS:
        if condition.key in stated or not condition.applies(claim_rhs, truth):
            continue
        c_frame, c_domains, c_truth = _setting(tuple(stated) + (condition.key,), claim_rhs,
                                               truth)
        symbols_c = _explicit_symbols(claim_rhs, c_frame) | _explicit_symbols(c_truth, c_frame)
        under = _Comparison(c_truth, c_frame, c_domains, seed, symbols_c, claim_rhs)
        if under.equal(claim_rhs):
            return Finding("holds-with-condition", name, condition=condition.name,
                           corrected=_rebuild(claim, truth))
        conditional.append((condition, under))
    finding = _erratum(claim, claim_rhs, truth, comparison, name)
    if finding.edits != (("differs",),):
        return finding
    for condition, under in conditional:   # e.g. a wrong function that is right for v_par > 0
        found = _erratum(claim, claim_rhs, truth, under, name)
        if found.edits != (("differs",),):
            return Finding("erratum", name, f"{found.diagnosis} (and even then only for "
                                            f"{condition.name})", _rebuild(claim, truth),
                           condition=condition.name, edits=found.edits)
    return finding


APPROXIMATION_LIMIT = 0.10   # an approximation within 10 % everywhere "holds" as one
_APPROXIMATION_POINTS = 64
# y = sin(alpha_eq) on a grid with both ends, where the classic fits are worst
_Y_GRID = [sp.Rational(1, 10**9), sp.Rational(1, 10**4)] + [sp.Rational(k, 60)
                                                            for k in range(1, 61)] + [1]


def _approximation(claim, claim_rhs, truth, frame, domains, seed, symbols, name):
    comparison = _Comparison(truth, frame, domains, seed, symbols, claim_rhs,
                             points=_APPROXIMATION_POINTS, grid=(S.y, _Y_GRID))
    try:
        values = comparison.values(claim_rhs)
    except (Uncheckable, ZeroDivisionError, ValueError, TypeError) as error:
        raise Uncheckable(str(error)) from None
    errors, ratios = [], []
    with mpmath.workdps(DIGITS):
        for point, got, want in zip(comparison.points, values, comparison.truth_values):
            difference = _difference(got, want)
            if difference is None:
                raise Uncheckable("the claim and the result differ in kind (vector/scalar)")
            errors.append((float(_norm(difference) / _norm(want)), point))
            if not isinstance(got, list):
                ratios.append(float(mpmath.re(got / want)))
    worst, where = max(errors, key=lambda item: item[0])
    at = f" at y = {float(where[S.y]):.3g}" if S.y in where else ""
    if worst <= float(TOLERANCE):
        return Finding("holds", name)
    if worst <= APPROXIMATION_LIMIT:
        return Finding("holds-with-condition", name, condition=(
            f"as an approximation: largest error {100 * worst:.2g}%{at}"),
            corrected=_rebuild(claim, truth))
    diagnosis = f"approximation off by up to {100 * worst:.3g}%{at}"
    edits = (("approximation", worst),)
    if ratios:
        middle = sorted(ratios)[len(ratios) // 2]
        nice = _nice_number(middle)
        spread = max(abs(r / middle - 1) for r in ratios)
        if nice is not None and nice != 1 and spread <= APPROXIMATION_LIMIT and \
                abs(float(nice) / middle - 1) <= APPROXIMATION_LIMIT:
            diagnosis = (f"constant factor {_show(nice)} (besides an approximation error of "
                         f"{100 * spread:.2g}%)")
            edits = (("factor", nice),)
    return Finding("erratum", name, diagnosis, _rebuild(claim, truth), edits=edits)


def _setting(stated, claim, truth):
    frame = checking_frame(curl_free="vacuum" in stated)
    domains = dict(DOMAINS)
    for key in stated:
        condition = CONDITION_KEYS[key]
        domains.update(dict(condition.domains))
        if condition.limit is not None and truth.has(condition.limit):
            truth = _limit(truth, condition.limit)
    return frame, domains, truth


def _limit(expr, symbol):
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda e: _limit(e, symbol))
    return sp.limit(expr, symbol, sp.oo)


def _align(claim, truth):
    """The claim's and the truth's right-hand sides, compared for the same quantity."""
    if isinstance(claim, sp.Equality) and isinstance(truth, sp.Equality):
        if claim.lhs == truth.lhs:
            return claim.rhs, truth.rhs
        target = truth.lhs
        solved = _solve_for(claim, target) if target.free_symbols else None
        if solved is not None:
            return solved, truth.rhs
        target = claim.lhs
        solved = _solve_for(truth, target)
        if solved is not None:
            return claim.rhs, solved
        raise Uncheckable(f"the claim is about {claim.lhs}, the result about {truth.lhs}")
    if isinstance(claim, sp.Equality):
        return claim.rhs, _rhs(truth)
    return claim, _rhs(truth)


def _rhs(statement):
    return statement.rhs if isinstance(statement, sp.Equality) else statement


def _solve_for(equation, target):
    """``equation`` solved for the expression ``target`` (unique solution), or None."""
    if not equation.has(target) or isinstance(equation.lhs, sp.MatrixBase):
        return None
    marker = sp.Dummy("target", positive=True)
    residual = (equation.lhs - equation.rhs).subs(target, marker)
    if residual.has(target):
        return None
    try:
        solutions = sp.solve(residual, marker)
    except (NotImplementedError, ValueError):
        return None
    solutions = [s for s in solutions if s.is_real is not False]
    return solutions[0] if len(solutions) == 1 else None


def _rebuild(claim, rhs):
    return sp.Eq(claim.lhs, rhs, evaluate=False) if isinstance(claim, sp.Equality) else rhs


def _erratum(claim, claim_rhs, truth, comparison, name):
    notes = []
    try:
        got, want = dimension(claim_rhs), dimension(truth)
        if None not in (got, want) and got != want:
            notes.append(f"dimensionally inconsistent: {describe(got)} where the result "
                         f"has {describe(want)}")
        elif isinstance(claim, sp.Equality):
            dimension(sp.Eq(claim.lhs, claim_rhs, evaluate=False))
    except Inconsistent as error:
        notes.append(f"dimensionally inconsistent: {error}")
    k = comparison.ratio(claim_rhs)
    if k is not None:
        nice = _nice_number(k)
        order = next((c for d, e, c in _edits(claim_rhs) if e == ("cross-order",)
                      and comparison.equal(c)), None) if nice == -1 else None
        if order is not None:
            return Finding("erratum", name, "; ".join(["flipped sign: cross product in the "
                                                       "wrong order"] + notes),
                           _rebuild(claim, order), edits=(("sign",), ("cross-order",)))
        if nice == -1:
            text, edit = "flipped sign", ("sign",)
        elif nice is not None and nice < 0:
            text, edit = f"flipped sign and constant factor {_show(-nice)}", ("factor", nice)
        else:
            text, edit = f"constant factor {_show(nice)}", ("factor", nice)
        return Finding("erratum", name, "; ".join([text] + notes),
                       _rebuild(claim, sp.simplify(claim_rhs / nice)) if nice else
                       _rebuild(claim, truth), edits=(edit,))
    for description, edit, candidate in itertools.chain(_edits(claim_rhs),
                                                        _swaps(claim_rhs, truth)):
        if comparison.equal(candidate, quick=True) and comparison.equal(candidate):
            return Finding("erratum", name, "; ".join([description] + notes),
                           _rebuild(claim, candidate), edits=(edit,))
    factor = _missing_factor(claim_rhs, truth, comparison)
    if factor is not None:
        description, edit = factor
        return Finding("erratum", name, "; ".join([description] + notes),
                       _rebuild(claim, truth), edits=(edit,))
    text = "differs from the derived result"
    return Finding("erratum", name, "; ".join([text] + notes), _rebuild(claim, truth),
                   edits=(("differs",),))


def _missing_factor(claim, truth, comparison):
    """claim = k * s**p * truth for a symbol s (p = +-1, +-2, +-1/2)?"""
    symbols = sorted((claim.free_symbols | truth.free_symbols)
                     - {s for s in claim.free_symbols if isinstance(s, VectorSymbol)}, key=str)
    for symbol in symbols:
        for power in (1, -1, 2, -2, sp.Rational(1, 2), -sp.Rational(1, 2)):
            k = comparison.ratio(claim / symbol**power)
            if k is None:
                continue
            nice = _nice_number(k)
            factor = (nice if nice is not None else 1) * symbol**power
            where = "extra" if claim.has(symbol) or not truth.has(symbol) else "missing"
            if where == "missing":
                factor = 1 / factor
            return (f"{where} factor {_show(factor)}", (f"{where}-factor", factor))
    return None


# --- which result is a formula about? -------------------------------------------------

_RANK = {"holds": 0, "holds-with-condition": 1, "erratum": 2}
_SPECIFIC = ("factor", "sign", "exponent", "term-sign", "function", "cross-order", "swap",
             "symbol", "extra-factor", "missing-factor")


def best_match(claim, results):
    """The :class:`Finding` against whichever of ``results`` the claim matches best.

    Results about the same quantity (same left-hand side) are tried first; a
    claim that holds wins, then one that holds under a condition, then an
    erratum explained by a single edit.  Raises :class:`Uncheckable` when no
    result can be compared.
    """
    candidates = _candidates(claim, results)
    best, reasons = None, []
    for result in candidates:
        try:
            finding = compare(claim, result)
        except Uncheckable as error:
            reasons.append(f"{result.name}: {error}")
            continue
        key = (_RANK[finding.verdict], 0 if finding.edits and finding.edits[0][0] in _SPECIFIC
               else 1)
        if best is None or key < best[0]:
            best = (key, finding)
        if key[0] == 0:
            break
    if best is None:
        raise Uncheckable("no derived result to compare with" + (
            f" ({reasons[0]})" if reasons else ""))
    return best[1]


def _candidates(claim, results):
    results = list(results)
    if isinstance(claim, sp.Equality):
        same = [r for r in results if isinstance(r.statement, sp.Equality)
                and r.statement.lhs == claim.lhs]
        if same:
            return same
    symbols = sp.sympify(claim).free_symbols

    def overlap(result):
        theirs = result.statement.free_symbols
        return len(symbols & theirs) / max(1, len(symbols | theirs))
    ranked = sorted((r for r in results if overlap(r) > 0), key=overlap, reverse=True)
    return ranked[:8]
