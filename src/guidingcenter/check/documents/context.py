r"""What a document says about its own notation, read from the document itself.

:func:`document_context` reads a document's text and its formulas (as found by
:mod:`guidingcenter.check.documents.extract`) and returns a :class:`DocumentContext`:

* **definitions** -- a :class:`Definition` for each thing the document defines:

  - ``how="formula"``: a formula that defines a symbol, ``R = r/R_E`` or
    ``\Omega = qB/m``.  A name the checker does not know gets the meaning of its
    right side (``role="notation"``); a name it knows keeps its meaning, and the
    formula is either about a quantity the toolkit derives (``role="derived"``: it is
    judged like any formula) or a relation the toolkit does not derive
    (``role="stated"``).  ``\underbrace{...}_{(1)}`` names its braced part
    (``role="label"``, read by :mod:`~guidingcenter.check.documents.numbers`);
  - ``how="prose"``: words that name a symbol, "where $r_c$ is the radius of
    curvature", "the pitch angle θ", "$\vec{R}_c$: lokaler Krümmungsradius",
    "כאשר $B_E$ הוא השדה בכדור הארץ", with the phrases of ``vocabulary.toml``;
    a "where" clause explains the formula just before it, so it is in force from that
    formula on;
  - ``how="macro"``: ``\newcommand``, ``\renewcommand``, ``\providecommand``,
    ``\def`` and ``\DeclareMathOperator``, applied by :meth:`DocumentContext.expand`.

* **values** -- numbers the document gives for its symbols (``R_E = 6371`` km,
  ``W = 1 \text{ keV}``, "a 1 MeV proton"), in SI, with the digits quoted: the inputs
  of its worked numbers;
* **conditions** -- conditions the prose states ("im Vakuum (j = 0)",
  "non-relativistic"), in force over the formulas that follow, up to the next heading
  or prose paragraph (to the end with "throughout", "im Folgenden").

:meth:`DocumentContext.at` gives the :class:`~guidingcenter.check.formula.Context` in
force at a line: the notation definitions (SymPy names or expressions, keyed by
:func:`~guidingcenter.check.latex.table.latex_key`) and the stated conditions.

A formula is anything with ``line`` (1-based), ``quote`` (a verbatim substring of the
text) and ``latex`` (the formula cleaned for the parser); ``column`` (1-based) helps
find it when the quote occurs twice.
"""

import bisect
import functools
import re
from dataclasses import dataclass, field

import sympy as sp

from guidingcenter import render
from guidingcenter import symbols as S
from guidingcenter.check.documents import names as N
from guidingcenter.check.documents import vocabulary as V
from guidingcenter.check.documents.formulas import (DEFINING, NAME, clean, name_keys,
                                                    number_with_unit, split_relations,
                                                    underbraces)
from guidingcenter.check.documents.macros import Macro, expand_macros, read_macros
from guidingcenter.check.documents.units import dimension, unit_at_start
from guidingcenter.check.errors import ParseError
from guidingcenter.check.formula import Context
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.parsing import parse_latex
from guidingcenter.vectors import VectorSymbol

__all__ = ["Definition", "Value", "Stated", "DocumentContext", "document_context", "ROLES"]

ROLES = ("notation", "derived", "stated", "label", "macro")
_DEFINES = DEFINING[1:]          # a relation that says "is defined as"
_EXPLAINED_WITHIN = 4        # lines: a "where" clause explains a formula this close before it
_NOTATION_WINDOW = 90        # characters of prose looked at on each side of a symbol


@dataclass(frozen=True)
class Definition:
    r"""One thing a document defines.

    Attributes
    ----------
    key : str
        Canonical LaTeX key of the spelling (``latex_key(r"r_\mathrm{c}") == "r_{c}"``);
        for a macro its command (``\vb``), for a label its text (``(1)``).
    meaning : str
        The SymPy name of a symbol of :mod:`guidingcenter.symbols` or a SymPy
        expression in them (formula, prose); the replacement text (macro); the LaTeX
        of the braced part (label).
    line : int
        Where the document states it (1-based).
    quote : str
        The words or the formula that state it, verbatim.
    how : str
        ``"formula"``, ``"prose"`` or ``"macro"``.
    role : str
        One of :data:`ROLES` (see the module docstring).
    start : int
        First line where it is in force (a "where" clause: the formula it explains).
    arguments : int
        A macro's number of arguments.
    default : str or None
        A macro's default for its optional first argument.
    """

    key: str
    meaning: str
    line: int
    quote: str
    how: str
    role: str = "notation"
    start: int = 0
    arguments: int = 0
    default: str = None

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"role: {self.role!r} is not one of {', '.join(ROLES)}")
        if not self.start:
            object.__setattr__(self, "start", self.line)


