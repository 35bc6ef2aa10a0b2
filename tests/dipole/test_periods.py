"""Bounce and drift periods, loss cone: against an independent mpmath computation."""

import mpmath
import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.dipole import integrals, periods
from guidingcenter.dipole.integrals_mp import D_mp, T_mp
from guidingcenter.dipole.periods import bounce_period, drift_period, loss_cone_angle

# These tests compare the formulas with independent evaluations over the whole input
# range, loss cone and large gyroradii included; the warnings for those inputs are
# tested in tests/dipole/test_validity.py.
pytestmark = pytest.mark.filterwarnings("ignore::guidingcenter.validity.GuidingCentreWarning")

MEV = 1e6 * constants.eV
PARTICLES = {"p+": (constants.e, constants.m_p), "e-": (-constants.e, constants.m_e)}

# The fast T and D are specified to 1e-13 relative; the period formulas add a
# few double-precision operations on top.
RTOL = 1e-12


def reference(L, energy, alpha_eq, particle, relativistic=True):
    """(tau_b, tau_d) from T_mp, D_mp and the textbook formulas, at 30 digits."""
    q, m = PARTICLES[particle]
    with mpmath.workdps(30):
        L, W, q, m = (mpmath.mpf(v) for v in (L, energy, abs(q), m))
        c, R_E, B_E = (mpmath.mpf(v) for v in (constants.c, constants.R_E, constants.B_E))
        y = mpmath.sin(mpmath.mpf(alpha_eq))
        T, D = T_mp(y, 25), D_mp(y, 25)
        if relativistic:
            gamma = 1 + W / (m * c**2)
            v = c * mpmath.sqrt(1 - 1 / gamma**2)
        else:
            gamma, v = 1, mpmath.sqrt(2 * W / m)
        tau_b = 4 * L * R_E * T / v
        omega = 3 * L * gamma * m * v**2 * D / (q * B_E * R_E**2 * T)
        return float(tau_b), float(2 * mpmath.pi / omega)


CASES = [(L, energy, alpha, particle)
         for particle, energies in [("p+", [1e3 * constants.eV, 1 * MEV, 100 * MEV]),
                                    ("e-", [1e3 * constants.eV, 1 * MEV, 10 * MEV])]
         for energy in energies
         for L, alpha in [(1.5, np.radians(5)), (4.0, np.radians(30)), (6.6, np.pi / 2),
                          (3.0, np.radians(150))]]


@pytest.mark.parametrize("L, energy, alpha, particle", CASES)
def test_periods_against_independent_mp_computation(L, energy, alpha, particle):
    tau_b, tau_d = reference(L, energy, alpha, particle)
    assert bounce_period(L, energy, alpha, particle) == pytest.approx(tau_b, rel=RTOL)
    assert drift_period(L, energy, alpha, particle) == pytest.approx(tau_d, rel=RTOL)


@pytest.mark.parametrize("particle", ["p+", "e-"])
def test_nonrelativistic_mode_against_mp(particle):
    energy, L, alpha = 1e3 * constants.eV, 4.0, 0.7
    tau_b, tau_d = reference(L, energy, alpha, particle, relativistic=False)
    assert bounce_period(L, energy, alpha, particle,
                         relativistic=False) == pytest.approx(tau_b, rel=RTOL)
    assert drift_period(L, energy, alpha, particle,
                        relativistic=False) == pytest.approx(tau_d, rel=RTOL)


def test_reference_check_can_fail():
    # the comparison distinguishes electrons from protons and 30 from 31 degrees
    tau_b, _ = reference(4.0, MEV, np.radians(30), "p+")
    assert bounce_period(4.0, MEV, np.radians(30), "e-") != pytest.approx(tau_b, rel=RTOL)
    assert bounce_period(4.0, MEV, np.radians(31), "p+") != pytest.approx(tau_b, rel=RTOL)


@pytest.mark.parametrize("particle", ["p+", "e-"])
def test_relativistic_tends_to_nonrelativistic_at_low_energy(particle):
    _, m = PARTICLES[particle]
    energy = 10 * constants.eV
    kappa = energy / (m * constants.c**2)            # W/mc^2: 1e-8 (p+), 2e-5 (e-)
    args = (3.0, energy, 0.4, particle)
    rb = bounce_period(*args) / bounce_period(*args, relativistic=False)
    rd = drift_period(*args) / drift_period(*args, relativistic=False)
    # exact ratios: (1 + k)(1 + k/2)^(-1/2) = 1 + 3k/4 + O(k^2) and 2(1 + k)/(2 + k) = 1 + k/2 + O(k^2)
    assert rb - 1 == pytest.approx(0.75 * kappa, rel=1e-3)
    assert rd - 1 == pytest.approx(0.5 * kappa, rel=1e-3)


@pytest.mark.parametrize("particle, energy", [("e-", 0.3 * MEV), ("p+", 500 * MEV),
                                              ("e-", constants.m_e * constants.c**2 / 2)])
def test_nonrelativistic_mode_refuses_speeds_at_or_above_c(particle, energy):
    for period in (bounce_period, drift_period):
        with pytest.raises(ValueError, match=r"^energy: .*reaches c"):
            period(4.0, energy, 0.5, particle, relativistic=False)
        period(4.0, energy, 0.5, particle)             # relativistic: fine


def test_pitch_angle_and_its_supplement_are_equivalent():
    # (not alpha = 0: float pi - pi has sin = 1.2e-16, and T(y) - T(0) ~ y^(2/3) ~ 1e-11)
    alpha = np.linspace(0.1, np.pi / 2, 7)
    for period in (bounce_period, drift_period):
        np.testing.assert_allclose(period(4, MEV, np.pi - alpha, "e-"), period(4, MEV, alpha, "e-"),
                                   rtol=1e-14)   # sin(pi - a) and sin(a) differ by an ulp


