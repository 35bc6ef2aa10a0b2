"""Drift current: the current density carried by the grad-B and curvature drifts.

In a current-free field the guiding centres of ions (charge e, mass m_i) and
electrons (charge -e, mass m_e) drift at
v = m/(q B^3) (v_par^2 + v_perp^2/2) B x grad B (derivation curvature_drift);
the charge enters the drift, so the engine substitutes q = e and q = -e and
finds the two species drifting in opposite directions.  With quasi-neutral
density n the current density j = n e v_i - n e v_e is then
j = n [ (m_i v_perp_i^2 + m_e v_perp_e^2)/2 + m_i v_par_i^2 + m_e v_par_e^2 ] B x grad B / B^3:
the electron terms ADD to the ion terms (opposite charge, opposite drift), and
the charge e cancels.  The German lecture's ring-current formula has minus
signs in front of the electron terms instead; that form is not what this
derivation gives (see the tests).

The gravitational drift m g x B/(q B^2) and the polarization drift
m (dE_perp/dt)/(q B^2) are proportional to m/q as well, so the same sum gives
j = n (m_i + m_e) g x B/B^2 and j = n (m_i + m_e) (dE_perp/dt)/B^2.

Sources: German lecture (004) "Driftstrom", "Im Erdmagnetfeld: Ringstrom";
Chen, Introduction to Plasma Physics, sec. 2.3.3 and 3.5 (drift currents).
"""

import sympy as sp

from guidingcenter import constants, registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Ordering
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame, Grad

NAME = "drift_current"


