"""Diamagnetic drift: the fluid drift of a species with a pressure gradient, and its current.

A species of charge q, density n and pressure p in steady state, with inertia
and collisions neglected, balances its pressure gradient with the Lorentz force
density: grad p = q n (E + u x B).  Across B this fixes the fluid velocity:
u_perp = E x B/B^2 - grad p x B/(q n B^2), the E x B drift plus the diamagnetic
drift v_dia = -grad p x B/(q n B^2).  Its current q n v_dia = B x grad p/B^2
does not depend on the charge: summed over species it is B x grad(p_i + p_e)/B^2.
It is a drift of the fluid, not of guiding centres (they do not move along it:
more particles gyrate on one side of a field line than on the other), so it
holds whatever the gyroradius, as long as the fluid description does.

Axes: first z along B with E and grad p across it (a choice of coordinates);
then fields of any orientation.

The pressure is written p_th (the momentum is p).

Sources: Chen, Introduction to Plasma Physics, sec. 3.5 (eqs. 3.69, 3.70);
Baumjohann and Treumann, Basic Space Plasma Physics, sec. 7.3.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame, Grad

NAME = "diamagnetic_drift"


def derive():
    q, n, B = S.q, S.n, S.B
    grad_p = Grad(S.p_th)
    E_x, E_y, _ = S.components("E")
    gp_x, gp_y, _ = S.components("grad_p")
    u_x, u_y, u_z = S.components("u")
    aligned = Frame(vectors={S.B_vec: sp.Matrix([0, 0, B]), S.E_vec: sp.Matrix([E_x, E_y, 0]),
                             grad_p: sp.Matrix([gp_x, gp_y, 0]),
                             S.u_vec: sp.Matrix([u_x, u_y, u_z]),
                             S.u_perp: sp.Matrix([u_x, u_y, 0])})
    d = DerivationBuilder(
        NAME, "Diamagnetic drift and current",
        summary="A species with a pressure gradient across $\\vec{B}$ drifts, as a fluid, at "
                "$\\vec{v}_{dia} = -\\nabla p\\times\\vec{B}/(qnB^2)$ besides "
                "$\\vec{E}\\times\\vec{B}/B^2$; its current $\\vec{B}\\times\\nabla p/B^2$ "
                "is independent of the charge.",
        assumptions=[
            "A fluid species (charge $q$, density $n$, scalar pressure $p$) in steady state; "
            "inertia, viscosity and collisions neglected.",
            "First part: $\\vec{B} = B\\hat{z}$, $\\vec{E}$ and $\\nabla p$ across it (along "
            "$\\vec{B}$ they balance each other and do not enter the drift); last part: any "
            "orientation.",
        ],
        frame=aligned,
        references=["Chen, Introduction to Plasma Physics, sec. 3.5",
                    "Baumjohann and Treumann, Basic Space Plasma Physics, sec. 7.3"])

    balance = d.given(equation(grad_p, q * n * (S.E_vec + Cross(S.u_vec, S.B_vec))),
                      "force balance: the pressure gradient against the Lorentz force density")
    d.result("fluid_force_balance", balance, "steady force balance of a fluid species "
                                             "$\\nabla p = qn(\\vec{E} + \\vec{u}\\times"
                                             "\\vec{B})$")
    components = d.in_components(balance, "in components, $\\vec{B} = B\\hat{z}$")
    solution = d.solve(components, [u_x, u_y], "solve for the velocity across $\\vec{B}$")
    across = d.combine([solution], lambda s: equation(S.u_perp, sp.Matrix([*s.rhs, 0])),
                       "the fluid velocity across $\\vec{B}$", "components across $\\vec{B}$")
    drift = d.claim(equation(S.u_perp, Cross(S.E_vec, S.B_vec) / B**2
                             - Cross(grad_p, S.B_vec) / (q * n * B**2)),
                    "the E cross B drift and a drift driven by the pressure gradient")
    dia = d.apply(drift, lambda side: side - Cross(S.E_vec, S.B_vec) / B**2,
                  "less the E cross B drift (derivation exb_drift): the diamagnetic drift, "
                  "opposite for ions and electrons", "difference", lhs=S.v_dia)
    d.result("diamagnetic_drift", dia, "diamagnetic drift "
             "$-\\nabla p\\times\\vec{B}/(qnB^2)$")
    current = d.combine([dia], lambda v: equation(S.j_vec, q * n * v.rhs),
                        "its current density: charge density times velocity",
                        "multiplication by $qn$")
    current = d.claim(equation(S.j_vec, Cross(S.B_vec, grad_p) / B**2),
                      "independent of $q$ and $n$: for ions and electrons together, "
                      "$\\nabla p = \\nabla(p_i + p_e)$")
    d.result("diamagnetic_current", current, "diamagnetic current density "
             "$\\vec{B}\\times\\nabla p/B^2$")

    # Any orientation: with u_perp as found, only a force along B is left unbalanced.
    general = Frame(vectors={S.E_vec: S.components("E"), S.B_vec: S.components("B"),
                             grad_p: S.components("grad_p"),
                             S.u_perp: Cross(S.E_vec, S.B_vec) / B**2
                             - Cross(grad_p, S.B_vec) / (q * n * B**2)},
                    scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))})
    d.use_frame(general)
    left = d.given(equation(S.F_left, q * n * (S.E_vec + Cross(S.u_perp, S.B_vec)) - grad_p),
                   "force density left over with this $\\vec{u}_\\perp$, any orientation")
    d.in_components(left, "components")
    d.claim(equation(S.F_left, Dot(q * n * S.E_vec - grad_p, S.B_vec) * S.B_vec / B**2),
            "only its component along $\\vec{B}$: the drift balances every force across it")

    field = Arg("B", S.B_vec, "T", "Magnetic field", vector=True, check="nonzero")
    gradient = Arg("grad_p", grad_p, "Pa/m", "Pressure gradient of the species",
                   vector=True, sample=(-12, -8))
    d.numeric_function(NumericSpec(
        "diamagnetic_drift", "Diamagnetic drift of a fluid species.", "diamagnetic_drift",
        args=(field, gradient, Arg("n", n, "1/m^3", "Density of the species", check="positive",
                                   sample=(5, 8))),
        returns=("m/s", "Fluid drift velocity -grad p x B/(q n B^2)"),
        particle=("q",),
        example={"B": [0.0, 0.0, 1e-8], "grad_p": [-1e-17, 0.0, 0.0], "n": 1e6,
                 "particle": "p+"},
        notes="A drift of the fluid, not of the guiding centres; opposite for ions and "
              "electrons. For an isothermal species, p = n k T, it is k T/(q B) "
              "(b x grad n)/n (Chen eq. 3.70). Non-relativistic (the drift must stay "
              "small against c).",
        references=("Chen, Introduction to Plasma Physics, eq. (3.69)",)))
    d.numeric_function(NumericSpec(
        "diamagnetic_current_density", "Diamagnetic current density.", "diamagnetic_current",
        args=(field, gradient),
        returns=("A/m^2", "Current density B x grad p/B^2"),
        example={"B": [0.0, 0.0, 3e-8], "grad_p": [-1e-17, 0.0, 0.0]},
        notes="With grad_p the gradient of the total pressure (all species): the current "
              "of every species' diamagnetic drift, independent of charge and mass.",
        references=("Chen, Introduction to Plasma Physics, sec. 3.5",)))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
