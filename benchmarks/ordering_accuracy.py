"""Measure how the guiding-centre formulas lose accuracy as the ordering parameter grows.

Run: python benchmarks/ordering_accuracy.py [--quick]

An accuracy measurement, not a timing: the thresholds of
``guidingcenter.validity`` come from the coefficients c it prints.  For each
formula it integrates full Lorentz-force orbits (RK4, a fixed step of
``PHASE_STEP`` rad of local gyrophase, speed-normalized units: positions in
the field's scale length, dx/dtau = n, dn/dtau = kappa n x b(x), so that an
orbit depends only on kappa = |q| B_0 ell / p, i.e. on eps = 1/kappa), measures
the guiding-centre motion over whole periods of the exact orbit, compares it
with the first-order formula evaluated at the measured guiding centre, and
fits the relative error to c eps**k twice: with k free (least squares in
log-log over the eps where the error is above the integration noise, to see
the order) and with k = 2 (the c that ``guidingcenter.validity`` uses; the
largest eps weigh most).  Cases:

* grad-B drift, B = (1 + x/L_B) z-hat, v_par = 0, eps = r_L/L_B at the
  orbit's mean x (the drift evaluated there);
* grad-B + curvature drift, B = B_0 R_0/r phi-hat (a vacuum field), pitch
  angles 90, 45 and 15 degrees, eps = rho/R_c with rho = p/(|q|B) of the
  whole speed, at the orbit's mean radius;
* dipole bounce and drift periods, L = 4, equatorial pitch angles 20, 45 and
  75 degrees, eps = rho/(L R_E) with rho = p L^3/(|q| B_E) the equatorial
  gyroradius of the whole momentum (the parameter of
  ``guidingcenter.validity.dipole_ordering``); measured from successive
  northward equator crossings of the first-order guiding centre.

The polarization drift needs no orbit: in E = E_0 cos(omega t) x-hat across a
uniform B the exact forced velocity is the polarization drift times
1/(1 - (omega/omega_c)^2), a relative error (omega/omega_c)^2/(1 -
(omega/omega_c)^2): c = 1, k = 2 exactly (printed for comparison).

Prints its figures; asserts nothing.  A few minutes (``--quick``: under a
minute, coarser).
"""

import argparse

import numpy as np

PHASE_STEP = 0.06        # rad of gyrophase per RK4 step (integration error ~1e-7 relative)


def rk4(state, kappa, field, step):
    """One RK4 step for every orbit: state (N, 6) = (x, n), step (N,) in tau."""
    def rate(s):
        b = field(s[:, :3])
        return np.concatenate([s[:, 3:], kappa[:, None] * np.cross(s[:, 3:], b)], axis=1)
    h = step[:, None]
    k1 = rate(state)
    k2 = rate(state + h / 2 * k1)
    k3 = rate(state + h / 2 * k2)
    k4 = rate(state + h * k3)
    new = state + h / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    new[:, 3:] /= np.linalg.norm(new[:, 3:], axis=1)[:, None]   # |n| = 1 exactly
    return new


def local_step(state, kappa, field):
    return PHASE_STEP / (kappa * np.linalg.norm(field(state[:, :3]), axis=1))


def guiding_centre(state, kappa, field):
    """x - (b x n)/(kappa b^2): the first-order guiding centre."""
    b = field(state[:, :3])
    return state[:, :3] - np.cross(b, state[:, 3:]) / (kappa * np.sum(b * b, axis=1))[:, None]


def run(state, kappa, field, crossing, wanted, extra=None, max_steps=2_000_000):
    """Integrate until each orbit has ``wanted`` upward crossings of ``crossing(state)``.

    Returns, per orbit, the list of (tau, state, accumulated extra) at the
    crossings (linear interpolation in tau between steps).
    """
    n = len(kappa)
    tau = np.zeros(n)
    accumulated = np.zeros(n)
    found = [[] for _ in range(n)]
    before = crossing(state)
    for _ in range(max_steps):
        step = local_step(state, kappa, field)
        new = rk4(state, kappa, field, step)
        value = extra(state) if extra else np.zeros(n)
        accumulated_new = accumulated + step * (value + (extra(new) if extra else 0)) / 2
        after = crossing(new)
        for i in np.nonzero((before < 0) & (after >= 0))[0]:
            if len(found[i]) < wanted:
                f = before[i] / (before[i] - after[i])
                found[i].append((tau[i] + f * step[i], state[i] + f * (new[i] - state[i]),
                                 accumulated[i] + f * (accumulated_new[i] - accumulated[i])))
        state, tau, accumulated, before = new, tau + step, accumulated_new, after
        if all(len(f) >= wanted for f in found):
            return found
    raise RuntimeError("orbits did not complete")


