r"""A law of motion with forces added to the Lorentz force, each part judged on its own.

Textbooks write the motion in a non-uniform field, or the guiding centre's, as the Lorentz
law plus the forces the derivation adds (Bellan, *Fundamentals of Plasma Physics*, eq. 3.65;
Chen, *Introduction to Plasma Physics*, sec. 2.3)::

    m\frac{d\vec v_{gc}}{dt} = q\left[\vec E + \vec v_{gc}\times\vec B
        + \langle\vec v_L\times(\vec r_L\cdot\nabla)\vec B\rangle\right],
    \qquad m\frac{d\vec v}{dt} = q(\vec E + \vec v\times\vec B) + m\vec g.

:func:`split_forces` splits such a relation into the Lorentz law (the terms with the
velocity or the electric field) and the force added (the other terms), written as
``\vec F = ...``: the first is compared with the Lorentz law, the second with the derived
forces (-mu grad B, the curvature force, ...) by its right side.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.spelled import SpelledVector, is_spelled, key_of
from guidingcenter.vectors import Cross, is_vector

__all__ = ["split_forces"]


def _terms(rhs):
    """The terms of a sum, a common factor distributed (q [E + v x B + F/q] -> qE, ...)."""
    if isinstance(rhs, sp.Mul):
        sums = [f for f in rhs.args if isinstance(f, sp.Add)]
        if len(sums) == 1:
            rest = sp.Mul(*[f for f in rhs.args if f is not sums[0]])
            return [rest * term for term in sums[0].args]
    return list(sp.Add.make_args(rhs))


def _lorentz(term):
    """A term of the Lorentz force: the electric field's, or a velocity crossed with B."""
    return term.has(S.v_vec) or term.has(S.E_vec) or any(
        S.B_vec in cross.args and any(is_spelled(a) and key_of(a).startswith(r"\vec{v}")
                                      for a in cross.args)
        for cross in term.atoms(Cross))


def split_forces(statement):
    r"""``(law, force)``: the Lorentz law's part of ``m dv/dt = ...`` and ``\vec F = `` the
    rest; None when the relation is not a law of motion with both."""
    if not isinstance(statement, sp.Equality) or not statement.lhs.has(S.dv_dt) or \
            isinstance(statement.rhs, sp.MatrixBase):
        return None
    terms = _terms(statement.rhs)
    lorentz = [t for t in terms if _lorentz(t)]
    added = [t for t in terms if not _lorentz(t)]
    if not lorentz or not added or not all(is_vector(t) for t in added) or \
            any(t.has(S.dv_dt) for t in added):
        return None
    return (sp.Eq(statement.lhs, sp.Add(*lorentz), evaluate=False),
            sp.Eq(SpelledVector(r"\vec{F}"), sp.Add(*added), evaluate=False))
