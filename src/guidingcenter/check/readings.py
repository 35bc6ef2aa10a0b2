"""The ways to read a formula against one derived result.

A formula read openly holds placeholders (:mod:`guidingcenter.check.spelled`)
for the names that need reading.  For one candidate result, :func:`ways`
lists the concrete formulas they can stand for, most likely first: each
combination of the readings of the notation table (and of the document's own
definitions) that fits the result's symbols; with the species a reading
carries (electrons: q < 0, their mass is m, e is |q|); and with the changes of
variables the formula needs to be compared with the result (r = L R_E cos^2
lambda, y = sin alpha_eq, the kinetic energy through the speed ...).
"""

import functools
import itertools
import re
from dataclasses import dataclass, field

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.check import notation
from guidingcenter.check.algebra import replaced
from guidingcenter.check.conditions import has_axis_components
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.check.lookup import own_symbol
from guidingcenter.check.spelled import is_spelled, key_of
from guidingcenter.vectors import Dot, is_vector

__all__ = ["Option", "Way", "options", "placeholders", "ways", "consistent", "every_reading",
           "component_results",
           "restated",
           "true_by_itself", "FRAME_SYMBOLS",
           "EXPANDED", "GENERIC", "PARAMETERS"]

#: Symbols the checking frame computes from others (they need no value of their own).
FRAME_SYMBOLS = frozenset({S.B, S.R_c, S.omega_c, S.mu, S.r_L, S.v, S.gamma, S.W_perp,
                           S.W_par})
_CONSTANTS = frozenset({S.c, S.mu_0})
# Parameters that a change of variables brings in and that cancel when the formula is right
# (r/R_E against a result in L): sampled freely, so they may appear in a reading.
PARAMETERS = frozenset({S.R_E})
# An ion's mass in proton masses and charge number (NRL's mu and Z): a formula with its
# constants multiplied out has them where the result has m and q.
_ION = frozenset({S.mass_number, S.charge_number})
# What the frame computes a symbol from: mu is m v_perp^2/(2B), so a formula with mu has m.
EXPANDED = {S.omega_c: {S.q, S.B, S.m}, S.mu: {S.m, S.v_perp, S.B},
            S.r_L: {S.m, S.v_perp, S.q, S.B}, S.v: {S.v_perp, S.v_par},
            S.gamma: {S.v_perp, S.v_par}, S.W_perp: {S.m, S.v_perp}, S.W_par: {S.m, S.v_par}}
_MAX_WAYS = 12
GENERIC = "generic"


@dataclass(frozen=True)
class Option:
    """One reading of one placeholder."""

    value: object          # an expression, or GENERIC (a generic left side)
    means: str
    species: str = ""
    rank: int = 0          # 0: the first reading of the spelling
    kind: str = ""         # for a generic left side: "velocity", "force"
    vector: bool = False
    dims: tuple = None     # ... and the dimension of its kind
    noted: bool = False    # said in the answer even as the first reading (one the
    #                        formula's other names call for: Schulz and Lanzerotti's a)


@dataclass(frozen=True)
class Way:
    """One concrete reading of a formula against one result."""

    claim: object                       # the formula in the toolkit's symbols
    readings: tuple = ()                # (placeholder, Option) for each placeholder
    stated: tuple = ()                  # conditions the readings state (a species' sign)
    definitions: dict = field(default_factory=dict)   # changes of variables
    notes: tuple = ()                   # how it was read, in words

    @property
    def unusual(self):
        """How far from the first reading of every name (for ranking)."""
        return (sum(option.rank > 0 for _, option in self.readings),
                sum(option.rank for _, option in self.readings), len(self.definitions))


def placeholders(statement):
    """The placeholders of a statement, in a stable order."""
    return sorted((atom for atom in sp.sympify(statement).atoms(sp.Symbol) if is_spelled(atom)),
                  key=lambda atom: atom.name)


def options(placeholder, definitions=None):
    """The readings of one placeholder: the document's definition first, then the
    notation table's, then the toolkit's own symbol of that spelling; only the reading
    the formula's other names call for, when they call for one
    (:mod:`guidingcenter.check.contextual`)."""
    key = key_of(placeholder)
    found = []
    if definitions and key in definitions:
        meant = definitions[key]
        if isinstance(meant, notation.Reading):  # what the formula's other names call for
            return [Option(meant.value, meant.means, vector=meant.vector, noted=True)]
        found.append(Option(sp.sympify(meant), "as the document defines it"))
    for reading in notation.readings(key):
        if reading.value is None and not reading.generic:
            continue                                   # known only by its dimensions
        value = GENERIC if reading.generic else reading.value
        found.append(Option(value, reading.means, reading.species, len(found),
                            reading.generic, reading.vector, reading.dims))
    own = own_symbol(key)
    if own is None and found and all(o.value is GENERIC for o in found) and "_{" in key \
            and not re.fullmatch(r".+_\{\\(perp|parallel)\W.*\}", key):
        own = own_symbol(key[:key.index("_{")])   # F_perp on a right side: the force F
        # (not v_{\perp X}: a perpendicular speed is no speed)
    if own is not None and all(option.value != own for option in found):
        found.append(Option(own, f"the toolkit's {own}", rank=len(found)))
    return found


