"""Conservation of mu and the energy integral: the results are the textbook forms,
the conservation proof fails when its inputs are perturbed, and the parallel
speed of notes 002 (which drops q phi) is refused."""

import re

import pytest
import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.engine import DerivationBuilder, StepNotProved, equation

q, m, mu, B, W_0, phi = S.q, S.m, S.mu, S.B, S.W_0, S.varphi_E
t, v_par, v_perp, s = S.t, S.v_par_t, S.v_perp_t, S.s_t


def derivation():
    return registry.derivation("mu_conservation")


def computed_form(result_name):
    """The computed statement behind a result: the result itself, or for a typed
    result the step it was proved equal to."""
    result = derivation().result(result_name)
    match = re.match(r"equal to step (\d+)", derivation().steps[result.step - 1].proof.detail)
    return derivation().steps[int(match.group(1)) - 1].statement if match else result.statement


def test_results_are_the_textbook_forms():
    # Chen sec. 2.3.3; German notes 004 "Erhaltung des Magnetischen Moments"
    assert registry.result("mu_invariant").statement == equation(sp.Derivative(S.mu_t, t), 0)
    integral = registry.result("energy_integral").statement
    assert sp.expand(integral.lhs - integral.rhs
                     - (m * S.v_par**2 / 2 + q * phi + mu * B - W_0)) == 0
    speed = registry.result("parallel_speed").statement
    assert speed.lhs == sp.Abs(S.v_par)
    assert sp.simplify(speed.rhs**2 - 2 * (W_0 - q * phi - mu * B) / m) == 0


def test_parallel_speed_solves_the_energy_integral():
    speed = registry.result("parallel_speed").expression
    energy = m * speed**2 / 2 + q * phi + mu * B
    assert sp.simplify(energy - W_0) == 0


def claim_on(statement, typed):
    d = DerivationBuilder("check", "check")
    d.given(statement, "computed form")
    return d.claim(typed, "typed form")


def test_the_form_of_notes_002_is_refused():
    # notes 002: v_par = sqrt((2/m)(W_0 - mu B)) right after writing q phi into W_0
    computed = computed_form("parallel_speed")
    claim_on(computed, equation(sp.Abs(S.v_par), sp.sqrt(2 / m * (W_0 - q * phi - mu * B))))
    with pytest.raises(StepNotProved):
        claim_on(computed, equation(sp.Abs(S.v_par), sp.sqrt(2 / m * (W_0 - mu * B))))


@pytest.mark.parametrize("wrong", [sp.sqrt(4 / m * (W_0 - q * phi - mu * B)),
                                   sp.sqrt(2 / m * (W_0 + q * phi - mu * B)),
                                   2 / m * (W_0 - q * phi - mu * B)],
                         ids=["factor 2", "sign of q phi", "exponent"])
def test_wrong_parallel_speeds_are_refused(wrong):
    with pytest.raises(StepNotProved):
        claim_on(computed_form("parallel_speed"), equation(sp.Abs(S.v_par), wrong))


def rate_of_mu(force_factor, work_factor):
    """d mu/dt with the mirror force and the kinetic energy change scaled by factors."""
    B_s = S.B_of_s(s)
    dB = sp.Derivative(B_s, s)
    moment = m * v_perp**2 / (2 * B_s)
    acceleration = -force_factor * moment * dB / m
    # kinetic energy: m v_par v_par' + m v_perp v_perp' = P, the power of the magnetic
    # force: P = 0 for work_factor 1, a spurious (work_factor - 1) mu dB/dt otherwise
    power = (work_factor - 1) * moment * dB * v_par
    dvperp = (power - m * v_par * acceleration) / (m * v_perp)
    rate = sp.diff(moment, t).subs({sp.Derivative(v_perp, t): dvperp,
                                    sp.Derivative(s, t): v_par})
    return equation(sp.Derivative(S.mu_t, t), sp.expand(rate))


def test_mu_is_conserved_only_with_the_right_inputs():
    claim_on(rate_of_mu(1, 1), equation(sp.Derivative(S.mu_t, t), 0))
    for force, work in ((2, 1), (-1, 1), (1, 2)):  # factor 2, sign, magnetic work
        with pytest.raises(StepNotProved):
            claim_on(rate_of_mu(force, work), equation(sp.Derivative(S.mu_t, t), 0))


def test_energy_integral_refuses_a_wrong_sign_of_the_potential():
    # with m dv/dt = +q dphi/ds - mu dB/ds the sum m v^2/2 + q phi + mu B is not constant
    B_s, phi_s = S.B_of_s(s), S.varphi_of_s(s)
    total = m * v_par**2 / 2 + q * phi_s + mu * B_s
    for sign in (-1, 1):
        acceleration = (sign * q * sp.Derivative(phi_s, s) - mu * sp.Derivative(B_s, s)) / m
        rate = sp.diff(total, t).subs({sp.Derivative(v_par, t): acceleration,
                                       sp.Derivative(s, t): v_par})
        statement = equation(sp.Derivative(total, t), sp.expand(rate))
        if sign == -1:
            claim_on(statement, equation(sp.Derivative(total, t), 0))
        else:
            with pytest.raises(StepNotProved):
                claim_on(statement, equation(sp.Derivative(total, t), 0))
