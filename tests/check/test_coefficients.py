"""Formulas with their constants multiplied out for some units (omega_ce = 1.76e11 B).

Every expected coefficient below is the derived one, computed from CODATA constants by
the module itself and printed to three digits as formularies do; the refusals hand it a
factor 1e4 (gauss for tesla), a factor 1e6, a 6 % error and a wrong exponent.
"""

import pytest
import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.coefficients import judge_coefficient, numbered
from guidingcenter.check.documents.units import unit
from guidingcenter.check.formula import check_text
from guidingcenter.check.parsing import read

GYROFREQUENCY = sp.Eq(S.omega_c, S.q * S.B / S.m)


def electron(rhs, printed=()):
    return judge_coefficient(sp.Eq(S.omega_c, rhs), GYROFREQUENCY,
                             stated=("negative-charge",), printed=printed)


def test_the_coefficient_is_judged_in_the_units_that_make_it_right():
    assert "1.7588e+11 in SI units" in electron(1.76e11 * S.B).condition
    assert "1.7588e+07 in Gaussian units" in electron(1.76e7 * S.B).condition


def test_a_wrong_coefficient_is_refused():
    assert electron(1.86e11 * S.B, printed=(unit("T"),)).verdict == "erratum"     # 6 % off
    found = electron(1.76e7 * S.B, printed=(unit("T"),))        # per gauss, B in tesla
    assert found.verdict == "erratum" and found.edits == (("factor", sp.Rational(1, 10**4)),)


def test_only_a_number_times_the_result_is_judged_so():
    assert electron(1.76e11 * S.B**2) is None                   # a wrong exponent
    assert electron(S.B / 2) is None                            # no number multiplied out
    assert numbered(1.76e11 * S.B) and numbered(sp.Integer(10)**8 * S.E / S.B)
    assert not numbered(S.B / 2)


def test_printed_units_are_read_and_kept_apart_from_the_formula():
    relation, = read(r"\omega_{ce} = 1.76 \times 10^{11} B[\text{T}] \quad [\text{rad/s}]")
    assert [u.name for u in relation.units] == ["T", "rad_s"]
    assert relation.statement.rhs == sp.Float(1.76e11) * S.B


@pytest.mark.parametrize("text, verdict, words", [
    (r"\omega_{ce} = 1.76 \times 10^{11} B", "holds-with-condition", "SI units"),
    (r"\omega_{ce} = 1.76 \times 10^{7} B \mbox{rad/s}", "holds-with-condition", "Gaussian"),
    (r"\omega_{ci} = 9.58 \times 10^{7} B", "holds-with-condition", "SI units"),
    (r"f_{ce} = 2.80 \times 10^{10} B", "holds-with-condition", "2.7992e+10"),
    (r"r_L = 5.69 \times 10^{-12} \frac{v_\perp}{B}", "holds-with-condition", "an electron"),
    (r"\omega_{ce} \approx 1.76 \times 10^{7} B[\text{T}]", "erratum", "factor 1/10000"),
    (r"r_{Le} \approx 5.69 \times 10^{-6} \frac{v_\perp[\text{m/s}]}{B[\text{T}]}", "erratum",
     "factor 1000000"),
    (r"\omega_{ce} = 1.76 \times 10^{11} B^2", "erratum", "dimensionally inconsistent"),
])
def test_formulary_numbers(text, verdict, words):
    found, = check_text(text)
    assert found.verdict == verdict
    assert words in found.condition + found.diagnosis
