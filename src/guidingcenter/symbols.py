"""Every symbol of the theory, declared once, with its assumptions.

Two ``Symbol("B")`` with different assumptions are different symbols to SymPy
and silently break simplification, so derivations, the catalogue and the
checker all take their symbols from here.  ``LATEX_NAMES`` gives the LaTeX
spelling used by every renderer; ``UNITS`` gives the SI dimension of each
physical symbol (used by the checker's dimensional analysis).

Vectors in coordinate-free notation are :class:`~guidingcenter.vectors.VectorSymbol`
instances; their Cartesian components are plain real symbols declared here too.
"""

import sympy as sp

from guidingcenter.vectors import VectorSymbol

__all__ = [
    "LATEX_NAMES", "UNITS", "by_name", "components", "field_gradient", "field_hessian",
    # particle and kinematics
    "q", "m", "e", "charge_number", "mass_number", "m_i", "m_e", "c", "gamma", "t", "phi", "v", "v_perp", "v_par",
    "v_perp_i", "v_perp_e", "v_par_i", "v_par_e", "n", "W", "W_perp", "W_par", "W_0",
    "omega_c", "omega_E", "r_L", "rho", "mu", "s", "varphi_E",
    # fields
    "B", "B_0", "B_1", "B_2", "B_m", "B_max", "B_min", "B_eq", "E", "g", "R_c",
    "alpha", "alpha_1", "alpha_2", "alpha_lc", "alpha_eq", "y", "lam", "lam_m", "lam_E",
    "B_r", "B_lam", "V_M", "p", "Omega_d", "tau_b", "tau_d", "v_drift", "J_inv", "r_lam",
    "T_of", "D_of", "Y_of", "u", "theta",
    "L", "r", "r_eq", "R_E", "B_E", "M_E", "mu_0", "I", "A", "U",
    "X", "Y", "Z", "X_gc", "Y_gc", "L_z", "v_x_t", "v_y_t", "v_z_t", "x_t", "y_t",
    # vector notation
    "B_vec", "E_vec", "F_vec", "g_vec", "v_vec", "grad_B", "b_hat", "kappa", "R_c_vec",
    "mu_vec", "dv_dt", "dE_dt", "dvF_dt", "j_vec", "v_avg", "v_D", "F_left", "P",
    "p_th", "u_vec", "u_perp", "v_dia",
    "v_E", "v_F", "v_g", "v_gradB", "v_R", "v_P", "F_gradB", "F_R", "F_par",
    "dvpar_dt", "dvparb_dt", "x_line", "x_osc", "v_i", "v_e", "dvP_dt", "dEperp_dt",
    # magnetic moment, mu conservation, mirror
    "z", "v_theta", "F_parallel", "dB_ds", "alpha_0", "R_m", "Br_of", "Bz_of", "b0_of",
    "b1_of", "b2_of", "v_par_t", "v_perp_t", "s_t", "mu_t", "B_of_s", "varphi_of_s",
    "r_vec", "F_avg", "N_vec",
    # cyclic frequency, adiabatic invariants
    "f_c", "p_perp", "M_inv", "K_inv", "Phi_inv", "I_inv", "s_m1", "s_m2",
    # the mirror force on the axis, flux and action of the gyration
    "v_r", "F_z", "Fz_avg", "Phi_L", "J_g", "dWperp_dt", "dB_dt",
    "W_perp_t",
]


def _real(name):
    return sp.Symbol(name, real=True)


def _pos(name):
    return sp.Symbol(name, positive=True)


