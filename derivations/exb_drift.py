"""E x B drift: uniform electric and magnetic fields at right angles.

Solve m dv/dt = q (E + v x B) exactly for E perpendicular to B = B z-hat; the
velocity is a gyration about a centre moving at E x B / B^2, which does not
depend on the charge or the mass.  Then, for B of any orientation, the drift
cancels the perpendicular electric force exactly: E + v_E x B = E_parallel.

Sources: German lecture (004) section 3; Hebrew notes (003) "drift in a
perpendicular electric field"; Chen, Introduction to Plasma Physics, sec. 2.2.2.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame

NAME = "exb_drift"


def derive():
    t, q, m, B = S.t, S.q, S.m, S.B
    vx, vy, vz = S.v_x_t, S.v_y_t, S.v_z_t
    velocity = sp.Matrix([vx, vy, vz])
    E_x, E_y, _ = S.components("E")
    u_x, u_y, _ = S.components("u")
    aligned = Frame(vectors={S.v_vec: velocity, S.dv_dt: velocity.diff(t),
                             S.B_vec: sp.Matrix([0, 0, B]), S.E_vec: sp.Matrix([E_x, E_y, 0]),
                             S.b_hat: sp.Matrix([0, 0, 1])})
    d = DerivationBuilder(
        NAME, "E cross B drift",
        summary="In uniform perpendicular electric and magnetic fields the guiding centre "
                "drifts at $\\vec{E}\\times\\vec{B}/B^2$, the same for every charge and mass.",
        assumptions=[
            "Uniform, static fields; $\\vec{B} = B\\hat{z}$ and $\\vec{E} = (E_x, E_y, 0)$ "
            "perpendicular to it (a parallel $E$ only accelerates along $\\vec{B}$).",
            "Newtonian motion ($|\\vec{E}|/B \\ll c$).",
            "Initial velocity $(u_x, u_y, v_\\parallel)$.",
            "Last part: $\\vec{B}$ and $\\vec{E}$ of arbitrary orientation.",
        ],
        frame=aligned,
        references=["Chen, Introduction to Plasma Physics, sec. 2.2.2",
                    *lecture_notes("003", "004")])

    law = d.given(equation(m * S.dv_dt, q * (S.E_vec + Cross(S.v_vec, S.B_vec))),
                  "Lorentz force")
    d.result("lorentz_force", law, "the Lorentz force "
             "$m\\,d\\vec{v}/dt = q(\\vec{E} + \\vec{v}\\times\\vec{B})$")
    components = d.in_components(law, "components")
    d.result("exb_equation_components", components, "equation of motion in components, "
                                                    "$\\vec{E} \\perp \\vec{B} = B\\hat{z}$")
    solution = d.solve_ode(components, [vx, vy, vz],
                           {vx.subs(t, 0): u_x, vy.subs(t, 0): u_y, vz.subs(t, 0): S.v_par},
                           "solve with the initial velocity")
    d.define(S.omega_c, q * B / m, "signed gyrofrequency")
    w = S.omega_c * t
    drift = sp.Matrix([E_y / B, -E_x / B, 0])
    start = sp.Matrix([u_x, u_y, 0]) - drift
    rotating = d.claim(
        equation(velocity, drift + sp.Matrix([start[0] * sp.cos(w) + start[1] * sp.sin(w),
                                              start[1] * sp.cos(w) - start[0] * sp.sin(w),
                                              S.v_par])),
        "a constant velocity plus a gyration at $\\omega_c$", of=solution)
    d.result("ExB_velocity", rotating, "velocity: gyration plus the E cross B drift")
    average = d.apply(
        rotating, lambda side: _period_average(side),
        "average over one gyroperiod $2\\pi/|\\omega_c|$",
        "average over $\\omega_c t \\in [0, 2\\pi]$", lhs=S.v_avg)
    d.claim(equation(average.statement.lhs,
                     Cross(S.E_vec, S.B_vec) / B**2 + S.v_par * S.b_hat),
            "the guiding centre moves at $\\vec{E}\\times\\vec{B}/B^2$ across the field")
    across = d.apply(average, lambda side: side - S.v_par * sp.Matrix([0, 0, 1]),
                     "drift across the field: subtract the parallel motion",
                     "difference", lhs=S.v_E)
    exb = d.claim(equation(S.v_E, Cross(S.E_vec, S.B_vec) / B**2),
                  "the E cross B drift")
    for parameter in (q, m):
        d.apply(across, lambda side, p=parameter: side.diff(p),
                f"independent of ${sp.latex(parameter)}$: ions and electrons drift together",
                "derivative", lhs=sp.Derivative(S.v_E, parameter, evaluate=False))
    d.result("ExB_drift", exb, "E cross B drift $\\vec{E}\\times\\vec{B}/B^2$")

    # Any orientation: the drift removes the whole perpendicular electric force.
    general = Frame(vectors={S.E_vec: S.components("E"), S.B_vec: S.components("B"),
                             S.v_E: Cross(S.E_vec, S.B_vec) / B**2},
                    scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))})
    d.use_frame(general)
    residual_force = S.F_left
    left = d.given(equation(residual_force, q * (S.E_vec + Cross(S.v_E, S.B_vec))),
                   "force on the particle in the frame drifting at $\\vec{v}_E$, any "
                   "orientation of $\\vec{E}$ and $\\vec{B}$")
    d.in_components(left, "components")
    d.claim(equation(residual_force, q * Dot(S.E_vec, S.B_vec) * S.B_vec / B**2),
            "only the parallel electric force $qE_\\parallel$ is left")

    d.numeric_function(NumericSpec(
        "ExB_drift", "E cross B drift velocity of the guiding centre.", "ExB_drift",
        args=(Arg("E", S.E_vec, "V/m", "Electric field", vector=True),
              Arg("B", S.B_vec, "T", "Magnetic field", vector=True, check="nonzero")),
        returns=("m/s", "Drift velocity E x B / B^2"),
        too_fast="|E_perp| >= c |B|: no frame moves with the drift (there the electric "
                 "field would vanish); the particle is accelerated instead",
        example={"E": [0.0, 1e-3, 0.0], "B": [0.0, 0.0, 5e-5]},
        notes="Independent of charge and mass. Holds while the drift is slow against c "
              "(|E| << c |B|) and the fields vary little over a gyration; the parallel part of "
              "E does not contribute (it accelerates the particle along B). Measured against "
              "full orbits (guidingcenter confirm ExB): in E = E_0 cos(kx) the relative "
              "error is -0.25 (k r_L)^2, the gyro-average J_0(k r_L) of Chen eq. (2.58).",
        references=("Chen, Introduction to Plasma Physics, eq. (2.17)",)))
    return d.build()


def _period_average(side):
    """Average of a function of omega_c t over one period."""
    from guidingcenter.vectors import gyro_average
    return gyro_average(side.subs(S.omega_c * S.t, S.phi), S.phi)


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
