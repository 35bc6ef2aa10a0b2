r"""The average over a gyration of the orbit's own quantities: the Larmor orbit substituted.

The grad-B drift is derived in every textbook by averaging the first-order force over the
unperturbed Larmor orbit (Chen, *Introduction to Plasma Physics*, sec. 2.3.1; Bellan,
*Fundamentals of Plasma Physics*, sec. 3.3; Fitzpatrick, *Plasma Physics*, sec. 2.5)::

    \vec v_1 = \frac{1}{B_0^2}\langle(\vec v_0\times(\vec r\cdot\nabla)\vec B_0)
                \times\vec B_0\rangle,
    \qquad v_{1,y} = -\frac{1}{B_0}\langle v_{0,y}\, x\rangle \frac{dB_0}{dx}.

Inside ``\langle ... \rangle`` with no phase written, the velocity of the gyration (``\vec v``,
``\vec v_0``, ``\vec v_g``, ``\vec v_L``, ``\vec v_\perp`` and their components) and the
position from the guiding centre (``\vec r``, ``\vec r_L``, ``\vec\rho``, ``x``, ``y``) are
the derived Larmor orbit (results ``larmor_velocity``, ``larmor_orbit``), in axes with z
along B::

    v = v_\perp (\cos\theta, -\sin\theta, 0),  r = (v_\perp/\omega_c)(\sin\theta, \cos\theta, 0),
    \theta = \omega_c t,

omega_c = qB/m signed, so that dr/dt = v for either charge.  The gyrophase is left out: the
mean over a whole period does not depend on it.  The velocity is the one across B: its
part along B is constant and averages with the oscillating position to nothing.
:func:`substituted` puts them in; the average is then done exactly by
:func:`guidingcenter.check.gyro_average.average` (:func:`orbit_mean`).  A velocity alone
(``\langle\vec v\rangle``) is not substituted: without a position or a gyration's subscript
it is the guiding-centre quantity (the bracket read openly).

:func:`gyration_law` reads the law of motion written for the gyration's velocity by its
name (``m\,d\vec v_g/dt = q\vec v_g\times\vec B``, Bellan eq. 3.63) as the particle's.
"""

import functools
import re

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.components import component
from guidingcenter.check.errors import NotationError
from guidingcenter.check.gyro_average import average, phase_of, printed_key
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Cross, Dot

__all__ = ["substituted", "orbit_mean", "put_in", "gyration_law", "GYRATION_VELOCITIES",
           "POSITIONS"]

#: keys of the gyration's velocity (a velocity with no subscript only beside a position)
GYRATION_VELOCITIES = (r"\vec{v}_{0}", r"\vec{v}_{g}", r"\vec{v}_{L}", r"\vec{v}_{\perp}",
                       r"\vec{v}_{gyr}", r"\vec{v}_{gyro}", r"\vec{u}_{L}")
_PLAIN_VELOCITIES = (r"\vec{v}",)
#: keys of the position from the guiding centre
POSITIONS = (r"\vec{r}", r"\vec{r}_{L}", r"\vec{\rho}", r"\vec{\rho}_{L}", r"\vec{r}_{g}")


@functools.cache
def _orbit():
    """(velocity, position) of the Larmor orbit as columns, the guiding centre at the
    origin, the velocity across B only."""
    v = registry.result("larmor_velocity").statement.rhs
    r = registry.result("larmor_orbit").statement.rhs
    velocity = sp.ImmutableMatrix([v[0], v[1], 0])
    position = sp.ImmutableMatrix([r[0] - S.X_gc, r[1] - S.Y_gc, 0])
    return velocity.subs(S.phi, 0), position.subs(S.phi, 0)   # a whole period: any phase


def _kind(node, plain):
    """"velocity", "position" or None for a vector symbol."""
    if not isinstance(node, sp.Symbol) and not is_spelled(node) and \
            type(node).__name__ not in ("VectorSymbol", "SpelledVector"):
        return None
    key = printed_key(node)
    if node == S.v_g or key in GYRATION_VELOCITIES or plain and (
            node == S.v_vec or key in _PLAIN_VELOCITIES):
        return "velocity"
    if node == S.r_vec or key in POSITIONS:
        return "position"
    return None


def _scalar_position(node):
    """0 or 1 for the position's x or y written as a scalar (X, Y; x, y spelled)."""
    if node in (S.X, S.x_t):
        return 0
    if node in (S.Y, S.y_t):
        return 1
    if is_spelled(node) and key_of(node) in ("x", "y"):
        return "xy".index(key_of(node))
    return None


