"""The front door of the checker: a formula as text in, one verdict per relation out.

:func:`check_text` reads a formula (LaTeX as printed, or SymPy syntax) openly --
names the toolkit does not know, ambiguous names and generic left sides become
placeholders that are read in every way the notation table allows -- splits a
chain ``a = b = c`` into the relations it states, finds for each the derived
result it is about (:mod:`guidingcenter.check.matching`) and judges it.  The
answer is a :class:`Verdict` per relation:

* ``holds`` -- equal to a derived result (in SI or in Gaussian units; a
  ``\\propto`` relation up to its constant factor);
* ``holds-with-condition`` -- equal only under a condition the formula does not
  state (non-relativistic speeds, a current-free field, a sign of the charge,
  motion along B), or as an approximation whose largest error is given;
* ``erratum`` -- it differs, with the single edit that explains it when one
  does (a constant factor, a flipped sign, a wrong exponent, a wrong symbol or
  function, dimensional inconsistency ...) and the corrected formula;
* ``not-checkable`` -- nothing derived to compare it with (the reason names the
  quantity or the unknown symbol);
* ``refused`` -- it states nothing to check (a lone symbol, ``B = B``);
* ``undecided`` -- the time budget ran out (what was tried is listed).

A :class:`Context` carries what a document says about its own notation
(definitions of symbols, conditions it states) into the check.
"""

import dataclasses
import functools
import os
import re
import time
from dataclasses import dataclass, field

import sympy as sp

from guidingcenter import registry
from guidingcenter import symbols as S
from guidingcenter.check import diagnosis, notation
from guidingcenter.check.algebra import replaced
from guidingcenter.check.coefficients import judge_coefficient, numbered, power_of_ten
from guidingcenter.check.components import axis_of, named_component
from guidingcenter.check.conditions import CONDITION_KEYS, has_axis_components
from guidingcenter.check.contextual import in_context
from guidingcenter.check.dimensions import DIMENSIONLESS, Inconsistent, describe, dimension
from guidingcenter.check.documents.formulas import clean, split_relations
from guidingcenter.check.errors import ParseError
from guidingcenter.check.fieldline import between_mirror_points
from guidingcenter.check.frame_condition import solved_for_the_velocity
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.line_functions import along_the_line, differentiated, judged_on_the_line
from guidingcenter.check.judge import Uncheckable, compare, identity
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.matching import OutOfTime, search
from guidingcenter.check.orbit_coordinates import orbit_claim
from guidingcenter.check import complex_orbit
from guidingcenter.check.force_sum import split_forces
from guidingcenter.check.equations_of_motion import (across_b, cancelled, parallel_law,
                                                     rate_parts)
from guidingcenter.check.orbit_average import gyration_law
from guidingcenter.check.orbit_average import put_in as orbit_put_in
from guidingcenter.check.parsing import read
from guidingcenter.check.readings import (GENERIC, every_reading, options, placeholders,
                                          restated)
from guidingcenter.check.spelled import dims_of, is_spelled, key_of
from guidingcenter.check.spherical import by_components, judged_by_components
from guidingcenter.check.two_points import AtPoint, conserved, labelled, placements, plain
from guidingcenter.check.two_points import definitions as at_points
from guidingcenter.vectors import Cross, Dot, is_vector

__all__ = ["Verdict", "Context", "check_text", "check_statement", "VERDICTS", "BUDGET",
           "UNIT_SYSTEMS"]

UNIT_SYSTEMS = ("", "SI", "Gaussian")
VERDICTS = ("holds", "holds-with-condition", "erratum", "not-checkable", "refused",
            "undecided")
# Seconds for one relation; past it the verdict is "undecided".  GUIDINGCENTER_CHECK_BUDGET
# overrides it (the test suite sets a generous one: its verdicts must not depend on load).
BUDGET = float(os.environ.get("GUIDINGCENTER_CHECK_BUDGET", "5"))

# Conditions a remark after a formula may state ("for electrons", "v << c").
_REMARKS = (("electron", "negative-charge"), ("ion", "positive-charge"),
            ("proton", "positive-charge"), ("q>0", "positive-charge"),
            ("q<0", "negative-charge"), ("nonrelativ", "nonrelativistic"),
            ("non-relativ", "nonrelativistic"), ("v\\llc", "nonrelativistic"),
            ("vacuum", "vacuum"), ("curl-free", "vacuum"), ("current-free", "vacuum"),
            ("\\nabla\\timesb=0", "vacuum"))


@dataclass(frozen=True)
class Context:
    """What a document says about its notation.

    Attributes
    ----------
    definitions : dict
        Canonical LaTeX key of a spelling (see
        :func:`guidingcenter.check.latex.table.latex_key`) -> what it means: a
        SymPy expression in the symbols of :mod:`guidingcenter.symbols` (or the
        text of one in SymPy syntax).
    stated : tuple
        Keys of :data:`guidingcenter.check.conditions.CONDITION_KEYS` the
        document states (e.g. ``"nonrelativistic"``).
    units : str
        The units the document uses: ``"SI"``, ``"Gaussian"``, or ``""`` when it
        does not say (a formula is then judged in Gaussian units too where it
        looks Gaussian).
    """

    definitions: dict = field(default_factory=dict)
    stated: tuple = ()
    units: str = ""

    def __post_init__(self):
        if self.units not in UNIT_SYSTEMS:
            raise ValueError(f"units must be one of {', '.join(map(repr, UNIT_SYSTEMS))}, "
                             f"not {self.units!r}")


@dataclass(frozen=True)
class Verdict:
    """The verdict on one relation."""

    verdict: str                # one of VERDICTS
    statement: object = None    # the relation as read (SymPy)
    against: str = ""           # the derived result it was compared with
    derivation: str = ""
    step: int = 0
    condition: str = ""
    diagnosis: str = ""
    corrected: object = None    # the corrected relation (SymPy), errata and conditions only
    reason: str = ""            # not-checkable, refused, undecided: why
    readings: tuple = ()        # how names were read, in words
    edits: tuple = ()
    units: str = "SI"           # the units it was judged in: "SI" or "Gaussian"
    note: str = ""              # e.g. the factor of a proportionality
    unknown: tuple = ()         # names the toolkit does not know

    @property
    def ok(self):
        """Holds, with or without a condition."""
        return self.verdict in ("holds", "holds-with-condition")


