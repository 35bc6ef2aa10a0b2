"""The single edit an erratum's diagnosis names, in the words a physicist would use.

Sources of the forms (each right as printed, then with a planted misprint):
Baumjohann & Treumann, Basic Space Plasma Physics, ch. 2-3 (the relativistic gyroradius
gamma m v_perp/(|q| B); the dipole field magnitude; the bounce period fit
L R_E (W/m)^-1/2 (3.7 - 1.6 sin alpha_eq)); Roederer, Dynamics of Geomagnetically
Trapped Radiation, ch. 1 (the invariant latitude cos^2 Lambda = 1/L; the field where the
line meets the surface, B_E (4 - 3/L)^1/2); Schulz & Lanzerotti's fit of T(y) with its
end values T(0) and T(1); Chen 2.2 (the gyroradius from the perpendicular energy).
"""

import pytest
import sympy as sp

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.check import diagnosis
from guidingcenter.check.formula import check_text


def verdict(text):
    found = check_text(text)
    return min(found, key=lambda v: v.ok)          # a chain is as good as its worst link


@pytest.mark.parametrize("right, wrong, kind, words", [
    # a claim in gamma is diagnosed against the relativistic result, not the Newtonian one
    (r"\rho = \frac{\gamma m v_\perp}{|q| B}", r"\rho = \frac{\gamma^2 m v_\perp}{|q| B}",
     "exponent", "gamma**2 where gamma is right"),
    # a sign of one term of the claim as written, though it is compared solved for L
    (r"1 - \sin^2\lambda_{lc} = \frac{1}{L}", r"1 + \sin^2\lambda_{lc} = \frac{1}{L}",
     "term-sign", "sin(lambda_E)**2"),
    # a definition the toolkit uses (the notation table's bridge), one edit away
    (r"B_{foot} = B_E\sqrt{4 - 3/L}", r"B_{foot} = B_E\sqrt{4 - 3L}", "exponent",
     "L where 1/L is right"),
    # a fit without decimals (T(0), T(1) and 1/2) is a fit: a factor before its bracket
    (r"T(y) = T(0) - \frac{1}{2}\left(T(0) - T(1)\right)\left(y + \sqrt{y}\right)",
     r"T(y) = T(0) - \left(T(0) - T(1)\right)\left(y + \sqrt{y}\right)", "missing-factor",
     "missing factor 1/2 before"),
    # a decimal slip in one coefficient of a fit, judged with the fit's tolerance
    (r"\tau_b \approx \frac{L R_E}{(W/m)^{1/2}}\,(3.7 - 1.6\sin\alpha_{eq})",
     r"\tau_b \approx \frac{L R_E}{(W/m)^{1/2}}\,(0.37 - 1.6\sin\alpha_{eq})", "term-factor",
     "0.37 where 3.7 is right"),
    # ^1/2 typed without braces is (x^1)/2
    (r"r_L = \frac{(2 m W_\perp)^{1/2}}{|q| B}", r"r_L = \frac{(2 m W_\perp)^1/2}{|q| B}",
     "exponent", "^1/2 without braces"),
])
def test_the_single_edit_is_named(right, wrong, kind, words):
    assert verdict(right).ok, right
    found = verdict(wrong)
    assert found.verdict == "erratum" and found.edits[0][0] == kind, found
    assert words in found.diagnosis, found.diagnosis


def test_an_implicit_relation_is_edited_as_written():
    right = (r"\left(\frac{B}{B_E}\right)^2 \left(\frac{r}{R_E}\right)^6 - "
             r"(1 + 3\sin^2\lambda) = 0")
    assert verdict(right).ok
    found = verdict(right.replace("^6", "^3"))
    assert found.verdict == "erratum" and found.edits[0][0] == "exponent", found


def test_the_power_of_a_symbol_is_read_through_a_sum_and_a_reciprocal():
    x, y = sp.symbols("x y", positive=True)
    assert diagnosis.exponent_of(1 / (x**2 * y + x**2), x) == -2      # x^2 (y + 1)
    assert diagnosis.exponent_of(y / (x + y), x) is None                # inside a sum
    assert diagnosis.exponent_of(3 * y, x) == 0


def test_a_ratio_of_several_symbols_has_one_exponent():
    r, L, R = sp.symbols("r L R_E", positive=True)
    claim = r**3 / (L**3 * R**3) - 4
    edited = {candidate for _, edit, candidate in diagnosis.edits(claim)
              if edit[0] == "exponent"}
    assert r**6 / (L**6 * R**6) - 4 in edited
    assert r**6 / (L**6 * R**3) - 4 in edited            # the pair r/L alone, too


def test_a_factor_before_a_bracket_and_a_decimal_slip_are_edits():
    a, b, y = sp.symbols("a b y", positive=True)
    claim = a - (a - b) * (y + 1)
    assert a - (a - b) * (y + 1) / 2 in {c for _, _, c in diagnosis.group_factors(claim)}
    fit = sp.Float("3.7") - sp.Float("0.16") * y
    slips = [(words, c) for words, edit, c in diagnosis.term_factors(fit, fit)
             if "decimal slip" in words]
    assert any(sp.simplify(c - (sp.Float("3.7") - sp.Float("1.6") * y)) == 0
               for _, c in slips), slips


def test_a_number_that_is_a_power_of_a_constant_is_named_so():
    claim = sp.Eq(S.tau_d, S.B_E * S.R_E / (S.L * S.W))
    words, edit, corrected = diagnosis.constant_power(1.00001 / constants.R_E, claim,
                                                      {S.R_E: constants.R_E})
    assert edit == ("exponent", S.R_E, 1, 2) and corrected.has(S.R_E**2), words
    words, edit, _ = diagnosis.constant_power(2 * constants.c, sp.Eq(S.v, S.c * S.E / S.B),
                                              {S.c: constants.c})
    assert edit == ("extra-factor", 2 * S.c), words
    assert diagnosis.constant_power(1.2345, claim, {S.R_E: constants.R_E}) is None


def test_an_exponent_without_braces_is_found():
    braced, found = diagnosis.braced_exponents(r"\sin(\alpha)^1/2 + x^{3/2} + z^3/2 + y^3 / 2")
    assert braced == r"\sin(\alpha)^{1/2} + x^{3/2} + z^{3/2} + y^3 / 2"
    assert found == ["1/2", "3/2"]
    assert diagnosis.braced_exponents(r"x^{1/2}") is None
