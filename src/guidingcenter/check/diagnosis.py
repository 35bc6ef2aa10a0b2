"""The single edits the checker tries on a wrong formula to name what is wrong.

Each generator yields ``(description, edit, edited expression)``; ``edit`` is a
machine-readable tuple whose first item is the kind: ``exponent``,
``term-sign``, ``component-sign``, ``function``, ``cross-order``, ``swap`` (of
two symbols, two components or two entries of a column), ``symbol``,
``term-factor`` (a symbol or 2 in one term, or a decimal slip of a printed coefficient,
0.16 where 1.6), ``missing-factor`` (2 or 1/2 before a bracket of a product), ``power``.
The checker keeps the first edit that makes the formula equal to the derived result (for a
fit: that brings it within the fit's tolerance).  Helpers name what is left when none does:
:func:`exponent_of` (a factor c of a claim holding c^2 is c^2 where c^3 is right),
:func:`constant_power` (a number that is a constant's power: 1.57e-7 is 1/R_E) and
:func:`braced_exponents` (LaTeX ``x^1/2`` is x/2).
"""

import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter.check.components import component_swaps
from guidingcenter.vectors import Cross, VectorSymbol

__all__ = ["edits", "swaps", "group_factors", "term_factors", "whole_powers", "nice_number",
           "show", "exponent_of", "braced_exponents", "constant_power"]

_FUNCTION_SWAPS = {
    sp.atanh: (sp.atan, sp.asin), sp.atan: (sp.atanh, sp.asin, sp.acos),
    sp.tanh: (sp.tan,), sp.tan: (sp.tanh, sp.sin, sp.cos), sp.sin: (sp.cos, sp.tan),
    sp.cos: (sp.sin,), sp.asin: (sp.acos, sp.atan), sp.acos: (sp.asin,),
    sp.sinh: (sp.sin,), sp.cosh: (sp.cos,), sp.asinh: (sp.asin,),
    sp.exp: (sp.log,), sp.log: (sp.exp,),
}
_POWERED_FUNCTIONS = (sp.sin, sp.cos, sp.tan)
_EXPONENT_SHIFTS = (1, -1, sp.Rational(1, 2), -sp.Rational(1, 2))


def show(expr):
    return sp.sstr(expr)


def edits(expr):
    """Every single edit at every node of ``expr`` (matrices element by element)."""
    yield from _node_edits(expr, lambda new: new)


def _node_edits(node, rebuild):
    if isinstance(node, sp.MatrixBase) and not node.free_symbols:
        return                            # an axis (x-hat of x-hat . E): its component_swaps
    if isinstance(node, sp.MatrixBase):
        for i, element in enumerate(node):
            def put(new, i=i):
                matrix = sp.Matrix(node)
                matrix[i] = new
                return rebuild(sp.ImmutableMatrix(matrix))
            yield (f"flipped sign of {_component(node, i)}", ("component-sign", i),
                   put(-element))
            yield from _node_edits(element, put)
        if node.shape[1] == 1:               # (E_x, -E_y, 0) where (-E_y, E_x, 0) is right
            for i, j in itertools.combinations(range(node.shape[0]), 2):
                swapped = sp.Matrix(node)
                swapped[i], swapped[j] = node[j], node[i]
                yield (f"{_component(node, i)} and {_component(node, j)} swapped",
                       ("swap", i, j), rebuild(sp.ImmutableMatrix(swapped)))
        return
    if isinstance(node, sp.Pow) and node.exp.is_Number:
        base, exponent = node.args
        for new in _exponent_candidates(exponent):
            yield (f"wrong exponent: {show(node)} where {show(base ** new)} is right",
                   ("exponent", base, exponent, new), rebuild(base ** new))
    if (isinstance(node, sp.Symbol) and not isinstance(node, VectorSymbol)) or \
            isinstance(node, _POWERED_FUNCTIONS):                       # cos where cos^2
        for new in (2, sp.Rational(1, 2), -1):
            yield (f"wrong exponent: {show(node)} where {show(node ** new)} is right",
                   ("exponent", node, 1, new), rebuild(node ** new))
    if isinstance(node, sp.Mul):
        yield from _ratio_exponents(node, rebuild)
    if isinstance(node, sp.Add) and len(node.args) > 1:
        for count in (1, 2) if len(node.args) >= 4 else (1,):
            for chosen in itertools.combinations(range(len(node.args)), count):
                terms = [node.args[i] for i in chosen]
                others = [a for i, a in enumerate(node.args) if i not in chosen]
                words = " and ".join(show(t) for t in terms)
                yield (f"flipped sign of the term{'s' if count > 1 else ''} {words}",
                       ("term-sign",) + tuple(terms),
                       rebuild(sp.Add(*others, *[-t for t in terms])))
    if isinstance(node, sp.Function) and node.func in _FUNCTION_SWAPS:
        for other in _FUNCTION_SWAPS[node.func]:
            yield (f"wrong function: {node.func.__name__} where {other.__name__} is right",
                   ("function", node.func.__name__, other.__name__), rebuild(other(*node.args)))
    if isinstance(node, Cross):
        yield ("flipped sign: cross product in the wrong order", ("cross-order",),
               rebuild(Cross(node.args[1], node.args[0])))
    if isinstance(node, sp.Integral):           # inside the integrand, not the limits
        yield from _node_edits(node.function,
                               lambda new: rebuild(sp.Integral(new, *node.limits)))
        return
    if isinstance(node, AppliedUndef) or not node.args:
        return
    for i, arg in enumerate(node.args):
        def inner(new, i=i):
            return rebuild(node.func(*node.args[:i], new, *node.args[i + 1:]))
        yield from _node_edits(arg, inner)


