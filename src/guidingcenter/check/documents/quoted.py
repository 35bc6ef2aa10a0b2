r"""What one relation of a document quotes when it states a number.

The quantity (a name, read through the document's definitions and the checker's
notation table, with the particle its subscript names: ``|\Omega_e|``, ``(\tau_b)_p``,
``\langle\tau_d\rangle_p``; or an ``\underbrace`` label of an earlier formula), the
number side (a plain value with its unit, in the formula or in the words after it; a
coefficient of a power law, ``5.46 L^{-3}``; an engineering formula whose inputs carry
units, ``\sqrt{\mathcal{E}(\text{MeV})} (L/11.1)^3``), and the document's own formula
for the quantity when the chain gives one.  :func:`read_quoted` returns a :class:`Quoted`,
or None when the relation states no number.
"""

import decimal
import re
from dataclasses import dataclass

import sympy as sp

from guidingcenter import symbols as S
from guidingcenter.check.documents import names as N
from guidingcenter.check.documents import vocabulary as V
from guidingcenter.check.documents.formulas import (NAME, clean, number_with_unit,
                                                    split_relations)
from guidingcenter.check.documents.units import unit, unit_at_start
from guidingcenter.check.errors import ParseError
from guidingcenter.check.latex.table import latex_key
from guidingcenter.check.parsing import parse_latex

__all__ = ["Side", "Quoted", "read_quoted", "species_plain", "meaning_of", "PARTICLE_NAMES",
           "UNIT_ANNOTATED", "TRAILING_UNIT"]

PARTICLE_NAMES = {"p+": "proton", "e-": "electron"}   # keys of guidingcenter.particles


@dataclass
class Side:
    """The number side of a relation as printed: its LaTeX (inputs with units written
    bare, the closing unit removed), the SI scale of each unit-annotated input, and the
    numbers it quotes.  The parser folds numbers together (``(L/11.1)^3``), so a number
    is changed in the text and the side read again."""

    text: str
    scales: dict           # symbol -> SI value of its unit (W given in MeV: W -> W/MeV)
    numbers: list          # (start, end, value, digits, printed) in ``text``
    printed: str = ""      # the side as the document prints it

    def corrected(self, index, value):
        """The printed side with number ``index`` replaced by ``value`` (LaTeX)."""
        matches = [m for m in _DECIMAL.finditer(self.printed) if _quoted_decimal(m)]
        if index >= len(matches):
            return None
        match = matches[index]
        digits = self.numbers[index][3]
        return self.printed[:match.start()] + f"{value:.{max(digits, 2)}g}" + \
            self.printed[match.end():]

    def expression(self, changes=None, rational=True):
        """The side as SymPy in its printed units, with ``changes`` ({index: value});
        exact rationals for computing, decimals (``rational=False``) for showing."""
        text = self.text
        for index in sorted(changes or {}, key=lambda i: -self.numbers[i][0]):
            start, end = self.numbers[index][:2]
            text = text[:start] + _positional(changes[index]) + text[end:]
        expression = parse_latex(text, rational=rational)
        for symbol, scale in self.scales.items():
            expression = expression.subs(symbol, symbol / (sp.Rational(repr(scale)) if rational
                                                           else sp.Float(scale, 15)))
        return expression


def _positional(value):
    """A number written out without an exponent (the parser reads e as the charge)."""
    return format(decimal.Decimal(repr(float(value))), "f")


@dataclass
class Quoted:
    """What a relation quotes: the quantity, the number side and what came with it."""

    lhs: object            # the quantity (SymPy) or None for a label
    label: str             # an \underbrace label, "(1)"
    species: str           # "p+", "e-" or ""
    magnitude: bool        # |X| quoted
    side: Side            # the number side
    unit: object           # the Unit of the whole side, or None
    formula: object        # the document's own expression for the quantity (chain), or None
    reading: str           # how unusual spellings were read

    def __post_init__(self):
        self.quoted = self.side.expression()
        self.claim = self.quoted * sp.Rational(repr(self.unit.si if self.unit else 1.0))

    @property
    def numbers(self):
        return self.side.numbers


