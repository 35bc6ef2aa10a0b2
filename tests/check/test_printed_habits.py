"""Habits of printed formulas and code from references the toolkit was not built on, each
with a wrong version that must be refused.

Sources: the NRL Plasma Formulary (omega_ci = 9.58e3 Z mu^-1 B rad/s, mu = m_i/m_p, B in
gauss; f_ci = 1.52e3 Z mu^-1 B Hz); plain TeX ``\\over`` and ``_\\circ`` (LANLGeoMag's
documentation); the French wedge for the cross product; the physics package's ``\\vb``;
guiding-centre velocities written as a sum of drifts (Northrop, Bellan); Hamlin et al.'s
T(y) in colatitude; code names of RAPT and similar codes.
"""

import pytest

from guidingcenter.check.formula import check_text


def verdict(text, latex=True):
    found = check_text(text, latex=latex)
    return min(found, key=lambda v: v.ok)          # a chain is as good as its worst link


def holds_and_refuses(right, wrong, latex=True):
    """The form as printed holds (with or without a condition); its misprint is an erratum."""
    assert verdict(right, latex).ok, right
    assert verdict(wrong, latex).verdict == "erratum", wrong


@pytest.mark.parametrize("right, wrong, kind", [
    # NRL: the powers of Z and mu are checked with an ion other than the proton
    (r"\omega_{ci} = 9.58\times10^{3} Z\mu^{-1} B\ \mathrm{rad/s}",
     r"\omega_{ci} = 9.58\times10^{3} Z^2\mu^{-1} B\ \mathrm{rad/s}", "exponent"),
    (r"f_{ci} = 1.52\times10^{3} Z\mu^{-1} B\ \mathrm{Hz}",
     r"f_{ci} = 1.52\times10^{5} Z\mu^{-1} B\ \mathrm{Hz}", "factor"),
    # NRL's gyroradii at the thermal speed (T in eV, B in gauss, lengths in cm)
    (r"r_e = 2.38\,T_e^{1/2}B^{-1}\ \mathrm{cm}", r"r_e = 238\,T_e^{1/2}B^{-1}\ \mathrm{cm}",
     "factor"),
    (r"r_i = 1.02\times10^{2}\,\mu^{1/2}Z^{-1}T_i^{1/2}B^{-1}\ \mathrm{cm}",
     r"r_i = 1.02\times10^{2}\,\mu^{1/2}Z^{-2}T_i^{1/2}B^{-1}\ \mathrm{cm}", "exponent"),
    # a temperature with Boltzmann's constant: kT = m v_T^2/2 or m v_T^2 (the misprint is
    # diagnosed in NRL's reading, the first: "extra factor sqrt(2)/B")
    (r"r_{Le} = \frac{\sqrt{2 m_e k_B T_e}}{e B}", r"r_{Le} = \frac{\sqrt{2 m_e k_B T_e}}{e B^2}",
     None),
    # plain TeX's \over, a nought subscript written as a circle
    (r"\mu = {p_\perp^2 \over 2 m_\circ B }", r"\mu = {p_\perp^2 \over 2 m_\circ B^2 }",
     "exponent"),
    (r"B = {M\over r^3_\circ} {[4-3\cos^2\lambda ]^{1/2}\over \cos^6\lambda }",
     r"B = {M\over r^3_\circ} {[4-3\cos^2\lambda ]^{1/2}\over \cos^3\lambda }", "exponent"),
    # the French wedge, the physics package, a squared vector, a field at a point
    (r"\mathbf{V}_0 = \frac{\mathbf{E}\wedge\mathbf{B}}{B^2}",
     r"\mathbf{V}_0 = -\frac{\mathbf{E}\wedge\mathbf{B}}{B^2}", "sign"),
    (r"\vb{v}_E = \frac{\vb{E}\times\vb{B}}{\vb{B}^2}",
     r"\vb{v}_E = \frac{\vb{B}\times\vb{E}}{\vb{B}^2}", "cross-order"),
    (r"\mathbf{v}_E = \frac{\mathbf{E}(\mathbf{x})\times\mathbf{B}(\mathbf{x})}{B^2}",
     r"\mathbf{v}_E = \frac{\mathbf{E}(\mathbf{x})\times\mathbf{B}(\mathbf{x})}{B^3}",
     "exponent"),
    # plain letters for vectors in a sum, a product written with a full stop
    (r"m\frac{d\mathbf{v}}{dt} = q(E + v\times B)", r"m\frac{d\mathbf{v}}{dt} = q(E - v\times B)",
     None),
    (r"\rho = m.v_\perp / (|q|B)", r"\rho = m.v_\perp / (|q|B^2)", "exponent"),
    # the electrons' diamagnetic drift written with e: q = -e fixes the sign
    (r"\mathbf{v}_{*e} = -\frac{\mathbf{B}\times\nabla p_e}{e n_e B^2}",
     r"\mathbf{v}_{*e} = \frac{\mathbf{B}\times\nabla p_e}{e n_e B^2}", "cross-order"),
    (r"\mathbf{v}_{pe} = -\frac{m_e}{eB^2}\frac{d\mathbf{E}_\perp}{dt}",
     r"\mathbf{v}_{pe} = \frac{m_e}{eB^2}\frac{d\mathbf{E}_\perp}{dt}", "sign"),
    # a unit vector decorated twice with its subscript outside; the gradient scale length
    (r"\mathbf{v}_c = \frac{m v_\parallel^2}{qB}\frac{\hat{\mathbf{R}}_c\times\hat{\mathbf{b}}}{R_c}",
     r"\mathbf{v}_c = \frac{m v_\parallel^2}{qB}\frac{\hat{\mathbf{b}}\times\hat{\mathbf{R}}_c}{R_c}",
     "cross-order"),
    (r"v_{\nabla B} = \frac{W_\perp}{q B L_B}", r"v_{\nabla B} = \frac{W_\perp}{q B^2 L_B}",
     "exponent"),
    # a subscript for any species: Bellan's sigma, s and j of lecture notes (p_s the
    # pressure of species s, not the momentum along s)
    (r"\mathbf{v}_{*s} = \frac{\mathbf{B}\times\nabla p_s}{q_s n_s B^2}",
     r"\mathbf{v}_{*s} = -\frac{\mathbf{B}\times\nabla p_s}{q_s n_s B^2}", "cross-order"),
    (r"\omega_{c\sigma} = \frac{q_\sigma B}{m_\sigma}",
     r"\omega_{c\sigma} = \frac{q_\sigma B^2}{m_\sigma}", "exponent"),
    (r"\rho_j = \frac{m_j v_{\perp j}}{|q_j| B}", r"\rho_j = \frac{m_j v_{\perp j}}{|q_j| B^2}",
     "exponent"),
    # the Larmor speed v_L with a qualifier closing the subscript (note 002)
    (r"\mu = \frac{m v_{L\text{max}}^2}{2B_\text{min}}",
     r"\mu = \frac{m v_{L\text{max}}^2}{2B_\text{min}^2}", "exponent"),
    # the loss cone spelled with \ell
    (r"\sin^2\alpha_{\ell} = (4L^6-3L^5)^{-1/2}", r"\sin^2\alpha_{\ell} = (4L^6-3L^5)^{1/2}",
     "exponent"),
])
def test_a_printed_habit_is_read_and_its_misprint_refused(right, wrong, kind):
    assert verdict(right).ok, right
    found = verdict(wrong)
    assert found.verdict == "erratum", wrong
    if kind is not None:
        assert found.edits and found.edits[0][0] in (kind, "sign", "cross-order") \
            if kind in ("sign", "cross-order") else found.edits[0][0] == kind


