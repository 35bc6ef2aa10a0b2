"""Drift current density: cited case, both species adding, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import drift_current_density, gradB_curvature_drift

e, m_p, m_e = constants.e, constants.m_p, constants.m_e
# Same formula evaluated two ways in double precision (a handful of operations, no
# approximation): agreement to 1e-14 relative, a few ulps; 1e-13 where B_E, R_E and
# energies are rounded on both sides.
RTOL = 1e-14


def test_current_is_n_q_v_summed_over_species():
    # j = n e v_i + n (-e) v_e with the drifts of the same field (Chen sec. 2.3.3)
    B, grad = np.array([1e-5, -3e-5, 2e-5]), np.array([2e-12, 1e-12, -4e-12])
    n, vpi, vqi, vpe, vqe = 3e6, 2e5, -1e5, 4e6, 3e6
    v_i = gradB_curvature_drift(B, grad, vqi, vpi, "p+")
    v_e = gradB_curvature_drift(B, grad, vqe, vpe, "e-")
    assert drift_current_density(B, grad, n, vpi, vqi, vpe, vqe) == pytest.approx(
        n * e * (v_i - v_e), rel=RTOL)


def test_ring_current_of_equatorial_particles():
    # German lecture 004 "Ringstrom": at the dipole equator (L = 4, B = B_E/L^3 along +z,
    # |grad B| = 3B/r towards the Earth) equatorially mirroring particles carry
    # j = n (W_perp,i + W_perp,e) |B x grad B| / B^3 = 3 n (W_i + W_e)/(B r), westward (-y).
    L, n = 4.0, 1e6
    W_i, W_e = 50e3 * constants.eV, 10e3 * constants.eV
    r, B = L * constants.R_E, constants.B_E / L**3
    j = drift_current_density([0, 0, B], [-3 * B / r, 0, 0], n, np.sqrt(2 * W_i / m_p), 0.0,
                              np.sqrt(2 * W_e / m_e), 0.0)
    assert j == pytest.approx([0, -3 * n * (W_i + W_e) / (B * r), 0], rel=1e-13)


def test_electrons_add_to_the_ion_current():
    # The notes' formula subtracts the electron terms; the electrons' drift is opposite
    # and so is their charge, so they carry current the same way as the ions.
    B, grad = [0, 0, 1e-6], [-1e-13, 0, 0]
    ions_only = drift_current_density(B, grad, 1e6, 1e6, 5e5, 0.0, 0.0)
    electrons_only = drift_current_density(B, grad, 1e6, 0.0, 0.0, 1e7, 5e6)
    assert ions_only[1] < 0 and electrons_only[1] < 0
    both = drift_current_density(B, grad, 1e6, 1e6, 5e5, 1e7, 5e6)
    assert both == pytest.approx(ions_only + electrons_only, rel=RTOL)


def test_ion_mass_default_and_override():
    B, grad = [0, 0, 1e-6], [-1e-13, 0, 0]
    args = (B, grad, 1e6, 1e5, 0.0, 0.0, 0.0)
    default = drift_current_density(*args)
    assert drift_current_density(*args, m_i=m_p, m_e=m_e) == pytest.approx(default, rel=0)
    # O+ at the same speeds: sixteen times the proton mass, sixteen times the current
    assert drift_current_density(*args, m_i=16 * m_p) == pytest.approx(16 * default,
                                                                       rel=RTOL)


@pytest.mark.parametrize("batch", [(5,), (2, 3), (2, 1, 4)])
def test_broadcasting(batch):
    rng = np.random.default_rng(3)
    B = rng.normal(size=(3,)) * 1e-6
    grad = rng.normal(size=batch + (3,)) * 1e-13
    n = rng.uniform(1e5, 1e7, size=batch)
    out = drift_current_density(B, grad, n, 1e5, 2e5, 1e6, -3e6)
    assert out.shape == batch + (3,)
    assert out.reshape(-1, 3)[-1] == pytest.approx(drift_current_density(
        B, grad.reshape(-1, 3)[-1], n.reshape(-1)[-1], 1e5, 2e5, 1e6, -3e6), rel=RTOL)


@pytest.mark.parametrize("call,name", [
    (lambda: drift_current_density([0, 0, 0], [1, 0, 0], 1, 1, 1, 1, 1), "B"),
    (lambda: drift_current_density([0, 0, 1], [1, 0], 1, 1, 1, 1, 1), "grad_B"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], -1, 1, 1, 1, 1), "n"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, -1, 1, 1, 1), "v_perp_i"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, 1, np.inf, 1, 1), "v_par_i"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, 1, 1, -1, 1), "v_perp_e"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, 1, 1, 1, "x"), "v_par_e"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, 1, 1, 1, 1, m_i=0.0), "m_i"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], 1, 1, 1, 1, 1, m_e=-1.0), "m_e"),
    (lambda: drift_current_density([0, 0, 1], [1, 0, 0], np.ones(2), np.ones(3), 1, 1, 1),
     "B, grad_B"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
