r"""A recursive-descent parser for the LaTeX of physics formulas.

``parse_latex(r"\vec{v}_{\nabla B} = \frac{m v_\perp^2}{2qB^3} \left(\vec{B}
\times \nabla B\right)")`` gives ``Eq(v_gradB, m*v_perp**2*Cross(B_vec,
Grad(B))/(2*B**3*q))`` in the notation of :mod:`guidingcenter.vectors`.
(SymPy's own LaTeX parser needs an ANTLR runtime that is not available here,
and knows nothing of our symbols or vector notation.)

Symbols: one table
------------------
Every symbol is found through :func:`latex_table`, built once from
``symbols.LATEX_NAMES`` (the spellings the renderers print), the default LaTeX
of every other symbol of :mod:`guidingcenter.symbols` (``B_{0}``,
``\alpha_{1}``, ``\vec{B}`` ...) and the explicit :data:`LATEX_ALIASES` for
the notes' spellings.  Each spelling is reduced to a canonical key by the
same scanner that reads formulas (:func:`latex_key`), so ``v_\perp``,
``v_{\perp}``; ``B_{max}``, ``B_\text{max}``, ``B_{\mathrm{max}}``;
``v_\parallel``, ``v_{\|}``, ``v_{||}``, ``v_{//}``; ``\vec{B}``,
``\vec B``, ``\mathbf{B}``, ``\boldsymbol{B}``; ``\vec{v_F}`` and
``\vec{v}_F`` all find the same symbol.

Supported
---------
* numbers ``3.7``, ``10^{-2}``, ``5.62 \times 10^{-2}``; ``\pi``; degrees ``90^\circ``;
* names: letters, Greek letters, sub- and superscripts in either order
  (``v^2_{\parallel}``), ``\vec``/``\mathbf``/``\boldsymbol``/``\bm``, ``\hat``,
  ``\mathcal``, a prime (``\vec{F}'``); a run of letters ``qB`` is a product
  of single-letter symbols (each must be known; a multi-letter name in the
  table would bind first);
* ``+ - * /``, implicit multiplication, ``\cdot`` and ``\times`` (dot and cross
  product between vectors, multiplication otherwise; scalar factors are
  taken out of the products), ``\frac``, ``\dfrac``, ``\tfrac``, ``\sqrt``,
  ``\sqrt[n]``, ``x^{1/2}``;
* ``( )``, ``[ ]``, ``\{ \}``, ``\left ... \right``, ``\big`` sizes, ``|x|``
  (of a vector symbol ``\vec{B}``: its magnitude ``B``);
* ``\sin \cos \tan \cot \sec \csc \sinh \cosh \tanh \arcsin \arccos \arctan \ln
  \log \exp``, ``\operatorname{asin}`` and friends, ``\operatorname{atan}_{2}``,
  ``\text{sgn}``; ``\sin^2\alpha`` is ``sin(alpha)**2`` and ``\tan^{-1}`` is
  ``atan``.  Without parentheses a function takes the next factor and the
  letters, numbers and Greek letters that follow it (``\sin \omega_c t``); an
  explicit space ``\,`` ends the argument;
* ``\nabla B`` (Grad), ``\nabla \cdot \vec{B}`` (Div), ``\nabla \times \vec{B}``
  (Curl), ``(\vec{B}\cdot\nabla)\vec{B}`` and ``\vec{B}\cdot\nabla\vec{B}``
  (DirectionalDerivative; ``(\hat{b}\cdot\nabla)\hat{b}`` is ``kappa``),
  ``\nabla_\perp B`` (``b x (grad B x b)``), ``\nabla_\parallel B`` (``dB_ds``;
  of another scalar f, ``b . grad f``);
* derivatives that are symbols of the table (``\frac{d\vec{E}_\perp}{dt}``,
  ``\frac{\partial B}{\partial s}``, ``\frac{\mathrm{d}v_\parallel}{\mathrm{d}t}``),
  derivatives of the functions of time in symbols (``\frac{d\mu}{dt}``), and
  ``\frac{d}{dt}`` applied to a function value;
* function values in SymPy's printed form ``\mu{\left(t \right)}``;
  ``T(y)``, ``D(y)``, ``Y(y)`` (the dipole integrals);
* gyro-averages of an explicit phase, ``\langle \cos^2\omega_c t\rangle`` (1/2), done
  exactly (:mod:`guidingcenter.check.gyro_average`); a subscript on the closing bracket
  names the phase (``\rangle_\phi``) or takes a component (``\rangle_\parallel``);
* ``\int\limits_{a}^{b} f \, dx``; ``\begin{matrix}`` (also ``pmatrix``,
  ``bmatrix``) with ``&`` and ``\\``;
* vectors by their components: ``(a, b, c)``, ``[a, b, c]``, ``\left(a, b, c\right)``, a
  ``pmatrix`` row (a column vector along x, y, z), ``(a, b)`` (the x and y components);
  components ``E_x``, ``v_{E,x}``, ``(\mathbf{v}_E)_y``, ``\dot v_z`` (see
  :mod:`guidingcenter.check.latex.components`);
* relations ``=``, ``:=``, ``\approx``, ``\simeq``, ``\equiv``, ``\sim``
  (all read as equations); a chain ``a = b \approx c`` only with ``chain=True``
  (see :mod:`guidingcenter.check.sympy_syntax`);
* ignored: ``$``, ``\,`` ``\;`` ``\!`` ``\:`` ``~`` ``\quad``, ``\displaystyle``,
  ``\limits``, ``&`` outside matrices, a trailing ``.`` or ``,``.

Not supported (a :class:`~guidingcenter.check.errors.ParseError` says which):
text and units inside a formula (``\mathcal{E}(\text{MeV})``; a unit in brackets after
a name or the formula, ``B[\text{T}]``, is read as the units a numbered formula is meant
in), gyro-averages ``\langle ... \rangle`` of quantities without a phase other than the
table's ``\langle\vec{F}\rangle`` (read openly, as by the checker, ``\langle X\rangle`` is X),
derivatives of expressions and higher derivatives, ``\dot{x}``,
inequalities, products of two vectors without
``\cdot`` or ``\times``, gradients of vectors, symbols the table does not
know (``\beta``, ``v_\phi``, ``\Omega_p``, ``\rho_e`` ...).  ``e`` is the
elementary charge and ``E`` the electric field: write ``\exp(x)``, not ``e^{x}``.
"""