def test_a_sum_of_drifts_holds_term_by_term_and_names_the_wrong_term():
    right = verdict(r"\mathbf{v}_{gc} = \frac{\mathbf{E}\times\mathbf{B}}{B^2} + "
                    r"\frac{\mu}{q}\frac{\mathbf{B}\times\nabla B}{B^2}")
    assert right.verdict == "holds" and right.against == "ExB_drift + gradB_drift"
    wrong = verdict(r"\mathbf{v}_{gc} = \frac{\mathbf{E}\times\mathbf{B}}{B^2} + "
                    r"\frac{\mu}{q}\frac{\nabla B\times\mathbf{B}}{B^2}")
    assert wrong.verdict == "erratum" and wrong.against == "gradB_drift"
    assert "in the term" in wrong.diagnosis


def test_the_bounce_integral_in_colatitude_is_a_change_of_variable():
    right = (r"T(y) = \int_{\theta_m}^{\pi/2} \frac{\sin\theta\,\sqrt{1+3\cos^2\theta}}"
             r"{\sqrt{1 - y^2\sqrt{1+3\cos^2\theta}/\sin^6\theta}}\,d\theta")
    assert verdict(right).verdict == "holds"
    found = verdict(right.replace(r"\sin^6", r"\sin^3"))
    assert found.verdict == "erratum" and found.edits[0][0] == "exponent"


