"""Which derived result is a formula about, and how is the formula read?

:func:`search` tries the candidates in tiers -- results about the same quantity
(the formula's left side in any of its readings), then results whose left side
contains it, then results of the same kind matched by their right side (for a
generic or missing left side), then results that share its symbols -- and every
way to read the formula against each (:mod:`guidingcenter.check.readings`), in
SI and, where the formula looks Gaussian, in Gaussian units.  The verdict
prefers holds, then holds under a condition, then the erratum explained by one
edit.  The first pass is cheap (no search for the edit); only the likeliest
errata are diagnosed.

:func:`best_match` is the same search for a formula already in the toolkit's
symbols (the catalogue's transcriptions).
"""

import dataclasses
import time
from dataclasses import dataclass

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import constants
from guidingcenter import symbols as S
from guidingcenter.check import diagnosis, notation
from guidingcenter.check.algebra import lengths, replaced
from guidingcenter.check.coefficients import judge_coefficient
from guidingcenter.check.conditions import checking_frame, has_axis_components
from guidingcenter.check.dimensions import Inconsistent, dimension
from guidingcenter.check.gaussian import gaussian
from guidingcenter.check.judge import Finding, Uncheckable, compare, is_relativistic
from guidingcenter.check.sampling import OutOfTime as TimeUp
from guidingcenter.check.sampling import budget, symbols_needed
from guidingcenter.check.readings import (EXPANDED, GENERIC, PARAMETERS, Way, consistent,
                                          every_reading, options, placeholders,
                                          true_by_itself, ways)
from guidingcenter.check.spelled import is_spelled
from guidingcenter.vectors import Dot, VectorSymbol, is_vector

__all__ = ["Match", "OutOfTime", "search", "best_match", "candidates"]

_RANK = {"holds": 0, "holds-with-condition": 1, "erratum": 2}
_SPECIFIC = ("factor", "sign", "exponent", "term-sign", "component-sign", "function",
             "cross-order", "swap", "symbol", "term-factor", "power", "extra-factor",
             "missing-factor")
_DIAGNOSED = 6           # errata searched for their edit, at most
_WAYS_DIAGNOSED = 4      # ... and readings of one result among them
_DIPOLE_FUNCTIONS = (S.T_of, S.D_of, S.Y_of)
_OF_THE_PARTICLE = (S.m, S.q, S.gamma, S.e, S.c)
_OVERLAP = 6             # results that merely share symbols, at most
_BY_SIDE = 6             # results matched by their right side, at most
_CLOSE = 0.6             # the least share of a result's variables a formula must have
_NEARLY_ALL = 0.8        # ... when its dimensions are not the result's


class OutOfTime(Exception):
    """The time budget ran out; ``tried`` says what was compared."""

    def __init__(self, tried):
        super().__init__("time budget")
        self.tried = tried


@dataclass(frozen=True)
class Match:
    """The verdict on a formula with how it was reached."""

    finding: Finding
    result: object          # the derived Result compared with (None: true by the readings)
    way: Way                # how the formula was read
    units: str = "SI"       # or "Gaussian", or "magnitude" (compared with |result|)
    tier: int = 0

    @property
    def key(self):
        finding = self.finding
        specific = not finding.edits or finding.edits[0][0] in _SPECIFIC
        conditions = len(finding.condition.split(";")) if finding.condition else 0
        return (_RANK[finding.verdict], 0 if specific else 1, self.units == "Gaussian",
                conditions, self.tier, self.way.unusual)


def checkable(result):
    """The result with its statement as the checker compares it: a 1x1 matrix is its
    element, and a quantity written as a function of its variable, r(lambda) = ..., is
    the quantity r."""
    statement = result.statement
    if not isinstance(statement, sp.Equality):
        return result
    lhs, rhs = statement.lhs, statement.rhs
    if isinstance(lhs, sp.MatrixBase) and lhs.shape == (1, 1):
        lhs, rhs = lhs[0, 0], rhs[0, 0]
    if isinstance(lhs, AppliedUndef) and lhs.func not in _DIPOLE_FUNCTIONS:
        lhs = S.by_name().get(lhs.func.__name__, lhs)
    if (lhs, rhs) == (statement.lhs, statement.rhs):
        return result
    return dataclasses.replace(result, statement=sp.Eq(lhs, rhs, evaluate=False))


