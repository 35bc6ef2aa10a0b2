"""Catalogue entries of note 002 (see guidingcenter.catalog.model.Entry).

English derivation notes: 01 the grad-B force and drift from the orbit-averaged
Lorentz force, 02 curvature and polarization drifts from the parallel and
perpendicular equations of motion, 03 magnetic mirrors (energy integral,
parallel speed, mirror condition). Section 04 (waves) is only listed in the
table of contents.

Notation: the guiding-centre velocity v_gc is written ``S.v_vec`` where an
equation of motion is compared (the checker's frame offers v as a free
vector), and the unit vector \\hat{B} is ``S.b_hat``; \\hat{B}.grad\\hat{B} is
``DirectionalDerivative(b_hat, b_hat)``; v_L (the gyration speed) is v_perp.
The note's x-hat, y-hat, z-hat are axes with z along B at the guiding centre
(``stated=("aligned",)``); its dB_i/dx_j there are ``S.field_gradient[i, j]``,
and its orbit average <...> over the Larmor gyration is done exactly over one
period (``catalog.notation.gyration_average``) with its own r_L(t), v_L(t)
(omega_L = omega_c = qB/m, r_L = m v_perp/(|q|B)).
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.catalog.model import Entry
from guidingcenter.catalog.notation import X_HAT, Y_HAT, Z_HAT, gyration_average
from guidingcenter.engine import equation
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

SOURCE = "002_8a6d4af2dfb28493.txt"

m, q, B, t = S.m, S.q, S.B, S.t
b_dot_grad_b = DirectionalDerivative(S.b_hat, S.b_hat)   # the note's \hat{B}\cdot\nabla\hat{B}
F_perp = S.F_vec - Dot(S.F_vec, S.b_hat) * S.b_hat        # the note's \vec{F}_\perp
gyration = S.omega_c * t                                  # the note's omega_L t
r_L_from_speed = {S.phi: 0, S.v_perp: S.r_L * sp.Abs(q) * B / m}   # r_L = m v_perp/(|q|B)
_on_path = {"B": S.B_of_s(S.s_t), "varphi": S.varphi_of_s(S.s_t)}

# --- section 01 in the note's axes (z along B at the guiding centre) ---------------------
G = S.field_gradient                                      # G[i, j] = dB_i/dx_j there


def _along(direction):
    """The note's (direction . nabla) B at the guiding centre."""
    return DirectionalDerivative(direction, S.B_vec)


# the note's own Larmor orbit: r_L(t) = r_L sin(omega_L t) x + r_L cos(omega_L t) y and
# v_L(t) = r_L omega_L cos(omega_L t) x - r_L omega_L sin(omega_L t) y
r_L_of_t = S.r_L * sp.sin(gyration) * X_HAT + S.r_L * sp.cos(gyration) * Y_HAT
v_L_of_t = (S.r_L * S.omega_c * sp.cos(gyration) * X_HAT
            - S.r_L * S.omega_c * sp.sin(gyration) * Y_HAT)
# <v_L x (r_L . grad) B(x_gc)> and <q v_L x (r_L . grad) B(x_gc)>, averaged over one gyration
lorentz_average = gyration_average(Cross(v_L_of_t, _along(r_L_of_t)))
force_average = gyration_average(q * Cross(v_L_of_t, _along(r_L_of_t)))
# the gyro-averaged force of derivation gradb_drift (result gradB_force: -mu grad B)
_GRADB_FORCE = -S.mu * Grad(B)
_IN_AXES = "axes with z along B at the guiding centre (the note's x-hat, y-hat, z-hat)"


def _entry(quote, **fields):
    return Entry(source=SOURCE, quote=quote, **fields)