def test_an_approximate_series_holds_as_an_approximation():
    found = verdict(r"E \approx mc^2 + \frac{1}{2}mv^2 + \cdots")
    assert found.verdict == "holds-with-condition"
    assert "approximation" in found.condition and "v << c" in found.condition


def test_a_condition_on_two_vectors_is_not_a_result():
    assert verdict(r"\mathbf{E}\cdot\mathbf{B} = 0").verdict == "not-checkable"


def test_a_name_that_restates_its_reading_holds():
    found = verdict(r"\rho = m_i n_i + m_e n_e")
    assert found.verdict == "holds" and "mass density" in " ".join(found.readings)
    assert verdict(r"\rho = m_i n_i - m_e n_e").verdict != "holds"


def test_two_bridges_that_make_a_formula_say_nothing_are_not_a_comparison():
    assert verdict("alpha_eq = asin(sin(alpha)*sqrt(B/B_eq))", latex=False).verdict == \
        "erratum"
    assert verdict("alpha_eq = asin(sin(alpha)*sqrt(B_eq/B))", latex=False).ok


@pytest.mark.parametrize("right, wrong", [
    ("v_d = mu*Cross(unitb, gB)/(charge*Bmag)", "v_d = mu*Cross(gB, unitb)/(charge*Bmag)"),
    ("wc = charge*B/mass", "wc = charge*B**2/mass"),
    ("lam_foot = acos(1/sqrt(L))", "lam_foot = acos(1/L)"),
    ("F = -mu*Derivative(B, s)", "F = mu*Derivative(B, s)"),
    ("_oce = q*B/m", "_oce = q*B/m**2"),
    ("v = LGM_c*sqrt(1 - 1/gamma**2)", "v = LGM_c*sqrt(1 + 1/gamma**2)"),
])
def test_the_names_codes_use(right, wrong):
    holds_and_refuses(right, wrong, latex=False)


def test_a_relativistic_drift_holds_for_slow_particles_and_a_misplaced_gamma_is_refused():
    found = verdict("v_gradB = mu*Cross(unitb, gB)/(charge*gamma*Bmag)", latex=False)
    assert found.verdict == "holds-with-condition" and "v << c" in found.condition
    # gamma in the numerator: against the relativistic form (m -> gamma m, mu = p_perp^2/2mB)
    wrong = verdict("v_gradB = mu*Cross(unitb, gB)*gamma/(charge*Bmag)", latex=False)
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "exponent"
    wrong = verdict(r"\frac{d\mathbf{p}}{dt} = q\left(\mathbf{E} - \mathbf{v}\times\mathbf{B}\right)")
    assert wrong.verdict == "erratum" and "relativistic form" in wrong.diagnosis
    # the toolkit derives the relativistic invariant and gyrofrequency: gamma is checked there
    assert verdict("mu = gamma*mass*vperp**2/(2*Bmag)", latex=False).verdict == "erratum"
    assert verdict("mu = gamma**2*mass*vperp**2/(2*Bmag)", latex=False).ok
    wrong = verdict(r"\Omega_c = \frac{q\gamma}{m} B_o")
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "exponent"


def test_a_proportionality_may_drop_the_particles_constants():
    assert verdict(r"\mu \propto v_\perp^2/B").verdict == "holds"
    assert verdict(r"\mu \propto v_\perp^2/B^2").verdict != "holds"


@pytest.mark.parametrize("right, wrong", [
    ("μ = m v_perp^2 / (2 B)", "μ = m v_par^2 / (2 B)"),                 # typed subscripts
    ("v^2 = v_perp^2 + v_par^2", "v^2 = v_perp^2 - v_par^2"),
    (r"B(\lambda_m) = B_{eq} / \sin^2(\alpha_{eq})",                       # B at the mirror point
     r"B(\lambda_m) = B_{eq} / \sin(\alpha_{eq})"),
])
def test_plain_text_shorthand(right, wrong):
    holds_and_refuses(right, wrong)


