"""The checking frame and the conditions a formula may need.

:func:`checking_frame` is a general local frame: a magnetic field of arbitrary
direction with all its first derivatives (div B = 0), free vectors E, F, g,
..., and the standard definitions (omega_c = qB/m, mu = m v_perp^2/(2B), r_L,
the unit vector b, the curvature (b.grad)b, v^2 = v_perp^2 + v_par^2, ...).
:data:`DOMAINS` keeps sampled values physical.  A :class:`Condition` is one
under which a formula may hold that it does not state.
"""

import functools
from dataclasses import dataclass

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.components import component
from guidingcenter.vectors import (Cross, Curl, DirectionalDerivative, Dot, Frame, Grad,
                                   VectorSymbol)

__all__ = ["checking_frame", "DOMAINS", "Condition", "CONDITIONS", "ORIENTATIONS",
           "STATED_ONLY", "CONDITION_KEYS", "has_axis_components"]


@functools.lru_cache(maxsize=None)
def checking_frame(curl_free=False, aligned=False, along_x=False, across=False, along_y=False):
    """A general local frame: B of any direction (z along B if ``aligned``) with all
    nine first derivatives (trace zero: div B = 0; symmetric too if ``curl_free``;
    only dB_z/dx if ``along_x``, the field B(x) z-hat, only dB_z/dy if ``along_y``;
    dB_z/dz = 0 if ``across``, so that grad|B| is across B); every other vector free."""
    position = sp.Matrix([S.X, S.Y, S.Z])
    G = sp.Matrix(S.field_gradient)
    G[2, 2] = -G[0, 0] - G[1, 1]
    if across:
        G[1, 1], G[2, 2] = -G[0, 0], 0
    if curl_free:
        G = sp.Matrix(3, 3, lambda i, j: G[min(i, j), max(i, j)])
    if along_x or along_y:
        G = sp.Matrix(3, 3, lambda i, j: G[i, j] if (i, j) == (2, int(along_y)) else 0)
    origin = sp.Matrix([0, 0, _B_AT_ORIGIN]) if aligned else S.components("B0")
    defined = {
        S.B_vec: origin + G * position,
        S.b_hat: S.B_vec / S.B,
        S.kappa: DirectionalDerivative(S.b_hat, S.b_hat),
        S.R_c_vec: -S.kappa / Dot(S.kappa, S.kappa),
        S.grad_B: Grad(S.B),
        S.dEperp_dt: S.dE_dt - Dot(S.dE_dt, S.b_hat) * S.b_hat,
    }
    free = {vector: S.components(vector.name.replace("_vec", ""))
            for vector in _declared_vectors() if vector not in defined}
    # gradients of the scalar fields other than |B|: free vectors at the point
    free.update({Grad(field): S.components(f"grad_{field.name}")
                 for field in (S.p_th, S.n, S.varphi_E)})
    scalars = {
        S.B: sp.sqrt(Dot(S.B_vec, S.B_vec)),
        S.R_c: 1 / sp.sqrt(Dot(S.kappa, S.kappa)),
        S.omega_c: S.q * S.B / S.m,
        S.mu: S.m * S.v_perp**2 / (2 * S.B),
        S.r_L: S.m * S.v_perp / (sp.Abs(S.q) * S.B),
        S.v: sp.sqrt(S.v_perp**2 + S.v_par**2),
        S.gamma: 1 / sp.sqrt(1 - S.v**2 / S.c**2),
        S.W_perp: S.m * S.v_perp**2 / 2,
        S.W_par: S.m * S.v_par**2 / 2,
        S.E: sp.sqrt(Dot(S.E_vec, S.E_vec)),           # magnitudes of the free vectors
        S.g: sp.sqrt(Dot(S.g_vec, S.g_vec)),
    }
    if aligned:      # B_0 is the field there, unless a reading defines it (B_0 = B)
        scalars[S.B_0] = _B_AT_ORIGIN
    frame = Frame({**free, **defined}, scalars, position)
    # expansions are cached by it
    frame.cache_key = ("checking", curl_free, aligned, along_x, across, along_y)
    return frame


# |B| at the guiding centre in the aligned frame: a symbol of its own, so that a reading
# B_0 = B of a formula's B_0 (the field at the guiding centre) is not circular
_B_AT_ORIGIN = sp.Symbol("B_at_origin", positive=True)


def _declared_vectors():
    return [value for value in vars(S).values() if isinstance(value, VectorSymbol)]


def _mirror_y(lam_m):
    return sp.cos(lam_m)**3 / (1 + 3 * sp.sin(lam_m)**2)**sp.Rational(1, 4)


# Sampling intervals that keep the physics sensible (speeds below c, pitch angles
# in the first quadrant, a mirror field above the starting field, y = sin(alpha_eq)
# consistent with the mirror latitude, ...).
DOMAINS = {
    S.v_perp: (0, S.c / 3), S.v_par: (-S.c / 3, S.c / 3), S.W: (0, S.m * S.c**2),
    S.lam_m: (sp.Rational(1, 20), sp.Rational(7, 5)), S.y: _mirror_y(S.lam_m),
    S.L: (1, 10), S.lam: (-1, 1),
    S.alpha: (0, sp.pi / 2), S.alpha_eq: (0, sp.pi / 2), S.alpha_0: (0, sp.pi / 2),
    S.alpha_1: (0, sp.pi / 2), S.alpha_2: (0, sp.pi / 2), S.alpha_lc: (0, sp.pi / 2),
    S.B_max: (S.B_0, 4 * S.B_0), S.B_m: (S.B_eq, 4 * S.B_eq),
    S.v_perp_i: (0, S.c / 3), S.v_perp_e: (0, S.c / 3),
    S.v_par_i: (-S.c / 3, S.c / 3), S.v_par_e: (-S.c / 3, S.c / 3),
}


