r"""Worked numbers in a document, recomputed from the derived results.

Expected values come from the toolkit's numeric paths (guidingcenter.dipole's generated
code and fast T(y), CODATA constants), not from the derivations the judge evaluates with
mpmath; every kind of number has a right case that holds and a wrong one (a factor 2, a few
per cent, a wrong input) that must be refused.
"""

import math

import pytest

from guidingcenter import constants, dipole
from guidingcenter.check.documents.numbers import judge_number

MeV = 1e6 * constants.e


def judged(read, formulas, text, contains=None):
    """The verdicts on the formulas of ``text`` (those whose quote holds ``contains``)."""
    context = read(text)
    found = [f for f in formulas(text) if contains is None or contains in f.quote]
    return [judge_number(f, context) for f in found]


def one(read, formulas, text, contains):
    verdict, = judged(read, formulas, text, contains)
    return verdict


# --- a value recomputed from a derived result ---------------------------------------------------

def bounce_text(value, energy="1 MeV"):
    return (f"A {energy} electron on the field line $L = 4$ with equatorial pitch angle "
            "$\\alpha_{eq} = 30^\\circ$:\n"
            f"its bounce period is $\\tau_b \\approx {value}$ s.\n")


def bounce_period(relativistic=True, energy=MeV):
    return float(dipole.bounce_period(4, energy, math.radians(30), "e-",
                                      relativistic=relativistic))


def test_a_bounce_period_holds_relativistically(read, formulas):
    value = f"{bounce_period():.3g}"
    verdict = one(read, formulas, bounce_text(value), r"\tau_b")
    assert verdict.verdict == "holds", verdict
    assert verdict.against == "bounce_period_energy"            # relativistic
    assert "the toolkit's R_E" in verdict.reason                # the document gives none
    assert "with electron, L = 4, W = 1 MeV, alpha_eq = 30 deg" in verdict.reason


def test_an_input_stated_in_the_next_sentence_is_not_this_numbers(read, formulas):
    # "... tau_b = 0.4 s. The loss cone at L = 6 ...": the L of the sentence before counts
    text = bounce_text(f"{bounce_period():.3g}").rstrip(".\n") + \
        ". The loss cone at $L = 6$ is wider.\n"
    verdict = one(read, formulas, text, r"\tau_b")
    assert verdict.verdict == "holds" and "L = 4" in verdict.reason
    # an input after the number in the same sentence is this number's ("... at L = 4")
    later = ("A 1 MeV electron with equatorial pitch angle $\\alpha_{eq} = 30^\\circ$:\n"
             f"its bounce period is $\\tau_b \\approx {bounce_period():.3g}$ s at $L = 4$.\n")
    assert one(read, formulas, later, r"\tau_b").verdict == "holds"


@pytest.mark.parametrize("factor", [2, 1.05])
def test_a_wrong_bounce_period_is_an_erratum(read, formulas, factor):
    right = bounce_period()
    printed = f"{factor * right:.3g}"
    verdict = one(read, formulas, bounce_text(printed), r"\tau_b")
    assert verdict.verdict == "erratum"
    words = "factor 2" if factor == 2 else f"{100 * (float(printed) / right - 1):+.1f}%"
    assert words in verdict.diagnosis
    number = verdict.corrected.rhs.args[0]                      # value * s
    assert float(number) == pytest.approx(right, rel=1e-3)      # corrected to the 4th digit


NEWTONIAN = "$$\\tau_b = 4 L R_E \\sqrt{\\frac{m}{2W}} \\, T(y)$$\n"


def test_the_newtonian_result_when_the_documents_formula_is_newtonian(read, formulas):
    newtonian = bounce_period(relativistic=False, energy=MeV / 10)
    relativistic = bounce_period(energy=MeV / 10)
    assert relativistic / newtonian > 1.1                       # 100 keV electrons: apart
    text = NEWTONIAN + bounce_text(f"{newtonian:.3g}", "100 keV")
    verdict = one(read, formulas, text, r"\approx")
    assert verdict.verdict == "holds-with-condition"
    assert verdict.against == "bounce_period_newtonian"
    assert verdict.condition.startswith("non-relativistic speeds (v << c): the relativistic "
                                        f"value is {relativistic:.3g} s")
    assert "Newtonian, as the document's formula for tau_b (line 1)" in verdict.condition


def test_a_newtonian_number_where_relativity_is_below_its_digits_holds(read, formulas):
    newtonian = bounce_period(relativistic=False, energy=MeV / 1000)
    assert f"{newtonian:.2g}" == f"{bounce_period(energy=MeV / 1000):.2g}"   # 1 keV
    text = NEWTONIAN + bounce_text(f"{newtonian:.2g}", "1 keV")
    verdict = one(read, formulas, text, r"\approx")
    assert verdict.verdict == "holds" and verdict.against == "bounce_period_newtonian"


