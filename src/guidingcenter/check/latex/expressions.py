"""Statements, sums, products and factors of the LaTeX grammar (a mixin of the parser).

``statement := expr (relation expr)*``; ``expr := [+-] term ([+-] term)*``;
``term := factor ((\\cdot | \\times | * | / | implicit) factor)*``;
``factor := [+-] primary [^ script]`` (plus the pending operators of the
markers); ``primary`` is a number, a name, a group, a fraction, a root, a
function, ``\\nabla ...``, an integral, a matrix or a list of components
(:mod:`~guidingcenter.check.latex.components`).
"""

import re

import sympy as sp
from sympy.core.function import AppliedUndef

from guidingcenter.check.algebra import (CHAIN_REFUSED, add, cross, divide, dot, finish,
                                         float_number, lengths, magnitude, multiply, power)
from guidingcenter.check.errors import ParseError
from guidingcenter.check.gyro_average import PHASE_NAMES
from guidingcenter.check.gyro_average import average as gyro_average
from guidingcenter.check.orbit_average import orbit_mean
from guidingcenter.check.latex.components import column
from guidingcenter.check.latex.lexer import (CLOSING, DECORATIONS, DEGREE, FUNCTION_COMMANDS, UNIT,
                                             GREEK, MATRIX_ENVIRONMENTS, REFUSED_RELATIONS,
                                             RELATIONS)
from guidingcenter.check.latex.stream import (DerivativeOperator, DirectionalOperator, Marker,
                                              Nabla, NablaOf)
from guidingcenter import symbols as _symbols
from guidingcenter.check.spelled import Spelled, SpelledVector, is_spelled
from guidingcenter.vectors import DirectionalDerivative, Grad, is_vector

def is_remark_text(token):
    """A ``\\text`` of words or a unit (``\\text{(current-free)}``, ``\\mathrm{s}`` after a
    space or with one, ``\\text{ min}``), not a name written in roman (``\\mathrm{d}``,
    ``\\text{sgn}``)."""
    words = token.value.strip()
    if (token.spaced or token.value[:1].isspace()) and UNIT.fullmatch(words.strip("()[] ")):
        return True
    return len(re.sub(r"[^A-Za-z]", "", words)) > 1 and words not in ("sgn", "sign") and (
        " " in words or not words.isalpha() or len(words) > 4)


# \pm and \mp in a drift or a gyration: the sign of the charge (upper sign: q > 0).
SIGN_OF_CHARGE = {r"\pm": sp.sign(_symbols.q), r"\mp": -sp.sign(_symbols.q)}

__all__ = ['Expressions']


