"""Catalogue entries of note 004 (see guidingcenter.catalog.model.Entry).

W. Suttrop, "Einführung in die Plasmaphysik: Einzelteilchen-Bewegung" (German
lecture, Max-Planck-Institut für Plasmaphysik).  Every formula and every
quantitative claim, in the order of the note.  In this copy of the note the
backslash sequences that became control characters are stripped: ``\\vec``
reads ``ec``, ``\\frac`` reads ``rac``, ``\\times`` reads `` imes``, and
``\\nabla``, ``\\rightarrow``, ``\\right``, ``\\rm`` start a new line (``abla``,
``ightarrow``, ``ight``, ``m``); the quotes below copy the file as it is.

Symbols that the toolkit does not declare are local: the note's ``R`` (printed
where the E x B solution needs ``B``), the initial velocity ``u_x, u_y`` of the
E x B derivation, the speed ``v_perp_m`` at the mirror point and the arc length
``s(lambda)`` of the dipole derivation.
"""

import sympy as sp

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.catalog.model import Entry
from guidingcenter.catalog.notation import (GYRATION_POSITION, GYRATION_VELOCITY, X_HAT,
                                            Y_HAT, gyration_average)
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

SOURCE = "004_a7b92d7295368eeb.txt"

__all__ = ["SOURCE", "ENTRIES"]


def _eq(lhs, rhs):
    """An unevaluated equation (sp.Eq would turn e.g. alpha = 0 into False)."""
    return sp.Eq(lhs, rhs, evaluate=False)


def _entry(quote, **fields):
    return Entry(SOURCE, quote, **fields)


def _definition(quote, reason, **fields):
    return Entry(SOURCE, quote, kind="definition", reason=reason, **fields)


def _unchecked(quote, reason, **fields):
    return Entry(SOURCE, quote, kind="not-checkable", reason=reason, **fields)


# section 5: the gyration v_0 about the guiding centre at r, in axes with z along B_0
r_0, v_0 = GYRATION_POSITION, GYRATION_VELOCITY
_dB0_dx = Dot(X_HAT, Grad(S.B))
_ALONG_X = "B_0 = (0, 0, B_0) varying along x only"
_GYRATION = ("The average over one gyration is done exactly (catalog.notation) with "
             "r = (v_perp/omega_c)(sin, cos, 0) and v_0 = dr/dt = v_perp(cos, -sin, 0), the "
             "note's gyration (real parts of its v_x = v_perp exp(i omega_c t), v_y = i v_x).")

half = sp.Rational(1, 2)
i = sp.I
t, q, m, B = S.t, S.q, S.m, S.B
v_perp, v_par, omega_c = S.v_perp, S.v_par, S.omega_c
lam, y = S.lam, S.y
E_x, E_y, E_z = S.components("E")
R_note = sp.Symbol("R", positive=True)            # the note's R in -E_x/R
u_x, u_y = sp.Symbol("u_x", real=True), sp.Symbol("u_y", real=True)
v_perp_m = sp.Symbol("v_perp_m", positive=True)   # v_perp at the mirror point
s_of = sp.Function("s")                           # arc length s(lambda) (dipole_field)
velocity = sp.Matrix([S.v_x_t, S.v_y_t, S.v_z_t])
acceleration = velocity.diff(t)
r_L = v_perp / sp.Abs(omega_c)                    # the note's r_L = v_perp/|omega_c|
keV = 1e3 * constants.e
# The gradient/curvature drift frequency's magnitude for a charge e (drift_frequency, p v =
# gamma m v^2; east positive).  The note gives only the direction, westward or eastward.
drift_rate = 3 * S.L * S.p * S.v * S.D_of(y) / (S.B_E * S.R_E**2 * S.e * S.T_of(y))

_UNPUBLISHED = "derived by the toolkit but not published as a result: "