@dataclass(frozen=True)
class Value:
    """A number the document gives for a symbol, in SI units.

    ``symbol`` is the SymPy name of the symbol it is a value of (``"W"`` for an energy
    given in words, "a 1 MeV proton"); ``digits`` the significant digits printed;
    ``unit`` the name of the unit as printed (``""`` when none is given); ``reading``
    how an unusual spelling was read (``30^0`` as degrees); ``offset`` where it stands in
    the text (-1: not known).
    """

    key: str
    symbol: str
    value: float
    digits: int
    unit: str
    line: int
    quote: str
    printed: str
    reading: str = ""
    offset: int = -1


@dataclass(frozen=True)
class Stated:
    """A condition the prose states, in force on lines ``start`` to ``end``."""

    key: str
    line: int
    quote: str
    start: int
    end: int


_SENTENCE_END = re.compile(r"[.!?]\s+[A-Z]")


@dataclass
class _Span:
    """A formula located in the text: lines and character offsets, its LaTeX."""

    line: int
    last: int
    start: int
    end: int
    latex: str
    quote: str
    display: bool


@dataclass
class DocumentContext:
    """What a document says about its notation (see the module docstring)."""

    text: str
    formulas: list
    definitions: list = field(default_factory=list)
    values: list = field(default_factory=list)
    conditions: list = field(default_factory=list)
    units: list = field(default_factory=list)      # (line, "SI" or "Gaussian", of that line's
    # formula only) the prose states
    spans: list = field(default_factory=list, repr=False)
    memo: dict = field(default_factory=dict, repr=False)   # worked numbers judged so far
    index: dict = field(default_factory=dict, repr=False)  # offsets of the spans

    # --- what is in force at a line ------------------------------------------------------
    def at(self, line):
        """The :class:`~guidingcenter.check.formula.Context` in force at ``line``: the
        notation definitions stated before it (the latest wins) and the conditions the
        prose states over it.  A formula on the line that states a defined name again
        (``F = -\\nabla U`` after ``F = -\\nabla U``) is judged on its own: the
        formula's definition of that name is left out there."""
        definitions = {key: d.meaning for key, d in self._in_force(line).items()}
        stated = []
        for condition in self.conditions:
            if condition.start <= line <= condition.end and condition.key not in stated:
                stated.append(condition.key)
        return Context(definitions=definitions, stated=tuple(stated), units=self.units_at(line))

    def units_at(self, line):
        """The system of units in force at ``line``: the last the prose states before it,
        else the first it states at all ("all formulas are in Gaussian units" in a
        footnote), else ``""`` (not said)."""
        here = [system for stated, system, local in self.units if local and stated == line]
        if here:                        # "and in Gaussian units $\omega_c = qB/(mc)$"
            return here[-1]
        stated = [(stated, system) for stated, system, local in self.units if not local]
        before = [system for number, system in stated if number <= line]
        if before:
            return before[-1]
        return stated[0][1] if stated else ""

    def used(self, latex, line):
        """The notation definitions in force at ``line`` whose spelling occurs in
        ``latex`` (to list with a verdict)."""
        keys = name_keys(latex)
        return [d for key, d in self._in_force(line).items() if key in keys]

    def _in_force(self, line):
        """``{key: Definition}`` of the notation in force at ``line`` (see :meth:`at`)."""
        restated = self._left_sides(line)
        found = {}
        for definition in self.definitions:
            if definition.role == "notation" and definition.start <= line and \
                    (definition.start < line or definition.how == "prose") and \
                    not (definition.how == "formula" and definition.key in restated):
                found[definition.key] = definition
        return found

    @property
    def derived(self):
        """The definitions the toolkit derives (role ``"derived"``): they are judged."""
        return [d for d in self.definitions if d.role == "derived"]

    def definition(self, line, quote):
        """The formula definition stated by the relation at ``line`` with ``quote`` (or
        whose quote contains it / is contained in it), or None."""
        for definition in self.definitions:
            if definition.how == "formula" and definition.line == line and \
                    (quote in definition.quote or definition.quote in quote):
                return definition
        return None

    def labels(self, line=None):
        """``{label: LaTeX}`` of the ``\\underbrace`` labels stated before ``line``."""
        return {d.key: d.meaning for d in self.definitions
                if d.role == "label" and (line is None or d.line <= line)}

    def value(self, symbol, line, window=None, offset=None):
        r"""The :class:`Value` of ``symbol`` (SymPy name) in force at ``line``: on that
        line (the last one before ``offset`` where the number stands, if given), else the
        latest before it (within ``window`` lines if given), else the first after it on
        the next line; None if the document gives none.  A zero (``E = 0``,
        ``v_\parallel = 0``) states a case: it counts on its own line only."""
        same = [v for v in self.values if v.symbol == symbol and v.line == line]
        if offset is not None and all(v.offset >= 0 for v in same):
            before = [v for v in same if v.offset + len(v.quote) + 2 <= offset]  # not its own
            if before:
                return max(before, key=lambda v: v.offset)
            # "... at L = 4" counts; "... s. The loss cone at L = 6.6" is another sentence
            same = [v for v in same if not _SENTENCE_END.search(self.text[offset:v.offset])]
        if same:
            return same[0]
        values = [v for v in self.values if v.symbol == symbol and v.value != 0]
        before = [v for v in values if v.line < line and (window is None or
                                                         line - v.line <= window)]
        if before:
            return before[-1]
        after = [v for v in values if line < v.line <= line + 1]
        return after[0] if after else None

    def expand(self, latex, line=None):
        """``latex`` with the document's macros applied (those defined before ``line``,
        or all of them); a recursive macro is expanded a bounded number of times."""
        macros = {}
        for definition in self.definitions:
            if definition.role == "macro" and (line is None or definition.line <= line):
                macros[definition.key] = Macro(definition.key, definition.meaning,
                                               definition.arguments, definition.default)
        return expand_macros(latex, macros) if macros else latex

    # --- where things are ------------------------------------------------------------------
    def line_text(self, line):
        """The text of a 1-based line (without its newline)."""
        return _lines(self.text)[line - 1] if 0 < line <= len(_lines(self.text)) else ""

    def prose_after(self, span_end, limit=_NOTATION_WINDOW):
        """The prose that follows a character offset, up to the next formula or
        ``limit`` characters."""
        starts = self._sorted("start")
        following = bisect.bisect_left(starts, span_end)
        stop = span_end + limit
        if following < len(starts):
            stop = min(stop, starts[following])
        return self.text[span_end:stop]

    def span_of(self, line, quote):
        """The located formula holding the relation at ``line`` with ``quote``, or None."""
        lasts = self._sorted("last")                  # ascending with the spans
        for span in self.spans[bisect.bisect_left(lasts, line):]:
            if span.line > line:
                break
            if span.line <= line <= span.last and (quote in span.quote or span.quote in quote):
                return span
        return None

    def inside(self, offset, relations_only=False):
        """Is ``offset`` inside a located formula (one that states a relation)?"""
        starts = self._sorted("start")
        index = bisect.bisect_right(starts, offset) - 1
        if index < 0:
            return False
        span = self.spans[index]
        return span.start <= offset < span.end and (not relations_only or
                                                     bool(split_relations(span.latex)))

    def _left_sides(self, line):
        """Keys of the names the formulas on ``line`` have on their left."""
        keys = set()
        lasts = self._sorted("last")
        for span in self.spans[bisect.bisect_left(lasts, line):]:
            if span.line > line:
                break
            for sides in split_relations(span.latex):
                key = latex_key(clean(sides[0][0]))
                if key:
                    keys.add(key)
        return keys

    def _sorted(self, attribute):
        """``[span.attribute for span in spans]`` (ascending: the spans do not overlap),
        kept until the spans change."""
        kept = self.index.get(attribute)
        if kept is None or kept[0] is not self.spans or len(kept[1]) != len(self.spans):
            kept = (self.spans, [getattr(span, attribute) for span in self.spans])
            self.index[attribute] = kept
        return kept[1]