import dataclasses
import re
from dataclasses import dataclass

from guidingcenter.check.documents.units import unit, unit_at_start
from guidingcenter.check.errors import ParseError
from guidingcenter.check.latex.differentials import as_derivatives
from guidingcenter.check.latex.grammar import Parser
from guidingcenter.check.latex.lexer import RELATION_KINDS
from guidingcenter.check.latex.table import tables
from guidingcenter.check.lookup import Lookup
from guidingcenter.check.sympy_syntax import _SympyParser, parse_sympy
from guidingcenter.check.two_points import at_one_point

__all__ = ["parse_latex", "parse_sympy", "read", "Relation", "ParseError"]


@dataclass(frozen=True)
class Relation:
    """One relation a formula states: ``statement`` (an Eq, or an expression with no
    relation), ``kind`` ("exact", "approximate" or "proportional"; "none" for an
    expression) and the ``remark`` written after the formula (e.g. "for electrons")."""

    statement: object
    kind: str
    remark: str = ""
    units: tuple = ()        # units printed with the formula (B[\text{T}], [\text{m}])
    averaged: tuple = ()     # (X, <X>) of the gyro-averages the line takes


def parse_latex(text, *, rational=False, chain=False, lookup=None):
    r"""Parse the LaTeX of a physics formula into the project's notation.

    Parameters
    ----------
    text : str
        One formula, e.g. ``r"\mu = \frac{m v_\perp^2}{2B}"``; ``$`` delimiters,
        spacing and a final ``.`` are ignored.
    rational : bool, optional
        Read decimals such as ``3.7`` as exact rationals (default: Floats).
    chain : bool, optional
        Accept a chain ``a = b = c`` and return a list of statements (always a
        list, ``[Eq(a, b), Eq(a, c)]``; ``[expr]`` for a plain expression).
    lookup : Lookup, optional
        How names are resolved (default: closed, see :mod:`guidingcenter.check.lookup`).

    Returns
    -------
    sympy.Expr or sympy.Eq
        (a list of them with ``chain=True``).

    Raises
    ------
    ParseError
        One line with the column and an excerpt: unbalanced braces, unknown
        commands and symbols (with suggestions), units and text, notation
        errors (a product of two vectors ...).

    Examples
    --------
    >>> parse_latex(r"\vec{v}_{\nabla B} = \frac{m v_\perp^2}{2qB^3} \vec{B} \times \nabla B")
    Eq(v_gradB, m*v_perp**2*Cross(B_vec, Grad(B))/(2*B**3*q))
    >>> parse_latex(r"\alpha = \tanh^{-1} \frac{v_\perp}{v_\parallel}")
    Eq(alpha, atanh(v_perp/v_par))
    >>> parse_latex(r"r_g = \frac{v_\perp}{\omega_g} = \frac{mv_\perp}{|q|B}", chain=True)
    [Eq(r_L, v_perp/omega_c), Eq(r_L, m*v_perp/(B*Abs(q)))]
    >>> parse_latex(r"{\bf v}_E = \frac{{\bf E}\times{\bf B}}{B^2} \tag{2.15}")
    Eq(v_E, Cross(E_vec, B_vec)/B**2)
    >>> parse_latex(r"\omega_c = 2.98 L^{-3} \text{ kHz}")
    Traceback (most recent call last):
    ...
    guidingcenter.check.errors.ParseError: cannot parse LaTeX at column 24: unit \text{ kHz} is not ...
    """
    return _latex_parser(str(text), rational, chain, lookup or Lookup()).parse()