UNIT_ANNOTATED = re.compile(r"(\\mathcal\{[A-Za-z]\}|\\[A-Za-z]+|[A-Za-z])(?:_\{?[^{}()\s]*\}?)?"
                             r"\s*(?:\(|\[|\\left\(|\\left\[)\s*\\(?:text|mathrm|rm)\s*\{\s*"
                             r"([^{}]+?)\s*\}\s*(?:\)|\]|\\right\)|\\right\])")
TRAILING_UNIT = re.compile(r"(?:\\[,;!]\s*|~\s*)*\\(?:text|mathrm|rm)\s*\{([^{}]*)\}"
                            r"(\^\{?-?\d+\}?)?[\s.,;]*$")
_DECIMAL = re.compile(r"(?<![\w.^_])(?<!_\{)(?<!\^\{)(\d+\.\d+|\d+)"
                      r"(?:\s*(?:\\times|\\cdot)\s*10\s*\^\s*\{?\s*([-+\u2212]?\d+)\s*\}?)?")


def read_quoted(relation, document, context):
    """The :class:`Quoted` of one relation of ``document`` (a DocumentContext), or None
    when it states no number."""
    return _read(relation, _sides(relation, document), document, context)


def _sides(relation, document):
    """The sides of the relation's formula piece, as ``[(side, relation before)]``: the
    quantity first, the number side last; for a link of a chain, the chain's first side,
    the sides before the link, and the link's right side; None if there is no relation."""
    line = int(relation.line)
    chain, link = getattr(relation, "chain", None), getattr(relation, "link", None)
    if chain and link is not None:
        pieces = split_relations(document.expand(chain, line))
        if len(pieces) == 1 and len(pieces[0]) == getattr(relation, "links", 1) + 1:
            return pieces[0][:link + 2]
    pieces = split_relations(document.expand(getattr(relation, "latex", None) or
                                             relation.quote, line))
    return pieces[-1] if pieces else None             # "W = 1 keV, ... -> (2) = 2.9"


def _read(relation, pieces, document, context):
    """The :class:`Quoted` of a relation, or None if it states no number."""
    if not pieces:
        return None
    sides = [clean(side) for side, _ in pieces]
    if any(r == r"\sim" for _, r in pieces[1:]):
        return None                                      # an order of magnitude
    if not sides[0]:
        sides[0] = _name_before(relation, document)      # "Elektronen (1) $\approx 0.4$ s"
    prose = _prose_after(relation, document)
    last = sides[-1]
    unit_found, body = _side_unit(last, prose)
    annotated = UNIT_ANNOTATED.search(last)
    plain = number_with_unit(last, prose)
    if plain is None and unit_found is None and annotated is None and not _coefficient(body):
        return None
    lhs, label, species, magnitude, reading = _quantity(sides[0], document, context, line=int(
        relation.line))
    formula = _formula(sides[1:-1])
    if lhs is None and label is None and formula is not None:
        # v_E = E/B = 20 km/s: a name with no single meaning (a drift speed), worked out by
        # the document's own formula
        lhs = sp.Symbol(latex_key(species_plain(sides[0])[0]) or sides[0].strip())
    if lhs is None and label is None:
        if plain is not None:           # "1 eV = 1.602e-19 J": a unit conversion
            return _conversion(sides[0], plain, relation, document)
        return None
    if plain is not None and plain[0] == 0 and plain[2] is None:
        return None                                      # "E = 0", "div B = 0": a statement
    if plain is not None:
        value, digits, found, printed, number_reading = plain
        side = Side(printed, {}, [(0, len(printed), value / (found.si if found else 1.0),
                                    digits, printed)])
        unit_found, reading = found, "; ".join(filter(None, (reading, number_reading)))
    else:
        side = _engineering(body, last)
        if side is None:
            return None
    species = species or _species_near(relation, document)
    return Quoted(lhs, label, species, magnitude, side, unit_found, formula, reading)


