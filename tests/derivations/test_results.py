"""The derived results are the textbook formulas (checked against independent forms)."""

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.vectors import Dot, Frame, Grad


def explicit(result, frame):
    return frame.explicit(result.expression)


generic = Frame(vectors={S.B_vec: S.components("B"), S.E_vec: S.components("E"),
                         S.F_vec: S.components("F"), S.g_vec: S.components("g"),
                         Grad(S.B): S.components("gradB")},
                scalars={S.B: sp.sqrt(Dot(S.B_vec, S.B_vec))})


def same(a, b):
    difference = sp.Matrix(a) - sp.Matrix(b) if isinstance(a, sp.MatrixBase) else a - b
    return sp.simplify(difference) == 0 or difference.applyfunc(sp.simplify).is_zero_matrix


def test_gyration_results():
    assert registry.result("gyrofrequency").expression == S.q * S.B / S.m
    assert sp.simplify(registry.result("gyroradius").expression
                       - S.m * S.v_perp / (sp.Abs(S.q) * S.B)) == 0


def test_drift_results_in_components():
    B, E = S.components("B"), S.components("E")
    B2 = B.dot(B)
    assert same(explicit(registry.result("ExB_drift"), generic), E.cross(B) / B2)
    F = S.components("F")
    assert same(explicit(registry.result("force_drift"), generic), F.cross(B) / (S.q * B2))
    gradB = S.components("gradB")
    expected = S.m * S.v_perp**2 / (2 * S.q * B2**sp.Rational(3, 2)) * B.cross(gradB)
    assert same(explicit(registry.result("gradB_drift"), generic), expected)


def test_gradB_force_is_minus_mu_gradB():
    statement = registry.result("gradB_force").statement
    assert statement.rhs == -S.mu * Grad(S.B)


def test_wrong_textbook_forms_differ():
    # the check above could fail: a factor 2 in the grad-B drift is seen
    B, gradB = S.components("B"), S.components("gradB")
    B2 = B.dot(B)
    wrong = S.m * S.v_perp**2 / (S.q * B2**sp.Rational(3, 2)) * B.cross(gradB)
    assert not same(explicit(registry.result("gradB_drift"), generic), wrong)
