"""The verdict on one formula against one derived result: what holds, what differs.

:func:`compare` judges a claim (a SymPy expression or equation in the notation
of :mod:`guidingcenter.symbols` and :mod:`guidingcenter.vectors`) against a
derived result: ``holds``; ``holds-with-condition`` (equal only under a
condition the claim does not state: non-relativistic speeds, a current-free
field, a positive charge, motion along B, or as an approximation of stated
accuracy); or ``erratum`` with a diagnosis found by search, not typed: a
constant factor, a flipped sign (of the whole, of a term, of a component), a
wrong exponent, a wrong function, swapped or wrong symbols, a factor missing
from a term, dimensional inconsistency — and the corrected formula.

Both sides are evaluated at seeded random points to 30 significant digits
(:mod:`guidingcenter.check.sampling`) in a general frame: a magnetic field of
arbitrary direction with all its first derivatives (div B = 0), free vectors
E, F, g, ..., and the standard definitions (omega_c = qB/m, mu = m
v_perp^2/(2B), r_L, the unit vector b, the curvature (b.grad)b, v^2 =
v_perp^2 + v_par^2, ...).  Agreement to 20 digits at every point is equality.
"""

import dataclasses
import functools
import itertools
from dataclasses import dataclass

import mpmath
import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter import symbols as S
from guidingcenter.check import diagnosis
from guidingcenter.check.algebra import replaced
from guidingcenter.check.conditions import (CONDITION_KEYS, CONDITIONS, DOMAINS, ORIENTATIONS,
                                            checking_frame)
from guidingcenter.check.diagnosis import nice_number, show
from guidingcenter.check.dimensions import Inconsistent, describe, dimension
from guidingcenter.check.sampling import (DIGITS, EXACT, EXACT_QUADRATURE, Sample, Uncheckable,
                                          norm,
                                          symbols_needed)
from guidingcenter.vectors import (Cross, Curl, DirectionalDerivative, Div, Dot, Grad,
                                   VectorSymbol, is_vector)

__all__ = ["Finding", "compare", "identity", "Uncheckable", "APPROXIMATION_LIMIT",
           "sample_symbols", "is_relativistic"]

APPROXIMATION_LIMIT = 0.10   # an approximation within 10 % everywhere "holds" as one
# ... unless one edit (an exponent, a sign) brings it five times closer and within 2 %:
# then it is that fit misprinted.  The published fits are within 1-6 % (Schulz and
# Lanzerotti's T(y) 1 %, Hamlin's 1.30 - 0.56 y 5.8 %), a misprinted exponent ~10 %.
MISPRINT_CLOSER, MISPRINT_WITHIN = 5, 0.02
# A formula typed with decimals (3**0.5) that agrees to double precision is exact as typed.
TYPED_EXACT = 1e-12


@dataclass(frozen=True)
class Finding:
    """The verdict on one claim against one derived result."""

    verdict: str            # "holds", "holds-with-condition" or "erratum"
    against: str            # name of the derived result
    diagnosis: str = ""     # what differs (erratum)
    corrected: object = None
    condition: str = ""     # the condition under which it holds
    edits: tuple = ()       # machine-readable: (("factor", k), ("sign",), ...)
    note: str = ""          # e.g. the constant factor of a proportionality
    error: float = 0.0      # an approximation's largest relative error (first pass, erratum)

# --- the verdict -------------------------------------------------------------------