def test_a_value_whose_inputs_are_missing_says_so(read, formulas):
    # L is also the left side of L_star (the third invariant): L = 4 alone is an input
    verdict = one(read, formulas, "At $L = 4$ the loss cone is small.", "L = 4")
    assert verdict.verdict == "not-checkable"
    assert verdict.reason.startswith("a value the document gives for L")


def test_a_missing_input_is_named(read, formulas):
    verdict = one(read, formulas, "For electrons, $\\tau_b \\approx 0.4$ s.", r"\tau_b")
    assert verdict.verdict == "not-checkable"
    assert "the energy" in verdict.reason and "L" in verdict.reason


def test_an_angle_solved_from_a_result_the_loss_cone(read, formulas):
    # sin^2 alpha_lc = (4 L^6 - 3 L^5)^(-1/2) at L = 4 (dipole_loss_cone)
    exact = math.degrees(math.asin((4 * 4**6 - 3 * 4**5)**-0.25))
    assert exact == pytest.approx(float(math.degrees(dipole.loss_cone_angle(4))), rel=1e-12)
    text = ("The loss cone is $\\alpha_{lc} \\approx 5^\\circ$ at $L = 4$, "
            "not $\\alpha_{lc} \\approx 9^\\circ$ as at $L = 4$.")
    holds, wrong = judged(read, formulas, text, r"\alpha_{lc}")
    assert holds.verdict == "holds" and holds.against == "dipole_loss_cone"
    assert wrong.verdict == "erratum"
    assert float(wrong.corrected.rhs.args[0]) == pytest.approx(exact, rel=1e-3)


def test_an_input_the_value_does_not_depend_on_need_not_be_given(read, formulas):
    text = ("At the mirror point $\\alpha = 90^\\circ$ where $v_\\parallel = 0$.\n"
            "Nor is $\\alpha = 45^\\circ$ where $v_\\parallel = 0$.\n")
    right, wrong = judged(read, formulas, text, r"\alpha")
    assert right.verdict == "holds" and right.against == "pitch_angle"
    assert wrong.verdict == "erratum"


# --- coefficients and engineering formulas --------------------------------------------------

GYRO = ("The field is $B_E = 3.11 \\times 10^{{-5}}$ T at the surface.\n"
        "The electron gyrofrequency is $|\\Omega_e| = {} L^{{-3}}$ {}.\n")


EXACT_GYRO = constants.e * 3.11e-5 / constants.m_e             # rad/s at L = 1: 5.46993e6
CYCLIC = EXACT_GYRO / (2 * math.pi) / 1e6                       # MHz: 0.870567


@pytest.mark.parametrize("value, unit, verdict", [
    (f"{CYCLIC:.4g}", "MHz", "holds"),                   # Hz count cycles: omega/(2 pi)
    (r"5.47 \times 10^{6}", "rad/s", "holds"),           # the angular frequency itself
    ("0.8701", "MHz", "erratum"),                        # 0.05 % off, 4 digits
    ("5.47", "MHz", "erratum"),                          # angular in Hz: a 2 pi slip
])
def test_a_power_law_coefficient(read, formulas, value, unit, verdict):
    assert f"{CYCLIC:.4g}" == "0.8706" and f"{EXACT_GYRO:.3g}" == "5.47e+06"
    found = one(read, formulas, GYRO.format(value, unit), r"\Omega_e")
    assert found.verdict == verdict, found
    assert found.against == "dipole_gyrofrequency"
    if value == "5.47":
        assert "factor 2 pi" in found.diagnosis


def test_a_power_law_with_the_wrong_exponent_is_not_a_coefficient(read, formulas):
    found = one(read, formulas, GYRO.format(f"{CYCLIC:.4g}", "MHz").replace("{-3}", "{-2}"),
                r"\Omega_e")
    assert found.verdict == "erratum"
    assert found.diagnosis.startswith("wrong power of L: L**(-2) where the derived result "
                                      "has L**(-3)")


RADIUS = ("With $R_E = 6.37 \\times 10^6$ m and $B_E = 3.11 \\times 10^{{-5}}$ T, a proton has\n"
          "$$\\frac{{r_L}}{{R_E}} = \\sqrt{{\\mathcal{{E}}(\\text{{MeV}})}} "
          "\\left(\\frac{{L}}{{{}}}\\right)^3$$\n")


