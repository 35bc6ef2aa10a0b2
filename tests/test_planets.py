"""Planet presets: the cited values, lookup, and use wherever B_E and R_E are taken."""

import math

import pytest

from guidingcenter import constants, planets
from guidingcenter.dipole import (K_invariant, alpha_from_K, bounce_period, drift_period,
                                  loss_cone_angle, second_invariant)
from guidingcenter.numeric import (L_star, dipole_field_strength, equatorial_gyrofrequency,
                                   equatorial_gyroradius, third_invariant)
from guidingcenter.units import MeV, deg, keV

GAUSS, NANOTESLA = 1e-4, 1e-9


def test_presets_are_the_cited_values():
    # dipole moments in gauss (or nT) times the reference radius cubed, as published
    assert planets.MERCURY.B_E == 195 * NANOTESLA and planets.MERCURY.R_E == 2440e3
    assert planets.JUPITER.B_E == 4.170 * GAUSS and planets.JUPITER.R_E == 71_492e3
    assert planets.SATURN.B_E == 21_162 * NANOTESLA and planets.SATURN.R_E == 60_268e3
    assert planets.URANUS.B_E == 0.228 * GAUSS and planets.URANUS.R_E == 25_559e3
    assert planets.NEPTUNE.B_E == 0.142 * GAUSS and planets.NEPTUNE.R_E == 24_765e3
    assert (planets.EARTH.B_E, planets.EARTH.R_E) == (constants.B_E, constants.R_E)
    for preset in planets.PLANETS.values():
        assert preset.source


def test_lookup():
    assert planets.planet("jupiter") is planets.JUPITER is planets.planet(planets.JUPITER)
    assert planets.planet(None) is planets.EARTH
    with pytest.raises(ValueError, match="^planet: unknown 'Pluto'; allowed: Mercury"):
        planets.planet("Pluto")
    with pytest.raises(ValueError, match="^planet: unknown 3"):
        planets.planet(3)


PRESETS = list(planets.PLANETS.values())


@pytest.mark.parametrize("preset", PRESETS, ids=[p.name for p in PRESETS])
def test_planet_equals_explicit_values_everywhere(preset):
    explicit = {"B_E": preset.B_E, "R_E": preset.R_E}
    args = (4.0, 100 * keV, 60 * deg, "e-")        # rho/(L R_E) small even at Mercury
    for function in (bounce_period, drift_period, second_invariant):
        assert function(*args, planet=preset.name) == function(*args, **explicit)
    assert K_invariant(4.0, 60 * deg, planet=preset) == K_invariant(4.0, 60 * deg, **explicit)
    K = K_invariant(4.0, 60 * deg, planet=preset)
    assert alpha_from_K(4.0, K, planet=preset) == alpha_from_K(4.0, K, **explicit)
    assert loss_cone_angle(4.0, altitude=1e5, planet=preset) == \
        loss_cone_angle(4.0, altitude=1e5, R_E=preset.R_E)
    assert third_invariant(4.0, planet=preset) == third_invariant(4.0, **explicit)
    assert L_star(1e15, planet=preset) == L_star(1e15, **explicit)
    assert dipole_field_strength(4.0, 0.3, planet=preset) == \
        dipole_field_strength(4.0, 0.3, B_E=preset.B_E)
    assert equatorial_gyroradius(4.0, 1 * MeV, "p+", planet=preset) == \
        equatorial_gyroradius(4.0, 1 * MeV, "p+", B_E=preset.B_E)


def test_explicit_values_override_the_planet():
    assert third_invariant(4.0, planet="Jupiter", B_E=1e-5) == \
        third_invariant(4.0, B_E=1e-5, R_E=planets.JUPITER.R_E)
    assert third_invariant(4.0, planet="Jupiter") != third_invariant(4.0)   # the check can fail
    with pytest.raises(ValueError, match="^planet: unknown 'Jupyter'"):   # even when unused
        third_invariant(4.0, B_E=1e-5, R_E=7e7, planet="Jupyter")


def test_the_earth_is_the_default():
    assert equatorial_gyrofrequency(4.0, "p+") == equatorial_gyrofrequency(4.0, "p+",
                                                                           planet="Earth")


def test_jupiter_at_io():
    # the equatorial proton gyrofrequency at L = 6 from the preset: e B_J/(m_p 6^3)
    expected = constants.e * 4.170e-4 / (constants.m_p * 6**3)
    assert equatorial_gyrofrequency(6.0, "p+", planet="Jupiter") == pytest.approx(
        expected, rel=1e-15)
    # the surface field of the centred dipole: B_E at the equator, twice that at the pole
    assert dipole_field_strength(1.0, 0.0, planet="jupiter") == 4.170e-4
    assert dipole_field_strength(1e6, math.acos(1e-3), planet="jupiter") == pytest.approx(
        2 * 4.170e-4, rel=1e-6)           # L = 1e6 reaches the surface near the pole
