r"""Long formulas broken into lines that fit the page.

:func:`width` estimates how wide pdflatex sets the LaTeX that SymPy prints
(TeX points, 10 pt Computer Modern, display style); :func:`break_lines` splits
an expression at the signs of its sums, at any depth, into lines no wider than
a given measure: a parenthesis left open at the end of a line is closed with
``\right.`` and opened again with ``\left.`` on the next, so every line is
valid LaTeX.  The estimate leans wide on purpose (it is compared with
pdflatex's own measure in ``tests/test_linebreak.py``): a line it accepts fits.
"""

import re

import sympy as sp

__all__ = ["width", "break_lines", "Unbreakable"]


class Unbreakable(ValueError):
    """An expression that cannot be broken into lines of the measure asked for."""


# --- estimated widths --------------------------------------------------------------

# Widths in points of Computer Modern glyphs at 10 pt, rounded up (cmmi10, cmr10, cmsy10):
# math italic letters, upright digits and punctuation; the spaces TeX puts around binary
# operators (medium, 2.2 pt) and relations (thick, 2.8 pt) are added where they apply.
_LETTERS = {**dict.fromkeys("abcdeghknopqsuvxyz", 5.4), **dict.fromkeys("fjrt", 4.6),
            **dict.fromkeys("il", 3.5), "m": 8.8, "w": 7.3,
            **dict.fromkeys("ABCDEFGHKLNOPQRSTUVXYZ", 8.2), "I": 4.9, "J": 5.8,
            "M": 9.8, "W": 9.6}
_SYMBOLS = {
    "alpha": 6.5, "beta": 5.8, "gamma": 5.3, "delta": 4.5, "epsilon": 4.1,
    "varepsilon": 4.7, "zeta": 4.4, "eta": 5.1, "theta": 4.8, "vartheta": 5.9,
    "iota": 3.5, "kappa": 5.8, "lambda": 5.9, "mu": 6.1, "nu": 5.0, "xi": 4.6, "pi": 5.8,
    "varpi": 8.0, "rho": 5.2, "varrho": 5.2, "sigma": 5.8, "tau": 4.4, "upsilon": 5.8,
    "phi": 6.0, "varphi": 6.6, "chi": 6.3, "psi": 6.6, "omega": 6.3,
    "Gamma": 6.3, "Delta": 8.4, "Theta": 7.8, "Lambda": 6.9, "Xi": 6.7, "Pi": 7.6,
    "Sigma": 7.3, "Upsilon": 7.8, "Phi": 7.3, "Psi": 7.8, "Omega": 7.3,
    "partial": 5.8, "nabla": 8.4, "infty": 10.0, "hbar": 5.8, "ell": 4.2, "prime": 2.8,
    "langle": 3.9, "rangle": 3.9, "{": 5.0, "}": 5.0, "|": 5.6, "parallel": 5.6,
    "lbrace": 5.0, "rbrace": 5.0, "vert": 2.8, "Vert": 5.6, "%": 8.4, "dagger": 4.5,
    "emptyset": 5.0, "circ": 5.0, "bullet": 5.0, "star": 5.0, "ast": 5.0, "_": 5.0,
    "ldots": 13.4, "dots": 13.4, "cdots": 13.4, "vdots": 2.8, "hfill": 0.0,
}
_BINARY = {"times", "cdot", "pm", "mp", "wedge", "vee", "cup", "cap", "setminus",
           "oplus", "otimes", "div"}
_RELATIONS = {"approx", "sim", "simeq", "le", "leq", "ge", "geq", "ne", "neq", "equiv",
              "to", "rightarrow", "leftarrow", "Rightarrow", "Leftarrow", "leftrightarrow",
              "gtrless", "lessgtr", "propto", "ll", "gg", "in", "mapsto", "perp", "cong",
              "xrightarrow"}
_FUNCTIONS = {"sin", "cos", "tan", "cot", "sec", "csc", "sinh", "cosh", "tanh", "coth",
              "arcsin", "arccos", "arctan", "log", "ln", "exp", "det", "max", "min", "lim",
              "arg", "sup", "inf", "deg", "dim", "ker", "gcd"}
_BIG = {"int": 13.9, "iint": 23.0, "iiint": 32.0, "oint": 13.9, "sum": 14.5, "prod": 12.8}
_SPACES = {",": 1.7, ":": 2.2, ";": 2.8, "!": -1.7, " ": 3.4, "quad": 10.0,
           "qquad": 20.0}
_ONE_ARGUMENT = {"vec", "hat", "bar", "tilde", "dot", "ddot", "overline", "underline",
                 "mathbf", "boldsymbol", "mathit", "mathcal", "mathbb", "mathsf",
                 "mathring", "check", "breve", "acute", "grave", "widehat", "widetilde"}
