"""Catalogue entries of note 003 (see guidingcenter.catalog.model.Entry).

Hebrew lecture notes: gyration, the drifts (E x B, general force, polarization,
grad-B, curvature) with a summary table, the magnetic moment and mirror, and
the quantitative part on the Earth (dipole field, gyrofrequencies and radii,
bounce and drift periods with their engineering forms).

Notation: the note's kinetic energy \\mathcal{E} is ``S.W``; its latitude
\\vartheta is ``S.lam``; sin(alpha_eq) is written ``S.y`` (the toolkit's
y = sin alpha_eq), so the approximate forms are judged on the y grid. The
note's own Earth constants are used: R_E = 6.37e6 m, B_E = 3.11e-5 T,
M_E = 8.05e22 A m^2.
"""

import sympy as sp

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.catalog.model import Entry
from guidingcenter.catalog.notation import (GYRATION_POSITION, GYRATION_VELOCITY, X_HAT,
                                            gyration_average)
from guidingcenter.engine import equation
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

SOURCE = "003_f67432745c87b10e.txt"

# The note's Earth constants (it quotes R_E without a unit; metres by context).
R_E_NOTE = 6.37e6                  # m
B_E_NOTE = 3.11e-5                 # T
M_E_NOTE = 8.05e22                 # A m^2
MeV = sp.Float(1e6 * constants.e, 30)   # J
HOUR = 3600                        # s

t, lam = S.t, S.lam
y = S.y                            # sin(alpha_eq)
phase = S.omega_c * t + S.phi      # the note's omega_g t + phi, omega_g = qB/m
v_phi = sp.Symbol("v_phi", real=True)      # eastward drift speed (as in drift_period)
beta = sp.Symbol("beta", positive=True)    # B/B_m along the line (as in drift_period)
v_d = sp.Symbol("v_d", positive=True)      # the note's bounce-averaged drift speed <v_d>
v_perp_vec = S.v_vec - Dot(S.v_vec, S.b_hat) * S.b_hat   # the part of v across B

# the gyration of the grad-B section, in axes with z along B_0 at the guiding centre: the
# motion dv/dt = (qB/m) v x e_z of the note's first equations (its printed v_y and
# y - y_0 have the opposite sense: errata of its first section); phi drops out of averages
r_of_t, v_g_of_t = GYRATION_POSITION, GYRATION_VELOCITY
_IN_AXES = "axes with z along B at the guiding centre"
_GYRATION = ("The average over one gyration is done exactly (catalog.notation) with "
             "r = (v_perp/omega_g)(sin, cos, 0) and v_g = dr/dt = v_perp(cos, -sin, 0), the "
             "solution of dv/dt = (qB/m) v x e_z, in axes with z along B_0.")


def _entry(quote, **fields):
    return Entry(source=SOURCE, quote=quote, **fields)


def _f(text):
    """A decimal as the note prints it (exact digits, no binary rounding)."""
    return sp.Float(text, 30)


