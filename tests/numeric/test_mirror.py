"""Pitch angle, mirror ratio and loss cone: cited cases, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import loss_cone_angle, mirror_ratio, pitch_angle


@pytest.mark.parametrize("v_perp,v_par,degrees", [
    # notes 004 "Pitch-Winkel": alpha = 0 for v parallel to B, 90 deg for v across B;
    # alpha > 90 deg for a particle moving against B
    (0.0, 1.0, 0.0), (1.0, 0.0, 90.0), (0.0, -1.0, 180.0), (1.0, 1.0, 45.0),
    (1.0, -1.0, 135.0), (np.sqrt(3.0), 1.0, 60.0), (1.0, -np.sqrt(3.0), 150.0),
])
def test_pitch_angle_textbook_cases(v_perp, v_par, degrees):
    # 1e-15: one atan2 and the degree conversion
    assert np.degrees(pitch_angle(v_perp, v_par)) == pytest.approx(degrees, rel=1e-15,
                                                                    abs=1e-13)


def test_pitch_angle_sine_and_tangent():
    # sin(alpha) = v_perp/v and tan(alpha) = v_perp/v_par (notes 004), on random speeds.
    # alpha itself is rounded to ~1 ulp of pi (4e-16 absolute): sin(alpha) is then
    # good to 1e-15 absolute; tan(alpha) to ~4e-16 (1 + tan^2) absolute, i.e. a
    # relative 4e-16 / (sin cos), which the 1e-12 allows down to sin(2 alpha) ~ 1e-3.
    rng = np.random.default_rng(3)
    v_perp = rng.uniform(0, 1e7, 200)
    v_par = rng.uniform(-1e7, 1e7, 200)
    alpha = pitch_angle(v_perp, v_par)
    assert np.all((alpha >= 0) & (alpha <= np.pi))
    assert np.allclose(np.sin(alpha), v_perp / np.hypot(v_perp, v_par), rtol=0, atol=1e-15)
    assert np.allclose(np.tan(alpha), v_perp / v_par, rtol=1e-12, atol=0)


def test_pitch_angle_of_an_ion_and_an_electron_of_the_same_energy():
    # equal energies in equal proportions give equal pitch angles, whatever the mass
    energy, share = 10e3 * constants.eV, 0.3
    angles = []
    for mass in (constants.m_p, constants.m_e):
        v = np.sqrt(2 * energy / mass)
        angles.append(pitch_angle(v * np.sqrt(share), v * np.sqrt(1 - share)))
    assert angles[0] == pytest.approx(angles[1], rel=1e-15)
    assert np.sin(angles[0])**2 == pytest.approx(share, rel=1e-14)


def test_mirror_ratio_and_the_loss_cone():
    # Chen eq. (2.48): sin^2(alpha_m) = 1/R_m; a loss cone of 30 degrees means R_m = 4
    assert mirror_ratio(4e-5, 1e-5) == pytest.approx(1 / np.sin(np.radians(30))**2,
                                                     rel=1e-15)
    # the Earth at L = 4: equator B_E/L^3, foot of the line B_E sqrt(4 - 3/L) (notes 004)
    L = 4.0
    ratio = mirror_ratio(constants.B_E * np.sqrt(4 - 3 / L), constants.B_E / L**3)
    assert ratio == pytest.approx(L**3 * np.sqrt(4 - 3 / L), rel=1e-15)


def test_loss_cone_textbook_cases():
    # Chen eq. (2.48): sin^2(alpha_lc) = 1/R_m. R_m = 4 gives 30 degrees; no mirror
    # (R_m = 1) puts every pitch angle in the cone. 1e-15: one sqrt and one arcsin.
    assert np.degrees(loss_cone_angle(4.0)) == pytest.approx(30.0, rel=1e-15)
    assert loss_cone_angle(1.0) == pytest.approx(np.pi / 2, rel=1e-15)
    assert loss_cone_angle(mirror_ratio(5e-5, 1e-5)) == pytest.approx(
        np.arcsin(np.sqrt(1e-5 / 5e-5)), rel=1e-15)


@pytest.mark.parametrize("L", [2.0, 4.0, 6.6])
def test_loss_cone_of_the_earth(L):
    # notes 004 "Verlustkegel": equatorial loss cone of a dipole line that mirrors at
    # the surface, sin^2(alpha_lc) = cos^6(lambda_E)/(1 + 3 sin^2(lambda_E))^(1/2) with
    # cos^2(lambda_E) = 1/L, i.e. (4 L^6 - 3 L^5)^(-1/2). 1e-14: a dozen roundings.
    at_surface = constants.B_E * np.sqrt(4 - 3 / L)
    at_equator = constants.B_E / L**3
    alpha = loss_cone_angle(mirror_ratio(at_surface, at_equator))
    assert np.sin(alpha)**2 == pytest.approx((4 * L**6 - 3 * L**5)**-0.5, rel=1e-14)


@pytest.mark.parametrize("shape", [(4,), (2, 3), (2, 1, 5)])
def test_broadcasting(shape):
    v_perp = np.full(shape, 2.0)
    out = pitch_angle(v_perp, np.linspace(-1, 1, shape[-1]))
    assert out.shape == shape
    assert np.all(out[..., 0] > np.pi / 2) and np.all(out[..., -1] < np.pi / 2)
    ratio = mirror_ratio(np.full(shape, 3e-5), 1e-5)
    assert ratio.shape == shape and np.all(ratio == mirror_ratio(3e-5, 1e-5))
    cone = loss_cone_angle(ratio)
    assert cone.shape == shape and np.all(cone == loss_cone_angle(3.0))


@pytest.mark.parametrize("call,name", [
    (lambda: pitch_angle(-1.0, 1.0), "v_perp"),
    (lambda: pitch_angle(1.0, np.nan), "v_par"),
    (lambda: pitch_angle([1.0, 2.0], [1.0, 2.0, 3.0]), "v_perp, v_par"),
    (lambda: mirror_ratio(0.0, 1e-5), "B_max"),
    (lambda: mirror_ratio(1e-4, -1e-5), "B_0"),
    (lambda: mirror_ratio(np.inf, 1e-5), "B_max"),
    (lambda: loss_cone_angle(0.5), "R_m"),
    (lambda: mirror_ratio(1e-5, 2e-5), "B_max, B_0"),          # a ratio below 1
    (lambda: mirror_ratio([3e-5, 1e-5], 2e-5), "B_max, B_0"),  # on an array too
    (lambda: pitch_angle(0.0, 0.0), "v_perp, v_par"),          # undefined at rest
    (lambda: pitch_angle(np.zeros(3), [1.0, 0.0, -1.0]), "v_perp, v_par"),
    (lambda: loss_cone_angle(np.nan), "R_m"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