def _latex_parser(text, rational, chain, lookup):
    symbols, functions, words, _ = tables()
    return _Guarded(Parser(text, rational, (symbols, functions, words), chain, lookup),
                    text, "LaTeX")


class _Guarded:
    """A parser whose failures are one-line :class:`ParseError`, whatever went wrong."""

    def __init__(self, parser, text, language):
        self.parser, self.text, self.language = parser, text, language

    def parse(self):
        try:
            return self.parser.parse()
        except ParseError:
            raise
        except RecursionError:
            raise ParseError("formula nested too deeply", self.text, 0,
                             language=self.language) from None
        except Exception as problem:  # a parser bug must still be one line, not a traceback
            raise ParseError(f"internal error {type(problem).__name__}: {problem}", self.text, 0,
                             language=self.language) from None


def read(text, *, latex=True, lookup=None):
    r"""Every relation ``text`` states, read openly (unknown and ambiguous names become
    placeholders): a list of :class:`Relation`, one per link of a chain.  Lines of an
    aligned display (``\\``) are relations of their own; a line that starts with a
    relation (``&= ...``) continues the chain of the line before.

    Raises :class:`ParseError` when the text cannot be read at all.

    Examples
    --------
    >>> [(str(r.statement), r.kind) for r in read(r"T(y) \approx 1.30 - 0.56 y")]
    [('Eq(T(y), 1.3 - 0.56*y)', 'approximate')]
    >>> [str(r.statement) for r in read(r"\mu &= \frac{W_\perp}{B} \\ &= \frac{m v_\perp^2}{2B}")]
    ['Eq(\\mu, W_perp/B)', 'Eq(\\mu, m*v_perp**2/(2*B))']
    """
    text = str(text)
    lookup = lookup or Lookup(open=True)
    if not latex:
        return _at_points(_read_line(text, latex, lookup)[0])
    text = _written_out(text)
    relations, left = [], ""
    for line in lines(text):
        stripped = line.strip().lstrip("&").strip()
        if not stripped:
            continue
        if left and re.match(r"(=|\\approx|\\simeq|\\equiv|\\propto|\\sim|:=)", stripped):
            line = left + " " + stripped         # "&= c" continues "a = b"
        line, printed = _printed_units(line)
        found, first = _read_line(line, latex, lookup)
        found = [dataclasses.replace(r, units=printed + _leading_unit(r.remark)) for r in found]
        relations += found + _following(found[-1].remark, lookup)
        left = line[:first] if first is not None else ""
    if not relations:
        raise ParseError("empty formula", text, 0, language="LaTeX")
    return _at_points(relations)