def _component(matrix, i):
    """``component 2 (y)`` of a column of up to three components (its axes may be
    x, y, z or a dipole's r, lambda); else ``component 2``."""
    if matrix.shape[1] == 1 and matrix.shape[0] <= 3:
        return f"component {i + 1} ({'xyz'[i]})"
    return f"component {i + 1}"


def _ratio_exponents(node, rebuild):
    """A ratio raised to a power, (R_E/r)^2 or a name read as one (R = r/R_E), lies in
    the product as x^n y^-n: its exponent is edited as one."""
    powers = {}
    for factor in node.args:
        base, exponent = factor.as_base_exp()
        if exponent.is_Number and not isinstance(base, VectorSymbol) and base.is_Symbol:
            powers[base] = exponent
    groups = [(x, y) for x, y in itertools.combinations(sorted(powers, key=str), 2)
              if powers[y] == -powers[x]]
    for n in sorted({abs(n) for n in powers.values()}, key=abs):
        # (R/(L R_E))^3: every base with the power +-n, of both signs, is one ratio
        group = [x for x in sorted(powers, key=str) if abs(powers[x]) == n]
        if len(group) > 2 and len({powers[x] for x in group}) == 2:
            groups.append(tuple(group))
    for group in groups:
        n = powers[group[0]]
        ratio = sp.Mul(*(x ** (powers[x] / n) for x in group))
        for new in (new for new in _exponent_candidates(n) if new != -n):   # -n: a swap
            yield (f"wrong exponent: {show(ratio ** n)} where {show(ratio ** new)} is right",
                   ("exponent", ratio, n, new),
                   rebuild(node * ratio ** (new - n)))


def _exponent_candidates(exponent):
    seen = {exponent}
    inverted = [1 / exponent] if exponent.is_Rational and not exponent.is_Integer else []
    for new in [exponent + shift for shift in _EXPONENT_SHIFTS] + [2 * exponent, -exponent,
                                                                   exponent / 2] + \
            inverted:                                          # 4/3 where 3/4 is right
        if new not in seen and new != 0:
            seen.add(new)
            yield new


