r"""A gyration written with complex exponentials, "the real part is understood".

Chen (*Introduction to Plasma Physics*, sec. 2.2.1, eqs. 2-8 to 2-10) and many lecture
notes solve the gyration with complex exponentials::

    v_x = v_\perp e^{i\omega_c t},  v_y = \frac{m}{qB}\dot v_x = \pm i v_\perp e^{i\omega_c t},
    x - x_0 = -i\frac{v_\perp}{\omega_c} e^{i\omega_c t}

(``\pm`` the sign of q when omega_c = |q|B/m; with the signed omega_c = qB/m, ``+i``).  The
symbol ``i`` (``\mathrm{i}``, and ``j`` in an exponent with the time) is read as the imaginary
unit when the relation, or the chain it is a link of, has an exponential whose exponent is
imaginary: every term of it a multiple of ``i`` (``e^{i\omega t}``, ``\exp(i\omega_c t +
i\pi/2)``).  The relation is then judged two ways:

* a coordinate alone on one side (``v_x = ...``, ``x - x_0 = ...``, ``y = ...``): the real
  part of the other side, with every symbol real, is the physical coordinate, and it is
  judged as the real orbit is (:mod:`guidingcenter.check.orbit_coordinates`);
* anything else (``\frac{m}{qB}\dot v_x = i v_x``, ``i v_x = v_\perp e^{i(\omega_c t +
  \pi/2)}``, ``x = v_x/(i\omega_c)``, ``v_x + i v_y = v_\perp e^{-i\omega_c t}``): the
  complex relation between the coordinates, omega_c = qB/m, each coordinate read two
  ways: as its analytic signal -- the derived real orbit with cos a -> e^{ia},
  sin a -> -i e^{ia} (so that its real part is the derived coordinate; Chen's habit) -- or
  as the real coordinate combined with i (the complex velocity v_x + i v_y).  It holds when
  the two sides are then equal in either reading; for the gyrophase and the guiding centre
  the document chose (zero, Chen's "v_x = v_perp e^{i omega_c t}") when they are equal
  only so.

A relation that holds with ``-i`` for ``i`` and not as printed turns the wrong way for the
charge: the diagnosis says so (:func:`sign_of_i`).
"""

import dataclasses
import functools

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.readings import options
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Dot

__all__ = ["imaginary", "real_part", "is_complex", "complex_relation", "sign_of_i",
           "mentions_coordinates", "flip_i",
           "ROTATION"]

_UNITS = ("i", r"\mathrm{i}", r"\imath", "j", r"\mathrm{j}", r"\jmath")
_ALWAYS = ("i", r"\mathrm{i}", r"\imath")      # j only in an exponent with the time

#: what a wrong sign of i means, in words
ROTATION = ("the sign of i: the orbit turns the wrong way for the charge (with "
            "e^{i omega_c t} and omega_c = qB/m, v_y = +i v_x: a positive charge turns "
            "left-handed about B, a negative one right-handed)")


def _unit_symbols(expr):
    return [s for s in sp.sympify(expr).free_symbols if is_spelled(s) and key_of(s) in _UNITS]


def _exponents(expr):
    """The exponents of the exponentials of ``expr`` (exp(a), and e**a with e Euler's
    number or the elementary charge's letter)."""
    found = []
    for node in sp.preorder_traversal(expr):
        if isinstance(node, sp.exp):
            found.append(node.args[0])
        elif isinstance(node, sp.Pow) and node.base in (S.e, sp.E) or \
                isinstance(node, sp.Pow) and is_spelled(node.base) and key_of(node.base) == "e":
            found.append(node.exp)
    return found


def _imaginary_units(expr):
    """The symbols read as the imaginary unit in ``expr``: a unit spelling that every term
    of an exponent has as a factor (j only when the exponent has the time)."""
    units = set()
    for exponent in _exponents(expr):
        for unit in _unit_symbols(exponent):
            if key_of(unit) not in _ALWAYS and not exponent.has(S.t):
                continue
            if all(unit in sp.Mul.make_args(term) for term in sp.Add.make_args(
                    sp.expand(exponent))):
                units.add(unit)
    return units