def compare(claim, result, *, name="", stated=(), seed=0, approximate=False, specialize=None,
            definitions=None, proportional=False, diagnose=True, dimensions=True,
            identities=True):
    r"""Judge ``claim`` against the derived ``result`` (a Result or an equation).

    ``stated`` lists keys of :data:`CONDITION_KEYS` that the source states (they
    are applied, and a claim that needs them simply holds); a result derived
    under a condition (its ``conditions``) makes an equal claim hold only under
    that condition.  An ``approximate`` claim (a fit, "=~") is judged by its
    largest relative error: within :data:`APPROXIMATION_LIMIT` it holds as an
    approximation of that accuracy.  Raises :class:`Uncheckable` when the claim
    cannot be evaluated.  ``specialize`` substitutes into the result first (a
    special case of it, e.g. the mirror ratio from the equator to the mirror point).
    ``definitions`` ({symbol: expression}) express symbols of the claim through
    those of the result (a change of variables).  A ``proportional`` claim
    (``\propto``) holds when it is a constant multiple of the result.  Without
    ``diagnose`` an erratum is not searched for its single edit (a cheap first pass).
    Without ``identities`` a claim is not judged as an identity of the checking frame
    (whose definitions are SI: not for a claim in Gaussian units).
    """
    truth_statement = getattr(result, "statement", result)
    if specialize:
        truth_statement = sp.Eq(truth_statement.lhs.subs(specialize),
                                truth_statement.rhs.subs(specialize), evaluate=False)
    # the result's own variables written in the claim's (alpha_1 = alpha, B_2 = B_eq):
    # the two can then be aligned by the claim's left side
    theirs = {symbol: value for symbol, value in (definitions or {}).items()
              if not isinstance(symbol, VectorSymbol) and symbol in truth_statement.free_symbols
              and symbol not in sp.sympify(claim).free_symbols}
    if theirs and isinstance(truth_statement, sp.Equality):
        truth_statement = replaced(truth_statement, theirs)
    # a symbol of the claim defined through the result's own (mu = m v_perp^2/(2 B_0) in a
    # formula about B_0): written out before the two are solved for a shared symbol
    mine = {symbol: value for symbol, value in (definitions or {}).items()
            if isinstance(claim, sp.Equality) and isinstance(truth_statement, sp.Equality)
            and claim.lhs != truth_statement.lhs and not isinstance(symbol, VectorSymbol)
            and symbol in sp.sympify(claim).free_symbols
            and symbol not in truth_statement.free_symbols
            and sp.sympify(value).free_symbols & truth_statement.free_symbols - {S.m, S.q}
            and symbol in (S.mu,)}
    if mine:
        claim = replaced(claim, mine)
    name = name or getattr(result, "name", "")
    if isinstance(claim, sp.logic.boolalg.BooleanAtom):
        raise Uncheckable(f"the formula is trivially {claim} as written (build it unevaluated)")
    needed = tuple(c for c in getattr(result, "conditions", ()) if c not in stated)
    judge = _Judge(claim, truth_statement, name, tuple(stated), seed, approximate)
    if not approximate and (sp.sympify(claim).has(sp.Integral)
                            or truth_statement.has(sp.Integral)):
        judge.tolerance = EXACT_QUADRATURE            # a quadrature is compared to 12 digits
    judge.bridges, judge.proportional, judge.diagnose = dict(definitions or {}), proportional, \
        diagnose
    judge.dimensions, judge.identities = dimensions, identities
    finding = judge.run()
    if finding.verdict == "erratum" and sp.sympify(claim).has(S.gamma) and \
            is_vector(truth_statement.lhs) and truth_statement.has(S.m) and \
            not truth_statement.has(S.gamma, S.p_perp) and \
            not is_relativistic(truth_statement):           # c of Gaussian units is no sign
        # a relativistic drift against the Newtonian one the toolkit derives: its relativistic
        # form has m -> gamma m, with mu = p_perp^2/(2 m B) (Northrop 1963, ch. 1)
        relativistic = compare(
            replaced(claim, {S.mu: S.gamma**2 * S.m * S.v_perp**2 / (2 * S.B)}),
            truth_statement.subs(S.m, S.gamma * S.m), name=name, stated=stated, seed=seed,
            definitions=definitions, diagnose=diagnose, dimensions=dimensions,
            identities=identities)
        if relativistic.verdict != "erratum":
            finding = Finding("holds-with-condition", name, condition=(
                CONDITION_KEYS["nonrelativistic"].name + " (as derived; the formula is its "
                "relativistic form, m -> gamma m)"), corrected=truth_statement)
        elif relativistic.edits and relativistic.edits != (("differs",),):
            finding = dataclasses.replace(relativistic, diagnosis=(
                f"{relativistic.diagnosis} (in the relativistic form of the result, "
                f"m -> gamma m)"))
    if finding.verdict != "erratum" and needed:
        words = " and ".join(CONDITION_KEYS[c].name for c in needed) + " (as derived)"
        return Finding("holds-with-condition", name,
                       condition="; ".join(filter(None, (finding.condition, words))),
                       corrected=truth_statement)
    return finding


def identity(claim, definitions, *, name, domains=None, stated=(), seed=0):
    """Judge the equation ``claim`` as an identity of the checking frame extended by
    ``definitions`` ({symbol: value}; ``domains`` samples their new parameters): it holds
    (or holds under a condition the frame can state) or is an erratum, with its single
    edit named where one explains it (corrected is then the edited claim)."""
    judge = _Judge(claim, sp.Eq(claim.lhs, claim.lhs, evaluate=False), name, tuple(stated),
                   seed, False)
    judge.bridges, judge.domains = dict(definitions), dict(domains or {})
    sample = judge.sample(judge.stated, claim.rhs, claim.lhs)
    sample.errors(claim.rhs)                     # the claim must be evaluable
    finding = judge.verdict(claim.rhs, claim.lhs, claim.lhs, sample)
    if finding.verdict != "erratum":
        return dataclasses.replace(finding, corrected=None)
    if finding.edits == (("differs",),):
        return dataclasses.replace(finding, corrected=None,
                                   diagnosis="it does not follow: no single edit explains it")
    return finding


_APPROXIMATION_POINTS = 34
_Y_COARSE = [sp.Rational(1, 10**9), sp.Rational(1, 4), sp.Rational(1, 2), sp.Rational(3, 4),
             sp.Rational(15, 16), 1]
# y = sin(alpha_eq) on a grid with both ends, where the classic fits are worst
_Y_GRID = [sp.Rational(1, 10**9), sp.Rational(1, 10**4)] + [sp.Rational(k, 32)
                                                            for k in range(1, 33)]


def is_relativistic(expr):
    """Does ``expr`` hold the speed over c (1 - v^2/c^2), as a relativistic result does?"""
    return any(power.base.has(S.c) and power.base.has(S.v, S.v_perp, S.v_par)
               for power in sp.sympify(expr).atoms(sp.Pow))