def swaps(expr, truth):
    """Two symbols of the formula exchanged, or one replaced by a symbol of the truth; two
    components of a vector exchanged, or one written for another (E_x where E_y is right)."""
    yield from component_swaps(expr)
    def kinds(symbols):
        names = sorted((s for s in symbols if not isinstance(s, VectorSymbol)), key=str)
        vectors = sorted((s for s in symbols if isinstance(s, VectorSymbol)), key=str)
        return names, vectors
    magnitudes = {atom.args[0]: atom for atom in expr.atoms(sp.Abs)
                  if isinstance(atom.args[0], sp.Symbol)}
    for group in kinds(expr.free_symbols):
        for a, b in itertools.combinations(group, 2):
            yield (f"symbols {show(a)} and {show(b)} swapped", ("swap", a, b),
                   expr.xreplace({a: b, b: a}))
            for x, y in ((a, b), (b, a)):         # |q| and m swapped: the magnitude moves
                if x in magnitudes and y not in magnitudes:
                    yield (f"{show(magnitudes[x])} and {show(y)} swapped", ("swap", x, y),
                           expr.xreplace({magnitudes[x]: y, y: magnitudes[x]}))
    for mine, theirs in zip(kinds(expr.free_symbols), kinds(truth.free_symbols)):
        for a in mine:
            for b in theirs:
                if b not in expr.free_symbols:
                    yield (f"wrong symbol: {show(a)} where {show(b)} is right",
                           ("symbol", a, b), expr.xreplace({a: b}))


def group_factors(expr):
    """A factor 2 or 1/2 missing before a bracket of a product (T0 - (T0 - T1)(y + y^1/2)
    where T0 - (T0 - T1)(y + y^1/2)/2 is right): the bracket's product as one factor."""
    for node in sp.preorder_traversal(expr):
        if node is expr or not isinstance(node, sp.Mul) or \
                not any(isinstance(arg, sp.Add) for arg in node.args):
            continue
        group = node.as_coeff_Mul()[1]
        for factor in (sp.Integer(2), sp.Rational(1, 2)):
            yield (f"missing factor {show(factor)} before {show(group)}",
                   ("missing-factor", factor, group), expr.xreplace({node: node * factor}))


def term_factors(expr, truth):
    """One term of a sum missing (or with an extra) factor: a symbol of either side, or 2
    (1 + mu B/(m c^2) where 1 + 2 mu B/(m c^2) is right)."""
    symbols = sorted((s for s in expr.free_symbols | truth.free_symbols
                      if not isinstance(s, VectorSymbol)), key=str) + [sp.Integer(2)]
    for add in (node for node in sp.preorder_traversal(expr) if isinstance(node, sp.Add)):
        for term in add.args:
            for symbol in symbols:
                for power in (1, -1):
                    factor = symbol**power
                    word = "missing" if power == 1 else "extra"
                    shown = symbol if power == 1 else 1 / factor
                    yield (f"{word} factor {show(shown)} in the term {show(term)}",
                           ("term-factor", term, factor),
                           expr.xreplace({add: add - term + term * factor}))
            coefficient = term.as_coeff_Mul()[0]
            if isinstance(coefficient, sp.Float):      # a decimal slip: 0.16 where 1.6
                for shift in (10, sp.Rational(1, 10)):
                    right = sp.Float(coefficient * shift, 15)
                    yield (f"{float(abs(coefficient)):g} where {float(abs(right)):g} is "
                           f"right in the term {show(term)} (a decimal slip)",
                           ("term-factor", term, shift),
                           expr.xreplace({add: add - term + term * shift}))


def exponent_of(expr, symbol):
    """The power ``a`` of ``symbol`` when ``expr`` is ``symbol**a`` times what does not
    hold it (0 when it is absent), else None (it sits inside a sum or a function)."""
    if isinstance(expr, sp.MatrixBase):
        return None
    # a common factor of a sum taken out (a formula solved for its left side is expanded)
    expr = sp.expand_power_base(sp.factor_terms(sp.sympify(expr)), force=True)
    _, held = expr.as_independent(symbol, as_Add=False)
    if held == 1:
        return 0
    base, exponent = held.as_base_exp()
    return exponent if base == symbol and exponent.is_Number else None


_UNBRACED = re.compile(r"\^(\d)/(\d)")          # x^1/2 (x^3 / 2, spaced, is meant)