@dataclass(frozen=True)
class Condition:
    """A condition under which a claim may hold that it does not state."""

    key: str
    name: str
    frame: dict = None        # options of checking_frame
    domains: tuple = ()       # extra sampling intervals, ((symbol, (low, high)), ...)
    limit: object = None      # symbol taken to infinity in the truth (e.g. c)
    excludes: str = ""        # the key of a condition it contradicts (q > 0, q < 0)
    test: object = None       # test(claim, truth): when it applies, if not by the above

    def applies(self, claim, truth, symbols):
        if self.test is not None:
            return self.test(claim, truth)
        if self.limit is not None:
            return truth.has(self.limit) and not claim.has(self.limit)
        if self.domains:
            return any(symbol in symbols for symbol, _ in self.domains)
        if self.frame is not None:
            return any(e.has(Grad, DirectionalDerivative, Curl, S.kappa, S.R_c_vec,
                             S.grad_B, S.R_c) for e in (claim, truth))
        return any(symbol in symbols for symbol, _ in self.domains)


CONDITIONS = (
    Condition("nonrelativistic", "non-relativistic speeds (v << c)", limit=S.c),
    Condition("vacuum", "a current-free field (curl B = 0)", frame={"curl_free": True}),
    Condition("positive-charge", "a positive charge (q > 0)", domains=((S.q, (0, 3)),),
              excludes="negative-charge"),
    Condition("negative-charge", "a negative charge (q < 0)", domains=((S.q, (-3, 0)),),
              excludes="positive-charge"),
    Condition("forward", "motion along B (v_par > 0)", domains=((S.v_par, (0, S.c / 3)),)),
    Condition("perpendicular", "fields, forces and gradients across B (E, F, g, dE/dt, "
                               "grad B perpendicular to B)",
              frame={"aligned": True, "across": True},
              domains=tuple((component, (0, 0)) for component in
                            (S.components("E")[2], S.components("F")[2],
                             S.components("g")[2], S.components("dE_dt")[2]))),
)


def _along_an_axis(vector, size, claim, truth):
    """A vector given by its magnitude alone in a formula written by components ((0, -m g/
    (q B), 0), v_y = -E/B): the vector lies along an axis the source chose."""
    return size in sp.sympify(claim).free_symbols and not sp.sympify(claim).has(vector) and \
        (has_axis_components(claim) or has_axis_components(truth))


def _orientations(vector, size, name):
    """E (or g, ...) along +x, -x, +y or -y, across B along z: what a textbook's figure
    fixes (Chen, 2.2: E along x; gravity along -y in many a sketch)."""
    x, y, z = S.components(name)
    for axis, sign in (("x", "+"), ("x", "-"), ("y", "+"), ("y", "-")):
        along, across = (x, y) if axis == "x" else (y, x)
        values = (0, 3) if sign == "+" else (-3, 0)
        yield Condition(f"{name}-along{sign}{axis}",
                        f"axes with z along B and {name} along {sign}{axis}",
                        frame={"aligned": True},
                        domains=((along, values), (across, (0, 0)), (z, (0, 0))),
                        test=functools.partial(_along_an_axis, vector, size))


def _gradient_along(axis, claim, truth):
    """A formula by components with the gradient of |B| along one axis only (dB/dx, as in
    Chen's (1/B) dB/dy x-hat): the field varies along that axis alone."""
    found = {part[0] for node in sp.sympify(claim).atoms(Dot)
             for part in [component(node)] if part is not None and isinstance(part[1], Grad)}
    return found == {axis} and sp.sympify(truth).has(Grad, S.grad_B)


# A vector given by its magnitude in a formula written by components, along an axis; a
# gradient written by one component, along that axis.
ORIENTATIONS = tuple(condition for vector, size, name in ((S.E_vec, S.E, "E"), (S.g_vec, S.g, "g"))
                     for condition in _orientations(vector, size, name)) + tuple(
    Condition(f"gradient-along-{axis}", f"axes with z along B and B varying along {axis} only "
              f"(B({axis}) z-hat)", frame={"aligned": True, f"along_{axis}": True},
              test=functools.partial(_gradient_along, index))
    for index, axis in enumerate("xy"))
# Stated by a source but never assumed by the checker on its own.
STATED_ONLY = (
    Condition("aligned", "axes with z along B", frame={"aligned": True}),
    Condition("axes", "axes with z along B (components written as E_x, v_y)",
              frame={"aligned": True}),
    Condition("along-x", "B along z varying along x only (B(x) z-hat)",
              frame={"aligned": True, "along_x": True}),
)
CONDITION_KEYS = {c.key: c for c in CONDITIONS + ORIENTATIONS + STATED_ONLY}


def has_axis_components(expr):
    """Components along fixed axes (x-hat . E, x-hat x (y-hat . grad) B), or a vector
    written as the column of its components ((0, -m g/(q B), 0)): written so, the axes
    have z along B."""
    if isinstance(expr, sp.MatrixBase):
        return bool(expr.free_symbols) or any(map(has_axis_components, expr))
    expr = sp.sympify(expr)
    return any(isinstance(arg, sp.MatrixBase) and not arg.free_symbols
               for node in expr.atoms(Dot, Cross, DirectionalDerivative)
               for arg in node.args) or \
        any(node.shape[1] == 1 and node.free_symbols for node in expr.atoms(sp.MatrixBase))
