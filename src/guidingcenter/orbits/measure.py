r"""Measuring the guiding centre on a traced orbit.

Each function takes an :class:`~guidingcenter.orbits.Orbit` (one particle or a
batch) and returns one value per particle.  Events are located between the
saved samples by cubic interpolation (four neighbouring samples), so that a
measurement over whole gyrations or whole bounces is not limited by the sampling:

- :func:`gyro_averaged_drift`: the guiding centre's displacement between the
  first and the last time the gyrophase passes zero, divided by the time
  between them (whole gyrations);
- :func:`bounce_period`, :func:`drift_period`, :func:`mirror_latitude` in the
  Earth's dipole, from the guiding centre's northward equator crossings
  (whole bounces);
- :func:`closest_approach`, :func:`lost`: how near the origin the particle (or
  its guiding centre) came, and whether within a radius (the loss cone: it
  reached the Earth).

References
----------
F. F. Chen, *Introduction to Plasma Physics and Controlled Fusion*, 3rd ed., sec. 2.2-2.3;
M. Schulz and L. J. Lanzerotti, *Particle Diffusion in the Radiation Belts* (1974), ch. 1.
"""

import numpy as np


__all__ = ["upward_crossings", "interpolate", "gyro_averaged_drift", "equator_crossings",
           "bounce_period", "drift_period", "turning_points", "mirror_latitude",
           "closest_approach", "lost"]


def _cubic_weights(tau):
    """Lagrange weights of the samples at -1, 0, 1, 2 for 0 <= tau <= 1."""
    return np.stack([-tau * (tau - 1) * (tau - 2) / 6, (tau + 1) * (tau - 1) * (tau - 2) / 2,
                     -(tau + 1) * tau * (tau - 2) / 2, (tau + 1) * tau * (tau - 1) / 6])


def _stencil(index, n):
    """First of the four samples around the interval [index, index + 1], kept inside 0..n-1."""
    return np.clip(index - 1, 0, n - 4)


def interpolate(times, values, at):
    """Values at times ``at`` by cubic interpolation on uniformly spaced samples.

    Parameters
    ----------
    times : ndarray, shape (n,)
        Uniformly spaced sample times (n >= 4).
    values : ndarray, shape (n, ...)
        Samples (time on the first axis).
    at : ndarray, shape (k,)
        Times inside [times[0], times[-1]].

    Returns
    -------
    ndarray, shape (k, ...)

    Examples
    --------
    >>> t = np.linspace(0, 1, 11)
    >>> float(interpolate(t, t**3, np.array([0.55]))[0])      # exact for a cubic
    0.166375...
    """
    times = np.asarray(times, dtype=float)
    values = np.asarray(values, dtype=float)
    at = np.atleast_1d(np.asarray(at, dtype=float))
    step = times[1] - times[0]
    position = (at - times[0]) / step
    index = np.clip(np.floor(position).astype(int), 0, len(times) - 2)
    first = _stencil(index, len(times))
    weights = _cubic_weights(position - first - 1)               # (4, k)
    gathered = values[first[None, :] + np.arange(4)[:, None]]    # (4, k, ...)
    return np.einsum("jk,jk...->k...", weights, gathered)


def upward_crossings(times, signal):
    """Times where ``signal`` rises through zero, located by cubic interpolation.

    Parameters
    ----------
    times : ndarray, shape (n,)
        Uniformly spaced sample times (n >= 4).
    signal : ndarray, shape (n,)
        Samples of a smooth signal.

    Returns
    -------
    ndarray
        Crossing times in increasing order (a sign change from < 0 to >= 0
        between two samples; the root of the cubic through the four samples
        around them, found by bisection to round-off).

    Examples
    --------
    >>> t = np.linspace(0, 10, 201)
    >>> round(float(upward_crossings(t, np.sin(t))[0] / np.pi), 8)       # at 2 pi
    2.0
    """
    times = np.asarray(times, dtype=float)
    signal = np.asarray(signal, dtype=float)
    index = np.flatnonzero((signal[:-1] < 0) & (signal[1:] >= 0))
    if index.size == 0:
        return np.empty(0)
    first = _stencil(index, len(times))
    samples = signal[first[None, :] + np.arange(4)[:, None]]     # (4, k)
    offset = index - first - 1                                   # interval start in tau
    low, high = offset.astype(float), offset + 1.0
    for _ in range(60):                                           # 2^-60: round-off
        middle = 0.5 * (low + high)
        below = np.sum(_cubic_weights(middle) * samples, axis=0) < 0
        low, high = np.where(below, middle, low), np.where(below, high, middle)
    return times[0] + (times[1] - times[0]) * (first + 1 + 0.5 * (low + high))


