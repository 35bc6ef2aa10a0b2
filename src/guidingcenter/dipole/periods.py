r"""Bounce and drift periods in a planet's dipole, the loss cone and the mirror latitude.

For a particle of kinetic energy W, mass m and charge q on the field line
:math:`r = L R_E\cos^2\lambda` with equatorial pitch angle
:math:`\alpha_{eq}` (:math:`y = \sin\alpha_{eq}`):

.. math::

    \tau_b = \frac{4 L R_E\,T(y)}{v}, \qquad
    \langle\Omega_d\rangle = \frac{3 L\,\gamma m v^2\,D(y)}{|q| B_E R_E^2\,T(y)}, \qquad
    \tau_d = \frac{2\pi}{\langle\Omega_d\rangle},

relativistic by default (:math:`\gamma = 1 + W/mc^2`,
:math:`v = c\,(1-\gamma^{-2})^{1/2}`); with ``relativistic=False`` the notes'
forms :math:`v = (2W/m)^{1/2}`, :math:`\gamma m v^2 = 2W` (notes 003:
:math:`\langle\tau_d\rangle = \pi e B_E R_E^2/(3 W L)\,(D/T)^{-1}`).

Drift direction: the grad-B + curvature drift is westward for ions and
eastward for electrons (notes 004); the periods returned are positive.

Pitch angles: ``alpha_eq`` may be anywhere in [0, pi]; alpha and pi - alpha
describe the same bounce orbit traversed in the opposite direction along B,
so everything depends on :math:`y = \sin\alpha_{eq}` only.  Particles inside
the loss cone at the surface (:func:`loss_cone_angle`) reach the planet before
mirroring: their periods are the formal dipole values, returned with a
``LossConeWarning`` (``allow_lost=False`` refuses them instead).

Validity: the guiding-centre description needs the gyroradius small against
the field line; the functions compute :math:`\rho/(L R_E)` with
:math:`\rho = pL^3/(|q|B_E)` the equatorial gyroradius of the whole momentum
and warn (``GuidingCentreWarning``) above
``guidingcenter.validity.MAX_DIPOLE_ORDERING``.  Measured against full
Lorentz-force orbits (``guidingcenter confirm``, L = 4, protons and electrons,
keV and MeV alike) the relative error is :math:`c\,(\rho/L R_E)^2` with
:math:`c` = 1.14, 2.23, -1.88 for the bounce period and -1.39, -0.54, 0.24 for
the drift period at :math:`\alpha_{eq}` = 20, 30, 70 degrees.  Planets: ``planet=`` supplies
``R_E`` and ``B_E`` (``guidingcenter.planets``); L is in that planet's radii.

The period formulas are code generated from the derivations ``bounce_period``
and ``drift_period``; this module validates the input and evaluates T, D.

References
----------
Notes 003 (Hebrew) and 004 (Suttrop, German): dipole field, bounce and drift
periods; M. Schulz and L. J. Lanzerotti, *Particle Diffusion in the Radiation
Belts* (Springer, 1974), eqs. for T(y) and D(y).
"""

import math
import warnings

import numpy as np

from guidingcenter import constants, validity
from guidingcenter.dipole._checks import at_least, in_range, positive
from guidingcenter.dipole.integrals import D, T, mirror_latitude
from guidingcenter.numeric import _validate
from guidingcenter.numeric._bounce_period import _bounce_period_kernel
from guidingcenter.numeric._drift_period import _drift_period_kernel

__all__ = ["bounce_period", "drift_period", "loss_cone_angle", "mirror_latitude"]


# --- closed-form kernels -----------------------------------------------------------------
# tau_b and tau_d are generated from the derivations bounce_period and drift_period
# (guidingcenter.numeric.*); the loss cone below generalizes the derived surface loss
# cone to a mirror altitude (tests/dipole compare the two at zero altitude).


