"""The derivations, in order, and their named results.

Derivations are built lazily and cached: importing this module builds
nothing.  Later derivations import results of earlier ones through
:func:`result`.  The published results are also cached on disk
(:mod:`guidingcenter.cache`, keyed by a hash of the derivation sources): the
first call of :func:`results` in a fresh install builds and proves every
derivation, later processes read them back in a fraction of a second.
"""

import difflib
import functools
import importlib

from guidingcenter import cache

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
    "mirror_axis",
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


@functools.lru_cache(maxsize=None)
def _cached():
    """The results read back from the disk cache, or None (not there, stale or damaged)."""
    return cache.load_results()


_built = {}


def results():
    """Every published result, ``{name: Result}``, in derivation order (from the disk
    cache when it is fresh; otherwise built, proved and then cached)."""
    table = _cached() or _built
    if not table:
        for name in ORDER:
            for item in derivation(name).results:
                table[item.name] = item
        cache.store_results(table)
    return dict(table)


def result(name):
    """The result called ``name`` (from the disk cache when it is fresh, otherwise by
    building derivations in order until found)."""
    table = _cached() or _built
    if table:
        if name in table:
            return table[name]
        raise UnknownName(f"unknown result {name!r}{_closest(name, table)}")
    for derivation_name in ORDER:
        for item in derivation(derivation_name).results:
            if item.name == name:
                return item
    raise UnknownName(f"unknown result {name!r}{_closest(name, results())}")


def _closest(name, table):
    close = difflib.get_close_matches(name, list(table), n=4, cutoff=0.5)
    return f" (closest: {', '.join(close)})" if close else \
        " ('guidingcenter results' lists them)"
