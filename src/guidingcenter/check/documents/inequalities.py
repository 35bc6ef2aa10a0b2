r"""An inequality that restates a derived condition, judged by its boundary.

Lecture notes state a region by its boundary: the particles with
``v_\parallel/v_\perp > \sqrt{(B_{max} - B_0)/B_0}`` leave the mirror, those with
``\sin\alpha_{eq} < \sqrt{B_{eq}/B_m}`` reach it, a drift exists where ``E < cB``.
The boundary (the inequality with ``=``) is a formula the toolkit derives, and it is
judged as one: a wrong boundary (a factor, a flipped ratio, a wrong exponent) makes the
inequality an erratum, a right one makes it hold.  Which side of the boundary the
document means (which particles are lost) is said in its words and is not judged.

The inequality also states signs: ``a > b`` with ``b >= 0`` says ``a > 0``; when ``a``
has the sign of ``v_\parallel`` (or of the charge) the boundary is judged with that sign
stated (``v_\parallel > 0``, motion along B), as the inequality itself says it.

Orderings (``r_L \ll L``, ``\lesssim``) are conditions a result assumes, not results;
they are left to the checker, which says so.
"""

import dataclasses

import sympy as sp

from guidingcenter import symbols as S

__all__ = ["boundary", "implied_conditions", "judge_inequality"]

# the comparison signs a boundary is read from, and whether the left side is the greater
_GREATER = {">": True, r"\gt": True, r"\geq": True, r"\ge": True, r"\geqslant": True,
            "<": False, r"\lt": False, r"\leq": False, r"\le": False, r"\leqslant": False}
# the signs a greater side may state: (condition key, symbol, sign it fixes)
_SIGNS = (("forward", S.v_par, 1), ("positive-charge", S.q, 1), ("negative-charge", S.q, -1))


def boundary(latex):
    r"""``(latex with its one top-level comparison replaced by "=", left side greater)``,
    or None when ``latex`` has no such comparison or more than one (a chain ``a < b < c``)
    or any other relation.

    >>> boundary(r"v_\parallel/v_\perp > \sqrt{(B_m - B_0)/B_0}")
    ('v_\\parallel/v_\\perp = \\sqrt{(B_m - B_0)/B_0}', True)
    >>> boundary(r"r_L \ll L") is None, boundary(r"0 < x < 1") is None
    (True, True)
    """
    depth, found, index = 0, [], 0
    while index < len(latex):
        char = latex[index]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        elif depth == 0 and char in "<>=":
            found.append((index, index + 1, char))
        elif depth == 0 and char == "\\":
            end = index + 1
            while end < len(latex) and latex[end].isalpha():
                end += 1
            word = latex[index:end]
            if word in _GREATER or word in (r"\ll", r"\gg", r"\lesssim", r"\gtrsim", r"\approx",
                                            r"\sim", r"\simeq", r"\equiv", r"\neq", r"\ne"):
                found.append((index, end, word))
            if word in (r"\left", r"\right", r"\bigl", r"\bigr", r"\Bigl", r"\Bigr") and \
                    latex[end:end + 1] in "<>":
                end += 1                            # an angle bracket, not a comparison
            index = max(end, index + 2) - 1
        index += 1
    if len(found) != 1 or found[0][2] not in _GREATER:
        return None
    start, end, sign = found[0]
    return f"{latex[:start].rstrip()} = {latex[end:].lstrip()}", _GREATER[sign]


def implied_conditions(statement, left_greater):
    """The sign conditions (keys of :data:`conditions.CONDITIONS`, and ``"backward"``
    for v_par < 0) the inequality ``statement.lhs > statement.rhs`` (or ``<``) states:
    ``a > b`` with ``b >= 0`` gives ``a > 0``, ``b < a`` with ``a <= 0`` gives ``b < 0``,
    and so the sign of ``v_par`` or ``q`` when that side has it."""
    if not isinstance(statement, sp.Equality):
        return ()
    greater, smaller = (statement.lhs, statement.rhs) if left_greater else \
        (statement.rhs, statement.lhs)
    if _nonnegative(smaller):
        side, positive = greater, True          # a > b >= 0: a > 0
    elif _nonnegative(-greater):
        side, positive = smaller, False         # b < a <= 0: b < 0
    else:
        return ()
    keys = []
    for key, symbol, sign in _SIGNS:
        if symbol not in side.free_symbols:
            continue
        ratio = side / symbol                   # the side's sign fixes the symbol's
        fixed = 1 if ratio.is_positive is True else -1 if ratio.is_negative is True else 0
        if fixed and fixed * (1 if positive else -1) == sign:
            keys.append(key)
        elif fixed and symbol == S.v_par:
            keys.append("backward")             # v_par < 0: not a condition of the toolkit
    return tuple(dict.fromkeys(keys))


def _nonnegative(expression):
    """Known not negative: by SymPy's assumptions, or as printed: a square root (the
    root a formula means), an absolute value, an even power, products of these and of
    positive factors."""
    if expression.is_nonnegative:
        return True
    if isinstance(expression, sp.Abs):
        return True
    if isinstance(expression, sp.Pow):
        exponent = expression.exp
        return bool(exponent.is_Rational and (exponent.q % 2 == 0 or exponent.p % 2 == 0)) \
            or _nonnegative(expression.base)
    if isinstance(expression, sp.Mul):
        return all(_nonnegative(factor) for factor in expression.args)
    return False


def judge_inequality(latex, context, check):
    """The verdict on an inequality by its boundary, or None when ``latex`` is no
    inequality with one boundary or the boundary is not judged (``check(latex, context)``
    gives the checker's verdicts, or a ParseError)."""
    found = boundary(latex)
    if found is None:
        return None
    equation, left_greater = found
    verdicts = check(equation, context)
    if not isinstance(verdicts, list) or len(verdicts) != 1:
        return None
    verdict = verdicts[0]
    implied = [key for key in implied_conditions(verdict.statement, left_greater)
               if key not in context.stated]
    if "backward" in implied:
        return None                 # motion against B: the toolkit derives the other case
    if verdict.verdict == "holds-with-condition" and implied:
        again = check(equation, dataclasses.replace(
            context, stated=tuple(context.stated) + tuple(implied)))
        if isinstance(again, list) and len(again) == 1 and again[0].verdict == "holds":
            verdict = again[0]
    if verdict.verdict not in ("holds", "holds-with-condition", "erratum"):
        return None
    words = f"its boundary {equation} "
    if verdict.verdict == "erratum":
        return dataclasses.replace(verdict, diagnosis=f"the boundary: {verdict.diagnosis}")
    return dataclasses.replace(verdict, reason=" ".join(filter(None, (
        verdict.reason, words + "is the derived result; which side the document means is "
                                "in its words, not judged"))))