# --- particle -----------------------------------------------------------------
q = sp.Symbol("q", real=True, nonzero=True)       # signed charge, C
m = _pos("m")                                     # rest mass, kg
e = _pos("e")                                     # elementary charge, C
charge_number = _pos("Z_charge")                  # charge number Z (q = Z e for ions), 1
mass_number = _pos("mu_ion")                      # ion mass in proton masses m/m_p (NRL's mu), 1
m_i = _pos("m_i")
m_e = _pos("m_e")
c = _pos("c")                                     # speed of light, m/s
gamma = _pos("gamma")                             # Lorentz factor
t = _real("t")
phi = _real("phi")                                # gyrophase, rad
v = _pos("v")                                     # speed, m/s
v_perp = _pos("v_perp")                           # speed across B, m/s
v_par = _real("v_par")                            # signed speed along B, m/s
v_perp_i, v_perp_e = _pos("v_perp_i"), _pos("v_perp_e")
v_par_i, v_par_e = _real("v_par_i"), _real("v_par_e")
dvpar_dt = _real("dvpar_dt")                      # dv_par/dt along the guiding-centre path, m/s^2
n = _pos("n")                                     # number density, 1/m^3
W, W_perp, W_par, W_0 = _pos("W"), _pos("W_perp"), _pos("W_par"), _real("W_0")
omega_c = sp.Symbol("omega_c", real=True, nonzero=True)   # signed qB/m, rad/s
omega_E = _pos("omega_E")                         # angular frequency of E's change, rad/s
f_c = sp.Symbol("f_c", real=True, nonzero=True)   # signed cyclic gyrofrequency qB/(2 pi m), Hz
p_perp = _pos("p_perp")                           # momentum across B, kg m/s
p_th = _pos("p_th")                               # (thermal) pressure of a species, Pa
M_inv = _pos("M")                                 # relativistic first invariant p_perp^2/(2mB), J/T
K_inv = _pos("K")                                 # K = J/(2 (2 m M)^(1/2)), T^(1/2) m
Phi_inv = _pos("Phi")                             # third invariant: flux through the drift shell
I_inv = _pos("I_inv")                             # McIlwain's integral invariant J/(2p), m
s_m1, s_m2 = _real("s_m1"), _real("s_m2")         # arc lengths of the two mirror points, m
r_L = _pos("r_L")                                 # Larmor radius, m
rho = sp.Symbol("rho", real=True, nonzero=True)   # signed radius v_perp/omega_c, m
mu = _pos("mu")                                   # magnetic moment magnitude, A m^2
s = _real("s")                                    # arc length along B, m
varphi_E = _real("varphi")                        # electric potential, V

# --- fields and geometry ------------------------------------------------------
B = _pos("B")                                     # |B|, T
B_0, B_1, B_2 = _pos("B_0"), _pos("B_1"), _pos("B_2")
B_m, B_max, B_min, B_eq = _pos("B_m"), _pos("B_max"), _pos("B_min"), _pos("B_eq")
E = _pos("E")                                     # |E|, V/m
g = _pos("g")                                     # |g|, m/s^2
R_c = _pos("R_c")                                 # radius of curvature, m
alpha, alpha_1, alpha_2 = _pos("alpha"), _pos("alpha_1"), _pos("alpha_2")  # pitch angles
alpha_lc, alpha_eq = _pos("alpha_lc"), _pos("alpha_eq")
y = _pos("y")                                     # sin(alpha_eq)
lam, lam_m = _real("lambda"), _pos("lambda_m")    # magnetic latitude, rad
lam_E = _pos("lambda_E")                          # latitude where a field line meets the surface
B_r, B_lam = _real("B_r"), _real("B_lambda")      # dipole field components, T
V_M = _real("V_M")                                # magnetic scalar potential, T m
p = _pos("p")                                     # momentum, kg m/s
Omega_d = _real("Omega_d")                        # bounce-averaged drift angular frequency, rad/s
tau_b, tau_d = _pos("tau_b"), _pos("tau_d")       # bounce and drift periods, s
v_drift = _pos("v_drift")                         # mean drift speed on the equator, m/s
J_inv = _pos("J")                                 # second adiabatic invariant, kg m^2/s
r_lam = sp.Function("r", positive=True)(lam)      # field-line radius as a function of latitude
T_of, D_of, Y_of = (sp.Function(name, positive=True) for name in "TDY")  # dipole integrals
u = _pos("u")                                     # integration variable after a substitution
theta = _real("theta")                            # angle variable of integration
L = _pos("L")                                     # McIlwain L (dipole), 1
r, r_eq = _pos("r"), _pos("r_eq")
R_E, B_E, M_E = _pos("R_E"), _pos("B_E"), _pos("M_E")
mu_0 = _pos("mu_0")
I, A, U = _real("I"), _pos("A"), _real("U")
X, Y, Z = _real("X"), _real("Y"), _real("Z")     # position relative to the guiding centre, m


# trajectory components, functions of time
v_x_t, v_y_t, v_z_t = (sp.Function(f"v_{axis}", real=True)(t) for axis in "xyz")
x_t, y_t = (sp.Function(axis, real=True)(t) for axis in "xy")
X_gc, Y_gc = _real("X_gc"), _real("Y_gc")          # guiding-centre coordinates, m
L_z = _real("L_z")                                # angular momentum about B, kg m^2/s
dv_dt = VectorSymbol("dv_dt", r"\frac{d\vec{v}}{dt}")