# What a quantity is where one left out is zero: with no electric potential the energy
# W_0 = m v^2/2 + q phi is the kinetic energy (Chen 2.4, Bellan 3.5); where v_par = 0 the
# particle mirrors, and the field there is the mirror field B_m (M = p^2/(2 m B_m), IRBEM);
# on the magnetic equator (lambda = 0) a dipole line has B_eq and r_eq.  Each applies when
# the claim names the value and not the quantity: the claim is then about that point.
_WHERE_ZERO = {S.varphi_E: ({S.W_0: S.W}, ""),
               S.v_par: ({S.B: S.B_m}, "at the mirror point, where B = B_m"),
               S.lam: ({S.B: S.B_eq, S.r: S.r_eq}, "on the magnetic equator")}


class _Judge:
    """One comparison: alignment of the two equations, sampling, verdict, diagnosis."""

    def __init__(self, claim, truth, name, stated, seed, approximate):
        self.claim, self.truth, self.name = claim, truth, name
        self.stated, self.seed, self.approximate = stated, seed, approximate
        self.tolerance = APPROXIMATION_LIMIT if approximate else EXACT
        self.definitions, self.bridges, self.proportional, self.diagnose = {}, {}, False, True
        self.domains = {}                  # sampling intervals beyond DOMAINS
        self.dimensions = True             # note a dimensional inconsistency
        self.identities = True             # judge a claim as an identity of the frame (SI)

    def run(self):
        error = None
        for side, truth, lhs, definitions in _alignments(self.claim, self.truth):
            self.definitions = definitions
            try:
                sample = self.sample(self.stated, side, truth)
                sample.errors(side)          # the claim must be evaluable
            except Uncheckable as problem:
                error = error or problem
                continue
            if lhs == "identity" and not (self.identities and self._identity(truth)):
                continue
            return self.verdict(side, truth, lhs if lhs != "identity" else self.claim.lhs,
                                sample)
        raise error or Uncheckable("no way to compare the claim with the result")

    def _identity(self, truth_statement):
        """Is the result an identity in the checking frame (so the claim must be one)?
        (Not asked of a definition by an integral: T(y) = int ... is one by construction.)"""
        lhs, rhs = self.truth.lhs, self.truth.rhs
        if rhs.has(sp.Integral):
            return False
        try:
            return self.sample(self.stated, lhs, rhs).equal(lhs)
        except Uncheckable:
            return False

    def sample(self, stated, claim, truth):
        frame_options, domains = {}, {**DOMAINS, **self.domains}
        definitions = {**self.bridges, **self.definitions}
        for key in stated:
            condition = CONDITION_KEYS[key]
            frame_options.update(condition.frame or {})
            domains.update(dict(condition.domains))
            if condition.limit is not None and truth.has(condition.limit):
                truth = _limit(truth, condition.limit)
            if condition.limit is not None:        # a change of variables takes the limit too
                definitions = {k: _limit(v, condition.limit) if v.has(condition.limit) else v
                               for k, v in definitions.items()}
        frame = checking_frame(**frame_options)
        if definitions:                      # the result defines a symbol of the claim
            key = (frame.cache_key, tuple(sorted(definitions.items(), key=str)))
            frame = frame.extended(
                vectors={k: v for k, v in definitions.items() if isinstance(k, VectorSymbol)},
                scalars={k: v for k, v in definitions.items()
                         if not isinstance(k, VectorSymbol)})
            frame.cache_key = key
        symbols = sample_symbols(claim, truth, frame)
        # undefined functions on both sides get random values: the identity must hold
        # whatever they are (the dipole integrals alone get their true values)
        shared = {f for f in sp.sympify(truth).atoms(AppliedUndef)
                  & sp.sympify(claim).atoms(AppliedUndef)}
        points, grid = (5, None)
        if self.approximate:          # the first pass screens a fit on a coarse grid
            points, grid = (_APPROXIMATION_POINTS, (S.y, _Y_GRID)) if self.diagnose else \
                (len(_Y_COARSE), (S.y, _Y_COARSE))
        return Sample(truth, frame, domains, symbols, self.seed, points, grid, shared,
                      precise=not self.approximate)

    def verdict(self, claim, truth, lhs, sample):
        if sample.equal(claim, self.tolerance):
            return self._holds(claim, sample, truth, lhs, "")
        if self.proportional:
            k = sample.ratio(claim)
            if k is not None and abs(complex(k)) > 1e-12:
                return Finding("holds", self.name, note=f"proportional: the factor is "
                                                        f"{show(nice_number(k) or k)}")
            if self._proportional_for_one_particle(claim, truth) is not None:  # mu ~ v^2/B
                return Finding("holds", self.name, note="proportional: the factor is a "
                                                        "constant of the particle")
        if self.truth.lhs == S.J_inv and sample.ratio(claim) is None:
            # Chen's J = int v_par ds, Roederer's 2 int p_par ds: invariants all the same
            for stated in ((), ("nonrelativistic",)):
                if self._normalized_by_the_particle(claim, truth, stated):
                    return Finding(
                        "holds-with-condition" if stated else "holds", self.name,
                        condition=CONDITION_KEYS[stated[0]].name if stated else "",
                        note="the second invariant in another normalization: the derived "
                             "J times a constant of the particle")
        conditional = []
        symbols = sample_symbols(claim, truth, sample.frame)
        # (excludes: an electron's formula cannot hold for q > 0 only)
        applicable = [c for c in CONDITIONS + ORIENTATIONS if c.key not in self.stated and
                      c.excludes not in self.stated and c.applies(claim, truth, symbols)]
        for condition in applicable:
            try:
                under = self.sample(self.stated + (condition.key,), claim, truth)
            except Uncheckable:
                continue
            if under.equal(claim, self.tolerance) and not (
                    condition.limit is not None and under.truth_vanishes()):
                return self._holds(claim, under, truth, lhs, condition.name)
            conditional.append((condition, under))
        oriented, tried = self._oriented(claim, truth, lhs, applicable)
        if oriented is not None:
            return oriented
        both = self._two_conditions(claim, truth, lhs, [c for c in applicable if c in CONDITIONS])
        if both is not None:
            return both
        conditional += tried
        vanishing = self._vanishing(claim, truth, sample)
        if vanishing is not None and vanishing[1]:      # M = p^2/(2 m B_m): at the mirror
            return Finding("holds", self.name, note=f"where {vanishing[0]}")      # point
        if vanishing is not None:
            return self._holds(claim, sample, truth, lhs, vanishing[0])
        if not self.diagnose:
            return self.quick_erratum(claim, truth, lhs, sample)
        finding = self.erratum(claim, truth, lhs, sample)
        if finding.edits != (("differs",),):
            return finding
        # where a quantity it leaves out is zero (phi = 0: the energy integral's sign slip)
        conditional += [(words, under) for words, under, _ in
                        self._left_out(claim, truth, sample)]
        conditional += list(self._slow_where_zero(claim, truth))
        for condition, under in conditional:   # e.g. a wrong function, right for v_par > 0
            words = "and even then only for" if hasattr(condition, "name") else "with"
            unsigned = getattr(condition, "key", "") == "positive-charge" and \
                _unsigned_charge(claim)
            condition = getattr(condition, "name", condition)
            found = self.erratum(claim, under.truth, lhs, under)
            if found.edits != (("differs",),) and unsigned:   # |q|: q > 0 is no condition
                return Finding("erratum", self.name, found.diagnosis, _rebuild(lhs, truth),
                               edits=found.edits)
            if found.edits != (("differs",),):
                return Finding("erratum", self.name, f"{found.diagnosis} ({words} "
                                                     f"{condition})",
                               _rebuild(lhs, truth), condition=condition,
                               edits=found.edits)
        return finding

    def _two_conditions(self, claim, truth, lhs, applicable):
        """The formula holds under two conditions at once (a drift period with q and m v^2:
        for q > 0 and v << c), or None."""
        for first, second in itertools.combinations(applicable, 2):
            if first.excludes == second.key or second.excludes == first.key:
                continue
            try:
                under = self.sample(self.stated + (first.key, second.key), claim, truth)
            except Uncheckable:
                continue
            if under.equal(claim, self.tolerance) and not (
                    (first.limit is not None or second.limit is not None)
                    and under.truth_vanishes()):
                return self._holds(claim, under, truth, lhs, f"{first.name}; {second.name}")
        return None

    def _oriented(self, claim, truth, lhs, applicable):
        """A formula by components under an orientation of its axes (g along x) and one
        more condition (q > 0: Chen's -(1/2) v_perp r_L (1/B) dB/dy x-hat for ions):
        ``(finding or None, [(words, sample), ...])``, the samples kept for a diagnosis."""
        tried = []
        for orientation in (c for c in applicable if c in ORIENTATIONS):
            for other in (c for c in applicable if c in CONDITIONS):
                try:
                    under = self.sample(self.stated + (orientation.key, other.key), claim,
                                        truth)
                except Uncheckable:
                    continue
                words = f"{orientation.name}; {other.name}"
                if under.equal(claim, self.tolerance) and not under.truth_vanishes():
                    return self._holds(claim, under, truth, lhs, words), tried
                tried.append((words, under))
        return None, tried

    def _proportional_for_one_particle(self, claim, truth, stated=(), mass=sp.Rational(13, 10)):
        """Is the claim a constant multiple of the result for one particle (its mass and
        charge fixed, everything else sampled; under the ``stated`` conditions too)?
        The constant, or None."""
        saved = self.domains
        self.domains = {**saved, **{symbol: (value, value) for symbol, value in (
            (S.m, mass), (S.q, sp.Rational(7, 10)), (S.e, sp.Rational(7, 10)),
            (S.m_e, mass), (S.m_i, mass + sp.Rational(2, 5)))}}
        try:
            k = self.sample(self.stated + tuple(stated), claim, truth).ratio(claim)
        except Uncheckable:
            k = None
        finally:
            self.domains = saved
        return k if k is not None and abs(complex(k)) > 1e-12 else None

    def _normalized_by_the_particle(self, claim, truth, stated=()):
        """Is the claim the result times a constant that depends on the particle's mass
        (J = int v_par ds is the derived J over 2 gamma m), not a pure number (a factor 2
        dropped is an erratum)?"""
        k = self._proportional_for_one_particle(claim, truth, stated)
        other = self._proportional_for_one_particle(claim, truth, stated, sp.Rational(19, 10))
        return k is not None and other is not None and \
            abs(complex(k) - complex(other)) > 1e-6 * abs(complex(k))

    def _vanishing(self, claim, truth, sample):
        """A quantity of the result that the claim leaves out and that may be zero (a
        potential, a field component): does the claim hold where it vanishes?  (words,
        whether the claim names the point by a value there), or None."""
        for words, under, named in self._left_out(claim, truth, sample):
            if under.equal(claim, self.tolerance):
                return words, named
        for words, slow in self._slow_where_zero(claim, truth):
            if slow.equal(claim, self.tolerance) and not _constant(slow.truth_values):
                return words, False       # (not sin(alpha) = 1 = (B_m/B)^(1/2) at B = B_m)
        return None

    def _slow_where_zero(self, claim, truth):
        """(condition, sample) where a quantity the claim leaves out is zero wherever it
        enters, for a slow particle: r_L = (2 m W)^(1/2)/(|q| B) with W = m v^2/2 where
        v_par = 0."""
        symbols = sp.sympify(claim).free_symbols
        if "nonrelativistic" in self.stated or not symbols & {S.W, S.p} or \
                symbols & _ANGLES:       # (an angle of the claim goes with v_par: not zeroed)
            return
        saved = self.domains
        for symbol in sorted(truth.free_symbols - claim.free_symbols, key=str):
            if symbol.is_nonzero or isinstance(symbol, VectorSymbol) or symbol == S.c:
                continue
            self.domains = {**saved, symbol: (0, 0)}
            try:
                slow = self.sample(self.stated + ("nonrelativistic",), claim,
                                   truth.subs(symbol, 0))
            except Uncheckable:
                continue
            finally:
                self.domains = saved
            yield f"{show(symbol)} = 0; {CONDITION_KEYS['nonrelativistic'].name}", slow

    def _left_out(self, claim, truth, sample):
        """(condition, sample, named) where each quantity the claim leaves out is zero (the
        sample's truth is the result with it zero); ``named``: the claim names a value
        there (B_m where v_par = 0), so it is about that point."""
        for symbol in sorted(truth.free_symbols - claim.free_symbols, key=str):
            if symbol.is_nonzero or isinstance(symbol, VectorSymbol):
                continue
            there, words = _WHERE_ZERO.get(symbol, ({}, ""))
            there = {k: v for k, v in there.items() if k not in claim.free_symbols
                     and v.free_symbols <= claim.free_symbols}
            reduced = truth.subs({symbol: 0, **there})
            words = words if there and words else f"the terms in {show(symbol)} are left out"
            try:
                symbols = sample_symbols(claim, reduced, sample.frame)
                yield (f"{show(symbol)} = 0 ({words})",
                       Sample(reduced, sample.frame, sample.domains, symbols, self.seed),
                       bool(there and words))
            except Uncheckable:
                continue

    def _holds(self, claim, sample, truth, lhs, condition):
        if self.approximate:
            errors = sample.errors(claim)
            worst = max(errors)
            misprint = self._misprinted_fit(claim, sample, lhs, worst) \
                if worst > MISPRINT_WITHIN else None
            if misprint is not None:
                return misprint
            if worst > TYPED_EXACT:
                where = _where(sample.points[errors.index(worst)])
                accuracy = f"as an approximation: largest relative error {100 * worst:.2g}%" \
                           f"{where}"
                condition = f"{condition}; {accuracy}" if condition else accuracy
        if not condition:
            return Finding("holds", self.name)
        return Finding("holds-with-condition", self.name, condition=condition,
                       corrected=_rebuild(lhs, truth))

    def _misprinted_fit(self, claim, sample, lhs, worst):
        """A fit that one edit brings :data:`MISPRINT_CLOSER` times closer to the truth,
        within :data:`MISPRINT_WITHIN`, is a misprint of that fit (T(y) ~ 1.3802 -
        0.3198 (y + y^{3/2}) is 9.8 % off, with y^{1/2} it is 1 %): an erratum."""
        for description, edit, candidate in diagnosis.edits(claim):
            if edit[0] not in ("exponent", "sign", "term-sign"):
                continue
            try:
                better = max(sample.errors(candidate))
            except Uncheckable:
                continue
            if better < min(worst / MISPRINT_CLOSER, MISPRINT_WITHIN):
                return self._found(f"{description} (the fit is off by up to "
                                   f"{100 * worst:.2g}%, and by {100 * better:.2g}% with "
                                   f"that edit)", [], lhs, candidate, (edit,))
        return None

    def quick_erratum(self, claim, truth, lhs, sample):
        """An erratum without the search for its edit: only a constant factor or one term's
        sign (cheap)."""
        k = sample.ratio(claim, self.tolerance)
        if k is not None and abs(complex(k)) > 1e-12:
            nice = nice_number(k, 1e-3 if self.approximate else 1e-12)
            if nice is not None:
                edit = ("sign",) if nice == -1 else ("factor", nice)
                return Finding("erratum", self.name, "constant factor " + show(nice),
                               _rebuild(lhs, truth), edits=(edit,))
        if isinstance(claim, sp.Add) and len(claim.args) <= 4:   # a sum with the sign of one
            for term in claim.args:                              # term flipped: as cheap
                corrected = claim - 2 * term
                if sample.equal(corrected, self.tolerance):
                    return self._found(f"flipped sign of the term {show(term)}", [], lhs,
                                       corrected, (("term-sign", term),))
        try:            # how far a fit is off in this reading: the likeliest is the closest
            error = max(sample.errors(claim)) if self.approximate else 0.0
        except Uncheckable:
            error = float("inf")
        return Finding("erratum", self.name, "differs from the derived result",
                       _rebuild(lhs, truth), edits=(("differs",),), error=error)

    def erratum(self, claim, truth, lhs, sample):
        notes = _dimension_notes(claim, truth, lhs) if self.dimensions else []
        tolerance = self.tolerance
        k = sample.ratio(claim, tolerance)
        if k is not None and abs(complex(k)) > 1e-12:
            nice = nice_number(k, 1e-3 if self.approximate else 1e-12)
            flipped = next((c for d, e, c in diagnosis.edits(claim) if e == ("cross-order",)
                            and sample.equal(c, tolerance)), None) if nice == -1 else None
            if flipped is not None:
                return self._found("flipped sign: cross product in the wrong order", notes,
                                   lhs, flipped, (("sign",), ("cross-order",)))
            written = self._written_edit(lhs, truth, sample, ("term-sign",)) \
                if nice == -1 else None        # sin^2 lambda = 1 + 1/L solved for L: -1
            if written is not None:
                return written
            if nice == -1:
                text, edit = "flipped sign", ("sign",)
            elif nice is not None and nice < 0:
                text, edit = f"flipped sign and constant factor {show(-nice)}", ("factor", nice)
            else:
                text, edit = f"constant factor {show(nice)}", ("factor", nice)
            corrected = claim / nice if nice is not None else truth
            return self._found(text, notes, lhs, corrected, (edit,))
        if isinstance(claim, sp.Integral):
            return self.integrand_erratum(claim, notes, lhs)
        candidates = itertools.chain(
            diagnosis.edits(claim), diagnosis.swaps(claim, truth),
            diagnosis.whole_powers(claim, lhs), diagnosis.group_factors(claim),
            diagnosis.term_factors(claim, truth))
        passing = (found for found in candidates
                   if sample.equal(found[2], tolerance, quick=True)
                   and sample.equal(found[2], tolerance))
        if self.approximate:        # of the first edits that bring a fit within its
            passing = sorted(itertools.islice(passing, 4),   # tolerance, the one that fits
                             key=lambda found: max(sample.errors(found[2])))   # best
        for description, edit, candidate in passing:
            if edit[0] == "power" and lhs is not None:
                return self._found(description, notes, sp.Pow(lhs, 1 / edit[1]), claim,
                                   (edit,))
            return self._found(description, notes, lhs, candidate, (edit,))
        written = self._written_edit(lhs, truth, sample)
        if written is not None:
            return written
        also = {s for value in self.bridges.values() for s in sp.sympify(value).free_symbols}
        factor = _missing_factor(claim, truth, sample, tolerance, also)
        if factor is not None:
            description, edit = factor
            return self._found(description, notes, lhs, truth, (edit,))
        if self.approximate:
            worst = max(sample.errors(claim))
            return self._found(f"approximation off by up to {100 * worst:.3g}%", notes, lhs,
                               truth, (("differs",),))
        return self._found("differs from the derived result", notes, lhs, truth,
                           (("differs",),))

    def _written_edit(self, lhs, truth, sample, kinds=None):
        """A claim compared after solving it for ``lhs`` (an implicit relation "... = 0",
        sin^2 lambda = 1 - 1/L against L = 1/cos^2 lambda): the single edit of the claim as
        written (of a kind in ``kinds``) under which it holds with the result put in for
        ``lhs``; its finding, or None."""
        claim = self.claim
        if not isinstance(claim, sp.Equality) or not isinstance(lhs, sp.Symbol) or \
                not claim.has(lhs) or is_vector(claim.lhs) or any(
                    side.as_base_exp()[0] == lhs and not other.has(lhs)
                    for side, other in (claim.args, claim.args[::-1])):
            return None          # f = 1/tau_d = ...: its side solved is the claim as written
        for index, side in enumerate(claim.args):
            for description, edit, candidate in diagnosis.edits(side):
                if kinds is not None and edit[0] not in kinds:
                    continue
                edited = sp.Eq(*((candidate, claim.rhs) if index == 0 else
                                 (claim.lhs, candidate)), evaluate=False)
                if _vanishes(edited.lhs - edited.rhs, lhs, truth, sample, self.tolerance):
                    return Finding("erratum", self.name, description, edited, edits=(edit,))
        return None

    def integrand_erratum(self, claim, notes, lhs):
        """An integral that differs from the result's integral over the same range: the
        edit is searched in the integrands, compared point by point along the range (a
        quadrature a candidate would cost seconds)."""
        defined = self.truth.rhs if isinstance(self.truth, sp.Equality) else None
        if not isinstance(defined, sp.Integral) or defined.limits != claim.limits or \
                len(claim.limits[0]) != 3:
            return self._found("differs from the derived result", notes, lhs, self.truth.rhs,
                               (("differs",),))
        variable, low, high = claim.limits[0]
        inner = _Judge(claim.function, defined.function, self.name, self.stated, self.seed,
                       False)
        inner.bridges, inner.definitions = self.bridges, self.definitions
        inner.domains = {variable: (low, high)}
        sample = inner.sample(self.stated, claim.function, defined.function)
        finding = inner.erratum(claim.function, defined.function, None, sample)
        corrected = sp.Integral(finding.corrected, *claim.limits) \
            if finding.edits != (("differs",),) else defined
        return self._found(f"in the integrand: {finding.diagnosis}", notes, lhs, corrected,
                           finding.edits)

    def _found(self, text, notes, lhs, corrected, edits):
        return Finding("erratum", self.name, "; ".join([text] + notes),
                       _rebuild(lhs, corrected), edits=edits)


