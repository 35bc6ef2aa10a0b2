r"""Judge a whole document: its text -> relations -> one verdict row per relation.

The pipeline (:func:`verify_text`):

1. :func:`~guidingcenter.check.documents.extract.extract` finds the formulas and
   splits them into relations (fragments are counted, not judged);
2. :func:`~guidingcenter.check.documents.context.document_context` reads what the
   document says about its notation (``where $r_c$ is the radius of curvature``,
   ``\Omega = qB/m``, ``\newcommand``); the definitions in force at a relation's
   line go with it into the check, and those a row used are listed in it;
3. a relation with a worked number in it is judged by
   :func:`~guidingcenter.check.documents.numbers.judge_number` (recomputed from
   the derived results when the document states what it needs);
4. every other relation by :func:`~guidingcenter.check.formula.check_text`: a
   chain ``a = b = c`` is read whole and each link gets its verdict; a chain the
   checker cannot read is judged link by link;
5. claims made in words (``the E x B drift has the same direction for electrons and
   ions``, ``westward for ions``) by :mod:`~guidingcenter.check.documents.claims`:
   rows of kind ``claim``, in the order of the text.

Nothing in a document stops the rest: a formula the checker cannot read is
``not-checkable`` with the parser's one-line reason, an unexpected failure of
the checker on one formula is reported as a problem with its line.
"""

import dataclasses
from dataclasses import dataclass

import sympy as sp

from guidingcenter import registry, render
from guidingcenter.check.documents.claims import find_claims, judge_claim
from guidingcenter.check.documents.context import document_context as document_context_of
from guidingcenter.check.documents.extract import Problem, Relation, decode, extract
from guidingcenter.check.documents.inequalities import judge_inequality
from guidingcenter.check.documents.named_terms import judge_with_named_terms
from guidingcenter.check.documents.numbers import judge_number
from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import VERDICTS, Context, Verdict, check_text

__all__ = ["Row", "Judgement", "verify_text", "verify_bytes", "verify_path", "counts",
           "row_json"]


@dataclass(frozen=True)
class Row:
    """One relation of a document with its verdict.

    Attributes
    ----------
    relation : Relation
        Where it stands (source, line, column, verbatim quote) and what was read.
    verdict : Verdict
        The checker's verdict (or the worked number's).
    kind : str
        ``formula``, ``number`` (a worked number, recomputed) or ``claim`` (a claim
        made in words; its relation's ``latex`` is empty).
    definitions : tuple
        The document's definitions in force at the relation's line that it uses.
    """

    relation: object
    verdict: Verdict
    kind: str = "formula"
    definitions: tuple = ()

    def as_json(self):
        """Plain data (see :func:`row_json`)."""
        return row_json(self)


@dataclass(frozen=True)
class Judgement:
    """A document judged: its rows, what was skipped, read and not read."""

    source: str
    format: str
    rows: tuple
    fragments: int = 0
    definitions: tuple = ()
    problems: tuple = ()
    error: str = ""             # why the document could not be read at all

    def counts(self):
        """Number of rows per verdict, in the order of ``VERDICTS``."""
        return counts(row.verdict.verdict for row in self.rows)

    def as_json(self):
        """Plain data: ``{"source", "format", "relations": [row...], "fragments",
        "definitions", "problems", "counts"}`` (and ``"error"`` for a document that
        could not be read)."""
        data = {
            "source": self.source, "format": self.format,
            "relations": [row.as_json() for row in self.rows],
            "fragments": self.fragments,
            "definitions": [_definition_json(d) for d in self.definitions],
            "problems": [{"line": p.line, "message": p.message} for p in self.problems],
            "counts": self.counts(),
        }
        if self.error:
            data["error"] = self.error
        return data


def counts(verdicts):
    """``{verdict: number}`` in the order of ``VERDICTS`` (zero counts left out)."""
    verdicts = list(verdicts)
    return {v: verdicts.count(v) for v in VERDICTS + tuple(sorted(set(verdicts) - set(VERDICTS)))
            if v in verdicts}


# --- judging -------------------------------------------------------------------------------