_UPRIGHT = {"mathrm", "operatorname", "text", "textrm", "textit", "mathtt", "texttt"}
_DELIMITER = 3.9          # a \left( or \right) around a line of symbols
_TALL_DELIMITER = 6.2     # ... around a fraction: TeX takes a larger parenthesis
_TALL = {"\\frac", "\\begin", "\\sqrt", "\\int", "\\sum", "\\vec", "\\hat", "\\dot", "\\ddot"}
_NULL_DELIMITER = 1.2      # \nulldelimiterspace: \left. and \right., and each side of \frac
_STYLE_SIZE = (1.0, 1.0, 0.78, 0.62)        # display, text, script (cmmi7), scriptscript
_SCRIPT = (2, 2, 3, 3)                      # the style of a sub- or superscript
_FRACTION = (1, 2, 3, 3)                    # the style of a numerator or denominator

_TEXT = re.compile(r"\\text\{[^{}]*\}")
_TOKEN = re.compile(r"\\[a-zA-Z]+|\\.|[{}^_&]|\s+|.", re.S)


def width(tex, style=0):
    r"""Estimated width in points of the math ``tex`` as pdflatex sets it.

    ``style`` 0 is display style (the default), 1 text, 2 script style.  The
    grad-B drift's coefficient, which pdflatex sets 73.1 pt wide:

    >>> round(width(r"\frac{m v_\perp^{2} \left(\vec{B} \times \nabla B\right)}{2 B^{3} q}"))
    74
    """
    # spaces count in text, nowhere else
    tex = _TEXT.sub(lambda m: m[0].replace(" ", "~"), tex)
    tokens = [t for t in _TOKEN.findall(tex) if not t.isspace()]
    total, _ = _Measure(tokens).sequence(0, style, stop=None)
    return total