def is_complex(statements):
    """Whether any of ``statements`` (the links of one chain, the relations of one
    display) writes an exponential with an imaginary exponent."""
    return any(_imaginary_units(s) for s in statements)


def imaginary(statement, statements=()):
    """``statement`` with the imaginary unit read (``i`` -> I, e**(i a) -> exp(i a)), the
    unit decided on ``statements`` (the chain or display it stands in; itself when
    empty); None when nothing in it is read so."""
    units = set().union(*(_imaginary_units(s) for s in (statements or [statement])))
    names = {key_of(u) for u in units}
    present = [s for s in _unit_symbols(statement) if key_of(s) in names]
    if not present:
        return None
    found = statement.xreplace({s: sp.I for s in present})
    return found.replace(
        lambda node: isinstance(node, sp.Pow) and (node.base in (S.e, sp.E) or is_spelled(
            node.base) and key_of(node.base) == "e") and node.exp.has(sp.I),
        lambda node: sp.exp(node.exp))


def real_part(expr):
    """The real part of ``expr`` with every symbol real: (f + f*)/2, f* = f with i -> -i,
    written with cos and sin.

    >>> import sympy as sp
    >>> w, t = sp.symbols("omega t", real=True)
    >>> real_part(-sp.I * sp.exp(sp.I * w * t))
    sin(omega*t)
    """
    conjugate = expr.xreplace({sp.I: -sp.I})
    half = sp.expand(((expr + conjugate) / 2).rewrite(sp.cos), complex=False)
    return sp.expand(sp.expand_trig(half)) if half.has(sp.I) else half


# --- the analytic signal of the derived orbit ------------------------------------------

def _analytic(expr):
    """The analytic signal of a real orbit component: cos a -> e^{ia}, sin a -> -i e^{ia}
    for a phase a of the time (its real part is ``expr``)."""
    expr = sp.expand(expr)
    return expr.replace(
        lambda node: isinstance(node, (sp.sin, sp.cos)) and node.args[0].has(S.t),
        lambda node: sp.exp(sp.I * node.args[0]) * (1 if isinstance(node, sp.cos) else -sp.I))


@functools.cache
def _signals():
    """{symbol of a coordinate: (its analytic signal, the result it comes from, the
    real coordinate)}."""
    velocity, orbit = registry.result("larmor_velocity"), registry.result("larmor_orbit")
    v = velocity.statement.rhs
    dv = v.diff(S.t)
    r = orbit.statement.rhs
    signals = {}
    for index, axis in enumerate("xy"):
        unit = sp.ImmutableMatrix([int(axis == other) for other in "xyz"])
        for symbol in (Dot(unit, S.v_vec), (S.v_x_t, S.v_y_t)[index]):
            signals[symbol] = (_analytic(v[index]), velocity, v[index])
        signals[Dot(unit, S.dv_dt)] = (_analytic(dv[index]), velocity, dv[index])
        for symbol in ((S.X, S.Y)[index], (S.x_t, S.y_t)[index]):
            signals[symbol] = (_analytic(r[index]), orbit, r[index])
    return signals


_ORBIT_SYMBOLS = {S.v_perp, S.omega_c, S.q, S.B, S.m, S.t, S.phi, S.X_gc, S.Y_gc}


def _resolved(statement, definitions):
    """Placeholders read as the symbols of the orbit where one of their readings is one
    (omega_c, v, x, y, ...); None when a placeholder other than those is left."""
    found = {}
    for placeholder in [s for s in statement.free_symbols if is_spelled(s)]:
        values = [o.value for o in options(placeholder, definitions)]
        for value in values:
            if value in _ORBIT_SYMBOLS or value in (S.X, S.Y, S.v_vec, S.dv_dt):
                found[placeholder] = value
                break
        else:
            return None
    return statement.xreplace(found)


