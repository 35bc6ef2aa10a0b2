r"""Worked numbers in a document, recomputed from the derived results.

:func:`judge_number` takes one relation of a document and, when it states a number
(``$\tau_b \approx 0.4$ s``, ``$|\Omega_e| = 5.46 L^{-3}$ MHz``,
``$\alpha_{lc} \approx 5^\circ$ at $L = 4$``, ``\sqrt{\mathcal{E}(\text{MeV})}
(L/11.1)^3``), judges it:

1. **What is quoted** (:mod:`~guidingcenter.check.documents.quoted`): the quantity and
   the number side -- a value with its unit, a coefficient of a power law
   (``5.46 L^{-3}``), or an engineering formula whose inputs carry units
   (``\mathcal{E}(\text{MeV})``, ``\text{ hours}``).
2. **What it is recomputed from.**  The derived results about that quantity
   (:mod:`guidingcenter.registry`, evaluated with mpmath; the dipole integrals T, D, Y
   of :mod:`guidingcenter.dipole`): relativistic, unless the document's own formula for
   the quantity is the Newtonian one (in the energy or the speed, free of c, gamma and
   the momentum) -- then
   the Newtonian result, and the verdict says so.  With no derived result, the
   document's own formula (an earlier link of the chain, a formula stating the symbol,
   the labelled expression) is evaluated: the number is checked against its own
   arithmetic.  A labelled factor with fitted decimals (``3.7 - 1.6\sin\alpha_{eq}``)
   is recomputed as the factor the derived result implies.
3. **Inputs.**  What the document states nearby: L, the energy, the pitch angle, the
   particle (by subscript or by word, "Elektronen"), its own constants B_E, R_E, M_E
   (anywhere before; else the toolkit's, named in the verdict).  An input the value
   does not depend on need not be given (``\alpha = 90^\circ`` at ``v_\parallel = 0``).
   A missing input makes the number ``not-checkable``, naming it.
4. **Tolerance** from the digits quoted: half a unit in the last digit of each number
   (the trailing zeros of a round number after ``\approx`` are no digits: ~1000 km),
   times how strongly the result depends on it (``(L/11.1)^3``: three times).  A miss
   is diagnosed as a simple factor (2, 2 pi, a power of ten) when one explains it
   (:func:`guidingcenter.catalog.evaluate._judge_number`).  An engineering formula with
   fitted decimals is judged as an approximation over its inputs' range
   (:func:`guidingcenter.check.judge.compare`).
5. **Tracing.**  An input that is itself a worked number of the document (``B_E =
   \mu_0 M_E/(4\pi R_E^3) = 3.11 \times 10^{-5}`` T) is judged first; a number that
   follows from a wrong one is traced to it: consistent with the wrong value, and what
   it would be with the right one.

Anything else (a formula without a number) gives ``None``: the checker judges it.
"""

import math
import re
from dataclasses import dataclass, replace

import mpmath
import sympy as sp

from guidingcenter import constants
from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.catalog.evaluate import _ANGULAR, _judge_number, computed_value
from guidingcenter.catalog.model import Entry
from guidingcenter.check.conditions import DOMAINS
from guidingcenter.check.documents import names as N
from guidingcenter.check.documents.context import DocumentContext, document_context
from guidingcenter.check.documents.formulas import clean, split_relations
from guidingcenter.check.documents.quoted import (PARTICLE_NAMES, TRAILING_UNIT,
                                                  UNIT_ANNOTATED, meaning_of, read_quoted,
                                                  species_plain)
from guidingcenter.check.documents.units import unit, units
from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import Verdict
from guidingcenter.check.judge import Uncheckable, compare
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.parsing import parse_latex
from guidingcenter.particles import charge_and_mass
from guidingcenter.vectors import is_vector

__all__ = ["judge_number", "LOCAL_LINES"]

LOCAL_LINES = 12          # inputs (L, energy, pitch angle, particle) are looked for this near
_CONSTANT_RATIO = 1e-9    # a ratio that varies less than this over the inputs is constant
_INDEPENDENT = 1e-12      # a value that changes less than this does not depend on an input
_POINTS = 7               # sample points of an engineering formula's inputs
_PHYSICAL = {S.e: constants.e, S.m_e: constants.m_e, S.m_i: constants.m_p,
             S.c: constants.c, S.mu_0: constants.mu_0}
_EARTH = {"R_E": S.R_E, "B_E": S.B_E, "M_E": S.M_E}
# input ranges of an engineering formula (SI): energies keV..MeV, dipole L, pitch angles
_RANGES = {S.W: (1e3 * constants.e, 1e6 * constants.e), S.L: (1.5, 8.0),
           S.y: (0.05, 0.95), S.alpha_eq: (0.05, 1.5), S.alpha: (0.05, 1.5),
           S.lam: (-1.0, 1.0)}


_CONTEXTS = {}            # id(document) -> (document, its DocumentContext), the latest few


def _context_of(document):
    """The :class:`DocumentContext` of ``document`` (read once per document)."""
    if isinstance(document, DocumentContext):
        return document
    if not hasattr(document, "text") or not hasattr(document, "formulas"):
        raise TypeError("document: give a DocumentContext or a document with text and "
                        f"formulas, not {type(document).__name__}")
    kept = _CONTEXTS.get(id(document))
    if kept is None or kept[0] is not document:
        if len(_CONTEXTS) >= 4:
            _CONTEXTS.pop(next(iter(_CONTEXTS)))
        kept = (document, document_context(document.text, document.formulas))
        _CONTEXTS[id(document)] = kept
    return kept[1]


