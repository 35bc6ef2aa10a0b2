"""The derived results in Gaussian (cgs) units, for formulas printed that way.

Older textbooks and most radiation-belt papers (Chen's first edition, Jackson,
Roederer, Schulz & Lanzerotti) write the Lorentz force as q(E + v x B/c).
Every SI formula of single-particle motion becomes its Gaussian form when the
magnetic field and everything measured in tesla (and magnetic fluxes) is
divided by c, K (in T^1/2 m) by c^1/2, magnetic moments are multiplied by c, mu_0 is 4 pi/c^2 (charge, electric field,
energy, current and current density keep their form): Jackson, Classical
Electrodynamics, appendix on units, table 3.  For example omega_c = qB/m
becomes qB/(mc), r_L = m v_perp/(|q|B) becomes m c v_perp/(|q|B),
v_E = E x B/B^2 becomes c E x B/B^2, while mu = m v_perp^2/(2B) and the
mirror ratio keep their form.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.algebra import cross, dot, replaced
from guidingcenter.symbols import UNITS
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

__all__ = ["gaussian", "GAUSSIAN"]

_TESLA = (1, 0, -2, -1)
_TESLA_PER_METRE = (1, -1, -2, -1)
_WEBER = (1, 2, -2, -1)            # a magnetic flux: tesla times area
_MOMENT = (0, 2, 0, 1)
_ROOT_TESLA_METRE = (sp.Rational(1, 2), 1, -1, -sp.Rational(1, 2))   # the invariant K


def _rules():
    rules = {}
    for symbol, dims in UNITS.items():
        if dims in (_TESLA, _TESLA_PER_METRE, _WEBER):
            rules[symbol] = symbol / S.c
        elif dims == _ROOT_TESLA_METRE:
            rules[symbol] = symbol / sp.sqrt(S.c)
        elif dims == _MOMENT:
            rules[symbol] = symbol * S.c
    rules[S.mu_0] = 4 * sp.pi / S.c**2
    return rules


#: The substitution from SI to Gaussian units, symbol -> expression.
GAUSSIAN = _rules()


def gaussian(statement):
    """``statement`` (an equation or expression in SI) in Gaussian units.

    Examples
    --------
    >>> gaussian(sp.Eq(S.omega_c, S.q * S.B / S.m))
    Eq(omega_c, B*q/(c*m))
    >>> gaussian(sp.Eq(S.mu, S.m * S.v_perp**2 / (2 * S.B)))
    Eq(mu, m*v_perp**2/(2*B))
    """
    converted = _factor_out(replaced(statement, GAUSSIAN))
    if isinstance(converted, sp.Equality):
        factor = _c_factor(converted.lhs)
        if factor != 1:        # c mu = ... -> mu = ...: the quantity stands alone again
            return sp.Eq(converted.lhs / factor, converted.rhs / factor, evaluate=False)
    return converted


def _factor_out(expr):
    """Constant factors (powers of c) out of the vector operators: Cross(E, B/c) is
    Cross(E, B)/c, Grad(B/c) is Grad(B)/c."""
    def rebuild(node):
        if isinstance(node, Cross):
            return cross(*node.args)
        if isinstance(node, Dot):
            return dot(*node.args)
        if isinstance(node, Grad):
            factor = _c_factor(node.args[0])
            return Grad(node.args[0] / factor) * factor
        if isinstance(node, DirectionalDerivative):
            a, b = (_c_factor(arg) for arg in node.args)
            return DirectionalDerivative(node.args[0] / a, node.args[1] / b) * a * b
        return node
    if isinstance(expr, sp.Equality):
        return sp.Eq(_factor_out(expr.lhs), _factor_out(expr.rhs), evaluate=False)
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(_factor_out)
    return sp.sympify(expr).replace(lambda node: isinstance(node, (Cross, Dot, Grad,
                                                                   DirectionalDerivative)),
                                    rebuild)


def _c_factor(expr):
    """The power of c that multiplies ``expr`` as a whole (1 if none)."""
    if isinstance(expr, sp.MatrixBase):
        factors = {_c_factor(entry) for entry in expr if entry != 0}
        return factors.pop() if len(factors) == 1 else sp.S.One
    coefficient, _ = sp.sympify(expr).as_independent(S.c, as_Add=False)
    rest = sp.sympify(expr) / coefficient
    return rest if rest.is_Pow and rest.base == S.c or rest == S.c else sp.S.One