def test_periods_scale_as_the_formulas_say():
    # tau_b ~ L at fixed energy; non-relativistic tau_d ~ 1/(W L) and mass-independent
    # (exact scalings: only double rounding of a few operations, 1e-14)
    assert bounce_period(6, MEV, 1.0) / bounce_period(3, MEV, 1.0) == pytest.approx(2, rel=1e-14)
    nr = dict(relativistic=False)
    e_lo = 1e3 * constants.eV
    assert drift_period(2, e_lo, 1.0, "p+", **nr) == pytest.approx(
        drift_period(2, e_lo, 1.0, "e-", **nr), rel=1e-14)
    assert drift_period(2, e_lo, 1.0, **nr) / drift_period(4, 2 * e_lo, 1.0, **nr) == \
        pytest.approx(4, rel=1e-14)


def test_broadcasting():
    L = np.array([[2.0], [4.0], [6.0]])                  # (3, 1)
    energy = np.array([1e3, 1e5, 1e6, 1e7]) * constants.eV   # (4,)
    alpha = np.array([0.3, 1.2]).reshape(2, 1, 1)       # (2, 1, 1)
    for period in (bounce_period, drift_period):
        out = period(L, energy, alpha, "e-")
        assert out.shape == (2, 3, 4)
        for i, j, k in np.ndindex(out.shape):
            # same arithmetic element by element as in the broadcast call
            assert out[i, j, k] == pytest.approx(period(L[j, 0], energy[k], alpha[i, 0, 0], "e-"),
                                                 rel=1e-15)
        assert isinstance(period(4, MEV, 0.5), float)
        assert period([4.0, 5.0], MEV, 0.5).shape == (2,)


@pytest.mark.parametrize("kwargs, message", [
    (dict(L=0.99), r"^L: .*>= 1"), (dict(L=0.0), r"^L: "), (dict(L=np.nan), r"^L: "),
    (dict(L=[2.0, np.inf]), r"^L: "),
    (dict(energy=0.0), r"^energy: .*> 0"), (dict(energy=-1.0), r"^energy: "),
    (dict(energy=np.nan), r"^energy: "), (dict(energy=np.inf), r"^energy: "),
    (dict(alpha_eq=-0.01), r"^alpha_eq: .*\[0, 3.14159\]"),
    (dict(alpha_eq=np.pi + 1e-9), r"^alpha_eq: "), (dict(alpha_eq=np.nan), r"^alpha_eq: "),
    (dict(particle="muon"), r"^particle: "), (dict(R_E=-1.0), r"^R_E: "),
    (dict(B_E=0.0), r"^B_E: "), (dict(q=0.0), r"^q: "), (dict(L="abc"), r"^L: "),
])
def test_bad_input_is_refused(kwargs, message):
    args = dict(L=4.0, energy=MEV, alpha_eq=0.5)
    args.update(kwargs)
    for period in (bounce_period, drift_period):
        with pytest.raises(ValueError, match=message):
            period(**args)


def test_loss_cone_against_closed_form():
    L = np.array([1.2, 2.0, 4.0, 6.6, 10.0, 100.0])
    expected = np.arcsin((4 * L**6 - 3 * L**5) ** -0.25)    # sin^2 = (4L^6 - 3L^5)^(-1/2)
    np.testing.assert_allclose(loss_cone_angle(L), expected, rtol=1e-13)  # asin conditioning
    assert loss_cone_angle(1.0) == np.pi / 2


def test_loss_cone_mirrors_at_the_surface():
    # a particle at the loss-cone edge mirrors where the field line meets the
    # surface: cos^2(lambda_E) = 1/L
    L = np.array([1.5, 3.0, 6.6])
    lam = integrals.mirror_latitude(np.sin(loss_cone_angle(L)))
    # both sides to ~1e-15; cos^2 of a latitude recovered from y ~ 0.04 adds a few ulps
    np.testing.assert_allclose(np.cos(lam) ** 2, 1 / L, rtol=1e-13)


def test_loss_cone_near_L_one_and_with_altitude():
    with mpmath.workdps(40):
        L = 1 + mpmath.mpf(2) ** -30                      # exact in double
        x = 1 / L
        exact = mpmath.asin(mpmath.sqrt(x**3 / mpmath.sqrt(4 - 3 * x)))
    # the cancellation-free cos^2 keeps full relative accuracy where arcsin would not
    assert loss_cone_angle(float(L)) == pytest.approx(float(exact), rel=1e-15)
    rho = 1 + 100e3 / constants.R_E
    x = rho / 4.0
    assert loss_cone_angle(4.0, altitude=100e3) == pytest.approx(   # arcsin form: well
        np.arcsin(np.sqrt(x**3 / np.sqrt(4 - 3 * x))), rel=1e-13)  # conditioned at 5 degrees
    assert loss_cone_angle(4.0, altitude=100e3) > loss_cone_angle(4.0)


@pytest.mark.parametrize("kwargs, message", [
    (dict(L=0.5), r"^L: "), (dict(L=np.nan), r"^L: "),
    (dict(L=1.005, altitude=100e3), r"^L: .*mirror altitude"),
    (dict(L=4.0, altitude=-1.0), r"^altitude: "), (dict(L=4.0, R_E=0.0), r"^R_E: "),
])
def test_loss_cone_bad_input(kwargs, message):
    with pytest.raises(ValueError, match=message):
        loss_cone_angle(**kwargs)


def test_mirror_latitude_is_reexported():
    assert periods.mirror_latitude is integrals.mirror_latitude
