r"""Numeric kernels shared by the fast functions, the fits and the generator (private).

Piecewise tables in t (the generated tables)
    A table ``C`` of shape ``(degree + 1, pieces)`` represents a function of
    :math:`t = y^{2/3} \in [0, 1]` on ``pieces`` equal intervals; on piece ``i``,
    :math:`t = (i + s)/\mathrm{pieces}` with :math:`s \in [0, 1]`, the value is
    :math:`\sum_k C_{k,i}\, s^k` (:func:`evaluate_table`).  These are what
    ``_generate`` computes from the mpmath integrals and commits; t is the
    natural variable (T, D, Y are smooth in t), but every evaluation needs a
    cube root.

Octave tables in y (what the fast functions evaluate)
    :func:`octave_table` resamples a t-table onto pieces in y itself that are
    read off the bits of the double: for :math:`y = 2^{e}(1 + m)`,
    :math:`m \in [0, 1)`, the piece index is the exponent e together with the
    leading ``SUBPIECE_BITS`` bits of m (one shift and one subtraction on the
    64-bit pattern), and the local variable x is the double whose exponent is
    0 and whose mantissa is m with its leading ``SUBPIECE_BITS`` bits set to
    one (one OR; exact): :math:`x = x_0 + z`, :math:`x_0 = 2 - 2^{-b}`,
    :math:`z \in [0, 2^{-b})` the remaining bits of m, b = ``SUBPIECE_BITS``.
    Each octave :math:`[2^{-k-1}, 2^{-k})`, k < ``OCTAVES``, is so cut into
    :math:`2^b` equal pieces: pieces shrink with y, in proportion to the
    distance from the :math:`y^{2/3}` singularity at y = 0, and one low
    degree (``OCTAVE_DEGREE``) does for all of them.  Below
    :math:`2^{-\mathrm{OCTAVES}}` every y falls on the first piece (a clipped
    index), a constant there: :math:`T(y) - T(0) \approx -0.54\,y^{2/3}` is
    below :math:`10^{-16}` relative.  No cube root, no floor, no float-to-int
    conversion at run time: 3 integer passes, one gather of the piece's
    ``OCTAVE_DEGREE + 1`` coefficients (one 32-byte row) and
    ``OCTAVE_DEGREE`` multiply-adds per point.  With numba installed, large
    arrays run the same operations in one compiled loop (``_compiled``).

Cheap fits
    Our fits are polynomials in :math:`t = y^{2/3}` (the natural variable of the
    small-y expansion: :math:`\cos^2\lambda_m \propto y^{2/3}`); the fit of Y
    carries the factor :math:`1 - t = (1-y)(1+y)/(1+t+t^2)`, written so that it
    keeps full relative precision as y -> 1, where Y vanishes.
"""

import functools
import math
import struct
import warnings

import numpy as np

__all__ = ["BLOCK", "evaluate_table", "OCTAVES", "SUBPIECE_BITS", "OCTAVE_DEGREE", "OCTAVE_BLOCK",
           "ROWS", "octave_nodes", "octave_rows", "octave_table", "COMPILED_MIN_POINTS",
           "compiled_kernel", "evaluate_octave_table",
           "evaluate_octave_scalar", "horner",
           "FIT_QUANTITIES", "fit_variable_and_factor", "fit_model"]

FIT_QUANTITIES = ("T", "D", "Y")


BLOCK = 16384
"""Elements per block in :func:`evaluate_table` (the temporaries stay in cache)."""