def _unsigned_charge(expr):
    """Is the charge written only as its magnitude |q| (so q > 0 is what it means)?"""
    expr = sp.sympify(expr)
    return expr.has(sp.Abs(S.q)) and not expr.xreplace({sp.Abs(S.q): 1}).has(S.q)


def _where(point):
    """Where an approximation is worst, in words (the equatorial pitch angle on the y grid)."""
    import mpmath
    if S.y in point:
        degrees = float(mpmath.degrees(mpmath.asin(min(point[S.y], 1))))
        return f" (at alpha_eq = {degrees:.3g} deg)" if degrees >= 0.01 else " (at alpha_eq = 0)"
    return ""


def sample_symbols(claim, truth, frame):
    return symbols_needed(claim, frame) | symbols_needed(truth, frame)


def _dimension_notes(claim, truth, lhs):
    try:
        got, want = dimension(claim), dimension(truth)
        if None not in (got, want) and got != want:
            return [f"dimensionally inconsistent: {describe(got)} where the result has "
                    f"{describe(want)}"]
        if lhs is not None:
            dimension(sp.Eq(lhs, claim, evaluate=False))
    except Inconsistent as error:
        return [f"dimensionally inconsistent: {error}"]
    return []


def _vanishes(residual, symbol, value, sample, tolerance):
    """Is ``residual`` zero at the sample's points with ``value`` put in for ``symbol``,
    relative to the size of its terms?"""
    terms = sp.Add.make_args(residual.xreplace({symbol: value}))
    if len(terms) < 2:
        return False
    try:
        for count in (2, None):             # two points decide most candidates
            values = [sample.values(term, count) for term in terms]
            with mpmath.workdps(DIGITS):
                for at_point in zip(*values):
                    if any(isinstance(v, list) for v in at_point) or \
                            abs(sum(at_point)) > tolerance * sum(abs(v) for v in at_point):
                        return False
    except (Uncheckable, ValueError, TypeError):
        return False
    return True