def judge_number(relation, document, context=None):
    """The :class:`~guidingcenter.check.formula.Verdict` on a worked number, or None.

    Parameters
    ----------
    relation
        One relation of the document: ``line``, ``quote``, ``latex``; for a link of a
        chain also ``chain`` (the whole chain) and ``link`` (its index), as
        :class:`guidingcenter.check.documents.extract.Relation` has them.
    document : DocumentContext or Document
        What :func:`~guidingcenter.check.documents.context.document_context` read from
        the document (values, labels, definitions), which remembers the numbers judged;
        or the document itself (``text`` and ``formulas``), whose context is then read
        once and kept for its other relations.
    context : Context, optional
        The checker context in force at the relation's line (default:
        ``document.at(relation.line)``).

    Returns
    -------
    Verdict or None
        None when the relation states no number (the checker judges it).
    """
    document = _context_of(document)
    line = int(relation.line)
    key = (line, relation.quote)
    if key in document.memo:
        return document.memo[key]
    document.memo[key] = None                  # a cycle (B_E from B_E) is not a number
    quoted = read_quoted(relation, document, context or document.at(line))
    verdict = None if quoted is None else _Judgement(relation, quoted, document).run()
    document.memo[key] = verdict
    return verdict


# --- the judgement -----------------------------------------------------------------------------

class _Missing(Exception):
    """Inputs the document does not state (the message names them; ``symbols``)."""

    def __init__(self, message, symbols=()):
        super().__init__(message)
        self.symbols = tuple(symbols)


