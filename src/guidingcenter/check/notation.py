"""The notation table: textbook spellings -> readings in the toolkit's quantities.

The table is data (``notation.toml`` beside this module); this module reads it
once and answers :func:`readings` for a canonical key (see
:func:`~guidingcenter.check.latex.table.latex_key`), :func:`bridges` for
changes of variables, and :func:`species` for the species subscripts.  Names
typed in SymPy syntax (``omega_ce``, ``B_max``, ``v_perp``, ``B_vec``) are
turned into the same keys by :func:`sympy_key`.
"""

import functools
import os
import re
import tomllib
from dataclasses import dataclass

from guidingcenter import symbols as S
from guidingcenter.check.latex.lexer import GREEK
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.sympy_syntax import parse_sympy
from guidingcenter.vectors import is_vector

__all__ = ["Reading", "Species", "Bridge", "readings", "listed", "bridges", "species", "sympy_key",
           "spellings", "in_context", "contextual_keys", "TABLE_PATH"]

TABLE_PATH = os.path.join(os.path.dirname(os.path.abspath(__file__)), "notation.toml")


@dataclass(frozen=True)
class Reading:
    """One reading of a spelling.

    ``value`` is a SymPy expression in the symbols of :mod:`guidingcenter.symbols`
    (None for a generic left side or a quantity known only by its dimensions);
    ``species`` a key of :func:`species` or ""; ``generic`` the kind of quantity
    a generic left side names ("velocity", "force"); ``dims`` the SI dimension of a
    quantity nothing is derived about, or of a generic name's kind.
    """

    value: object
    means: str
    species: str = ""
    generic: str = ""
    vector: bool = False
    dims: tuple = None


@dataclass(frozen=True)
class Species:
    key: str
    name: str
    charge: str          # "positive" or "negative"
    masses: tuple        # SymPy names of the symbols that are this species' mass


@dataclass(frozen=True)
class Bridge:
    """A change of variables: ``symbol`` expressed through other symbols."""

    symbol: object
    value: object
    means: str


@functools.lru_cache(maxsize=None)
def _table():
    with open(TABLE_PATH, "rb") as stream:
        data = tomllib.load(stream)
    kinds = {name: Species(name, entry["name"], entry["charge"], tuple(entry["masses"]))
             for name, entry in data["species"].items()}
    table, where = {}, {}

    def add(spelling, entry_readings, origin):
        for letter, spelled in _species_variants(spelling, kinds):
            key = _code_key(spelled[len("code:"):]) if spelled.startswith("code:") else \
                latex_key(spelled)
            if key is None:
                raise ValueError(f"{TABLE_PATH}: {spelled!r} ({origin}) is not a name")
            if key in table and where[key] == origin:
                continue                    # two spellings of one entry with one key
            if key in table:
                raise ValueError(f"{TABLE_PATH}: {spelled!r} ({origin}) repeats the key {key} "
                                 f"of {where[key]}")
            table[key] = tuple(Reading(r.value, r.means, letter, r.generic, r.vector, r.dims)
                               for r in entry_readings)
            where[key] = origin

    for entry in data.get("quantity", []):
        values = [entry["value"]] + list(entry.get("also", []))
        entry_readings = []
        for text in values:
            value = parse_sympy(text)
            means = entry["means"] if text == entry["value"] else _means_of(text, entry, data)
            entry_readings.append(Reading(value, means, vector=is_vector(value)))
        for spelling in entry["spellings"]:
            add(spelling, entry_readings, f"quantity {entry['value']}")
    subscripted = {}
    for entry in data.get("generic", []):
        reading = Reading(None, entry["means"], generic=entry["kind"], vector=entry["vector"],
                          dims=tuple(entry["dims"]))
        for spelling in entry["spellings"]:
            add(spelling, [reading], f"generic {entry['means']}")
        for base in entry.get("subscripted", []):
            subscripted[latex_key(base)] = (reading,)
    for entry in data.get("dimensional", []):
        reading = Reading(None, entry["means"], dims=tuple(entry["dims"]))
        for spelling in entry["spellings"]:
            add(spelling, [reading], f"dimensional {entry['means']}")
    found = tuple(Bridge(parse_sympy(entry["define"]), parse_sympy(entry["as"]), entry["means"])
                  for entry in data.get("bridge", []))
    return table, kinds, found, subscripted, _contextual(data)


