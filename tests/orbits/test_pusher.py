"""The Boris pusher against analytic orbits, its invariants, both paths, and bad input."""

import math

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.numeric import ExB_drift, gyrofrequency, gyroradius
from guidingcenter.orbits import (
    CosineE, DipoleField, MirrorField, RampedE, SlabGradient, ToroidalField, UniformField,
    boris_dt, numba_available, trace)
from guidingcenter.orbits.initial import launch, speed_of
from guidingcenter.units import MeV, eV, keV

B0 = 1e-5
needs_numba = pytest.mark.skipif(not numba_available(), reason="numba not installed")


def _centre(orbit, B):
    """Centre of gyration of the first sample in a uniform B (no E): x + gamma m v x B/(qB^2)."""
    u = orbit.proper_velocities[..., 0, :]
    return orbit.positions[..., 0, :] + orbit.m / orbit.q * np.cross(u, B) / (B @ B)


@pytest.mark.parametrize("particle, energy", [("p+", 1 * keV), ("e-", 1 * MeV)])
def test_uniform_field_radius_and_frequency(particle, energy):
    # Drift-kick-drift Boris in uniform B: every sample lies on the exact Larmor circle
    # (radius gamma m v_perp/|q|B) and the velocity turns by 2 arctan(Omega dt/2) a step.
    B = np.array([0.0, 0.0, B0])
    q, m = (constants.e, constants.m_p) if particle == "p+" else (-constants.e, constants.m_e)
    v, gamma = speed_of(energy, m)
    velocity = [v * 0.8, 0.0, v * 0.6]
    omega = float(gyrofrequency(B0, particle, v=v))
    dt = 0.37 / omega                      # deliberately not a divisor of the period
    orbit = trace([0, 0, 0], velocity, particle, UniformField([0, 0, 0], B), 300 * dt, dt=dt,
                  backend="numpy")
    radius = np.linalg.norm((orbit.positions - _centre(orbit, B))[:, :2], axis=-1)
    expected = float(gyroradius(B0, 0.8 * v, particle, v_par=0.6 * v))
    # round-off only: ~300 steps of ~1e-16 each
    assert np.max(np.abs(radius / expected - 1)) < 1e-12
    angle = np.unwrap(np.arctan2(orbit.velocities[:, 1], orbit.velocities[:, 0]))
    steps = np.arange(len(angle))
    sense = -np.sign(q)                    # ions turn clockwise seen along B
    phase_error_free = sense * steps * 2 * np.arctan(omega * dt / 2)
    assert np.max(np.abs(angle - angle[0] - phase_error_free)) < 1e-11
    # the scheme's phase error is real: the exact frequency would be off by 0.4 % here
    assert abs(2 * np.arctan(omega * dt / 2) / (omega * dt) - 1) > 1e-3
    # the parallel motion is uniform
    assert np.allclose(np.diff(orbit.positions[:, 2]), 0.6 * v * dt, rtol=1e-13)


def test_boris_dt_makes_whole_gyrations():
    orbit = trace([0, 0, 0], [1e5, 0, 0], "p+", UniformField([0, 0, 0], [0, 0, B0]),
                  duration=1.0, steps_per_gyration=16, backend="numpy")
    # after 16 steps the velocity is back where it started (to round-off)
    assert np.allclose(orbit.velocities[16], orbit.velocities[0], rtol=0, atol=1e-9)
    assert not np.allclose(orbit.velocities[15], orbit.velocities[0], rtol=0, atol=1.0)


def test_energy_conserved_to_round_off_without_E():
    field = DipoleField()
    x, v = launch([4 * constants.R_E, 0, 0], 1 * MeV, 0.5, "p+", field, phases=3,
                  reference=[0, 1, 0])
    orbit = trace(x, v, "p+", field, 4.0, steps_per_gyration=16, B_max=2e-6, backend="numpy")
    energy = orbit.kinetic_energy()
    assert energy.shape == (3, len(orbit.times))
    # the magnetic rotation keeps |u|: round-off over ~8000 steps (a random walk of 1e-16)
    assert np.max(np.abs(energy / energy[:, :1] - 1)) < 1e-12
    assert np.allclose(energy[:, 0], 1 * MeV, rtol=1e-12)