def _missing_factor(claim, truth, sample, tolerance, also=()):
    """claim = k * s**p * truth for a symbol s of either side or of a change of variables
    (``also``), p = +-1, +-2, +-1/2?"""
    symbols = sorted((s for s in claim.free_symbols | truth.free_symbols | set(also)
                      if not isinstance(s, VectorSymbol)), key=str)
    for symbol in symbols:
        for power in (1, -1, 2, -2, sp.Rational(1, 2), -sp.Rational(1, 2)):
            k = sample.ratio(claim / symbol**power, tolerance)
            if k is None or abs(complex(k)) < 1e-12 or not mpmath.isfinite(k):
                continue
            nice = nice_number(k)
            exponent = diagnosis.exponent_of(claim, symbol)
            if nice == 1 and exponent and exponent != power:    # c^2 where c^3 is right
                right = symbol**(exponent - power)
                return (f"wrong exponent: {show(symbol**exponent)} where {show(right)} is right",
                        ("exponent", symbol, exponent, exponent - power))
            factor = (nice if nice is not None else 1) * symbol**power
            if claim.has(symbol):
                where = "extra"
            elif truth.has(symbol):
                where = "missing"
            else:        # brought in by a change of variables (M_E = 4 pi B_E R_E^3/mu_0):
                where = "extra" if power > 0 else "missing"     # "extra 1/mu_0" is missing mu_0
            if where == "missing":
                factor = 1 / factor
            return f"{where} factor {show(factor)}", (f"{where}-factor", factor)
    return None


