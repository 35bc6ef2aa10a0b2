r"""Find every formula of a document and split it into the relations it states.

Three kinds of document are read (:func:`document_format` tells them apart):

* **Markdown** (``.md``): ``$…$``, ``$$…$$`` and fenced ```` ```math ```` blocks;
  code spans, other fenced code blocks and HTML comments are skipped;
* **LaTeX** (``.tex``): ``$…$``, ``$$…$$``, ``\(…\)``, ``\[…\]`` and the math
  environments ``equation``, ``align``, ``alignat``, ``flalign``, ``eqnarray``,
  ``gather``, ``multline`` (and their starred forms), ``displaymath``, ``math``;
  comments, the preamble and verbatim material are skipped;
* **plain text** with embedded LaTeX, like the lecture notes of
  :mod:`guidingcenter.catalog` (everything else): the delimiters of both, and
  relations typed in Unicode in a sentence, ``μ = m v⊥²/(2B)``
  (:mod:`~guidingcenter.check.documents.bare`).

In Markdown and plain text a ``$`` opens inline math only before a non-space
character and closes it only after one, never before a digit (Pandoc's rule,
so "$5 and $10" is prose); inline math stays within its paragraph.

A :class:`Formula` is what stands between a pair of delimiters.  It is split
into :class:`Relation` s (:mod:`~guidingcenter.check.documents.relations`: rows,
pieces between separators, one relation per link of a chain ``a = b \approx c``).
A display formula that begins with a relation continues the chain of the display
formula just before it (``$$\sin^2\alpha = B/B_m$$ $$= \cos^6\lambda/...$$``);
an inline one, after prose (``Elektronen $\approx 0.4$ s``), is ``open``: its left
side is in the words.  Formulas that state no relation (``$v_\perp$``) are
fragments: kept for the document's context, counted, not judged.

Every relation keeps its verbatim ``quote`` (a substring of the document), its
1-based ``line`` and ``column``, and ``latex``, the text cleaned for the
parser: alignment marks, ``\label``, ``\tag``, ``\nonumber`` and a trailing
full stop removed, and backslash sequences lost to string escapes restored
(``\t`` of ``\times``, ``\f`` of ``\frac``, ``\v`` of ``\vec``, ``\n`` of
``\nabla``, ``\r`` of ``\right``...: ``rac{1}{2}`` reads ``\frac{1}{2}``, as in
note 004 of the catalogue).
"""

import bisect
import codecs
import re
from dataclasses import dataclass, replace

from guidingcenter.check.documents.bare import bare_relations
from guidingcenter.check.documents.relations import Side, statements

__all__ = ["Formula", "Relation", "Problem", "Document", "extract", "decode",
           "document_format", "FORMATS", "MATH_ENVIRONMENTS", "MAX_FORMULA"]

FORMATS = ("markdown", "latex", "text")

#: Environments whose body is mathematics (display unless "math").
MATH_ENVIRONMENTS = frozenset(
    base + star for base in ("equation", "align", "alignat", "flalign", "eqnarray", "gather",
                             "multline", "displaymath", "math", "dmath", "dgroup")
    for star in ("", "*"))
_VERBATIM = frozenset({"verbatim", "verbatim*", "Verbatim", "lstlisting", "minted", "comment",
                       "alltt"})
#: Formulas longer than this (characters) are reported and not split or judged.
MAX_FORMULA = 5000

@dataclass(frozen=True)
class Problem:
    """Something in a document that could not be read as it stands."""

    source: str
    line: int
    message: str

    def __str__(self):
        return f"{self.source}:{self.line}: {self.message}"


@dataclass(frozen=True)
class Formula:
    r"""What stands between one pair of math delimiters.

    Attributes
    ----------
    source : str
        The document's name as given.
    line, column : int
        1-based position of the formula (after its opening delimiter).
    quote : str
        The formula as it stands between its delimiters, verbatim
        (``text[start:end]``).
    latex : str
        The formula cleaned (see the module docstring).
    display : bool
        Display math (``$$``, ``\[``, environments) rather than inline.
    delimiter : str
        ``$``, ``$$``, ``\(``, ``\[``, ``math-block`` or the environment's name.
    start, end : int
        Offsets of ``quote`` in the document.
    delimited : tuple
        Offsets ``(start, end)`` of the formula with its delimiters.
    prose : str
        The paragraph around the formula, verbatim (for reading definitions).
    paragraph : tuple
        Offsets ``(start, end)`` of ``prose`` in the document.
    relations : int
        How many relations it states (0: a fragment).
    skipped : str
        Why it was not split (``"too long"``), or ``""``.
    """

    source: str
    line: int
    column: int
    quote: str
    latex: str
    display: bool
    delimiter: str
    start: int
    end: int
    delimited: tuple
    prose: str
    paragraph: tuple
    relations: int = 0
    skipped: str = ""


