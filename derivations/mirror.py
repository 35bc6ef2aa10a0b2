"""Magnetic mirrors: pitch angle, mirror ratio, mirror point and loss cone.

With the pitch angle alpha (v_perp = v sin alpha, v_par = v cos alpha), the
conserved magnetic moment and the constant speed give
sin^2 alpha_1 / sin^2 alpha_2 = B_1/B_2 along a field line.  The energy
integral gives |v_par| = v sqrt(1 - (B/B_0) sin^2 alpha_0); the particle is
reflected where v_par = 0, at B_m = B_0/sin^2 alpha_0.  It escapes through a
field maximum B_max when B_m > B_max: |v_par|/v_perp > sqrt((B_max - B_0)/B_0),
i.e. inside the loss cone alpha < alpha_lc = arcsin sqrt(B_0/B_max); at the
loss-cone boundary B_min/B_max = v_perp^2/v^2.

Sources: German lecture (004) "Verlustkegel", "Pitch-Winkel"; Hebrew notes
(003) "reversal of the precession and reflection from the poles"; English
notes (002) sec. 03 "Magnetic Mirrors"; Chen, Introduction to Plasma Physics,
sec. 2.3.3 (eqs. 2.45-2.48).
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Requirement
from guidingcenter.engine import DerivationBuilder, equation

NAME = "mirror"


def derive():
    m, v, v_perp, v_par = S.m, S.v, S.v_perp, S.v_par
    alpha, alpha_0, alpha_lc = S.alpha, S.alpha_0, S.alpha_lc
    B, B_0, B_m, B_max = S.B, S.B_0, S.B_m, S.B_max
    d = DerivationBuilder(
        NAME, "Magnetic mirrors and the loss cone",
        summary="The pitch angle $\\alpha$ ($\\sin\\alpha = v_\\perp/v$, $\\tan\\alpha = "
                "v_\\perp/v_\\parallel$) changes along a field line as $\\sin^2\\alpha_1/"
                "\\sin^2\\alpha_2 = B_1/B_2$; a particle is reflected where $v_\\parallel = 0$, "
                "at $B_m = B_0/\\sin^2\\alpha_0$, and is lost through a field maximum "
                "$B_{max}$ if its pitch angle lies inside the loss cone $\\alpha < "
                "\\arcsin\\sqrt{B_0/B_{max}}$.",
        assumptions=[
            "The magnetic moment is conserved (derivation mu_conservation): the field "
            "changes little over a gyration, $r_L/L_B \\ll 1$.",
            "Static magnetic field and no electric field: the speed $v$ is constant.",
            "The pitch angle is the angle between $\\vec{v}$ and $\\vec{B}$, "
            "$0 \\le \\alpha \\le \\pi$ ($\\alpha > \\pi/2$: moving against $\\vec{B}$).",
            "Point 0 is where the particle is observed, with field $B_0$ and pitch angle "
            "$\\alpha_0$; $B_{max}$ is the largest field on its field line ahead of it.",
        ],
        domains={alpha: (0, sp.pi), alpha_0: (0, sp.pi / 2), alpha_lc: (0, sp.pi / 2),
                 B_max: (B_0, 10 * B_0), S.R_m: (1, 10)},
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    *lecture_notes("002", "003", "004")])

    # --- pitch angle --------------------------------------------------------------------
    d.define(v, sp.sqrt(v_perp**2 + v_par**2), "the speed")
    components = d.given(equation(sp.Matrix([v_perp, v_par]),
                                  sp.Matrix([v * sp.sin(alpha), v * sp.cos(alpha)])),
                         "the pitch angle $\\alpha$ is the angle between $\\vec{v}$ and "
                         "$\\vec{B}$")
    sine = d.apply(components, lambda side: side[0] / v, "divide the perpendicular "
                                                         "component by $v$", "quotient",
                   swap=True)
    d.result("pitch_angle_sin", sine, "pitch angle $\\sin\\alpha = v_\\perp/v$")
    tangent = d.apply(components, lambda side: sp.simplify(side[0] / side[1]),
                      "divide the perpendicular by the parallel component",
                      "quotient, simplified",
                      swap=True)
    d.result("pitch_angle_tan", tangent, "pitch angle $\\tan\\alpha = v_\\perp/v_\\parallel$")
    angle = d.apply(components, lambda side: sp.atan2(side[0], side[1]),
                    "the angle of the vector $(v_\\parallel, v_\\perp)$", "atan2", swap=True)
    angle = d.claim(equation(alpha, sp.atan2(v_perp, v_par)),
                    "$\\alpha = \\mathrm{atan2}(v_\\perp, v_\\parallel)$ in $[0, \\pi]$: "
                    "$\\arctan(v_\\perp/v_\\parallel)$ only while $v_\\parallel > 0$")
    d.result("pitch_angle", angle, "pitch angle $\\alpha = \\mathrm{atan2}(v_\\perp, "
                                   "v_\\parallel)$")

    # --- mu conservation: the mirror ratio ---------------------------------------------
    moment = d.imported(registry.result("magnetic_moment"), "magnetic moment (derivation "
                                                            "magnetic_moment)")
    conserved = d.imported(registry.result("mu_invariant"), "$\\mu$ is conserved "
                                                            "(derivation mu_conservation)")
    moment = d.substitute(moment, {v_perp: v * sp.sin(alpha)}, "in terms of the pitch angle")
    d.claim(equation(S.mu, m * v**2 / 2 * sp.sin(alpha)**2 / B),
            "$\\mu = (m v^2/2)\\sin^2\\alpha/B$ (notes 003, 004)")
    points = d.combine([moment, conserved], lambda mu, _: equation(
        mu.rhs.subs({alpha: S.alpha_1, B: S.B_1}), mu.rhs.subs({alpha: S.alpha_2, B: S.B_2})),
        "the same $\\mu$ and the same $v$ at points 1 and 2 of the field line",
        "the moment at two points")
    ratio = d.apply(points, lambda side: side * 2 * S.B_1 / (m * v**2 * sp.sin(S.alpha_2)**2),
                    "multiply by $2B_1/(m v^2 \\sin^2\\alpha_2)$", "product")
    ratio = d.claim(equation(sp.sin(S.alpha_1)**2 / sp.sin(S.alpha_2)**2, S.B_1 / S.B_2),
                    "the pitch angle grows where the field is stronger")
    d.result("mirror_ratio", ratio, "$\\sin^2\\alpha_1/\\sin^2\\alpha_2 = B_1/B_2$")

    # --- reflection -------------------------------------------------------------------
    speed = d.imported(registry.result("parallel_speed"), "parallel speed from the energy "
                                                          "integral (derivation "
                                                          "mu_conservation)")
    speed = d.substitute(speed, {S.varphi_E: 0, S.W_0: m * v**2 / 2,
                                 S.mu: m * v**2 * sp.sin(alpha_0)**2 / (2 * B_0)},
                         "no potential; $W_0 = m v^2/2$ and $\\mu$ from point 0")
    speed = d.claim(equation(sp.Abs(v_par), v * sp.sqrt(1 - B / B_0 * sp.sin(alpha_0)**2)),
                    "the parallel speed where the field is $B$")
    d.result("parallel_speed_pitch_angle", speed, "$|v_\\parallel| = v\\sqrt{1 - (B/B_0)"
                                                  "\\sin^2\\alpha_0}$")
    turning = d.combine([speed], lambda s: equation(0, s.rhs.subs(B, B_m)),
                        "reflection where $v_\\parallel = 0$, at the field $B_m$",
                        "the speed at $B_m$ set to zero")
    turning = d.solve(turning, B_m, "solve for $B_m$")
    mirror_point = d.claim(equation(B_m, B_0 / sp.sin(alpha_0)**2),
                           "the mirror point: independent of the mass, charge and speed")
    d.result("mirror_point_field", mirror_point, "mirror-point field $B_m = B_0/"
                                                 "\\sin^2\\alpha_0$")
    perpendicular = d.substitute(ratio, {S.alpha_1: alpha_0, S.B_1: B_0, S.alpha_2: sp.pi / 2,
                                         S.B_2: B_m},
                                 "the same from the mirror ratio: $\\alpha = \\pi/2$ at the "
                                 "mirror point")
    at_mirror = d.claim(equation(sp.sin(alpha_0)**2, B_0 / B_m),
                        "$\\sin^2\\alpha_0 = B_0/B_m$ (notes 004)", of=perpendicular)
    d.combine([at_mirror, mirror_point], lambda a, b: equation(a.lhs, a.rhs.subs(
        B_m, b.rhs)), "consistent with the mirror point", "substitution")

    # --- trapped or lost ----------------------------------------------------------------
    by_speeds = d.substitute(mirror_point, {sp.sin(alpha_0): v_perp / v},
                             "$\\sin\\alpha_0 = v_\\perp/v$ with the speeds at point 0")
    by_speeds = d.claim(equation(B_m, B_0 * (1 + v_par**2 / v_perp**2)),
                        "the mirror point from the speeds at point 0")
    boundary = d.combine([by_speeds], lambda b: equation(B_max, b.rhs),
                         "a particle is lost if $B_m > B_{max}$; on the boundary $B_m = B_{max}$",
                         "mirror point at the field maximum")
    boundary = d.apply(boundary, lambda side: sp.cancel((side - B_0) / B_0),
                       "subtract $B_0$, divide by $B_0$", "difference")
    critical = d.apply(boundary, sp.sqrt, "square root", "square root", swap=True)
    critical = d.claim(equation(sp.Abs(v_par) / v_perp, sp.sqrt((B_max - B_0) / B_0)),
                       "particles with a larger $|v_\\parallel|/v_\\perp$ escape (notes 004)")
    d.result("critical_speed_ratio", critical, "critical ratio $|v_\\parallel|/v_\\perp = "
                                               "\\sqrt{(B_{max} - B_0)/B_0}$")

    # --- the loss cone -----------------------------------------------------------------
    cone = d.substitute(at_mirror, {alpha_0: alpha_lc, B_m: B_max},
                        "the loss-cone boundary: the mirror point at $B_{max}$")
    cone = d.claim(equation(sp.sin(alpha_lc)**2, B_0 / B_max), "$\\sin^2\\alpha_{lc} = "
                                                               "B_0/B_{max}$", of=cone)
    angle_lc = d.apply(cone, lambda side: sp.asin(sp.sqrt(side)), "take $\\arcsin\\sqrt{\\ }$ "
                                                                  "of both sides", "arcsine")
    angle_lc = d.claim(equation(alpha_lc, sp.asin(sp.sqrt(B_0 / B_max))),
                       "the loss-cone angle, $0 < \\alpha_{lc} \\le \\pi/2$")
    d.result("loss_cone_angle", angle_lc, "loss-cone angle $\\alpha_{lc} = \\arcsin\\sqrt{B_0/"
                                          "B_{max}}$")
    d.claim(equation(alpha_lc, sp.atan(sp.sqrt(B_0 / (B_max - B_0)))),
            "the same from the critical ratio: $\\tan\\alpha_{lc} = v_\\perp/|v_\\parallel|$")
    ratio_def = d.define(S.R_m, B_max / B_0, "the mirror ratio")
    d.result("mirror_field_ratio", ratio_def, "mirror ratio $R_m = B_{max}/B_0$")
    inverse = d.apply(cone, lambda side: 1 / side, "reciprocal", "reciprocal", swap=True)
    by_ratio = d.claim(equation(S.R_m, 1 / sp.sin(alpha_lc)**2),
                       "$R_m = 1/\\sin^2\\alpha_{lc}$", of=inverse)
    by_ratio = d.apply(by_ratio, lambda side: sp.asin(1 / sp.sqrt(side)),
                       "take $\\arcsin(1/\\sqrt{\\ })$ of both sides", "arcsine", swap=True)
    by_ratio = d.claim(equation(alpha_lc, sp.asin(1 / sp.sqrt(S.R_m))),
                       "the loss cone from the mirror ratio: none for $R_m = 1$")
    d.result("loss_cone_angle_mirror_ratio", by_ratio, "loss-cone angle $\\alpha_{lc} = "
                                                       "\\arcsin(1/\\sqrt{R_m})$")
    minimum = d.substitute(cone, {B_0: S.B_min}, "a particle observed where the field is "
                                                 "weakest, $B_0 = B_{min}$", swap=True)
    minimum = d.substitute(minimum, {sp.sin(alpha_lc): v_perp / v},
                           "$\\sin\\alpha_{lc} = v_\\perp/v$ on the boundary")
    minimum = d.claim(equation(S.B_min / B_max, v_perp**2 / v**2),
                      "$v_\\perp$ at $B_{min}$ of a particle on the loss-cone boundary (notes "
                      "002)")
    d.result("loss_cone_field_ratio", minimum, "$B_{min}/B_{max} = v_\\perp^2/v^2$ on the "
                                               "loss-cone boundary")
    _numeric_functions(d)
    return d.build()


def _numeric_functions(d):
    d.numeric_function(NumericSpec(
        "loss_cone_angle", "Loss-cone angle of a magnetic mirror.",
        "loss_cone_angle_mirror_ratio",
        args=(Arg("R_m", S.R_m, "dimensionless", "Mirror ratio B_max/B_0 (see "
                  "mirror_ratio)", check=">=1"),),
        returns=("rad", "Loss-cone angle, in (0, pi/2]"),
        example={"R_m": 4.0},
        notes="Particles at B_0 with a pitch angle below alpha_lc (or above pi - alpha_lc) "
              "escape through B_max. Takes the mirror ratio, not the two fields, so that a "
              "field maximum below B_0 (R_m < 1) is refused: use "
              "loss_cone_angle(mirror_ratio(B_max, B_0)). Assumes mu is conserved (r_L "
              "small against the field's gradient length) and no parallel electric field, "
              "which shifts the cone.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.48)",
                    "lecture notes 004, 'Verlustkegel'")))
    d.numeric_function(NumericSpec(
        "pitch_angle", "Pitch angle between the velocity and the magnetic field.",
        "pitch_angle",
        args=(Arg("v_perp", S.v_perp, "m/s", "Speed across B", check="nonnegative"),
              Arg("v_par", S.v_par, "m/s", "Signed speed along B (negative: against B)")),
        returns=("rad", "Pitch angle in [0, pi]"),
        requires=(Requirement(S.v_perp + sp.Abs(S.v_par), "v_perp, v_par",
                              "the pitch angle of a particle at rest is undefined (both "
                              "speeds are 0)", strict=True),),
        example={"v_perp": 1e6, "v_par": -1e6},
        notes="Exact (a definition). Uses atan2, so v_par < 0 gives angles above pi/2, "
              "where arctan(v_perp/v_par) would be negative; a particle at rest (both "
              "zero) has no pitch angle and is refused.",
        references=("lecture notes 004, 'Pitch-Winkel'",)))
    d.numeric_function(NumericSpec(
        "mirror_ratio", "Mirror ratio of a magnetic mirror.", "mirror_field_ratio",
        args=(Arg("B_max", S.B_max, "T", "Largest field on the field line (mirror throat)",
                  check="positive"),
              Arg("B_0", S.B_0, "T", "Field where the particles are observed (usually the "
                  "minimum)", check="positive")),
        returns=("dimensionless", "Mirror ratio B_max/B_0 = 1/sin^2(alpha_lc)"),
        requires=(Requirement(S.B_max - S.B_0, "B_max, B_0",
                              "B_max must be at least B_0 (the mirror throat has the "
                              "largest field; a mirror ratio is >= 1)"),),
        example={"B_max": 5e-5, "B_0": 1e-5},
        notes="A ratio of at least 1 confines the particles outside the loss cone; a "
              "maximum below B_0 means there is no mirror between the two points and "
              "is refused.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.48)",)))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
