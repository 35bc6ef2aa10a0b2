r"""Derivatives of the functions the derived results define along a dipole field line.

Textbooks write the dipole's geometry as differential equations in the latitude:
``\frac{1}{R}\frac{dR}{d\Lambda} = \frac{B_R}{B_\Lambda} = -2\tan\Lambda`` (SPENVIS,
'Invariant coordinates', eq. 4), ``\frac{dr}{r\,d\lambda} = \frac{B_r}{B_\lambda}``
(Baumjohann and Treumann, *Basic Space Plasma Physics*, 3.1), ``\frac{r\,d\theta}{dr} =
\frac{B_\theta}{B_r}`` in the colatitude (Kivelson and Russell, *Introduction to Space
Physics*, 6.2), ``\frac{dB}{d\lambda}`` and ``\frac{ds}{d\lambda}`` along the line
(Roederer, *Dynamics of Geomagnetically Trapped Radiation*, 1.3).  A derivative
``dF/dX`` is read here when X reads as the latitude lambda (or the colatitude pi/2 -
lambda, d/d theta = -d/d lambda) and F as a quantity a derived result gives as a function
of it (:data:`LINE_FUNCTIONS`: r = r_eq cos^2 lambda, the field strength B, the arc length
s), in any constant normalization (R = r/R_E): dF/dX becomes c dQ/d lambda with Q(lambda)
the function, F beside it the same c Q(lambda), and X the same latitude.  The inverse
``dX/dF`` is 1/(dF/dX).  The field strength is read both ways: along the field line
(B(lambda)) and at a fixed distance (B(r, lambda), the partial derivative; dB/dr is the
latter's); dB/ds on a line with a latitude is (dB/d lambda)/(ds/d lambda).

:func:`derivative_results` are the derived results differentiated (SymPy ``diff``): a
relation ``\frac{dr}{d\lambda} = -2 r_{eq}\sin\lambda\cos\lambda`` is judged against the
derivative of ``dipole_field_line``, ``\frac{\partial B}{\partial\lambda}`` against that of
the dipole's field strength from its components.
"""

import dataclasses
import functools
import itertools
import re

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.check.readings import options, placeholders
from guidingcenter.check.spelled import Spelled, is_spelled, key_of

__all__ = ["LINE_FUNCTIONS", "along_the_line", "derivative_results", "evaluated",
           "differentiated", "judged_on_the_line", "preference"]

B_LINE = sp.Function("B", positive=True)(S.lam)             # B along the field line
B_FIELD = sp.Function("B", positive=True)(S.r, S.lam)       # B at a point (r, lambda)
ARC = sp.Function("s")(S.lam)                               # the arc length s(lambda)

#: quantity -> the functions of the latitude it is read as (B: along the line, at fixed r)
LINE_FUNCTIONS = {S.r: (S.r_lam,), S.B: (B_LINE, B_FIELD), S.s: (ARC,)}
_WORDS = {B_LINE: "along the field line", B_FIELD: "at a fixed distance r (partial)"}
_DERIVATIVE = re.compile(r"d\{(.+)\}/d\{(.+)\}")
_COLATITUDE = sp.pi / 2 - S.lam


def along_the_line(statement, definitions=None):
    r"""``[(statement, notes), ...]``: ``statement`` with its derivatives along a field line
    read (see the module docstring), one entry per reading (of the field strength: along
    the line or at fixed r; of an angle that may be the latitude or the colatitude); the
    statement as it is (and no notes) when it has none.

    >>> from guidingcenter.check.parsing import read
    >>> slope = read(r"\frac{dR}{d\Lambda} = 2")[0].statement
    >>> [(str(s), notes) for s, notes in along_the_line(slope)]
    [('Eq(Derivative(r(lambda), lambda)/R_E, 2)', ('\\Lambda read as the latitude lambda',))]
    >>> [str(s) for s, _ in along_the_line(read(r"\frac{dr}{d\theta} = 2")[0].statement)]
    ['Eq(-Derivative(r(lambda), lambda), 2)']
    """
    statement = sp.sympify(statement)
    found = [(node, _parts(node, definitions)) for node in _derivatives(statement)]
    found = [(node, parts) for node, parts in found if parts is not None]
    if not found:
        return [(statement, ())]
    integrated = {limits[0] for integral in statement.atoms(sp.Integral)
                  for limits in integral.limits}
    choices = [[(quantity, function) for function in LINE_FUNCTIONS[quantity]]
               for quantity in sorted({parts[1] for _, parts in found}, key=str)]
    choices += [[(node, latitude) for latitude in parts[3]] for node, parts in found]
    variants = []
    for chosen in itertools.product(*choices):
        chosen = dict(chosen)
        read = _read(statement, found, chosen, integrated)
        if read is not None:
            variants.append(read)
    return variants or [(statement, ())]


