r"""A gyration written coordinate by coordinate, with its own constants of integration.

Textbooks print the Larmor orbit one coordinate at a time and name its free
constants as they like: Chen's ``x - x_0 = r_L \sin\omega_c t``, Hutchinson's
``x = x_0 + \frac{v}{\Omega}\sin\Omega t``, ``x(t) = x_c + \rho_L \sin(\omega t + \phi_0)``,
``v_x = v_\perp\cos(\omega t + \delta)``.  The derived results (``larmor_orbit``,
``larmor_velocity``) fix the names: the guiding centre (X_gc, Y_gc) and the gyrophase
phi.  :func:`orbit_claim` reads such a relation as a statement about one component of
those results: the coordinate alone on the left, the constant term (independent of t)
is the guiding centre's coordinate, the symbolic phase inside the periodic functions is
the gyrophase.  A relation with no constant term or no symbolic phase is compared with
the derived result with the guiding centre at the origin or the phase zero.

Everything else -- which frequency omega is, the charge's sign, a flipped sign, sin for
cos -- is left to the ordinary search (:func:`guidingcenter.check.matching.search`).
"""

import dataclasses
import re

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.readings import options, placeholders
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Dot

__all__ = ["orbit_claim"]

_AXIS = {axis: sp.ImmutableMatrix([int(axis == other) for other in "xyz"]) for axis in "xyz"}

# what a coordinate is spelled as in a claim -> (the derived result's left side, the
# result, its row, the guiding centre's coordinate in that row or None)
_COORDINATES = {
    S.X: (S.X, "larmor_orbit", 0, S.X_gc),
    S.Y: (S.Y, "larmor_orbit", 1, S.Y_gc),
    S.x_t: (S.X, "larmor_orbit", 0, S.X_gc),
    S.y_t: (S.Y, "larmor_orbit", 1, S.Y_gc),
    Dot(_AXIS["x"], S.v_vec): (S.v_x_t, "larmor_velocity", 0, None),
    Dot(_AXIS["y"], S.v_vec): (S.v_y_t, "larmor_velocity", 1, None),
    S.v_x_t: (S.v_x_t, "larmor_velocity", 0, None),
    S.v_y_t: (S.v_y_t, "larmor_velocity", 1, None),
}
_CENTRES = (S.X_gc, S.Y_gc)
_PERIODIC = (sp.sin, sp.cos)


def _periodic(expr):
    return [f for f in expr.atoms(*_PERIODIC) if f.args[0].has(S.t)]


def _read_positions(statement, definitions):
    """Placeholders that may be a coordinate or a guiding centre's coordinate (``y``: the
    sine of alpha_eq or the particle's y; ``y_0``: ... or Y_gc) read as the position."""
    found = {}
    for placeholder in placeholders(statement):
        values = [o.value for o in options(placeholder, definitions)]
        for value in values:
            if value in _COORDINATES or value in _CENTRES or value == S.v_vec:
                found[placeholder] = value
                break
    return statement.xreplace(found) if found else statement


def _phase(expr):
    """The symbolic phases of the periodic functions of t in ``expr``."""
    phases = set()
    for function in _periodic(expr):
        constant, _ = function.args[0].as_independent(S.t, as_Add=True)
        if constant != 0 and not constant.is_number:
            phases.add(constant)
    return phases