def test_an_engineering_formula_judged_by_its_digits(read, formulas):
    # r_L/R_E = sqrt(2 m W)/(e B_E R_E) L^3 (Newtonian, as the formula): L_1 = 11.1 at 1 MeV
    exact = (constants.e * 3.11e-5 * 6.37e6 / math.sqrt(2 * constants.m_p * MeV))**(1 / 3)
    assert f"{exact:.3g}" == "11.1"
    right = one(read, formulas, RADIUS.format("11.1"), "r_L")
    assert right.verdict == "holds", right
    assert right.against == "dipole_gyroradius_newtonian"
    wrong = one(read, formulas, RADIUS.format("11.3"), "r_L")   # 1.8 %: within 1 digit, but
    assert wrong.verdict == "erratum"                            # cubed: 5.5 % off
    assert "the number 11.3" in wrong.diagnosis
    assert wrong.corrected.rhs.name == \
        r"\sqrt{\mathcal{E}(\text{MeV})} \left(\frac{L}{11.1}\right)^3"


def test_a_newtonian_engineering_formula_at_mev_energies_holds_only_non_relativistically(
        read, formulas):
    # electrons: (e B_E R_E c/(W^2 + 2 W m c^2)^(1/2))^(1/3) at 1 MeV is 34.7, not 38.9
    rest = constants.m_e * constants.c**2
    exact = (constants.e * 3.11e-5 * 6.37e6 * constants.c
             / math.sqrt(MeV**2 + 2 * MeV * rest))**(1 / 3)
    assert f"{exact:.3g}" == "34.7"
    text = RADIUS.replace("a proton", "an electron").format("38.9")
    verdict = one(read, formulas, text, "r_L")
    assert verdict.verdict == "holds-with-condition", verdict
    assert verdict.condition.startswith("non-relativistic speeds (v << c): the relativistic "
                                        "value is 34.7 at L = ")
    assert "W = 1 MeV" in verdict.condition


def test_a_fit_is_judged_as_an_approximation(read, formulas):
    text = ("Protons: $R_E = 6.37 \\times 10^6$ m.\n"
            "$$\\tau_b \\simeq \\frac{L R_E}{(\\mathcal{E}/m)^{1/2}} "
            "(3.7 - 1.6 \\sin \\alpha_{eq})$$\n"
            "$$(\\tau_b)_p \\simeq 2.41 \\frac{L}{\\sqrt{\\mathcal{E}(\\text{MeV})}} "
            "(1 - 0.43 \\sin \\alpha_{eq}) \\text{ secs}$$\n"
            "$$(\\tau_b)_p \\simeq 4.82 \\frac{L}{\\sqrt{\\mathcal{E}(\\text{MeV})}} "
            "(1 - 0.43 \\sin \\alpha_{eq}) \\text{ secs}$$\n")
    fit, doubled = judged(read, formulas, text, "(\\tau_b)_p")
    assert fit.verdict == "holds-with-condition"
    assert "as an approximation" in fit.condition and "Newtonian" in fit.condition
    assert doubled.verdict == "erratum"


# --- the document's own arithmetic, labels, conversions -----------------------------------------

def test_a_number_from_the_documents_own_formula(read, formulas):
    b_e = constants.mu_0 * 8.05e22 / (4 * math.pi * 6.37e6**3)
    assert f"{b_e:.3g}" == "3.11e-05"
    text = ("$M_E = 8.05 \\times 10^{22}$ A m^2 and $R_E = 6.37 \\times 10^6$ m give\n"
            "$B_E = \\mu_0 M_E / (4\\pi R_E^3) = 3.11 \\times 10^{-5}$ T,\n"
            "not $B_E = \\mu_0 M_E / (4\\pi R_E^3) = 3.5 \\times 10^{-5}$ T.\n")
    right, wrong = judged(read, formulas, text, "B_E")
    assert right.verdict == "holds" and "document's own formula" in right.reason
    assert wrong.verdict == "erratum" and "+12.4%" in wrong.diagnosis


def test_a_drift_speed_worked_out_by_the_documents_formula(read, formulas):
    # v_E names no single result (a drift speed); its number is E/B with the values given,
    # written with units after a backslash-space (1 mV/m / 50 nT = 20 km/s)
    assert 1e-3 / 50e-9 == pytest.approx(2e4)
    text = ("For $E = 1\\ \\mathrm{mV/m}$ and $B = 50\\ \\mathrm{nT}$ the drift speed is\n"
            "$v_E = E/B = 20\\ \\mathrm{km/s}$, not $v_E = E/B = 40\\ \\mathrm{km/s}$.\n")
    right, wrong = judged(read, formulas, text, "v_E")
    assert right.verdict == "holds" and "document's own formula" in right.reason
    assert wrong.verdict == "erratum" and "off by a factor 2" in wrong.diagnosis


