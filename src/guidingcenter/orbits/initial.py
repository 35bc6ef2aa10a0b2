r"""Initial conditions: a ring of particles around one guiding centre.

A single particle's measured drift carries a term of first order in
:math:`\varepsilon = r_L/L` that depends on its gyrophase (where on its circle
it starts, B and v_perp differ from their values at the guiding centre by
:math:`O(\varepsilon)`).  Averaged over equally spaced gyrophases that term
cancels, and what is left is the second-order error of the guiding-centre
formula.  :func:`launch` places such a ring.
"""

import numpy as np

from guidingcenter import constants
from guidingcenter.particles import charge_and_mass

__all__ = ["launch", "speed_of", "perpendicular_basis"]


def speed_of(energy, m):
    """Speed (m/s) and Lorentz factor of kinetic energy ``energy`` (J) at rest mass ``m`` (kg)."""
    energy = float(energy)
    if not np.isfinite(energy) or energy <= 0:
        raise ValueError(f"energy: must be a positive kinetic energy in J, got {energy!r}")
    kappa = energy / (m * constants.c**2)                        # gamma - 1
    return constants.c * np.sqrt(kappa * (kappa + 2)) / (1 + kappa), 1 + kappa


def perpendicular_basis(b, reference=None):
    """Unit vectors (e1, e2) with (e1, e2, b) right-handed; e1 = reference x b, normalized.

    ``reference`` defaults to the coordinate axis least aligned with ``b``.
    """
    b = np.asarray(b, dtype=float)
    if reference is None:
        reference = np.eye(3)[np.argmin(np.abs(b))]
    e1 = np.cross(np.asarray(reference, dtype=float), b)
    norm = np.linalg.norm(e1)
    if norm < 1e-12:
        raise ValueError("reference: must not be parallel to B")
    e1 = e1 / norm
    return e1, np.cross(b, e1)


def launch(centre, energy, pitch_angle, particle, field, *, phases=4, t=0.0, q=None, m=None,
           reference=None):
    r"""Positions and velocities of ``phases`` particles sharing one guiding centre.

    Parameters
    ----------
    centre : array_like, shape (3,)
        Guiding centre, m.
    energy : float
        Kinetic energy, J (> 0).
    pitch_angle : float
        Angle between velocity and B at the guiding centre, rad, in [0, pi].
    particle : str
        Particle name, or give ``q`` and ``m``.
    field : callable
        ``field(x, t) -> (E, B)``.
    phases : int
        Number of equally spaced gyrophases (>= 1).
    t : float
        Time at which the field is taken, s.
    reference : array_like, optional
        Fixes gyrophase zero: the first particle's perpendicular velocity is
        along ``reference x b`` (default: the axis least aligned with b).

    Returns
    -------
    positions, velocities : ndarray, shape (phases, 3)
        :math:`\vec v = v\cos\alpha\,\hat b
        + v\sin\alpha\,(\cos\phi\,\hat e_1 + \sin\phi\,\hat e_2)`
        and :math:`\vec x = \vec X - \gamma m\,\vec v\times\vec B/(qB^2)`, with B at the
        guiding centre X (the Larmor vector, Chen sec. 2.2).

    Examples
    --------
    >>> from guidingcenter.orbits import UniformField
    >>> from guidingcenter.units import keV
    >>> x, v = launch([0, 0, 0], 1 * keV, 1.0, "p+", UniformField([0, 0, 0], [0, 0, 1e-5]))
    >>> x.shape, v.shape
    ((4, 3), (4, 3))
    """
    q, m = charge_and_mass(particle, q, m)
    centre = np.asarray(centre, dtype=float)
    if centre.shape != (3,) or not np.all(np.isfinite(centre)):
        raise ValueError(f"centre: must be a finite 3-vector (m), got {centre!r}")
    pitch_angle = float(pitch_angle)
    if not 0 <= pitch_angle <= np.pi:
        raise ValueError(f"pitch_angle: must be in [0, pi] (rad), got {pitch_angle!r}")
    if int(phases) != phases or phases < 1:
        raise ValueError(f"phases: must be a positive integer, got {phases!r}")
    speed, gamma = speed_of(energy, m)
    _, B = field(centre, t)
    B = np.asarray(B, dtype=float)
    b2 = float(B @ B)
    if b2 == 0:
        raise ValueError("centre: the field vanishes at the guiding centre")
    b = B / np.sqrt(b2)
    e1, e2 = perpendicular_basis(b, reference)
    phi = 2 * np.pi * np.arange(phases) / phases
    perpendicular = np.cos(phi)[:, None] * e1 + np.sin(phi)[:, None] * e2
    velocities = speed * (np.cos(pitch_angle) * b + np.sin(pitch_angle) * perpendicular)
    positions = centre - gamma * m / (q * b2) * np.cross(velocities, B)
    return positions, velocities
