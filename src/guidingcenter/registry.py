"""The derivations, in order, and their named results.

Derivations are built lazily and cached: importing this module builds
nothing.  Later derivations import results of earlier ones through
:func:`result`.
"""

import functools
import importlib

__all__ = ["names", "module", "derivation", "result", "results", "UnknownName"]

ORDER = (
    "gyration",
    "exb_drift",
    "force_drift",
    "gradb_drift",
    "curvature_drift",
    "polarization_drift",
    "magnetic_moment",
    "mu_conservation",
    "mirror",
    "drift_current",
    "dipole_field",
    "bounce_period",
    "drift_period",
    "relativistic_kinematics",
    "cyclotron_frequency",
    "diamagnetic_drift",
    "adiabatic_invariants",
)


class UnknownName(KeyError):
    """A derivation or result name that does not exist."""

    def __str__(self):
        return self.args[0]


def names():
    """Derivation names in dependency order."""
    return list(ORDER)


def module(name):
    if name not in ORDER:
        raise UnknownName(f"unknown derivation {name!r}; choose from: {', '.join(ORDER)}")
    return importlib.import_module(f"guidingcenter.derivations.{name}")


@functools.lru_cache(maxsize=None)
def derivation(name):
    """The (cached) :class:`~guidingcenter.engine.Derivation` called ``name``."""
    return module(name).derive()


def results():
    """Every published result, ``{name: Result}``, in derivation order."""
    table = {}
    for name in ORDER:
        for item in derivation(name).results:
            table[item.name] = item
    return table


def result(name):
    """The result called ``name`` (building derivations in order until found)."""
    for derivation_name in ORDER:
        for item in derivation(derivation_name).results:
            if item.name == name:
                return item
    raise UnknownName(f"unknown result {name!r}")
