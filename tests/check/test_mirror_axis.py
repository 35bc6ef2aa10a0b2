"""The mirror force on the axis, the flux and the action of the gyration, dW_perp/dt = mu dB/dt
(derivation mirror_axis) as textbooks print them, each beside misprints that must be refused.

Sources: Chen, Introduction to Plasma Physics, sec. 2.3.3 (B_r near the axis, F_z, its
average, d(m v_par^2/2 + mu B)/dt = 0) and 2.8.1 (flux and action of the gyration); Bellan,
Fundamentals of Plasma Physics, sec. 3.5 (B_r = -(r/2) dB_z/dz, (1/W_perp) dW_perp/dt =
(1/B) dB/dt); Baumjohann and Treumann, Basic Space Plasma Physics, ch. 2 (the flux
B pi r_g^2 = (2 pi m/q^2) mu, gyroradius r_g); lecture notes 004 (r B_r as an integral).
"""

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.formula import check_text
from guidingcenter.check.latex.table import latex_key

AXIS = r"\left[ \frac{\partial B_z}{\partial z} \right]_{r=0}"


def verdict(text):
    found = check_text(text)
    return found[-1] if len(found) == 1 else min(found, key=lambda v: v.ok)


@pytest.mark.parametrize("text, against, condition", [
    # Chen 2.3.3
    (rf"B_r = -\frac{{1}}{{2}} r {AXIS}", "axis_radial_field", ""),
    (r"F_z = -q v_\theta B_r", "axial_lorentz_force", ""),
    (r"\bar{F}_z = \mp \frac{1}{2} q v_\perp r_L \frac{\partial B_z}{\partial z}",
     "axial_force_average", "non-relativistic"),
    (r"\frac{d}{dt}\left(\frac{1}{2} m v_\parallel^2 + \mu B\right) = 0",
     "energy_integral", ""),
    # Chen 2.8.1
    (r"\oint p \, dq = m v_\perp (2\pi r_L) = \frac{2\pi m v_\perp^2}{\omega_c} = "
     r"4\pi \frac{m}{|q|} \mu", "gyration_action", "non-relativistic"),
    (r"\Phi = B \pi r_L^2 = \frac{2\pi m}{q^2} \mu", "orbit_flux", "non-relativistic"),
    # Bellan 3.5: the on-axis derivative written plainly, the logarithmic rates
    (r"B_r = -\frac{r}{2}\frac{\partial B_z}{\partial z}", "axis_radial_field", ""),
    (r"\frac{1}{W_\perp}\frac{dW_\perp}{dt} = \frac{1}{B}\frac{dB}{dt}",
     "perpendicular_energy_rate", ""),
    # Baumjohann-Treumann ch. 2: r_g for the gyroradius
    (r"\Phi = B \pi r_g^2 = \frac{2\pi m}{q^2}\mu", "orbit_flux", "non-relativistic"),
    # other spellings: a prime for the on-axis derivative, an average in brackets, the
    # integral form of lecture notes 004, the rate of the perpendicular energy
    (r"B_r = -\frac{r}{2} B_z'(0)", "axis_radial_field", ""),
    (r"\langle F_z \rangle = -\mu \frac{\partial B_z}{\partial z}", "mirror_force", ""),
    (rf"rB_r = -\int_0^r r \frac{{\partial B_z}}{{\partial z}} dr \approx "
     rf"-\frac{{1}}{{2}} r^2 {AXIS}", "axis_radial_field_flux", ""),
    (r"\frac{dK_\perp}{dt} = \mu\frac{dB}{dt}", "perpendicular_energy_rate", ""),
    (r"\frac{1}{2} m v_\parallel^2 + \mu B = \mathrm{const}", "energy_integral", ""),
])
def test_the_textbook_forms_hold_against_the_derived_result(text, against, condition):
    found = check_text(text)
    assert all(v.ok for v in found), [(v.verdict, v.diagnosis) for v in found]
    assert {v.against for v in found} & {against}
    worst = verdict(text)
    assert (worst.verdict == "holds-with-condition") == bool(condition)
    assert condition in worst.condition


