r"""The numba path of :func:`~guidingcenter.dipole._kernels.evaluate_octave_table` (optional
``numba`` extra; private).

One compiled function does, block by block (``BLOCK`` points), what the NumPy path
does in some thirteen passes over each block: x from the bits of y (one OR), the row
index (a shift and a subtraction, clipped to the table), Horner's rule on the cubic
of that row, :math:`((c_3 x + c_2) x + c_1) x + c_0`, then the factor :math:`1 - y`
or :math:`\sqrt{1 - y}` -- the same operations in the same order, so the same double
(no ``fastmath``: LLVM then neither contracts a multiply and an add into an FMA nor
reorders).  Three loops over each block: the two without a gather (x from the bits;
the factor) are vectorized by LLVM, the one with it runs point by point
(measured: fusing all three into one loop is 20% slower, the square root then
being scalar).

Compiled for one signature (read-only y and rows) when this module is imported, which
:func:`~guidingcenter.dipole._kernels.compiled_kernel` does on the first large call
only; ``cache=True`` keeps the machine code on disk (numba's cache: ``__pycache__``
beside this file, or numba's user-wide cache folder where that is not writable, or
``$NUMBA_CACHE_DIR``).  The kernel takes every constant of the table layout as an
argument, so the cached code depends on this file alone (numba's cache key).
"""

import numba
import numpy as np
from numba import types

__all__ = ["evaluate_cubic_octave", "BLOCK"]

BLOCK = 2048
"""Points per block: the block's y and results stay in cache
(measured: 1024 to 16384 are within noise of each other)."""

_READ_ONLY_1D = types.Array(types.float64, 1, "C", readonly=True)
_READ_ONLY_2D = types.Array(types.float64, 2, "C", readonly=True)


@numba.njit(types.void(_READ_ONLY_1D, _READ_ONLY_2D, types.float64[::1], types.int64,
                       types.int64, types.int64, types.int64), cache=True)
def evaluate_cubic_octave(y, rows, out, shift, offset, x_bits, factor):
    """``out[i]``: the cubic of row ``clip((bits(y[i]) >> shift) - offset)`` of ``rows``
    at ``x = float(bits(y[i]) | x_bits)``; times ``1 - y[i]`` if ``factor`` is 1, times
    ``sqrt(1 - y[i])`` if it is 2.  ``rows`` has 4 columns; y and out are contiguous."""
    bits = y.view(np.int64)
    out_bits = out.view(np.int64)
    last = rows.shape[0] - 1
    n = y.shape[0]
    for start in range(0, n, BLOCK):
        stop = min(start + BLOCK, n)
        yb, b, o, o_bits = y[start:stop], bits[start:stop], out[start:stop], out_bits[start:stop]
        for i in range(b.shape[0]):
            o_bits[i] = b[i] | x_bits                 # x, written where its result goes
        for i in range(b.shape[0]):
            j = min(max((b[i] >> shift) - offset, 0), last)
            x = o[i]
            result = rows[j, 3] * x + rows[j, 2]
            result = result * x + rows[j, 1]
            o[i] = result * x + rows[j, 0]
        if factor == 1:
            for i in range(b.shape[0]):
                o[i] *= 1.0 - yb[i]
        elif factor == 2:
            for i in range(b.shape[0]):
                o[i] *= np.sqrt(1.0 - yb[i])