def _read(statement, found, chosen, integrated):
    """One reading of the derivatives ``found``: ``(statement, notes)``, or None when it
    does not fit (dB/dr of B along a line; the colatitude for a variable of integration)."""
    replacement, notes = {}, []
    for node, (name, quantity, scale, _, inverse, variable) in found:
        function, latitude = chosen[quantity], chosen[node]
        if latitude == S.r and function != B_FIELD:
            return None                       # dB/dr: of the field at a point, not on a line
        if node == S.dB_ds and function != B_LINE:
            return None                       # dB/ds: along the line
        sign = -1 if latitude == _COLATITUDE else 1
        rate = sign * scale * sp.Derivative(function, S.lam if latitude != S.r else S.r)
        if node == S.dB_ds:                   # dB/ds = (dB/d lambda)/(ds/d lambda)
            rate = rate / sp.Derivative(ARC, S.lam)
        replacement[node] = 1 / rate if inverse else rate
        for other in placeholders(statement):        # F and X beside it: the same
            if key_of(other) == name:
                replacement[other] = scale * function
            elif variable is not None and key_of(other) == variable:
                if latitude == _COLATITUDE and other in integrated:
                    return None
                replacement[other] = latitude
        if statement.has(quantity):
            replacement.setdefault(quantity, function)
        if len(LINE_FUNCTIONS[quantity]) > 1:
            notes.append(f"d{quantity}/d{latitude if latitude == S.r else S.lam} read "
                         f"{_WORDS[function]}")
        if latitude == _COLATITUDE:
            notes.append(f"{variable} read as the colatitude pi/2 - lambda")
        elif variable not in (None, r"\lambda", "r"):
            notes.append(f"{variable} read as the latitude lambda")
    return _upright(statement.xreplace(replacement)), tuple(dict.fromkeys(notes))


def _upright(statement):
    """r/r' = x written r'/r = 1/x: the field-line equation the way its result states it."""
    if isinstance(statement, sp.Equality) and isinstance(statement.lhs, sp.Mul):
        numerator, denominator = sp.fraction(statement.lhs)
        if denominator.has(sp.Derivative) and not numerator.has(sp.Derivative):
            return sp.Eq(1 / statement.lhs, 1 / statement.rhs, evaluate=False)
    return statement


def _derivatives(statement):
    """The derivative placeholders (``d{R}/d{\\Lambda}``) and derivatives of function
    values (r(lambda)) of ``statement``."""
    found = [p for p in placeholders(statement) if _DERIVATIVE.fullmatch(key_of(p))]
    found += [node for node in statement.atoms(sp.Derivative)
              if node.expr in (S.r_lam, ARC) and node.variables == (S.lam,)]
    if statement.has(S.dB_ds) and statement.has(S.lam):      # dB/ds on a dipole line
        found.append(S.dB_ds)
    return found


def _parts(node, definitions):
    """``(name of F, quantity, scale, latitude, inverse, name of X)`` of a derivative dF/dX
    along the line (the quantity Q with F = scale Q), or None."""
    if node == S.dB_ds:
        return ("B", S.B, 1, (S.lam,), False, None)
    if isinstance(node, sp.Derivative):
        quantity = S.r if node.expr == S.r_lam else S.s
        return ("r" if quantity == S.r else "s", quantity, 1, (S.lam,), False, None)
    top, bottom = _DERIVATIVE.fullmatch(key_of(node)).groups()
    if bottom == "r" and _quantity(top, definitions) == (S.B, 1):     # dB/dr at fixed lambda
        return (top, S.B, 1, (S.r,), False, None)
    latitudes, quantity = _latitudes(bottom, definitions), _quantity(top, definitions)
    if latitudes and quantity is not None:
        return (top, quantity[0], quantity[1], latitudes, False, bottom)
    latitudes, quantity = _latitudes(top, definitions), _quantity(bottom, definitions)
    if latitudes and quantity is not None:      # d theta/dr = 1/(dr/d theta)
        return (bottom, quantity[0], quantity[1], latitudes, True, top)
    return None


def _values(key, definitions):
    """The readings of the name ``key`` (the document's, the table's, the toolkit's own)."""
    return [o.value for o in options(Spelled(key, key), definitions)]


def _latitudes(key, definitions):
    """The readings of ``key`` that are the latitude lambda or the colatitude pi/2 - lambda
    (the likelier first)."""
    if key == r"\lambda":
        return (S.lam,)
    return tuple(dict.fromkeys(value for value in _values(key, definitions)
                               if value in (S.lam, _COLATITUDE)))


def _quantity(key, definitions):
    """``(Q, scale)``: the first reading of ``key`` that is a constant multiple of a
    quantity of :data:`LINE_FUNCTIONS` (R = r/R_E: (r, 1/R_E))."""
    for value in _values(key, definitions):
        for quantity in LINE_FUNCTIONS:
            scale = sp.cancel(sp.sympify(value) / quantity) if value != 0 else None
            if scale is not None and not scale.has(quantity, S.lam) and scale != 0 \
                    and not any(is_spelled(s) for s in scale.free_symbols):
                return quantity, scale
    return None


def differentiated(statement):
    """Does ``statement`` hold a derivative of a function one of
    :func:`derivative_results` defines?"""
    if not sp.sympify(statement).atoms(sp.Derivative):    # cheap: most formulas have none
        return False
    return any(statement.has(result.statement.lhs) for result in derivative_results())


