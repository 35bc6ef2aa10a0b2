"""Proving two expressions equal: symbolically, or by seeded high-precision numbers.

:func:`prove_equal` expands both sides in a :class:`~guidingcenter.vectors.Frame`
and tries each :class:`Prover` in turn: :class:`SymbolicProver` (the difference
reduces to zero) and :class:`NumericProver` (agreement to 30 significant digits
at seeded random points that respect the symbols' assumptions and sampling
intervals).  It returns a :class:`Proof` recording which, or raises
:class:`StepNotProved` with the residual.
"""

import random
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter.vectors import Frame, FrameError

__all__ = ["Proof", "Prover", "SymbolicProver", "NumericProver", "PROVERS", "StepNotProved",
           "prove_equal", "sample_point", "opaque_functions"]


class StepNotProved(ValueError):
    """A typed step the engine could not prove equal to what was computed."""


@dataclass(frozen=True)
class Proof:
    """How a step was established.

    ``method`` is one of ``given``, ``definition``, ``imported``, ``computed``
    (an operation applied to earlier steps), ``symbolic`` or ``numeric``
    (a typed form proved equal to a computed one).
    """

    method: str
    detail: str


class Prover:
    """Base class: try to prove ``a == b`` (components already explicit).

    Subclasses override :meth:`attempt`, returning ``(proved, detail)``.
    """

    method = "abstract"

    def attempt(self, pairs, domains, seed):
        raise NotImplementedError


class SymbolicProver(Prover):
    """Differences reduced to zero by expand / cancel / trigonometric expansion /
    simplify (the last skipped for integrals and very large expressions)."""

    method = "symbolic"
    max_ops_for_simplify = 600

    def attempt(self, pairs, domains, seed):
        for a, b in pairs:
            if not self.is_zero(sp.sympify(a) - sp.sympify(b)):
                return False, ""
        return True, "difference simplifies to 0"

    def is_zero(self, difference):
        if difference == 0:
            return True
        for reduce in (sp.expand, lambda d: sp.cancel(sp.together(d)),
                       lambda d: sp.expand(sp.expand_trig(d))):
            if reduce(difference) == 0:
                return True
        # simplify can run for hours on integrals and very large expressions: those
        # are left to the numeric prover.
        if difference.has(sp.Integral) or sp.count_ops(difference) > self.max_ops_for_simplify:
            return False
        return sp.simplify(difference) == 0


class NumericProver(Prover):
    """Agreement to ``digits`` significant digits at seeded random points.

    Points respect the symbols' assumptions (positive, negative, nonzero,
    integer) and any interval given in ``domains``; both sides are evaluated
    by SymPy's adaptive ``evalf`` at ``dps`` digits from exact rational inputs.
    """

    method = "numeric"
    points = 5
    dps = 40
    digits = 30

    def attempt(self, pairs, domains, seed):
        pairs = opaque_functions(pairs)
        symbols = set().union(*(sp.sympify(a).free_symbols | sp.sympify(b).free_symbols
                                for a, b in pairs))
        rng = random.Random(seed)
        worst = mpmath.mpf(0)
        points = self.points if symbols else 1   # a constant needs one evaluation
        for _ in range(points):
            values = sample_point(symbols, domains, rng)
            residual = self.residual(pairs, values)
            if residual is None or residual > mpmath.mpf(10) ** -self.digits:
                return False, f"at {_format_point(values)}: relative residual {_fmt(residual)}"
            worst = max(worst, residual)
        where = f"{points} seeded random points (seed {seed})" if symbols else "a constant"
        return True, (f"{where}, {self.dps}-digit evaluation, max relative residual "
                      f"{_fmt(worst)} <= 1e-{self.digits}")

    def residual(self, pairs, values):
        with mpmath.workdps(self.dps + 10):
            try:
                evaluated = [(self._value(a, values), self._value(b, values)) for a, b in pairs]
            except (TypeError, ValueError, ZeroDivisionError, ArithmeticError):
                return None
            scale = max(max(abs(x), abs(y)) for x, y in evaluated)
            floor = mpmath.mpf(10) ** -(self.dps - 5)
            return max(abs(x - y) for x, y in evaluated) / max(scale, floor)

    def _value(self, expr, values):
        expr = sp.sympify(expr).xreplace(values)
        if expr.has(sp.Integral):
            # mpmath's tanh-sinh quadrature (which also copes with the integrable
            # endpoint singularities of bounce integrals) at the working precision;
            # SymPy's own evalf of integrals is far slower.
            value = sp.lambdify([], expr, modules="mpmath")()
            if not isinstance(value, (mpmath.mpf, mpmath.mpc)) or not mpmath.isfinite(value):
                raise ValueError(f"cannot evaluate {expr} numerically")
            return value
        number = expr.evalf(self.dps)
        if number.free_symbols or number.has(sp.zoo, sp.nan, sp.oo, -sp.oo):
            raise ValueError(f"cannot evaluate {expr} numerically")
        real, imag = (sp.Float(part, self.dps)._mpf_ for part in number.as_real_imag())
        return mpmath.mpc(real, imag) if imag != mpmath.mpf(0)._mpf_ else mpmath.mpf(real)