def components(result):
    """A result whose sides are columns of named components (the dipole's (B_r, B_lambda))
    as one result per component, each under the result's own name."""
    statement = result.statement
    if not isinstance(statement.lhs, sp.MatrixBase) or statement.lhs.shape[1] != 1 or \
            not all(isinstance(entry, sp.Symbol) for entry in statement.lhs):
        return [result]
    return [dataclasses.replace(result, statement=sp.Eq(left, right, evaluate=False))
            for left, right in zip(statement.lhs, statement.rhs)]


def candidates(statement, results, definitions=None):
    """``[(tier, result), ...]``: the results ``statement`` may be about, likeliest first
    (``definitions``: what the source, or the formula's other names, say its names mean)."""
    results = [part for r in results if isinstance(r.statement, sp.Equality)
               for part in components(checkable(r))]
    lhs = statement.lhs if isinstance(statement, sp.Equality) else None
    meanings = _meanings(lhs, definitions) if lhs is not None else set()
    tiers, seen = [], set()

    def add(tier, found):
        for result in found:
            if result.name not in seen:
                seen.add(result.name)
                tiers.append((tier, result))
    mine = _variables(statement)

    def closest(found):         # tau_b in W and m: the Newtonian result in W before the one in v
        return sorted(found, key=lambda r: len(_variables(r.statement) - mine))
    # T(alpha) is T(y) in another variable: the same function of the dipole
    functions = {m.func for m in meanings if isinstance(m, AppliedUndef)}
    add(0, closest(r for r in results if r.statement.lhs in meanings or (
        isinstance(r.statement.lhs, AppliedUndef) and r.statement.lhs.func in functions
        and r.statement.lhs.free_symbols)))                 # T(y), not T(0)
    # the quantities it names (of a reading gamma m v_perp, v_perp: not the particle's
    # constants, which half the results have on their left; the vector gamma m v is
    # compared through gamma)
    quantities = {s for meaning in meanings for s in sp.sympify(meaning).free_symbols
                  if meaning.is_Symbol or s not in _OF_THE_PARTICLE or
                  (s == S.gamma and is_vector(meaning))}
    # and the quantity at a point a result names otherwise (alpha_eq is its alpha_2)
    quantities |= {b.symbol for b in notation.bridges() if b.value in quantities}
    add(1, closest(r for r in results if quantities & r.statement.lhs.free_symbols))
    if _on_the_equator(statement):   # M = p^2 y^2 L^3/(2 m B_E): the result at the equator
        add(1, [found for _, r in list(tiers) for found in [_at_the_equator(r)] if found])
    side = statement.rhs if lhs is not None else statement
    dims, vector = _dimensions(side), is_vector(side)
    if lhs is None or _generic(lhs) or not meanings:
        alike = [r for r in results if (_shape(r.statement.rhs)[1] == vector or not vector)
                 and _coverage(side, r.statement.rhs) >= _CLOSE]
        # of the right dimensions first; then, for an erratum that broke them (a wrong
        # exponent), the results with nearly all the formula's variables
        add(2, sorted((r for r in alike
                       if not dims or _shape(r.statement.rhs)[0] in dims | {None}),
                      key=lambda r: -_coverage(side, r.statement.rhs))[:_BY_SIDE])
        # (or a missing factor did: F x B/B^2, every variable of it the force drift's)
        add(2, sorted((r for r in alike if _all_named(side, r.statement.rhs) or (
                       _coverage(side, r.statement.rhs) >= _NEARLY_ALL and
                       _coverage(r.statement.rhs, side) >= _NEARLY_ALL)),
                      key=lambda r: -_coverage(side, r.statement.rhs))[:_BY_SIDE])
    if lhs is not None and _generic(lhs):
        return tiers               # "the drift velocity": only results of its kind
    # most of the result's variables first; of those, one with the formula's left side,
    # then the one with most of the formula's variables (v_perp = sqrt(2 mu B/m) is about
    # mu = m v_perp^2/(2B), not about the curvature)
    overlapping = sorted((r for r in results if _coverage(statement, r.statement) >= _CLOSE),
                         key=lambda r: (-_coverage(statement, r.statement),
                                        not meanings & r.statement.free_symbols,
                                        -_coverage(r.statement, statement)))
    add(3, overlapping[:_OVERLAP])
    return tiers


