"""The committed tables and fits are what the generator produces."""

from pathlib import Path

import numpy as np
import pytest

from guidingcenter.dipole import _coefficients, _generate, _kernels, integrals

# Regenerating all 3 x 32 pieces takes ~20 s; a deterministic subset (both
# ends of the interval and two interior pieces) is recomputed here and must
# match bit for bit.  Full regeneration: python -m guidingcenter.dipole._generate
SUBSET = [0, 1, 17, _generate.PIECES - 1]


def test_layout_matches_generator_settings():
    assert _coefficients.PIECES == _generate.PIECES
    assert _coefficients.DEGREE == _generate.DEGREE
    assert _coefficients.FIT_DEGREE == _generate.FIT_DEGREE
    assert tuple(_coefficients.TABLES) == _generate.TABULATED
    for rows in _coefficients.TABLES.values():
        assert len(rows) == _generate.DEGREE + 1
        assert all(len(row) == _generate.PIECES for row in rows)


@pytest.mark.parametrize("name", _generate.TABULATED)
@pytest.mark.parametrize("piece", SUBSET)
def test_committed_table_equals_regenerated_subset(name, piece):
    committed = tuple(row[piece] for row in _coefficients.TABLES[name])
    assert _generate.piece_coefficients(name, piece) == committed


def test_table_comparison_can_fail():
    # a neighbouring piece has different coefficients: the comparison sees it
    committed = tuple(row[0] for row in _coefficients.TABLES["T"])
    assert _generate.piece_coefficients("T", 1) != committed


def test_committed_fits_equal_refitted():
    refitted = _generate.fit_coefficients(_coefficients.TABLES)
    for quantity, committed in _coefficients.FITS.items():
        # rounded to 10 significant digits; allow one unit in the 10th digit
        # for last-bit differences of the least-squares solver between machines
        np.testing.assert_allclose(refitted[quantity], committed, rtol=1e-9, atol=0)
        assert len(committed) == _generate.FIT_DEGREE + 1


def test_committed_file_is_the_rendering_of_its_data():
    path = Path(_coefficients.__file__)
    text = _generate.render(_coefficients.TABLES, _coefficients.FITS)
    assert path.read_text(encoding="utf-8") == text


def test_pieces_join_continuously():
    # each piece interpolates the same smooth function: at the common
    # boundary the two polynomials agree to the table accuracy
    for name, rows in _coefficients.TABLES.items():
        c = np.array(rows)
        left_end = c.sum(axis=0)[:-1]          # s = 1 on piece i
        right_start = c[0, 1:]                 # s = 0 on piece i + 1
        # each piece is good to ~4e-16: a few ulps apart at the joint
        np.testing.assert_allclose(left_end, right_start, rtol=2e-15, err_msg=name)


def test_main_writes_atomically_to_the_given_path(tmp_path, monkeypatch):
    # main() = tables + fits + render + octave tables, each written atomically; run it
    # with a stubbed table computation (the real one is checked above) and the octave
    # tables of the committed t-tables (checked below) to test the plumbing.
    monkeypatch.setattr(_generate, "tables", lambda progress=None: _coefficients.TABLES)
    monkeypatch.setattr(_generate, "octave_tables", lambda rows: shipped())
    target = tmp_path / "coefficients.py"
    assert _generate.main([str(target)]) == 0
    names = sorted(p.name for p in tmp_path.iterdir())          # no temp file left
    assert names == sorted(["coefficients.py"] + [integrals.octave_table_path(q).name
                                                  for q in integrals.OCTAVE_TABLES])
    written = {}
    exec(target.read_text(encoding="utf-8"), written)
    assert written["TABLES"] == _coefficients.TABLES
    for quantity, committed in _coefficients.FITS.items():
        np.testing.assert_allclose(written["FITS"][quantity], committed, rtol=1e-9, atol=0)
    for quantity, rows in shipped().items():
        path = tmp_path / integrals.octave_table_path(quantity).name
        assert path.read_bytes() == integrals.octave_table_path(quantity).read_bytes()
        assert oct(path.stat().st_mode & 0o777) != oct(0o600)   # not mkstemp's 0600


def shipped():
    return {q: np.load(integrals.octave_table_path(q)) for q in integrals.OCTAVE_TABLES}


# The octave tables are computed in double precision in a fixed order of operations
# (no BLAS); only libm's cube root (in the t-table evaluation and the Newton start)
# and arctangent (the mirror latitude) may round differently on another C library,
# by an ulp of a value, which moves a coefficient by about that much relative to the
# row's largest: 1e-15 of it allows four such ulps.  (Here they are equal bit for bit.)
OCTAVE_RTOL = 1e-15


@pytest.fixture(scope="module")
def regenerated():
    return _generate.octave_tables(_coefficients.TABLES)


@pytest.mark.parametrize("quantity", integrals.OCTAVE_TABLES)
def test_shipped_octave_tables_equal_regenerated(quantity, regenerated):
    rows, fresh = shipped()[quantity], regenerated[quantity]
    assert rows.shape == fresh.shape == (_kernels.ROWS, _kernels.OCTAVE_DEGREE + 1)
    scale = np.max(np.abs(fresh), axis=1, keepdims=True)
    assert np.all(np.abs(rows - fresh) <= OCTAVE_RTOL * scale), quantity


def test_octave_comparison_can_fail(regenerated):
    # one coefficient of one row moved by 1e-14 of its row: the check above sees it
    rows = shipped()["T"].copy()
    rows[4000, 1] += 1e-14 * np.max(np.abs(rows[4000]))
    scale = np.max(np.abs(regenerated["T"]), axis=1, keepdims=True)
    assert not np.all(np.abs(rows - regenerated["T"]) <= OCTAVE_RTOL * scale)