# magnetic moment, mirror force, mu conservation, mirrors
z = _real("z")                                    # axial coordinate (cylindrical r, theta, z), m
v_theta = _real("v_theta")                        # azimuthal velocity, m/s
F_parallel = _real("F_parallel")                  # force component along B, N
dB_ds = _real("dB_ds")                            # derivative of |B| along the field line, T/m
alpha_0 = _pos("alpha_0")                         # pitch angle where the field is B_0, rad
R_m = _pos("R_m")                                 # mirror ratio B_max/B_0, 1
# axisymmetric field B_r(r, z), B_z(r, z); B_z = b_0(z) + b_1(z) r + b_2(z) r^2 near the axis
Br_of, Bz_of = sp.Function("B_r", real=True), sp.Function("B_z", real=True)
b0_of = sp.Function("b_0", positive=True)
b1_of, b2_of = sp.Function("b_1", real=True), sp.Function("b_2", real=True)
# guiding-centre motion along a field line: speeds, position s(t), moment; B(s), varphi(s)
v_par_t = sp.Function(r"v_\parallel", real=True)(t)
v_perp_t = sp.Function(r"v_\perp", positive=True)(t)
s_t = sp.Function("s", real=True)(t)
mu_t = sp.Function(r"\mu", positive=True)(t)
B_of_s = sp.Function("B", positive=True)
varphi_of_s = sp.Function(r"\varphi", real=True)
# the mirror force on the axis (Chen's route), flux and action of the gyration
v_r = _real("v_r")                                # radial velocity (cylindrical r, theta, z), m/s
F_z = _real("F_z")                                # axial force at the particle, N
Fz_avg = _real("Fz_avg")                          # its average over a gyration, N
Phi_L = _pos("Phi_L")                             # magnetic flux through the Larmor orbit, Wb
J_g = _pos("J_g")                                 # action of the gyration, closed p dq, J s
dWperp_dt = _real("dWperp_dt")                    # dW_perp/dt along the path, W
dB_dt = _real("dB_dt")                            # dB/dt of the field seen by the particle, T/s
W_perp_t = sp.Function(r"W_\perp", positive=True)(t)  # perpendicular energy along the path
r_vec = VectorSymbol("r_vec", r"\vec{r}")           # particle position from the guiding centre
F_avg = VectorSymbol("F_avg", r"\langle\vec{F}\rangle")   # gyro-averaged force
N_vec = VectorSymbol("N_vec", r"\vec{N}")           # torque


_AXES = "xyz"
# First derivatives of the field at the guiding centre: G[i, j] = dB_i/dx_j (all nine).
field_gradient = sp.Matrix(3, 3, lambda i, j: _real(f"dB{_AXES[i]}_d{_AXES[j]}"))
# Second derivatives: H[i][j][k] = d^2 B_i/(dx_j dx_k), symmetric in j, k.
field_hessian = [[[_real(f"d2B{_AXES[i]}_d{_AXES[min(j, k)]}d{_AXES[max(j, k)]}")
                   for k in range(3)] for j in range(3)] for i in range(3)]


def components(base):
    """Real Cartesian component symbols ``base_x, base_y, base_z``."""
    return sp.Matrix([_real(f"{base}_{axis}") for axis in "xyz"])


