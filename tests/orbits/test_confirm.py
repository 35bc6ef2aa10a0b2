"""``guidingcenter confirm``: the quick run passes, and wrong formulas or fields fail it."""

import contextlib
import io
import json

import numpy as np
import pytest

from guidingcenter import constants, dipole, numeric, validity
from guidingcenter.cli import main
from guidingcenter.orbits import fields
from guidingcenter.orbits.confirm import Row, confirm, measured_coefficients, passes
from guidingcenter.orbits.initial import speed_of
from guidingcenter.units import keV


@pytest.fixture(scope="module")
def quick_rows():
    """One ``guidingcenter confirm --quick --json`` for the whole module (~25 s with numba)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["confirm", "--quick", "--json"])
    return {"status": status, "rows": json.loads(out.getvalue())}


def _by_case(rows):
    cases = {}
    for row in rows:
        cases.setdefault(row["case"], []).append(row)
    return cases


def test_quick_confirm_passes(quick_rows):
    assert quick_rows["status"] == 0
    cases = _by_case(quick_rows["rows"])
    assert len(cases) == 19
    for case, rows in cases.items():
        assert set(rows[0]) >= {"case", "eps", "orbit", "formula", "rel_diff", "slope"}
        assert 1.8 <= rows[0]["slope"] <= 2.3, case
        last = min(rows, key=lambda row: row["eps"])
        # the dipole periods at 1 MeV are run down to eps = 0.01 only (1 MeV protons at L = 4
        # have eps = 0.0117 in the Earth's field): 1e-3 there, 1e-4 everywhere else
        bound = 1e-3 if case.split("/")[0] in ("bounce_period", "drift_period") else 1e-4
        beyond = abs(last["orbit"] / last["formula"] - 1 - last["offset"]) / (1 + last["offset"])
        assert beyond < bound, case


def test_quick_confirm_finds_the_textbook_coefficients(quick_rows):
    cases = _by_case(quick_rows["rows"])
    # finite Larmor radius: the gyro-average of cos(kx) is J0(k r_L) = 1 - eps^2/4 + ...
    # (Chen eq. 2.58); measured to the 1e-3 the Boris step leaves
    assert abs(cases["ExB"][0]["c"] + 0.25) < 3e-3
    assert abs(cases["force"][0]["c"] + 0.25) < 3e-3
    # driven gyration at omega = eps Omega: 1/(1 - eps^2) = 1 + eps^2 + ...
    assert abs(cases["gravity"][0]["c"] - 1) < 3e-3
    assert abs(cases["polarization/p+/10eV"][0]["c"] - 1) < 3e-3


def test_validity_thresholds_rest_on_the_measured_coefficients(quick_rows):
    """The warnings' thresholds (guidingcenter.validity) use coefficients at least as large
    as every one confirm measures for the functions they guard."""
    groups = {"gradB": "gradient", "gradB_curvature": "gradient",
              "bounce_period": "dipole", "drift_period": "dipole",
              "polarization/p+/10eV": "frequency"}
    checked = set()
    for case, rows in _by_case(quick_rows["rows"]).items():
        group = groups.get(case) or groups.get(case.split("/")[0])
        if group is None:
            continue
        # the exact 1/(1 - eps^2) of the frequency case is measured to the Boris step's 1e-3
        slack = 3e-3 if group == "frequency" else 0
        assert abs(rows[0]["c"]) <= validity.MEASURED_COEFFICIENTS[group] + slack, case
        checked.add(group)
    assert checked == {"gradient", "dipole", "frequency"}


def test_relativistic_polarization_offset(quick_rows):
    rows = _by_case(quick_rows["rows"])["polarization/e-/100keV"]
    v, gamma = speed_of(100 * keV, constants.m_e)
    expected = gamma * (1 + (v / constants.c)**2 / 2) - 1          # 0.375 at 100 keV
    assert abs(rows[0]["offset"] - expected) < 1e-15
    last = min(rows, key=lambda row: row["eps"])
    measured = last["orbit"] / last["formula"] - 1
    # the offset is not the naive gamma - 1 = 0.196: the inertia is energy plus stress
    assert abs(measured - expected) < 1e-4 * (1 + expected)
    assert abs(measured - (gamma - 1)) > 0.1


def test_electrons_mirror_protons_in_a_static_field(quick_rows):
    # in a static B the orbit's shape depends on eps, the pitch angle and the sign of q only:
    # the electron's relative differences equal the proton's (round-off: the two orbits are
    # traced at different scales)
    cases = _by_case(quick_rows["rows"])
    for family in ("bounce_period", "drift_period", "mirror_latitude"):
        ions = cases[f"{family}/p+/1MeV/30deg"]
        electrons = cases[f"{family}/e-/1MeV/30deg"]
        assert np.allclose([r["rel_diff"] for r in ions], [r["rel_diff"] for r in electrons],
                           rtol=1e-6)
        # while the periods themselves differ by orders of magnitude
        if family != "mirror_latitude":
            assert ions[0]["formula"] > 10 * electrons[0]["formula"]


def _fails(monkeypatch, target, name, replacement, case):
    monkeypatch.setattr(target, name, replacement)
    return passes(confirm([case], quick=True))


def test_wrong_gradb_formula_fails(monkeypatch):
    right = numeric.gradB_drift
    assert passes(confirm(["gradB"], quick=True)) == []
    for wrong in (lambda *a, **k: -right(*a, **k),                  # flipped sign
                  lambda *a, **k: 2 * right(*a, **k),               # factor 2
                  lambda B, g, v, **k: right(B, g, v, **k) * v / 1e6):   # wrong exponent
        failures = _fails(monkeypatch, numeric, "gradB_drift", wrong, "gradB")
        assert failures and all(f.startswith("gradB:") for f in failures)


def test_wrong_field_fails(monkeypatch):
    class Steeper(fields.SlabGradient):            # the gradient 1 % too strong
        def __init__(self, B0, L):
            super().__init__(B0, L / 1.01)
    failures = _fails(monkeypatch, fields, "SlabGradient", Steeper, "gradB")
    assert any("slope" in f for f in failures)


def test_wrong_dipole_formula_fails(monkeypatch):
    right = dipole.drift_period
    failures = _fails(monkeypatch, dipole, "drift_period",
                      lambda *a, **k: 1.001 * right(*a, **k), "drift_period/p+/1MeV/70deg")
    assert any("slope" in f for f in failures)
    assert failures


def test_passes_reports_slope_and_size():
    rows = [Row("x", eps, 1.0, 1.0, 0.005 * eps, 0.005 * eps, tolerance=1e-4, slope=1.0)
            for eps in (0.1, 0.01)]
    failures = passes(rows)
    assert len(failures) == 1 and "slope 1.000" in failures[0]
    rows = [Row("x", eps, 1.0, 1.0, eps**2, eps**2, slope=2.0) for eps in (0.1, 0.02)]
    assert "not below" in passes(rows)[0]


def test_measured_coefficients_and_names():
    c = measured_coefficients(["force"])
    assert list(c) == ["force"] and abs(c["force"] + 0.25) < 3e-3
    with pytest.raises(ValueError, match="^NAME:"):
        confirm(["nosuch"], quick=True)


def test_numpy_path_gives_the_same_rows():
    numpy_rows = confirm(["gradB"], quick=True, backend="numpy")
    auto_rows = confirm(["gradB"], quick=True)
    assert [r.orbit for r in numpy_rows] == pytest.approx([r.orbit for r in auto_rows],
                                                          rel=1e-12)


def test_cli_text_list_and_errors(capsys):
    assert main(["confirm", "gradB_curvature", "--quick"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].split()[:3] == ["case", "eps", "orbit"]
    assert "1 cases, 3 runs in" in out and "all confirmed" in out
    assert main(["confirm", "--list", "--quick"]) == 0
    names = capsys.readouterr().out.split()
    assert "loss_cone/L2" in names and "drift_period/e-/1MeV/30deg" in names
    assert main(["confirm", "nosuch"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("guidingcenter: error: NAME:") and err.count("\n") == 1
