r"""Generate ``_coefficients.py`` deterministically from the mpmath integrals.

Run ``python -m guidingcenter.dipole._generate`` (about 20 s) to rewrite
``src/guidingcenter/dipole/_coefficients.py``; the same inputs give a
byte-identical file, written atomically (temporary file + rename).

Tables for the fast functions
    T, D and :math:`Y/(1-y^2)` are smooth functions of :math:`t = y^{2/3}` on
    [0, 1] (the mirror point :math:`\cos^2\lambda_m` is an analytic function
    of t; the only non-analytic terms, :math:`y^4\ln y` and beyond, are
    tiny).  Each of ``PIECES`` equal intervals in t carries the degree-``DEGREE``
    Chebyshev interpolant at first-kind nodes, computed from ``T_mp``/``D_mp``/
    ``Y_mp`` at ``DPS`` digits and converted (in mpmath) to monomials in the
    local variable :math:`s \in [0, 1]`.  Dividing Y by :math:`1-y^2 = 1-t^3`
    (not by :math:`1-y`, which would bring in :math:`t^{3/2}`) keeps the
    relative accuracy where Y -> 0; the limit at y = 1 is T(1), since
    :math:`Y \approx 2T(1)(1-y)` there.  These tables are the committed
    source of truth; the fast functions do not evaluate them directly but
    resample them, on first use, onto pieces in y that need no cube root
    (``_kernels.octave_table``, a deterministic double-precision transform).

Octave tables (shipped)
    The fast functions evaluate pieces in y (``_kernels.octave_rows``),
    resampled from the t-tables (T, D, and :math:`(1+y)\,Y/(1-y^2)`) and, for
    the mirror latitude, from the Newton solution
    :math:`\lambda_m/(1-y)^{1/2}` (``integrals.mirror_latitude_newton``), in
    double precision and a fixed order of operations.  They are written as
    ``octave_<name>.npy`` next to the modules (2.6 MB each) so that the first
    call does not build them; ``python -m guidingcenter.dipole._generate
    --octave-tables`` rewrites only these from the committed t-tables (a few
    seconds).

Our fits
    Degree-``FIT_DEGREE`` polynomials in t (times :math:`1-t` for Y), fitted
    to the fast functions by Lawson's algorithm (iteratively reweighted least
    squares converging to the minimax fit of the relative error) on a fixed
    grid, solved in the Chebyshev basis on [0, 1] (well conditioned), then
    converted to powers of t and rounded to ``FIT_DIGITS`` significant digits.
"""

import os
import sys
import tempfile
from pathlib import Path

import mpmath
import numpy as np

from guidingcenter.dipole import _kernels
from guidingcenter.dipole.integrals_mp import D_mp, T_mp, Y_mp

__all__ = ["PIECES", "DEGREE", "DPS", "TABULATED", "FIT_DEGREE", "FIT_DIGITS",
           "tabulated_value", "piece_coefficients", "tables", "fit_grid", "fit_coefficients",
           "render", "octave_tables", "write_octave_tables", "main"]

PIECES = 32          # equal intervals in t = y**(2/3)
DEGREE = 7           # polynomial degree per piece (measured error ~4e-16, see the tests)
DPS = 20             # digits of the reference values (the tables need ~17)
TABULATED = ("T", "D", "Y_over_1_minus_y2")
FIT_DEGREE = 5       # our fits: 6 coefficients each
FIT_DIGITS = 10      # significant digits kept (robust to last-bit BLAS differences)
LAWSON_ITERATIONS = 300   # the max error is then within 0.1% of its converged value

OUTPUT = Path(__file__).with_name("_coefficients.py")


def tabulated_value(name, t):
    """The tabulated function ``name`` at t (an mpf in [0, 1]), to ``DPS`` digits."""
    y = t * mpmath.sqrt(t)
    if name == "T":
        return T_mp(y, DPS)
    if name == "D":
        return D_mp(y, DPS)
    if name == "Y_over_1_minus_y2":
        if t == 1:
            return T_mp(1, DPS)          # Y ~ 2 T(1) (1 - y) and 1 - y^2 ~ 2 (1 - y)
        with mpmath.workdps(DPS + 10):
            return Y_mp(y, DPS + 10) / (1 - t**3)
    raise ValueError(f"name: unknown tabulated function {name!r}; allowed: {TABULATED}")


