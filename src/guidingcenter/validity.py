r"""Where guiding-centre theory holds: ordering parameters, thresholds and warnings.

The guiding-centre formulas are the first terms of an expansion in a small
ordering parameter :math:`\epsilon`; their relative error grows like
:math:`c\,\epsilon^2`.  Every function whose inputs determine
:math:`\epsilon` computes it and issues :class:`GuidingCentreWarning` when it
exceeds the threshold below (the result is still returned: it is what the
formula gives, but expect a relative error above :data:`TOLERATED_ERROR`):

================================  =====================================  ==========================
ordering parameter                where                                  threshold
================================  =====================================  ==========================
:math:`r_L/L_B`                   drifts given :math:`\vec B` and        :data:`MAX_GRADIENT_ORDERING`
                                  :math:`\nabla B` (or the curvature),
                                  :math:`L_B = B/|\nabla B|`
:math:`\rho/(L R_E)`              bounce and drift periods, second       :data:`MAX_DIPOLE_ORDERING`
                                  invariant in a dipole;
                                  :math:`\rho = pL^3/(|q|B_E)`
:math:`\omega/\omega_c`           polarization drift given the field's   :data:`MAX_FREQUENCY_RATIO`
                                  frequency
================================  =====================================  ==========================

Each threshold is :math:`\epsilon_{max} = (\mathrm{TOLERATED\_ERROR}/c)^{1/2}`
with :math:`c` the largest coefficient of the relative error :math:`c\,\epsilon^2`
that ``guidingcenter confirm`` measures against full Lorentz-force orbits
(:data:`MEASURED_COEFFICIENTS`; a test re-measures them with ``confirm --quick``
and fails if any exceeds the value used here).

Physically impossible results are not warnings but a ``ValueError`` naming the
cause: a drift at or above the speed of light (e.g. :math:`E_\perp \ge cB` for
the :math:`\vec E\times\vec B` drift, where no frame moves with the drift).

A particle inside the loss cone reaches the atmosphere before it mirrors: the
dipole functions issue :class:`LossConeWarning` (a subclass) and return the
formal value, or raise ``ValueError`` with ``allow_lost=False``.

Filter them as usual, e.g.
``warnings.simplefilter("error", GuidingCentreWarning)`` turns them into errors.

The dipole's parameter concerns the gyro-averaged (guiding-centre) pitch
angle: a particle's instantaneous pitch angle differs from it by an amount of
first order in :math:`\epsilon` that depends on the gyrophase (the bounce
period of particles started at one point with different phases spreads by
about :math:`3\epsilon` relative, measured at 20 degrees).

Examples
--------
>>> from guidingcenter import validity
>>> round(validity.MAX_GRADIENT_ORDERING, 3), round(validity.MAX_DIPOLE_ORDERING, 4)
(0.119, 0.0659)
>>> round(validity.MAX_FREQUENCY_RATIO, 4)
0.0995
>>> import warnings
>>> from guidingcenter.numeric import gradB_drift
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     v = gradB_drift([0, 0, 1e-5], [2e-8, 0, 0], 1e5, "p+")    # r_L/L_B = 0.21
>>> print(caught[0].message)
B, grad_B, v_perp: r_L/L_B = 0.209 exceeds 0.119 (guidingcenter.validity.MAX_GRADIENT_ORDERING): the guiding-centre formula is expected to be off by more than 1%
"""

import math
import warnings

__all__ = ["GuidingCentreWarning", "LossConeWarning", "TOLERATED_ERROR",
           "MEASURED_COEFFICIENTS", "MAX_GRADIENT_ORDERING", "MAX_DIPOLE_ORDERING",
           "MAX_FREQUENCY_RATIO", "check_ordering", "warn_ordering"]


class GuidingCentreWarning(UserWarning):
    """A guiding-centre formula used beyond its ordering: the result is formal."""


class LossConeWarning(GuidingCentreWarning):
    """A particle inside the loss cone: it is lost before it mirrors."""


TOLERATED_ERROR = 0.01
"""Relative error of a first-order formula above which a warning is issued."""

MEASURED_COEFFICIENTS = {
    # guidingcenter confirm (full run, eps down to 0.001): grad-B drift in the slab
    # B0 (1 + x/L) z-hat c = 0.613; grad-B plus curvature drift in the toroidal vacuum
    # field -0.704
    "gradient": 0.71,
    # guidingcenter confirm, dipole at L = 4, averaged over a ring of gyrophases (the same
    # for protons and electrons, keV and MeV): bounce period 1.14, 2.23, -1.88 at
    # alpha_eq = 20, 30, 70 deg; drift period -1.39, -0.54, 0.24
    "dipole": 2.3,
    # polarization drift in E = E_0 cos(omega t): exactly (omega/omega_c)^2/(1 - ...);
    # confirm measures 1.001
    "frequency": 1.0,
}
"""The coefficients c behind the thresholds, rounded up (see the module notes)."""

MAX_GRADIENT_ORDERING = math.sqrt(TOLERATED_ERROR / MEASURED_COEFFICIENTS["gradient"])
"""Largest :math:`r_L/L_B` (or :math:`\\rho/R_c`) without a warning: 0.119."""

MAX_DIPOLE_ORDERING = math.sqrt(TOLERATED_ERROR / MEASURED_COEFFICIENTS["dipole"])
"""Largest :math:`\\rho/(L R_E)` without a warning: 0.0659."""

MAX_FREQUENCY_RATIO = math.sqrt(TOLERATED_ERROR / (MEASURED_COEFFICIENTS["frequency"]
                                                   + TOLERATED_ERROR))
"""Largest :math:`\\omega/\\omega_c` without a warning: 0.0995 (the exact response
:math:`1/(1 - (\\omega/\\omega_c)^2)` is then 1 % off)."""

_THRESHOLDS = {"MAX_GRADIENT_ORDERING": MAX_GRADIENT_ORDERING,
               "MAX_DIPOLE_ORDERING": MAX_DIPOLE_ORDERING,
               "MAX_FREQUENCY_RATIO": MAX_FREQUENCY_RATIO}


def warn_ordering(value, name, threshold, arguments, stacklevel=2):
    """Issue :class:`GuidingCentreWarning` for an ordering parameter ``value`` (a float).

    ``threshold`` names one of this module's ``MAX_*`` constants; ``arguments``
    are the inputs that set the parameter; ``stacklevel`` 2 blames the caller of
    the function that calls this one.
    """
    limit = _THRESHOLDS[threshold]
    warnings.warn(f"{arguments}: {name} = {value:.3g} exceeds {limit:.3g} "
                  f"(guidingcenter.validity.{threshold}): the guiding-centre formula is "
                  f"expected to be off by more than {TOLERATED_ERROR:.0%}",
                  GuidingCentreWarning, stacklevel=stacklevel + 1)


def check_ordering(values, name, threshold, arguments, stacklevel=2):
    """Warn if any of ``values`` (an array or float) exceeds the threshold ``threshold``.

    Returns nothing; the warning names the largest value.
    """
    import numpy
    largest = float(numpy.max(values)) if numpy.size(values) else 0.0
    if largest > _THRESHOLDS[threshold]:
        warn_ordering(largest, name, threshold, arguments, stacklevel + 1)