def _at_points(relations):
    """Quantities at a point (v_{\\perp 0}) stay so only in a relation between points."""
    return [dataclasses.replace(r, statement=at_one_point(r.statement)) for r in relations]


def _written_out(text):
    """``text`` with the field's shorthands written out as the grammar reads them."""
    text = _over(_PRINTED_HABITS.sub(lambda found: _HABIT[found.lastgroup], text))
    text = _over_species(text)
    text = _CONSTANT.sub(r"\\mathrm{const}", _EVALUATED_AT.sub(_evaluated_at, text))
    return as_derivatives(_SERIES_REST.sub("", _cases(_typed(text))))


# Habits of printed formulas, each replaced by what the grammar reads: the French wedge for
# the cross product, the physics package's \vb and \vu, a subscript nought written as a
# circle or the letter o (B_\circ, m_o: B_0, m_0), J* = ... (J^*), m.v (a product),
# s_m^\prime (s_m').
_HABIT = {"wedge": r"\times ", "vb": r"\mathbf", "vu": r"\hat", "nought": "_0",
          "star": "^*", "dot": r"\cdot ", "prime": "'"}
_PRINTED_HABITS = re.compile(
    r"(?P<wedge>\\wedge(?![A-Za-z]))|(?P<vb>\\vb\*?(?![A-Za-z]))|(?P<vu>\\vu(?![A-Za-z]))|"
    r"(?P<nought>_\s*(?:\\circ(?![A-Za-z])|\{\s*\\circ\s*\}|o(?![A-Za-z])|\{\s*o\s*\}))|"
    r"(?<=[A-Za-z}])(?P<star>\*)(?=\s*(?:=|\\approx|\\simeq))|"
    r"(?<=[A-Za-z}])(?P<dot>\.)(?=[A-Za-z\\])|(?P<prime>\^\s*(?:\\prime|\{\s*\\prime\s*\}))")

_OVER = re.compile(r"\\over(?![A-Za-z])")

# a sum over the species, \sum_s n_s q_s \vec{v}_s (the letter s, j, alpha or sigma)
_SPECIES_SUM = re.compile(r"\\sum\s*_\s*(?:\{\s*(s|j|\\alpha|\\sigma)\s*\}|(s|j)(?![A-Za-z])|"
                          r"(\\alpha|\\sigma)(?![A-Za-z]))")
_TERM_END = re.compile(r"[+\-=&]|\\approx|\\simeq|\\\\|\\quad|\\right|\\end")


def _over_species(text):
    r"""``\sum_s n_s q_s \vec{v}_s`` written out for ions and electrons: ``(n_i q_i
    \vec{v}_i + n_e q_e \vec{v}_e)`` (the term runs to the next +, -, = or \approx
    outside brackets)."""
    found = _SPECIES_SUM.search(text)
    while found is not None:
        letter = next(group for group in found.groups() if group)
        start, depth, index = found.end(), 0, found.end()
        while index < len(text):
            char = text[index]
            if char in "{([":
                depth += 1
            elif char in "})]":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and _TERM_END.match(text, index) and index > start:
                break
            index += 1
        term = text[start:index]
        label = re.escape(letter)
        each = [re.sub(rf"_\s*\{{([^{{}}]*?)(,?\s*){label}\s*\}}", rf"_{{\g<1>\g<2>{kind}}}",
                       re.sub(rf"_\s*{label}(?![A-Za-z])", f"_{kind}", term)) for kind in "ie"]
        text = text[:found.start()] + rf"\left({each[0]} + {each[1]}\right)" + text[index:]
        found = _SPECIES_SUM.search(text, found.start() + 1)
    return text


