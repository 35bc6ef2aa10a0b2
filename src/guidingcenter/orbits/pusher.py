r"""Relativistic full-orbit integration: the Boris pusher and the traced orbit.

:func:`trace` integrates the Lorentz force

.. math::

    \frac{d\vec u}{dt} = \frac{q}{m}\left(\vec E + \frac{\vec u}{\gamma}\times\vec B\right)
    + \frac{\vec F}{m},\qquad \frac{d\vec x}{dt} = \frac{\vec u}{\gamma},\qquad
    \gamma = \left(1 + u^2/c^2\right)^{1/2},

for the proper velocity :math:`\vec u = \gamma\vec v`, with the relativistic
Boris scheme in its drift-kick-drift form (positions and velocities at the same
times): half a step of drift :math:`\vec x \mathrel{+}= \tfrac{\Delta t}{2}\vec u/\gamma`,
then at the mid-point a kick

.. math::

    \vec u^- = \vec u + h\vec E,\quad \vec t = \frac{h\vec B}{\gamma^-},\quad
    \vec u' = \vec u^- + \vec u^-\times\vec t,\quad
    \vec u^+ = \vec u^- + \frac{2\,\vec u'\times\vec t}{1 + t^2},\quad
    \vec u \leftarrow \vec u^+ + h\vec E,\qquad h = \frac{q\Delta t}{2m}

(E includes any other force as :math:`\vec F/q`), then the second half drift.
The scheme is second order, time-symmetric and volume-preserving; the magnetic
rotation keeps :math:`|\vec u|`, so with E = 0 the energy is conserved to
round-off.  In a uniform B it turns the velocity by :math:`2\arctan(\Omega\Delta t/2)`
per step (:math:`\Omega = |q|B/\gamma m`): the gyroradius is exact and the
gyrofrequency is :math:`(2/\Delta t)\arctan(\Omega\Delta t/2)`, the scheme's
known phase error.  ``steps_per_gyration=S`` chooses
:math:`\Delta t = (2/\Omega)\tan(\pi/S)`, so that one numerical gyration in the
reference field is exactly S steps.

References
----------
J. P. Boris, Proc. 4th Conf. Numerical Simulation of Plasmas (1970);
C. K. Birdsall and A. B. Langdon, *Plasma Physics via Computer Simulation*
(1991), sec. 4-4 and 15-4 (relativistic form); H. Qin et al., Phys. Plasmas
20, 084503 (2013) (volume preservation).
"""

import math

import numpy as np

from guidingcenter import constants
from guidingcenter.orbits.fields import Field
from guidingcenter.particles import charge_and_mass

__all__ = ["trace", "Orbit", "boris_dt", "numba_available"]

BACKENDS = ("auto", "numpy", "numba")


# --- one step, on components: plain arithmetic, for NumPy arrays and for numba floats ------

def gamma_of(ux, uy, uz, c):
    """Lorentz factor of the proper velocity u = gamma v."""
    return np.sqrt(1.0 + (ux * ux + uy * uy + uz * uz) / (c * c))


def half_drift(x, y, z, ux, uy, uz, gamma, half_dt):
    """Move by half a step at velocity u/gamma."""
    scale = half_dt / gamma
    return x + scale * ux, y + scale * uy, z + scale * uz


def boris_kick(ux, uy, uz, ex, ey, ez, bx, by, bz, h, c):
    """The relativistic Boris kick with h = q dt/(2m); returns (u_x, u_y, u_z, gamma).

    Self-contained (no calls), so that numba compiles it as it stands.
    """
    ux, uy, uz = ux + h * ex, uy + h * ey, uz + h * ez
    scale = h / np.sqrt(1.0 + (ux * ux + uy * uy + uz * uz) / (c * c))
    tx, ty, tz = scale * bx, scale * by, scale * bz
    px = ux + (uy * tz - uz * ty)
    py = uy + (uz * tx - ux * tz)
    pz = uz + (ux * ty - uy * tx)
    s = 2.0 / (1.0 + tx * tx + ty * ty + tz * tz)
    ux = ux + s * (py * tz - pz * ty) + h * ex
    uy = uy + s * (pz * tx - px * tz) + h * ey
    uz = uz + s * (px * ty - py * tx) + h * ez
    return ux, uy, uz, np.sqrt(1.0 + (ux * ux + uy * uy + uz * uz) / (c * c))


