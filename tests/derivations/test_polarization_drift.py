"""Polarization drift: the derived results are the textbook forms, an exact
solution of the equation of motion in a ramped electric field confirms them, and
perturbed forms are refused by the engine."""

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.engine import DerivationBuilder, StepNotProved, equation
from guidingcenter.vectors import Cross, Dot, Frame

q, m, B, t = S.q, S.m, S.B, S.t
Bc, dE, a = S.components("B"), S.components("dE"), S.components("a")
generic = Frame(vectors={S.B_vec: Bc, S.dE_dt: dE, S.dvF_dt: a,
                         S.dEperp_dt: dE - dE.dot(Bc) * Bc / Bc.dot(Bc)},
                scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec)), S.omega_c: q * B / m})
B2 = Bc.dot(Bc)
dE_perp = dE - dE.dot(Bc) * Bc / B2


def components(name):
    return sp.Matrix(generic.explicit(registry.result(name).expression))


def is_zero(matrix):
    return all(sp.simplify(element) == 0 for element in matrix)


@pytest.mark.parametrize("name,expected", [
    ("polarization_drift_general", -m / (q * B2) * a.cross(Bc)),        # notes 002 sec. 02
    ("polarization_drift", m / (q * B2) * dE_perp),                     # Chen eq. (2.66)
    ("polarization_drift_omega", dE_perp / (q * sp.sqrt(B2) / m * sp.sqrt(B2))),  # notes 003
])
def test_results_are_the_textbook_forms(name, expected):
    assert is_zero(components(name) - expected)


def test_a_wrong_sign_is_seen():
    assert not is_zero(components("polarization_drift") + m / (q * B2) * dE_perp)


def test_exact_solution_in_a_ramped_electric_field():
    # B = B z-hat constant, E = E_0 + t dE/dt across B: v(t) = E x B/B^2 + m/(qB^2) dE/dt
    # solves m dv/dt = q (E + v x B) exactly (no gyration; Chen sec. 2.5), so the
    # guiding centre moves at v_E + v_P with the derived v_P.
    field = sp.Matrix([0, 0, B])
    E0, ramp = sp.Matrix([S.components("E")[0], S.components("E")[1], 0]), sp.Matrix(
        [dE[0], dE[1], 0])
    E = E0 + t * ramp
    velocity = E.cross(field) / B**2 + m / (q * B**2) * ramp
    assert is_zero(m * velocity.diff(t) - q * (E + velocity.cross(field)))
    aligned = Frame(vectors={S.B_vec: field, S.dE_dt: ramp, S.E_vec: E},
                    scalars={S.omega_c: q * B / m})
    v_E = aligned.explicit(registry.result("ExB_drift").expression)
    v_P = aligned.explicit(registry.result("polarization_drift").expression)
    assert is_zero(velocity - v_E - v_P)


def test_ions_along_electrons_against_dE_dt():
    # v_P . dE/dt = m |dE_perp/dt|^2 / (q B^2): the sign of q
    along = components("polarization_drift").dot(dE)
    assert sp.simplify(along - m * dE_perp.dot(dE_perp) / (q * B2)) == 0


# --- perturbed forms are refused by the engine -----------------------------------------
def refused(name, typed):
    result = registry.result(name)
    d = DerivationBuilder("perturbed", "perturbed", frame=result.frame)
    d.imported(result)
    try:
        d.claim(equation(result.statement.lhs, typed), "a form")
    except StepNotProved:
        return True
    return False


general = -m / (q * B**2) * Cross(S.dvF_dt, S.B_vec)
electric = m / (q * B**4) * Cross(S.B_vec, Cross(S.dE_dt, S.B_vec))
omega = S.dEperp_dt / (S.omega_c * B)


@pytest.mark.parametrize("name,right,wrongs", [
    ("polarization_drift_general", general, [2 * general, -general, general * B]),
    ("polarization_drift", electric, [2 * electric, -electric, electric * B]),
    ("polarization_drift_omega", omega, [2 * omega, -omega, omega / B]),
])
def test_right_form_accepted_perturbed_forms_refused(name, right, wrongs):
    assert not refused(name, right)
    assert all(refused(name, wrong) for wrong in wrongs)