class _Judgement:
    """One worked number: its sources, inputs and verdict."""

    def __init__(self, relation, quoted, document, overrides=None):
        self.relation, self.quoted, self.document = relation, quoted, document
        self.line = int(relation.line)
        self.offset = getattr(relation, "start", None)     # where it stands on its line
        self.key = (self.line, relation.quote)
        self.overrides = overrides or {}        # corrected values of wrong inputs
        self.notes, self.traces = [], []
        self.relativistic = {}                  # symbol -> its relativistic result's rhs
        self.given = {}                         # symbol -> the document's value, as given

    def run(self):
        """The verdict; a number whose inputs include a wrong number of the document is
        judged again with the right input, and traced to the wrong one."""
        verdict = self._run()
        if verdict is None or not self.traces or \
                verdict.verdict not in ("holds", "holds-with-condition", "erratum"):
            return verdict
        overrides = {symbol: right for symbol, _, right in self.traces}
        again = _Judgement(self.relation, self.quoted, self.document, overrides)._run()
        wrong = "; ".join(f"the document's {symbol} = {_shown(stated.value, stated)} at line "
                          f"{stated.line} is wrong (recomputed {_shown(right, stated)})"
                          for symbol, stated, right in self.traces)
        if again.ok:
            return replace(again, reason="; ".join(filter(None, (again.reason, wrong +
                                                                  " but this number is "
                                                                  "right"))))
        if verdict.ok:
            diagnosis = (f"follows from a wrong number: {wrong}; it is consistent with the "
                         f"wrong value; with the right one: {again.diagnosis}")
        else:
            diagnosis = f"{again.diagnosis}; also {wrong}"
        return replace(again, diagnosis=diagnosis)

    def _formula_of_variables(self):
        """Is the number side a formula in variables (a fit), not a value?"""
        try:
            return bool(self.quoted.side.expression().free_symbols)
        except (ParseError, AttributeError):
            return False

    def _run(self):
        quoted = self.quoted
        statement = self._statement()
        try:
            source = self._source()
        except _Missing as missing:
            return Verdict("not-checkable", statement, reason=str(missing))
        if source is None:
            if self._formula_of_variables():
                return None          # T(y) = 1.30 - 0.56 y: a fit, judged by the checker
            return Verdict("not-checkable", statement,
                           reason=f"a value the document gives for {self._name()} (a datum, "
                                  f"or an input of its worked numbers): nothing derived to "
                                  f"recompute it from")
        truth, against, words = source
        alternative = self._alternative(truth, source)
        if self._cyclic():
            truth, words = truth / (2 * sp.pi), words + " over 2 pi (a frequency in Hz is cyclic)"
            alternative = alternative / (2 * sp.pi) if alternative is not None else None
        self.alternative = alternative
        try:
            inputs = self._inputs(truth, quoted.claim)
        except _Missing as missing:
            plain = quoted.formula is None and not quoted.quoted.free_symbols
            given = f"a value the document gives for {self._name()}; " if plain else ""
            return Verdict("not-checkable", statement, against=against,
                           reason=f"{given}{missing} (needed to recompute it from {words})")
        free = sorted((_in_y(quoted.claim).free_symbols | _in_y(truth).free_symbols)
                      - set(inputs), key=str)
        if free:
            return self._over_range(truth, inputs, free, against, words, statement)
        return self._at_point(truth, inputs, against, words, statement)

    # --- sources ---------------------------------------------------------------------
    def _cyclic(self):
        """Is an angular frequency (the gyrofrequency, the drift frequency) quoted in Hz,
        cycles per second?"""
        unit_found, lhs = self.quoted.unit, self.quoted.lhs
        return unit_found is not None and unit_found.name.endswith("Hz") and \
            lhs is not None and bool(set(_ANGULAR) & sp.sympify(lhs).free_symbols)

    def _alternative(self, truth, source):
        """The relativistic counterpart of a Newtonian truth (None if there is none):
        the same expression with the relativistic results in place of the Newtonian ones
        chosen because the document's formula is Newtonian."""
        if not self.relativistic:
            return None
        newtonian = {rhs: relativistic for rhs, relativistic in self.relativistic.values()}
        alternative = truth
        for rhs, relativistic in newtonian.items():
            alternative = alternative.xreplace({rhs: relativistic}) if alternative.has(rhs) \
                else alternative
        if alternative == truth:
            # the truth was built from the Newtonian rhs by division (a label's factor)
            for rhs, relativistic in newtonian.items():
                alternative = sp.sympify(truth * relativistic / rhs)
                break
        return alternative

    def _statement(self):
        quoted = self.quoted
        lhs = quoted.lhs if quoted.lhs is not None else sp.Symbol(quoted.label or "x")
        if quoted.magnitude:
            lhs = sp.Abs(lhs)
        shown = quoted.side.expression(rational=False) * sp.Float(
            quoted.unit.si if quoted.unit else 1.0, 15)           # in SI, with decimals
        return sp.Eq(lhs, shown, evaluate=False)

    def _name(self):
        quoted = self.quoted
        return quoted.label or (sp.sstr(quoted.lhs) if quoted.lhs is not None else "it")

    def _source(self):
        """``(truth expression, result name, words)`` to recompute the quantity from."""
        quoted = self.quoted
        if quoted.reading.startswith("a conversion"):
            return quoted.formula, "", f"the unit {quoted.unit.name} (units.toml)"
        if quoted.label:
            return self._label_source()
        if isinstance(quoted.lhs, sp.Symbol) and not is_vector(quoted.lhs):
            found = self._derived(quoted.lhs)    # (a number is a vector's magnitude)
            if found is not None:
                return found
        sources = []                  # the first that the document gives every input for
        if quoted.formula is not None:
            sources.append((quoted.formula, "", "the document's own formula (same line)"))
        sources.append(self._stated(quoted.lhs))
        if not isinstance(quoted.lhs, sp.Symbol):
            sources.append(self._derived_expression(quoted.lhs))
        sources = [source for source in sources if source is not None]
        complete = [source for source in sources if not self._missing(source[0])]
        if complete:
            return complete[0]
        return sources[0] if sources and quoted.formula is not None else None

    def _derived(self, symbol):
        """The derived result about ``symbol`` to use, specialized to the particle: the
        one the document gives the most inputs for; of those the relativistic one, unless
        the document's formula for the symbol is Newtonian."""
        candidates = _about(symbol)
        if not candidates:
            return None
        newtonian = self._document_is_newtonian(symbol)
        usable = []
        for result, rhs in candidates:
            rhs = self._specialize(rhs)
            missing = self._missing(rhs)
            usable.append((len(missing), "nonrelativistic" in result.conditions, result, rhs))
        if not usable:
            return None
        fewest = min(u[0] for u in usable)
        usable = [u for u in usable if u[0] == fewest]
        relativistic = [u for u in usable if not u[1] and u[3].has(S.c)]
        newton = [u for u in usable if u[1]]
        if newtonian and newton:
            choice = newton[0]
            self.notes.append(f"Newtonian, as the document's formula for "
                              f"{sp.sstr(symbol)} (line {newtonian})")
            if relativistic:
                self.relativistic[symbol] = (choice[3], relativistic[0][3])
        elif relativistic:
            choice = relativistic[0]
            if newton:
                self.notes.append("relativistic (the document gives no Newtonian formula "
                                  "for it)")
        else:
            choice = sorted(usable, key=lambda u: u[1])[0]
        result = choice[2]
        return choice[3], result.name, f"the derived result {result.name}"

    def _derived_expression(self, expression):
        """A quantity written as an expression of symbols with derived results
        (``\\rho_p/R_E``): each replaced by its result."""
        replacements = {}
        names = []
        for symbol in sorted(expression.free_symbols, key=str):
            found = self._derived(symbol)
            if found is not None:
                replacements[symbol] = found[0]
                names.append(found[1])
        if not replacements:
            return None
        return (expression.xreplace(replacements), ", ".join(names),
                "the derived results " + ", ".join(names))

    def _stated(self, quantity):
        """The document's own formula for the quantity: a formula definition before."""
        if quantity is None:
            return None
        for definition in reversed(self.document.definitions):
            if definition.how != "formula" or definition.role not in ("stated", "notation") or \
                    definition.line > self.line:
                continue
            if N.first_reading(definition.key) != quantity:
                continue
            try:
                expression = sp.sympify(definition.meaning, locals=S.by_name())
            except (sp.SympifyError, TypeError):
                continue
            return expression, "", f"the document's formula at line {definition.line}"
        return None

    def _label_source(self):
        """A label's value: its own expression, or the factor the derived result implies
        when it holds fitted decimals."""
        label = self.quoted.label
        definition = next(d for d in reversed(self.document.definitions)
                          if d.role == "label" and d.key == label and d.line <= self.line)
        try:
            expression = parse_latex(definition.meaning)
        except ParseError:
            raise _Missing(f"the expression labelled {label} at line {definition.line} "
                           f"cannot be read") from None
        if not expression.atoms(sp.Float):
            return expression, "", f"the expression labelled {label} (line {definition.line})"
        implied = self._implied_factor(definition, expression)
        if implied is not None:
            return implied
        return expression, "", f"the expression labelled {label} (line {definition.line})"

    def _implied_factor(self, definition, expression):
        """What a fitted factor of a formula for a derived quantity should be."""
        span = next((s for s in self.document.spans if s.line == definition.line), None)
        if span is None:
            return None
        for sides in split_relations(_unbrace(span.latex)):
            try:
                quantity = parse_latex(clean(sides[0][0]))
            except ParseError:
                continue
            for side, _ in sides[1:]:
                try:
                    whole = parse_latex(clean(side))
                except ParseError:
                    continue
                if not isinstance(whole, sp.Expr) or \
                        sp.simplify(whole.subs(expression, 1) * expression - whole) != 0:
                    continue
                derived = self._derived(quantity) if isinstance(quantity, sp.Symbol) else None
                if derived is None:
                    continue
                rest = whole / expression
                truth = _in_y(derived[0]) / _in_y(rest)
                return truth, derived[1], (f"the factor {self.quoted.label} of the derived "
                                           f"result {derived[1]} (its formula at line "
                                           f"{definition.line})")
        return None

    def _document_is_newtonian(self, symbol):
        """The line of the document's Newtonian formula for ``symbol`` (in the energy or
        the speed, free of c, gamma and the momentum): this relation's own number side,
        or an earlier formula for the symbol; 0 if there is none."""
        if _newtonian(self.quoted.claim.free_symbols):
            return self.line
        spans = [s for s in self.document.spans if s.line <= self.line]
        for span in reversed(spans):
            for sides in split_relations(_unbrace(span.latex)):
                plain, _, _ = species_plain(clean(sides[0][0]))
                key = latex_key(plain)
                if key is None or meaning_of(key, None) != symbol:
                    continue
                for side, _ in sides[1:]:
                    text = UNIT_ANNOTATED.sub(lambda m: " " + m.group(1) + " ",
                                               species_plain(clean(side))[0])
                    text = TRAILING_UNIT.sub("", text)
                    try:
                        expression = parse_latex(text)
                    except ParseError:
                        continue
                    if not isinstance(expression, sp.Expr):
                        continue
                    if _relativistic(expression.free_symbols):
                        return 0
                    if _newtonian(expression.free_symbols):
                        return span.line
        return 0

    # --- inputs ---------------------------------------------------------------------
    def _specialize(self, expression):
        """The particle's charge and mass put in (symbolically: e, m_i, m_e)."""
        species = self.quoted.species
        if not species:
            return expression
        charge = S.e if species == "p+" else -S.e
        mass = S.m_i if species == "p+" else S.m_e
        return expression.subs({S.q: charge, S.m: mass})

    def _missing(self, expression):
        """The inputs recomputing ``expression`` would lack (a trial: what it notes and
        traces is forgotten)."""
        notes, traces = list(self.notes), list(self.traces)
        try:
            self._inputs(expression, self.quoted.claim)
        except _Missing as missing:
            return missing.symbols
        finally:
            self.notes, self.traces = notes, traces
        return ()

    def _inputs(self, truth, claim):
        """Values (SI) for the symbols the recomputation needs, from the document."""
        claim = _in_y(claim)
        needed = sorted((_in_y(truth).free_symbols | claim.free_symbols), key=str)
        inputs, missing = {}, []
        coefficient = self._power_law_symbols(claim)
        for symbol in needed:
            if symbol in coefficient:
                continue                    # sampled: a coefficient of a power law
            value = self._value(symbol)
            if value is None:
                missing.append(symbol)
            else:
                inputs[symbol] = value
        missing = [s for s in missing if not self._independent(truth, inputs, s)]
        if missing:
            raise _Missing("not stated near line {}: {}".format(
                self.line, ", ".join(_describe(s) for s in missing)), missing)
        return inputs

    def _power_law_symbols(self, claim):
        """Dimensionless symbols of a number side: its power law, sampled over a range."""
        return {s for s in claim.free_symbols if s in _RANGES or s == S.y}

    def _independent(self, truth, inputs, symbol):
        """Does the recomputed value not depend on ``symbol`` (``v_perp`` of
        atan2(v_perp, 0))?"""
        low, high = _domain(symbol)
        try:
            values = [_evaluate(truth, {**inputs, symbol: x}) for x in (low, high)]
        except (ValueError, TypeError, ZeroDivisionError):
            return False
        if any(v is None for v in values):
            return False
        return abs(values[0] - values[1]) <= _INDEPENDENT * max(abs(values[0]), 1e-300)

    def _value(self, symbol):
        """The document's value of ``symbol`` (SI), its constants, the particle, or the
        toolkit's physical constants; None if there is none."""
        if symbol in self.overrides:
            return self.overrides[symbol]
        if symbol in _PHYSICAL:
            return _PHYSICAL[symbol]
        species = self.quoted.species
        if symbol in (S.q, S.m):
            if not species:
                return None
            charge, mass = charge_and_mass(species)
            return charge if symbol == S.q else mass
        if symbol in (S.v, S.p, S.gamma):
            return self._kinematics(symbol)
        if symbol == S.y:                   # y = sin(alpha_eq)
            equatorial = self._value(S.alpha_eq)
            if equatorial is not None and S.alpha_eq in self.given:
                self.given[S.y] = self.given[S.alpha_eq]
            return None if equatorial is None else math.sin(equatorial)
        name = str(symbol)
        earth = name in _EARTH
        stated = self.document.value(name, self.line, None if earth else LOCAL_LINES,
                                     self.offset)
        if stated is not None:
            self._trace(stated, symbol)
            self.given[symbol] = f"{symbol} = {_shown(stated.value, stated)}"
            return stated.value
        if name == "B_E":
            moment, radius = self._value(S.M_E), self._value(S.R_E)
            value = constants.mu_0 * moment / (4 * math.pi * radius**3)
            self.notes.append(f"B_E = mu_0 M_E/(4 pi R_E^3) = {value:.4g} T")
            return value
        if earth:
            value = getattr(constants, name)
            self.given[symbol] = None            # named in the notes, not among the inputs
            self.notes.append(f"the toolkit's {name} = {value:.6g}"
                              f" {'m' if name == 'R_E' else 'A m^2' if name == 'M_E' else 'T'}"
                              f" (the document gives none)")
            return value
        return None

    def _completed(self, expression, inputs):
        """``inputs`` with what else ``expression`` needs that the document or physics
        gives (c for the relativistic counterpart of a Newtonian truth), tried without
        notes or traces."""
        point = dict(inputs)
        notes, traces = list(self.notes), list(self.traces)
        try:
            for symbol in _in_y(expression).free_symbols - set(point):
                value = self._value(symbol)
                if value is not None:
                    point[symbol] = value
        finally:
            self.notes, self.traces = notes, traces
        return point

    def _kinematics(self, symbol):
        """Speed, momentum or Lorentz factor of the particle from its stated energy."""
        stated = self.document.value("v", self.line, LOCAL_LINES, self.offset)
        if symbol == S.v and stated is not None:
            return stated.value
        energy = self._value(S.W)
        mass = self._value(S.m)
        if energy is None or mass is None or energy < 0:     # a negative energy: no speed
            return None
        rest = mass * constants.c**2
        gamma = 1 + energy / rest
        if symbol == S.gamma:
            return gamma
        speed = constants.c * math.sqrt(1 - 1 / gamma**2)
        return speed if symbol == S.v else gamma * mass * speed

    def _trace(self, stated, symbol):
        """Judge the document's own number an input comes from; remember a wrong one."""
        span = self.document.span_of(stated.line, stated.quote)
        if span is None or stated.line == self.line:
            return
        piece = next((sides for sides in split_relations(span.latex)
                      if latex_key(clean(sides[0][0])) == stated.key), None)
        if piece is None:
            return
        latex = "".join(f" {relation} {side}" if relation else side for side, relation in piece)
        verdict = judge_number(_Relation(stated.line, latex, latex), self.document)
        right = self.document.memo.get(("si", stated.line, latex))
        if verdict is not None and verdict.verdict == "erratum" and right is not None and \
                all(t[0] != symbol for t in self.traces):
            self.traces.append((symbol, stated, right))

    # --- verdicts -------------------------------------------------------------------
    def _at_point(self, truth, inputs, against, words, statement):
        quoted = self.quoted
        computed = _evaluate(truth, inputs)
        if computed is None:
            return Verdict("not-checkable", statement, against=against,
                           reason=f"{words} cannot be evaluated at the document's inputs")
        if not self.overrides:
            self.document.memo[("si",) + self.key] = computed
        _, _, number, digits, printed = quoted.numbers[0]
        if re.search(r"\\approx|\\simeq|\\sim\b|\u2248", self.relation.latex) and \
                re.fullmatch(r"[1-9]\d*0", printed.strip()):
            digits = len(printed.strip().rstrip("0"))  # r_L ~ 1000 km: a round number
        value = _evaluate(quoted.claim, inputs)
        exact = _evaluate(self.alternative, self._completed(self.alternative, inputs)) \
            if self.alternative is not None else None
        entry = Entry(source="", quote=self.relation.quote, kind="number",
                      value=float(number), unit=quoted.unit.name if quoted.unit else "",
                      scale=value / float(number) if float(number) else 1.0, digits=digits,
                      compute=sp.Float(computed, 30),
                      relativistic=sp.Float(exact, 30) if exact is not None else None)
        row = _judge_number(entry)
        return self._verdict(row.verdict, row.diagnosis, row.computed, against, words,
                             statement, inputs, truth, condition=row.condition)

    def _over_range(self, truth, inputs, free, against, words, statement):
        """A coefficient or an engineering formula: over its inputs' range."""
        quoted = self.quoted
        points = _points(free, inputs)
        values = [(_evaluate(quoted.claim, p), _evaluate(truth, p)) for p in points]
        zero = self._zero_over_range(values, truth, free, against, words, statement, inputs)
        if zero is not None:
            return zero
        ratios = []
        for claim_value, true_value in values:
            if claim_value is None or true_value in (None, 0):
                return Verdict("not-checkable", statement, against=against,
                               reason=f"{words} cannot be evaluated over "
                                      f"{', '.join(map(_describe, free))}")
            ratios.append(claim_value / true_value)
        if 0 in ratios:             # the printed side vanishes somewhere, not throughout
            return Verdict("not-checkable", statement, against=against, reason=(
                f"the formula vanishes where {words} does not, over "
                f"{', '.join(map(_describe, free))}"))
        spread = max(ratios) / min(ratios) - 1
        if spread <= _CONSTANT_RATIO:
            return self._constant_ratio(ratios[0], truth, against, words, statement, inputs)
        powers = self._power_law_miss(truth, inputs, free)
        if powers:
            return self._verdict("erratum", powers, None, against, words, statement, inputs,
                                 truth)
        return self._approximation(truth, inputs, against, words, statement, spread)

    def _zero_over_range(self, values, truth, free, against, words, statement, inputs):
        """``alpha = 0`` where v_perp = 0: a zero, printed or derived, over the whole range
        (ratios of zeros say nothing); None when neither side is zero throughout."""
        if None in (v for pair in values for v in pair):
            return None
        printed_zero = all(claim == 0 for claim, _ in values)
        derived_zero = all(true == 0 for _, true in values)
        if printed_zero and derived_zero:
            return self._verdict("holds", "", 0.0, against, words, statement, inputs, truth)
        if not (printed_zero or derived_zero):
            return None
        over = ", ".join(map(_describe, free))
        if derived_zero:
            return self._verdict("erratum", f"the derived result is 0 over {over}", 0.0,
                                 against, words, statement, inputs, truth)
        constant = len({round(true, 12) for _, true in values}) == 1
        return self._verdict("erratum", f"0 where the derived result is not (over {over})",
                             values[0][1] if constant else None, against, words, statement,
                             inputs, truth)

    def _power_law_miss(self, truth, inputs, free):
        """``"wrong power of L: ..."`` when the side and the result differ by a power of
        its inputs only (``5.47 L^{-2}`` against L^-3), else ``""``."""
        claim = _in_y(self.quoted.claim)
        middle = {s: sum(_domain(s)) / 2 for s in free}
        powers = {}
        for symbol in free:
            low, high = _domain(symbol)
            ratios = []
            for x in (low, high):
                point = {**inputs, **middle, symbol: x}
                ratios.append(_evaluate(claim, point) / _evaluate(truth, point))
            powers[symbol] = sp.nsimplify(math.log(ratios[1] / ratios[0]) / math.log(high / low),
                                          tolerance=1e-6, rational=True)
        wrong = {s: k for s, k in powers.items() if k != 0}
        if not wrong or any(k.q > 2 for k in wrong.values()):
            return ""
        check = claim / sp.Mul(*[s**k for s, k in wrong.items()])
        ratios = [_evaluate(check, point) / _evaluate(truth, point)
                  for point in _points(free, inputs)]
        if max(ratios) / min(ratios) - 1 > _CONSTANT_RATIO:
            return ""
        words = []
        for symbol, k in wrong.items():
            printed = claim.as_powers_dict().get(symbol, 0)
            words.append(f"wrong power of {symbol}: {sp.sstr(symbol**printed)} where the "
                         f"derived result has {sp.sstr(symbol**(printed - k))}")
        return "; ".join(words)

    def _constant_ratio(self, ratio, truth, against, words, statement, inputs):
        """The number side has the right form: each quoted number judged by its digits;
        the miss is put on the number it is most sensitive to."""
        quoted = self.quoted
        sensitivities = [(_sensitivity(quoted.side, index, inputs), index, number, digits,
                          printed)
                         for index, (_, _, number, digits, printed) in enumerate(quoted.numbers)]
        sensitivities = [s for s in sensitivities if s[0]]
        if not sensitivities:
            return Verdict("not-checkable", statement, against=against,
                           reason="no number in it to judge")
        tolerance = sum(abs(s) * _half_unit(n, d) for s, _, n, d, _ in sensitivities)
        if abs(ratio - 1) <= tolerance:
            condition = self._relativistic_miss(sensitivities, tolerance, inputs)
            return self._verdict("holds-with-condition" if condition else "holds", "", None,
                                 against, words, statement, inputs, truth, condition=condition)
        sensitivity, index, number, digits, printed = max(sensitivities,
                                                          key=lambda s: abs(s[0]))
        implied = float(number) * ratio**(-1 / sensitivity)
        entry = Entry(source="", quote=self.relation.quote, kind="number", value=float(number),
                      digits=digits, compute=sp.Float(implied, 30))
        row = _judge_number(entry)
        diagnosis = row.diagnosis.replace("numeric example", f"the number {printed}")
        return self._verdict(row.verdict, diagnosis, None, against, words, statement, inputs,
                             truth, corrected_number=(index, implied, digits))

    def _relativistic_miss(self, sensitivities, tolerance, inputs):
        """For a Newtonian formula that holds: the condition it needs when the relativistic
        result differs by more than the digits quoted at its reference point (each input
        with a unit at 1 of that unit, 1 MeV; the others mid-range), else ``""``."""
        if self.alternative is None:
            return ""
        claim = _in_y(self.quoted.claim)
        point = dict(inputs)
        for symbol in claim.free_symbols:
            if symbol not in point:
                scale = self.quoted.side.scales.get(symbol)
                point[symbol] = scale or sum(_domain(symbol)) / 2
        point = self._completed(self.alternative, point)
        claimed, exact = _evaluate(claim, point), _evaluate(self.alternative, point)
        if claimed is None or not exact:
            return ""
        ratio = claimed / exact
        if abs(ratio - 1) <= tolerance:
            return ""
        sensitivity, _, number, digits, _ = max(sensitivities, key=lambda s: abs(s[0]))
        implied = float(number) * ratio**(-1 / sensitivity)
        where = ", ".join(f"{s} = {_shown_input(s, point[s], self.quoted)}"
                          for s in sorted(claim.free_symbols, key=str))
        return (f"non-relativistic speeds (v << c): the relativistic value is "
                f"{implied:.{max(digits, 2)}g}" + (f" at {where}" if where else ""))

    def _approximation(self, truth, inputs, against, words, statement, spread):
        """Fitted decimals: the checker's approximation against the result."""
        quoted = self.quoted
        value = sp.Symbol("value")       # both sides are numbers in SI units now
        claim = _in_y(quoted.claim.subs(_constants(inputs)))
        target = _in_y(truth.subs(_constants(inputs)))
        try:
            finding = compare(sp.Eq(value, claim, evaluate=False), sp.Eq(value, target),
                              name=against, approximate=True)
        except Uncheckable as error:
            return Verdict("not-checkable", statement, against=against,
                           reason=f"cannot compare it with {words}: {error}")
        return self._verdict(finding.verdict, finding.diagnosis, None, against, words,
                             statement, inputs, truth, condition=finding.condition)

    def _verdict(self, verdict, diagnosis, computed, against, words, statement, inputs, truth,
                 condition="", corrected_number=None):
        quoted = self.quoted
        used = "recomputed from " + words
        given = _inputs_text(inputs, self.quoted, self.given)
        notes = "; ".join(dict.fromkeys(self.notes))
        reading = quoted.reading if quoted.reading != "a conversion" else ""
        details = "; ".join(filter(None, (used, given, notes, reading)))
        corrected = None
        if verdict == "erratum":
            corrected = self._corrected(computed, corrected_number)
        if verdict == "holds-with-condition":
            condition = "; ".join(filter(None, (condition, notes)))
        result = registry.result(against.split(",")[0]) if against and \
            "," not in against else None
        return Verdict(verdict, statement, against=against,
                       derivation=result.derivation if result else "",
                       step=result.step if result else 0, condition=condition,
                       diagnosis="; ".join(filter(None, (diagnosis, details)))
                       if verdict == "erratum" else "",
                       corrected=corrected,
                       reason=details if verdict != "erratum" else "",
                       readings=tuple(filter(None, (reading,))))

    def _corrected(self, computed, corrected_number):
        quoted = self.quoted
        lhs = self._statement().lhs
        if corrected_number is not None:
            index, implied, digits = corrected_number
            printed = quoted.side.corrected(index, implied)
            if printed is None:
                return None
            if quoted.unit is not None and not TRAILING_UNIT.search(quoted.side.printed):
                printed += rf"\, {quoted.unit.show}"               # the unit stood after it
            return sp.Eq(lhs, sp.Symbol(printed), evaluate=False)   # the side as printed
        if computed is None:
            return None
        scale = quoted.unit.si if quoted.unit else 1.0
        value = sp.Float(computed / scale, max(quoted.numbers[0][3], 2) + 1)
        if quoted.unit:
            value = value * sp.Symbol(quoted.unit.show)
        return sp.Eq(lhs, value, evaluate=False)