@dataclass(frozen=True)
class _InContext:
    reading: Reading
    among: frozenset       # keys of the names that call for it ...
    needs: frozenset       # ... one of these among them
    least: int             # ... and at least this many
    sure: frozenset        # names that make it certain (else the dimensions must agree)


def _contextual(data):
    """{key: (_InContext, ...)} of the readings a formula's other names call for."""
    found = {}
    for entry in data.get("contextual", []):
        value = parse_sympy(entry["value"])
        reading = Reading(value, entry["means"], vector=is_vector(value))
        among = frozenset(_name_key(name) for name in entry["with"])
        needs = frozenset(_name_key(name) for name in entry.get("needs", entry["with"]))
        sure = frozenset(_name_key(name) for name in entry.get("sure", []))
        if not needs <= among or not sure <= needs:
            raise ValueError(f"{TABLE_PATH}: contextual {entry['value']}: 'sure' must be "
                             f"among 'needs', 'needs' among 'with'")
        for spelling in entry["spellings"]:
            key = latex_key(spelling)
            if key is None:
                raise ValueError(f"{TABLE_PATH}: {spelling!r} (contextual {entry['value']}) "
                                 f"is not a name")
            found.setdefault(key, []).append(
                _InContext(reading, among, needs, int(entry.get("least", 1)), sure))
    return {key: tuple(entries) for key, entries in found.items()}


def _name_key(name):
    """The key of a name under "with": a spelling, or a dipole function as T(y)."""
    return name if "(" in name else latex_key(name)


def _code_key(name):
    """The key of a name in code: as SymPy syntax gives it (lam_foot: lam_{foot}); a
    vector's key (\\vec{gB}) as written."""
    return name if name.startswith("\\") or "_" not in name else sympy_key(name)


def _means_of(text, entry, data):
    """The words for an ``also`` reading of ``entry``: those of the quantity whose main
    value it is, else the entry's own words with the reading."""
    for other in data.get("quantity", []):
        if other["value"] == text:
            return other["means"]
    if text.startswith("Abs(") and entry["value"] in text:
        return f"{entry['means']}, as a magnitude ({text})"
    return f"{entry['means']}, read as {text}"


def _species_variants(spelling, kinds):
    if "{s}" not in spelling:
        return [("", spelling)]
    return [(letter, spelling.replace("{s}", letter)) for letter in kinds]


# E_x, v_{1,y} are components, not generic names
_AXIS_SUBSCRIPTS = ("_{x}", "_{y}", "_{z}", ",x}", ",y}", ",z}")


def readings(key):
    """The readings of the canonical key ``key`` (empty if the table does not know it);
    a generic name with a subscript the table does not list (``\\vec{J}_{P}``,
    ``\\vec{v}_{g,i}``; not a component, ``v_{1,y}``) reads as its generic kind, an unknown average ``\\bar{F}_z`` as
    ``F_z``."""
    table, _, _, subscripted, _ = _table()
    found = table.get(key)
    if found is None and "_{" in key and not key.endswith(_AXIS_SUBSCRIPTS):
        found = subscripted.get(key[:key.index("_{")])
    averaged = re.fullmatch(r"\\bar\{([^{}]*)\}(.*)", key)
    if not found and averaged:                 # \bar{F}_z: the average of F_z
        return readings(averaged.group(1) + averaged.group(2))
    if found and all(r.generic for r in found) and "_{" in key and not key.startswith("\\"):
        # v_E, v_{\nabla B}: the speed of the drift whose velocity \vec{v}_E names
        base, subscript = key.split("_{", 1)
        vector = table.get(rf"\vec{{{base}}}_{{" + subscript, ())
        found = tuple(Reading(r.value, f"{r.means}, as a magnitude", r.species, "", True,
                              r.dims) for r in vector if r.vector and r.value is not None) + found
    qualified = _QUALIFIED.fullmatch(key)
    if qualified and key not in table:     # v_{L max}: the Larmor speed (at its largest)
        found = readings(f"{qualified.group(1)}_{{{qualified.group(2)}}}") or found
    of_any = _ANY_SPECIES.fullmatch(key)
    if of_any:            # v_{*s}, p_s, n_j: the quantity of a species s (any species)
        name, inner = of_any.group(1, 2) if of_any.group(1) else of_any.group(3, 4)
        inner = inner.rstrip(" ,")
        base = readings(name + (f"_{{{inner}}}" if inner else ""))
        listed_first = key in table
        found = tuple(dict.fromkeys((found or ()) + base if listed_first else
                                    base + (found or ())))
    return found or ()


