r"""A frame condition solved for the drift velocity.

``E + v x B = 0`` says that in the frame moving with v the electric field vanishes
(Chen, sec. 2.2.2; the ideal Ohm's law of MHD); crossing it with B gives the velocity
across B, ``v = E x B/B^2``, and ``F + q v x B = 0`` gives ``v = F x B/(q B^2)``.  The
checker judges such a relation as the drift it defines.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.check.readings import GENERIC, options
from guidingcenter.check.spelled import is_spelled
from guidingcenter.vectors import Cross, is_vector

__all__ = ["solved_for_the_velocity"]


def solved_for_the_velocity(statement):
    """E + v x B = 0 (the frame in which the electric field vanishes) solved for the velocity
    across B by crossing with B: v = E x B/B^2; F + q v x B = 0 likewise.  Unchanged when
    the relation is not a field plus a drift velocity crossed with B."""
    if not isinstance(statement, sp.Equality) or 0 not in statement.args or \
            not (is_vector(statement.lhs) or is_vector(statement.rhs)):
        return statement              # (F = q v x B is the force, not a frame condition)
    rest, found = [], []
    terms = sp.Add.make_args(statement.lhs) + tuple(-t for t in sp.Add.make_args(statement.rhs))
    for term in (t for t in terms if t != 0):
        crosses = [c for c in term.atoms(Cross) if S.B_vec in c.args and
                   any(_a_velocity(a) for a in c.args)]
        if len(crosses) != 1:
            rest.append(term)
            continue
        product, = crosses
        factor = term / product
        velocity = product.args[0] if _a_velocity(product.args[0]) else product.args[1]
        if is_vector(factor) or factor.has(Cross, velocity):   # q (E + v x B): not a term
            return statement
        found.append((velocity, factor if product.args[1] == S.B_vec else -factor))
    if len(found) != 1 or not rest or any(t.has(found[0][0]) or not is_vector(t) for t in rest):
        return statement
    (velocity, factor), = found
    return sp.Eq(velocity, Cross(sp.Add(*rest), S.B_vec) / (factor * S.B**2), evaluate=False)


def _a_velocity(vector):
    if not is_vector(vector):
        return False
    if is_spelled(vector):
        return any(o.value is GENERIC and o.kind == "velocity" for o in options(vector))
    try:
        return vector.is_Atom and dimension(vector) == (0, 1, -1, 0)
    except Inconsistent:
        return False