def check_text(text, *, latex=True, against=None, context=None, budget=BUDGET):
    """Verdicts on every relation of ``text`` (a chain gives one per link).

    Raises :class:`~guidingcenter.check.errors.ParseError` when the text cannot
    be read at all, and :class:`~guidingcenter.registry.UnknownName` for an
    unknown ``against``.

    Examples
    --------
    >>> [v.verdict for v in check_text(r"\\rho = \\frac{m v_\\perp}{|q| B}")]
    ['holds-with-condition']
    >>> check_text(r"\\vec v = \\frac{\\vec E\\times\\vec B}{B^2}")[0].against
    'ExB_drift'
    """
    context = context or Context()
    result = registry.result(against) if against is not None else None
    try:
        relations, context = in_context(read(text, latex=latex, lookup=Lookup(
            open=True, definitions=context.definitions)), context)
        verdicts = _judged(relations, result, context, budget,
                           _written_sides(text) if latex else None)
    except ParseError as error:
        if error.unsupported:
            return [Verdict("not-checkable", reason=(
                f"{error.reason} ({error.excerpt}): the toolkit does not evaluate it"))]
        if not error.reason.endswith("(equations only)"):
            raise
        return [Verdict("not-checkable", reason=(
            f"an inequality ({error.reason.split()[0]}): the toolkit checks equations; an "
            "ordering such as r_L << L is a condition its results assume, not a result"))]
    verdicts = _as_words(text, latex, verdicts, result, context, budget) or verdicts
    return _braced(text, latex, verdicts, result, context, budget) or verdicts


def _judged(relations, result, context, budget, written=None):
    verdicts = []
    relations = _links(relations)
    if written is not None and len(written) != len(relations) + 1:
        written = None
    complex_text = complex_orbit.is_complex([r.statement for r in relations])
    for index, r in enumerate(relations):
        imaginary = complex_orbit.imaginary(r.statement, [q.statement for q in relations]) \
            if complex_text else None
        if imaginary is not None:
            verdicts.append(_complex(imaginary, r, result, context, budget))
            continue
        if written and isinstance(r.statement, sp.Equality) and \
                r.statement.lhs == r.statement.rhs and \
                (latex_key(written[index]) is None) != (latex_key(written[index + 1]) is None):
            verdicts.append(Verdict("holds", r.statement, note=(
                f"a definition the toolkit uses: {written[index + 1]} is how it reads "
                f"{written[index]}")))
            continue
        arithmetic = _arithmetic(relations[index - 1].statement, r.statement) if index else None
        if index and written and _values_put_in(relations[index - 1].statement, r.statement,
                                                written[index + 1]):
            verdicts.append(Verdict("not-checkable", r.statement, reason=(
                "numbers put in for the names of the side before (which number stands for "
                "which name is not written)" +
                ("; the arithmetic after it is judged" if index + 1 < len(relations) else ""))))
            continue
        own, expanded = _by_parts(r, result, context, budget)
        if expanded is not None and expanded.verdict == "erratum":
            verdicts.append(expanded)
            continue
        law = gyration_law(own)                  # m dv_g/dt = q v_g x B: the particle's v
        base = own if law is None else law
        spherical = by_components(base) if result is None and not arithmetic else None
        judge = functools.partial(_judge_one, relation=r, context=context, budget=budget)
        if spherical is not None:                   # B = k(-2 sin(lambda) e_r + ...)
            verdicts.append(judged_by_components(base, *spherical, judge))
            continue
        variants = [(between_mirror_points(_constant_in_time(statement)), notes)
                    for statement, notes in along_the_line(base, context.definitions)]
        if not arithmetic and (len(variants) > 1 or variants[0][1] or
                               differentiated(variants[0][0])):      # dR/dLambda, dB/ds
            verdicts.append(judged_on_the_line(variants, judge, result))
            continue
        statement = variants[0][0]
        solved = solved_for_the_velocity(statement)
        superposed = _superposed(solved, r, context, budget) \
            if not arithmetic and result is None else None
        verdict = arithmetic or _averaged(r) or superposed or \
            _as_orbit(solved, r, result, context, budget) \
            or check_statement(solved, kind=r.kind, remark=r.remark, against=result,
                               context=context, budget=budget, printed=r.units)
        if not verdict.ok and result is None:         # the Lorentz law plus a force
            added = _forces_added(solved, r, context, budget)
            if added is not None and (added.ok or verdict.verdict != "erratum" or (
                    "dimensionally inconsistent" in verdict.diagnosis and
                    "dimensionally inconsistent" not in added.diagnosis)):
                verdict = added
        if result is None and (not verdict.ok or verdict.condition == _ACROSS):
            verdict = _along_the_field(solved, verdict)    # m dv_par/dt = q E_par - mu dB/ds
        if result is None and not verdict.ok:
            verdict = _across_the_field(solved, verdict)   # F_perp = -m v_par^2 kappa + ...
        if index and verdict.verdict == "not-checkable":
            verdict = _joined(relations[index - 1], r) or verdict
        if law is not None:
            verdict = dataclasses.replace(verdict, readings=verdict.readings + (
                "the velocity named in the law of motion and its rate read as v and dv/dt",))
        if any(orbit_put_in(content) for content, _ in r.averaged):
            verdict = dataclasses.replace(verdict, readings=verdict.readings + (
                "inside < >: the Larmor orbit put in for the gyration's velocity and "
                "position (larmor_velocity, larmor_orbit)",))
        if expanded is not None:
            verdict = dataclasses.replace(verdict, readings=verdict.readings + (
                "the rates across and along B added into the rate of v_gc (their part along "
                "B, the rate of v_par b-hat, holds: parallel_velocity_rate)",))
        if solved is not statement:
            verdict = dataclasses.replace(verdict, statement=statement, note=(
                f"solved for the velocity by crossing with B: {sp.sstr(solved)}"))
        verdicts.append(verdict)
    return _components_named(relations, verdicts)


def _judge_one(statement, against, relation, context, budget):
    return check_statement(statement, kind=relation.kind, remark=relation.remark,
                           against=against, context=context, budget=budget,
                           printed=relation.units)


def _components_named(relations, verdicts):
    """A display of component relations (m dv_x/dt = q v_y B, m dv_y/dt = -q v_x B) states
    one vector: a flipped sign of one relation is the sign of that component."""
    sides = [r.statement.lhs if isinstance(r.statement, sp.Equality) else None
             for r in relations]
    if sum(side is not None and axis_of(side) is not None for side in sides) < 2:
        return verdicts
    return [named_component(v, side) if side is not None else v
            for v, side in zip(verdicts, sides)]