# --- the orbit ------------------------------------------------------------------------------

class Orbit:
    """A traced orbit: times, positions and velocities, with derived quantities on demand.

    Attributes
    ----------
    times : ndarray, shape (n,)
        Saved times, s.
    positions : ndarray, shape batch + (n, 3)
        Positions, m (one row of n per particle of the batch).
    proper_velocities : ndarray, shape batch + (n, 3)
        :math:`\\gamma\\vec v`, m/s (what the pusher advances).
    q, m : float
        Charge (C, signed) and rest mass (kg).
    field : callable
        The field the orbit was traced in.
    dt : float
        Time step, s.
    stopped : ndarray of bool, shape batch
        Particles frozen on reaching ``stop_radius`` (their last rows repeat).
    """

    def __init__(self, times, positions, proper_velocities, q, m, field, force, dt, stopped):
        self.times = times
        self.positions = positions
        self.proper_velocities = proper_velocities
        self.q, self.m, self.field, self.force, self.dt = q, m, field, force, dt
        self.stopped = stopped
        self._fields = None

    def __repr__(self):
        return (f"Orbit({self.positions.shape[:-2] or 'one particle'}, {len(self.times)} "
                f"times up to {self.times[-1]:.6g} s, dt = {self.dt:.6g} s)")

    @property
    def gamma(self):
        """Lorentz factor, shape batch + (n,)."""
        u = self.proper_velocities
        return gamma_of(u[..., 0], u[..., 1], u[..., 2], constants.c)

    @property
    def velocities(self):
        """Velocities, m/s, shape batch + (n, 3)."""
        return self.proper_velocities / self.gamma[..., None]

    def kinetic_energy(self):
        """Kinetic energy :math:`(\\gamma - 1) m c^2`, J, shape batch + (n,).

        Computed as :math:`m u^2/(\\gamma + 1)`, without cancellation at low speed.
        """
        u2 = np.sum(self.proper_velocities**2, axis=-1)
        return self.m * u2 / (self.gamma + 1.0)

    def fields(self):
        """``(E, B)`` at the saved positions and times, each shape batch + (n, 3) (cached)."""
        if self._fields is None:
            self._fields = self._evaluate_fields()
        return self._fields

    def _evaluate_fields(self):
        if isinstance(self.field, Field):       # kernels broadcast over times: one call
            x = self.positions
            parts = np.broadcast_arrays(*self.field.components(
                x[..., 0], x[..., 1], x[..., 2], self.times))
            return np.stack(parts[:3], axis=-1), np.stack(parts[3:], axis=-1)
        x = np.moveaxis(self.positions, -2, 0)            # (n, batch..., 3)
        E = np.empty_like(x)
        B = np.empty_like(x)
        for i, t in enumerate(self.times):
            E[i], B[i] = (np.broadcast_to(f, x[i].shape) for f in self.field(x[i], t))
        return np.moveaxis(E, 0, -2), np.moveaxis(B, 0, -2)

    def magnetic_moment(self):
        r"""Local magnetic moment :math:`p_\perp^2/(2mB)` at the particle, J/T, shape batch + (n,).

        The relativistic adiabatic invariant (:math:`m v_\perp^2/2B` at low
        speed), with B and the perpendicular direction taken at the particle's
        own position: it oscillates at first order in :math:`r_L/L_B` over a
        gyration.
        """
        _, B = self.fields()
        b2 = np.sum(B**2, axis=-1)
        u = self.proper_velocities
        u_par2 = np.sum(u * B, axis=-1)**2 / b2
        u_perp2 = np.sum(u**2, axis=-1) - u_par2
        return self.m * u_perp2 / (2 * np.sqrt(b2))

    def guiding_centres(self):
        r"""First-order guiding centres, m, shape batch + (n, 3).

        .. math:: \vec X = \vec x + \frac{\gamma m}{qB^2}\left(\vec v - \vec v_E\right)\times\vec B
                  = \vec x + \frac{\gamma m}{qB^2}\left(\vec v\times\vec B + \vec E_\perp\right),

        the particle's position less its Larmor vector in the local fields
        (Chen sec. 2.2); it differs from the true guiding centre by
        :math:`O(\varepsilon\,r_L)`.
        """
        E, B = self.fields()
        b2 = np.sum(B**2, axis=-1)[..., None]
        E_perp = E - np.sum(E * B, axis=-1)[..., None] * B / b2
        gyration = np.cross(self.proper_velocities, B) + self.gamma[..., None] * E_perp
        return self.positions + self.m / self.q * gyration / b2


