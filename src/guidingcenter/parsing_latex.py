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
* ``\int\limits_{a}^{b} f \, dx``; ``\begin{matrix}`` (also ``pmatrix``,
  ``bmatrix``) with ``&`` and ``\\``;
* relations ``=``, ``:=``, ``\approx``, ``\simeq``, ``\equiv``, ``\sim``
  (all read as equations); a chain ``a = b \approx c`` only with ``chain=True``
  (see :mod:`guidingcenter.parsing`);
* ignored: ``$``, ``\,`` ``\;`` ``\!`` ``\:`` ``~`` ``\quad``, ``\displaystyle``,
  ``\limits``, ``&`` outside matrices, a trailing ``.`` or ``,``.

Not supported (a :class:`~guidingcenter.parsing.ParseError` says which):
text and units (``\text{ kHz}``, ``\mathcal{E}(\text{MeV})``), gyro-averages
``\langle ... \rangle`` other than the table's ``\langle\vec{F}\rangle``,
derivatives of expressions and higher derivatives, ``\dot{x}``, unit vectors
such as ``\hat{x}``, inequalities, ``\pm``, products of two vectors without
``\cdot`` or ``\times``, gradients of vectors, symbols the table does not
know (``\beta``, ``v_\phi``, ``\Omega_p``, ``\rho_e`` ...).  ``e`` is the
elementary charge and ``E`` the electric field: write ``\exp(x)``, not ``e^{x}``.
"""

import functools
import re
import unicodedata

import sympy as sp
from sympy.core.function import AppliedUndef, UndefinedFunction

from guidingcenter import symbols as _symbols
from guidingcenter.parsing import (CHAIN_REFUSED, FUNCTIONS, NotationError, ParseError, add,
                                   apply, cross, divide, dot, finish, float_number, magnitude,
                                   multiply, power, suggest)
from guidingcenter.vectors import Cross, Dot, DirectionalDerivative, Grad, is_vector

__all__ = ["parse_latex", "latex_key", "latex_table", "LATEX_ALIASES", "table_conflicts"]

#: The notes' LaTeX spellings -> SymPy name of the symbol in guidingcenter.symbols.
LATEX_ALIASES = {
    r"\omega": "omega_c", r"\omega_g": "omega_c", r"\omega_L": "omega_c", r"\Omega": "omega_c",
    r"\Omega_c": "omega_c",
    r"r_g": "r_L", r"\rho_L": "r_L",
    r"\mathcal{E}": "W", r"E_\text{kin}": "W",
    r"m_p": "m_i", r"n_e": "n",
    r"v_L": "v_perp", r"v_{\text{gc}\parallel}": "v_par",
    r"\vartheta": "lambda", r"\vartheta_m": "lambda_m", r"\lambda_\text{m}": "lambda_m",
    r"R_{eq}": "r_eq", r"r_E": "R_E", r"R_e": "R_E", r"M_e": "M_E",
    r"\alpha_l": "alpha_lc",
    r"\hat{B}": "b_hat",
    r"\vec{v}_\nabla": "v_gradB", r"\vec{F}_\nabla": "F_gradB", r"\vec{v}_C": "v_R",
    r"\vec{v}_{\text{ExB}}": "v_E", r"\vec{v}_{E\times B}": "v_E",
    r"\vec{F}_\parallel": "F_par",
    r"\langle\tau_d\rangle": "tau_d", r"\langle\Omega_d\rangle": "Omega_d",
}

_GREEK = set("""alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa
    lambda mu nu xi rho varrho sigma varsigma tau upsilon phi varphi chi psi omega ell
    Gamma Delta Theta Lambda Xi Sigma Upsilon Phi Psi Omega""".split())
_DECORATIONS = {r"\vec": r"\vec", r"\mathbf": r"\vec", r"\boldsymbol": r"\vec", r"\bm": r"\vec",
                r"\overrightarrow": r"\vec", r"\hat": r"\hat", r"\widehat": r"\hat",
                r"\mathcal": r"\mathcal"}
_FUNCTION_COMMANDS = {
    r"\sin": sp.sin, r"\cos": sp.cos, r"\tan": sp.tan, r"\cot": sp.cot, r"\sec": sp.sec,
    r"\csc": sp.csc, r"\sinh": sp.sinh, r"\cosh": sp.cosh, r"\tanh": sp.tanh, r"\coth": sp.coth,
    r"\arcsin": sp.asin, r"\arccos": sp.acos, r"\arctan": sp.atan, r"\ln": sp.log,
    r"\log": sp.log, r"\exp": sp.exp,
}
_OPERATOR_NAMES = {**{name: FUNCTIONS[name][0] for name in (
                          "sqrt", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh",
                          "tanh", "asinh", "acosh", "atanh", "exp", "log", "Abs", "sign")},
                   "atan2": sp.atan2, "sgn": sp.sign, "arcsin": sp.asin, "arccos": sp.acos,
                   "arctan": sp.atan, "arsinh": sp.asinh, "arcosh": sp.acosh,
                   "artanh": sp.atanh, "arctanh": sp.atanh, "ln": sp.log}
_INVERSES = {sp.sin: sp.asin, sp.cos: sp.acos, sp.tan: sp.atan, sp.sinh: sp.asinh,
             sp.cosh: sp.acosh, sp.tanh: sp.atanh}
_RELATIONS = {"=", r"\approx", r"\simeq", r"\equiv", r"\sim", r"\cong", r"\doteq", r"\coloneqq"}
_REFUSED_RELATIONS = {"<", ">", r"\le", r"\leq", r"\ge", r"\geq", r"\ll", r"\gg", r"\neq",
                      r"\ne", r"\propto", r"\to", r"\rightarrow", r"\Rightarrow", r"\implies",
                      r"\xrightarrow", r"\longrightarrow", r"\mapsto", r"\iff"}
_SPACING = {r"\quad", r"\qquad", r"\enspace", r"\thinspace", r"\medspace", r"\thickspace",
            r"\negthinspace", r"\negmedspace"}
_IGNORED = {r"\displaystyle", r"\textstyle", r"\scriptstyle", r"\scriptscriptstyle",
            r"\limits", r"\nolimits", r"\rm", r"\it", r"\big", r"\Big", r"\bigg", r"\Bigg",
            r"\bigl", r"\bigr", r"\Bigl", r"\Bigr", r"\biggl", r"\biggr", r"\Biggl", r"\Biggr"}
_TEXT_COMMANDS = {r"\text", r"\textrm", r"\textit", r"\textup", r"\textnormal", r"\mathrm",
                  r"\mathit", r"\mathsf", r"\operatorname", r"\mbox"}
_SKIPPED_ENVIRONMENTS = {"equation", "equation*", "displaymath", "math"}
_MATRIX_ENVIRONMENTS = {"matrix", "pmatrix", "bmatrix"}
_DELIMITERS = {"(": "(", ")": ")", "[": "[", "]": "]", "|": "|", ".": ".", r"\{": r"\{",
               r"\}": r"\}", r"\|": "|", r"\langle": r"\langle", r"\rangle": r"\rangle",
               r"\lvert": "|", r"\rvert": "|", r"\vert": "|"}
_CLOSING = {"(": ")", "[": "]", r"\{": r"\}", "|": "|", r"\langle": r"\rangle"}
_UNIT = re.compile(r"(?:[kMGmunpµ]?(?:Hz|eV|T|s|m|A|J|V|W|C|K|g)|secs?|hours?|h|min(?:utes?)?"
                   r"|days?|years?|Tage?|Am)(?:\^?\{?-?\d+\}?)?")
_DEGREE = object()


class _Token:
    __slots__ = ("kind", "text", "value", "position", "end", "spaced")

    def __init__(self, kind, text, position, end, value="", spaced=False):
        self.kind, self.text, self.position, self.end = kind, text, position, end
        self.value, self.spaced = value, spaced

    def __repr__(self):
        return f"{self.kind}:{self.text}"


def _unicode_command(char):
    name = unicodedata.name(char, "")
    for prefix, case in (("GREEK SMALL LETTER ", str.lower),
                         ("GREEK CAPITAL LETTER ", str.title)):
        if name.startswith(prefix) and " " not in name[len(prefix):]:
            return "\\" + case(name[len(prefix):].replace("LAMDA", "LAMBDA"))
    return {"×": r"\times", "·": r"\cdot", "∇": r"\nabla", "≈": r"\approx", "∥": r"\parallel",
            "⊥": r"\perp", "∂": r"\partial", "≃": r"\simeq", "≡": r"\equiv"}.get(char)


def _braced(text, i, fail):
    """The raw text of the brace group starting at ``text[i] == '{'`` and the index after it."""
    depth, j = 0, i
    while j < len(text):
        if text[j] == "\\":
            j += 2
            continue
        depth += {"{": 1, "}": -1}.get(text[j], 0)
        if depth == 0:
            return text[i + 1:j], j + 1
        j += 1
    raise fail("unclosed { (missing })", i)


def _tokens(text):
    """Lex LaTeX into tokens; check that braces balance."""
    def fail(reason, start, end=None):
        return ParseError(reason, text, start, end, "LaTeX")

    tokens, braces, i, n, spaced = [], [], 0, len(text), False

    def emit(kind, value_text, start, end, value=""):
        nonlocal spaced
        tokens.append(_Token(kind, value_text, start, end, value, spaced))
        spaced = False

    while i < n:
        char, start = text[i], i
        if char.isspace() or char == "$":
            i += 1
        elif char == "~":
            spaced, i = True, i + 1
        elif char == "\\":
            match = re.match(r"\\([A-Za-z]+|.)", text[i:], re.DOTALL)
            if match is None:
                raise fail("a lone backslash at the end", start)
            command = match.group()
            i += len(command)
            if command in (r"\,", r"\;", r"\!", r"\:", r"\>", "\\ ") or command in _SPACING:
                spaced = True
            elif command in _IGNORED or command in (r"\[", r"\]", r"\(", r"\)"):
                pass
            elif command in (r"\left", r"\right"):
                delimiter = re.match(r"\s*(\\[A-Za-z]+|\\.|.)", text[i:])
                name = delimiter.group(1) if delimiter else ""
                allowed = set(_CLOSING) if command == r"\left" else set(_CLOSING.values())
                if name not in _DELIMITERS or _DELIMITERS[name] not in allowed | {".", "|"}:
                    side = "an opening" if command == r"\left" else "a closing"
                    raise fail(f"{command} needs {side} delimiter", start, i + 1)
                i += delimiter.end()
                emit("open" if command == r"\left" else "close", _DELIMITERS[name], start, i)
            elif command in _DELIMITERS:
                kind = {r"\{": "open", r"\}": "close", r"\langle": "open", r"\rangle": "close",
                        r"\lvert": "open", r"\rvert": "close"}.get(command, "bar")
                if command == r"\|":
                    emit("cmd", r"\|", start, i)
                else:
                    emit(kind, _DELIMITERS[command], start, i)
            elif command in _TEXT_COMMANDS:
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip < n and text[i + skip] == "{":
                    content, i = _braced(text, i + skip, fail)
                else:
                    content, i = text[i + skip:i + skip + 1], i + skip + 1
                emit("text", command, start, i, content)
            elif command in (r"\begin", r"\end"):
                skip = re.match(r"\s*", text[i:]).end()
                if i + skip >= n or text[i + skip] != "{":
                    raise fail(f"{command} needs {{environment}}", start, i)
                name, i = _braced(text, i + skip, fail)
                if name not in _SKIPPED_ENVIRONMENTS:
                    emit("begin" if command == r"\begin" else "endenv", name, start, i)
            elif re.fullmatch(r"\\[A-Za-z]+|\\\\|\\\|", command):
                emit("cmd", command, start, i)
            else:
                raise fail(f"unexpected {command}", start, i)
        elif char.isdigit() or (char == "." and i + 1 < n and text[i + 1].isdigit()):
            number = re.match(r"\d*\.?\d+|\d+", text[i:]).group()
            i += len(number)
            emit("num", number, start, i)
        elif char.isascii() and char.isalpha():
            i += 1
            emit("letter", char, start, i)
        elif char in "([":
            i += 1
            emit("open", char, start, i)
        elif char in ")]":
            i += 1
            emit("close", char, start, i)
        elif char == "{":
            braces.append(start)
            i += 1
            emit("char", char, start, i)
        elif char == "}":
            if not braces:
                raise fail("unmatched }", start)
            braces.pop()
            i += 1
            emit("char", char, start, i)
        elif char == "|":
            i += 1
            emit("bar", char, start, i)
        elif char in "^_+-*/=,'&<>!.:;" or char in "−":
            i += 1
            emit("char", "-" if char == "−" else char, start, i)
        elif _unicode_command(char):
            i += 1
            emit("cmd", _unicode_command(char), start, i)
        elif char == "%":
            raise fail("comments (%) are not supported", start)
        else:
            raise fail(f"unexpected character {char!r}", start)
    if braces:
        raise fail("unclosed { (missing })", braces[-1])
    return tokens


class _Marker:
    """A partial notation object waiting for its operand (never returned)."""

    def __init__(self, value, token):
        self.value, self.token = value, token


class _Nabla(_Marker):
    """A bare ``\\nabla`` before a closing bracket, as in ``(\\vec{B}\\cdot\\nabla)``."""


class _NablaOf(_Marker):
    """``\\nabla`` of a vector: only meaningful after ``\\vec{a}\\cdot``."""


class _DirectionalOperator(_Marker):
    """``(\\vec{a}\\cdot\\nabla)`` waiting for the field it acts on."""


class _DerivativeOperator(_Marker):
    """``\\frac{d}{dt}`` waiting for a function value."""


class _Parser:
    """Recursive descent over the tokens.

    ``statement := expr (relation expr)*``; ``expr := [+-] term ([+-] term)*``;
    ``term := factor ((\\cdot | \\times | * | / | implicit) factor)*``;
    ``factor := [+-] primary [^ script]`` (plus the pending operators of the
    markers); ``primary`` is a number, a name, a group, a fraction, a root, a
    function, ``\\nabla ...``, an integral or a matrix.
    """

    def __init__(self, text, rational=False, tables=None, chain=False):
        self.text, self.rational, self.chain = text, rational, chain
        self.tokens = _tokens(text)
        self.index, self.bars, self.differential = 0, 0, 0
        self.symbols, self.functions, self.words = tables or ({}, {}, set())

    # --- token helpers ---------------------------------------------------------------
    def error(self, reason, token=None, end_token=None):
        token = token or self.peek()
        end = (end_token or token).end
        return ParseError(reason, self.text, token.position, end, "LaTeX")

    def peek(self, offset=0):
        position = self.index + offset
        if position < len(self.tokens):
            return self.tokens[position]
        end = len(self.text)
        return _Token("end", "", end, end)

    def at(self, kind, text=None, offset=0):
        token = self.peek(offset)
        return token.kind == kind and (text is None or token.text == text)

    def take(self, kind=None, text=None, what=None):
        token = self.peek()
        if kind is not None and not self.at(kind, text):
            found = token.text if token.kind != "end" else "the end of the formula"
            raise self.error(f"expected {what or text or kind}, found {found}", token)
        self.index += 1
        return token

    def group_end(self, index):
        """Index after the brace group (or single token) starting at ``index``."""
        token = self.tokens[index] if index < len(self.tokens) else None
        if token is None:
            return index
        if token.kind == "char" and token.text == "{":
            depth = 0
            for j in range(index, len(self.tokens)):
                if self.tokens[j].kind == "char" and self.tokens[j].text in "{}":
                    depth += 1 if self.tokens[j].text == "{" else -1
                    if depth == 0:
                        return j + 1
        if token.kind == "num" and len(token.text) > 1 and token.text.isdigit():  # \frac12
            rest = _Token("num", token.text[1:], token.position + 1, token.end)
            token.text, token.end = token.text[0], token.position + 1
            self.tokens.insert(index + 1, rest)
        return index + 1

    def notation(self, token, action, *args):
        try:
            return action(*args)
        except NotationError as problem:
            raise self.error(str(problem), token) from None

    # --- statement ---------------------------------------------------------------------
    def parse(self):
        self.strip()
        if not self.tokens:
            raise self.error("empty formula")
        sides = [self.checked(self.expr())]
        while self.relation():
            token = self.take()
            if len(sides) == 2 and not self.chain:
                raise self.error(CHAIN_REFUSED, token)
            if self.at("end"):
                raise self.error("nothing after the relation")
            sides.append(self.checked(self.expr()))
        if not self.at("end"):
            token = self.peek()
            if token.text in _REFUSED_RELATIONS:
                raise self.error(f"{token.text} is not supported (equations only)", token)
            if token.text == ",":
                raise self.error("unexpected ',' (one formula at a time)", token)
            if token.text == r"\\":
                raise self.error(r"line break \\ (one formula at a time)", token)
            raise self.error(f"unexpected {token.text}", token)
        return finish(sides, self.chain)

    def strip(self):
        """Drop trailing sentence punctuation and alignment ``&`` outside matrices."""
        while self.tokens and self.tokens[-1].kind == "char" and self.tokens[-1].text in ".,;":
            self.tokens.pop()
        kept, depth = [], 0
        for token in self.tokens:
            depth += {"begin": 1, "endenv": -1}.get(token.kind, 0)
            if not (token.kind == "char" and token.text == "&" and depth == 0):
                kept.append(token)
        self.tokens = kept
        if self.at("char", "=") or self.relation():
            raise self.error(f"nothing before {self.peek().text}")

    def relation(self):
        token = self.peek()
        if token.kind == "char" and token.text == ":" and self.at("char", "=", 1):
            self.take()
            return True
        return (token.kind == "char" and token.text == "=") or \
            (token.kind == "cmd" and token.text in _RELATIONS)

    def checked(self, value):
        if isinstance(value, _Marker):
            what = {_Nabla: r"\nabla without an operand", _NablaOf: "gradient of a vector",
                    _DirectionalOperator: r"(\vec{a}\cdot\nabla) without a field after it",
                    _DerivativeOperator: "d/dx without a function after it"}[type(value)]
            raise self.error(what, value.token)
        return value

    # --- sums and products -----------------------------------------------------------------
    def expr(self):
        sign = None
        if self.at("char", "+") or self.at("char", "-"):
            sign = self.take()
        value = self.term()
        if sign is not None and sign.text == "-":
            value = -self.checked(value)
        while self.at("char", "+") or self.at("char", "-") or self.at("cmd", r"\pm"):
            token = self.take()
            if token.text == r"\pm":
                raise self.error(r"\pm is not supported (write the two formulas)", token)
            right = self.checked(self.term())
            value = self.notation(token, add, self.checked(value),
                                  right if token.text == "+" else -right)
        return value

    def term(self):
        value = self.factor()
        while True:
            token = self.peek()
            if token.text in (r"\cdot", r"\times", "*") and token.kind in ("cmd", "char"):
                self.take()
                value = self.product(token, value, self.factor())
            elif token.kind == "char" and token.text == "/":
                self.take()
                right = self.checked(self.factor())
                value = self.notation(token, divide, self.checked(value), right)
            elif self.starts_factor():
                right = self.factor()
                if isinstance(value, sp.Number) and isinstance(right, sp.Number):
                    raise self.error("two numbers without an operator", token)
                value = self.notation(token, multiply, self.checked(value), self.checked(right))
            else:
                return value

    def product(self, token, left, right):
        """``\\cdot``/``\\times``/``*``: dot or cross between vectors, else multiplication."""
        if token.text == r"\cdot" and isinstance(right, _Nabla):
            return _DirectionalOperator(self.checked(left), token)
        if token.text == r"\cdot" and isinstance(right, _NablaOf):
            return self.directional(token, self.checked(left), right.value)
        left, right = self.checked(left), self.checked(right)
        if is_vector(left) and is_vector(right):
            if token.text == "*":
                raise self.error(r"product of two vectors: write \cdot or \times", token)
            return self.notation(token, dot if token.text == r"\cdot" else cross, left, right)
        return self.notation(token, multiply, left, right)

    def directional(self, token, direction, field):
        if not is_vector(direction):
            raise self.error(r"(a \cdot \nabla) needs a vector a", token)
        if is_vector(field):
            return DirectionalDerivative(direction, field)
        return self.notation(token, dot, direction, Grad(field))

    def starts_factor(self):
        token = self.peek()
        if token.kind in ("num", "letter", "text", "begin"):
            return not (self.differential and self.at_differential())
        if token.kind == "open":
            return True
        if token.kind == "bar":
            return self.bars == 0
        if token.kind == "char":
            return token.text == "{"
        return token.kind == "cmd" and (
            token.text[1:] in _GREEK or token.text in _DECORATIONS or
            token.text in _FUNCTION_COMMANDS or token.text in (
                r"\frac", r"\dfrac", r"\tfrac", r"\cfrac", r"\sqrt", r"\nabla", r"\pi",
                r"\int", r"\partial", r"\infty", r"\dot", r"\ddot", r"\hbar"))

    def at_differential(self):
        """``d x`` closing an integral."""
        token = self.peek()
        is_d = (token.kind == "letter" and token.text == "d") or \
            (token.kind == "text" and token.value.strip() == "d" and token.text == r"\mathrm")
        following = self.peek(1)
        return is_d and (following.kind == "letter" or
                         (following.kind == "cmd" and following.text[1:] in _GREEK))

    # --- factors ------------------------------------------------------------------------
    def factor(self):
        if self.at("char", "-") or self.at("char", "+"):
            token = self.take()
            value = self.checked(self.factor())
            return -value if token.text == "-" else value
        value = self.primary()
        while self.at("char", "^"):
            token = self.take()
            exponent = self.script()
            if isinstance(value, _Marker):
                raise self.error("power of an operator", token)
            if exponent is _DEGREE:
                value = value * sp.pi / 180
            else:
                value = self.notation(token, power, value, exponent)
        if is_vector(value) and self.at("cmd", r"\cdot") and self.at("cmd", r"\nabla", 1):
            value = self.product(self.take(), value, self.nabla())   # a . nabla binds first
            if isinstance(value, _DirectionalOperator):
                return value                          # (a . nabla): the bracket closes first
        if isinstance(value, _DirectionalOperator):
            field = self.checked(self.factor())
            return self.directional(value.token, value.value, field)
        if isinstance(value, _DerivativeOperator):
            operand = self.checked(self.factor())
            if not isinstance(operand, AppliedUndef) or value.value not in operand.args:
                raise self.error("derivative of an expression is not supported "
                                 "(only of a function value such as \\mu{\\left(t\\right)})",
                                 value.token)
            return sp.Derivative(operand, value.value)
        return value

    def script(self):
        """The argument of ``^`` or ``_`` as an expression (one token unless braced)."""
        if self.at("cmd", r"\circ") or (self.at("char", "{") and self.at("cmd", r"\circ", 1)
                                        and self.at("char", "}", 2)):
            self.index += 1 if self.at("cmd", r"\circ") else 3
            return _DEGREE
        self.group_end(self.index)                  # splits x^23 into x^2 3, as LaTeX does
        if self.at("end"):
            raise self.error("missing superscript")
        if self.at("char", "{"):
            self.take()
            value = self.checked(self.expr())
            self.take("char", "}", "}")
            return value
        token = self.peek()
        if token.kind == "char" and token.text == "-":       # x^-1: LaTeX would print x^{-}1
            raise self.error("write a negative exponent in braces, ^{-1}", token)
        return self.checked(self.primary())

    def primary(self):
        token = self.peek()
        kind, text = token.kind, token.text
        if kind == "num":
            self.take()
            if "." in text:
                return float_number(text, self.rational)
            return sp.Integer(text)
        if kind == "letter" or (kind == "cmd" and (text[1:] in _GREEK or text in _DECORATIONS)):
            return self.symbol()
        if kind == "text":
            return self.text_command()
        if kind == "open":
            return self.bracket()
        if kind == "bar":
            self.take()
            self.bars += 1
            value = self.checked(self.expr())
            self.bars -= 1
            self.take("bar", what="closing |")
            return self.notation(token, magnitude, value)
        if kind == "char" and text == "{":
            self.take()
            value = self.expr()
            self.take("char", "}", "}")
            return value
        if kind == "begin":
            return self.matrix()
        if kind == "cmd":
            if text in (r"\frac", r"\dfrac", r"\tfrac", r"\cfrac"):
                return self.fraction()
            if text == r"\sqrt":
                return self.root()
            if text in _FUNCTION_COMMANDS:
                self.take()
                return self.function(token, _FUNCTION_COMMANDS[text])
            if text == r"\nabla":
                return self.nabla()
            if text == r"\pi":
                self.take()
                return sp.pi
            if text == r"\int":
                return self.integral()
            if text in (r"\pm", r"\mp"):
                raise self.error(f"{text} is not supported (write the two formulas)", token)
            if text in (r"\partial", r"\dot", r"\ddot", r"\infty", r"\hbar"):
                raise self.error(f"{text} is not supported here", token)
            if text in _RELATIONS or text in _REFUSED_RELATIONS:
                raise self.error(f"expected a formula before {text}", token)
            raise self.error(f"unknown command {text}", token)
        if kind == "end":
            raise self.error("unexpected end of the formula")
        raise self.error(f"unexpected {text}", token)

    def bracket(self):
        opening = self.take()
        if opening.text == ".":
            raise self.error(r"\left. is not supported", opening)
        if opening.text == r"\langle":
            return self.average(opening)
        if opening.text == "|":
            value = self.checked(self.expr())
            self.take("close", "|", what="\\right|")
            return self.notation(opening, magnitude, value)
        if self.at("begin"):
            value = self.matrix()
        else:
            value = self.expr()
        closing = _CLOSING[opening.text]
        if not self.at("close", closing):
            token = self.peek()
            found = token.text if token.kind != "end" else "the end of the formula"
            raise self.error(f"expected {closing} to close the {opening.text} at column "
                             f"{opening.position + 1}, found {found}", token)
        self.take()
        return value

    def average(self, opening):
        start = self.index
        try:
            key = self.name_key()[0]
            self.take("close", r"\rangle")
        except ParseError:
            key = None
        value = self.symbols.get(rf"\langle{{{key}}}\rangle") if key else None
        if value is None:
            self.index = start
            raise self.error(r"gyro-averages \langle ... \rangle are not supported", opening)
        return value

    # --- names ------------------------------------------------------------------------
    def name_key(self):
        """Scan a name at the cursor; return ``(key, exponent or None)``.

        The key is canonical LaTeX: ``B``, ``\\omega_{c}``, ``\\vec{v}_{F}``,
        ``v_{\\parallel}`` (sub-script flattened, ``\\text``/``\\mathrm`` unwrapped).
        """
        token = self.take()
        decoration, subscript, exponent, prime = "", None, None, ""
        if token.kind == "cmd" and token.text in _DECORATIONS:
            decoration = _DECORATIONS[token.text]
            end = self.group_end(self.index)
            inner = self.tokens[self.index:end]
            if inner and inner[0].kind == "char" and inner[0].text == "{":
                inner = inner[1:-1]
            self.index = end
            base, subscript = self.inner_name(token, inner)
        elif token.kind == "letter" or (token.kind == "cmd" and token.text[1:] in _GREEK):
            base = token.text
        elif token.kind == "text" and re.fullmatch(r"\s*[A-Za-z]+\s*", token.value):
            base = token.value.strip()
        else:
            raise self.error(f"expected a name, found {token.text}", token)
        while True:
            if self.at("char", "_"):
                underscore = self.take()
                if subscript is not None:
                    raise self.error("double subscript", underscore)
                subscript = self.flat(self.index, self.group_end(self.index))
                self.index = self.group_end(self.index)
            elif self.at("char", "^") and exponent is None and \
                    self.at("char", "_", self.script_span()):            # v^2_\parallel
                self.take()
                exponent = self.script()
            elif self.at("char", "'"):
                self.take()
                prime += "'"
            else:
                break
        key = f"{decoration}{{{base}}}" if decoration else base
        if subscript:
            key += f"_{{{subscript}}}"
        return key + prime, exponent

    def script_span(self):
        """Offset (from the cursor) of the token after ``^ script``."""
        return self.group_end(self.index + 1) - self.index

    def inner_name(self, token, inner):
        if not inner or not (inner[0].kind == "letter" or
                             (inner[0].kind == "cmd" and inner[0].text[1:] in _GREEK)):
            raise self.error(f"{token.text} of something other than a letter", token)
        if len(inner) == 1:
            return inner[0].text, None
        if len(inner) > 2 and inner[1].kind == "char" and inner[1].text == "_":
            start = self.tokens.index(inner[2])
            end = self.group_end(start)
            if self.tokens[end - 1] is inner[-1]:
                return inner[0].text, self.flat(start, end)
        raise self.error(f"{token.text}{{...}} must hold one name", token)

    def flat(self, start, end):
        """Canonical text of a subscript's tokens."""
        if start >= len(self.tokens):
            raise self.error("missing subscript")
        parts = []
        for token in self.tokens[start:end]:
            if token.kind == "text":
                parts.append("".join(token.value.split()))
            elif token.kind == "cmd" and token.text in (r"\|", r"\parallel"):
                parts.append(r"\parallel")
            elif not (token.kind == "char" and token.text in "{}"):
                parts.append(token.text)
        text = "".join(parts)
        return text.replace("||", r"\parallel").replace("//", r"\parallel")

    def symbol(self):
        token = self.peek()
        word = self.word()
        if word is not None:
            return word
        start = self.index
        key, exponent = self.name_key()
        value = self.symbols.get(key)
        function = self.functions.get(key)
        applied = function is not None and (                 # SymPy prints T{\left(y\right)}
            (self.at("char", "{") and self.at("open", "(", 1)) or
            (key in ("T", "D", "Y") and self.at("open", "(")))
        if applied:
            value = self.application(token, function)
        elif value is None:
            last = self.tokens[self.index - 1]
            hint = suggest(key, self.symbols) or self.subscript_hint(start)
            if not hint and rf"\vec{{{key}}}" in self.symbols:
                hint = rf" (did you mean \vec{{{key}}}?)"
            raise self.error(f"unknown symbol {key}{hint}", self.tokens[start], last)
        if exponent is not None:
            value = self.notation(token, power, value, exponent)
        return value

    def subscript_hint(self, start):
        """For ``B_max`` (LaTeX reads B_m a x): suggest the braced subscript."""
        tokens = self.tokens
        if start < 3 or not (tokens[start - 2].kind == "char" and tokens[start - 2].text == "_"
                             and tokens[start - 1].kind == "letter"
                             and tokens[start - 1].end == tokens[start].position
                             and (tokens[start - 3].kind == "letter" or
                                  tokens[start - 3].text[1:] in _GREEK)):
            return ""
        j = start - 1
        run = ""
        while j < len(tokens) and tokens[j].kind == "letter" and \
                (j == start - 1 or tokens[j].position == tokens[j - 1].end):
            run += tokens[j].text
            j += 1
        base = tokens[start - 3].text
        return f" (a subscript of several letters needs braces: {base}_{{{run}}})"

    def word(self):
        """A multi-letter name of the table written as a bare run of letters."""
        run, j = "", self.index
        while j < len(self.tokens) and self.tokens[j].kind == "letter" and \
                (j == self.index or self.tokens[j].position == self.tokens[j - 1].end):
            run += self.tokens[j].text
            j += 1
        for length in range(len(run), 1, -1):
            if run[:length] in self.words:
                self.index += length
                return self.symbols[run[:length]]
        return None

    def application(self, token, function):
        return self.notation(token, apply, function, self.braced_arguments())

    def braced_arguments(self):
        """Arguments in parentheses, optionally inside braces: ``f{(a, b)}``."""
        braced = self.at("char", "{")
        if braced:
            self.take()
        args = self.arguments()
        if braced:
            self.take("char", "}", "}")
        return args

    def arguments(self):
        opening = self.take("open", what="(")
        args = [self.checked(self.expr())]
        while self.at("char", ","):
            self.take()
            args.append(self.checked(self.expr()))
        self.take("close", _CLOSING.get(opening.text, ")"))
        return args

    def text_command(self):
        token = self.take()
        content = token.value.strip()
        if token.text == r"\operatorname":
            function = _OPERATOR_NAMES.get(content)
            if function is None:
                raise self.error(f"unknown function \\operatorname{{{content}}}", token)
            return self.function(token, function)
        if content in ("sgn", "sign"):
            return self.function(token, sp.sign)
        if token.text in (r"\mathrm", r"\mathit") and re.fullmatch(r"[A-Za-z]+", content):
            self.index -= 1
            return self.symbol()
        words = content.strip("()[] .,").split()
        if words and all(_UNIT.fullmatch(word) for word in words):
            raise self.error(f"unit {token.text}{{{token.value}}} is not part of a formula "
                             "(give the formula without units)", token)
        raise self.error(f"text {token.text}{{{token.value}}} is not part of a formula", token)

    # --- functions, fractions, roots -----------------------------------------------------------
    def function(self, token, function):
        exponent = None
        if self.at("char", "_"):
            under = self.take()
            base = self.script()
            if function is sp.atan and base == 2:
                function = sp.atan2
            elif function is sp.log:
                return self.log_base(token, base)
            else:
                raise self.error("unexpected subscript on a function", under)
        if self.at("char", "^"):
            caret = self.take()
            exponent = self.script()
            if exponent == -1:
                if function not in _INVERSES:
                    raise self.error("^{-1} of this function is not supported", caret)
                function, exponent = _INVERSES[function], None
        if function is sp.atan2:
            args = self.braced_arguments()
            if len(args) != 2:
                raise self.error("atan2 takes two arguments", token)
        else:
            args = [self.function_argument(token)]
        value = self.notation(token, apply, function, args)
        if exponent is not None:
            value = self.notation(token, power, value, exponent)
        return value

    def log_base(self, token, base):
        value = self.function_argument(token)
        return self.notation(token, apply, sp.log, [value]) / sp.log(base)

    def function_argument(self, token):
        if self.at("open") or self.at("char", "{"):
            return self.checked(self.primary())
        if not self.starts_factor():
            raise self.error(f"{token.text} needs an argument", self.peek())
        value = self.checked(self.factor())
        while not self.peek().spaced and (
                self.at("letter") or self.at("num") or
                (self.at("cmd") and (self.peek().text[1:] in _GREEK or self.at("cmd", r"\pi")))):
            if self.differential and self.at_differential():
                break
            following = self.peek()
            value = self.notation(following, multiply, value, self.checked(self.factor()))
        return value

    def fraction(self):
        token = self.take()
        numerator = (self.index, self.group_end(self.index))
        denominator = (numerator[1], self.group_end(numerator[1]))
        derivative = self.derivative(token, numerator, denominator)
        if derivative is not None:
            self.index = denominator[1]
            return derivative
        top = self.argument()
        bottom = self.argument()
        if isinstance(top, _NablaOf) or isinstance(bottom, _Marker):
            raise self.error("operator in a fraction", token)
        return self.notation(token, divide, self.checked(top), bottom)

    def argument(self):
        if self.at("char", "{"):
            self.take()
            value = self.expr()
            self.take("char", "}", "}")
            return value
        return self.primary()

    def root(self):
        token = self.take()
        degree = 2
        if self.at("open", "["):
            self.take()
            degree = self.checked(self.expr())
            self.take("close", "]")
        value = self.checked(self.argument())
        if is_vector(value):
            raise self.error("root of a vector", token)
        return sp.root(value, degree) if degree != 2 else sp.sqrt(value)

    # --- calculus ---------------------------------------------------------------------------
    def differential_form(self, start, end):
        """For tokens ``d``/``\\mathrm{d}``/``\\partial`` followed by a name:
        ``("", None, False)`` (a bare d), ``(key, exponent, False)`` (d and a name),
        ``(flat text, None, True)`` (d and anything else), or ``None`` (no d)."""
        tokens = self.tokens[start:end]
        if tokens and tokens[0].kind == "char" and tokens[0].text == "{":
            start, end = start + 1, end - 1
            tokens = self.tokens[start:end]
        if not tokens:
            return None
        first = tokens[0]
        if not ((first.kind == "letter" and first.text == "d") or
                (first.kind == "cmd" and first.text == r"\partial") or
                (first.kind == "text" and first.text == r"\mathrm" and first.value.strip() == "d")):
            return None
        if len(tokens) == 1:
            return "", None, False
        saved = self.index
        try:
            self.index = start + 1
            key, exponent = self.name_key()
            complete = self.index == end
        except ParseError:
            complete = False
        finally:
            self.index = saved
        return (key, exponent, False) if complete else (self.flat(start + 1, end), None, True)

    def derivative(self, token, numerator, denominator):
        top = self.differential_form(*numerator)
        bottom = self.differential_form(*denominator)
        if top is None or bottom is None or not bottom[0]:
            return None
        end_token = self.tokens[denominator[1] - 1]
        if bottom[2]:
            raise self.error("higher derivatives and derivatives with respect to an "
                             "expression are not supported", token, end_token)
        if top[1] is not None or bottom[1] is not None:
            raise self.error("higher derivatives are not supported", token, end_token)
        variable = self.symbols.get(bottom[0])
        if variable is None or not isinstance(variable, sp.Symbol):
            raise self.error(f"unknown variable {bottom[0]} of a derivative", token, end_token)
        if top[0] == "":
            return _DerivativeOperator(variable, token)
        key = f"d{{{top[0]}}}/d{{{bottom[0]}}}"
        if key in self.symbols:
            return self.symbols[key]
        if top[2]:
            raise self.error("derivative of an expression is not supported", token, end_token)
        function = self.functions.get(top[0])
        applied = getattr(function, "applied", None)
        if applied is not None and applied.args == (variable,):
            return sp.Derivative(applied, variable)
        known = [name for name in self.symbols if name.startswith("d{")]
        raise self.error(f"no symbol for the derivative {key}{suggest(key, known)}",
                         token, end_token)

    def integral(self):
        token = self.take()
        limits = {}
        while self.at("char", "_") or self.at("char", "^"):
            which = self.take().text
            limits[which] = self.script()
        self.differential += 1
        body = self.checked(self.expr())
        self.differential -= 1
        if not self.at_differential():
            raise self.error("expected d<variable> closing the integral", self.peek())
        self.take()
        variable = self.symbol()
        if not isinstance(variable, sp.Symbol):
            raise self.error("integration variable must be a symbol", token)
        if set(limits) == {"_", "^"}:
            return sp.Integral(body, (variable, limits["_"], limits["^"]))
        if limits:
            raise self.error("an integral needs both limits or none", token)
        return sp.Integral(body, variable)

    def nabla(self):
        token = self.take()
        subscript = None
        if self.at("char", "_"):
            self.take()
            end = self.group_end(self.index)
            subscript = self.flat(self.index, end)
            self.index = end
        if self.at("cmd", r"\cdot") or self.at("cmd", r"\times"):
            operator = self.take()
            if subscript:
                raise self.error(r"\nabla with a subscript before \cdot or \times", token)
            field = self.checked(self.factor())
            name = "Div" if operator.text == r"\cdot" else "Curl"
            if not is_vector(field):
                raise self.error(f"{'divergence' if name == 'Div' else 'curl'} of a scalar",
                                 operator)
            return self.notation(operator, apply, FUNCTIONS[name][0], [field])
        if not self.starts_factor():
            if subscript:
                raise self.error(r"\nabla without an operand", token)
            return _Nabla(None, token)
        operand = self.checked(self.factor())
        if is_vector(operand):
            if subscript:
                raise self.error("gradient of a vector", token)
            return _NablaOf(operand, token)
        if subscript is None:
            return Grad(operand)
        b_hat = _symbols.b_hat
        if subscript == r"\perp":
            return Cross(b_hat, Cross(Grad(operand), b_hat))
        if subscript == r"\parallel":
            return _symbols.dB_ds if operand == _symbols.B else Dot(b_hat, Grad(operand))
        raise self.error(f"unknown gradient \\nabla_{{{subscript}}}", token)

    def matrix(self):
        opening = self.take("begin")
        if opening.text not in _MATRIX_ENVIRONMENTS:
            raise self.error(f"environment {opening.text} is not supported", opening)
        rows, row = [], []
        while True:
            row.append(self.checked(self.expr()))
            if self.at("char", "&"):
                self.take()
            elif self.at("cmd", r"\\"):
                self.take()
                rows.append(row)
                row = []
            elif self.at("endenv", opening.text):
                self.take()
                rows.append(row)
                break
            else:
                raise self.error(f"expected &, \\\\ or \\end{{{opening.text}}}", self.peek())
        if len({len(r) for r in rows}) != 1:
            raise self.error("matrix rows of different lengths", opening)
        return sp.ImmutableMatrix(rows)