def braced_exponents(text):
    """LaTeX ``x^1/2`` is (x^1)/2: the text with such exponents braced, ``x^{1/2}``, and
    the exponents found; None when it has none."""
    found = [f"{a}/{b}" for a, b in _UNBRACED.findall(text)]
    if not found:
        return None
    return _UNBRACED.sub(lambda match: f"^{{{match[1]}/{match[2]}}}", text), found


# Factors a constant's power may come with (4 pi of mu_0/(4 pi), 2 pi of a period)
_WITH_A_CONSTANT = (1, 2, sp.Rational(1, 2), 4, sp.Rational(1, 4), sp.pi, 2 * sp.pi,
                    1 / sp.pi, 1 / (2 * sp.pi), 4 * sp.pi, 1 / (4 * sp.pi))
_CONSTANT_MATCH = 2e-3     # relative: a fit's ratio to the truth is only that constant


def constant_power(factor, claim, values):
    """A numeric ``factor`` (the claim over the truth, the constants ``values`` {symbol:
    number} put in) that is a power of one of the claim's constants, times 1, 2, pi, ...:
    ``(words, edit, corrected side)`` -- its wrong exponent when the claim has the constant
    as a factor (R_E where R_E**2 is right), else the missing or extra factor; None if it is
    none."""
    try:
        value = float(factor)
    except (TypeError, ValueError):
        return None
    if value <= 0:
        return None
    side = claim.rhs if isinstance(claim, sp.Equality) else claim
    for symbol in sorted(side.free_symbols & set(values), key=str):
        for power in (1, -1, 2, -2, 3, -3):
            rest = value / float(values[symbol]) ** power
            for nice in _WITH_A_CONSTANT:
                if abs(float(nice) - rest) > _CONSTANT_MATCH * rest:
                    continue
                exponent = exponent_of(side, symbol)
                extra = nice * symbol ** power
                corrected = side / extra
                if nice == 1 and exponent and exponent != power:
                    right = symbol ** (exponent - power)
                    return (f"wrong exponent: {show(symbol ** exponent)} where {show(right)} "
                            "is right", ("exponent", symbol, exponent, exponent - power),
                            corrected)
                if power > 0:
                    return f"extra factor {show(extra)}", ("extra-factor", extra), corrected
                return (f"missing factor {show(1 / extra)}", ("missing-factor", 1 / extra),
                        corrected)
    return None


def whole_powers(expr, lhs=None):
    """The whole right-hand side squared, square-rooted or inverted."""
    if isinstance(expr, sp.MatrixBase):
        return
    for power, words in ((sp.Rational(1, 2), "square"), (2, "square root"), (-1, "reciprocal")):
        if lhs is not None:
            text = f"the left side should be the {words} of {show(lhs)}" if power != -1 else \
                "the two sides are reciprocals"
        else:
            text = f"the whole expression should be raised to the power {power}"
        yield text, ("power", power), sp.Pow(expr, power)


def nice_number(value, tolerance=1e-12):
    """A short exact form of a ratio (2, 1/2, sqrt(2), 2*pi, ...) within the relative
    ``tolerance`` (looser for approximations), else the value rounded to 6 digits."""
    value = complex(value)
    if abs(value.imag) > 1e-12 * abs(value):
        return None
    real = value.real
    if tolerance > 1e-9:       # an approximate ratio: small fractions, sqrt(2), pi
        simple = [sp.Rational(p, d) for d in range(1, 13) for p in range(1, 49)]
        simple += [sp.sqrt(2), 1 / sp.sqrt(2), sp.pi, 2 * sp.pi, 1 / (2 * sp.pi)]
        for candidate in sorted(set(simple), key=sp.count_ops):
            if abs(float(candidate) - abs(real)) <= tolerance * abs(real):
                return candidate if real > 0 else -candidate
        return sp.Float(real, 6)
    candidate = sp.nsimplify(real, [sp.pi], tolerance=1e-12, rational=False)
    if candidate.count_ops() <= 6 and abs(float(candidate) - real) <= 1e-12 * abs(real):
        return candidate
    return sp.Float(real, 6)