# --- tracing ------------------------------------------------------------------------------

def boris_dt(B, speed, particle="p+", *, steps_per_gyration=32, q=None, m=None):
    r"""Time step making one Boris gyration in field B exactly ``steps_per_gyration`` steps.

    .. math:: \Delta t = \frac{2}{\Omega}\tan\frac{\pi}{S},\qquad \Omega = \frac{|q|B}{\gamma m}

    Parameters
    ----------
    B : float
        Reference field strength, T (> 0): the strongest field on the orbit.
    speed : float
        Particle speed, m/s (in [0, c)).
    particle : str
        Particle name, or give ``q`` and ``m``.
    steps_per_gyration : int
        S, at least 4.

    Examples
    --------
    >>> omega = 1e-5 * constants.e / constants.m_p      # rest-mass frequency; gamma - 1 = 6e-8
    >>> round(boris_dt(1e-5, 1e5, steps_per_gyration=4) * omega, 6)    # 2 tan(pi/4)
    2.0
    """
    q, m = charge_and_mass(particle, q, m)
    B = float(B)
    if not math.isfinite(B) or B <= 0:
        raise ValueError(f"B: reference field must be positive (T), got {B!r}")
    speed = float(speed)
    if not 0 <= speed < constants.c:
        raise ValueError(f"speed: must be in [0, c) (m/s), got {speed!r}")
    if int(steps_per_gyration) != steps_per_gyration or steps_per_gyration < 4:
        raise ValueError(f"steps_per_gyration: must be an integer >= 4, got {steps_per_gyration!r}")
    gamma = 1 / math.sqrt(1 - (speed / constants.c)**2)
    omega = abs(q) * B / (gamma * m)
    return 2 / omega * math.tan(math.pi / steps_per_gyration)


def numba_available():
    """Whether the optional numba path can run (``pip install guidingcenter[numba]``)."""
    try:
        import numba  # noqa: F401
    except ImportError:
        return False
    return True


def _state(position, velocity):
    x = np.asarray(position, dtype=float)
    v = np.asarray(velocity, dtype=float)
    for name, array in (("position", x), ("velocity", v)):
        if array.ndim == 0 or array.shape[-1] != 3:
            raise ValueError(f"{name}: must have a last axis of length 3, got shape {array.shape}")
        if not np.all(np.isfinite(array)):
            raise ValueError(f"{name}: must be finite")
    try:
        x, v = np.broadcast_arrays(x, v)
    except ValueError:
        raise ValueError(f"position, velocity: shapes {x.shape} and {v.shape} do not "
                         "broadcast") from None
    speed = np.sqrt(np.sum(v**2, axis=-1))
    if np.any(speed >= constants.c):
        raise ValueError(f"velocity: speeds must be below c = {constants.c:.0f} m/s, got "
                         f"{float(speed.max()):.6g} m/s")
    u = v / np.sqrt(1 - (speed / constants.c)**2)[..., None]
    return x.reshape(-1, 3).copy(), u.reshape(-1, 3), x.shape[:-1]


def _constant_force(force):
    """F as a 3-vector if ``force`` is None or constant, else None (a callable)."""
    if force is None:
        return np.zeros(3)
    if callable(force):
        return None
    array = np.asarray(force, dtype=float)
    if array.shape != (3,) or not np.all(np.isfinite(array)):
        raise ValueError(f"force: must be None, a finite 3-vector (N) or a callable "
                         f"(x, t) -> F, got {force!r}")
    return array


def _choose_backend(backend, field, force_vector):
    if backend not in BACKENDS:
        raise ValueError(f"backend: must be one of {', '.join(BACKENDS)}, got {backend!r}")
    compiled_ok = isinstance(field, Field) and force_vector is not None
    if backend == "numba":
        if not numba_available():
            raise ValueError("backend: numba is not installed (pip install "
                             "'guidingcenter[numba]'), use backend='numpy'")
        if not compiled_ok:
            raise ValueError("backend: the numba path needs a ready field from "
                             "guidingcenter.orbits.fields and a constant force (or none)")
        return "numba"
    if backend == "auto" and compiled_ok and numba_available():
        return "numba"
    return "numpy"