# --- the one table --------------------------------------------------------------------------

class _Function:
    """An undefined function of guidingcenter.symbols, callable like a SymPy class."""

    def __init__(self, function, applied=None):
        self.function, self.applied = function, applied
        self.__name__ = str(function)

    def __call__(self, *args):
        return self.function(*args)


def latex_key(spelling):
    r"""The canonical key of a LaTeX name: ``latex_key(r"B_\text{max}") == "B_{max}"``.

    Derivatives give ``d{...}/d{...}``, averages ``\langle{...}\rangle``;
    ``None`` if the spelling is not a single name.
    """
    try:
        parser = _Parser(spelling)
        parser.strip()
        if parser.at("cmd", r"\frac"):
            parser.take()
            numerator = (1, parser.group_end(1))
            denominator = (numerator[1], parser.group_end(numerator[1]))
            top = parser.differential_form(*numerator)
            bottom = parser.differential_form(*denominator)
            if denominator[1] == len(parser.tokens) and top and bottom and top[0] and \
                    bottom[0] and not bottom[2]:
                return f"d{{{top[0]}}}/d{{{bottom[0]}}}"
            return None
        if parser.at("open", r"\langle"):
            parser.take()
            key, exponent = parser.name_key()
            parser.take("close", r"\rangle")
            key = rf"\langle{{{key}}}\rangle"
        else:
            key, exponent = parser.name_key()
    except ParseError:
        return None
    return key if exponent is None and parser.at("end") else None