def _per_particle(array, axis_end):
    """Iterate over the batch of an array whose last ``axis_end`` axes are per-particle."""
    batch = array.shape[:array.ndim - axis_end]
    return batch, array.reshape((-1,) + array.shape[array.ndim - axis_end:])


def gyro_averaged_drift(orbit, reference=None):
    r"""Guiding-centre velocity averaged over whole gyrations, m/s, shape batch + (3,).

    .. math:: \langle\dot{\vec X}\rangle = \frac{\vec X(t_K) - \vec X(t_0)}{t_K - t_0}

    where :math:`t_0 < \dots < t_K` are the times the gyrophase passes zero
    (the perpendicular velocity crosses the plane spanned by b and
    ``reference x b`` upwards) and X is the first-order guiding centre
    (:meth:`Orbit.guiding_centres`).  For a motion periodic in the gyration
    (a slab or an axisymmetric field whose guiding centre drifts along the
    symmetry) this is the exact mean drift, to interpolation error; otherwise
    the mean over the whole gyrations run.  It includes the motion along B.

    Parameters
    ----------
    orbit : Orbit
        At least one whole gyration, sampled at least 8 times per gyration.
    reference : array_like, shape (3,), optional
        A fixed direction not parallel to B anywhere on the orbit (default:
        the axis least aligned with B at the first sample).

    Raises
    ------
    ValueError
        If a particle does not complete a whole gyration.
    """
    _, B = orbit.fields()
    if reference is None:
        first = B.reshape(-1, B.shape[-2], 3)[0, 0]
        reference = np.eye(3)[np.argmin(np.abs(first))]
    e1 = np.cross(np.asarray(reference, dtype=float), B)
    signal = np.sum(orbit.velocities * e1, axis=-1)
    batch, signals = _per_particle(signal, 1)
    _, centres = _per_particle(orbit.guiding_centres(), 2)
    drifts = np.empty((len(signals), 3))
    for i, (s, X) in enumerate(zip(signals, centres)):
        t = upward_crossings(orbit.times, s)
        if len(t) < 2:
            raise ValueError("orbit: a particle completes no whole gyration; trace it longer")
        ends = interpolate(orbit.times, X, t[[0, -1]])
        drifts[i] = (ends[1] - ends[0]) / (t[-1] - t[0])
    return drifts.reshape(batch + (3,))


def equator_crossings(orbit):
    """Times the guiding centre crosses the plane z = 0 northwards, one array per particle.

    Returns a list (flattened batch order) of arrays of times, s.
    """
    _, centres = _per_particle(orbit.guiding_centres(), 2)
    return [upward_crossings(orbit.times, X[:, 2]) for X in centres]


def _whole_bounces(orbit):
    crossings = equator_crossings(orbit)
    for t in crossings:
        if len(t) < 2:
            raise ValueError("orbit: a particle completes no whole bounce (two northward "
                             "equator crossings); trace it longer")
    return crossings


def bounce_period(orbit):
    r"""Bounce period in a dipole, s, shape batch: mean time between northward equator crossings.

    .. math:: \tau_b = \frac{t_N - t_0}{N}

    over the N whole bounces between the first and the last northward
    crossing of the equator by the guiding centre.
    """
    batch = orbit.positions.shape[:-2]
    return np.array([(t[-1] - t[0]) / (len(t) - 1) for t in _whole_bounces(orbit)]).reshape(batch)


def drift_period(orbit, harmonics=8):
    r"""Azimuthal drift period in a dipole, s, shape batch, from a fraction of a drift orbit.

    The guiding centre's azimuth :math:`\varphi(t)` (unwrapped) over the whole
    bounces run (first to last northward equator crossing) is fitted by least
    squares with a uniform drift plus a motion periodic in the bounce,

    .. math:: \varphi(t) \approx \varphi_0 + \Omega_d t
              + \sum_{k=1}^{K} a_k\cos\frac{2\pi k t}{\tau_b} + b_k\sin\frac{2\pi k t}{\tau_b},
              \qquad \tau_d = \frac{2\pi}{|\Omega_d|},

    and the uniform drift is extrapolated linearly to a full turn.  The
    extrapolation is exact in an axisymmetric field, where the bounce-averaged
    drift is uniform in azimuth; it is the bounce-averaged period of the
    guiding-centre theory.  Fitting every sample rather than two end points
    keeps the guiding centre's gyration residual (:math:`O(\varepsilon^2)` rad)
    out of the measured drift.

    Parameters
    ----------
    orbit : Orbit
        At least one whole bounce.
    harmonics : int
        K, the bounce harmonics fitted (the drift speed varies smoothly along
        the bounce; 8 reach round-off level in the dipole).
    """
    _, centres = _per_particle(orbit.guiding_centres(), 2)
    batch = orbit.positions.shape[:-2]
    periods = []
    for X, t in zip(centres, _whole_bounces(orbit)):
        inside = (orbit.times >= t[0]) & (orbit.times <= t[-1])
        time = orbit.times[inside] - t[0]
        phase = 2 * np.pi * time / ((t[-1] - t[0]) / (len(t) - 1))
        k = np.arange(1, harmonics + 1)
        design = np.column_stack([np.ones_like(time), time, np.cos(np.outer(phase, k)),
                                  np.sin(np.outer(phase, k))])
        phi = np.unwrap(np.arctan2(X[inside, 1], X[inside, 0]))
        coefficients = np.linalg.lstsq(design, phi - phi[0], rcond=None)[0]
        periods.append(2 * np.pi / abs(coefficients[1]))
    return np.array(periods).reshape(batch)


