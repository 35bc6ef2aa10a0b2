"""Grad-B drift: gyro-averaging the Lorentz force in a weakly non-uniform field.

Expand B about the guiding centre with the general field-gradient matrix
G_ij = dB_i/dx_j (all nine entries; second derivatives dropped at first order
in r_L/L_B), substitute the Larmor orbit of the gyration derivation, average
over the gyrophase and use div B = 0: the mean force is F = -mu grad B with
mu = m v_perp^2/(2B).  The general force drift then gives
v_gradB = m v_perp^2/(2 q B^3) B x grad B.

Axes are chosen with z along B at the guiding centre: a choice of
coordinates, not a restriction on the field, and the results are stated in
coordinate-free vector form.

Sources: English derivation notes (002) sec. 01; German lecture (004) sec. 4-5;
Hebrew notes (003) "Magnetic gradient drift"; Chen sec. 2.3.1.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Ordering
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Div, Dot, Frame, Grad

NAME = "gradb_drift"


def field_about_guiding_centre():
    """B(x) = B_0 z-hat + G x + (1/2) H(x, x): the general second-order Taylor field."""
    position = sp.Matrix([S.X, S.Y, S.Z])
    G, H = S.field_gradient, S.field_hessian
    second = sp.Matrix([sum(H[i][j][k] * position[j] * position[k]
                            for j in range(3) for k in range(3)) / 2 for i in range(3)])
    return position, sp.Matrix([0, 0, S.B_0]) + G * position + second


def derive():
    q, m, B = S.q, S.m, S.B
    G = S.field_gradient
    position, field = field_about_guiding_centre()
    velocity = S.components("v")
    frame = Frame(vectors={S.B_vec: field, S.v_vec: velocity},
                  scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))}, position=position)
    d = DerivationBuilder(
        NAME, "Grad-B drift",
        summary="Gyro-averaging the Lorentz force in a weakly non-uniform magnetic field "
                "gives the mirror-type force $-\\mu\\nabla B$ and the drift "
                "$m v_\\perp^2/(2qB^3)\\,\\vec{B}\\times\\nabla B$.",
        assumptions=[
            "Static magnetic field, no electric field.",
            "Axes with $\\hat{z}$ along $\\vec{B}$ at the guiding centre, where "
            "$|\\vec{B}| = B_0$; the field gradient $\\partial_j B_i$ is general (nine "
            "entries) and second derivatives are kept until the truncation.",
            "First order in $r_L/L_B$, $L_B$ the gradient length: the field is "
            "expanded linearly about the guiding centre.",
            "The orbit over one gyration is the uniform-field Larmor orbit (drifts slow "
            "against $v_\\perp$); $\\nabla\\cdot\\vec{B} = 0$.",
        ],
        frame=frame,
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.1",
                    *lecture_notes("002", "003", "004")])

    law = d.given(equation(S.F_vec, q * Cross(S.v_vec, S.B_vec)),
                  "Lorentz force at the particle, at $(X, Y, Z)$ from the guiding centre")
    exact = d.in_components(law, "with the field expanded about the guiding centre",
                            at_origin=False)
    linear = d.truncate(exact, list(position), 1, "Taylor expansion to first order in "
                                                  "$r_L/L_B$: $\\vec{B} \\approx \\vec{B}_0 + "
                                                  "(\\vec{r}\\cdot\\nabla)\\vec{B}$")
    orbit = d.imported(registry.result("larmor_orbit"), "Larmor orbit (derivation gyration)")
    speed = d.imported(registry.result("larmor_velocity"),
                       "Larmor velocity (derivation gyration)")
    now = {S.phi: S.phi - S.omega_c * S.t}
    offsets = [orbit.statement.rhs[0] - S.X_gc, orbit.statement.rhs[1] - S.Y_gc]
    on_orbit = {S.X: offsets[0].subs(now), S.Y: offsets[1].subs(now), S.Z: 0}
    on_orbit.update(dict(zip(velocity, [c.subs(now) for c in speed.statement.rhs])))
    gyrating = d.combine(
        [linear, orbit, speed],
        lambda f, *_: equation(f.lhs, f.rhs.subs(on_orbit)),
        "substitute the orbit, with the gyrophase $\\phi$ measured at the current time",
        "substitution")
    averaged = d.average(gyrating, S.phi, "average over the gyrophase: terms odd in the "
                                          "orbit vanish", lhs=S.F_gradB)
    divergence = d.given(equation(Div(S.B_vec), 0), "no magnetic monopoles")
    divergence = d.in_components(divergence, "at the guiding centre")
    G_xx = d.solve(divergence, G[0, 0], "solve for $\\partial_x B_x$")
    no_monopoles = d.substitute_steps(averaged, [G_xx], "apply $\\nabla\\cdot\\vec{B} = 0$")
    no_monopoles = d.simplify(no_monopoles, "collect terms", how=sp.expand)
    d.evaluate(Grad(B), "gradient of the field strength at the guiding centre: the "
                        "derivatives of $B_z$")
    d.define(S.omega_c, q * S.B_0 / m, "gyrofrequency at the guiding centre")
    in_field = d.substitute(no_monopoles, {S.omega_c: q * S.B_0 / m}, "insert $\\omega_c$")
    d.define(S.mu, m * S.v_perp**2 / (2 * B), "magnetic moment")
    force = d.claim(equation(S.F_gradB, -S.mu * Grad(B)),
                    "the averaged force is $-\\mu\\nabla B$", of=in_field)
    d.result("gradB_force", force, "gyro-averaged force $-\\mu\\nabla B$")

    drift_law = d.imported(registry.result("force_drift"), "general force drift "
                                                           "(derivation force_drift)")
    drift = d.substitute(drift_law, {S.F_vec: force.statement.rhs},
                         "the drift of this force", lhs=S.v_gradB)
    gradb = d.claim(equation(S.v_gradB, m * S.v_perp**2 / (2 * q * B**3)
                             * Cross(S.B_vec, Grad(B))), "the grad-B drift")
    d.result("gradB_drift", gradb, "grad-B drift $m v_\\perp^2/(2qB^3)\\,\\vec{B}\\times\\nabla B$")

    d.numeric_function(NumericSpec(
        "gradB_drift", "Grad-B drift velocity of the guiding centre.", "gradB_drift",
        args=(Arg("B", S.B_vec, "T", "Magnetic field at the guiding centre", vector=True,
                  check="nonzero"),
              Arg("grad_B", Grad(B), "T/m", "Gradient of the field strength |B|",
                  vector=True),
              Arg("v_perp", S.v_perp, "m/s", "Speed across B", check="nonnegative")),
        returns=("m/s", "Drift velocity m v_perp^2 / (2 q B^3) B x grad|B|"),
        particle=("q", "m"),
        light_speed=("v_perp",),
        orderings=(Ordering("r_L/L_B", m * S.v_perp * sp.sqrt(Dot(Grad(B), Grad(B)))
                            / (sp.Abs(q) * B**2), "MAX_GRADIENT_ORDERING",
                            "B, grad_B, v_perp"),),
        example={"B": [0.0, 0.0, 1e-5], "grad_B": [1e-12, 0.0, 0.0], "v_perp": 1e5,
                 "particle": "p+"},
        notes="First order in r_L/L_B with L_B = B/|grad B|: it stops holding when the "
              "Larmor radius is not small against L_B (at r_L/L_B = 0.3 the error is about "
              "5 %). Positive ions drift along B x grad B, electrons opposite. "
              "Non-relativistic; relativistically m v_perp^2 becomes gamma m v_perp^2. "
              "Measured against full orbits (guidingcenter confirm gradB, the slab "
              "B_0 (1 + x/L_B) z-hat): relative error 0.61 (r_L/L_B)^2.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.24)",)))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
