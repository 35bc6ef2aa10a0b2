"""The front door of the checker: a formula as text in, one verdict per relation out.

:func:`check_text` reads a formula (LaTeX or SymPy syntax), splits a chain
``a = b = c`` into the relations it states, finds for each the derived result
it is about and judges it.  The answer is a :class:`Verdict` per relation:

* ``holds`` -- equal to a derived result;
* ``holds-with-condition`` -- equal only under a condition the formula does not
  state (non-relativistic speeds, a current-free field, a sign of the charge,
  motion along B), or as an approximation of a stated accuracy;
* ``erratum`` -- it differs, with the single edit that explains it when one
  does (a constant factor, a flipped sign, a wrong exponent ...) and the
  corrected formula;
* ``not-checkable`` -- nothing derived to compare it with (the reason says why);
* ``refused`` -- it states nothing to check (a lone symbol, ``B = B``).

A :class:`Context` carries what a document says about its own notation
(definitions of symbols, conditions it states) into the check.
"""

from dataclasses import dataclass, field

import sympy as sp

from guidingcenter import registry
from guidingcenter.check.judge import Uncheckable, compare
from guidingcenter.check.matching import best_match
from guidingcenter.check.parsing import parse_latex, parse_sympy

__all__ = ["Verdict", "Context", "check_text", "check_statement", "VERDICTS"]

VERDICTS = ("holds", "holds-with-condition", "erratum", "not-checkable", "refused")


@dataclass(frozen=True)
class Context:
    """What a document says about its notation.

    Attributes
    ----------
    definitions : dict
        Canonical LaTeX key of a spelling (see
        :func:`guidingcenter.check.latex.table.latex_key`) -> what it means: the
        SymPy name of a symbol of :mod:`guidingcenter.symbols` or an expression
        in them.
    stated : tuple
        Keys of :data:`guidingcenter.check.conditions.CONDITION_KEYS` the
        document states (e.g. ``"nonrelativistic"``).
    """

    definitions: dict = field(default_factory=dict)
    stated: tuple = ()


@dataclass(frozen=True)
class Verdict:
    """The verdict on one relation."""

    verdict: str                # one of VERDICTS
    statement: object = None    # the relation as read (SymPy), None if it could not be read
    against: str = ""           # the derived result it was compared with
    derivation: str = ""
    step: int = 0
    condition: str = ""
    diagnosis: str = ""
    corrected: object = None    # the corrected relation (SymPy), errata and conditions only
    reason: str = ""            # not-checkable and refused: why
    readings: tuple = ()        # how ambiguous or unknown spellings were read
    edits: tuple = ()

    @property
    def ok(self):
        """Holds, with or without a condition."""
        return self.verdict in ("holds", "holds-with-condition")


def check_text(text, *, latex=True, against=None, context=None):
    """Verdicts on every relation of ``text`` (a chain gives one per link).

    Raises :class:`~guidingcenter.check.errors.ParseError` when the text cannot
    be read at all, and :class:`~guidingcenter.registry.UnknownName` for an
    unknown ``against``.
    """
    statements = (parse_latex if latex else parse_sympy)(text, chain=True)
    return [check_statement(statement, against=against, context=context)
            for statement in statements]


def check_statement(statement, *, against=None, context=None):
    """The :class:`Verdict` on one parsed relation (or expression)."""
    context = context or Context()
    refusal = _refusal(statement)
    if refusal:
        return Verdict("refused", statement, reason=refusal)
    try:
        if against is not None:
            finding = compare(statement, registry.result(against), stated=context.stated)
        else:
            finding = best_match(statement, registry.results().values())
    except Uncheckable as error:
        return Verdict("not-checkable", statement, reason=str(error))
    result = registry.result(finding.against)
    return Verdict(finding.verdict, statement, finding.against, result.derivation, result.step,
                   finding.condition, finding.diagnosis, finding.corrected, edits=finding.edits)


def _refusal(statement):
    """Why ``statement`` states nothing to check, or ``""``."""
    if isinstance(statement, sp.Equality):
        if statement.lhs == statement.rhs:
            return "a tautology: both sides are the same"
        return ""
    if isinstance(statement, (sp.Symbol, sp.Number)) or not statement.free_symbols:
        return "a fragment: a lone symbol or number states nothing to check"
    return ""

