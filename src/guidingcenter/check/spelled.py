"""Placeholders for names as a formula prints them, before they are read.

A textbook's ``r_c`` may be the gyroradius or the radius of curvature, its
``\\vec{v}_D`` any drift velocity, its ``\\xi`` something the toolkit does
not know.  The formula readers put a :class:`Spelled` (scalar) or
:class:`SpelledVector` placeholder where such a name stands; the checker
then tries each reading of the name (:mod:`guidingcenter.check.notation`).
A placeholder prints as the name was printed, so a corrected formula keeps
the source's notation.
"""

import sympy as sp

from guidingcenter.vectors import VectorSymbol

__all__ = ["Spelled", "SpelledVector", "is_spelled", "key_of", "dims_of"]

_KEYS = {}     # placeholder name -> canonical key of the notation table
_DIMS = {}     # placeholder name -> SI dimension, where the table knows it


class Spelled(sp.Symbol):
    """A scalar name as printed (``name``), read through the notation table by ``key``."""

    def __new__(cls, name, key=None, dims=None):
        obj = super().__new__(cls, name, real=True)
        _KEYS.setdefault(name, key or name)
        if dims is not None:
            _DIMS[name] = tuple(dims)
        return obj

    def _latex(self, printer):
        return self.name

    def _sympystr(self, printer):
        return self.name


class SpelledVector(VectorSymbol):
    """A vector name as printed, read through the notation table by ``key``."""

    def __new__(cls, name, key=None, dims=None):
        obj = super().__new__(cls, name)      # no LaTeX of its own: the toolkit's vector of
        _KEYS.setdefault(name, key or name)   # the same name (F_vec) keeps its \vec{F}
        if dims is not None:
            _DIMS[name] = tuple(dims)
        return obj

    def _latex(self, printer):
        return self.name if self.name.startswith("\\") else r"\vec{%s}" % self.name

    def _sympystr(self, printer):
        return self.name


def is_spelled(expr):
    return isinstance(expr, (Spelled, SpelledVector))


def key_of(symbol):
    """The canonical notation-table key of a placeholder."""
    return _KEYS.get(symbol.name, symbol.name)


def dims_of(symbol):
    """SI dimension of a placeholder the table gives one, else None."""
    return _DIMS.get(symbol.name)
