r"""The second adiabatic invariant in a planet's dipole: J, K(L, alpha) and its inverse.

.. math::

    J = 2pLR_E\,Y(y), \qquad
    K = \frac{J}{2\sqrt{2mM}} = L R_E\,B_{eq}^{1/2}\,\frac{Y(y)}{y}
      = \frac{R_E B_E^{1/2}}{L^{1/2}}\,\frac{Y(y)}{y},

with :math:`y = \sin\alpha_{eq}` and :math:`M = p^2y^2/(2mB_{eq})` the first
invariant at the equator (derivations bounce_period and adiabatic_invariants,
whose generated kernels these functions call).  K depends on the field line and
the mirror point only; in radiation-belt work it is quoted in
:math:`G^{1/2} R_E`: divide by ``units.G**0.5 * units.R_E``.

The inverse :func:`alpha_from_K` solves :math:`Y(y)/y = k`,
:math:`k = K L^{1/2}/(R_E B_E^{1/2})`, written as the fixed point
:math:`y = R(y)/(k + R(y))` with :math:`R = Y/(1-y)` (the tabulated function
of :func:`~guidingcenter.dipole.integrals.Y`, smooth, from :math:`2T(0)` at
y = 0 to :math:`2T(1)` at y = 1); the same iteration gives
:math:`1 - y = k/(k + R)` without cancellation, so that
:math:`\alpha_{eq} = \operatorname{atan2}(y, ((1-y)(1+y))^{1/2})` keeps its
digits near 90 degrees.  Since Y/y decreases strictly from infinity to 0,
every K >= 0 has one pitch angle in (0, pi/2].

References
----------
Roederer, *Dynamics of Geomagnetically Trapped Radiation* (Springer, 1970),
sec. 1.7; Schulz and Lanzerotti, *Particle Diffusion in the Radiation Belts*
(1974), sec. 1.5.
"""

import numpy as np

from guidingcenter.dipole import _kernels
from guidingcenter.dipole._checks import at_least, finish, in_range, real_array
from guidingcenter.dipole.integrals import Y, _octave_table
from guidingcenter.dipole.periods import _planet_values, _prepare, _scalar_or_array
from guidingcenter.numeric._adiabatic_invariants import (
    _K_kernel, _second_invariant_kernel, _second_invariant_newtonian_kernel)

__all__ = ["second_invariant", "K_invariant", "alpha_from_K"]

_FIXED_POINT_STEPS = 48
"""Iterations of y <- R(y)/(k + R(y)).  Each contracts the error by k R'/(k + R)^2
(|R'| < 1.3 away from y = 0; near y = 0, where R' ~ y^(-1/3), by about k^(-2/3)):
measured on 5000 values of y (K from 1e-15 to 3e12 in units of R_E B_E^(1/2)): after
15 steps the result stays within an ulp of the one after 100 (the last bit may
alternate: rounding makes a two-cycle); 48 leave a wide margin."""


def second_invariant(L, energy, alpha_eq, particle="p+", *, q=None, m=None, R_E=None,
                     B_E=None, planet=None, relativistic=True, allow_lost=True):
    r"""Second adiabatic invariant :math:`J = \oint p_\parallel ds = 2pLR_E\,Y(y)` (kg m^2/s).

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in planet radii, >= 1.
    energy : float or array_like
        Kinetic energy W (J), > 0.
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi].
    particle : str
        ``"p+"``, ``"e-"``, ``"alpha"``, an ion such as ``"O+"``.
    q, m : float, optional
        Charge (C) and mass (kg), overriding the particle's.
    R_E, B_E : float, optional
        Planet radius (m) and equatorial surface field (T); default the planet's.
    planet : str or Planet, optional
        ``"Earth"`` (default), ``"Jupiter"``, ... (``guidingcenter.planets``).
    relativistic : bool
        If False use :math:`p = (2mW)^{1/2}`.
    allow_lost : bool
        Inside the loss cone warn (True) or raise ``ValueError`` (False).

    Returns
    -------
    float or ndarray
        J (kg m^2/s).

    Warns
    -----
    GuidingCentreWarning
        If :math:`\rho/(L R_E)` exceeds ``guidingcenter.validity.MAX_DIPOLE_ORDERING``.
    LossConeWarning
        Inside the loss cone, with ``allow_lost`` true.

    Notes
    -----
    Result ``second_invariant_energy`` (relativistic) or ``second_invariant_newtonian`` of
    derivation ``adiabatic_invariants``; J vanishes at :math:`\alpha_{eq} = 90` degrees.

    Examples
    --------
    >>> from guidingcenter.units import MeV, deg
    >>> second_invariant(4, 1 * MeV, 30 * deg, "e-")
    3.47033...e-14
    """
    L, y, _, m, _, _, R_E, _ = _prepare(L, energy, alpha_eq, particle, q, m, R_E, B_E,
                                        planet, relativistic, allow_lost)
    energy = np.broadcast_to(real_array(energy, "energy"), L.shape)
    kernel = _second_invariant_kernel if relativistic else _second_invariant_newtonian_kernel
    return _scalar_or_array(kernel(L, energy, m, R_E, Y(y)))


