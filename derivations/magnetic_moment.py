"""Magnetic moment and mirror force: the gyro-averaged force in an axisymmetric field.

In an axisymmetric field B = (B_r, 0, B_z) (cylindrical r, theta, z), div B = 0
gives B_r = -(r/2) dB_z/dz near the axis.  A particle gyrating about the axis
(guiding centre on it, r = r_L) feels the axial force -q v_theta B_r; averaged
over the gyration this is F_par = -mu dB/ds with mu = m v_perp^2/(2B).  The
same mu is the current loop I A of the gyrating charge; its moment vector
(q/2) <r x v> is antiparallel to B for either sign of charge (diamagnetic);
U = -mu.B = mu B, the force -grad U = -mu grad B, and the torque mu x B vanishes.

Axes: z along the symmetry axis, the guiding centre on it; for the energy,
force and torque, z along B at the guiding centre with a general field
gradient (a choice of coordinates, not a restriction on the field).

Sources: German lecture (004) sec. 6 "Magnetischer Spiegel", "Magnetisches
Moment im Spiegel"; slides (000) "Magnetic moment"; English notes (002) sec. 03;
Chen, Introduction to Plasma Physics, sec. 2.3.3; Jackson, Classical
Electrodynamics, sec. 5.6-5.7 (moment of a current distribution, energy, torque).
"""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.bibliography import lecture_notes
from guidingcenter.codegen import Arg, NumericSpec
from guidingcenter.derivations.gradb_drift import field_about_guiding_centre
from guidingcenter.engine import DerivationBuilder, equation
from guidingcenter.vectors import Cross, Dot, Frame, Grad

NAME = "magnetic_moment"