def _written_sides(text):
    r"""The sides of a one-chain formula as written (spaces dropped), or None:
    ``\kappa = (\hat b\cdot\nabla)\hat b`` is read as kappa = kappa, a definition
    (a name on one side, an expression on the other), where ``B = B``, ``v = v_0`` and
    ``\nabla B = (\nabla B)`` are tautologies."""
    pieces = split_relations(text)
    if len(pieces) != 1:
        return None
    return [re.sub(r"\s+|\\[,;:! ]", "", clean(side)) for side, _ in pieces[0]]


def _as_words(text, latex, verdicts, result, context, budget):
    """LaTeX reads ``en`` as e times n; a code's documentation means its energy.  When
    the product reading gives an erratum, the text is read again with each two-letter
    run the table knows taken as that name; the second reading is kept only when it
    has fewer errata, or as many but more of them compared with a derived result (not
    bare dimension errata; None otherwise)."""
    def errata(found):
        wrong = [v for v in found if v.verdict == "erratum"]
        return len(wrong), sum(not v.against for v in wrong)
    if not latex or not errata(verdicts)[0]:
        return None
    lookup = Lookup(open=True, definitions=context.definitions, short_words=True)
    try:
        relations = read(text, latex=True, lookup=lookup)
    except ParseError:
        return None
    if not lookup.words_read:
        return None
    again = _judged(relations, result, context, budget)
    if len(again) != len(verdicts) or errata(again) >= errata(verdicts):
        return None
    words = ", ".join(dict.fromkeys(lookup.words_read))
    return [dataclasses.replace(v, readings=v.readings + (
        f"{words} read as one name, not a product of letters",)) for v in again]


def _braced(text, latex, verdicts, result, context, budget):
    r"""``\sin(\alpha)^1/2`` reads as sin(alpha)/2: an erratum that holds with its
    exponents braced, ``^{1/2}``, is that exponent misprinted (the verdicts so diagnosed,
    or None)."""
    found = diagnosis.braced_exponents(text) if latex and any(
        v.verdict == "erratum" for v in verdicts) else None
    if found is None:
        return None
    braced, exponents = found
    try:
        again = _judged(read(braced, latex=True, lookup=Lookup(
            open=True, definitions=context.definitions)), result, context, budget)
    except ParseError:
        return None
    if len(again) != len(verdicts) or not any(
            old.verdict == "erratum" and new.ok for old, new in zip(verdicts, again)):
        return None
    typed = ", ".join(f"^{e}" for e in exponents)
    right = ", ".join(f"^{{{e}}}" for e in exponents)
    return [dataclasses.replace(
        new, verdict="erratum", statement=old.statement, condition="", corrected=new.statement,
        edits=(("exponent", typed, right),), diagnosis=(
            f"wrong exponent: {typed} without braces is a power divided by a number; with "
            f"{right} it holds" + (f" ({new.condition})" if new.condition else "")))
        if old.verdict == "erratum" and new.ok else old for old, new in zip(verdicts, again)]


def _as_orbit(statement, relation, against, context, budget):
    """A coordinate of a gyration as a function of time (x - x_0 = r_L sin(omega t + delta)),
    judged against that component of the derived orbit (see
    :mod:`guidingcenter.check.orbit_coordinates`); None when it is not one or cannot be
    compared so."""
    found = orbit_claim(statement, context.definitions) if against is None else None
    if found is None:
        return None
    claim, component = found
    claim = claim.xreplace({S.v: S.v_perp})      # the speed in the orbit's plane, across B
    verdict = check_statement(claim, kind=relation.kind, remark=relation.remark,
                              against=component, context=context, budget=budget,
                              printed=relation.units)
    return verdict if verdict.verdict in ("holds", "holds-with-condition", "erratum") else None


def _complex(statement, relation, against, context, budget):
    """A relation written with complex exponentials, i read as the imaginary unit (see
    :mod:`guidingcenter.check.complex_orbit`): a coordinate alone on the left is the real
    part of the right side, judged as the real orbit is; any other relation between the
    coordinates is judged on their analytic signals."""
    reading = "i read as the imaginary unit (the real part is understood)"
    if not isinstance(statement, sp.Equality):
        return Verdict("not-checkable", statement, reason="a complex expression, no relation")
    alone = not statement.lhs.has(sp.I) and not complex_orbit.mentions_coordinates(
        statement.rhs, context.definitions)
    found = complex_orbit.complex_relation(statement, context.definitions) \
        if against is None and not alone else None
    if found is not None:
        verdict, diagnosis, result, note = found
        return Verdict(verdict, statement, result.name, result.derivation, result.step,
                       diagnosis=diagnosis, readings=(reading,), note=note,
                       edits=(("sign-of-i",),) if diagnosis == complex_orbit.ROTATION
                       else (("differs",),) if diagnosis else ())

    def judged(claim):
        if claim.lhs.has(sp.I):
            return None
        real = sp.Eq(claim.lhs, complex_orbit.real_part(claim.rhs), evaluate=False)
        return _as_orbit(real, relation, against, context, budget) or check_statement(
            real, kind=relation.kind, remark=relation.remark, against=against,
            context=context, budget=budget, printed=relation.units)

    verdict = judged(statement)
    if verdict is None:
        return Verdict("not-checkable", statement, readings=(reading,), reason=(
            "a complex relation that is not one between the gyration's coordinates"))
    verdict = complex_orbit.sign_of_i(verdict, lambda: judged(
        complex_orbit.flip_i(statement)))
    return dataclasses.replace(verdict, readings=(reading,) + verdict.readings)


def _superposed(statement, relation, context, budget):
    """A drift velocity written as a sum of drifts (v_gc = E x B/B^2 + (mu/q) B x grad B/B^2):
    each term judged as a drift of its own.  Holds when every term holds against a
    different result; an erratum when one term is one; else None."""
    if not (isinstance(statement, sp.Equality) and isinstance(statement.rhs, sp.Add)
            and is_vector(statement.rhs) and is_spelled(statement.lhs)
            and any(o.value is GENERIC for o in options(statement.lhs))):
        return None
    terms = statement.rhs.args
    parts = [check_statement(sp.Eq(statement.lhs, term, evaluate=False), kind=relation.kind,
                             remark=relation.remark, context=context, budget=budget)
             for term in terms]
    decided = [p for p in parts if p.ok or p.verdict == "erratum"]
    if len(decided) < len(parts) or len({p.against for p in parts}) < len(parts) or \
            not all(p.against for p in parts):
        return None
    wrong = [(term, p) for term, p in zip(terms, parts) if p.verdict == "erratum"]
    if len(wrong) > 1:
        return None
    if wrong:
        (term, part), = wrong
        corrected = None if part.corrected is None else sp.Eq(
            statement.lhs, statement.rhs - term + part.corrected.rhs, evaluate=False)
        return dataclasses.replace(part, statement=statement, corrected=corrected,
                                   diagnosis=f"in the term {sp.sstr(term)}: {part.diagnosis}")
    conditions = "; ".join(dict.fromkeys(p.condition for p in parts if p.condition))
    return Verdict("holds-with-condition" if conditions else "holds", statement,
                   " + ".join(p.against for p in parts),
                   ", ".join(dict.fromkeys(p.derivation for p in parts)), 0, conditions,
                   readings=tuple(dict.fromkeys(r for p in parts for r in p.readings)),
                   units=parts[0].units, note="a sum of drifts, each term a derived drift")