def _loss_cone_kernel(L, rho):
    """(sin^2, cos^2) of the loss-cone angle for mirroring at r = rho R_E.

    With x = cos^2(lambda) = rho/L at the mirror radius, sin^2 = x^3/g,
    g = (4 - 3x)^(1/2); cos^2 = 1 - sin^2 written without cancellation:
    (L - rho)/L (x^5 + x^4 + x^3 + x^2 + x + 4) / (g (g + x^3)).
    """
    x = rho / L
    g = np.sqrt(4 - 3 * x)
    sin2 = x**3 / g
    cos2 = (L - rho) / L * (x**5 + x**4 + x**3 + x**2 + x + 4) / (g * (g + x**3))
    return sin2, cos2


# --- shared preparation ---------------------------------------------------------------

def _speed_terms(energy, m, relativistic):
    """(v, gamma m v^2) for kinetic energy ``energy`` (J) and mass ``m`` (kg)."""
    rest = m * constants.c**2
    if relativistic:
        kappa = energy / rest                                     # gamma - 1
        v = constants.c * np.sqrt(kappa * (kappa + 2)) / (1 + kappa)   # = c (1 - 1/gamma^2)^(1/2)
        return v, energy * (kappa + 2) / (kappa + 1)             # = gamma m v^2, no cancellation
    if np.any(energy >= rest / 2):
        raise ValueError(f"energy: the non-relativistic speed (2W/m)^(1/2) reaches c at "
                         f"W = m c^2/2 = {rest / 2:.6g} J for this particle, got "
                         f"{float(np.max(energy)):.6g} J; use relativistic=True")
    return np.sqrt(2 * energy / m), 2 * energy


def _planet_values(R_E, B_E, planet):
    """``(R_E, B_E)``: the given values, else the planet's (the Earth by default)."""
    R_E = positive(_validate.from_planet("R_E", R_E, planet), "R_E", "planet radius in m")
    B_E = positive(_validate.from_planet("B_E", B_E, planet), "B_E",
                   "equatorial surface field in T")
    return R_E, B_E


def _check_validity(L, y, momentum, q_abs, R_E, B_E, allow_lost, stacklevel):
    """Warn where the guiding-centre ordering rho/(L R_E) exceeds its threshold, and for
    pitch angles inside the loss cone (or refuse them, with ``allow_lost=False``).

    ``stacklevel`` 2 blames the caller of the function that calls this one.
    """
    validity.check_ordering(momentum * L**2 / (q_abs * B_E * R_E), "rho/(L R_E)",
                            "MAX_DIPOLE_ORDERING", "L, energy, particle",
                            stacklevel=stacklevel + 1)
    sin2, _ = _loss_cone_kernel(L, 1.0)
    lost = y * y < sin2
    if np.any(lost):
        first = np.flatnonzero(lost)[0]
        cone = math.degrees(math.asin(math.sqrt(sin2.flat[first])))
        message = (f"alpha_eq: inside the loss cone (alpha_lc = {cone:.4g} deg at L = "
                   f"{L.flat[first]:.4g}): the particle reaches the planet's surface before "
                   f"it mirrors")
        if not allow_lost:
            raise ValueError(message + " (allow_lost=False)")
        warnings.warn(message + "; the value is formal", validity.LossConeWarning,
                      stacklevel=stacklevel + 1)


def _prepare(L, energy, alpha_eq, particle, q, m, R_E, B_E, planet, relativistic, allow_lost):
    """Validated, broadcast inputs and the speed terms; checks the ordering and the loss
    cone (warnings blame the caller of the public function that calls this)."""
    relativistic = _validate.flag("relativistic", relativistic)
    allow_lost = _validate.flag("allow_lost", allow_lost)
    q, m = _validate.particle(particle, q=q, m=m)
    R_E, B_E = _planet_values(R_E, B_E, planet)
    L = at_least(L, "L", 1, "equatorial radius of the field line in planet radii")
    energy = positive(energy, "energy", "kinetic energy in J")
    alpha_eq = in_range(alpha_eq, "alpha_eq", 0, np.pi, "equatorial pitch angle in rad")
    L, energy, alpha_eq = np.broadcast_arrays(L, energy, alpha_eq)
    v, gamma_m_v2 = _speed_terms(energy, m, relativistic)
    y = np.sin(alpha_eq)
    L, y = np.asarray(L, dtype=float), np.asarray(y, dtype=float)
    _check_validity(L, y, gamma_m_v2 / v, abs(q), R_E, B_E, allow_lost, stacklevel=3)
    return L, y, abs(q), m, v, gamma_m_v2, R_E, B_E