def _formula(middle):
    """The document's own formula among the middle sides of a chain: the last that reads
    (None if none does)."""
    formula = None
    for side in middle:
        try:
            formula = parse_latex(species_plain(side)[0])
        except ParseError:
            continue
    return formula


def _name_before(relation, document):
    """The label or name that stands in the prose right before a formula that starts
    with its relation (``(1) $\\approx 0.4 \\text{ s}$``)."""
    span = document.span_of(int(relation.line), relation.quote)
    if span is None:
        return ""
    before = document.text[max(0, span.start - 40):span.start]
    match = re.search(r"(\(\s*\d+\s*\)|\\?[A-Za-z]+(?:_\{?\w+\}?)?)\s*$", before)
    return match.group(1) if match else ""


def _prose_after(relation, document):
    r"""What follows the relation in the text, up to 40 characters of the words after its
    formula: a unit the cleaned LaTeX lost (``\text{ hours}``) or the one in the prose
    (``$\tau_b \approx 0.4$ s``); only when the relation ends its formula."""
    span = document.span_of(int(relation.line), relation.quote)
    if span is None:
        return ""
    end = getattr(relation, "end", None)
    if isinstance(end, int) and span.start < end <= span.end:
        inside = document.text[end:span.end]
        if re.search(r"[=<>]|\\(?:approx|simeq|equiv|sim)\b", inside):
            return ""                                   # another relation follows
        return re.sub(r"\$+|\\[)\]]", " ", inside) + document.prose_after(span.end, 40)
    if not _bare(span.quote).endswith(_bare(relation.quote)[-12:]):
        return ""
    return document.prose_after(span.end, 40)


def _bare(quote):
    """A quote without its math delimiters and the spaces around them."""
    return re.sub(r"^(?:\$\$?|\\[(\[])\s*|\s*(?:\$\$?|\\[)\]])$", "", quote.strip())


def _side_unit(side, prose):
    """The unit that closes a number side (``\\text{ MHz}``) or follows it in prose, and
    the side without it."""
    match = TRAILING_UNIT.search(side)
    if match:
        found = unit(match.group(1) + (match.group(2) or ""))
        if found is not None:
            return found, side[:match.start()]
    found, _ = unit_at_start(prose) if prose else (None, 0)
    return found, side


def _coefficient(body):
    """Does a side start with a decimal coefficient of a power law (``5.46 L^{-3}``)?"""
    match = _DECIMAL.match(body.strip())
    return bool(match and ("." in match.group(1) or match.group(2)))


def _quantity(side, document, context, line):
    """``(quantity, label, species, magnitude, reading)`` named by the left side."""
    text = side.strip()
    magnitude = False
    bars = re.fullmatch(r"(?:\\left)?\|\s*(.+?)\s*(?:\\right)?\|", text)
    if bars:
        text, magnitude = bars.group(1), True
    label = re.fullmatch(r"\(\s*\d+\s*\)", text)
    if label:
        name = re.sub(r"\s", "", text)
        return (None, name, "", magnitude, "") if name in document.labels(line) else \
            (None, None, "", magnitude, "")
    plain, species, reading = species_plain(text)
    key = latex_key(plain)
    if key is not None:
        symbol = meaning_of(key, context)
        if symbol is not None:
            return symbol, None, species, magnitude, reading
    try:
        expression = parse_latex(plain)
    except ParseError:
        return None, None, species, magnitude, reading
    if isinstance(expression, (sp.Equality, list)) or not expression.free_symbols:
        return None, None, species, magnitude, reading
    return expression, None, species, magnitude, reading


def meaning_of(key, context):
    """What a name means: the document's definition, else the checker's first reading."""
    meaning = context.definitions.get(key) if context else None
    if meaning is not None:
        try:
            return sp.sympify(meaning, locals=S.by_name())
        except (sp.SympifyError, TypeError):
            return None
    return N.first_reading(key)


