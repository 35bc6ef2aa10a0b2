"""Forms the field prints, each with the misprint that must be refused.

Sources: Schulz & Lanzerotti's fit T(y) ~ 1.3802 - 0.3198 (y + y^1/2) (1 % off, computed
by the checker), Hamlin's T ~ 1.30 - 0.56 y (5.8 %); Fitzpatrick's drifts in the signed
Omega; the relativistic momentum; Chen's signed gyrofrequency by cases; orderings.
"""

import pytest

from guidingcenter.check.formula import check_text
from guidingcenter.check.parsing import read


def verdict(text):
    found = check_text(text)
    return found[-1] if len(found) == 1 else min(found, key=lambda v: v.ok)


def test_a_published_fit_holds_and_its_misprinted_exponent_is_named():
    assert verdict(r"T(y) \approx 1.3802 - 0.3198\,(y + y^{1/2})").verdict == \
        "holds-with-condition"
    assert verdict(r"T(y) \approx 1.30 - 0.56 y").verdict == "holds-with-condition"
    wrong = verdict(r"T(y) \approx 1.3802 - 0.3198\,(y + y^{3/2})")   # within 10 %, but
    assert wrong.verdict == "erratum" and wrong.edits[0][0] == "exponent"   # y^1/2 is 1 %


@pytest.mark.parametrize("right, wrong", [
    (r"{\bf U} = \frac{U_\parallel^{2}}{\Omega}\,{\bf b}\times({\bf b}\cdot\nabla)\,{\bf b}",
     r"{\bf U} = \frac{U_\parallel^{2}}{\Omega}\,({\bf b}\cdot\nabla)\,{\bf b}\times {\bf b}"),
    (r"{\bf U} = \frac{\mu}{m\,\Omega}\,{\bf b}\times\nabla B",
     r"{\bf U} = \frac{\mu}{m\,\Omega}\,\nabla B\times {\bf b}"),
])
def test_a_drift_in_omega_that_holds_only_for_negative_charges_is_a_flipped_sign(right, wrong):
    assert verdict(right).verdict == "holds"
    found = verdict(wrong)
    assert found.verdict == "erratum" and found.edits[0][0] == "sign"


def test_the_electrons_drift_written_with_e_holds_for_negative_charges():
    found = verdict(r"\vec v_{\nabla B} = \frac{m v_\perp^2}{2 e B^3}\nabla B\times\vec B")
    assert found.verdict == "holds-with-condition" and "q < 0" in found.condition


def test_a_wrong_relativistic_momentum_is_not_held_by_solving_both_for_m():
    assert verdict(r"\mathbf{p} = \frac{m\mathbf{v}}{\sqrt{1 - v^2/c^2}}").verdict == "holds"
    assert verdict(r"\mathbf{p} = \frac{m\mathbf{v}}{\sqrt{1 + v^2/c^2}}").verdict == "erratum"


def test_an_ordering_is_not_checkable_and_says_why():
    found, = check_text(r"\frac{r_L}{R_c} \ll 1")
    assert found.verdict == "not-checkable" and "inequality" in found.reason


def test_cases_are_one_relation_each_with_its_condition():
    text = (r"\Omega_c = \frac{qB}{m} = \begin{cases} \omega_c & \text{for } q > 0 \\ "
            r"-\omega_c & \text{for } q < 0 \end{cases}")
    relations = read(text)
    assert [r.remark.split()[-1] for r in relations] == ["0"] * len(relations)
    assert any("q < 0" in r.remark for r in relations)
    assert all(v.ok for v in check_text(text))
    flipped = text.replace(r"-\omega_c & \text{for } q < 0", r"\omega_c & \text{for } q < 0")
    assert read(flipped)[-1].statement.rhs != relations[-1].statement.rhs