# a particle's quantities on the magnetic equator of a dipole line (B_eq = B_E/L^3, and
# y = sin(alpha_eq) by the notation table's bridges)
_EQUATOR = {S.B: S.B_eq, S.alpha: S.alpha_eq, S.p_perp: S.p * sp.sin(S.alpha_eq),
            S.v_perp: S.v * sp.sin(S.alpha_eq), S.v_par: S.v * sp.cos(S.alpha_eq)}


def _on_the_equator(statement):
    """A formula in the dipole's L or y with no local field B: about the equator."""
    symbols = sp.sympify(statement).free_symbols
    return bool({S.L, S.y} & symbols) and not {S.B, S.alpha} & symbols


def _at_the_equator(result):
    """The result written on the equator (its local B, alpha, v_perp, p_perp there), or
    None for a result that has none of them or is about the dipole already."""
    statement = result.statement
    if not set(_EQUATOR) & statement.free_symbols or \
            {S.L, S.y, S.lam, S.B_eq} & statement.free_symbols or statement.has(AppliedUndef):
        return None
    return dataclasses.replace(result, name=f"{result.name} (on the magnetic equator)",
                               statement=replaced(statement, _EQUATOR))


def search(statement, results, *, kind="exact", against=None, definitions=None, stated=(),
           deadline=None, system="", printed=()):
    """The best :class:`Match` of ``statement`` (read openly) among ``results``.

    ``kind`` is how the relation is to be judged ("exact", "approximate",
    "proportional"); ``against`` restricts the search to one result; ``stated``
    are conditions the source states; ``system`` the units it uses ("SI" or "Gaussian";
    "" when not known: both are tried where a formula looks so); ``printed`` the units
    printed with it (for a formula with its constants multiplied out).  Raises :class:`Uncheckable` when nothing
    can be compared, :class:`OutOfTime` past ``deadline`` (a ``time.monotonic``).
    """
    tried = []
    with budget(deadline):
        try:
            return _search(statement, results, kind, against, definitions, stated, deadline,
                           tried, system, printed)
        except TimeUp:
            raise OutOfTime(tried) from None


def _search(statement, results, kind, against, definitions, stated, deadline, tried, system,
            printed):
    found = [(0, checkable(against))] if against is not None else \
        candidates(statement, results, definitions)
    best, errata, problems = None, [], []
    lhs_named = isinstance(statement, sp.Equality) and not _generic(statement.lhs) and (
        isinstance(statement.lhs, AppliedUndef) or          # T(y), not sin(alpha) or m v^2
        not isinstance(statement.lhs, (sp.Add, sp.Mul, sp.Pow, sp.Function)))
    definite = isinstance(statement, sp.Equality) and \
        isinstance(statement.lhs, (sp.Symbol, AppliedUndef)) and \
        not (placeholders(statement.lhs) and _generic(statement.lhs)) and \
        any(tier == 0 for tier, _ in found)      # mu = ...: about mu, not what shares m
    for tier, result in found:
        if best is not None and tier > max(best.tier, 1):
            break                   # a result about the same quantity holds: look no further
        if definite and tier > 1:
            break                   # T(y) = ... is about T(y): not about what shares its symbols
        for way in ways(statement, result.statement, definitions, stated):
            if tier <= 1 and _restates_readings(way.claim):
                return Match(Finding("holds", "", note="it restates what its names mean"),
                             None, way, "SI", tier)
            for units in _units(way.claim, result, tier, system):
                if deadline is not None and time.monotonic() > deadline:
                    raise OutOfTime(tried)
                tried.append(f"{result.name}" + (f" ({units})" if units != "SI" else ""))
                try:
                    finding = _compare(way, result, units, kind, False, printed)
                except Uncheckable as problem:
                    problems.append(f"{result.name}: {problem}")
                    continue
                match = Match(finding, result, way, units, tier)
                if finding.verdict == "erratum":
                    if tier < 3 or not lhs_named or _solved_for_it(way.claim, result):
                        errata.append(match)
                    continue
                if best is None or match.key < best.key:
                    best = match
                if match.key[:3] == (0, 0, False) and way.unusual == (0, 0, 0):
                    return match
                if _only_approximate(match.finding):   # a fit within its accuracy: nothing
                    return dataclasses.replace(match, finding=_compare(   # better to find; its
                        way, result, units, kind, True, printed))       # error on the full grid
        if best is not None and best.tier == tier == 0 and best.way.unusual == (0, 0, 0) \
                and not _about_the_sign(best.finding.condition):
            break              # holds under a condition no other reading can lift
    if best is not None:
        return _signed(best)
    if not errata:
        raise Uncheckable(problems[0] if problems else "no derived result to compare with")
    errata.sort(key=lambda m: (m.tier, _cost(m.finding), _newtonian_for_gamma(m),
                               not consistent(m.way.claim),
                               -round(_coverage(m.way.claim, m.result.statement), 2),
                               m.way.unusual, m.units != "SI"))
    errata = _closest_readings_first(errata)
    per_result, likeliest = {}, []
    for match in errata:      # the likeliest readings of the likeliest results
        per_result[match.result.name] = per_result.get(match.result.name, 0) + 1
        if per_result[match.result.name] <= _WAYS_DIAGNOSED:
            likeliest.append(match)
    diagnosed = []
    for match in likeliest[:_DIAGNOSED]:
        if deadline is not None and time.monotonic() > deadline:
            break
        try:
            finding = _compare(match.way, match.result, match.units, kind, True, printed)
        except Uncheckable:
            continue
        diagnosed.append(dataclasses.replace(match, finding=finding))
        if finding.verdict != "erratum":      # the full comparison found it holds after all
            return diagnosed[-1]
        if _cost(finding) == 0:
            break                 # one plain edit, at the likeliest result: no better to find
    refusal = None
    for found in sorted(diagnosed or errata[:1], key=lambda m: (
            _cost(m.finding), m.tier, m.key[2], m.way.unusual)):
        if _cost(found.finding) < 2:
            return found
        try:
            _refuse_a_bare_difference(statement, found)
            return found
        except Uncheckable as problem:    # about something else: another result may be it
            refusal = refusal or problem
    raise refusal


