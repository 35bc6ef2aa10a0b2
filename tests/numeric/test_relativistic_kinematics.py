"""Kinetic energy, momentum, Lorentz factor and speed: published values, round trips, limits."""

import math

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import (
    energy_to_gamma, energy_to_momentum, energy_to_speed, gamma_to_energy, momentum_to_energy,
    momentum_to_speed, speed_to_energy, speed_to_gamma, speed_to_momentum)
from guidingcenter.units import MeV

c = constants.c
# CODATA 2022 rest energies (MeV): the published values the constants must reproduce
# to their 11 digits
REST_ENERGY = {"e-": 0.510_998_950_69, "p+": 938.272_089_43}


@pytest.mark.parametrize("particle", ["e-", "p+"])
def test_rest_energy_is_the_codata_value(particle):
    # gamma = 2 means W = m c^2: CODATA's rest energy (11 digits: 1e-11)
    assert gamma_to_energy(2.0, particle) / MeV == pytest.approx(REST_ENERGY[particle],
                                                                 rel=1e-11)


@pytest.mark.parametrize("particle", ["e-", "p+"])
def test_kinetic_energy_equal_to_the_rest_energy(particle):
    # exact: gamma = 2, beta = sqrt(3)/2, p = sqrt(3) m c; a few roundings: 1e-15
    _, m = {"e-": (0, constants.m_e), "p+": (0, constants.m_p)}[particle]
    W = m * c**2
    assert energy_to_gamma(W, particle) == pytest.approx(2.0, rel=1e-15)
    assert energy_to_speed(W, particle) == pytest.approx(math.sqrt(3) / 2 * c, rel=1e-15)
    assert energy_to_momentum(W, particle) == pytest.approx(math.sqrt(3) * m * c, rel=1e-15)
    assert speed_to_gamma(math.sqrt(3) / 2 * c) == pytest.approx(2.0, rel=1e-15)


def test_round_trips_over_twenty_decades():
    # from 1e-10 eV (where a textbook form loses every digit) to 1e10 eV; each
    # conversion is a few correctly rounded operations: 4e-15
    W = np.logspace(-10, 10, 201) * constants.eV
    for particle in ("e-", "p+", "O+"):
        assert momentum_to_energy(energy_to_momentum(W, particle), particle) == \
            pytest.approx(W, rel=4e-15)
        v = energy_to_speed(W, particle)
        assert speed_to_momentum(v, particle) == pytest.approx(
            energy_to_momentum(W, particle), rel=4e-15)
        assert momentum_to_speed(energy_to_momentum(W, particle), particle) == \
            pytest.approx(v, rel=4e-15)
    low = W[:100]                        # below 1 eV: v and W invert without cancellation
    assert speed_to_energy(energy_to_speed(low, "e-"), "e-") == pytest.approx(low, rel=4e-15)


def test_the_textbook_subtraction_would_fail():
    # at 1e-10 eV an electron's gamma - 1 = 2e-16 is one ulp of gamma: (gamma - 1) m c^2
    # is off by 13 %; the cancellation-free forms are needed
    W = 1e-10 * constants.eV
    gamma = energy_to_gamma(W, "e-")
    assert abs((gamma - 1) * constants.m_e * c**2 / W - 1) > 0.1
    assert speed_to_energy(energy_to_speed(W, "e-"), "e-") == pytest.approx(W, rel=4e-15)


def test_newtonian_limits():
    W = 1 * constants.eV                 # W/(m c^2) = 2e-6 for an electron
    v = energy_to_speed(W, "e-")
    assert v == pytest.approx(math.sqrt(2 * W / constants.m_e), rel=2e-6)   # O(W/mc^2)
    assert v != pytest.approx(math.sqrt(2 * W / constants.m_e), rel=1e-7)   # and visible


def test_ultrarelativistic_speed_rounds_to_c_without_error():
    # a 1e20 eV proton moves at c to double precision (two ulp): a value, not a refusal
    assert energy_to_speed(1e20 * constants.eV, "p+") == pytest.approx(c, rel=4.5e-16)


@pytest.mark.parametrize("call, name", [
    (lambda: energy_to_gamma(-1.0, "e-"), "energy"),
    (lambda: speed_to_gamma(c), "v"),
    (lambda: speed_to_energy(1.5 * c, "e-"), "v"),
    (lambda: gamma_to_energy(0.5, "e-"), "gamma"),
    (lambda: momentum_to_speed(-1e-21, "e-"), "p"),
    (lambda: energy_to_speed(1 * MeV, "neutron"), "particle"),
])
def test_bad_input_names_the_argument(call, name):
    with pytest.raises(ValueError, match=f"^{name}"):
        call()
