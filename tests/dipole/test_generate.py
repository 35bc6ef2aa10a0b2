"""The committed tables and fits are what the generator produces."""

from pathlib import Path

import numpy as np
import pytest

from guidingcenter.dipole import _coefficients, _generate

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
    # main() = tables + fits + render + atomic write; run it with a stubbed
    # table computation (the real one is checked above) to test the plumbing.
    monkeypatch.setattr(_generate, "tables", lambda progress=None: _coefficients.TABLES)
    target = tmp_path / "coefficients.py"
    assert _generate.main([str(target)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == ["coefficients.py"]   # no temp file left
    written = {}
    exec(target.read_text(encoding="utf-8"), written)
    assert written["TABLES"] == _coefficients.TABLES
    for quantity, committed in _coefficients.FITS.items():
        np.testing.assert_allclose(written["FITS"][quantity], committed, rtol=1e-9, atol=0)
