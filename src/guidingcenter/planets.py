r"""Planet presets: the centred-dipole field on the equator and the reference radius.

Every function that takes ``B_E`` and ``R_E`` (the equatorial surface field of
the dipole and the radius that L is measured in) also takes ``planet=``: a name
(case-insensitive) or a :class:`Planet`.  Explicit ``B_E=`` or ``R_E=`` override
the planet's.  The default is the Earth with the lecture notes' constants.

``B_E`` is the magnitude of the dipole term of each planet's internal-field
model on its reference sphere, :math:`(g_{10}^2 + g_{11}^2 + h_{11}^2)^{1/2}`,
and ``R_E`` that reference radius (a dipole moment in gauss times the radius
cubed is this field in gauss).  A centred dipole is a rough model of Uranus and
Neptune, whose dipoles are tilted by about 59 and 47 degrees from the spin axis
and offset from the centre by about 0.3 and 0.55 planet radii (the sources
below), and of Mercury, whose dipole sits about 0.2 radii north of the centre.

Sources
-------
Mercury
    B. J. Anderson et al., Science 333, 1859 (2011): MESSENGER, dipole moment
    195 nT R_M^3, R_M = 2440 km.
Earth
    Lecture notes 003 and 004 (``guidingcenter.constants``): M_E = 8.05e22 A m^2,
    B_E = mu_0 M_E/(4 pi R_E^3), R_E = 6371 km.
Jupiter
    J. E. P. Connerney et al., Geophys. Res. Lett. 45, 2590 (2018), model JRM09
    (Juno): dipole moment 4.170 G R_J^3, R_J = 71,492 km.
Saturn
    M. E. Burton, M. K. Dougherty and C. T. Russell, Planet. Space Sci. 57, 1706
    (2009), Cassini axisymmetric model: g_10 = 21,162 nT, R_S = 60,268 km.
Uranus
    J. E. P. Connerney, M. H. Acuna and N. F. Ness, J. Geophys. Res. 92, 15329
    (1987), model Q3 (Voyager 2): dipole moment 0.228 G R_U^3, R_U = 25,559 km.
Neptune
    J. E. P. Connerney, M. H. Acuna and N. F. Ness, J. Geophys. Res. 96, 19023
    (1991), model O8 (Voyager 2): dipole moment 0.142 G R_N^3, R_N = 24,765 km.

Examples
--------
>>> from guidingcenter.planets import planet
>>> planet("Jupiter").B_E                     # T
0.000417
>>> from guidingcenter.numeric import equatorial_gyrofrequency
>>> float(equatorial_gyrofrequency(6.0, "p+", planet="Jupiter"))   # rad/s at Io's orbit
184.9...
"""

from dataclasses import dataclass

from guidingcenter import constants

__all__ = ["Planet", "MERCURY", "EARTH", "JUPITER", "SATURN", "URANUS", "NEPTUNE",
           "PLANETS", "planet"]

_GAUSS = 1e-4     # T
_NANOTESLA = 1e-9  # T


@dataclass(frozen=True)
class Planet:
    """A planet's centred dipole: equatorial surface field ``B_E`` (T), radius ``R_E`` (m)."""

    name: str
    B_E: float
    R_E: float
    source: str


MERCURY = Planet("Mercury", 195 * _NANOTESLA, 2440e3,
                 "Anderson et al., Science 333, 1859 (2011)")
EARTH = Planet("Earth", constants.B_E, constants.R_E,
               "lecture notes 003 and 004 (guidingcenter.constants)")
JUPITER = Planet("Jupiter", 4.170 * _GAUSS, 71_492e3,
                 "Connerney et al., Geophys. Res. Lett. 45, 2590 (2018), JRM09")
SATURN = Planet("Saturn", 21_162 * _NANOTESLA, 60_268e3,
                "Burton, Dougherty and Russell, Planet. Space Sci. 57, 1706 (2009)")
URANUS = Planet("Uranus", 0.228 * _GAUSS, 25_559e3,
                "Connerney, Acuna and Ness, J. Geophys. Res. 92, 15329 (1987), Q3")
NEPTUNE = Planet("Neptune", 0.142 * _GAUSS, 24_765e3,
                 "Connerney, Acuna and Ness, J. Geophys. Res. 96, 19023 (1991), O8")

PLANETS = {p.name.lower(): p for p in (MERCURY, EARTH, JUPITER, SATURN, URANUS, NEPTUNE)}
"""The presets by lower-case name."""


def planet(which=None):
    """The :class:`Planet` called ``which`` (case-insensitive), or ``which`` itself if it
    is one; ``None`` is the Earth.  ``ValueError`` names the presets otherwise."""
    if which is None:
        return EARTH
    if isinstance(which, Planet):
        return which
    if isinstance(which, str) and which.lower() in PLANETS:
        return PLANETS[which.lower()]
    raise ValueError(f"planet: unknown {which!r}; allowed: "
                     f"{', '.join(p.name for p in PLANETS.values())} (or a Planet)")