@dataclass(frozen=True)
class Relation:
    """One relation a formula states (one link of a chain).

    Attributes
    ----------
    source, line, column, quote, display, prose :
        As for :class:`Formula`, for the relation's own verbatim text: for a
        link of a chain ``a = b = c`` the quote is ``b = c``.
    latex : str
        The link cleaned for the parser (``b = c``).
    chain : str
        The whole chain cleaned for the parser (``a = b = c``); the checker reads
        its link ``link`` (which relates the chain's first side to the link's
        right side).
    link : int
        Index of this link in the chain (0 for a single relation).
    links : int
        Number of links of the chain.
    open : bool
        The formula begins with the relation: its left side stands in the text
        before (``Elektronen (1) $\approx 0.4 \text{ s}$``); ``latex`` then
        begins with the relation.
    formula : int
        Index of the formula in :attr:`Document.formulas`.
    start, end : int
        Offsets of ``quote`` in the document.
    """

    source: str
    line: int
    column: int
    quote: str
    latex: str
    chain: str
    link: int
    links: int
    open: bool
    display: bool
    formula: int
    start: int
    end: int
    prose: str


@dataclass(frozen=True)
class Document:
    """A document read: its formulas, their relations, what was skipped or not read."""

    source: str
    text: str
    format: str
    formulas: tuple
    relations: tuple
    problems: tuple

    @property
    def fragments(self):
        """Formulas that state no relation (``$v_\\perp$``): skipped, counted."""
        return sum(1 for formula in self.formulas
                   if not formula.relations and not formula.skipped)

    def line_of(self, offset):
        """1-based line of an offset into :attr:`text`."""
        return self.text.count("\n", 0, offset) + 1


# --- reading bytes ----------------------------------------------------------------------

def decode(data, source):
    """Text of a document's bytes and the problems met: ``(text or None, [Problem])``.

    UTF-8 (with or without a byte-order mark) and UTF-16/32 with a byte-order
    mark are read as such; other bytes that are not UTF-8 are read as
    Windows-1252 (Latin-1) and reported with the line of the first bad byte; a
    binary file (NUL bytes, or mostly control characters) is not read.

    >>> decode("μ = 1".encode("utf-8"), "a.md")
    ('μ = 1', [])
    >>> text, problems = decode(b"line\\nGr\\xf6\\xdfe", "a.txt")
    >>> text, str(problems[0])
    ('line\\nGröße', 'a.txt:2: not UTF-8 (byte 0xf6); read as Windows-1252')
    >>> decode(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00", "a.png")[1][0].message
    'a binary file, not a document (NUL bytes); not read'
    """
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalize(data.decode(encoding)), []
            except UnicodeDecodeError as error:
                return None, [Problem(source, 1, f"invalid {encoding} ({error.reason}); "
                                                 "not read")]
    head = data[:65536]
    if b"\x00" in head:
        return None, [Problem(source, 1, "a binary file, not a document (NUL bytes); "
                                         "not read")]
    try:
        text = data.decode("utf-8")
        problems = []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        text = data.decode("cp1252", errors="replace")
        problems = [Problem(source, line, f"not UTF-8 (byte 0x{data[error.start]:02x}); "
                                          "read as Windows-1252")]
    sample = text[:65536]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f\v\a\b")
    if sample and controls > 0.1 * len(sample):
        return None, [Problem(source, 1, "a binary file, not a document (control "
                                         "characters); not read")]
    return _normalize(text), problems


def _normalize(text):
    """Windows and old Mac line ends read as ``\\n`` (lines are counted by it)."""
    return text.replace("\r\n", "\n") if "\r\n" in text else text


def document_format(source, text):
    """``markdown``, ``latex`` or ``text``: by the file's extension, else by content.

    >>> document_format("notes.md", ""), document_format("paper.tex", "")
    ('markdown', 'latex')
    >>> document_format("x", r"\\documentclass{article}"), document_format("004.txt", "$a$")
    ('latex', 'text')
    """
    name = str(source).lower()
    if name.endswith((".md", ".markdown", ".mdown", ".mkd", ".qmd", ".rmd")):
        return "markdown"
    if name.endswith((".tex", ".ltx", ".latex", ".sty")):
        return "latex"
    if re.search(r"\\documentclass|\\begin\{document\}", text[:100000]):
        return "latex"
    return "text"