def fit(eps, error, floor=3e-6):
    """(c, k) of error = c eps^k, from the points above the integration noise."""
    eps, error = np.asarray(eps), np.abs(np.asarray(error))
    keep = error > floor
    k, log_c = np.polyfit(np.log(eps[keep]), np.log(error[keep]), 1)
    return float(np.exp(log_c)), float(k)


def c_at_two(eps, error):
    """c of error = c eps^2 by least squares with the exponent fixed at 2.

    Weighted by eps^2 (the residuals are error - c eps^2), so that the largest eps,
    where the error stands far above the measurement noise, decide; this is the
    coefficient ``guidingcenter.validity`` uses.
    """
    eps, error = np.asarray(eps), np.abs(np.asarray(error))
    return float(np.sum(error * eps**2) / np.sum(eps**4))


# --- grad-B drift in a linear gradient ------------------------------------------------

def gradient_case(eps_values):
    field = lambda x: np.stack([0 * x[:, 0], 0 * x[:, 0], 1 + x[:, 0]], axis=1)
    kappa = 1 / np.asarray(eps_values)
    n = len(kappa)
    state = np.zeros((n, 6))
    state[:, 4] = 1.0                             # n = y-hat: starts at an x-extremum
    # one period of the x-oscillation: n_x goes through zero upwards once per gyration
    periods = 20
    crossings = run(state, kappa, field, lambda s: s[:, 3], periods + 1,
                    extra=lambda s: s[:, 0])
    errors, eps_gc = [], []
    for i, found in enumerate(crossings):
        (t0, s0, a0), (t1, s1, a1) = found[0], found[-1]
        drift = (s1[1] - s0[1]) / (t1 - t0)
        x_mean = (a1 - a0) / (t1 - t0)
        b = 1 + x_mean
        formula = 1 / (2 * kappa[i] * b**2)       # (m v^2/(2 q B^3)) (B x grad B)_y / v
        eps_gc.append(1 / (kappa[i] * b))
        errors.append(drift / formula - 1)
    return np.array(eps_gc), np.array(errors)


# --- grad-B + curvature drift in a line-current field -----------------------------------

def curvature_case(eps_values, pitch):
    def field(x):
        r2 = x[:, 0]**2 + x[:, 1]**2
        return np.stack([-x[:, 1] / r2, x[:, 0] / r2, 0 * r2], axis=1)
    kappa = 1 / np.asarray(eps_values)
    n = len(kappa)
    state = np.zeros((n, 6))
    state[:, 0] = 1.0                             # at r = 1, where |b| = 1
    state[:, 3] = np.sin(pitch)                   # across B (radially) ...
    state[:, 4] = np.cos(pitch)                   # ... and along B (azimuthally)
    radius = lambda s: np.hypot(s[:, 0], s[:, 1])
    periods = 20
    # the radial velocity goes through zero upwards once per gyration
    radial = lambda s: -(s[:, 0] * s[:, 3] + s[:, 1] * s[:, 4]) / radius(s)
    crossings = run(state, kappa, field, radial, periods + 1, extra=radius)
    errors, eps_gc = [], []
    for i, found in enumerate(crossings):
        (t0, s0, a0), (t1, s1, a1) = found[0], found[-1]
        drift = (s1[2] - s0[2]) / (t1 - t0)
        r_mean = (a1 - a0) / (t1 - t0)
        ell = s0[0] * s0[4] - s0[1] * s0[3]       # r n_phi, conserved (axisymmetry)
        n_par = ell / r_mean
        n_perp2 = 1 - n_par**2
        b = 1 / r_mean
        # v_d = (m/(q B)) (v_par^2 + v_perp^2/2)/R_c, along +z (B x kappa = z-hat/R_c)
        formula = (n_par**2 + n_perp2 / 2) / (kappa[i] * b * r_mean)
        eps_gc.append(1 / (kappa[i] * b * r_mean))
        errors.append(drift / formula - 1)
    return np.array(eps_gc), np.array(errors)


# --- dipole bounce and drift periods ---------------------------------------------------