def evaluated(statement, result):
    """``statement`` with the functions of the latitude that it holds outside its derivatives
    written as ``result`` (one of :func:`derivative_results`) defines them (B(lambda) as the
    dipole's field strength ...); the derivatives kept."""
    known = _known_derivatives()
    kept = {node: sp.Dummy() for node in sp.sympify(statement).atoms(sp.Derivative)}
    values = dict(result.values)
    written = sp.sympify(statement).xreplace(kept).xreplace(values)
    return written.xreplace({dummy: node if node == result.statement.lhs or node not in known
                             else known[node] for node, dummy in kept.items()})


@functools.lru_cache(maxsize=None)
def _known_derivatives_cached():
    from guidingcenter import registry
    found = {r.statement.lhs: r.statement.rhs for r in derivative_results()}
    for result in registry.results().values():     # ds/d lambda: the line element
        statement = result.statement
        if isinstance(statement, sp.Equality) and not result.conditions and \
                isinstance(statement.lhs, sp.Derivative) and statement.lhs.expr == ARC:
            found[statement.lhs] = statement.rhs
    return tuple(found.items())


def _known_derivatives():
    """{derivative: value} of every derivative of a line function a result gives (the
    other derivatives of a relation are written out when it is judged against one)."""
    return dict(_known_derivatives_cached())


@functools.lru_cache(maxsize=None)
def derivative_results():
    """The derived results that give a quantity of :data:`LINE_FUNCTIONS` as a function of
    the latitude, differentiated in it: one Result each (under the name of the result it
    differentiates, which :mod:`guidingcenter.registry` knows), with ``values`` the
    functions they define."""
    from guidingcenter import registry
    found = []
    for result in registry.results().values():
        statement = result.statement
        if not isinstance(statement, sp.Equality) or result.conditions:
            continue
        lhs, rhs = statement.lhs, statement.rhs
        if isinstance(lhs, sp.MatrixBase) and lhs.shape == (1, 1):
            lhs, rhs = lhs[0, 0], rhs[0, 0]
        if isinstance(lhs, sp.MatrixBase) and {S.B_r, S.B_lam} <= set(lhs):
            # the field strength from the components: B(r, lambda), both partials
            squares = sp.factor(sp.expand(sum(v**2 for v in rhs)).subs(
                sp.cos(S.lam)**2, 1 - sp.sin(S.lam)**2))
            strength = sp.powdenest(sp.sqrt(squares), force=True)
            value = {B_FIELD: strength}
            for variable in (S.lam, S.r):
                found.append(_differentiated(result, B_FIELD, strength, variable, value))
            continue
        if isinstance(lhs, AppliedUndef) and lhs == S.r_lam:
            function = S.r_lam
        elif lhs == S.B and rhs.has(S.lam) and not rhs.has(S.r):
            function = B_LINE
        else:
            continue
        found.append(_differentiated(result, function, rhs, S.lam, {function: rhs}))
    return tuple(found)


@dataclasses.dataclass(frozen=True)
class _Differentiated:
    """A derived result differentiated in one of its variables (a Result for the judge)."""

    name: str
    statement: object
    derivation: str
    step: int
    values: tuple
    conditions: tuple = ()
    words: str = ""            # how it was made, for the verdict's readings


def _differentiated(result, function, value, variable, values):
    statement = sp.Eq(sp.Derivative(function, variable), sp.factor(sp.diff(value, variable)),
                      evaluate=False)
    return _Differentiated(result.name, statement, result.derivation, result.step,
                           tuple(values.items()), words=f"{result.name} differentiated in "
                                                        f"{variable} (SymPy diff)")


def judged_on_the_line(variants, judge, against=None):
    """The best verdict on a relation with derivatives along a field line over its readings
    (``variants`` of :func:`along_the_line`; ``judge(statement, against)`` gives a
    Verdict): compared with the derived results differentiated (dr/d lambda of r = r_eq
    cos^2 lambda), then with the results as they are (the field-line equation)."""
    found = []
    for statement, notes in variants:
        tried = [_with_words(judge(evaluated(statement, derived), derived), derived)
                 for derived in derivative_results()
                 if against is None and statement.has(derived.statement.lhs)]
        if not any(v.verdict == "holds" for v in tried):     # the result as it is first:
            tried.insert(0, judge(statement, against))       # of two equal errata, its
        found += [dataclasses.replace(v, statement=statement, readings=v.readings + notes)
                  for v in tried]
        if any(v.verdict == "holds" for v in tried):
            break
    return min(found, key=preference)


def _with_words(verdict, derived):
    if verdict.verdict not in ("holds", "holds-with-condition", "erratum"):
        return verdict
    return dataclasses.replace(verdict, readings=verdict.readings + (
        f"judged against {derived.words}",))


def preference(verdict):
    """Holds, then with a condition, then the erratum one edit explains, then the rest."""
    rank = {"holds": 0, "holds-with-condition": 1, "erratum": 2}.get(verdict.verdict, 3)
    return rank, rank == 2 and (not verdict.edits or verdict.edits[0] == ("differs",))