def substituted(expr):
    """``expr`` with the Larmor orbit put in for the gyration's velocity and position (see
    the module docstring), or None when it has no such quantity (or only a velocity with
    no position and no gyration's subscript)."""
    expr = sp.sympify(expr) if not isinstance(expr, sp.MatrixBase) else expr
    vectors = {node for node in sp.preorder_traversal(expr)
               if type(node).__name__ in ("VectorSymbol", "SpelledVector")}
    scalars = {node for node in sp.preorder_traversal(expr)
               if _scalar_position(node) is not None}
    has_position = bool(scalars) or any(_kind(v, False) == "position" for v in vectors)
    kinds = {v: _kind(v, has_position) for v in vectors}
    kinds = {v: k for v, k in kinds.items() if k is not None}
    if not has_position and not kinds:          # a velocity of the gyration by its name
        return None
    velocity, position = _orbit()
    columns = {"velocity": velocity, "position": position}

    def component_of(node):
        found = component(node)
        if found is None or found[1] not in kinds:
            return None
        axis, vector = found
        return columns[kinds[vector]][axis]

    expr = expr.replace(lambda node: isinstance(node, Dot) and component_of(node) is not None,
                        component_of)
    expr = expr.xreplace({s: position[_scalar_position(s)] for s in scalars})
    expr = expr.xreplace({v: columns[k] for v, k in kinds.items()})
    return expr


def orbit_mean(expr, named=""):
    """The average over one gyration of ``expr`` with the Larmor orbit put in; None when
    it has none of the orbit's quantities or the average cannot be done exactly then
    (``\\langle\\cos x\\rangle``: x is then not the orbit's).

    >>> from guidingcenter.check.parsing import read
    >>> from guidingcenter.check.lookup import Lookup
    >>> orbit_mean(read(r"v_{0,y}\\, x", lookup=Lookup(open=True))[0].statement)
    -v_perp**2/(2*omega_c)
    """
    orbit = substituted(expr)
    if orbit is None:
        return None
    try:
        return average(orbit, named)
    except NotationError:
        return None


def put_in(expr):
    """Whether an average of ``expr`` (a bracket's content) was taken on the Larmor orbit:
    no phase written, and the orbit's quantities in it."""
    try:
        if phase_of(expr) is not None:
            return False
    except NotationError:
        return False
    return substituted(expr) is not None


_RATE = re.compile(r"d\{(\\vec\{v\}_\{.+\})\}/d\{t\}|\\dot\{(\\vec\{v\})\}(_\{.+\})")


def _rate_of(node):
    """The key of the velocity whose time derivative ``node`` names (``\\frac{d\\vec{v}_{g}}{dt}``,
    ``\\dot{\\vec{v}}_{L}``: ``\\vec{v}_{g}``, ``\\vec{v}_{L}``), or None."""
    if not is_spelled(node):
        return None
    match = _RATE.fullmatch(key_of(node))
    if match is None:
        return None
    return match.group(1) or match.group(2) + match.group(3)   # keys: d{X}/d{t}


_CENTRE_VELOCITIES = (r"\vec{v}_{gc}", r"\vec{v}_{GC}", r"\vec{V}_{gc}", r"\vec{u}_{gc}")
# the guiding centre's velocity across B: its rate is the perpendicular equation of motion
# (Chen sec. 2.3.2, Northrop ch. 1: m dv_gc_perp/dt = F_perp + q v_gc x B, F_perp with the
# centrifugal force -m v_par^2 (b.grad)b of the rate of v_par b-hat)
_CENTRE_ACROSS = (r"\vec{v}_{gc\perp}", r"\vec{v}_{\perp gc}", r"\vec{v}_{\perp,gc}",
                  r"\vec{V}_{gc\perp}", r"\vec{u}_{gc\perp}")


def gyration_law(statement):
    r"""``m d\vec v_g/dt = q \vec v_g \times \vec B`` (Bellan 3.63, ``m dv_L/dt = q v_L x B``): the
    law of motion written for the gyration's velocity by its name (a subscript of
    :data:`GYRATION_VELOCITIES`), or for the guiding centre's (``m dv_gc/dt = q(E + v_gc x
    B) + ...``, Bellan 3.65), its rate and itself both in the relation, read as the
    velocity and its rate (v, dv/dt) of the toolkit's laws of motion; None when the
    relation is not one.  The rate of the centre's velocity across B (``d\vec
    v_{gc\perp}/dt``) is the perpendicular law: the velocity in it is the centre's, or
    across B (v_perp x B = v x B), or the one velocity the law is written for
    (``m dv_{gc\perp}/dt = F_\perp + q v_F x B``, the steady state v_gc_perp = v_F)."""
    rates = {node: _rate_of(node) for node in sp.preorder_traversal(statement)
             if _rate_of(node) in GYRATION_VELOCITIES + _CENTRE_VELOCITIES + _CENTRE_ACROSS}
    if len(set(rates.values())) != 1:
        return None
    key, = set(rates.values())
    keys = {key} | (set(_CENTRE_VELOCITIES) if key in _CENTRE_ACROSS else set())
    vectors = {node for node in sp.preorder_traversal(statement)
               if type(node).__name__ in ("VectorSymbol", "SpelledVector")}
    velocities = {node for node in vectors
                  if printed_key(node) in keys or key == r"\vec{v}_{g}" and node == S.v_g}
    if not velocities and key in _CENTRE_ACROSS:
        crossed = {node for cross in statement.atoms(Cross) if S.B_vec in cross.args
                   for node in cross.args if node in vectors and
                   printed_key(node).startswith(r"\vec{v}_")}
        velocities = crossed if len(crossed) == 1 else velocities
    if not velocities:
        return None
    found = statement.xreplace({node: S.dv_dt for node in rates})
    return found.xreplace({node: S.v_vec for node in velocities})
