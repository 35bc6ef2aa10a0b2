r"""Every guiding-centre result the orbits can test, confirmed against full orbits.

For each case the particles are traced with the Boris pusher at several values
of the ordering parameter :math:`\varepsilon`, the guiding-centre quantity is
measured on the orbits (:mod:`~guidingcenter.orbits.measure`), and it is
compared with the toolkit's own formula (:mod:`guidingcenter.numeric`,
:mod:`guidingcenter.dipole`; none is retyped here).  A formula that is the
leading term of the guiding-centre expansion differs from the orbit by
:math:`c\,\varepsilon^2`: the slope of :math:`\log|\text{rel. diff.}|` against
:math:`\log\varepsilon` is about 2, and :math:`c` is the measured coefficient.

What :math:`\varepsilon` is, case by case:

- ``ExB``, ``force``: a field or force :math:`\propto\cos kx` across B,
  :math:`\varepsilon = k r_L`; the gyro-average gives :math:`J_0(kr_L)\approx 1 - \varepsilon^2/4`
  (Chen sec. 2.4: :math:`c = -1/4`).
- ``gravity``, ``polarization``: a force or E varying as :math:`\cos\omega t`,
  :math:`\varepsilon = \omega/\Omega`; the driven gyration gives
  :math:`1/(1-\varepsilon^2)` (:math:`c = 1`).
- ``gradB`` (slab), ``gradB_curvature`` (toroidal vacuum field),
  ``mu_conservation`` (mirror): :math:`\varepsilon = r_L/L` with L the
  gradient length (slab), the radius of curvature (toroidal), the mirror
  length (mirror; :math:`r_L` of the midplane perpendicular speed).
- dipole ``bounce_period``, ``drift_period``, ``mirror_latitude``:
  :math:`\varepsilon = \rho/(L R_E)` with :math:`\rho = p/(|q|B_{eq})`
  the equatorial gyroradius of the whole momentum.
- ``loss_cone``: :math:`\varepsilon = \rho\cot\alpha_{lc}/(L R_E)`.  Near the
  loss cone :math:`v_\parallel/v_\perp = \cot\alpha_{lc}` is large (3.4 at L = 2,
  10.7 at L = 4) and amplifies the ordering: with :math:`\rho/(L R_E)` alone
  the coefficient is about -27 at L = 2 and -258 at L = 4, in the ratio of
  :math:`\cot^2\alpha_{lc}`; with the factor it is about -2.3 at both.

In a static B the orbit's shape depends only on :math:`\varepsilon`, the pitch
angle and the sign of q; energy, mass and relativity set the time scale.  The
dipole cases therefore keep the particle and energy and scale ``B_E`` to reach
each :math:`\varepsilon` (a 1 MeV proton at L = 4 is :math:`\varepsilon = 0.0117`
in the Earth's field); protons and electrons, keV and MeV, give the same
relative differences, and the formulas' relativistic factors are what differs.

Gyrophase: a single particle's result has a first-order term that depends on
where on its circle it starts; each case launches a ring of equally spaced
gyrophases around one guiding centre (:func:`~guidingcenter.orbits.initial.launch`)
and averages, which cancels it.  Where a formula is non-relativistic and says
how it generalizes (``m`` becomes :math:`\gamma m` in the grad-B and curvature
drifts), the relativistic form is what is compared.  The polarization drift is
documented non-relativistic: the cases compare it as it stands and report the
offset expected for the gyration-averaged velocity of a relativistic particle,
:math:`\gamma(1 + \beta_\perp^2/2) - 1` (its inertia is its energy plus its
transverse stress, the enthalpy of relativistic fluid dynamics; Landau and
Lifshitz, *Fluid Mechanics*, sec. 133); the slope is fitted to the
difference beyond that offset.

Where the slope is not 2: measured at other pitch angles, the :math:`\varepsilon^2`
coefficient of the dipole bounce period changes sign near equatorial pitch
angles of 15 and 60 degrees (about 2.3 at 30-45 degrees, -2.2 at 70), that of
the drift period near 40 degrees; at such a zero the error is of higher order
and the slope larger (about 5 for the bounce period at 60 degrees).  The cases
use 20, 30 and 70 degrees, away from the zeros.  The loss-cone boundary is
that of the guiding centre (:func:`~guidingcenter.orbits.measure.closest_approach`):
the particle itself is lost as soon as its gyration touches the Earth, about
one gyroradius earlier, a shift of first order in :math:`\varepsilon`, which is
physics, not an error of the formula.
"""

