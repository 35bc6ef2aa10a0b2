"""First and third invariants: MeV/G, the low-speed limit, Phi and L*."""

import math

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import L_star, first_invariant, magnetic_moment, third_invariant
from guidingcenter.units import G, MeV, R_E, deg, keV

MC2_E = constants.m_e * constants.c**2


def test_first_invariant_in_MeV_per_gauss():
    # the radiation-belt form M = p^2 sin^2(alpha)/(2 m B) = (W^2 + 2 W mc^2) sin^2(alpha)
    # / (2 mc^2 B), with energies in MeV and B in G (Schulz and Lanzerotti sec. 1.3):
    # a 1 MeV electron at 90 degrees at the equator of L = 4 (B = B_E/64)
    B = constants.B_E / 64
    W, mc2 = 1.0, MC2_E / MeV
    expected = (W**2 + 2 * W * mc2) / (2 * mc2 * (B / G))          # MeV/G
    assert first_invariant(B, 1 * MeV, 90 * deg, "e-") / (MeV / G) == pytest.approx(
        expected, rel=1e-14)                                       # unit conversions only
    assert 400 < expected < 410                                    # about 407 MeV/G


def test_first_invariant_is_the_magnetic_moment_at_low_speed():
    # with mu = m v_perp^2/(2B) at the Newtonian speed (2W/m)^(1/2): p^2 = 2mW(1 + W/(2mc^2))
    # makes M/mu = 1 + W/(2 mc^2) exactly, 1e-5 at 10 eV for an electron
    W, B, alpha = 10 * constants.eV, 1e-5, 50 * deg
    v = math.sqrt(2 * W / constants.m_e)
    mu = magnetic_moment(v * math.sin(alpha), B, "e-")
    ratio = first_invariant(B, W, alpha, "e-") / mu
    # ratio - 1 keeps about 11 of its digits (1e-16 rounding of ratio, 1e-5 in size)
    assert ratio - 1 == pytest.approx(W / (2 * MC2_E), rel=1e-9)


def test_first_invariant_pitch_angle_dependence_and_range():
    B, W = 1e-6, 100 * keV
    values = first_invariant(B, W, np.array([0, 30, 90, 150, 180]) * deg, "p+")
    assert values[0] == 0 and values[-1] == pytest.approx(0, abs=1e-30)
    assert values[1] == pytest.approx(values[2] / 4, rel=1e-14)    # sin^2(30) = 1/4
    assert values[1] == pytest.approx(values[3], rel=1e-14)
    with pytest.raises(ValueError, match=r"^alpha: must be in \[0, pi\]"):
        first_invariant(B, W, 200 * deg, "p+")


def test_third_invariant_and_L_star_invert_each_other():
    L = np.array([1.0, 2.5, 4.0, 6.6, 10.0])
    # 2 pi B_E R_E^2/L and back: three roundings each way
    assert L_star(third_invariant(L)) == pytest.approx(L, rel=1e-15)
    # in G R_E^2, with McIlwain's (1961) dipole constant B_E = 0.311653 G R_E^3 as used by
    # SPENVIS: Phi = 2 pi 0.311653 / L
    assert third_invariant(L, B_E=0.311653 * G) / (G * R_E**2) == pytest.approx(
        2 * math.pi * 0.311653 / L, rel=1e-15)
    # the flux shrinks outwards: a wrong exponent of L would fail
    assert third_invariant(2.0) / third_invariant(4.0) == pytest.approx(2.0, rel=1e-15)


def test_bad_input():
    with pytest.raises(ValueError, match="^L: must be >= 1"):
        third_invariant(0.5)
    with pytest.raises(ValueError, match="^Phi: must be > 0"):
        L_star(0.0)
    with pytest.raises(ValueError, match="^energy: must be >= 0"):
        first_invariant(1e-5, -1.0, 0.5, "e-")