def _over(text):
    r"""Plain TeX's ``{a \over b}`` as ``\frac{a}{b}`` (the group around ``\over``; at the
    top level, the side of the relation it stands in)."""
    found = _OVER.search(text)
    while found is not None:
        start, end = found.start(), found.end()
        depth, left = 0, start - 1
        while left >= 0:
            char = text[left]
            if char == "}" and text[left - 1:left] != "\\":
                depth += 1
            elif char == "{" and text[left - 1:left] != "\\":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and char in "=&":
                break
            left -= 1
        depth, right = 0, end
        while right < len(text):
            char = text[right]
            if char == "{" and text[right - 1] != "\\":
                depth += 1
            elif char == "}" and text[right - 1] != "\\":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and (char in "=&" or text.startswith("\\\\", right)):
                break
            right += 1
        braced = left >= 0 and text[left] == "{" and text[right:right + 1] == "}"
        first = left + 1                    # left is -1 at the start of the text
        fraction = rf"\frac{{{text[first:start]}}}{{{text[end:right]}}}"
        text = text[:first - braced] + fraction + text[right + braced:]
        found = _OVER.search(text)
    return text


# "= const.", "\text{const}", "konst.": a quantity that does not change in time
_CONSTANT = re.compile(r"\\(?:text|mathrm|textrm|rm)\s*\{\s*(?:const|konst)\.?\s*\}|"
                       r"\\rm\s+(?:const|konst)\.?|(?<![\\A-Za-z])(?:const|konst)\.?(?![A-Za-z])",
                       re.IGNORECASE)


# a unit in brackets after a name or a formula: B[\text{T}], \quad [\mathrm{rad/s}]
# a unit printed after a quantity: B[\text{T}], Chen's E(\text{V/m})/B(\text{tesla})
_BRACKETED_UNIT = re.compile(r"\s*(?:\[|\()\s*\\(?:text|mathrm|textrm|rm|mbox)\s*\{([^{}]*)\}"
                             r"\s*(?:\]|\))")


# a unit set off at the end: "= 2.38 T_e^{1/2} B^{-1}\ \mathrm{cm}", "\,\text{rad/s}."
_TRAILING_UNIT = re.compile(r"(?:\\[ ,;:]|~|\\q?quad|\s)+\\(?:text|mathrm|textrm|rm|mbox)\s*"
                            r"\{([^{}]*)\}\s*[.,;]?\s*$")
# ... or as a fraction of two units: Chen's \frac{\text{m}}{\text{sec}}
_TRAILING_FRACTION = re.compile(r"\\frac\s*\{\s*\\(?:text|mathrm|rm)\s*\{([^{}]*)\}\s*\}\s*"
                                r"\{\s*\\(?:text|mathrm|rm)\s*\{([^{}]*)\}\s*\}\s*[.,;]?\s*$")


def _printed_units(line):
    """``line`` without the units printed in brackets or set off at its end, and those
    units."""
    printed = []

    def take(found):
        known = unit(found.group(1).strip())
        if known is None:
            return found.group(0)
        printed.append(known)
        return " "
    def fraction(found):
        known = unit(f"{found.group(1).strip()}/{found.group(2).strip()}")
        if known is None:
            return found.group(0)
        printed.append(known)
        return " "
    line = _TRAILING_UNIT.sub(take, _BRACKETED_UNIT.sub(take, line))
    return _TRAILING_FRACTION.sub(fraction, line), tuple(printed)


def _leading_unit(remark):
    r"""The unit a remark starts with (``\mbox{rad/s}`` after the formula), as a tuple."""
    found = unit_at_start(remark)[0] if remark.strip() else None
    return (found,) if found is not None else ()