import fnmatch
import math
import time
from dataclasses import dataclass

import numpy as np

from guidingcenter import constants, dipole, numeric
from guidingcenter.orbits import fields, measure
from guidingcenter.orbits.initial import launch, speed_of
from guidingcenter.orbits.pusher import trace
from guidingcenter.particles import charge_and_mass
from guidingcenter.units import MeV, deg, eV, keV

__all__ = ["Row", "case_names", "confirm", "fit_slope", "measured_coefficients",
           "passes", "timed_confirm", "SLOPE_RANGE"]

SLOPE_RANGE = (1.8, 2.3)


@dataclass
class Row:
    """One case at one epsilon.

    ``orbit`` and ``formula`` are the values compared (for a drift, its
    component along the formula's direction, m/s); ``rel_diff`` is
    |orbit - formula|/|formula| (vectors: of the whole vector); ``signed`` the
    signed relative difference; ``offset`` the expected non-asymptotic part
    (relativistic polarization) and ``tolerance`` the bound on ``rel_diff``
    at the smallest epsilon.  ``slope`` and ``c`` are filled per case.
    """

    case: str
    eps: float
    orbit: float
    formula: float
    rel_diff: float
    signed: float
    offset: float = 0.0
    tolerance: float = 1e-4
    slope: float = math.nan
    c: float = math.nan

    def as_dict(self):
        return {"case": self.case, "eps": self.eps, "orbit": self.orbit,
                "formula": self.formula, "rel_diff": self.rel_diff, "slope": self.slope,
                "c": self.c, "offset": self.offset}


def _vector(case, eps, orbit, formula, tolerance=1e-4):
    orbit, formula = np.asarray(orbit, dtype=float), np.asarray(formula, dtype=float)
    size = float(np.linalg.norm(formula))
    along = float(orbit @ formula) / size
    return Row(case, eps, along, size, float(np.linalg.norm(orbit - formula)) / size,
               along / size - 1, tolerance=tolerance)


def _scalar(case, eps, orbit, formula, tolerance=1e-4, offset=0.0):
    orbit, formula = float(orbit), float(formula)
    return Row(case, eps, orbit, formula, abs(orbit - formula) / abs(formula),
               orbit / formula - 1, offset, tolerance)


# --- scenarios: each runs one epsilon and returns rows for one or more cases ---------------

class Scenario:
    """A set of cases sharing their orbits; ``run(eps, backend)`` returns rows."""

    def __init__(self, cases, quick, full, run):
        self.cases, self.quick, self.full, self.run = cases, quick, full, run


def _gyration(particle, energy, B):
    q, m = charge_and_mass(particle)
    v, gamma = speed_of(energy, m)
    return q, m, v, gamma, gamma * m * v / (abs(q) * B), abs(q) * B / (gamma * m)


def _cosine_case(kind):
    """E x B in E0 cos(kx) x-hat, or the same as a force F0 cos(kx): eps = k r_L."""
    particle, energy, B0, S = "p+", 10 * keV, 1e-5, 64

    def run(eps, backend):
        q, m, v, gamma, r_L, omega = _gyration(particle, energy, B0)
        k = eps / r_L
        E0 = 1e-4 * v * B0                                   # v_E/v = 1e-4
        if kind == "ExB":
            field, force = fields.CosineE([E0, 0, 0], [k, 0, 0], [0, 0, B0]), None
            formula = numeric.ExB_drift([E0, 0, 0], [0, 0, B0])
        else:
            field = fields.UniformField([0, 0, 0], [0, 0, B0])
            F0 = abs(q) * E0

            def force(x, t):
                return F0 * np.cos(k * x[..., :1]) * np.array([1.0, 0.0, 0.0])
            formula = numeric.force_drift([F0, 0, 0], [0, 0, B0], particle)
            backend = "numpy"                                # a callable force
        x, velocity = launch([0, 0, 0], energy, np.pi / 2, particle, field, phases=4)
        orbit = trace(x, velocity, particle, field, 6 * 2 * np.pi / omega,
                      steps_per_gyration=S, force=force, backend=backend)
        drift = measure.gyro_averaged_drift(orbit).mean(axis=0)
        return [_vector(kind, eps, drift, formula)]
    return Scenario([kind], (0.1, 0.03, 0.01), (0.1, 0.03, 0.01, 0.003, 0.001), run)


