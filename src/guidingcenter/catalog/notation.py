"""Notation the catalogue modules share: the unit vectors of a note's own axes and the
average over one gyration.

A note's orbit average <f> = (1/T) int_0^T f dt over one gyration period
T = 2 pi/|omega_c| is, with theta = omega_c t, the average of f over theta in
[0, 2 pi] (the same for either sense of gyration).  The note's f is a sum of
polynomials in sin(theta), cos(theta) times vectors constant over the orbit (the
field and its gradient at the guiding centre), so the average is done exactly:
the cross and dot products and (r . grad) are expanded over the components of the
note's explicit columns, and each monomial sin^a cos^b averages to
(a-1)!!(b-1)!!/(a+b)!! for a and b even and 0 otherwise.  These components are those
of the note's axes only when the entry states them (``stated=("aligned",)``: z along
B at the guiding centre; ``("along-x",)``: the field B(x) z-hat).
"""

import itertools

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, is_vector

__all__ = ["X_HAT", "Y_HAT", "Z_HAT", "GYRATION_POSITION", "GYRATION_VELOCITY",
           "gyration_average"]

X_HAT = sp.ImmutableMatrix([1, 0, 0])
Y_HAT = sp.ImmutableMatrix([0, 1, 0])
Z_HAT = sp.ImmutableMatrix([0, 0, 1])

# The gyration about the guiding centre in axes with z along B: the solution of
# dv/dt = omega_c v x z-hat (omega_c = qB/m, signed) with phase 0 at t = 0,
# r = (v_perp/omega_c)(sin, cos, 0) and v = dr/dt = v_perp (cos, -sin, 0).
GYRATION_POSITION = S.v_perp / S.omega_c * sp.ImmutableMatrix(
    [sp.sin(S.omega_c * S.t), sp.cos(S.omega_c * S.t), 0])
GYRATION_VELOCITY = S.v_perp * sp.ImmutableMatrix(
    [sp.cos(S.omega_c * S.t), -sp.sin(S.omega_c * S.t), 0])
_AXES = (X_HAT, Y_HAT, Z_HAT)
_BILINEAR = (Cross, Dot, DirectionalDerivative)


def gyration_average(expr, time=S.t, frequency=S.omega_c):
    """<expr> over one gyration, exactly: (1/2pi) int_0^2pi expr(time = theta/frequency)
    d theta, for expr polynomial in sin and cos of frequency*time."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda element: gyration_average(element, time, frequency))
    theta = sp.Dummy("theta")
    sine, cosine = sp.Dummy("S"), sp.Dummy("C")
    expanded = sp.expand(_expand_products(sp.sympify(expr).subs(time, theta / frequency)))
    expanded = expanded.subs({sp.sin(theta): sine, sp.cos(theta): cosine})
    if expanded.has(theta):
        raise ValueError(f"gyration_average: expr must be polynomial in sin and cos of "
                         f"{frequency}*{time}, got {expr}")
    averaged = 0
    for term in sp.Add.make_args(expanded):
        constant, phase = term.as_independent(sine, cosine, as_Add=False)
        (a, b), = sp.Poly(phase, sine, cosine).monoms()
        averaged += constant * _monomial_average(a, b)
    return averaged


def _monomial_average(a, b):
    """<sin^a cos^b> over a period."""
    if a % 2 or b % 2:
        return 0
    return sp.factorial2(a - 1) * sp.factorial2(b - 1) / sp.factorial2(a + b)


def _expand_products(expr):
    """Cross, Dot and (u . grad) expanded over the components of explicit columns and
    over sums, with scalar factors taken out: X x (a X + b Y) -> a X x X + b X x Y."""
    if not isinstance(expr, sp.Basic) or not expr.args:
        return expr
    args = [_expand_products(arg) for arg in expr.args]
    if isinstance(expr, _BILINEAR):
        return sp.Add(*[a * b * _apply(expr.func, u, v)
                        for (a, u), (b, v) in itertools.product(*map(_parts, args))])
    return expr.func(*args)


def _apply(operator, u, v):
    """operator(u, v), the dot product of two axes done (1 or 0)."""
    if operator is Dot and isinstance(u, sp.MatrixBase) and isinstance(v, sp.MatrixBase):
        return (u.T * v)[0]
    return operator(u, v)


def _parts(vector):
    """``vector`` as [(scalar, vector)]: explicit columns along the axes, sums term by
    term, and scalar factors out of products."""
    if isinstance(vector, sp.MatrixBase):
        return [(vector[i], axis) for i, axis in enumerate(_AXES) if vector[i] != 0]
    if isinstance(vector, sp.Add):
        return [part for term in vector.args for part in _parts(term)]
    if isinstance(vector, sp.Mul):
        scalar, rest = vector.as_independent(*[f for f in vector.args if is_vector(f)],
                                             as_Add=False)
        return [(scalar * a, u) for a, u in _parts(rest)] if rest != vector else [(1, vector)]
    return [(1, vector)]