# [dB_z/dz]_{r=0}, (...)|_{z=0}: the value at a point, read as the expression itself
_EVALUATED_AT = re.compile(r"(\\right\s*[\]|.)]|\\[Bb]igg?r?\s*[\]|])\s*_\s*(\{[^{}]*\}|\w)")


def _evaluated_at(found):
    r"""The expression without its point, but ``\left(\mathbf{v}_E\right)_y`` as it is:
    after a bracket, a subscript x, y or z is the component of a vector."""
    axis = found.group(2).strip("{} ") in ("x", "y", "z")
    return found.group(0) if axis and found.group(1)[-1] in ")]" else found.group(1)


# the rest of a series: + \cdots, + \ldots, + O(v^4/c^4), + \mathcal{O}(...)
_SERIES_REST = re.compile(r"[+-]\s*(?:\\[cl]?dots\b|\\dotsb\b|(?:\\mathcal\{O\}|O)\s*"
                          r"(?:\\left)?\s*\((?:[^()]|\([^()]*\))*\)(?:\\right\))?)")

_CASES = re.compile(r"\\begin\{cases\}(.*?)\\end\{cases\}", re.DOTALL)


def _cases(text):
    r"""A ``cases`` environment as one line per case, its condition a remark:
    ``\Omega = \begin{cases} \omega_c & \text{for } q > 0 \\ -\omega_c & ...\end{cases}``
    is ``\Omega = \omega_c \quad \text{for } q > 0`` and ``= -\omega_c \quad ...``."""
    found = _CASES.search(text)
    if found is None:
        return text
    before, after = text[:found.start()], text[found.end():]
    rows = [row for row in re.split(r"\\\\", found.group(1)) if row.strip()]
    out = []
    for index, row in enumerate(rows):
        value, _, condition = row.partition("&")
        remark = rf" \quad {condition.strip()}" if condition.strip() else ""
        start = before if index == 0 or not re.search(r"=\s*$", before) else "= "
        out.append(f"{start}{value.strip()}{after}{remark}")
    return " \\\\ ".join(out)


# a Greek letter's name typed without its backslash: omega_{ci}, lambda_m
_GREEK_TYPED = re.compile(r"(?<![\\A-Za-z])(alpha|beta|gamma|Gamma|delta|Delta|epsilon|theta|"
                          r"Theta|kappa|lambda|Lambda|sigma|Sigma|omega|Omega|varphi)"
                          r"(?=[_^\s})/*+=-]|$)")


# subscripts typed as words without braces in plain-text notes (v_perp, B_max, alpha_eq)
_SUBSCRIPT_WORDS = {"perp": r"\perp", "par": r"\parallel", "para": r"\parallel",
                    "parallel": r"\parallel"}
_SUBSCRIPT_WORD = re.compile(
    r"(?<=[A-Za-z}])_(perp|par|para|parallel|max|min|eq|equ|lc|gc|th|dia|pol|curv|grad|"
    r"drift|bounce|mirror|loss|tot|eff|ref|surf|foot|kin|rest)(?![A-Za-z])")
# the field at the mirror point or at the equator, written as B at that point
_AT_A_POINT = re.compile(r"(?<![A-Za-z\\])B\s*\(\s*(?:(\\lambda_\{?m\}?|s_\{?m\}?|z_\{?m\}?|"
                         r"\\lambda_\{?mirror\}?)|0|\\lambda\s*=\s*0|s\s*=\s*0|z\s*=\s*0)\s*\)")


def _typed(text):
    r"""Shorthand typed in plain-text notes: ``90^o`` for degrees, ``v||`` for v_\parallel
    (``|v||`` for its magnitude), a Greek letter's name without its backslash."""
    text = re.sub(r"(\d)\s*\^\s*(?:\{\s*o\s*\}|o(?![A-Za-z]))", r"\1^\\circ", text)
    text = _GREEK_TYPED.sub(lambda found: found.group() if re.search(
        r"\\(?:text\w*|math\w+|rm|mbox|operatorname)\s*\{[^{}]*$", text[:found.start()])
        else "\\" + found.group(), text)
    text = _SUBSCRIPT_WORD.sub(lambda found: "_{" + _SUBSCRIPT_WORDS.get(
        found.group(1), found.group(1)) + "}", text)
    text = _AT_A_POINT.sub(lambda found: "B_{m}" if found.group(1) else "B_{0}", text)
    parallel = re.sub(r"(?<=[A-Za-z])\|\|", r"_{\\parallel}", text)
    if parallel != text and len(re.findall(r"(?<!\\)\|", parallel)) % 2:
        parallel = re.sub(r"(?<=[A-Za-z])\|\|", r"_{\\parallel}|", text, count=1)
    return parallel