def K_invariant(L, alpha_eq, *, R_E=None, B_E=None, planet=None):
    r"""Second invariant per momentum :math:`K = L R_E B_{eq}^{1/2} Y(y)/y` (T^(1/2) m).

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in planet radii, >= 1.
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in (0, pi); alpha and pi - alpha give the same K.
    R_E, B_E : float, optional
        Planet radius (m) and equatorial surface field (T); default the planet's.
    planet : str or Planet, optional
        ``"Earth"`` (default), ``"Jupiter"``, ... (``guidingcenter.planets``).

    Returns
    -------
    float or ndarray
        K in T^(1/2) m; divide by ``G**0.5 * R_E`` (``guidingcenter.units``) for
        :math:`G^{1/2} R_E`.  0 at 90 degrees, infinite as the pitch angle goes to 0
        (refused: K is then undefined).

    Notes
    -----
    Result ``K_invariant_dipole`` of derivation ``adiabatic_invariants``:
    :math:`K = J/(2\sqrt{2mM})`, independent of the particle and its energy.

    Examples
    --------
    >>> from guidingcenter.units import deg, G, R_E
    >>> K_invariant(4, 30 * deg) / (G**0.5 * R_E)                # G^(1/2) R_E
    0.49989...
    """
    R_E, B_E = _planet_values(R_E, B_E, planet)
    L = at_least(L, "L", 1, "equatorial radius of the field line in planet radii")
    alpha_eq = in_range(alpha_eq, "alpha_eq", 0, np.pi, "equatorial pitch angle in rad")
    y = np.sin(alpha_eq)
    if np.any(y == 0):
        raise ValueError("alpha_eq: K is infinite at a pitch angle of 0 or pi (the particle "
                         "would mirror at the pole of the field line)")
    L, y = np.broadcast_arrays(L, y)
    return _scalar_or_array(_K_kernel(L, y, R_E, B_E, Y(y)))


def alpha_from_K(L, K, *, R_E=None, B_E=None, planet=None):
    r"""Equatorial pitch angle (rad, in (0, pi/2]) of the second invariant K on the L-shell L.

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in planet radii, >= 1.
    K : float or array_like
        :math:`K = L R_E B_{eq}^{1/2} Y(y)/y` in T^(1/2) m, >= 0 (multiply a value in
        :math:`G^{1/2} R_E` by ``G**0.5 * R_E`` from ``guidingcenter.units``).
    R_E, B_E : float, optional
        Planet radius (m) and equatorial surface field (T); default the planet's.
    planet : str or Planet, optional
        ``"Earth"`` (default), ``"Jupiter"``, ... (``guidingcenter.planets``).

    Returns
    -------
    float or ndarray
        :math:`\alpha_{eq}` (rad); 90 degrees for K = 0.

    Notes
    -----
    Root of :math:`Y(y)/y = K L^{1/2}/(R_E B_E^{1/2})` by the fixed-point iteration of
    the module notes (``_FIXED_POINT_STEPS`` steps): :math:`y = \sin\alpha_{eq}` to about
    1e-15 relative (tests/dipole).  A round trip through :func:`K_invariant` near 90
    degrees loses more: the pitch angle's digits do not survive :math:`\sin\alpha` there.

    Examples
    --------
    >>> from guidingcenter.units import deg, G, R_E
    >>> alpha_from_K(4, 0.5 * G**0.5 * R_E) / deg
    29.99...
    >>> round(alpha_from_K(4, K_invariant(4, 30 * deg)) / deg, 12)
    30.0
    """
    R_E, B_E = _planet_values(R_E, B_E, planet)
    L = at_least(L, "L", 1, "equatorial radius of the field line in planet radii")
    K = at_least(K, "K", 0, "second invariant in T^(1/2) m")
    L, K = np.broadcast_arrays(L, K)
    k = np.ascontiguousarray((K * np.sqrt(L) / (R_E * np.sqrt(B_E))).reshape(-1), dtype=float)
    rows = _octave_table("Y")                        # R(y) = Y/(1 - y)
    y = np.ones_like(k) if k.size == 0 else 2 / (2 + k)   # a start between the limits
    for _ in range(_FIXED_POINT_STEPS):
        R = _kernels.evaluate_octave_table(y, rows)
        y = R / (k + R)
    R = _kernels.evaluate_octave_table(y, rows)
    y, w = R / (k + R), k / (k + R)                  # y and 1 - y, each without cancellation
    return finish(np.arctan2(y, np.sqrt(w * (1 + y))), np.shape(L))
