"""Particles by name: charge (signed, C) and rest mass (kg).

``particle="p+"`` or ``"e-"`` (also ``"proton"``, ``"electron"``, ``"alpha"``),
or explicit ``q=`` and ``m=``.  Charges are signed: an electron has q = -e.
"""

import math

from guidingcenter import constants

__all__ = ["PARTICLES", "charge_and_mass"]

PARTICLES = {
    "p+": (constants.e, constants.m_p),
    "proton": (constants.e, constants.m_p),
    "e-": (-constants.e, constants.m_e),
    "electron": (-constants.e, constants.m_e),
    "alpha": (2 * constants.e, constants.m_alpha),
}


def charge_and_mass(particle=None, q=None, m=None):
    """Resolve ``particle`` or explicit ``q``/``m`` to ``(q, m)`` floats.

    Explicit ``q`` or ``m`` override the particle's value; with no particle
    both must be given.  Raises ``ValueError`` naming the bad argument.
    """
    if particle is not None:
        if not isinstance(particle, str) or particle not in PARTICLES:
            raise ValueError(f"particle: unknown {particle!r}; allowed: "
                             f"{', '.join(PARTICLES)} (or give q= and m=)")
        q0, m0 = PARTICLES[particle]
        q = q0 if q is None else q
        m = m0 if m is None else m
    if q is None or m is None:
        raise ValueError("particle: give a particle name "
                         f"({', '.join(PARTICLES)}) or both q= and m=")
    q, m = _finite("q", q), _finite("m", m)
    if q == 0:
        raise ValueError("q: the charge must be nonzero (C)")
    if m <= 0:
        raise ValueError(f"m: the mass must be positive (kg), got {m!r}")
    return q, m


def _finite(name, value):
    try:
        value = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name}: must be a real number, got {value!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value!r}")
    return value