# --- finding the formulas ---------------------------------------------------------------

_START = {
    "markdown": re.compile(r"^[ ]{0,3}(?:```|~~~)|\\[$\\\[\](){}]|\$\$?|\\\[|\\\(|"
                           r"\\begin\s*\{|`+|<!--", re.M),
    "latex": re.compile(r"\\[$%\\\[\](){}]|\$\$?|\\\[|\\\(|\\begin\s*\{|\\verb|%"),
    "text": re.compile(r"\\[$\\\[\](){}]|\$\$?|\\\[|\\\(|\\begin\s*\{"),
}
_BLANK = re.compile(r"\n[ \t]*\n")
_FENCE = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[ \t]*([^\n]*)$", re.M)


class _Scanner:
    """One pass over a document, formula by formula."""

    def __init__(self, text, source, fmt):
        self.text, self.source, self.format = text, source, fmt
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.blanks = [m.start() for m in _BLANK.finditer(text)]
        self.formulas, self.problems = [], []
        self.missing_end = {}   # environment -> offset after which no \end{...} stands

    def line(self, offset):
        return bisect.bisect_right(self.lines, offset)

    def column(self, offset):
        return offset - self.lines[self.line(offset) - 1] + 1

    def problem(self, offset, message):
        self.problems.append(Problem(self.source, self.line(offset), message))

    def paragraph(self, offset):
        """Offsets (start, end) of the paragraph holding ``offset``."""
        i = bisect.bisect_left(self.blanks, offset)
        start = self.blanks[i - 1] + 1 if i > 0 and self.blanks[i - 1] < offset else 0
        # a blank line ending exactly here still belongs to the paragraph before
        end = self.blanks[i] if i < len(self.blanks) else len(self.text)
        return start, end

    def scan(self):
        text, position = self.text, 0
        if self.format == "latex":
            begin = re.search(r"\\begin\s*\{document\}", text)
            position = begin.end() if begin else 0
        pattern = _START[self.format]
        while True:
            match = pattern.search(text, position)
            if match is None:
                break
            position = self.step(match)
        if self.format == "text":               # "μ = m v⊥²/(2B)" typed in a sentence
            for start, end in bare_relations(text, [f.delimited for f in self.formulas]):
                self.add(start, end, start, end, "bare", False)
            self.formulas.sort(key=lambda formula: formula.start)
        return self.formulas, self.problems

    # each handler returns the offset to go on from
    def step(self, match):
        token, start = match.group(), match.start()
        if len(token) == 2 and token[0] == "\\" and token[1] in "$%\\[](){}" and \
                not (token in (r"\[", r"\(") and self._opens_math(start)):
            return match.end()                        # an escaped character
        if token.startswith("$"):
            return self.dollars(start, len(token) == 2)
        if token == r"\[":
            return self.closed(start, r"\[", r"\]", True)
        if token == r"\(":
            return self.closed(start, r"\(", r"\)", False)
        if token.startswith(r"\begin"):
            return self.environment(match)
        if token == "%":
            end = self.text.find("\n", start)
            return len(self.text) if end < 0 else end
        if token == r"\verb":
            delimiter = self.text[match.end():match.end() + 1]
            end = self.text.find(delimiter, match.end() + 1) if delimiter.strip() else -1
            return match.end() if end < 0 else end + 1
        if token.lstrip(" ").startswith(("```", "~~~")) and self.format == "markdown" and \
                _FENCE.match(self.text, start):
            return self.fence(start)
        if token.startswith("`"):
            return self.code_span(start, token)
        if token == "<!--":
            end = self.text.find("-->", start)
            return len(self.text) if end < 0 else end + 3
        return self.fence(start)

    def _opens_math(self, start):
        # "\\[" is a line break, not the start of display math
        backslashes = len(self.text[:start]) - len(self.text[:start].rstrip("\\"))
        return backslashes % 2 == 0

    def dollars(self, start, double):
        text = self.text
        opening = 2 if double else 1
        _, paragraph_end = self.paragraph(start)
        if double:
            end = text.find("$$", start + 2, paragraph_end)
            if end < 0:
                self.problem(start, "unbalanced $$: no closing $$ in its paragraph; "
                                    "read as text")
                return start + 2
            return self.add(start, end + 2, start + 2, end, "$$", True)
        strict = self.format != "latex"
        if strict and (start + 1 >= len(text) or text[start + 1].isspace()):
            return start + 1                          # "$ 5": a dollar sign, not math
        end = self._closing_dollar(start + 1, paragraph_end, strict)
        if end < 0:
            if not (strict and text[start + 1].isdigit()):      # "$5" is money
                self.problem(start, "unbalanced $: no closing $ in its paragraph; "
                                    "read as text")
            return start + 1
        return self.add(start, end + 1, start + opening, end, "$", False)

    def _closing_dollar(self, position, limit, strict):
        """Offset of the $ that closes inline math: outside braces if one is."""
        text, depth, fallback, i = self.text, 0, -1, position
        while i < limit:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "`" and strict:
                break                                   # math does not cross code
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth = max(0, depth - 1)
            elif ch == "$":
                valid = not strict or (not text[i - 1].isspace() and
                                       not text[i + 1:i + 2].isdigit())
                if strict and depth == 0 and text[i - 1].isspace():
                    break            # " $x": this one opens, the first was a dollar sign
                if valid and depth == 0:
                    return i
                if valid and fallback < 0:
                    fallback = i
            i += 1
        return fallback

    def closed(self, start, opening, closing, display):
        end = self.text.find(closing, start + len(opening))
        while end > 0 and self.text[end - 1] == "\\" and not self._opens_math(end):
            end = self.text.find(closing, end + 1)
        if end < 0:
            self.problem(start, f"unclosed {opening}: no {closing} follows; read as text")
            return start + len(opening)
        return self.add(start, end + len(closing), start + len(opening), end, opening, display)

    def environment(self, match):
        text = self.text
        close = text.find("}", match.end())
        name = text[match.end():close].strip() if close >= 0 else ""
        if close < 0 or not re.fullmatch(r"[A-Za-z]+\*?", name):
            return match.end()
        if name not in MATH_ENVIRONMENTS and name not in _VERBATIM:
            return close + 1                          # \begin{itemize}: look inside
        end = self._end_of(name, close + 1)
        if end is None:
            if name in _VERBATIM:
                return len(text)
            self.problem(match.start(), f"unclosed \\begin{{{name}}}: no \\end{{{name}}} "
                                        "follows; read as text")
            return close + 1
        if name in _VERBATIM:
            return end[1]
        body = close + 1
        if name.startswith("alignat"):                # \begin{alignat}{2}
            argument = re.compile(r"\s*\{[^{}]*\}").match(text, body)
            body = argument.end() if argument else body
        return self.add(match.start(), end[1], body, end[0], name,
                        name not in ("math", "math*"))

    def _end_of(self, name, position):
        """(start, end) of the ``\\end{name}`` after ``position``, or None."""
        if self.missing_end.get(name, len(self.text) + 1) <= position:
            return None
        end = re.compile(r"\\end\s*\{" + re.escape(name) + r"\}").search(self.text, position)
        if end is None:
            self.missing_end[name] = min(position, self.missing_end.get(name, position))
            return None
        return end.start(), end.end()

    def code_span(self, start, ticks):
        _, paragraph_end = self.paragraph(start)
        end = self.text.find(ticks, start + len(ticks), paragraph_end)
        return start + len(ticks) if end < 0 else end + len(ticks)

    def fence(self, start):
        match = _FENCE.match(self.text, start)
        if match is None:
            return start + 3
        marker, info = match.group(1), match.group(2).strip().lower()
        closing = re.compile(r"^[ ]{0,3}" + re.escape(marker[0]) + "{" + str(len(marker)) +
                             r",}[ \t]*$", re.M)
        end = closing.search(self.text, match.end())
        body_end = end.start() if end else len(self.text)
        block_end = end.end() if end else len(self.text)
        if info.split()[:1] == ["math"]:
            if end is None:
                self.problem(start, f"unclosed {marker}math block; read to the end")
            return self.add(start, block_end, match.end() + 1, body_end, "math-block", True)
        return block_end

    def add(self, start, end, body_start, body_end, delimiter, display):
        paragraph = self.paragraph(start)
        body = self.text[body_start:body_end]
        self.formulas.append(Formula(
            self.source, self.line(body_start), self.column(body_start), body,
            " ".join(body.split()), display, delimiter, body_start, body_end, (start, end),
            self.text[paragraph[0]:paragraph[1]], paragraph))
        return end


