"""Unit multipliers to SI, so that a user writes ``energy=1*MeV, alpha_eq=30*deg``.

Energies convert to joules, angles to radians, lengths to metres, times to
seconds, fields to tesla (``G``, the gauss, for radiation-belt units: a first
invariant in MeV/G is ``M / (MeV / G)``, K in G^(1/2) R_E is
``K / (G**0.5 * R_E)``).  :func:`parse` turns a CLI string such as ``"1 MeV"`` or ``"30deg"``
into an SI float.
"""

import math
import re

from guidingcenter.constants import R_E as _R_E
from guidingcenter.constants import e as _e

__all__ = ["eV", "keV", "MeV", "GeV", "deg", "rad", "km", "R_E", "s", "minute", "hour",
           "nT", "G", "T", "parse"]

eV = _e
keV = 1e3 * eV
MeV = 1e6 * eV
GeV = 1e9 * eV
deg = math.pi / 180
rad = 1.0
km = 1e3
R_E = _R_E
s = 1.0
minute = 60.0
hour = 3600.0
nT = 1e-9
G = 1e-4           # gauss
T = 1.0

_UNITS = {"eV": eV, "keV": keV, "MeV": MeV, "GeV": GeV, "J": 1.0, "deg": deg, "rad": rad,
          "m": 1.0, "km": km, "R_E": R_E, "s": s, "min": minute, "h": hour, "T": T,
          "nT": nT, "G": G, "": 1.0}
_QUANTITY = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z_]*)\s*$")


def parse(text, name="value", allowed=None):
    """Parse ``"<number> [unit]"`` into SI; ``allowed`` restricts the units.

    >>> parse("1 MeV") == MeV
    True
    """
    match = _QUANTITY.match(str(text))
    if not match or match[2] not in _UNITS or (allowed and match[2] not in allowed):
        units = ", ".join(u for u in (allowed or _UNITS) if u)
        raise ValueError(f"{name}: cannot read {text!r}; expected a number with a unit "
                         f"({units})")
    return float(match[1]) * _UNITS[match[2]]
