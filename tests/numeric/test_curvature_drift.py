"""Curvature drift and the combined vacuum drift: cited cases, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import curvature_drift, gradB_curvature_drift, gradB_drift

e, m_p, m_e = constants.e, constants.m_p, constants.m_e
# Same formula evaluated two ways in double precision (a handful of operations, no
# approximation): agreement to 1e-14 relative, a few ulps.
RTOL = 1e-14


def test_chen_radius_of_curvature_case():
    # Chen eq. (2.26): v_R = m v_par^2 / (q R_c^2 B^2) R_c x B.  B = 10 uT along z, a
    # field line curved with R_c = 1000 km along +x, i.e. (b.grad)b = -R_c/R_c^2 = -x-hat/R_c.
    R_c, B, v_par = 1e6, 1e-5, 1e5
    expected = m_p * v_par**2 / (e * R_c * B)          # |R_c x B| = R_c B
    v = curvature_drift([0, 0, B], [-1 / R_c, 0, 0], v_par, "p+")
    assert v == pytest.approx([0, -expected, 0], rel=RTOL)      # x cross z = -y
    electron = curvature_drift([0, 0, B], [-1 / R_c, 0, 0], v_par, "e-")
    assert electron == pytest.approx([0, expected * m_e / m_p, 0], rel=RTOL)
    # the sign of v_par does not matter (v_par^2), nor curvature along B
    assert curvature_drift([0, 0, B], [-1 / R_c, 0, 3.0], -v_par, "p+") == pytest.approx(
        v, rel=RTOL)


def test_vacuum_field_of_a_line_current():
    # B = B_1 y-hat at distance r on the x axis from a current along z: circles about the
    # axis, (b.grad)b = -x/r, grad|B| = -B_1/r x (|B| ~ 1/r).  Curvature plus grad-B
    # drift equals the combined vacuum drift (Chen eq. 2.30).
    r, B_1, v_par, v_perp = 2.0e7, 3e-6, 4e5, 7e5
    B, curvature, grad = [0, B_1, 0], [-1 / r, 0, 0], [-B_1 / r, 0, 0]
    total = curvature_drift(B, curvature, v_par, "p+") + gradB_drift(B, grad, v_perp, "p+")
    assert gradB_curvature_drift(B, grad, v_par, v_perp, "p+") == pytest.approx(total,
                                                                                rel=RTOL)
    chen = m_p / e * (v_par**2 + v_perp**2 / 2) / (r * B_1)    # |R_c x B|/(R_c^2 B^2)
    assert gradB_curvature_drift(B, grad, v_par, v_perp, "p+") == pytest.approx(
        [0, 0, chen], rel=RTOL)                                   # x cross y = z, R_c = r x


def test_equatorial_dipole_drift_hebrew_notes():
    # Hebrew notes 003: <v_d> = 6 W L^2/(e B_E R_E) (0.35 + 0.15 sin alpha_eq); at
    # alpha_eq = 90 deg the particle stays on the equator, where B = B_E/L^3 and
    # |grad B| = 3B/r, and the bracket is 0.5: v_d = 3 W L^2 / (e B_E R_E), independent
    # of the mass.  Ions drift west (-y at x = r with B along +z), electrons east.
    L, W = 4.0, 10e3 * constants.eV
    r, B = L * constants.R_E, constants.B_E / L**3
    expected = 3 * W * L**2 / (e * constants.B_E * constants.R_E)
    for particle, mass, sign in (("p+", m_p, -1), ("e-", m_e, 1)):
        v_perp = np.sqrt(2 * W / mass)
        v = gradB_curvature_drift([0, 0, B], [-3 * B / r, 0, 0], 0.0, v_perp, particle)
        # B_E and R_E enter the expected value and the inputs alike: rounding only
        assert v == pytest.approx([0, sign * expected, 0], rel=1e-13)


@pytest.mark.parametrize("batch", [(5,), (2, 3), (2, 1, 4)])
def test_broadcasting(batch):
    rng = np.random.default_rng(11)
    B = rng.normal(size=batch + (3,)) * 1e-5
    curvature = rng.normal(size=(3,)) * 1e-6
    v_par = rng.normal(size=batch) * 1e5
    out = curvature_drift(B, curvature, v_par, "p+")
    assert out.shape == batch + (3,)
    last = curvature_drift(B.reshape(-1, 3)[-1], curvature, v_par.reshape(-1)[-1], "p+")
    assert out.reshape(-1, 3)[-1] == pytest.approx(last, rel=RTOL)
    combined = gradB_curvature_drift(B, rng.normal(size=batch + (3,)) * 1e-12, v_par,
                                     np.abs(v_par), "e-")
    assert combined.shape == batch + (3,)


@pytest.mark.parametrize("call,name", [
    (lambda: curvature_drift([0, 0, 0], [1, 0, 0], 1.0, "p+"), "B"),
    (lambda: curvature_drift([0, 0, 1], [1, 0], 1.0, "p+"), "curvature"),
    (lambda: curvature_drift([0, 0, 1], [1, 0, 0], np.nan, "p+"), "v_par"),
    (lambda: curvature_drift([0, 0, 1], [1, 0, 0], 1.0), "particle"),
    (lambda: curvature_drift([0, 0, 1], [1, 0, 0], 1.0, q=0.0, m=1.0), "q"),
    (lambda: curvature_drift(np.ones((2, 3)), np.ones((3, 3)), 1.0, "p+"), "B, curvature"),
    (lambda: gradB_curvature_drift([0, 0, 1], [np.inf, 0, 0], 1.0, 1.0, "p+"), "grad_B"),
    (lambda: gradB_curvature_drift([0, 0, 1], [1, 0, 0], 1.0, -1.0, "p+"), "v_perp"),
    (lambda: gradB_curvature_drift([0, 0, 1], [1, 0, 0], 1.0, 1.0, "p+", m=-1.0), "m"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