@pytest.mark.parametrize("right, wrong, words", [
    (r"B = B_0\left(\frac{R_E}{r}\right)^3 \sqrt{1+3\sin^2\lambda}",        # a ratio's power
     r"B = B_0\left(\frac{R_E}{r}\right)^2 \sqrt{1+3\sin^2\lambda}", "R_E**3/r**3"),
    (r"r = L R_E \cos^2\lambda", r"r = L R_E \cos\lambda", "cos(lambda)**2"),   # cos, cos^2
    (r"\sin\alpha_{eq} = \frac{\cos^3\lambda_m}{(1+3\sin^2\lambda_m)^{1/4}}",    # a root
     r"\sin\alpha_{eq} = \frac{\cos^3\lambda_m}{(1+3\sin^2\lambda_m)^{1/2}}", "(-1/4)"),
    (r"\gamma = \frac{1}{\sqrt{1-\frac{v^2}{c^2}}}", r"\gamma = \frac{1}{\sqrt{1-\frac{v}{c}}}",
     "v**2/c**2"),
])
def test_a_misprinted_exponent_is_named(right, wrong, words):
    assert verdict(right).ok
    found = verdict(wrong)
    assert found.verdict == "erratum" and found.edits[0][0] == "exponent"
    assert words in found.diagnosis


def test_an_average_written_with_a_bar_is_read_as_its_quantity():
    right = r"\bar{F}_z = \mp \frac{1}{2} q v_\perp r_L \frac{\partial B_z}{\partial z}"
    # the average on the axis in r_L (derivation mirror_axis): the Newtonian Larmor orbit
    found = verdict(right)
    assert found.verdict == "holds-with-condition" and "non-relativistic" in found.condition
    found = verdict(right.replace(r"\frac{1}{2} ", ""))
    assert found.verdict == "erratum" and "factor 2" in found.diagnosis


def test_a_value_at_a_point_is_read_as_the_expression():
    relation, = read(r"B_r = -\frac{1}{2} r \left[ \frac{\partial B_z}{\partial z} \right]_{r=0}")
    plain, = read(r"B_r = -\frac{1}{2} r \left[ \frac{\partial B_z}{\partial z} \right]")
    assert relation.statement == plain.statement


@pytest.mark.parametrize("printed, verdict_wanted", [("2.9", "erratum"),
                                                     ("2.9 \\times 10^{-3}", "holds")])
def test_the_arithmetic_of_a_worked_example_is_checked(printed, verdict_wanted):
    text = (r"v_g = \frac{mg}{qB} = \frac{(1.67\times 10^{-27})(274)}"
            r"{(1.6\times 10^{-19})(10^{-3})} \approx " + printed + r" \text{ m/s}")
    found = check_text(text)
    assert found[0].verdict == "holds"                  # the formula itself
    assert found[-1].verdict == verdict_wanted
    if verdict_wanted == "erratum":                     # (1.67e-27)(274)/(1.6e-22) = 2.86e-3
        assert found[-1].edits == (("factor", 1000),)


def test_a_quantity_constant_in_time_is_the_energy_integral_or_mus_invariance():
    energy = r"\frac{d}{dt}\left(\frac{1}{2} m v_\parallel^2 + \mu B\right) = 0"
    assert verdict(energy).ok and verdict(energy).against == "energy_integral"
    slipped = verdict(energy.replace("+ \\mu B", "- \\mu B"))          # Chen's sign, flipped
    assert slipped.verdict == "erratum" and "sign" in slipped.diagnosis
    for invariant in (r"\frac{d}{dt}\left(\frac{m v_\perp^2}{2B}\right) = 0",
                      r"\frac{v_\perp^2}{B} = \mathrm{const}", r"W_\perp/B = const",
                      r"\frac{p_\perp^2}{B} = \text{const}"):      # mu times constants
        assert verdict(invariant).against == "mu_invariant" and verdict(invariant).ok
    assert verdict(r"\frac{v_\perp}{B} = \mathrm{const}").verdict == "erratum"


