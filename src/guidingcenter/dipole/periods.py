r"""Bounce and drift periods in the Earth's dipole, the loss cone and the mirror latitude.

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
the loss cone (:func:`loss_cone_angle`) reach the atmosphere before mirroring;
their periods are the formal dipole values.

The period formulas are code generated from the derivations ``bounce_period``
and ``drift_period``; this module validates the input and evaluates T, D.

References
----------
Notes 003 (Hebrew) and 004 (Suttrop, German): dipole field, bounce and drift
periods; M. Schulz and L. J. Lanzerotti, *Particle Diffusion in the Radiation
Belts* (Springer, 1974), eqs. for T(y) and D(y).
"""

import numpy as np

from guidingcenter import constants
from guidingcenter.dipole._checks import at_least, in_range, positive
from guidingcenter.dipole.integrals import D, T, mirror_latitude
from guidingcenter.numeric._bounce_period import _bounce_period_kernel
from guidingcenter.numeric._drift_period import _drift_period_kernel
from guidingcenter.particles import charge_and_mass

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


def _prepare(L, energy, alpha_eq, particle, q, m, R_E, B_E, relativistic):
    q, m = charge_and_mass(particle, q, m)
    L = at_least(L, "L", 1, "equatorial radius of the field line in Earth radii")
    energy = positive(energy, "energy", "kinetic energy in J")
    alpha_eq = in_range(alpha_eq, "alpha_eq", 0, np.pi, "equatorial pitch angle in rad")
    R_E = positive(R_E, "R_E", "Earth radius in m")
    B_E = positive(B_E, "B_E", "equatorial surface field in T")
    L, energy, alpha_eq = np.broadcast_arrays(L, energy, alpha_eq)
    v, gamma_m_v2 = _speed_terms(energy, m, bool(relativistic))
    return L, np.sin(alpha_eq), abs(q), v, gamma_m_v2, R_E, B_E


def _scalar_or_array(value):
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


# --- public functions -----------------------------------------------------------------

def bounce_period(L, energy, alpha_eq, particle="p+", *, q=None, m=None,
                  R_E=constants.R_E, B_E=constants.B_E, relativistic=True):
    r"""Bounce period :math:`\tau_b` between mirror points in the Earth's dipole.

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in Earth radii, >= 1.
    energy : float or array_like
        Kinetic energy W (J), > 0.
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi] (alpha and pi - alpha are equivalent).
    particle : str
        ``"p+"``, ``"e-"`` (also ``"proton"``, ``"electron"``, ``"alpha"``).
    q, m : float, optional
        Charge (C) and mass (kg), overriding the particle's.
    R_E : float
        Earth radius (m).
    B_E : float
        Equatorial surface field (T); unused here, accepted for a uniform signature.
    relativistic : bool
        If False use :math:`v = (2W/m)^{1/2}` (refused at or above c).

    Returns
    -------
    float or ndarray
        :math:`\tau_b` (s), broadcast over ``L``, ``energy``, ``alpha_eq``.

    Notes
    -----
    .. math:: \tau_b = 4\int_0^{\lambda_m}\frac{ds}{v_\parallel} = \frac{4 L R_E\,T(y)}{v}

    (notes 004; notes 003 approximate :math:`T \approx 1.30 - 0.56y`).

    Examples
    --------
    >>> from guidingcenter.units import MeV, keV, deg
    >>> bounce_period(4, 1 * MeV, 90 * deg)                     # proton, s
    5.4577...
    >>> bounce_period(4, 1 * MeV, 90 * deg, "e-")              # relativistic electron, s
    0.2675...
    >>> bounce_period([2, 4], 1 * keV, 30 * deg, "e-", relativistic=False)
    array([2.716..., 5.433...])
    """
    L, y, _, v, _, R_E, _ = _prepare(L, energy, alpha_eq, particle, q, m, R_E, B_E,
                                     relativistic)
    return _scalar_or_array(_bounce_period_kernel(L, R_E, v, T(y)))


def drift_period(L, energy, alpha_eq, particle="p+", *, q=None, m=None,
                 R_E=constants.R_E, B_E=constants.B_E, relativistic=True):
    r"""Bounce-averaged azimuthal drift period :math:`\tau_d` around the Earth.

    Parameters
    ----------
    L : float or array_like
        Equatorial radius of the field line in Earth radii, >= 1.
    energy : float or array_like
        Kinetic energy W (J), > 0.
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi] (alpha and pi - alpha are equivalent).
    particle : str
        ``"p+"``, ``"e-"`` (also ``"proton"``, ``"electron"``, ``"alpha"``).
    q, m : float, optional
        Charge (C) and mass (kg), overriding the particle's.
    R_E : float
        Earth radius (m).
    B_E : float
        Equatorial surface field (T).
    relativistic : bool
        If False use :math:`\gamma m v^2 = 2W` (refused at or above c).

    Returns
    -------
    float or ndarray
        :math:`\tau_d` (s), positive; ions drift westward, electrons eastward.

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
    L, y, q_abs, v, gamma_m_v2, R_E, B_E = _prepare(L, energy, alpha_eq, particle, q, m,
                                                    R_E, B_E, relativistic)
    momentum = gamma_m_v2 / v
    return _scalar_or_array(_drift_period_kernel(L, momentum, v, q_abs, B_E, R_E, D(y), T(y)))


def loss_cone_angle(L, *, altitude=0.0, R_E=constants.R_E):
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
    R_E : float
        Earth radius (m).

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
    R_E = positive(R_E, "R_E", "Earth radius in m")
    altitude = at_least(altitude, "altitude", 0, "mirror altitude in m")
    rho = 1 + altitude / R_E
    L = at_least(L, "L", 1, "equatorial radius of the field line in Earth radii")
    if np.any(L < rho):
        raise ValueError(f"L: must be >= 1 + altitude/R_E = {float(np.max(rho)):.6g} "
                         f"(the field line must reach the mirror altitude), "
                         f"got {float(np.min(L))!r}")
    sin2, cos2 = _loss_cone_kernel(L, rho)
    return _scalar_or_array(np.arctan2(np.sqrt(sin2), np.sqrt(cos2)))
