"""High-precision dipole integrals: stability with precision, closed forms, cross-checks."""

import mpmath
import pytest

from guidingcenter.dipole.integrals_mp import (
    D_integrand_mp, D_mp, T_integrand_mp, T_mp, Y_integrand_mp, Y_mp, mirror_latitude_mp)

FUNCTIONS = [T_mp, D_mp, Y_mp, mirror_latitude_mp]

# Inputs are binary floats (exact at every precision), so that a run at 60
# digits and one at 80 digits integrate exactly the same y.
HARD_Y = [0.0, 1e-300, 1e-8, 0.5, 1 - 1e-12, 1.0]


def rel_diff(a, b):
    with mpmath.workdps(120):
        return abs(a - b) / abs(b) if b != 0 else abs(a)


@pytest.mark.parametrize("y", HARD_Y)
@pytest.mark.parametrize("func", FUNCTIONS, ids=lambda f: f.__name__)
def test_fifty_digits_stable_as_precision_rises(func, y):
    # 60 requested digits agree with 80 requested digits to at least 50 digits
    # (in practice to the 60th: the last digit is rounded).
    assert rel_diff(func(y, dps=60), func(y, dps=80)) < mpmath.mpf(10) ** -50


def test_stability_check_can_fail():
    # The same comparison sees a change of y in the 55th digit (T is not flat).
    y = mpmath.mpf(0.5)
    with mpmath.workdps(100):
        shifted = y * (1 + mpmath.mpf(10) ** -45)
    assert rel_diff(T_mp(y, dps=80), T_mp(shifted, dps=80)) > mpmath.mpf(10) ** -50


def closed_forms():
    sqrt3 = mpmath.sqrt(3)
    t0 = 1 + mpmath.log(2 + sqrt3) / (2 * sqrt3)
    t1 = mpmath.pi * mpmath.sqrt(2) / 6
    return {("T", 0): t0, ("T", 1): t1,
            ("D", 0): mpmath.mpf(1) / 3 + sqrt3 * mpmath.asinh(sqrt3) / 18,   # = T(0)/3
            ("D", 1): t1 / 2,
            ("Y", 0): 2 * t0}


@pytest.mark.parametrize("dps", [15, 40, 100])
def test_closed_forms_at_both_ends(dps):
    with mpmath.workdps(dps + 20):
        exact = closed_forms()
    funcs = {"T": T_mp, "D": D_mp, "Y": Y_mp}
    for (name, y), value in exact.items():
        # correctly rounded to dps digits: within one unit in the last place
        assert rel_diff(funcs[name](y, dps=dps), value) < mpmath.mpf(10) ** (1 - dps), (name, y)
    assert Y_mp(1, dps=dps) == 0                         # Y(1) = 0 exactly
    with mpmath.workdps(dps + 20):
        assert rel_diff(D_mp(0, dps + 10), T_mp(0, dps + 10) / 3) < mpmath.mpf(10) ** -dps


def test_closed_form_check_can_fail():
    with mpmath.workdps(60):
        t0 = closed_forms()[("T", 0)]
    assert rel_diff(T_mp(1e-20, dps=40), t0) > mpmath.mpf(10) ** -39   # T(1e-20) != T(0)


def test_limits_are_continuous():
    # Closed forms are the limits: y = 1e-30 and 1 - 2^-50 are close to them.
    with mpmath.workdps(50):
        exact = closed_forms()
    assert rel_diff(T_mp(1e-30, 40), exact[("T", 0)]) < 1e-19      # T(0) - T(y) ~ 0.54 y^(2/3)
    assert rel_diff(T_mp(1 - 2.0**-50, 40), exact[("T", 1)]) < 1e-14   # analytic at y = 1
    assert 0 < Y_mp(1 - 2.0**-50, 40) < 2.0**-49 * 1.49                # Y ~ 2 T(1) (1 - y)