def opaque_functions(pairs):
    """Replace derivatives and values of undefined functions (v_x(t), T(y), ...) by
    independent symbols with the function's assumptions.  An identity that holds
    for arbitrary values of them holds in particular for the actual functions."""
    pairs = [(sp.sympify(a), sp.sympify(b)) for a, b in pairs]
    atoms = set()
    for a, b in pairs:
        for side in (a, b):
            atoms |= {d for d in side.atoms(sp.Derivative) if d.expr.has(AppliedUndef)}
            atoms |= side.atoms(AppliedUndef)
    if not atoms:
        return pairs
    names = {}
    for i, atom in enumerate(sorted(atoms, key=sp.default_sort_key)):
        assumptions = {} if isinstance(atom, sp.Derivative) else atom.func._kwargs
        names[atom] = sp.Symbol(f"_f{i}", **({"real": True} | dict(assumptions)))
    ordered = sorted(names.items(), key=lambda item: -sp.count_ops(item[0]))  # derivatives first
    return [(a.subs(ordered), b.subs(ordered)) for a, b in pairs]


def _fmt(value):
    return "n/a" if value is None else mpmath.nstr(value, 3)


def _format_point(values):
    return ", ".join(f"{k}={sp.N(v, 6)}" for k, v in sorted(values.items(), key=str))


def sample_point(symbols, domains, rng):
    """Exact rational values for ``symbols``, respecting assumptions and domains.

    ``domains`` maps a symbol to ``(low, high)``, or to a single expression
    that determines it (e.g. y as a function of the mirror latitude); bounds
    may be expressions in other symbols, which are drawn first.
    """
    values = {}
    pending = set(symbols) | {s for s in domains if s in symbols}
    while pending:
        progress = False
        for symbol in sorted(pending, key=str):
            bounds = domains.get(symbol)
            if bounds is not None:
                low, high = (sp.sympify(b) for b in (bounds if isinstance(bounds, tuple)
                                                     else (bounds, bounds)))
                needed = (low.free_symbols | high.free_symbols) - set(values)
                if needed:
                    progress |= not needed <= pending
                    pending |= needed
                    continue
                low, high = low.xreplace(values), high.xreplace(values)
                fraction = sp.Rational(rng.randrange(1, 10**12), 10**12)
                values[symbol] = low + (high - low) * fraction
            else:
                values[symbol] = _by_assumptions(symbol, rng)
            pending.discard(symbol)
            progress = True
        if not progress:
            raise ValueError(f"circular sampling domains among {sorted(map(str, pending))}")
    return values


def _by_assumptions(symbol, rng):
    if symbol.is_integer:
        value = sp.Integer(rng.randrange(1, 6))
    else:
        value = sp.Rational(rng.randrange(3 * 10**11, 3 * 10**12), 10**12)  # 0.3 .. 3
    if symbol.is_positive or symbol.is_nonnegative:
        return value
    if symbol.is_negative or symbol.is_nonpositive:
        return -value
    return value if rng.random() < 0.5 else -value


PROVERS = (SymbolicProver(), NumericProver())


def prove_equal(a, b, frame=None, domains=None, seed=0, provers=PROVERS):
    """Prove two notation expressions equal in ``frame``; return a :class:`Proof`.

    Raises :class:`StepNotProved` with the residual if no prover succeeds.
    """
    frame = frame or Frame()
    try:
        a_explicit, b_explicit = frame.explicit(a), frame.explicit(b)
    except FrameError as error:
        raise StepNotProved(f"cannot compare: {error}") from None
    pairs = _component_pairs(a_explicit, b_explicit)
    details = []
    for prover in provers:
        proved, detail = prover.attempt(pairs, domains or {}, seed)
        if proved:
            return Proof(prover.method, detail)
        if detail:
            details.append(detail)
    residual = [_residual(x, y) for x, y in pairs]
    raise StepNotProved(f"residual {_short(residual)}" + (f"; numeric check {details[-1]}"
                                                           if details else ""))


def _residual(a, b):
    """A readable difference for error messages (cheap: no integrals evaluated)."""
    difference = sp.sympify(a) - sp.sympify(b)
    if difference.has(sp.Integral) or sp.count_ops(difference) > 200:
        return difference if sp.count_ops(difference) <= 200 else "(large)"
    return sp.simplify(difference)


def _component_pairs(a, b):
    a_vec, b_vec = isinstance(a, sp.MatrixBase), isinstance(b, sp.MatrixBase)
    if a_vec != b_vec:
        raise StepNotProved("cannot compare a vector with a scalar")
    if a_vec:
        if a.shape != b.shape:
            raise StepNotProved(f"shapes differ: {a.shape} vs {b.shape}")
        return list(zip(a, b))
    return [(a, b)]


def _short(items):
    text = ", ".join(str(item) for item in items) if len(items) > 1 else str(items[0])
    return text if len(text) < 300 else text[:297] + "..."