_CLEARLY_CLOSER = 1.5    # a reading of a fit this many times less far off is the one meant


def _closest_readings_first(errata):
    """The errata with the readings of each result (in the same units) reordered in their
    places: a reading of a fit :data:`_CLEARLY_CLOSER` times less far off than the first
    goes first (B_0 of 2 pi e B_0 R_E^2 (1 + y^0.62/3)/(L m v^2) is the surface field, as
    where it holds, not the equatorial field B_E/L^3)."""
    groups = {}
    for index, match in enumerate(errata):
        groups.setdefault((match.result.name, match.units), []).append(index)
    ordered = list(errata)
    for places in groups.values():
        members = [errata[i] for i in places]
        closest = min(members, key=lambda m: m.finding.error)
        if closest.finding.error * _CLEARLY_CLOSER < members[0].finding.error:
            members.remove(closest)
            for place, match in zip(places, [closest] + members):
                ordered[place] = match
    return ordered


def _newtonian_for_gamma(match):
    """A formula in the Lorentz factor (omega_c = gamma |q| B/m) is diagnosed against a
    relativistic result before a Newtonian one: 'gamma where 1/gamma', not 'extra factor
    gamma'."""
    statement = match.result.statement
    return sp.sympify(match.way.claim).has(S.gamma) and not (
        statement.has(S.gamma, S.p, S.p_perp) or is_relativistic(statement))


def _restates_readings(claim):
    """K = E - E_0 with E the total energy W + mc^2 and E_0 the rest energy mc^2: the
    formula is the definition its names' readings already state (a short one, true
    whatever its symbols are)."""
    return isinstance(claim, sp.Equality) and sp.count_ops(claim) <= 30 and \
        true_by_itself(claim)


