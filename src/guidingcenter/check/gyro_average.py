r"""The average over one gyration of what a formula writes inside ``\langle ... \rangle``.

.. math::

    \langle f \rangle = \frac{1}{2\pi} \int_0^{2\pi} f \, d\theta, \qquad
    \theta = \omega t \ (+\ \text{a constant phase, if written}),

the mean over one period of the phase (Chen, *Introduction to Plasma Physics*,
sec. 2.3.1: :math:`\langle \cos^2\omega_c t\rangle = \tfrac12`, the grad-B force
:math:`\langle q\,\vec v\times\vec B\rangle` on the Larmor orbit).  The phase is
found in what is written: the time ``t`` inside sin, cos or exp(i ...) as
``omega t`` (any one frequency, a rational multiple of it allowed: ``2 omega t``),
else a phase angle written as their argument (``phi``, ``varphi``, ``psi``,
``theta``), or the variable a subscript on the closing bracket names
(``\rangle_\phi``, ``\rangle_t``).  Without a phase, :func:`average` gives None:
``\langle F_z\rangle`` is the guiding-centre quantity itself.

``f`` is a trigonometric polynomial in the phase times quantities constant over the
orbit (the field and its gradient at the guiding centre): cross and dot products and
``(a . grad)`` are expanded over sums, scalar factors and the components of explicit
columns (``r_L sin(theta) x-hat + ...``), and each scalar coefficient is averaged
exactly -- written in sin(theta), cos(theta) (exp(i k theta) = cos k theta + i sin k theta,
sin(k theta + delta) expanded), each monomial sin^a cos^b averages to
(a-1)!!(b-1)!!/(a+b)!! for a and b even and to 0 otherwise.  What is not such a
polynomial (a secular t, two incommensurate frequencies, 1/(1 + cos theta)) raises
:class:`~guidingcenter.check.errors.NotationError`: it is refused, never guessed.
"""

import itertools
import math

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.errors import NotationError
from guidingcenter.check.latex.components import AXES
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, is_vector

__all__ = ["average", "mean", "phase_of", "printed_key", "PHASE_NAMES"]

#: Names of a phase angle (canonical LaTeX keys) averaged over when written as the
#: argument of sin, cos or exp(i ...).
PHASE_NAMES = (r"\phi", r"\varphi", r"\psi", r"\theta", r"\vartheta", "phi")
_PERIODIC = (sp.sin, sp.cos, sp.tan, sp.cot, sp.sec, sp.csc)
_AXES = tuple(AXES[axis] for axis in "xyz")
_BILINEAR = (Cross, Dot, DirectionalDerivative)


def printed_key(symbol):
    """The canonical LaTeX key a symbol is printed with."""
    if is_spelled(symbol):
        return key_of(symbol)
    return S.LATEX_NAMES.get(symbol) or sp.latex(symbol)


def _arguments(expr):
    """The arguments of the periodic functions in ``expr`` (for exp: the argument / i,
    when it is imaginary)."""
    found = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, _PERIODIC):
            found.append(node.args[0])
        elif isinstance(node, sp.exp) and node.args[0].has(sp.I):
            found.append(sp.expand(node.args[0] / sp.I))
    return found


def _slope(argument, variable):
    """d argument/d variable when ``argument`` is linear in ``variable``, else None."""
    slope = sp.diff(argument, variable)
    return None if slope.has(variable) else slope


def phase_of(expr, named=""):
    """``(variable, frequency)``: the phase of ``expr`` is ``frequency * variable`` (the
    time and a frequency, or a phase angle and 1); None when ``expr`` has no phase.
    ``named``: the key a subscript on the closing bracket gives (``t``, ``\\phi``); when
    ``expr`` does not have it, the phase is found as without it."""
    expr = sp.ImmutableMatrix(expr) if isinstance(expr, sp.MatrixBase) else sp.sympify(expr)
    arguments = _arguments(expr)
    symbols = {s for argument in arguments for s in argument.free_symbols}
    chosen = [s for s in symbols if named and printed_key(s) == named] or \
        [s for s in symbols if s == S.t] or [s for s in symbols if printed_key(s) in PHASE_NAMES]
    if not chosen:
        return None
    if len(chosen) > 1:
        raise NotationError("an average over two phases at once "
                            f"({', '.join(sorted(map(str, chosen)))}): name one, "
                            r"\rangle_{\phi}")
    variable, = chosen
    periodic = {node: sp.S.One for node in sp.preorder_traversal(expr)
                if isinstance(node, _PERIODIC) or isinstance(node, sp.exp) and node.has(sp.I)}
    if expr.xreplace(periodic).has(variable):
        raise NotationError(f"an average of a function not periodic in {variable} "
                            f"({variable} also outside sin and cos)")
    slopes = [_slope(argument, variable) for argument in arguments if argument.has(variable)]
    if any(slope is None for slope in slopes):
        raise NotationError(f"an average of a function not periodic in {variable}")
    if variable != S.t:
        return variable, sp.S.One
    frequency = slopes[0]
    if any(not sp.simplify(slope / frequency).is_Rational for slope in slopes):
        raise NotationError("an average over a motion with two frequencies")
    return variable, frequency


