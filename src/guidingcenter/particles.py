r"""Particles by name: charge (signed, C) and rest mass (kg).

``particle="p+"`` or ``"e-"`` (also ``"proton"``, ``"electron"``, ``"alpha"``,
``"e+"``/``"positron"``), an ion by element and charge state, or explicit
``q=`` and ``m=``.  Charges are signed: an electron has q = -e.

Ions are written ``"H+"``, ``"He+"``, ``"He2+"``, ``"O+"``, ``"O2+"``, ``"N+"``,
``"Fe13+"`` or with a mass number ``"Fe-56 13+"``, ``"He-3 2+"`` (the space is
optional; a negative ion is ``"H-"``, ``"O2-"``).  Without a mass number the
most abundant isotope is meant (a single ion has one isotope, not the
standard atomic weight).

Masses
------
The ion's mass is the atomic mass of its isotope (AME2020: M. Wang et al.,
Chinese Phys. C 45, 030003 (2021)) times the atomic mass constant, minus
(plus, for a negative ion) the masses of the electrons removed (added)
(CODATA 2022).  The binding energy of those electrons is left out: below
:math:`10^{-6}` of the mass for every ion here, since the binding energy of
all Z electrons of a neutral atom is less than the Thomas-Fermi value
:math:`0.7687\,Z^{7/3}` hartree (the Scott correction :math:`+Z^2/2` hartree
lowers it), 50 keV for nickel against 54 GeV.  The fully stripped hydrogen
and helium-4, ``"H+"`` and ``"He2+"``, are the proton and the alpha particle
with their CODATA 2022 masses, which include it (the subtraction would be off
by 13.6 eV and 79.0 eV, the electrons' binding energies: 1.4e-8 and 2.1e-8 of
the mass; ``tests/test_particles.py`` computes both).

Examples
--------
>>> from guidingcenter.particles import charge_and_mass
>>> q, m = charge_and_mass("O+")
>>> round(m / 1.66053906892e-27, 6)            # in u: 15.994915 - 1 electron
15.994366
>>> charge_and_mass("He2+") == charge_and_mass("alpha")
True
>>> q, m = charge_and_mass("Fe-56 13+"); round(q / 1.602176634e-19)
13
"""

import functools
import math
import re

from guidingcenter import constants

__all__ = ["PARTICLES", "ATOMIC_MASSES", "ELEMENTS", "charge_and_mass"]

PARTICLES = {
    "p+": (constants.e, constants.m_p),
    "proton": (constants.e, constants.m_p),
    "e-": (-constants.e, constants.m_e),
    "electron": (-constants.e, constants.m_e),
    "e+": (constants.e, constants.m_e),
    "positron": (constants.e, constants.m_e),
    "alpha": (2 * constants.e, constants.m_alpha),
}
"""Particles by name (the elementary ones; ions are read by :func:`charge_and_mass`)."""

ATOMIC_MASSES = {
    # AME2020 (Wang et al., Chinese Phys. C 45, 030003 (2021)), file mass.mas20:
    # atomic masses in micro-u, as printed there
    ("H", 1): 1_007_825.031898, ("H", 2): 2_014_101.777844,
    ("He", 3): 3_016_029.32197, ("He", 4): 4_002_603.25413,
    ("C", 12): 12_000_000.0, ("N", 14): 14_003_074.00425, ("O", 16): 15_994_914.61926,
    ("Ne", 20): 19_992_440.17525, ("Na", 23): 22_989_769.28195, ("Mg", 24): 23_985_041.689,
    ("Al", 27): 26_981_538.408, ("Si", 28): 27_976_926.53442, ("S", 32): 31_972_071.17354,
    ("Ar", 40): 39_962_383.12204, ("Ca", 40): 39_962_590.850, ("Fe", 56): 55_934_935.537,
    ("Ni", 58): 57_935_341.650,
}
"""Atomic masses (micro-u) of the isotopes known by name: ``(symbol, A) -> mass``."""

