"""A planet's dipole (the Earth's by default): bounce and drift integrals, periods, loss
cone, the second invariant, and the classic fits.

Modules
-------
integrals_mp
    ``T_mp``, ``D_mp``, ``Y_mp``, ``mirror_latitude_mp``: mpmath, any number of digits.
integrals
    ``T``, ``D``, ``Y``, ``mirror_latitude``: vectorized NumPy, relative error < 1e-13.
periods
    ``bounce_period``, ``drift_period``, ``loss_cone_angle`` (SI units, relativistic by default).
invariants
    ``second_invariant`` (J), ``K_invariant`` and its inverse ``alpha_from_K``.
fits
    The published approximations, our cheap fits, and ``fit_error_table``.

Nothing is implemented here; this module only re-exports.
"""

from guidingcenter.dipole.fits import (
    D_fit, T_fit, Y_fit, fit_error_table, format_fit_error_table)
from guidingcenter.dipole.integrals import D, T, Y, mirror_latitude
from guidingcenter.dipole.invariants import K_invariant, alpha_from_K, second_invariant
from guidingcenter.dipole.integrals_mp import (
    D_integrand_mp, D_mp, T_integrand_mp, T_mp, Y_integrand_mp, Y_mp, mirror_latitude_mp)
from guidingcenter.dipole.periods import bounce_period, drift_period, loss_cone_angle

__all__ = ["T", "D", "Y", "mirror_latitude",
           "T_mp", "D_mp", "Y_mp", "mirror_latitude_mp",
           "T_integrand_mp", "D_integrand_mp", "Y_integrand_mp",
           "bounce_period", "drift_period", "loss_cone_angle",
           "second_invariant", "K_invariant", "alpha_from_K",
           "T_fit", "D_fit", "Y_fit", "fit_error_table", "format_fit_error_table"]