class _Judge:
    """Judges the relations of one document, reading each chain once."""

    def __init__(self, document_context, numbers=True):
        self.context, self.numbers = document_context, numbers
        self.cache, self.problems = {}, []

    def row(self, relation):
        used = ()
        try:
            context = self.context.at(relation.line)
            used = tuple(self.context.used(self.context.expand(relation.chain, relation.line),
                                           relation.line))
            number = judge_number(relation, self.context, context) if self.numbers else None
            if number is not None:
                return Row(relation, number, "number", used)
            if relation.open:
                return Row(relation, Verdict("not-checkable", reason=(
                    "its left side is not in the formula (it stands in the text before)")),
                    "formula", used)
            return Row(relation, self.formula(relation, context), "formula", used)
        except Exception as error:          # a checker bug must not stop the document
            message = f"the checker failed on this formula: {type(error).__name__}: {error}"
            self.problems.append(Problem(relation.source, relation.line, " ".join(
                message.split())[:300]))
            return Row(relation, Verdict("not-checkable", reason=message), "formula", used)

    def formula(self, relation, context):
        verdict = self.as_printed(relation, context)
        if verdict.verdict == "not-checkable" and "nothing derived" in verdict.reason:
            named = judge_with_named_terms(      # v_D = w_E + ...: the E x B drift, named
                self.context.expand(relation.latex, relation.line), context, self.check)
            if named is not None:
                return named
        return verdict

    def as_printed(self, relation, context):
        if relation.links == 1:                     # v_par/v_perp > ...: by its boundary
            inequality = judge_inequality(self.context.expand(relation.latex, relation.line),
                                          context, self.check)
            if inequality is not None:
                return inequality
        chain = self.check(self.context.expand(relation.chain, relation.line), context)
        if isinstance(chain, list) and len(chain) == relation.links:
            verdict = chain[relation.link]
            if verdict.verdict == "erratum" and relation.link > 0:
                # a = b = c: when c = a is wrong but the link b = c as printed holds, the
                # slip is in an earlier link (and reported there), not in this one
                alone = self.check(self.context.expand(relation.latex, relation.line), context)
                if isinstance(alone, list) and len(alone) == 1 and alone[0].ok:
                    return alone[0]
            return verdict
        alone = chain if relation.links == 1 else self.check(
            self.context.expand(relation.latex, relation.line), context)
        if isinstance(alone, list) and len(alone) == 1:
            return alone[0]
        if isinstance(alone, ParseError):
            return Verdict("not-checkable", reason=str(alone))
        return Verdict("not-checkable", reason=f"read as {len(alone)} relations, not one")

    def check(self, latex, context):
        key = (latex, tuple(sorted((k, str(v)) for k, v in context.definitions.items())),
               tuple(context.stated))
        if key not in self.cache:
            try:
                self.cache[key] = check_text(latex, context=context)
            except ParseError as error:
                self.cache[key] = error
        return self.cache[key]


def verify_text(text, source="<text>", fmt=None, progress=None):
    r"""Judge every relation of a document.

    Parameters
    ----------
    text : str
        The document (Markdown, LaTeX or plain text with embedded LaTeX).
    source : str
        Its name as given; every row and problem carries it.
    fmt : {"markdown", "latex", "text"}, optional
        Default: from ``source``'s extension, else from the content.
    progress : callable, optional
        ``progress(done, total)`` after each relation.

    Returns
    -------
    Judgement

    Examples
    --------
    >>> judged = verify_text(r"The gyrofrequency is $\omega_c = qB/m$; the radius "
    ...                      r"$r_L = \frac{m v_\perp}{2|q|B}$ (for $v_\perp$).", "notes.md")
    >>> [(row.relation.quote, row.verdict.verdict) for row in judged.rows]
    [('\\omega_c = qB/m', 'holds'), ('r_L = \\frac{m v_\\perp}{2|q|B}', 'erratum')]
    >>> judged.rows[1].verdict.diagnosis
    'constant factor 1/2'
    >>> judged.fragments, judged.counts()
    (1, {'holds': 1, 'erratum': 1})
    """
    document = extract(text, source, fmt)
    return _verify(document, progress)


class _Unread:
    """The document context when reading it failed: no definitions, no macros."""

    definitions = ()

    def at(self, line):
        return Context()

    def used(self, latex, line):
        return []

    def expand(self, latex, line=None):
        return latex


def _verify(document, progress=None, problems=()):
    problems = list(problems)
    if document.relations:
        # built (or read from the cache) before the first check, so that the checker's
        # time budget for a relation measures the judging alone
        registry.results()
    try:
        document_context = document_context_of(document.text, document.formulas)
        judge = _Judge(document_context)
    except Exception as error:        # a bug in reading the notation must not stop the rest
        problems.append(Problem(document.source, 1, " ".join(
            f"reading the document's notation failed: {type(error).__name__}: {error}; "
            "judged without its definitions and worked numbers".split())))
        document_context = _Unread()
        judge = _Judge(document_context, numbers=False)
    rows = []
    for relation in document.relations:
        rows.append(judge.row(relation))
        if progress is not None:
            progress(len(rows), len(document.relations))
    rows = sorted(rows + _claims(document, judge.problems), key=lambda row: row.relation.start)
    every = sorted(list(problems) + list(document.problems) + judge.problems,
                   key=lambda p: p.line)
    return Judgement(document.source, document.format, tuple(rows), document.fragments,
                     tuple(document_context.definitions), tuple(every))