def _shown_input(symbol, value, quoted):
    """An input value in the unit the formula gives it (W = 1 MeV), else in SI."""
    scale = quoted.side.scales.get(symbol)
    if scale:
        spelled = next((name for name, u in units().items() if u.si == scale and
                        u.dimension == "energy"), "")
        return f"{value / scale:.3g} {spelled}".strip()
    return f"{value:.3g}"


def _relativistic(symbols):
    return bool(symbols & {S.c, S.gamma, S.p})


def _newtonian(symbols):
    """In the energy or the speed, without c, gamma or the momentum."""
    return bool(symbols & {S.W, S.v}) and not _relativistic(symbols)


def _shown(value, stated):
    """An SI value in the unit a document's value was given in: ``3.11e-05 T``,
    ``30 deg``."""
    found = unit(stated.unit) if stated.unit else None
    return f"{value / found.si:.4g} {stated.unit}" if found else f"{value:.4g}"


def _about(symbol):
    """``[(result, expression for symbol)]``: the derived results with ``symbol`` as
    their left side, or solved for it from a left side that holds it alone
    (``sin(alpha_lc)^2 = ...`` gives alpha_lc; one solution in the symbol's range)."""
    found = []
    for result in registry.results().values():
        statement = result.statement
        if not isinstance(statement, sp.Equality) or isinstance(statement.lhs, sp.MatrixBase):
            continue
        if statement.lhs == symbol:
            found.append((result, statement.rhs))
        elif statement.lhs.free_symbols == {symbol} and not statement.rhs.has(symbol):
            solved = _solved(statement, symbol)
            if solved is not None:
                found.append((result, solved))
    return found