class _Measure:
    """The widths of one token list (a recursive descent over SymPy's LaTeX)."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.tall = _tall_delimiters(tokens)

    def sequence(self, i, style, stop):
        """Width of tokens from ``i`` up to ``stop`` (a token) or the end; (width, i)."""
        tokens, size = self.tokens, _STYLE_SIZE[style]
        total, previous = 0.0, None      # previous: the kind of the last atom, for spacing
        while i < len(tokens) and tokens[i] != stop:
            if tokens[i] in ("^", "_"):
                used, i = self.scripts(i, style)
                total += used
                continue
            atom, kind, i = self.atom(i, style)
            if kind == "displaystyle":
                style, size = 0, 1.0
                continue
            if kind == "bin" and previous in (None, "bin", "rel", "open", "punct"):
                kind, atom = "ord", 7.8 * size     # a sign at the start of a group is unary
            if kind == "ord" and previous == "op":
                total += 1.7 * size                # thin space after a function name
            total += atom
            previous = kind
        return total, i + 1

    def argument(self, i, style):
        """Width of one argument (a braced group or a single token); (width, i)."""
        if i >= len(self.tokens):
            return 0.0, i
        if self.tokens[i] == "{":
            return self.sequence(i + 1, style, stop="}")
        atom, _, i = self.atom(i, style)
        return atom, i

    def scripts(self, i, style):
        """Width of the sub- and superscripts starting at ``i`` (the wider counts); (width, i)."""
        widths = {"^": 0.0, "_": 0.0}
        while i < len(self.tokens) and self.tokens[i] in widths:
            kind = self.tokens[i]
            used, i = self.argument(i + 1, _SCRIPT[style])
            widths[kind] = max(widths[kind], used)
        return max(widths.values()) + 0.5, i      # + \scriptspace

    def atom(self, i, style):
        """Width and kind (ord, bin, rel, open, punct, op) of the atom at ``i``; (w, kind, i)."""
        size = _STYLE_SIZE[style]
        spaced = style < 2                       # no operator spacing in script styles
        token = self.tokens[i]
        if token == "{":
            used, i = self.sequence(i + 1, style, stop="}")
            return used, "ord", i
        if token in "+-*":
            return (7.8 + (4.4 if spaced else 0)) * size, "bin", i + 1
        if token in "=<>":
            return (7.8 + (5.6 if spaced else 0)) * size, "rel", i + 1
        if token in "([":
            return 3.9 * size, "open", i + 1
        if token in ")]":
            return 3.9 * size, "ord", i + 1
        if token in ",;":
            return (2.8 + (1.7 if spaced else 0)) * size, "punct", i + 1
        if token in "&}":
            return 0.0, "ord", i + 1
        if token == "~":
            return 3.4 * size, "ord", i + 1
        if not token.startswith("\\"):
            return _LETTERS.get(token, 5.0) * size, "ord", i + 1
        return self.command(i, style)

    def command(self, i, style):
        tokens, size = self.tokens, _STYLE_SIZE[style]
        spaced = style < 2
        name, start = tokens[i][1:], i
        i += 1
        if name in ("frac", "dfrac", "tfrac"):
            inner = {"frac": _FRACTION[style], "dfrac": 1, "tfrac": 2}[name]
            numerator, i = self.argument(i, inner)
            denominator, i = self.argument(i, inner)
            return max(numerator, denominator) + 2 * _NULL_DELIMITER * size, "ord", i
        if name == "sqrt":
            if i < len(tokens) and tokens[i] == "[":
                _, i = self.sequence(i + 1, _SCRIPT[style], stop="]")
            radicand, i = self.argument(i, style)
            return radicand + 10.0 * size, "ord", i
        if name in ("left", "right"):
            delimiter = tokens[i] if i < len(tokens) else "."
            used = (_NULL_DELIMITER if delimiter == "." else
                    _TALL_DELIMITER if start in self.tall else _DELIMITER)
            return used * size, ("open" if name == "left" else "ord"), i + 1
        if name == "begin":
            return self.environment(i, style)
        if name in _ONE_ARGUMENT:
            used, i = self.argument(i, style)
            return used, "ord", i
        if name in _UPRIGHT:
            used, i = self.argument(i, style)
            return used * 0.95, ("op" if name == "operatorname" else "ord"), i
        if name in _FUNCTIONS:
            return 4.6 * len(name) * size, "op", i
        if name in _BIG:
            limits = i < len(tokens) and tokens[i] == "\\limits"
            i += limits
            big = _BIG[name] * (1.0 if style == 0 else 0.6) * size
            if not limits or i >= len(tokens) or tokens[i] not in ("^", "_"):
                return big, "op", i
            scripts, i = self.scripts(i, style)
            return max(big, scripts) + 1.7 * size, "op", i
        if name in ("limits", "nolimits", "textstyle"):
            return 0.0, "ord", i
        if name == "displaystyle":
            return 0.0, "displaystyle", i
        if name in _SPACES:
            return _SPACES[name] * size, "ord", i
        if name in _BINARY:
            glyph = 2.8 if name == "cdot" else 7.8
            return (glyph + (4.4 if spaced else 0)) * size, "bin", i
        if name in _RELATIONS:
            return (10.0 + (5.6 if spaced else 0)) * size, "rel", i
        if name in _SYMBOLS:
            return _SYMBOLS[name] * size, "ord", i
        return 8.0 * size, "ord", i

    def environment(self, i, style):
        """A matrix: columns as wide as their widest cell, 10 pt apart (2 \\arraycolsep)."""
        tokens = self.tokens
        _, i = self.argument(i, style)           # the environment's name
        columns, column, rows = [0.0], 0, 1
        while i < len(tokens) and tokens[i] != "\\end":
            used, i = self.cell(i, max(style, 1))   # cells are set in text style
            columns[column] = max(columns[column], used)
            if i < len(tokens) and tokens[i] == "&":
                column, i = column + 1, i + 1
                columns += [0.0] * (column + 1 - len(columns))
            elif i < len(tokens) and tokens[i] == "\\\\":
                column, rows, i = 0, rows + 1, i + 1
        _, i = self.argument(i + 1, style)       # \end{...}
        # the \left( \right) around a matrix grow with its rows
        taller = 0.0 if rows == 1 else 2 * (2.8 if rows == 2 else 4.1)
        return sum(columns) + 10.0 * (len(columns) - 1) + taller, "ord", i

    def cell(self, i, style):
        """Width of one matrix cell; (width, index of the & or \\\\ or \\end after it)."""
        tokens, start, depth = self.tokens, i, 0
        while i < len(tokens):
            if depth == 0 and tokens[i] in ("&", "\\\\", "\\end"):
                break
            depth += {"\\begin": 1, "\\end": -1}.get(tokens[i], 0)
            i += 1
        used, _ = _Measure(tokens[start:i]).sequence(0, style, stop=None)
        return used, i


def _tall_delimiters(tokens):
    """Indices of the \\left and \\right around a fraction, matrix, root, integral or
    accent, which TeX sets larger (and wider) than around a line of symbols."""
    tall, stack = set(), []
    for i, token in enumerate(tokens):
        if token == "\\left":
            stack.append([i, False])
        elif token == "\\right" and stack:
            start, is_tall = stack.pop()
            if is_tall:
                tall.update((start, i))
                if stack:
                    stack[-1][1] = True
        elif token in _TALL and stack:
            stack[-1][1] = True
    return tall


# --- breaking ---------------------------------------------------------------------

class _Piece:
    """A run of LaTeX between break points: ``opens``/``closes`` count the delimiters it
    leaves open or closes; ``breakable``: a line may start with it (a sign of a sum)."""

    def __init__(self, tex, breakable=False, opens=0, closes=0):
        self.tex, self.breakable, self.opens, self.closes = tex, breakable, opens, closes
        if breakable:          # a sign between terms: binary, with its spaces
            self.width = width("{}" + tex)
        elif opens or closes:  # alone, a \left( without its \right): measure it as tall
            self.width = width(tex.replace(r"\left(", r"\left.").replace(r"\right)", r"\right."))
            self.width += (opens + closes) * (_TALL_DELIMITER - _NULL_DELIMITER)
        else:
            self.width = width(tex)


def break_lines(expr, first, rest, latex):
    r"""LaTeX lines for ``expr``, broken at the signs of its sums.

    The first line is at most ``first`` points wide, the others at most ``rest``
    (they are meant to follow ``&\qquad`` in an ``align`` environment); ``latex``
    prints an expression.  Raises :class:`Unbreakable` when a piece between two
    signs is wider than that.
    """
    chunks = []
    for piece in _pieces(expr, min(first, rest), latex):
        if piece.breakable or not chunks:
            chunks.append([])
        chunks[-1].append(piece)
    lines, line, used, depth, start_depth = [], [], 0.0, 0, 0
    for chunk in chunks:
        size = sum(p.width for p in chunk)
        after = depth + sum(p.opens - p.closes for p in chunk)
        limit = rest if lines else first
        room = limit - (start_depth + after) * _NULL_DELIMITER
        if line and used + size > room:
            lines.append(_line(line, start_depth, depth))
            line, used, start_depth = [], 0.0, depth
            limit = rest
        line.extend(chunk)
        used += size
        depth = after
        if used + (start_depth + depth) * _NULL_DELIMITER > limit:
            raise Unbreakable(f"a piece of {used:.0f} pt does not fit in {limit:.0f} pt: "
                              f"{''.join(p.tex for p in chunk)[:80]}")
    lines.append(_line(line, start_depth, depth))
    return lines


def _line(pieces, opened, left_open):
    head = r"\left." * opened + ("{}" if pieces[0].breakable else "")
    return head + "".join(p.tex for p in pieces) + r"\right." * left_open


def _pieces(expr, measure, latex):
    """``expr`` as pieces, opened up (sums into terms, products around their widest sum)
    only as far as a piece would be wider than ``measure``."""
    tex = latex(expr)
    if width(tex) <= measure:
        return [_Piece(tex)]
    if isinstance(expr, sp.Add):
        terms = expr.as_ordered_terms()   # the order LatexPrinter prints them in
        pieces = _pieces(terms[0], measure, latex)
        for term in terms[1:]:
            sign = " - " if term.could_extract_minus_sign() else " + "
            term = -term if sign == " - " else term
            pieces.append(_Piece(sign, breakable=True))
            pieces += _pieces(term, measure, latex)
        return pieces
    inner, opening, closing = _opened(expr, latex)
    if inner is None:
        return [_Piece(tex)]                 # unbreakable: break_lines says so if too wide
    return [_Piece(opening, opens=1), *_pieces(inner, measure, latex),
            _Piece(closing, closes=1)]


def _opened(expr, latex):
    """(inner, LaTeX before it, LaTeX after it) for a product with a sum in it, a power
    of a sum or an integral; (None, "", "") otherwise."""
    if isinstance(expr, sp.Mul):
        sums = [f for f in expr.args if f.is_Add or (f.is_Pow and f.base.is_Add
                                                     and f.exp.is_positive)]
        if not sums:
            return None, "", ""
        widest = max(sums, key=lambda f: width(latex(f)))
        rest = expr / widest
        prefix = {1: "", -1: "- "}.get(rest, None)
        prefix = latex(rest) + " " if prefix is None else prefix
        inner, opening, closing = _opened(widest, latex) if widest.is_Pow else (
            widest, r"\left(", r"\right)")
        return inner, prefix + opening, closing
    if expr.is_Pow and expr.base.is_Add and expr.exp.is_positive and expr.exp != sp.S.Half:
        return expr.base, r"\left(", r"\right)^{%s}" % latex(expr.exp)
    if isinstance(expr, sp.Integral) and len(expr.limits) == 1 and len(expr.limits[0]) == 3:
        variable, low, high = expr.limits[0]
        return (expr.function, r"\int\limits_{%s}^{%s} \left(" % (latex(low), latex(high)),
                r"\right)\, d%s" % latex(variable))
    return None, "", ""
