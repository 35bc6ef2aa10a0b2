"""Gyration of a charged particle in a uniform magnetic field.

Solve m dv/dt = q v x B with B = B z-hat: the particle circles the field line
at the signed gyrofrequency omega_c = qB/m on a circle of radius
r_L = m v_perp / (|q| B), in the sense opposite to the sign of q, while moving
uniformly along B.  Relativistically |v| (so gamma) is constant and m -> gamma m.

Sources: Hebrew notes (003) "Charged particle motion"; German lecture (004)
section 2; Chen, Introduction to Plasma Physics, sec. 2.2.1.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Option
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame

NAME = "gyration"


def derive():
    t, q, m, B = S.t, S.q, S.m, S.B
    vx, vy, vz = S.v_x_t, S.v_y_t, S.v_z_t
    velocity = sp.Matrix([vx, vy, vz])
    frame = Frame(vectors={S.v_vec: velocity, S.dv_dt: velocity.diff(t),
                           S.B_vec: sp.Matrix([0, 0, B])})
    d = DerivationBuilder(
        NAME, "Gyration in a uniform magnetic field",
        summary="A charged particle in a uniform magnetic field circles the field line at "
                "the gyrofrequency $\\omega_c = qB/m$ on a circle of radius "
                "$r_L = m v_\\perp/(|q|B)$; positive and negative charges circle in "
                "opposite senses.",
        assumptions=[
            "Uniform, static magnetic field $\\vec{B} = B\\hat{z}$; no electric field.",
            "Newtonian equation of motion (the relativistic case follows at the end).",
            "At $t = 0$ the velocity is $v_\\perp$ across the field at gyrophase $\\phi$ "
            "and $v_\\parallel$ along it.",
        ],
        frame=frame,
        domains={S.v_perp: (0, S.c / 2), S.v_par: (-S.c / 2, S.c / 2)},
        references=["Chen, Introduction to Plasma Physics, sec. 2.2.1",
                    *lecture_notes("003", "004")])

    law = d.given(equation(m * S.dv_dt, q * Cross(S.v_vec, S.B_vec)),
                  "Lorentz force with $\\vec{E} = 0$")
    d.result("lorentz_force_magnetic", law, "$m\\,d\\vec{v}/dt = q\\vec{v}\\times\\vec{B}$")
    components = d.in_components(law, "components, with $\\vec{B} = B\\hat{z}$")
    d.result("lorentz_force_components", components, "equation of motion in components, "
                                                     "$\\vec{B} = B\\hat{z}$")
    solution = d.solve_ode(
        components, [vx, vy, vz],
        {vx.subs(t, 0): S.v_perp * sp.cos(S.phi), vy.subs(t, 0): -S.v_perp * sp.sin(S.phi),
         vz.subs(t, 0): S.v_par},
        "solve the three equations with the initial velocity")
    d.define(S.omega_c, q * B / m, "define the signed gyrofrequency")
    phase = S.omega_c * t + S.phi
    velocity_form = d.claim(
        equation(velocity, sp.Matrix([S.v_perp * sp.cos(phase), -S.v_perp * sp.sin(phase),
                                      S.v_par])),
        "circular motion across $\\vec{B}$ at angular frequency $|\\omega_c|$, uniform along it",
        of=solution)
    position = d.combine(
        [velocity_form],
        lambda v: equation(sp.Matrix([S.x_t, S.y_t]),
                           sp.Matrix([S.X_gc + sp.integrate(v.rhs[0], t),
                                      S.Y_gc + sp.integrate(v.rhs[1], t)])),
        "integrate: the particle circles the guiding centre $(X_{gc}, Y_{gc})$",
        "antiderivative in $t$")
    orbit = position
    radius_squared = d.combine(
        [orbit],
        lambda o: equation(S.r_L**2, sp.simplify((o.rhs[0] - S.X_gc)**2
                                                  + (o.rhs[1] - S.Y_gc)**2)),
        "squared distance from the guiding centre is constant", "sum of squares")
    radius = d.apply(radius_squared, lambda side: sp.sqrt(side),
                     "the Larmor radius $r_L = v_\\perp/|\\omega_c|$", "square root")
    larmor = d.claim(equation(S.r_L, m * S.v_perp / (sp.Abs(q) * B)),
                     "in terms of the field: $r_L = m v_\\perp/(|q|B)$")
    d.result("gyrofrequency", d.steps[3], "signed gyrofrequency $\\omega_c = qB/m$")
    d.result("larmor_velocity", velocity_form, "velocity on the Larmor orbit")
    d.result("larmor_orbit", orbit, "position on the Larmor orbit")
    d.result("gyroradius", larmor, "Larmor radius, non-relativistic",
             conditions=("nonrelativistic",))

    # Sense of rotation: angular momentum about the guiding centre, along B.
    L_of = sp.Function("L_z", real=True)
    spin = d.combine(
        [orbit, velocity_form],
        lambda o, v: equation(L_of(q), sp.simplify(
            m * ((o.rhs[0] - S.X_gc) * v.rhs[1] - (o.rhs[1] - S.Y_gc) * v.rhs[0]))),
        "angular momentum about the guiding centre along $\\hat{z}$", "$m (\\Delta x\\, v_y - "
        "\\Delta y\\, v_x)$")
    spin_form = d.claim(equation(L_of(q), -m**2 * S.v_perp**2 / (q * B)),
                        "opposite to the sign of $q$: ions gyrate left-handedly about "
                        "$\\vec{B}$ (clockwise when $\\vec{B}$ points toward the viewer), "
                        "electrons right-handedly")
    flipped = d.substitute(spin_form, {q: -q}, "the same particle with the opposite charge")
    d.combine([spin_form, flipped],
              lambda a, b: equation(a.lhs + b.lhs, sp.simplify(a.rhs + b.rhs)),
              "opposite charges gyrate in opposite senses", "sum of the two equations")

    # Relativistic motion: d(gamma m v)/dt = q v x B.
    power = d.given(equation(S.P, Dot(S.v_vec, q * Cross(S.v_vec, S.B_vec))),
                    "power delivered by the magnetic force")
    d.in_components(power, "the magnetic force does no work, so $|\\vec{v}|$ and "
                           "$\\gamma$ are constant")
    d.define(S.gamma, 1 / sp.sqrt(1 - S.v**2 / S.c**2), "Lorentz factor")
    d.define(S.v, sp.sqrt(S.v_perp**2 + S.v_par**2), "speed")
    relativistic_frequency = d.substitute(
        d.steps[3], {m: S.gamma * m},
        "with $\\gamma$ constant, $d(\\gamma m\\vec{v})/dt = \\gamma m\\, d\\vec{v}/dt$: "
        "replace $m$ by $\\gamma m$")
    relativistic_frequency = d.claim(
        equation(S.omega_c, q * B * sp.sqrt(1 - S.v**2 / S.c**2) / m),
        "relativistic gyrofrequency $qB/(\\gamma m)$")
    relativistic_radius = d.substitute(larmor, {m: S.gamma * m}, "likewise for the radius")
    relativistic_radius = d.claim(
        equation(S.r_L, m * S.v_perp / (sp.Abs(q) * B
                                         * sp.sqrt(1 - (S.v_perp**2 + S.v_par**2) / S.c**2))),
        "relativistic Larmor radius $r_L = \\gamma m v_\\perp/(|q|B)$")
    d.result("gyrofrequency_relativistic", relativistic_frequency,
             "gyrofrequency $qB/(\\gamma m)$")
    d.result("gyroradius_relativistic", relativistic_radius,
             "Larmor radius $\\gamma m v_\\perp/(|q|B)$")
    _numeric_functions(d)
    return d.build()


def _numeric_functions(d):
    field = Arg("B", S.B, "T", "Magnetic field strength", check="positive")
    d.numeric_function(NumericSpec(
        "gyrofrequency", "Gyrofrequency (cyclotron frequency) of a charged particle.",
        "gyrofrequency_relativistic",
        args=(field, Arg("v", S.v, "m/s", "Particle speed (0 gives the rest-mass "
                         "cyclotron frequency)", check="nonnegative", default=0.0)),
        returns=("rad/s", "Angular gyrofrequency; |q|B/(gamma m) unless signed"),
        particle=("q", "m"),
        options=(Option("relativistic", True, "Use gamma m (True) or the rest mass m.",
                        {True: "gyrofrequency_relativistic", False: "gyrofrequency"}),
                 Option("signed", False, "Return qB/(gamma m) with the sign of the charge: "
                        "positive ions gyrate left-handedly about B (clockwise when B "
                        "points toward the viewer), electrons right-handedly.", kind="absolute")),
        light_speed=("v",),
        example={"B": 1.0, "particle": "e-"},
        notes="Exact for a uniform static field. With relativistic=False the speed is "
              "ignored but still must be below c.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.4)",)))
    d.numeric_function(NumericSpec(
        "gyroradius", "Larmor radius (gyroradius) of a charged particle.",
        "gyroradius_relativistic",
        args=(field,
              Arg("v_perp", S.v_perp, "m/s", "Speed across B", check="nonnegative"),
              Arg("v_par", S.v_par, "m/s", "Speed along B (enters only through gamma)",
                  default=0.0)),
        returns=("m", "Larmor radius"),
        particle=("q", "m"),
        options=(Option("relativistic", True, "Use gamma m v_perp/(|q| B) (True) or the "
                        "Newtonian m v_perp/(|q| B); both refuse speeds at or above c.",
                        {True: "gyroradius_relativistic", False: "gyroradius"}),),
        light_speed=("v_perp", "v_par"),
        example={"B": 1.0, "v_perp": 1e6, "particle": "e-"},
        notes="Exact for a uniform static field; in a varying field it is the local "
              "radius, meaningful while r_L is small against the gradient length B/|grad B|.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.7)",)))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
