"""The Earth's dipole: field, field lines, L-shells, mirror latitude, loss cone.

From the scalar potential of a dipole of moment M_E: the components
(B_r, B_lambda) and |B| in magnetic latitude; the field-line equation
dr/(r dlambda) = B_r/B_lambda, solved to r = r_eq cos^2(lambda); the line
element ds/dlambda; the field along an L-shell; where a line meets the
surface; the mirror-latitude equation (independent of L); the loss cone at
the surface; equatorial gyrofrequencies and gyroradii as functions of L and
energy (relativistic, with the Newtonian forms of the notes as the limit).

Sources: German lecture (004) "Dipolfeld" ... "Verlustkegel"; Hebrew notes
(003) "the quantitative part - on Earth"; Baumjohann & Treumann, Basic Space
Plasma Physics, sec. 2.5-2.6.
"""

import sympy as sp

from guidingcenter import constants, registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Option, Requirement
from guidingcenter.engine import DerivationBuilder, equation

NAME = "dipole_field"


def derive():
    lam, r, L, R_E, B_E = S.lam, S.r, S.L, S.R_E, S.B_E
    s2 = sp.sin(lam)**2
    d = DerivationBuilder(
        NAME, "The Earth's dipole field",
        summary="Field, field lines and L-shells of a magnetic dipole; the mirror latitude "
                "of a trapped particle (independent of $L$), the loss cone at the surface, "
                "and the equatorial gyrofrequency and gyroradius.",
        assumptions=[
            "A centred dipole of moment $M_E$, antiparallel to the rotation axis (as the "
            "Earth's); magnetic latitude $\\lambda$ from the equator.",
            "Static field; first adiabatic invariant conserved along the bounce (mirror "
            "derivation).",
            "A particle is lost when it mirrors below the surface $r = R_E$ (the atmosphere, "
            "about 100 km up, is neglected).",
        ],
        domains={lam: (-sp.pi / 3, sp.pi / 3), S.lam_m: (0, sp.pi / 3),
                 S.lam_E: (0, sp.pi / 3), L: (1, 10), S.v: (0, S.c)},
        references=["Baumjohann and Treumann, Basic Space Plasma Physics, sec. 2.5",
                    *lecture_notes("003", "004")])

    potential = d.given(equation(S.V_M, -S.mu_0 * S.M_E * sp.sin(lam) / (4 * sp.pi * r**2)),
                        "magnetic scalar potential of the dipole, $\\vec{B} = -\\nabla V_M$")
    components = d.combine(
        [potential], lambda V: equation(sp.Matrix([S.B_r, S.B_lam]),
                                        sp.Matrix([-sp.diff(V.rhs, r),
                                                   -sp.diff(V.rhs, lam) / r])),
        "gradient in spherical coordinates: $B_r = -\\partial_r V_M$, "
        "$B_\\lambda = -r^{-1}\\partial_\\lambda V_M$", "gradient")
    d.result("dipole_field_components", components, "dipole components $(B_r, B_\\lambda)$")
    scale = S.mu_0 * S.M_E / (4 * sp.pi * r**3)
    magnitude = d.combine(
        [components], lambda c: equation(S.B, sp.sqrt(c.rhs[0]**2 + c.rhs[1]**2)),
        "field strength", "$\\sqrt{B_r^2 + B_\\lambda^2}$")
    magnitude = d.claim(equation(S.B, scale * sp.sqrt(1 + 3 * s2)),
                        "$|\\vec{B}| = \\mu_0 M_E (1 + 3\\sin^2\\lambda)^{1/2}/(4\\pi r^3)$")

    r_of = S.r_lam
    line = d.combine(
        [components], lambda c: equation(sp.diff(r_of, lam) / r_of, sp.simplify(c.rhs[0]
                                                                                / c.rhs[1])),
        "a field line is tangent to $\\vec{B}$: $dr/(r\\,d\\lambda) = B_r/B_\\lambda$",
        "ratio of the components")
    d.result("dipole_field_line_equation", line, "field-line equation "
                                                 "$dr/(r\\,d\\lambda) = B_r/B_\\lambda$")
    line = d.solve_ode(line, [r_of], {r_of.subs(lam, 0): S.r_eq},
                       "integrate from the equator, $r(0) = r_{eq}$")
    element = d.combine(
        [line], lambda l: equation(sp.Derivative(sp.Function("s")(lam), lam),
                                   sp.sqrt(sp.diff(l.rhs[0], lam)**2 + l.rhs[0]**2)),
        "line element $(ds)^2 = (dr)^2 + r^2 (d\\lambda)^2$", "arc length")
    element = d.claim(equation(element.statement.lhs,
                               S.r_eq * sp.cos(lam) * sp.sqrt(1 + 3 * s2)),
                      "$ds/d\\lambda = r_{eq}\\cos\\lambda\\,(1 + 3\\sin^2\\lambda)^{1/2}$")
    d.result("dipole_line_element", element, "line element along a dipole field line")
    d.result("dipole_field_line", line, "field line $r = r_{eq}\\cos^2\\lambda$")

    d.define(S.r_eq, L * R_E, "the L-value of a field line, $L = r_{eq}/R_E$")
    d.define(B_E, S.mu_0 * S.M_E / (4 * sp.pi * R_E**3), "equatorial field at the surface")
    on_line = d.substitute(magnitude, {r: S.r_eq * sp.cos(lam)**2}, "along the field line")
    on_shell = d.substitute(on_line, {S.r_eq: L * R_E, S.mu_0: 4 * sp.pi * R_E**3 * B_E / S.M_E},
                            "in terms of $L$ and $B_E$: $B(\\lambda, L)$")
    strength = on_shell
    d.result("dipole_field_strength", strength, "$B(\\lambda, L)$ along an L-shell")
    equatorial = d.substitute(strength, {lam: 0}, "at the equator", lhs=S.B_eq)
    d.result("dipole_equatorial_field", equatorial, "$B_{eq} = B_E/L^3$")

    surface = d.combine([line], lambda l: equation(R_E, l.rhs[0].subs(lam, S.lam_E)
                                                   .subs(S.r_eq, L * R_E)),
                        "the line meets the surface $r = R_E$ at latitude $\\lambda_E$",
                        "evaluate at $\\lambda_E$")
    u = sp.Dummy("u", positive=True)
    crossing = d.combine([surface], lambda s: equation(sp.cos(S.lam_E)**2, sp.solve(
        (s.lhs - s.rhs).subs(sp.cos(S.lam_E)**2, u), u)[0]),
        "solve for $\\cos^2\\lambda_E$", "solve")
    d.result("dipole_surface_latitude", crossing, "$\\cos^2\\lambda_E = 1/L$")

    mirror = d.imported(registry.result("mirror_ratio"), "first invariant: "
                                                         "$\\sin^2\\alpha/B$ is constant "
                                                         "(derivation mirror)")
    mirror = d.substitute(mirror, {S.alpha_1: S.alpha_eq, S.B_1: S.B_eq,
                                   S.alpha_2: sp.pi / 2, S.B_2: S.B_m},
                          "from the equator to the mirror point, where $\\alpha = \\pi/2$")
    mirror = d.substitute(mirror, {S.B_eq: B_E / L**3, S.B_m: strength.statement.rhs.subs(
        lam, S.lam_m)}, "the dipole field at the equator and at the mirror latitude: "
                        "the mirror-latitude equation")
    d.apply(mirror, lambda side: sp.diff(side, L), "independent of $L$", "derivative in $L$")
    d.result("mirror_latitude_equation", mirror, "$\\sin^2\\alpha_{eq} = \\cos^6\\lambda_m/"
                                                 "(1 + 3\\sin^2\\lambda_m)^{1/2}$")
    stretch = 1 + 3 * sp.sin(S.lam_m)**2
    squared = d.apply(mirror, lambda side: (side**2 * stretch).subs(sp.sin(S.alpha_eq), S.y),
                      "square and multiply by $1 + 3\\sin^2\\lambda_m$, with "
                      "$y = \\sin\\alpha_{eq}$", "square")
    d.apply(squared, lambda side: side.subs(sp.sin(S.lam_m)**2, 1 - sp.cos(S.lam_m)**2),
            "a polynomial in $\\cos^2\\lambda_m$ with one root in $(0, 1]$: a robust "
            "solver for $\\lambda_m$", "substitution")
    cone = d.substitute(mirror, {S.lam_m: S.lam_E}, "mirroring at the surface is the loss-cone "
                                                    "boundary", lhs=sp.sin(S.alpha_lc)**2)
    cosine = sp.cos(S.lam_E)**2
    cone = d.combine([cone, crossing], lambda c, x: equation(c.lhs, c.rhs.subs(
        sp.sin(S.lam_E)**2, 1 - cosine).subs(cosine, x.rhs)),
        "with $\\sin^2 = 1 - \\cos^2$ and $\\cos^2\\lambda_E = 1/L$", "substitution")
    cone = d.claim(equation(sp.sin(S.alpha_lc)**2, 1 / sp.sqrt(4 * L**6 - 3 * L**5)),
                   "the loss cone at the equator")
    d.result("dipole_loss_cone", cone, "equatorial loss cone $\\sin^2\\alpha_{lc} = "
                                       "(4L^6 - 3L^5)^{-1/2}$")

    _gyration_in_the_dipole(d, equatorial)
    return d.build()