# a qualifier closing a subscript: the quantity at its largest, smallest, in total
_QUALIFIED = re.compile(r"(.+?)_\{(.+?)[ ,]?(?:max|min|tot)\}")
# a subscript naming any species (Bellan's s, Baumjohann and Treumann's s, j, alpha)
# (set off from the rest of the subscript: v_{\perp s}, v_{*s}, \omega_{c\sigma}; not
# \lambda_{mj})
_ANY_SPECIES = re.compile(r"(.+?)_\{((?:.*[^A-Za-z])?)(?:s|j)\}|(.+?)_\{(.*)\\(?:alpha|sigma)\}")


def listed(key):
    """Does the table list ``key`` itself (not only the name it is a subscript of)?"""
    return key in _table()[0]


def spellings():
    """Every key of the table (for listings and tests)."""
    return sorted(_table()[0])


def in_context(key, names):
    """``(reading, sure)``: the :class:`Reading` of ``key`` that the formula's other
    ``names`` (keys, and dipole functions as ``T(y)``) call for, and whether they make it
    certain (else the formula's dimensions must agree with it); None if they call for
    none.  Schulz and Lanzerotti's ``a`` is the Earth's radius beside ``L`` and ``T(y)``
    (certain), beside ``L`` and ``\\lambda`` (if the dimensions agree)."""
    for entry in _table()[4].get(key, ()):
        named = entry.among & set(names)
        if len(named) >= entry.least and named & entry.needs:
            return entry.reading, bool(named & entry.sure)
    return None


def contextual_keys():
    """The keys that have a reading some formulas call for."""
    return frozenset(_table()[4])


def species(key):
    """The :class:`Species` of a species subscript (``"e"``, ``"i"``, ``"p"``)."""
    return _table()[1][key]


def bridges():
    """The changes of variables, as :class:`Bridge` records, in the table's order."""
    return _table()[2]


_SUBSCRIPT_WORDS = {"perp": r"\perp", "par": r"\parallel", "parallel": r"\parallel",
                    "perpendicular": r"\perp", "nabla": r"\nabla", "star": "*"}


def sympy_key(name):
    """The canonical key of a SymPy-syntax name: ``omega_ce`` -> ``\\omega_{ce}``,
    ``B_vec`` -> ``\\vec{B}``, ``v_perp_e`` -> ``v_{\\perp,e}``, ``v_E_vec`` ->
    ``\\vec{v}_{E}``."""
    vector = name.endswith("_vec")
    if vector:
        name = name[:-len("_vec")]
    base, _, subscript = name.partition("_")
    if base in GREEK:
        base = "\\" + base
    parts = [_SUBSCRIPT_WORDS.get(part, "\\" + part if part in GREEK else part)
             for part in subscript.split("_")] if subscript else []
    text = rf"\vec{{{base}}}" if vector else base
    if parts:
        text += "_{" + ",".join(parts) + "}"
    return latex_key(text) or re.sub(r"\s+", "", text)


def _check_values():
    """Every reading names only declared symbols (used by the tests)."""
    known = set(S.by_name().values())
    for key, entries in _table()[4].items():
        for entry in entries:
            if not entry.reading.value.free_symbols <= known:
                raise ValueError(f"{key}: unknown symbols in {entry.reading.value}")
    for key, found in _table()[0].items():
        for reading in found:
            if reading.value is not None and not reading.value.free_symbols <= known:
                raise ValueError(f"{key}: unknown symbols in {reading.value}")