ENTRIES = [
    # --- 01 grad-B force and drift -------------------------------------------------------
    _entry(r"m\frac{d\vec{v}}{dt} = q\left[\vec{E} + \vec{v}\times\vec{B}\right]",
           kind="definition", reason="the Lorentz equation of motion (a law)"),
    _entry(r"m\frac{d\vec{v}}{dt} = q\left[\vec{E}(\vec{x}_\text{gc}) + (\vec{r}_\text{L}\cdot"
           r"\nabla)\vec{E}(\vec{x}_\text{gc}) + \vec{v}\times\left(\vec{B}(\vec{x}_\text{gc}) + "
           r"(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})\right)\right]",
           kind="definition",
           reason="the Lorentz law with the fields expanded to first order about the guiding "
                  "centre (the model of derivations gradb_drift and curvature_drift)"),
    _entry(r"\vec{v} = \vec{v}_\text{gc} + \vec{v}_L",
           kind="definition",
           reason="splits the velocity into guiding-centre motion and gyration (a definition)"),
    _entry(r"m\frac{d(\vec{v}_\text{gc} + \vec{v}_L)}{dt} = q\left[",
           kind="definition",
           reason="the expanded Lorentz law with the split velocity inserted (a substitution)"),
    _entry(r"m\frac{d\vec{v}_\text{gc}}{dt} = q\left[\vec{E}(\vec{x}_\text{gc})+ \vec{v}_\text{gc}"
           r"\times\vec{B}(\vec{x}_\text{gc}) + \langle\vec{v}_L\times(\vec{r}_\text{L}\cdot\nabla)"
           r"\vec{B}(\vec{x}_\text{gc})\rangle\right]",
           claim=equation(m * S.dv_dt, q * sp.Add(S.E_vec, Cross(S.v_vec, S.B_vec),
                                                  lorentz_average, evaluate=False)),
           against="force_equation_of_motion", specialize={S.F_vec: q * S.E_vec + _GRADB_FORCE},
           stated=("aligned",), conditions=_IN_AXES,
           note="v_gc written v; the average over one gyration of the note's own r_L(t), "
                "v_L(t) (given just below) is done exactly over a period. The result's force "
                "F is the electric force qE plus the gyro-averaged force -mu grad B of "
                "derivation gradb_drift (result gradB_force), so the averaged term is what "
                "is checked."),
    _entry(r"\vec{r}_L = r_L\sin\omega_L t\hat{x} + r_L\cos\omega_L t\hat{y}",
           claim=equation(sp.Matrix([S.x_t, S.y_t]),
                          sp.Matrix([S.X_gc + S.r_L * sp.sin(gyration),
                                     S.Y_gc + S.r_L * sp.cos(gyration)])),
           against="larmor_orbit", specialize=r_L_from_speed,
           note="the position relative to the guiding centre (X_gc, Y_gc), gyrophase 0 at "
                "t = 0; omega_L is the gyrofrequency omega_c = qB/m, r_L = m v_perp/(|q|B) "
                "(result gyroradius), so the result is written with r_L."),
    _entry(r"\vec{v}_L = r_L\omega_L\cos\omega_L t\hat{x} - r_L\omega_L\sin\omega_L t\hat{y}",
           claim=equation(sp.Matrix([S.v_x_t, S.v_y_t, S.v_z_t]),
                          sp.Matrix([S.r_L * S.omega_c * sp.cos(gyration),
                                     -S.r_L * S.omega_c * sp.sin(gyration), 0])),
           against="larmor_velocity", specialize={**r_L_from_speed, S.v_par: 0},
           note="the gyration velocity alone (no motion along B: v_par = 0 in the result); "
                "omega_L = omega_c, r_L = m v_perp/(|q|B)."),
    _entry(r"\vec{F}_\nabla =  \langle q(r_L\omega_L\cos\omega_L t\hat{x} - r_L\omega_L\sin"
           r"\omega_L t\hat{y})\times",
           claim=equation(S.F_gradB, force_average),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES,
           note="<q v_L x (r_L.grad)B(x_gc)> with the note's r_L(t), v_L(t) inserted, as the "
                "line writes it; the average is done exactly over one gyration period."),
    _entry(r"\vec{F}_\nabla  =  qr_L^2\omega_L\left\langle \cos\omega_L t\sin\omega_L t",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c * gyration_average(sp.Add(
               sp.cos(gyration) * sp.sin(gyration) * Cross(X_HAT, _along(X_HAT)),
               sp.cos(gyration)**2 * Cross(X_HAT, _along(Y_HAT)),
               -sp.cos(gyration) * sp.sin(gyration) * Cross(Y_HAT, _along(X_HAT)),
               -sp.sin(gyration)**2 * Cross(Y_HAT, _along(X_HAT)), evaluate=False))),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES,
           note="transcribed as printed: the third term reads (y-hat x (x-hat.grad)B) where "
                "the expansion of the line before gives (y-hat x (y-hat.grad)B); the slip is "
                "in a term cos sin that averages to zero, so the average is unchanged."),
    _entry(r"\vec{F}_\nabla  =  qr_L^2\omega_L\left[\frac{1}{2} (\hat{x}\times(\hat{y}\cdot"
           r"\nabla)\vec{B}) - \frac{1}{2} (\hat{y}\times(\hat{x}\cdot\nabla)\vec{B})  \right]",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c
                          * (Cross(X_HAT, _along(Y_HAT)) / 2 - Cross(Y_HAT, _along(X_HAT)) / 2)),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES),
    _entry(r"\vec{B} = B_x\hat{x} + B_y\hat{y} + B_z\hat{z}",
           kind="definition", reason="the field in Cartesian components (a definition)"),
    _entry(r"\vec{F}_\nabla  =  qr_L^2\omega_L\left[\frac{1}{2} \left(\hat{x}\times\left("
           r"\frac{dB_x}{dy}",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c * (
               Cross(X_HAT, G[0, 1] * X_HAT + G[1, 1] * Y_HAT + G[2, 1] * Z_HAT) / 2
               - Cross(Y_HAT, G[0, 0] * X_HAT + G[1, 0] * Y_HAT + G[2, 0] * Z_HAT) / 2)),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES,
           note="dB_i/dx_j at the guiding centre is G[i, j] = S.field_gradient[i, j]."),
    _entry(r"\vec{F}_\nabla  =  \frac{qr_L^2\omega_L}{2} \left[\left(\frac{dB_y}{dy}\hat{z} - "
           r"\frac{dB_z}{dy}\hat{y}\right) - \left(-\frac{dB_x}{dx}\hat{z} + \frac{dB_z}{dx}"
           r"\hat{x}\right)\right]",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c / 2 * (
               (G[1, 1] * Z_HAT - G[2, 1] * Y_HAT) - (-G[0, 0] * Z_HAT + G[2, 0] * X_HAT))),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES),
    _entry(r"\vec{F}_\nabla  =  \frac{qr_L^2\omega_L}{2} \left[\left(\frac{dB_y}{dy} + "
           r"\frac{dB_x}{dx}\right) \hat{z}",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c / 2 * (
               (G[1, 1] + G[0, 0]) * Z_HAT - G[2, 1] * Y_HAT - G[2, 0] * X_HAT)),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES),
    _entry(r"\vec{F}_\nabla  =  \frac{qr_L^2\omega_L}{2} \left[-\frac{dB_z}{dz} \hat{z}",
           claim=equation(S.F_gradB, q * S.r_L**2 * S.omega_c / 2 * (
               -Dot(Z_HAT, _along(Z_HAT)) * Z_HAT - G[2, 1] * Y_HAT - G[2, 0] * X_HAT)),
           against="gradB_force", stated=("aligned",), conditions=_IN_AXES,
           note="the first equality of the line ('Gauss' law for magnetism', div B = 0); "
                "its end is the next entry. dB_z/dz is written z-hat.((z-hat.grad)B), the "
                "checker's value of it (its symbol G[2, 2] would be sampled on its own, not "
                "as -G[0, 0] - G[1, 1])."),
    _entry(r"= -\frac{mv_L^2}{2B}\nabla B_z \approx -\frac{mv_L^2}{2B}\nabla B",
           claim=sp.Eq(S.F_gradB, -m * S.v_perp**2 / (2 * B) * Grad(B)),
           against="gradB_force", approximate=True,
           note="v_L is the gyration speed v_perp; grad B_z ~ grad B to first order "
                "(z along B)."),
    _entry(r"\vec{v}_\nabla = \frac{\vec{F}_\nabla\times\vec{B}}{qB^2} = \frac{mv_L^2}{2qB^3}"
           r"\vec{B}\times\nabla B",
           claim=sp.Eq(S.v_gradB, m * S.v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B))),
           against="gradB_drift",
           note="the first equality is the force drift of F_nabla (result force_drift); "
                "the final form is compared."),

    # --- 02 curvature and polarization drift ------------------------------------------
    _entry(r"\vec{v}_\text{gc} = \vec{v}_{\text{gc}\perp} + v_{\text{gc}\parallel}\hat{B}",
           kind="definition",
           reason="splits the guiding-centre velocity across and along B (a definition)"),
    _entry(r"m\frac{d\vec{v}_\text{gc}}{dt} = q\left[\vec{E}(\vec{x}_\text{gc})+ \vec{v}_\text{gc}"
           r"\times\vec{B}(\vec{x}_\text{gc}) + \langle \vec{v}_L\times(\vec{r}_\text{L}\cdot"
           r"\nabla)\vec{B}(\vec{x}_\text{gc})\rangle\right]",
           claim=equation(m * S.dv_dt, q * sp.Add(S.E_vec, Cross(S.v_vec, S.B_vec),
                                                  lorentz_average, evaluate=False)),
           against="force_equation_of_motion", specialize={S.F_vec: q * S.E_vec + _GRADB_FORCE},
           stated=("aligned",), conditions=_IN_AXES,
           note="the guiding-centre equation of motion of section 01 again (written with a "
                "space after \\langle), transcribed and compared as there."),
    _entry(r"m\frac{d(\vec{v}_{\text{gc}\perp} + v_{\text{gc}\parallel}\hat{B})}{dt} = "
           r"m\frac{d\vec{v}_{\text{gc}\perp}}{dt} + m\frac{d v_{\text{gc}\parallel}}{dt}\hat{B} "
           r"+ mv^2_{\text{gc}\perp}\frac{d\hat{B}}{ds}",
           claim=sp.Eq(m * S.dvparb_dt, m * S.dvpar_dt * S.b_hat + m * S.v_perp**2 * S.kappa),
           against="parallel_velocity_rate",
           note="the rate of the parallel part v_par B-hat along the path (the term m "
                "dv_gc_perp/dt is the same on both sides and left out); dB-hat/ds along the "
                "field line is the curvature vector (B-hat.grad)B-hat."),
    _entry(r"m\frac{d\vec{v}_{\text{gc}\perp}}{dt} + m\frac{d v_{\text{gc}\parallel}}{dt}\hat{B} "
           r"- mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B} = q\left[",
           claim=sp.Eq(m * S.dvparb_dt,
                       m * S.dvpar_dt * S.b_hat - m * S.v_par**2 * b_dot_grad_b),
           against="parallel_velocity_rate",
           note="the left side, the expansion of m dv_gc/dt, is compared (its parallel-"
                "velocity part); the right side q[E + v_gc_perp x B + <...>] is the "
                "averaged Lorentz force of section 01 (compared there)."),
    _entry(r"\text{parallel : } \qquad m\frac{d v_{\text{gc}\parallel}}{dt} = q\vec{E}_\parallel"
           r"(\vec{x}_\text{gc}) + \langle q\vec{v}_L\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}"
           r"(\vec{x}_\text{gc})\rangle_\parallel",
           claim=equation(m * S.dvpar_dt, Dot(S.b_hat, q * S.E_vec)
                          + Dot(S.b_hat, force_average)),
           against="parallel_equation_of_motion",
           specialize={S.F_vec: q * S.E_vec + _GRADB_FORCE},
           stated=("aligned",), conditions=_IN_AXES,
           note="the parallel parts of qE and of the average, taken along B-hat (z-hat at the "
                "guiding centre); the note's r_L(t), v_L(t) of section 01. The result's force "
                "F is qE plus the gyro-averaged force -mu grad B (result gradB_force): its "
                "parallel part is the mirror force -mu dB/ds."),
    _entry(r"\text{perpendicular : } \qquad m\frac{d\vec{v}_{\text{gc}\perp}}{dt} - "
           r"mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B} = q\vec{E}_\perp(\vec{x}_\text{gc})"
           r" + \langle q\vec{v}_L\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})"
           r"\rangle_\perp + \vec{v}_\text{gc}\times\vec{B}(\vec{x}_\text{gc})",
           claim=sp.Eq(m * S.dv_dt - m * S.v_par**2 * b_dot_grad_b,
                       S.F_vec + Cross(S.v_vec, S.B_vec)),
           against="force_equation_of_motion",
           specialize={S.F_vec: S.F_vec - m * S.v_par**2 * S.kappa},
           conditions="F stands for the note's forces qE_perp + <q v_L x (r_L.grad)B>_perp; "
                      "the result's force also has the centrifugal force F_R = -m v_par^2 "
                      "(b.grad)b (result curvature_force)",
           note="v_gc written v, dv_gc_perp/dt written dv/dt."),
    _entry(r"m\frac{d\vec{v}_{\text{gc}\perp}}{dt} = \vec{F}_\perp + \vec{v}_\text{gc}\times"
           r"\vec{B}(\vec{x}_\text{gc})",
           claim=sp.Eq(m * S.dv_dt, S.F_vec + Cross(S.v_vec, S.B_vec)),
           against="force_equation_of_motion",
           note="v_gc written v, the perpendicular force F_perp written F (the next line "
                "defines it)."),
    _entry(r"\vec{F}_\perp = mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B}",
           claim=sp.Eq(S.F_R, m * S.v_par**2 * b_dot_grad_b),
           against="curvature_force",
           note="the curvature (centrifugal) part of F_perp; its other terms, "
                "<q v_L x (r_L.grad)B>_perp and qE_perp, are the averaged grad-B force and "
                "the electric force."),
    _entry(r"m\frac{d\vec{v}_{\text{gc}\perp}}{dt} =  0 = \vec{F}_\perp + \vec{v}_F\times"
           r"\vec{B}(\vec{x}_\text{gc})",
           claim=sp.Eq(m * S.dv_dt, S.F_vec + Cross(S.v_F, S.B_vec)),
           against="force_equation_of_motion", specialize={S.v_vec: S.v_F},
           note="the steady state: the guiding centre moves at v_F (result written with "
                "v = v_F); its rate m dv/dt = 0 is the assumption."),
    _entry(r"\vec{v}_F = \frac{\vec{F}_\perp \times\vec{B}(\vec{x}_\text{gc})}{qB^2}",
           claim=sp.Eq(S.v_F, Cross(F_perp, S.B_vec) / (q * B**2)),
           against="force_drift"),
    _entry(r"\vec{v}_{\text{gc}\perp} = \vec{v}_F + \vec{v}_P",
           kind="definition",
           reason="splits the perpendicular guiding-centre velocity into the force drift and "
                  "a small correction v_P (a definition)"),
    _entry(r"m\frac{d(\vec{v}_F + \vec{v}_P)}{dt} = m\frac{d\vec{v}_F}{dt} = \vec{F}_\perp + "
           r"\vec{v}_F\times\vec{B}(\vec{x}_\text{gc}) + \vec{v}_P\times\vec{B}(\vec{x}_\text{gc})"
           r" \implies m\frac{d\vec{v}_F}{dt} = \vec{v}_P\times\vec{B}(\vec{x}_\text{gc})",
           claim=sp.Eq(m * S.dvF_dt, Cross(S.v_vec, S.B_vec)),
           against="polarization_force_balance", specialize={S.v_P: S.v_vec},
           note="the conclusion m dv_F/dt = v_P x B is compared; v_P is written v (the "
                "checker's frame has no free vector v_P), in the result as well. The first "
                "equation of the line lacks q on both cross products the same way."),
    _entry(r"\vec{v}_P = -\frac{m}{qB^2}\frac{d\vec{v_F}}{dt}\times\vec{B}",
           claim=sp.Eq(S.v_P, -m / (q * B**2) * Cross(S.dvF_dt, S.B_vec)),
           against="polarization_drift_general"),
    _entry(r"\vec{F}_R = - mv^2_{\text{gc}\parallel}\hat{B}\cdot\nabla\hat{B}",
           claim=sp.Eq(S.F_R, -m * S.v_par**2 * b_dot_grad_b),
           against="curvature_force"),
    _entry(r"\vec{v}_R = \frac{mv^2_{\text{gc}\parallel}}{qB^2}\vec{B}\times\hat{B}\cdot\nabla"
           r"\hat{B}",
           claim=sp.Eq(S.v_R, m * S.v_par**2 / (q * B**2) * Cross(S.B_vec, b_dot_grad_b)),
           against="curvature_drift"),
    _entry(r"= \frac{mv^2_{\text{gc}\parallel}}{qB^3}\vec{B}\times\nabla\hat{B}",
           kind="not-checkable",
           claim=sp.Eq(S.v_R, m * S.v_par**2 / (q * B**3) * Cross(S.B_vec, Grad(S.b_hat))),
           against="curvature_drift",
           reason="the checker refuses the transcription: 'gradient of a vector: "
                  "Grad(b_hat)' (nabla of the unit vector B-hat, as the note writes it)"),

    # --- 03 magnetic mirrors ---------------------------------------------------------
    _entry(r"m\frac{d v_{\text{gc}\parallel}}{dt} = -q\frac{d\varphi}{ds} + \langle q\vec{v}_L"
           r"\times(\vec{r}_\text{L}\cdot\nabla)\vec{B}(\vec{x}_\text{gc})\rangle_\parallel",
           claim=equation(S.F_parallel, Dot(S.b_hat, force_average)),
           against="mirror_force", specialize={S.dB_ds: Dot(S.b_hat, Grad(B))},
           stated=("aligned",), conditions=_IN_AXES,
           note="the parallel equation with E_par = -d varphi/ds: its averaged force "
                "<q v_L x (r_L.grad)B>_par (the note's r_L(t), v_L(t) of section 01, the "
                "average done exactly over one period) is compared with the mirror force "
                "F_par = -mu dB/ds, dB/ds = B-hat.grad B; the term -q d varphi/ds is the "
                "parallel electric force, as derivation mu_conservation starts from "
                "m dv_par/dt = -q d varphi/ds - mu dB/ds."),
    _entry(r"mv_{\text{gc}\parallel}\frac{d v_{\text{gc}\parallel}}{dt} =  \frac{d}{dt}\left("
           r"\frac{mv_{\text{gc}\parallel}^2}{2}\right) = -qv_{\text{gc}\parallel}\frac{d\varphi}"
           r"{ds} -\frac{mv_L^2}{2B} v_{\text{gc}\parallel}\frac{dB}{ds} = -q\frac{ds}{dt}"
           r"\frac{d\varphi}{ds} -\frac{mv_L^2}{2B} \frac{ds}{dt}\frac{dB}{ds} = -q"
           r"\frac{d\varphi}{dt} -\frac{mv_L^2}{2B} \frac{dB}{dt}",
           kind="not-checkable",
           claim=sp.Eq(sp.Derivative(m * S.v_par_t**2 / 2, t),
                       -q * sp.Derivative(_on_path["varphi"], t)
                       - m * S.v_perp**2 / (2 * B) * sp.Derivative(_on_path["B"], t)),
           against="energy_integral",
           reason="the checker evaluates no time derivatives along the guiding-centre path "
                  "(d/dt of v_par(t), varphi(s(t)), B(s(t))); the chain ends in "
                  "d(m v_par^2/2)/dt = -q d varphi/dt - mu dB/dt, the time derivative of the "
                  "energy integral (derivation mu_conservation), which holds",
           note="the parallel equation times v_par = ds/dt."),
    _entry(r"\frac{d}{dt}\left(\frac{mv_{\text{gc}\parallel}^2}{2} + q\varphi + \mu B\right) = 0 "
           r"\implies \frac{mv_{\text{gc}\parallel}^2}{2} + q\varphi + \mu B = \text{const}",
           claim=sp.Eq(m * S.v_par**2 / 2 + q * S.varphi_E + S.mu * B, S.W_0),
           against="energy_integral",
           note="the constant is named W_0 in the next line (the note: 'the total energy "
                "of the particle'); the time-derivative form is the derivative of this."),
    _entry(r"\frac{mv_{\text{gc}\parallel}^2}{2} + q\varphi + \mu B = W_0 \implies "
           r"v_{\text{gc}\parallel} = \sqrt{\frac{2}{m}(W_0 - \mu B)}",
           claim=sp.Eq(S.v_par, sp.sqrt(2 / m * (S.W_0 - S.mu * B))),
           against="parallel_speed",
           note="the implication drops q phi of the energy integral before it (the previous "
                "entry)"),
    _entry(r"We can see that particles with $$W_0 < \mu B$$ will be trapped by the field, "
           r"whereas particles with $$W_0 > \mu B$$ will escape it.",
           kind="not-checkable",
           reason="an inequality (trapped if W_0 < mu B, escaping if W_0 > mu B) with B not "
                  "specified: the checker judges equations only; the toolkit's escape "
                  "criterion is result critical_speed_ratio (with the loss cone, "
                  "loss_cone_angle)"),
    _entry(r"\mu = \frac{mv_{L\text{max}}^2}{2B_\text{min}}",
           claim=sp.Eq(S.mu, m * S.v_perp**2 / (2 * S.B_min)),
           against="magnetic_moment", specialize={S.B: S.B_min},
           note="at the field minimum, where the perpendicular speed v_L max is written "
                "v_perp."),
    _entry(r"\frac{mv_{L\text{max}}^2}{2B_\text{min}}B_\text{max} = W_0 = \frac{mv_0^2}{2}",
           claim=sp.Eq(m * S.v_perp**2 / (2 * S.B_min) * S.B_max, S.W_0),
           against="energy_integral",
           specialize={S.v_par: 0, S.varphi_E: 0, S.B: S.B_max,
                       S.mu: m * S.v_perp**2 / (2 * S.B_min)},
           conditions="at the mirror point B = B_max (v_par = 0), no potential; mu conserved "
                      "from B_min (previous entry)",
           note="W_0 = m v_0^2/2 is the kinetic energy (no potential), a definition."),
    _entry(r"\frac{B_\text{min}}{B_\text{max}} = \frac{v_{L\text{max}}^2}{v_0^2}",
           claim=sp.Eq(S.B_min / S.B_max, S.v_perp**2 / S.v**2),
           against="loss_cone_field_ratio",
           note="v_L max written v_perp, v_0 written v."),
]
