"""Drift current: the derived current density is the sum of n q v over both
species, the German lecture's ring-current formula (minus signs on the electron
terms) is refused, and so are perturbed forms."""

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.engine import DerivationBuilder, StepNotProved, equation
from guidingcenter.vectors import Cross, Dot, Frame, Grad

B, n, e = S.B, S.n, S.e
m_i, m_e = S.m_i, S.m_e
vpi, vqi, vpe, vqe = S.v_perp_i, S.v_par_i, S.v_perp_e, S.v_par_e
Bc, g = S.components("B"), S.components("gradB")
generic = Frame(vectors={S.B_vec: Bc, Grad(B): g}, scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))})
size = sp.sqrt(Bc.dot(Bc))
direction = Bc.cross(g) / size**3


def derived():
    return sp.Matrix(generic.explicit(registry.result("drift_current_density").expression))


def is_zero(matrix):
    return all(sp.simplify(element) == 0 for element in matrix)


def chen_drift(charge, mass, v_perp, v_par):
    """Chen eq. (2.30): grad-B plus curvature drift in a vacuum field."""
    return mass / charge * (v_par**2 + v_perp**2 / 2) * direction


def test_current_is_the_sum_over_species():
    # j = sum_s n q_s v_s with q = +e for ions and -e for electrons (typed here)
    j = n * e * chen_drift(e, m_i, vpi, vqi) + n * (-e) * chen_drift(-e, m_e, vpe, vqe)
    assert is_zero(derived() - j)
    assert e not in derived().free_symbols   # the charge cancels


# German lecture 004, "Im Erdmagnetfeld: Ringstrom" (transcribed):
# j = n_e [ (1/2)(m_i v_perp_i^2 - m_e v_perp_e^2) + (m_i v_par_i^2 - m_e v_par_e^2) ]
#     * B x grad B / B^3
notes = n * ((m_i * vpi**2 - m_e * vpe**2) / 2 + (m_i * vqi**2 - m_e * vqe**2))


def test_german_ring_current_formula_differs_in_the_electron_terms():
    difference = derived() - notes * direction
    # exactly twice the electron contribution: the notes subtract what should be added
    assert is_zero(difference - 2 * n * m_e * (vpe**2 / 2 + vqe**2) * direction)


def claim(typed):
    result = registry.result("drift_current_density")
    d = DerivationBuilder("perturbed", "perturbed", frame=result.frame)
    d.imported(result)
    d.claim(equation(S.j_vec, typed), "a form")


right = n * ((m_i * vpi**2 + m_e * vpe**2) / 2 + m_i * vqi**2 + m_e * vqe**2) \
    * Cross(S.B_vec, Grad(B)) / B**3


def test_right_form_accepted():
    claim(right)


@pytest.mark.parametrize("wrong", [
    notes * Cross(S.B_vec, Grad(B)) / B**3,           # the German lecture's signs
    2 * right, -right, right * B,                     # factor 2, sign, exponent
    e * right,                                        # a charge that should cancel
], ids=["notes 004", "factor 2", "sign", "exponent", "stray e"])
def test_wrong_forms_refused(wrong):
    with pytest.raises(StepNotProved):
        claim(wrong)
