r"""Published approximations of the dipole integrals and periods, our fit, and their errors.

Every approximation from the lecture notes and the classic literature is a
named function; :func:`fit_error_table` measures each one against the exact
functions (:mod:`~guidingcenter.dipole.integrals`, or the exact
non-relativistic periods of :mod:`~guidingcenter.dipole.periods` for the
engineering forms) and returns the maximum relative error over
:math:`0 < y \le 1` and where it is attained.  The numbers are computed on
every call, never typed.

Our own fits (:func:`T_fit`, :func:`D_fit`, :func:`Y_fit`) are degree-5
polynomials in :math:`t = y^{2/3}` (times :math:`1-t` for Y), one cube root
and a few multiply-adds, fitted (minimax in the relative error, Lawson's
algorithm) by ``python -m guidingcenter.dipole._generate``; their measured
errors are in the same table.

Sources checked: the Schulz & Lanzerotti coefficients were compared with
independent implementations (Schulz 1991 eqs. 156, 161, 170 as coded in the
UBER radiation-belt code; rbamlib; Williams' pwkit SDE code).  The published
Y coefficient of :math:`y^{3/4}` is 5.117540, not 5.117546: with it the fit
vanishes at y = 1 and its slope there matches :math:`Y'(1) = -2T(1)` to 7
digits (the identity :math:`Y = 12(T/2 - D)` applied to the T and D fits
gives 5.117543).
"""

import warnings
from collections import namedtuple

import numpy as np

from guidingcenter import constants
from guidingcenter.validity import LossConeWarning
from guidingcenter.dipole import _coefficients, _kernels, periods
from guidingcenter.dipole._checks import finish, in_range, positive, unit_interval
from guidingcenter.dipole.integrals import D, T, Y

__all__ = ["T_notes", "T_notes_prefactor", "T_schulz_lanzerotti", "T_schulz_lanzerotti_34",
           "D_over_T_notes", "D_schulz_lanzerotti", "D_over_T_schulz_lanzerotti",
           "Y_schulz_lanzerotti", "Y_schulz_lanzerotti_log",
           "bounce_period_proton_notes", "bounce_period_electron_notes", "drift_period_notes",
           "T_fit", "D_fit", "Y_fit", "OURS", "FitError", "Y_CUTOFF", "error_grid",
           "max_relative_error", "fit_error_table", "format_fit_error_table"]

OURS = "ours (guidingcenter.dipole._generate)"
"""The source label of our own fits in :func:`fit_error_table`."""

_T0 = 1 + np.log(2 + np.sqrt(3)) / (2 * np.sqrt(3))    # T(0), closed form
_T1 = np.pi * np.sqrt(2) / 6                             # T(1), closed form
_MEV = 1e6 * constants.eV
_HOUR = 3600.0


def _y_function(formula):
    def wrapped(y):
        flat, shape = unit_interval(y)
        return finish(formula(flat), shape)
    wrapped.__name__ = formula.__name__
    wrapped.__doc__ = formula.__doc__
    return wrapped


# --- T(y) -----------------------------------------------------------------------------

@_y_function
def T_notes(y):
    r"""Linear fit :math:`T(y) \approx 1.30 - 0.56\,y`.

    Notes 004 (Suttrop, "Numerische Lösung des Integrals"), after Hamlin et
    al. (1961), *J. Geophys. Res.* 66, 1.

    Examples
    --------
    >>> T_notes(0.5)
    1.02
    """
    return 1.30 - 0.56 * y


@_y_function
def T_notes_prefactor(y):
    r"""The notes' bounce-period form as T: :math:`\tau_b \approx L R_E (W/m)^{-1/2}(3.7 - 1.6y)`.

    With :math:`\tau_b = 4LR_ET/v` and :math:`v = (2W/m)^{1/2}` this is
    :math:`T \approx (3.7 - 1.6\,y)/(2\sqrt2)` (notes 003 and 004).

    Examples
    --------
    >>> T_notes_prefactor(0.0)
    1.308...
    """
    return (3.7 - 1.6 * y) / (2 * np.sqrt(2))