def _solved(statement, symbol):
    try:
        solutions = sp.solve(sp.Eq(statement.lhs, statement.rhs), symbol)
    except (NotImplementedError, ValueError, TypeError):
        return None
    low, high = _domain(symbol)
    inside = []
    for solution in solutions:
        probe = {s: sp.Rational(3, 2) for s in solution.free_symbols}
        try:
            value = complex(solution.subs(probe).evalf())
        except (TypeError, ValueError):
            continue
        if abs(value.imag) < 1e-12 and low - 1e-12 <= value.real <= high + 1e-12:
            inside.append(solution)
    return inside[0] if len(inside) == 1 else None


@dataclass(frozen=True)
class _Relation:
    line: int
    quote: str
    latex: str


# --- evaluation ------------------------------------------------------------------------------

def _unbrace(latex):
    """``\\underbrace{X}_{label}`` -> ``{X}`` (the parser reads the formula without labels)."""
    latex = re.sub(r"\\(?:underbrace|overbrace)\s*", "", latex)
    return re.sub(r"\}\s*[_^]\s*\{[^{}]*\}", "}", latex)


def _in_y(expression):
    """sin(alpha_eq) written y (the dipole results are functions of y = sin alpha_eq)."""
    expression = sp.sympify(expression)
    return expression.subs(sp.sin(S.alpha_eq), S.y).subs(S.alpha_eq, sp.asin(S.y))