def test_exb_drift_of_a_gyrating_particle():
    # uniform E x B: after whole numerical gyrations the displacement is v_E t (a slow
    # proton: the relativistic correction to the gyration-averaged drift is ~beta^2 ~ 2e-8)
    E, B = np.array([0.0, 1e-3, 0.0]), np.array([0.0, 0.0, B0])
    v = speed_of(10 * eV, constants.m_p)[0]
    orbit = trace([0, 0, 0], [v, 0, 0], "p+", UniformField(E, B), duration=1.0,
                  steps_per_gyration=32, backend="numpy")
    period = 32
    n = (len(orbit.times) - 1) // period * period
    drift = (orbit.positions[n] - orbit.positions[0]) / (orbit.times[n] - orbit.times[0])
    expected = ExB_drift(E, B)
    assert np.linalg.norm(drift - expected) / np.linalg.norm(expected) < 1e-7
    # a factor 2 in E would be seen
    assert np.linalg.norm(drift - 2 * expected) / np.linalg.norm(expected) > 0.9


def test_constant_force_is_an_electric_field():
    F = np.array([1e-22, 0.0, 0.0])
    field = UniformField([0, 0, 0], [0, 0, B0])
    with_force = trace([0, 0, 0], [1e5, 0, 0], "p+", field, 0.05, force=F, backend="numpy")
    as_E = trace([0, 0, 0], [1e5, 0, 0], "p+", UniformField(F / constants.e, [0, 0, B0]),
                 0.05, backend="numpy")
    assert np.array_equal(with_force.positions, as_E.positions)
    callable_force = trace([0, 0, 0], [1e5, 0, 0], "p+", field, 0.05,
                           force=lambda x, t: np.broadcast_to(F, x.shape), backend="numpy")
    assert np.array_equal(callable_force.positions, as_E.positions)


def test_user_callable_field_matches_ready_field():
    ready = MirrorField(B0, 1e6)
    x, v = launch([0, 0, 0], 1 * keV, 0.7, "p+", ready, phases=2)
    a = trace(x, v, "p+", ready, 0.2, backend="numpy")
    b = trace(x, v, "p+", lambda pos, t: ready(pos, t), 0.2, backend="numpy")
    assert np.allclose(a.positions, b.positions, rtol=1e-14, atol=0)


def test_batch_shapes_and_broadcasting():
    field = UniformField([0, 0, 0], [0, 0, B0])
    orbit = trace(np.zeros((2, 3, 3)), [1e5, 0, 0], "p+", field, 0.02, save_every=3,
                  backend="numpy")
    assert orbit.positions.shape == (2, 3, len(orbit.times), 3)
    assert orbit.velocities.shape == orbit.positions.shape
    assert orbit.stopped.shape == (2, 3)
    assert np.allclose(np.diff(orbit.times), 3 * orbit.dt)


def test_stop_radius_freezes_particles():
    field = UniformField([0, 0, 0], [0, 0, B0])
    orbit = trace([[10.0, 0, 0], [1e6, 0, 0]], [[-1e5, 0, 0], [0, 1e5, 0]], "p+", field,
                  1e-3, dt=1e-6, stop_radius=5.0, backend="numpy")
    assert orbit.stopped.tolist() == [True, False]
    frozen = orbit.positions[0, -1]
    assert np.linalg.norm(frozen) < 5.0
    assert np.array_equal(orbit.positions[0, -2], frozen)


def _every_field():
    return [
        UniformField([1e-4, 2e-4, 0], [1e-6, 0, B0]),
        SlabGradient(B0, 3e6),
        ToroidalField(B0, 2e6),
        MirrorField(B0, 1e6),
        DipoleField(),
        RampedE([0, 0, B0], [1e-3, 0, 0], 5.0),
        RampedE([0, 0, B0], [1e-3, 0, 0], 0.0),
        CosineE([1e-3, 0, 0], [1e-6, 0, 0], [0, 0, B0]),
    ]


@needs_numba
@pytest.mark.parametrize("field", _every_field(), ids=lambda f: type(f).__name__)
def test_numba_matches_numpy(field):
    centre = [4 * constants.R_E, 0, 0] if isinstance(field, DipoleField) else [2e6, 1e5, 0]
    x, v = launch(centre, 10 * keV, 1.0, "p+", field, phases=3)
    kwargs = dict(duration=0.3, steps_per_gyration=16, save_every=2, force=[1e-24, 0, 0],
                  stop_radius=1.0)
    a = trace(x, v, "p+", field, backend="numpy", **kwargs)
    b = trace(x, v, "p+", field, backend="numba", **kwargs)
    # the same arithmetic compiled: equal to round-off (observed: bit for bit)
    assert np.allclose(a.positions, b.positions, rtol=1e-13, atol=0)
    assert np.allclose(a.proper_velocities, b.proper_velocities, rtol=1e-13, atol=1e-12)