def _scalar_or_array(value):
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


# --- public functions -----------------------------------------------------------------

_COMMON_PARAMETERS = r"""
    L : float or array_like
        Equatorial radius of the field line in planet radii, >= 1.
    energy : float or array_like
        Kinetic energy W (J), > 0.
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi] (alpha and pi - alpha are equivalent).
    particle : str
        ``"p+"``, ``"e-"``, ``"alpha"``, an ion such as ``"O+"`` (``guidingcenter.particles``).
    q, m : float, optional
        Charge (C) and mass (kg), overriding the particle's.
    R_E, B_E : float, optional
        Planet radius (m) and equatorial surface field (T); default the planet's.
    planet : str or Planet, optional
        ``"Earth"`` (default: the notes' constants), ``"Jupiter"``, ...
        (``guidingcenter.planets``).
    allow_lost : bool
        Inside the loss cone (mirroring below the surface) warn and return the formal
        value (True), or raise ``ValueError`` (False)."""

_WARNS = """
    Warns
    -----
    GuidingCentreWarning
        If the equatorial gyroradius of the whole momentum, :math:`\\rho = pL^3/(|q|B_E)`,
        exceeds ``guidingcenter.validity.MAX_DIPOLE_ORDERING`` times :math:`L R_E`.
    LossConeWarning
        If ``alpha_eq`` is inside the loss cone at the surface and ``allow_lost`` is true."""


def _documented(function):
    function.__doc__ = function.__doc__.replace("    {parameters}", _COMMON_PARAMETERS[1:]) \
        .replace("    {warns}", _WARNS[1:])
    return function


@_documented
def bounce_period(L, energy, alpha_eq, particle="p+", *, q=None, m=None, R_E=None,
                  B_E=None, planet=None, relativistic=True, allow_lost=True):
    r"""Bounce period :math:`\tau_b` between mirror points in a planet's dipole.

    Parameters
    ----------
    {parameters}
    relativistic : bool
        If False use :math:`v = (2W/m)^{1/2}` (refused at or above c).

    Returns
    -------
    float or ndarray
        :math:`\tau_b` (s), broadcast over ``L``, ``energy``, ``alpha_eq``.
    {warns}

    Notes
    -----
    .. math:: \tau_b = 4\int_0^{\lambda_m}\frac{ds}{v_\parallel} = \frac{4 L R_E\,T(y)}{v}

    (notes 004; notes 003 approximate :math:`T \approx 1.30 - 0.56y`).  ``B_E`` enters
    only the validity check.

    Examples
    --------
    >>> from guidingcenter.units import MeV, keV, deg
    >>> bounce_period(4, 1 * MeV, 90 * deg)                     # proton, s
    5.4577...
    >>> bounce_period(4, 1 * MeV, 90 * deg, "e-")              # relativistic electron, s
    0.2675...
    >>> bounce_period([2, 4], 1 * keV, 30 * deg, "e-", relativistic=False)
    array([2.716..., 5.433...])
    >>> bounce_period(6, 1 * MeV, 60 * deg, "O+", planet="Jupiter")  # at Io's orbit, s
    397.93...
    """
    L, y, _, _, v, _, R_E, _ = _prepare(L, energy, alpha_eq, particle, q, m, R_E, B_E,
                                        planet, relativistic, allow_lost)
    return _scalar_or_array(_bounce_period_kernel(L, R_E, v, T(y)))


