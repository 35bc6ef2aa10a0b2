"""The dipole numerics against the derivations they implement.

``guidingcenter.dipole`` computes T, D, Y, the mirror latitude, the loss cone
and the periods with hand-written mpmath and NumPy code; the derivations
``dipole_field``, ``bounce_period`` and ``drift_period`` define the same
quantities symbolically.  Here each derived expression is lambdified to
mpmath (inside ``mpmath.workdps``) and compared with the code at seeded
random points inside its domain, so that a derivation and the numerics
cannot drift apart silently.  Every comparison has a twin test that feeds it
a deliberately wrong expression and sees it refuse.
"""

import math

import mpmath
import numpy as np
import pytest
import sympy as sp

from guidingcenter import constants, registry
from guidingcenter import symbols as S
from guidingcenter.dipole import integrals_mp
from guidingcenter.dipole.integrals import mirror_latitude
from guidingcenter.dipole.integrals_mp import D_mp, T_mp, Y_mp, mirror_latitude_mp

# These tests compare the formulas with independent evaluations over the whole input
# range, loss cone and large gyroradii included; the warnings for those inputs are
# tested in tests/dipole/test_validity.py.
pytestmark = pytest.mark.filterwarnings("ignore::guidingcenter.validity.GuidingCentreWarning")
from guidingcenter.dipole.periods import bounce_period, drift_period, loss_cone_angle

DPS = 40              # working precision of the comparisons (decimal digits)

DEFINITIONS = {"T": "bounce_integral_T", "D": "drift_integral_D",
               "Y": "second_invariant_integral_Y"}
INTEGRANDS_MP = {"T": integrals_mp.T_integrand_mp, "D": integrals_mp.D_integrand_mp,
                 "Y": integrals_mp.Y_integrand_mp}
FUNCTIONS_MP = {"T": T_mp, "D": D_mp, "Y": Y_mp}
FUNCTION_SYMBOLS = {"T": S.T_of, "D": S.D_of, "Y": S.Y_of}


def statement(name):
    return registry.result(name).statement


def rel_diff(a, b):
    with mpmath.workdps(DPS + 20):
        return abs(a - b) / abs(b) if b != 0 else abs(a)


# --- the integrands of T, D, Y ------------------------------------------------------------

def derived_integrand(definition):
    """The derived ``F(y) = c * Integral(f, (lambda, 0, lambda_m))`` as ``c * f`` (a SymPy
    expression in lambda and y), after checking the integration variable and limits."""
    integrals = definition.rhs.atoms(sp.Integral)
    assert len(integrals) == 1
    (integral,) = integrals
    assert integral.limits == ((S.lam, 0, S.lam_m),)
    return definition.rhs.xreplace({integral: integral.function})