def ways(statement, truth, definitions=None, stated=()):
    """The concrete readings of ``statement`` to compare with ``truth`` (an equation),
    most likely first (at most a dozen)."""
    names = placeholders(statement)
    truth_symbols = _symbols(truth)
    reachable = _reachable(truth, truth_symbols | FRAME_SYMBOLS | _CONSTANTS | PARAMETERS |
                           _ION | _bridgeable(truth_symbols))
    choices = []
    for name in names:
        found = [o for o in options(name, definitions) if o.value is not GENERIC]
        generic = [o for o in options(name, definitions) if o.value is GENERIC
                   and isinstance(truth, sp.Equality) and _of_kind(truth.lhs, o.dims)]
        if generic and _is_left_side(statement, name):
            found = generic + found
        if not found:
            return []                                   # a name nobody knows
        fitting = [o for o in found if o.value is GENERIC or _symbols(o.value) <= reachable]
        choices.append(fitting or found)
    combos = sorted(itertools.product(*choices),
                    key=lambda combo: (sum(o.rank > 0 for o in combo), sum(o.rank for o in combo)))
    result = []
    for combo in combos:
        way = _concrete(statement, truth, list(zip(names, combo)), stated)
        if way is not None and way.claim not in [w.claim for w in result]:
            result.append(way)
        if len(result) == 2 * _MAX_WAYS:
            break
    return sorted(result, key=lambda way: not consistent(way.claim))[:_MAX_WAYS]


def _reachable(truth, symbols):
    """``symbols`` and those the changes of variables define through them, two levels
    deep (M = p_perp^2/(2 m B) with p_perp = gamma m v_perp: a formula in M compared with
    the Lorentz factor)."""
    for _ in range(2):
        symbols = symbols | {defined for defined, value, _ in _bridges(truth)
                             if _symbols(value) <= symbols}
    return symbols


def consistent(claim):
    """Dimensionally consistent (or of unknown dimension): readings that make a formula
    add metres to seconds come last."""
    try:
        dimension(claim)
    except Inconsistent:
        return False
    return True


def _concrete(statement, truth, readings, stated):
    substitution, notes, species = {}, [], set()
    for name, option in readings:
        if option.value is GENERIC:
            vector = is_vector(truth.lhs)
            substitution[name] = truth.lhs if option.vector or not vector else \
                sp.sqrt(Dot(truth.lhs, truth.lhs))           # a speed: the drift's magnitude
            notes.append(f"{name} read as {option.means}: compared by its right side"
                         + ("" if option.vector or not vector else " with the magnitude"))
        else:
            substitution[name] = option.value
            own = own_symbol(key_of(name))
            if option.value != own and (option.rank > 0 or option.noted or
                                        len(notation.readings(key_of(name))) > 1):
                notes.append(f"{name} read as {option.means}")
        if option.species:
            species.add(option.species)
    claim = replaced(statement, substitution)
    claim, found, more_notes = _species(claim, truth, species)
    if claim is None:
        return None
    axes = has_axis_components(claim)             # E_x, (a, b, c): axes with z along B
    told = {"aligned", "axes", "along-x"} & set(stated)
    stated = tuple(stated) + found + (("axes",) if axes else ())
    definitions = _changes_of_variables(claim, truth)
    if definitions and true_by_itself(replaced(claim, definitions)):
        return None             # alpha_0 = alpha and B_0 = B at once: nothing left to compare
    notes += more_notes + [f"with {_bridge_words(symbol, value, truth)}"
                           for symbol, value in definitions.items()]
    notes += ["components read in axes with z along B"] if axes and not told else []
    return Way(claim, tuple(readings), stated, definitions, tuple(notes))


