"""Names whose meaning the rest of the formula decides.

Schulz and Lanzerotti write the Earth's radius as ``a`` (IRBEM's code follows
them): ``tau_b = 4 L a T(y)/v``.  Anywhere else ``a`` is an acceleration or a
length, and Roederer's integral invariant ``I`` is a current.  The notation
table lists such readings under ``[[contextual]]`` with the names that call for
them (:func:`guidingcenter.check.notation.in_context`); :func:`in_context`
finds them in a formula and hands them to the check as the formula's own
definitions, so that they are tried first and the answer says they were used.
"""

import dataclasses

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.check import notation
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.spelled import Spelled, is_spelled, key_of

__all__ = ["in_context", "names"]


def names(statements):
    """The keys of the names in ``statements``: a placeholder's key, a toolkit symbol's
    printed LaTeX, a dipole function with its argument (``T(y)``)."""
    found = set()
    for statement in statements:
        statement = sp.sympify(statement)
        for atom in statement.free_symbols:
            found.add(_key(atom))
        for call in statement.atoms(AppliedUndef):
            found.add(f"{call.func.__name__}({','.join(sp.sstr(a) for a in call.args)})")
    return found - {None}


def in_context(relations, context):
    """``(relations, context)`` with the readings their names call for: each such name a
    placeholder (a toolkit symbol, ``I``, becomes one) and its reading one of the
    context's definitions (a :class:`~guidingcenter.check.notation.Reading`), unless the
    context defines the name already."""
    keys = notation.contextual_keys()
    statements = [r.statement for r in relations]
    present = names(statements)
    if not keys & present:
        return relations, context
    called, renamed = {}, {}
    for statement in statements:
        for atom in sp.sympify(statement).free_symbols:
            key = _key(atom)
            if key not in keys or key in context.definitions:
                continue
            reading = notation.in_context(key, present - {key})
            if reading is None:
                continue
            called[key] = reading
            if not is_spelled(atom):
                renamed[atom] = Spelled(_printed(atom), key)
    if not called:
        return relations, context
    if renamed:
        relations = [dataclasses.replace(r, statement=r.statement.xreplace(renamed))
                     for r in relations]
    return relations, dataclasses.replace(context,
                                          definitions={**context.definitions, **called})


def _key(atom):
    if is_spelled(atom):
        return key_of(atom)
    return latex_key(_printed(atom))


def _printed(symbol):
    return S.LATEX_NAMES.get(symbol) or sp.latex(symbol)