def test_zero_has_any_unit_and_a_bare_expression_is_a_fragment():
    assert verdict(r"\mathbf{E} + \mathbf{V}_0\wedge\mathbf{B} = 0").verdict != "erratum"
    assert verdict(r"\frac{|e| B_{o}}{m_{e} c}").verdict == "refused"     # units not said


@pytest.mark.parametrize("right, wrong", [
    (r"K = \int_{s_m}^{s_m^\prime}\sqrt{B_m - B(s)}\,ds",
     r"K = \int_{s_m}^{s_m^\prime}\sqrt{B_m + B(s)}\,ds"),
    (r"J = \oint p_\parallel\, ds", r"J = \oint 2 p_\parallel\, ds"),
    (r"J = \int_a^b v_\parallel ds", r"J = \int_a^b v_\parallel^3 ds"),     # Chen's J
    # the differential in the numerator, limits written as latitudes (Baumjohann-Treumann)
    (r"\tau_b = 4\int_0^{\lambda_m}\frac{ds}{v_\parallel}",
     r"\tau_b = 4\int_0^{\lambda_m}\frac{ds}{v_\perp}"),
    (r"\tau_b = 2\int_{-\lambda_m}^{\lambda_m}\frac{ds}{v_\parallel}",
     r"\tau_b = 4\int_{-\lambda_m}^{\lambda_m}\frac{ds}{v_\parallel}"),
    # the line element as the derivative ds/d lambda
    (r"\tau_b = 4\int_0^{\lambda_m}\frac{ds}{d\lambda}\frac{d\lambda}{v_\parallel}",
     r"\tau_b = 4\int_0^{\lambda_m}\frac{ds}{d\lambda}\frac{d\lambda}{v_\parallel^2}"),
])
def test_integrals_between_the_mirror_points(right, wrong):
    holds_and_refuses(right, wrong)


@pytest.mark.parametrize("right, wrong", [
    (r"\mathbf{E} + \mathbf{V}_0\wedge\mathbf{B} = 0",
     r"\mathbf{E} - \mathbf{V}_0\wedge\mathbf{B} = 0"),
    (r"0 = \mathbf{F} + q\mathbf{v}_F\times\mathbf{B}",
     r"0 = \mathbf{F} - q\mathbf{v}_F\times\mathbf{B}"),
])
def test_the_frame_where_the_field_vanishes_is_solved_for_the_drift(right, wrong):
    found = verdict(right)
    assert found.ok and "solved for the velocity" in found.note
    assert verdict(wrong).verdict == "erratum"


def test_the_force_on_a_moving_charge_is_not_a_frame_condition():
    assert verdict(r"\mathbf{F} = q\mathbf{v}\times\mathbf{B}").verdict == "holds"
    assert verdict(r"m\frac{d\mathbf{v}}{dt} = q(\mathbf{E} + \mathbf{v}\times\mathbf{B})").ok


def test_a_name_read_as_a_plain_symbol_does_not_crash_the_shortcuts():
    # K = E - E_0: the difference is one symbol once its names are read (it crashed)
    found = check_text(r"K = E - E_0")
    assert found and all(v.verdict != "erratum" for v in found)


def test_a_difference_of_one_symbol_is_evaluated_without_error():
    import sympy as sp
    from guidingcenter import symbols as S
    from guidingcenter.check.readings import true_by_itself
    assert true_by_itself(sp.Eq(S.W, 0, evaluate=False)) is False     # was AttributeError
    assert true_by_itself(sp.Eq(S.W, S.W + 0 * S.m, evaluate=False)) is True


def test_a_number_for_units_not_stated_is_not_called_an_erratum():
    # Hamlin et al.'s code: B in nT, q in units of e, mc2 in MeV (89.8755 = c^2 1e-15)
    found = verdict("wc = 89.8755311*q*B/mc2", latex=False)
    assert found.verdict == "not-checkable" and "units" in found.reason
    # with units the checker knows, a slip of the number is still named
    wrong = verdict(r"\omega_{ce} = 1.76\times10^{9} B")
    assert wrong.verdict == "erratum" and "off by a factor 1/100" in wrong.diagnosis