def _reference_field(field, x, t0):
    _, B = field(x, t0)
    strength = np.sqrt(np.sum(np.asarray(B, dtype=float)**2, axis=-1))
    return float(np.max(strength))


def trace(position, velocity, particle="p+", field=None, duration=None, *, q=None, m=None,
          steps_per_gyration=32, B_max=None, dt=None, save_every=1, force=None, t0=0.0,
          stop_radius=None, backend="auto"):
    r"""Integrate full particle orbits with the relativistic Boris pusher.

    Parameters
    ----------
    position : array_like, shape (..., 3)
        Initial positions, m; a batch of particles is traced at once.
    velocity : array_like, shape (..., 3)
        Initial velocities, m/s (below c); broadcast against ``position``.
    particle : str
        ``"p+"``, ``"e-"``, ``"proton"``, ``"electron"``, ``"alpha"``; or give ``q``, ``m``.
    field : callable
        ``field(x, t) -> (E, B)`` on positions of shape (..., 3): a ready field of
        :mod:`guidingcenter.orbits.fields` or your own.
    duration : float
        Time to integrate, s (> 0); rounded up to whole saved intervals.
    q, m : float, optional
        Charge (C, signed) and rest mass (kg), overriding the particle's.
    steps_per_gyration : int
        S: the step makes one Boris gyration exactly S steps in the reference
        field ``B_max`` (:func:`boris_dt`) for the fastest particle's speed.
    B_max : float, optional
        Reference field, T: the strongest field the orbit meets (mirror points).
        Default: the largest |B| at the initial positions.
    dt : float, optional
        Explicit time step, s (instead of ``steps_per_gyration``).
    save_every : int
        Keep every this many steps (the initial state is always kept).
    force : None, array_like (3,) or callable, optional
        A further force on the particle, N: constant, or ``force(x, t)`` on
        positions of shape (..., 3) (e.g. gravity, m g).
    t0 : float
        Initial time, s.
    stop_radius : float, optional
        Freeze a particle once it comes within this distance of the origin, m
        (lost into a planet of that radius; ``Orbit.stopped`` marks it).
    backend : {"auto", "numpy", "numba"}
        ``"numba"`` compiles the loop (needs the ``numba`` extra, a ready field
        and a constant force); ``"auto"`` uses it when it can.  Both give the
        same results to round-off.

    Returns
    -------
    Orbit
        Times (n,), positions and proper velocities of shape batch + (n, 3).

    Examples
    --------
    A 1 keV proton in 10 microtesla gyrates on its Larmor radius; the energy
    is conserved to round-off:

    >>> import numpy as np
    >>> from guidingcenter.numeric import gyroradius
    >>> from guidingcenter.orbits import UniformField, trace
    >>> v = 437694.7                                  # m/s, about 1 keV
    >>> orbit = trace([0, 0, 0], [v, 0, 0], "p+", UniformField([0, 0, 0], [0, 0, 1e-5]),
    ...               duration=0.01, backend="numpy")
    >>> radius = np.ptp(orbit.positions[:, 1]) / 2
    >>> round(float(radius / gyroradius(1e-5, v, "p+")), 6)
    1.0
    >>> energy = orbit.kinetic_energy()
    >>> bool(np.ptp(energy) < 1e-13 * energy[0])
    True
    """
    q, m = charge_and_mass(particle, q, m)
    if field is None or not callable(field):
        raise ValueError(f"field: must be a callable (x, t) -> (E, B), got {field!r}")
    try:
        duration = float(duration)
    except (TypeError, ValueError):
        raise ValueError(f"duration: must be a positive time in s, got {duration!r}") from None
    if not math.isfinite(duration) or duration <= 0:
        raise ValueError(f"duration: must be a positive time in s, got {duration!r}")
    if int(save_every) != save_every or save_every < 1:
        raise ValueError(f"save_every: must be a positive integer, got {save_every!r}")
    save_every = int(save_every)
    t0 = float(t0)
    x, u, batch = _state(position, velocity)
    force_vector = _constant_force(force)
    if dt is None:
        speed = float(np.max(np.sqrt(np.sum(u**2, axis=-1)) / gamma_of(
            u[:, 0], u[:, 1], u[:, 2], constants.c)))
        B_ref = _reference_field(field, x, t0) if B_max is None else B_max
        dt = boris_dt(B_ref, speed, q=q, m=m, steps_per_gyration=steps_per_gyration)
    else:
        dt = float(dt)
        if not math.isfinite(dt) or dt <= 0:
            raise ValueError(f"dt: must be a positive time step in s, got {dt!r}")
    if stop_radius is not None:
        stop_radius = float(stop_radius)
        if not math.isfinite(stop_radius) or stop_radius <= 0:
            raise ValueError(f"stop_radius: must be a positive distance in m, got {stop_radius!r}")
    n_saves = max(1, math.ceil(duration / (dt * save_every)))
    n_steps = n_saves * save_every
    times = t0 + dt * save_every * np.arange(n_saves + 1)
    chosen = _choose_backend(backend, field, force_vector)
    if chosen == "numba":
        from guidingcenter.orbits import _compiled
        positions, velocities, stopped = _compiled.run(
            field, x, u, q, m, t0, dt, n_steps, save_every, force_vector, stop_radius)
    else:
        positions, velocities, stopped = _run_numpy(
            field, x, u, q, m, t0, dt, n_steps, save_every, force, force_vector, stop_radius)
    # (n, P, 3) -> batch + (n, 3)
    shape = batch + (n_saves + 1, 3)
    positions = np.moveaxis(positions, 0, -2).reshape(shape)
    velocities = np.moveaxis(velocities, 0, -2).reshape(shape)
    return Orbit(times, positions, velocities, q, m, field, force, dt, stopped.reshape(batch))


