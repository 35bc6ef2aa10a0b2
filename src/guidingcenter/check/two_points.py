r"""Formulas about one particle at two points of its orbit.

Textbooks write the conservation of the magnetic moment as a relation between two
points: Chen (sec. 2.3.3) :math:`\tfrac12 m v_{\perp0}^2/B_0 = \tfrac12 m v_\perp'^2/B'`,
Baumjohann and Treumann (sec. 2.4) :math:`W_{\perp1}/B_1 = W_{\perp2}/B_2`, lecture notes
:math:`E_{\perp1}/E_{\perp0} = B_1/B_0`, :math:`\mu_1 = \mu_2`.  A quantity with a point
label (a digit, a prime or ``,m``: ``v_{\perp 1}``, ``B'``, ``\mu_2``, ``v_{\perp,m}``) is
that quantity at that point (:class:`AtPoint`).  Such a formula holds when it follows
from what stays the same along the orbit of a static magnetic field with no electric
field: the speed (so the energy and gamma) and the magnetic moment (derivations
``mu_conservation`` and ``mirror``).  With the point P where the particle has (v_perp,
v_par) in the field B, a second point Q is reached where

.. math:: v_{\perp Q}^2 = v_\perp^2 + t\,v_\parallel^2,\qquad
          v_{\parallel Q}^2 = (1 - t)\,v_\parallel^2,\qquad
          B_Q = B\,v_{\perp Q}^2/v_\perp^2

for any t < 1 (t = 1 is the mirror point, label m); the formula is judged as an
identity of the checking frame with every labelled quantity so defined and t sampled in
(-1/2, 9/10).  With an electric potential at the points (q Phi_1 + m v_1^2/2 = ...),
m v^2/2 + q phi is what stays the same: v_par,Q^2 is further multiplied by (1 - s) and
q phi_Q = q phi + s (1 - t) m v_par^2/2, s sampled likewise.
"""

import functools
import re

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check import notation
from guidingcenter.check.latex.table import latex_table
from guidingcenter.check.spelled import is_spelled, key_of

__all__ = ["AtPoint", "at_point", "point_label", "labelled", "at_one_point", "plain",
           "placements", "definitions", "conserved"]

#: The quantities of a particle that can be written at a point of its orbit.
QUANTITIES = (S.B, S.v_perp, S.v_par, S.v, S.alpha, S.mu, S.M_inv, S.W_perp, S.W_par, S.W,
              S.p_perp, S.p, S.r_L, S.omega_c, S.varphi_E)
MIRROR = "m"               # the mirror point (v_{\perp,m}, B_m): t = 1
# the toolkit's own symbols that are a quantity at a numbered point
_OWN = {S.B_0: (S.B, "0"), S.B_1: (S.B, "1"), S.B_2: (S.B, "2"), S.B_m: (S.B, MIRROR),
        S.alpha_0: (S.alpha, "0"), S.alpha_1: (S.alpha, "1"), S.alpha_2: (S.alpha, "2")}
# a point label closing a name: v_{\perp 1}, v_{\perp,0}, \mu_{2}, B', v_{\perp}'
_LABELLED = re.compile(r"(?P<name>.+?)_\{(?P<inner>[^{}]*?)(?:[ ,]?(?P<label>[0-9])|,m)\}|"
                       r"(?P<primed>.+?)(?P<primes>'+)|(?P<mirror>B)_\{m\}")
_T = "t"                   # the parameter of the second point (see the module docstring)


class AtPoint(sp.Symbol):
    """A quantity at a labelled point of the orbit (``v_perp`` at ``1``)."""

    def __new__(cls, quantity, label):
        name = f"{quantity.name}_{label}" if label.isalnum() else f"{quantity.name}{label}"
        self = super().__new__(cls, name, **quantity.assumptions0)
        self.quantity, self.label = quantity, label
        return self

    def __getnewargs__(self):
        return (self.quantity, self.label)


@functools.lru_cache(maxsize=None)
def at_point(quantity, label):
    return AtPoint(quantity, label)


def point_label(key):
    """The quantity at a point that the LaTeX name ``key`` writes (``v_{\\perp 1}``:
    v_perp at 1), or None."""
    match = _LABELLED.fullmatch(key)
    if match is None:
        return None
    if match.group("primed"):
        base, label = match.group("primed"), match.group("primes")
    elif match.group("mirror"):
        base, label = match.group("mirror"), MIRROR
    else:
        inner = match.group("inner")
        base, label = match.group("name") + (f"_{{{inner}}}" if inner else ""), \
            match.group("label") or MIRROR
    quantity = next((value for value in _readings(base) if value in QUANTITIES), None)
    return at_point(quantity, label) if quantity is not None else None


def labelled(statement):
    """``{symbol: AtPoint}``: the quantities at points that ``statement`` writes (the
    toolkit's B_1 and alpha_2 among them), when it writes them at two points or more
    (sin^2 alpha_1 = B_1/B_m), or at one point (v_perp') and with no label (B); else {}."""
    found, written = {}, False
    for symbol in sp.sympify(statement).free_symbols:
        if isinstance(symbol, AtPoint):
            found[symbol], written = symbol, True
        elif symbol in _OWN:
            found[symbol] = at_point(*_OWN[symbol])
        elif is_spelled(symbol):
            point = point_label(key_of(symbol))
            if point is not None:
                found[symbol] = point
    labels = {point.label for point in found.values()}
    if len(labels) > 1 or (written and plain(statement)):
        return found
    return {}