def test_a_two_letter_code_name_is_read_when_the_product_makes_no_sense():
    # rbamlib's docstrings write its variable ``en`` (kinetic energy) in LaTeX: e times n
    # is dimensionally wrong there, so the run is read again as the code's name
    found = check_text(r"\gamma = \frac{en}{mc^2} + 1")
    assert found[0].verdict == "holds" and any("one name" in r for r in found[0].readings)
    holds_and_refuses(r"en = \left(\sqrt{1 + \left(\frac{pc}{mc^2}\right)^2} - 1\right) mc^2",
                      r"en = \left(\sqrt{1 + \left(\frac{pc}{mc^2}\right)^2} - 1\right) mc")
    # where the product makes sense it stays a product: q n E is a force density
    assert verdict(r"\mathbf{f} = en\mathbf{E}").readings == ()


def test_a_limit_that_makes_both_sides_zero_is_not_a_condition():
    # c -> oo makes gamma 1 and beta 0: beta = sqrt(1 - 1/gamma) "held" for v << c
    holds_and_refuses("beta = sqrt(1 - 1/gamma**2)", "beta = sqrt(1.0 - 1.0/gamma)",
                      latex=False)


def test_with_no_potential_the_energy_constant_is_the_kinetic_energy():
    # W_0 = m v^2/2 + q phi of the energy integral is W where phi = 0 (it was "wrong symbol")
    holds_and_refuses(r"v_\parallel(s) = \sqrt{\frac{2}{m}\left(W - \mu B(s)\right)}",
                      r"v_\parallel(s) = \sqrt{\frac{2}{m}\left(W + \mu B(s)\right)}")


def test_a_definition_read_as_its_own_name_holds_and_a_tautology_is_refused():
    # the parser reads (b.grad)b as the curvature vector itself: a definition, not "B = B"
    found = verdict(r"\bm{\kappa} = (\hat{\bm{b}}\cdot\nabla)\hat{\bm{b}}")
    assert found.verdict == "holds" and "definition" in found.note
    assert verdict(r"\bm{\kappa} = -(\hat{\bm{b}}\cdot\nabla)\hat{\bm{b}}").verdict == "erratum"
    assert verdict("B = B").verdict == "refused"
    # v_0 is the speed at another point: its conservation (static B), not a tautology
    assert verdict("v = v_0").against == "mu_invariant"
    assert verdict(r"\nabla B = (\nabla B)").verdict == "refused"     # brackets only


def test_a_choice_of_reference_point_is_no_definition_to_restate():
    # alpha read as alpha_eq and B_eq taken where the field is B made the dropped root "hold"
    holds_and_refuses("sin(alpha) = sin(alpha_eq)*sqrt(B/B_eq)", "sin(alpha) = sin(alpha_eq)*B/B_eq",
                      latex=False)


def test_the_rate_of_the_momentum_is_the_equation_of_motion():
    # dp/dt = gamma m dv/dt (gamma constant in B alone): the toolkit's Newtonian law for v << c
    found = verdict(r"\frac{d\mathbf{p}}{dt} = q\left(\mathbf{E} + \frac{\mathbf{v}}{c}"
                    r"\times\mathbf{B}\right)")                  # Gaussian units
    assert found.verdict == "holds-with-condition" and "v << c" in found.condition
    holds_and_refuses(r"\frac{d\mathbf{p}}{dt} = q\mathbf{v}\times\mathbf{B}",
                      r"\frac{d\mathbf{p}}{dt} = 2q\mathbf{v}\times\mathbf{B}")


def test_what_a_formula_has_beyond_the_result_is_named_as_written():
    # Phi_3, the third invariant, is not the flux through a Larmor orbit (that one is derived,
    # mirror_axis, and read from a bare Phi); the answer names B, not B0_x, B0_y, B0_z
    found = verdict(r"\Phi_3 = \pi r_L^2 B")
    assert found.verdict == "not-checkable" and "it has B, r_L," in found.reason


def test_a_normalization_of_j_involves_the_particle_and_a_dropped_two_is_refused():
    # Chen's J = int v_par ds is the derived J over 2 gamma m; J = p L R_E Y lacks a 2
    assert verdict(r"J = \int_a^b v_\parallel ds").ok
    holds_and_refuses("J = 2*Y(y)*L*R_E*p", "J = Y(y)*L*R_E*p", latex=False)