def _following(remark, lookup):
    r"""The relations after a separator (``a = b \quad , \quad c = d``, ``a = b;\ c = d``,
    ``a = b \quad\mathrm{;}\quad c = d``) or a wide space before a formula (``m\dot v_x =
    q v_y B \quad m\dot v_y = -q v_x B``) that the grammar left as the first one's remark;
    none if the remark is words."""
    rest = re.sub(r"^(\s|,|;|\\[,;:! ]|\\q?quad|\\text\{\s*(and|und|or)\s*\}|"
                  r"\\(?:text|mathrm|textrm|rm|mbox)\s*\{\s*[,;]\s*\})+", "", remark)
    if (rest == remark.strip() and not _FORMULA_START.match(rest)) or \
            not re.search(r"=|\\approx|\\simeq", rest) or \
            re.search(r"[<>]|\\[lg]l\b|\\[lg]eq?\b", rest):
        return []
    try:
        return read(rest, lookup=lookup)
    except ParseError:
        return []


# how a formula starts (not words): a fraction, a dotted or vector name, one letter
_FORMULA_START = re.compile(r"\\(?:[dt]?frac|dot|ddot|vec|mathbf|boldsymbol|bm|hat)(?![A-Za-z])|"
                            r"[A-Za-z](?![A-Za-z])")


def lines(text):
    r"""The lines of an aligned display: ``text`` split at the ``\\`` outside braces and
    matrices."""
    found, depth, matrices, start, i = [], 0, 0, 0, 0
    while i < len(text):
        if text.startswith("\\begin{", i) and re.match(r"\\begin\{[pbvBV]?matrix", text[i:]):
            matrices += 1
        elif text.startswith("\\end{", i) and re.match(r"\\end\{[pbvBV]?matrix", text[i:]):
            matrices -= 1
        if text.startswith("\\\\", i) and depth == 0 and matrices == 0:
            found.append(text[start:i])
            start = i = i + 2
            continue
        if text[i] == "\\":
            i += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return found + [text[start:]]


def _parsed(text, latex, lookup):
    """The parser of one line, and what it read."""
    try:
        if latex:
            guarded = _latex_parser(text, False, True, lookup)
        else:
            guarded = _Guarded(_SympyParser(text, False, True, lookup), text, "SymPy syntax")
    except ParseError:
        raise
    except Exception as problem:
        raise ParseError(f"internal error {type(problem).__name__}: {problem}", text, 0) from None
    return guarded, guarded.parse()


def _read_line(text, latex, lookup):
    """The relations of one line and the position of its first relation (or None)."""
    lookup.entries = lookup.entries_by_table = False
    guarded, statements = _parsed(text, latex, lookup)
    if lookup.entries and lookup.entries_by_table:    # dB_z/dz before dB_z/dx: an entry too
        guarded, statements = _parsed(text, latex, lookup)
    positions = getattr(guarded.parser, "relation_positions", [])
    relations, kinds, kind = [], guarded.parser.relations, "exact"
    for index, statement in enumerate(statements):
        if index < len(kinds):                # a link is as loose as the loosest before it
            found = RELATION_KINDS.get(kinds[index], "exact")
            kind = found if found != "exact" and kind == "exact" else kind
        relations.append(Relation(statement, kind if kinds else "none",
                                  guarded.parser.remark,
                                  averaged=tuple(getattr(guarded.parser, "averaged", ()))))
    return relations, (positions[0] if positions else None)