def _field_components(field, x, y, z, t):
    if isinstance(field, Field):
        return field.components(x, y, z, t)
    E, B = field(np.stack([x, y, z], axis=-1), t)
    E = np.broadcast_to(np.asarray(E, dtype=float), x.shape + (3,))
    B = np.broadcast_to(np.asarray(B, dtype=float), x.shape + (3,))
    return E[..., 0], E[..., 1], E[..., 2], B[..., 0], B[..., 1], B[..., 2]


def _run_numpy(field, x0, u0, q, m, t0, dt, n_steps, save_every, force, force_vector,
               stop_radius):
    """The NumPy loop over steps, vectorized over particles."""
    c = constants.c
    h = q * dt / (2 * m)
    half = dt / 2
    n_saves = n_steps // save_every
    positions = np.empty((n_saves + 1,) + x0.shape)
    velocities = np.empty_like(positions)
    positions[0], velocities[0] = x0, u0
    x, y, z = (x0[:, i].copy() for i in range(3))
    ux, uy, uz = (u0[:, i].copy() for i in range(3))
    gamma = gamma_of(ux, uy, uz, c)
    f_over_q = None if force_vector is None else force_vector / q
    stopped = np.zeros(len(x0), dtype=bool)
    for step in range(n_steps):
        t = t0 + (step + 0.5) * dt
        xh, yh, zh = half_drift(x, y, z, ux, uy, uz, gamma, half)
        ex, ey, ez, bx, by, bz = _field_components(field, xh, yh, zh, t)
        if f_over_q is None:
            f = np.broadcast_to(np.asarray(force(np.stack([xh, yh, zh], axis=-1), t),
                                           dtype=float), xh.shape + (3,)) / q
            ex, ey, ez = ex + f[..., 0], ey + f[..., 1], ez + f[..., 2]
        elif force is not None:
            ex, ey, ez = ex + f_over_q[0], ey + f_over_q[1], ez + f_over_q[2]
        nux, nuy, nuz, ngamma = boris_kick(ux, uy, uz, ex, ey, ez, bx, by, bz, h, c)
        nx, ny, nz = half_drift(xh, yh, zh, nux, nuy, nuz, ngamma, half)
        if stop_radius is None:
            x, y, z, ux, uy, uz, gamma = nx, ny, nz, nux, nuy, nuz, ngamma
        else:
            keep = ~stopped
            x, y, z = np.where(keep, nx, x), np.where(keep, ny, y), np.where(keep, nz, z)
            ux, uy, uz = np.where(keep, nux, ux), np.where(keep, nuy, uy), np.where(keep, nuz, uz)
            gamma = np.where(keep, ngamma, gamma)
            stopped |= x * x + y * y + z * z < stop_radius * stop_radius
        if (step + 1) % save_every == 0:
            row = (step + 1) // save_every
            positions[row, :, 0], positions[row, :, 1], positions[row, :, 2] = x, y, z
            velocities[row, :, 0], velocities[row, :, 1], velocities[row, :, 2] = ux, uy, uz
    return positions, velocities, stopped