def _refuse_a_bare_difference(statement, match):
    """A formula that differs from a result with no edit to name is an erratum only when it
    is about the result's own quantity and says nothing the result leaves out: a formula
    matched by its right side, or with variables the result does not have (the electric
    field in m dv/dt = q(E + v x B) against the magnetic Lorentz force), is about something
    not derived.  Raises Uncheckable in those cases."""
    name = match.result.name
    if match.tier >= 2 or (isinstance(statement, sp.Equality) and _generic(statement.lhs)):
        raise Uncheckable(f"nothing derived matches it (the closest, {name}, differs)")
    if not consistent(match.way.claim) and any(
            consistent(replaced(statement, reading)) for reading, _ in
            every_reading(statement, unread=True)):
        # sin(theta) = (1/R)^(1/2) with R the planet's radius: the reading broke it
        raise Uncheckable(f"nothing derived matches it in a reading that keeps its "
                          f"dimensions (the closest, {name}, differs)")
    frame = checking_frame().extended(scalars={
        k: v for k, v in match.way.definitions.items() if not isinstance(k, VectorSymbol)},
        vectors={k: v for k, v in match.way.definitions.items() if isinstance(k, VectorSymbol)})
    brought = {s for value in match.way.definitions.values()
               for s in sp.sympify(value).free_symbols}     # by a change of variables
    if match.result.statement.has(S.y):
        brought.add(S.lam_m)                  # the mirror latitude is y's: one variable
    try:
        extra = symbols_needed(match.way.claim, frame) - \
            symbols_needed(match.result.statement, frame) - brought - PARAMETERS
    except Uncheckable:
        extra = set()
    if extra:
        words = ", ".join(_named(match.way.claim, extra, frame))
        raise Uncheckable(f"it has {words}, which the derived result {name} leaves out")


def _solved_for_it(claim, result):
    """Is the formula the result solved for one of its variables, with nothing else
    (v_perp = sqrt(2 mu B/m) of mu = m v_perp^2/(2B))?  Then it is about that result,
    though its left side names another quantity."""
    return isinstance(claim, sp.Equality) and isinstance(claim.lhs, sp.Symbol) and \
        claim.lhs in result.statement.free_symbols and \
        _coverage(result.statement, claim) == 1 == _coverage(claim, result.statement)


def _signed(match):
    """A formula in the signed charge q or a gyrofrequency (Omega may be qB/m or |q|B/m:
    its reading decides nothing) that holds only for q < 0 has the wrong sign:
    q stands for any charge, and a positive one first (v = m v_perp^2/(2qB^3) grad B x B
    is the electrons' grad-B drift, the ions' with the sign flipped).  Unless the
    formula is stated for negative charges."""
    finding, claim = match.finding, match.way.claim
    if finding.verdict != "holds-with-condition" or "q < 0" not in finding.condition or \
            "negative-charge" in match.way.stated or \
            not claim.xreplace({node: 1 for node in claim.atoms(sp.Abs)
                                if node.args[0] == S.q}).has(S.q, S.omega_c):
        return match
    other = "; ".join(part for part in finding.condition.split("; ") if "q < 0" not in part)
    return dataclasses.replace(match, finding=dataclasses.replace(
        finding, verdict="erratum", condition="", edits=(("sign",),),
        diagnosis="flipped sign: it holds only for a negative charge (q < 0)" +
                  (f" and {other}" if other else "")))


def _magnitude(statement):
    """|lhs| = |rhs| (the length of a vector)."""
    def length(side):
        return sp.sqrt(Dot(side, side)) if is_vector(side) else sp.Abs(side)
    return sp.Eq(length(statement.lhs), length(statement.rhs), evaluate=False)


def _only_approximate(finding):
    return finding.verdict == "holds-with-condition" and \
        finding.condition.startswith("as an approximation") and ";" not in finding.condition


def _about_the_sign(condition):
    return "q > 0" in condition or "q < 0" in condition


def _named(claim, extra, frame):
    """The claim's own names that bring in ``extra`` (B, not the frame's B0_x, B0_y, B0_z
    it is expanded into); the symbols themselves where none does."""
    names = set()
    for symbol in sp.sympify(claim).free_symbols:
        try:
            if symbols_needed(symbol, frame) & extra:
                names.add(str(symbol))
        except Uncheckable:
            continue
    return sorted(names) or sorted(map(str, extra))


def _cost(finding):
    """How much an erratum's diagnosis changes: one plain edit, a sign with a factor,
    or nothing found."""
    if not finding.edits or finding.edits[0][0] not in _SPECIFIC:
        return 2
    edit = finding.edits[0]
    return 1 if edit[0] == "factor" and edit[1] is not None and edit[1] < 0 else 0


