r"""Integrals along a field line between the mirror points, written in the dipole.

The second invariant and its relatives are defined by integrals along the field line
from one mirror point to the other (Roederer 1970; Schulz & Lanzerotti 1974, ch. 1):
``J = \oint p_\parallel ds = 2 \int_{s_m}^{s_m'} p_\parallel ds``,
``I = \int_{s_m}^{s_m'} \sqrt{1 - B(s)/B_m}\, ds``,
``K = \int_{s_m}^{s_m'} \sqrt{B_m - B(s)}\, ds``.  The toolkit derives them for the
dipole (J = 2 p L R_E Y(y), K = L R_E B_eq^{1/2} Y(y)/y), so such an integral is judged
there: with ds = L R_E cos(lambda) (1 + 3 sin^2 lambda)^{1/2} d lambda, the field
B(lambda) = B_eq (1 + 3 sin^2 lambda)^{1/2}/cos^6 lambda, its value B_m at the mirror
latitude lambda_m, and v_par = v (1 - B/B_m)^{1/2} (mu and the energy conserved), from
-lambda_m to lambda_m (twice the integral from the equator: the integrand is even); a
closed integral (``\oint``) goes there and back; limits written as latitudes
(``\int_0^{\lambda_m} ds``) run from the equator to the mirror point.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.readings import GENERIC, options, placeholders

__all__ = ["between_mirror_points"]


def _field(latitude):
    return S.B_eq * sp.sqrt(1 + 3 * sp.sin(latitude)**2) / sp.cos(latitude)**6


_LINE_ELEMENT = S.L * S.R_E * sp.cos(S.lam) * sp.sqrt(1 + 3 * sp.sin(S.lam)**2)
_ALONG_THE_LINE = {S.v_par: S.v * sp.sqrt(1 - S.B / S.B_m), S.v_perp: S.v * sp.sqrt(S.B / S.B_m),
                   S.p_perp: S.p * sp.sqrt(S.B / S.B_m)}
_IN_THE_DIPOLE = {S.B: _field(S.lam), S.B_m: _field(S.lam_m)}


def between_mirror_points(statement):
    """``statement`` with every integral over the arc length s between two points it does
    not name otherwise (``s_m``, ``s_m'``, ``a``, ``b``) or around the closed path, written
    as the dipole integral over the latitude; unchanged when it has none."""
    integrals = {node: _in_the_dipole(node) for node in sp.sympify(statement).atoms(sp.Integral)}
    integrals = {node: value for node, value in integrals.items() if value is not None}
    if not integrals:
        return statement
    if isinstance(statement, sp.Equality):
        return sp.Eq(statement.lhs.xreplace(integrals), statement.rhs.xreplace(integrals),
                     evaluate=False)
    return statement.xreplace(integrals)


# Limits written as latitudes on an integral over s (Baumjohann & Treumann's
# tau_b = 4 int_0^{lambda_m} ds/v_par): from the equator to the mirror point is one
# half of the path between the mirror points, and the integrand is even.
_LATITUDE_LIMITS = {(0, S.lam_m): 1, (-S.lam_m, S.lam_m): 2}


_ARC_LENGTH = sp.Derivative(sp.Function("s")(S.lam), S.lam)      # ds/d lambda, as read


def _in_the_dipole(integral):
    (variable, *limits), = integral.limits
    if variable == S.lam and integral.function.has(_ARC_LENGTH):
        # int (ds/d lambda) d lambda / v_par: the line element written as a derivative
        body = _along_the_line(integral.function.xreplace({_ARC_LENGTH: _LINE_ELEMENT}))
        return None if body is None else sp.Integral(body, *integral.limits)
    if variable != S.s:
        return None
    halves = _LATITUDE_LIMITS.get(tuple(sp.sympify(limit) for limit in limits))
    if halves is None:
        if any(sp.sympify(limit).is_number for limit in limits) or \
                any(not placeholders(limit) for limit in limits):
            return None
        halves = 4 if not limits else 2      # around the closed path, or between s_m, s_m'
    body = _along_the_line(integral.function)
    if body is None:
        return None
    # the integrand is even in lambda: halves of the integral from the equator to lambda_m
    # (whose upper limit the quadrature handles)
    return halves * sp.Integral(body * _LINE_ELEMENT, (S.lam, 0, S.lam_m))


def _along_the_line(body):
    """The integrand with v_par, v_perp, p_perp and B at the latitude lambda (None when a
    name of it has no reading, or it still depends on s)."""
    first = {}
    for name in placeholders(body):               # p_par read first as gamma m v_par
        found = [o.value for o in options(name) if o.value is not GENERIC]
        if not found:
            return None
        first[name] = found[0]
    body = body.xreplace(first).xreplace(_ALONG_THE_LINE).xreplace(_IN_THE_DIPOLE)
    return None if body.has(S.s) else body
