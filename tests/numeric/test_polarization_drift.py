"""Polarization drift: cited case, sign convention, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import polarization_drift

e, m_p, m_e = constants.e, constants.m_p, constants.m_e
# Same formula evaluated two ways in double precision (a handful of operations, no
# approximation): agreement to 1e-14 relative, a few ulps.
RTOL = 1e-14


def test_chen_case_and_sign_convention():
    # Chen eq. (2.66): v_P = +-(1/(omega_c B)) dE/dt, omega_c = |q|B/m; B = 10 uT along z,
    # E across B growing at 1 mV/m per second along x.  Ions drift along dE/dt, electrons
    # against it, slower by m_e/m_p.
    B, rate = 1e-5, 1e-3
    expected = rate / (e * B / m_p * B)
    assert polarization_drift([0, 0, B], [rate, 0, 0], "p+") == pytest.approx(
        [expected, 0, 0], rel=RTOL)
    assert polarization_drift([0, 0, B], [rate, 0, 0], "e-") == pytest.approx(
        [-expected * m_e / m_p, 0, 0], rel=RTOL)


def test_only_the_change_across_B_counts():
    B = np.array([1e-5, -2e-5, 3e-5])
    perpendicular = np.cross(B, [1.0, 2.0, 0.5])
    along = 4.2e-3 * B / np.linalg.norm(B)
    across = 4.2e-3 * perpendicular / np.linalg.norm(perpendicular)
    # a parallel rate of the same size gives no drift, up to the rounding of the unit
    # vector (~1e-16) left over by the cancellation in B x (dE/dt x B)
    assert np.linalg.norm(polarization_drift(B, along, "p+")) < 1e-14 * np.linalg.norm(
        polarization_drift(B, across, "p+"))
    assert polarization_drift(B, along + across, "p+") == pytest.approx(
        polarization_drift(B, across, "p+"), rel=1e-13)   # one cancellation, a few ulps


def test_independent_of_the_orientation():
    # rotate the whole configuration: the drift rotates with it
    angle = 0.7
    rotation = np.array([[np.cos(angle), -np.sin(angle), 0], [np.sin(angle), np.cos(angle), 0],
                         [0, 0, 1]])
    B, rate = np.array([0.0, 2e-5, 1e-5]), np.array([1e-3, 0.0, -2e-3])
    rotated = polarization_drift(rotation @ B, rotation @ rate, "p+")
    assert rotated == pytest.approx(rotation @ polarization_drift(B, rate, "p+"), rel=1e-13)


@pytest.mark.parametrize("batch", [(5,), (2, 3), (2, 1, 4)])
def test_broadcasting(batch):
    rng = np.random.default_rng(5)
    B = rng.normal(size=(3,)) * 1e-5
    rate = rng.normal(size=batch + (3,)) * 1e-3
    out = polarization_drift(B, rate, "p+")
    assert out.shape == batch + (3,)
    assert out.reshape(-1, 3)[0] == pytest.approx(
        polarization_drift(B, rate.reshape(-1, 3)[0], "p+"), rel=RTOL)


@pytest.mark.parametrize("call,name", [
    (lambda: polarization_drift([0, 0, 0], [1, 0, 0], "p+"), "B"),
    (lambda: polarization_drift([0, 0, 1], [1, 0], "p+"), "dE_dt"),
    (lambda: polarization_drift([0, 0, 1], [np.nan, 0, 0], "p+"), "dE_dt"),
    (lambda: polarization_drift([0, 0, 1], [1, 0, 0]), "particle"),
    (lambda: polarization_drift([0, 0, 1], [1, 0, 0], "muon"), "particle"),
    (lambda: polarization_drift(np.ones((2, 3)), np.ones((4, 3)), "p+"), "B, dE_dt"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