def _forces_added(statement, relation, context, budget):
    """``m dv_gc/dt = q[E + v_gc x B + <v_L x (r_L . grad) B>]``: the Lorentz law and the force
    added judged each on its own (see :mod:`guidingcenter.check.force_sum`); holds when both
    hold, an erratum when one is; None otherwise."""
    found = split_forces(statement)
    if found is None:
        return None
    sign, force = found[1].rhs.as_coeff_Mul()
    if sign in (1, -1) and (force == S.F_vec or is_spelled(force) and any(
            o.value is GENERIC and o.vector for o in options(force))):   # ... + F: any force
        law = check_statement(found[0], kind=relation.kind, remark=relation.remark,
                              context=context, budget=budget)
        if not law.ok:
            return None
        names = f"{law.against} + force_equation_of_motion"
        if sign == 1:
            return dataclasses.replace(law, statement=statement, against=names, note=(
                "the Lorentz law and a force F added to it"))
        term = sp.sstr(found[1].rhs)
        return dataclasses.replace(law, verdict="erratum", statement=statement, against=names,
                                   condition="", diagnosis=f"flipped sign of the term {term}",
                                   edits=(("term-sign", found[1].rhs),))
    parts = [check_statement(part, kind=relation.kind, remark=relation.remark,
                             context=context, budget=budget) for part in found]
    if not all((p.ok or p.verdict == "erratum") and p.against for p in parts) or \
            sum(p.verdict == "erratum" for p in parts) > 1:
        return None
    names = " + ".join(p.against for p in parts)
    readings = tuple(dict.fromkeys(r for p in parts for r in p.readings))
    for part, what in zip(parts, ("the Lorentz force", "the force added")):
        if part.verdict == "erratum":
            return dataclasses.replace(part, statement=statement, corrected=None, against=names,
                                       readings=readings,
                                       diagnosis=f"in {what}: {part.diagnosis}")
    conditions = "; ".join(dict.fromkeys(p.condition for p in parts if p.condition))
    return Verdict("holds-with-condition" if conditions else "holds", statement, names,
                   parts[0].derivation, parts[0].step, conditions, readings=readings,
                   units=parts[0].units, note="the Lorentz law and a derived force added to it")


def _across_the_field(statement, verdict):
    """The force across B written as a sum of derived forces (see
    :func:`guidingcenter.check.equations_of_motion.across_b`), in place of a verdict that
    could not judge it, or of an erratum against one of them alone when the sum holds."""
    found = across_b(statement)
    if found is None:
        return verdict
    finding, readings = found
    if finding.verdict == "erratum" and (finding.edits == (("differs",),) or
                                         verdict.verdict == "erratum"):
        return verdict                      # no single slip: not enough to call it one
    if verdict.verdict == "erratum" and finding.verdict != "holds":
        return verdict
    return Verdict(finding.verdict, statement, "force_equation_of_motion", condition=(
        finding.condition), diagnosis=finding.diagnosis, corrected=finding.corrected,
        readings=readings, edits=finding.edits,
        note=f"the force across B: the sum of the results {finding.against}")


def _by_parts(relation, result, context, budget):
    """``(statement, verdict or None)``: the rate of v_gc written by its parts across and
    along B (see :func:`guidingcenter.check.equations_of_motion.rate_parts`), the part along
    B judged against parallel_velocity_rate: an erratum there is the verdict; else the
    relation with that part taken as the rate, a rate on both sides alike taken off."""
    statement = cancelled(relation.statement) if result is None else relation.statement
    parts = rate_parts(statement) if result is None else None
    if parts is None:
        return statement, None
    along = check_statement(parts[0], kind=relation.kind, remark=relation.remark,
                            against=registry.result("parallel_velocity_rate"),
                            context=context, budget=budget)
    if along.verdict == "erratum":
        return statement, dataclasses.replace(along, statement=relation.statement, diagnosis=(
            f"in the rate of v_par b-hat, {sp.sstr(parts[0])}: {along.diagnosis}"))
    if not along.ok:
        return statement, None
    return parts[1], along


# the orientation under which every force along B vanishes
_ACROSS = CONDITION_KEYS["perpendicular"].name


def _along_the_field(statement, verdict):
    """The equation of motion along B judged with the forces it names (see
    :mod:`guidingcenter.check.equations_of_motion`), in place of a verdict that could not
    judge it, or of an erratum that misread it (a dimension slip of q E_par read as an
    energy; F_par, the force along B by its name, then only when it holds); or of a
    verdict that it holds only where E and grad B are across B (where it says 0 = 0)."""
    found = parallel_law(statement)
    if found is None:
        return verdict
    finding, readings = found
    misread = verdict.verdict == "erratum" and (
        "dimensionally inconsistent" in verdict.diagnosis and
        "dimensionally inconsistent" not in finding.diagnosis or
        verdict.against == "parallel_equation_of_motion" and finding.verdict != "erratum")
    if verdict.verdict not in ("not-checkable", "undecided", "refused") and not misread \
            and verdict.condition != _ACROSS:
        return verdict
    result = registry.result("parallel_equation_of_motion")
    return Verdict(finding.verdict, statement, finding.against, result.derivation,
                   result.step, finding.condition, finding.diagnosis, finding.corrected,
                   readings=readings, edits=finding.edits,
                   note="the equation of motion along B with the forces it names")


