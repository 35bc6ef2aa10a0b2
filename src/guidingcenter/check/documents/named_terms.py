r"""A term written by the name of a derived quantity: ``\mathbf{v}_D = \mathbf{w}_E +
\frac{1}{\omega_g B}\frac{d\mathbf{E}_\perp}{dt}`` adds the E x B drift, named, to the
polarization drift written out.  When no derived result matches such a formula as
written, each name on its right side that one derived result defines (``w_E``, read as
v_E: E x B/B^2) is replaced by that result's expression and the formula judged again.
"""

import dataclasses
import re

from guidingcenter import registry, render
from guidingcenter.check.documents import names as N
from guidingcenter.check.documents.formulas import NAME, name_keys, split_relations
from guidingcenter.check.latex.table import latex_key
from guidingcenter.vectors import VectorSymbol

__all__ = ["named_terms", "judge_with_named_terms"]


def _defining_results():
    """``{vector: result}`` for the vectors exactly one derived result defines (a drift, a
    force: quantities a formula adds by name; a scalar such as B is an input)."""
    found = {}
    for result in registry.results().values():
        lhs = getattr(result.statement, "lhs", None)
        if not isinstance(lhs, VectorSymbol) or result.statement.rhs.has(lhs):
            continue
        found.setdefault(lhs, []).append(result)
    return {symbol: results[0] for symbol, results in found.items() if len(results) == 1}


def named_terms(latex):
    """``{LaTeX key: (derived result, its expression)}`` of the names on the right of
    ``latex`` (not on its left side) that one derived result defines."""
    pieces = split_relations(latex)
    if len(pieces) != 1 or len(pieces[0]) != 2:
        return {}
    left = name_keys(pieces[0][0][0])
    defining = _defining_results()
    found = {}
    for key in sorted(name_keys(pieces[0][1][0]) - left):
        symbol = N.first_reading(key)
        result = defining.get(symbol)
        if result is not None:
            found[key] = (result, result.statement.rhs)
    return found


def judge_with_named_terms(latex, context, check):
    """The verdict with the named terms written out, or None (nothing to write out, or
    still nothing derived to compare with)."""
    terms = named_terms(latex)
    written = _written_out(latex, terms)
    if written is None:
        return None
    verdicts = check(written, context)
    if not isinstance(verdicts, list) or len(verdicts) != 1 or \
            verdicts[0].verdict not in ("holds", "holds-with-condition", "erratum"):
        return None
    verdict = verdicts[0]
    readings = tuple(f"{key} read as the derived {result.name}" for key, (result, _)
                     in terms.items())
    return dataclasses.replace(verdict, readings=tuple(verdict.readings) + readings)


def _written_out(latex, terms):
    """``latex`` with each named term on its right side replaced by the derived
    expression in parentheses; None if none is found."""
    pieces = split_relations(latex)
    if not terms or len(pieces) != 1:
        return None
    right = latex.rfind(pieces[0][1][0])
    if right < 0:
        return None
    done, last, rest = [latex[:right]], right, []
    for match in NAME.finditer(latex, right):
        term = terms.get(latex_key(match.group()) or "")
        if term is None or latex[match.end():match.end() + 1] in ("^", "_"):
            continue
        done += [latex[last:match.start()], r"\left(", render.latex(term[1]), r"\right)"]
        rest.append(latex[last:match.start()])
        last = match.end()
    rest.append(latex[last:])
    if len(rest) == 1 or re.fullmatch(r"[\s+\-()]*", "".join(rest)):
        return None         # v = v_g + v_grad: a velocity split into named parts defines them
    return "".join(done + [latex[last:]])

