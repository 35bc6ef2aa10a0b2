"""E x B, force, gravitational and grad-B drifts: cited cases, broadcasting, bad input."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import ExB_drift, force_drift, gradB_drift, gravitational_drift


def test_exb_textbook_case():
    # Chen sec. 2.2.2: E = 1 mV/m along y, B = 50 uT along z: |v_E| = E/B = 20 m/s along x
    v = ExB_drift([0, 1e-3, 0], [0, 0, 5e-5])
    assert v == pytest.approx([20.0, 0.0, 0.0], abs=1e-12)


def test_exb_ignores_the_parallel_field_and_the_particle():
    assert ExB_drift([0, 1e-3, 7.0], [0, 0, 5e-5]) == pytest.approx([20.0, 0.0, 0.0], rel=1e-15)


def test_force_drift_reduces_to_exb_and_gravity():
    E, B = np.array([0.3, -1.2, 0.5]), np.array([1e-5, 2e-5, -4e-5])
    # same formula, computed two ways; 1e-15 is double rounding
    assert force_drift(constants.e * E, B, "p+") == pytest.approx(ExB_drift(E, B), rel=1e-14)
    g = np.array([0, 0, -9.81])
    assert gravitational_drift(g, B, "p+") == pytest.approx(
        force_drift(constants.m_p * g, B, "p+"), rel=1e-14)
    # opposite charges drift in opposite directions
    assert np.dot(gravitational_drift(g, B, "e-"), gravitational_drift(g, B, "p+")) < 0


def test_gradB_direction_and_size():
    # B along z, |B| increasing along x: ions drift along B x grad B = -y ... (z x x = y)
    B, grad = [0, 0, 1e-5], [1e-12, 0, 0]
    v_ion = gradB_drift(B, grad, 1e5, "p+")
    v_electron = gradB_drift(B, grad, 1e5, "e-")
    expected = constants.m_p * 1e10 / (2 * constants.e * 1e-15) * 1e-5 * 1e-12
    assert v_ion == pytest.approx([0, expected, 0], rel=1e-14)
    assert v_electron[1] < 0


@pytest.mark.parametrize("batch", [(4,), (2, 3), (2, 1, 5)])
def test_vectors_broadcast_on_leading_axes(batch):
    rng = np.random.default_rng(7)
    E = rng.normal(size=batch + (3,))
    B = rng.normal(size=(3,)) * 1e-5
    out = ExB_drift(E, B)
    assert out.shape == batch + (3,)
    assert out.reshape(-1, 3)[-1] == pytest.approx(ExB_drift(E.reshape(-1, 3)[-1], B))
    # r_L/L_B ~ 1e-6: well inside the ordering
    v = gradB_drift(B, rng.normal(size=batch + (3,)) * 1e-12, np.full(batch, 1e4), "p+")
    assert v.shape == batch + (3,)


@pytest.mark.parametrize("call,name", [
    (lambda: ExB_drift([0, 1, 0], [0, 0, 0]), "B"),
    (lambda: ExB_drift([0, 1], [0, 0, 1]), "E"),
    (lambda: ExB_drift([0, np.inf, 0], [0, 0, 1]), "E"),
    (lambda: ExB_drift(np.ones((2, 3)), np.ones((3, 3))), "E, B"),
    (lambda: force_drift([1, 0, 0], [0, 0, 1]), "particle"),
    (lambda: gradB_drift([0, 0, 1], [1, 0, 0], -5.0, "p+"), "v_perp"),
    (lambda: gravitational_drift([0, 0, 1], [0, 0, 1], q=1.0, m=0.0), "m"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
