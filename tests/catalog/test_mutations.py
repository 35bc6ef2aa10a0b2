"""Mutation tests: every catalogue formula judged "holds" is refused when perturbed.

For each such entry the right-hand side of its transcription is multiplied by 2,
negated, given one changed exponent, and given two symbols swapped; each
mutant must be judged an erratum with the matching diagnosis.  This shows the
verdicts come from the checker and could have gone the other way.
"""

import dataclasses
import functools

import pytest
import sympy as sp

from guidingcenter.catalog import ENTRIES
from guidingcenter.catalog.evaluate import judge
from guidingcenter.vectors import VectorSymbol


@functools.lru_cache(maxsize=None)
def verdict(index):
    return judge(ENTRIES[index]).verdict


HOLDS = [i for i, e in enumerate(ENTRIES) if e.kind == "formula" and not e.approximate]


def rhs(entry):
    return entry.claim.rhs if isinstance(entry.claim, sp.Equality) else entry.claim


def with_rhs(entry, new):
    claim = sp.Eq(entry.claim.lhs, new, evaluate=False) if isinstance(
        entry.claim, sp.Equality) else new
    return dataclasses.replace(entry, claim=claim)


def _plain_symbols(expr):
    """Symbols outside functions and vector operators (their powers can be edited)."""
    found, stack = set(), [expr]
    while stack:
        node = stack.pop()
        if isinstance(node, sp.Symbol) and not isinstance(node, VectorSymbol):
            found.add(node)
        elif isinstance(node, (sp.Add, sp.Mul, sp.Pow)):
            stack.extend(node.args)
        elif isinstance(node, sp.MatrixBase):
            stack.extend(node)
    return sorted(found, key=str)


def exponent_changed(expr):
    """One power of a symbol changed by one at one place (never to the power 0); a
    symbol that appears without a power gets squared there."""
    if isinstance(expr, sp.MatrixBase):
        for i, element in enumerate(expr):
            changed = exponent_changed(element)
            if changed is not None:
                matrix = sp.Matrix(expr)
                matrix[i] = changed
                return sp.ImmutableMatrix(matrix)
        return None
    if isinstance(expr, sp.Pow) and expr.base.is_Symbol and expr.exp.is_Number \
            and not isinstance(expr.base, VectorSymbol):
        return expr.base ** (expr.exp + 1 if expr.exp != -1 else expr.exp - 1)
    if isinstance(expr, sp.Symbol) and not isinstance(expr, VectorSymbol):
        return expr**2
    if isinstance(expr, (sp.Add, sp.Mul)):
        for i, arg in enumerate(expr.args):
            changed = exponent_changed(arg)
            if changed is not None:
                return expr.func(*expr.args[:i], changed, *expr.args[i + 1:])
    return None


def _different(a, b):
    difference = sp.Matrix(a) - sp.Matrix(b) if isinstance(a, sp.MatrixBase) else a - b
    simplified = (difference.applyfunc(sp.simplify) if isinstance(difference, sp.MatrixBase)
                  else sp.simplify(difference))
    return not (simplified.is_zero_matrix if isinstance(simplified, sp.MatrixBase)
                else simplified == 0)


def swapped(expr, lhs=None):
    """Two plain symbols exchanged: the first pair that changes the expression other
    than into its negative or reciprocal (those are diagnosed as such).  Symbols that
    also stand inside functions or operators, or on the left side, are not used."""
    if sp.sympify(expr).has(sp.Integral):   # no edit search inside integrals (quadratures)
        return None, None
    inside = set().union(*(node.free_symbols for node in sp.preorder_traversal(expr)
                           if isinstance(node, sp.Function)))
    taken = lhs.free_symbols if lhs is not None else set()
    symbols = [s for s in _plain_symbols(expr) if s not in inside and s not in taken]
    for i, a in enumerate(symbols):
        for b in symbols[i + 1:]:
            new = expr.xreplace({a: b, b: a})
            if _different(new, expr) and _different(new, -expr) and (
                    isinstance(expr, sp.MatrixBase) or _different(new, 1 / expr)):
                return new, (a, b)
    return None, None


def mutable(index):
    entry = ENTRIES[index]
    if verdict(index) != "holds":
        return False
    value = rhs(entry)
    return not (value == 0 or (isinstance(value, sp.MatrixBase) and value.is_zero_matrix)
                or not _plain_symbols(value))


@pytest.mark.parametrize("index", HOLDS, ids=[ENTRIES[i].quote[:40] for i in HOLDS])
def test_mutants_are_errata(index):
    if not mutable(index):
        pytest.skip("not judged 'holds', or nothing to perturb (a right side of 0)")
    entry = ENTRIES[index]
    value = rhs(entry)
    row = judge(with_rhs(entry, 2 * value))
    assert row.verdict == "erratum" and row.edits[0] == ("factor", 2), row.diagnosis
    row = judge(with_rhs(entry, -value))
    assert row.verdict == "erratum" and row.edits[0][0] == "sign", row.diagnosis
    changed = exponent_changed(value)
    if changed is not None:
        row = judge(with_rhs(entry, changed))
        assert row.verdict == "erratum" and row.edits[0][0] == "exponent", row.diagnosis
    mutant, pair = swapped(value, getattr(entry.claim, "lhs", None))
    if mutant is not None:
        row = judge(with_rhs(entry, mutant))
        assert row.verdict == "erratum", row.diagnosis
        # two symbols exchanged, or (where one of them drops out) one replaced by the other;
        # in a column, the same slip may read as two components exchanged
        assert row.edits[0][0] in ("swap", "symbol") and (
            set(row.edits[0][1:]) == set(pair) or
            (isinstance(value, sp.MatrixBase) and "component" in row.diagnosis)), row.diagnosis


def test_most_formulas_are_mutated():
    # the skip above must stay the exception
    assert sum(map(mutable, HOLDS)) >= 0.8 * sum(verdict(i) == "holds" for i in HOLDS)
