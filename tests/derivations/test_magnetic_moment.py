"""Magnetic moment and mirror force: the derived results are the textbook forms,
and perturbed forms (including the misprints of the German notes 004) are
refused by the engine."""

import re

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.engine import DerivationBuilder, StepNotProved, equation
from guidingcenter.vectors import Dot, Frame, Grad

q, m, v_perp, B, mu = S.q, S.m, S.v_perp, S.B, S.mu
Bc, gradB = S.components("B"), S.components("gradB")
generic = Frame(vectors={S.B_vec: Bc, Grad(B): gradB},
                scalars={B: sp.sqrt(Dot(S.B_vec, S.B_vec))})
size = sp.sqrt(Bc.dot(Bc))


def derivation():
    return registry.derivation("magnetic_moment")


def proved_against(result_name):
    """(frame, computed statement) that the typed result was proved equal to."""
    result = derivation().result(result_name)
    detail = derivation().steps[result.step - 1].proof.detail
    index = int(re.match(r"equal to step (\d+)", detail).group(1))
    return result.frame, derivation().steps[index - 1].statement


def claim_against(result_name, statement):
    """Ask the engine to accept ``statement`` where the result was proved."""
    frame, computed = proved_against(result_name)
    d = DerivationBuilder("check", "check", frame=frame)
    d.given(computed, "the computed form")
    return d.claim(statement, "typed form")


def test_moment_and_mirror_force_are_the_textbook_forms():
    # Chen sec. 2.3.3: mu = m v_perp^2 / (2B), F_par = -mu dB/ds
    assert registry.result("magnetic_moment").expression == m * v_perp**2 / (2 * B)
    assert registry.result("mirror_force").expression == -mu * S.dB_ds


def test_mirror_force_is_the_gradB_force_along_B():
    # the same physics from the general field of gradb_drift: the z component of
    # -mu grad B, z along B there
    assert registry.result("gradB_force").expression == -mu * Grad(B)
    assert registry.result("moment_force").expression == -mu * Grad(B)


def test_current_loop_moment():
    # Jackson sec. 5.6: a plane loop of current I enclosing area A has moment I A.
    # Independently: I = |q| |omega_c| / (2 pi), A = pi r_L^2 with r_L = v_perp/|omega_c|,
    # omega_c = q B/m.
    result = registry.result("moment_current_loop")
    omega = q * B / m
    loop = sp.Abs(q) * sp.Abs(omega) / (2 * sp.pi) * sp.pi * (v_perp / sp.Abs(omega))**2
    on_axis = {S.b0_of(S.z): B}
    assert sp.simplify(result.frame.explicit(result.statement.rhs).subs(on_axis) - loop) == 0
    assert sp.simplify(loop - m * v_perp**2 / (2 * B)) == 0


def test_moment_vector_is_diamagnetic_for_any_field_direction():
    moment = sp.Matrix(generic.explicit(registry.result("moment_vector").expression))
    assert all(sp.simplify(e) == 0 for e in moment - (-m * v_perp**2 / (2 * size**2) * Bc))
    # antiparallel: mu . B = -mu |B| < 0 and mu x B = 0, for either sign of q (q absent)
    assert sp.simplify(moment.dot(Bc) + m * v_perp**2 / 2 * size / size) == 0
    assert all(sp.simplify(e) == 0 for e in moment.cross(Bc))
    assert q not in moment.free_symbols


def test_energy_force_and_torque():
    assert registry.result("moment_energy").expression == mu * B
    force = sp.Matrix(generic.explicit(registry.result("moment_force").expression))
    assert force == -mu * gradB
    assert registry.result("moment_torque").expression == sp.zeros(3, 1)


def test_the_engine_accepts_the_right_forms():
    # the refusals below are not an artefact of the check itself
    claim_against("mirror_force", equation(S.F_parallel, -mu * S.dB_ds))
    claim_against("moment_vector", equation(S.mu_vec, -mu * S.B_vec / B))


