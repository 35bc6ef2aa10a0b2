"""Mirrors and the loss cone: the derived results are the textbook forms, they
agree with the dipole derivation, and perturbed forms (including the tanh^-1
pitch angle of the Hebrew notes 003) are refused by the engine."""

import re

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.engine import DerivationBuilder, StepNotProved, equation

v, v_perp, v_par = S.v, S.v_perp, S.v_par
alpha, alpha_0, alpha_lc = S.alpha, S.alpha_0, S.alpha_lc
B_0, B_max, B_m = S.B_0, S.B_max, S.B_m


def derivation():
    return registry.derivation("mirror")


def claim_against(result_name, statement):
    """Ask the engine to accept ``statement`` where the result was proved."""
    result = derivation().result(result_name)
    step = derivation().steps[result.step - 1]
    match = re.match(r"equal to step (\d+)", step.proof.detail)
    computed = derivation().steps[int(match.group(1)) - 1] if match else step
    d = DerivationBuilder("check", "check", frame=result.frame, domains={
        alpha: (0, sp.pi), alpha_0: (0, sp.pi / 2), alpha_lc: (0, sp.pi / 2),
        B_max: (B_0, 10 * B_0), S.R_m: (1, 10)})
    d.given(computed.statement, "the computed form")
    return d.claim(statement, "typed form")


@pytest.mark.parametrize("name,lhs,rhs", [
    # Chen sec. 2.3.3 (loss cone eq. 2.48); notes 004 "Pitch-Winkel", "Verlustkegel"
    ("pitch_angle_sin", sp.sin(alpha), v_perp / v),
    ("pitch_angle_tan", sp.tan(alpha), v_perp / v_par),
    ("pitch_angle", alpha, sp.atan2(v_perp, v_par)),
    ("mirror_ratio", sp.sin(S.alpha_1)**2 / sp.sin(S.alpha_2)**2, S.B_1 / S.B_2),
    ("mirror_point_field", B_m, B_0 / sp.sin(alpha_0)**2),
    ("critical_speed_ratio", sp.Abs(v_par) / v_perp, sp.sqrt((B_max - B_0) / B_0)),
    ("loss_cone_angle", alpha_lc, sp.asin(sp.sqrt(B_0 / B_max))),
    ("loss_cone_field_ratio", S.B_min / B_max, v_perp**2 / v**2),
    ("mirror_field_ratio", S.R_m, B_max / B_0),
    ("loss_cone_angle_mirror_ratio", alpha_lc, sp.asin(1 / sp.sqrt(S.R_m))),
])
def test_results_are_the_textbook_forms(name, lhs, rhs):
    statement = registry.result(name).statement
    assert statement.lhs == lhs
    assert sp.simplify(statement.rhs - rhs) == 0


def test_the_hebrew_mirror_ratio_is_the_same_statement():
    # notes 003 write sin^2 alpha_2 / sin^2 alpha_1 = B_2/B_1: the reciprocal
    statement = registry.result("mirror_ratio").statement
    assert sp.simplify(1 / statement.lhs - sp.sin(S.alpha_2)**2 / sp.sin(S.alpha_1)**2) == 0
    assert sp.simplify(1 / statement.rhs - S.B_2 / S.B_1) == 0


def test_parallel_speed_along_the_line():
    # notes 004 bounce period: v_par = v [1 - (B/B_eq) sin^2 alpha_eq]^(1/2)
    speed = registry.result("parallel_speed_pitch_angle").expression
    assert sp.simplify(speed - v * sp.sqrt(1 - S.B / B_0 * sp.sin(alpha_0)**2)) == 0
    assert sp.simplify(speed.subs(S.B, registry.result("mirror_point_field").expression)) == 0


def test_loss_cone_agrees_with_the_dipole_derivation():
    # B_0 = B_E/L^3 at the equator, B_max = the field where the line meets the surface
    cone = registry.result("loss_cone_angle").expression
    lam = sp.acos(1 / sp.sqrt(S.L))            # cos^2 lambda_E = 1/L
    at_surface = S.B_E / S.L**3 * sp.sqrt(1 + 3 * sp.sin(lam)**2) / sp.cos(lam)**6
    sine2 = sp.sin(cone.subs({B_0: S.B_E / S.L**3, B_max: at_surface}))**2
    dipole = registry.result("dipole_loss_cone").expression
    for L in (1.5, 3, 6.6):
        assert float(sine2.subs(S.L, L)) == pytest.approx(float(dipole.subs(S.L, L)),
                                                          rel=1e-14)  # double rounding


def test_the_engine_accepts_the_right_forms():
    claim_against("loss_cone_angle", equation(alpha_lc, sp.asin(sp.sqrt(B_0 / B_max))))
    claim_against("pitch_angle", equation(alpha, sp.atan2(v_perp, v_par)))


@pytest.mark.parametrize("wrong", [sp.atanh(v_perp / v_par), sp.atan(v_perp / v_par),
                                   sp.atan2(v_par, v_perp), 2 * sp.atan2(v_perp, v_par)],
                         ids=["tanh^-1 of notes 003", "arctan (wrong for v_par < 0)",
                              "complement", "factor 2"])
def test_wrong_pitch_angles_are_refused(wrong):
    with pytest.raises(StepNotProved):
        claim_against("pitch_angle", equation(alpha, wrong))


@pytest.mark.parametrize("name,lhs,wrong", [
    ("mirror_ratio", sp.sin(S.alpha_1)**2 / sp.sin(S.alpha_2)**2, S.B_2 / S.B_1),
    ("mirror_ratio", sp.sin(S.alpha_1)**2 / sp.sin(S.alpha_2)**2, (S.B_1 / S.B_2)**2),
    ("mirror_point_field", B_m, B_0 / sp.sin(alpha_0)),
    ("mirror_point_field", B_m, 2 * B_0 / sp.sin(alpha_0)**2),
    ("critical_speed_ratio", sp.Abs(v_par) / v_perp, sp.sqrt((B_max + B_0) / B_0)),
    ("critical_speed_ratio", sp.Abs(v_par) / v_perp, (B_max - B_0) / B_0),
    ("loss_cone_angle", alpha_lc, sp.asin(B_0 / B_max)),
    ("loss_cone_angle", alpha_lc, sp.acos(sp.sqrt(B_0 / B_max))),
    ("loss_cone_angle", alpha_lc, 2 * sp.asin(sp.sqrt(B_0 / B_max))),
    ("loss_cone_angle_mirror_ratio", alpha_lc, sp.asin(1 / S.R_m)),
    ("loss_cone_field_ratio", S.B_min / B_max, v_perp / v),
    ("loss_cone_field_ratio", S.B_min / B_max, v_par**2 / v**2),
], ids=["inverted", "squared", "sine not squared", "factor 2", "sign", "no root",
        "no root", "complement", "factor 2", "ratio not rooted", "exponent",
        "v_par for v_perp"])
def test_wrong_forms_are_refused(name, lhs, wrong):
    with pytest.raises(StepNotProved):
        claim_against(name, equation(lhs, wrong))