def evaluate_table(y, table, times_one_minus_y2=False):
    """Evaluate ``table`` at :math:`t = y^{2/3}` for the 1-D float64 array ``y`` in [0, 1].

    Works block by block with preallocated temporaries (a pass over 1e6
    doubles otherwise runs at memory speed, and the gathers dominate).  The
    piece index comes from ``t * scale`` with ``scale`` the double just below
    ``pieces``, so that t = 1 falls on the last piece at s = 1 - 4e-15 without
    a clamp; the shift of s is below 4e-15, i.e. below 1e-16 in the value.
    With ``times_one_minus_y2`` the result is multiplied by (1 - y)(1 + y).
    Returns a new array.
    """
    degree, pieces = table.shape[0] - 1, table.shape[1]
    scale = np.nextafter(float(pieces), 0.0)
    n = y.size
    out = np.empty(n)
    block = max(1, min(BLOCK, n))
    s_buf, index_buf, gathered_buf = np.empty(block), np.empty(block), np.empty(block)
    index_int_buf = np.empty(block, dtype=np.intp)
    for start in range(0, n, block):
        stop = min(start + block, n)
        m = stop - start
        yb, s, index = y[start:stop], s_buf[:m], index_buf[:m]
        index_int, gathered, result = index_int_buf[:m], gathered_buf[:m], out[start:stop]
        np.multiply(yb, yb, out=s)
        np.cbrt(s, out=s)
        s *= scale
        np.floor(s, out=index)
        s -= index
        np.copyto(index_int, index, casting="unsafe")
        table[degree].take(index_int, out=result, mode="clip")
        for k in range(degree - 1, -1, -1):
            result *= s
            result += table[k].take(index_int, out=gathered, mode="clip")
        if times_one_minus_y2:
            np.subtract(1.0, yb, out=gathered)          # exact for y >= 1/2 (Sterbenz)
            result *= gathered
            np.add(1.0, yb, out=gathered)
            result *= gathered
    return out


# --- octave tables in y ----------------------------------------------------------------

OCTAVES = 80
r"""Octaves :math:`[2^{-k-1}, 2^{-k})`, k < OCTAVES, carry their own pieces; below
:math:`2^{-80}`, :math:`|T(y) - T(0)| < 0.54\cdot 2^{-160/3} < 6\times10^{-17}`
(relative :math:`4\times10^{-17}`; the same for D and Y/(1 - y))."""

SUBPIECE_BITS = 10
r"""Pieces per octave: :math:`2^{10}`.  With ``OCTAVE_DEGREE`` = 3 the worst
piece (the first of the top octave) interpolates to about
:math:`1\times10^{-16}`; with 9 bits the maximum error of Y grows to
:math:`3\times10^{-15}` (measured against mpmath)."""

OCTAVE_DEGREE = 3
"""Degree of the polynomial on each piece: 4 coefficients, 32 bytes, gathered
as one row (NumPy's take copies rows of up to 32 bytes as single items)."""

OCTAVE_BLOCK = 32768
"""Elements per block in :func:`evaluate_octave_table` (measured: 16384 to
65536 are within noise of each other; 4096 is slower, the per-call cost of
NumPy dominating)."""

_SHIFT = 52 - SUBPIECE_BITS                 # bits of m below the piece index
_OFFSET = (1023 - OCTAVES) << SUBPIECE_BITS  # row 0: the first piece of octave OCTAVES - 1
# y <= 1 has sign bit 0 and exponent field <= 1023 = 0b01111111111: OR-ing in the
# exponent of 1.0 and the index bits gives x = x0 + z in [x0, 2), z = low bits of m
_X_BITS = (1023 << 52) | (((1 << SUBPIECE_BITS) - 1) << _SHIFT)
_X0 = 2.0 - 2.0**-SUBPIECE_BITS
ROWS = (OCTAVES << SUBPIECE_BITS) + 1
"""Rows of an octave table: the pieces, then one row for y = 1 exactly."""


def _shifted_chebyshev_to_monomials(n):
    """``A[j, k]``: coefficient of f**k in the Chebyshev polynomial T_j(2f - 1)."""
    u = np.polynomial.Polynomial([-1.0, 2.0])
    polys = [np.polynomial.Polynomial([1.0]), u]
    while len(polys) < n:
        polys.append(2 * u * polys[-1] - polys[-2])
    matrix = np.zeros((n, n))
    for j in range(n):
        coef = polys[j].coef
        matrix[j, :len(coef)] = coef
    return matrix