def turning_points(values):
    """Extremes of |values| between successive sign changes, each refined by a parabola.

    For a signal oscillating about zero (a latitude, a position along B): the
    extreme sample of each half oscillation and the vertex of the parabola
    through it and its two neighbours.  Returns a list.

    Examples
    --------
    >>> t = np.linspace(0, 3, 301)
    >>> [round(v, 6) for v in turning_points(0.5 * np.sin(2 * np.pi * t))]
    [0.5, 0.5, 0.5, 0.5, 0.5]
    """
    values = np.asarray(values, dtype=float)
    change = np.flatnonzero(np.sign(values[:-1]) != np.sign(values[1:]))
    extremes = []
    for start, stop in zip(change[:-1], change[1:]):
        segment = np.abs(values[start + 1:stop + 1])
        k = int(np.argmax(segment))
        if 0 < k < len(segment) - 1:
            a, b, c = segment[k - 1:k + 2]
            extremes.append(float(b + (a - c)**2 / (8 * (2 * b - a - c))))
    return extremes


def mirror_latitude(orbit):
    r"""Mirror latitude in a dipole, rad, shape batch: the guiding centre's largest |latitude|.

    For each half bounce between equator crossings, the extreme of the
    guiding centre's magnetic latitude :math:`\lambda = \arcsin(Z/|X|)`
    (:func:`turning_points`); the mean over the half bounces run.
    """
    _, centres = _per_particle(orbit.guiding_centres(), 2)
    batch = orbit.positions.shape[:-2]
    latitudes = []
    for X in centres:
        extremes = turning_points(np.arcsin(X[:, 2] / np.sqrt(np.sum(X**2, axis=-1))))
        if not extremes:
            raise ValueError("orbit: a particle reaches no mirror point between two equator "
                             "crossings; trace it longer")
        latitudes.append(np.mean(extremes))
    return np.array(latitudes).reshape(batch)


def closest_approach(orbit, guiding_centre=False):
    """Smallest distance from the origin reached, m, shape batch.

    The smallest sampled distance refined by a parabola through it and its
    neighbours; of the particle, or with ``guiding_centre=True`` of its
    first-order guiding centre.
    """
    points = orbit.guiding_centres() if guiding_centre else orbit.positions
    batch, r2 = _per_particle(np.sum(points**2, axis=-1), 1)
    closest = []
    for row in r2:
        k = int(np.clip(np.argmin(row), 1, len(row) - 2))
        a, b, c = row[k - 1:k + 2]
        curvature = a + c - 2 * b
        closest.append(b - (a - c)**2 / (8 * curvature) if curvature > 0 else row.min())
    return np.sqrt(np.array(closest)).reshape(batch)


def lost(orbit, radius, guiding_centre=False):
    """Whether each particle came within ``radius`` (m) of the origin, shape batch.

    With ``radius = R_E`` in the Earth's dipole: lost to the Earth, inside the
    loss cone.  The particle itself is lost as soon as its gyration touches
    the sphere, about one local gyroradius before its guiding centre: a
    first-order shift of the loss-cone boundary (``guiding_centre=True`` asks
    about the guiding centre, the loss cone of the guiding-centre theory).  A
    particle frozen by ``trace(..., stop_radius=...)`` counts as lost.
    """
    radius = float(radius)
    if not np.isfinite(radius) or radius <= 0:
        raise ValueError(f"radius: must be a positive distance in m, got {radius!r}")
    return (closest_approach(orbit, guiding_centre) < radius) | orbit.stopped
