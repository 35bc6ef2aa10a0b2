"""Gyrofrequency and gyroradius: cited cases, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import gyrofrequency, gyroradius

# PlasmaPy's published test values (plasmapy/formulary/tests/test_lengths.py and
# test_frequencies.py).  They were computed with older CODATA constants, so they
# are compared at rtol 1e-5 (CODATA 2010 vs 2022 e/m_e differ by 4e-8; the
# electron gyroradius at 1e6 m/s is relativistic at 5.6e-6).
PLASMAPY_RTOL = 1e-5


def test_gyrofrequency_plasmapy_values():
    assert gyrofrequency(1.0, "e-") == pytest.approx(175882008784.72018, rel=PLASMAPY_RTOL)
    assert gyrofrequency(1.0, "p+") == pytest.approx(95788335.834874, rel=PLASMAPY_RTOL)


def test_gyroradius_plasmapy_values():
    assert gyroradius(1.0, 1e6, "e-") == pytest.approx(5.6856301e-06, rel=PLASMAPY_RTOL)
    assert gyroradius(1.0, 1e6, "p+") == pytest.approx(0.01043968, rel=PLASMAPY_RTOL)


def test_sign_convention_and_rest_mass_limit():
    assert gyrofrequency(1.0, "e-", signed=True) < 0 < gyrofrequency(1.0, "p+", signed=True)
    # e B / m_e exactly at v = 0 (constants enter, so 1e-15 is the float limit)
    assert gyrofrequency(1.0, "e-") == pytest.approx(constants.e / constants.m_e, rel=1e-15)
    # a 1 MeV electron: gamma = 1 + W/(m c^2) lowers the frequency by that factor
    gamma = 1 + 1e6 * constants.eV / (constants.m_e * constants.c**2)
    v = constants.c * np.sqrt(1 - 1 / gamma**2)
    assert gyrofrequency(1.0, "e-", v=v) == pytest.approx(constants.e / constants.m_e / gamma,
                                                          rel=1e-13)


def test_relativistic_and_newtonian_radius():
    v = 0.6 * constants.c  # gamma = 1.25 exactly
    newton = gyroradius(1.0, v, "p+", relativistic=False)
    assert gyroradius(1.0, v, "p+") == pytest.approx(1.25 * newton, rel=1e-14)
    assert gyroradius(1.0, 0.6 * constants.c, "p+", v_par=0.0) > gyroradius(1.0, v, "p+",
                                                                           relativistic=False)


@pytest.mark.parametrize("shape", [(4,), (2, 3), (2, 1, 5)])
def test_broadcasting(shape):
    B = np.full(shape, 0.5)
    out = gyroradius(B, 1e5, "p+")
    assert out.shape == shape
    assert np.allclose(out, gyroradius(0.5, 1e5, "p+"), rtol=0, atol=0)
    assert gyrofrequency(B[..., None] * np.ones(3), "e-").shape == shape + (3,)


@pytest.mark.parametrize("call,name", [
    (lambda: gyrofrequency(0.0, "p+"), "B"),
    (lambda: gyrofrequency(-1.0, "p+"), "B"),
    (lambda: gyrofrequency(np.nan, "p+"), "B"),
    (lambda: gyrofrequency(1.0, "neutron"), "particle"),
    (lambda: gyrofrequency(1.0, q=1e-19, m=-1.0), "m"),
    (lambda: gyrofrequency(1.0, q=0.0, m=1.0), "q"),
    (lambda: gyrofrequency(1.0), "particle"),
    (lambda: gyroradius(1.0, -1.0, "p+"), "v_perp"),
    (lambda: gyroradius([1.0, 2.0], [1.0, 2.0, 3.0], "p+"), "B, v_perp"),
    (lambda: gyroradius(1.0, constants.c, "e-", relativistic=False), "v_perp"),
    (lambda: gyroradius(1.0, 0.8 * constants.c, "e-", v_par=0.7 * constants.c), "v_perp"),
    (lambda: gyrofrequency(1.0, "e-", v=2 * constants.c), "v"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