ENTRIES = [
    # --- forces and Maxwell's equations ---------------------------------------------
    _definition("Coulomb-Kraft: $F_C = q\\vec{E}$",
                "Coulomb force on a charge: a law, nothing to derive",
                note="repeated verbatim as the display formula that follows"),
    _definition("$$F_L = q\\vec{v} imes \\vec{B}$$",
                "Lorentz (magnetic) force on a moving charge: a law"),
    _definition("$$\\nabla \\cdot \\vec{E} = \\sigma/\\epsilon_0$$",
                "Gauss's law (the note's 'Poisson', sigma the charge density): Maxwell's "
                "equation", note="printed twice in a row; one entry"),
    _definition("$\\nabla \\times \\vec{B} = \\mu_0 \\vec{j} + (1/c^2) \\partial \\vec{E} / "
                "\\partial t$", "Ampère-Maxwell law: Maxwell's equation"),
    _definition("$\\nabla \\times \\vec{E} = -\\partial \\vec{B}/\\partial t$ Induktion",
                "Faraday's law: Maxwell's equation",
                note="the display copy just before it reads '$$abla imes \\vec{E} = "
                     "-\\partial \\vec{B}/\\partial t$$' (mangled \\nabla, \\times)"),
    _definition("$\\nabla \\cdot \\vec{B} = 0$ Keine magnetischen Monopole",
                "no magnetic monopoles: Maxwell's equation (the checker's frame imposes it)",
                note="also printed as a display formula just before"),

    # --- 1. electric field ----------------------------------------------------------------
    _definition("1. Elektrisches Feld: $E \\neq 0, B = 0$", "the setting of section 1"),
    _definition("$$m \\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q \\ \\vec{E}, \\qquad "
                "\\vec{E} = -\\nabla \\Phi$$",
                "Newton's law with the Coulomb force, and the electrostatic potential"),
    _unchecked("$$m\\int_{1}^{2} \\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} \\mathrm{d}x = "
               "q\\int_{1}^{2} \\vec{E} \\,\\mathrm{d}x$$",
               "not derived by the toolkit: the work integral of the electrostatic equation "
               "of motion along a path x_1 -> x_2 (the toolkit reaches energy conservation "
               "through the parallel equation of motion; the end result, "
               "q Phi_1 + m v_1^2/2 = ..., is checked against energy_integral)"),
    _unchecked("$$m \\int_{1}^{2} \\frac{d\\vec{v}}{dx} \\frac{d\\vec{x}}{dt} dx = m "
               "\\int_{1}^{2} v dv = \\frac{1}{2} m v_{2}^{2} - \\frac{1}{2} m v_{1}^{2}$$",
               "not derived by the toolkit: the left side of the work integral (kinetic "
               "energy theorem); the end result is checked against energy_integral"),
    _unchecked("$$q\\Phi_1 - q\\Phi_2$$",
               "not derived by the toolkit: the right side of the work integral, "
               "q int E dx = q(Phi_1 - Phi_2); the end result is checked against "
               "energy_integral"),
    _definition("Konstante der Bewegung: $W = E_{pot} + E_{kin}$",
                "definition of the total energy W"),
    _entry("$$q\\Phi_1 + \\frac{1}{2}mv_1^2 = q\\Phi_2 + \\frac{1}{2}mv_2^2 = "
           "E_{\\text{pot}} + E_{\\text{kin}}$$",
           claim=_eq(S.W_0, q * S.varphi_E + m * S.v**2 / 2),
           against="energy_integral", specialize={S.mu: 0, S.v_par: S.v},
           conditions="B = 0 (section 1): all the kinetic energy is m v^2/2",
           note="at any point i of the path q Phi_i + m v_i^2/2 is the same constant W "
                "(W_0); the energy integral with mu = 0 (no magnetic field) and v_par = v"),
    _definition("E = 1 eV: Energie einer Elementarladung bei U = 1 V.",
                "definition of the electron volt"),
    _entry("$1 \\text{eV} = 1.602 \\times 10^{-19} \\text{J}$", kind="number",
           value=1.602, unit="J", scale=1e-19, digits=4, compute=S.e,
           inputs={S.e: constants.e}, note="1 eV = e x 1 V; CODATA e (exact)"),

    # --- 2. uniform magnetic field ---------------------------------------------------
    _definition("2. Statisches homogenes Magnetfeld, $E=0, B\\neq 0$",
                "the setting of section 2"),
    _definition("$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q \\; \\vec{v} \\times "
                "\\vec{B}$$", "Newton's law with the Lorentz force: the starting point of "
                              "derivation gyration"),
    _definition("Sei $\\vec{B} = (0,0,B)$ in *z*-Richtung", "choice of axes"),
    _entry("$$m\\dot{v}_x = qBv_y$$\n $m\\dot{v}_y = -qBv_x$\n $m\\dot{v}_z = 0$",
           claim=_eq(m * acceleration, sp.Matrix([q * B * S.v_y_t, -q * B * S.v_x_t, 0])),
           against="lorentz_force_components",
           note="the three component equations, compared together as one vector"),
    _unchecked("$$\\ddot{v}_x = \\frac{qB}{m}\\dot{v}_y = -\\left(\\frac{qB}{m}\\right)^2 v_x$$",
               "not derived by the toolkit: the second-order equations for v_x, v_y (the "
               "toolkit solves the first-order system directly; its solution, checked "
               "below, obeys them)"),
    _unchecked("$$\\ddot{v}_y = -\\frac{qB}{m}\\dot{v}_x = -\\left(\\frac{qB}{m}\\right)^2 v_y$$",
               "not derived by the toolkit: the second-order equations for v_x, v_y (see "
               "the entry for v_x)"),
    _definition("$$v_{x,y} = v_{\\perp} \\exp(i\\omega_c t + i\\theta_{x,y})$$",
                "the oscillation ansatz (complex notation: the physical velocity is the real "
                "part); its consequences are checked below"),
    _entry("$$\\omega_c = \\frac{qB}{m}$$", claim=_eq(omega_c, q * B / m),
           against="gyrofrequency"),
    _definition("Wähle x-Phase $\\theta_x \\equiv 0$", "choice of the gyrophase"),
    _entry("$$v_x = v_{\\perp} \\exp(i\\omega_c t)$$\n\n$$v_y = \\frac{m}{qB}\\dot{v}_x = "
           "iv_x = v_\\perp \\exp\\left(i\\omega_c t + i\\frac{\\pi}{2}\\right)$$",
           claim=_eq(velocity, sp.Matrix([
           sp.re(v_perp * sp.exp(i * omega_c * t)),
           sp.re(v_perp * sp.exp(i * omega_c * t + i * sp.pi / 2)),
           v_par])),
           against="larmor_velocity", specialize={S.phi: 0},
           note="real parts of the complex velocities (theta_x = 0 is gyrophase phi = 0); "
            "v_z = const (m dv_z/dt = 0) is v_par. The middle forms (m/(qB)) dv_x/dt "
            "= i v_x equal the last one for omega_c = qB/m"),
    _entry("$$x = \\frac{1}{i\\omega_c} v_x(+C) = \\frac{v_\\perp}{i\\omega_c} "
           "\\exp\\left(i\\omega_c t\\right) = \\frac{v_\\perp}{\\omega_c} "
           "\\exp\\left(i\\omega_c t - i\\frac{\\pi}{2}\\right)$$\n\n$$y = "
           "\\frac{v_{\\perp}}{\\omega_c} \\exp\\left(i\\omega_c t\\right)$$",
           claim=_eq(sp.Matrix([S.x_t, S.y_t]), sp.Matrix([
           sp.re(v_perp / omega_c * sp.exp(i * omega_c * t - i * sp.pi / 2)),
           sp.re(v_perp / omega_c * sp.exp(i * omega_c * t))])),
           against="larmor_orbit", specialize={S.phi: 0, S.X_gc: 0, S.Y_gc: 0},
           note="real parts of the complex positions, with the integration constant C = 0 "
            "(guiding centre at the origin); v_perp/(i omega_c) exp(i omega_c t) is the "
            "same complex number as the last form of x"),
    _entry("r_L \\equiv rac{v_\\perp}{|\\omega_c|}",
           claim=_eq(S.r_L, v_perp / sp.Abs(omega_c)), against="gyroradius"),
    _entry("= rac{mv_\\perp}{|q|B}", claim=_eq(S.r_L, m * v_perp / (sp.Abs(q) * B)),
           against="gyroradius"),
    _entry("Ionen und Elektronen gyrieren in unterschiedlicher Richtung "
           "(links-/rechtshändig)",
           claim=_eq(S.v_theta, -sp.sign(q) * v_perp), against="gyration_sense",
           note="read as: seen along B ions turn clockwise (left-handed about B, azimuthal "
                "velocity v_theta = -v_perp about the guiding centre), electrons "
                "anticlockwise (right-handed, v_theta = +v_perp)"),
    _entry("Mit $W_i = W_e$: Ionen-Gyroradius grösser um $\\sqrt{m_i/m_e}$",
           claim=_eq(S.r_L, sp.sqrt(S.m_i / S.m_e)
                       * S.m_e * sp.sqrt(2 * S.W / S.m_e) / (sp.Abs(q) * B)),
           against="gyroradius_relativistic",
           specialize={S.v_par: 0, S.m: S.m_i,
                       S.v_perp: S.c * sp.sqrt(1 - 1 / (1 + S.W / (S.m_i * S.c**2))**2)},
           note="ion radius = sqrt(m_i/m_e) x electron radius, the electron's from the "
                "note's r_L = m v_perp/(|q| B) with v_perp = (2W/m_e)^(1/2); compared with "
                "the exact ion radius at kinetic energy W (motion across B, equal charges)"),

    # --- 3. electric and magnetic field ----------------------------------------------
    _definition("3. Statisches homogenes elektrisches und Magnet-Feld, $E \\neq 0, B \\neq 0$",
                "the setting of section 3"),
    _definition("$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q\\left(\\vec{E} + \\vec{v} "
                "\\times \\vec{B}\\right)$$", "Newton's law with the Lorentz force"),
    _definition("O.B.d.A.: $\\vec{B}||z, \\vec{E} \\text{ in } x, z\\text{-Ebene}$",
                "choice of axes"),
    _unchecked("$$\\dot{v}_z = \\frac{q}{m} E_z$$",
               _UNPUBLISHED + "the parallel acceleration with a potential varphi(s) "
               "(derivation mu_conservation)",
               claim=_eq(sp.Derivative(S.v_par_t, t), q * E_z / m),
               note="v_z is the speed along B; to be compared with the parallel "
                    "acceleration -(mu dB/ds + q dvarphi/ds)/m of derivation mu_conservation "
                    "at dB/ds = 0, dvarphi/ds = -E_z (it holds there)"),
    _entry("$$\\dot{v}_x = \\frac{q}{m} E_x + \\omega_c v_y$$\n\n$$\\dot{v}_y = "
           "-\\frac{q}{m} 0 - \\omega_c v_x$$",
           against="exb_equation_components", specialize={E_y: 0},
           claim=_eq(m * acceleration, m * sp.Matrix([q / m * E_x + omega_c * S.v_y_t,
                                                        -q / m * 0 - omega_c * S.v_x_t,
                                                        0])),
           note="the x and y equations (times m), with E_y = 0 as the note chooses (the z "
                "row is the derivation's: E_z only accelerates along B)"),
    _entry("$$v_x = v_{\\perp} \\exp(i\\omega_c t), \\quad v_y = iv_{\\perp} \\exp(i\\omega_c t)"
           " - \\frac{E_x}{R}$$",
           claim=_eq(velocity, sp.Matrix([
           sp.re(v_perp * sp.exp(i * omega_c * t)),
           sp.re(i * v_perp * sp.exp(i * omega_c * t) - E_x / R_note),
           v_par])),
           against="ExB_velocity", specialize={u_x: v_perp, u_y: -E_x / B, E_y: 0},
           note="real parts; the gyration of speed v_perp at phase 0 about the drifting "
            "guiding centre (initial velocity (v_perp, -E_x/B)), E_y = 0; v_z = v_par is "
            "the derivation's (E perpendicular to B). R is a symbol the note does not "
            "define"),
    _unchecked("Gyrozentrum driftet in y-Richtung, senkrecht zu \\vec{E} und \\vec{B} !",
               "a statement of direction, not a formula: its content is the -E_x/R term in "
               "v_y and the drift E x B/B^2 (entries above and below)"),
    _entry("\\vec{v}_{\\text{ExB}} = \\frac{\\vec{E} \\times \\vec{B}}{B^2}",
           claim=_eq(S.v_E, Cross(S.E_vec, S.B_vec) / B**2), against="ExB_drift"),
    _unchecked("Durch Bewegung im elektrostatischen Potenzial ändert sich der Gyroradius.",
               "a qualitative explanation of the drift, no formula"),
    _entry("Gleiche Richtung der $\\vec{E} \\times \\vec{B}$ Drift für Elektronen und Ionen",
           claim=_eq(S.v_F, Cross(S.E_vec, S.B_vec) / B**2),
           against="force_drift", specialize={S.F_vec: q * S.E_vec},
           note="read as: the drift of the force qE is E x B/B^2 whatever the charge; the "
                "next line's explanation (the signs of gyration and of the Coulomb force "
                "cancel) is the same statement"),
    _entry("ec{v}_F = rac{1}{q}rac{ec{F} imesec{B}}{B^2}",
           claim=_eq(S.v_F, Cross(S.F_vec, S.B_vec) / (q * B**2)), against="force_drift",
           note="after the replacement qE -> F printed just before it"),
    _definition("Beispiel: Gravitation $\\vec{F} = m\\vec{g}$", "the force of gravity"),
    _entry("$$\\vec{v}_g = \\frac{m}{q} \\frac{\\vec{g} \\times \\vec{B}}{B^2}$$",
           claim=_eq(S.v_g, m / q * Cross(S.g_vec, S.B_vec) / B**2),
           against="gravitational_drift"),
    _unchecked("\"Echte\" Gravitationsdrift im allgemeinen vernachlässigbar gegen andere "
               "Driften",
               "a comparison of magnitudes with no parameters stated (it depends on g, the "
               "particle's energy and the field's gradient length)"),

    # --- 4. inhomogeneous magnetic field ---------------------------------------------
    _entry("$$\\vec{F}_R = m v_\\parallel^2 \\frac{\\vec{R}_c}{R_c^2}$$",
           claim=_eq(S.F_R, m * v_par**2 * S.R_c_vec / S.R_c**2),
           against="curvature_force_Rc"),
    _definition("lokaler Krümmungsradius, $\\vec{R}_c \\perp \\vec{B}$",
                "definition of the radius-of-curvature vector (perpendicular to B by "
                "construction)"),
    _entry("ec{v}_R = rac{mv_\\parallel^2}{q}rac{ec{R}_c imesec{B}}{R_c^2B^2}",
           claim=_eq(S.v_R, m * v_par**2 / q * Cross(S.R_c_vec, S.B_vec)
                       / (S.R_c**2 * B**2)),
           against="curvature_drift_Rc"),
    _entry("rac{2W_\\parallel}{q}rac{ec{R}_c imesec{B}}{R_c^2B^2}",
           claim=_eq(S.v_R, 2 * S.W_par / q * Cross(S.R_c_vec, S.B_vec)
                       / (S.R_c**2 * B**2)),
           against="curvature_drift_Rc"),
    _entry("$$\\Rightarrow -\\nabla \\vec{B} = (B/R_c^2)\\vec{R_c}$$",
           claim=_eq(Grad(B), -(B / S.R_c**2) * S.R_c_vec),
           against="curvature_vacuum_identity",
           specialize={S.kappa: -S.R_c_vec / S.R_c**2, Dot(S.b_hat, Grad(B)): 0},
           stated=("vacuum",),
           conditions="Spezialfall: Zylindersymmetrisches B-Feld im Vakuum (j = 0)",
           note="the note's nabla of vec B read as the gradient of |B|; both sides negated "
                "(grad B = -(B/R_c^2) R_c). Cylindrical symmetry (circular field lines about "
                "an axis, B = B(r)) makes grad B perpendicular to B: the result, kappa = "
                "grad_perp B/B in a current-free field, is specialized to b.grad B = 0. In a "
                "general current-free field only grad_perp B satisfies it (without the "
                "specialization the checker cannot align the claim with the result)"),
    _entry("$$\\vec{v}_R = \\frac{mv_\\parallel^2}{q} \\frac{\\vec{B} \\times \\nabla B}{B^3}",
           claim=_eq(S.v_R, m * v_par**2 / q * Cross(S.B_vec, Grad(B)) / B**3),
           against="curvature_drift_vacuum", stated=("vacuum",),
           conditions="Zylindersymmetrisches B-Feld im Vakuum (j = 0)"),
    _entry("= \\frac{v_\\parallel^2}{\\omega_c} \\frac{\\vec{B} \\times \\nabla B}{B^2}$$",
           claim=_eq(S.v_R, v_par**2 / omega_c * Cross(S.B_vec, Grad(B)) / B**2),
           against="curvature_drift_vacuum", stated=("vacuum",),
           conditions="Zylindersymmetrisches B-Feld im Vakuum (j = 0)"),
    _unchecked("Bisherige Driften: Variation von v_{\\perp} in der Gyrationsperiode.",
               "a qualitative explanation, no formula"),
    _unchecked("Ursache der ∇B -Drift: Variation von B.",
               "a qualitative explanation, no formula"),
    _definition("$$\\vec{B}_0 \\equiv \\vec{B}(\\vec{r} = 0)$$",
                "notation: the field at the guiding centre"),
    _definition("$$\\vec{B} = \\vec{B_0} + (\\vec{r} \\cdot \\nabla) \\vec{B_0}$$",
                "first-order Taylor expansion of the field about the guiding centre (the "
                "checker's frame uses the same linear field)"),
    _definition("$$B_z = B_0 + \\left(x\\frac{\\partial}{\\partial x} + y\\frac{\\partial}"
                "{\\partial y} + z\\frac{\\partial}{\\partial z}\\right)B_0$$",
                "the same expansion in components"),
    _definition("$$m\\frac{\\mathrm{d}\\vec{v}}{\\mathrm{d}t} = q\\left(\\vec{v} \\times "
                "\\vec{B}_0\\right) + q\\left[\\vec{v} \\times (\\vec{r} \\cdot "
                "\\nabla)\\vec{B}_0\\right]$$",
                "the Lorentz force with the expanded field"),

    # --- 5. drift approximation -----------------------------------------------------------
    _definition("Geschwindigkeit $\\vec{v} = \\vec{v_0} + \\vec{v_1}$",
                "the ansatz of the drift approximation"),
    _definition("$$m\\frac{\\mathrm{d}\\vec{v}_0}{\\mathrm{d}t} = q\\left(\\vec{v}_0 \\times "
                "\\vec{B}_0\\right)$$", "the zeroth-order equation: gyration in B_0"),
    _unchecked("$$m\\frac{\\mathrm{d}\\vec{v}_{1}}{\\mathrm{d}t} = q\\left(\\vec{v}_{1} \\times "
               "\\vec{B}_{0}\\right) + q\\left[\\left(\\vec{v}_{0} + \\vec{v}_{1}\\right) "
               "\\times \\left(\\vec{r} \\cdot \\nabla\\right)\\vec{B}_{0}\\right]$$",
               "not derived by the toolkit: the first-order perturbation equation (the "
               "toolkit averages the Lorentz force over the unperturbed Larmor orbit, "
               "derivation gradb_drift)"),
    _unchecked("$$\\approx q\\left(\\vec{v}_{1} \\times \\vec{B}_{0}\\right) + q\\left[\\left("
               "\\vec{v}_{0} \\times \\left(\\vec{r} \\cdot \\nabla\\right)\\vec{B}_{0}"
               "\\right]\\right]$$",
               "not derived by the toolkit: the first-order perturbation equation without "
               "the second-order term v_1 x (r.grad)B_0"),
    _definition("- $v_1 \\ll v_0$", "assumption of the drift approximation"),
    _definition("Betrachte $\\omega \\ll \\omega_c \\Rightarrow \\dot{\\vec{v}}_1 \\to 0$",
                "assumption of the drift approximation (slow variation)"),
    _unchecked("(\\vec{v}_1 \\times \\vec{B}_0) \\times \\vec{B}_0/B_0^2 = -\\vec{v}_1$",
               "not derived by the toolkit: the identity (v x B) x B = -B^2 v_perp (true for "
               "the part of v_1 across B_0)"),
    _entry("$$\\vec{v}_1 = \\frac{1}{B_0^2} \\left\\langle \\left(\\vec{v}_0 \\times "
           "(\\vec{r} \\cdot \\nabla) \\vec{B}_0 \\right) \\times \\vec{B}_0 "
           "\\right\\rangle$$",
           claim=_eq(S.v_gradB, gyration_average(
               Cross(Cross(v_0, DirectionalDerivative(r_0, S.B_vec)), S.B_vec)) / B**2),
           against="gradB_drift", stated=("aligned",),
           conditions="axes with z along B_0 at the guiding centre",
           note=_GYRATION + " B_0 is the field at the guiding centre."),
    _definition("$\\vec{B}_0 = (0, 0, B_0)$ variiere nur in x-Richtung",
                "choice of axes and of the gradient"),
    _entry("$$v_{1,x} = -\\frac{1}{B_0} \\left\\langle v_{0,x} x \\frac{dB_0}{dx} "
           "\\right\\rangle, \\quad v_{1,y} = -\\frac{1}{B_0} \\left\\langle v_{0,y} x "
           "\\frac{dB_0}{dx} \\right\\rangle$$",
           claim=_eq(S.v_gradB, -gyration_average(v_0 * Dot(X_HAT, r_0)) * _dB0_dx / B),
           against="gradB_drift", stated=("along-x",), conditions=_ALONG_X,
           note=_GYRATION + " The two components as one vector (its z component, not "
                "written, is 0); x is the x of r."),
    _entry("$$v_{1,x} = -\\frac{v_{\\perp} r_L}{B_0} \\langle \\cos(\\omega_c t) "
           "\\sin(\\omega_c t) \\rangle \\frac{dB_0}{dx} = 0$$",
           claim=_eq(Dot(X_HAT, S.v_gradB), -v_perp * S.r_L / B * gyration_average(
               sp.cos(omega_c * t) * sp.sin(omega_c * t)) * _dB0_dx),
           against="gradB_drift", stated=("along-x",), conditions=_ALONG_X,
           note="the first equality; the average is done exactly (catalog.notation), which "
                "gives the 0 at the end."),
    _entry("$$v_{1,y} = \\frac{v_{\\perp} r_L}{B_0} \\langle \\sin^2(\\omega_c t) \\rangle "
           "\\frac{dB_0}{dx} = \\frac{v_{\\perp} r_L}{2B_0} \\frac{dB_0}{dx}$$",
           claim=_eq(Dot(Y_HAT, S.v_gradB), v_perp * S.r_L / B * gyration_average(
               sp.sin(omega_c * t)**2) * _dB0_dx),
           against="gradB_drift", stated=("along-x",), conditions=_ALONG_X,
           note="the first equality; the average is done exactly (catalog.notation), which "
                "gives the form at the end. With the note's r_L = v_perp/|omega_c| it holds "
                "only for q > 0; with the signed v_perp/omega_c (the x = r_L sin(omega_c t) "
                "the note inserts) for both signs."),
    _entry("$$\\vec{v}_{\\nabla B} = \\frac{m v_{\\perp}^2}{2qB^3} \\left(\\vec{B} \\times "
           "\\nabla B \\right)$$",
           claim=_eq(S.v_gradB, m * v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B))),
           against="gradB_drift"),
    _entry("ec{v}_R = rac{mv_\\parallel^2}{qR_c^2B^2} \\left(ec{R}_c imes ec{B}",
           claim=_eq(S.v_R, m * v_par**2 / (q * S.R_c**2 * B**2)
                       * Cross(S.R_c_vec, S.B_vec)),
           against="curvature_drift_Rc"),
    _entry("rac{mv_\\parallel^2}{qB^4} \\left(ec{B} imes (ec{B} \\cdot\nabla) ec{B}",
           claim=_eq(S.v_R, m * v_par**2 / (q * B**4)
                       * Cross(S.B_vec, DirectionalDerivative(S.B_vec, S.B_vec))),
           against="curvature_drift_B4"),
    _entry("$$\\vec{v}_R = \\frac{mv_\\parallel^2}{qB^3} \\left(\\vec{B} \\times \\nabla B "
           "\\right)$$",
           claim=_eq(S.v_R, m * v_par**2 / (q * B**3) * Cross(S.B_vec, Grad(B))),
           against="curvature_drift_vacuum", stated=("vacuum",),
           conditions="dto., für zylindersymmetrisches B-Feld im Vakuum (j = 0)"),

    # --- drift current ---------------------------------------------------------------------
    _entry("Selbe Richtung für Elektronen und\n\nIonen\n\n \\rightarrow kein elektrischer "
           "Strom.",
           claim=_eq(S.v_F, Cross(S.E_vec, S.B_vec) / B**2),
           against="force_drift", specialize={S.F_vec: q * S.E_vec},
           note="the E x B drift of the force qE is the same for both charges (so equal "
                "densities carry no current)"),
    _unchecked("Unterschiedliche Richtung\n\n \n \\rightarrow elektrischer Strom.",
               "qualitative (grad-B and curvature drifts of opposite charges are opposite); "
               "the current it announces is the ring-current formula, checked below"),
    _definition("\\vec{j} = n_e e \\left(\\vec{v}_i - \\vec{v}_e \\right)",
                "definition of the current density of ions and electrons of equal density"),
    _entry("= n_e \\left[\\frac{1}{2} \\left(m_i v_{\\perp,i}^2 - m_e v_{\\perp,e}^2 \\right) + "
           "\\left(m_i v_{\\parallel,i}^2 - m_e v_{\\parallel,e}^2 \\right) \\right] "
           "\\left(\\frac{\\vec{B} \\times \\nabla B}{B^3} \\right)",
           claim=_eq(S.j_vec, S.n * (half * (S.m_i * S.v_perp_i**2 - S.m_e * S.v_perp_e**2)
                                       + (S.m_i * S.v_par_i**2 - S.m_e * S.v_par_e**2))
                       * Cross(S.B_vec, Grad(B)) / B**3),
           against="drift_current_density",
           note="n_e is the density n of each species; e cancels against the drifts' 1/e"),

    # --- 6. magnetic mirror ---------------------------------------------------------------
    _definition("Zylindersymmetrie, $\\vec{B} = (B_r, 0, B_z)$.",
                "the setting: an axisymmetric field without azimuthal component"),
    _definition("Gradient in z-Richtung: $\\partial B_z/\\partial z > 0$", "the setting"),
    _definition("Kraft auf Teilchen: $\\vec{F} = q\\vec{v} \\times \\vec{B}$",
                "the Lorentz force"),
    _unchecked("$$F_r = q(\\underbrace{v_{\\theta}B_z}_{(1)} - \\underbrace{v_zB_{\\theta}}_{=0})"
               "$$",
               "not derived by the toolkit: the Lorentz force in cylindrical components (the "
               "toolkit works in Cartesian components and derives only the gyro-averaged "
               "axial force)"),
    _unchecked("$$F_{\\theta} = q(-\\underbrace{v_r B_z}_{(2)} + \\underbrace{v_z B_r}_{(3)})$$",
               "not derived by the toolkit: the Lorentz force in cylindrical components"),
    _entry("$$F_z = q(\\underbrace{v_r B_{\\theta}}_{=0} + \\underbrace{v_{\\theta} B_r}_{(1)})$$",
           claim=_eq(S.F_avg, sp.Matrix([0, 0, q * (0 + S.v_theta * S.Br_of(S.r, S.z))])),
           against="mirror_axial_force",
           note="B_theta = 0 as the note marks; on the orbit centred on the axis v_theta "
                "and B_r are constant, so F_z is its own gyro-average, while F_r and "
                "F_theta (radial and azimuthal) average to zero as vectors"),
    _unchecked("$$\\nabla \\cdot \\vec{B} = 0 = \\frac{1}{r} \\frac{\\partial}{\\partial r} "
               "(rB_r) + \\underbrace{\\frac{1}{r} \\frac{\\partial B_{\\theta}}{\\partial r}}"
               "_{=0} + \\frac{\\partial}{\\partial z} B_z",
               "the checker cannot evaluate derivatives of the undefined functions B_r(r, z), "
               "B_z(r, z); the toolkit takes the axisymmetric divergence as given "
               "(magnetic_moment)",
               note="the B_theta term is printed (1/r) dB_theta/dr where the divergence has "
                    "(1/r) dB_theta/dtheta; it is zero here either way (B_theta = 0)"),
    _entry("rB_r = -\\int_0^r r \\frac{\\partial B_z}{\\partial z} dr \\approx "
           "-\\frac{1}{2} r^2 \\left[\\frac{\\partial B_z}{\\partial z} \\right]_{r=0}",
           against="mirror_radial_field",
           specialize={sp.Derivative(S.b0_of(S.z), S.z): S.dB_ds},
           claim=_eq(S.r * S.Br_of(S.r, S.z), -half * S.r**2 * S.dB_ds),
           conditions="Ann. dB_z/dz schwach veränderlich in r",
           note="[dB_z/dz]_(r=0) is dB/ds on the axis (B_z = b_0(z) there)"),
    _definition("(Gyrozentrum auf der Achse, $r = r_L$)",
                "the setting: gyration about the axis"),
    _entry("F_z = -\\frac{1}{2}qv_{\\perp}r_L\\frac{\\partial B_z}{\\partial z}",
           claim=_eq(S.F_parallel, -half * q * v_perp * r_L * S.dB_ds),
           against="mirror_force",
           note="F_z on the axis is the force along B, dB_z/dz is dB/ds; r_L is the note's "
                "v_perp/|omega_c|"),
    _entry("= -\\frac{1}{2}q\\frac{v_{\\perp}^2}{\\omega_c}\\frac{\\partial B_z}{\\partial z}",
           claim=_eq(S.F_parallel, -half * q * v_perp**2 / omega_c * S.dB_ds),
           against="mirror_force",
           note="CHECKER PROBLEM: this form is -mu dB/ds for either sign of q; the verdict "
                "'differs' arises because q cancels in q/omega_c and is never sampled"),
    _entry("= -q \\underbrace{\\frac{1}{2}\\frac{mv_{\\perp}^2}{B}}_{\\equiv \\mu} "
           "\\frac{\\partial B_z}{\\partial z}",
           claim=_eq(S.F_parallel, -q * (half * m * v_perp**2 / B) * S.dB_ds),
           against="mirror_force"),
    _entry("$$\\mu = \\frac{mv_{\\perp}^2}{2B} \\quad",
           claim=_eq(S.mu, m * v_perp**2 / (2 * B)), against="magnetic_moment",
           note="repeated verbatim in the pitch-angle section ($$\\mu = \\frac{mv_{\\perp}^2}"
                "{2B} = ...); one entry"),
    _entry("\\vec{F}_{\\parallel} = -\\mu \\nabla_{\\parallel} B",
           claim=_eq(S.F_parallel, -S.mu * S.dB_ds), against="mirror_force"),
    _entry("$$\\mu = I \\cdot A, \\quad", claim=_eq(S.mu, S.I * S.A),
           against="moment_current_loop"),
    _entry("I = q \\frac{\\omega_c}{2\\pi}", claim=_eq(S.I, q * omega_c / (2 * sp.pi)),
           against="gyration_current"),
    _entry("A = \\pi r_L^2", claim=_eq(S.A, sp.pi * r_L**2), against="gyration_area",
           note="r_L is the note's v_perp/|omega_c|"),
    _entry("= \\frac{\\pi v_\\perp}{\\omega_c^2}$$",
           claim=_eq(S.A, sp.pi * v_perp / omega_c**2), against="gyration_area"),
    _entry("\\Rightarrow \\mu = I \\cdot A = \\frac{qv_{\\perp}^2}{2\\omega_c}",
           claim=_eq(S.mu, q * v_perp**2 / (2 * omega_c)), against="magnetic_moment",
           note="the last form, m v_perp^2/(2B), is the entry 'mu = m v_perp^2/(2B)'. "
                "CHECKER PROBLEM: q v_perp^2/(2 omega_c) = m v_perp^2/(2B) for either sign "
                "of q; the verdict 'differs' arises because q cancels in q/omega_c and is "
                "never sampled"),
    _entry("$$m\\frac{\\mathrm{d}v_{\\parallel}}{\\mathrm{d}t} = -\\mu \\frac{\\partial B}"
           "{\\partial s}$$",
           claim=_eq(S.F_parallel, -S.mu * S.dB_ds), against="mirror_force",
           note="the equation of motion along B: its left side m dv_par/dt is the parallel "
                "force F_par"),
    _definition("Mit $v_{\\parallel} = \\partial s / \\partial t$",
                "the guiding centre moves along B at v_par"),
    _unchecked("$$mv_{\\parallel} \\frac{\\mathrm{d}v_{\\parallel}}{\\mathrm{d}t} = "
               "\\frac{\\mathrm{d}}{\\mathrm{d}t} \\left(\\frac{1}{2} m v_{\\parallel}^2 "
               "\\right) = -\\mu \\frac{\\partial B}{\\partial s} \\frac{\\partial s}"
               "{\\partial t} = -\\mu \\frac{\\mathrm{d}B}{\\mathrm{d}t}$$",
               "not derived by the toolkit in this form (a chain of time derivatives along "
               "the orbit; derivation mu_conservation proves the conservation of mu by "
               "another route), and the checker cannot evaluate time derivatives of "
               "functions"),
    _entry("= B \\frac{\\mathrm{d}\\mu}{\\mathrm{d}t} = 0$$",
           claim=_eq(B * sp.Derivative(S.mu_t, t), 0), against="mu_invariant",
           conditions="E = 0 (kinetic energy conserved)",
           note="the conclusion of the energy balance; mu = const. is the next entry"),
    _entry("$$\\Rightarrow \\mu = \\text{const.}$$",
           claim=_eq(sp.Derivative(S.mu_t, t), 0), against="mu_invariant"),
    _entry("Mit steigendem B-Feld steigt W_{\\perp} .",
           claim=_eq(S.W_perp, S.mu * B), against="magnetic_moment",
           note="read as W_perp = mu B with mu constant: W_perp grows in proportion to B"),
    _definition("Bei $W_{\\parallel}=0$ kehrt Parallelbewegung um",
                "definition of the mirror (turning) point"),
    _entry("$$\\frac{1}{2} m v_{\\perp,m}^2 = \\frac{1}{2} m v_{\\perp,0}^2 + \\frac{1}{2} m "
           "v_{\\parallel,0}^2$$",
           claim=_eq(m * v_perp_m**2 / 2, m * v_perp**2 / 2 + m * v_par**2 / 2),
           against="energy_integral",
           specialize={S.varphi_E: 0, S.B: S.B_0, S.mu: m * v_perp**2 / (2 * S.B_0),
                       S.W_0: m * v_perp_m**2 / 2},
           note="start point 0 (field B_0, speeds v_perp, v_par), mirror point m where "
                "v_par = 0 and all the energy is m v_perp_m^2/2; no electric field"),
    _entry("$$\\mu B_m = \\frac{1}{2} m v_{\\parallel,0}^2 + \\mu B_0$$",
           claim=_eq(S.mu * S.B_m, m * v_par**2 / 2 + S.mu * S.B_0),
           against="energy_integral",
           specialize={S.varphi_E: 0, S.B: S.B_0, S.W_0: S.mu * S.B_m},
           note="the energy integral at the start point (B_0) equated with its value at the "
                "mirror point, mu B_m"),
    _entry("$$v_{\\parallel,0}^2 = \\frac{2\\mu (B_m - B_0)}{m}",
           claim=_eq(v_par**2, 2 * S.mu * (S.B_m - S.B_0) / m), against="energy_integral",
           specialize={S.varphi_E: 0, S.B: S.B_0, S.W_0: S.mu * S.B_m},
           note="the same relation in the form v_perp,0^2 (B_m - B_0)/B_0 is the next "
                "entry"),
    _entry("$$v_{\\parallel,0}^2 = \\frac{2\\mu (B_m - B_0)}{m} = v_{\\perp,0}^2 \\frac{B_m - "
           "B_0}{B_0}$$",
           claim=_eq(v_par**2, v_perp**2 * (S.B_m - S.B_0) / S.B_0),
           against="energy_integral",
           specialize={S.varphi_E: 0, S.B: S.B_0, S.mu: m * v_perp**2 / (2 * S.B_0),
                       S.W_0: m * v_perp**2 * S.B_m / (2 * S.B_0)},
           note="the last form; mu = m v_perp,0^2/(2 B_0) at the start point"),
    _unchecked("yerloren\n$$v_{\\parallel,0}$$",
               "garbled figure labels ('verloren', an axis v_par,0), no formula"),
    _entry("$$v_{\\parallel,0} = \\frac{2\\mu (B_m - B_0)}{m} = v_{\\perp,0}^2 \\frac{B_m - "
           "B_0}{B_0}$$",
           claim=_eq(v_par, v_perp**2 * (S.B_m - S.B_0) / S.B_0),
           against="energy_integral",
           specialize={S.varphi_E: 0, S.B: S.B_0, S.mu: m * v_perp**2 / (2 * S.B_0),
                       S.W_0: m * v_perp**2 * S.B_m / (2 * S.B_0)},
           note="the second copy of the previous line, printed without the square on the "
                "left; compared in its last form (its middle form 2 mu (B_m - B_0)/m cannot "
                "be evaluated by the checker, see above)"),
    _entry("$v||/v_{\\perp} > \\sqrt{(B_{\\text{max}} - B_0)/B_0}$",
           claim=_eq(sp.Abs(v_par), v_perp * sp.sqrt((S.B_max - S.B_0) / S.B_0)),
           against="critical_speed_ratio",
           note="the critical value, |v_par| = v_perp ((B_max - B_0)/B_0)^(1/2): the note's "
                "v|| is a speed"),
    _definition("Winkel zwischen Geschwindigkeitskomponenten senkrecht und parallel zum "
                "B-Feld.", "definition of the pitch angle (in words)"),
    _entry("$$\\alpha = 0^o$$\n: $\\vec{v} \\parallel \\vec{B}$",
           claim=_eq(S.alpha, 0), against="pitch_angle", specialize={v_perp: 0},
           stated=("forward",), conditions="v parallel to B (v_par > 0)",
           note="the pitch angle of a velocity along B"),
    _entry("$\\alpha = 90^o$: $\\vec{v} \\perp \\vec{B}$",
           claim=_eq(S.alpha, sp.pi / 2), against="pitch_angle", specialize={v_par: 0},
           note="the pitch angle of a velocity across B (90 degrees = pi/2)"),
    _entry("$$\\tan \\alpha = \\frac{v_{\\perp}}{v_{\\parallel}}",
           claim=_eq(sp.tan(S.alpha), v_perp / v_par), against="pitch_angle_tan",
           note="as an equation for alpha it fixes the quadrant only together with "
                "sin alpha = v_perp/v (next entry); alpha = tan^-1(v_perp/v_par) is judged in "
                "the summary"),
    _entry("\\sin \\alpha = \\frac{v_{\\perp}}{v}$$",
           claim=_eq(sp.sin(S.alpha), v_perp / S.v), against="pitch_angle_sin"),
    _entry("= \\frac{mv^2}{2} \\frac{\\sin^2 \\alpha}{B}$$",
           claim=_eq(S.mu, m * S.v**2 / 2 * sp.sin(S.alpha)**2 / B),
           against="magnetic_moment", specialize={v_perp: S.v * sp.sin(S.alpha)},
           note="with v_perp = v sin(alpha) (pitch_angle_sin)"),
    _entry("$$\\sin\\alpha = \\left(\\frac{B}{B_m}\\right)^{1/2}$$",
           claim=_eq(sp.sin(S.alpha), sp.sqrt(B / S.B_m)), against="mirror_ratio",
           specialize={S.alpha_1: S.alpha, S.B_1: B, S.alpha_2: sp.pi / 2, S.B_2: S.B_m},
           conditions="am Umkehrpunkt (B = B_m) alpha = 90°"),
    _unchecked("- nur bei E = 0",
               "a condition of validity, not a formula",
               note="derivation mu_conservation derives d(mu)/dt = 0 also with an "
                    "electrostatic potential varying along B"),
    _unchecked("- nur für Bewegungen langsamer als die Gyrationsbewegung",
               "a condition of validity (adiabatic: slow compared with the gyration), not a "
               "formula; the toolkit's guiding-centre derivations assume the same"),
    _unchecked("- nur wenn Feld-Gradientenlänge gross gegen Gyroradius (Driftnäherung)",
               "a condition of validity (r_L small against B/|grad B|), not a formula; the "
               "toolkit's guiding-centre derivations assume the same"),
    _definition("Longitudinale Invariante $J = \\oint mv_{\\parallel} ds$",
                "definition of the second adiabatic invariant (the toolkit's J, derivation "
                "bounce_period, uses the momentum p = gamma m v)"),
    _unchecked("Drift-Invariante $\\Phi = \\oint v_d r \\, d\\psi$",
               "not derived by the toolkit: the third (drift) invariant",
               note="the third invariant is usually the magnetic flux through the drift "
                    "shell; the printed integral of v_d r dpsi has the units m^2/s, not "
                    "those of a flux"),

    # --- summaries (1), (2) ---------------------------------------------------------------
    _entry("$\\omega_c = qB/m$ (in unterschiedlichem Drehsinn)",
           claim=_eq(omega_c, q * B / m), against="gyrofrequency",
           note="the opposite senses are the entry 'Ionen und Elektronen gyrieren in "
                "unterschiedlicher Richtung'"),
    _entry("$r_L = v_\\perp/\\omega_c$", claim=_eq(S.r_L, v_perp / omega_c),
           against="gyroradius", note="omega_c = qB/m is signed (previous entry)"),
    _unchecked("tritt eine Drift der Gyrozentren senkrecht zu \\vec{B} und \\vec{F} auf.",
               "a statement of direction, not a formula; the drift F x B/(qB^2) is checked "
               "above"),
    _unchecked("führen zu einer Drift senkrecht zu \\vec{R}_c bzw. ∇B und \\vec{B} .",
               "a statement of direction, not a formula; the drifts are checked above"),
    _unchecked("Die Driften senkrecht *B* sind i.a. unterschiedlich gerichtet für Elektronen "
               "und Ionen, d.h. sie führen zu einem Driftstrom.",
               "qualitative; the drifts (1/q) and the current are checked above"),
    _entry("Ausnahme: $\\vec{E} \\times \\vec{B}$ -Drift.",
           claim=_eq(S.v_F, Cross(S.E_vec, S.B_vec) / B**2),
           against="force_drift", specialize={S.F_vec: q * S.E_vec},
           note="the E x B drift is the same for both charges"),
    _entry("$\\mu=W_\\perp/B$", claim=_eq(S.mu, S.W_perp / B), against="magnetic_moment",
           conditions="für kleine r_L/(B/grad B) und E = 0",
           note="the same sentence repeats the condition E = 0 (see 'nur bei E = 0')"),
    _unchecked("Im inhomogenen Magnetfeld (\"magnetischer Spiegel\") kehrt sich die "
               "Parallelbewegung um, falls ein Teilchen nicht über genügend Energie in der "
               "Parallelbewegung verfügt",
               "qualitative; its quantitative form is the critical ratio (next entry)"),
    _entry("$$|v||/v_{\\perp} = \\sqrt{(B_m - B_0)/B_0}$$",
           claim=_eq(sp.Abs(v_par) / v_perp, sp.sqrt((S.B_m - S.B_0) / S.B_0)),
           against="critical_speed_ratio", specialize={S.B_max: S.B_m},
           note="'|v||' read as |v_par|"),
    _entry("$\\alpha = \\tan^{-1}(v_{\\perp}/v_{\\parallel})$",
           claim=_eq(S.alpha, sp.atan(v_perp / v_par)), against="pitch_angle"),
    _entry("$\\sin^2 \\alpha_1 = B_1/B_m$",
           claim=_eq(sp.sin(S.alpha_1)**2, S.B_1 / S.B_m), against="mirror_ratio",
           specialize={S.alpha_2: sp.pi / 2, S.B_2: S.B_m},
           conditions="Start- (1) und Umkehrpunkt (m)"),

    # --- the Earth's dipole field ---------------------------------------------------------
    _unchecked("(bis ca. 6 Erdradii",
               "a range of validity of the dipole model: the toolkit does not model the "
               "real geomagnetic field"),
    _definition("$R_E = 6371$ km", "the note's Earth radius, used as input "
                                   "(guidingcenter.constants.R_E)"),
    _definition("$$M_e = 8.05 \\times 10^{22} \\text{ Am}^2$$",
                "the note's Earth dipole moment, used as input "
                "(guidingcenter.constants.M_E)"),
    _entry("$$\\vec{B} = \\frac{\\mu_0 M_e}{4\\pi r^3} \\left(-2\\sin\\lambda \\hat{\\vec{e}}_r "
           "+ \\cos\\lambda \\hat{\\vec{e}}_\\lambda \\right)$$",
           claim=_eq(sp.Matrix([S.B_r, S.B_lam]),
                       S.mu_0 * S.M_E / (4 * sp.pi * S.r**3)
                       * sp.Matrix([-2 * sp.sin(lam), sp.cos(lam)])),
           against="dipole_field_components", note="(B_r, B_lambda) components"),
    _entry("$$B = \\frac{\\mu_0 M_e}{4\\pi r^3} \\left(1 + 3\\sin^2\\lambda \\right)^{1/2}$$",
           claim=_eq(B, S.mu_0 * S.M_E / (4 * sp.pi * S.r**3)
                       * (1 + 3 * sp.sin(lam)**2)**half),
           against="dipole_field_strength",
           specialize={S.L: S.r / (S.R_E * sp.cos(lam)**2),
                       S.B_E: S.mu_0 * S.M_E / (4 * sp.pi * S.R_E**3)},
           note="the field strength at radius r, latitude lambda: the field line through "
                "that point has L = r/(R_E cos^2 lambda)"),
    _definition("$$\\frac{\\mathrm{d}r}{r\\mathrm{d}\\lambda} = \\frac{B_r}{B_\\lambda}$$",
                "definition of a field line (tangent to B)"),
    _entry("$$\\frac{\\mathrm{d}r}{r} = -\\frac{2\\sin\\lambda}{\\cos\\lambda}"
           "\\mathrm{d}\\lambda = \\frac{2\\mathrm{d}(\\cos\\lambda)}{\\cos\\lambda}$$",
           against="dipole_field_line_equation",
           claim=_eq(sp.Derivative(S.r_lam, lam) / S.r_lam, -2 * sp.sin(lam) / sp.cos(lam)),
           note="divided by d(lambda); the last form 2 d(cos lambda)/cos lambda is the "
                "same"),
    _entry("$$r = r_{\\rm eq} \\cos^2 \\lambda$$",
           claim=_eq(sp.Matrix([[S.r_lam]]), sp.Matrix([[S.r_eq * sp.cos(lam)**2]])),
           against="dipole_field_line",
           conditions="Anfangsbedingung r(lambda = 0) = r_eq",
           note="repeated in 'Benutze: ... $r = r_{eq} \\cos^2 \\lambda$ (s.o.)'"),
    _definition("$(ds)^2 = (dr)^2 + r^2(d\\lambda)^2$",
                "the line element in the meridian plane"),
    _entry("$$\\frac{\\mathrm{d}s}{\\mathrm{d}\\lambda} = r_{\\mathrm{eq}}\\cos\\lambda "
           "\\left(1 + 3\\sin^2\\lambda\\right)^{1/2}$$",
           claim=_eq(sp.Derivative(s_of(lam), lam),
                       S.r_eq * sp.cos(lam) * (1 + 3 * sp.sin(lam)**2)**half),
           against="dipole_line_element"),
    _definition("L-Wert (L shell): $L \\equiv r_{eq}/R_E$", "definition of the L value"),
    _definition("$B_E = \\mu_0 M_E / (4\\pi R_e^3)$ (Feld am Äquator bei $r = r_E$)",
                "definition of B_E, the field at the equator on the surface (the toolkit "
                "defines it the same way, derivation dipole_field)"),
    _entry("$$\\Rightarrow B(\\lambda, L) = \\frac{B_E}{L^3} \\frac{\\left(1 + 3\\sin^2\\lambda"
           "\\right)^{1/2}}{\\cos^6\\lambda}$$",
           claim=_eq(B, S.B_E / S.L**3 * (1 + 3 * sp.sin(lam)**2)**half / sp.cos(lam)**6),
           against="dipole_field_strength"),
    _entry("$$\\cos^2 \\lambda_E = \\frac{r_E}{r_{\\rm eq}}",
           claim=_eq(sp.cos(S.lam_E)**2, S.R_E / S.r_eq), against="dipole_surface_latitude",
           specialize={S.L: S.r_eq / S.R_E}, note="r_E is R_E; L = r_eq/R_E"),
    _entry("= \\frac{1}{L}$$", claim=_eq(sp.cos(S.lam_E)**2, 1 / S.L),
           against="dipole_surface_latitude"),
    _entry("$$\\sin^2 \\alpha_{\\rm eq} = \\frac{B_{\\rm eq}}{B_m}$$",
           claim=_eq(sp.sin(S.alpha_eq)**2, S.B_eq / S.B_m), against="mirror_ratio",
           specialize={S.alpha_1: S.alpha_eq, S.B_1: S.B_eq, S.alpha_2: sp.pi / 2,
                       S.B_2: S.B_m},
           note="the equatorial pitch angle of a particle that mirrors where B = B_m"),
    _entry("$$\\frac{\\cos^6 \\lambda_m}{\\left(1 + 3\\sin^2 \\lambda_m\\right)^{1/2}}$$",
           claim=_eq(sp.sin(S.alpha_eq)**2,
                       sp.cos(S.lam_m)**6 / (1 + 3 * sp.sin(S.lam_m)**2)**half),
           against="mirror_latitude_equation",
           note="the right side of sin^2 alpha_eq = B_eq/B_m on the next line; 'Unabhängig "
                "von L!' is the absence of L in it"),

    # --- bounce period ----------------------------------------------------------------------
    _unchecked("$$\\tau_b = 4 \\int_{eq}^{m} \\frac{\\mathrm{d}s}{v_{\\parallel}} = 4 "
               "\\int_{0}^{\\lambda_m} \\frac{\\mathrm{d}s}{\\mathrm{d}\\lambda} "
               "\\frac{\\mathrm{d}}{\\lambda v_{\\parallel}}$$",
               "garbled: the last factor is printed d/(lambda v_par) where d(lambda)/v_par "
               "is meant; the intended integral is the next formula but one",
               note="4 x equator to mirror point ('4x Äquatorialebene - Spiegelpunkt'); the "
                    "last factor is printed d/(lambda v_par) for d(lambda)/v_par; the same "
                    "integral is step 3 of derivation bounce_period"),
    _entry("$v_{\\parallel} = v \\left[1 - \\left(B/B_{eq} \\right) \\sin^2 \\alpha_{eq} "
           "\\right]^{1/2}$",
           claim=_eq(sp.Abs(v_par), S.v * (1 - B / S.B_eq * sp.sin(S.alpha_eq)**2)**half),
           against="parallel_speed_pitch_angle",
           specialize={S.B_0: S.B_eq, S.alpha_0: S.alpha_eq},
           note="'Wiederum': the parallel speed along the line (equator to mirror point)"),
    _entry("$$\\tau_b = 4 \\frac{r_{eq}}{v} \\int_0^{\\lambda_m} \\cos \\lambda \\left(1 + 3 "
           "\\sin^2 \\lambda \\right)^{1/2}",
           claim=_eq(S.tau_b, 4 * S.r_eq / S.v * sp.Integral(
               sp.cos(lam) * (1 + 3 * sp.sin(lam)**2)**half
               * (1 - y**2 * (1 + 3 * sp.sin(lam)**2)**half / sp.cos(lam)**6)**-half,
               (lam, 0, S.lam_m))),
           against="bounce_period", specialize={S.L: S.r_eq / S.R_E},
           note="the integral is T(y) (bounce_integral_T), y = sin alpha_eq; the "
                "printed integrand lacks d(lambda)"),
    _entry("\\tau_b \\approx 4 \\frac{r_{eq}}{v} \\left(1.30 - 0.56 \\sin \\alpha_{eq} \\right)",
           claim=_eq(S.tau_b, 4 * S.r_eq / S.v * (sp.Float("1.30") - sp.Float("0.56") * y)),
           against="bounce_period", specialize={S.L: S.r_eq / S.R_E}, approximate=True,
           conditions="Numerische Lösung des Integrals",
           note="sin alpha_eq is the toolkit's y"),
    _entry("\\approx L \\underbrace{\\frac{R_E}{(W/m)^{1/2}}}_{(1)} \\left(\\underbrace{3.7 - "
           "1.6 \\sin \\alpha_{eq}}_{(2)} \\right)",
           claim=_eq(S.tau_b, S.L * S.R_E / (S.W / m)**half
                       * (sp.Float("3.7") - sp.Float("1.6") * y)),
           against="bounce_period_newtonian", approximate=True,
           note="Newtonian by construction (v = (2W/m)^(1/2)); sin alpha_eq is y"),
    _entry("\\alpha_{eq} = 30^0 \\rightarrow (2) = 2.9$", kind="number", value=2.9,
           digits=2, compute=2 * sp.sqrt(2) * S.T_of(y), inputs={y: 0.5},
           note="(2) = tau_b (W/m)^(1/2)/(L R_E) = 2 sqrt(2) T(y) exactly "
                "(bounce_period_newtonian), at y = sin 30° = 1/2; the note's 2.9 is the "
                "arithmetic of its own fit, 3.7 - 1.6 x 0.5"),
    _entry("Elektronen (1) $\\approx 0.4 \\text{ s}$", kind="number", value=0.4, unit="s",
           digits=1, compute=S.R_E / sp.sqrt(S.W / m),
           inputs={S.R_E: constants.R_E, S.W: keV, m: constants.m_e},
           note="(1) = R_E/(W/m)^(1/2) at W = 1 keV, the note's R_E = 6371 km"),
    _entry("Protonen (1) $\\approx 20.5 \\text{ s}$", kind="number", value=20.5, unit="s",
           digits=3, compute=S.R_E / sp.sqrt(S.W / m),
           inputs={S.R_E: constants.R_E, S.W: keV, m: constants.m_p},
           note="(1) = R_E/(W/m)^(1/2) at W = 1 keV, the note's R_E = 6371 km"),

    # --- loss cone ---------------------------------------------------------------------
    _unchecked("rekombinieren sie schon durch Stöße in ≈ 100 km Höhe",
               "not modelled by the toolkit: collisions in the upper atmosphere"),
    _entry("$$\\sin^2 \\alpha_{\nm l} = rac{B_{\nm eq}}{B_m}$$",
           claim=_eq(sp.sin(S.alpha_lc)**2, S.B_eq / S.B_m), against="mirror_ratio",
           specialize={S.alpha_1: S.alpha_lc, S.B_1: S.B_eq, S.alpha_2: sp.pi / 2,
                       S.B_2: S.B_m},
           note="alpha_l is the loss-cone angle (\\rm l mangled); B_m the field where the "
                "particle would mirror"),
    _entry("$$= rac{\\cos^6 \\lambda_m}{\\left(1 + 3\\sin^2 \\lambda_m\\right)^{1/2}}",
           claim=_eq(sp.sin(S.alpha_lc)**2,
                       sp.cos(S.lam_m)**6 / (1 + 3 * sp.sin(S.lam_m)**2)**half),
           against="mirror_latitude_equation", specialize={S.alpha_eq: S.alpha_lc},
           note="the loss cone is this relation with lambda_m at the surface, "
                "cos^2 lambda_m = 1/L (result dipole_loss_cone)"),
    _unchecked("\\begin{array}{c} \\frac{1}{16} & \\frac$$",
               "garbled table (the conversion lost it); no number recoverable"),

    # --- drift ---------------------------------------------------------------------------
    _unchecked("$$\\Delta \\Psi = 4 \\int_0^{\\lambda_m} \\frac{v_d}{r \\cos \\lambda} "
               "\\frac{\\mathrm{d}s}{v_{||}}$$",
               "not derived by the toolkit: the drift angle per bounce; the toolkit publishes the "
               "bounce-averaged drift frequency (drift_frequency), not the angle per bounce"),
    _unchecked("$$2\\pi \\langle \\Omega_d \\rangle = \\Delta \\Psi / \\tau_b$$",
               "needs the drift angle per bounce, Delta Psi, which the toolkit does not "
               "publish",
               note="with this definition the note's <Omega_d> is a cyclic frequency "
                    "(revolutions per second); the toolkit's Omega_d is angular"),
    _unchecked("$W = 1 \\text{ keV}, < \\tau_d > \\approx \\text{Tage}$",
               "an order of magnitude ('days') at an energy but no L or pitch angle: no "
               "number to recompute"),
    _unchecked("$$\\langle \\tau_d \\rangle = \\langle \\Omega_d \\rangle^{-1}",
               "relates two quantities of the note: with its definition 2 pi <Omega_d> = "
               "Delta Psi/tau_b, <Omega_d> is a frequency in revolutions per second; the "
               "toolkit publishes the period and the angular frequency, not this relation"),
    _entry("= \\frac{\\pi q B_E R_E^2}{2IW} \\left(0.35 + 0.15 \\sin \\alpha_{\\text{eq}} "
           "\\right)^{-1}$$",
           claim=_eq(S.tau_d, sp.pi * q * S.B_E * S.R_E**2 / (2 * S.I * S.W)
                       / (sp.Float("0.35") + sp.Float("0.15") * y)),
           against="drift_period_newtonian", approximate=True,
           conditions="Driftperiode (Näherungslösung)",
           note="I as printed (the note's I elsewhere is a current); sin alpha_eq is y. "
                "The Hebrew notes (003) print pi q B_E R_E^2/(3 L W)"),

    # --- summary (3) ------------------------------------------------------------------------
    _unchecked("(für kleine Radien $< 6R_E$)",
               "a range of validity of the dipole model: the toolkit does not model the "
               "real geomagnetic field"),
    _definition("$L = R_{eq}/R_E$", "definition of the L value (repeated)"),
    _unchecked("(Sekunden für Elektronen, Sekunden bis Minuten für Ionen) ist proportional zu "
               "L und hängt schwach von α ab",
               "orders of magnitude without L (and a qualitative dependence): no number to "
               "recompute; the proportionality to L and the weak dependence on alpha are "
               "those of the bounce-period formulas checked above"),
    _entry("Die geographische Breite des Umkehrpunkts hängt nur von α und nicht von L ab.",
           claim=_eq(sp.sin(S.alpha_eq)**2,
                       sp.cos(S.lam_m)**6 / (1 + 3 * sp.sin(S.lam_m)**2)**half),
           against="mirror_latitude_equation",
           note="read as the mirror-latitude relation, which contains alpha_eq and "
                "lambda_m but no L; the latitude is the magnetic (dipole) latitude, not "
                "the geographic one"),
    _unchecked("Der kritische Wert α für Teilchenverlust nahe der Erdoberfläche sinkt mit "
               "steigendem L.",
               "a monotonicity statement without a formula; the toolkit's loss cone is "
               "dipole_loss_cone, sin^2 alpha_lc = (4 L^6 - 3 L^5)^(-1/2)"),
    _entry("Westwärts für Ionen",
           claim=_eq(S.Omega_d, -drift_rate),
           against="drift_frequency", specialize={q: S.e},
           note="east is positive Omega_d: westward is Omega_d < 0 for q = e; the magnitude "
                "is the toolkit's, the note gives only the direction"),
    _entry("ostwärts für Elektronen",
           claim=_eq(S.Omega_d, drift_rate),
           against="drift_frequency", specialize={q: -S.e},
           note="eastward is Omega_d > 0 for q = -e; the magnitude is the toolkit's"),
    _unchecked("mit Periodendauern von Tagen",
               "an order of magnitude without energy, L or pitch angle: no number to "
               "recompute"),
]