ELEMENTS = {"H": (1, 1), "He": (2, 4), "C": (6, 12), "N": (7, 14), "O": (8, 16),
            "Ne": (10, 20), "Na": (11, 23), "Mg": (12, 24), "Al": (13, 27), "Si": (14, 28),
            "S": (16, 32), "Ar": (18, 40), "Ca": (20, 40), "Fe": (26, 56), "Ni": (28, 58)}
"""``symbol -> (atomic number Z, mass number of the most abundant isotope)``."""

_U = 1.660_539_068_92e-27   # atomic mass constant m_u, kg (CODATA 2022)
_ION = re.compile(r"^(?P<symbol>[A-Z][a-z]?)(?:-(?P<A>\d+))?\s*(?P<z>\d*)(?P<sign>[+-])$")
_FULLY_STRIPPED = {("H", 1): "p+", ("He", 4): "alpha"}


def _names():
    return (f"{', '.join(PARTICLES)}, or an ion such as H+, He2+, O+, Fe-56 13+ "
            f"(elements {', '.join(ELEMENTS)})")


@functools.lru_cache(maxsize=256)
def _ion(name):
    """``(q, m)`` of an ion name, or None if ``name`` is not written as an ion."""
    match = _ION.match(name)
    if not match:
        return None
    symbol = match["symbol"]
    if symbol not in ELEMENTS:
        raise ValueError(f"particle: unknown element {symbol!r} in {name!r}; known: "
                         f"{', '.join(ELEMENTS)}")
    Z, A = ELEMENTS[symbol]
    A = int(match["A"]) if match["A"] else A
    if (symbol, A) not in ATOMIC_MASSES:
        known = ", ".join(f"{s}-{a}" for s, a in ATOMIC_MASSES if s == symbol)
        raise ValueError(f"particle: no mass for {symbol}-{A} in {name!r}; known: {known}")
    z = int(match["z"]) if match["z"] else 1
    if z == 0:
        raise ValueError(f"particle: {name!r} has no charge (a neutral atom)")
    charge = z if match["sign"] == "+" else -z
    if charge > Z:
        raise ValueError(f"particle: {name!r} removes {z} electrons, but {symbol} has {Z}")
    if charge == Z and (symbol, A) in _FULLY_STRIPPED:
        return PARTICLES[_FULLY_STRIPPED[symbol, A]]
    mass = ATOMIC_MASSES[symbol, A] * 1e-6 * _U - charge * constants.m_e
    return charge * constants.e, mass


def charge_and_mass(particle=None, q=None, m=None):
    """Resolve ``particle`` or explicit ``q``/``m`` to ``(q, m)`` floats.

    Explicit ``q`` or ``m`` override the particle's value; with no particle
    both must be given.  Raises ``ValueError`` naming the bad argument.
    """
    if particle is not None:
        if not isinstance(particle, str):
            raise ValueError(f"particle: must be a name ({_names()}), got {particle!r}")
        found = PARTICLES.get(particle) or _ion(particle.strip())
        if found is None:
            raise ValueError(f"particle: unknown {particle!r}; allowed: {_names()} "
                             f"(or give q= and m=)")
        q = found[0] if q is None else q
        m = found[1] if m is None else m
    if q is None or m is None:
        raise ValueError(f"particle: give a particle name ({_names()}) or both q= and m=")
    q, m = _finite("q", q), _finite("m", m)
    if q == 0:
        raise ValueError("q: the charge must be nonzero (C)")
    if m <= 0:
        raise ValueError(f"m: the mass must be positive (kg), got {m!r}")
    return q, m


def _finite(name, value):
    if isinstance(value, (bool, str, bytes)):
        raise ValueError(f"{name}: must be a real number, got {value!r}")
    try:
        value = float(value)
    except (TypeError, ValueError, OverflowError):
        raise ValueError(f"{name}: must be a real number, got {value!r}") from None
    if not math.isfinite(value):
        raise ValueError(f"{name}: must be finite, got {value!r}")
    return value