@pytest.mark.parametrize("y", ["0.3", "0.6", "0.85"])
@pytest.mark.parametrize("pair", [(T_mp, T_integrand_mp), (D_mp, D_integrand_mp),
                                  (Y_mp, Y_integrand_mp)], ids=["T", "D", "Y"])
def test_agrees_with_direct_quadrature_of_the_textbook_integrand(pair, y):
    func, integrand = pair
    with mpmath.workdps(40):
        y = mpmath.mpf(y)
        lam_m = mirror_latitude_mp(y, 40)
        direct = mpmath.re(mpmath.quad(lambda lam: integrand(lam, y), [0, lam_m]))
        # The textbook form has an inverse-square-root endpoint and computes
        # 1 - b by subtraction: it keeps only about half of the 40 digits.
        assert rel_diff(direct, func(y, dps=40)) < 1e-15


def test_identities_between_T_D_Y():
    # D = T/2 - Y/12 and d(Y/y)/dy = -2 T/y^2 (Schulz & Lanzerotti 1974): two
    # relations the three integrals satisfy although computed independently.
    with mpmath.workdps(50):
        for y in ["1e-6", "0.25", "0.7", "0.999"]:
            y = mpmath.mpf(y)
            assert rel_diff(D_mp(y, 45), T_mp(y, 45) / 2 - Y_mp(y, 45) / 12) < 1e-40
        y, h = mpmath.mpf("0.4"), mpmath.mpf("1e-10")
        slope = (Y_mp(y + h, 45) / (y + h) - Y_mp(y - h, 45) / (y - h)) / (2 * h)
        # central difference: truncation ~h^2 |f'''| ~ 1e-19, rounding ~1e-45/h
        assert rel_diff(slope, -2 * T_mp(y, 45) / y**2) < 1e-17


@pytest.mark.parametrize("y", [1e-12, 1e-4, 0.1, 0.28117066259517454, 0.9, 1 - 1e-15])
def test_mirror_latitude_solves_its_equation(y):
    with mpmath.workdps(90):
        lam = mirror_latitude_mp(y, dps=70)
        lhs = mpmath.cos(lam) ** 6 / mpmath.sqrt(1 + 3 * mpmath.sin(lam) ** 2)
        # relative residual <= 70-digit rounding of lambda times the condition
        # number |d ln(lhs)/d ln(lambda)| ~ 6 lambda tan(lambda) <= 1e5 (y = 1e-12)
        assert rel_diff(lhs, mpmath.mpf(y) ** 2) < 1e-60


def test_mirror_latitude_ends():
    with mpmath.workdps(40):
        assert rel_diff(mirror_latitude_mp(0, 40), mpmath.pi / 2) < 1e-39   # rounded to 40 digits
    assert mirror_latitude_mp(1) == 0
    # near y = 1: lambda_m ~ (2/3) (1 - y)^(1/2)
    eps = 2.0**-50                                   # 1 - eps is exact in binary
    # the asymptotic form has a relative correction O(1 - y) ~ 1e-15
    assert rel_diff(mirror_latitude_mp(1 - eps, 30), 2 * mpmath.sqrt(eps) / 3) < 1e-8


def test_returns_mpf_rounded_to_dps():
    value = T_mp(0.5, dps=20)
    assert isinstance(value, mpmath.mpf)
    with mpmath.workdps(20):
        assert value == +value            # already rounded to 20 digits


@pytest.mark.parametrize("bad", [-1e-300, -0.5, 1.0000001, 2, float("nan"), float("inf"),
                                 "abc", None, 1j])
@pytest.mark.parametrize("func", FUNCTIONS, ids=lambda f: f.__name__)
def test_bad_y_is_refused(func, bad):
    with pytest.raises(ValueError, match=r"^y: .*\[0, 1\]"):
        func(bad, dps=20)


@pytest.mark.parametrize("bad", [0, -3, 1.5, "20", True])
def test_bad_dps_is_refused(bad):
    with pytest.raises(ValueError, match=r"^dps: .*>= 1"):
        T_mp(0.5, dps=bad)
