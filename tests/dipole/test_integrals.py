"""Fast NumPy T, D, Y, mirror latitude: accuracy against mpmath, shapes, bounds, bad input."""

import numpy as np
import pytest

from guidingcenter.dipole import _coefficients
from guidingcenter.dipole.integrals import D, T, Y, mirror_latitude
from guidingcenter.dipole.integrals_mp import D_mp, T_mp, Y_mp, mirror_latitude_mp

SPEC = 1e-13          # the specified accuracy (issue 4): max relative error over [0, 1]
REFERENCE_DPS = 17    # mp reference rounded to 17 digits: its own error <= 5e-17


def sample_points(n_per_piece=3, seed=20240611):
    """y spread over the whole interval: a few random points in every table
    piece (pieces are uniform in t = y^(2/3)), every piece boundary, and the
    corners y -> 0 and y -> 1."""
    rng = np.random.default_rng(seed)
    pieces = _coefficients.PIECES
    t = (np.arange(pieces)[:, None] + rng.random((pieces, n_per_piece))) / pieces
    boundaries = np.arange(pieces + 1) / pieces
    y = np.concatenate([t.ravel() ** 1.5, boundaries**1.5,
                        10.0 ** -rng.uniform(2, 300, 16), [5e-324, 1e-300, 1e-12],
                        1 - 10.0 ** -rng.uniform(2, 15.9, 16), [1 - 2.0**-53, 1 - 2.0**-52],
                        [0.0, 1.0]])
    return np.unique(y)


def max_rel_error(values, reference):
    reference = np.asarray(reference, dtype=float)
    values = np.asarray(values, dtype=float)
    scale = np.where(reference != 0, np.abs(reference), 1.0)   # Y(1) = 0 exactly
    errors = np.abs(values - reference) / scale
    i = int(np.argmax(errors))
    return errors[i], i


@pytest.fixture(scope="module")
def points():
    return sample_points()


@pytest.mark.parametrize("fast, exact", [(T, T_mp), (D, D_mp), (Y, Y_mp)],
                         ids=["T", "D", "Y"])
def test_relative_error_below_spec_over_the_whole_interval(points, fast, exact):
    reference = [float(exact(float(y), REFERENCE_DPS)) for y in points]
    error, i = max_rel_error(fast(points), reference)
    assert error <= SPEC, f"max relative error {error:.3g} at y = {points[i]!r}"


def test_mirror_latitude_relative_error_below_spec():
    y = np.concatenate([sample_points(n_per_piece=30, seed=7),
                        0.6362 * (1 + np.linspace(-1e-2, 1e-2, 101))])   # Newton-branch switch
    reference = [float(mirror_latitude_mp(float(v), REFERENCE_DPS)) for v in y]
    error, i = max_rel_error(mirror_latitude(y), reference)
    assert error <= SPEC, f"max relative error {error:.3g} at y = {y[i]!r}"


def test_accuracy_check_can_fail(points):
    # The same measurement rejects a function that is off by 2e-13.
    subset = points[::10]
    reference = [float(T_mp(float(y), REFERENCE_DPS)) for y in subset]
    error, _ = max_rel_error(T(subset) * (1 + 2e-13), reference)
    assert error > SPEC


def test_closed_forms_at_the_ends():
    sqrt3 = np.sqrt(3)
    t0 = 1 + np.log(2 + sqrt3) / (2 * sqrt3)
    t1 = np.pi * np.sqrt(2) / 6
    # a few ulps: the table value at the end of the interval, rounded to double
    assert T(0.0) == pytest.approx(t0, rel=1e-15)
    assert T(1.0) == pytest.approx(t1, rel=1e-15)
    assert D(0.0) == pytest.approx(t0 / 3, rel=1e-15)
    assert D(1.0) == pytest.approx(t1 / 2, rel=1e-15)
    assert Y(0.0) == pytest.approx(2 * t0, rel=1e-15)
    assert Y(1.0) == 0.0
    assert mirror_latitude(0.0) == pytest.approx(np.pi / 2, rel=1e-16)
    assert mirror_latitude(1.0) == 0.0


def test_monotonic_and_bounded():
    y = np.linspace(0, 1, 20001)
    t, d, yy, lam = T(y), D(y), Y(y), mirror_latitude(y)
    # neighbouring values differ by >= 1e-9 here, far above rounding (1e-16)
    assert np.all(np.diff(t) < 0) and np.all(np.diff(yy) < 0) and np.all(np.diff(lam) < 0)
    assert np.all((T(1.0) <= t) & (t <= T(0.0)))
    ratio = d / t                             # rises from D(0)/T(0) = 1/3 to D(1)/T(1) = 1/2
    assert np.all(np.diff(ratio) > 0)
    assert ratio[0] == pytest.approx(1 / 3, rel=1e-15)     # a few ulps, as above
    assert ratio[-1] == pytest.approx(0.5, rel=1e-15)
    assert np.all((ratio >= 1 / 3 - 1e-16) & (ratio <= 0.5 + 1e-16))


def test_relation_between_D_T_Y_holds_in_double_precision():
    y = np.linspace(0, 1, 1001)
    # D = T/2 - Y/12 (an identity of the exact functions; each fast value is good to ~4e-16)
    np.testing.assert_allclose(D(y), T(y) / 2 - Y(y) / 12, rtol=4e-15)


@pytest.mark.parametrize("func", [T, D, Y, mirror_latitude])
def test_shapes(func):
    assert isinstance(func(0.3), float)
    assert isinstance(func(np.float32(0.3)), float)
    assert isinstance(func(np.array(0.3)), float)
    assert isinstance(func(1), float)
    values = np.linspace(0, 1, 24)
    flat = func(values)
    assert flat.shape == (24,)
    for shape in [(4, 6), (2, 3, 4)]:
        np.testing.assert_array_equal(func(values.reshape(shape)), flat.reshape(shape))
    np.testing.assert_array_equal(func(list(values)), flat)
    np.testing.assert_array_equal(func(values[::3]), flat[::3])        # strided view
    assert func(np.empty((0, 3))).shape == (0, 3)


@pytest.mark.parametrize("func", [T, D, Y, mirror_latitude])
def test_input_not_modified(func):
    values = np.linspace(0, 1, 11)
    copy = values.copy()
    func(values)
    np.testing.assert_array_equal(values, copy)


@pytest.mark.parametrize("bad", [-1e-300, -0.1, 1 + 2.0**-52, 2.0, np.nan, np.inf, -np.inf,
                                 [0.5, np.nan], [[0.2], [1.5]], "abc", 1j, None])
@pytest.mark.parametrize("func", [T, D, Y, mirror_latitude])
def test_bad_input_is_refused(func, bad):
    with pytest.raises(ValueError, match=r"^y: .*\[0, 1\]|^y: must be a real number"):
        func(bad)