def mentions_coordinates(expr, definitions=None):
    """Whether ``expr`` names a coordinate of the gyration (v_x, dv_y/dt, x, y, ...)."""
    expr = _resolved(sp.sympify(expr), definitions)
    return expr is not None and any(expr.has(c) for c in _signals())


def complex_relation(statement, definitions=None):
    """The verdict on a complex relation between coordinates of the gyration (see the
    module docstring): ``(verdict, diagnosis, result, note)`` with verdict "holds" or
    "erratum"; None when the relation is not one between the orbit's coordinates or
    names something else.  The coordinates are read two ways: each its own analytic
    signal (Chen: v_y = i v_x), or real coordinates combined with i (the complex velocity
    v_x + i v_y = v_perp e^{-i omega_c t}); it holds when either reading holds."""
    if not isinstance(statement, sp.Equality) or not statement.has(sp.I):
        return None
    statement = _resolved(statement, definitions)
    if statement is None:
        return None
    signals = _signals()
    present = [c for c in signals if statement.has(c)]
    if not present or any(exponent.has(*present) for exponent in _exponents(statement)):
        return None                              # a coordinate in an exponent: not linear
    if statement.free_symbols - _ORBIT_SYMBOLS - {S.v_vec, S.dv_dt, S.X, S.Y}:
        return None
    result = signals[([c for c in present if statement.lhs.has(c)] or present)[0]][1]
    readings = ((0, "the complex coordinates (analytic signals of the orbit)"),
                (2, "real coordinates combined with i"))

    def put_in(expr, which):
        for coordinate in present:
            expr = expr.xreplace({coordinate: signals[coordinate][which]})
        return expr

    def zero(expr):
        if expr.free_symbols - _ORBIT_SYMBOLS:
            return False
        expr = expr.subs(S.omega_c, S.q * S.B / S.m).rewrite(sp.exp)
        return sp.simplify(sp.expand(expr)) == 0

    chosen = {S.phi: 0, S.X_gc: 0, S.Y_gc: 0}
    difference = statement.lhs - statement.rhs
    for which, words in readings:
        substituted = put_in(difference, which)
        if zero(substituted):
            return "holds", "", result, words
        if zero(substituted.subs(chosen)):
            return "holds", "", result, f"{words}, gyrophase 0 and the guiding centre at " \
                                        "the origin"
    for which, _ in readings:
        flipped = put_in(flip_i(difference), which)              # the claim's i only
        if zero(flipped) or zero(flipped.subs(chosen)):
            return "erratum", ROTATION, result, ""
    return "erratum", ("differs from the derived orbit, its coordinates read as complex "
                       "signals or as real ones combined with i"), result, ""


def flip_i(expr):
    """``expr`` with -i for every i outside its exponentials (``v_y = i v_perp e^{i omega
    t}`` -> ``v_y = -i v_perp e^{i omega t}``): the other sense of rotation.  (Flipping
    every i would be the complex conjugate, whose real part is the same.)"""
    kept = {node: sp.Dummy() for node in sp.sympify(expr).atoms(sp.exp)}
    return expr.xreplace(kept).xreplace({sp.I: -sp.I}).xreplace(
        {dummy: node for node, dummy in kept.items()})


def sign_of_i(verdict, judge_flipped):
    """An erratum that holds with -i for i: its diagnosis names the sign of i
    (``judge_flipped()`` gives the verdict on the relation with i -> -i)."""
    if verdict.verdict != "erratum" or ROTATION in verdict.diagnosis:
        return verdict
    flipped = judge_flipped()
    if flipped is None or not flipped.ok:
        return verdict
    return dataclasses.replace(verdict, diagnosis=ROTATION, edits=(("sign-of-i",),))