def test_the_first_invariant_at_the_mirror_point():
    # IRBEM: M = p^2/(2 m_0 B_m), v_par = 0 where the field is B_m
    found = verdict("M = p**2/(2*m0*B_m)", latex=False)       # about the mirror point
    assert found.verdict == "holds" and "mirror point" in found.note
    assert verdict("M = p**2/(2*m0*B_m**2)", latex=False).verdict != "holds-with-condition"


@pytest.mark.parametrize("right, wrong, kind, against", [
    # RAPT / Northrop: the Lorentz factor and the momentum from the relativistic first
    # invariant M = p_perp^2/(2 m B) and the parallel momentum
    (r"\gamma = \sqrt{1 + \frac{2 M B}{m c^2} + \frac{p_\parallel^2}{m^2 c^2}}",
     r"\gamma = \sqrt{1 + \frac{M B}{m c^2} + \frac{p_\parallel^2}{m^2 c^2}}", "term-factor",
     "lorentz_factor"),
    ("p = sqrt(2*m*mu*B + ppar**2)", "p = sqrt(2*m*mu*B - ppar**2)", "term-sign",
     "momentum_speed"),
    # a result solved for one of its variables is about that result
    (r"p_\perp = \sqrt{2 m B \mu}", r"p_\perp = \sqrt{2 m B^2 \mu}", "exponent",
     "first_invariant"),
    (r"v_\perp = \sqrt{\frac{2\mu B}{m}}", r"v_\perp = \sqrt{\frac{\mu B}{2 m}}", "factor",
     "magnetic_moment"),
])
def test_a_formula_through_the_definitions_of_the_invariants(right, wrong, kind, against):
    latex = "\\" in right
    found = verdict(right, latex)
    assert found.verdict == "holds" and found.against == against, found
    found = verdict(wrong, latex)
    assert found.verdict == "erratum" and found.edits[0][0] == kind, found


def test_the_mean_drift_speed_is_the_equatorial_circle_over_the_drift_period():
    # Baumjohann and Treumann sec. 3.4: <v_d> ~ 6 L^2 W (0.35 + 0.15 sin alpha_eq)/(e B_E R_E)
    right = r"\langle v_d\rangle \approx \frac{6 L^2 W}{e B_E R_E}\,(0.35 + 0.15\sin\alpha_{eq})"
    found = verdict(right)
    assert found.verdict == "holds-with-condition" and "approximation" in found.condition
    assert found.against.startswith("mean_drift_speed")
    wrong = verdict(right.replace("L^2", "L^3"))
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "exponent", wrong


def test_a_name_given_to_another_quantity_is_no_erratum():
    # the action variable I = \oint p dq (I is read as a current): a definition
    found = verdict(r"I = \oint p \, dq")
    assert found.verdict == "not-checkable" and "names something else" in found.reason
    # a formula, not a name, with the wrong dimensions stays an erratum
    assert verdict(r"n = m + q B").verdict == "erratum"


def test_a_misplaced_gamma_with_the_unsigned_charge_is_named_without_a_sign_condition():
    # |q| is the magnitude: no "only for q > 0"
    found = verdict("omega_c = gamma*Abs(q)*B/m", latex=False)
    assert found.verdict == "erratum" and "gamma" in found.diagnosis
    assert "q > 0" not in found.diagnosis and not found.condition, found


@pytest.mark.parametrize("right, wrong, latex", [
    # Hamlin et al. (1961): T(y) in colatitude from theta_c, the mirror point's colatitude
    (r"T(y) = \int_{\theta_c}^{\pi/2} \frac{\sin\theta\,\sqrt{1+3\cos^2\theta}}"
     r"{\sqrt{1 - y^2\sqrt{1+3\cos^2\theta}/\sin^6\theta}}\,d\theta",
     r"T(y) = \int_{\theta_c}^{\pi/2} \frac{\sin\theta\,\sqrt{1+3\cos^2\theta}}"
     r"{\sqrt{1 - y^2\sqrt{1+3\cos^2\theta}/\sin^3\theta}}\,d\theta", True),
    # the guiding centre's rate dR/dt (Northrop) is a drift velocity
    (r"\dot{\vec{R}} = \frac{\vec{E}\times\vec{B}}{B^2}",
     r"\dot{\vec{R}} = \frac{\vec{B}\times\vec{E}}{B^2}", True),
    (r"\frac{d\vec{R}}{dt} = \frac{\vec{E}\times\vec{B}}{B^2}",
     r"\frac{d\vec{R}}{dt} = \frac{\vec{E}\times\vec{B}}{B}", True),
    # RAPT's bdir, the unit vector along B, wherever it stands
    ("dRdt = Cross(E_vec, bdir)/B", "dRdt = Cross(bdir, E_vec)/B", False),
])
def test_names_of_the_guiding_centre_and_the_mirror_point(right, wrong, latex):
    holds_and_refuses(right, wrong, latex)