def placements(claim):
    """``(claim, words)``: the claim as written, then with the points it does not fix
    (no field written there: Chen's v_perp' with B' = B_m) placed at each of its others."""
    yield claim, ""
    points = {s for s in claim.free_symbols if isinstance(s, AtPoint)}
    labels = {p.label for p in points}
    fixed = {p.label for p in points if p.quantity == S.B}
    for label in sorted(labels - fixed):
        for other in sorted(labels - {label}):
            moved = claim.xreplace({p: at_point(p.quantity, other)
                                    for p in points if p.label == label})
            if isinstance(moved, sp.Equality):          # not x = x
                yield moved, f"the point {label} taken at the point {other}"


def at_one_point(statement):
    """``statement`` with its quantities at points read as the quantities themselves,
    unless it relates two points (``r_L = m v_{\\perp 0}/(|q| B)``: the speed it starts
    with)."""
    if labelled(statement):
        return statement
    points = {s: s.quantity for s in sp.sympify(statement).free_symbols
              if isinstance(s, AtPoint)}
    return statement.xreplace(points) if points else statement


def plain(statement):
    """The quantities ``statement`` writes with no point label (B in B'/B)."""
    return {symbol for symbol in sp.sympify(statement).free_symbols if symbol in QUANTITIES}


def _readings(key):
    """The table's readings of ``key``, then the toolkit's own symbol of that spelling
    (lookup.own_symbol; lookup imports this module)."""
    return [reading.value for reading in notation.readings(key)] + [latex_table().get(key)]


def definitions(points, plain=()):
    """``({symbol: value}, {parameter: (low, high)})``: each labelled quantity in the
    checking frame's variables, and the ``plain`` (unlabelled) ones the frame does not
    define.  The unlabelled quantities, or else those of the first label, are at the
    frame's own point P; every other label is a point Q of its own (module docstring).
    With a potential at a point, each Q has a potential of its own too (parameter s)."""
    labels = sorted({point.label for point in points}, key=lambda label: label == MIRROR)
    potential = any(point.quantity == S.varphi_E for point in points)
    values, domains = {q: _at(q, 0) for q in plain if q not in _FRAME}, {}
    for index, label in enumerate(labels):
        t = sp.Integer(0) if label != MIRROR else sp.Integer(1)
        s = sp.Integer(0)
        if (index or plain) and label != MIRROR:
            t = sp.Symbol(f"{_T}_{index}", real=True)
            domains[t] = (-sp.Rational(1, 2), sp.Rational(9, 10))
            if potential:
                s = sp.Symbol(f"s_{index}", real=True)
                domains[s] = (-sp.Rational(1, 2), sp.Rational(9, 10))
        for point in points:
            if point.label == label:
                values[point] = _at(point.quantity, t, s)
    return values, domains


def conserved(points):
    """What the judgement takes to stay the same between the points, in words."""
    if any(point.quantity == S.varphi_E for point in points):
        return ("quantities at two points of one orbit, with the magnetic moment and the "
                "energy m v^2/2 + q phi the same at both (static fields, v << c)")
    return ("quantities at two points of one orbit, with the magnetic moment and the speed "
            "the same at both (static B, no E)")


# what the checking frame computes itself (conditions.checking_frame)
_FRAME = (S.B, S.v_perp, S.v_par, S.v, S.mu, S.W_perp, S.W_par, S.r_L, S.omega_c)


def _at(quantity, t, s=0):
    """The quantity at the point of parameter ``t`` (t = 0: the frame's point), where the
    potential energy is higher by ``s`` times the parallel energy left,
    q (phi_Q - phi) = s (1 - t) m v_par^2/2 (energy conserved, Newtonian)."""
    m, q, c = S.m, S.q, S.c
    v_perp = sp.sqrt(S.v_perp**2 + t * S.v_par**2)
    v_par = S.v_par * sp.sqrt((1 - t) * (1 - s))
    v = sp.sqrt(v_perp**2 + v_par**2) if s != 0 else S.v
    B = S.B * v_perp**2 / S.v_perp**2
    gamma = 1 / sp.sqrt(1 - v**2 / c**2)
    return {S.B: B, S.v_perp: v_perp, S.v_par: v_par, S.v: v, S.alpha: sp.asin(v_perp / v),
            S.mu: m * v_perp**2 / (2 * B), S.M_inv: gamma**2 * m * v_perp**2 / (2 * B),
            S.W_perp: m * v_perp**2 / 2, S.W_par: m * v_par**2 / 2,
            S.W: m * c**2 * (gamma - 1), S.p_perp: gamma * m * v_perp, S.p: gamma * m * v,
            S.r_L: m * v_perp / (sp.Abs(q) * B), S.omega_c: q * B / m,
            S.varphi_E: S.varphi_E + s * (1 - t) * m * S.v_par**2 / (2 * q)}[quantity]
