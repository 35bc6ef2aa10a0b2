"""Conservation of the magnetic moment, the energy integral and the parallel speed.

Follow the guiding centre along its field line: at time t it is at arc length
s(t) with speeds v_par(t), v_perp(t), where the field is B(s(t)).  From the
mirror force m dv_par/dt = -mu dB/ds, ds/dt = v_par and the conservation of
kinetic energy (the magnetic force does no work), the engine differentiates
mu(t) = m v_perp^2/(2B) and finds d mu/dt = 0.  With a static parallel
electric potential phi(s), mu is still conserved and
m v_par^2/2 + q phi + mu B = W_0 is constant, which gives
|v_par| = sqrt((2/m)(W_0 - q phi - mu B)).

Sources: German lecture (004) "Erhaltung des Magnetischen Moments"; English
notes (002) sec. 03 "Magnetic Mirrors"; slides (000); Chen, Introduction to
Plasma Physics, sec. 2.3.3 (eqs. 2.39-2.44).
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.engine import DerivationBuilder, equation

NAME = "mu_conservation"


def derive():
    q, m, t, mu = S.q, S.m, S.t, S.mu
    v_par, v_perp, s = S.v_par_t, S.v_perp_t, S.s_t
    B, phi = S.B_of_s(s), S.varphi_of_s(s)
    dB_ds, dphi_ds = sp.Derivative(B, s), sp.Derivative(phi, s)
    d = DerivationBuilder(
        NAME, "Conservation of the magnetic moment; the energy integral",
        summary="Along the field line the mirror force and the conservation of kinetic "
                "energy make $d\\mu/dt = 0$; with a parallel electric potential "
                "$\\varphi(s)$ the sum $m v_\\parallel^2/2 + q\\varphi + \\mu B$ is constant, "
                "so $|v_\\parallel| = \\sqrt{(2/m)(W_0 - q\\varphi - \\mu B)}$.",
        assumptions=[
            "Guiding-centre approximation: $r_L/L_B \\ll 1$ and the field seen by the "
            "particle changes little during one gyration, so the gyro-averaged mirror force "
            "(derivation magnetic_moment) describes the parallel motion; $d\\mu/dt = 0$ "
            "holds to this order, $\\mu$ is an adiabatic invariant, not an exact constant.",
            "Static magnetic field; first part $\\vec{E} = 0$, second part a static "
            "potential $\\varphi(s)$ along the field line ($E_\\parallel = "
            "-\\partial\\varphi/\\partial s$); no perpendicular electric field.",
            "Non-relativistic motion; the guiding centre moves along the field line, "
            "$ds/dt = v_\\parallel$.",
        ],
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    *lecture_notes("000", "002", "004")])

    # --- E = 0: mu is conserved ---------------------------------------------------------
    force = d.imported(registry.result("mirror_force"), "mirror force (derivation "
                                                        "magnetic_moment)")
    motion = d.given(equation(m * sp.Derivative(v_par, t), S.F_parallel),
                     "equation of motion of the guiding centre along $\\vec{B}$")
    motion = d.substitute_steps(motion, [force], "the only parallel force is the mirror force")
    following = {S.mu: m * v_perp**2 / (2 * B), S.dB_ds: dB_ds}
    motion = d.substitute(motion, following, "at time $t$ at $s(t)$, with "
                                             "$\\mu = m v_\\perp^2/(2B)$ there")
    acceleration = d.solve(motion, sp.Derivative(v_par, t), "solve for $dv_\\parallel/dt$")
    path = d.given(equation(sp.Derivative(s, t), v_par), "the guiding centre moves along the "
                                                         "field line at $v_\\parallel$")
    kinetic = d.given(equation(sp.Derivative(m * v_par**2 / 2 + m * v_perp**2 / 2, t), 0),
                      "the magnetic force does no work: the kinetic energy is constant")
    kinetic = d.apply(kinetic, _doit, "differentiate", "time derivative")
    perpendicular = d.solve(kinetic, sp.Derivative(v_perp, t), "solve for $dv_\\perp/dt$")
    moment = d.given(equation(S.mu_t, m * v_perp**2 / (2 * B)),
                     "the magnetic moment along the path (derivation magnetic_moment)")
    rate = d.apply(moment, lambda side: sp.diff(side, t),
                   "differentiate in time: $B$ changes through $s(t)$", "time derivative")
    rate = d.substitute_steps(rate, [perpendicular], "insert $dv_\\perp/dt$ from the "
                                                     "kinetic energy")
    rate = d.substitute_steps(rate, [acceleration, path], "insert $dv_\\parallel/dt$ from the "
                                                          "mirror force and $ds/dt$: the "
                                                          "terms cancel")
    invariant = d.claim(equation(sp.Derivative(S.mu_t, t), 0),
                        "the magnetic moment is conserved (to first order in $r_L/L_B$)")
    d.result("mu_invariant", invariant, "$d\\mu/dt = 0$: $\\mu$ is an adiabatic invariant")

    # --- a parallel electric potential --------------------------------------------------
    motion = d.given(equation(m * sp.Derivative(v_par, t), -q * dphi_ds - S.mu_t * dB_ds),
                     "with a parallel electric field $E_\\parallel = -\\partial\\varphi/"
                     "\\partial s$ as well")
    acceleration = d.solve(motion, sp.Derivative(v_par, t), "solve for $dv_\\parallel/dt$")
    kinetic = d.given(equation(sp.Derivative(m * v_par**2 / 2 + m * v_perp**2 / 2, t),
                               -q * dphi_ds * sp.Derivative(s, t)),
                      "the electric force does work $qE_\\parallel v_\\parallel$; the magnetic "
                      "force none")
    kinetic = d.apply(kinetic, _doit, "differentiate", "time derivative")
    perpendicular = d.solve(kinetic, sp.Derivative(v_perp, t), "solve for $dv_\\perp/dt$")
    rate = d.apply(moment, lambda side: sp.diff(side, t), "differentiate the moment again",
                   "time derivative")
    rate = _insert(d, rate, [perpendicular], "insert $dv_\\perp/dt$ and expand")
    rate = _insert(d, rate, [acceleration, path, moment], "insert $dv_\\parallel/dt$, $ds/dt$ "
                                                          "and $\\mu$: the terms cancel")
    d.claim(equation(sp.Derivative(S.mu_t, t), 0), "$\\mu$ is still conserved: the parallel "
                                                   "field works on the parallel motion only")

    # --- the energy integral -----------------------------------------------------------
    constant = {S.mu_t: mu}
    acceleration = d.substitute(acceleration, constant, "$\\mu$ constant")
    total = m * v_par**2 / 2 + q * phi + mu * B
    energy = d.combine([], lambda: equation(sp.Derivative(total, t), sp.diff(total, t)),
                       "rate of change of parallel energy plus $q\\varphi + \\mu B$",
                       "time derivative")
    energy = _insert(d, energy, [acceleration, path], "insert $dv_\\parallel/dt$ and "
                                                      "$ds/dt = v_\\parallel$: the terms cancel")
    d.claim(equation(sp.Derivative(total, t), 0), "conserved along the path")
    pointwise = {v_par: S.v_par, phi: S.varphi_E, B: S.B}
    integral = d.combine([d.steps[-1]], lambda e: equation(
        e.lhs.args[0].subs(pointwise), S.W_0), "integrate in time: the constant is the total "
                                               "energy $W_0$", "integration in time")
    d.result("energy_integral", integral, "energy integral $m v_\\parallel^2/2 + q\\varphi + "
                                          "\\mu B = W_0$")

    # --- the parallel speed ------------------------------------------------------------
    kinetic_parallel = d.define(S.W_par, m * S.v_par**2 / 2, "kinetic energy of the parallel "
                                                              "motion")
    balance = d.substitute(integral, {m * S.v_par**2 / 2: S.W_par},
                           "in terms of $W_\\parallel$")
    balance = d.solve(balance, S.W_par, "solve for $W_\\parallel$")
    speed = d.apply(kinetic_parallel, lambda side: sp.sqrt(2 * side / m),
                    "the parallel speed from $W_\\parallel$", "square root")
    speed = d.substitute_steps(speed, [balance], "insert $W_\\parallel$: the parallel speed, "
                                                 "real only where $W_0 \\ge q\\varphi + \\mu B$",
                               swap=True)
    d.result("parallel_speed", speed, "parallel speed $|v_\\parallel| = \\sqrt{(2/m)(W_0 - "
                                      "q\\varphi - \\mu B)}$")
    d.substitute(speed, {S.varphi_E: 0}, "with $\\varphi = 0$: the form printed in notes 002, "
                                         "which drop $q\\varphi$ of their own energy integral")
    d.numeric_function(NumericSpec(
        "parallel_speed", "Speed along B from the energy integral.", "parallel_speed",
        args=(Arg("W_0", S.W_0, "J", "Total energy m v_par^2/2 + q phi + mu B", sample=(-17, -15)),
              Arg("mu", S.mu, "J/T", "Magnetic moment", check="nonnegative", sample=(-22, -19)),
              Arg("B", S.B, "T", "Field strength at the point", check="positive",
                  sample=(-5, 0)),
              Arg("phi", S.varphi_E, "V", "Electric potential at the point", default=0.0,
                  sample=(-4, -1))),
        returns=("m/s", "|v_par|, the speed along B"),
        particle=("q", "m"),
        requires=((S.W_0 - S.q * S.varphi_E - S.mu * S.B, "W_0, mu, B, phi",
                   "the particle cannot reach this point (W_0 - q phi < mu B: it is "
                   "reflected before)"),),
        example={"W_0": "1 * keV", "mu": 1e-17, "B": 5e-5, "particle": "p+"},
        notes="Guiding-centre energy integral: mu conserved (r_L small against the field's "
              "scale, slow variation over a gyration), static fields. A point the particle "
              "cannot reach raises ValueError; the mirror point is where the speed is zero.",
        references=("Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    "lecture notes 002, sec. 03")))
    return d.build()


def _insert(d, step, sources, reason):
    """Substitute the equations ``sources`` into the right-hand side of ``step``, expand."""
    return d.combine([step, *sources], lambda target, *given: equation(
        target.lhs, sp.expand(target.rhs.subs({g.lhs: g.rhs for g in given}))), reason,
        "substitution and expansion")


def _doit(side):
    return side.doit() if hasattr(side, "doit") else side


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