@functools.lru_cache(maxsize=None)
def _tables():
    symbols, conflicts = {}, []
    by_name = _symbols.by_name()
    spellings = [(latex, symbol) for symbol, latex in _symbols.LATEX_NAMES.items()]
    spellings += [(sp.latex(symbol), symbol) for symbol in by_name.values()
                  if symbol not in _symbols.LATEX_NAMES]
    spellings += [(latex, by_name[name]) for latex, name in LATEX_ALIASES.items()]
    for spelling, symbol in spellings:
        key = latex_key(spelling)
        if key is None:
            continue
        if key in symbols and symbols[key] != symbol:
            conflicts.append((key, symbols[key], symbol))
            continue
        symbols[key] = symbol
    functions = {}
    for value in vars(_symbols).values():
        if isinstance(value, AppliedUndef):
            functions.setdefault(latex_key(value.func.__name__), _Function(value.func, value))
        elif isinstance(value, UndefinedFunction):
            functions.setdefault(latex_key(value.__name__), _Function(value))
    functions.pop(None, None)
    words = {key for key in symbols if key.isalpha() and len(key) > 1}
    return symbols, functions, words, tuple(conflicts)


def latex_table():
    """The one table of LaTeX names, ``{canonical key: symbol}`` (see :func:`latex_key`)."""
    return dict(_tables()[0])


def table_conflicts():
    """Spellings that name two different symbols, ``(key, kept, dropped)`` (first wins)."""
    return _tables()[3]


def parse_latex(text, *, rational=False, chain=False):
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
    >>> parse_latex(r"\omega_c = 2.98 L^{-3} \text{ kHz}")
    Traceback (most recent call last):
    ...
    guidingcenter.parsing.ParseError: cannot parse LaTeX at column 24: unit \text{ kHz} is not ...
    """
    text = str(text)
    symbols, functions, words, _ = _tables()
    try:
        return _Parser(text, rational, (symbols, functions, words), chain).parse()
    except ParseError:
        raise
    except RecursionError:
        raise ParseError("formula nested too deeply", text, 0, language="LaTeX") from None
    except Exception as problem:     # a parser bug must still be one line, not a traceback
        raise ParseError(f"internal error {type(problem).__name__}: {problem}", text, 0,
                         language="LaTeX") from None