class Expressions:
    """Statements, sums, products and factors of the LaTeX grammar (a mixin of the parser)."""

    # --- statement ---------------------------------------------------------------------
    def parse(self):
        self.strip()
        if not self.tokens:
            raise self.error("empty formula")
        self.relations, self.remark, self.relation_positions = [], "", []
        sides = [self.checked(self.expr())]
        while self.relation():
            token = self.take()
            self.relations.append(":=" if token.text == ":" else token.text)
            self.relation_positions.append(token.position)
            if len(sides) == 2 and not self.chain:
                raise self.error(CHAIN_REFUSED, token)
            if self.at("end"):
                raise self.error("nothing after the relation")
            sides.append(self.checked(self.expr()))
        if any(is_vector(side) and lengths(side) is None for side in sides):
            # v_E = E x B/B^2: v_E names the vector (but v_gradB = v_perp r_L grad B/2B
            # is a speed: grad B there is its magnitude)
            sides = [self.as_vector(side) for side in sides]
        if self.lookup is not None and self.lookup.open and (
                self.at_remark() or (self.relations and self.peek().text in REFUSED_RELATIONS)):
            self.remark = self.text[self.peek().position:].strip()
            self.index = len(self.tokens)
        if not self.at("end"):
            token = self.peek()
            if token.text in REFUSED_RELATIONS:
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

    def at_remark_text(self):
        return self.peek().kind == "text" and is_remark_text(self.peek())

    def at_remark(self):
        r"""Words after the formula (``, \quad \text{for electrons}``, ``\quad (q > 0)``):
        a remark that may state a condition, not part of the formula."""
        token = self.peek()
        if token.kind == "end":
            return False
        if token.kind == "char" and token.text in ",;" or (token.wide and not self.bars):
            return True
        return (token.spaced and (token.kind == "text" or (token.kind == "open"
                                                          and token.text in "(["))) or \
            self.at_remark_text()

    def relation(self):
        token = self.peek()
        if token.kind == "char" and token.text == ":" and self.at("char", "=", 1):
            self.take()
            return True
        return (token.kind == "char" and token.text == "=") or \
            (token.kind == "cmd" and token.text in RELATIONS)

    def checked(self, value):
        if isinstance(value, NablaOf) and value.value == _symbols.B_vec:
            # -\nabla \vec{B} = (B/R_c^2) \vec{R}_c: the gradient of the field's strength;
            # (grad B-vector) . b is grad|B| as well, and grad|B| is the only vector it can be
            return Grad(_symbols.B)
        if isinstance(value, Marker):
            what = {Nabla: r"\nabla without an operand", NablaOf: "gradient of a vector",
                    DirectionalOperator: r"(\vec{a}\cdot\nabla) without a field after it",
                    DerivativeOperator: "d/dx without a function after it"}[type(value)]
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
        while self.at("char", "+") or self.at("char", "-") or self.at("cmd", r"\pm") or \
                self.at("cmd", r"\mp"):
            token = self.take()
            right = self.checked(self.term())
            if token.text in SIGN_OF_CHARGE:
                right = SIGN_OF_CHARGE[token.text] * right
            value = self.checked(value)
            if is_vector(value) != is_vector(right):    # E + v x B with E, B plain letters
                value, right = self.promoted(value), self.promoted(right)
            value = self.notation(token, add, value, right if token.text != "-" else -right)
        return value

    def promoted(self, value):
        """A scalar term whose one plain name is printed for a vector (the E of
        ``q(E + v \times B)``) as that vector's term; anything else as it is."""
        if is_vector(value):
            return value
        names = {s: self.as_vector(s) for s in value.atoms(sp.Symbol)}
        vectors = {s: v for s, v in names.items() if is_vector(v)}
        return value.xreplace(vectors) if len(vectors) == 1 else value

    def term(self):
        value = last = self.factor()
        while True:
            token = self.peek()
            if token.text in (r"\cdot", r"\times", "*") and token.kind in ("cmd", "char"):
                self.take()
                right = self.factor()
                if token.text == r"\times" and last is not value and isinstance(last, sp.Symbol) \
                        and not is_vector(value) and is_vector(self.as_vector(right)) and \
                        is_vector(self.as_vector(last)):     # m/(qB^3) B x grad B, q v x B
                    value = self.notation(token, multiply, self.checked(value / last),
                                          self.product(token, last, right))
                else:
                    value = self.product(token, value, right)
                last = right
            elif token.kind == "char" and token.text == "/":
                self.take()
                right = self.checked(self.factor())
                while self.adjacent() and self.starts_factor():    # m v^2/2B is m v^2/(2B)
                    following = self.peek()
                    right = self.notation(following, multiply, right, self.checked(self.factor()))
                value = self.notation(token, divide, self.checked(value), right)
                last = value
            elif self.starts_factor():
                right = last = self.factor()
                if isinstance(value, sp.Number) and isinstance(right, sp.Number) and \
                        token.kind != "open":                  # (1.67e-27)(274) multiplies
                    raise self.error("two numbers without an operator", token)
                value = self.notation(token, multiply, self.checked(value), self.checked(right))
            else:
                return value

    def adjacent(self):
        """The next token follows the last one with no space between (``2B`` in ``/2B``)."""
        return 0 < self.index < len(self.tokens) and \
            self.tokens[self.index - 1].end == self.peek().position

    def product(self, token, left, right):
        """``\\cdot``/``\\times``/``*``: dot or cross between vectors, else multiplication."""
        if token.text == r"\cdot" and isinstance(right, Nabla):
            return DirectionalOperator(self.checked(left), token)
        if token.text == r"\cdot" and isinstance(right, NablaOf):
            return self.directional(token, self.checked(left), right.value)
        left, right = self.checked(left), self.checked(right)
        if token.text in (r"\times", r"\cdot") and (is_vector(left) != is_vector(right) or (
                token.text == r"\times" and isinstance(left, sp.Symbol)
                and isinstance(right, sp.Symbol))):
            vectors = self.as_vector(left), self.as_vector(right)   # B x grad B, E x B plain
            if all(map(is_vector, vectors)):
                left, right = vectors
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
        if self.lookup is not None and self.lookup.open and not self.bars and (
                token.wide or (token.kind == "text" and is_remark_text(token))):
            return False                # "x = y \quad (q > 0)", "\,\text{(current-free)}"
        if token.kind in ("num", "letter", "text", "begin"):
            return not (self.differential and self.at_differential())
        if token.kind == "open":
            return True
        if token.kind == "bar":
            return self.bars == 0
        if token.kind == "char":
            return token.text == "{"
        return token.kind == "cmd" and (
            token.text[1:] in GREEK or token.text in DECORATIONS or
            token.text in FUNCTION_COMMANDS or token.text in (
                r"\frac", r"\dfrac", r"\tfrac", r"\cfrac", r"\sqrt", r"\nabla", r"\pi",
                r"\int", r"\oint", r"\partial", r"\infty", r"\dot", r"\ddot", r"\hbar",
                r"\sum"))

    def at_differential(self):
        """``d x`` closing an integral."""
        token = self.peek()
        is_d = (token.kind == "letter" and token.text == "d") or \
            (token.kind == "text" and token.value.strip() == "d" and token.text == r"\mathrm")
        following = self.peek(1)
        return is_d and (following.kind == "letter" or
                         (following.kind == "cmd" and following.text[1:] in GREEK))

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
            if isinstance(value, Marker):
                raise self.error("power of an operator", token, unsupported=True)
            if exponent is DEGREE:
                value = value * sp.pi / 180
            else:
                value = self.notation(token, power, value, exponent)
        if is_vector(value) and self.at("cmd", r"\cdot") and self.at("cmd", r"\nabla", 1):
            value = self.product(self.take(), value, self.nabla())   # a . nabla binds first
            if isinstance(value, DirectionalOperator):
                return value                          # (a . nabla): the bracket closes first
        if isinstance(value, DirectionalOperator):
            field = self.checked(self.factor())
            return self.directional(value.token, value.value, field)
        if isinstance(value, DerivativeOperator):
            operand = self.checked(self.factor())
            if value.value == _symbols.t and self.lookup is not None and self.lookup.open \
                    and not operand.has(_symbols.t) and not is_vector(operand):
                return sp.Derivative(operand, _symbols.t, evaluate=False)  # d/dt(...) = 0
            if not isinstance(operand, AppliedUndef) and operand.has(value.value) and \
                    not is_vector(operand) and not operand.atoms(AppliedUndef) and \
                    not any(is_spelled(name) for name in operand.free_symbols):
                return sp.diff(operand, value.value)     # d(cos lambda)/d lambda, explicit
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
            return DEGREE
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
        if kind == "letter":
            function = self.function_word()
            if function is not None:                       # sin, cos, exp typed as letters
                return self.function(token, function)
        if kind == "letter" or (kind == "cmd" and (text[1:] in GREEK or text in DECORATIONS)):
            return self.symbol()
        if kind == "text":
            return self.text_command()
        if kind == "open":
            return self.component_of(self.bracket())
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
            if text in FUNCTION_COMMANDS:
                self.take()
                return self.function(token, FUNCTION_COMMANDS[text])
            if text == r"\nabla":
                return self.nabla()
            if text == r"\pi":
                self.take()
                return sp.pi
            if text in (r"\int", r"\oint"):
                return self.integral()
            if text == r"\sum" and self.lookup is not None and self.lookup.open:
                return self.summation()
            if text == r"\partial" and self.at("char", "_", 1) and self.lookup is not None:
                return self.partial()
            if text == r"\partial" and self.lookup is not None and self.lookup.open:
                return self.inline_partial()
            if text in SIGN_OF_CHARGE:                       # +- for the sign of the charge
                self.take()
                return SIGN_OF_CHARGE[text] * self.checked(self.factor())
            if text in (r"\partial", r"\dot", r"\ddot", r"\infty", r"\hbar"):
                raise self.error(f"{text} is not supported here", token)
            if text in RELATIONS or text in REFUSED_RELATIONS:
                raise self.error(f"expected a formula before {text}", token)
            raise self.error(f"unknown command {text}", token)
        if kind == "end":
            raise self.error("unexpected end of the formula")
        raise self.error(f"unexpected {text}", token)

    def summation(self):
        """``\\sum_s q_s n_s \\vec{v}_s``: a sum over species or terms, kept whole as a
        name the toolkit does not know (the link of a chain it stands in is not checked;
        the links after it are)."""
        start = self.take()
        while self.at("char", "_") or self.at("char", "^"):
            self.index = self.group_end(self.index + 1)
        summand = self.checked(self.term())
        name = self.text[start.position:self.peek(-1).end if self.index else start.end]
        return (SpelledVector if is_vector(summand) else Spelled)(" ".join(name.split()))

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
        if opening.text in "([" and self.at("char", ","):
            value = self.listed(opening, self.checked(value))    # (a, b, c): a vector
        closing = CLOSING[opening.text]
        if not self.at("close", closing):
            token = self.peek()
            found = token.text if token.kind != "end" else "the end of the formula"
            raise self.error(f"expected {closing} to close the {opening.text} at column "
                             f"{opening.position + 1}, found {found}", token)
        self.take()
        return value

    def average(self, opening):
        r"""``\langle X \rangle``: a named average of the table (``\langle\tau_d\rangle``);
        X averaged over one gyration when it depends on a phase (``\langle\cos^2\omega_c
        t\rangle`` is 1/2, see :mod:`guidingcenter.check.gyro_average`); else, read
        openly, the guiding-centre quantity X itself.  A subscript on the closing bracket
        names the phase (``\rangle_\phi``, ``\rangle_t``), takes a component
        (``\rangle_\parallel``, ``\rangle_\perp``) or is read past (``\rangle_{gyro}``)."""
        start = self.index
        try:
            key = self.name_key()[0]
            self.take("close", r"\rangle")
        except ParseError:
            key = None
        named = rf"\langle{{{key}}}\rangle"
        value = self.symbols.get(named) if key else None
        if key and self.lookup is not None and self.lookup.open and self.lookup.knows(named):
            value = self.lookup(named, value)      # <F>: any average force, read openly
        if value is not None:
            return self.part(self.bracket_subscript(), value)
        self.index = start
        closed = self.lookup is None or not self.lookup.open
        refused = self.error(r"gyro-averages \langle ... \rangle of quantities are not "
                             "supported (only of an explicit phase, or read openly)", opening)
        try:
            value = self.checked(self.expr())
            self.take("close", r"\rangle", what=r"\rangle")
        except ParseError:
            if closed:
                raise refused from None
            raise
        subscript = self.bracket_subscript()
        named = subscript if subscript in PHASE_NAMES or subscript == "t" else ""
        averaged = self.notation(opening, gyro_average, value, named)
        if averaged is None:                     # <v_0 x (r . grad) B>: on the Larmor orbit
            averaged = orbit_mean(value, named)
        if averaged is not None:
            self.averaged.append((value, averaged))
            value = averaged
        elif closed:
            raise refused
        return self.part(subscript, value)       # <X>: the guiding-centre quantity X itself

    def bracket_subscript(self):
        r"""The flat text of a subscript after ``\rangle`` (read past), or ``""``."""
        if not self.at("char", "_"):
            return ""
        self.take()
        end = self.group_end(self.index)
        text = self.flat(self.index, end)
        self.index = end
        return text

    def part(self, subscript, value):
        r"""``\langle\vec{X}\rangle_\parallel``: the component along B; ``_\perp``: the part
        across B; any other subscript leaves the value as it is."""
        if not is_vector(value) or subscript not in (r"\parallel", r"\perp"):
            return value
        b_hat = _symbols.b_hat
        if subscript == r"\parallel":
            return dot(b_hat, value)
        return cross(b_hat, cross(value, b_hat))

    def matrix(self):
        opening = self.take("begin")
        if opening.text not in MATRIX_ENVIRONMENTS:
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
        if len(rows) == 1 and len(rows[0]) == 3:         # (a & b & c): the vector (a, b, c)
            return column(rows[0])
        return sp.ImmutableMatrix(rows)