@pytest.mark.parametrize("force", [r"\langle \mathbf{F} \rangle", r"\bar{\mathbf{F}}"])
def test_the_average_force_on_the_gyrating_particle(force):
    """Chen sec. 2.3.3 and Bellan ch. 3: <F> = -mu grad B, whichever average force."""
    holds_and_refuses(rf"{force} = -\mu \nabla B", rf"{force} = \mu \nabla B")


def test_a_formula_that_holds_under_two_conditions_at_once():
    """Hamlin et al.'s drift period with q and m v^2: for q > 0 and v << c together."""
    found = verdict(r"\tau_d = \frac{2\pi q B_E R_E^2}{3 L m v^2}\frac{T(y)}{D(y)}")
    assert found.verdict == "holds-with-condition", found
    assert "v << c" in found.condition and "q > 0" in found.condition
    assert verdict(r"\tau_d = \frac{2\pi q B_E R_E^2}{3 L m v}\frac{T(y)}{D(y)}"
                   ).verdict == "erratum"


@pytest.mark.parametrize("text", [r"\sin^2\alpha/B = \text{const}",
                                  r"\frac{\sin^2\alpha}{B} = \text{const.}"])
def test_the_pitch_angle_invariant_of_a_static_field(text):
    """sin^2(alpha)/B = v_perp^2/(v^2 B): mu over a constant of the particle (Chen 2.3.3)."""
    found = verdict(text)
    assert found.verdict == "holds" and found.against == "mu_invariant", found
    assert verdict(text.replace(r"\sin^2\alpha", r"\sin\alpha")).verdict != "holds"


def test_a_reading_that_breaks_the_dimensions_makes_no_erratum():
    """R is the planet's radius or a mirror ratio: compared only in the reading that breaks
    the dimensions, sin(theta) = (1/R)^(1/2) is not called an erratum; Chen's
    sin^2(theta_m) = 1/R_m holds and its misprint is refused."""
    assert verdict(r"\sin\theta = \sqrt{\frac{1}{R}}").verdict != "erratum"
    holds_and_refuses(r"\sin^2\theta_m = \frac{1}{R_m}", r"\sin\theta_m = \frac{1}{R_m}")


def test_a_gyroradius_from_the_energy_of_a_slow_particle_gyrating_across_b():
    """r_L = (2 m W)^(1/2)/(|q| B) (lecture notes, Baumjohann-Treumann 2.1): all the energy
    across B, v << c; a dropped 2 is named under the same conditions."""
    found = verdict(r"r_L = \frac{\sqrt{2 W m}}{|q| B}")
    assert found.verdict == "holds-with-condition", found
    assert "v_par = 0" in found.condition and "v << c" in found.condition
    wrong = verdict(r"r_L = \frac{\sqrt{W m}}{|q| B}")
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "factor", wrong


def test_a_fit_with_its_units_folded_into_the_number_is_no_dimension_erratum():
    """RAPT's tau_d = 8.481/(L gamma b^2)(...) hours: the number carries the units, and a
    one-letter code name (b = v/c) is no vector of the table (b-hat)."""
    import sympy as sp
    from guidingcenter import symbols as S
    from guidingcenter.check.formula import _unmatched
    found = _unmatched(sp.Eq(S.tau_d, sp.Float(8.481) / S.L), [], "nothing derived")
    assert found.verdict == "not-checkable" and "units folded in" in found.reason
    exact = _unmatched(sp.Eq(S.tau_d, 8 / S.L), [], "nothing derived")
    assert exact.verdict == "erratum" and "dimensionally inconsistent" in exact.diagnosis
    coded = check_text("tau_d = 8.481/(L*gamma*b**2)*(1 - (1/3)*sin(eqpa)**0.62)", latex=False)
    assert [v.verdict for v in coded] == ["not-checkable"] and "b" in coded[0].unknown