def _joined(before, relation):
    """``v_{1,x} = -(v_perp r_L/B_0) <cos sin> dB_0/dx = 0``: a link of a chain that its first
    side cannot decide, judged between the two sides it joins when a gyro-average decides
    it (see :func:`_averaged`); None otherwise."""
    first, link = before.statement, relation.statement
    if not (isinstance(first, sp.Equality) and isinstance(link, sp.Equality)) or \
            first.lhs != link.lhs or not (before.averaged or relation.averaged):
        return None
    joined = dataclasses.replace(relation, statement=sp.Eq(first.rhs, link.rhs, evaluate=False),
                                 averaged=tuple(dict.fromkeys(before.averaged + relation.averaged)))
    verdict = _averaged(joined)
    if verdict is None and link.rhs == 0 and not isinstance(first.rhs, sp.MatrixBase) and \
            sp.expand(first.rhs) != 0:
        done = "; ".join(f"<{sp.sstr(content)}> = {sp.sstr(value)}"    # k <f> = 0, <f> != 0
                         for content, value in joined.averaged)
        verdict = Verdict("erratum", joined.statement, diagnosis=(
            f"the average over one gyration, done exactly: {done}; the side is then "
            f"{sp.sstr(first.rhs)}, not 0"), edits=(("differs",),),
            note="the average over one gyration, done exactly")
    if verdict is None:
        return None
    return dataclasses.replace(verdict, note=f"{verdict.note} (the link between the sides "
                                             "it joins)")


def _averaged(relation):
    """``<cos^2 omega_c t> = 1/2``: a relation its gyro-averages decide by algebra alone
    (see :mod:`guidingcenter.check.gyro_average`) holds when its sides are then equal; it
    is an erratum when they then differ by a constant factor, or differ at all while
    naming nothing but what the averages had inside (``<cos^2(omega t + phi_0)> =
    cos^2 phi_0``); None for any other relation (one about a derived quantity is judged
    as such)."""
    statement = relation.statement
    if not relation.averaged or not isinstance(statement, sp.Equality):
        return None
    done = "; ".join(f"<{sp.sstr(content)}> = {sp.sstr(value)}"
                     for content, value in relation.averaged)
    sides = [sp.zeros(3, 1) if side == 0 and any(isinstance(other, sp.MatrixBase) for other in
                                                  statement.args) else side
             for side in statement.args]                       # <(cos, sin, 0)> = 0
    matrices = [isinstance(side, sp.MatrixBase) for side in sides]
    if any(matrices) and not all(matrices):
        return None
    difference = sp.Matrix(sides[0]) - sp.Matrix(sides[1]) if all(matrices) else \
        sides[0] - sides[1]
    if (difference.applyfunc(sp.expand).is_zero_matrix if isinstance(
            difference, sp.MatrixBase) else sp.expand(difference) == 0):
        return Verdict("holds", statement, note=f"the average over one gyration, done "
                                                f"exactly: {done}")
    left, right = sides
    ratio = sp.simplify(right / left) if not any(matrices) and left != 0 else sp.nan
    factor = ratio.is_number and ratio.is_finite and ratio != 0 and \
        not any(is_vector(side) for side in sides)
    inside = set().union(*(sp.sympify(content).free_symbols
                           for content, _ in relation.averaged))
    if not factor and not difference.free_symbols <= inside:
        return None
    return Verdict("erratum", statement, diagnosis=(
        f"the average over one gyration, done exactly: {done}; the two sides are then "
        f"{sp.sstr(left)} and {sp.sstr(right)}" +
        (f" (a constant factor {sp.sstr(ratio)})" if factor else "")),
        edits=(("factor", ratio),) if factor else (("differs",),),
        note="the average over one gyration, done exactly")


ROUNDED = 0.05     # a worked number printed to two digits: within 5 % of its arithmetic


def _arithmetic(before, after):
    """The link between two numbers of a worked example (v = (1.67e-27)(274)/(...) ~ 2.9):
    the arithmetic, judged; None if the link is not between two numbers."""
    if not (isinstance(before, sp.Equality) and isinstance(after, sp.Equality)) or \
            before.lhs != after.lhs or not before.rhs.is_number or not after.rhs.is_number:
        return None
    worked, printed = complex(before.rhs), complex(after.rhs)
    if worked.imag or printed.imag or worked.real == 0 or printed.real == 0:
        return None
    worked, printed = worked.real, printed.real
    statement = sp.Eq(before.rhs, after.rhs, evaluate=False)
    off = printed / worked
    if abs(off - 1) <= ROUNDED:
        return Verdict("holds", statement, note=f"arithmetic: {worked:.4g}, printed "
                                                f"{printed:.4g}")
    factor = power_of_ten(off, ROUNDED) or sp.Float(off, 3)
    return Verdict("erratum", statement, diagnosis=f"arithmetic: the numbers make "
                   f"{worked:.4g}, not {printed:.4g} (off by a factor {sp.sstr(factor)})",
                   corrected=sp.Eq(before.rhs, sp.Float(worked, 3), evaluate=False),
                   edits=(("factor", factor),))


def _values_put_in(before, after, written):
    """``v = mg/(qB) = (1.67e-27)(274)/((1.6e-19)(1e-3))``: a link from a formula to the
    numbers put into it (in SI units, none written; not ``... = 0``)."""
    return isinstance(before, sp.Equality) and isinstance(after, sp.Equality) and \
        before.lhs == after.lhs and not isinstance(after.rhs, sp.MatrixBase) and \
        after.rhs.is_number and not before.rhs.is_number and \
        len(re.findall(r"\d+(?:\.\d+)?", re.sub(_POWER_OF_TEN, "", written))) >= 2


_POWER_OF_TEN = r"(\\times|\\cdot)?\s*10\^\{?[-+]?\d+\}?|[eE][-+]?\d+"      # 2\times10^{4}: one number


def _links(relations):
    """A chain whose first side names no particular quantity is judged by each side's
    expression as a quantity of that kind (J = n e (v_i - v_e) = n (m_i + m_e) g x B/B^2);
    a side that is a name (v = E x B/B^2 = v_E) is judged against the side before it."""
    first = relations[0].statement
    if len(relations) < 2 or not isinstance(first, sp.Equality) or \
            not _names_nothing(first.lhs):
        return relations
    linked = [relations[0]]
    for before, after in zip(relations, relations[1:]):
        if isinstance(after.statement, sp.Equality) and after.statement.lhs == first.lhs \
                and after.statement.rhs.is_Symbol and not _names_nothing(after.statement.rhs):
            after = dataclasses.replace(after, statement=sp.Eq(
                after.statement.rhs, before.statement.rhs, evaluate=False))
        linked.append(after)
    return linked


_MU = S.m * S.v_perp**2 / (2 * S.B)
_PITCH = {sp.sin(S.alpha): S.v_perp / S.v}
_PERPENDICULAR = {S.W_perp: S.m * S.v_perp**2 / 2, S.p_perp: S.gamma * S.m * S.v_perp}


