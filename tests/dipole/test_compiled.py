"""The numba path of the octave tables: the same doubles as the NumPy path, taken only by
large arrays, never loaded by the import or by small calls, and absent without numba."""

import importlib.util
import subprocess
import sys

import numpy as np
import pytest

from guidingcenter.dipole import _kernels, integrals
from guidingcenter.dipole.integrals import D, T, Y, mirror_latitude

needs_numba = pytest.mark.skipif(importlib.util.find_spec("numba") is None,
                                 reason="numba not installed")

# (table, factor) as the public functions use them, and every other combination
TABLES = ("T", "D", "Y", "mirror_latitude")
FACTORS = ({}, {"times_one_minus_y": True}, {"times_sqrt_one_minus_y": True})


def row_points(seed=13):
    """A random y in every row of an octave table, in row order, built from the bits: row
    r holds the doubles whose bits are (r + _OFFSET) << _SHIFT plus lower bits."""
    rng = np.random.default_rng(seed)
    row = np.arange(_kernels.ROWS - 1, dtype=np.int64)
    bits = ((row + _kernels._OFFSET) << _kernels._SHIFT) | \
        rng.integers(0, 1 << _kernels._SHIFT, row.size)
    return bits.view(np.float64)


def hard_points(seed=13):
    """The corners: 0, -0.0, subnormals, the neighbours of 2^-80 (the clipped first row),
    of 0.5 and of 1, and 1; then a y in every row and random y in [0, 1]."""
    tiny = 2.0**-_kernels.OCTAVES
    corners = [0.0, -0.0, 5e-324, 2.0**-1070, 2.0**-1022 - 5e-324, 2.0**-1022, 1e-300,
               tiny, np.nextafter(tiny, 0), np.nextafter(tiny, 1), 0.5,
               np.nextafter(0.5, 0), np.nextafter(0.5, 1), np.nextafter(1.0, 0), 1.0]
    random = np.random.default_rng(seed).random(50_000)
    return np.concatenate([corners, row_points(seed), random])


def same_doubles(a, b):
    """Bit for bit (tells -0.0 from 0.0, and one ulp apart)."""
    return a.shape == b.shape and np.array_equal(a.view(np.int64), b.view(np.int64))


@needs_numba
@pytest.mark.parametrize("factor", FACTORS)
@pytest.mark.parametrize("table", TABLES)
def test_compiled_path_gives_the_numpy_doubles(table, factor):
    y, rows = hard_points(), integrals._octave_table(table)
    compiled = _kernels.evaluate_octave_table(y, rows, compiled=True, **factor)
    numpy = _kernels.evaluate_octave_table(y, rows, compiled=False, **factor)
    assert same_doubles(compiled, numpy)


@needs_numba
def test_the_comparison_sees_a_few_ulps_in_one_row():
    y = row_points()
    rows = integrals._octave_table("T").copy()
    row = _kernels.ROWS - 2**_kernels.SUBPIECE_BITS + 7             # a piece of the top octave
    rows[row] *= 1 + 2.0**-50
    compiled = _kernels.evaluate_octave_table(y, rows, compiled=True)
    numpy = _kernels.evaluate_octave_table(y, integrals._octave_table("T"), compiled=False)
    assert not same_doubles(compiled, numpy)
    assert np.flatnonzero(compiled != numpy).tolist() == [row]


@needs_numba
@pytest.mark.parametrize("func", [T, D, Y, mirror_latitude])
def test_large_arrays_take_the_compiled_path_with_the_same_result(func, monkeypatch):
    y = np.resize(hard_points(), _kernels.COMPILED_MIN_POINTS).reshape(2, -1)
    kernel, sizes = _kernels.compiled_kernel(), []

    def spy(*args):
        sizes.append(args[0].size)
        return kernel(*args)
    monkeypatch.setattr(_kernels, "compiled_kernel", lambda: spy)
    func(y[:, 1:])                                                  # one point short
    assert sizes == []
    compiled = func(y)
    assert sizes == [y.size]
    monkeypatch.setattr(_kernels, "COMPILED_MIN_POINTS", np.inf)
    assert same_doubles(compiled, func(y))


_NOT_LOADED = """
import sys
import numpy as np
from guidingcenter import dipole
from guidingcenter.dipole import _kernels
n = _kernels.COMPILED_MIN_POINTS - 1
for f in (dipole.T, dipole.D, dipole.Y, dipole.mirror_latitude):
    f(0.5), f(np.linspace(0, 1, n)), f([0.25])
dipole.alpha_from_K(4, np.linspace(0, 1, n))
print("numba" in sys.modules)
"""

_WITHOUT_NUMBA = """
import sys
sys.modules["numba"] = None                     # import numba raises ImportError
import numpy as np
from guidingcenter.dipole import _kernels, mirror_latitude
y = np.linspace(0, 1, _kernels.COMPILED_MIN_POINTS + 1)
print(_kernels.compiled_kernel() is None)
print(float(mirror_latitude(y)[-2]))
try:
    _kernels.evaluate_octave_table(y, np.zeros((3, 4)), compiled=True)
except ValueError as error:
    print(error)
"""


def run_python(code):
    return subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                          text=True).stdout.splitlines()


def test_import_and_small_calls_do_not_load_numba():
    assert run_python(_NOT_LOADED) == ["False"]


def test_without_numba_large_arrays_take_the_numpy_path():
    y = np.linspace(0, 1, _kernels.COMPILED_MIN_POINTS + 1)
    none, value, error = run_python(_WITHOUT_NUMBA)
    assert none == "True"
    assert float(value) == mirror_latitude(float(y[-2]))            # the same double
    assert error.startswith("compiled: the numba kernel needs numba")
