"""Polarization drift: the guiding centre's response to a slowly changing drift.

Across the field the guiding centre moves at v_F + v_P, where v_F is the drift
of the perpendicular force F (derivation force_drift) and v_P a small
correction whose own rate of change is negligible.  The perpendicular equation
of motion leaves m dv_F/dt = q v_P x B, so v_P = -(m/(q B^2)) (dv_F/dt) x B.
For the E x B drift in a field B that does not change in time this is
v_P = (m/(q B^2)) dE_perp/dt = (1/(omega_c B)) dE_perp/dt with the signed
gyrofrequency omega_c = qB/m: ions drift along dE_perp/dt, electrons against
it (a polarization current flows along dE/dt).

Axes: the first part takes z along B (a choice of coordinates); the E x B
forms are proved for B of arbitrary orientation.

Sources: English derivation notes (002) sec. 02; Hebrew notes (003)
"Polarization Drift" and summary table; Chen, Introduction to Plasma Physics,
sec. 2.5.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Ordering
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame

NAME = "polarization_drift"


def rate_with_B_fixed(frame, expr):
    """d/dt of ``expr`` when the electric field changes in time and B does not:
    the components E_i become functions of t, differentiated by SymPy and
    renamed to the components of dE/dt."""
    E, dE = S.components("E"), S.components("dE")
    moving = [sp.Function(f"E_{axis}", real=True)(S.t) for axis in "xyz"]
    value = frame.explicit(expr).subs(dict(zip(E, moving))).diff(S.t)
    value = value.subs({e.diff(S.t): rate for e, rate in zip(moving, dE)})
    return value.subs(dict(zip(moving, E)))


def derive():
    q, m, B = S.q, S.m, S.B
    v_Px, v_Py, _ = S.components("v_P")
    dvF_x, dvF_y, _ = S.components("dvF")
    F_x, F_y, _ = S.components("F")
    aligned = Frame(vectors={S.B_vec: sp.Matrix([0, 0, B]), S.F_vec: sp.Matrix([F_x, F_y, 0]),
                             S.v_P: sp.Matrix([v_Px, v_Py, 0]),
                             S.dvF_dt: sp.Matrix([dvF_x, dvF_y, 0]),
                             S.dvP_dt: S.components("dvP")})
    d = DerivationBuilder(
        NAME, "Polarization drift",
        summary="A drift that changes in time needs a force to change it: the guiding centre "
                "drifts at $-m/(qB^2)\\,(d\\vec{v}_F/dt)\\times\\vec{B}$ in addition, which "
                "for the $\\vec{E}\\times\\vec{B}$ drift is "
                "$(m/(qB^2))\\,d\\vec{E}_\\perp/dt = d\\vec{E}_\\perp/dt/(\\omega_c B)$.",
        assumptions=[
            "Across $\\vec{B}$ the guiding centre moves at $\\vec{v}_F + \\vec{v}_P$: "
            "$\\vec{v}_F$ is the drift of the perpendicular force $\\vec{F}$ "
            "(derivation force_drift), $|\\vec{v}_P| \\ll |\\vec{v}_F|$ and "
            "$d\\vec{v}_P/dt$ is negligible against $d\\vec{v}_F/dt$.",
            "The force changes slowly: over a gyroperiod, $\\omega \\ll |\\omega_c|$.",
            "First part: axes with $\\hat{z}$ along $\\vec{B}$, the force and "
            "$d\\vec{v}_F/dt$ across it (a choice of coordinates).",
            "$\\vec{E}\\times\\vec{B}$ part: $\\vec{B}$ of any orientation, constant in time "
            "(and uniform over the orbit); $\\vec{E}$ changes in time.",
            "Sign convention: $q$ and $\\omega_c = qB/m$ are signed.",
            "Non-relativistic.",
        ],
        frame=aligned,
        references=["Chen, Introduction to Plasma Physics, sec. 2.5",
                    *lecture_notes("002", "003", where={"002": "sec. 02"})])

    force = d.imported(registry.result("force_drift"),
                       "drift of the perpendicular force (derivation force_drift)")
    d.meaning(force)
    motion = d.given(equation(m * (S.dvF_dt + S.dvP_dt),
                              S.F_vec + q * Cross(S.v_F + S.v_P, S.B_vec)),
                     "equation of motion across $\\vec{B}$ for the guiding-centre velocity "
                     "$\\vec{v}_F + \\vec{v}_P$")
    slow = d.substitute(motion, {S.dvP_dt: 0}, "$d\\vec{v}_P/dt$ negligible against "
                                               "$d\\vec{v}_F/dt$")
    balance = d.claim(equation(m * S.dvF_dt, q * Cross(S.v_P, S.B_vec)),
                      "$\\vec{v}_F$ cancels the force: $\\vec{F} + q\\vec{v}_F\\times\\vec{B} = 0$",
                      of=slow)
    d.result("polarization_force_balance", balance, "$m\\,d\\vec{v}_F/dt = q\\vec{v}_P\\times"
             "\\vec{B}$")
    components = d.in_components(balance, "components")
    solved = d.solve(components, [v_Px, v_Py], "solve for the drift components")
    drift = d.apply(solved, lambda side: sp.Matrix([side[0], side[1], 0]),
                    "the drift vector (across $\\vec{B}$)", "assemble", lhs=S.v_P)
    general = d.claim(equation(S.v_P, -m / (q * B**2) * Cross(S.dvF_dt, S.B_vec)),
                      "the polarization drift of a changing drift", of=drift)
    d.result("polarization_drift_general", general, "polarization drift "
             "$-m/(qB^2)\\,(d\\vec{v}_F/dt)\\times\\vec{B}$")

    # --- the E x B drift changing in time, B of any orientation ---------------------------
    d.use_frame(Frame(vectors={S.B_vec: S.components("B"), S.E_vec: S.components("E"),
                               S.dE_dt: S.components("dE"), S.b_hat: S.B_vec / B},
                      scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))}))
    exb = d.imported(registry.result("ExB_drift"), "the E cross B drift (derivation "
                                                   "exb_drift), the drift of $q\\vec{E}$")
    rate = d.apply(exb, lambda side: rate_with_B_fixed(d.frame, side),
                   "its rate of change: $\\vec{E}$ changes, $\\vec{B}$ does not",
                   "time derivative at constant $\\vec{B}$", lhs=S.dvF_dt)
    rate = d.claim(equation(S.dvF_dt, Cross(S.dE_dt, S.B_vec) / B**2),
                   "the E cross B drift follows the changing field")
    electric = d.substitute_steps(general, [rate], "insert the changing E cross B drift")
    electric = d.claim(equation(S.v_P, m / (q * B**4) * Cross(S.B_vec, Cross(S.dE_dt, S.B_vec))),
                       "the polarization drift of a changing electric field")
    d.result("polarization_drift", electric, "polarization drift "
             "$m/(qB^4)\\,\\vec{B}\\times(d\\vec{E}/dt\\times\\vec{B})$")
    d.define(S.dEperp_dt, S.dE_dt - Dot(S.dE_dt, S.b_hat) * S.b_hat,
             "rate of change of the electric field across $\\vec{B}$")
    across = d.claim(equation(S.v_P, m / (q * B**2) * S.dEperp_dt),
                     "only the change of $\\vec{E}$ across $\\vec{B}$ counts", of=electric)
    d.define(S.omega_c, q * B / m, "signed gyrofrequency")
    omega = d.claim(equation(S.v_P, S.dEperp_dt / (S.omega_c * B)),
                    "with the gyrofrequency, as in the Hebrew notes", of=across)
    d.result("polarization_drift_omega", omega, "polarization drift "
             "$(1/(\\omega_c B))\\,d\\vec{E}_\\perp/dt$")
    direction = d.combine([across], lambda s: equation(Dot(s.lhs, S.dE_dt), Dot(s.rhs, S.dE_dt)),
                          "its component along $d\\vec{E}/dt$", "scalar product with "
                          "$d\\vec{E}/dt$")
    d.claim(equation(direction.statement.lhs, m / (q * B**2) * Dot(S.dEperp_dt, S.dEperp_dt)),
            "the sign of $q$: ions drift along $d\\vec{E}_\\perp/dt$, electrons against it")

    d.numeric_function(NumericSpec(
        "polarization_drift", "Polarization drift of the guiding centre in a changing "
                              "electric field.", "polarization_drift",
        args=(Arg("B", S.B_vec, "T", "Magnetic field (constant in time)", vector=True,
                  check="nonzero"),
              Arg("dE_dt", S.dE_dt, "V/(m s)", "Rate of change of the electric field",
                  vector=True),
              Arg("omega", S.omega_E, "rad/s", "Angular frequency of the field's change, if "
                  "known: omega/omega_c is then checked (0: slow, not checked)",
                  check="nonnegative", default=0.0)),
        returns=("m/s", "Drift velocity m/(q B^4) B x (dE/dt x B) = m/(q B^2) dE_perp/dt"),
        particle=("q", "m"),
        orderings=(Ordering("omega/omega_c", S.omega_E * m / (sp.Abs(q) * B),
                            "MAX_FREQUENCY_RATIO", "omega, B"),),
        example={"B": [0.0, 0.0, 1e-5], "dE_dt": [1e-3, 0.0, 0.0], "particle": "p+"},
        notes="Holds while the electric field changes slowly against the gyration "
              "(omega << |omega_c|) and the resulting drift stays small against the "
              "E x B drift; B must not change in time. Only the change of E across B "
              "counts. Sign: q and omega_c = qB/m are signed, so ions drift along "
              "dE_perp/dt and electrons against it (the electron drift is smaller by "
              "m_e/m_p). Non-relativistic. Measured against full orbits "
              "(guidingcenter confirm polarization, E = E_0 cos(omega t)): relative error "
              "1.00 (omega/omega_c)^2, the exact response 1/(1 - (omega/omega_c)^2).",
        references=("Chen, Introduction to Plasma Physics, eq. (2.66)",
                    "Hebrew notes 003 (Polarization Drift)")))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
