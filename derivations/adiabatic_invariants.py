"""The three adiabatic invariants in radiation-belt form: M, J and K, Phi and L*.

First invariant: the flux through the gyration orbit, pi r_L^2 B with the
relativistic r_L = p_perp/(|q| B), is 2 pi m M/q^2 with M = p_perp^2/(2 m B)
(J/T; radiation-belt work quotes it in MeV/G), which tends to the magnetic
moment m v_perp^2/(2B) at low speed.  Second invariant: J = 2 p L R_E Y(y)
(derivation bounce_period) in terms of the kinetic energy, and
K = J/(2 (2 m M)^(1/2)) = L R_E B_eq^(1/2) Y(y)/y, which depends on the field
line and the mirror point only, not on the particle.  Third invariant: the
flux of the dipole through the equatorial plane outside the drift shell,
Phi = 2 pi B_E R_E^2/L, and Roederer's L* = 2 pi B_E R_E^2/Phi (= L in a dipole).
In any static field, J = 2 p I with McIlwain's integral invariant
I = int (1 - B/B_m)^(1/2) ds between the mirror points, and M = p^2/(2 m B_m) at
a mirror point give J = (8 m M)^(1/2) K with K = I B_m^(1/2) (Roederer and Zhang's
modified second invariant).  Last, the dipole's invariants inverted as codes do
(M, J, Phi) -> (p, y, L): p = (2 m B_E M)^(1/2)/(y L^(3/2)) and
Y(y)/y = (pi J^2/(4 m M Phi))^(1/2).

Sources: Roederer, Dynamics of Geomagnetically Trapped Radiation (1970), sec.
1.6-1.8 and 3.2; Schulz and Lanzerotti, Particle Diffusion in the Radiation
Belts (1974), sec. 1.3-1.5; Roederer and Lejosne, J. Geophys. Res. 123, 1381
(2018) (L*); Roederer and Zhang, Dynamics of Magnetically Trapped Particles (2014),
sec. 3.1-3.3 (I and K).
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation

NAME = "adiabatic_invariants"


def derive():
    c = S.c
    d = DerivationBuilder(
        NAME, "The adiabatic invariants M, K and Phi",
        summary="The relativistic first invariant $M = p_\\perp^2/(2mB)$, the second "
                "invariant $J = 2pLR_EY(y)$ and $K = J/(2\\sqrt{2mM}) = L R_E B_{eq}^{1/2} "
                "Y(y)/y$, the third invariant $\\Phi = 2\\pi B_E R_E^2/L$ of a dipole and "
                "$L^* = 2\\pi B_E R_E^2/\\Phi$; in any field $J = 2pI$ and $J = (8mM)^{1/2}K$ "
                "with $K = IB_m^{1/2}$; the dipole's invariants solved for $p$ and $Y(y)/y$.",
        assumptions=[
            "Guiding-centre motion: the gyroradius is small against the field's scale, so "
            "that each invariant is conserved while the fields change slowly against its "
            "period.",
            "$K$, $J$ and $\\Phi$: the Earth's centred dipole (derivations dipole_field and "
            "bounce_period), $y = \\sin\\alpha_{eq}$; $\\Phi$ and $M$ as magnitudes.",
            "$I$ and $K = IB_m^{1/2}$: any static field, the particle mirroring where the "
            "field is $B_m$, at $s_{m1}$ and $s_{m2}$ on its line.",
        ],
        domains={S.v: (0, c), S.v_perp: (0, c / 2), S.v_par: (-c / 2, c / 2),
                 S.alpha: (sp.Rational(1, 10), sp.Rational(3, 2))},
        references=["Roederer, Dynamics of Geomagnetically Trapped Radiation, sec. 1.6-1.8",
                    "Schulz and Lanzerotti, Particle Diffusion in the Radiation Belts, "
                    "sec. 1.3-1.5",
                    "Roederer and Lejosne, J. Geophys. Res. 123, 1381 (2018)",
                    "Roederer and Zhang, Dynamics of Magnetically Trapped Particles (2014), "
                    "sec. 3.1-3.3"])
    first = _first_invariant(d)
    equatorial, at_equator, K_dipole = _second_invariant(d, first)
    star = _third_invariant(d, equatorial)
    K = _integral_invariant(d, first)
    _inverted(d, at_equator, equatorial, K_dipole, star, K)
    _numeric_functions(d)
    return d.build()


def _first_invariant(d):
    m, q, c, B, p = S.m, S.q, S.c, S.B, S.p
    radius = d.imported(registry.result("gyroradius_relativistic"),
                        "relativistic gyroradius (derivation gyration)")
    gamma_v = 1 / sp.sqrt(1 - (S.v_perp**2 + S.v_par**2) / c**2)
    d.define(S.p_perp, gamma_v * m * S.v_perp, "momentum across $\\vec{B}$, $\\gamma m v_\\perp$")
    radius = d.claim(equation(S.r_L, S.p_perp / (sp.Abs(q) * B)),
                     "the gyroradius is $p_\\perp/(|q|B)$", of=radius)
    flux = d.combine([radius], lambda r: equation(sp.pi * S.r_L**2 * B, sp.pi * r.rhs**2 * B),
                     "magnetic flux through the gyration orbit", "$\\pi r_L^2 B$")
    invariant = d.define(S.M_inv, S.p_perp**2 / (2 * m * B),
                         "the relativistic first invariant (J/T)")
    d.claim(equation(sp.pi * S.r_L**2 * B, 2 * sp.pi * m * S.M_inv / q**2),
            "the flux through the orbit is $2\\pi m M/q^2$: $M$ is invariant with it", of=flux)
    d.result("first_invariant", invariant, "relativistic first invariant "
                                           "$M = p_\\perp^2/(2mB)$")
    in_speed = d.substitute(invariant, {S.p_perp: gamma_v * m * S.v_perp}, "in the speeds")
    limit = d.apply(in_speed, lambda side: sp.limit(side, c, sp.oo),
                    "at low speed: the magnetic moment $m v_\\perp^2/(2B)$ (derivation "
                    "magnetic_moment)", "limit $c \\to \\infty$")
    d.result("first_invariant_newtonian", limit, "$M \\to \\mu = m v_\\perp^2/(2B)$",
             conditions=("nonrelativistic",))
    pitch = d.substitute(invariant, {S.p_perp: p * sp.sin(S.alpha)},
                         "$p_\\perp = p\\sin\\alpha$ at pitch angle $\\alpha$")
    momentum = d.imported(registry.result("momentum_energy"),
                          "momentum from the kinetic energy (derivation "
                          "relativistic_kinematics)")
    energy = d.substitute_steps(pitch, [momentum], "in terms of the kinetic energy: "
                                "$M = (W^2 + 2Wmc^2)\\sin^2\\alpha/(2mc^2B)$")
    d.result("first_invariant_energy", energy, "first invariant from the kinetic energy "
                                               "and the pitch angle")
    return pitch


def _second_invariant(d, pitch):
    m, c, p, y = S.m, S.c, S.p, S.y
    J = d.imported(registry.result("second_invariant"), "second invariant (derivation "
                                                        "bounce_period)")
    momentum = registry.result("momentum_energy")
    energy = d.substitute(J, {p: momentum.expression}, "in terms of the kinetic energy "
                                                       "(derivation relativistic_kinematics)")
    d.result("second_invariant_energy", energy, "$J = 2 L R_E Y(y)(W^2 + 2Wmc^2)^{1/2}/c$")
    newton = d.apply(energy, lambda side: sp.limit(side, c, sp.oo),
                     "the Newtonian limit $c \\to \\infty$: $p = (2mW)^{1/2}$", "limit")
    d.result("second_invariant_newtonian", newton, "Newtonian $J = 2 L R_E Y(y)(2mW)^{1/2}$",
             conditions=("nonrelativistic",))
    at_equator = d.substitute(pitch, {S.alpha: S.alpha_eq, S.B: S.B_eq},
                              "the first invariant at the equator")
    at_equator = d.substitute(at_equator, {sp.sin(S.alpha_eq): y}, "$y = \\sin\\alpha_{eq}$")
    K = d.combine([J, at_equator], lambda j, mu: equation(
        S.K_inv, j.rhs / (2 * sp.sqrt(2 * m * mu.rhs))),
        "$K = J/(2\\sqrt{2mM})$: independent of the particle, a property of the field "
        "line and the mirror point", "$J/(2\\sqrt{2mM})$")
    d.result("K_invariant", K, "$K = L R_E B_{eq}^{1/2} Y(y)/y$")
    equatorial = d.imported(registry.result("dipole_equatorial_field"),
                            "equatorial field (derivation dipole_field)")
    dipole = d.substitute_steps(K, [equatorial], "in the dipole: "
                                "$K = R_E B_E^{1/2} Y(y)/(y L^{1/2})$")
    d.result("K_invariant_dipole", dipole, "$K$ in the dipole")
    return equatorial, at_equator, dipole


def _third_invariant(d, equatorial):
    L, R_E, r = S.L, S.R_E, S.r
    at_r = d.substitute(equatorial, {L: r / R_E}, "at the distance $r = L R_E$ in the "
                                                  "equatorial plane")
    flux = d.combine(
        [at_r], lambda b: equation(S.Phi_inv, sp.Integral(2 * sp.pi * r * b.rhs,
                                                          (r, L * R_E, sp.oo))),
        "the flux enclosed by the drift shell ($\\oint\\vec{A}\\cdot d\\vec{l}$): as much as "
        "crosses the equatorial plane outside it", "flux integral over rings $2\\pi r\\,dr$")
    flux = d.apply(flux, lambda side: side.doit(), "integrate", "integration")
    d.result("third_invariant", flux, "$\\Phi = 2\\pi B_E R_E^2/L$")
    star = d.solve(flux, L, "solve for the shell: Roederer's $L^*$, equal to $L$ in a dipole")
    d.result("L_star", star, "$L^* = 2\\pi B_E R_E^2/\\Phi$")
    return star


def _integral_invariant(d, pitch):
    """Roederer's modified second invariant K = I B_m^(1/2) in any static field: J = 2 p I
    from the definition of J, and M = p^2/(2 m B_m) at the mirror point, so that
    J = (8 m M)^(1/2) K."""
    m, p, s, B_m = S.m, S.p, S.s, S.B_m
    speed = d.imported(registry.result("parallel_speed_pitch_angle"),
                       "parallel speed along the line (derivation mirror)")
    speed = d.substitute(speed, {S.alpha_0: sp.pi / 2, S.B_0: B_m},
                         "referred to the mirror point, where $\\alpha = \\pi/2$ and $B = B_m$")
    invariant = d.given(
        equation(S.J_inv, 2 * sp.Integral(p * sp.Abs(S.v_par) / S.v, (s, S.s_m1, S.s_m2))),
        "$J = \\oint p_\\parallel ds$: twice the way between the mirror points, "
        "$p_\\parallel = p|v_\\parallel|/v$")
    invariant = d.substitute_steps(invariant, [speed], "insert $|v_\\parallel|$")
    invariant = d.substitute(invariant, {S.B: S.B_of_s(s)}, "the field $B(s)$ along the line")
    invariant = d.pull_constants(invariant)
    integral = d.define(S.I_inv, sp.Integral(sp.sqrt(1 - S.B_of_s(s) / B_m),
                                             (s, S.s_m1, S.s_m2)),
                        "McIlwain's integral invariant: the field line and $B_m$ alone")
    d.result("integral_invariant", integral, "integral invariant $I = \\int (1 - B/B_m)^{1/2} ds$")
    J = d.claim(equation(S.J_inv, 2 * p * S.I_inv), "the second invariant is $2pI$",
                of=invariant)
    d.result("second_invariant_integral_invariant", J, "$J = 2pI$")
    mirror = d.substitute(pitch, {S.alpha: sp.pi / 2, S.B: B_m},
                          "the first invariant at the mirror point, where $p_\\perp = p$")
    momentum = d.solve(mirror, p, "the momentum from $M$ and $B_m$")
    J = d.substitute_steps(J, [momentum], "$J$ through $M$ and $B_m$")
    K = d.define(S.K_inv, S.I_inv * sp.sqrt(B_m),
                 "Roederer's $K = I B_m^{1/2}$: no property of the particle")
    d.result("K_integral_invariant", K, "$K = I B_m^{1/2}$")
    J = d.claim(equation(S.J_inv, sp.sqrt(8 * m * S.M_inv) * S.K_inv),
                "$J = (8mM)^{1/2} K$ (Roederer and Zhang 2014, sec. 3)", of=J)
    d.result("second_invariant_K", J, "$J = (8mM)^{1/2} K$")
    K = d.solve(J, S.K_inv, "$K$ from $J$ and $M$")
    d.result("K_second_invariant", K, "$K = J/(8mM)^{1/2}$")
    return K


def _inverted(d, at_equator, equatorial, K_dipole, star, K):
    """The dipole's invariants solved for the particle and its orbit, as codes invert
    (M, J, Phi) -> (p, y, L): the momentum from M, and Y(y)/y from all three."""
    y, L = S.y, S.L
    first = d.substitute_steps(at_equator, [equatorial], "$B_{eq} = B_E/L^3$")
    momentum = d.solve(first, S.p, "the momentum from the first invariant")
    d.result("momentum_first_invariant_dipole", momentum,
             "$p = (2mB_EM)^{1/2}/(yL^{3/2})$")
    shape = d.solve(K_dipole, S.Y_of(y), "the dipole's $K$ solved for $Y(y)$")
    shape = d.apply(shape, lambda side: side / y, "divide by $y$", "division")
    shape = d.substitute_steps(shape, [star], "$L = 2\\pi B_E R_E^2/\\Phi$")
    shape = d.substitute_steps(shape, [K], "$K = J/(8mM)^{1/2}$: $Y(y)/y$ from the three "
                                           "invariants")
    d.result("Y_over_y_invariants", shape, "$Y(y)/y = (\\pi J^2/(4mM\\Phi))^{1/2}$")


def _numeric_functions(d):
    planet = {"B_E": Arg("B_E", S.B_E, "T", "Equatorial surface field", check="positive"),
              "R_E": Arg("R_E", S.R_E, "m", "Planet radius", check="positive")}
    d.numeric_function(NumericSpec(
        "first_invariant", "Relativistic first adiabatic invariant p_perp^2/(2 m B).",
        "first_invariant_energy",
        args=(Arg("B", S.B, "T", "Magnetic field strength", check="positive"),
              Arg("energy", S.W, "J", "Kinetic energy", check="nonnegative"),
              Arg("alpha", S.alpha, "rad", "Local pitch angle", check="pitch")),
        returns=("J/T", "M = p_perp^2/(2 m B); divide by guidingcenter.units.MeV/G for "
                        "MeV/G"),
        particle=("m",), too_fast=None,
        example={"B": "100 * nT", "energy": "1 * MeV", "alpha": "90 * deg",
                 "particle": "e-"},
        notes="Reduces to the magnetic moment m v_perp^2/(2B) at low speed. In MeV/G: "
              "first_invariant(...) / (MeV / G) with MeV and G from guidingcenter.units.",
        references=("Roederer, Dynamics of Geomagnetically Trapped Radiation, sec. 1.6",
                    "Schulz and Lanzerotti, Particle Diffusion in the Radiation Belts, "
                    "sec. 1.3")))
    d.numeric_function(NumericSpec(
        "third_invariant", "Third adiabatic invariant of a dipole drift shell.",
        "third_invariant",
        args=(Arg("L", S.L, "1", "L-shell (equatorial distance in planet radii)",
                  check=">=1"), planet["B_E"], planet["R_E"]),
        returns=("T m^2", "Magnetic flux 2 pi B_E R_E^2/L enclosed by the drift shell (Wb)"),
        example={"L": 4.0},
        notes="A magnitude. In G R_E^2: third_invariant(L) / (G * R_E**2) with G and R_E "
              "from guidingcenter.units (the Earth's R_E).",
        references=("Roederer, Dynamics of Geomagnetically Trapped Radiation, sec. 1.8",)))
    d.numeric_function(NumericSpec(
        "L_star", "Roederer's L* of a third invariant Phi.", "L_star",
        args=(Arg("Phi", S.Phi_inv, "T m^2", "Third invariant (magnetic flux, Wb)",
                  check="positive", sample=(13, 16)), planet["B_E"], planet["R_E"]),
        returns=("1", "L* = 2 pi B_E R_E^2/Phi"),
        example={"Phi": 1.98e14},
        notes="In a dipole L* = L; in a real field L* labels the drift shell by the flux it "
              "encloses.",
        references=("Roederer and Lejosne, J. Geophys. Res. 123, 1381 (2018)",)))
    shell = Arg("L", S.L, "1", "L-shell", check=">=1")
    energy = Arg("W", S.W, "J", "Kinetic energy", check="positive")
    mass = Arg("m", S.m, "kg", "Mass", check="positive", sample=(-31, -25))
    radius = Arg("R_E", S.R_E, "m", "Planet radius", check="positive", sample=(6, 8))
    Y = Arg("Y", S.Y_of(S.y), "1", "Second-invariant integral Y(y)", check="nonnegative")
    for function, result, args in [
            ("_second_invariant_kernel", "second_invariant_energy",
             (shell, energy, mass, radius, Y)),
            ("_second_invariant_newtonian_kernel", "second_invariant_newtonian",
             (shell, energy, mass, radius, Y)),
            ("_K_kernel", "K_invariant_dipole",
             (shell, Arg("y", S.y, "1", "sin(alpha_eq)", check="positive"), radius,
              Arg("B_E", S.B_E, "T", "Surface field", check="positive", sample=(-9, -3)),
              Y))]:
        d.numeric_function(NumericSpec(function, f"Kernel of result {result}.", result,
                                       args=args, returns=("", "")))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
