r"""Units as documents print them (``\text{ kHz}``, ``MeV``, ``secs``, ``^\circ``, ``R_E``).

The data is ``units.toml``: each unit's value in SI (directly, or as a multiple of
another unit or of a constant of :mod:`guidingcenter.constants`), the dimension it
measures and its spellings.  :func:`unit` reads one spelling; :func:`unit_at_start`
finds the unit that follows a number, in the formula or in the prose after it.

>>> unit(r"\text{ kHz}").si
1000.0
>>> unit("MeV").dimension
'energy'
>>> found, length = unit_at_start(" secs. The bounce period")
>>> found.name, length
('s', 6)
"""

import functools
import math
import re
import tomllib
from dataclasses import dataclass
from importlib import resources

from guidingcenter import constants

__all__ = ["Unit", "unit", "units", "unit_at_start", "dimension", "canonical"]

_WRAPPERS = re.compile(r"\\(?:text|mathrm|textrm|rm|mbox|operatorname|mathit|textup)\b")
_SPACING = re.compile(r"\\[,;:! ]|\\(?:quad|qquad|cdot)\b|[\s{}~·⋅]")


@dataclass(frozen=True)
class Unit:
    """One unit: its name in ``units.toml``, its SI value and the dimension it measures."""

    name: str
    si: float
    dimension: str
    show: str = ""          # LaTeX of a corrected number's unit

    def __post_init__(self):
        if not self.show:
            object.__setattr__(self, "show", rf"\mathrm{{{self.name}}}")


def canonical(spelling):
    r"""A spelling without its LaTeX wrappers and spacing: ``\mathrm{A\,m^{2}}`` -> ``Am^2``."""
    text = _SPACING.sub("", _WRAPPERS.sub("", spelling))
    return re.sub(r"\^\{?([-+]?\d+)\}?", r"^\1", text)


@functools.lru_cache(maxsize=None)
def _data():
    with resources.files(__package__).joinpath("units.toml").open("rb") as stream:
        return tomllib.load(stream)


@functools.lru_cache(maxsize=None)
def units():
    """Every unit, ``{canonical spelling: Unit}``."""
    table = _data()["unit"]
    values = {}

    def si(name):
        if name in values:
            return values[name]
        spec = table[name]
        if "si" in spec:
            value = float(spec["si"])
        else:
            base = spec["of"]
            value = _constant(base) if base == "pi" or base.startswith("constants.") \
                else si(base)
            value *= float(spec.get("factor", 1.0))
        values[name] = value
        return value

    spellings = {}
    for name, spec in table.items():
        found = Unit(name, si(name), spec["dimension"], spec.get("show", ""))
        for spelling in spec["spellings"]:
            spellings.setdefault(canonical(spelling), found)
    return spellings


def _constant(name):
    return math.pi if name == "pi" else float(getattr(constants, name.split(".", 1)[1]))


def dimension(name):
    """SI exponents (kg, m, s, A) of a dimension name of ``units.toml``."""
    return tuple(_data()["dimensions"][name])


def unit(spelling):
    """The :class:`Unit` of a spelling, or None (exact case first, then any case for
    words of four letters or more)."""
    key = canonical(spelling).rstrip(".,;:")
    table = units()
    if key in table:
        return table[key]
    if len(key) >= 4:
        folded = {k.casefold(): u for k, u in table.items() if len(k) >= 4}
        return folded.get(key.casefold())
    return None


@functools.lru_cache(maxsize=None)
def _leading():
    """Regex of every spelling, longest first, as it may stand at the start of a text."""
    table = _data()["unit"]
    spellings = sorted({s for spec in table.values() for s in spec["spellings"]},
                       key=len, reverse=True)
    parts = []
    for spelling in spellings:
        pattern = r"\s*".join((r"\}?\s*\^" if char == "^" else re.escape(char))
                               for char in spelling if not char.isspace())
        tail = r"(?![\w])" if spelling[-1].isalnum() else ""
        parts.append(pattern + tail)
    return re.compile(r"\s*(?:\\[,;:! ]\s*|\\q?quad\s*|~\s*)*(?:\\(?:text|mathrm|rm|textrm|mbox)\s*\{\s*)?"
                      r"(" + "|".join(parts) + r")\s*\}?\.?", re.IGNORECASE)


def unit_at_start(text):
    """``(Unit, length)`` of the unit at the start of ``text`` (after spaces, possibly in
    ``\\text{}``; a final period taken with it), or ``(None, 0)``."""
    match = _leading().match(text)
    if not match:
        return None, 0
    found = unit(match.group(1))
    if found is None:
        return None, 0
    return found, match.end()
