"""Which derived result is a formula about?  Try the candidates, keep the best verdict."""

import sympy as sp

from guidingcenter.check.judge import Uncheckable, compare

__all__ = ["best_match"]

_RANK = {"holds": 0, "holds-with-condition": 1, "erratum": 2}
_SPECIFIC = ("factor", "sign", "exponent", "term-sign", "component-sign", "function",
             "cross-order", "swap", "symbol", "term-factor", "power", "extra-factor",
             "missing-factor")


def best_match(claim, results):
    """The :class:`Finding` against whichever of ``results`` the claim matches best.

    Results about the same quantity (same left-hand side) are tried first; a
    claim that holds wins, then one that holds under a condition, then an
    erratum explained by a single edit.  Raises :class:`Uncheckable` when no
    result can be compared.
    """
    best, reasons = None, []
    for result in _candidates(claim, results):
        try:
            finding = compare(claim, result)
        except Uncheckable as error:
            reasons.append(f"{result.name}: {error}")
            continue
        key = (_RANK[finding.verdict], 0 if finding.edits and finding.edits[0][0] in _SPECIFIC
               else 1)
        if best is None or key < best[0]:
            best = (key, finding)
        if key == (0, 1):
            break
    if best is None:
        raise Uncheckable("no derived result to compare with" + (
            f" ({reasons[0]})" if reasons else ""))
    return best[1]


def _candidates(claim, results):
    results = list(results)
    if isinstance(claim, sp.Equality):
        same = [r for r in results if isinstance(r.statement, sp.Equality)
                and r.statement.lhs == claim.lhs]
        if same:
            return same
    symbols = sp.sympify(claim).free_symbols

    def overlap(result):
        theirs = result.statement.free_symbols
        return len(symbols & theirs) / max(1, len(symbols | theirs))
    ranked = sorted((r for r in results if overlap(r) > 0), key=overlap, reverse=True)
    return ranked[:8]