def sample_lambda_y(n, seed):
    """Seeded (lambda, y) inside the domain 0 < lambda < lambda_m(y), as mpf at DPS.

    y: uniform in (0, 1), log-uniform down to 1e-12 and up to 1 - 1e-12;
    lambda = u lambda_m(y), u uniform in (0, 1) and also up to 1 - 1e-8 (near
    the mirror point, where 1 - B/B_m cancels).
    """
    rng = np.random.default_rng(seed)
    y = np.concatenate([rng.random(n), 10.0 ** -rng.uniform(1, 12, n // 2),
                        1 - 10.0 ** -rng.uniform(1, 12, n // 2)])
    u = np.concatenate([rng.random(y.size - n // 2), 1 - 10.0 ** -rng.uniform(2, 8, n // 2)])
    rng.shuffle(u)
    points = []
    with mpmath.workdps(DPS):
        for yv, uv in zip(y, u):
            lam_m = mirror_latitude_mp(float(yv), DPS)
            points.append((mpmath.mpf(float(uv)) * lam_m, mpmath.mpf(float(yv))))
    return points


@pytest.fixture(scope="module")
def lambda_y_points():
    return sample_lambda_y(24, seed=20240612)


def max_integrand_difference(expression, integrand_mp, points):
    """Largest relative difference of a SymPy integrand in (lambda, y) from an mpmath one."""
    f = sp.lambdify((S.lam, S.y), expression, modules="mpmath")
    with mpmath.workdps(DPS):
        return max(rel_diff(f(lam, y), integrand_mp(lam, y)) for lam, y in points)


# Both sides are the textbook integrand (1 - B/B_m computed by subtraction) at
# 40 digits; at u <= 1 - 1e-8 the cancellation costs at most ~10 digits, so
# they agree to ~1e-30.  1e-25 leaves margin and still sees any change of the
# formula (the wrong integrand below differs by O(1)).
INTEGRAND_TOL = 1e-25


@pytest.mark.parametrize("quantity", ["T", "D", "Y"])
def test_derived_integrand_equals_the_mpmath_integrand(quantity, lambda_y_points):
    definition = statement(DEFINITIONS[quantity])
    assert definition.lhs == FUNCTION_SYMBOLS[quantity](S.y)
    difference = max_integrand_difference(derived_integrand(definition),
                                          INTEGRANDS_MP[quantity], lambda_y_points)
    assert difference < INTEGRAND_TOL, f"{quantity}: relative difference {difference}"


def test_integrand_comparison_can_fail(lambda_y_points):
    # T's integrand with (1 - b)^(-1/3) for (1 - b)^(-1/2), and D's for T's: refused
    wrong = derived_integrand(statement(DEFINITIONS["T"])).replace(
        lambda e: e.is_Pow and e.exp == -sp.Rational(1, 2) and e.base.has(S.y),
        lambda e: e.base ** -sp.Rational(1, 3))
    assert wrong != derived_integrand(statement(DEFINITIONS["T"]))
    assert max_integrand_difference(wrong, INTEGRANDS_MP["T"], lambda_y_points) > 1e-3
    assert max_integrand_difference(derived_integrand(statement(DEFINITIONS["D"])),
                                    INTEGRANDS_MP["T"], lambda_y_points) > 1e-3


# --- closed forms at y = 0 and y = 1 --------------------------------------------------------

CLOSED_FORMS = [(quantity, end) for quantity in "TDY" for end in (0, 1)]

# T_mp, D_mp, Y_mp are correctly rounded to the requested 35 digits; the
# closed forms are evaluated at 40: they agree to ~1e-35, asserted to 1e-28.
CLOSED_FORM_TOL = 1e-28


def closed_form_difference(expression, quantity, end):
    with mpmath.workdps(DPS):
        value = sp.lambdify((), expression, modules="mpmath")()
        exact = FUNCTIONS_MP[quantity](end, dps=35)
        if exact == 0:                                   # Y(1) = 0: absolute
            return abs(value)
        return rel_diff(value, exact)


@pytest.mark.parametrize("quantity, end", CLOSED_FORMS)
def test_derived_closed_forms_equal_the_mpmath_integrals(quantity, end):
    result = statement(f"{quantity}_at_{end}")
    assert result.lhs == FUNCTION_SYMBOLS[quantity](end)
    assert not result.rhs.free_symbols
    assert closed_form_difference(result.rhs, quantity, end) < CLOSED_FORM_TOL


def test_closed_form_comparison_can_fail():
    # T(0) with 3 sqrt 3 for 2 sqrt 3, and D(1) = T(1)/3 for T(1)/2: refused
    wrong = 1 + sp.log(2 + sp.sqrt(3)) / (3 * sp.sqrt(3))
    assert closed_form_difference(wrong, "T", 0) > 1e-3
    assert closed_form_difference(statement("T_at_1").rhs / 3, "D", 1) > 1e-3
    assert closed_form_difference(sp.Rational(1, 10**20), "Y", 1) > CLOSED_FORM_TOL


# --- mirror latitude ------------------------------------------------------------------------

MIRROR_Y = [1e-12, 1e-6, 1e-3, 0.05, 0.3, 0.5, 0.6362, 0.8, 0.99, 1 - 1e-9, 1 - 2.0**-52]


def mirror_residual(latitude, y):
    """``(|lhs/rhs - 1|, kappa)`` of the derived mirror-latitude equation at
    alpha_eq = asin(y), lambda_m = ``latitude``; ``kappa = |d ln rhs/d ln lambda_m|``
    is the condition number: a relative error e of the latitude moves the
    residual by kappa e (kappa ~ 6 lambda tan lambda: 8e4 at y = 1e-12, 1e-15
    at y = 1 - 2^-52)."""
    equation = statement("mirror_latitude_equation")
    lhs = sp.lambdify(S.alpha_eq, equation.lhs, modules="mpmath")
    rhs = sp.lambdify(S.lam_m, equation.rhs, modules="mpmath")
    kappa = sp.lambdify(S.lam_m, S.lam_m * sp.diff(sp.log(equation.rhs), S.lam_m),
                        modules="mpmath")
    with mpmath.workdps(DPS):
        lam = mpmath.mpf(latitude)
        return rel_diff(lhs(mpmath.asin(mpmath.mpf(y))), rhs(lam)), abs(kappa(lam))


@pytest.mark.parametrize("y", MIRROR_Y)
def test_mirror_latitude_solves_the_derived_equation(y):
    # mpmath at 40 digits: residual <= kappa * 1e-40 <= 1e-35
    residual, _ = mirror_residual(mirror_latitude_mp(y, DPS), y)
    assert residual < 1e-30
    # the fast double-precision latitude: measured within 5e-16 relative of
    # the exact one (tests/dipole/test_integrals.py), so residual <= kappa 5e-16
    residual, kappa = mirror_residual(mirror_latitude(y), y)
    assert residual < 1e-15 * kappa


def test_mirror_equation_check_can_fail():
    # a latitude off by 1e-12 relative (or the latitude for another y) is refused
    y = 0.3
    residual, kappa = mirror_residual(mirror_latitude(y) * (1 + 1e-12), y)
    assert residual > 1e-15 * kappa
    residual, _ = mirror_residual(mirror_latitude_mp(0.31, DPS), y)
    assert residual > 1e-30


# --- loss cone at the surface ---------------------------------------------------------------

def loss_cone_difference(expression, L_values):
    """Largest relative difference of loss_cone_angle(L) from asin(sqrt(expression(L)))."""
    sin2 = sp.lambdify(S.L, expression, modules="mpmath")
    worst = 0
    with mpmath.workdps(DPS):
        for L in L_values:
            exact = mpmath.asin(mpmath.sqrt(sin2(mpmath.mpf(float(L)))))
            worst = max(worst, rel_diff(mpmath.mpf(loss_cone_angle(float(L))), exact))
    return worst


L_VALUES = np.concatenate([[1.0, 1 + 1e-12, 1 + 1e-6, 10.0],
                           np.random.default_rng(5).uniform(1, 10, 30)])

# pure mathematics in double precision: a few ulps; the angle comes from an
# atan2 of sin^2 and a cos^2 written without cancellation, so it keeps that
# accuracy up to L = 1 (alpha = pi/2)
LOSS_CONE_TOL = 1e-14


def test_loss_cone_at_the_surface_equals_the_derived_one():
    cone = statement("dipole_loss_cone")
    assert cone.lhs == sp.sin(S.alpha_lc) ** 2
    assert loss_cone_difference(cone.rhs, L_VALUES) < LOSS_CONE_TOL


def test_loss_cone_comparison_can_fail():
    # (4L^6 - 3L^5)^(-1/3) for ^(-1/2) is refused (it is right only at L = 1)
    wrong = (4 * S.L**6 - 3 * S.L**5) ** -sp.Rational(1, 3)
    assert loss_cone_difference(wrong, L_VALUES) > 1e-3


# --- bounce and drift periods ---------------------------------------------------------------

PARTICLES = {"p+": (constants.e, constants.m_p), "e-": (-constants.e, constants.m_e)}
KEV, MEV = 1e3 * constants.eV, 1e6 * constants.eV
PERIOD_CASES = [("p+", 2.0, 1 * KEV, math.radians(10)), ("p+", 4.0, 1 * MEV, math.radians(45)),
                ("p+", 6.6, 500 * MEV, math.radians(90)), ("e-", 1.5, 1 * KEV, math.radians(80)),
                ("e-", 4.0, 1 * MEV, math.radians(30)), ("e-", 8.0, 10 * MEV, math.radians(135))]


def derived_period(expression, particle, L, energy, alpha, relativistic=True):
    """A derived period formula at 40 digits, with T(y), D(y) from T_mp, D_mp.

    Relativistic results are in W (bounce) or in p and v (drift); those are
    computed from W: gamma = 1 + W/(m c^2), v = c (1 - 1/gamma^2)^(1/2),
    p v = gamma m v^2.
    """
    q, m = PARTICLES[particle]
    T_sym, D_sym = sp.Dummy("T"), sp.Dummy("D")
    expression = expression.xreplace({S.T_of(S.y): T_sym, S.D_of(S.y): D_sym})
    arguments = (S.L, S.R_E, S.B_E, S.W, S.m, S.q, S.c, S.p, S.v, T_sym, D_sym)
    f = sp.lambdify(arguments, expression, modules="mpmath")
    with mpmath.workdps(DPS):
        W, m_, c = mpmath.mpf(energy), mpmath.mpf(m), mpmath.mpf(constants.c)
        y = mpmath.sin(mpmath.mpf(alpha))
        gamma = 1 + W / (m_ * c**2)
        v = c * mpmath.sqrt(1 - 1 / gamma**2) if relativistic else mpmath.sqrt(2 * W / m_)
        p = gamma * m_ * v if relativistic else m_ * v
        return f(mpmath.mpf(L), mpmath.mpf(constants.R_E), mpmath.mpf(constants.B_E), W, m_,
                 mpmath.mpf(q), c, p, v, T_mp(y, DPS), D_mp(y, DPS))


# The fast T and D are specified to 1e-13 relative each (measured: 8e-16); the
# period kernels add a few double operations: 2e-13 is the promise, and any
# formula slip (a factor gamma, 2 or the mass) is far above it.
PERIOD_TOL = 2e-13

RELATIVISTIC = [("bounce_period_energy", bounce_period), ("drift_period", drift_period)]
NEWTONIAN = [("bounce_period_newtonian", bounce_period), ("drift_period_newtonian", drift_period)]
# the Newtonian forms at the cases far below c (W < m c^2/10); from W = m c^2/2,
# where (2W/m)^(1/2) reaches c, relativistic=False refuses (test_periods.py)
SLOW_CASES = [case for case in PERIOD_CASES
              if case[2] < 0.1 * PARTICLES[case[0]][1] * constants.c**2]
PERIOD_PARAMETERS = ([(name, function, True) + case for name, function in RELATIVISTIC
                      for case in PERIOD_CASES]
                     + [(name, function, False) + case for name, function in NEWTONIAN
                        for case in SLOW_CASES])


@pytest.mark.parametrize("result, function, relativistic, particle, L, energy, alpha",
                         PERIOD_PARAMETERS)
def test_periods_equal_the_derived_formulas(result, function, relativistic, particle, L,
                                            energy, alpha):
    period = statement(result)
    assert period.lhs == (S.tau_b if function is bounce_period else S.tau_d)
    exact = derived_period(period.rhs, particle, L, energy, alpha, relativistic)
    value = function(L, energy, alpha, particle, relativistic=relativistic)
    assert rel_diff(mpmath.mpf(value), exact) < PERIOD_TOL


def test_period_comparison_can_fail():
    # the bounce period without the Lorentz factor (W + m c^2 -> m c^2), and the
    # drift period of a proton computed for an electron, are refused
    particle, L, energy, alpha = "e-", 4.0, 1 * MEV, math.radians(30)
    bounce = statement("bounce_period_energy").rhs
    wrong = bounce.subs(S.W + S.c**2 * S.m, S.c**2 * S.m)
    assert wrong != bounce
    value = bounce_period(L, energy, alpha, particle)
    assert rel_diff(mpmath.mpf(value), derived_period(wrong, particle, L, energy,
                                                      alpha)) > PERIOD_TOL
    drift = statement("drift_period").rhs
    value = drift_period(L, energy, alpha, "p+")
    assert rel_diff(mpmath.mpf(value), derived_period(drift, particle, L, energy,
                                                      alpha)) > PERIOD_TOL
