"""Bounce-averaged drift around the Earth: drift frequency and drift period.

The combined grad-B + curvature drift of the curvature derivation (imported,
not retyped) is evaluated in the Cartesian dipole field at a point of a field
line, giving the azimuthal drift speed of the Hebrew notes; divided by the
distance from the axis and averaged over a bounce it gives
<Omega_d> = -3 L p v D(y)/(q B_E R_E^2 T(y)), with D(0) = T(0)/3 and
D(1) = T(1)/2 in closed form.  Relativistic (p v = gamma m v^2); the notes'
Newtonian tau_d = pi q B_E R_E^2 T/(3 L W D) is the limit.  The mean drift speed on
the equatorial circle is <v_d> = 2 pi L R_E/tau_d (Baumjohann and Treumann, sec. 3.4:
6 L^2 W (0.35 + 0.15 sin alpha_eq)/(e B_E R_E) with D/T fitted).

Sources: Hebrew notes (003) "drift period around the Earth"; German lecture
(004) "Driftbewegung"; Schulz and Lanzerotti (1974) sec. 1.4.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.derivations.bounce_period import T0, T1, closed_forms, mirror_y
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Curl, Dot, Frame

NAME = "drift_period"


def dipole_frame():
    """The dipole field of moment -M_E z-hat in Cartesian coordinates, evaluated at
    latitude lambda, radius r in the meridian plane y = 0 (east is +y there)."""
    position = sp.Matrix([S.X, S.Y, S.Z])
    moment = sp.Matrix([0, 0, -S.M_E])
    distance = sp.sqrt(position.dot(position))
    field = S.mu_0 / (4 * sp.pi) * (3 * moment.dot(position) * position / distance**5
                                    - moment / distance**3)
    point = sp.Matrix([S.r * sp.cos(S.lam), 0, S.r * sp.sin(S.lam)])
    return Frame(vectors={S.B_vec: field}, scalars={S.B: sp.sqrt(Dot(S.B_vec, S.B_vec))},
                 position=position, point=point)


def derive():
    lam, y, L, R_E, B_E, q, m, v = S.lam, S.y, S.L, S.R_E, S.B_E, S.q, S.m, S.v
    s2 = sp.sin(lam)**2
    d = DerivationBuilder(
        NAME, "Drift period in a dipole",
        summary="The combined gradient and curvature drift, averaged over a bounce along a "
                "dipole field line: $\\langle\\Omega_d\\rangle = -3 L p v D(y)/(q B_E R_E^2 "
                "T(y))$ and $\\tau_d = 2\\pi/|\\langle\\Omega_d\\rangle|$.",
        assumptions=[
            "Centred dipole of moment $-M_E\\hat{z}$ (the Earth's), a vacuum field; "
            "positions in the meridian plane, where east is $+\\hat{y}$.",
            "Guiding-centre drifts (derivation curvature_drift): $r_L$ small against the "
            "field's scale; drift slow against the bounce.",
            "Relativistic: in a static field $\\gamma$ is constant and the drifts hold with "
            "$m \\to \\gamma m$, so $m v^2 \\to p v$.",
        ],
        frame=dipole_frame(),
        domains={S.lam_m: (sp.Rational(1, 10), sp.Rational(13, 10)), y: mirror_y(S.lam_m),
                 lam: (-1, 1), L: (1, 10), v: (0, S.c)},
        references=["Schulz and Lanzerotti, Particle Diffusion in the Radiation Belts, "
                    "sec. 1.4", *lecture_notes("003", "004")])

    d.evaluate(Curl(S.B_vec), "the dipole is a vacuum field: the combined drift applies",
               how=sp.simplify)
    combined = d.imported(registry.result("gradB_curvature_drift"),
                          "grad-B plus curvature drift in a vacuum field "
                          "(derivation curvature_drift)")
    v_phi = sp.Symbol("v_phi", real=True)
    components = d.in_components(combined, "in the dipole field, at latitude $\\lambda$ and "
                                           "radius $r$", how=sp.simplify)
    east = d.apply(components, lambda side: sp.simplify(side[1]),
                   "the drift is azimuthal: its eastward component", "component", lhs=v_phi)
    d.define(S.B_E, S.mu_0 * S.M_E / (4 * sp.pi * R_E**3), "equatorial surface field")
    line = registry.result("dipole_field_strength").expression
    on_line = d.substitute(east, {S.r: L * R_E * sp.cos(lam)**2,
                                  S.mu_0: 4 * sp.pi * R_E**3 * B_E / S.M_E},
                           "on the field line $r = L R_E\\cos^2\\lambda$")
    beta = sp.Symbol("beta", positive=True)   # B/B_m = sin^2(alpha) along the line
    pitch = d.substitute(on_line, {S.v_par**2: v**2 * (1 - beta), S.v_perp**2: v**2 * beta},
                         "$v_\\perp^2 = v^2 B/B_m$, $v_\\parallel^2 = v^2 (1 - B/B_m)$ "
                         "(mirror derivation); $\\beta = B/B_m$")
    speed = d.claim(equation(v_phi, -3 * m * v**2 * L**2 / (q * B_E * R_E) * (1 - beta / 2)
                             * sp.cos(lam)**5 * (1 + s2) / (1 + 3 * s2)**2),
                    "westward for ions, eastward for electrons (notes 003)")
    d.result("dipole_drift_speed", speed, "azimuthal drift speed on a dipole field line")

    # Bounce average of the angular speed v_phi/(r cos lambda).
    element = registry.result("dipole_line_element").expression.subs(S.r_eq, L * R_E)
    parallel = v * sp.sqrt(1 - beta)
    average = d.combine(
        [speed], lambda w: equation(S.Omega_d, 4 * v / (4 * L * R_E * S.T_of(y)) * sp.Integral(
            w.rhs / (L * R_E * sp.cos(lam)**3) * element / parallel, (lam, 0, S.lam_m))),
        "bounce average $\\langle\\Omega_d\\rangle = (4/\\tau_b)\\int_0^{\\lambda_m} "
        "\\dot\\varphi\\, ds/|v_\\parallel|$ with $\\tau_b = 4 L R_E T(y)/v$ (derivation "
        "bounce_period)", "bounce average")
    average = d.substitute(average, {beta: y**2 * sp.sqrt(1 + 3 * s2) / sp.cos(lam)**6},
                           "$\\beta = B/B_m = y^2 (1 + 3\\sin^2\\lambda)^{1/2}/\\cos^6\\lambda$")
    average = d.pull_constants(average)
    b = y**2 * sp.sqrt(1 + 3 * s2) / sp.cos(lam)**6
    D_def = d.define(S.D_of(y), sp.Integral((1 - b / 2) * sp.cos(lam)**3 * (1 + s2)
                                            / ((1 + 3 * s2)**sp.Rational(3, 2) * sp.sqrt(1 - b)),
                                            (lam, 0, S.lam_m)),
                     "the drift integral $D(y)$")
    frequency = d.claim(equation(S.Omega_d, -3 * L * m * v**2 * S.D_of(y)
                                 / (q * B_E * R_E**2 * S.T_of(y))),
                        "the bounce-averaged drift frequency", of=average)
    d.result("drift_integral_D", D_def, "drift integral $D(y)$")
    d.result("drift_frequency_newtonian", frequency, "Newtonian drift angular frequency",
             conditions=("nonrelativistic",))
    relativistic = d.substitute(frequency, {m: S.p / v}, "relativistic: $m \\to \\gamma m$, "
                                                         "so $m v^2 \\to p v$")
    d.result("drift_frequency", relativistic, "drift angular frequency "
                                              "$-3 L p v D/(q B_E R_E^2 T)$")
    period = d.combine([relativistic], lambda w: equation(S.tau_d, 2 * sp.pi / sp.Abs(w.rhs)),
                       "one revolution around the Earth", "$2\\pi/|\\Omega_d|$")
    d.result("drift_period", period, "drift period")
    newtonian = d.substitute(period, {S.p: m * v}, "Newtonian: $p = m v$")
    newtonian = d.substitute(newtonian, {v: sp.sqrt(2 * S.W / m)}, "kinetic energy "
                                                                  "$W = m v^2/2$")
    newtonian = d.claim(equation(S.tau_d, sp.pi * sp.Abs(q) * B_E * R_E**2 * S.T_of(y)
                                 / (3 * L * S.W * S.D_of(y))),
                        "the notes' form: independent of the mass")
    d.result("drift_period_newtonian", newtonian, "Newtonian drift period (notes 003)",
             conditions=("nonrelativistic",))
    for name, source, conditions in (("mean_drift_speed", period, ()),
                                     ("mean_drift_speed_newtonian", newtonian,
                                      ("nonrelativistic",))):
        speed = d.combine([source], lambda t: equation(S.v_drift, 2 * sp.pi * L * R_E / t.rhs),
                          "one revolution along the equatorial circle $r = L R_E$",
                          "$\\langle v_d \\rangle = 2\\pi L R_E/\\tau_d$")
        d.result(name, speed, "mean drift speed on the equator (Baumjohann and Treumann, "
                              "sec. 3.4)", conditions=conditions)

    closed_forms(d, D_def, "D", T0 / 3, T1 / 2, integrate=False,
                 leading=lambda beta_: (1 - beta_ / 2) / sp.sqrt(1 - beta_))

    integral_args = (Arg("D", S.D_of(y), "1", "Drift integral D(y)", check="positive"),
                     Arg("T", S.T_of(y), "1", "Bounce integral T(y)", check="positive"))
    d.numeric_function(NumericSpec(
        "_drift_frequency_kernel", "Bounce-averaged drift angular frequency.",
        "drift_frequency",
        args=(Arg("L", L, "1", "L-shell"), Arg("p", S.p, "kg m/s", "Momentum"),
              Arg("v", v, "m/s", "Speed"), Arg("q", q, "C", "Charge"),
              Arg("B_E", B_E, "T", "Surface field"), Arg("R_E", R_E, "m", "Earth radius"))
        + integral_args,
        returns=("rad/s", "<Omega_d>")))
    d.numeric_function(NumericSpec(
        "_drift_period_kernel", "Drift period.", "drift_period",
        args=(Arg("L", L, "1", "L-shell"), Arg("p", S.p, "kg m/s", "Momentum"),
              Arg("v", v, "m/s", "Speed"), Arg("q", q, "C", "Charge"),
              Arg("B_E", B_E, "T", "Surface field"), Arg("R_E", R_E, "m", "Earth radius"))
        + integral_args,
        returns=("s", "tau_d")))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
