"""Published fits and ours: formulas, the measured error table, the 10x margin."""

import numpy as np
import pytest

from guidingcenter import constants
from guidingcenter.dipole import fits, periods
from guidingcenter.dipole.integrals import D, T, Y

MEV = 1e6 * constants.eV
T1 = np.pi * np.sqrt(2) / 6

Y_FITS = [fits.T_notes, fits.T_notes_prefactor, fits.T_schulz_lanzerotti,
          fits.T_schulz_lanzerotti_34, fits.D_over_T_notes, fits.D_schulz_lanzerotti,
          fits.D_over_T_schulz_lanzerotti, fits.Y_schulz_lanzerotti,
          fits.Y_schulz_lanzerotti_log, fits.T_fit, fits.D_fit, fits.Y_fit]
ENGINEERING = [fits.bounce_period_proton_notes, fits.bounce_period_electron_notes,
               fits.drift_period_notes]


@pytest.fixture(scope="module")
def table():
    return fits.fit_error_table()


def test_published_formulas():
    y = 0.36
    assert fits.T_notes(y) == 1.30 - 0.56 * y
    assert fits.T_notes_prefactor(y) == pytest.approx((3.7 - 1.6 * y) / (2 * np.sqrt(2)))
    assert fits.T_schulz_lanzerotti(y) == pytest.approx(1.3802 - 0.3198 * (y + 0.6))
    assert fits.D_over_T_notes(y) == pytest.approx(0.35 + 0.15 * y)
    assert fits.bounce_period_proton_notes(2, 4 * MEV, np.pi / 2) == pytest.approx(
        2.41 * 2 / 2 * (1 - 0.43))
    assert fits.bounce_period_electron_notes(2, 4 * MEV, 0.0) == pytest.approx(5.62e-2)
    assert fits.drift_period_notes(2, 0.5 * MEV, np.pi / 2) == pytest.approx(
        1.05 / (1 + 0.43) * 3600)


def test_schulz_lanzerotti_Y_coefficient():
    # 5.117540 makes the fit vanish at y = 1 (as Y does) and its slope there
    # equal -2 T(1) = Y'(1) to 6 digits; 5.117546 would miss the slope by 3.5e-6.
    assert abs(fits.Y_schulz_lanzerotti(1.0)) < 1e-14     # decimal sum is 0; double rounding
    slope = 2.357194 - 0.75 * 5.117540
    assert abs(slope / (-2 * T1) - 1) < 1e-6              # coefficients published to ~7 digits
    assert abs((2.357194 - 0.75 * 5.117546) / (-2 * T1) - 1) > 1e-6


def test_table_rows_are_measured(table):
    names = [row.name for row in table]
    assert len(names) == len(set(names)) == 16
    for row in table:
        assert 0 < row.max_rel_error < 0.1, row
        assert 0 < row.y_at_max <= 1, row
    # spot check one row against an independent evaluation at its y
    row = next(r for r in table if r.name == "T_schulz_lanzerotti_34")
    # same arithmetic, scalar instead of array evaluation: equal to rounding
    assert row.max_rel_error == pytest.approx(
        abs(fits.T_schulz_lanzerotti_34(row.y_at_max) / T(row.y_at_max) - 1), rel=1e-12)


def test_our_fits_are_ten_times_better_than_the_best_published(table):
    for quantity in ["T", "D", "D/T", "Y"]:
        rows = [r for r in table if r.quantity == quantity]
        ours = [r.max_rel_error for r in rows if r.source == fits.OURS]
        published = [r.max_rel_error for r in rows if r.source != fits.OURS]
        assert len(ours) == 1 and published
        assert min(published) >= 10 * ours[0], quantity


def test_margin_check_can_fail(table):
    # two published T fits are not 10x apart: the comparison above is not vacuous
    errors = {r.name: r.max_rel_error for r in table}
    assert errors["T_schulz_lanzerotti"] < 10 * errors["T_schulz_lanzerotti_34"]


def test_refinement_finds_a_peak_between_grid_points():
    grid = fits.error_grid("T")
    peak = 0.5 + 2.5e-5                                 # half-way between grid points
    bump = lambda y: T(y) * (1 + 1e-3 * np.exp(-(((y - peak) / 2e-5) ** 2)))  # noqa: E731
    on_grid = np.max(np.abs(bump(grid) / T(grid) - 1))
    error, at = fits.max_relative_error(bump, T, grid)
    assert on_grid < 0.3e-3                            # the grid alone misses the peak
    # golden section (80 steps) shrinks the bracket to ~1e-21; the peak is quadratic
    assert error == pytest.approx(1e-3, rel=1e-9) and at == pytest.approx(peak, abs=1e-9)


@pytest.mark.filterwarnings("ignore::guidingcenter.validity.LossConeWarning")
def test_engineering_ratio_depends_on_y_only():
    alpha = np.linspace(0.05, np.pi / 2, 9)
    for form, period, particle in [
            (fits.bounce_period_proton_notes, periods.bounce_period, "p+"),
            (fits.bounce_period_electron_notes, periods.bounce_period, "e-"),
            (fits.drift_period_notes, periods.drift_period, "p+")]:
        ratios = [form(L, W, alpha) / period(L, W, alpha, particle, relativistic=False)
                  for L, W in [(2.0, 1e3 * constants.eV), (5.0, 30e3 * constants.eV)]]
        np.testing.assert_allclose(ratios[0], ratios[1], rtol=1e-13)   # double rounding only


def test_our_fits_at_the_ends():
    assert fits.Y_fit(1.0) == 0.0
    for fit, exact in [(fits.T_fit, T), (fits.D_fit, D), (fits.Y_fit, Y)]:
        for y in [0.0, 1e-12, 1 - 1e-12]:
            # our fits are good to ~3e-6 (measured in fit_error_table)
            assert abs(fit(y) / exact(y) - 1) < 1e-5, (fit.__name__, y)


@pytest.mark.parametrize("fit", Y_FITS, ids=lambda f: f.__name__)
def test_y_fits_shapes_and_bad_input(fit):
    assert isinstance(fit(0.5), float)
    assert fit(np.full((2, 3), 0.5)).shape == (2, 3)
    for bad in [-0.1, 1.1, np.nan]:
        with pytest.raises(ValueError, match=r"^y: .*\[0, 1\]"):
            fit(bad)


@pytest.mark.parametrize("form", ENGINEERING, ids=lambda f: f.__name__)
def test_engineering_forms_shapes_and_bad_input(form):
    assert isinstance(form(4, MEV, 0.5), float)
    assert form([[2.0], [4.0]], MEV, [0.1, 0.5, 1.0]).shape == (2, 3)
    for kwargs, message in [(dict(L=-1.0), r"^L: "), (dict(energy=0.0), r"^energy: "),
                            (dict(alpha_eq=4.0), r"^alpha_eq: ")]:
        args = dict(L=4.0, energy=MEV, alpha_eq=0.5)
        args.update(kwargs)
        with pytest.raises(ValueError, match=message):
            form(**args)


def test_formatted_table_lists_every_row(table):
    text = fits.format_fit_error_table(table)
    assert len(text.splitlines()) == len(table) + 1
    assert all(row.name in text for row in table)