@functools.lru_cache(maxsize=8)
def _lines(text):
    return text.split("\n")


def document_context(text, formulas):
    r"""Read what ``text`` says about its notation (see the module docstring).

    Parameters
    ----------
    text : str
        The whole document.
    formulas : iterable
        Its formulas and relations: objects with ``line``, ``quote`` and ``latex``
        (``column`` optional).

    Returns
    -------
    DocumentContext

    Examples
    --------
    >>> from types import SimpleNamespace as F
    >>> text = r"The drift $v = m v_\parallel^2/(q B r_c)$, where $r_c$ is the radius of " \
    ...        r"curvature."
    >>> drift = r"v = m v_\parallel^2/(q B r_c)"
    >>> formulas = [F(line=1, quote=drift, latex=drift), F(line=1, quote="r_c", latex="r_c")]
    >>> context = document_context(text, formulas)
    >>> context.at(1).definitions
    {'r_{c}': 'R_c'}
    >>> context.definitions[0].how, context.definitions[0].quote
    ('prose', '$r_c$ is the radius of curvature')
    """
    document = DocumentContext(text, list(formulas))
    document.definitions.extend(
        Definition(m.name, m.body, m.line, m.quote, "macro", "macro", arguments=m.arguments,
                   default=m.default) for m in read_macros(text))
    document.spans = _locate(text, document.formulas)
    for span in document.spans:
        span.latex = document.expand(span.latex, span.line)
    _prose_definitions(document)
    _formula_definitions(document)
    _values(document)
    _conditions(document)
    document.definitions.sort(key=lambda d: (d.line, d.start))
    document.values.sort(key=lambda v: v.line)
    return document