def _constant_in_time(statement):
    """``X = const`` or ``dX/dt = 0``: mu = const is d mu/dt = 0 (its invariance); any
    other energy's constant is the energy integral's W_0 (m v_par^2/2 + q phi + mu B =
    const), less a potential q phi constant along the path where X leaves it out; a
    constant of another dimension without B (v_z = const) is left as it is."""
    if isinstance(statement, sp.Equality) and statement.rhs == 0 and \
            isinstance(statement.lhs, sp.Derivative) and statement.lhs.variables == (S.t,) \
            and not statement.lhs.expr.has(S.t):        # d/dt (m v_par^2/2 + mu B) = 0
        statement = sp.Eq(statement.lhs.expr, sp.Symbol("const"), evaluate=False)
    elif not isinstance(statement, sp.Equality) or not is_spelled(statement.rhs) or \
            key_of(statement.rhs) != "const":
        return statement
    first = {name: options(name)[0].value for name in placeholders(statement.lhs)
             if options(name) and options(name)[0].value is not GENERIC}
    left = replaced(statement.lhs, first)
    left = left.args[0] if isinstance(left, sp.Abs) else left
    if left == S.mu or sp.simplify(left.subs(_PERPENDICULAR).subs(_PITCH) / _MU).free_symbols \
            <= {S.m, S.q, S.e, S.c, S.gamma, S.v, S.p, S.W}:
        # v_perp^2/B, W_perp/B, p_perp^2/B, sin^2(alpha)/B: mu times constants of the particle
        # (gamma, v, p, W too: a static B does no work)
        return sp.Eq(sp.Derivative(S.mu_t, S.t), 0, evaluate=False)
    if _dimension_of(left) not in (None, dimension(S.W_0)) and not left.has(S.B):
        return statement    # v_z = const: no invariant the toolkit derives (v_perp/B is mu's)
    if left.has(S.B) and left.has(S.v_par) and not left.has(S.varphi_E):
        # m v_par^2/2 + mu B conserved (Chen 2.3.3, no parallel electric field): its
        # constant is W_0 - q phi, with phi the same all along the path; a formula that
        # states W_0 itself without q phi still needs phi = 0
        return sp.Eq(statement.lhs + S.q * S.varphi_E, S.W_0, evaluate=False)
    return sp.Eq(statement.lhs, S.W_0, evaluate=False)


def _dimension_of(expr):
    try:
        return dimension(expr)
    except Inconsistent:
        return None


def _names_nothing(lhs):
    found = options(lhs) if lhs in placeholders(lhs) else []
    return bool(found) and all(option.value == GENERIC for option in found)


def check_statement(statement, *, kind="exact", remark="", against=None, context=None,
                    budget=BUDGET, printed=()):
    """The :class:`Verdict` on one relation read by :func:`~guidingcenter.check.parsing.read`
    (``against``: a Result, or None for the best match; ``printed``: the units printed
    with it, for a formula with its constants multiplied out)."""
    context = context or Context()
    refusal = _refusal(statement)
    if refusal:
        return Verdict("refused", statement, reason=refusal)
    points = labelled(statement) if against is None else {}
    if not points:
        return _checked(statement, kind, remark, against, context, budget, printed)
    stated = tuple(context.stated) + _stated_by(remark)
    if not any(isinstance(s, AtPoint) for s in points):
        # B_1, alpha_2, B_m: the results about two points first (mirror_ratio), then what
        # stays the same between them
        verdict = _checked(statement, kind, remark, against, context, budget, printed)
        if verdict.verdict in ("holds", "holds-with-condition"):
            return verdict
        between = _at_two_points(statement, points, stated)
        return between if between is not None and (
            between.ok or verdict.verdict != "erratum") else verdict
    verdict = _at_two_points(statement, points, stated)
    if verdict is not None and (verdict.verdict != "erratum" or
                                len({p.label for p in points.values()}) > 1):
        return verdict
    # B_0 = B only where the field is uniform: r_L = m v_{perp 0}/(|q| B) is about the
    # speed the particle starts with
    statement = statement.xreplace({s: s.quantity for s in points if isinstance(s, AtPoint)})
    return _checked(statement, kind, remark, against, context, budget, printed)


def _checked(statement, kind, remark, against, context, budget, printed):
    """The verdict of :func:`check_statement` on a relation at one point."""
    try:
        readings = restated(statement, context.definitions) if against is None else None
    except Exception:           # a bug of this shortcut must not stop the check itself
        if os.environ.get("GUIDINGCENTER_DEBUG"):
            raise
        readings = None
    if readings is not None:
        return Verdict("holds", statement, note="it restates what its names mean",
                       readings=readings)
    if _orthogonality(statement):
        return Verdict("not-checkable", statement, reason=(
            "a condition on the vectors (a dot product zero: perpendicular; a cross "
            "product zero: parallel), not a result the toolkit derives"))
    unknown = tuple(p.name for p in placeholders(statement)
                    if not options(p, context.definitions))
    stated = tuple(context.stated) + _stated_by(remark)
    results = registry.results()      # built (or read from the cache) outside the budget
    deadline = time.monotonic() + budget if budget else None
    try:
        match = search(statement, results.values(), kind=kind, against=against,
                       definitions=context.definitions, stated=stated, deadline=deadline,
                       system=context.units, printed=printed)
        if kind == "exact" and match.finding.verdict == "erratum" and (
                _fitted(statement) or _closed_form_of_a_quadrature(statement, match.result)):
            # a published fit typed with "=" (T(y) = 1.30 - 0.56 y) is judged as a fit
            fit = search(statement, results.values(), kind="approximate",
                         against=against, definitions=context.definitions, stated=stated,
                         deadline=deadline, system=context.units, printed=printed)
            named = fit.finding.edits and fit.finding.edits != (("differs",),)
            if fit.finding.verdict != "erratum" or (
                    named and match.finding.edits == (("differs",),)):
                match = fit
        if match.finding.verdict == "erratum" and match.result is not None:
            if _worked_number(statement):
                return Verdict("not-checkable", statement, unknown=unknown, reason=(
                    "a worked number: the values it was worked out from are not given "
                    "(guidingcenter verify judges a document's worked numbers)"))
            match = _numbered(match, stated, printed)
            if _constants_folded(statement, match.finding):
                return Verdict("not-checkable", statement, unknown=unknown, reason=(
                    "a number with constants folded in for units the formula does not "
                    "state (SI, Gaussian, energies in eV, keV or MeV do not give it): "
                    f"compared with {match.result.name}, {match.finding.diagnosis}"))
        if match.finding.verdict == "erratum" and against is None and _definition(statement):
            return _defined(statement)               # L = r_eq/R_E is no erratum of L*
        if match.finding.edits == (("differs",),) and against is None:
            misdefined = _misdefined(statement, stated)    # B_max = B_E (4 + 3/L)^1/2
            if misdefined is not None:
                return dataclasses.replace(misdefined, unknown=unknown)
    except OutOfTime as out:
        return Verdict("undecided", statement, unknown=unknown,
                       reason=f"time budget of {budget:g} s ran out after comparing with "
                              f"{', '.join(dict.fromkeys(out.tried)) or 'nothing'}")
    except Uncheckable as error:
        if against is None and _definition(statement):
            return _defined(statement)
        return _unmatched(statement, unknown, str(error), kind,
                          every_reading=context.units != "Gaussian")
    except Exception as error:   # a bug of the checker must still be an answer, not a traceback
        if os.environ.get("GUIDINGCENTER_DEBUG"):
            raise
        return Verdict("not-checkable", statement, unknown=unknown,
                       reason=f"the checker failed on it ({type(error).__name__}: {error})")
    finding, result = match.finding, match.result
    if result is None:                    # K = E - E_0: what its names mean, restated
        return Verdict("holds", statement, note=finding.note, readings=match.way.notes,
                       unknown=unknown)
    corrected = _in_their_notation(finding.corrected, match.way) \
        if finding.verdict == "erratum" else None          # a correction only for an erratum
    condition = finding.condition
    if kind == "approximate" and finding.verdict == "holds-with-condition" and \
            "approximation" not in condition:      # E ~ mc^2 + mv^2/2 + ...: for v << c
        condition = f"as an approximation for {condition}"
    units = match.units
    if units == "SI numbers":       # a formulary's number: in the units it was found in
        units = "Gaussian" if "Gaussian units" in finding.condition + finding.diagnosis else "SI"
    return Verdict(finding.verdict, statement, result.name, result.derivation, result.step,
                   condition, finding.diagnosis, corrected, readings=match.way.notes,
                   edits=finding.edits, units=units, note=finding.note, unknown=unknown)


