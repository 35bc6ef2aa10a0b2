"""Relativistic kinematics: kinetic energy, momentum, Lorentz factor and speed.

From the definitions gamma = (1 - v^2/c^2)^(-1/2), p = gamma m v and
W = (gamma - 1) m c^2, each of W, p, gamma and v in terms of the others.  The
forms are chosen for floating point: wherever the textbook form subtracts
nearly equal numbers at low speed (W = gamma m c^2 - m c^2, W = (p^2c^2 +
m^2c^4)^(1/2) - mc^2), the result is rewritten without the subtraction and
proved equal to it.

Sources: Jackson, Classical Electrodynamics, sec. 11.5 and 12.1; Schulz and
Lanzerotti, Particle Diffusion in the Radiation Belts (1974), sec. 1.1 (the
kinetic energy, momentum and speed of radiation-belt particles).
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation

NAME = "relativistic_kinematics"


def derive():
    m, c, v, p, W, gamma = S.m, S.c, S.v, S.p, S.W, S.gamma
    rest = m * c**2
    d = DerivationBuilder(
        NAME, "Relativistic kinematics: kinetic energy, momentum, Lorentz factor, speed",
        summary="From $\\gamma = (1 - v^2/c^2)^{-1/2}$, $p = \\gamma m v$ and "
                "$W = (\\gamma - 1) m c^2$: $\\gamma = 1 + W/(mc^2)$, "
                "$p = (W^2 + 2Wmc^2)^{1/2}/c$, $v = c\\,(W^2 + 2Wmc^2)^{1/2}/(W + mc^2)$ "
                "and back, in forms free of cancellation at low speed.",
        assumptions=["A particle of rest mass $m$ moving at a speed $v < c$ (special "
                     "relativity); $W$ is its kinetic energy."],
        domains={v: (0, c)},
        references=["Jackson, Classical Electrodynamics, sec. 11.5",
                    "Schulz and Lanzerotti, Particle Diffusion in the Radiation Belts, "
                    "sec. 1.1"])

    lorentz = d.given(equation(gamma, 1 / sp.sqrt(1 - v**2 / c**2)), "the Lorentz factor")
    momentum = d.given(equation(p, gamma * m * v), "the relativistic momentum")
    energy = d.given(equation(W, (gamma - 1) * rest),
                     "the kinetic energy: the total energy $\\gamma m c^2$ less the rest energy")
    d.result("lorentz_factor", lorentz, "Lorentz factor $\\gamma = (1 - v^2/c^2)^{-1/2}$")
    d.result("kinetic_energy_gamma", energy, "kinetic energy $W = (\\gamma - 1) m c^2$")

    gamma_of_W = d.solve(energy, gamma, "solve for $\\gamma$")
    d.result("lorentz_factor_energy", gamma_of_W, "$\\gamma = 1 + W/(mc^2)$")

    speed_of_gamma = d.solve(lorentz, v, "solve the Lorentz factor for the speed")
    speed = d.substitute_steps(speed_of_gamma, [gamma_of_W], "in terms of the kinetic energy")
    speed = d.claim(equation(v, c * sp.sqrt(W * (W + 2 * rest)) / (W + rest)),
                    "the speed from the kinetic energy (no cancellation as $W \\to 0$)")
    d.result("speed_energy", speed, "$v = c\\,(W^2 + 2Wmc^2)^{1/2}/(W + mc^2)$")

    p_of_W = d.substitute_steps(momentum, [gamma_of_W, speed],
                                "the momentum in terms of the kinetic energy: "
                                "$p c = (W^2 + 2 W mc^2)^{1/2}$")
    d.result("momentum_energy", p_of_W, "$p = (W^2 + 2Wmc^2)^{1/2}/c$")

    W_of_p = d.solve(p_of_W, W, "solve for the kinetic energy")
    W_of_p = d.claim(equation(W, p**2 / (m * (1 + sp.sqrt(1 + p**2 / (m * c)**2)))),
                     "$(p^2c^2 + m^2c^4)^{1/2} - mc^2$ without the subtraction")
    d.result("energy_momentum", W_of_p, "$W = p^2/(m(1 + (1 + p^2/(mc)^2)^{1/2}))$")

    W_of_v = d.substitute_steps(energy, [lorentz], "the kinetic energy in terms of the speed")
    root = sp.sqrt(1 - v**2 / c**2)
    W_of_v = d.claim(equation(W, m * v**2 / (root * (1 + root))),
                     "$(\\gamma - 1) = \\gamma^2\\beta^2/(\\gamma + 1)$: no cancellation at "
                     "low speed")
    d.result("energy_speed", W_of_v, "$W = m v^2/(\\sqrt{1 - \\beta^2}(1 + \\sqrt{1 - "
                                     "\\beta^2}))$")

    p_of_v = d.substitute_steps(momentum, [lorentz], "the momentum in terms of the speed")
    d.result("momentum_speed", p_of_v, "$p = m v/(1 - v^2/c^2)^{1/2}$")
    v_of_p = d.solve(p_of_v, v, "solve for the speed: the speed from the momentum")
    d.result("speed_momentum", v_of_p, "$v = pc/(p^2 + m^2c^2)^{1/2}$")
    newton = d.apply(W_of_v, lambda side: sp.limit(side, c, sp.oo),
                     "the Newtonian limit $c \\to \\infty$", "limit")
    d.result("energy_speed_newtonian", newton, "Newtonian kinetic energy $m v^2/2$",
             conditions=("nonrelativistic",))
    _numeric_functions(d)
    return d.build()


def _numeric_functions(d):
    energy = Arg("energy", S.W, "J", "Kinetic energy", check="nonnegative")
    speed = Arg("v", S.v, "m/s", "Speed", check="nonnegative")
    momentum = Arg("p", S.p, "kg m/s", "Momentum", check="nonnegative", sample=(-24, -18))
    gamma = Arg("gamma", S.gamma, "1", "Lorentz factor", check=">=1")
    common = {"particle": ("m",), "too_fast": None,
              "references": ("Jackson, Classical Electrodynamics, sec. 11.5",)}
    for function, summary, result, arg, returns, example in [
            ("energy_to_gamma", "Lorentz factor from the kinetic energy.",
             "lorentz_factor_energy", energy, ("1", "gamma = 1 + W/(m c^2)"), "1 * MeV"),
            ("energy_to_speed", "Speed from the kinetic energy.", "speed_energy", energy,
             ("m/s", "Speed c (W^2 + 2 W m c^2)^(1/2)/(W + m c^2)"), "1 * MeV"),
            ("energy_to_momentum", "Momentum from the kinetic energy.", "momentum_energy",
             energy, ("kg m/s", "Momentum (W^2 + 2 W m c^2)^(1/2)/c"), "1 * MeV"),
            ("momentum_to_energy", "Kinetic energy from the momentum.", "energy_momentum",
             momentum, ("J", "Kinetic energy (p^2 c^2 + m^2 c^4)^(1/2) - m c^2"), 1e-21),
            ("momentum_to_speed", "Speed from the momentum.", "speed_momentum", momentum,
             ("m/s", "Speed p c/(p^2 + m^2 c^2)^(1/2)"), 1e-21),
            ("gamma_to_energy", "Kinetic energy from the Lorentz factor.",
             "kinetic_energy_gamma", gamma, ("J", "Kinetic energy (gamma - 1) m c^2"), 2.0)]:
        d.numeric_function(NumericSpec(
            function, summary, result, args=(arg,), returns=returns,
            example={arg.name: example, "particle": "e-"},
            notes="Exact (special relativity); free of cancellation where the textbook "
                  "form subtracts the rest energy." if function != "gamma_to_energy" else
                  "Exact; (gamma - 1) loses relative precision as gamma -> 1: give the "
                  "energy itself where it is known.", **common))
    for function, summary, result, returns, example in [
            ("speed_to_energy", "Kinetic energy from the speed.", "energy_speed",
             ("J", "Kinetic energy m v^2/((1 - beta^2)^(1/2) (1 + (1 - beta^2)^(1/2)))"),
             1e8),
            ("speed_to_momentum", "Momentum from the speed.", "momentum_speed",
             ("kg m/s", "Momentum m v/(1 - v^2/c^2)^(1/2)"), 1e8)]:
        d.numeric_function(NumericSpec(
            function, summary, result, args=(speed,), returns=returns, light_speed=("v",),
            example={"v": example, "particle": "p+"},
            notes="Exact (special relativity); refuses speeds at or above c.", **common))
    d.numeric_function(NumericSpec(
        "speed_to_gamma", "Lorentz factor of a speed.", "lorentz_factor", args=(speed,),
        returns=("1", "gamma = (1 - v^2/c^2)^(-1/2)"), light_speed=("v",),
        example={"v": 2e8}, notes="Refuses speeds at or above c.", too_fast=None,
        references=("Jackson, Classical Electrodynamics, eq. (11.21)",)))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
