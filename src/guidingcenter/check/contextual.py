"""Names whose meaning the rest of the formula decides.

Schulz and Lanzerotti write the Earth's radius as ``a`` (IRBEM's code follows
them): ``tau_b = 4 L a T(y)/v``.  Anywhere else ``a`` is an acceleration or a
length, and Roederer's integral invariant ``I`` is a current.  The notation
table lists such readings under ``[[contextual]]`` with the names that call for
them (:func:`guidingcenter.check.notation.in_context`); :func:`in_context`
finds them in a formula and hands them to the check as the formula's own
definitions, so that they are the readings tried and the answer says they were used.
Where the other names make a reading only likely (``L`` is also a length scale), the
formula's dimensions must agree with it: ``a = 2 mu B_0 z/(m L^2)`` is an acceleration.
"""

import dataclasses

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.check import notation
from guidingcenter.check.algebra import replaced
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.readings import GENERIC, consistent, options, placeholders
from guidingcenter.check.spelled import Spelled, is_spelled, key_of

__all__ = ["in_context", "names"]


def names(statements):
    """The keys of the names in ``statements``: a placeholder's key, a toolkit symbol's
    printed LaTeX, a function with its argument (``T(y)``; the dipole's functions of any
    argument also as functions of ``y``)."""
    found = set()
    for statement in statements:
        statement = sp.sympify(statement)
        for atom in statement.free_symbols:
            found.add(_key(atom))
        for call in statement.atoms(AppliedUndef):
            found.add(f"{call.func.__name__}({','.join(sp.sstr(a) for a in call.args)})")
            if call.func in _DIPOLE_FUNCTIONS:       # T(alpha_eq) is T(y) by another name
                found.add(f"{call.func.__name__}(y)")
    return found - {None}


_DIPOLE_FUNCTIONS = (S.T_of, S.D_of, S.Y_of)


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
    called, sure, renamed = {}, set(), {}
    for statement in statements:
        for atom in sp.sympify(statement).free_symbols:
            key = _key(atom)
            if key not in keys or key in context.definitions:
                continue
            found = notation.in_context(key, present - {key})
            if found is None:
                continue
            called[key] = found[0]
            sure |= {key} if found[1] else set()
            if not is_spelled(atom):
                renamed[atom] = Spelled(_printed(atom), key)
    if set(called) - sure:
        # weak evidence (L is also a length scale): taken only if the dimensions agree
        read = _renamed(relations, renamed)
        if not _consistent([r.statement for r in read], {**context.definitions, **called}):
            called = {key: reading for key, reading in called.items() if key in sure}
            renamed = {atom: name for atom, name in renamed.items() if key_of(name) in sure}
    if not called:
        return relations, context
    return _renamed(relations, renamed), dataclasses.replace(
        context, definitions={**context.definitions, **called})


def _renamed(relations, renamed):
    if not renamed:
        return relations
    return [dataclasses.replace(r, statement=r.statement.xreplace(renamed)) for r in relations]


def _consistent(statements, definitions):
    """Are ``statements`` dimensionally consistent with every name read its first way (a
    name of unknown dimension agrees with anything)?"""
    for statement in statements:
        first = {}
        for name in placeholders(statement):
            found = [o.value for o in options(name, definitions) if o.value is not GENERIC]
            if found:
                first[name] = found[0]
        if not consistent(replaced(statement, first) if first else statement):
            return False
    return True


def _key(atom):
    if is_spelled(atom):
        return key_of(atom)
    return latex_key(_printed(atom))


def _printed(symbol):
    return S.LATEX_NAMES.get(symbol) or sp.latex(symbol)
