"""parallel_speed from the energy integral: cases, broadcasting, unreachable points."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import magnetic_moment, parallel_speed
from guidingcenter.units import keV


def test_energy_is_shared_between_parallel_and_perpendicular_motion():
    # a 1 keV proton with v_perp = v_par at B0: mu from the perpendicular energy;
    # at B0 the parallel speed is back, and where B = 2 B0 it is zero (the mirror point)
    v = np.sqrt(2 * keV / constants.m_p)
    v_perp = v_par = v / np.sqrt(2)
    mu = magnetic_moment(v_perp, 1e-5, "p+")
    # rounding of a few operations on doubles: 1e-14
    assert parallel_speed(1 * keV, mu, 1e-5, "p+") == pytest.approx(v_par, rel=1e-14)
    assert parallel_speed(1 * keV, mu, 2e-5, "p+") == pytest.approx(0.0, abs=1e-6 * v)


def test_a_potential_hill_slows_ions_and_speeds_electrons():
    assert parallel_speed(1 * keV, 0.0, 1e-5, "p+", phi=100.0) < parallel_speed(
        1 * keV, 0.0, 1e-5, "p+")
    assert parallel_speed(1 * keV, 0.0, 1e-5, "e-", phi=100.0) > parallel_speed(
        1 * keV, 0.0, 1e-5, "e-")


@pytest.mark.parametrize("shape", [(5,), (2, 3), (2, 1, 4)])
def test_broadcasting(shape):
    B = np.linspace(1e-5, 1.5e-5, int(np.prod(shape))).reshape(shape)
    out = parallel_speed(1 * keV, 1e-17, B, "p+")
    assert out.shape == shape and np.all(np.diff(out.ravel()) < 0)


@pytest.mark.parametrize("call,name", [
    (lambda: parallel_speed(1 * keV, 1e-15, 1.0, "p+"), "W_0, mu, B, phi"),
    (lambda: parallel_speed(1 * keV, -1.0, 1.0, "p+"), "mu"),
    (lambda: parallel_speed(1 * keV, 1e-17, 0.0, "p+"), "B"),
    (lambda: parallel_speed(np.nan, 1e-17, 1.0, "p+"), "W_0"),
    (lambda: parallel_speed(1 * keV, 1e-17, [1.0, 2.0], "p+", phi=[1.0, 2.0, 3.0]), "W_0, mu"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