# --- locating the formulas ---------------------------------------------------------------------

@functools.lru_cache(maxsize=8)
def _line_starts(text):
    """Offsets where the lines of ``text`` start (a tuple, kept for the last texts)."""
    return (0,) + tuple(match.end() for match in re.finditer("\n", text))


def _occurrence(text, quote, base):
    """Where ``quote`` stands in ``text`` from ``base`` on (else anywhere): preferably
    right after a math delimiter (``$r_c$``, not the r_c inside another formula)."""
    found = []
    for start in (base, 0):
        offset = text.find(quote, start)
        while offset >= 0 and len(found) < 64:
            found.append(offset)
            offset = text.find(quote, offset + 1)
        if found:
            break
    delimited = [o for o in found if text[:o].rstrip().endswith(("$", r"\(", r"\["))]
    return (delimited or found or [-1])[0]


def _locate(text, formulas):
    """The formulas as spans of the text (merged when one holds another), in order."""
    starts = _line_starts(text)
    spans = []
    for formula in formulas:
        quote = getattr(formula, "quote", "") or ""
        line = int(getattr(formula, "line", 1) or 1)
        if not quote:
            continue
        base = starts[min(max(line, 1), len(starts)) - 1]
        column = getattr(formula, "column", None)
        offset = getattr(formula, "start", None)
        if not isinstance(offset, int) or not text.startswith(quote, offset):
            offset = base + column - 1 if column else base
        if not text.startswith(quote, offset):
            offset = _occurrence(text, quote, base)
            if offset < 0:
                continue
        start, end = offset, offset + len(quote)
        while start > 0 and text[start - 1] == "$":
            start -= 1
        while end < len(text) and text[end] == "$":
            end += 1
        if text.startswith((r"\(", r"\["), max(0, start - 2)) and start >= 2:
            start -= 2
        if text.startswith((r"\)", r"\]"), end):
            end += 2
        display = text.startswith("$$", start) or text.startswith(r"\[", start) or \
            bool(getattr(formula, "display", False))
        latex = getattr(formula, "latex", None) or quote
        spans.append(_Span(bisect.bisect_right(starts, offset),
                           bisect.bisect_right(starts, max(offset, end - 1)), start, end,
                           latex, quote, display))
    spans.sort(key=lambda s: (s.start, -s.end))
    merged = []
    for span in spans:
        if merged and span.start < merged[-1].end and span.end <= merged[-1].end:
            continue                        # a relation inside a formula already located
        merged.append(span)
    return merged