def _at_two_points(statement, points, stated):
    """The verdict on a formula about quantities at two points of one orbit
    (:mod:`guidingcenter.check.two_points`), its other names read the first way that
    lets it be judged, a point it does not fix placed where it holds; None if no reading
    can be judged."""
    result = registry.result("mu_invariant")
    erratum = None
    for claim, where in placements(statement.xreplace(points)):
        for substitution, words in every_reading(claim, per_name=2, limit=8):
            reading = replaced(claim, substitution) if substitution else claim
            located = {s for s in reading.free_symbols if isinstance(s, AtPoint)}
            values, domains = at_points(located, plain(reading))
            try:
                finding = identity(reading, values, name=result.name, domains=domains,
                                   stated=stated)
            except Uncheckable:
                continue
            notes = words + tuple(filter(None, [where])) + (conserved(located),)
            verdict = Verdict(finding.verdict, statement, result.name, result.derivation,
                              result.step, finding.condition, finding.diagnosis,
                              finding.corrected, readings=notes, edits=finding.edits)
            if finding.verdict != "erratum":
                return verdict
            erratum = erratum or verdict
            break
    return erratum


def _worked_number(statement):
    """tau_b = 0.4 s, B_0 = 3.12e-5 T, alpha = 0: a quantity's value, not a formula."""
    return isinstance(statement, sp.Equality) and statement.lhs.is_Symbol and \
        statement.rhs.is_Number


def _numbered(match, stated, printed):
    """The match judged as a formula with its constants multiplied out for some units
    (omega_ce = 1.76e11 B), when it is one."""
    found = judge_coefficient(match.way.claim, match.result.statement,
                              stated=tuple(stated) + tuple(match.way.stated), printed=printed)
    if found is None:
        return match
    match = dataclasses.replace(match, units="SI numbers")
    corrected = match.result.statement if found.verdict == "erratum" else None
    return dataclasses.replace(match, finding=dataclasses.replace(
        found, against=match.result.name, corrected=corrected))


def _misdefined(statement, stated):
    """The erratum of a definition the toolkit uses (a bridge of the notation table) that
    one edit explains, its names read the first ways; else None."""
    if not isinstance(statement, sp.Equality) or is_vector(statement.lhs) or \
            len(placeholders(statement)) > 4:
        return None
    for substitution, words in every_reading(statement, limit=8):
        claim = replaced(statement, substitution)
        if not isinstance(claim, sp.Equality) or not claim.lhs.is_Symbol:
            continue
        for bridge in notation.bridges():
            if bridge.symbol != claim.lhs or bridge.value.is_Symbol:
                continue
            definition = sp.Eq(bridge.symbol, bridge.value, evaluate=False)
            try:
                finding = compare(claim, definition, name=f"definition of {bridge.symbol}",
                                  stated=stated)
            except Uncheckable:
                continue
            if finding.verdict == "erratum" and finding.edits != (("differs",),):
                return Verdict("erratum", statement, finding.against, diagnosis=(
                    f"{finding.diagnosis} (against the definition {bridge.means}: "
                    f"{bridge.symbol} = {sp.sstr(bridge.value)})"),
                    corrected=finding.corrected, readings=words, edits=finding.edits)
    return None


def _defined(statement):
    return Verdict("holds", statement, note=f"the definition the toolkit uses: "
                                            f"{_definition(statement).means}")


@functools.lru_cache(maxsize=256)
def _definition(statement):
    """The change of variables of the notation table (L = r_eq/R_E, gamma = 1 + W/mc^2,
    B_max = B_E (4 - 3/L)^1/2) that ``statement`` restates, its names read the first way or
    (two names at most) another; else None."""
    if not isinstance(statement, sp.Equality) or is_vector(statement.lhs):
        return None
    if len(placeholders(statement)) > 4:
        return None
    for substitution, _ in every_reading(statement):
        claim = replaced(statement, substitution)
        if not isinstance(claim, sp.Equality) or sp.count_ops(claim) > 20 \
                or any(isinstance(side, sp.MatrixBase) for side in claim.args):
            continue
        difference = claim.lhs - claim.rhs
        for bridge in notation.bridges():
            if bridge.value.is_Symbol:      # "the reference point taken where the field is
                continue                    # B": a choice of point, not a definition
            if bridge.symbol in difference.free_symbols and \
                    bridge.value.free_symbols - {bridge.symbol} <= difference.free_symbols and \
                    sp.simplify(difference.subs(bridge.symbol, bridge.value)) == 0:
                return bridge
    return None