def derive():
    q, m, r, z, B = S.q, S.m, S.r, S.z, S.B
    B_r, B_z = S.Br_of(r, z), S.Bz_of(r, z)
    b0, b1, b2 = S.b0_of(z), S.b1_of(z), S.b2_of(z)
    X, Y = S.X, S.Y
    velocity = S.components("v")
    # The field at the particle, at (X, Y) from the axis, r = sqrt(X^2 + Y^2).
    at_particle = Frame(vectors={S.B_vec: sp.Matrix([B_r * X / r, B_r * Y / r, B_z]),
                                 S.v_vec: velocity})
    d = DerivationBuilder(
        NAME, "Magnetic moment and mirror force",
        summary="In an axisymmetric field that changes along its axis, the gyro-averaged "
                "Lorentz force on a gyrating particle is $F_\\parallel = -\\mu\\,\\partial "
                "B/\\partial s$ with $\\mu = m v_\\perp^2/(2B)$, the moment $IA$ of the "
                "gyration current loop; the moment points against $\\vec{B}$ for either sign "
                "of charge (diamagnetic), $U = -\\vec{\\mu}\\cdot\\vec{B} = \\mu B$, "
                "$\\vec{F} = -\\nabla U = -\\mu\\nabla B$ and the torque "
                "$\\vec{\\mu}\\times\\vec{B}$ vanishes.",
        assumptions=[
            "Static, axisymmetric magnetic field $\\vec{B} = (B_r, 0, B_z)$ in cylindrical "
            "$(r, \\theta, z)$, nothing depending on $\\theta$; no electric field.",
            "Near the axis $B_z(r, z) = b_0(z) + b_1(z) r + b_2(z) r^2$ with general "
            "coefficients ($b_0$ the field on the axis); $\\partial B_z/\\partial z$ varies "
            "slowly with $r$, so $B_r$ is kept to first order in $r$ ($r_L \\ll L_B$).",
            "The guiding centre is on the axis; over one gyration the orbit is the "
            "uniform-field Larmor circle of radius $r_L$ about it.",
            "Energy, force and torque: axes with $z$ along $\\vec{B}$ at the guiding centre, "
            "general field gradient; the moment follows the local field with $\\mu$ constant "
            "(conserved, derivation mu_conservation).",
        ],
        frame=at_particle,
        references=["Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    "Jackson, Classical Electrodynamics, 3rd ed., sec. 5.6-5.7",
                    *lecture_notes("000", "002", "004")])

    # --- the radial field from div B = 0 ----------------------------------------------
    divergence = d.given(equation(sp.Derivative(r * B_r, r) / r + sp.Derivative(B_z, z), 0),
                         "$\\nabla\\cdot\\vec{B} = 0$ in cylindrical coordinates, "
                         "with $B_\\theta = 0$ and $\\partial/\\partial\\theta = 0$")
    expansion = d.given(equation(B_z, b0 + b1 * r + b2 * r**2),
                        "$B_z$ near the axis, to second order in $r$, general coefficients")
    divergence = d.substitute_steps(divergence, [expansion], "insert the expansion of $B_z$")
    divergence = d.apply(divergence, _z_derivatives, "carry out the $z$ derivatives",
                         "differentiation in $z$")
    integrated = d.apply(divergence, _integrate_from_axis,
                         "multiply by $r$ and integrate from the axis, where $r B_r = 0$",
                         "integral over $r$ from 0")
    radial = d.solve(integrated, B_r, "solve for $B_r$")
    radial = d.apply(radial, lambda side: _first_order(side, r),
                     "first order in $r$: $\\partial B_z/\\partial z$ taken at $r = 0$",
                     "Taylor truncation at order 1 in $r$", lhs=B_r)
    radial = d.claim(equation(B_r, -r / 2 * sp.Derivative(b0, z)),
                     "$B_r \\approx -(r/2)\\,\\partial B_z/\\partial z$ on the axis (Chen "
                     "sec. 2.3.3)")
    d.result("mirror_radial_field", radial, "radial field near the axis")

    # --- the orbit about the axis ------------------------------------------------------
    orbit = d.imported(registry.result("larmor_orbit"), "Larmor orbit (derivation gyration)")
    speed = d.imported(registry.result("larmor_velocity"),
                       "Larmor velocity (derivation gyration)")
    d.meaning(d.imported(registry.result("gyrofrequency"),
                         "gyrofrequency (derivation gyration)"))
    d.meaning(d.imported(registry.result("gyroradius"), "Larmor radius (derivation gyration)"))
    d.define(B, b0, "on the axis $B_r = 0$: the field strength at the guiding centre is $b_0(z)$")
    now = {S.phi: S.phi - S.omega_c * S.t, S.X_gc: 0, S.Y_gc: 0}
    offsets = [(orbit.statement.rhs[i] - (S.X_gc, S.Y_gc)[i]).subs(now) for i in range(2)]
    on_orbit = {X: offsets[0], Y: offsets[1]}
    on_orbit.update(dict(zip(velocity, [c.subs(now) for c in speed.statement.rhs])))

    # --- the gyro-averaged Lorentz force -----------------------------------------------
    law = d.given(equation(S.F_vec, q * Cross(S.v_vec, S.B_vec)),
                  "Lorentz force at the particle, $\\vec{B}$ in Cartesian components")
    law = d.in_components(law, "components: $B_x = B_r X/r$, $B_y = B_r Y/r$")
    gyrating = d.combine([law, orbit, speed],
                         lambda f, *_: equation(f.lhs, f.rhs.subs(on_orbit)),
                         "on the orbit, gyrophase $\\phi$ at the current time", "substitution")
    averaged = d.average(gyrating, S.phi, "average over the gyrophase: only the axial "
                                          "force survives", lhs=S.F_avg)
    squared = d.combine([orbit], lambda o: equation(r**2, sp.simplify(
        offsets[0]**2 + offsets[1]**2)), "squared distance from the axis on the orbit, "
                                         "guiding centre on the axis", "sum of squares")
    radius = d.apply(squared, sp.sqrt, "the orbit is the circle $r = v_\\perp/|\\omega_c|$",
                     "square root")
    d.meaning(radius)
    d.claim(equation(r, S.r_L), "the particle stays at $r = r_L$")
    azimuthal = d.given(equation(S.v_theta, (X * velocity[1] - Y * velocity[0]) / r),
                        "azimuthal velocity at the particle")
    azimuthal = d.combine([azimuthal, orbit, speed],
                          lambda a, *_: equation(a.lhs, sp.simplify(a.rhs.subs(on_orbit))),
                          "on the orbit", "substitution")
    d.meaning(d.claim(equation(S.v_theta, -sp.sign(q) * S.v_perp),
                      "$v_\\theta = \\mp v_\\perp$ for $q \\gtrless 0$: ions gyrate "
                      "left-handedly about $\\vec{B}$, clockwise when $\\vec{B}$ points "
                      "toward the viewer (derivation gyration)"))
    d.result("gyration_sense", d.steps[-1], "sense of gyration: $v_\\theta = -v_\\perp\\,"
                                            "\\mathrm{sign}(q)$ about $\\vec{B}$")
    axial = d.claim(equation(S.F_avg, sp.Matrix([0, 0, -q * S.v_theta * B_r])),
                    "$\\langle F_z\\rangle = -q v_\\theta B_r$, the $z$ component of "
                    "$q\\vec{v}\\times\\vec{B}$ in cylindrical components", of=averaged)
    d.result("mirror_axial_force", axial, "mean axial force $-q v_\\theta B_r$")
    axial = d.substitute_steps(axial, [radial], "insert $B_r$ at first order in $r$")
    d.claim(equation(S.F_avg, sp.Matrix([0, 0, -sp.Abs(q) * S.v_perp * S.r_L / 2
                                          * sp.Derivative(b0, z)])),
            "$\\langle F_z\\rangle = -\\frac{1}{2}|q| v_\\perp r_L\\,\\partial B_z/\\partial z$")
    d.claim(equation(S.F_avg, sp.Matrix([0, 0, -q * S.v_perp**2 / (2 * S.omega_c)
                                          * sp.Derivative(b0, z)])),
            "with $r_L = v_\\perp/|\\omega_c|$")
    in_field = d.claim(equation(S.F_avg, sp.Matrix([0, 0, -m * S.v_perp**2 / (2 * B)
                                                     * sp.Derivative(b0, z)])),
                       "with $\\omega_c = qB/m$: independent of the sign of $q$")
    parallel = d.apply(in_field, lambda side: side[2], "on the axis $\\vec{B}$ is along "
                                                       "$z$: the mean force is parallel to it",
                       "z component", lhs=S.F_parallel)
    moment = d.define(S.mu, m * S.v_perp**2 / (2 * B), "the magnetic moment")
    d.define(S.dB_ds, sp.Derivative(b0, z), "on the axis the field line is the $z$ axis: "
                                            "$s = z$ and $B = b_0(z)$")
    mirror = d.claim(equation(S.F_parallel, -S.mu * S.dB_ds),
                     "the mirror force $F_\\parallel = -\\mu\\,\\partial B/\\partial s$",
                     of=parallel)
    d.result("magnetic_moment", moment, "magnetic moment $\\mu = m v_\\perp^2/(2B)$")
    d.result("mirror_force", mirror, "mirror force $F_\\parallel = -\\mu\\,\\partial B/"
                                     "\\partial s$")

    # --- the current loop --------------------------------------------------------------
    current = d.define(S.I, sp.Abs(q) * sp.Abs(S.omega_c) / (2 * sp.pi),
                       "current of the gyration: the charge $|q|$ passes once per period "
                       "$2\\pi/|\\omega_c|$")
    d.result("gyration_current", current, "current of the gyration")
    area = d.define(S.A, sp.pi * S.r_L**2, "area enclosed by the orbit")
    d.claim(equation(S.A, sp.pi * S.v_perp**2 / S.omega_c**2),
            "$A = \\pi v_\\perp^2/\\omega_c^2$ (notes 004 print $\\pi v_\\perp/\\omega_c^2$)")
    d.result("gyration_area", d.steps[-1], "area of the Larmor orbit")
    loop = d.combine([current, area], lambda i, a: equation(i.lhs * a.lhs, i.rhs * a.rhs),
                     "moment of the current loop", "product")
    d.claim(equation(S.I * S.A, q * S.v_perp**2 / (2 * S.omega_c)),
            "$IA = q v_\\perp^2/(2\\omega_c)$ (notes 004)")
    loop = d.claim(equation(S.mu, S.I * S.A), "the magnetic moment is the moment $IA$ of the "
                                              "gyration current loop", of=loop)
    d.result("moment_current_loop", loop, "$\\mu = IA$ for the gyration current loop")

    # --- the moment vector -------------------------------------------------------------
    d.use_frame(Frame(vectors={S.r_vec: sp.Matrix([X, Y, 0]), S.v_vec: velocity,
                               S.B_vec: sp.Matrix([0, 0, B])},
                      scalars={S.omega_c: q * B / m, S.mu: m * S.v_perp**2 / (2 * B)}))
    dipole = d.given(equation(S.mu_vec, q / 2 * Cross(S.r_vec, S.v_vec)),
                     "moment $\\frac{1}{2}\\int\\vec{r}\\times\\vec{j}\\,d^3r$ of the moving "
                     "charge, $\\vec{j} = q\\vec{v}\\,\\delta(\\vec{x} - \\vec{x}_p)$, "
                     "about the guiding centre; $\\vec{B} = B\\hat{z}$ there")
    dipole = d.in_components(dipole, "components")
    dipole = d.combine([dipole, orbit, speed],
                       lambda p, *_: equation(p.lhs, p.rhs.subs(on_orbit)),
                       "on the orbit", "substitution")
    dipole = d.average(dipole, S.phi, "average over the gyration", lhs=S.mu_vec)
    dipole = d.substitute(dipole, {S.omega_c: q * B / m}, "with $\\omega_c = qB/m$")
    d.apply(dipole, lambda side: side.diff(q), "independent of $q$: ions and electrons are "
                                               "both diamagnetic", "derivative",
            lhs=sp.Derivative(S.mu_vec, q, evaluate=False))
    vector = d.claim(equation(S.mu_vec, -m * S.v_perp**2 / (2 * B**2) * S.B_vec),
                     "antiparallel to $\\vec{B}$: the gyrating particle is diamagnetic",
                     of=dipole)
    d.claim(equation(S.mu_vec, -S.mu * S.B_vec / B), "of magnitude $\\mu$")
    d.result("moment_vector", vector, "diamagnetic moment $\\vec{\\mu} = -(m v_\\perp^2/"
                                      "(2B^2))\\,\\vec{B}$")

    # --- energy, force, torque in a general field --------------------------------------
    position, field = field_about_guiding_centre()
    d.use_frame(Frame(vectors={S.B_vec: field, S.mu_vec: -S.mu * S.B_vec / B},
                      scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))}, position=position))
    d.given(equation(S.mu_vec, -S.mu * S.B_vec / B),
            "the moment follows the local field, $\\mu$ constant (adiabatic invariant)")
    energy = d.define(S.U, -Dot(S.mu_vec, S.B_vec), "potential energy of a magnetic moment "
                                                    "(slides 000)")
    energy = d.claim(equation(S.U, S.mu * B), "$U = \\mu B$: the energy of the diamagnetic "
                                               "moment grows with $B$")
    d.result("moment_energy", energy, "$U = -\\vec{\\mu}\\cdot\\vec{B} = \\mu B$")
    force = d.given(equation(S.F_vec, -Grad(S.U)), "force from the potential energy")
    force = d.in_components(force, "components at the guiding centre")
    force = d.claim(equation(S.F_vec, -S.mu * Grad(B)), "$\\vec{F} = -\\mu\\nabla B$: along "
                                                         "$\\vec{B}$ the mirror force")
    d.result("moment_force", force, "$\\vec{F} = -\\nabla U = -\\mu\\nabla B$")
    torque = d.given(equation(S.N_vec, Cross(S.mu_vec, S.B_vec)), "torque on a magnetic moment")
    torque = d.in_components(torque, "components")
    torque = d.claim(equation(S.N_vec, sp.zeros(3, 1)), "no torque: the moment is "
                                                         "antiparallel to $\\vec{B}$")
    d.result("moment_torque", torque, "torque $\\vec{\\mu}\\times\\vec{B} = 0$ on the "
                                      "diamagnetic moment")
    _numeric_functions(d)
    return d.build()