def _taylor_shift_matrix(n, x0):
    """``B[m, k]``: coefficient of x**k in (x - x0)**m."""
    matrix = np.zeros((n, n))
    for m in range(n):
        for k in range(m + 1):
            matrix[m, k] = math.comb(m, k) * (-x0) ** (m - k)
    return matrix


def octave_nodes():
    r"""``(f, y)``: the interpolation nodes of every row of an octave table.

    ``f`` (length ``OCTAVE_DEGREE + 1``) are Chebyshev points of the first kind
    on [0, 1] rounded to multiples of :math:`2^{-\mathrm{\_SHIFT}}`, so that each
    node :math:`y = 2^{-k-1}(1 + (j + f)\,2^{-\mathrm{SUBPIECE\_BITS}})` of row
    ``(OCTAVES - 1 - k) * 2**SUBPIECE_BITS + j`` is an exact double whose low
    mantissa bits are f; ``y`` has shape ``(ROWS - 1, OCTAVE_DEGREE + 1)``.
    """
    n = OCTAVE_DEGREE + 1
    f = (1 - np.cos(np.pi * (np.arange(n) + 0.5) / n)) / 2
    f = np.round(f * 2.0**_SHIFT) / 2.0**_SHIFT
    row = np.arange(ROWS - 1)
    k = OCTAVES - 1 - (row >> SUBPIECE_BITS)
    j = row & ((1 << SUBPIECE_BITS) - 1)
    y = np.ldexp(1 + (j[:, None] + f) / 2.0**SUBPIECE_BITS, -(k[:, None] + 1))
    return f, y


def _products(a, b):
    """``a @ b`` for a small ``b``, summed in a fixed order with elementwise operations
    (a BLAS product may round differently from machine to machine)."""
    out = np.zeros((a.shape[0], b.shape[1]))
    for k in range(b.shape[0]):
        out += a[:, k:k + 1] * b[k]
    return out


def octave_rows(function, end, constant_first_row=True):
    r"""The octave table of ``function``: shape ``(ROWS, OCTAVE_DEGREE + 1)``.

    Row i holds the coefficients of :math:`x^0, x^1, \dots` on piece i, x the
    local variable of :func:`evaluate_octave_table` (a row is contiguous:
    one gather fetches it).  Each row interpolates ``function`` (a NumPy
    function of y) at the nodes of :func:`octave_nodes`; the last row is the
    constant ``end``, the value at y = 1.  With ``constant_first_row``, row 0,
    where every y below :math:`2^{-\mathrm{OCTAVES}}` lands, is the constant
    value at its first node (right for T, D, Y/(1 - y), which vary by 1e-19
    there).  Computed in double precision, in steps that keep it well
    conditioned: values relative to the first node (exact differences),
    Chebyshev coefficients in the node variable f, monomials in f, scaled by
    powers of two to :math:`z = f\,2^{-b}` and shifted to :math:`x = x_0 + z`;
    the small matrix products are summed in a fixed order (:func:`_products`),
    so that the result does not depend on the BLAS.  Read-only.
    """
    n = OCTAVE_DEGREE + 1
    f, y = octave_nodes()
    values = function(y.reshape(-1)).reshape(y.shape)
    reference = values[:, :1]
    differences = values - reference
    chebyshev = _products(differences, np.polynomial.chebyshev.chebvander(2 * f - 1, n - 1))
    chebyshev *= 2.0 / n                     # discrete orthogonality at the n nodes
    mean = differences[:, 0].copy()
    for k in range(1, n):
        mean += differences[:, k]
    chebyshev[:, 0] = reference[:, 0] + mean / n
    monomials = _products(chebyshev, _shifted_chebyshev_to_monomials(n))     # in f
    monomials *= 2.0 ** (SUBPIECE_BITS * np.arange(n))                        # in z (exact)
    rows = _products(monomials, _taylor_shift_matrix(n, _X0))                # in x = x0 + z
    if constant_first_row:
        rows[0] = np.r_[values[0, 0], np.zeros(n - 1)]
    rows = np.vstack([rows, np.r_[end, np.zeros(n - 1)]])
    rows = np.ascontiguousarray(rows)
    rows.flags.writeable = False
    return rows


