"""Catalogue entries of note 000 (see guidingcenter.catalog.model.Entry).

English slides on the magnetic moment: the mirror force, the definition of mu,
energy and force of a magnetic moment, mu conservation.
"""

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.catalog.model import Entry
from guidingcenter.vectors import Cross, Dot, Grad

SOURCE = "000_c8fd257ad00e115c.txt"

R = sp.Symbol("R", positive=True)   # the slide's "R" in mu = (m v_perp^2/2)/R (undefined there)
t = S.t
_B_on_path = S.B_of_s(S.s_t)        # the field where the guiding centre is at time t


def _entry(quote, **fields):
    return Entry(source=SOURCE, quote=quote, **fields)


ENTRIES = [
    _entry(r"F_{z} \approx -\frac{m \ v_{\theta}^{2}}{2 \ B \ (0,z)} "
           r"\frac{\partial B \ (0,z)}{\partial z}",
           claim=sp.Eq(S.F_parallel, -S.m * S.v_perp**2 / (2 * S.B) * S.dB_ds),
           against="mirror_force", approximate=True,
           conditions="on the axis of an axisymmetric field (r = 0), where F_z is F_parallel "
                      "and d/dz is d/ds",
           note="v_theta is the azimuthal (gyration) velocity; on the Larmor orbit "
                "v_theta = -sgn(q) v_perp (derivation magnetic_moment), so v_theta^2 = "
                "v_perp^2; B(0,z) is the field on the axis, B at the guiding centre."),
    _entry(r"F_{//} \approx -\mu \ \nabla_{//} B",
           claim=sp.Eq(S.F_parallel, -S.mu * S.dB_ds),
           against="mirror_force", approximate=True,
           note="'general form' of the previous formula; nabla_// B is dB/ds along the line."),
    _entry(r"\mu = \frac{m \ v_{\perp}^{2} \ / \ 2}{B}",
           claim=sp.Eq(S.mu, S.m * S.v_perp**2 / 2 / S.B),
           against="magnetic_moment",
           note="The next line of the slide, '= \\mu (magnetic moment)', names this "
                "expression; it carries nothing further to check."),
    _entry(r"F = -\nabla U = -\nabla \left(-\mu \cdot B\right) = -|\mu| \nabla B",
           claim=sp.Eq(S.F_vec, -S.mu * Grad(S.B)),
           against="moment_force",
           note="The chain ends in F = -|mu| grad B, which is compared; U = -mu.B is "
                "the potential-energy definition (entry 'potential energy'). The line "
                "appears twice, verbatim, on the slide: one entry."),
    _entry(r"\text{gyrating charged particle $\Rightarrow$ diamagnetic moment}",
           kind="not-checkable",
           reason="qualitative statement; its formula, mu = -|mu| B/B (moment against B), "
                  "is the next entry, checked against moment_vector",
           note="derivation magnetic_moment shows the moment is antiparallel to B for "
                "either sign of charge."),
    _entry(r"\mu = -|\mu| \frac{B}{B}",
           claim=sp.Eq(S.mu_vec, -S.mu * S.B_vec / S.B),
           against="moment_vector",
           note="bold mu and bold B over plain B: the moment vector is -|mu| times the unit "
                "vector of B (diamagnetic)."),
    _entry(r"|\mu| \sim const.",
           claim=sp.Eq(sp.Derivative(S.mu_t, t), 0),
           against="mu_invariant",
           note="'|mu| ~ const.': mu is conserved (adiabatically), d|mu|/dt = 0."),
    _entry(r"m \frac{d v_{\parallel}}{dt} = F_{\parallel} \approx -\mu \nabla_{\parallel} B",
           claim=sp.Eq(S.F_parallel, -S.mu * S.dB_ds),
           against="mirror_force", approximate=True,
           note="m dv_par/dt = F_par is Newton's law along B; the force F_par ~ -mu "
                "grad_par B is compared."),
    _entry(r"\frac{d}{dt} \left( \frac{1}{2} m v_{\parallel}^2 \right) \sim - \mu \frac{dB}{dt}",
           kind="not-checkable",
           claim=sp.Eq(sp.Derivative(S.m * S.v_par_t**2 / 2, t),
                       -S.mu * sp.Derivative(_B_on_path, t)),
           against="energy_integral",
           reason="the checker evaluates no time derivatives along the guiding-centre path "
                  "(d/dt of v_par(t) and B(s(t))); the statement is the time derivative of "
                  "the energy integral m v_par^2/2 + q varphi + mu B = W_0 with varphi = 0 "
                  "(derivation mu_conservation), which holds",
           note="obtained from the parallel equation of motion times v_par = ds/dt."),
    _entry(r"\frac{d}{dt} \left( \mu B \right) = \frac{d}{dt} \left( \frac{m v_{\perp}^{2}}{2 B} B "
           r"\right) = \frac{d}{dt} \left( \frac{m v_{\perp}^{2}}{2} \right) = -\frac{d}{dt} "
           r"\left( \frac{1}{2} m v_{\parallel}^{2} \right)",
           kind="not-checkable",
           claim=sp.Eq(sp.Derivative(S.mu_t * _B_on_path, t),
                       -sp.Derivative(S.m * S.v_par_t**2 / 2, t)),
           against="energy_integral",
           reason="the checker evaluates no time derivatives along the guiding-centre path; "
                  "the chain uses mu = m v_perp^2/(2B) (checked above) and the conservation "
                  "of kinetic energy (next entry); the end, d(mu B)/dt = -d(m v_par^2/2)/dt, "
                  "is the time derivative of the energy integral with varphi = 0 "
                  "(derivation mu_conservation), which holds",
           note="the middle step treats mu as the combination m v_perp^2/(2B) at each time."),
    _entry(r"\frac{d}{dt} \left( \frac{1}{2} m v_{\parallel}^2 + \frac{1}{2} m "
           r"v_{\perp}^2 \right) = 0",
           kind="definition",
           claim=sp.Eq(sp.Derivative(S.m * S.v_par_t**2 / 2 + S.m * S.v_perp_t**2 / 2, t), 0),
           reason="conservation of kinetic energy in a static magnetic field: the magnetic "
                  "force does no work, v.(q v x B) = 0 (shown in derivation gyration, taken "
                  "as given in mu_conservation)"),
    _entry(r"Lorentz force does not do any work on a particle.  $v_{ii}^2 + v_{ij}^2 = "
           r"v_{ij}^2 = const.$",
           kind="definition",
           reason="the magnetic force does no work, so the speed is constant: the garbled "
                  "'v_ii^2 + v_ij^2 = v_ij^2 = const.' reads v_par^2 + v_perp^2 = v^2 = const "
                  "(shown in derivation gyration: v.(q v x B) = 0)"),
    _entry(r"$$\frac{d\mu}{dt} \sim 0$$",
           claim=sp.Eq(sp.Derivative(S.mu_t, t), 0),
           against="mu_invariant",
           note="'~ 0': zero to first order in r_L/L_B (adiabatic invariant). The same "
                "formula appears again, verbatim, in the sentence on the conservation of "
                "the magnetic moment ('adiabatic invariant:  \\frac{d\\mu}{dt} \\sim 0'): "
                "one entry."),
    _entry(r"\mu = \frac{m v_{\perp}^2 / 2}{R} = const.",
           claim=sp.Eq(S.mu, S.m * S.v_perp**2 / 2 / R),
           against="magnetic_moment",
           note="the slide writes R (not defined anywhere) where B stands in the same "
                "formula above; '= const.' is the conservation, entry '\\frac{d\\mu}{dt} "
                "\\sim 0'."),
    _entry(r"\mu \equiv \frac{1}{2} \int_{V} \mathbf{r} \times \mathbf{j} \, d\mathbf{r}^{3}",
           kind="definition",
           reason="definition of the magnetic moment of a current distribution (Jackson "
                  "sec. 5.6); derivation magnetic_moment applies it to the gyrating charge "
                  "and finds the moment_vector result"),
    _entry(r"$$\mu = q_{m} \, \mathbf{l}$$",
           kind="definition",
           reason="moment of a magnetic dipole in the pole picture: pole strength q_m times "
                  "the separation vector l (a definition; magnetic poles are not modelled)"),
    _entry(r"\parallel \mathbf{q} = q_{m} \, \mathbf{l}",
           kind="not-checkable",
           reason="garbled OCR repeating the previous line (mu = q_m l); nothing further "
                  "to check"),
    _entry(r"U = - \boldsymbol{\mu} \cdot \boldsymbol{B}_{\scriptscriptstyle 0}",
           kind="definition",
           claim=sp.Eq(S.U, -Dot(S.mu_vec, S.B_vec)),
           reason="potential energy of a magnetic moment in the field B_0 (definition); "
                  "derivation magnetic_moment uses it and derives U = mu B for the "
                  "diamagnetic moment (result moment_energy)"),
    _entry(r"force:  $\boldsymbol{F} = -\nabla U$",
           kind="definition",
           reason="force from a potential energy (definition); with U = mu B it gives "
                  "-mu grad B (result moment_force, entry 'F = -\\nabla U = ...')"),
    _entry(r"torque:  $N = \mu \times \boldsymbol{B}_0$",
           kind="definition",
           claim=sp.Eq(S.N_vec, Cross(S.mu_vec, S.B_vec)),
           reason="torque on a magnetic moment (definition); for the diamagnetic moment of "
                  "a gyrating particle it vanishes (result moment_torque)"),
    _entry(r"\mu = \frac{q}{2m} L_s",
           kind="not-checkable",
           reason="not derived by the toolkit: the magnetic moment of a spinning charge "
                  "(gyromagnetic ratio q/(2m) of a classical rotating charge; an electron's "
                  "spin moment has g = 2.0023 times this)"),
    _entry(r"angular momentum  $\boldsymbol{L}_S$  ... quantized by  $\boldsymbol{\hbar}$",
           kind="not-checkable",
           reason="quantum mechanics (spin quantized in units of hbar) is not modelled by "
                  "the toolkit"),
]