@pytest.mark.parametrize("text, latex, against", [
    (r"r_{Li} = \frac{V_{\perp}}{omega_{ci}}", True, "gyroradius"),   # omega, no backslash
    ("v = Cross(E, B)/Dot(B, B)", False, "ExB_drift"),             # PlasmaPy's code
    ("en = (sqrt(1 + (pc/mc2)**2) - 1)*mc2", False, "energy_momentum"),   # rbamlib's names
    ("Bmag = (B0/(L**3))*sqrt(1 + 3*sin(lamda)**2)/(cos(lamda)**6)", False,
     "dipole_field_strength"),                                      # lamda: Python's lambda
    (r"E \approx mc^2 + \frac{1}{2}mv^2 + \cdots", True, "energy_speed"),  # a series' rest
])
def test_names_as_code_and_notes_type_them(text, latex, against):
    found = check_text(text, latex=latex)[-1]
    assert found.ok and found.against == against


@pytest.mark.parametrize("wrong, latex", [
    ("v = Cross(B, E)/Dot(B, B)", False),
    ("en = (sqrt(1 + (pc/mc2)**2) - 1)*mc2**2", False),
    ("Bmag = (B0/(L**3))*sqrt(1 + 3*cos(lamda)**2)/(cos(lamda)**6)", False),
    (r"r_{Li} = \frac{V_{\perp}}{2 omega_{ci}}", True),
])
def test_names_as_code_types_them_still_refuse_errors(wrong, latex):
    assert check_text(wrong, latex=latex)[-1].verdict == "erratum"


def test_mu_taken_at_the_reference_point_in_a_two_point_energy_balance():
    right = r"v_{\parallel,0}^2 = \frac{2\mu (B_m - B_0)}{m}"   # mu B_m = m v_par0^2/2 + mu B_0
    assert verdict(right).verdict == "holds"
    assert verdict(right.replace(r"\frac{2\mu", r"\frac{\mu")).verdict == "erratum"


@pytest.mark.parametrize("right, wrong", [
    (r"ds = r_{eq}\cos\lambda\,(1+3\sin^2\lambda)^{1/2}\,d\lambda",        # a line element
     r"ds = r_{eq}\cos^2\lambda\,(1+3\sin^2\lambda)^{1/2}\,d\lambda"),
    (r"\frac{ds}{d\lambda} = r_{eq}\cos\lambda\sqrt{1+3\sin^2\lambda}",
     r"\frac{ds}{d\lambda} = r_{eq}\sqrt{1+3\sin^2\lambda}"),
    (r"\frac{1}{r}\frac{dr}{d\lambda} = -2\tan\lambda", r"\frac{1}{r}\frac{dr}{d\lambda} = -\tan\lambda"),
    (r"\frac{\mathrm{d}r}{r} = -\frac{2\sin\lambda}{\cos\lambda}\mathrm{d}\lambda",   # separated
     r"\frac{\mathrm{d}r}{r} = \frac{2\sin\lambda}{\cos\lambda}\mathrm{d}\lambda"),
])
def test_differentials_along_a_dipole_field_line(right, wrong):
    assert verdict(right).verdict == "holds"
    assert verdict(wrong).verdict == "erratum"


def test_a_named_force_on_the_right_side_is_the_force():
    right = r"\mathbf{v}_{\perp c} = \dfrac{\mathbf{F}_\perp \times \mathbf{B}}{q B^2}"
    assert verdict(right).verdict == "holds" and verdict(right).against == "force_drift"
    flipped = r"\mathbf{v}_{\perp c} = \dfrac{\mathbf{B} \times \mathbf{F}_\perp}{q B^2}"
    assert verdict(flipped).verdict == "erratum"


def test_a_constant_typed_with_decimals_is_exact_to_double_precision():
    assert check_text("T(0) = 1 + log(2 + 3**0.5)/(2 * 3**0.5)", latex=False)[0].verdict == "holds"
    assert check_text("T(0) = 1 + log(2 + 3**0.5)/(3**0.5)", latex=False)[0].verdict == "erratum"


def test_l_may_be_a_length_scale_in_a_model_field():
    assert verdict(r"B(s) = B_0\left(1 + \frac{s^2}{L^2}\right)").verdict == "not-checkable"
    wrong = verdict(r"B(s) = B_0\left(1 + \frac{s}{L^2}\right)")      # inconsistent either way
    assert wrong.verdict == "erratum" and "dimensionally" in wrong.diagnosis