# --- formulas that define ----------------------------------------------------------------------

def _formula_definitions(document):
    r"""Definitions stated by formulas: ``NAME = expression`` and ``\underbrace`` labels."""
    noted = {}
    for span in document.spans:
        for body, label in underbraces(span.latex):
            _define_label(document, span, body, label, noted)
        for sides in split_relations(span.latex):
            (lhs, _), (rhs, relation) = sides[0], sides[1]
            name = clean(lhs)
            key = latex_key(name) if name else None
            if key is None or relation not in DEFINING or number_with_unit(rhs) is not None:
                continue
            cue = relation in _DEFINES or _defining_words(document, span)
            _define(document, span, key, clean(rhs), noted, cue)


def _define(document, span, key, rhs, noted, cue=False):
    r"""A formula ``NAME = expression``.

    A name the checker does not know takes the meaning the document gives it
    (``role="notation"``), and so does a name of the notation table the document
    explicitly defines (``R \equiv r/R_E``, "we define $R = r/R_E$": the table only
    guesses what R means).  The toolkit's own names (``r_L \equiv v_\perp/|\omega_c|``)
    and the table's names stated without a definition (``\Omega_p = eB/m_p``) keep the
    checker's meaning: the formula is about that quantity, ``role="derived"`` when the
    toolkit derives it (it is judged), ``"stated"`` when it does not.
    """
    try:
        meaning = parse_latex(_with_notation(rhs, span.line, document))
    except ParseError:
        return
    if isinstance(meaning, (sp.Equality, list)):
        return
    if key in noted or N.own(key) is not None or (not cue and N.knows(key)):
        known = noted.get(key) if key in noted else N.first_reading(key)
        role = "derived" if str(known) in _derived_names() else "stated"
        document.definitions.append(Definition(key, sp.sstr(meaning), span.line, span.quote,
                                               "formula", role))
        return
    noted[key] = meaning
    document.definitions.append(Definition(key, sp.sstr(meaning), span.line, span.quote,
                                           "formula", "notation"))


def _defining_words(document, span):
    """Do the words just before a formula define it ("we define", "let", "sei")?"""
    before = document.text[max(0, span.start - 60):span.start]
    clause = re.split(r"[.;!?\n]", before)[-1]
    return bool(re.search(V.LINKS.defines, clause, re.IGNORECASE))


def _with_notation(latex, line, document):
    """``latex`` with the names the document defined before ``line`` written out as what
    they mean (``r_c`` -> ``R_{c}``, ``R`` -> ``\\left(\\frac{r}{R_E}\\right)``), so the
    parser reads them as the document does."""
    meanings = {}
    for definition in document.definitions:
        if definition.role == "notation" and definition.how in ("prose", "formula") and \
                (definition.start < line or (definition.how == "prose" and
                                             definition.start <= line)):
            meanings[definition.key] = definition.meaning
    if not meanings:
        return latex

    def spelled(match):
        meaning = meanings.get(latex_key(match.group()) or "")
        if meaning is None:
            return match.group()
        try:
            expression = sp.sympify(meaning, locals=S.by_name())
        except (sp.SympifyError, TypeError):
            return match.group()
        written = render.latex(expression)
        return f" {written} " if isinstance(expression, sp.Symbol) else \
            rf" \left({written}\right) "
    return NAME.sub(spelled, latex)


def _define_label(document, span, body, label, noted):
    label = label.strip()
    relation = re.match(r"^(?:=|\\equiv|:=)\s*(.+)$", label)
    if relation:                       # \underbrace{\frac{1}{2}\frac{mv^2}{B}}_{\equiv \mu}
        key = latex_key(relation.group(1).strip())
        if key is not None:
            _define(document, span, key, body, noted)
        return
    if re.fullmatch(r"\(\s*[\w.]+\s*\)|[A-Za-z0-9]+", label):
        document.definitions.append(Definition(re.sub(r"\s", "", label), body, span.line,
                                               span.quote, "formula", "label"))