def _gyration_in_the_dipole(d, equatorial):
    L, B_E, q, m = S.L, S.B_E, S.q, S.m
    frequency = d.imported(registry.result("gyrofrequency"), "gyrofrequency (derivation "
                                                             "gyration)")
    frequency = d.substitute(frequency, {S.B: equatorial.statement.rhs},
                             "in the equatorial field")
    d.result("dipole_gyrofrequency", frequency, "equatorial gyrofrequency $qB_E/(mL^3)$")
    radius = d.imported(registry.result("gyroradius_relativistic"),
                        "relativistic Larmor radius (derivation gyration)")
    radius = d.substitute(radius, {S.v_par: 0, S.B: equatorial.statement.rhs},
                          "all of the speed across $\\vec{B}$ (equatorially mirroring), in the "
                          "equatorial field")
    d.define(S.gamma, 1 + S.W / (m * S.c**2), "Lorentz factor from the kinetic energy $W$")
    d.define(S.v_perp, S.c * sp.sqrt(1 - 1 / S.gamma**2), "speed from $\\gamma$")
    radius = d.claim(equation(S.r_L, sp.sqrt(S.W**2 + 2 * S.W * m * S.c**2) * L**3
                              / (S.c * sp.Abs(q) * B_E)),
                     "with the momentum $p = (W^2 + 2Wmc^2)^{1/2}/c$", of=radius)
    d.result("dipole_gyroradius", radius, "equatorial gyroradius $pL^3/(|q|B_E)$")
    newtonian = d.apply(radius, lambda side: sp.limit(side, S.c, sp.oo),
                        "the Newtonian limit $c \\to \\infty$: $p = (2mW)^{1/2}$", "limit")
    d.result("dipole_gyroradius_newtonian", newtonian, "equatorial gyroradius, Newtonian",
             conditions=("nonrelativistic",))

    shell = Arg("L", L, "1", "L-shell (equatorial distance in Earth radii)", check=">=1")
    surface_field = Arg("B_E", B_E, "T", "Equatorial surface field", check="positive",
                        default=constants.B_E)
    d.numeric_function(NumericSpec(
        "dipole_field_strength", "Field strength along a dipole field line.",
        "dipole_field_strength",
        args=(shell, Arg("lam", S.lam, "rad", "Magnetic latitude", check="latitude"),
              surface_field),
        returns=("T", "|B| at latitude lam on the L-shell"),
        # r = L R_E cos^2(lam) >= R_E; the slack lets lam = arccos(L^(-1/2)) computed in
        # floating point (a relative 1e-12 is far above its rounding, far below any use)
        requires=(Requirement(L * sp.cos(S.lam)**2 - 1, "lam",
                              "the point is inside the planet: on the L-shell |lam| must "
                              "not exceed arccos(L**-0.5), where the field line meets the "
                              "surface", slack=1e-12),),
        example={"L": 4.0, "lam": 0.5},
        notes="A centred dipole; the Earth's field departs from it beyond about 6 R_E.",
        references=("Baumjohann and Treumann, eq. (2.79)",)))
    d.numeric_function(NumericSpec(
        "equatorial_gyrofrequency", "Gyrofrequency at the equator of a dipole L-shell.",
        "dipole_gyrofrequency", args=(shell, surface_field),
        returns=("rad/s", "Angular gyrofrequency |q| B_E/(m L^3) (rest mass)"),
        particle=("q", "m"),
        options=(Option("signed", False, "Keep the sign of the charge.", kind="absolute"),),
        example={"L": 4.0, "particle": "p+"},
        notes="Rest-mass (non-relativistic) frequency; divide by gamma for fast particles.",
        references=("lecture notes 003, 'Omega_p = eB/m_p'",)))
    d.numeric_function(NumericSpec(
        "equatorial_gyroradius", "Gyroradius at the equator of a dipole L-shell, for a "
        "particle with all its speed across B.", "dipole_gyroradius",
        args=(shell, Arg("energy", S.W, "J", "Kinetic energy", check="positive"),
              surface_field),
        returns=("m", "Gyroradius p L^3/(|q| B_E)"),
        particle=("q", "m"),
        options=(Option("relativistic", True, "Relativistic momentum (True) or the "
                        "Newtonian (2 m W)^(1/2), which refuses energies that would give "
                        "speeds at or above c.",
                        {True: "dipole_gyroradius", False: "dipole_gyroradius_newtonian"},
                        newtonian_speed=("energy", sp.sqrt(2 * S.W / m))),),
        example={"L": 4.0, "energy": "1 * MeV", "particle": "p+"},
        notes="Guiding-centre theory needs this radius small against the field's "
              "gradient length (about L R_E / 3 at the equator).",
        references=("lecture notes 003, rho/R_E = sqrt(E[MeV]) (L/11.1)^3",)))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
