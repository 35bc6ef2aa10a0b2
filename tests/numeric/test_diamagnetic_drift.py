"""Diamagnetic drift and current: Chen's isothermal form, charge independence, refusals."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import diamagnetic_current_density, diamagnetic_drift

k_B = 1.380_649e-23       # J/K (exact, 2019 SI)


def test_chen_isothermal_plasma():
    # Chen eq. (3.70): p = n k T gives v_D = (k T/(q B)) (z x grad n)/n for B along z.
    # Density falling along x over Lambda = 1000 km, T = 1 eV, B = 10 nT, n = 1e6 m^-3:
    # |v_D| = k T/(e B Lambda) = 100 m/s; ions drift along z x (-x) = -y, electrons +y
    T, B, n, Lam = constants.e / k_B, 1e-8, 1e6, 1e6
    grad_p = [-n * k_B * T / Lam, 0.0, 0.0]
    expected = k_B * T / (constants.e * B * Lam)
    # a handful of roundings: 1e-15
    assert diamagnetic_drift([0, 0, B], grad_p, n, "p+") == pytest.approx(
        [0, -expected, 0], rel=1e-15)
    assert diamagnetic_drift([0, 0, B], grad_p, n, "e-") == pytest.approx(
        [0, expected, 0], rel=1e-15)
    assert expected == pytest.approx(100.0, rel=1e-15)
    # the mass does not enter: an oxygen ion drifts like a proton
    assert np.array_equal(diamagnetic_drift([0, 0, B], grad_p, n, "O+"),
                          diamagnetic_drift([0, 0, B], grad_p, n, "p+"))


def test_current_is_the_sum_over_species_and_independent_of_charge():
    rng = np.random.default_rng(4)
    B = rng.normal(size=(5, 3)) * 1e-8
    grad_i, grad_e = rng.normal(size=(2, 5, 3)) * 1e-15
    n = 1e6
    current = constants.e * n * diamagnetic_drift(B, grad_i, n, "p+") \
        - constants.e * n * diamagnetic_drift(B, grad_e, n, "e-")
    # a few roundings on each side; subtraction of terms of like size: 1e-14
    assert diamagnetic_current_density(B, grad_i + grad_e) == pytest.approx(current, rel=1e-14)
    # along B x grad p; a parallel pressure gradient carries no current
    assert diamagnetic_current_density([0, 0, 1e-8], [0, 0, 1e-12]).tolist() == [0, 0, 0]


def test_a_drift_at_or_above_c_is_refused():
    with pytest.raises(ValueError, match="^B, grad_p, n: .*at or above"):
        diamagnetic_drift([0, 0, 1e-9], [1.0, 0, 0], 1.0, "p+")


@pytest.mark.parametrize("call, name", [
    (lambda: diamagnetic_drift([0, 0, 0], [1e-15, 0, 0], 1e6, "p+"), "B"),
    (lambda: diamagnetic_drift([0, 0, 1e-8], [1e-15, 0, 0], 0.0, "p+"), "n"),
    (lambda: diamagnetic_drift([0, 0, 1e-8], [1e-15, 0], 1e6, "p+"), "grad_p"),
    (lambda: diamagnetic_current_density([0, 0, 1e-8], "1e-15"), "grad_p"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