def orbit_claim(statement, definitions=None):
    r"""``(claim, result)``: the relation as a statement about one component of a derived
    gyration result, and that component as a result to compare it with; or None when
    the relation is not a coordinate of a gyration as a function of time.

    >>> from guidingcenter.check.parsing import read
    >>> from guidingcenter.check.lookup import Lookup
    >>> claim, = read(r"x - x_0 = r_L \sin(\omega_c t + \delta)", lookup=Lookup(open=True))
    >>> found, result = orbit_claim(claim.statement)
    >>> found, result.name
    (Eq(X, X_gc + r_L*sin(\omega_{c}*t + phi)), 'larmor_orbit')
    """
    if not isinstance(statement, sp.Equality) or not _periodic(statement):
        return None
    if isinstance(statement.rhs, sp.MatrixBase):
        return _orbit_vector(statement, definitions)
    if isinstance(statement.lhs, sp.MatrixBase):
        return None
    statement = _read_positions(statement, definitions)
    residual = statement.lhs - statement.rhs
    present = [c for c in _COORDINATES if residual.has(c)]
    if len(present) != 1:
        return None
    coordinate = present[0]
    if isinstance(coordinate, Dot) and not statement.lhs.has(coordinate):
        return None
    marker = sp.Dummy("coordinate")
    linear = sp.expand(residual.xreplace({coordinate: marker}))
    slope = linear.coeff(marker)
    if slope == 0 or slope.has(marker) or slope.free_symbols or \
            (linear - slope * marker).has(marker):
        return None
    value = sp.expand(-(linear - slope * marker) / slope)
    target, name, row, centre = _COORDINATES[coordinate]
    try:
        result = registry.result(name)
    except registry.UnknownName:
        return None
    truth = result.statement.rhs[row]
    constant, moving = value.as_independent(S.t, as_Add=True)
    if centre is not None:
        if constant == 0:
            truth = truth.subs(centre, 0)
        elif constant.is_Symbol and (is_spelled(constant) or constant in _CENTRES):
            value = centre + moving          # the constant of integration: its centre
        elif constant.has(*_CENTRES):
            value = constant.xreplace({c: centre for c in _CENTRES}) + moving
    phases = _phase(value)
    if not phases:
        truth = truth.subs(S.phi, 0)
    elif len(phases) == 1 and next(iter(phases)).is_Symbol:
        value = value.xreplace({next(iter(phases)): S.phi})
    if not value.has(S.t):
        return None
    component = dataclasses.replace(result, statement=sp.Eq(target, truth, evaluate=False))
    return sp.Eq(target, value, evaluate=False), component


_POSITION = re.compile(r"\\(?:vec|hat)\{(?:r|x|\\rho)\}(?:_\{.*\})?")


def _orbit_vector(statement, definitions):
    """``\\vec r_L = r_L sin(omega t) x-hat + r_L cos(omega t) y-hat`` (the position from
    the guiding centre) or ``\\vec v_L = ...`` (the gyration velocity), a vector across B
    stated by its components (all three, or x and y alone): compared component by
    component with the derived orbit (less its centre) or velocity."""
    lhs, rhs = statement.lhs, statement.rhs
    if rhs.shape not in ((3, 1), (2, 1)) or not (is_spelled(lhs) or lhs in (S.v_vec, S.r_vec)):
        return None
    if rhs.shape == (2, 1):                   # (x, y) components alone: across B
        rhs = sp.ImmutableMatrix([rhs[0], rhs[1], 0])
    values = [o.value for o in options(lhs, definitions)] if is_spelled(lhs) else [lhs]
    if S.v_vec in values:
        name, rows, target = "larmor_velocity", 2, sp.Matrix([S.v_x_t, S.v_y_t])
    elif lhs == S.r_vec or (is_spelled(lhs) and _POSITION.fullmatch(key_of(lhs))):
        name, rows, target = "larmor_orbit", 2, sp.Matrix([S.X, S.Y])
    else:
        return None
    if rhs[2] != 0 and name == "larmor_orbit":
        return None
    try:
        result = registry.result(name)
    except registry.UnknownName:
        return None
    truth = result.statement.rhs
    if name == "larmor_orbit":
        truth = truth - sp.Matrix([S.X_gc, S.Y_gc])
    else:
        rows = 3 if rhs[2] != 0 else 2          # v_L: the velocity across B only
        target = sp.Matrix([S.v_x_t, S.v_y_t, S.v_z_t])[:rows, :]
    truth, value = sp.Matrix(truth[:rows, :]), sp.Matrix(rhs[:rows, :])
    phases = set().union(*(_phase(entry) for entry in value))
    if not phases:
        truth = truth.subs(S.phi, 0)
    elif len(phases) == 1 and next(iter(phases)).is_Symbol:
        value = value.xreplace({next(iter(phases)): S.phi})
    component = dataclasses.replace(result, statement=sp.Eq(target, truth, evaluate=False))
    return sp.Eq(target, value, evaluate=False), component
