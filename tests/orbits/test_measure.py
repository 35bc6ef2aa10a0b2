"""The guiding-centre measurements on synthetic orbits whose answers are known exactly."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.orbits import Orbit, UniformField, measure
from guidingcenter.orbits.initial import launch

B = np.array([0.0, 0.0, 1e-5])
q, m = constants.e, constants.m_p


def _orbit(times, positions, proper_velocities, field=None):
    batch = positions.shape[:-2]
    return Orbit(times, positions, proper_velocities, q, m,
                 field or UniformField([0, 0, 0], B), None, times[1] - times[0],
                 np.zeros(batch, dtype=bool))


def _gyrating(drift, n=400, turns=5.3, u_perp=1e5):
    """Ion gyration (clockwise about z) whose first-order guiding centre moves at ``drift``."""
    omega = q * B[2] / m
    t = np.linspace(0, turns * 2 * np.pi / omega, n)
    u = np.zeros((n, 3))
    u[:, 0], u[:, 1] = u_perp * np.cos(omega * t), -u_perp * np.sin(omega * t)
    centre = np.array([1.0, 2.0, 3.0]) + np.outer(t, drift)
    x = centre - m / q * np.cross(u, B) / (B @ B)
    return _orbit(t, x, u)


def test_interpolation_and_crossings_are_exact_on_cubics():
    t = np.linspace(0, 2, 21)
    cubic = (t - 0.731) * (t**2 + 1)                       # one real root at 0.731
    assert np.allclose(measure.upward_crossings(t, cubic), [0.731], rtol=0, atol=1e-14)
    assert np.allclose(measure.interpolate(t, t**3 - t, [0.05, 1.234, 1.99]),
                       np.array([0.05, 1.234, 1.99])**3 - [0.05, 1.234, 1.99], atol=1e-14)
    # a sine sampled 20 times a period: the cubic locates its zeros to ~1e-6 of a period
    t = np.linspace(0, 30, 601)
    assert np.allclose(measure.upward_crossings(t, np.sin(2 * np.pi * t / 6.0 - 1.0)),
                       6.0 * (1.0 / (2 * np.pi) + np.arange(5)), atol=1e-5)
    assert measure.upward_crossings(t, np.ones_like(t)).size == 0


def test_gyro_averaged_drift_recovers_the_drift():
    drift = np.array([3.0, -2.0, 0.5])
    measured = measure.gyro_averaged_drift(_gyrating(drift))
    # the guiding centre is linear in t: exact up to round-off on positions of ~1e5 m
    assert np.allclose(measured, drift, rtol=0, atol=1e-8)
    # it sees a drift twice as large, and a batch
    both = _gyrating(2 * drift)
    batch = _orbit(both.times, np.stack([both.positions, _gyrating(drift).positions]),
                   np.stack([both.proper_velocities] * 2))
    assert np.allclose(measure.gyro_averaged_drift(batch), [2 * drift, drift], atol=1e-8)


def test_gyro_averaged_drift_needs_a_whole_gyration():
    with pytest.raises(ValueError, match="^orbit:"):
        measure.gyro_averaged_drift(_gyrating(np.zeros(3), turns=0.9))


def _bouncing(n=4001, bounces=3.4, tau_b=2.0, tau_d=90.0, lam_m=0.5, r=2e7):
    """A guiding centre at rest gyration-wise: latitude lam_m sin(2 pi t/tau_b), drifting."""
    t = np.linspace(0, bounces * tau_b, n)
    lam = lam_m * np.sin(2 * np.pi * t / tau_b)
    phi = -2 * np.pi * t / tau_d + 0.02 * np.sin(4 * np.pi * t / tau_b + 0.3)
    radius = r * np.cos(lam)**2
    x = np.stack([radius * np.cos(lam) * np.cos(phi), radius * np.cos(lam) * np.sin(phi),
                  radius * np.sin(lam)], axis=-1)
    return _orbit(t, x, np.zeros_like(x))            # u = 0: guiding centre = position


def test_dipole_helpers_on_a_synthetic_bounce():
    orbit = _bouncing()
    # crossings are exact up to the cubic interpolation (2000 samples a bounce)
    assert np.isclose(measure.bounce_period(orbit), 2.0, rtol=1e-10)
    # the bounce-periodic wobble of the azimuth is fitted away; westward drift, positive period
    assert np.isclose(measure.drift_period(orbit), 90.0, rtol=1e-9)
    # parabola through the top three samples: error ~ (2 pi dt/tau_b)^2 ~ 1e-5 of lam_m, less
    # at the vertex
    assert np.isclose(measure.mirror_latitude(orbit), 0.5, rtol=1e-7)
    # each can fail: another bounce period, drift, latitude is seen as such
    other = _bouncing(tau_b=2.2, tau_d=45.0, lam_m=0.6)
    assert np.isclose(measure.bounce_period(other), 2.2, rtol=1e-10)
    assert np.isclose(measure.drift_period(other), 45.0, rtol=1e-9)
    assert np.isclose(measure.mirror_latitude(other), 0.6, rtol=1e-7)


def test_dipole_helpers_need_whole_bounces():
    with pytest.raises(ValueError, match="^orbit:"):
        measure.bounce_period(_bouncing(bounces=1.5))
    with pytest.raises(ValueError, match="^orbit:"):
        measure.drift_period(_bouncing(bounces=1.5))


def test_closest_approach_and_lost():
    t = np.linspace(-1, 1, 201)
    x = np.zeros((2, 201, 3))
    # r^2 quadratic in t (the parabola is fitted to r^2): exact, minimum between samples
    x[0, :, 0] = np.sqrt(7e6**2 + 3e12 * (t - 0.0123)**2)
    x[1, :, 0] = np.sqrt(6e6**2 + 3e12 * t**2)
    orbit = _orbit(t, x, np.zeros_like(x))
    assert np.allclose(measure.closest_approach(orbit), [7e6, 6e6], rtol=1e-14)
    assert measure.lost(orbit, constants.R_E).tolist() == [False, True]
    assert measure.lost(orbit, constants.R_E, guiding_centre=True).tolist() == [False, True]
    with pytest.raises(ValueError, match="^radius:"):
        measure.lost(orbit, -1.0)


def test_launch_ring_shares_its_guiding_centre():
    field = UniformField([0, 0, 0], B)
    x, v = launch([5.0, 0, 0], 1e-16, 1.0, "p+", field, phases=6)
    u = v / np.sqrt(1 - np.sum(v**2, axis=-1, keepdims=True) / constants.c**2)
    centres = x + m / q * np.cross(u, B) / (B @ B)
    assert np.allclose(centres, [5.0, 0, 0], rtol=0, atol=1e-9)
    pitch = np.arccos(v[:, 2] / np.linalg.norm(v, axis=-1))
    assert np.allclose(pitch, 1.0, rtol=1e-12)
    assert np.allclose(np.mean(v[:, :2], axis=0), 0, atol=1e-9)   # phases equally spaced
    with pytest.raises(ValueError, match="^pitch_angle:"):
        launch([0, 0, 0], 1e-16, 4.0, "p+", field)
    with pytest.raises(ValueError, match="^energy:"):
        launch([0, 0, 0], -1.0, 1.0, "p+", field)