def average(expr, named=""):
    """The average of ``expr`` over one period of its phase (see the module docstring), or
    None when ``expr`` has no phase.  Raises NotationError when it cannot be done
    exactly."""
    found = phase_of(expr, named)
    if found is None:
        return None
    variable, frequency = found
    theta = sp.Dummy("theta", real=True)
    expr = sp.ImmutableMatrix(expr) if isinstance(expr, sp.MatrixBase) else sp.sympify(expr)
    expr = expr.xreplace({variable: theta / frequency})
    slopes = [sp.simplify(_slope(a, theta)) for a in _arguments(expr) if a.has(theta)]
    if not all(slope.is_Rational for slope in slopes):
        raise NotationError("an average over a motion with two frequencies")
    period = math.lcm(*[int(slope.q) for slope in slopes])   # theta/2: the slowest's period
    if period > 1:
        expr = expr.xreplace({theta: period * theta})
    totals = {}
    for coefficient, rest in _parts(expr, theta):
        totals[rest] = totals.get(rest, 0) + coefficient
    terms = [mean(coefficient, theta) * rest for rest, coefficient in totals.items()]
    matrices = [term for term in terms if isinstance(term, sp.MatrixBase)]
    others = [term for term in terms if not isinstance(term, sp.MatrixBase) and term != 0]
    if matrices:
        matrix = sp.ImmutableMatrix(sum(matrices[1:], matrices[0]))
        return sp.Add(matrix, *others) if others else matrix
    return sp.Add(*others)


def _parts(expr, theta):
    """``expr`` as ``[(scalar, rest)]``: the scalars carry all of theta and the scalar
    factors, the rests are vectors free of theta (or 1): products, cross and dot products
    and (a . grad) expanded over sums, scalar factors and the components of explicit
    columns along the axes."""
    if not expr.has(theta):
        return [(sp.S.One, expr)] if is_vector(expr) else [(expr, sp.S.One)]
    if isinstance(expr, sp.MatrixBase):
        if expr.shape != (3, 1):
            raise NotationError("an average of a matrix")
        return [(c, rest * axis) for entry, axis in zip(expr, _AXES) if entry != 0
                for c, rest in _parts(entry, theta)]
    if isinstance(expr, sp.Add):
        return [part for term in expr.args for part in _parts(term, theta)]
    if isinstance(expr, sp.Mul):
        combined = [(sp.S.One, sp.S.One)]
        for factor in expr.args:
            combined = [(a * b, _times(u, v)) for (a, u), (b, v) in
                        itertools.product(combined, _parts(factor, theta))]
        return combined
    if isinstance(expr, _BILINEAR):
        return [(a * b, _apply(expr.func, u, v)) for (a, u), (b, v) in
                itertools.product(*(_parts(arg, theta) for arg in expr.args))]
    if is_vector(expr):
        raise NotationError(f"an average of {type(expr).__name__} of the phase")
    return [(expr, sp.S.One)]


def _times(u, v):
    if is_vector(u) and is_vector(v):
        raise NotationError("product of two vectors: write a dot or a cross product")
    return u * v


def _apply(operator, u, v):
    """operator(u, v), the dot product of two axes done (1 or 0)."""
    if operator is Dot and isinstance(u, sp.MatrixBase) and isinstance(v, sp.MatrixBase):
        return (u.T * v)[0]
    return operator(u, v)


def mean(f, theta):
    """(1/2 pi) int_0^{2 pi} f d theta, exactly, for f a polynomial in sin(k theta),
    cos(k theta) and exp(i k theta) (k integer) with coefficients free of theta."""
    f = sp.sympify(f).replace(
        lambda node: isinstance(node, sp.exp) and node.has(theta),
        lambda node: sp.exp(node.args[0].subs(theta, 0)) * (
            sp.cos(_slope(node.args[0], theta) / sp.I * theta) +
            sp.I * sp.sin(_slope(node.args[0], theta) / sp.I * theta)))
    f = sp.expand(f.replace(lambda node: isinstance(node, (sp.sin, sp.cos)) and node.has(theta),
                            sp.expand_trig))
    sine, cosine = sp.Dummy("s"), sp.Dummy("c")
    polynomial = f.xreplace({sp.sin(theta): sine, sp.cos(theta): cosine})
    if polynomial.has(theta):
        raise NotationError("an average of a function that is not a polynomial in the "
                            "sine and cosine of the phase")
    total = sp.S.Zero
    for term in sp.Add.make_args(polynomial):
        constant, powers = term.as_independent(sine, cosine, as_Add=False)
        exponents = powers.as_powers_dict() if powers != 1 else {}
        a, b = exponents.pop(sine, sp.S.Zero), exponents.pop(cosine, sp.S.Zero)
        if exponents or not (a.is_Integer and b.is_Integer and a >= 0 and b >= 0):
            raise NotationError("an average of a function that is not a polynomial in "
                                "the sine and cosine of the phase")
        total += constant * _monomial(int(a), int(b))
    return sp.trigsimp(total) if total.has(sp.sin, sp.cos) else total   # cos^2 + sin^2 of
    # a constant phase


def _monomial(a, b):
    """<sin^a cos^b> over a period: (a-1)!!(b-1)!!/(a+b)!! for a, b even, else 0."""
    if a % 2 or b % 2:
        return sp.S.Zero
    return sp.factorial2(a - 1) * sp.factorial2(b - 1) / sp.factorial2(a + b)