def _driven_amplitude(orbit, direction, omega, steps):
    r"""Amplitude of the :math:`\cos\omega t` velocity along ``direction``, gyration removed.

    Each particle's position is averaged over exactly one gyration (``steps``
    samples, trapezoid), which removes the gyration and all its harmonics and
    multiplies a motion at :math:`\omega` by
    :math:`\sin(\omega S\Delta t/2)/(S\tan(\omega\Delta t/2))`
    (divided out); the result is fitted by
    :math:`a\sin\omega t + b\cos\omega t + c_0 + c_1 t` and :math:`a\omega` returned.
    The particle positions, not the first-order guiding centres: in uniform B
    the latter contain :math:`\gamma m\vec E_\perp/(qB^2)`, the formula itself.
    """
    x = orbit.positions @ direction                              # (P, n)
    kernel = np.full(steps + 1, 1.0 / steps)
    kernel[[0, -1]] = 0.5 / steps
    smooth = np.mean([np.convolve(row, kernel, mode="valid") for row in x], axis=0)
    t = orbit.times[steps // 2: len(orbit.times) - steps // 2]
    design = np.column_stack([np.sin(omega * t), np.cos(omega * t), np.ones_like(t), t])
    a = np.linalg.lstsq(design, smooth, rcond=None)[0][0]
    attenuation = np.sin(omega * steps * orbit.dt / 2) / (steps * np.tan(omega * orbit.dt / 2))
    return a * omega / attenuation


def _driven_case(kind, particle, energy):
    """Polarization drift in E(t), or gravity g(t): eps = omega/Omega (1/N: whole gyrations)."""
    B0, S = 1e-5, 64
    name = kind if kind == "gravity" else f"polarization/{particle}/{_energy_label(energy)}"

    def run(eps, backend):
        q, m, v, gamma, r_L, omega_c = _gyration(particle, energy, B0)
        omega = eps * omega_c
        amplitude = 1e-4 * v * B0                            # v_E/v = 1e-4
        if kind == "gravity":
            field = fields.UniformField([0, 0, 0], [0, 0, B0])
            g0 = abs(q) * amplitude / m

            def force(x, t):
                return m * g0 * np.cos(omega * t) * np.array([1.0, 0.0, 0.0])
            formula = numeric.gravitational_drift([g0, 0, 0], [0, 0, B0], particle)
            offset, backend = 0.0, "numpy"
        else:
            field = fields.RampedE([0, 0, B0], [amplitude * omega, 0, 0], omega)
            force = None
            formula = numeric.polarization_drift([0, 0, B0], [amplitude * omega, 0, 0], particle)
            offset = gamma * (1 + (v / constants.c)**2 / 2) - 1
        x, velocity = launch([0, 0, 0], energy, np.pi / 2, particle, field, phases=4)
        orbit = trace(x, velocity, particle, field, 2 * np.pi / omega, steps_per_gyration=S,
                      force=force, backend=backend)
        direction = formula / np.linalg.norm(formula)
        value = _driven_amplitude(orbit, direction, omega, S)
        return [_scalar(name, eps, value, np.linalg.norm(formula), offset=offset)]
    return Scenario([name], (1 / 10, 1 / 50, 1 / 250),
                    (1 / 10, 1 / 30, 1 / 100, 1 / 300, 1 / 1000), run)


def _gradb_case():
    """Slab B0 (1 + x/L) z-hat: eps = r_L/L."""
    particle, energy, B0, S = "p+", 10 * keV, 1e-5, 64

    def run(eps, backend):
        q, m, v, gamma, r_L, omega = _gyration(particle, energy, B0)
        L = r_L / eps
        field = fields.SlabGradient(B0, L)
        x, velocity = launch([0, 0, 0], energy, np.pi / 2, particle, field, phases=4)
        orbit = trace(x, velocity, particle, field, 6 * 2 * np.pi / omega,
                      steps_per_gyration=S, backend=backend)
        drift = measure.gyro_averaged_drift(orbit).mean(axis=0)
        # relativistically m becomes gamma m (the function's documentation)
        formula = numeric.gradB_drift([0, 0, B0], [B0 / L, 0, 0], v, q=q, m=gamma * m)
        return [_vector("gradB", eps, drift, formula)]
    return Scenario(["gradB"], (0.1, 0.03, 0.01), (0.1, 0.03, 0.01, 0.003, 0.001), run)


def _curvature_case():
    """Toroidal B0 R0/R phi-hat, pitch angle 45 deg: eps = r_L/R0; the drift is along z."""
    particle, energy, B0, S, alpha = "p+", 10 * keV, 1e-5, 64, 45 * deg

    def run(eps, backend):
        q, m, v, gamma, r_L, omega = _gyration(particle, energy, B0)
        R0 = r_L * np.sin(alpha) / eps
        field = fields.ToroidalField(B0, R0)
        x, velocity = launch([R0, 0, 0], energy, alpha, particle, field, phases=4,
                             reference=[0, 0, 1])
        orbit = trace(x, velocity, particle, field, 6 * 2 * np.pi / omega,
                      steps_per_gyration=S, backend=backend)
        # the guiding centre also runs along the curved field line: compare the z part
        drift_z = measure.gyro_averaged_drift(orbit, reference=[0, 0, 1])[:, 2].mean()
        formula = numeric.gradB_curvature_drift([0, B0, 0], [-B0 / R0, 0, 0], v * np.cos(alpha),
                                                v * np.sin(alpha), q=q, m=gamma * m)
        return [_scalar("gradB_curvature", eps, drift_z, formula[2])]
    return Scenario(["gradB_curvature"], (0.1, 0.03, 0.01), (0.1, 0.03, 0.01, 0.003, 0.001), run)


def _mu_case(alpha_deg):
    """Mirror B0 (1 + (z^2 - R^2/2)/L^2): the guiding centre turns where mu B = W."""
    particle, energy, B0, S = "p+", 10 * keV, 1e-5, 32
    name = f"mu_conservation/{alpha_deg:g}deg"
    alpha = alpha_deg * deg

    def run(eps, backend):
        q, m, v, gamma, r_L, omega = _gyration(particle, energy, B0)
        L = r_L * np.sin(alpha) / eps
        field = fields.MirrorField(B0, L)
        x, velocity = launch([0, 0, 0], energy, alpha, particle, field, phases=8)
        B_m = B0 / np.sin(alpha)**2
        z_m = L / np.tan(alpha)
        orbit = trace(x, velocity, particle, field, 5 * z_m / (v * np.cos(alpha)),
                      steps_per_gyration=S, B_max=B_m, backend=backend)
        turns = [z for X in orbit.guiding_centres() for z in measure.turning_points(X[:, 2])]
        B_turn = B0 * (1 + np.mean(turns)**2 / L**2)           # on the axis
        # relativistic invariant p_perp^2/(2 m B) = magnetic_moment(gamma v_perp) and energy
        # integral p_par^2/2m + mu B = p^2/2m: the parallel speed vanishes at B = W/mu
        mu = numeric.magnetic_moment(gamma * v * np.sin(alpha), B0, m=m)
        W = m * (gamma * v)**2 / 2
        return [_scalar(name, eps, B_turn, W / mu)]
    return Scenario([name], (0.04, 0.02, 0.01), (0.04, 0.02, 0.01, 0.005), run)


def _energy_label(energy):
    for unit, label in ((MeV, "MeV"), (keV, "keV"), (eV, "eV")):
        if energy >= unit:
            return f"{energy / unit:g}{label}"
    return f"{energy:g}J"


def _dipole_case(particle, energy, alpha_deg, L=4.0):
    """Bounce period, drift period and mirror latitude at L: eps = rho/(L R_E) via B_E."""
    S, phases = 32, 8
    alpha = alpha_deg * deg
    label = f"{particle}/{_energy_label(energy)}/{alpha_deg:g}deg"
    names = [f"bounce_period/{label}", f"drift_period/{label}", f"mirror_latitude/{label}"]

    def run(eps, backend):
        R_E = constants.R_E
        rho = numeric.equatorial_gyroradius(L, energy, particle)      # in the Earth's B_E
        B_E = constants.B_E * rho / (L * R_E) / eps
        field = fields.DipoleField(B_E=B_E, R_E=R_E)
        x, velocity = launch([L * R_E, 0, 0], energy, alpha, particle, field, phases=phases,
                             reference=[0, 1, 0])
        tau_b = dipole.bounce_period(L, energy, alpha, particle, R_E=R_E, B_E=B_E)
        orbit = trace(x, velocity, particle, field, 3.2 * tau_b, steps_per_gyration=S,
                      B_max=B_E / L**3 / np.sin(alpha)**2, save_every=2, backend=backend)
        y = np.sin(alpha)
        return [
            _scalar(names[0], eps, measure.bounce_period(orbit).mean(), tau_b, 1e-3),
            _scalar(names[1], eps, measure.drift_period(orbit).mean(),
                    dipole.drift_period(L, energy, alpha, particle, R_E=R_E, B_E=B_E), 1e-3),
            _scalar(names[2], eps, measure.mirror_latitude(orbit).mean(),
                    dipole.mirror_latitude(y)),
        ]
    # mirror latitude at large pitch angles has |c| near 3: go to smaller eps there
    smallest = (0.004,) if alpha_deg > 60 else ()
    return Scenario(names, (0.04, 0.02, 0.01) + smallest, (0.04, 0.02, 0.01, 0.005) + smallest,
                    run)


def _loss_cone_case(L=2.0):
    """The pitch angle whose guiding centre just reaches r = R_E.

    eps = rho cot(alpha_lc)/(L R_E).
    """
    particle, energy, S, phases = "p+", 1 * MeV, 16, 4
    name = f"loss_cone/L{L:g}"

    def run(eps, backend):
        R_E = constants.R_E
        formula = dipole.loss_cone_angle(L, R_E=R_E)
        rho = numeric.equatorial_gyroradius(L, energy, particle)
        B_E = constants.B_E * rho / (L * R_E) / (eps * np.tan(formula))
        field = fields.DipoleField(B_E=B_E, R_E=R_E)
        tau_b = dipole.bounce_period(L, energy, formula, particle, R_E=R_E, B_E=B_E)
        B_max = B_E * np.sqrt(4 - 3 / L)                          # at the surface

        def miss(alphas):   # closest approach of the guiding centre of gyrophase i % phases
            starts = [launch([L * R_E, 0, 0], energy, a, particle, field, phases=phases,
                             reference=[0, 1, 0]) for a in alphas]
            x = np.array([s[0][i % phases] for i, s in enumerate(starts)])
            velocity = np.array([s[1][i % phases] for i, s in enumerate(starts)])
            orbit = trace(x, velocity, particle, field, 0.3 * tau_b, steps_per_gyration=S,
                          B_max=B_max, save_every=4, backend=backend)
            return measure.closest_approach(orbit, guiding_centre=True) / R_E - 1
        # secant iteration on the continuous closest approach, per gyrophase; the two
        # starting pitch angles are traced as one batch
        a0, a1 = np.full(phases, 0.95 * formula), np.full(phases, 1.05 * formula)
        f0, f1 = np.split(miss(np.concatenate([a0, a1])), 2)
        for _ in range(12):
            if np.max(np.abs(f1)) < 1e-12:
                break
            a2 = np.clip(a1 - f1 * (a1 - a0) / np.where(f1 == f0, 1.0, f1 - f0),
                         0.5 * formula, 1.5 * formula)
            a0, f0, a1 = a1, f1, a2
            f1 = miss(a1)
        return [_scalar(name, eps, a1.mean(), formula)]
    return Scenario([name], (0.02, 0.01, 0.005), (0.04, 0.02, 0.01, 0.005), run)


def _scenarios(quick):
    scenarios = [_cosine_case("ExB"), _cosine_case("force"), _driven_case("gravity", "p+", 10 * eV),
                 _driven_case("polarization", "p+", 10 * eV),
                 _driven_case("polarization", "e-", 100 * keV),
                 _gradb_case(), _curvature_case(), _mu_case(30), _mu_case(60)]
    if quick:   # the electron is the proton's mirror image: one pitch angle checks it
        dipole_runs = (("p+", 1 * MeV, 30), ("p+", 1 * MeV, 70), ("e-", 1 * MeV, 30))
    else:
        dipole_runs = [(p, W, a) for p in ("p+", "e-") for W in (1 * MeV, 1 * keV)
                       for a in (20, 30, 70)]
    scenarios += [_dipole_case(p, W, a) for p, W, a in dipole_runs]
    scenarios += [_loss_cone_case()] if quick else [_loss_cone_case(2.0), _loss_cone_case(4.0)]
    return scenarios


def case_names(quick=False):
    """The names of the cases (``quick``: the ones ``--quick`` runs)."""
    return [name for scenario in _scenarios(quick) for name in scenario.cases]


def fit_slope(eps, rel_diff):
    """Least-squares slope of log|rel_diff| against log eps."""
    eps, rel_diff = np.log(np.asarray(eps)), np.log(np.abs(np.asarray(rel_diff)))
    return float(np.polyfit(eps, rel_diff, 1)[0])


def _select(scenarios, names):
    if not names:
        return scenarios, None
    chosen, wanted = [], set()
    for name in names:
        matches = [case for s in scenarios for case in s.cases
                   if fnmatch.fnmatch(case, name) or case.split("/")[0] == name
                   or case.startswith(name + "/")]
        if not matches:
            known = sorted({case.split("/")[0] for s in scenarios for case in s.cases})
            raise ValueError(f"NAME: no case matches {name!r}; cases: {', '.join(known)} "
                             "(or a full name from 'guidingcenter confirm --list')")
        wanted.update(matches)
    chosen = [s for s in scenarios if wanted & set(s.cases)]
    return chosen, wanted


def confirm(names=None, quick=False, backend="auto", progress=None):
    r"""Run the confirmation; returns the rows (one per case and epsilon).

    Parameters
    ----------
    names : list of str, optional
        Case names, families (``"drift_period"``) or shell patterns; all if empty.
    quick : bool
        The quick set (fewer epsilons, species and pitch angles).
    backend : {"auto", "numpy", "numba"}
        The pusher's path.
    progress : callable, optional
        Called with a message before each run.

    Each case's ``slope`` is fitted to :math:`\log|\text{signed} - \text{offset}|`
    against :math:`\log\varepsilon`, and ``c`` is the mean of
    :math:`(\text{signed} - \text{offset})/\varepsilon^2` over the two smallest
    epsilons (the asymptotic end).
    """
    scenarios, wanted = _select(_scenarios(quick), names)
    rows = []
    for scenario in scenarios:
        for eps in (scenario.quick if quick else scenario.full):
            if progress:
                progress(f"{scenario.cases[0]} at eps = {eps:.4g}")
            rows += [row for row in scenario.run(eps, backend)
                     if wanted is None or row.case in wanted]
    for case in dict.fromkeys(row.case for row in rows):
        mine = [row for row in rows if row.case == case]
        beyond = [row.signed - row.offset for row in mine]
        slope = fit_slope([row.eps for row in mine], beyond)
        c = float(np.mean([b / row.eps**2 for b, row in list(zip(beyond, mine))[-2:]]))
        for row in mine:
            row.slope, row.c = slope, c
    return rows


def passes(rows):
    """The failures: slope outside SLOPE_RANGE or too large a difference at the smallest eps.

    Returns a list of one-line reasons (empty: every case confirmed).  With an
    expected offset the difference beyond it is what must be small.
    """
    failures = []
    for case in dict.fromkeys(row.case for row in rows):
        mine = [row for row in rows if row.case == case]
        last = min(mine, key=lambda row: row.eps)
        if not SLOPE_RANGE[0] <= last.slope <= SLOPE_RANGE[1]:
            failures.append(f"{case}: slope {last.slope:.3f} outside [{SLOPE_RANGE[0]}, "
                            f"{SLOPE_RANGE[1]}]")
        beyond = abs(last.signed - last.offset) / (1 + last.offset)
        if not beyond < last.tolerance:
            failures.append(f"{case}: relative difference {beyond:.3g} at eps = "
                            f"{last.eps:.4g} is not below {last.tolerance:g}")
    return failures


def measured_coefficients(names=None, quick=True, backend="auto"):
    r"""The measured :math:`c` of (relative error :math:`\approx c\,\varepsilon^2`), per case.

    Returns a dict ``{case: c}`` (``names`` as for :func:`confirm`); a relative
    error below ``r`` needs :math:`\varepsilon < (r/|c|)^{1/2}`.

    Examples
    --------
    >>> round(measured_coefficients(["ExB"])["ExB"], 2)     # Chen: -1/4
    -0.25
    """
    return {row.case: row.c for row in confirm(names, quick=quick, backend=backend)}


def timed_confirm(*args, **kwargs):
    """``confirm`` and the seconds it took."""
    start = time.perf_counter()
    rows = confirm(*args, **kwargs)
    return rows, time.perf_counter() - start
