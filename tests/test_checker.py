"""The checker: each kind of verdict and diagnosis is found, and can be refused."""

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check.judge import Uncheckable, compare
from guidingcenter.check.matching import best_match
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.vectors import Cross, DirectionalDerivative, Dot, Grad

m, q, B, v_perp, v_par = S.m, S.q, S.B, S.v_perp, S.v_par
GRADB = m * v_perp**2 / (2 * q * B**3) * Cross(S.B_vec, Grad(B))


def judge(rhs, result="gradB_drift", lhs=S.v_gradB, **options):
    return compare(sp.Eq(lhs, rhs, evaluate=False), registry.result(result), **options)


def test_the_derived_form_holds():
    finding = judge(GRADB)
    assert finding.verdict == "holds" and finding.against == "gradB_drift"


@pytest.mark.parametrize("wrong,kind,words", [
    (2 * GRADB, "factor", "constant factor 2"),
    (-GRADB, "sign", "flipped sign"),
    (GRADB * B, "exponent", "exponent"),
    (m * v_perp**2 / (2 * q * B**3) * Cross(Grad(B), S.B_vec), "sign", "wrong order"),
    (q * v_perp**2 / (2 * m * B**3) * Cross(S.B_vec, Grad(B)), "swap", "swapped"),
    (GRADB / q, "exponent", "exponent"),
])
def test_errata_are_diagnosed(wrong, kind, words):
    finding = judge(wrong)
    assert finding.verdict == "erratum"
    assert finding.edits[0][0] == kind and words in finding.diagnosis
    # the corrected formula is the derived one
    assert judge(finding.corrected.rhs).verdict == "holds"


def test_dimensional_inconsistency_is_named():
    finding = judge(GRADB * B)
    assert "dimensionally inconsistent" in finding.diagnosis


def test_conditions_are_found_when_not_stated():
    # curvature drift with grad B in place of the curvature: only in a current-free field
    vacuum = m * v_par**2 / (q * B**3) * Cross(S.B_vec, Grad(B))
    finding = judge(vacuum, "curvature_drift", S.v_R)
    assert finding.verdict == "holds-with-condition" and "curl B = 0" in finding.condition
    assert judge(vacuum, "curvature_drift", S.v_R, stated=("vacuum",)).verdict == "holds"
    # the B^-4 form holds without condition
    b4 = m * v_par**2 / (q * B**4) * Cross(S.B_vec, DirectionalDerivative(S.B_vec, S.B_vec))
    assert judge(b4, "curvature_drift", S.v_R).verdict == "holds"
    # the Newtonian radius is the relativistic one for v << c
    newton = compare(sp.Eq(S.r_L, m * v_perp / (sp.Abs(q) * B)),
                     registry.result("gyroradius_relativistic"))
    assert newton.verdict == "holds-with-condition" and "v << c" in newton.condition
    # v_perp/omega_c is the Larmor radius only for a positive charge
    signed = compare(sp.Eq(S.r_L, v_perp / S.omega_c), registry.result("gyroradius"))
    assert signed.verdict == "holds-with-condition" and "q > 0" in signed.condition


def test_components_in_stated_axes():
    # in a field B(x) z-hat the grad-B drift is (m v_perp^2/(2qB^2)) dB/dx along y, none along x
    x_hat, y_hat = sp.ImmutableMatrix([1, 0, 0]), sp.ImmutableMatrix([0, 1, 0])
    along_y = m * v_perp**2 / (2 * q * B**2) * Dot(x_hat, Grad(B))
    assert judge(along_y, lhs=Dot(y_hat, S.v_gradB), stated=("along-x",)).verdict == "holds"
    assert judge(0, lhs=Dot(x_hat, S.v_gradB), stated=("along-x",)).verdict == "holds"
    wrong = judge(-along_y, lhs=Dot(y_hat, S.v_gradB), stated=("along-x",))
    assert wrong.verdict == "erratum" and wrong.edits[0] == ("sign",)
    # without the stated field, dB/dy drives a drift along x: the claim of none is refused
    assert judge(0, lhs=Dot(x_hat, S.v_gradB), stated=("aligned",)).verdict == "erratum"


def test_wrong_function_with_its_condition():
    finding = compare(sp.Eq(S.alpha, sp.atanh(v_perp / v_par)), registry.result("pitch_angle"))
    assert finding.verdict == "erratum"
    assert "atanh where atan is right" in finding.diagnosis and "v_par > 0" in finding.condition


def test_two_terms_with_flipped_signs():
    ions = S.m_i * (S.v_par_i**2 + S.v_perp_i**2 / 2)
    electrons = S.m_e * (S.v_par_e**2 + S.v_perp_e**2 / 2)
    shape = S.n * Cross(S.B_vec, Grad(B)) / B**3
    finding = compare(sp.Eq(S.j_vec, (ions - electrons) * shape),
                      registry.result("drift_current_density"))
    assert finding.verdict == "erratum" and "flipped sign of the term -m_e" in finding.diagnosis
    right = sp.Eq(S.j_vec, (ions + electrons) * shape)
    # the result was derived for a current-free field: a claim that does not say so
    # holds under that condition
    finding = compare(right, registry.result("drift_current_density"))
    assert finding.verdict == "holds-with-condition" and "as derived" in finding.condition
    assert compare(right, registry.result("drift_current_density"),
                   stated=("vacuum",)).verdict == "holds"


def test_approximations_are_judged_by_their_largest_error():
    fit = 4 * S.L * S.R_E / S.v * (sp.Rational(130, 100) - sp.Rational(56, 100) * S.y)
    finding = compare(sp.Eq(S.tau_b, fit), registry.result("bounce_period"), approximate=True)
    assert finding.verdict == "holds-with-condition"
    assert "largest relative error 5.8% (at alpha_eq = 0)" in finding.condition  # computed
    wrong = compare(sp.Eq(S.tau_b, 2 * fit), registry.result("bounce_period"),
                    approximate=True)
    assert wrong.verdict == "erratum" and "constant factor 2" in wrong.diagnosis


def test_best_match_finds_the_result():
    finding = best_match(sp.Eq(S.mu, m * v_perp**2 / (2 * B)), registry.results().values())
    assert finding.verdict == "holds" and finding.against == "magnetic_moment"
    finding = best_match(sp.Eq(S.v_gradB, 2 * GRADB), registry.results().values())
    assert finding.against == "gradB_drift" and "factor 2" in finding.diagnosis


def test_uncheckable_claims_say_why():
    with pytest.raises(Uncheckable):
        compare(sp.Eq(S.v_gradB, S.B_vec * S.E_vec), registry.result("gradB_drift"))


def test_dimensions():
    assert dimension(GRADB) == (0, 1, -1, 0)
    with pytest.raises(Inconsistent, match="adds"):
        dimension(m + q)
    with pytest.raises(Inconsistent, match="sin of"):
        dimension(sp.sin(B))