def test_a_number_that_follows_from_a_wrong_one_is_traced_to_it(read, formulas):
    right_b = constants.mu_0 * 8.05e22 / (4 * math.pi * 6.37e6**3)          # 3.114e-5 T
    wrong, right = (constants.e * b / constants.m_p / 1e3 for b in (3.5e-5, right_b))
    assert (f"{wrong:.3g}", f"{right:.3g}") == ("3.35", "2.98")           # krad/s at L = 1
    text = ("$B_E = \\mu_0 M_E/(4\\pi R_E^3) = 3.5 \\times 10^{-5}$ T with "
            "$M_E = 8.05 \\times 10^{22}$ A m^2, $R_E = 6.37 \\times 10^6$ m.\n"
            "Proton: $\\Omega_p = 3.35 L^{-3}$ krad/s.\n"     # consistent with the wrong B_E
            "Proton: $\\Omega_p = 2.98 L^{-3}$ krad/s.\n")    # right despite it
    traced, right = judged(read, formulas, text, r"\Omega_p")
    assert traced.verdict == "erratum"
    assert traced.corrected.rhs.name == r"2.98 L^{-3}\, \mathrm{krad/s}"      # unit kept
    assert traced.diagnosis.startswith("follows from a wrong number: the document's B_E = "
                                       "3.5e-05 T at line 1 is wrong (recomputed 3.114e-05 T)")
    assert right.verdict == "holds" and "but this number is right" in right.reason


def test_labels_of_a_formula(read, formulas):
    text = ("$$\\tau_b \\approx L \\underbrace{\\frac{R_E}{(W/m)^{1/2}}}_{(1)} "
            "\\left(\\underbrace{3.7 - 1.6 \\sin \\alpha_{eq}}_{(2)} \\right)$$\n"
            "$R_E = 6371$ km. Example: $W = 1 \\text{ keV}, \\, \\alpha_{eq} = 30^0 "
            "\\rightarrow (2) = 2.9$\n"
            "Electrons (1) $\\approx 0.48 \\text{ s}$, protons (1) $\\approx 20.5 \\text{ s}$\n")
    factor, electrons, protons = judged(read, formulas, text, "=" if False else None)[-3:]
    # (2) is a fit: recomputed as the factor the derived period implies, 2 sqrt(2) T(1/2)
    implied = 2 * math.sqrt(2) * float(dipole.T(0.5))
    assert factor.verdict == "erratum" and "+2.6%" in factor.diagnosis
    assert float(factor.corrected.rhs) == pytest.approx(implied, rel=2e-3)
    # (1) is exact: R_E (m/W)^(1/2) with the document's R_E
    one_electron = 6.371e6 / math.sqrt(1e3 * constants.e / constants.m_e)
    one_proton = 6.371e6 / math.sqrt(1e3 * constants.e / constants.m_p)
    assert f"{one_electron:.2g}" == "0.48" and f"{one_proton:.3g}" == "20.6"
    assert electrons.verdict == "holds"
    assert protons.verdict == "erratum" and "-0.4%" in protons.diagnosis


@pytest.mark.parametrize("value, verdict", [("1.602", "holds"), ("1.7", "erratum")])
def test_a_unit_conversion(read, formulas, value, verdict):
    text = f"$1 \\text{{eV}} = {value} \\times 10^{{-19}} \\text{{J}}$"
    assert one(read, formulas, text, "eV").verdict == verdict


# --- what is not a worked number ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "$$\\vec{v}_E = \\frac{\\vec{E} \\times \\vec{B}}{B^2}$$",
    "$E = 0$",
    "$$\\tau_b \\approx 4 \\frac{r_{eq}}{v} (1.30 - 0.56 \\sin\\alpha_{eq})$$",   # a formula
    "$\\tau_b \\sim 1$ s",                                                        # an order
    "$T(y) \\approx 1.30 - 0.56\\, y$",                        # a fit of a function, no value
])
def test_formulas_without_a_worked_number_are_left_to_the_checker(read, formulas, text):
    assert judged(read, formulas, text) == [None]


def test_a_datum_is_not_checkable(read, formulas):
    verdict = one(read, formulas, "($R_E = 6371$ km)", "R_E")
    assert verdict.verdict == "not-checkable"
    assert verdict.reason.startswith("a value the document gives for R_E")


@pytest.mark.parametrize("printed, verdict", [(r"\approx 1000", "holds"), ("= 1000", "erratum"),
                                              (r"\approx 2000", "erratum")])
def test_a_round_number_after_approx_has_the_digits_before_its_zeros(read, formulas, printed,
                                                                      verdict):
    """A proton at 100 km/s in 1 nT gyrates on r_L = 1044 km: '~1000 km' is one digit
    (within half a thousand), '= 1000 km' four (4 % off is an erratum)."""
    radius = constants.m_p * 1e5 / (constants.e * 1e-9)
    assert abs(radius / 1e6 - 1.044) < 1e-3
    text = ("For a proton in $B = 1$ nT moving at $v_\\perp = 100$ km/s the Larmor radius "
            f"is $r_L {printed}$ km.\n")
    assert one(read, formulas, text, "r_L").verdict == verdict
