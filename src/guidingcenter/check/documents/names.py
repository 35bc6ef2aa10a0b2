r"""How the checker reads a printed name, asked by the document readers.

A thin view of :mod:`guidingcenter.check.lookup` and the notation table
(:mod:`guidingcenter.check.notation`): whether the checker knows a name, the one
symbol it reads it as (when there is only one), its first reading, and the particle a
species subscript names.

>>> one_way("r_{L}"), one_way("r_{c}")        # r_c: cyclotron or curvature radius
(r_L, None)
>>> particle_of(r"\Omega_{p}"), particle("e")
('p+', 'e-')
"""

import sympy as sp

from guidingcenter.check import notation
from guidingcenter.check.lookup import Lookup, own_symbol

__all__ = ["knows", "own", "one_way", "first_reading", "particle_of", "particle"]


def knows(key):
    """Does the checker know the name (its own spelling or a reading of the table)?"""
    return Lookup().knows(key)


def own(key):
    """The toolkit symbol whose own spelling ``key`` is (``\\Omega`` -> omega_c), or None."""
    return own_symbol(key)


def one_way(key):
    """The symbol the checker reads ``key`` as when it reads it one way only: its own
    spelling, or the only reading of the table, without a particle; else None."""
    symbol = own_symbol(key)
    if symbol is not None:
        return symbol
    found = notation.readings(key)
    if len(found) == 1 and not found[0].species and isinstance(found[0].value, sp.Symbol):
        return found[0].value
    return None


def first_reading(key):
    """The checker's closed reading of ``key`` (own symbol, else the table's first), or None."""
    return Lookup()(key, own_symbol(key))


def particle_of(key):
    """The particle (``"p+"``, ``"e-"``) a spelling's species subscript names, or ``""``."""
    for reading in notation.readings(key):
        if reading.species:
            return particle(reading.species)
    return ""


def particle(letter):
    """``"p+"`` or ``"e-"`` for a species subscript of the table (e, i, p), else ``""``."""
    try:
        kind = notation.species(letter.strip("{} "))
    except KeyError:
        return ""
    return "p+" if kind.charge == "positive" else "e-"