def octave_table(table, times_one_plus_y=False):
    """The octave table of the t-table ``table`` (:func:`octave_rows` of
    :func:`evaluate_table`; with ``times_one_plus_y``, times 1 + y).  Adds about
    3e-16 to the t-table's own error (measured against mpmath, see the tests)."""
    factor = 2.0 if times_one_plus_y else 1.0

    def function(y):
        values = evaluate_table(y, table)
        return values * (1 + y) if times_one_plus_y else values
    return octave_rows(function, evaluate_table(np.ones(1), table)[0] * factor)


COMPILED_MIN_POINTS = 1 << 17
"""From this many points on, :func:`evaluate_octave_table` runs the compiled kernel
(``_compiled``) when numba is installed; below, and always without numba, the NumPy path."""


@functools.cache
def compiled_kernel():
    """The numba kernel ``_compiled.evaluate_cubic_octave``, or None when numba is not
    installed (or, with a ``RuntimeWarning``, when it cannot compile or cache the kernel:
    the NumPy path gives the same numbers).  The first call imports numba and loads the
    kernel from numba's disk cache, or compiles it there (see
    :func:`evaluate_octave_table` for what that costs)."""
    try:
        from guidingcenter.dipole import _compiled
    except ImportError:
        return None
    except Exception as error:          # e.g. no writable cache folder, an LLVM failure
        warnings.warn(f"the numba kernel of the dipole tables is unavailable ({error}); "
                      "using the NumPy path", RuntimeWarning, stacklevel=2)
        return None
    return _compiled.evaluate_cubic_octave


