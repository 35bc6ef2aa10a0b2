"""The mirror force on the axis as the textbooks derive it; flux and action of the gyration.

Chen's route (sec. 2.3.3) in the names a reader types.  From div B = 0 in
cylindrical coordinates, r B_r = -int_0^r r dB_z/dz dr ~ -(r^2/2) [dB_z/dz]_(r=0),
so B_r = -(r/2) [dB_z/dz]_(r=0).  The axial component of q v x B with
B_theta = 0 is F_z = -q v_theta B_r; on the orbit about the axis (r = r_L,
v_theta = -sign(q) v_perp, both constant) it is its own gyro-average,
F_z = -(1/2)|q| v_perp r_L dB_z/dz = -(1/2)(m v_perp^2/B) dB_z/dz = -mu dB_z/dz,
the mirror force of derivation magnetic_moment.  The flux through the orbit
is B pi r_L^2 = (2 pi m/q^2) mu and the action of the gyration
closed-integral p dq = m v_perp (2 pi r_L) = 4 pi (m/|q|) mu (Chen 2.8.1): each
is invariant with mu.  Along the path the perpendicular energy W_perp = mu B
changes as dW_perp/dt = mu dB/dt, and without an electric field
m v_par^2/2 + mu B is constant.

Conditions: the forms in r_L, the flux and the action use the Newtonian
Larmor orbit and momentum (r_L = m v_perp/(|q| B), p = m v_perp, derivation
gyration) and are published as non-relativistic; the relativistic flux is
2 pi m M/q^2 with M = p_perp^2/(2 m B) (derivation adiabatic_invariants).

Sources: Chen, Introduction to Plasma Physics, sec. 2.3.3 and 2.8.1; Bellan,
Fundamentals of Plasma Physics, sec. 3.5 (W_perp, dW_perp/dt and mu, the flux
linked by the orbit); Baumjohann and Treumann, Basic Space Plasma Physics,
ch. 2; German lecture (004) "Magnetischer Spiegel".
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Frame

NAME = "mirror_axis"


def derive():
    d = DerivationBuilder(
        NAME, "The mirror force on the axis; flux and action of the gyration",
        summary="Near the axis of an axisymmetric field $B_r = -\\frac{r}{2}\\left[\\partial "
                "B_z/\\partial z\\right]_{r=0}$; the axial Lorentz force $F_z = -q v_\\theta "
                "B_r$ averages on the orbit about the axis to $\\bar{F}_z = -\\frac{1}{2}|q| "
                "v_\\perp r_L\\,\\partial B_z/\\partial z = -\\mu\\,\\partial B_z/\\partial z$; "
                "the flux through the orbit $B\\pi r_L^2 = (2\\pi m/q^2)\\mu$ and the action "
                "$\\oint p\\,dq = 4\\pi(m/|q|)\\mu$ are invariant with $\\mu$; "
                "$dW_\\perp/dt = \\mu\\,dB/dt$ and $d(m v_\\parallel^2/2 + \\mu B)/dt = 0$.",
        assumptions=[
            "Static, axisymmetric magnetic field $\\vec{B} = (B_r, 0, B_z)$ in cylindrical "
            "$(r, \\theta, z)$, no electric field; near the axis $B_z = b_0(z) + b_1(z) r + "
            "b_2(z) r^2$, so $\\partial B_z/\\partial z$ varies slowly with $r$ and $B_r$ is "
            "kept to first order in $r$ ($r_L \\ll L_B$).",
            "The guiding centre is on the axis and the orbit is the Larmor circle of radius "
            "$r_L$ about it (derivation gyration): non-relativistic, $r_L = m v_\\perp/(|q|B)$ "
            "and momentum $m v_\\perp$ along the orbit.",
            "$\\mu$ is conserved along the path (derivation mu_conservation): the field seen "
            "by the particle changes little during one gyration.",
        ],
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.3 and 2.8.1",
                    "Bellan, Fundamentals of Plasma Physics, sec. 3.5",
                    "Baumjohann and Treumann, Basic Space Plasma Physics, ch. 2",
                    *lecture_notes("004")])
    radial = _radial_field(d)
    _axial_force(d, radial)
    _flux_and_action(d)
    _energy(d)
    return d.build()


def _radial_field(d):
    """r B_r = -int_0^r r dB_z/dz dr = -(r^2/2) [dB_z/dz]_(r=0): div B = 0 near the axis."""
    r, z, u = S.r, S.z, S.u
    B_r = S.Br_of(r, z)
    b0, b1, b2 = S.b0_of(z), S.b1_of(z), S.b2_of(z)
    divergence = d.given(equation(sp.Derivative(r * B_r, r) / r
                                  + sp.Derivative(S.Bz_of(r, z), z), 0),
                         "$\\nabla\\cdot\\vec{B} = 0$ in cylindrical coordinates, with "
                         "$B_\\theta = 0$ and $\\partial/\\partial\\theta = 0$")
    integrated = d.apply(divergence, lambda side: sp.Integral(
        sp.expand(side * r).subs(r, u), (u, 0, r)) if side != 0 else side,
        "multiply by $r$ and integrate over the radius from the axis to $r$",
        "integral over $r$ from 0")
    integrated = d.apply(integrated, _first_term_done,
                         "the first term is $r B_r$: $r B_r = 0$ on the axis",
                         "fundamental theorem of calculus")
    flux_form = d.apply(integrated, lambda side: side - _integral_term(integrated),
                        "the integral to the right: $r B_r = -\\int_0^r r\\,\\frac{\\partial "
                        "B_z}{\\partial z}\\,dr$", "subtraction")
    expansion = d.given(equation(S.Bz_of(u, z), b0 + b1 * u + b2 * u**2),
                        "$B_z$ near the axis at the radius $u$, to second order, general "
                        "coefficients ($b_0$ the field on the axis)")
    expanded = d.substitute_steps(flux_form, [expansion], "insert the expansion of $B_z$")
    expanded = d.apply(expanded, lambda side: sp.expand(side.doit()), "carry out the "
                       "derivative and the integral", "integration")
    truncated = d.apply(expanded, lambda side: _up_to(side, r, 2),
                        "$\\partial B_z/\\partial z$ nearly independent of $r$: lowest order "
                        "in $r$", "Taylor truncation at order 2 in $r$", lhs=r * B_r)
    d.define(S.dB_ds, sp.Derivative(b0, z),
                    "on the axis $\\left[\\partial B_z/\\partial z\\right]_{r=0} = b_0'(z)$, "
                    "the derivative of $B$ along the field line there ($s = z$)")
    plain = {sp.Derivative(b0, z): S.dB_ds, B_r: S.B_r}
    truncated = d.substitute(truncated, plain, "in the on-axis derivative; $B_r$ for "
                                               "$B_r(r, z)$")
    d.result("axis_radial_field_flux", truncated, "$r B_r = -\\frac{1}{2} r^2 \\left["
                                                  "\\partial B_z/\\partial z\\right]_{r=0}$")
    radial = d.apply(truncated, lambda side: side / r, "divide by $r$: $B_r = -\\frac{r}{2}"
                     "\\left[\\partial B_z/\\partial z\\right]_{r=0}$",
                     "quotient")
    d.result("axis_radial_field", radial, "radial field near the axis $B_r = -\\frac{r}{2}"
                                          "\\left[\\partial B_z/\\partial z\\right]_{r=0}$")
    same = d.imported(registry.result("mirror_radial_field"),
                      "the same from the expansion of derivation magnetic_moment")
    same = d.substitute(same, plain, "in the on-axis derivative")
    d.claim(equation(S.B_r, -r / 2 * S.dB_ds), "the same radial field", of=same)
    return radial


def _integral_term(step):
    return next(term for term in sp.Add.make_args(step.statement.lhs)
                if term.has(sp.Integral))


def _first_term_done(side):
    """Carry out the integral of the exact derivative d(u B_r)/du; leave the other."""
    if not isinstance(side, sp.Integral):
        return side
    (variable, low, high), = side.limits
    parts = sp.Add.make_args(side.function)
    exact = [p for p in parts if isinstance(p, sp.Derivative) and p.variables == (variable,)]
    rest = [p for p in parts if p not in exact]
    done = sum(p.expr.subs(variable, high) - p.expr.subs(variable, low) for p in exact)
    return done + sp.Integral(sp.Add(*rest), side.limits[0])


def _up_to(side, variable, order):
    series = sp.expand(side)
    return sum(series.coeff(variable, k) * variable**k for k in range(order + 1))


def _axial_force(d, radial):
    """F_z = -q v_theta B_r and its average on the orbit about the axis."""
    q, m, r, B = S.q, S.m, S.r, S.B
    v_z, B_z = S.components("v")[2], S.components("B")[2]
    d.use_frame(Frame(vectors={S.v_vec: sp.Matrix([S.v_r, S.v_theta, v_z]),
                               S.B_vec: sp.Matrix([S.B_r, 0, B_z])}))
    law = d.given(equation(S.F_vec, q * Cross(S.v_vec, S.B_vec)),
                  "Lorentz force, components on $(\\hat{r}, \\hat{\\theta}, \\hat{z})$ at the "
                  "particle, $B_\\theta = 0$")
    law = d.in_components(law, "components: $F_r = q v_\\theta B_z$, $F_\\theta = q(v_z B_r "
                               "- v_r B_z)$, $F_z = -q v_\\theta B_r$")
    axial = d.apply(law, lambda side: side[2], "the axial component", "z component",
                    lhs=S.F_z)
    d.result("axial_lorentz_force", axial, "axial Lorentz force $F_z = -q v_\\theta B_r$ "
                                           "($B_\\theta = 0$)")
    sense = d.imported(registry.result("gyration_sense"), "sense of gyration $v_\\theta = "
                       "\\mp v_\\perp$ (derivation magnetic_moment)")
    at_orbit = d.substitute(radial, {r: S.r_L}, "on the orbit about the axis, $r = r_L$")
    orbit = d.substitute_steps(axial, [sense, at_orbit], "on the orbit $v_\\theta$ and $B_r$ "
                                                         "are the same at every gyrophase")
    averaged = d.average(orbit, S.phi, "average over the gyrophase: constant on the orbit",
                         lhs=S.Fz_avg)
    averaged = d.claim(equation(S.Fz_avg, -sp.Abs(q) * S.v_perp * S.r_L / 2 * S.dB_ds),
                       "$\\bar{F}_z = \\mp\\frac{1}{2} q v_\\perp r_L\\,\\partial B_z/"
                       "\\partial z$ for $q \\gtrless 0$: the same for both")
    d.result("axial_force_average", averaged, "$\\bar{F}_z = -\\frac{1}{2}|q| v_\\perp r_L"
                                              "\\,\\partial B_z/\\partial z$ on the axis",
             conditions=("nonrelativistic",))
    d.meaning(d.imported(registry.result("gyroradius"), "Larmor radius (derivation "
                                                        "gyration)"))
    newton = d.claim(equation(S.Fz_avg, -m * S.v_perp**2 / (2 * B) * S.dB_ds),
                     "with $r_L = m v_\\perp/(|q|B)$", of=averaged)
    d.meaning(d.imported(registry.result("magnetic_moment"), "magnetic moment (derivation "
                                                             "magnetic_moment)"))
    moment = d.claim(equation(S.Fz_avg, -S.mu * S.dB_ds), "$\\bar{F}_z = -\\mu\\,\\partial "
                                                          "B_z/\\partial z$",
                     of=newton)
    d.meaning(d.imported(registry.result("mirror_force"), "mirror force (derivation "
                                                          "magnetic_moment)"))
    d.claim(equation(S.Fz_avg, S.F_parallel), "the mirror force $F_\\parallel = -\\mu\\,"
                                              "\\partial B/\\partial s$ on the axis",
            of=moment)


def _flux_and_action(d):
    """Flux B pi r_L^2 and action closed-integral p dq of the gyration: constants times mu."""
    q, m, B, u = S.q, S.m, S.B, S.u
    flux = d.define(S.Phi_L, B * sp.pi * S.r_L**2, "the flux through the Larmor orbit, "
                                                  "$B$ uniform over it")
    d.result("orbit_flux", flux, "flux through the Larmor orbit $\\Phi = B\\pi r_L^2$",
             conditions=("nonrelativistic",))
    radius = d.imported(registry.result("gyroradius"), "Larmor radius (derivation "
                                                       "gyration)")
    speed = d.substitute_steps(flux, [radius], "with $r_L = m v_\\perp/(|q|B)$: $\\Phi = \\pi m^2 "
                               "v_\\perp^2/(q^2 B)$")
    d.meaning(d.imported(registry.result("magnetic_moment"), "magnetic moment (derivation "
                                                             "magnetic_moment)"))
    flux_mu = d.claim(equation(S.Phi_L, 2 * sp.pi * m / q**2 * S.mu),
                      "$\\Phi = (2\\pi m/q^2)\\mu$: the flux is invariant with $\\mu$ (Chen "
                      "eq. 2.84; relativistically $2\\pi m M/q^2$, derivation "
                      "adiabatic_invariants)", of=speed)
    d.result("orbit_flux_moment", flux_mu, "flux through the orbit $\\Phi = (2\\pi m/q^2)"
                                           "\\mu$", conditions=("nonrelativistic",))
    action = d.define(S.J_g, sp.Integral(m * S.v_perp, (u, 0, 2 * sp.pi * S.r_L)),
                      "the action of the gyration: the momentum $m v_\\perp$ along the orbit "
                      "integrated once round it")
    action = d.apply(action, lambda side: side.doit(), "integrate over the length $2\\pi "
                                                       "r_L$", "integration", lhs=S.J_g)
    d.result("gyration_action", action, "action of the gyration $\\oint p\\,dq = m v_\\perp"
                                        "(2\\pi r_L)$", conditions=("nonrelativistic",))
    d.meaning(d.imported(registry.result("gyrofrequency"), "gyrofrequency (derivation "
                                                           "gyration)"))
    d.meaning(radius)
    frequency = d.claim(equation(S.J_g, 2 * sp.pi * m * S.v_perp**2 / sp.Abs(S.omega_c)),
                        "with $r_L = v_\\perp/|\\omega_c|$", of=action)
    moment = d.claim(equation(S.J_g, 4 * sp.pi * m / sp.Abs(q) * S.mu),
                     "$\\oint p\\,dq = 4\\pi (m/|q|)\\mu$: invariant with $\\mu$ (Chen sec. "
                     "2.8.1)", of=frequency)
    d.result("gyration_action_moment", moment, "action of the gyration $4\\pi(m/|q|)\\mu$",
             conditions=("nonrelativistic",))


def _energy(d):
    """dW_perp/dt = mu dB/dt; d(m v_par^2/2 + mu B)/dt = 0 without an electric field."""
    m, t = S.m, S.t
    seen = S.B_of_s(t)                  # the field where the particle is at time t
    d.use_frame(Frame())                # mu, B along the path: no meaning at one point
    invariant = d.imported(registry.result("mu_invariant"), "$\\mu$ is conserved "
                                                            "(derivation mu_conservation)")
    perpendicular = d.given(equation(S.W_perp_t, S.mu_t * seen),
                            "$W_\\perp = m v_\\perp^2/2 = \\mu B$ at time $t$, $B$ the field "
                            "the particle sees then (derivation magnetic_moment)")
    rate = d.apply(perpendicular, lambda side: sp.diff(side, t), "differentiate in time",
                   "time derivative")
    rate = d.substitute_steps(rate, [invariant], "$d\\mu/dt = 0$")
    rate = d.substitute(rate, {sp.Derivative(S.W_perp_t, t): S.dWperp_dt,
                               sp.Derivative(seen, t): S.dB_dt, S.mu_t: S.mu},
                        "the rates $dW_\\perp/dt$ and $dB/dt$ along the path; $\\mu$ "
                        "constant")
    d.result("perpendicular_energy_rate", rate, "$dW_\\perp/dt = \\mu\\,dB/dt$ along the "
                                                "path")
    v_par = S.v_par_t
    kinetic = d.given(equation(sp.Derivative(m * v_par**2 / 2 + S.W_perp_t, t), 0),
                      "no electric field: the magnetic force does no work, the kinetic "
                      "energy is constant")
    kinetic = d.substitute_steps(kinetic, [perpendicular], "$W_\\perp = \\mu B$")
    kinetic = d.substitute_steps(kinetic, [invariant], "$d\\mu/dt = 0$")
    kinetic = d.substitute(kinetic, {S.mu_t: S.mu}, "$\\mu$ constant")
    total = m * v_par**2 / 2 + S.mu * seen
    d.claim(equation(sp.Derivative(total, t), 0),
            "$\\frac{d}{dt}\\left(\\frac{1}{2} m v_\\parallel^2 + \\mu B\\right) = 0$: with a "
            "potential constant along the path, the energy integral (derivation "
            "mu_conservation)")


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