def best_match(claim, results):
    """The :class:`~guidingcenter.check.judge.Finding` of ``claim`` (in the toolkit's
    symbols) against whichever of ``results`` it matches best."""
    return search(claim, list(results)).finding


def _compare(way, result, units, kind, diagnose, printed=()):
    if units == "Gaussian":
        result = dataclasses.replace(result, statement=gaussian(result.statement))
    claim, stated = way.claim, way.stated
    if units == "SI numbers":   # a formulary's number for some units: omega_ce = 1.76e11 B
        found = judge_coefficient(claim, result.statement, stated=stated, printed=printed)
        if found is not None:
            return dataclasses.replace(found, against=result.name, corrected=(
                result.statement if found.verdict == "erratum" else None))
    if units == "SI numbers":       # an engineering formula: 0.117 s in place of 4 R_E T(0)/c
        result = dataclasses.replace(result, statement=replaced(result.statement, SI_VALUES))
        claim = replaced(claim, SI_VALUES)
        kind = "approximate"
    if units == "magnitude":        # a speed written with magnitudes: the drift across B
        result = dataclasses.replace(result, statement=_magnitude(result.statement))
        side = claim.rhs if isinstance(claim, sp.Equality) else claim
        side = sp.Abs(lengths(side) if is_vector(side) else side)
        if isinstance(claim, sp.Equality):        # the vector of v_E = E/B = E x B/B^2
            left = claim.lhs
            claim = sp.Eq(sp.sqrt(Dot(left, left)) if is_vector(left) else left, side,
                          evaluate=False)
        else:
            claim = side
        stated = stated + ("perpendicular",)
    definitions = way.definitions if units != "SI numbers" else {
        symbol: replaced(value, SI_VALUES) for symbol, value in way.definitions.items()}
    if units == "Gaussian":         # M_E = 4 pi B_E R_E^3/mu_0 is B_E R_E^3 in Gaussian units
        definitions = {symbol: _gaussian_value(symbol, value)
                       for symbol, value in definitions.items()}
    finding = compare(claim, result, stated=stated, definitions=definitions,
                      approximate=kind == "approximate", proportional=kind == "proportional",
                      diagnose=diagnose, dimensions=units not in ("SI numbers", "Gaussian")
                      and kind != "proportional",     # a proportionality drops constants
                      identities=units != "Gaussian")
    if units == "SI numbers" and finding.edits and finding.edits[0][0] == "factor":
        # its constants put in as numbers: a factor 1.5708e-7 is 1/R_E
        named = diagnosis.constant_power(finding.edits[0][1], way.claim, SI_VALUES)
        if named is not None:
            words, edit, side = named
            corrected = sp.Eq(way.claim.lhs, side, evaluate=False) \
                if isinstance(way.claim, sp.Equality) else side
            finding = dataclasses.replace(finding, diagnosis=words, edits=(edit,),
                                          corrected=corrected)
    return finding


def _gaussian_value(symbol, value):
    """The value of a change of variables ``symbol = value`` in Gaussian units."""
    converted = gaussian(sp.Eq(symbol, value, evaluate=False))
    return converted.rhs if isinstance(converted, sp.Equality) and converted.lhs == symbol \
        else value


def _units(claim, result, tier, system=""):
    """SI, and Gaussian units where the formula looks Gaussian: it has c where the
    result has none, or (for a result about the same quantity) it is dimensionally
    inconsistent in SI, as B = M/r^3 is.  A source's own ``system`` decides."""
    numbers = ["SI numbers"] if tier <= 1 and not consistent(claim) and _numbered(claim) \
        else []                  # its coefficient tried in SI and Gaussian units, eV, ...
    if system == "Gaussian":
        return ["Gaussian"] + numbers
    units = ["SI"]
    side = claim.rhs if isinstance(claim, sp.Equality) else claim
    if isinstance(claim, sp.Equality) and not is_vector(claim.lhs) and is_vector(side) and \
            is_vector(result.statement.rhs) and lengths(side) is not None:
        return ["magnitude"]        # v_gradB = v_perp r_L grad B/(2B): the length of grad B
    if not is_vector(side) and is_vector(result.statement.rhs):
        # v_E = E/B is the magnitude of E x B/B^2 (SI stays for a component, F_x = -mu dB/dx)
        units = ["magnitude"] + (units if has_axis_components(claim) else [])
    elif not isinstance(claim, sp.Equality) and not is_vector(side):
        units.append("magnitude")          # |q|B/m is the magnitude of omega_c
    if claim.has(S.c) and not result.statement.has(S.c):
        units.append("Gaussian")
    elif tier == 0 and not consistent(claim) and not _numbered(claim):
        units.append("Gaussian")
    units += numbers
    return [u for u in units if u != "Gaussian"] if system == "SI" else units