def _species(claim, truth, species):
    """Masses of one species become the particle's mass m, the elementary charge its |q|,
    and the species fixes the sign of the charge."""
    truth_symbols = _symbols(truth)
    symbols = _symbols(claim)
    notes, stated = [], ()
    masses = {S.m_e: "e", S.m_i: "i"}
    implied = {masses[s] for s in symbols if s in masses and s not in truth_symbols}
    # a species is consistent with the masses it may be written with (protons: m_p, m_i)
    implied = {kind for kind in implied if not any(
        str(mass) in notation.species(other).masses for other in species
        for mass, named in masses.items() if named == kind)}
    kinds = species | implied
    if len(kinds) > 1:
        return (claim, (), []) if not species else (None, (), [])
    substitution = {}
    # the result's m and q, also those its omega_c, mu, r_L stand for
    reach = truth_symbols | {s for symbol in truth_symbols for s in EXPANDED.get(symbol, ())}
    if S.m in reach:
        for mass in (S.m_e, S.m_i):
            if mass in symbols and mass not in truth_symbols:
                substitution[mass] = S.m
    elif {S.m, S.m_i} <= symbols and S.m_e in truth_symbols:
        substitution[S.m] = S.m_e          # Chen's M + m: the ion and the electron mass
        notes.append("m read as the electron mass (beside the ion mass)")
    if S.e in symbols and S.e not in truth_symbols and S.q in reach:
        number = S.charge_number if S.charge_number in symbols else 1
        substitution[S.e] = sp.Abs(S.q) / number
        notes.append("e read as the magnitude of the charge |q|" +
                     (" (q = Z e)" if number != 1 else ""))
    if kinds:
        kind = notation.species(kinds.pop())
        stated = ("negative-charge" if kind.charge == "negative" else "positive-charge",)
        notes.append(f"for {kind.name}")
    return replaced(claim, substitution) if substitution else claim, stated, notes


def every_reading(expr, definitions=None, per_name=4, limit=64, unread=False):
    """The ways to read the names of ``expr`` together, at most ``limit``: each a
    substitution {name: value} from the first ``per_name`` readings of every name (not
    the generic ones), with the words for each.  A name no reading fits is left as it is
    with ``unread``; without, there is no way to read ``expr`` at all."""
    names = placeholders(expr)
    choices = []
    for name in names:
        found = [o for o in options(name, definitions) if o.value is not GENERIC][:per_name]
        if not found and not unread:
            return
        choices.append(found or [Option(name, "as written")])
    for combo in itertools.islice(itertools.product(*choices), limit):
        yield ({name: option.value for name, option in zip(names, combo)},
               tuple(f"{name} read as {option.means}" for name, option in zip(names, combo)))


def restated(statement, definitions=None):
    """The readings under which ``statement`` says only what its names mean (rho = m_i n_i
    + m_e n_e with rho the mass density), in words; None if there are none."""
    if not placeholders(statement) or not isinstance(statement, sp.Equality):
        return None
    for substitution, words in every_reading(statement, definitions, per_name=3, limit=27):
        if true_by_itself(replaced(statement, substitution)):
            return words
    return None


def true_by_itself(claim):
    """Does the scalar equation ``claim`` hold whatever its symbols are (checked at two
    points with values in (0.3, 0.9), where angles, ratios and fields all make sense)?"""
    if not isinstance(claim, sp.Equality) or is_vector(claim.lhs) or \
            any(isinstance(side, sp.MatrixBase) for side in claim.args) or \
            claim.has(sp.Integral, sp.Derivative, AppliedUndef):
        return False
    difference = claim.lhs - claim.rhs
    symbols = sorted(difference.free_symbols, key=str)
    for point in ((0.37, 0.61, 0.83, 0.52, 0.44, 0.71), (0.79, 0.33, 0.58, 0.66, 0.85, 0.41)):
        values = {s: sp.Float(point[i % len(point)] + 0.013 * i) for i, s in enumerate(symbols)}
        try:
            value = complex(sp.N(sp.sympify(difference.xreplace(values)), 20))
        except (TypeError, ValueError, AttributeError, ZeroDivisionError):
            return False
        if not abs(value) < 1e-12:
            return False
    return True


def _changes_of_variables(claim, truth):
    """Definitions that let the formula be compared with the result: a symbol on one
    side only, expressed through the symbols of the other (and the formula's own), by
    the bridges of the notation table and by the derived results that define one
    quantity (``F_gradB = -mu grad B``), two levels deep: ``r`` in a formula compared
    with a result in ``L`` is ``L R_E cos^2 lambda``; ``B_0`` and ``B_max`` of a result
    compared with a formula in ``L`` are ``B_E/L^3`` and ``B_E sqrt(4 - 3/L)``."""
    truth_symbols, claimed = _symbols(truth), _symbols(claim)
    definitions = {}
    frame = FRAME_SYMBOLS
    if S.B_0 in truth_symbols and S.B not in truth_symbols | claimed:
        # mu B_m = m v_par0^2/2 + mu B_0: mu is taken where the field is B_0, not the
        # frame's local B
        frame = frozenset(s for s in FRAME_SYMBOLS if S.B not in EXPANDED.get(s, ()))
    for side in ("claim", "truth"):
        if side == "truth":                 # what the claim's definitions brought in counts
            claimed = claimed | {s for value in definitions.values() for s in _symbols(value)}
        mine, theirs = (claimed, truth_symbols) if side == "claim" else (truth_symbols, claimed)
        known = theirs | frame | _CONSTANTS | {
            s for symbol in theirs for s in EXPANDED.get(symbol, ())}
        for _ in range(2):
            missing = sorted(mine - known - set(definitions) - set(_DEFINED_BY_FRAME), key=str)
            for symbol in missing:
                for defined, value, _ in _bridges(truth):
                    used = _symbols(value)
                    through_frame = {s for u in used for s in EXPANDED.get(u, ())}
                    if defined == symbol and symbol not in used | through_frame and \
                            used & known and not _circular(symbol, used, definitions):
                        definitions[symbol] = value
                        break
            mine = mine | {s for value in definitions.values() for s in _symbols(value)}
    return definitions