@_y_function
def T_schulz_lanzerotti(y):
    r""":math:`T(y) \approx 1.3802 - 0.3198\,(y + y^{1/2})`.

    Schulz & Lanzerotti (1974), *Particle Diffusion in the Radiation Belts*,
    after Hamlin et al. (1961); :math:`0.3198 \approx (T(0) - T(1))/2`.

    Examples
    --------
    >>> T_schulz_lanzerotti(1.0)
    0.7406...
    """
    return 1.3802 - 0.3198 * (y + np.sqrt(y))


@_y_function
def T_schulz_lanzerotti_34(y):
    r""":math:`T(y) \approx 1.380173 - 0.639693\,y^{3/4}`.

    Schulz & Lanzerotti (1974); Schulz (1991), *Geomagnetism* vol. 4, eq. (156).

    Examples
    --------
    >>> T_schulz_lanzerotti_34(0.0)
    1.380173
    """
    return 1.380173 - 0.639693 * y**0.75


# --- D(y) and D/T -----------------------------------------------------------------------

@_y_function
def D_over_T_notes(y):
    r"""Drift-function ratio :math:`D/T \approx 0.35 + 0.15\,y`.

    Notes 003 (:math:`\langle v_d\rangle \simeq 6WL^2/(eB_ER_E)\,(0.35 + 0.15\sin\alpha_{eq})`)
    and notes 004 (:math:`\langle\tau_d\rangle`).

    Examples
    --------
    >>> D_over_T_notes(1.0)
    0.5
    """
    return 0.35 + 0.15 * y


@_y_function
def D_schulz_lanzerotti(y):
    r""":math:`D(y) \approx (5.520692 - 2.357194\,y + 1.279385\,y^{3/4})/12`.

    Schulz & Lanzerotti (1974); Schulz (1991), *Geomagnetism* vol. 4, eq. (170).

    Examples
    --------
    >>> D_schulz_lanzerotti(0.0)
    0.46005766...
    """
    return (5.520692 - 2.357194 * y + 1.279385 * y**0.75) / 12


@_y_function
def D_over_T_schulz_lanzerotti(y):
    r"""Ratio of the Schulz & Lanzerotti fits, :math:`D/T` with T in the :math:`y^{3/4}` form.

    The combination used for drift frequencies, e.g. in radiation-belt codes:
    :math:`(5.520692 - 2.357194y + 1.279385y^{3/4})/(12(1.380173 - 0.639693y^{3/4}))`.

    Examples
    --------
    >>> D_over_T_schulz_lanzerotti(0.0)
    0.33333...
    """
    return ((5.520692 - 2.357194 * y + 1.279385 * y**0.75)
            / (12 * (1.380173 - 0.639693 * y**0.75)))


# --- Y(y) -----------------------------------------------------------------------------

@_y_function
def Y_schulz_lanzerotti(y):
    r""":math:`Y(y) \approx 2.760346 + 2.357194\,y - 5.117540\,y^{3/4}`.

    Schulz & Lanzerotti (1974); Schulz (1991), *Geomagnetism* vol. 4, eq. (161).
    In floating point the three terms cancel near y = 1 (where Y -> 0), so
    the computed value loses relative accuracy there (~1e-16/(1-y)).

    Examples
    --------
    >>> Y_schulz_lanzerotti(0.0)
    2.760346
    """
    return 2.760346 + 2.357194 * y - 5.117540 * y**0.75


