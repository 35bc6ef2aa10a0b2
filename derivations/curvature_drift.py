"""Curvature drift, the vacuum identity (b.grad)b = grad_perp B / B, and the
combined grad-B + curvature drift.

The guiding centre streams along the field at v_par, so the direction
b = B/|B| it carries turns: d(v_par b)/dt = (dv_par/dt) b + v_par^2 (b.grad)b
(chain rule along the path, with a general field gradient).  Split into parts
along and across b, the gyro-averaged equation of motion gets the centrifugal
force F_R = -m v_par^2 (b.grad)b across the field, and the general force drift
turns it into v_R = m v_par^2/(q B^2) B x (b.grad)b.

The textbook forms follow: with the osculating circle of the field line
(radius vector R_c from its centre to the point), (b.grad)b = -R_c/R_c^2, so
F_R = m v_par^2 R_c/R_c^2 and v_R = m v_par^2/(q B^2) R_c x B/R_c^2; and
v_R = m v_par^2/(q B^4) B x [(B.grad)B].  For a field of any orientation and a
general gradient, (b.grad)b = grad_perp B/B - b x (curl B)/B, which the German
notes use "ohne Beweis" in the curl-free case; in vacuum (curl B = 0) the
curvature drift is m v_par^2/(q B^3) B x grad B and, with the grad-B drift,
v_R + v_gradB = m/(q B^3) (v_par^2 + v_perp^2/2) B x grad B.

Axes: the first part takes z along B at the guiding centre (a choice of
coordinates); the identity and the vacuum forms are proved for B of arbitrary
orientation.  Only first derivatives of the field enter.

Sources: English derivation notes (002) sec. 02; German lecture (004) sec. 4
("Kruemmungsdrift", "Zusammenfassung: grad-B- und Kruemmungsdrift"); Hebrew
notes (003) summary table; Chen, Introduction to Plasma Physics, sec. 2.3.2-2.3.3.
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec, Ordering
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Curl, DirectionalDerivative, Dot, Frame, Grad

NAME = "curvature_drift"


def linear_field(at_point):
    """B(x) = B(0) + G x with the general gradient G_ij = dB_i/dx_j (nine entries)."""
    position = sp.Matrix([S.X, S.Y, S.Z])
    return position, at_point + S.field_gradient * position


def rate_along_path(frame, field, moving, parameter, speed=1, rate=0):
    """d/d(parameter) of speed(parameter) * field(x(parameter)) at the point x = 0,
    for a path with dx/d(parameter) = speed * moving(x): the chain rule, done by
    SymPy on the components (``speed`` becomes ``speed``, its rate ``rate``)."""
    path = [sp.Function(f"path_{axis}", real=True)(parameter) for axis in "xyz"]
    V = sp.Function("V", real=True)(parameter)
    on_path = dict(zip(frame.position, path))
    value = frame.field(field).subs(on_path)
    direction = frame.field(moving).subs(on_path)
    derivative = (V * value).diff(parameter)
    derivative = derivative.subs({x.diff(parameter): V * b for x, b in zip(path, direction)})
    derivative = derivative.subs({V.diff(parameter): rate}).subs({V: speed})
    return derivative.subs({x: 0 for x in path})


def derive():
    q, m, B, v_par = S.q, S.m, S.B, S.v_par
    b, kappa = S.b_hat, S.kappa
    G = S.field_gradient
    position, field = linear_field(sp.Matrix([0, 0, S.B_0]))
    R_x, R_y, _ = S.components("R_c")
    aligned = Frame(vectors={S.B_vec: field, S.F_vec: S.components("F"),
                             S.v_D: S.components("v_D"),
                             S.R_c_vec: sp.Matrix([R_x, R_y, 0])},
                    scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec)),
                             S.R_c: sp.sqrt(Dot(S.R_c_vec, S.R_c_vec))},
                    position=position)
    d = DerivationBuilder(
        NAME, "Curvature drift; grad-B and curvature drifts in vacuum",
        summary="Streaming along a curved field line, the guiding centre feels the "
                "centrifugal force $-m v_\\parallel^2(\\hat{b}\\cdot\\nabla)\\hat{b}$ and "
                "drifts at $m v_\\parallel^2/(qB^2)\\,\\vec{B}\\times(\\hat{b}\\cdot\\nabla)"
                "\\hat{b}$; in a current-free field $(\\hat{b}\\cdot\\nabla)\\hat{b} = "
                "\\nabla_\\perp B/B$ and the curvature and grad-B drifts add to "
                "$m(v_\\parallel^2 + v_\\perp^2/2)/(qB^3)\\,\\vec{B}\\times\\nabla B$.",
        assumptions=[
            "Static magnetic field; first order in $r_L/L$, $L$ the length over which "
            "$\\vec{B}$ changes: only the first derivatives $\\partial_j B_i$ (all nine, "
            "general) enter.",
            "First part: axes with $\\hat{z}$ along $\\vec{B}$ at the guiding centre, where "
            "$|\\vec{B}| = B_0$ (a choice of coordinates). The identity and the vacuum "
            "forms are proved for $\\vec{B}$ of arbitrary orientation.",
            "The guiding-centre velocity is $\\vec{v}_D + v_\\parallel\\hat{b}$ with a "
            "slow drift $\\vec{v}_D$: $m\\,d\\vec{v}_D/dt$ is dropped (it gives the "
            "polarization drift), and $\\hat{b}$ changes along the path by the streaming "
            "$v_\\parallel\\hat{b}$ only (the drift across $\\vec{B}$ changes it less, by "
            "a factor of order $r_L/L$).",
            "$\\vec{F}$ is the gyro-averaged force other than the curvature term "
            "($-\\mu\\nabla B$, $q\\vec{E}$, $m\\vec{g}$, ...).",
            "Vacuum part: $\\nabla\\times\\vec{B} = 0$ at the guiding centre (no current).",
            "Non-relativistic ($m$ is the rest mass; relativistically $m \\to \\gamma m$).",
        ],
        frame=aligned,
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.2 and 2.3.3",
                    *lecture_notes("002", "003", "004",
                                      where={"002": "sec. 02", "004": "sec. 4"})])

    # --- the direction of B turns along the path -----------------------------------
    unit = d.define(b, S.B_vec / B, "unit vector along the field")
    curvature_vector = d.define(kappa, DirectionalDerivative(b, b),
                                "curvature vector of the field line")
    turning = d.apply(
        unit, lambda direction: rate_along_path(d.frame, direction, direction, S.t,
                                                v_par, S.dvpar_dt),
        "the guiding centre streams along $\\vec{B}$: $d\\vec{x}/dt = v_\\parallel\\hat{b}$; "
        "chain rule at the guiding centre", "time derivative along the path (chain rule)",
        lhs=S.dvparb_dt)
    turning = d.claim(equation(turning.statement.lhs, S.dvpar_dt * b + v_par**2 * kappa),
                      "$\\hat{b}$ turns at the rate $v_\\parallel(\\hat{b}\\cdot\\nabla)\\hat{b}$")
    d.result("parallel_velocity_rate", turning, "$d(v_\\parallel\\hat{b})/dt$ along the path")
    d.evaluate(Dot(b, kappa), "$\\hat{b}$ is a unit vector: the curvature vector is "
                              "perpendicular to $\\vec{B}$")

    # --- parallel and perpendicular parts of the equation of motion ---------------------
    motion = d.given(
        equation(m * turning.statement.lhs, S.F_vec + q * Cross(S.v_D + v_par * b, S.B_vec)),
        "gyro-averaged equation of motion for the guiding-centre velocity "
        "$\\vec{v}_D + v_\\parallel\\hat{b}$, slow drift ($m\\,d\\vec{v}_D/dt$ dropped)")
    motion = d.substitute_steps(motion, [turning], "insert the turning of $\\hat{b}$")
    along = d.apply(motion, lambda side: Dot(side, b), "part along $\\hat{b}$",
                    "scalar product with $\\hat{b}$")
    d.claim(equation(m * S.dvpar_dt, Dot(S.F_vec, b)),
            "parallel motion: only the parallel force accelerates", of=along)
    d.result("parallel_equation_of_motion", d.steps[-1],
             "parallel motion $m\\,dv_\\parallel/dt = \\vec{F}\\cdot\\hat{b}$")
    across = d.apply(motion, lambda side: side - Dot(side, b) * b, "part across $\\hat{b}$",
                     "perpendicular projection")
    across = d.claim(equation(m * v_par**2 * kappa,
                              S.F_vec - Dot(S.F_vec, b) * b + q * Cross(S.v_D, S.B_vec)),
                     "perpendicular motion: the curvature term stays", of=across)
    balance = d.combine([across], lambda s: equation(sp.zeros(3, 1), s.rhs - s.lhs),
                        "everything on one side", "subtract the left-hand side")
    centrifugal = d.define(S.F_R, -m * v_par**2 * kappa,
                           "the centrifugal force of the streaming along the curved line")
    d.claim(equation(sp.zeros(3, 1),
                     S.F_vec - Dot(S.F_vec, b) * b + S.F_R + q * Cross(S.v_D, S.B_vec)),
            "the force balance of derivation force_drift with "
            "$\\vec{F}_\\perp \\to \\vec{F}_\\perp + \\vec{F}_R$", of=balance)
    d.result("curvature_force", centrifugal,
             "centrifugal force $-m v_\\parallel^2(\\hat{b}\\cdot\\nabla)\\hat{b}$")
    drift_law = d.imported(registry.result("force_drift"),
                           "general force drift (derivation force_drift)")
    drift = d.substitute(drift_law, {S.F_vec: centrifugal.statement.rhs},
                         "the drift of the centrifugal force", lhs=S.v_R)
    curvature = d.claim(equation(S.v_R, m * v_par**2 / (q * B**2) * Cross(S.B_vec, kappa)),
                        "the curvature drift")
    d.result("curvature_drift", curvature, "curvature drift $m v_\\parallel^2/(qB^2)\\,"
                                           "\\vec{B}\\times(\\hat{b}\\cdot\\nabla)\\hat{b}$")

    # --- radius of curvature: the osculating circle of the field line -------------------
    line = d.apply(unit, lambda direction: rate_along_path(d.frame, direction, direction, S.s),
                   "field line $d\\vec{x}/ds = \\hat{b}$ through the guiding centre, $s$ the "
                   "arc length: chain rule", "derivative along the field line (chain rule)",
                   lhs=sp.Derivative(S.x_line, S.s, 2, evaluate=False))
    line = d.claim(equation(line.statement.lhs, kappa),
                   "the curvature vector is the second derivative of the field line")
    circle = d.given(
        equation(S.x_osc, S.R_c_vec * (sp.cos(S.s / S.R_c) - 1) + S.R_c * sp.sin(S.s / S.R_c) * b),
        "circle through the guiding centre, tangent to $\\hat{b}$, radius $R_c$, centre at "
        "$-\\vec{R}_c$ ($\\vec{R}_c$ points from the centre to the line, across $\\vec{B}$)")
    bend = d.apply(circle, lambda side: d.frame.explicit(side).diff(S.s, 2).subs(S.s, 0),
                   "its second derivative at the guiding centre", "second derivative at $s = 0$",
                   lhs=sp.Derivative(S.x_osc, S.s, 2, evaluate=False))
    bend = d.claim(equation(bend.statement.lhs, -S.R_c_vec / S.R_c**2),
                   "a circle bends towards its centre at $1/R_c$")
    osculating = d.combine([line, bend], lambda a, c: equation(a.rhs, c.rhs),
                           "the osculating circle has the field line's second derivative (this "
                           "defines $\\vec{R}_c$): the curvature vector points to its centre",
                           "osculating circle: second derivatives equated")
    d.result("curvature_vector_Rc", osculating,
             "$(\\hat{b}\\cdot\\nabla)\\hat{b} = -\\vec{R}_c/R_c^2$ (osculating circle)")
    force_Rc = d.substitute_steps(centrifugal, [osculating], "in terms of $\\vec{R}_c$: the "
                                  "centrifugal force points away from the centre of curvature")
    d.result("curvature_force_Rc", force_Rc,
             "centrifugal force $m v_\\parallel^2\\vec{R}_c/R_c^2$")
    drift_Rc = d.substitute_steps(curvature, [osculating], "in terms of $\\vec{R}_c$")
    drift_Rc = d.claim(equation(S.v_R, m * v_par**2 / (q * B**2 * S.R_c**2)
                                * Cross(S.R_c_vec, S.B_vec)),
                       "the curvature drift with the radius of curvature")
    d.result("curvature_drift_Rc", drift_Rc, "curvature drift $m v_\\parallel^2/(qB^2)\\,"
                                             "\\vec{R}_c\\times\\vec{B}/R_c^2$")
    d.define(S.W_par, m * v_par**2 / 2, "parallel kinetic energy")
    d.claim(equation(S.v_R, 2 * S.W_par / q * Cross(S.R_c_vec, S.B_vec) / (S.R_c**2 * B**2)),
            "with the parallel energy, as in the German lecture", of=drift_Rc)

    # --- any orientation: the B^-4 form and the identity --------------------------------
    position, general_field = linear_field(S.components("B"))
    general = Frame(vectors={S.B_vec: general_field, b: S.B_vec / B,
                             kappa: DirectionalDerivative(b, b)},
                    scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))}, position=position)
    d.use_frame(general)
    drift_B4 = d.claim(equation(S.v_R, m * v_par**2 / (q * B**4)
                                * Cross(S.B_vec, DirectionalDerivative(S.B_vec, S.B_vec))),
                       "with $(\\vec{B}\\cdot\\nabla)\\vec{B}$, for $\\vec{B}$ of any "
                       "orientation", of=curvature)
    d.result("curvature_drift_B4", drift_B4, "curvature drift $m v_\\parallel^2/(qB^4)\\,"
                                             "\\vec{B}\\times(\\vec{B}\\cdot\\nabla)\\vec{B}$")
    grad_perp = (Grad(B) - Dot(b, Grad(B)) * b) / B
    identity = d.claim(equation(kappa, grad_perp - Cross(b, Curl(S.B_vec)) / B),
                       "for $\\vec{B}$ of any orientation and a general gradient: curvature "
                       "from the gradient of $B$ across the field and the current",
                       of=curvature_vector)
    d.result("curvature_identity", identity, "$(\\hat{b}\\cdot\\nabla)\\hat{b} = \\nabla_\\perp B/B"
             " - \\hat{b}\\times(\\nabla\\times\\vec{B})/B$ for any field")
    curl_free = d.given(equation(Curl(S.B_vec), sp.zeros(3, 1)),
                        "vacuum: no current at the guiding centre")
    curl_free = d.in_components(curl_free, "components of the curl")
    symmetric = d.solve(curl_free, [G[1, 2], G[0, 2], G[0, 1]],
                        "solve: the gradient matrix is symmetric")
    rule = dict(zip(symmetric.statement.lhs, symmetric.statement.rhs))
    d.use_frame(Frame(vectors={**general.vectors, S.B_vec: general_field.subs(rule)},
                      scalars=general.scalars, position=position))
    vacuum = d.claim(equation(kappa, grad_perp),
                     "with this symmetric gradient ($\\nabla\\times\\vec{B} = 0$) the current "
                     "term vanishes: stated without proof in the German lecture", of=identity)
    d.result("curvature_vacuum_identity", vacuum,
             "in a current-free field $(\\hat{b}\\cdot\\nabla)\\hat{b} = \\nabla_\\perp B/B$",
             conditions=("vacuum",))
    drift_vacuum = d.substitute_steps(curvature, [vacuum], "the curvature drift in vacuum")
    drift_vacuum = d.claim(equation(S.v_R, m * v_par**2 / (q * B**3) * Cross(S.B_vec, Grad(B))),
                           "only $\\nabla_\\perp B$ contributes to the cross product")
    d.result("curvature_drift_vacuum", drift_vacuum, "curvature drift in vacuum "
             "$m v_\\parallel^2/(qB^3)\\,\\vec{B}\\times\\nabla B$",
             conditions=("vacuum",))
    d.define(S.omega_c, q * B / m, "signed gyrofrequency")
    d.claim(equation(S.v_R, v_par**2 / S.omega_c * Cross(S.B_vec, Grad(B)) / B**2),
            "with the gyrofrequency, as in the German lecture", of=drift_vacuum)

    gradb = d.imported(registry.result("gradB_drift"), "grad-B drift (derivation gradb_drift)")
    total = d.combine([drift_vacuum, gradb],
                      lambda r, g: equation(r.lhs + g.lhs, r.rhs + g.rhs),
                      "both drifts together", "sum")
    total = d.claim(equation(total.statement.lhs, m / (q * B**3) * (v_par**2 + S.v_perp**2 / 2)
                             * Cross(S.B_vec, Grad(B))),
                    "curvature and grad-B drifts in vacuum: one direction, "
                    "$\\vec{B}\\times\\nabla B$")
    d.result("gradB_curvature_drift", total, "grad-B plus curvature drift in vacuum "
             "$m(v_\\parallel^2 + v_\\perp^2/2)/(qB^3)\\,\\vec{B}\\times\\nabla B$",
             conditions=("vacuum",))

    magnetic = Arg("B", S.B_vec, "T", "Magnetic field at the guiding centre", vector=True,
                   check="nonzero")
    parallel = Arg("v_par", v_par, "m/s", "Signed speed along B")
    d.numeric_function(NumericSpec(
        "curvature_drift", "Curvature drift velocity of the guiding centre.", "curvature_drift",
        args=(magnetic,
              Arg("curvature", kappa, "1/m", "Curvature vector (b.grad)b of the field line, "
                                             "-R_c/R_c^2 (points to the centre of curvature)",
                  vector=True),
              parallel),
        returns=("m/s", "Drift velocity m v_par^2 / (q B^2) B x (b.grad)b"),
        particle=("q", "m"),
        light_speed=("v_par",),
        # 1/R_c = |b x (b.grad)b|: only the curvature across B is a curvature
        orderings=(Ordering("rho_par/R_c", S.m * sp.Abs(v_par)
                            * sp.sqrt(Dot(Cross(S.B_vec, kappa), Cross(S.B_vec, kappa)))
                            / (sp.Abs(S.q) * B**2), "MAX_GRADIENT_ORDERING",
                            "B, curvature, v_par"),),
        example={"B": [0.0, 0.0, 1e-5], "curvature": [-1e-6, 0.0, 0.0], "v_par": 1e5,
                 "particle": "p+"},
        notes="First order in r_L/R_c: it stops holding when the Larmor radius is not "
              "small against the radius of curvature R_c (or the gradient length). Only the "
              "part of the curvature across B contributes. Positive ions drift along "
              "B x (b.grad)b = R_c x B/R_c^2, electrons opposite. Non-relativistic; "
              "relativistically m v_par^2 becomes gamma m v_par^2.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.26)",
                    "German lecture 004 sec. 4 (Kruemmungsdrift)")))
    d.numeric_function(NumericSpec(
        "gradB_curvature_drift", "Grad-B plus curvature drift in a current-free field.",
        "gradB_curvature_drift",
        args=(magnetic,
              Arg("grad_B", Grad(B), "T/m", "Gradient of the field strength |B|", vector=True),
              parallel,
              Arg("v_perp", S.v_perp, "m/s", "Speed across B", check="nonnegative")),
        returns=("m/s", "Drift velocity m (v_par^2 + v_perp^2/2) / (q B^3) B x grad|B|"),
        particle=("q", "m"),
        light_speed=("v_par", "v_perp"),
        orderings=(Ordering("rho/L_B", S.m * sp.sqrt(v_par**2 + S.v_perp**2)
                            * sp.sqrt(Dot(Grad(B), Grad(B))) / (sp.Abs(S.q) * B**2),
                            "MAX_GRADIENT_ORDERING", "B, grad_B, v_par, v_perp"),),
        example={"B": [0.0, 0.0, 1e-5], "grad_B": [1e-12, 0.0, 0.0], "v_par": 1e5,
                 "v_perp": 1e5, "particle": "p+"},
        notes="Only in a current-free field (curl B = 0, e.g. the Earth's dipole), where the "
              "curvature is grad_perp B / B; with currents use curvature_drift and "
              "gradB_drift separately. First order in r_L/L_B; non-relativistic "
              "(relativistically m becomes gamma m). Positive ions drift along B x grad B, "
              "electrons opposite: in the Earth's dipole ions drift west, electrons east. "
              "Measured against full orbits (guidingcenter confirm gradB_curvature, the "
              "curl-free field B_0 R_0/R phi-hat): relative error -0.70 (r_L/R_c)^2.",
        references=("Chen, Introduction to Plasma Physics, eq. (2.30)",
                    "German lecture 004 sec. 4 (Zusammenfassung)")))
    return d.build()


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