def _evaluate(expression, inputs):
    """The value of ``expression`` at ``inputs`` (SI floats), with the dipole integrals
    (via :func:`guidingcenter.catalog.evaluate.computed_value`); None if it is not a
    finite real number."""
    expression = _in_y(expression)
    point = dict(inputs)
    if S.y not in point and S.alpha_eq in point:
        point[S.y] = math.sin(point[S.alpha_eq])
    entry = Entry(source="", quote="", kind="number", value=1.0, compute=expression,
                  inputs={k: sp.Float(v, 30) for k, v in point.items()})
    try:
        with mpmath.workdps(30):
            value = computed_value(entry)
    except (ValueError, TypeError, ZeroDivisionError):
        return None
    return value if math.isfinite(value) else None


def _sensitivity(side, index, inputs):
    """d ln(side)/d ln(number ``index``) at the inputs: how strongly the side depends on
    that number (1 for a coefficient, -3 for the 11.1 of (L/11.1)^3)."""
    step = 1e-8
    value = side.numbers[index][2]
    base_expression = side.expression()
    point = _sampled(base_expression, inputs)
    base = _evaluate(base_expression, point)
    moved = _evaluate(side.expression({index: value * (1 + step)}), point)
    if base in (None, 0) or moved is None:
        return 0.0
    return round(math.log(moved / base) / math.log1p(step), 4)