def _claims(document, problems):
    """Rows for the claims the document makes in words (outside its formulas)."""
    text = document.text
    try:
        found = find_claims(text, skip=[f.delimited for f in document.formulas])
    except Exception as error:      # a bug in reading the prose must not stop the rest
        problems.append(Problem(document.source, 1, " ".join(
            f"reading the claims in words failed: {type(error).__name__}: {error}".split())))
        return []
    rows = []
    for claim in found:
        line = document.line_of(claim.start)
        quote = text[claim.start:claim.end]
        relation = Relation(document.source, line, claim.start - text.rfind("\n", 0, claim.start),
                            quote, "", "", 0, 1, False, False, -1, claim.start, claim.end,
                            quote)
        try:
            verdict = judge_claim(claim)
        except Exception as error:  # a checker bug must not stop the document
            message = f"the checker failed on this claim: {type(error).__name__}: {error}"
            problems.append(Problem(document.source, line, " ".join(message.split())[:300]))
            verdict = Verdict("not-checkable", reason=message)
        rows.append(Row(relation, verdict, "claim"))
    return rows


def verify_bytes(data, source, fmt=None, progress=None):
    """Judge a document given as bytes (decoded as :func:`extract.decode` says; a
    binary file gives no rows and one problem)."""
    text, problems = decode(data, source)
    if text is None:
        return Judgement(source, fmt or "", (), problems=tuple(problems),
                         error=problems[0].message)
    return _verify(extract(text, source, fmt), progress, problems)


def verify_path(path, fmt=None, progress=None):
    """Judge the document at ``path`` (its name as given is the rows' source)."""
    with open(path, "rb") as stream:
        data = stream.read()
    return verify_bytes(data, str(path), fmt, progress)


# --- plain data ----------------------------------------------------------------------------

def _text(value):
    if value is None:
        return ""
    return sp.sstr(value) if isinstance(value, sp.Basic) else str(value)


def _latex(value):
    if value is None:
        return ""
    try:
        return render.latex(value)
    except Exception:       # a value SymPy cannot print as LaTeX (not expected)
        return _text(value)


def _plain(value):
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return _text(value)


def _definition_json(definition):
    return {"symbol": definition.key, "meaning": _text(definition.meaning),
            "line": definition.line, "how": definition.how, "role": definition.role,
            "quote": definition.quote}


_HANDLED = {"verdict", "statement", "against", "derivation", "step", "condition",
            "diagnosis", "corrected", "reason", "readings", "edits"}


def row_json(row):
    """One row as plain data, the keys sorted: ``source``, ``line``, ``column``,
    ``quote`` (verbatim), ``latex`` (the relation read), ``display``, ``kind``,
    ``verdict``, ``condition``, ``diagnosis``, ``reason``, ``corrected`` (LaTeX) and
    ``corrected_sympy``, ``against`` (the derived result) with its ``derivation``,
    ``step`` and ``derived`` (its statement in LaTeX), ``judged`` and ``judged_latex``
    (the statement the checker read), ``readings``, ``definitions`` (those used)."""
    relation, verdict = row.relation, row.verdict
    derived = ""
    if verdict.against:
        try:
            derived = _latex(registry.result(verdict.against).statement)
        except registry.UnknownName:
            derived = ""
    data = {
        "source": relation.source, "line": relation.line, "column": relation.column,
        "quote": relation.quote, "latex": relation.latex, "display": relation.display,
        "kind": row.kind, "verdict": verdict.verdict, "condition": verdict.condition or "",
        "diagnosis": verdict.diagnosis or "", "reason": verdict.reason or "",
        "corrected": _latex(verdict.corrected), "corrected_sympy": _text(verdict.corrected),
        "against": verdict.against or "", "derivation": verdict.derivation or "",
        "step": verdict.step or None, "derived": derived,
        "judged": _text(verdict.statement), "judged_latex": _latex(verdict.statement),
        "readings": _plain(list(verdict.readings)),
        "definitions": [_definition_json(d) for d in row.definitions],
    }
    for field in dataclasses.fields(verdict):   # fields the checker may add (units, ...)
        if field.name not in _HANDLED and field.name not in data:
            data[field.name] = _plain(getattr(verdict, field.name))
    return dict(sorted(data.items()))