# --- vector notation ----------------------------------------------------------
B_vec = VectorSymbol("B_vec", r"\vec{B}")
E_vec = VectorSymbol("E_vec", r"\vec{E}")
F_vec = VectorSymbol("F_vec", r"\vec{F}")
g_vec = VectorSymbol("g_vec", r"\vec{g}")
v_vec = VectorSymbol("v_vec", r"\vec{v}")
grad_B = VectorSymbol("grad_B", r"\nabla B")
b_hat = VectorSymbol("b_hat", r"\hat{b}")
kappa = VectorSymbol("kappa", r"(\hat{b}\cdot\nabla)\hat{b}")
R_c_vec = VectorSymbol("R_c_vec", r"\vec{R}_c")
mu_vec = VectorSymbol("mu_vec", r"\vec{\mu}")
dE_dt = VectorSymbol("dE_dt", r"\frac{d\vec{E}}{dt}")
dvF_dt = VectorSymbol("dvF_dt", r"\frac{d\vec{v}_F}{dt}")
j_vec = VectorSymbol("j_vec", r"\vec{j}")
v_avg = VectorSymbol("v_avg", r"\langle\vec{v}\rangle")
v_D = VectorSymbol("v_D", r"\vec{v}_D")
F_left = VectorSymbol("F_left", r"\vec{F}'")
P = _real("P")                                    # power, W
v_E = VectorSymbol("v_E", r"\vec{v}_E")
v_F = VectorSymbol("v_F", r"\vec{v}_F")
v_g = VectorSymbol("v_g", r"\vec{v}_g")
v_gradB = VectorSymbol("v_gradB", r"\vec{v}_{\nabla B}")
v_R = VectorSymbol("v_R", r"\vec{v}_R")
v_P = VectorSymbol("v_P", r"\vec{v}_P")
F_gradB = VectorSymbol("F_gradB", r"\vec{F}_{\nabla B}")
F_R = VectorSymbol("F_R", r"\vec{F}_R")
F_par = VectorSymbol("F_par", r"\vec{F}_\parallel")
dvparb_dt = VectorSymbol("dvparb_dt", r"\frac{d(v_\parallel\hat{b})}{dt}")  # along the path
x_line = VectorSymbol("x_line", r"\vec{x}")          # point of a field line at arc length s
x_osc = VectorSymbol("x_osc", r"\vec{x}_c")          # point of the osculating circle
v_i = VectorSymbol("v_i", r"\vec{v}_i")              # ion drift velocity
v_e = VectorSymbol("v_e", r"\vec{v}_e")              # electron drift velocity
dvP_dt = VectorSymbol("dvP_dt", r"\frac{d\vec{v}_P}{dt}")
dEperp_dt = VectorSymbol("dEperp_dt", r"\frac{d\vec{E}_\perp}{dt}")
u_vec = VectorSymbol("u_vec", r"\vec{u}")              # fluid velocity of a species
u_perp = VectorSymbol("u_perp", r"\vec{u}_\perp")      # its part across B
v_dia = VectorSymbol("v_dia", r"\vec{v}_{dia}")        # diamagnetic drift

LATEX_NAMES = {
    **{field_gradient[i, j]: rf"\partial_{_AXES[j]} B_{_AXES[i]}"
       for i in range(3) for j in range(3)},
    **{field_hessian[i][j][k]: rf"\partial_{_AXES[j]}\partial_{_AXES[k]} B_{_AXES[i]}"
       for i in range(3) for j in range(3) for k in range(j, 3)},
    v_perp: r"v_\perp", v_par: r"v_\parallel", omega_c: r"\omega_c", omega_E: r"\omega_E",
    r_L: r"r_L",
    v_perp_i: r"v_{\perp,i}", v_perp_e: r"v_{\perp,e}", v_par_i: r"v_{\parallel,i}",
    v_par_e: r"v_{\parallel,e}", W_perp: r"W_\perp", W_par: r"W_\parallel", W_0: "W_0",
    dvpar_dt: r"\frac{dv_\parallel}{dt}",
    alpha_lc: r"\alpha_{lc}", alpha_eq: r"\alpha_{eq}", lam: r"\lambda", lam_m: r"\lambda_m",
    r_eq: r"r_{eq}", B_eq: r"B_{eq}", B_max: r"B_{max}", B_min: r"B_{min}", mu_0: r"\mu_0",
    varphi_E: r"\varphi", lam_E: r"\lambda_E", B_lam: r"B_\lambda", Omega_d: r"\Omega_d",
    tau_b: r"\tau_b", tau_d: r"\tau_d", v_drift: r"\langle v_d \rangle", X_gc: r"X_{gc}",
    Y_gc: r"Y_{gc}",
    v_theta: r"v_\theta", F_parallel: r"F_\parallel", dB_ds: r"\frac{\partial B}{\partial s}",
    alpha_0: r"\alpha_0", f_c: "f_c", p_perp: r"p_\perp", M_inv: "M", K_inv: "K",
    Phi_inv: r"\Phi", p_th: "p_{th}", I_inv: r"I_{inv}", s_m1: r"s_{m1}", s_m2: r"s_{m2}",
    Fz_avg: r"\bar{F}_z", Phi_L: r"\Phi_L", J_g: r"\oint p_\perp\,dl",
    dWperp_dt: r"\frac{dW_\perp}{dt}", dB_dt: r"\frac{dB}{dt}",
}