_DEFINED_BY_FRAME = (S.b_hat, S.kappa, S.R_c_vec, S.grad_B, S.B_vec)


def _circular(symbol, used, definitions):
    """Would defining ``symbol`` through ``used`` go round in a circle (B_0 through B_E
    is fine when B_E is defined through M_E; not when B_E is defined through B_0)?"""
    seen, todo = set(), [u for u in used if u in definitions]
    while todo:
        other = todo.pop()
        if other in seen:
            continue
        seen.add(other)
        found = _symbols(definitions[other])
        if symbol in found:
            return True
        todo += [u for u in found if u in definitions]
    return False


@functools.lru_cache(maxsize=256)
def _bridges(truth):
    """(symbol, expression, words) of every change of variables: the notation table's,
    then the derived results that define a quantity (other than ``truth`` itself)."""
    found = [(b.symbol, b.value, b.means) for b in notation.bridges()]
    for result in _defining_results():
        if result.statement != truth:
            found.append((result.statement.lhs, result.statement.rhs,
                          f"{result.statement.lhs} from the derived result {result.name}"))
    for result in component_results():     # B_r, B_lambda of the dipole by its components,
        if result.statement.lhs != getattr(truth, "lhs", None) and \
                _symbols(truth) & _symbols(result.statement.rhs) & _ANGLES:  # in its angle
            found += [(left, right, f"{left} from the derived result {result.name}")
                      for left, right in zip(result.statement.lhs, result.statement.rhs)]
    return tuple(found)


@functools.lru_cache(maxsize=None)
def _defining_results():
    from guidingcenter import registry
    return tuple(r for r in registry.results().values()
                 if isinstance(r.statement, sp.Equality) and r.statement.lhs.is_Symbol
                 and not r.conditions and not r.statement.rhs.has(sp.Integral, AppliedUndef,
                                                                  sp.Derivative)
                 and r.statement.lhs not in FRAME_SYMBOLS)


# The angles a result by components is written in: its components define B_r, B_lambda
# only for a result about that angle (the cylindrical B_r of a mirror is another B_r).
_ANGLES = frozenset({S.lam, S.lam_m})


@functools.lru_cache(maxsize=None)
def component_results():
    """The derived results that give a vector by its named components, ``(B_r, B_lambda) =
    ...``: each component is defined by them as a quantity of its own."""
    from guidingcenter import registry
    return tuple(r for r in registry.results().values()
                 if isinstance(r.statement, sp.Equality) and not r.conditions
                 and isinstance(r.statement.lhs, sp.MatrixBase) and r.statement.lhs.shape[0] > 1
                 and all(isinstance(entry, sp.Symbol) for entry in r.statement.lhs))


def _bridgeable(truth_symbols):
    """Symbols a change of variables connects with the result's: those it expresses
    through them, and those through which it expresses one of them."""
    found = set()
    for bridge in notation.bridges():
        if _symbols(bridge.value) & truth_symbols:
            found.add(bridge.symbol)
        if bridge.symbol in truth_symbols:
            found |= _symbols(bridge.value)
    return found


def _bridge_words(symbol, value, truth):
    """The words of the change of variables ``symbol = value`` (the one used, of those
    that define ``symbol``)."""
    found = [(defined_as, words) for defined, defined_as, words in _bridges(truth)
             if defined == symbol]
    return next((words for defined_as, words in found if defined_as == value), found[0][1])


def _of_kind(quantity, dims):
    """Is ``quantity`` (a result's left side) of the kind a generic name names (of
    dimension ``dims``)?"""
    try:
        return dimension(quantity) in (dims, None)
    except Inconsistent:
        return False


def _is_left_side(statement, name):
    """The name is the left side, or the vector whose component the left side is."""
    if not isinstance(statement, sp.Equality):
        return False
    lhs = statement.lhs
    return lhs == name or (isinstance(lhs, Dot) and name in lhs.args)


def _symbols(expr):
    return set(sp.sympify(expr).free_symbols)