def test_fields_are_what_they_say():
    # the mirror field is a vacuum field: divergence and curl vanish (central differences,
    # truncation ~h^2 on a quadratic field: exact up to round-off of 1e-6 relative)
    field = MirrorField(B0, 1e5)
    point, h = np.array([2e4, -1e4, 3e4]), 1.0
    jac = np.empty((3, 3))
    for j in range(3):
        step = np.zeros(3)
        step[j] = h
        jac[:, j] = (field(point + step)[1] - field(point - step)[1]) / (2 * h)
    scale = B0 / 1e5
    assert abs(np.trace(jac)) < 1e-6 * scale
    assert np.max(np.abs(jac - jac.T)) < 1e-6 * scale
    # toroidal |B| = B0 R0/R, dipole strength against the generated numeric function
    _, B = ToroidalField(B0, 2e6)([[3e6, 4e6, 7.0]])
    assert np.isclose(np.linalg.norm(B), B0 * 2e6 / 5e6, rtol=1e-15)
    from guidingcenter.numeric import dipole_field_strength
    lam, L = 0.4, 3.0
    r = L * constants.R_E * math.cos(lam)**2
    _, B = DipoleField()([r * math.cos(lam), 0, r * math.sin(lam)])
    assert np.isclose(np.linalg.norm(B), float(dipole_field_strength(L, lam)), rtol=1e-14)
    E, _ = RampedE([0, 0, B0], [2.0, 0, 0], 0.0)([0, 0, 0], 3.0)
    assert E.tolist() == [6.0, 0.0, 0.0]


@pytest.mark.parametrize("kwargs, name", [
    (dict(position=[0, 0], velocity=[1, 0, 0]), "position"),
    (dict(velocity=[3e8, 0, 0]), "velocity"),
    (dict(field=None), "field"),
    (dict(duration=-1.0), "duration"),
    (dict(dt=0.0), "dt"),
    (dict(save_every=0), "save_every"),
    (dict(backend="fortran"), "backend"),
    (dict(particle="muon"), "particle"),
    (dict(force=[1, 2]), "force"),
    (dict(stop_radius=-1.0), "stop_radius"),
    (dict(steps_per_gyration=2), "steps_per_gyration"),
])
def test_bad_input_names_the_argument(kwargs, name):
    arguments = dict(position=[0, 0, 0], velocity=[1e5, 0, 0], particle="p+",
                     field=UniformField([0, 0, 0], [0, 0, B0]), duration=1e-3)
    arguments.update(kwargs)
    with pytest.raises(ValueError, match=f"^{name}:"):
        trace(**arguments)


@needs_numba
def test_numba_refuses_what_it_cannot_compile():
    with pytest.raises(ValueError, match="^backend:"):
        trace([0, 0, 0], [1e5, 0, 0], "p+", lambda x, t: (0 * x, 0 * x + [0, 0, B0]), 1e-3,
              backend="numba")
    # auto falls back to NumPy for a user field
    orbit = trace([0, 0, 0], [1e5, 0, 0], "p+",
                  lambda x, t: (np.zeros_like(x), np.zeros_like(x) + [0, 0, B0]), 1e-3,
                  dt=1e-5)
    assert orbit.positions.shape[-1] == 3


def test_boris_dt_checks_and_formula():
    dt = boris_dt(B0, 1e5, "p+", steps_per_gyration=8)
    omega = constants.e * B0 / constants.m_p        # gamma - 1 ~ 6e-8: below the tolerance
    assert np.isclose(dt, 2 / omega * math.tan(math.pi / 8), rtol=1e-7)
    with pytest.raises(ValueError, match="^B:"):
        boris_dt(0.0, 1e5)
    with pytest.raises(ValueError, match="^speed:"):
        boris_dt(B0, constants.c)


@needs_numba
def test_compiled_cache_key_is_current(monkeypatch):
    # numba's on-disk cache is keyed on _compiled.py alone: after editing a kernel or the
    # step, set _compiled.SOURCES to the new hash, so that the loop is compiled afresh
    from guidingcenter.orbits import _compiled, fields
    assert _compiled.SOURCES == _compiled.sources_hash(), (
        f"update SOURCES in orbits/_compiled.py to {_compiled.sources_hash()!r}")
    # an edited kernel changes the hash
    monkeypatch.setattr(fields, "KERNELS", fields.KERNELS[:-1] + (fields.uniform_kernel,))
    assert _compiled.sources_hash() != _compiled.SOURCES