# SI dimensions as (kg, m, s, A) exponents; angles and ratios are dimensionless.
_KG, _M, _S, _A = (1, 0, 0, 0), (0, 1, 0, 0), (0, 0, 1, 0), (0, 0, 0, 1)
_VEL = (0, 1, -1, 0)
_TESLA = (1, 0, -2, -1)
_CHARGE = (0, 0, 1, 1)
_ENERGY = (1, 2, -2, 0)
UNITS = {
    q: _CHARGE, e: _CHARGE, charge_number: (0, 0, 0, 0), mass_number: (0, 0, 0, 0), m: _KG, m_i: _KG, m_e: _KG, c: _VEL, v: _VEL, v_perp: _VEL,
    v_par: _VEL, v_perp_i: _VEL, v_perp_e: _VEL, v_par_i: _VEL, v_par_e: _VEL,
    dvpar_dt: (0, 1, -2, 0),
    t: _S, omega_c: (0, 0, -1, 0), omega_E: (0, 0, -1, 0), r_L: _M, rho: _M, mu: (0, 2, 0, 1),
    s: _M, n: (0, -3, 0, 0),
    W: _ENERGY, W_perp: _ENERGY, W_par: _ENERGY, W_0: _ENERGY, varphi_E: (1, 2, -3, -1),
    B: _TESLA, B_0: _TESLA, B_1: _TESLA, B_2: _TESLA, B_m: _TESLA, B_max: _TESLA,
    B_min: _TESLA, B_eq: _TESLA, B_E: _TESLA, E: (1, 1, -3, -1), g: (0, 1, -2, 0),
    R_c: _M, r: _M, r_eq: _M, R_E: _M, X: _M, Y: _M, Z: _M,
    M_E: (0, 2, 0, 1), mu_0: (1, 1, -2, -2), I: _A, A: (0, 2, 0, 0), U: _ENERGY,
    phi: (0, 0, 0, 0), gamma: (0, 0, 0, 0), alpha: (0, 0, 0, 0), alpha_1: (0, 0, 0, 0),
    alpha_2: (0, 0, 0, 0), alpha_lc: (0, 0, 0, 0), alpha_eq: (0, 0, 0, 0), y: (0, 0, 0, 0),
    lam: (0, 0, 0, 0), lam_m: (0, 0, 0, 0), L: (0, 0, 0, 0), lam_E: (0, 0, 0, 0),
    B_r: _TESLA, B_lam: _TESLA, V_M: (1, 1, -2, -1), p: (1, 1, -1, 0),
    Omega_d: (0, 0, -1, 0), tau_b: _S, tau_d: _S, v_drift: _VEL, J_inv: (1, 2, -1, 0),
    z: _M, v_theta: _VEL, F_parallel: (1, 1, -2, 0), dB_ds: (1, -1, -2, -1),
    alpha_0: (0, 0, 0, 0), R_m: (0, 0, 0, 0), L_z: (1, 2, -1, 0), P: (1, 2, -3, 0),
    **{entry: (1, -1, -2, -1) for entry in field_gradient},
    # vectors
    B_vec: _TESLA, E_vec: (1, 1, -3, -1), F_vec: (1, 1, -2, 0),
    g_vec: (0, 1, -2, 0), v_vec: _VEL, grad_B: (1, -1, -2, -1), b_hat: (0, 0, 0, 0),
    kappa: (0, -1, 0, 0), R_c_vec: _M, mu_vec: (0, 2, 0, 1), dE_dt: (1, 1, -4, -1),
    dEperp_dt: (1, 1, -4, -1), dvF_dt: (0, 1, -2, 0), j_vec: (0, -2, 0, 1), v_E: _VEL,
    v_F: _VEL, v_g: _VEL, v_gradB: _VEL, v_R: _VEL, v_P: _VEL, v_D: _VEL, v_i: _VEL,
    v_e: _VEL, v_avg: _VEL, F_gradB: (1, 1, -2, 0), F_R: (1, 1, -2, 0),
    F_par: (1, 1, -2, 0), F_left: (1, 1, -2, 0), F_avg: (1, 1, -2, 0), N_vec: _ENERGY,
    r_vec: _M, dv_dt: (0, 1, -2, 0),
    f_c: (0, 0, -1, 0), p_perp: (1, 1, -1, 0), M_inv: (0, 2, 0, 1),
    K_inv: (sp.Rational(1, 2), 1, -1, -sp.Rational(1, 2)),   # T^(1/2) m
    v_r: _VEL, F_z: (1, 1, -2, 0), Fz_avg: (1, 1, -2, 0), Phi_L: (1, 2, -2, -1),
    J_g: (1, 2, -1, 0), dWperp_dt: (1, 2, -3, 0), dB_dt: (1, 0, -3, -1),
    I_inv: _M, s_m1: _M, s_m2: _M,
    Phi_inv: (1, 2, -2, -1), p_th: (1, -1, -2, 0), u_vec: _VEL, u_perp: _VEL, v_dia: _VEL,
}


def by_name():
    """Map of every declared symbol's name to the symbol (for parsing user input)."""
    table = {}
    for value in globals().values():
        if isinstance(value, sp.Symbol):
            table.setdefault(value.name, value)
    return table