@_documented
def drift_period(L, energy, alpha_eq, particle="p+", *, q=None, m=None, R_E=None,
                 B_E=None, planet=None, relativistic=True, allow_lost=True):
    r"""Bounce-averaged azimuthal drift period :math:`\tau_d` around the planet.

    Parameters
    ----------
    {parameters}
    relativistic : bool
        If False use :math:`\gamma m v^2 = 2W` (refused at or above c).

    Returns
    -------
    float or ndarray
        :math:`\tau_d` (s), positive; ions drift westward, electrons eastward (in a
        dipole of the Earth's polarity).
    {warns}

    Notes
    -----
    .. math::

        \langle\Omega_d\rangle = \frac{3L\,\gamma m v^2\,D(y)}{|q|B_E R_E^2\,T(y)},
        \qquad \tau_d = \frac{2\pi}{\langle\Omega_d\rangle},

    the grad-B + curvature drift bounce-averaged along the field line
    (notes 003/004; Schulz & Lanzerotti 1974).  Non-relativistically
    :math:`\tau_d = \pi|q|B_E R_E^2/(3WL)\,T/D`, independent of the mass.

    Examples
    --------
    >>> from guidingcenter.units import MeV, deg, hour
    >>> drift_period(4, 1 * MeV, 90 * deg) / hour               # proton, hours
    0.1838...
    >>> drift_period(4, 1 * MeV, 90 * deg, "e-") / hour        # relativistic electron
    0.2746...
    """
    L, y, q_abs, _, v, gamma_m_v2, R_E, B_E = _prepare(L, energy, alpha_eq, particle, q, m,
                                                       R_E, B_E, planet, relativistic,
                                                       allow_lost)
    momentum = gamma_m_v2 / v
    return _scalar_or_array(_drift_period_kernel(L, momentum, v, q_abs, B_E, R_E, D(y), T(y)))


def loss_cone_angle(L, *, altitude=0.0, R_E=None, planet=None):
    r"""Equatorial loss-cone angle :math:`\alpha_{lc}` (rad) of the field line L.

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in Earth radii; at least the
        mirror radius :math:`1 + h/R_E`.
    altitude : float
        Altitude h (m) of the mirror point that counts as lost: 0 for the
        surface (notes 004), about 1e5 m for the atmosphere (notes 003:
        "what happens to particles reaching below 100 km?").
    R_E : float, optional
        Planet radius (m); default the planet's.
    planet : str or Planet, optional
        ``"Earth"`` (default), ``"Jupiter"``, ... (``guidingcenter.planets``).

    Returns
    -------
    float or ndarray
        :math:`\alpha_{lc}` in [0, pi/2] (rad).

    Notes
    -----
    With the mirror point at :math:`r = \rho R_E`, :math:`\rho = 1 + h/R_E`,
    :math:`\cos^2\lambda = \rho/L` and

    .. math:: \sin^2\alpha_{lc} = \frac{\cos^6\lambda}{(1+3\sin^2\lambda)^{1/2}}
              = \frac{(\rho/L)^3}{(4 - 3\rho/L)^{1/2}}

    (notes 004, "Verlustkegel"; for :math:`\rho = 1`,
    :math:`\sin^2\alpha_{lc} = (4L^6 - 3L^5)^{-1/2}`).

    Examples
    --------
    >>> from guidingcenter.units import deg
    >>> loss_cone_angle(4) / deg
    5.341...
    >>> loss_cone_angle([1, 6.6]) / deg
    array([90.        ,  2.463...])
    >>> loss_cone_angle(4, altitude=100e3) / deg                # lost at 100 km
    5.473...
    """
    R_E = positive(_validate.from_planet("R_E", R_E, planet), "R_E", "planet radius in m")
    altitude = at_least(altitude, "altitude", 0, "mirror altitude in m")
    rho = 1 + altitude / R_E
    L = at_least(L, "L", 1, "equatorial radius of the field line in Earth radii")
    if np.any(L < rho):
        raise ValueError(f"L: must be >= 1 + altitude/R_E = {float(np.max(rho)):.6g} "
                         f"(the field line must reach the mirror altitude), "
                         f"got {float(np.min(L))!r}")
    sin2, cos2 = _loss_cone_kernel(L, rho)
    return _scalar_or_array(np.arctan2(np.sqrt(sin2), np.sqrt(cos2)))
