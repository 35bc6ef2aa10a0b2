"""Drift under a general force, and the gravitational drift as its instance.

A constant force F across a uniform B makes the guiding centre drift at
v_F = F x B / (q B^2): the constant drift that cancels the perpendicular force,
leaving a gyration plus free acceleration along B.  With F = q E this is the
E x B drift; with F = m g it is the gravitational drift m g x B / (q B^2),
which, unlike E x B, depends on the sign of the charge and on the mass.

Sources: German lecture (004) "Verallgemeinerung: Gravitationsdrift"; Hebrew
notes (003); Chen, Introduction to Plasma Physics, sec. 2.2.3.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame

NAME = "force_drift"


def derive():
    q, m, B = S.q, S.m, S.B
    v_Dx, v_Dy, _ = S.components("v_D")
    frame = Frame(vectors={S.B_vec: sp.Matrix([0, 0, B]), S.F_vec: S.components("F"),
                           S.v_D: sp.Matrix([v_Dx, v_Dy, 0]), S.E_vec: S.components("E"),
                           S.g_vec: S.components("g")},
                  scalars={})
    frame = frame.extended(vectors={S.b_hat: S.B_vec / B})
    d = DerivationBuilder(
        NAME, "Drift under a general force; gravitational drift",
        summary="A constant force $\\vec{F}$ across a uniform $\\vec{B}$ makes the guiding "
                "centre drift at $\\vec{F}\\times\\vec{B}/(qB^2)$; gravity gives "
                "$m\\vec{g}\\times\\vec{B}/(qB^2)$.",
        assumptions=[
            "Uniform, static $\\vec{B} = B\\hat{z}$; constant force $\\vec{F}$.",
            "Newtonian motion; the drift is slow against $c$.",
            "The drift $\\vec{v}_D$ is constant and perpendicular to $\\vec{B}$.",
        ],
        frame=frame,
        references=["Chen, Introduction to Plasma Physics, sec. 2.2.3",
                    *lecture_notes("003", "004")])

    d.given(equation(m * S.dv_dt, S.F_vec + q * Cross(S.v_vec, S.B_vec)),
            "equation of motion with a force $\\vec{F}$")
    d.result("force_equation_of_motion", d.steps[-1], "equation of motion with a force")
    balance = d.given(
        equation(sp.zeros(3, 1),
                 S.F_vec - Dot(S.F_vec, S.b_hat) * S.b_hat + q * Cross(S.v_D, S.B_vec)),
        "write $\\vec{v} = \\vec{v}_D + \\vec{u}$: the constant $\\vec{v}_D$ must cancel "
        "the perpendicular force")
    components = d.in_components(balance, "components")
    solved = d.solve(components, [v_Dx, v_Dy], "solve for the drift components")
    d.apply(solved, lambda side: sp.Matrix([side[0], side[1], 0]),
            "the drift vector (no parallel component)", "assemble", lhs=S.v_F)
    general = d.claim(equation(S.v_F, Cross(S.F_vec, S.B_vec) / (q * B**2)),
                      "the general force drift")
    d.meaning(general)
    left = d.given(equation(S.F_left, S.F_vec + q * Cross(S.v_F, S.B_vec)),
                   "force left in the frame moving at $\\vec{v}_F$")
    d.in_components(left, "components")
    d.claim(equation(S.F_left, Dot(S.F_vec, S.b_hat) * S.b_hat),
            "only $F_\\parallel$ is left: gyration plus free acceleration along $\\vec{B}$")
    d.result("force_drift", general, "general force drift $\\vec{F}\\times\\vec{B}/(qB^2)$")

    electric = d.substitute(general, {S.F_vec: q * S.E_vec}, "electric force $\\vec{F} = q\\vec{E}$",
                            lhs=S.v_E)
    exb = registry.result("ExB_drift")
    d.claim(exb.statement, "the E cross B drift of derivation exb_drift", of=electric)
    d.substitute(general, {S.F_vec: m * S.g_vec}, "gravity $\\vec{F} = m\\vec{g}$",
                 lhs=S.v_g)
    gravitational = d.claim(equation(S.v_g, m * Cross(S.g_vec, S.B_vec) / (q * B**2)),
                            "the gravitational drift: opposite for opposite charges, "
                            "proportional to the mass")
    d.result("gravitational_drift", gravitational,
             "gravitational drift $m\\vec{g}\\times\\vec{B}/(qB^2)$")

    magnetic = Arg("B", S.B_vec, "T", "Magnetic field", vector=True, check="nonzero")
    d.numeric_function(NumericSpec(
        "force_drift", "Guiding-centre drift under a constant force F.", "force_drift",
        args=(Arg("F", S.F_vec, "N", "Force on the particle", vector=True,
                  sample=(-21, -17)), magnetic),
        returns=("m/s", "Drift velocity F x B / (q B^2)"),
        particle=("q",),
        example={"F": [1e-20, 0.0, 0.0], "B": [0.0, 0.0, 5e-5], "particle": "p+"},
        notes="Only the force across B drives a drift; the parallel part accelerates the "
              "particle along B. Requires the force to change little over a gyration "
              "(otherwise see the polarization drift). Measured against full orbits "
              "(guidingcenter confirm force): for F = F_0 cos(kx) the relative error is "
              "-0.25 (k r_L)^2.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.18)",)))
    d.numeric_function(NumericSpec(
        "gravitational_drift", "Gravitational drift of the guiding centre.",
        "gravitational_drift",
        args=(Arg("g", S.g_vec, "m/s^2", "Gravitational acceleration", vector=True), magnetic),
        returns=("m/s", "Drift velocity m g x B / (q B^2)"),
        particle=("q", "m"),
        example={"g": [9.81, 0.0, 0.0], "B": [0.0, 0.0, 5e-5], "particle": "p+"},
        notes="Usually negligible next to the grad-B and curvature drifts; ions and "
              "electrons drift in opposite directions, so it carries a current. Measured "
              "against full orbits (guidingcenter confirm gravity, g = g_0 cos(omega t)): "
              "relative error 1.00 (omega/omega_c)^2.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.19)",)))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