@pytest.mark.parametrize("wrong", [-2 * mu * S.dB_ds, mu * S.dB_ds, -mu * S.dB_ds**2,
                                   -mu**2 * S.dB_ds],
                         ids=["factor 2", "sign", "exponent of dB/ds", "exponent of mu"])
def test_wrong_mirror_forces_are_refused(wrong):
    with pytest.raises(StepNotProved):
        claim_against("mirror_force", equation(S.F_parallel, wrong))


@pytest.mark.parametrize("wrong", [-m * v_perp**2 / B**2 * S.B_vec,
                                   m * v_perp**2 / (2 * B**2) * S.B_vec,
                                   -m * v_perp**2 / (2 * B) * S.B_vec],
                         ids=["factor 2", "paramagnetic sign", "exponent"])
def test_wrong_moment_vectors_are_refused(wrong):
    with pytest.raises(StepNotProved):
        claim_against("moment_vector", equation(S.mu_vec, wrong))


@pytest.mark.parametrize("wrong", [2 * mu * B, -mu * B, mu * B**2],
                         ids=["factor 2", "sign", "exponent"])
def test_wrong_energies_are_refused(wrong):
    with pytest.raises(StepNotProved):
        claim_against("moment_energy", equation(S.U, wrong))


def test_the_misprints_of_notes_004_are_refused():
    steps = derivation().steps
    area = next(s for s in steps if s.statement == equation(S.A, sp.pi * S.r_L**2))
    averaged = next(s for s in steps if s.statement.lhs == S.F_avg
                    and s.proof.method == "computed" and s.proof.detail.startswith("gyro"))
    frame = registry.result("moment_current_loop").frame
    d = DerivationBuilder("check", "check", frame=frame)
    d.given(area.statement, "A = pi r_L^2")
    # "A = pi r_L^2 = pi v_perp / omega_c^2": the square of v_perp is missing
    with pytest.raises(StepNotProved):
        d.claim(equation(S.A, sp.pi * v_perp / S.omega_c**2), "notes 004")
    d.claim(equation(S.A, sp.pi * v_perp**2 / S.omega_c**2), "corrected")
    d.given(averaged.statement, "gyro-averaged force")
    # "F_z = q (v_r B_theta + v_theta B_r)": the sign of the v_theta B_r term is wrong
    with pytest.raises(StepNotProved):
        d.claim(equation(S.F_avg, sp.Matrix([0, 0, q * S.v_theta * S.Br_of(S.r, S.z)])),
                "notes 004")
    d.claim(equation(S.F_avg, sp.Matrix([0, 0, -q * S.v_theta * S.Br_of(S.r, S.z)])),
            "corrected", of=d.steps[2])
    # "F_z = -q (m v_perp^2 / (2B)) dB_z/dz": a stray factor q
    d.given(next(s for s in steps if s.statement.lhs == S.F_parallel).statement, "F_par")
    with pytest.raises(StepNotProved):
        d.claim(equation(S.F_parallel, -q * m * v_perp**2 / (2 * B)
                         * sp.Derivative(S.b0_of(S.z), S.z)), "notes 004")


def test_radial_field_from_div_B():
    # Chen sec. 2.3.3: B_r = -(r/2) dB_z/dz near the axis, checked on a vacuum mirror
    # field the derivation never saw: B_z = B_0 (1 + z^2/L^2 - r^2/(2 L^2)),
    # B_r = -B_0 r z/L^2 (div B = 0 and curl B = 0 exactly).
    r, z, L = S.r, S.z, S.L
    B_z = S.B_0 * (1 + z**2 / L**2 - r**2 / (2 * L**2))
    B_r = -S.B_0 * r * z / L**2
    assert sp.simplify(sp.diff(r * B_r, r) / r + sp.diff(B_z, z)) == 0
    first_order = next(s for s in derivation().steps
                       if s.proof.method == "symbolic" and s.statement.lhs == S.Br_of(r, z))
    predicted = first_order.statement.rhs.subs(S.b0_of(z), B_z.subs(r, 0)).doit()
    assert sp.simplify(predicted - B_r) == 0