@functools.lru_cache(maxsize=1)
def _derived_names():
    """Names of the symbols that are the left side of a derived result."""
    from guidingcenter import registry
    names = set()
    for result in registry.results().values():
        statement = result.statement
        if isinstance(statement, sp.Equality) and isinstance(statement.lhs, sp.Symbol):
            names.add(str(statement.lhs))
    return frozenset(names)


# --- prose that defines ------------------------------------------------------------------------

_GREEK_IN_PROSE = re.compile(r"(?<![\w\\])([\u0370-\u03ff])(?:_(\{[^{}]{1,12}\}|\w))?(?!\w)")


def _prose_definitions(document):
    """Definitions stated in words next to a lone symbol (or the left side of a formula)."""
    text = document.text
    for index, span in enumerate(document.spans):
        spelling = clean(span.latex)
        key = latex_key(spelling)
        if key is None:
            sides = split_relations(span.latex)
            key = latex_key(clean(sides[0][0][0])) if sides else None
            if key is None:
                continue
            after, lone = "", False                 # only "the pitch angle $\theta = ...$"
        else:
            after, lone = document.prose_after(span.end), True
        previous = document.spans[index - 1].end if index else 0
        before = text[max(previous, span.start - _NOTATION_WINDOW):span.start]
        _name_by_words(document, span.line, span.start, span.end, key, before, after, lone)
    for offset, key in _greek_symbols(document):
        start, end = offset
        before = text[max(0, start - _NOTATION_WINDOW):start]
        after = text[end:end + _NOTATION_WINDOW]
        line = bisect.bisect_right(_line_starts(text), start)
        _name_by_words(document, line, start, end, key, before, after)


def _greek_symbols(document):
    """``((start, end), key)`` of the Greek letters written in Unicode in the prose."""
    text = document.text
    found = []
    for match in _GREEK_IN_PROSE.finditer(text):
        if document.inside(match.start()):
            continue
        command = V.unicode_name(match.group(1))
        if command is None:
            continue
        spelling = command + (f"_{match.group(2)}" if match.group(2) else "")
        key = latex_key(spelling)
        if key is not None:
            found.append(((match.start(), match.end()), key))
    return found


def _name_by_words(document, line, start, end, key, before, after, lone=True):
    r"""Record the definition of ``key`` that the words around it state, if any.

    A name with a subscript that the checker reads one way (``W_0``, ``\vec{v}_E``)
    keeps its meaning; an ambiguous one (``r_c``) or a bare one (``\theta``, ``\rho``)
    takes the one the words give it.
    """
    if "_" in key and N.one_way(key) is not None:
        return
    found = _phrase_after(after) or _phrase_before(before, lone)
    if found is None:
        return
    phrase, side = found
    meaning = phrase.meaning
    symbol = S.by_name().get(meaning) or getattr(S, meaning, None)
    if symbol is None:
        return
    vector = key.startswith(r"\vec")
    if vector != isinstance(symbol, VectorSymbol):
        return                              # "the magnetic field B": B keeps its meaning
    if N.one_way(key) == symbol:
        return                              # says what the checker reads anyway
    text = document.text
    if side == "after":
        quote = text[start:end + phrase.end]
    else:
        quote = text[start - len(before) + phrase.start:end]
    starts = _line_starts(text)
    first = line
    if side == "after" and re.search(V.LINKS.explains + r"[\s,]*$", before, re.IGNORECASE):
        earlier = [s for s in document.spans if s.end <= start and s.display]
        if earlier and line - earlier[-1].last <= _EXPLAINED_WITHIN:
            first = earlier[-1].line
    quote_line = bisect.bisect_right(starts, start if side == "after"
                                     else start - len(before) + phrase.start)
    document.definitions.append(Definition(key, str(symbol) if not vector else symbol.name,
                                           quote_line, quote.strip(), "prose", "notation",
                                           start=min(first, quote_line)))