def _shifted_chebyshev_monomials(n):
    """Monomial coefficients (in s) of T_j(2s - 1), j < n, as lists of mpf."""
    polys = [[mpmath.mpf(1)], [mpmath.mpf(-1), mpmath.mpf(2)]]
    while len(polys) < n:
        prev, prev2 = polys[-1], polys[-2]
        new = [mpmath.mpf(0)] * (len(prev) + 1)
        for i, v in enumerate(prev):          # 2 (2s - 1) T_j
            new[i] -= 2 * v
            new[i + 1] += 4 * v
        for i, v in enumerate(prev2):         # - T_{j-1}
            new[i] -= v
        polys.append(new)
    return polys[:n]


def piece_coefficients(name, index):
    """Monomial coefficients (floats, in s) of ``name`` on piece ``index``."""
    n = DEGREE + 1
    with mpmath.workdps(DPS + 10):
        lo, width = mpmath.mpf(index) / PIECES, mpmath.mpf(1) / PIECES
        angles = [mpmath.pi * (k + mpmath.mpf(1) / 2) / n for k in range(n)]
        values = [tabulated_value(name, lo + width * (mpmath.cos(a) + 1) / 2) for a in angles]
        cheb = [2 * mpmath.fsum(v * mpmath.cos(j * a) for v, a in zip(values, angles)) / n
                for j in range(n)]
        cheb[0] /= 2
        mono = [mpmath.mpf(0)] * n
        for c, poly in zip(cheb, _shifted_chebyshev_monomials(n)):
            for i, p in enumerate(poly):
                mono[i] += c * p
        return tuple(float(m) for m in mono)


def tables(names=TABULATED, progress=None):
    """``{name: rows}`` with ``rows[k][i]`` the coefficient of s**k on piece i."""
    out = {}
    for name in names:
        columns = []
        for i in range(PIECES):
            columns.append(piece_coefficients(name, i))
            if progress:
                progress(f"{name}: piece {i + 1}/{PIECES}")
        out[name] = tuple(tuple(col[k] for col in columns) for k in range(DEGREE + 1))
    return out


def _exact(quantity, y, table_arrays):
    if quantity == "Y":
        return _kernels.evaluate_table(y, table_arrays["Y_over_1_minus_y2"],
                                       times_one_minus_y2=True)
    return _kernels.evaluate_table(y, table_arrays[quantity])


def fit_grid(quantity):
    """The fixed fitting grid in y: uniform, plus log-spaced points near both ends."""
    y = np.concatenate([np.linspace(0, 1, 2001)[1:], np.logspace(-12, -2, 101),
                        1 - np.logspace(-12, -3, 91)])
    y = np.unique(y)
    return y[y < 1] if quantity == "Y" else y    # Y/fit is 0/0 at y = 1


def _lawson(basis, exact):
    """Coefficients minimising max |basis @ c / exact - 1| (Lawson's algorithm).

    Each step solves the weighted least-squares problem by its normal
    equations (the Chebyshev basis keeps them well conditioned) and
    multiplies the weights by the current relative error.
    """
    a = basis / exact[:, None]
    weights = np.full(len(exact), 1 / len(exact))
    for _ in range(LAWSON_ITERATIONS):
        aw = a * weights[:, None]
        coefficients = np.linalg.solve(aw.T @ a, aw.sum(axis=0))
        weights *= np.abs(a @ coefficients - 1)
        weights /= weights.sum()
    return coefficients


def fit_coefficients(table_rows):
    """Our fits ``{quantity: coefficients in powers of t}`` from the tables ``{name: rows}``."""
    arrays = {name: np.array(rows) for name, rows in table_rows.items()}
    fits = {}
    for quantity in _kernels.FIT_QUANTITIES:
        y = fit_grid(quantity)
        t, factor = _kernels.fit_variable_and_factor(quantity, y)
        basis = np.polynomial.chebyshev.chebvander(2 * t - 1, FIT_DEGREE) * factor[:, None]
        chebyshev = _lawson(basis, _exact(quantity, y, arrays))
        powers = np.polynomial.Chebyshev(chebyshev, domain=[0, 1]).convert(
            kind=np.polynomial.Polynomial).coef
        fits[quantity] = tuple(float(f"{c:.{FIT_DIGITS}g}") for c in powers)
    return fits