# --- the whole document -------------------------------------------------------------------

def _continues(text, previous, formula):
    """Whether a display formula that begins with a relation continues the chain of
    the display formula just before it (nothing but white space between)."""
    return previous is not None and previous[0].display and formula.display and \
        not text[previous[0].delimited[1]:formula.delimited[0]].strip()


# A display formula that states no relation continues the display relation just before it
# (``$$\sin^2\alpha = B/B_m$$ $$\frac{\cos^6\lambda}{...}$$``) when it is an expression
# (an operation or a fraction in it), not a lone name or words.
_EXPRESSION = re.compile(r"\\frac|\\sqrt|\\int|\\sum|[-+/^]|\\cdot|\\times")
_PROSE = re.compile(r"\\(?:text|mbox|textrm|mathrm)\s*\{[^}]*[^\W\d_]{3}")


def _continuation(text, formula, cleaned):
    """The statement ``= <the formula>`` (its left side stands before it)."""
    body = text[formula.start:formula.end]
    start = formula.start + len(body) - len(body.lstrip())
    end = formula.start + len(body.rstrip())
    return [None, Side(cleaned, start, end)], [Side("=", start, start)]


def extract(text, source="<text>", fmt=None):
    r"""The :class:`Document`: every formula of ``text`` and the relations it states.

    Parameters
    ----------
    text : str
        The document.
    source : str
        Its name as given (shown in every row and problem).
    fmt : {"markdown", "latex", "text"}, optional
        Default: :func:`document_format`.

    Examples
    --------
    >>> document = extract(r"Where $r_g = \frac{v_\perp}{\omega_g} = \frac{mv_\perp}{|q|B}$.")
    >>> [(r.line, r.quote) for r in document.relations]
    [(1, 'r_g = \\frac{v_\\perp}{\\omega_g}'), (1, '\\frac{v_\\perp}{\\omega_g} = \\frac{mv_\\perp}{|q|B}')]
    >>> document.relations[1].chain
    'r_g = \\frac{v_\\perp}{\\omega_g} = \\frac{mv_\\perp}{|q|B}'
    >>> extract(r"Here $v_\perp$ is the speed: $a = b$.").fragments
    1
    """
    fmt = fmt or document_format(source, text)
    if fmt not in FORMATS:
        raise ValueError(f"fmt: {fmt!r} is not one of {', '.join(FORMATS)}")
    scanner = _Scanner(text, source, fmt)
    found, problems = scanner.scan()
    formulas, relations, previous = [], [], None
    for index, formula in enumerate(found):
        body_start, body_end = formula.start, formula.end
        if body_end - body_start > MAX_FORMULA:
            problems.append(Problem(source, formula.line, f"a formula of {body_end - body_start}"
                                    f" characters (more than {MAX_FORMULA}); not judged"))
            formulas.append(replace(formula, latex="", skipped="too long"))
            previous = None
            continue
        cleaned, found_statements = statements(text, body_start, body_end, fmt,
                                               formula.delimiter)
        if not found_statements and _continues(text, previous, formula) and \
                _EXPRESSION.search(cleaned) and not _PROSE.search(cleaned):
            found_statements = [_continuation(text, formula, cleaned)]
        count, last = 0, None
        for sides, operators in found_statements:
            first = 1
            if sides[0] is None and _continues(text, previous, formula):
                first = len(previous[1])               # the chain of the formula before
                sides, operators = previous[1] + sides[1:], previous[2] + operators
            chain = " ".join(([] if sides[0] is None else [sides[0].latex]) + [
                part for k in range(1, len(sides)) for part in (operators[k - 1].latex,
                                                                 sides[k].latex)])
            for k in range(first - 1, len(sides) - 1):
                # the quote starts at the relation when its left side stands elsewhere
                outside = sides[k] is None or sides[k].start < formula.start
                start = operators[k].start if outside else sides[k].start
                end = sides[k + 1].end
                latex = " ".join(([] if sides[k] is None else [sides[k].latex]) +
                                 [operators[k].latex, sides[k + 1].latex])
                relations.append(Relation(
                    source, scanner.line(start), scanner.column(start), text[start:end],
                    latex, chain, k, len(sides) - 1, sides[k] is None, formula.display,
                    index, start, end, formula.prose))
                count += 1
            last = (formula, sides, operators)
        previous = last if last is not None else (
            None if formula.quote.strip() else previous)
        formulas.append(replace(formula, latex=cleaned, relations=count))
    problems.sort(key=lambda p: p.line)
    return Document(source, text, fmt, tuple(formulas), tuple(relations), tuple(problems))