def _phrase_after(after):
    """The vocabulary phrase that follows a symbol through a link ("is the", ":")."""
    head = re.match(r"\s*(?:[:,(=]|[-\u2013\u2014]\s)?\s*(?:" + V.LINKS.after + r"\s+)?",
                    after, re.IGNORECASE)
    rest = after[head.end():]
    linked = head.group().strip() != ""
    if not linked:
        return None
    phrases = V.find_phrases(rest)
    if not phrases:
        return None
    phrase = phrases[0]
    filler = rest[:phrase.start]
    if len(filler.split()) > 2 or re.search(r"[.;$]", filler):
        return None
    shifted = V.Phrase(phrase.meaning, phrase.text, head.end() + phrase.start,
                       head.end() + phrase.end)
    return shifted, "after"


def _phrase_before(before, lone=True):
    """The vocabulary phrase that ends right before a symbol ("the pitch angle θ"):
    at the start of its clause (at most three words after a line start or punctuation),
    on the same line or the line before; a colon or parenthesis between them only for a
    lone symbol ("Krümmungsradius ($R_c$)"), not for the left side of a formula (the
    label of a table row, "Electric Field: $v_E = ...$")."""
    phrases = V.find_phrases(before)
    if not phrases:
        return None
    phrase = phrases[-1]
    gap = before[phrase.end:]
    if not re.fullmatch(r"[ \t]*\n?[ \t]*" if not lone else r"[ \t,:()\u2013-]*\n?[ \t(]*", gap):
        return None
    clause = re.split(r"[.;:!?()\n]|^", before[:phrase.start])[-1]
    if len(clause.split()) > 3:
        return None
    return phrase, "before"


# --- values ------------------------------------------------------------------------------------

def _values(document):
    """The numbers the document gives for its symbols, from formulas and from prose."""
    readings = {d.key: d.meaning for d in document.definitions if d.role == "notation"}
    for span in document.spans:
        prose = document.prose_after(span.end, 40)
        pieces = split_relations(span.latex)
        for number, sides in enumerate(pieces):
            name = clean(sides[0][0])
            key = latex_key(name)
            reading = N.first_reading(key) if key else None
            symbol = readings.get(key) or (str(reading) if isinstance(reading, sp.Symbol)
                                           else "")
            if key is None or not symbol:
                continue
            for side, relation in sides[1:]:
                last = number == len(pieces) - 1 and side is sides[-1][0]
                stated = number_with_unit(side, prose if last else "")
                if stated is None:
                    continue
                value, digits, found, printed, reading = stated
                if found is not None and found.dimension == "energy" and \
                        not _fits(symbol, found):
                    symbol, reading = "W", f"{name} read as the kinetic energy"
                if found is not None and not _fits(symbol, found):
                    continue
                if reading and not _fits(symbol, found):
                    continue
                document.values.append(Value(key, symbol, value, digits,
                                             found.name if found else "", span.line,
                                             span.quote, printed, reading, span.start))
    _geometric_values(document)
    _prose_values(document)


_VECTOR = r"\\(?:vec|mathbf|boldsymbol|bm)\s*\{?\s*([A-Za-z])\s*\}?"
_GEOMETRIC = re.compile(rf"\s*{_VECTOR}\s*\\(parallel|perp)\s*"
                        r"(?:\\(?:vec|mathbf|boldsymbol|bm)\s*\{?\s*B\s*\}?|\\hat\s*\{?\s*[bB]\s*\}?)"
                        r"\s*[.,;]?\s*")
_GLOSS = re.compile(r"[\s$]*(?::|\(|i\.\s*e\.,?|d\.\s*h\.,?)[\s$]*")


def _geometric_values(document):
    r"""A vector said to be along or across B (``\vec{v} \parallel \vec{B}``,
    ``\vec v \perp \vec B``) gives its component across or along B the value zero
    (v_perp = 0, v_par = 0).  Written as the gloss of the formula before it
    (``$\alpha = 0^\circ$: $\vec v \parallel \vec B$``), it stands on that formula's line."""
    names = S.by_name()
    for index, span in enumerate(document.spans):
        match = _GEOMETRIC.fullmatch(span.latex)
        if not match:
            continue
        along = match.group(2) == "parallel"
        symbol = f"{match.group(1)}_{'perp' if along else 'par'}"
        if symbol not in names:
            continue
        line = span.line
        if index and _GLOSS.fullmatch(document.text[document.spans[index - 1].end:span.start]):
            line = document.spans[index - 1].line
        key = f"{match.group(1)}_{{\\{'perp' if along else 'parallel'}}}"
        document.values.append(Value(key, symbol, 0.0, 1, "", line, span.quote, "0",
                                     f"{span.quote.strip()} read as {symbol} = 0", span.start))


