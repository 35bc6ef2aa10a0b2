"""Cyclic gyrofrequency in hertz: the NRL formulary's numbers, and 2 pi from the angular one."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import gyrofrequency, gyrofrequency_hz

GAUSS = 1e-4


def test_nrl_plasma_formulary_values():
    # NRL Plasma Formulary (2019): f_ce = 2.80e6 B Hz, f_ci = 1.52e3 Z mu^-1 B Hz, B in
    # gauss, mu = m_i/m_p; published to 3 digits: half a unit of the third, 3.4e-3
    assert gyrofrequency_hz(1 * GAUSS, "e-") == pytest.approx(2.80e6, rel=3.4e-3)
    assert gyrofrequency_hz(1 * GAUSS, "p+") == pytest.approx(1.52e3, rel=3.4e-3)
    mu = constants.m_alpha / constants.m_p
    assert gyrofrequency_hz(1 * GAUSS, "alpha") == pytest.approx(1.52e3 * 2 / mu, rel=3.4e-3)
    # and the formulary's 3 digits can tell electrons from protons
    assert gyrofrequency_hz(1 * GAUSS, "p+") != pytest.approx(1.52e3 * 1.01, rel=3.4e-3)


@pytest.mark.parametrize("kwargs", [{}, {"v": 2e8}, {"relativistic": False, "v": 2e8},
                                    {"signed": True}, {"signed": True, "v": 1e8}])
def test_two_pi_times_the_cyclic_is_the_angular_frequency(kwargs):
    # one division by 2 pi: 2 ulp
    for particle in ("e-", "p+", "O+"):
        assert 2 * np.pi * gyrofrequency_hz(3e-5, particle, **kwargs) == pytest.approx(
            gyrofrequency(3e-5, particle, **kwargs), rel=4e-16)


def test_sign_and_broadcasting():
    assert gyrofrequency_hz(1.0, "e-", signed=True) < 0 < gyrofrequency_hz(1.0, "e-")
    B = np.linspace(1e-9, 1e-4, 12).reshape(3, 4)
    assert gyrofrequency_hz(B, "e-").shape == (3, 4)


def test_bad_input():
    with pytest.raises(ValueError, match="^v: the speed must be below c"):
        gyrofrequency_hz(1.0, "e-", v=constants.c)
    with pytest.raises(ValueError, match="^B: must be > 0"):
        gyrofrequency_hz(0.0, "e-")