def evaluate_octave_table(y, rows, times_one_minus_y=False, times_sqrt_one_minus_y=False,
                          compiled=None):
    r"""Evaluate the octave table ``rows`` at the 1-D float64 array ``y`` in [0, 1].

    The bits of y are read through an int64 view.  The row index is
    ``(bits >> _SHIFT) - _OFFSET``, clipped to 0 below :math:`2^{-\mathrm{OCTAVES}}`
    (0, subnormals and -0.0 included: for T, D and Y row 0 is a constant, so the
    x of -0.0, negative, does not matter); y = 1 is the last row.  Block by
    block into preallocated buffers: one gather of the rows, then Horner's
    rule in x reading the coefficients from the gathered rows.  With
    ``times_one_minus_y`` the result is multiplied by 1 - y (exact for
    y >= 1/2), with ``times_sqrt_one_minus_y`` by its square root, in the same
    block (while it is in cache).  Returns a new array.

    ``compiled`` chooses the path: True the numba kernel (``_compiled``: one loop
    instead of some thirteen NumPy passes per block; cubic rows only), False the NumPy
    one, None (the default) the kernel for arrays of ``COMPILED_MIN_POINTS`` points or
    more when the rows are cubics and numba is installed.  Both give the same doubles
    (``tests/dipole/test_compiled.py``).  Measured on 1e6 points
    (``benchmarks/bench_dipole.py``): T 1.9 ms compiled, 4.6 ms NumPy; the mirror
    latitude 2.4 ms and 6.3 ms.  The first compiled call in a process imports numba and
    loads the kernel: 0.27 s with numba's disk cache warm, 0.85 s when it compiles (the
    first time on a machine, or after an edit of ``_compiled``).  Hence the threshold:
    importing the package, one number and arrays below :math:`2^{17}` points (under a
    millisecond on the NumPy path) never pay it; above, a warm load is repaid after
    some 800 calls at :math:`2^{17}` points, 100 at 1e6.
    """
    degree = rows.shape[1] - 1
    y = np.ascontiguousarray(y, dtype=np.float64)        # no copy for the usual input
    n = y.size
    if compiled is None:
        compiled = n >= COMPILED_MIN_POINTS and degree == 3 and compiled_kernel() is not None
    out = np.empty(n)
    if compiled:
        kernel = compiled_kernel()
        if kernel is None or degree != 3:
            raise ValueError("compiled: the numba kernel needs numba (pip install "
                             "'guidingcenter[numba]') and a table of cubics")
        factor = 2 if times_sqrt_one_minus_y else 1 if times_one_minus_y else 0
        kernel(y, np.ascontiguousarray(rows, dtype=np.float64), out, _SHIFT, _OFFSET,
               _X_BITS, factor)
        return out
    bits = y.view(np.int64)
    block = max(1, min(OCTAVE_BLOCK, n))
    index_buf = np.empty(block, dtype=np.int64)
    x_buf = np.empty(block, dtype=np.int64)
    gathered_buf = np.empty((block, degree + 1))
    for start in range(0, n, block):
        stop = min(start + block, n)
        b, index, x_bits = bits[start:stop], index_buf[:stop - start], x_buf[:stop - start]
        gathered, result = gathered_buf[:stop - start], out[start:stop]
        np.right_shift(b, _SHIFT, out=index)
        index -= _OFFSET
        np.bitwise_or(b, _X_BITS, out=x_bits)
        x = x_bits.view(np.float64)
        rows.take(index, axis=0, out=gathered, mode="clip")
        np.multiply(gathered[:, degree], x, out=result)
        result += gathered[:, degree - 1]
        for k in range(degree - 2, -1, -1):
            result *= x
            result += gathered[:, k]
        if times_one_minus_y or times_sqrt_one_minus_y:
            np.subtract(1.0, y[start:stop], out=x)
            if times_sqrt_one_minus_y:
                np.sqrt(x, out=x)
            result *= x
    return out


_DOUBLE, _INT64 = struct.Struct("<d"), struct.Struct("<q")
_ROW = struct.Struct(f"<{OCTAVE_DEGREE + 1}d")


def evaluate_octave_scalar(y, buffer):
    """:func:`evaluate_octave_table` at one Python float ``y`` in [0, 1], in plain float
    arithmetic, reading the rows from ``buffer`` (the table's bytes, e.g. a memoryview):
    the same row, the same x and the same operations in the same order, so the same
    double."""
    bits = _INT64.unpack(_DOUBLE.pack(y))[0]
    index = max((bits >> _SHIFT) - _OFFSET, 0)
    x = _DOUBLE.unpack(_INT64.pack(bits | _X_BITS))[0]
    coefficients = _ROW.unpack_from(buffer, index * _ROW.size)
    result = coefficients[-1] * x + coefficients[-2]
    for c in coefficients[-3::-1]:
        result = result * x + c
    return result


def horner(x, coefficients):
    """``sum_k coefficients[k] * x**k`` by Horner's rule (arrays or floats)."""
    result = coefficients[-1] + 0 * x
    for c in coefficients[-2::-1]:
        result = result * x + c
    return result


def fit_variable_and_factor(quantity, y):
    """``(t, factor)`` of the fit of ``quantity``: the fit is ``factor * P(t)``."""
    t = np.cbrt(y * y)
    if quantity == "Y":
        return t, (1 - y) * (1 + y) / (1 + t + t * t)     # = 1 - t, accurate near y = 1
    return t, np.ones_like(t)


def fit_model(quantity, y, coefficients):
    """Our cheap fit of ``quantity`` ("T", "D" or "Y") at ``y``: factor * sum_k c_k t**k."""
    t, factor = fit_variable_and_factor(quantity, y)
    return factor * horner(t, coefficients)