def _constants_folded(statement, finding):
    """wc = 89.8755 q B/mc2 (B in nT, q in e, mc2 in MeV): an erratum whose one edit is a
    factor of the formula's number and the constants (c, e, mu_0) it was worked out with."""
    if finding.verdict != "erratum" or not finding.edits or len(finding.edits[0]) < 2 or \
            finding.edits[0][0] not in ("factor", "extra-factor", "missing-factor") or \
            not numbered(statement.rhs if isinstance(statement, sp.Equality) else statement):
        return False
    factor = sp.sympify(finding.edits[0][1])
    return bool(factor.free_symbols) and factor.free_symbols <= {S.c, S.e, S.mu_0, S.m_e, S.m_i}


def _fitted(statement):
    """Coefficients with decimals (3.7, 0.56): the mark of a fitted formula."""
    return any(not number.is_Integer and not number.is_Rational or
               (number.is_Rational and number.q > 100)
               for number in statement.atoms(sp.Float, sp.Rational))


def _closed_form_of_a_quadrature(statement, result):
    """T = T0 - (T0 - T1)(y + sqrt y)/2: a formula without the integral (or the dipole's
    T, D, Y of a variable) that defines the result it is compared with can only be a fit
    of it."""
    def quadrature(expr):
        return expr.has(sp.Integral) or any(
            call.func.__name__ in ("T", "D", "Y") and call.free_symbols
            for call in expr.atoms(sp.core.function.AppliedUndef))
    return result is not None and isinstance(statement, sp.Equality) and \
        isinstance(result.statement, sp.Equality) and \
        quadrature(result.statement.rhs) and not quadrature(statement.rhs)


def _unmatched(statement, unknown, problem, kind="exact", every_reading=True):
    """No derived result to compare with: judge the dimensions (not of a proportionality,
    which drops constants), else say what is missing."""
    inconsistency = _dimension_problem(statement, every_reading) \
        if kind != "proportional" else ""
    if inconsistency and isinstance(statement, sp.Equality) and \
            all(side.is_Symbol for side in statement.args):
        # I = \oint p dq: a name given to a quantity, one the toolkit reads otherwise
        return Verdict("not-checkable", statement, unknown=unknown, reason=(
            f"{sp.sstr(statement.lhs)} names something else here than the quantity the "
            f"toolkit reads it as ({inconsistency}): nothing derived to compare with"))
    if inconsistency and _fitted(statement) and isinstance(statement, sp.Equality) and \
            DIMENSIONLESS in (_dimension_of(statement.lhs), _dimension_of(statement.rhs)):
        return Verdict("not-checkable", statement, unknown=unknown, reason=(
            f"a number with its units folded in ({inconsistency}), units not stated: "
            f"nothing derived to compare with ({problem})"))
    if inconsistency:
        return Verdict("erratum", statement, diagnosis=f"dimensionally inconsistent: "
                                                       f"{inconsistency}",
                       edits=(("dimension",),), unknown=unknown)
    if not isinstance(statement, sp.Equality):
        return Verdict("refused", statement, unknown=unknown, reason=(
            "a fragment: an expression without a relation, and not the value of anything "
            "derived; write it as an equation"))
    if unknown:
        reason = f"unknown symbol{'s' * (len(unknown) > 1)} {', '.join(unknown)}: " \
                 "nothing derived to compare with"
    else:
        subject = statement.lhs if isinstance(statement, sp.Equality) else statement
        reason = f"nothing derived about {sp.sstr(subject)} ({problem})"
    return Verdict("not-checkable", statement, reason=reason, unknown=unknown)


def _dimension_problem(statement, each=True):
    """Why ``statement`` is dimensionally inconsistent, or ``""``: inconsistent in every
    reading of its names (code's gm: gamma or gamma m; n k T with k the dipole constant or
    Boltzmann's), L read as the L-shell and as a length scale too (a mirror field
    B_0 (1 + z^2/L^2)).  Not ``each``: in Gaussian units, whose dimensions are not SI's,
    only a formula inconsistent in its first reading is read further."""
    found = _inconsistency(statement)
    if not found and not each:
        return ""
    for substitution, _ in every_reading(statement, unread=True):
        read_so = replaced(statement, substitution)
        inconsistent = _inconsistency(read_so)
        if not inconsistent or (
                read_so.has(S.L) and not _inconsistency(read_so.subs(S.L, S.R_c))):
            return ""
        found = found or inconsistent      # names of no one dimension (k: k_0 or k_B)
    return found


def _inconsistency(statement):
    try:
        if isinstance(statement, sp.Equality):
            nonzero = [side for side in statement.args if not _zero(side)]   # 0: any unit
            if len(nonzero) < 2:
                dimension(nonzero[0]) if nonzero else None
                return ""
            left, right = dimension(statement.lhs), dimension(statement.rhs)
            if None not in (left, right) and left != right:
                return f"left {describe(left)}, right {describe(right)}"
        dimension(statement)
    except Inconsistent as error:
        return str(error)
    return ""


def _zero(side):
    return side == 0 or (isinstance(side, sp.MatrixBase) and side.is_zero_matrix)


def _refusal(statement):
    """Why ``statement`` states nothing to check, or ``""``."""
    if isinstance(statement, sp.Equality):
        if statement.lhs == statement.rhs:
            return "a tautology: both sides are the same"
        difference = None if any(isinstance(side, sp.MatrixBase) for side in
                                 statement.args) else statement.lhs - statement.rhs
        if difference is not None and not placeholders(statement) and \
                sp.expand(difference) == 0:
            return "a tautology: the two sides are equal by algebra alone"
        return ""
    if isinstance(statement, sp.Symbol) or not statement.free_symbols or \
            statement.is_Number:
        return "a fragment: a lone symbol or number states nothing to check"
    return ""


def _orthogonality(statement):
    """E . B = 0, v x B = 0: a condition on two vectors."""
    if not isinstance(statement, sp.Equality) or 0 not in (statement.lhs, statement.rhs):
        return False
    side = statement.rhs if statement.lhs == 0 else statement.lhs
    return isinstance(side.as_coeff_Mul()[1], (Dot, Cross)) and \
        not has_axis_components(side)             # dv_z/dt = 0: a component, not a condition


def _stated_by(remark):
    words = "".join(remark.lower().split())
    return tuple(dict.fromkeys(key for word, key in _REMARKS if word in words))


def _in_their_notation(corrected, way):
    """The corrected formula with the formula's own names where a reading was a plain
    symbol (``\\rho`` stays ``\\rho``, not ``r_L``)."""
    if corrected is None:
        return None
    back = {option.value: name for name, option in way.readings
            if isinstance(option.value, sp.Symbol) and dims_of(name) is None}
    return replaced(corrected, back) if back else corrected