@_y_function
def Y_schulz_lanzerotti_log(y):
    r""":math:`Y(y) \approx 2(1-y)T_0 + (T_0 - T_1)(y\ln y + 2y - 2y^{1/2})`.

    Schulz & Lanzerotti (1974), with :math:`T_0 = T(0)`, :math:`T_1 = T(1)`
    (closed forms); consistent with the :math:`y + y^{1/2}` form of T through
    :math:`d(Y/y)/dy = -2T/y^2`.

    Examples
    --------
    >>> Y_schulz_lanzerotti_log(0.0), Y_schulz_lanzerotti_log(1.0)
    (2.76034599630094..., 0.0)
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        ylogy = np.where(y > 0, y * np.log(y), 0.0)
    return 2 * (1 - y) * _T0 + (_T0 - _T1) * (ylogy + 2 * y - 2 * np.sqrt(y))


# --- engineering forms (notes 003) ------------------------------------------------------

def _engineering_inputs(L, energy, alpha_eq):
    L = positive(L, "L", "equatorial radius of the field line in Earth radii")
    energy = positive(energy, "energy", "kinetic energy in J")
    alpha_eq = in_range(alpha_eq, "alpha_eq", 0, np.pi, "equatorial pitch angle in rad")
    return L, energy / _MEV, np.sin(alpha_eq)


def _scalar(value):
    value = np.asarray(value, dtype=float)
    return float(value) if value.ndim == 0 else value


def bounce_period_proton_notes(L, energy, alpha_eq):
    r"""Proton bounce period, notes 003: :math:`2.41\,L\,E_{MeV}^{-1/2}(1 - 0.43\sin\alpha_{eq})` s.

    Parameters
    ----------
    L : float or array_like
        Field line (Earth radii).
    energy : float or array_like
        Kinetic energy (J).
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi].

    Returns
    -------
    float or ndarray
        Bounce period (s).  A fit to the non-relativistic
        :math:`4LR_ET(y)/(2W/m_p)^{1/2}` with :math:`T \approx 1.30 - 0.56y`.

    Examples
    --------
    >>> from guidingcenter.units import MeV
    >>> bounce_period_proton_notes(4, 1 * MeV, 0.0)
    9.64
    """
    L, e_mev, y = _engineering_inputs(L, energy, alpha_eq)
    return _scalar(2.41 * L / np.sqrt(e_mev) * (1 - 0.43 * y))


def bounce_period_electron_notes(L, energy, alpha_eq):
    r"""Electron bounce period, notes 003: :math:`5.62\times10^{-2}\,L\,E_{MeV}^{-1/2}(1 - 0.43\sin\alpha_{eq})` s.

    Parameters
    ----------
    L : float or array_like
        Field line (Earth radii).
    energy : float or array_like
        Kinetic energy (J).
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi].

    Returns
    -------
    float or ndarray
        Bounce period (s), non-relativistic (the notes apply it at MeV, where
        it fails: see :func:`~guidingcenter.dipole.periods.bounce_period`).

    Examples
    --------
    >>> from guidingcenter.units import MeV
    >>> bounce_period_electron_notes(4, 1 * MeV, 0.0)
    0.2248
    """
    L, e_mev, y = _engineering_inputs(L, energy, alpha_eq)
    return _scalar(5.62e-2 * L / np.sqrt(e_mev) * (1 - 0.43 * y))


def drift_period_notes(L, energy, alpha_eq):
    r"""Drift period, notes 003: :math:`1.05/(E_{MeV} L)\,(1 + 0.43\sin\alpha_{eq})^{-1}` hours.

    Parameters
    ----------
    L : float or array_like
        Field line (Earth radii).
    energy : float or array_like
        Kinetic energy (J).
    alpha_eq : float or array_like
        Equatorial pitch angle (rad), in [0, pi].

    Returns
    -------
    float or ndarray
        Drift period (s), for protons and electrons alike (non-relativistic:
        :math:`\pi eB_ER_E^2/(3WL)\,(0.35 + 0.15y)^{-1}`).

    Examples
    --------
    >>> from guidingcenter.units import MeV, hour
    >>> drift_period_notes(4, 1 * MeV, 0.0) / hour
    0.2625
    """
    L, e_mev, y = _engineering_inputs(L, energy, alpha_eq)
    return _scalar(1.05 / (e_mev * L) / (1 + 0.43 * y) * _HOUR)


# --- our fits ---------------------------------------------------------------------------

def _our_fit(quantity):
    coefficients = tuple(_coefficients.FITS[quantity])

    def fit(y):
        flat, shape = unit_interval(y)
        return finish(_kernels.fit_model(quantity, flat, coefficients), shape)
    return fit


_T_FIT, _D_FIT, _Y_FIT = (_our_fit(q) for q in ("T", "D", "Y"))


def T_fit(y):
    r"""Our cheap fit of T: :math:`T(y) \approx \sum_{k=0}^{5} a_k t^k`, :math:`t = y^{2/3}`.

    The coefficients are generated (minimax relative error) by
    ``python -m guidingcenter.dipole._generate``; the measured maximum error
    is in :func:`fit_error_table`.

    Examples
    --------
    >>> abs(T_fit(0.5) / T(0.5) - 1) < 1e-5
    True
    """
    return _T_FIT(y)


def D_fit(y):
    r"""Our cheap fit of D: :math:`D(y) \approx \sum_{k=0}^{5} b_k t^k`, :math:`t = y^{2/3}`.

    Examples
    --------
    >>> abs(D_fit(0.5) / D(0.5) - 1) < 1e-5
    True
    """
    return _D_FIT(y)


def Y_fit(y):
    r"""Our cheap fit of Y: :math:`Y(y) \approx (1-t)\sum_{k=0}^{5} c_k t^k`, :math:`t = y^{2/3}`.

    :math:`1 - t` is evaluated as :math:`(1-y)(1+y)/(1+t+t^2)`, so the fit
    keeps its relative accuracy up to y = 1, where Y vanishes.

    Examples
    --------
    >>> abs(Y_fit(0.5) / Y(0.5) - 1) < 1e-5, Y_fit(1.0)
    (True, 0.0)
    """
    return _Y_FIT(y)


# --- measured errors ------------------------------------------------------------------

FitError = namedtuple("FitError", "name source quantity max_rel_error y_at_max")
FitError.__doc__ = "One row of :func:`fit_error_table`."

_L_REF, _W_REF = 4.0, 1e3 * constants.eV   # the engineering ratios do not depend on L or W


def _nonrel(period, particle):
    def exact(y):
        with warnings.catch_warnings():   # the whole range of y, the loss cone included
            warnings.simplefilter("ignore", LossConeWarning)
            return period(_L_REF, _W_REF, np.arcsin(y), particle, relativistic=False)
    return exact


def _of_y(form):
    def approx(y):
        return form(_L_REF, _W_REF, np.arcsin(y))
    return approx


def _ratio(num, den):
    return lambda y: num(y) / den(y)


_TAU_B_P, _TAU_B_E = "tau_b p+ (non-rel.)", "tau_b e- (non-rel.)"
_TAU_D = "tau_d (non-rel.)"

# (name, source, quantity, approximation of y, exact function of y)
_FITS = [
    ("T_notes", "notes 004; Hamlin et al. 1961", "T", T_notes, T),
    ("T_notes_prefactor", "notes 003/004: (3.7 - 1.6y)/(2 sqrt 2)", "T", T_notes_prefactor, T),
    ("T_schulz_lanzerotti", "Schulz & Lanzerotti 1974", "T", T_schulz_lanzerotti, T),
    ("T_schulz_lanzerotti_34", "Schulz & Lanzerotti 1974; Schulz 1991 (156)", "T",
     T_schulz_lanzerotti_34, T),
    ("T_fit", OURS, "T", T_fit, T),
    ("D_schulz_lanzerotti", "Schulz & Lanzerotti 1974; Schulz 1991 (170)", "D",
     D_schulz_lanzerotti, D),
    ("D_fit", OURS, "D", D_fit, D),
    ("D_over_T_notes", "notes 003/004", "D/T", D_over_T_notes, _ratio(D, T)),
    ("D_over_T_schulz_lanzerotti", "Schulz & Lanzerotti 1974 (ratio of fits)", "D/T",
     D_over_T_schulz_lanzerotti, _ratio(D, T)),
    ("D_fit/T_fit", OURS, "D/T", _ratio(D_fit, T_fit), _ratio(D, T)),
    ("Y_schulz_lanzerotti", "Schulz & Lanzerotti 1974; Schulz 1991 (161)", "Y",
     Y_schulz_lanzerotti, Y),
    ("Y_schulz_lanzerotti_log", "Schulz & Lanzerotti 1974", "Y", Y_schulz_lanzerotti_log, Y),
    ("Y_fit", OURS, "Y", Y_fit, Y),
    ("bounce_period_proton_notes", "notes 003", _TAU_B_P, _of_y(bounce_period_proton_notes),
     _nonrel(periods.bounce_period, "p+")),
    ("bounce_period_electron_notes", "notes 003", _TAU_B_E,
     _of_y(bounce_period_electron_notes), _nonrel(periods.bounce_period, "e-")),
    ("drift_period_notes", "notes 003", _TAU_D, _of_y(drift_period_notes),
     _nonrel(periods.drift_period, "p+")),
]

Y_CUTOFF = 1 - 1e-6
"""Largest y used for the Y rows: Y -> 0 at y = 1 and the published fits'
terms cancel there in floating point (error ~1e-16/(1-y)), which would
measure the arithmetic rather than the approximation."""


def error_grid(quantity):
    """The y grid of :func:`fit_error_table`: 20000 uniform points plus
    log-spaced points down to 1e-15 and up to 1 - 1e-15 (1 - 1e-6 for Y)."""
    y = np.concatenate([np.linspace(0, 1, 20001)[1:], np.logspace(-15, -2, 131),
                        1 - np.logspace(-15, -2, 131)])
    y = np.unique(y)
    return y[y <= Y_CUTOFF] if quantity == "Y" else y


def _refine(error, lo, hi, iterations=80):
    """Golden-section search for the maximum of ``error`` on [lo, hi]."""
    ratio = (np.sqrt(5) - 1) / 2
    a, b = lo, hi
    c, d = b - ratio * (b - a), a + ratio * (b - a)
    fc, fd = error(c), error(d)
    for _ in range(iterations):
        if fc >= fd:
            b, d, fd = d, c, fc
            c = b - ratio * (b - a)
            fc = error(c)
        else:
            a, c, fc = c, d, fd
            d = a + ratio * (b - a)
            fd = error(d)
    return (c, fc) if fc >= fd else (d, fd)


def max_relative_error(approx, exact, y):
    r"""Maximum of :math:`|\mathrm{approx}(y)/\mathrm{exact}(y) - 1|` and where it is attained.

    Evaluated on the grid ``y`` (sorted), then refined by a golden-section
    search between the grid neighbours of the largest grid value.

    Returns
    -------
    (float, float)
        The maximum relative error and the y where it is attained.

    Examples
    --------
    >>> err, at = max_relative_error(lambda y: T(y) * (1 + 1e-3 * y * (1 - y)), T,
    ...                              np.linspace(0, 1, 11)[1:])
    >>> round(err, 12), round(at, 6)
    (0.00025, 0.5)
    """
    y = np.asarray(y, dtype=float)
    errors = np.abs(approx(y) / exact(y) - 1)
    i = int(np.argmax(errors))
    best_y, best = float(y[i]), float(errors[i])
    if 0 < i < len(y) - 1:
        def error(v):
            return float(np.abs(approx(v) / exact(v) - 1))
        refined_y, refined = _refine(error, float(y[i - 1]), float(y[i + 1]))
        if refined > best:
            best_y, best = refined_y, refined
    return best, best_y


def fit_error_table():
    r"""Measure every fit: maximum relative error over :math:`0 < y \le 1`.

    Returns
    -------
    list of FitError
        ``(name, source, quantity, max_rel_error, y_at_max)``, where
        ``max_rel_error`` is :math:`\max_y |f_{fit}(y)/f(y) - 1|` against
        the exact fast functions (the engineering forms against the exact
        non-relativistic periods with the package constants; their ratio
        depends on y only), from :func:`max_relative_error` on
        :func:`error_grid`.  ``y_at_max = 1e-15`` (the smallest grid point)
        means the supremum is the limit y -> 0.

    Examples
    --------
    >>> rows = {row.name: row for row in fit_error_table()}
    >>> round(rows["T_notes"].max_rel_error, 4), rows["T_notes"].y_at_max
    (0.0581, 1e-15)
    """
    rows = []
    for name, source, quantity, approx, exact in _FITS:
        error, at = max_relative_error(approx, exact, error_grid(quantity))
        rows.append(FitError(name, source, quantity, error, at))
    return rows


def format_fit_error_table(rows=None):
    """The table of :func:`fit_error_table` as aligned text.

    Examples
    --------
    >>> print(format_fit_error_table().splitlines()[1])
    T                    T_notes                           5.809e-02      1e-15  notes 004; ...
    """
    rows = fit_error_table() if rows is None else rows
    lines = [f"{'quantity':<20} {'name':<31} {'max rel err':>11} {'at y':>10}  source"]
    lines += [f"{r.quantity:<20} {r.name:<31} {r.max_rel_error:>11.3e} {r.y_at_max:>10.4g}  "
              f"{r.source}" for r in rows]
    return "\n".join(lines)