def dipole_case(eps_values, alpha_eq, L=4.0, bounces=4, phases=4):
    """Mean relative errors of the bounce and drift periods over ``phases`` initial
    gyrophases (equally spaced), and the spread (max - min) of the bounce error.

    The spread is first order in eps: the instantaneous pitch angle differs from the
    guiding centre's (gyro-averaged) one by O(eps), depending on the gyrophase; the
    mean over equally spaced phases cancels that first harmonic and leaves the
    formula's own error.
    """
    from guidingcenter.dipole import D, T

    def field(x):                                 # B_E = R_E = 1, moment along -z
        r2 = np.sum(x * x, axis=1)
        r5 = r2**2.5
        z = x[:, 2]
        return np.stack([-3 * z * x[:, 0] / r5, -3 * z * x[:, 1] / r5,
                         -(3 * z * z - r2) / r5], axis=1)
    eps = np.repeat(np.asarray(eps_values, dtype=float), phases)
    phase = np.tile(2 * np.pi * np.arange(phases) / phases, len(eps_values))
    kappa = L**2 / eps                            # eps = rho/(L R_E), rho = L^3/kappa
    # start the guiding centre at (L, 0, 0) on the equator: the particle is displaced by
    # the gyroradius vector (b x n)/(kappa b^2); b = +z there (moment along -z)
    n0 = np.stack([np.sin(alpha_eq) * np.cos(phase), np.sin(alpha_eq) * np.sin(phase),
                   np.full_like(phase, np.cos(alpha_eq))], axis=1)
    b0 = np.array([0.0, 0.0, 1 / L**3])
    state = np.concatenate([np.array([L, 0, 0]) + np.cross(b0, n0) / (kappa * (b0 @ b0))[:, None],
                            n0], axis=1)
    crossings = run(state, kappa, field,
                    lambda s: guiding_centre(s, kappa, field)[:, 2], bounces + 1)
    y = np.sin(alpha_eq)
    tau_b_formula = 4 * L * T(y)                  # in units R_E/v
    omega_formula = 3 * L * D(y) / (kappa * T(y))   # |<Omega_d>| in units v/R_E
    bounce, drift = [], []
    for i, found in enumerate(crossings):
        (t0, s0, _), (t1, s1, _) = found[0], found[-1]
        gc0 = guiding_centre(s0[None, :], kappa[i:i + 1], field)[0]
        gc1 = guiding_centre(s1[None, :], kappa[i:i + 1], field)[0]
        dphi = np.unwrap([np.arctan2(gc0[1], gc0[0]), np.arctan2(gc1[1], gc1[0])])
        omega = abs(dphi[1] - dphi[0]) / (t1 - t0)
        bounce.append((t1 - t0) / bounces / tau_b_formula - 1)
        drift.append(omega_formula[i] / omega - 1)
    bounce = np.reshape(bounce, (-1, phases))
    drift = np.reshape(drift, (-1, phases))
    spread = bounce.max(axis=1) - bounce.min(axis=1)
    return np.asarray(eps_values), bounce.mean(axis=1), drift.mean(axis=1), spread


def show(name, eps, errors):
    c, k = fit(eps, errors)
    c2 = c_at_two(eps, errors)
    print(f"{name:44} " + " ".join(f"{e:9.2e}" for e in errors))
    print(f"{'':44} fit: error = {c:.3g} eps^{k:.2f}; with k = 2: c = {c2:.3g}")
    return c2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    eps = [0.02, 0.05, 0.1] if args.quick else [0.01, 0.02, 0.04, 0.07, 0.1, 0.15]
    coefficients = {}
    print("relative error of the first-order formula at eps = " + ", ".join(map(str, eps)))
    e, err = gradient_case(eps)
    print(f"{'(measured eps at the guiding centre:)':44} " + " ".join(f"{v:9.2e}" for v in e))
    coefficients["gradient"] = show("grad-B drift, r_L/L_B", e, err)
    for degrees in (90, 45, 15):
        e, err = curvature_case(eps, np.radians(degrees))
        coefficients[f"curvature {degrees}"] = show(
            f"grad-B + curvature, pitch {degrees} deg, rho/R_c", e, err)
    dipole_eps = [0.01, 0.02, 0.04] if args.quick else [0.005, 0.01, 0.02, 0.03, 0.05]
    print("\ndipole, L = 4, eps = rho/(L R_E) = " + ", ".join(map(str, dipole_eps)))
    for degrees in (20, 45, 75):
        e, bounce, drift, spread = dipole_case(dipole_eps, np.radians(degrees),
                                               bounces=2 if args.quick else 4)
        coefficients[f"bounce {degrees}"] = show(f"bounce period, alpha_eq {degrees} deg",
                                                 e, bounce)
        coefficients[f"drift {degrees}"] = show(f"drift period, alpha_eq {degrees} deg",
                                                e, drift)
        print(f"{'(spread of the bounce error over gyrophases)':44} "
              + " ".join(f"{v:9.2e}" for v in spread))
    ratio = np.array([0.01, 0.03, 0.1, 0.3])
    exact = ratio**2 / (1 - ratio**2)
    print(f"\npolarization drift, omega/omega_c = {ratio.tolist()}: exact relative error "
          + " ".join(f"{v:9.2e}" for v in exact) + "  (c = 1, k = 2)")
    print("\nlargest c (k = 2) per family:")
    for family in ("gradient", "curvature", "bounce", "drift"):
        worst = max(v for k, v in coefficients.items() if k.startswith(family))
        print(f"  {family:10} {worst:.3g}")


if __name__ == "__main__":
    main()