_ANGLES = {S.alpha, S.alpha_eq, S.alpha_0, S.alpha_lc, S.lam, S.lam_m, S.y}


def _constant(values):
    """Is a sampled side the same at every point (it says nothing there)?"""
    first = values[0]
    return all(norm(value - first if not isinstance(value, list) else
                    [a - b for a, b in zip(value, first)]) <= 1e-12 * max(norm(first), 1e-30)
               for value in values)


def _limit(expr, symbol):
    """``expr`` as ``symbol`` goes to infinity (c: the Newtonian limit)."""
    if isinstance(expr, sp.MatrixBase):
        return expr.applyfunc(lambda e: _limit(e, symbol))
    return _scalar_limit(expr, symbol)


@functools.lru_cache(maxsize=1024)
def _scalar_limit(expr, symbol):       # cached: every reading takes the same result's limit
    return sp.limit(expr, symbol, sp.oo)


def _rhs(statement):
    return statement.rhs if isinstance(statement, sp.Equality) else statement


def _rebuild(lhs, rhs):
    return sp.Eq(lhs, rhs, evaluate=False) if lhs is not None else rhs


def _alignments(claim, truth):
    """Ways to compare: (claim side, truth side, left side of the corrected formula,
    definitions added to the frame).

    The same quantity on the left, or a component u . X of the result's X: compare the
    right sides (u . the result's); the same quantity alone on the right (W_0): first
    the left sides.  Otherwise, in this
    order: the result solved for the claim's left side (the claim stays as
    written); the result as the definition of its left side, with the claim
    judged as an identity; the claim solved for the result's left side; both
    solved for a shared symbol; last, if the result is an identity in the
    checking frame, the claim must be one too (left side "identity").
    """
    if not isinstance(claim, sp.Equality):
        yield claim, _rhs(truth), None, {}
        return
    if not isinstance(truth, sp.Equality):
        yield claim.rhs, truth, claim.lhs, {}
        return
    if isinstance(claim.lhs, AppliedUndef) and isinstance(truth.lhs, AppliedUndef) and \
            claim.lhs.func == truth.lhs.func and claim.lhs != truth.lhs and \
            truth.rhs.has(sp.Integral):
        yield claim.rhs, claim.lhs, claim.lhs, {}   # T(sin alpha): T at its own argument
        return
    if claim.lhs == truth.lhs:
        if isinstance(truth.lhs, AppliedUndef) and truth.rhs.has(sp.Integral):
            yield claim.rhs, truth.lhs, claim.lhs, {}    # T(y) itself, not its quadrature
            return
        yield claim.rhs, truth.rhs, claim.lhs, {}
        return
    if claim.rhs == truth.rhs and isinstance(claim.rhs, sp.Symbol) and \
            isinstance(claim.lhs, sp.Add) and isinstance(truth.lhs, sp.Add) and \
            len(claim.lhs.args) == len(truth.lhs.args):   # m v^2/2 + mu B = W_0: the sums
        yield claim.lhs, truth.lhs, claim.rhs, {}
    if isinstance(claim.lhs, Dot) and truth.lhs in claim.lhs.args:   # a component
        axis = claim.lhs.args[1] if claim.lhs.args[0] == truth.lhs else claim.lhs.args[0]
        yield claim.rhs, Dot(axis, truth.rhs), claim.lhs, {}
        return
    solved = _solve_for(truth, claim.lhs)
    if solved is not None:
        yield claim.rhs, solved, claim.lhs, {}
    named = truth.lhs
    if isinstance(named, sp.Symbol) and claim.rhs.has(named) and not claim.lhs.has(named):
        yield claim.rhs, claim.lhs, claim.lhs, {named: truth.rhs}
    solved = _solve_for(claim, truth.lhs)
    if solved is not None:
        yield solved, truth.rhs, truth.lhs, {}
    factor, vector = truth.lhs.as_independent(VectorSymbol, as_Add=False) \
        if isinstance(truth.lhs, (sp.Mul, VectorSymbol)) else (None, None)
    if isinstance(vector, VectorSymbol) and claim.has(vector) and claim.lhs != vector:
        # m dv/dt = q v x B defines dv/dt: a claim about a component of it (m dv_x/dt =
        # q v_y B) must then hold as an identity
        yield claim.rhs, claim.lhs, claim.lhs, {vector: truth.rhs / factor}

    shared = sorted(claim.free_symbols & truth.free_symbols, key=lambda s: (
        s not in claim.lhs.free_symbols, str(s)))
    for symbol in shared if not is_vector(claim.lhs) else ():
        mine, theirs = _solve_for(claim, symbol), _solve_for(truth, symbol)
        if mine is not None and theirs is not None and mine.free_symbols and \
                theirs.free_symbols:          # m = 0 from both is no comparison
            yield mine, theirs, symbol, {}
            break
    yield claim.rhs, claim.lhs, "identity", {}