def _sampled(claim, inputs):
    point = dict(inputs)
    for symbol in claim.free_symbols - set(point):
        low, high = _domain(symbol)
        point[symbol] = (low + high) / 2
    return point


def _half_unit(number, digits):
    """Half a unit in the last digit quoted, relative to the number."""
    value = abs(float(number))
    exponent = math.floor(math.log10(value))
    return 0.5 * 10.0**(exponent - digits + 1) / value


def _domain(symbol):
    if symbol in _RANGES:
        return _RANGES[symbol]
    low, high = DOMAINS.get(symbol, (1, 2)) if isinstance(DOMAINS.get(symbol), tuple) else (1, 2)
    try:
        low, high = float(low.subs(_PHYSICAL) if hasattr(low, "subs") else low), \
            float(high.subs(_PHYSICAL) if hasattr(high, "subs") else high)
    except TypeError:
        low, high = 1.0, 2.0
    if low <= 0 < high:
        low = high / 10
    return low, high


def _points(free, inputs):
    """Sample points over the free symbols' ranges (log-spaced for energies)."""
    points = []
    for i in range(_POINTS):
        fraction = (i + 0.5) / _POINTS
        point = dict(inputs)
        for k, symbol in enumerate(free):
            low, high = _domain(symbol)
            f = (fraction + 0.37 * k) % 1.0
            point[symbol] = low * (high / low)**f if symbol == S.W else low + (high - low) * f
        points.append(point)
    return points


def _constants(inputs):
    """The inputs that are constants of the document or of physics (not sampled)."""
    return {k: sp.Float(v, 30) for k, v in inputs.items()}


def _describe(symbol):
    words = {"W": "the energy", "L": "L", "y": "the equatorial pitch angle",
             "alpha_eq": "the equatorial pitch angle", "alpha": "the pitch angle",
             "q": "the particle (its charge)", "m": "the particle (its mass)",
             "B": "the field B", "v": "the speed", "lambda": "the latitude"}
    return words.get(str(symbol), str(symbol))


def _inputs_text(inputs, quoted, given):
    """``with electron, L = 4, W = 1 MeV, ...``: the inputs as the document gave them."""
    shown = []
    for symbol, value in sorted(inputs.items(), key=lambda item: str(item[0])):
        if symbol in _PHYSICAL or symbol in (S.q, S.m):
            continue
        text = given.get(symbol, f"{symbol} = {value:.4g}")
        if text and text not in shown:
            shown.append(text)
    if quoted.species:
        shown.insert(0, PARTICLE_NAMES[quoted.species])
    return ("with " + ", ".join(shown)) if shown else ""