ENTRIES = [
    # --- equations of motion, gyration ----------------------------------------------------
    _entry(r"F = qE + q(\mathbf{v} \times \mathbf{B})",
           kind="definition", reason="the Lorentz force (a law)"),
    _entry(r"\frac{d\mathbf{v}}{dt} = \frac{q}{m}(\mathbf{E} + \mathbf{v} \times \mathbf{B})",
           kind="definition", reason="Newton's law with the Lorentz force (a law)"),
    _entry(r"\frac{dv_z}{dt} &= 0 \\ \frac{d\mathbf{v}_\perp}{dt} &= \frac{qB}{m} "
           r"\mathbf{v}_\perp \times \mathbf{e}_z",
           claim=sp.Eq(S.dv_dt, S.q * S.B / S.m * Cross(v_perp_vec, S.b_hat)),
           against="lorentz_force_magnetic",
           conditions="E = 0, B = B e_z (e_z is the unit vector of B)",
           note="the two lines together: dv/dt = (qB/m) v_perp x e_z, with no parallel "
                "acceleration; v_perp is written v - (v.b)b and e_z is b."),
    _entry("$$v_x = v_\\perp \\cos(\\omega_g t + \\phi)$$\n\n"
           "$$v_y = v_\\perp \\sin(\\omega_g t + \\phi)$$\n\n$$v_z = v_\\parallel$$",
           claim=equation(sp.Matrix([S.v_x_t, S.v_y_t, S.v_z_t]),
                          sp.Matrix([S.v_perp * sp.cos(phase), S.v_perp * sp.sin(phase),
                                     S.v_par])),
           against="larmor_velocity",
           note="the three velocity components as one vector; omega_g = qB/m, as the note "
                "defines it below (signed)."),
    _entry("$$x - x_0 = \\frac{v_\\perp}{\\omega_g} \\sin(\\omega_g t + \\phi)$$\n\n"
           "$$y - y_0 = -\\frac{v_\\perp}{\\omega_g} \\cos(\\omega_g t + \\phi)$$",
           claim=equation(sp.Matrix([S.x_t, S.y_t]),
                          sp.Matrix([S.X_gc + S.v_perp / S.omega_c * sp.sin(phase),
                                     S.Y_gc - S.v_perp / S.omega_c * sp.cos(phase)])),
           against="larmor_orbit",
           note="(x_0, y_0) is the centre of the circle (the note's heading), the guiding "
                "centre (X_gc, Y_gc); omega_g = qB/m."),
    _entry(r"$$z - z_0 = v_\parallel t$$",
           kind="not-checkable",
           claim=sp.Eq(S.Z, S.v_par * t),
           reason="not derived by the toolkit: the position along B (derivation gyration "
                  "integrates the perpendicular velocity only; v_z = v_par is checked in the "
                  "velocity entry)"),
    _entry(r"\omega_g = qB/m.",
           claim=sp.Eq(S.omega_c, S.q * S.B / S.m),
           against="gyrofrequency"),
    _entry(r"r_g = \frac{v_\perp}{\omega_g}",
           claim=sp.Eq(S.r_L, S.v_perp / S.omega_c),
           against="gyroradius",
           note="the first equality of the line, with the signed omega_g = qB/m the note "
                "defines."),
    _entry(r"r_g = \frac{v_\perp}{\omega_g} = \frac{mv_\perp}{|q|B}.",
           claim=sp.Eq(S.r_L, S.m * S.v_perp / (sp.Abs(S.q) * S.B)),
           against="gyroradius",
           note="the final form m v_perp/(|q| B)."),
    _entry(r"\alpha = \tanh^{-1} \frac{v_\perp}{v_\parallel}",
           claim=sp.Eq(S.alpha, sp.atanh(S.v_perp / S.v_par)),
           against="pitch_angle",
           note="the note's heading: 'the ratio between the speed along the field and the "
                "speed across it'."),

    # --- E x B and general force drift ----------------------------------------------------
    _entry(r"\frac{d\mathbf{v}_{\perp}}{dt} = \frac{q\mathbf{E}_{\perp}}{m} + \frac{q}{m}"
           r"\mathbf{v} \times \mathbf{B}",
           kind="definition",
           reason="the Lorentz law across B (a law)"),
    _entry(r"\mathbf{v}_{\perp} = \mathbf{u} + \mathbf{w}",
           kind="definition",
           reason="splits the perpendicular velocity into a gyration u and a constant drift "
                  "w (a definition)"),
    _entry(r"\frac{d\mathbf{u}}{dt} = \frac{q\mathbf{E}_{\perp}}{m} + \frac{q}{m}\mathbf{v}_E "
           r"\times \mathbf{B} + \frac{q}{m}\mathbf{u} \times \mathbf{B}",
           kind="definition",
           reason="the Lorentz law across B with v_perp = u + v_E inserted (v_E constant): "
                  "a substitution into the law"),
    _entry(r"\frac{q\mathbf{E}_{\perp}}{m} + \frac{q}{m}\mathbf{v}_E \times \mathbf{B} = 0",
           kind="definition",
           reason="the condition that defines the drift v_E: it cancels the perpendicular "
                  "electric force (the note: 'the motion cancels the electric field "
                  "completely'); its solution is the next entry"),
    _entry(r"\mathbf{v}_E = \frac{\mathbf{E} \times \mathbf{B}}{B^2}",
           claim=sp.Eq(S.v_E, Cross(S.E_vec, S.B_vec) / S.B**2),
           against="ExB_drift"),
    _entry(r"\mathbf{v}_F = \frac{\mathbf{F} \times \mathbf{B}}{qB^2}",
           claim=sp.Eq(S.v_F, Cross(S.F_vec, S.B_vec) / (S.q * S.B**2)),
           against="force_drift"),

    # --- polarization drift -----------------------------------------------------------------
    _entry(r"\frac{m}{qB^2} \frac{dV}{dt} \times B = \frac{q}{qB^2} (E \times B) + "
           r"\frac{q}{qB^2} (V \times B) \times B",
           kind="definition",
           claim=sp.Eq(S.m / (S.q * S.B**2) * Cross(S.dv_dt, S.B_vec),
                       Cross(S.E_vec, S.B_vec) / S.B**2
                       + Cross(Cross(S.v_vec, S.B_vec), S.B_vec) / S.B**2),
           reason="the Lorentz law m dv/dt = q(E + v x B), crossed with B and divided by "
                  "qB^2: an algebraic restatement of the law"),
    _entry(r"\frac{m}{qB^2} \frac{d\mathbf{v}}{dt} \times \mathbf{B} = \mathbf{E} \times "
           r"\frac{\mathbf{B}}{B^2} + \mathbf{v}_\perp",
           kind="not-checkable",
           claim=sp.Eq(S.m / (S.q * S.B**2) * Cross(S.dv_dt, S.B_vec),
                       Cross(S.E_vec, S.B_vec) / S.B**2 + v_perp_vec),
           against="lorentz_force_magnetic",
           reason="the checker cannot compare it: no derived result has the left side "
                  "(m/(qB^2)) dv/dt x B, and an equation is only aligned with a result by "
                  "solving for the result's left side (m dv/dt cannot be isolated from a "
                  "cross product); it is the previous line with (v x B) x B/B^2 evaluated"),
    _entry(r"E = -v \times B",
           kind="definition",
           reason="'for uniform fields': the drift condition E_perp + v_E x B = 0 again "
                  "(the condition that defines the drift; see the E x B entries)"),
    _entry(r"\mathbf{v}_D = \mathbf{w}_E + \frac{1}{\omega_g B} \frac{d\mathbf{E}_\perp}{dt}",
           claim=sp.Eq(S.v_D, Cross(S.E_vec, S.B_vec) / S.B**2
                       + S.dEperp_dt / (S.omega_c * S.B)),
           against="polarization_drift_omega",
           specialize={S.v_P: S.v_D - Cross(S.E_vec, S.B_vec) / S.B**2},
           conditions="the total drift v_D = v_E + v_P",
           note="w_E is 'the drift of the uniform perpendicular field from before', "
                "E x B/B^2; the result is specialized to v_P = v_D - v_E."),
    _entry(r"$$\mathbf{v}_P = \frac{1}{\omega_g B} \frac{d\mathbf{E}_\perp}{dt}$$",
           claim=sp.Eq(S.v_P, S.dEperp_dt / (S.omega_c * S.B)),
           against="polarization_drift_omega"),

    # --- grad-B drift ---------------------------------------------------------------------
    _entry(r"\mathbf{B} = \mathbf{B}_0 + \mathbf{r} \cdot \nabla \mathbf{B}_0",
           kind="definition",
           reason="first-order Taylor expansion of the field about the guiding centre (the "
                  "model, as in derivation gradb_drift)"),
    _entry(r"\frac{d\mathbf{v}}{dt} = \frac{q}{m}(\mathbf{v} \times \mathbf{B}_0) + "
           r"\frac{q}{m}(\mathbf{v} \times (\mathbf{r} \cdot \nabla) \mathbf{B}_0)",
           kind="definition",
           reason="the Lorentz law with the expanded field inserted (a substitution into "
                  "the law)"),
    _entry(r"\mathbf{v} = \mathbf{v}_g + \mathbf{v}_\nabla",
           kind="definition",
           reason="splits the velocity into gyration and grad-B drift (a definition)"),
    _entry(r"m \frac{d\mathbf{v}_g}{dt} = \frac{\mathbf{v}_g}{c} \times \mathbf{B}_0",
           claim=sp.Eq(S.m * S.dv_dt, Cross(S.v_vec, S.B_vec) / S.c),
           against="lorentz_force_magnetic",
           note="the gyration v_g in the uniform field B_0 (v_g written v, B_0 written B); "
                "the rest of the note is in SI units (omega_g = qB/m)."),
    _entry(r"\frac{d\mathbf{v}_\nabla}{dt} = \frac{q}{m}(\mathbf{v}_\nabla \times "
           r"\mathbf{B}_0) + \frac{q}{m}(\mathbf{v}_g \times (\mathbf{r} \cdot \nabla) "
           r"\mathbf{B}_0)",
           kind="definition",
           reason="the expanded Lorentz law minus the gyration in B_0 (a rearrangement of "
                  "the law)"),
    _entry(r"$(d\mathbf{v}/dt=0)$  ובכן  $\frac{d\mathbf{v}_\nabla}{dt} \times "
           r"\mathbf{B}_0 = 0$",
           kind="definition",
           reason="the assumption of a steady drift (nothing to derive)"),
    _entry(r"\mathbf{v}_\nabla = \frac{1}{B^2} \langle (\mathbf{v}_g \times (\mathbf{r} "
           r"\cdot \nabla) \mathbf{B}_0) \times \mathbf{B}_0 \rangle",
           claim=equation(S.v_gradB, gyration_average(
               Cross(Cross(v_g_of_t, DirectionalDerivative(r_of_t, S.B_vec)), S.B_vec))
               / S.B**2),
           against="gradB_drift", stated=("aligned",), conditions=_IN_AXES,
           note=_GYRATION + " B_0 and B are the field at the guiding centre."),
    _entry(r"\mathbf{v}_{\nabla} = \frac{1}{B_0} \left\langle \mathbf{v}_g x \frac{dB_0}{dx} "
           r"\right\rangle",
           claim=equation(S.v_gradB, gyration_average(v_g_of_t * Dot(X_HAT, r_of_t))
                          * Dot(X_HAT, Grad(S.B)) / S.B),
           against="gradB_drift", stated=("along-x",),
           conditions="B_0 = B_0(x) z-hat (the one-dimensional case)",
           note=_GYRATION + " x is the x of r. The entry before gives -(1/B_0)<v_g x> "
                "dB_0/dx in this field: the sign is lost between the two. (With the orbit "
                "the note prints in its first section, which turns the wrong way, this "
                "sign would come out right: two errors cancel.)"),
    _entry(r"$$\mathbf{v}_{\nabla} = \frac{mv_{\perp}^2}{2qB^3} (\mathbf{B} \times \nabla B)$$",
           claim=sp.Eq(S.v_gradB, S.m * S.v_perp**2 / (2 * S.q * S.B**3)
                       * Cross(S.B_vec, Grad(S.B))),
           against="gradB_drift",
           note="'in the general case'; the summary table repeats it verbatim (own entry)."),

    # --- the summary table --------------------------------------------------------------
    _entry(r"Electric Field :  $\mathbf{v}_E = \frac{1}{B^2} \mathbf{E} \times \mathbf{B}$",
           claim=sp.Eq(S.v_E, Cross(S.E_vec, S.B_vec) / S.B**2),
           against="ExB_drift"),
    _entry(r"General Force :  $\mathbf{v}_F = \frac{1}{qB^2} \mathbf{F} \times \mathbf{B}$",
           claim=sp.Eq(S.v_F, Cross(S.F_vec, S.B_vec) / (S.q * S.B**2)),
           against="force_drift"),
    _entry(r"Polarisation :  $\mathbf{v}_P = \frac{m}{qB^2} \frac{d\mathbf{E}_{\perp}}{dt}$",
           claim=sp.Eq(S.v_P, S.m / (S.q * S.B**2) * S.dEperp_dt),
           against="polarization_drift"),
    _entry(r"Curvature :  $\mathbf{v}_C = \frac{mv_{\parallel}^2}{qB^4} \mathbf{B} \times "
           r"[(\mathbf{B} \cdot \nabla) \mathbf{B}]$",
           claim=sp.Eq(S.v_R, S.m * S.v_par**2 / (S.q * S.B**4)
                       * Cross(S.B_vec, DirectionalDerivative(S.B_vec, S.B_vec))),
           against="curvature_drift",
           note="the note's v_C is the curvature drift v_R."),
    _entry(r"Gradient :  $\mathbf{v}_{\nabla} = \frac{mv_{\perp}^2}{2qB^3} (\mathbf{B} "
           r"\times \nabla B)$",
           claim=sp.Eq(S.v_gradB, S.m * S.v_perp**2 / (2 * S.q * S.B**3)
                       * Cross(S.B_vec, Grad(S.B))),
           against="gradB_drift"),

    # --- magnetic moment and mirror ----------------------------------------------------
    _entry(r"$$\mu = \frac{mv_{\perp}^2}{2B}$$",
           claim=sp.Eq(S.mu, S.m * S.v_perp**2 / (2 * S.B)),
           against="magnetic_moment",
           note="the note's words call it the ratio of the kinetic energy to the field: "
                "the perpendicular kinetic energy, as the formula says."),
    _entry(r"\mu = \frac{mv^2 \sin^2 \alpha}{2B}",
           claim=sp.Eq(S.mu, S.m * S.v**2 * sp.sin(S.alpha)**2 / (2 * S.B)),
           against="magnetic_moment",
           specialize={S.v_perp: S.v * sp.sin(S.alpha)},
           conditions="v_perp = v sin(alpha) (the speed is conserved, the note says)"),
    _entry(r"\frac{\sin^2 \alpha_2}{\sin^2 \alpha_1} = \frac{B_2}{B_1}",
           claim=sp.Eq(sp.sin(S.alpha)**2 / sp.sin(S.alpha_0)**2, S.B / S.B_0),
           against="mirror_ratio",
           specialize={S.alpha_1: S.alpha, S.B_1: S.B, S.alpha_2: S.alpha_0, S.B_2: S.B_0},
           note="the note's point 1 is written as the reference point (alpha_0, B_0), its "
                "point 2 as a general point (alpha, B); the result is specialized the same "
                "way. The note adds: at 90 degrees the direction of motion reverses (entry "
                "'\\alpha = 90^\\circ')."),

    # --- the Earth's dipole -------------------------------------------------------------
    _entry(r"\mathbf{B} = \frac{\mu_0}{4\pi} \frac{M_E}{r^3} (-2 \cos \theta, \sin \theta, 0)",
           claim=equation(sp.Matrix([S.B_r, S.B_lam]),
                          S.mu_0 * S.M_E / (4 * sp.pi * S.r**3)
                          * sp.Matrix([-2 * sp.cos(sp.pi / 2 - lam),
                                       -sp.sin(sp.pi / 2 - lam)])),
           against="dipole_field_components",
           note="components (B_r, B_theta, B_phi) in the colatitude theta = pi/2 - "
                "vartheta (the note's next line); the result has (B_r, B_lambda) with "
                "B_lambda = -B_theta (lambda-hat points north, theta-hat south), so the "
                "note's second component enters with a minus sign."),
    _entry(r"M_E = 8.05 \times 10^{22} \text{ A m}^2",
           kind="definition",
           reason="the Earth's dipole moment: a datum (constants.M_E takes it from the "
                  "notes); nothing to derive"),
    _entry(r"\vartheta = \pi/2 - \theta",
           kind="definition", reason="the magnetic latitude (a definition)"),
    _entry(r"r = r_{\text{eq}} \cos^2 \vartheta",
           claim=equation(sp.Matrix([S.r_lam]), sp.Matrix([S.r_eq * sp.cos(lam)**2])),
           against="dipole_field_line"),
    _entry(r"L = r_{\text{eq}}/R_E",
           kind="definition", reason="the L-shell (a definition)"),
    _entry(r"R_E = 6.37 \times 10^6",
           kind="definition",
           reason="the Earth's radius: a datum (the note gives no unit; metres)"),
    _entry(r"B = \frac{B_E}{L^3} \frac{(1 + 3 \sin^2 \vartheta)^{1/2}}{\cos^6 \vartheta}",
           claim=sp.Eq(S.B, S.B_E / S.L**3 * sp.sqrt(1 + 3 * sp.sin(lam)**2) / sp.cos(lam)**6),
           against="dipole_field_strength"),
    _entry(r"B_E = \mu_0 M_E / (4\pi R_E^3)",
           kind="definition",
           reason="the equatorial surface field of the dipole (a definition, as in "
                  "derivation dipole_field); its value is the next entry"),
    _entry(r"B_E = \mu_0 M_E / (4\pi R_E^3) = 3.11 \times 10^{-5} \text{ T}",
           kind="number", value=3.11e-5, unit="T", scale=1.0, digits=3,
           compute=S.mu_0 * S.M_E / (4 * sp.pi * S.R_E**3),
           inputs={S.mu_0: constants.mu_0, S.M_E: M_E_NOTE, S.R_E: R_E_NOTE},
           note="from the note's M_E = 8.05e22 A m^2 and R_E = 6.37e6 m."),

    # --- gyration on the Earth's field lines ------------------------------------------
    _entry(r"B_{eq} = \frac{B_E}{L^3}",
           claim=sp.Eq(S.B_eq, S.B_E / S.L**3),
           against="dipole_equatorial_field",
           note="at the equator, the note's '(\\vartheta = 0^\\circ)'."),
    _entry(r"\Omega_p = \frac{e B}{m_p}",
           claim=sp.Eq(S.omega_c, S.e * S.B / S.m_i),
           against="gyrofrequency", specialize={S.q: S.e, S.m: S.m_i},
           note="the proton (q = e, mass m_p written m_i)."),
    _entry(r"\Omega_p = \frac{e B}{m_p} = 2.98 L^{-3} \text{ kHz},",
           kind="number", value=2.98, unit="kHz", scale=1e3, digits=3,
           against="dipole_gyrofrequency",
           inputs={S.q: constants.e, S.m: constants.m_p, S.B_E: B_E_NOTE, S.L: 1},
           note="the coefficient at L = 1, B = B_E/L^3 with the note's B_E; 'kHz' is "
                "10^3 s^-1 of the angular frequency eB/m_p (as a cyclic frequency the "
                "value would be 2 pi smaller)."),
    _entry(r"|\Omega_e| = \frac{e B}{m_e}",
           claim=sp.Eq(S.omega_c, S.e * S.B / S.m_e),
           against="gyrofrequency", specialize={S.q: S.e, S.m: S.m_e},
           note="the magnitude for the electron (|q| = e)."),
    _entry(r"|\Omega_e| = \frac{e B}{m_e} = 5.46 L^{-3} \text{ MHz},",
           kind="number", value=5.46, unit="MHz", scale=1e6, digits=3,
           against="dipole_gyrofrequency",
           inputs={S.q: -constants.e, S.m: constants.m_e, S.B_E: B_E_NOTE, S.L: 1},
           note="the coefficient at L = 1 with the note's B_E; 10^6 s^-1 of the angular "
                "frequency."),
    _entry(r"\frac{\rho_p}{R_E} = \frac{\sqrt{2 \mathcal{E} m_p}}{e B R_E}",
           claim=sp.Eq(S.r_L / S.R_E, sp.sqrt(2 * S.W * S.m_i) / (S.e * S.B * S.R_E)),
           against="dipole_gyroradius_newtonian",
           specialize={S.q: S.e, S.m: S.m_i, S.B_E: S.B * S.L**3},
           note="the equatorial gyroradius of a proton of kinetic energy E (all of it "
                "across B); B = B_E/L^3, so the result is written with B."),
    _entry(r"= \sqrt{\mathcal{E}(\text{MeV})} \left( \frac{L}{11.1} \right)^3",
           kind="number", value=11.1, digits=3,
           compute=(S.e * S.B_E * S.R_E / sp.sqrt(2 * S.W * S.m))**sp.Rational(1, 3),
           inputs={S.e: constants.e, S.m: constants.m_p, S.W: float(MeV),
                   S.B_E: B_E_NOTE, S.R_E: R_E_NOTE},
           note="the proton line: 11.1 = (e B_E R_E/(2 m_p * 1 MeV)^(1/2))^(1/3), the L at "
                "which rho_p = R_E for 1 MeV; computed from the note's own formula (the "
                "previous entry, which holds) with the note's B_E and R_E."),
    _entry(r"\frac{\rho_e}{R_E} = \frac{\sqrt{2 \mathcal{E} m_e}}{e B R_E}",
           claim=sp.Eq(S.r_L / S.R_E, sp.sqrt(2 * S.W * S.m_e) / (S.e * S.B * S.R_E)),
           against="dipole_gyroradius_newtonian",
           specialize={S.q: -S.e, S.m: S.m_e, S.B_E: S.B * S.L**3},
           note="the electron (|q| = e), Newtonian as the note writes it."),
    _entry(r"= \sqrt{\mathcal{E}(\text{MeV})} \left( \frac{L}{38.9} \right)^3",
           kind="number", value=38.9, digits=3,
           compute=(S.e * S.B_E * S.R_E / sp.sqrt(2 * S.W * S.m))**sp.Rational(1, 3),
           relativistic=(S.e * S.B_E * S.R_E * S.c
                         / sp.sqrt(S.W**2 + 2 * S.W * S.m * S.c**2))**sp.Rational(1, 3),
           inputs={S.e: constants.e, S.m: constants.m_e, S.W: float(MeV),
                   S.B_E: B_E_NOTE, S.R_E: R_E_NOTE, S.c: constants.c},
           note="the electron line, computed like the proton's from the note's own "
                "Newtonian formula; for 1 MeV electrons the relativistic momentum is 1.4 "
                "times sqrt(2 m_e E) (result dipole_gyroradius), and so is the radius."),

    # --- mirror point and bounce period -------------------------------------------------
    _entry(r"\alpha = \tan^{-1}(v_{\perp}/v_{\parallel})",
           claim=sp.Eq(S.alpha, sp.atan(S.v_perp / S.v_par)),
           against="pitch_angle"),
    _entry(r"\frac{\sin^2 \alpha}{\sin^2 \alpha_{\text{eq}}} = \frac{B}{B_{\text{eq}}}",
           claim=sp.Eq(sp.sin(S.alpha)**2 / sp.sin(S.alpha_eq)**2, S.B / S.B_eq),
           against="mirror_ratio",
           specialize={S.alpha_1: S.alpha, S.B_1: S.B, S.alpha_2: S.alpha_eq, S.B_2: S.B_eq}),
    _entry(r"B_{\text{eq}} = B_E/L^3",
           claim=sp.Eq(S.B_eq, S.B_E / S.L**3),
           against="dipole_equatorial_field",
           note="'we computed before': the same formula as the entry 'B_{eq} = "
                "\\frac{B_E}{L^3}', written differently."),
    _entry(r"\alpha = 90^\circ \text{ (i.e., } v_{\parallel} = 0\text{)}",
           claim=sp.Eq(S.alpha, sp.pi / 2),
           against="pitch_angle", specialize={S.v_par: 0},
           note="the mirror point; the note says there the direction of motion reverses."),
    _entry(r"\sin^2 \alpha_{\text{eq}} = \frac{B_{\text{eq}}}{B_m}",
           claim=sp.Eq(sp.sin(S.alpha_eq)**2, S.B_eq / S.B_m),
           against="mirror_ratio",
           specialize={S.alpha_1: S.alpha_eq, S.B_1: S.B_eq, S.alpha_2: sp.pi / 2,
                       S.B_2: S.B_m},
           note="from the equator to the mirror point (alpha = 90 degrees)."),
    _entry(r"\sin^2 \alpha_{\text{eq}} = \frac{B_{\text{eq}}}{B_m} = \frac{\cos^6 "
           r"\vartheta_m}{(1 + 3 \sin^2 \vartheta_m)^{1/2}}",
           claim=sp.Eq(sp.sin(S.alpha_eq)**2,
                       sp.cos(S.lam_m)**6 / sp.sqrt(1 + 3 * sp.sin(S.lam_m)**2)),
           against="mirror_latitude_equation"),
    _entry(r"\tau_b = 4 \int_0^{\vartheta_m} \frac{d\vartheta}{v_{\parallel}} "
           r"\frac{ds}{d\vartheta}",
           claim=sp.Eq(S.tau_b, 4 * sp.Integral(
               S.r_eq * sp.cos(lam) * sp.sqrt(1 + 3 * sp.sin(lam)**2)
               / (S.v * sp.sqrt(1 - S.y**2 * sp.sqrt(1 + 3 * sp.sin(lam)**2) / sp.cos(lam)**6)),
               (lam, 0, S.lam_m))),
           against="bounce_period", specialize={S.L: S.r_eq / S.R_E},
           note="derivation bounce_period starts from this integral and reduces it to "
                "4 L R_E T(y)/v; transcribed with ds/dvartheta and v_par along the line inserted "
                "(dipole_line_element, parallel_speed_pitch_angle)."),
    _entry(r"\tau_b \simeq \frac{L R_E}{(\mathcal{E}/m)^{1/2}} (3.7 - 1.6 \sin \alpha_{eq})",
           claim=sp.Eq(S.tau_b, S.L * S.R_E / sp.sqrt(S.W / S.m) * (_f("3.7") - _f("1.6") * y)),
           against="bounce_period_newtonian", approximate=True,
           note="'an approximate result'; 2 sqrt(2) T(y) ~ 3.7 - 1.6 y."),
    _entry(r"(\tau_b)_p \simeq 2.41 \frac{L}{\sqrt{\mathcal{E}(\text{MeV})}} (1 - 0.43 \sin "
           r"\alpha_{eq}) \text{ secs}",
           claim=sp.Eq(S.tau_b, _f("2.41") * S.L / sp.sqrt(S.W / MeV) * (1 - _f("0.43") * y)),
           against="bounce_period_newtonian", approximate=True,
           specialize={S.m: constants.m_p, S.R_E: R_E_NOTE},
           note="the proton form of the previous formula (3.7 R_E (m_p/MeV)^(1/2) = 2.41 "
                "s, 1.6/3.7 = 0.43); energies in joules, MeV = 1.602e-13 J."),
    _entry(r"(\tau_b)_e \simeq 5.62 \times 10^{-2} \frac{L}{\sqrt{\mathcal{E}(\text{MeV})}} "
           r"(1 - 0.43 \sin \alpha_{eq}) \text{ secs.}",
           claim=sp.Eq(S.tau_b, _f("5.62e-2") * S.L / sp.sqrt(S.W / MeV)
                       * (1 - _f("0.43") * y)),
           against="bounce_period_newtonian", approximate=True,
           specialize={S.m: constants.m_e, S.R_E: R_E_NOTE},
           note="Newtonian, as the note's formula; for electrons of MeV energies (the "
                "note's next sentence) the relativistic period (result "
                "bounce_period_energy) is longer: 2.1 times at 1 MeV."),
    _entry("מן המשוואות ניתן לראות שעבור לאלקטרונים עם אנרגיה קינטית "
           "מסדר גודל של MeV",
           kind="not-checkable",
           reason="an order-of-magnitude statement (electrons of about 1 MeV: under one "
                  "second; protons: 1-10 s) with L and the pitch angle left open; the "
                  "formulas it is read from are checked above"),

    # --- drift period -------------------------------------------------------------------
    _entry(r"$$\mathbf{v}_\nabla = \frac{mv_\perp^2}{2qB^3} (\mathbf{B} \times \nabla B)$$",
           claim=sp.Eq(S.v_gradB, S.m * S.v_perp**2 / (2 * S.q * S.B**3)
                       * Cross(S.B_vec, Grad(S.B))),
           against="gradB_drift",
           note="recalled for the drift around the Earth."),
    _entry(r"\mathbf{v}_{1\perp} \simeq -\text{sgn}(\Omega) \frac{6 \mathcal{E} L^2}{e B_E R_E} "
           r"(1 - B/2B_m) \frac{\cos^5 \vartheta (1 + \sin^2 \vartheta)}{(1 + 3 \sin^2 "
           r"\vartheta)^2} \hat{\varphi}",
           claim=sp.Eq(v_phi, -sp.sign(S.omega_c) * 6 * S.W * S.L**2 / (S.e * S.B_E * S.R_E)
                       * (1 - S.B / (2 * S.B_m)) * sp.cos(lam)**5 * (1 + sp.sin(lam)**2)
                       / (1 + 3 * sp.sin(lam)**2)**2),
           against="dipole_drift_speed", approximate=True,
           specialize={beta: S.B / S.B_m, S.v: sp.sqrt(2 * S.W / S.m),
                       S.q: S.e * sp.sign(S.q)},
           conditions="Newtonian kinetic energy E = m v^2/2; |q| = e",
           note="the phi-hat (eastward) component; Omega is the signed gyrofrequency; the "
                "result's beta is B/B_m."),
    _entry(r"B(\hat{r}, \hat{\theta}, 0) \times \nabla B(\hat{r}, 0, 0) \Rightarrow V(0, 0, "
           r"\hat{\varphi})",
           kind="not-checkable",
           reason="qualitative (directions only): B in the meridian plane and grad B radial "
                  "give an azimuthal drift, as derivation drift_period shows"),
    _entry(r"\langle v_d \rangle \simeq \frac{6 \mathcal{E} L^2}{e B_E R_E} (0.35 + 0.15 "
           r"\sin \alpha_{eq})",
           claim=sp.Eq(v_d, 6 * S.W * S.L**2 / (S.e * S.B_E * S.R_E)
                       * (_f("0.35") + _f("0.15") * y)),
           against="drift_frequency_newtonian", approximate=True,
           specialize={S.Omega_d: v_d / (S.L * S.R_E), S.q: -S.e,
                       S.v: sp.sqrt(2 * S.W / S.m)},
           conditions="<v_d> = L R_E |<Omega_d>| (the note divides 2 pi L R_E by it); "
                      "|q| = e; E = m v^2/2",
           note="the speed on the equatorial circle; the result is specialized to an "
                "electron (Omega_d > 0), a proton has the same speed westward."),
    _entry(r"\langle \tau_d \rangle = \frac{2\pi L R_E}{\langle v_d \rangle} \simeq "
           r"\frac{\pi e B_E R_E^2}{3 \mathcal{E} L} (0.35 + 0.15 \sin \alpha_{eq})^{-1}",
           claim=sp.Eq(S.tau_d, sp.pi * S.e * S.B_E * S.R_E**2 / (3 * S.W * S.L)
                       / (_f("0.35") + _f("0.15") * y)),
           against="drift_period_newtonian", approximate=True,
           specialize={S.q: S.e},
           note="the first equality (circumference over speed) defines the period; the "
                "approximate form is compared. The note adds that the mass does not "
                "appear, so electrons and protons of the same energy drift equally fast in "
                "opposite directions (true of this Newtonian form)."),
    _entry(r"\langle \tau_d \rangle_p = \langle \tau_d \rangle_e \simeq \frac{1.05}{\mathcal{E}"
           r"(\text{MeV}) L} (1 + 0.43 \sin \alpha_{eq})^{-1} \text{ hours}",
           claim=sp.Eq(S.tau_d, _f("1.05") * HOUR / (S.W / MeV * S.L) / (1 + _f("0.43") * y)),
           against="drift_period_newtonian", approximate=True,
           specialize={S.q: constants.e, S.B_E: B_E_NOTE, S.R_E: R_E_NOTE},
           note="the previous formula with the note's B_E and R_E: pi e B_E R_E^2/(3 MeV "
                "* 0.35) = 1.05 h, 0.15/0.35 = 0.43; 'a few hours'. Newtonian: for 1 MeV "
                "electrons the relativistic period (result drift_period) is 1.5 times "
                "longer, so the electron and proton periods are not equal there."),
]