def render(table_rows, fits):
    """The text of ``_coefficients.py`` (deterministic)."""
    lines = [
        '"""Generated by ``python -m guidingcenter.dipole._generate`` -- do not edit.',
        "",
        "TABLES[name][k][i] is the coefficient of s**k on piece i, where",
        "t = y**(2/3) = (i + s)/PIECES and s is in [0, 1] (see _kernels.evaluate_table);",
        "name is T, D or Y_over_1_minus_y2 = Y/(1 - y**2).  FITS[q] are the coefficients",
        "of our cheap fits, in powers of t (times 1 - t for Y; see _kernels.fit_model).",
        '"""',
        "",
        '__all__ = ["PIECES", "DEGREE", "FIT_DEGREE", "TABLES", "FITS"]',
        "",
        f"PIECES = {PIECES}",
        f"DEGREE = {DEGREE}",
        f"FIT_DEGREE = {FIT_DEGREE}",
        "",
        "TABLES = {",
    ]
    for name in TABULATED:
        lines.append(f"    {name!r}: (")
        for k, row in enumerate(table_rows[name]):
            lines.append(f"        (  # s**{k}")
            lines.extend(f"            {v!r}," for v in row)
            lines.append("        ),")
        lines.append("    ),")
    lines += ["}", "", "FITS = {"]
    for quantity in _kernels.FIT_QUANTITIES:
        lines.append(f"    {quantity!r}: ({', '.join(repr(c) for c in fits[quantity])}),")
    lines += ["}", ""]
    return "\n".join(lines)


def octave_tables(table_rows):
    """``{name: rows}``: the octave tables the fast functions evaluate
    (``integrals.OCTAVE_TABLES``), from the t-tables ``{name: rows}``."""
    from guidingcenter.dipole.integrals import mirror_latitude_newton
    arrays = {name: np.array(rows, dtype=float) for name, rows in table_rows.items()}
    return {
        "T": _kernels.octave_table(arrays["T"]),
        "D": _kernels.octave_table(arrays["D"]),
        # Y/(1 - y) = (1 + y) Y/(1 - y^2), smooth in y on every piece; at y = 1 the limit
        # 2 T(1) (Y ~ 2 T(1) (1 - y)); Y(1) = 0 exactly after the factor 1 - y
        "Y": _kernels.octave_table(arrays["Y_over_1_minus_y2"], times_one_plus_y=True),
        # lambda_m/(1 - y)^(1/2): at y = 1 the limit 2/3 (w = 1 - cos^2 lambda_m ~ 4(1 - y)/9);
        # its first row is a true piece: lambda_m varies like y^(1/3) down to y = 0
        "mirror_latitude": _kernels.octave_rows(
            lambda y: mirror_latitude_newton(y) / np.sqrt(1 - y), 2.0 / 3.0,
            constant_first_row=False),
    }


def _npy_bytes(array):
    """The ``.npy`` file of ``array`` (deterministic: header and data only)."""
    import io
    buffer = io.BytesIO()
    np.save(buffer, np.ascontiguousarray(array), allow_pickle=False)
    return buffer.getvalue()


def write_octave_tables(table_rows, directory=None):
    """Write every octave table (atomically) next to the modules; return the paths."""
    from guidingcenter.dipole import integrals
    written = []
    for name, rows in octave_tables(table_rows).items():
        path = integrals.octave_table_path(name)
        path = Path(directory) / path.name if directory else path
        _write_atomically(path, _npy_bytes(rows))
        written.append(path)
    return written


def _write_atomically(path, data):
    binary = isinstance(data, bytes)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)          # what open(path, "w") would give, not 0600
    try:
        with os.fdopen(fd, "wb" if binary else "w", **({} if binary else
                                                      {"encoding": "utf-8", "newline": "\n"})
                       ) as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def main(argv=None):
    """Regenerate ``_coefficients.py`` and the octave tables; progress on stderr when it
    is a terminal.  ``--octave-tables`` rewrites the octave tables only, from the
    committed t-tables."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--octave-tables"]:
        from guidingcenter.dipole import _coefficients
        for path in write_octave_tables(_coefficients.TABLES, *argv[1:2]):
            print(path)
        return 0
    path = Path(argv[0]) if argv else OUTPUT
    progress = None
    if sys.stderr.isatty():
        def progress(message):
            print(f"\r{message:<40}", end="", file=sys.stderr, flush=True)
    rows = tables(progress=progress)
    text = render(rows, fit_coefficients(rows))
    _write_atomically(path, text)
    write_octave_tables(rows, path.parent if argv else None)
    if progress:
        print(f"\rwrote {path}".ljust(41), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