@pytest.mark.parametrize("text, kind", [
    # a factor 2
    (rf"B_r = -r {AXIS}", "factor"),
    (r"F_z = -2 q v_\theta B_r", "factor"),
    (r"\bar{F}_z = \mp q v_\perp r_L \frac{\partial B_z}{\partial z}", "factor"),
    (r"\Phi = \frac{\pi m}{q^2}\mu", "factor"),
    (r"\oint p\,dq = \frac{\pi m v_\perp^2}{\omega_c}", "factor"),
    (r"\frac{dW_\perp}{dt} = 2\mu\frac{dB}{dt}", "factor"),
    # a flipped sign
    (rf"B_r = \frac{{1}}{{2}} r {AXIS}", "sign"),
    (r"F_z = q v_\theta B_r", "sign"),
    (r"\langle F_z \rangle = \mu \frac{\partial B_z}{\partial z}", "sign"),
    (r"\Phi = -\frac{2\pi m}{q^2}\mu", "sign"),
    (r"\frac{dW_\perp}{dt} = -\mu\frac{dB}{dt}", "sign"),
    (r"\frac{d}{dt}\left(\frac{1}{2} m v_\parallel^2 - \mu B\right) = 0", "term-sign"),
    # a wrong exponent
    (rf"B_r = -\frac{{1}}{{2}} r^2 {AXIS}", "exponent"),
    (r"F_z = -q v_\theta^2 B_r", "exponent"),
    (r"\bar{F}_z = -\frac{1}{2}|q| v_\perp^2 r_L \frac{\partial B_z}{\partial z}", "exponent"),
    (r"\Phi = \frac{2\pi m}{q}\mu", "exponent"),
    (r"\oint p\,dq = \frac{2\pi m v_\perp}{\omega_c}", "exponent"),
    (r"\frac{1}{W_\perp}\frac{dW_\perp}{dt} = \frac{1}{B^2}\frac{dB}{dt}", "exponent"),
])
def test_a_misprint_is_refused_with_its_edit(text, kind):
    found = verdict(text)
    assert found.verdict == "erratum", (found.verdict, found.reason)
    assert found.edits and found.edits[0][0] == kind, found.diagnosis


def test_a_closed_path_integral_is_one_name_the_table_knows():
    assert latex_key(r"\oint p\,dq") == latex_key(r"\oint p \, dq") == r"\oint{p}d{q}"
    assert latex_key(r"\oint p^2 dq") is None               # not a name: an integral
    found = check_text(r"\oint p\,dq = 4\pi \frac{m}{|q|} \mu")[-1]
    assert found.against == "gyration_action_moment"


def test_the_derivation_publishes_chens_steps_with_their_conditions():
    derivation = registry.derivation("mirror_axis")
    results = {r.name: r for r in derivation.results}
    half = sp.Rational(1, 2)
    assert results["axis_radial_field"].statement == sp.Eq(S.B_r, -half * S.r * S.dB_ds)
    assert results["axial_lorentz_force"].statement == sp.Eq(S.F_z,
                                                             -S.q * S.v_theta * S.B_r)
    assert results["orbit_flux_moment"].expression == 2 * sp.pi * S.m * S.mu / S.q**2
    assert results["gyration_action_moment"].expression == 4 * sp.pi * S.m * S.mu / \
        sp.Abs(S.q)
    newtonian = {n for n, r in results.items() if "nonrelativistic" in r.conditions}
    assert newtonian == {"axial_force_average", "orbit_flux", "orbit_flux_moment",
                         "gyration_action", "gyration_action_moment"}
    # the average is linked to the mirror force of magnetic_moment, not published again
    assert any(s.proof.detail == "magnetic_moment:mirror_force" for s in derivation.steps)
    # without an electric field, d(m v_par^2/2 + mu B)/dt = 0 is proved (its last step); the
    # checker compares such a claim with energy_integral, phi constant along the path
    assert derivation.steps[-1].statement == sp.Eq(sp.Derivative(
        S.m * S.v_par_t**2 / 2 + S.mu * S.B_of_s(S.t), S.t), 0)


def test_a_conserved_sum_without_the_potential_holds_but_w0_without_it_needs_phi_zero():
    # d/dt (m v_par^2/2 + mu B) = 0 holds wherever phi is constant along the path (Chen
    # 2.3.3); W_0 itself, the total energy, differs from m v_par^2/2 + mu B by q phi
    assert verdict(r"\frac{d}{dt}\left(\frac{1}{2} m v_\parallel^2 + \mu B\right) = 0").verdict \
        == "holds"
    found = verdict(r"v_\parallel = \sqrt{\frac{2}{m}(W_0 - \mu B)}")
    assert found.verdict == "holds-with-condition" and "varphi = 0" in found.condition