def _z_derivatives(side):
    """Carry out the derivatives with respect to z only (the r-derivative stays)."""
    return side.replace(lambda e: isinstance(e, sp.Derivative) and e.variables == (S.z,),
                        lambda e: e.doit())


def _integrate_from_axis(side):
    """r * side integrated over r from 0 to r (r B_r vanishes on the axis)."""
    rho = sp.Dummy("rho", positive=True)
    return sp.integrate(sp.expand(side * S.r).subs(S.r, rho), (rho, 0, S.r))


def _first_order(side, coordinate):
    series = sp.expand(side)
    return sum(series.coeff(coordinate, k) * coordinate**k for k in range(2))


def _numeric_functions(d):
    d.numeric_function(NumericSpec(
        "magnetic_moment", "Magnetic moment of a gyrating charged particle.", "magnetic_moment",
        args=(Arg("v_perp", S.v_perp, "m/s", "Speed across B", check="nonnegative"),
              Arg("B", S.B, "T", "Magnetic field strength at the guiding centre",
                  check="positive")),
        returns=("J/T", "Magnetic moment m v_perp^2 / (2 B) (A m^2)"),
        particle=("m",),
        light_speed=("v_perp",),
        example={"v_perp": 1e5, "B": 1e-5, "particle": "p+"},
        notes="Non-relativistic: relativistically the invariant is p_perp^2/(2 m B), larger "
              "by gamma^2 (1 percent at 2.5 keV for electrons, 4.7 MeV for protons). The "
              "moment points against B for either sign of charge. It is an adiabatic "
              "invariant only while B changes little over a gyration (r_L small against "
              "B/|grad B|, slow against the gyrofrequency).",
        references=("Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    "lecture notes 004, 'Magnetisches Moment im Spiegel'")))
    d.numeric_function(NumericSpec(
        "mirror_force", "Mirror force on the guiding centre along the field.", "mirror_force",
        args=(Arg("mu", S.mu, "J/T", "Magnetic moment", check="nonnegative"),
              Arg("dB_ds", S.dB_ds, "T/m", "Derivative of |B| along the field line, in the "
                  "direction of B")),
        returns=("N", "Parallel force -mu dB/ds (positive along B)"),
        example={"mu": 1e-12, "dB_ds": 1e-9},
        notes="Gyro-averaged force, first order in r_L/L_B: it describes the guiding "
              "centre, not the instantaneous force, and stops holding when B changes "
              "appreciably over a Larmor radius. It pushes particles of either charge "
              "towards weaker field, so the parallel motion reverses where B is strong.",
        references=("Chen, Introduction to Plasma Physics, sec. 2.3.3",
                    "lecture notes 004, 'Magnetisches Moment im Spiegel'")))


if __name__ == "__main__":
    from guidingcenter.render import latex_fragment
    print(latex_fragment(derive()))