def _numbered(claim):
    """A coefficient with decimals that carries units (0.117 s, 1.05 h MeV)."""
    return any(abs(number) not in (0.5, 0.25) for number in claim.atoms(sp.Float))


#: The constants an engineering formula has folded into its numbers (SI, Earth).
SI_VALUES = {S.c: sp.Float(constants.c), S.R_E: sp.Float(constants.R_E),
             S.B_E: sp.Float(constants.B_E), S.e: sp.Float(constants.e),
             S.m_e: sp.Float(constants.m_e), S.m_i: sp.Float(constants.m_p),
             S.mu_0: sp.Float(constants.mu_0)}


def _meanings(lhs, definitions=None):
    """What a left side may name: its readings (a placeholder) or itself."""
    names = placeholders(lhs)
    if not names:
        return {lhs}
    if lhs in names:
        return {o.value for o in options(lhs, definitions) if o.value is not GENERIC}
    first = {n: options(n)[0].value for n in names if options(n)}
    if any(value is GENERIC for value in first.values()) or len(first) < len(names):
        return set()
    return {replaced(lhs, first)}


def _generic(lhs):
    return is_spelled(lhs) and any(o.value is GENERIC for o in options(lhs))


def _dimensions(expr):
    """The dimensions ``expr`` may have, its names read every way (at most a few dozen
    readings); empty when unknown."""
    found = set()
    for substitution, _ in every_reading(expr, limit=32, unread=True):
        try:
            found.add(dimension(replaced(expr, substitution)))
        except Inconsistent:
            continue
    return found - {None}


def _shape(expr):
    """(dimension, is it a vector) of an expression, its names read the first way;
    dimension None when unknown."""
    first = {}
    for name in placeholders(expr):
        found = [o.value for o in options(name) if o.value is not GENERIC]
        if found:
            first[name] = found[0]
    try:
        return dimension(replaced(expr, first) if first else expr), is_vector(expr)
    except Inconsistent:
        return None, is_vector(expr)


def _coverage(claim, truth):
    """How much of the result's variables the formula has (0 to 1), with the frame's
    definitions expanded (omega_c is q, B, m), every reading of a name, and the
    variables a change of variables reaches: two expressions that are equal depend on
    the same variables."""
    theirs = _variables(truth)
    mine = _variables(claim)
    mine |= {bridge.symbol for bridge in notation.bridges() if _variables(bridge.value) & mine}
    return len(mine & theirs) / max(1, len(theirs))


def _all_named(claim, truth):
    """Does the result have every name of the formula, in one of its readings (p: the
    momentum or the pressure)?"""
    theirs = _variables(truth)
    return all(_variables(name) & theirs for name in sp.sympify(claim).free_symbols)


def _variables(expr):
    found = set()
    for symbol in sp.sympify(expr).free_symbols:
        if is_spelled(symbol):
            for option in options(symbol):
                if option.value is not GENERIC:
                    found |= _variables(option.value)
            continue
        found |= _EXPANDED.get(symbol, {symbol})
    return found - {S.c, S.mu_0}


_EXPANDED = {**{symbol: {symbol} | parts for symbol, parts in EXPANDED.items()},
             S.B_vec: {S.B_vec, S.B}, S.B: {S.B, S.B_vec}, S.E: {S.E, S.E_vec},
             S.E_vec: {S.E, S.E_vec}, S.g: {S.g, S.g_vec}, S.g_vec: {S.g, S.g_vec},
             S.b_hat: {S.B_vec}, S.kappa: {S.B_vec},
             S.R_c: {S.R_c, S.B_vec}, S.R_c_vec: {S.R_c_vec, S.B_vec},
             # a species' mass is the particle's mass, e its charge (readings._species)
             S.m_e: {S.m_e, S.m}, S.m_i: {S.m_i, S.m}, S.e: {S.e, S.q}}