def _has_a_power_of(expr, target):
    """Does ``expr`` hold a whole power of the power ``target`` (sin^4 of sin^2)?"""
    return isinstance(target, sp.Pow) and any(
        power.base == target.base and power != target and (power.exp / target.exp).is_integer
        for power in expr.atoms(sp.Pow))


_SOLVABLE_OPS = 40     # the largest equation solved for a symbol (operations, SymPy's count)


@functools.lru_cache(maxsize=4096)
def _solve_for(equation, target):
    """``equation`` solved for the expression ``target`` (unique solution), or None; a
    power of it counts (sin^4 alpha is (sin^2 alpha)^2: the mirror-latitude polynomial)."""
    if any(isinstance(side, sp.MatrixBase) for side in equation.args) or \
            not (equation.has(target) or _has_a_power_of(equation, target)):
        return None
    operators = [node for node in sp.preorder_traversal(equation)
                 if isinstance(node, (Cross, Dot, Grad, DirectionalDerivative, Curl, Div))]
    if any(node.has(target) and node != target for node in operators):
        return None                     # e.g. v inside v x B: not linear algebra
    marker = sp.Dummy("target")
    residual = (equation.lhs - equation.rhs).subs(target, marker)
    if residual.has(target) or any(call.has(marker) for call in residual.atoms(AppliedUndef)) \
            or sp.count_ops(residual) > _SOLVABLE_OPS:
        return None      # inside T(y), or too big: SymPy's solver would take seconds
    try:
        solutions = sp.solve(residual, marker, check=False, simplify=False)
    except Exception:            # SymPy's solver refuses many forms (vectors inside Dot ...)
        return None
    divides = sp.fraction(sp.together(residual))[1].has(marker)
    real = [s for s in solutions if s.is_real is not False and not (divides and s.is_zero)]
    # (m = 0 "solves" B L^3/m = 1 + ... unchecked: a pole, not a solution)
    if len(real) == 2 and sp.simplify(real[0] + real[1]) == 0:    # +-x: the magnitude
        real = [s for s in real if not s.could_extract_minus_sign()] or real
    positive = [s for s in real if s.is_nonnegative]
    chosen = real if len(real) == 1 else positive
    if target.is_positive and len(positive) == 1:
        chosen = positive
    return chosen[0] if len(chosen) == 1 else None
