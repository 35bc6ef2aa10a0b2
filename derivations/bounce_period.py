"""Bounce period and second invariant in the Earth's dipole.

tau_b = 4 * integral ds / v_par from the equator to the mirror point becomes
4 L R_E T(y) / v with y = sin(alpha_eq) and T(y) an integral over latitude;
T(0) = 1 + ln(2 + sqrt 3)/(2 sqrt 3) (mirroring at the pole) and
T(1) = pi sqrt(2)/6 (small oscillations about the equator) in closed form.
The second invariant J = oint p_par ds = 2 p L R_E Y(y) likewise, with
Y(0) = 2 T(0) and Y(1) = 0.  Relativistic (v from the kinetic energy), with the
notes' Newtonian form as the limit c -> infinity.

Sources: German lecture (004) "Bounce-Periode"; Hebrew notes (003); Schulz and
Lanzerotti, Particle Diffusion in the Radiation Belts (1974), ch. 1; Hamlin et
al., J. Geophys. Res. 66, 1 (1961).
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation

NAME = "bounce_period"


def mirror_y(lam_m):
    """y = sin(alpha_eq) of a particle mirroring at latitude lam_m (dipole)."""
    return sp.cos(lam_m)**3 / (1 + 3 * sp.sin(lam_m)**2)**sp.Rational(1, 4)


def latitude_integrand(power):
    """cos(l) (1 + 3 sin^2 l)^(1/2) (1 - B/B_m)^power along a dipole line."""
    lam, stretch = S.lam, 1 + 3 * sp.sin(S.lam)**2
    return sp.cos(lam) * sp.sqrt(stretch) * (1 - S.y**2 * sp.sqrt(stretch)
                                               / sp.cos(lam)**6)**power


def derive():
    lam, y, L, R_E, v = S.lam, S.y, S.L, S.R_E, S.v
    ds = sp.Derivative(sp.Function("s")(lam), lam)
    d = DerivationBuilder(
        NAME, "Bounce period and second invariant in a dipole",
        summary="The time between mirror points and back, $\\tau_b = 4 L R_E T(y)/v$, and "
                "the second invariant $J = 2 p L R_E Y(y)$, with $y = \\sin\\alpha_{eq}$; "
                "closed forms of $T$ and $Y$ at $y = 0$ and $y = 1$.",
        assumptions=[
            "Dipole field line $r = L R_E\\cos^2\\lambda$ (derivation dipole_field); the "
            "particle mirrors at $\\pm\\lambda_m$, symmetric about the equator.",
            "Static field: the speed $v$ is constant and $\\mu$ is conserved (mirror "
            "derivation).",
            "Drift across field lines during one bounce is neglected.",
            "$T(1)$ and $Y(1)$: the limit $y \\to 1$, where the particle stays near the "
            "equator and the field is expanded to second order in $\\lambda$.",
        ],
        domains={S.lam_m: (sp.Rational(1, 10), sp.Rational(13, 10)), y: mirror_y(S.lam_m),
                 v: (0, S.c)},
        references=["Schulz and Lanzerotti, Particle Diffusion in the Radiation Belts, "
                    "sec. 1.3", *lecture_notes("003", "004")])

    element = d.imported(registry.result("dipole_line_element"),
                         "line element (derivation dipole_field)")
    strength = d.imported(registry.result("dipole_field_strength"),
                          "field along the line (derivation dipole_field)")
    equatorial = d.imported(registry.result("dipole_equatorial_field"),
                            "equatorial field (derivation dipole_field)")
    period = d.given(equation(S.tau_b, 4 * sp.Integral(ds / sp.Abs(S.v_par),
                                                         (lam, 0, S.lam_m))),
                     "a bounce is four times the passage from the equator to a mirror point")
    parallel = d.imported(registry.result("parallel_speed_pitch_angle"),
                          "energy and first invariant along the line (derivation mirror)")
    parallel = d.substitute(parallel, {S.alpha_0: S.alpha_eq, S.B_0: S.B_eq},
                            "from the equator")
    parallel = d.substitute(parallel, {sp.sin(S.alpha_eq): y}, "$y = \\sin\\alpha_{eq}$")
    period = d.substitute_steps(period, [parallel], "insert $v_\\parallel$")
    period = d.substitute_steps(period, [element, strength, equatorial],
                                "insert the line element and the dipole field")
    period = d.substitute(period, {S.r_eq: L * R_E}, "$r_{eq} = L R_E$")
    period = d.pull_constants(period)
    T_y = S.T_of(y)
    T_def = d.define(T_y, sp.Integral(latitude_integrand(-sp.Rational(1, 2)), (lam, 0, S.lam_m)),
                     "the bounce integral $T(y)$; $\\lambda_m$ solves "
                     "$y^2 = \\cos^6\\lambda_m/(1 + 3\\sin^2\\lambda_m)^{1/2}$")
    bounce = d.claim(equation(S.tau_b, 4 * L * R_E * T_y / v), "the bounce period",
                     of=period)
    d.result("bounce_integral_T", T_def, "bounce integral $T(y)$")
    d.result("bounce_period", bounce, "$\\tau_b = 4 L R_E T(y)/v$")

    closed_forms(d, T_def, "T", T0, T1, leading=lambda beta: 1 / sp.sqrt(1 - beta))
    _in_terms_of_energy(d, bounce)
    _second_invariant(d, parallel, element)
    return d.build()


def closed_forms(d, definition, name, at_0, at_1, leading=None, integrate=True):
    """Prove F(0) = at_0 (mirror at the pole) and F(1) = at_1 (small oscillations).

    ``leading(beta)`` is the integrand near the equator as a function of
    beta = y^2 B/B_eq (None when the integrand vanishes at the mirror point, so
    that F(1) is an empty integral); ``integrate=False`` leaves F(0) to the
    numeric proof instead of SymPy's integrator.
    """
    lam, y, u = S.lam, S.y, S.u
    F = definition.statement.lhs.func
    pole = d.apply(definition, lambda side: side.subs({y: 0, S.lam_m: sp.pi / 2}),
                   "$y = 0$: the particle mirrors at the pole, $\\lambda_m = \\pi/2$",
                   "substitution")
    pole = d.apply(pole, lambda side: side.replace(
        lambda e: isinstance(e, sp.Integral), lambda e: e.transform(sp.sin(lam), u)),
        "change of variable $u = \\sin\\lambda$", "substitution in the integral")
    if integrate:
        d.apply(pole, lambda side: side.doit(), "integrate", "integration")
    pole = d.claim(equation(F(0), at_0), f"closed form of ${name}(0)$")
    d.result(f"{name}_at_0", pole, f"${name}(0)$ in closed form")
    if leading is None:
        equator = d.apply(definition, lambda side: side.subs({y: 1, S.lam_m: 0}).doit(),
                          "$y = 1$: the particle mirrors at the equator, $\\lambda_m = 0$; "
                          "the interval is empty", "substitution")
        d.result(f"{name}_at_1", equator, f"${name}(1)$")
        return
    strength = d.imported(registry.result("dipole_field_strength"),
                          "field along the line (derivation dipole_field)")
    ratio = d.combine([strength], lambda b: equation(S.B / S.B_eq, b.rhs / (S.B_E / S.L**3)),
                      "field relative to the equator", "division")
    ratio = d.apply(ratio, lambda side: sp.series(side, lam, 0, 3).removeO(),
                    "near the equator (where $y \\to 1$ confines the particle): second order "
                    "in $\\lambda$", "Taylor expansion")
    harmonic = d.combine(
        [definition, ratio], lambda t, b: equation(t.lhs, sp.Integral(
            leading(y**2 * b.rhs), (lam, 0, S.lam_m))),
        "leading order in $\\lambda_m$: the latitude factor of the integrand is "
        "$1 + O(\\lambda^2)$", "leading-order integrand")
    turning = d.combine([ratio], lambda b: equation(y**2 * b.rhs.subs(lam, S.lam_m), 1),
                        "mirror point: $y^2 B(\\lambda_m)/B_{eq} = 1$", "mirror condition")
    y_of = d.solve(turning, y, "solve for $y$")
    harmonic = d.substitute_steps(harmonic, [y_of], "in terms of $\\lambda_m$")
    def to_angle(e):
        theta, (variable, _, top) = S.theta, e.limits[0]
        integrand = e.function.subs(variable, top * sp.sin(theta)) * top * sp.cos(theta)
        return sp.Integral(sp.factor(sp.trigsimp(sp.factor(sp.together(integrand)))),
                           (theta, 0, sp.pi / 2))
    harmonic = d.apply(harmonic, lambda side: side.replace(
        lambda e: isinstance(e, sp.Integral), to_angle),
        "change of variable $\\lambda = \\lambda_m\\sin\\theta$", "substitution in the "
                                                                  "integral")
    harmonic = d.apply(harmonic, lambda side: side.doit(), "integrate over $\\theta$",
                       "integration")
    limit = d.apply(harmonic, lambda side: sp.limit(side, S.lam_m, 0),
                    "$y \\to 1$ is $\\lambda_m \\to 0$, where the expansion is exact",
                    "limit", lhs=F(1))
    limit = d.claim(equation(F(1), at_1), f"closed form of ${name}(1)$")
    d.result(f"{name}_at_1", limit, f"${name}(1)$ in closed form")


T0 = 1 + sp.log(2 + sp.sqrt(3)) / (2 * sp.sqrt(3))
T1 = sp.pi * sp.sqrt(2) / 6


def _in_terms_of_energy(d, bounce):
    m, c, W = S.m, S.c, S.W
    d.define(S.gamma, 1 + W / (m * c**2), "Lorentz factor from the kinetic energy $W$")
    speed = d.define(S.v, c * sp.sqrt(1 - 1 / S.gamma**2), "speed from $\\gamma$")
    energy = d.substitute_steps(bounce, [speed], "in terms of the kinetic energy")
    energy = d.claim(equation(S.tau_b, 4 * S.L * S.R_E * S.T_of(S.y) * (W + m * c**2)
                              / (c * sp.sqrt(W * (W + 2 * m * c**2)))),
                     "relativistic bounce period", of=energy)
    d.result("bounce_period_energy", energy, "bounce period from the kinetic energy")
    newton = d.apply(energy, lambda side: sp.limit(side, c, sp.oo),
                     "Newtonian limit $c \\to \\infty$: $v = (2W/m)^{1/2}$, the notes' form",
                     "limit")
    d.result("bounce_period_newtonian", newton, "Newtonian bounce period",
             conditions=("nonrelativistic",))
    T = Arg("T", S.T_of(S.y), "1", "Bounce integral T(y)", check="positive")
    common = (Arg("L", S.L, "1", "L-shell", check=">=1"),
              Arg("R_E", S.R_E, "m", "Earth radius", check="positive"))
    d.numeric_function(NumericSpec(
        "_bounce_period_kernel", "Bounce period from the speed.", "bounce_period",
        args=common + (Arg("v", S.v, "m/s", "Speed", check="positive"), T),
        returns=("s", "tau_b")))


def _second_invariant(d, parallel, element):
    lam, y, L, R_E, p = S.lam, S.y, S.L, S.R_E, S.p
    ds = element.statement.lhs
    invariant = d.given(equation(S.J_inv, 4 * sp.Integral(p * sp.Abs(S.v_par) / S.v * ds,
                                                            (lam, 0, S.lam_m))),
                        "second invariant $J = \\oint p_\\parallel ds$, four quarter-bounces, "
                        "$p_\\parallel = p v_\\parallel/v$")
    invariant = d.substitute_steps(invariant, [parallel], "insert $v_\\parallel$")
    strength = registry.result("dipole_field_strength")
    invariant = d.combine(
        [invariant], lambda j: equation(j.lhs, j.rhs.xreplace({ds: element.statement.rhs})
                                        .subs({S.B: strength.expression,
                                               S.B_eq: S.B_E / L**3, S.r_eq: L * R_E})),
        "insert the line element and the dipole field", "substitution")
    invariant = d.pull_constants(invariant)
    Y_def = d.define(S.Y_of(y), 2 * sp.Integral(latitude_integrand(sp.Rational(1, 2)),
                                                 (lam, 0, S.lam_m)),
                     "the integral $Y(y)$ of the second invariant")
    J = d.claim(equation(S.J_inv, 2 * p * L * R_E * S.Y_of(y)), "the second invariant",
                of=invariant)
    d.result("second_invariant_integral_Y", Y_def, "integral $Y(y)$")
    d.result("second_invariant", J, "$J = 2 p L R_E Y(y)$")
    closed_forms(d, Y_def, "Y", 2 * T0, None)


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