_SPECIES_FORMS = (
    re.compile(r"^\(\s*(?P<name>[^()]+?)\s*\)\s*_\s*\{?\s*(?P<sub>[A-Za-z])\s*\}?$"),
    re.compile(r"^(?P<name>\\langle.+\\rangle)\s*_\s*\{?\s*(?P<sub>[A-Za-z])\s*\}?$"),
)


def species_plain(text):
    r"""The particle a quantity's spelling names: ``(\tau_b)_p`` and
    ``\langle\tau_d\rangle_e`` by the subscript outside, ``\Omega_e``, ``\omega_{ce}``,
    ``\rho_p`` by the notation table's species subscripts; returns ``(text without an
    outer subscript, particle or "", words saying how it was read)``."""
    for form in _SPECIES_FORMS:
        match = form.match(text.strip())
        if match and N.particle(match.group("sub")):
            species = N.particle(match.group("sub"))
            return match.group("name"), species, (
                f"{text.strip()}: {match.group('name')} of {_article(PARTICLE_NAMES[species])}")
    for match in NAME.finditer(text):
        key = latex_key(match.group())
        species = N.particle_of(key) if key else ""
        if species:
            return text, species, (f"{match.group().strip()} read as "
                                   f"{sp.sstr(N.first_reading(key))} of "
                                   f"{_article(PARTICLE_NAMES[species])}")
    return text, "", ""


def _article(word):
    return ("an " if word[0] in "aeiou" else "a ") + word


def _species_near(relation, document):
    """The particle the words on the relation's line (else the lines before) speak of."""
    line = int(relation.line)
    text = document.line_text(line)
    column = text.find(relation.quote[:20])
    found = V.species_in(text, column if column >= 0 else None)
    if found:
        return found
    for earlier in range(line - 1, max(0, line - 3), -1):
        found = V.species_in(document.line_text(earlier))
        if found:
            return found
    return ""


def _quoted_decimal(match):
    """A number a document quotes (3.7, 5.62 x 10^-2), not an integer of a formula (2)."""
    return "." in match.group(1) or bool(match.group(2))


def _engineering(body, printed):
    """The :class:`Side` of an engineering formula: inputs with units written bare
    (``\\mathcal{E}(\\text{MeV})`` -> ``\\mathcal{E}``, read as W/MeV) and the decimals
    it quotes; None if it cannot be read or quotes no decimal."""
    scales = {}

    def replace(match):
        found = unit(match.group(2))
        symbol = N.first_reading(latex_key(match.group(1)) or "")
        if found is None or symbol is None:
            return match.group()
        scales[symbol] = found.si
        return " " + match.group(1) + " "
    text = UNIT_ANNOTATED.sub(replace, body)
    numbers = []
    for match in _DECIMAL.finditer(text):
        if not _quoted_decimal(match):
            continue
        mantissa = match.group(1)
        value = float(f"{mantissa}e{(match.group(2) or '0').replace(chr(0x2212), '-')}")
        digits = len(mantissa.replace(".", "").lstrip("0")) or 1
        numbers.append((match.start(), match.end(), value, digits, match.group().strip()))
    if not numbers:
        return None
    side = Side(text, scales, numbers, printed)
    try:
        expression = side.expression()
    except ParseError:
        return None
    return None if isinstance(expression, (sp.Equality, list)) else side


def _conversion(side, plain, relation, document):
    """``1 \\text{eV} = 1.602 \\times 10^{-19} \\text{J}``: a unit conversion."""
    left = number_with_unit(side)
    if left is None or left[2] is None or plain[2] is None or \
            left[2].dimension != plain[2].dimension:
        return None
    value, digits, found, printed, _ = plain
    number = Side(printed, {}, [(0, len(printed), value / found.si, digits, printed)])
    return Quoted(sp.Symbol(side.strip()), None, "", False, number, found,
                   sp.Float(left[0], 30), "a conversion")


