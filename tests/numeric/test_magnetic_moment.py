"""Magnetic moment and mirror force: cited cases, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import gyrofrequency, gyroradius, magnetic_moment, mirror_force
from guidingcenter.units import keV

# A 1 keV (perpendicular energy) proton at the equator of the L = 6.6 shell
# (geostationary orbit), B = B_E/L^3 (notes 003/004).
W_PERP = 1 * keV
B_GEO = constants.B_E / 6.6**3
V_PERP = np.sqrt(2 * W_PERP / constants.m_p)


def test_moment_is_perpendicular_energy_over_B():
    # notes 004 "Zusammenfassung (2)": mu = W_perp / B (Chen sec. 2.3.3).
    # 1e-15: v_perp = sqrt(2W/m) squared again, a few roundings.
    assert magnetic_moment(V_PERP, B_GEO, "p+") == pytest.approx(W_PERP / B_GEO, rel=1e-15)


@pytest.mark.parametrize("particle", ["p+", "e-"])
def test_moment_is_the_current_loop_I_A(particle):
    # notes 004: mu = I A with I = |q| omega_c/(2 pi), A = pi r_L^2, from the gyration
    # functions (Newtonian, as the moment is). 1e-14: a dozen roundings on two routes.
    q = constants.e
    v = 1e5
    omega = gyrofrequency(B_GEO, particle, relativistic=False)
    radius = gyroradius(B_GEO, v, particle, relativistic=False)
    loop = q * omega / (2 * np.pi) * np.pi * radius**2
    assert magnetic_moment(v, B_GEO, particle) == pytest.approx(loop, rel=1e-14)


def test_electron_moment_is_smaller_by_the_mass_ratio():
    # same speed: mu scales with m (the moment does not depend on the charge)
    ratio = magnetic_moment(1e6, 1e-5, "p+") / magnetic_moment(1e6, 1e-5, "e-")
    assert ratio == pytest.approx(constants.m_p / constants.m_e, rel=1e-15)  # one division


def test_mirror_force_points_to_weaker_field():
    # Chen sec. 2.3.3: F_par = -mu dB/ds, for either sign of charge (mu > 0)
    mu = magnetic_moment(V_PERP, B_GEO, "p+")
    assert mirror_force(mu, 1e-12) < 0 < mirror_force(mu, -1e-12)
    assert mirror_force(0.0, 1e-12) == 0.0


def test_work_of_the_mirror_force_is_the_change_of_mu_B():
    # Along B(s) = B_0 (1 + (s/L)^2) the mirror force does work -mu (B(s_1) - B_0):
    # what the parallel motion loses, the gyration gains (W_perp = mu B, mu constant).
    # dB/ds is linear in s, so the trapezoidal rule is exact up to rounding (1e-12).
    B_0, L = 1e-5, 1e7
    s = np.linspace(0.0, 2e6, 2001)
    mu = W_PERP / B_0
    force = mirror_force(mu, 2 * B_0 * s / L**2)
    work = np.sum((force[1:] + force[:-1]) / 2 * np.diff(s))
    assert work == pytest.approx(-mu * (B_0 * (1 + (s[-1] / L)**2) - B_0), rel=1e-12)


def test_harmonic_bounce_near_the_dipole_equator():
    # Expanding the dipole field of notes 004 about the equator, s = r_eq lambda,
    # B = B_eq (1 + 9 s^2/(2 r_eq^2) + ...): the mirror force is harmonic,
    # F = -(9 mu B_eq / r_eq^2) s. dB/ds from the exact dipole field by central
    # differences in latitude; 1e-5: the neglected terms are O(lambda^2) relative,
    # 2.5e-6 at lambda = 1e-3 (the difference quotient adds ~3e-8 of rounding).
    L, lam = 4.0, 1e-3
    r_eq = L * constants.R_E
    B_eq = constants.B_E / L**3

    def field(latitude):
        return B_eq * np.sqrt(1 + 3 * np.sin(latitude)**2) / np.cos(latitude)**6

    h = 1e-6
    dB_dlam = (field(lam + h) - field(lam - h)) / (2 * h)
    ds_dlam = r_eq * np.cos(lam) * np.sqrt(1 + 3 * np.sin(lam)**2)
    mu = magnetic_moment(V_PERP, B_eq, "p+")
    s = r_eq * lam
    assert mirror_force(mu, dB_dlam / ds_dlam) == pytest.approx(
        -9 * mu * B_eq / r_eq**2 * s, rel=1e-5)


@pytest.mark.parametrize("shape", [(4,), (2, 3), (2, 1, 5)])
def test_broadcasting(shape):
    B = np.full(shape, 2e-5)
    out = magnetic_moment(1e5, B, "e-")
    assert out.shape == shape
    assert np.all(out == magnetic_moment(1e5, 2e-5, "e-"))
    v = np.linspace(1e4, 1e6, shape[-1])
    assert magnetic_moment(v, B, "p+").shape == shape
    force = mirror_force(np.ones(shape), np.linspace(-1, 1, shape[-1]))
    assert force.shape == shape and np.all(force == -np.linspace(-1, 1, shape[-1]))


@pytest.mark.parametrize("call,name", [
    (lambda: magnetic_moment(-1.0, 1e-5, "p+"), "v_perp"),
    (lambda: magnetic_moment(1e5, 0.0, "p+"), "B"),
    (lambda: magnetic_moment(1e5, -1e-5, "p+"), "B"),
    (lambda: magnetic_moment(1e5, np.nan, "p+"), "B"),
    (lambda: magnetic_moment(constants.c, 1e-5, "e-"), "v_perp"),
    (lambda: magnetic_moment(1e5, 1e-5, "neutron"), "particle"),
    (lambda: magnetic_moment(1e5, 1e-5), "particle"),
    (lambda: magnetic_moment(1e5, 1e-5, m=-1.0), "m"),
    (lambda: magnetic_moment([1e5, 2e5], [1e-5, 2e-5, 3e-5], "p+"), "v_perp, B"),
    (lambda: mirror_force(-1e-12, 1e-9), "mu"),
    (lambda: mirror_force(1e-12, np.inf), "dB_ds"),
    (lambda: mirror_force("a lot", 1e-9), "mu"),
    (lambda: mirror_force(np.ones(2), np.ones(3)), "mu, dB_ds"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