def _fits(symbol, found):
    units = S.UNITS.get(S.by_name().get(symbol))
    return units is None or tuple(units) == dimension(found.dimension)


_PROSE_NUMBER = re.compile(r"(?<![\w.^_])(\d+(?:\.\d+)?(?:\s*[eE][-+]?\d+)?)(?=\s*[^\s\d])")


def _prose_values(document):
    """Energies and pitch angles given in words: "a 1 MeV proton", "30° pitch angle"."""
    text = document.text
    starts = _line_starts(text)
    taken = {(v.line, v.symbol) for v in document.values}
    for match in _PROSE_NUMBER.finditer(text):
        if document.inside(match.start(), relations_only=True):
            continue
        after = text[match.end():]
        closed = re.match(r"\s*(?:\$|\\\))", after)       # "$1$~MeV": the math closes first
        if closed:
            after = after[closed.end():]
        found, length = unit_at_start(after)
        if found is None or found.dimension not in ("energy", "angle"):
            continue
        line = bisect.bisect_right(starts, match.start())
        if found.dimension == "energy":
            symbol = "W"
        else:
            around = text[max(0, match.start() - 40):match.end() + length + 40]
            phrases = [p for p in V.find_phrases(around) if p.meaning in ("alpha", "alpha_eq")]
            if not phrases:
                continue
            symbol = phrases[0].meaning
        if (line, symbol) in taken:
            continue
        stated = number_with_unit(match.group(1), after)
        value, digits, _, printed, _ = stated
        document.values.append(Value("", symbol, value, digits, found.name, line,
                                     f"{match.group(1)} {after[:length].strip()}",
                                     printed, offset=match.start()))
        taken.add((line, symbol))


# --- conditions --------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s*(?:#{1,6}\s|\\(?:part|chapter|section|subsection|subsubsection|"
                      r"paragraph)\*?\s*\{|<h[1-6])")
_MATH = re.compile(r"\$\$.*?\$\$|\$[^$]+\$|\\\(.*?\\\)|\\\[.*?\\\]")     # the math of a line
_EVERYWHERE = re.compile(r"throughout|in what follows|from now on|everywhere|im folgenden|"
                         r"durchweg|dans la suite", re.IGNORECASE)


def _conditions(document):
    """Conditions the prose states, with the lines they are in force on; the system of
    units it says its formulas are in."""
    lines = _lines(document.text)
    formula_lines = set()
    for span in document.spans:
        formula_lines.update(range(span.line, span.last + 1))
    for number, line in enumerate(lines, start=1):
        systems = V.units_in(line)
        if len(systems) == 1:                 # "SI, not Gaussian units" says nothing sure
            # said beside a formula of its own line: of that formula only
            local = bool(_MATH.search(line)) and not _EVERYWHERE.search(line)
            document.units.append((number, systems[0], local))
        keys = V.conditions_in(line)
        if not keys:
            continue
        end = len(lines) if _EVERYWHERE.search(line) else _scope_end(lines, number,
                                                                      formula_lines, document)
        for key in keys:
            document.conditions.append(Stated(key, number, line.strip(), number, end))


def _scope_end(lines, number, formula_lines, document):
    """The last line a condition stated on line ``number`` is in force: up to the next
    heading, or the prose paragraph that follows the formulas after it."""
    seen_formula = number in formula_lines
    for later in range(number + 1, len(lines) + 1):
        text = lines[later - 1]
        if _HEADING.match(text):
            return later - 1
        if later in formula_lines:
            seen_formula = True
            continue
        if seen_formula and len(_prose_words(text)) >= 4:
            return later - 1
    return len(lines)


def _prose_words(text):
    """The words of a line outside its math."""
    outside = _MATH.sub(" ", text)
    return re.findall(r"[^\W\d_]{2,}", outside)