def derive():
    B, n, e = S.B, S.n, S.e
    frame = Frame(vectors={S.B_vec: S.components("B"), Grad(B): S.components("gradB"),
                           S.g_vec: S.components("g"), S.dEperp_dt: S.components("dEperp")},
                  scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))})
    d = DerivationBuilder(
        NAME, "Drift currents",
        summary="Ions and electrons drift in opposite directions across a curved, "
                "non-uniform field, so a current flows: "
                "$\\vec{j} = n[(m_i v_{\\perp,i}^2 + m_e v_{\\perp,e}^2)/2 "
                "+ m_i v_{\\parallel,i}^2 + m_e v_{\\parallel,e}^2]"
                "\\,\\vec{B}\\times\\nabla B/B^3$ (the ring current in the Earth's field); "
                "the gravitational and polarization drifts carry "
                "$n(m_i + m_e)\\,\\vec{g}\\times\\vec{B}/B^2$ and "
                "$n(m_i + m_e)\\,(d\\vec{E}_\\perp/dt)/B^2$.",
        assumptions=[
            "Current-free field at the point ($\\nabla\\times\\vec{B} = 0$), where the "
            "grad-B and curvature drifts combine (derivation curvature_drift); $\\vec{B}$ of "
            "any orientation.",
            "Singly charged ions (charge $e$, mass $m_i$) and electrons (charge $-e$, mass "
            "$m_e$), quasi-neutral: both species have density $n$.",
            "Each species described by one $v_\\perp$ and one $v_\\parallel$ (for a "
            "distribution, read $v^2$ as its mean square).",
            "The grad-B and curvature drifts first, then the gravitational and the "
            "polarization drift, each on its own: the $\\vec{E}\\times\\vec{B}$ drift "
            "is the same for both species and carries no current; the magnetization "
            "current is not included.",
            "Non-relativistic.",
        ],
        frame=frame,
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    *lecture_notes("004", where={"004": "sec. 4, Driftstrom, Ringstrom"})])

    drift = d.imported(registry.result("gradB_curvature_drift"),
                       "grad-B plus curvature drift in vacuum (derivation curvature_drift)")
    ions = d.substitute(drift, {S.q: e, S.m: S.m_i, S.v_perp: S.v_perp_i, S.v_par: S.v_par_i},
                        "ions: charge $e$, mass $m_i$", lhs=S.v_i)
    electrons = d.substitute(drift, {S.q: -e, S.m: S.m_e, S.v_perp: S.v_perp_e,
                                     S.v_par: S.v_par_e},
                             "electrons: charge $-e$, mass $m_e$", lhs=S.v_e)
    d.meaning(ions)
    d.claim(equation(S.v_e, -S.m_e * (S.v_par_e**2 + S.v_perp_e**2 / 2)
                     / (S.m_i * (S.v_par_i**2 + S.v_perp_i**2 / 2)) * S.v_i),
            "the electrons drift opposite to the ions", of=electrons)
    current = d.given(equation(S.j_vec, n * e * S.v_i + n * (-e) * S.v_e),
                      "current density: charge times density times velocity, summed over "
                      "the species")
    current = d.substitute_steps(current, [ions, electrons], "insert the two drifts")
    current = d.claim(equation(S.j_vec, n * ((S.m_i * S.v_perp_i**2 + S.m_e * S.v_perp_e**2) / 2
                                             + S.m_i * S.v_par_i**2 + S.m_e * S.v_par_e**2)
                               * Cross(S.B_vec, Grad(B)) / B**3),
                      "the electron terms add to the ion terms and $e$ cancels")
    d.result("drift_current_density", current, "drift current density "
             "$n[(m_i v_{\\perp,i}^2 + m_e v_{\\perp,e}^2)/2 + m_i v_{\\parallel,i}^2 + "
             "m_e v_{\\parallel,e}^2]\\,\\vec{B}\\times\\nabla B/B^3$",
             conditions=("vacuum",))

    _other_currents(d)

    d.numeric_function(NumericSpec(
        "drift_current_density", "Current density of the grad-B and curvature drifts of "
                                 "ions and electrons.", "drift_current_density",
        args=(Arg("B", S.B_vec, "T", "Magnetic field", vector=True, check="nonzero"),
              Arg("grad_B", Grad(B), "T/m", "Gradient of the field strength |B|", vector=True),
              Arg("n", n, "1/m^3", "Density of each species (quasi-neutral)",
                  check="nonnegative"),
              Arg("v_perp_i", S.v_perp_i, "m/s", "Ion speed across B", check="nonnegative"),
              Arg("v_par_i", S.v_par_i, "m/s", "Ion speed along B"),
              Arg("v_perp_e", S.v_perp_e, "m/s", "Electron speed across B",
                  check="nonnegative"),
              Arg("v_par_e", S.v_par_e, "m/s", "Electron speed along B"),
              Arg("m_i", S.m_i, "kg", "Ion mass (default: the proton)", check="positive",
                  default=constants.m_p),
              Arg("m_e", S.m_e, "kg", "Electron mass (default: CODATA 2022)",
                  check="positive", default=constants.m_e)),
        returns=("A/m^2", "Current density n (W_perp + 2 W_par summed over species) "
                          "B x grad|B| / B^3"),
        orderings=tuple(Ordering(
            f"rho_{s}/L_B", mass * sp.sqrt(perp**2 + par**2) * sp.sqrt(Dot(Grad(B), Grad(B)))
            / (S.e * B**2), "MAX_GRADIENT_ORDERING", f"B, grad_B, v_perp_{s}, v_par_{s}")
            for s, mass, perp, par in (("i", S.m_i, S.v_perp_i, S.v_par_i),
                                       ("e", S.m_e, S.v_perp_e, S.v_par_e))),
        example={"B": [0.0, 0.0, 5e-7], "grad_B": [-6e-14, 0.0, 0.0], "n": 1e6,
                 "v_perp_i": 3e6, "v_par_i": 1e6, "v_perp_e": 3e7, "v_par_e": 1e7},
        notes="Singly charged ions and electrons of equal density; the charge cancels, "
              "so the current does not depend on e. Only in a current-free field (curl B "
              "= 0) and to first order in r_L/L_B; non-relativistic. Both species carry "
              "current along B x grad B: in the Earth's dipole, westward (the ring "
              "current). The German lecture's formula with minus signs on the electron "
              "terms is not this result.",
        references=("Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    "German lecture 004 sec. 4 (Ringstrom)")))
    return d.build()


def _other_currents(d):
    """The gravitational and the polarization drift carry a current too: their drifts
    are proportional to m/q, so ions and electrons again drift in opposite directions
    and j = n e (v_i - v_e) is n (m_i + m_e) times the drift per unit m/q."""
    B, n, e = S.B, S.n, S.e
    for name, drift, per_mass, what in (
            ("gravity_current_density", registry.result("gravitational_drift"),
             Cross(S.g_vec, S.B_vec) / B**2, "gravitational"),
            ("polarization_current_density", registry.result("polarization_drift_omega"),
             S.dEperp_dt / B**2, "polarization")):
        drift = d.imported(drift, f"the {what} drift (derivation "
                                  f"{drift.derivation})")
        if what == "polarization":
            drift = d.substitute(drift, {S.omega_c: S.q * B / S.m},
                                 "signed gyrofrequency $\\omega_c = qB/m$")
        ions = d.substitute(drift, {S.q: e, S.m: S.m_i}, "ions: charge $e$, mass $m_i$",
                            lhs=S.v_i)
        electrons = d.substitute(drift, {S.q: -e, S.m: S.m_e},
                                 "electrons: charge $-e$, mass $m_e$", lhs=S.v_e)
        current = d.given(equation(S.j_vec, n * e * S.v_i + n * (-e) * S.v_e),
                          "current density, summed over the two species")
        current = d.substitute_steps(current, [ions, electrons], "insert the two drifts")
        current = d.claim(equation(S.j_vec, n * (S.m_i + S.m_e) * per_mass),
                          "the masses add and $e$ cancels")
        d.result(name, current, f"{what} current density "
                 f"${sp.latex(current.statement.rhs)}$")


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
